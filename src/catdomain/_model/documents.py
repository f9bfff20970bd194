"""Documents of the reporting and follow-up cycle, their paragraphs and sections."""

from __future__ import annotations

import attrs

from catdomain._dates import PartialDate
from catdomain._model import _validators as v
from catdomain._model.provenance import SourceSpan
from catdomain.identifiers import DocumentSymbol
from catdomain.vocab import DocumentKind, TreatyBody

__all__ = ["Document", "Section", "TextParagraph"]


def _check_paragraph_end(
    instance: TextParagraph, attribute: attrs.Attribute[int], value: int
) -> None:
    if value < instance.start:
        v.fail(instance, attribute, value, f"end must not be before start ({instance.start})")


@attrs.frozen(kw_only=True)
class TextParagraph:
    """A paragraph of a document's text, located by character offsets.

    Attributes:
        number: The paragraph number as written ("19"), or None for an
            unnumbered paragraph.
        start: Offset of the paragraph body (after its number).
        end: Offset just after the body.

    Example:
        >>> import catdomain as cd
        >>> cd.TextParagraph(number="1", start=3, end=40).number
        '1'
    """

    number: str | None = attrs.field(validator=v.optional(v.text()))
    start: int = attrs.field(validator=v.non_negative_int())
    end: int = attrs.field(validator=[v.non_negative_int(), _check_paragraph_end])


@attrs.frozen(kw_only=True)
class Section:
    """A section of a follow-up reply, answering one or more recommendations.

    Whether an answer was *selected* or *volunteered* follows from the
    answered recommendations' `selected_for_follow_up`; see
    `Dossier.answer_kind`.

    Attributes:
        id: Stable id.
        heading: The heading as written.
        recommendations: Ids of the recommendations the section answers.
        paragraphs: Numbers of the reply paragraphs in the section.
        source: The heading's span in the reply.

    Example:
        >>> import catdomain as cd
        >>> s = cd.Section(id="s-1", heading="Follow-up information relating to paragraph 10",
        ...                recommendations=("CAT/C/KAZ/CO/4#10",), paragraphs=("1", "2"))
        >>> s.paragraphs
        ('1', '2')
    """

    id: str = attrs.field(validator=v.identifier())
    heading: str = attrs.field(validator=v.text())
    recommendations: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.identifier()))
    paragraphs: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.text()))
    source: SourceSpan | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(SourceSpan))
    )


@attrs.frozen(kw_only=True, repr=False)
class Document:
    """A document of the cycle: report, concluding observations, reply, letter….

    Documents the dossier holds as text (a follow-up reply) also list their
    numbered paragraphs and sections; documents known only by reference (the
    concluding observations a reply answers) carry what is known of them.

    Attributes:
        id: Stable id (the UN symbol where there is one).
        kind: What kind of document it is.
        symbol: The UN symbol, or None if it has none or it is unknown.
        body: The treaty body concerned.
        state: The State concerned (ISO 3166-1 alpha-3).
        title: The title as written.
        language: Language of the text held (BCP 47, "en").
        adopted: Date of adoption (concluding observations, decisions).
        received: Date the UN received it (State replies).
        issued: Date of distribution.
        responds_to: Id of the document this one answers.
        author: Who wrote it, where not the State or committee (an NGO).
        text_length: Length of the full text in characters, if held.
        text_sha256: SHA-256 of the UTF-8 full text, if held; ties offsets to
            one version of the text.
        paragraphs: The numbered paragraphs, in order.
        sections: The sections, in order.

    Example:
        >>> import catdomain as cd
        >>> co = cd.Document(id="CAT/C/KAZ/CO/4", kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS,
        ...                  symbol=cd.DocumentSymbol.parse("CAT/C/KAZ/CO/4"),
        ...                  body=cd.TreatyBody.CAT, state="KAZ",
        ...                  adopted=cd.PartialDate(2023, 5, 10))
        >>> str(co.adopted)
        '2023-05-10'
    """

    id: str = attrs.field(validator=v.identifier())
    kind: DocumentKind = attrs.field(validator=v.instance_of(DocumentKind))
    symbol: DocumentSymbol | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(DocumentSymbol))
    )
    body: TreatyBody | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(TreatyBody))
    )
    state: str | None = attrs.field(default=None, validator=v.optional(v.alpha3()))
    title: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    language: str = attrs.field(default="en", validator=v.text())
    adopted: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    received: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    issued: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    responds_to: str | None = attrs.field(default=None, validator=v.optional(v.identifier()))
    author: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    text_length: int | None = attrs.field(default=None, validator=v.optional(v.non_negative_int()))
    text_sha256: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    paragraphs: tuple[TextParagraph, ...] = attrs.field(
        default=(), validator=v.tuple_of(TextParagraph)
    )
    sections: tuple[Section, ...] = attrs.field(
        default=(), validator=[v.tuple_of(Section), v.unique_ids()]
    )

    def __repr__(self) -> str:
        """The id, kind, symbol and date, and how much text structure it holds.

        Example:
            >>> import catdomain as cd
            >>> cd.Document(id="CAT/C/KAZ/CO/4", kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS,
            ...             adopted=cd.PartialDate(2023, 5, 10))
            <Document 'CAT/C/KAZ/CO/4': concluding-observations, 2023-05-10>
        """
        parts = [self.kind.value]
        if self.symbol is not None and str(self.symbol) != self.id:
            parts.append(str(self.symbol))
        if self.date is not None:
            parts.append(str(self.date))
        if self.paragraphs:
            parts.append(f"{len(self.paragraphs)} paragraphs")
        if self.sections:
            parts.append(f"{len(self.sections)} sections")
        return f"<Document {self.id!r}: {', '.join(parts)}>"

    @property
    def date(self) -> PartialDate | None:
        """The document's reference date: received, else issued, else adopted."""
        return self.received or self.issued or self.adopted

    def paragraph(self, number: str) -> TextParagraph:
        """Return the paragraph numbered `number`.

        Raises:
            KeyError: If there is no such paragraph.
        """
        for p in self.paragraphs:
            if p.number == number:
                return p
        raise KeyError(f"document {self.id!r} has no paragraph {number!r}")
