"""Scans for the readers that look for a key word first, and small scans backwards."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

__all__ = ["BLANKS", "keyed_matches", "single_spaced", "word_before", "word_start"]

BLANKS = " \u00a0"
"""The blanks between words of a name or title: spaces and no-break spaces."""
_BLANK_RUNS = re.compile(r"[ \u00a0]+")


def word_before(text: str, lo: int, end: int, joiners: str) -> tuple[int, int] | None:
    """The word that blanks separate from `end`, as ``(start, stop)``, or None.

    A word is a run of letters, digits, "_" and the characters in `joiners`
    (those of ``[\\w…]``); blanks are spaces and no-break spaces. Nothing before
    `lo` is read: a word running past it starts at `lo`.

    Example:
        >>> from catdomain.reading._scan import word_before
        >>> text = "the Anti-Corruption  Agency"
        >>> start, stop = word_before(text, 0, text.index("Agency"), "-")
        >>> text[start:stop]
        'Anti-Corruption'
        >>> word_before(text, 0, text.index("Corruption"), "") is None  # no blank before
        True
    """
    stop = end
    while stop > lo and text[stop - 1] in BLANKS:
        stop -= 1
    if stop == end:
        return None
    start = word_start(text, lo, stop, joiners)
    return (start, stop) if start < stop else None


def word_start(text: str, lo: int, end: int, joiners: str) -> int:
    """Where the word running up to `end` starts (`end` itself if none does; not before `lo`).

    Example:
        >>> from catdomain.reading._scan import word_start
        >>> text = "the Anti-Corruption Agency"
        >>> text[word_start(text, 0, text.index("Corruption"), "-") :]
        'Anti-Corruption Agency'
    """
    start = end
    while start > lo and (
        text[start - 1].isalnum() or text[start - 1] == "_" or text[start - 1] in joiners
    ):
        start -= 1
    return start


def single_spaced(text: str) -> str:
    """`text` with every run of `BLANKS` as one space (as written where it already is).

    Example:
        >>> from catdomain.reading._scan import single_spaced
        >>> single_spaced("Ministry\u00a0of  Justice"), single_spaced("Ministry of Justice")
        ('Ministry of Justice', 'Ministry of Justice')
    """
    if "  " in text or "\u00a0" in text:
        return _BLANK_RUNS.sub(" ", text)
    return text  # every run of blanks is one space already: no scan


def keyed_matches(
    text: str,
    start: int,
    end: int,
    *,
    pattern: re.Pattern[str],
    key: re.Pattern[str],
    begin: Callable[[str, int, int], int],
) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in ``text[start:end]``, as its `finditer` gives them,
    found from a key every match holds.

    `key` finds what every match of `pattern` (which never matches the empty
    string) holds at or after its start; ``begin(text, pos, at)`` tells where a
    match holding a key at `at` could start at the earliest (not before `pos`).
    So no match starts between `pos` and that place, which is never tried: the
    stretches of text without a key cost one fast scan for it.

    Example:
        >>> import re
        >>> from catdomain.reading._scan import keyed_matches, word_start
        >>> acts = re.compile(r"[A-Z]\\w* Act")
        >>> text = "the Prisons Act and the Police Act"
        >>> found = keyed_matches(
        ...     text, 0, len(text), pattern=acts, key=re.compile("Act"),
        ...     begin=lambda t, pos, at: word_start(t, pos, max(pos, at - 1), ""),
        ... )
        >>> [m.group() for m in found]
        ['Prisons Act', 'Police Act']
    """
    pos = start
    while pos < end:
        found = key.search(text, pos, end)
        if found is None:
            return
        match = pattern.search(text, begin(text, pos, found.start()), end)
        if match is None:
            return
        yield match
        pos = match.end()
