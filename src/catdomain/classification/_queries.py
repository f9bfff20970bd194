"""Queries over tags: what is tagged with a term (or a narrower one), and a clustering table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from catdomain._model.classification import Vocabulary
from catdomain._model.dossier import Dossier
from catdomain._model.indicators import Series
from catdomain._model.measures import Measure
from catdomain._model.recommendations import Recommendation
from catdomain.vocab import Mechanism, TagOrigin, UPRPosition

if TYPE_CHECKING:
    from pandas import DataFrame

__all__ = ["measures_on", "recommendation_theme_table", "series_by", "tagged"]

Tagged = Recommendation | Measure | Series


class _Terms:
    """The vocabulary and the set of term ids a query looks for, with a tag matcher."""

    def __init__(
        self, dossier: Dossier, vocabulary: str | Vocabulary, term: str, *, narrower: bool
    ) -> None:
        self.dossier = dossier
        self.vocabulary = (
            vocabulary if isinstance(vocabulary, Vocabulary) else dossier.vocabulary(vocabulary)
        )
        canonical = self.vocabulary.canonical(term)
        self.wanted = {canonical}
        if narrower and canonical in self.vocabulary:
            self.wanted.update(self.vocabulary.narrower(canonical))
        self._memo: dict[str, Vocabulary | None] = {}

    def _vocabulary(self, id: str) -> Vocabulary | None:
        if id not in self._memo:
            try:
                self._memo[id] = self.dossier.vocabulary(id)
            except KeyError:  # pragma: no cover - the dossier's integrity check forbids it
                self._memo[id] = None
        return self._memo[id]

    def match(self, obj: Tagged) -> bool:
        for tag in obj.tags:
            voc = self._vocabulary(tag.vocabulary)
            if voc is None or voc.id != self.vocabulary.id or not voc.accepts(tag.term):
                continue
            if voc.canonical(tag.term) in self.wanted:
                return True
        return False


def tagged(
    dossier: Dossier, vocabulary: str | Vocabulary, term: str, *, narrower: bool = True
) -> tuple[Tagged, ...]:
    """The recommendations, measures and series tagged with `term` (or, by default, a narrower one).

    Args:
        dossier: The dossier.
        vocabulary: A vocabulary id or alias (the dossier's own or a shipped
            one), or a `Vocabulary`.
        term: A term id or alias; tags using aliases count too.
        narrower: Also count tags with terms under `term` (goal 16 finds
            targets 16.1 to 16.b).

    Raises:
        KeyError: If the vocabulary or the term is unknown.

    Example:
        >>> import catdomain as cd
        >>> from catdomain import datasets
        >>> found = cd.tagged(datasets.load(), "themes", "ill-treatment-in-the-armed-forces")
        >>> [o.id for o in found]  # doctest: +NORMALIZE_WHITESPACE
        ['CAT/C/KAZ/CO/4#44', 'm-commanders-respond-abuse', 'm-military-prevention-activities',
         'm-one-year-service']
    """
    terms = _Terms(dossier, vocabulary, term, narrower=narrower)
    return tuple(obj for _, obj in dossier.tagged_objects() if terms.match(obj))


def measures_on(
    dossier: Dossier, vocabulary: str | Vocabulary, term: str, *, narrower: bool = True
) -> tuple[Measure, ...]:
    """The measures on a term: tagged with it, or answering a recommendation tagged with it.

    Narrower terms count too unless `narrower` is False (measures on
    "conditions-of-detention" include those tagged "health-care-in-detention").

    Args:
        dossier: The dossier.
        vocabulary: A vocabulary id or alias, or a `Vocabulary`.
        term: A term id or alias.
        narrower: Also count terms under `term`.

    Returns:
        The measures, in the dossier's order.

    Raises:
        KeyError: If the vocabulary or the term is unknown.

    Example:
        >>> import catdomain as cd
        >>> from catdomain import datasets
        >>> kaz = datasets.load()
        >>> len(cd.measures_on(kaz, "themes", "health-care-in-detention"))
        18
        >>> [m.id for m in cd.measures_on(kaz, "sdg", "16.1")][:2]
        ['m-january-deaths-investigated', 'm-plans-serious-incidents']
        >>> len(cd.measures_on(kaz, "groups-of-persons", "military-personnel"))
        10
    """
    terms = _Terms(dossier, vocabulary, term, narrower=narrower)
    recommendations = {r.id for r in dossier.recommendations if terms.match(r)}
    return tuple(
        m
        for m in dossier.measures
        if terms.match(m) or any(r in recommendations for r in m.answers)
    )


def series_by(
    dossier: Dossier,
    vocabulary: str | Vocabulary,
    term: str,
    *,
    narrower: bool = True,
    via_measures: bool = False,
) -> tuple[Series, ...]:
    """The series on a term: tagged with it (or a narrower term), e.g. series by SDG target.

    Args:
        dossier: The dossier.
        vocabulary: A vocabulary id or alias, or a `Vocabulary`.
        term: A term id or alias.
        narrower: Also count terms under `term`.
        via_measures: Also include the series of the measures on the term
            (`measures_on`).

    Returns:
        The series, in the dossier's order.

    Raises:
        KeyError: If the vocabulary or the term is unknown.

    Example:
        >>> import catdomain as cd
        >>> from catdomain import datasets
        >>> [s.id for s in cd.series_by(datasets.load(), "sdg", "3.4")]
        ['s-suicides', 's-suicide-attempts-prevented', 's-suicide-attempts-prevented-video']
    """
    terms = _Terms(dossier, vocabulary, term, narrower=narrower)
    ids = {s.id for s in dossier.series if terms.match(s)}
    if via_measures:
        for m in measures_on(dossier, terms.vocabulary, term, narrower=narrower):
            ids.update(m.series)
    return tuple(s for s in dossier.series if s.id in ids)


_COLUMNS = (
    "recommendation_id",
    "mechanism",
    "document",
    "paragraph",
    "position",
    "recommending_states",
    "term",
    "label",
    "top_term",
    "top_label",
    "origin",
    "measures",
)


def recommendation_theme_table(
    dossier: Dossier, vocabulary: str | Vocabulary = "themes", *, language: str = "en"
) -> DataFrame:
    """Recommendations by term of a vocabulary, one row per tag: treaty bodies and UPR side by side.

    A recommendation with several tags of the vocabulary has one row per tag;
    one with none has a single row with `term` missing, so nothing drops out
    of the count. Group by `term` or `top_term` to cluster recommendations
    on the same theme, from whichever mechanism.

    | Column | Meaning | dtype |
    | --- | --- | --- |
    | `recommendation_id` | Id of the recommendation | string |
    | `mechanism` | treaty-body, upr, special-procedure | category |
    | `document` | Id of its document | string |
    | `paragraph` | Its paragraph number | Int64 |
    | `position` | For UPR: supported, partially-supported, noted | category |
    | `recommending_states` | For UPR: the recommending States, "AUT; CHE" | string |
    | `term` | The term's id (an alias resolved), `<NA>` if untagged | string |
    | `label` | The term's label in `language` | string |
    | `top_term` | The broadest term above it (itself if a top term) | string |
    | `top_label` | That term's label | string |
    | `origin` | given, person, rule | category |
    | `measures` | How many measures answer the recommendation | int64 |

    Args:
        dossier: The dossier.
        vocabulary: A vocabulary id or alias, or a `Vocabulary`.
        language: The language of the labels (English where missing).

    Returns:
        The table (pandas is imported only now).

    Raises:
        ImportError: If pandas is not installed.
        KeyError: If the vocabulary is unknown.

    Example:
        >>> import catdomain as cd
        >>> from catdomain import datasets
        >>> table = cd.recommendation_theme_table(datasets.load())
        >>> print(table[["paragraph", "term"]].head(3).to_string(index=False))
         paragraph                           term
                10 definition-and-criminalization
                11                           <NA>
                12                           <NA>
    """
    try:
        import pandas as pd
    except ImportError:
        raise ImportError(
            'recommendation_theme_table needs pandas: pip install "catdomain[analysis]"'
        ) from None
    voc = vocabulary if isinstance(vocabulary, Vocabulary) else dossier.vocabulary(vocabulary)
    answering: dict[str, int] = {}
    for m in dossier.measures:
        for r in m.answers:
            answering[r] = answering.get(r, 0) + 1
    memo: dict[str, Vocabulary | None] = {}

    def vocabulary_of(id: str) -> Vocabulary | None:
        if id not in memo:
            try:
                memo[id] = dossier.vocabulary(id)
            except KeyError:  # pragma: no cover - the dossier's integrity check forbids it
                memo[id] = None
        return memo[id]

    rows: list[dict[str, Any]] = []
    for rec in dossier.recommendations:
        base = {
            "recommendation_id": rec.id,
            "mechanism": rec.mechanism.value if rec.mechanism else None,
            "document": rec.document,
            "paragraph": rec.paragraph,
            "position": rec.position.value if rec.position else None,
            "recommending_states": "; ".join(rec.recommending_states) or None,
            "measures": answering.get(rec.id, 0),
        }
        found = False
        for tag in rec.tags:
            tag_voc = vocabulary_of(tag.vocabulary)
            if tag_voc is None or tag_voc.id != voc.id or not voc.accepts(tag.term):
                continue
            term = voc.canonical(tag.term)
            known = term in voc
            top = ([term, *voc.broader(term)][-1]) if known else term
            rows.append(
                {
                    **base,
                    "term": term,
                    "label": voc.label(term, language) if known else None,
                    "top_term": top,
                    "top_label": voc.label(top, language) if known else None,
                    "origin": tag.origin.value,
                }
            )
            found = True
        if not found:
            rows.append({**base, "term": None, "label": None, "top_term": None, "top_label": None})

    def column(name: str) -> list[Any]:
        return [row.get(name) for row in rows]

    def category(name: str, values: Any) -> Any:
        return pd.Categorical(column(name), categories=[v.value for v in values])

    data = {
        "recommendation_id": pd.array(column("recommendation_id"), dtype="string"),
        "mechanism": category("mechanism", Mechanism),
        "document": pd.array(column("document"), dtype="string"),
        "paragraph": pd.array(column("paragraph"), dtype="Int64"),
        "position": category("position", UPRPosition),
        "recommending_states": pd.array(column("recommending_states"), dtype="string"),
        "term": pd.array(column("term"), dtype="string"),
        "label": pd.array(column("label"), dtype="string"),
        "top_term": pd.array(column("top_term"), dtype="string"),
        "top_label": pd.array(column("top_label"), dtype="string"),
        "origin": category("origin", TagOrigin),
        "measures": pd.array(column("measures"), dtype="int64"),
    }
    return pd.DataFrame(data, columns=list(_COLUMNS))
