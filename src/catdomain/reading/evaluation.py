"""Scoring an extracted dossier against a curated one: precision, recall, F1 per kind.

Use it to measure the reader on replies you have curated yourself, as the
test suite does with the bundled Kazakhstan dossier.

How objects are matched, kind by kind:

* **sections** — the same answered paragraphs of the concluding observations
  and the same first and last reply paragraph;
* **citations** — a found citation matches a curated one when their spans
  overlap in the same document (one-to-one);
* **instruments** — a found instrument matches the curated instrument most of
  its citations matched;
* **statistics** — the same value in the same paragraph (with multiplicity);
  **statistics (strict)** also requires the same qualifier and time;
* **dates** — the dates of instruments' issuances, as (paragraph, date at its
  precision);
* **measures** — a found measure matches a curated one whose first evidence
  paragraph is the same.

Example:
    >>> from catdomain import datasets
    >>> from catdomain.reading.evaluation import evaluate
    >>> gold = datasets.load()
    >>> scores = {s.kind: s for s in evaluate(gold, gold)}
    >>> scores["statistics"].f1
    1.0
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import attrs

from catdomain._model.dossier import Dossier

__all__ = ["Score", "evaluate", "format_scores"]


@attrs.frozen(kw_only=True)
class Score:
    """Precision, recall and F1 of one kind of object.

    Attributes:
        kind: What was scored ("citations").
        gold: How many curated objects there are.
        found: How many the extraction produced.
        true_positives: How many matched.

    Example:
        >>> from catdomain.reading.evaluation import Score
        >>> s = Score(kind="citations", gold=10, found=8, true_positives=8)
        >>> s.precision, s.recall, round(s.f1, 3)
        (1.0, 0.8, 0.889)
    """

    kind: str
    gold: int
    found: int
    true_positives: int

    @property
    def precision(self) -> float:
        """Share of found objects that match (1.0 when nothing was found and nothing was due)."""
        if self.found == 0:
            return 1.0 if self.gold == 0 else 0.0
        return self.true_positives / self.found

    @property
    def recall(self) -> float:
        """Share of curated objects that were found."""
        if self.gold == 0:
            return 1.0
        return self.true_positives / self.gold

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def _multiset_score(kind: str, found: Iterable[object], gold: Iterable[object]) -> Score:
    f, g = Counter(found), Counter(gold)
    tp = sum((f & g).values())
    return Score(kind=kind, gold=sum(g.values()), found=sum(f.values()), true_positives=tp)


def _sections(d: Dossier) -> list[tuple[frozenset[int], str, str]]:
    out = []
    for doc in d.replies:
        for s in doc.sections:
            answered = frozenset(d.get(r).paragraph for r in s.recommendations)
            first = s.paragraphs[0] if s.paragraphs else ""
            last = s.paragraphs[-1] if s.paragraphs else ""
            out.append((answered, first, last))
    return out


def _reply_ids(d: Dossier) -> set[str]:
    return {doc.id for doc in d.replies}


def _citation_spans(d: Dossier) -> list[tuple[int, int, str]]:
    replies = _reply_ids(d)
    return [
        (c.source.start, c.source.end, c.instrument)
        for c in d.citations
        if c.source is not None and c.source.document in replies
    ]


def _match_spans(
    found: list[tuple[int, int, str]], gold: list[tuple[int, int, str]]
) -> list[tuple[int, int]]:
    """One-to-one matches of overlapping spans, largest overlap first."""
    pairs = []
    for i, (fs, fe, _) in enumerate(found):
        for j, (gs, ge, _) in enumerate(gold):
            overlap = min(fe, ge) - max(fs, gs)
            if overlap > 0:
                pairs.append((overlap, i, j))
    pairs.sort(reverse=True)
    used_f: set[int] = set()
    used_g: set[int] = set()
    matches = []
    for _, i, j in pairs:
        if i not in used_f and j not in used_g:
            used_f.add(i)
            used_g.add(j)
            matches.append((i, j))
    return matches


def _statistics(d: Dossier, strict: bool) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for _, o in d.observations():
        paragraph = o.source.paragraph if o.source else None
        key: tuple[object, ...] = (paragraph, o.value.normalize())
        if strict:
            key += (o.qualifier, str(o.time) if o.time is not None else None)
        out.append(key)
    return out


def _dates(d: Dossier) -> list[tuple[str | None, str]]:
    out = []
    for inst in d.instruments:
        for i in inst.issuances:
            if i.date is not None:
                out.append((i.source.paragraph if i.source else None, str(i.date)))
    return out


def _first_paragraphs(d: Dossier) -> list[str | None]:
    return [m.evidence[0].paragraph if m.evidence else None for m in d.measures]


def evaluate(found: Dossier, gold: Dossier) -> tuple[Score, ...]:
    """Score `found` (an extraction) against `gold` (a curated dossier of the same text).

    Returns one `Score` per kind: sections, citations, instruments,
    statistics, statistics (strict), dates, measures.
    """
    scores = [_multiset_score("sections", _sections(found), _sections(gold))]

    f_cit, g_cit = _citation_spans(found), _citation_spans(gold)
    matches = _match_spans(f_cit, g_cit)
    scores.append(
        Score(kind="citations", gold=len(g_cit), found=len(f_cit), true_positives=len(matches))
    )

    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for i, j in matches:
        votes[f_cit[i][2]][g_cit[j][2]] += 1
    mapping = {f: c.most_common(1)[0][0] for f, c in votes.items()}
    found_instruments = {c[2] for c in f_cit}
    gold_instruments = {c[2] for c in g_cit}
    scores.append(
        Score(
            kind="instruments",
            gold=len(gold_instruments),
            found=len(found_instruments),
            true_positives=len(set(mapping.values()) & gold_instruments),
        )
    )

    scores.append(
        _multiset_score("statistics", _statistics(found, False), _statistics(gold, False))
    )
    scores.append(
        _multiset_score("statistics (strict)", _statistics(found, True), _statistics(gold, True))
    )
    scores.append(_multiset_score("dates", _dates(found), _dates(gold)))
    scores.append(_multiset_score("measures", _first_paragraphs(found), _first_paragraphs(gold)))
    return tuple(scores)


def format_scores(scores: Iterable[Score]) -> str:
    """A plain-text table of scores.

    Example:
        >>> from catdomain.reading.evaluation import Score, format_scores
        >>> print(format_scores([Score(kind="dates", gold=4, found=4, true_positives=3)]))
        kind                   gold  found  matched  precision  recall     F1
        dates                     4      4        3      0.750   0.750  0.750
    """
    lines = [
        f"{'kind':<20} {'gold':>6} {'found':>6} {'matched':>8} {'precision':>10} "
        f"{'recall':>7} {'F1':>6}"
    ]
    for s in scores:
        lines.append(
            f"{s.kind:<20} {s.gold:>6} {s.found:>6} {s.true_positives:>8} "
            f"{s.precision:>10.3f} {s.recall:>7.3f} {s.f1:>6.3f}"
        )
    return "\n".join(lines)
