"""Classification: vocabularies, tags and their integrity, suggestions, queries, UPR."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

import attrs
import pytest

import catdomain as cd
from catdomain import datasets
from catdomain.classification._rules import RULE_FILES, compile_pattern
from catdomain.classification._vocabularies import VOCABULARY_FILES, read_vocabulary_file

EN = "en"


def term(id: str, text: str | None = None, **kwargs: Any) -> cd.Term:
    """A term with an English label."""
    return cd.Term(id=id, labels=(cd.Label(language=EN, text=text or id),), **kwargs)


def vocabulary(*terms: cd.Term, **kwargs: Any) -> cd.Vocabulary:
    """A small vocabulary of `terms`."""
    fields: dict[str, Any] = {
        "id": "local-themes",
        "version": "2",
        "title": "Local themes",
        "source": "tests",
        "terms": terms,
    }
    fields.update(kwargs)
    return cd.Vocabulary(**fields)


GROUPS = vocabulary(
    term("detained", "Persons deprived of their liberty", aliases=("Persons deprived of liberty",)),
    term("remand", "Pretrial detainees", parent="detained", aliases=("remand-prisoners",)),
    term("juveniles", "Juveniles in detention", parent="remand"),
    term("women", "Women and girls"),
)


@pytest.fixture(scope="module")
def kaz() -> cd.Dossier:
    return datasets.load()


# --------------------------------------------------------------------------
# Shipped vocabularies


def test_shipped_vocabularies_load_by_id_and_alias() -> None:
    """The five shipped vocabularies load, each with a version and a named source."""
    found = cd.vocabularies()
    assert list(found) == [
        "sdg",
        "cat-articles",
        "cat-follow-up-purposes",
        "themes",
        "groups-of-persons",
    ]
    for voc in found.values():
        assert voc.version.strip()
        assert len(voc.source) > 40
        assert all(t.label(EN) for t in voc.terms)
    assert cd.vocabulary("affected-persons") is found["groups-of-persons"]
    with pytest.raises(KeyError, match="known: sdg, cat-articles"):
        cd.vocabulary("uhri-themes")


def test_sdg_has_17_goals_and_169_targets() -> None:
    """Goals 1–17 are top terms; the 169 targets ("16.3", "16.a") sit under their goal."""
    sdg = cd.vocabulary("sdg")
    goals = [t.id for t in sdg.top_terms]
    assert goals == [str(n) for n in range(1, 18)]
    targets = [t for t in sdg.terms if t.parent is not None]
    assert len(targets) == 169
    for target in targets:
        assert re.fullmatch(r"([1-9]|1[0-7])\.([1-9]|1[0-9]|[a-d])", target.id), target.id
        assert target.id.split(".")[0] == target.parent
    assert list(sdg.narrower("16")) == [
        "16.1", "16.2", "16.3", "16.4", "16.5", "16.6", "16.7", "16.8", "16.9", "16.10",
        "16.a", "16.b",
    ]  # fmt: skip
    assert len(sdg.narrower("17")) == 19
    assert sdg.label("16") == "Peace, justice and strong institutions"
    assert "torture of children" in sdg.label("16.2")
    assert sdg.label("3.8") == "Universal health coverage"


def test_convention_articles_1_to_33_in_three_parts() -> None:
    """Articles 1–33 under parts I–III, with the short titles the domain uses."""
    cat = cd.vocabulary("cat-articles")
    assert [t.id for t in cat.top_terms] == ["part-1", "part-2", "part-3"]
    assert cat.narrower("part-1") == tuple(str(n) for n in range(1, 17))
    assert cat.narrower("part-3") == tuple(str(n) for n in range(25, 34))
    titles = {n: cat.label(str(n)).lower() for n in range(1, 34)}
    for n, words in {
        1: "definition of torture",
        2: "prevent",
        3: "non-refoulement",
        4: "criminalization",
        5: "jurisdiction",
        10: "training",
        11: "interrogation",
        12: "investigation",
        13: "complain",
        14: "redress",
        15: "statements",
        16: "degrading",
        19: "reports",
        20: "inquiry",
        22: "individual communications",
    }.items():
        assert words in titles[n], (n, titles[n])


def test_follow_up_purposes_are_the_four_of_cat_c_55_3() -> None:
    """The four purposes of follow-up recommendations, each citing CAT/C/55/3, para. 7."""
    purposes = cd.vocabulary("cat-follow-up-purposes")
    assert [t.id for t in purposes.terms] == [
        "legal-safeguards",
        "investigations",
        "prosecution-and-punishment",
        "redress",
    ]
    assert "CAT/C/55/3" in purposes.source
    assert all("CAT/C/55/3, para. 7" in (t.description or "") for t in purposes.terms)


def test_themes_and_groups_cover_torture_prevention() -> None:
    """The themes and groups the domain needs are there, with broader terms."""
    themes = cd.vocabulary("themes")
    for id in (
        "conditions-of-detention",
        "liberty-and-security",
        "access-to-justice-and-remedy",
        "torture-and-ill-treatment",
        "definition-and-criminalization",
        "legal-safeguards",
        "investigation-and-prosecution",
        "redress-and-rehabilitation",
        "training-of-officials",
        "monitoring-of-places-of-detention",
        "health-care-in-detention",
        "non-refoulement",
    ):
        assert id in themes
    assert themes.broader("mental-health-in-detention") == (
        "health-care-in-detention",
        "conditions-of-detention",
    )
    groups = cd.vocabulary("groups-of-persons")
    for id in (
        "persons-deprived-of-their-liberty",
        "law-enforcement-officials",
        "medical-staff",
        "women-and-girls",
        "children",
        "persons-with-disabilities",
        "migrants-refugees-and-asylum-seekers",
        "military-personnel",
        "human-rights-defenders",
    ):
        assert id in groups


@pytest.mark.parametrize("name", VOCABULARY_FILES)
def test_shipped_vocabulary_files_are_canonical_and_round_trip(name: str) -> None:
    """Each shipped file is what to_json writes for the vocabulary it holds."""
    text = read_vocabulary_file(name)
    voc = cd.from_json(text, cd.Vocabulary)
    assert f"{voc.id}.json" == name
    assert cd.to_json(voc) == text
    assert cd.from_dict(cd.to_dict(voc), cd.Vocabulary) == voc


# --------------------------------------------------------------------------
# Validation at construction


BAD_VOCABULARIES: list[tuple[str, tuple[cd.Term, ...], str, str]] = [
    ("duplicate-id", (term("a"), term("a")), "terms[1].id", "already the id of terms[0]"),
    (
        "alias-is-another-id",
        (term("a"), term("b", aliases=("a",))),
        "terms[1].aliases[0]",
        "must not name another term",
    ),
    (
        "alias-of-two-terms",
        (term("a", aliases=("old",)), term("b", aliases=("old",))),
        "terms[1].aliases[0]",
        "already an alias of terms[0]",
    ),
    ("parent-unknown", (term("a", parent="nowhere"),), "terms[0].parent", "not the id of a term"),
    (
        "parent-is-an-alias",
        (term("a", aliases=("old-a",)), term("b", parent="old-a")),
        "terms[1].parent",
        "it is an alias of 'a'",
    ),
    (
        "parent-cycle",
        (term("a", parent="c"), term("b", parent="a"), term("c", parent="b")),
        "terms[0].parent",
        "makes a cycle: a → c → b → a",
    ),
]


@pytest.mark.parametrize(
    ("terms", "field", "words"),
    [pytest.param(t, f, w, id=i) for i, t, f, w in BAD_VOCABULARIES],
)
def test_vocabulary_refuses_inconsistent_terms(
    terms: tuple[cd.Term, ...], field: str, words: str
) -> None:
    """Duplicate ids, clashing aliases, parents that do not resolve or cycle: ModelError."""
    with pytest.raises(cd.ModelError) as caught:
        vocabulary(*terms)
    assert caught.value.owner == "Vocabulary"
    assert caught.value.field == field
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        pytest.param(
            {"labels": (cd.Label(language="fr", text="Détention"),)},
            "labels",
            "needs an English label",
            id="no-english-label",
        ),
        pytest.param({"labels": ()}, "labels", "at least 1", id="no-label"),
        pytest.param(
            {"labels": (cd.Label(language="en", text="A"), cd.Label(language="EN", text="B"))},
            "labels",
            "one label only",
            id="two-english-labels",
        ),
        pytest.param({"aliases": ("t",)}, "aliases", "differ from the id", id="alias-is-own-id"),
        pytest.param({"aliases": ("x", "x")}, "aliases", "only once", id="alias-twice"),
        pytest.param({"parent": "t"}, "parent", "its own parent", id="own-parent"),
        pytest.param({"id": "has space"}, "id", "ids are", id="bad-id"),
    ],
)
def test_term_refuses_bad_fields(kwargs: dict[str, Any], field: str, words: str) -> None:
    """A term needs one English label, one label per language, aliases distinct from its id."""
    fields: dict[str, Any] = {"id": "t", "labels": (cd.Label(language="en", text="T"),)}
    fields.update(kwargs)
    with pytest.raises(cd.ModelError) as caught:
        cd.Term(**fields)
    assert caught.value.owner == "Term"
    assert caught.value.field.split("[")[0] == field
    assert words in str(caught.value)


def test_label_language_must_be_bcp47() -> None:
    """Language tags follow BCP 47 ("en", "zh-Hans", "en-GB"); prose is refused."""
    for ok in ("en", "kk", "zh-Hans", "en-GB", "es-419"):
        cd.Label(language=ok, text="x")
    with pytest.raises(cd.ModelError, match="BCP 47"):
        cd.Label(language="English", text="x")


def test_vocabulary_alias_must_differ_from_its_id() -> None:
    """A vocabulary's own aliases are ids, distinct from its id."""
    with pytest.raises(cd.ModelError, match="differ from the id"):
        vocabulary(term("a"), aliases=("local-themes",))


def test_invalid_vocabulary_json_reports_a_path() -> None:
    """Reading a vocabulary whose parent does not resolve reports where."""
    data = cd.to_dict(GROUPS)
    data["terms"][1]["parent"] = "nowhere"
    with pytest.raises(cd.SerializationError) as caught:
        cd.from_dict(data, cd.Vocabulary)
    [problem] = caught.value.problems
    assert problem.path == "$.terms[1].parent"
    assert "not the id of a term" in problem.expected


# --------------------------------------------------------------------------
# Lookups


def test_renamed_terms_resolve_to_their_current_id() -> None:
    """An alias (former id, renamed label) finds the term; so does the vocabulary's alias."""
    assert GROUPS.term("Persons deprived of liberty").id == "detained"
    assert GROUPS.term("remand-prisoners") is GROUPS.term("remand")
    assert GROUPS.canonical("remand-prisoners") == "remand"
    groups = cd.vocabulary("groups-of-persons")
    assert groups.canonical("Women & girls") == "women-and-girls"
    assert groups.canonical("Refugees & asylum seekers") == "refugees-and-asylum-seekers"
    assert groups.aliases == ("affected-persons",)


def test_unknown_terms_are_never_created() -> None:
    """term() raises KeyError under either policy; canonical() keeps the text only if told to."""
    with pytest.raises(KeyError, match="did you mean 'remand'"):
        GROUPS.term("remnd")
    with pytest.raises(KeyError):
        GROUPS.canonical("prisoners")
    assert not GROUPS.accepts("prisoners")
    open_groups = attrs.evolve(GROUPS, unknown_policy=cd.UnknownTermPolicy.KEEP)
    assert open_groups.accepts("prisoners")
    assert open_groups.canonical("prisoners") == "prisoners"
    with pytest.raises(KeyError):
        open_groups.term("prisoners")
    assert len(open_groups) == 4
    assert "prisoners" not in open_groups


def test_labels_fall_back_to_english() -> None:
    """A label in the language asked for, else in its primary language, else in English."""
    t = cd.Term(
        id="t",
        labels=(
            cd.Label(language="en", text="Detention"),
            cd.Label(language="fr", text="Détention"),
            cd.Label(language="ru", text="Содержание под стражей"),
        ),
    )
    assert t.label("fr") == "Détention"
    assert t.label("fr-CH") == "Détention"
    assert t.label("RU") == "Содержание под стражей"
    assert t.label("kk") == "Detention"
    assert GROUPS.label(t, "fr") == "Détention"


def test_narrower_and_broader_terms() -> None:
    """narrower() is depth first, without the term; broader() nearest first."""
    assert GROUPS.narrower("detained") == ("remand", "juveniles")
    assert GROUPS.narrower("detained", transitive=False) == ("remand",)
    assert GROUPS.broader("juveniles") == ("remand", "detained")
    assert GROUPS.narrower("Persons deprived of liberty") == ("remand", "juveniles")
    assert [t.id for t in GROUPS.top_terms] == ["detained", "women"]


# --------------------------------------------------------------------------
# Tags and the dossier's integrity

DOC = cd.Document(id="co", kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS, text_length=100)


def tag(vocabulary: str, term: str, **kwargs: Any) -> cd.Tag:
    return cd.Tag(vocabulary=vocabulary, term=term, origin=cd.TagOrigin.PERSON, **kwargs)


def dossier(*tags: cd.Tag, **kwargs: Any) -> cd.Dossier:
    rec = cd.Recommendation(id="co#10", document="co", paragraph=10, tags=tags)
    return cd.Dossier(id="d", documents=(DOC,), recommendations=(rec,), **kwargs)


def test_tag_needs_a_rule_when_suggested_by_one() -> None:
    """origin "rule" without the rule's id is refused; a person may keep the rule's id."""
    with pytest.raises(cd.ModelError, match="names the rule"):
        cd.Tag(vocabulary="sdg", term="16.3", origin=cd.TagOrigin.RULE)
    confirmed = tag("sdg", "16.3", rule="sdg/16.3")
    assert confirmed.rule == "sdg/16.3"


def test_an_object_carries_a_tag_once() -> None:
    """The same vocabulary and term twice on one object is refused at construction."""
    with pytest.raises(cd.ModelError, match="carries a tag once"):
        cd.Measure(
            id="m",
            description="x",
            category=cd.MeasureCategory.OTHER,
            tags=(tag("sdg", "16.3"), tag("sdg", "16.3")),
        )


def test_tags_on_shipped_and_own_vocabularies_are_accepted() -> None:
    """Shipped vocabularies, the dossier's own, and aliases of both, resolve."""
    d = dossier(
        tag("sdg", "16.3"),
        tag("affected-persons", "Women & girls"),
        tag("local-themes", "remand-prisoners"),
        vocabularies=(GROUPS,),
    )
    assert d.vocabulary("local-themes") is GROUPS
    assert d.vocabulary("affected-persons").id == "groups-of-persons"
    with pytest.raises(KeyError, match="unknown vocabulary"):
        d.vocabulary("nope")


def test_tag_integrity_problems_are_all_reported_with_codes() -> None:
    """Unknown vocabulary, unknown term, one term twice (by alias) and a vocabulary named twice."""
    clash = vocabulary(term("x"), id="other", aliases=("local-themes",))
    with pytest.raises(cd.IntegrityError) as caught:
        dossier(
            tag("uhri", "D25"),
            tag("sdg", "16.12"),
            tag("local-themes", "remand"),
            tag("local-themes", "remand-prisoners"),
            vocabularies=(GROUPS, clash),
        )
    assert caught.value.details == (
        (
            "duplicate-vocabulary",
            "vocabularies[1].aliases[0]",
            "'local-themes' already names vocabularies[0] ('local-themes')",
        ),
        (
            "unknown-vocabulary",
            "recommendations[0].tags[0].vocabulary",
            "'uhri' is neither a vocabulary of this dossier nor a shipped one",
        ),
        (
            "unknown-term",
            "recommendations[0].tags[1].term",
            "'16.12' is not a term of vocabulary 'sdg' (version 2015)",
        ),
        (
            "duplicate-tag",
            "recommendations[0].tags[3]",
            "local-themes:remand-prisoners names the same term as tags[2] (local-themes:remand)",
        ),
    )


def test_own_vocabulary_takes_the_place_of_a_shipped_one() -> None:
    """A dossier pinning its own "sdg" (a version without target 16.3) refuses 16.3."""
    pinned = vocabulary(term("16", "Peace"), id="sdg", version="pinned")
    dossier(tag("sdg", "16"), vocabularies=(pinned,))
    with pytest.raises(cd.IntegrityError, match="version pinned"):
        dossier(tag("sdg", "16.3"), vocabularies=(pinned,))


def test_unknown_term_policy_decides_integrity() -> None:
    """A closed vocabulary refuses an unknown term; an open one keeps it as written."""
    with pytest.raises(cd.IntegrityError, match="not a term"):
        dossier(tag("local-themes", "prisoners"), vocabularies=(GROUPS,))
    open_groups = attrs.evolve(GROUPS, unknown_policy=cd.UnknownTermPolicy.KEEP)
    d = dossier(tag("local-themes", "prisoners"), vocabularies=(open_groups,))
    assert d.recommendations[0].tags[0].term == "prisoners"
    assert cd.tagged(d, "local-themes", "prisoners") == d.recommendations


def test_tag_evidence_spans_are_checked_like_any_other() -> None:
    """A tag's evidence must point into a document of the dossier, within its text."""
    span = cd.SourceSpan(document="co", start=95, end=105, quote="0123456789")
    with pytest.raises(cd.IntegrityError) as caught:
        dossier(tag("sdg", "16.3", evidence=(span,)))
    assert caught.value.details[0][:2] == (
        "span-outside-document",
        "recommendations[0].tags[0].evidence[0].end",
    )


def test_dossier_with_tags_and_vocabularies_round_trips() -> None:
    """Tags, an own vocabulary and UPR fields survive JSON."""
    d = dossier(tag("local-themes", "remand"), tag("sdg", "16.3"), vocabularies=(GROUPS,))
    assert cd.from_json(cd.to_json(d)) == d


# --------------------------------------------------------------------------
# Recommendations of other mechanisms


def upr(id: str, paragraph: int, states: tuple[str, ...], position: cd.UPRPosition,
        *tags: cd.Tag) -> cd.Recommendation:  # fmt: skip
    return cd.Recommendation(
        id=id,
        document="A/HRC/41/10",
        paragraph=paragraph,
        mechanism=cd.Mechanism.UPR,
        recommending_states=states,
        position=position,
        tags=tags,
    )


def test_upr_recommendations_record_states_and_position() -> None:
    """A UPR recommendation names its recommending States and the State's position."""
    r = upr("A/HRC/41/10#140.12", 140, ("AUT", "CHE"), cd.UPRPosition.PARTIALLY_SUPPORTED)
    assert r.mechanism is cd.Mechanism.UPR
    assert cd.from_json(cd.to_json(r), cd.Recommendation) == r
    assert cd.to_dict(cd.Recommendation(id="co#1", document="co", paragraph=1)) == {
        "id": "co#1",
        "document": "co",
        "paragraph": 1,
    }


@pytest.mark.parametrize(
    ("kwargs", "field", "words"),
    [
        pytest.param(
            {"position": cd.UPRPosition.NOTED}, "position", "only a UPR", id="position-no-upr"
        ),
        pytest.param(
            {"mechanism": cd.Mechanism.TREATY_BODY, "recommending_states": ("AUT",)},
            "recommending_states",
            "only a UPR",
            id="states-treaty-body",
        ),
        pytest.param(
            {"mechanism": cd.Mechanism.UPR, "recommending_states": ("Austria",)},
            "recommending_states",
            "alpha-3",
            id="state-not-alpha3",
        ),
        pytest.param(
            {"mechanism": cd.Mechanism.UPR, "recommending_states": ("AUT", "AUT")},
            "recommending_states",
            "only once",
            id="state-twice",
        ),
        pytest.param({"mechanism": "upr"}, "mechanism", "Mechanism", id="mechanism-str"),
    ],
)
def test_upr_fields_are_checked(kwargs: dict[str, Any], field: str, words: str) -> None:
    """Positions and recommending States belong to UPR recommendations only."""
    with pytest.raises(cd.ModelError) as caught:
        cd.Recommendation(id="r", document="d", paragraph=1, **kwargs)
    assert caught.value.field.split("[")[0] == field
    assert words in str(caught.value)


def test_treaty_body_and_upr_recommendations_cluster_by_theme() -> None:
    """One dossier, both mechanisms: the theme table groups them under the same term."""
    pytest.importorskip("pandas")
    co = cd.Document(id="CAT/C/ZZZ/CO/1", kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS)
    wg = cd.Document(id="A/HRC/41/10", kind=cd.DocumentKind.OTHER)
    tb = cd.Recommendation(
        id="CAT/C/ZZZ/CO/1#21",
        document=co.id,
        paragraph=21,
        mechanism=cd.Mechanism.TREATY_BODY,
        tags=(tag("themes", "material-conditions"),),
    )
    recs = (
        tb,
        upr("A/HRC/41/10#140.12", 140, ("AUT",), cd.UPRPosition.SUPPORTED,
            tag("themes", "conditions-of-detention")),
        upr("A/HRC/41/10#140.30", 140, ("CHE", "FRA"), cd.UPRPosition.NOTED),
    )  # fmt: skip
    d = cd.Dossier(id="zzz", documents=(co, wg), recommendations=recs)
    table = cd.recommendation_theme_table(d)
    assert list(table.columns) == [
        "recommendation_id", "mechanism", "document", "paragraph", "position",
        "recommending_states", "term", "label", "top_term", "top_label", "origin", "measures",
    ]  # fmt: skip
    clusters = table.groupby("top_term", dropna=False)["mechanism"].apply(list).to_dict()
    assert clusters["conditions-of-detention"] == ["treaty-body", "upr"]
    untagged = table[table.term.isna()]
    assert untagged.recommending_states.tolist() == ["CHE; FRA"]
    assert str(table.mechanism.dtype) == "category"
    assert list(table.position.cat.categories) == ["supported", "partially-supported", "noted"]
    assert [r.id for r in cd.tagged(d, "themes", "conditions-of-detention")] == [
        tb.id,
        "A/HRC/41/10#140.12",
    ]


# --------------------------------------------------------------------------
# Rules and suggestions


def test_rule_patterns_phrases_and_regular_expressions() -> None:
    """Phrases match whole words, any spacing and hyphens; regex metacharacters need 're:'."""
    assert compile_pattern("ill-treatment").search("torture and ill\u2011treatment")
    assert compile_pattern("video surveillance").search("video\u00a0surveillance")
    assert compile_pattern("suicid*").search("suicidal tendencies")
    assert not compile_pattern("cells").search("cellslike")
    assert compile_pattern("re:remand centres?").search("three remand centre")
    with pytest.raises(ValueError, match="write a regular expression"):
        compile_pattern("remand centres?")
    with pytest.raises(ValueError, match="invalid regular expression"):
        compile_pattern("re:(unclosed")


@pytest.mark.parametrize("name", RULE_FILES)
def test_shipped_rule_files_name_known_terms(name: str) -> None:
    """Each rule file names a shipped vocabulary and only its terms, by id."""
    folder = resources.files("catdomain.classification").joinpath("data", "rules")
    data = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
    voc = cd.vocabulary(data["vocabulary"])
    assert name == f"{voc.id}.json"
    rules = cd.tag_rules(voc.id)
    assert [r.term for r in rules] == list(data["rules"])
    for rule in rules:
        assert voc.term(rule.term).id == rule.term
        assert rule.id == f"{voc.id}/{rule.term}"


def test_rule_files_of_ones_own_are_checked() -> None:
    """A rule file in the wrong shape, or with a bad pattern, is refused with its source."""
    with pytest.raises(ValueError, match="unknown keys"):
        cd.tag_rules(data={"vocabulary": "themes", "rules": {}, "extra": 1})
    with pytest.raises(ValueError, match="list of strings"):
        cd.tag_rules(data={"vocabulary": "themes", "rules": {"legal-aid": "legal aid"}})
    with pytest.raises(ValueError, match="rule for 'legal-aid'"):
        cd.tag_rules(data='{"vocabulary": "themes", "rules": {"legal-aid": ["aid?"]}}')


def _hand_and_suggested(
    kaz: cd.Dossier, suggestions: tuple[cd.Suggestion, ...]
) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]:
    hand = set()
    for _, obj in kaz.tagged_objects():
        for t in obj.tags:
            assert t.origin is cd.TagOrigin.PERSON
            voc = kaz.vocabulary(t.vocabulary)
            hand.add((obj.id, voc.id, voc.canonical(t.term)))
    suggested = {(s.target, s.tag.vocabulary, s.tag.term) for s in suggestions}
    return hand, suggested


def test_suggestions_precision_and_recall_on_the_bundled_dossier(kaz: cd.Dossier) -> None:
    """Against the hand-reviewed tags: precision ≥ 0.75 and recall ≥ 0.80 overall (in-sample)."""
    hand, suggested = _hand_and_suggested(kaz, cd.suggest_tags(kaz))
    right = hand & suggested
    precision, recall = len(right) / len(suggested), len(right) / len(hand)
    assert precision >= 0.75, precision
    assert recall >= 0.80, recall
    measures = {m.id for m in kaz.measures}
    on_measures = {x for x in suggested if x[0] in measures}
    assert len(on_measures & hand) / len(on_measures) >= 0.75
    assert len(on_measures & hand) / len({x for x in hand if x[0] in measures}) >= 0.90


def test_suggestion_spans_quote_the_reply(kaz: cd.Dossier) -> None:
    """Every span-backed suggestion quotes the reply at its offsets, inside the evidence."""
    text = datasets.text()
    suggestions = cd.suggest_tags(kaz, texts=datasets.texts())
    assert suggestions
    for s in suggestions:
        assert s.tag.origin is cd.TagOrigin.RULE
        assert s.rule == s.tag.rule
        assert s.rule.startswith(s.tag.vocabulary + "/")
        if s.span is None:
            assert s.kind == "series"
            assert not s.in_document
            assert s.field in ("key.concept", "title") or s.field.startswith("key.breakdown")
            continue
        assert text[s.span.start : s.span.end] == s.span.quote == s.text
        assert compile_pattern(s.pattern).fullmatch(s.text)
        obj = kaz.get(s.target)
        if s.kind == "measure":
            index = int(s.field.removeprefix("evidence[").removesuffix("]"))
            outer = obj.evidence[index]
            assert outer.start <= s.span.start
            assert s.span.end <= outer.end
        else:
            assert s.field.endswith("source sentence")


def test_without_texts_series_match_their_own_fields_only(kaz: cd.Dossier) -> None:
    """Without the documents' texts, a series is matched on its concept, breakdown and title."""
    series = [s for s in cd.suggest_tags(kaz) if s.kind == "series"]
    assert series
    assert all(s.span is None for s in series)
    with_texts = [s for s in cd.suggest_tags(kaz, texts=datasets.texts()) if s.kind == "series"]
    assert any(s.span is not None for s in with_texts)


def test_measure_without_evidence_is_matched_on_its_description() -> None:
    """No span to match: the description is, and the suggestion says so."""
    m = cd.Measure(
        id="m-1",
        description="Medical care for detainees transferred to the Ministry of Health",
        category=cd.MeasureCategory.ADMINISTRATIVE,
    )
    d = cd.Dossier(id="d", measures=(m,))
    found = cd.suggest_tags(d, vocabularies=["themes", "affected-persons"])
    assert [(str(s.tag), s.field, s.text) for s in found] == [
        ("themes:health-care-in-detention", "description", "Medical care"),
    ]
    assert found[0].span is None
    assert not found[0].in_document
    with pytest.raises(KeyError, match="unknown vocabulary"):
        cd.suggest_tags(d, vocabularies=["nope"])


def test_suggest_with_rules_of_ones_own(kaz: cd.Dossier) -> None:
    """Custom rules on a dossier's own vocabulary run instead of the shipped ones."""
    local = vocabulary(term("cells", "Cell confinement"))
    rules = cd.tag_rules(data={"vocabulary": "local-themes", "rules": {"cells": ["cells"]}})
    d = attrs.evolve(kaz, vocabularies=(local,))
    found = cd.suggest_tags(d, rules=rules)
    measures = {s.target for s in found if s.kind == "measure"}
    assert measures == {"m-cells-instead-of-barracks", "m-ppp-construction"}
    assert "s-share-in-cells" in {s.target for s in found if s.kind == "series"}
    assert {s.rule for s in found} == {"local-themes/cells"}


def test_apply_suggestions_adds_new_terms_once(kaz: cd.Dossier) -> None:
    """Applied suggestions join the existing tags, skipping terms already there."""
    suggestions = cd.suggest_tags(kaz)
    applied = cd.apply_suggestions(kaz, suggestions)
    assert cd.apply_suggestions(applied, suggestions) == applied
    m = applied.get("m-custody-three-hours")
    before = kaz.get("m-custody-three-hours")
    assert m.tags[: len(before.tags)] == before.tags
    added = m.tags[len(before.tags) :]
    assert added
    assert all(t.origin is cd.TagOrigin.RULE for t in added)
    assert {(t.vocabulary, t.term) for t in added}.isdisjoint(
        {(t.vocabulary, t.term) for t in before.tags}
    )
    stranger = attrs.evolve(suggestions[0], target="nowhere")
    with pytest.raises(KeyError, match="'nowhere'"):
        cd.apply_suggestions(kaz, [stranger])


def test_apply_skips_a_term_present_under_an_alias() -> None:
    """A tag written with an alias already holds the term a suggestion names."""
    m = cd.Measure(
        id="m-1",
        description="Separation of women and girls from men",
        category=cd.MeasureCategory.OTHER,
        tags=(tag("affected-persons", "Women & girls"),),
    )
    d = cd.Dossier(id="d", measures=(m,))
    found = cd.suggest_tags(d, vocabularies=["groups-of-persons"])
    assert [str(s.tag) for s in found] == ["groups-of-persons:women-and-girls"]
    assert cd.apply_suggestions(d, found) == d


# --------------------------------------------------------------------------
# Queries


def test_measures_on_follow_recommendations_and_narrower_terms(kaz: cd.Dossier) -> None:
    """Measures tagged with the term or a narrower one, or answering a tagged recommendation."""
    on_conditions = {m.id for m in cd.measures_on(kaz, "themes", "conditions-of-detention")}
    answering_21 = {m.id for m in kaz.measures_answering("CAT/C/KAZ/CO/4#21")}
    assert answering_21 <= on_conditions
    assert "m-suicide-prevention" in on_conditions  # tagged mental-health-in-detention
    only = {m.id for m in cd.measures_on(kaz, "themes", "conditions-of-detention", narrower=False)}
    assert only == answering_21
    health = cd.measures_on(kaz, "themes", "health-care-in-detention")
    assert {m.id for m in kaz.measures_answering("CAT/C/KAZ/CO/4#28")} <= {m.id for m in health}
    with pytest.raises(KeyError, match="not a term of vocabulary 'themes'"):
        cd.measures_on(kaz, "themes", "prison-conditions")


def test_series_by_sdg_target_and_goal(kaz: cd.Dossier) -> None:
    """Series by target; a goal gathers its targets; via_measures adds the measures' series."""
    by_34 = [s.id for s in cd.series_by(kaz, "sdg", "3.4")]
    assert by_34 == [
        "s-suicides",
        "s-suicide-attempts-prevented",
        "s-suicide-attempts-prevented-video",
    ]
    goal_16 = {s.id for s in cd.series_by(kaz, "sdg", "16")}
    assert {"s-january-deaths", "s-torture-court-cases", "s-visits-npm"} <= goal_16
    assert not {s.id for s in cd.series_by(kaz, "sdg", "16", narrower=False)}
    via = {s.id for s in cd.series_by(kaz, "sdg", "3.4", via_measures=True)}
    assert via > set(by_34)


def test_tagged_accepts_aliases_and_vocabulary_objects(kaz: cd.Dossier) -> None:
    """A query may name the vocabulary and the term by alias, or pass a Vocabulary."""
    by_alias = cd.tagged(kaz, "affected-persons", "Women & girls")
    groups = cd.vocabulary("groups-of-persons")
    assert by_alias == cd.tagged(kaz, groups, "women-and-girls")
    assert {o.id for o in by_alias} == {"m-action-plan-human-rights", "m-separation-of-detainees"}


def test_recommendation_theme_table_of_the_bundled_dossier(kaz: cd.Dossier) -> None:
    """One row per recommendation and theme; the five answered together stay untagged."""
    pytest.importorskip("pandas")
    table = cd.recommendation_theme_table(kaz)
    assert len(table) == 13
    untagged = table[table.term.isna()].paragraph.tolist()
    assert untagged == [11, 12, 13, 14, 15]
    row = table.set_index("paragraph").loc[28]
    assert (row.term, row.top_term, row.origin) == (
        "health-care-in-detention",
        "conditions-of-detention",
        "person",
    )
    assert row.measures == 13
    assert set(table.mechanism) == {"treaty-body"}
    articles = cd.recommendation_theme_table(kaz, "cat-articles")
    assert articles.dropna(subset=["term"]).term.tolist() == ["1", "4", "19"]
