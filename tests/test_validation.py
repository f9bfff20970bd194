"""catdomain.validation: the rule catalogue, each rule on a bad and a good dossier."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import catdomain as cd
from catdomain.validation import (
    DEFAULT_TOLERANCE,
    RULES,
    Figure,
    Finding,
    Rule,
    Severity,
    findings_from_integrity_error,
    validate,
)

ROOT = Path(__file__).resolve().parent.parent
D = cd.PartialDate
Q = cd.Qualifier
Y = cd.Period.year
CO = "co"
REPLY = "reply"


# ----------------------------------------------------------------- builders


def co(**kwargs: Any) -> cd.Document:
    kwargs.setdefault("adopted", D(2023, 5, 10))
    return cd.Document(id=CO, kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS, **kwargs)


def reply(*sections: cd.Section, **kwargs: Any) -> cd.Document:
    kwargs.setdefault("received", D(2024, 5, 13))
    return cd.Document(
        id=kwargs.pop("id", REPLY),
        kind=cd.DocumentKind.FOLLOW_UP_REPLY,
        sections=sections,
        **kwargs,
    )


def rec(n: int, selected: bool | None = None, **kwargs: Any) -> cd.Recommendation:
    return cd.Recommendation(
        id=f"{CO}#{n}", document=CO, paragraph=n, selected_for_follow_up=selected, **kwargs
    )


def section(id: str, *paragraphs: int) -> cd.Section:
    return cd.Section(
        id=id,
        heading=f"Follow-up on {paragraphs}",
        recommendations=tuple(f"{CO}#{n}" for n in paragraphs),
    )


def span(quote: str = "x", start: int = 0, paragraph: str | None = None) -> cd.SourceSpan:
    return cd.SourceSpan(
        document=REPLY, start=start, end=start + len(quote), quote=quote, paragraph=paragraph
    )


def obs(
    id: str,
    value: int | str,
    q: cd.Qualifier = Q.EXACT,
    time: cd.TimeReference | None = None,
    source: cd.SourceSpan | None = None,
) -> cd.Observation:
    return cd.Observation(id=id, value=Decimal(value), qualifier=q, time=time, source=source)


def series(
    id: str,
    *observations: cd.Observation,
    concept: str | None = None,
    unit: str = "persons",
    kind: cd.ValueKind = cd.ValueKind.ACTUAL,
    breakdown: tuple[tuple[str, str], ...] = (),
) -> cd.Series:
    key = cd.SeriesKey(
        concept=concept or id,
        unit=unit,
        value_kind=kind,
        breakdown=tuple(cd.Dimension(name=n, value=v) for n, v in breakdown),
    )
    return cd.Series(id=id, key=key, observations=observations)


def alone(*observations: cd.Observation, unit: str = "persons") -> tuple[cd.Series, ...]:
    """One series per observation, each of its own concept."""
    return tuple(series(f"s-{o.id}", o, unit=unit) for o in observations)


def partition(whole: str, *parts: str, id: str = "bd") -> cd.Breakdown:
    return cd.Breakdown(id=id, kind=cd.BreakdownKind.PARTITION, whole=whole, parts=parts)


def subset(whole: str, *parts: str, id: str = "bd") -> cd.Breakdown:
    return cd.Breakdown(id=id, kind=cd.BreakdownKind.SUBSET, whole=whole, parts=parts)


def measure(id: str = "m", **kwargs: Any) -> cd.Measure:
    kwargs.setdefault("category", cd.MeasureCategory.ADMINISTRATIVE)
    return cd.Measure(id=id, description="A measure", **kwargs)


def run(dossier: cd.Dossier, code: str, **kwargs: Any) -> list[Finding]:
    """The findings of rule `code` only."""
    return list(validate(dossier, rules=[code], **kwargs))


def nums(*values: int) -> tuple[Decimal, ...]:
    """Integers as the Decimals findings hold."""
    return tuple(Decimal(v) for v in values)


def only(findings: Iterable[Finding]) -> Finding:
    found = list(findings)
    assert len(found) == 1, [str(f) for f in found]
    return found[0]


# ---------------------------------------------------------------- public API


def test_severity_rank_puts_errors_first() -> None:
    """Severity.rank orders error, warning, info."""
    assert [s.rank for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)] == [0, 1, 2]
    assert Severity("warning") is Severity.WARNING


def test_finding_renders_on_one_line_and_looks_up_figures() -> None:
    """str(Finding) is one line with severity, code, path and message; figure() finds by name."""
    f = Finding(
        code="a.b",
        severity=Severity.INFO,
        path="$.x",
        message="m",
        figures=(Figure(name="n", value=Decimal(2)),),
    )
    assert str(f) == "info a.b at $.x: m"
    assert f.figure("n") == Decimal(2)
    with pytest.raises(KeyError, match="'n'"):
        f.figure("missing")


def test_finding_fields_are_plain_serializable_types() -> None:
    """Finding and Figure are frozen attrs classes of str, StrEnum, Decimal, tuples and spans."""
    allowed = {"str", "Severity", "Decimal", "tuple[SourceSpan, ...]", "tuple[Figure, ...]"}
    for cls in (Finding, Figure):
        assert attrs.has(cls)
        for field in attrs.fields(cls):
            # Annotations may have been resolved to types by someone calling attrs.resolve_types.
            shown = field.type if isinstance(field.type, str) else _type_name(field.type)
            assert shown in allowed, (cls.__name__, field.name, field.type)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(cls(**_sample_kwargs(cls)), "path" if cls is Finding else "name", "y")


def _type_name(annotation: object) -> str:
    text = getattr(annotation, "__name__", None) if isinstance(annotation, type) else None
    if text is not None:
        return text
    return (
        str(annotation)
        .replace("catdomain._model.provenance.", "")
        .replace("catdomain.validation.", "")
    )


def _sample_kwargs(cls: type) -> dict[str, Any]:
    if cls is Figure:
        return {"name": "n", "value": Decimal(1)}
    return {"code": "a.b", "severity": Severity.INFO, "path": "$", "message": "m"}


def test_findings_round_trip_through_the_catdomain_converter() -> None:
    """A finding unstructures to plain data and structures back equal (cattrs converter)."""
    from catdomain.serialization import make_converter

    converter = make_converter()
    finding = Finding(
        code="arithmetic.partition-sum",
        severity=Severity.ERROR,
        path="$.breakdowns[0]",
        message="m",
        spans=(span("abc"),),
        figures=(Figure(name="sum of parts", value=Decimal("404.5")),),
    )
    data = converter.unstructure(finding)
    assert data["severity"] == "error"
    assert converter.structure(data, Finding) == finding


def test_rule_catalogue_is_complete_and_consistent() -> None:
    """Every rule has a dotted code in its family, a title, a description and a severity."""
    assert len(RULES) >= 30
    for code, rule in RULES.items():
        assert isinstance(rule, Rule)
        assert rule.code == code
        family, _, slug = code.partition(".")
        assert rule.family == family
        assert slug
        assert slug == slug.lower()
        assert " " not in code
        assert rule.title
        assert len(rule.description) > 40, code
        assert isinstance(rule.severity, Severity)
    assert {r.family for r in RULES.values()} == {
        "integrity",
        "follow-up",
        "time",
        "arithmetic",
        "measure",
    }
    assert "RuleCatalogue" in repr(RULES)


def test_construction_codes_are_the_integrity_error_codes() -> None:
    """The integrity codes a Dossier raises are all in the catalogue."""
    documented = cd.IntegrityError.__doc__ or ""
    for code in (
        "duplicate-id",
        "dangling-reference",
        "unknown-paragraph",
        "span-outside-document",
        "whole-among-parts",
        "unknown-scale",
        "unknown-grade",
    ):
        assert code in documented
        assert f"integrity.{code}" in RULES
    assert RULES["integrity.duplicate-id"].at_construction
    assert not RULES["integrity.span-outside-document"].at_construction
    assert RULES["integrity.quote-mismatch"].needs_texts


def test_docs_page_has_a_section_for_every_rule() -> None:
    """docs/validation.md documents every rule code under its own heading."""
    page = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")
    missing = [code for code in RULES if f"### `{code}`" not in page]
    assert not missing


def test_unknown_rule_code_is_refused_with_the_known_codes() -> None:
    """An unknown code raises ValueError listing the known codes."""
    with pytest.raises(ValueError, match=r"'arithmetic\.nope'.*arithmetic\.partition-sum"):
        validate(cd.Dossier(id="d"), rules=["arithmetic.nope"])


def test_rules_select_codes_families_and_a_single_string() -> None:
    """`rules` takes codes, family names, or one code as a plain string."""
    d = cd.Dossier(id="d", measures=(measure(),))
    assert {f.code for f in validate(d)} == {"measure.no-evidence", "measure.answers-nothing"}
    assert {f.code for f in validate(d, rules=["measure"])} == {
        "measure.no-evidence",
        "measure.answers-nothing",
    }
    assert [f.code for f in validate(d, rules="measure.no-evidence")] == ["measure.no-evidence"]
    assert validate(d, rules=[]) == ()
    assert validate(d, rules=["integrity.duplicate-id"]) == ()


def test_tolerance_must_be_a_decimal_fraction() -> None:
    """A tolerance outside [0, 1) or not a Decimal raises ValueError."""
    with pytest.raises(ValueError, match="tolerance"):
        validate(cd.Dossier(id="d"), tolerance=Decimal(1))
    with pytest.raises(ValueError, match="tolerance"):
        validate(cd.Dossier(id="d"), tolerance=0.1)  # type: ignore[arg-type]
    assert Decimal("0.1") == DEFAULT_TOLERANCE


def test_findings_are_sorted_by_severity_then_natural_path() -> None:
    """Errors come first; paths sort with numeric indices ([2] before [10])."""
    measures = tuple(measure(f"m-{i}") for i in range(12))
    found = validate(cd.Dossier(id="d", measures=measures))
    assert [f.severity for f in found[:12]] == [Severity.WARNING] * 12
    assert [f.path for f in found[:12]] == [f"$.measures[{i}]" for i in range(12)]
    assert all(f.severity is Severity.INFO for f in found[12:])


def test_findings_from_integrity_error_maps_every_problem() -> None:
    """Each (code, path, message) of an IntegrityError becomes an error finding."""
    m = measure("m", answers=("nowhere",))
    with pytest.raises(cd.IntegrityError) as caught:
        cd.Dossier(id="d", measures=(m, measure("m")))
    found = findings_from_integrity_error(caught.value)
    assert {(f.code, f.path) for f in found} == {
        ("integrity.dangling-reference", "$.measures[0].answers[0]"),
        ("integrity.duplicate-id", "$.measures[1].id"),
    }
    assert all(f.severity is Severity.ERROR for f in found)
    assert all(f.code in RULES for f in found)


def test_span_walker_agrees_with_iter_spans() -> None:
    """validate's own span walker finds exactly what iter_spans finds, with the same paths."""
    from catdomain.validation import _collect_spans

    dossier = kazakhstan()
    found: list[tuple[str, cd.SourceSpan]] = []
    _collect_spans(dossier, "$", found)
    assert found == list(cd.iter_spans(dossier, "$"))
    assert len(found) > 200


# ------------------------------------------------------ integrity/provenance

TEXT = "1.\tDisciplinary sanctions were imposed on 709 officials.\n2.\tIn 2023, 22 suicides."


def text_document(**kwargs: Any) -> cd.Document:
    kwargs.setdefault(
        "paragraphs",
        (
            cd.TextParagraph(number="1", start=3, end=TEXT.index("\n")),
            cd.TextParagraph(number="2", start=TEXT.index("2.\t") + 3, end=len(TEXT)),
        ),
    )
    return reply(**kwargs)


def test_quote_mismatch_fires_when_the_offsets_hold_other_text() -> None:
    """A quote not at its offsets is an error, pointing to where the quote really is."""
    bad = cd.SourceSpan(document=REPLY, start=10, end=13, quote="709", paragraph="1")
    d = cd.Dossier(
        id="d", documents=(co(), text_document()), series=alone(obs("o", 709, source=bad))
    )
    f = only(run(d, "integrity.quote-mismatch", texts={REPLY: TEXT}))
    assert (f.severity, f.path) == (Severity.ERROR, "$.series[0].observations[0].source")
    assert f.figure("quote found at") == TEXT.index("709")
    assert f.spans == (bad,)
    assert run(d, "integrity.quote-mismatch") == []  # no text, no check


def test_quote_mismatch_is_silent_on_matching_quotes() -> None:
    """Spans found in the text pass."""
    good = cd.SourceSpan.find(TEXT, "709", document=REPLY, paragraph="1")
    d = cd.Dossier(
        id="d", documents=(co(), text_document()), series=alone(obs("o", 709, source=good))
    )
    assert validate(d, texts={REPLY: TEXT}, rules=["integrity"]) == ()


def test_span_outside_document_fires_past_the_end_of_the_text() -> None:
    """A span ending after the text's end is an error (and is not also a quote mismatch)."""
    past = cd.SourceSpan(document=REPLY, start=len(TEXT) - 2, end=len(TEXT) + 3, quote="abcde")
    d = cd.Dossier(id="d", documents=(co(), reply()), series=alone(obs("o", 1, source=past)))
    found = validate(d, texts={REPLY: TEXT}, rules=["integrity"])
    f = only(found)
    assert (f.code, f.severity, f.path) == (
        "integrity.span-outside-document",
        Severity.ERROR,
        "$.series[0].observations[0].source.end",
    )
    assert (f.figure("span end"), f.figure("text length")) == nums(len(TEXT) + 3, len(TEXT))


def test_text_version_fires_and_skips_quote_checks_on_the_wrong_text() -> None:
    """A text whose length or hash differs from the recorded one is reported, not quote-checked."""
    bad = cd.SourceSpan(document=REPLY, start=0, end=3, quote="zzz")
    d = cd.Dossier(
        id="d",
        documents=(co(), reply(text_length=len(TEXT) + 1)),
        series=alone(obs("o", 1, source=bad)),
    )
    found = validate(d, texts={REPLY: TEXT}, rules=["integrity"])
    f = only(found)
    assert (f.code, f.path) == ("integrity.text-version", "$.documents[1].text_length")
    assert f.figure("recorded length") == len(TEXT) + 1
    hashed = cd.Dossier(id="d", documents=(co(), reply(text_sha256="0" * 64)))
    f = only(run(hashed, "integrity.text-version", texts={REPLY: TEXT}))
    assert f.path == "$.documents[1].text_sha256"
    import hashlib

    right = hashlib.sha256(TEXT.encode()).hexdigest()
    good = cd.Dossier(id="d", documents=(co(), reply(text_sha256=right, text_length=len(TEXT))))
    assert run(good, "integrity.text-version", texts={REPLY: TEXT, "unknown": "x"}) == []


def test_span_outside_paragraph_fires_for_a_wrong_paragraph_number() -> None:
    """A span said to be in paragraph 1 but lying in paragraph 2 is a warning."""
    start = TEXT.index("22 suicides")
    misplaced = cd.SourceSpan(document=REPLY, start=start, end=start + 2, quote="22", paragraph="1")
    d = cd.Dossier(
        id="d", documents=(co(), text_document()), series=alone(obs("o", 22, source=misplaced))
    )
    f = only(run(d, "integrity.span-outside-paragraph"))
    assert (f.severity, f.path) == (Severity.WARNING, "$.series[0].observations[0].source")
    assert f.figure("paragraph end") == TEXT.index("\n")
    placed = attrs.evolve(misplaced, paragraph="2")
    d = cd.Dossier(
        id="d", documents=(co(), text_document()), series=alone(obs("o", 22, source=placed))
    )
    assert run(d, "integrity.span-outside-paragraph") == []


# ---------------------------------------------------------------- follow-up


def test_selected_not_answered_fires_for_a_selected_recommendation_without_answer() -> None:
    """A selected recommendation no reply section answers is an error."""
    d = cd.Dossier(
        id="d",
        documents=(co(), reply(section("s", 10))),
        recommendations=(rec(10, True), rec(11, True)),
    )
    f = only(run(d, "follow-up.selected-not-answered"))
    assert (f.severity, f.path) == (Severity.ERROR, "$.recommendations[1]")
    assert "co#11" in f.message


def test_selected_not_answered_ignores_replies_to_other_documents() -> None:
    """A section of a reply to other concluding observations does not answer."""
    other = cd.Document(id="co-old", kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS)
    d = cd.Dossier(
        id="d",
        documents=(co(), other, reply(section("s", 10), responds_to="co-old")),
        recommendations=(rec(10, True),),
    )
    assert len(run(d, "follow-up.selected-not-answered")) == 1
    unknown = attrs.evolve(d, documents=(co(), other, reply(section("s", 10), responds_to=None)))
    assert run(unknown, "follow-up.selected-not-answered") == []


def test_selected_not_answered_waits_for_the_deadline_when_today_is_given() -> None:
    """Before the deadline nothing is due; after it the days overdue are given."""
    d = cd.Dossier(id="d", documents=(co(),), recommendations=(rec(10, True),))
    assert run(d, "follow-up.selected-not-answered", today=D(2024, 5, 10)) == []
    f = only(run(d, "follow-up.selected-not-answered", today=D(2024, 6, 9)))
    assert f.figure("days past the deadline") == 30
    assert len(run(d, "follow-up.selected-not-answered")) == 1


def test_late_reply_fires_three_days_after_the_one_year_deadline() -> None:
    """Received 13 May 2024 for CO adopted 10 May 2023: 3 days late."""
    d = cd.Dossier(id="d", documents=(co(), reply(section("s", 10))), recommendations=(rec(10),))
    f = only(run(d, "follow-up.late-reply"))
    assert (f.severity, f.path) == (Severity.WARNING, "$.documents[1].received")
    assert f.figure("days late") == 3
    assert (
        "received 13 May 2024, 3 days after the one-year deadline 10 May 2024 computed from "
        "adoption on 10 May 2023" in f.message
    )


def test_late_reply_is_silent_on_time_and_for_volunteered_answers() -> None:
    """A reply on the deadline, or answering only unselected recommendations, is not late."""
    on_time = cd.Dossier(
        id="d",
        documents=(co(), reply(section("s", 10), received=D(2024, 5, 10))),
        recommendations=(rec(10),),
    )
    assert run(on_time, "follow-up.late-reply") == []
    volunteered = cd.Dossier(
        id="d", documents=(co(), reply(section("s", 10))), recommendations=(rec(10, False),)
    )
    assert run(volunteered, "follow-up.late-reply") == []


def test_late_reply_honours_partial_dates_and_recorded_deadlines() -> None:
    """A month-precise date is late only if certainly late; a recorded deadline wins."""
    month = cd.Dossier(
        id="d",
        documents=(co(), reply(section("s", 10), received=D(2024, 5))),
        recommendations=(rec(10),),
    )
    assert run(month, "follow-up.late-reply") == []
    adopted_in_may = cd.Dossier(
        id="d",
        documents=(co(adopted=D(2023, 5)), reply(section("s", 10), received=D(2024, 6, 2))),
        recommendations=(rec(10),),
    )
    f = only(run(adopted_in_may, "follow-up.late-reply"))
    assert f.figure("days late") == 2
    assert "at least 2 days" in f.message
    recorded = cd.Dossier(
        id="d",
        documents=(co(), reply(section("s", 10))),
        recommendations=(rec(10, True, follow_up_deadline=D(2024, 5, 12)),),
    )
    f = only(run(recorded, "follow-up.late-reply"))
    assert f.figure("days late") == 1
    assert "recorded for recommendation 'co#10'" in f.message


def test_late_reply_has_no_deadline_after_the_end_of_the_calendar() -> None:
    """Concluding observations adopted in 9999 have no computable deadline: no finding."""
    d = cd.Dossier(
        id="d",
        documents=(co(adopted=D(9999, 5, 10)), reply(section("s", 10), received=D(9999, 12))),
        recommendations=(rec(10, True),),
    )
    assert validate(d, rules=["follow-up"], today=D(9999)) == ()


def test_volunteered_reports_sections_answering_only_unselected_recommendations() -> None:
    """A section answering only non-selected recommendations is information."""
    d = cd.Dossier(
        id="d",
        documents=(co(), reply(section("s-10", 10), section("s-11-12", 11, 12))),
        recommendations=(rec(10, True), rec(11, False), rec(12, False)),
    )
    f = only(run(d, "follow-up.volunteered"))
    assert (f.severity, f.path) == (Severity.INFO, "$.documents[1].sections[1]")
    mixed = attrs.evolve(d, recommendations=(rec(10, True), rec(11, False), rec(12, True)))
    assert run(mixed, "follow-up.volunteered") == []


def test_selection_unknown_is_reported_once_with_counts() -> None:
    """Answered recommendations of unknown selection give one finding per dossier."""
    d = cd.Dossier(
        id="d",
        documents=(co(), reply(section("s", 10, 11, 12))),
        recommendations=(rec(10), rec(11), rec(12, True), rec(13)),
    )
    f = only(run(d, "follow-up.selection-unknown"))
    assert (f.severity, f.path) == (Severity.INFO, "$.recommendations")
    assert (f.figure("answered recommendations"), f.figure("with selection unknown")) == nums(3, 2)
    known = attrs.evolve(d, recommendations=(rec(10, True), rec(11, False), rec(12, True), rec(13)))
    assert run(known, "follow-up.selection-unknown") == []


# --------------------------------------------------------------------- time


def test_reversed_range_fires_on_observations_measures_and_instruments() -> None:
    """Periods that end before they start are errors wherever they are."""
    backwards = cd.Period(start=D(2023), end=D(2021), text="2023–2021")
    pooled = cd.Pooled(periods=(Y(2020), backwards))
    d = cd.Dossier(
        id="d",
        series=alone(obs("o-1", 1, time=backwards), obs("o-2", 2, time=pooled)),
        measures=(measure(period=backwards, answers=()),),
        instruments=(
            cd.LegalInstrument(id="i", kind=cd.InstrumentKind.ACTION_PLAN, period=backwards),
        ),
    )
    found = run(d, "time.reversed-range")
    assert [f.path for f in found] == [
        "$.instruments[0].period",
        "$.measures[0].period",
        "$.series[0].observations[0].time",
        "$.series[1].observations[0].time.periods[1]",
    ]
    assert all(f.severity is Severity.ERROR for f in found)
    ordered = cd.Dossier(
        id="d", series=alone(obs("o", 1, time=cd.Period(start=D(2021), end=D(2023))))
    )
    assert run(ordered, "time.reversed-range") == []


def instrument(date: cd.PartialDate) -> cd.LegalInstrument:
    return cd.LegalInstrument(
        id="i", kind=cd.InstrumentKind.ORDER, issuances=(cd.Issuance(number="1", date=date),)
    )


def test_instrument_after_document_fires_for_a_citation_of_a_later_instrument() -> None:
    """An order dated after the reply citing it is an error."""
    citation = cd.Citation(id="c", instrument="i", source=span("the order"))
    d = cd.Dossier(
        id="d",
        documents=(reply(),),
        instruments=(instrument(D(2024, 6, 1)),),
        citations=(citation,),
    )
    f = only(run(d, "time.instrument-after-document"))
    assert (f.severity, f.path) == (Severity.ERROR, "$.instruments[0].issuances[0].date")
    assert f.figure("days after the document") == 19
    assert f.spans == (citation.source,)


def test_instrument_after_document_is_silent_for_earlier_or_possibly_earlier_dates() -> None:
    """An instrument of the report's month (day unknown) may precede it: no finding."""
    citation = cd.Citation(id="c", instrument="i", source=span("the order"))
    for date in (D(2024, 5), D(2023, 12, 30)):
        d = cd.Dossier(
            id="d", documents=(reply(),), instruments=(instrument(date),), citations=(citation,)
        )
        assert run(d, "time.instrument-after-document") == []


def test_measure_dated_after_report_fires_unless_planned() -> None:
    """A measure dated after the reply holding its evidence is an error; planned ones are not."""
    m = measure(date=D(2024, 6, 1), evidence=(span(),), status=cd.MeasureStatus.ADOPTED)
    d = cd.Dossier(id="d", documents=(reply(),), measures=(m,))
    f = only(run(d, "time.measure-dated-after-report"))
    assert (f.severity, f.path) == (Severity.ERROR, "$.measures[0].date")
    assert f.figure("days after the report") == 19
    planned = attrs.evolve(m, status=cd.MeasureStatus.PLANNED)
    assert run(attrs.evolve(d, measures=(planned,)), "time.measure-dated-after-report") == []
    earlier = attrs.evolve(m, date=D(2024, 5))
    assert run(attrs.evolve(d, measures=(earlier,)), "time.measure-dated-after-report") == []


def test_observation_after_report_fires_for_actual_figures_from_the_future() -> None:
    """An actual figure for 2025 in a 2024 reply is an error; a target is not."""
    d = cd.Dossier(
        id="d",
        documents=(reply(),),
        series=(
            series("s-a", obs("o-a", 5, time=Y(2025), source=span())),
            series("s-t", obs("o-t", 5, time=Y(2025), source=span()), kind=cd.ValueKind.TARGET),
        ),
    )
    f = only(run(d, "time.observation-after-report"))
    assert (f.severity, f.path) == (Severity.ERROR, "$.series[0].observations[0]")


def test_observation_period_unfinished_flags_periods_running_past_the_report() -> None:
    """'In 2023 and 2024' in a reply of May 2024 covers part of 2024 only."""
    both = cd.Pooled(periods=(Y(2023), Y(2024)))
    d = cd.Dossier(
        id="d",
        documents=(reply(),),
        series=(
            series("s-1", obs("o-1", 107, time=both, source=span())),
            series("s-2", obs("o-2", 22, time=Y(2023), source=span())),
        ),
    )
    f = only(run(d, "time.observation-period-unfinished"))
    assert (f.severity, f.path) == (Severity.INFO, "$.series[0].observations[0]")
    assert f.figure("days of the period after the report") == 232


def test_completion_passed_fires_for_a_measure_late_and_not_completed() -> None:
    """'Will be completed in 2023' in a reply of May 2024, status in operation: warning."""
    m = measure(
        expected_completion=D(2023), status=cd.MeasureStatus.IN_OPERATION, evidence=(span(),)
    )
    d = cd.Dossier(id="d", documents=(reply(),), measures=(m,))
    f = only(run(d, "time.completion-passed"))
    assert (f.severity, f.path) == (Severity.WARNING, "$.measures[0]")
    assert f.figure("days from expected completion to report") == 134


def test_completion_passed_is_silent_when_completed_or_not_yet_due() -> None:
    """Completed measures, and completion dates not yet over, give no finding."""
    done = measure(
        expected_completion=D(2023), status=cd.MeasureStatus.COMPLETED, evidence=(span(),)
    )
    due = measure(expected_completion=D(2024), status=cd.MeasureStatus.ONGOING, evidence=(span(),))
    for m in (done, due):
        assert (
            run(cd.Dossier(id="d", documents=(reply(),), measures=(m,)), "time.completion-passed")
            == []
        )


def test_completion_passed_uses_today_for_a_measure_without_evidence() -> None:
    """Without a report date, `today` decides; without either, nothing is reported."""
    m = measure(expected_completion=D(2023))
    d = cd.Dossier(id="d", measures=(m,))
    assert run(d, "time.completion-passed") == []
    f = only(run(d, "time.completion-passed", today=D(2024, 1, 2)))
    assert f.figure("days from expected completion to report") == 2


def test_target_not_after_actual_fires_for_a_target_no_later_than_the_actuals() -> None:
    """A target 'by 2023' next to actuals for 2023 is a warning; 'by 2030' is fine."""
    actual = series("s-a", obs("o-a", 4500, time=Y(2023)), concept="in cells")
    target = series(
        "s-t",
        obs("o-t", 13200, time=cd.Period(end=D(2023))),
        obs("o-t2", 13300, time=cd.Period(end=D(2030))),
        concept="in cells",
        kind=cd.ValueKind.TARGET,
    )
    f = only(run(cd.Dossier(id="d", series=(actual, target)), "time.target-not-after-actual"))
    assert (f.severity, f.path) == (Severity.WARNING, "$.series[1].observations[0]")
    assert (f.figure("target value"), f.figure("latest actual value")) == nums(13200, 4500)


# --------------------------------------------------------------- arithmetic


def test_partition_sum_accepts_parts_that_exceed_a_lower_bound() -> None:
    """'over 400' with 167 + 128 + 109 = 404 is consistent."""
    d = cd.Dossier(
        id="d",
        series=alone(obs("w", 400, Q.MORE_THAN), obs("a", 167), obs("b", 128), obs("c", 109)),
        breakdowns=(partition("w", "a", "b", "c"),),
    )
    assert validate(d, rules=["arithmetic"]) == ()


def test_partition_sum_fires_when_parts_fall_short_of_a_lower_bound() -> None:
    """'over 400' with parts summing to 390 is impossible: error with both numbers."""
    d = cd.Dossier(
        id="d",
        series=alone(obs("w", 400, Q.MORE_THAN), obs("a", 163), obs("b", 118), obs("c", 109)),
        breakdowns=(partition("w", "a", "b", "c"),),
    )
    f = only(validate(d, rules=["arithmetic"]))
    assert (f.code, f.severity, f.path) == (
        "arithmetic.partition-sum",
        Severity.ERROR,
        "$.breakdowns[0]",
    )
    assert (f.figure("sum of parts"), f.figure("stated whole")) == nums(390, 400)
    assert "390" in f.message
    assert "more than 400" in f.message


def test_partition_sum_exact_whole_reports_the_difference() -> None:
    """238 stated, 219 + 18 found: they differ by 1."""
    d = cd.Dossier(
        id="d",
        series=alone(obs("w", 238), obs("a", 219), obs("b", 18)),
        breakdowns=(partition("w", "a", "b"),),
    )
    f = only(run(d, "arithmetic.partition-sum"))
    assert f.figure("sum of parts minus whole") == -1


@pytest.mark.parametrize(
    ("whole", "parts", "fires"),
    [
        ((100, Q.APPROXIMATE), [(50, Q.EXACT), (55, Q.EXACT)], False),
        ((100, Q.APPROXIMATE), [(50, Q.EXACT), (70, Q.EXACT)], True),
        ((10, Q.EXACT), [(4, Q.MORE_THAN), (5, Q.MORE_THAN)], False),
        ((10, Q.EXACT), [(5, Q.MORE_THAN), (5, Q.MORE_THAN)], True),
        ((10, Q.EXACT), [(5, Q.AT_LEAST), (5, Q.AT_LEAST)], False),
        ((10, Q.AT_MOST), [(5, Q.EXACT), (8, Q.LESS_THAN)], False),
        ((2, Q.AT_MOST), [(5, Q.EXACT), (8, Q.LESS_THAN)], True),
        ((10, Q.LESS_THAN), [(6, Q.EXACT), (4, Q.EXACT)], True),
        ((10, Q.AT_LEAST), [(6, Q.EXACT), (4, Q.EXACT)], False),
    ],
)
def test_partition_sum_reasons_with_intervals(
    whole: tuple[int, cd.Qualifier], parts: list[tuple[int, cd.Qualifier]], fires: bool
) -> None:
    """Bounds and approximations are intervals; only impossible sums fire."""
    observations = [obs("w", whole[0], whole[1])]
    observations += [obs(f"p{k}", v, q) for k, (v, q) in enumerate(parts)]
    d = cd.Dossier(
        id="d",
        series=alone(*observations),
        breakdowns=(partition("w", *(o.id for o in observations[1:])),),
    )
    assert bool(run(d, "arithmetic.partition-sum")) is fires


def test_approximation_tolerance_is_a_parameter() -> None:
    """'about 100' vs 105 fits within 10 % but not within 1 %."""
    d = cd.Dossier(
        id="d",
        series=alone(obs("w", 100, Q.APPROXIMATE), obs("a", 50), obs("b", 55)),
        breakdowns=(partition("w", "a", "b"),),
    )
    assert run(d, "arithmetic.partition-sum") == []
    assert len(run(d, "arithmetic.partition-sum", tolerance=Decimal("0.01"))) == 1


def test_breakdown_unit_mismatch_fires_and_stops_the_sums() -> None:
    """A part in percent of a whole in persons is an error, and no sum is attempted."""
    d = cd.Dossier(
        id="d",
        series=(*alone(obs("w", 100), obs("a", 60)), series("s-pct", obs("b", 40), unit="percent")),
        breakdowns=(partition("w", "a", "b"),),
    )
    f = only(validate(d, rules=["arithmetic"]))
    assert (f.code, f.severity, f.path) == (
        "arithmetic.breakdown-unit-mismatch",
        Severity.ERROR,
        "$.breakdowns[0].parts[1]",
    )


def test_subset_exceeds_whole_fires_only_when_certainly_larger() -> None:
    """130 of a whole of 123 is an error; 'about 130' and 45 are not."""
    d = cd.Dossier(
        id="d",
        series=alone(obs("w", 123), obs("a", 45), obs("b", 130), obs("c", 130, Q.APPROXIMATE)),
        breakdowns=(subset("w", "a", "b", "c"),),
    )
    f = only(validate(d, rules=["arithmetic"]))
    assert (f.code, f.severity, f.path) == (
        "arithmetic.subset-exceeds-whole",
        Severity.ERROR,
        "$.breakdowns[0].parts[1]",
    )
    assert (f.figure("part"), f.figure("whole")) == nums(130, 123)


def test_subset_exceeds_whole_respects_open_bounds() -> None:
    """'more than 123' of 123 is impossible; 'at least 123' of 123 is possible."""
    d = cd.Dossier(
        id="d",
        series=alone(obs("w", 123), obs("a", 123, Q.MORE_THAN), obs("b", 123, Q.AT_LEAST)),
        breakdowns=(subset("w", "a", "b"),),
    )
    f = only(run(d, "arithmetic.subset-exceeds-whole"))
    assert f.path == "$.breakdowns[0].parts[0]"


def test_part_outside_whole_period_fires_for_a_part_of_another_year() -> None:
    """709 in 2022–2023 split into 2022 and 2024: the 2024 part is outside."""
    whole = obs("w", 709, time=cd.Period(start=D(2022), end=D(2023)))
    d = cd.Dossier(
        id="d",
        series=alone(whole, obs("a", 377, time=Y(2022)), obs("b", 332, time=Y(2024))),
        breakdowns=(partition("w", "a", "b"),),
    )
    f = only(validate(d, rules=["arithmetic"]))
    assert (f.code, f.severity, f.path) == (
        "arithmetic.part-outside-whole-period",
        Severity.WARNING,
        "$.breakdowns[0].parts[1]",
    )


def test_part_outside_whole_period_checks_pooled_periods_one_by_one() -> None:
    """A 2022 part of a whole for 2021 and 2023 is outside it; a 2023 part is inside."""
    whole = obs("w", 10, time=cd.Pooled(periods=(Y(2021), Y(2023))))
    d = cd.Dossier(
        id="d",
        series=alone(whole, obs("a", 4, time=Y(2023)), obs("b", 6, time=Y(2022))),
        breakdowns=(partition("w", "a", "b"),),
    )
    assert [f.path for f in run(d, "arithmetic.part-outside-whole-period")] == [
        "$.breakdowns[0].parts[1]"
    ]


def test_same_fact_different_values_fires_for_incompatible_duplicates() -> None:
    """Two series of the same key giving 94 and 106 for 2023 warn; 'about 100' and 106 do not."""
    d = cd.Dossier(
        id="d",
        series=(
            series(
                "s-1", obs("o-1", 94, time=Y(2023)), obs("o-1b", 1, time=Y(2021)), concept="deaths"
            ),
            series(
                "s-2", obs("o-2", 106, time=Y(2023)), obs("o-2b", 7, time=Y(2022)), concept="deaths"
            ),
        ),
    )
    f = only(run(d, "arithmetic.same-fact-different-values"))
    assert (f.severity, f.path) == (Severity.WARNING, "$.series[1].observations[0]")
    assert (f.figure("first value"), f.figure("second value")) == nums(94, 106)
    close = cd.Dossier(
        id="d",
        series=(
            series("s-1", obs("o-1", 100, Q.APPROXIMATE, time=Y(2023)), concept="deaths"),
            series("s-2", obs("o-2", 106, time=Y(2023)), concept="deaths"),
            series("s-3", obs("o-3", 200, time=Y(2023)), concept="deaths", unit="cases"),
        ),
    )
    assert run(close, "arithmetic.same-fact-different-values") == []


def test_same_fact_different_values_groups_many_duplicates_linearly() -> None:
    """A group of 3,000 equal figures is silent; one outlier among them is found once."""
    many = tuple(obs(f"o-{k}", 5, time=Y(2023)) for k in range(3000))
    d = cd.Dossier(id="d", series=(series("s", *many, concept="c"),))
    assert run(d, "arithmetic.same-fact-different-values") == []
    outlier = (*many[:1500], obs("odd", 6, time=Y(2023)), *many[1500:])
    d = cd.Dossier(id="d", series=(series("s", *outlier, concept="c"),))
    assert len(run(d, "arithmetic.same-fact-different-values")) == 1


def suicides(
    amount: str,
    direction: cd.ChangeDirection,
    *,
    relative: bool = True,
    q: cd.Qualifier = Q.EXACT,
    later: int = 22,
    earlier: int = 29,
) -> cd.Dossier:
    change = cd.StatedChange(
        id="ch",
        observation="o-2023",
        base="o-2022",
        direction=direction,
        amount=Decimal(amount),
        relative=relative,
        qualifier=q,
        text=f"a {direction.value} of {amount}",
    )
    s = series("s", obs("o-2023", later, time=Y(2023)), obs("o-2022", earlier, time=Y(2022)))
    return cd.Dossier(id="d", series=(s,), changes=(change,))


DECREASE, INCREASE = cd.ChangeDirection.DECREASE, cd.ChangeDirection.INCREASE


def test_stated_change_fires_when_computed_on_the_later_value() -> None:
    """29 → 22 'a decrease of 32 per cent' is 31.8 % of 22, not 24.1 % of 29."""
    f = only(validate(suicides("32", DECREASE), rules=["arithmetic"]))
    assert (f.code, f.severity, f.path) == (
        "arithmetic.stated-change",
        Severity.WARNING,
        "$.changes[0]",
    )
    assert f.figure("stated decrease (%)") == 32
    assert f.figure("decrease on the earlier base (%)") == Decimal("24.1")
    assert f.figure("decrease on the later value (%)") == Decimal("31.8")
    assert f.message.startswith(
        "stated decrease 32 % matches the change computed on the later value (31.8 %), not on "
        "the earlier base (24.1 %)"
    )


def test_stated_change_fires_when_matching_neither_base() -> None:
    """A stated 50 % matches neither 24.1 % nor 31.8 %: warning."""
    f = only(run(suicides("50", DECREASE), "arithmetic.stated-change"))
    assert f.severity is Severity.WARNING
    assert "matches neither" in f.message


def test_stated_change_is_silent_when_it_matches_the_earlier_base() -> None:
    """24 %, 24.1 % and 'about 25 %' all match 24.14 % on the earlier base."""
    for amount, q in (("24", Q.EXACT), ("24.1", Q.EXACT), ("25", Q.APPROXIMATE)):
        assert validate(suicides(amount, DECREASE, q=q), rules=["arithmetic"]) == ()
    assert validate(suicides("24.2", DECREASE), rules=["arithmetic"]) != ()


def test_stated_change_compares_absolute_changes_with_the_difference() -> None:
    """A decrease of 7 from 29 to 22 is right; a decrease of 10 is not."""
    assert run(suicides("7", DECREASE, relative=False), "arithmetic.stated-change") == []
    f = only(run(suicides("10", DECREASE, relative=False), "arithmetic.stated-change"))
    assert f.figure("decrease in the figures") == 7


def test_change_direction_fires_when_the_figures_go_the_other_way() -> None:
    """A stated increase from 29 to 22 is an error, and not also a stated-change warning."""
    found = validate(suicides("24", INCREASE), rules=["arithmetic"])
    f = only(found)
    assert (f.code, f.severity, f.path) == (
        "arithmetic.change-direction",
        Severity.ERROR,
        "$.changes[0]",
    )
    assert (f.figure("earlier value"), f.figure("later value")) == nums(29, 22)
    flat = suicides("0", INCREASE, later=29)
    assert run(flat, "arithmetic.change-direction") == []


def cells(*pairs: tuple[str, str, cd.TimeReference, cd.ValueKind]) -> cd.Dossier:
    """Percent-and-count equivalences of persons held in cells."""
    all_series = []
    equivalences = []
    for k, (percent, count, time, kind) in enumerate(pairs):
        all_series.append(
            series(
                f"s-pct-{k}",
                obs(f"pct-{k}", percent, time=time),
                concept="share in cells",
                unit="percent",
                kind=kind,
            )
        )
        all_series.append(
            series(f"s-n-{k}", obs(f"n-{k}", count, time=time), concept="in cells", kind=kind)
        )
        equivalences.append(cd.Equivalence(id=f"eq-{k}", observations=(f"pct-{k}", f"n-{k}")))
    return cd.Dossier(id="d", series=tuple(all_series), equivalences=tuple(equivalences))


ACTUAL, TARGET = cd.ValueKind.ACTUAL, cd.ValueKind.TARGET
BY_2030 = cd.Period(end=D(2030))


def test_implied_denominator_reports_the_base_and_its_rounding_range() -> None:
    """19.2 % ↔ 4,500 implies about 23,400 (23,377–23,498 whole persons)."""
    f = only(run(cells(("19.2", "4500", Y(2023), ACTUAL)), "arithmetic.implied-denominator"))
    assert (f.severity, f.path) == (Severity.INFO, "$.equivalences[0]")
    assert f.figure("implied base") == Decimal("23437.5")
    assert (f.figure("implied base, lowest"), f.figure("implied base, highest")) == nums(
        23377, 23498
    )
    assert "about 23,400 (23,377–23,498)" in f.message


def test_denominators_differ_fires_when_the_target_assumes_another_base() -> None:
    """4,500 = 19.2 % in 2023 and 13,200 = 45.5 % by 2030 imply bases about 24 % apart."""
    d = cells(("45.5", "13200", BY_2030, TARGET), ("19.2", "4500", Y(2023), ACTUAL))
    f = only(run(d, "arithmetic.denominators-differ"))
    assert (f.severity, f.path) == (Severity.INFO, "$.equivalences[0]")
    assert f.figure("change in implied base (%)") == Decimal("23.8")
    assert (
        f.figure("later implied base, lowest"),
        f.figure("later implied base, highest"),
    ) == nums(28980, 29042)
    assert "the target assumes a base about 24 % larger" in f.message


def test_denominators_differ_is_silent_within_rounding() -> None:
    """45.5 % ↔ 10,664 implies 23,437, within the 2023 range: no finding."""
    d = cells(("45.5", "10664", BY_2030, TARGET), ("19.2", "4500", Y(2023), ACTUAL))
    assert run(d, "arithmetic.denominators-differ") == []


def test_percentage_count_checks_a_percentage_against_its_whole() -> None:
    """45 of 123 is 36.6 %: '36.6 per cent' passes, '40 per cent' warns."""

    def dossier(percent: str) -> cd.Dossier:
        return cd.Dossier(
            id="d",
            series=(
                *alone(obs("w", 123), obs("n", 45)),
                series("s-pct", obs("pct", percent), unit="per cent"),
            ),
            breakdowns=(subset("w", "n"),),
            equivalences=(cd.Equivalence(id="eq", observations=("pct", "n")),),
        )

    assert run(dossier("36.6"), "arithmetic.percentage-count") == []
    f = only(run(dossier("40"), "arithmetic.percentage-count"))
    assert (f.severity, f.path) == (Severity.WARNING, "$.equivalences[0]")
    assert f.figure("count / whole (%)") == Decimal("36.6")


@pytest.mark.parametrize(
    ("percent", "count"),
    [("0", "0"), ("0", "4500"), ("19.2", "0"), ("-5", "10"), ("19.2", "1E+40"), ("1E-30", "3")],
)
def test_degenerate_percentages_and_counts_do_not_break_the_rules(percent: str, count: str) -> None:
    """Zero, negative and extreme figures give findings or none, never an exception."""
    d = cells((percent, count, Y(2023), ACTUAL), ("45.5", "13200", BY_2030, TARGET))
    for f in validate(d, rules=["arithmetic"]):
        assert f.code.startswith("arithmetic.")


@pytest.mark.parametrize(
    ("earlier", "later"), [(0, 5), (0, 0), (5, 0), (-3, 4), (10**40, 10**40 + 1)]
)
def test_degenerate_changes_do_not_break_the_rules(earlier: int, later: int) -> None:
    """Zero and negative bases, and huge figures, are handled without exceptions."""
    for amount in ("0", "100", "12.5"):
        for direction in (INCREASE, DECREASE):
            d = suicides(amount, direction, later=later, earlier=earlier)
            validate(d, rules=["arithmetic"])


def test_sums_of_large_figures_stay_exact() -> None:
    """A whole of 10^30 + 1 split into 10^30 and 1 adds up (no rounding of the sum)."""
    big = 10**30
    d = cd.Dossier(
        id="d",
        series=alone(obs("w", str(big + 1)), obs("a", str(big)), obs("b", 1)),
        breakdowns=(partition("w", "a", "b"),),
    )
    assert run(d, "arithmetic.partition-sum") == []


# ----------------------------------------------------------------- measures


def test_measure_rules_fire_without_evidence_or_answers() -> None:
    """A bare measure has no evidence (info) and answers nothing (warning)."""
    d = cd.Dossier(id="d", measures=(measure(),))
    found = validate(d, rules=["measure"])
    assert [(f.code, f.severity, f.path) for f in found] == [
        ("measure.answers-nothing", Severity.WARNING, "$.measures[0]"),
        ("measure.no-evidence", Severity.INFO, "$.measures[0]"),
    ]
    linked = cd.Dossier(
        id="d",
        documents=(co(), reply()),
        recommendations=(rec(10),),
        measures=(measure(evidence=(span(),), answers=(f"{CO}#10",)),),
    )
    assert validate(linked, rules=["measure"]) == ()


# ----------------------------------------------- properties (hypothesis)

QUALIFIED_WHOLES = (Q.EXACT, Q.MORE_THAN, Q.AT_LEAST, Q.LESS_THAN, Q.AT_MOST, Q.APPROXIMATE)


@attrs.define
class Spec:
    """A consistent dossier as plain numbers, to build and to perturb."""

    # (whole value, whole qualifier, part values, first year or None)
    partitions: list[tuple[int, cd.Qualifier, list[int], int | None]]
    # (whole value, part values)
    subsets: list[tuple[int, list[int]]]
    # (earlier, later, stated amount as text, direction, relative)
    changes: list[tuple[int, int, str, cd.ChangeDirection, bool]]
    # indexes of subset wholes stated twice (same key and time, same value)
    repeated: list[int]

    def build(self) -> cd.Dossier:
        all_series: list[cd.Series] = []
        breakdowns: list[cd.Breakdown] = []
        changes: list[cd.StatedChange] = []

        def add(
            id: str,
            value: int,
            q: cd.Qualifier = Q.EXACT,
            time: cd.TimeReference | None = None,
            concept: str | None = None,
        ) -> str:
            all_series.append(series(f"s-{id}", obs(id, value, q, time), concept=concept))
            return id

        for k, (whole, q, parts, year) in enumerate(self.partitions):
            span_ = None if year is None else cd.Period(start=D(year), end=D(year + len(parts) - 1))
            w = add(f"pw-{k}", whole, q, span_)
            ids = [
                add(f"pp-{k}-{m}", v, time=None if year is None else Y(year + m))
                for m, v in enumerate(parts)
            ]
            breakdowns.append(partition(w, *ids, id=f"bp-{k}"))
        for k, (whole, parts) in enumerate(self.subsets):
            w = add(f"sw-{k}", whole, time=Y(2020), concept=f"subset whole {k}")
            if k in self.repeated:
                add(f"sw-{k}-again", whole, time=Y(2020), concept=f"subset whole {k}")
            ids = [add(f"sp-{k}-{m}", v) for m, v in enumerate(parts)]
            breakdowns.append(subset(w, *ids, id=f"bs-{k}"))
        for k, (earlier, later, amount, direction, relative) in enumerate(self.changes):
            e = add(f"ce-{k}", earlier, time=Y(2022))
            lt = add(f"cl-{k}", later, time=Y(2023))
            changes.append(
                cd.StatedChange(
                    id=f"ch-{k}",
                    observation=lt,
                    base=e,
                    direction=direction,
                    amount=Decimal(amount),
                    relative=relative,
                )
            )
        return cd.Dossier(
            id="generated",
            series=tuple(all_series),
            breakdowns=tuple(breakdowns),
            changes=tuple(changes),
        )


@st.composite
def partitions(draw: st.DrawFn) -> tuple[int, cd.Qualifier, list[int], int | None]:
    parts = draw(st.lists(st.integers(0, 1000), min_size=1, max_size=6))
    total = sum(parts)
    q = draw(st.sampled_from(QUALIFIED_WHOLES))
    if q is Q.EXACT:
        whole = total
    elif q is Q.MORE_THAN:
        whole = total - draw(st.integers(1, 50))
    elif q is Q.AT_LEAST:
        whole = total - draw(st.integers(0, 50))
    elif q is Q.LESS_THAN:
        whole = total + draw(st.integers(1, 50))
    elif q is Q.AT_MOST:
        whole = total + draw(st.integers(0, 50))
    else:  # about: within 10 % of the stated figure
        whole = total + draw(st.integers(-(total // 11), total // 11))
    year = draw(st.none() | st.integers(2000, 2020))
    return whole, q, parts, year


@st.composite
def subsets(draw: st.DrawFn) -> tuple[int, list[int]]:
    whole = draw(st.integers(0, 1000))
    return whole, draw(st.lists(st.integers(0, whole), min_size=1, max_size=4))


@st.composite
def stated_changes(draw: st.DrawFn) -> tuple[int, int, str, cd.ChangeDirection, bool]:
    earlier = draw(st.integers(1, 1000))
    later = draw(st.integers(0, 2000))
    relative = draw(st.booleans())
    direction = INCREASE if later >= earlier else DECREASE
    if relative:
        places = draw(st.integers(0, 2))
        exact = Decimal(abs(later - earlier)) * 100 / Decimal(earlier)
        amount = str(exact.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP"))
    else:
        amount = str(abs(later - earlier))
    return earlier, later, amount, direction, relative


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    first = draw(partitions().filter(lambda p: p[1] is Q.EXACT))
    subs = draw(st.lists(subsets(), min_size=1, max_size=4))
    return Spec(
        partitions=[first, *draw(st.lists(partitions(), max_size=4))],
        subsets=subs,
        changes=draw(st.lists(stated_changes(), min_size=1, max_size=4)),
        repeated=draw(st.lists(st.integers(0, len(subs) - 1), max_size=2, unique=True)),
    )


PROPERTY = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(specs())
def test_consistent_dossiers_have_no_arithmetic_finding(spec: Spec) -> None:
    """Parts that add up, subsets within wholes, bounds met, exact changes: no finding."""
    assert validate(spec.build(), rules=["arithmetic"]) == ()


@PROPERTY
@given(specs(), st.data())
def test_one_wrong_part_fires_exactly_partition_sum(spec: Spec, data: st.DataObject) -> None:
    """Adding k ≥ 1 to one part of an exact partition fires partition-sum for it, only."""
    exact = [k for k, p in enumerate(spec.partitions) if p[1] is Q.EXACT]
    index = data.draw(st.sampled_from(exact))
    whole, q, parts, year = spec.partitions[index]
    m = data.draw(st.integers(0, len(parts) - 1))
    k = data.draw(st.integers(1, 10_000))
    parts = [v + k if n == m else v for n, v in enumerate(parts)]
    spec.partitions[index] = (whole, q, parts, year)
    f = only(validate(spec.build(), rules=["arithmetic"]))
    assert (f.code, f.path) == ("arithmetic.partition-sum", f"$.breakdowns[{index}]")
    assert f.figure("sum of parts minus whole") == k


@PROPERTY
@given(specs(), st.data())
def test_one_oversized_subset_part_fires_exactly_subset_exceeds_whole(
    spec: Spec, data: st.DataObject
) -> None:
    """Raising one subset part above its whole fires subset-exceeds-whole only."""
    index = data.draw(st.integers(0, len(spec.subsets) - 1))
    whole, parts = spec.subsets[index]
    m = data.draw(st.integers(0, len(parts) - 1))
    parts[m] = whole + data.draw(st.integers(1, 1000))
    f = only(validate(spec.build(), rules=["arithmetic"]))
    position = len(spec.partitions) + index
    assert (f.code, f.path) == (
        "arithmetic.subset-exceeds-whole",
        f"$.breakdowns[{position}].parts[{m}]",
    )


@PROPERTY
@given(specs(), st.data())
def test_one_wrong_stated_difference_fires_exactly_stated_change(
    spec: Spec, data: st.DataObject
) -> None:
    """Stating an absolute change k ≥ 1 off the difference fires stated-change only."""
    index = data.draw(st.integers(0, len(spec.changes) - 1))
    earlier, later, _, direction, _ = spec.changes[index]
    wrong = abs(later - earlier) + data.draw(st.integers(1, 500))
    spec.changes[index] = (earlier, later, str(wrong), direction, False)
    f = only(validate(spec.build(), rules=["arithmetic"]))
    assert (f.code, f.path) == ("arithmetic.stated-change", f"$.changes[{index}]")


@PROPERTY
@given(specs(), st.data())
def test_a_flipped_direction_fires_exactly_change_direction(
    spec: Spec, data: st.DataObject
) -> None:
    """Stating the opposite direction of a real change fires change-direction only."""
    moving = [k for k, c in enumerate(spec.changes) if c[0] != c[1]]
    if not moving:
        return
    index = data.draw(st.sampled_from(moving))
    earlier, later, amount, direction, relative = spec.changes[index]
    flipped = INCREASE if direction is DECREASE else DECREASE
    spec.changes[index] = (earlier, later, amount, flipped, relative)
    f = only(validate(spec.build(), rules=["arithmetic"]))
    assert (f.code, f.path) == ("arithmetic.change-direction", f"$.changes[{index}]")


@settings(PROPERTY, max_examples=max(10, (settings.default or settings()).max_examples // 4))
@given(st.data())
def test_validate_never_raises_on_any_dossier(data: st.DataObject) -> None:
    """On arbitrary consistent dossiers, with or without texts, validate returns findings."""
    from catdomain.testing import dossiers

    dossier = data.draw(dossiers(max_size=3))
    texts = {
        doc.id: data.draw(st.text(max_size=80), label=f"text of {doc.id}")
        for doc in dossier.documents
        if data.draw(st.booleans(), label=f"give text of {doc.id}")
    }
    today = data.draw(st.none() | st.builds(D, st.integers(2000, 2030)))
    found = validate(dossier, texts=texts, today=today)
    for f in found:
        assert f.code in RULES
        assert not RULES[f.code].at_construction
        assert f.path.startswith("$")
        assert "\n" not in f.message
        assert "\n" not in str(f)
    ranks = [f.severity.rank for f in found]
    assert ranks == sorted(ranks)


# ------------------------------------------------- the Kazakhstan dossier


def _curation() -> Any:
    """The curation module of the Kazakhstan dossier (curation/kaz_2024.py)."""
    import importlib

    curation = str(ROOT / "curation")
    if curation not in sys.path:
        sys.path.insert(0, curation)
    return importlib.import_module("kaz_2024")


def kazakhstan() -> cd.Dossier:
    dossier: cd.Dossier = _curation().build()
    return dossier


def kazakhstan_text() -> str:
    text: str = _curation().TEXT
    return text


# Every finding on the curated dossier, checked by hand against the reply's text
# (CAT/C/KAZ/CO/4 adopted 10 May 2023; reply received 13 May 2024):
#
# - follow-up.late-reply (warning), $.documents[1].received: received 13 May 2024,
#   3 days after 10 May 2024, one year after adoption. True on the dossier's data; the
#   concluding observations' own follow-up paragraph (not in the dossier) may name
#   another date, which should then be recorded as follow_up_deadline.
# - time.completion-passed (warning), measure m-video-surveillance: paragraph 9 says
#   "equipping of the prison system will be completed in 2023" in a reply received in
#   May 2024 and does not say whether it was.
# - arithmetic.stated-change (warning), $.changes[0]: paragraph 48, 22 suicides in 2023,
#   "29 cases in 2022, or a decrease of 32 per cent": 7/29 = 24.1 %, 7/22 = 31.8 %; the
#   32 % is the change computed on the later value.
# - follow-up.selection-unknown (info): the dossier does not record which of the 13
#   answered recommendations were selected (the reply does not say).
# - arithmetic.implied-denominator (info) on both equivalences of paragraph 39:
#   4,500 = 19.2 % implies 23,377–23,498 persons; 13,200 = 45.5 % implies 28,980–29,042.
# - arithmetic.denominators-differ (info): the 2030 target assumes a base about 24 %
#   larger than the 2023 figure, or the two percentages are of different populations.
# - time.observation-period-unfinished (info) on the three figures of paragraph 28
#   ("In 2023 and 2024": 107 submissions, 123 persons sanctioned, 45 senior officials):
#   2024 had run four and a half months when the reply was received.
#
# Silent, and rightly: every partition adds up (709 = 377 + 332; 238 = 219 + 19;
# 219 = 66 + 143 + 4 + 6; 42 = 35 + 6 + 1; 6 = 3 + 2 + 1; 1,352 = 512 + 710 + 130;
# "over 400" < 167 + 128 + 109 = 404), every subset fits (22 ≤ 143, 300 ≤ 337,
# 45 ≤ 123, 23 ≤ 120, 7 ≤ 78), every quote is at its offsets, every instrument and
# measure date precedes the reply, the 2030 targets follow the 2023 actuals.
KAZAKHSTAN_FINDINGS = {
    ("arithmetic.stated-change", Severity.WARNING, "$.changes[0]"),
    ("follow-up.late-reply", Severity.WARNING, "$.documents[1].received"),
    ("time.completion-passed", Severity.WARNING, "$.measures[8]"),
    ("arithmetic.denominators-differ", Severity.INFO, "$.equivalences[0]"),
    ("arithmetic.implied-denominator", Severity.INFO, "$.equivalences[0]"),
    ("arithmetic.implied-denominator", Severity.INFO, "$.equivalences[1]"),
    ("follow-up.selection-unknown", Severity.INFO, "$.recommendations"),
    ("time.observation-period-unfinished", Severity.INFO, "$.series[22].observations[0]"),
    ("time.observation-period-unfinished", Severity.INFO, "$.series[23].observations[0]"),
    ("time.observation-period-unfinished", Severity.INFO, "$.series[24].observations[0]"),
}


def test_kazakhstan_dossier_gives_exactly_the_findings_checked_by_hand() -> None:
    """The curated Kazakhstan reply gives the ten findings listed above, and no other."""
    dossier = kazakhstan()
    found = validate(dossier, texts={"kaz-2024-follow-up": kazakhstan_text()})
    assert {(f.code, f.severity, f.path) for f in found} == KAZAKHSTAN_FINDINGS
    assert len(found) == len(KAZAKHSTAN_FINDINGS)
    by_code = {f.code: f for f in found}
    assert by_code["follow-up.late-reply"].figure("days late") == 3
    assert (
        "received 13 May 2024, 3 days after the one-year deadline 10 May 2024 computed "
        "from adoption on 10 May 2023" in by_code["follow-up.late-reply"].message
    )
    assert dossier.measures[8].id == "m-video-surveillance"
    assert (
        by_code["time.completion-passed"].figure("days from expected completion to report") == 134
    )
    change = by_code["arithmetic.stated-change"]
    assert (
        change.figure("decrease on the earlier base (%)"),
        change.figure("decrease on the later value (%)"),
    ) == (Decimal("24.1"), Decimal("31.8"))
    assert by_code["follow-up.selection-unknown"].figure("with selection unknown") == 13
    assert by_code["arithmetic.denominators-differ"].figure(
        "change in implied base (%)"
    ) == Decimal("23.8")
    for f in found:
        assert "\n" not in f.message
        for s in f.spans:
            assert s.matches(kazakhstan_text())
    unfinished = [f for f in found if f.code == "time.observation-period-unfinished"]
    values = {dossier.observation(_observation_id(dossier, f.path)).value for f in unfinished}
    assert values == {Decimal(107), Decimal(123), Decimal(45)}


def _observation_id(dossier: cd.Dossier, path: str) -> str:
    i, j = (int(n) for n in path.replace("]", "[").split("[")[1::2])
    return dossier.series[i].observations[j].id


def test_a_stated_base_that_agrees_needs_no_implied_one() -> None:
    """ "2,214 investigations, of which 312 (14.1 per cent) …": the base is stated and agrees,
    so no implied base is reported; a base that disagrees is still a warning."""
    text = (
        "Information received from Ecuador on follow-up to the concluding observations\n"
        "1.\tIn 2023, the Attorney General's Office opened {whole} investigations into torture,"
        " of which 312 (14.1 per cent) concerned police officers.\n"
    )
    agreeing = cd.validate(cd.extract(text.format(whole="2,214")))
    assert "arithmetic.implied-denominator" not in {f.code for f in agreeing}
    assert "arithmetic.percentage-count" not in {f.code for f in agreeing}
    disagreeing = cd.validate(cd.extract(text.format(whole="3,000")))
    assert "arithmetic.percentage-count" in {f.code for f in disagreeing}
