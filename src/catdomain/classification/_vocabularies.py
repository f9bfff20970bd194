"""The vocabularies shipped with catdomain, read from package data once."""

from __future__ import annotations

import functools
from importlib import resources

from catdomain._model.classification import Vocabulary

__all__ = ["VOCABULARY_FILES", "shipped_vocabulary", "vocabularies", "vocabulary"]

VOCABULARY_FILES: tuple[str, ...] = (
    "sdg.json",
    "cat-articles.json",
    "cat-follow-up-purposes.json",
    "themes.json",
    "groups-of-persons.json",
)
"""The shipped vocabulary files, under ``catdomain/classification/data/vocabularies``."""


def read_vocabulary_file(name: str) -> str:
    """The text of the shipped vocabulary file `name`."""
    resource = resources.files("catdomain.classification").joinpath("data", "vocabularies", name)
    return resource.read_text(encoding="utf-8")


@functools.cache
def _shipped() -> tuple[dict[str, Vocabulary], dict[str, Vocabulary]]:
    """The shipped vocabularies by id, and by id and alias."""
    from catdomain.serialization import from_json

    by_id: dict[str, Vocabulary] = {}
    by_key: dict[str, Vocabulary] = {}
    for name in VOCABULARY_FILES:
        voc = from_json(read_vocabulary_file(name), Vocabulary, source=name)
        by_id[voc.id] = voc
        for key in (voc.id, *voc.aliases):
            if key in by_key:  # pragma: no cover - the shipped files are tested
                raise ValueError(f"{name}: {key!r} already names vocabulary {by_key[key].id!r}")
            by_key[key] = voc
    return by_id, by_key


def shipped_vocabulary(id: str) -> Vocabulary | None:
    """The shipped vocabulary with this id or alias, or None."""
    return _shipped()[1].get(id)


def vocabularies() -> dict[str, Vocabulary]:
    """The vocabularies shipped with catdomain, by id (read once, on first use).

    Returns:
        A new dict each time: id → `Vocabulary`.

    Example:
        >>> import catdomain as cd
        >>> list(cd.vocabularies())
        ['sdg', 'cat-articles', 'cat-follow-up-purposes', 'themes', 'groups-of-persons']
    """
    return dict(_shipped()[0])


def vocabulary(id: str) -> Vocabulary:
    """Return a shipped vocabulary by id or alias.

    Args:
        id: One of the keys of `vocabularies()`, or an alias of one
            ("affected-persons" for "groups-of-persons").

    Raises:
        KeyError: If no shipped vocabulary has that id; the message lists them.

    Example:
        >>> import catdomain as cd
        >>> sdg = cd.vocabulary("sdg")
        >>> sdg.label("16.3")
        'Promote the rule of law and ensure equal access to justice for all'
        >>> sdg.broader("16.3")
        ('16',)
        >>> cd.vocabulary("affected-persons").id
        'groups-of-persons'
    """
    found = shipped_vocabulary(id)
    if found is None:
        known = ", ".join(_shipped()[0])
        raise KeyError(f"no shipped vocabulary {id!r}; known: {known}")
    return found
