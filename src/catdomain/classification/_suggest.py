"""Rule-based tag suggestions: transparent, each with its rule, pattern and matched text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from catdomain._model.classification import Tag, Vocabulary
from catdomain._model.dossier import Dossier
from catdomain._model.indicators import Series
from catdomain._model.measures import Measure
from catdomain._model.provenance import SourceSpan
from catdomain._model.recommendations import Recommendation
from catdomain.classification._rules import TagRule, tag_rules
from catdomain.vocab import TagOrigin

__all__ = ["Suggestion", "apply_suggestions", "suggest_tags"]

_KINDS = {Recommendation: "recommendation", Measure: "measure", Series: "series"}


@attrs.frozen(kw_only=True)
class Suggestion:
    """A tag a keyword rule suggests for one object, with what matched and where.

    Attributes:
        target: The id of the recommendation, measure or series.
        kind: "recommendation", "measure" or "series".
        tag: The suggested tag (origin "rule", naming the rule; its evidence
            is the matched span when the match was in a document's text).
        pattern: The pattern of the rule that matched.
        field: Where the match was found: a span of the document
            (``"evidence[0]"``, ``"source"``, ``"observations[1].source
            sentence"``) or one of the object's own text fields
            (``"description"``, ``"key.concept"``), which are not document text.
        text: The text that matched.

    Example:
        >>> import catdomain as cd
        >>> m = cd.Measure(id="m-1", description="Legal aid free of charge for detainees",
        ...                category=cd.MeasureCategory.LEGISLATIVE)
        >>> [s] = [s for s in cd.suggest_tags(cd.Dossier(id="d", measures=(m,)),
        ...                                    vocabularies=["themes"])]
        >>> s.target, str(s.tag), s.rule, s.field, s.text, s.span
        ('m-1', 'themes:legal-aid', 'themes/legal-aid', 'description', 'Legal aid', None)
    """

    target: str
    kind: str
    tag: Tag
    pattern: str
    field: str
    text: str

    @property
    def rule(self) -> str:
        """The id of the rule that made the suggestion."""
        assert self.tag.rule is not None
        return self.tag.rule

    @property
    def span(self) -> SourceSpan | None:
        """The matched span of the document, or None if the match was in an own field."""
        return self.tag.evidence[0] if self.tag.evidence else None

    @property
    def in_document(self) -> bool:
        """Whether the match was in a document's text (rather than in an own text field)."""
        return bool(self.tag.evidence)


# --------------------------------------------------------------------------
# The texts of an object


_SENTENCE_END = re.compile(r"[.!?](?=[\s\u00a0]+[“\"(‘']?[A-Z])|\n")
_LOOK = 2_000
"""How far around a figure to look for its sentence's ends."""


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence of `text` holding ``text[start:end]``."""
    lo = max(0, start - _LOOK)
    for found in _SENTENCE_END.finditer(text, lo, start):
        lo = found.end()
    while lo < start and text[lo] in " \t\u00a0":
        lo += 1
    hi = min(len(text), end + _LOOK)
    after = _SENTENCE_END.search(text, end, hi)
    if after is not None:
        hi = after.start() + (0 if after.group() == "\n" else 1)
    return lo, hi


def _sub_span(base: SourceSpan, start: int, end: int) -> SourceSpan:
    """The span of ``base.quote[start:end]`` in the document."""
    return SourceSpan(
        document=base.document,
        start=base.start + start,
        end=base.start + end,
        quote=base.quote[start:end],
        paragraph=base.paragraph,
    )


_Source = tuple[str, str, SourceSpan | None]
"""Where (field), the text, and the span the text is (None for an own field)."""


def _own_fields(obj: Recommendation | Measure | Series) -> Iterator[_Source]:
    if isinstance(obj, Recommendation):
        if obj.heading:
            yield "heading", obj.heading, None
        if obj.text:
            yield "text", obj.text, None
        for i, sub in enumerate(obj.subparagraphs):
            if sub.text:
                yield f"subparagraphs[{i}].text", sub.text, None
    elif isinstance(obj, Measure):
        yield "description", obj.description, None
    else:
        yield "key.concept", obj.key.concept, None
        for i, dimension in enumerate(obj.key.breakdown):
            yield f"key.breakdown[{i}].value", dimension.value, None
        if obj.title:
            yield "title", obj.title, None


def _sources(
    obj: Recommendation | Measure | Series, texts: Mapping[str, str] | None
) -> Iterator[_Source]:
    """The texts to match, best evidence first.

    Recommendations and measures: their spans of document text (source,
    evidence) if they have any, else their own text fields. Series: their own
    text fields (their observations' spans quote figures only), then, given
    the documents' `texts`, the sentence around each observation.
    """
    if isinstance(obj, Series):
        yield from _own_fields(obj)
        if texts is None:
            return
        for i, obs in enumerate(obj.observations):
            span = obs.source
            text = texts.get(span.document) if span is not None else None
            if span is None or text is None or not span.matches(text):
                continue
            lo, hi = _sentence(text, span.start, span.end)
            sentence = SourceSpan(
                document=span.document,
                start=lo,
                end=hi,
                quote=text[lo:hi],
                paragraph=span.paragraph,
            )
            yield f"observations[{i}].source sentence", sentence.quote, sentence
        return
    spans: list[tuple[str, SourceSpan]] = []
    if isinstance(obj, Recommendation):
        if obj.source is not None:
            spans.append(("source", obj.source))
    else:
        spans.extend((f"evidence[{i}]", span) for i, span in enumerate(obj.evidence))
    if spans:
        for field, span in spans:
            yield field, span.quote, span
    else:
        yield from _own_fields(obj)


# --------------------------------------------------------------------------
# Suggesting and applying


def _vocabulary_of(
    dossier: Dossier, id: str, memo: dict[str, Vocabulary | None]
) -> Vocabulary | None:
    if id not in memo:
        try:
            memo[id] = dossier.vocabulary(id)
        except KeyError:
            memo[id] = None
    return memo[id]


def suggest_tags(
    dossier: Dossier,
    *,
    vocabularies: Iterable[str] | None = None,
    rules: Sequence[TagRule] | None = None,
    texts: Mapping[str, str] | None = None,
) -> tuple[Suggestion, ...]:
    """Suggest tags for the recommendations, measures and series of `dossier` by keyword rules.

    Each rule (`TagRule`) is a term and a list of phrases: where one of them
    occurs in an object's text, the term is suggested, once per object and
    term, with the first match as evidence. The text matched is the
    document's where the object points into it — a recommendation's
    `source`, a measure's `evidence`, the sentences of a series'
    observations (given `texts`) — so the suggestion's span leads back to
    it; otherwise the object's own text fields (a measure's description, a
    series' concept), which the suggestion's `field` names. Existing tags
    are not consulted: compare, or merge with `apply_suggestions`.

    Args:
        dossier: The dossier.
        vocabularies: Ids of the vocabularies to suggest terms of (all that
            have rules if None).
        rules: The rules to apply instead of the shipped ones (`tag_rules`).
        texts: Full texts of documents by id (``catdomain.datasets.texts()``),
            to match the sentences of series' observations.

    Returns:
        The suggestions, in the dossier's order of objects and the rules' order.

    Example:
        >>> import catdomain as cd
        >>> from catdomain import datasets
        >>> suggestions = cd.suggest_tags(datasets.load(), vocabularies=["sdg"])
        >>> s = next(s for s in suggestions if s.target == "m-suicide-prevention")
        >>> str(s.tag), s.field, s.span.paragraph, s.span.quote
        ('sdg:3.4', 'evidence[0]', '46', 'suicidal')
    """
    chosen = list(rules) if rules is not None else list(tag_rules())
    memo: dict[str, Vocabulary | None] = {}
    wanted: set[str] | None = None
    if vocabularies is not None:
        wanted = set()
        for id in vocabularies:
            voc = _vocabulary_of(dossier, id, memo)
            if voc is None:
                raise KeyError(f"unknown vocabulary {id!r}")
            wanted.add(voc.id)
    resolved: list[tuple[TagRule, Vocabulary, str]] = []
    for rule in chosen:
        voc = _vocabulary_of(dossier, rule.vocabulary, memo)
        if voc is None:
            raise KeyError(f"rule {rule.id!r}: unknown vocabulary {rule.vocabulary!r}")
        if wanted is not None and voc.id not in wanted:
            continue
        resolved.append((rule, voc, voc.canonical(rule.term)))

    found: list[Suggestion] = []
    for _, obj in dossier.tagged_objects():
        sources = list(_sources(obj, texts))
        done: set[tuple[str, str]] = set()
        for rule, voc, term in resolved:
            if (voc.id, term) in done:
                continue
            for field, text, span in sources:
                match = rule.search(text)
                if match is None:
                    continue
                pattern, start, end = match
                evidence = (_sub_span(span, start, end),) if span is not None else ()
                tag = Tag(
                    vocabulary=voc.id,
                    term=term,
                    origin=TagOrigin.RULE,
                    rule=rule.id,
                    evidence=evidence,
                )
                found.append(
                    Suggestion(
                        target=obj.id,
                        kind=_KINDS[type(obj)],
                        tag=tag,
                        pattern=pattern,
                        field=field,
                        text=text[start:end],
                    )
                )
                done.add((voc.id, term))
                break
    return tuple(found)


def apply_suggestions(dossier: Dossier, suggestions: Iterable[Suggestion]) -> Dossier:
    """Return a copy of `dossier` with the suggested tags added to their objects.

    A suggestion whose term the object already carries (under any alias, by
    any origin) is skipped, so applying twice changes nothing. The tags keep
    their origin "rule" until a person reviews them.

    Raises:
        KeyError: If a suggestion's target is not a recommendation, measure
            or series of the dossier.

    Example:
        >>> import catdomain as cd
        >>> m = cd.Measure(id="m-1", description="Training sessions for prison staff on the "
        ...                "Istanbul Protocol", category=cd.MeasureCategory.ADMINISTRATIVE)
        >>> d = cd.Dossier(id="d", measures=(m,))
        >>> tagged = cd.apply_suggestions(d, cd.suggest_tags(d, vocabularies=["themes"]))
        >>> [str(t) for t in tagged.measures[0].tags]
        ['themes:forensic-documentation', 'themes:training-of-officials']
        >>> cd.apply_suggestions(tagged, cd.suggest_tags(tagged)) == cd.apply_suggestions(
        ...     tagged, cd.suggest_tags(tagged))
        True
    """
    memo: dict[str, Vocabulary | None] = {}
    by_target: dict[str, list[Tag]] = {}
    for suggestion in suggestions:
        by_target.setdefault(suggestion.target, []).append(suggestion.tag)
    changed: dict[str, dict[int, Recommendation | Measure | Series]] = {}
    for path, obj in dossier.tagged_objects():
        new = by_target.pop(obj.id, None)
        if not new:
            continue
        present: set[tuple[str, str]] = set()
        for tag in obj.tags:
            voc = _vocabulary_of(dossier, tag.vocabulary, memo)
            if voc is not None and voc.accepts(tag.term):
                present.add((voc.id, voc.canonical(tag.term)))
        added: list[Tag] = []
        for tag in new:
            voc = _vocabulary_of(dossier, tag.vocabulary, memo)
            key = (
                (voc.id, voc.canonical(tag.term)) if voc is not None else (tag.vocabulary, tag.term)
            )
            if key in present:
                continue
            present.add(key)
            added.append(tag)
        if added:
            name, _, index = path.partition("[")
            changed.setdefault(name, {})[int(index[:-1])] = attrs.evolve(
                obj, tags=(*obj.tags, *added)
            )
    if by_target:
        missing = ", ".join(repr(t) for t in by_target)
        raise KeyError(
            f"not a recommendation, measure or series of dossier {dossier.id!r}: {missing}"
        )
    updates: dict[str, Any] = {
        name: tuple(replaced.get(i, obj) for i, obj in enumerate(getattr(dossier, name)))
        for name, replaced in changed.items()
    }
    return attrs.evolve(dossier, **updates) if updates else dossier
