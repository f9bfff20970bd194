"""Plots that show what a dossier's figures mean, not only their size.

A follow-up reply rarely gives a tidy time series: "more than 400 officials
in 2021–2023 (167, 128 and 109 a year)", "about 3,500 investigations",
"45.5 per cent by 2030", "107 submissions in 2023 and 2024". The functions
here draw each figure as what it is:

- an exact figure as a solid marker, joined to the series' other exact or
  approximate points by a line;
- an approximation ("about 3,500") as a hollow marker labelled "~";
- a lower bound ("more than 400") as an upward triangle with an arrow up,
  an upper bound ("at most 50") as a downward one with an arrow down;
- a target, plan or baseline apart from actual figures: a dashed (dotted,
  dash-dotted) line, a star (square, diamond) marker, and a dashed link from
  the latest actual figure of the same series key;
- a figure for a period longer than a year (2021–2023) or for pooled
  periods ("in 2023 and 2024") as a horizontal span over the period, not
  as a point;
- an undated figure as a dotted horizontal line across the plot;
- a stated change ("a decrease of 32 per cent") as a note beside it, with
  the change the figures give.

Every point is labelled with its value as `catdomain show` writes it
(">400", "~3,500", "19.2%"), and the legend explains the marks used.

Each function draws on the matplotlib `Axes` given as `ax` or on a new
figure's, and returns the `Axes` (its figure is ``ax.figure``); none calls
``pyplot.show()``. matplotlib is an optional dependency (the ``analysis``
extra), imported only when a function is called.

Example:
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from catdomain import datasets, plots
    >>> ax = plots.plot_series(datasets.load(), "s-deaths-disease")
    >>> ax.get_ylabel(), [t.get_text() for t in ax.get_legend().get_texts()][:2]
    ('persons', ['total', 'exact'])
"""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from catdomain._dates import Instant, Period, Pooled
from catdomain._model.dossier import Dossier
from catdomain._model.indicators import Breakdown, Observation, Series
from catdomain._summary import format_time, format_value
from catdomain.vocab import (
    BreakdownKind,
    ChangeDirection,
    MeasureCategory,
    MeasureStatus,
    Qualifier,
    ValueKind,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

__all__ = ["plot_breakdown", "plot_measures_by_status", "plot_series"]

_INSTALL = 'pip install "catdomain[analysis]"'
_FIGSIZE = (8.0, 4.5)
_ONE_YEAR = 366
_LABEL_LIMIT = 12
"""Above this many points in a plot, values are not written beside them."""

_LINESTYLE: dict[ValueKind, Any] = {
    ValueKind.ACTUAL: "-",
    ValueKind.TARGET: "--",
    ValueKind.PLAN: ":",
    ValueKind.BASELINE: "-.",
}
_KIND_MARKER = {
    ValueKind.ACTUAL: "o",
    ValueKind.TARGET: "*",
    ValueKind.PLAN: "s",
    ValueKind.BASELINE: "D",
}
_GREY = "0.35"


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(f"catdomain.plots needs matplotlib: {_INSTALL}") from None
    return plt


def _new_axes(ax: Axes | None, figsize: tuple[float, float] = _FIGSIZE) -> Axes:
    if ax is not None:
        return ax
    plt = _pyplot()
    _, axes = plt.subplots(figsize=figsize, layout="constrained")
    result: Axes = axes
    return result


def _wrap(text: str, width: int = 70) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def _unit_label(unit: str) -> str:
    return "per cent" if unit.lower() in ("percent", "per cent", "%") else unit


# --------------------------------------------------------------------------
# Choosing series


def _select(dossier: Dossier, what: str | Sequence[str], unit: str | None) -> list[Series]:
    by_id = {s.id: s for s in dossier.series}
    if isinstance(what, str):
        if what in by_id:
            chosen = [by_id[what]]
        else:
            chosen = [s for s in dossier.series if s.key.concept == what]
            if not chosen:
                raise KeyError(
                    f"{what!r} is neither the id of a series nor a concept of dossier "
                    f"{dossier.id!r}"
                )
    else:
        missing = [i for i in what if i not in by_id]
        if missing:
            raise KeyError(f"no series {', '.join(map(repr, missing))} in dossier {dossier.id!r}")
        chosen = [by_id[i] for i in what]
    if unit is not None:
        chosen = [s for s in chosen if s.key.unit == unit]
        if not chosen:
            raise KeyError(f"none of the series chosen is in {unit!r}")
    units = sorted({s.key.unit for s in chosen})
    if len(units) > 1:
        raise ValueError(
            f"the series chosen are in several units ({', '.join(units)}): plot one at a time "
            "or pass unit=…"
        )
    if not chosen:
        raise ValueError("no series chosen")
    return chosen


def _series_label(series: Series, shared_concept: bool) -> str:
    key = series.key
    if shared_concept:
        label = "; ".join(f"{d.name}: {d.value}" for d in key.breakdown) or "total"
    else:
        label = key.concept
        if key.breakdown:
            label += " (" + "; ".join(d.value for d in key.breakdown) + ")"
    if key.value_kind is not ValueKind.ACTUAL:
        label += f" — {key.value_kind.value}"
    return _wrap(label, 40)


# --------------------------------------------------------------------------
# Placing observations in time


class _Placed(NamedTuple):
    observation: Observation
    kind: Literal["point", "span", "undated"]
    x: float
    segments: tuple[tuple[float, float], ...]


def _mdates() -> Any:
    """matplotlib.dates, whose functions carry no type annotations."""
    from matplotlib import dates

    return dates


def _num(day: datetime.date) -> float:
    return float(_mdates().date2num(datetime.datetime(day.year, day.month, day.day)))


def _middle(first: datetime.date, last: datetime.date) -> float:
    return (_num(first) + _num(last) + 1.0) / 2.0


def _place(obs: Observation) -> _Placed:
    time = obs.time
    if time is None:
        return _Placed(obs, "undated", 0.0, ())
    if isinstance(time, Instant):
        return _Placed(obs, "point", _middle(time.earliest(), time.latest()), ())
    if isinstance(time, Pooled):
        segments = tuple(_segment(p) for p in time.periods)
        first = min(s[0] for s in segments)
        last = max(s[1] for s in segments)
        return _Placed(obs, "span", (first + last) / 2.0, segments)
    first_day, last_day = time.earliest(), time.latest()
    if first_day is None or last_day is None:
        bound = time.end if time.start is None else time.start
        assert bound is not None
        return _Placed(obs, "point", _middle(bound.earliest(), bound.latest()), ())
    if (last_day - first_day).days < _ONE_YEAR:
        return _Placed(obs, "point", _middle(first_day, last_day), ())
    segment = (_num(first_day), _num(last_day) + 1.0)
    return _Placed(obs, "span", (segment[0] + segment[1]) / 2.0, (segment,))


def _segment(period: Period) -> tuple[float, float]:
    first = period.earliest()
    last = period.latest()
    if first is None:
        assert last is not None
        first = last
    if last is None:
        last = first
    return (_num(first), _num(last) + 1.0)


def _chronological(obs: Observation) -> tuple[int, int, int]:
    time = obs.time
    if time is None:
        return (0, 0, 0)
    day = time.earliest() or time.latest()
    assert day is not None
    return (day.year, day.month, day.day)


# --------------------------------------------------------------------------
# Drawing marks


def _marker(kind: ValueKind, qualifier: Qualifier) -> str:
    if qualifier.is_lower_bound:
        return "^"
    if qualifier.is_upper_bound:
        return "v"
    return _KIND_MARKER[kind]


def _mark(
    ax: Axes, x: float, y: float, *, kind: ValueKind, qualifier: Qualifier, color: str
) -> None:
    hollow = qualifier is Qualifier.APPROXIMATE
    ax.plot(
        [x],
        [y],
        linestyle="none",
        marker=_marker(kind, qualifier),
        markersize=12 if kind is ValueKind.TARGET else 8,
        markerfacecolor="white" if hollow else color,
        markeredgecolor=color,
        markeredgewidth=1.5,
        color=color,
        zorder=3,
    )
    if qualifier.is_lower_bound or qualifier.is_upper_bound:
        up = qualifier.is_lower_bound
        ax.annotate(
            "",
            xy=(x, y),
            xytext=(0, 22 if up else -22),
            textcoords="offset points",
            arrowprops={"arrowstyle": "<-", "color": color, "linewidth": 1.5},
            zorder=3,
        )


def _key_handles(used: set[str]) -> list[Line2D]:
    from matplotlib.lines import Line2D

    entries: list[tuple[str, dict[str, Any], str]] = [
        ("exact", {"marker": "o", "linestyle": "none"}, "exact"),
        (
            "approximate",
            {"marker": "o", "linestyle": "none", "markerfacecolor": "white"},
            "approximate (~)",
        ),
        ("lower", {"marker": "^", "linestyle": "none"}, "lower bound (more than, at least)"),
        ("upper", {"marker": "v", "linestyle": "none"}, "upper bound (less than, at most)"),
        ("target", {"marker": "*", "linestyle": "--", "markersize": 11}, "target (dashed)"),
        ("plan", {"marker": "s", "linestyle": ":"}, "plan (dotted)"),
        ("baseline", {"marker": "D", "linestyle": "-."}, "baseline"),
        ("span", {"marker": "|", "linestyle": "-", "linewidth": 3}, "total over the period shown"),
        ("undated", {"linestyle": (0, (1, 2))}, "undated (no time given)"),
    ]
    handles = []
    for name, style, label in entries:
        if name in used:
            handles.append(Line2D([], [], color=_GREY, label=label, **style))
    return handles


def _label_value(
    ax: Axes, x: float, y: float, text: str, *, color: str, below: bool = False
) -> None:
    ax.annotate(
        text,
        xy=(x, y),
        xytext=(7, -12 if below else 6),
        textcoords="offset points",
        fontsize=8,
        color=color,
        zorder=4,
    )


def _relative_change(base: Decimal, later: Decimal) -> Decimal | None:
    if base == 0:
        return None
    return ((later - base) / base * 100).quantize(Decimal("0.1"))


def _annotate_changes(
    ax: Axes, dossier: Dossier, placed: dict[str, tuple[_Placed, float]], unit: str
) -> None:
    for change in dossier.changes:
        target = placed.get(change.observation)
        if target is None:
            continue
        place, y = target
        sign = "−" if change.direction is ChangeDirection.DECREASE else "+"
        amount = format_value(change.amount, change.qualifier)
        stated = f"stated: {change.direction.value} of {amount}{' %' if change.relative else ''}"
        lines = [stated]
        base = dossier.observation(change.base) if change.base else None
        if base is not None and base.qualifier.is_exact and place.observation.qualifier.is_exact:
            later = place.observation.value
            if change.relative:
                computed = _relative_change(base.value, later)
                if computed is not None:
                    lines.append(f"figures: {sign if computed else ''}{abs(computed)} %")
            else:
                diff = later - base.value
                lines.append(f"figures: {format_value(abs(diff), unit=unit)}")
        ax.annotate(
            "\n".join(lines),
            xy=(place.x, y),
            xytext=(12, 18),
            textcoords="offset points",
            fontsize=8,
            color=_GREY,
            arrowprops={"arrowstyle": "-", "color": _GREY, "linewidth": 0.8},
            bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": _GREY},
            zorder=5,
        )


def _format_time_axis(ax: Axes, first: float, last: float) -> None:
    """Limits and ticks: one labelled tick in the middle of each year for long ranges."""
    mdates = _mdates()

    pad = max(150.0, (last - first) * 0.08)
    low, high = first - pad, last + pad
    ax.set_xlim(low, high)
    start = mdates.num2date(low).year
    end = mdates.num2date(high).year
    if high - low >= 500:
        step = max(1, (end - start + 1) // 10)
        years = range(start, end + 1, step)
        middles = [_middle(datetime.date(y, 1, 1), datetime.date(y, 12, 31)) for y in years]
        ax.set_xticks(middles, [str(y) for y in years])
        ax.set_xticks([_num(datetime.date(y, 1, 1)) for y in range(start, end + 2)], minor=True)
        ax.tick_params(axis="x", which="major", length=0)
        ax.grid(axis="x", which="minor", alpha=0.3)
    else:
        locator = mdates.AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _value_limits(ax: Axes, values: list[float]) -> None:
    """Start counts at zero and leave room above for labels and arrows."""
    if not values:
        return
    low, high = min(values), max(values)
    from matplotlib.ticker import StrMethodFormatter

    ax.yaxis.set_major_formatter(StrMethodFormatter("{x:,g}"))
    if low >= 0:
        ax.set_ylim(0, high * 1.25 if high > 0 else 1)
    else:
        span = (high - low) or abs(high) or 1
        ax.set_ylim(low - span * 0.15, high + span * 0.25)


# --------------------------------------------------------------------------
# plot_series


def plot_series(
    dossier: Dossier,
    what: str | Sequence[str],
    *,
    unit: str | None = None,
    stacked: bool | str = False,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Plot series over time, each figure drawn as what it is.

    See the module description for the marks. Series are chosen by id, by
    several ids, or by concept (every series of that concept: a total and
    its breakdowns, actual figures and targets). They must share one unit.
    If none of the chosen figures has a time, they are drawn as bars, one
    per series.

    With `stacked`, figures are drawn as stacked bars, one bar per time, to
    show how a whole splits along one breakdown dimension: the series that
    carry the dimension are the parts, and the series without it (if it has
    a figure for the same time) is marked on the bar as the stated whole.
    What the parts leave of the whole is drawn hatched.

    Args:
        dossier: The dossier holding the series.
        what: A series id, a list of series ids, or a concept.
        unit: Keep only the series in this unit (when a concept has several).
        stacked: False for a time plot; True to stack along the one
            dimension the chosen series vary in, or the name of the
            dimension ("status").
        ax: The axes to draw on; a new figure's by default.
        title: The title; by default the concept.

    Returns:
        The axes drawn on.

    Raises:
        KeyError: If `what` names no series or concept of the dossier.
        ValueError: If the series are in several units, or `stacked` names
            no dimension of them.
        ImportError: If matplotlib is not installed.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from catdomain import datasets, plots
        >>> d = datasets.load()
        >>> ax = plots.plot_series(d, "share of prisoners confined in cells")
        >>> [t.get_text() for t in ax.get_legend().get_texts()]
        ['total', 'total — target', 'exact', 'target (dashed)']
        >>> ax = plots.plot_series(d, "persons killed in events related to the January riots",
        ...                        stacked="status")
        >>> [t.get_text() for t in ax.get_xticklabels()]
        ['undated']
    """
    chosen = _select(dossier, what, unit)
    axes = _new_axes(ax)
    concepts = {s.key.concept for s in chosen}
    shared = len(concepts) == 1
    unit_name = chosen[0].key.unit
    if stacked:
        _stacked_bars(axes, chosen, stacked)
    elif all(o.time is None for s in chosen for o in s.observations):
        _undated_bars(axes, chosen, shared)
    else:
        _time_plot(axes, dossier, chosen, shared)
    axes.set_ylabel(_unit_label(unit_name))
    if title is None and shared:
        title = next(iter(concepts))
    if title:
        axes.set_title(_wrap(title), fontsize=11)
    return axes


def _time_plot(ax: Axes, dossier: Dossier, chosen: list[Series], shared: bool) -> None:
    from matplotlib.lines import Line2D

    unit = chosen[0].key.unit
    used: set[str] = set()
    series_handles: list[Line2D] = []
    placed_by_id: dict[str, tuple[_Placed, float]] = {}
    xs: list[float] = []
    n_points = sum(len(s.observations) for s in chosen)
    labels = n_points <= _LABEL_LIMIT
    latest_actual: dict[tuple[str, str, tuple[Any, ...]], tuple[float, float]] = {}

    for index, series in enumerate(chosen):
        color = f"C{index % 10}"
        kind = series.key.value_kind
        style = _LINESTYLE[kind]
        if kind is not ValueKind.ACTUAL:
            used.add(kind.value)
        ordered = sorted(series.observations, key=_chronological)
        line_x: list[float] = []
        line_y: list[float] = []
        for obs in ordered:
            place = _place(obs)
            y = float(obs.value)
            q = obs.qualifier
            text = format_value(obs.value, q, unit)
            if place.kind != "undated":
                used.add(_qualifier_key(q))
            if place.kind == "undated":
                used.add("undated")
                ax.axhline(y, color=color, linestyle=(0, (1, 2)), linewidth=1.2, zorder=1)
                ax.text(
                    0.99,
                    y,
                    f"undated: {text}",
                    transform=ax.get_yaxis_transform(),
                    fontsize=8,
                    color=color,
                    ha="right",
                    va="bottom",
                )
                continue
            placed_by_id[obs.id] = (place, y)
            if place.kind == "span":
                used.add("span")
                for x0, x1 in place.segments:
                    ax.plot(
                        [x0, x1],
                        [y, y],
                        color=color,
                        linewidth=3,
                        alpha=0.55,
                        solid_capstyle="butt",
                        zorder=2,
                    )
                    ax.plot(
                        [x0, x1],
                        [y, y],
                        linestyle="none",
                        marker="|",
                        markersize=12,
                        color=color,
                        zorder=2,
                    )
                    xs.extend((x0, x1))
                if len(place.segments) > 1:
                    ax.plot(
                        [place.segments[0][1], place.segments[-1][0]],
                        [y, y],
                        color=color,
                        linestyle=":",
                        linewidth=1,
                    )
                _mark(ax, place.x, y, kind=kind, qualifier=q, color=color)
                if labels:
                    pooled = " (pooled)" if isinstance(obs.time, Pooled) else ""
                    when = f"{text} in {format_time(obs.time)}{pooled}"
                    _label_value(ax, place.x, y, when, color=color)
                continue
            xs.append(place.x)
            _mark(ax, place.x, y, kind=kind, qualifier=q, color=color)
            if labels:
                _label_value(ax, place.x, y, text, color=color)
            if q.is_exact or q is Qualifier.APPROXIMATE:
                line_x.append(place.x)
                line_y.append(y)
        if len(line_x) > 1:
            ax.plot(line_x, line_y, color=color, linestyle=style, linewidth=1.8, zorder=2)
        if kind is ValueKind.ACTUAL and line_x:
            key = (series.key.concept, series.key.unit, series.key.breakdown)
            latest_actual[key] = (line_x[-1], line_y[-1])
        series_handles.append(
            Line2D(
                [],
                [],
                color=color,
                linestyle=style,
                marker=_KIND_MARKER[kind],
                label=_series_label(series, shared),
            )
        )

    # Link each target, plan or baseline to the latest actual figure of its key.
    for index, series in enumerate(chosen):
        kind = series.key.value_kind
        if kind is ValueKind.ACTUAL:
            continue
        start = latest_actual.get((series.key.concept, series.key.unit, series.key.breakdown))
        points = [placed_by_id[o.id] for o in series.observations if o.id in placed_by_id]
        if start is None or not points:
            continue
        first = min(points, key=lambda p: p[0].x)
        ax.plot(
            [start[0], first[0].x],
            [start[1], first[1]],
            color=f"C{index % 10}",
            linestyle=_LINESTYLE[kind],
            linewidth=1.5,
            zorder=1,
        )

    _annotate_changes(ax, dossier, placed_by_id, unit)
    if xs:
        _format_time_axis(ax, min(xs), max(xs))
    else:
        ax.set_xticks([])
    _value_limits(ax, [float(o.value) for s in chosen for o in s.observations])
    ax.grid(axis="y", alpha=0.3)
    handles = series_handles + _key_handles(used)
    ax.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))


def _undated_bars(ax: Axes, chosen: list[Series], shared: bool) -> None:
    unit = chosen[0].key.unit
    labels = []
    for index, series in enumerate(chosen):
        obs = series.observations[0]
        color = f"C{index % 10}"
        _bar(ax, index, obs, bottom=0.0, color=color, unit=unit)
        labels.append(_series_label(series, shared))
    ax.set_xticks(range(len(chosen)), labels, fontsize=8)
    ax.grid(axis="y", alpha=0.3)
    _value_limits(ax, [float(s.observations[0].value) for s in chosen])
    key = _bar_key({_qualifier_key(s.observations[0].qualifier) for s in chosen})
    if key:
        ax.legend(handles=key, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))


def _qualifier_key(q: Qualifier) -> str:
    if q.is_lower_bound:
        return "lower"
    if q.is_upper_bound:
        return "upper"
    return "approximate" if q is Qualifier.APPROXIMATE else "exact"


def _bar_key(used: set[str]) -> list[Patch]:
    from matplotlib.patches import Patch

    entries = [
        ("approximate", {"hatch": "..."}, "approximate (~)"),
        ("lower", {"hatch": "///"}, "lower bound (more than, at least)"),
        ("upper", {"hatch": "\\\\\\"}, "upper bound (less than, at most)"),
        ("rest", {"hatch": "xx", "facecolor": "0.92"}, "not broken down"),
    ]
    return [
        Patch(
            facecolor=style.get("facecolor", "white"),
            edgecolor=_GREY,
            hatch=style["hatch"],
            label=label,
        )
        for name, style, label in entries
        if name in used
    ]


_HATCH = {"approximate": "...", "lower": "///", "upper": "\\\\\\", "exact": None}


def _bar(
    ax: Axes,
    x: float,
    obs: Observation,
    *,
    bottom: float,
    color: str,
    unit: str,
    width: float = 0.6,
    label_inside: bool = False,
    label: str | None = None,
) -> float:
    """Draw one bar (or segment) for `obs`; return its top."""
    height = float(obs.value)
    hatch = _HATCH[_qualifier_key(obs.qualifier)]
    ax.bar(
        [x],
        [height],
        bottom=bottom,
        width=width,
        color=color,
        edgecolor="white" if hatch is None else "0.2",
        hatch=hatch,
        linewidth=0.8,
        label=label,
    )
    text = format_value(obs.value, obs.qualifier, unit)
    if label_inside:
        ax.text(
            x,
            bottom + height / 2,
            text,
            ha="center",
            va="center",
            fontsize=8,
            color="white" if hatch is None else "black",
        )
    else:
        ax.text(x, bottom + height, text, ha="center", va="bottom", fontsize=8)
    return bottom + height


def _stack_dimension(chosen: list[Series], stacked: bool | str) -> str:
    names: list[str] = []
    for s in chosen:
        for d in s.key.breakdown:
            if d.name not in names:
                names.append(d.name)
    if isinstance(stacked, str):
        if stacked not in names:
            raise ValueError(
                f"no series chosen has the dimension {stacked!r}; they have: "
                f"{', '.join(names) or 'none'}"
            )
        return stacked
    if len(names) != 1:
        raise ValueError(
            "stacked=True needs the chosen series to vary in one dimension; they vary in "
            f"{', '.join(names) or 'none'}: pass the dimension's name"
        )
    return names[0]


def _stacked_bars(ax: Axes, chosen: list[Series], stacked: bool | str) -> None:
    dimension = _stack_dimension(chosen, stacked)
    unit = chosen[0].key.unit
    groups: dict[frozenset[tuple[str, str]], list[Series]] = {}
    for s in chosen:
        if any(d.name == dimension for d in s.key.breakdown):
            rest = frozenset((d.name, d.value) for d in s.key.breakdown if d.name != dimension)
            groups.setdefault(rest, []).append(s)
    rest, parts = max(groups.items(), key=lambda item: len(item[1]))
    wholes = [
        s
        for s in chosen
        if frozenset((d.name, d.value) for d in s.key.breakdown) == rest
        and s.key.value_kind is parts[0].key.value_kind
    ]
    whole = wholes[0] if wholes else None

    times: dict[str, tuple[tuple[int, int, int], str]] = {}
    for s in [*parts, *([whole] if whole else [])]:
        for o in s.observations:
            label = format_time(o.time)
            times.setdefault(label, (_chronological(o), label))
    columns = [label for _, label in sorted(times.values())]
    used: set[str] = set()
    from matplotlib.patches import Patch

    handles: list[Any] = []
    for index, part in enumerate(parts):
        color = f"C{index % 10}"
        value = next(d.value for d in part.key.breakdown if d.name == dimension)
        handles.append(Patch(facecolor=color, label=_wrap(value, 30)))
    tops = [0.0] * len(columns)
    for column, label in enumerate(columns):
        for index, part in enumerate(parts):
            obs = next((o for o in part.observations if format_time(o.time) == label), None)
            if obs is None:
                continue
            used.add(_qualifier_key(obs.qualifier))
            tops[column] = _bar(
                ax,
                column,
                obs,
                bottom=tops[column],
                color=f"C{index % 10}",
                unit=unit,
                label_inside=True,
            )
        if whole is None:
            continue
        stated = next((o for o in whole.observations if format_time(o.time) == label), None)
        if stated is None:
            continue
        _whole_mark(ax, column, stated, tops[column], unit=unit, used=used)
    if whole is not None:
        from matplotlib.lines import Line2D

        handles.append(Line2D([], [], color="black", linewidth=2, label="stated whole"))
    ax.set_xticks(range(len(columns)), columns)
    ax.set_xlim(-0.8, len(columns) - 0.2)
    ax.grid(axis="y", alpha=0.3)
    wholes_values = [float(o.value) for o in whole.observations] if whole is not None else []
    _value_limits(ax, [*tops, *wholes_values])
    ax.legend(
        handles=handles + _bar_key(used),
        title=dimension,
        fontsize=8,
        title_fontsize=8,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
    )


def _whole_mark(
    ax: Axes,
    x: float,
    stated: Observation,
    parts_top: float,
    *,
    unit: str,
    used: set[str],
    width: float = 0.6,
) -> None:
    """Mark the stated whole on a stacked bar, hatching what the parts leave of it."""
    value = float(stated.value)
    if value > parts_top:
        used.add("rest")
        ax.bar(
            [x],
            [value - parts_top],
            bottom=parts_top,
            width=width,
            color="0.92",
            edgecolor="0.6",
            hatch="xx",
            linewidth=0.5,
        )
    ax.hlines(
        value, x - width / 2 - 0.08, x + width / 2 + 0.08, colors="black", linewidth=2, zorder=4
    )
    text = "stated whole " + format_value(stated.value, stated.qualifier, unit)
    ax.annotate(
        text,
        xy=(x + width / 2 + 0.08, value),
        xytext=(3, 3),
        textcoords="offset points",
        fontsize=8,
        zorder=4,
    )


# --------------------------------------------------------------------------
# plot_breakdown


def _part_label(dossier: Dossier, breakdown: Breakdown, obs: Observation) -> str:
    series = dossier.series_of(obs.id)
    if breakdown.dimension is not None:
        for d in series.key.breakdown:
            if d.name == breakdown.dimension:
                return d.value
    whole = dossier.observation(breakdown.whole)
    if obs.time != whole.time and obs.time is not None:
        return format_time(obs.time)
    return series.title or series.id


def plot_breakdown(dossier: Dossier, breakdown: str, *, ax: Axes | None = None) -> Axes:
    """Plot a whole and its parts: stacked for a partition, side by side for subsets.

    A partition ("238 killed: 219 civilians and 19 officers") is drawn as
    two bars, the stated whole and the parts stacked, so a sum that does not
    match shows at once; the parts' sum is written on top. Subsets ("123
    persons, including 45 senior officials") are drawn side by side with
    the whole. A dashed line marks the stated whole across the plot;
    approximations and bounds are hatched and labelled (">400").

    Args:
        dossier: The dossier.
        breakdown: The id of the breakdown.
        ax: The axes to draw on; a new figure's by default.

    Returns:
        The axes drawn on.

    Raises:
        KeyError: If `breakdown` is not the id of a breakdown of the dossier.
        ImportError: If matplotlib is not installed.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from catdomain import datasets, plots
        >>> ax = plots.plot_breakdown(datasets.load(), "b-jan-status")
        >>> [t.get_text() for t in ax.get_xticklabels()]
        ['stated whole', 'parts']
    """
    if breakdown not in dossier or dossier.kind_of(breakdown) != "breakdown":
        raise KeyError(f"no breakdown with id {breakdown!r} in dossier {dossier.id!r}")
    found: Breakdown = dossier.get(breakdown)
    axes = _new_axes(ax)
    whole = dossier.observation(found.whole)
    whole_series = dossier.series_of(whole.id)
    unit = whole_series.key.unit
    parts = [dossier.observation(p) for p in found.parts]
    used = {_qualifier_key(whole.qualifier)} | {_qualifier_key(p.qualifier) for p in parts}
    from matplotlib.patches import Patch

    _bar(axes, 0, whole, bottom=0.0, color="0.55", unit=unit)
    handles: list[Any] = []
    if found.kind is BreakdownKind.PARTITION:
        top = 0.0
        for index, part in enumerate(parts):
            color = f"C{index % 10}"
            top = _bar(axes, 1, part, bottom=top, color=color, unit=unit, label_inside=True)
            handles.append(
                Patch(facecolor=color, label=_wrap(_part_label(dossier, found, part), 30))
            )
        total = sum((p.value for p in parts), Decimal(0))
        exact = all(p.qualifier.is_exact for p in parts)
        axes.text(
            1,
            top,
            f"sum {'' if exact else '≈ '}{format_value(total, unit=unit)}",
            ha="center",
            va="bottom",
            fontsize=8,
        )
        ticks = ["stated whole", "parts"]
    else:
        ticks = ["stated whole"]
        for index, part in enumerate(parts, start=1):
            _bar(axes, index, part, bottom=0.0, color=f"C{(index - 1) % 10}", unit=unit)
            ticks.append("of which\n" + _wrap(_part_label(dossier, found, part), 24))
    axes.axhline(float(whole.value), color="black", linestyle="--", linewidth=1, zorder=0)
    axes.set_xticks(range(len(ticks)), ticks)
    axes.set_xlim(-0.7, len(ticks) - 0.3)
    axes.set_ylabel(_unit_label(unit))
    heights = [float(whole.value), float(sum((p.value for p in parts), Decimal(0)))]
    _value_limits(axes, heights + [float(p.value) for p in parts])
    axes.grid(axis="y", alpha=0.3)
    what = f"{found.kind.value}" + (f" by {found.dimension}" if found.dimension else "")
    when = f" ({format_time(whole.time)})" if whole.time is not None else ""
    axes.set_title(_wrap(f"{whole_series.key.concept}{when}: {what}", 60), fontsize=11)
    handles += _bar_key(used - {"exact"})
    if handles:
        axes.legend(handles=handles, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return axes


# --------------------------------------------------------------------------
# plot_measures_by_status


def plot_measures_by_status(
    dossier: Dossier, *, by_category: bool = False, ax: Axes | None = None
) -> Axes:
    """Count the measures in each status, from planned to completed, as horizontal bars.

    Statuses are listed top to bottom in `MeasureStatus` rank order (from
    intention to completion), with "not stated" last if any measure has no
    status; every status appears, counted or not.

    Args:
        dossier: The dossier.
        by_category: Split each bar by measure category (legislative,
            judicial, administrative, other), with a legend.
        ax: The axes to draw on; a new figure's by default.

    Returns:
        The axes drawn on.

    Raises:
        ImportError: If matplotlib is not installed.

    Example:
        >>> import matplotlib
        >>> matplotlib.use("Agg")
        >>> from catdomain import datasets, plots
        >>> ax = plots.plot_measures_by_status(datasets.load())
        >>> [t.get_text() for t in ax.get_yticklabels()]
        ['planned', 'before parliament', 'adopted', 'in operation', 'ongoing', 'completed']
    """
    axes = _new_axes(ax)
    statuses: list[MeasureStatus | None] = list(MeasureStatus)
    if any(m.status is None for m in dossier.measures):
        statuses.append(None)
    labels = ["not stated" if s is None else s.value.replace("-", " ") for s in statuses]
    positions = list(range(len(statuses)))
    totals = [sum(1 for m in dossier.measures if m.status is s) for s in statuses]
    if by_category:
        left = [0.0] * len(statuses)
        for index, category in enumerate(MeasureCategory):
            counts = [
                sum(1 for m in dossier.measures if m.status is s and m.category is category)
                for s in statuses
            ]
            axes.barh(
                positions, counts, left=left, color=f"C{index}", label=category.value, height=0.65
            )
            left = [a + b for a, b in zip(left, counts, strict=True)]
        axes.legend(title="category", fontsize=8, title_fontsize=8, loc="lower right")
    else:
        axes.barh(positions, totals, color="C0", height=0.65)
    for y, total in zip(positions, totals, strict=True):
        axes.text(total, y, f" {total}", va="center", fontsize=9)
    axes.set_yticks(positions, labels)
    axes.invert_yaxis()
    axes.set_xlabel("measures")
    axes.margins(x=0.1)
    axes.grid(axis="x", alpha=0.3)
    axes.set_title(f"Measures by status ({len(dossier.measures)})", fontsize=11)
    return axes
