"""catdomain._html: compact, self-contained, escaped HTML for Jupyter."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser

import pytest

import catdomain as cd
from catdomain import _html, datasets
from test_tables import SCRIPT, build_edge_dossier, edge_findings

VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"}


class _Checker(HTMLParser):
    """Collects tags, checks nesting, and the text of <style> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.problems: list[str] = []
        self.style = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.style += data


def check(html: str) -> _Checker:
    """Parse `html` and assert it is one balanced, self-contained cd-repr fragment."""
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert not checker.problems, checker.problems
    assert not checker.stack, f"unclosed: {checker.stack}"
    assert html.startswith('<div class="cd-repr"><style>')
    assert html.endswith("</div>")
    assert "script" not in checker.tags
    assert not {"img", "link", "iframe", "object", "embed"} & set(checker.tags)
    assert not any(name.startswith("on") for name, _ in checker.attributes)
    assert "http://" not in html
    assert "https://" not in html
    assert "url(" not in checker.style
    assert "@import" not in checker.style
    for rule in re.findall(r"([^{}]+)\{", checker.style):
        for selector in rule.split(","):
            assert selector.strip().startswith(".cd-repr"), selector
    return checker


@pytest.fixture(scope="module")
def kaz() -> cd.Dossier:
    return datasets.load()


@pytest.fixture(scope="module")
def edge() -> cd.Dossier:
    return build_edge_dossier()


RENDERERS: list[tuple[str, Callable[[cd.Dossier], str]]] = [
    ("dossier", lambda d: _html.dossier_html(d, cd.validate(d))),
    ("series", lambda d: _html.series_html(d.series[0])),
    ("observation", lambda d: _html.observation_html(d.series[0].observations[-1], "persons")),
    ("measure", lambda d: _html.measure_html(d.measures[0], d)),
    ("measure alone", lambda d: _html.measure_html(d.measures[0])),
    ("instrument", lambda d: _html.instrument_html(d.instruments[0], d)),
    ("recommendation", lambda d: _html.recommendation_html(d.recommendations[0], d)),
    ("findings", lambda d: _html.findings_html(cd.validate(d))),
]


@pytest.mark.parametrize(("name", "render"), RENDERERS, ids=[n for n, _ in RENDERERS])
@pytest.mark.parametrize("which", ["kaz", "edge"])
def test_fragments_are_well_formed_and_self_contained(
    name: str, render: Callable[[cd.Dossier], str], which: str, kaz: cd.Dossier, edge: cd.Dossier
) -> None:
    check(render(kaz if which == "kaz" else edge))


@pytest.mark.parametrize(("name", "render"), RENDERERS, ids=[n for n, _ in RENDERERS])
def test_markup_in_the_data_is_escaped(
    name: str, render: Callable[[cd.Dossier], str], edge: cd.Dossier
) -> None:
    html = render(edge)
    assert "<script" not in html
    assert "</script" not in html
    if name not in ("findings", "instrument", "observation"):
        assert "&lt;script&gt;" in html, name


def test_findings_with_markup_are_escaped() -> None:
    html = _html.findings_html(edge_findings())
    check(html)
    assert "bad &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert html.index("x.error") < html.index("x.warning") < html.index("x.info")
    for severity in ("error", "warning", "info"):
        assert f'class="cd-tag cd-{severity}"' in html
    assert 'characters 0–29: “He said &quot;over 400&quot;,\nthen left”"' in html


def test_no_findings() -> None:
    html = _html.findings_html([])
    check(html)
    assert "No findings." in html


def test_finding_html() -> None:
    html = _html.finding_html(edge_findings()[1])
    check(html)
    assert "cd-error" in html
    assert SCRIPT not in html


def test_series_shows_time_value_qualifier_and_source(kaz: cd.Dossier) -> None:
    html = _html.series_html(kaz.get("s-officials-disciplined-penal"))
    check(html)
    rows = re.findall(r"<tr><td>(.*?)</td>", html)
    assert rows == ["2021", "2021–2023", "2022", "2023"]
    assert '<span title="more than">&gt;400</span>' in html
    span = kaz.get("s-officials-disciplined-penal").observations[0].source
    assert f"¶ {span.paragraph}</span>" in html
    assert f"“{span.quote}”" in html


def test_series_without_observations() -> None:
    series = cd.Series(id="s", key=cd.SeriesKey(concept="c", unit="u"))
    html = _html.series_html(series)
    check(html)
    assert "No observations." in html


def test_observation(kaz: cd.Dossier) -> None:
    obs = kaz.observation("o-share-cells-2023")
    html = _html.observation_html(obs, "percent")
    check(html)
    assert "<b>19.2%</b>" in html
    assert "o-share-cells-2023" in html


def test_measure_card(kaz: cd.Dossier) -> None:
    m = kaz.get("m-bill-torture-definition")
    with_names = _html.measure_html(m, kaz)
    alone = _html.measure_html(m)
    check(with_names)
    check(alone)
    assert "before-parliament" in with_names
    assert '<span title="kz-majilis">Majilis</span>' in with_names
    assert "<code>kz-majilis</code>" in alone
    assert "CAT/C/KAZ/CO/4 ¶ 10" in with_names
    assert "<code>CAT/C/KAZ/CO/4#10</code>" in alone
    assert "<h4>Evidence</h4>" in with_names


def test_measure_without_status(edge: cd.Dossier) -> None:
    html = _html.measure_html(edge.get("m-odd"), edge)
    assert "status not stated" in html
    assert "2023-08" in html
    assert "Ministry &lt;of&gt; &quot;Justice&quot;" in html


def test_long_quotes_are_shortened_with_the_whole_on_hover(kaz: cd.Dossier) -> None:
    m = kaz.get("m-bill-torture-definition")
    html = _html.measure_html(m)
    long_quote = max((e.quote for e in m.evidence), key=len)
    assert len(long_quote) > 240
    assert "…</span>" in html
    assert f'title="{long_quote}"' in html


def test_instrument_with_issuances(kaz: cd.Dossier, edge: cd.Dossier) -> None:
    html = _html.instrument_html(kaz.get("kz-rules-video-surveillance"), kaz)
    check(html)
    assert "joint" in html
    assert html.count("<tr><td>") == 4
    odd = _html.instrument_html(edge.get("charter"), edge)
    check(odd)
    assert "1215-06-15" in odd
    assert "the &quot;Great&quot; Charter" in odd


def test_recommendation(kaz: cd.Dossier, edge: cd.Dossier) -> None:
    html = _html.recommendation_html(kaz.get("CAT/C/KAZ/CO/4#10"), kaz)
    check(html)
    assert "CAT/C/KAZ/CO/4 ¶ 10" in html
    assert "selection for follow-up unknown" in html
    odd = _html.recommendation_html(edge.get("CO#7"), edge)
    assert "not selected for follow-up" in odd
    assert "Measures answering it (2)" in odd
    alone = _html.recommendation_html(edge.get("CO#7"))
    assert "Measures answering" not in alone


def test_dossier_summary(kaz: cd.Dossier) -> None:
    html = _html.dossier_html(kaz)
    check(html)
    counts = kaz.counts()
    assert f"{counts['measures']} measures" in html
    assert f"{counts['series']} series" in html
    assert "CAT/C/KAZ/CO/4" in html
    assert "<details>" in html
    assert html.count("class='cd-bar'") == len(cd.MeasureStatus)
    assert "Findings" not in html
    with_findings = _html.dossier_html(kaz, cd.validate(kaz, texts=datasets.texts()))
    check(with_findings)
    assert "<h4>Findings</h4>" in with_findings
    assert "arithmetic.stated-change" in with_findings


def test_small_dossier_shows_its_series_open(sample_dossier: cd.Dossier) -> None:
    html = _html.dossier_html(sample_dossier)
    check(html)
    assert "<details open>" in html
    assert "&gt;40,000" in html


def test_empty_dossier() -> None:
    html = _html.dossier_html(cd.Dossier(id="empty"))
    check(html)
    assert "empty" in html
    assert "<details" not in html


def test_html_needs_no_optional_dependency() -> None:
    """Rendering works without pandas or matplotlib (run in a fresh interpreter)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "sys.modules['pandas'] = None; sys.modules['matplotlib'] = None\n"
        "from catdomain import datasets\n"
        "from catdomain._html import dossier_html\n"
        "print(len(dossier_html(datasets.load())) > 1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_model_classes_display_richly_in_jupyter() -> None:
    """Dossier, Series, Observation, Measure, LegalInstrument, Recommendation and Finding
    render themselves as HTML naming the object."""
    from catdomain import datasets

    d = datasets.load()
    objects = [
        d,
        d.series[0],
        d.series[0].observations[0],
        d.measures[0],
        d.instruments[0],
        d.recommendations[0],
        cd.validate(d)[0],
    ]
    for obj in objects:
        html = obj._repr_html_()
        assert html.startswith('<div class="cd-repr">'), type(obj).__name__
        assert "<script" not in html
        name = getattr(obj, "id", None) or getattr(obj, "code", "")
        if isinstance(obj, cd.Recommendation):
            name = f"{obj.document} ¶ {obj.paragraph}"
        assert name in html, type(obj).__name__
