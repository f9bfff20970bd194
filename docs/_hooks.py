"""MkDocs hooks: tables generated from the code, so they cannot go stale.

A page may hold a marker line ``<!-- vocabulary-table: Qualifier -->``; the
build replaces it with a table of that vocabulary's values, member names and
meanings, read from ``catdomain`` itself (the meanings are the members'
docstrings in the source). Only the site build loads this file
(``mkdocs.yml``: ``hooks``); it is not part of the package.
"""

from __future__ import annotations

import ast
import enum
import importlib
import inspect
import itertools
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

_MARKER = re.compile(r"^<!-- vocabulary-table: ([A-Za-z_][A-Za-z0-9_]*) -->$", re.MULTILINE)


def on_config(config: Any) -> Any:
    """Make ``src/`` importable when the package is not installed."""
    src = Path(config.config_file_path).parent / "src"
    if src.is_dir() and str(src) not in sys.path:
        sys.path.insert(0, str(src))
    return config


def _member_docstrings(cls: type) -> dict[str, str]:
    """Return the docstring written under each member assignment of `cls`."""
    source = textwrap.dedent(inspect.getsource(cls))
    body = ast.parse(source).body[0]
    assert isinstance(body, ast.ClassDef)
    docs: dict[str, str] = {}
    statements = body.body
    for statement, following in itertools.pairwise(statements):
        if (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.targets[0].id] = inspect.cleandoc(following.value.value)
    return docs


def _cell(text: str) -> str:
    """Make `text` safe for one Markdown table cell."""
    text = " ".join(text.split()).replace("|", "\\|")
    # reST-style ``literal`` in docstrings reads as `literal` in Markdown.
    return text.replace("``", "`")


def vocabulary_table(name: str) -> str:
    """Return a Markdown table of the members of ``catdomain.<name>``."""
    catdomain = importlib.import_module("catdomain")
    cls = getattr(catdomain, name)
    if not (isinstance(cls, type) and issubclass(cls, enum.Enum)):
        raise TypeError(f"catdomain.{name} is not an enum")
    docs = _member_docstrings(cls)
    lines = ["| Value | Member | Meaning |", "| --- | --- | --- |"]
    for member in cls:
        meaning = _cell(docs.get(member.name, ""))
        lines.append(f"| `{member.value}` | `{member.name}` | {meaning} |")
    return "\n".join(lines)


def on_page_markdown(markdown: str, **kwargs: Any) -> str:
    """Replace each vocabulary-table marker by its table."""
    return _MARKER.sub(lambda match: vocabulary_table(match.group(1)), markdown)
