"""Atheris target: reading arbitrary bytes and text as a follow-up reply.

Properties checked on every input:

- `decode` either returns text or raises `InputError`;
- `extract` on any text either returns a dossier or raises a `CatdomainError`
  (never another exception);
- every quote in the dossier is exactly the text at its offsets, and the
  dossier writes to JSON and reads back equal.

Run: ``python fuzz/fuzz_extract.py CORPUS_DIR -max_total_time=3600`` (see
``fuzz/README.md``).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import instrumented, main

with instrumented():
    import catdomain as cd
    from catdomain.exceptions import CatdomainError, InputError
    from catdomain.reading._input import decode
    from catdomain.serialization import from_json, to_json


def check(text: str) -> None:
    """extract() gives a dossier with exact quotes, or a CatdomainError."""
    try:
        dossier = cd.extract(text)
    except CatdomainError:
        return
    for path, span in cd.iter_spans(dossier):
        if text[span.start : span.end] != span.quote:
            raise AssertionError(f"{path}: quote {span.quote!r} is not the text at its offsets")
    if from_json(to_json(dossier)) != dossier:
        raise AssertionError("the dossier does not read back equal from its JSON")


def test_one_input(data: bytes) -> None:
    with contextlib.suppress(InputError):
        check(decode(data, source="fuzz.txt"))
    check(data.decode("utf-8", errors="replace"))


if __name__ == "__main__":
    main(test_one_input)
