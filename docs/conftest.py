"""Run the documentation's code examples as tests (Sybil over Markdown).

Every ```` ```python ```` block in ``docs/**/*.md`` runs under pytest. A block
that starts with ``>>>`` is a doctest, so its printed output is checked; any
other block is executed as a script. The blocks of one page share one
namespace, in page order. ``<!-- skip: next -->`` before a block skips it.
"""

from __future__ import annotations

import doctest

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

# Build helpers for the site, not tests: pytest's --doctest-modules would
# import them (and so need the docs tools) if they were collected.
collect_ignore = ["_hooks.py", "_griffe_attrs.py"]

pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(
            doctest_optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        ),
        SkipParser(),
    ],
    patterns=["*.md"],
).pytest()
