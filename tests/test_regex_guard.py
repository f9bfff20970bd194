"""The first-character guard and the word filter change how fast the reader's patterns run,
never what they match."""

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
    return st.one_of(_WORDS, _CLASSES, st.just(r"\b"), st.just(r"(?<!\w)"), st.just(r"(?!x)"))


_PATTERNS = st.recursive(
    _atoms(),
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4).map("".join),
        st.lists(inner, min_size=2, max_size=4).map(lambda xs: "(?:" + "|".join(xs) + ")"),
        inner.map(lambda x: f"(?:{x})?"),
        inner.map(lambda x: f"(?:{x})*"),
        inner.map(lambda x: f"(?:{x})+"),
        inner.map(lambda x: f"(?:{x}){{1,3}}"),
        inner.map(lambda x: f"({x})"),
        inner.map(lambda x: f"(?-i:{x})"),
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
    guarded = _regex.compile(pattern, flags)
    assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)
    ]
    assert guarded.groups == plain.groups
    assert guarded.groupindex == plain.groupindex
    # The word filter answers every method, and windows of the text, alike.
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
    assert _regex.first_chars(r"(?i:a)b") is None  # widens case outside IGNORECASE
    assert _regex.first_chars(r"abc") is None  # the engine skips ahead by itself
    assert _regex.first_chars(r"(") is None  # not a pattern: re.compile reports it
    with pytest.raises(re.error):
        _regex.compile(r"(")


def test_needed_words_are_read_from_the_pattern() -> None:
    assert _regex.needed_words(r"\b(?:has|have)\s+been\s+(?:adopted|approved)\b") == {
        "adopted",
        "approved",
    }
    assert _regex.needed_words(r"\bplans?\b") == {"plan", "plans"}
    assert _regex.needed_words(r"(?i)Seminar") == {"seminar"}
    assert _regex.needed_words(r"Code|\d+") is None  # one alternative needs no word
    assert _regex.needed_words(r"\b(?:is|are)\b") is None  # too short to be selective
    assert _regex.needed_words(r"(?:Code)?") is None  # may match the empty string
    assert _regex.needed_words(r"(?=Code)\w+") is None  # a lookahead's words are not consumed
    assert _regex.needed_words(r"(") is None
    assert _regex.compile(r"\b(?:is|are)\b").words == ()


def test_the_fold_covers_every_character_case_insensitive_matching_takes_for_a_letter() -> None:
    """Every character that an ASCII letter matches ignoring case is that letter once
    folded and lowered, and no character changes length: the filter never misses."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in letters:
        for char in re.findall(letter, every, re.IGNORECASE):
            assert _regex._lower(char) == letter, (letter, hex(ord(char)))
    lowered = _regex._lower(every)
    assert len(lowered) == len(every)
