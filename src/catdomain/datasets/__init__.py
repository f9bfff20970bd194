"""Bundled, curated dossiers and their source texts.

catdomain ships real follow-up documents as curated dossiers, so that a new
user sees real data in the first minute and tests have a reference to score
against. Each dataset has a name, a Dossier and the full texts of the
documents its provenance spans point into.

``kaz-2024-follow-up``
    Kazakhstan's follow-up information on CAT/C/KAZ/CO/4, received 13 May
    2024 (80 paragraphs in 9 sections), curated by hand.

Example:
    >>> from catdomain import datasets
    >>> datasets.names()
    ('kaz-2024-follow-up',)
    >>> dossier = datasets.load()
    >>> dossier.counts()["sections"]
    9
    >>> text = datasets.text()
    >>> span = dossier.series[0].observations[0].source
    >>> text[span.start:span.end] == span.quote
    True
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import attrs

from catdomain._model.dossier import Dossier

__all__ = ["DEFAULT", "Dataset", "dataset", "load", "names", "text", "texts"]

DEFAULT = "kaz-2024-follow-up"
"""The name of the dataset used when none is given."""


@attrs.frozen(kw_only=True)
class Dataset:
    """What is known about a bundled dataset.

    Attributes:
        name: The dataset's name.
        title: A readable title.
        source: Where the source document comes from.
        dossier_file: File name of the dossier JSON in the package data.
        text_files: Document id → file name of that document's full text.

    Example:
        >>> from catdomain import datasets
        >>> datasets.dataset().text_files
        {'kaz-2024-follow-up': 'kaz-2024-follow-up.txt'}
    """

    name: str
    title: str
    source: str
    dossier_file: str
    text_files: dict[str, str]


_DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (
        Dataset(
            name="kaz-2024-follow-up",
            title="Kazakhstan: follow-up information on CAT/C/KAZ/CO/4 (received 13 May 2024)",
            source="Information received from Kazakhstan on follow-up to the concluding "
            "observations on its fourth periodic report (public UN document, English "
            "version, body text without the UN header)",
            dossier_file="kaz-2024-follow-up.json",
            text_files={"kaz-2024-follow-up": "kaz-2024-follow-up.txt"},
        ),
    )
}


def names() -> tuple[str, ...]:
    """The names of the bundled datasets, sorted."""
    return tuple(sorted(_DATASETS))


def dataset(name: str = DEFAULT) -> Dataset:
    """Describe the bundled dataset `name`.

    Raises:
        KeyError: If there is no such dataset; the message lists the names.
    """
    try:
        return _DATASETS[name]
    except KeyError:
        raise KeyError(f"no bundled dataset {name!r}; available: {', '.join(names())}") from None


def _read(file_name: str) -> str:
    return files(__name__).joinpath("data", file_name).read_text(encoding="utf-8")


@cache
def load(name: str = DEFAULT) -> Dossier:
    """Load the bundled dossier `name` (the result is cached; dossiers are immutable).

    Raises:
        KeyError: If there is no such dataset.
    """
    from catdomain.serialization import from_json

    info = dataset(name)
    result: Dossier = from_json(_read(info.dossier_file), Dossier, source=info.dossier_file)
    return result


def texts(name: str = DEFAULT) -> dict[str, str]:
    """The full texts of the dataset's documents, by document id.

    Pass them to `catdomain.validate` so provenance quotes can be checked.
    """
    return {doc: _read(file_name) for doc, file_name in dataset(name).text_files.items()}


def text(name: str = DEFAULT) -> str:
    """The full text of the dataset's main document (its first text file)."""
    info = dataset(name)
    return _read(next(iter(info.text_files.values())))
