"""Atheris target: the identifier and date parsers accept only what they can print.

The first byte of the input picks a parser, the rest is its text (UTF-8,
undecodable bytes replaced). For every text a parser accepts, the value's
canonical text reads back to an equal value: ``parse(str(parse(x))) ==
parse(x)``; for the strict ISO forms and document symbols the canonical text
is the input itself. Anything a parser refuses must be a `ParseError`.

Run: ``python fuzz/fuzz_parsers.py CORPUS_DIR -max_total_time=3600`` (see
``fuzz/README.md``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import instrumented, main

with instrumented():
    from catdomain._dates import Instant, PartialDate, Period, Pooled, parse_date, parse_time
    from catdomain.exceptions import ParseError
    from catdomain.identifiers import (
        DocumentSymbol,
        ParagraphRef,
        ProvisionPath,
        parse_provisions,
    )

REFERENCE = PartialDate(2024, 5, 13)


def _time(text: str) -> Any:
    return parse_time(text, reference=REFERENCE)


def _reread_time(value: Any) -> Any:
    return type(value).parse(str(value))


def _reread_provisions(value: Any) -> Any:
    return tuple(ProvisionPath.parse(str(p)) for p in value)


# (parser, how to read its value's canonical text back, whether that text must be the input)
PARSERS: list[tuple[Callable[[str], Any], Callable[[Any], Any] | None, bool]] = [
    (DocumentSymbol.parse, None, True),
    (ParagraphRef.parse, None, False),
    (ProvisionPath.parse, None, False),
    (parse_provisions, _reread_provisions, False),
    (parse_date, None, False),
    (_time, _reread_time, False),
    (PartialDate.parse, None, True),
    (Instant.parse, None, True),
    (Period.parse, None, True),
    (Pooled.parse, None, True),
]


def test_one_input(data: bytes) -> None:
    if not data:
        return
    parse, reread, exact = PARSERS[data[0] % len(PARSERS)]
    text = data[1:].decode("utf-8", errors="replace")
    try:
        value = parse(text)
    except ParseError:
        return
    again = reread(value) if reread is not None else parse(str(value))
    if again != value:
        raise AssertionError(f"{text!r} reads as {value!r}, its text {str(value)!r} as {again!r}")
    if exact and str(value) != text:
        raise AssertionError(f"{text!r} is accepted but prints as {str(value)!r}")


if __name__ == "__main__":
    main(test_one_input)
