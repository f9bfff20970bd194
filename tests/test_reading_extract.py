"""extract(): from a reply's text to a Dossier draft, scored against the curated dossier."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import catdomain as cd
from catdomain import datasets
from catdomain.reading.evaluation import evaluate

REPLIES = Path(__file__).parent / "replies"


@pytest.fixture(scope="module")
def seed_scores() -> dict[str, object]:
    gold = datasets.load()
    reply = gold.get("kaz-2024-follow-up")
    found = cd.extract(datasets.text(), document_id=reply.id, received=reply.received)
    return {s.kind: s for s in evaluate(found, gold)}


def test_seed_sections_are_exact(seed_scores: dict[str, cd.Dossier]) -> None:
    """The 9 sections and the paragraphs they answer are read exactly."""
    s = seed_scores["sections"]
    assert (s.gold, s.found, s.true_positives) == (9, 9, 9)  # type: ignore[attr-defined]


@pytest.mark.parametrize("kind", ["citations", "instruments", "statistics", "dates"])
def test_seed_floors(seed_scores: dict[str, object], kind: str) -> None:
    """Instruments, citations, statistics and dates reach F1 ≥ 0.9 on the seed."""
    assert seed_scores[kind].f1 >= 0.9, seed_scores[kind]  # type: ignore[attr-defined]


def test_extract_has_provenance_everywhere() -> None:
    """Every span of the extracted dossier quotes the text exactly at its offsets."""
    text = datasets.text()
    dossier = cd.extract(text)
    spans = list(cd.iter_spans(dossier))
    assert len(spans) > 200
    for path, span in spans:
        assert text[span.start : span.end] == span.quote, path


def test_extract_invents_nothing() -> None:
    """Selection for follow-up, recommendation texts and the reply's symbol stay unknown."""
    dossier = cd.extract(datasets.text())
    assert all(r.selected_for_follow_up is None for r in dossier.recommendations)
    assert all(r.text is None for r in dossier.recommendations)
    assert dossier.replies[0].symbol is None


def _read(name: str) -> str:
    return (REPLIES / name).read_bytes().decode("utf-8-sig")


def test_full_header_reply() -> None:
    """A reply with a UN header: symbol, committee, State, dates and the CO it answers."""
    dossier = cd.extract(_read("tjk-cat-header.txt"))
    reply = dossier.replies[0]
    assert str(reply.symbol) == "CAT/C/TJK/FCO/3"
    assert (reply.body, reply.state) == (cd.TreatyBody.CAT, "TJK")
    assert str(reply.received) == "2025-03-03"
    assert [r.id for r in dossier.recommendations] == [
        "CAT/C/TJK/CO/3#9",
        "CAT/C/TJK/CO/3#15",
        "CAT/C/TJK/CO/3#16",
        "CAT/C/TJK/CO/3#31",
    ]


def test_unnumbered_paragraphs_are_labelled_by_position() -> None:
    """Unnumbered paragraphs get bracketed position labels that spans and sections use."""
    dossier = cd.extract(_read("mda-ccpr-unnumbered.txt"))
    reply = dossier.replies[0]
    assert [p.number for p in reply.paragraphs][:3] == ["[1]", "[2]", "[3]"]
    assert reply.sections[0].paragraphs == ("[1]", "[2]")
    assert {o.source.paragraph for _, o in dossier.observations()} <= {
        p.number for p in reply.paragraphs
    }


def test_quoted_recommendations_become_recommendation_text() -> None:
    """A reply quoting the recommendation keeps it as the recommendation's text, with its span."""
    text = _read("pry-ced-quotes.txt")
    dossier = cd.extract(text)
    texts = [r.text for r in dossier.recommendations]
    assert all(texts)
    rec = dossier.recommendations[0]
    assert rec.source is not None
    assert text[rec.source.start : rec.source.end] == rec.source.quote


def test_numbered_acts_with_their_issuers_dates_and_targets() -> None:
    """Laws, instructions and decisions cited by number: who issued them, when, what they amend."""
    dossier = cd.extract(_read("arm-cat-numbered-acts.txt"))
    by_number = {
        issuance.number: (inst, issuance)
        for inst in dossier.instruments
        for issuance in inst.issuances
    }
    law, issued = by_number["HO-148-N"]
    assert law.kind is cd.InstrumentKind.LAW
    assert (issued.issuer, str(issued.date)) == ("a-national-assembly", "2023-05-05")
    assert law.amends == ("i-criminal-code",)
    instruction, issued = by_number["12"]
    assert instruction.kind is cd.InstrumentKind.INSTRUCTIONS
    assert (issued.issuer, str(issued.date)) == ("a-prosecutor-general", "2023-03-03")
    strategy, issued = by_number["1520-L"]  # "(Decision No. 1520-L …)" after the Strategy
    assert strategy.title == "Strategy for Penitentiary and Probation Reform"
    assert issued.issuer == "a-government"


def test_measures_read_in_another_states_wording() -> None:
    """Status and kind come from wording other than the seed's."""
    dossier = cd.extract(_read("arm-cat-numbered-acts.txt"))
    found = {(m.kind.value, m.status.value if m.status else None) for m in dossier.measures}
    assert ("law-amendment", "adopted") in found  # "adopted Law No. … amending the Criminal Code"
    assert ("secondary-regulation", "adopted") in found  # "issued Instruction No. 12"
    assert ("infrastructure", "completed") in found  # "have been equipped with … recording"
    assert ("training", "completed") in found  # "were trained on the Istanbul Protocol"
    assert ("bill-submitted", "before-parliament") in found


def test_a_table_of_figures_by_year_becomes_series() -> None:
    """A tab-separated table gives a series per column, a year per row, totals as wholes."""
    dossier = cd.extract(_read("ecu-cat-table.txt"))
    by_title = {s.key.concept: s for s in dossier.series}
    total = by_title["prison population"]
    assert [(str(o.time), str(o.value)) for o in total.observations] == [
        ("2021", "39000"),
        ("2022", "33900"),
        ("2023", "31300"),
    ]
    pretrial = by_title["prison population: pretrial detainees"]
    assert [str(o.value) for o in pretrial.observations] == ["15600", "12800", "11200"]
    wholes = {b.whole for b in dossier.breakdowns}
    assert {o.id for o in total.observations} <= wholes
    authorities = {a.name for a in dossier.authorities}
    assert {"Ministry of Women and Human Rights", "Attorney General"} <= authorities


def test_a_two_column_masthead_bills_circulars_and_compared_values() -> None:
    """A masthead line holding two columns, "Bill No.", a circular's issuer, "compared with"."""
    dossier = cd.extract(_read("mar-cat-columns.txt"))
    reply = dossier.replies[0]
    assert (str(reply.received), str(reply.issued)) == ("2023-01-30", "2023-04-03")
    bills = [i for i in dossier.instruments if i.kind is cd.InstrumentKind.BILL]
    assert [b.amends for b in bills] == [("i-code-of-criminal-procedure",)]
    code = next(i for i in dossier.instruments if i.id == "i-code-of-criminal-procedure")
    assert code.issuances == ()  # the Government Council approved the bill, not the Code
    [change] = dossier.changes
    later = next(o for _, o in dossier.observations() if o.id == change.observation)
    base = next(o for _, o in dossier.observations() if o.id == change.base)
    assert (str(later.value), str(base.value)) == ("138", "97")
    population = next(s for s in dossier.series if s.key.concept == "prison population")
    assert [str(o.value) for o in population.observations] == ["97204"]
    planned = [m for m in dossier.measures if m.status is cd.MeasureStatus.PLANNED]
    assert [(m.kind, str(m.expected_completion)) for m in planned] == [
        (cd.MeasureKind.INFRASTRUCTURE, "2025")
    ]


def test_a_decision_approving_a_programme_is_its_issuance() -> None:
    """ "The Government adopted Decision No. 215 on 12 April 2022 approving the Programme …"."""
    dossier = cd.extract(_read("kgz-cat-run-in.txt"))
    programme = next(i for i in dossier.instruments if i.kind is cd.InstrumentKind.PROGRAMME)
    [issued] = programme.issuances
    assert (issued.issuer, issued.number, str(issued.date)) == ("a-government", "215", "2022-04-12")
    reports = next(s for s in dossier.series if s.key.concept == "reports of torture")
    assert [(str(o.time), str(o.value)) for o in reports.observations] == [
        ("2021", "268"),
        ("2022", "301"),
    ]


def test_acts_with_years_changes_before_their_noun_and_named_offices() -> None:
    """ "X Act 2019", "a 13 per cent decrease", "the Home Office has commissioned …"."""
    dossier = cd.extract(_read("gbr-cat-acts.txt"))
    titles = {i.title: i for i in dossier.instruments}
    act = titles["Age of Criminal Responsibility (Scotland) Act 2019"]
    assert [str(i.date) for i in act.issuances] == ["2019"]
    [change] = dossier.changes
    assert (change.direction, change.amount, change.relative) == (
        cd.ChangeDirection.DECREASE,
        Decimal(13),
        True,
    )
    found = {(m.status.value if m.status else None, m.authorities) for m in dossier.measures}
    assert ("completed", ("a-home-office",)) in found
    assert ("adopted", ("a-scottish-parliament",)) in found


def test_decrees_amending_laws_policies_and_targets_from_a_baseline() -> None:
    """Legislative and supreme decrees, "was amended by", a policy, a target's baseline."""
    dossier = cd.extract(_read("per-cedaw-decrees.txt"))
    law = next(i for i in dossier.instruments if any(x.number == "30364" for x in i.issuances))
    decree = next(i for i in dossier.instruments if any(x.number == "1386" for x in i.issuances))
    assert decree.kind is cd.InstrumentKind.LAW  # a legislative decree
    assert decree.amends == (law.id,)
    policy = next(i for i in dossier.instruments if i.title == "National Gender Equality Policy")
    assert [x.number for x in policy.issuances] == ["008-2019-MIMP"]
    prevalence = [
        (s.key.value_kind, [str(o.value) for o in s.observations])
        for s in dossier.series
        if s.key.concept == "prevalence of violence against women"
    ]
    assert prevalence == [(cd.ValueKind.BASELINE, ["63.2"]), (cd.ValueKind.TARGET, ["40.0"])]


@pytest.mark.parametrize("name", sorted(p.name for p in REPLIES.glob("*.txt")))
def test_every_sample_reply_extracts_with_exact_quotes(name: str) -> None:
    """Each hand-written reply in another layout extracts, and every quote is exact."""
    text = _read(name)
    dossier = cd.extract(text)
    for path, span in cd.iter_spans(dossier):
        assert text[span.start : span.end] == span.quote, path
    cd.from_json(cd.to_json(dossier))  # the draft is a valid dossier document


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_extract_never_fails_on_arbitrary_text(text: str) -> None:
    """Any text gives a dossier whose quotes equal the text at their offsets."""
    dossier = cd.extract(text)
    for _, span in cd.iter_spans(dossier):
        assert text[span.start : span.end] == span.quote


_SEED = datasets.text()


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_extract_on_mutated_seed_keeps_quotes_exact(data: st.DataObject) -> None:
    """Deleting, duplicating or inserting characters in the seed never breaks provenance."""
    start = data.draw(st.integers(0, len(_SEED) - 2000))
    chunk = _SEED[start : start + 2000]
    cut = data.draw(st.integers(0, len(chunk)))
    insert = data.draw(st.text(alphabet="0123456789.,()–- \n\tNo", max_size=12))
    mutated = chunk[:cut] + insert + chunk[cut:]
    dossier = cd.extract(mutated)
    for _, span in cd.iter_spans(dossier):
        assert mutated[span.start : span.end] == span.quote


@given(
    st.one_of(
        st.text(alphabet="ab1 -'’.,;?\u0130\u00a0Z\u212a\u00e9\U0001d400", max_size=300),
        st.text(max_size=300),
    ),
    st.integers(1, 80),
)
def test_slugs_are_the_ascii_letter_and_digit_runs_of_the_whole_text(text: str, limit: int) -> None:
    # The definition: runs of [a-z0-9] in the lower-cased text without apostrophes,
    # joined by "-" (a prefix of the text is read first, and non-ASCII text on bytes).
    from catdomain.reading.assemble import _slug

    lowered = text.lower().replace("’", "").replace("'", "")
    whole = "-".join(re.findall(r"[a-z0-9]+", lowered))
    assert _slug(text, limit) == (whole[:limit].rstrip("-") or "x")


def test_reading_makes_no_reference_cycles_and_restores_the_collector() -> None:
    """The cyclic collector is paused during extract(): nothing it reads may need it."""
    import gc

    text = datasets.text()
    cd.extract(text)
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for sample in [text, *(p.read_text(encoding="utf-8") for p in REPLIES.glob("*.txt"))]:
            cd.extract(sample)
        assert gc.collect() == 0  # nothing left that only the cyclic collector frees
    finally:
        if was:
            gc.enable()
    assert gc.isenabled() is was
    gc.disable()
    try:
        cd.extract(text)
        assert not gc.isenabled()  # left as the caller set it
    finally:
        gc.enable()
    assert gc.isenabled()


def test_the_collector_is_restored_when_reading_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from catdomain.reading import assemble

    def broken(*args: object, **kwargs: object) -> None:
        assert not gc.isenabled()  # paused while reading
        raise RuntimeError("broken reader")

    monkeypatch.setattr(assemble, "read_reply", broken)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="broken reader"):
        cd.extract("1. Text.")
    assert gc.isenabled()


@given(st.text(alphabet="ab .\t\n\u00a0\u2028\u00ad\u3000", max_size=260), st.integers(20, 220))
def test_descriptions_are_the_sentence_with_single_spaces(text: str, limit: int) -> None:
    from catdomain.reading.measures import _shorten

    single = " ".join(text.split())
    expected = single if len(single) <= limit else None
    if expected is not None:
        assert _shorten(text, limit) == expected
    else:
        assert _shorten(text, limit) == _shorten(single, limit)
        assert _shorten(text, limit).endswith("…")
