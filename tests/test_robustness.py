"""Robustness: bad input gives a documented error, fuzzing finds nothing, no reader hangs.

What this file checks, in order:

1. A catalogue of bad inputs for the JSON reader (`from_json`), the text
   reader (`decode`, `read_document`, then `extract`) and the identifier and
   date parsers. Each gives either a correct result or a documented
   `CatdomainError` that names the source, the position or JSON path, and
   what is wrong. (The command line is covered in ``test_cli.py``.)
2. Fuzzing with Hypothesis: `extract` on arbitrary and mutated replies,
   `from_json` on arbitrary and mutated JSON, the parsers' round trips.
   Example counts come from the profile in ``conftest.py`` (``dev`` 100,
   ``ci`` 50, ``fuzz`` 5,000): ``HYPOTHESIS_PROFILE=fuzz pytest
   tests/test_robustness.py -k fuzz`` is the long hunt.
3. Adversarial texts fed to every reader in a child process, each reader
   under a hang guard (`faulthandler` ends the child, printing where it
   hung). The guard is generous: it catches hangs, it is not a timing test.
4. Size: `read_document`'s limit, and `extract` on a few megabytes. The
   50 MB extraction takes minutes and runs only with ``RUN_SLOW=1``::

       RUN_SLOW=1 .venv/bin/python -m pytest -q tests/test_robustness.py -k slow

5. Security: no pickle, marshal, eval, unsafe YAML, subprocesses or network
   modules in the library; export paths cannot leave their folder.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import catdomain as cd
from catdomain import datasets
from catdomain import testing as cst
from catdomain._dates import Instant, PartialDate, Period, Pooled, parse_date, parse_time
from catdomain.exceptions import CatdomainError, InputError, ParseError, SerializationError
from catdomain.identifiers import DocumentSymbol, ParagraphRef, ProvisionPath, parse_provisions
from catdomain.reading._input import DEFAULT_MAX_BYTES, decode, read_document
from catdomain.reading.structure import read_reply
from catdomain.serialization import from_json, to_json

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src" / "catdomain"
REPLIES = sorted((HERE / "replies").glob("*.txt"))
RUN_SLOW = os.environ.get("RUN_SLOW") == "1"

# Health checks that random documents and long texts trip without meaning anything.
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check_spans(text: str, dossier: cd.Dossier) -> None:
    """Every quote in `dossier` is the text at its offsets; paragraphs lie in the text."""
    for path, span in cd.iter_spans(dossier):
        assert text[span.start : span.end] == span.quote, path
    for document in dossier.documents:
        for paragraph in document.paragraphs:
            assert 0 <= paragraph.start <= paragraph.end <= len(text), paragraph


# ==========================================================================
# 1. The JSON reader: a catalogue of bad documents

VERSION = '"schema_version": "1.0"'


def _doc(body: str) -> str:
    return "{" + VERSION + ', "id": "d-1"' + body + "}"


# (id, JSON text, JSON path of the first problem, words of its message)
BAD_JSON: list[tuple[str, str, str, str]] = [
    ("empty", "", "$", "line 1 column 1"),
    ("whitespace only", " \n\t", "$", "Expecting value"),
    ("open brace", "{", "$", "line 1 column 2"),
    ("trailing comma", "{" + VERSION + ', "id": "d-1",}', "$", "line 1 column 39"),
    ("single quotes", "{'id': 'd-1'}", "$", "Expecting property name"),
    ("comment", _doc(" /* note */"), "$", "Expecting ','"),
    ("bare word", "dossier", "$", "Expecting value"),
    ("utf-8 bom in text", "\ufeff" + _doc(""), "$", "BOM"),
    ("null", "null", "$", "an object (a Dossier document)"),
    ("array", "[]", "$", "an object (a Dossier document)"),
    ("number", "42", "$", "an object (a Dossier document)"),
    ("string", '"d-1"', "$", "an object (a Dossier document)"),
    ("missing schema_version", '{"id": "d-1"}', "$.schema_version", "required field"),
    ("missing id", "{" + VERSION + "}", "$.id", "required field"),
    ("version as number", '{"schema_version": 1.0, "id": "d-1"}', "$.schema_version", "version"),
    (
        "version from the future",
        '{"schema_version": "9.0", "id": "d-1"}',
        "$.schema_version",
        "9.0",
    ),
    ("id as number", "{" + VERSION + ', "id": 12}', "$.id", "a string"),
    ("id with spaces", "{" + VERSION + ', "id": "d 1"}', "$.id", "valid Dossier.id"),
    ("unknown key", _doc(', "colour": "red"'), "$", "unknown key 'colour'"),
    ("duplicate key", _doc(', "title": "a", "title": "b"'), "$.title", "more than once"),
    ("NaN", _doc(', "title": NaN'), "$.title", "NaN"),
    ("Infinity", _doc(', "title": Infinity'), "$.title", "Infinity"),
    ("minus Infinity", _doc(', "title": -Infinity'), "$.title", "-Infinity"),
    ("huge integer", _doc(', "title": ' + "9" * 5000), "$", "invalid JSON"),
    ("list for an object list", _doc(', "documents": {}'), "$.documents", "an array"),
    ("string for a list", _doc(', "measures": "m-1"'), "$.measures", "an array"),
    ("deep list", _doc(', "title": ' + "[" * 100_000 + "]" * 100_000), "$", "nested"),
    ("deep object", '{"a":' * 100_000 + "1" + "}" * 100_000, "$", "nested"),
    ("deep in a list", _doc(', "documents": [' + "[" * 50_000 + "]" * 50_000 + "]"), "$", ""),
]


@pytest.mark.parametrize(
    ("text", "path", "words"),
    [case[1:] for case in BAD_JSON],
    ids=[case[0] for case in BAD_JSON],
)
def test_bad_json_is_a_serialization_error(text: str, path: str, words: str) -> None:
    """Malformed, mistyped, incomplete or over-deep JSON names the source, the path and why."""
    with pytest.raises(SerializationError) as caught:
        from_json(text, source="broken.json")
    error = caught.value
    assert error.source == "broken.json"
    assert "broken.json" in str(error)
    assert error.problems, error
    assert error.problems[0].path.startswith(path), error
    assert words in str(error), error


@pytest.mark.parametrize(
    "number", ["1e9999999999999999999", "-1E-9999999999999999999", "11e" + "1" * 76 + "2"]
)
def test_json_number_with_a_huge_exponent(number: str) -> None:
    """A number too large for a decimal is a SerializationError, like any other bad JSON."""
    with pytest.raises(SerializationError):
        from_json(_doc(', "title": ' + number), source="huge.json")


def _sample(document: dict[str, Any], *keys: str | int) -> dict[str, Any]:
    node: Any = document
    for key in keys:
        node = node[key]
    assert isinstance(node, dict)
    return node


@pytest.mark.parametrize(
    ("where", "key", "value", "path", "words"),
    [
        (("series", 0, "observations", 0), "value", 19.5, "", ""),
        (("series", 0, "observations", 0), "value", "NaN", ".value", "decimal number"),
        (("series", 0, "observations", 0), "value", "Infinity", ".value", "decimal number"),
        (("series", 0, "observations", 0), "value", "1,352", ".value", "decimal number"),
        (("series", 0, "observations", 0), "value", True, ".value", "decimal number"),
        (("series", 0, "observations", 0), "value", [], ".value", "decimal number"),
        (("documents", 0), "kind", None, ".kind", "one of"),
        (("documents", 0), "kind", "memo", ".kind", "one of"),
        (("documents", 0), "adopted", "2023-02-30", ".adopted", "day must be 1 to 28"),
        (("documents", 0), "adopted", 2023, ".adopted", "ISO 8601"),
        (("documents", 0), "symbol", "cat/c/kaz/co/4", ".symbol", "upper case"),
        (("documents", 0), "colour", "red", "", "unknown key 'colour'"),
        (("recommendations", 0), "paragraph", "10", ".paragraph", "an integer"),
        (("recommendations", 0), "paragraph", 10.0, ".paragraph", "an integer"),
        (("citations", 0), "provisions", ["article"], ".provisions[0]", "provision"),
    ],
    ids=[
        "float decimal is exact", "NaN decimal", "Infinity decimal", "grouped decimal",
        "bool decimal", "list decimal", "null vocabulary", "unknown vocabulary",
        "impossible date", "number date", "lower-case symbol", "nested unknown key",
        "string integer", "float integer", "provision without number",
    ],
)  # fmt: skip
def test_wrong_values_deep_inside_name_their_path(
    sample_document: dict[str, Any],
    *,
    where: tuple[str | int, ...],
    key: str,
    value: object,
    path: str,
    words: str,
) -> None:
    """A wrong value deep in a document is reported with its full JSON path."""
    _sample(sample_document, *where)[key] = value
    text = json.dumps(sample_document)
    if not words:  # accepted: JSON numbers are read exactly
        dossier = from_json(text)
        assert dossier.series[0].observations[0].value == Decimal("19.5")
        return
    with pytest.raises(SerializationError) as caught:
        from_json(text, source="sample.json")
    prefix = "$." + ".".join(str(k) if isinstance(k, str) else f"[{k}]" for k in where)
    prefix = prefix.replace(".[", "[")
    assert any(p.path.startswith(prefix + path) for p in caught.value.problems), caught.value
    assert words in str(caught.value)


def test_missing_nested_field_is_named(sample_document: dict[str, Any]) -> None:
    """A required field missing deep inside is reported at its path."""
    del sample_document["documents"][0]["kind"]
    with pytest.raises(SerializationError, match=r"\$\.documents\[0\]\.kind: expected a value"):
        from_json(json.dumps(sample_document))


def test_decimals_with_thousands_of_digits_are_exact(sample_document: dict[str, Any]) -> None:
    """A decimal written with 5,000 digits is read exactly and written back unchanged."""
    digits = "1." + "3" * 5000
    _sample(sample_document, "series", 0, "observations", 0)["value"] = digits
    dossier = from_json(json.dumps(sample_document))
    assert str(dossier.series[0].observations[0].value) == digits
    assert json.loads(to_json(dossier))["series"][0]["observations"][0]["value"] == digits


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b'{"id": "caf\xe9"}', "invalid UTF-8 at byte 11"),
        ("{}".encode("utf-16"), "invalid UTF-8 at byte 0"),
        (b"\x89PNG\r\n\x1a\n", "invalid UTF-8 at byte 0"),
    ],
    ids=["latin-1 bytes", "utf-16 bytes", "binary bytes"],
)
def test_bytes_that_are_not_utf8(data: bytes, words: str) -> None:
    """Bytes that are not UTF-8 are refused with the byte position."""
    with pytest.raises(SerializationError, match=words):
        from_json(data, source="bytes.json")


def test_from_json_refuses_other_types() -> None:
    """Only str and bytes are JSON text."""
    with pytest.raises(TypeError):
        from_json(123)  # type: ignore[call-overload]


# ==========================================================================
# 1. The text reader: files and bytes

TEXT = "1.\tThe Act of 5\u00a0May 2023 was adopted.\n2.\tIt is in force since 2024.\n"

# (id, bytes, the text expected, or None when an InputError is expected, words of it)
FILES: list[tuple[str, bytes, str | None, str]] = [
    ("empty", b"", "", ""),
    ("utf-8", TEXT.encode(), TEXT, ""),
    ("utf-8 with bom", b"\xef\xbb\xbf" + TEXT.encode(), TEXT, ""),
    ("utf-16 with bom", TEXT.encode("utf-16"), TEXT, ""),
    ("utf-16-be with bom", b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT, ""),
    ("utf-16 without bom", TEXT.encode("utf-16-le"), TEXT, ""),
    ("utf-32 with bom", TEXT.encode("utf-32"), TEXT, ""),
    ("crlf", TEXT.replace("\n", "\r\n").encode(), TEXT.replace("\n", "\r\n"), ""),
    ("lone cr", TEXT.replace("\n", "\r").encode(), TEXT.replace("\n", "\r"), ""),
    ("windows-1252", "caf\u00e9 \u201cquoted\u201d".encode("cp1252"), None, "UTF-8 at byte 3"),
    ("truncated utf-8", "caf\u00e9".encode()[:-1], None, "UTF-8 at byte 3"),
    ("truncated utf-16", b"\xff\xfe" + "ab".encode("utf-16-le") + b"c", None, "UTF-16 at byte"),
    ("nul byte", b"1.\tText\x00more", None, "NUL byte at byte 7"),
    ("pdf under .txt", b"%PDF-1.7\n...", None, "looks like a PDF document"),
    ("zip under .txt", b"PK\x03\x04....", None, "looks like a ZIP archive"),
    ("png", b"\x89PNG\r\n\x1a\n....", None, "looks like a PNG image"),
    ("gzip", b"\x1f\x8b\x08\x00", None, "looks like a gzip archive"),
    ("executable", b"\x7fELF\x02\x01", None, "looks like an executable"),
    ("random binary", bytes(range(256)) * 4, None, "not plain text"),
]


@pytest.mark.parametrize(
    ("data", "expected", "words"),
    [case[1:] for case in FILES],
    ids=[case[0] for case in FILES],
)
def test_text_files(tmp_path: Path, data: bytes, expected: str | None, words: str) -> None:
    """Each file reads to its exact text, or gives an InputError naming the file and why."""
    file = tmp_path / "reply.txt"
    file.write_bytes(data)
    if expected is not None:
        text = read_document(file)
        assert text == expected
        check_spans(text, cd.extract(text))
        return
    with pytest.raises(InputError) as caught:
        read_document(file)
    assert caught.value.path == str(file)
    assert str(file) in str(caught.value)
    assert words in caught.value.reason


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda folder: folder / "missing.txt", "no such file"),
        (lambda folder: folder, "is a directory"),
    ],
    ids=["missing", "directory"],
)
def test_unreadable_paths(tmp_path: Path, make: Callable[[Path], Path], words: str) -> None:
    """A missing file or a folder gives an InputError, not an OSError from inside."""
    with pytest.raises(InputError, match=words):
        read_document(make(tmp_path))


def test_decode_refuses_non_bytes() -> None:
    """decode() takes bytes-like data only."""
    with pytest.raises(TypeError):
        decode("text")  # type: ignore[arg-type]


INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width joiner": "\u200d",
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    "right-to-left override": "\u202e",
    "pop directional formatting": "\u202c",
    "first strong isolate": "\u2068",
    "soft hyphen": "\u00ad",
    "byte-order mark inside": "\ufeff",
    "non-breaking space": "\u00a0",
    "narrow no-break space": "\u202f",
    "figure space": "\u2007",
    "non-breaking hyphen": "\u2011",
    "line separator": "\u2028",
    "form feed": "\f",
}


@pytest.mark.parametrize("character", list(INVISIBLE.values()), ids=list(INVISIBLE))
def test_invisible_and_special_characters_keep_offsets(character: str) -> None:
    """Special characters anywhere in a reply change no offset and break nothing."""
    base = (REPLIES[0].read_bytes().decode("utf-8-sig") + "\n") * 2
    for step in (1, 7, 31):
        text = character.join(base[i : i + step] for i in range(0, len(base), step))
        check_spans(text, cd.extract(text))
    text = base.replace(" ", character)
    check_spans(text, cd.extract(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t\r\n",
        "\n" * 1000,
        "The Government has taken note of the recommendations.",
        "Follow-up information relating to paragraph 10\n",
        "\u200b\u202e\u00a0",
        "1.",
        "1.\t",
    ],
    ids=[
        "empty", "blank", "only newlines", "one sentence", "heading only",
        "only invisible characters", "number only", "number and tab",
    ],
)  # fmt: skip
def test_replies_without_paragraphs(text: str) -> None:
    """A reply with no paragraphs reads to a dossier with what little there is."""
    structure = read_reply(text)
    dossier = cd.extract(text)
    check_spans(text, dossier)
    assert len(dossier.replies[0].paragraphs) == len(structure.paragraphs) <= 1


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_line_endings_give_the_same_reading(ending: str) -> None:
    """LF, CRLF and CR replies give the same paragraphs and figures, offsets exact each."""
    base = "\n".join(p.read_bytes().decode("utf-8-sig") for p in REPLIES[:4])
    base = base.replace("\r\n", "\n").replace("\r", "\n")
    text = base.replace("\n", ending)
    dossier = cd.extract(text)
    check_spans(text, dossier)
    reference = cd.extract(base)
    assert [p.number for p in dossier.replies[0].paragraphs] == [
        p.number for p in reference.replies[0].paragraphs
    ]
    assert [o.value for s in dossier.series for o in s.observations] == [
        o.value for s in reference.series for o in s.observations
    ]


def test_extract_refuses_bytes() -> None:
    """extract() reads text, and says to decode bytes first."""
    with pytest.raises(TypeError, match="decode bytes first"):
        cd.extract(b"1. Text")  # type: ignore[arg-type]


# ==========================================================================
# 1. The identifier and date parsers


def _huge(digits: int) -> str:
    return "1" * digits


# (parser, text, position of the error or None, words of the reason)
BAD_IDENTIFIERS: list[tuple[str, Callable[[str], object], str, int | None, str]] = [
    ("symbol empty", DocumentSymbol.parse, "", None, "empty text"),
    ("symbol padded", DocumentSymbol.parse, " CAT/C/KAZ/CO/4", None, "surrounding whitespace"),
    ("symbol lower case", DocumentSymbol.parse, "cat/c/kaz/co/4", 0, "upper case"),
    ("symbol empty part", DocumentSymbol.parse, "CAT//KAZ", 3, "empty part"),
    ("symbol trailing slash", DocumentSymbol.parse, "CAT/C/KAZ/CO/", 12, "ends with '/'"),
    ("symbol one part", DocumentSymbol.parse, "CAT", None, "at least two parts"),
    ("symbol zero width", DocumentSymbol.parse, "CAT/C/\u200bKAZ", 6, "not a valid part"),
    ("symbol nbsp", DocumentSymbol.parse, "CAT/C/KAZ\u00a0CO/4", 9, "no whitespace"),
    ("symbol too long", DocumentSymbol.parse, "CAT/" + "C" * 300, None, "longer than 200"),
    ("symbol reversed cycles", DocumentSymbol.parse, "CAT/C/KAZ/CO/6-5", 13, "increase"),
    ("symbol modifier first", DocumentSymbol.parse, "CAT/C/Add.1/KAZ", 6, "come last"),
    ("paragraph empty", ParagraphRef.parse, "", None, "empty text"),
    ("paragraph label only", ParagraphRef.parse, "paragraph", None, "found nothing"),
    ("paragraph open range", ParagraphRef.parse, "11\u2013", None, "ends the range"),
    ("paragraph reversed range", ParagraphRef.parse, "15\u201311", 3, "end after its start"),
    ("paragraph zero", ParagraphRef.parse, "0", 0, "start at 1"),
    ("paragraph nested sub", ParagraphRef.parse, "3 (a) (i)", 6, "nested"),
    ("paragraph capital sub", ParagraphRef.parse, "3 (A)", 2, "sub-paragraph"),
    ("paragraph zero width", ParagraphRef.parse, "10\u200b", 2, "unexpected character"),
    ("paragraph 5,000 digits", ParagraphRef.parse, _huge(5000), 0, "too long"),
    ("paragraph huge range end", ParagraphRef.parse, "1\u2013" + _huge(5000), 2, "too long"),
    ("provision empty", ProvisionPath.parse, "", None, "empty text"),
    ("provision plural", ProvisionPath.parse, "articles 5 and 6", 0, "parse_provisions"),
    ("provision unit only", ProvisionPath.parse, "article", None, "found nothing"),
    ("provision unknown unit", ProvisionPath.parse, "item 5", 0, "unknown unit"),
    ("provision trailing words", ProvisionPath.parse, "article 5 of the Code", 10, "unexpected"),
    ("provisions long range", parse_provisions, "articles 1\u20135000", 9, "more than 1000"),
    ("provisions reversed range", parse_provisions, "articles 12\u201310", 12, "end after"),
    ("provisions huge range", parse_provisions, "articles 1 to " + _huge(5000), 14, "too long"),
    ("provisions dangling of", parse_provisions, "paragraph 3 of", None, "after 'of'"),
    ("date empty", parse_date, "", None, "empty text"),
    ("date 31 February", parse_date, "31 February 2023", 0, "day must be 1 to 28"),
    ("date unknown month", parse_date, "31 Febtember 2023", 3, "unknown month name"),
    ("date no year", parse_date, "24 December", 0, "year is missing"),
    ("date year 0", parse_date, "0000", 0, "year must be 1 to 9999"),
    ("date arabic digits", parse_date, "\u0662\u0660\u0662\u0663", 0, "unexpected character"),
    ("date long number", parse_date, _huge(100_000), 0, "neither a day"),
    ("time relative without reference", parse_time, "over the past three years", None, "ref"),
    ("time open from", parse_time, "from 2021", None, "expected 'to'"),
    ("time dangling between", parse_time, "between 2021", None, "expected 'and'"),
    ("time ambiguous start", parse_time, "December to March 2023", 0, "ambiguous"),
    ("iso date unpadded", PartialDate.parse, "2023-5", None, "YYYY-MM"),
    ("iso date padded", PartialDate.parse, " 2023", None, "YYYY"),
    ("iso date with newline", PartialDate.parse, "2023\n", None, "YYYY"),
    ("iso date 30 February", PartialDate.parse, "2024-02-30", None, "day must be 1 to 29"),
    ("period one date twice", Period.parse, "2023/2023", None, "written as '2023'"),
    ("period both open", Period.parse, "../..", None, "needs a start"),
    ("period three parts", Period.parse, "2021/2022/2023", None, "one '/'"),
]


@pytest.mark.parametrize(
    ("parse", "text", "position", "words"),
    [case[1:] for case in BAD_IDENTIFIERS],
    ids=[case[0] for case in BAD_IDENTIFIERS],
)
def test_bad_identifiers_and_dates(
    parse: Callable[[str], object], text: str, position: int | None, words: str
) -> None:
    """Each parser refuses with a ParseError naming the text, the position and the reason."""
    with pytest.raises(ParseError) as caught:
        parse(text)
    error = caught.value
    assert error.text == text
    assert error.position == position, error
    assert words in error.reason, error
    shown = text if len(text) <= 80 else text[:77] + "..."
    assert repr(shown) in str(error)


# ==========================================================================
# 2. Fuzzing: extract()

PIECES = [
    "In 2023, ", "there were ", "22", "1,352", "4\u00a0500", "19.2", " per cent", " persons",
    ", of whom ", "including ", " (", ")", " in 2022", " and ", ", or ", "a decrease of ",
    "No. ", "article ", "articles 1 and 2 of the Criminal Code", ": ", "; ", ". ", "\n",
    "\r\n", "\r", "\t", "over ", "about ", "the ", "three", "US$ ", " million", "by 2030",
    "\u2013", "\u2014", "\u2011", "\u00a0", "\u200b", "\u200e", "\u202e", "\u00ad", "\ufeff",
    "of which ", "(", "respectively, ", "1.\t", "2.\t", "12. ", "(a) ", "\u2022\t", "*",
    "Paragraph 10\n", "Follow-up information relating to paragraphs 11\u201315 of the "
    "concluding observations (CAT/C/KAZ/CO/4)\n", "CAT/C/KAZ/FCO/4", "GE.24-08123(E)\n",
    "Order No. 162 of the Procurator General of 24 December 2014",
    "orders of the Minister of Health, No. 1 of 2 May 2020, and the Minister of Justice, No. 2",
    "The Committee recommends that the State party ", "Reply:", "\u201c", "\u201d", "the Code",
    "(Code, art. 68)", "Law on the Police", "the instructions on ", "since 2005",
    "over the past three years", "as at 1 January 2023", "from 2021 to 2023",
    "between 2021 and 2023", "31 February 2023", "Ministry of Internal Affairs",
    "9" * 30, "0.000001", "\u2212", "%", "men and women", "   ", "Add.1", "para. 12", "\u00a7 3",
]  # fmt: skip


def _seed_chunks() -> list[str]:
    seed = datasets.text()
    return [seed[i : i + 3000] for i in range(0, len(seed), 3000)]


BASES = [p.read_bytes().decode("utf-8-sig") for p in REPLIES] + _seed_chunks()


@st.composite
def mutated_replies(draw: st.DrawFn) -> str:
    """A real reply (or a piece of the seed) with pieces inserted, deleted, duplicated."""
    text = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(0, 20))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate", "piece", "swap"]))
        if action == "insert":
            text = text[:at] + draw(st.text(max_size=5)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 60)) :]
        elif action == "duplicate":
            text = text[:at] + text[at : at + draw(st.integers(1, 300))] + text[at:]
        elif action == "piece":
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        else:
            text = text[at:] + text[:at]
    return text


REPLY_TEXTS = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    mutated_replies(),
)


@FUZZ
@given(REPLY_TEXTS)
def test_fuzz_extract_only_raises_catdomain_errors(text: str) -> None:
    """Any text reads to a dossier whose quotes are exact, which writes and reads back."""
    try:
        dossier = cd.extract(text)
    except CatdomainError:  # documented failures only
        return
    check_spans(text, dossier)
    assert from_json(to_json(dossier)) == dossier


@pytest.mark.parametrize("value", [b"1. Text", None, 12, ["1. Text"]], ids=repr)
def test_extract_of_non_text_is_a_type_error(value: object) -> None:
    """Anything but a str is a TypeError."""
    with pytest.raises(TypeError):
        cd.extract(value)  # type: ignore[arg-type]


# ==========================================================================
# 2. Fuzzing: from_json()

JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**60), max_value=10**60),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["1.0", "2023", "2023-05-10", "19.2", "CAT/C/KAZ/CO/4", "article 5", "10"]),
)
ARBITRARY_JSON = st.recursive(
    JSON_LEAVES,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.text(max_size=12), children, max_size=5),
    ),
    max_leaves=30,
)
DOSSIER_KEYS = [
    "schema_version", "id", "title", "documents", "recommendations", "authorities",
    "instruments", "citations", "measures", "indicators", "series", "breakdowns", "changes",
    "equivalences", "assessments", "scales", "tags",
]  # fmt: skip


@st.composite
def dossier_like(draw: st.DrawFn) -> dict[str, Any]:
    """An object with a Dossier's keys, some of them, holding arbitrary JSON."""
    document: dict[str, Any] = {"schema_version": "1.0", "id": "d-1"}
    for key in draw(st.lists(st.sampled_from(DOSSIER_KEYS), max_size=4)):
        document[key] = draw(ARBITRARY_JSON)
    return document


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*path, index)))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """A valid dossier document with values replaced, keys removed or added."""
    document = json.loads(to_json(draw(cst.dossiers(max_size=2))))
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(document) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = document
        for key in path[:-1]:
            parent = parent[key]
        action = draw(st.sampled_from(["replace", "delete", "add", "wrap"]))
        if action == "replace":
            parent[path[-1]] = draw(ARBITRARY_JSON)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = draw(ARBITRARY_JSON)
        else:
            parent[path[-1]] = [parent[path[-1]]]
    return document


def _read_or_refuse(text: str | bytes) -> None:
    try:
        dossier = from_json(text, source="fuzz.json")
    except SerializationError as error:
        problems = error.problems
    else:
        assert from_json(to_json(dossier)) == dossier
        return
    assert problems
    assert all(p.path.startswith("$") for p in problems)


@FUZZ
@given(st.one_of(ARBITRARY_JSON, dossier_like()))
def test_fuzz_from_json_on_arbitrary_json(document: Any) -> None:
    """Arbitrary JSON is a dossier or a SerializationError, never another exception."""
    _read_or_refuse(json.dumps(document, allow_nan=True))


@FUZZ
@given(mutated_documents())
def test_fuzz_from_json_on_mutated_documents(document: Any) -> None:
    """Valid documents with parts replaced, removed or added never raise anything else."""
    _read_or_refuse(json.dumps(document, allow_nan=True))


@FUZZ
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_fuzz_from_json_on_arbitrary_text_and_bytes(data: str | bytes) -> None:
    """Arbitrary text and bytes are refused with a SerializationError (or read)."""
    _read_or_refuse(data)


@FUZZ
@given(st.data())
def test_fuzz_from_json_on_truncated_documents(data: st.DataObject) -> None:
    """A document cut anywhere is refused with a SerializationError."""
    text = to_json(data.draw(cst.dossiers(max_size=2)))
    cut = data.draw(st.integers(0, len(text) - 2))
    with pytest.raises(SerializationError):
        from_json(text[:cut].rstrip("\n"), source="cut.json")


# ==========================================================================
# 2. Fuzzing: the parsers round-trip what they accept


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str], pieces: list[str]) -> str:
    """Text from `base` with up to three pieces inserted, characters deleted or case changed."""
    text = draw(base)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "upper", "lower", "space"]))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(pieces)) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + 1 :]
        elif action == "upper":
            text = text.upper()
        elif action == "lower":
            text = text.lower()
        else:
            text = text[:at] + draw(st.sampled_from([" ", "\u00a0", "\u200b", "\t"])) + text[at:]
    return text


def _soup(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=10).map("".join)


SYMBOL_PIECES = [
    "CAT", "C", "KAZ", "CO", "4", "5-6", "Add.1", "Corr.2", "/", "E", "C.12", "SR.842", "OP",
    "ROSP", "1", "cat", " ", "-", ".", "HRI", "CORE", "GC", "99", "A", "HRC", "WG.6", "Rev.1",
]  # fmt: skip
PARAGRAPH_PIECES = [
    "paragraph ", "paragraphs ", "para. ", "paras. ", "Paragraph ", "1", "10", "3", "(a)",
    "(b)", "(iv)", "(", ")", ",", " and ", " to ", "\u2013", "-", "\u2014", "\u2011", " ",
    "0", "999", "(aa)", ", and ",
]  # fmt: skip
PROVISION_PIECES = [
    "article ", "articles ", "art. ", "Arts. ", "paragraph ", "paragraphs ", "section ",
    "sec. ", "ch. ", "chapter ", "part ", "point ", "rule ", "clause ", "362", "4", "143-1",
    "90.7.2", "IV", "(4)", "(a)", "(iv)", "(2)", ",", " and ", " to ", "\u2013", " of ",
    " ", "\u2010", "1a", "5", "6",
]  # fmt: skip
DATE_PIECES = [
    "24 ", "1st ", "2nd ", "December ", "Dec. ", "Sept. ", "2014", "2023-05-10", "2023-05",
    "of ", "on ", "dated ", ", ", " ", "31 ", "February ", "29 ", "2024", "May ", "MARCH ",
]  # fmt: skip
TIME_PIECES = [
    *DATE_PIECES, "in ", "since ", "until ", "by ", "as at ", "as of ", "at ", "from ", "to ",
    "between ", "and ", " onwards", "\u2013", "the period ", "over the past ", "three ",
    "years", "last year", "this year", "up to ", "during ", "2021", "2023", "January ",
]  # fmt: skip
ISO_PIECES = ["2023", "0001", "9999", "-", "05", "12", "13", "29", "02", "/", "..", "+", "2024"]

SYMBOLS = st.one_of(cst.document_symbols().map(str), _soup(SYMBOL_PIECES))
PARAGRAPHS = st.one_of(cst.paragraph_refs().map(str), _soup(PARAGRAPH_PIECES))
PROVISIONS = st.one_of(cst.provision_paths().map(str), _soup(PROVISION_PIECES))
DATES = st.one_of(
    cst.partial_dates().map(str),
    st.builds(
        "{} {} {}".format,
        st.integers(1, 31),
        st.sampled_from(["January", "Feb.", "march", "Sept.", "December"]),
        st.integers(1, 9999),
    ),
    _soup(DATE_PIECES),
)
TIMES = st.one_of(DATES, cst.time_references().map(str), _soup(TIME_PIECES))
ISO = st.one_of(cst.time_references().map(str), _soup(ISO_PIECES))


def _accepted(parse: Callable[[str], Any], text: str) -> Any:
    """parse(text), or None when it is refused with a ParseError (nothing else is allowed)."""
    try:
        value = parse(text)
    except ParseError as error:
        refused = error
    else:
        event("accepted")
        return value
    assert refused.text == text
    event("refused")
    return None


def _round_trips(parse: Callable[[str], Any], text: str, *, exact: bool) -> None:
    value = _accepted(parse, text)
    if value is None:
        return
    canonical = str(value)
    assert parse(canonical) == value, (text, canonical)
    assert str(parse(canonical)) == canonical
    if exact:
        assert canonical == text


@FUZZ
@given(mutated(SYMBOLS, SYMBOL_PIECES))
def test_fuzz_document_symbols_round_trip(text: str) -> None:
    """A symbol that parses prints back exactly as written."""
    _round_trips(DocumentSymbol.parse, text, exact=True)


@FUZZ
@given(mutated(PARAGRAPHS, PARAGRAPH_PIECES))
def test_fuzz_paragraph_refs_round_trip(text: str) -> None:
    """parse(str(parse(x))) == parse(x) for every paragraph reference accepted."""
    _round_trips(ParagraphRef.parse, text, exact=False)


@FUZZ
@given(mutated(PROVISIONS, PROVISION_PIECES))
def test_fuzz_provisions_round_trip(text: str) -> None:
    """One provision, or a list of them, reads back from its canonical text."""
    _round_trips(ProvisionPath.parse, text, exact=False)
    listed = _accepted(parse_provisions, text)
    if listed is not None:
        assert tuple(ProvisionPath.parse(str(p)) for p in listed) == listed


@FUZZ
@given(mutated(DATES, DATE_PIECES))
def test_fuzz_dates_round_trip(text: str) -> None:
    """A prose date reads back from its ISO 8601 form, which parse_date also reads."""
    _round_trips(parse_date, text, exact=False)


@FUZZ
@given(
    mutated(TIMES, TIME_PIECES),
    st.sampled_from([None, PartialDate(2024, 5, 13), PartialDate(1), PartialDate(9999)]),
)
def test_fuzz_time_expressions_round_trip(text: str, reference: PartialDate | None) -> None:
    """A time expression's canonical text reads back, by its own type, to an equal value."""
    value = _accepted(lambda t: parse_time(t, reference=reference), text)
    if value is None:
        return
    assert type(value).parse(str(value)) == value, (text, str(value))


@FUZZ
@given(mutated(ISO, ISO_PIECES))
def test_fuzz_iso_forms_are_exact(text: str) -> None:
    """The strict ISO forms accept only what their str() produces: str(parse(x)) == x."""
    for parse in (PartialDate.parse, Instant.parse, Period.parse, Pooled.parse):
        _round_trips(parse, text, exact=True)


# ==========================================================================
# 3. Adversarial inputs: no reader hangs

GUARD_SECONDS = 60
SENTENCE = (
    "On 24 December 2014, Order No. 162 of the Procurator General approved the rules; "
    "1\u00a0352 officials (19.2 per cent) were trained in 2021\u20132023 under article 362 (4) "
    "of the Criminal Code. "
)
ADVERSARIAL: dict[str, Callable[[], str]] = {
    "100k digits": lambda: "1" * 100_000,
    "1, 2, 3, ... x10k": lambda: ", ".join(str(i) for i in range(1, 10_001)),
    "(((( x10k": lambda: "(" * 10_000,
    "( and ) x10k": lambda: "(" * 10_000 + "12 persons" + ")" * 10_000,
    "No. x10k": lambda: "No. " * 10_000,
    "article 1, x10k": lambda: "article 1, " * 10_000,
    "1 MB line of prose": lambda: (SENTENCE * (1_000_000 // len(SENTENCE) + 1))[:1_000_000],
    "1 MB of one letter": lambda: "a" * 1_000_000,
    "unicode spaces": lambda: "\u00a0\u2009\u202f\u3000\u2007\u205f\u200b " * 12_500,
    "digits grouped by unicode spaces": lambda: "1\u00a0000\u202f" * 20_000,
    "month names x10k": lambda: "January " * 10_000,
    "days and months x10k": lambda: "1 January, " * 10_000,
    "paragraphs 1-2, 3-4, ...": lambda: (
        "paragraphs " + ", ".join(f"{i}\u2013{i + 1}" for i in range(1, 20_000, 2))
    ),
    "joint orders without numbers": lambda: "orders of the Minister " * 10_000,
    "heading lines x10k": lambda: "Paragraph 10\n" * 10_000,
    "numbered lines x10k": lambda: "".join(f"{i}.\tText.\n" for i in range(1, 10_001)),
    "bidirectional controls": lambda: "\u202e2021\u202c \u200f" * 10_000,
    "open quotes": lambda: "\u201c" * 10_000 + "\u201d" * 10_000,
    "open ranges": lambda: "2021\u2013" * 10_000,
    # Found by fuzz_extract: a title line with a long run of stars backtracked
    # exponentially in the header reader.
    "stars in the title": lambda: (
        "Information received from Bolivia on follow-up " + "*" * 100 + "x\n1.\tText.\n"
    ),
    "stars everywhere": lambda: ("*" * 99 + "x\n") * 1000,
}

# Runs in a child process: each reader under faulthandler's watchdog, which
# ends the process and prints where it hung if a reader takes too long.
WORKER = textwrap.dedent(
    """
    import faulthandler, json, sys, time
    import catdomain as cd
    from catdomain._dates import PartialDate, Period, parse_date, parse_time
    from catdomain.identifiers import (
        DocumentSymbol, ParagraphRef, ProvisionPath, parse_provisions,
    )
    from catdomain.reading._authorities import find_authorities
    from catdomain.reading.citations import find_instruments
    from catdomain.reading.dates import find_dates
    from catdomain.reading.measures import find_measures
    from catdomain.reading.quantities import find_quantities
    from catdomain.reading.structure import read_reply

    def extract(text):
        dossier = cd.extract(text)
        for path, span in cd.iter_spans(dossier):
            assert text[span.start:span.end] == span.quote, path

    READERS = {
        "read_reply": read_reply,
        "find_quantities": find_quantities,
        "find_dates": find_dates,
        "find_instruments": find_instruments,
        "find_measures": lambda t: find_measures(t, [(0, len(t))]),
        "find_authorities": find_authorities,
        "extract": extract,
        "DocumentSymbol.parse": DocumentSymbol.parse,
        "ParagraphRef.parse": ParagraphRef.parse,
        "ProvisionPath.parse": ProvisionPath.parse,
        "parse_provisions": parse_provisions,
        "parse_date": parse_date,
        "parse_time": lambda t: parse_time(t, reference=PartialDate(2024)),
        "PartialDate.parse": PartialDate.parse,
        "Period.parse": Period.parse,
    }
    text = open(sys.argv[1], encoding="utf-8", newline="").read()
    guard = float(sys.argv[2])
    for name, reader in READERS.items():
        faulthandler.dump_traceback_later(guard, exit=True)
        began = time.perf_counter()
        try:
            reader(text)
            outcome = "ok"
        except cd.CatdomainError as error:
            outcome = type(error).__name__
        faulthandler.cancel_dump_traceback_later()
        seconds = round(time.perf_counter() - began, 2)
        print(json.dumps({"reader": name, "seconds": seconds, "outcome": outcome}), flush=True)
    """
)
READERS_COUNT = 15


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_inputs_finish(tmp_path: Path, name: str) -> None:
    """Each reader finishes on inputs built to backtrack or go quadratic (hang guard only)."""
    file = tmp_path / "adversarial.txt"
    file.write_text(ADVERSARIAL[name](), encoding="utf-8", newline="")
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(file), str(GUARD_SECONDS)],
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS * READERS_COUNT + 60,
        check=False,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    finished = [line["reader"] for line in lines]
    # A reader that hangs or raises anything but a CatdomainError ends the child.
    assert done.returncode == 0, f"after {finished}:\n{done.stderr[-3000:]}"
    assert len(lines) == READERS_COUNT, done.stdout
    print(name, {line["reader"]: line["seconds"] for line in lines})


# ==========================================================================
# 4. Size limits and large texts


@pytest.fixture(scope="module")
def fifty_megabytes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A text file of exactly the default limit, 50,000,000 bytes."""
    file = tmp_path_factory.mktemp("big") / "reply.txt"
    line = (SENTENCE + "\n").encode("utf-8")
    block = line * (1_000_000 // len(line) + 1)
    with file.open("wb") as handle:
        remaining = DEFAULT_MAX_BYTES
        while remaining:
            piece = block[:remaining]
            handle.write(piece)
            remaining -= len(piece)
    assert file.stat().st_size == DEFAULT_MAX_BYTES
    return file


def test_fifty_megabytes_read_within_the_default_limit(fifty_megabytes: Path) -> None:
    """A 50 MB text reads with the default limit, which is 50 MB."""
    text = read_document(fifty_megabytes)
    assert len(text.encode("utf-8")) == DEFAULT_MAX_BYTES


def test_one_byte_over_the_default_limit(fifty_megabytes: Path) -> None:
    """One byte over the limit is an InputError naming the file, the size and the way out."""
    with fifty_megabytes.open("ab") as handle:
        handle.write(b"\n")
    try:
        with pytest.raises(InputError) as caught:
            read_document(fifty_megabytes)
        assert caught.value.path == str(fifty_megabytes)
        reason = caught.value.reason
        assert f"{DEFAULT_MAX_BYTES + 1} bytes" in reason
        assert "max_bytes=None" in reason
        text = read_document(fifty_megabytes, max_bytes=None)
        assert len(text.encode("utf-8")) == DEFAULT_MAX_BYTES + 1
    finally:
        with fifty_megabytes.open("r+b") as handle:
            handle.truncate(DEFAULT_MAX_BYTES)


def test_a_lower_configured_limit(fifty_megabytes: Path) -> None:
    """A lower max_bytes refuses the 50 MB file; a bad max_bytes is a ValueError."""
    with pytest.raises(InputError, match="over the limit of 10000000"):
        read_document(fifty_megabytes, max_bytes=10_000_000)
    with pytest.raises(ValueError, match="max_bytes"):
        read_document(fifty_megabytes, max_bytes=-1)


def test_limit_on_a_file_without_a_size(tmp_path: Path) -> None:
    """The limit holds when the size is not known beforehand (the bytes are counted)."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs a named pipe")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = subprocess.Popen(
        [sys.executable, "-c", f"open({str(fifo)!r}, 'wb').write(b'x' * 5000)"],
    )
    try:
        with pytest.raises(InputError, match="more than 1000 bytes"):
            read_document(fifo, max_bytes=1000)
    finally:
        try:
            writer.wait(timeout=30)
        except subprocess.TimeoutExpired:  # pragma: no cover - the reader never opened it
            writer.kill()


BIG_WORKER = textwrap.dedent(
    """
    import faulthandler, json, sys, time
    import catdomain as cd
    from catdomain.reading._input import read_document
    faulthandler.dump_traceback_later(float(sys.argv[2]), exit=True)
    text = read_document(sys.argv[1], max_bytes=None)
    began = time.perf_counter()
    dossier = cd.extract(text)
    seconds = time.perf_counter() - began
    spans = 0
    for path, span in cd.iter_spans(dossier):
        assert text[span.start:span.end] == span.quote, path
        spans += 1
    print(json.dumps({"megabytes": len(text) / 1e6, "seconds": round(seconds, 1),
                      "spans": spans, "observations": dossier.counts()["observations"]}))
    """
)


def _extract_in_child(file: Path, guard: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", BIG_WORKER, str(file), str(guard)],
        capture_output=True,
        text=True,
        timeout=guard + 60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    print(result)
    return result


def _replies_text(megabytes: float) -> str:
    base = "\n".join(datasets.texts().values()) + "\n"
    size = int(megabytes * 1_000_000)
    return (base * (size // len(base) + 1))[:size]


def test_extract_a_few_megabytes(tmp_path: Path) -> None:
    """Three megabytes of replies are extracted within a generous guard, quotes exact."""
    file = tmp_path / "replies.txt"
    file.write_text(_replies_text(3), encoding="utf-8", newline="")
    result = _extract_in_child(file, guard=300)
    assert result["spans"] > 10_000


@pytest.mark.skipif(not RUN_SLOW, reason="slow: 50 MB take minutes; set RUN_SLOW=1")
def test_slow_extract_fifty_megabytes(tmp_path: Path) -> None:
    """50 MB of replies are extracted, every quote exact (about 4 s per MB, 1 GB of memory)."""
    file = tmp_path / "replies.txt"
    file.write_text(_replies_text(50), encoding="utf-8", newline="")
    result = _extract_in_child(file, guard=3600)
    assert result["megabytes"] == 50


# ==========================================================================
# 5. Security: what the library never does

# Modules whose import would mean deserializing code, running programs or
# using the network.
FORBIDDEN_MODULES = {
    "pickle", "cPickle", "dill", "cloudpickle", "marshal", "shelve", "yaml", "subprocess",
    "socket", "ssl", "urllib", "http", "requests", "httpx", "aiohttp", "ftplib", "smtplib",
    "xmlrpc", "telnetlib", "webbrowser", "ctypes", "pty",
}  # fmt: skip
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "execfile", "input", "breakpoint"}
FORBIDDEN_ATTRIBUTES = {
    ("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execvp"), ("os", "spawnv"),
    ("os", "startfile"), ("yaml", "load"), ("pickle", "loads"), ("pickle", "load"),
    ("pd", "read_pickle"), ("pandas", "read_pickle"), ("np", "load"), ("numpy", "load"),
}  # fmt: skip
# Reviewed uses: (file, enclosing function, name). The fast JSON reader
# generates its constructors, and the integrity check its span collectors, from
# the model's own field names and types, as attrs does; no text from a document
# is ever part of the code.
ALLOWED_CALLS = {("serialization.py", "_builder", "exec"), ("dossier.py", "_collector", "exec")}


def _sources() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def _uses(tree: ast.AST) -> list[tuple[str, str, int]]:
    """(enclosing function, forbidden name, line) for each forbidden use in `tree`."""
    found: list[tuple[str, str, int]] = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in FORBIDDEN_MODULES:
                    found.append((function, alias.name, node.lineno))
        elif isinstance(node, ast.ImportFrom):
            if node.module and node.module.split(".")[0] in FORBIDDEN_MODULES:
                found.append((function, node.module, node.lineno))
        elif isinstance(node, ast.Call):
            callee = node.func
            if isinstance(callee, ast.Name) and callee.id in FORBIDDEN_CALLS:
                found.append((function, callee.id, node.lineno))
            if (
                isinstance(callee, ast.Attribute)
                and isinstance(callee.value, ast.Name)
                and (callee.value.id, callee.attr) in FORBIDDEN_ATTRIBUTES
            ):
                found.append((function, f"{callee.value.id}.{callee.attr}", node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, "")
    return found


def test_no_code_execution_deserialization_or_network_in_the_library() -> None:
    """No pickle, marshal, eval, exec, unsafe YAML, subprocess or network module in src."""
    problems = []
    for file in _sources():
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        for function, name, line in _uses(tree):
            if (file.name, function, name) not in ALLOWED_CALLS:
                problems.append(
                    f"{file.relative_to(SRC)}:{line}: {name} in {function or '<module>'}"
                )
    assert not problems, "\n".join(problems)


def test_the_security_check_finds_what_it_looks_for() -> None:
    """The check above is not vacuous: it finds each kind of forbidden use."""
    code = textwrap.dedent(
        """
        import pickle
        from urllib import request
        import os, yaml
        def f(x):
            eval(x)
            os.system(x)
            return yaml.load(x)
        """
    )
    names = {name for _, name, _ in _uses(ast.parse(code))}
    assert names == {"pickle", "urllib", "yaml", "eval", "os.system", "yaml.load"}


# Export paths: the export command's library function writes only inside its folder.


@pytest.fixture
def exports() -> Any:
    """catdomain.exports, when the analysis extra is installed."""
    pytest.importorskip("pandas", reason="the exports need the 'analysis' extra")
    from catdomain import exports

    return exports


@pytest.fixture
def small_dossier() -> cd.Dossier:
    return datasets.load()


@pytest.mark.parametrize(
    "prefix",
    ["../", "..", "../../escape-", "/tmp/abs-", "sub/dir-", "sub\\dir-", ".hidden-", "\0x"],
    ids=["dotdot slash", "dotdot", "two levels", "absolute", "slash", "backslash", "dot", "nul"],
)
def test_export_prefix_cannot_leave_the_folder(
    tmp_path: Path, exports: Any, small_dossier: cd.Dossier, prefix: str
) -> None:
    """A prefix that names a folder or climbs out of the target is refused, nothing written."""
    target = tmp_path / "out"
    with pytest.raises(InputError, match="prefix"):
        exports.export(small_dossier, target, format="csv", prefix=prefix)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == []


def test_export_replaces_a_symlink_not_its_target(
    tmp_path: Path, exports: Any, small_dossier: cd.Dossier
) -> None:
    """A symlink in the folder is refused without overwrite, replaced (not followed) with it."""
    outside = tmp_path / "outside.csv"
    outside.write_text("precious\n", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    link = folder / "measures.csv"
    try:
        link.symlink_to(outside)
    except OSError:
        pytest.skip("symlinks are not available")
    with pytest.raises(InputError, match="already exists"):
        exports.export(small_dossier, folder, format="csv")
    assert outside.read_text(encoding="utf-8") == "precious\n"
    exports.export(small_dossier, folder, format="csv", overwrite=True)
    assert outside.read_text(encoding="utf-8") == "precious\n"
    assert not link.is_symlink()
    assert link.read_text(encoding="utf-8") != "precious\n"


@pytest.mark.parametrize(
    "location",
    ["../outside.csv", "/etc/passwd", "sub/../../outside.csv", "..", "link.csv"],
    ids=["dotdot", "absolute", "climbing", "parent", "symlink out"],
)
def test_read_back_never_leaves_the_folder(
    tmp_path: Path, exports: Any, small_dossier: cd.Dossier, location: str
) -> None:
    """A descriptor whose paths climb out, are absolute or link out is refused."""
    folder = tmp_path / "out"
    exports.export(small_dossier, folder, format="csv")
    outside = tmp_path / "outside.csv"
    outside.write_text("id\nsecret\n", encoding="utf-8")
    if location == "link.csv":
        try:
            (folder / "link.csv").symlink_to(outside)
        except OSError:
            pytest.skip("symlinks are not available")
    descriptor = folder / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["resources"][0]["path"] = location
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    with pytest.raises(InputError):
        exports.read_back(folder)
