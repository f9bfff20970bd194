"""Rich display: compact HTML for Jupyter's ``_repr_html_``.

Pure functions from model objects to an HTML fragment: a ``<div>`` of class
``cd-repr`` holding its own ``<style>`` (every rule scoped under
``.cd-repr``), tables and text. No script, no external style sheet, font or
image. Every piece of text from the data is escaped with `html.escape`, so
a quote containing ``<script>`` shows as text. Colours are translucent so
the output reads on light and dark themes.

Provenance is one hover away: a source paragraph is shown as "¶ 19" with
the quoted text as its ``title`` tooltip.

Example:
    >>> from catdomain import datasets
    >>> from catdomain._html import series_html
    >>> html = series_html(datasets.load().get("s-suicides"))
    >>> html.startswith('<div class="cd-repr">'), "<script" in html
    (True, False)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from catdomain._dates import PartialDate, Period
from catdomain._model.dossier import Dossier
from catdomain._model.indicators import Observation, Series
from catdomain._model.instruments import LegalInstrument
from catdomain._model.measures import Measure
from catdomain._model.provenance import SourceSpan
from catdomain._model.recommendations import Recommendation
from catdomain._summary import format_time, format_value
from catdomain.vocab import MeasureStatus, Qualifier, ValueKind

if TYPE_CHECKING:
    from catdomain.validation import Finding

__all__ = [
    "dossier_html",
    "finding_html",
    "findings_html",
    "instrument_html",
    "measure_html",
    "observation_html",
    "recommendation_html",
    "series_html",
]

_STYLE = """<style>
.cd-repr{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:13px;
line-height:1.45;max-width:64em}
.cd-repr h3{font-size:1.15em;margin:.2em 0 .35em}
.cd-repr h4{font-size:1em;margin:.8em 0 .25em}
.cd-repr table{border-collapse:collapse;margin:.2em 0 .6em}
.cd-repr th,.cd-repr td{text-align:left;vertical-align:top;padding:.15em .7em .15em 0;
border-bottom:1px solid rgba(127,127,127,.25)}
.cd-repr th{font-weight:600}
.cd-repr td.cd-num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.cd-repr .cd-muted{opacity:.7}
.cd-repr .cd-tag{display:inline-block;padding:0 .45em;margin-right:.3em;border-radius:.7em;
background:rgba(127,127,127,.16);font-size:.9em;white-space:nowrap}
.cd-repr .cd-error{background:rgba(220,38,38,.18)}
.cd-repr .cd-warning{background:rgba(217,119,6,.2)}
.cd-repr .cd-info{background:rgba(37,99,235,.14)}
.cd-repr .cd-bar{display:inline-block;height:.7em;background:rgba(37,99,235,.55);
border-radius:2px;vertical-align:middle}
.cd-repr [title]{text-decoration:underline dotted rgba(127,127,127,.8);cursor:help}
.cd-repr blockquote{margin:.2em 0 .4em;padding-left:.7em;border-left:3px solid
rgba(127,127,127,.35)}
.cd-repr details>summary{cursor:pointer}
</style>"""

_QUALIFIER_WORDS = {
    Qualifier.EXACT: "exact",
    Qualifier.APPROXIMATE: "approximately",
    Qualifier.MORE_THAN: "more than",
    Qualifier.AT_LEAST: "at least",
    Qualifier.LESS_THAN: "less than",
    Qualifier.AT_MOST: "at most",
}
_QUOTE_LIMIT = 240
_SERIES_LIMIT = 200


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _wrap(body: str) -> str:
    return f'<div class="cd-repr">{_STYLE}{body}</div>'


def _tag(text: object, extra: str = "") -> str:
    cls = f"cd-tag {extra}".strip()
    return f'<span class="{cls}">{_e(text)}</span>'


def _date(d: PartialDate | None) -> str:
    return "" if d is None else _e(d)


def _period(p: Period | None) -> str:
    return "" if p is None else _e(format_time(p))


def _source(span: SourceSpan | None) -> str:
    """ "¶ 19" with the quote as a tooltip, or the document id if unnumbered."""
    if span is None:
        return ""
    where = f"¶ {span.paragraph}" if span.paragraph else span.document
    title = f"{span.document}, characters {span.start}–{span.end}: “{span.quote}”"
    return f'<span title="{_e(title)}">{_e(where)}</span>'


def _short(text: str, limit: int = _QUOTE_LIMIT) -> str:
    if len(text) <= limit:
        return _e(text)
    return f'<span title="{_e(text)}">{_e(text[: limit - 1].rstrip())}…</span>'


def _value(o: Observation, unit: str = "") -> str:
    text = format_value(o.value, o.qualifier, unit)
    if o.qualifier is Qualifier.EXACT:
        return _e(text)
    return f'<span title="{_e(_QUALIFIER_WORDS[o.qualifier])}">{_e(text)}</span>'


def _rows(rows: Iterable[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in rows if v)
    return f"<table>{cells}</table>" if cells else ""


def _chronological(o: Observation) -> tuple[int, str, str]:
    """Undated first, then by first day, then by last day (open ends last)."""
    if o.time is None:
        return (0, "", "")
    first, last = o.time.earliest(), o.time.latest()
    return (1, first.isoformat() if first else "", last.isoformat() if last else "~")


# --------------------------------------------------------------------------
# Observations and series


def observation_html(observation: Observation, unit: str = "") -> str:
    """One figure: its value with the qualifier, its time, as written, and its source.

    Args:
        observation: The observation.
        unit: The unit of its series, if known (adds "%" to percentages).

    Returns:
        An HTML fragment.

    Example:
        >>> import catdomain as cd
        >>> from decimal import Decimal
        >>> from catdomain._html import observation_html
        >>> o = cd.Observation(id="o-1", value=Decimal(400), qualifier=cd.Qualifier.MORE_THAN,
        ...                    time=cd.Period.year(2023), text="over 400")
        >>> '<span title="more than">&gt;400</span>' in observation_html(o)
        True
    """
    parts = [f"<b>{_value(observation, unit)}</b>", _e(format_time(observation.time))]
    if observation.text:
        parts.append(f'<span class="cd-muted">“{_e(observation.text)}”</span>')
    if observation.status is not None:
        parts.append(_tag(f"status {observation.status.value}"))
    if observation.source is not None:
        parts.append(_source(observation.source))
    parts.append(f'<span class="cd-muted">{_e(observation.id)}</span>')
    return _wrap(" · ".join(parts))


def _key_tags(series: Series) -> str:
    key = series.key
    tags = [_tag(key.unit)]
    if key.value_kind is not ValueKind.ACTUAL:
        tags.append(_tag(key.value_kind.value))
    tags.extend(_tag(f"{d.name}: {d.value}") for d in key.breakdown)
    return "".join(tags)


def series_html(series: Series) -> str:
    """A series: what it counts, then one row per figure, in time order.

    Columns: time, value (with its qualifier mark: ">", "~"; the words on
    hover), the figure as written, and the source paragraph with the quote
    on hover.

    Args:
        series: The series.

    Returns:
        An HTML fragment.

    Example:
        >>> from catdomain import datasets
        >>> from catdomain._html import series_html
        >>> html = series_html(datasets.load().get("s-officials-disciplined-penal"))
        >>> '<span title="more than">&gt;400</span>' in html, "2021–2023" in html
        (True, True)
    """
    unit = series.key.unit
    head = f"<h3>{_e(series.title or series.key.concept)}</h3>"
    meta = f"<div>{_key_tags(series)}<span class='cd-muted'>{_e(series.id)}</span></div>"
    if series.indicator:
        meta += f"<div class='cd-muted'>indicator {_e(series.indicator)}</div>"
    rows = []
    for o in sorted(series.observations, key=_chronological):
        status = "" if o.status is None else _e(o.status.value)
        rows.append(
            f"<tr><td>{_e(format_time(o.time))}</td><td class='cd-num'>{_value(o, unit)}</td>"
            f"<td>{_e(o.text or '')}</td><td>{status}</td><td>{_source(o.source)}</td></tr>"
        )
    table = (
        "<table><tr><th>time</th><th>value</th><th>as written</th><th>status</th>"
        f"<th>source</th></tr>{''.join(rows)}</table>"
        if rows
        else "<p class='cd-muted'>No observations.</p>"
    )
    return _wrap(head + meta + table)


# --------------------------------------------------------------------------
# Measures, instruments, recommendations


def _names(ids: Sequence[str], dossier: Dossier | None, attribute: str) -> str:
    out = []
    for i in ids:
        name = None
        if dossier is not None and i in dossier:
            name = getattr(dossier.get(i), attribute, None)
        out.append(f'<span title="{_e(i)}">{_e(name)}</span>' if name else f"<code>{_e(i)}</code>")
    return ", ".join(out)


def _recommendation_refs(ids: Sequence[str], dossier: Dossier | None) -> str:
    out = []
    for i in ids:
        if dossier is not None and i in dossier and dossier.kind_of(i) == "recommendation":
            r = dossier.get(i)
            out.append(f'<span title="{_e(i)}">{_e(r.document)} ¶ {_e(r.paragraph)}</span>')
        else:
            out.append(f"<code>{_e(i)}</code>")
    return ", ".join(out)


def _evidence(spans: Sequence[SourceSpan]) -> str:
    if not spans:
        return ""
    items = []
    for s in spans:
        where = f"¶ {s.paragraph}" if s.paragraph else s.document
        title = f"{s.document}, characters {s.start}–{s.end}"
        items.append(f'<li><span title="{_e(title)}">{_e(where)}</span>: {_short(s.quote)}</li>')
    return f"<h4>Evidence</h4><ul>{''.join(items)}</ul>"


def measure_html(measure: Measure, dossier: Dossier | None = None) -> str:
    """A measure as a card: description, category, kind and status, what it rests on and answers.

    Args:
        measure: The measure.
        dossier: The dossier it belongs to, to show names instead of ids
            (authorities, instruments, recommendations).

    Returns:
        An HTML fragment.

    Example:
        >>> from catdomain import datasets
        >>> from catdomain._html import measure_html
        >>> d = datasets.load()
        >>> html = measure_html(d.get("m-bill-torture-definition"), d)
        >>> "before-parliament" in html, "CAT/C/KAZ/CO/4 ¶ 10" in html, "Majilis" in html
        (True, True, True)
    """
    tags = [_tag(measure.category.value)]
    if measure.kind is not None:
        tags.append(_tag(measure.kind.value))
    tags.append(_tag(measure.status.value if measure.status else "status not stated"))
    facts = _rows(
        [
            ("Authorities", _names(measure.authorities, dossier, "name")),
            ("Instruments", _names(measure.instruments, dossier, "title")),
            ("Answers", _recommendation_refs(measure.answers, dossier)),
            ("Date", _date(measure.date)),
            ("Period", _period(measure.period)),
            ("Expected completion", _date(measure.expected_completion)),
            ("Series", ", ".join(f"<code>{_e(s)}</code>" for s in measure.series)),
        ]
    )
    body = (
        f"<h3>{_e(measure.description)}</h3><div>{''.join(tags)}"
        f"<span class='cd-muted'>{_e(measure.id)}</span></div>{facts}{_evidence(measure.evidence)}"
    )
    return _wrap(body)


def instrument_html(instrument: LegalInstrument, dossier: Dossier | None = None) -> str:
    """A legal or policy instrument: kind, status, and each issuance (issuer, number, date).

    Args:
        instrument: The instrument.
        dossier: The dossier it belongs to, to show issuers' names.

    Returns:
        An HTML fragment.

    Example:
        >>> from catdomain import datasets
        >>> from catdomain._html import instrument_html
        >>> d = datasets.load()
        >>> html = instrument_html(d.get("kz-rules-video-surveillance"), d)
        >>> html.count("<tr><td>"), "Procurator General" in html
        (4, True)
    """
    tags = [_tag(instrument.kind.value)]
    if instrument.status is not None:
        tags.append(_tag(instrument.status.value))
    if instrument.is_joint:
        tags.append(_tag("joint"))
    facts = _rows(
        [
            ("Period", _period(instrument.period)),
            ("Jurisdiction", _e(instrument.jurisdiction or "")),
            ("Amends", _names(instrument.amends, dossier, "title")),
            (
                "Part of",
                _names([instrument.part_of], dossier, "title") if instrument.part_of else "",
            ),
            ("Also called", ", ".join(_e(a) for a in instrument.aliases)),
        ]
    )
    rows = "".join(
        f"<tr><td>{_names([i.issuer], dossier, 'name') if i.issuer else ''}</td>"
        f"<td>{_e(i.number or '')}</td><td>{_date(i.date)}</td><td>{_source(i.source)}</td></tr>"
        for i in instrument.issuances
    )
    issuances = (
        "<h4>Issuances</h4><table><tr><th>issuer</th><th>number</th><th>date</th>"
        f"<th>source</th></tr>{rows}</table>"
        if rows
        else ""
    )
    body = (
        f"<h3>{_e(instrument.title or instrument.id)}</h3><div>{''.join(tags)}"
        f"<span class='cd-muted'>{_e(instrument.id)}</span></div>{facts}{issuances}"
    )
    return _wrap(body)


def recommendation_html(recommendation: Recommendation, dossier: Dossier | None = None) -> str:
    """A recommendation: document and paragraph, follow-up selection, text, and the measures.

    Args:
        recommendation: The recommendation.
        dossier: The dossier it belongs to, to list the measures answering it.

    Returns:
        An HTML fragment.

    Example:
        >>> from catdomain import datasets
        >>> from catdomain._html import recommendation_html
        >>> d = datasets.load()
        >>> html = recommendation_html(d.get("CAT/C/KAZ/CO/4#10"), d)
        >>> "selection for follow-up unknown" in html, "m-bill-torture-definition" in html
        (True, True)
    """
    r = recommendation
    if r.selected_for_follow_up is None:
        selected = "selection for follow-up unknown"
    elif r.selected_for_follow_up:
        selected = "selected for follow-up"
    else:
        selected = "not selected for follow-up"
    tags = _tag(selected)
    if r.follow_up_deadline is not None:
        tags += _tag(f"follow-up due {r.follow_up_deadline}")
    text = f"<blockquote>{_e(r.text)}</blockquote>" if r.text else ""
    if r.subparagraphs:
        items = "".join(f"<li>({_e(s.letter)}) {_e(s.text or '')}</li>" for s in r.subparagraphs)
        text += f"<ul>{items}</ul>"
    measures = ""
    if dossier is not None:
        answering = dossier.measures_answering(r.id)
        rows = "".join(
            f"<tr><td>{_e(m.description)}</td><td>{_e(m.status.value if m.status else '')}</td>"
            f"<td class='cd-muted'>{_e(m.id)}</td></tr>"
            for m in answering
        )
        measures = (
            f"<h4>Measures answering it ({len(answering)})</h4><table>{rows}</table>"
            if rows
            else "<p class='cd-muted'>No measure answers it.</p>"
        )
    heading = f"{r.document} ¶ {r.paragraph}" + (f": {r.heading}" if r.heading else "")
    return _wrap(f"<h3>{_e(heading)}</h3><div>{tags}</div>{text}{measures}")


# --------------------------------------------------------------------------
# Findings


def _finding_row(f: Finding) -> str:
    severity = str(f.severity.value)
    evidence = ", ".join(_source(s) for s in f.spans)
    return (
        f"<tr><td>{_tag(severity, f'cd-{severity}')}</td><td><code>{_e(f.code)}</code></td>"
        f"<td>{_e(f.message)}</td><td><code>{_e(f.path)}</code></td><td>{evidence}</td></tr>"
    )


_FINDING_HEAD = (
    "<tr><th>severity</th><th>rule</th><th>finding</th><th>where</th><th>evidence</th></tr>"
)


def finding_html(finding: Finding) -> str:
    """One validation finding, as a one-row table coloured by severity.

    Example:
        >>> from catdomain.validation import Finding, Severity
        >>> from catdomain._html import finding_html
        >>> f = Finding(code="x.y", severity=Severity.ERROR, path="$", message="a < b")
        >>> 'class="cd-tag cd-error"' in finding_html(f), "a &lt; b" in finding_html(f)
        (True, True)
    """
    return _wrap(f"<table>{_FINDING_HEAD}{_finding_row(finding)}</table>")


def findings_html(findings: Iterable[Finding]) -> str:
    """Validation findings as a table, errors first, with counts by severity.

    Args:
        findings: The findings, as `catdomain.validate` returns them.

    Returns:
        An HTML fragment.

    Example:
        >>> import catdomain as cd
        >>> from catdomain import datasets
        >>> from catdomain._html import findings_html
        >>> html = findings_html(cd.validate(datasets.load(), texts=datasets.texts()))
        >>> "arithmetic.stated-change" in html, "3 warnings" in html
        (True, True)
    """
    return _wrap(_findings_body(findings))


def _findings_body(findings: Iterable[Finding]) -> str:
    found = sorted(findings, key=lambda f: f.severity.rank)
    if not found:
        return "<p>No findings.</p>"
    counts = Counter(str(f.severity.value) for f in found)
    summary = " ".join(
        _tag(f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}", f"cd-{s}")
        for s in ("error", "warning", "info")
        if counts[s]
    )
    rows = "".join(_finding_row(f) for f in found)
    return f"<div>{summary}</div><table>{_FINDING_HEAD}{rows}</table>"


# --------------------------------------------------------------------------
# Dossier


def _latest(series: Series) -> Observation | None:
    if not series.observations:
        return None
    return max(series.observations, key=_chronological)


def dossier_html(dossier: Dossier, findings: Sequence[Finding] | None = None) -> str:
    """A dossier at a glance: documents, counts, measures by status, and its series.

    The series table gives each series' latest figure (the last reported if
    none is dated) and how many figures it has; it is folded away under a
    ``<details>`` element when long.

    Args:
        dossier: The dossier.
        findings: Validation findings to show as well.

    Returns:
        An HTML fragment.

    Example:
        >>> from catdomain import datasets
        >>> from catdomain._html import dossier_html
        >>> html = dossier_html(datasets.load())
        >>> "CAT/C/KAZ/CO/4" in html, "71 measures" in html, "<details" in html
        (True, True, True)
    """
    d = dossier
    counts = d.counts()
    docs = "".join(
        f"<tr><td>{_e(doc.symbol or doc.id)}</td><td>{_e(doc.kind.value.replace('-', ' '))}</td>"
        f"<td>{_date(doc.date)}</td><td class='cd-num'>"
        f"{len(doc.paragraphs) or ''}</td></tr>"
        for doc in d.documents
    )
    documents = (
        "<table><tr><th>document</th><th>kind</th><th>date</th><th>paragraphs</th></tr>"
        f"{docs}</table>"
        if docs
        else ""
    )
    shown = [
        ("recommendations", "recommendations"),
        ("measures", "measures"),
        ("instruments", "instruments"),
        ("citations", "citations"),
        ("authorities", "authorities"),
        ("series", "series"),
        ("observations", "figures"),
        ("breakdowns", "breakdowns"),
        ("assessments", "assessments"),
    ]
    count_tags = "".join(_tag(f"{counts[key]} {label}") for key, label in shown if counts[key])

    status = Counter(m.status for m in d.measures)
    rows = [(s.value.replace("-", " "), status.get(s, 0)) for s in MeasureStatus]
    if status.get(None):
        rows.append(("not stated", status[None]))
    top = max((n for _, n in rows), default=0) or 1
    status_rows = "".join(
        f"<tr><td>{_e(label)}</td><td class='cd-num'>{n}</td>"
        f"<td><span class='cd-bar' style='width:{round(120 * n / top)}px'></span></td></tr>"
        for label, n in rows
    )
    measures = f"<h4>Measures by status</h4><table>{status_rows}</table>" if d.measures else ""

    series_rows = []
    for s in d.series[:_SERIES_LIMIT]:
        latest = _latest(s)
        label = s.title or s.key.concept
        dims = "".join(_tag(f"{x.name}: {x.value}") for x in s.key.breakdown)
        if s.key.value_kind is not ValueKind.ACTUAL:
            dims += _tag(s.key.value_kind.value)
        value = "" if latest is None else _value(latest, s.key.unit)
        when = "" if latest is None else _e(format_time(latest.time))
        source = "" if latest is None else _source(latest.source)
        series_rows.append(
            f"<tr><td>{_e(label)} {dims}</td><td>{_e(s.key.unit)}</td>"
            f"<td class='cd-num'>{value}</td><td>{when}</td><td>{source}</td>"
            f"<td class='cd-num'>{len(s)}</td></tr>"
        )
    more = len(d.series) - _SERIES_LIMIT
    if more > 0:
        series_rows.append(f"<tr><td colspan='6' class='cd-muted'>… and {more} more</td></tr>")
    series = ""
    if series_rows:
        table = (
            "<table><tr><th>series</th><th>unit</th><th>latest</th><th>time</th>"
            f"<th>source</th><th>figures</th></tr>{''.join(series_rows)}</table>"
        )
        opened = " open" if len(d.series) <= 10 else ""
        series = (
            f"<details{opened}><summary><b>{len(d.series)} series</b></summary>{table}</details>"
        )

    found = ""
    if findings is not None:
        found = "<h4>Findings</h4>" + _findings_body(findings)
    body = (
        f"<h3>{_e(d.title or d.id)}</h3><div class='cd-muted'>{_e(d.id)}</div>"
        f"{documents}<div>{count_tags}</div>{measures}{series}{found}"
    )
    return _wrap(body)
