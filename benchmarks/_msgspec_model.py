"""catdomain's model written with msgspec.Struct, as a benchmark peer.

The same classes, fields and defaults as ``catdomain._model``, with the
constraints msgspec expresses (ids, non-blank text and alpha-3 codes as
patterns, bounds on ints and lengths, the vocabulary enums, the time
references as a union tagged by ``"type"``, unknown fields refused, frozen
instances) and the rest in ``__post_init__``, which msgspec runs while
decoding: a span's length, finite decimals, unique ids, a period's bounds and
the Dossier's referential integrity (`_common.check_integrity`).

Partial dates, UN symbols and provisions stay validated strings: msgspec
encodes attrs instances as objects, so catdomain's value classes cannot be
field types here. Each is parsed by catdomain's cached parser all the same,
so that the same texts are refused.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

import _common as c
import msgspec
from _common import Mechanism, TagOrigin, UnknownTermPolicy, UPRPosition
from msgspec import Meta

from catdomain.vocab import (
    AuthorityKind,
    BreakdownKind,
    ChangeDirection,
    DocumentKind,
    IndicatorType,
    InstrumentKind,
    InstrumentStatus,
    MeasureCategory,
    MeasureKind,
    MeasureStatus,
    ObservationStatus,
    Qualifier,
    TreatyBody,
    ValueKind,
)

Id = Annotated[str, Meta(pattern=c.ID)]
Text = Annotated[str, Meta(pattern=c.TEXT)]
Alpha3 = Annotated[str, Meta(pattern=c.ALPHA3)]
NonNegInt = Annotated[int, Meta(ge=0)]
PosInt = Annotated[int, Meta(ge=1)]
DateText = Annotated[str, Meta(pattern=c.DATE)]


class Model(
    msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True, omit_defaults=True
):
    pass


def _date(value: str | None) -> None:
    if value is not None:
        c.parse_partial_date(value)  # the day fits the month, the month the year


class SourceSpan(Model):
    document: Id
    start: NonNegInt
    end: NonNegInt
    quote: Text
    paragraph: Text | None = None

    def __post_init__(self) -> None:
        c.check_span(self.start, self.end, self.quote)


class Instant(Model, tag_field="type", tag="instant"):
    date: DateText
    text: str | None = None

    def __post_init__(self) -> None:
        _date(self.date)


class Period(Model, tag_field="type", tag="period"):
    start: DateText | None = None
    end: DateText | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ValueError("a period needs a start, an end or both")
        _date(self.start)
        _date(self.end)


class Pooled(Model, tag_field="type", tag="pooled"):
    periods: Annotated[tuple[Period, ...], Meta(min_length=2)]
    text: str | None = None


Time = Instant | Period | Pooled


class TextParagraph(Model):
    number: Text | None
    start: NonNegInt
    end: NonNegInt

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("end must not be before start")


class Section(Model):
    id: Id
    heading: Text
    recommendations: tuple[Id, ...] = ()
    paragraphs: tuple[Text, ...] = ()
    source: SourceSpan | None = None


class Document(Model):
    id: Id
    kind: DocumentKind
    symbol: str | None = None
    body: TreatyBody | None = None
    state: Alpha3 | None = None
    title: Text | None = None
    language: Text = "en"
    adopted: DateText | None = None
    received: DateText | None = None
    issued: DateText | None = None
    responds_to: Id | None = None
    author: Text | None = None
    text_length: NonNegInt | None = None
    text_sha256: Text | None = None
    paragraphs: tuple[TextParagraph, ...] = ()
    sections: tuple[Section, ...] = ()

    def __post_init__(self) -> None:
        if self.symbol is not None:
            c.parse_symbol(self.symbol)
        _date(self.adopted)
        _date(self.received)
        _date(self.issued)
        c.check_unique_ids(self.sections, "sections")


class Tag(Model):
    vocabulary: Id
    term: Text
    origin: TagOrigin
    rule: Id | None = None
    evidence: tuple[SourceSpan, ...] = ()


class Label(Model):
    language: Annotated[str, Meta(pattern=c.LANGUAGE)]
    text: Text


class Term(Model):
    id: Id
    labels: Annotated[tuple[Label, ...], Meta(min_length=1)]
    parent: Id | None = None
    aliases: tuple[Text, ...] = ()
    description: Text | None = None

    def __post_init__(self) -> None:
        c.check_term(self)


class Vocabulary(Model):
    id: Id
    version: Text
    title: Text
    source: Text
    terms: tuple[Term, ...]
    valid_from: DateText | None = None
    unknown_policy: UnknownTermPolicy = UnknownTermPolicy.REFUSE
    aliases: tuple[Id, ...] = ()

    def __post_init__(self) -> None:
        _date(self.valid_from)
        c.check_vocabulary(self)


class SubParagraph(Model):
    letter: Annotated[str, Meta(pattern=c.LETTER)]
    text: Text | None = None


class Recommendation(Model):
    id: Id
    document: Id
    paragraph: PosInt
    heading: Text | None = None
    text: Text | None = None
    subparagraphs: tuple[SubParagraph, ...] = ()
    selected_for_follow_up: bool | None = None
    follow_up_deadline: DateText | None = None
    source: SourceSpan | None = None
    mechanism: Mechanism | None = None
    recommending_states: tuple[Alpha3, ...] = ()
    position: UPRPosition | None = None
    tags: tuple[Tag, ...] = ()

    def __post_init__(self) -> None:
        _date(self.follow_up_deadline)
        c.check_upr(self)
        c.check_tags(self.tags)


class Authority(Model):
    id: Id
    name: Text
    kind: AuthorityKind | None = None
    state: Alpha3 | None = None
    parent: Id | None = None
    aliases: tuple[Text, ...] = ()


class Issuance(Model):
    issuer: Id | None = None
    number: Text | None = None
    date: DateText | None = None
    source: SourceSpan | None = None

    def __post_init__(self) -> None:
        _date(self.date)


def _period(value: object) -> None:
    if value is not None and not isinstance(value, Period):
        raise ValueError("expected a period")


class LegalInstrument(Model):
    id: Id
    kind: InstrumentKind
    title: Text | None = None
    issuances: tuple[Issuance, ...] = ()
    status: InstrumentStatus | None = None
    period: Time | None = None  # the union, so that the "type" tag is required
    amends: tuple[Id, ...] = ()
    part_of: Id | None = None
    jurisdiction: Alpha3 | None = None
    aliases: tuple[Text, ...] = ()

    def __post_init__(self) -> None:
        _period(self.period)


class Citation(Model):
    id: Id
    instrument: Id
    provisions: tuple[str, ...] = ()
    source: SourceSpan | None = None

    def __post_init__(self) -> None:
        for provision in self.provisions:
            c.parse_provision(provision)


class Measure(Model):
    id: Id
    description: Text
    category: MeasureCategory
    kind: MeasureKind | None = None
    status: MeasureStatus | None = None
    authorities: tuple[Id, ...] = ()
    instruments: tuple[Id, ...] = ()
    answers: tuple[Id, ...] = ()
    evidence: tuple[SourceSpan, ...] = ()
    series: tuple[Id, ...] = ()
    date: DateText | None = None
    period: Time | None = None  # the union, so that the "type" tag is required
    expected_completion: DateText | None = None
    tags: tuple[Tag, ...] = ()

    def __post_init__(self) -> None:
        c.check_tags(self.tags)
        _period(self.period)
        _date(self.date)
        _date(self.expected_completion)


class Indicator(Model):
    id: Id
    name: Text
    type: IndicatorType | None = None
    definition: Text | None = None
    rationale: Text | None = None
    method: Text | None = None
    data_source: Text | None = None
    disaggregation: Text | None = None
    periodicity: Text | None = None
    comments: Text | None = None


class Dimension(Model):
    name: Text
    value: Text


class SeriesKey(Model):
    concept: Text
    unit: Text
    value_kind: ValueKind = ValueKind.ACTUAL
    breakdown: tuple[Dimension, ...] = ()

    def __post_init__(self) -> None:
        names = [d.name for d in self.breakdown]
        if len(set(names)) != len(names):
            raise ValueError("a dimension may appear only once")


class Observation(Model):
    id: Id
    value: Decimal
    time: Time | None = None
    qualifier: Qualifier = Qualifier.EXACT
    status: ObservationStatus | None = None
    text: Text | None = None
    source: SourceSpan | None = None

    def __post_init__(self) -> None:
        c.check_finite(self.value)


class Series(Model):
    id: Id
    key: SeriesKey
    observations: tuple[Observation, ...] = ()
    indicator: Id | None = None
    title: Text | None = None
    tags: tuple[Tag, ...] = ()

    def __post_init__(self) -> None:
        c.check_unique_ids(self.observations, "observations")
        c.check_tags(self.tags)


class Breakdown(Model):
    id: Id
    kind: BreakdownKind
    whole: Id
    parts: Annotated[tuple[Id, ...], Meta(min_length=1)]
    dimension: Text | None = None
    source: SourceSpan | None = None


class StatedChange(Model):
    id: Id
    observation: Id
    direction: ChangeDirection
    amount: Decimal
    base: Id | None = None
    relative: bool = True
    qualifier: Qualifier = Qualifier.EXACT
    text: Text | None = None
    source: SourceSpan | None = None

    def __post_init__(self) -> None:
        c.check_finite(self.amount)
        if self.amount < 0:
            raise ValueError("must not be negative; the direction carries the sign")


class Equivalence(Model):
    id: Id
    observations: Annotated[tuple[Id, ...], Meta(min_length=2)]
    source: SourceSpan | None = None


class Assessment(Model):
    id: Id
    recommendation: Id
    scale: Id
    grade: Text
    text: Text
    date: DateText | None = None
    assessor: Text | None = None
    document: Id | None = None
    source: SourceSpan | None = None

    def __post_init__(self) -> None:
        _date(self.date)


class Grade(Model):
    code: str
    label: str


class GradingScale(Model):
    id: str
    body: TreatyBody
    name: str
    valid_from: int | None
    grades: tuple[Grade, ...]


class Dossier(Model):
    schema_version: Literal["1.0"]
    id: Id
    title: Text | None = None
    documents: tuple[Document, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    authorities: tuple[Authority, ...] = ()
    instruments: tuple[LegalInstrument, ...] = ()
    citations: tuple[Citation, ...] = ()
    measures: tuple[Measure, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    series: tuple[Series, ...] = ()
    breakdowns: tuple[Breakdown, ...] = ()
    changes: tuple[StatedChange, ...] = ()
    equivalences: tuple[Equivalence, ...] = ()
    assessments: tuple[Assessment, ...] = ()
    scales: tuple[GradingScale, ...] = ()
    vocabularies: tuple[Vocabulary, ...] = ()

    def __post_init__(self) -> None:
        c.check_integrity(self)


_DECODER = msgspec.json.Decoder(Dossier)
_ENCODER = msgspec.json.Encoder()


def from_json(data: bytes) -> Dossier:
    return _DECODER.decode(data)


def from_dict(data: Any) -> Dossier:
    return msgspec.convert(data, Dossier)


def to_json(d: Dossier) -> bytes:
    return _ENCODER.encode(d)
