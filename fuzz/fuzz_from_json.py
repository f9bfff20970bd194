"""Atheris target: reading arbitrary bytes as dossier JSON.

Properties checked on every input:

- `from_json` on the bytes, and on their text, returns a Dossier or raises
  `SerializationError` (never another exception, never a RecursionError),
  with at least one problem whose path starts with ``$``;
- a dossier read writes back to JSON that reads to an equal dossier.

Run: ``python fuzz/fuzz_from_json.py CORPUS_DIR -max_total_time=3600`` (see
``fuzz/README.md``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import instrumented, main

with instrumented():
    from catdomain.exceptions import SerializationError
    from catdomain.serialization import from_json, to_json


def check(data: str | bytes) -> None:
    try:
        dossier = from_json(data, source="fuzz.json")
    except SerializationError as error:
        if not error.problems or not all(p.path.startswith("$") for p in error.problems):
            message = f"a SerializationError without located problems: {error}"
            raise AssertionError(message) from error
        return
    if from_json(to_json(dossier)) != dossier:
        raise AssertionError("the dossier does not read back equal from its JSON")


def test_one_input(data: bytes) -> None:
    check(data)
    check(data.decode("utf-8", errors="replace"))


if __name__ == "__main__":
    main(test_one_input)
