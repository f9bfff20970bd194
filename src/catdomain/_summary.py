"""A plain-text summary of a Dossier for a person at a terminal (``catdomain show``)."""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Protocol

from catdomain._dates import Instant, PartialDate, Period, Pooled, TimeReference
from catdomain._model.dossier import Dossier
from catdomain._model.indicators import Observation, Series
from catdomain.vocab import MeasureStatus, Qualifier, ValueKind

__all__ = ["format_time", "format_value", "summarize"]

_QUALIFIER_MARK = {
    Qualifier.EXACT: "",
    Qualifier.APPROXIMATE: "~",
    Qualifier.MORE_THAN: ">",
    Qualifier.AT_LEAST: ">=",
    Qualifier.LESS_THAN: "<",
    Qualifier.AT_MOST: "<=",
}


class _FindingLike(Protocol):
    @property
    def code(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def severity(self) -> str: ...


def _date(d: PartialDate | None) -> str:
    return str(d) if d is not None else "?"


def format_time(time: TimeReference | None) -> str:
    """A short readable form of a time reference ("2023", "2021–2023", "by 2030").

    Example:
        >>> import catdomain as cd
        >>> from catdomain._summary import format_time
        >>> format_time(cd.Period(start=cd.PartialDate(2021), end=cd.PartialDate(2023)))
        '2021–2023'
        >>> format_time(cd.Period(end=cd.PartialDate(2030)))
        'by 2030'
    """
    if time is None:
        return "undated"
    if isinstance(time, Instant):
        return f"at {time.date}"
    if isinstance(time, Pooled):
        return " + ".join(format_time(p) for p in time.periods)
    if isinstance(time, Period):
        if time.start is None:
            return f"by {_date(time.end)}"
        if time.end is None:
            return f"since {_date(time.start)}"
        if time.start == time.end:
            return str(time.start)
        return f"{time.start}–{time.end}"
    raise TypeError(type(time))  # pragma: no cover - the union is closed


def format_value(value: Decimal, qualifier: Qualifier = Qualifier.EXACT, unit: str = "") -> str:
    """A figure with thousands separators, its qualifier mark and a percent sign.

    Example:
        >>> from decimal import Decimal
        >>> import catdomain as cd
        >>> from catdomain._summary import format_value
        >>> format_value(Decimal("40000"), cd.Qualifier.MORE_THAN)
        '>40,000'
        >>> format_value(Decimal("19.2"), unit="percent")
        '19.2%'
    """
    text = f"{int(value):,}" if value == value.to_integral_value() else f"{value:,f}"
    suffix = "%" if unit.lower() in ("percent", "per cent", "%") else ""
    return f"{_QUALIFIER_MARK[qualifier]}{text}{suffix}"


def _heading(title: str, width: int) -> list[str]:
    return ["", title.upper(), "-" * min(len(title), width)]


def _wrap(text: str, width: int, indent: str = "", subsequent: str | None = None) -> list[str]:
    return textwrap.wrap(
        text,
        width=width,
        initial_indent=indent,
        subsequent_indent=indent if subsequent is None else subsequent,
        break_on_hyphens=False,
    ) or [indent]


def _ranges(numbers: Iterable[int]) -> str:
    ordered = sorted(set(numbers))
    out: list[str] = []
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        out.append(str(ordered[i]) if i == j else f"{ordered[i]}–{ordered[j]}")
        i = j + 1
    return ", ".join(out)


def _bar_table(counts: Sequence[tuple[str, int]], width: int) -> list[str]:
    if not counts:
        return ["  (none)"]
    label_width = max(len(label) for label, _ in counts)
    top = max(n for _, n in counts) or 1
    room = max(10, width - label_width - 12)
    lines = []
    for label, n in counts:
        bar = "#" * max(1 if n else 0, round(n * room / top))
        lines.append(f"  {label:<{label_width}}  {n:>4}  {bar}")
    return lines


def _sort_key(o: Observation) -> tuple[int, tuple[int, int, int], tuple[int, int, int]]:
    t = o.time
    if t is None:
        return (0, (0, 0, 0), (0, 0, 0))
    if isinstance(t, Instant):
        return (1, t.date.sort_key(), t.date.sort_key())
    if isinstance(t, Pooled):
        first = t.periods[0]
        last = t.periods[-1]
        return (1, _bound(first.start or first.end), _bound(last.end or last.start))
    return (1, _bound(t.start or t.end), _bound(t.end or t.start))


def _bound(d: PartialDate | None) -> tuple[int, int, int]:
    return d.sort_key() if d is not None else (0, 0, 0)


def summarize(
    dossier: Dossier,
    findings: Sequence[_FindingLike] | None = None,
    *,
    width: int = 80,
) -> str:
    """Summarise a dossier for a person, in plain text at most `width` columns wide.

    Sections, recommendations answered, measures by status, instruments by
    kind, every indicator series with its values over time and, if given,
    validation findings grouped by severity.

    Example:
        >>> import catdomain as cd
        >>> from catdomain._summary import summarize
        >>> print(summarize(cd.Dossier(id="empty", title="An empty dossier")))
        An empty dossier
        ================
        <BLANKLINE>
        DOCUMENTS
        ---------
          (none)
        ...
    """
    lines: list[str] = []
    title = dossier.title or dossier.id
    lines.extend(_wrap(title, width))
    lines.append("=" * min(len(title), width))

    lines.extend(_heading("Documents", width))
    if not dossier.documents:
        lines.append("  (none)")
    for doc in dossier.documents:
        name = str(doc.symbol) if doc.symbol else f"{doc.id} (no UN symbol recorded)"
        facts = [doc.kind.value.replace("-", " ")]
        if doc.adopted:
            facts.append(f"adopted {doc.adopted}")
        if doc.received:
            facts.append(f"received {doc.received}")
        if doc.issued:
            facts.append(f"issued {doc.issued}")
        if doc.paragraphs:
            facts.append(f"{len(doc.paragraphs)} paragraphs")
        if doc.sections:
            facts.append(f"{len(doc.sections)} sections")
        lines.extend(_wrap(f"{name}: {', '.join(facts)}", width, "  ", "      "))

    for doc in dossier.documents:
        if not doc.sections:
            continue
        lines.extend(_heading(f"Sections of {doc.id}", width))
        lines.append(
            f"  {'Paragraphs':<12}{'Answers paragraphs':<30}{'Follow-up':<13}{'Measures':>8}"
        )
        for section in doc.sections:
            numbers = [int(p) for p in section.paragraphs if p.isdigit()]
            paras = _ranges(numbers) if numbers else "-"
            answered = _ranges(dossier.get(r).paragraph for r in section.recommendations) or "-"
            spans = {(p.number) for p in doc.paragraphs if p.number in set(section.paragraphs)}
            n_measures = sum(
                1
                for m in dossier.measures
                if any(e.document == doc.id and e.paragraph in spans for e in m.evidence)
            )
            lines.append(
                f"  {paras:<12}{answered:<30}{dossier.answer_kind(section):<13}{n_measures:>8}"
            )

    lines.extend(_heading(f"Recommendations ({len(dossier.recommendations)})", width))
    if not dossier.recommendations:
        lines.append("  (none)")
    by_document: dict[str, list[int]] = {}
    for r in dossier.recommendations:
        by_document.setdefault(r.document, []).append(r.paragraph)
    for doc_id, paragraphs in by_document.items():
        lines.extend(_wrap(f"{doc_id}: paragraphs {_ranges(paragraphs)}", width, "  ", "    "))
    selection = Counter(
        {True: "selected", False: "not selected", None: "unknown"}[r.selected_for_follow_up]
        for r in dossier.recommendations
    )
    if dossier.recommendations:
        parts = ", ".join(f"{label} {n}" for label, n in sorted(selection.items()))
        lines.extend(_wrap(f"Selected for follow-up: {parts}", width, "  ", "    "))

    lines.extend(_heading(f"Measures by status ({len(dossier.measures)})", width))
    status_counts = Counter(m.status for m in dossier.measures)
    rows = [(s.value.replace("-", " "), status_counts.get(s, 0)) for s in MeasureStatus]
    if status_counts.get(None):
        rows.append(("not stated", status_counts[None]))
    lines.extend(_bar_table(rows if dossier.measures else [], width))

    lines.extend(_heading(f"Instruments by kind ({len(dossier.instruments)})", width))
    kind_counts = Counter(i.kind.value.replace("-", " ") for i in dossier.instruments)
    lines.extend(_bar_table(sorted(kind_counts.items(), key=lambda kv: (-kv[1], kv[0])), width))

    n_obs = sum(len(s.observations) for s in dossier.series)
    lines.extend(
        _heading(f"Indicator series ({len(dossier.series)} series, {n_obs} figures)", width)
    )
    if not dossier.series:
        lines.append("  (none)")
    groups: dict[tuple[str, str, ValueKind], list[Series]] = {}
    for series in dossier.series:
        key = (series.key.concept, series.key.unit, series.key.value_kind)
        groups.setdefault(key, []).append(series)
    for (concept, unit, value_kind), members in groups.items():
        kind = "" if value_kind is ValueKind.ACTUAL else f", {value_kind.value}"
        lines.extend(_wrap(f"{concept} ({unit}{kind})", width, "  ", "    "))
        for series in members:
            label = "; ".join(f"{d.name}: {d.value}" for d in series.key.breakdown) or "total"
            values = "   ".join(
                f"{format_time(o.time)}: {format_value(o.value, o.qualifier, unit)}"
                for o in sorted(series.observations, key=_sort_key)
            )
            lines.extend(_wrap(f"{label} | {values}", width, "      ", "          "))

    if findings is not None:
        lines.extend(_heading(f"Validation findings ({len(findings)})", width))
        if not findings:
            lines.append("  No findings.")
        for severity in ("error", "warning", "info"):
            group = [f for f in findings if str(f.severity) == severity]
            if not group:
                continue
            lines.append(f"  {severity.upper()} ({len(group)})")
            for f in group:
                lines.extend(_wrap(f"{f.code} at {f.path}", width, "    - ", "      "))
                lines.extend(_wrap(f.message, width, "      ", "      "))
    lines.append("")
    return "\n".join(line.rstrip() for line in lines)
