"""What the benchmark peers share: patterns, value parsers and the integrity check.

The pydantic and msgspec mirrors of the model must refuse what catdomain
refuses, or the comparison measures less work for them. The field-level rules
are written in each library's own terms (patterns, bounds, strict types); the
rules that span fields or objects (a span's length equals its quote's, ids
are unique and every reference resolves) are the same Python code here, run
from a pydantic ``model_validator`` or a msgspec ``__post_init__``.

The value types written as text (partial dates, UN symbols, provisions) are
checked with catdomain's own parsers, cached as catdomain's converter caches
them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from catdomain._dates import PartialDate
from catdomain.identifiers import DocumentSymbol, ProvisionPath
from catdomain.vocab import GRADING_SCALES

try:  # classification (tags, vocabularies) came with release 0.2
    from catdomain._model.classification import _LANGUAGE
    from catdomain.classification._vocabularies import shipped_vocabulary
    from catdomain.vocab import Mechanism, TagOrigin, UnknownTermPolicy, UPRPosition
except ImportError:  # an older catdomain, measured for comparison: no tags to check
    from enum import StrEnum

    class _Missing(StrEnum):  # stands for the vocabularies the older release lacks
        REFUSE = "refuse"
        KEEP = "keep"
        UPR = "upr"
        RULE = "rule"

    _LANGUAGE = re.compile("[a-z]{2,3}")
    shipped_vocabulary = None  # type: ignore[assignment]
    Mechanism = TagOrigin = UnknownTermPolicy = UPRPosition = _Missing  # type: ignore[misc]

ID = r"^[A-Za-z0-9][A-Za-z0-9._:/#()+\-]{0,199}$"
"""catdomain's id pattern (``_validators.ID_PATTERN``), anchored."""
TEXT = r"\S"
"""A string with at least one non-space character."""
ALPHA3 = r"^[A-Z]{3}$"
LETTER = r"^(?:[a-z]{1,2}|[ivx]{1,6})$"
DECIMAL = r"^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$"
DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
LANGUAGE = rf"^(?:{_LANGUAGE.pattern})$"

parse_partial_date = functools.lru_cache(maxsize=4096)(PartialDate.parse)
parse_symbol = functools.lru_cache(maxsize=4096)(DocumentSymbol.parse)
parse_provision = functools.lru_cache(maxsize=4096)(ProvisionPath.parse)


def check_span(start: int, end: int, quote: str) -> None:
    if end < start:
        raise ValueError(f"end must not be before start ({start})")
    if end - start != len(quote):
        raise ValueError(f"end - start must equal the length of the quote ({len(quote)})")


def check_finite(value: Decimal) -> None:
    if not value.is_finite():
        raise ValueError("must be a finite number")


def check_unique_ids(items: Iterable[Any], what: str) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"{what}: ids must be unique within the collection")
        seen.add(item.id)


def check_tags(tags: Any) -> None:
    """An object carries a tag once; a rule's suggestion names its rule."""
    seen: set[tuple[str, str]] = set()
    for tag in tags:
        if (tag.vocabulary, tag.term) in seen:
            raise ValueError("an object carries a tag once")
        seen.add((tag.vocabulary, tag.term))
        if tag.rule is None and tag.origin is TagOrigin.RULE:
            raise ValueError("a tag suggested by a rule names the rule")


def check_upr(r: Any) -> None:
    if len(set(r.recommending_states)) != len(r.recommending_states):
        raise ValueError("a State may appear only once")
    if (r.recommending_states or r.position is not None) and r.mechanism is not Mechanism.UPR:
        raise ValueError("only a UPR recommendation has recommending States or a position")


def check_term(t: Any) -> None:
    languages = [label.language.lower() for label in t.labels]
    if len(set(languages)) != len(languages):
        raise ValueError("a language may have one label only")
    if not any(language.split("-", 1)[0] == "en" for language in languages):
        raise ValueError("every term needs an English label")
    if t.parent is not None and t.parent == t.id:
        raise ValueError("a term cannot be its own parent")
    check_aliases(t)


def check_aliases(x: Any) -> None:
    if len(set(x.aliases)) != len(x.aliases) or x.id in x.aliases:
        raise ValueError("aliases must be distinct and differ from the id")


def check_vocabulary(voc: Any) -> None:
    """Ids unique, aliases naming no other term, parents resolving, no cycles."""
    check_aliases(voc)
    ids = [t.id for t in voc.terms]
    if len(set(ids)) != len(ids):
        raise ValueError("term ids must be unique")
    aliases = [a for t in voc.terms for a in t.aliases]
    if len(set(aliases)) != len(aliases) or set(aliases) & set(ids):
        raise ValueError("an alias names one term, and no other term's id")
    parents = {t.id: t.parent for t in voc.terms}
    for t in voc.terms:
        if t.parent is not None and t.parent not in parents:
            raise ValueError("a parent must be a term of the vocabulary")
        chain = {t.id}
        current = t.parent
        while current is not None:
            if current in chain:
                raise ValueError("parents make a cycle")
            chain.add(current)
            current = parents.get(current)


class _OwnVocabulary:
    """What the tag check needs of one of the dossier's own vocabularies."""

    def __init__(self, voc: Any) -> None:
        self.id = voc.id
        self.keep = voc.unknown_policy is UnknownTermPolicy.KEEP
        self.ids = {t.id: t.id for t in voc.terms}
        self.ids.update({a: t.id for t in voc.terms for a in t.aliases})

    def accepts(self, term: str) -> bool:
        return term in self.ids or self.keep

    def canonical(self, term: str) -> str:
        return self.ids.get(term, term)


def _check_dossier_tags(d: Any, problems: list[str]) -> None:
    """Vocabularies named once; each tag's vocabulary known, its term accepted, once."""
    own: dict[str, Any] = {}
    for voc in d.vocabularies:
        for key in (voc.id, *voc.aliases):
            if key in own:
                problems.append(f"vocabularies: {key!r} names two vocabularies")
            own[key] = _OwnVocabulary(voc)
    for name in ("recommendations", "measures", "series"):
        for i, obj in enumerate(getattr(d, name)):
            seen: set[tuple[str, str]] = set()
            for j, tag in enumerate(obj.tags):
                voc = own.get(tag.vocabulary) or shipped_vocabulary(tag.vocabulary)
                if voc is None or not voc.accepts(tag.term):
                    problems.append(f"{name}[{i}].tags[{j}]: unknown vocabulary or term")
                    continue
                key = (voc.id, voc.canonical(tag.term))
                if key in seen:
                    problems.append(f"{name}[{i}].tags[{j}]: the same term twice")
                seen.add(key)


_COLLECTIONS = (
    ("documents", "document"),
    ("recommendations", "recommendation"),
    ("authorities", "authority"),
    ("instruments", "instrument"),
    ("citations", "citation"),
    ("measures", "measure"),
    ("indicators", "indicator"),
    ("series", "series"),
    ("breakdowns", "breakdown"),
    ("changes", "stated change"),
    ("equivalences", "equivalence"),
    ("assessments", "assessment"),
)


def _spans(d: Any) -> Iterator[tuple[str, Any]]:
    """Every source span of the dossier `d`, with a path (the places the model has them)."""
    for i, doc in enumerate(d.documents):
        for j, s in enumerate(doc.sections):
            if s.source is not None:
                yield f"documents[{i}].sections[{j}].source", s.source
    for i, r in enumerate(d.recommendations):
        if r.source is not None:
            yield f"recommendations[{i}].source", r.source
    for i, inst in enumerate(d.instruments):
        for j, iss in enumerate(inst.issuances):
            if iss.source is not None:
                yield f"instruments[{i}].issuances[{j}].source", iss.source
    for i, m in enumerate(d.measures):
        for j, span in enumerate(m.evidence):
            yield f"measures[{i}].evidence[{j}]", span
    for i, s in enumerate(d.series):
        for j, o in enumerate(s.observations):
            if o.source is not None:
                yield f"series[{i}].observations[{j}].source", o.source
    for name in ("citations", "breakdowns", "changes", "equivalences", "assessments"):
        for i, obj in enumerate(getattr(d, name)):
            if obj.source is not None:
                yield f"{name}[{i}].source", obj.source
    for name in ("recommendations", "measures", "series"):
        for i, obj in enumerate(getattr(d, name)):
            for j, tag in enumerate(obj.tags):
                for k, span in enumerate(tag.evidence):
                    yield f"{name}[{i}].tags[{j}].evidence[{k}]", span


def check_integrity(d: Any) -> None:
    """Do what catdomain's Dossier does on construction; raise ValueError listing problems."""
    problems: list[str] = []
    index: dict[str, str] = {}

    def add(id: str, kind: str, path: str) -> None:
        if id in index:
            problems.append(f"{path}.id: duplicate id {id!r}")
        else:
            index[id] = kind

    for name, kind in _COLLECTIONS:
        for i, obj in enumerate(getattr(d, name)):
            add(obj.id, kind, f"{name}[{i}]")
    for i, doc in enumerate(d.documents):
        for j, s in enumerate(doc.sections):
            add(s.id, "section", f"documents[{i}].sections[{j}]")
    for i, s in enumerate(d.series):
        for j, o in enumerate(s.observations):
            add(o.id, "observation", f"series[{i}].observations[{j}]")

    def ref(path: str, value: str | None, kind: str) -> None:
        if value is not None and index.get(value) != kind:
            problems.append(f"{path}: {value!r} is not the id of a {kind}")

    def refs(path: str, values: Iterable[str], kind: str) -> None:
        for k, value in enumerate(values):
            ref(f"{path}[{k}]", value, kind)

    numbers_of: dict[str, set[str | None]] = {}
    documents = {}
    for i, doc in enumerate(d.documents):
        documents[doc.id] = doc
        ref(f"documents[{i}].responds_to", doc.responds_to, "document")
        numbers = numbers_of[doc.id] = {p.number for p in doc.paragraphs}
        for j, s in enumerate(doc.sections):
            where = f"documents[{i}].sections[{j}]"
            refs(f"{where}.recommendations", s.recommendations, "recommendation")
            if doc.paragraphs:
                for k, n in enumerate(s.paragraphs):
                    if n not in numbers:
                        problems.append(f"documents[{i}].sections[{j}].paragraphs[{k}]: {n!r}")
    for i, r in enumerate(d.recommendations):
        ref(f"recommendations[{i}].document", r.document, "document")
    for i, a in enumerate(d.authorities):
        ref(f"authorities[{i}].parent", a.parent, "authority")
    for i, inst in enumerate(d.instruments):
        for j, iss in enumerate(inst.issuances):
            ref(f"instruments[{i}].issuances[{j}].issuer", iss.issuer, "authority")
        refs(f"instruments[{i}].amends", inst.amends, "instrument")
        ref(f"instruments[{i}].part_of", inst.part_of, "instrument")
    for i, c in enumerate(d.citations):
        ref(f"citations[{i}].instrument", c.instrument, "instrument")
    for i, m in enumerate(d.measures):
        refs(f"measures[{i}].authorities", m.authorities, "authority")
        refs(f"measures[{i}].instruments", m.instruments, "instrument")
        refs(f"measures[{i}].answers", m.answers, "recommendation")
        refs(f"measures[{i}].series", m.series, "series")
    for i, s in enumerate(d.series):
        ref(f"series[{i}].indicator", s.indicator, "indicator")
    for i, b in enumerate(d.breakdowns):
        ref(f"breakdowns[{i}].whole", b.whole, "observation")
        refs(f"breakdowns[{i}].parts", b.parts, "observation")
        if b.whole in b.parts:
            problems.append(f"breakdowns[{i}].parts: the whole is also a part")
    for i, c in enumerate(d.changes):
        ref(f"changes[{i}].observation", c.observation, "observation")
        ref(f"changes[{i}].base", c.base, "observation")
    for i, e in enumerate(d.equivalences):
        refs(f"equivalences[{i}].observations", e.observations, "observation")
    own_scales = {s.id: tuple(g.code for g in s.grades) for s in d.scales}
    for i, a in enumerate(d.assessments):
        ref(f"assessments[{i}].recommendation", a.recommendation, "recommendation")
        ref(f"assessments[{i}].document", a.document, "document")
        codes = own_scales.get(a.scale)
        if codes is None and a.scale in GRADING_SCALES:
            codes = GRADING_SCALES[a.scale].codes
        if codes is None or a.grade not in codes:
            problems.append(f"assessments[{i}]: unknown scale or grade")
    for path, span in _spans(d):
        target = documents.get(span.document)
        if target is None:
            problems.append(f"{path}.document: {span.document!r} is not a document")
            continue
        if target.text_length is not None and span.end > target.text_length:
            problems.append(f"{path}.end: past the end of the document")
        if (
            span.paragraph is not None
            and target.paragraphs
            and span.paragraph not in numbers_of[target.id]
        ):
            problems.append(f"{path}.paragraph: {span.paragraph!r} is not a paragraph number")
    if shipped_vocabulary is not None:
        _check_dossier_tags(d, problems)
    if problems:
        raise ValueError("; ".join(problems))
