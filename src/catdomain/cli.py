"""The ``catdomain`` command.

A thin layer over the library: each subcommand calls the public API and
prints the result. Errors catdomain raises on purpose are printed as one
clear message (no traceback) and exit with status 2.

Subcommands:

- ``catdomain show [PATH] [--format text|json]`` — summarise a dossier (the
  bundled Kazakhstan dossier when no PATH is given).
- ``catdomain validate PATH…`` — check dossiers against the rule catalogue;
  exit 0 when no errors were found, 1 when some were, 2 when an input cannot
  be read.
- ``catdomain extract PATH… [-o OUT] [--force]`` — read follow-up replies
  (.txt, .docx, .pdf) into dossier JSON: to standard output, to a file, or one
  file per input into a folder. Outputs are written atomically and never
  overwrite an existing file without ``--force``; a batch goes on past files
  that fail and exits 2 if any did.
- ``catdomain export [PATH] --format csv|parquet|sdmx-csv --to DIR [--force]
  [--findings]`` — write a dossier's tables (the bundled dossier when no PATH
  is given) with a ``datapackage.json`` into a folder, and print the files
  written. Needs the ``analysis`` extra.
- ``catdomain schema`` — print the JSON Schema of the dossier format.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from catdomain._model.dossier import Dossier
from catdomain.exceptions import CatdomainError, InputError

if TYPE_CHECKING:
    from catdomain.validation import Finding

__all__ = ["main"]


def _read_text(path: Path) -> str:
    from catdomain.reading._input import decode

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None
    if not data.strip():
        raise InputError(path, "is empty")
    return decode(data, source=str(path))


def _load(path: str | None) -> tuple[Dossier, dict[str, str]]:
    from catdomain import datasets
    from catdomain.serialization import from_json

    if path is None:
        return datasets.load(), datasets.texts()
    file = Path(path)
    dossier = from_json(_read_text(file), Dossier, source=str(file))
    return dossier, {}


def _show(args: argparse.Namespace) -> int:
    from catdomain._summary import summarize
    from catdomain.serialization import to_json

    dossier, texts = _load(args.path)
    if args.format == "json":
        sys.stdout.write(to_json(dossier))
        return 0
    findings = _findings(dossier, texts)
    sys.stdout.write(summarize(dossier, findings, width=80))
    return 0


def _findings(dossier: Dossier, texts: dict[str, str]) -> Sequence[Finding]:
    from catdomain.validation import validate

    return validate(dossier, texts=texts)


def _validate(args: argparse.Namespace) -> int:
    import json

    from catdomain.serialization import to_dict
    from catdomain.validation import Severity, validate

    status = 0
    reports = []
    for path in args.paths:
        try:
            dossier, texts = _load(path)
        except CatdomainError as error:
            print(f"catdomain: error: {error}", file=sys.stderr)
            status = 2
            continue
        findings = validate(dossier, texts=texts)
        errors = sum(1 for f in findings if f.severity is Severity.ERROR)
        if errors and status == 0:
            status = 1
        if args.format == "json":
            reports.append({"path": path, "findings": [to_dict(f) for f in findings]})
            continue
        counts = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
        summary = ", ".join(f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items())
        print(f"{path}: {summary}")
        for severity in Severity:
            group = [f for f in findings if f.severity is severity]
            if group:
                print(f"  {severity.value.upper()}")
            for f in group:
                print(
                    textwrap.fill(
                        f"{f.code} at {f.path}",
                        80,
                        initial_indent="    ",
                        subsequent_indent="      ",
                    )
                )
                print(
                    textwrap.fill(
                        f.message,
                        80,
                        initial_indent="      ",
                        subsequent_indent="      ",
                        break_on_hyphens=False,
                    )
                )
    if args.format == "json":
        sys.stdout.write(json.dumps(reports, indent=2, ensure_ascii=False, default=str) + "\n")
    return status


def _write_atomic(path: Path, content: str, *, force: bool) -> None:
    """Write `content` to `path` through a temporary file and a rename.

    The file gets the permissions of any new file (the umask applies, not the
    temporary file's 0600). On failure neither a partial file nor the
    temporary file is left, and the error is an `InputError` naming `path`.
    """
    import tempfile

    if os.path.lexists(path) and not force:
        raise InputError(path, "already exists; use --force to overwrite it")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(path.parent, f"cannot create the folder: {reason}") from None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(path, f"cannot write the file: {error.strerror or error}") from None
    try:
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(path, f"cannot write the file: {error.strerror or error}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _extract(args: argparse.Namespace) -> int:
    from catdomain.reading.assemble import extract_file
    from catdomain.serialization import to_json

    paths = [Path(p) for p in args.paths]
    out = Path(args.output) if args.output else None
    many = len(paths) > 1
    if many and out is None:
        raise InputError("-o", "several inputs need an output folder: -o FOLDER")
    if out is not None and (many or out.is_dir() or args.output.endswith(("/", "\\"))):
        if out.exists() and not out.is_dir():
            raise InputError(out, "is a file; give a folder for several inputs")
        targets: list[Path | None] = [out / f"{p.stem}.json" for p in paths]
        names = [p.stem for p in paths]
        clashes = {n for n in names if names.count(n) > 1}
        if clashes:
            raise InputError(out, f"inputs would write the same file: {', '.join(sorted(clashes))}")
    else:
        targets = [out]
    progress = sys.stderr.isatty() and many
    inputs = {p.resolve() for p in paths}
    failed = 0
    for n, (path, target) in enumerate(zip(paths, targets, strict=True), start=1):
        if progress:
            print(f"[{n}/{len(paths)}] {path}", file=sys.stderr, flush=True)
        try:
            if target is not None and target.resolve() in inputs:
                raise InputError(target, "is one of the inputs: an input is never overwritten")
            if target is not None and os.path.lexists(target) and not args.force:
                raise InputError(target, "already exists; use --force to overwrite it")
            dossier = extract_file(path)
            content = to_json(dossier)
            if target is None:
                sys.stdout.write(content)
            else:
                _write_atomic(target, content, force=args.force)
        except CatdomainError as error:
            failed += 1
            print(f"catdomain: error: {error}", file=sys.stderr)
    if many:
        print(f"{len(paths) - failed} of {len(paths)} replies extracted", file=sys.stderr)
    return 2 if failed else 0


def _export(args: argparse.Namespace) -> int:
    from catdomain.exports import export

    dossier, texts = _load(args.path)
    findings = _findings(dossier, texts) if args.findings else None
    try:
        paths = export(
            dossier, args.to, format=args.format, findings=findings, overwrite=args.force
        )
    except ImportError as error:
        print(f"catdomain: error: {error}", file=sys.stderr)
        return 2
    for path in paths:
        print(path)
    return 0


def _schema(args: argparse.Namespace) -> int:
    import json

    from catdomain.serialization import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="catdomain",
        description="Typed domain objects for UN treaty-body follow-up: show, validate and "
        "convert follow-up dossiers.",
    )
    parser.add_argument("--version", action="version", version=f"catdomain {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    show = commands.add_parser(
        "show",
        help="summarise a dossier (the bundled Kazakhstan dossier by default)",
        description="Summarise a dossier for a person: sections, recommendations answered, "
        "measures by status, instruments by kind, indicator series and validation findings.",
    )
    show.add_argument("path", nargs="?", help="a dossier JSON file (default: the bundled one)")
    show.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    show.set_defaults(handler=_show)

    validate = commands.add_parser(
        "validate",
        help="check dossiers against the rule catalogue",
        description="Check dossier JSON files against catdomain's rule catalogue. Exit status: "
        "0 no errors, 1 errors found, 2 an input could not be read.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="dossier JSON files")
    validate.add_argument(
        "--format", choices=("text", "json"), default="text", help="report format (default: text)"
    )
    validate.set_defaults(handler=_validate)

    extract = commands.add_parser(
        "extract",
        help="read follow-up replies (.txt, .docx, .pdf) into dossier JSON",
        description="Read follow-up replies into dossier JSON with provenance. With one input "
        "and no -o, print to standard output.",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="reply files")
    extract.add_argument(
        "-o", "--output", help="output file (one input) or folder (one JSON file per input)"
    )
    extract.add_argument("--force", action="store_true", help="overwrite existing outputs")
    extract.set_defaults(handler=_extract)

    export = commands.add_parser(
        "export",
        help="write a dossier's tables as CSV, Parquet or SDMX-CSV with a datapackage.json",
        description="Write a dossier's tables (observations, measures, instruments, "
        "issuances, citations, recommendations and their links) into a folder, with a "
        "Frictionless datapackage.json describing them, and print the files written. Needs "
        'the analysis extra: pip install "catdomain[analysis]".',
    )
    export.add_argument("path", nargs="?", help="a dossier JSON file (default: the bundled one)")
    export.add_argument(
        "--format",
        choices=("csv", "parquet", "sdmx-csv"),
        default="csv",
        help="csv (default), parquet, or sdmx-csv (the observations as SDMX-CSV 2.0)",
    )
    export.add_argument("--to", required=True, metavar="DIR", help="the folder to write into")
    export.add_argument("--force", action="store_true", help="overwrite existing files")
    export.add_argument(
        "--findings", action="store_true", help="validate and write the findings table too"
    )
    export.set_defaults(handler=_export)

    schema = commands.add_parser("schema", help="print the JSON Schema of the dossier format")
    schema.set_defaults(handler=_schema)
    return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("catdomain")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``catdomain`` command; return its exit status.

    Example:
        >>> from catdomain.cli import main
        >>> main(["show", "does-not-exist.json"])
        2
    """
    args = _parser().parse_args(argv)
    try:
        status: int = args.handler(args)
    except CatdomainError as error:
        print(f"catdomain: error: {error}", file=sys.stderr)
        return 2
    except UnicodeEncodeError as error:  # a lone surrogate, or a legacy output encoding
        bad = error.object[error.start : error.end]
        print(
            f"catdomain: error: cannot write {bad!r} to the output ({error.encoding}): "
            f"{error.reason}",
            file=sys.stderr,
        )
        return 2
    except BrokenPipeError:  # pragma: no cover - e.g. `catdomain show | head`
        sys.stderr.close()
        return 0
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
