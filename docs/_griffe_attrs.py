"""Griffe extensions for catdomain's API reference.

`ExampleSections` reads a Google-style ``Example:`` heading as an examples
section. Google style (and Sphinx's Napoleon) accept ``Example:`` and
``Examples:`` alike, and catdomain's docstrings use the singular; Griffe only
knows the plural, and would otherwise render the doctests as Markdown
quotations instead of code.

`AttrsSignatures` gives attrs classes their constructor signature.

attrs writes ``__init__`` at import time, so static analysis (which the API
reference uses) sees no constructor and mkdocstrings would show ``Measure``
without its parameters. This extension reads the decorated class as written:
for ``@attrs.frozen``/``@attrs.define`` (with or without arguments) it builds
an ``__init__`` whose parameters are the fields in order, keyword-only when the
decorator says ``kw_only=True``, with the annotation and ``default=`` of each
``attrs.field(...)``; fields with ``init=False`` are left out. With
``merge_init_into_class`` the class heading then reads
``Measure(*, id, description, category, kind=None, ...)``.

Only the docs build loads this file (``mkdocs.yml``); it is not part of the
package and pytest does not collect it (``docs/conftest.py``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_EXAMPLE_HEADING = re.compile(r"^(?P<indent>[ \t]*)Example:[ \t]*$", re.MULTILINE)

_ATTRS_DECORATORS = frozenset(
    {"attrs.frozen", "attrs.define", "attrs.mutable", "attr.s", "attr.attrs", "attr.frozen"}
)


def _decorator(cls: griffe.Class) -> tuple[bool, bool]:
    """Return (is an attrs class, keyword-only) from the class decorators."""
    for decorator in cls.decorators:
        value = decorator.value
        if isinstance(value, griffe.ExprCall):
            name = str(value.function)
            if name in _ATTRS_DECORATORS:
                kw_only = any(
                    isinstance(arg, griffe.ExprKeyword)
                    and arg.name == "kw_only"
                    and str(arg.value) == "True"
                    for arg in value.arguments
                )
                return True, kw_only
        elif str(value) in _ATTRS_DECORATORS:
            return True, False
    return False, False


def _field_options(value: Any) -> dict[str, Any] | None:
    """Return the keyword arguments of ``attrs.field(...)``, or None if `value` is another value."""
    if isinstance(value, griffe.ExprCall) and str(value.function) in {"attrs.field", "attr.ib"}:
        return {
            arg.name: arg.value for arg in value.arguments if isinstance(arg, griffe.ExprKeyword)
        }
    return None


class AttrsSignatures(griffe.Extension):
    """Add an ``__init__`` built from the fields to every attrs class."""

    def on_class_members(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Build the constructor once the class body has been visited."""
        is_attrs, kw_only = _decorator(cls)
        if not is_attrs or "__init__" in cls.members:
            return
        parameters = [griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword)]
        for member in cls.members.values():
            if member.is_alias or not member.is_attribute or member.annotation is None:
                continue
            if member.labels & {"property", "cached_property", "classvar"}:
                continue
            options = _field_options(member.value)
            if options is not None and str(options.get("init", "True")) == "False":
                continue
            if options is None:
                default = None if member.value is None else member.value
            else:
                default = options.get("default")
                if default is None and "factory" in options:
                    default = f"{options['factory']}()"
            name = member.name
            if options is not None and "alias" in options:
                name = str(options["alias"]).strip("'\"")
            elif name.startswith("_"):
                name = name.lstrip("_")
            kind = (
                griffe.ParameterKind.keyword_only
                if kw_only
                else griffe.ParameterKind.positional_or_keyword
            )
            parameters.append(
                griffe.Parameter(name, annotation=member.annotation, kind=kind, default=default)
            )
        init = griffe.Function(
            "__init__",
            lineno=cls.lineno,
            endlineno=cls.lineno,
            parameters=griffe.Parameters(*parameters),
            returns="None",
        )
        init.labels.add("attrs-generated")
        cls.set_member("__init__", init)


class ExampleSections(griffe.Extension):
    """Read ``Example:`` headings in docstrings as ``Examples:`` sections."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the heading before the docstring is parsed."""
        if obj.docstring is not None:
            obj.docstring.value = _EXAMPLE_HEADING.sub(r"\g<indent>Examples:", obj.docstring.value)
