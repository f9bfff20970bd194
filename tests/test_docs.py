"""The documentation site: complete reference, faithful pages, an offline build.

The code examples in ``docs/**/*.md`` are tests of their own (Sybil, see
``docs/conftest.py``); this module checks the site as a whole.
"""

from __future__ import annotations

import enum
import importlib
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import catdomain
import catdomain.exceptions

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"

_DIRECTIVE = re.compile(r"^:::[ \t]+catdomain\.(\S+)[ \t]*$", re.MULTILINE)
_TEXT_BLOCK = re.compile(r"```text\n(.*?)```", re.DOTALL)
_TABLE_MARKER = re.compile(r"^<!-- vocabulary-table: (\w+) -->$", re.MULTILINE)


def _reference_directives() -> Counter[str]:
    """Count the ``::: catdomain.X`` directives over all reference pages."""
    found: Counter[str] = Counter()
    for page in sorted(REFERENCE.glob("*.md")):
        found.update(_DIRECTIVE.findall(page.read_text(encoding="utf-8")))
    return found


def test_reference_documents_every_public_name_exactly_once() -> None:
    """Each name of ``catdomain.__all__`` has one ``:::`` entry in docs/reference, and no other."""
    found = _reference_directives()
    public = set(catdomain.__all__)
    # The analysis submodules need optional extras, so they are documented as
    # submodules (``::: catdomain.tables.observations``), not re-exported.
    for module in ("tables", "plots", "exports"):
        names = importlib.import_module(f"catdomain.{module}").__all__
        public |= {f"{module}.{name}" for name in names}
    missing = sorted(public - set(found))
    extra = sorted(set(found) - public)
    repeated = sorted(name for name, count in found.items() if count > 1)
    problems = []
    if missing:
        problems.append(
            f"missing from docs/reference/*.md (add a '::: catdomain.X' entry): {missing}"
        )
    if extra:
        problems.append(f"documented but not in catdomain.__all__: {extra}")
    if repeated:
        problems.append(f"documented more than once: {repeated}")
    assert not problems, "\n".join(problems)


def test_exceptions_page_draws_the_hierarchy_of_the_module_docstring() -> None:
    """The hierarchy drawn on the exceptions page is the one in catdomain.exceptions' docstring."""
    module_doc = catdomain.exceptions.__doc__ or ""
    page = (REFERENCE / "exceptions.md").read_text(encoding="utf-8")
    in_module = _TEXT_BLOCK.search(module_doc)
    on_page = _TEXT_BLOCK.search(page)
    assert in_module is not None, "catdomain.exceptions' docstring no longer draws the hierarchy"
    assert on_page is not None, "docs/reference/exceptions.md no longer draws the hierarchy"
    assert on_page.group(1) == in_module.group(1)


def test_vocabularies_page_tabulates_every_public_enumeration() -> None:
    """docs/reference/vocabularies.md has a generated value table for every public enum."""
    page = (REFERENCE / "vocabularies.md").read_text(encoding="utf-8")
    tabulated = set(_TABLE_MARKER.findall(page))
    enums = {
        name
        for name in catdomain.__all__
        if isinstance(getattr(catdomain, name), type)
        and issubclass(getattr(catdomain, name), enum.Enum)
    }
    assert enums <= tabulated, f"no value table for: {sorted(enums - tabulated)}"
    assert tabulated <= enums, (
        f"value table for a name that is not a public enum: {tabulated - enums}"
    )


# --------------------------------------------------------------------------
# The built site

# Loading anything from another host when a page is viewed: script, style
# sheet, font, image or frame sources, CSS imports and url(). Links a reader
# follows (<a href="https://…">) are fine.
_EXTERNAL_ASSET_PATTERNS = {
    ".html": [
        re.compile(
            r"<(?:script|link|img|iframe|source|audio|video|embed|object|track)\b[^>]*?"
            r"\s(?:src|href|data|srcset|poster)\s*=\s*[\"']?\s*(?:https?:)?//",
            re.IGNORECASE,
        ),
        re.compile(r"url\(\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE),
        re.compile(r"@import\s+(?:url\()?\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE),
    ],
    ".css": [
        re.compile(r"url\(\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE),
        re.compile(r"@import\s+(?:url\()?\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE),
    ],
    ".js": [],
}
_FORBIDDEN_ANYWHERE = re.compile(r"fonts\.googleapis|fonts\.gstatic|https://cdn", re.IGNORECASE)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the site with ``mkdocs build --strict`` into a temporary directory."""
    for module in ("mkdocs", "material", "mkdocstrings_handlers.python"):
        pytest.importorskip(module, reason="the docs tools are in the 'docs' extra")
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    env["NO_MKDOCS_2_WARNING"] = "1"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    return out


def test_site_builds_with_every_page(site: Path) -> None:
    """The strict build produces the home page, the reference and the changelog."""
    assert (site / "index.html").is_file()
    assert (site / "reference" / "dossier" / "index.html").is_file()
    changelog = (site / "changelog" / "index.html").read_text(encoding="utf-8")
    assert "Unreleased" in changelog, "CHANGELOG.md was not included in the changelog page"


def test_site_fetches_nothing_from_other_hosts(site: Path) -> None:
    """No page, style sheet or script of the built site loads anything from another host."""
    offenders = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in _EXTERNAL_ASSET_PATTERNS or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        where = path.relative_to(site)
        match = _FORBIDDEN_ANYWHERE.search(text)
        if match:
            offenders.append(f"{where}: {text[max(0, match.start() - 40) : match.end() + 40]!r}")
        for pattern in _EXTERNAL_ASSET_PATTERNS[path.suffix]:
            for found in pattern.finditer(text):
                offenders.append(f"{where}: {text[found.start() : found.end() + 60]!r}")
        if path.suffix == ".html" and 'class="mermaid"' in text:
            # Material would fetch the Mermaid library from a CDN for such a diagram.
            offenders.append(f"{where}: a Mermaid diagram")
    assert not offenders, "external assets in the built site:\n" + "\n".join(offenders)


def test_reference_shows_keyword_only_constructor_signatures(site: Path) -> None:
    """attrs classes are shown with their generated constructor: keyword-only, fields in order."""
    page = (site / "reference" / "measures" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", page)
    assert re.search(r"Measure\(\s*\*,\s*id: str,\s*description: str,", text)
