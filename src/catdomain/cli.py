"""The ``catdomain`` command.

A thin layer over the library: each subcommand calls the public API and
prints the result. Errors catdomain raises on purpose are printed as one
clear message (no traceback) and exit with status 2.

Subcommands:

- ``catdomain show [PATH] [--format text|json]`` — summarise a dossier (the
  bundled Kazakhstan dossier when no PATH is given).
- ``catdomain schema`` — print the JSON Schema of the dossier format.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from catdomain._model.dossier import Dossier
from catdomain.exceptions import CatdomainError, InputError

if TYPE_CHECKING:
    from catdomain.validation import Finding

__all__ = ["main"]


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as error:
        raise InputError(path, error.strerror or str(error)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not valid UTF-8 at byte {error.start}") from None


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
    except BrokenPipeError:  # pragma: no cover - e.g. `catdomain show | head`
        sys.stderr.close()
        return 0
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
