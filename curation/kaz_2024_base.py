"""Helpers for curating a dossier by hand from a bundled text.

Offsets are never typed by hand: every span is located by searching for its
quote inside the paragraph the curator names, and a quote that is not there
(or is ambiguous without `nth`) stops the build.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal

import catdomain as cd

_PARAGRAPH = re.compile(r"^(\d+)\.\t", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]*(\S[^\n]*)$", re.MULTILINE)


class Curation:
    """Builds spans, paragraphs and sections for one document text."""

    def __init__(self, text: str, document: str) -> None:
        self.text = text
        self.document = document
        self.paragraphs: dict[int, tuple[int, int]] = {}
        matches = list(_PARAGRAPH.finditer(text))
        for m in matches:
            start = m.end()
            end = text.index("\n", start) if "\n" in text[start:] else len(text)
            body = text[start:end].rstrip()
            self.paragraphs[int(m.group(1))] = (start, start + len(body))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def text_paragraphs(self) -> tuple[cd.TextParagraph, ...]:
        return tuple(
            cd.TextParagraph(number=str(n), start=s, end=e)
            for n, (s, e) in sorted(self.paragraphs.items())
        )

    def span(
        self, paragraph: int, quote: str, nth: int | None = None, *, within: str | None = None
    ) -> cd.SourceSpan:
        """The span of `quote` in `paragraph`.

        The quote must occur once in the paragraph unless `nth` picks an
        occurrence, or `within` names a longer passage (itself unique) that
        holds it: ``span(22, "6", within="6 of other malfeasance")``.
        """
        start, end = self.paragraphs[paragraph]
        lo, hi = start, end
        if within is not None:
            outer = self.span(paragraph, within)
            lo, hi = outer.start, outer.end
        pattern = _loose(quote)
        found = list(pattern.finditer(self.text, lo, hi))
        if not found:
            raise ValueError(f"paragraph {paragraph}: {quote!r} not found")
        if nth is None and len(found) > 1:
            raise ValueError(f"paragraph {paragraph}: {quote!r} is ambiguous; give nth or within")
        match = found[(nth or 1) - 1]
        return cd.SourceSpan(
            document=self.document,
            start=match.start(),
            end=match.end(),
            quote=match.group(),
            paragraph=str(paragraph),
        )

    def whole(self, paragraph: int) -> cd.SourceSpan:
        """The span of a whole paragraph body."""
        start, end = self.paragraphs[paragraph]
        return cd.SourceSpan(
            document=self.document,
            start=start,
            end=end,
            quote=self.text[start:end],
            paragraph=str(paragraph),
        )

    def evidence(self, paragraphs: Iterable[int]) -> tuple[cd.SourceSpan, ...]:
        return tuple(self.whole(p) for p in paragraphs)

    def heading(self, quote: str) -> cd.SourceSpan:
        found = list(_loose(quote).finditer(self.text))
        if len(found) != 1:
            raise ValueError(f"heading {quote!r} not found exactly once")
        m = found[0]
        return cd.SourceSpan(document=self.document, start=m.start(), end=m.end(), quote=m.group())


def _loose(quote: str) -> re.Pattern[str]:
    """A pattern for `quote` in which a space also matches a non-breaking space
    and a hyphen a non-breaking hyphen, as UN texts use them."""
    parts = []
    for char in quote:
        if char == " ":
            parts.append("[ \u00a0]")
        elif char == "-":
            parts.append("[-\u2011]")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts))


def number(text: str) -> Decimal:
    """The value of a figure as written ("4,500", "nine")."""
    words = {
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
    }
    key = text.lower()
    if key in words:
        return Decimal(words[key])
    return Decimal(text.replace(",", "").replace("\u00a0", ""))


def year(y: int, text: str | None = None) -> cd.Period:
    return cd.Period(start=cd.PartialDate(y), end=cd.PartialDate(y), text=text)


def years(a: int, b: int, text: str | None = None) -> cd.Period:
    return cd.Period(start=cd.PartialDate(a), end=cd.PartialDate(b), text=text)
