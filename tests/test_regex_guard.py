"""The first-character guard changes how fast the reader's patterns run, never what they match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from catdomain import _regex

# A small grammar of the constructs the reader's patterns use.
_WORDS = st.sampled_from(["the", "The", "act", "Code", "plan", "an", "a", "law", "of", "No"])
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
_TEXTS = st.text(alphabet="theTHEactCodeplanlawofNo .,1\u00a0x\u0130\u017f\u212a", max_size=60)


def _same(pattern: str, flags: int, text: str) -> None:
    plain = re.compile(pattern, flags)
    guarded = _regex.compile(pattern, flags)
    assert [(m.span(), m.groups()) for m in guarded.finditer(text)] == [
        (m.span(), m.groups()) for m in plain.finditer(text)
    ]
    assert guarded.groups == plain.groups
    assert guarded.groupindex == plain.groupindex


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
