"""catdomain's model written with pydantic v2, as a benchmark peer.

The same classes, fields, defaults and rules as ``catdomain._model``: strict
strings, ints and booleans (nothing coerced), exact decimals (written as
strings, floats refused), the vocabulary enums, tuples, nested models, the
time references as a union tagged by ``"type"``, unknown keys refused
(``extra="forbid"``), frozen instances. Rules across fields are model
validators; the Dossier's referential integrity is `_common.check_integrity`.

JSON is written with ``exclude_defaults=True``, as catdomain omits defaults.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal

import _common as c
from _common import Mechanism, TagOrigin, UnknownTermPolicy, UPRPosition
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)

from catdomain._dates import PartialDate
from catdomain.identifiers import DocumentSymbol, ProvisionPath
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

Id = Annotated[str, StringConstraints(strict=True, pattern=c.ID)]
Text = Annotated[str, StringConstraints(strict=True, pattern=c.TEXT)]
Str = Annotated[str, StringConstraints(strict=True)]
Alpha3 = Annotated[str, StringConstraints(strict=True, pattern=c.ALPHA3)]
NonNegInt = Annotated[StrictInt, Field(ge=0)]
PosInt = Annotated[StrictInt, Field(ge=1)]


def _no_float(value: Any) -> Any:
    if isinstance(value, float):
        raise ValueError("a float is not exact: write the decimal as a string")
    if isinstance(value, str) and not _DECIMAL.fullmatch(value):
        raise ValueError("a decimal number written as a string, such as '19.2'")
    return value


_DECIMAL = re.compile(c.DECIMAL[1:-1])

Dec = Annotated[Decimal, Field(allow_inf_nan=False), BeforeValidator(_no_float)]


def _text_value(parse: Any, kind: type) -> Any:
    def validate(value: Any) -> Any:
        if isinstance(value, kind):
            return value
        if type(value) is not str:
            raise ValueError(f"expected a string, not {type(value).__name__}")
        return parse(value)  # raises ParseError, a ValueError

    return validate


Date = Annotated[
    PartialDate,
    PlainValidator(_text_value(c.parse_partial_date, PartialDate)),
    PlainSerializer(str, return_type=str),
]
Symbol = Annotated[
    DocumentSymbol,
    PlainValidator(_text_value(c.parse_symbol, DocumentSymbol)),
    PlainSerializer(str, return_type=str),
]
Provision = Annotated[
    ProvisionPath,
    PlainValidator(_text_value(c.parse_provision, ProvisionPath)),
    PlainSerializer(str, return_type=str),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class SourceSpan(Model):
    document: Id
    start: NonNegInt
    end: NonNegInt
    quote: Text
    paragraph: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> SourceSpan:
        c.check_span(self.start, self.end, self.quote)
        return self


class Instant(Model):
    type: Literal["instant"]
    date: Date
    text: Str | None = None


class Period(Model):
    type: Literal["period"]
    start: Date | None = None
    end: Date | None = None
    text: Str | None = None

    @model_validator(mode="after")
    def _check(self) -> Period:
        if self.start is None and self.end is None:
            raise ValueError("a period needs a start, an end or both")
        return self


class Pooled(Model):
    type: Literal["pooled"]
    periods: Annotated[tuple[Period, ...], Field(min_length=2)]
    text: Str | None = None


Time = Annotated[Instant | Period | Pooled, Field(discriminator="type")]


class TextParagraph(Model):
    number: Text | None
    start: NonNegInt
    end: NonNegInt

    @model_validator(mode="after")
    def _check(self) -> TextParagraph:
        if self.end < self.start:
            raise ValueError("end must not be before start")
        return self


class Section(Model):
    id: Id
    heading: Text
    recommendations: tuple[Id, ...] = ()
    paragraphs: tuple[Text, ...] = ()
    source: SourceSpan | None = None


class Document(Model):
    id: Id
    kind: DocumentKind
    symbol: Symbol | None = None
    body: TreatyBody | None = None
    state: Alpha3 | None = None
    title: Text | None = None
    language: Text = "en"
    adopted: Date | None = None
    received: Date | None = None
    issued: Date | None = None
    responds_to: Id | None = None
    author: Text | None = None
    text_length: NonNegInt | None = None
    text_sha256: Text | None = None
    paragraphs: tuple[TextParagraph, ...] = ()
    sections: tuple[Section, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Document:
        c.check_unique_ids(self.sections, "sections")
        return self


class Tag(Model):
    vocabulary: Id
    term: Text
    origin: TagOrigin
    rule: Id | None = None
    evidence: tuple[SourceSpan, ...] = ()


class Tagged(Model):
    @model_validator(mode="after")
    def _check_tags(self) -> Any:
        c.check_tags(self.tags)  # type: ignore[attr-defined]
        return self


class Label(Model):
    language: Annotated[str, StringConstraints(strict=True, pattern=c.LANGUAGE)]
    text: Text


class Term(Model):
    id: Id
    labels: Annotated[tuple[Label, ...], Field(min_length=1)]
    parent: Id | None = None
    aliases: tuple[Text, ...] = ()
    description: Text | None = None

    @model_validator(mode="after")
    def _check(self) -> Term:
        c.check_term(self)
        return self


class Vocabulary(Model):
    id: Id
    version: Text
    valid_from: Date | None = None
    title: Text
    source: Text
    terms: tuple[Term, ...]
    unknown_policy: UnknownTermPolicy = UnknownTermPolicy.REFUSE
    aliases: tuple[Id, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Vocabulary:
        c.check_vocabulary(self)
        return self


class SubParagraph(Model):
    letter: Annotated[str, StringConstraints(strict=True, pattern=c.LETTER)]
    text: Text | None = None


class Recommendation(Tagged):
    id: Id
    document: Id
    paragraph: PosInt
    heading: Text | None = None
    text: Text | None = None
    subparagraphs: tuple[SubParagraph, ...] = ()
    selected_for_follow_up: StrictBool | None = None
    follow_up_deadline: Date | None = None
    source: SourceSpan | None = None
    mechanism: Mechanism | None = None
    recommending_states: tuple[Alpha3, ...] = ()
    position: UPRPosition | None = None
    tags: tuple[Tag, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Recommendation:
        c.check_upr(self)
        return self


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
    date: Date | None = None
    source: SourceSpan | None = None


class LegalInstrument(Model):
    id: Id
    kind: InstrumentKind
    title: Text | None = None
    issuances: tuple[Issuance, ...] = ()
    status: InstrumentStatus | None = None
    period: Period | None = None
    amends: tuple[Id, ...] = ()
    part_of: Id | None = None
    jurisdiction: Alpha3 | None = None
    aliases: tuple[Text, ...] = ()


class Citation(Model):
    id: Id
    instrument: Id
    provisions: tuple[Provision, ...] = ()
    source: SourceSpan | None = None


class Measure(Tagged):
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
    date: Date | None = None
    period: Period | None = None
    expected_completion: Date | None = None
    tags: tuple[Tag, ...] = ()


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

    @model_validator(mode="after")
    def _check(self) -> SeriesKey:
        names = [d.name for d in self.breakdown]
        if len(set(names)) != len(names):
            raise ValueError("a dimension may appear only once")
        return self


class Observation(Model):
    id: Id
    value: Dec
    time: Time | None = None
    qualifier: Qualifier = Qualifier.EXACT
    status: ObservationStatus | None = None
    text: Text | None = None
    source: SourceSpan | None = None


class Series(Tagged):
    id: Id
    key: SeriesKey
    observations: tuple[Observation, ...] = ()
    indicator: Id | None = None
    title: Text | None = None
    tags: tuple[Tag, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Series:
        c.check_unique_ids(self.observations, "observations")
        return self


class Breakdown(Model):
    id: Id
    kind: BreakdownKind
    whole: Id
    parts: Annotated[tuple[Id, ...], Field(min_length=1)]
    dimension: Text | None = None
    source: SourceSpan | None = None


class StatedChange(Model):
    id: Id
    observation: Id
    direction: ChangeDirection
    amount: Annotated[Dec, Field(ge=0)]
    base: Id | None = None
    relative: StrictBool = True
    qualifier: Qualifier = Qualifier.EXACT
    text: Text | None = None
    source: SourceSpan | None = None


class Equivalence(Model):
    id: Id
    observations: Annotated[tuple[Id, ...], Field(min_length=2)]
    source: SourceSpan | None = None


class Assessment(Model):
    id: Id
    recommendation: Id
    scale: Id
    grade: Text
    text: Text
    date: Date | None = None
    assessor: Text | None = None
    document: Id | None = None
    source: SourceSpan | None = None


class Grade(Model):
    code: Str
    label: Str


class GradingScale(Model):
    id: Str
    body: TreatyBody
    name: Str
    valid_from: StrictInt | None
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

    @model_validator(mode="after")
    def _check(self) -> Dossier:
        c.check_integrity(self)
        return self


def from_json(data: bytes) -> Dossier:
    return Dossier.model_validate_json(data)


def from_dict(data: Any) -> Dossier:
    return Dossier.model_validate(data)


def to_json(d: Dossier) -> bytes:
    # exclude_defaults would drop nothing required; "type" and "schema_version" have no default.
    return d.__pydantic_serializer__.to_json(d, exclude_defaults=True)
