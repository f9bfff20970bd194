"""Partial dates, periods and the grammar of dates in prose.

Follow-up replies give dates at three precisions ("24 December 2014",
"of August 2021", "in 2023") and refer to time in four ways: a point in time
("as at 1 January 2023"), a period ("2021–2023", "since 2005"), several periods
counted together ("in 2023 and 2024") and relative phrases ("over the past
three years"). This module models them as immutable values and reads them with
an explicit grammar.

python-dateutil's free-form parser is never used on prose: it fills missing
parts from *today* and, in fuzzy mode, reads "No. 162 of 24 December 2014" as
the year 162. Nothing here depends on the current date.

Canonical text forms follow ISO 8601: reduced precision for dates ("2023",
"2023-05", "2023-05-10") and interval notation for periods ("2021/2023",
"2005/..", "../2030").

Example:
    >>> from catdomain._dates import PartialDate, parse_date, parse_time
    >>> parse_date("of August 2021")
    PartialDate(year=2021, month=8, day=None)
    >>> str(parse_time("2024–2028"))
    '2024/2028'
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Any, NamedTuple, TypeAlias

import attrs

from catdomain import _regex
from catdomain.exceptions import ModelError, ParseError

__all__ = [
    "DatePrecision",
    "Instant",
    "PartialDate",
    "Period",
    "Pooled",
    "TimeReference",
    "parse_date",
    "parse_time",
]


class DatePrecision(StrEnum):
    """How much of a date is known.

    Example:
        >>> from catdomain._dates import DatePrecision, PartialDate
        >>> PartialDate(2021, 8).precision is DatePrecision.MONTH
        True
        >>> DatePrecision.DAY.value
        'day'
    """

    DAY = "day"
    """Year, month and day are known ("24 December 2014")."""
    MONTH = "month"
    """Year and month are known ("August 2021")."""
    YEAR = "year"
    """Only the year is known ("2023")."""


# --------------------------------------------------------------------------
# Validators

_Validator: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if not _is_int(value):
        raise ModelError("PartialDate", "year", value, "year must be an int")
    if not 1 <= value <= 9999:
        raise ModelError("PartialDate", "year", value, "year must be 1 to 9999")


def _check_month(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if not _is_int(value):
        raise ModelError("PartialDate", "month", value, "month must be an int or None")
    if not 1 <= value <= 12:
        raise ModelError("PartialDate", "month", value, "month must be 1 to 12")


def _check_day(
    instance: PartialDate, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if not _is_int(value):
        raise ModelError("PartialDate", "day", value, "day must be an int or None")
    if instance.month is None:
        raise ModelError("PartialDate", "day", value, "a day needs a month")
    last = calendar.monthrange(instance.year, instance.month)[1]
    if not 1 <= value <= last:
        raise ModelError(
            "PartialDate",
            "day",
            value,
            f"day must be 1 to {last} in {instance.year:04d}-{instance.month:02d}",
        )


def _check_text(owner: str) -> _Validator:
    def check(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not isinstance(value, str):
            raise ModelError(owner, attribute.name, value, "text must be a str or None")

    return check


def _check_partial_date(owner: str, *, optional: bool) -> _Validator:
    def check(
        instance: object, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None
    ) -> None:
        if value is None and optional:
            return
        if not isinstance(value, PartialDate):
            expected = "a PartialDate or None" if optional else "a PartialDate"
            raise ModelError(owner, attribute.name, value, f"must be {expected}")

    return check


def _check_periods(
    instance: Pooled, attribute: attrs.Attribute[tuple[Period, ...]], value: tuple[Period, ...]
) -> None:
    if not isinstance(value, tuple):
        raise ModelError("Pooled", "periods", value, "periods must be a tuple of Period")
    if len(value) < 2:
        raise ModelError("Pooled", "periods", value, "pooling needs at least two periods")
    for item in value:
        if not isinstance(item, Period):
            raise ModelError("Pooled", "periods", value, f"{item!r} is not a Period")


# --------------------------------------------------------------------------
# Values

_ISO_DATE = _regex.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


@attrs.frozen
class PartialDate:
    """A calendar date known to the day, the month or only the year.

    Partial dates are only partially ordered ("2023" neither precedes nor
    follows "2023-05"), so they define no ``<``; sort with `sort_key`.

    Attributes:
        year: The year, 1 to 9999.
        month: The month, 1 to 12, or None for a year.
        day: The day of the month, or None; needs a month.

    Raises:
        ModelError: For a value out of range, a day without a month or a
            non-int (bools are refused).

    Example:
        >>> from catdomain._dates import PartialDate
        >>> str(PartialDate(2023, 5, 10)), str(PartialDate(2021, 8)), str(PartialDate(2014))
        ('2023-05-10', '2021-08', '2014')
        >>> PartialDate(2024, 2, 30)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        catdomain.exceptions.ModelError: PartialDate.day: 30 is not valid: day must be 1 to 29 ...
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_check_month)
    day: int | None = attrs.field(default=None, validator=_check_day)

    @property
    def precision(self) -> DatePrecision:
        """How much of the date is known.

        Example:
            >>> from catdomain._dates import PartialDate
            >>> PartialDate(2014, 12, 24).precision
            <DatePrecision.DAY: 'day'>
        """
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        return DatePrecision.YEAR

    def earliest(self) -> datetime.date:
        """Return the first day the partial date covers.

        Example:
            >>> from catdomain._dates import PartialDate
            >>> PartialDate(2021, 8).earliest()
            datetime.date(2021, 8, 1)
        """
        return datetime.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> datetime.date:
        """Return the last day the partial date covers.

        Example:
            >>> from catdomain._dates import PartialDate
            >>> PartialDate(2024, 2).latest(), PartialDate(2023).latest()
            (datetime.date(2024, 2, 29), datetime.date(2023, 12, 31))
        """
        if self.day is not None and self.month is not None:
            return datetime.date(self.year, self.month, self.day)
        month = self.month or 12
        return datetime.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def sort_key(self) -> tuple[int, int, int]:
        """Return a key that sorts by year, then month, then day, less precise first.

        Example:
            >>> from catdomain._dates import PartialDate
            >>> dates = [PartialDate(2023, 5), PartialDate(2023), PartialDate(2022, 12, 31)]
            >>> [str(d) for d in sorted(dates, key=PartialDate.sort_key)]
            ['2022-12-31', '2023', '2023-05']
        """
        return (self.year, self.month or 0, self.day or 0)

    def contains(self, other: PartialDate) -> bool:
        """Return whether every day `other` covers is covered by this date.

        Example:
            >>> from catdomain._dates import PartialDate
            >>> PartialDate(2023).contains(PartialDate(2023, 5, 10))
            True
            >>> PartialDate(2023, 5).contains(PartialDate(2023))
            False
        """
        return self.earliest() <= other.earliest() and other.latest() <= self.latest()

    def __str__(self) -> str:
        """Return the ISO 8601 form at the date's precision ("2023", "2023-05", "2023-05-10")."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read the ISO 8601 form `str()` produces, and nothing else.

        Args:
            text: "YYYY", "YYYY-MM" or "YYYY-MM-DD", without surrounding space.

        Returns:
            The partial date.

        Raises:
            ParseError: For any other text, or a date that does not exist.

        Example:
            >>> from catdomain._dates import PartialDate
            >>> PartialDate.parse("2023-05")
            PartialDate(year=2023, month=5, day=None)
            >>> PartialDate.parse("2023-5")  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            catdomain.exceptions.ParseError: invalid date '2023-5': expected YYYY, YYYY-MM or ...
        """
        match = _ISO_DATE.fullmatch(text)
        if match is None:
            raise ParseError("date", text, reason="expected YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        try:
            return cls(int(year), _opt_int(month), _opt_int(day))
        except ModelError as error:
            raise ParseError("date", text, reason=error.reason) from None

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """Return the day-precision partial date of a `datetime.date`.

        Example:
            >>> import datetime
            >>> from catdomain._dates import PartialDate
            >>> PartialDate.from_date(datetime.date(2024, 5, 13))
            PartialDate(year=2024, month=5, day=13)
        """
        return cls(value.year, value.month, value.day)


def _opt_int(text: str | None) -> int | None:
    return None if text is None else int(text)


@attrs.frozen(kw_only=True)
class Instant:
    """A point in time, for stock figures ("as at 1 January 2023").

    `text` is the phrase as written; it is kept for provenance and takes no
    part in equality or hashing.

    Attributes:
        date: The date of the point in time, at any precision.
        text: The phrase as written, if the instant was read from text.

    Example:
        >>> from catdomain._dates import Instant, PartialDate
        >>> at = Instant(date=PartialDate(2023, 1, 1), text="as at 1 January 2023")
        >>> str(at), at == Instant(date=PartialDate(2023, 1, 1))
        ('2023-01-01', True)
    """

    date: PartialDate = attrs.field(validator=_check_partial_date("Instant", optional=False))
    text: str | None = attrs.field(default=None, eq=False, validator=_check_text("Instant"))

    def earliest(self) -> datetime.date:
        """Return the first day the instant's date covers.

        Example:
            >>> from catdomain._dates import Instant, PartialDate
            >>> Instant(date=PartialDate(2023, 1, 1)).earliest()
            datetime.date(2023, 1, 1)
        """
        return self.date.earliest()

    def latest(self) -> datetime.date:
        """Return the last day the instant's date covers.

        Example:
            >>> from catdomain._dates import Instant, PartialDate
            >>> Instant(date=PartialDate(2023, 1)).latest()
            datetime.date(2023, 1, 31)
        """
        return self.date.latest()

    def __str__(self) -> str:
        """Return the date's ISO 8601 form."""
        return str(self.date)

    @classmethod
    def parse(cls, text: str) -> Instant:
        """Read the form `str()` produces (an ISO 8601 date).

        Raises:
            ParseError: For any other text.

        Example:
            >>> from catdomain._dates import Instant
            >>> Instant.parse("2023-01-01")
            Instant(date=PartialDate(year=2023, month=1, day=1), text=None)
        """
        try:
            return cls(date=PartialDate.parse(text))
        except ParseError as error:
            raise ParseError("instant", text, reason=error.reason) from None


def _check_bounds(instance: Period) -> None:
    if instance.start is None and instance.end is None:
        raise ModelError("Period", "start", None, "a period needs a start, an end or both")


@attrs.frozen(kw_only=True)
class Period:
    """A stretch of time, inclusive at both ends at their precision.

    "2021–2023" is ``start=2021, end=2023``; "in 2023" is ``start=end=2023``;
    "since 2005" has no end and "by 2030" no start (deadlines and targets are
    open-start periods). A reversed range is not refused here, so that
    validation can report it: check `is_ordered`.

    `text` is the phrase as written; it is kept for provenance and takes no
    part in equality or hashing.

    Attributes:
        start: The first date covered, or None for an open start.
        end: The last date covered, or None for an open end.
        text: The phrase as written, if the period was read from text.

    Raises:
        ModelError: If both bounds are None, or a bound is not a PartialDate.

    Example:
        >>> from catdomain._dates import PartialDate, Period
        >>> plan = Period(start=PartialDate(2024), end=PartialDate(2028))
        >>> str(plan), plan.years
        ('2024/2028', (2024, 2025, 2026, 2027, 2028))
        >>> str(Period(start=PartialDate(2005))), str(Period.year(2023))
        ('2005/..', '2023')
    """

    start: PartialDate | None = attrs.field(
        default=None, validator=_check_partial_date("Period", optional=True)
    )
    end: PartialDate | None = attrs.field(
        default=None, validator=_check_partial_date("Period", optional=True)
    )
    text: str | None = attrs.field(default=None, eq=False, validator=_check_text("Period"))

    def __attrs_post_init__(self) -> None:
        _check_bounds(self)

    @classmethod
    def year(cls, year: int) -> Period:
        """Return the period of one calendar year.

        Example:
            >>> from catdomain._dates import Period
            >>> Period.year(2023)
            Period(start=PartialDate(year=2023, month=None, day=None), end=PartialDate(year=2023, month=None, day=None), text=None)
        """  # noqa: E501
        date = PartialDate(year)
        return cls(start=date, end=date)

    @property
    def is_ordered(self) -> bool:
        """Whether the period is not reversed (an open end counts as ordered).

        Example:
            >>> from catdomain._dates import PartialDate, Period
            >>> Period(start=PartialDate(2023), end=PartialDate(2021)).is_ordered
            False
            >>> Period(start=PartialDate(2023, 5), end=PartialDate(2023)).is_ordered
            True
        """
        if self.start is None or self.end is None:
            return True
        return self.start.earliest() <= self.end.latest()

    def earliest(self) -> datetime.date | None:
        """Return the first day covered, or None for an open start.

        Example:
            >>> from catdomain._dates import PartialDate, Period
            >>> Period(start=PartialDate(2021), end=PartialDate(2023)).earliest()
            datetime.date(2021, 1, 1)
        """
        return None if self.start is None else self.start.earliest()

    def latest(self) -> datetime.date | None:
        """Return the last day covered, or None for an open end.

        Example:
            >>> from catdomain._dates import PartialDate, Period
            >>> Period(start=PartialDate(2021), end=PartialDate(2023)).latest()
            datetime.date(2023, 12, 31)
            >>> Period(start=PartialDate(2005)).latest() is None
            True
        """
        return None if self.end is None else self.end.latest()

    def contains(self, date: PartialDate) -> bool:
        """Return whether every day `date` covers lies within the period.

        Example:
            >>> from catdomain._dates import PartialDate, Period
            >>> since = Period(start=PartialDate(2005))
            >>> since.contains(PartialDate(2023, 5)), since.contains(PartialDate(2004))
            (True, False)
        """
        first, last = self.earliest(), self.latest()
        if first is not None and date.earliest() < first:
            return False
        return last is None or date.latest() <= last

    @property
    def years(self) -> tuple[int, ...] | None:
        """The calendar years the period touches, or None if it is open.

        A reversed period gives an empty tuple.

        Example:
            >>> from catdomain._dates import PartialDate, Period
            >>> Period(start=PartialDate(2022, 11), end=PartialDate(2023, 2)).years
            (2022, 2023)
        """
        if self.start is None or self.end is None:
            return None
        return tuple(range(self.start.year, self.end.year + 1))

    def __str__(self) -> str:
        """Return ISO 8601 interval notation: "2021/2023", "2005/..", "../2030", or "2023"."""
        if self.start is not None and self.start == self.end:
            return str(self.start)
        start = ".." if self.start is None else str(self.start)
        end = ".." if self.end is None else str(self.end)
        return f"{start}/{end}"

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read the interval notation `str()` produces, and nothing else.

        A period whose start equals its end is written as that one date
        ("2023"), so "2023/2023" is refused.

        Raises:
            ParseError: For any other text.

        Example:
            >>> from catdomain._dates import Period
            >>> Period.parse("../2030").end
            PartialDate(year=2030, month=None, day=None)
            >>> Period.parse("2023") == Period.year(2023)
            True
        """
        if "/" not in text:
            if text == "..":
                raise ParseError("period", text, reason="a period needs a start, an end or both")
            date = _parse_bound(text, text)
            return cls(start=date, end=date)
        first, _, second = text.partition("/")
        if "/" in second:
            raise ParseError("period", text, reason="expected one '/' between start and end")
        start = None if first == ".." else _parse_bound(text, first)
        end = None if second == ".." else _parse_bound(text, second)
        if start is None and end is None:
            raise ParseError("period", text, reason="a period needs a start, an end or both")
        if start is not None and start == end:
            raise ParseError(
                "period", text, reason=f"a period of one date is written as {str(start)!r}"
            )
        return cls(start=start, end=end)


def _parse_bound(text: str, part: str) -> PartialDate:
    try:
        return PartialDate.parse(part)
    except ParseError as error:
        raise ParseError("period", text, reason=f"{part!r}: {error.reason}") from None


@attrs.frozen(kw_only=True)
class Pooled:
    """Several periods whose figures are counted together ("in 2023 and 2024").

    `text` is the phrase as written; it is kept for provenance and takes no
    part in equality or hashing.

    Attributes:
        periods: Two or more periods, in the order written.
        text: The phrase as written, if read from text.

    Raises:
        ModelError: If fewer than two periods are given.

    Example:
        >>> from catdomain._dates import Period, Pooled
        >>> both = Pooled(periods=(Period.year(2023), Period.year(2024)), text="in 2023 and 2024")
        >>> str(both), both.years
        ('2023+2024', (2023, 2024))
    """

    periods: tuple[Period, ...] = attrs.field(validator=_check_periods)
    text: str | None = attrs.field(default=None, eq=False, validator=_check_text("Pooled"))

    def earliest(self) -> datetime.date | None:
        """Return the first day any period covers, or None if one has an open start.

        Example:
            >>> from catdomain._dates import Period, Pooled
            >>> Pooled(periods=(Period.year(2024), Period.year(2023))).earliest()
            datetime.date(2023, 1, 1)
        """
        days = [p.earliest() for p in self.periods]
        return None if any(d is None for d in days) else min(d for d in days if d is not None)

    def latest(self) -> datetime.date | None:
        """Return the last day any period covers, or None if one has an open end.

        Example:
            >>> from catdomain._dates import Period, Pooled
            >>> Pooled(periods=(Period.year(2024), Period.year(2023))).latest()
            datetime.date(2024, 12, 31)
        """
        days = [p.latest() for p in self.periods]
        return None if any(d is None for d in days) else max(d for d in days if d is not None)

    @property
    def years(self) -> tuple[int, ...] | None:
        """The calendar years the periods touch, sorted, or None if one is open.

        Example:
            >>> from catdomain._dates import Period, Pooled
            >>> Pooled(periods=(Period.year(2023), Period.year(2021))).years
            (2021, 2023)
        """
        years: set[int] = set()
        for period in self.periods:
            some = period.years
            if some is None:
                return None
            years.update(some)
        return tuple(sorted(years))

    def __str__(self) -> str:
        """Return the periods' interval notations joined by "+" ("2023+2024")."""
        return "+".join(str(p) for p in self.periods)

    @classmethod
    def parse(cls, text: str) -> Pooled:
        """Read the notation `str()` produces: periods joined by "+".

        Raises:
            ParseError: For any other text.

        Example:
            >>> from catdomain._dates import Pooled
            >>> [str(p) for p in Pooled.parse("2023-09-21+2023-09-22").periods]
            ['2023-09-21', '2023-09-22']
        """
        parts = text.split("+")
        if len(parts) < 2:
            raise ParseError("pooled periods", text, reason="expected periods joined by '+'")
        periods = []
        for part in parts:
            try:
                periods.append(Period.parse(part))
            except ParseError as error:
                raise ParseError(
                    "pooled periods", text, reason=f"{part!r}: {error.reason}"
                ) from None
        return cls(periods=tuple(periods))


TimeReference: TypeAlias = Instant | Period | Pooled
"""What a figure's time is: a point in time, a period, or periods pooled."""


# --------------------------------------------------------------------------
# The prose grammar

_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20,
}  # fmt: skip

# Dashes that join a range: hyphen-minus, hyphen, non-breaking hyphen, figure
# dash, en dash, em dash, horizontal bar, minus sign.
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"

_TOKEN = _regex.compile(
    rf"""
    (?P<space>\s+)
    | (?P<iso>[0-9]{{4}}-[0-9]{{2}}(?:-[0-9]{{2}})?)(?![0-9])
    | (?P<num>[0-9]+)(?P<ordinal>st|nd|rd|th)?(?![0-9A-Za-z])
    | (?P<word>[A-Za-z]+)(?P<dot>\.)?
    | (?P<comma>,)
    | (?P<dash>[{_DASHES}])
    """,
    re.VERBOSE | re.IGNORECASE,
)

_RELATIVE_YEARS = _regex.compile(
    r"(?:(?:over|in|during|for|within|throughout)\s+)?(?:the\s+)?"
    r"(?:past|last|previous|preceding)\s+(?P<count>[0-9]{1,2}|[a-z]+)\s+years",
    re.IGNORECASE,
)
_RELATIVE_YEAR = _regex.compile(
    r"(?:(?:over|in|during|for|throughout)\s+)?"
    r"(?:(?P<previous>(?:the\s+)?(?:past|last|previous|preceding))|"
    r"(?P<current>this|the\s+current|the\s+present))\s+year",
    re.IGNORECASE,
)

# Words that start a phrase and what they make of the date that follows.
_INSTANT_WORDS = frozenset({"at"})
_SINCE_WORDS = frozenset({"since"})
_UNTIL_WORDS = frozenset({"until", "till", "by"})
_PREPOSITIONS = frozenset({"in", "during", "for", "on", "throughout", "over"})
_RANGE_WORDS = frozenset({"to", "until", "till"})
_KEYWORDS = frozenset({"and", "to", "until", "till", "onwards", "onward"})


class _Token(NamedTuple):
    kind: str
    value: str
    raw: str
    position: int
    suffix: str


@attrs.frozen
class _Item:
    """A date as written, possibly missing parts it takes from the next date."""

    position: int
    year: int | None
    month: int | None
    day: int | None


def _tokenize(what: str, original: str, text: str, offset: int) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise ParseError(
                what,
                original,
                reason=f"unexpected character {text[position]!r}",
                position=offset + position,
            )
        kind = match.lastgroup
        position = match.end()
        if kind == "space":
            continue
        if match.group("num") is not None:
            tokens.append(
                _Token(
                    "num",
                    match.group("num"),
                    match.group(0),
                    offset + match.start(),
                    (match.group("ordinal") or "").lower(),
                )
            )
        elif match.group("word") is not None:
            tokens.append(
                _Token(
                    "word",
                    match.group("word").lower(),
                    match.group(0),
                    offset + match.start(),
                    match.group("dot") or "",
                )
            )
        else:
            assert kind is not None
            tokens.append(_Token(kind, match.group(0), match.group(0), offset + match.start(), ""))
    return tokens


class _Parser:
    """Recursive descent over the tokens of one date or time expression."""

    def __init__(self, what: str, text: str) -> None:
        self.what = what
        self.text = text
        stripped = text.strip()
        self.stripped = stripped
        self.offset = len(text) - len(text.lstrip())
        self.tokens = _tokenize(what, text, stripped, self.offset)
        self.index = 0

    # -- token helpers

    def peek(self, ahead: int = 0) -> _Token | None:
        index = self.index + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def peek_word(self, ahead: int = 0) -> str | None:
        token = self.peek(ahead)
        if token is None or token.kind != "word" or token.suffix:
            return None
        return token.value

    def peek_kind(self, ahead: int = 0) -> str | None:
        token = self.peek(ahead)
        return None if token is None else token.kind

    def accept_range_separator(self, *words: str) -> bool:
        if self.peek_kind() == "dash":
            self.index += 1
            return True
        return self.accept_word(*words) is not None

    def accept_word(self, *words: str) -> str | None:
        word = self.peek_word()
        if word is not None and word in words:
            self.index += 1
            return word
        return None

    def at_end(self) -> bool:
        return self.index >= len(self.tokens)

    def fail(self, reason: str, token: _Token | None = None) -> ParseError:
        position = token.position if token is not None else None
        return ParseError(self.what, self.text, reason=reason, position=position)

    def expect_end(self) -> None:
        token = self.peek()
        if token is not None:
            raise self.fail(f"unexpected {token.raw!r}", token)

    # -- dates

    def month_of(self, token: _Token | None) -> int | None:
        if token is None or token.kind != "word":
            return None
        if token.suffix:
            return _MONTH_ABBREVIATIONS.get(token.value)
        return _MONTHS.get(token.value) or _MONTH_ABBREVIATIONS.get(token.value)

    def year_of(self, token: _Token | None) -> int | None:
        if token is None or token.kind != "num" or token.suffix or len(token.value) != 4:
            return None
        return int(token.value)

    def item(self) -> _Item | None:
        """Read one date as written, complete or not; None if none starts here."""
        token = self.peek()
        if token is None:
            return None
        if token.kind == "iso":
            self.index += 1
            try:
                date = PartialDate.parse(token.value)
            except ParseError as error:
                raise self.fail(f"{token.raw!r}: {error.reason}", token) from None
            return _Item(token.position, date.year, date.month, date.day)
        if token.kind == "num":
            return self.item_from_number(token)
        month = self.month_of(token)
        if month is None:
            return None
        self.index += 1
        following = self.peek()
        if following is not None and following.kind == "num" and len(following.value) <= 2:
            # "December 24, 2014": the comma belongs to the date only before a year.
            self.index += 1
            year = self.year_of(self.peek())
            if year is None and self.peek_kind() == "comma":
                year = self.year_of(self.peek(1))
                if year is not None:
                    self.index += 1
            if year is not None:
                self.index += 1
            return _Item(token.position, year, month, int(following.value))
        year = self.year_of(following)
        if year is not None:
            self.index += 1
        return _Item(token.position, year, month, None)

    def item_from_number(self, token: _Token) -> _Item:
        year = self.year_of(token)
        if year is not None:
            self.index += 1
            return _Item(token.position, year, None, None)
        if len(token.value) > 2:
            raise self.fail(f"{token.raw!r} is neither a day nor a four-digit year", token)
        self.index += 1
        day = int(token.value)
        following = self.peek()
        month = self.month_of(following)
        if month is None:
            if (
                following is not None
                and following.kind == "word"
                and following.value not in _KEYWORDS
            ):
                raise self.fail(f"unknown month name {following.raw!r}", following)
            return _Item(token.position, None, None, day)
        self.index += 1
        year = self.year_of(self.peek())
        if year is not None:
            self.index += 1
        return _Item(token.position, year, month, day)

    def build(self, item: _Item, year: int, month: int | None) -> PartialDate:
        try:
            return PartialDate(year, month, item.day)
        except ModelError as error:
            raise ParseError(
                self.what, self.text, reason=error.reason, position=item.position
            ) from None

    def resolve(self, item: _Item, context: PartialDate | None) -> PartialDate:
        """Complete `item` with the parts it lacks from `context`, the next date written."""
        if item.year is not None:
            return self.build(item, item.year, item.month)
        if item.month is None:
            if context is None or context.month is None:
                raise ParseError(
                    self.what,
                    self.text,
                    position=item.position,
                    reason=f"day {item.day} needs a month and a year after it",
                )
            return self.build(item, context.year, context.month)
        if context is None:
            raise ParseError(
                self.what, self.text, position=item.position, reason="the year is missing"
            )
        return self.build(item, context.year, item.month)

    def complete_date(self) -> PartialDate:
        """Read one date that carries its own year."""
        token = self.peek()
        item = self.item()
        if item is None:
            if token is None:
                raise self.fail("expected a date, found nothing")
            raise self.fail(f"expected a date, found {token.raw!r}", token)
        return self.resolve(item, None)

    # -- time expressions

    def element(self) -> list[_Item]:
        """Read a date, or a range of two ("2021–2023", "January to March 2023")."""
        token = self.peek()
        first = self.item()
        if first is None:
            if token is None:
                raise self.fail("expected a date, found nothing")
            raise self.fail(f"expected a date, found {token.raw!r}", token)
        if self.accept_range_separator("to"):
            return [first, self.required_item()]
        return [first]

    def required_item(self) -> _Item:
        token = self.peek()
        item = self.item()
        if item is None:
            if token is None:
                raise self.fail("expected a date after the range separator")
            raise self.fail(f"expected a date, found {token.raw!r}", token)
        return item

    def elements(self) -> list[list[_Item]]:
        """Read dates and ranges joined by commas and "and"."""
        found = [self.element()]
        while not self.at_end():
            token = self.peek()
            assert token is not None
            if token.kind == "comma":
                self.index += 1
                self.accept_word("and")
            elif self.accept_word("and") is None:
                break
            found.append(self.element())
        return found

    def periods(self, elements: list[list[_Item]]) -> list[Period]:
        """Resolve the written dates right to left, each borrowing from the next."""
        flat = [item for element in elements for item in element]
        backwards: list[PartialDate] = []
        context: PartialDate | None = None
        for item in reversed(flat):
            context = self.resolve(item, context)
            backwards.append(context)
        resolved = backwards[::-1]
        periods: list[Period] = []
        index = 0
        for element in elements:
            if len(element) == 1:
                date = resolved[index]
                periods.append(Period(start=date, end=date))
            else:
                start, end = resolved[index], resolved[index + 1]
                if element[0].year is None and start.earliest() > end.latest():
                    raise ParseError(
                        self.what,
                        self.text,
                        position=element[0].position,
                        reason="the start's year is ambiguous: write it out",
                    )
                periods.append(Period(start=start, end=end))
            index += len(element)
        return periods

    def time(self) -> TimeReference:
        text = self.stripped
        first = self.peek_word()
        if first == "as" and self.peek_word(1) in ("at", "of"):
            self.index += 2
            return self.finish_instant(text)
        if first in _INSTANT_WORDS:
            self.index += 1
            return self.finish_instant(text)
        if first in _SINCE_WORDS:
            self.index += 1
            date = self.complete_date()
            self.expect_end()
            return Period(start=date, text=text)
        if first in _UNTIL_WORDS or (first == "up" and self.peek_word(1) == "to"):
            self.index += 2 if first == "up" else 1
            date = self.complete_date()
            self.expect_end()
            return Period(end=date, text=text)
        self.accept_word(*_PREPOSITIONS)
        if self.peek_word() == "the" and self.peek_word(1) in ("period", "years", "year"):
            self.index += 2
        if self.accept_word("from"):
            start_item = self.required_item()
            if self.accept_word("onwards", "onward"):
                self.expect_end()
                return Period(start=self.resolve(start_item, None), text=text)
            if not self.accept_range_separator(*_RANGE_WORDS):
                raise self.fail("expected 'to' or a dash after the start date", self.peek())
            elements = [[start_item, self.required_item()]]
        elif self.accept_word("between"):
            start_item = self.required_item()
            if self.accept_word("and") is None:
                raise self.fail("expected 'and' after the first date", self.peek())
            elements = [[start_item, self.required_item()]]
        else:
            elements = self.elements()
        self.expect_end()
        periods = self.periods(elements)
        if len(periods) == 1:
            return attrs.evolve(periods[0], text=text)
        return Pooled(periods=tuple(periods), text=text)

    def finish_instant(self, text: str) -> Instant:
        date = self.complete_date()
        self.expect_end()
        return Instant(date=date, text=text)


def parse_date(text: str) -> PartialDate:
    """Read one date written in prose or in ISO 8601, keeping its precision.

    Accepted: "24 December 2014", "24 Dec. 2014", "1st January 2023",
    "December 24, 2014", "August 2021", "2023", "2023-05-10", "2023-05", with an
    optional leading "of", "on" or "dated" and surrounding whitespace. Month
    names are full or standard abbreviations ("Sept."), in any case. Nothing
    is taken from the current date.

    Args:
        text: The date as written.

    Returns:
        The date at the precision written.

    Raises:
        ParseError: For anything else, including a day the month does not have.

    Example:
        >>> from catdomain._dates import parse_date
        >>> parse_date("24 Dec. 2014")
        PartialDate(year=2014, month=12, day=24)
        >>> parse_date("of August 2021").precision
        <DatePrecision.MONTH: 'month'>
        >>> parse_date("31 February 2023")
        Traceback (most recent call last):
        ...
        catdomain.exceptions.ParseError: invalid date '31 February 2023' at character 0: day must be 1 to 28 in 2023-02
    """  # noqa: E501
    parser = _Parser("date", text)
    if not parser.tokens:
        raise ParseError("date", text, reason="empty text")
    parser.accept_word("of", "on", "dated")
    date = parser.complete_date()
    parser.expect_end()
    return date


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower())


def _relative(text: str, stripped: str, reference: PartialDate | None) -> Period | None:
    many = _RELATIVE_YEARS.fullmatch(stripped)
    one = None if many else _RELATIVE_YEAR.fullmatch(stripped)
    if many is None and one is None:
        return None
    if reference is None:
        raise ParseError(
            "time expression", text, reason="relative time expression needs a reference date"
        )
    if many is not None:
        count = _count(many.group("count"))
        if count is None or count < 1:
            raise ParseError(
                "time expression",
                text,
                reason=f"{many.group('count')!r} is not a number of years "
                "(one to twenty, or digits)",
            )
        if reference.year - count < 1:
            raise ParseError("time expression", text, reason="reaches before the year 1")
        return Period(
            start=PartialDate(reference.year - count),
            end=PartialDate(reference.year - 1),
            text=stripped,
        )
    assert one is not None
    year = reference.year - 1 if one.group("previous") else reference.year
    if year < 1:
        raise ParseError("time expression", text, reason="reaches before the year 1")
    return attrs.evolve(Period.year(year), text=stripped)


def parse_time(text: str, *, reference: PartialDate | None = None) -> TimeReference:
    """Read a time expression from prose.

    What comes back:

    - a `Period` for a year, month or day ("in 2023", "August 2021",
      "on 20 April 2023": start and end equal), a range ("2024–2028",
      "from 2021 to 2023", "between 2021 and 2023", "for the period 2024–2028",
      "January–March 2023"), an open start ("since 2005",
      "from 2021 onwards") or an open end ("until 2005", "up to 2005",
      "by 2030": deadlines and targets are open-start periods);
    - an `Instant` for "as at", "as of" and "at" a date;
    - a `Pooled` for several dates or ranges counted together ("in 2023 and
      2024", "in 2021, 2022 and 2023", "on 21 and 22 September 2023": an
      incomplete date borrows its month and year from the next one written).

    Relative expressions are resolved against `reference` (normally the
    date of the reply) on the convention that replies report on completed
    calendar years: "over the past N years" is the N years before the
    reference year; "last year", "the previous year" and "the past year"
    are the year before it; "this year" and "the current year" are the
    reference year. N is written in digits or as a word from one to twenty.

    Ranges are not checked for order here (see `Period.is_ordered`), except
    that a start whose year was borrowed may not fall after the end.

    Args:
        text: The expression; surrounding whitespace is ignored.
        reference: The date relative expressions count from.

    Returns:
        The time reference, its `text` set to the stripped input.

    Raises:
        ParseError: For anything not recognised, an impossible date, or a
            relative expression without `reference`.

    Example:
        >>> from catdomain._dates import PartialDate, parse_time
        >>> str(parse_time("from 2021 to 2023")), str(parse_time("since 2005"))
        ('2021/2023', '2005/..')
        >>> parse_time("As at 1 January 2023")
        Instant(date=PartialDate(year=2023, month=1, day=1), text='As at 1 January 2023')
        >>> str(parse_time("on 21 and 22 September 2023"))
        '2023-09-21+2023-09-22'
        >>> str(parse_time("over the past three years", reference=PartialDate(2024, 5, 13)))
        '2021/2023'
    """
    stripped = text.strip()
    if not stripped:
        raise ParseError("time expression", text, reason="empty text")
    relative = _relative(text, stripped, reference)
    if relative is not None:
        return relative
    return _Parser("time expression", text).time()
