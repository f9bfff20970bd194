"""Follow-up assessments of recommendations."""

from __future__ import annotations

import attrs

from catdomain._dates import PartialDate
from catdomain._model import _validators as v
from catdomain._model.provenance import SourceSpan

__all__ = ["Assessment"]


@attrs.frozen(kw_only=True)
class Assessment:
    """A committee's (or an NGO's) assessment of the follow-up to one recommendation.

    The grade is checked against its scale when the assessment is placed in a
    `Dossier` (the scale may be one of `catdomain.GRADING_SCALES` or one the
    dossier defines). The verbatim text is always kept: CAT's public summaries
    use wording, not only letters.

    Attributes:
        id: Stable id.
        recommendation: Id of the recommendation assessed.
        scale: Id of the grading scale.
        grade: The grade code ("B1").
        text: The assessment as written, verbatim.
        date: When it was made.
        assessor: Who assessed it (the Rapporteur on follow-up, an NGO).
        document: Id of the document holding it (a letter, a report).
        source: Where it was read.

    Example:
        >>> import catdomain as cd
        >>> a = cd.Assessment(id="a-1", recommendation="CAT/C/KAZ/CO/4#10",
        ...                   scale="hrc-2016", grade="B",
        ...                   text="Reply/action partially satisfactory")
        >>> a.grade
        'B'
    """

    id: str = attrs.field(validator=v.identifier())
    recommendation: str = attrs.field(validator=v.identifier())
    scale: str = attrs.field(validator=v.identifier())
    grade: str = attrs.field(validator=v.text())
    text: str = attrs.field(validator=v.text())
    date: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    assessor: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    document: str | None = attrs.field(default=None, validator=v.optional(v.identifier()))
    source: SourceSpan | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(SourceSpan))
    )
