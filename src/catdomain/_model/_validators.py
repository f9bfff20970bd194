"""Validator factories for the model classes.

Each factory returns an attrs validator that raises `ModelError` naming the
class, the field and the refused value. They are small and composable, in the
manner of `attrs.validators`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from catdomain.exceptions import ModelError

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:/#()+\-]{0,199}")
"""Ids: a letter or digit, then letters, digits and ``. _ : / # ( ) + -``; no spaces."""

ALPHA3_PATTERN = re.compile(r"[A-Z]{3}")


def fail(instance: object, attribute: attrs.Attribute[Any], value: object, reason: str) -> None:
    """Raise the ModelError for `attribute` of `instance`."""
    raise ModelError(type(instance).__name__, attribute.name, value, reason)


def _type_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(k.__name__ for k in kind)
    return kind.__name__


def instance_of(kind: type | tuple[type, ...]) -> Validator:
    """Require an instance of `kind` (booleans are not accepted as ints)."""
    name = _type_name(kind)
    kinds = _kinds(kind)
    # A bool is refused only where it would pass as an int (or another base of bool).
    refuse_bool = bool not in kinds and any(issubclass(bool, k) for k in kinds)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) in kinds:
            return  # the usual case, decided at once
        if not isinstance(value, kind) or (refuse_bool and isinstance(value, bool)):
            fail(instance, attribute, value, f"must be {name}, not {type(value).__name__}")

    return check


def _kinds(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def optional(validator: Validator) -> Validator:
    """Accept None, or what `validator` accepts."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def text() -> Validator:
    """Require a string with at least one non-space character."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str):
            fail(instance, attribute, value, f"must be a string, not {type(value).__name__}")
        if not value or value.isspace():  # what strip() would leave empty, without a copy
            fail(instance, attribute, value, "must not be empty")

    return check


# Ids already found valid: an id is checked each time an object refers to it, and the
# same few recur (a document's id in every span). Bounded; cleared when full.
_VALID_IDS: set[str] = set()
_VALID_IDS_LIMIT = 1 << 16


def is_valid_id(value: str) -> bool:
    """Whether a str is a readable id (see `ID_PATTERN`), remembering those that are.

    Example:
        >>> is_valid_id("CAT/C/KAZ/CO/4"), is_valid_id("two words")
        (True, False)
    """
    exact = type(value) is str  # not a subclass, whose equality may be its own
    if exact and value in _VALID_IDS:
        return True
    if ID_PATTERN.fullmatch(value) is None:
        return False
    if exact:
        if len(_VALID_IDS) >= _VALID_IDS_LIMIT:
            _VALID_IDS.clear()
        _VALID_IDS.add(value)
    return True


def identifier() -> Validator:
    """Require a readable id (see `ID_PATTERN`)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is str and value in _VALID_IDS:
            return
        if not isinstance(value, str):
            fail(instance, attribute, value, f"must be a string id, not {type(value).__name__}")
        if not is_valid_id(value):
            fail(
                instance,
                attribute,
                value,
                "ids are 1 to 200 letters, digits and . _ : / # ( ) + -, "
                "starting with a letter or digit, without spaces",
            )

    return check


def alpha3() -> Validator:
    """Require an ISO 3166-1 alpha-3 shaped code (three upper-case letters)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not ALPHA3_PATTERN.fullmatch(value):
            fail(instance, attribute, value, "must be an ISO 3166-1 alpha-3 code such as 'KAZ'")

    return check


def non_negative_int() -> Validator:
    """Require an int ≥ 0 (not a bool)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is int and value >= 0:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            fail(instance, attribute, value, f"must be an int, not {type(value).__name__}")
        if value < 0:
            fail(instance, attribute, value, "must not be negative")

    return check


def positive_int() -> Validator:
    """Require an int ≥ 1 (not a bool)."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, int) or isinstance(value, bool):
            fail(instance, attribute, value, f"must be an int, not {type(value).__name__}")
        if value < 1:
            fail(instance, attribute, value, "must be 1 or more")

    return check


MAX_DECIMAL_MAGNITUDE = 100
"""Figures must lie between 10**-100 and 10**100 in absolute value (or be zero)."""


def finite_decimal() -> Validator:
    """Require a finite `Decimal` of sane size (floats are refused: they lose exactness).

    A figure in a follow-up reply never needs a magnitude beyond 10**±100;
    refusing one keeps arithmetic and display from running away on hostile
    input ("1e999999999"). Any number of digits is kept exactly.
    """

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, Decimal):
            hint = " (use Decimal('19.2'), never a float)" if isinstance(value, float) else ""
            fail(instance, attribute, value, f"must be a Decimal, not {type(value).__name__}{hint}")
        if not value.is_finite():
            fail(instance, attribute, value, "must be a finite number")
        if value and not -MAX_DECIMAL_MAGNITUDE <= value.adjusted() <= MAX_DECIMAL_MAGNITUDE:
            fail(instance, attribute, value, "must lie between 1e-100 and 1e100 in absolute value")

    return check


def tuple_of(item: Validator | type | tuple[type, ...], *, min_length: int = 0) -> Validator:
    """Require a tuple whose items each pass `item` (a validator or a type)."""
    item_check: Validator = (
        item if callable(item) and not isinstance(item, type) else instance_of(item)
    )
    # Items of exactly these types pass without a call each (the usual case).
    exact: frozenset[type] = frozenset(
        () if callable(item) and not isinstance(item, type) else _kinds(item)
    )

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (
            exact
            and type(value) is tuple
            and len(value) >= min_length
            and exact.issuperset(map(type, value))
        ):
            return
        if not isinstance(value, tuple):
            fail(instance, attribute, value, f"must be a tuple, not {type(value).__name__}")
        if len(value) < min_length:
            fail(instance, attribute, value, f"must hold at least {min_length} item(s)")
        for index, element in enumerate(value):
            try:
                item_check(instance, attribute, element)
            except ModelError as error:
                raise ModelError(
                    error.owner, f"{attribute.name}[{index}]", element, error.reason
                ) from None

    return check


def unique_ids() -> Validator:
    """Require that items of a tuple of id-bearing objects have distinct ids."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        seen: set[str] = set()
        for element in value:
            key = element.id
            if key in seen:
                fail(instance, attribute, key, "ids must be unique within the collection")
            seen.add(key)

    return check
