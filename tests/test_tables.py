"""catdomain.tables: the dossier as typed, long-form DataFrames.

Also home of `build_edge_dossier`, a small dossier full of awkward values
(markup and quotes in text, a date in 1215, 39-digit decimals, every
qualifier, value kind and time form) that the export, plot and HTML tests
use as well.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from decimal import Decimal

import pytest

import catdomain as cd
from catdomain import datasets
from catdomain.validation import Finding, Severity

pd = pytest.importorskip("pandas", reason="the tables need the 'analysis' extra")

from catdomain import tables  # noqa: E402

SCRIPT = '<script>alert("x")</script>'


def _span(quote: str, paragraph: str | None = "1", start: int = 0) -> cd.SourceSpan:
    return cd.SourceSpan(
        document="reply", start=start, end=start + len(quote), quote=quote, paragraph=paragraph
    )


def build_edge_dossier() -> cd.Dossier:
    """A dossier of awkward values: markup, quotes, old dates, long decimals, every form."""
    y = cd.PartialDate
    co = cd.Document(id="CO", kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS, state="KAZ")
    reply = cd.Document(
        id="reply",
        kind=cd.DocumentKind.FOLLOW_UP_REPLY,
        state="KAZ",
        title=f"Reply {SCRIPT}",
        received=y(2024, 5, 13),
    )
    rec = cd.Recommendation(
        id="CO#7",
        document="CO",
        paragraph=7,
        heading="Safeguards & <b>torture</b>",
        text=f"Ensure {SCRIPT}",
        selected_for_follow_up=False,
    )
    ministry = cd.Authority(id="ministry", name='Ministry <of> "Justice"')
    charter = cd.LegalInstrument(
        id="charter",
        kind=cd.InstrumentKind.OTHER,
        title="Magna Carta, 1215",
        issuances=(cd.Issuance(issuer="ministry", number="1/1215", date=y(1215, 6, 15)),),
        period=cd.Period(start=y(2023, 11), end=y(2024, 2)),
        aliases=("the Charter", 'the "Great" Charter'),
    )
    joint = cd.LegalInstrument(
        id="joint",
        kind=cd.InstrumentKind.JOINT_ORDER,
        issuances=(
            cd.Issuance(issuer="ministry", number="5", date=y(2023, 1)),
            cd.Issuance(number="6", source=_span("No. 6", "2", start=40)),
        ),
    )
    citation = cd.Citation(
        id="cit",
        instrument="charter",
        provisions=cd.parse_provisions("articles 39 and 40"),
        source=_span("the Charter, articles 39 and 40"),
    )
    measure = cd.Measure(
        id="m-odd",
        description=f"A measure {SCRIPT}, with a comma",
        category=cd.MeasureCategory.OTHER,
        authorities=("ministry",),
        instruments=("charter", "joint"),
        answers=("CO#7",),
        evidence=(_span('He said "over 400",\nthen left'), _span("second", None, start=60)),
        date=y(2023, 8),
        expected_completion=y(2025),
    )
    planned = cd.Measure(
        id="m-plan",
        description="Plan",
        category=cd.MeasureCategory.LEGISLATIVE,
        kind=cd.MeasureKind.POLICY_OR_PLAN,
        status=cd.MeasureStatus.PLANNED,
        period=cd.Period(start=y(2024), end=y(2028)),
        answers=("CO#7",),
    )
    key = cd.SeriesKey(concept=f'deaths, "in custody"; {SCRIPT}', unit="persons")
    deaths = cd.Series(
        id="s-deaths",
        key=key,
        observations=(
            cd.Observation(id="o-2021", value=Decimal("12.50"), time=cd.Period.year(2021)),
            cd.Observation(
                id="o-2022",
                value=Decimal("3500"),
                qualifier=cd.Qualifier.APPROXIMATE,
                time=cd.Period.year(2022),
                text="about 3,500",
                source=_span('He said "over 400",\nthen left'),
            ),
            cd.Observation(
                id="o-2023",
                value=Decimal("50"),
                qualifier=cd.Qualifier.AT_MOST,
                status=cd.ObservationStatus.ESTIMATED,
                time=cd.Period.year(2023),
            ),
            cd.Observation(
                id="o-13-months",
                value=Decimal("9"),
                qualifier=cd.Qualifier.LESS_THAN,
                time=cd.Period(start=y(2022, 11), end=y(2023, 11)),
            ),
            cd.Observation(
                id="o-range",
                value=Decimal(400),
                qualifier=cd.Qualifier.MORE_THAN,
                time=cd.Period(start=y(2021), end=y(2023)),
            ),
            cd.Observation(
                id="o-pooled",
                value=Decimal(7),
                time=cd.Pooled(periods=(cd.Period.year(2019), cd.Period.year(2021))),
            ),
            cd.Observation(id="o-undated", value=Decimal("-0.000001")),
            cd.Observation(
                id="o-huge",
                value=Decimal("123456789012345678901234567890.123456789"),
                time=cd.Instant(date=y(2023, 1, 1)),
            ),
        ),
    )
    target = cd.Series(
        id="s-deaths-target",
        key=cd.SeriesKey(concept=key.concept, unit="persons", value_kind=cd.ValueKind.TARGET),
        observations=(
            cd.Observation(id="o-target", value=Decimal(0), time=cd.Period(end=y(2030))),
        ),
    )
    plan = cd.Series(
        id="s-plan",
        key=cd.SeriesKey(concept=key.concept, unit="persons", value_kind=cd.ValueKind.PLAN),
        observations=(
            cd.Observation(id="o-plan", value=Decimal(5), time=cd.Period(start=y(2024))),
        ),
    )
    baseline = cd.Series(
        id="s-baseline",
        key=cd.SeriesKey(concept=key.concept, unit="persons", value_kind=cd.ValueKind.BASELINE),
        observations=(
            cd.Observation(id="o-baseline", value=Decimal(20), time=cd.Instant(date=y(2020, 1))),
        ),
    )
    dims = (
        cd.Dimension(name="status", value="a, b\nc"),
        cd.Dimension(name="STATUS", value=SCRIPT),
    )
    part = cd.Series(
        id="s-part",
        key=cd.SeriesKey(concept="killed", unit="persons", breakdown=dims),
        observations=(cd.Observation(id="o-part", value=Decimal(3)),),
    )
    whole = cd.Series(
        id="s-whole",
        key=cd.SeriesKey(concept="killed", unit="persons"),
        observations=(cd.Observation(id="o-whole", value=Decimal(5)),),
    )
    return cd.Dossier(
        id="Edge.Case/1",
        title=f"Edge {SCRIPT}",
        documents=(co, reply),
        recommendations=(rec,),
        authorities=(ministry,),
        instruments=(charter, joint),
        citations=(citation,),
        measures=(measure, planned),
        series=(deaths, target, plan, baseline, part, whole),
        breakdowns=(
            cd.Breakdown(
                id="b-subset",
                kind=cd.BreakdownKind.SUBSET,
                whole="o-whole",
                parts=("o-part",),
                dimension="status",
            ),
            cd.Breakdown(
                id="b-years",
                kind=cd.BreakdownKind.PARTITION,
                whole="o-range",
                parts=("o-2021", "o-2022", "o-2023"),
                dimension="year",
            ),
        ),
        changes=(
            cd.StatedChange(
                id="ch",
                observation="o-2022",
                base="o-2021",
                direction=cd.ChangeDirection.INCREASE,
                amount=Decimal(3487),
                relative=False,
            ),
        ),
    )


def edge_findings() -> list[Finding]:
    """Findings of every severity, one with markup in its message."""
    return [
        Finding(code="x.info", severity=Severity.INFO, path="$", message="fine"),
        Finding(
            code="x.error",
            severity=Severity.ERROR,
            path="$.series[0]",
            message=f"bad {SCRIPT}",
            spans=(_span('He said "over 400",\nthen left'),),
            figures=(cd.Figure(name="sum", value=Decimal("1.5")),),
        ),
        Finding(code="x.warning", severity=Severity.WARNING, path="$.measures[0]", message="hm"),
    ]


@pytest.fixture(scope="module")
def kaz() -> cd.Dossier:
    return datasets.load()


@pytest.fixture(scope="module")
def edge() -> cd.Dossier:
    return build_edge_dossier()


TABLES = [
    "observations",
    "measures",
    "instruments",
    "issuances",
    "citations",
    "recommendations",
    "recommendation_measures",
]


# --------------------------------------------------------------------------
# The documented columns are the columns, with the documented dtypes


def _dtype_matches(dtype: object, documented: str) -> bool:
    text = documented.strip()
    if text == "string":
        return isinstance(dtype, pd.StringDtype)
    if text.startswith("category"):
        ordered = "ordered" in text
        return isinstance(dtype, pd.CategoricalDtype) and bool(dtype.ordered) == ordered
    if text == "datetime64[s]":
        return str(dtype) == "datetime64[s]"
    if text == "Int64":
        return isinstance(dtype, pd.Int64Dtype)
    if text == "int64":
        return str(dtype) == "int64"
    if text == "boolean":
        return isinstance(dtype, pd.BooleanDtype)
    if text == "float64 or object":
        return str(dtype) in ("float64", "object")
    raise AssertionError(f"undocumented dtype spelling {documented!r}")


@pytest.mark.parametrize("name", [*TABLES, "findings"])
@pytest.mark.parametrize("which", ["kaz", "edge", "empty"])
def test_columns_and_dtypes_are_the_documented_ones(
    name: str, which: str, kaz: cd.Dossier, edge: cd.Dossier
) -> None:
    """Each table has exactly the columns its docstring tabulates, in order, with their dtypes."""
    function = getattr(tables, name)
    docs = tables._column_docs(function)
    assert docs, f"tables.{name} documents no columns"
    if name == "findings":
        source = {"kaz": cd.validate(kaz), "edge": edge_findings(), "empty": []}[which]
        frame = function(source)
    else:
        dossier = {"kaz": kaz, "edge": edge, "empty": cd.Dossier(id="empty")}[which]
        frame = function(dossier)
    documented = []
    for column in docs:
        if column == "breakdown.<name>":
            documented.extend(c for c in frame.columns if c.startswith("breakdown."))
        else:
            documented.append(column)
    assert list(frame.columns) == documented
    for column in frame.columns:
        spelled = docs["breakdown.<name>" if column.startswith("breakdown.") else column][1]
        assert _dtype_matches(frame[column].dtype, spelled), (column, frame[column].dtype)
    assert isinstance(frame.index, pd.RangeIndex)


# --------------------------------------------------------------------------
# observations


def test_observations_values_are_floats_or_exact_decimals(kaz: cd.Dossier) -> None:
    floats = tables.observations(kaz).set_index("observation_id")["value"]
    exact = tables.observations(kaz, exact=True).set_index("observation_id")["value"]
    assert floats["o-share-cells-2023"] == pytest.approx(19.2)
    assert exact["o-share-cells-2023"] == Decimal("19.2")
    assert str(exact["o-share-cells-2023"]) == "19.2"
    assert all(isinstance(v, Decimal) for v in exact)
    assert sum(exact, Decimal(0)) == sum(o.value for _, o in kaz.observations())


def test_observations_keep_one_row_per_observation_in_order(kaz: cd.Dossier) -> None:
    frame = tables.observations(kaz)
    assert frame.observation_id.tolist() == [o.id for _, o in kaz.observations()]
    assert frame.series_id.tolist() == [s.id for s, _ in kaz.observations()]


def test_observations_time_columns(edge: cd.Dossier) -> None:
    """Instants, years, ranges, open and pooled periods and undated figures."""
    rows = tables.observations(edge, exact=True).set_index("observation_id")

    def day(text: str) -> pd.Timestamp:
        return pd.Timestamp(text)

    year = rows.loc["o-2021"]
    assert (year.time_type, year.time, year.time_precision) == ("period", "2021", "year")
    assert (year.time_start, year.time_end) == (day("2021-01-01"), day("2021-12-31"))
    months = rows.loc["o-13-months"]
    assert (months.time, months.time_precision) == ("2022-11/2023-11", "month")
    assert months.time_end == day("2023-11-30")
    pooled = rows.loc["o-pooled"]
    assert (pooled.time_type, pooled.time) == ("pooled", "2019+2021")
    assert (pooled.time_start, pooled.time_end) == (day("2019-01-01"), day("2021-12-31"))
    target = rows.loc["o-target"]
    assert target.time == "../2030"
    assert pd.isna(target.time_start)
    assert target.time_end == day("2030-12-31")
    assert pd.isna(rows.loc["o-plan"].time_end)
    instant = rows.loc["o-baseline"]
    assert (instant.time_type, instant.time_precision) == ("instant", "month")
    assert instant.time_end == day("2020-01-31")
    undated = rows.loc["o-undated"]
    assert undated.time_type == "none"
    assert pd.isna(undated.time)
    assert pd.isna(undated.time_start)
    assert pd.isna(undated.time_precision)


def test_observations_breakdown_columns(kaz: cd.Dossier, edge: cd.Dossier) -> None:
    rows = tables.observations(kaz).set_index("observation_id")
    officers = rows.loc["o-jan-officers"]
    assert officers["breakdown"] == "status=security forces officer"
    assert officers["breakdown.status"] == "security forces officer"
    assert pd.isna(officers["breakdown.circumstance"])
    assert pd.isna(rows.loc["o-jan-killed", "breakdown"])
    odd = tables.observations(edge).set_index("observation_id").loc["o-part"]
    assert odd["breakdown.status"] == "a, b\nc"
    assert odd["breakdown.STATUS"] == '<script>alert("x")</script>'


def test_observations_categories_hold_whole_vocabularies(kaz: cd.Dossier) -> None:
    frame = tables.observations(kaz)
    assert list(frame.qualifier.cat.categories) == [q.value for q in cd.Qualifier]
    assert list(frame.value_kind.cat.categories) == [k.value for k in cd.ValueKind]
    assert list(frame.status.cat.categories) == [s.value for s in cd.ObservationStatus]
    assert list(frame.time_type.cat.categories) == ["instant", "period", "pooled", "none"]
    counts = frame.qualifier.value_counts()
    assert counts["less-than"] == 0
    assert counts["more-than"] >= 1


def test_observations_provenance_matches_the_text(kaz: cd.Dossier) -> None:
    text = datasets.text()
    frame = tables.observations(kaz).dropna(subset=["start"])
    assert len(frame) > 0
    for row in frame.itertuples():
        assert text[row.start : row.end] == row.quote


def test_dates_far_from_today_survive(edge: cd.Dossier) -> None:
    """A date of 1215 is outside pandas' nanosecond range; second resolution holds it."""
    inst = tables.instruments(edge).set_index("instrument_id")
    assert inst.loc["charter", "date"] == pd.Timestamp("1215-06-15")
    assert inst.loc["charter", "date_precision"] == "day"
    assert inst.loc["joint", "date_precision"] == "month"


# --------------------------------------------------------------------------
# The other tables


def test_measures(kaz: cd.Dossier, edge: cd.Dossier) -> None:
    frame = tables.measures(kaz)
    assert len(frame) == len(kaz.measures)
    assert frame.status.cat.ordered
    assert list(frame.status.cat.categories) == [s.value for s in cd.MeasureStatus]
    assert (frame.status >= "adopted").sum() == sum(
        1 for m in kaz.measures if m.status and m.status.rank >= cd.MeasureStatus.ADOPTED.rank
    )
    odd = tables.measures(edge).set_index("measure_id")
    row = odd.loc["m-odd"]
    assert row.paragraphs == "1"
    assert row.instruments == "charter; joint"
    assert row.date == pd.Timestamp("2023-08-01")
    assert row.date_precision == "month"
    assert row.expected_completion_precision == "year"
    assert pd.isna(row.status)
    assert pd.isna(row.kind)
    plan = odd.loc["m-plan"]
    assert plan.period == "2024/2028"
    assert (plan.period_start, plan.period_end) == (
        pd.Timestamp("2024-01-01"),
        pd.Timestamp("2028-12-31"),
    )


def test_instruments_and_issuances(kaz: cd.Dossier, edge: cd.Dossier) -> None:
    inst = tables.instruments(kaz)
    iss = tables.issuances(kaz)
    assert len(inst) == len(kaz.instruments)
    assert len(iss) == sum(len(i.issuances) for i in kaz.instruments)
    joint = inst.set_index("instrument_id").loc["kz-rules-video-surveillance"]
    assert joint.joint
    assert joint.issuances == 4
    assert joint.issuer_names.split("; ")[0] == "Procurator General"
    rows = iss[iss.instrument_id == "kz-rules-video-surveillance"]
    assert rows.issuance.tolist() == [1, 2, 3, 4]
    assert rows.number.tolist() == ["46", "176", "54", "85"]
    edge_iss = tables.issuances(edge)
    assert edge_iss.issuer.isna().tolist() == [False, False, True]
    assert edge_iss.start.tolist()[2] == 40


def test_citations(kaz: cd.Dossier) -> None:
    frame = tables.citations(kaz)
    assert len(frame) == len(kaz.citations)
    with_provisions = frame.dropna(subset=["provisions"])
    for row in with_provisions.itertuples():
        assert len(row.provisions.split("; ")) == len(row.eids.split("; "))
    assert frame.provisions.isna().sum() == sum(1 for c in kaz.citations if not c.provisions)


def test_recommendations_and_links(kaz: cd.Dossier, edge: cd.Dossier) -> None:
    recs = tables.recommendations(kaz)
    links = tables.recommendation_measures(kaz)
    assert len(links) == sum(len(m.answers) for m in kaz.measures)
    per = links.groupby("recommendation_id").size()
    for row in recs.itertuples():
        assert row.measures == per.get(row.recommendation_id, 0)
    assert recs.selected_for_follow_up.isna().all()
    odd = tables.recommendations(edge).iloc[0]
    assert odd.selected_for_follow_up is False or odd.selected_for_follow_up == False  # noqa: E712
    merged = links.merge(tables.measures(kaz), on="measure_id", suffixes=("", "_m"))
    assert len(merged) == len(links)


def test_findings_severity_is_ordered() -> None:
    frame = tables.findings(edge_findings())
    assert frame.severity.cat.ordered
    assert frame.sort_values("severity", ascending=False).code.tolist() == [
        "x.error",
        "x.warning",
        "x.info",
    ]
    assert frame[frame.severity >= "warning"].code.tolist() == ["x.error", "x.warning"]
    error = frame.set_index("code").loc["x.error"]
    assert (error.paragraphs, error.figures) == ("1", "sum = 1.5")


def test_tables_are_new_objects(kaz: cd.Dossier) -> None:
    """Changing a returned table changes nothing else."""
    first = tables.measures(kaz)
    first.loc[0, "description"] = "changed"
    assert tables.measures(kaz).loc[0, "description"] != "changed"


# --------------------------------------------------------------------------
# Optional dependencies


def test_importing_catdomain_and_the_analysis_modules_loads_no_extra() -> None:
    """`import catdomain` (and the analysis modules) import no pandas, matplotlib or pyarrow."""
    code = (
        "import sys, catdomain, catdomain.tables, catdomain.exports, catdomain.plots, "
        "catdomain._html, catdomain.cli\n"
        "print([m for m in ('pandas', 'matplotlib', 'pyarrow', 'numpy') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_missing_pandas_is_a_clear_import_error(
    monkeypatch: pytest.MonkeyPatch, kaz: cd.Dossier
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'catdomain.tables needs pandas: pip install "catdomain'):
        tables.measures(kaz)


def test_dates_use_second_resolution() -> None:
    """The date columns can hold any date a PartialDate allows."""
    series = tables._dates([datetime.date(1, 1, 1), None, datetime.date(9999, 12, 31)])
    assert str(series.dtype) == "datetime64[s]"
    assert series.isna().tolist() == [False, True, False]
