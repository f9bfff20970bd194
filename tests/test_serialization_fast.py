"""The fast JSON reading path (msgspec) behaves exactly as the cattrs path.

`from_json` reads through msgspec when it is installed (the ``fast`` extra)
and hands whatever it does not accept as it stands to the cattrs path. Each
test here reads the same text both ways and requires the same outcome: the
same object, written the same, or the same error with the same problems.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import catdomain as cd
from catdomain import datasets, serialization, testing
from catdomain.serialization import from_json, to_dict, to_json

pytest.importorskip("msgspec")

Outcome = tuple[Any, ...]


def _outcome(read: Callable[[], Any]) -> Outcome:
    try:
        result = read()
    except cd.SerializationError as error:
        return ("error", type(error), str(error), error.problems, error.source)
    index = getattr(result, "_index", None)
    return ("ok", type(result), result, to_json(result), repr(result), index)


def _both(data: str | bytes, cls: Any = cd.Dossier, source: str | None = None) -> Outcome:
    """Read `data` by both paths; assert they agree; return the outcome."""
    fast = _outcome(lambda: from_json(data, cls, source=source))
    original = serialization._fast_reader
    serialization._fast_reader = lambda: None  # type: ignore[assignment]
    try:
        slow = _outcome(lambda: from_json(data, cls, source=source))
    finally:
        serialization._fast_reader = original  # type: ignore[method-assign]
    assert fast == slow
    return fast


def _took_fast_path(data: str | bytes, cls: Any = cd.Dossier) -> bool:
    reader = serialization._fast_reader()
    assert reader is not None
    return reader.read(data, cls) is not serialization._MISSING


# --------------------------------------------------------------------------
# Valid documents: the fast path reads them, into the same objects


def test_the_bundled_dossier_takes_the_fast_path() -> None:
    text = to_json(datasets.load())
    assert _took_fast_path(text)
    assert _took_fast_path(text.encode("utf-8"))
    assert _took_fast_path(to_json(datasets.load(), indent=None))
    assert _both(text)[0] == "ok"


def test_the_sample_dossier_takes_the_fast_path(sample_dossier: cd.Dossier) -> None:
    text = to_json(sample_dossier)
    assert _took_fast_path(text)
    outcome = _both(text)
    assert outcome[2] == sample_dossier


@given(dossier=testing.dossiers(max_size=3))
def test_generated_dossiers_read_the_same_both_ways(dossier: cd.Dossier) -> None:
    outcome = _both(to_json(dossier, indent=None))
    assert outcome[0] == "ok"
    assert outcome[2] == dossier


@pytest.mark.parametrize(
    "cls", [cd.Observation, cd.Measure, cd.Series, cd.Document, cd.LegalInstrument]
)
def test_model_classes_read_the_same_both_ways(cls: Any) -> None:
    dossier = datasets.load()
    for obj in [
        *dossier.measures,
        *dossier.series,
        *dossier.documents,
        *dossier.instruments,
        *(o for _, o in dossier.observations()),
    ]:
        if type(obj) is cls:
            text = to_json(obj)
            assert _took_fast_path(text, cls)
            assert _both(text, cls)[0] == "ok"


@pytest.mark.parametrize("cls", [cd.Period, cd.Instant, cd.Pooled, cd.PartialDate])
def test_tagged_and_text_types_are_left_to_cattrs(cls: Any) -> None:
    assert not serialization._has_fast_path(cls)


# --------------------------------------------------------------------------
# Invalid documents: the same errors, with the same problems

Change = Callable[[dict[str, Any]], None]


def _set(path: list[Any], value: Any) -> Change:
    def apply(document: dict[str, Any]) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return apply


def _delete(path: list[Any]) -> Change:
    def apply(document: dict[str, Any]) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return apply


OBS = ["series", 0, "observations", 0]
SPAN = ["citations", 0, "source"]
MEASURE = ["measures", 0]

CHANGES = {
    "unknown key": _set([*MEASURE, "colour"], "red"),
    "unknown key at the top": _set(["colour"], "red"),
    "missing required field": _delete([*MEASURE, "description"]),
    "int for str": _set([*MEASURE, "description"], 12),
    "str for int": _set(["recommendations", 0, "paragraph"], "10"),
    "bool for int": _set(["recommendations", 0, "paragraph"], True),
    "null for required": _set([*MEASURE, "category"], None),
    "zero paragraph": _set(["recommendations", 0, "paragraph"], 0),
    "decimal as int": _set([*OBS, "value"], 709),
    "decimal with comma": _set([*OBS, "value"], "19,2"),
    "decimal with newline": _set([*OBS, "value"], "19.2\n"),
    "decimal with space": _set([*OBS, "value"], " 19.2"),
    "decimal NaN": _set([*OBS, "value"], "NaN"),
    "decimal exponent": _set([*OBS, "value"], "1e5"),
    "decimal huge exponent": _set([*OBS, "value"], "1e999999999999999999"),
    "id with space": _set([*MEASURE, "id"], "m 1"),
    "id with newline": _set([*MEASURE, "id"], "m-1\n"),
    "id too long": _set([*MEASURE, "id"], "m" * 201),
    "empty id": _set([*MEASURE, "id"], ""),
    "blank text": _set([*MEASURE, "description"], " \u2003\n"),
    "text with a newline": _set([*MEASURE, "description"], "done\n"),
    "lower-case state": _set(["documents", 0, "state"], "kaz"),
    "state with newline": _set(["documents", 0, "state"], "KAZ\n"),
    "negative offset": _set([*SPAN, "start"], -1),
    "span of the wrong length": _set([*SPAN, "end"], 10**6),
    "unknown enum value": _set([*MEASURE, "category"], "magic"),
    "enum in capitals": _set([*MEASURE, "category"], "LEGISLATIVE"),
    "string for a list": _set([*MEASURE, "answers"], "CAT/C/KAZ/CO/4#10"),
    "object for a list": _set([*MEASURE, "answers"], {}),
    "bad id in a list": _set([*MEASURE, "answers"], ["a b"]),
    "dangling reference": _set([*MEASURE, "answers"], ["nowhere"]),
    "duplicate id": lambda d: d["citations"][1].update(id=d["citations"][0]["id"]),
    "time without tag": _set([*OBS, "time"], {"start": "2023", "end": "2023"}),
    "time with unknown tag": _set([*OBS, "time"], {"type": "era", "start": "2023"}),
    "time with a NUL tag": _set([*OBS, "time"], {"type": "\x00"}),
    "period without tag": _set([*MEASURE, "period"], {"start": "2024"}),
    "period tagged instant": _set([*MEASURE, "period"], {"type": "instant", "date": "2024"}),
    "period without bounds": _set([*MEASURE, "period"], {"type": "period"}),
    "pooled single period": _set(
        [*OBS, "time"], {"type": "pooled", "periods": [{"type": "period", "start": "2023"}]}
    ),
    "pooled untagged periods": _set(
        [*OBS, "time"], {"type": "pooled", "periods": [{"start": "2023"}, {"start": "2024"}]}
    ),
    "bad date": _set(["documents", 1, "received"], "2024-02-30"),
    "date as int": _set(["documents", 1, "received"], 2024),
    "bad symbol": _set(["documents", 1, "symbol"], "not a symbol"),
    "schema version missing": _delete(["schema_version"]),
    "schema version 1.1": _set(["schema_version"], "1.1"),
    "schema version 0.9": _set(["schema_version"], "0.9"),
    "schema version 1.00": _set(["schema_version"], "1.00"),
    "schema version as number": _set(["schema_version"], 1.0),
    "empty object": lambda d: d.clear(),
    "big int": _set(["recommendations", 0, "paragraph"], 10**30),
}


@pytest.fixture(scope="module")
def bundled_document() -> dict[str, Any]:
    document: dict[str, Any] = to_dict(datasets.load())
    return document


@pytest.mark.parametrize("name", list(CHANGES))
def test_changed_documents_read_the_same_both_ways(
    name: str, bundled_document: dict[str, Any]
) -> None:
    document = copy.deepcopy(bundled_document)
    CHANGES[name](document)
    for text in (json.dumps(document), json.dumps(document, indent=2).encode("utf-8")):
        _both(text, source="changed.json")


TEXTS = {
    "duplicate key": '{"schema_version": "1.0", "id": "d", "id": "e"}',
    "duplicate key deep": '{"schema_version": "1.0", "id": "d", '
    '"authorities": [{"id": "a", "name": "A", "name": "B"}]}',
    "duplicate key, same value": '{"schema_version": "1.0", "id": "d", "id": "d"}',
    "duplicate key beside an escaped colon": '{"schema_version": "1.0", "id": "d", '
    '"title": "a\\u003ab", "title": "c"}',
    "escaped colon": '{"schema_version": "1.0", "id": "d", "title": "a\\u003ab"}',
    "colons in strings": '{"schema_version": "1.0", "id": "d", "title": "a: b: c"}',
    "duplicate key, colon in the value dropped": '{"schema_version": "1.0", "id": "d", '
    '"title": "a: b", "title": "c"}',
    "NaN": '{"schema_version": "1.0", "id": "d", "title": NaN}',
    "float for decimal": '{"schema_version": "1.0", "id": "d", "series": [{"id": "s", '
    '"key": {"concept": "c", "unit": "u"}, "observations": [{"id": "o", "value": 19.2}]}]}',
    "exponent for decimal": '{"schema_version": "1.0", "id": "d", "series": [{"id": "s", '
    '"key": {"concept": "c", "unit": "u"}, "observations": [{"id": "o", "value": 1e400}]}]}',
    "BOM": '\ufeff{"schema_version": "1.0", "id": "d"}',
    "trailing garbage": '{"schema_version": "1.0", "id": "d"} x',
    "trailing newline": '{"schema_version": "1.0", "id": "d"}\n',
    "lone surrogate": '{"schema_version": "1.0", "id": "d", "title": "\\ud800"}',
    "control character": '{"schema_version": "1.0", "id": "d", "title": "a\x01"}',
    "escaped slash": '{"schema_version": "1.0", "id": "d", "title": "a\\/b"}',
    "minimal": '{"schema_version": "1.0", "id": "d"}',
    "empty": "",
    "deep": "[" * 10_000,
}


@pytest.mark.parametrize("name", list(TEXTS))
def test_texts_read_the_same_both_ways(name: str) -> None:
    text = TEXTS[name]
    _both(text)
    if "\ud800" not in text:
        _both(text.encode("utf-8"))


def test_invalid_utf8_reads_the_same_both_ways() -> None:
    _both(b'{"schema_version": "1.0", "id": "\xff"}')


@given(dossier=testing.dossiers(max_size=2), data=st.data())
def test_mutated_documents_read_the_same_both_ways(
    dossier: cd.Dossier, data: st.DataObject
) -> None:
    document = to_dict(dossier)
    leaves = list(_leaves(document))
    path = data.draw(st.sampled_from(leaves))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = data.draw(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.just([]) | st.just({})
    )
    _both(json.dumps(document))


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, (*path, index))
    if path:
        yield path


@given(st.binary(max_size=64) | st.text(max_size=64))
def test_arbitrary_text_reads_the_same_both_ways(text: bytes | str) -> None:
    _both(text)
