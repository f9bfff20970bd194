"""Measures: what the State reports having done or planning to do."""

from __future__ import annotations

import attrs

from catdomain._dates import PartialDate, Period
from catdomain._model import _validators as v
from catdomain._model.classification import Tag, tags_field
from catdomain._model.provenance import SourceSpan
from catdomain.vocab import MeasureCategory, MeasureKind, MeasureStatus

__all__ = ["Measure"]


@attrs.frozen(kw_only=True)
class Measure:
    """A legislative, judicial, administrative or other measure reported by a State.

    Attributes:
        id: Stable id.
        description: What was done, in a sentence.
        category: The official umbrella category.
        kind: The finer kind, if classified.
        status: Where it stands, from the State's wording; None if unclear.
        authorities: Ids of the responsible authorities.
        instruments: Ids of the instruments it rests on or produced.
        answers: Ids of the recommendations it answers.
        evidence: The reply spans that report it.
        series: Ids of indicator series that show it at work.
        date: When it was taken or adopted, if stated.
        period: The period it covers (plans).
        expected_completion: When the State says it will be completed.
        tags: Its classification (themes, groups of persons, SDG targets, …).

    Example:
        >>> import catdomain as cd
        >>> m = cd.Measure(id="m-bill", description="Bill on torture definition submitted",
        ...                category=cd.MeasureCategory.LEGISLATIVE,
        ...                kind=cd.MeasureKind.BILL_SUBMITTED,
        ...                status=cd.MeasureStatus.BEFORE_PARLIAMENT)
        >>> m.status.value
        'before-parliament'
    """

    id: str = attrs.field(validator=v.identifier())
    description: str = attrs.field(validator=v.text())
    category: MeasureCategory = attrs.field(validator=v.instance_of(MeasureCategory))
    kind: MeasureKind | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(MeasureKind))
    )
    status: MeasureStatus | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(MeasureStatus))
    )
    authorities: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.identifier()))
    instruments: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.identifier()))
    answers: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.identifier()))
    evidence: tuple[SourceSpan, ...] = attrs.field(default=(), validator=v.tuple_of(SourceSpan))
    series: tuple[str, ...] = attrs.field(default=(), validator=v.tuple_of(v.identifier()))
    date: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    period: Period | None = attrs.field(default=None, validator=v.optional(v.instance_of(Period)))
    expected_completion: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    tags: tuple[Tag, ...] = tags_field()

    def _repr_html_(self) -> str:
        """Rich display in Jupyter (no external assets)."""
        from catdomain._html import measure_html

        return measure_html(self)
