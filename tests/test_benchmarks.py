"""The benchmarks run: ``benchmarks/run.py --quick`` completes and prints its table.

Only that: timings depend on the machine and are never asserted in tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "benchmarks" / "run.py"

pytest.importorskip("pydantic")
pytest.importorskip("msgspec")


@pytest.mark.skipif(not RUN.exists(), reason="benchmarks/ is not in this checkout")
def test_quick_benchmark_run_prints_the_table() -> None:
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick"],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    header = next((line for line in out.splitlines() if line.startswith("| # ")), "")
    for column in ("Figure", "Measured", "Target", "Result"):
        assert f"| {column}" in header, column
    for figure in (
        "JSON round trip",
        "Structure with validation",
        "Error path",
        "extract() throughput",
        "extract() growth",
        "Adversarial",
        "validate() growth",
        "import catdomain",
        "Memory held per observation",
    ):
        assert figure in out, figure
    assert "target(s) missed" in out
