"""catdomain: typed domain objects for UN treaty-body follow-up.

The public façade: everything documented is importable from here, and this
module defines nothing of its own.

Example:
    >>> import catdomain as cd
    >>> sym = cd.DocumentSymbol.parse("CAT/C/KAZ/CO/4")
    >>> sym.body.value, sym.state, sym.kind.value
    ('CAT', 'KAZ', 'concluding-observations')
"""

from __future__ import annotations

from typing import Any

from catdomain._dates import (
    DatePrecision,
    Instant,
    PartialDate,
    Period,
    Pooled,
    TimeReference,
    parse_date,
    parse_time,
)
from catdomain._model.assessments import Assessment
from catdomain._model.authorities import Authority
from catdomain._model.classification import Label, Tag, Term, Vocabulary
from catdomain._model.documents import Document, Section, TextParagraph
from catdomain._model.dossier import AnswerKind, Dossier, iter_spans
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
from catdomain.classification import (
    Suggestion,
    TagRule,
    apply_suggestions,
    measures_on,
    recommendation_theme_table,
    series_by,
    suggest_tags,
    tag_rules,
    tagged,
    vocabularies,
    vocabulary,
)
from catdomain.exceptions import (
    CatdomainError,
    InputError,
    IntegrityError,
    ModelError,
    ParseError,
    Problem,
    SchemaVersionError,
    SerializationError,
)
from catdomain.identifiers import (
    DocumentSymbol,
    ParagraphRef,
    ParagraphSpan,
    ProvisionPath,
    parse_provisions,
)
from catdomain.reading._input import read_document
from catdomain.reading.assemble import extract, extract_file
from catdomain.reading.structure import ReplyHeader, ReplyStructure, read_reply
from catdomain.serialization import (
    SCHEMA_VERSION,
    from_dict,
    from_json,
    json_schema,
    to_dict,
    to_json,
)
from catdomain.validation import (
    RULES,
    Figure,
    Finding,
    Rule,
    Severity,
    findings_from_integrity_error,
    validate,
)
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
    grading_scale,
)

__all__ = [
    "GRADING_SCALES",
    "RULES",
    "SCHEMA_VERSION",
    "AnswerKind",
    "Assessment",
    "Authority",
    "AuthorityKind",
    "Breakdown",
    "BreakdownKind",
    "CatdomainError",
    "ChangeDirection",
    "Citation",
    "DatePrecision",
    "Dimension",
    "Document",
    "DocumentKind",
    "DocumentSymbol",
    "Dossier",
    "Equivalence",
    "Figure",
    "Finding",
    "Grade",
    "GradingScale",
    "Indicator",
    "IndicatorType",
    "InputError",
    "Instant",
    "InstrumentKind",
    "InstrumentStatus",
    "IntegrityError",
    "Issuance",
    "Label",
    "LegalInstrument",
    "Measure",
    "MeasureCategory",
    "MeasureKind",
    "MeasureStatus",
    "Mechanism",
    "ModelError",
    "Observation",
    "ObservationStatus",
    "ParagraphRef",
    "ParagraphSpan",
    "ParseError",
    "PartialDate",
    "Period",
    "Pooled",
    "Problem",
    "ProvisionPath",
    "Qualifier",
    "Recommendation",
    "ReplyHeader",
    "ReplyStructure",
    "Rule",
    "SchemaVersionError",
    "Section",
    "SerializationError",
    "Series",
    "SeriesKey",
    "Severity",
    "SourceSpan",
    "StatedChange",
    "SubParagraph",
    "Suggestion",
    "Tag",
    "TagOrigin",
    "TagRule",
    "Term",
    "TextParagraph",
    "TimeReference",
    "TreatyBody",
    "UPRPosition",
    "UnknownTermPolicy",
    "ValueKind",
    "Vocabulary",
    "apply_suggestions",
    "extract",
    "extract_file",
    "findings_from_integrity_error",
    "from_dict",
    "from_json",
    "grading_scale",
    "iter_spans",
    "json_schema",
    "measures_on",
    "parse_date",
    "parse_provisions",
    "parse_time",
    "read_document",
    "read_reply",
    "recommendation_theme_table",
    "series_by",
    "suggest_tags",
    "tag_rules",
    "tagged",
    "to_dict",
    "to_json",
    "validate",
    "vocabularies",
    "vocabulary",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("catdomain")
    raise AttributeError(f"module 'catdomain' has no attribute {name!r}")
