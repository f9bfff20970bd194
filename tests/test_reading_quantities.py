"""Reading statistics from reply prose (catdomain.reading.quantities).

Three kinds of test:

* the seed, paragraph by paragraph, against the hand-curated gold standard in
  ``curation/kaz_2024.py`` (precision, recall and F1 are printed with the misses;
  run with ``-s`` to see them);
* tables of invented sentences in the styles of other States' and other
  committees' replies: the extractor is judged on texts it has never seen, so
  these pin the *forms* of statistics, not the seed's sentences;
* properties and adversarial inputs: nothing but TypeError is ever raised,
  offsets always quote the text, and the scan stays linear.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catdomain._dates import PartialDate
from catdomain.reading.quantities import (
    ChangeRelation,
    EquivalenceRelation,
    PartRelation,
    Quantity,
    QuantityReading,
    find_quantities,
)
from catdomain.vocab import BreakdownKind, Qualifier, ValueKind

ROOT = Path(__file__).parents[1]
SEED = ROOT / "src" / "catdomain" / "datasets" / "data" / "kaz-2024-follow-up.txt"
REFERENCE = PartialDate(2024, 5, 13)
Q = Qualifier


def read(text: str, reference: PartialDate | None = REFERENCE) -> QuantityReading:
    """Read `text` and check that every offset quotes it."""
    reading = find_quantities(text, reference=reference)
    for q in reading.quantities:
        assert text[q.start : q.end] == q.text
    return reading


def by_text(reading: QuantityReading, figure: str, nth: int = 0) -> Quantity:
    """The `nth` quantity whose figure is written `figure`."""
    return [q for q in reading.quantities if q.text == figure][nth]


# =========================================================================== the seed


def load_gold() -> ModuleType:
    """The curated dossier module (curation/kaz_2024.py)."""
    curation = str(ROOT / "curation")
    if curation not in sys.path:
        sys.path.insert(0, curation)
    import kaz_2024

    return kaz_2024


def seed_paragraphs(text: str) -> dict[int, tuple[int, int]]:
    """Paragraph bodies: lines "N.<TAB>…", trailing spaces excluded."""
    return {
        int(m.group(1)): (m.start(2), m.start(2) + len(m.group(2).rstrip()))
        for m in re.finditer(r"^(\d+)\.\t(.*)$", text, re.MULTILINE)
    }


def scores(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Precision, recall and F1 over multisets."""
    hits = sum((Counter(predicted) & Counter(gold)).values())
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(name: str, predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> float:
    """Print precision/recall/F1 and the misses; return F1."""
    precision, recall, f1 = scores(predicted, gold)
    print(f"\n{name}: P={precision:.3f} R={recall:.3f} F1={f1:.3f} "
          f"(predicted {len(predicted)}, gold {len(gold)})")  # fmt: skip
    for extra in sorted((Counter(predicted) - Counter(gold)).elements(), key=str):
        print(f"  extra: {extra}")
    for missed in sorted((Counter(gold) - Counter(predicted)).elements(), key=str):
        print(f"  miss:  {missed}")
    return f1


@pytest.fixture(scope="module")
def seed_reading() -> tuple[ModuleType, dict[int, QuantityReading]]:
    """The gold module and the reading of every seed paragraph."""
    gold = load_gold()
    text: str = gold.TEXT
    assert text == SEED.read_text(encoding="utf-8")
    readings = {
        n: find_quantities(text, start, end, reference=REFERENCE)
        for n, (start, end) in seed_paragraphs(text).items()
    }
    return gold, readings


def test_seed_observations_against_gold(
    seed_reading: tuple[ModuleType, dict[int, QuantityReading]],
) -> None:
    """F1 ≥ 0.9 on (paragraph, value) and ≥ 0.8 with qualifier and time, on the seed."""
    gold, readings = seed_reading
    predicted = [
        (n, q.value, q.qualifier, q.time, q.value_kind)
        for n, reading in readings.items()
        for q in reading.quantities
        if q.role == "observation"
    ]
    expected = [
        (int(o.source.paragraph), o.value, o.qualifier, o.time, s.key.value_kind)
        for s in gold.SERIES
        for o in s.observations
    ]
    f1_value = report("(paragraph, value)", [p[:2] for p in predicted], [e[:2] for e in expected])
    f1_full = report("(paragraph, value, qualifier, time)", [p[:4] for p in predicted],
                     [e[:4] for e in expected])  # fmt: skip
    report("(paragraph, value, qualifier, time, value kind)", predicted, expected)
    assert f1_value >= 0.9
    assert f1_full >= 0.8


def test_seed_relations_against_gold(
    seed_reading: tuple[ModuleType, dict[int, QuantityReading]],
) -> None:
    """Breakdowns, stated changes and equivalences, compared by the values involved."""
    gold, readings = seed_reading
    values = {o.id: (int(o.source.paragraph), o.value) for s in gold.SERIES for o in s.observations}
    parts_gold = [
        (values[b.whole][0], b.kind, values[b.whole][1], tuple(values[p][1] for p in b.parts))
        for b in gold.BREAKDOWNS
    ]
    changes_gold = [
        (values[c.observation][0], values[c.observation][1], values[c.base][1], c.direction,
         c.amount, c.relative)
        for c in gold.CHANGES
    ]  # fmt: skip
    equivalences_gold = [
        (values[e.observations[0]][0], tuple(values[i][1] for i in e.observations))
        for e in gold.EQUIVALENCES
    ]
    parts, changes, equivalences = [], [], []
    for n, reading in readings.items():
        qs = reading.quantities
        for r in reading.relations:
            if isinstance(r, PartRelation):
                parts.append((n, r.kind, qs[r.whole].value, tuple(qs[p].value for p in r.parts)))
            elif isinstance(r, ChangeRelation):
                base = None if r.base is None else qs[r.base].value
                changes.append((n, qs[r.later].value, base, r.direction, qs[r.amount].value,
                                r.relative))  # fmt: skip
            else:
                equivalences.append((n, tuple(qs[i].value for i in r.quantities)))
    assert report("breakdowns", parts, parts_gold) >= 0.9
    assert report("stated changes", changes, changes_gold) == 1.0
    assert report("equivalences", equivalences, equivalences_gold) == 1.0


def test_seed_whole_text_equals_paragraph_by_paragraph(
    seed_reading: tuple[ModuleType, dict[int, QuantityReading]],
) -> None:
    """Reading the whole reply gives the same figures as reading it paragraph by paragraph."""
    gold, readings = seed_reading
    whole = find_quantities(gold.TEXT, reference=REFERENCE)
    by_paragraph = [
        (q.start, q.value, q.time, q.role) for r in readings.values() for q in r.quantities
    ]
    assert [(q.start, q.value, q.time, q.role) for q in whole.quantities] == by_paragraph


# =========================================================================== figures

FIGURES: list[tuple[str, list[tuple[str, str, Qualifier, bool, str]]]] = [
    # separators, decimals, words, scales
    ("The Ombudsman received 1,245 complaints.", [("1,245", "1245", Q.EXACT, False, "complaints")]),
    ("The prisons held 4 500 persons.", [("4 500", "4500", Q.EXACT, False, "persons")]),
    (
        "The prisons held 98\u00a0420 persons.",
        [("98\u00a0420", "98420", Q.EXACT, False, "persons")],
    ),
    (
        "Approximately 3\u202f400 detainees were held in pretrial detention.",
        [("3\u202f400", "3400", Q.APPROXIMATE, False, "detainees")],
    ),
    ("There are 12\u2009300 inmates.", [("12\u2009300", "12300", Q.EXACT, False, "inmates")]),
    ("The occupancy rate was 132.5 per cent.", [("132.5", "132.5", Q.EXACT, True, "percent")]),
    ("Women make up 4.5% of prisoners.", [("4.5", "4.5", Q.EXACT, True, "percent")]),
    ("The share fell by 3 percentage points.", []),
    ("Twenty-five officials were dismissed.", [("Twenty-five", "25", Q.EXACT, False, "officials")]),
    (
        "Eleven operating procedures and guidelines have been developed.",
        [("Eleven", "11", Q.EXACT, False, "operating procedures and guidelines")],
    ),
    (
        "two hundred volunteers and a dozen lawyers took part",
        [
            ("two hundred", "200", Q.EXACT, False, "volunteers"),
            ("a dozen", "12", Q.EXACT, False, "lawyers"),
        ],
    ),
    ("one person died in custody", [("one", "1", Q.EXACT, False, "person")]),
    # qualifiers
    (
        "More than 40,000 video surveillance cameras are in operation.",
        [("40,000", "40000", Q.MORE_THAN, False, "video surveillance cameras")],
    ),
    ("over 400 officials were disciplined", [("400", "400", Q.MORE_THAN, False, "officials")]),
    ("in excess of 2,000 staff", [("2,000", "2000", Q.MORE_THAN, False, "staff")]),
    (
        "about 3,500 internal investigations",
        [("3,500", "3500", Q.APPROXIMATE, False, "internal investigations")],
    ),
    ("Some 27 shelters are operating.", [("27", "27", Q.APPROXIMATE, False, "shelters")]),
    ("nearly 40% of the inmates", [("40", "40", Q.APPROXIMATE, True, "percent")]),
    ("almost 900 prisoners were amnestied", [("900", "900", Q.APPROXIMATE, False, "prisoners")]),
    (
        "an estimated 1,100 migrants are detained",
        [("1,100", "1100", Q.APPROXIMATE, False, "migrants")],
    ),
    ("at least 5 officers were suspended", [("5", "5", Q.AT_LEAST, False, "officers")]),
    (
        "No fewer than 12 investigations were opened.",
        [("12", "12", Q.AT_LEAST, False, "investigations")],
    ),
    ("not less than 30 inspections took place", [("30", "30", Q.AT_LEAST, False, "inspections")]),
    ("200 or more detainees were transferred", [("200", "200", Q.AT_LEAST, False, "detainees")]),
    ("Fewer than 10 complaints were received.", [("10", "10", Q.LESS_THAN, False, "complaints")]),
    ("less than 2% of cases", [("2", "2", Q.LESS_THAN, True, "percent")]),
    ("up to 50 volunteers were recruited", [("50", "50", Q.AT_MOST, False, "volunteers")]),
    ("no more than 15 escapes were recorded", [("15", "15", Q.AT_MOST, False, "escapes")]),
    # money
    (
        "A budget of US$ 2.5 million has been allocated.",
        [("2.5 million", "2500000", Q.EXACT, False, "US$")],
    ),
    (
        "The State allocated 1.2 billion tenge to the prisons.",
        [("1.2 billion", "1200000000", Q.EXACT, False, "tenge")],
    ),
    (
        "Compensation totalling EUR 450,000 was paid to 37 victims.",
        [("450,000", "450000", Q.EXACT, False, "EUR"), ("37", "37", Q.EXACT, False, "victims")],
    ),
    ("KZT 900 million was spent", [("900 million", "900000000", Q.EXACT, False, "KZT")]),
    ("the NPM budget was 2.3 million euros", [("2.3 million", "2300000", Q.EXACT, False, "euros")]),
    # the noun after the figure
    (
        "120 attempted suicides were prevented",
        [("120", "120", Q.EXACT, False, "attempted suicides")],
    ),
    (
        "The Ministry trained 5,000 police officers.",
        [("5,000", "5000", Q.EXACT, False, "police officers")],
    ),
    (
        "about 8,000 military personnel undergo screening",
        [("8,000", "8000", Q.APPROXIMATE, False, "military personnel")],
    ),
    ("The courts heard 14 cases of torture.", [("14", "14", Q.EXACT, False, "cases")]),
    ("The rate was 12.5 per 100,000 inmates.", [("12.5", "12.5", Q.EXACT, False, "")]),
]


@pytest.mark.parametrize(("text", "expected"), FIGURES)
def test_figures(text: str, expected: list[tuple[str, str, Qualifier, bool, str]]) -> None:
    """Separators, decimals, number words, scales, qualifiers, percentages, currencies, nouns."""
    got = [
        (q.text, str(q.value), q.qualifier, q.percent, q.unit)
        for q in read(text).quantities
        if q.role == "observation"
    ]
    if text.startswith("The share fell by 3"):
        (amount,) = read(text).quantities
        assert (amount.role, amount.percent, amount.unit) == ("change", True, "percentage points")
    elif text.startswith("The rate was"):
        assert got == [("12.5", "12.5", Q.EXACT, False, "per 100,000 inmates")]
        return
    assert got == [(t, v, q, p, u) for t, v, q, p, u in expected]


def test_values_are_exact_decimals() -> None:
    """Values are Decimals as written: no float rounding, no lost digits."""
    reading = read("It reached 19.2 per cent, 0.1 per cent and 1.5 million tenge.")
    assert [q.value for q in reading.quantities] == [
        Decimal("19.2"),
        Decimal("0.1"),
        Decimal(1500000),
    ]
    assert str(reading.quantities[0].value) == "19.2"


# =========================================================================== exclusions

EXCLUSIONS = [
    # 1. years, dates and time expressions
    ("In 2023, procurators acted under the plan for 2024–2028.", []),
    ("over the past three years", []),
    # 2. references
    ("under articles 50, 63, 72 and 73 of the Criminal Code 12 persons were tried", ["12"]),
    ("article 362 (4), 2 under article 370 and 1 under article 432", ["2", "1"]),
    ("(Code, art. 68); see paras. 46 and 47 and paragraph 107 of the plan", []),
    ("Order No. 194/2020 and Decree No. 409; sections 5, 6 and 7; chapter 3; rule 44", []),
    ("persons with a category I disability and grade 2 staff", []),
    ("See annex II, table 3, and page 45.", []),
    # 3. identifiers
    ("CAT/C/KAZ/CO/4, A/HRC/52/10, E/C.12/KAZ/CO/2, COVID-19, Law 226-V, ISO 9001", []),
    # 4. durations and legal time limits
    ("Detention may not exceed three hours; the defence must appear within 24 hours.", []),
    (
        "Service lasted 24 months; it was reduced from 96 to 48 hours; 10-day campaigns; "
        "a one-year period; for up to 15 days; a term of 5 years",
        [],
    ),
    ("The average length of pretrial detention was 45 days.", ["45"]),
    # 5. ordinals
    ("The fourth periodic report and the 1st, 2nd and 3rd rounds; first-time offenders", []),
    # 6. ages
    ("Children under 14, persons aged 14 to 16, those over 60 years of age and an 18-year-old", []),
    ("persons under the age of 18 cannot be detained", []),
    # 7. telephone numbers
    (
        "The helpline 1414 and hotlines (1414 and 102) answer; call 0800 123 456 or "
        "+7 717 271 0000.",
        [],
    ),
    # 8. enumerators
    ("19.\tDisciplinary sanctions were imposed.\n(1) the right to a lawyer", []),
    # 9. ranges, times of day, denominators, multiplicative changes
    (
        "Between 10 and 15 per cent of detainees, 20–30 persons, at 10 a.m., 14:30; "
        "12.5 deaths per 100,000; complaints increased 2.5 times",
        ["12.5"],
    ),
    # 10. bare years and names
    ("The Agenda 2030 and the Kazakhstan-2050 Strategy; the 2023 budget", []),
    # 9b. codes and page furniture
    ("GE.24-08965 (E) 120624 130624", []),
    # 11. pronoun "one" and determiners
    ("It is one of the top priorities; no one was hurt; the two Ministries agreed", []),
    ("Two thirds of the detainees had a lawyer.", []),
    # ratios are not two counts
    ("In 2023, 1 in 5 detainees had no lawyer within the first day.", []),
    ("In 2023, 4 out of 10 detainees had access to a lawyer.", []),
    # rules are not statistics
    ("Each cell must provide at least 4 square metres per prisoner.", []),
    ("A detainee may receive up to 4 visits per month.", []),
    ("The law provides for a maximum of 8 detainees per cell.", []),
    (
        "Fewer than 10 complaints were received, while up to 50 persons may be held in a unit.",
        ["10"],
    ),
]


@pytest.mark.parametrize(("text", "kept"), EXCLUSIONS)
def test_exclusions(text: str, kept: list[str]) -> None:
    """What is not a statistic is not read as one (one case per exclusion rule)."""
    assert [q.text for q in read(text).quantities] == kept


# =========================================================================== time

TIMES: list[tuple[str, list[tuple[str, str | None]]]] = [
    ("In 2023, there were 22 suicides (29 cases in 2022).", [("22", "2023"), ("29", "2022")]),
    (
        "Disciplinary sanctions were imposed on 709 officials (377 in 2022 and 332 in 2023).",
        [("709", "2022/2023"), ("377", "2022"), ("332", "2023")],
    ),
    (
        "In 2023 and 2024, prosecutors made 107 submissions. Sanctions were imposed on 123 "
        "persons.",
        [("107", "2023+2024"), ("123", "2023+2024")],
    ),
    (
        "In 2023, 50 persons were trained.\nThe country has 12 prisons.",
        [("50", "2023"), ("12", None)],
    ),
    ("Over the past three years, about 3,500 investigations were held.", [("3,500", "2021/2023")]),
    ("As at 1 January 2023, 79 institutions were transferred.", [("79", "2023-01-01")]),
    (
        "There are currently 11,542 prisoners; in 2023 there were 9 escapes.",
        [("11,542", None), ("9", "2023")],
    ),
    (
        "In 2023, 14 persons died. Currently, 300 persons are detained.",
        [("14", "2023"), ("300", None)],
    ),
    ("The number of deaths in custody was 17 in 2023.", [("17", "2023")]),
    (
        "Some 150 judges and 320 prosecutors were trained in 2023.",
        [("150", "2023"), ("320", "2023")],
    ),
    (
        "In 2021, 2022 and 2023, respectively, 45, 52 and 60 visits were carried out.",
        [("45", "2021"), ("52", "2022"), ("60", "2023")],
    ),
    (
        "The share will reach 45.5 per cent, or 13,200 persons, by 2030 (19.2 per cent, or 4,500 "
        "persons, in 2023).",
        [("45.5", "../2030"), ("13,200", "../2030"), ("19.2", "2023"), ("4,500", "2023")],
    ),
    (
        "During the first half of 2023, 430 persons were released on parole.",
        [("430", "2023-01/2023-06")],
    ),
    (
        "A total of 14 persons died in custody in 2021, compared with 21 the previous year.",
        [("14", "2021"), ("21", "2020")],
    ),
    (
        "The prison population fell from 25,300 in 2019 to 21,700 in 2023.",
        [("25,300", "2019"), ("21,700", "2023")],
    ),
    ("Order No. 162 of 24 December 2014 set up 14 centres.", [("14", None)]),
    (
        "In 2022, 412 cases were registered. Of these, 138 went to court. The Office employs 56 "
        "prosecutors.",
        [("412", "2022"), ("138", "2022"), ("56", None)],
    ),
    ("Since the adoption of the Law in 2019, 27 facilities have been closed.", [("27", "2019/..")]),
    (
        "The prison population is now 112 per cent of capacity, down from 148 per cent in 2019.",
        [("112", None), ("148", "2019")],
    ),
    ("Complaints received: 2021: 120; 2022: 134.", [("120", "2021"), ("134", "2022")]),
    (
        "For the period 2024–2028, it is planned to build new institutions (three remand centres "
        "and 4 multi-regime facilities).",
        [("three", "2024/2028"), ("4", "2024/2028")],
    ),
    (
        "During the reporting period (2020–2023) the courts handed down 1,234 convictions.",
        [("1,234", "2020/2023")],
    ),
    ("In the first 9 months of 2023, 560 reports were received.", [("560", "2023-01/2023-09")]),
    (
        "4,725 inmates (i.e. 12.3 per cent) were in pretrial detention on 1 January 2024.",
        [("4,725", "2024-01-01"), ("12.3", "2024-01-01")],
    ),
    (
        "(in 2023, the Ombudsman made visits on 248 occasions and the NPM on 102 occasions)",
        [("248", "2023"), ("102", "2023")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_time_attachment(text: str, expected: list[tuple[str, str | None]]) -> None:
    """Local times, sentence and bracket frames, paragraph inheritance, "currently", ranges."""
    got = [
        (q.text, None if q.time is None else str(q.time))
        for q in read(text).quantities
        if q.role == "observation"
    ]
    assert got == expected


def test_time_without_reference() -> None:
    """Without a reference date, figures framed by a relative expression have no time."""
    reading = read("Over the past three years, about 3,500 investigations were held.", None)
    assert reading.quantities[0].time is None


# =========================================================================== value kinds

KINDS = [
    (
        "The percentage will reach 45.5 per cent, or 13,200 persons, by 2030.",
        [("45.5", "target"), ("13,200", "target")],
    ),
    ("By 2026 the share of cells is expected to reach 90 per cent.", [("90", "target")]),
    ("It is planned to build three remand centres.", [("three", "plan")]),
    (
        "Three new centres will be built, and 200 psychologists are to be recruited.",
        [("Three", "plan"), ("200", "plan")],
    ),
    (
        "The aim is 95 per cent coverage from a baseline of 60 per cent.",
        [("95", "target"), ("60", "baseline")],
    ),
    ("In 2023, 300 persons were trained.", [("300", "actual")]),
    (
        "It will reach 45.5 per cent by 2030 (19.2 per cent in 2023).",
        [("45.5", "target"), ("19.2", "actual")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), KINDS)
def test_value_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    """Targets, plans and actual values, with a bracketed value at another time kept actual."""
    assert [(q.text, q.value_kind.value) for q in read(text).quantities] == expected


# =========================================================================== relations


def describe(reading: QuantityReading) -> list[tuple[Any, ...]]:
    """Relations by the figures' texts."""
    qs = reading.quantities
    out: list[tuple[Any, ...]] = []
    for r in reading.relations:
        if isinstance(r, PartRelation):
            out.append((r.kind.value, qs[r.whole].text, tuple(qs[p].text for p in r.parts),
                        r.dimension))  # fmt: skip
        elif isinstance(r, ChangeRelation):
            base = None if r.base is None else qs[r.base].text
            out.append(("change", qs[r.later].text, base, r.direction.value, qs[r.amount].text,
                        r.relative))  # fmt: skip
        elif isinstance(r, EquivalenceRelation):
            out.append(("equivalence", tuple(qs[i].text for i in r.quantities)))
    return out


RELATIONS: list[tuple[str, list[tuple[Any, ...]]]] = [
    (
        "A total of 238 persons were killed, of whom 219 were civilians and 19 were officers.",
        [("partition", "238", ("219", "19"), "status")],
    ),
    (
        "In 2022, 1,834 children were deprived of their liberty, of whom 212 were girls and 1,622 "
        "were boys.",
        [("partition", "1,834", ("212", "1,622"), "status")],
    ),
    (
        "Sanctions were imposed on 709 officials (377 in 2022 and 332 in 2023).",
        [("partition", "709", ("377", "332"), "year")],
    ),
    (
        "The Ministry trained 5,000 police officers, including 1,200 women.",
        [("subset", "5,000", ("1,200",), "sex")],
    ),
    (
        "Of the 87 cases referred to the courts, 61 resulted in convictions and 26 in acquittals.",
        [("partition", "87", ("61", "26"), None)],
    ),
    (
        "There are 1,352 medical staff, of whom 512 are doctors, 710 are nurses, and 130 are "
        "orderlies.",
        [("partition", "1,352", ("512", "710", "130"), "status")],
    ),
    (
        "The courts tried 42 persons, of whom 35 were convicted of torture and 6 of other offences "
        "(3 under article 362, 2 under article 370 and 1 under article 432), and 1 was acquitted.",
        [
            ("partition", "42", ("35", "6", "1"), None),
            ("partition", "6", ("3", "2", "1"), "article"),
        ],
    ),
    (
        "The deaths of the 219 civilians were examined: 66 were suspected of rioting; 143 had "
        "violated the curfew; 4 died of other crimes; and 6 died under torture.",
        [("partition", "219", ("66", "143", "4", "6"), None)],
    ),
    (
        "In 2021, 238 persons were killed, of whom 219 were civilians. The deaths of the 219 "
        "civilians were examined: 66 were rioting; 143 had violated the curfew; 4 died of other "
        "crimes; and 6 died under torture.",
        [("subset", "238", ("219",), None), ("partition", "219", ("66", "143", "4", "6"), None)],
    ),
    (
        "The following sanctions were imposed on 50 officers: 14 dismissals, 27 reprimands and 9 "
        "demotions.",
        [("partition", "50", ("14", "27", "9"), None)],
    ),
    (
        "120 attempted suicides were prevented (78 in 2022), including 23 (7 in 2022) through "
        "video surveillance.",
        [("subset", "120", ("23",), None), ("subset", "78", ("7",), None)],
    ),
    (
        "The Ombudsman carried out 248 visits in 2023, 35 of which were unannounced.",
        [("subset", "248", ("35",), None)],
    ),
    (
        "Out of 300 applications, 280 were granted; 3 out of 4 facilities have doctors.",
        [("subset", "300", ("280",), None), ("subset", "4", ("3",), None)],
    ),
    (
        "The Ombudsman received 1,245 complaints, of which 312 concerned the police and 933 other "
        "bodies.",
        [("partition", "1,245", ("312", "933"), None)],
    ),
    ("Of 100 complaints, 40 were upheld and 30 rejected.", [("subset", "100", ("40", "30"), None)]),
    (
        "In 2023, there were 22 suicides (29 cases in 2022, or a decrease of 32 per cent).",
        [("change", "22", "29", "decrease", "32", True)],
    ),
    (
        "The prison population fell from 25,300 in 2019 to 21,700 in 2023, a reduction of 14.2 per "
        "cent.",
        [("change", "21,700", "25,300", "decrease", "14.2", True)],
    ),
    (
        "The service opened 1,062 cases in 2023 (an increase of 18 per cent compared with 2022).",
        [("change", "1,062", None, "increase", "18", True)],
    ),
    (
        "It conducted 312 visits in 2023, 27% more than in 2022.",
        [("change", "312", None, "increase", "27", True)],
    ),
    (
        "The number of complaints rose by 12% to 1,450.",
        [("change", "1,450", None, "increase", "12", True)],
    ),
    (
        "There were 40 escapes, a fall of 5 escapes compared with 2022.",
        [("change", "40", None, "decrease", "5", False)],
    ),
    ("Suicides decreased from 29 to 22.", []),
    (
        "The number of juveniles in detention decreased by 40 per cent, from 250 in 2020 to 150 "
        "in 2023.",
        [("change", "150", "250", "decrease", "40", True)],
    ),
    (
        "The hotline received 12 500 calls in 2023, compared to 9 800 in 2022, i.e. an increase "
        "of 27.6 per cent.",
        [("change", "12 500", "9 800", "increase", "27.6", True)],
    ),
    (
        "Ukraine has 103 penitentiary institutions, 15 of which are in the occupied territories.",
        [("subset", "103", ("15",), None)],
    ),
    ("The share is 19.2 per cent, or 4,500 persons.", [("equivalence", ("19.2", "4,500"))]),
    (
        "Pretrial detainees account for 41.3 per cent of the prison population (9,850 persons).",
        [("equivalence", ("41.3", "9,850"))],
    ),
    (
        "It assisted 12,345 persons, representing 14 per cent of the prison population.",
        [("equivalence", ("12,345", "14"))],
    ),
    (
        "The State allocated 1.2 billion tenge (US$ 2.6 million).",
        [("equivalence", ("1.2 billion", "2.6 million"))],
    ),
    ("There are 11,542 prisoners, 4.5 per cent of whom are women.", []),
    ("In 2023, 300 complaints were received, 45 were upheld.", []),
]


@pytest.mark.parametrize(("text", "expected"), RELATIONS)
def test_relations(text: str, expected: list[tuple[Any, ...]]) -> None:
    """Partitions, subsets, stated changes and equivalences, by the forms that state them."""
    assert describe(read(text)) == expected


def test_relation_details() -> None:
    """Relation spans quote the text; amounts are marked; restatements point back."""
    text = ("In 2021, 238 persons were killed, of whom 219 were civilians. The deaths of the 219 "
            "civilians were examined: 66 rioted; 143 violated the curfew; 4 died of other crimes; "
            "and 6 died under torture. In 2023, there were 22 suicides (29 cases in 2022, or a "
            "decrease of 32 per cent).")  # fmt: skip
    reading = read(text)
    for r in reading.relations:
        assert text[r.start : r.end] == r.text
    restated = by_text(reading, "219", 1)
    assert restated.role == "restatement"
    assert restated.same_as == reading.quantities.index(by_text(reading, "219", 0))
    amount = by_text(reading, "32")
    assert (amount.role, amount.is_observation) == ("change", False)
    (change,) = reading.changes
    assert change.text == "a decrease of 32 per cent"
    assert by_text(reading, "29").unit == "cases"
    assert BreakdownKind.PARTITION in {p.kind for p in reading.parts}


def test_units_and_concepts() -> None:
    """Units are inherited from the whole or the bracket's figure; concepts are short."""
    reading = read("Disciplinary sanctions were imposed on 709 officials from pretrial "
                   "investigation bodies (377 in 2022 and 332 in 2023).")  # fmt: skip
    assert [q.unit for q in reading.quantities] == ["officials"] * 3
    assert reading.quantities[0].concept.startswith("officials from pretrial investigation bodies")
    assert reading.quantities[0].unit_span == (43, 52)
    assert reading.quantities[1].unit_span is None
    for q in read(SEED.read_text(encoding="utf-8"), REFERENCE).quantities:
        assert 0 < len(q.concept.split()) <= 12
    reading = read("In 2023, there were 22 suicides among the prison population.")
    assert reading.quantities[0].concept == "suicides among the prison population"


PDF_STYLE = [
    # wrapped lines (CRLF), a footnote glued to a year, a page number and a footnote line
    (
        "1.\u00a0The Ombudsperson received 1,243 complaints of\r\nracial discrimination in 2023 "
        "and 1,305 in 2024.1 Of these, 37 per cent\r\nconcerned employment.\r\n1 See "
        "CERD/C/GEO/CO/8-9, para. 12.\r\nGE.25-05432(E)\r\n2\r\n3.\u00a0In 2024, the Ministry "
        "opened 58 investigations under\r\narticle 142 of the Criminal Code.",
        [("1,243", "complaints", "2023"), ("1,305", "complaints", "2024"), ("37", "percent", None),
         ("58", "investigations", "2024")],
    ),
    # bare CR line ends, a comparison wrapped over two lines
    (
        "In 2024, courts restored the legal capacity of 312 persons, compared with\r187 in "
        "2023.\r\rThe Strategy 2022–2026 provides for the closure\rof two large institutions "
        "by 2026. Services were established in 24 local self-government units.",
        [("312", "persons", "2024"), ("187", "persons", "2023"),
         ("two", "large institutions", "../2026"), ("24", "local self-government units", None)],
    ),
    # enumerators glued to the text: "3.In 2024", "1.The"
    (
        "1.The Code was amended on 14 December 2024.\n3.In 2024, the Office received 46 "
        "complaints, compared with 61 in 2023.\n5.\u200b\u00a0Courses are offered in 31 "
        "municipalities.",
        [("46", "complaints", "2024"), ("61", "complaints", "2023"),
         ("31", "municipalities", None)],
    ),
    # currencies outside ISO codes and non-ASCII currency words
    (
        "The budget rose from KSh 29 billion in 2020 to KSh 38 billion in 2024. Its budget for "
        "2025 is 3.2 billion guaraníes.",
        [("29 billion", "KSh", "2020"), ("38 billion", "KSh", "2024"),
         ("3.2 billion", "guaraníes", "2025")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PDF_STYLE)
def test_pdf_style_text(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    """Wrapped lines, CR and CRLF line ends, glued enumerators, footnotes and page furniture."""
    got = [
        (q.text, q.unit, None if q.time is None else str(q.time))
        for q in read(text).quantities
        if q.role == "observation"
    ]
    assert got == expected


def test_region_and_types() -> None:
    """start/end restrict the reading; given dates are reused; bad types raise TypeError."""
    text = "In 2023, 14 persons died.\nIn 2022, 9 persons died."
    second = text.index("\n") + 1
    assert [q.text for q in find_quantities(text, second).quantities] == ["9"]
    assert [q.text for q in find_quantities(text, 0, second).quantities] == ["14"]
    from catdomain.reading.dates import find_dates

    dates = find_dates(text)
    assert find_quantities(text, dates=dates).quantities == find_quantities(text).quantities
    with pytest.raises(TypeError):
        find_quantities(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_quantities("x", reference="2024")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        find_quantities("x", dates=["2024"])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        find_quantities("x", end=1.5)  # type: ignore[arg-type]


# =========================================================================== robustness


def check(text: str) -> None:
    """Read `text`; every offset quotes the text; every index points to a quantity."""
    for reference in (REFERENCE, None):
        reading = find_quantities(text, reference=reference)
        count = len(reading.quantities)
        for q in reading.quantities:
            assert text[q.start : q.end] == q.text
            assert q.sentence[0] <= q.start < q.end <= q.sentence[1]
        for r in reading.relations:
            assert text[r.start : r.end] == r.text
            if isinstance(r, PartRelation):
                assert all(0 <= i < count for i in (r.whole, *r.parts))
            elif isinstance(r, ChangeRelation):
                assert all(0 <= i < count for i in (r.later, r.amount))
            else:
                assert all(0 <= i < count for i in r.quantities)
        for m in reading.dates:
            assert text[m.start : m.end] == m.text


@given(st.text(max_size=400))
def test_arbitrary_text(text: str) -> None:
    """Arbitrary text never makes the reader raise, and offsets always quote the text."""
    check(text)


PIECES = st.sampled_from(
    ["In 2023, ", "there were ", "22", "1,352", "4\u00a0500", "19.2", " per cent", " persons",
     ", of whom ", "including ", " (", ")", " in 2022", " and ", ", or ", "a decrease of ",
     "No. ", "article ", ": ", "; ", ". ", "\n", "over ", "about ", "the ", "three", "US$ ",
     " million", "by 2030", "–", "currently ", "of which ", "(", "respectively, "]
)  # fmt: skip


@given(st.lists(PIECES, max_size=40).map("".join))
def test_statistics_like_text(text: str) -> None:
    """Text made of the pieces statistics are written with never breaks the reader."""
    check(text)


@st.composite
def mutated_paragraphs(draw: st.DrawFn) -> str:
    """A seed paragraph with characters inserted, deleted or duplicated."""
    paragraphs = SEED.read_text(encoding="utf-8").splitlines()
    text = draw(st.sampled_from([p for p in paragraphs if any(c.isdigit() for c in p)]))
    for _ in range(draw(st.integers(0, 12))):
        if not text:
            break
        at = draw(st.integers(0, len(text) - 1))
        action = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if action == "insert":
            text = (
                text[:at] + draw(st.sampled_from(list("0123456789 ,.;:()–-\u00a0aZ"))) + text[at:]
            )
        elif action == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + text[at] + text[at:]
    return text


@settings(max_examples=200)
@given(mutated_paragraphs())
def test_mutated_seed_paragraphs(text: str) -> None:
    """Seed paragraphs with random edits are still read without error, offsets exact."""
    check(text)


ADVERSARIAL = {
    "tabs": "\t" * 100_000 + "1",
    "a long table": "Year\tTotal\n" + "2021\t5\n" * 20_000,
    "cells of words": "a\tb\n" * 20_000,
    "spaced columns": ("x  " * 50 + "\n") * 2_000,
    "digits": "1" * 100_000,
    "grouped digits": "1,111" + ",111" * 30_000,
    "spaced digits": " ".join(["111"] * 30_000),
    "list": ", ".join(str(i) for i in range(1, 10_001)),
    "small list": "of whom " + ", ".join(str(i % 9 + 1) for i in range(10_000)),
    "nested brackets": "(" * 10_000 + "12 persons" + ")" * 10_000,
    "unbalanced brackets": "(12 persons " * 10_000,
    "numbers": "No. " * 10_000,
    "articles": "articles " + ", ".join(["5"] * 10_000) + " persons",
    "including": "including 5 persons, " * 5_000,
    "colons": "12 persons: " * 10_000,
    "words": "twenty-five " * 10_000,
    "percent": "5 per cent, or 6 persons, " * 5_000,
    "dates": "in 2023 and " * 5_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_finish(name: str, hang_guard: Callable[..., None]) -> None:
    """Inputs built to make the patterns backtrack or the relations go quadratic finish."""
    hang_guard(lambda: check(ADVERSARIAL[name]))


def test_repeated_text_gives_repeated_figures() -> None:
    """100 copies of the seed give 100 times its figures: nothing is lost or merged across
    paragraphs (the time this takes is measured by the benchmarks, not here)."""
    text = SEED.read_text(encoding="utf-8")
    once = find_quantities(text, reference=REFERENCE).quantities
    many = find_quantities(text * 100, reference=REFERENCE).quantities
    assert len(many) == 100 * len(once)
    assert [q.value for q in many[: len(once)]] == [q.value for q in once]


# =========================================================================== tables

TABLES: list[tuple[str, list[tuple[str, str, str]]]] = [
    (  # years down, labels across, tabs
        "The prison population was as follows:\nYear\tTotal\tPretrial detainees\n"
        "2021\t39,000\t15,600\n2022\t33,900\t12,800\n",
        [
            ("39,000", "prison population", "2021"),
            ("15,600", "prison population: pretrial detainees", "2021"),
            ("33,900", "prison population", "2022"),
            ("12,800", "prison population: pretrial detainees", "2022"),
        ],
    ),
    (  # years across, labels down, runs of spaces as a PDF gives them
        "Complaints      2021    2022\nRegistered      64      51\nSent to court   18      15\n",
        [
            ("64", "complaints: registered", "2021"),
            ("51", "complaints: registered", "2022"),
            ("18", "complaints: sent to court", "2021"),
            ("15", "complaints: sent to court", "2022"),
        ],
    ),
    (  # one row, an empty corner, percentages and a missing value
        "Share of pretrial detainees:\n\t2021\t2022\nWomen\t41%\t–\n",
        [("41", "share of pretrial detainees: women", "2021")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), TABLES)
def test_tables_of_figures(text: str, expected: list[tuple[str, str, str]]) -> None:
    """Tables in plain text give one figure per cell, with the time of its row or column."""
    reading = read(text)
    assert [(q.text, q.concept, str(q.time)) for q in reading.quantities] == expected
    for q in reading.quantities:
        assert text[q.start : q.end] == q.text


def test_a_total_makes_the_other_figures_of_its_time_subsets() -> None:
    text = "Complaints\t2021\t2022\nRegistered\t64\t51\nTotal\t82\t66\n"
    reading = read(text)
    assert [(r.kind.value, r.whole, r.parts) for r in reading.parts] == [
        ("subset", 2, (0,)),
        ("subset", 3, (1,)),
    ]


def test_prose_around_a_table_is_read_as_prose() -> None:
    """Figures before and after a table keep their own times, relations and indices."""
    text = (
        "In 2023, 300 complaints arrived, a fall of 12 per cent.\n"
        "Year\tTotal\n2021\t39,000\n2022\t33,900\n"
        "Of the 42 persons tried, 35 were convicted and 7 acquitted.\n"
    )
    reading = read(text)
    assert [q.text for q in reading.quantities] == [
        "300",
        "12",
        "39,000",
        "33,900",
        "42",
        "35",
        "7",
    ]
    assert (reading.changes[0].later, reading.changes[0].amount) == (0, 1)
    assert (reading.parts[0].whole, reading.parts[0].parts) == (4, (5, 6))


@pytest.mark.parametrize(
    "text",
    [
        "19.\tDisciplinary sanctions were imposed.\n20.\tCameras were installed.\n",
        "Ministry\tAddress\nJustice\tRoom 12\n",
        "a.\tFirst item\nb.\tSecond item\n",
    ],
)
def test_lines_with_tabs_that_are_not_tables(text: str) -> None:
    """Numbered paragraphs, lists and tables of words are not tables of figures."""
    from catdomain.reading._tables import find_tables

    assert find_tables(text, 0, len(text)) == []


def test_a_caption_with_as_many_cells_and_a_note_after_the_table() -> None:
    """The header may follow a line with as many cells; rows that do not fit end the table."""
    text = (
        "Prison population\tby year\nYear\tTotal\n2021\t39,000\n2022\t33,900\n"
        "Source:\tMinistry of Justice\n"
    )
    reading = read(text)
    assert [(q.text, str(q.time)) for q in reading.quantities] == [
        ("39,000", "2021"),
        ("33,900", "2022"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2021, the authorities registered 268 reports of torture; in 2022, 301.",
            [("268", "reports", "2021"), ("301", "reports", "2022")],
        ),
        (
            "In 2021, 45 complaints were received; in 2022, 52, and in 2023, 60.",
            [
                ("45", "complaints", "2021"),
                ("52", "complaints", "2022"),
                ("60", "complaints", "2023"),
            ],
        ),
    ],
)
def test_a_time_before_an_elliptical_figure(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    """ "; in 2022, 301": the figure takes the time before it and counts what the first counts."""
    assert [(q.text, q.unit, str(q.time)) for q in read(text).quantities] == expected


def test_the_words_of_a_number_are_one_figure() -> None:
    """ "One hundred and twenty officers" is one figure, not also "twenty"."""
    reading = read("One hundred and twenty officers were trained in 2023.")
    assert [(q.text, str(q.value)) for q in reading.quantities] == [
        ("One hundred and twenty", "120")
    ]


def test_a_chain_of_elliptical_figures_keeps_the_first_noun() -> None:
    reading = read("The number of deaths in custody was 14 in 2021, 9 in 2022 and 6 in 2023.")
    assert {(q.concept, q.unit) for q in reading.quantities} == {
        ("number of deaths in custody", "deaths in custody")
    }


def test_what_will_be_renovated_is_a_plan() -> None:
    [q] = read("Under the Programme, 4 detention facilities will be renovated by 2024.").quantities
    assert (q.value_kind, str(q.time)) == (ValueKind.PLAN, "../2024")


def test_a_change_noun_right_after_a_figure_does_not_crash() -> None:
    """Found by the fuzz profile: "… 1 January 2 decrease of 10.3 per cent" gave a figure with
    a noun and no unit, and reading its concept raised IndexError."""
    text = "to 2,047 persons as at 1 January 2 decrease of 10.3 per cent."
    roles = [(q.text, q.role) for q in read(text).quantities]
    assert ("2", "change") in roles


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("At the end of 2022, the prison population stood at 97,204 persons.", "prison population"),
        ("The occupancy rate was 158 per cent in 2022.", "occupancy rate"),
        # a "share of …" subject is kept, not cut down to its last words
        (
            "The share of women in the prison population was 7 per cent in 2023.",
            "share of women in the prison population",
        ),
    ],
)
def test_subjects_before_a_linking_verb(text: str, concept: str) -> None:
    assert [q.concept for q in read(text).quantities] == [concept]


# What `_last_word_parts` reads, as the pattern it replaced read it.
_LAST_WORD = re.compile(
    r"(?<![A-Za-z№°])(?P<word>[A-Za-z№°]+)(?P<dot>\.?)[ \t\u00a0]*(?:[:(][ \t\u00a0]*)?$"
)


@given(st.text(alphabet="aZ№° \t\u00a0:(.\n1é", max_size=24))
def test_the_last_word_before_a_figure_is_read_as_its_pattern_reads_it(window: str) -> None:
    from catdomain.reading.quantities import _last_word_parts

    match = _LAST_WORD.search(window)
    expected = None if match is None else (match.group("word"), match.group("dot"))
    assert _last_word_parts(window) == expected


# Where `_WORD_START` finds a number in words may start, as its former pattern found it
# (the first letter, then a look-behind for what stands before it).
_WORD_START_SPEC = re.compile(
    r"[OoTtFfSsEeNnAa](?<![\w\u2011-].)(?:(?<=[Oo])ne|(?<=[Tt])(?:wo|hree|en|welve|hirteen|wenty"
    r"|hirty)|(?<=[Ff])(?:our|ive|ourteen|ifteen|orty|ifty)|(?<=[Ss])(?:ix|even|ixteen|eventeen"
    r"|ixty|eventy)|(?<=[Ee])(?:ight|leven|ighteen|ighty)|(?<=[Nn])(?:ine|ineteen|inety)"
    r"|(?<=[Aa])[ \u00a0]+(?:hundred|thousand|million|billion|dozen))(?![a-z])"
)


def _windows(
    *pieces: str,
) -> tuple[st.SearchStrategy[str], st.SearchStrategy[int], st.SearchStrategy[int]]:
    """A text made of `pieces`, and a window (lo, hi) of it, as scans are given them."""
    text = st.lists(st.sampled_from(pieces), max_size=10).map("".join)
    return text, st.integers(0, 12), st.integers(0, 60)


@given(
    *_windows(
        "one",
        "Two",
        "twelve",
        "a",
        "A",
        " ",
        "\u00a0",
        "hundred",
        "dozen",
        "-",
        "\u2011",
        "x",
        "é",
        "1",
        "_",
        "seventy",
        "Eighteen",
        "nine",
        "s",
        "\n",
        "(",
        "ten",
    )
)
def test_number_words_start_where_the_former_pattern_found_them(
    text: str, lo: int, hi: int
) -> None:
    from catdomain.reading.quantities import _WORD_START

    assert [m.span() for m in _WORD_START.finditer(text, lo, hi)] == [
        m.span() for m in _WORD_START_SPEC.finditer(text, lo, hi)
    ]


@given(
    *_windows(
        "one",
        "Two",
        "a hundred",
        "1",
        "12",
        "1,234",
        "3.5",
        "2023",
        " ",
        "\u00a0",
        ",",
        ".",
        "-",
        "x",
        "7one",
        "one7",
        "\u2011",
        "ten",
        "No.",
    )
)
def test_figures_and_number_words_are_found_in_one_scan_as_in_two(
    text: str, lo: int, hi: int
) -> None:
    from catdomain.reading._numbers import FIGURE
    from catdomain.reading.quantities import _FIGURE_OR_WORD, _WORD_START

    expected = sorted(
        [m.span() for m in FIGURE.finditer(text, lo, hi)]
        + [m.span() for m in _WORD_START.finditer(text, lo, hi)]
    )
    assert [m.span() for m in _FIGURE_OR_WORD.finditer(text, lo, hi)] == expected


def _tail_gates() -> list[tuple[str, frozenset[str], int]]:
    from catdomain.reading import quantities as q

    return [
        ("_MEASURE_OF_BEFORE", q._TAIL_MEASURE_OF, q._TAIL_MEASURE_OF_SHORT),
        ("_SUBJECT_BEFORE", q._TAIL_SUBJECT, 0),
        ("_COMPOUND_SUBJECT", q._TAIL_COMPOUND, 0),
    ]


@pytest.mark.parametrize(("name", "words", "short"), _tail_gates())
@given(data=st.data())
def test_end_anchored_searches_are_never_skipped_where_they_match(
    name: str, words: frozenset[str], short: int, data: st.DataObject
) -> None:
    """The test on the last word lets through every window the pattern matches: windows
    generated from the pattern itself, after some other text."""
    from catdomain.reading import quantities as q

    pattern = getattr(q, name)
    window = data.draw(st.text(max_size=8)) + data.draw(
        st.from_regex(re.compile(pattern.pattern, pattern.flags))
    )
    if pattern.search(window) is not None:
        assert q._may_end_with(window, words, short), window
