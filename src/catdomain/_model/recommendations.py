"""Recommendations of concluding observations."""

from __future__ import annotations

import re
from typing import Any

import attrs

from catdomain._dates import PartialDate
from catdomain._model import _validators as v
from catdomain._model.classification import Tag, tags_field
from catdomain._model.provenance import SourceSpan
from catdomain.vocab import Mechanism, UPRPosition

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


def _upr_only(instance: Recommendation, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in (None, ()) and instance.mechanism is not Mechanism.UPR:
        v.fail(
            instance,
            attribute,
            value,
            f"only a UPR recommendation has one (mechanism is {instance.mechanism!s})",
        )


def _distinct(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if len(set(value)) != len(value):
        v.fail(instance, attribute, value, "a State may appear only once")


@attrs.frozen(kw_only=True)
class Recommendation:
    """A recommendation to a State: a numbered paragraph of concluding observations,
    or a recommendation of the UPR or of a special procedure.

    What the source does not give stays None ("unknown"), never a guess: a
    reply that answers paragraph 10 tells us the paragraph exists, not its
    text nor whether the Committee selected it for follow-up.

    A UPR recommendation is made by one or more recommending States and
    supported or noted by the State under review; treaty-body and UPR
    recommendations on the same theme can sit in one dossier, and their
    `tags` cluster them.

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
        mechanism: The mechanism it comes from (treaty body, UPR, special
            procedure), if known.
        recommending_states: For a UPR recommendation, the States that made
            it (ISO 3166-1 alpha-3).
        position: For a UPR recommendation, whether the State under review
            supported or noted it.
        tags: Its classification (themes, articles, SDG targets, …).

    Example:
        >>> import catdomain as cd
        >>> r = cd.Recommendation(id="CAT/C/KAZ/CO/4#10", document="CAT/C/KAZ/CO/4",
        ...                       paragraph=10)
        >>> r.selected_for_follow_up is None
        True
        >>> upr = cd.Recommendation(id="A/HRC/41/10#140.12", document="A/HRC/41/10",
        ...                         paragraph=140, mechanism=cd.Mechanism.UPR,
        ...                         recommending_states=("AUT", "CHE"),
        ...                         position=cd.UPRPosition.SUPPORTED)
        >>> upr.position.value
        'supported'
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
    mechanism: Mechanism | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(Mechanism))
    )
    recommending_states: tuple[str, ...] = attrs.field(
        default=(), validator=[v.tuple_of(v.alpha3()), _distinct, _upr_only]
    )
    position: UPRPosition | None = attrs.field(
        default=None, validator=[v.optional(v.instance_of(UPRPosition)), _upr_only]
    )
    tags: tuple[Tag, ...] = tags_field()

    def _repr_html_(self) -> str:
        """Rich display in Jupyter (no external assets)."""
        from catdomain._html import recommendation_html

        return recommendation_html(self)
