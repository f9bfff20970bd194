"""Shared set-up of the atheris targets: run under atheris, or replay files without it.

``python fuzz/fuzz_X.py [libFuzzer options] [CORPUS_DIR ...]`` fuzzes with
atheris (libFuzzer); ``python fuzz/fuzz_X.py --replay FILE ...`` runs the
target once on each file, without atheris, to reproduce a crash it saved.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def main(test_one_input: Callable[[bytes], None]) -> None:
    """Fuzz `test_one_input` with atheris, or replay the files given after ``--replay``."""
    if len(sys.argv) > 1 and sys.argv[1] == "--replay":
        for name in sys.argv[2:]:
            files = sorted(Path(name).iterdir()) if Path(name).is_dir() else [Path(name)]
            for file in files:
                test_one_input(file.read_bytes())
                print(f"ok {file}")
        return
    try:
        import atheris
    except ImportError:
        sys.exit("atheris is not installed: pip install atheris (or use --replay FILE)")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


def instrumented() -> object:
    """A context manager instrumenting the imports inside it for coverage, if atheris exists."""
    try:
        import atheris
    except ImportError:
        import contextlib

        return contextlib.nullcontext()
    return atheris.instrument_imports(include=["catdomain"])
