"""catdomain.serialization: lossless round trips, canonical output, strict reading."""

from __future__ import annotations

import copy
import enum
import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any
from unittest import mock

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import catdomain as cd
from catdomain import serialization, testing
from catdomain.serialization import (
    MIGRATIONS,
    SCHEMA_VERSION,
    from_dict,
    from_json,
    to_dict,
    to_json,
)

Change = Callable[[dict[str, Any]], dict[str, Any]]


def change(path: list[Any], value: Any = None, *, delete: bool = False) -> Change:
    """A function returning a copy of a document with the value at `path` replaced or deleted."""

    def apply(document: dict[str, Any]) -> dict[str, Any]:
        changed = copy.deepcopy(document)
        target = changed
        for step in path[:-1]:
            target = target[step]
        if delete:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return changed

    return apply


def _paths(error: cd.SerializationError) -> list[str]:
    return [p.path for p in error.problems]


# --------------------------------------------------------------------------
# Round trips for every public type


# The modules whose public types make up the data the format carries. The
# reading layer's intermediate results (ReplyStructure, …) and the rule
# catalogue are public too, but are not data of the format.
FORMAT_MODULES = (
    "catdomain._model.",
    "catdomain._dates",
    "catdomain.identifiers",
    "catdomain.vocab",
)
FINDINGS = {cd.Finding, cd.Figure, cd.Severity}


def _is_public_type(obj: object) -> bool:
    """A model class, value type or vocabulary of the format, or a validation finding."""
    return isinstance(obj, type) and (
        obj in FINDINGS
        or (
            (attrs.has(obj) or issubclass(obj, enum.Enum))
            and obj.__module__.startswith(FORMAT_MODULES)
        )
    )


PUBLIC_TYPES = [getattr(cd, n) for n in cd.__all__ if _is_public_type(getattr(cd, n))]
# Every public type but the Dossier (tested on its own, it is slower), the
# TimeReference union and Decimal, which the format also reads and writes.
TYPES = [t for t in PUBLIC_TYPES if t is not cd.Dossier] + [cd.TimeReference, Decimal]


def test_every_public_type_has_a_strategy() -> None:
    """catdomain.testing covers each public model class, value type and vocabulary."""
    assert cd.Dossier in PUBLIC_TYPES
    assert cd.Observation in PUBLIC_TYPES
    assert cd.Qualifier in PUBLIC_TYPES
    missing = []
    for cls in [*PUBLIC_TYPES, cd.TimeReference]:
        try:
            testing.from_type(cls)
        except TypeError:
            missing.append(cls)
    assert not missing


def _name(t: object) -> str:
    return getattr(t, "__name__", "TimeReference")


@pytest.mark.parametrize("cls", TYPES, ids=_name)
@given(data=st.data())
def test_json_round_trip_is_lossless(cls: Any, data: st.DataObject) -> None:
    """from_json(to_json(x), type) == x, and writing again gives the same text."""
    value = data.draw(testing.from_type(cls))
    text = to_json(value)
    back = from_json(text, cls)
    assert back == value
    assert to_json(back) == text  # also covers fields outside equality (time texts)


@pytest.mark.parametrize("cls", TYPES, ids=_name)
@given(data=st.data())
def test_dict_round_trip_is_lossless(cls: Any, data: st.DataObject) -> None:
    """from_dict(to_dict(x), type) == x, and to_dict gives plain JSON-ready values."""
    value = data.draw(testing.from_type(cls))
    plain = to_dict(value)
    assert json.loads(json.dumps(plain)) == plain
    back = from_dict(plain, cls)
    assert back == value
    assert to_dict(back) == plain


@given(testing.dossiers())
def test_dossier_round_trip_is_lossless(dossier: cd.Dossier) -> None:
    """Generated, referentially consistent dossiers survive JSON and dicts unchanged."""
    text = to_json(dossier)
    assert from_json(text) == dossier
    assert from_json(text.encode("utf-8")) == dossier
    assert to_json(from_json(text)) == text
    assert from_dict(to_dict(dossier), cd.Dossier) == dossier


def test_sample_dossier_round_trips(sample_dossier: cd.Dossier) -> None:
    """The hand-written sample, with every kind of field, round-trips exactly."""
    dossier = sample_dossier
    assert from_json(to_json(dossier)) == dossier
    assert from_json(to_json(dossier, indent=None)) == dossier


# --------------------------------------------------------------------------
# Canonical output


def test_output_is_deterministic(sample_dossier: cd.Dossier) -> None:
    """The same object always gives the same bytes, whichever equal instance is written."""
    first = to_json(sample_dossier).encode("utf-8")
    assert to_json(sample_dossier).encode("utf-8") == first
    assert to_json(attrs.evolve(sample_dossier)).encode("utf-8") == first
    assert to_json(from_json(first)).encode("utf-8") == first


def test_dossier_document_starts_with_the_schema_version(sample_dossier: cd.Dossier) -> None:
    """schema_version is the first key, then the fields in attrs order."""
    document = to_dict(sample_dossier)
    fields = [f.name for f in attrs.fields(cd.Dossier) if f.init]
    assert next(iter(document)) == "schema_version"
    assert document["schema_version"] == SCHEMA_VERSION == "1.0"
    assert list(document)[1:] == [f for f in fields if f in document]


@given(testing.measures())
def test_keys_follow_field_order(measure: cd.Measure) -> None:
    """Keys appear in the order of the attrs fields, whichever are present."""
    keys = list(to_dict(measure))
    order = [f.name for f in attrs.fields(cd.Measure)]
    assert keys == sorted(keys, key=order.index)


def test_index_is_never_written(sample_dossier: cd.Dossier) -> None:
    """The Dossier's private id index is not part of the format."""
    assert "_index" not in to_json(sample_dossier)
    assert "index" not in to_dict(sample_dossier)


def test_defaults_are_omitted() -> None:
    """None, empty tuples and default enum members and values are left out."""
    o = cd.Observation(id="o", value=Decimal(1))
    assert to_dict(o) == {"id": "o", "value": "1"}
    key = cd.SeriesKey(concept="c", unit="persons", value_kind=cd.ValueKind.ACTUAL)
    assert to_dict(key) == {"concept": "c", "unit": "persons"}
    change = cd.StatedChange(
        id="c", observation="o", direction=cd.ChangeDirection.INCREASE, amount=Decimal(3)
    )
    assert "relative" not in to_dict(change)
    assert to_dict(attrs.evolve(change, relative=False))["relative"] is False
    doc = cd.Document(id="d", kind=cd.DocumentKind.OTHER)
    assert to_dict(doc) == {"id": "d", "kind": "other"}
    assert to_dict(attrs.evolve(doc, language="ru"))["language"] == "ru"


def test_required_fields_are_written_even_when_null() -> None:
    """A field without default is always written, null included."""
    assert to_dict(cd.TextParagraph(number=None, start=0, end=3)) == {
        "number": None,
        "start": 0,
        "end": 3,
    }


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("19.2", "19.2"),
        ("40000", "40000"),
        ("4E+4", "40000"),
        ("45.50", "45.50"),
        ("-3", "-3"),
        ("0", "0"),
        ("-0", "-0"),
        ("0.0000001", "0.0000001"),
        ("1E-7", "0.0000001"),
        ("123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"),
        ("1E+20", "100000000000000000000"),
        ("1E+25", "1E+25"),
        ("1E-25", "1E-25"),
    ],
)
def test_decimals_are_strings_in_positional_notation(value: str, text: str) -> None:
    """Decimals are JSON strings, without exponent unless it would take > 20 zeros."""
    o = cd.Observation(id="o", value=Decimal(value))
    assert to_dict(o)["value"] == text
    assert json.loads(to_json(o))["value"] == text
    assert from_json(to_json(o), cd.Observation).value == Decimal(value)


def test_decimal_19_2_stays_exact() -> None:
    """Decimal("19.2") is written "19.2" and read back as exactly Decimal("19.2")."""
    o = cd.Observation(id="o", value=Decimal("19.2"))
    assert '"value": "19.2"' in to_json(o)
    back = from_json(to_json(o), cd.Observation).value
    assert back == Decimal("19.2")
    assert back.as_tuple() == Decimal("19.2").as_tuple()


def test_json_numbers_for_decimals_are_read_exactly() -> None:
    """A JSON number where a decimal goes is read exactly, never through a float."""
    o = from_json('{"id": "o", "value": 19.2}', cd.Observation)
    assert o.value.as_tuple() == Decimal("19.2").as_tuple()
    assert from_json('{"id": "o", "value": 40000}', cd.Observation).value == Decimal(40000)
    big = "1" * 40 + ".25"
    assert from_json(f'{{"id": "o", "value": {big}}}', cd.Observation).value == Decimal(big)


def test_value_types_are_written_as_text() -> None:
    """Dates, symbols, paragraph references and provisions are strings; enums their values."""
    assert to_dict(cd.PartialDate(2021, 8)) == "2021-08"
    assert to_dict(cd.DocumentSymbol.parse("CAT/C/KAZ/CO/5-6")) == "CAT/C/KAZ/CO/5-6"
    assert to_dict(cd.ParagraphRef.parse("paragraphs 11-15")) == "11–15"
    ref = cd.ParagraphRef.parse("10 and 12", document=cd.DocumentSymbol.parse("CAT/C/KAZ/CO/4"))
    assert to_dict(ref) == "CAT/C/KAZ/CO/4#10 and 12"
    assert from_dict("CAT/C/KAZ/CO/4#10 and 12", cd.ParagraphRef) == ref
    assert to_dict(cd.ProvisionPath.parse("art. 362(4)")) == "article 362 (4)"
    assert to_dict(cd.ObservationStatus.ESTIMATED) == "E"
    assert type(to_dict(cd.Qualifier.MORE_THAN)) is str


def test_time_references_are_tagged_everywhere(sample_dossier: cd.Dossier) -> None:
    """Instant, Period and Pooled carry "type", inside unions and out (an instrument's period)."""
    document = to_dict(sample_dossier)
    assert document["instruments"][0]["period"] == {
        "type": "period",
        "start": "2024",
        "end": "2028",
        "text": "2024–2028",
    }
    times = [o.get("time") for s in document["series"] for o in s["observations"]]
    assert [t["type"] for t in times] == ["period", "period", "period", "instant", "pooled"]
    assert times[4]["periods"][0] == {"type": "period", "start": "2023", "end": "2023"}
    assert to_dict(cd.Instant(date=cd.PartialDate(2023))) == {"type": "instant", "date": "2023"}


def test_output_keeps_non_ascii_and_ends_with_a_newline() -> None:
    """Non-ASCII characters are written as themselves; the text ends with one newline."""
    a = cd.Authority(id="kz-majilis", name="Мәжіліс\u00a0“lower house”")
    text = to_json(a)
    assert "Мәжіліс\u00a0“lower house”" in text
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert to_json(a, indent=None) == '{"id":"kz-majilis","name":"Мәжіліс\u00a0“lower house”"}\n'
    assert to_json(a).startswith('{\n  "id": "kz-majilis",\n')


@given(testing.dossiers(max_size=2), st.sampled_from([2, None]))
def test_output_does_not_depend_on_orjson(dossier: cd.Dossier, indent: int | None) -> None:
    """With or without the "fast" extra (orjson), to_json writes the same text."""
    with_orjson = to_json(dossier, indent=indent)
    with mock.patch.object(serialization, "orjson", None):
        assert to_json(dossier, indent=indent) == with_orjson


@pytest.mark.parametrize(
    "value",
    [
        cd.Authority(id="a", name="lone \ud800 surrogate"),
        cd.TextParagraph(number="1", start=2**70, end=2**71),
        cd.Authority(id="a", name='controls \x00\x1f\x7f \u2028 and quotes " \\'),
    ],
    ids=["lone-surrogate", "int-beyond-64-bits", "control-characters"],
)
def test_output_edge_cases_match_the_standard_library(value: object) -> None:
    """Values orjson cannot write, or might write differently, give the stdlib's text."""
    expected = json.dumps(to_dict(value), ensure_ascii=False, indent=2) + "\n"
    assert to_json(value) == expected
    assert from_json(to_json(value), type(value)) == value
    assert (
        to_json(value, indent=4) == json.dumps(to_dict(value), ensure_ascii=False, indent=4) + "\n"
    )


# --------------------------------------------------------------------------
# Strict reading: every problem, with its path


BAD_DOCUMENTS = [
    pytest.param(
        change(["series", 0, "observations", 1, "id"], 12),
        [("$.series[0].observations[1].id", "a string", "12 (int)")],
        id="wrong-type-deep-inside",
    ),
    pytest.param(
        change(["recommendations", 0, "paragraph"], 0),
        [
            (
                "$.recommendations[0].paragraph",
                "a valid Recommendation.paragraph (must be 1 or more)",
                "0 (int)",
            )
        ],
        id="validator-failure",
    ),
    pytest.param(
        change(["measures", 0, "answers"], ["CAT/C/KAZ/CO/4#10", "not an id"]),
        [("$.measures[0].answers[1]", None, "'not an id' (str)")],
        id="validator-failure-in-tuple",
    ),
    pytest.param(
        change(["measures", 0, "colour"], "red"),
        [("$.measures[0]", "only the keys of Measure", "unknown key 'colour'")],
        id="unknown-key",
    ),
    pytest.param(
        change(["measures", 0, "description"], None, delete=True),
        [("$.measures[0].description", "a value for required field", "nothing")],
        id="missing-field",
    ),
    pytest.param(
        change(["series", 0, "observations", 0, "value"], "19,2"),
        [("$.series[0].observations[0].value", None, "'19,2' (str)")],
        id="decimal-with-comma",
    ),
    pytest.param(
        change(["series", 0, "observations", 0, "value"], "NaN"),
        [("$.series[0].observations[0].value", None, "'NaN' (str)")],
        id="nan-as-text",
    ),
    pytest.param(
        change(["measures", 0, "answers"], "CAT/C/KAZ/CO/4#10"),
        [("$.measures[0].answers", "an array", None)],
        id="string-for-tuple",
    ),
    pytest.param(
        change(["recommendations", 0, "paragraph"], True),
        [("$.recommendations[0].paragraph", "an integer", "True (bool)")],
        id="bool-for-int",
    ),
    pytest.param(
        change(["recommendations", 0, "paragraph"], "10"),
        [("$.recommendations[0].paragraph", "an integer", "'10' (str)")],
        id="string-for-int",
    ),
    pytest.param(
        change(["recommendations", 0, "selected_for_follow_up"], 1),
        [("$.recommendations[0].selected_for_follow_up", "true or false", "1 (int)")],
        id="int-for-bool",
    ),
    pytest.param(
        change(["measures", 0, "category"], "Judicial"),
        [
            (
                "$.measures[0].category",
                "one of 'legislative', 'judicial', 'administrative', 'other'",
                "'Judicial' (str)",
            )
        ],
        id="bad-enum-value",
    ),
    pytest.param(
        change(["documents", 0, "adopted"], "2023-02-30"),
        [("$.documents[0].adopted", None, "'2023-02-30' (str)")],
        id="impossible-date",
    ),
    pytest.param(
        change(["documents", 0, "adopted"], "10 May 2023"),
        [("$.documents[0].adopted", None, "'10 May 2023' (str)")],
        id="prose-date",
    ),
    pytest.param(
        change(["documents", 0, "symbol"], "cat/c/kaz/co/4"),
        [("$.documents[0].symbol", None, "'cat/c/kaz/co/4' (str)")],
        id="bad-symbol",
    ),
    pytest.param(
        change(["series", 0, "observations", 0, "time", "type"], None, delete=True),
        [("$.series[0].observations[0].time.type", None, "nothing")],
        id="time-without-tag",
    ),
    pytest.param(
        change(["series", 0, "observations", 0, "time", "type"], "interval"),
        [
            (
                "$.series[0].observations[0].time.type",
                'one of "instant", "period", "pooled"',
                "'interval' (str)",
            )
        ],
        id="time-with-unknown-tag",
    ),
    pytest.param(
        change(["instruments", 0, "period", "type"], "instant"),
        [("$.instruments[0].period.type", '"period"', "'instant' (str)")],
        id="period-with-wrong-tag",
    ),
    pytest.param(
        change(["series", 0, "observations", 1, "time"], {"type": "period"}),
        [("$.series[0].observations[1].time.start", None, "null")],
        id="period-without-bounds",
    ),
    pytest.param(
        change(["measures", 0, "answers"], ["nowhere"]),
        [
            (
                "$.measures[0].answers[0]",
                "the id of an object of the right kind in the dossier",
                "'nowhere' is not the id of a recommendation in this dossier",
            )
        ],
        id="dangling-reference",
    ),
    pytest.param(
        change(["documents", 1, "sections", 0, "id"], "kz-procurator-general"),
        [
            (
                "$.documents[1].sections[0].id",
                "an id unique in the dossier",
                "'kz-procurator-general' is already the id of authorities[0]",
            )
        ],
        id="duplicate-id",
    ),
    pytest.param(
        change(["series", 0], "s-sanctions"),
        [("$.series[0]", "an object (a Series)", "'s-sanctions' (str)")],
        id="string-for-object",
    ),
]


@pytest.mark.parametrize(("bad", "expected"), BAD_DOCUMENTS)
def test_bad_documents_are_reported_with_their_paths(
    sample_document: dict[str, Any],
    bad: Change,
    expected: list[tuple[str, str | None, str | None]],
) -> None:
    """Each bad document gives exactly the expected problems, from dicts and from JSON."""
    document = bad(sample_document)
    for read in (lambda: from_dict(document, cd.Dossier), lambda: from_json(json.dumps(document))):
        with pytest.raises(cd.SerializationError) as caught:
            read()
        problems = caught.value.problems
        assert [p.path for p in problems] == [path for path, _, _ in expected]
        for problem, (_, wanted, found) in zip(problems, expected, strict=True):
            if wanted is not None:
                assert problem.expected == wanted
            if found is not None:
                assert problem.found == found


def test_floats_are_refused_for_decimals(sample_document: dict[str, Any]) -> None:
    """A Python float is not exact: dicts must give decimals as strings (or Decimal, int)."""
    document = change(["series", 0, "observations", 0, "value"], 709.0)(sample_document)
    with pytest.raises(cd.SerializationError) as caught:
        from_dict(document, cd.Dossier)
    (problem,) = caught.value.problems
    assert problem.path == "$.series[0].observations[0].value"
    assert problem.found == "709.0 (float)"
    assert 'write "709.0" in quotes' in problem.expected
    document = change(["series", 0, "observations", 0, "value"], Decimal("709.0"))(sample_document)
    assert from_dict(document, cd.Dossier).series[0].observations[0].value == 709


EXPECTING_NAME = "Expecting property name enclosed in double quotes"

BAD_JSON = [
    pytest.param(
        '{"schema_version": "1.0", "id": "d", "title": NaN}',
        [("$.title", "NaN")],
        id="nan",
    ),
    pytest.param(
        '{"schema_version": "1.0", "id": "d", "series": [{"id": "s", "key": {"concept": "c", '
        '"unit": "u"}, "observations": [{"id": "o", "value": -Infinity}]}]}',
        [("$.series[0].observations[0].value", "-Infinity")],
        id="infinity",
    ),
    pytest.param(
        '{"schema_version": "1.0", "id": "d", "id": "e"}',
        [("$.id", "key 'id' more than once")],
        id="duplicate-key",
    ),
    pytest.param(
        '{"schema_version": "1.0", "id": "d", '
        '"authorities": [{"id": "a", "name": "A", "name": "B"}]}',
        [("$.authorities[0].name", "key 'name' more than once")],
        id="duplicate-key-deep",
    ),
    pytest.param(
        '{"schema_version": "1.0", "id": "d", "measures": [',
        [("$", "invalid JSON at line 1 column 51: Expecting value")],
        id="truncated",
    ),
    pytest.param(
        '{"schema_version": "1.0",\n "id": "d",\n}',
        [("$", "invalid JSON at line 3 column 1: " + EXPECTING_NAME)],
        id="trailing-comma",
    ),
    pytest.param("[" * 100_000, [("$", "nesting too deep")], id="deeply-nested-arrays"),
    pytest.param('{"a":' * 100_000, [("$", "nesting too deep")], id="deeply-nested-objects"),
    pytest.param("", [("$", "invalid JSON at line 1 column 1: Expecting value")], id="empty"),
    pytest.param("[]", [("$", "a list of 0 items")], id="array-at-top"),
    pytest.param(b"\xff\xfe{}", [("$", "invalid UTF-8 at byte 0")], id="not-utf-8"),
    pytest.param("1" * 5000, [("$", None)], id="huge-integer"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_JSON)
def test_bad_json_is_reported_with_its_path(
    text: str | bytes, expected: list[tuple[str, str | None]]
) -> None:
    """Syntax errors, NaN, duplicate keys and deep nesting give problems, never crashes."""
    with pytest.raises(cd.SerializationError) as caught:
        from_json(text, source="bad.json")
    error = caught.value
    assert type(error) is cd.SerializationError
    assert error.source == "bad.json"
    assert [
        (p.path, p.found if found is not None else None)
        for p, (_, found) in zip(error.problems, expected, strict=True)
    ] == expected


def test_several_problems_are_reported_at_once(sample_document: dict[str, Any]) -> None:
    """All problems of a document come in one error, in document order."""
    document = sample_document
    document["title"] = 3
    document["documents"][0]["kind"] = "minutes"
    document["recommendations"][0]["paragraph"] = "ten"
    document["measures"][0]["evidence"][0]["start"] = -1
    document["series"][1]["observations"][0]["value"] = 19.2
    document["series"][1]["observations"][1]["time"]["periods"] = "2023+2024"
    document["colour"] = "red"
    with pytest.raises(cd.SerializationError) as caught:
        from_dict(document, cd.Dossier)
    assert _paths(caught.value) == [
        "$.title",
        "$.documents[0].kind",
        "$.recommendations[0].paragraph",
        "$.measures[0].evidence[0].start",
        "$.series[1].observations[0].value",
        "$.series[1].observations[1].time.periods",
        "$",
    ]


def test_error_message_is_readable(sample_document: dict[str, Any]) -> None:
    """str() of the error names the source, the count and one line per problem."""
    document = change(["measures", 0, "answers"], ["nowhere"])(sample_document)
    document["title"] = 3
    with pytest.raises(cd.SerializationError) as caught:
        from_json(json.dumps(document), source="kaz.json")
    assert str(caught.value) == (
        "1 problem reading Dossier from kaz.json:\n  $.title: expected a string, found 3 (int)"
    )
    del document["title"]
    with pytest.raises(cd.SerializationError) as caught:
        from_json(json.dumps(document), source="kaz.json")
    assert str(caught.value) == (
        "1 problem reading Dossier from kaz.json:\n"
        "  $.measures[0].answers[0]: expected the id of an object of the right kind in the "
        "dossier, found 'nowhere' is not the id of a recommendation in this dossier"
    )


def test_target_is_named_after_the_type_read() -> None:
    """Errors reading other types name that type."""
    with pytest.raises(cd.SerializationError, match="reading Observation"):
        from_dict({"id": "o"}, cd.Observation)


def test_reading_does_not_change_the_input(sample_document: dict[str, Any]) -> None:
    """from_dict leaves the caller's dict as it was."""
    document = sample_document
    before = json.dumps(document)
    from_dict(document, cd.Dossier)
    assert json.dumps(document) == before


# --------------------------------------------------------------------------
# Schema versions and migrations


@pytest.mark.parametrize("version", ["2.0", "1.1", "10.0", "one", "1", "1.0.0", "01.0", ""])
def test_unreadable_versions_raise_schema_version_error(
    sample_document: dict[str, Any], version: str
) -> None:
    """Newer majors, newer minors and unparseable versions are refused as such."""
    document = {**sample_document, "schema_version": version}
    with pytest.raises(cd.SchemaVersionError) as caught:
        from_json(json.dumps(document), source="new.json")
    assert _paths(caught.value) == ["$.schema_version"]
    assert caught.value.problems[0].found == repr(version)
    assert caught.value.source == "new.json"


def test_non_string_version_raises_schema_version_error() -> None:
    """A version written as a number is not a version."""
    with pytest.raises(cd.SchemaVersionError) as caught:
        from_json('{"schema_version": 1.0, "id": "d"}')
    assert caught.value.problems[0].found == "Decimal('1.0') (Decimal)"


def test_missing_version_is_a_problem_among_others() -> None:
    """Without schema_version the document is still checked, all problems at once."""
    with pytest.raises(cd.SerializationError) as caught:
        from_dict({"id": "d", "title": 3}, cd.Dossier)
    assert not isinstance(caught.value, cd.SchemaVersionError)
    assert _paths(caught.value) == ["$.schema_version", "$.title"]
    with pytest.raises(cd.SerializationError) as caught:
        from_dict({"id": "d"}, cd.Dossier)
    assert _paths(caught.value) == ["$.schema_version"]


def test_older_versions_are_migrated_through_the_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Registered migrations run in a chain up to the current version."""

    def from_0_8(document: dict[str, Any]) -> dict[str, Any]:
        document["title"] = document.pop("name")
        return {**document, "schema_version": "0.9"}

    def from_0_9(document: dict[str, Any]) -> dict[str, Any]:
        document["measures"] = document.pop("actions", [])
        return {**document, "schema_version": "1.0"}

    monkeypatch.setitem(MIGRATIONS, "0.8", from_0_8)
    monkeypatch.setitem(MIGRATIONS, "0.9", from_0_9)
    old = {
        "schema_version": "0.8",
        "id": "d",
        "name": "Old title",
        "actions": [{"id": "m", "description": "x", "category": "other"}],
    }
    before = json.dumps(old)
    dossier = from_json(json.dumps(old))
    assert dossier.title == "Old title"
    assert dossier.measures[0].id == "m"
    assert from_dict(old, cd.Dossier) == dossier
    assert json.dumps(old) == before  # migrations work on a copy
    assert to_dict(dossier)["schema_version"] == "1.0"


def test_a_migrated_document_is_checked_like_any_other(monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems in a migrated document are reported against the current format."""
    monkeypatch.setitem(MIGRATIONS, "0.9", lambda d: {**d, "schema_version": "1.0"})
    with pytest.raises(cd.SerializationError) as caught:
        from_dict({"schema_version": "0.9", "id": 3}, cd.Dossier)
    assert _paths(caught.value) == ["$.id"]


def test_a_migration_that_does_not_advance_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration returning its own version would loop: the document is refused."""
    monkeypatch.setitem(MIGRATIONS, "0.9", lambda d: d)
    with pytest.raises(cd.SchemaVersionError):
        from_dict({"schema_version": "0.9", "id": "d"}, cd.Dossier)


def test_a_failing_migration_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration that fails on a document reports it, as a SerializationError."""

    def needs_name(document: dict[str, Any]) -> dict[str, Any]:
        document["title"] = document.pop("name")
        return {**document, "schema_version": "1.0"}

    monkeypatch.setitem(MIGRATIONS, "0.9", needs_name)
    with pytest.raises(cd.SerializationError) as caught:
        from_json('{"schema_version": "0.9", "id": "d"}', source="old.json")
    (problem,) = caught.value.problems
    assert problem.path == "$"
    assert problem.expected == "a document that migrates from version 0.9"
    assert problem.found == "KeyError: 'name'"
    assert caught.value.source == "old.json"


def test_older_version_without_migration_is_refused() -> None:
    """Without a registered migration an older version cannot be read."""
    assert MIGRATIONS == {}
    with pytest.raises(cd.SchemaVersionError):
        from_dict({"schema_version": "0.9", "id": "d"}, cd.Dossier)


# --------------------------------------------------------------------------
# Robustness: every failure is a SerializationError

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)


@pytest.mark.parametrize(
    "cls",
    [cd.Dossier, cd.Observation, cd.Measure, cd.Period, cd.TimeReference, cd.PartialDate],
    ids=_name,
)
@given(value=JSON_VALUES)
def test_arbitrary_values_give_serialization_errors_only(cls: Any, value: Any) -> None:
    """Whatever the data, reading returns an object or raises SerializationError."""
    problems = _problems_of(lambda: from_dict(value, cls))
    assert problems is None or problems
    assert all(p.path.startswith("$") for p in problems or ())


def _problems_of(read: Callable[[], object]) -> tuple[cd.Problem, ...] | None:
    """The problems `read` raises as a SerializationError, or None if it succeeds."""
    try:
        read()
    except cd.SerializationError as error:
        return error.problems
    return None


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _leaves(v, (*path, i))]
    return [path]


@given(dossier=testing.dossiers(max_size=2), data=st.data())
def test_mutated_documents_give_serialization_errors_only(
    dossier: cd.Dossier, data: st.DataObject
) -> None:
    """Replacing any value of a valid document never crashes the reader."""
    document = to_dict(dossier)
    path = data.draw(st.sampled_from(_leaves(document)))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = data.draw(JSON_VALUES)
    problems = _problems_of(lambda: from_dict(document, cd.Dossier))
    assert problems is None or problems


@given(st.binary(max_size=64) | st.text(max_size=64))
def test_arbitrary_text_gives_serialization_errors_only(text: bytes | str) -> None:
    """from_json on any bytes or text raises SerializationError or returns a Dossier."""
    problems = _problems_of(lambda: from_json(text))
    assert problems is None or problems


# --------------------------------------------------------------------------
# The converter and the API's edges


def test_make_converter_gives_independent_configured_converters() -> None:
    """Each call returns a fresh converter with catdomain's hooks."""
    first, second = serialization.make_converter(), serialization.make_converter()
    assert first is not second
    o = cd.Observation(id="o", value=Decimal("19.2"))
    assert first.unstructure(o) == second.unstructure(o) == {"id": "o", "value": "19.2"}
    assert first.structure({"id": "o", "value": "19.2"}, cd.Observation) == o


def test_configure_converter_applies_to_any_converter() -> None:
    """configure_converter makes a plain cattrs converter strict and canonical."""
    converter = cattrs.Converter(
        detailed_validation=True, forbid_extra_keys=True, omit_if_default=True
    )
    serialization.configure_converter(converter)
    assert converter.unstructure(cd.Period.year(2023)) == {
        "type": "period",
        "start": "2023",
        "end": "2023",
    }
    with pytest.raises(Exception, match="While structuring Observation"):
        converter.structure({"id": "o", "value": 19.2}, cd.Observation)


def test_non_catdomain_objects_are_refused() -> None:
    """to_dict and from_dict refuse types that are not catdomain's (a programming error)."""
    with pytest.raises(TypeError):
        to_dict(object())
    with pytest.raises(TypeError):
        from_dict({}, dict)
    with pytest.raises(TypeError):
        from_json(12, cd.Dossier)  # type: ignore[call-overload]


def test_from_json_reads_a_dossier_by_default(sample_dossier: cd.Dossier) -> None:
    """Without a type, from_json reads a Dossier."""
    assert isinstance(from_json(to_json(sample_dossier)), cd.Dossier)


def test_the_garbage_collector_is_resumed_after_reading_and_writing() -> None:
    """Reading and writing pause the cyclic collector, and always switch it back on."""
    import gc

    d = cd.datasets.load()
    assert gc.isenabled()
    text = to_json(d)
    assert gc.isenabled()
    assert from_json(text) == d
    assert gc.isenabled()
    with pytest.raises(cd.SerializationError):
        from_json('{"schema_version": "1.0", "id": 12}')
    assert gc.isenabled()
    with pytest.raises(cd.SerializationError):
        from_dict({"id": 12}, cd.Authority)
    assert gc.isenabled()
    gc.disable()
    try:  # a caller who switched it off keeps it off
        from_json(text)
        to_dict(d)
        assert not gc.isenabled()
    finally:
        gc.enable()
