"""catdomain.exports and ``catdomain export``: files that read back into equal tables."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import catdomain as cd
from catdomain import datasets
from catdomain.cli import main
from catdomain.exceptions import InputError

pd = pytest.importorskip("pandas", reason="the exports need the 'analysis' extra")
pytest.importorskip("pyarrow", reason="Parquet needs the 'analysis' extra")

from pandas.testing import assert_frame_equal  # noqa: E402

from catdomain import exports, tables  # noqa: E402
from test_tables import build_edge_dossier, edge_findings  # noqa: E402

TABLES = [
    "observations",
    "measures",
    "instruments",
    "issuances",
    "citations",
    "recommendations",
    "recommendation_measures",
]
TABLE_SCHEMA_TYPES = {"string", "integer", "number", "boolean", "date"}


@pytest.fixture(scope="module")
def kaz() -> cd.Dossier:
    return datasets.load()


@pytest.fixture(scope="module")
def edge() -> cd.Dossier:
    return build_edge_dossier()


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --------------------------------------------------------------------------
# Round trips


@pytest.fixture
def empty() -> cd.Dossier:
    return cd.Dossier(id="e")


@pytest.mark.parametrize("format", ["csv", "parquet"])
@pytest.mark.parametrize("which", ["kaz", "edge", "sample_dossier", "empty"])
def test_tables_read_back_equal(
    format: exports.Format, which: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Every table written reads back equal to the original, dtypes included."""
    dossier: cd.Dossier = request.getfixturevalue(which)
    written = exports.export(dossier, tmp_path, format=format)
    suffix = ".parquet" if format == "parquet" else ".csv"
    assert [p.name for p in written] == [f"{t}{suffix}" for t in TABLES] + ["datapackage.json"]
    back = exports.read_back(tmp_path)
    assert list(back) == TABLES
    for name in TABLES[1:]:
        assert_frame_equal(back[name], getattr(tables, name)(dossier), check_exact=True)
    assert_frame_equal(
        back["observations"], tables.observations(dossier, exact=True), check_exact=True
    )
    floats = exports.read_back(tmp_path, exact=False)["observations"]
    assert_frame_equal(floats, tables.observations(dossier), check_exact=True)


def test_csv_writes_exact_decimal_text(tmp_path: Path, edge: cd.Dossier) -> None:
    exports.export(edge, tmp_path, format="csv")
    with (tmp_path / "observations.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["observation_id"]: row for row in csv.DictReader(handle)}
    assert rows["o-2021"]["value"] == "12.50"
    assert rows["o-huge"]["value"] == "123456789012345678901234567890.123456789"
    assert rows["o-undated"]["value"] == "-0.000001"
    back = exports.read_back(tmp_path)["observations"].set_index("observation_id")["value"]
    assert str(back["o-2021"]) == "12.50"
    assert back["o-huge"] == Decimal("123456789012345678901234567890.123456789")


def test_csv_writes_the_bundled_figures_as_written(tmp_path: Path, kaz: cd.Dossier) -> None:
    exports.export(kaz, tmp_path, format="csv")
    text = (tmp_path / "observations.csv").read_text(encoding="utf-8")
    assert ",19.2," in text
    assert "19.199" not in text
    assert ",2023-01-01,2023-12-31," in text


def test_csv_is_utf8_with_a_header_and_unix_line_ends(tmp_path: Path, kaz: cd.Dossier) -> None:
    exports.export(kaz, tmp_path, format="csv")
    data = (tmp_path / "measures.csv").read_bytes()
    assert b"\r\n" not in data
    header = data.split(b"\n", 1)[0].decode("utf-8")
    assert header.split(",")[:3] == ["measure_id", "description", "category"]
    data.decode("utf-8")


def test_parquet_types(tmp_path: Path, edge: cd.Dossier) -> None:
    """Exact values are Arrow decimals (decimal256 past 38 digits), dates date32."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    exports.export(edge, tmp_path, format="parquet")
    schema = pq.read_schema(tmp_path / "observations.parquet")
    value = schema.field("value").type
    assert pa.types.is_decimal(value)
    assert (value.precision, value.scale) == (39, 9)
    assert schema.field("time_start").type == pa.date32()
    assert pa.types.is_dictionary(schema.field("qualifier").type)
    assert schema.field("start").type == pa.int64()
    kaz_folder = tmp_path / "kaz"
    exports.export(datasets.load(), kaz_folder, format="parquet")
    kaz_value = pq.read_schema(kaz_folder / "observations.parquet").field("value").type
    assert kaz_value == pa.decimal128(6, 1)
    back = exports.read_back(kaz_folder)["observations"].set_index("observation_id")["value"]
    assert str(back["o-cameras"]) == "40000"
    assert str(back["o-share-cells-2023"]) == "19.2"


def test_findings_are_written_too(tmp_path: Path) -> None:
    found = edge_findings()
    for format in exports.FORMATS:
        folder = tmp_path / format
        written = exports.export(build_edge_dossier(), folder, format=format, findings=found)
        assert "findings" in {p.stem for p in written}
        back = exports.read_back(folder)
        assert_frame_equal(back["findings"], tables.findings(found))


# --------------------------------------------------------------------------
# SDMX-CSV


def _observation_set(frame: pd.DataFrame) -> set[tuple[object, ...]]:
    return {
        (r.observation_id, r.series_id, r.value, r.qualifier, r.time, r.time_type, r.breakdown)
        for r in frame.astype(object).where(frame.notna(), None).itertuples()
    }


@pytest.mark.parametrize("which", ["kaz", "edge", "sample"])
def test_sdmx_csv_reads_back_the_same_observations(
    which: str, tmp_path: Path, kaz: cd.Dossier, edge: cd.Dossier, sample_dossier: cd.Dossier
) -> None:
    dossier = {"kaz": kaz, "edge": edge, "sample": sample_dossier}[which]
    written = exports.export(dossier, tmp_path, format="sdmx-csv")
    assert [p.name for p in written] == ["observations.sdmx.csv", "datapackage.json"]
    back = exports.read_back(tmp_path)["observations-sdmx"]
    assert_frame_equal(back, exports.sdmx_table(dossier), check_exact=True)
    renamed = back.rename(
        columns={
            "OBSERVATION_ID": "observation_id",
            "SERIES": "series_id",
            "OBS_VALUE": "value",
            "QUALIFIER": "qualifier",
            "TIME": "time",
            "TIME_TYPE": "time_type",
            "BREAKDOWN": "breakdown",
        }
    )
    assert _observation_set(renamed) == _observation_set(tables.observations(dossier, exact=True))


def test_sdmx_csv_layout(tmp_path: Path, edge: cd.Dossier) -> None:
    exports.export(edge, tmp_path, format="sdmx-csv")
    with (tmp_path / "observations.sdmx.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames
        rows = {row["OBSERVATION_ID"]: row for row in reader}
    assert header is not None
    assert header[:8] == [
        "STRUCTURE",
        "STRUCTURE_ID",
        "ACTION",
        "REF_AREA",
        "SERIES",
        "CONCEPT",
        "UNIT_MEASURE",
        "VALUE_KIND",
    ]
    assert header[8:12] == ["BREAKDOWN_STATUS", "BREAKDOWN_STATUS_2", "TIME_PERIOD", "OBS_VALUE"]
    first = rows["o-2021"]
    assert (first["STRUCTURE"], first["STRUCTURE_ID"], first["ACTION"]) == (
        "dataflow",
        "CATDOMAIN:FOLLOW_UP_SERIES(1.0)",
        "I",
    )
    assert first["REF_AREA"] == "KAZ"
    periods = {key: row["TIME_PERIOD"] for key, row in rows.items()}
    assert periods["o-2021"] == "2021"
    assert periods["o-range"] == "2021-01-01/P3Y"
    assert periods["o-13-months"] == "2022-11-01/P13M"
    assert periods["o-pooled"] == "2019-01-01/P3Y"
    assert rows["o-pooled"]["TIME"] == "2019+2021"
    assert rows["o-pooled"]["TIME_TYPE"] == "pooled"
    assert periods["o-target"] == "2030"
    assert rows["o-target"]["TIME"] == "../2030"
    assert periods["o-baseline"] == "2020-01"
    assert periods["o-huge"] == "2023-01-01"
    assert periods["o-undated"] == ""
    assert rows["o-2023"]["OBS_STATUS"] == "E"
    assert rows["o-2023"]["QUALIFIER"] == "at-most"
    assert rows["o-2022"]["VALUE_TEXT"] == "about 3,500"
    assert rows["o-2022"]["SOURCE_QUOTE"] == 'He said "over 400",\nthen left'
    assert rows["o-2021"]["OBS_VALUE"] == "12.50"
    # A dimension the series lacks: total where the concept is broken down by it,
    # not applicable otherwise.
    assert rows["o-whole"]["BREAKDOWN_STATUS"] == "_T"
    assert rows["o-2021"]["BREAKDOWN_STATUS"] == "_Z"
    assert rows["o-part"]["BREAKDOWN_STATUS"] == "a, b\nc"


def test_sdmx_time_periods_of_the_bundled_dossier(kaz: cd.Dossier) -> None:
    sdmx = exports.sdmx_table(kaz).set_index("OBSERVATION_ID")
    pooled = [o.id for _, o in kaz.observations() if str(o.time) == "2023+2024"]
    assert pooled
    assert set(sdmx.loc[pooled, "TIME_PERIOD"]) == {"2023-01-01/P2Y"}
    assert sdmx.loc["o-share-cells-2030", "TIME_PERIOD"] == "2030"
    assert sdmx.loc["o-share-cells-2023", "TIME_PERIOD"] == "2023"


# --------------------------------------------------------------------------
# The Data Package descriptor


@pytest.mark.parametrize("format", ["csv", "parquet", "sdmx-csv"])
def test_datapackage_describes_every_file(
    format: exports.Format, tmp_path: Path, kaz: cd.Dossier
) -> None:
    written = exports.export(kaz, tmp_path, format=format, findings=cd.validate(kaz))
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert package["profile"] == "tabular-data-package"
    assert package["name"] == "kaz-2024-follow-up"
    assert package["resources"]
    paths = [r["path"] for r in package["resources"]]
    assert paths == [p.name for p in written[:-1]]
    for resource in package["resources"]:
        file = tmp_path / resource["path"]
        data = file.read_bytes()
        if resource["format"] == "csv":
            assert resource["bytes"] == len(data)
            assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["profile"] == "tabular-data-resource"
        assert resource["format"] in ("csv", "parquet")
        fields = resource["schema"]["fields"]
        assert {f["type"] for f in fields} <= TABLE_SCHEMA_TYPES
        names = [f["name"] for f in fields]
        if resource["format"] == "csv":
            header = next(csv.reader(io.StringIO(data.decode("utf-8"))))
            assert header == names
            assert resource["encoding"] == "utf-8"
        else:
            import pyarrow.parquet as pq

            assert pq.read_schema(file).names == names
        for key in resource["schema"].get("primaryKey", []):
            assert key in names
        for field in fields:
            if "categories" in field:
                assert field["constraints"]["enum"] == field["categories"]
    observations = package["resources"][0]["schema"]
    by_name = {f["name"]: f for f in observations["fields"]}
    if format != "sdmx-csv":
        assert by_name["value"]["type"] == "number"
        assert by_name["value"]["catdomain:decimal"] is True
        assert by_name["time_start"]["type"] == "date"
        assert by_name["start"]["type"] == "integer"
        assert by_name["qualifier"]["categories"] == [q.value for q in cd.Qualifier]
        assert by_name["series_id"]["description"] == "Id of the series"
        assert observations["primaryKey"] == ["observation_id"]
        measures = package["resources"][1]["schema"]["fields"]
        status = next(f for f in measures if f["name"] == "status")
        assert status["categoriesOrdered"] is True
        links = package["resources"][6]["schema"]
        assert {fk["reference"]["resource"] for fk in links["foreignKeys"]} == {
            "recommendations",
            "measures",
        }
    else:
        assert by_name["OBS_VALUE"]["catdomain:decimal"] is True
        assert package["resources"][0]["mediatype"].startswith("application/vnd.sdmx.data+csv")


# Not Parquet: frictionless reads Parquet through pandas, where a nullable
# integer column (source offsets) turns into floats it then refuses as integers.
@pytest.mark.parametrize("format", ["csv", "sdmx-csv"])
def test_frictionless_finds_the_package_valid(
    format: exports.Format, tmp_path: Path, edge: cd.Dossier
) -> None:
    """The reference implementation validates descriptor and data (types, keys, enums, hashes)."""
    frictionless = pytest.importorskip("frictionless", reason="frictionless is not installed")
    exports.export(edge, tmp_path, format=format, findings=edge_findings())
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_prefix_keeps_several_dossiers_in_one_folder(tmp_path: Path, kaz: cd.Dossier) -> None:
    first = exports.export(kaz, tmp_path, prefix="kaz-")
    second = exports.export(build_edge_dossier(), tmp_path, prefix="edge.")
    assert first[-1].name == "kaz-datapackage.json"
    assert second[0].name == "edge.observations.csv"
    back = exports.read_back(tmp_path / "kaz-datapackage.json")
    assert_frame_equal(back["measures"], tables.measures(kaz))


# --------------------------------------------------------------------------
# Safety: nothing outside the folder, nothing overwritten by accident


@pytest.mark.parametrize(
    "prefix",
    ["../", "../evil-", "/tmp/evil-", "sub/", "a\\b", ".hidden", "..", " x", "x\0"],
)
def test_prefix_cannot_leave_the_folder(tmp_path: Path, prefix: str, kaz: cd.Dossier) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    before = _listing(tmp_path)
    with pytest.raises(InputError):
        exports.export(kaz, folder, prefix=prefix)
    assert _listing(tmp_path) == before
    assert _listing(folder) == []


@pytest.mark.parametrize("name", ["../x.csv", "/etc/passwd", "a/b.csv", "..", "", "x\\y"])
def test_target_refuses_names_that_are_not_plain(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError):
        exports._target(tmp_path.resolve(), name)


def test_read_back_refuses_paths_outside_the_folder(tmp_path: Path, kaz: cd.Dossier) -> None:
    exports.export(kaz, tmp_path / "pkg", format="csv")
    secret = tmp_path / "secret.csv"
    secret.write_text("measure_id\nstolen\n", encoding="utf-8")
    descriptor = tmp_path / "pkg" / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    for location in ("../secret.csv", str(secret)):
        package["resources"][1]["path"] = location
        descriptor.write_text(json.dumps(package), encoding="utf-8")
        with pytest.raises(InputError, match="plain file name"):
            exports.read_back(tmp_path / "pkg")


def test_a_symlink_in_the_folder_is_replaced_not_followed(tmp_path: Path, kaz: cd.Dossier) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("keep me\n", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    try:
        (folder / "measures.csv").symlink_to(outside)
    except OSError:  # pragma: no cover - no symlinks on this system
        pytest.skip("cannot create symlinks here")
    with pytest.raises(InputError, match="already exists"):
        exports.export(kaz, folder)
    exports.export(kaz, folder, overwrite=True)
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert not (folder / "measures.csv").is_symlink()


def test_read_back_does_not_follow_links_out_of_the_folder(tmp_path: Path, kaz: cd.Dossier) -> None:
    folder = tmp_path / "out"
    exports.export(kaz, folder)
    outside = tmp_path / "measures.csv"
    (folder / "measures.csv").rename(outside)
    try:
        (folder / "measures.csv").symlink_to(outside)
    except OSError:  # pragma: no cover - no symlinks on this system
        pytest.skip("cannot create symlinks here")
    with pytest.raises(InputError, match="outside"):
        exports.read_back(folder)


def test_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, kaz: cd.Dossier) -> None:
    exports.export(kaz, tmp_path, format="csv")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(InputError, match="already exists") as caught:
        exports.export(build_edge_dossier(), tmp_path, format="csv")
    assert caught.value.path.endswith("observations.csv")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_one_existing_file_blocks_the_whole_export(tmp_path: Path, kaz: cd.Dossier) -> None:
    (tmp_path / "datapackage.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match=r"datapackage\.json: already exists"):
        exports.export(kaz, tmp_path, format="parquet")
    assert _listing(tmp_path) == ["datapackage.json"]


def test_overwrite_replaces_and_leaves_no_temporary_file(tmp_path: Path, kaz: cd.Dossier) -> None:
    exports.export(build_edge_dossier(), tmp_path)
    written = exports.export(kaz, tmp_path, overwrite=True)
    assert _listing(tmp_path) == sorted(p.name for p in written)
    assert_frame_equal(exports.read_back(tmp_path)["measures"], tables.measures(kaz))


def test_files_get_the_usual_permissions(tmp_path: Path, kaz: cd.Dossier) -> None:
    """Written files are readable as any new file would be (the umask), not private."""
    import stat

    umask = os.umask(0o022)
    os.umask(umask)
    for path in exports.export(kaz, tmp_path, format="parquet"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


def test_folder_is_created_and_must_be_a_folder(tmp_path: Path, kaz: cd.Dossier) -> None:
    nested = tmp_path / "a" / "b"
    exports.export(kaz, nested, format="sdmx-csv")
    assert (nested / "datapackage.json").is_file()
    file = tmp_path / "file"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="is a file"):
        exports.export(kaz, file)


def test_a_folder_in_the_way_is_refused(tmp_path: Path, kaz: cd.Dossier) -> None:
    (tmp_path / "measures.csv").mkdir()
    with pytest.raises(InputError, match="is a folder"):
        exports.export(kaz, tmp_path, overwrite=True)


def test_failed_write_leaves_no_temporary_file(
    tmp_path: Path, kaz: cd.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(InputError, match="No space left"):
        exports.export(kaz, tmp_path)
    assert _listing(tmp_path) == []


def test_unknown_format(tmp_path: Path, kaz: cd.Dossier) -> None:
    with pytest.raises(ValueError, match="unknown format 'xlsx'"):
        exports.export(kaz, tmp_path, format="xlsx")  # type: ignore[arg-type]


def test_read_back_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        exports.read_back(tmp_path)
    (tmp_path / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read the descriptor"):
        exports.read_back(tmp_path)
    (tmp_path / "datapackage.json").write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="no resources"):
        exports.read_back(tmp_path)


@pytest.mark.parametrize(
    ("column", "bad", "message"),
    [
        ("qualifier", "roughly", "'roughly' is not one of exact, approximate"),
        ("start", "twelve", "'twelve' is not a whole number"),
        ("time_start", "2023-13-01", "is not a date (YYYY-MM-DD)"),
        ("value", "1,5", "'1,5' is not a decimal number such as 19.2"),
        ("value", "", "a value is required"),
    ],
)
def test_read_back_refuses_values_that_do_not_fit(
    tmp_path: Path, kaz: cd.Dossier, column: str, bad: str, message: str
) -> None:
    """A hand-edited file with a value its column cannot hold is an error, not a silent NA."""
    exports.export(kaz, tmp_path, format="csv")
    path = tmp_path / "observations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0][column] = bad
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(InputError, match=f"row 2, column '{column}'") as caught:
        exports.read_back(tmp_path)
    assert message in str(caught.value)


def test_missing_pyarrow_is_a_clear_import_error(
    tmp_path: Path, kaz: cd.Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ImportError, match=r'needs pyarrow: pip install "catdomain\[analysis\]"'):
        exports.export(kaz, tmp_path, format="parquet")
    assert _listing(tmp_path) == []


# --------------------------------------------------------------------------
# The command


def test_cli_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out"
    assert main(["export", "--to", str(folder), "--format", "parquet"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [Path(line).name for line in printed][-1] == "datapackage.json"
    assert all(Path(line).is_file() for line in printed)
    assert main(["export", "--to", str(folder), "--format", "parquet"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["export", "--to", str(folder), "--format", "parquet", "--force"]) == 0
    capsys.readouterr()
    back = exports.read_back(folder)
    assert_frame_equal(back["measures"], tables.measures(datasets.load()))


def test_cli_export_a_dossier_file_with_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from catdomain.serialization import to_json

    source = tmp_path / "edge.json"
    source.write_text(to_json(build_edge_dossier()), encoding="utf-8")
    folder = tmp_path / "out"
    status = main(
        ["export", str(source), "--to", str(folder), "--format", "sdmx-csv", "--findings"]
    )
    assert status == 0
    names = [Path(line).name for line in capsys.readouterr().out.splitlines()]
    assert names == ["observations.sdmx.csv", "findings.csv", "datapackage.json"]


def test_cli_export_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "missing.json"), "--to", str(tmp_path)]) == 2
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--format", "csv"])
    capsys.readouterr()
