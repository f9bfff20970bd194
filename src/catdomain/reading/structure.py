"""Reading the structure of a follow-up reply: header, headings, paragraphs.

`read_reply` takes the text of a State's follow-up reply, as exported from Word
or extracted from a PDF, and finds:

- the **header** (`ReplyHeader`): the document symbol, treaty body, State,
  title, dates received and issued, the concluding observations answered and
  the reporting cycles, each with its span;
- **headings** (`Heading`) and the **sections** they open (`Section`), with
  the paragraphs of the concluding observations each heading names
  ("Follow-up information relating to paragraphs 11–15 of the concluding
  observations", "On paragraph 12", "Recommendation contained in paragraph
  23 (a)", "Paragraphs 46 and 47", …);
- the State's **paragraphs** (`Paragraph`): numbered ("1.\\tText",
  "1. Text", "1.Text") or, in replies without numbering, one per line or block,
  with their bullets and lettered sub-items;
- **quoted recommendations** (`QuotedRecommendation`): the Committee's text,
  which replies often repeat before answering it;
- **furniture** (`Furniture`): page furniture, footnotes and labels, kept out
  of the paragraphs.

Every offset indexes the text exactly as given (no normalisation of line
endings, spaces or dashes happens before offsets are taken): ``text[p.start:
p.end]`` is the paragraph's text, from its first character after the number
to its last non-blank character.

How the forms are told apart (the grammar, not a list of sentences):

- **Numbering follows the document's sequence.** A line "N." starts
  paragraph N only if N is the previous number plus one (the first may be any
  number from 1 to 999; numbering may restart at 1 just after a heading). A
  line that starts with a number out of sequence is a footnote when it looks
  like one (a tab after the number, a cue such as "See" or "Available at", or
  a capitalised note after a finished sentence), otherwise it continues the
  paragraph: "2009 was …" at the start of a line is not paragraph 2009.
- **Headings** are short lines (at most 300 characters). A heading that names
  paragraphs has an optional enumerator ("I.", "A.", "1.", "(a)"), optional
  lead words ("Follow-up information relating to", "Reply to the
  recommendations in", "On"), a label ("paragraph(s)", "para(s).", "§",
  "recommendation(s)", "concluding observation(s)") with the numbers, then
  optionally "of the concluding observations", a symbol in parentheses and a
  subject after a colon or dash or in parentheses; or the subject first with
  the reference in parentheses ("Definition of torture (para. 10)"). Lead
  words come from a closed vocabulary, plus names ("Reply of the Government
  of Tajikistan to"). Paragraph labels win over "recommendation":
  "Recommendation 1 (paragraph 10 (a))" names paragraph 10 (a). A heading may
  wrap over two lines, or share its line with the quote or answer that
  follows a colon ("Paragraph 10: The Committee recommends …"). A line that
  ends a sentence ("Paragraph 10 of the concluding observations was
  implemented.") is not a heading. Headings that name no paragraph ("I.
  Introduction", "Conditions of detention") are short, start with a capital,
  do not end in punctuation or a function word, follow a finished sentence,
  and are followed by a paragraph, a heading or a sentence (short lines in a
  row are a table or a list, not headings).
- **Quoted recommendations** begin with the Committee's wording ("The
  Committee recommends/urges/calls upon/requests…", "The State party
  should…"), follow a label ("Recommendation:", "Recommendation of the
  Committee"), or, at the start of a section, stand entirely in quotation
  marks. They end at an answer label ("Reply:", "Response:", "Information
  provided by the State party:"), a numbered paragraph, a heading, or a new
  block of text.
- **Paragraphs without numbers**: in text exported from Word, each line is a
  paragraph; in text extracted from a PDF (recognised by its many lines that
  continue with a lower-case word), lines wrap and a paragraph ends at a blank
  line, or at a short line that ends a sentence. After a numbered paragraph,
  lines without a number (wrapped text, table cells, quoted law) continue it.
- **Page furniture** is recognised by form: job numbers ("GE.24-08123(E)"),
  bar codes, "Please recycle", a symbol alone on a line (running headers),
  page numbers next to other furniture or alone between blank lines,
  "United Nations", "Distr.: General", "Original: English", language lines,
  separator rules, and footnotes. When furniture interrupts a paragraph (a
  page break), the paragraph continues after it: its span then covers the
  furniture, listed in its `gaps`, and `ReplyStructure.body` blanks it.
  Footnote reference markers inside sentences are not removed.

Non-breaking and other special spaces, non-breaking hyphens, en and em dashes,
zero-width characters, soft hyphens, bidirectional marks and a byte-order mark
are understood by the patterns without changing any offset: patterns run on a
normalised copy of each line whose positions are mapped back to the text.
Reading is linear in the size of the text: lines are scanned once, every
pattern is compiled once and bounded, and lookahead is limited.

Example:
    >>> from catdomain.reading.structure import read_reply
    >>> reply = read_reply(
    ...     "\\t\\tFollow-up information relating to paragraph 10 of the concluding"
    ...     " observations (CAT/C/KAZ/CO/4)\\n"
    ...     "1.\\tA bill has been drafted.\\n"
    ...     "\\t\\tFollow-up information relating to paragraphs 11\\u201315\\n"
    ...     "2.\\tLawyers may now meet clients in private.\\n"
    ... )
    >>> [str(ref) for ref in reply.answered()]
    ['10', '11–15']
    >>> [(p.number, reply.body(p), p.section) for p in reply.paragraphs]
    [('1', 'A bill has been drafted.', 0), ('2', 'Lawyers may now meet clients in private.', 1)]
    >>> reply.header.responds_to
    DocumentSymbol('CAT/C/KAZ/CO/4')
"""

from __future__ import annotations

import bisect
import copy
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple, TypeAlias

import attrs

from catdomain import _regex
from catdomain._dates import PartialDate, parse_date
from catdomain.exceptions import ParseError
from catdomain.identifiers import DocumentSymbol, ParagraphRef, ParagraphSpan
from catdomain.reading._countries import match_state
from catdomain.vocab import DocumentKind, TreatyBody

__all__ = [
    "Furniture",
    "FurnitureKind",
    "Heading",
    "Paragraph",
    "QuotedRecommendation",
    "ReplyHeader",
    "ReplyStructure",
    "Section",
    "read_reply",
]

Span: TypeAlias = tuple[int, int]
"""A ``(start, end)`` pair of character offsets, end exclusive."""


# ==========================================================================
# Result types


class FurnitureKind(StrEnum):
    """What a line of furniture is.

    Example:
        >>> from catdomain.reading.structure import FurnitureKind
        >>> FurnitureKind.JOB_NUMBER.value
        'job-number'
    """

    BANNER = "banner"
    """"United Nations" (with or without the symbol on the same line)."""
    SYMBOL = "symbol"
    """A document symbol alone on a line: the masthead's or a running header."""
    DISTRIBUTION = "distribution"
    """"Distr.: General" (with or without the date on the same line)."""
    DATE = "date"
    """The masthead's date of issue on a line of its own."""
    ORIGINAL_LANGUAGE = "original-language"
    """"Original: English"."""
    LANGUAGES = "languages"
    """"English, French, Russian and Spanish only"."""
    UNEDITED = "unedited"
    """"Advance unedited version"."""
    JOB_NUMBER = "job-number"
    """The UN job number: "GE.24-08123(E)", with or without print dates."""
    BARCODE = "barcode"
    """The bar code's text ("*2408123*")."""
    RECYCLE = "recycle"
    """"Please recycle"."""
    PAGE_NUMBER = "page-number"
    """A page number alone on a line ("3", "Page 3", "- 3 -")."""
    EDITING_NOTE = "editing-note"
    """"* The present document is being issued without formal editing."."""
    FOOTNOTE = "footnote"
    """A footnote: a line starting with "*" or with a footnote number."""
    SEPARATOR = "separator"
    """A rule of underscores or dashes, or "* * *"."""
    LABEL = "label"
    """A label that introduces a quoted recommendation or an answer ("Reply:")."""


def _check_span(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    start = getattr(instance, "start", 0)
    if value < start:
        raise ValueError(f"{type(instance).__name__}.end: {value} is before start {start}")


@attrs.frozen(kw_only=True)
class Furniture:
    """A line (or a few) that is not content: page furniture, a footnote or a label.

    Attributes:
        start: Offset of the first character.
        end: Offset just after the last non-blank character.
        kind: What it is.

    Example:
        >>> from catdomain.reading.structure import read_reply
        >>> reply = read_reply("1.\\tText.\\nGE.24-08123(E)\\n2.\\tMore text.")
        >>> [(f.kind.value, reply.text[f.start:f.end]) for f in reply.furniture]
        [('job-number', 'GE.24-08123(E)')]
    """

    start: int
    end: int = attrs.field(validator=_check_span)
    kind: FurnitureKind


@attrs.frozen(kw_only=True)
class Heading:
    """A heading line (possibly wrapped over two lines).

    Attributes:
        start: Offset of the heading's first character (its enumerator, if any).
        end: Offset just after its last non-blank character.
        text: The heading with line breaks and runs of spaces made one space
            and zero-width characters removed.
        level: 1 for roman-numbered headings ("II."), 2 for capital letters
            ("A."), 3 for arabic numbers ("1.", one more per dotted level),
            4 for "(a)" or "a)". A heading without an enumerator is one level
            below the last enumerated heading (1 if there is none); one that
            names no paragraph and follows a heading that does is its child,
            unless it is a top-level word such as "Introduction" or "Annex".
        refs: The paragraphs of the concluding observations the heading
            names, empty if it names none; their `document` is the heading's
            symbol, else the reply's `ReplyHeader.responds_to`.
        symbol: A document symbol written in the heading, if any.

    Example:
        >>> from catdomain.reading.structure import read_reply
        >>> heading = read_reply("A. Paragraph 12 (a): pretrial detention\\n").headings[0]
        >>> heading.level, [str(r) for r in heading.refs], heading.text
        (2, ['12 (a)'], 'A. Paragraph 12 (a): pretrial detention')
    """

    start: int
    end: int = attrs.field(validator=_check_span)
    text: str
    level: int
    refs: tuple[ParagraphRef, ...] = ()
    symbol: DocumentSymbol | None = None


@attrs.frozen(kw_only=True)
class QuotedRecommendation:
    """A recommendation of the Committee quoted in the reply before its answer.

    The span excludes a label before it ("Recommendation:"), a paragraph
    number of the concluding observations ("10.") and enclosing quotation
    marks.

    Attributes:
        start: Offset of the first character of the quoted text.
        end: Offset just after its last character.
        refs: The paragraphs it is the text of: those of its section's heading
            (or of the nearest enclosing heading that names some), else the
            number it starts with.
        section: Index of its section in `ReplyStructure.sections`, or None.
        gaps: Spans of furniture inside the span (page breaks).

    Example:
        >>> from catdomain.reading.structure import read_reply
        >>> reply = read_reply(
        ...     "Paragraph 17\\n"
        ...     "\\u201cThe State party should ensure prompt investigations.\\u201d\\n"
        ...     "The Office of the Prosecutor opened 12 investigations.\\n"
        ... )
        >>> quote = reply.quotes[0]
        >>> reply.body(quote), [str(r) for r in quote.refs]
        ('The State party should ensure prompt investigations.', ['17'])
    """

    start: int
    end: int = attrs.field(validator=_check_span)
    refs: tuple[ParagraphRef, ...] = ()
    section: int | None = None
    gaps: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of the State's answer.

    Attributes:
        number: The number as written ("12"), or None for an unnumbered
            paragraph.
        start: Offset of the body: after the number, its dot and the space or
            tab after it.
        end: Offset just after the body's last non-blank character; a
            paragraph wrapped over several lines (PDF text) includes the line
            breaks.
        section: Index of its section in `ReplyStructure.sections`, or None
            before the first heading.
        items: Spans of its bullets and lettered or roman sub-items that stand
            on lines of their own, each from its marker ("(a)", "•") to its
            end.
        gaps: Spans of furniture inside the paragraph (a page break with its
            running header, page number and footnotes); `ReplyStructure.body`
            blanks them.

    Example:
        >>> from catdomain.reading.structure import read_reply
        >>> reply = read_reply("1.\\tThe plan provides for:\\n(a)\\tTraining;\\n(b)\\tAudits.\\n")
        >>> p = reply.paragraphs[0]
        >>> p.number, [reply.text[s:e] for s, e in p.items]
        ('1', ['(a)\\tTraining;', '(b)\\tAudits.'])
    """

    number: str | None
    start: int
    end: int = attrs.field(validator=_check_span)
    section: int | None = None
    items: tuple[Span, ...] = ()
    gaps: tuple[Span, ...] = ()


@attrs.frozen(kw_only=True)
class Section:
    """A heading and what follows it up to the next heading.

    Sections correspond one to one with headings: ``sections[i].heading is
    headings[i]``.

    Attributes:
        heading: The heading that opens the section.
        paragraphs: Indices into `ReplyStructure.paragraphs`.
        quotes: Indices into `ReplyStructure.quotes`.
        parent: Index of the enclosing section (the nearest earlier heading of
            a lower level), or None.

    Example:
        >>> from catdomain.reading.structure import read_reply
        >>> reply = read_reply("On paragraph 12\\n1. Text.\\n2. More.\\n")
        >>> reply.sections[0].paragraphs
        (0, 1)
    """

    heading: Heading
    paragraphs: tuple[int, ...] = ()
    quotes: tuple[int, ...] = ()
    parent: int | None = None


@attrs.frozen(kw_only=True)
class ReplyHeader:
    """What the header of a reply says, each field with the span it was read from.

    Fields not found are None (or empty); a span is None when its field is
    None or was not read from the text (given by the caller).

    How fields are found:

    - `symbol`: the first UN symbol of the masthead (a line of symbols,
      "United Nations", "Distr.: General" and dates), or the caller's.
    - `body`: from `symbol`; else from a committee's name on a line ("Human
      Rights Committee") or a treaty's name ("Convention against Torture…");
      else from `responds_to`.
    - `state`: from `symbol`; else the State named after "received from",
      "submitted by", "provided by", "replies of", "report of" in the title,
      matched against the names the UN uses; else from `responds_to`.
    - `responds_to`: a symbol of concluding observations written in the
      header (in the title, or on a line of its own); else in a heading; else
      derived from `symbol`: a follow-up reply ``…/FCO/n`` answers
      ``…/CO/n`` (same root, State and cycles), and a reply issued as an
      addendum to the concluding observations (``CAT/C/KAZ/CO/4/Add.1``,
      earlier practice) answers its base (``CAT/C/KAZ/CO/4``).
    - `report_cycles`: from the title ("on its fourth periodic report",
      "combined fifth and sixth periodic reports", "initial report"); else
      from `responds_to`'s or `symbol`'s cycles.

    Attributes:
        symbol: The reply's own symbol.
        body: The treaty body.
        state: The State, ISO 3166-1 alpha-3.
        title: The title, on one line, without a trailing footnote mark.
        received: The date received ("[Date received: 13 May 2024]").
        issued: The date of issue (after "Distr.: General").
        responds_to: The concluding observations answered.
        report_cycles: The reporting cycles of the concluding observations.
        header_end: Offset where the body starts (0 if there is no header).
        symbol_span: Span of `symbol`.
        body_span: Span of what `body` was read from.
        state_span: Span of what `state` was read from.
        title_span: Span of the title.
        received_span: Span of the date received.
        issued_span: Span of the date of issue.
        responds_to_span: Span of the symbol `responds_to` was read or derived from.
        report_cycles_span: Span of what the cycles were read from.

    Example:
        >>> from catdomain.reading.structure import read_reply
        >>> header = read_reply(
        ...     "CCPR/C/MDA/CO/4/Add.1\\n"
        ...     "Information received from the Republic of Moldova on follow-up to the"
        ...     " concluding observations on its fourth periodic report*\\n"
        ...     "[Date received: 3 March 2025]\\n"
        ...     "1. Text.\\n"
        ... ).header
        >>> header.body, header.state, header.responds_to, header.report_cycles
        (<TreatyBody.CCPR: 'CCPR'>, 'MDA', DocumentSymbol('CCPR/C/MDA/CO/4'), (4,))
        >>> header.received, header.title[-29:]
        (PartialDate(year=2025, month=3, day=3), 'on its fourth periodic report')
    """

    symbol: DocumentSymbol | None = None
    body: TreatyBody | None = None
    state: str | None = None
    title: str | None = None
    received: PartialDate | None = None
    issued: PartialDate | None = None
    responds_to: DocumentSymbol | None = None
    report_cycles: tuple[int, ...] = ()
    header_end: int = 0
    symbol_span: Span | None = None
    body_span: Span | None = None
    state_span: Span | None = None
    title_span: Span | None = None
    received_span: Span | None = None
    issued_span: Span | None = None
    responds_to_span: Span | None = None
    report_cycles_span: Span | None = None


_BLANKS = _regex.compile(r"[^\r\n]")


@attrs.frozen(kw_only=True, repr=False)
class ReplyStructure:
    """The structure of a reply: header, headings, sections, paragraphs, quotes, furniture.

    Attributes:
        text: The text read, exactly as given; every offset indexes it.
        header: The header.
        headings: The headings, in order.
        sections: One per heading, in order.
        paragraphs: The State's paragraphs, in order.
        quotes: The quoted recommendations, in order.
        furniture: Furniture, footnotes and labels, in order.

    Example:
        >>> from catdomain.reading.structure import read_reply
        >>> reply = read_reply("Reply to paragraph 9\\n1. The law was adopted.\\n")
        >>> reply
        <ReplyStructure: 1 heading, 1 paragraph, 0 quotes, 0 furniture>
        >>> reply.body(reply.paragraph("1"))
        'The law was adopted.'
    """

    text: str
    header: ReplyHeader
    headings: tuple[Heading, ...] = ()
    sections: tuple[Section, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    quotes: tuple[QuotedRecommendation, ...] = ()
    furniture: tuple[Furniture, ...] = ()

    def __repr__(self) -> str:
        """Return a short summary: counts, not the text."""

        def count(number: int, noun: str, plural: str) -> str:
            return f"{number} {noun if number == 1 else plural}"

        return (
            f"<ReplyStructure: {count(len(self.headings), 'heading', 'headings')}, "
            f"{count(len(self.paragraphs), 'paragraph', 'paragraphs')}, "
            f"{count(len(self.quotes), 'quote', 'quotes')}, {len(self.furniture)} furniture>"
        )

    def paragraph(self, number: str) -> Paragraph:
        """Return the (first) paragraph numbered `number`.

        Raises:
            KeyError: If no paragraph has that number.

        Example:
            >>> from catdomain.reading.structure import read_reply
            >>> read_reply("4. Text.\\n5. More.").paragraph("5").start
            12
        """
        for paragraph in self.paragraphs:
            if paragraph.number == number:
                return paragraph
        raise KeyError(f"the reply has no paragraph numbered {number!r}")

    def body(self, part: Paragraph | QuotedRecommendation) -> str:
        """Return the text of a paragraph or quote, with interrupting furniture blanked.

        The result has exactly ``part.end - part.start`` characters, and its
        character ``i`` is ``text[part.start + i]``, except inside `gaps`,
        where every character but line breaks is a space: offsets found in
        the body plus ``part.start`` are offsets in the text.

        Example:
            >>> from catdomain.reading.structure import read_reply
            >>> reply = read_reply("1.\\tThe Ministry has\\nGE.24-08123(E)\\nopened 12 cases.\\n")
            >>> reply.body(reply.paragraphs[0])
            'The Ministry has\\n              \\nopened 12 cases.'
        """
        if not part.gaps:
            return self.text[part.start : part.end]
        pieces: list[str] = []
        position = part.start
        for start, end in part.gaps:
            pieces.append(self.text[position:start])
            pieces.append(_BLANKS.sub(" ", self.text[start:end]))
            position = end
        pieces.append(self.text[position : part.end])
        return "".join(pieces)

    def section_refs(self, index: int) -> tuple[ParagraphRef, ...]:
        """Return the paragraphs section `index` answers: its own, else its nearest ancestor's.

        Example:
            >>> from catdomain.reading.structure import read_reply
            >>> reply = read_reply(
            ...     "Paragraph 21\\nConditions of detention\\n1. Cells were renovated.\\n"
            ... )
            >>> [s.heading.text for s in reply.sections], reply.sections[1].parent
            (['Paragraph 21', 'Conditions of detention'], 0)
            >>> [str(r) for r in reply.section_refs(1)]
            ['21']
        """
        current: int | None = index
        while current is not None:
            section = self.sections[current]
            if section.heading.refs:
                return section.heading.refs
            current = section.parent
        return ()

    def answered(self) -> tuple[ParagraphRef, ...]:
        """Return the references the reply's headings and quotes name, once each, in order.

        Example:
            >>> from catdomain.reading.structure import read_reply
            >>> reply = read_reply("Paragraphs 46 and 47\\n1. Text.\\nRecommendation 15\\n2. Text.")
            >>> [str(r) for r in reply.answered()]
            ['46 and 47', '15']
        """
        refs: dict[ParagraphRef, None] = {}
        for heading in self.headings:
            refs.update(dict.fromkeys(heading.refs))
        for quote in self.quotes:
            refs.update(dict.fromkeys(quote.refs))
        return tuple(refs)


# ==========================================================================
# Lines and their normalised views

_NEWLINE = _regex.compile(r"\r\n|\r|\n")
# Whitespace other than space and tab (all one character wide) becomes a space
# in the normalised view; hyphens become "-". Zero-width characters and the
# soft hyphen are removed from it, and offsets are mapped back.
_OTHER_SPACES = (
    "\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Zero-width characters, the soft hyphen, the BOM and bidirectional marks.
_IGNORABLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_STRIP = " \t\r\n" + _OTHER_SPACES + _IGNORABLE
_TABLE = str.maketrans({**dict.fromkeys(_OTHER_SPACES, " "), "\u2010": "-", "\u2011": "-"})
_IGNORABLE_RE = _regex.compile(f"[{_IGNORABLE}]")
_TO_TRANSLATE = _regex.compile(f"[{_OTHER_SPACES}\u2010\u2011]")
# Either of the two above: most lines hold neither, and are scanned once.
_IGNORABLE_OR_TO_TRANSLATE = _regex.compile(f"[{_IGNORABLE}{_OTHER_SPACES}\u2010\u2011]")


class _Line(NamedTuple):
    """One line: its content's offsets and its normalised view."""

    start: int  # offset of the first non-blank character (the line's end if blank)
    end: int  # offset just after the last non-blank character
    norm: str  # the content with spaces unified and zero-width characters removed
    shift: tuple[int, ...]  # for each removed character, how many were kept before it

    def at(self, index: int) -> int:
        """Map an index into `norm` to an offset in the text."""
        if index >= len(self.norm):
            return self.end
        if not self.shift:
            return self.start + index
        return self.start + index + bisect.bisect_right(self.shift, index)

    def span(self, first: int, last: int) -> Span:
        """Map a slice of `norm` to a span of the text."""
        if last <= first:
            position = self.at(first)
            return position, position
        return self.at(first), self.at(last - 1) + 1


_BLANK_LINE = _Line(0, 0, "", ())


def _make_line(text: str, start: int, end: int) -> _Line:
    # Blank lines share one object: only non-blank lines' offsets are used.
    if start == end:
        return _BLANK_LINE
    raw = text[start:end]
    left = raw.lstrip(_STRIP)
    if not left:
        return _BLANK_LINE
    first = start + len(raw) - len(left)
    last = start + len(raw.rstrip(_STRIP))
    content = text[first:last]
    if _IGNORABLE_OR_TO_TRANSLATE.search(content) is None:
        return _Line(first, last, content, ())
    if _IGNORABLE_RE.search(content) is None:
        return _Line(first, last, _normal_view(content), ())
    parts: list[str] = []
    shift: list[int] = []
    kept = 0
    position = 0
    for match in _IGNORABLE_RE.finditer(content):
        parts.append(content[position : match.start()])
        kept += match.start() - position
        shift.append(kept)
        position = match.end()
    parts.append(content[position:])
    return _Line(first, last, _normal_view("".join(parts)), tuple(shift))


def _normal_view(content: str) -> str:
    """Other spaces as spaces, hyphens as "-" (replaced one by one: they are few, and
    `str.translate` with a table looks up every character of the line)."""
    return _TO_TRANSLATE.sub(_replacement, content)


def _replacement(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group())]


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    if "\r" not in text:  # the usual case: found by str.split, faster than the pattern
        for piece in text.split("\n"):
            lines.append(_make_line(text, position, position + len(piece)))
            position += len(piece) + 1
        return lines
    for match in _NEWLINE.finditer(text):
        lines.append(_make_line(text, position, match.start()))
        position = match.end()
    lines.append(_make_line(text, position, len(text)))
    return lines


class _Joined:
    """Several lines' normalised views joined by spaces, with offsets mapped back."""

    def __init__(self, lines: Sequence[_Line]) -> None:
        self.lines = list(lines)
        self.offsets: list[int] = []
        position = 0
        for line in self.lines:
            self.offsets.append(position)
            position += len(line.norm) + 1
        self.text = " ".join(line.norm for line in self.lines)

    def _locate(self, index: int) -> tuple[_Line, int]:
        number = max(bisect.bisect_right(self.offsets, index) - 1, 0)
        line = self.lines[number]
        return line, min(index - self.offsets[number], len(line.norm))

    def span(self, first: int, last: int) -> Span:
        line, index = self._locate(first)
        start = line.at(index)
        if last <= first:
            return start, start
        line, index = self._locate(last - 1)
        return start, line.at(index) + 1


# ==========================================================================
# Patterns (all bounded; applied to one normalised line at a time)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
_DATE = rf"(?i:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})"
_LANGUAGE = r"(?:Arabic|Chinese|English|French|Russian|Spanish)"
_SYMBOL = r"[A-Z]{1,6}(?:/[A-Za-z0-9][A-Za-z0-9.\-]{0,24}){1,9}"
_SYMBOL_RE = _regex.compile(rf"(?<![\w/.\-]){_SYMBOL}(?![\w/])")

# Masthead components: a masthead line is made of these only.
_COMPONENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("banner", _regex.compile(r"(?i:United\s+Nations|Nations\s+Unies)\b")),
    ("distribution", _regex.compile(r"(?i:Distr\.?\s*:?\s*(?:General|Restricted|Limited))\b")),
    (
        "original",
        _regex.compile(
            rf"(?i:Original\s*:\s*{_LANGUAGE}(?:\s*(?:,|/|and)\s*{_LANGUAGE}){{0,5}})\b"
        ),
    ),
    (
        "languages",
        _regex.compile(
            rf"(?i:{_LANGUAGE}(?:(?:\s*,\s*|\s+and\s+|\s+){_LANGUAGE}){{0,6}}"
            r"(?:\s*,|\s+and)?(?:\s+only)?)\b"
        ),
    ),
    ("unedited", _regex.compile(r"(?i:(?:Advance\s+)?unedited\s+version)\b")),
    ("addendum", _regex.compile(r"(?i:Addendum|Corrigendum)\b")),
    ("symbol", _regex.compile(rf"{_SYMBOL}(?![\w/])")),
    ("date", _regex.compile(rf"{_DATE}\b")),
)
_COMPONENT_KINDS = {
    "banner": FurnitureKind.BANNER,
    "distribution": FurnitureKind.DISTRIBUTION,
    "original": FurnitureKind.ORIGINAL_LANGUAGE,
    "languages": FurnitureKind.LANGUAGES,
    "unedited": FurnitureKind.UNEDITED,
    "symbol": FurnitureKind.SYMBOL,
    "date": FurnitureKind.DATE,
}

_JOB = r"GE\.\s?\d{2}[-\u2013]\d{3,6}\s*(?:\(\s*[A-Z]{1,2}\s*\))?(?:\s+\d{6}){0,2}"
_PAGE = r"(?i:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?"
_BODY_FURNITURE: tuple[tuple[FurnitureKind, re.Pattern[str]], ...] = (
    (FurnitureKind.JOB_NUMBER, _regex.compile(rf"(?:\d{{1,4}}\s+)?{_JOB}(?:\s+\d{{1,4}})?")),
    (FurnitureKind.BARCODE, _regex.compile(r"\*\s?\d{6,9}\s?\*")),
    (FurnitureKind.RECYCLE, _regex.compile(r"(?:\u2672\s*)?(?i:Please\s+recycle)(?:\s*\u2672)?")),
    (
        FurnitureKind.BANNER,
        _regex.compile(rf"(?i:United\s+Nations|Nations\s+Unies)(?:\s+{_SYMBOL})?"),
    ),
    (
        FurnitureKind.DISTRIBUTION,
        _regex.compile(rf"(?i:Distr\.?\s*:?\s*(?:General|Restricted|Limited))(?:\s+{_DATE})?"),
    ),
    (
        FurnitureKind.ORIGINAL_LANGUAGE,
        _regex.compile(rf"(?i:Original\s*:\s*{_LANGUAGE}(?:\s*(?:,|/|and)\s*{_LANGUAGE}){{0,5}})"),
    ),
    (
        FurnitureKind.LANGUAGES,
        _regex.compile(rf"(?i:{_LANGUAGE}(?:(?:\s*,\s*|\s+and\s+){_LANGUAGE}){{0,6}}\s+only)"),
    ),
    (FurnitureKind.UNEDITED, _regex.compile(r"(?i:(?:Advance\s+)?unedited\s+version)")),
    (FurnitureKind.SEPARATOR, _regex.compile(r"[_\-\u2013\u2014=\u2500]{3,}|(?:\*\s*){3}")),
)
# All of the above in one pattern; the group that matched names the kind.
_ANY_FURNITURE = _regex.compile(
    "|".join(
        f"(?P<f{number}>{pattern.pattern})" for number, (_, pattern) in enumerate(_BODY_FURNITURE)
    )
)
# Furniture lines are short: "Arabic, Chinese, English, French, Russian and Spanish only".
_MAX_FURNITURE = 80
_SYMBOL_LINE = _regex.compile(rf"(?:\d{{1,4}}\s+)?(?P<symbol>{_SYMBOL})(?:\s+\d{{1,4}})?")
_PAGE_LINE = _regex.compile(rf"{_PAGE}|[-\u2013\u2014]\s*\d{{1,4}}\s*[-\u2013\u2014]")
_STAR_NOTE = _regex.compile(r"\*{1,3}\s*(?P<rest>\S.*)")
_EDITING = _regex.compile(
    r"(?i)formal\s+editing|formally\s+edited|reproduced\s+as\s+received|without\s+editing"
)

# Numbered paragraphs: "12.\tText", "12. Text", "12.Text", "12." alone.
_NUMBERED = _regex.compile(r"(?P<number>\d{1,4})\.(?![\d.])\s*")
_FOOTNOTE_NUMBER = _regex.compile(r"(?P<number>\d{1,3})(?!\d)(?P<separator>[ \t]+)(?P<rest>\S.*)")
_FOOTNOTE_CUE = _regex.compile(
    r"(?i:see\b|available\b|ibid\b|idem\b|cf\.|op\.\s*cit|https?:|www\.|source\b|sources\b"
    r"|official\s+records\b|for\s+(?:more|further)\s+(?:information|details)\b)"
    rf"|{_SYMBOL}|[\"\u201c\u00ab]"
)
_MONTH_START = _regex.compile(rf"(?i:{_MONTH})\b")

# Bullets and sub-items on lines of their own.
_ITEM = _regex.compile(
    r"(?:[\u2022\u25cf\u25cb\u25e6\u25aa\u25ab\u25a0\u25a1\u27a2\u25ba\u25b6\u2023\u2043"
    r"\u00b7\u2219\uf0b7\uf0a7\u2013\u2014-](?=\s|$)"
    r"|\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)"
    r"|(?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2})\)(?=\s|$)"
    r"|(?:[a-z]|[ivx]{2,4})\.(?=\s))"
)

_TERMINAL = _regex.compile(r"[.!?;:][\"'\u201d\u2019\u00bb)\]]*(?:\d{1,3})?$")
_SENTENCE_END = _regex.compile(r"[.!?][\"'\u201d\u2019\u00bb)\]]*(?:\d{1,3})?$")
_OPEN_QUOTES = '"\u201c\u2018\u00ab\u201e'
_CLOSE_QUOTES = '"\u201d\u2019\u00bb'
_CLOSES_QUOTE = _regex.compile(r"[\"\u201d\u00bb\u2019](?:[.;,]?\d{0,3}|[.;,]?\s*\*+)$")

# Quoted recommendations: the Committee's own wording.
_OPENER = _regex.compile(
    r"(?ix)[\"\u201c\u2018\u00ab]?\s*(?:"
    r"the\s+committee\s*(?:,[^.;]{0,200}?,\s*)?"
    r"(?:(?:also|further|again|therefore|strongly|once\s+again|urgently|reiterates\s+that)\s+)?"
    r"(?:recommends|urges|calls\s+(?:up)?on|requests|encourages|invites|reiterates)\b"
    r"|the\s+state\s+party\s+(?:should|must)\b"
    r")"
)

# Labels before a quoted recommendation and before an answer.
_LABEL_END = r"\s*(?:[:.\u2013\u2014-]\s*)?"
_RECOMMENDATION_LABEL = _regex.compile(
    r"(?ix)(?:text\s+of\s+(?:the\s+)?)?(?:the\s+)?(?:committee['\u2019]s\s+)?"
    r"(?:recommendations?|concluding\s+observations?)"
    r"(?:\s+(?:of|by|from)\s+the\s+committee)?"
)
_ANSWER_LABEL = _regex.compile(
    r"(?ix)(?:"
    r"(?:(?:the\s+)?(?:state\s+party|government|state)['\u2019]s\s+)?"
    r"(?:reply|replies|response|responses|answer|comments?)"
    r"(?:\s+(?:of|by|from)\s+(?:the\s+)?(?:state\s+party|government)"
    r"(?:\s+of\s+[A-Z][A-Za-z'\u2019 ()-]{1,60})?)?"
    r"|information\s+(?:provided|submitted|received|supplied)\s+(?:by|from)\s+(?:the\s+)?"
    r"(?:state\s+party|government)(?:\s+of\s+[A-Z][A-Za-z'\u2019 ()-]{1,60})?"
    r"|(?:follow-up\s+)?information\s+(?:on|about)\s+(?:the\s+)?implementation"
    r"|follow-up\s+information|(?:follow-up\s+)?measures\s+taken|actions?\s+taken|steps\s+taken"
    r"|(?:status\s+of\s+)?implementation(?:\s+status)?"
    r")"
)
_INLINE_LABEL = _regex.compile(r"(?P<label>[^:]{3,80}?)\s*:\s*(?=\S)")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Headings that name paragraphs.
_ENUM = _regex.compile(
    r"(?P<enum>(?:[IVXLC]{1,7}|[A-Z]|\d{1,3}(?:\.\d{1,3}){0,3})[.)]"
    r"|\((?:[A-Za-z]{1,4}|\d{1,3})\)|[a-z]\))\s*"
)
_NUMLIST_ITEM = r"\d{1,4}(?![\d])(?:\s?\([a-z]{1,4}\)){0,3}"
_NUMLIST_SEP = (
    r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?i:(?:paragraphs?|paras?\.?)\s*)?"
    r"|\s*[-\u2013\u2014]\s*|\s+to\s+)"
)
_NUMLIST = rf"{_NUMLIST_ITEM}(?:{_NUMLIST_SEP}(?:{_NUMLIST_ITEM}|\([a-z]{{1,4}}\))){{0,30}}"
_REF_PHRASES = tuple(
    _regex.compile(
        rf"(?<![\w/])(?P<label>(?i:{labels}))"
        rf"\s*(?i:(?:No|Nos|Number)\.?\s*)?(?P<ref>{_NUMLIST})(?![\w/])"
    )
    # "Recommendation 1 (paragraph 10 (a))" names paragraph 10 (a): paragraph
    # labels are tried first.
    for labels in (
        r"paragraphs?|paras?\.?|\u00a7{1,2}",
        r"recommendations?|concluding\s+observations?",
    )
)
_CO_WORDS = (
    r"(?:\s*,?\s*(?:of|in|from|under|contained\s+in)\s+(?:the\s+)?"
    r"(?:committee['\u2019]s\s+)?(?:(?:latest|last|previous|recent|final|most\s+recent)\s+)?"
    r"(?:concluding\s+observations?|recommendations?|document|report)"
    r"(?:\s+(?:of|by|adopted\s+by)\s+the\s+committee(?:\s+(?:against|on|for)\s+[a-z ,]{3,80}?)?)?"
    r"(?:\s+(?:on|concerning|in\s+respect\s+of|relating\s+to|regarding|of|adopted\s+(?:on|in))"
    r"\s+[^()\[\]:;.\u2013\u2014]{1,150}?)?)?"
)
_SYMBOL_PART = (
    r"(?:\s*,?\s*(?:\(\s*(?:document\s+)?(?-i:" + _SYMBOL + r")"
    r"(?:\s*,\s*(?:paras?\.?|paragraphs?)\s*[0-9][0-9 ,\-\u2013\u2014a-z()]{0,40})?\s*\)"
    r"|(?:of\s+(?:document\s+)?)?(?-i:" + _SYMBOL + r")))?"
)
_SUBJECT_PART = (
    r"(?:\s*(?:[:.\u2013\u2014]|\s-)\s*(?P<subject>\S.{0,199})"
    r"|\s*\((?P<psubject>[^()]{1,200})\))?"
)
_TAIL = _regex.compile(_CO_WORDS + _SYMBOL_PART + _SUBJECT_PART + r"\s*[:.]?\s*", re.IGNORECASE)
_PAREN_TAIL = _regex.compile(_CO_WORDS + r"\s*\)\s*[:.]?\s*", re.IGNORECASE)
_PAREN_PREFIX = _regex.compile(
    rf"(?P<subject>[^()]{{1,200}}?)\s*\(\s*(?:(?:document\s+)?{_SYMBOL}\s*,?\s*)?"
)
_LEAD_WORDS = _word_set(
    """
    follow-up follow up information additional further updated supplementary new
    reply replies response responses answer answers comment comments observation
    observations remarks clarification clarifications measures measure action actions
    steps taken progress implementation implemented implementing update updates state
    party party's parties government government's state's the of to on in for with
    regard regards respect relating related relation pertaining concerning regarding
    referring referred reference contained set out made selected recommendation
    recommendations committee committee's provided submitted given by and re re: as
    concluding about under addressed raised issue issues requested request requests item
    point subject matter question questions its this at co data status report reporting
    input note notes explanation explanations position views feedback specific
    particular priority priorities urgent identified
    """
)
# Words that make a lead a heading's, where it also holds names.
_LEAD_CUES = _word_set(
    """
    follow-up follow information reply replies response responses answer answers comment
    comments observations remarks clarification clarifications measures action actions
    steps progress implementation update updates recommendation recommendations
    concluding feedback
    """
)
_FUNCTION_WORDS = _word_set(
    """
    a an the of and or to in on for with by at from as that which who whose whom its
    their his her our this these those into onto under over between against including
    than but nor not no is are was were be been being has have had will would shall
    should may might can could must such per via
    """
)
_TOP_LEVEL_HEADINGS = _word_set(
    """
    introduction conclusion conclusions annex annexes appendix appendices general
    preamble background overview summary contents
    """
)

# Header patterns.
_COMMITTEES: tuple[tuple[re.Pattern[str], TreatyBody], ...] = tuple(
    (_regex.compile(pattern, re.IGNORECASE), body)
    for pattern, body in (
        (r"(?:the\s+)?committee\s+against\s+torture\b", TreatyBody.CAT),
        (r"(?:the\s+)?subcommittee\s+on\s+(?:the\s+)?prevention\s+of\s+torture"
         r"(?:\s+and\s+other\s+cruel,?\s+inhuman\s+or\s+degrading\s+treatment\s+or"
         r"\s+punishment)?\b", TreatyBody.SPT),
        (r"(?:the\s+)?human\s+rights\s+committee\b", TreatyBody.CCPR),
        (r"(?:the\s+)?committee\s+on\s+economic,?\s+social\s+and\s+cultural\s+rights\b",
         TreatyBody.CESCR),
        (r"(?:the\s+)?committee\s+on\s+the\s+elimination\s+of\s+racial\s+discrimination\b",
         TreatyBody.CERD),
        (r"(?:the\s+)?committee\s+on\s+the\s+elimination\s+of\s+discrimination\s+against"
         r"\s+women\b", TreatyBody.CEDAW),
        (r"(?:the\s+)?committee\s+on\s+the\s+rights\s+of\s+the\s+child\b", TreatyBody.CRC),
        (r"(?:the\s+)?committee\s+on\s+(?:the\s+protection\s+of\s+the\s+rights\s+of\s+all\s+)?"
         r"migrant\s+workers(?:\s+and\s+members\s+of\s+their\s+families)?\b", TreatyBody.CMW),
        (r"(?:the\s+)?committee\s+on\s+the\s+rights\s+of\s+persons\s+with\s+disabilities\b",
         TreatyBody.CRPD),
        (r"(?:the\s+)?committee\s+on\s+enforced\s+disappearances?\b", TreatyBody.CED),
    )
)  # fmt: skip
_TREATY_START = _regex.compile(
    r"(?i)(?:international\s+)?(?:convention|covenant)\b|optional\s+protocol\b"
)
_TREATY_BODIES: tuple[tuple[re.Pattern[str], TreatyBody], ...] = tuple(
    (_regex.compile(pattern, re.IGNORECASE), body)
    for pattern, body in (
        (r"optional\s+protocol\s+to\s+the\s+convention\s+against\s+torture", TreatyBody.SPT),
        (r"against\s+torture", TreatyBody.CAT),
        (r"civil\s+and\s+political", TreatyBody.CCPR),
        (r"economic,?\s+social", TreatyBody.CESCR),
        (r"racial\s+discrimination", TreatyBody.CERD),
        (r"discrimination\s+against\s+women", TreatyBody.CEDAW),
        (r"rights\s+of\s+the\s+child", TreatyBody.CRC),
        (r"migrant\s+workers", TreatyBody.CMW),
        (r"persons\s+with\s+disabilities", TreatyBody.CRPD),
        (r"enforced\s+disappearance", TreatyBody.CED),
    )
)
_TREATY_WORDS = _word_set(
    """
    and or other cruel inhuman degrading treatment punishment of the all forms racial
    discrimination against women rights child persons with disabilities civil political
    economic social cultural protection enforced disappearance migrant workers members
    their families elimination on for from to convention covenant international
    optional protocol torture
    """
)
_SESSION = _regex.compile(
    rf"(?i)(?:[a-z]+(?:-[a-z]+)?|\d{{1,3}}(?:st|nd|rd|th))\s+session\b.{{0,80}}"
    rf"|(?:Geneva|New\s+York)\b.{{0,80}}"
    rf"|(?:provisional\s+)?(?:agenda\s+)?item\s+\d+.{{0,150}}"
    rf"|\d{{1,2}}(?:\s+{_MONTH})?(?:\s+\d{{4}})?\s*[-\u2013\u2014]\s*\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"
)
_RECEIVED = _regex.compile(
    r"(?i)\[\s*(?:(?:date\s+(?:received|of\s+receipt)|received(?:\s+on)?)\s*:?\s*)?"
    r"(?P<bracketed>[^\[\]]{4,60}?)\s*\]\.?"
    r"|(?:date\s+(?:received|of\s+receipt)|received\s+on)\s*:?\s*(?P<plain>.{4,60}?)\.?"
)
_TITLE_START = _regex.compile(
    r"(?i)(?:(?:follow-up|additional|further|updated|supplementary)\s+)*"
    r"(?:information|replies|reply|comments|observations|responses?|report|follow-up)\b"
)
_TITLE_CUE = _regex.compile(
    r"(?i)\b(?:received|submitted|provided|transmitted|presented|sent)\s+(?:from|by)\b"
    r"|\bfollow-up\b"
)
_CO_TITLE = _regex.compile(r"(?i)concluding\s+observations\s+(?:on|of|concerning)\s+the\b.{0,300}")
_STATE_CUE = _regex.compile(
    r"(?i)\b(?:received\s+from|submitted\s+by|provided\s+by|transmitted\s+by|presented\s+by"
    r"|sent\s+by|repl(?:y|ies)\s+of|comments\s+of|observations\s+of|responses?\s+of"
    r"|reports?\s+of)\s+(?:the\s+government\s+of\s+)?"
)
_ORDINALS: dict[str, int] = {
    "initial": 1, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_ORDINAL = (
    r"(?:(?:twenty|thirty|forty)[-\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth)|" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r"|\d{1,2}(?:st|nd|rd|th))"
)
_CYCLES = _regex.compile(
    rf"(?i)\b(?:its|the)\s+(?:combined\s+)?(?P<list>{_ORDINAL}"
    rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+to\s+|\s*[-\u2013\u2014]\s*){_ORDINAL}){{0,12}})"
    r"\s+(?:combined\s+)?(?:periodic\s+)?reports?\b"
)
_ORDINAL_TOKEN = _regex.compile(rf"(?i){_ORDINAL}|(?P<range>\bto\b|[-\u2013\u2014](?=\s*\w))")


# ==========================================================================
# Small helpers


def _parse_symbol(text: str) -> DocumentSymbol | None:
    text = text.rstrip(".-")
    try:
        return DocumentSymbol.parse(text)
    except ParseError:
        return None


def _symbols(norm: str) -> list[tuple[DocumentSymbol, int, int]]:
    """Return the symbols in a normalised text with their indices."""
    found: list[tuple[DocumentSymbol, int, int]] = []
    for match in _SYMBOL_RE.finditer(norm):
        raw = match.group(0).rstrip(".-")
        symbol = _parse_symbol(raw)
        if symbol is not None and symbol.body is not None:
            found.append((symbol, match.start(), match.start() + len(raw)))
    return found


def _date(text: str) -> PartialDate | None:
    try:
        return parse_date(text)
    except ParseError:
        return None


def _ends_sentence(norm: str) -> bool:
    return _SENTENCE_END.search(norm[-8:]) is not None


def _ends_clause(norm: str) -> bool:
    return _TERMINAL.search(norm[-8:]) is not None


def _ordinal_value(word: str) -> int | None:
    word = word.lower().replace(" ", "-")
    if word in _ORDINALS:
        return _ORDINALS[word]
    if word[:-2].isdigit():
        return int(word[:-2])
    tens, _, unit = word.partition("-")
    if tens in _TENS and unit in _ORDINALS:
        return _TENS[tens] + _ORDINALS[unit]
    return None


def _cycles(listing: str) -> tuple[int, ...]:
    values: list[int] = []
    pending_range = False
    for match in _ORDINAL_TOKEN.finditer(listing):
        if match.group("range"):
            pending_range = bool(values)
            continue
        value = _ordinal_value(match.group(0))
        if value is None:
            continue
        if pending_range and values and values[-1] < value <= values[-1] + 20:
            values.extend(range(values[-1] + 1, value + 1))
        elif value not in values:
            values.append(value)
        pending_range = False
    return tuple(values)


def _responds_to(symbol: DocumentSymbol) -> DocumentSymbol | None:
    """Derive the concluding observations a reply's own symbol answers."""
    if symbol.type_token == "FCO":
        parts = symbol.base.text.split("/")
        index = len(parts) - 1 - parts[::-1].index("FCO")
        parts[index] = "CO"
        return _parse_symbol("/".join(parts))
    if symbol.kind is DocumentKind.CONCLUDING_OBSERVATIONS and any(
        modifier.startswith("Add.") for modifier in symbol.modifiers
    ):
        return symbol.base
    return None


_PARAGRAPH_WORD = _regex.compile(r"(?i)\b(?:paragraphs?|paras?\.?)\s*")
_WHITESPACE = _regex.compile(r"\s+")
_SUB_LETTERS = _regex.compile(r"(\([a-z]{1,4}\))(?:\s?\([a-z0-9]{1,4}\))+")
_DIGITS = _regex.compile(r"\d+")
_INNER_STOP = _regex.compile(r"[.;!?]\s+\S")
_STOP_BEFORE_SPACE = _regex.compile(r"[.;!?]\s")


def _parse_ref(raw: str, document: DocumentSymbol | None) -> ParagraphRef | None:
    text = _PARAGRAPH_WORD.sub("", raw.replace("&", " and "))
    text = _WHITESPACE.sub(" ", text).strip()
    if text.isascii() and text.isdigit() and int(text) >= 1:
        # One number, the usual heading's reference: what the grammar would read.
        return ParagraphRef(items=(ParagraphSpan(start=int(text)),), document=document)
    attempts = (text, _SUB_LETTERS.sub(r"\1", text))
    for attempt in attempts:
        try:
            return ParagraphRef.parse(attempt, document=document)
        except ParseError:
            continue
    first = _DIGITS.match(text)
    if first is None or int(first.group(0)) < 1:
        return None
    return ParagraphRef(items=(ParagraphSpan(start=int(first.group(0))),), document=document)


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman(token: str) -> int | None:
    if not token or any(c not in _ROMAN_VALUES for c in token):
        return None
    total = 0
    for index, char in enumerate(token):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total


# ==========================================================================
# Headings


class _HeadingMatch(NamedTuple):
    enum: str | None  # the enumerator's token ("II", "A", "1.2", "(a)")
    ref: str | None  # the reference text ("11–15", "3 (a) and (b)")
    symbol: DocumentSymbol | None


def _lead_ok(prefix: str, *, enumerated: bool) -> bool:
    words = prefix.split()
    if not words:
        return True
    if len(words) > 14 or len(prefix) > 160:
        return False
    if not enumerated and not words[0][:1].isupper():
        return False
    names = False
    cue = False
    for word in words:
        plain = word.lower().replace("\u2019", "'").strip(",")
        if plain in _LEAD_WORDS:
            cue = cue or plain in _LEAD_CUES
            continue
        if word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha():
            names = True  # a proper name: "Reply of the Government of Tajikistan to"
            continue
        return False
    return cue or not names


_NUMBER_ABBREVIATION = _regex.compile(r"\b(?:No|Nos|paras?|arts?|pp?)\.\s*(?=[0-9])", re.IGNORECASE)


def _subject_ok(subject: str | None) -> bool:
    if subject is None:
        return True
    subject = subject.strip()
    if not subject or subject[-1] in ".,;" or len(subject.split()) > 20:
        return False
    if subject[0] in _OPEN_QUOTES or _ends_sentence(subject) or _OPENER.match(subject):
        return False
    # "Recommendation No. 3": the full stop of an abbreviation before a number ends nothing.
    return _INNER_STOP.search(_NUMBER_ABBREVIATION.sub("", subject)) is None


def _enum_token(match: re.Match[str] | None) -> str | None:
    if match is None:
        return None
    token = match.group("enum").strip()
    return token[:-1] if token.endswith((".", ")")) and not token.startswith("(") else token


_last_heading: tuple[str, _HeadingMatch | None] = ("", None)


def _ref_heading(norm: str) -> _HeadingMatch | None:
    """Match a heading that names paragraphs; the text is one normalised line.

    A line is asked twice in a row (is it a label, is it a heading), so the last
    answer is kept.
    """
    global _last_heading  # noqa: PLW0603 - a one-entry cache
    last = _last_heading  # read once: another thread may replace it
    if last[0] == norm and norm:
        return last[1]
    found = _read_ref_heading(norm)
    _last_heading = (norm, found)
    return found


def _read_ref_heading(norm: str) -> _HeadingMatch | None:
    if len(norm) > 300 or not norm:
        return None
    enum = _ENUM.match(norm)
    position = enum.end() if enum else 0
    if enum is None and norm[0].islower():
        return None
    for pattern in _REF_PHRASES:
        phrase = pattern.search(norm, position)
        if phrase is not None and _frames_reference(
            norm[position : phrase.start()], norm[phrase.end() :], enumerated=enum is not None
        ):
            symbols = _symbols(norm)
            symbol = symbols[0][0] if symbols else None
            return _HeadingMatch(_enum_token(enum), phrase.group("ref"), symbol)
    return None


_INLINE_HEADING = _regex.compile(r"(?P<head>[^:]{1,200}?)\s*:\s*(?=\S)")


def _frames_reference(prefix: str, suffix: str, *, enumerated: bool) -> bool:
    """Whether the text around a reference makes the line a heading."""
    if _lead_ok(prefix, enumerated=enumerated):
        tail = _TAIL.fullmatch(suffix)
        return tail is not None and _subject_ok(tail.group("subject") or tail.group("psubject"))
    paren = _PAREN_PREFIX.fullmatch(prefix)
    if paren is None or not _subject_ok(paren.group("subject")):
        return False
    if not paren.group("subject")[:1].isupper() and not enumerated:
        return False
    return _PAREN_TAIL.fullmatch(suffix) is not None


_GENERIC_ENUM = _regex.compile(
    r"(?P<enum>(?:[IVXLC]{1,7}|[A-Z])\.|\d{1,3}(?:\.\d{1,3}){1,3}\.?)(?:\s+|(?<=\.)(?=[A-Z]))"
)


# ==========================================================================
# The header


@attrs.define
class _Header:
    symbol: DocumentSymbol | None = None
    symbol_span: Span | None = None
    body: TreatyBody | None = None
    body_span: Span | None = None
    state: str | None = None
    state_span: Span | None = None
    title: str | None = None
    title_span: Span | None = None
    received: PartialDate | None = None
    received_span: Span | None = None
    issued: PartialDate | None = None
    issued_span: Span | None = None
    responds_to: DocumentSymbol | None = None
    responds_to_span: Span | None = None
    cycles: tuple[int, ...] = ()
    cycles_span: Span | None = None
    header_end: int = 0


_COLUMN_GAP = _regex.compile(r"\t+[ \u00a0]*|[ \u00a0]{2,}")


class _HeaderReader:
    """Reads the masthead and title block at the top of a reply."""

    def __init__(self, text: str, lines: list[_Line]) -> None:
        self.text = text
        self.lines = lines
        self.header = _Header()
        self.furniture: list[Furniture] = []
        self.title_lines: list[_Line] = []
        self.co_title_lines: list[_Line] = []
        self.treaty_lines: list[_Line] = []
        self.committee_body: tuple[TreatyBody, Span] | None = None
        self.references: list[tuple[DocumentSymbol, Span]] = []

    def run(self) -> int:
        """Read the header; return the index of the first body line."""
        lines = self.lines
        index = 0
        seen = False
        last = ""
        while index < len(lines):
            line = lines[index]
            norm = line.norm
            if not norm:
                index += 1
                if last in ("title", "treaty"):
                    last = "blank"
                continue
            if len(norm) > 500:
                break
            kind = self._continuation(line, last)
            if kind is None:
                kind = self._element(line)
            if kind is None:
                kind = self._columns(line, last)
            if kind is None:
                break
            seen = True
            last = kind
            index += 1
        if not seen:
            return 0
        self._finish()
        self.header.header_end = lines[index].start if index < len(lines) else len(self.text)
        return index

    def _columns(self, line: _Line, last: str) -> str | None:
        """A masthead line holding two columns ("or Punishment<tab>Distr.: General"),
        as text extracted from a PDF gives it: each column read as a line of its own."""
        gaps = list(_COLUMN_GAP.finditer(self.text, line.start, line.end))
        if not gaps:
            return None
        saved = (
            copy.copy(self.header),
            list(self.furniture),
            list(self.title_lines),
            list(self.co_title_lines),
            list(self.treaty_lines),
            self.committee_body,
            list(self.references),
        )
        kind: str | None = last
        position = line.start
        for gap in [*gaps, None]:
            stop = line.end if gap is None else gap.start()
            part = _make_line(self.text, position, stop)
            if part.norm:
                assert kind is not None
                kind = self._continuation(part, kind) or self._element(part)
                if kind is None:  # not a masthead after all: undo what its columns set
                    (
                        self.header,
                        self.furniture,
                        self.title_lines,
                        self.co_title_lines,
                        self.treaty_lines,
                        self.committee_body,
                        self.references,
                    ) = saved
                    return None
            if gap is not None:
                position = gap.end()
        return kind

    def _continuation(self, line: _Line, last: str) -> str | None:
        norm = line.norm
        if last == "title" and self.title_lines:
            previous = self.title_lines[-1].norm.rstrip("*").split()
            if (
                len(norm) <= 200
                and not norm.startswith("[")
                and _masthead(norm) is None
                and (norm[0].islower() or (previous and previous[-1].lower() in _FUNCTION_WORDS))
            ):
                self.title_lines.append(line)
                return "title"
        if last == "treaty":
            words = re.findall(r"[A-Za-z]+", norm)
            if words and all(word.lower() in _TREATY_WORDS for word in words):
                self.treaty_lines.append(line)
                return "treaty"
        if last == "note" and norm[0].islower():
            note = self.furniture[-1]
            self.furniture[-1] = Furniture(start=note.start, end=line.end, kind=note.kind)
            return "note"
        return None

    def _element(self, line: _Line) -> str | None:
        norm = line.norm
        components = _masthead(norm)
        if components is not None:
            return self._masthead_line(line, components)
        for kind, pattern in _BODY_FURNITURE[:3]:
            if pattern.fullmatch(norm):
                self.furniture.append(Furniture(start=line.start, end=line.end, kind=kind))
                return "furniture"
        star = _STAR_NOTE.fullmatch(norm)
        if star is not None and _BODY_FURNITURE[1][1].fullmatch(norm) is None:
            kind = FurnitureKind.EDITING_NOTE if _EDITING.search(norm) else FurnitureKind.FOOTNOTE
            self.furniture.append(Furniture(start=line.start, end=line.end, kind=kind))
            return "note"
        for pattern, body in _COMMITTEES:
            match = pattern.match(norm)
            if match is not None and len(norm) - match.end() <= 100:
                if self.committee_body is None:
                    self.committee_body = (body, line.span(match.start(), match.end()))
                return "committee"
        if _TREATY_START.match(norm) and len(norm) <= 200:
            self.treaty_lines = [line]
            return "treaty"
        if _SESSION.fullmatch(norm):
            return "session"
        received = _RECEIVED.fullmatch(norm)
        if received is not None:
            group = "bracketed" if received.group("bracketed") else "plain"
            date = _date(received.group(group))
            if date is not None:
                if self.header.received is None:
                    self.header.received = date
                    self.header.received_span = line.span(*received.span(group))
                return "received"
        # A title may name paragraphs ("Information received from Chad on follow-up
        # to paragraphs 9 and 15 …"): it is the title if it names the State.
        if _ref_heading(norm) is None or (self._is_title(norm) and _names_state(norm)):
            if self._is_title(norm) and not self.title_lines:
                self.title_lines = [line]
                self._references(line)
                return "title"
            if _CO_TITLE.fullmatch(norm.rstrip("*")) and not self.co_title_lines:
                self.co_title_lines = [line]
                self._references(line)
                return "co-title"
        symbols = _symbols(norm)
        if symbols and len(norm) <= 60 and norm.strip("()[]. ") == symbols[0][0].text:
            self.references.append((symbols[0][0], line.span(symbols[0][1], symbols[0][2])))
            return "reference"
        return None

    @staticmethod
    def _is_title(norm: str) -> bool:
        core = norm.rstrip("*").rstrip()
        return (
            _TITLE_START.match(core) is not None
            and _TITLE_CUE.search(core) is not None
            and not core.endswith(".")
        )

    def _references(self, line: _Line) -> None:
        for symbol, first, last in _symbols(line.norm):
            self.references.append((symbol, line.span(first, last)))

    def _masthead_line(self, line: _Line, components: list[tuple[str, int, int]]) -> str:
        header = self.header
        for name, first, last in components:
            if name == "symbol" and header.symbol is None:
                symbol = _parse_symbol(line.norm[first:last])
                if symbol is not None:
                    header.symbol = symbol
                    header.symbol_span = line.span(first, first + len(symbol.text))
            elif name == "date" and header.issued is None:
                date = _date(line.norm[first:last])
                if date is not None:
                    header.issued = date
                    header.issued_span = line.span(first, last)
        first_kind = components[0][0]
        if first_kind in _COMPONENT_KINDS:
            kind = _COMPONENT_KINDS[first_kind]
            self.furniture.append(Furniture(start=line.start, end=line.end, kind=kind))
        return "masthead"

    def _finish(self) -> None:
        header = self.header
        # The title proper ("Information received from …") first; an older
        # masthead's "Concluding observations on the … report of …" is the
        # title only when there is no other, and may still give State and cycles.
        for lines in (self.title_lines, self.co_title_lines):
            if not lines:
                continue
            joined = _Joined(lines)
            core = _strip_stars(joined.text)
            if header.title is None:
                header.title = re.sub(r"\s+", " ", core)
                header.title_span = joined.span(0, len(core))
            if header.state is None:
                cue = _STATE_CUE.search(core)
                if cue is not None:
                    found = match_state(core[cue.end() :])
                    if found is not None:
                        header.state = found[0]
                        header.state_span = joined.span(cue.end(), cue.end() + found[1])
            if not header.cycles:
                cycles = _CYCLES.search(core)
                if cycles is not None:
                    values = _cycles(cycles.group("list"))
                    if values:
                        header.cycles = values
                        header.cycles_span = joined.span(*cycles.span())
        if self.treaty_lines and self.committee_body is None:
            joined = _Joined(self.treaty_lines)
            for pattern, body in _TREATY_BODIES:
                if pattern.search(joined.text):
                    self.committee_body = (body, joined.span(0, len(joined.text)))
                    break
        if header.symbol is not None:
            if header.symbol.body is not None:
                header.body, header.body_span = header.symbol.body, header.symbol_span
            if header.symbol.state is not None:
                header.state, header.state_span = header.symbol.state, header.symbol_span
        if header.body is None and self.committee_body is not None:
            header.body, header.body_span = self.committee_body
        for symbol, span in self.references:
            if symbol.kind is DocumentKind.CONCLUDING_OBSERVATIONS and symbol != header.symbol:
                header.responds_to, header.responds_to_span = symbol, span
                break


def _strip_stars(text: str) -> str:
    r"""`text` without trailing space and footnote stars ("Information received …*").

    A loop, not ``re.sub(r"(?:\s*\*+)+$", …)``: that pattern backtracks
    exponentially on a long run of stars followed by another character.
    """
    text = text.rstrip()
    while text.endswith("*"):
        text = text.rstrip("*").rstrip()
    return text


def _names_state(norm: str) -> bool:
    cue = _STATE_CUE.search(norm)
    return cue is not None and match_state(norm[cue.end() :]) is not None


def _masthead(norm: str) -> list[tuple[str, int, int]] | None:
    """Split a masthead line into its components, or return None if it is not one."""
    if len(norm) > 200:
        return None
    found: list[tuple[str, int, int]] = []
    position = 0
    while position < len(norm):
        if norm[position] in " \t":
            position += 1
            continue
        for name, pattern in _COMPONENTS:
            match = pattern.match(norm, position)
            if match is not None and match.end() > position:
                found.append((name, match.start(), match.end()))
                position = match.end()
                break
        else:
            return None
    if found and all(name == "languages" for name, _, _ in found):
        # One language name alone is masthead only as "English only".
        several = len(re.findall(_LANGUAGE, norm, re.IGNORECASE)) > 1
        return found if several or norm.lower().endswith("only") else None
    return found or None


# ==========================================================================
# The body


class _Block:
    """A paragraph or a quote being built."""

    __slots__ = (
        "closed_quote",
        "end",
        "from_label",
        "furniture_mark",
        "is_quote",
        "item_open",
        "items",
        "last_len",
        "last_norm",
        "marked",
        "number",
        "number_ref",
        "section",
        "start",
    )

    def __init__(
        self,
        *,
        is_quote: bool,
        number: str | None,
        section: int | None,
        furniture_mark: int,
        start: int,
    ) -> None:
        self.is_quote = is_quote
        self.number = number
        self.section = section
        self.furniture_mark = furniture_mark
        self.start = start
        self.end = start
        self.items: list[list[int]] = []
        self.item_open = False
        self.last_norm = ""
        self.last_len = 0
        self.marked = False
        self.closed_quote = False
        self.from_label = False
        self.number_ref: str | None = None

    @property
    def empty(self) -> bool:
        return not self.last_norm

    def add(self, start: int, end: int, norm: str) -> None:
        if self.empty:
            self.start = start
        self.end = end
        self.last_norm = norm
        self.last_len = len(norm)
        if self.item_open:
            self.items[-1][1] = end

    def add_item(self, start: int, end: int, norm: str) -> None:
        self.items.append([start, end])
        self.item_open = True
        self.add(start, end, norm)


@attrs.define
class _HeadingDraft:
    start: int
    end: int
    text: str
    level: int
    ref: str | None
    symbol: DocumentSymbol | None
    parent: int | None


class _BodyReader:
    """Scans the body's lines once and builds headings, paragraphs, quotes, furniture."""

    def __init__(
        self, text: str, lines: list[_Line], first: int, furniture: list[Furniture]
    ) -> None:
        self.text = text
        self.lines = lines
        self.first = first
        self.furniture = furniture
        self.headings: list[_HeadingDraft] = []
        self.paragraphs: list[Paragraph] = []
        self.quotes: list[tuple[Span, int | None, str | None, tuple[Span, ...]]] = []
        self.block: _Block | None = None
        self.expected: int | None = None
        self.section: int | None = None
        self.section_start = False
        self.pending_label = False
        self.in_footnote = False
        self.blank_before = False
        self.last_kind = "start"  # kind of the last non-blank line
        self.last_page: int | None = None
        self.last_enum_level = 0
        self.open_headings: list[int] = []
        self.last_letter: str | None = None
        self.last_roman = 0
        self._measure()

    # -- document-wide measures, computed once ---------------------------

    def _measure(self) -> None:
        lengths: list[int] = []
        continued = 0
        previous: _Line | None = None
        numbered: list[int] = []
        numbers: list[int] = []
        self.has_answer_labels = False
        for index in range(self.first, len(self.lines)):
            line = self.lines[index]
            if not line.norm:
                continue
            norm = line.norm
            if len(norm) >= 20:
                lengths.append(len(norm))
            if previous is not None and len(previous.norm) >= 20 and norm[0].islower():
                continued += 1
            previous = line
            match = _NUMBERED.match(norm)
            if match is not None:
                numbered.append(index)
                numbers.append(int(match.group("number")))
            if (
                not self.has_answer_labels
                and len(norm) <= 120
                and _label(norm, _ANSWER_LABEL) is not None
            ):
                self.has_answer_labels = True
        lengths.sort()
        self.width = lengths[int(len(lengths) * 0.9)] if lengths else 0
        self.pdf_like = bool(lengths) and continued >= 0.15 * len(lengths) and self.width <= 250
        self.numbered_lines = numbered
        self.numbered_values = numbers

    def _next_number_after(self, index: int) -> int | None:
        position = bisect.bisect_right(self.numbered_lines, index)
        if position < len(self.numbered_lines):
            return self.numbered_values[position]
        return None

    # -- the scan -----------------------------------------------------------

    def run(self) -> None:
        index = self.first
        lines = self.lines
        while index < len(lines):
            line = lines[index]
            if not line.norm:
                if self.last_kind != "furniture":
                    self.blank_before = True
                self.in_footnote = False
                index += 1
                continue
            index = self._line(index, line)
            self.blank_before = False
        self._close()

    def _line(self, index: int, line: _Line) -> int:
        """Classify one non-blank line; return the index of the next line to read."""
        norm = line.norm
        in_footnote, self.in_footnote = self.in_footnote, False
        kind = self._furniture_kind(index, norm)
        if kind is not None:
            self._add_furniture(line.start, line.end, kind)
            self.last_kind = "furniture"
            return index + 1
        if _STAR_NOTE.fullmatch(norm) is not None:
            note = FurnitureKind.EDITING_NOTE if _EDITING.search(norm) else FurnitureKind.FOOTNOTE
            self._footnote(line, note)
            return index + 1
        if len(norm) <= 300 and self._labels(line):
            return index + 1
        numbered = _NUMBERED.match(norm)
        if numbered is not None and self._numbered(index, line, numbered):
            return index + 1
        if len(norm) <= 300:
            consumed = self._ref_heading_at(index, line)
            if consumed:
                return index + consumed
        if ":" in norm[:200] and self._inline_heading(line):
            return index + 1
        item = _ITEM.match(norm)
        if item is not None and not self._continues_with_lower_case(norm[item.end() :]):
            self._item(line, item)
            return index + 1
        if self._numbered_footnote(line):
            return index + 1
        if in_footnote and (norm[0].islower() or not _ends_sentence(self._last_note_text())):
            previous = self.furniture[-1]
            self.furniture[-1] = Furniture(start=previous.start, end=line.end, kind=previous.kind)
            self.in_footnote = True
            return index + 1
        generic = self._generic_heading(index, line)
        if generic is not None:
            self._heading(line.start, line.end, norm, _HeadingMatch(generic, None, None))
            return index + 1
        self._text(line, 0)
        return index + 1

    # -- furniture and footnotes -----------------------------------------

    def _furniture_kind(
        self, index: int, norm: str, *, commit: bool = True
    ) -> FurnitureKind | None:
        """Return the kind of furniture `norm` is; `commit` records a page number seen."""
        if len(norm) > _MAX_FURNITURE:
            return None
        first = norm[0]
        if first.isdigit() or first in "-\u2013\u2014" or first in "Pp":
            page = _PAGE_LINE.fullmatch(norm)
            if page is not None:
                return FurnitureKind.PAGE_NUMBER if self._is_page(index, norm, commit) else None
        furniture = _ANY_FURNITURE.fullmatch(norm)
        if furniture is not None and furniture.lastgroup is not None:
            return _BODY_FURNITURE[int(furniture.lastgroup[1:])][0]
        symbol = _SYMBOL_LINE.fullmatch(norm)
        if symbol is not None and _parse_symbol(symbol.group("symbol")) is not None:
            return FurnitureKind.SYMBOL
        return None

    def _is_page(self, index: int, norm: str, commit: bool) -> bool:
        digits = _DIGITS.search(norm)
        value = int(digits.group(0)) if digits else 0
        if not norm.isdigit():
            return True  # "Page 3", "3/15", "- 3 -"
        if self.last_page is not None and value == self.last_page + 1:
            if commit:
                self.last_page = value
            return True
        neighbour = self.last_kind == "furniture"
        if not neighbour:
            following = self._next_nonblank(index)
            if following is not None:
                text = following.norm
                neighbour = any(
                    pattern.fullmatch(text)
                    for kind, pattern in _BODY_FURNITURE
                    if kind in (FurnitureKind.JOB_NUMBER, FurnitureKind.BARCODE)
                ) or (_SYMBOL_LINE.fullmatch(text) is not None)
        isolated = (
            self.blank_before
            and index + 1 < len(self.lines)
            and not self.lines[index + 1].norm
            and self.block is not None
            and _ends_clause(self.block.last_norm)
        )
        if neighbour or isolated:
            if commit:
                self.last_page = value
            return True
        return False

    def _next_content(self, index: int, limit: int = 20) -> _Line | None:
        """Return the next line that is neither blank nor furniture (looking `limit` ahead)."""
        for following in range(index + 1, min(index + 1 + limit, len(self.lines))):
            line = self.lines[following]
            if line.norm and self._furniture_kind(following, line.norm, commit=False) is None:
                return line
        return None

    def _next_nonblank(self, index: int, limit: int = 5) -> _Line | None:
        for following in range(index + 1, min(index + 1 + limit, len(self.lines))):
            if self.lines[following].norm:
                return self.lines[following]
        return None

    def _add_furniture(self, start: int, end: int, kind: FurnitureKind) -> None:
        self.furniture.append(Furniture(start=start, end=end, kind=kind))

    def _footnote(self, line: _Line, kind: FurnitureKind) -> None:
        self._add_furniture(line.start, line.end, kind)
        self.in_footnote = True
        self.last_kind = "furniture"

    def _last_note_text(self) -> str:
        note = self.furniture[-1]
        return self.text[max(note.start, note.end - 8) : note.end]

    def _footnote_like(self, number: int, rest: str, *, tab: bool, dotted: bool) -> bool:
        cue = _FOOTNOTE_CUE.match(rest) is not None
        if self.expected is not None and number == self.expected and not dotted:
            # The next paragraph's number without its dot: a footnote only if it says so.
            return cue or tab
        if (tab and not dotted) or cue:
            return True
        if not rest[:1].isupper() or _MONTH_START.match(rest) or len(rest) > 250:
            return False
        block = self.block
        return (
            self.last_kind == "furniture"
            or self.blank_before
            or block is None
            or _ends_sentence(block.last_norm)
        )

    def _numbered_footnote(self, line: _Line) -> bool:
        match = _FOOTNOTE_NUMBER.fullmatch(line.norm)
        if match is None:
            return False
        number = int(match.group("number"))
        if not self._footnote_like(
            number, match.group("rest"), tab="\t" in match.group("separator"), dotted=False
        ):
            return False
        self._footnote(line, FurnitureKind.FOOTNOTE)
        return True

    # -- labels ------------------------------------------------------------

    def _labels(self, line: _Line) -> bool:
        norm = line.norm
        if not _may_be_label(norm):
            return False
        if _may_name_paragraphs(norm) and _ref_heading(norm) is not None:
            return False
        for pattern, is_recommendation in ((_RECOMMENDATION_LABEL, True), (_ANSWER_LABEL, False)):
            end = _label(norm, pattern)
            if end is None:
                continue
            self._close()
            self._add_furniture(*line.span(0, end), FurnitureKind.LABEL)
            self.last_kind = "label"
            self.pending_label = is_recommendation
            rest = len(norm) - len(norm[end:].lstrip())
            if rest < len(norm):
                numbered = _NUMBERED.match(norm, rest)
                if is_recommendation and numbered is not None and numbered.end() < len(norm):
                    self._start_quote(
                        line, numbered.end(), number_ref=numbered.group("number"), from_label=True
                    )
                elif is_recommendation:
                    self._start_quote(line, rest, from_label=True)
                else:
                    self._text(line, rest, fresh=True)
            return True
        return False

    # -- numbered paragraphs --------------------------------------------

    def _fits(self, number: int) -> bool:
        if self.expected is None:
            return 1 <= number <= 999
        if number == self.expected:
            return True
        return number == 1 and self.section_start and self.section is not None

    def _numbered(self, index: int, line: _Line, match: re.Match[str]) -> bool:
        """Handle a line that starts with "N."; return False if it is only text."""
        norm = line.norm
        number = int(match.group("number"))
        body = match.end()
        heading = _ref_heading(norm)
        if heading is not None:
            self._heading(line.start, line.end, norm, heading)
            return True
        rest = norm[body:]
        opener = _OPENER.match(rest) is not None
        if self.pending_label or (opener and self._quote_allowed()):
            # A recommendation quoted with its number in the concluding
            # observations, or numbered in the reply's own sequence.
            consume = (
                self.expected is not None
                and number == self.expected
                and self._next_number_after(index) == number + 1
            )
            if consume:
                self.expected = number + 1
            self._start_quote(line, body, number_ref=None if consume else str(number))
            return True
        block = self.block
        if block is not None and block.is_quote and block.marked and not block.closed_quote:
            return False
        if self._fits(number):
            self._close()
            self.expected = number + 1
            self.section_start = False
            block = _Block(
                is_quote=False,
                number=str(number),
                section=self.section,
                furniture_mark=len(self.furniture),
                start=line.at(body),
            )
            self.block = block
            if body < len(norm):
                block.add(*line.span(body, len(norm)), rest)
            self.last_kind = "paragraph"
            return True
        if rest and self._footnote_like(number, rest, tab="\t" in norm[:body], dotted=True):
            self._footnote(line, FurnitureKind.FOOTNOTE)
            return True
        return False

    # -- headings ----------------------------------------------------------

    def _ref_heading_at(self, index: int, line: _Line) -> int:
        """Read a heading naming paragraphs at line `index`; return how many lines it takes."""
        norm = line.norm
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        if not _may_name_paragraphs(norm) and (
            following is None or not _may_name_paragraphs(following.norm)
        ):
            return 0
        if (
            following is not None
            and following.norm
            and len(following.norm) <= 150
            and (following.norm[0].islower() or following.norm[0] in "(0123456789")
            and _NUMBERED.match(following.norm) is None
            and self._furniture_kind(index + 1, following.norm, commit=False) is None
            and len(norm) + len(following.norm) < 300
        ):
            joined = _Joined([line, following])
            heading = _ref_heading(joined.text)
            if heading is not None:
                start, end = joined.span(0, len(joined.text))
                text = _WHITESPACE.sub(" ", joined.text)
                self._heading(start, end, text, heading)
                return 2
        heading = _ref_heading(norm)
        if heading is None:
            return 0
        if heading.ref is not None and self._continues_sentence(line):
            return 0
        self._heading(line.start, line.end, norm, heading)
        return 1

    def _inline_heading(self, line: _Line) -> bool:
        """Read "Paragraph 10: The Committee recommends …" as a heading and what follows."""
        norm = line.norm
        colon = _INLINE_HEADING.match(norm)
        if colon is None or not _may_name_paragraphs(colon.group("head")):
            return False
        heading = _ref_heading(colon.group("head"))
        if heading is None or (heading.ref is not None and self._continues_sentence(line)):
            return False
        start, end = line.span(0, colon.end("head"))
        self._heading(start, end, colon.group("head"), heading)
        rest = colon.end()
        if _OPENER.match(norm, rest) or norm[rest] in _OPEN_QUOTES:
            self._start_quote(line, rest)
        else:
            self._text(line, rest, fresh=True)
        return True

    def _continues_sentence(self, line: _Line) -> bool:
        """Whether a line in wrapped text is the middle of a sentence, not a heading."""
        block = self.block
        if not self.pdf_like or block is None or block.empty or self.blank_before:
            return False
        return not _ends_clause(block.last_norm) and self.last_kind != "furniture"

    def _generic_heading(self, index: int, line: _Line) -> str | None:
        """Return the enumerator ("" if none) of a heading that names no paragraph, or None."""
        norm = line.norm
        if len(norm) > 150:
            return None
        enum = _GENERIC_ENUM.match(norm)
        body = norm[enum.end() :] if enum else norm
        if not body or not body[0].isalpha() or not body[0].isupper():
            return None
        if body[-1] in ".,;:" or body[-1] in "-\u2013\u2014":
            return None
        words = body.split()
        if len(words) > 16 or words[-1].lower().strip(",") in _FUNCTION_WORDS:
            return None
        if len(_DIGITS.findall(body)) > 1 or "   " in body or "\t" in body:
            return None
        if _STOP_BEFORE_SPACE.search(body):
            return None
        block = self.block
        if block is not None and block.is_quote and block.marked and not block.closed_quote:
            return None
        if enum is None:
            if block is not None and not block.empty and not _ends_sentence(block.last_norm):
                return None
            if self.pending_label or _OPENER.match(body) is not None:
                return None
            if self.pdf_like and self.width and len(norm) >= 0.75 * self.width:
                return None
        following = self._next_content(index)
        if following is not None:
            if following.norm[0].islower():
                return None
            if enum is None and not _substantial(following.norm):
                return None  # short lines in a row: a table or a list, not headings
        return _enum_token(enum) or "" if enum else ""

    def _level(self, enum: str | None, has_refs: bool, text: str) -> int:
        if enum:
            if enum.startswith("(") or enum[-1:] == ")" or enum.islower():
                return 4
            if enum[0].isdigit():
                return 3 + enum.count(".")
            roman = _roman(enum)
            is_letter = len(enum) == 1 and (
                (self.last_letter is not None and ord(enum) == ord(self.last_letter) + 1)
                or roman is None
                or (enum != "I" and roman != self.last_roman + 1)
            )
            if is_letter:
                self.last_letter = enum
                return 2
            self.last_roman = roman or 0
            self.last_letter = None
            return 1
        base = self.last_enum_level + 1
        if not has_refs and text.split(maxsplit=1)[0].lower() not in _TOP_LEVEL_HEADINGS:
            # The nearest open heading at this level: a subject heading under a
            # heading that names paragraphs is its child.
            open_at_base = [i for i in self.open_headings if self.headings[i].level <= base]
            if open_at_base:
                draft = self.headings[open_at_base[-1]]
                if draft.level == base and draft.ref is not None:
                    return base + 1
        return base

    def _heading(self, start: int, end: int, text: str, match: _HeadingMatch) -> None:
        enum, ref, symbol = match
        self._close()
        level = self._level(enum, ref is not None, text)
        if enum:
            self.last_enum_level = level
        # `open_headings` holds the indices of the headings that enclose the
        # current position, levels increasing: the parent is the last one of
        # a lower level.
        stack = self.open_headings
        while stack and self.headings[stack[-1]].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        stack.append(len(self.headings))
        text = _WHITESPACE.sub(" ", text).strip()
        self.headings.append(_HeadingDraft(start, end, text, level, ref, symbol, parent))
        self.section = len(self.headings) - 1
        self.section_start = True
        self.pending_label = False
        self.in_footnote = False
        self.last_kind = "heading"

    # -- items, quotes and text ------------------------------------------

    def _item(self, line: _Line, match: re.Match[str]) -> None:
        span = (line.start, line.end)
        block = self.block
        if block is not None and block.is_quote and block.marked and block.closed_quote:
            self._close()
            block = None
        if block is None:
            if self.pending_label:
                self._start_quote(line, 0, from_label=True)
                return
            self.block = block = _Block(
                is_quote=False,
                number=None,
                section=self.section,
                furniture_mark=len(self.furniture),
                start=span[0],
            )
            self.section_start = False
        block.add_item(span[0], span[1], line.norm)
        if block.is_quote:
            self._check_quote_closed(block, line.norm)
        self.last_kind = "item"

    def _continues_with_lower_case(self, rest: str) -> bool:
        """Whether "(2) of the Code" after an unfinished sentence is wrapped text, not an item."""
        block = self.block
        rest = rest.lstrip()
        return (
            block is not None
            and not block.empty
            and not _ends_clause(block.last_norm)
            and rest[:1].islower()
        )

    def _quote_allowed(self) -> bool:
        block = self.block
        return block is None or block.empty or _ends_sentence(block.last_norm) or self.blank_before

    def _new_block_position(self, line: _Line) -> bool:
        block = self.block
        if block is None or block.empty or self.blank_before:
            return True
        return _ends_clause(block.last_norm) and not line.norm[0].islower()

    def _start_quote(
        self,
        line: _Line,
        first: int,
        *,
        number_ref: str | None = None,
        from_label: bool = False,
    ) -> None:
        self._close()
        norm = line.norm
        block = _Block(
            is_quote=True,
            number=None,
            section=self.section,
            furniture_mark=len(self.furniture),
            start=line.at(first),
        )
        block.from_label = from_label or self.pending_label
        block.number_ref = number_ref
        rest = norm[first:]
        if rest and rest[0] in _OPEN_QUOTES:
            block.marked = True
        if _ITEM.match(rest):
            block.add_item(*line.span(first, len(norm)), rest)
        else:
            block.add(*line.span(first, len(norm)), rest)
        self._check_quote_closed(block, rest)
        self.block = block
        self.pending_label = False
        self.last_kind = "quote"

    @staticmethod
    def _check_quote_closed(block: _Block, norm: str) -> None:
        if block.marked and _CLOSES_QUOTE.search(norm[-12:]) and len(norm) > 1:
            block.closed_quote = True

    def _quote_continues(self, block: _Block, norm: str) -> bool:
        if block.marked:
            return not block.closed_quote
        if norm[0].islower() or not _ends_clause(block.last_norm):
            return not self.blank_before or norm[0].islower()
        return block.from_label and self.has_answer_labels and not self.blank_before

    def _text(self, line: _Line, first: int, *, fresh: bool = False) -> None:
        """Handle a line of text from index `first` of its normalised view."""
        norm = line.norm[first:]
        span = line.span(first, len(line.norm))
        block = self.block
        if block is not None and not fresh:
            if block.item_open and not (norm[0].islower() or not _ends_clause(block.last_norm)):
                block.item_open = False
            if block.is_quote:
                if self._quote_continues(block, norm):
                    block.add(*span, norm)
                    self._check_quote_closed(block, norm)
                    self.last_kind = "quote"
                    return
                self._close()
                block = None
        if not fresh:
            opener = _OPENER.match(norm) is not None
            if opener and self._new_block_position(line):
                self._start_quote(line, first)
                return
            if norm[0] in _OPEN_QUOTES and (self.section_start or self.pending_label):
                self._start_quote(line, first)
                return
            if self.pending_label:
                self._start_quote(line, first, from_label=True)
                return
        if (
            block is not None
            and not fresh
            and (block.number is not None or not self._paragraph_break(block, norm))
        ):
            block.add(*span, norm)
            self.last_kind = "paragraph"
            return
        self._close()
        self.block = _Block(
            is_quote=False,
            number=None,
            section=self.section,
            furniture_mark=len(self.furniture),
            start=span[0],
        )
        self.block.add(*span, norm)
        self.section_start = False
        self.last_kind = "paragraph"

    def _paragraph_break(self, block: _Block, norm: str) -> bool:
        if block.empty:
            return False
        if norm[0].islower():
            return False
        if self.blank_before:
            return True
        if not self.pdf_like:
            return True
        if not _ends_sentence(block.last_norm):
            return False
        return block.last_len < 0.85 * self.width

    def _close(self) -> None:
        block = self.block
        if block is None:
            return
        self.block = None
        gaps = tuple(
            (f.start, f.end)
            for f in self.furniture[block.furniture_mark :]
            if f.start >= block.start and f.end <= block.end
        )
        if block.is_quote:
            if block.empty:
                return
            start, end = block.start, block.end
            if block.marked:
                start, end = _unquote(self.text, start, end)
            self.quotes.append(((start, end), block.section, block.number_ref, gaps))
            return
        if block.empty and block.number is None:
            return
        self.paragraphs.append(
            Paragraph(
                number=block.number,
                start=block.start,
                end=block.end,
                section=block.section,
                items=tuple((s, e) for s, e in block.items),
                gaps=gaps,
            )
        )


_WHOLE_LABELS = {
    id(pattern): _regex.compile(pattern.pattern + _LABEL_END, pattern.flags)
    for pattern in (_RECOMMENDATION_LABEL, _ANSWER_LABEL)
}


def _substantial(norm: str) -> bool:
    """Whether a line can follow a heading: a paragraph, a heading, a sentence."""
    return (
        len(norm) > 60
        or _ends_clause(norm)
        or _NUMBERED.match(norm) is not None
        or _GENERIC_ENUM.match(norm) is not None
        or _ITEM.match(norm) is not None
        or norm[0] in _OPEN_QUOTES
        or (_may_name_paragraphs(norm) and _ref_heading(norm) is not None)
        or _label(norm, _RECOMMENDATION_LABEL) is not None
        or _label(norm, _ANSWER_LABEL) is not None
    )


def _may_name_paragraphs(norm: str) -> bool:
    """A quick test before the heading grammar: does the line contain a label word?"""
    lower = norm.lower()
    return "para" in lower or "recommend" in lower or "concluding" in lower or "\u00a7" in norm


_LABEL_FIRST_WORDS = _word_set(
    """
    text the committee's committee recommendation recommendations concluding state
    state's government government's reply replies response responses answer comment
    comments information follow-up measures action actions steps status implementation
    """
)
_FIRST_WORD = _regex.compile(r"[^\s:.\u2013\u2014-]+")


def _may_be_label(norm: str) -> bool:
    """A quick test before the label patterns: a short line, or a colon, and a label's word."""
    if len(norm) > 120 and ":" not in norm[:84]:
        return False
    first = _FIRST_WORD.match(norm)
    return first is not None and first.group(0).lower().replace("\u2019", "'") in _LABEL_FIRST_WORDS


def _label(norm: str, pattern: re.Pattern[str]) -> int | None:
    """Return the index where a label at the start of `norm` ends, or None."""
    if not _may_be_label(norm):
        return None
    whole = _WHOLE_LABELS[id(pattern)].fullmatch(norm)
    if whole is not None and (":" in norm or len(norm) <= 60):
        return len(norm)
    inline = _INLINE_LABEL.match(norm)
    if inline is not None and pattern.fullmatch(inline.group("label")):
        return norm.index(":", inline.start("label")) + 1
    return None


def _unquote(text: str, start: int, end: int) -> Span:
    """Narrow a span to what is inside its enclosing quotation marks."""
    first, last = start, end
    if first < last and text[first] in _OPEN_QUOTES:
        first += 1
        while first < last and (text[first].isspace() or text[first] in _IGNORABLE):
            first += 1
    tail = last
    while tail > first and (text[tail - 1].isdigit() or text[tail - 1] in ".;,*"):
        tail -= 1
    if tail > first and text[tail - 1] in _CLOSE_QUOTES and last - tail <= 4:
        last = tail - 1
        while last > first and (text[last - 1].isspace() or text[last - 1] in _IGNORABLE):
            last -= 1
    if last <= first:
        return start, end
    return first, last


# ==========================================================================
# Assembling the result


def _finish(
    text: str,
    header: _Header,
    body: _BodyReader,
    given: DocumentSymbol | None,
) -> ReplyStructure:
    if given is not None:
        if header.symbol != given:
            header.symbol_span = None
        header.symbol = given
        if given.body is not None:
            header.body, header.body_span = given.body, header.symbol_span
        if given.state is not None:
            header.state, header.state_span = given.state, header.symbol_span
    if header.responds_to is None:
        for draft in body.headings:
            symbol = draft.symbol
            if symbol is not None and symbol.kind is DocumentKind.CONCLUDING_OBSERVATIONS:
                header.responds_to = symbol
                header.responds_to_span = _symbol_span(text, draft.start, draft.end, symbol)
                break
    if header.responds_to is None and header.symbol is not None:
        derived = _responds_to(header.symbol)
        if derived is not None:
            header.responds_to, header.responds_to_span = derived, header.symbol_span
    responds_to = header.responds_to
    if responds_to is not None:
        if header.body is None and responds_to.body is not None:
            header.body, header.body_span = responds_to.body, header.responds_to_span
        if header.state is None and responds_to.state is not None:
            header.state, header.state_span = responds_to.state, header.responds_to_span
    if not header.cycles:
        for source, span in ((responds_to, header.responds_to_span), (header.symbol, None)):
            if source is not None and source.cycles:
                header.cycles = source.cycles
                header.cycles_span = span if source is responds_to else header.symbol_span
                break

    headings: list[Heading] = []
    for draft in body.headings:
        document = draft.symbol if draft.symbol is not None else responds_to
        ref = _parse_ref(draft.ref, document) if draft.ref is not None else None
        headings.append(
            Heading(
                start=draft.start,
                end=draft.end,
                text=draft.text,
                level=draft.level,
                refs=(ref,) if ref is not None else (),
                symbol=draft.symbol,
            )
        )
    section_paragraphs: list[list[int]] = [[] for _ in headings]
    section_quotes: list[list[int]] = [[] for _ in headings]
    for number, paragraph in enumerate(body.paragraphs):
        if paragraph.section is not None:
            section_paragraphs[paragraph.section].append(number)

    def refs_of(index: int | None) -> tuple[ParagraphRef, ...]:
        while index is not None:
            if headings[index].refs:
                return headings[index].refs
            index = body.headings[index].parent
        return ()

    quotes: list[QuotedRecommendation] = []
    for number, ((start, end), section, number_ref, gaps) in enumerate(body.quotes):
        refs = refs_of(section)
        if not refs and number_ref is not None:
            ref = _parse_ref(number_ref, responds_to)
            refs = (ref,) if ref is not None else ()
        quotes.append(
            QuotedRecommendation(start=start, end=end, refs=refs, section=section, gaps=gaps)
        )
        if section is not None:
            section_quotes[section].append(number)
    sections = tuple(
        Section(
            heading=heading,
            paragraphs=tuple(section_paragraphs[index]),
            quotes=tuple(section_quotes[index]),
            parent=body.headings[index].parent,
        )
        for index, heading in enumerate(headings)
    )
    return ReplyStructure(
        text=text,
        header=ReplyHeader(
            symbol=header.symbol,
            body=header.body,
            state=header.state,
            title=header.title,
            received=header.received,
            issued=header.issued,
            responds_to=header.responds_to,
            report_cycles=header.cycles,
            header_end=header.header_end,
            symbol_span=header.symbol_span,
            body_span=header.body_span,
            state_span=header.state_span,
            title_span=header.title_span,
            received_span=header.received_span,
            issued_span=header.issued_span,
            responds_to_span=header.responds_to_span,
            report_cycles_span=header.cycles_span,
        ),
        headings=tuple(headings),
        sections=sections,
        paragraphs=tuple(body.paragraphs),
        quotes=tuple(quotes),
        furniture=tuple(sorted(body.furniture, key=lambda f: f.start)),
    )


def _symbol_span(text: str, start: int, end: int, symbol: DocumentSymbol) -> Span | None:
    position = text.find(symbol.text, start, end)
    return None if position < 0 else (position, position + len(symbol.text))


def read_reply(text: str, *, symbol: DocumentSymbol | None = None) -> ReplyStructure:
    """Read the structure of a follow-up reply.

    Args:
        text: The reply's text, with any line endings ("\\n", "\\r\\n", "\\r").
            Offsets in the result index this exact string.
        symbol: The reply's own symbol, if the caller knows it (from a
            catalogue or the file name). It takes precedence over a symbol in
            the text, and supplies the body, the State and the concluding
            observations answered when the text does not name them.

    Returns:
        The structure. A text without paragraphs (or an empty one) gives a
        structure without paragraphs; reading never fails on text.

    Raises:
        TypeError: If `text` is not a str (decode bytes first, with
            `catdomain.reading._input.decode` or `read_document`), or
            `symbol` is not a DocumentSymbol.

    Example:
        >>> from catdomain.reading.structure import read_reply
        >>> reply = read_reply(
        ...     "United Nations\\tCAT/C/TJK/FCO/3\\n"
        ...     "Distr.: General\\n12 June 2025\\n"
        ...     "Committee against Torture\\n"
        ...     "Information received from Tajikistan on follow-up to the concluding"
        ...     " observations on its third periodic report*\\n"
        ...     "[Date received: 3 March 2025]\\n"
        ...     "Paragraph 9 of the concluding observations\\n"
        ...     "1.The Code of Criminal Procedure was amended.\\n"
        ... )
        >>> h = reply.header
        >>> h.symbol, h.state, h.responds_to, str(h.issued), str(h.received)
        (DocumentSymbol('CAT/C/TJK/FCO/3'), 'TJK', DocumentSymbol('CAT/C/TJK/CO/3'), '2025-06-12', '2025-03-03')
        >>> reply.text[h.header_end:].split("\\n")[0]
        'Paragraph 9 of the concluding observations'
        >>> [(p.number, reply.body(p)) for p in reply.paragraphs]
        [('1', 'The Code of Criminal Procedure was amended.')]
        >>> read_reply(b"1. Text")
        Traceback (most recent call last):
        ...
        TypeError: read_reply() needs the text as a str, got bytes: decode it first (catdomain.reading._input.decode)
    """  # noqa: E501
    if not isinstance(text, str):
        raise TypeError(
            f"read_reply() needs the text as a str, got {type(text).__name__}: decode it first"
            " (catdomain.reading._input.decode)"
        )
    if symbol is not None and not isinstance(symbol, DocumentSymbol):
        raise TypeError(f"symbol must be a DocumentSymbol or None, got {type(symbol).__name__}")
    lines = _split_lines(text)
    header_reader = _HeaderReader(text, lines)
    first = header_reader.run()
    body = _BodyReader(text, lines, first, list(header_reader.furniture))
    body.run()
    return _finish(text, header_reader.header, body, symbol)
