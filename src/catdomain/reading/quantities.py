"""Statistics in the prose of a reply: figures, what they count, when, and how they relate.

`find_quantities` reads every figure that states a statistic and returns a
`QuantityReading`: the figures (`Quantity`: exact value, qualifier, percent,
unit, a short concept, time, value kind, sentence) and the relations the
wording states between them (`PartRelation`, `ChangeRelation`,
`EquivalenceRelation`). Offsets are offsets into the text exactly as given.

The reader works by the *forms* statistics are written in, not by one
State's sentences.

Figures:
    Digits with comma, space, non-breaking or thin-space thousands separators
    ("40,000", "4 500", "1\u00a0352"), decimals ("19.2"), cardinals in words
    ("Eleven", "twenty-five", "two hundred", "a dozen"), scale words ("2
    million" → 2000000), percentages ("per cent", "percent", "%",
    "percentage points") and money ("US$ 2 million", "KZT 900,000", "1.2
    billion tenge": the currency is the unit).

Qualifiers (the words just before the figure, or "or more" after it):
    "about", "approximately", "around", "some", "roughly", "an estimated",
    "close to", "nearly", "almost" → APPROXIMATE ("nearly"/"almost" imply a
    value just below, but no State commits to a bound with them, so they
    are read as approximate); "more than", "over", "in excess of", "upwards
    of", "above", "exceeding" → MORE_THAN; "at least", "no fewer than",
    "not less than", "a minimum of", "N or more" → AT_LEAST; "fewer than",
    "less than", "under", "below" → LESS_THAN; "up to", "at most", "no more
    than", "not more than", "a maximum of", "may not exceed", "not
    exceeding", "N or fewer" → AT_MOST; otherwise EXACT.

What is not a statistic (exclusion rules):
    1. years, dates and time expressions, as `find_dates` finds them
       ("2024–2028", "in 2023", "over the past three years");
    2. references: a number after article, paragraph, section, part,
       chapter, point, item, clause, annex, table, page, rule, category,
       grade, level, class, group, stage, session, resolution, decision,
       decree, order, law, act, recommendation, question, "No." … with their
       lists and sub-parts ("articles 50, 63, 72 and 73", "article 362 (4)",
       "art. 68", "paras. 46 and 47", "Order No. 194/2020");
    3. identifiers: a number touching "/", ".", letters, or a hyphen or dash
       followed by a digit or letter ("CAT/C/KAZ/CO/4", "A/HRC/52/10",
       "COVID-19", "226-V"); an all-capitals code before a number ("ISO
       9001", "SDG 16") unless it is a currency;
    4. durations and legal time limits: a figure counting seconds to
       decades ("within 24 hours", "may not exceed three hours", "24
       months", "for up to 15 days", "from 10 to 15 years"), and compound
       modifiers ("10-day campaigns", "a one-year period", "a 50-bed
       hospital"); kept only after "average", "mean" or "median";
    5. ordinals and ranks: "fourth", "1st" and Roman numerals are never
       read as figures; "category I", "grade 2" fall under rule 2;
    6. ages: "aged 18", "under the age of 18", "18 years of age", "persons
       under 18";
    7. telephone numbers and hotlines ("hotline 1414", "+7 717 2 71 00 00");
    8. enumerators: a paragraph number at the start of a line ("19."), "(1)"
       before a word;
    9. value ranges ("10–15 persons", "between 10 and 15", "40 to 45 per
       cent" but not "from 40 to 45 per cent"), ratios ("1 in 5
       detainees", "4 out of 10"), fractions ("two thirds"), times of day ("14:30", "10
       a.m."), denominators ("per 100,000"), multiplicative changes
       ("increased 2.5 times");
    10. codes: plain digit runs of five digits or more ("120624", job and
        page numbers; counts that large are written with separators),
        numbers with a leading zero ("0800"), more than 15 digits;
    11. a bare year-like number (1900–2100) that counts nothing (no noun
        after it) or follows a capitalised name ("Agenda 2030");
    12. "one" as a pronoun ("one of the priorities", "one another", "no
        one"), a number word after a definite determiner ("the two
        Ministries"), a figure after "the" that modifies a singular noun
        ("the 4 square metre standard");
    13. rules, not counts: a figure in a clause that states a norm ("must",
        "shall", "may", "cannot", "is entitled to", "the law provides for
        …", "the Code stipulates …") unless the clause states a target
        ("each cell must provide at least 4 square metres", "a detainee may
        receive up to 4 visits").

Time (see `Quantity.time`), in order of precedence:
    1. a *local* time: a time expression right after the figure and its noun,
       in the same clause and brackets, with no other figure in between
       ("377 in 2022", "45.5 per cent, or 13,200 persons, by 2030" — an
       equivalence shares it);
    2. a part of a breakdown without a local time takes the whole's time;
       the whole of a breakdown by year without a time of its own spans the
       years of its parts ("709 officials (377 in 2022 and 332 in 2023)" →
       2022–2023);
    3. the *frame*: the last time expression before the figure in its
       brackets, then in the enclosing brackets, then in the sentence, that is
       not the local time of another figure ("In 2023, there were 22
       suicides", "(in 2023, … on 248 occasions …)", "for the period
       2024–2028, it is planned to build … (three remand centres …)");
       A time alone in brackets frames the text around it ("during the
       reporting period (2020–2023) the courts handed down 1,234 …"); a list
       of figures shares the time written after its last one ("150 judges and
       320 prosecutors were trained in 2023"); "respectively" pairs pooled
       years with a list in order;
    4. "currently", "at present", "now", "to date" in the sentence → None;
    5. otherwise the paragraph's running frame: the last frame stated by an
       earlier sentence of the same paragraph, inherited only by a sentence
       that states no time of its own and no present state ("The Office
       employs 56 prosecutors" → None); else None.
    Dates of instruments ("of 24 December 2014"), "after"/"before" dates and
    comparison bases ("compared with 2022", "more than in 2022") are never a
    figure's time. Measured on the seed against the curated gold, this rule
    gives every figure its curated time.

Relations:
    * partitions and subsets (`PartRelation`): "of whom", "of which", "of
      these", "of them", "namely", "consisting of", "comprising", "broken
      down", "divided into", "as follows" (a partition with two parts or
      more, a subset with one); "including", "among them/whom/which" (a
      subset); a colon list after a figure ("the 219 civilians …: 66 …; 143
      …; 4 …; and 6 …"); a bracketed list of two figures or more right after
      a figure ("709 officials (377 in 2022 and 332 in 2023)", "6 of other
      malfeasance (3 under article 362 (4), 2 under article 370 and 1 under
      article 432)"); "Of the 42 persons tried, 35 …"; "35 of the 42" or "35
      out of 42" (a subset). A per-year list is a partition only if the
      whole's time covers the years; otherwise its figures are values at
      other times ("22 suicides (29 cases in 2022 …)"). A claimed partition
      whose exact parts add up to less than an exact whole is reported as a
      subset. Parallel values at another time follow their figures:
      "120 … (78 in 2022), including 23 (7 in 2022)" gives 23 ⊂ 120 and 7 ⊂ 78;
    * stated changes (`ChangeRelation`): "a decrease/reduction/drop/fall/
      increase/rise of N", "decreased/fell/rose/increased by N", "a N per
      cent decrease", "N per cent more/fewer than"; the amount's `role` is
      ``"change"``. The later value is the figure the change follows (or the
      figure after "to"), the base the value "compared with", "from", or at
      another time in brackets. Without a stated amount ("fell from 29 to
      22") no relation is made, but both values are read, each with its time,
      and a bare "compared with 21" counts what it is compared with;
    * equivalences (`EquivalenceRelation`): the same fact in two units:
      "19.2 per cent, or 4,500 persons", "4,500 persons (19.2 per cent)",
      "US$ 2 million (KZT 900 million)".

A figure restating an earlier one of the same paragraph with a definite
determiner ("the 219 civilians") has ``role="restatement"`` and
`Quantity.same_as` pointing to the earlier figure; relations use the earlier
one. Consumers that build observations should keep ``role == "observation"``.

Tables laid out in plain text (cells separated by tabs or runs of spaces,
one row or one column per year) are read cell by cell (see
`catdomain.reading._tables`); the prose around them as above.

Not read (known limits): zero written as "none" or "no"; value ranges;
fractions; "a year earlier" after "as at 31 December 2023" is read as the
year 2022, not as 31 December 2022;
a deadline governing several coordinated verbs ("to recruit 200 … and to open
3 … by 2025") reaches only the figure before it.

Performance: every pattern starts with a digit, a letter class or a literal,
or is run only on a short window before a figure, so the scan is linear in
the text (about 2 MB/s of CPU on a slow shared core, dates alone about
10 MB/s); brackets nested deeper than six levels are looked through no
further.

Example:
    >>> from catdomain.reading.quantities import find_quantities
    >>> text = ("In 2023, there were 22 suicides among the prison population "
    ...         "(29 cases in 2022, or a decrease of 32 per cent).")
    >>> reading = find_quantities(text)
    >>> [(q.text, q.unit, str(q.time), q.role) for q in reading.quantities]
    [('22', 'suicides', '2023', 'observation'), ('29', 'cases', '2022', 'observation'), ('32', 'percent', '2023', 'change')]
    >>> change = reading.changes[0]
    >>> change.later, change.base, change.direction.value, change.relative, change.text
    (0, 1, 'decrease', True, 'a decrease of 32 per cent')
"""  # noqa: E501

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Literal, TypeAlias

import attrs

from catdomain import _regex
from catdomain._dates import Instant, PartialDate, Period, Pooled, TimeReference
from catdomain.reading._numbers import (
    DASHES,
    FIGURE,
    MULTIPLIER,
    WORD_NUMBER,
    figure_value,
    scale,
    words_value,
)
from catdomain.reading._tables import TextTable, find_tables
from catdomain.reading.dates import DateMention, _region, find_dates
from catdomain.vocab import BreakdownKind, ChangeDirection, Qualifier, ValueKind

__all__ = [
    "ChangeRelation",
    "EquivalenceRelation",
    "PartRelation",
    "Quantity",
    "QuantityReading",
    "QuantityRole",
    "Relation",
    "find_quantities",
]

QuantityRole: TypeAlias = Literal["observation", "change", "restatement"]
"""What a figure is: an observation of what is counted, the amount of a stated
change ("a decrease of 32 per cent"), or a restatement of an earlier figure
("the 219 civilians")."""


# ===================================================================== public types


def _check_span(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(f"{type(instance).__name__}.{attribute.name}: {value!r} is not an offset")


@attrs.frozen(kw_only=True)
class Quantity:
    """One figure stating a statistic.

    Attributes:
        start: Offset of the figure's first character.
        end: Offset just past the figure ("2 million" and "40,000" whole).
        text: The figure as written (``text[start:end]``).
        value: Its exact value ("19.2" stays ``Decimal("19.2")``; "2 million"
            is 2000000).
        qualifier: How exact it is.
        percent: Whether it is a percentage (or percentage points).
        unit: The counted thing, as written after the figure and lightly
            normalised ("persons", "video surveillance cameras", "percent",
            "US$"), inherited from the whole or the figure a bracket belongs
            to when the figure has no noun ("(377 in 2022 …)" → "officials");
            empty when the text does not say.
        unit_span: Where the unit is written, or None when inherited or absent.
        concept: A short description of what is counted (twelve words at
            most, never empty when a unit is known).
        time: When the figure holds (see the module docstring), or None.
        value_kind: Actual, target, plan or baseline.
        sentence: ``(start, end)`` of the sentence holding the figure.
        role: ``"observation"``, ``"change"`` (a stated change's amount) or
            ``"restatement"``.
        same_as: For a restatement, the index of the figure it restates.

    Example:
        >>> from catdomain.reading.quantities import find_quantities
        >>> text = "More than 40,000 video surveillance cameras are in use."
        >>> q = find_quantities(text).quantities[0]
        >>> q.text, q.value, q.qualifier.value, q.unit, q.unit_span, q.time
        ('40,000', Decimal('40000'), 'more-than', 'video surveillance cameras', (17, 43), None)
    """

    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)
    text: str
    value: Decimal
    qualifier: Qualifier = Qualifier.EXACT
    percent: bool = False
    unit: str = ""
    unit_span: tuple[int, int] | None = None
    concept: str = ""
    time: Instant | Period | Pooled | None = None
    value_kind: ValueKind = ValueKind.ACTUAL
    sentence: tuple[int, int]
    role: QuantityRole = "observation"
    same_as: int | None = None

    @property
    def is_observation(self) -> bool:
        """True for a figure that observes what is counted.

        Example:
            >>> from catdomain.reading.quantities import find_quantities
            >>> reading = find_quantities("12 cases, a fall of 3 cases")
            >>> [q.is_observation for q in reading.quantities]
            [True, False]
        """
        return self.role == "observation"


@attrs.frozen(kw_only=True)
class PartRelation:
    """Figures that are parts of another: a partition or a subset.

    Attributes:
        kind: PARTITION (the parts add up to the whole) or SUBSET.
        whole: Index of the whole in `QuantityReading.quantities`.
        parts: Indices of the parts, in text order.
        dimension: What the parts are broken down by ("year", "article",
            "sex", "status", "outcome"), or None when the text does not say.
        start: Offset of the text stating the relation.
        end: End of that text.
        text: That text.

    Example:
        >>> from catdomain.reading.quantities import find_quantities
        >>> reading = find_quantities("Sanctions hit 123 persons, including 45 officials.")
        >>> rel = reading.parts[0]
        >>> rel.kind.value, rel.whole, rel.parts, rel.text
        ('subset', 0, (1,), '123 persons, including 45 officials')
    """

    kind: BreakdownKind
    whole: int
    parts: tuple[int, ...]
    dimension: str | None = None
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)
    text: str


@attrs.frozen(kw_only=True)
class ChangeRelation:
    """A stated change between two values ("29 … or a decrease of 32 per cent").

    Attributes:
        later: Index of the value after the change.
        base: Index of the value before it, if the text gives one.
        direction: Increase or decrease.
        amount: Index of the stated amount (a quantity with ``role="change"``).
        relative: Whether the amount is a percentage of the base.
        start: Offset of the text stating the change ("a decrease of 32 per cent").
        end: End of that text.
        text: That text.

    Example:
        >>> from catdomain.reading.quantities import find_quantities
        >>> reading = find_quantities("In 2023, 300 complaints arrived, a fall of 12 per cent.")
        >>> c = reading.changes[0]
        >>> c.later, c.base, c.direction.value, c.amount, c.relative
        (0, None, 'decrease', 1, True)
    """

    later: int
    base: int | None = None
    direction: ChangeDirection
    amount: int
    relative: bool
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)
    text: str


@attrs.frozen(kw_only=True)
class EquivalenceRelation:
    """The same fact stated in two units ("19.2 per cent, or 4,500 persons").

    Attributes:
        quantities: Indices of the equivalent figures, in text order.
        start: Offset of the text stating them.
        end: End of that text.
        text: That text.

    Example:
        >>> from catdomain.reading.quantities import find_quantities
        >>> reading = find_quantities("It was 19.2 per cent, or 4,500 persons, in 2023.")
        >>> reading.equivalences[0].text, [str(q.time) for q in reading.quantities]
        ('19.2 per cent, or 4,500 persons', ['2023', '2023'])
    """

    quantities: tuple[int, ...]
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)
    text: str


Relation: TypeAlias = PartRelation | ChangeRelation | EquivalenceRelation
"""Any relation between figures."""


@attrs.frozen(kw_only=True)
class QuantityReading:
    """What `find_quantities` read: figures, relations and the dates used.

    Attributes:
        quantities: Every figure found, in text order (observations, change
            amounts and restatements; see `Quantity.role`).
        relations: The relations stated between them, in text order.
        dates: The date mentions the figures' times were taken from.

    Example:
        >>> from catdomain.reading.quantities import find_quantities
        >>> reading = find_quantities("Of the 42 persons tried, 35 were convicted and 7 acquitted.")
        >>> [q.text for q in reading.observations], reading.parts[0].kind.value
        (['42', '35', '7'], 'partition')
    """

    quantities: tuple[Quantity, ...] = ()
    relations: tuple[Relation, ...] = ()
    dates: tuple[DateMention, ...] = ()

    @property
    def observations(self) -> tuple[Quantity, ...]:
        """The figures with ``role="observation"``.

        Example:
            >>> from catdomain.reading.quantities import find_quantities
            >>> len(find_quantities("22 cases, a decrease of 32 per cent").observations)
            1
        """
        return tuple(q for q in self.quantities if q.role == "observation")

    @property
    def parts(self) -> tuple[PartRelation, ...]:
        """The partitions and subsets.

        Example:
            >>> from catdomain.reading.quantities import find_quantities
            >>> find_quantities("5 persons, of whom 3 men and 2 women").parts[0].parts
            (1, 2)
        """
        return tuple(r for r in self.relations if isinstance(r, PartRelation))

    @property
    def changes(self) -> tuple[ChangeRelation, ...]:
        """The stated changes.

        Example:
            >>> from catdomain.reading.quantities import find_quantities
            >>> find_quantities("There were 40 cases, an increase of 5 cases.").changes[0].relative
            False
        """
        return tuple(r for r in self.relations if isinstance(r, ChangeRelation))

    @property
    def equivalences(self) -> tuple[EquivalenceRelation, ...]:
        """The equivalences.

        Example:
            >>> from catdomain.reading.quantities import find_quantities
            >>> find_quantities("4,500 persons (19.2 per cent)").equivalences[0].quantities
            (0, 1)
        """
        return tuple(r for r in self.relations if isinstance(r, EquivalenceRelation))


# ===================================================================== vocabularies

_S = r"[ \t\u00a0\u202f\u2009\r\n]"  # a line break may wrap any phrase in PDF text
_DASH = f"[{DASHES}]"

_CURRENCY_CODES = (
    "USD|EUR|GBP|CHF|KZT|RUB|UAH|UZS|KGS|TJS|TMT|AZN|AMD|GEL|BYN|MDL|PLN|CZK|HUF|RON|BGN|"
    "SEK|NOK|DKK|ISK|TRY|CNY|JPY|INR|BRL|MXN|ARS|CLP|COP|PEN|ZAR|NGN|KES|UGX|TZS|GHS|ETB|"
    "EGP|MAD|TND|DZD|SAR|AED|QAR|KWD|BHD|OMR|JOD|ILS|IRR|IQD|PKR|BDT|LKR|NPR|IDR|MYR|THB|"
    "VND|PHP|KRW|MNT|AUD|CAD|NZD|SGD|HKD|XOF|XAF|CFA|RSD|BAM|MKD|ALL"
)
_CURRENCY_WORDS = (
    r"tenge|(?:US\s+)?dollars?|euros?|pounds(?:\s+sterling)?|(?:Swiss\s+)?francs?|roubles?"
    r"|rubles?|rupees?|pesos?|yuan|renminbi|yen|soms?|soums?|manats?|lari|drams?|lei|leu"
    r"|somoni|hryvnias?|hryvnya|kroner|kronor|krona|krone|zlotys?|forints?|korunas?|koruna"
    r"|reais|rand|naira|shillings?|dinars?|dirhams?|riyals?|rials?|liras?|lire|tugriks?"
    r"|dong|baht|ringgit|rupiah|kwacha|cedis?|birr|denars?|leks?|marks|bolivianos|guaran[ií]es"
    r"|guaranis|soles|colones|c[oó]rdobas|quetzales|lempiras|reales|balboas|dalasis|leones"
    r"|kwanzas|meticais|taka|kyats?|riels?|afghanis|ariary|ouguiyas?|nakfa"
)
_CURRENCY_BEFORE = _regex.compile(
    rf"(?P<cur>US{_S}?\$|[A-Z]{{1,2}}\$|\$|€|£|¥|₸|₽|₴|₹|₺|₦|₱|₩|₫|₪|₭|₮|₲|₡|৳|₼|₾|S/\.?"
    rf"|\b(?:{_CURRENCY_CODES}|KSh|Ksh|Rs\.?|Tk\.?|Bs\.?)(?![\w])){_S}*$"
)
_CURRENCY_AFTER = _regex.compile(
    rf"{_S}+(?P<cur>(?:{_CURRENCY_WORDS})|(?-i:{_CURRENCY_CODES}))(?![\w\u2011-])", re.IGNORECASE
)

_QUALIFIER_BEFORE = _regex.compile(
    r"""
    (?:
        \b(?P<approximate>about|approximately|approx\.|around|some|nearly|almost|roughly
            |an\s+estimated|estimated|close\s+to|circa|ca\.)
      | \b(?P<more_than>more\s+than|over|in\s+excess\s+of|upwards\s+of|above|exceeding
            |greater\s+than|higher\s+than)
      | \b(?P<at_least>at\s+least|no\s+fewer\s+than|not\s+fewer\s+than|no\s+less\s+than
            |not\s+less\s+than|a\s+minimum\s+of|minimum\s+of)
      | \b(?P<at_most>up\s+to|at\s+most|no\s+more\s+than|not\s+more\s+than|a\s+maximum\s+of
            |maximum\s+of|(?:may|must|shall|cannot|can\s*not|does|did|should)\s+not\s+exceed
            |not\s+exceeding|not\s+to\s+exceed|no\s+greater\s+than)
      | \b(?P<less_than>fewer\s+than|less\s+than|under|below|lower\s+than)
    )
    [ \t\u00a0\u202f]+(?:(?:a|the)\s+total\s+of\s+)?$
    """,
    re.VERBOSE | re.IGNORECASE,
)
_QUALIFIERS = {
    "approximate": Qualifier.APPROXIMATE,
    "more_than": Qualifier.MORE_THAN,
    "at_least": Qualifier.AT_LEAST,
    "at_most": Qualifier.AT_MOST,
    "less_than": Qualifier.LESS_THAN,
}
_QUALIFIER_AFTER = _regex.compile(
    rf"(?:{_S}*\+(?![\d])|{_S}+(?:or|and){_S}+(?P<up>more|over|above|higher)\b"
    rf"|{_S}+or{_S}+(?P<down>fewer|less|under|below|lower)\b)",
    re.IGNORECASE,
)
_PERCENT = _regex.compile(
    rf"{_S}*(?:(?P<points>percentage{_S}+points?|pp\b\.?)|(?:per{_S}?cent|percent)\b|%|pct\b\.?)",
    re.IGNORECASE,
)
_RATE = _regex.compile(
    rf"{_S}+per{_S}+(?P<rate>(?:[0-9][0-9,\u00a0\u202f\u2009]*[0-9]|[0-9]|a{_S}+thousand|one"
    rf"{_S}+hundred{_S}+thousand){_S}+[A-Za-z][\w\u2011-]*)",
    re.IGNORECASE,
)

_STOP = frozenset((
    "of", "in", "at", "on", "from", "to", "for", "with", "by", "under", "over", "among",
    "amongst", "between", "through", "throughout", "during", "since", "until", "till", "into",
    "onto", "within", "without", "against", "per", "across", "after", "before", "as", "than",
    "via", "including", "except", "like", "about", "around", "near", "toward", "towards",
    "upon", "behind", "beyond", "outside", "inside", "despite", "following", "regarding",
    "concerning", "according", "along", "alongside", "pursuant", "out", "up", "off", "down",
    "and", "or", "but", "nor", "so", "yet", "while", "whereas", "because", "if", "when",
    "where", "which", "who", "whom", "whose", "that", "whether", "although", "though",
    "unless", "once", "the", "a", "an", "this", "these", "those", "its", "their", "his", "her",
    "our", "your", "my", "each", "every", "all", "both", "some", "any", "no", "other", "such",
    "it", "they", "he", "she", "we", "you", "them", "itself", "themselves", "there", "here",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "shall", "should", "may", "might", "can", "could", "must", "do", "does", "did", "remain",
    "remains", "remained", "became", "become", "becomes", "got", "get", "gets", "received",
    "receive", "receives", "took", "take", "takes", "made", "make", "makes", "underwent",
    "undergo", "undergoes", "died", "die", "dies", "went", "go", "goes", "came", "come",
    "comes", "saw", "see", "sees", "said", "stood", "reached", "reach", "reaches", "amounted",
    "totalled", "totaled", "participated", "attended", "completed", "visited", "lodged",
    "filed", "submitted", "applied", "escaped", "benefited", "benefitted", "concerned",
    "involved", "related", "affected", "resulted", "included", "covered", "contained",
    "comprised", "represented", "accounted", "entered", "joined", "not", "also", "currently",
    "now", "still", "already", "only", "just", "more", "less", "most", "least", "very", "too",
    "then", "respectively", "approximately", "annually", "daily", "monthly", "yearly",
    "altogether", "overall", "per", "cent", "percent", "whereby", "thereby", "hereby", "i",
    "e", "etc", "nearly", "almost",
))  # fmt: skip
_LY_NOUNS = frozenset(
    {"family", "assembly", "supply", "reply", "anomaly", "rally", "ally", "italy"}
)
_ED_ING_NOUNS = frozenset((
    "housing", "building", "training", "meeting", "hearing", "sentencing", "offspring",
    "morning", "evening", "ceiling", "funding", "screening", "briefing", "counselling",
    "counseling", "proceeding", "proceedings", "hundred", "bed", "seed", "feed", "need",
    "breed", "creed", "speed", "shed", "red", "wing", "ring", "spring", "string", "thing",
    "king", "swing", "sibling", "wedding", "bedding", "clothing", "lodging", "setting",
    "spending",
))  # fmt: skip
_COLLECTIVE = frozenset((
    "personnel", "staff", "people", "children", "police", "women", "men", "youth", "data",
    "equipment", "clergy",
))  # fmt: skip
_TIME_UNITS = frozenset((
    "second", "seconds", "minute", "minutes", "hour", "hours", "hrs", "hr", "day", "days",
    "week", "weeks", "fortnight", "fortnights", "month", "months", "year", "years", "decade",
    "decades", "years’", "years'", "months’", "months'", "days’", "days'",
))  # fmt: skip
_TIME_UNIT_PREFIXES = frozenset({"working", "calendar", "business", "full", "consecutive", "more"})
_PERSON_NOUNS = (
    r"persons|children|minors|juveniles|people|girls|boys|women|men|individuals|adolescents"
    r"|youths?|anyone|those|adults|detainees|offenders|prisoners|inmates|students|pupils"
)
_AGE_BEFORE = _regex.compile(
    rf"""(?:\baged|\bages?{_S}+of|\bage{_S}+(?:limit{_S}+)?(?:is|was|of|at|from|to|be)
        |\b(?:{_PERSON_NOUNS}){_S}+(?:under|over|below|above|younger{_S}+than|older{_S}+than)
        |\b(?:under|over|below|above|reached|reaching|attained|attaining){_S}+the{_S}+age{_S}+of
        |\baged{_S}+\S+{_S}+(?:to|and|or){_S}*|\baged{_S}+\S+{_S}*{_DASH}{_S}*
        ){_S}*$""",
    re.VERBOSE | re.IGNORECASE,
)
_AGE_AFTER = _regex.compile(
    rf"(?:{_S}+(?:years?|yrs?){_S}+(?:of{_S}+age|old)\b|[{DASHES}](?:years?)[{DASHES}]olds?\b)",
    re.IGNORECASE,
)
_AVERAGE_BEFORE = _regex.compile(
    r"\b(?:average|mean|median|averaged|on\s+average)\b", re.IGNORECASE
)
_RANGE_TO_DURATION = _regex.compile(
    rf"{_S}*(?:to|and|or|{_DASH}){_S}*(?:[0-9][0-9,.]*|[A-Za-z]+){_S}+(?:(?:working|calendar|"
    r"business)\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b",
    re.IGNORECASE,
)
_PER_BEFORE = _regex.compile(r"\bper\s+$", re.IGNORECASE)
_TIMES_CHANGE = _regex.compile(
    r"\b(?:increased|decreased|rose|grew|fell|reduced|multiplied|higher|lower|more|less|larger"
    r"|smaller|increase|decrease|reduction|growth)\s+(?:by\s+)?(?:about\s+|almost\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_DEFINITE_BEFORE = _regex.compile(
    r"\b(?:the|these|those|both|all|all\s+the|all\s+of\s+the|each\s+of\s+the|its|their|his|her"
    r"|our|which|whose|every|each|said)\s+$",
    re.IGNORECASE,
)
_ONE_BLOCKERS_AFTER = frozenset((
    "of", "another", "or", "by", "and", "time", "point", "way", "hand", "side", "more", "less",
    "other",
))  # fmt: skip
_ONE_BLOCKERS_BEFORE = _regex.compile(
    r"\b(?:no|any|every|each|some|the|this|that|which|at|anyone|someone|everyone|a)\s+$",
    re.IGNORECASE,
)
_TITLE_BEFORE = _regex.compile(r"\b[A-Z][a-z]+[ \u00a0]$")
_YEAR_NOUNS = frozenset((
    "figures", "data", "statistics", "report", "reports", "budget", "budgets", "census",
    "survey", "plan", "law", "act", "edition", "session", "elections", "level", "levels",
    "rate", "rates", "baseline", "target", "targets", "amendments", "reform", "reforms",
    "strategy", "programme", "program", "review", "audit", "figure", "results", "estimates",
))  # fmt: skip
_CAPITAL_WORD_BEFORE = _regex.compile(r"(?<![.!?:;]\s)\b[A-Z][a-z]+[ \u00a0]$")

# --------------------------------------------------------------- exclusion patterns

_REF_ITEM = (
    rf"[0-9]+[A-Za-z]?(?:[./{DASHES}][0-9]+[A-Za-z]?)*(?:[{DASHES}][A-Z]{{1,4}}\b)?"
    r"(?:\s*\((?:[0-9]{1,3}|[a-z]{1,4})\))*(?:\s+(?:bis|ter|quater)\b)?"
)
_REF_PLURAL_WORDS = frozenset((
    "articles", "arts", "paragraphs", "paras", "subparagraphs", "sections", "sects",
    "subsections", "parts", "chapters", "points", "subpoints", "items", "clauses", "annexes",
    "appendices", "tables", "figures", "pages", "lines", "footnotes", "notes", "rules",
    "regulations", "categories", "grades", "levels", "classes", "groups", "stages", "phases",
    "steps", "sessions", "resolutions", "decisions", "decrees", "orders", "laws", "acts",
    "numbers", "communications", "recommendations", "questions", "issues", "goals", "targets",
    "indicators", "principles",
))  # fmt: skip
_REF_SINGULAR_WORDS = frozenset((
    "article", "art", "paragraph", "para", "subparagraph", "subpara", "section", "sect", "sec",
    "subsection", "part", "chapter", "ch", "point", "subpoint", "item", "subitem", "clause",
    "subclause", "annex", "appendix", "table", "figure", "fig", "chart", "page", "line",
    "footnote", "note", "rule", "regulation", "schedule", "book", "volume", "vol", "title",
    "category", "grade", "level", "class", "group", "stage", "phase", "step", "round", "cycle",
    "session", "meeting", "resolution", "decision", "decree", "order", "law", "act",
    "protocol", "number", "nr", "communication", "box", "block", "building", "ward", "room",
    "type", "degree", "version", "recommendation", "question", "issue", "principle", "tier",
    "option", "scenario", "model",
))  # fmt: skip
_REF_LAST = (
    rf"(?=\s*(?:,|and\b|or\b|to\b|&|{_DASH}|of\b|under\b|in\s+(?:conjunction|accordance)"
    r"|\)|;|:|\.(?![0-9])|$))"
)
_REF_LIST = _regex.compile(
    rf"""{_REF_ITEM}
    (?:
        (?:\s*,\s*(?:(?:and|or)\s+)?){_REF_ITEM}{_REF_LAST}
      | (?:\s+(?:and|or|to)\s+|\s*&\s*|\s*{_DASH}\s*){_REF_ITEM}
    )*""",
    re.VERBOSE | re.IGNORECASE,
)
_REF_ONE = _regex.compile(rf"{_REF_ITEM}(?:\s*{_DASH}\s*{_REF_ITEM})?", re.IGNORECASE)
_PHONE_WORDS = frozenset((
    "hotline", "hotlines", "helpline", "helplines", "helpdesk", "telephone", "phone", "tel",
    "fax", "call", "calling", "dial", "dialling", "sms", "whatsapp", "telegram",
))  # fmt: skip
_PHONE_WORD_BEFORE = _regex.compile(
    r"\b(?:hot\s?lines?|help\s?lines?|telephone|phone|short|toll[\s\u2011-]free)\s+number\s*$",
    re.IGNORECASE,
)
_PHONE_DIGITS = _regex.compile(
    rf"[0-9]+(?:[ \u00a0(){DASHES}]{{1,2}}[0-9]{{2,}}){{0,5}}"
    rf"(?:{_S}*(?:,|and|or|/){_S}*[0-9]{{3,}}"
    rf"(?:[ \u00a0(){DASHES}]{{1,2}}[0-9]{{2,}}){{0,5}}){{0,6}}",
    re.IGNORECASE,
)
_PLUS_PHONE = _regex.compile(rf"\+[0-9][0-9 \u00a0(){DASHES}]{{0,12}}$")
_RANGE_REST = _regex.compile(
    rf"(?:{_S}*(?:per{_S}?cent|percent|%))?{_S}+and{_S}+(?:[0-9][0-9,.\u00a0\u202f\u2009]*[0-9]|[0-9]"
    rf"|(?:[a-z]+[{DASHES}])?[a-z]+)(?![0-9])",
    re.IGNORECASE,
)
# "40 to 45 per cent": a second figure after "to". A range unless "from" opens it.
_TO_FIGURE = _regex.compile(
    rf"{_S}+to{_S}+(?:[0-9][0-9,.\u00a0\u202f\u2009]*[0-9]|[0-9])(?![0-9,.]?[0-9])"
)
_HOTLINE_NEXT = _regex.compile(
    rf"{_S}+(?:hot{_S}?line|help{_S}?line|short{_S}+number|call{_S}+cent(?:re|er))\b(?!s)",
    re.IGNORECASE,
)
_TIME_OF_DAY_NEXT = _regex.compile(rf"{_S}*(?:a\.m\.|p\.m\.|am\b|pm\b|o[’']clock)", re.IGNORECASE)
_LINE_NOISE_AFTER = _regex.compile(r"[ \t\u00a0]*(?:$|[\r\n\f\u2028\u2029]|[A-Z][a-z])")
_RATIO_NEXT = _regex.compile(
    r"[ \u00a0]+in[ \u00a0]+(?:[0-9]{1,3}|two|three|four|five|six|seven|eight|nine|ten)"
    r"(?![0-9,.])\b"
    # "4 out of 10 detainees": a proportion, not two counts (a round denominator)
    r"|[ \u00a0]+out[ \u00a0]+of[ \u00a0]+(?:10|100|1,?000|ten|(?:a|one)[ \u00a0]+hundred)"
    r"(?![0-9,.])\b"
)
_BLANKS_OR_COLON = frozenset(" \t\u00a0\u202f\u2009:.apAPo")
_LINE_START = _regex.compile(r"(?:^|[\r\n\f\u2028\u2029])[ \t\u00a0]*$")
_ENUMERATED_NEXT = _regex.compile(r"[ \t\u00a0]+[A-Za-z]")
# Where a number in words may start: a word starting as one does, not after a hyphen.
# The word boundary comes first: the engine skips to the letters a number word starts
# with, and most of them are inside words, where that check fails at once.
_WORD_START = _regex.compile(
    r"\b(?<![\u2011-])(?:[Oo]ne|[Tt](?:wo|hree|en|welve|hirteen|wenty|hirty)|[Ff](?:our|ive"
    r"|ourteen|ifteen|orty|ifty)|[Ss](?:ix|even|ixteen|eventeen|ixty|eventy)|[Ee](?:ight|leven"
    r"|ighteen|ighty)|[Nn](?:ine|ineteen|inety)|[Aa][ \u00a0]+(?:hundred|thousand|million"
    r"|billion|dozen))(?![a-z])"
)
# Figures and where numbers in words may start, in one scan: a figure starts with a
# digit and holds no letter, a number word starts with a letter and holds no digit, so
# the matches of either pattern are found exactly where its own scan finds them.
_FIGURE_OR_WORD = _regex.compile(f"(?x:{FIGURE.pattern})|{_WORD_START.pattern}")
_CURRENCY_CODE_SET = frozenset(_CURRENCY_CODES.split("|"))
_UNDER_ARTICLE = _regex.compile(r"\s+under\s+(?:art|article)")

# --------------------------------------------------------------- sentences, clauses

_BREAK = _regex.compile(
    r"(?P<nl>(?:\r\n?|[\n\f\u2028\u2029])(?:[ \t\u00a0]*(?:\r\n?|[\n\f\u2028\u2029]))*)"
    r"|[.!?…][”\"’)\]]*(?P<space>[ \t\u00a0]+)(?=[“\"‘(\[]*[A-Z])"
)
# A line break ends a sentence only after final punctuation, before an enumerator or a
# bullet, or at a blank line; otherwise it is a wrapped line (PDF text) and the sentence
# goes on.
_HARD_BEFORE = frozenset(".!?:;…")
_NEW_ITEM = _regex.compile(
    r"[ \t\u00a0\u200b]*(?:[0-9]{1,3}[.)]|\([A-Za-z0-9]{1,4}\)|[A-Za-z][.)][ \t]"
    r"|[•‣◦▪·*–—-][ \t\u00a0])"
)
_LINE_BREAKS = "\r\n\f\u2028\u2029"
_ABBREVIATION = _regex.compile(
    r"(?:\b(?:No|Nos|no|nos|art|arts|Art|para|paras|Para|p|pp|e\.g|i\.e|etc|cf|Mr|Mrs|Ms|Dr"
    r"|Prof|St|vol|sect|subpara|Inc|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    r"|approx|incl|viz|vs|Rev|Add|Corr|Fig|Ch|ch|Nr|Doc|Res|Gen|Gov|Dept)|(?<![\w.])[A-Za-z])"
    r"[.]$"
)
_PARENS = _regex.compile(r"[()\[\]]")
_CLAUSE_BREAK = _regex.compile(
    rf";|,{_S}+(?:and|but|while|whereas|although|though){_S}+"
    rf"|,{_S}+or{_S}+(?![0-9]|(?:some|about|over|more|nearly|almost|around|approximately)\b)",
    re.IGNORECASE,
)
_STOCK_VERB = _regex.compile(
    r"\b(?:is|are|employs?|holds?|houses?|comprises?|consists|contains?|operates?|remains?"
    r"|numbers|totals)\b(?!\s+(?:being|to\s+be))"
    r"|\b(?:has|have)\b(?!\s+(?:been|had|not|also|already|[a-z]+ed\b))"
)
_PRESENT = _regex.compile(
    r"\b(?:[Cc]urrently|[Aa]t\s+present|[Pp]resently|[Nn]ow|[Tt]o\s+date|[Aa]t\s+the\s+moment"
    r"|[Tt]oday|[Aa]t\s+this\s+time|[Aa]s\s+of\s+today|[Nn]owadays)\b"
)

# --------------------------------------------------------------- relation wording

_CONNECTOR = _regex.compile(
    r"""
    \b(?:
        (?P<partition>[Oo]f\s+whom|[Oo]f\s+which|[Oo]f\s+these|[Oo]f\s+those|[Oo]f\s+them|namely
          |consisting\s+of|comprising|composed\s+of|made\s+up\s+of|broken\s+down
          |divided\s+into|distributed\s+as\s+follows|as\s+follows)
      | (?P<subset>[Ii]ncluding|incl\.|[Aa]mong\s+them|[Aa]mong\s+whom|[Aa]mong\s+which
          |[Aa]mong\s+these|[Aa]mong\s+those)
    )(?![\w])
    """,
    re.VERBOSE,
)
_PART_GAP_END = _regex.compile(
    rf"(?:[,;]|\band|\bor|\bwhile|\bwhereas)(?:{_S}*(?:and|or)\b)?{_S}*$", re.IGNORECASE
)
_FIRST_PART_GAP = _regex.compile(rf"^[\s,:\u2013\u2014-]*(?:(?:[A-Za-z]+|{_S}+)){{0,4}}[\s,:]*$")
_OF_THE_BEFORE = _regex.compile(
    rf"(?:^|[;:][ \t\u00a0]*)(?:of|out{_S}+of|among){_S}+"
    rf"(?:(?:all{_S}+)?(?:the|these|those){_S}+)?$",
    re.IGNORECASE,
)
_OUT_OF = _regex.compile(rf"{_S}+(?:out{_S}+)?of{_S}+(?:the{_S}+)?", re.IGNORECASE)
_WORDS_ONLY = _regex.compile(r"[^,;:()\[\]0-9\n]*")
_EQUIVALENCE_GAP = _regex.compile(
    rf"""^(?:[^,;:()\[\]0-9\n]{{0,60}},)?{_S}*(?:,{_S}*)?(?:or|i\.e\.,?|that{_S}+is,?|representing|equivalent{_S}+to
        |corresponding{_S}+to|accounting{_S}+for|amounting{_S}+to|which{_S}+(?:is|represents
        |amounts{_S}+to|corresponds{_S}+to)|equal{_S}+to|[\u2013\u2014])(?:{_S}+(?:some
        |about|approximately|around|nearly|almost|over|more{_S}+than))?{_S}*$""",
    re.VERBOSE | re.IGNORECASE,
)
_CHANGE_BEFORE = _regex.compile(
    rf"""
    (?:
        (?P<art>\ban?{_S}+(?:[A-Za-z\u2011-]+{_S}+)?)?
        \b(?P<noun>decrease|reduction|decline|drop|fall|cut|increase|rise|growth|jump|surge
            |gain)s?{_S}+(?:of|by)
      | \b(?P<verb>decreased|declined|dropped|fell|fallen|reduced|increased|rose|risen|grew
            |grown|went{_S}+up|went{_S}+down|climbed|jumped|shrank|diminished|lowered|raised)
        \b[^.;()\n]{{0,40}}?{_S}by
    ){_S}+$
    """,
    re.VERBOSE | re.IGNORECASE,
)
_MORE_THAN_AFTER = _regex.compile(
    rf"{_S}+(?P<word>more|higher|greater|fewer|less|lower){_S}+than\b", re.IGNORECASE
)
_CHANGE_AFTER_NOUNS = frozenset((
    "decrease", "reduction", "decline", "drop", "fall", "increase", "rise", "growth", "jump",
    "surge", "gain",
))  # fmt: skip
_PERCENT_CHANGE_NOUN = _regex.compile(
    rf"{_S}+(?P<noun>decrease|reduction|decline|drop|fall|cut|increase|rise|growth|jump)\b",
    re.IGNORECASE,
)
_DECREASE_WORDS = frozenset((
    "decrease", "reduction", "decline", "drop", "fall", "cut", "decreased", "declined",
    "dropped", "fell", "fallen", "reduced", "down", "shrank", "diminished", "lowered",
))  # fmt: skip
_BASE_MARK = _regex.compile(
    rf"\b(?:compared{_S}+(?:with|to)|as{_S}+against|against|versus|vs\.|than|from)(?:{_S}+(?:a|"
    rf"the))?(?:{_S}+(?:total{_S}+of|level{_S}+of|baseline{_S}+of))?{_S}+$",
    re.IGNORECASE,
)
_UP_DOWN_FROM = _regex.compile(rf"\b(?:down|up|increased|decreased|rose|fell){_S}+from{_S}*$")
_TO_MARK = _regex.compile(rf"\bto{_S}+$", re.IGNORECASE)
_TARGET_CUE = _regex.compile(
    r"""\b(?:[Tt]argets?|[Tt]argeted|[Gg]oals?|[Aa]ims?\s+(?:to|at)|[Aa]imed\s+at|[Oo]bjectives?
    |[Tt]he\s+aim\s+is|[Tt]he\s+intention\s+is
    |[Ww]ill\s+(?:reach|rise\s+to|increase\s+to|decrease\s+to|fall\s+to|drop\s+to|grow\s+to
      |amount\s+to|total|be\s+(?:reduced|increased|raised|brought|lowered)\s+to)
    |(?:is|are)\s+(?:expected|projected|forecast|set|intended)\s+to\s+(?:reach|rise|increase
      |decrease|fall|grow|be|total|amount)
    |[Ee]xpected\s+to\s+reach|(?:[Ss]hould|[Mm]ust|[Ss]hall)\s+reach
    |to\s+be\s+(?:reached|achieved))\b""",
    re.VERBOSE,
)
_PLAN_CUE = _regex.compile(
    r"""\b(?:(?:[Ii]t\s+is|is|are|was|were|has\s+been|have\s+been)\s+(?:planned|envisaged
      |intended|scheduled|proposed|foreseen)
    |(?:[Pp]lans|is\s+planning|are\s+planning|intends|intend)\s+to
    |will\s+(?:be\s+)?(?:built|constructed|opened|established|created|set\s+up|recruited|hired
      |employed|purchased|acquired|procured|installed|allocated|deployed|equipped|commissioned
      |completed|put\s+into\s+(?:operation|service)|operational
      |build|construct|open|establish|create|recruit|hire|employ|purchase|acquire|procure
      |install|allocate|deploy|equip|commission|add
      |renovated|refurbished|repaired|reconstructed|modernized|modernised|upgraded|replaced
      |closed|trained|renovate|refurbish|repair|reconstruct|modernize|modernise|upgrade
      |replace|close|train)
    |(?:is|are)\s+to\s+be|under\s+construction|envisages?
    |provides?\s+for\s+(?:the\s+)?(?:construction|closure|opening|creation|establishment
      |recruitment|purchase|building|renovation|installation)
    |to\s+be\s+(?:built|constructed|opened|established|created|commissioned|recruited|installed))
    \b""",
    re.VERBOSE,
)
_DEONTIC = _regex.compile(
    r"\b(?:[Mm]ust|[Ss]hall|may|might|cannot|(?:is|are)\s+(?:required|obliged|obligated|entitled"
    r"|allowed|permitted|authori[sz]ed)\s+to|(?:has|have)\s+the\s+right\s+to|(?:is|are)\s+not"
    r"\s+to\s+be|(?:[Ll]aw|[Cc]ode|Act|[Rr]ules?|[Rr]egulations?|[Ss]tandards?|[Dd]ecree|[Oo]rder"
    r"|Constitution|[Ii]nstructions?)\s+(?:provides?|stipulates?|establish(?:es)?|sets?"
    r"|requires?|prescribes?|lays\s+down|limits?|fix(?:es)?)(?:\s+for|\s+that|\s+out)?)\b"
)
_BASELINE_CUE = _regex.compile(r"\b[Bb]aselines?\b")
_BASELINE_BEFORE = _regex.compile(
    rf"\bbaseline(?:{_S}+(?:value|level|figure))?(?:{_S}+(?:of|was|is|stood{_S}+at))?{_S}*$",
    re.IGNORECASE,
)

_CUES = (
    ("target", _TARGET_CUE),
    ("plan", _PLAN_CUE),
    ("baseline", _BASELINE_CUE),
    ("norm", _DEONTIC),
)
assert all(pattern.pattern.startswith(r"\b") for _, pattern in _CUES)
# Every cue starts at a word boundary: tested once, before the cues are tried in
# turn (the same matches as one group per whole pattern, without trying each
# pattern at every letter inside a word).
_ALL_CUES = _regex.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{pattern.pattern[2:]})" for name, pattern in _CUES) + ")",
    re.VERBOSE,
)

# --------------------------------------------------------------- concept wording

_WORD_AT = _regex.compile(r"[ \t\u00a0\u202f\r\n]+([^\W\d_](?:[^\W\d_]|[’'\u2011-])*)")
_COORDINATION = _regex.compile(
    r"[ \t\u00a0]+(?:and|or)[ \t\u00a0]+([a-z][a-z’'\u2011-]*)"
    r"(?:[ \t\u00a0]+([a-z][a-z’'\u2011-]*))?"
)
_AUX_RUN = _regex.compile(
    r"(?:[ \t\u00a0]+(?:are|is|was|were|have|has|had|been|being|be|will|would|shall|currently"
    r"|now|also|still|already|reportedly|further|then|subsequently|accidentally|previously"
    r"|recently|successfully|effectively|all|actually))*",
    re.IGNORECASE,
)
_COPULA = _regex.compile(r"[ \t\u00a0]+(?:are|is|was|were|been)\b", re.IGNORECASE)
_TAIL_WORD = _regex.compile(
    r"[ \t\u00a0\r\n]+([^\W\d_](?:[^\W\d_]|[’'\u2011-])*|[0-9]+(?![\w,/]|\.[0-9]))"
)
_TAIL_STOP = frozenset((
    "which", "who", "whom", "whose", "that", "while", "whereas", "and", "or", "but", "as",
    "including", "compared", "because", "since", "so", "thus", "thereby", "although", "though",
    "if", "when", "where", "whether", "than", "according", "pursuant", "respectively", "i",
    "e", "etc", "within", "during", "throughout", "at", "until", "till",
))  # fmt: skip
_AS_A_RESULT = _regex.compile(r"[ \t\u00a0]+a[ \t\u00a0]+result\b", re.IGNORECASE)
_REFERENCE_WORDS = frozenset({"article", "articles", "paragraph", "section", "part", "chapter"})
_MAX_TAIL_WORDS = 8
_MID_AUX = frozenset((
    "are", "is", "was", "were", "have", "has", "had", "will", "would", "shall", "may", "might",
    "can", "could", "been", "being", "be",
))  # fmt: skip
_PREPOSITIONS = frozenset((
    "of", "in", "at", "on", "from", "to", "for", "with", "by", "under", "over", "among",
    "between", "through", "during", "since", "until", "into", "within", "without", "against",
    "per", "across", "after", "before", "via", "about", "around", "near",
))  # fmt: skip
_HEAD_NOUN_LEAD = _regex.compile(
    r"^.*?\b(?:trend|number|total|level|rate|decrease|increase|reduction|rise|decline|growth"
    r"|drop|fall|share|proportion|percentage)\s+(?:in|of)\s+",
    re.IGNORECASE,
)
_SKIP_BRACKET = _regex.compile(r"[ \t\u00a0]*\([^()\n]{0,120}\)")
_PASSIVE_BEFORE = _regex.compile(
    rf"(?P<subj>\b[A-Za-z][\w’'\u2011-]*(?:{_S}+[a-z][\w’'\u2011-]*){{0,3}}){_S}+(?:were|was|have"
    rf"{_S}+been|has{_S}+been|had{_S}+been|are|is){_S}+(?P<verb>[a-z]+(?:ed|en|t)){_S}+(?:on|to"
    rf"|upon|against){_S}+$"
)
_OBJECT_BEFORE = _regex.compile(
    rf"\b(?:carried{_S}+out|conducted|made|held|paid|undertook|undertaken|performed|organized"
    rf"|organised|did|done){_S}+(?P<obj>(?:[\w’'\u2011-]+{_S}+){{0,5}}?[\w’'\u2011-]+){_S}+"
    rf"(?:on|in){_S}+$",
    re.IGNORECASE,
)
_SUBJECT_BEFORE = _regex.compile(
    rf"\b(?:the{_S}+)?(?P<kind>percentage|share|proportion|rate|ratio|number|total|figure|count"
    rf"|level|budget|amount|funding|expenditure|cost|value|capacity|population|caseload)"
    rf"(?:{_S}+of)?{_S}+(?P<what>[^,;:()\n]{{1,80}}?){_S}+(?:(?:will|is|are|was|were"
    rf"|should|must|has|have|had|is{_S}+expected{_S}+to|are{_S}+expected{_S}+to|is{_S}+projected"
    rf"{_S}+to|is{_S}+planned{_S}+to|is{_S}+set{_S}+to){_S}+)?(?:reach(?:ed)?|be|been|was|were"
    rf"|is|are|stood{_S}+at|stands{_S}+at|amount(?:ed|s)?{_S}+to|total(?:l?ed|s)?|r[io]se{_S}+to"
    rf"|risen{_S}+to|f[ae]ll(?:en)?{_S}+to|increased{_S}+to|decreased{_S}+to|came{_S}+to"
    rf"|remained{_S}+at|reached{_S}+a{_S}+total{_S}+of|increase{_S}+to|decrease{_S}+to"
    rf"|rise{_S}+to|fall{_S}+to|(?:rose|increased|fell|decreased|declined|grew|dropped)(?:{_S}+by"
    rf"{_S}+[^,;()]{{1,24}}?)?{_S}+to){_S}+$",
    re.IGNORECASE,
)
# "the prison population stood at", "the occupancy rate was": a compound subject whose
# last word says what kind of figure follows, then a linking verb right before it.
_COMPOUND_SUBJECT = _regex.compile(
    rf"\b(?:the{_S}+|its{_S}+|their{_S}+)?(?P<what>(?:[A-Za-z][\w’'\u2011-]*{_S}+){{0,3}}"
    rf"(?:population|rate|ratio|budget|caseload|capacity|occupancy))"
    rf"(?:{_S}+(?:was|were|is|are|has|have|had))?{_S}+(?:stood{_S}+at|stands{_S}+at"
    rf"|amount(?:ed|s){_S}+to|total(?:l?ed|s)|reached|was|were|is|are|came{_S}+to"
    rf"|remained{_S}+at|r[io]sen?{_S}+to|f[ae]ll(?:en)?{_S}+to|(?:increased|decreased|dropped"
    rf"|declined|grown|grew){_S}+to)(?:{_S}+(?:some|about|approximately|around|over|more"
    rf"{_S}+than|nearly|almost|only|just))?{_S}*$",
    re.IGNORECASE,
)
_COMPOUND_WORDS = ("population", "rate", "ratio", "budget", "caseload", "capacity", "occupancy")
# "reducing the prevalence of violence against women from 63.2 per cent …"
_CHANGE_OBJECT = _regex.compile(
    rf"\b(?:reduc(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|lower(?:s|ed|ing)?|rais(?:e|es|ed|ing)"
    rf"|cut(?:s|ting)?|halv(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)){_S}+(?:the{_S}+|its{_S}+"
    rf"|their{_S}+)?(?P<what>(?:[A-Za-z][\w’'\u2011-]*{_S}+){{0,7}}[A-Za-z][\w’'\u2011-]*)"
    rf"{_S}+from{_S}+$",
    re.IGNORECASE,
)
_MEASURE_OF_BEFORE = _regex.compile(
    rf"(?P<kind>\b(?:(?!(?:the|a|an|of|with|at|and|its|their|total)\b)[a-z]+\s+)?(?:budget|amount"
    rf"|sum|funding|allocation|compensation|fines?|expenditure|costs?|investment|grants?|capacity"
    rf"|limit|salary|salaries|remuneration|damages|reparation|rate|ratio|density|coverage"
    rf"|share|proportion|percentage|level))\s+(?:of|totall?ing|amounting\s+to|worth)"
    rf"(?:\s+(?:some|about|approximately|around|over|more\s+than|up\s+to|nearly|almost))?"
    rf"(?:\s+\S{{1,4}})?{_S}*$",
    re.IGNORECASE,
)
_MONEY_VERB_BEFORE = _regex.compile(
    r"\b(?P<verb>allocated|spent|paid|earmarked|disbursed|invested|provided|budgeted|awarded"
    r"|granted|received|raised|approved)\s+(?:(?:some|about|approximately|around|over|more"
    r"\s+than|up\s+to|nearly|almost)\s+)?(?:\S{1,4}\s*)?$",
    re.IGNORECASE,
)
_CHANGE_SUBJECT = _regex.compile(
    rf"(?:\b(?:the|a|an|its|their){_S}+)?(?P<what>(?:[A-Za-z][\w’'\u2011-]*{_S}+){{0,5}}"
    rf"[A-Za-z][\w’'\u2011-]*){_S}+(?:has{_S}+|have{_S}+|had{_S}+)?(?:rose|risen|fell|fallen"
    rf"|increased|decreased|declined|dropped|grew|grown|went{_S}+(?:up|down)|was{_S}+reduced"
    rf"|were{_S}+reduced|changed|reduced)(?:{_S}+by{_S}+[^,;()]{{1,30}}?,?)?{_S}+from{_S}+$",
    re.IGNORECASE,
)
_NUMBER_OF = _regex.compile(r"(?:total\s+)?number\s+of\s+(?P<what>.+)", re.IGNORECASE)
_GENERIC_UNITS = frozenset({"occasions", "times", "instances", "occasion", "time"})
_NOUN_BEFORE_BRACKET = _regex.compile(
    rf"(?P<np>(?:[A-Za-z][\w’'\u2011-]*{_S}+){{0,15}}[A-Za-z][\w’'\u2011-]*){_S}*$"
)
_LEADING_TIME_GAP = _regex.compile(rf"{_S}*[,:]{_S}*")
_CLAUSE_BEFORE_TIME = _regex.compile(
    rf"[;,]{_S}*(?:(?:and|while|whereas|but){_S}+)?(?:in|during|for)?{_S}*$"
)
_LEAD_TIME_GAP = _regex.compile(
    rf"(?:{_S}+[A-Za-z][^;,.0-9()]{{0,40}}?)?{_S}*[;,]{_S}*(?:(?:and|while|whereas|but){_S}+)?(?:(?:in|during|for|as{_S}+at"
    rf"|as{_S}+of){_S}+)?(?:[0-9]{{1,2}}{_S}+)?(?:[A-Za-z]+{_S}+)?(?:19|20)[0-9]{{2}}"
    rf"{_S}*[,:]?{_S}*"
)
_MAX_CONCEPT_WORDS = 12
_LOOKBACK = 8  # figures looked back at when searching for a whole or a later value
_MAX_PARTS = 60
_MAX_DEPTH = 6  # brackets looked through when a figure takes its time or kind from around it
_SCOPE = 300  # characters around a figure searched for cues of its clause
_PARTS_REACH = 3000  # characters after a connector searched for the parts
_FRACTIONS = frozenset((
    "half", "halves", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth",
    "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth", "tenths",
))  # fmt: skip
_RUN_GAP = _regex.compile(rf"{_S}*(?:,{_S}*(?:(?:and|or){_S}+)?|(?:and|or|&){_S}+)")
_RESPECTIVELY = _regex.compile(r"\brespectively\b", re.IGNORECASE)
_OF_WHICH_AFTER = _regex.compile(rf"{_S}+of{_S}+(?:which|whom|them|these|those)\b", re.IGNORECASE)
_GENDER = frozenset(["men", "women", "male", "female", "boys", "girls", "males", "females"])


# ===================================================================== working records


class _Figure:
    """A figure being read: mutable while the reader works on it."""

    __slots__ = (
        "change_dir",
        "change_end",
        "change_start",
        "compare",
        "concept",
        "currency",
        "end",
        "eq",
        "group",
        "has_noun",
        "head",
        "index",
        "kind",
        "label",
        "lead",
        "local",
        "local_end",
        "local_start",
        "noun_end",
        "paragraph",
        "percent",
        "prev_part",
        "qualifier",
        "role",
        "run_noun",
        "same_as",
        "sentence",
        "start",
        "time",
        "time_set",
        "unit",
        "unit_span",
        "value",
        "whole",
    )

    def __init__(self, start: int, end: int, value: Decimal) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.index = -1
        self.lead = start  # where the qualifier or currency before the figure starts
        self.qualifier = Qualifier.EXACT
        self.percent = False
        self.currency: str | None = None
        self.unit = ""
        self.unit_span: tuple[int, int] | None = None
        self.has_noun = False
        self.noun_end = end  # end of the figure with its percent sign, currency and noun
        self.role: QuantityRole = "observation"
        self.same_as: int | None = None
        self.change_dir: ChangeDirection | None = None
        self.change_start = start
        self.change_end = -1
        self.sentence = -1
        self.paragraph = -1
        self.group = -1
        self.eq = -1
        self.time: TimeReference | None = None
        self.time_set = False  # whether `time` was decided (None included)
        self.local = False
        self.local_start = -1  # where the local time expression starts
        self.local_end = -1
        self.prev_part: int | None = None  # the part listed before this one
        self.run_noun: int | None = None  # "45, 52 and 60 visits": the figure giving the noun
        self.compare: int | None = None  # "compared with 21": the figure compared with
        self.head: int | None = None  # the figure a bracket holding this one belongs to
        self.whole: int | None = None  # the whole this figure is a part of
        self.kind = ValueKind.ACTUAL
        self.label = ""
        self.concept = ""

    @property
    def money(self) -> bool:
        return self.currency is not None


_BLANKS = " \t\u00a0\u202f\u2009\n"


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz№°")
_TAIL_BLANKS = " \t\u00a0"


def _last_word_parts(window: str) -> tuple[str, str] | None:
    """The word that ends `window`, as ``(word, dot)``, or None.

    What ``(?<![A-Za-z№°])(?P<word>[A-Za-z№°]+)(?P<dot>\\.?)[ \\t\\u00a0]*(?:[:(][ \\t\\u00a0]*)?$``
    finds, read from the end: blanks, an optional colon or bracket and blanks
    before it, an optional full stop, then the word (a run of `_WORD_CHARS`). As
    ``$`` does, a final newline may follow.
    """
    end = len(window) - 1 if window.endswith("\n") else len(window)
    end = len(window[:end].rstrip(_TAIL_BLANKS))
    if end and window[end - 1] in ":(":
        end = len(window[: end - 1].rstrip(_TAIL_BLANKS))
    dot = "." if end and window[end - 1] == "." else ""
    stop = end - len(dot)
    start = stop
    while start and window[start - 1] in _WORD_CHARS:
        start -= 1
    return (window[start:stop], dot) if start < stop else None


def _last_word(window: str) -> str:
    """The last blank-separated token of `window`, lower-cased ("" if none)."""
    tokens = window.rsplit(None, 1)
    return tokens[-1].lower() if tokens else ""


def _ends_with(window: str, words: frozenset[str]) -> bool:
    """Cheap test run before an end-anchored search: could `window` end with one of `words`?"""
    return _last_word(window) in words


def _may_end_with(window: str, words: frozenset[str], short: int = 0) -> bool:
    """Cheap test run before an end-anchored search whose match ends with a whole word
    (one of `words`, or any of at most `short` characters), then blanks: could `window`
    end so? A last word not in ASCII is searched, lower() not folding it as the engine
    does ("\u017f" is an "s" to it)."""
    last = _last_word(window)
    return last in words or len(last) <= short or not last.isascii()


# The last words of `_MEASURE_OF_BEFORE`, `_SUBJECT_BEFORE` and `_COMPOUND_SUBJECT`, each
# after blanks (tests generate their matches and check the windows are let through).
_TAIL_MEASURE_OF = frozenset((
    "about", "approximately", "around", "nearly", "almost", "totalling", "totaling", "worth",
))  # fmt: skip
_TAIL_MEASURE_OF_SHORT = 4  # "of", "to", "some", "over", "than", and "\S{1,4}" ("KZT")
_TAIL_SUBJECT = frozenset((
    "reach", "reached", "be", "been", "was", "were", "is", "are", "at", "to", "total",
    "totaled", "totalled", "totals", "of",
))  # fmt: skip
_TAIL_COMPOUND = frozenset((
    "at", "to", "totaled", "totalled", "totals", "reached", "was", "were", "is", "are", "some",
    "about", "approximately", "around", "over", "than", "nearly", "almost", "only", "just",
))  # fmt: skip

_GATE_QUALIFIER = frozenset((
    "about", "approximately", "approx.", "around", "some", "nearly", "almost", "roughly",
    "estimated", "to", "circa", "ca.", "than", "over", "of", "above", "exceeding", "least",
    "minimum", "most", "maximum", "exceed", "under", "below",
))  # fmt: skip
_GATE_CHANGE = frozenset({"of", "by"})
_GATE_AGE = frozenset((
    "aged", "of", "is", "was", "at", "from", "to", "be", "under", "over", "below", "above",
    "than", "and", "or",
))  # fmt: skip
_GATE_DEFINITE = frozenset((
    "the", "these", "those", "both", "all", "its", "their", "his", "her", "our", "which",
    "whose", "every", "each", "said",
))  # fmt: skip
_GATE_BASE = frozenset({"with", "to", "against", "versus", "vs.", "than", "from", "a", "the", "of"})
_GATE_BASELINE = frozenset({"baseline", "of", "was", "is", "at", "value", "level", "figure"})
_GATE_PASSIVE = frozenset({"on", "to", "upon", "against"})
_SUBJECT_WORDS = (
    "percentage", "share", "proportion", "rate", "ratio", "number", "total", "figure", "count",
    "level", "budget", "amount", "funding", "expenditure", "cost", "value", "capacity",
    "population", "caseload",
)  # fmt: skip
_MEASURE_WORDS = ("of ", "of\u00a0", "totall", "totali", "amounting", "worth")
_CURRENCY_SIGNS = "$€£¥₸₽₴₹₺₦₱₩₫₪₭₮₲₡৳₼₾/"
_CURRENCY_ABBREVIATIONS = frozenset({"ksh", "rs", "rs.", "tk", "tk.", "bs", "bs.", "s/", "s/."})


def _words(text: str) -> list[str]:
    return text.split()


def _limit(words: Iterable[str], count: int = _MAX_CONCEPT_WORDS) -> str:
    return " ".join(list(words)[:count])


def _clean(text: str) -> str:
    return " ".join(text.replace("\u2011", "-").split())


def _plural(word: str) -> bool:
    return (
        word.endswith("s") and not word.endswith(("ss", "us", "is", "ous", "’s", "'s"))
    ) or word in _COLLECTIVE


def _covers(whole: TimeReference | None, part: TimeReference | None) -> bool:
    if whole is None:
        return True
    if part is None:
        return False
    first, last = part.earliest(), part.latest()
    if isinstance(whole, Pooled):
        return any(_covers(p, part) for p in whole.periods)
    if isinstance(whole, Instant):
        return False
    low, high = whole.earliest(), whole.latest()
    if first is None or last is None:
        return False
    return (low is None or low <= first) and (high is None or last <= high)


def _years_of(time: TimeReference | None) -> int | None:
    if (
        isinstance(time, Period)
        and time.start is not None
        and time.start == time.end
        and time.start.month is None
    ):
        return time.start.year
    return None


# ===================================================================== the reader


class _Reader:
    """Reads one region of a text; every step is linear in the region's size."""

    def __init__(self, text: str, lo: int, hi: int, dates: Sequence[DateMention]) -> None:
        self.text = text
        self.lo = lo
        self.hi = hi
        self.dates = list(dates)
        self.figures: list[_Figure] = []
        self.relations: list[Relation] = []
        # sentences and brackets
        self.sent_start: list[int] = []
        self.sent_end: list[int] = []
        self.sent_para: list[int] = []
        self.sent_top: list[int] = []
        self.g_parent: list[int] = []
        self.g_open: list[int] = []
        self.g_close: list[int] = []
        self.ev_pos: list[int] = []
        self.ev_group: list[int] = []
        self.figures_in_group: dict[int, list[int]] = {}
        self.starts_in_group: dict[int, list[int]] = {}
        self.figure_starts: list[int] = []
        self.mention_group: list[int] = []
        self.mention_sentence: list[int] = []
        self.consumed: set[int] = set()
        self.timed_groups: set[int] = set()
        self.cues: dict[str, list[int]] = {}
        self.cue_sentences: set[int] = set()
        self.around: dict[int, frozenset[int]] = {}
        self.cue_last = -1
        self.equivalents: dict[int, list[int]] = {}
        self.memo: dict[tuple[str, int, int], object] = {}
        self.relation_keys: set[tuple[int, tuple[int, ...]]] = set()

    # ------------------------------------------------------------ step 1: figures

    def candidates(self) -> list[tuple[int, int, str | None]]:
        """Figures in digits and in words, in text order: (start, end, words or None)."""
        text, lo, hi = self.text, self.lo, self.hi
        found: list[tuple[int, int, str | None]] = []
        for m in _FIGURE_OR_WORD.finditer(text, lo, hi):
            at = m.start()
            if "0" <= text[at] <= "9":
                found.append((at, m.end(), None))
            elif (w := WORD_NUMBER.match(text, at, hi)) is not None:
                found.append((at, w.end(), w.group()))
        return found

    def zone(self, start: int, end: int) -> int | None:
        """If the figure at start:end is not a statistic by its context, where that context ends.

        References ("articles 50, 63 and 73", "No. 194/2020", "article 362 (4)"),
        telephone numbers, "between 10 and 15", codes ("ISO 9001"), times of day,
        hotlines and enumerators. The returned offset lets the caller skip every
        figure inside the same reference or number.
        """
        text, lo, hi = self.text, self.lo, self.hi
        window = text[max(lo, start - 20) : start]
        last = _last_word_parts(window)
        if last is not None:
            word, dot = last
            lowered = word.lower()
            if lowered in _REF_PLURAL_WORDS or (dot and lowered in ("pp", "nos")):
                listed = _REF_LIST.match(text, start, hi)
                return listed.end() if listed is not None else end
            if (
                lowered in _REF_SINGULAR_WORDS
                or word in ("No", "Nos", "NO", "№", "N°", "n°")
                or (dot and lowered in ("p", "no"))
            ):
                single = _REF_ONE.match(text, start, hi)
                return single.end() if single is not None else end
            if lowered in _PHONE_WORDS or (
                lowered == "number" and _PHONE_WORD_BEFORE.search(window)
            ):
                digits = _PHONE_DIGITS.match(text, start, hi)
                return digits.end() if digits is not None else end
            if lowered == "between" and not dot:
                rest = _RANGE_REST.match(text, end, hi)
                if rest is not None:
                    return rest.end()
            if (
                not dot
                and len(word) >= 2
                and word.isupper()
                and word.isalpha()
                and word not in _CURRENCY_CODE_SET
            ):
                return end  # "ISO 9001", "SDG 16"
        if last is None or last[0].lower() not in ("from", "between"):
            to = _TO_FIGURE.match(text, end, hi)
            if to is not None:
                return to.end()  # "some 40 to 45 per cent": a range, not two figures
        if "+" in window and _PLUS_PHONE.search(window):
            digits = _PHONE_DIGITS.match(text, start, hi)
            return digits.end() if digits is not None else end
        ratio = _RATIO_NEXT.match(text, end, hi)
        if ratio is not None:
            return ratio.end()  # "1 in 5 detainees": a ratio, not two counts
        following = text[end : end + 2]
        if following[:1] in _BLANKS_OR_COLON and (
            _HOTLINE_NEXT.match(text, end, hi) or _TIME_OF_DAY_NEXT.match(text, end, hi)
        ):
            return end
        at_line_start = _LINE_START.search(text, max(lo, start - 8), start) is not None or (
            start == lo
        )
        if (
            at_line_start
            and end < hi
            and text[end] in ".)"
            and (end + 1 >= hi or text[end + 1] in " \t\u00a0\u200b" or text[end + 1].isupper())
        ):
            return end  # "19.\tDisciplinary …", "1.The Code …": a paragraph number
        if at_line_start and _LINE_NOISE_AFTER.match(text, end, hi):
            return end  # "1 See CERD/C/…" (a footnote), "2" alone (a page number)
        if (
            start > lo
            and text[start - 1] == "("
            and text.startswith(")", end)
            and _ENUMERATED_NEXT.match(text, end + 1, hi)
        ):
            return end  # "(1) the right to a lawyer"
        return None

    def outside_dates(self, candidates: list[tuple[int, int, str | None]]) -> bool:
        """Whether any candidate figure lies outside the date mentions (else none is read)."""
        dates = self.dates
        date_index = 0
        for start, _end, _word in candidates:
            while date_index < len(dates) and dates[date_index].end <= start:
                date_index += 1
            if date_index == len(dates) or dates[date_index].start > start:
                return True
        return False

    def read_figures(self, candidates: list[tuple[int, int, str | None]]) -> None:
        dates = self.dates
        date_index = 0
        skip_to = self.lo
        for start, end, word in candidates:
            if start < skip_to:
                continue
            while date_index < len(dates) and dates[date_index].end <= start:
                date_index += 1
            if date_index < len(dates) and dates[date_index].start <= start:
                skip_to = dates[date_index].end
                continue
            zone_end = self.zone(start, end)
            if zone_end is not None:
                skip_to = max(end, zone_end)
                continue
            figure = self.figure(start, end, word)
            if figure is not None:
                # "One hundred and twenty": the words inside a figure are not figures too.
                skip_to = max(skip_to, figure.end)
            if figure is not None and not self.is_norm(figure):
                figure.index = len(self.figures)
                self.figures.append(figure)
        self.figure_starts = [f.start for f in self.figures]

    def figure(self, start: int, end: int, word: str | None) -> _Figure | None:
        text, lo, hi = self.text, self.lo, self.hi
        value: Decimal | None
        if word is not None:
            number = words_value(word)
            if number is None:
                return None
            value = Decimal(number)
        else:
            raw = text[start:end]
            if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
                return None  # "0800", "007": codes, not counts
            if len(raw) >= 5 and raw.isdigit():
                return None  # "120624", "08965": codes; counts this large are grouped
            value = figure_value(raw)
            if value is None:
                return None
            multiplier = MULTIPLIER.match(text, end, hi)
            if multiplier is not None:
                value = scale(value, multiplier.group("scale"))
                end = multiplier.end()
        figure = _Figure(start, end, value)
        before = text[max(lo, start - 60) : start]
        last = _last_word(before)
        if last == "per" or (last in _GATE_AGE and _AGE_BEFORE.search(before)):
            return None
        if word is not None and last in _GATE_DEFINITE:
            return None
        currency = None
        if (
            before.rstrip(_BLANKS)[-1:] in _CURRENCY_SIGNS
            or last.upper() in _CURRENCY_CODE_SET
            or last in _CURRENCY_ABBREVIATIONS
        ):
            currency = _CURRENCY_BEFORE.search(before)
        if currency is not None:
            figure.currency = currency.group("cur")
            figure.unit = _clean(figure.currency)
            cur_start = start - (len(before) - currency.start("cur"))
            figure.unit_span = (cur_start, cur_start + len(currency.group("cur")))
            figure.lead = cur_start
            before = text[max(lo, figure.lead - 60) : figure.lead]
        qualifier = (
            _QUALIFIER_BEFORE.search(before) if _ends_with(before, _GATE_QUALIFIER) else None
        )
        if qualifier is not None:
            name = qualifier.lastgroup
            assert name is not None
            figure.qualifier = _QUALIFIERS[name]
            figure.lead = figure.lead - (len(before) - qualifier.start())
        if not self.read_after(figure, before, word):
            return None
        return figure

    def is_norm(self, figure: _Figure) -> bool:
        """Whether the figure is in a clause stating a rule ("each cell must have 4 m²")."""
        sentence = self.sentence_at(figure.start)
        if not self.sent_start or not (
            self.sent_start[sentence] <= figure.start < self.sent_end[sentence]
        ):
            return False
        group = self.group_at(figure.start)
        figure.sentence = sentence
        left, right = self.clause(figure, group, figure.start)
        left, right = max(left, figure.start - _SCOPE), min(right, figure.end + _SCOPE)
        return self.has_cue("norm", left, right, group) and not self.has_cue(
            "target", left, right, group
        )

    def read_after(self, figure: _Figure, before: str, word: str | None) -> bool:
        """Read what follows the figure: percent, currency, noun; apply exclusions."""
        text, hi = self.text, self.hi
        pos = figure.end
        after = _QUALIFIER_AFTER.match(text, pos, hi)
        if after is not None:
            figure.qualifier = Qualifier.AT_MOST if after.group("down") else Qualifier.AT_LEAST
            pos = after.end()
        if _AGE_AFTER.match(text, pos, hi):
            return False
        percent = _PERCENT.match(text, pos, hi)
        shared = False
        if percent is None and _last_word(before) == "from":
            # "from 40 to 45 per cent": the first figure shares the second's unit.
            to = _TO_FIGURE.match(text, pos, hi)
            percent = _PERCENT.match(text, to.end(), hi) if to is not None else None
            shared = percent is not None
        if percent is not None:
            figure.percent = True
            figure.unit = "percentage points" if percent.group("points") else "percent"
            written = percent.group()
            figure.unit_span = (
                percent.start() + len(written) - len(written.lstrip()),
                percent.end(),
            )
            pos = pos if shared else percent.end()
        elif figure.currency is None:
            currency = _CURRENCY_AFTER.match(text, pos, hi)
            if currency is not None:
                figure.currency = currency.group("cur")
                figure.unit = _clean(figure.currency)
                figure.unit_span = currency.span("cur")
                pos = currency.end()
        figure.noun_end = pos
        if figure.unit:
            rate = _RATE.match(text, pos, hi)
            if rate is not None:
                figure.unit = f"{figure.unit} per {_clean(rate.group('rate'))}"
                figure.noun_end = rate.end()
            return self.keep_unitless_checks(figure, word, before, has_unit=True)
        noun = self.noun_phrase(pos, self.sentence_end(figure.start))
        if noun is not None:
            first, last, words = noun
            lowered = [w.lower() for w in words]
            if (lowered[0] in _TIME_UNITS or lowered[-1] in _TIME_UNITS) and not (
                _AVERAGE_BEFORE.search(text, max(self.lo, figure.start - 80), figure.start)
            ):
                return False  # a duration or time limit
            if lowered[0] in ("times", "fold") and _TIMES_CHANGE.search(before):
                return False
            if lowered[0] in _FRACTIONS:
                return False  # "two thirds of the detainees": fractions are not counts
            if (
                word is None
                and figure.value != 1
                and _ends_with(before, _GATE_DEFINITE)
                and not any(_plural(w) for w in lowered)
            ):
                return False  # "the 4 square metre standard": a modifier, not a count
            if lowered[0] in _TIME_UNIT_PREFIXES and len(lowered) > 1 and lowered[1] in _TIME_UNITS:
                return False
            figure.has_noun = True
            figure.unit = _clean(text[first:last])
            figure.unit_span = (first, last)
            figure.noun_end = last
            rate = _RATE.match(text, last, hi)
            if rate is not None:
                figure.unit = f"{figure.unit} per {_clean(rate.group('rate'))}"
                figure.noun_end = rate.end()
        elif _RANGE_TO_DURATION.match(text, pos, hi):
            return False
        elif _RATE.match(text, pos, hi):
            rate = _RATE.match(text, pos, hi)
            assert rate is not None
            figure.unit = f"per {_clean(rate.group('rate'))}"
            figure.unit_span = (rate.start("rate") - 4, rate.end())
            figure.noun_end = rate.end()
        return self.keep_unitless_checks(figure, word, before, has_unit=figure.has_noun)

    def keep_unitless_checks(
        self, figure: _Figure, word: str | None, before: str, *, has_unit: bool
    ) -> bool:
        """Whether the figure survives rules 10 and 11 (bare years, the pronoun "one")."""
        text = self.text
        raw = text[figure.start : figure.end]
        if word is not None and word.lower() == "one":
            following = _WORD_AT.match(text, figure.end, self.hi)
            nxt = following.group(1).lower() if following else ""
            if nxt in _ONE_BLOCKERS_AFTER or not has_unit or _ONE_BLOCKERS_BEFORE.search(before):
                return False
        bare_year = (
            word is None
            and raw.isdigit()
            and len(raw) == 4
            and 1900 <= int(raw) <= 2100
            and figure.currency is None
            and not figure.percent
        )
        # A year that counts nothing, names something ("Agenda 2030") or dates a noun
        # ("2021 figures", "the 2023 budget") is not a figure.
        head = figure.unit.split()[0].lower() if has_unit and figure.unit else ""
        return not (
            bare_year
            and (not has_unit or _CAPITAL_WORD_BEFORE.search(before) or head in _YEAR_NOUNS)
        )

    def sentence_end(self, pos: int) -> int:
        if not self.sent_start:
            return self.hi
        return max(self.sent_end[self.sentence_at(pos)], pos)

    def noun_phrase(self, pos: int, hi: int) -> tuple[int, int, list[str]] | None:
        """The counted noun after a figure: "video surveillance cameras", "laws and regulations"."""
        text = self.text
        words: list[str] = []
        first = last = pos
        for _ in range(7):
            match = _WORD_AT.match(text, pos, hi)
            if match is None:
                break
            word = match.group(1)
            lowered = word.lower()
            if lowered in _STOP or (
                lowered.endswith("ly") and len(lowered) > 4 and lowered not in _LY_NOUNS
            ):
                break
            participle = lowered.endswith(("ed", "ing")) and lowered not in _ED_ING_NOUNS
            if participle and (words or not self.adjectival(match.end())):
                break
            if words and word[0].isupper() and not word.isupper() and not words[-1][0].isupper():
                break
            if not words:
                first = match.start(1)
            words.append(word)
            last = match.end(1)
            pos = match.end()
            if _plural(lowered):
                compound = _WORD_AT.match(text, pos, hi)
                if (
                    compound is not None
                    and len(words) < 5
                    and compound.group(1).lower() not in _STOP
                    and _plural(compound.group(1).lower())
                    and compound.group(1).islower()
                ):
                    continue  # "police officers", "women prisoners"
                coordinated = _COORDINATION.match(text, pos, hi)
                if coordinated is not None:
                    one, two = coordinated.group(1), coordinated.group(2)
                    if one not in _STOP and two is not None and two not in _STOP and _plural(two):
                        last = coordinated.end(2)
                        words.extend((one, two))
                    elif one not in _STOP and _plural(one) and (two is None or two in _STOP):
                        last = coordinated.end(1)
                        words.append(one)
                break
        if not words:
            return None
        return first, last, words

    def adjectival(self, pos: int) -> bool:
        """Whether a participle before `pos` qualifies a plural noun ("attempted suicides")."""
        for _ in range(2):
            following = _WORD_AT.match(self.text, pos, self.hi)
            if following is None:
                return False
            word = following.group(1)
            if word.lower() in _STOP or word[0].isupper():
                return False
            if _plural(word.lower()):
                return True
            pos = following.end()
        return False

    # ------------------------------------------------------------ step 2: structure

    def read_structure(self) -> None:
        text, lo, hi = self.text, self.lo, self.hi
        paragraph = 0
        start = lo
        for match in _BREAK.finditer(text, lo, hi):
            end = match.start() if match.group("nl") is not None else match.start("space")
            if match.group("nl") is not None and self.wrapped(match):
                continue
            if match.group("nl") is None:
                window = text[max(lo, match.start() - 11) : match.start() + 1]
                if _ABBREVIATION.search(window):
                    continue
            self.add_sentence(start, end, paragraph)
            if match.group("nl") is not None:
                paragraph += 1
            start = match.end()
        self.add_sentence(start, hi, paragraph)

    def wrapped(self, match: re.Match[str]) -> bool:
        """Whether a line break inside a paragraph only wraps the line."""
        text = self.text
        breaks = match.group()
        if (
            sum(breaks.count(c) for c in "\n\f\u2028\u2029")
            + breaks.replace("\r\n", "\n").count("\r")
            > 1
        ):
            return False  # a blank line
        before = text[max(self.lo, match.start() - 4) : match.start()].rstrip(" \t\u00a0")
        if not before or before[-1] in _HARD_BEFORE or before.endswith((".)", ".”", '."')):
            return False
        return _NEW_ITEM.match(text, match.end(), self.hi) is None

    def add_sentence(self, start: int, end: int, paragraph: int) -> None:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        top = self.new_group(-1, start)
        self.sent_start.append(start)
        self.sent_end.append(end)
        self.sent_para.append(paragraph)
        self.sent_top.append(top)
        self.g_close[top] = end
        self.ev_pos.append(start)
        self.ev_group.append(top)
        stack = [top]
        for match in _PARENS.finditer(text, start, end):
            char = match.group()
            if char in "([":
                group = self.new_group(stack[-1], match.start())
                stack.append(group)
                self.ev_pos.append(match.start())
                self.ev_group.append(group)
            elif len(stack) > 1:
                closed = stack.pop()
                self.g_close[closed] = match.end()
                self.ev_pos.append(match.end())
                self.ev_group.append(stack[-1])
        for group in stack[1:]:
            self.g_close[group] = end

    def new_group(self, parent: int, open_at: int) -> int:
        self.g_parent.append(parent)
        self.g_open.append(open_at)
        self.g_close.append(open_at)
        return len(self.g_parent) - 1

    def group_at(self, pos: int) -> int:
        k = bisect.bisect_right(self.ev_pos, pos) - 1
        return self.ev_group[k] if k >= 0 else -1

    def sentence_at(self, pos: int) -> int:
        k = bisect.bisect_right(self.sent_start, pos) - 1
        return max(k, 0)

    def ancestors(self, group: int) -> Iterable[int]:
        """The group and the brackets around it, innermost first (at most `_MAX_DEPTH`)."""
        for _ in range(_MAX_DEPTH):
            if group < 0:
                return
            yield group
            group = self.g_parent[group]

    def place(self) -> None:
        for figure in self.figures:
            figure.sentence = self.sentence_at(figure.start)
            figure.paragraph = self.sent_para[figure.sentence] if self.sent_para else 0
            figure.group = self.group_at(figure.start)
            self.figures_in_group.setdefault(figure.group, []).append(figure.index)
        for mention in self.dates:
            self.mention_sentence.append(self.sentence_at(mention.start))
            self.mention_group.append(self.group_at(mention.start))
        self.timed_groups = set(self.mention_group)

    # ------------------------------------------------------------ step 3: roles

    def read_roles(self) -> None:
        text, lo = self.text, self.lo
        seen: dict[tuple[int, Decimal, bool], int] = {}
        for figure in self.figures:
            before = text[max(lo, figure.lead - 80) : figure.lead]
            change = _CHANGE_BEFORE.search(before) if _ends_with(before, _GATE_CHANGE) else None
            if change is not None:
                figure.role = "change"
                cue = (change.group("noun") or change.group("verb") or "").lower().split()[-1]
                figure.change_dir = (
                    ChangeDirection.DECREASE if cue in _DECREASE_WORDS else ChangeDirection.INCREASE
                )
                figure.change_start = figure.lead - (len(before) - change.start())
            elif _MORE_THAN_AFTER.match(text, figure.noun_end, self.hi) and (
                figure.percent or figure.has_noun
            ):
                comparative = _MORE_THAN_AFTER.match(text, figure.noun_end, self.hi)
                assert comparative is not None
                figure.role = "change"
                figure.change_dir = (
                    ChangeDirection.DECREASE
                    if comparative.group("word").lower() in ("fewer", "less", "lower", "down")
                    else ChangeDirection.INCREASE
                )
                figure.change_start = figure.lead
                figure.change_end = comparative.end()
            elif figure.percent and _PERCENT_CHANGE_NOUN.match(text, figure.noun_end, self.hi):
                # "a 13 per cent decrease on the previous year"
                noun = _PERCENT_CHANGE_NOUN.match(text, figure.noun_end, self.hi)
                assert noun is not None
                figure.role = "change"
                figure.change_dir = (
                    ChangeDirection.DECREASE
                    if noun.group("noun").lower() in _DECREASE_WORDS
                    else ChangeDirection.INCREASE
                )
                figure.change_start = figure.lead
                figure.change_end = noun.end()
            elif (
                figure.has_noun
                and figure.unit
                and figure.unit.split()[0].lower() in _CHANGE_AFTER_NOUNS
            ):
                figure.role = "change"
                cue = figure.unit.split()[0].lower()
                figure.change_dir = (
                    ChangeDirection.DECREASE if cue in _DECREASE_WORDS else ChangeDirection.INCREASE
                )
                figure.change_start = figure.lead
                figure.unit = "percent" if figure.percent else ""
            key = (figure.paragraph, figure.value, figure.percent)
            if figure.role == "observation":
                short = text[max(lo, figure.lead - 20) : figure.lead]
                if key in seen and _ends_with(short, _GATE_DEFINITE):
                    figure.role = "restatement"
                    figure.same_as = seen[key]
                else:
                    seen.setdefault(key, figure.index)

    # ------------------------------------------------------------ step 4: equivalences

    def read_equivalences(self) -> None:
        text = self.text
        count = 0
        figures = self.figures
        for a, b in itertools.pairwise(figures):
            if a.sentence != b.sentence or a.role != "observation" or b.role != "observation":
                continue
            if not self.different_units(a, b):
                continue
            if a.group == b.group:
                gap = text[a.noun_end : b.lead]
                if len(gap) > 90 or not _EQUIVALENCE_GAP.match(gap):
                    continue
            elif self.g_parent[b.group] == a.group and self.g_open[b.group] >= a.noun_end:
                gap = text[a.noun_end : self.g_open[b.group]]
                inside = self.figures_in_group.get(b.group, [])
                if len(gap) > 70 or not _WORDS_ONLY.fullmatch(gap):
                    continue
                if inside[0] != b.index or len(inside) != 1:
                    continue
                rest = text[b.noun_end : self.g_close[b.group]]
                if len(rest) > 40 or any(c.isdigit() for c in rest):
                    continue
            else:
                continue
            if a.eq < 0:
                a.eq = count
                count += 1
            b.eq = a.eq
        groups = self.equivalents
        for figure in figures:
            if figure.eq >= 0:
                groups.setdefault(figure.eq, []).append(figure.index)
        for members in groups.values():
            first, last = figures[members[0]], figures[members[-1]]
            end = last.noun_end
            if last.group != first.group:
                end = self.g_close[last.group]
            self.relations.append(
                EquivalenceRelation(
                    quantities=tuple(members),
                    start=first.start,
                    end=end,
                    text=text[first.start : end],
                )
            )

    @staticmethod
    def different_units(a: _Figure, b: _Figure) -> bool:
        if a.percent != b.percent:
            return True
        return a.money and b.money and _clean(a.currency or "") != _clean(b.currency or "")

    # ------------------------------------------------------------ step 4b: lists, comparisons

    def runs(self) -> list[list[int]]:
        """Figures listed together with nothing but commas and "and" between them."""
        key = ("runs", 0, 0)
        if key not in self.memo:
            found: list[list[int]] = []
            current: list[int] = []
            figures = self.figures
            for a, b in itertools.pairwise(figures):
                joined = (
                    a.sentence == b.sentence
                    and a.group == b.group
                    and a.role == b.role == "observation"
                    and a.percent == b.percent
                    and a.money == b.money
                    and b.lead - a.noun_end <= 12
                    and _RUN_GAP.fullmatch(self.text, a.noun_end, b.lead) is not None
                )
                if joined:
                    if not current:
                        current = [a.index]
                    current.append(b.index)
                elif current:
                    found.append(current)
                    current = []
            if current:
                found.append(current)
            self.memo[key] = found
        runs = self.memo[key]
        assert isinstance(runs, list)
        return runs

    def read_runs(self) -> None:
        """ "45, 52 and 60 visits": the noun written once counts for every figure of the list."""
        for run in self.runs():
            giver: int | None = None
            for i in reversed(run):
                figure = self.figures[i]
                if figure.has_noun:
                    giver = i
                elif giver is not None and not figure.unit:
                    figure.unit = self.figures[giver].unit
                    figure.run_noun = giver

    def read_ellipses(self) -> None:
        """ "1,243 complaints … in 2023 and 1,305 in 2024": the second counts as the first."""
        text = self.text
        for a, b in itertools.pairwise(self.figures):
            if (
                b.has_noun
                or b.unit
                or not a.local
                or a.local_end < 0
                or a.sentence != b.sentence
                or a.group != b.group
                or a.percent != b.percent
                or b.role != "observation"
                or b.lead - a.local_end > 8
                or not _RUN_GAP.fullmatch(text, a.local_end, b.lead)
            ):
                continue
            b.unit = a.unit
            b.run_noun = a.index
        # "In 2021, … registered 268 reports of torture; in 2022, 301": the second figure,
        # after a time of its own, counts what the first counts.
        for a, b in itertools.pairwise(self.figures):
            if (
                b.has_noun
                or b.unit
                or b.run_noun is not None
                or not a.unit
                or a.sentence != b.sentence
                or a.group != b.group
                or a.percent != b.percent
                or a.role != "observation"
                or b.role != "observation"
                or b.lead - a.noun_end > 80
                or not _LEAD_TIME_GAP.fullmatch(text, a.noun_end, b.lead)
            ):
                continue
            b.unit = a.unit
            b.run_noun = a.index

    def share_run_times(self) -> None:
        """A time written after the last figure of a list holds for the whole list."""
        for run in self.runs():
            last = self.figures[run[-1]]
            if not last.local:
                continue
            for i in run[:-1]:
                figure = self.figures[i]
                if not figure.local:
                    figure.time, figure.time_set, figure.local = last.time, True, True
                    figure.local_start = last.local_start

    def pair_respectively(self) -> None:
        """ "In 2021, 2022 and 2023, respectively, 45, 52 and 60 visits": pair them in order."""
        for run in self.runs():
            times = {str(self.figures[i].time) for i in run}
            time = self.figures[run[0]].time
            if len(times) != 1 or not isinstance(time, Pooled) or len(time.periods) != len(run):
                continue
            sentence = self.figures[run[0]].sentence
            key = ("respectively", sentence, 0)
            if key not in self.memo:
                self.memo[key] = bool(
                    _RESPECTIVELY.search(
                        self.text, self.sent_start[sentence], self.sent_end[sentence]
                    )
                )
            if not self.memo[key]:
                continue
            for i, period in zip(run, time.periods, strict=True):
                self.figures[i].time = period
                self.figures[i].local = True

    def read_comparisons(self) -> None:
        """ "compared with 21", "from 29 … to 22": a bare figure counts what it is compared with."""
        text, lo = self.text, self.lo
        figures = self.figures
        for figure in figures:
            if figure.has_noun or figure.role != "observation" or figure.index == 0:
                continue
            previous = figures[figure.index - 1]
            if previous.sentence != figure.sentence or previous.percent != figure.percent:
                continue
            before = text[max(lo, figure.lead - 40) : figure.lead]
            last = _last_word(before)
            if (last in _GATE_BASE and last != "from" and _BASE_MARK.search(before)) or (
                last == "from" and _UP_DOWN_FROM.search(before)
            ):
                figure.compare = previous.index
            elif last == "to":
                before_previous = text[max(lo, previous.lead - 12) : previous.lead]
                if before_previous.rstrip().lower().endswith("from"):
                    figure.compare = previous.index

    # ------------------------------------------------------------ step 5: times

    def usable(self, k: int) -> bool:
        mention = self.dates[k]
        if mention.anchor in ("of", "after", "before", "compared with"):
            return False
        return mention.role == "time" or mention.anchor == "on"

    def read_local_times(self) -> None:
        """A time written right after a figure and its noun is the figure's own ("377 in 2022")."""
        mention_starts = [m.start for m in self.dates]
        mention_ends = [m.end for m in self.dates]
        figures = self.figures
        for figure in figures:
            if figure.eq >= 0 and figure.time_set:
                continue  # an equivalent figure already took the time for all
            if self.led_by_time(figure, mention_ends):
                continue  # "in 2022, 52, and in 2023, 60": 52 is for 2022, not 2023
            k = bisect.bisect_left(mention_starts, figure.noun_end)
            while (
                k < len(self.dates)
                and self.mention_group[k] != figure.group
                and self.mention_sentence[k] == figure.sentence
                and self.dates[k].start - figure.noun_end < 80
            ):
                k += 1  # a time inside a nested bracket belongs to that bracket
            if k >= len(self.dates):
                continue
            mention = self.dates[k]
            if self.mention_sentence[k] != figure.sentence or self.mention_group[k] != figure.group:
                continue
            if not self.usable(k) and not (
                mention.anchor == "of"
                and isinstance(mention.value, PartialDate)
                and mention.value.month is None
                and figure.noun_end < mention.start
            ):
                continue
            nxt = figure.index + 1
            while (
                nxt < len(figures)
                and figures[nxt].start < mention.start
                and (figures[nxt].eq == figure.eq >= 0 or figures[nxt].group != figure.group)
            ):
                nxt += 1  # figures in nested brackets and equivalents do not intervene
            if nxt < len(figures) and figures[nxt].start < mention.start:
                continue
            gap = self.flat_gap(figure.group, figure.noun_end, mention.start)
            if len(gap) > 80 or any(c in gap for c in "()[];:"):
                continue
            if "," in gap.lstrip(" \u00a0,"):
                continue
            time = mention.as_time()
            self.consumed.add(k)
            members = [figure]
            if figure.eq >= 0:
                members = [figures[i] for i in self.equivalents[figure.eq]]
            for member in members:
                member.time = time
                member.time_set = True
                member.local = True
                member.local_start = mention.start
                member.local_end = mention.end

    def led_by_time(self, figure: _Figure, mention_ends: list[int]) -> bool:
        """Whether a time of its own comes right before the figure ("; in 2022, 301")."""
        k = bisect.bisect_right(mention_ends, figure.lead) - 1
        if k < 0 or self.mention_sentence[k] != figure.sentence:
            return False
        mention = self.dates[k]
        if not _LEADING_TIME_GAP.fullmatch(self.text, mention.end, figure.lead):
            return False
        before = figure.index - 1
        if before >= 0 and self.figures[before].end > mention.start:
            return False  # the time follows another figure: it is that figure's
        # Only after a clause break: "In 2021, 45 complaints" keeps its frame as before.
        return (
            _CLAUSE_BEFORE_TIME.search(self.text, max(self.lo, mention.start - 12), mention.start)
            is not None
        )

    def frame_lists(self) -> dict[int, list[int]]:
        """Frame candidates by bracket group; "(2020–2023)" alone in brackets frames its parent."""
        frames: dict[int, list[int]] = {}
        for k in range(len(self.dates)):
            if k in self.consumed or not self.usable(k):
                continue
            group = self.mention_group[k]
            parent = self.g_parent[group] if group >= 0 else -1
            if parent >= 0:
                mention = self.dates[k]
                inside = self.text[self.g_open[group] + 1 : self.g_close[group] - 1]
                if inside.strip(" \u00a0,;") == mention.text:
                    group = parent
            frames.setdefault(group, []).append(k)
        return frames

    def read_frames(self) -> None:
        frames = self.frame_lists()
        frame_ends = {g: [self.dates[k].end for k in ks] for g, ks in frames.items()}
        figures_by_sentence: dict[int, list[_Figure]] = {}
        for figure in self.figures:
            figures_by_sentence.setdefault(figure.sentence, []).append(figure)
        running: TimeReference | None = None
        paragraph = -1
        for sentence in range(len(self.sent_start)):
            if self.sent_para[sentence] != paragraph:
                paragraph = self.sent_para[sentence]
                running = None
            top = self.sent_top[sentence]
            here = figures_by_sentence.get(sentence, [])
            present = bool(here) and self.present(sentence)
            stock = bool(here) and self.stock(sentence)
            for figure in here:
                if figure.time_set:
                    continue
                found = self.frame_for(figure, frames, frame_ends)
                if found is not None:
                    figure.time = self.dates[found].as_time()
                elif present or stock:
                    figure.time = None
                else:
                    figure.time = running
                figure.time_set = True
            top_frames = frames.get(top, [])
            dated = [
                k
                for k in top_frames
                if self.dates[k].role == "time" and not self.names_period(self.dates[k])
            ]
            if dated:
                running = self.dates[dated[-1]].as_time()
            elif present:
                running = None

    def names_period(self, mention: DateMention) -> bool:
        """ "the Strategy for Deinstitutionalization 2022–2026": a title's period, not a frame."""
        if mention.anchor is not None:
            return False
        before = self.text[max(self.lo, mention.start - 30) : mention.start]
        return _TITLE_BEFORE.search(before) is not None

    def frame_for(
        self, figure: _Figure, frames: dict[int, list[int]], frame_ends: dict[int, list[int]]
    ) -> int | None:
        pos = figure.lead
        for group in self.ancestors(figure.group):
            ends = frame_ends.get(group)
            if ends:
                k = bisect.bisect_right(ends, pos) - 1
                if k >= 0:
                    return frames[group][k]
            pos = self.g_open[group]
            if self.g_parent[group] < 0:
                break
        return None

    def stock(self, sentence: int) -> bool:
        """Whether the sentence states a present state ("The Office employs 56 prosecutors")."""
        start, end = self.sent_start[sentence], self.sent_end[sentence]
        top = self.sent_top[sentence]
        return any(
            self.group_at(m.start()) == top for m in _STOCK_VERB.finditer(self.text, start, end)
        )

    def present(self, sentence: int) -> bool:
        key = ("present", sentence, 0)
        if key not in self.memo:
            start, end = self.sent_start[sentence], self.sent_end[sentence]
            top = self.sent_top[sentence]
            found = False
            for match in _PRESENT.finditer(self.text, start, end):
                if self.group_at(match.start()) == top:
                    found = True
                    break
            self.memo[key] = found
        return bool(self.memo[key])

    # ------------------------------------------------------------ step 6: relations

    def resolved(self, index: int) -> int:
        figure = self.figures[index]
        if figure.role == "restatement" and figure.same_as is not None:
            return figure.same_as
        return index

    def add_parts(
        self,
        kind: BreakdownKind,
        whole: int,
        parts: list[int],
        *,
        dimension: str | None,
        start: int,
        end: int,
    ) -> bool:
        """Record that `parts` make up (PARTITION) or are among (SUBSET) `whole`."""
        whole = self.resolved(whole)
        key = (whole, tuple(parts))
        if key in self.relation_keys or whole in parts or not parts:
            return False
        figures = self.figures
        if kind is BreakdownKind.PARTITION:
            total = sum((figures[p].value for p in parts), Decimal(0))
            exact = all(figures[p].qualifier is Qualifier.EXACT for p in parts)
            if (
                exact
                and figures[whole].qualifier is Qualifier.EXACT
                and total < figures[whole].value
            ):
                kind = BreakdownKind.SUBSET
        self.relation_keys.add(key)
        for n, part in enumerate(parts):
            if figures[part].whole is None:
                figures[part].whole = whole
                if n > 0:
                    figures[part].prev_part = parts[n - 1]
        end = max(end, self.phrase_end(figures[parts[-1]]))
        self.relations.append(
            PartRelation(
                kind=kind,
                whole=whole,
                parts=tuple(parts),
                dimension=dimension,
                start=start,
                end=end,
                text=self.text[start:end],
            )
        )
        return True

    def group_starts(self, group: int) -> list[int]:
        starts = self.starts_in_group.get(group)
        if starts is None:
            starts = [self.figures[i].start for i in self.figures_in_group.get(group, [])]
            self.starts_in_group[group] = starts
        return starts

    def phrase_end(self, figure: _Figure) -> int:
        """Where a part's own words end ("19 were officers of the security forces")."""
        if figure.has_noun or figure.percent or figure.money:
            return figure.noun_end
        return self.tail(figure)[1]

    def previous_in_group(self, group: int, pos: int) -> int | None:
        """The nearest figure before `pos` in `group` that can be a whole (not a change)."""
        members = self.figures_in_group.get(group, [])
        k = bisect.bisect_left(self.group_starts(group), pos)
        for i in reversed(members[max(0, k - _LOOKBACK) : k]):
            role = self.figures[i].role
            if role in ("observation", "restatement"):
                return i
        return None

    def whole_before(self, group: int, pos: int) -> int | None:
        for g in self.ancestors(group):
            found = self.previous_in_group(g, pos)
            if found is not None:
                return found
            pos = self.g_open[g]
            if self.g_parent[g] < 0:
                break
        return None

    def parts_after(
        self, group: int, pos: int, limit: int, *, percent: bool, semicolons: bool = False
    ) -> list[int]:
        """Figures listed after `pos` in `group`, each introduced by a list separator.

        A semicolon ends the list, except in a list opened by a colon ("…: 66 …; 143 …").
        """
        limit = min(limit, pos + _PARTS_REACH)
        if not semicolons:
            semicolon = self.text.find(";", pos, limit)
            while semicolon >= 0 and self.group_at(semicolon) != group:
                semicolon = self.text.find(";", semicolon + 1, limit)
            if semicolon >= 0:
                limit = semicolon
        members = self.figures_in_group.get(group, [])
        k = bisect.bisect_left(self.group_starts(group), pos)
        parts: list[int] = []
        previous_end = pos
        for i in members[k : k + _MAX_PARTS]:
            figure = self.figures[i]
            if figure.start >= limit or figure.role != "observation" or figure.percent != percent:
                break
            gap = self.flat_gap(group, previous_end, figure.lead)
            if not parts:
                if len(gap) > 30 or not _FIRST_PART_GAP.match(gap):
                    break
            elif len(gap) > 200 or not _PART_GAP_END.search(gap):
                break
            previous_end = figure.noun_end
            if figure.eq >= 0 and parts and self.figures[parts[-1]].eq == figure.eq:
                continue  # "19.2 per cent, or 4,500 persons" is one part
            parts.append(i)
        return parts

    def flat_gap(self, group: int, start: int, end: int) -> str:
        """The text of `group` between two offsets, without the brackets nested in it."""
        if end <= start:
            return ""
        if end - start > 400:
            return self.text[start : start + 400]
        pieces: list[str] = []
        segment: int | None = start if self.group_at(start) == group else None
        k = bisect.bisect_right(self.ev_pos, start)
        while k < len(self.ev_pos) and self.ev_pos[k] < end:
            at, g = self.ev_pos[k], self.ev_group[k]
            if segment is not None and g != group:
                pieces.append(self.text[segment:at])
                segment = None
            elif segment is None and g == group:
                segment = at
            k += 1
        if segment is not None:
            pieces.append(self.text[segment:end])
        return "".join(pieces)

    def read_connectors(self) -> None:
        text = self.text
        for sentence in range(len(self.sent_start)):
            start, end = self.sent_start[sentence], self.sent_end[sentence]
            if not self.figures_in_sentence(sentence):
                continue
            for match in _CONNECTOR.finditer(text, start, end):
                group = self.group_at(match.start())
                whole = self.whole_before(group, match.start())
                if (
                    whole is not None
                    and not self.figures[whole].has_noun
                    and not text[self.figures[whole].noun_end : match.start()].strip()
                    and match.group().lower().startswith("of")
                ):
                    self.read_of_which(whole)
                    continue
                if whole is None:
                    whole = self.previous_sentence_whole(sentence, match.start())
                if whole is None:
                    continue
                limit = min(self.g_close[group], end)
                parts = self.parts_after(
                    group, match.end(), limit, percent=self.figures[whole].percent
                )
                if not parts:
                    continue
                if match.group("subset") is not None:
                    kind = BreakdownKind.SUBSET
                elif len(parts) >= 2:
                    kind = BreakdownKind.PARTITION
                    parts = self.cut_at_sum(whole, parts)
                else:
                    kind = BreakdownKind.SUBSET
                span_start = self.figures[whole].start
                if self.figures[whole].sentence != sentence:
                    span_start = match.start()
                last = self.figures[parts[-1]]
                self.add_parts(
                    kind,
                    whole,
                    parts,
                    dimension=self.dimension(parts),
                    start=span_start,
                    end=last.noun_end,
                )
            self.read_colons(sentence)
            self.read_of_the(sentence)

    def read_of_which(self, part: int) -> None:
        """ "248 visits in 2023, 35 of which were unannounced": 35 ⊂ 248."""
        figure = self.figures[part]
        whole = self.whole_before(figure.group, figure.lead)
        if whole is None or self.figures[whole].sentence != figure.sentence:
            return
        if self.figures[whole].percent != figure.percent:
            return
        self.add_parts(
            BreakdownKind.SUBSET,
            whole,
            [part],
            dimension=None,
            start=self.figures[whole].start,
            end=self.phrase_end(figure),
        )

    def figures_in_sentence(self, sentence: int) -> bool:
        k = bisect.bisect_left(self.figure_starts, self.sent_start[sentence])
        return k < len(self.figures) and self.figures[k].start < self.sent_end[sentence]

    def previous_sentence_whole(self, sentence: int, pos: int) -> int | None:
        """For a sentence opening with "Of these" or "Among them": the last figure before."""
        start = self.sent_start[sentence]
        if pos - start > 12 or sentence == 0:
            return None
        if self.sent_para[sentence - 1] != self.sent_para[sentence]:
            return None
        k = bisect.bisect_left(self.figure_starts, start) - 1
        if k < 0 or self.figures[k].sentence != sentence - 1:
            return None
        if self.figures[k].role not in ("observation", "restatement"):
            return None
        return k

    def cut_at_sum(self, whole: int, parts: list[int]) -> list[int]:
        target = self.figures[self.resolved(whole)]
        if target.qualifier is not Qualifier.EXACT:
            return parts
        total = Decimal(0)
        for n, p in enumerate(parts, start=1):
            total += self.figures[p].value
            if total == target.value and n >= 2:
                return parts[:n]
        return parts

    def read_colons(self, sentence: int) -> None:
        text = self.text
        start, end = self.sent_start[sentence], self.sent_end[sentence]
        pos = text.find(":", start, end)
        while pos >= 0:
            group = self.group_at(pos)
            whole = self.previous_in_group(group, pos)
            if whole is not None:
                between = text[self.figures[whole].noun_end : pos]
                if ";" not in between:
                    limit = min(self.g_close[group], end)
                    parts = self.parts_after(
                        group, pos + 1, limit, percent=self.figures[whole].percent, semicolons=True
                    )
                    if len(parts) >= 2:
                        parts = self.cut_at_sum(whole, parts)
                        self.add_parts(
                            BreakdownKind.PARTITION,
                            whole,
                            parts,
                            dimension=self.dimension(parts),
                            start=self.figures[whole].start,
                            end=self.figures[parts[-1]].noun_end,
                        )
            pos = text.find(":", pos + 1, end)

    def read_of_the(self, sentence: int) -> None:
        """ "Of the 42 persons tried, 35 were convicted and 7 acquitted"; "35 of the 42"."""
        text = self.text
        start, end = self.sent_start[sentence], self.sent_end[sentence]
        k = bisect.bisect_left(self.figure_starts, start)
        while k < len(self.figures) and self.figures[k].start < end:
            figure = self.figures[k]
            k += 1
            if figure.role not in ("observation", "restatement"):
                continue
            near = max(start, figure.lead - 40)
            clause_start = max(near, text.rfind(";", near, figure.lead) + 1)
            lead_text = text[clause_start : figure.lead]
            if (clause_start == start or text[clause_start - 1] in ";:") and _OF_THE_BEFORE.search(
                lead_text
            ):
                comma = text.find(",", figure.noun_end, min(end, figure.noun_end + 120))
                if comma >= 0:
                    limit = min(self.g_close[figure.group], end)
                    parts = self.parts_after(figure.group, comma + 1, limit, percent=figure.percent)
                    if parts:
                        kind = BreakdownKind.PARTITION if len(parts) >= 2 else BreakdownKind.SUBSET
                        if kind is BreakdownKind.PARTITION:
                            parts = self.cut_at_sum(figure.index, parts)
                        self.add_parts(
                            kind,
                            figure.index,
                            parts,
                            dimension=self.dimension(parts),
                            start=figure.start,
                            end=self.figures[parts[-1]].noun_end,
                        )
            if k < len(self.figures):
                nxt = self.figures[k]
                if (
                    nxt.sentence == sentence
                    and nxt.group == figure.group
                    and nxt.lead == nxt.start
                    and nxt.percent == figure.percent
                    and nxt.start - figure.noun_end < 16
                    and _OUT_OF.fullmatch(text, figure.noun_end, nxt.start)
                ):
                    self.add_parts(
                        BreakdownKind.SUBSET,
                        nxt.index,
                        [figure.index],
                        dimension=None,
                        start=figure.start,
                        end=nxt.noun_end,
                    )

    def read_brackets(self) -> None:
        """A bracket right after a figure: per-year or per-category lists, values at other times."""
        text = self.text
        for group, members in self.figures_in_group.items():
            parent = self.g_parent[group]
            if parent < 0:
                continue
            open_at = self.g_open[group]
            if self.figures[members[0]].start - open_at < 80 and _CONNECTOR.search(
                text, open_at, self.figures[members[0]].start
            ):
                continue  # "(including 22 …)": the connector decides
            head = self.previous_in_group(parent, open_at)
            if head is None:
                continue
            head_figure = self.figures[head]
            if head_figure.sentence != self.figures[members[0]].sentence:
                continue
            if ";" in text[head_figure.noun_end : open_at]:
                continue
            items = [
                i
                for i in members
                if self.figures[i].role == "observation"
                and (self.figures[i].eq < 0 or i == self.equivalents[self.figures[i].eq][0])
            ]
            for i in members:
                self.figures[i].head = head
            if not items:
                continue
            timed = [i for i in items if self.figures[i].local]
            if len(items) >= 2:
                same_kind = all(
                    self.figures[i].percent == head_figure.percent
                    and self.figures[i].money == head_figure.money
                    for i in items
                )
                if not same_kind:
                    continue
                if len(timed) == len(items):
                    times = [self.figures[i].time for i in items]
                    distinct = len({str(t) for t in times}) == len(times)
                    covered = all(_covers(head_figure.time, t) for t in times)
                    if distinct and covered:
                        years = [_years_of(t) for t in times]
                        dimension = "year" if all(y is not None for y in years) else "period"
                        self.add_parts(
                            BreakdownKind.PARTITION,
                            head,
                            items,
                            dimension=dimension,
                            start=head_figure.start,
                            end=self.g_close[group],
                        )
                elif not timed:
                    self.add_parts(
                        BreakdownKind.PARTITION,
                        head,
                        items,
                        dimension=self.dimension(items),
                        start=head_figure.start,
                        end=self.g_close[group],
                    )

    def read_parallels(self) -> None:
        """ "120 … (78 in 2022), including 23 (7 in 2022)": 7 ⊂ 78 as 23 ⊂ 120."""
        contrast: dict[int, list[int]] = {}
        for figure in self.figures:
            if figure.head is not None and figure.local and figure.whole is None:
                contrast.setdefault(figure.head, []).append(figure.index)
        for relation in list(self.relations):
            if not isinstance(relation, PartRelation):
                continue
            whole_items = contrast.get(relation.whole, [])
            for item in whole_items:
                time = str(self.figures[item].time)
                parallel: list[int] = []
                for part in relation.parts:
                    match = [i for i in contrast.get(part, []) if str(self.figures[i].time) == time]
                    if len(match) != 1:
                        parallel = []
                        break
                    parallel.append(match[0])
                if parallel:
                    last = self.figures[parallel[-1]]
                    group = last.group
                    self.add_parts(
                        relation.kind,
                        item,
                        parallel,
                        dimension=relation.dimension,
                        start=self.g_open[group],
                        end=self.g_close[group],
                    )

    def dimension(self, parts: list[int]) -> str | None:
        text = self.text
        figures = [self.figures[p] for p in parts]
        if all(f.local for f in figures):
            return "year" if all(_years_of(f.time) is not None for f in figures) else "period"
        following = [text[f.noun_end : f.noun_end + 30].lower() for f in figures]
        if all(_UNDER_ARTICLE.match(s) for s in following):
            return "article"
        nouns = [f.unit.lower().split()[-1] if f.has_noun and f.unit else "" for f in figures]
        if nouns and all(n in _GENDER for n in nouns):
            return "sex"
        copulas = [_COPULA.match(text, f.noun_end) for f in figures]
        if all(copulas) and len(figures) >= 2:
            heads = []
            for c in copulas:
                assert c is not None
                nxt = _WORD_AT.match(text, c.end())
                heads.append(nxt.group(1).lower() if nxt else "")
            if all(h.endswith("ed") for h in heads):
                return "outcome"
            if all(h and h not in _STOP and not h.endswith("ed") for h in heads):
                return "status"
        return None

    def read_changes(self) -> None:
        """Pair each stated change with the value after it and, if given, the value before."""
        figures = self.figures
        for amount in figures:
            if amount.role != "change" or amount.change_dir is None:
                continue
            if self.g_parent[amount.group] >= 0 and amount.head is not None:
                # "22 suicides (29 cases in 2022, or a decrease of 32 per cent)"
                later: int | None = amount.head
                items = [
                    i
                    for i in self.figures_in_group.get(amount.group, [])
                    if figures[i].role == "observation" and figures[i].local
                ]
                base = items[-1] if items else None
                if base is None and later is not None:
                    # "138 …, compared with 97 in 2021 (an increase of 42.3 per cent)": the
                    # bracket follows the base; the later value is the one compared.
                    later, base = self.compared_pair(later)
            else:
                found = self.values_before(amount) or self.values_after(amount)
                if found is None:
                    continue
                later, base = found
            if later is None:
                continue
            end = max(amount.noun_end, amount.change_end)
            self.relations.append(
                ChangeRelation(
                    later=later,
                    base=base,
                    direction=amount.change_dir,
                    amount=amount.index,
                    relative=amount.percent,
                    start=amount.change_start,
                    end=end,
                    text=self.text[amount.change_start : end],
                )
            )

    def compared_pair(self, head: int) -> tuple[int, int | None]:
        """(later, base) when `head` is the value after "compared with"; else (head, None)."""
        figures = self.figures
        marks = self.text[max(self.lo, figures[head].lead - 40) : figures[head].lead]
        if not (_ends_with(marks, _GATE_BASE) and _BASE_MARK.search(marks) is not None):
            return head, None
        k = head - 1
        while k >= 0 and figures[k].sentence == figures[head].sentence:
            if figures[k].role == "observation":
                return k, head
            k -= 1
        return head, None

    def values_before(self, amount: _Figure) -> tuple[int | None, int | None] | None:
        """(later, base) among the values stated before a change in its sentence."""
        figures = self.figures
        candidates: list[int] = []
        k = amount.index - 1
        while k >= 0 and len(candidates) < 2 and amount.index - k <= _LOOKBACK:
            if figures[k].sentence != amount.sentence:
                break
            if figures[k].role == "observation":
                candidates.append(k)
            k -= 1
        if not candidates:
            return None
        nearest = candidates[0]
        second = candidates[1] if len(candidates) > 1 else None
        marks = self.text[max(self.lo, figures[nearest].lead - 40) : figures[nearest].lead]
        if _ends_with(marks, _GATE_BASE) and _BASE_MARK.search(marks) is not None:
            # "300 …, compared with 260 in 2022, an increase of …"
            return (second, nearest) if second is not None else (None, None)
        if figures[nearest].head is not None and figures[nearest].local:
            return figures[nearest].head, nearest  # "22 … (29 in 2022), a fall of 24 per cent"
        if second is not None and _last_word(marks) == "to":
            second_marks = self.text[max(self.lo, figures[second].lead - 20) : figures[second].lead]
            if _last_word(second_marks) == "from":
                return nearest, second  # "from 25,300 in 2019 to 21,700 in 2023, a reduction …"
        return nearest, None

    def values_after(self, amount: _Figure) -> tuple[int | None, int | None] | None:
        """(later, base) after a change: "rose by 12% to 1,450", "by 40%, from 250 to 150"."""
        figures, text = self.figures, self.text
        following = [
            i
            for i in range(amount.index + 1, min(len(figures), amount.index + 3))
            if figures[i].sentence == amount.sentence and figures[i].role == "observation"
        ]
        if not following:
            return None
        first = figures[following[0]]
        if first.lead - amount.noun_end > 60:
            return None
        first_mark = _last_word(text[max(self.lo, first.lead - 12) : first.lead])
        if first_mark == "to":
            return following[0], None
        if first_mark == "from" and len(following) > 1:
            second = figures[following[1]]
            if _last_word(text[max(self.lo, second.lead - 12) : second.lead]) == "to":
                return following[1], following[0]
        return None

    # ------------------------------------------------------------ step 7: inheritance

    def inherit(self) -> None:
        figures = self.figures
        ordered = sorted(
            (r for r in self.relations if isinstance(r, PartRelation)),
            key=lambda r: figures[r.whole].start,
        )
        for relation in ordered:
            whole = figures[relation.whole]
            if whole.time is None and relation.dimension in ("year", "period"):
                whole.time = self.span_of([figures[p].time for p in relation.parts])
            for p in relation.parts:
                part = figures[p]
                if not part.local and whole.time is not None:
                    part.time = whole.time
        for figure in figures:
            if figure.role == "restatement" and figure.same_as is not None:
                original = figures[figure.same_as]
                if not figure.has_noun:
                    figure.unit = original.unit
            parent = figure.whole if figure.whole is not None else figure.head
            if parent is None:
                parent = figure.compare
            if parent is not None and not figure.unit:
                figure.unit = self.counterpart(figure, parent).unit

    @staticmethod
    def span_of(times: list[TimeReference | None]) -> TimeReference | None:
        years = [_years_of(t) for t in times]
        if not years or any(y is None for y in years):
            return None
        ordered = sorted({y for y in years if y is not None})
        if ordered == list(range(ordered[0], ordered[-1] + 1)):
            return Period(start=PartialDate(ordered[0]), end=PartialDate(ordered[-1]))
        if len(ordered) < 2:
            return Period.year(ordered[0])
        return Pooled(periods=tuple(Period.year(y) for y in ordered))

    # ------------------------------------------------------------ step 8: value kinds

    def clause(self, figure: _Figure, group: int, at: int) -> tuple[int, int]:
        text = self.text
        sentence = figure.sentence
        g_start = self.sent_start[sentence] if self.g_parent[group] < 0 else self.g_open[group]
        g_end = self.sent_end[sentence] if self.g_parent[group] < 0 else self.g_close[group]
        key = ("clauses", sentence, 0)
        if key not in self.memo:
            by_group: dict[int, list[int]] = {}
            for m in _CLAUSE_BREAK.finditer(
                text, self.sent_start[sentence], self.sent_end[sentence]
            ):
                by_group.setdefault(self.group_at(m.start()), []).append(m.start())
            self.memo[key] = by_group
        index = self.memo[key]
        assert isinstance(index, dict)
        breaks: list[int] = index.get(group, [])
        k = bisect.bisect_right(breaks, at)
        left = breaks[k - 1] if k > 0 else g_start
        right = breaks[k] if k < len(breaks) else g_end
        return left, right

    def read_kinds(self) -> None:
        for figure in self.figures:
            group, at = figure.group, figure.start
            kind = ValueKind.ACTUAL
            for _ in range(_MAX_DEPTH):
                left, right = self.clause(figure, group, at)
                left, right = max(left, at - _SCOPE), min(right, at + _SCOPE)
                found = self.cue(left, right, group)
                if found is not None:
                    kind = found
                    break
                if self.g_parent[group] < 0:
                    break
                if self.group_has_time(group):
                    break
                at = self.g_open[group]
                group = self.g_parent[group]
            figure.kind = kind
            before = self.text[max(self.lo, figure.lead - 30) : figure.lead]
            if _ends_with(before, _GATE_BASELINE) and _BASELINE_BEFORE.search(before):
                figure.kind = ValueKind.BASELINE
            elif kind is ValueKind.TARGET and _last_word(before) == "from":
                # "reducing … from 63.2 per cent in 2019 to 40 per cent by 2030": the value a
                # target starts from is its baseline.
                figure.kind = ValueKind.BASELINE
            elif kind is ValueKind.BASELINE:
                figure.kind = ValueKind.ACTUAL
        for figure in self.figures:
            if figure.eq >= 0:
                kinds = [self.figures[i].kind for i in self.equivalents[figure.eq]]
                if ValueKind.TARGET in kinds:
                    figure.kind = ValueKind.TARGET
                elif ValueKind.PLAN in kinds:
                    figure.kind = ValueKind.PLAN

    def group_has_time(self, group: int) -> bool:
        return group in self.timed_groups

    def ensure_cues(self, sentence: int) -> None:
        """Find every kind of cue in `sentence` once (target, plan, baseline, norm)."""
        if sentence in self.cue_sentences or not self.sent_start:
            return
        in_order = not self.cue_sentences or sentence > max(self.cue_last, -1)
        self.cue_sentences.add(sentence)
        self.cue_last = max(self.cue_last, sentence)
        start, end = self.sent_start[sentence], self.sent_end[sentence]
        for m in _ALL_CUES.finditer(self.text, start, end):
            name = m.lastgroup
            assert name is not None
            positions = self.cues.setdefault(name, [])
            if in_order:
                positions.append(m.start())
            else:
                bisect.insort(positions, m.start())

    def has_cue(self, name: str, left: int, right: int, group: int | None = None) -> bool:
        """Whether a cue of kind `name` starts in left:right (a clause of one sentence).

        With `group`, only cues in that bracket group or the brackets around it count:
        "(equipping … will be completed in 2023)" says nothing about the figure before it.
        """
        self.ensure_cues(self.sentence_at(left))
        positions = self.cues.get(name, [])
        k = bisect.bisect_left(positions, left)
        if group is None:
            return k < len(positions) and positions[k] < right
        allowed = self.around.get(group)
        if allowed is None:
            allowed = self.around[group] = frozenset(self.ancestors(group))
        while k < len(positions) and positions[k] < right:
            if self.group_at(positions[k]) in allowed:
                return True
            k += 1
        return False

    def cue(self, left: int, right: int, group: int) -> ValueKind | None:
        if self.has_cue("target", left, right, group):
            return ValueKind.TARGET
        if self.has_cue("plan", left, right, group):
            return ValueKind.PLAN
        if self.has_cue("baseline", left, right, group):
            return ValueKind.BASELINE
        return None

    # ------------------------------------------------------------ step 9: concepts

    def tail(
        self, figure: _Figure, *, through_aux: bool = False, start: int | None = None
    ) -> tuple[list[str], int]:
        """The words after a figure's noun up to the end of its phrase, and where they end.

        Auxiliaries opening the phrase are dropped ("were released from …" → "released
        from …"); another auxiliary ends it, unless `through_aux`.
        """
        text = self.text
        hi = self.sentence_end(figure.start)
        stop = figure.local_start if figure.local and figure.local_start >= 0 else hi
        pos = figure.noun_end if start is None else start
        of_which = _OF_WHICH_AFTER.match(text, pos, hi)
        if of_which is not None:
            pos = of_which.end()
        aux = _AUX_RUN.match(text, pos, hi)
        if aux is not None:
            pos = aux.end()
        words: list[str] = []
        ends: list[int] = []
        skipped = False
        while len(words) < _MAX_TAIL_WORDS and pos < stop:
            match = _TAIL_WORD.match(text, pos, min(hi, stop))
            if match is None:
                if not skipped and not words:
                    bracket = _SKIP_BRACKET.match(text, pos, min(hi, stop))
                    if bracket is not None:
                        skipped = True
                        pos = bracket.end()
                        aux = _AUX_RUN.match(text, pos, hi)
                        if aux is not None:
                            pos = aux.end()
                        continue
                break
            word = match.group(1)
            lowered = word.lower()
            if lowered in _TAIL_STOP and not (
                lowered == "as" and _AS_A_RESULT.match(text, match.end(), hi)
            ):
                break
            if words and lowered in _MID_AUX:
                if not through_aux:
                    break
                pos = match.end()
                continue
            if word[0].isdigit() and (not words or words[-1].lower() not in _REFERENCE_WORDS):
                break
            words.append(word)
            ends.append(match.end())
            pos = match.end()
        while words and words[-1].lower() in _STOP:
            words.pop()
            ends.pop()
        return words, (ends[-1] if ends else figure.noun_end)

    def counterpart(self, figure: _Figure, index: int) -> _Figure:
        """The member of `index`'s equivalence that is stated in the same kind as `figure`."""
        other = self.figures[index]
        if other.eq < 0:
            return other
        for candidate in self.figures[max(0, index - 4) : index + 5]:
            if (
                candidate.eq == other.eq
                and candidate.percent == figure.percent
                and candidate.money == figure.money
            ):
                return candidate
        return other

    def read_concepts(self) -> None:
        text, lo = self.text, self.lo
        figures = self.figures
        for figure in figures:
            if figure.role == "restatement" and figure.same_as is not None:
                figure.concept = figures[figure.same_as].concept or figure.unit
                continue
            own, _ = self.tail(figure, through_aux=figure.percent)
            figure.label = " ".join(own)
            base = _words(figure.unit) if figure.has_noun else []
            if figure.percent and _OF_WHICH_AFTER.match(text, figure.noun_end, self.hi):
                if figure.index > 0:
                    base = [*_words(figures[figure.index - 1].unit), ":"]
            elif figure.percent and own and own[0].lower() == "of":
                own = own[1:]
                if own:
                    while own and own[0].lower() in ("the", "all", "a", "an"):
                        own = own[1:]
                    base = ["percentage", "of"]
            if not figure.has_noun or figure.money:
                window = text[max(lo, figure.lead - 80) : figure.lead]
                lowered_window = window.lower()
                measure = (
                    _MEASURE_OF_BEFORE.search(window)
                    if _may_end_with(window, _TAIL_MEASURE_OF, _TAIL_MEASURE_OF_SHORT)
                    and any(map(lowered_window.__contains__, _MEASURE_WORDS))
                    else None
                )
                if measure is not None:
                    base = _words(measure.group("kind").lower())
                elif figure.money and _MONEY_VERB_BEFORE.search(window):
                    verb = _MONEY_VERB_BEFORE.search(window)
                    assert verb is not None
                    base = ["funds", verb.group("verb").lower()]
            if not figure.has_noun or figure.money:
                window = text[max(lo, figure.lead - 80) : figure.lead]
                changed = (
                    _CHANGE_SUBJECT.search(window) or _CHANGE_OBJECT.search(window)
                    if _last_word(window) == "from"
                    else None
                )
                if changed is not None:
                    base = _words(_clean(changed.group("what")))
                    if own and own[0].lower() == "to":
                        own = []  # "from 158 per cent to below 120 …": where it goes, not what
                    counted = _NUMBER_OF.match(" ".join(base))
                    if counted is not None and not figure.unit and not figure.percent:
                        figure.unit = _limit(_words(counted.group("what")), 4)
            # A stated change's amount has a noun but no unit ("2 decrease of …").
            if (
                figure.has_noun
                and figure.unit
                and figure.unit.split()[-1].lower() in _GENERIC_UNITS
            ):
                window = text[max(lo, figure.lead - 80) : figure.lead]
                found = (
                    _OBJECT_BEFORE.search(window) if _last_word(window) in ("on", "in") else None
                )
                if found is not None:
                    base = _words(_clean(found.group("obj")))
                elif figure.index > 0:
                    previous = figures[figure.index - 1]
                    if previous.sentence == figure.sentence and previous.unit == figure.unit:
                        base = _words(previous.concept)
                        own = []
            subject = None
            if figure.percent or not figure.has_noun:
                window = text[
                    max(self.sent_start[figure.sentence], figure.lead - 120) : figure.lead
                ]
                lowered_window = window.lower()
                subject = (
                    _SUBJECT_BEFORE.search(window)
                    if _may_end_with(window, _TAIL_SUBJECT)
                    and any(map(lowered_window.__contains__, _SUBJECT_WORDS))
                    else None
                )
                if subject is not None:
                    what = _clean(subject.group("what"))
                    base = _words(f"{subject.group('kind').lower()} of {what}")
                    if not figure.unit and subject.group("kind").lower() in ("number", "total"):
                        figure.unit = _limit(_words(what), 4)
            # "the prison population stood at": only where no "share of …" subject was found.
            if subject is None and (not base or figure.percent or figure.has_noun):
                window = text[
                    max(self.sent_start[figure.sentence], figure.lead - 100) : figure.lead
                ]
                lowered_window = window.lower()
                compound = (
                    _COMPOUND_SUBJECT.search(window)
                    if _may_end_with(window, _TAIL_COMPOUND)
                    and any(map(lowered_window.__contains__, _COMPOUND_WORDS))
                    else None
                )
                if compound is not None:
                    base, own = _words(_clean(compound.group("what")).lower()), []
            concept_words = base + own
            if figure.whole is not None and not figure.has_noun and not figure.percent:
                concept_words = self.part_concept(figure, own)
            elif figure.head is not None and figure.whole is None and figure.local:
                concept_words = _words(self.counterpart(figure, figure.head).concept)
            elif figure.head is not None and not figure.has_noun and not base:
                concept_words = _words(self.counterpart(figure, figure.head).concept) + own
            elif figure.compare is not None:
                concept_words = _words(figures[figure.compare].concept)
            if not concept_words and figure.head is None and self.g_parent[figure.group] >= 0:
                open_at = self.g_open[figure.group]
                noun = _NOUN_BEFORE_BRACKET.search(text[max(lo, open_at - 120) : open_at])
                if noun is not None:
                    phrase = _words(_HEAD_NOUN_LEAD.sub("", _clean(noun.group("np"))))[-10:]
                    while phrase and phrase[0].lower() in _STOP:
                        phrase = phrase[1:]
                    concept_words = phrase
            if not concept_words and not figure.unit:
                start = self.sent_start[figure.sentence]
                colon = text.find(":", start, min(figure.lead, start + 80))
                if colon > start and len(_words(text[start:colon])) <= 8:
                    concept_words = _words(_clean(text[start:colon]))
            if figure.has_noun:
                window = text[max(lo, figure.lead - 80) : figure.lead]
                passive = (
                    _PASSIVE_BEFORE.search(window) if _ends_with(window, _GATE_PASSIVE) else None
                )
                if passive is not None and len(concept_words) < _MAX_CONCEPT_WORDS - 2:
                    extra = _words(f"{passive.group('subj').lower()} {passive.group('verb')}")
                    room = _MAX_CONCEPT_WORDS - len(concept_words)
                    concept_words = [*concept_words, f"({' '.join(extra[-room:])})"]
            concept = _clean(" ".join(concept_words[:_MAX_CONCEPT_WORDS])).replace(" :", ":")
            figure.concept = concept.rstrip(":") or figure.unit
        # A run takes the noun of a later figure ("12, 15 and 20 persons": back to front) or
        # of an earlier one ("14 in 2021, 9 in 2022 and 6 in 2023": front to back).
        for figure in reversed(figures):
            if figure.run_noun is not None and figure.run_noun > figure.index:
                figure.concept = figures[figure.run_noun].concept or figure.concept
        for figure in figures:
            if figure.run_noun is not None and figure.run_noun < figure.index:
                earlier = figures[figure.run_noun]
                figure.concept = earlier.concept or figure.concept
                figure.unit = figure.unit or earlier.unit

    def part_concept(self, figure: _Figure, own: list[str]) -> list[str]:
        """ "persons: convicted of torture"; "6 of other malfeasance" borrows "convicted"."""
        assert figure.whole is not None
        whole = self.figures[figure.whole]
        label = own
        if label and label[0].lower() in _PREPOSITIONS and figure.prev_part is not None:
            previous = self.figures[figure.prev_part].label.split()
            if previous and previous[0].lower().endswith(("ed", "en")):
                label = [previous[0], *label]
        figure.label = " ".join(label)
        head = _words(whole.concept or whole.unit)
        if not label:
            return head
        if len(head) + len(label) + 1 > _MAX_CONCEPT_WORDS:
            head = _words(whole.unit) or head[:3]
        return [*head, ":", *label]

    # ------------------------------------------------------------ output

    def run(self) -> QuantityReading:
        candidates = self.candidates()
        if not self.outside_dates(candidates):  # every figure is part of a date
            return QuantityReading(quantities=(), relations=(), dates=tuple(self.dates))
        self.read_structure()
        self.read_figures(candidates)
        if not self.figures:  # every later step reads figures: nothing to relate
            return QuantityReading(quantities=(), relations=(), dates=tuple(self.dates))
        self.place()
        self.read_roles()
        self.read_runs()
        self.read_comparisons()
        self.read_equivalences()
        self.read_local_times()
        self.read_ellipses()
        self.share_run_times()
        self.read_frames()
        self.pair_respectively()
        self.read_connectors()
        self.read_brackets()
        self.read_parallels()
        self.read_changes()
        self.inherit()
        self.read_kinds()
        self.read_concepts()
        quantities = tuple(self.quantity(f) for f in self.figures)
        relations = sorted(self.relations, key=lambda r: (r.start, r.end))
        return QuantityReading(
            quantities=quantities, relations=tuple(relations), dates=tuple(self.dates)
        )

    def quantity(self, figure: _Figure) -> Quantity:
        sentence = (self.sent_start[figure.sentence], self.sent_end[figure.sentence])
        unit = figure.unit
        if unit and not unit.isupper() and unit[0].isupper() and not figure.money:
            unit = unit[0].lower() + unit[1:]
        return Quantity(
            start=figure.start,
            end=figure.end,
            text=self.text[figure.start : figure.end],
            value=figure.value,
            qualifier=figure.qualifier,
            percent=figure.percent,
            unit=unit,
            unit_span=figure.unit_span
            if figure.has_noun or figure.percent or figure.money
            else None,
            concept=figure.concept,
            time=figure.time,
            value_kind=figure.kind,
            sentence=sentence,
            role=figure.role,
            same_as=figure.same_as,
        )


def find_quantities(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    reference: PartialDate | None = None,
    dates: Sequence[DateMention] | None = None,
) -> QuantityReading:
    """Read the statistics stated in `text[start:end]`.

    Paragraphs are lines; a time stated in one paragraph never applies in
    another. Run it on a whole reply or paragraph by paragraph: the results
    are the same.

    Args:
        text: The text, exactly as given (offsets point into it).
        start: Where to start reading (slice semantics).
        end: Where to stop reading; None for the end of the text.
        reference: The date relative time expressions count from ("over the
            past three years"), normally the date the reply was received.
        dates: The date mentions of the text, if already found with
            `find_dates` (those outside the region are ignored).

    Returns:
        The figures, their relations and the date mentions used.

    Raises:
        TypeError: If `text` is not a str or another argument has the wrong
            type. Nothing else is raised.

    Example:
        >>> from catdomain._dates import PartialDate
        >>> from catdomain.reading.quantities import find_quantities
        >>> text = ("Over the past three years, over 400 officials have been disciplined "
        ...         "(167 in 2021, 128 in 2022 and 109 in 2023).")
        >>> reading = find_quantities(text, reference=PartialDate(2024, 5, 13))
        >>> [(q.text, q.qualifier.value, str(q.time), q.unit) for q in reading.quantities]
        [('400', 'more-than', '2021/2023', 'officials'), ('167', 'exact', '2021', 'officials'), ('128', 'exact', '2022', 'officials'), ('109', 'exact', '2023', 'officials')]
        >>> part = reading.parts[0]
        >>> part.kind.value, part.whole, part.parts, part.dimension
        ('partition', 0, (1, 2, 3), 'year')
    """  # noqa: E501
    text, lo, hi = _region(text, start, end)
    if reference is not None and not isinstance(reference, PartialDate):
        raise TypeError(f"reference must be a PartialDate or None, not {type(reference).__name__}")
    if dates is None:
        found = find_dates(text, lo, hi, reference=reference)
    else:
        if not all(isinstance(d, DateMention) for d in dates):
            raise TypeError("dates must be a sequence of DateMention")
        found = tuple(sorted((d for d in dates if lo <= d.start and d.end <= hi),
                             key=lambda d: d.start))  # fmt: skip
        kept: list[DateMention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        found = tuple(kept)
    tables = find_tables(text, lo, hi)
    if not tables:
        return _Reader(text, lo, hi, found).run()
    return _with_tables(text, lo, hi, found, tables)


def _with_tables(
    text: str, lo: int, hi: int, dates: tuple[DateMention, ...], tables: list[TextTable]
) -> QuantityReading:
    """Read the prose around `tables` as usual, and each table's figures from its cells."""
    quantities: list[Quantity] = []
    relations: list[Relation] = []
    pos = lo
    for table in [*tables, None]:
        stop = hi if table is None else table.start
        if stop > pos:
            inside = tuple(d for d in dates if pos <= d.start and d.end <= stop)
            reading = _Reader(text, pos, stop, inside).run()
            shift = len(quantities)
            quantities.extend(
                q if q.same_as is None else attrs.evolve(q, same_as=q.same_as + shift)
                for q in reading.quantities
            )
            relations.extend(_shifted(r, shift) for r in reading.relations)
        if table is None:
            break
        shift = len(quantities)
        for figure in table.figures:
            cell = figure.cell
            quantities.append(
                Quantity(
                    start=cell.start,
                    end=cell.end,
                    text=cell.text,
                    value=figure.value,
                    percent=figure.percent,
                    unit="percent" if figure.percent else "",
                    concept=figure.concept,
                    time=figure.time,
                    sentence=figure.row,
                )
            )
        for whole, parts in table.subsets:
            relations.append(
                PartRelation(
                    kind=BreakdownKind.SUBSET,
                    whole=whole + shift,
                    parts=tuple(p + shift for p in parts),
                    start=table.start,
                    end=table.end,
                    text=text[table.start : table.end],
                )
            )
        pos = table.end
    return QuantityReading(quantities=tuple(quantities), relations=tuple(relations), dates=dates)


def _shifted(relation: Relation, shift: int) -> Relation:
    """`relation` with its quantity indices moved by `shift`."""
    if isinstance(relation, PartRelation):
        return attrs.evolve(
            relation, whole=relation.whole + shift, parts=tuple(p + shift for p in relation.parts)
        )
    if isinstance(relation, ChangeRelation):
        return attrs.evolve(
            relation,
            later=relation.later + shift,
            base=None if relation.base is None else relation.base + shift,
            amount=relation.amount + shift,
        )
    return attrs.evolve(relation, quantities=tuple(q + shift for q in relation.quantities))
