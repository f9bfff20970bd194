"""Telling the engine where a match can start changes how fast the reader's patterns run,
never what they match: with the start set in the info block, and with the lookahead guard
used where that cannot be done."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catdomain import _regex

# A small grammar of the constructs the reader's patterns use.
_WORDS = st.sampled_from(
    ["the", "The", "act", "Code", "plan", "an", "a", "law", "of", "No", "Seminar", "kiss", "Issued"]
)
_CLASSES = st.sampled_from([r"[A-Z]", r"[aeiou]", r"\d", r"\w", r"\s", r"[ \u00a0]", r"[.,]"])


def _atoms() -> st.SearchStrategy[str]:
    return st.one_of(
        _WORDS, _CLASSES, st.just(r"\b"), st.just(r"(?<!\w)"), st.just(r"(?!x)"), st.just("^")
    )


# Unbounded repeats apply to atoms only: a repeat nested in another can backtrack
# exponentially in Python's engine itself, plain or guarded, which is not what these
# tests are about (the readers' own worst cases are in the adversarial benchmarks).
_PATTERNS = st.recursive(
    _atoms(),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4).map("".join),
        st.lists(inner, min_size=2, max_size=4).map(lambda xs: "(?:" + "|".join(xs) + ")"),
        inner.map(lambda x: f"(?:{x})?"),
        _atoms().map(lambda x: f"(?:{x})*"),
        _atoms().map(lambda x: f"(?:{x})+"),
        inner.map(lambda x: f"(?:{x}){{1,3}}"),
        inner.map(lambda x: f"({x})"),
        inner.map(lambda x: f"(?-i:{x})"),
        inner.map(lambda x: f"(?i:{x})"),
    ),
    max_leaves=6,
)
_TEXTS = st.one_of(
    st.text(alphabet="theTHEactCodeplanlawofNo .,1\u00a0x\u0130\u0131\u017f\u212a", max_size=60),
    st.lists(
        st.sampled_from(
            [
                "the ",
                "Code",
                "plan ",
                "Seminar",
                "SEMINAR",
                "\u017feminar",
                "ki\u017f\u017f",
                "KI\u0130SS",
                "k\u0131ss",
                "\u212aiss",
                "Issued",
                "\u0131ssued",
                " ",
                ".",
                "1",
            ]
        ),
        max_size=12,
    ).map("".join),
)


def _same(pattern: str, flags: int, text: str) -> None:
    plain = re.compile(pattern, flags)
    for guarded in (_regex.compile(pattern, flags), _lookahead_guarded(pattern, flags)):
        _same_answers(guarded, plain, text)


def _lookahead_guarded(pattern: str, flags: int) -> re.Pattern[str]:
    """The pattern compiled as on a Python where start sets cannot be used."""
    works = _regex._START_SET_WORKS
    _regex._START_SET_WORKS = False
    try:
        return _regex.compile(pattern, flags)
    finally:
        _regex._START_SET_WORKS = works


def _same_answers(guarded: re.Pattern[str], plain: re.Pattern[str], text: str) -> None:
    assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)
    ]
    assert guarded.groups == plain.groups
    assert guarded.groupindex == plain.groupindex
    # Every method, and windows of the text, alike.
    assert _spans(guarded.search(text)) == _spans(plain.search(text))
    for pos, endpos in ((1, len(text)), (0, len(text) // 2), (2, len(text) - 1), (-3, 10**6)):
        assert _spans(guarded.search(text, pos, endpos)) == _spans(plain.search(text, pos, endpos))
        assert [m.span() for m in guarded.finditer(text, pos, endpos)] == [
            m.span() for m in plain.finditer(text, pos, endpos)
        ]
    assert guarded.findall(text) == plain.findall(text)
    assert guarded.sub("<>", text) == plain.sub("<>", text)
    assert guarded.subn("<>", text, 1) == plain.subn("<>", text, 1)
    assert guarded.split(text) == plain.split(text)
    assert _spans(guarded.match(text)) == _spans(plain.match(text))
    assert _spans(guarded.fullmatch(text)) == _spans(plain.fullmatch(text))


def _spans(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


@given(_PATTERNS, st.sampled_from([0, re.IGNORECASE]), _TEXTS)
def test_guarded_patterns_match_exactly_where_plain_ones_do(
    pattern: str, flags: int, text: str
) -> None:
    _same(pattern, flags, text)


@given(st.lists(_PATTERNS, min_size=2, max_size=3), _TEXTS)
def test_top_level_alternatives_all_keep_the_guard(patterns: list[str], text: str) -> None:
    _same("|".join(patterns), re.IGNORECASE, text)


@pytest.mark.parametrize(
    ("pattern", "flags", "text"),
    [
        (r"(?i)\b(?:the\s+)?ministry", 0, "THE Ministry; the ministry"),
        (r"(?ix)\b(?:the\s+)? ministry  # a comment", 0, "THE Ministry"),
        (r"\b(?:the\s+)? ministry  # a comment", re.VERBOSE, "the ministry"),
        (r"(?:(?-i:May)|june)\s+\d{4}", re.IGNORECASE, "may 2023, MAY 2023, May 2023, JUNE 2024"),
        (r"(?:(?i:may)|June)\s+\d{4}", 0, "may 2023, MAY 2023, june 2024"),
        (r"\bseminars?\b", re.IGNORECASE, "\u017feminars, \u212aseminar, SEMINAR"),
        (r"(?:a|b)?c", 0, "c ac bc"),
        (r"\b(?:x|y)*", 0, "xy z"),
        (r"cat|dog", 0, "hotdog cat"),
        (r"\bseminars?\b", re.IGNORECASE, "\u017fEMINAR"),
        (r"\b(?:kiss|issued)\b", re.IGNORECASE, "KI\u017f\u017f, \u0131ssued, \u0130SSUED"),
        (r"(?i:issued)", 0, "\u0130ssued " * 2000),  # a long text: no filter, same answer
        (r"\bplans?\s+to\b", 0, "Plan to plans to"),
    ],
)
def test_flags_comments_and_empty_matches(pattern: str, flags: int, text: str) -> None:
    _same(pattern, flags, text)


def test_first_chars_reports_what_it_cannot_know() -> None:
    assert _regex.first_chars(r"\b(?:Code|Act)") is not None
    assert _regex.first_chars(r"(?:a)?") is None  # may match the empty string
    assert _regex.first_chars(r".x") is None  # any character
    assert _regex.first_chars(r"\b[^x]y") is None  # a negated class
    assert _regex.first_chars(r"abc") is None  # the engine skips ahead by itself
    assert _regex.first_chars(r"(") is None  # not a pattern: re.compile reports it
    with pytest.raises(re.error):
        _regex.compile(r"(")


def test_start_sets_follow_scoped_case_flags() -> None:
    """Case is ignored where the flags in force say so, group by group."""
    assert _regex.first_chars(r"(?i:a)b") == "[\\U00000041\\U00000061]"
    months = _regex.first_chars(r"(?-i:May|June)\s+\d{4}|\d{4}", re.IGNORECASE)
    assert months is not None
    assert [c for c in "MJ7mj" if re.fullmatch(months, c)] == ["M", "J", "7"]
    assert _regex.first_chars(r"(?-i:(?i:k)x)", re.IGNORECASE) == (
        "[\\U0000004b\\U0000006b\\U0000212a]"
    )


def test_patterns_anchored_at_the_start_are_compiled_as_written() -> None:
    """The engine tries "^…" at the search's start only; a start set would try it everywhere."""
    for pattern in (r"^(?:In|As)\s+part", r"\A(?:In|As)\b", r"(?m)^(?:In|As)"):
        compiled = _regex.compile(pattern, re.IGNORECASE)
        assert compiled.pattern == pattern
        assert _regex.first_chars(pattern) is None
        assert compiled.search("As part of it") is not None
        assert compiled.search(" As part") is None or pattern.startswith("(?m)")


def test_start_sets_are_used_on_this_python() -> None:
    """The info block is a CPython internal: if this fails, a new Python compiles it
    differently, and the reader falls back to the (slower) lookahead guard."""
    assert _regex._START_SET_WORKS
    plain = r"\b(?:the\s+)?Ministry"
    assert _regex.compile(plain).pattern == plain  # no guard written in front
    assert _regex.compile(plain, re.IGNORECASE).pattern == plain


def test_case_insensitive_start_sets_hold_every_case_of_a_letter() -> None:
    """Every character an ASCII letter matches ignoring case is in its start set."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        found = {chr(av) for _, av in _regex._ignoring_case({(re._constants.LITERAL, ord(letter))})}
        assert set(re.findall(letter, every, re.IGNORECASE)) <= found, letter


@given(_PATTERNS, _TEXTS)
def test_presence_tests_answer_as_a_search_does(pattern: str, text: str) -> None:
    for flags in (re.IGNORECASE, 0):
        expected = re.compile(pattern, flags).search(text) is not None
        assert _regex.compile_test(pattern, flags)(text) is expected


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\b(?:has|have)\s+been\s+(?:adopted|approved)\b", "It HAS Been Approved"),
        (r"\bseminars?\b", "\u017fEMINARS"),
        (r"\bkiss\b|\bissued\b", "\u212aI\u017f\u017f; \u0130SSUED; \u0131ssued"),
        (r"[A-Z]{2}\d", "ab1"),
        (r"[^a-z]\d", "\u0131" + "1"),
        (r"[^a-z]\d", "\u00e91"),
        (r"(?-i:Code)\s+of", "code of; Code OF"),  # a part keeps case: the pattern runs
        (r"(a)\1", "aA"),  # a back-reference: the pattern runs
        (r"\u00e9t\u00e9", "\u00c9T\u00c9"),  # a letter outside ASCII: the pattern runs
    ],
)
def test_presence_tests_fold_case_as_the_engine_does(pattern: str, text: str) -> None:
    expected = re.compile(pattern, re.IGNORECASE).search(text) is not None
    assert _regex.compile_test(pattern, re.IGNORECASE)(text) is expected


def test_lower_case_copies_are_used_where_they_mean_the_same() -> None:
    assert _regex._LOWER_COPY_WORKS
    copy = _regex._lower_copy(r"\b(?:has|have)\s+been\s+(?:adopted|approved)\b", re.IGNORECASE)
    assert copy is not None
    assert copy[1] == ("adopted", "approved")  # every match holds one of them
    assert _regex._lower_copy(r"(?-i:Code)", re.IGNORECASE) is None
    assert _regex._lower_copy(r"(a)\1", re.IGNORECASE) is None
    assert _regex._lower_copy(r"\u00e9t\u00e9", re.IGNORECASE) is None
    assert _regex._lower_copy(r"Code", 0) is None  # not case-insensitive: nothing to copy


def test_folding_maps_every_character_the_engine_takes_for_an_ascii_letter() -> None:
    """A character reads as an ASCII letter in the folded text exactly where the engine,
    ignoring case, takes it for that letter."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = _regex._folded(every)
    assert len(folded) == len(every)
    letters = set("abcdefghijklmnopqrstuvwxyz")
    for char, low in zip(every, folded, strict=True):
        engine = re.fullmatch("[a-z]", char, re.IGNORECASE)
        assert (low in letters) is (engine is not None), hex(ord(char))
        if engine is not None:
            assert re.fullmatch(low, char, re.IGNORECASE), hex(ord(char))


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\bkiss\b", "KI\u017f\u017f"),  # ignoring case: the long s is an s
        (r"(?i:kiss)", "KI\u017f\u017f"),  # ignoring case in a part only
        (r"\b(?:the|a) Code of", "the Code of"),
        (r"\b(?:the|a) Code of", "THE CODE OF"),
        (r"\b(?:the|a) Code of", "the Act"),
    ],
)
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_words_tests_never_refuse_a_text_the_pattern_matches(
    pattern: str, text: str, flags: int
) -> None:
    compiled = re.compile(pattern, flags)
    if compiled.search(text) is not None:
        assert _regex.words_test(compiled)(text)


@given(_PATTERNS, _TEXTS)
def test_words_tests_answer_yes_wherever_the_pattern_matches(pattern: str, text: str) -> None:
    for flags in (re.IGNORECASE, 0):
        compiled = re.compile(pattern, flags)
        if compiled.search(text) is not None:
            assert _regex.words_test(compiled)(text)


# Texts for the gates: tokens cut by every kind of whitespace Python splits at, and
# the rules' words glued to others ("Codeplan"), so that a word inside a token counts.
_GATE_TEXTS = st.lists(
    st.one_of(
        _TEXTS,
        st.sampled_from(["\t", "\n", "\x0b", "\x1c", "\x85", "\u2028", "\u3000", "\u00a0"]),
        st.sampled_from(["Codeplan", "xkissx", "(Issued)", "outlaw", "xthe", "the" * 30]),
    ),
    max_size=6,
).map("".join)


def _first_by_hand(patterns: list[str], flags: int, text: str) -> int | None:
    return next(
        (i for i, p in enumerate(patterns) if re.compile(p, flags).search(text) is not None),
        None,
    )


@given(st.lists(_PATTERNS, min_size=1, max_size=5), st.lists(_GATE_TEXTS, max_size=4))
def test_the_first_rule_that_matches_is_the_one_found_by_trying_each(
    patterns: list[str], texts: list[str]
) -> None:
    """The gate only skips rules that cannot match; the tokens it has met (it remembers
    them from text to text) change nothing."""
    for flags in (re.IGNORECASE, 0):
        first = _regex.compile_first(patterns, flags)
        for text in texts + texts[::-1]:
            assert first(text) == _first_by_hand(patterns, flags, text)


@given(st.lists(_PATTERNS, min_size=1, max_size=4), st.lists(_GATE_TEXTS, max_size=6))
def test_gates_answer_alike_after_forgetting_what_they_met(
    patterns: list[str], texts: list[str]
) -> None:
    """A gate that has met more tokens than it keeps starts again; tokens longer than it
    looks into open every rule."""
    first = _regex.compile_first(patterns, re.IGNORECASE)
    works = (_regex._MAX_KNOWN, _regex._MAX_TOKEN)
    _regex._MAX_KNOWN, _regex._MAX_TOKEN = 3, 5  # type: ignore[misc]
    try:
        for text in texts:
            assert first(text) == _first_by_hand(patterns, re.IGNORECASE, text)
    finally:
        _regex._MAX_KNOWN, _regex._MAX_TOKEN = works  # type: ignore[misc]


def test_gates_skip_rules_whose_words_are_missing() -> None:
    gate = _regex._Gate([("adopted", "approved"), None, ("plan",)])
    assert gate("it was adopted as planned.") == 0b111
    assert gate("it was approved") == 0b011
    assert gate("nothing of the kind") == 0b010  # the rule without words is always tried
    assert gate("(explanation)") == 0b110  # a word inside a token, at its end, counts
    assert _regex._Gate([("law",)])("an outlaw") == 1
    assert gate("none " + "x" * (_regex._MAX_TOKEN + 1)) == 0b111  # a long token: all
    parse = _regex._p.parse
    assert _regex._gate_words(parse(r"\bhas\s+been\s+(?:adopted|approved)\b")) == (
        "adopted",
        "approved",
    )
    assert _regex._gate_words(parse(r"\bis\b")) is None  # too short to index
    assert _regex._gate_words(parse(r"road map")) is None  # holds whitespace


def test_a_full_gate_starts_again_without_losing_the_tokens_of_the_text() -> None:
    gate = _regex._Gate([("plan",), ("code",)])
    known = _regex._MAX_KNOWN
    _regex._MAX_KNOWN = 3  # type: ignore[misc]
    try:
        assert gate("the plan") == 0b01
        assert gate("the plan and its code") == 0b11  # five tokens: the table starts again
        assert gate("a plan") == 0b01
    finally:
        _regex._MAX_KNOWN = known  # type: ignore[misc]


def test_every_measure_rule_has_a_gate() -> None:
    """Each of the measure rules' words is known, so that a sentence is searched only
    by the rules whose words it holds (a rule without them would be tried on every
    sentence: slower, not wrong)."""
    from catdomain.reading import measures

    for pattern, _ in [*measures._STATUS_RULES, *measures._KIND_RULES]:
        copy = _regex._lower_copy(pattern, re.IGNORECASE)
        assert copy is not None, pattern[:60]
        assert copy[1] is not None, pattern[:60]
