"""Write a dossier's tables as CSV, Parquet or SDMX-CSV, with a Frictionless descriptor.

`export` writes the tables of `catdomain.tables` into one directory together
with a `Frictionless Data Package <https://datapackage.org>`_ descriptor,
``datapackage.json``, that names every file and types every column (Table
Schema types ``string``, ``integer``, ``number``, ``boolean``, ``date``;
vocabularies as ``categories``). `read_back` reads such a directory into
DataFrames equal to the originals, dtypes included.

Formats:

``csv``
    One UTF-8 CSV file per table, with a header, ``,`` as delimiter and
    ``\\n`` line ends. Dates are ISO 8601 (``2023-01-27``), booleans
    ``true``/``false``, missing values empty. Exact values are written as
    their exact decimal text (``19.2``, never ``19.199999999999999``).
``parquet``
    One Parquet file per table. Exact values are ``decimal128`` with the
    smallest precision and scale that hold every value of the column
    (``decimal256`` beyond 38 digits), so tools that read Parquet get
    numbers they can add exactly; dates are ``date32``, vocabularies
    dictionary-encoded strings. Parquet keeps a decimal's value, not its
    trailing zeros: a column of ``19.2`` and ``40000`` is stored with
    scale 1, and `read_back` gives ``Decimal("19.2")`` and
    ``Decimal("40000")`` again (an exact ``19.20`` would come back as the
    equal ``19.2``).
``sdmx-csv``
    The observations as an SDMX-CSV 2.0 file (``observations.sdmx.csv``),
    see `sdmx_table` for its columns; plus ``findings.csv`` when findings
    are given.

Files are written atomically (a temporary file in the target directory,
then a rename), only inside the target directory, and never over an
existing file unless ``overwrite=True``.

pandas and, for Parquet, pyarrow are optional dependencies (the
``analysis`` extra), imported only when needed.

Example:
    >>> import tempfile
    >>> from catdomain import datasets, exports, tables
    >>> dossier = datasets.load()
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = exports.export(dossier, folder, format="csv")
    ...     back = exports.read_back(folder)
    >>> [p.name for p in written]  # doctest: +NORMALIZE_WHITESPACE
    ['observations.csv', 'measures.csv', 'instruments.csv', 'issuances.csv',
     'citations.csv', 'recommendations.csv', 'recommendation_measures.csv',
     'datapackage.json']
    >>> back["observations"].equals(tables.observations(dossier, exact=True))
    True
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from catdomain import tables as _tables
from catdomain._dates import Instant, Period, Pooled, TimeReference
from catdomain._model.dossier import Dossier
from catdomain.exceptions import InputError
from catdomain.tables import _Field
from catdomain.vocab import ObservationStatus, Qualifier, ValueKind

if TYPE_CHECKING:
    from pandas import DataFrame

    from catdomain.validation import Finding

__all__ = ["FORMATS", "Format", "export", "read_back", "sdmx_table"]

Format = Literal["csv", "parquet", "sdmx-csv"]
"""The formats `export` writes."""

FORMATS: tuple[Format, ...] = ("csv", "parquet", "sdmx-csv")
"""The formats `export` writes, in the CLI's order."""

DESCRIPTOR = "datapackage.json"
"""The file name of the Data Package descriptor (after the prefix, if any)."""

SDMX_STRUCTURE = "dataflow"
SDMX_STRUCTURE_ID = "CATDOMAIN:FOLLOW_UP_SERIES(1.0)"
"""The structure SDMX-CSV files name: catdomain's follow-up series (agency CATDOMAIN)."""

_INSTALL = 'pip install "catdomain[analysis]"'
_PREFIX = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_MEDIA = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "sdmx-csv": "application/vnd.sdmx.data+csv; version=2.0.0",
}


def _require(module: str, purpose: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ImportError(f"{purpose} needs {module}: {_INSTALL}") from None


# --------------------------------------------------------------------------
# SDMX-CSV

_SDMX_DESCRIPTIONS = {
    "STRUCTURE": "SDMX-CSV: the kind of structure the data conform to",
    "STRUCTURE_ID": "SDMX-CSV: the structure's id, AGENCY:ID(VERSION)",
    "ACTION": "SDMX-CSV: I (information: add or replace)",
    "REF_AREA": "Dimension: the State (ISO 3166-1 alpha-3), if the dossier concerns one",
    "SERIES": "Dimension: the series id",
    "CONCEPT": "Dimension: what is counted",
    "UNIT_MEASURE": "Dimension: the unit or counted thing",
    "VALUE_KIND": "Dimension: actual, target, baseline or plan",
    "TIME_PERIOD": "SDMX time period: 2023, 2023-05, 2023-05-10, or a range "
    "2021-01-01/P3Y; empty when undated; the known bound of an open period",
    "OBS_VALUE": "The figure, exact",
    "OBS_STATUS": "SDMX observation status (A, E, P, F, B), if stated",
    "QUALIFIER": "Extra: exact, approximate, more-than, at-least, less-than, at-most",
    "VALUE_TEXT": "Extra: the figure as written",
    "BREAKDOWN": "Extra: the series' dimensions with their original names, 'status=civilian; …'",
    "TIME": "Extra: the time in catdomain's notation (2021/2023, ../2030, 2023+2024)",
    "TIME_TYPE": "Extra: instant, period, pooled or none",
    "OBSERVATION_ID": "Extra: the observation id",
    "INDICATOR": "Extra: the id of the indicator the series measures",
    "SOURCE_DOCUMENT": "Extra: id of the document the figure was read from",
    "SOURCE_PARAGRAPH": "Extra: number of the paragraph",
    "SOURCE_QUOTE": "Extra: the text the figure was read from",
    "SOURCE_START": "Extra: offset of the quote in the document's text",
    "SOURCE_END": "Extra: offset just after the quote",
}


def _sdmx_id(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_").upper() or "DIMENSION"


def _sdmx_time(time: TimeReference | None) -> str | None:
    """The SDMX time period of a time reference (Gregorian period or time range)."""
    if time is None:
        return None
    if isinstance(time, Instant):
        return str(time.date)
    if isinstance(time, Pooled):
        first, last = time.earliest(), time.latest()
        if first is None or last is None:
            known = first or last
            return None if known is None else known.isoformat()
        starts = [p.start for p in time.periods if p.start is not None]
        ends = [p.end for p in time.periods if p.end is not None]
        covering = Period(
            start=min(starts, key=lambda d: d.earliest()), end=max(ends, key=lambda d: d.latest())
        )
        return _sdmx_time(covering)
    start, end = time.start, time.end
    if start is None or end is None:
        known_bound = start or end
        return None if known_bound is None else str(known_bound)
    if start == end:
        return str(start)
    precision = start.precision
    if precision is end.precision and precision.value == "year":
        return f"{start.year:04d}-01-01/P{end.year - start.year + 1}Y"
    if precision is end.precision and precision.value == "month":
        assert start.month is not None
        assert end.month is not None
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return f"{start.earliest().isoformat()}/P{months}M"
    days = (end.latest() - start.earliest()).days + 1
    return f"{start.earliest().isoformat()}/P{days}D"


def _sdmx_parts(dossier: Dossier) -> tuple[list[_Field], list[dict[str, Any]]]:
    names: list[str] = []
    for series in dossier.series:
        for dim in series.key.breakdown:
            if dim.name not in names:
                names.append(dim.name)
    columns: dict[str, str] = {}
    taken = {"SERIES", "CONCEPT", "UNIT_MEASURE", "VALUE_KIND", "REF_AREA"}
    for name in names:
        column = f"BREAKDOWN_{_sdmx_id(name)}"
        n = 2
        while column in taken:
            column = f"BREAKDOWN_{_sdmx_id(name)}_{n}"
            n += 1
        taken.add(column)
        columns[name] = column
    concept_dims: dict[tuple[str, str], set[str]] = {}
    for series in dossier.series:
        dims = concept_dims.setdefault((series.key.concept, series.key.unit), set())
        dims.update(d.name for d in series.key.breakdown)
    states = {d.state for d in dossier.documents if d.state}
    area = next(iter(states)) if len(states) == 1 else None

    fields = [
        _Field("STRUCTURE", "string", required=True),
        _Field("STRUCTURE_ID", "string", required=True),
        _Field("ACTION", "string", required=True),
        _Field("REF_AREA", "string"),
        _Field("SERIES", "string", required=True),
        _Field("CONCEPT", "string", required=True),
        _Field("UNIT_MEASURE", "string", required=True),
        _tables._category("VALUE_KIND", ValueKind),
        *(_Field(columns[name], "string") for name in names),
        _Field("TIME_PERIOD", "string"),
        _Field("OBS_VALUE", "decimal", required=True),
        _tables._category("OBS_STATUS", ObservationStatus),
        _tables._category("QUALIFIER", Qualifier),
        _Field("VALUE_TEXT", "string"),
        _Field("BREAKDOWN", "string"),
        _Field("TIME", "string"),
        _Field("TIME_TYPE", "category", _tables._TIME_TYPES),
        _Field("OBSERVATION_ID", "string", required=True),
        _Field("INDICATOR", "string"),
        _Field("SOURCE_DOCUMENT", "string"),
        _Field("SOURCE_PARAGRAPH", "string"),
        _Field("SOURCE_QUOTE", "string"),
        _Field("SOURCE_START", "Int"),
        _Field("SOURCE_END", "Int"),
    ]
    rows = []
    for series, obs in dossier.observations():
        key = series.key
        own = {d.name: d.value for d in key.breakdown}
        applicable = concept_dims[(key.concept, key.unit)]
        row: dict[str, Any] = {
            "STRUCTURE": SDMX_STRUCTURE,
            "STRUCTURE_ID": SDMX_STRUCTURE_ID,
            "ACTION": "I",
            "REF_AREA": area,
            "SERIES": series.id,
            "CONCEPT": key.concept,
            "UNIT_MEASURE": key.unit,
            "VALUE_KIND": key.value_kind.value,
            "TIME_PERIOD": _sdmx_time(obs.time),
            "OBS_VALUE": obs.value,
            "OBS_STATUS": None if obs.status is None else obs.status.value,
            "QUALIFIER": obs.qualifier.value,
            "VALUE_TEXT": obs.text,
            "BREAKDOWN": _tables._joined(key.breakdown),
            "TIME": None if obs.time is None else str(obs.time),
            "TIME_TYPE": _tables._time_row(obs.time)["time_type"],
            "OBSERVATION_ID": obs.id,
            "INDICATOR": series.indicator,
        }
        for name, column in columns.items():
            row[column] = own.get(name, "_T" if name in applicable else "_Z")
        if obs.source is not None:
            row.update(
                SOURCE_DOCUMENT=obs.source.document,
                SOURCE_PARAGRAPH=obs.source.paragraph,
                SOURCE_QUOTE=obs.source.quote,
                SOURCE_START=obs.source.start,
                SOURCE_END=obs.source.end,
            )
        rows.append(row)
    return fields, rows


def sdmx_table(dossier: Dossier) -> DataFrame:
    """The observations in SDMX-CSV 2.0 layout, as `export` writes them for ``sdmx-csv``.

    One row per observation. The columns SDMX defines come first:
    ``STRUCTURE``, ``STRUCTURE_ID`` (``CATDOMAIN:FOLLOW_UP_SERIES(1.0)``) and
    ``ACTION``; the dimensions ``REF_AREA``, ``SERIES``, ``CONCEPT``,
    ``UNIT_MEASURE``, ``VALUE_KIND`` and one ``BREAKDOWN_<NAME>`` column per
    breakdown dimension of the dossier (the series' value; ``_T``, SDMX's
    code for a total, when other series of the same concept break it down
    and this one does not; ``_Z``, not applicable, otherwise); then
    ``TIME_PERIOD``, ``OBS_VALUE`` (exact) and ``OBS_STATUS``.

    ``TIME_PERIOD`` follows SDMX: ``2023``, ``2023-05``, ``2023-05-10`` for a
    year, a month or a day, and a time range of start and duration for
    longer periods (2021–2023 is ``2021-01-01/P3Y``). What SDMX cannot
    express is kept in extra columns: pooled periods ("in 2023 and 2024")
    are written as the range that covers them (``2023-01-01/P2Y``) with
    ``TIME_TYPE`` ``pooled`` and ``TIME`` ``2023+2024``; an open period
    ("by 2030") gets its known bound (``2030``) with ``TIME`` ``../2030``;
    an undated figure an empty ``TIME_PERIOD``.

    Extra columns, after the SDMX ones: ``QUALIFIER``, ``VALUE_TEXT``,
    ``BREAKDOWN`` (the dimensions with their original names), ``TIME``,
    ``TIME_TYPE``, ``OBSERVATION_ID``, ``INDICATOR``, ``SOURCE_DOCUMENT``,
    ``SOURCE_PARAGRAPH``, ``SOURCE_QUOTE``, ``SOURCE_START`` and
    ``SOURCE_END``.

    Args:
        dossier: The dossier.

    Returns:
        The table; ``OBS_VALUE`` holds `Decimal` objects.

    Raises:
        ImportError: If pandas is not installed.

    Example:
        >>> from catdomain import datasets, exports
        >>> sdmx = exports.sdmx_table(datasets.load()).set_index("OBSERVATION_ID")
        >>> columns = ["TIME_PERIOD", "OBS_VALUE", "QUALIFIER"]
        >>> sdmx.loc["o-disciplined-penal-total", columns].tolist()
        ['2021-01-01/P3Y', Decimal('400'), 'more-than']
        >>> sdmx.loc["o-jan-officers", ["BREAKDOWN_STATUS", "BREAKDOWN_CIRCUMSTANCE"]].tolist()
        ['security forces officer', '_T']
    """
    fields, rows = _sdmx_parts(dossier)
    return _tables._frame(fields, rows)


# --------------------------------------------------------------------------
# Table Schema


def _schema_field(field: _Field, description: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": field.name}
    kind = field.kind
    constraints: dict[str, Any] = {}
    if kind in ("string", "category"):
        out["type"] = "string"
    elif kind in ("int", "Int"):
        out["type"] = "integer"
    elif kind in ("number", "decimal"):
        out["type"] = "number"
    elif kind == "boolean":
        out["type"] = "boolean"
        out["trueValues"] = ["true"]
        out["falseValues"] = ["false"]
    elif kind == "date":
        out["type"] = "date"
        out["format"] = "default"
    if description:
        out["description"] = description
    if kind == "decimal":
        out["catdomain:decimal"] = True
    if kind == "category":
        out["categories"] = list(field.categories)
        out["categoriesOrdered"] = field.ordered
        constraints["enum"] = list(field.categories)
    if field.required or kind == "int":
        constraints["required"] = True
    if constraints:
        out["constraints"] = constraints
    return out


def _field_of(descriptor: dict[str, Any], *, exact: bool) -> _Field:
    name = str(descriptor["name"])
    kind_of = {"integer": "Int", "number": "number", "boolean": "boolean", "date": "date"}
    constraints = descriptor.get("constraints") or {}
    required = bool(constraints.get("required"))
    type_ = descriptor.get("type", "string")
    if descriptor.get("categories"):
        return _Field(
            name,
            "category",
            tuple(str(c) for c in descriptor["categories"]),
            bool(descriptor.get("categoriesOrdered")),
        )
    if type_ == "integer" and required:
        return _Field(name, "int", required=True)
    if type_ == "number" and descriptor.get("catdomain:decimal") and exact:
        return _Field(name, "decimal", required=required)
    return _Field(name, kind_of.get(type_, "string"), required=required)


def _descriptions(table: str, fields: Sequence[_Field]) -> dict[str, str]:
    if table == "observations-sdmx":
        return dict(_SDMX_DESCRIPTIONS)
    function = getattr(_tables, table, None)
    docs = _tables._column_docs(function) if function is not None else {}
    out = {name: meaning.replace("`", "") for name, (meaning, _) in docs.items()}
    for f in fields:
        if f.name.startswith("breakdown.") and f.name not in out:
            out[f.name] = f"The series' value for the breakdown dimension {f.name[10:]!r}"
        if f.name.startswith("BREAKDOWN_"):
            out[f.name] = "Dimension: a breakdown dimension (_T total, _Z not applicable)"
    return out


_KEYS: dict[str, tuple[list[str], list[dict[str, Any]]]] = {
    "observations": (["observation_id"], []),
    "measures": (["measure_id"], []),
    "instruments": (["instrument_id"], []),
    "issuances": (
        ["instrument_id", "issuance"],
        [{"fields": ["instrument_id"], "reference": {"resource": "instruments"}}],
    ),
    "citations": (
        ["citation_id"],
        [{"fields": ["instrument_id"], "reference": {"resource": "instruments"}}],
    ),
    "recommendations": (["recommendation_id"], []),
    "recommendation_measures": (
        ["recommendation_id", "measure_id"],
        [
            {"fields": ["recommendation_id"], "reference": {"resource": "recommendations"}},
            {"fields": ["measure_id"], "reference": {"resource": "measures"}},
        ],
    ),
    "observations-sdmx": (["OBSERVATION_ID"], []),
}


# --------------------------------------------------------------------------
# Cells


def _decimal_text(value: Decimal) -> str:
    """Exact decimal text, written out without an exponent where reasonable."""
    text = str(value)
    if "E" in text:
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)
        if exponent <= 20 and value.adjusted() >= -20:
            return format(value, "f")
    return text


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any, kind: str) -> Any:
    """A cell as a plain Python value (None when missing)."""
    if _missing(value):
        return None
    if kind == "date":
        return datetime.date(value.year, value.month, value.day)
    if kind in ("int", "Int"):
        return int(value)
    if kind == "number":
        return float(value)
    if kind == "boolean":
        return bool(value)
    if kind == "decimal":
        return value if isinstance(value, Decimal) else Decimal(str(value))
    return str(value)


def _csv_cell(value: Any, kind: str) -> str:
    plain = _plain(value, kind)
    if plain is None:
        return ""
    if kind == "date":
        return str(plain.isoformat())
    if kind == "boolean":
        return "true" if plain else "false"
    if kind == "decimal":
        return _decimal_text(plain)
    if kind == "number":
        return repr(plain)
    return str(plain)


def _parse_cell(text: Any, field: _Field) -> Any:
    if _missing(text):
        return None
    if isinstance(text, str):
        kind = field.kind
        if kind == "date":
            return datetime.date.fromisoformat(text)
        if kind in ("int", "Int"):
            return int(text)
        if kind == "number":
            return float(text)
        if kind == "decimal":
            return Decimal(text)
        if kind == "boolean":
            if text in ("true", "True", "TRUE", "1"):
                return True
            if text in ("false", "False", "FALSE", "0"):
                return False
            raise ValueError(f"not a boolean: {text!r}")
        return text
    return _from_arrow(text, field)


def _from_arrow(value: Any, field: _Field) -> Any:
    kind = field.kind
    if kind == "decimal":
        return _trim(value if isinstance(value, Decimal) else Decimal(str(value)))
    if kind == "number":
        return float(value)
    if kind in ("int", "Int"):
        return int(value)
    if kind == "date" and isinstance(value, datetime.datetime):
        return value.date()
    if kind in ("string", "category"):
        return str(value)
    return value


def _trim(value: Decimal) -> Decimal:
    """Drop the trailing fractional zeros a Parquet decimal scale adds (40000.0 → 40000).

    Works on the digits, not through arithmetic, so no decimal context can
    round a long value.
    """
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    kept = list(digits)
    while exponent < 0 and len(kept) > 1 and kept[-1] == 0:
        kept.pop()
        exponent += 1
    return Decimal((sign, tuple(kept), exponent))


# --------------------------------------------------------------------------
# Writing


def _csv_bytes(frame: DataFrame, fields: Sequence[_Field]) -> bytes:
    pd = _require("pandas", "catdomain.exports")
    text_columns = {
        f.name: pd.Series([_csv_cell(v, f.kind) for v in frame[f.name]], dtype=object)
        for f in fields
    }
    table = pd.DataFrame(text_columns, columns=[f.name for f in fields])
    text: str = table.to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")


def _decimal_type(values: Iterable[Decimal]) -> Any:
    pa = _require("pyarrow", "writing Parquet")
    scale = 0
    integer_digits = 1
    for value in values:
        _, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        scale = max(scale, -exponent)
        integer_digits = max(integer_digits, len(digits) + exponent)
    precision = integer_digits + scale
    if precision <= 38:
        return pa.decimal128(precision, scale)
    if precision <= 76:
        return pa.decimal256(precision, scale)
    return pa.string()


def _arrow_table(frame: DataFrame, fields: Sequence[_Field]) -> Any:
    pa = _require("pyarrow", "writing Parquet")
    arrays = []
    for f in fields:
        values = [_plain(v, f.kind) for v in frame[f.name]]
        kind = f.kind
        if kind == "decimal":
            type_ = _decimal_type(v for v in values if v is not None)
            if type_ == pa.string():
                values = [None if v is None else _decimal_text(v) for v in values]
            array = pa.array(values, type=type_)
        elif kind == "category":
            array = pa.array(values, type=pa.string()).dictionary_encode()
        else:
            type_ = {
                "string": pa.string(),
                "int": pa.int64(),
                "Int": pa.int64(),
                "number": pa.float64(),
                "boolean": pa.bool_(),
                "date": pa.date32(),
            }[kind]
            array = pa.array(values, type=type_)
        arrays.append(array)
    return pa.Table.from_arrays(arrays, names=[f.name for f in fields])


_Writer = Callable[[Path, Mapping[Path, Path]], None]
"""Writes one file to a temporary path, given the temporary files written before it."""


def _parquet_writer(pq: Any, table: Any) -> _Writer:
    def write(path: Path, written: Mapping[Path, Path]) -> None:
        pq.write_table(table, str(path))

    return write


def _bytes_writer(content: bytes) -> _Writer:
    def write(path: Path, written: Mapping[Path, Path]) -> None:
        path.write_bytes(content)

    return write


def _check_prefix(prefix: str) -> None:
    if prefix and not _PREFIX.fullmatch(prefix):
        raise InputError(
            prefix,
            "a file name prefix may hold only letters, digits, '.', '_' and '-', must start "
            "with a letter or digit and may not name a folder",
        )


def _target(directory: Path, name: str) -> Path:
    """The path of `name` in `directory`, refusing anything that would leave it."""
    if (
        not name
        or name in (".", "..")
        or "/" in name
        or "\\" in name
        or "\0" in name
        or Path(name).is_absolute()
        or Path(name).name != name
    ):
        raise InputError(name, "not a plain file name: files are written only inside the folder")
    path = directory / name
    if path.parent.resolve() != directory.resolve():  # pragma: no cover - a plain name stays
        raise InputError(path, f"is outside {directory}")
    return path


def _check_targets(paths: Iterable[Path], *, overwrite: bool) -> None:
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            raise InputError(path, "is a folder; cannot replace it with a file")
        if not overwrite and os.path.lexists(path):
            raise InputError(path, "already exists; pass overwrite=True (catdomain export --force)")


def _temporary(directory: Path, name: str) -> Path:
    """Create an empty file with a fresh name in `directory` (permissions as the umask allows)."""
    for _ in range(100):
        candidate = directory / f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        os.close(fd)
        return candidate
    raise InputError(directory, "cannot create a temporary file")  # pragma: no cover


def _write_all(directory: Path, files: Sequence[tuple[Path, _Writer]]) -> None:
    """Write every file to a temporary file in `directory`, then rename them all into place."""
    temporaries: dict[Path, Path] = {}
    try:
        for path, write in files:
            temporary = _temporary(directory, path.name)
            write(temporary, dict(temporaries))
            temporaries[path] = temporary
        for path, temporary in temporaries.items():
            os.replace(temporary, path)
    except InputError:
        raise
    except OSError as error:
        raise InputError(directory, error.strerror or str(error)) from None
    finally:
        for temporary in temporaries.values():
            temporary.unlink(missing_ok=True)


def _prepare(directory: str | os.PathLike[str]) -> Path:
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(folder, error.strerror or str(error)) from None
    return folder.resolve()


def _package_name(dossier: Dossier) -> str:
    name = re.sub(r"[^a-z0-9._-]+", "-", dossier.id.lower()).strip("-._")
    return name or "dossier"


def _sha256(path: Path) -> tuple[str, int]:
    data = path.read_bytes()
    return "sha256:" + hashlib.sha256(data).hexdigest(), len(data)


def export(
    dossier: Dossier,
    directory: str | os.PathLike[str],
    *,
    format: Format = "csv",
    findings: Iterable[Finding] | None = None,
    overwrite: bool = False,
    prefix: str = "",
) -> list[Path]:
    """Write the dossier's tables and a ``datapackage.json`` into `directory`.

    ``csv`` and ``parquet`` write the tables `catdomain.tables` gives:
    ``observations`` (exact values), ``measures``, ``instruments``,
    ``issuances``, ``citations``, ``recommendations`` and
    ``recommendation_measures``, one file each; ``sdmx-csv`` writes the
    observations as one SDMX-CSV file (see `sdmx_table`). With `findings`,
    a ``findings`` table too (CSV for ``sdmx-csv``). Last comes the Data
    Package descriptor ``datapackage.json``: the name, path, format and media
    type of every file (and, for CSV, its size and SHA-256), and its Table
    Schema (column types, descriptions, vocabularies, primary and foreign
    keys). The descriptor validates with the Frictionless tools
    (``frictionless validate datapackage.json``).

    The folder is created if needed. Every file is first written to a
    temporary file in the folder and then renamed into place; if any file
    would be overwritten and `overwrite` is false, nothing is written.

    Args:
        dossier: The dossier.
        directory: The folder to write into.
        format: ``csv``, ``parquet`` or ``sdmx-csv``.
        findings: Validation findings to write as a table too.
        overwrite: Replace files that exist already.
        prefix: Put before every file name ("kaz-" gives ``kaz-measures.csv``
            and ``kaz-datapackage.json``), to keep several dossiers in one
            folder. Letters, digits, ``.``, ``_`` and ``-`` only.

    Returns:
        The paths written, the descriptor last.

    Raises:
        InputError: If `directory` is a file or cannot be created, a file
            exists and `overwrite` is false, the prefix is not a plain name,
            or writing fails.
        ValueError: For an unknown format.
        ImportError: If pandas (or, for Parquet, pyarrow) is not installed.

    Example:
        >>> import tempfile
        >>> from catdomain import datasets, exports
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     paths = exports.export(datasets.load(), folder, format="sdmx-csv")
        ...     print([p.name for p in paths])
        ...     print(paths[0].read_text(encoding="utf-8").splitlines()[0][:60])
        ['observations.sdmx.csv', 'datapackage.json']
        STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,SERIES,CONCEPT,UNIT_M
    """
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
    _require("pandas", "catdomain.exports")
    if format == "parquet":
        _require("pyarrow", "writing Parquet")
        import pyarrow.parquet as pq
    _check_prefix(prefix)
    folder = _prepare(directory)

    parts: list[tuple[str, list[_Field], Any, str]] = []  # name, fields, frame, file format
    if format == "sdmx-csv":
        fields, rows = _sdmx_parts(dossier)
        parts.append(("observations-sdmx", fields, _tables._frame(fields, rows), "sdmx-csv"))
    else:
        for name, (build, _) in _tables._TABLES.items():
            fields, rows = build(dossier)
            parts.append((name, fields, _tables._frame(fields, rows), format))
    if findings is not None:
        fields, rows = _tables._finding_table(findings)
        table_format = "csv" if format == "sdmx-csv" else format
        parts.append(("findings", fields, _tables._frame(fields, rows), table_format))

    files: list[tuple[Path, _Writer]] = []
    resources: list[tuple[str, list[_Field], str, Path]] = []
    for name, fields, frame, file_format in parts:
        if file_format == "sdmx-csv":
            file_name = f"{prefix}observations.sdmx.csv"
        else:
            file_name = f"{prefix}{name}.{'parquet' if file_format == 'parquet' else 'csv'}"
        path = _target(folder, file_name)
        if file_format == "parquet":
            write = _parquet_writer(pq, _arrow_table(frame, fields))
        else:
            write = _bytes_writer(_csv_bytes(frame, fields))
        files.append((path, write))
        resources.append((name, fields, file_format, path))

    descriptor_path = _target(folder, f"{prefix}{DESCRIPTOR}")

    def write_descriptor(tmp: Path, written: Mapping[Path, Path]) -> None:
        package = _descriptor(dossier, resources, format, written)
        tmp.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    # Refuse before writing anything. The descriptor records the data files'
    # hashes, so it is written last; all files are renamed into place together.
    _check_targets([path for path, _ in files] + [descriptor_path], overwrite=overwrite)
    _write_all(folder, [*files, (descriptor_path, write_descriptor)])
    return [path for path, _ in files] + [descriptor_path]


def _descriptor(
    dossier: Dossier,
    resources: Sequence[tuple[str, list[_Field], str, Path]],
    format: str,
    written: Mapping[Path, Path],
) -> dict[str, Any]:
    from catdomain.serialization import SCHEMA_VERSION

    entries = []
    for name, fields, file_format, path in resources:
        descriptions = _descriptions(name, fields)
        primary, foreign = _KEYS.get(name, ([], []))
        names = {r[0] for r in resources}
        schema: dict[str, Any] = {
            "fields": [_schema_field(f, descriptions.get(f.name)) for f in fields],
            "missingValues": [""],
        }
        if primary:
            schema["primaryKey"] = primary
        usable = [fk for fk in foreign if fk["reference"]["resource"] in names]
        if usable:
            schema["foreignKeys"] = [
                {"fields": fk["fields"], "reference": {**fk["reference"], "fields": fk["fields"]}}
                for fk in usable
            ]
        entry: dict[str, Any] = {
            "name": name,
            "path": path.name,
            "profile": "tabular-data-resource",
            "format": "parquet" if file_format == "parquet" else "csv",
            "mediatype": _MEDIA[file_format],
        }
        if file_format != "parquet":
            # Frictionless checks size and hash of text files only (it reads
            # Parquet through pyarrow and cannot count its bytes).
            digest, size = _sha256(written.get(path, path))
            entry["bytes"] = size
            entry["hash"] = digest
            entry["encoding"] = "utf-8"
            entry["dialect"] = {
                "delimiter": ",",
                "lineTerminator": "\n",
                "quoteChar": '"',
                "doubleQuote": True,
                "header": True,
            }
        entry["schema"] = schema
        entries.append(entry)
    sources = [
        {"title": f"{doc.symbol}: {doc.title}" if doc.symbol and doc.title else doc.title or doc.id}
        for doc in dossier.documents
    ]
    return {
        "profile": "tabular-data-package",
        "name": _package_name(dossier),
        "title": dossier.title or dossier.id,
        "sources": sources,
        "catdomain": {"dossier": dossier.id, "schema_version": SCHEMA_VERSION, "format": format},
        "resources": entries,
    }


# --------------------------------------------------------------------------
# Reading back


def _read_csv(path: Path, fields: Sequence[_Field]) -> DataFrame:
    pd = _require("pandas", "catdomain.exports")
    try:
        raw = pd.read_csv(
            path, dtype=object, keep_default_na=False, na_values=[""], encoding="utf-8"
        )
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise InputError(path, f"cannot read as CSV: {error}") from None
    missing = [f.name for f in fields if f.name not in raw.columns]
    if missing:
        raise InputError(path, f"columns missing: {', '.join(missing)}")
    columns = {f.name: _parse_column(path, f, list(raw[f.name])) for f in fields}
    return _assemble(fields, columns, len(raw))


def _read_parquet(path: Path, fields: Sequence[_Field]) -> DataFrame:
    pq = _require("pyarrow.parquet", "reading Parquet")
    try:
        table = pq.read_table(str(path))
    except (OSError, ValueError) as error:
        raise InputError(path, f"cannot read as Parquet: {error}") from None
    missing = [f.name for f in fields if f.name not in table.column_names]
    if missing:
        raise InputError(path, f"columns missing: {', '.join(missing)}")
    columns = {f.name: _parse_column(path, f, table.column(f.name).to_pylist()) for f in fields}
    return _assemble(fields, columns, table.num_rows)


_KIND_WORDS = {
    "int": "a whole number",
    "Int": "a whole number",
    "number": "a number",
    "decimal": "a decimal number such as 19.2",
    "date": "a date (YYYY-MM-DD)",
    "boolean": "true or false",
}


def _parse_column(path: Path, field: _Field, values: Sequence[Any]) -> list[Any]:
    """Parse one column's cells, refusing values that do not fit the field."""
    parsed = []
    allowed = set(field.categories)
    for row, value in enumerate(values, start=2):
        try:
            cell = _parse_cell(value, field)
        except (ValueError, TypeError, ArithmeticError):
            what = _KIND_WORDS.get(field.kind, field.kind)
            raise InputError(
                path, f"row {row}, column {field.name!r}: {value!r} is not {what}"
            ) from None
        if cell is None and (field.kind == "int" or (field.required and field.kind != "string")):
            raise InputError(path, f"row {row}, column {field.name!r}: a value is required")
        if field.kind == "category" and cell is not None and cell not in allowed:
            raise InputError(
                path,
                f"row {row}, column {field.name!r}: {cell!r} is not one of "
                f"{', '.join(field.categories)}",
            )
        parsed.append(cell)
    return parsed


def _assemble(fields: Sequence[_Field], columns: dict[str, list[Any]], rows: int) -> DataFrame:
    pd = _require("pandas", "catdomain.exports")
    data = {f.name: _tables._column(columns[f.name], f) for f in fields}
    frame = pd.DataFrame(data, columns=[f.name for f in fields])
    frame.index = pd.RangeIndex(rows)
    return frame


def read_back(source: str | os.PathLike[str], *, exact: bool = True) -> dict[str, DataFrame]:
    """Read the tables a Data Package written by `export` describes.

    Column types come from the descriptor, so each table equals the one
    written: ``read_back(folder)["measures"]`` equals
    ``tables.measures(dossier)`` (`pandas.testing.assert_frame_equal`
    passes), and ``read_back(folder)["observations"]`` equals
    ``tables.observations(dossier, exact=True)``. Only files named in the
    descriptor *and* inside its folder are read.

    Args:
        source: The folder holding ``datapackage.json``, or the path of a
            descriptor (``kaz-datapackage.json``).
        exact: Give exact-decimal columns (observation values) as
            `Decimal` objects; with False, as float64, equal to
            ``tables.observations(dossier)``.

    Returns:
        The tables by resource name, in the descriptor's order
        (``observations-sdmx`` for an SDMX-CSV export).

    Raises:
        InputError: If the descriptor or a file cannot be read, or the
            descriptor names a file outside its folder.
        ImportError: If pandas (or, for Parquet, pyarrow) is not installed.

    Example:
        >>> import tempfile
        >>> from catdomain import datasets, exports, tables
        >>> from pandas.testing import assert_frame_equal
        >>> dossier = datasets.load()
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     _ = exports.export(dossier, folder, format="parquet")
        ...     back = exports.read_back(folder, exact=False)
        >>> assert_frame_equal(back["observations"], tables.observations(dossier))
        >>> back["observations"].value.dtype
        dtype('float64')
    """
    path = Path(source)
    descriptor_path = path / DESCRIPTOR if path.is_dir() else path
    try:
        package = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(descriptor_path, "no such file") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(descriptor_path, f"cannot read the descriptor: {error}") from None
    folder = descriptor_path.parent.resolve()
    result: dict[str, DataFrame] = {}
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        raise InputError(descriptor_path, "not a Data Package descriptor: no resources")
    for resource in resources:
        name = str(resource.get("name"))
        location = resource.get("path")
        if not isinstance(location, str):
            raise InputError(descriptor_path, f"resource {name!r} has no single path")
        file = _target(folder, location)
        if file.resolve().parent != folder:
            raise InputError(file, f"links to a file outside {folder}; not read")
        fields = [_field_of(f, exact=exact) for f in resource.get("schema", {}).get("fields", [])]
        if resource.get("format") == "parquet":
            result[name] = _read_parquet(file, fields)
        else:
            result[name] = _read_csv(file, fields)
    return result
