"""Indicators, series of observations, and the relations between observations."""

from __future__ import annotations

from decimal import Decimal

import attrs

from catdomain._dates import Instant, Period, Pooled, TimeReference
from catdomain._model import _validators as v
from catdomain._model.classification import Tag, tags_field
from catdomain._model.provenance import SourceSpan
from catdomain.vocab import (
    BreakdownKind,
    ChangeDirection,
    IndicatorType,
    ObservationStatus,
    Qualifier,
    ValueKind,
)

__all__ = [
    "Breakdown",
    "Dimension",
    "Equivalence",
    "Indicator",
    "Observation",
    "Series",
    "SeriesKey",
    "StatedChange",
]

_TIME_TYPES = (Instant, Period, Pooled)


@attrs.frozen(kw_only=True)
class Indicator:
    """A human-rights indicator, with OHCHR's metadata fields.

    Attributes:
        id: Stable id.
        name: Its name ("Deaths in custody").
        type: Structural, process or outcome.
        definition: What is counted.
        rationale: Why it matters.
        method: Method of computation.
        data_source: Where the data come from.
        disaggregation: Which breakdowns are expected.
        periodicity: How often it is measured.
        comments: Comments and limitations.

    Example:
        >>> import catdomain as cd
        >>> cd.Indicator(id="i-suicides", name="Suicides in custody",
        ...              type=cd.IndicatorType.OUTCOME).type.value
        'outcome'
    """

    id: str = attrs.field(validator=v.identifier())
    name: str = attrs.field(validator=v.text())
    type: IndicatorType | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(IndicatorType))
    )
    definition: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    rationale: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    method: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    data_source: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    disaggregation: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    periodicity: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    comments: str | None = attrs.field(default=None, validator=v.optional(v.text()))


@attrs.frozen(kw_only=True)
class Dimension:
    """One breakdown dimension of a series key and its value ("status" = "civilian").

    Example:
        >>> import catdomain as cd
        >>> str(cd.Dimension(name="status", value="civilian"))
        'status=civilian'
    """

    name: str = attrs.field(validator=v.text())
    value: str = attrs.field(validator=v.text())

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


def _check_breakdown(
    instance: SeriesKey, attribute: attrs.Attribute[tuple[Dimension, ...]], value: object
) -> None:
    assert isinstance(value, tuple)
    names = [d.name for d in value]
    if len(set(names)) != len(names):
        v.fail(instance, attribute, value, "a dimension may appear only once")


@attrs.frozen(kw_only=True)
class SeriesKey:
    """What a series counts: concept, unit, value kind and breakdown (SDMX's series key).

    Attributes:
        concept: What is counted ("disciplinary sanctions on officials").
        unit: The unit or counted thing ("persons", "percent", "cases").
        value_kind: Actual, target, baseline or plan.
        breakdown: Dimensions that narrow the concept (none for a total).

    Example:
        >>> import catdomain as cd
        >>> key = cd.SeriesKey(concept="deaths in January 2022 events", unit="persons",
        ...                    breakdown=(cd.Dimension(name="status", value="civilian"),))
        >>> str(key)
        'deaths in January 2022 events [persons; status=civilian]'
    """

    concept: str = attrs.field(validator=v.text())
    unit: str = attrs.field(validator=v.text())
    value_kind: ValueKind = attrs.field(
        default=ValueKind.ACTUAL, validator=v.instance_of(ValueKind)
    )
    breakdown: tuple[Dimension, ...] = attrs.field(
        default=(), validator=[v.tuple_of(Dimension), _check_breakdown]
    )

    def __str__(self) -> str:
        parts = [self.unit]
        if self.value_kind is not ValueKind.ACTUAL:
            parts.append(self.value_kind.value)
        parts.extend(str(d) for d in self.breakdown)
        return f"{self.concept} [{'; '.join(parts)}]"


@attrs.frozen(kw_only=True)
class Observation:
    """One reported figure: a value at a time, with how exact it is.

    Attributes:
        id: Stable id.
        time: When: an `Instant` ("as at 1 January 2023"), a `Period`
            ("in 2023", "2021–2023") or `Pooled` periods ("in 2023 and
            2024"); None if the text gives no time.
        value: The figure, an exact `Decimal` ("19.2" stays 19.2).
        qualifier: Exact, approximate, or a bound.
        status: SDMX observation status, if stated.
        text: The figure as written ("40,000", "nine").
        source: Where it was read.

    Example:
        >>> import catdomain as cd
        >>> from decimal import Decimal
        >>> o = cd.Observation(id="o-cameras", value=Decimal("40000"),
        ...                    qualifier=cd.Qualifier.MORE_THAN, text="40,000",
        ...                    time=cd.Instant(date=cd.PartialDate(2024, 5, 13)))
        >>> o.qualifier.is_lower_bound
        True
    """

    id: str = attrs.field(validator=v.identifier())
    value: Decimal = attrs.field(validator=v.finite_decimal())
    time: TimeReference | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(_TIME_TYPES))
    )
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.instance_of(Qualifier))
    status: ObservationStatus | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(ObservationStatus))
    )
    text: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    source: SourceSpan | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(SourceSpan))
    )

    def _repr_html_(self) -> str:
        """Rich display in Jupyter (no external assets)."""
        from catdomain._html import observation_html

        return observation_html(self)


@attrs.frozen(kw_only=True, repr=False)
class Series:
    """A series of observations sharing one key.

    Attributes:
        id: Stable id.
        key: What the series counts.
        observations: The observations, in the order reported.
        indicator: Id of the indicator it measures, if any.
        title: A readable title.
        tags: Its classification (an SDG target it informs, a theme, …).

    Example:
        >>> import catdomain as cd
        >>> from decimal import Decimal
        >>> s = cd.Series(id="s-suicides",
        ...               key=cd.SeriesKey(concept="suicides in prisons", unit="persons"),
        ...               observations=(cd.Observation(id="o-s-2023", value=Decimal(22),
        ...                                            time=cd.Period.year(2023)),))
        >>> len(s)
        1
    """

    id: str = attrs.field(validator=v.identifier())
    key: SeriesKey = attrs.field(validator=v.instance_of(SeriesKey))
    observations: tuple[Observation, ...] = attrs.field(
        default=(), validator=[v.tuple_of(Observation), v.unique_ids()]
    )
    indicator: str | None = attrs.field(default=None, validator=v.optional(v.identifier()))
    title: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    tags: tuple[Tag, ...] = tags_field()

    def __len__(self) -> int:
        return len(self.observations)

    def __repr__(self) -> str:
        """The id, the key and the values.

        Example:
            >>> import catdomain as cd
            >>> from decimal import Decimal
            >>> cd.Series(id="s", key=cd.SeriesKey(concept="suicides", unit="persons"),
            ...           observations=(cd.Observation(id="o", value=Decimal(22),
            ...                                        time=cd.Period.year(2023)),))
            <Series 's': suicides [persons]: 2023=22>
        """
        marks = {
            "exact": "",
            "approximate": "~",
            "more-than": ">",
            "at-least": ">=",
            "less-than": "<",
            "at-most": "<=",
        }
        values = ", ".join(
            f"{o.time if o.time is not None else '?'}={marks[o.qualifier.value]}{o.value}"
            for o in self.observations[:6]
        )
        more = f", … ({len(self.observations)} in all)" if len(self.observations) > 6 else ""
        return f"<Series {self.id!r}: {self.key}: {values or 'no observations'}{more}>"

    def _repr_html_(self) -> str:
        """Rich display in Jupyter (no external assets)."""
        from catdomain._html import series_html

        return series_html(self)


@attrs.frozen(kw_only=True)
class Breakdown:
    """Parts of a whole: a partition that must add up, or subsets that must fit.

    "238 persons were killed, of whom 219 were civilians and 19 officers" is a
    partition; "123 persons, including 45 senior officials" a subset;
    "709 officials (377 in 2022 and 332 in 2023)" a partition over time.

    Attributes:
        id: Stable id.
        kind: Partition or subset.
        whole: Id of the observation of the whole.
        parts: Ids of the observations of the parts.
        dimension: The dimension the parts split ("status", "year").
        source: Where the relation is stated.

    Example:
        >>> import catdomain as cd
        >>> b = cd.Breakdown(id="b-1", kind=cd.BreakdownKind.PARTITION, whole="o-total",
        ...                  parts=("o-civilians", "o-officers"), dimension="status")
        >>> b.kind.value
        'partition'
    """

    id: str = attrs.field(validator=v.identifier())
    kind: BreakdownKind = attrs.field(validator=v.instance_of(BreakdownKind))
    whole: str = attrs.field(validator=v.identifier())
    parts: tuple[str, ...] = attrs.field(validator=v.tuple_of(v.identifier(), min_length=1))
    dimension: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    source: SourceSpan | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(SourceSpan))
    )


@attrs.frozen(kw_only=True)
class StatedChange:
    """A change the State states ("a decrease of 32 per cent"), with its base.

    Attributes:
        id: Stable id.
        observation: Id of the later observation (the one the change leads to).
        base: Id of the earlier observation it is measured from, if given.
        direction: Increase or decrease.
        amount: The stated size of the change, positive.
        relative: True for a percentage of the base, False for a difference
            in the series' unit.
        qualifier: How exact the stated amount is.
        text: The change as written.
        source: Where it was read.

    Example:
        >>> import catdomain as cd
        >>> from decimal import Decimal
        >>> c = cd.StatedChange(id="ch-1", observation="o-2023", base="o-2022",
        ...                     direction=cd.ChangeDirection.DECREASE, amount=Decimal(32))
        >>> c.signed_amount
        Decimal('-32')
    """

    id: str = attrs.field(validator=v.identifier())
    observation: str = attrs.field(validator=v.identifier())
    direction: ChangeDirection = attrs.field(validator=v.instance_of(ChangeDirection))
    amount: Decimal = attrs.field(validator=v.finite_decimal())
    base: str | None = attrs.field(default=None, validator=v.optional(v.identifier()))
    relative: bool = attrs.field(default=True, validator=v.instance_of(bool))
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.instance_of(Qualifier))
    text: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    source: SourceSpan | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(SourceSpan))
    )

    @amount.validator
    def _check_amount(self, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
        if value < 0:
            v.fail(self, attribute, value, "must not be negative; the direction carries the sign")

    @property
    def signed_amount(self) -> Decimal:
        """The amount with the direction's sign."""
        return self.amount * self.direction.sign


@attrs.frozen(kw_only=True)
class Equivalence:
    """The same fact reported in two units ("19.2 per cent, or 4,500 persons").

    Attributes:
        id: Stable id.
        observations: Ids of the observations that state the same fact.
        source: Where it was read.

    Example:
        >>> import catdomain as cd
        >>> cd.Equivalence(id="eq-1", observations=("o-pct", "o-count")).observations
        ('o-pct', 'o-count')
    """

    id: str = attrs.field(validator=v.identifier())
    observations: tuple[str, ...] = attrs.field(validator=v.tuple_of(v.identifier(), min_length=2))
    source: SourceSpan | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(SourceSpan))
    )
