"""Recommendations of concluding observations."""

from __future__ import annotations

import re

import attrs

from catdomain._dates import PartialDate
from catdomain._model import _validators as v
from catdomain._model.provenance import SourceSpan

__all__ = ["Recommendation", "SubParagraph"]

_LETTER = re.compile(r"[a-z]{1,2}|[ivx]{1,6}")


def _letter(instance: SubParagraph, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _LETTER.fullmatch(value):
        v.fail(instance, attribute, value, "must be a lower-case letter such as 'a' or 'iv'")


@attrs.frozen(kw_only=True)
class SubParagraph:
    """A lettered sub-paragraph of a recommendation, "(a) …".

    Attributes:
        letter: The letter without brackets ("a").
        text: Its text, if known.

    Example:
        >>> import catdomain as cd
        >>> cd.SubParagraph(letter="a", text="Ensure that …").letter
        'a'
    """

    letter: str = attrs.field(validator=_letter)
    text: str | None = attrs.field(default=None, validator=v.optional(v.text()))


@attrs.frozen(kw_only=True)
class Recommendation:
    """A numbered paragraph of concluding observations that recommends action.

    What the source does not give stays None ("unknown"), never a guess: a
    reply that answers paragraph 10 tells us the paragraph exists, not its
    text nor whether the Committee selected it for follow-up.

    Attributes:
        id: Stable id, by convention ``"<document id>#<paragraph>"``.
        document: Id of the concluding observations.
        paragraph: The paragraph number.
        heading: The subject heading it stands under.
        text: The text of the paragraph.
        subparagraphs: Its lettered sub-paragraphs.
        selected_for_follow_up: True if the Committee selected it for the
            follow-up procedure, False if not, None if unknown.
        follow_up_deadline: The date the follow-up reply was due, if stated.
        source: Where the text was read.

    Example:
        >>> import catdomain as cd
        >>> r = cd.Recommendation(id="CAT/C/KAZ/CO/4#10", document="CAT/C/KAZ/CO/4",
        ...                       paragraph=10)
        >>> r.selected_for_follow_up is None
        True
    """

    id: str = attrs.field(validator=v.identifier())
    document: str = attrs.field(validator=v.identifier())
    paragraph: int = attrs.field(validator=v.positive_int())
    heading: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    text: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    subparagraphs: tuple[SubParagraph, ...] = attrs.field(
        default=(), validator=v.tuple_of(SubParagraph)
    )
    selected_for_follow_up: bool | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(bool))
    )
    follow_up_deadline: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    source: SourceSpan | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(SourceSpan))
    )
