"""The ``catdomain`` command on bad input: one clear message, exit 2, nothing lost.

Every input the library refuses with a `CatdomainError` is printed by the
command as one line ``catdomain: error: <file>: <what is wrong>`` on standard
error, without a traceback, and the command exits with status 2. Outputs are
written atomically (a temporary file, then a rename): a failure leaves neither
a partial output nor a temporary file, an existing output is never replaced
without ``--force``, an input is never modified, and a batch finishes the
good files while reporting the bad ones.

The commands run both in-process (`catdomain.cli.main` with ``capsys``) and
as a real process (``python -m catdomain``), which checks the exit status
and that no traceback reaches the terminal.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import catdomain as cd
from catdomain import datasets
from catdomain.cli import main
from catdomain.exceptions import SerializationError
from catdomain.serialization import to_json

REPLIES = Path(__file__).resolve().parent / "replies"
GOOD_REPLIES = sorted(REPLIES.glob("*.txt"))[:3]


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    """Run the command in-process; return its status, standard output and standard error."""
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def run_process(*argv: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m catdomain`` as a real process."""
    return subprocess.run(
        [sys.executable, "-m", "catdomain", *(str(a) for a in argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
        check=False,
    )


def assert_one_error(err: str, *words: str) -> None:
    """`err` is error lines only, no traceback, and holds each of `words`."""
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines, "no error message"
    assert lines[0].startswith("catdomain: error: "), err
    for word in words:
        assert word in err, (word, err)


def digest(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file under `folder`, by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(folder: Path) -> list[str]:
    """Temporary files left behind (``.name.xxxx.tmp``)."""
    return sorted(p.name for p in folder.rglob("*.tmp"))


@pytest.fixture(scope="module")
def dossier_json() -> str:
    return to_json(datasets.load())


@pytest.fixture
def replies(tmp_path: Path) -> Path:
    """A folder with three good replies, named a.txt, b.txt and c.txt."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, source in zip("abc", GOOD_REPLIES, strict=True):
        shutil.copyfile(source, folder / f"{name}.txt")
    return folder


# ==========================================================================
# Bad dossier files: show and validate

VALID = '{"schema_version": "1.0", "id": "d-1"}'

# (id, file content, words of the message)
BAD_DOSSIERS: list[tuple[str, bytes, str]] = [
    ("empty", b"", "is empty"),
    ("blank", b" \r\n\t", "is empty"),
    ("binary image", b"\x89PNG\r\n\x1a\n\x00\x00", "looks like a PNG image"),
    ("pdf", b"%PDF-1.7\n%...", "looks like a PDF document"),
    ("nul byte", b'{"id": "d\x00"}', "NUL byte at byte 9"),
    ("windows-1252", '{"id": "caf\u00e9"}'.encode("cp1252"), "not valid UTF-8 at byte 11"),
    ("truncated", VALID[:-5].encode(), "invalid JSON at line 1"),
    ("trailing comma", VALID[:-1].encode() + b",}", "invalid JSON at line 1 column 39"),
    ("not an object", b"[1, 2, 3]", "expected an object"),
    ("id a number", b'{"schema_version": "1.0", "id": 7}', "$.id: expected a string"),
    ("no id", b'{"schema_version": "1.0"}', "$.id: expected a value for required field"),
    ("no version", b'{"id": "d-1"}', "$.schema_version"),
    ("future version", b'{"schema_version": "7.0", "id": "d-1"}', "'7.0'"),
    ("unknown key", VALID[:-1].encode() + b', "extra": 1}', "unknown key 'extra'"),
    ("NaN", VALID[:-1].encode() + b', "title": NaN}', "$.title"),
    ("huge integer", VALID[:-1].encode() + b', "title": ' + b"9" * 5000 + b"}", "invalid JSON"),
    ("deep nesting", VALID[:-1].encode() + b', "title": ' + b"[" * 200_000 + b"]" * 200_000
     + b"}", "nested less deeply"),
    ("duplicate key", VALID[:-1].encode() + b', "id": "d-2"}', "more than once"),
]  # fmt: skip


@pytest.mark.parametrize("command", ["show", "validate"])
@pytest.mark.parametrize(
    ("content", "words"),
    [case[1:] for case in BAD_DOSSIERS],
    ids=[case[0] for case in BAD_DOSSIERS],
)
def test_bad_dossier_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, content: bytes, words: str
) -> None:
    """A bad dossier file gives one message naming the file and what is wrong, and exit 2."""
    file = tmp_path / "dossier.json"
    file.write_bytes(content)
    status, out, err = run(capsys, command, file)
    assert status == 2
    assert out == ""
    assert_one_error(err, str(file), words)


@pytest.mark.parametrize("command", ["show", "validate"])
@pytest.mark.parametrize(
    ("make", "words"),
    [(lambda folder: folder / "missing.json", "no such file"), (lambda folder: folder, "folder")],
    ids=["missing", "folder"],
)
def test_unreadable_dossier_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, make: Any, words: str
) -> None:
    """A missing file or a folder is an error, not a traceback."""
    words = "is a directory" if words == "folder" else words
    status, _, err = run(capsys, command, make(tmp_path))
    assert status == 2
    assert_one_error(err, words)


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8", "utf-8 with bom", "utf-16 with bom", "crlf"],
)
def test_dossier_files_in_other_encodings_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dossier_json: str, encode: Any
) -> None:
    """A dossier saved with a BOM, in UTF-16 or with CRLF line ends reads the same."""
    file = tmp_path / "dossier.json"
    file.write_bytes(encode(dossier_json))
    status, out, err = run(capsys, "show", "--format", "json", file)
    assert (status, err) == (0, "")
    assert out == dossier_json


def test_lone_surrogate_cannot_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A JSON escape of half a UTF-16 pair is reported when it cannot be written, not raised."""
    file = tmp_path / "dossier.json"
    file.write_text(VALID[:-1] + ', "title": "a\\ud800b"}', encoding="utf-8")
    for argv in (["show", file], ["show", "--format", "json", file]):
        done = run_process(*argv)
        assert done.returncode == 2, done.stderr
        assert_one_error(done.stderr, "cannot write", "\\ud800")


@pytest.mark.parametrize(
    ("command", "value"),
    [("show", "1E+5000"), ("show", "-1E+5000"), ("validate", "1e999999999")],
)
def test_extreme_decimals_are_refused_or_shown(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    sample_document: dict[str, Any],
    command: str,
    value: str,
) -> None:
    """A figure with an extreme exponent is refused with its path (exit 2), never an exception."""
    sample_document["series"][0]["observations"][0]["value"] = value
    file = tmp_path / "dossier.json"
    file.write_text(json.dumps(sample_document), encoding="utf-8")
    status, _, err = run(capsys, command, file)
    assert status == 2
    assert "$.series[0].observations[0].value" in err
    assert "Traceback" not in err


def test_json_number_with_a_huge_exponent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A number too large for a decimal (found by fuzzing) is reported like bad JSON."""
    file = tmp_path / "dossier.json"
    file.write_text(VALID[:-1] + ', "title": 1e9999999999999999999}', encoding="utf-8")
    status, _, err = run(capsys, "show", file)
    assert status == 2
    assert_one_error(err, str(file))


def test_errors_from_a_real_process(tmp_path: Path) -> None:
    """As a process: exit status 2, the message on standard error, no traceback."""
    file = tmp_path / "dossier.json"
    file.write_bytes(b'{"schema_version": "1.0", "id": 7}')
    for argv in (["show", file], ["validate", file], ["show", tmp_path / "missing.json"]):
        done = run_process(*argv)
        assert done.returncode == 2
        assert done.stdout == ""
        assert_one_error(done.stderr, str(argv[-1]))


def test_validate_batch_goes_on_past_bad_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dossier_json: str
) -> None:
    """validate reports every good file and every bad one, and exits 2."""
    good = tmp_path / "good.json"
    good.write_text(dossier_json, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    status, out, err = run(capsys, "validate", bad, good, tmp_path / "missing.json")
    assert status == 2
    assert f"{good}: 0 errors" in out
    assert_one_error(err, str(bad), "missing.json: no such file")


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown commands and options are usage errors (argparse's exit 2), not tracebacks."""
    for argv in (["frobnicate"], ["show", "--format", "xml"], [], ["extract"]):
        with pytest.raises(SystemExit) as caught:
            main(argv)
        assert caught.value.code == 2
        assert "usage:" in capsys.readouterr().err


# ==========================================================================
# extract: batches, atomic writes, --force, inputs untouched


def test_extract_batch_finishes_the_good_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], replies: Path
) -> None:
    """Good replies are written, bad ones reported with the reason, exit status 2."""
    (replies / "legacy.txt").write_bytes("caf\u00e9".encode("cp1252"))
    (replies / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (replies / "folder.txt").mkdir()
    inputs = [
        replies / "a.txt",
        replies / "legacy.txt",
        replies / "missing.txt",
        replies / "b.txt",
        replies / "image.txt",
        replies / "folder.txt",
        replies / "c.txt",
    ]
    before = digest(replies)
    out = tmp_path / "out"
    status, stdout, err = run(capsys, "extract", *inputs, "-o", out)
    assert status == 2
    assert stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["a.json", "b.json", "c.json"]
    for name in "abc":
        dossier = cd.from_json((out / f"{name}.json").read_text(encoding="utf-8"))
        assert dossier.replies
    assert_one_error(
        err,
        "legacy.txt: not valid UTF-8 at byte 3",
        "missing.txt: no such file",
        "image.txt: looks like a PNG image",
        "folder.txt: is a directory",
    )
    assert err.splitlines()[-1] == "3 of 7 replies extracted"
    assert digest(replies) == before
    assert leftovers(tmp_path) == []


def test_extract_batch_as_a_process(tmp_path: Path, replies: Path) -> None:
    """The same from a real process: exit 2, no traceback."""
    (replies / "legacy.txt").write_bytes(b"\xff\xfe\x00")
    done = run_process("extract", replies / "a.txt", replies / "legacy.txt", "-o", tmp_path / "o")
    assert done.returncode == 2
    assert_one_error(done.stderr, "legacy.txt")
    assert (tmp_path / "o" / "a.json").is_file()
    assert not (tmp_path / "o" / "legacy.json").exists()


def test_extract_one_bad_file_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One bad input: nothing on standard output, nothing written, exit 2."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    status, out, err = run(capsys, "extract", bad)
    assert (status, out) == (2, "")
    assert_one_error(err, "bad.txt", "NUL byte at byte 0")
    status, out, err = run(capsys, "extract", bad, "-o", tmp_path / "out.json")
    assert status == 2
    assert not (tmp_path / "out.json").exists()


def test_existing_output_is_kept_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], replies: Path
) -> None:
    """An existing output is not replaced without --force; the other files of a batch are."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "b.json").write_text("keep me\n", encoding="utf-8")
    status, _, err = run(capsys, "extract", replies / "a.txt", replies / "b.txt", "-o", out)
    assert status == 2
    assert_one_error(err, "b.json: already exists; use --force")
    assert (out / "b.json").read_text(encoding="utf-8") == "keep me\n"
    assert (out / "a.json").is_file()
    single = tmp_path / "single.json"
    single.write_text("keep me too\n", encoding="utf-8")
    status, _, err = run(capsys, "extract", replies / "c.txt", "-o", single)
    assert status == 2
    assert single.read_text(encoding="utf-8") == "keep me too\n"
    status, _, err = run(capsys, "extract", replies / "c.txt", "-o", single, "--force")
    assert (status, err) == (0, "")
    assert cd.from_json(single.read_text(encoding="utf-8")).replies


def test_a_dangling_symlink_counts_as_an_existing_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], replies: Path
) -> None:
    """A symlink at the output path is not replaced without --force, even when it dangles."""
    link = tmp_path / "out.json"
    try:
        link.symlink_to(tmp_path / "nowhere.json")
    except OSError:
        pytest.skip("symlinks are not available")
    status, _, err = run(capsys, "extract", replies / "a.txt", "-o", link)
    assert status == 2
    assert_one_error(err, "already exists")
    assert link.is_symlink()


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
def test_an_input_is_never_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], replies: Path, force: bool
) -> None:
    """An output path that is one of the inputs is refused, even with --force."""
    before = digest(replies)
    flags = ["--force"] if force else []
    status, _, err = run(capsys, "extract", replies / "a.txt", "-o", replies / "a.txt", *flags)
    assert status == 2
    assert_one_error(err, "a.txt")
    # A folder output where an input is named like its output: x.json read as a reply.
    (replies / "x.json").write_text("1.\tThe Act was adopted in 2021.\n", encoding="utf-8")
    before = digest(replies)
    status, _, err = run(
        capsys, "extract", replies / "x.json", replies / "b.txt", "-o", replies, *flags
    )
    assert status == 2
    assert_one_error(err, "x.json: is one of the inputs")
    after = digest(replies)
    assert {k: v for k, v in after.items() if k in before} == before
    assert "b.json" in after
    assert leftovers(replies) == []


def test_inputs_are_never_modified(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], replies: Path, dossier_json: str
) -> None:
    """Reading replies and dossiers leaves every input byte for byte as it was."""
    (replies / "d.json").write_text(dossier_json, encoding="utf-8")
    before = digest(replies)
    inputs = [replies / f"{n}.txt" for n in "abc"]
    run(capsys, "extract", *inputs, "-o", tmp_path / "out")
    run(capsys, "extract", *inputs, "-o", tmp_path / "out", "--force")
    run(capsys, "extract", inputs[0])
    run(capsys, "show", replies / "d.json")
    run(capsys, "validate", replies / "d.json", "--format", "json")
    assert digest(replies) == before


class DiskFullError(OSError):
    """A write failure, as a full disk would give."""

    def __init__(self) -> None:
        super().__init__(errno.ENOSPC, "No space left on device")


def test_failed_rename_leaves_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    replies: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If the final rename fails: no output, no temporary file, the old output intact."""
    target = tmp_path / "out.json"

    def fail(*args: object, **kwargs: object) -> None:
        raise DiskFullError

    monkeypatch.setattr(os, "replace", fail)
    status, _, err = run(capsys, "extract", replies / "a.txt", "-o", target)
    assert status == 2
    assert_one_error(err, "out.json: cannot write the file: No space left on device")
    assert not target.exists()
    assert leftovers(tmp_path) == []
    target.write_text("old\n", encoding="utf-8")
    status, _, err = run(capsys, "extract", replies / "a.txt", "-o", target, "--force")
    assert status == 2
    assert target.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_failure_in_the_middle_of_writing_leaves_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    replies: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A write that fails half-way leaves neither a partial output nor the temporary file."""
    real_fdopen = os.fdopen
    written: list[int] = []

    class HalfWriter:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, text: str) -> int:
            self.handle.write(text[: len(text) // 2])
            self.handle.flush()
            written.append(len(text) // 2)
            raise DiskFullError

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    target = tmp_path / "out" / "a.json"
    status, _, err = run(
        capsys, "extract", replies / "a.txt", replies / "b.txt", "-o", target.parent
    )
    assert status == 2
    assert written  # something had been written when it failed
    assert written[0] > 0
    assert_one_error(err, "a.json: cannot write the file", "b.json: cannot write the file")
    assert list(target.parent.iterdir()) == []


def test_interrupted_write_leaves_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    replies: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C while writing removes the temporary file and stops."""

    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        main(["extract", str(replies / "a.txt"), "-o", str(tmp_path / "out.json")])
    assert not (tmp_path / "out.json").exists()
    assert leftovers(tmp_path) == []


def test_serializer_failure_in_a_batch(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    replies: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """If writing one dossier's JSON fails, that file is reported and the others written."""
    from catdomain import serialization

    real = serialization.to_json
    calls: list[int] = []

    def second_fails(obj: object, **kwargs: Any) -> str:
        calls.append(1)
        if len(calls) == 2:
            raise SerializationError([], target="Dossier", source="simulated")
        return real(obj, **kwargs)

    monkeypatch.setattr(serialization, "to_json", second_fails)
    inputs = [replies / f"{n}.txt" for n in "abc"]
    status, _, err = run(capsys, "extract", *inputs, "-o", tmp_path / "out")
    assert status == 2
    assert_one_error(err, "simulated")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json", "c.json"]
    assert err.splitlines()[-1] == "2 of 3 replies extracted"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_outputs_get_the_usual_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], replies: Path
) -> None:
    """An output is created like any new file (umask applies), not owner-only like mkstemp."""
    umask = os.umask(0o022)
    try:
        status, _, _ = run(capsys, "extract", replies / "a.txt", "-o", tmp_path / "a.json")
    finally:
        os.umask(umask)
    assert status == 0
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["{a}", "{b}"], "several inputs need an output folder"),
        (["{a}", "{a}", "-o", "{out}"], "would write the same file: a"),
        (["{a}", "{b}", "-o", "{file}"], "is a file; give a folder"),
        (["{a}", "-o", "{file}/x.json"], "cannot create the folder"),
    ],
    ids=["no folder for several", "same name twice", "file for a folder", "file as a folder"],
)
def test_extract_usage_problems(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    replies: Path,
    argv: list[str],
    words: str,
) -> None:
    """Output choices that cannot work are refused before anything is written."""
    file = tmp_path / "existing.txt"
    file.write_text("x", encoding="utf-8")
    names = {"a": replies / "a.txt", "b": replies / "b.txt", "out": tmp_path / "o", "file": file}
    status, _, err = run(capsys, "extract", *(a.format(**names) for a in argv))
    assert status == 2
    assert_one_error(err, words)
    assert not (tmp_path / "o").exists()
    assert file.read_text(encoding="utf-8") == "x"


# ==========================================================================
# export


@pytest.fixture
def need_pandas() -> None:
    pytest.importorskip("pandas", reason="export needs the 'analysis' extra")


@pytest.mark.usefixtures("need_pandas")
def test_export_keeps_existing_files_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dossier_json: str
) -> None:
    """A second export into the same folder is refused, files unchanged; --force replaces."""
    dossier = tmp_path / "d.json"
    dossier.write_text(dossier_json, encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = run(capsys, "export", dossier, "--to", out)
    assert (status, err) == (0, "")
    before = digest(out)
    status, _, err = run(capsys, "export", dossier, "--to", out)
    assert status == 2
    assert_one_error(err, "already exists")
    assert digest(out) == before
    status, _, err = run(capsys, "export", dossier, "--to", out, "--force")
    assert (status, err) == (0, "")
    assert leftovers(out) == []


@pytest.mark.usefixtures("need_pandas")
def test_export_of_a_bad_dossier_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dossier that does not read gives exit 2 and no folder."""
    bad = tmp_path / "d.json"
    bad.write_text('{"schema_version": "1.0"}', encoding="utf-8")
    status, _, err = run(capsys, "export", bad, "--to", tmp_path / "out")
    assert status == 2
    assert_one_error(err, "d.json", "$.id")
    assert not (tmp_path / "out").exists()


@pytest.mark.usefixtures("need_pandas")
def test_export_into_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--to naming a file is an error, and the file is left alone."""
    file = tmp_path / "out"
    file.write_text("x", encoding="utf-8")
    status, _, err = run(capsys, "export", "--to", file)
    assert status == 2
    assert_one_error(err, "is a file")
    assert file.read_text(encoding="utf-8") == "x"
