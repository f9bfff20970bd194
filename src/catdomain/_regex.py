"""Compiling the reader's patterns so that the engine skips to where a match can start.

Python's regular-expression engine tries a pattern at every position of the
text. When a pattern starts with a literal or a character class, it first
skips ahead, in a tight loop, to a position holding one of those characters;
when it starts with an alternation of words, an optional group or a word
boundary, or when it ignores case, it runs the pattern at each position
instead, and most of the reader's patterns are of that kind ("(?:the
)?Ministry of …", "\\b(?:is|are) being …").

[compile][catdomain._regex.compile] reads which characters a match can start
with from the parsed pattern (with every case of them for a case-insensitive
pattern) and gives the engine that set, in the "info" block its own compiler
fills for patterns that start with a class. The engine then skips to the next
such character exactly as it does for those patterns: the same matches, some
three times faster on prose. That block is a CPython internal: the result is
checked against the plain pattern when this module is imported, and where it
differs, or where the set cannot be given that way, a lookahead for the start
characters goes in front of the pattern instead, ``(?=[MOPmt…])``, which fails
at once where no match can start. Where the first characters cannot be known (a
pattern that may match the empty string, ``.``, a negated class, a
back-reference, a scoped flag), the pattern is compiled as written.

[compile_test][catdomain._regex.compile_test] serves rules where only whether
a case-insensitive pattern matches counts: it matches a lower-case copy of the
pattern against the text in lower case, which the engine does faster than
folding the case of every character, where the text holds one of the words
every match needs. [compile_first][catdomain._regex.compile_first] does the
same for a list of rules of which the first that matches decides, folding the
text once and telling from its words, in one pass over them, which rules may
match (a "gate"); [words_test][catdomain._regex.words_test] gives readers a
check of the words alone, to skip paragraphs a rare pattern cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any, Final, TypeAlias

__all__ = ["Rules", "compile", "compile_first", "compile_test", "first_chars", "words_test"]

_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")

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


def _first(seq: Any, flags: int, ignore: bool | None = None) -> tuple[set[_Item], bool]:
    """The items a match of `seq` can start with, and whether it can match empty.

    Where case is ignored (`ignore`, by default as `flags` say; scoped flags such as
    "(?-i:May)" change it inside their group), the items hold every case of a letter.
    """
    if ignore is None:
        ignore = bool(flags & re.IGNORECASE)
    items: set[_Item] = set()
    for op, av in seq:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL or op is _c.IN:
            found = {(op, av)} if op is _c.LITERAL else _class_items(av)
            items |= _ignoring_case(found) if ignore else found
            return items, False
        if op is _c.BRANCH:
            nullable = False
            for alternative in av[1]:
                alt_items, alt_nullable = _first(alternative, flags, ignore)
                items |= alt_items
                nullable = nullable or alt_nullable
        elif op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            # Adding a flag inside is safe unless it widens what a character matches
            # in a way not followed here (Unicode, locale); case is followed.
            if add_flags & ~(
                flags
                | _c.SRE_FLAG_IGNORECASE
                | _c.SRE_FLAG_MULTILINE
                | _c.SRE_FLAG_DOTALL
                | _c.SRE_FLAG_VERBOSE
                | _c.SRE_FLAG_ASCII
            ):
                raise _UnknownStartError
            inner = (ignore or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
            sub_items, nullable = _first(sub, flags, inner)
            items |= sub_items
        elif op in _REPEATS:
            low, _high, sub = av
            sub_items, sub_nullable = _first(sub, flags, ignore)
            items |= sub_items
            nullable = low == 0 or sub_nullable
        elif _ATOMIC is not None and op is _ATOMIC:
            sub_items, nullable = _first(av, flags, ignore)
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
    if (data and data[0][0] in (_c.LITERAL, _c.IN)) or _anchored(data):
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


def _anchored(data: Any) -> bool:
    """Whether a parsed pattern starts at the beginning of the text ("^…" without
    MULTILINE, "\\A…"): the engine then tries it at the search's start only, which a
    start set or a guard in front would undo."""
    return bool(data) and data[0] in (
        (_c.AT, _c.AT_BEGINNING),
        (_c.AT, _c.AT_BEGINNING_STRING),
    )


def _with_start_set(pattern: str, flags: int) -> re.Pattern[str] | None:
    """`pattern` compiled with its start characters in the engine's info block (as written
    where it has none), or None where that cannot be done here."""
    if _k is None or not _START_SET_WORKS:
        return None
    try:
        parsed = _p.parse(pattern, flags)
        if _anchored(list(parsed)) or _start_items(list(parsed), parsed.state.flags) is None:
            return re.compile(pattern, flags)  # nothing to tell the engine (nor a guard)
        return _compile_parsed(pattern, parsed, flags)
    except _UnknownStartError:
        return None
    except Exception:  # CPython internals changed: fall back
        return None


def _compile_parsed(pattern: str, parsed: Any, flags: int) -> re.Pattern[str]:
    """A parsed pattern compiled, with its start set where it has one."""
    all_flags = flags | parsed.state.flags
    items = _start_items(list(parsed), parsed.state.flags)
    code = _k._code(parsed, flags)
    # Only where the compiler left the set out: it skips ahead by itself otherwise.
    if items is not None and code[0] == _INFO and code[3] > 0 and not code[2] & _FAST_INFO:
        charset, _cased = _k._optimize_charset(sorted(items))
        charset_code: list[int] = []
        _k._compile_charset(charset, all_flags, charset_code)
        info = [_INFO, 0, code[2] | _CHARSET_INFO, code[3], code[4], *charset_code]
        info[1] = len(info) - 1
        code = info + code[1 + code[1] :]
    groups = parsed.state.groupdict
    names: list[str | None] = [None] * parsed.state.groups
    for name, number in groups.items():
        names[number] = name
    compiled: re.Pattern[str] = _sre.compile(
        pattern, all_flags, code, parsed.state.groups - 1, groups, tuple(names)
    )
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


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, with the engine told where a match can start: same matches, fewer attempts.

    Example:
        >>> from catdomain import _regex
        >>> p = _regex.compile(r"\\b(?:the[ ]+)?(?:Supreme|Military)[ ]+Court\\b")
        >>> p.search("appeal to the Supreme Court").group()
        'the Supreme Court'
        >>> p.pattern  # the pattern as written
        '\\\\b(?:the[ ]+)?(?:Supreme|Military)[ ]+Court\\\\b'
        >>> _regex.compile("cat|dog").search("hotdog").group()
        'dog'
    """
    return _guarded(pattern, flags)


# ------------------------------------------------ tests of presence, ignoring case
#
# Where only whether a case-insensitive pattern matches counts (the measure
# rules: "does this sentence say 'has been adopted'?"), it is cheaper to match a
# lower-case, case-sensitive copy of the pattern against the text in lower case:
# the engine then compares characters directly and skips alternatives by their
# first letter, instead of folding the case of every character it reads (some
# 1.7 times faster on the reader's rules). The copy is made from the parsed
# pattern; the text is folded so that every character Python's case-insensitive
# matching takes for an ASCII letter becomes that letter. Where the pattern has
# something that copy cannot mean the same (a letter outside ASCII, a part that
# keeps case, a back-reference), the test runs the pattern itself.

_FOLD: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_last_folded: tuple[str, str] = ("", "")


def _folded(text: str) -> str:
    """`text` as the lower-case copies of patterns read it (cached for the last text)."""
    global _last_folded  # noqa: PLW0603 - a one-entry cache
    last = _last_folded
    if last[0] is text:
        return last[1]
    if not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        folded = text.translate(_FOLD).lower()
    else:
        folded = text.lower()
    _last_folded = (text, folded)
    return folded


def _lower_case(code: int) -> int:
    if code < 128:
        return ord(chr(code).lower())
    if _sre.unicode_iscased(code):
        raise _UnknownStartError
    return code


def _lowered(seq: Any) -> None:
    """Make a parsed case-insensitive sequence a lower-case, case-sensitive one, in place."""
    data = seq.data
    for index, (op, av) in enumerate(data):
        if op is _c.LITERAL or op is _c.NOT_LITERAL:
            data[index] = (op, _lower_case(av))
        elif op is _c.IN:
            items: list[_Item] = []
            for item_op, item in av:
                if item_op is _c.LITERAL:
                    items.append((item_op, _lower_case(item)))
                elif item_op is _c.RANGE:
                    low, high = item
                    if high >= 128 and any(
                        _sre.unicode_iscased(c) for c in range(max(low, 128), high + 1)
                    ):
                        raise _UnknownStartError
                    items.append((item_op, item))
                    items.extend(
                        (_c.LITERAL, ord(chr(c).lower()))
                        for c in range(low, min(high, 127) + 1)
                        if chr(c).isupper()
                    )
                elif item_op is _c.NEGATE or item_op is _c.CATEGORY:
                    items.append((item_op, item))
                else:
                    raise _UnknownStartError
            data[index] = (op, items)
        elif op is _c.BRANCH:
            for alternative in av[1]:
                _lowered(alternative)
        elif op is _c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if del_flags & re.IGNORECASE or add_flags & re.LOCALE:
                raise _UnknownStartError  # a part that keeps case
            _lowered(sub)
            data[index] = (op, (group, add_flags & ~re.IGNORECASE, del_flags, sub))
        elif op in _REPEATS:
            _lowered(av[2])
        elif op is _c.ASSERT or op is _c.ASSERT_NOT:
            _lowered(av[1])
        elif _ATOMIC is not None and op is _ATOMIC:
            _lowered(av)
        elif op not in (_c.AT, _c.ANY, _c.CATEGORY):
            raise _UnknownStartError  # a back-reference, a conditional


# Words of which every match contains one: a sentence holding none of them is not
# searched. Read from the lower-case copy; worth it only for a few longer words.
_MAX_WORDS: Final = 16
# A check for more words than this costs about what the search it would save costs.
_MAX_CHECKED: Final = 12
_MIN_LENGTH: Final = 3
# For gates (below): words of one rule, at most (bounds the work at import), and the
# characters they are indexed by (shorter words do not gate).
_MAX_GATE_WORDS: Final = 256
_GATE_KEY: Final = 3
_Words: TypeAlias = frozenset[str]
_EMPTY: Final[_Words] = frozenset({""})


def _product(a: _Words, b: _Words, cap: int) -> _Words | None:
    if len(a) * len(b) > cap:
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


def _words(seq: Any, cap: int = _MAX_WORDS) -> tuple[_Words | None, _Words | None]:
    """(exact, needed) for a parsed sequence.

    `exact` is the set of lower-case strings the sequence matches, where it is
    small (at most `cap` strings) and known; otherwise `needed` is a set of
    strings of which every match contains one (or None where nothing is known).
    Only ASCII literals count, compared in lower case: a necessary condition for
    case-sensitive and case-insensitive patterns alike.
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
        elif op in _ZERO_WIDTH:
            exact = _EMPTY  # zero-width: the characters on either side stay adjacent
        elif op is _c.BRANCH:
            found = [_words(alternative, cap) for alternative in av[1]]
            if all(e is not None for e, _ in found):
                union = frozenset().union(*(e for e, _ in found if e is not None))
                exact = union if len(union) <= cap else None
            if exact is None:
                needs = [e if e is not None and "" not in e else n for e, n in found]
                if all(n is not None for n in needs):
                    union = frozenset().union(*(n for n in needs if n is not None))
                    needed = union if len(union) <= cap else None
        elif op is _c.SUBPATTERN:
            exact, needed = _words(av[3], cap)
        elif _ATOMIC is not None and op is _ATOMIC:
            exact, needed = _words(av, cap)
        elif op in _REPEATS:
            low, high, sub = av
            sub_exact, sub_needed = _words(sub, cap)
            if low == high == 1:
                exact, needed = sub_exact, sub_needed
            elif low == 0 and high == 1 and sub_exact is not None:
                exact = sub_exact | _EMPTY
            elif low >= 1:
                needed = sub_exact if sub_exact is not None and "" not in sub_exact else sub_needed
        if exact is not None:
            joined = _product(run, exact, cap)
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


def _needed_words(parsed: Any) -> tuple[str, ...]:
    """Words of which every match of a parsed pattern holds one, where they are selective."""
    exact, needed = _words(list(parsed))
    if exact is not None:
        needed = None if "" in exact else exact
    if not needed or len(needed) > _MAX_CHECKED or min(map(len, needed)) < _MIN_LENGTH:
        return ()
    return tuple(sorted(needed))


def _gate_words(parsed: Any) -> tuple[str, ...] | None:
    """Words of which every match of a parsed pattern holds one, for a gate; None where
    none are known, or one is too short to index or holds whitespace."""
    exact, needed = _words(list(parsed), _MAX_GATE_WORDS)
    if exact is not None:
        needed = None if "" in exact else exact
    if (
        not needed
        or min(map(len, needed)) < _GATE_KEY
        or any(char.isspace() for word in needed for char in word)
    ):
        return None
    return tuple(sorted(needed))


def _lower_copy(pattern: str, flags: int) -> tuple[re.Pattern[str], tuple[str, ...] | None] | None:
    """A case-sensitive copy of a case-insensitive pattern, for texts in lower case, and
    the words every match of it holds one of, for a gate (None where none will do)."""
    if _k is None or not _START_SET_WORKS:
        return None
    try:
        parsed = _p.parse(pattern, flags)
        if not parsed.state.flags & re.IGNORECASE or parsed.state.flags & re.LOCALE:
            return None
        _lowered(parsed)
        parsed.state.flags &= ~re.IGNORECASE
        words = _gate_words(parsed)
        return _compile_parsed(pattern, parsed, flags & ~re.IGNORECASE), words
    except _UnknownStartError:
        return None
    except Exception:  # CPython internals changed: fall back
        return None


def compile_test(pattern: str, flags: int = 0) -> Callable[[str], bool]:
    """A function telling whether `pattern` matches anywhere in a text.

    The same answer as ``compile(pattern, flags).search(text) is not None``;
    for a case-insensitive pattern, found by matching a lower-case copy of it
    against the text in lower case.

    Example:
        >>> from catdomain import _regex
        >>> adopted = _regex.compile_test(r"\\b(?:has|have)\\s+been\\s+adopted\\b", re.IGNORECASE)
        >>> adopted("The Code HAS BEEN ADOPTED."), adopted("It was adopted.")
        (True, False)
    """
    first = compile_first([pattern], flags)
    return lambda text: first(text) is not None


# ------------------------------------------------------------ gates from words
#
# Rules of which the first that matches decides are tried on short texts (the
# measure rules on sentences: 21 rules, some 200 characters). Each search costs a
# pass of the engine over the text, and most rules cannot match most sentences:
# the sentence holds none of the words every match of the rule holds one of. A
# gate tells which rules may match. It splits the folded text at whitespace and
# looks each token up in a table of the rules whose words it contains; the table
# fills as tokens are met, and prose repeats its words, so that almost every token
# is found there (one dictionary look-up instead of a check for each word).
# Exact: a word holds no whitespace, so each of its occurrences in the text lies
# inside one token; a rule none of whose words is in a token cannot match.

_MAX_TOKEN: Final = 64  # a longer token is not looked into: every rule may match
_MAX_KNOWN: Final = 1 << 15  # tokens a gate remembers, after which it starts again
_last_tokens: tuple[str, frozenset[str]] = ("", frozenset())


def _tokens(low: str) -> frozenset[str]:
    """The whitespace-separated tokens of a folded text (cached for the last text)."""
    global _last_tokens  # noqa: PLW0603 - a one-entry cache, shared by the gates
    last = _last_tokens
    if last[0] is low:
        return last[1]
    tokens = frozenset(low.split())
    _last_tokens = (low, tokens)
    return tokens


class _Gate:
    """Which of several rules a folded text may match, as bits of an int.

    `words[i]` lists words of which every match of rule i holds one (lower case,
    without whitespace, at least `_GATE_KEY` characters), or is None for a rule
    that is always tried.
    """

    __slots__ = ("_every", "_index", "_open", "_table")

    def __init__(self, words: Sequence[tuple[str, ...] | None]) -> None:
        self._open = sum(1 << i for i, found in enumerate(words) if found is None)
        self._every = (1 << len(words)) - 1
        index: dict[str, dict[str, int]] = {}
        for i, found in enumerate(words):
            for word in found or ():
                rules = index.setdefault(word[:_GATE_KEY], {})
                rules[word] = rules.get(word, 0) | 1 << i
        self._index = {key: tuple(rules.items()) for key, rules in index.items()}
        # The tokens met, and the rules of those that have any. A token is added to the
        # first after its rules to the second, and the pair is replaced (never cleared)
        # when full: a caller holding it reads the two alike, from any thread.
        self._table: tuple[set[str], dict[str, int]] = (set(), {})

    def _rules_in(self, token: str) -> int:
        """The rules one of whose words the token contains."""
        if len(token) > _MAX_TOKEN:
            return self._every
        rules = 0
        get = self._index.get
        for at in range(len(token) - _GATE_KEY + 1):
            words = get(token[at : at + _GATE_KEY])
            if words is not None:
                for word, bits in words:
                    if token.startswith(word, at):
                        rules |= bits
        return rules

    def __call__(self, low: str) -> int:
        tokens = _tokens(low)
        seen, hits = self._table
        rules = self._open
        new = tokens - seen
        if new:
            if len(seen) + len(new) > _MAX_KNOWN:
                seen, hits = self._table = (set(), {})
                new = tokens  # every token is new to the new table
            for token in new:
                found = self._rules_in(token)
                if found:
                    hits[token] = found
                    rules |= found
            seen.update(new)
        # Most tokens hold no rule's word: only those that do are looked up.
        for token in hits.keys() & tokens:
            rules |= hits[token]
        return rules


# A test of one pattern: (search, words, lower). With `lower`, `search` runs on the
# text folded to lower case, and `words` (if not None) are for a gate.
_Test: TypeAlias = tuple[Callable[[str], "re.Match[str] | None"], tuple[str, ...] | None, bool]


def _test_of(pattern: str, flags: int) -> _Test:
    copy = _lower_copy(pattern, flags) if _LOWER_COPY_WORKS else None
    if copy is not None:
        return copy[0].search, copy[1], True
    return _guarded(pattern, flags).search, None, False


class Rules:
    """Rules (patterns) of which the first that matches a text decides.

    [may_match][catdomain._regex.Rules.may_match] tells, from the words of a text,
    which rules may match it (see the gates above), as bits of an int;
    [first][catdomain._regex.Rules.first] gives the first of some rules that
    matches, searching only those. A caller reading several parts of a text (a
    sentence and its main clause) can ask which rules may match the whole once:
    a rule that may match a part is among them, where the part is made of pieces
    of the text (words are compared inside whitespace-separated tokens).

    Example:
        >>> from catdomain import _regex
        >>> rules = _regex.Rules([r"\\bplanned\\b", r"\\bheld\\b", r"\\bsent\\b"], re.IGNORECASE)
        >>> text = "Sessions were HELD (as planned)."
        >>> may = rules.may_match(text)
        >>> bin(may), rules.first(text, may), rules.first("Sessions were HELD", may & 0b101)
        ('0b11', 0, None)
    """

    __slots__ = ("_every", "_gate", "_searches")

    def __init__(self, patterns: Sequence[str], flags: int = 0) -> None:
        tests = [_test_of(pattern, flags) for pattern in patterns]
        self._searches = [(search, lower) for search, _, lower in tests]
        self._every = (1 << len(tests)) - 1
        self._gate = (
            _Gate([words if lower else None for _, words, lower in tests])
            if any(lower for _, _, lower in tests)
            else None
        )

    def may_match(self, text: str) -> int:
        """The rules that may match `text`: bit i set for rule i (every other cannot)."""
        gate = self._gate
        return self._every if gate is None else gate(_folded(text))

    def first(self, text: str, rules: int) -> int | None:
        """The index of the first of `rules` (bits, as `may_match` gives them) that matches
        anywhere in `text`, or None where none does."""
        low = _folded(text) if self._gate is not None else text
        searches = self._searches
        while rules:
            bit = rules & -rules
            index = bit.bit_length() - 1
            search, lower = searches[index]
            if search(low if lower else text) is not None:
                return index
            rules ^= bit
        return None


def compile_first(patterns: Sequence[str], flags: int = 0) -> Callable[[str], int | None]:
    """A function giving the index of the first of `patterns` that matches anywhere in a
    text, or None where none does.

    The same answer as trying ``compile_test(pattern, flags)`` for each pattern in
    turn, with the text folded to lower case once for all of them, and only the
    patterns tried whose words the text holds (see [Rules][catdomain._regex.Rules]):
    for rules of which the first that matches decides.

    Example:
        >>> from catdomain import _regex
        >>> first = _regex.compile_first([r"\\bplanned\\b", r"\\bheld\\b"], re.IGNORECASE)
        >>> first("Sessions were HELD."), first("Nothing."), first("Held as planned.")
        (1, None, 0)
    """
    rules = Rules(patterns, flags)
    return lambda text: rules.first(text, rules.may_match(text))


_SCOPED_FLAGS: Final = re.compile(r"\(\?[aiLmsux-]*i[aiLmsux-]*[:)]")


def _may_hold_any(text: str) -> bool:
    return True


def words_test(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """A quick test that is False only for texts in which `pattern` cannot match.

    It tells whether the text holds one of the words every match of the pattern
    holds (compared in lower case); where no such words are known, or they are
    too short or too many to be worth looking for, it is always True. A reader
    scanning many paragraphs for a rare pattern skips those without its words.

    Example:
        >>> from catdomain import _regex
        >>> test = _regex.words_test(re.compile(r"\\b(?:an?|the) (?:order|decree) of"))
        >>> test("under the decree of 5 May"), test("In order to")
        (True, False)
        >>> _regex.words_test(re.compile(r"\\b[A-Z]\\w+"))("anything")
        True
    """
    try:
        words = _needed_words(_p.parse(pattern.pattern, pattern.flags & ~re.UNICODE))
    except Exception:  # CPython internals changed: no test
        return _may_hold_any
    if not words:
        return _may_hold_any
    if not pattern.flags & re.IGNORECASE and not _SCOPED_FLAGS.search(pattern.pattern):
        # Its literals match only themselves: the text in lower case will do.
        return lambda text: any(map(text.lower().__contains__, words))
    return lambda text: any(map(_folded(text).__contains__, words))


def _check_lower_copy() -> bool:
    """Whether lower-case copies answer as the patterns do on this Python."""
    checks = (
        (r"\b(?:has|have)\s+been\s+(?:adopted|approved)\b", "It HAS Been Approved; have been"),
        (r"\b[A-Z]\w+\s+Code\b|kiss", "the Penal code; KI\u017f\u017f; \u0130SS"),
        (r"[^a-z]{3}\bseminar", "... SEMINAR; 1.\u0131 Seminar"),
    )
    try:
        for pattern, text in checks:
            test = compile_test(pattern, re.IGNORECASE)
            plain = re.compile(pattern, re.IGNORECASE)
            for start in range(len(text)):
                if test(text[start:]) != (plain.search(text[start:]) is not None):
                    return False
    except Exception:  # CPython internals changed: fall back
        return False
    return True


_LOWER_COPY_WORKS = True
_LOWER_COPY_WORKS = _check_lower_copy()
