"""Reading and writing catdomain's JSON format, and its JSON Schema.

One converter module, built on cattrs in the manner of ``cattrs.preconf``:
`make_converter` returns a converter configured by `configure_converter`, and
the module-level functions use one default converter built lazily, once.

The format is a documented, versioned contract (see ``docs/format.md``):

- objects are JSON objects whose keys follow the attrs field order; fields
  equal to their default (None, empty tuples, default enum members) are
  omitted, so the output is canonical;
- decimals are JSON *strings* ("19.2", "40000"), never floats;
- dates are ISO 8601 strings at their precision ("2023", "2023-05",
  "2023-05-10"); document symbols, paragraph references and provisions are
  their text; vocabulary members are their values;
- `Instant`, `Period` and `Pooled` carry a ``"type"`` tag ("instant",
  "period", "pooled") wherever they appear;
- a Dossier document starts with ``"schema_version": "1.0"``.

Reading is strict: nothing is coerced (``"12"`` is not an int, a string is
not a list, a float is not a decimal), unknown keys are refused, and every
problem found is reported at once in one `SerializationError`, each with its
JSON path. With msgspec installed (the ``fast`` extra), `from_json` reads
through it, about twice as fast, with exactly the same results and errors.

Example:
    >>> import catdomain as cd
    >>> from catdomain.serialization import from_json, to_json
    >>> from decimal import Decimal
    >>> o = cd.Observation(id="o-1", value=Decimal("19.2"), time=cd.Period.year(2023))
    >>> print(to_json(o), end="")
    {
      "id": "o-1",
      "value": "19.2",
      "time": {
        "type": "period",
        "start": "2023",
        "end": "2023"
      }
    }
    >>> from_json(to_json(o), cd.Observation) == o
    True
"""

from __future__ import annotations

import copy
import functools
import gc
import inspect
import json
import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from importlib import resources
from pathlib import Path
from types import NoneType, UnionType
from typing import (
    Annotated,
    Any,
    Final,
    TypeAlias,
    TypeVar,
    Union,
    get_args,
    get_origin,
    overload,
)

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from catdomain._dates import Instant, PartialDate, Period, Pooled
from catdomain._model.dossier import Dossier
from catdomain.exceptions import (
    IntegrityError,
    ModelError,
    ParseError,
    Problem,
    SchemaVersionError,
    SerializationError,
)
from catdomain.identifiers import DocumentSymbol, ParagraphRef, ProvisionPath

try:  # the "fast" extra: same output, written several times faster
    import orjson
except ImportError:  # pragma: no cover - depends on the installation
    orjson = None  # type: ignore[assignment]

__all__ = [
    "DATE_PATTERN",
    "DECIMAL_PATTERN",
    "MIGRATIONS",
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "Migration",
    "configure_converter",
    "from_dict",
    "from_json",
    "json_schema",
    "load_schema",
    "make_converter",
    "to_dict",
    "to_json",
    "write_schema",
]

T = TypeVar("T")
E = TypeVar("E", bound=SerializationError)

SCHEMA_VERSION: Final = "1.0"
"""The version of the JSON format this release writes (and the newest it reads)."""

SCHEMA_ID: Final = f"https://catdomain.org/schema/dossier/{SCHEMA_VERSION}.json"
"""The ``$id`` of the Dossier JSON Schema: an identifier, never fetched."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""A function turning a Dossier document of one version into the next version's."""

MIGRATIONS: dict[str, Migration] = {}
"""Migrations of older Dossier documents, by the version they read.

Each function takes a document (a dict, which it may change: it receives a
copy) whose ``schema_version`` is the key it is registered under, and returns
the document of the next version, with ``schema_version`` set to it. Reading
applies them in a chain until the version is one this release reads. None
exist yet: 1.0 is the first version.

Example:
    >>> from catdomain.serialization import MIGRATIONS
    >>> MIGRATIONS
    {}
"""

DECIMAL_PATTERN: Final = r"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"
"""The form of a decimal in the JSON format (a string): no NaN, no Infinity."""

DATE_PATTERN: Final = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
"""The form of a partial date: ISO 8601 at year, month or day precision."""

_DECIMAL = re.compile(DECIMAL_PATTERN[1:-1])
_VERSION = re.compile(r"(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})")
_MAJOR, _MINOR = (int(part) for part in SCHEMA_VERSION.split("."))
_PADDING_LIMIT = 20
"""Decimals needing more zeros than this to be written out keep exponent notation."""

_TAGS: Final[dict[type, str]] = {Instant: "instant", Period: "period", Pooled: "pooled"}
"""The ``"type"`` tag of each time reference class."""


def _format_paragraph_ref(ref: ParagraphRef) -> str:
    """``str(ref)``, after ``"<symbol>#"`` when the reference names its document."""
    if ref.document is None:
        return str(ref)
    return f"{ref.document}#{ref}"


def _parse_paragraph_ref(text: str) -> ParagraphRef:
    symbol, hash_sign, paragraphs = text.rpartition("#")
    if not hash_sign:
        return ParagraphRef.parse(text)
    return ParagraphRef.parse(paragraphs, document=DocumentSymbol.parse(symbol))


_TEXT_TYPES: Final[dict[type, tuple[str, Callable[[str], Any], Callable[[Any], str]]]] = {
    PartialDate: (
        'an ISO 8601 date "YYYY", "YYYY-MM" or "YYYY-MM-DD"',
        PartialDate.parse,
        str,
    ),
    DocumentSymbol: (
        'a UN document symbol such as "CAT/C/KAZ/CO/4"',
        DocumentSymbol.parse,
        str,
    ),
    ParagraphRef: (
        'a paragraph reference such as "10, 12 and 14–16" or "CAT/C/KAZ/CO/4#10"',
        _parse_paragraph_ref,
        _format_paragraph_ref,
    ),
    ProvisionPath: (
        'a provision such as "article 362 (4)"',
        ProvisionPath.parse,
        str,
    ),
}
"""Value types written as text: what the text must look like, its parser and its writer."""

_EXPECTED_DECIMAL = 'a decimal number written as a string, such as "19.2"'

_ORJSON_OPTIONS: Final[dict[int | None, int]] = (
    {None: 0, 2: orjson.OPT_INDENT_2} if orjson is not None else {}
)
"""The indents orjson writes exactly as the standard library does."""


# --------------------------------------------------------------------------
# Describing values in error messages


def _describe(value: object) -> str:
    """A short, safe description of `value` for a `Problem` (never recurses)."""
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object (dict)"
    if isinstance(value, list | tuple):
        count = len(value)
        kind = type(value).__name__
        return f"a {kind} of {count} item{'s' if count != 1 else ''}"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 256:
        return "a very large int"
    try:
        shown = repr(value)
    except Exception:  # pragma: no cover - a broken __repr__
        shown = f"<{type(value).__name__}>"
    if len(shown) > 60:
        shown = shown[:57] + "..."
    return f"{shown} ({type(value).__name__})"


class _MismatchError(Exception):
    """A value that does not fit where it was found.

    Raised by the strict hooks; turned into a `Problem` whose path is the
    value's path plus `at` (".type" for a time reference's tag).
    """

    def __init__(self, expected: str, found: str, *, at: str = "") -> None:
        super().__init__(f"expected {expected}, found {found}")
        self.expected = expected
        self.found = found
        self.at = at


# --------------------------------------------------------------------------
# Strict structure hooks for scalars


def _structure_str(value: Any, _: Any) -> str:
    if type(value) is str:
        return value
    if isinstance(value, str):  # a str subclass, such as a vocabulary member: keep the text
        return str.__str__(value)
    raise _MismatchError("a string", _describe(value))


def _structure_int(value: Any, _: Any) -> int:
    if type(value) is int:
        return value
    raise _MismatchError("an integer", _describe(value))


def _structure_bool(value: Any, _: Any) -> bool:
    if value is True or value is False:
        return value
    raise _MismatchError("true or false", _describe(value))


def _structure_decimal(value: Any, _: Any) -> Decimal:
    kind = type(value)
    if kind is str:
        if _DECIMAL.fullmatch(value):
            try:
                return Decimal(value)
            except (InvalidOperation, ArithmeticError):
                raise _MismatchError(_EXPECTED_DECIMAL, "a number out of range") from None
        raise _MismatchError(_EXPECTED_DECIMAL, _describe(value))
    if kind is int:
        return Decimal(value)
    if kind is Decimal:
        if value.is_finite():
            return value  # type: ignore[no-any-return]
        raise _MismatchError("a finite decimal number", _describe(value))
    if kind is float:
        raise _MismatchError(
            f'{_EXPECTED_DECIMAL} (a float is not exact: write "{value!r}" in quotes)',
            _describe(value),
        )
    raise _MismatchError(_EXPECTED_DECIMAL, _describe(value))


def _structure_enum(value: Any, cl: type[Enum]) -> Enum:
    if isinstance(value, cl):
        return value
    if isinstance(value, str | int) and not isinstance(value, bool):
        member = cl._value2member_map_.get(value)
        if member is not None:
            return member
    values = ", ".join(repr(m.value) for m in cl)
    raise _MismatchError(f"one of {values}", _describe(value))


def _text_value_hook(cl: type) -> Callable[[Any, Any], Any]:
    expected, uncached, _ = _TEXT_TYPES[cl]
    # The values are immutable and recur (dates above all): parse each text once.
    parse = functools.lru_cache(maxsize=4096)(uncached)

    def structure_text_value(value: Any, _: Any) -> Any:
        if type(value) is not str:
            if isinstance(value, cl):
                return value
            raise _MismatchError(expected, _describe(value))
        try:
            return parse(value)
        except (ParseError, ModelError) as error:
            raise _MismatchError(f"{expected} ({error.reason})", _describe(value)) from None

    structure_text_value.__name__ = f"structure_{cl.__name__}"
    return structure_text_value


# --------------------------------------------------------------------------
# Structure hook factories: tuples, optionals, time references, attrs classes


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _union_members(t: Any) -> tuple[Any, ...] | None:
    """The members of a union type, or None if `t` is not a union."""
    if isinstance(t, UnionType) or get_origin(t) is Union:
        return get_args(t)
    return None


def _is_time_union(t: Any) -> bool:
    members = _union_members(t)
    if members is None:
        return False
    classes = [m for m in members if m is not NoneType]
    return len(classes) > 1 and all(m in _TAGS for m in classes)


def _is_optional(t: Any) -> bool:
    members = _union_members(t)
    return members is not None and len(members) == 2 and NoneType in members


def _with_note(error: Exception, note: str) -> Exception:
    error.__notes__ = [*getattr(error, "__notes__", []), note]
    return error


def _tuple_structure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    item_type = get_args(t)[0]
    item_hook = converter.get_structure_hook(item_type)
    strings = item_hook is _structure_str

    def structure_tuple(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise _MismatchError("an array", _describe(value))
        if strings and all(type(item) is str for item in value):
            return tuple(value)
        items = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as error:  # collected, reported with its path
                note = IterableValidationNote(
                    f"Structuring {t!r} @ index {index}", index, item_type
                )
                errors.append(_with_note(error, note))
        if errors:
            raise IterableValidationError(f"While structuring {t!r}", errors, t)
        return tuple(items)

    return structure_tuple


def _optional_structure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner = next(m for m in get_args(t) if m is not NoneType)
    inner_hook = converter.get_structure_hook(inner)

    def structure_optional(value: Any, _: Any) -> Any:
        if value is None:
            return None
        return inner_hook(value, inner)

    return structure_optional


def _one_of(tags: list[str]) -> str:
    quoted = [f'"{tag}"' for tag in tags]
    return quoted[0] if len(quoted) == 1 else "one of " + ", ".join(quoted)


def _time_union_structure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    members = get_args(t)
    nullable = NoneType in members
    by_tag = {_TAGS[m]: (m, converter.get_structure_hook(m)) for m in members if m is not NoneType}
    expected_tag = _one_of(list(by_tag))
    expected = f'an object with "type" {expected_tag}'

    def structure_time_reference(value: Any, _: Any) -> Any:
        if value is None and nullable:
            return None
        if not isinstance(value, dict):
            raise _MismatchError(expected, _describe(value))
        tag = value.get("type")
        entry = by_tag.get(tag) if isinstance(tag, str) else None
        if entry is None:
            found = "nothing" if "type" not in value else _describe(tag)
            raise _MismatchError(expected_tag, found, at=".type")
        cls, hook = entry
        return hook(value, cls)

    return structure_time_reference


def _attrs_structure_factory(cl: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    attrs.resolve_types(cl)
    generated: Callable[[Any, Any], Any] = make_dict_structure_fn(cl, converter)
    expected = f"an object (a {cl.__name__})"
    tag = _TAGS.get(cl)

    if tag is not None:
        expected_tag = f'"{tag}"'

        def structure_tagged(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise _MismatchError(expected, _describe(value))
            found = value.get("type", _MISSING)
            if found != tag or type(found) is not str:
                shown = "nothing" if found is _MISSING else _describe(found)
                raise _MismatchError(expected_tag, shown, at=".type")
            return generated({k: v for k, v in value.items() if k != "type"}, cl)

        return structure_tagged

    if cl is Dossier:

        def structure_dossier(value: Any, _: Any) -> Any:
            if not isinstance(value, dict):
                raise _MismatchError("an object (a Dossier document)", _describe(value))
            body = _upgrade(value)
            version = body.pop("schema_version", _MISSING)
            if version is not _MISSING:
                return generated(body, cl)
            missing = _MismatchError("a value for required field", "nothing", at=".schema_version")
            try:
                generated(body, cl)
            except ClassValidationError as error:
                raise ClassValidationError(
                    error.message, [missing, *error.exceptions], cl
                ) from None
            raise ClassValidationError("While structuring Dossier", [missing], cl)

        return structure_dossier

    def structure_attrs(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _MismatchError(expected, _describe(value))
        return generated(value, cl)

    structure_attrs.__name__ = f"structure_{cl.__name__}"
    return structure_attrs


class _Missing:
    def __repr__(self) -> str:
        return "<missing>"


_MISSING: Final = _Missing()


# --------------------------------------------------------------------------
# Schema versions and migrations


def _version_error(found: object) -> SchemaVersionError:
    if isinstance(found, str):
        return SchemaVersionError(found, supported=SCHEMA_VERSION)
    problem = Problem(
        path="$.schema_version",
        expected=f'a version string such as "{SCHEMA_VERSION}"',
        found="nothing" if found is _MISSING else _describe(found),
    )
    return _rebuild(SchemaVersionError, [problem], target="Dossier", source=None)


def _upgrade(document: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of `document` at this release's version, migrating it if needed.

    A missing ``schema_version`` is left to the caller.

    Raises:
        SchemaVersionError: For a version this release cannot read.
    """
    version = document.get("schema_version", _MISSING)
    if version is _MISSING:
        return dict(document)
    steps = 0
    while isinstance(version, str) and version in MIGRATIONS:
        steps += 1
        if steps > len(MIGRATIONS):
            raise _version_error(version)  # a cycle in the registry
        try:
            migrated = MIGRATIONS[version](copy.deepcopy(document))
        except Exception as error:  # a document the migration cannot handle
            problem = Problem(
                path="$",
                expected=f"a document that migrates from version {version}",
                found=f"{type(error).__name__}: {error}",
            )
            raise SerializationError([problem]) from error
        if not isinstance(migrated, dict):
            raise _version_error(version)
        next_version = migrated.get("schema_version", _MISSING)
        if next_version == version:
            raise _version_error(version)  # a migration that does not advance
        document, version = migrated, next_version
    if not isinstance(version, str):
        raise _version_error(version)
    match = _VERSION.fullmatch(version)
    if match is None or int(match[1]) != _MAJOR or int(match[2]) > _MINOR:
        raise _version_error(version)
    return dict(document)


# --------------------------------------------------------------------------
# Unstructure hooks


def _format_decimal(value: Decimal) -> str:
    """The canonical text of a finite decimal: `str()`, written out without exponent.

    Exponent notation is kept only where writing the number out would take
    more than 20 zeros of padding (1E+25, 1E-25).
    """
    text = str(value)
    if "E" not in text:
        return text
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if exponent <= _PADDING_LIMIT and value.adjusted() >= -_PADDING_LIMIT:
        return format(value, "f")
    return text


def _unstructure_enum(value: Enum) -> Any:
    return value._value_  # what `.value` returns, without its descriptor's cost


def _tuple_unstructure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    item_type = get_args(t)[0]
    item_hook = converter.get_unstructure_hook(item_type)
    if item_type is str:
        return list

    def unstructure_tuple(value: Any) -> list[Any]:
        return [item_hook(item) for item in value]

    return unstructure_tuple


def _optional_unstructure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    inner = next(m for m in get_args(t) if m is not NoneType)
    inner_hook = converter.get_unstructure_hook(inner)

    def unstructure_optional(value: Any) -> Any:
        return None if value is None else inner_hook(value)

    return unstructure_optional


def _time_union_unstructure_factory(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    hooks = {m: converter.get_unstructure_hook(m) for m in get_args(t) if m is not NoneType}

    def unstructure_time_reference(value: Any) -> Any:
        if value is None:
            return None
        return hooks[type(value)](value)

    return unstructure_time_reference


def _attrs_unstructure_factory(cl: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    attrs.resolve_types(cl)
    generated: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cl, converter, _cattrs_omit_if_default=getattr(converter, "omit_if_default", False)
    )
    tag = _TAGS.get(cl)
    if tag is not None:

        def unstructure_tagged(value: Any) -> dict[str, Any]:
            return {"type": tag, **generated(value)}

        return unstructure_tagged
    if cl is Dossier:

        def unstructure_dossier(value: Any) -> dict[str, Any]:
            return {"schema_version": SCHEMA_VERSION, **generated(value)}

        return unstructure_dossier
    return generated


# --------------------------------------------------------------------------
# The converter


def configure_converter(converter: cattrs.Converter) -> None:
    """Register catdomain's hooks on `converter`, in the manner of ``cattrs.preconf``.

    The converter should have been made with ``detailed_validation=True``,
    ``forbid_extra_keys=True`` and ``omit_if_default=True``, as
    `make_converter` does: the hooks generated for attrs classes take those
    settings from it.

    Args:
        converter: The converter to configure.

    Example:
        >>> import cattrs
        >>> import catdomain as cd
        >>> from catdomain.serialization import configure_converter
        >>> c = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True,
        ...                      omit_if_default=True)
        >>> configure_converter(c)
        >>> c.unstructure(cd.PartialDate(2021, 8))
        '2021-08'
    """
    # Scalars and value types. Singledispatch hooks take precedence over the
    # predicate ones; StrEnum is registered so that enums do not fall to `str`.
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_structure_hook(Enum, _structure_enum)
    converter.register_structure_hook(StrEnum, _structure_enum)
    converter.register_unstructure_hook(Decimal, _format_decimal)
    converter.register_unstructure_hook(Enum, _unstructure_enum)
    converter.register_unstructure_hook(StrEnum, _unstructure_enum)
    for cl, (_, _, write) in _TEXT_TYPES.items():
        converter.register_structure_hook(cl, _text_value_hook(cl))
        converter.register_unstructure_hook(cl, write)

    # Generic shapes. Predicates registered later are tried first.
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_structure_factory)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, _tuple_unstructure_factory)
    converter.register_structure_hook_factory(attrs.has, _attrs_structure_factory)
    converter.register_unstructure_hook_factory(attrs.has, _attrs_unstructure_factory)
    converter.register_structure_hook_factory(_is_optional, _optional_structure_factory)
    converter.register_unstructure_hook_factory(_is_optional, _optional_unstructure_factory)
    converter.register_structure_hook_factory(_is_time_union, _time_union_structure_factory)
    converter.register_unstructure_hook_factory(_is_time_union, _time_union_unstructure_factory)


def make_converter() -> cattrs.Converter:
    """Return a new converter for catdomain's JSON format.

    Example:
        >>> import catdomain as cd
        >>> from catdomain.serialization import make_converter
        >>> c = make_converter()
        >>> c.unstructure(cd.Period.year(2023))
        {'type': 'period', 'start': '2023', 'end': '2023'}
        >>> c.structure({"type": "instant", "date": "2023-01-01"}, cd.Instant)
        Instant(date=PartialDate(year=2023, month=1, day=1), text=None)
    """
    converter = cattrs.Converter(
        detailed_validation=True, forbid_extra_keys=True, omit_if_default=True
    )
    configure_converter(converter)
    return converter


@functools.cache
def _converter() -> cattrs.Converter:
    return make_converter()


# --------------------------------------------------------------------------
# The fast path for JSON text: msgspec (the "fast" extra) when it is installed
#
# msgspec decodes the text into *mirrors* of the attrs classes (msgspec
# Structs generated from the attrs fields), checking every type, refusing
# unknown keys and checking the bounds and minimum lengths the model's
# validators require. The model objects are then made from the mirrors as
# attrs' ``__init__`` would make them, by a function generated per class:
# ids, alpha-3 codes and non-blank text are checked by one C call each (the
# validators' own pattern, ``str.strip``), every other validator runs as it
# is, then ``__attrs_post_init__`` (the Dossier's integrity check).
#
# The fast path never decides anything on its own: whatever it does not
# accept as it stands (a decimal written as a JSON number, a migration to
# apply, a problem of any kind), it hands to the cattrs path, which then
# gives exactly the result or the error it always gave. It only has to be
# stricter than the cattrs path, never laxer; `tests/test_serialization_fast.py`
# checks both paths against the same documents.


class _UnsupportedError(Exception):
    """A class (or field type) the fast path does not mirror: cattrs reads it."""


_VALIDATORS_MODULE: Final = "catdomain._model._validators"


def _validators_of(validator: Any) -> list[Any]:
    """The validators an attrs field runs, with ``and_`` compositions flattened."""
    if validator is None:
        return []
    inner = getattr(validator, "_validators", None)
    if inner is not None:
        return [v for sub in inner for v in _validators_of(sub)]
    return [validator]


def _anchored(pattern: re.Pattern[str]) -> str:
    """`pattern` as a ``re.search`` pattern matching what its ``fullmatch`` matches."""
    return f"^(?:{pattern.pattern})\\Z"


def _annotated_base(t: Any) -> Any:
    """`t` without its ``Annotated`` metadata."""
    return getattr(t, "__origin__", t) if hasattr(t, "__metadata__") else t


def _leaf_classes(t: Any) -> list[Any]:
    members = _union_members(t)
    return [m for m in (members if members is not None else (t,)) if m is not NoneType]


@attrs.frozen
class _Inline:
    """A check the builder makes on a string field: ``test(value)`` must be true.

    `shape` says how: on the value ("one"), on it unless it is None
    ("optional"), or on each item of a tuple ("items").
    """

    test: Callable[[str], object]
    shape: str


_Plan: TypeAlias = (
    "tuple[attrs.Attribute[Any], Callable[[Any], Any] | None, list[_Inline], list[Any]]"
)
"""How the builder sets one field: the attribute, its converter, inline checks, validators."""


class _FastReader:
    """Reads catdomain's JSON format through msgspec into the model classes."""

    def __init__(self, converter: cattrs.Converter) -> None:
        import threading

        import msgspec

        self.msgspec = msgspec
        self.converter = converter
        self.decoders: dict[type, Any] = {}
        self.encoder = msgspec.json.Encoder()
        self.mirrors: dict[type, Any] = {}
        self.builders: dict[type, Callable[[Any], Any]] = {}
        self.unsupported: set[type] = set()
        self.lock = threading.Lock()
        self._never: Any = None

    # ---------------------------------------------------------------- reading

    def read(self, data: str | bytes, cls: type) -> Any:
        """The `cls` object `data` holds, or `_MISSING` for the cattrs path to decide."""
        decoder = self.decoders.get(cls)
        if decoder is None:
            if cls in self.unsupported:
                return _MISSING
            with self.lock:
                try:
                    decoder = self.msgspec.json.Decoder(self.mirror(cls))
                except Exception:  # _UnsupportedError, or a type msgspec refuses
                    self.unsupported.add(cls)
                    return _MISSING
                self.decoders[cls] = decoder
        try:
            mirrored = decoder.decode(data)
        except Exception:  # not as it stands: let the cattrs path read it
            return _MISSING
        if cls is Dossier and (mirrored.schema_version != SCHEMA_VERSION or MIGRATIONS):
            return _MISSING  # versions and migrations are the cattrs path's
        if not self._keys_once(data, mirrored):
            return _MISSING
        try:
            return self.builders[cls](mirrored)
        except Exception:  # a validator's refusal: the cattrs path reports it
            return _MISSING

    def _keys_once(self, data: str | bytes, mirrored: Any) -> bool:
        """Whether no key of `data` appears twice in one object.

        msgspec keeps the last of duplicate keys, which the format refuses. In
        JSON text a colon is either a key's separator or a character inside a
        string; msgspec writes strings back with their colons as they are. So
        unless a string spells a colon as an escape, the text has as many
        colons as the mirror written back exactly when no key was dropped.
        """
        colon = b":"
        text = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
        if b"\\u003" in text:  # \u003a or \u003A might be a colon (or another escape)
            return False
        return text.count(colon) == self.encoder.encode(mirrored).count(colon)

    # --------------------------------------------------------------- mirrors

    def mirror(self, cl: type) -> Any:
        """The msgspec Struct mirroring the attrs class `cl` (made once)."""
        found = self.mirrors.get(cl)
        if found is not None:
            return found
        if cl in self.unsupported or not attrs.has(cl):
            raise _UnsupportedError(repr(cl))
        if (
            "__attrs_cached_hash__" in getattr(cl, "__slots__", ())
            or hasattr(cl, "__attrs_pre_init__")
            or cl.__new__ is not object.__new__
        ):
            raise _UnsupportedError(cl.__name__)
        attrs.resolve_types(cl)
        fields: list[tuple[Any, ...]] = []
        plan: list[_Plan] = []
        if cl is Dossier:
            fields.append(("schema_version", str))
        for a in attrs.fields(cl):
            if a.converter is not None or (a.name.startswith("_") and a.init):
                raise _UnsupportedError(f"{cl.__name__}.{a.name}")
            if not a.init:
                plan.append((a, None, [], []))
                continue
            kind, convert = self.mirror_type(a.type)
            kind, inline, residual = self.constrain(a, kind)
            if a.default is attrs.NOTHING:
                fields.append((a.name, kind))
            else:
                fields.append((a.name, kind | self.msgspec.UnsetType, self.msgspec.UNSET))
            plan.append((a, convert, inline, residual))
        tag = _TAGS.get(cl)
        options: dict[str, Any] = {"tag_field": "type", "tag": tag} if tag is not None else {}
        struct = self.msgspec.defstruct(
            f"{cl.__name__}Mirror",
            fields,
            kw_only=True,
            forbid_unknown_fields=True,
            module=__name__,
            **options,
        )
        self.builders[cl] = self._builder(cl, plan)
        self.mirrors[cl] = struct
        return struct

    def never(self) -> Any:
        """A tagged Struct no document names: a union member that makes tags required."""
        if self._never is None:
            self._never = self.msgspec.defstruct(
                "NeverMirror", [], tag_field="type", tag="\x00", forbid_unknown_fields=True
            )
        return self._never

    def mirror_type(self, t: Any) -> tuple[Any, Callable[[Any], Any] | None]:
        """What msgspec decodes for a field of type `t`, and how it becomes a `t`."""
        if t is str or t is int or t is bool:
            return t, None
        if t is Decimal:
            text = Annotated[str, self.msgspec.Meta(pattern=_anchored(_DECIMAL))]
            return text, Decimal
        if t in _TEXT_TYPES:
            hook = self.converter.get_structure_hook(t)

            def text_value(value: Any, hook: Any = hook, t: Any = t) -> Any:
                return hook(value, t)

            return str, text_value
        if isinstance(t, type) and issubclass(t, StrEnum):
            return t, None
        if _is_homogeneous_tuple(t):
            item, convert_item = self.mirror_type(get_args(t)[0])
            if convert_item is None:
                return tuple[item, ...], None  # type: ignore[valid-type]

            def items(value: Any, convert: Any = convert_item) -> tuple[Any, ...]:
                return tuple(map(convert, value))

            return tuple[item, ...], items  # type: ignore[valid-type]
        if _is_time_union(t) or t in _TAGS:
            members = _leaf_classes(t)
            by_mirror = {self.mirror(m): self.builders[m] for m in members}
            kinds = list(by_mirror)
            if len(kinds) == 1:
                kinds.append(self.never())  # a lone tagged Struct would not require its tag
            union: Any = Union[tuple(kinds)]  # noqa: UP007

            def time_reference(value: Any, by_mirror: Any = by_mirror) -> Any:
                return by_mirror[type(value)](value)  # KeyError for the never-member

            if NoneType in get_args(t):
                return union | None, _or_none(time_reference)
            return union, time_reference
        if _is_optional(t):
            inner, convert = self.mirror_type(next(m for m in get_args(t) if m is not NoneType))
            return inner | None, None if convert is None else _or_none(convert)
        if isinstance(t, type) and attrs.has(t):
            return self.mirror(t), self.builders[t]
        raise _UnsupportedError(repr(t))

    def constrain(self, a: attrs.Attribute[Any], kind: Any) -> tuple[Any, list[Any], list[_Inline]]:
        """`kind` with the constraints of `a`'s validators msgspec checks; the checks
        the builder makes inline; the validators left to run as they are."""
        residual = []
        inline = []
        for validator in _validators_of(a.validator):
            constrained = self._constrain(validator, a.type, kind)
            if constrained is None:
                residual.append(validator)
                continue
            kind, check = constrained
            if check is not None:
                inline.append(check)
        return kind, inline, residual

    def _constrain(self, validator: Any, t: Any, kind: Any) -> tuple[Any, _Inline | None] | None:
        """What makes `validator` redundant: `kind` constrained for msgspec to check,
        and a check for the builder to make inline; None if neither can."""
        if getattr(validator, "__module__", None) != _VALIDATORS_MODULE:
            return None
        factory = getattr(validator, "__qualname__", "").partition(".")[0]
        closure = inspect.getclosurevars(validator).nonlocals
        optional = _is_optional(t)
        if factory == "optional":
            if not optional:
                return None
            inner_t = next(m for m in get_args(t) if m is not NoneType)
            inner_kind = next(m for m in get_args(kind) if m is not NoneType)
            inner = self._constrain(closure["validator"], inner_t, inner_kind)
            if inner is None or (inner[1] is not None and inner[1].shape != "one"):
                return None
            check = inner[1]
            return inner[0] | None, None if check is None else _Inline(check.test, "optional")
        if optional:
            return None  # a check that refuses None, on a field that admits it
        meta = self.msgspec.Meta
        from catdomain._model import _validators as v

        if factory in ("identifier", "alpha3", "text") and t is str and kind is str:
            # Checked by one call per string (a msgspec pattern costs several times more).
            if factory == "text":  # the validator's own test: value.strip() is not empty
                return kind, _Inline(str.strip, "one")
            if factory == "identifier":  # ids recur (a document's in every span): remembered
                return kind, _Inline(v.is_valid_id, "one")
            return kind, _Inline(v.ALPHA3_PATTERN.fullmatch, "one")
        if factory in ("non_negative_int", "positive_int") and t is int and kind is int:
            return Annotated[int, meta(ge=0 if factory == "non_negative_int" else 1)], None
        # finite_decimal also bounds the magnitude: it runs as the model's validator.
        if factory == "instance_of":
            wanted = closure["kind"] if isinstance(closure["kind"], tuple) else (closure["kind"],)
            leaves = [] if _is_homogeneous_tuple(t) else _leaf_classes(t)
            if leaves and all(
                isinstance(leaf, type)
                and issubclass(leaf, wanted)
                and (leaf is not bool or bool in wanted)
                for leaf in leaves
            ):
                return kind, None  # what the mirror decodes is made into these classes
            return None
        if factory == "tuple_of" and _is_homogeneous_tuple(t):
            item = self._constrain(
                closure["item_check"], get_args(t)[0], get_args(_annotated_base(kind))[0]
            )
            if item is None or (item[1] is not None and item[1].shape != "one"):
                return None
            item_kind = item[0]
            items: Any = tuple[item_kind, ...]  # type: ignore[valid-type]
            length = closure["min_length"]
            if length:
                items = Annotated[items, meta(min_length=length)]
            return items, None if item[1] is None else _Inline(item[1].test, "items")
        return None

    def _builder(self, cl: type, plan: list[_Plan]) -> Callable[[Any], Any]:
        """A function making a `cl` from its mirror, as attrs' ``__init__`` would.

        It sets the fields (defaults for those the document leaves out),
        makes the inline checks and runs the validators msgspec did not
        check, then ``__attrs_post_init__``.
        """
        namespace: dict[str, Any] = {
            "cl": cl,
            "UNSET": self.msgspec.UNSET,
            "new": object.__new__,
            "put": object.__setattr__,
            "Refused": ValueError,
        }
        lines = ["def build(m):", "    o = new(cl)"]
        residual_lines = []
        for i, (a, convert, inline, residual) in enumerate(plan):
            namespace[f"a{i}"] = a
            if a.default is not attrs.NOTHING:
                factory: Any = a.default
                if isinstance(factory, attrs.Factory):  # type: ignore[arg-type]
                    namespace[f"f{i}"] = factory.factory
                    default = f"f{i}(o)" if factory.takes_self else f"f{i}()"
                else:
                    namespace[f"d{i}"] = a.default
                    default = f"d{i}"
                if not a.init:
                    lines.append(f"    put(o, {a.name!r}, {default})")
            if not a.init:
                continue
            lines.append(f"    v = m.{a.name}")
            given = "v"
            inner = getattr(convert, "inner", None)
            if inner is not None:  # an optional value: test for None here, not in a call
                namespace[f"c{i}"] = inner
                given = f"(None if v is None else c{i}(v))"
            elif convert is not None:
                namespace[f"c{i}"] = convert
                given = f"c{i}(v)"
            indent = "    "
            if a.default is not attrs.NOTHING and inline:
                lines.append("    if v is not UNSET:")
                indent = "        "
            for j, check in enumerate(inline):
                namespace[f"k{i}_{j}"] = check.test
                test = {
                    "one": f"not k{i}_{j}(v)",
                    "optional": f"v is not None and not k{i}_{j}(v)",
                    "items": f"not all(map(k{i}_{j}, v))",
                }[check.shape]
                lines.append(f"{indent}if {test}:")
                lines.append(f"{indent}    raise Refused")
            if a.default is attrs.NOTHING:
                lines.append(f"    put(o, {a.name!r}, {given})")
            else:
                lines.append(f"    put(o, {a.name!r}, {default} if v is UNSET else {given})")
            for j, check in enumerate(residual):
                namespace[f"r{i}_{j}"] = check
                residual_lines.append(f"    r{i}_{j}(o, a{i}, o.{a.name})")
        lines += residual_lines
        if hasattr(cl, "__attrs_post_init__"):
            lines.append("    o.__attrs_post_init__()")
        lines.append("    return o")
        exec("\n".join(lines), namespace)
        build: Callable[[Any], Any] = namespace["build"]
        return build


def _or_none(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def optional(value: Any) -> Any:
        return None if value is None else convert(value)

    optional.inner = convert  # type: ignore[attr-defined]  # for the builder to inline
    return optional


@functools.cache
def _fast_reader() -> _FastReader | None:
    try:
        return _FastReader(_converter())
    except ImportError:  # pragma: no cover - msgspec is not installed
        return None


# --------------------------------------------------------------------------
# Errors: from cattrs' tree to problems with paths


def _note(error: BaseException, kind: type[T]) -> T | None:
    for note in getattr(error, "__notes__", ()):
        if type(note) is kind:
            return note
    return None


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _key_path(path: str, key: str) -> str:
    return f"{path}.{key}" if _NAME.fullmatch(key) else f"{path}[{json.dumps(key)}]"


def _collect(error: BaseException, path: str, problems: list[Problem]) -> None:
    """Append the problems `error` (a cattrs error tree or a leaf) stands for."""
    if isinstance(error, ClassValidationError):
        for sub in error.exceptions:
            attribute = _note(sub, AttributeValidationNote)
            if attribute is not None:
                where = f"{path}.{attribute.name}"
                if type(sub) is KeyError:
                    problems.append(
                        Problem(path=where, expected="a value for required field", found="nothing")
                    )
                else:
                    _collect(sub, where, problems)
            elif isinstance(sub, ForbiddenExtraKeysError):
                keys = ", ".join(sorted(repr(k) for k in sub.extra_fields))
                plural = "s" if len(sub.extra_fields) > 1 else ""
                problems.append(
                    Problem(
                        path=path,
                        expected=f"only the keys of {error.cl.__name__}",
                        found=f"unknown key{plural} {keys}",
                    )
                )
            else:
                _collect(sub, path, problems)
    elif isinstance(error, IterableValidationError):
        for sub in error.exceptions:
            item = _note(sub, IterableValidationNote)
            _collect(sub, f"{path}[{item.index}]" if item is not None else path, problems)
    elif isinstance(error, _MismatchError):
        problems.append(Problem(path=path + error.at, expected=error.expected, found=error.found))
    elif isinstance(error, IntegrityError):
        details = getattr(error, "details", None)
        if details is None:  # an IntegrityError with lines only
            details = [("", *line.split(": ", 1)) for line in error.problems]
        for code, where, message in details:
            expected = _INTEGRITY_EXPECTED.get(code, "referential integrity")
            problems.append(Problem(path=f"{path}.{where}", expected=expected, found=message))
    elif isinstance(error, ModelError):
        field = error.field.partition("[")[0]
        problems.append(
            Problem(
                path=f"{path}.{error.field}" if error.field else path,
                expected=f"a valid {error.owner}.{field} ({error.reason})",
                found=_describe(error.value),
            )
        )
    elif isinstance(error, SerializationError):
        problems.extend(error.problems)
    elif isinstance(error, RecursionError):
        problems.append(_too_deep(path))
    else:
        problems.append(
            Problem(path=path, expected="a valid value", found=f"{type(error).__name__}: {error}")
        )


_INTEGRITY_EXPECTED: Final = {
    "duplicate-id": "an id unique in the dossier",
    "dangling-reference": "the id of an object of the right kind in the dossier",
    "unknown-paragraph": "a paragraph number of the document",
    "span-outside-document": "a span inside the document's text",
    "whole-among-parts": "parts that do not include the whole",
    "unknown-scale": "a grading scale of the dossier or a built-in one",
    "unknown-grade": "a grade of the assessment's scale",
    "unknown-vocabulary": "a vocabulary of the dossier or a shipped one",
    "unknown-term": "a term (or alias) of the tag's vocabulary",
    "duplicate-tag": "each term at most once per object",
    "duplicate-vocabulary": "vocabulary ids unique in the dossier",
}
"""What each kind of integrity problem (`IntegrityError.details` codes) expected."""


def _too_deep(path: str = "$") -> Problem:
    return Problem(path=path, expected="a document nested less deeply", found="nesting too deep")


def _rebuild(
    kind: type[E],
    problems: list[Problem] | tuple[Problem, ...],
    *,
    target: str,
    source: str | None,
) -> E:
    """Make a `kind` error (a SerializationError subclass) from problems."""
    error = kind.__new__(kind)
    SerializationError.__init__(error, problems, target=target, source=source)
    return error


def _target_name(cls: Any) -> str:
    return getattr(cls, "__name__", None) or repr(cls)


def _check_target(cls: Any) -> None:
    supported = (
        attrs.has(cls)
        or cls in _TEXT_TYPES
        or cls is Decimal
        or _is_time_union(cls)
        or (isinstance(cls, type) and issubclass(cls, Enum))
    )
    if not supported:
        raise TypeError(f"{cls!r} is not a type catdomain reads or writes")


def _structure(data: Any, cls: Any, source: str | None) -> Any:
    _check_target(cls)
    try:
        return _converter().structure(data, cls)
    except SerializationError as error:
        raise _rebuild(type(error), error.problems, target=error.target, source=source) from None
    except Exception as error:  # every failure becomes problems
        problems: list[Problem] = []
        try:
            _collect(error, "$", problems)
        except RecursionError:  # pragma: no cover - the model is not recursive
            problems = [_too_deep()]
        raise SerializationError(problems, target=_target_name(cls), source=source) from None


# --------------------------------------------------------------------------
# Public functions: dicts and JSON


class _GCPaused:
    """Pause Python's cyclic garbage collector while a whole document is built or written.

    Reading or writing a dossier allocates an object or a dict per value, none
    of them cyclic garbage; the collector, triggered every few hundred
    allocations, would walk them again and again (45 % of the time of reading
    a 17 MB dossier). Reference counting still frees memory as usual, and the
    collector is switched back on at the end, also after an error, unless it
    was already off.
    """

    __slots__ = ("resume",)

    def __enter__(self) -> None:
        self.resume = gc.isenabled()
        if self.resume:
            gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.resume:
            gc.enable()


def to_dict(obj: object) -> Any:
    """Return the JSON-ready form of a catdomain object.

    Model objects give dicts (a Dossier's starts with ``schema_version``);
    value types written as text (`PartialDate`, `DocumentSymbol`, …) give
    their string; vocabulary members their value.

    Args:
        obj: Any catdomain model object, time reference, value or vocabulary
            member.

    Returns:
        Plain dicts, lists, strings, ints, booleans and None.

    Raises:
        TypeError: If `obj` is not a catdomain object.

    Example:
        >>> import catdomain as cd
        >>> from catdomain.serialization import to_dict
        >>> to_dict(cd.Authority(id="kz-majilis", name="Majilis",
        ...                      kind=cd.AuthorityKind.PARLIAMENT))
        {'id': 'kz-majilis', 'name': 'Majilis', 'kind': 'parliament'}
        >>> to_dict(cd.PartialDate(2023, 5))
        '2023-05'
    """
    _check_target(type(obj))
    with _GCPaused():
        return _converter().unstructure(obj)


def from_dict(data: Any, cls: type[T]) -> T:
    """Build a `cls` object from its JSON-ready form, strictly.

    Nothing is coerced and unknown keys are refused. A Dossier document must
    carry a ``schema_version`` this release reads; older versions are migrated
    through `MIGRATIONS`.

    Args:
        data: The form `to_dict` returns (dicts, lists, strings, …).
        cls: The type to build.

    Returns:
        The object.

    Raises:
        SerializationError: Listing every problem found, each with its JSON
            path (`SchemaVersionError` for a version this release cannot read).
        TypeError: If `cls` is not a type catdomain reads.

    Example:
        >>> import catdomain as cd
        >>> from catdomain.serialization import from_dict
        >>> from_dict({"id": "a-1", "name": "Majilis"}, cd.Authority).name
        'Majilis'
        >>> from_dict({"id": "a 1", "name": 12}, cd.Authority)
        Traceback (most recent call last):
        ...
        catdomain.exceptions.SerializationError: 1 problem reading Authority:
          $.name: expected a string, found 12 (int)
    """
    with _GCPaused():
        result: T = _structure(data, cls, None)
    return result


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """Return the canonical JSON text of a catdomain object.

    The output is deterministic: keys in field order, fields equal to their
    default omitted, non-ASCII characters as they are, a final newline.

    Args:
        obj: Any object `to_dict` accepts.
        indent: Spaces per indentation level; None for the compact form on
            one line.

    Returns:
        The JSON text.

    Example:
        >>> import catdomain as cd
        >>> from decimal import Decimal
        >>> from catdomain.serialization import to_json
        >>> print(to_json(cd.Observation(id="o-1", value=Decimal("4E+4")), indent=None), end="")
        {"id":"o-1","value":"40000"}
    """
    data = to_dict(obj)
    if orjson is not None and indent in _ORJSON_OPTIONS:
        try:
            return orjson.dumps(data, option=_ORJSON_OPTIONS[indent]).decode("utf-8") + "\n"
        except (orjson.JSONEncodeError, UnicodeDecodeError):
            pass  # an int beyond 64 bits or a lone surrogate: the standard library copes
    if indent is None:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    else:
        text = json.dumps(data, ensure_ascii=False, allow_nan=False, indent=indent)
    return text + "\n"


class _Constant:
    """Stands for NaN, Infinity or -Infinity while parsing, so they can be reported."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


class _ParseState:
    """Records what stdlib json accepts but the format refuses."""

    def __init__(self) -> None:
        self.duplicates: dict[int, list[str]] = {}
        self.constants = False

    def object_pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            counts = Counter(key for key, _ in pairs)
            self.duplicates[id(result)] = [key for key, n in counts.items() if n > 1]
        return result

    def constant(self, name: str) -> _Constant:
        self.constants = True
        return _Constant(name)

    def problems(self, document: Any) -> list[Problem]:
        """Find the refused parts in `document`, in document order."""
        problems: list[Problem] = []
        stack: list[tuple[Any, str]] = [(document, "$")]
        while stack:
            value, path = stack.pop()
            if isinstance(value, dict):
                for key in self.duplicates.get(id(value), ()):
                    problems.append(
                        Problem(
                            path=_key_path(path, key),
                            expected="each key once in an object",
                            found=f"key {key!r} more than once",
                        )
                    )
                children = [(v, _key_path(path, k)) for k, v in value.items()]
                stack.extend(reversed(children))
            elif isinstance(value, list):
                stack.extend(reversed([(v, f"{path}[{i}]") for i, v in enumerate(value)]))
            elif isinstance(value, _Constant):
                problems.append(
                    Problem(
                        path=path,
                        expected="a JSON value (NaN and Infinity are not JSON)",
                        found=value.name,
                    )
                )
        return problems


def _parse_json(data: str | bytes, target: str, source: str | None) -> Any:
    def fail(found: str, expected: str = "valid JSON") -> SerializationError:
        return SerializationError(
            [Problem(path="$", expected=expected, found=found)], target=target, source=source
        )

    if isinstance(data, bytes | bytearray):
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as error:
            raise fail(f"invalid UTF-8 at byte {error.start}", "UTF-8 text") from None
    elif isinstance(data, str):
        text = data
    else:
        raise TypeError(f"from_json reads str or bytes, not {type(data).__name__}")
    state = _ParseState()
    try:
        document = json.loads(
            text,
            parse_float=Decimal,
            parse_constant=state.constant,
            object_pairs_hook=state.object_pairs,
        )
    except json.JSONDecodeError as error:
        found = f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        raise fail(found) from None
    except RecursionError:
        raise SerializationError([_too_deep()], target=target, source=source) from None
    except ValueError as error:  # an integer too long to convert
        raise fail(f"invalid JSON: {error}") from None
    except ArithmeticError:  # a number whose exponent is beyond the decimal module's range
        raise fail("invalid JSON: a number too large or too small for a decimal") from None
    if state.duplicates or state.constants:
        problems = state.problems(document)
        if problems:
            raise SerializationError(problems, target=target, source=source)
    return document


@overload
def from_json(data: str | bytes, *, source: str | None = None) -> Dossier: ...


@overload
def from_json(data: str | bytes, cls: type[T], *, source: str | None = None) -> T: ...


def from_json(data: str | bytes, cls: Any = Dossier, *, source: str | None = None) -> Any:
    """Read JSON text into a catdomain object, strictly (a Dossier by default).

    Numbers are read exactly (``19.2`` is ``Decimal("19.2")``, though the
    format writes decimals as strings). NaN, Infinity, duplicate keys and
    nesting deeper than Python's recursion limit are refused.

    Args:
        data: JSON text, or UTF-8 bytes.
        cls: The type to build.
        source: Where the text came from (a file name), for error messages.

    Returns:
        The object.

    Raises:
        SerializationError: Listing every problem found, each with its JSON
            path (`SchemaVersionError` for a version this release cannot read).
        TypeError: If `data` is not text or bytes, or `cls` not a type
            catdomain reads.

    Example:
        >>> import catdomain as cd
        >>> from catdomain.serialization import from_json
        >>> d = from_json('{"schema_version": "1.0", "id": "kaz"}')
        >>> d.id, d.counts()["measures"]
        ('kaz', 0)
        >>> from_json('{"schema_version": "1.0", "id": "kaz",}', source="kaz.json")
        Traceback (most recent call last):
        ...
        catdomain.exceptions.SerializationError: 1 problem reading Dossier from kaz.json:
          $: expected valid JSON, found invalid JSON at line 1 column 39: Expecting property name enclosed in double quotes
    """  # noqa: E501
    _check_target(cls)
    with _GCPaused():
        if type(data) in (str, bytes) and _has_fast_path(cls):
            reader = _fast_reader()
            if reader is not None:
                result = reader.read(data, cls)
                if result is not _MISSING:
                    return result
        document = _parse_json(data, _target_name(cls), source)
        return _structure(document, cls, source)


def _has_fast_path(cls: Any) -> bool:
    """Whether `cls` is a model class read from a JSON object (the fast path's kind)."""
    return attrs.has(cls) and cls not in _TEXT_TYPES and cls not in _TAGS


# --------------------------------------------------------------------------
# JSON Schema


def _summary(obj: object) -> str:
    """The first paragraph of `obj`'s docstring, on one line."""
    doc = inspect.getdoc(obj) or ""
    return " ".join(doc.split("\n\n", 1)[0].split())


def _attribute_docs(cl: type) -> dict[str, str]:
    """The descriptions in the ``Attributes:`` section of `cl`'s Google docstring."""
    doc = inspect.getdoc(cl) or ""
    lines = doc.splitlines()
    try:
        start = lines.index("Attributes:") + 1
    except ValueError:
        return {}
    docs: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[start:]:
        if line and not line.startswith(" "):
            break
        stripped = line.strip()
        entry = re.fullmatch(r"(\w+): (.*)", stripped) if line.startswith("    ") else None
        if entry is not None and not line.startswith("     "):
            current = docs.setdefault(entry[1], [entry[2]])
        elif current is not None and stripped:
            current.append(stripped)
    return {name: " ".join(parts) for name, parts in docs.items()}


def _default_json(value: object) -> tuple[bool, Any]:
    """The JSON form of a field default, if it has one."""
    if isinstance(value, Enum):
        return True, value.value
    if value is None or isinstance(value, str | int | bool):
        return True, value
    if value == ():
        return True, []
    return False, None


class _SchemaBuilder:
    """Builds JSON Schema 2020-12 from the attrs classes and their annotations."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.owners: dict[str, object] = {}

    def define(
        self, name: str, owner: object, build: Callable[[], dict[str, Any]]
    ) -> dict[str, Any]:
        if name in self.owners:
            if self.owners[name] is not owner:
                raise TypeError(f"two types are named {name!r}")
        else:
            self.owners[name] = owner
            self.defs[name] = {}
            self.defs[name] = build()
        return {"$ref": f"#/$defs/{name}"}

    def schema(self, t: Any) -> dict[str, Any]:
        """The schema of a value of type `t` (a $ref for named types)."""
        if t is str:
            return {"type": "string"}
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is Decimal:
            return self.define("Decimal", Decimal, self.decimal)
        if t in _TEXT_TYPES:
            return self.define(t.__name__, t, lambda: self.text_value(t))
        if isinstance(t, type) and issubclass(t, Enum):
            return self.define(t.__name__, t, lambda: self.enum(t))
        if _is_homogeneous_tuple(t):
            return {"type": "array", "items": self.schema(get_args(t)[0])}
        if _is_time_union(t):
            members = [m for m in get_args(t) if m is not NoneType]
            union = self.define(
                "TimeReference",
                frozenset(members),
                lambda: {
                    "description": "When a figure holds: an instant, a period, or periods "
                    'pooled, told apart by "type".',
                    "oneOf": [self.schema(m) for m in members],
                },
            )
            return {"anyOf": [union, {"type": "null"}]} if NoneType in get_args(t) else union
        if _is_optional(t):
            inner = next(m for m in get_args(t) if m is not NoneType)
            return {"anyOf": [self.schema(inner), {"type": "null"}]}
        if attrs.has(t):
            return self.define(t.__name__, t, lambda: self.attrs_class(t))
        raise TypeError(f"no JSON Schema for {t!r}")

    def decimal(self) -> dict[str, Any]:
        return {
            "description": 'An exact decimal number written as a string ("19.2", "40000").',
            "type": "string",
            "pattern": DECIMAL_PATTERN,
        }

    def text_value(self, t: type) -> dict[str, Any]:
        result: dict[str, Any] = {"description": _summary(t), "type": "string"}
        if t is PartialDate:
            result["pattern"] = DATE_PATTERN
        return result

    def enum(self, t: type[Enum]) -> dict[str, Any]:
        return {
            "description": _summary(t),
            "type": "string",
            "enum": [member.value for member in t],
        }

    def attrs_class(self, cl: type) -> dict[str, Any]:
        attrs.resolve_types(cl)
        docs = _attribute_docs(cl)
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = _TAGS.get(cl)
        if tag is not None:
            properties["type"] = {"const": tag}
            required.append("type")
        for field in attrs.fields(cl):
            if not field.init:
                continue
            prop = dict(self.schema(field.type))
            if field.name in docs:
                prop = {"description": docs[field.name], **prop}
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                known, default = _default_json(field.default)
                if known:
                    prop["default"] = default
            properties[field.name] = prop
        result: dict[str, Any] = {
            "description": _summary(cl),
            "type": "object",
            "properties": properties,
        }
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return result


def json_schema(cls: Any = Dossier) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the JSON form of `cls`.

    Generated from the attrs classes and their type annotations: one entry
    under ``$defs`` per class and vocabulary, ``required`` for fields without
    a default, ``additionalProperties: false`` everywhere. The Dossier schema
    requires ``schema_version`` and has the ``$id`` `SCHEMA_ID`.

    Args:
        cls: The type described; the Dossier by default.

    Returns:
        The schema, a JSON-ready dict.

    Example:
        >>> import catdomain as cd
        >>> from catdomain.serialization import json_schema
        >>> schema = json_schema()
        >>> schema["$id"], schema["required"][:2]
        ('https://catdomain.org/schema/dossier/1.0.json', ['schema_version', 'id'])
        >>> json_schema(cd.Qualifier)["$defs"]["Qualifier"]["enum"][:3]
        ['exact', 'approximate', 'more-than']
    """
    _check_target(cls)
    builder = _SchemaBuilder()
    root_ref = builder.schema(cls)
    head: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    if cls is Dossier:
        head["$id"] = SCHEMA_ID
        root = builder.defs.pop("Dossier")
        properties = {
            "schema_version": {
                "description": "The version of the format; this schema describes "
                f"{SCHEMA_VERSION}.",
                "const": SCHEMA_VERSION,
            },
            **root["properties"],
        }
        root = {
            "title": f"catdomain Dossier, format {SCHEMA_VERSION}",
            **root,
            "properties": properties,
            "required": ["schema_version", *root["required"]],
        }
        body = {**root, "additionalProperties": False}
    else:
        body = {"title": f"catdomain {_target_name(cls)}", **root_ref}
    return {**head, **body, "$defs": dict(sorted(builder.defs.items()))}


_SCHEMA_FILE = "dossier.schema.json"


def load_schema() -> dict[str, Any]:
    """Return the Dossier JSON Schema shipped with the package.

    It equals ``json_schema()``; the tests check that it does.

    Example:
        >>> from catdomain.serialization import load_schema, SCHEMA_ID
        >>> load_schema()["$id"] == SCHEMA_ID
        True
    """
    resource = resources.files("catdomain").joinpath("schema", _SCHEMA_FILE)
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    return schema


def write_schema(path: str | Path | None = None) -> Path:
    """Write ``json_schema()`` to `path` (the package's shipped schema by default).

    Regenerate the shipped file after changing the model with::

        python -c "import catdomain.serialization as s; s.write_schema()"

    Args:
        path: Where to write; by default ``catdomain/schema/dossier.schema.json``
            next to this module.

    Returns:
        The path written.

    Example:
        >>> import json, tempfile, pathlib
        >>> from catdomain.serialization import write_schema, json_schema
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     written = write_schema(pathlib.Path(tmp) / "s.json")
        ...     json.loads(written.read_text(encoding="utf-8")) == json_schema()
        True
    """
    target = Path(path) if path is not None else Path(__file__).parent / "schema" / _SCHEMA_FILE
    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
