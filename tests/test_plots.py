"""catdomain.plots: each figure drawn as what it is, on the Agg backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import catdomain as cd
from catdomain import datasets

matplotlib = pytest.importorskip("matplotlib", reason="the plots need the 'analysis' extra")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.image import imread  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

from catdomain import plots  # noqa: E402
from test_tables import build_edge_dossier  # noqa: E402

JANUARY = "persons killed in events related to the January riots"


@pytest.fixture(autouse=True)
def _close_figures(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def no_show(*args: object, **kwargs: object) -> None:
        raise AssertionError("plots must never call pyplot.show()")

    monkeypatch.setattr(plt, "show", no_show)
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def kaz() -> cd.Dossier:
    return datasets.load()


@pytest.fixture(scope="module")
def edge() -> cd.Dossier:
    return build_edge_dossier()


def _legend(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def _texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _arrows(ax: Axes) -> list[Annotation]:
    return [t for t in ax.texts if isinstance(t, Annotation) and t.arrow_patch is not None]


# --------------------------------------------------------------------------
# plot_series


def test_deaths_from_disease(kaz: cd.Dossier, tmp_path: Path) -> None:
    ax = plots.plot_series(kaz, "s-deaths-disease")
    assert ax.get_ylabel() == "persons"
    assert "deaths from disease" in ax.get_title()
    assert {"2021", "2022", "2023"} <= {t.get_text() for t in ax.get_xticklabels()}
    assert {"106", "94"} <= set(_texts(ax))
    assert _legend(ax) == ["total", "exact"]
    assert ax.get_ylim()[0] == 0


def test_stated_change_is_shown_with_what_the_figures_give(kaz: cd.Dossier) -> None:
    ax = plots.plot_series(kaz, "s-suicides")
    notes = [t for t in _texts(ax) if t.startswith("stated")]
    assert notes == ["stated: decrease of 32 %\nfigures: −24.1 %"]


def test_bounds_spans_and_approximations(edge: cd.Dossier) -> None:
    ax = plots.plot_series(edge, "s-deaths")
    legend = _legend(ax)
    for entry in (
        "exact",
        "approximate (~)",
        "upper bound (less than, at most)",
        "lower bound (more than, at least)",
        "total over the period shown",
        "undated (no time given)",
    ):
        assert entry in legend
    texts = _texts(ax)
    assert "~3,500" in texts
    assert "<=50" in texts
    assert ">400 in 2021–2023" in texts
    assert "7 in 2019 + 2021 (pooled)" in texts
    assert "undated: -0.000001" in texts
    # One arrow per bound: up for "more than 400", down for "less than 9", "at most 50".
    assert len(_arrows(ax)) == 3 + 1  # three bounds and the stated change's pointer
    markers = {line.get_marker() for line in ax.get_lines()}
    assert {"^", "v", "o", "|"} <= markers


def test_targets_plans_and_baselines_are_apart(edge: cd.Dossier) -> None:
    ax = plots.plot_series(edge, edge.series[0].key.concept)
    legend = _legend(ax)
    assert "total — target" in legend
    assert "target (dashed)" in legend
    assert "plan (dotted)" in legend
    assert "baseline" in legend
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert dashed, "the target is linked to the latest actual figure by a dashed line"


def test_share_and_target(kaz: cd.Dossier) -> None:
    ax = plots.plot_series(kaz, "share of prisoners confined in cells")
    assert ax.get_ylabel() == "per cent"
    assert {"19.2%", "45.5%"} <= set(_texts(ax))
    assert "2030" in [t.get_text() for t in ax.get_xticklabels()]


def test_undated_figures_become_bars(kaz: cd.Dossier) -> None:
    ax = plots.plot_series(kaz, "medical personnel in penal institutions")
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels[0] == "total"
    assert len(ax.patches) == 4
    assert "1,352" in _texts(ax)


def test_stacked_parts_with_the_stated_whole(kaz: cd.Dossier) -> None:
    ax = plots.plot_series(kaz, JANUARY, stacked="status")
    assert _legend(ax) == ["civilian", "security forces officer", "stated whole"]
    assert "stated whole 238" in _texts(ax)
    heights = sorted(round(p.get_height()) for p in ax.patches)
    assert heights == [19, 219]


def test_stacked_subset_hatches_what_is_not_broken_down(kaz: cd.Dossier) -> None:
    concept = "attempted suicides among the prison population prevented"
    ax = plots.plot_series(kaz, concept, stacked=True)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2022", "2023"]
    assert "not broken down" in _legend(ax)
    assert any(p.get_hatch() == "xx" for p in ax.patches)


def test_stacked_needs_one_dimension(kaz: cd.Dossier) -> None:
    with pytest.raises(ValueError, match="pass the dimension"):
        plots.plot_series(kaz, JANUARY, stacked=True)
    with pytest.raises(ValueError, match="no series chosen has the dimension 'colour'"):
        plots.plot_series(kaz, JANUARY, stacked="colour")


def test_choosing_series(kaz: cd.Dossier) -> None:
    ax = plots.plot_series(kaz, ["s-suicides", "s-deaths-disease"])
    assert _legend(ax)[:2] == [
        "suicides among the prison population",
        "deaths from disease among convicted\npersons and remand prisoners",
    ]
    assert ax.get_title() == ""
    with pytest.raises(KeyError, match="neither the id of a series nor a concept"):
        plots.plot_series(kaz, "nothing like this")
    with pytest.raises(KeyError, match="no series 'nope'"):
        plots.plot_series(kaz, ["s-suicides", "nope"])
    with pytest.raises(ValueError, match="several units"):
        plots.plot_series(kaz, ["s-share-in-cells", "s-persons-in-cells"])
    ax = plots.plot_series(kaz, ["s-share-in-cells", "s-persons-in-cells"], unit="persons")
    assert ax.get_ylabel() == "persons"
    with pytest.raises(KeyError, match="none of the series"):
        plots.plot_series(kaz, "s-suicides", unit="percent")


def test_draws_on_the_axes_given(kaz: cd.Dossier) -> None:
    _, (left, right) = plt.subplots(1, 2)
    assert plots.plot_series(kaz, "s-suicides", ax=left, title="Suicides") is left
    assert plots.plot_measures_by_status(kaz, ax=right) is right
    assert left.get_title() == "Suicides"
    assert len(plt.get_fignums()) == 1


# --------------------------------------------------------------------------
# plot_breakdown


def test_partition(kaz: cd.Dossier) -> None:
    ax = plots.plot_breakdown(kaz, "b-jan-status")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["stated whole", "parts"]
    assert "sum 238" in _texts(ax)
    assert _legend(ax) == ["civilian", "security forces officer"]
    assert "partition by status" in ax.get_title()


def test_partition_over_years_with_a_bound(kaz: cd.Dossier) -> None:
    ax = plots.plot_breakdown(kaz, "b-disciplined-penal-years")
    assert ">400" in _texts(ax)
    assert "sum 404" in _texts(ax)
    assert _legend(ax) == ["2021", "2022", "2023", "lower bound (more than, at least)"]


def test_subset(kaz: cd.Dossier, edge: cd.Dossier) -> None:
    ax = plots.plot_breakdown(kaz, "b-sanctions-senior")
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "stated whole",
        "of which\nsenior official",
    ]
    ax = plots.plot_breakdown(edge, "b-subset")
    assert ax.get_xticklabels()[1].get_text() == "of which\na, b c"


def test_breakdown_must_exist(kaz: cd.Dossier) -> None:
    with pytest.raises(KeyError, match="no breakdown with id 'b-nope'"):
        plots.plot_breakdown(kaz, "b-nope")
    with pytest.raises(KeyError, match="no breakdown with id 's-suicides'"):
        plots.plot_breakdown(kaz, "s-suicides")


# --------------------------------------------------------------------------
# plot_measures_by_status


def test_measures_by_status(kaz: cd.Dossier) -> None:
    ax = plots.plot_measures_by_status(kaz)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == [s.value.replace("-", " ") for s in cd.MeasureStatus]
    counts = [int(t.strip()) for t in _texts(ax)]
    assert counts == [sum(1 for m in kaz.measures if m.status is s) for s in cd.MeasureStatus]
    assert ax.yaxis_inverted()


def test_measures_by_status_and_category(kaz: cd.Dossier, edge: cd.Dossier) -> None:
    ax = plots.plot_measures_by_status(kaz, by_category=True)
    assert _legend(ax) == [c.value for c in cd.MeasureCategory]
    ax = plots.plot_measures_by_status(edge)
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "not stated"


# --------------------------------------------------------------------------
# Images


@pytest.mark.parametrize(
    ("name", "draw"),
    [
        ("series", lambda d: plots.plot_series(d, "s-officials-disciplined-penal")),
        ("stacked", lambda d: plots.plot_series(d, JANUARY, stacked="status")),
        ("breakdown", lambda d: plots.plot_breakdown(d, "b-medical-personnel")),
        ("status", lambda d: plots.plot_measures_by_status(d, by_category=True)),
    ],
)
def test_pictures_have_the_expected_size(
    name: str, draw: object, tmp_path: Path, kaz: cd.Dossier
) -> None:
    assert callable(draw)
    ax = draw(kaz)
    path = tmp_path / f"{name}.png"
    ax.figure.savefig(path, dpi=100)
    assert path.stat().st_size > 10_000
    assert imread(path).shape[:2] == (450, 800)


def test_missing_matplotlib_is_a_clear_import_error(
    kaz: cd.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    with pytest.raises(ImportError, match=r'catdomain.plots needs matplotlib: pip install "catd'):
        plots.plot_measures_by_status(kaz)
