"""Tables and plots of Kazakhstan's follow-up reply, from the bundled dossier.

Run: python examples/tables_and_plots.py [OUTPUT_FOLDER]

It prints a few tables (measures by status, deaths from disease 2021–2023,
suicides with the stated decrease) and saves plots as PNG files into the
folder given, or into a new temporary folder.

Needs the analysis extra: pip install "catdomain[analysis]".
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, no window

import matplotlib.pyplot as plt

from catdomain import datasets, plots, tables


def main(argv: list[str]) -> None:
    """Print the tables and write the plots."""
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="catdomain-plots-"))
    out.mkdir(parents=True, exist_ok=True)
    dossier = datasets.load()

    measures = tables.measures(dossier)
    print("Measures by status:")
    for status, count in measures.status.value_counts(sort=False).items():
        print(f"  {status:<18} {count:>3}")
    print("Measures before parliament:")
    for description in measures[measures.status == "before-parliament"].description:
        print(f"  - {description[:90]}")

    obs = tables.observations(dossier, exact=True)
    print("Deaths from disease among prisoners:")
    deaths = obs[obs.series_id == "s-deaths-disease"]
    print(deaths[["time", "value", "paragraph"]].to_string(index=False))
    print("Suicides among the prison population:")
    suicides = obs[obs.series_id == "s-suicides"].sort_values("time_start")
    print(suicides[["time", "value", "paragraph"]].to_string(index=False))
    first, last = suicides.value.tolist()
    print(f"  change from the figures: {(last - first) / first * 100:.1f} %")

    drawings = {
        "deaths-from-disease.png": plots.plot_series(dossier, "s-deaths-disease"),
        "suicides.png": plots.plot_series(dossier, "s-suicides"),
        "january-deaths.png": plots.plot_breakdown(dossier, "b-jan-status"),
        "measures-by-status.png": plots.plot_measures_by_status(dossier, by_category=True),
    }
    for name, ax in drawings.items():
        path = out / name
        ax.figure.savefig(path, dpi=100)
        plt.close(ax.figure)
        print(f"wrote {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
