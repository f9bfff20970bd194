"""Provenance: where in a document a fact was read."""

from __future__ import annotations

import attrs

from catdomain._model import _validators as v

__all__ = ["SourceSpan"]


def _check_span(instance: SourceSpan, attribute: attrs.Attribute[int], value: int) -> None:
    if value < instance.start:
        v.fail(instance, attribute, value, f"end must not be before start ({instance.start})")
    if value - instance.start != len(instance.quote):
        v.fail(
            instance,
            attribute,
            value,
            f"end - start must equal the length of the quote ({len(instance.quote)})",
        )


@attrs.frozen(kw_only=True)
class SourceSpan:
    """A span of a document's text that a fact was read from.

    Offsets are Python string indices (code points) into the document's full
    text, so ``text[span.start:span.end] == span.quote``.

    Attributes:
        document: Id of the document in the dossier.
        start: Offset of the first character.
        end: Offset just after the last character.
        quote: The text between the offsets, verbatim.
        paragraph: The number of the paragraph holding the span, as written
            ("19"), if the document is numbered.

    Example:
        >>> import catdomain as cd
        >>> text = "19.\\tDisciplinary sanctions were imposed on 709 officials"
        >>> span = cd.SourceSpan.find(text, "709 officials", document="reply", paragraph="19")
        >>> span.start, span.end, span.matches(text)
        (43, 56, True)
    """

    document: str = attrs.field(validator=v.identifier())
    start: int = attrs.field(validator=v.non_negative_int())
    end: int = attrs.field(validator=[v.non_negative_int(), _check_span])
    quote: str = attrs.field(validator=v.text())
    paragraph: str | None = attrs.field(default=None, validator=v.optional(v.text()))

    def matches(self, text: str) -> bool:
        """Whether `text` (the document's full text) holds the quote at the offsets."""
        return text[self.start : self.end] == self.quote

    @classmethod
    def find(
        cls,
        text: str,
        quote: str,
        *,
        document: str,
        paragraph: str | None = None,
        after: int = 0,
    ) -> SourceSpan:
        """Locate `quote` in `text` (from offset `after`) and return its span.

        Raises:
            ValueError: If the quote is not in the text after `after`.
        """
        start = text.find(quote, after)
        if start < 0:
            raise ValueError(f"quote {quote!r} not found in the text after offset {after}")
        return cls(
            document=document, start=start, end=start + len(quote), quote=quote, paragraph=paragraph
        )
