"""A dossier as pandas DataFrames in long ("tidy") form, one row per fact.

Each function returns a new DataFrame with one row per object (or per link)
and columns named and typed the same way across tables, so they join on
their id columns (``measure_id``, ``instrument_id``, ``recommendation_id``,
``series_id``, ``observation_id``):

- text is pandas' ``string`` dtype, missing values ``<NA>``;
- closed vocabularies (qualifier, measure status, …) are ``category`` with
  *every* value of the vocabulary as a category, in the vocabulary's order,
  so counts show zeros and plots keep their order; ordered where the
  vocabulary is (measure status, finding severity);
- dates are ``datetime64[s]``: the first (``*_start``, a date) or the last
  (``*_end``) day a partial date covers, with its precision beside it, so
  "August 2021" is ``2021-08-01`` with precision ``month``. Second
  resolution, not pandas' usual nanoseconds, because it holds every date a
  `PartialDate` allows (years 1 to 9999; nanoseconds end in 2262);
- whole numbers are ``int64`` where always present, ``Int64`` (nullable)
  where they may be missing;
- several ids in one cell (a measure's authorities) are joined with
  ``"; "``; the link tables (`recommendation_measures`, `issuances`) give
  one row per link instead.

Provenance columns (``document``, ``paragraph``, ``quote``, ``start``,
``end``) lead from every row back to the sentence it was read from.

pandas is an optional dependency (the ``analysis`` extra) and is imported
only when a function here is called.

Example:
    >>> from catdomain import datasets, tables
    >>> obs = tables.observations(datasets.load())
    >>> deaths = obs[obs.series_id == "s-deaths-disease"]
    >>> print(deaths[["time", "value", "paragraph"]].to_string(index=False))
    time  value paragraph
    2021  106.0        48
    2022   94.0        48
    2023   94.0        48
"""

from __future__ import annotations

import datetime
import inspect
import re
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

from catdomain._dates import DatePrecision, Instant, PartialDate, Period, Pooled, TimeReference
from catdomain._model.dossier import Dossier
from catdomain._model.provenance import SourceSpan
from catdomain.vocab import (
    InstrumentKind,
    InstrumentStatus,
    MeasureCategory,
    MeasureKind,
    MeasureStatus,
    ObservationStatus,
    Qualifier,
    ValueKind,
)

if TYPE_CHECKING:
    from pandas import DataFrame

    from catdomain.validation import Finding

__all__ = [
    "citations",
    "findings",
    "instruments",
    "issuances",
    "measures",
    "observations",
    "recommendation_measures",
    "recommendations",
]

JOIN = "; "
"""The separator of several values in one cell."""

_INSTALL = 'pip install "catdomain[analysis]"'


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError(f"catdomain.tables needs pandas: {_INSTALL}") from None
    return pandas


# --------------------------------------------------------------------------
# Column specifications (shared with catdomain.exports)


class _Field(NamedTuple):
    """One column: its name, catdomain's kind of values, and categories if any.

    Kinds: ``string``, ``int`` (never missing), ``Int`` (nullable), ``number``
    (float64), ``decimal`` (Decimal objects), ``boolean`` (nullable),
    ``date`` and ``category``.
    """

    name: str
    kind: str
    categories: tuple[str, ...] = ()
    ordered: bool = False
    required: bool = False


def _category(name: str, vocabulary: Iterable[Enum], *, ordered: bool = False) -> _Field:
    return _Field(name, "category", tuple(str(v.value) for v in vocabulary), ordered)


_TIME_TYPES = ("instant", "period", "pooled", "none")
_SEVERITIES = ("info", "warning", "error")
_PRECISION_ORDER = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}


def _dates(values: Sequence[datetime.date | None]) -> Any:
    import numpy as np

    pd = _pandas()
    array = np.array(
        [np.datetime64("NaT") if v is None else np.datetime64(v.isoformat()) for v in values],
        dtype="datetime64[s]",
    )
    return pd.Series(array, dtype="datetime64[s]")


def _column(values: Sequence[Any], field: _Field) -> Any:
    """A pandas Series of `values` with the dtype of `field`."""
    pd = _pandas()
    kind = field.kind
    if kind == "string":
        return pd.Series(list(values), dtype="string")
    if kind == "int":
        return pd.Series(list(values), dtype="int64")
    if kind == "Int":
        return pd.Series(pd.array([pd.NA if v is None else v for v in values], dtype="Int64"))
    if kind == "number":
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
    if kind == "decimal":
        return pd.Series(list(values), dtype="object")
    if kind == "boolean":
        return pd.Series(pd.array([pd.NA if v is None else v for v in values], dtype="boolean"))
    if kind == "date":
        return _dates(values)
    if kind == "category":
        dtype = pd.CategoricalDtype(categories=list(field.categories), ordered=field.ordered)
        return pd.Series(pd.Categorical(list(values), dtype=dtype))
    raise ValueError(f"unknown column kind {kind!r}")  # pragma: no cover - internal


def _frame(fields: Sequence[_Field], rows: Sequence[dict[str, Any]]) -> DataFrame:
    pd = _pandas()
    data = {f.name: _column([row.get(f.name) for row in rows], f) for f in fields}
    frame = pd.DataFrame(data, columns=[f.name for f in fields])
    frame.index = pd.RangeIndex(len(rows))
    return frame


# --------------------------------------------------------------------------
# Value helpers


def _joined(values: Iterable[object]) -> str | None:
    text = JOIN.join(str(v) for v in values)
    return text or None


def _value(member: Enum | None) -> str | None:
    return None if member is None else str(member.value)


def _coarsest(dates: Iterable[PartialDate | None]) -> DatePrecision | None:
    known = [d.precision for d in dates if d is not None]
    return max(known, key=_PRECISION_ORDER.__getitem__) if known else None


def _time_row(time: TimeReference | None) -> dict[str, Any]:
    if time is None:
        return {"time_type": "none"}
    if isinstance(time, Instant):
        bounds: list[PartialDate | None] = [time.date]
        kind = "instant"
    elif isinstance(time, Pooled):
        bounds = [d for p in time.periods for d in (p.start, p.end)]
        kind = "pooled"
    else:
        bounds = [time.start, time.end]
        kind = "period"
    precision = _coarsest(bounds)
    return {
        "time_type": kind,
        "time": str(time),
        "time_start": time.earliest(),
        "time_end": time.latest(),
        "time_precision": _value(precision),
    }


def _date_row(name: str, date: PartialDate | None) -> dict[str, Any]:
    if date is None:
        return {}
    return {name: date.earliest(), f"{name}_precision": date.precision.value}


def _period_row(name: str, period: Period | None) -> dict[str, Any]:
    if period is None:
        return {}
    return {
        name: str(period),
        f"{name}_start": period.earliest(),
        f"{name}_end": period.latest(),
    }


def _span_row(span: SourceSpan | None) -> dict[str, Any]:
    if span is None:
        return {}
    return {
        "document": span.document,
        "paragraph": span.paragraph,
        "quote": span.quote,
        "start": span.start,
        "end": span.end,
    }


def _date_fields(name: str) -> list[_Field]:
    return [_Field(name, "date"), _category(f"{name}_precision", DatePrecision)]


def _period_fields(name: str) -> list[_Field]:
    return [_Field(name, "string"), _Field(f"{name}_start", "date"), _Field(f"{name}_end", "date")]


_SPAN_FIELDS = [
    _Field("document", "string"),
    _Field("paragraph", "string"),
    _Field("quote", "string"),
    _Field("start", "Int"),
    _Field("end", "Int"),
]


# --------------------------------------------------------------------------
# The tables


def _observation_table(
    dossier: Dossier, *, exact: bool
) -> tuple[list[_Field], list[dict[str, Any]]]:
    dimensions: list[str] = []
    for series in dossier.series:
        for dim in series.key.breakdown:
            if dim.name not in dimensions:
                dimensions.append(dim.name)
    fields = [
        _Field("series_id", "string", required=True),
        _Field("observation_id", "string", required=True),
        _Field("indicator", "string"),
        _Field("concept", "string", required=True),
        _Field("unit", "string", required=True),
        _category("value_kind", ValueKind),
        _Field("breakdown", "string"),
        *(_Field(f"breakdown.{name}", "string") for name in dimensions),
        _Field("time_type", "category", _TIME_TYPES),
        _Field("time", "string"),
        _Field("time_start", "date"),
        _Field("time_end", "date"),
        _category("time_precision", DatePrecision),
        _Field("value", "decimal" if exact else "number", required=True),
        _category("qualifier", Qualifier),
        _Field("value_text", "string"),
        _category("status", ObservationStatus),
        *_SPAN_FIELDS,
    ]
    rows = []
    for series, obs in dossier.observations():
        key = series.key
        row: dict[str, Any] = {
            "series_id": series.id,
            "observation_id": obs.id,
            "indicator": series.indicator,
            "concept": key.concept,
            "unit": key.unit,
            "value_kind": key.value_kind.value,
            "breakdown": _joined(key.breakdown),
            "value": obs.value,
            "qualifier": obs.qualifier.value,
            "value_text": obs.text,
            "status": _value(obs.status),
        }
        row.update({f"breakdown.{d.name}": d.value for d in key.breakdown})
        row.update(_time_row(obs.time))
        row.update(_span_row(obs.source))
        rows.append(row)
    return fields, rows


def observations(dossier: Dossier, *, exact: bool = False) -> DataFrame:
    """Every observation of every series, one row each, in the dossier's order.

    | Column | Meaning | dtype |
    | --- | --- | --- |
    | `series_id` | Id of the series | string |
    | `observation_id` | Id of the observation | string |
    | `indicator` | Id of the indicator the series measures | string |
    | `concept` | What is counted | string |
    | `unit` | The unit or counted thing ("persons", "percent") | string |
    | `value_kind` | actual, target, baseline or plan | category |
    | `breakdown` | The series' dimensions, "status=civilian; circumstance=…"; `<NA>` for a total | string |
    | `breakdown.<name>` | One column per dimension name used in the dossier: the series' value for it, `<NA>` if it has none | string |
    | `time_type` | instant, period, pooled or none (undated) | category |
    | `time` | The time in catdomain's notation: "2023", "2021/2023", "../2030", "2023+2024" | string |
    | `time_start` | First day the time covers; NaT if undated or open at the start | datetime64[s] |
    | `time_end` | Last day the time covers; NaT if undated or open at the end | datetime64[s] |
    | `time_precision` | day, month or year: the least precise of the time's dates | category |
    | `value` | The figure: float by default, the exact `Decimal` with `exact=True` | float64 or object |
    | `qualifier` | exact, approximate, more-than, at-least, less-than, at-most | category |
    | `value_text` | The figure as written ("40,000", "nine") | string |
    | `status` | SDMX observation status (A, E, P, F, B), if stated | category |
    | `document` | Id of the document it was read from | string |
    | `paragraph` | Number of the paragraph, as written | string |
    | `quote` | The text it was read from, verbatim | string |
    | `start` | Offset of the quote in the document's text | Int64 |
    | `end` | Offset just after the quote | Int64 |

    A pooled time ("in 2023 and 2024") spans from the first day of its first
    period to the last of its last; `time` keeps the periods.

    Args:
        dossier: The dossier.
        exact: Give `value` as exact `Decimal` objects (an ``object``
            column) instead of floats: "19.2" stays ``Decimal("19.2")``, and
            sums are exact. The default float column is what plots and
            numeric pandas operations want.

    Returns:
        The table.

    Raises:
        ImportError: If pandas is not installed.

    Example:
        >>> from decimal import Decimal
        >>> from catdomain import datasets, tables
        >>> obs = tables.observations(datasets.load(), exact=True)
        >>> row = obs.set_index("observation_id").loc["o-share-cells-2023"]
        >>> row["value"], row["unit"], row["time"], str(row["time_start"].date())
        (Decimal('19.2'), 'percent', '2023', '2023-01-01')
        >>> obs["breakdown.status"].dropna().unique().tolist()
        ['civilian', 'security forces officer']
    """  # noqa: E501
    fields, rows = _observation_table(dossier, exact=exact)
    return _frame(fields, rows)


def _measure_table(dossier: Dossier) -> tuple[list[_Field], list[dict[str, Any]]]:
    fields = [
        _Field("measure_id", "string", required=True),
        _Field("description", "string", required=True),
        _category("category", MeasureCategory),
        _category("kind", MeasureKind),
        _category("status", MeasureStatus, ordered=True),
        _Field("authorities", "string"),
        _Field("instruments", "string"),
        _Field("answers", "string"),
        _Field("series", "string"),
        *_date_fields("date"),
        *_period_fields("period"),
        *_date_fields("expected_completion"),
        _Field("document", "string"),
        _Field("paragraphs", "string"),
    ]
    rows = []
    for m in dossier.measures:
        paragraphs = list(dict.fromkeys(e.paragraph for e in m.evidence if e.paragraph))
        row: dict[str, Any] = {
            "measure_id": m.id,
            "description": m.description,
            "category": m.category.value,
            "kind": _value(m.kind),
            "status": _value(m.status),
            "authorities": _joined(m.authorities),
            "instruments": _joined(m.instruments),
            "answers": _joined(m.answers),
            "series": _joined(m.series),
            "document": m.evidence[0].document if m.evidence else None,
            "paragraphs": _joined(paragraphs),
        }
        row.update(_date_row("date", m.date))
        row.update(_period_row("period", m.period))
        row.update(_date_row("expected_completion", m.expected_completion))
        rows.append(row)
    return fields, rows


def measures(dossier: Dossier) -> DataFrame:
    """Every measure, one row each.

    | Column | Meaning | dtype |
    | --- | --- | --- |
    | `measure_id` | Id of the measure | string |
    | `description` | What was done, in a sentence | string |
    | `category` | legislative, judicial, administrative or other | category |
    | `kind` | The finer kind, if classified | category |
    | `status` | Where it stands, ordered from planned to completed | category (ordered) |
    | `authorities` | Ids of the responsible authorities, joined with "; " | string |
    | `instruments` | Ids of the instruments it rests on, joined | string |
    | `answers` | Ids of the recommendations it answers, joined (see `recommendation_measures`) | string |
    | `series` | Ids of the series that show it at work, joined | string |
    | `date` | First day of the date it was taken or adopted | datetime64[s] |
    | `date_precision` | day, month or year | category |
    | `period` | The period it covers, "2024/2028" | string |
    | `period_start` | First day of the period | datetime64[s] |
    | `period_end` | Last day of the period | datetime64[s] |
    | `expected_completion` | First day of the expected completion date | datetime64[s] |
    | `expected_completion_precision` | day, month or year | category |
    | `document` | Id of the document that reports it | string |
    | `paragraphs` | Numbers of the paragraphs that report it, joined | string |

    Args:
        dossier: The dossier.

    Returns:
        The table.

    Raises:
        ImportError: If pandas is not installed.

    Example:
        >>> from catdomain import datasets, tables
        >>> m = tables.measures(datasets.load())
        >>> m.status.value_counts(sort=False).to_dict()
        {'planned': 1, 'before-parliament': 2, 'adopted': 13, 'in-operation': 39, 'ongoing': 8, 'completed': 8}
        >>> m[m.status == "before-parliament"].measure_id.tolist()
        ['m-bill-torture-definition', 'm-bill-powers-of-lawyers']
    """  # noqa: E501
    fields, rows = _measure_table(dossier)
    return _frame(fields, rows)


def _authority_names(dossier: Dossier) -> dict[str, str]:
    return {a.id: a.name for a in dossier.authorities}


def _instrument_table(dossier: Dossier) -> tuple[list[_Field], list[dict[str, Any]]]:
    fields = [
        _Field("instrument_id", "string", required=True),
        _category("kind", InstrumentKind),
        _Field("title", "string"),
        _category("status", InstrumentStatus),
        _Field("number", "string"),
        *_date_fields("date"),
        _Field("issuers", "string"),
        _Field("issuer_names", "string"),
        _Field("issuances", "int"),
        _Field("joint", "boolean"),
        *_period_fields("period"),
        _Field("jurisdiction", "string"),
        _Field("amends", "string"),
        _Field("part_of", "string"),
        _Field("aliases", "string"),
    ]
    names = _authority_names(dossier)
    rows = []
    for inst in dossier.instruments:
        issuers = list(dict.fromkeys(i.issuer for i in inst.issuances if i.issuer))
        row: dict[str, Any] = {
            "instrument_id": inst.id,
            "kind": inst.kind.value,
            "title": inst.title,
            "status": _value(inst.status),
            "number": inst.number,
            "issuers": _joined(issuers),
            "issuer_names": _joined(names.get(i, i) for i in issuers),
            "issuances": len(inst.issuances),
            "joint": inst.is_joint,
            "jurisdiction": inst.jurisdiction,
            "amends": _joined(inst.amends),
            "part_of": inst.part_of,
            "aliases": _joined(inst.aliases),
        }
        row.update(_date_row("date", inst.date))
        row.update(_period_row("period", inst.period))
        rows.append(row)
    return fields, rows


def instruments(dossier: Dossier) -> DataFrame:
    """Every legal or policy instrument, one row each.

    A joint order, adopted through several issuers' orders, is one row here
    with its first number and date; `issuances` gives one row per order.

    | Column | Meaning | dtype |
    | --- | --- | --- |
    | `instrument_id` | Id of the instrument | string |
    | `kind` | code, law, order, action-plan, … | category |
    | `title` | Its title as written | string |
    | `status` | bill, adopted, in-force, amended or repealed, if stated | category |
    | `number` | The number of its first numbered issuance ("194/2020") | string |
    | `date` | First day of its first dated issuance | datetime64[s] |
    | `date_precision` | day, month or year | category |
    | `issuers` | Ids of the issuing authorities, joined with "; " | string |
    | `issuer_names` | Their names, joined | string |
    | `issuances` | How many issuances it has | int64 |
    | `joint` | Adopted through several issuers' acts | boolean |
    | `period` | The period a plan covers, "2024/2028" | string |
    | `period_start` | First day of the period | datetime64[s] |
    | `period_end` | Last day of the period | datetime64[s] |
    | `jurisdiction` | The State (ISO 3166-1 alpha-3); `<NA>` if international | string |
    | `amends` | Ids of the instruments it amends, joined | string |
    | `part_of` | Id of an instrument it belongs to | string |
    | `aliases` | Short names the text uses for it, joined | string |

    Args:
        dossier: The dossier.

    Returns:
        The table.

    Raises:
        ImportError: If pandas is not installed.

    Example:
        >>> from catdomain import datasets, tables
        >>> inst = tables.instruments(datasets.load()).set_index("instrument_id")
        >>> row = inst.loc["kz-rules-video-surveillance"]
        >>> row["number"], str(row["date"].date()), int(row["issuances"]), bool(row["joint"])
        ('46', '2023-01-27', 4, True)
    """
    fields, rows = _instrument_table(dossier)
    return _frame(fields, rows)


def _issuance_table(dossier: Dossier) -> tuple[list[_Field], list[dict[str, Any]]]:
    fields = [
        _Field("instrument_id", "string", required=True),
        _Field("issuance", "int"),
        _Field("issuer", "string"),
        _Field("issuer_name", "string"),
        _Field("number", "string"),
        *_date_fields("date"),
        *_SPAN_FIELDS,
    ]
    names = _authority_names(dossier)
    rows = []
    for inst in dossier.instruments:
        for n, issuance in enumerate(inst.issuances, start=1):
            row: dict[str, Any] = {
                "instrument_id": inst.id,
                "issuance": n,
                "issuer": issuance.issuer,
                "issuer_name": names.get(issuance.issuer) if issuance.issuer else None,
                "number": issuance.number,
            }
            row.update(_date_row("date", issuance.date))
            row.update(_span_row(issuance.source))
            rows.append(row)
    return fields, rows


def issuances(dossier: Dossier) -> DataFrame:
    """Every issuance (issuer, number, date) of every instrument, one row each.

    | Column | Meaning | dtype |
    | --- | --- | --- |
    | `instrument_id` | Id of the instrument | string |
    | `issuance` | Its position among the instrument's issuances, from 1 | int64 |
    | `issuer` | Id of the issuing authority | string |
    | `issuer_name` | Its name | string |
    | `number` | The number as written ("226-V") | string |
    | `date` | First day of the date | datetime64[s] |
    | `date_precision` | day, month or year | category |
    | `document` | Id of the document it was read from | string |
    | `paragraph` | Number of the paragraph | string |
    | `quote` | The text it was read from | string |
    | `start` | Offset of the quote | Int64 |
    | `end` | Offset just after the quote | Int64 |

    Args:
        dossier: The dossier.

    Returns:
        The table.

    Raises:
        ImportError: If pandas is not installed.

    Example:
        >>> from catdomain import datasets, tables
        >>> iss = tables.issuances(datasets.load())
        >>> joint = iss[iss.instrument_id == "kz-rules-video-surveillance"]
        >>> print(joint[["issuer", "number", "date", "paragraph"]].to_string(index=False))
                                issuer number       date paragraph
                 kz-procurator-general     46 2023-01-27        10
          kz-ministry-internal-affairs    176 2023-02-21        10
        kz-financial-monitoring-agency     54 2023-02-23        10
             kz-anti-corruption-agency     85 2023-02-27        10
    """
    fields, rows = _issuance_table(dossier)
    return _frame(fields, rows)


def _citation_table(dossier: Dossier) -> tuple[list[_Field], list[dict[str, Any]]]:
    fields = [
        _Field("citation_id", "string", required=True),
        _Field("instrument_id", "string", required=True),
        _category("instrument_kind", InstrumentKind),
        _Field("instrument_title", "string"),
        _Field("provisions", "string"),
        _Field("eids", "string"),
        *_SPAN_FIELDS,
    ]
    found = {i.id: i for i in dossier.instruments}
    rows = []
    for c in dossier.citations:
        inst = found[c.instrument]
        row: dict[str, Any] = {
            "citation_id": c.id,
            "instrument_id": c.instrument,
            "instrument_kind": inst.kind.value,
            "instrument_title": inst.title,
            "provisions": _joined(c.provisions),
            "eids": _joined(p.akn_eid for p in c.provisions),
        }
        row.update(_span_row(c.source))
        rows.append(row)
    return fields, rows


def citations(dossier: Dossier) -> DataFrame:
    """Every citation of an instrument, with the provisions cited, one row each.

    | Column | Meaning | dtype |
    | --- | --- | --- |
    | `citation_id` | Id of the citation | string |
    | `instrument_id` | Id of the instrument cited | string |
    | `instrument_kind` | Its kind | category |
    | `instrument_title` | Its title | string |
    | `provisions` | The provisions cited, "article 362 (4); article 370", `<NA>` for the whole instrument | string |
    | `eids` | Their Akoma Ntoso eIds, "art_362__para_4; art_370" | string |
    | `document` | Id of the document it was read from | string |
    | `paragraph` | Number of the paragraph | string |
    | `quote` | The text of the mention | string |
    | `start` | Offset of the quote | Int64 |
    | `end` | Offset just after the quote | Int64 |

    Args:
        dossier: The dossier.

    Returns:
        The table.

    Raises:
        ImportError: If pandas is not installed.

    Example:
        >>> from catdomain import datasets, tables
        >>> cit = tables.citations(datasets.load())
        >>> cit[cit.provisions.notna()].iloc[0][["instrument_id", "provisions", "eids"]].tolist()
        ['kz-criminal-code', 'article 50; article 63; article 72; article 73', 'art_50; art_63; art_72; art_73']
    """  # noqa: E501
    fields, rows = _citation_table(dossier)
    return _frame(fields, rows)


def _recommendation_table(dossier: Dossier) -> tuple[list[_Field], list[dict[str, Any]]]:
    fields = [
        _Field("recommendation_id", "string", required=True),
        _Field("document", "string", required=True),
        _Field("paragraph", "int"),
        _Field("heading", "string"),
        _Field("text", "string"),
        _Field("subparagraphs", "string"),
        _Field("selected_for_follow_up", "boolean"),
        *_date_fields("follow_up_deadline"),
        _Field("measures", "int"),
    ]
    rows = []
    for r in dossier.recommendations:
        row: dict[str, Any] = {
            "recommendation_id": r.id,
            "document": r.document,
            "paragraph": r.paragraph,
            "heading": r.heading,
            "text": r.text,
            "subparagraphs": _joined(s.letter for s in r.subparagraphs),
            "selected_for_follow_up": r.selected_for_follow_up,
            "measures": len(dossier.measures_answering(r.id)),
        }
        row.update(_date_row("follow_up_deadline", r.follow_up_deadline))
        rows.append(row)
    return fields, rows


def recommendations(dossier: Dossier) -> DataFrame:
    """Every recommendation, one row each, with how many measures answer it.

    | Column | Meaning | dtype |
    | --- | --- | --- |
    | `recommendation_id` | Id of the recommendation ("CAT/C/KAZ/CO/4#10") | string |
    | `document` | Id of the concluding observations | string |
    | `paragraph` | The paragraph number | int64 |
    | `heading` | The subject heading it stands under | string |
    | `text` | Its text, if held | string |
    | `subparagraphs` | Letters of its sub-paragraphs, "a; b; c" | string |
    | `selected_for_follow_up` | True if selected for follow-up, False if not, `<NA>` if unknown | boolean |
    | `follow_up_deadline` | First day of the follow-up deadline | datetime64[s] |
    | `follow_up_deadline_precision` | day, month or year | category |
    | `measures` | How many measures answer it | int64 |

    Args:
        dossier: The dossier.

    Returns:
        The table.

    Raises:
        ImportError: If pandas is not installed.

    Example:
        >>> from catdomain import datasets, tables
        >>> recs = tables.recommendations(datasets.load())
        >>> recs.set_index("paragraph").measures.loc[[10, 11, 21, 48]].tolist()
        [1, 28, 5, 1]
    """  # noqa: E501
    fields, rows = _recommendation_table(dossier)
    return _frame(fields, rows)


def _link_table(dossier: Dossier) -> tuple[list[_Field], list[dict[str, Any]]]:
    fields = [
        _Field("recommendation_id", "string", required=True),
        _Field("paragraph", "Int"),
        _Field("measure_id", "string", required=True),
        _category("category", MeasureCategory),
        _category("status", MeasureStatus, ordered=True),
        _Field("description", "string"),
    ]
    paragraphs = {r.id: r.paragraph for r in dossier.recommendations}
    rows = [
        {
            "recommendation_id": rec,
            "paragraph": paragraphs.get(rec),
            "measure_id": m.id,
            "category": m.category.value,
            "status": _value(m.status),
            "description": m.description,
        }
        for m in dossier.measures
        for rec in m.answers
    ]
    return fields, rows


def recommendation_measures(dossier: Dossier) -> DataFrame:
    """Which measure answers which recommendation: one row per link.

    A measure answering five recommendations gives five rows. Ordered as the
    measures are, then as each lists its recommendations.

    | Column | Meaning | dtype |
    | --- | --- | --- |
    | `recommendation_id` | Id of the recommendation | string |
    | `paragraph` | Its paragraph number | Int64 |
    | `measure_id` | Id of the measure | string |
    | `category` | The measure's category | category |
    | `status` | The measure's status | category (ordered) |
    | `description` | The measure's description | string |

    Args:
        dossier: The dossier.

    Returns:
        The table.

    Raises:
        ImportError: If pandas is not installed.

    Example:
        >>> from catdomain import datasets, tables
        >>> links = tables.recommendation_measures(datasets.load())
        >>> len(links)
        183
        >>> links[links.paragraph == 21].measure_id.tolist()[:3]
        ['m-separation-of-detainees', 'm-cells-instead-of-barracks', 'm-new-institutions-planned']
    """
    fields, rows = _link_table(dossier)
    return _frame(fields, rows)


def _finding_table(found: Iterable[Finding]) -> tuple[list[_Field], list[dict[str, Any]]]:
    fields = [
        _Field("code", "string", required=True),
        _Field("severity", "category", _SEVERITIES, ordered=True),
        _Field("path", "string"),
        _Field("message", "string"),
        _Field("paragraphs", "string"),
        _Field("figures", "string"),
    ]
    rows = []
    for f in found:
        paragraphs = dict.fromkeys(s.paragraph for s in f.spans if s.paragraph)
        rows.append(
            {
                "code": f.code,
                "severity": str(f.severity.value),
                "path": f.path,
                "message": f.message,
                "paragraphs": _joined(paragraphs),
                "figures": _joined(f.figures),
            }
        )
    return fields, rows


def findings(found: Iterable[Finding]) -> DataFrame:
    """Validation findings, one row each, in the order given.

    `severity` is an ordered category with ``error > warning > info``, so
    ``table[table.severity >= "warning"]`` keeps warnings and errors and
    ``sort_values("severity", ascending=False)`` puts errors first.

    | Column | Meaning | dtype |
    | --- | --- | --- |
    | `code` | The rule's code ("arithmetic.stated-change") | string |
    | `severity` | info < warning < error | category (ordered) |
    | `path` | JSON path of the object concerned | string |
    | `message` | The finding in a sentence | string |
    | `paragraphs` | Numbers of the paragraphs of its evidence, joined | string |
    | `figures` | The figures it rests on, "sum of parts = 237; whole = 238" | string |

    Args:
        found: Findings, as `catdomain.validate` returns them.

    Returns:
        The table.

    Raises:
        ImportError: If pandas is not installed.

    Example:
        >>> import catdomain as cd
        >>> from catdomain import datasets, tables
        >>> table = tables.findings(cd.validate(datasets.load(), texts=datasets.texts()))
        >>> table[table.severity >= "warning"].code.tolist()
        ['arithmetic.stated-change', 'follow-up.late-reply', 'time.completion-passed']
    """
    fields, rows = _finding_table(found)
    return _frame(fields, rows)


# --------------------------------------------------------------------------
# For catdomain.exports: the tables by name, with their column specifications

_Builder = Callable[[Dossier], tuple[list[_Field], list[dict[str, Any]]]]

_TABLES: dict[str, tuple[_Builder, Callable[..., Any]]] = {
    "observations": (lambda d: _observation_table(d, exact=True), observations),
    "measures": (_measure_table, measures),
    "instruments": (_instrument_table, instruments),
    "issuances": (_issuance_table, issuances),
    "citations": (_citation_table, citations),
    "recommendations": (_recommendation_table, recommendations),
    "recommendation_measures": (_link_table, recommendation_measures),
}
"""The dossier tables `catdomain.exports.export` writes, in order."""

_ROW = re.compile(r"^\|\s*`([^`]+)`\s*\|(.*)\|\s*([^|]+?)\s*\|\s*$")


def _column_docs(function: Callable[..., Any]) -> dict[str, tuple[str, str]]:
    """Column → (meaning, dtype) from the table in `function`'s docstring."""
    docs: dict[str, tuple[str, str]] = {}
    for line in (inspect.getdoc(function) or "").splitlines():
        match = _ROW.match(line.strip())
        if match:
            docs[match.group(1)] = (match.group(2).strip(), match.group(3))
    return docs
