"""Hypothesis strategies for every public catdomain type.

Published for downstream projects as well as for catdomain's own tests:
property-test your code over any catdomain object, or over whole
referentially consistent dossiers. Needs Hypothesis::

    pip install catdomain[test]

Strategies build valid objects only: every value passes the model's
validators, and `dossiers` builds dossiers whose references all resolve.
Text fields include non-ASCII letters, non-breaking spaces, quotes and dashes;
decimals range over integers, one-place figures ("19.2"), large, negative and
many-digit values.

Example:
    >>> from hypothesis import given, settings
    >>> from catdomain.testing import dossiers
    >>> @settings(max_examples=5, deadline=None)
    ... @given(dossiers(max_size=2))
    ... def test_every_measure_answers_a_known_recommendation(dossier):
    ...     for m in dossier.measures:
    ...         assert all(dossier.kind_of(r) == "recommendation" for r in m.answers)
    >>> test_every_measure_answers_a_known_recommendation()
"""

from __future__ import annotations

import calendar
import functools
import operator
import re
import string
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("catdomain.testing needs Hypothesis: pip install catdomain[test]") from error

from catdomain._dates import Instant, PartialDate, Period, Pooled, TimeReference
from catdomain._model.assessments import Assessment
from catdomain._model.authorities import Authority
from catdomain._model.classification import Label, Tag, Term, Vocabulary
from catdomain._model.documents import Document, Section, TextParagraph
from catdomain._model.dossier import Dossier
from catdomain._model.indicators import (
    Breakdown,
    Dimension,
    Equivalence,
    Indicator,
    Observation,
    Series,
    SeriesKey,
    StatedChange,
)
from catdomain._model.instruments import Citation, Issuance, LegalInstrument
from catdomain._model.measures import Measure
from catdomain._model.provenance import SourceSpan
from catdomain._model.recommendations import Recommendation, SubParagraph
from catdomain.exceptions import ParseError
from catdomain.identifiers import (
    PROVISION_UNITS,
    DocumentSymbol,
    ParagraphRef,
    ParagraphSpan,
    ProvisionPath,
)
from catdomain.validation import Figure, Finding, Severity
from catdomain.vocab import (
    GRADING_SCALES,
    AuthorityKind,
    BreakdownKind,
    ChangeDirection,
    DocumentKind,
    Grade,
    GradingScale,
    IndicatorType,
    InstrumentKind,
    InstrumentStatus,
    MeasureCategory,
    MeasureKind,
    MeasureStatus,
    Mechanism,
    ObservationStatus,
    Qualifier,
    TagOrigin,
    TreatyBody,
    UnknownTermPolicy,
    UPRPosition,
    ValueKind,
)

__all__ = [
    "alpha3_codes",
    "assessments",
    "authorities",
    "breakdowns",
    "citations",
    "decimals",
    "dimensions",
    "document_symbols",
    "documents",
    "dossiers",
    "equivalences",
    "figures",
    "findings",
    "from_type",
    "grades",
    "grading_scales",
    "identifiers",
    "indicators",
    "instants",
    "issuances",
    "labels",
    "legal_instruments",
    "measures",
    "observations",
    "paragraph_refs",
    "paragraph_spans",
    "partial_dates",
    "periods",
    "pooled",
    "provision_paths",
    "recommendations",
    "sections",
    "series",
    "series_keys",
    "source_spans",
    "stated_changes",
    "subparagraphs",
    "tags",
    "terms",
    "text_paragraphs",
    "texts",
    "time_references",
    "vocabularies",
]

T = TypeVar("T")

# --------------------------------------------------------------------------
# Building blocks

_SAMPLE_TEXTS = (
    "Follow-up information relating to paragraph 10",
    "the Criminal Code (“the Code”)",
    'the so-called "Order No. 162"',
    "l'article 362 du Code pénal",
    "19,2\u00a0per cent",
    "more\u00a0than 40\u202f000 video cameras",
    "2021–2023 — according to the Procurator General’s Office",
    "Уголовный кодекс Республики Казахстан",
    "Қазақстан Республикасы",
    "قانون العقوبات",
    "line one\nline two\ttabbed",
    "\u00a0leading non-breaking space",
    "back\\slash and {braces} [brackets]",
    "emoji 🙂 and combining é",
)


@functools.cache
def texts(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank text, as the model's text fields require.

    Mixes hand-picked hard cases (non-ASCII scripts, non-breaking and narrow
    spaces, curly and straight quotes, dashes, control characters) with
    arbitrary Unicode.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import texts
        >>> @settings(max_examples=20)
        ... @given(texts())
        ... def test_texts(text):
        ...     assert text.strip() != ""
        >>> test_texts()
    """
    return st.one_of(
        st.sampled_from(_SAMPLE_TEXTS),
        st.text(min_size=1, max_size=max_size).filter(_not_blank),
    )


_ALNUM = string.ascii_letters + string.digits


_LETTERS = st.text(alphabet=string.ascii_lowercase, min_size=1, max_size=2)


def _not_blank(text: str) -> bool:
    return text.strip() != ""


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


@functools.cache
def identifiers() -> st.SearchStrategy[str]:
    """Ids as the model accepts them: a letter or digit, then ``A-Za-z0-9._:/#()+-``.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import identifiers
        >>> @settings(max_examples=20)
        ... @given(identifiers())
        ... def test_identifiers(identifier):
        ...     assert " " not in identifier
        >>> test_identifiers()
    """
    return st.one_of(
        st.sampled_from(("CAT/C/KAZ/CO/4", "CAT/C/KAZ/CO/4#10", "kz-criminal-code", "o-1")),
        st.builds(
            str.__add__,
            st.sampled_from(_ALNUM),
            st.text(alphabet=_ALNUM + "._:/#()+-", max_size=24),
        ),
    )


@functools.cache
def alpha3_codes() -> st.SearchStrategy[str]:
    """Three upper-case letters, the shape of an ISO 3166-1 alpha-3 code.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import alpha3_codes
        >>> @settings(max_examples=20)
        ... @given(alpha3_codes())
        ... def test_alpha3_codes(code):
        ...     assert len(code) == 3 and code.isupper()
        >>> test_alpha3_codes()
    """
    return st.one_of(
        st.sampled_from(("KAZ", "TJK", "FRA", "KEN", "MEX")),
        st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3),
    )


def decimals(*, min_value: Decimal | None = None) -> st.SearchStrategy[Decimal]:
    """Finite decimals across scales: integers, "19.2", large, negative, many digits.

    Args:
        min_value: The smallest value allowed, if any.

    Example:
        >>> from decimal import Decimal
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import decimals
        >>> @settings(max_examples=20)
        ... @given(decimals(min_value=Decimal(0)))
        ... def test_decimals(value):
        ...     assert value >= 0
        >>> test_decimals()
    """
    strategy = st.one_of(
        st.sampled_from(("19.2", "40000", "4E+4", "0.5", "-3", "45.50", "0", "1E-7")).map(Decimal),
        st.integers(min_value=-(10**12), max_value=10**12).map(Decimal),
        st.integers(min_value=-(10**40), max_value=10**40).map(Decimal),
        # The model accepts figures within 10**±100.
        st.decimals(
            allow_nan=False, allow_infinity=False, places=1, min_value=-(10**50), max_value=10**50
        ),
        st.decimals(
            allow_nan=False, allow_infinity=False, places=6, min_value=-(10**50), max_value=10**50
        ),
        st.builds(
            lambda digits, exponent: Decimal(f"{digits}E{exponent}"),
            st.integers(min_value=-(10**30), max_value=10**30),
            st.integers(min_value=-40, max_value=40),
        ),
    )
    if min_value is not None:
        bound = min_value
        return strategy.map(lambda d: d if d >= bound else bound + abs(d))
    return strategy


# --------------------------------------------------------------------------
# Dates and times


@st.composite
def _partial_date(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(min_value=1, max_value=9999))
    month = draw(_optional(st.integers(min_value=1, max_value=12)))
    if month is None:
        return PartialDate(year)
    last = calendar.monthrange(year, month)[1]
    day = draw(_optional(st.integers(min_value=1, max_value=last)))
    return PartialDate(year, month, day)


@functools.cache
def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Partial dates at year, month and day precision, years 1 to 9999.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import partial_dates
        >>> @settings(max_examples=20)
        ... @given(partial_dates())
        ... def test_partial_dates(date):
        ...     assert 1 <= date.year <= 9999
        >>> test_partial_dates()
    """
    return _partial_date()


@functools.cache
def instants() -> st.SearchStrategy[Instant]:
    """Instants, with or without the phrase they were read from.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import instants
        >>> @settings(max_examples=20)
        ... @given(instants())
        ... def test_instants(instant):
        ...     assert isinstance(instant, cd.Instant)
        >>> test_instants()
    """
    return st.builds(Instant, date=partial_dates(), text=_optional(texts()))


@st.composite
def _period(draw: st.DrawFn) -> Period:
    start = draw(_optional(partial_dates()))
    end = draw(partial_dates() if start is None else _optional(partial_dates()))
    return Period(start=start, end=end, text=draw(_optional(texts())))


@functools.cache
def periods() -> st.SearchStrategy[Period]:
    """Periods: closed, open at either end, single years, reversed ones too.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import periods
        >>> @settings(max_examples=20)
        ... @given(periods())
        ... def test_periods(period):
        ...     assert period.start is not None or period.end is not None
        >>> test_periods()
    """
    return st.one_of(st.integers(min_value=1, max_value=9999).map(Period.year), _period())


@functools.cache
def pooled() -> st.SearchStrategy[Pooled]:
    """Pooled periods (two to four).

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import pooled
        >>> @settings(max_examples=20)
        ... @given(pooled())
        ... def test_pooled(pooled_periods):
        ...     assert len(pooled_periods.periods) >= 2
        >>> test_pooled()
    """
    return st.builds(
        Pooled,
        periods=st.lists(periods(), min_size=2, max_size=4).map(tuple),
        text=_optional(texts()),
    )


@functools.cache
def time_references() -> st.SearchStrategy[TimeReference]:
    """Any time reference: an instant, a period or pooled periods.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import time_references
        >>> @settings(max_examples=20)
        ... @given(time_references())
        ... def test_time_references(time):
        ...     assert isinstance(time, (cd.Instant, cd.Period, cd.Pooled))
        >>> test_time_references()
    """
    return st.one_of(instants(), periods(), pooled())


# --------------------------------------------------------------------------
# Identifiers

_ROOTS = ("CAT/C", "CAT/OP", "CCPR/C", "E/C.12", "CERD/C", "CEDAW/C", "CRC/C", "CRPD/C", "CED/C")
_TYPE_TOKENS = ("CO", "FCO", "Q", "QPR", "RQ", "ROSP")


def _parses(text: str) -> bool:
    try:
        DocumentSymbol.parse(text)
    except ParseError:
        return False
    return True


@st.composite
def _symbol_text(draw: st.DrawFn) -> str:
    form = draw(st.integers(min_value=0, max_value=3))
    root = draw(st.sampled_from(_ROOTS))
    if form == 0:  # concluding observations, replies, lists of issues
        state = draw(st.sampled_from(("KAZ", "TJK", "FRA", "KEN", "MEX", "GBR")))
        token = draw(st.sampled_from(_TYPE_TOKENS))
        first = draw(st.integers(min_value=1, max_value=9))
        combined = draw(st.booleans())
        cycle = f"{first}-{first + 1}" if combined else str(first)
        text = f"{root}/{state}/{token}/{cycle}"
    elif form == 1:  # a State report
        state = draw(st.sampled_from(("KAZ", "TJK", "FRA")))
        text = f"{root}/{state}/{draw(st.integers(min_value=1, max_value=9))}"
    elif form == 2:  # summary records
        text = f"{root}/SR.{draw(st.integers(min_value=1, max_value=3000))}"
    else:  # session/number documents
        session = draw(st.integers(min_value=1, max_value=140))
        text = f"{root}/{session}/{draw(st.integers(min_value=1, max_value=9))}"
    if draw(st.booleans()):
        modifier = draw(st.sampled_from(("Add", "Corr", "Rev")))
        text += f"/{modifier}.{draw(st.integers(min_value=1, max_value=3))}"
    return text


@functools.cache
def document_symbols() -> st.SearchStrategy[DocumentSymbol]:
    """UN document symbols of the common forms, with and without modifiers.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import document_symbols
        >>> @settings(max_examples=20)
        ... @given(document_symbols())
        ... def test_document_symbols(symbol):
        ...     assert cd.DocumentSymbol.parse(str(symbol)) == symbol
        >>> test_document_symbols()
    """
    return _symbol_text().filter(_parses).map(DocumentSymbol.parse)


@st.composite
def _paragraph_span(draw: st.DrawFn) -> ParagraphSpan:
    start = draw(st.integers(min_value=1, max_value=300))
    form = draw(st.integers(min_value=0, max_value=2))
    if form == 1:
        return ParagraphSpan(start=start, end=draw(st.integers(min_value=start + 1, max_value=400)))
    if form == 2:
        sub = draw(st.one_of(_LETTERS, st.just("iv")))
        return ParagraphSpan(start=start, sub=sub)
    return ParagraphSpan(start=start)


@functools.cache
def paragraph_spans() -> st.SearchStrategy[ParagraphSpan]:
    """One paragraph, a range of paragraphs, or a lettered sub-paragraph.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import paragraph_spans
        >>> @settings(max_examples=20)
        ... @given(paragraph_spans())
        ... def test_paragraph_spans(span):
        ...     assert span.start >= 1
        >>> test_paragraph_spans()
    """
    return _paragraph_span()


@functools.cache
def paragraph_refs() -> st.SearchStrategy[ParagraphRef]:
    """Paragraph references of one to four items, with or without their document.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import paragraph_refs
        >>> @settings(max_examples=20)
        ... @given(paragraph_refs())
        ... def test_paragraph_refs(ref):
        ...     assert ref.numbers()
        >>> test_paragraph_refs()
    """
    return st.builds(
        ParagraphRef,
        items=st.lists(paragraph_spans(), min_size=1, max_size=4).map(tuple),
        document=_optional(document_symbols()),
    )


@functools.cache
def provision_paths() -> st.SearchStrategy[ProvisionPath]:
    """Provision paths ("article 362 (4)", "paragraph 90.7.2", "chapter IV").

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import provision_paths
        >>> @settings(max_examples=20)
        ... @given(provision_paths())
        ... def test_provision_paths(path):
        ...     assert cd.ProvisionPath.parse(str(path)) == path
        >>> test_provision_paths()
    """
    number = st.one_of(
        st.integers(min_value=1, max_value=999).map(str),
        st.sampled_from(("143-1", "90.7.2", "IV", "XII", "362a", "1.2")),
    )
    part = st.one_of(
        st.integers(min_value=1, max_value=30).map(str),
        st.sampled_from(("a", "b", "iv", "ii", "12b")),
    )
    return st.builds(
        ProvisionPath,
        unit=st.sampled_from(PROVISION_UNITS),
        number=number,
        parts=st.lists(part, max_size=3).map(tuple),
    )


# --------------------------------------------------------------------------
# Model classes
#
# Each model strategy is built from a `_Context` that says how to draw
# references and source spans. Alone, references are arbitrary ids; inside
# `dossiers` they are drawn from the ids of the dossier being built.


@st.composite
def _source_span(
    draw: st.DrawFn,
    document: st.SearchStrategy[str] | None = None,
    paragraph: st.SearchStrategy[str | None] | None = None,
    max_offset: int = 100_000,
) -> SourceSpan:
    quote = draw(texts())
    start = draw(st.integers(min_value=0, max_value=max_offset))
    return SourceSpan(
        document=draw(document if document is not None else identifiers()),
        start=start,
        end=start + len(quote),
        quote=quote,
        paragraph=draw(paragraph if paragraph is not None else _optional(texts(max_size=6))),
    )


@functools.cache
def source_spans() -> st.SearchStrategy[SourceSpan]:
    """Source spans whose offsets agree with their quote.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import source_spans
        >>> @settings(max_examples=20)
        ... @given(source_spans())
        ... def test_source_spans(span):
        ...     assert span.end - span.start == len(span.quote)
        >>> test_source_spans()
    """
    return _source_span()


_LANGUAGES = ("en", "fr", "ru", "es", "ar", "zh-Hans", "kk", "en-GB")


@functools.cache
def labels() -> st.SearchStrategy[Label]:
    """Labels of terms, in English and other languages (BCP 47 tags).

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import labels
        >>> @settings(max_examples=20)
        ... @given(labels())
        ... def test_labels(label):
        ...     assert label.text.strip()
        >>> test_labels()
    """
    return st.builds(Label, language=st.sampled_from(_LANGUAGES), text=texts())


def _language_key(label: Label) -> str:
    return label.language.lower()


@st.composite
def _labels_with_english(draw: st.DrawFn) -> tuple[Label, ...]:
    found = draw(st.lists(labels(), max_size=3, unique_by=_language_key))
    if not any(label.language.split("-")[0] == "en" for label in found):
        found.insert(0, Label(language="en", text=draw(texts())))
    return tuple(found)


@st.composite
def _term(draw: st.DrawFn) -> Term:
    id = draw(identifiers())
    aliases = draw(st.lists(texts(max_size=20).filter(lambda a: a != id), max_size=2, unique=True))
    return Term(
        id=id,
        labels=draw(_labels_with_english()),
        parent=draw(_optional(identifiers().filter(lambda p: p != id))),
        aliases=tuple(aliases),
        description=draw(_optional(texts())),
    )


@functools.cache
def terms() -> st.SearchStrategy[Term]:
    """Terms with an English label, sometimes a parent, aliases and a description.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import terms
        >>> @settings(max_examples=20)
        ... @given(terms())
        ... def test_terms(term):
        ...     assert term.label("en").strip() and term.id not in term.aliases
        >>> test_terms()
    """
    return _term()


def _not_shipped(identifier: str) -> bool:
    from catdomain.classification._vocabularies import shipped_vocabulary

    return shipped_vocabulary(identifier) is None


@st.composite
def _vocabulary(draw: st.DrawFn, max_terms: int = 5) -> Vocabulary:
    ids = draw(st.lists(identifiers(), max_size=max_terms, unique=True))
    taken = set(ids)
    built: list[Term] = []
    for index, term_id in enumerate(ids):
        parent = draw(_optional(st.sampled_from(ids[:index]))) if index else None
        aliases = [
            a for a in draw(st.lists(texts(max_size=20), max_size=2, unique=True)) if a not in taken
        ]
        taken.update(aliases)
        built.append(
            Term(
                id=term_id,
                labels=draw(_labels_with_english()),
                parent=parent,
                aliases=tuple(aliases),
                description=draw(_optional(texts())),
            )
        )
    id = draw(identifiers().filter(_not_shipped))
    own_aliases = tuple(
        a
        for a in draw(st.lists(identifiers().filter(_not_shipped), max_size=2, unique=True))
        if a != id
    )
    return Vocabulary(
        id=id,
        version=draw(st.one_of(st.sampled_from(("1.0", "2015", "2025")), texts(max_size=8))),
        valid_from=draw(_optional(partial_dates())),
        title=draw(texts()),
        source=draw(texts()),
        terms=tuple(built),
        unknown_policy=draw(st.sampled_from(UnknownTermPolicy)),
        aliases=own_aliases,
    )


@functools.cache
def vocabularies() -> st.SearchStrategy[Vocabulary]:
    """Valid vocabularies: distinct ids, aliases naming one term, parents earlier in the list.

    Their ids and aliases never clash with a shipped vocabulary's.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import vocabularies
        >>> @settings(max_examples=20)
        ... @given(vocabularies())
        ... def test_vocabularies(vocabulary):
        ...     for term in vocabulary.terms:
        ...         assert vocabulary.term(term.id) is term
        ...         assert all(vocabulary.term(a) is term for a in term.aliases)
        >>> test_vocabularies()
    """
    return _vocabulary()


@st.composite
def _tag(
    draw: st.DrawFn,
    pair: st.SearchStrategy[tuple[str, str]],
    span: st.SearchStrategy[SourceSpan],
) -> Tag:
    vocabulary, term = draw(pair)
    origin = draw(st.sampled_from(TagOrigin))
    rule = identifiers() if origin is TagOrigin.RULE else _optional(identifiers())
    return Tag(
        vocabulary=vocabulary,
        term=term,
        origin=origin,
        rule=draw(rule),
        evidence=draw(_tuple(span, 2)),
    )


def _free_tags() -> st.SearchStrategy[Tag]:
    pair = st.tuples(identifiers(), st.one_of(identifiers(), texts(max_size=20)))
    return _tag(pair, source_spans())


def _tag_key(tag: Tag) -> tuple[str, str]:
    return (tag.vocabulary, tag.term)


def _tag_tuples(
    strategy: st.SearchStrategy[Tag], key: Callable[[Tag], Any] = _tag_key
) -> st.SearchStrategy[tuple[Tag, ...]]:
    if strategy.is_empty:
        return st.just(())
    return st.lists(strategy, max_size=3, unique_by=key).map(tuple)


def tags() -> st.SearchStrategy[Tag]:
    """Tags of every origin (a rule named where the origin is "rule"), with evidence spans.

    Their vocabularies and terms are arbitrary ids: in a dossier, use
    `dossiers`, whose tags name its own or a shipped vocabulary.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import tags
        >>> @settings(max_examples=20)
        ... @given(tags())
        ... def test_tags(tag):
        ...     assert tag.rule is not None or tag.origin is not cd.TagOrigin.RULE
        >>> test_tags()
    """
    return _free_tags()


@attrs.frozen(kw_only=True)
class _Context:
    """How to draw references and spans for the objects being built."""

    span: st.SearchStrategy[SourceSpan] = attrs.field(factory=source_spans)
    document: st.SearchStrategy[str] = attrs.field(factory=identifiers)
    recommendation: st.SearchStrategy[str] = attrs.field(factory=identifiers)
    authority: st.SearchStrategy[str] = attrs.field(factory=identifiers)
    instrument: st.SearchStrategy[str] = attrs.field(factory=identifiers)
    indicator: st.SearchStrategy[str] = attrs.field(factory=identifiers)
    series: st.SearchStrategy[str] = attrs.field(factory=identifiers)
    observation: st.SearchStrategy[str] = attrs.field(factory=identifiers)
    tags: st.SearchStrategy[tuple[Tag, ...]] = attrs.field(
        factory=lambda: _tag_tuples(_free_tags())
    )


_ALONE = _Context()


def _tuple(
    strategy: st.SearchStrategy[T], max_size: int = 3, *, min_size: int = 0
) -> st.SearchStrategy[tuple[T, ...]]:
    if strategy.is_empty:  # nothing to refer to: the tuple stays empty
        return st.just(())
    return st.lists(strategy, min_size=min_size, max_size=max_size).map(tuple)


_BY_ID = operator.attrgetter("id")
_BY_NAME = operator.attrgetter("name")
_BY_CODE = operator.attrgetter("code")


def _unique_by_id(
    strategy: st.SearchStrategy[Any], max_size: int
) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size, unique_by=_BY_ID).map(tuple)


@st.composite
def _text_paragraph(draw: st.DrawFn) -> TextParagraph:
    start = draw(st.integers(min_value=0, max_value=100_000))
    end = draw(st.integers(min_value=start, max_value=start + 5_000))
    return TextParagraph(number=draw(_optional(texts(max_size=6))), start=start, end=end)


@functools.cache
def text_paragraphs() -> st.SearchStrategy[TextParagraph]:
    """Paragraphs of a document's text, numbered or not.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import text_paragraphs
        >>> @settings(max_examples=20)
        ... @given(text_paragraphs())
        ... def test_text_paragraphs(paragraph):
        ...     assert paragraph.end >= paragraph.start
        >>> test_text_paragraphs()
    """
    return _text_paragraph()


def _sections(ctx: _Context) -> st.SearchStrategy[Section]:
    return st.builds(
        Section,
        id=identifiers(),
        heading=texts(),
        recommendations=_tuple(ctx.recommendation),
        paragraphs=_tuple(texts(max_size=6)),
        source=_optional(ctx.span),
    )


def sections() -> st.SearchStrategy[Section]:
    """Reply sections.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import sections
        >>> @settings(max_examples=20)
        ... @given(sections())
        ... def test_sections(section):
        ...     assert section.heading.strip()
        >>> test_sections()
    """
    return _sections(_ALONE)


def _documents(ctx: _Context, *, nested: bool = True) -> st.SearchStrategy[Document]:
    return st.builds(
        Document,
        id=identifiers(),
        kind=st.sampled_from(DocumentKind),
        symbol=_optional(document_symbols()),
        body=_optional(st.sampled_from(TreatyBody)),
        state=_optional(alpha3_codes()),
        title=_optional(texts()),
        language=st.sampled_from(("en", "ru", "fr", "es")),
        adopted=_optional(partial_dates()),
        received=_optional(partial_dates()),
        issued=_optional(partial_dates()),
        responds_to=_optional(ctx.document),
        author=_optional(texts()),
        text_length=_optional(st.integers(min_value=0, max_value=10**7)),
        text_sha256=_optional(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)),
        paragraphs=_tuple(text_paragraphs()) if nested else st.just(()),
        sections=_unique_by_id(_sections(ctx), 3) if nested else st.just(()),
    )


def documents() -> st.SearchStrategy[Document]:
    """Documents with every optional field sometimes set.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import documents
        >>> @settings(max_examples=20)
        ... @given(documents())
        ... def test_documents(document):
        ...     assert isinstance(document.kind, cd.DocumentKind)
        >>> test_documents()
    """
    return _documents(_ALONE)


@functools.cache
def subparagraphs() -> st.SearchStrategy[SubParagraph]:
    """Lettered sub-paragraphs of recommendations.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import subparagraphs
        >>> @settings(max_examples=20)
        ... @given(subparagraphs())
        ... def test_subparagraphs(sub):
        ...     assert sub.letter.islower()
        >>> test_subparagraphs()
    """
    letter = st.one_of(_LETTERS, st.just("iv"))
    return st.builds(SubParagraph, letter=letter, text=_optional(texts()))


@st.composite
def _recommendation(draw: st.DrawFn, ctx: _Context) -> Recommendation:
    mechanism = draw(_optional(st.sampled_from(Mechanism)))
    upr = mechanism is Mechanism.UPR
    return Recommendation(
        id=draw(identifiers()),
        document=draw(ctx.document),
        paragraph=draw(st.integers(min_value=1, max_value=500)),
        heading=draw(_optional(texts())),
        text=draw(_optional(texts())),
        subparagraphs=draw(_tuple(subparagraphs())),
        selected_for_follow_up=draw(_optional(st.booleans())),
        follow_up_deadline=draw(_optional(partial_dates())),
        source=draw(_optional(ctx.span)),
        mechanism=mechanism,
        recommending_states=tuple(
            draw(st.lists(alpha3_codes(), max_size=3, unique=True)) if upr else ()
        ),
        position=draw(_optional(st.sampled_from(UPRPosition))) if upr else None,
        tags=draw(ctx.tags),
    )


def _recommendations(ctx: _Context) -> st.SearchStrategy[Recommendation]:
    return _recommendation(ctx)


def recommendations() -> st.SearchStrategy[Recommendation]:
    """Recommendations.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import recommendations
        >>> @settings(max_examples=20)
        ... @given(recommendations())
        ... def test_recommendations(recommendation):
        ...     assert recommendation.paragraph >= 1
        >>> test_recommendations()
    """
    return _recommendations(_ALONE)


def _authorities(ctx: _Context) -> st.SearchStrategy[Authority]:
    return st.builds(
        Authority,
        id=identifiers(),
        name=texts(),
        kind=_optional(st.sampled_from(AuthorityKind)),
        state=_optional(alpha3_codes()),
        parent=_optional(ctx.authority),
        aliases=_tuple(texts()),
    )


def authorities() -> st.SearchStrategy[Authority]:
    """Authorities.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import authorities
        >>> @settings(max_examples=20)
        ... @given(authorities())
        ... def test_authorities(authority):
        ...     assert authority.name.strip()
        >>> test_authorities()
    """
    return _authorities(_ALONE)


def _issuances(ctx: _Context) -> st.SearchStrategy[Issuance]:
    return st.builds(
        Issuance,
        issuer=_optional(ctx.authority),
        number=_optional(st.one_of(st.sampled_from(("194/2020", "226-V", "162")), texts())),
        date=_optional(partial_dates()),
        source=_optional(ctx.span),
    )


def issuances() -> st.SearchStrategy[Issuance]:
    """Issuances of instruments.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import issuances
        >>> @settings(max_examples=20)
        ... @given(issuances())
        ... def test_issuances(issuance):
        ...     assert isinstance(issuance, cd.Issuance)
        >>> test_issuances()
    """
    return _issuances(_ALONE)


def _legal_instruments(ctx: _Context) -> st.SearchStrategy[LegalInstrument]:
    return st.builds(
        LegalInstrument,
        id=identifiers(),
        kind=st.sampled_from(InstrumentKind),
        title=_optional(texts()),
        issuances=_tuple(_issuances(ctx)),
        status=_optional(st.sampled_from(InstrumentStatus)),
        period=_optional(periods()),
        amends=_tuple(ctx.instrument),
        part_of=_optional(ctx.instrument),
        jurisdiction=_optional(alpha3_codes()),
        aliases=_tuple(texts()),
    )


def legal_instruments() -> st.SearchStrategy[LegalInstrument]:
    """Legal and policy instruments.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import legal_instruments
        >>> @settings(max_examples=20)
        ... @given(legal_instruments())
        ... def test_legal_instruments(instrument):
        ...     assert isinstance(instrument.kind, cd.InstrumentKind)
        >>> test_legal_instruments()
    """
    return _legal_instruments(_ALONE)


def _citations(ctx: _Context) -> st.SearchStrategy[Citation]:
    return st.builds(
        Citation,
        id=identifiers(),
        instrument=ctx.instrument,
        provisions=_tuple(provision_paths(), 4),
        source=_optional(ctx.span),
    )


def citations() -> st.SearchStrategy[Citation]:
    """Citations of instruments, with provisions.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import citations
        >>> @settings(max_examples=20)
        ... @given(citations())
        ... def test_citations(citation):
        ...     assert all(isinstance(p, cd.ProvisionPath) for p in citation.provisions)
        >>> test_citations()
    """
    return _citations(_ALONE)


def _measures(ctx: _Context) -> st.SearchStrategy[Measure]:
    return st.builds(
        Measure,
        id=identifiers(),
        description=texts(),
        category=st.sampled_from(MeasureCategory),
        kind=_optional(st.sampled_from(MeasureKind)),
        status=_optional(st.sampled_from(MeasureStatus)),
        authorities=_tuple(ctx.authority),
        instruments=_tuple(ctx.instrument),
        answers=_tuple(ctx.recommendation),
        evidence=_tuple(ctx.span, 2),
        series=_tuple(ctx.series),
        date=_optional(partial_dates()),
        period=_optional(periods()),
        expected_completion=_optional(partial_dates()),
        tags=ctx.tags,
    )


def measures() -> st.SearchStrategy[Measure]:
    """Measures.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import measures
        >>> @settings(max_examples=20)
        ... @given(measures())
        ... def test_measures(measure):
        ...     assert isinstance(measure.category, cd.MeasureCategory)
        >>> test_measures()
    """
    return _measures(_ALONE)


@functools.cache
def indicators() -> st.SearchStrategy[Indicator]:
    """Indicators with OHCHR's metadata fields.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import indicators
        >>> @settings(max_examples=20)
        ... @given(indicators())
        ... def test_indicators(indicator):
        ...     assert indicator.name.strip()
        >>> test_indicators()
    """
    return st.builds(
        Indicator,
        id=identifiers(),
        name=texts(),
        type=_optional(st.sampled_from(IndicatorType)),
        definition=_optional(texts()),
        rationale=_optional(texts()),
        method=_optional(texts()),
        data_source=_optional(texts()),
        disaggregation=_optional(texts()),
        periodicity=_optional(texts()),
        comments=_optional(texts()),
    )


@functools.cache
def dimensions() -> st.SearchStrategy[Dimension]:
    """Breakdown dimensions ("status" = "civilian").

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import dimensions
        >>> @settings(max_examples=20)
        ... @given(dimensions())
        ... def test_dimensions(dimension):
        ...     assert "=" in str(dimension)
        >>> test_dimensions()
    """
    return st.builds(Dimension, name=texts(max_size=12), value=texts(max_size=12))


@functools.cache
def series_keys() -> st.SearchStrategy[SeriesKey]:
    """Series keys, with breakdowns whose dimension names are distinct.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import series_keys
        >>> @settings(max_examples=20)
        ... @given(series_keys())
        ... def test_series_keys(key):
        ...     assert len({d.name for d in key.breakdown}) == len(key.breakdown)
        >>> test_series_keys()
    """
    return st.builds(
        SeriesKey,
        concept=texts(),
        unit=st.one_of(st.sampled_from(("persons", "percent", "cases")), texts(max_size=10)),
        value_kind=st.sampled_from(ValueKind),
        breakdown=st.lists(dimensions(), max_size=3, unique_by=_BY_NAME).map(tuple),
    )


def _observations(ctx: _Context) -> st.SearchStrategy[Observation]:
    return st.builds(
        Observation,
        id=identifiers(),
        value=decimals(),
        time=_optional(time_references()),
        qualifier=st.sampled_from(Qualifier),
        status=_optional(st.sampled_from(ObservationStatus)),
        text=_optional(texts()),
        source=_optional(ctx.span),
    )


def observations() -> st.SearchStrategy[Observation]:
    """Observations with exact decimal values and every kind of time.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import observations
        >>> @settings(max_examples=20)
        ... @given(observations())
        ... def test_observations(observation):
        ...     assert observation.value.is_finite()
        >>> test_observations()
    """
    return _observations(_ALONE)


def _series(ctx: _Context, *, nested: bool = True) -> st.SearchStrategy[Series]:
    return st.builds(
        Series,
        id=identifiers(),
        key=series_keys(),
        observations=_unique_by_id(_observations(ctx), 4) if nested else st.just(()),
        indicator=_optional(ctx.indicator),
        title=_optional(texts()),
        tags=ctx.tags,
    )


def series() -> st.SearchStrategy[Series]:
    """Series of observations with distinct ids.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import series
        >>> @settings(max_examples=20)
        ... @given(series())
        ... def test_series(one_series):
        ...     assert len({o.id for o in one_series.observations}) == len(one_series)
        >>> test_series()
    """
    return _series(_ALONE)


@st.composite
def _breakdowns(draw: st.DrawFn, ctx: _Context) -> Breakdown:
    whole = draw(ctx.observation)
    parts = draw(st.lists(ctx.observation.filter(lambda i: i != whole), min_size=1, max_size=4))
    return Breakdown(
        id=draw(identifiers()),
        kind=draw(st.sampled_from(BreakdownKind)),
        whole=whole,
        parts=tuple(parts),
        dimension=draw(_optional(texts(max_size=12))),
        source=draw(_optional(ctx.span)),
    )


def breakdowns() -> st.SearchStrategy[Breakdown]:
    """Part-whole relations between observations (the whole is never a part).

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import breakdowns
        >>> @settings(max_examples=20)
        ... @given(breakdowns())
        ... def test_breakdowns(breakdown):
        ...     assert breakdown.parts and breakdown.whole not in breakdown.parts
        >>> test_breakdowns()
    """
    return _breakdowns(_ALONE)


def _stated_changes(ctx: _Context) -> st.SearchStrategy[StatedChange]:
    return st.builds(
        StatedChange,
        id=identifiers(),
        observation=ctx.observation,
        direction=st.sampled_from(ChangeDirection),
        amount=decimals(min_value=Decimal(0)),
        base=_optional(ctx.observation),
        relative=st.booleans(),
        qualifier=st.sampled_from(Qualifier),
        text=_optional(texts()),
        source=_optional(ctx.span),
    )


def stated_changes() -> st.SearchStrategy[StatedChange]:
    """Stated changes, with non-negative amounts.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import stated_changes
        >>> @settings(max_examples=20)
        ... @given(stated_changes())
        ... def test_stated_changes(change):
        ...     assert change.amount >= 0
        >>> test_stated_changes()
    """
    return _stated_changes(_ALONE)


def _equivalences(ctx: _Context) -> st.SearchStrategy[Equivalence]:
    return st.builds(
        Equivalence,
        id=identifiers(),
        observations=_tuple(ctx.observation, min_size=2),
        source=_optional(ctx.span),
    )


def equivalences() -> st.SearchStrategy[Equivalence]:
    """Equivalences between two or more observations.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import equivalences
        >>> @settings(max_examples=20)
        ... @given(equivalences())
        ... def test_equivalences(equivalence):
        ...     assert len(equivalence.observations) >= 2
        >>> test_equivalences()
    """
    return _equivalences(_ALONE)


@functools.cache
def grades() -> st.SearchStrategy[Grade]:
    """Grades of grading scales.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import grades
        >>> @settings(max_examples=20)
        ... @given(grades())
        ... def test_grades(grade):
        ...     assert grade.code.strip()
        >>> test_grades()
    """
    code = st.one_of(st.sampled_from(("A", "B", "B1", "C2", "E")), texts(max_size=3))
    return st.builds(Grade, code=code, label=texts())


@functools.cache
def grading_scales() -> st.SearchStrategy[GradingScale]:
    """Grading scales whose grade codes are distinct.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import grading_scales
        >>> @settings(max_examples=20)
        ... @given(grading_scales())
        ... def test_grading_scales(scale):
        ...     assert len(set(scale.codes)) == len(scale.codes)
        >>> test_grading_scales()
    """
    return st.builds(
        GradingScale,
        id=identifiers(),
        body=st.sampled_from(TreatyBody),
        name=texts(),
        valid_from=_optional(st.integers(min_value=1950, max_value=2100)),
        grades=st.lists(grades(), min_size=1, max_size=5, unique_by=_BY_CODE).map(tuple),
    )


@st.composite
def _assessments(
    draw: st.DrawFn, ctx: _Context, scales: tuple[GradingScale, ...] = ()
) -> Assessment:
    known = {**GRADING_SCALES, **{s.id: s for s in scales}}
    scale = known[draw(st.sampled_from(sorted(known)))]
    return Assessment(
        id=draw(identifiers()),
        recommendation=draw(ctx.recommendation),
        scale=scale.id,
        grade=draw(st.sampled_from(scale.codes)),
        text=draw(texts()),
        date=draw(_optional(partial_dates())),
        assessor=draw(_optional(texts())),
        document=draw(_optional(ctx.document)),
        source=draw(_optional(ctx.span)),
    )


def assessments() -> st.SearchStrategy[Assessment]:
    """Assessments graded on one of the built-in scales.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import assessments
        >>> @settings(max_examples=20)
        ... @given(assessments())
        ... def test_assessments(assessment):
        ...     assert assessment.grade in cd.grading_scale(assessment.scale).codes
        >>> test_assessments()
    """
    return _assessments(_ALONE)


# --------------------------------------------------------------------------
# Validation findings


def figures() -> st.SearchStrategy[Figure]:
    """Figures that validation findings rest on.

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import figures
        >>> @settings(max_examples=20)
        ... @given(figures())
        ... def test_figures(figure):
        ...     assert figure.value.is_finite()
        >>> test_figures()
    """
    return st.builds(Figure, name=texts(), value=decimals())


def findings() -> st.SearchStrategy[Finding]:
    """Validation findings, with evidence spans and figures.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import findings
        >>> @settings(max_examples=20)
        ... @given(findings())
        ... def test_findings(finding):
        ...     assert isinstance(finding.severity, cd.Severity)
        >>> test_findings()
    """
    return st.builds(
        Finding,
        code=st.sampled_from(("arithmetic.partition-sum", "follow-up.late-reply", "time.order")),
        severity=st.sampled_from(Severity),
        path=st.sampled_from(("$", "$.breakdowns[0]", "$.series[3].observations[0]")),
        message=texts(),
        spans=_tuple(source_spans(), 2),
        figures=_tuple(figures(), 2),
    )


# --------------------------------------------------------------------------
# Dossiers: referentially consistent


_NUMBERED = re.compile(r"[a-z]+-[0-9]+")
"""Ids numbered for objects nothing points to; referable ids never look like them."""


def _not_numbered(identifier: str) -> bool:
    return _NUMBERED.fullmatch(identifier) is None


def _pick(ids: list[str]) -> st.SearchStrategy[str]:
    """Draw one of `ids`; with none, a reference cannot be drawn (lists stay empty)."""
    return st.sampled_from(ids) if ids else st.nothing()


@st.composite
def _dossier(draw: st.DrawFn, max_size: int) -> Dossier:
    def count(minimum: int = 0) -> int:
        return draw(st.integers(min_value=minimum, max_value=max(minimum, max_size)))

    sizes = {
        "documents": count(1),
        "recommendations": count(),
        "authorities": count(),
        "instruments": count(),
        "indicators": count(),
        "series": count(),
    }
    total = sum(sizes.values())
    referable = identifiers().filter(_not_numbered)
    unique = draw(st.lists(referable, min_size=total, max_size=total, unique=True))
    ids: dict[str, list[str]] = {}
    for name, size in sizes.items():
        ids[name], unique = unique[:size], unique[size:]
    observation_ids: list[list[str]] = []
    fresh = iter(range(10**9))

    def new_id(kind: str) -> str:
        # Ids of objects nothing else points to need only be unique: number them.
        return f"{kind}-{next(fresh)}"

    for _ in ids["series"]:
        observation_ids.append([new_id("o") for _ in range(count())])
    all_observations = [o for group in observation_ids for o in group]

    # Paragraph numbers of each document decide which spans are valid.
    numbers: dict[str, list[str]] = {
        doc: draw(st.lists(texts(max_size=4), max_size=3, unique=True)) for doc in ids["documents"]
    }

    spans_by_document = [
        _source_span(
            document=st.just(doc),
            paragraph=_optional(
                st.sampled_from(numbers[doc]) if numbers[doc] else texts(max_size=6)
            ),
            max_offset=1_000,
        )
        for doc in ids["documents"]
    ]
    own = draw(st.lists(_vocabulary(max_terms=4), max_size=2).map(_distinct_vocabularies))
    pairs = _tag_pairs(own)
    tag_strategy = _tag(
        st.sampled_from([(v, t) for v, t, _ in pairs]), st.one_of(spans_by_document)
    )
    canonical = {(v, t): key for v, t, key in pairs}
    ctx = _Context(
        tags=_tag_tuples(tag_strategy, key=lambda tag: canonical[(tag.vocabulary, tag.term)]),
        span=st.one_of(spans_by_document),
        document=_pick(ids["documents"]),
        recommendation=_pick(ids["recommendations"]),
        authority=_pick(ids["authorities"]),
        instrument=_pick(ids["instruments"]),
        indicator=_pick(ids["indicators"]),
        series=_pick(ids["series"]),
        observation=_pick(all_observations),
    )

    section_strategy = _sections(ctx)
    document_strategy = _documents(ctx, nested=False)
    docs = []
    for doc in ids["documents"]:
        paragraphs = tuple(
            TextParagraph(number=n, start=10 * i, end=10 * i + 5)
            for i, n in enumerate(numbers[doc])
        )
        sections = tuple(
            attrs.evolve(
                draw(section_strategy),
                id=new_id("section"),
                paragraphs=draw(_tuple(_pick(numbers[doc]), 2)),
            )
            for _ in range(draw(st.integers(min_value=0, max_value=2)))
        )
        length = draw(_optional(st.integers(min_value=10_000, max_value=10**6)))
        docs.append(
            attrs.evolve(
                draw(document_strategy),
                id=doc,
                text_length=length,
                paragraphs=paragraphs,
                sections=sections,
            )
        )

    def build(strategy: st.SearchStrategy[Any], chosen: list[str]) -> tuple[Any, ...]:
        return tuple(attrs.evolve(draw(strategy), id=i) for i in chosen)

    def several(strategy: st.SearchStrategy[Any], kind: str, allowed: bool) -> tuple[Any, ...]:
        return build(strategy, [new_id(kind) for _ in range(count() if allowed else 0)])

    series_strategy = _series(ctx, nested=False)
    observation_strategy = _observations(ctx)
    series_built = tuple(
        attrs.evolve(
            draw(series_strategy),
            id=series_id,
            observations=build(observation_strategy, observation_ids[index]),
        )
        for index, series_id in enumerate(ids["series"])
    )
    scales = tuple(draw(st.lists(grading_scales(), max_size=2, unique_by=_BY_ID)))
    return Dossier(
        id=draw(identifiers()),
        title=draw(_optional(texts())),
        documents=tuple(docs),
        recommendations=build(_recommendations(ctx), ids["recommendations"]),
        authorities=build(_authorities(ctx), ids["authorities"]),
        instruments=build(_legal_instruments(ctx), ids["instruments"]),
        citations=several(_citations(ctx), "citation", bool(ids["instruments"])),
        measures=several(_measures(ctx), "measure", True),
        indicators=build(indicators(), ids["indicators"]),
        series=series_built,
        breakdowns=several(_breakdowns(ctx), "breakdown", len(all_observations) >= 2),
        changes=several(_stated_changes(ctx), "change", bool(all_observations)),
        equivalences=several(_equivalences(ctx), "equivalence", bool(all_observations)),
        assessments=several(_assessments(ctx, scales), "assessment", bool(ids["recommendations"])),
        scales=scales,
        vocabularies=own,
    )


_SHIPPED_TAGS: tuple[tuple[str, str, tuple[str, str]], ...] = (
    ("sdg", "16.3", ("sdg", "16.3")),
    ("sdg", "3.8", ("sdg", "3.8")),
    ("cat-articles", "12", ("cat-articles", "12")),
    ("themes", "conditions-of-detention", ("themes", "conditions-of-detention")),
    ("groups-of-persons", "Women & girls", ("groups-of-persons", "women-and-girls")),
    ("affected-persons", "children", ("groups-of-persons", "children")),
)
"""Tags on shipped vocabularies, under ids and aliases, with the term each names."""


def _distinct_vocabularies(found: list[Vocabulary]) -> tuple[Vocabulary, ...]:
    """Keep the vocabularies whose id and aliases no earlier one uses."""
    kept: list[Vocabulary] = []
    used: set[str] = set()
    for voc in found:
        names = {voc.id, *voc.aliases}
        if not names & used:
            kept.append(voc)
            used.update(names)
    return tuple(kept)


def _tag_pairs(own: tuple[Vocabulary, ...]) -> list[tuple[str, str, tuple[str, str]]]:
    """(vocabulary as written, term as written, the term it names) a tag may use."""
    pairs = list(_SHIPPED_TAGS)
    for voc in own:
        for term in voc.terms:
            for name in (voc.id, *voc.aliases):
                for written in (term.id, *term.aliases):
                    pairs.append((name, written, (voc.id, term.id)))
    return pairs


def dossiers(*, max_size: int = 3) -> st.SearchStrategy[Dossier]:
    """Referentially consistent dossiers.

    Every reference is drawn from the ids generated for the dossier, every
    id is unique across it, every span points into one of its documents (and
    to one of its paragraphs where the document lists them), every
    assessment's grade belongs to its scale.

    Args:
        max_size: The largest number of objects in each collection (documents,
            measures, series, observations per series, …).

    Example:
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import dossiers
        >>> @settings(max_examples=5, deadline=None)
        ... @given(dossiers(max_size=2))
        ... def test_spans_point_into_the_dossier(dossier):
        ...     for measure in dossier.measures:
        ...         for span in measure.evidence:
        ...             assert dossier.kind_of(span.document) == "document"
        >>> test_spans_point_into_the_dossier()
    """
    return _dossier(max_size)


# --------------------------------------------------------------------------
# Dispatch by type

_BY_TYPE: dict[Any, Callable[[], st.SearchStrategy[Any]]] = {
    Decimal: decimals,
    PartialDate: partial_dates,
    Instant: instants,
    Period: periods,
    Pooled: pooled,
    TimeReference: time_references,
    DocumentSymbol: document_symbols,
    ParagraphSpan: paragraph_spans,
    ParagraphRef: paragraph_refs,
    ProvisionPath: provision_paths,
    SourceSpan: source_spans,
    TextParagraph: text_paragraphs,
    Section: sections,
    Document: documents,
    SubParagraph: subparagraphs,
    Recommendation: recommendations,
    Authority: authorities,
    Issuance: issuances,
    LegalInstrument: legal_instruments,
    Citation: citations,
    Measure: measures,
    Indicator: indicators,
    Dimension: dimensions,
    SeriesKey: series_keys,
    Observation: observations,
    Series: series,
    Breakdown: breakdowns,
    StatedChange: stated_changes,
    Equivalence: equivalences,
    Grade: grades,
    GradingScale: grading_scales,
    Label: labels,
    Term: terms,
    Vocabulary: vocabularies,
    Tag: tags,
    Assessment: assessments,
    Dossier: dossiers,
    Figure: figures,
    Finding: findings,
}


def from_type(cls: Any) -> st.SearchStrategy[Any]:
    """Return the strategy for `cls`: any public catdomain type or vocabulary.

    Args:
        cls: A model class, value type, `TimeReference`, `Decimal` or an enum.

    Raises:
        TypeError: For a type catdomain has no strategy for.

    Example:
        >>> import catdomain as cd
        >>> from hypothesis import given, settings
        >>> from catdomain.testing import from_type
        >>> @settings(max_examples=20)
        ... @given(from_type(cd.Qualifier), from_type(cd.PartialDate))
        ... def test_from_type(qualifier, date):
        ...     assert isinstance(qualifier, cd.Qualifier)
        ...     assert isinstance(date, cd.PartialDate)
        >>> test_from_type()
    """
    factory = _BY_TYPE.get(cls)
    if factory is not None:
        return factory()
    if isinstance(cls, type) and issubclass(cls, Enum):
        return st.sampled_from(cls)
    raise TypeError(f"no catdomain strategy for {cls!r}")
