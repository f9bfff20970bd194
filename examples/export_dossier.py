"""Export the bundled dossier as CSV, Parquet and SDMX-CSV, and read it back.

Run: python examples/export_dossier.py [OUTPUT_FOLDER]

Each format goes into its own sub-folder of the folder given (or of a new
temporary folder), with a Frictionless datapackage.json; the tables are then
read back and compared with the originals.

Needs the analysis extra: pip install "catdomain[analysis]".
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from pandas.testing import assert_frame_equal

import catdomain as cd
from catdomain import datasets, exports, tables


def main(argv: list[str]) -> None:
    """Export in every format, read back, compare."""
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="catdomain-export-"))
    dossier = datasets.load()
    findings = cd.validate(dossier, texts=datasets.texts())
    for format in exports.FORMATS:
        folder = out / format
        written = exports.export(dossier, folder, format=format, findings=findings, overwrite=True)
        print(f"{format}: {len(written)} files in {folder}")
        for path in written:
            print(f"  {path.name} ({path.stat().st_size:,} bytes)")
        back = exports.read_back(folder)
        if format == "sdmx-csv":
            sdmx = back["observations-sdmx"]
            assert_frame_equal(sdmx, exports.sdmx_table(dossier))
            print(f"  read back: {len(sdmx)} observations, equal")
            continue
        for name, frame in back.items():
            if name == "findings":
                original = tables.findings(findings)
            elif name == "observations":
                original = tables.observations(dossier, exact=True)
            else:
                original = getattr(tables, name)(dossier)
            assert_frame_equal(frame, original)
        print(f"  read back: {len(back)} tables, equal")


if __name__ == "__main__":
    main(sys.argv[1:])
