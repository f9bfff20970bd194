"""The model classes: validators, integrity of a Dossier, lookups."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given

import catdomain as cd
from catdomain.testing import dossiers

SPAN = cd.SourceSpan(document="reply", start=0, end=3, quote="abc", paragraph="1")
P2023 = cd.Period(start=cd.PartialDate(2023), end=cd.PartialDate(2023))

# A valid instance of each class, as keyword arguments.
VALID: dict[type, dict[str, Any]] = {
    cd.SourceSpan: {"document": "reply", "start": 0, "end": 3, "quote": "abc"},
    cd.TextParagraph: {"number": "1", "start": 0, "end": 10},
    cd.Section: {"id": "s-1", "heading": "Follow-up information relating to paragraph 10"},
    cd.Document: {"id": "reply", "kind": cd.DocumentKind.FOLLOW_UP_REPLY},
    cd.SubParagraph: {"letter": "a"},
    cd.Recommendation: {"id": "co#10", "document": "co", "paragraph": 10},
    cd.Authority: {"id": "kz-majilis", "name": "Majilis"},
    cd.Issuance: {"number": "162"},
    cd.LegalInstrument: {"id": "kz-cc", "kind": cd.InstrumentKind.CODE},
    cd.Citation: {"id": "c-1", "instrument": "kz-cc"},
    cd.Measure: {"id": "m-1", "description": "x", "category": cd.MeasureCategory.OTHER},
    cd.Indicator: {"id": "i-1", "name": "Suicides"},
    cd.Dimension: {"name": "status", "value": "civilian"},
    cd.SeriesKey: {"concept": "suicides", "unit": "persons"},
    cd.Observation: {"id": "o-1", "value": Decimal("22")},
    cd.Series: {"id": "s", "key": cd.SeriesKey(concept="suicides", unit="persons")},
    cd.Breakdown: {"id": "b", "kind": cd.BreakdownKind.SUBSET, "whole": "o-1", "parts": ("o-2",)},
    cd.StatedChange: {
        "id": "ch",
        "observation": "o-1",
        "direction": cd.ChangeDirection.DECREASE,
        "amount": Decimal(32),
    },
    cd.Equivalence: {"id": "eq", "observations": ("o-1", "o-2")},
    cd.Assessment: {
        "id": "a",
        "recommendation": "co#10",
        "scale": "hrc-2016",
        "grade": "B",
        "text": "Reply/action partially satisfactory",
    },
}

# (class, field, bad value, words the message must contain)
BAD: list[tuple[type, str, Any, str]] = [
    (cd.SourceSpan, "document", "has space", "ids are"),
    (cd.SourceSpan, "start", -1, "negative"),
    (cd.SourceSpan, "end", 5, "length of the quote"),
    (cd.SourceSpan, "quote", "   ", "empty"),
    (cd.SourceSpan, "start", True, "int"),
    (cd.TextParagraph, "end", -2, "negative"),
    (cd.Section, "recommendations", ["co#10"], "tuple"),
    (cd.Section, "heading", "   ", "empty"),
    (cd.Document, "kind", "follow-up-reply", "DocumentKind"),
    (cd.Document, "state", "kz", "alpha-3"),
    (cd.Document, "adopted", "2023-05-10", "PartialDate"),
    (cd.SubParagraph, "letter", "A", "lower-case"),
    (cd.Recommendation, "paragraph", 0, "1 or more"),
    (cd.Recommendation, "paragraph", "10", "int"),
    (cd.Recommendation, "selected_for_follow_up", 1, "bool"),
    (cd.Authority, "kind", "parliament", "AuthorityKind"),
    (cd.Issuance, "number", 162, "string"),
    (cd.LegalInstrument, "issuances", (cd.Issuance(), "x"), "Issuance"),
    (cd.LegalInstrument, "jurisdiction", "Kazakhstan", "alpha-3"),
    (cd.Citation, "provisions", ("article 5",), "ProvisionPath"),
    (cd.Measure, "category", "legislative", "MeasureCategory"),
    (cd.Measure, "answers", ("bad id!",), "ids are"),
    (cd.Indicator, "type", "outcome", "IndicatorType"),
    (cd.SeriesKey, "breakdown", (cd.Dimension(name="a", value="1"),) * 2, "only once"),
    (cd.Observation, "value", 19.2, "never a float"),
    (cd.Observation, "value", Decimal("NaN"), "finite"),
    (cd.Observation, "qualifier", "exact", "Qualifier"),
    (cd.Observation, "time", cd.PartialDate(2023), "Instant or Period or Pooled"),
    (cd.Series, "observations", (cd.Observation(id="o", value=Decimal(1)),) * 2, "unique"),
    (cd.Breakdown, "parts", (), "at least 1"),
    (cd.StatedChange, "amount", Decimal(-3), "direction carries the sign"),
    (cd.Equivalence, "observations", ("o-1",), "at least 2"),
    (cd.Assessment, "text", "", "empty"),
]


@pytest.mark.parametrize("cls", list(VALID), ids=lambda c: c.__name__)
def test_valid_instances_build(cls: type) -> None:
    """Every model class accepts its minimal valid arguments."""
    assert attrs.has(cls)
    cls(**VALID[cls])


@pytest.mark.parametrize(
    ("cls", "field", "value", "words"),
    BAD,
    ids=[f"{c.__name__}.{f}={v!r}"[:60] for c, f, v, _ in BAD],
)
def test_validators_reject_bad_values(cls: type, field: str, value: Any, words: str) -> None:
    """A bad field value raises ModelError naming the class, the field and the reason."""
    kwargs = dict(VALID[cls])
    kwargs[field] = value
    with pytest.raises(cd.ModelError) as caught:
        cls(**kwargs)
    error = caught.value
    assert error.owner == cls.__name__
    assert error.field.split("[")[0] == field
    assert words in str(error)
    assert isinstance(error, ValueError)


def test_model_classes_are_frozen_and_keyword_only() -> None:
    """Instances cannot be changed, and positional construction is refused."""
    obs = cd.Observation(id="o", value=Decimal(1))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        obs.value = Decimal(2)  # type: ignore[misc]
    with pytest.raises(TypeError):
        cd.Observation("o", Decimal(1))  # type: ignore[misc]


def seed_dossier() -> cd.Dossier:
    """A small dossier built by hand from facts of the Kazakhstan reply (paragraphs 19, 48)."""
    text = (
        "19.\tDisciplinary sanctions were imposed on 709 officials from pretrial "
        "investigation bodies (377 in 2022 and 332 in 2023).\n"
        "48.\tIn 2023, there were 22 suicides among the prison population (29 cases in 2022, "
        "or a decrease of 32 per cent)."
    )
    reply = "kaz-reply"

    def span(quote: str, paragraph: str) -> cd.SourceSpan:
        return cd.SourceSpan.find(text, quote, document=reply, paragraph=paragraph)

    def year(y: int) -> cd.Period:
        return cd.Period(start=cd.PartialDate(y), end=cd.PartialDate(y))

    co = cd.Document(
        id="CAT/C/KAZ/CO/4",
        kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS,
        symbol=cd.DocumentSymbol.parse("CAT/C/KAZ/CO/4"),
        body=cd.TreatyBody.CAT,
        state="KAZ",
        adopted=cd.PartialDate(2023, 5, 10),
    )
    paragraphs = (
        cd.TextParagraph(number="19", start=4, end=text.index("\n")),
        cd.TextParagraph(number="48", start=text.index("48.") + 4, end=len(text)),
    )
    section = cd.Section(
        id="s-11-15",
        heading="Follow-up information relating to paragraphs 11–15",
        recommendations=("CAT/C/KAZ/CO/4#11",),
        paragraphs=("19",),
    )
    doc = cd.Document(
        id=reply,
        kind=cd.DocumentKind.FOLLOW_UP_REPLY,
        body=cd.TreatyBody.CAT,
        state="KAZ",
        received=cd.PartialDate(2024, 5, 13),
        responds_to=co.id,
        text_length=len(text),
        paragraphs=paragraphs,
        sections=(section,),
    )
    rec = cd.Recommendation(id="CAT/C/KAZ/CO/4#11", document=co.id, paragraph=11)
    pg = cd.Authority(id="kz-pg", name="Procurator General", kind=cd.AuthorityKind.PROCURACY)
    sanctions = cd.Series(
        id="s-sanctions",
        key=cd.SeriesKey(concept="officials subjected to disciplinary sanctions", unit="persons"),
        observations=(
            cd.Observation(
                id="o-709",
                value=Decimal(709),
                time=cd.Period(start=cd.PartialDate(2022), end=cd.PartialDate(2023)),
                source=span("709", "19"),
            ),
            cd.Observation(
                id="o-377", value=Decimal(377), time=year(2022), source=span("377", "19")
            ),
            cd.Observation(
                id="o-332", value=Decimal(332), time=year(2023), source=span("332", "19")
            ),
        ),
    )
    suicides = cd.Series(
        id="s-suicides",
        key=cd.SeriesKey(concept="suicides among the prison population", unit="persons"),
        observations=(
            cd.Observation(id="o-22", value=Decimal(22), time=year(2023), source=span("22", "48")),
            cd.Observation(id="o-29", value=Decimal(29), time=year(2022), source=span("29", "48")),
        ),
    )
    measure = cd.Measure(
        id="m-sanctions",
        description="Disciplinary sanctions on officials of pretrial investigation bodies",
        category=cd.MeasureCategory.JUDICIAL,
        kind=cd.MeasureKind.INVESTIGATION_PROSECUTION_DISCIPLINE,
        status=cd.MeasureStatus.COMPLETED,
        authorities=("kz-pg",),
        answers=(rec.id,),
        evidence=(span("Disciplinary sanctions", "19"),),
        series=("s-sanctions",),
    )
    return cd.Dossier(
        id="kaz-mini",
        documents=(co, doc),
        recommendations=(rec,),
        authorities=(pg,),
        measures=(measure,),
        series=(sanctions, suicides),
        breakdowns=(
            cd.Breakdown(
                id="b-years",
                kind=cd.BreakdownKind.PARTITION,
                whole="o-709",
                parts=("o-377", "o-332"),
                dimension="year",
            ),
        ),
        changes=(
            cd.StatedChange(
                id="ch-suicides",
                observation="o-22",
                base="o-29",
                direction=cd.ChangeDirection.DECREASE,
                amount=Decimal(32),
                source=span("a decrease of 32 per cent", "48"),
            ),
        ),
    )


def test_hand_built_seed_dossier() -> None:
    """A dossier of seed facts builds, indexes every id and answers lookups."""
    d = seed_dossier()
    assert d.counts()["observations"] == 5
    assert d.kind_of("o-377") == "observation"
    assert d.series_of("o-377").id == "s-sanctions"
    assert d.observation("o-22").value == Decimal(22)
    assert d.measures_answering("CAT/C/KAZ/CO/4#11")[0].id == "m-sanctions"
    assert d.answer_kind(d.documents[1].sections[0]) == "unknown"
    assert "s-11-15" in d
    assert d.replies == (d.documents[1],)
    with pytest.raises(KeyError, match="no observation"):
        d.observation("m-sanctions")


def test_answer_kind_selected_and_volunteered() -> None:
    """Sections answering selected recommendations are 'selected', unselected 'volunteered'."""
    d = seed_dossier()
    for flag, expected in ((True, "selected"), (False, "volunteered")):
        rec = attrs.evolve(d.recommendations[0], selected_for_follow_up=flag)
        d2 = attrs.evolve(d, recommendations=(rec,))
        assert d2.answer_kind(d2.documents[1].sections[0]) == expected


def _problems(**changes: Any) -> list[tuple[str, str, str]]:
    d = seed_dossier()
    with pytest.raises(cd.IntegrityError) as caught:
        attrs.evolve(d, **changes)
    return list(caught.value.details)


def test_integrity_duplicate_ids_across_collections() -> None:
    """An id used twice, even in different collections, is refused with both places named."""
    d = seed_dossier()
    clash = cd.Authority(id="o-377", name="Clash")
    details = _problems(authorities=(*d.authorities, clash))
    assert details[0] == (
        "duplicate-id",
        "series[0].observations[1].id",
        "'o-377' is already the id of authorities[1]",
    )
    # The first holder of an id keeps it, so references to the later one are reported too.
    assert details[1][:2] == ("dangling-reference", "breakdowns[0].parts[0]")


def test_integrity_every_dangling_reference_reported_at_once() -> None:
    """All references that point nowhere, or to the wrong kind, are listed together."""
    d = seed_dossier()
    m = attrs.evolve(
        d.measures[0], answers=("nowhere",), authorities=("o-22",), series=("s-missing",)
    )
    b = attrs.evolve(d.breakdowns[0], parts=("o-377", "o-404"))
    details = _problems(measures=(m,), breakdowns=(b,))
    assert [(code, path) for code, path, _ in details] == [
        ("dangling-reference", "measures[0].authorities[0]"),
        ("dangling-reference", "measures[0].answers[0]"),
        ("dangling-reference", "measures[0].series[0]"),
        ("dangling-reference", "breakdowns[0].parts[1]"),
    ]
    assert "'o-22' is not the id of an authority" in details[0][2]


def test_integrity_spans_checked_against_documents() -> None:
    """Spans must name a document of the dossier, stay within its length and known paragraphs."""
    d = seed_dossier()
    far = cd.SourceSpan(document="kaz-reply", start=5000, end=5003, quote="abc", paragraph="99")
    elsewhere = cd.SourceSpan(document="unknown-doc", start=0, end=3, quote="abc")
    m = attrs.evolve(d.measures[0], evidence=(far, elsewhere))
    details = _problems(measures=(m,))
    assert [(code, path) for code, path, _ in details] == [
        ("span-outside-document", "measures[0].evidence[0].end"),
        ("unknown-paragraph", "measures[0].evidence[0].paragraph"),
        ("dangling-reference", "measures[0].evidence[1].document"),
    ]


def test_integrity_grades_checked_against_scales() -> None:
    """An assessment's grade must belong to its scale, built-in or defined by the dossier."""
    d = seed_dossier()
    good = cd.Assessment(
        id="a-1",
        recommendation="CAT/C/KAZ/CO/4#11",
        scale="hrc-legacy",
        grade="B1",
        text="Substantive action taken",
    )
    attrs.evolve(d, assessments=(good,))
    bad_grade = attrs.evolve(good, scale="hrc-2016")
    unknown = attrs.evolve(good, id="a-2", scale="ngo-scale")
    details = _problems(assessments=(bad_grade, unknown))
    assert [code for code, _, _ in details] == ["unknown-grade", "unknown-scale"]
    scale = cd.GradingScale(
        id="ngo-scale",
        body=cd.TreatyBody.CAT,
        name="NGO",
        valid_from=None,
        grades=(cd.Grade(code="B1", label="Progress"),),
    )
    attrs.evolve(d, assessments=(unknown,), scales=(scale,))


def test_integrity_section_paragraphs_and_whole_among_parts() -> None:
    """Section paragraphs must exist in the document; a whole cannot be one of its parts."""
    d = seed_dossier()
    doc = d.documents[1]
    section = attrs.evolve(doc.sections[0], paragraphs=("19", "77"))
    b = attrs.evolve(d.breakdowns[0], parts=("o-709", "o-377"))
    details = _problems(
        documents=(d.documents[0], attrs.evolve(doc, sections=(section,))), breakdowns=(b,)
    )
    assert [code for code, _, _ in details] == ["unknown-paragraph", "whole-among-parts"]


def test_integrity_error_is_model_error_and_value_error() -> None:
    """IntegrityError can be caught as ModelError, CatdomainError or ValueError."""
    with pytest.raises(ValueError, match="integrity problem"):
        cd.Dossier(
            id="d",
            measures=(
                cd.Measure(
                    id="m", description="x", category=cd.MeasureCategory.OTHER, answers=("r",)
                ),
            ),
        )


def test_iter_spans_paths() -> None:
    """iter_spans finds nested spans with their JSON paths."""
    d = seed_dossier()
    paths = [p for p, _ in cd.iter_spans(d)]
    assert "$.series[0].observations[0].source" in paths
    assert "$.measures[0].evidence[0]" in paths


def test_instrument_number_date_and_joint() -> None:
    """An instrument exposes its first issuance's number and date, and knows when it is joint."""
    inst = cd.LegalInstrument(
        id="rules",
        kind=cd.InstrumentKind.RULES,
        issuances=(
            cd.Issuance(issuer="pg", number="46", date=cd.PartialDate(2023, 1, 27)),
            cd.Issuance(issuer="mia", number="176", date=cd.PartialDate(2023, 2, 21)),
        ),
    )
    assert (inst.number, str(inst.date), inst.is_joint) == ("46", "2023-01-27", True)


def test_series_key_and_stated_change_helpers() -> None:
    """SeriesKey prints compactly; a stated change knows its signed amount."""
    key = cd.SeriesKey(concept="share in cells", unit="percent", value_kind=cd.ValueKind.TARGET)
    assert str(key) == "share in cells [percent; target]"
    change = cd.StatedChange(
        id="c", observation="o", direction=cd.ChangeDirection.INCREASE, amount=Decimal("4.5")
    )
    assert change.signed_amount == Decimal("4.5")


def _span_ids(spans: Any) -> list[int]:
    return sorted(id(span) for span in spans)


def test_fast_span_pass_sees_every_span_iter_spans_yields() -> None:
    """The integrity check's fast pass over spans misses none of those it reports on."""
    from catdomain._model.dossier import _COLLECTIONS, _collect_spans

    d = cd.datasets.load()
    fast: list[cd.SourceSpan] = []
    slow: list[cd.SourceSpan] = []
    for name, _ in _COLLECTIONS:
        _collect_spans(getattr(d, name), fast)
        slow.extend(span for _, span in cd.iter_spans(getattr(d, name), name))
    assert len(slow) > 200
    assert _span_ids(fast) == _span_ids(slow)


@given(dossiers(max_size=4))
def test_fast_span_pass_agrees_on_generated_dossiers(d: cd.Dossier) -> None:
    from catdomain._model.dossier import _COLLECTIONS, _collect_spans

    fast: list[cd.SourceSpan] = []
    slow: list[cd.SourceSpan] = []
    for name, _ in _COLLECTIONS:
        _collect_spans(getattr(d, name), fast)
        slow.extend(span for _, span in cd.iter_spans(getattr(d, name), name))
    assert _span_ids(fast) == _span_ids(slow)


def test_ids_found_valid_are_remembered_but_only_plain_strings_are_trusted() -> None:
    from catdomain._model import _validators

    class Loose(str):
        """A str whose equality is its own: never taken from the remembered ids."""

        def __eq__(self, other: object) -> bool:
            return True

        __hash__ = str.__hash__

    assert _validators.is_valid_id("m-remembered-1")
    assert "m-remembered-1" in _validators._VALID_IDS
    assert not _validators.is_valid_id("two words")
    assert "two words" not in _validators._VALID_IDS
    assert not _validators.is_valid_id(Loose("bad id!"))
    with pytest.raises(cd.ModelError, match="ids are"):
        cd.SourceSpan(document=Loose("bad id!"), start=0, end=1, quote="x")
