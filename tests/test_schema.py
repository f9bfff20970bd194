"""The JSON Schema of the format: shipped, valid, and faithful to what catdomain writes."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import catdomain as cd
from catdomain import testing
from catdomain.serialization import (
    SCHEMA_ID,
    SCHEMA_VERSION,
    json_schema,
    load_schema,
    to_dict,
    write_schema,
)

SHIPPED = Path(cd.__file__).parent / "schema" / "dossier.schema.json"
REGENERATE = 'python -c "import catdomain.serialization as s; s.write_schema()"'

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def _errors(document: Any) -> list[jsonschema.ValidationError]:
    return list(VALIDATOR.iter_errors(document))


def test_shipped_schema_is_the_generated_one() -> None:
    """The schema file in the package equals json_schema(): regenerate it after model changes."""
    shipped = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert shipped == json_schema(), (
        f"{SHIPPED} is out of date with the model; regenerate it with:\n    {REGENERATE}"
    )
    assert load_schema() == json_schema()


def test_shipped_schema_text_is_canonical() -> None:
    """The file is written as write_schema writes it (indent 2, UTF-8, final newline)."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert text == json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", REGENERATE


def test_write_schema_writes_the_generated_schema(tmp_path: Path) -> None:
    """write_schema(path) writes json_schema() and returns the path."""
    written = write_schema(tmp_path / "nested" / "dossier.schema.json")
    assert json.loads(written.read_text(encoding="utf-8")) == json_schema()


def test_schema_is_valid_draft_2020_12() -> None:
    """The generated schema is itself a valid JSON Schema 2020-12."""
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_dossier_schema_identity_and_version() -> None:
    """The Dossier schema has its $id and requires schema_version, fixed to this version."""
    schema = json_schema()
    assert schema["$id"] == SCHEMA_ID == "https://catdomain.org/schema/dossier/1.0.json"
    assert schema["required"][:2] == ["schema_version", "id"]
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert next(iter(schema["properties"])) == "schema_version"


def _object_schemas(schema: dict[str, Any]) -> dict[str, dict[str, Any]]:
    found = {name: d for name, d in schema["$defs"].items() if d.get("type") == "object"}
    found["(root)"] = schema
    return found


def test_every_object_is_closed_and_requires_fields_without_default() -> None:
    """additionalProperties is false everywhere; required lists the fields without default."""
    schema = json_schema()
    objects = _object_schemas(schema)
    for name, definition in objects.items():
        assert definition["additionalProperties"] is False, name
    for name, definition in objects.items():
        cls = cd.Dossier if name == "(root)" else getattr(cd, name)
        fields = [f for f in attrs.fields(cls) if f.init]
        required = [f.name for f in fields if f.default is attrs.NOTHING]
        tag = ["type"] if name in ("Instant", "Period", "Pooled") else []
        version = ["schema_version"] if name == "(root)" else []
        assert definition.get("required", []) == version + tag + required, name
        assert list(definition["properties"]) == version + tag + [f.name for f in fields], name


def test_vocabularies_list_their_values() -> None:
    """Each vocabulary is a string enum of its values."""
    defs = json_schema()["$defs"]
    assert defs["Qualifier"] == {
        "description": "How exact a reported figure is.",
        "type": "string",
        "enum": [q.value for q in cd.Qualifier],
    }
    assert defs["ObservationStatus"]["enum"] == ["A", "E", "P", "F", "B"]


def test_value_types_are_patterned_strings() -> None:
    """Decimals and dates are strings with patterns; symbols and provisions strings."""
    defs = json_schema()["$defs"]
    assert defs["Decimal"]["type"] == "string"
    assert defs["Decimal"]["pattern"] == r"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"
    assert defs["PartialDate"]["pattern"] == r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
    assert defs["DocumentSymbol"]["type"] == "string"
    assert defs["ProvisionPath"]["type"] == "string"


def test_time_references_are_a_tagged_union() -> None:
    """TimeReference is oneOf the three tagged objects, each with its "type" constant."""
    defs = json_schema()["$defs"]
    refs = [item["$ref"] for item in defs["TimeReference"]["oneOf"]]
    assert refs == ["#/$defs/Instant", "#/$defs/Period", "#/$defs/Pooled"]
    for name, tag in (("Instant", "instant"), ("Period", "period"), ("Pooled", "pooled")):
        assert defs[name]["properties"]["type"] == {"const": tag}


def test_tuples_are_arrays() -> None:
    """Tuples are arrays of their item schema."""
    measure = json_schema()["$defs"]["Measure"]["properties"]
    assert measure["answers"]["type"] == "array"
    assert measure["answers"]["items"] == {"type": "string"}
    assert measure["evidence"]["items"] == {"$ref": "#/$defs/SourceSpan"}


def test_json_schema_of_other_types() -> None:
    """json_schema(cls) describes any public type, with no $id."""
    schema = json_schema(cd.Observation)
    assert "$id" not in schema
    assert schema["$ref"] == "#/$defs/Observation"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert json_schema(cd.PartialDate)["$ref"] == "#/$defs/PartialDate"


@given(testing.dossiers())
def test_every_written_dossier_validates(dossier: cd.Dossier) -> None:
    """Whatever to_dict writes for a dossier, the shipped schema accepts."""
    errors = _errors(to_dict(dossier))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


MODEL_TYPES = [
    t for t in testing._BY_TYPE if attrs.has(t) and t is not cd.Dossier and t is not cd.ParagraphRef
]


@pytest.mark.parametrize("cls", MODEL_TYPES, ids=lambda t: t.__name__)
@given(data=st.data())
def test_every_written_object_validates_against_its_schema(cls: type, data: st.DataObject) -> None:
    """json_schema(cls) accepts what to_dict writes for any generated object."""
    value = data.draw(testing.from_type(cls))
    validator = jsonschema.Draft202012Validator(json_schema(cls))
    errors = list(validator.iter_errors(to_dict(value)))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def _mutate(
    document: dict[str, Any], path: list[Any], value: Any = None, *, delete: bool = False
) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    target = changed
    for step in path[:-1]:
        target = target[step]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return changed


def test_the_sample_document_validates(sample_document: dict[str, Any]) -> None:
    """The hand-written sample dossier is valid."""
    assert not _errors(sample_document)


@pytest.mark.parametrize(
    ("path", "value", "delete"),
    [
        pytest.param(["id"], 12, False, id="wrong-type"),
        pytest.param(["series", 0, "observations", 1, "id"], 12, False, id="wrong-type-deep"),
        pytest.param(["measures", 0, "description"], None, True, id="missing-required-field"),
        pytest.param(["schema_version"], None, True, id="missing-schema-version"),
        pytest.param(["schema_version"], "2.0", False, id="other-schema-version"),
        pytest.param(["measures", 0, "colour"], "red", False, id="unknown-key"),
        pytest.param(["colour"], "red", False, id="unknown-key-at-top"),
        pytest.param(["measures", 0, "category"], "Judicial", False, id="bad-enum-value"),
        pytest.param(
            ["series", 0, "observations", 0, "value"], 709, False, id="number-for-decimal"
        ),
        pytest.param(["series", 0, "observations", 0, "value"], "NaN", False, id="nan-decimal"),
        pytest.param(["documents", 0, "adopted"], "10 May 2023", False, id="prose-date"),
        pytest.param(
            ["series", 0, "observations", 0, "time", "type"], "interval", False, id="bad-tag"
        ),
        pytest.param(["series", 0, "observations", 0, "time", "type"], None, True, id="no-tag"),
        pytest.param(["measures", 0, "answers"], "CAT/C/KAZ/CO/4#10", False, id="string-for-array"),
        pytest.param(["recommendations", 0, "paragraph"], True, False, id="bool-for-int"),
        pytest.param(["recommendations", 0, "paragraph"], 10.5, False, id="float-for-int"),
    ],
)
def test_mutated_documents_are_rejected(
    sample_document: dict[str, Any], path: list[Any], value: Any, delete: bool
) -> None:
    """Wrong types, missing fields, unknown keys, bad values: the schema refuses each."""
    assert not _errors(sample_document)
    assert _errors(_mutate(sample_document, path, value, delete=delete))


FORMAT_PAGE = Path(__file__).resolve().parent.parent / "docs" / "format.md"
_SECTION = re.compile(r"^### (\w+)\n(.*?)(?=^##|\Z)", re.MULTILINE | re.DOTALL)
_ROW = re.compile(r"^\| `(\w+)` \| (.+?) \| (yes|no) \| ", re.MULTILINE)
_VOCABULARY_ROW = re.compile(r"^\| `(\w+)` \| ((?:`\"[^`]*\"`(?:, )?)+) \|$", re.MULTILINE)


def test_format_page_documents_every_object_and_key() -> None:
    """docs/format.md has one table per object, listing its keys in order with required flags."""
    schema = json_schema()
    documented = {
        name: [(key, required == "yes") for key, _, required in _ROW.findall(body)]
        for name, body in _SECTION.findall(FORMAT_PAGE.read_text(encoding="utf-8"))
    }
    objects = _object_schemas(schema)
    objects["Dossier"] = objects.pop("(root)")
    for name, definition in objects.items():
        required = set(definition.get("required", []))
        expected = [(key, key in required) for key in definition["properties"]]
        assert documented.get(name) == expected, f"docs/format.md: table of {name} is out of date"


def test_format_page_lists_every_vocabulary() -> None:
    """The vocabulary table of docs/format.md gives each vocabulary's values, in order."""
    defs = json_schema()["$defs"]
    text = FORMAT_PAGE.read_text(encoding="utf-8")
    documented = {
        name: re.findall(r'`"([^`]*)"`', values) for name, values in _VOCABULARY_ROW.findall(text)
    }
    expected = {name: d["enum"] for name, d in defs.items() if "enum" in d}
    assert documented == expected
