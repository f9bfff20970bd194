"""Reading legal instruments and provisions from reply texts, in many States' styles."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import catdomain as cd
from catdomain.reading.citations import find_instruments

K = cd.InstrumentKind


def kinds_and_titles(text: str) -> list[tuple[str, str | None]]:
    return [(i.kind.value, i.title) for i in find_instruments(text).instruments]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Article 146 of the Criminal Code of Georgia prohibits torture.",
            [("code", "Criminal Code of Georgia")],
        ),
        (
            "The Code of Administrative Offences was amended.",
            [("code", "Code of Administrative Offences")],
        ),
        (
            "under the Law on Prevention of Domestic Violence and the Law on Police",
            [("law", "Law on Prevention of Domestic Violence"), ("law", "Law on Police")],
        ),
        ("The Mental Health Act 2017 provides safeguards.", [("law", "Mental Health Act 2017")]),
        (
            "The Parliament passed the Age of Criminal Responsibility (Scotland) Act 2019.",
            [("law", "Age of Criminal Responsibility (Scotland) Act 2019")],
        ),
        ("the Prevention of Torture Act No. 5 of 2019", [("law", "Prevention of Torture Act")]),
        (
            "The Prevention of Torture Act, 2017 is in force.",
            [("law", "Prevention of Torture Act, 2017")],
        ),
        (
            "the Optional Protocol to the Convention against Torture was ratified",
            [("international-treaty", "Optional Protocol to the Convention against Torture")],
        ),
        (
            "in line with the Nelson Mandela Rules",
            [("international-standard", "Nelson Mandela Rules")],
        ),
        (
            "the National Action Plan for Human Rights 2022–2026 was adopted",
            [("action-plan", "National Action Plan for Human Rights")],
        ),
        (
            "the State Programme for the Development of the Penitentiary System",
            [("programme", "State Programme for the Development of the Penitentiary System")],
        ),
        (
            "the Constitution of the Republic of Uzbekistan guarantees",
            [("constitution", "Constitution")],
        ),
        (
            "a draft law on the prevention of torture was submitted to the Verkhovna Rada",
            [("bill", "draft law on the prevention of torture")],
        ),
        (
            "The Multisectoral Plan for the Advancement of Depatriarchalization 2021–2025 "
            "allocates 12 million bolivianos to these measures.",
            [("action-plan", "Multisectoral Plan for the Advancement of Depatriarchalization")],
        ),
    ],
)
def test_named_instruments_in_other_styles(text: str, expected: list[tuple[str, str]]) -> None:
    """Instruments are recognised by the form of their names, whatever the State."""
    found = kinds_and_titles(text)
    for item in expected:
        assert item in found, found


def test_numbered_acts_with_issuer_number_and_date() -> None:
    """ "Resolution No. 1204 of the Cabinet of Ministers of 12 March 2021" keeps number and date."""
    text = (
        "The procedure was approved by Cabinet of Ministers Resolution No. 1204 of 12 March "
        "2021. Decree No. UP-6012 of 22 June 2020 of the President adopted the strategy."
    )
    reading = find_instruments(text)
    issuances = [(i.number, str(i.date)) for inst in reading.instruments for i in inst.issuances]
    assert ("1204", "2021-03-12") in issuances
    assert ("UP-6012", "2020-06-22") in issuances


def test_joint_order_is_one_instrument_with_several_issuances() -> None:
    """A list of issuers with their numbers and dates is one instrument adopted jointly."""
    text = (
        "Joint rules were adopted (approved by orders of the Minister of Justice, No. 12 of "
        "3 May 2022, and the Chair of the State Security Service, No. 7 of 5 May 2022)."
    )
    reading = find_instruments(text)
    rules = reading.instruments[0]
    assert rules.kind is K.RULES
    assert [(i.issuer, i.number, str(i.date)) for i in rules.issuances] == [
        ("Ministry of Justice", "12", "2022-05-03"),
        ("State Security Service", "7", "2022-05-05"),
    ]


def test_provisions_attach_to_their_instrument() -> None:
    """Lists, parts and dotted numbers of provisions are read and attached."""
    text = (
        "Articles 10, 11 and 12 of the Penal Code were amended; see also article 143-1 of the "
        "Code of Criminal Procedure and paragraph 90.7.2 of the Rules on Detention."
    )
    reading = find_instruments(text)
    cited = {c.instrument: [str(p) for p in c.provisions] for c in reading.citations}
    assert cited["code:penal code"] == ["article 10", "article 11", "article 12"]
    assert cited["code:code of criminal procedure"] == ["article 143-1"]


def test_back_references_resolve_to_the_nearest_instrument_of_their_kind() -> None:
    """ "The Code" and "(Code, art. 5)" point to the code named last before them."""
    text = (
        "The Penal Code defines torture. The Code of Criminal Procedure governs arrest. "
        "Detainees may call a lawyer (Code, art. 5). The Code also provides for bail."
    )
    reading = find_instruments(text)
    back = [c for c in reading.citations if c.back_reference]
    assert [c.instrument for c in back] == ["code:code of criminal procedure"] * 2
    assert [str(p) for p in back[0].provisions] == ["article 5"]


def test_numbered_act_in_brackets_is_how_the_instrument_was_adopted() -> None:
    """ "the rules on X (Order No. 5 of 1 May 2020)" is one instrument with that issuance."""
    text = "The rules on visits to prisons (Ministry of Justice Order No. 5 of 1 May 2020) apply."
    reading = find_instruments(text)
    assert len(reading.instruments) == 1
    rules = reading.instruments[0]
    assert rules.title == "rules on visits to prisons"
    assert [(i.issuer, i.number) for i in rules.issuances] == [("Ministry of Justice", "5")]
    assert [c.role for c in reading.citations] == ["citation", "issuance"]


def test_plans_keep_their_period_and_parent() -> None:
    """A plan's period is read apart from its title, and what it implements is linked."""
    text = (
        "An action plan for the implementation of the national strategy on human rights for "
        "2021–2025 is being carried out."
    )
    reading = find_instruments(text)
    plan = next(i for i in reading.instruments if i.kind is K.ACTION_PLAN)
    assert plan.title == "action plan for the implementation"
    parent = reading.instrument(plan.part_of or "")
    assert parent.kind is K.POLICY_FRAMEWORK
    assert str(parent.period) == "2021/2025"


def test_words_that_look_like_instruments_are_not() -> None:
    """Phrases like "in order to", "the bill of indictment" or "the rule of law" are not cited."""
    text = (
        "In order to prevent torture, lawyers may file a defence against the bill of "
        "indictment; officers violating regulations on states of emergency were punished "
        "under the rule of law and public order."
    )
    assert find_instruments(text).instruments == ()


def test_seed_citations_against_the_curated_dossier() -> None:
    """On the seed, found citations overlap the curated ones: precision and recall ≥ 0.9."""
    sys.path.insert(0, str(Path(__file__).parents[1] / "curation"))
    try:
        import kaz_2024
    finally:
        sys.path.pop(0)
    spans = [span for _, span in sorted(kaz_2024.C.paragraphs.items())]
    reading = find_instruments(kaz_2024.TEXT, spans)
    got = [(c.start, c.end) for c in reading.citations if c.role == "citation"]
    gold = [(c.source.start, c.source.end) for c in kaz_2024.citations()]

    def hit(a: tuple[int, int], others: list[tuple[int, int]]) -> bool:
        return any(a[0] < b[1] and b[0] < a[1] for b in others)

    precision = sum(hit(g, gold) for g in got) / len(got)
    recall = sum(hit(g, got) for g in gold) / len(gold)
    assert precision >= 0.9, precision
    assert recall >= 0.9, recall


@given(st.text(max_size=300))
def test_quotes_equal_the_text_at_their_offsets(text: str) -> None:
    """Whatever the text, every citation quotes it exactly and nothing but TypeError escapes."""
    reading = find_instruments(text)
    for c in reading.citations:
        assert text[c.start : c.end] == c.quote


def test_non_text_is_refused() -> None:
    """Passing bytes is a TypeError with a clear message."""
    with pytest.raises(TypeError, match="needs a str"):
        find_instruments(b"Criminal Code")  # type: ignore[arg-type]


@pytest.mark.parametrize("word", ["disorder", "subprogramme", "bylaws"])
def test_a_head_word_inside_another_word_names_nothing(word: str) -> None:
    """ "order" in "disorder" is not an order: a lower-case head starts a word."""
    assert kinds_and_titles(f"The {word} on detention of 2021 was approved.") == []


@pytest.mark.parametrize("text", ["the Rule of Law", "the Academy of Law Enforcement Agencies"])
def test_a_name_ending_in_of_law_is_not_a_law(text: str) -> None:
    assert kinds_and_titles(f"Training on {text} was held.") == []


def test_numeric_dates_day_first() -> None:
    """ "Order No. 45 of 15.03.2023 of the Minister of Justice": date and issuer both read."""
    [order] = find_instruments("Order No. 45 of 15.03.2023 of the Minister of Justice").instruments
    [issued] = order.issuances
    assert (issued.issuer, issued.number, str(issued.date)) == (
        "Ministry of Justice",
        "45",
        "2023-03-15",
    )
    [order] = find_instruments("Order No. 45 of 31.02.2023").instruments
    assert order.issuances[0].date is None  # no such day


_LOWER_TOKENS = st.sampled_from(
    [
        "the", "The", "these", "a", "an", "new", "its", "special", "national", "Standard",
        "standards", "multi-sectoral", "cross-sectoral", "and", "or", "rules", "order",
        "orders", "plan", "Plans", "action plan", "road map", "bill of rights", "bill",
        "subrules", "programme", "program", "framework", "policy framework", "instructions",
        "Ministry", "2023", "on", "(", ")", ",", ".", "\u00a0", "  ", "\n",
    ]
)  # fmt: skip


@given(st.lists(_LOWER_TOKENS, max_size=40), st.integers(0, 5), st.integers(0, 5))
@example(["multi-sectoral", "standards"], 1, 0)  # the window starts inside a glued word
def test_lower_mentions_are_found_as_a_scan_of_the_whole_text_finds_them(
    tokens: list[str], cut_start: int, cut_end: int
) -> None:
    """Looking for a head first skips only text where no lower-case mention can start."""
    from catdomain.reading.citations import _LOWER, _lower_matches

    text = " ".join(tokens)
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    expected = [(m.span(), m.groupdict()) for m in _LOWER.finditer(text, start, end)]
    assert [(m.span(), m.groupdict()) for m in _lower_matches(text, start, end)] == expected


def test_lower_mentions_in_the_bundled_reply_are_those_of_a_whole_scan() -> None:
    from catdomain.reading.citations import _LOWER, _lower_matches

    text = cd.datasets.text()
    assert [m.span() for m in _lower_matches(text, 0, len(text))] == [
        m.span() for m in _LOWER.finditer(text)
    ]


_NUMBERED_TOKENS = st.sampled_from(
    [
        "the", "of", "and", "Ministry", "Minister", "Internal", "Affairs", "Health", "Alpha",
        "Beta", "Joint", "Presidential", "Government", "Procurator", "General", "General’s",
        "Procurator-General", "Prosecutor\u2011General", "Office", "Anti-Corruption",
        "Agency", "Committee", "Order", "orders", "Decree", "Law", "Acts", "Instruction",
        "Bill", "No.", "No", "No.5", "5", "HO-148-N", "194/2020", "12", "of", "dated", "on",
        "21 February 2023", "15.03.2023", "2023", "(", ")", ",", ".", "\u00a0", "  ", "\n",
        "x", "é", "_",
    ]
)  # fmt: skip


_LONGEST_ISSUER = "Ministry of the Alpha and Beta and Alpha and Beta and Alpha"


@given(st.lists(_NUMBERED_TOKENS, max_size=50), st.integers(0, 5), st.integers(0, 5))
@example([_LONGEST_ISSUER, "Order", "No.", "5"], 0, 0)  # the most blanks before "No"
@example(["Joint", "Order", "No.", "5", "Procurator-General", "Order", "No.", "6"], 2, 0)
def test_numbered_acts_are_found_as_a_scan_of_the_whole_text_finds_them(
    tokens: list[str], cut_start: int, cut_end: int
) -> None:
    """Looking for "No" first skips only text where no numbered act can start."""
    from catdomain.reading.citations import _NUMBERED, _numbered_matches

    text = " ".join(tokens)
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    expected = [(m.span(), m.groupdict()) for m in _NUMBERED.finditer(text, start, end)]
    assert [(m.span(), m.groupdict()) for m in _numbered_matches(text, start, end)] == expected


def test_the_longest_issuer_before_a_numbered_act_is_read_whole() -> None:
    from catdomain.reading.citations import _NUMBERED, _numbered_matches

    text = "See the Ministry of the Aa and Bb and Cc and Dd and Ee the Order No. 5 of 2023."
    [m] = _numbered_matches(text, 0, len(text))
    assert m.group("pre") == "Ministry of the Aa and Bb and Cc and Dd and Ee "
    assert [m.span()] == [x.span() for x in _NUMBERED.finditer(text)]


def test_back_references_are_looked_for_only_with_one_of_their_heads() -> None:

    from catdomain.reading.citations import _BACK, _BACK_HEADS

    for group in ("head", "head2"):
        heads = re.search(rf"\(\?P<{group}>([^)]*)\)", _BACK.pattern)
        assert heads is not None
        assert set(heads.group(1).split("|")) <= set(_BACK_HEADS)


def test_named_patterns_need_the_words_they_are_looked_for_with() -> None:
    """Every match of a named pattern holds one of the words that gate it, in every
    sample reply and in the bundled one (as written, and in capitals)."""
    from pathlib import Path

    from catdomain.reading.citations import _NAMED, _NEEDED

    texts = [cd.datasets.text()]
    texts += [
        p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("replies/*.txt"))
    ]
    texts += [t.upper() for t in texts]
    checked = 0
    for (pattern, _kind), needed in zip(_NAMED, _NEEDED, strict=True):
        if not needed:
            continue
        for text in texts:
            for m in pattern.finditer(text):
                assert any(word in m.group() for word in needed), (pattern.pattern, m.group())
                checked += 1
    assert checked > 20


@given(
    st.lists(
        st.sampled_from(["Act", "Action", "Law", "Lawyer", "Code", "Codes", "Rules", "Road", "x"]),
        max_size=12,
    ).map("".join),
    st.integers(0, 4),
)
def test_the_needed_words_of_a_paragraph_are_found_in_one_scan(text: str, cut: int) -> None:
    from catdomain.reading.citations import _ALL_NEEDED, _needed_present

    start = min(cut, len(text))
    assert _needed_present(text, start, len(text)) == {w for w in _ALL_NEEDED if w in text[start:]}


def test_acts_of_an_issuer_are_looked_for_only_with_their_heads() -> None:

    from catdomain.reading.citations import (
        _ACT_HEAD,
        _ACT_HEAD_STEMS,
        _ACT_OF_ISSUER,
        _ORDER_HEADS,
        _ORDER_ON_DATE,
    )

    assert _ACT_HEAD in _ACT_OF_ISSUER.pattern
    heads = re.findall(r"\[(\w)\w\](\w+?)s\?", _ACT_HEAD)
    assert len(heads) == _ACT_HEAD.count("|") + 1
    for _first, rest in heads:
        assert any(stem in rest for stem in _ACT_HEAD_STEMS), rest
    order_heads = re.search(r"\(\?P<head>([^)]*)\)", _ORDER_ON_DATE.pattern)
    assert order_heads is not None
    assert set(order_heads.group(1).split("|")) <= set(_ORDER_HEADS)
    assert all(any(stem in h for stem in _ACT_HEAD_STEMS) for h in _ORDER_HEADS)


@given(
    st.one_of(
        st.builds(
            lambda day, sep, month, sep2, year: f"{day}{sep}{month}{sep2}{year}",
            st.sampled_from(["", "0", "1", "01", "09", "29", "30", "31", "32", "00"]),
            st.sampled_from([" ", "\u00a0", "  ", ""]),
            st.sampled_from(["January", "February", "June", "may", "Sept", "December"]),
            st.sampled_from([" ", "\u00a0 ", ""]),
            st.sampled_from(["2023", "2024", "1900", "0000", "0001", "9999", "23"]),
        ),
        st.text(alphabet="0123456789 May", max_size=12),  # no dots: day-first dates differ
    )
)
def test_dates_of_acts_read_as_parse_date_reads_them(text: str) -> None:
    """The shapes read directly give what the date grammar gives."""
    from catdomain._dates import parse_date
    from catdomain.exceptions import ParseError
    from catdomain.reading.citations import _date

    try:
        expected = parse_date(text.replace("\u00a0", " ")) if text else None
    except ParseError:
        expected = None
    assert _date(text) == expected


_STOP_TOKENS = st.sampled_from(
    [
        "No.", "Nos.", "art.", "arts.", "para.", "paras.", "i.e.", "e.g.", "St.", "Mr.", "Ms.",
        "Dr.", "vol.", "pp.", "A.", "Z.", "a.", "end.", "No;", "art?", "vol!", "word", " ",
        "\u00a0", "\n", "xNo.", "1.", "No.5", "(", ";",
    ]
)  # fmt: skip


@given(st.lists(_STOP_TOKENS, max_size=14))
def test_sentence_ends_are_the_stops_after_no_abbreviation(tokens: list[str]) -> None:
    """The look-behinds grouped by length find what one look-behind per word found."""
    from catdomain.reading import citations, measures

    text = "".join(tokens)
    words = ["No", "Nos", "art", "arts", "para", "paras", r"i\.e", r"e\.g", "vol", "Mr", "Ms"]
    words += ["Dr", "St"]
    one_each = "".join(rf"(?<!\b{w}[.;!?])" for w in words)
    expected = re.compile(rf"[.;!?]{one_each}(?=[ \u00a0\n]|$)")
    assert [m.span() for m in citations._SENTENCE_END.finditer(text)] == [
        m.span() for m in expected.finditer(text)
    ]
    one_each = "".join(rf"(?<!\b{w}[.!?])" for w in [*words, "pp", "[A-Z]"])
    expected = re.compile(rf"[.!?]{one_each}(?=[\s\u00a0]|$)")
    assert [m.span() for m in measures._SENTENCE_END.finditer(text)] == [
        m.span() for m in expected.finditer(text)
    ]


@given(
    st.lists(
        st.sampled_from(
            ["article", "art.", "Articles", "para.", " ", "\u00a0", "١٢", "12", "x", ","]
        ),
        max_size=12,
    ).map("".join)
)
def test_provisions_are_looked_for_in_every_paragraph_with_a_digit(text: str) -> None:
    """The digit gate never skips a paragraph holding a provision (any digit counts)."""
    from catdomain.reading.citations import _DIGIT, _PROVISION

    if _PROVISION.search(text) is not None:
        assert _DIGIT.search(text) is not None


_NAME_TOKENS = st.sampled_from(
    [
        "the", "The", "of", "for", "and", "national", "preventive", "mechanism", "military",
        "police", "courts", "Ministry", "Minister", "Internal", "Affairs", "Health", "Office",
        "Procurator", "General", "General’s", "Prosecutor-General", "Anti-Corruption",
        "pre-Ministry", "Agency", "Committee", "SubCommittee", "Council", "Europe", "Supreme",
        "Court", "Government", "Decision", "President", "President’s", "Parliament",
        "Secretary", "State", "Home", "National", "Assembly", "Human", "Rights",
        "Commissioner", "Ombudsman", "Public", "Defender", "Academy", "Centre", "Institute",
        "Order", "No", "2023", "A" * 70, "(", ")", ",", ".", "\u00a0", "  ", "\n", "-",
    ]
)  # fmt: skip


@given(st.lists(_NAME_TOKENS, max_size=40), st.integers(0, 5), st.integers(0, 5))
@example(["pre-Ministry", "Agency"], 0, 0)  # a name starts inside a word glued by a hyphen
def test_authorities_are_found_as_a_scan_of_the_whole_text_finds_them(
    tokens: list[str], cut_start: int, cut_end: int
) -> None:
    """Looking for a key word first skips only text where no authority's name can start."""
    from catdomain.reading._authorities import _AUTHORITY, _authority_matches

    text = " ".join(tokens)
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    expected = [m.span() for m in _AUTHORITY.finditer(text, start, end)]
    assert [m.span() for m in _authority_matches(text, start, end)] == expected


def test_every_authority_pattern_holds_a_key_word_after_name_words_only() -> None:
    """The names the patterns match in the sample replies all hold a key word, with
    only the words `_name_begin` walks over before the first one."""
    from catdomain.reading._authorities import _AUTHORITY, _KEY, _name_begin

    replies = Path(__file__).parent / "replies"
    texts = [cd.datasets.text(), *(p.read_text(encoding="utf-8") for p in replies.glob("*.txt"))]
    for text in texts:
        for m in _AUTHORITY.finditer(text):
            key = _KEY.search(text, m.start(), m.end())
            assert key is not None, m.group()
            assert _name_begin(text, m.start(), key.start()) == m.start(), m.group()


@given(st.text(alphabet="a \u00a0\t\n-", max_size=40))
def test_names_are_single_spaced_as_the_blank_runs_pattern_makes_them(text: str) -> None:
    from catdomain.reading._scan import single_spaced

    assert single_spaced(text) == re.sub(r"[ \u00a0]+", " ", text)
