"""Dates and time expressions in the prose of a reply.

`find_dates` scans a text for every date or time expression and returns one
`DateMention` per expression, with character offsets into the text exactly as
given. It works in two steps:

1. a compiled pattern finds the *core* of what looks like a date expression
   (it starts with a digit or a month name, so prose is skipped fast): up to
   twelve dates or years joined by commas, "and", "to" or a dash ("21 and 22
   September 2023", "2024–2028", "31 December 2022, 5 January 2023 and 20
   April 2023"); the words just before it are then read for an anchor ("as
   at", "since", "by", "until", "in", "on", "from", "between", "of",
   "during", "for", "throughout", "over", "compared with", … — also when an
   enumerator is glued to it, as in "3.In 2024"), "the period"/"the years",
   and a part of a year ("the first half of", "the first 9 months of", "the
   end of", "mid-", "Q1");
2. the explicit grammar of `catdomain._dates` (`parse_time`, `parse_date`)
   validates and interprets the candidate. When it refuses a candidate, shorter
   ones (fewer dates, then without the anchor) are tried; if none parses,
   nothing is reported.

A bare four-digit number from 1900 to 2100 is a year only with a date cue: an
anchor word before it ("in", "since", "until", "by", "from", "of", "for",
"during", "between", "after", "before", "as at", "throughout", "year",
"compared with", …), a range ("2024–2028"), a place inside a full date, a
determiner before it ("the 2023 budget") or brackets around it ("(2014)").
"2023 persons", "No. 162", "194/2020" and "article 129" are therefore not dates.

Relative expressions ("over the past three years", "last year", "this
year") are resolved against `reference`, normally the date the reply was
received; without a reference they are still reported (they mark the time of
the figures near them) but their `value` is None. "The previous year" and "a
year earlier" count from the year last written on the same line when there
is one ("In 2021, 30 died, against 41 the previous year" → 2020). A date
after "Since the adoption of the Law in 2019" is read as "since 2019"; a
year right after "than" or "compared with" is a comparison base (anchor
"compared with"); a footnote number glued to a year ("in 2024.1 Of these")
does not hide the year.

Example:
    >>> from catdomain._dates import PartialDate
    >>> from catdomain.reading.dates import find_dates
    >>> text = "In 2023 and 2024, 107 submissions were made; over the past three years, 12."
    >>> for m in find_dates(text, reference=PartialDate(2024, 5, 13)):
    ...     print(repr(m.text), str(m.value), m.role, m.anchor)
    'In 2023 and 2024' 2023+2024 time in
    'over the past three years' 2021/2023 time in
"""

from __future__ import annotations

import re
from typing import Literal, TypeAlias

import attrs

from catdomain import _regex
from catdomain._dates import (
    Instant,
    PartialDate,
    Period,
    Pooled,
    TimeReference,
    parse_date,
    parse_time,
)
from catdomain.exceptions import CatdomainError
from catdomain.reading._numbers import DASHES

__all__ = ["Anchor", "DateMention", "find_dates"]

Anchor: TypeAlias = Literal[
    "as at", "since", "from", "until", "by", "in", "on", "of", "after", "before", "compared with"
]
"""How a time expression is introduced, normalised.

"as at", "as of" and "at" → ``"as at"``; "since" → ``"since"``; "from" and
"between" → ``"from"``; "until", "till" and "up to" → ``"until"``; "by" →
``"by"``; "in", "during", "for", "throughout", "over", "within", "the period",
"the year" → ``"in"``; "on" → ``"on"``; "of" and "dated" → ``"of"``;
"after" → ``"after"``; "before" → ``"before"``; "with" (as in "compared
with"), "against", "versus", "than" → ``"compared with"``.
"""


@attrs.frozen(kw_only=True)
class DateMention:
    """One date or time expression found in a text.

    `role` tells a *date* (one calendar date, as an instrument or an event
    has: "of 24 December 2014", "on 20 April 2023", "(2014)"; `value` is a
    `PartialDate`) from a *time reference* (what a figure's time can be:
    "in 2023", "as at 1 January 2023", "2024–2028", "in 2023 and 2024",
    "since 2005", "by 2030", "over the past three years"; `value` is an
    `Instant`, a `Period` or a `Pooled`, or None for a relative expression
    read without a reference date).

    Attributes:
        start: Offset of the first character, anchor word included.
        end: Offset just past the last character.
        text: ``text[start:end]`` of the text searched.
        value: What the expression means.
        role: ``"date"`` or ``"time"``.
        anchor: The normalised anchor word (see `Anchor`), or None.

    Example:
        >>> from catdomain.reading.dates import find_dates
        >>> mention = find_dates("approved by Order No. 162 of 24 December 2014")[0]
        >>> mention.text, str(mention.value), mention.role, mention.anchor
        ('of 24 December 2014', '2014-12-24', 'date', 'of')
    """

    start: int
    end: int
    text: str
    value: PartialDate | Instant | Period | Pooled | None = attrs.field(
        validator=attrs.validators.optional(
            attrs.validators.instance_of((PartialDate, Instant, Period, Pooled))
        )
    )
    role: Literal["date", "time"]
    anchor: Anchor | None = None

    def as_time(self) -> TimeReference | None:
        """Return the mention as a time reference (a date becomes a one-date Period).

        Example:
            >>> from catdomain.reading.dates import find_dates
            >>> str(find_dates("On 20 April 2023, the Code was adopted.")[0].as_time())
            '2023-04-20'
        """
        if isinstance(self.value, PartialDate):
            return Period(start=self.value, end=self.value, text=self.text)
        return self.value


# ---------------------------------------------------------------- candidate patterns

_DASH = f"[{DASHES}]"
_MONTH = (
    r"(?-i:(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![0-9A-Za-z])"
_YEAR = (
    r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)"
    r"(?![0-9A-Za-z]|,[0-9]|\.[0-9](?![0-9]?[ \u00a0\r\n]+[A-Z“\"(]))"  # "in 2024.1 Of these"
)
_ISO = r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?(?![0-9])"
_DAY_SEP = rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*{_DASH}\s*|\s+to\s+)"
_ATOM = (
    rf"(?:{_DAY}(?:{_DAY_SEP}{_DAY}){{0,6}}\s+{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_MONTH}\s+{_DAY},?\s+{_YEAR}"
    rf"|{_MONTH}(?:,?\s+{_YEAR})?"
    rf"|{_ISO}"
    rf"|{_YEAR})"
)
_SEP = rf"(?:\s*,\s*(?:and\s+)?|\s+(?:and|to|until|till)\s+|\s*&\s*|\s*{_DASH}\s*)"
_ANCHOR = (
    r"as\s+at|as\s+of|since|until|till|up\s+to|by|from|between|in|on|during|for"
    r"|throughout|over|of|after|before|at|dated|within|compared\s+(?:with|to)"
    r"|in\s+comparison\s+(?:with|to)|as\s+against|versus|vs\."
)
_PERIOD = r"the\s+(?:calendar\s+)?(?:period|years?)(?:\s+(?:from|between))?"
_SUB = (
    r"(?:the\s+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+"
    r"(?P<part>quarter|half|semester)\s+of"
    r"|(?:the\s+)?(?P<span>first|last)\s+(?P<months>[0-9]{1,2}|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven)\s+months\s+of"
    r"|(?:the\s+)?(?P<edge>end|beginning|start|middle|close)\s+of"
    r"|(?P<vague>mid(?:dle)?[-\u2011]?|early|late)"
    r"|(?P<code>Q[1-4]|H[12])"
)
_CANDIDATE = _regex.compile(
    rf"""
    (?<![\w/\u2011-])
    (?:(?P<anchor>{_ANCHOR})\s+)?
    (?:(?P<period>{_PERIOD})\s+)?
    (?:(?:{_SUB})\s*)?
    (?P<body>{_ATOM}(?:{_SEP}{_ATOM}){{0,11}})
    """,
    re.VERBOSE | re.IGNORECASE,
)
# Scanning starts from the dates themselves (a digit or a month name), which the
# regular-expression engine finds fast; the anchor words before them are then
# read from a short window ending where the date starts.
_CORE = _regex.compile(rf"(?<![\w/.,])(?:{_ATOM})(?:{_SEP}{_ATOM}){{0,11}}", re.IGNORECASE)
# Relative expressions ("over the past three years") are read around the word "year".
_YEAR_WORD = _regex.compile(r"[Yy][Ee][Aa][Rr][Ss]?(?![\w\u2011-])")
# Both in one scan: a date starts with a digit or a month's capital and holds no "year",
# the word starts with "y" and is all letters, so the matches of either pattern are found
# exactly where its own scan finds them (the year words in the group "year").
_CORE_OR_YEAR_WORD = _regex.compile(rf"(?i:{_CORE.pattern})|(?P<year>{_YEAR_WORD.pattern})")
_ATOM_ONLY = _regex.compile(_ATOM, re.IGNORECASE)
_YEAR_ONLY = _regex.compile(_YEAR)
_MONTH_YEAR_ONLY = _regex.compile(rf"{_MONTH}\s+{_YEAR}")
_RANGE_INSIDE = _regex.compile(rf"{_DASH}|\s(?:to|until|till)\s", re.IGNORECASE)
_DETERMINER_BEFORE = _regex.compile(
    r"(?:\b(?:the|this|that|its|their|his|her|our|fiscal|financial|calendar|budget)\s+)$",
    re.IGNORECASE,
)
_RELATIVE = _regex.compile(
    r"""
    (?<![\w\u2011-])
    (?P<lead>(?:over|in|during|for|within|throughout)\s+)?
    (?:
        (?:the\s+)?(?:past|last|previous|preceding)\s+(?:[0-9]{1,2}|[a-z]+)\s+years
      | (?:(?:the\s+)?(?:past|last|previous|preceding)|this|the\s+current|the\s+present)\s+year
      | (?P<earlier>a\s+year\s+(?:earlier|before|previously)|the\s+year\s+before)
    )
    (?![\w\u2011-])
    """,
    re.VERBOSE | re.IGNORECASE,
)

_GRAMMAR_ANCHORS = frozenset(
    {"as at", "as of", "at", "since", "until", "till", "up to", "by", "from", "between",
     "in", "on", "during", "for", "throughout", "over"}
)  # fmt: skip
_ANCHOR_NAMES: dict[str, Anchor] = {
    "as at": "as at", "as of": "as at", "at": "as at", "since": "since", "from": "from",
    "between": "from", "until": "until", "till": "until", "up to": "until", "by": "by",
    "in": "in", "during": "in", "for": "in", "throughout": "in", "over": "in",
    "within": "in", "on": "on", "of": "of", "dated": "of", "after": "after",
    "before": "before", "compared with": "compared with", "compared to": "compared with",
    "in comparison with": "compared with", "in comparison to": "compared with",
    "as against": "compared with", "versus": "compared with", "vs.": "compared with",
}  # fmt: skip
# Anchors after which a bare year followed by a plural noun is rather a count
# ("a total of 2000 persons", "places for 2000 detainees", "over 2000 cases").
_COUNT_PRONE = frozenset({"of", "for", "over", "by", "up to", "at", "within", "versus", "vs."})
_PLURAL_AFTER = _regex.compile(
    r"\s+(?!(?:is|was|has|does|as|us|this|thus|its|plus)\b)[a-z][a-z\u2011-]*s\b"
)
_DATE_ANCHORS = frozenset({None, "of", "on"})
_PROBE = PartialDate(2000, 1, 1)


def _region(text: object, start: object, end: object) -> tuple[str, int, int]:
    if (
        type(text) is str
        and type(start) is int
        and type(end) is int
        and 0 <= start <= end <= len(text)
    ):
        return text, start, end  # the usual call, a paragraph of a reply
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    for name, value in (("start", start), ("end", end)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise TypeError(f"{name} must be an int or None, not {type(value).__name__}")
    lo, hi, _ = slice(start, end).indices(len(text))
    return text, lo, max(lo, hi)


def _anchor_key(raw: str | None) -> str | None:
    return None if raw is None else " ".join(raw.lower().split())


_CACHE_LIMIT = 4096
# Phrases already parsed, across calls: the same "in 2023" recurs in every reply, and
# a paragraph is read for statistics and again for the dates of its measures. Values
# are immutable; the cache is emptied when full.
_PHRASES: dict[tuple[str, PartialDate | None], TimeReference | None] = {}


def _try_time(
    text: str,
    reference: PartialDate | None,
    cache: dict[tuple[str, PartialDate | None], TimeReference | None] | None = None,
) -> TimeReference | None:
    """Parse with the grammar; None when it refuses. Repeated phrases are parsed once."""
    key = (text, reference)
    if cache is not None and key in cache:
        return cache[key]
    try:
        value: TimeReference | None = parse_time(text, reference=reference)
    except (CatdomainError, ValueError):
        value = None
    if cache is not None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        cache[key] = value
    return value


def _single(value: TimeReference) -> PartialDate | None:
    if isinstance(value, Period) and value.start is not None and value.start == value.end:
        return value.start
    return None


def _has_cue(text: str, lo: int, start: int, end: int, body: str) -> bool:
    """Whether a body without anchor is a date: a full date, a range, or a cued year."""
    if not _YEARS_ONLY.fullmatch(body):
        return True  # it has a month or is an ISO date
    if not _YEAR_ONLY.fullmatch(body):
        return bool(_RANGE_INSIDE.search(body))  # "2024–2028", not "2023 and 2024"
    before = text[max(lo, start - 12) : start]
    if _DETERMINER_BEFORE.search(before) or _LABEL_AFTER.match(text, end):
        return True
    return before.endswith("(") and text.startswith(")", end)


def _time_cue(text: str, lo: int, start: int, end: int) -> bool:
    """A bare year that dates the figures near it: "the 2023 budget", "2021: 120"."""
    before = text[max(lo, start - 12) : start]
    return bool(_DETERMINER_BEFORE.search(before) or _LABEL_AFTER.match(text, end))


# "2021: 120", "2021 – 35": a year labelling the figure after it.
_LABEL_AFTER = _regex.compile(rf"[ \u00a0]*(?::|[ \u00a0]{_DASH})[ \u00a0]*[0-9]")
_SINCE_EVENT = _regex.compile(r"\b[Ss]ince\s+(?:the\s+)?(?:[A-Za-z’'\u2011-]+\s+){1,7}$")
_COMPARED_BEFORE = _regex.compile(
    r"\b(?:than|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|as\s+against|against"
    r"|versus|vs\.)\s+$",
    re.IGNORECASE,
)


_YEARS_ONLY = _regex.compile(rf"{_YEAR}(?:{_SEP}{_YEAR})*", re.IGNORECASE)


def _sub_value(
    match: re.Match[str], body: str, anchor: str | None, text: str
) -> tuple[TimeReference | PartialDate, Literal["date", "time"]] | None:
    """Interpret "the first half of 2023", "the end of 2024", "mid-2023", "Q1 2024"."""
    try:
        date = parse_date(body)
    except (CatdomainError, ValueError):
        return None
    ordinal, part = match.group("ordinal"), match.group("part")
    edge, code = match.group("edge"), match.group("code")
    first: PartialDate
    last: PartialDate
    if match.group("span") is not None:
        count = _MONTH_COUNTS.get(match.group("months").lower())
        if date.month is not None or count is None or not 1 <= count <= 12:
            return None
        if match.group("span").lower() == "first":
            first, last = PartialDate(date.year, 1), PartialDate(date.year, count)
        else:
            first, last = PartialDate(date.year, 13 - count), PartialDate(date.year, 12)
        return Period(start=first, end=last, text=text), "time"
    if code is not None:
        ordinal = code[1]
        part = "quarter" if code[0] in "Qq" else "half"
    if ordinal is not None and part is not None:
        if date.month is not None:
            return None
        count = 4 if part.lower() == "quarter" else 2
        number = {"first": 1, "1st": 1, "1": 1, "second": 2, "2nd": 2, "2": 2, "third": 3,
                  "3rd": 3, "3": 3, "fourth": 4, "4th": 4, "4": 4, "last": count}.get(
            ordinal.lower(), 0)  # fmt: skip
        if not 1 <= number <= count:
            return None
        months = 12 // count
        first = PartialDate(date.year, (number - 1) * months + 1)
        last = PartialDate(date.year, number * months)
    elif edge is not None and edge.lower() in ("end", "close", "beginning", "start"):
        if date.day is not None:
            return None
        point = date.latest() if edge.lower() in ("end", "close") else date.earliest()
        first = last = PartialDate.from_date(point)
    else:
        first = last = date
    if anchor in ("as at",):
        return Instant(date=last, text=text), "time"
    if anchor in ("since", "from", "after"):
        return Period(start=first, text=text), "time"
    if anchor in ("until", "by", "before"):
        return Period(end=last, text=text), "time"
    return Period(start=first, end=last, text=text), "time"


_ANCHOR_PHRASES = tuple(
    tuple(p.split())
    for p in (
        "in comparison with", "in comparison to", "compared with", "compared to", "as against",
        "as at", "as of", "up to", "since", "until", "till", "by", "from", "between", "in", "on",
        "during", "for", "throughout", "over", "of", "after", "before", "at", "dated", "within",
        "versus", "vs.",
    )
)  # fmt: skip
_PERIOD_PHRASES = tuple(
    tuple(p.split())
    for p in (
        "the calendar period from", "the calendar period between", "the calendar period",
        "the calendar years", "the calendar year", "the period from", "the period between",
        "the years from", "the years between", "the year from", "the period", "the years",
        "the year",
    )
)  # fmt: skip
_MONTH_COUNTS = {
    **{str(n): n for n in range(1, 13)},
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11,
}  # fmt: skip
_SUB_PHRASES = (
    tuple(
        tuple(f"{the}{o} {part} of".split())
        for the in ("the ", "")
        for o in ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "last")
        for part in ("quarter", "half", "semester")
    )
    + tuple(
        tuple(f"{the}{edge} of".split())
        for the in ("the ", "")
        for edge in ("end", "beginning", "start", "middle", "close")
    )
    + tuple(
        tuple(f"{the}{side} {n} months of".split())
        for the in ("the ", "")
        for side in ("first", "last")
        for n in _MONTH_COUNTS
    )
    + tuple((w,) for w in ("early", "late", "mid", "middle", "q1", "q2", "q3", "q4", "h1", "h2"))
)
_TRAILING_WORD = _regex.compile(r"(?:[A-Za-z]+\.?|mid[-\u2011]|[QqHh][1-4])$")
# A run of non-spaces and, where it ends with one, the `_TRAILING_WORD` it ends with:
# the lazy run before the word is the leftmost start from which that pattern matches.
_TOKEN_WORD = _regex.compile(rf"\S*?(?P<word>{_TRAILING_WORD.pattern.removesuffix('$')})(?!\S)|\S+")


def _by_length(
    phrases: tuple[tuple[str, ...], ...],
) -> tuple[tuple[int, frozenset[tuple[str, ...]]], ...]:
    lengths = sorted({len(p) for p in phrases}, reverse=True)
    return tuple((n, frozenset(p for p in phrases if len(p) == n)) for n in lengths)


_ANCHOR_SETS = _by_length(_ANCHOR_PHRASES)
_PERIOD_SETS = _by_length(_PERIOD_PHRASES)
_SUB_SETS = _by_length(_SUB_PHRASES)


def _ends_with_phrase(
    words: list[str], end: int, phrases: tuple[tuple[int, frozenset[tuple[str, ...]]], ...]
) -> int:
    """How many of words[:end] the longest phrase ending at `end` covers (0 if none)."""
    for n, known in phrases:
        if n <= end and tuple(words[end - n : end]) in known:
            return n
    return 0


def _window_tokens(text: str, begin: int, end: int) -> list[tuple[int, str]]:
    """The words of ``text[begin:end]`` separated by spaces, as ``(offset, word)``.

    A word with something glued before it ("3.In 2024", "(in 2023") is its last
    word (`_TRAILING_WORD`); other tokens are whole.
    """
    tokens = []
    window = text[begin:end]
    at = 0
    for token in window.split():  # the runs of non-spaces, as "\S+" finds them
        at = window.find(token, at)
        if token.isalpha() and token.isascii():
            tokens.append((begin + at, token))  # a word alone: its own last word
        else:
            m = _TOKEN_WORD.match(window, at)
            assert m is not None  # its second branch matches any run of non-spaces
            word = m.group("word")
            tokens.append((begin + at, token) if word is None else (begin + m.start("word"), word))
        at += len(token)
    return tokens


def _prefix_start(text: str, lo: int, start: int) -> int:
    """Where the words introducing a date end at `start` begin ("as at the end of 2023")."""
    tokens = _window_tokens(text, max(lo, start - 48), start)
    if tokens and tokens[0][0] == max(lo, start - 48) and start - 48 > lo:
        tokens = tokens[1:]  # a word cut by the window
    words = [t.lower() for _, t in tokens]
    if words and words[-1].endswith(("-", "\u2011")):
        words[-1] = words[-1][:-1]  # "mid-2023"
    end = len(words)
    end -= _ends_with_phrase(words, end, _SUB_SETS)
    end -= _ends_with_phrase(words, end, _PERIOD_SETS)
    end -= _ends_with_phrase(words, end, _ANCHOR_SETS)
    if end == len(words):
        return start
    return tokens[end][0]


_NUMBER_SIGN_BEFORE = _regex.compile(r"(?:\b[Nn][Oo]s?\.?|№|N°)[ \u00a0]*$")


def _candidate_at(text: str, lo: int, hi: int, core: re.Match[str]) -> re.Match[str] | None:
    """The whole candidate around a core: its anchor, "the period", part of year, dates."""
    start = core.start()
    if (
        start > lo
        and text[start - 1] in "-\u2011"
        and text[max(lo, start - 4) : start - 1].lower() != "mid"
    ):
        return None  # "Kazakhstan‑2050", "226-2020"
    if _NUMBER_SIGN_BEFORE.search(text, max(lo, start - 8), start):
        return None  # "Law No. 2022-12", "Decree № 2023/45": a number, not a date
    prefix = _prefix_start(text, lo, start)
    if prefix < start:
        match = _CANDIDATE.match(text, prefix, hi)
        if match is not None and match.start("body") == start:
            return match
    return _CANDIDATE.match(text, start, hi)


def _absolute(
    text: str,
    match: re.Match[str],
    lo: int,
    reference: PartialDate | None,
    cache: dict[tuple[str, PartialDate | None], TimeReference | None],
) -> DateMention | None:
    raw_anchor = _anchor_key(match.group("anchor"))
    anchor = _ANCHOR_NAMES.get(raw_anchor) if raw_anchor else None
    period = match.group("period")
    if anchor is None and period is not None:
        anchor = "from" if period.lower().rstrip().endswith(("from", "between")) else "in"
    body_start, body_end = match.span("body")
    has_sub = any(match.group(g) for g in ("ordinal", "span", "edge", "vague", "code"))
    if has_sub:
        if not _YEAR_ONLY.fullmatch(match.group("body")) and not _MONTH_YEAR_ONLY.fullmatch(
            match.group("body")
        ):
            return None
        start = match.start()
        mention_text = text[start:body_end]
        interpreted = _sub_value(match, match.group("body"), anchor, mention_text)
        if interpreted is None:
            return None
        value, role = interpreted
        return DateMention(
            start=start, end=body_end, text=mention_text, value=value, role=role, anchor=anchor
        )
    shorter = [
        m.end() for m in _ATOM_ONLY.finditer(text, body_start, body_end) if m.end() < body_end
    ]
    for cut in [body_end, *shorter[::-1]]:
        found = _interpret(
            text,
            match,
            lo,
            cut,
            raw_anchor=raw_anchor,
            anchor=anchor,
            reference=reference,
            cache=cache,
        )
        if found is not None:
            return found
    return None


def _interpret(
    text: str,
    match: re.Match[str],
    lo: int,
    cut: int,
    *,
    raw_anchor: str | None,
    anchor: Anchor | None,
    reference: PartialDate | None,
    cache: dict[tuple[str, PartialDate | None], TimeReference | None],
) -> DateMention | None:
    start = match.start()
    body_start = match.start("body")
    if (
        raw_anchor in _COUNT_PRONE
        and _YEAR_ONLY.fullmatch(text, body_start, cut)
        and _PLURAL_AFTER.match(text, cut)
    ):
        return None
    phrase_start = match.start("period") if match.group("period") else body_start
    body = text[body_start:cut]
    value: TimeReference | None = None
    if raw_anchor in _GRAMMAR_ANCHORS or (raw_anchor is None and match.group("period")):
        value = _try_time(text[start:cut], reference, cache)
    if value is None and (raw_anchor is not None or match.group("period")):
        value = _try_time(text[phrase_start:cut], reference, cache)
        if value is not None and raw_anchor == "from":
            single = _single(value)
            if single is not None:
                value = Period(start=single)
    if value is None:
        # Without its anchor the body must carry a cue of its own.
        if not _has_cue(text, lo, body_start, cut, body):
            return None
        value = _try_time(body, reference, cache)
        if value is None:
            return None
        start, anchor = body_start, None
    elif (
        raw_anchor is None
        and not match.group("period")
        and not _has_cue(text, lo, body_start, cut, body)
    ):
        return None
    mention_text = text[start:cut]
    single = _single(value)
    is_list = isinstance(value, Pooled) or _ATOM_ONLY.fullmatch(body) is None
    if anchor in (None, "in", "on") and _COMPARED_BEFORE.search(text[max(lo, start - 24) : start]):
        anchor = "compared with"  # "27% more than in 2022": the base of a comparison
    elif anchor in ("in", "of", "on") and single is not None and not is_list:
        since = _SINCE_EVENT.search(text, max(lo, start - 70), start)
        if since is not None:
            # "Since the adoption of the Law in 2019, …": counted from that date on.
            value = Period(start=single, text=mention_text)
            return DateMention(
                start=start, end=cut, text=mention_text, value=value, role="time", anchor="since"
            )
    if anchor is None and single is not None and _time_cue(text, lo, start, cut):
        return DateMention(
            start=start, end=cut, text=mention_text,
            value=_with_text(value, mention_text), role="time", anchor=None,
        )  # fmt: skip
    if single is not None and anchor in _DATE_ANCHORS and not is_list:
        return DateMention(
            start=start, end=cut, text=mention_text, value=single, role="date", anchor=anchor
        )
    value = _with_text(value, mention_text)
    return DateMention(
        start=start, end=cut, text=mention_text, value=value, role="time", anchor=anchor
    )


def _with_text(value: TimeReference, text: str) -> TimeReference:
    """`value` with the phrase as written: `attrs.evolve`, without its look at the class
    (the fields are those of each class, which a test checks)."""
    kind = type(value)
    if kind is Period:
        assert isinstance(value, Period)
        return Period(start=value.start, end=value.end, text=text)
    if kind is Instant:
        assert isinstance(value, Instant)
        return Instant(date=value.date, text=text)
    if kind is Pooled:
        assert isinstance(value, Pooled)
        return Pooled(periods=value.periods, text=text)
    return attrs.evolve(value, text=text)


def _relative(text: str, match: re.Match[str], reference: PartialDate | None) -> DateMention | None:
    phrase = match.group()
    if match.group("earlier"):
        year = (
            None
            if reference is None or reference.year < 2
            else Period(
                start=PartialDate(reference.year - 1),
                end=PartialDate(reference.year - 1),
                text=phrase,
            )
        )
        return DateMention(
            start=match.start(), end=match.end(), text=phrase, value=year,
            role="time", anchor="in" if match.group("lead") else None,
        )  # fmt: skip
    if _try_time(phrase, _PROBE) is None:
        return None  # not a count of years the grammar knows ("the past few years")
    value: TimeReference | None = None
    if reference is not None:
        value = _try_time(phrase, reference)
        if value is None:
            return None
    anchor: Anchor | None = "in" if match.group("lead") else None
    return DateMention(
        start=match.start(), end=match.end(), text=phrase, value=value, role="time", anchor=anchor
    )


def find_dates(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    reference: PartialDate | None = None,
) -> tuple[DateMention, ...]:
    """Find every date and time expression in `text[start:end]`.

    Args:
        text: The text, exactly as given (offsets point into it).
        start: Where to start looking (slice semantics, negative counts from the end).
        end: Where to stop looking; None for the end of the text.
        reference: The date relative expressions ("over the past three
            years", "last year") count from, normally the date the reply was
            received. Without it they are reported with ``value=None``.

    Returns:
        The mentions, in text order, none overlapping another.

    Raises:
        TypeError: If `text` is not a str, `start`/`end` not ints, or
            `reference` not a PartialDate. Nothing else is raised: text that
            looks like a date but is not one is skipped.

    Example:
        >>> from catdomain.reading.dates import find_dates
        >>> text = ("On 21 and 22 September 2023, sessions were held; the plan for the period "
        ...         "2024–2028 (Order No. 194/2020 of 13 November 2020) covers 2023 persons.")
        >>> [(m.text, str(m.value), m.role) for m in find_dates(text)]
        [('On 21 and 22 September 2023', '2023-09-21+2023-09-22', 'time'), ('for the period 2024–2028', '2024/2028', 'time'), ('of 13 November 2020', '2020-11-13', 'date')]
    """  # noqa: E501
    text, lo, hi = _region(text, start, end)
    if reference is not None and not isinstance(reference, PartialDate):
        raise TypeError(f"reference must be a PartialDate or None, not {type(reference).__name__}")
    found: list[DateMention] = []
    cache = _PHRASES
    year_words = []
    for core in _CORE_OR_YEAR_WORD.finditer(text, lo, hi):
        if core.lastgroup == "year":
            year_words.append(core)
            continue
        match = _candidate_at(text, lo, hi, core)
        if match is not None:
            mention = _absolute(text, match, lo, reference, cache)
            if mention is not None:
                found.append(mention)
    relative_end = lo
    for core in year_words:
        window_start = max(lo, relative_end, core.start() - 48)
        for match in _RELATIVE.finditer(text, window_start, min(hi, core.end() + 16)):
            if match.start() <= core.start() < match.end():
                mention = _relative(text, match, reference)
                if mention is not None:
                    found.append(mention)
                    relative_end = match.end()
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[DateMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return tuple(_in_context(text, kept))


_CONTEXTUAL = _regex.compile(
    r"(?:previous|preceding)\s+year$|year\s+(?:earlier|before|previously)$", re.IGNORECASE
)


def _year_of(mention: DateMention) -> int | None:
    value = mention.value
    if isinstance(value, PartialDate):
        return value.year
    if isinstance(value, Instant):
        return value.date.year
    if isinstance(value, Period) and value.start is not None and value.start == value.end:
        return value.start.year
    return None


def _in_context(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Resolve "the previous year" and "a year earlier" against the year last written.

    "In 2023, 14 persons died, compared with 21 the previous year": the year
    before 2023, whatever the reference date. Only a year written earlier in
    the same line counts; otherwise the reference date decides.
    """
    last_year: int | None = None
    previous_end = 0
    out: list[DateMention] = []
    for mention in mentions:
        if (
            text.find("\n", previous_end, mention.start) >= 0
            or text.find("\r", previous_end, mention.start) >= 0
        ):
            last_year = None
        previous_end = mention.end
        if last_year is not None and _CONTEXTUAL.search(mention.text) and last_year > 1:
            value = Period.year(last_year - 1)
            out.append(attrs.evolve(mention, value=_with_text(value, mention.text)))
            continue
        if mention.anchor not in ("after", "before", "compared with"):
            year = _year_of(mention)
            if year is not None:
                last_year = year
        out.append(mention)
    return out
