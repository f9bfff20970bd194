"""Consistency checks on a Dossier: the rule catalogue.

A `Dossier` that could be built is well formed: its ids are unique and its
references resolve (construction raises `IntegrityError` otherwise). Whether
what it *says* holds together is another matter, and `validate` answers it
with `Finding` values instead of exceptions: parts that do not add up to
their whole, a stated change that the figures do not give, a reply received
after its deadline, a quote that is not at its offsets.

Every rule has a stable dotted code (``family.slug``), a severity and a
description, listed in `RULES`. Findings carry the JSON path of the object
concerned, a sentence with the numbers, the quoted evidence and the computed
figures.

Arithmetic rules never treat a bound or an approximation as exact: each figure
is an interval of the values it allows ("over 400" is (400, ∞), "about 3,500"
is [3,150, 3,850] with the default 10 % tolerance) and a rule fires only when
the stated relation is impossible for every choice of values within them.

Example:
    >>> import catdomain as cd
    >>> from decimal import Decimal
    >>> from catdomain.validation import RULES, validate
    >>> key = cd.SeriesKey(concept="deaths", unit="persons")
    >>> series = tuple(
    ...     cd.Series(id=f"s-{name}", key=key, observations=(cd.Observation(
    ...         id=f"o-{name}", value=Decimal(value)),))
    ...     for name, value in [("all", 238), ("civilians", 219), ("officers", 18)])
    >>> b = cd.Breakdown(id="b", kind=cd.BreakdownKind.PARTITION, whole="o-all",
    ...                  parts=("o-civilians", "o-officers"))
    >>> for finding in validate(cd.Dossier(id="d", series=series, breakdowns=(b,)),
    ...                         rules=["arithmetic"]):
    ...     print(finding)
    error arithmetic.partition-sum at $.breakdowns[0]: the parts sum to 237 (219 + 18), but the whole is 238: they differ by 1
    >>> RULES["arithmetic.partition-sum"].severity
    <Severity.ERROR: 'error'>
"""  # noqa: E501

from __future__ import annotations

import datetime
import hashlib
import itertools
import re
import typing
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal, localcontext
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple, TypeAlias

import attrs
from dateutil.relativedelta import relativedelta

from catdomain._dates import Instant, PartialDate, Period, Pooled, TimeReference
from catdomain._model.documents import Document, Section
from catdomain._model.dossier import Dossier
from catdomain._model.indicators import Observation, Series
from catdomain._model.provenance import SourceSpan
from catdomain._model.recommendations import Recommendation
from catdomain.exceptions import IntegrityError
from catdomain.vocab import (
    BreakdownKind,
    ChangeDirection,
    DocumentKind,
    MeasureStatus,
    Qualifier,
    ValueKind,
)

__all__ = [
    "DEFAULT_TOLERANCE",
    "RULES",
    "Figure",
    "Finding",
    "Rule",
    "RuleCatalogue",
    "Severity",
    "findings_from_integrity_error",
    "validate",
]

DEFAULT_TOLERANCE = Decimal("0.1")
"""How far an approximate figure ("about 3,500") may be from the truth: 10 %."""


# --------------------------------------------------------------------------
# Public values


class Severity(StrEnum):
    """How serious a finding is.

    ``error``: the dossier states something impossible (parts that cannot add
    up, a date before itself). ``warning``: something is probably wrong or
    needs a person's look (a stated change that the figures do not give, a
    late reply). ``info``: worth knowing, not wrong (an implied denominator,
    volunteered answers).

    Example:
        >>> from catdomain.validation import Severity
        >>> sorted([Severity.INFO, Severity.ERROR, Severity.WARNING], key=lambda s: s.rank)
        [<Severity.ERROR: 'error'>, <Severity.WARNING: 'warning'>, <Severity.INFO: 'info'>]
    """

    ERROR = "error"
    """Impossible as stated."""
    WARNING = "warning"
    """Probably wrong, or needs a person's judgement."""
    INFO = "info"
    """Worth knowing; not wrong."""

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for information: sort by it to put errors first.

        Example:
            >>> from catdomain.validation import Severity
            >>> Severity.WARNING.rank
            1
        """
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(kw_only=True)
class Figure:
    """A number a finding rests on, computed or as stated.

    Attributes:
        name: What the number is ("sum of parts").
        value: The number, an exact decimal (rounded as the message shows it
            where it was computed by division).

    Example:
        >>> from decimal import Decimal
        >>> from catdomain.validation import Figure
        >>> str(Figure(name="sum of parts", value=Decimal(404)))
        'sum of parts = 404'
    """

    name: str
    value: Decimal

    def __str__(self) -> str:
        return f"{self.name} = {_fmt(self.value)}"


@attrs.frozen(kw_only=True)
class Finding:
    """One problem or remark found by `validate`.

    Attributes:
        code: The stable code of the rule that found it ("arithmetic.partition-sum").
        severity: How serious it is.
        path: JSON path of the object concerned in the dossier's JSON form
            ("$.breakdowns[2]", "$.series[3].observations[0]").
        message: One sentence, with the numbers, that a person understands.
        spans: The quoted evidence: where the facts concerned were read.
        figures: The numbers the finding rests on.

    Example:
        >>> from decimal import Decimal
        >>> from catdomain.validation import Figure, Finding, Severity
        >>> f = Finding(code="arithmetic.partition-sum", severity=Severity.ERROR,
        ...             path="$.breakdowns[0]", message="the parts sum to 390, not 400",
        ...             figures=(Figure(name="sum of parts", value=Decimal(390)),))
        >>> print(f)
        error arithmetic.partition-sum at $.breakdowns[0]: the parts sum to 390, not 400
        >>> f.figure("sum of parts")
        Decimal('390')
    """

    code: str
    severity: Severity
    path: str
    message: str
    spans: tuple[SourceSpan, ...] = ()
    figures: tuple[Figure, ...] = ()

    def __str__(self) -> str:
        return f"{self.severity.value} {self.code} at {self.path}: {self.message}"

    def figure(self, name: str) -> Decimal:
        """Return the value of the figure called `name`.

        Raises:
            KeyError: If the finding has no such figure.

        Example:
            >>> from decimal import Decimal
            >>> from catdomain.validation import Figure, Finding, Severity
            >>> f = Finding(code="x.y", severity=Severity.INFO, path="$", message="m",
            ...             figures=(Figure(name="days late", value=Decimal(3)),))
            >>> f.figure("days late")
            Decimal('3')
        """
        for figure in self.figures:
            if figure.name == name:
                return figure.value
        names = ", ".join(repr(f.name) for f in self.figures) or "none"
        raise KeyError(f"finding {self.code} has no figure {name!r} (it has {names})")

    def _repr_html_(self) -> str:
        """Rich display in Jupyter (no external assets)."""
        from catdomain._html import finding_html

        return finding_html(self)


@attrs.frozen(kw_only=True)
class Rule:
    """One rule of the catalogue: what it checks, and how serious its findings are.

    Attributes:
        code: Stable dotted code, ``family.slug``.
        severity: The severity of its findings. A few rules report a lesser
            severity in a case their description names.
        family: The part of the code before the dot: ``integrity``,
            ``follow-up``, ``time``, ``arithmetic`` or ``measure``.
        title: A short title.
        description: What it checks, in a paragraph.
        needs_texts: True if it runs only for documents whose full text is
            passed to `validate`.
        at_construction: True for integrity codes that building a `Dossier`
            checks (they come as `IntegrityError`, see
            `findings_from_integrity_error`); `validate` never reports them.

    Example:
        >>> from catdomain.validation import RULES
        >>> rule = RULES["follow-up.late-reply"]
        >>> rule.family, rule.severity.value
        ('follow-up', 'warning')
    """

    code: str
    severity: Severity
    family: str
    title: str
    description: str
    needs_texts: bool = False
    at_construction: bool = False


class RuleCatalogue(Mapping[str, Rule]):
    """The rule catalogue: a read-only mapping from code to `Rule`, in documentation order.

    Example:
        >>> from catdomain.validation import RULES
        >>> "arithmetic.partition-sum" in RULES
        True
        >>> sorted({rule.family for rule in RULES.values()})
        ['arithmetic', 'follow-up', 'integrity', 'measure', 'time']
    """

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def __getitem__(self, code: str) -> Rule:
        return self._rules[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def __repr__(self) -> str:
        return f"RuleCatalogue({list(self._rules)!r})"

    def _add(self, rule: Rule) -> None:
        if rule.code in self._rules:
            raise ValueError(f"rule {rule.code!r} is registered twice")  # pragma: no cover
        self._rules[rule.code] = rule


RULES = RuleCatalogue()
"""Every rule, by code, in the order the documentation lists them."""


# --------------------------------------------------------------------------
# Registration


@attrs.frozen
class _Emitter:
    """Builds the findings of one rule."""

    code: str
    severity: Severity

    def __call__(
        self,
        path: str,
        message: str,
        *,
        spans: Iterable[SourceSpan | None] = (),
        figures: Iterable[tuple[str, Decimal]] = (),
        severity: Severity | None = None,
    ) -> Finding:
        unique: list[SourceSpan] = []
        seen: set[SourceSpan] = set()
        for span in spans:
            if span is not None and span not in seen:
                seen.add(span)
                unique.append(span)
        return Finding(
            code=self.code,
            severity=severity or self.severity,
            path=path,
            message=_one_line(message),
            spans=tuple(unique),
            figures=tuple(Figure(name=name, value=value) for name, value in figures),
        )


def _one_line(text: str) -> str:
    """`text` with every run of whitespace (newlines, tabs) made one space."""
    return " ".join(text.split())


_Check: TypeAlias = Callable[["_Context", _Emitter], Iterable[Finding]]
_CHECKS: dict[str, _Check] = {}


def _rule(
    code: str, severity: Severity, title: str, *, needs_texts: bool = False
) -> Callable[[_Check], _Check]:
    """Register the decorated function as the check of rule `code`.

    The function's docstring is the rule's description.
    """

    def register(check: _Check) -> _Check:
        description = " ".join((check.__doc__ or "").split())
        RULES._add(
            Rule(
                code=code,
                severity=severity,
                family=code.partition(".")[0],
                title=title,
                description=description,
                needs_texts=needs_texts,
            )
        )
        _CHECKS[code] = check
        return check

    return register


def _construction_rule(code: str, title: str, description: str) -> None:
    RULES._add(
        Rule(
            code=code,
            severity=Severity.ERROR,
            family="integrity",
            title=title,
            description=description,
            at_construction=True,
        )
    )


_construction_rule(
    "integrity.duplicate-id",
    "Duplicate id",
    "Two objects of the dossier share an id. Checked when the Dossier is built.",
)
_construction_rule(
    "integrity.dangling-reference",
    "Reference to nothing",
    "An id an object refers to is not the id of an object of the right kind in the "
    "dossier. Checked when the Dossier is built.",
)
_construction_rule(
    "integrity.unknown-paragraph",
    "Unknown paragraph number",
    "A section or a span names a paragraph number its document does not have. Checked "
    "when the Dossier is built.",
)
_construction_rule(
    "integrity.whole-among-parts",
    "Whole among its parts",
    "A breakdown lists its whole among its parts. Checked when the Dossier is built.",
)
_construction_rule(
    "integrity.unknown-scale",
    "Unknown grading scale",
    "An assessment names a grading scale neither the dossier nor catdomain defines. "
    "Checked when the Dossier is built.",
)
_construction_rule(
    "integrity.unknown-grade",
    "Grade not on its scale",
    "An assessment's grade is not a grade of its scale. Checked when the Dossier is built.",
)
_construction_rule(
    "integrity.unknown-vocabulary",
    "Unknown vocabulary",
    "A tag names a vocabulary neither the dossier nor catdomain ships. Checked when the "
    "Dossier is built.",
)
_construction_rule(
    "integrity.unknown-term",
    "Unknown term",
    "A tag names a term its vocabulary does not have (aliases of renamed terms are "
    "accepted), in a vocabulary that refuses unknown terms. Checked when the Dossier is built.",
)
_construction_rule(
    "integrity.duplicate-tag",
    "Term tagged twice",
    "An object carries the same term of a vocabulary twice (perhaps once by an alias). "
    "Checked when the Dossier is built.",
)
_construction_rule(
    "integrity.duplicate-vocabulary",
    "Vocabulary defined twice",
    "The dossier defines two vocabularies with the same id. Checked when the Dossier is built.",
)


def findings_from_integrity_error(error: IntegrityError) -> tuple[Finding, ...]:
    """Turn the problems of an `IntegrityError` into error findings.

    A dossier with integrity problems cannot be built, so `validate` never
    sees it; this lets a caller (the command line) report both the same way.
    Codes become ``integrity.<code>`` and paths gain the leading ``$.``.

    Args:
        error: The error raised by `Dossier` construction.

    Returns:
        One error finding per problem, sorted by path.

    Example:
        >>> import catdomain as cd
        >>> from catdomain.validation import findings_from_integrity_error
        >>> m = cd.Measure(id="m-1", description="x", category=cd.MeasureCategory.OTHER,
        ...                answers=("nowhere",))
        >>> try:
        ...     cd.Dossier(id="d", measures=(m,))
        ... except cd.IntegrityError as error:
        ...     print(findings_from_integrity_error(error)[0])
        error integrity.dangling-reference at $.measures[0].answers[0]: 'nowhere' is not the id of a recommendation in this dossier
    """  # noqa: E501
    findings = [
        Finding(
            code=f"integrity.{code}",
            severity=Severity.ERROR,
            path=path if path.startswith("$") else f"$.{path}",
            message=_one_line(message),
        )
        for code, path, message in error.details
    ]
    return tuple(sorted(findings, key=_sort_key))


# --------------------------------------------------------------------------
# validate


def validate(
    dossier: Dossier,
    *,
    texts: Mapping[str, str] | None = None,
    rules: Iterable[str] | None = None,
    today: PartialDate | None = None,
    tolerance: Decimal = DEFAULT_TOLERANCE,
) -> tuple[Finding, ...]:
    """Check a dossier against the rule catalogue and return what was found.

    Domain problems are reported, never raised. The work is linear in the
    size of the dossier: each rule indexes what it needs once.

    Args:
        dossier: The dossier to check.
        texts: Full texts by document id, for the provenance rules (quotes
            at their offsets); documents without a text are not checked
            by them.
        rules: Codes of the rules to run, or family names ("arithmetic")
            for all rules of a family; None runs every rule.
        today: The date to take as today, for the rules that need one when
            the dossier gives no report date (nothing reads the clock).
        tolerance: The relative margin of an approximate figure
            ("about 3,500" allows 3,500 ± 10 % by default).

    Returns:
        The findings, errors first, then warnings, then information; within
        a severity by path.

    Raises:
        ValueError: If `rules` names an unknown code or family, or
            `tolerance` is not between 0 and 1.

    Example:
        >>> import catdomain as cd
        >>> from catdomain.validation import validate
        >>> m = cd.Measure(id="m-1", description="Bill submitted",
        ...                category=cd.MeasureCategory.LEGISLATIVE)
        >>> for finding in validate(cd.Dossier(id="d", measures=(m,))):
        ...     print(finding)
        warning measure.answers-nothing at $.measures[0]: measure 'm-1' answers no recommendation
        info measure.no-evidence at $.measures[0]: measure 'm-1' points to no passage of a document that reports it
    """  # noqa: E501
    codes = _select(rules)
    if not isinstance(tolerance, Decimal) or not Decimal(0) <= tolerance < Decimal(1):
        raise ValueError(f"tolerance must be a Decimal from 0 to below 1, not {tolerance!r}")
    found: list[Finding] = []
    with localcontext() as decimal_context:
        decimal_context.prec = _PRECISION
        context = _Context(dossier, texts or {}, today, tolerance)
        for code in codes:
            found.extend(_CHECKS[code](context, _Emitter(code, RULES[code].severity)))
    return tuple(sorted(found, key=_sort_key))


def _select(rules: Iterable[str] | None) -> list[str]:
    runnable = [code for code in RULES if code in _CHECKS]
    if rules is None:
        return runnable
    wanted = {rules} if isinstance(rules, str) else set(rules)
    families = {RULES[code].family for code in RULES}
    unknown = sorted(name for name in wanted if name not in RULES and name not in families)
    if unknown:
        raise ValueError(
            f"unknown rule code(s) {', '.join(map(repr, unknown))}; known codes: "
            + ", ".join(RULES)
            + "; families: "
            + ", ".join(sorted(families))
        )
    return [code for code in runnable if code in wanted or RULES[code].family in wanted]


_PRECISION = 60
"""Significant digits of the arithmetic: sums of figures as written stay exact."""

_INDEX = re.compile(r"\[(\d+)\]")


def _sort_key(finding: Finding) -> tuple[int, tuple[str | int, ...], str, str]:
    parts = _INDEX.split(finding.path)
    path = tuple(int(p) if k % 2 else p for k, p in enumerate(parts))
    return (finding.severity.rank, path, finding.code, finding.message)


# --------------------------------------------------------------------------
# Intervals of possible true values


@attrs.frozen
class _Interval:
    """The values a figure allows: bounds (None is infinite), each open or closed."""

    lo: Decimal | None
    hi: Decimal | None
    lo_open: bool = False
    hi_open: bool = False

    @property
    def is_point(self) -> bool:
        return self.lo is not None and self.lo == self.hi

    @property
    def value(self) -> Decimal:
        assert self.lo is not None
        return self.lo

    def __add__(self, other: _Interval) -> _Interval:
        return _Interval(
            None if self.lo is None or other.lo is None else self.lo + other.lo,
            None if self.hi is None or other.hi is None else self.hi + other.hi,
            self.lo_open or other.lo_open,
            self.hi_open or other.hi_open,
        )

    def __neg__(self) -> _Interval:
        return _Interval(
            None if self.hi is None else -self.hi,
            None if self.lo is None else -self.lo,
            self.hi_open,
            self.lo_open,
        )

    def __sub__(self, other: _Interval) -> _Interval:
        return self + (-other)

    def below(self, other: _Interval) -> bool:
        """Whether every value of this interval is less than every value of `other`."""
        if self.hi is None or other.lo is None:
            return False
        return self.hi < other.lo or (self.hi == other.lo and (self.hi_open or other.lo_open))

    def intersects(self, other: _Interval) -> bool:
        return not self.below(other) and not other.below(self)

    def hull(self, other: _Interval) -> _Interval:
        """The smallest interval holding both (bounds closed)."""
        lo = None if self.lo is None or other.lo is None else min(self.lo, other.lo)
        hi = None if self.hi is None or other.hi is None else max(self.hi, other.hi)
        return _Interval(lo, hi)


_EVERYTHING = _Interval(None, None)


def _value_interval(value: Decimal, qualifier: Qualifier, tolerance: Decimal) -> _Interval:
    """The true values a figure stated with `qualifier` allows.

    Upper bounds of a positive figure stop at zero: figures in a dossier are
    counts, amounts and percentages, never negative.
    """
    if qualifier is Qualifier.EXACT:
        return _Interval(value, value)
    if qualifier is Qualifier.APPROXIMATE:
        margin = abs(value) * tolerance
        return _Interval(value - margin, value + margin)
    if qualifier is Qualifier.MORE_THAN:
        return _Interval(value, None, lo_open=True)
    if qualifier is Qualifier.AT_LEAST:
        return _Interval(value, None)
    floor = Decimal(0) if value > 0 or (value == 0 and qualifier is Qualifier.AT_MOST) else None
    return _Interval(floor, value, hi_open=qualifier is Qualifier.LESS_THAN)


def _half_unit(value: Decimal) -> Decimal:
    """Half a unit of the last digit written: 0.5 for "32", 0.05 for "19.2"."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


def _rounded_interval(value: Decimal, qualifier: Qualifier, tolerance: Decimal) -> _Interval:
    """The true values a rounded figure (a percentage, a stated change) allows.

    An exact figure covers what rounds to it, half up: "19.2" is [19.15, 19.25).
    """
    half = _half_unit(value)
    if qualifier is Qualifier.EXACT:
        return _Interval(value - half, value + half, hi_open=True)
    if qualifier is Qualifier.APPROXIMATE:
        margin = max(half, abs(value) * tolerance)
        return _Interval(value - margin, value + margin)
    return _value_interval(value, qualifier, tolerance)


# --------------------------------------------------------------------------
# Formatting


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_QUALIFIER_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATE: "about ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.AT_MOST: "at most ",
}


def _fmt(value: Decimal, places: int | None = None) -> str:
    """A number with thousands separators: 1,352; 24.1 (to `places` decimals if given)."""
    if places is not None:
        value = _round(value, places)
    elif value == value.to_integral_value():
        value = value.to_integral_value()
    text = format(value, ",f")
    return "0" if text == "-0" else text


def _round(value: Decimal, places: int) -> Decimal:
    """`value` rounded half up to `places` decimals, however many digits it has."""
    with localcontext() as context:
        context.prec = max(context.prec, value.adjusted() + places + 2)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _significant(value: Decimal, digits: int = 3) -> str:
    """A number rounded to `digits` significant digits: 23,437.5 → 23,400."""
    if value == 0:
        return "0"
    exponent = value.adjusted() - digits + 1
    rounded = value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)
    return _fmt(rounded) if exponent >= 0 else _fmt(rounded, -exponent)


def _date(value: PartialDate | datetime.date) -> str:
    """A date as people write it: "13 May 2024", "May 2024", "2024"."""
    if isinstance(value, datetime.date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    if value.month is None:
        return str(value.year)
    month = f"{_MONTHS[value.month - 1]} {value.year}"
    return month if value.day is None else f"{value.day} {month}"


def _on(value: PartialDate) -> str:
    """A date with its preposition: "on 13 May 2024", "in May 2024", "in 2024"."""
    return f"on {_date(value)}" if value.day is not None else f"in {_date(value)}"


def _when(time: TimeReference) -> str:
    """A time reference in words: "2023", "2021–2023", "by 2030", "2023 and 2024"."""
    if isinstance(time, Instant):
        return f"as at {_date(time.date)}"
    if isinstance(time, Pooled):
        return " and ".join(_when(p) for p in time.periods)
    if time.start is not None and time.start == time.end:
        return _date(time.start)
    if time.start is None:
        assert time.end is not None
        return f"by {_date(time.end)}"
    if time.end is None:
        return f"since {_date(time.start)}"
    return f"{_date(time.start)}–{_date(time.end)}"


def _for(time: TimeReference) -> str:
    """A time reference after "is": "for 2023", "by 2030", "since 2005", "as at …"."""
    words = _when(time)
    return words if words.startswith(("by ", "since ", "as at ")) else f"for {words}"


def _at(observation: Observation) -> str:
    """The observation's time in brackets, or nothing: " (2023)"."""
    return "" if observation.time is None else f" ({_when(observation.time)})"


def _as_written(observation: Observation) -> str:
    """The figure with its qualifier: "more than 400", "about 3,500", "219"."""
    figure = observation.text or _fmt(observation.value)
    return _QUALIFIER_WORDS[observation.qualifier] + figure


def _describe(interval: _Interval, places: int | None = None) -> str:
    """An interval in words: "404", "between 380 and 420", "more than 400"."""
    lo = None if interval.lo is None else _fmt(interval.lo, places)
    hi = None if interval.hi is None else _fmt(interval.hi, places)
    if lo is not None and lo == hi:
        return lo
    if lo is not None and hi is not None:
        return f"between {lo} and {hi}"
    if lo is not None:
        return f"{'more than' if interval.lo_open else 'at least'} {lo}"
    if hi is not None:
        return f"{'less than' if interval.hi_open else 'at most'} {hi}"
    return "any value"


def _interval_figures(
    name: str, interval: _Interval, places: int | None = None
) -> list[tuple[str, Decimal]]:
    """Figures for an interval: one if it is a point, else its finite bounds."""

    def shown(value: Decimal) -> Decimal:
        return value if places is None else _round(value, places)

    if interval.is_point:
        return [(name, shown(interval.value))]
    out = []
    if interval.lo is not None:
        out.append((f"{name}, lowest", shown(interval.lo)))
    if interval.hi is not None:
        out.append((f"{name}, highest", shown(interval.hi)))
    return out


def _quote(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def _is_percent(unit: str) -> bool:
    return unit.strip().lower() in {"percent", "per cent", "%", "percentage"}


_PERCENT_UNITS = frozenset({"percent", "per cent", "%", "percentage", "percentage points"})


def _same_unit(a: str, b: str) -> bool:
    """Whether figures in units `a` and `b` can be added or compared.

    Units of counted things are nouns taken from the text, and replies name
    the parts of a whole with other nouns than the whole ("238 persons …, of
    whom 219 were civilians and 19 officers"): any two counts are taken to be
    in the same unit. Percentages are never the same unit as counts.
    """
    na, nb = " ".join(a.lower().split()), " ".join(b.lower().split())
    if na == nb:
        return True
    return (na in _PERCENT_UNITS) == (nb in _PERCENT_UNITS) and na not in _PERCENT_UNITS


# --------------------------------------------------------------------------
# Time helpers


def _bounds(time: TimeReference) -> list[tuple[datetime.date | None, datetime.date | None]]:
    """The stretches of days a time reference covers (None is open)."""
    if isinstance(time, Instant):
        return [(time.earliest(), time.latest())]
    if isinstance(time, Pooled):
        return [(p.earliest(), p.latest()) for p in time.periods]
    return [(time.earliest(), time.latest())]


def _latest(time: TimeReference) -> datetime.date | None:
    return time.latest()


def _earliest(time: TimeReference) -> datetime.date | None:
    return time.earliest()


def _within(part: TimeReference, whole: TimeReference) -> bool:
    """Whether every stretch of `part` lies inside some stretch of `whole`."""
    stretches = _bounds(whole)
    for lo, hi in _bounds(part):
        if not any(
            (wlo is None or (lo is not None and wlo <= lo))
            and (whi is None or (hi is not None and hi <= whi))
            for wlo, whi in stretches
        ):
            return False
    return True


def _periods(time: TimeReference | None) -> Iterator[tuple[str, Period]]:
    if isinstance(time, Period):
        yield "", time
    elif isinstance(time, Pooled):
        for k, period in enumerate(time.periods):
            yield f".periods[{k}]", period


# --------------------------------------------------------------------------
# The context: indexes built once per validate() call, on first use


class _Timed(NamedTuple):
    series_index: int
    observation_index: int
    series: Series
    observation: Observation
    time: TimeReference
    first: datetime.date | None
    last: datetime.date | None


class _Context:
    def __init__(
        self,
        dossier: Dossier,
        texts: Mapping[str, str],
        today: PartialDate | None,
        tolerance: Decimal,
    ) -> None:
        self.dossier = dossier
        self.texts = texts
        self.today = today
        self.tolerance = tolerance
        self._intervals: dict[str, _Interval] = {}

    # -- documents

    @cached_property
    def documents(self) -> dict[str, tuple[int, Document]]:
        return {d.id: (i, d) for i, d in enumerate(self.dossier.documents)}

    def document(self, id: str) -> Document:
        return self.documents[id][1]

    def report_date(self, document_id: str) -> tuple[PartialDate, str] | None:
        """A document's date with the word for it: (13 May 2024, "received")."""
        return self.report_dates[document_id]

    @cached_property
    def report_dates(self) -> dict[str, tuple[PartialDate, str] | None]:
        out: dict[str, tuple[PartialDate, str] | None] = {}
        for doc in self.dossier.documents:
            out[doc.id] = None
            for word, date in (
                ("received", doc.received),
                ("issued", doc.issued),
                ("adopted", doc.adopted),
            ):
                if date is not None:
                    out[doc.id] = (date, word)
                    break
        return out

    @staticmethod
    def label(doc: Document) -> str:
        if doc.kind is DocumentKind.FOLLOW_UP_REPLY:
            return f"follow-up reply '{doc.id}'"
        return f"document '{doc.id}'"

    @cached_property
    def usable_texts(self) -> dict[str, str]:
        """Texts of dossier documents that are the version the offsets refer to."""
        out = {}
        for doc_id, text in self.texts.items():
            located = self.documents.get(doc_id)
            if located is not None and _text_version_problem(located[1], text) is None:
                out[doc_id] = text
        return out

    @cached_property
    def _span_lists(self) -> tuple[list[str], list[SourceSpan]]:
        paths: list[str] = []
        spans: list[SourceSpan] = []
        _walk_spans(self.dossier, "$", paths, spans)
        return paths, spans

    @property
    def spans(self) -> Iterator[tuple[str, SourceSpan]]:
        """Every span of the dossier with its path (kept as two lists: on a large
        dossier, a tuple per span would be enough new objects to set off a full
        garbage collection of the whole dossier)."""
        paths, spans = self._span_lists
        return zip(paths, spans, strict=True)

    @cached_property
    def paragraphs(self) -> dict[str, dict[str, tuple[int, int]]]:
        out: dict[str, dict[str, tuple[int, int]]] = {}
        for doc in self.dossier.documents:
            numbers: dict[str, tuple[int, int]] = {}
            for p in doc.paragraphs:
                if p.number is not None:
                    numbers.setdefault(p.number, (p.start, p.end))
            out[doc.id] = numbers
        return out

    # -- recommendations and replies

    @cached_property
    def recommendations(self) -> dict[str, tuple[int, Recommendation]]:
        return {r.id: (i, r) for i, r in enumerate(self.dossier.recommendations)}

    @cached_property
    def reply_sections(self) -> list[tuple[int, Document, int, Section]]:
        return [
            (i, doc, j, section)
            for i, doc in enumerate(self.dossier.documents)
            if doc.kind is DocumentKind.FOLLOW_UP_REPLY
            for j, section in enumerate(doc.sections)
        ]

    def answers(self, doc: Document, section: Section) -> list[Recommendation]:
        """The recommendations `section` of reply `doc` answers (of the document it responds to)."""
        out = []
        for rec_id in section.recommendations:
            rec = self.recommendations[rec_id][1]
            if doc.responds_to is None or doc.responds_to == rec.document:
                out.append(rec)
        return out

    @cached_property
    def answered(self) -> set[str]:
        return {
            rec.id
            for _, doc, _, section in self.reply_sections
            for rec in self.answers(doc, section)
        }

    def deadline(self, rec: Recommendation) -> tuple[PartialDate, str] | None:
        """The follow-up deadline of `rec` and how it was obtained."""
        if rec.follow_up_deadline is not None:
            return (
                rec.follow_up_deadline,
                f"the follow-up deadline {_date(rec.follow_up_deadline)} recorded for "
                f"recommendation '{rec.id}'",
            )
        adopted = self.document(rec.document).adopted
        if adopted is None:
            return None
        try:
            if adopted.day is not None:
                due = PartialDate.from_date(adopted.earliest() + relativedelta(years=1))
            else:
                due = PartialDate(adopted.year + 1, adopted.month)
        except (ValueError, OverflowError):  # adopted in 9999: the calendar ends
            return None
        return due, (
            f"the one-year deadline {_date(due)} computed from adoption {_on(adopted)}"
            f" ({rec.document})"
        )

    # -- observations

    @cached_property
    def timed(self) -> list[_Timed]:
        """Every observation with a time, with the first and last day it covers."""
        return [
            _Timed(i, j, s, o, o.time, o.time.earliest(), o.time.latest())
            for i, s in enumerate(self.dossier.series)
            for j, o in enumerate(s.observations)
            if o.time is not None
        ]

    @cached_property
    def located(self) -> dict[str, tuple[int, int]]:
        return {
            o.id: (i, j)
            for i, s in enumerate(self.dossier.series)
            for j, o in enumerate(s.observations)
        }

    def observation(self, id: str) -> Observation:
        i, j = self.located[id]
        return self.dossier.series[i].observations[j]

    def series_of(self, id: str) -> Series:
        return self.dossier.series[self.located[id][0]]

    def path(self, id: str) -> str:
        i, j = self.located[id]
        return f"$.series[{i}].observations[{j}]"

    def interval(self, id: str) -> _Interval:
        found = self._intervals.get(id)
        if found is None:
            o = self.observation(id)
            found = _value_interval(o.value, o.qualifier, self.tolerance)
            self._intervals[id] = found
        return found

    def unit(self, id: str) -> str:
        return self.series_of(id).key.unit


def _collect_spans(obj: object, path: str, found: list[tuple[str, SourceSpan]]) -> None:
    """Append every span inside `obj` with its JSON path, as `iter_spans` yields them.

    Only the fields whose declared type can hold a span are visited, which makes this
    several times faster than `iter_spans` on dossiers with many observations.
    """
    paths: list[str] = []
    spans: list[SourceSpan] = []
    _walk_spans(obj, path, paths, spans)
    found.extend(zip(paths, spans, strict=True))


def _walk_spans(obj: object, path: str, paths: list[str], spans: list[SourceSpan]) -> None:
    """`_collect_spans`, into two lists: the paths and the spans."""
    if type(obj) is SourceSpan:
        paths.append(path)
        spans.append(obj)
    elif isinstance(obj, tuple):
        for index, item in enumerate(obj):
            if type(item) is SourceSpan:  # the common case, without a call
                paths.append(f"{path}[{index}]")
                spans.append(item)
            else:
                _walk_spans(item, f"{path}[{index}]", paths, spans)
    else:
        for name in _span_fields(type(obj)):
            value = getattr(obj, name)
            # None and () hold no span: skip them without a call (most fields are one).
            if value is None or (type(value) is tuple and not value):
                continue
            if type(value) is SourceSpan:
                paths.append(f"{path}.{name}")
                spans.append(value)
            else:
                _walk_spans(value, f"{path}.{name}", paths, spans)


_SPAN_FIELDS: dict[type, tuple[str, ...]] = {}


def _span_fields(cls: type) -> tuple[str, ...]:
    """The init fields of attrs class `cls` whose declared type can hold a `SourceSpan`.

    Read from the type hints; for a class whose hints cannot be resolved, every field.
    Not an attrs class (str, Decimal, None, an enum): no field.
    """
    cached = _SPAN_FIELDS.get(cls)
    if cached is not None:
        return cached
    if not attrs.has(cls):
        _SPAN_FIELDS[cls] = ()
        return ()
    names = tuple(f.name for f in attrs.fields(cls) if f.init)
    _SPAN_FIELDS[cls] = names  # provisional, in case the class refers to itself
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # unresolvable hints: visit every field
        return names
    found = tuple(name for name in names if name in hints and _may_hold_span(hints[name]))
    _SPAN_FIELDS[cls] = found
    return found


def _may_hold_span(hint: object) -> bool:
    if hint is SourceSpan:
        return True
    if isinstance(hint, type) and attrs.has(hint):
        return bool(_span_fields(hint))
    return any(_may_hold_span(arg) for arg in typing.get_args(hint))


def _text_version_problem(doc: Document, text: str) -> tuple[str, str] | None:
    if doc.text_length is not None and len(text) != doc.text_length:
        return (
            "text_length",
            f"the text given for document '{doc.id}' has {len(text):,} characters, but the "
            f"offsets were recorded on a text of {doc.text_length:,}",
        )
    if doc.text_sha256 is not None:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != doc.text_sha256.lower():
            return (
                "text_sha256",
                f"the text given for document '{doc.id}' is not the version the offsets "
                f"were recorded on (SHA-256 {digest[:12]}…, recorded {doc.text_sha256[:12]}…)",
            )
    return None


# --------------------------------------------------------------------------
# Integrity and provenance


@_rule(
    "integrity.span-outside-document",
    Severity.ERROR,
    "Span past the end of its document",
    needs_texts=True,
)
def _span_outside_document(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A span ends past the end of its document's text. Checked for the documents whose
    text is passed to validate (and, when a document records its text_length, also when
    the Dossier is built)."""
    if not ctx.usable_texts:
        return
    for path, span in ctx.spans:
        text = ctx.usable_texts.get(span.document)
        if text is not None and span.end > len(text):
            yield emit(
                f"{path}.end",
                f"the span {span.start}–{span.end} ({_quote(span.quote)}) ends past the end "
                f"of document '{span.document}' ({len(text):,} characters)",
                spans=[span],
                figures=[("span end", Decimal(span.end)), ("text length", Decimal(len(text)))],
            )


@_rule(
    "integrity.text-version",
    Severity.ERROR,
    "Text is not the version the offsets refer to",
    needs_texts=True,
)
def _text_version(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """The full text passed for a document does not have the length or SHA-256 the
    document records, so its offsets cannot be checked against it: the quote checks skip
    that document."""
    for doc_id, text in ctx.texts.items():
        located = ctx.documents.get(doc_id)
        if located is None:
            continue
        index, doc = located
        problem = _text_version_problem(doc, text)
        if problem is not None:
            field, message = problem
            yield emit(
                f"$.documents[{index}].{field}",
                message,
                figures=[("text length", Decimal(len(text)))]
                + ([("recorded length", Decimal(doc.text_length))] if doc.text_length else []),
            )


@_rule(
    "integrity.quote-mismatch",
    Severity.ERROR,
    "Quote not at its offsets",
    needs_texts=True,
)
def _quote_mismatch(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """The text of a document between a span's offsets is not the span's quote, so the
    evidence does not point where it says."""
    if not ctx.usable_texts:
        return
    searches = 0
    for path, span in ctx.spans:
        text = ctx.usable_texts.get(span.document)
        if text is None or span.end > len(text) or span.matches(text):
            continue
        message = (
            f"characters {span.start}–{span.end} of document '{span.document}' read "
            f"{_quote(text[span.start : span.end])}, not the quote {_quote(span.quote)}"
        )
        figures = [("span start", Decimal(span.start))]
        if searches < _MAX_QUOTE_SEARCHES:
            searches += 1
            found = text.find(span.quote)
            if found >= 0:
                message += f"; the quote is at {found}–{found + len(span.quote)}"
                figures.append(("quote found at", Decimal(found)))
        yield emit(path, message, spans=[span], figures=figures)


_MAX_QUOTE_SEARCHES = 100
"""How many mismatched quotes are looked for elsewhere in their text (keeps validate linear)."""


@_rule(
    "integrity.span-outside-paragraph",
    Severity.WARNING,
    "Span outside its paragraph",
)
def _span_outside_paragraph(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A span names a paragraph, but its offsets are not inside that paragraph's offsets
    (Document.paragraphs): the paragraph number or the offsets are wrong."""
    if not any(doc.paragraphs for doc in ctx.dossier.documents):
        return
    for path, span in ctx.spans:
        if span.paragraph is None:
            continue
        bounds = ctx.paragraphs.get(span.document, {}).get(span.paragraph)
        if bounds is None:
            continue
        start, end = bounds
        if not (start <= span.start and span.end <= end):
            yield emit(
                path,
                f"the span {span.start}–{span.end} ({_quote(span.quote)}) is said to be in "
                f"paragraph {span.paragraph} of document '{span.document}', which runs from "
                f"{start} to {end}",
                spans=[span],
                figures=[
                    ("span start", Decimal(span.start)),
                    ("span end", Decimal(span.end)),
                    ("paragraph start", Decimal(start)),
                    ("paragraph end", Decimal(end)),
                ],
            )


# --------------------------------------------------------------------------
# Follow-up coverage


@_rule(
    "follow-up.selected-not-answered",
    Severity.ERROR,
    "Selected recommendation not answered",
)
def _selected_not_answered(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A recommendation selected for follow-up is answered by no section of a follow-up
    reply (to its concluding observations, or of unknown address). When today is given and
    the deadline has not yet passed, the answer is not yet due and nothing is reported."""
    for i, rec in enumerate(ctx.dossier.recommendations):
        if rec.selected_for_follow_up is not True or rec.id in ctx.answered:
            continue
        message = (
            f"recommendation '{rec.id}' (paragraph {rec.paragraph} of {rec.document}) was "
            "selected for follow-up, but no section of a follow-up reply answers it"
        )
        figures: list[tuple[str, Decimal]] = []
        deadline = ctx.deadline(rec)
        if ctx.today is not None and deadline is not None:
            due, _ = deadline
            if ctx.today.earliest() <= due.latest():
                continue
            days = (ctx.today.earliest() - due.latest()).days
            message += f"; its deadline {_date(due)} passed {days} days before {_date(ctx.today)}"
            figures.append(("days past the deadline", Decimal(days)))
        yield emit(f"$.recommendations[{i}]", message, spans=[rec.source], figures=figures)


@_rule("follow-up.late-reply", Severity.WARNING, "Reply after its deadline")
def _late_reply(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A follow-up reply's date (received, else issued) is after the deadline of the
    recommendations it answers: the follow_up_deadline recorded, else one year after the
    adoption of the concluding observations. Dates are compared at their precision: the
    reply is late only if its earliest possible day is after the deadline's latest. Answers
    to recommendations known not to be selected have no deadline."""
    for i, doc in enumerate(ctx.dossier.documents):
        if doc.kind is not DocumentKind.FOLLOW_UP_REPLY:
            continue
        field = "received" if doc.received is not None else "issued"
        date = doc.received or doc.issued
        if date is None:
            continue
        deadlines: dict[tuple[PartialDate, str], list[str]] = {}
        for section in doc.sections:
            for rec in ctx.answers(doc, section):
                if rec.selected_for_follow_up is False:
                    continue
                deadline = ctx.deadline(rec)
                if deadline is not None:
                    deadlines.setdefault(deadline, [])
                    if rec.id not in deadlines[deadline]:
                        deadlines[deadline].append(rec.id)
        for (due, how), recs in deadlines.items():
            if date.earliest() <= due.latest():
                continue
            days = (date.earliest() - due.latest()).days
            exact = date.day is not None and due.day is not None
            late = f"{days} day{'s' if days != 1 else ''}" if exact else f"at least {days} days"
            yield emit(
                f"$.documents[{i}].{field}",
                f"{ctx.label(doc)} was {field} {_date(date)}, {late} after {how}, for "
                f"{len(recs)} recommendation{'s' if len(recs) != 1 else ''} it answers",
                figures=[("days late", Decimal(days))],
            )


@_rule("follow-up.volunteered", Severity.INFO, "Volunteered answer")
def _volunteered(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A reply section answers only recommendations known not to be selected for
    follow-up: the State volunteered that information, and the Rapporteur does not assess
    it."""
    for i, doc, j, section in ctx.reply_sections:
        recs = ctx.answers(doc, section)
        if recs and all(rec.selected_for_follow_up is False for rec in recs):
            paragraphs = ", ".join(str(rec.paragraph) for rec in recs)
            yield emit(
                f"$.documents[{i}].sections[{j}]",
                f"section '{section.id}' of {ctx.label(doc)} answers paragraph(s) "
                f"{paragraphs}, not selected for follow-up: the information is volunteered",
                spans=[section.source],
            )


@_rule("follow-up.selection-unknown", Severity.INFO, "Selection for follow-up unknown")
def _selection_unknown(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """Some recommendations answered by follow-up replies do not record whether they were
    selected for follow-up, so selected and volunteered answers cannot be told apart for
    them, nor a missing answer found. Reported once per dossier, with the count."""
    answered = [
        (i, rec) for i, rec in enumerate(ctx.dossier.recommendations) if rec.id in ctx.answered
    ]
    unknown = [rec for _, rec in answered if rec.selected_for_follow_up is None]
    if not unknown:
        return
    numbers = [str(rec.paragraph) for rec in unknown]
    shown = ", ".join(numbers[:20]) + (", …" if len(numbers) > 20 else "")
    label = "paragraphs" if len(numbers) > 1 else "paragraph"
    verb = "were" if len(unknown) > 1 else "was"
    yield emit(
        "$.recommendations",
        f"the dossier does not record whether {len(unknown)} of the {len(answered)} "
        f"recommendations answered by follow-up replies ({label} {shown}) {verb} selected "
        "for follow-up: selected and volunteered answers cannot be told apart",
        figures=[
            ("answered recommendations", Decimal(len(answered))),
            ("with selection unknown", Decimal(len(unknown))),
        ],
    )


# --------------------------------------------------------------------------
# Time


@_rule("time.reversed-range", Severity.ERROR, "Period ends before it starts")
def _reversed_range(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A period (of an observation, a measure or an instrument) starts after it ends."""

    def finding(path: str, period: Period, spans: Iterable[SourceSpan | None]) -> Finding:
        assert period.start is not None
        assert period.end is not None
        written = f" (written {_quote(period.text)})" if period.text else ""
        return emit(
            path,
            f"the period {period}{written} starts {_on(period.start)}, after it ends "
            f"{_on(period.end)}",
            spans=spans,
        )

    for i, s in enumerate(ctx.dossier.series):
        for j, o in enumerate(s.observations):
            for suffix, period in _periods(o.time):
                if not period.is_ordered:
                    path = f"$.series[{i}].observations[{j}].time{suffix}"
                    yield finding(path, period, [o.source])
    for i, m in enumerate(ctx.dossier.measures):
        if m.period is not None and not m.period.is_ordered:
            yield finding(f"$.measures[{i}].period", m.period, m.evidence)
    for i, inst in enumerate(ctx.dossier.instruments):
        if inst.period is not None and not inst.period.is_ordered:
            yield finding(f"$.instruments[{i}].period", inst.period, [])


@_rule(
    "time.instrument-after-document",
    Severity.ERROR,
    "Instrument dated after a document citing it",
)
def _instrument_after_document(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """An instrument's issuance is dated after the date of a document that cites it (a
    citation or an issuance read from that document): a document cannot cite what did not
    yet exist. The date or the citation is wrong."""
    citing: dict[str, dict[str, list[SourceSpan]]] = defaultdict(dict)
    for citation in ctx.dossier.citations:
        if citation.source is not None:
            where = citing[citation.instrument].setdefault(citation.source.document, [])
            where.append(citation.source)
    for inst in ctx.dossier.instruments:
        for issuance in inst.issuances:
            if issuance.source is not None:
                where = citing[inst.id].setdefault(issuance.source.document, [])
                where.append(issuance.source)
    for i, inst in enumerate(ctx.dossier.instruments):
        documents = citing.get(inst.id)
        if not documents:
            continue
        for j, issuance in enumerate(inst.issuances):
            if issuance.date is None:
                continue
            for doc_id, spans in documents.items():
                report = ctx.report_date(doc_id)
                if report is None:
                    continue
                date, word = report
                if issuance.date.earliest() > date.latest():
                    days = (issuance.date.earliest() - date.latest()).days
                    yield emit(
                        f"$.instruments[{i}].issuances[{j}].date",
                        f"instrument '{inst.id}' is dated {_date(issuance.date)}, {days} days "
                        f"after {ctx.label(ctx.document(doc_id))} that cites it was {word} "
                        f"({_date(date)})",
                        spans=spans,
                        figures=[("days after the document", Decimal(days))],
                    )


def _evidence_documents(ctx: _Context, spans: Iterable[SourceSpan]) -> list[str]:
    out: list[str] = []
    for span in spans:
        if span.document not in out:
            out.append(span.document)
    return out


@_rule(
    "time.measure-dated-after-report",
    Severity.ERROR,
    "Measure dated after the report of it",
)
def _measure_dated_after_report(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A measure's date is after the date of a document that reports it (one holding its
    evidence). Planned measures are not checked: their date may be the one planned."""
    for i, m in enumerate(ctx.dossier.measures):
        if m.date is None or m.status is MeasureStatus.PLANNED:
            continue
        for doc_id in _evidence_documents(ctx, m.evidence):
            report = ctx.report_date(doc_id)
            if report is None:
                continue
            date, word = report
            if m.date.earliest() > date.latest():
                days = (m.date.earliest() - date.latest()).days
                yield emit(
                    f"$.measures[{i}].date",
                    f"measure '{m.id}' is dated {_date(m.date)}, {days} days after "
                    f"{ctx.label(ctx.document(doc_id))} that reports it was {word} "
                    f"({_date(date)})",
                    spans=[s for s in m.evidence if s.document == doc_id],
                    figures=[("days after the report", Decimal(days))],
                )
                break


@_rule(
    "time.observation-after-report",
    Severity.ERROR,
    "Actual figure for a time after its report",
)
def _observation_after_report(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """An actual (not target or planned) figure is for a time that starts after the date of
    the document it was read from: a report cannot state what has not happened yet."""
    for i, j, s, o, time, first, _ in ctx.timed:
        if s.key.value_kind is not ValueKind.ACTUAL or o.source is None or first is None:
            continue
        report = ctx.report_date(o.source.document)
        if report is None:
            continue
        date, word = report
        if first > date.latest():
            yield emit(
                f"$.series[{i}].observations[{j}]",
                f"the actual figure {_as_written(o)} is {_for(time)}, after "
                f"{ctx.label(ctx.document(o.source.document))} stating it was {word} "
                f"({_date(date)})",
                spans=[o.source],
                figures=[("value", o.value)],
            )


@_rule(
    "time.observation-period-unfinished",
    Severity.INFO,
    "Actual figure for a period not over at the report",
)
def _observation_period_unfinished(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """An actual figure is for a period that had started but was not over at the date of
    the document stating it ("in 2023 and 2024" in a reply received in May 2024): it
    counts part of that period only, and compares badly with figures for whole years."""
    for i, j, s, o, time, first, last in ctx.timed:
        if s.key.value_kind is not ValueKind.ACTUAL or o.source is None or last is None:
            continue
        report = ctx.report_date(o.source.document)
        if report is None:
            continue
        date, word = report
        if (first is None or first <= date.latest()) and last > date.latest():
            days = (last - date.latest()).days
            yield emit(
                f"$.series[{i}].observations[{j}]",
                f"the figure {_as_written(o)} is {_for(time)}, which was not over "
                f"when {ctx.label(ctx.document(o.source.document))} was {word} "
                f"({_date(date)}): it covers part of the period only",
                spans=[o.source],
                figures=[
                    ("value", o.value),
                    ("days of the period after the report", Decimal(days)),
                ],
            )


@_rule("time.completion-passed", Severity.WARNING, "Expected completion date passed")
def _completion_passed(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A measure's expected completion date was over by the date of the latest document
    reporting it (or today, if given, for a measure without evidence), yet its status is
    not completed: the report does not say whether the date was met."""
    for i, m in enumerate(ctx.dossier.measures):
        due = m.expected_completion
        if due is None or m.status is MeasureStatus.COMPLETED:
            continue
        reports = [
            (report, doc_id)
            for doc_id in _evidence_documents(ctx, m.evidence)
            if (report := ctx.report_date(doc_id)) is not None
        ]
        if reports:
            (date, word), doc_id = max(reports, key=lambda r: r[0][0].latest())
            where = f"{ctx.label(ctx.document(doc_id))} ({word} {_date(date)})"
            spans = [s for s in m.evidence if s.document == doc_id]
        elif ctx.today is not None:
            date, where, spans = ctx.today, f"today ({_date(ctx.today)})", []
        else:
            continue
        if due.latest() < date.earliest():
            days = (date.earliest() - due.latest()).days
            status = f"as {m.status.value}" if m.status is not None else "as unknown"
            yield emit(
                f"$.measures[{i}]",
                f"measure '{m.id}' was expected to be completed {_on(due)}, {days} days before "
                f"{where}, which gives its status {status}, not completed: it does not say "
                "whether the date was met",
                spans=spans,
                figures=[("days from expected completion to report", Decimal(days))],
            )


@_rule("time.target-not-after-actual", Severity.WARNING, "Target not after the actuals")
def _target_not_after_actual(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A target figure is for a time that ends no later than the latest actual figure of
    the same concept and unit: a target is set for a time still to come, so either the
    target's time or the value kind is wrong."""
    latest: dict[tuple[str, str], tuple[datetime.date, str, Observation, TimeReference]] = {}
    for _, _, s, o, time, _, last in ctx.timed:
        if s.key.value_kind is not ValueKind.ACTUAL or last is None:
            continue
        key = (s.key.concept, s.key.unit)
        if key not in latest or last > latest[key][0]:
            latest[key] = (last, o.id, o, time)
    for i, j, s, o, time, _, last in ctx.timed:
        if s.key.value_kind is not ValueKind.TARGET or last is None:
            continue
        actual = latest.get((s.key.concept, s.key.unit))
        if actual is None or last > actual[0]:
            continue
        _, actual_id, actual_obs, actual_time = actual
        yield emit(
            f"$.series[{i}].observations[{j}]",
            f"the target {_as_written(o)} ({s.key.concept}, {s.key.unit}; {_when(time)}) "
            f"ends no later than the latest actual figure {_as_written(actual_obs)} "
            f"({_when(actual_time)}, {ctx.path(actual_id)}): a target is for a time still "
            "to come",
            spans=[o.source, actual_obs.source],
            figures=[("target value", o.value), ("latest actual value", actual_obs.value)],
        )


# --------------------------------------------------------------------------
# Arithmetic


def _breakdown_units_agree(ctx: _Context, whole: str, parts: tuple[str, ...]) -> bool:
    unit = ctx.unit(whole)
    return all(_same_unit(ctx.unit(p), unit) for p in parts)


@_rule(
    "arithmetic.breakdown-unit-mismatch",
    Severity.ERROR,
    "Parts in another unit than their whole",
)
def _breakdown_unit_mismatch(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A part of a breakdown is counted in another unit than the whole ("persons" and
    "percent"): the parts cannot be added up or compared with the whole, and the other
    breakdown rules skip it."""
    for i, b in enumerate(ctx.dossier.breakdowns):
        unit = ctx.unit(b.whole)
        for k, part in enumerate(b.parts):
            if not _same_unit(ctx.unit(part), unit):
                yield emit(
                    f"$.breakdowns[{i}].parts[{k}]",
                    f"part '{part}' is in {ctx.unit(part)!r}, its whole '{b.whole}' in {unit!r}",
                    spans=[b.source, ctx.observation(part).source],
                )


@_rule("arithmetic.partition-sum", Severity.ERROR, "Parts do not add up to the whole")
def _partition_sum(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """The parts of a partition cannot add up to its whole: the interval of their possible
    sums does not meet the interval of the whole's possible values (bounds and
    approximations taken as intervals). Partitions over time (years of a multi-year or
    pooled total) are partitions too."""
    for i, b in enumerate(ctx.dossier.breakdowns):
        if b.kind is not BreakdownKind.PARTITION:
            continue
        if not _breakdown_units_agree(ctx, b.whole, b.parts):
            continue
        whole = ctx.observation(b.whole)
        whole_interval = ctx.interval(b.whole)
        total = _Interval(Decimal(0), Decimal(0))
        for part in b.parts:
            total = total + ctx.interval(part)
        if total.intersects(whole_interval):
            continue
        written = [_as_written(ctx.observation(p)) for p in b.parts]
        terms = " + ".join(written[:12]) + (" + …" if len(written) > 12 else "")
        message = (
            f"the parts sum to {_describe(total)} ({terms}), but the whole is {_as_written(whole)}"
        )
        figures = _interval_figures("sum of parts", total)
        figures.append(("stated whole", whole.value))
        if total.is_point and whole_interval.is_point:
            gap = total.value - whole_interval.value
            message += f": they differ by {_fmt(abs(gap))}"
            figures.append(("sum of parts minus whole", gap))
        else:
            message += ": no values within the stated bounds make them add up"
        yield emit(
            f"$.breakdowns[{i}]",
            message,
            spans=[b.source, whole.source, *(ctx.observation(p).source for p in b.parts)],
            figures=figures,
        )


@_rule("arithmetic.subset-exceeds-whole", Severity.ERROR, "Part larger than its whole")
def _subset_exceeds_whole(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A part of a subset breakdown ("123 persons, including 45 …") is certainly larger than
    its whole: its smallest possible value exceeds the whole's largest."""
    for i, b in enumerate(ctx.dossier.breakdowns):
        if b.kind is not BreakdownKind.SUBSET:
            continue
        if not _breakdown_units_agree(ctx, b.whole, b.parts):
            continue
        whole = ctx.observation(b.whole)
        whole_interval = ctx.interval(b.whole)
        for k, part_id in enumerate(b.parts):
            if whole_interval.below(ctx.interval(part_id)):
                part = ctx.observation(part_id)
                yield emit(
                    f"$.breakdowns[{i}].parts[{k}]",
                    f"the part {_as_written(part)} ('{part_id}') is larger than the whole "
                    f"{_as_written(whole)} ('{b.whole}') it is included in",
                    spans=[b.source, part.source, whole.source],
                    figures=[("part", part.value), ("whole", whole.value)],
                )


@_rule(
    "arithmetic.part-outside-whole-period",
    Severity.WARNING,
    "Part for a time outside its whole's",
)
def _part_outside_whole_period(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A part of a breakdown is for a time not inside its whole's time (both given): "709
    officials in 2022–2023 (377 in 2022 and 332 in 2024)". The time of the part or of the
    whole is wrong, or the part does not belong to that whole."""
    for i, b in enumerate(ctx.dossier.breakdowns):
        whole = ctx.observation(b.whole)
        if whole.time is None:
            continue
        for k, part_id in enumerate(b.parts):
            part = ctx.observation(part_id)
            if part.time is not None and not _within(part.time, whole.time):
                yield emit(
                    f"$.breakdowns[{i}].parts[{k}]",
                    f"the part {_as_written(part)} ('{part_id}') is {_for(part.time)}, "
                    f"outside the time of its whole {_as_written(whole)} "
                    f"({_when(whole.time)})",
                    spans=[b.source, part.source, whole.source],
                )


@_rule(
    "arithmetic.same-fact-different-values",
    Severity.WARNING,
    "Same fact, different values",
)
def _same_fact_different_values(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """Two observations of the same series key (concept, unit, value kind, breakdown) for
    the same time give values that cannot both be true (their intervals do not meet).
    Observations are grouped by key and time, so this is linear."""
    key_ids: dict[object, int] = {}
    groups: dict[tuple[int, TimeReference], list[str]] = {}
    for s in ctx.dossier.series:
        key_id = key_ids.setdefault(s.key, len(key_ids))
        for o in s.observations:
            if o.time is not None:
                groups.setdefault((key_id, o.time), []).append(o.id)
    for members in groups.values():
        if len(members) < 2:
            continue
        # Intervals on a line meet pairwise if and only if the highest lower bound is not
        # above the lowest upper bound; otherwise those two are a conflicting pair.
        top = max(members, key=lambda m: _lower_key(ctx.interval(m)))
        bottom = min(members, key=lambda m: _upper_key(ctx.interval(m)))
        if not ctx.interval(bottom).below(ctx.interval(top)):
            continue
        first, second = sorted((top, bottom), key=lambda m: ctx.located[m])
        a, b = ctx.observation(first), ctx.observation(second)
        key = ctx.series_of(first).key
        assert a.time is not None
        yield emit(
            ctx.path(second),
            f"{key} {_for(a.time)} is given as {_as_written(a)} ('{first}') and as "
            f"{_as_written(b)} ('{second}'): both cannot be true",
            spans=[a.source, b.source],
            figures=[("first value", a.value), ("second value", b.value)],
        )


def _lower_key(interval: _Interval) -> tuple[int, Decimal, int]:
    if interval.lo is None:
        return (0, Decimal(0), 0)
    return (1, interval.lo, 1 if interval.lo_open else 0)


def _upper_key(interval: _Interval) -> tuple[int, Decimal, int]:
    if interval.hi is None:
        return (1, Decimal(0), 0)
    return (0, interval.hi, 0 if interval.hi_open else 1)


@attrs.frozen
class _Change:
    """A stated change with the figures it relates."""

    index: int
    later: Observation
    earlier: Observation
    difference: _Interval


def _changes(ctx: _Context) -> Iterator[_Change]:
    for i, change in enumerate(ctx.dossier.changes):
        if change.base is None:
            continue
        if not _same_unit(ctx.unit(change.observation), ctx.unit(change.base)):
            continue
        difference = ctx.interval(change.observation) - ctx.interval(change.base)
        yield _Change(
            i, ctx.observation(change.observation), ctx.observation(change.base), difference
        )


def _contradicts(direction: ChangeDirection, difference: _Interval) -> bool:
    zero = _Interval(Decimal(0), Decimal(0))
    if direction is ChangeDirection.DECREASE:
        return zero.below(difference)
    return difference.below(zero)


@_rule("arithmetic.change-direction", Severity.ERROR, "Change in the wrong direction")
def _change_direction(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A stated change goes one way ("a decrease") and the figures it relates certainly go
    the other."""
    for item in _changes(ctx):
        change = ctx.dossier.changes[item.index]
        if _contradicts(change.direction, item.difference):
            other = "rise" if change.direction is ChangeDirection.DECREASE else "fall"
            written = f" ({_quote(change.text)})" if change.text else ""
            yield emit(
                f"$.changes[{item.index}]",
                f"the stated {change.direction.value}{written} goes against the figures, "
                f"which {other} from {_as_written(item.earlier)}{_at(item.earlier)} to "
                f"{_as_written(item.later)}{_at(item.later)}",
                spans=[change.source, item.earlier.source, item.later.source],
                figures=[("earlier value", item.earlier.value), ("later value", item.later.value)],
            )


def _relative_changes(later: _Interval, earlier: _Interval) -> tuple[_Interval, _Interval]:
    """Possible relative changes in per cent, on the earlier value and on the later value.

    Figures are non-negative; where a base may be zero or a bound is missing the result
    is unbounded (any value matches).
    """
    hundred = Decimal(100)
    on_earlier, on_later = _EVERYTHING, _EVERYTHING
    if later.lo is not None and later.lo >= 0 and earlier.lo is not None and earlier.lo > 0:
        lowest = (later.lo / earlier.hi - 1) * hundred if earlier.hi is not None else -hundred
        highest = None if later.hi is None else (later.hi / earlier.lo - 1) * hundred
        on_earlier = _Interval(lowest, highest)
    if later.lo is not None and later.lo > 0 and earlier.lo is not None and earlier.lo >= 0:
        lowest_l = None if earlier.hi is None else (1 - earlier.hi / later.lo) * hundred
        highest_l = hundred if later.hi is None else (1 - earlier.lo / later.hi) * hundred
        on_later = _Interval(lowest_l, highest_l)
    return on_earlier, on_later


@_rule("arithmetic.stated-change", Severity.WARNING, "Stated change not given by the figures")
def _stated_change(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A stated change does not follow from the figures it relates. A relative change is
    recomputed on the earlier value, (later - earlier) / earlier, the usual base, and on
    the later value, (later - earlier) / later, a common mistake; the stated amount is
    taken with its rounding ("32" is 31.5 to 32.5). The rule reports a stated amount that
    matches only the later-value base, or neither. An absolute change is compared with the
    difference of the figures. Changes whose direction the figures contradict are left to
    arithmetic.change-direction."""
    for item in _changes(ctx):
        change = ctx.dossier.changes[item.index]
        if _contradicts(change.direction, item.difference):
            continue
        stated = _rounded_interval(change.amount, change.qualifier, ctx.tolerance)
        word = change.direction.value
        sign = change.direction.sign
        spans = [change.source, item.earlier.source, item.later.source]
        path = f"$.changes[{item.index}]"
        stated_words = _QUALIFIER_WORDS[change.qualifier] + _fmt(change.amount)
        if not change.relative:
            magnitude = item.difference if sign > 0 else -item.difference
            if magnitude.intersects(stated):
                continue
            yield emit(
                path,
                f"stated {word} {stated_words} does not match the figures: from "
                f"{_as_written(item.earlier)} to {_as_written(item.later)} the {word} is "
                f"{_describe(magnitude)}",
                spans=spans,
                figures=[
                    (f"stated {word}", change.amount),
                    *_interval_figures(f"{word} in the figures", magnitude),
                ],
            )
            continue
        on_earlier, on_later = _relative_changes(
            ctx.interval(item.later.id), ctx.interval(item.earlier.id)
        )
        if sign < 0:
            on_earlier, on_later = -on_earlier, -on_later
        if on_earlier.intersects(stated):
            continue
        exponent = change.amount.as_tuple().exponent
        assert isinstance(exponent, int)
        places = max(1, 1 - exponent)
        earlier_words = f"{_describe(on_earlier, places)} %"
        later_words = f"{_describe(on_later, places)} %"
        figures = [(f"stated {word} (%)", change.amount)]
        figures += _interval_figures(f"{word} on the earlier base (%)", on_earlier, places)
        figures += _interval_figures(f"{word} on the later value (%)", on_later, places)
        earlier, later = item.earlier, item.later
        if item.difference.is_point:
            detail = (
                f"from {_as_written(earlier)}{_at(earlier)} to {_as_written(later)}{_at(later)} "
                f"the {word} of {_fmt(abs(item.difference.value))} is {earlier_words} of "
                f"{_as_written(earlier)} and {later_words} of {_as_written(later)}"
            )
        else:
            detail = (
                f"from {_as_written(earlier)}{_at(earlier)} to {_as_written(later)}{_at(later)} "
                f"the {word} is {earlier_words} of the earlier value and {later_words} of "
                "the later"
            )
        if on_later.intersects(stated):
            message = (
                f"stated {word} {stated_words} % matches the change computed on the later "
                f"value ({later_words}), not on the earlier base ({earlier_words}): {detail}"
            )
            severity = _LATER_BASE_SEVERITY
        else:
            message = (
                f"stated {word} {stated_words} % matches neither the change computed on the "
                f"earlier base ({earlier_words}) nor on the later value ({later_words}): "
                f"{detail}"
            )
            severity = Severity.WARNING
        yield emit(path, message, spans=spans, figures=figures, severity=severity)


_LATER_BASE_SEVERITY = Severity.WARNING
"""Severity of a stated change that matches the later value as base only.

A change measured on the later value overstates a decrease (32 % instead of 24.1 %)
and understates an increase: a reader comparing it with other relative changes is
misled, so it is a warning, like a change that matches neither base.
"""


@attrs.frozen
class _Share:
    """An equivalence of a percentage and a count, with the base they imply."""

    index: int
    percent: Observation
    count: Observation
    percent_interval: _Interval
    base: _Interval


def _shares(ctx: _Context) -> Iterator[_Share]:
    """Equivalences of one percentage and one count."""
    hundred = Decimal(100)
    for i, e in enumerate(ctx.dossier.equivalences):
        percents = [o for o in e.observations if _is_percent(ctx.unit(o))]
        counts = [o for o in e.observations if not _is_percent(ctx.unit(o))]
        if len(percents) != 1 or len(counts) != 1:
            continue
        percent = ctx.observation(percents[0])
        p = _rounded_interval(percent.value, percent.qualifier, ctx.tolerance)
        c = ctx.interval(counts[0])
        if p.hi is not None and p.hi <= 0:
            continue
        lo = None
        if c.lo is not None and c.lo >= 0:
            lo = Decimal(0) if p.hi is None else c.lo * hundred / p.hi
        hi = None
        if c.hi is not None and p.lo is not None and p.lo > 0:
            hi = c.hi * hundred / p.lo
        base = _Interval(
            lo,
            hi,
            lo_open=lo is not None and (c.lo_open or p.hi_open),
            hi_open=hi is not None and (c.hi_open or p.lo_open),
        )
        yield _Share(i, percent, ctx.observation(counts[0]), p, base)


def _base_range(share: _Share) -> tuple[str, list[tuple[str, Decimal]]]:
    """The implied base in words ("about 23,400 (23,377–23,498)") and as figures.

    A count with a whole-number value has a whole-number base: the range is of the whole
    numbers the stated rounding allows.
    """
    base = share.base
    central = None
    if share.percent.value > 0:
        central = share.count.value * Decimal(100) / share.percent.value
    whole = share.count.value == share.count.value.to_integral_value()
    lo, hi = base.lo, base.hi
    if whole and lo is not None:
        ceiling = lo.to_integral_value(rounding=ROUND_CEILING)
        lo = ceiling + 1 if base.lo_open and ceiling == lo else ceiling
    elif lo is not None:
        lo = _round(lo, 1)
    if whole and hi is not None:
        floor = hi.to_integral_value(rounding=ROUND_FLOOR)
        hi = floor - 1 if base.hi_open and floor == hi else floor
    elif hi is not None:
        hi = _round(hi, 1)
    figures: list[tuple[str, Decimal]] = []
    if central is not None:
        figures.append(("implied base", _round(central, 1)))
    if lo is not None:
        figures.append(("implied base, lowest", lo))
    if hi is not None:
        figures.append(("implied base, highest", hi))
    if lo is not None and hi is not None:
        bounds = f"{_fmt(lo)}–{_fmt(hi)}"
    elif lo is not None:
        bounds = f"at least {_fmt(lo)}"
    elif hi is not None:
        bounds = f"at most {_fmt(hi)}"
    else:
        bounds = "unbounded"
    words = bounds if central is None else f"about {_significant(central)} ({bounds})"
    return words, figures


def _share_words(ctx: _Context, share: _Share) -> str:
    source = ctx.dossier.equivalences[share.index].source
    if source is not None:
        return _quote(source.quote)
    return f"{_as_written(share.percent)} % ↔ {_as_written(share.count)}"


@_rule("arithmetic.implied-denominator", Severity.INFO, "Base implied by a percentage")
def _implied_denominator(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A percentage stated with its count ("19.2 per cent, or 4,500 persons") implies the
    base it is a percentage of: count / (percentage / 100), with the range the
    percentage's rounding allows (19.2 is 19.15 to 19.25). Reported so that a reader can
    check it against what is known of the base; not reported where the count is a part of
    a stated whole that agrees with it (a whole that does not is
    ``arithmetic.percentage-count``'s)."""
    wholes: dict[str, list[str]] = defaultdict(list)
    for b in ctx.dossier.breakdowns:
        for part in b.parts:
            wholes[part].append(b.whole)
    for share in _shares(ctx):
        if any(
            _same_unit(ctx.unit(w), ctx.unit(share.count.id))
            and ctx.interval(w).intersects(share.base)
            for w in wholes.get(share.count.id, [])
        ):
            continue  # the base is stated, and agrees ("2,214 …, of which 312 (14.1 per cent)")
        words, figures = _base_range(share)
        count_key = ctx.series_of(share.count.id).key
        yield emit(
            f"$.equivalences[{share.index}]",
            f"{_share_words(ctx, share)} implies a base of {words} {count_key.unit}",
            spans=[
                ctx.dossier.equivalences[share.index].source,
                share.percent.source,
                share.count.source,
            ],
            figures=figures,
        )


@_rule(
    "arithmetic.denominators-differ",
    Severity.INFO,
    "Percentages of the same concept on different bases",
)
def _denominators_differ(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """Two percentage-and-count pairs of the same concept (the same count concept and
    unit, and the same percentage concept; at different times or value kinds) imply bases
    that differ by more than the percentages' rounding allows: the later figure assumes a
    larger or smaller base (a prison population that grows), or the two are percentages of
    different things. Pairs are compared in time order, each with the next."""
    groups: dict[tuple[object, ...], list[_Share]] = defaultdict(list)
    for share in _shares(ctx):
        count_key = ctx.series_of(share.count.id).key
        percent_key = ctx.series_of(share.percent.id).key
        key = (count_key.concept, count_key.unit, count_key.breakdown, percent_key.concept)
        groups[key].append(share)
    for shares in groups.values():
        if len(shares) < 2:
            continue
        ordered = sorted(shares, key=_share_order)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.base.intersects(later.base):
                continue
            if earlier.percent.value <= 0 or later.percent.value <= 0:
                continue
            if earlier.count.value <= 0 or later.count.value <= 0:
                continue
            hundred = Decimal(100)
            central_earlier = earlier.count.value * hundred / earlier.percent.value
            central_later = later.count.value * hundred / later.percent.value
            change = (central_later / central_earlier - 1) * hundred
            earlier_words, earlier_figures = _base_range(earlier)
            later_words, later_figures = _base_range(later)
            kind = ctx.series_of(later.count.id).key.value_kind
            subject = "the target" if kind is ValueKind.TARGET else "the later figure"
            size = "larger" if change > 0 else "smaller"
            when_later = "" if later.count.time is None else f" ({_when(later.count.time)})"
            when_earlier = "" if earlier.count.time is None else f" ({_when(earlier.count.time)})"
            unit = ctx.series_of(later.count.id).key.unit
            yield emit(
                f"$.equivalences[{later.index}]",
                f"{_share_words(ctx, later)}{when_later} implies a base of {later_words} "
                f"{unit}, but {_share_words(ctx, earlier)}{when_earlier} one of "
                f"{earlier_words}: {subject} assumes a base about "
                f"{_fmt(abs(change), 0)} % {size}, or the two figures use different bases",
                spans=[
                    ctx.dossier.equivalences[earlier.index].source,
                    ctx.dossier.equivalences[later.index].source,
                ],
                figures=[(f"earlier {n}", v) for n, v in earlier_figures]
                + [(f"later {n}", v) for n, v in later_figures]
                + [("change in implied base (%)", _round(change, 1))],
            )


def _share_order(share: _Share) -> tuple[datetime.date, datetime.date, int]:
    time = share.count.time or share.percent.time
    if time is None:
        return (datetime.date.min, datetime.date.min, share.index)
    return (
        _latest(time) or datetime.date.max,
        _earliest(time) or datetime.date.min,
        share.index,
    )


@_rule(
    "arithmetic.percentage-count",
    Severity.WARNING,
    "Percentage does not match its count and whole",
)
def _percentage_count(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A percentage stated with its count, where the count is a part of a breakdown whose
    whole is known ("123 persons, including 45 senior officials (36.6 per cent)"): the
    percentage must be count / whole x 100 within its rounding, for at least one such
    whole."""
    wholes: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for i, b in enumerate(ctx.dossier.breakdowns):
        for part in b.parts:
            wholes[part].append((i, b.whole))
    hundred = Decimal(100)
    for share in _shares(ctx):
        candidates = [
            (i, w)
            for i, w in wholes.get(share.count.id, [])
            if _same_unit(ctx.unit(w), ctx.unit(share.count.id))
        ]
        if not candidates:
            continue
        count = ctx.interval(share.count.id)
        shares: list[tuple[int, str, _Interval]] = []
        for i, w in candidates:
            whole = ctx.interval(w)
            if whole.lo is None or whole.lo <= 0 or count.lo is None or count.lo < 0:
                shares.append((i, w, _EVERYTHING))
                continue
            lo = Decimal(0) if whole.hi is None else count.lo * hundred / whole.hi
            hi = None if count.hi is None else count.hi * hundred / whole.lo
            shares.append((i, w, _Interval(lo, hi)))
        if any(interval.intersects(share.percent_interval) for _, _, interval in shares):
            continue
        i, w, interval = shares[0]
        whole_obs = ctx.observation(w)
        exponent = share.percent.value.as_tuple().exponent
        assert isinstance(exponent, int)
        places = max(1, 1 - exponent)
        yield emit(
            f"$.equivalences[{share.index}]",
            f"{_as_written(share.percent)} % does not match {_as_written(share.count)} of "
            f"the whole {_as_written(whole_obs)} ($.breakdowns[{i}]), which is "
            f"{_describe(interval, places)} %",
            spans=[
                ctx.dossier.equivalences[share.index].source,
                share.percent.source,
                share.count.source,
                whole_obs.source,
            ],
            figures=[
                ("stated percentage", share.percent.value),
                *_interval_figures("count / whole (%)", interval, places),
            ],
        )


# --------------------------------------------------------------------------
# Measures


@_rule("measure.no-evidence", Severity.INFO, "Measure without evidence")
def _no_evidence(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A measure points to no passage of a document that reports it, so a reader cannot go
    from it to the State's words."""
    for i, m in enumerate(ctx.dossier.measures):
        if not m.evidence:
            yield emit(
                f"$.measures[{i}]",
                f"measure '{m.id}' points to no passage of a document that reports it",
            )


@_rule("measure.answers-nothing", Severity.WARNING, "Measure answering no recommendation")
def _answers_nothing(ctx: _Context, emit: _Emitter) -> Iterator[Finding]:
    """A measure answers no recommendation: in a follow-up dossier every measure is
    reported in answer to something, so the link is missing."""
    for i, m in enumerate(ctx.dossier.measures):
        if not m.answers:
            yield emit(
                f"$.measures[{i}]",
                f"measure '{m.id}' answers no recommendation",
                spans=m.evidence[:3],
            )
