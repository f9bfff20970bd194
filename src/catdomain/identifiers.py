"""Identifiers: UN document symbols, paragraph references and provision paths.

Each identifier keeps a canonical text form: ``X.parse(str(x)) == x``. A
`DocumentSymbol` keeps the exact string it was given, so its round trip is
exact; `ParagraphRef` and `ProvisionPath` print a canonical form ("11–15",
"article 362 (4)") that may differ from the wording they were read from.

Example:
    >>> from catdomain.identifiers import DocumentSymbol, ParagraphRef, parse_provisions
    >>> DocumentSymbol.parse("CAT/C/KAZ/CO/5-6").cycles
    (5, 6)
    >>> str(ParagraphRef.parse("paras. 46 and 47"))
    '46 and 47'
    >>> [str(p) for p in parse_provisions("articles 131 and 147")]
    ['article 131', 'article 147']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any, NamedTuple, TypeAlias

import attrs

from catdomain.exceptions import ModelError, ParseError
from catdomain.vocab import DocumentKind, TreatyBody

__all__ = [
    "PROVISION_UNITS",
    "DocumentSymbol",
    "ParagraphRef",
    "ParagraphSpan",
    "ProvisionPath",
    "parse_provisions",
]

_Validator: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]

# Dashes: hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash,
# em dash, horizontal bar, minus sign.
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_EN_DASH = "\u2013"


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# ==========================================================================
# Document symbols

_ROOTS: dict[tuple[str, ...], TreatyBody | None] = {
    ("CAT", "C"): TreatyBody.CAT,
    ("CAT", "OP"): TreatyBody.SPT,
    ("CCPR", "C"): TreatyBody.CCPR,
    ("E", "C.12"): TreatyBody.CESCR,
    ("CERD", "C"): TreatyBody.CERD,
    ("CEDAW", "C"): TreatyBody.CEDAW,
    ("CRC", "C"): TreatyBody.CRC,
    ("CMW", "C"): TreatyBody.CMW,
    ("CRPD", "C"): TreatyBody.CRPD,
    ("CED", "C"): TreatyBody.CED,
    ("HRI", "GEN"): None,
    ("HRI", "CORE"): None,
    ("A", "HRC"): None,
    ("E", "CN.4"): None,
}
"""Known series roots, as segments, and the treaty body each belongs to."""

_KIND_BY_TOKEN: dict[str, DocumentKind] = {
    "CO": DocumentKind.CONCLUDING_OBSERVATIONS,
    "FCO": DocumentKind.FOLLOW_UP_REPLY,
    "Q": DocumentKind.LIST_OF_ISSUES,
    "LOI": DocumentKind.LIST_OF_ISSUES,
    "QPR": DocumentKind.LIST_OF_ISSUES_PRIOR_TO_REPORTING,
    "LOIPR": DocumentKind.LIST_OF_ISSUES_PRIOR_TO_REPORTING,
    "RQ": DocumentKind.REPLIES_TO_LIST_OF_ISSUES,
    "SR": DocumentKind.SUMMARY_RECORD,
    "ROSP": DocumentKind.VISIT_REPORT,
    "ROSPs": DocumentKind.VISIT_REPORT,
}
# Type tokens whose following number is not a reporting cycle.
_NUMBERED_TOKENS = frozenset({"ROSP", "ROSPs", "SR", "GC"})
_MAX_COMBINED_CYCLES = 20
# Real symbols stay under 60 characters; the cap bounds the parse cache's memory.
_MAX_SYMBOL_LENGTH = 200

_FIRST_SEGMENT = re.compile(r"[A-Z]+")
_SEGMENT = re.compile(r"[A-Z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*|[0-9]+(?:-[0-9]+)?")
_MODIFIER = re.compile(r"(?:Add|Corr|Rev|Amend)\.[0-9]+")
_SUMMARY_RECORD = re.compile(r"SR\.([0-9]+)")
_STATE = re.compile(r"[A-Z]{3}")
_LETTERS = re.compile(r"[A-Z][A-Za-z]*")
_NUMBERS = re.compile(r"([0-9]+)(?:-([0-9]+))?")
_WHITESPACE = re.compile(r"\s")


@attrs.frozen
class _SymbolParts:
    root: str
    body: TreatyBody | None
    state: str | None
    type_token: str | None
    kind: DocumentKind | None
    cycles: tuple[int, ...]
    session: int | None
    number: int | None
    modifiers: tuple[str, ...]
    base: str


def _symbol_error(text: str, reason: str, position: int | None = None) -> ParseError:
    return ParseError("document symbol", text, reason=reason, position=position)


def _check_symbol_shape(text: str) -> list[str]:
    """Check the characters and segments of a symbol; return its segments."""
    if not text:
        raise _symbol_error(text, "empty text")
    if len(text) > _MAX_SYMBOL_LENGTH:
        raise _symbol_error(text, f"longer than {_MAX_SYMBOL_LENGTH} characters: not a UN symbol")
    if text != text.strip():
        raise _symbol_error(text, "surrounding whitespace: strip the text first")
    space = _WHITESPACE.search(text)
    if space is not None:
        raise _symbol_error(text, "a UN symbol contains no whitespace", space.start())
    if text[0].islower():
        raise _symbol_error(text, "UN symbols are upper case", 0)
    if text.startswith("/"):
        raise _symbol_error(text, "starts with '/'", 0)
    if text.endswith("/"):
        raise _symbol_error(text, "ends with '/'", len(text) - 1)
    empty = text.find("//")
    if empty >= 0:
        raise _symbol_error(text, "empty part between '//'", empty)
    segments = text.split("/")
    if len(segments) < 2:
        raise _symbol_error(text, "a UN symbol has at least two parts separated by '/'")
    if _FIRST_SEGMENT.fullmatch(segments[0]) is None:
        raise _symbol_error(text, "the first part must be upper-case letters", 0)
    position = 0
    for segment in segments:
        if _SEGMENT.fullmatch(segment) is None:
            if segment[:1].islower() and _SEGMENT.fullmatch(segment.upper()) is not None:
                raise _symbol_error(text, f"UN symbols are upper case: {segment!r}", position)
            raise _symbol_error(text, f"{segment!r} is not a valid part", position)
        position += len(segment) + 1
    return segments


def _split_root(segments: list[str]) -> tuple[tuple[str, ...], TreatyBody | None]:
    for size in (2, 1):
        root = tuple(segments[:size])
        if root in _ROOTS:
            return root, _ROOTS[root]
    second = segments[1] if len(segments) > 1 else ""
    if (
        _SEGMENT.fullmatch(second)
        and second[:1].isupper()
        and not _MODIFIER.fullmatch(second)
        and not _SUMMARY_RECORD.fullmatch(second)
    ):
        return tuple(segments[:2]), None
    return tuple(segments[:1]), None


def _expand(match: re.Match[str], text: str, position: int) -> tuple[int, ...]:
    first = int(match.group(1))
    if match.group(2) is None:
        return (first,)
    last = int(match.group(2))
    if last <= first:
        raise _symbol_error(text, "a combined cycle range must increase", position)
    if last - first >= _MAX_COMBINED_CYCLES:
        raise _symbol_error(
            text, f"a combined report covers at most {_MAX_COMBINED_CYCLES} cycles", position
        )
    return tuple(range(first, last + 1))


@functools.lru_cache(maxsize=4096)
def _analyse(text: str) -> _SymbolParts:
    """Parse a symbol into its parts (cached: symbols recur and parts are immutable)."""
    segments = _check_symbol_shape(text)
    root, body = _split_root(segments)
    rest = segments[len(root) :]
    positions = []
    position = sum(len(s) + 1 for s in root)
    for segment in rest:
        positions.append(position)
        position += len(segment) + 1

    count = len(rest)
    while count and _MODIFIER.fullmatch(rest[count - 1]):
        count -= 1
    modifiers = tuple(rest[count:])
    if len(segments) - len(modifiers) < 2:
        raise _symbol_error(text, "a modifier needs a symbol of at least two parts before it")
    for segment, where in zip(rest[:count], positions, strict=False):
        if _MODIFIER.fullmatch(segment):
            raise _symbol_error(text, f"modifiers such as {segment!r} come last", where)

    state: str | None = None
    type_token: str | None = None
    number: int | None = None
    cycles: tuple[int, ...] = ()
    before: list[int] = []  # plain numbers before any State or type token
    after_state: list[tuple[re.Match[str], int]] = []
    after_type: list[tuple[re.Match[str], int]] = []
    for segment, where in zip(rest[:count], positions, strict=False):
        record = _SUMMARY_RECORD.fullmatch(segment)
        numbers = _NUMBERS.fullmatch(segment)
        if record is not None:
            type_token, number = "SR", int(record.group(1))
        elif (
            _STATE.fullmatch(segment)
            and state is None
            and segment not in _KIND_BY_TOKEN
            and segment not in _NUMBERED_TOKENS
        ):
            state = segment
        elif _LETTERS.fullmatch(segment):
            type_token = segment
            after_type = []
        elif numbers is not None:
            if type_token is not None:
                after_type.append((numbers, where))
            elif state is not None:
                after_state.append((numbers, where))
            elif numbers.group(2) is None:
                before.append(int(numbers.group(1)))
        # Other segments ("WG.6", "L.10") stay in the text without a typed part.

    session: int | None = None
    if after_type and type_token is not None and type_token != "SR":
        match, where = after_type[0]
        if (state is not None and type_token not in _NUMBERED_TOKENS) or match.group(2):
            cycles = _expand(match, text, where)
        else:
            number = int(match.group(1))
    elif after_state and type_token is None:
        match, where = after_state[0]
        if body is not None:
            cycles = _expand(match, text, where)
        elif match.group(2) is None:
            number = int(match.group(1))
    if before:
        if len(before) >= 2:
            session, number = before[0], before[-1]
        elif number is None and not cycles:
            number = before[0]
        else:
            session = before[0]

    kind: DocumentKind | None
    if type_token is not None:
        kind = _KIND_BY_TOKEN.get(type_token, DocumentKind.OTHER)
    elif root == ("HRI", "CORE"):
        kind = DocumentKind.CORE_DOCUMENT
    elif state is not None and cycles:
        kind = DocumentKind.STATE_REPORT
    else:
        kind = None

    base = "/".join(segments[: len(segments) - len(modifiers)])
    return _SymbolParts(
        root="/".join(root),
        body=body,
        state=state,
        type_token=type_token,
        kind=kind,
        cycles=cycles,
        session=session,
        number=number,
        modifiers=modifiers,
        base=base,
    )


def _check_symbol_text(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise ModelError("DocumentSymbol", "text", value, "must be a str")
    try:
        _analyse(value)
    except ParseError as error:
        raise ModelError("DocumentSymbol", "text", value, error.reason) from None


@attrs.frozen(repr=False)
class DocumentSymbol:
    """A UN document symbol, kept exactly as written, with typed parts.

    ``CAT/C/KAZ/CO/4`` is the series root ``CAT/C``, the State ``KAZ``
    (ISO 3166-1 alpha-3; only the shape is checked), the type token ``CO``
    and the cycle ``4``. Construction validates: ``DocumentSymbol(text)``
    raises `ModelError` and `parse` raises `ParseError` for text that is not a
    symbol. Equality and hashing are by the text.

    How the parts are read:

    - The root is a known series ("CAT/C", "CAT/OP", "CCPR/C", "E/C.12",
      "CERD/C", "CEDAW/C", "CRC/C", "CMW/C", "CRPD/C", "CED/C", "HRI/GEN",
      "HRI/CORE", "A/HRC", "E/CN.4"); for any other series it is the first
      part, with the second when that is not a number or a modifier
      ("S/RES/2334" → "S/RES"), and `body` is None.
    - The State is the first part of three upper-case letters that is not a
      known type token; the type token is the last other letters-only part.
      Unknown type tokens are kept, with `kind` ``DocumentKind.OTHER``.
    - A number after a type token, in a symbol with a State, is the reporting
      cycle ("CO/4", combined "CO/5-6"); after "ROSP", "GC" or without a
      State it is the document `number`. A bare number after the State of a
      treaty body's series is the cycle of a State report ("CAT/C/KAZ/4").
    - Without State or type token, "root/session/number" gives `session` and
      `number` ("CCPR/C/128/3"); their meaning varies by series, so `kind` is
      None.
    - Trailing "Add.n", "Corr.n", "Rev.n", "Amend.n" are `modifiers`. The kind
      is the base document's kind: in CAT's older practice, follow-up replies
      were addenda to the concluding observations ("CAT/C/KAZ/CO/4/Add.1"),
      which therefore report ``CONCLUDING_OBSERVATIONS`` with modifier
      "Add.1".

    Attributes:
        text: The symbol exactly as written.

    Example:
        >>> from catdomain.identifiers import DocumentSymbol
        >>> sym = DocumentSymbol.parse("CAT/C/TJK/FCO/3/Add.1")
        >>> sym.root, sym.body, sym.state, sym.type_token, sym.cycles, sym.modifiers
        ('CAT/C', <TreatyBody.CAT: 'CAT'>, 'TJK', 'FCO', (3,), ('Add.1',))
        >>> sym.kind
        <DocumentKind.FOLLOW_UP_REPLY: 'follow-up-reply'>
        >>> str(sym.base)
        'CAT/C/TJK/FCO/3'
        >>> DocumentSymbol.parse("cat/c/kaz/co/4")
        Traceback (most recent call last):
        ...
        catdomain.exceptions.ParseError: invalid document symbol 'cat/c/kaz/co/4' at character 0: UN symbols are upper case
    """  # noqa: E501

    text: str = attrs.field(validator=_check_symbol_text)

    @classmethod
    def parse(cls, text: str) -> DocumentSymbol:
        """Read a symbol; the text must be exactly the symbol, without spaces.

        Args:
            text: The symbol ("CAT/C/KAZ/CO/4").

        Returns:
            The symbol; ``str()`` of it gives back `text`.

        Raises:
            ParseError: If `text` is not a well-formed UN symbol; the reason
                says what is wrong and where.

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> str(DocumentSymbol.parse("E/C.12/KAZ/CO/2"))
            'E/C.12/KAZ/CO/2'
            >>> DocumentSymbol.parse("CAT/C/KAZ/CO/")  # doctest: +ELLIPSIS
            Traceback (most recent call last):
            ...
            catdomain.exceptions.ParseError: invalid document symbol ...: ends with '/'
        """
        _analyse(text)
        return cls(text)

    @property
    def root(self) -> str:
        """The series root ("CAT/C", "E/C.12", "A/HRC").

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("A/HRC/WG.6/44/KAZ/1").root
            'A/HRC'
        """
        return _analyse(self.text).root

    @property
    def body(self) -> TreatyBody | None:
        """The treaty body of the series, or None (Human Rights Council, unknown series).

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("CAT/OP/KAZ/ROSP/1").body
            <TreatyBody.SPT: 'SPT'>
        """
        return _analyse(self.text).body

    @property
    def state(self) -> str | None:
        """The State's ISO 3166-1 alpha-3 code, if the symbol has one.

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("CAT/C/KAZ/4").state
            'KAZ'
        """
        return _analyse(self.text).state

    @property
    def type_token(self) -> str | None:
        """The document type token as written ("CO", "QPR", "SR"), if any.

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("CAT/C/KAZ/XYZ/4").type_token
            'XYZ'
        """
        return _analyse(self.text).type_token

    @property
    def kind(self) -> DocumentKind | None:
        """The kind of document the symbol names, or None when it cannot be told.

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("CAT/C/KAZ/4").kind
            <DocumentKind.STATE_REPORT: 'state-report'>
            >>> DocumentSymbol("CAT/C/KAZ/XYZ/4").kind
            <DocumentKind.OTHER: 'other'>
            >>> DocumentSymbol("CCPR/C/128/3").kind is None
            True
        """
        return _analyse(self.text).kind

    @property
    def cycles(self) -> tuple[int, ...]:
        """The reporting cycles: (4,) for "CO/4", (5, 6) for "CO/5-6", () if none.

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("CRC/C/KAZ/CO/5-6").cycles
            (5, 6)
        """
        return _analyse(self.text).cycles

    @property
    def session(self) -> int | None:
        """The session number, in symbols of the form root/session/number.

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("CCPR/C/128/3").session
            128
        """
        return _analyse(self.text).session

    @property
    def number(self) -> int | None:
        """The document or record number ("SR.842" → 842, "CCPR/C/128/3" → 3).

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("CAT/C/SR.842").number
            842
        """
        return _analyse(self.text).number

    @property
    def modifiers(self) -> tuple[str, ...]:
        """The trailing modifiers in order ("Add.1", "Corr.1", "Rev.1", "Amend.1").

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("CCPR/C/21/Rev.1/Add.13").modifiers
            ('Rev.1', 'Add.13')
        """
        return _analyse(self.text).modifiers

    @property
    def base(self) -> DocumentSymbol:
        """The symbol without its modifiers (itself if it has none).

        Example:
            >>> from catdomain.identifiers import DocumentSymbol
            >>> DocumentSymbol("CAT/C/KAZ/CO/3/Corr.1").base
            DocumentSymbol('CAT/C/KAZ/CO/3')
        """
        base = _analyse(self.text).base
        return self if base == self.text else DocumentSymbol(base)

    def __str__(self) -> str:
        """Return the symbol exactly as written."""
        return self.text

    def __repr__(self) -> str:
        """Return ``DocumentSymbol('…')``."""
        return f"DocumentSymbol({self.text!r})"


# ==========================================================================
# Paragraph references

_SUB = re.compile(r"[a-z]{1,2}|[ivx]+")

_PARAGRAPH_TOKEN = re.compile(
    rf"""
    (?P<space>\s+)
    | (?P<num>[0-9]+)(?![0-9A-Za-z])
    | \((?P<sub>[^()\s]*)\)
    | (?P<word>[A-Za-z]+)(?P<dot>\.)?
    | (?P<comma>,)
    | (?P<dash>[{_DASHES}])
    """,
    re.VERBOSE,
)
_PARAGRAPH_LABELS = frozenset({"paragraph", "paragraphs", "para", "paras"})


def _check_span_start(instance: ParagraphSpan, attribute: attrs.Attribute[int], value: int) -> None:
    if not _is_int(value):
        raise ModelError("ParagraphSpan", "start", value, "must be an int")
    if value < 1:
        raise ModelError("ParagraphSpan", "start", value, "paragraph numbers start at 1")


def _check_span_end(
    instance: ParagraphSpan, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is None:
        return
    if not _is_int(value):
        raise ModelError("ParagraphSpan", "end", value, "must be an int or None")
    if value <= instance.start:
        raise ModelError(
            "ParagraphSpan", "end", value, f"a range must end after its start ({instance.start})"
        )


def _check_span_sub(
    instance: ParagraphSpan, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is None:
        return
    if not isinstance(value, str) or _SUB.fullmatch(value) is None:
        raise ModelError(
            "ParagraphSpan",
            "sub",
            value,
            "a sub-paragraph is one or two lower-case letters or a lower-case roman numeral",
        )
    if instance.end is not None:
        raise ModelError(
            "ParagraphSpan", "sub", value, "a range of paragraphs has no sub-paragraph"
        )


@attrs.frozen(kw_only=True)
class ParagraphSpan:
    """One paragraph, a range of paragraphs, or a lettered sub-paragraph.

    Attributes:
        start: The (first) paragraph number, from 1.
        end: The last paragraph of an inclusive range, greater than `start`,
            or None.
        sub: A sub-paragraph ("a", "iv"), or None; not allowed with a range.

    Raises:
        ModelError: For a number below 1, a range that does not increase, a
            malformed sub-paragraph or a sub-paragraph on a range.

    Example:
        >>> from catdomain.identifiers import ParagraphSpan
        >>> str(ParagraphSpan(start=11, end=15)), str(ParagraphSpan(start=3, sub="a"))
        ('11–15', '3 (a)')
        >>> ParagraphSpan(start=11, end=15).numbers()
        (11, 12, 13, 14, 15)
    """

    start: int = attrs.field(validator=_check_span_start)
    end: int | None = attrs.field(default=None, validator=_check_span_end)
    sub: str | None = attrs.field(default=None, validator=_check_span_sub)

    def numbers(self) -> tuple[int, ...]:
        """Return every paragraph number the span covers.

        Example:
            >>> from catdomain.identifiers import ParagraphSpan
            >>> ParagraphSpan(start=3, sub="b").numbers()
            (3,)
        """
        return tuple(range(self.start, (self.end or self.start) + 1))

    def __contains__(self, number: object) -> bool:
        """Return whether paragraph `number` lies in the span."""
        if not _is_int(number):
            return False
        assert isinstance(number, int)
        return self.start <= number <= (self.end or self.start)

    def __str__(self) -> str:
        """Return "10", "11–15" (en dash) or "3 (a)"."""
        if self.end is not None:
            return f"{self.start}{_EN_DASH}{self.end}"
        if self.sub is not None:
            return f"{self.start} ({self.sub})"
        return str(self.start)


def _check_items(
    instance: ParagraphRef,
    attribute: attrs.Attribute[tuple[ParagraphSpan, ...]],
    value: tuple[ParagraphSpan, ...],
) -> None:
    if not isinstance(value, tuple) or not all(isinstance(i, ParagraphSpan) for i in value):
        raise ModelError("ParagraphRef", "items", value, "must be a tuple of ParagraphSpan")
    if not value:
        raise ModelError("ParagraphRef", "items", value, "a reference needs at least one paragraph")


def _check_document(
    instance: object, attribute: attrs.Attribute[DocumentSymbol | None], value: object
) -> None:
    if value is not None and not isinstance(value, DocumentSymbol):
        raise ModelError(
            type(instance).__name__, attribute.name, value, "must be a DocumentSymbol or None"
        )


class _Token(NamedTuple):
    kind: str
    value: str
    raw: str
    position: int
    dot: bool


def _tokens(pattern: re.Pattern[str], what: str, text: str) -> list[_Token]:
    """The tokens of `text`, which `pattern` (never matching the empty string) must cover
    from end to end: the first character it leaves out is refused."""
    tokens: list[_Token] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() != position:
            break  # a character no token starts with
        position = match.end()
        kind = match.lastgroup
        assert kind is not None
        if kind == "space":
            continue
        if kind in ("word", "dot"):
            value = match.group("word")
            tokens.append(
                _Token(
                    "word",
                    value.lower(),
                    match.group(0),
                    match.start(),
                    match.group("dot") is not None,
                )
            )
        else:
            tokens.append(_Token(kind, match.group(kind), match.group(0), match.start(), False))
    if position < len(text):
        raise ParseError(
            what, text, reason=f"unexpected character {text[position]!r}", position=position
        )
    return tokens


class _Cursor:
    """Walks a token list for the small recursive-descent grammars below."""

    def __init__(self, what: str, text: str, tokens: list[_Token]) -> None:
        self.what = what
        self.text = text
        self.tokens = tokens
        self.index = 0

    def peek(self, ahead: int = 0) -> _Token | None:
        index = self.index + ahead
        return self.tokens[index] if index < len(self.tokens) else None

    def kind(self, ahead: int = 0) -> str | None:
        index = self.index + ahead
        return self.tokens[index].kind if index < len(self.tokens) else None

    def word(self, ahead: int = 0) -> str | None:
        token = self.peek(ahead)
        return token.value if token is not None and token.kind == "word" else None

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def accept_word(self, *words: str) -> bool:
        index = self.index
        if index < len(self.tokens):
            token = self.tokens[index]
            if token.kind == "word" and not token.dot and token.value in words:
                self.index = index + 1
                return True
        return False

    def accept_separator(self) -> bool:
        """Accept ",", "and" or ", and" between list items."""
        if self.kind() == "comma":
            self.index += 1
            self.accept_word("and")
            return True
        return self.accept_word("and")

    def accept_range(self) -> bool:
        if self.kind() == "dash":
            self.index += 1
            return True
        return self.accept_word("to")

    def fail(self, reason: str, token: _Token | None = None) -> ParseError:
        return ParseError(
            self.what, self.text, reason=reason, position=None if token is None else token.position
        )

    def expect(self, kind: str, description: str) -> _Token:
        token = self.peek()
        if token is None:
            raise self.fail(f"expected {description}, found nothing")
        if token.kind != kind:
            raise self.fail(f"expected {description}, found {token.raw!r}", token)
        return self.take()

    def expect_end(self) -> None:
        token = self.peek()
        if token is not None:
            raise self.fail(f"unexpected {token.raw!r}", token)

    def integer(self, token: _Token, digits: str) -> int:
        """The value of `digits`, read from `token`; a ParseError if too long for int()."""
        try:
            return int(digits)
        except ValueError:  # more digits than sys.get_int_max_str_digits() allows
            raise self.fail(f"a number of {len(digits)} digits is too long", token) from None


def _span(
    cursor: _Cursor, start: int, end: int | None, sub: str | None, at: _Token
) -> ParagraphSpan:
    try:
        return ParagraphSpan(start=start, end=end, sub=sub)
    except ModelError as error:
        raise cursor.fail(error.reason, at) from None


@attrs.frozen(kw_only=True)
class ParagraphRef:
    """A reference to one or more paragraphs of one document.

    The canonical text lists the items without the word "paragraph", joined
    by ", " with " and " before the last, ranges with an en dash:
    "10, 12 and 14–16". A sub-paragraph is always written with its
    paragraph: "paragraph 3 (a) and (b)" prints as "3 (a) and 3 (b)".

    Attributes:
        items: The paragraphs, ranges and sub-paragraphs, in the order written.
        document: The document the paragraphs belong to, if known.

    Raises:
        ModelError: If `items` is empty or holds something else than
            `ParagraphSpan`, or `document` is not a `DocumentSymbol`.

    Example:
        >>> from catdomain.identifiers import DocumentSymbol, ParagraphRef
        >>> ref = ParagraphRef.parse("paragraphs 11-15", document=DocumentSymbol("CAT/C/KAZ/CO/4"))
        >>> str(ref), ref.numbers(), 12 in ref
        ('11–15', (11, 12, 13, 14, 15), True)
    """

    items: tuple[ParagraphSpan, ...] = attrs.field(validator=_check_items)
    document: DocumentSymbol | None = attrs.field(default=None, validator=_check_document)

    @classmethod
    def parse(cls, text: str, document: DocumentSymbol | None = None) -> ParagraphRef:
        """Read a paragraph reference.

        Accepted: an optional label ("paragraph", "paragraphs", "para.",
        "paras.", any case), then items joined by ",", "and" or ", and". An
        item is a number ("10"), a range ("11–15" with an en dash, em dash,
        hyphen or non-breaking hyphen, or "11 to 15"), a sub-paragraph
        ("3 (a)", "3(a)") or, after another item, a bare sub-paragraph of the
        same paragraph ("3 (a) and (b)"). Nothing may follow: callers strip
        "of the concluding observations" and the like.

        Args:
            text: The reference as written.
            document: The document it points into.

        Raises:
            ParseError: For anything else, naming the text and the place.

        Example:
            >>> from catdomain.identifiers import ParagraphRef
            >>> str(ParagraphRef.parse("paragraph 3 (a) and (b)"))
            '3 (a) and 3 (b)'
            >>> str(ParagraphRef.parse("10, 12 and 14 to 16"))
            '10, 12 and 14–16'
        """
        what = "paragraph reference"
        cursor = _Cursor(what, text, _tokens(_PARAGRAPH_TOKEN, what, text))
        token = cursor.peek()
        if token is None:
            raise ParseError(what, text, reason="empty text")
        if token.kind == "word":
            full_word = token.value.startswith("paragraph")
            if token.value not in _PARAGRAPH_LABELS or (token.dot and full_word):
                raise cursor.fail(f"unexpected {token.raw!r}", token)
            cursor.take()
        items: list[ParagraphSpan] = []
        while True:
            token = cursor.peek()
            if token is not None and token.kind == "sub" and items:
                cursor.take()
                items.append(_span(cursor, items[-1].start, None, token.value, token))
            else:
                number = cursor.expect("num", "a paragraph number")
                start = cursor.integer(number, number.value)
                if cursor.accept_range():
                    end = cursor.expect("num", "the number that ends the range")
                    last = cursor.integer(end, end.value)
                    items.append(_span(cursor, start, last, None, end))
                elif cursor.kind() == "sub":
                    sub = cursor.take()
                    items.append(_span(cursor, start, None, sub.value, sub))
                    if cursor.kind() == "sub":
                        raise cursor.fail("nested sub-paragraphs are not supported", cursor.peek())
                else:
                    items.append(_span(cursor, start, None, None, number))
            if not cursor.accept_separator():
                break
        cursor.expect_end()
        return cls(items=tuple(items), document=document)

    def numbers(self) -> tuple[int, ...]:
        """Return each paragraph number referred to, once, in order of first mention.

        Ranges are expanded; sub-paragraphs count as their paragraph.

        Example:
            >>> from catdomain.identifiers import ParagraphRef
            >>> ParagraphRef.parse("3 (a), 3 (b) and 5-7").numbers()
            (3, 5, 6, 7)
        """
        return tuple(dict.fromkeys(n for item in self.items for n in item.numbers()))

    def __contains__(self, number: object) -> bool:
        """Return whether paragraph `number` is referred to."""
        return any(number in item for item in self.items)

    def __str__(self) -> str:
        """Return the canonical form ("10, 12 and 14–16")."""
        texts = [str(item) for item in self.items]
        if len(texts) == 1:
            return texts[0]
        return ", ".join(texts[:-1]) + " and " + texts[-1]


# ==========================================================================
# Provisions

PROVISION_UNITS: tuple[str, ...] = (
    "article",
    "paragraph",
    "point",
    "section",
    "chapter",
    "part",
    "rule",
    "clause",
)
"""The units a `ProvisionPath` may start with."""

_AKN_ABBREVIATIONS: dict[str, str] = {
    "article": "art",
    "paragraph": "para",
    "point": "point",
    "section": "sec",
    "chapter": "chp",
    "part": "part",
    "rule": "rule",
    "clause": "clause",
}
# The Akoma Ntoso name of the first sub-division under each unit; deeper
# sub-divisions are points.
_AKN_CHILD: dict[str, str] = {"article": "para", "section": "subsec"}

# Unit words as written: singular and plural, full and abbreviated.
_UNIT_WORDS: dict[str, tuple[str, bool]] = {
    "article": ("article", False), "articles": ("article", True),
    "art": ("article", False), "arts": ("article", True),
    "paragraph": ("paragraph", False), "paragraphs": ("paragraph", True),
    "para": ("paragraph", False), "paras": ("paragraph", True),
    "point": ("point", False), "points": ("point", True),
    "section": ("section", False), "sections": ("section", True),
    "sec": ("section", False), "secs": ("section", True),
    "chapter": ("chapter", False), "chapters": ("chapter", True),
    "chap": ("chapter", False), "ch": ("chapter", False),
    "part": ("part", False), "parts": ("part", True),
    "rule": ("rule", False), "rules": ("rule", True),
    "clause": ("clause", False), "clauses": ("clause", True),
}  # fmt: skip
# Abbreviations that may take a full stop.
_ABBREVIATED = frozenset({"art", "arts", "para", "paras", "sec", "secs", "chap", "ch"})

_PROVISION_NUMBER = re.compile(r"[0-9]+[A-Za-z]*(?:[.\-][0-9]+[A-Za-z]*)*|[IVXLCDM]+")
_PROVISION_PART = re.compile(r"[0-9]+[A-Za-z]*|[a-z]{1,2}|[ivxlc]+")
_PLAIN_NUMBER = re.compile(r"[0-9]+")
_ROMAN = re.compile(r"[IVXLCDM]+")
_MAX_RANGE = 1000

_PROVISION_TOKEN = re.compile(
    rf"""
    (?P<space>\s+)
    | (?P<num>[0-9]+[A-Za-z]*(?:[.\-\u2010\u2011][0-9]+[A-Za-z]*)*)(?![0-9A-Za-z])
    | \((?P<sub>[^()\s]*)\)
    | (?P<word>[A-Za-z]+)(?P<dot>\.)?
    | (?P<comma>,)
    | (?P<dash>[{_DASHES}])
    """,
    re.VERBOSE,
)


def _check_unit(instance: ProvisionPath, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in PROVISION_UNITS:
        raise ModelError(
            "ProvisionPath", "unit", value, f"unknown unit; known: {', '.join(PROVISION_UNITS)}"
        )


def _check_provision_number(
    instance: ProvisionPath, attribute: attrs.Attribute[str], value: str
) -> None:
    if not isinstance(value, str) or _PROVISION_NUMBER.fullmatch(value) is None:
        raise ModelError(
            "ProvisionPath",
            "number",
            value,
            "expected a number as written, such as '362', '143-1', '90.7.2' or 'IV'",
        )


def _check_parts(
    instance: ProvisionPath, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if not isinstance(value, tuple):
        raise ModelError("ProvisionPath", "parts", value, "must be a tuple of str")
    for part in value:
        if not isinstance(part, str) or _PROVISION_PART.fullmatch(part) is None:
            raise ModelError(
                "ProvisionPath",
                "parts",
                value,
                f"{part!r} is not a sub-division such as '4', 'a' or 'iv'",
            )


@attrs.frozen(kw_only=True)
class ProvisionPath:
    """A path to a provision inside a legal instrument ("article 362 (4)").

    Attributes:
        unit: The kind of the top division, one of `PROVISION_UNITS`.
        number: Its number as written ("362", "143-1", "90.7.2", "IV").
        parts: Sub-divisions, outermost first: "article 362 (4) (2)" has
            parts ("4", "2").

    Raises:
        ModelError: For an unknown unit or a malformed number or part.

    Example:
        >>> from catdomain.identifiers import ProvisionPath
        >>> path = ProvisionPath.parse("art. 362(4)")
        >>> str(path), path.akn_eid
        ('article 362 (4)', 'art_362__para_4')
    """

    unit: str = attrs.field(validator=_check_unit)
    number: str = attrs.field(validator=_check_provision_number)
    parts: tuple[str, ...] = attrs.field(default=(), validator=_check_parts)

    @property
    def levels(self) -> tuple[str, ...]:
        """The levels of a dotted number ("90.7.2" → ("90", "7", "2")).

        Example:
            >>> from catdomain.identifiers import ProvisionPath
            >>> ProvisionPath.parse("paragraph 90.7.2").levels
            ('90', '7', '2')
        """
        return tuple(self.number.split("."))

    @property
    def akn_eid(self) -> str:
        """The Akoma Ntoso eId of the provision.

        Units are abbreviated as Akoma Ntoso names them (article → art,
        paragraph → para, point → point, section → sec, chapter → chp, part
        → part, rule → rule, clause → clause), components are joined by
        ``__``. The first sub-division of an article is a ``para``, of a
        section a ``subsec``, of anything else a ``point``; deeper
        sub-divisions are ``point``.

        Example:
            >>> from catdomain.identifiers import ProvisionPath
            >>> ProvisionPath.parse("article 362 (4) (2)").akn_eid
            'art_362__para_4__point_2'
            >>> ProvisionPath.parse("article 143-1").akn_eid
            'art_143-1'
        """
        components = [f"{_AKN_ABBREVIATIONS[self.unit]}_{self.number}"]
        for depth, part in enumerate(self.parts):
            name = _AKN_CHILD.get(self.unit, "point") if depth == 0 else "point"
            components.append(f"{name}_{part}")
        return "__".join(components)

    def __str__(self) -> str:
        """Return the canonical form ("article 362 (4)", "paragraph 90.7.2")."""
        return f"{self.unit} {self.number}" + "".join(f" ({part})" for part in self.parts)

    @classmethod
    def parse(cls, text: str) -> ProvisionPath:
        """Read one provision.

        Accepted: an optional unit word ("article", "art.", "Art.",
        "paragraph", "para.", "section", "sec.", "chapter", "ch.", "part",
        "point", "rule", "clause", any case; a bare number is an article),
        the number as written, then sub-divisions in parentheses with or
        without a space ("362 (4)", "362(4)(2)").

        Raises:
            ParseError: For anything else, including a plural unit word (use
                `parse_provisions` for lists).

        Example:
            >>> from catdomain.identifiers import ProvisionPath
            >>> ProvisionPath.parse("Art. 68")
            ProvisionPath(unit='article', number='68', parts=())
            >>> str(ProvisionPath.parse("90.7.2"))
            'article 90.7.2'
        """
        cursor = _provision_cursor(text)
        unit = _unit(cursor, allow_plural=False) or "article"
        path = _provision(cursor, unit)
        cursor.expect_end()
        return path


def _provision_cursor(text: str) -> _Cursor:
    what = "provision"
    cursor = _Cursor(what, text, _tokens(_PROVISION_TOKEN, what, text))
    if not cursor.tokens:
        raise ParseError(what, text, reason="empty text")
    return cursor


def _unit(cursor: _Cursor, *, allow_plural: bool) -> str | None:
    """Read a unit word if one comes next; return the unit."""
    token = cursor.peek()
    if token is None or token.kind != "word" or _ROMAN.fullmatch(token.raw):
        return None
    entry = _UNIT_WORDS.get(token.value)
    if entry is None or (token.dot and token.value not in _ABBREVIATED):
        raise cursor.fail(f"unknown unit {token.raw!r}", token)
    unit, plural = entry
    if plural and not allow_plural:
        raise cursor.fail(f"{token.raw!r} names several provisions: use parse_provisions()", token)
    cursor.take()
    return unit


def _number_token(cursor: _Cursor) -> _Token:
    token = cursor.peek()
    roman = token is not None and token.kind == "word" and not token.dot
    if token is not None and (
        token.kind == "num" or (roman and _ROMAN.fullmatch(token.raw) is not None)
    ):
        return cursor.take()
    if token is None:
        raise cursor.fail("expected a provision number, found nothing")
    raise cursor.fail(f"expected a provision number, found {token.raw!r}", token)


def _subdivisions(cursor: _Cursor) -> tuple[str, ...]:
    parts: list[str] = []
    while cursor.kind() == "sub":
        parts.append(cursor.take().value)
    return tuple(parts)


def _normalise_number(raw: str) -> str:
    return raw.replace("\u2010", "-").replace("\u2011", "-")


def _make_provision(
    cursor: _Cursor, at: _Token, unit: str, number: str, parts: tuple[str, ...]
) -> ProvisionPath:
    try:
        return ProvisionPath(unit=unit, number=number, parts=parts)
    except ModelError as error:
        raise cursor.fail(error.reason, at) from None


def _provision(cursor: _Cursor, unit: str) -> ProvisionPath:
    token = _number_token(cursor)
    return _make_provision(cursor, token, unit, _normalise_number(token.raw), _subdivisions(cursor))


def _provision_items(cursor: _Cursor) -> list[tuple[_Token, str, tuple[str, ...]]]:
    """Read a list of numbers with sub-divisions and ranges; expand the ranges."""
    items: list[tuple[_Token, str, tuple[str, ...]]] = []
    while True:
        token = _number_token(cursor)
        number = _normalise_number(token.raw)
        parts = _subdivisions(cursor)
        if cursor.accept_range():
            end_token = _number_token(cursor)
            whole = _PLAIN_NUMBER.fullmatch(number) and _PLAIN_NUMBER.fullmatch(end_token.raw)
            if parts or not whole:
                raise cursor.fail("a range of provisions needs whole numbers at both ends", token)
            first = cursor.integer(token, number)
            last = cursor.integer(end_token, end_token.raw)
            if last <= first:
                raise cursor.fail("a range must end after its start", end_token)
            if last - first >= _MAX_RANGE:
                raise cursor.fail(f"a range of more than {_MAX_RANGE} provisions", token)
            items.extend((token, str(n), ()) for n in range(first, last + 1))
        else:
            items.append((token, number, parts))
        if not cursor.accept_separator():
            return items


def parse_provisions(text: str) -> tuple[ProvisionPath, ...]:
    """Read a list of provisions of one instrument.

    Accepted: an optional unit word, singular or plural ("articles",
    "arts.", "paragraphs"; bare numbers are articles), then numbers with
    optional sub-divisions joined by ",", "and" or ", and". A range with an
    en dash, em dash, spaced hyphen or "to" ("articles 10–12") is expanded
    when both ends are whole numbers; an unspaced hyphen belongs to the
    number ("article 143-1"). A trailing "of article 5" makes the listed
    items sub-divisions of that provision ("paragraphs 3 and 4 of
    article 5"). Nothing else may follow: callers strip the instrument's
    name.

    Args:
        text: The citation as written.

    Returns:
        The provisions in the order written.

    Raises:
        ParseError: For anything else.

    Example:
        >>> from catdomain.identifiers import parse_provisions
        >>> [str(p) for p in parse_provisions("articles 50, 63, 72 and 73")]
        ['article 50', 'article 63', 'article 72', 'article 73']
        >>> [p.akn_eid for p in parse_provisions("paragraphs 3 and 4 of article 5")]
        ['art_5__para_3', 'art_5__para_4']
        >>> [str(p) for p in parse_provisions("articles 10–12")]
        ['article 10', 'article 11', 'article 12']
    """
    cursor = _provision_cursor(text)
    unit = _unit(cursor, allow_plural=True) or "article"
    items = _provision_items(cursor)
    if cursor.accept_word("of"):
        if cursor.word() not in _UNIT_WORDS:
            raise cursor.fail(
                "expected a provision such as 'article 5' after 'of' (strip the instrument's name)",
                cursor.peek(),
            )
        container_unit = _unit(cursor, allow_plural=False)
        assert container_unit is not None
        container = _provision(cursor, container_unit)
        cursor.expect_end()
        return tuple(
            _make_provision(
                cursor,
                token,
                container.unit,
                container.number,
                (*container.parts, number, *parts),
            )
            for token, number, parts in items
        )
    cursor.expect_end()
    return tuple(
        _make_provision(cursor, token, unit, number, parts) for token, number, parts in items
    )
