"""Draw the pictures of the analysis guide (docs/images/*.png) from the bundled dossier.

Run: python examples/make_plots.py [OUTPUT_FOLDER]

The folder defaults to docs/images beside this script's folder. Each picture
is 800 × 450 pixels (8 × 4.5 inches at 100 dpi), written without the
matplotlib version in its metadata, so that rerunning changes no file
unless a drawing changed.

Needs the analysis extra: pip install "catdomain[analysis]".
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.axes import Axes

import catdomain as cd
from catdomain import datasets, plots

JANUARY = "persons killed in events related to the January riots"

PICTURES: dict[str, Callable[[cd.Dossier], Axes]] = {
    "deaths-from-disease.png": lambda d: plots.plot_series(d, "s-deaths-disease"),
    "suicides.png": lambda d: plots.plot_series(d, "s-suicides"),
    "officials-disciplined.png": lambda d: plots.plot_series(d, "s-officials-disciplined-penal"),
    "cells-target.png": lambda d: plots.plot_series(d, "persons confined in cells"),
    "january-deaths-stacked.png": lambda d: plots.plot_series(d, JANUARY, stacked="status"),
    "breakdown-officials-years.png": lambda d: plots.plot_breakdown(d, "b-disciplined-penal-years"),
    "measures-by-status.png": lambda d: plots.plot_measures_by_status(d, by_category=True),
}
"""File name → drawing, in the order the guide shows them."""


def main(argv: list[str]) -> None:
    """Draw every picture into the folder."""
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    dossier = datasets.load()
    for name, draw in PICTURES.items():
        ax = draw(dossier)
        path = out / name
        ax.figure.savefig(path, dpi=100, metadata={"Software": None})
        plt.close(ax.figure)
        print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
