"""Makes ``docs/conftest.py`` importable as ``docs.conftest``.

pytest imports every ``conftest.py`` (and, with ``--doctest-modules``, collects
it) by its module name; without this file, ``docs/conftest.py`` and
``tests/conftest.py`` would both be the top-level module ``conftest`` and clash.
"""
