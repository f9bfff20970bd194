"""The bundled, curated Kazakhstan dossier, checked against its source text."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

import catdomain as cd
from catdomain import datasets

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def dossier() -> cd.Dossier:
    return datasets.load()


@pytest.fixture(scope="module")
def text() -> str:
    return datasets.text()


def test_names_and_unknown_name() -> None:
    """The loader lists its datasets and names the available ones when asked for another."""
    assert datasets.names() == ("kaz-2024-follow-up",)
    with pytest.raises(KeyError, match="available: kaz-2024-follow-up"):
        datasets.load("nope")


def test_bundled_json_is_what_the_curation_builds(dossier: cd.Dossier) -> None:
    """The shipped JSON equals the output of curation/kaz_2024.py, byte for byte."""
    sys.path.insert(0, str(ROOT / "curation"))
    try:
        import kaz_2024
    finally:
        sys.path.pop(0)
    built = kaz_2024.build()
    assert built == dossier
    shipped = (ROOT / "src/catdomain/datasets/data/kaz-2024-follow-up.json").read_text("utf-8")
    assert cd.to_json(built) == shipped, "run `python curation/kaz_2024.py` to refresh the JSON"


def test_text_is_the_source_document(dossier: cd.Dossier, text: str) -> None:
    """The bundled text is the one the dossier's offsets were taken from (same SHA-256)."""
    reply = dossier.get("kaz-2024-follow-up")
    assert reply.text_sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert reply.text_length == len(text)
    assert "\u00a0" in text  # kept byte-exact: UN non-breaking spaces …
    assert "\u2011" in text  # … and non-breaking hyphens


def test_every_quote_is_found_at_its_offsets(dossier: cd.Dossier, text: str) -> None:
    """Every span in the dossier quotes the bundled text exactly at its offsets."""
    spans = list(cd.iter_spans(dossier))
    assert len(spans) > 200
    bad = [(path, s.quote) for path, s in spans if text[s.start : s.end] != s.quote]
    assert not bad


def test_every_span_lies_in_its_paragraph(dossier: cd.Dossier) -> None:
    """A span naming a paragraph lies within that paragraph's offsets."""
    reply = dossier.get("kaz-2024-follow-up")
    bounds = {p.number: (p.start, p.end) for p in reply.paragraphs}
    for path, span in cd.iter_spans(dossier):
        if span.paragraph is not None:
            start, end = bounds[span.paragraph]
            assert start <= span.start, path
            assert span.end <= end, path


def test_structure_80_paragraphs_9_sections(dossier: cd.Dossier, text: str) -> None:
    """The reply has paragraphs 1–80 in order, each under exactly one of the 9 sections."""
    reply = dossier.get("kaz-2024-follow-up")
    assert [p.number for p in reply.paragraphs] == [str(n) for n in range(1, 81)]
    in_sections = [p for s in reply.sections for p in s.paragraphs]
    assert in_sections == [str(n) for n in range(1, 81)]
    assert [len(s.recommendations) for s in reply.sections] == [1, 5, 1, 1, 1, 1, 1, 1, 1]
    for p in reply.paragraphs:
        assert text[p.start - 2 : p.start] == ".\t"


def test_every_paragraph_is_referenced_by_a_fact(dossier: cd.Dossier) -> None:
    """Every paragraph 1–80 is evidence of a measure or holds a figure or citation."""
    referenced = {
        span.paragraph
        for path, span in cd.iter_spans(dossier)
        if not path.startswith("$.documents")
    }
    assert referenced == {str(n) for n in range(1, 81)}


def test_counts_are_pinned(dossier: cd.Dossier) -> None:
    """The number of objects of each kind is pinned, so changes to the curation are deliberate."""
    assert dossier.counts() == {
        "documents": 2,
        "recommendations": 13,
        "authorities": 24,
        "instruments": 42,
        "citations": 69,
        "measures": 71,
        "indicators": 0,
        "series": 55,
        "breakdowns": 12,
        "changes": 1,
        "equivalences": 2,
        "assessments": 0,
        "observations": 66,
        "sections": 9,
    }


def test_unknowns_stay_unknown(dossier: cd.Dossier) -> None:
    """Facts the text does not give are not invented: the reply's symbol, the selection."""
    reply = dossier.get("kaz-2024-follow-up")
    assert reply.symbol is None
    assert all(r.selected_for_follow_up is None for r in dossier.recommendations)
    assert all(r.text is None for r in dossier.recommendations)
    co = dossier.get("CAT/C/KAZ/CO/4")
    assert str(co.adopted) == "2023-05-10"
    assert str(reply.received) == "2024-05-13"


def test_joint_orders_are_one_instrument_with_several_issuances(dossier: cd.Dossier) -> None:
    """Paragraphs 10 and 15: four authorities' orders adopt one set of rules / instructions."""
    rules = dossier.get("kz-rules-video-surveillance")
    assert rules.is_joint
    assert [(i.issuer, i.number, str(i.date)) for i in rules.issuances] == [
        ("kz-procurator-general", "46", "2023-01-27"),
        ("kz-ministry-internal-affairs", "176", "2023-02-21"),
        ("kz-financial-monitoring-agency", "54", "2023-02-23"),
        ("kz-anti-corruption-agency", "85", "2023-02-27"),
    ]


def test_back_references_resolved(dossier: cd.Dossier) -> None:
    """ "(Code, art. 68)" cites the Code of Criminal Procedure named before it."""
    c = next(c for c in dossier.citations if c.source and c.source.quote == "(Code, art. 68)")
    assert c.instrument == "kz-code-criminal-procedure"
    assert [str(p) for p in c.provisions] == ["article 68"]


def test_dates_keep_their_precision(dossier: cd.Dossier) -> None:
    """ "Ministry Order No. 89 of August 2021" is dated to the month, not to a day."""
    order = dossier.get("kz-moh-order-89-2021")
    assert order.date == cd.PartialDate(2021, 8)
    assert order.date.precision is cd.DatePrecision.MONTH
    assert order.number == "89"
    assert dossier.get("kz-moh-order-194-2020").number == "194/2020"


def test_tags_are_pinned_and_reviewed_by_hand(dossier: cd.Dossier) -> None:
    """Tags by collection and vocabulary are pinned; all were assigned by a person."""
    counts: dict[tuple[str, str], int] = {}
    for path, obj in dossier.tagged_objects():
        for tag in obj.tags:
            assert tag.origin is cd.TagOrigin.PERSON
            key = (path.partition("[")[0], tag.vocabulary)
            counts[key] = counts.get(key, 0) + 1
    assert counts == {
        ("recommendations", "themes"): 8,
        ("recommendations", "groups-of-persons"): 4,
        ("recommendations", "cat-articles"): 3,
        ("measures", "themes"): 109,
        ("measures", "groups-of-persons"): 84,
        ("measures", "sdg"): 55,
        ("measures", "cat-articles"): 16,
        ("measures", "cat-follow-up-purposes"): 24,
        ("series", "themes"): 54,
        ("series", "groups-of-persons"): 33,
        ("series", "sdg"): 41,
        ("series", "cat-follow-up-purposes"): 12,
    }


def test_recommendation_tags_quote_the_reply(dossier: cd.Dossier, text: str) -> None:
    """Recommendations are treaty-body ones; their tags quote the reply, except 11–15, untagged."""
    for rec in dossier.recommendations:
        assert rec.mechanism is cd.Mechanism.TREATY_BODY
        if 11 <= rec.paragraph <= 15:
            assert rec.tags == ()
            continue
        assert rec.tags
        for tag in rec.tags:
            [span] = tag.evidence
            assert text[span.start : span.end] == span.quote
