"""Small scans backwards over a text, for the readers that look for a key word first."""

from __future__ import annotations

__all__ = ["word_before", "word_start"]

_BLANKS = " \u00a0"


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
    while stop > lo and text[stop - 1] in _BLANKS:
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
