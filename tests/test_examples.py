"""The examples run: the scripts in examples/, the notebook, and the guide's pictures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
NOTEBOOK = EXAMPLES / "kazakhstan_walkthrough.ipynb"
IMAGES = ROOT / "docs" / "images"


def _env() -> dict[str, str]:
    """The environment with catdomain's sources first on the path (for a source checkout)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    return env


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        capture_output=True,
        text=True,
        env=_env(),
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"{script} failed:\n{result.stderr[-3000:]}"
    return result


def _needs_analysis() -> None:
    for module in ("pandas", "pyarrow", "matplotlib"):
        pytest.importorskip(module, reason="the examples need the 'analysis' extra")


# --------------------------------------------------------------------------
# Scripts


def test_evaluate_reader() -> None:
    out = _run("evaluate_reader.py").stdout
    assert out.startswith("Reader scores on ")


def test_tables_and_plots(tmp_path: Path) -> None:
    _needs_analysis()
    lines = _run("tables_and_plots.py", str(tmp_path)).stdout.splitlines()
    assert "Measures by status:" in lines
    assert "Deaths from disease among prisoners:" in lines
    assert "  change from the figures: -24.1 %" in lines
    written = [line.removeprefix("wrote ") for line in lines if line.startswith("wrote ")]
    assert [Path(p).name for p in written] == [
        "deaths-from-disease.png",
        "suicides.png",
        "january-deaths.png",
        "measures-by-status.png",
    ]
    for path in written:
        assert Path(path).parent == tmp_path
        assert Path(path).stat().st_size > 10_000


def test_tables_and_plots_default_folder() -> None:
    _needs_analysis()
    lines = _run("tables_and_plots.py").stdout.splitlines()
    written = [Path(line.removeprefix("wrote ")) for line in lines if line.startswith("wrote ")]
    assert written
    folder = written[0].parent
    try:
        assert folder.name.startswith("catdomain-plots-")
        assert all(p.is_file() for p in written)
    finally:
        for p in written:
            p.unlink()
        folder.rmdir()


def test_export_dossier(tmp_path: Path) -> None:
    _needs_analysis()
    out = _run("export_dossier.py", str(tmp_path)).stdout
    assert f"csv: 9 files in {tmp_path / 'csv'}" in out
    assert f"parquet: 9 files in {tmp_path / 'parquet'}" in out
    assert f"sdmx-csv: 3 files in {tmp_path / 'sdmx-csv'}" in out
    assert out.count("read back: 8 tables, equal") == 2
    assert "observations, equal" in out
    assert (tmp_path / "parquet" / "datapackage.json").is_file()
    # Running again replaces the files (the script asks for overwrite).
    _run("export_dossier.py", str(tmp_path))


def test_make_plots_draws_the_guide_pictures(tmp_path: Path) -> None:
    _needs_analysis()
    from matplotlib.image import imread

    lines = _run("make_plots.py", str(tmp_path)).stdout.splitlines()
    names = [Path(line.removeprefix("wrote ")).name for line in lines]
    assert len(names) == 7
    for name in names:
        picture = tmp_path / name
        assert picture.stat().st_size > 10_000
        assert imread(picture).shape[:2] == (450, 800)
        assert (IMAGES / name).is_file(), f"docs/images/{name} is missing: run make_plots.py"


def test_guide_shows_the_committed_pictures() -> None:
    """Every picture in docs/images is shown in the guide, and every one shown exists."""
    guide = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    shown = {
        line.split("(images/")[1].split(")")[0]
        for line in guide.splitlines()
        if "](images/" in line
    }
    assert shown == {p.name for p in IMAGES.glob("*.png")}
    for name in shown:
        data = (IMAGES / name).read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert 10_000 < len(data) < 150_000


# --------------------------------------------------------------------------
# The notebook


def test_notebook_is_stored_without_outputs() -> None:
    nbformat = pytest.importorskip("nbformat", reason="the notebook tests need the 'test' extra")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.execution_count is None
        assert cell.outputs == []
    assert notebook.metadata.kernelspec.name == "python3"


def test_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    _needs_analysis()
    nbformat = pytest.importorskip("nbformat", reason="the notebook tests need the 'test' extra")
    nbclient = pytest.importorskip("nbclient", reason="the notebook tests need the 'test' extra")
    pytest.importorskip("ipykernel", reason="the notebook tests need the 'test' extra")
    from jupyter_client.kernelspec import NoSuchKernel

    for key, value in _env().items():
        monkeypatch.setenv(key, value)
    # The kernel's own inline backend shows the figures; a backend set for
    # the test process (Agg) would hide them.
    monkeypatch.delenv("MPLBACKEND", raising=False)
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=300,
        startup_timeout=120,
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    try:
        client.execute()
    except (NoSuchKernel, nbclient.exceptions.DeadKernelError) as error:
        pytest.skip(f"no Jupyter kernel could start here: {error}")
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(
        o.get("text", "") if o.output_type == "stream" else o.get("data", {}).get("text/plain", "")
        for o in outputs
    )
    assert "29 -> 22: -24.1 %" in text
    assert "datapackage.json" in text
    assert text.rstrip().endswith("True")
    pictures = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(pictures) == 5
