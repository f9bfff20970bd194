"""Compiling the reader's patterns with a first-character guard.

Python's regular-expression engine tries a pattern at every position of the
text. When a pattern starts with a literal or a character class, it first
skips ahead to a position holding one of those characters; when it starts with
an alternation of words, an optional group or a word boundary, it runs the
whole pattern at each position instead, and most of the reader's patterns
start that way ("(?:the )?Ministry of …", "\\b(?:is|are) being …").

[compile][catdomain._regex.compile] reads which characters a match can
start with from the parsed pattern and puts a lookahead for them in front:
``(?=[MOPmt…])``. The lookahead fails at once where no match can start, so the
pattern matches exactly where it did before, several times faster on prose.
Where the first characters cannot be known (a pattern that may match the empty
string, ``.``, a negated class, a back-reference, a scoped flag), the pattern
is compiled as written.

The reader also tries its patterns on many sentences that cannot hold a match:
a rule for "has been adopted | was approved | …" on a sentence with none of
those words. [compile][catdomain._regex.compile] reads from the parsed pattern
a set of words of which every match must contain one (``{"adopted",
"approved", …}``) and, where that set is selective, returns a
[Pattern][catdomain._regex.Pattern] that looks for them with ``str``'s
substring search (in C, far faster than running the pattern) before it runs
the pattern. The words are compared in lower case, with the few characters
Python's case-insensitive matching treats as another ASCII letter ("İ", "ı",
"ſ") folded first, so that a word is never missed where the pattern would match.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any, Final, Protocol, TypeAlias

__all__ = ["Pattern", "compile", "first_chars", "needed_words"]

_CATEGORY = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = frozenset({_c.AT, _c.ASSERT, _c.ASSERT_NOT})
_REPEATS = frozenset(
    op
    for op in (
        _c.MAX_REPEAT,
        _c.MIN_REPEAT,
        getattr(_c, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
)
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


class _UnknownStartError(Exception):
    """The first characters of a pattern cannot be listed."""


def _char(code: int) -> str:
    return f"\\U{code:08x}"


_Item: TypeAlias = tuple[Any, Any]
"""A parsed class item: (LITERAL, code), (RANGE, (low, high)) or (CATEGORY, name)."""


def _class_items(items: list[_Item]) -> set[_Item]:
    out: set[_Item] = set()
    for op, av in items:
        if op is _c.LITERAL or (op is _c.CATEGORY and av in _CATEGORY):
            out.add((op, av))
        elif op is _c.RANGE:
            out.add((op, tuple(av)))
        else:
            raise _UnknownStartError
    return out


def _first(seq: Any, flags: int) -> tuple[set[_Item], bool]:
    """The items a match of `seq` can start with, and whether it can match empty."""
    items: set[_Item] = set()
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            items.add((op, av))
            return items, False
        if op is _c.IN:
            items |= _class_items(av)
            return items, False
        if op is _c.BRANCH:
            nullable = False
            for alternative in av[1]:
                alt_items, alt_nullable = _first(alternative, flags)
                items |= alt_items
                nullable = nullable or alt_nullable
        elif op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            # The guard is compiled with the outer flags. Removing a flag inside
            # ("(?-i:May)") only makes the guard more permissive; adding one is
            # safe unless it widens what a character matches (case, Unicode).
            if add_flags & ~(
                flags
                | _c.SRE_FLAG_MULTILINE
                | _c.SRE_FLAG_DOTALL
                | _c.SRE_FLAG_VERBOSE
                | _c.SRE_FLAG_ASCII
            ):
                raise _UnknownStartError
            sub_items, nullable = _first(sub, flags)
            items |= sub_items
        elif op in _REPEATS:
            low, _high, sub = av
            sub_items, sub_nullable = _first(sub, flags)
            items |= sub_items
            nullable = low == 0 or sub_nullable
        elif _ATOMIC is not None and op is _ATOMIC:
            sub_items, nullable = _first(av, flags)
            items |= sub_items
        else:
            raise _UnknownStartError
        if not nullable:
            return items, False
    return items, True


def _class_text(items: set[_Item]) -> str:
    """The items as the text of a character class."""
    parts = []
    for op, av in items:
        if op is _c.LITERAL:
            parts.append(_char(av))
        elif op is _c.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        else:
            parts.append(_CATEGORY[av])
    return "[" + "".join(sorted(parts)) + "]"


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class of the characters a match of `pattern` can start with.

    None where they cannot be listed, or where the engine already skips ahead
    by itself (the pattern starts with a literal or a class).

    Example:
        >>> from catdomain._regex import first_chars
        >>> re.fullmatch(first_chars(r"\\b(?:the )?(?:Ministry|Office)"), "M") is not None
        True
        >>> first_chars(r"(?:a|b)?") is None  # may match the empty string
        True
    """
    return _analyse(pattern, flags)[0]


def _analyse(pattern: str, flags: int) -> tuple[str | None, int]:
    """The first-character class of `pattern` (or None) and its flags as parsed: those
    given plus inline global ones ("(?ix)…")."""
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None, flags
    found_flags: int = parsed.state.flags
    data = list(parsed)
    if data and data[0][0] in (_c.LITERAL, _c.IN):
        return None, found_flags
    items = _start_items(data, found_flags)
    return (None if items is None else _class_text(items)), found_flags


def _start_items(data: Any, flags: int) -> set[_Item] | None:
    try:
        items, nullable = _first(data, flags)
    except _UnknownStartError:
        return None
    if nullable or not items:
        return None
    return items


def _guarded(pattern: str, flags: int) -> re.Pattern[str]:
    """The pattern compiled so that the engine skips, in C, to where a match can start."""
    fast = _with_start_set(pattern, flags)
    if fast is not None:
        return fast
    # Inline global flags ("(?ix)…") must stay first: the guard goes after them.
    lead = _GLOBAL_FLAGS.match(pattern)
    head, body = (pattern[: lead.end()], pattern[lead.end() :]) if lead else ("", pattern)
    guard, parsed_flags = _analyse(pattern, flags)
    if guard is None:
        return re.compile(pattern, flags)
    # A group around the pattern keeps the guard on every top-level alternative; in
    # verbose mode a newline ends a trailing comment before the group closes.
    close = "\n)" if parsed_flags & re.VERBOSE else ")"
    return re.compile(f"{head}(?={guard})(?:{body}{close}", flags)


# ------------------------------------------------------- the engine's start set
#
# Python's engine keeps, in front of a compiled pattern, an "info" block that may
# hold the set of characters every match starts with; its search then runs a
# tight loop in C to the next such character (some 2 ns a character) instead of
# trying the pattern at every position (some 10 ns even when a lookahead guard
# fails at once). The compiler fills the set only when the pattern starts with a
# class or a literal, and never for a case-insensitive pattern; the start
# characters read above are a sound set in every case. `_with_start_set` compiles
# the pattern with Python's own compiler and puts that set in the info block.
# These are CPython internals: the result is checked against the plain pattern
# when this module is imported, and any difference or error falls back to the
# lookahead guard, so a Python whose internals differ is only slower.

try:
    import _sre  # type: ignore[import-not-found]
    from re import _compiler as _k  # type: ignore[attr-defined]

    _INFO: Any = _c.INFO
    _FAST_INFO: int = _c.SRE_INFO_PREFIX | _c.SRE_INFO_CHARSET
    _CHARSET_INFO: int = _c.SRE_INFO_CHARSET
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _k = None

_SAME_UNDER_CASE: Final = {
    "i": "iI\u0130\u0131",
    "k": "kK\u212a",
    "s": "sS\u017f",
}
"""The characters an ASCII letter matches ignoring case, where they are more than two."""
_MAX_RANGE: Final = 512


def _ignoring_case(items: set[_Item]) -> set[_Item]:
    """`items` with every character that matches one of them ignoring case."""
    out: set[_Item] = set()
    for op, av in items:
        out.add((op, av))
        if op is _c.CATEGORY:
            continue
        low, high = (av, av) if op is _c.LITERAL else av
        if high - low > _MAX_RANGE:
            raise _UnknownStartError
        for code in range(low, high + 1):
            char = chr(code)
            if code < 128:
                if char.isalpha():
                    same = _SAME_UNDER_CASE.get(char.lower(), char.lower() + char.upper())
                    out.update((_c.LITERAL, ord(x)) for x in same)
            elif _sre.unicode_iscased(code):
                raise _UnknownStartError
    return out


def _with_start_set(pattern: str, flags: int) -> re.Pattern[str] | None:
    """`pattern` compiled with its start characters in the engine's info block, or None."""
    if _k is None or not _START_SET_WORKS:
        return None
    try:
        parsed = _p.parse(pattern, flags)
        all_flags = flags | parsed.state.flags
        items = _start_items(list(parsed), parsed.state.flags)
        if items is None:
            return None
        code = _k._code(parsed, flags)
        if code[0] != _INFO or code[2] & _FAST_INFO or code[3] == 0:
            return None  # no info block, the engine skips by itself, or it may be empty
        if all_flags & re.IGNORECASE:
            items = _ignoring_case(items)
        charset, _cased = _k._optimize_charset(sorted(items))
        charset_code: list[int] = []
        _k._compile_charset(charset, all_flags, charset_code)
        info = [_INFO, 0, code[2] | _CHARSET_INFO, code[3], code[4], *charset_code]
        info[1] = len(info) - 1
        groups = parsed.state.groupdict
        names: list[str | None] = [None] * parsed.state.groups
        for name, number in groups.items():
            names[number] = name
        compiled: re.Pattern[str] = _sre.compile(
            pattern,
            all_flags,
            info + code[1 + code[1] :],
            parsed.state.groups - 1,
            groups,
            tuple(names),
        )
    except _UnknownStartError:
        return None
    except Exception:  # CPython internals changed: fall back
        return None
    return compiled


def _check_start_set() -> bool:
    """Whether start sets work on this Python: the same matches as the plain pattern."""
    checks = (
        (r"\b(?:the\s+)?(?P<body>Ministry|Office)\b", 0, "the Office; Ministry, theMinistry"),
        (r"\b(?:has|have)\s+been\b", re.IGNORECASE, "It HAS been; have  been; haveabeen"),
        (r"(?:\d+\s)?(?:cases|KISS)", re.IGNORECASE, "12 Cases, ki\u017f\u017f \u212aiss"),
    )
    try:
        for pattern, flags, text in checks:
            fast = _with_start_set(pattern, flags)
            plain = re.compile(pattern, flags)
            if fast is None or [(m.span(), m.groups()) for m in fast.finditer(text)] != [
                (m.span(), m.groups()) for m in plain.finditer(text)
            ]:
                return False
    except Exception:  # CPython internals changed: fall back
        return False
    return True


_START_SET_WORKS = True
_START_SET_WORKS = _check_start_set()


def compile(pattern: str, flags: int = 0) -> Pattern:
    """`re.compile` with a first-character guard and a word filter: same matches, less work.

    Example:
        >>> from catdomain import _regex
        >>> p = _regex.compile(r"\\b(?:the[ ]+)?(?:Supreme|Military)[ ]+Court\\b")
        >>> p.search("appeal to the Supreme Court").group()
        'the Supreme Court'
        >>> p.pattern.startswith("(?=[")
        True
        >>> sorted(p.words)  # one of them is in every match
        ['military', 'supreme']
        >>> _regex.compile("cat|dog").search("hotdog").group()
        'dog'
    """
    compiled = _guarded(pattern, flags)
    return Pattern(compiled, needed_words(pattern, flags))


# --------------------------------------------------------------- the word filter

_MAX_WORDS: Final = 64
"""More alternative words than this and the filter costs more than it saves."""
_MIN_LENGTH: Final = 4
"""Shorter words ("the", "is") are in nearly every sentence: no filter then."""

_Words: TypeAlias = frozenset[str]
_EMPTY: Final[_Words] = frozenset({""})
_LOOK: Final = frozenset({_c.AT, _c.ASSERT, _c.ASSERT_NOT})


def _product(a: _Words, b: _Words) -> _Words | None:
    if len(a) * len(b) > _MAX_WORDS:
        return None
    return frozenset(x + y for x in a for y in b)


def _best(candidates: list[_Words]) -> _Words | None:
    """The most selective of several sets each of which every match needs one word of."""
    best: _Words | None = None
    best_key = (0, 0)
    for words in candidates:
        if not words or "" in words:
            continue
        key = (min(map(len, words)), -len(words))
        if best is None or key > best_key:
            best, best_key = words, key
    return best


def _class_words(items: list[tuple[Any, Any]]) -> _Words | None:
    """The characters of a class of a few ASCII literals ("[.!?]"), else None."""
    chars = set()
    for op, av in items:
        if op is not _c.LITERAL or av >= 128:
            return None
        chars.add(chr(av).lower())
    return frozenset(chars) if 0 < len(chars) <= 8 else None


def _words(seq: Any) -> tuple[_Words | None, _Words | None]:
    """(exact, needed) for a parsed sequence.

    `exact` is the set of lower-case strings the sequence matches, where it is
    small and known; otherwise `needed` is a set of strings of which every match
    contains one (or None where nothing is known). Only ASCII literals count,
    compared in lower case: a necessary condition for case-sensitive and
    case-insensitive patterns alike.
    """
    candidates: list[_Words] = []
    run: _Words = _EMPTY
    exact_only = True
    for op, av in seq:
        exact: _Words | None = None
        needed: _Words | None = None
        if op is _c.LITERAL:
            exact = frozenset({chr(av).lower()}) if av < 128 else None
        elif op is _c.IN:
            exact = _class_words(av)
        elif op in _LOOK:
            exact = _EMPTY  # zero-width: the characters on either side stay adjacent
        elif op is _c.BRANCH:
            found = [_words(alternative) for alternative in av[1]]
            if all(e is not None for e, _ in found):
                union = frozenset().union(*(e for e, _ in found if e is not None))
                exact = union if len(union) <= _MAX_WORDS else None
            if exact is None:
                needs = [e if e is not None and "" not in e else n for e, n in found]
                if all(n is not None for n in needs):
                    union = frozenset().union(*(n for n in needs if n is not None))
                    needed = union if len(union) <= _MAX_WORDS else None
        elif op is _c.SUBPATTERN:
            exact, needed = _words(av[3])
        elif _ATOMIC is not None and op is _ATOMIC:
            exact, needed = _words(av)
        elif op in _REPEATS:
            low, high, sub = av
            sub_exact, sub_needed = _words(sub)
            if low == high == 1:
                exact, needed = sub_exact, sub_needed
            elif low == 0 and high == 1 and sub_exact is not None:
                exact = sub_exact | _EMPTY
            elif low >= 1:
                needed = sub_exact if sub_exact is not None and "" not in sub_exact else sub_needed
        if exact is not None:
            joined = _product(run, exact)
            if joined is None:
                candidates.append(run)
                run = exact
            else:
                run = joined
            continue
        exact_only = False
        candidates.append(run)
        run = _EMPTY
        if needed is not None:
            candidates.append(needed)
    if exact_only:
        return run, None
    candidates.append(run)
    return None, _best(candidates)


def needed_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case words of which every match of `pattern` contains one, if selective.

    None where no such set is known, or where it would not pay: a word shorter
    than four characters, or more than 32 words.

    Example:
        >>> from catdomain._regex import needed_words
        >>> sorted(needed_words(r"\\b(?:has|have)\\s+been\\s+(?:adopted|approved)\\b"))
        ['adopted', 'approved']
        >>> needed_words(r"\\d+ cases") == frozenset({" cases"})
        True
        >>> needed_words(r"\\b(?:is|are)\\b") is None  # too short to be selective
        True
    """
    try:
        parsed = _p.parse(pattern, flags)
    except re.error:
        return None
    exact, needed = _words(list(parsed))
    if exact is not None:
        needed = None if "" in exact else exact
    if not needed or len(needed) > _MAX_WORDS or min(map(len, needed)) < _MIN_LENGTH:
        return None
    return needed


# Characters that Python's case-insensitive matching takes for an ASCII letter
# although their lower case is not that letter: "İ" and "ı" match "i", "ſ" matches
# "s" (the Kelvin sign's lower case is already "k"). A test checks the list
# against every character of the running Python.
_FOLD: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_TO_FOLD: Final = re.compile("[\u0130\u0131\u017f]")

# The texts last lowered: the reader tries many patterns on one sentence in a row,
# and goes back and forth between a paragraph and its sentences. A long text (a
# whole reply, searched paragraph by paragraph) has a place of its own, so that
# its sentences do not push it out.
_CACHED: Final = 4
_cache: list[tuple[str, str]] = [("", "")] * _CACHED
_long: tuple[str, str] = ("", "")

_LONG: Final = 4096
"""Longer texts and windows are searched without the filter: on them the pattern's
own scan, guarded, costs about what looking for each word would."""


def _lower(string: str) -> str:
    """`string` in lower case, folded, with its length kept (cached for the last few)."""
    global _long  # noqa: PLW0603 - a one-entry cache
    if len(string) > _LONG:
        if _long[0] is string:
            return _long[1]
    else:
        for entry in _cache:
            if entry[0] is string:
                return entry[1]
    if string.isascii() or _TO_FOLD.search(string) is None:
        low = string.lower()
    else:
        low = string.translate(_FOLD).lower()
    if len(string) > _LONG:
        _long = (string, low)
    else:
        _cache.insert(0, (string, low))
        del _cache[_CACHED:]
    return low


def _has_any(words: tuple[str, ...], string: str, pos: int, endpos: int) -> bool:
    """Whether `string[pos:endpos]` may hold a match: one of `words` is in it, or it is
    too long to be worth looking."""
    size = len(string)
    if pos <= 0 and endpos >= size:
        if size > _LONG:
            return True
        low = _lower(string)
        return any(map(low.__contains__, words))
    pos = max(pos, 0)
    if min(endpos, size) - pos > _LONG:
        return True
    low = _lower(string)
    return any(low.find(word, pos, endpos) >= 0 for word in words)


_END: Final = sys.maxsize


class _SearchFn(Protocol):
    def __call__(
        self, string: str, pos: int = ..., endpos: int = ..., /
    ) -> re.Match[str] | None: ...


class _FinditerFn(Protocol):
    def __call__(
        self, string: str, pos: int = ..., endpos: int = ..., /
    ) -> Iterator[re.Match[str]]: ...


class _FindallFn(Protocol):
    def __call__(self, string: str, pos: int = ..., endpos: int = ..., /) -> list[Any]: ...


_Replacement: TypeAlias = "str | Callable[[re.Match[str]], str]"


class _SubFn(Protocol):
    def __call__(self, repl: _Replacement, string: str, count: int = ..., /) -> str: ...


class _SubnFn(Protocol):
    def __call__(self, repl: _Replacement, string: str, count: int = ..., /) -> tuple[str, int]: ...


class _SplitFn(Protocol):
    def __call__(self, string: str, maxsplit: int = ..., /) -> list[str | Any]: ...


class Pattern:
    """A compiled pattern that skips, in C, the texts without any word a match needs.

    It has the methods of `re.Pattern` the reader uses, with the same results.
    Where [needed_words][catdomain._regex.needed_words] found no selective set,
    they are the compiled pattern's own methods, with no cost added.

    Example:
        >>> from catdomain import _regex
        >>> rule = _regex.compile(r"\\b(?:was|were)\\s+(?:adopted|approved)\\b", re.IGNORECASE)
        >>> rule.search("The plan WAS APPROVED in 2020.").group()
        'WAS APPROVED'
        >>> rule.search("The plan was drafted.") is None  # no word it needs: not run
        True
    """

    __slots__ = (
        "compiled",
        "findall",
        "finditer",
        "flags",
        "fullmatch",
        "groupindex",
        "groups",
        "match",
        "pattern",
        "search",
        "split",
        "sub",
        "subn",
        "words",
    )

    compiled: re.Pattern[str]
    words: tuple[str, ...]
    pattern: str
    flags: int
    groups: int
    groupindex: Mapping[str, int]
    match: _SearchFn
    fullmatch: _SearchFn
    search: _SearchFn
    finditer: _FinditerFn
    findall: _FindallFn
    sub: _SubFn
    subn: _SubnFn
    split: _SplitFn

    def __init__(self, compiled: re.Pattern[str], words: frozenset[str] | None = None) -> None:
        self.compiled = compiled
        self.words = tuple(sorted(words)) if words else ()
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self.groups = compiled.groups
        self.groupindex = compiled.groupindex
        # Anchored calls run at one place: a scan for the words could cost more.
        self.match = compiled.match
        self.fullmatch = compiled.fullmatch
        if self.words:
            self.search = self._search
            self.finditer = self._finditer
            self.findall = self._findall
            self.sub = self._sub
            self.subn = self._subn
            self.split = self._split
        else:
            self.search = compiled.search
            self.finditer = compiled.finditer
            self.findall = compiled.findall
            self.sub = compiled.sub
            self.subn = compiled.subn
            self.split = compiled.split

    def __repr__(self) -> str:
        return f"catdomain._regex.Pattern({self.compiled!r}, words={self.words!r})"

    def _search(self, string: str, pos: int = 0, endpos: int = _END, /) -> re.Match[str] | None:
        if not _has_any(self.words, string, pos, endpos):
            return None
        return self.compiled.search(string, pos, endpos)

    def _finditer(
        self, string: str, pos: int = 0, endpos: int = _END, /
    ) -> Iterator[re.Match[str]]:
        if not _has_any(self.words, string, pos, endpos):
            return iter(())
        return self.compiled.finditer(string, pos, endpos)

    def _findall(self, string: str, pos: int = 0, endpos: int = _END, /) -> list[Any]:
        if not _has_any(self.words, string, pos, endpos):
            return []
        return self.compiled.findall(string, pos, endpos)

    def _sub(self, repl: _Replacement, string: str, count: int = 0, /) -> str:
        if not _has_any(self.words, string, 0, _END):
            return string
        return self.compiled.sub(repl, string, count)

    def _subn(self, repl: _Replacement, string: str, count: int = 0, /) -> tuple[str, int]:
        if not _has_any(self.words, string, 0, _END):
            return string, 0
        return self.compiled.subn(repl, string, count)

    def _split(self, string: str, maxsplit: int = 0, /) -> list[str | Any]:
        if not _has_any(self.words, string, 0, _END):
            return [string]
        return self.compiled.split(string, maxsplit)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
