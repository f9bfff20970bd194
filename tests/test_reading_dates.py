"""Finding dates and time expressions in reply prose (catdomain.reading.dates).

The cases are invented in the styles of many States' replies; none is a
sentence of the seed. A date must be recognised by its form, and a number
that only looks like a year ("2023 persons", "No. 162", "194/2020") must not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catdomain._dates import Instant, PartialDate, Period, Pooled
from catdomain.reading.dates import DateMention, find_dates

SEED = (
    Path(__file__).parents[1] / "src" / "catdomain" / "datasets" / "data" / "kaz-2024-follow-up.txt"
)
REFERENCE = PartialDate(2024, 5, 13)


def found(
    text: str, reference: PartialDate | None = REFERENCE
) -> list[tuple[str, str, str, str | None]]:
    """(text, value, role, anchor) of every mention."""
    return [(m.text, str(m.value), m.role, m.anchor) for m in find_dates(text, reference=reference)]


# --------------------------------------------------------------------------- forms

FORMS = [
    (
        "The law was adopted on 24 December 2014.",
        [("on 24 December 2014", "2014-12-24", "date", "on")],
    ),
    ("Order No. 89 of August 2021 regulates this.", [("of August 2021", "2021-08", "date", "of")]),
    ("Reforms started in December 2023.", [("in December 2023", "2023-12", "time", "in")]),
    (
        "As at 1 January 2023, 79 institutions …",
        [("As at 1 January 2023", "2023-01-01", "time", "as at")],
    ),
    (
        "as of 30 June 2024 the prisons held",
        [("as of 30 June 2024", "2024-06-30", "time", "as at")],
    ),
    (
        "Sessions were held on 21 and 22 September 2023.",
        [("on 21 and 22 September 2023", "2023-09-21+2023-09-22", "time", "on")],
    ),
    (
        "on 31 December 2022, 5 January 2023, 20 April 2023 and 29 June 2023",
        [
            (
                "on 31 December 2022, 5 January 2023, 20 April 2023 and 29 June 2023",
                "2022-12-31+2023-01-05+2023-04-20+2023-06-29",
                "time",
                "on",
            )
        ],
    ),
    ("the National Action Plan 2024–2028", [("2024–2028", "2024/2028", "time", None)]),
    (
        "the strategy for the period 2024‑2028",
        [("for the period 2024‑2028", "2024/2028", "time", "in")],
    ),
    ("Data from 2021 to 2023 show", [("from 2021 to 2023", "2021/2023", "time", "from")]),
    (
        "The period from 2021 to 2023 saw a decline.",
        [("The period from 2021 to 2023", "2021/2023", "time", "from")],
    ),
    (
        "between 2019 and 2022 the number fell",
        [("between 2019 and 2022", "2019/2022", "time", "from")],
    ),
    ("In 2023 and 2024, prosecutors acted.", [("In 2023 and 2024", "2023+2024", "time", "in")]),
    ("in 2021, 2022 and 2023", [("in 2021, 2022 and 2023", "2021+2022+2023", "time", "in")]),
    ("Since 2005, service lasts one year.", [("Since 2005", "2005/..", "time", "since")]),
    (
        "Since 1 January 2023, prosecutors investigate.",
        [("Since 1 January 2023", "2023-01-01/..", "time", "since")],
    ),
    ("It could be used until 2005.", [("until 2005", "../2005", "time", "until")]),
    ("to be reached by 2030", [("by 2030", "../2030", "time", "by")]),
    ("by 31 December 2025 at the latest", [("by 31 December 2025", "../2025-12-31", "time", "by")]),
    ("in the first half of 2023", [("in the first half of 2023", "2023-01/2023-06", "time", "in")]),
    (
        "during the first quarter of 2024",
        [("during the first quarter of 2024", "2024-01/2024-03", "time", "in")],
    ),
    (
        "in the second half of 2022",
        [("in the second half of 2022", "2022-07/2022-12", "time", "in")],
    ),
    ("as at the end of 2023", [("as at the end of 2023", "2023-12-31", "time", "as at")]),
    ("in Q3 2023", [("in Q3 2023", "2023-07/2023-09", "time", "in")]),
    ("the ISO form 2023-05-10 is read", [("2023-05-10", "2023-05-10", "date", None)]),
    ("the 2023 budget of the Ombudsman", [("2023", "2023", "time", None)]),
    ("the Penal Code (2014) applies", [("2014", "2014", "date", None)]),
    (
        "Convictions: 2021: 35; 2022: 41.",
        [("2021", "2021", "time", None), ("2022", "2022", "time", None)],
    ),
    ("an increase compared with 2022", [("compared with 2022", "2022", "time", "compared with")]),
    ("27% more than in 2022", [("in 2022", "2022", "time", "compared with")]),
    ("In 2009, the country extended an invitation.", [("In 2009", "2009", "time", "in")]),
    ("December 24, 2014 was a Wednesday.", [("December 24, 2014", "2014-12-24", "date", None)]),
]


@pytest.mark.parametrize(("text", "expected"), FORMS)
def test_forms(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    """Every written form gives its value, role and normalised anchor."""
    assert found(text) == expected


RELATIVE = [
    ("Over the past three years, 3,500 investigations", "Over the past three years", "2021/2023"),
    ("in the past 5 years", "in the past 5 years", "2019/2023"),
    ("last year, 14 persons died", "last year", "2023"),
    ("this year the plan started", "this year", "2024"),
    ("In 2021, 30 died, against 41 the previous year.", "the previous year", "2020"),
    ("as at 31 December 2023, compared with 3,950 a year earlier", "a year earlier", "2022"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), RELATIVE)
def test_relative_expressions(text: str, phrase: str, value: str) -> None:
    """Relative expressions count from the reference date, or from the year just written."""
    mention = next(m for m in find_dates(text, reference=REFERENCE) if m.text == phrase)
    assert str(mention.value) == value
    assert mention.role == "time"


def test_relative_expression_without_reference_has_no_value() -> None:
    """Without a reference date a relative expression is still reported, with value None."""
    (mention,) = find_dates("Over the past three years, 3,500 investigations were held.")
    assert mention.text == "Over the past three years"
    assert mention.value is None
    assert mention.as_time() is None


NOT_DATES = [
    "Order No. 162 was issued.",
    "under article 129 of the Code",
    "Ministry of Health Order No. 194/2020",
    "2 under article 370",
    "In total 2023 persons were registered.",
    "The facility has 1,500 places and 8,000 staff.",
    "a total of 2000 persons",
    "places for 2000 detainees",
    "CAT/C/KAZ/CO/4 and A/HRC/52/10",
    "the Kazakhstan\u20112050 Strategy",
    "may not exceed three hours",
    "the fourth periodic report",
    "phone 1414",
    "Over the past few years, reforms continued.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    """Numbers that only look like years, identifiers and durations are not dates."""
    assert find_dates(text, reference=REFERENCE) == ()


def test_value_types() -> None:
    """A date is a PartialDate; time references are Instants, Periods or Pooled periods."""
    text = "of 1 May 2023; as at 1 May 2023; in 2023; in 2023 and 2024"
    values = [m.value for m in find_dates(text)]
    assert isinstance(values[0], PartialDate)
    assert isinstance(values[1], Instant)
    assert isinstance(values[2], Period)
    assert isinstance(values[3], Pooled)


def test_offsets_and_region() -> None:
    """Offsets point into the text as given; start/end restrict the search."""
    text = "A.\u00a0In\u00a02023 and 2024.\nB. since 2005"
    mentions = find_dates(text)
    assert [m.text for m in mentions] == ["In\u00a02023 and 2024", "since 2005"]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    second_line = text.index("\n") + 1
    assert [m.text for m in find_dates(text, second_line)] == ["since 2005"]
    assert [m.text for m in find_dates(text, 0, second_line)] == ["In\u00a02023 and 2024"]


def test_type_errors() -> None:
    """Only wrong argument types raise, and they raise TypeError."""
    with pytest.raises(TypeError):
        find_dates(b"in 2023")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_dates("in 2023", reference="2024")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_dates("in 2023", start="0")  # type: ignore[arg-type]


def test_invalid_calendar_dates_are_skipped() -> None:
    """A day the month does not have is not reported, and nothing is raised."""
    assert [m.text for m in find_dates("on 31 February 2023 and in 2024")] == ["in 2024"]


def test_mention_validates_its_value() -> None:
    """DateMention refuses a value that is not a date or time reference."""
    with pytest.raises(TypeError):
        DateMention(start=0, end=1, text="x", value="2023", role="date")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- the seed


def test_seed_dates() -> None:
    """On the seed: every dated instrument, every figure's time and nothing else."""
    text = SEED.read_text(encoding="utf-8")
    mentions = find_dates(text, reference=REFERENCE)
    texts = [m.text for m in mentions]
    expected = (
        "of 24 December 2014", "In 2023 and 2024", "for the period 2024–2028", "by 2030",
        "Over the past three years", "The period from 2021 to 2023", "As at 1 January 2023",
        "of August 2021", "Since 2005", "until 2005",
    )  # fmt: skip
    assert all(phrase in texts for phrase in expected)
    assert not any(re.search(r"No\.|article|/", t) for t in texts)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert len(mentions) == 59


# --------------------------------------------------------------------------- robustness


@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    """Any text is searched without error; every mention quotes the text exactly."""
    for reference in (None, REFERENCE, PartialDate(1)):
        for m in find_dates(text, reference=reference):
            assert text[m.start : m.end] == m.text


DATEISH = st.lists(
    st.sampled_from(
        [
            *"0123456789 ,.-–/()\u00a0",
            "in ",
            "since ",
            "May ",
            "January ",
            "and ",
            "to ",
            "the period ",
            "by ",
            "2023",
            "2024",
            "first half of ",
            "the end of ",
            "previous year",
            "No. ",
            "article ",
        ]
    ),
    max_size=40,
).map("".join)


@given(DATEISH)
def test_dateish_text_never_raises(text: str) -> None:
    """Text made of date-like pieces never makes the grammar raise through."""
    for m in find_dates(text, reference=REFERENCE):
        assert text[m.start : m.end] == m.text


ADVERSARIAL = {
    "digits": "1" * 100_000,
    "list": ", ".join(str(i % 40) for i in range(10_000)),
    "years": " and ".join(["in 2023"] * 5_000),
    "nested": "(" * 10_000 + "in 2023" + ")" * 10_000,
    "numbers": "No. " * 10_000,
    "days": "1 and " * 20_000 + "May",
    "anchors": "in the period from " * 5_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_finish(name: str, hang_guard: Callable[..., None]) -> None:
    """Inputs built to make regular expressions backtrack finish (a hang guard)."""
    hang_guard(lambda: find_dates(ADVERSARIAL[name], reference=REFERENCE))


@pytest.mark.parametrize("text", ["Law No. 2022-12 was adopted.", "Decree № 2023/45 applies."])
def test_a_number_after_no_is_not_a_date(text: str) -> None:
    assert find_dates(text) == ()


@given(
    st.text(alphabet="ab Q1H2mid-\u2011.(3 \n\u00a0In", max_size=60),
    st.integers(0, 8),
    st.integers(0, 8),
)
def test_window_words_are_the_tokens_or_the_words_they_end_with(
    text: str, cut_start: int, cut_end: int
) -> None:
    """One scan gives each token, or the `_TRAILING_WORD` it ends with, as a search of
    each token for that pattern does."""
    from catdomain.reading.dates import _TRAILING_WORD, _window_tokens

    begin, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    expected = []
    for m in re.finditer(r"\S+", text[:end]):
        if m.start() < begin and m.end() <= begin:
            continue
        start = max(m.start(), begin)
        token = text[start : m.end()]
        word = _TRAILING_WORD.search(token)
        expected.append((start, token) if word is None else (start + word.start(), word.group()))
    assert _window_tokens(text, begin, end) == expected


def test_phrases_are_set_on_times_as_evolve_sets_them() -> None:
    import attrs

    from catdomain.reading.dates import _with_text

    assert [f.name for f in attrs.fields(Period)] == ["start", "end", "text"]
    assert [f.name for f in attrs.fields(Instant)] == ["date", "text"]
    assert [f.name for f in attrs.fields(Pooled)] == ["periods", "text"]
    for value in (
        Period(start=PartialDate(2021), end=PartialDate(2023, 5)),
        Instant(date=PartialDate(2023, 1, 1)),
        Pooled(periods=(Period.year(2022), Period.year(2023))),
    ):
        new = _with_text(value, "in those years")
        expected = attrs.evolve(value, text="in those years")
        assert type(new) is type(value)
        assert attrs.asdict(new, recurse=False) == attrs.asdict(expected, recurse=False)


@given(
    st.lists(
        st.sampled_from(
            [
                "2023",
                "12",
                "May",
                "may",
                "June",
                " ",
                "\u00a0",
                ", ",
                " to ",
                "–",
                "year",
                "Years",
                "YEAR",
                "yearly",
                "-",
                "/",
                ".",
                "st",
                "1 January",
                "2020-05",
                "Mayear",
                "July",
                "s",
                "\n",
            ]
        ),
        max_size=10,
    ).map("".join),
    st.integers(0, 12),
    st.integers(0, 60),
)
def test_dates_and_year_words_are_found_in_one_scan_as_in_two(text: str, lo: int, hi: int) -> None:
    from catdomain.reading.dates import _CORE, _CORE_OR_YEAR_WORD, _YEAR_WORD

    expected = sorted(
        [(m.span(), None) for m in _CORE.finditer(text, lo, hi)]
        + [(m.span(), "year") for m in _YEAR_WORD.finditer(text, lo, hi)]
    )
    found = [(m.span(), m.lastgroup) for m in _CORE_OR_YEAR_WORD.finditer(text, lo, hi)]
    assert found == expected
