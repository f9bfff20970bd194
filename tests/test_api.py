"""The public API: one façade, sorted, documented, with runnable examples."""

from __future__ import annotations

import doctest
import importlib
import inspect
from pathlib import Path

import catdomain

# Type aliases and constants have no docstring of their own at run time; they
# are documented in the reference pages.
NOT_INTROSPECTABLE = {"AnswerKind", "TimeReference", "GRADING_SCALES", "SCHEMA_VERSION"}


def test_all_is_sorted_and_unique() -> None:
    """__all__ is sorted (upper-case constants first, as ruff sorts) and lists each name once."""
    names = catdomain.__all__
    assert len(names) == len(set(names))
    assert names == sorted(names, key=lambda n: (not n.isupper(), n))


def test_every_public_name_resolves() -> None:
    """Every name in __all__ is an attribute of the package."""
    for name in catdomain.__all__:
        assert hasattr(catdomain, name), name


def test_every_public_object_has_a_docstring_with_an_example() -> None:
    """Each public class and function is documented with at least one runnable example."""
    missing = []
    for name in catdomain.__all__:
        if name in NOT_INTROSPECTABLE:
            continue
        obj = getattr(catdomain, name)
        doc = inspect.getdoc(obj) or ""
        if ">>>" not in doc:
            missing.append(name)
    assert not missing, f"public objects without an example in their docstring: {missing}"


def test_public_objects_are_defined_in_catdomain() -> None:
    """The façade re-exports catdomain's own objects only."""
    for name in catdomain.__all__:
        obj = getattr(catdomain, name)
        module = getattr(obj, "__module__", "catdomain")
        if (module and inspect.isclass(obj)) or inspect.isfunction(obj):
            assert module.startswith("catdomain"), (name, module)


def test_version_comes_from_metadata() -> None:
    """catdomain.__version__ is read from the installed package metadata."""
    from importlib.metadata import version

    assert catdomain.__version__ == version("catdomain")


def test_importing_catdomain_loads_no_heavy_dependency() -> None:
    """`import catdomain` imports neither pandas, matplotlib nor pyarrow."""
    import subprocess
    import sys

    code = (
        "import sys, catdomain, catdomain.datasets\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'pyarrow', 'hypothesis')\n"
        "         if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_readme_examples_run() -> None:
    """The Python examples in README.md run and print what they show."""
    readme = Path(__file__).parents[1] / "README.md"
    result = doctest.testfile(
        str(readme), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert result.failed == 0
    assert result.attempted > 0


def test_submodules_import() -> None:
    """Each public submodule imports on its own."""
    for module in (
        "catdomain.exceptions",
        "catdomain.vocab",
        "catdomain.identifiers",
        "catdomain.datasets",
        "catdomain.cli",
    ):
        importlib.import_module(module)
