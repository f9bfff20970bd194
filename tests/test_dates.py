"""Tests for catdomain._dates: partial dates, periods and the prose date grammar."""

from __future__ import annotations

import calendar
import contextlib
import datetime
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

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
from catdomain.exceptions import ModelError, ParseError

# --------------------------------------------------------------------------
# Strategies


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Any valid PartialDate, at any precision."""
    year = draw(st.integers(min_value=1, max_value=9999))
    month = draw(st.none() | st.integers(min_value=1, max_value=12))
    if month is None:
        return PartialDate(year)
    last = calendar.monthrange(year, month)[1]
    day = draw(st.none() | st.integers(min_value=1, max_value=last))
    return PartialDate(year, month, day)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """Any valid Period: bounded, open at one end, reversed or not."""
    start = draw(st.none() | partial_dates())
    end = draw(partial_dates()) if start is None else draw(st.none() | partial_dates())
    return Period(start=start, end=end)


pooled_periods = st.lists(periods(), min_size=2, max_size=5).map(
    lambda ps: Pooled(periods=tuple(ps))
)

MONTH_NAMES = [calendar.month_name[m] for m in range(1, 13)]


def d(year: int, month: int | None = None, day: int | None = None) -> PartialDate:
    """Shorthand for PartialDate."""
    return PartialDate(year, month, day)


def span(start: PartialDate | None, end: PartialDate | None) -> Period:
    """Shorthand for a Period without text."""
    return Period(start=start, end=end)


def one(date: PartialDate) -> Period:
    """The period of one date."""
    return Period(start=date, end=date)


# --------------------------------------------------------------------------
# PartialDate


@pytest.mark.parametrize(
    ("date", "precision", "text"),
    [
        (d(2023, 5, 10), DatePrecision.DAY, "2023-05-10"),
        (d(2021, 8), DatePrecision.MONTH, "2021-08"),
        (d(2014), DatePrecision.YEAR, "2014"),
        (d(5), DatePrecision.YEAR, "0005"),
        (d(987, 1, 2), DatePrecision.DAY, "0987-01-02"),
        (d(9999, 12, 31), DatePrecision.DAY, "9999-12-31"),
    ],
    ids=lambda v: str(v) if isinstance(v, PartialDate) else None,
)
def test_partial_date_precision_and_iso_text(
    date: PartialDate, precision: DatePrecision, text: str
) -> None:
    """A PartialDate knows its precision and prints ISO 8601 at that precision."""
    assert date.precision is precision
    assert str(date) == text
    assert PartialDate.parse(text) == date


def test_partial_date_accepts_positional_and_keyword_arguments() -> None:
    """PartialDate(2023, 5, 10) and the keyword form build equal values."""
    assert PartialDate(2023, 5, 10) == PartialDate(year=2023, month=5, day=10)
    assert hash(PartialDate(2021, 8)) == hash(PartialDate(year=2021, month=8))


@pytest.mark.parametrize(
    ("kwargs", "field", "reason"),
    [
        pytest.param({"year": 0}, "year", "year must be 1 to 9999", id="year-zero"),
        pytest.param({"year": 10000}, "year", "year must be 1 to 9999", id="year-five-digits"),
        pytest.param({"year": -1}, "year", "year must be 1 to 9999", id="year-negative"),
        pytest.param({"year": True}, "year", "year must be an int", id="year-bool"),
        pytest.param({"year": "2023"}, "year", "year must be an int", id="year-str"),
        pytest.param({"year": 2023.0}, "year", "year must be an int", id="year-float"),
        pytest.param({"year": 2023, "month": 0}, "month", "month must be 1 to 12", id="month-0"),
        pytest.param({"year": 2023, "month": 13}, "month", "month must be 1 to 12", id="month-13"),
        pytest.param({"year": 2023, "month": True}, "month", "must be an int", id="month-bool"),
        pytest.param(
            {"year": 2023, "month": 2, "day": 29}, "day", "1 to 28 in 2023-02", id="feb-29-2023"
        ),
        pytest.param(
            {"year": 1900, "month": 2, "day": 29}, "day", "1 to 28 in 1900-02", id="feb-29-1900"
        ),
        pytest.param({"year": 2023, "month": 4, "day": 31}, "day", "1 to 30", id="april-31"),
        pytest.param({"year": 2023, "month": 1, "day": 0}, "day", "1 to 31", id="day-0"),
        pytest.param({"year": 2023, "day": 5}, "day", "a day needs a month", id="day-no-month"),
        pytest.param(
            {"year": 2023, "month": 1, "day": False}, "day", "must be an int", id="day-bool"
        ),
    ],
)
def test_partial_date_validators_raise_model_error(
    kwargs: dict[str, object], field: str, reason: str
) -> None:
    """Each PartialDate validator raises ModelError naming the field, value and reason."""
    with pytest.raises(ModelError) as caught:
        PartialDate(**kwargs)  # type: ignore[arg-type]
    assert caught.value.owner == "PartialDate"
    assert caught.value.field == field
    assert reason in caught.value.reason
    assert isinstance(caught.value, ValueError)


def test_partial_date_month_message_is_exact() -> None:
    """The month message is the one exceptions.py documents."""
    with pytest.raises(ModelError) as caught:
        PartialDate(2023, 13)
    assert str(caught.value) == "PartialDate.month: 13 is not valid: month must be 1 to 12"


def test_partial_date_accepts_leap_day() -> None:
    """29 February exists in leap years, including 2000 and 2024."""
    assert PartialDate(2024, 2, 29).latest() == datetime.date(2024, 2, 29)
    assert PartialDate(2000, 2, 29).day == 29


@pytest.mark.parametrize(
    ("date", "earliest", "latest"),
    [
        (d(2023), datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)),
        (d(2024, 2), datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)),
        (d(2023, 2), datetime.date(2023, 2, 1), datetime.date(2023, 2, 28)),
        (d(2023, 11), datetime.date(2023, 11, 1), datetime.date(2023, 11, 30)),
        (d(2023, 5, 10), datetime.date(2023, 5, 10), datetime.date(2023, 5, 10)),
    ],
    ids=str,
)
def test_partial_date_earliest_and_latest(
    date: PartialDate, earliest: datetime.date, latest: datetime.date
) -> None:
    """earliest() and latest() give the first and last day the date covers."""
    assert date.earliest() == earliest
    assert date.latest() == latest


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        (d(2023), d(2023, 5, 10), True),
        (d(2023), d(2023, 5), True),
        (d(2023), d(2023), True),
        (d(2023, 5), d(2023, 5, 31), True),
        (d(2023, 5), d(2023), False),
        (d(2023, 5, 10), d(2023, 5), False),
        (d(2023), d(2024, 1, 1), False),
    ],
    ids=lambda v: str(v) if isinstance(v, PartialDate) else str(v).lower(),
)
def test_partial_date_contains(outer: PartialDate, inner: PartialDate, expected: bool) -> None:
    """contains() holds when every day of the inner date lies in the outer one."""
    assert outer.contains(inner) is expected


def test_partial_date_sorts_by_sort_key_and_defines_no_ordering() -> None:
    """Partial dates sort with sort_key(); the < operator is deliberately absent."""
    dates = [d(2023, 5), d(2022, 12, 31), d(2023), d(2023, 5, 1)]
    assert [str(x) for x in sorted(dates, key=PartialDate.sort_key)] == [
        "2022-12-31",
        "2023",
        "2023-05",
        "2023-05-01",
    ]
    with pytest.raises(TypeError):
        _ = d(2023) < d(2024)  # type: ignore[operator]


def test_partial_date_from_date() -> None:
    """from_date() keeps the day precision of a datetime.date."""
    assert PartialDate.from_date(datetime.date(2024, 5, 13)) == d(2024, 5, 13)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "23",
        "20230",
        "2023-5",
        "2023-05-1",
        "2023-5-10",
        " 2023",
        "2023 ",
        "2023\n",
        "+2023",
        "2023-00",
        "2023-13",
        "2023-02-30",
        "0000",
        "2023/05",
        "2023-W01",
        "20230510",
        "2023-05-10T00:00",
        "\uff12\uff10\uff12\uff13",
        "May 2023",
    ],
    ids=repr,
)
def test_partial_date_parse_rejects_non_canonical_text(text: str) -> None:
    """PartialDate.parse accepts only what str() produces; the rest is a ParseError."""
    with pytest.raises(ParseError) as caught:
        PartialDate.parse(text)
    assert caught.value.text == text
    assert repr(text) in str(caught.value)


@given(partial_dates())
def test_partial_date_round_trip(date: PartialDate) -> None:
    """PartialDate.parse(str(x)) == x for every valid partial date."""
    assert PartialDate.parse(str(date)) == date


@given(st.text(alphabet="0123456789-/ T+W", max_size=14))
def test_partial_date_parse_accepts_only_canonical_text(text: str) -> None:
    """Whatever PartialDate.parse accepts prints back as exactly the same text."""
    try:
        date = PartialDate.parse(text)
    except ParseError:
        return
    assert str(date) == text


# --------------------------------------------------------------------------
# Instant


def test_instant_text_is_provenance_not_identity() -> None:
    """An Instant's text is kept but does not take part in equality or hashing."""
    a = Instant(date=d(2023, 1, 1), text="as at 1 January 2023")
    b = Instant(date=d(2023, 1, 1))
    assert a == b
    assert hash(a) == hash(b)
    assert a.text == "as at 1 January 2023"


def test_instant_str_parse_and_bounds() -> None:
    """An Instant prints its ISO date, parses it back and covers its date's days."""
    at = Instant(date=d(2023, 1))
    assert str(at) == "2023-01"
    assert Instant.parse("2023-01") == at
    assert (at.earliest(), at.latest()) == (datetime.date(2023, 1, 1), datetime.date(2023, 1, 31))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        pytest.param({"date": "2023"}, "date", id="date-str"),
        pytest.param({"date": None}, "date", id="date-none"),
        pytest.param({"date": d(2023), "text": 12}, "text", id="text-int"),
    ],
)
def test_instant_validators_raise_model_error(kwargs: dict[str, object], field: str) -> None:
    """Instant refuses a date that is not a PartialDate and text that is not a str."""
    with pytest.raises(ModelError) as caught:
        Instant(**kwargs)  # type: ignore[arg-type]
    assert (caught.value.owner, caught.value.field) == ("Instant", field)


def test_instant_parse_rejects_other_text() -> None:
    """Instant.parse refuses anything but an ISO date."""
    with pytest.raises(ParseError, match="1 January 2023"):
        Instant.parse("1 January 2023")


# --------------------------------------------------------------------------
# Period


@pytest.mark.parametrize(
    ("period", "text"),
    [
        (span(d(2021), d(2023)), "2021/2023"),
        (span(d(2005), None), "2005/.."),
        (span(None, d(2030)), "../2030"),
        (span(d(2023), d(2023)), "2023"),
        (span(d(2023, 9, 21), d(2023, 9, 21)), "2023-09-21"),
        (span(d(2023, 1), d(2023, 3)), "2023-01/2023-03"),
        (span(d(2023, 1, 1), d(2023, 3, 31)), "2023-01-01/2023-03-31"),
        (span(d(2023, 5), d(2023)), "2023-05/2023"),
        (span(d(2023), d(2021)), "2023/2021"),
    ],
    ids=lambda v: str(v) if isinstance(v, Period) else None,
)
def test_period_str_and_parse(period: Period, text: str) -> None:
    """A Period prints ISO 8601 interval notation and parses it back."""
    assert str(period) == text
    assert Period.parse(text) == period
    assert Period.parse(text).text is None


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "expected YYYY"),
        ("..", "needs a start, an end or both"),
        ("../..", "needs a start, an end or both"),
        ("2023/2023", "written as '2023'"),
        ("2021/2022/2023", "one '/'"),
        ("2021 / 2023", "expected YYYY"),
        ("2021/", "expected YYYY"),
        ("/2023", "expected YYYY"),
        ("2021–2023", "expected YYYY"),
        ("2021/2023-02-30", "day must be 1 to 28"),
        ("in 2023", "expected YYYY"),
    ],
    ids=repr,
)
def test_period_parse_rejects(text: str, reason: str) -> None:
    """Period.parse refuses anything str() would not produce, saying why."""
    with pytest.raises(ParseError) as caught:
        Period.parse(text)
    assert caught.value.text == text
    assert repr(text) in str(caught.value)
    assert reason in caught.value.reason


@given(periods())
def test_period_round_trip(period: Period) -> None:
    """Period.parse(str(x)) == x for every valid period."""
    assert Period.parse(str(period)) == period


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        pytest.param({}, "start", id="no-bounds"),
        pytest.param({"start": None, "end": None}, "start", id="both-none"),
        pytest.param({"start": 2021}, "start", id="start-int"),
        pytest.param({"end": datetime.date(2023, 1, 1)}, "end", id="end-stdlib-date"),
        pytest.param({"start": d(2021), "text": b"x"}, "text", id="text-bytes"),
    ],
)
def test_period_validators_raise_model_error(kwargs: dict[str, object], field: str) -> None:
    """Period needs at least one PartialDate bound and text that is a str."""
    with pytest.raises(ModelError) as caught:
        Period(**kwargs)  # type: ignore[arg-type]
    assert (caught.value.owner, caught.value.field) == ("Period", field)


def test_period_does_not_refuse_a_reversed_range() -> None:
    """A reversed Period is built (validation reports it later) and is_ordered says so."""
    reversed_ = span(d(2023), d(2021))
    assert reversed_.is_ordered is False
    assert reversed_.years == ()
    assert span(d(2021), d(2023)).is_ordered is True
    assert span(d(2023, 5), d(2023)).is_ordered is True
    assert span(None, d(2030)).is_ordered is True


@pytest.mark.parametrize(
    ("period", "earliest", "latest", "years"),
    [
        (span(d(2021), d(2023)), datetime.date(2021, 1, 1), datetime.date(2023, 12, 31),
         (2021, 2022, 2023)),
        (span(d(2022, 11), d(2023, 2)), datetime.date(2022, 11, 1), datetime.date(2023, 2, 28),
         (2022, 2023)),
        (span(d(2005), None), datetime.date(2005, 1, 1), None, None),
        (span(None, d(2030)), None, datetime.date(2030, 12, 31), None),
        (Period.year(2023), datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), (2023,)),
    ],
    ids=lambda v: str(v) if isinstance(v, Period) else "",
)  # fmt: skip
def test_period_bounds_and_years(
    period: Period,
    earliest: datetime.date | None,
    latest: datetime.date | None,
    years: tuple[int, ...] | None,
) -> None:
    """earliest(), latest() and years follow the bounds; open ends give None."""
    assert period.earliest() == earliest
    assert period.latest() == latest
    assert period.years == years


@pytest.mark.parametrize(
    ("period", "date", "expected"),
    [
        (span(d(2021), d(2023)), d(2022, 6, 1), True),
        (span(d(2021), d(2023)), d(2023), True),
        (span(d(2021), d(2023)), d(2024, 1), False),
        (span(d(2021, 6), d(2023)), d(2021), False),
        (span(d(2005), None), d(9999), True),
        (span(d(2005), None), d(2004, 12, 31), False),
        (span(None, d(2030)), d(1, 1, 1), True),
        (span(None, d(2030)), d(2031), False),
    ],
    ids=lambda v: str(v) if not isinstance(v, bool) else str(v).lower(),
)
def test_period_contains(period: Period, date: PartialDate, expected: bool) -> None:
    """contains() is inclusive at both ends, at the bounds' precision."""
    assert period.contains(date) is expected


def test_period_year_convenience() -> None:
    """Period.year(y) is the period of one calendar year."""
    assert Period.year(2023) == span(d(2023), d(2023))
    assert str(Period.year(2023)) == "2023"


def test_period_text_is_provenance_not_identity() -> None:
    """A Period's text is kept but does not take part in equality or hashing."""
    a = attrs.evolve(Period.year(2023), text="in 2023")
    b = attrs.evolve(Period.year(2023), text="during 2023")
    assert a == b
    assert hash(a) == hash(b)
    assert (a.text, b.text) == ("in 2023", "during 2023")


# --------------------------------------------------------------------------
# Pooled


def test_pooled_str_parse_and_years() -> None:
    """Pooled periods print joined by '+', parse back and list their years."""
    pooled = Pooled(periods=(Period.year(2023), Period.year(2024)), text="in 2023 and 2024")
    assert str(pooled) == "2023+2024"
    assert Pooled.parse("2023+2024") == pooled
    assert pooled.years == (2023, 2024)
    assert pooled.earliest() == datetime.date(2023, 1, 1)
    assert pooled.latest() == datetime.date(2024, 12, 31)


def test_pooled_with_open_period_has_no_years() -> None:
    """A pooled value with an open period has no year list and an open bound."""
    pooled = Pooled(periods=(span(d(2005), None), Period.year(2003)))
    assert pooled.years is None
    assert pooled.latest() is None
    assert pooled.earliest() == datetime.date(2003, 1, 1)


@pytest.mark.parametrize(
    "periods_value",
    [
        pytest.param((), id="empty"),
        pytest.param((Period.year(2023),), id="one-period"),
        pytest.param([Period.year(2023), Period.year(2024)], id="list-not-tuple"),
        pytest.param((Period.year(2023), d(2024)), id="partial-date-not-period"),
    ],
)
def test_pooled_validators_raise_model_error(periods_value: object) -> None:
    """Pooled needs a tuple of at least two Period values."""
    with pytest.raises(ModelError) as caught:
        Pooled(periods=periods_value)  # type: ignore[arg-type]
    assert (caught.value.owner, caught.value.field) == ("Pooled", "periods")


@pytest.mark.parametrize(
    "text", ["", "2023", "2023+", "+2023", "2023++2024", "2023 + 2024", "2023+2024-13"], ids=repr
)
def test_pooled_parse_rejects(text: str) -> None:
    """Pooled.parse refuses anything but two or more canonical periods joined by '+'."""
    with pytest.raises(ParseError) as caught:
        Pooled.parse(text)
    assert caught.value.text == text


@given(pooled_periods)
def test_pooled_round_trip(pooled: Pooled) -> None:
    """Pooled.parse(str(x)) == x for every valid pooled value."""
    assert Pooled.parse(str(pooled)) == pooled


def test_time_reference_alias_covers_the_three_kinds() -> None:
    """TimeReference is the union of Instant, Period and Pooled."""
    for value in (Instant(date=d(2023)), Period.year(2023)):
        assert isinstance(value, TimeReference)  # type: ignore[arg-type]
    assert not isinstance(d(2023), TimeReference)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24 December 2014", d(2014, 12, 24)),
        ("24 Dec. 2014", d(2014, 12, 24)),
        ("24 Dec 2014", d(2014, 12, 24)),
        ("December 24, 2014", d(2014, 12, 24)),
        ("December 24 2014", d(2014, 12, 24)),
        ("August 2021", d(2021, 8)),
        ("of August 2021", d(2021, 8)),
        ("on 5 August 2022", d(2022, 8, 5)),
        ("dated 1 Sept. 2020", d(2020, 9, 1)),
        ("1 Sep 2020", d(2020, 9, 1)),
        ("2023", d(2023)),
        ("2023-05-10", d(2023, 5, 10)),
        ("2023-05", d(2023, 5)),
        ("1st January 2023", d(2023, 1, 1)),
        ("22nd Feb 2022", d(2022, 2, 22)),
        ("3rd March 2021", d(2021, 3, 3)),
        ("august 2021", d(2021, 8)),
        ("24 DECEMBER 2014", d(2014, 12, 24)),
        ("  24 December 2014  ", d(2014, 12, 24)),
        ("24\u00a0December\u00a02014", d(2014, 12, 24)),
        ("29 February 2024", d(2024, 2, 29)),
        ("May 2020", d(2020, 5)),
    ],
    ids=repr,
)
def test_parse_date_accepts(text: str, expected: PartialDate) -> None:
    """parse_date reads one date in prose or ISO 8601, keeping its precision."""
    result = parse_date(text)
    assert result == expected
    assert result.precision is expected.precision


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("24 December", "year is missing"),
        ("December", "year is missing"),
        ("24 Febtember 2014", "unknown month name 'Febtember'"),
        ("31 February 2023", "day must be 1 to 28"),
        ("32 January 2020", "day must be 1 to 31"),
        ("29 February 2023", "day must be 1 to 28"),
        ("No. 162 of 24 December 2014", "expected a date"),
        ("2021-2023", "unexpected '-'"),
        ("2024–2028", "unexpected '–'"),
        ("21 and 22 September 2023", "needs a month and a year"),
        ("in 2023", "expected a date"),
        ("24 Dec 14", "year is missing"),
        ("December. 2014", "expected a date"),
        ("0000", "year must be 1 to 9999"),
        ("2023-13", "month must be 1 to 12"),
        ("123", "neither a day nor a four-digit year"),
        ("tomorrow", "expected a date"),
        ("24/12/2014", "unexpected character '/'"),
        ("2023.", "unexpected character '.'"),
        ("of", "found nothing"),
    ],
    ids=repr,
)
def test_parse_date_rejects(text: str, reason: str) -> None:
    """parse_date raises ParseError naming the text and saying what is wrong."""
    with pytest.raises(ParseError) as caught:
        parse_date(text)
    assert caught.value.what == "date"
    assert caught.value.text == text
    assert repr(text) in str(caught.value)
    assert reason in caught.value.reason


@given(partial_dates().filter(lambda x: x.year >= 1000), st.sampled_from(["full", "abbr", "us"]))
def test_parse_date_reads_generated_prose(date: PartialDate, style: str) -> None:
    """Any date written out in English prose reads back as the same PartialDate."""
    if date.month is None:
        text = str(date.year)
    else:
        name = calendar.month_name[date.month]
        if style == "abbr":
            name = calendar.month_abbr[date.month] + "."
        if date.day is None:
            text = f"{name} {date.year}"
        elif style == "us":
            text = f"{name} {date.day}, {date.year}"
        else:
            text = f"{date.day} {name} {date.year}"
    assert parse_date(text) == date


@given(st.text(max_size=40))
def test_parse_date_fails_only_with_parse_error(text: str) -> None:
    """On arbitrary text parse_date returns a PartialDate or raises ParseError, nothing else."""
    try:
        result = parse_date(text)
    except ParseError:
        return
    assert isinstance(result, PartialDate)


# --------------------------------------------------------------------------
# parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in 2023", Period.year(2023)),
        ("In 2023", Period.year(2023)),
        ("2023", Period.year(2023)),
        ("during 2023", Period.year(2023)),
        ("for 2023", Period.year(2023)),
        ("in August 2021", one(d(2021, 8))),
        ("August 2021", one(d(2021, 8))),
        ("on 20 April 2023", one(d(2023, 4, 20))),
        ("on 30 March 2023", one(d(2023, 3, 30))),
        ("as at 1 January 2023", Instant(date=d(2023, 1, 1))),
        ("As at 1 January 2023", Instant(date=d(2023, 1, 1))),
        ("as of 1 January 2023", Instant(date=d(2023, 1, 1))),
        ("at 1 January 2023", Instant(date=d(2023, 1, 1))),
        ("2024–2028", span(d(2024), d(2028))),
        ("2024-2028", span(d(2024), d(2028))),
        ("2024\u20112028", span(d(2024), d(2028))),
        ("2024—2028", span(d(2024), d(2028))),
        ("2024 - 2028", span(d(2024), d(2028))),
        ("2024 – 2028", span(d(2024), d(2028))),
        ("from 2021 to 2023", span(d(2021), d(2023))),
        ("the period from 2021 to 2023", span(d(2021), d(2023))),
        ("The period from 2021 to 2023", span(d(2021), d(2023))),
        ("between 2021 and 2023", span(d(2021), d(2023))),
        ("in the period between 2021 and 2023", span(d(2021), d(2023))),
        ("for the period 2024–2028", span(d(2024), d(2028))),
        ("for 2022–2024", span(d(2022), d(2024))),
        ("2021 to 2023", span(d(2021), d(2023))),
        ("from 1 January 2023 to 31 March 2023", span(d(2023, 1, 1), d(2023, 3, 31))),
        ("from 1 January to 31 March 2023", span(d(2023, 1, 1), d(2023, 3, 31))),
        ("January–March 2023", span(d(2023, 1), d(2023, 3))),
        ("21–23 September 2023", span(d(2023, 9, 21), d(2023, 9, 23))),
        ("December 2022–March 2023", span(d(2022, 12), d(2023, 3))),
        ("since 2005", span(d(2005), None)),
        ("Since 1 January 2023", span(d(2023, 1, 1), None)),
        ("from 2021 onwards", span(d(2021), None)),
        ("until 2005", span(None, d(2005))),
        ("up to 2005", span(None, d(2005))),
        ("by 2030", span(None, d(2030))),
        ("in 2023 and 2024", Pooled(periods=(Period.year(2023), Period.year(2024)))),
        ("2022 and 2023", Pooled(periods=(Period.year(2022), Period.year(2023)))),
        (
            "in 2021, 2022 and 2023",
            Pooled(periods=(Period.year(2021), Period.year(2022), Period.year(2023))),
        ),
        (
            "in 2021, 2022, and 2023",
            Pooled(periods=(Period.year(2021), Period.year(2022), Period.year(2023))),
        ),
        (
            "on 21 and 22 September 2023",
            Pooled(periods=(one(d(2023, 9, 21)), one(d(2023, 9, 22)))),
        ),
        (
            "on 31 December 2022, 5 January 2023, 20 April 2023 and 29 June 2023",
            Pooled(
                periods=(
                    one(d(2022, 12, 31)),
                    one(d(2023, 1, 5)),
                    one(d(2023, 4, 20)),
                    one(d(2023, 6, 29)),
                )
            ),
        ),
        ("in May and June 2023", Pooled(periods=(one(d(2023, 5)), one(d(2023, 6))))),
        (
            "in 2019–2020 and 2022",
            Pooled(periods=(span(d(2019), d(2020)), Period.year(2022))),
        ),
        ("2023-05-10", one(d(2023, 5, 10))),
        ("  in 2023  ", Period.year(2023)),
    ],
    ids=repr,
)
def test_parse_time_accepts(text: str, expected: TimeReference) -> None:
    """parse_time reads years, months, days, ranges, open ranges, instants and pooled dates."""
    result = parse_time(text)
    assert type(result) is type(expected)
    assert result == expected
    assert result.text == text.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("over the past three years", span(d(2021), d(2023))),
        ("Over the past three years", span(d(2021), d(2023))),
        ("in the past 3 years", span(d(2021), d(2023))),
        ("over the last two years", span(d(2022), d(2023))),
        ("during the previous five years", span(d(2019), d(2023))),
        ("the last twenty years", span(d(2004), d(2023))),
        ("last year", Period.year(2023)),
        ("the previous year", Period.year(2023)),
        ("in the past year", Period.year(2023)),
        ("this year", Period.year(2024)),
        ("in the current year", Period.year(2024)),
        ("during the current year", Period.year(2024)),
    ],
    ids=repr,
)
def test_parse_time_resolves_relative_expressions(text: str, expected: Period) -> None:
    """Relative expressions count completed calendar years back from the reference year."""
    result = parse_time(text, reference=PartialDate(2024, 5, 13))
    assert result == expected
    assert result.text == text


@pytest.mark.parametrize(
    "text", ["over the past three years", "last year", "this year", "in the current year"]
)
def test_parse_time_relative_needs_reference(text: str) -> None:
    """Without a reference date a relative expression is a ParseError saying so."""
    with pytest.raises(ParseError) as caught:
        parse_time(text)
    assert caught.value.reason == "relative time expression needs a reference date"
    assert repr(text) in str(caught.value)


def test_parse_time_ignores_reference_for_absolute_expressions() -> None:
    """A reference date does not change an absolute expression."""
    assert parse_time("in 2023", reference=PartialDate(1990)) == Period.year(2023)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("tomorrow", "expected a date"),
        ("in", "found nothing"),
        ("in 2023.", "unexpected character '.'"),
        ("31 February 2023", "day must be 1 to 28"),
        ("on 21", "needs a month and a year"),
        ("21 and 2023", "needs a month and a year"),
        ("in May", "year is missing"),
        ("December–March 2023", "ambiguous"),
        ("from 2021", "expected 'to' or a dash"),
        ("between 2021 or 2023", "expected 'and'"),
        ("as at 2021 and 2022", "unexpected 'and'"),
        ("since 2005 and 2006", "unexpected 'and'"),
        ("24 Febtember 2014", "unknown month name"),
        ("in 123", "neither a day nor a four-digit year"),
        ("over the past zero years", "not a number of years"),
        ("over the past many years", "not a number of years"),
        ("in recent years", "expected a date"),
        ("2024–", "expected a date"),
        ("No. 162 of 24 December 2014", "expected a date"),
        ("in 2023 and", "found nothing"),
    ],
    ids=repr,
)
def test_parse_time_rejects(text: str, reason: str) -> None:
    """parse_time raises ParseError('time expression') naming the text and the problem."""
    with pytest.raises(ParseError) as caught:
        parse_time(text, reference=PartialDate(2024))
    assert caught.value.what == "time expression"
    assert caught.value.text == text
    assert repr(text) in str(caught.value)
    assert reason in caught.value.reason


def test_parse_time_reports_position_in_original_text() -> None:
    """The error position counts from the start of the text as given, spaces included."""
    with pytest.raises(ParseError) as caught:
        parse_time("  in 2023 xyz")
    assert caught.value.position == 10


@given(st.text(max_size=40))
def test_parse_time_fails_only_with_parse_error(text: str) -> None:
    """On arbitrary text parse_time returns a TimeReference or raises ParseError, nothing else."""
    try:
        result = parse_time(text, reference=PartialDate(2024))
    except ParseError:
        return
    assert isinstance(result, Instant | Period | Pooled)


@given(
    st.lists(st.integers(min_value=1000, max_value=9999), min_size=2, max_size=6),
    st.sampled_from(["in ", "during ", ""]),
)
def test_parse_time_pools_year_lists(years: list[int], prefix: str) -> None:
    """'in Y1, Y2 and Y3' pools one calendar-year period per year, in the order written."""
    text = prefix + ", ".join(str(y) for y in years[:-1]) + f" and {years[-1]}"
    result = parse_time(text)
    assert result == Pooled(periods=tuple(Period.year(y) for y in years))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1" * 50_000, id="long-number"),
        pytest.param("a" * 50_000, id="long-word"),
        pytest.param("2023 " * 10_000, id="many-years"),
        pytest.param("2023 and " * 5_000 + "x", id="long-list-then-junk"),
        pytest.param("-" * 50_000, id="many-dashes"),
        pytest.param("the past " + "a" * 50_000 + " year", id="long-relative"),
        pytest.param("1." * 20_000, id="dots"),
    ],
)
def test_parsers_finish_on_adversarial_input(text: str, hang_guard: Callable[..., None]) -> None:
    """Long hostile inputs are rejected or read, never hang: no regex blow-up."""

    def run() -> None:
        for parser in (parse_date, parse_time, PartialDate.parse, Period.parse):
            with contextlib.suppress(ParseError):
                parser(text)

    hang_guard(run)


# --------------------------------------------------------------------------
# Independence from the current date

CLOCK_DATES = ["2026-01-29", "2026-01-30", "2026-01-31", "2024-02-29"]


def _results() -> tuple[object, ...]:
    return (
        parse_date("August 2021"),
        parse_date("2023"),
        parse_date("24 December 2014"),
        parse_time("2023"),
        parse_time("in August 2021"),
        parse_time("on 21 and 22 September 2023"),
        parse_time("over the past three years", reference=PartialDate(2024, 5, 13)),
    )


EXPECTED_RESULTS = (
    PartialDate(2021, 8),
    PartialDate(2023),
    PartialDate(2014, 12, 24),
    Period.year(2023),
    Period(start=PartialDate(2021, 8), end=PartialDate(2021, 8)),
    Pooled(periods=(one(d(2023, 9, 21)), one(d(2023, 9, 22)))),
    Period(start=PartialDate(2021), end=PartialDate(2023)),
)


def test_parsing_gives_fixed_results_without_clock() -> None:
    """Partial dates stay partial: nothing is filled in from the day the tests run."""
    assert _results() == EXPECTED_RESULTS
    assert parse_date("August 2021").day is None


@pytest.mark.parametrize("today", CLOCK_DATES)
def test_parsing_does_not_depend_on_today(today: str) -> None:
    """With the clock frozen at month ends and a leap day, parsing gives the same values."""
    freezegun = pytest.importorskip("freezegun")
    with freezegun.freeze_time(today):
        assert datetime.date.today().isoformat() == today
        assert _results() == EXPECTED_RESULTS
