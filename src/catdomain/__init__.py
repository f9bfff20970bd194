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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers and documentation tools
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


_LAZY: dict[str, str] = {
    "DatePrecision": "catdomain._dates",
    "Instant": "catdomain._dates",
    "PartialDate": "catdomain._dates",
    "Period": "catdomain._dates",
    "Pooled": "catdomain._dates",
    "TimeReference": "catdomain._dates",
    "parse_date": "catdomain._dates",
    "parse_time": "catdomain._dates",
    "Assessment": "catdomain._model.assessments",
    "Authority": "catdomain._model.authorities",
    "Label": "catdomain._model.classification",
    "Tag": "catdomain._model.classification",
    "Term": "catdomain._model.classification",
    "Vocabulary": "catdomain._model.classification",
    "Document": "catdomain._model.documents",
    "Section": "catdomain._model.documents",
    "TextParagraph": "catdomain._model.documents",
    "AnswerKind": "catdomain._model.dossier",
    "Dossier": "catdomain._model.dossier",
    "iter_spans": "catdomain._model.dossier",
    "Breakdown": "catdomain._model.indicators",
    "Dimension": "catdomain._model.indicators",
    "Equivalence": "catdomain._model.indicators",
    "Indicator": "catdomain._model.indicators",
    "Observation": "catdomain._model.indicators",
    "Series": "catdomain._model.indicators",
    "SeriesKey": "catdomain._model.indicators",
    "StatedChange": "catdomain._model.indicators",
    "Citation": "catdomain._model.instruments",
    "Issuance": "catdomain._model.instruments",
    "LegalInstrument": "catdomain._model.instruments",
    "Measure": "catdomain._model.measures",
    "SourceSpan": "catdomain._model.provenance",
    "Recommendation": "catdomain._model.recommendations",
    "SubParagraph": "catdomain._model.recommendations",
    "Suggestion": "catdomain.classification",
    "TagRule": "catdomain.classification",
    "apply_suggestions": "catdomain.classification",
    "measures_on": "catdomain.classification",
    "recommendation_theme_table": "catdomain.classification",
    "series_by": "catdomain.classification",
    "suggest_tags": "catdomain.classification",
    "tag_rules": "catdomain.classification",
    "tagged": "catdomain.classification",
    "vocabularies": "catdomain.classification",
    "vocabulary": "catdomain.classification",
    "CatdomainError": "catdomain.exceptions",
    "InputError": "catdomain.exceptions",
    "IntegrityError": "catdomain.exceptions",
    "ModelError": "catdomain.exceptions",
    "ParseError": "catdomain.exceptions",
    "Problem": "catdomain.exceptions",
    "SchemaVersionError": "catdomain.exceptions",
    "SerializationError": "catdomain.exceptions",
    "DocumentSymbol": "catdomain.identifiers",
    "ParagraphRef": "catdomain.identifiers",
    "ParagraphSpan": "catdomain.identifiers",
    "ProvisionPath": "catdomain.identifiers",
    "parse_provisions": "catdomain.identifiers",
    "read_document": "catdomain.reading._input",
    "extract": "catdomain.reading.assemble",
    "extract_file": "catdomain.reading.assemble",
    "ReplyHeader": "catdomain.reading.structure",
    "ReplyStructure": "catdomain.reading.structure",
    "read_reply": "catdomain.reading.structure",
    "SCHEMA_VERSION": "catdomain.serialization",
    "from_dict": "catdomain.serialization",
    "from_json": "catdomain.serialization",
    "json_schema": "catdomain.serialization",
    "to_dict": "catdomain.serialization",
    "to_json": "catdomain.serialization",
    "RULES": "catdomain.validation",
    "Figure": "catdomain.validation",
    "Finding": "catdomain.validation",
    "Rule": "catdomain.validation",
    "Severity": "catdomain.validation",
    "findings_from_integrity_error": "catdomain.validation",
    "validate": "catdomain.validation",
    "GRADING_SCALES": "catdomain.vocab",
    "AuthorityKind": "catdomain.vocab",
    "BreakdownKind": "catdomain.vocab",
    "ChangeDirection": "catdomain.vocab",
    "DocumentKind": "catdomain.vocab",
    "Grade": "catdomain.vocab",
    "GradingScale": "catdomain.vocab",
    "IndicatorType": "catdomain.vocab",
    "InstrumentKind": "catdomain.vocab",
    "InstrumentStatus": "catdomain.vocab",
    "MeasureCategory": "catdomain.vocab",
    "MeasureKind": "catdomain.vocab",
    "MeasureStatus": "catdomain.vocab",
    "Mechanism": "catdomain.vocab",
    "ObservationStatus": "catdomain.vocab",
    "Qualifier": "catdomain.vocab",
    "TagOrigin": "catdomain.vocab",
    "TreatyBody": "catdomain.vocab",
    "UnknownTermPolicy": "catdomain.vocab",
    "UPRPosition": "catdomain.vocab",
    "ValueKind": "catdomain.vocab",
    "grading_scale": "catdomain.vocab",
}
"""The module defining each public name. Names are imported on first use
(PEP 562), so that ``import catdomain`` stays fast."""


_SUBMODULES = frozenset(
    {
        "classification",
        "cli",
        "datasets",
        "exceptions",
        "exports",
        "identifiers",
        "plots",
        "reading",
        "serialization",
        "tables",
        "testing",
        "validation",
        "vocab",
    }
)
"""The public modules, imported on first use as attributes (``cd.tables``)."""


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value  # later lookups find it directly
        return value
    if name == "__version__":
        from importlib.metadata import version

        return version("catdomain")
    if name in _SUBMODULES:
        # ``cd.datasets.load()`` without importing the module first.
        return importlib.import_module(f"catdomain.{name}")
    raise AttributeError(f"module 'catdomain' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, *_SUBMODULES})
