"""The Dossier: one aggregate holding a follow-up case, with referential integrity."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any, Literal, cast

import attrs

from catdomain._model import _validators as v
from catdomain._model.assessments import Assessment
from catdomain._model.authorities import Authority
from catdomain._model.classification import Tag, Vocabulary
from catdomain._model.documents import Document, Section
from catdomain._model.indicators import (
    Breakdown,
    Equivalence,
    Indicator,
    Observation,
    Series,
    StatedChange,
)
from catdomain._model.instruments import Citation, LegalInstrument
from catdomain._model.measures import Measure
from catdomain._model.provenance import SourceSpan
from catdomain._model.recommendations import Recommendation
from catdomain.exceptions import IntegrityError
from catdomain.vocab import GRADING_SCALES, DocumentKind, GradingScale

__all__ = ["AnswerKind", "Dossier", "iter_spans"]

AnswerKind = Literal["selected", "volunteered", "unknown"]
"""How a reply section relates to the follow-up selection."""

_COLLECTIONS: tuple[tuple[str, str], ...] = (
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


_SINGULAR = {
    "documents": "document",
    "recommendations": "recommendation",
    "authorities": "authority",
    "instruments": "instrument",
    "citations": "citation",
    "measures": "measure",
    "indicators": "indicator",
    "series": "series",
    "breakdowns": "breakdown",
    "changes": "change",
    "equivalences": "equivalence",
    "assessments": "assessment",
    "sections": "section",
}


def iter_spans(obj: object, path: str = "$") -> Iterator[tuple[str, SourceSpan]]:
    """Yield every `SourceSpan` inside `obj` with its JSON path.

    Example:
        >>> import catdomain as cd
        >>> span = cd.SourceSpan(document="d", start=0, end=1, quote="x")
        >>> m = cd.Measure(id="m", description="x", category=cd.MeasureCategory.OTHER,
        ...                evidence=(span,))
        >>> [p for p, _ in cd.iter_spans(m)]
        ['$.evidence[0]']
    """
    if isinstance(obj, SourceSpan):
        yield path, obj
        return
    if isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from iter_spans(item, f"{path}[{index}]")
        return
    cls = type(obj)
    if attrs.has(cls):
        for name in _span_fields(cls):
            value = getattr(obj, name)
            if value is not None and value != ():
                yield from iter_spans(value, f"{path}.{name}")


_SPAN_FIELDS: dict[type, tuple[str, ...]] = {}


def _span_fields(cls: type) -> tuple[str, ...]:
    """The names of `cls`'s fields whose values can hold a SourceSpan (worked out once)."""
    found = _SPAN_FIELDS.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls)
        found = tuple(
            f.name
            for f in attrs.fields(cast("type[attrs.AttrsInstance]", cls))
            if f.init and _may_hold_span(hints.get(f.name, object), set())
        )
        _SPAN_FIELDS[cls] = found
    return found


def _may_hold_span(annotation: object, seen: set[type]) -> bool:
    if annotation is SourceSpan:
        return True
    args = typing.get_args(annotation)
    if args:
        return any(_may_hold_span(a, seen) for a in args if a is not Ellipsis)
    if isinstance(annotation, type) and attrs.has(annotation) and annotation not in seen:
        seen.add(annotation)
        hints = typing.get_type_hints(annotation)
        return any(_may_hold_span(h, seen) for h in hints.values())
    return annotation is object


def _tuple_of_ids(kind: type) -> Any:
    return [v.tuple_of(kind)]


@attrs.frozen(kw_only=True, repr=False)
class Dossier:
    """Everything known about one follow-up case, cross-referenced by id.

    A Dossier is the unit catdomain reads, writes, validates and shows. Every
    object in it has an id unique across the whole dossier, and every id an
    object refers to must be the id of an object of the right kind in the
    same dossier: construction raises `IntegrityError` listing every problem
    otherwise. Consistency of the *figures* is not checked here but by
    `catdomain.validate`, which reports findings instead of raising.

    Attributes:
        id: Stable id of the dossier.
        title: A readable title.
        documents: The documents (the reply, the concluding observations, …).
        recommendations: The recommendations concerned.
        authorities: Authorities named.
        instruments: Legal and policy instruments.
        citations: Mentions of instruments with the provisions cited.
        measures: Measures reported.
        indicators: Indicators measured.
        series: Indicator series with their observations.
        breakdowns: Part-whole relations between observations.
        changes: Stated changes between observations.
        equivalences: The same fact in two units.
        assessments: Follow-up assessments.
        scales: Grading scales defined by this dossier, in addition to
            `catdomain.GRADING_SCALES`.
        vocabularies: Vocabularies defined by this dossier, in addition to
            the shipped ones (`catdomain.vocabularies`); one with the id of a
            shipped vocabulary takes its place in this dossier (to pin another
            version, say).

    Example:
        >>> import catdomain as cd
        >>> co = cd.Document(id="CAT/C/KAZ/CO/4", kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS)
        >>> rec = cd.Recommendation(id="CAT/C/KAZ/CO/4#10", document="CAT/C/KAZ/CO/4",
        ...                         paragraph=10)
        >>> d = cd.Dossier(id="kaz", documents=(co,), recommendations=(rec,))
        >>> d.get("CAT/C/KAZ/CO/4#10").paragraph
        10
    """

    id: str = attrs.field(validator=v.identifier())
    title: str | None = attrs.field(default=None, validator=v.optional(v.text()))
    documents: tuple[Document, ...] = attrs.field(default=(), validator=v.tuple_of(Document))
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), validator=v.tuple_of(Recommendation)
    )
    authorities: tuple[Authority, ...] = attrs.field(default=(), validator=v.tuple_of(Authority))
    instruments: tuple[LegalInstrument, ...] = attrs.field(
        default=(), validator=v.tuple_of(LegalInstrument)
    )
    citations: tuple[Citation, ...] = attrs.field(default=(), validator=v.tuple_of(Citation))
    measures: tuple[Measure, ...] = attrs.field(default=(), validator=v.tuple_of(Measure))
    indicators: tuple[Indicator, ...] = attrs.field(default=(), validator=v.tuple_of(Indicator))
    series: tuple[Series, ...] = attrs.field(default=(), validator=v.tuple_of(Series))
    breakdowns: tuple[Breakdown, ...] = attrs.field(default=(), validator=v.tuple_of(Breakdown))
    changes: tuple[StatedChange, ...] = attrs.field(default=(), validator=v.tuple_of(StatedChange))
    equivalences: tuple[Equivalence, ...] = attrs.field(
        default=(), validator=v.tuple_of(Equivalence)
    )
    assessments: tuple[Assessment, ...] = attrs.field(default=(), validator=v.tuple_of(Assessment))
    scales: tuple[GradingScale, ...] = attrs.field(default=(), validator=v.tuple_of(GradingScale))
    vocabularies: tuple[Vocabulary, ...] = attrs.field(default=(), validator=v.tuple_of(Vocabulary))
    _index: dict[str, tuple[str, object]] = attrs.field(
        init=False, repr=False, eq=False, hash=False, alias="_index"
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", _check_integrity(self))

    def __repr__(self) -> str:
        """A one-line summary: the id and how many objects of each kind.

        Example:
            >>> import catdomain as cd
            >>> cd.Dossier(id="empty")
            <Dossier 'empty': empty>
        """
        counts = self.counts()
        shown = [
            f"{n} {name if n != 1 else _SINGULAR.get(name, name)}"
            for name, n in counts.items()
            if n and name != "observations"
        ]
        if counts["observations"]:
            shown.append(f"{counts['observations']} observations")
        return f"<Dossier {self.id!r}: {', '.join(shown) or 'empty'}>"

    # ------------------------------------------------------------------ lookups

    def get(self, id: str) -> Any:
        """Return the object with `id` (of any kind).

        Raises:
            KeyError: If no object in the dossier has that id.
        """
        try:
            return self._index[id][1]
        except KeyError:
            raise KeyError(f"no object with id {id!r} in dossier {self.id!r}") from None

    def __contains__(self, id: object) -> bool:
        return id in self._index

    def kind_of(self, id: str) -> str:
        """The kind of object `id` names ("measure", "observation", …).

        Raises:
            KeyError: If no object in the dossier has that id.
        """
        try:
            return self._index[id][0]
        except KeyError:
            raise KeyError(f"no object with id {id!r} in dossier {self.id!r}") from None

    def observation(self, id: str) -> Observation:
        """Return the observation with `id`.

        Raises:
            KeyError: If `id` is not an observation of this dossier.
        """
        found: Observation = self._typed(id, "observation", Observation)
        return found

    def series_of(self, observation_id: str) -> Series:
        """Return the series holding the observation `observation_id`.

        Raises:
            KeyError: If it is not an observation of this dossier.
        """
        self.observation(observation_id)
        for s in self.series:
            if any(o.id == observation_id for o in s.observations):
                return s
        raise KeyError(observation_id)  # pragma: no cover - index and series agree

    def _typed(self, id: str, kind: str, cls: type[Any]) -> Any:
        found = self._index.get(id)
        if found is None or found[0] != kind:
            raise KeyError(f"no {kind} with id {id!r} in dossier {self.id!r}")
        assert isinstance(found[1], cls)
        return found[1]

    # -------------------------------------------------------------------- views

    def observations(self) -> Iterator[tuple[Series, Observation]]:
        """Iterate over every observation with its series."""
        for s in self.series:
            for o in s.observations:
                yield s, o

    @property
    def replies(self) -> tuple[Document, ...]:
        """The follow-up replies in the dossier."""
        return tuple(d for d in self.documents if d.kind is DocumentKind.FOLLOW_UP_REPLY)

    def measures_answering(self, recommendation_id: str) -> tuple[Measure, ...]:
        """The measures that answer the recommendation `recommendation_id`."""
        return tuple(m for m in self.measures if recommendation_id in m.answers)

    def answer_kind(self, section: Section) -> AnswerKind:
        """Whether a reply section answers selected or volunteered recommendations.

        "selected" if any recommendation it answers was selected for
        follow-up, "volunteered" if all were known not to be, "unknown"
        otherwise.
        """
        flags = [self.get(r).selected_for_follow_up for r in section.recommendations]
        if any(flag is True for flag in flags):
            return "selected"
        if flags and all(flag is False for flag in flags):
            return "volunteered"
        return "unknown"

    def scale(self, id: str) -> GradingScale:
        """Return the grading scale `id`, the dossier's own or a built-in one.

        Raises:
            KeyError: If neither has it.
        """
        for s in self.scales:
            if s.id == id:
                return s
        if id in GRADING_SCALES:
            return GRADING_SCALES[id]
        raise KeyError(f"unknown grading scale {id!r}")

    def vocabulary(self, id: str) -> Vocabulary:
        """Return the vocabulary `id` (or alias): the dossier's own, else a shipped one.

        Raises:
            KeyError: If neither has it.

        Example:
            >>> import catdomain as cd
            >>> cd.Dossier(id="empty").vocabulary("sdg").title
            'Sustainable Development Goals and targets'
        """
        own = _own_vocabularies(self.vocabularies)
        found = own.get(id)
        if found is not None:
            return found
        from catdomain.classification._vocabularies import shipped_vocabulary

        shipped = shipped_vocabulary(id)
        if shipped is None:
            raise KeyError(f"unknown vocabulary {id!r}")
        return shipped

    def tagged_objects(self) -> Iterator[tuple[str, Recommendation | Measure | Series]]:
        """Iterate over the objects that can carry tags, with the path of each.

        Recommendations, then measures, then series, in the dossier's order.
        """
        for name in _TAGGABLE:
            for i, obj in enumerate(getattr(self, name)):
                yield f"{name}[{i}]", obj

    def counts(self) -> dict[str, int]:
        """How many objects of each kind the dossier holds.

        Example:
            >>> import catdomain as cd
            >>> cd.Dossier(id="empty").counts()["measures"]
            0
        """
        counts = {name: len(getattr(self, name)) for name, _ in _COLLECTIONS}
        counts["observations"] = sum(len(s.observations) for s in self.series)
        counts["sections"] = sum(len(d.sections) for d in self.documents)
        return counts

    def _repr_html_(self) -> str:
        """Rich display in Jupyter (no external assets)."""
        from catdomain._html import dossier_html

        return dossier_html(self)


_TAGGABLE: tuple[str, ...] = ("recommendations", "measures", "series")
"""The collections whose objects carry tags."""


def _own_vocabularies(vocabularies: tuple[Vocabulary, ...]) -> dict[str, Vocabulary]:
    """The dossier's vocabularies by id and alias (the first one wins a clash)."""
    found: dict[str, Vocabulary] = {}
    for voc in vocabularies:
        for key in (voc.id, *voc.aliases):
            found.setdefault(key, voc)
    return found


def _check_tags(dossier: Dossier, problems: list[tuple[str, str, str]]) -> None:
    """Vocabularies named once; each tag's vocabulary known and its term accepted."""
    own: dict[str, tuple[int, Vocabulary]] = {}
    for i, defined in enumerate(dossier.vocabularies):
        names = [(defined.id, f"vocabularies[{i}].id")]
        names.extend(
            (alias, f"vocabularies[{i}].aliases[{k}]") for k, alias in enumerate(defined.aliases)
        )
        for name, path in names:
            if name in own:
                problems.append(
                    (
                        "duplicate-vocabulary",
                        path,
                        f"{name!r} already names vocabularies[{own[name][0]}] "
                        f"({own[name][1].id!r})",
                    )
                )
            else:
                own[name] = (i, defined)
    shipped: Any = None
    for path, obj in dossier.tagged_objects():
        seen: dict[tuple[str, str], int] = {}
        tags: tuple[Tag, ...] = obj.tags
        for j, tag in enumerate(tags):
            voc: Vocabulary | None = own[tag.vocabulary][1] if tag.vocabulary in own else None
            if voc is None:
                if shipped is None:
                    from catdomain.classification._vocabularies import shipped_vocabulary

                    shipped = shipped_vocabulary
                voc = shipped(tag.vocabulary)
            if voc is None:
                problems.append(
                    (
                        "unknown-vocabulary",
                        f"{path}.tags[{j}].vocabulary",
                        f"{tag.vocabulary!r} is neither a vocabulary of this dossier nor a "
                        "shipped one",
                    )
                )
                continue
            if not voc.accepts(tag.term):
                problems.append(
                    (
                        "unknown-term",
                        f"{path}.tags[{j}].term",
                        f"{tag.term!r} is not a term of vocabulary {voc.id!r} "
                        f"(version {voc.version})",
                    )
                )
                continue
            key = (voc.id, voc.canonical(tag.term))
            if key in seen:
                problems.append(
                    (
                        "duplicate-tag",
                        f"{path}.tags[{j}]",
                        f"{tag} names the same term as tags[{seen[key]}] ({key[0]}:{key[1]})",
                    )
                )
            else:
                seen[key] = j


def _check_integrity(dossier: Dossier) -> dict[str, tuple[str, object]]:
    """Index every id of `dossier`; raise IntegrityError listing all problems."""
    problems: list[tuple[str, str, str]] = []
    index: dict[str, tuple[str, object]] = {}
    where: dict[str, str] = {}

    def add(id: str, kind: str, obj: object, path: str) -> None:
        if id in index:
            problems.append(
                ("duplicate-id", f"{path}.id", f"{id!r} is already the id of {where[id]}")
            )
            return
        index[id] = (kind, obj)
        where[id] = path

    for name, kind in _COLLECTIONS:
        for i, obj in enumerate(getattr(dossier, name)):
            add(obj.id, kind, obj, f"{name}[{i}]")
    for i, doc in enumerate(dossier.documents):
        for j, section in enumerate(doc.sections):
            add(section.id, "section", section, f"documents[{i}].sections[{j}]")
    for i, s in enumerate(dossier.series):
        for j, o in enumerate(s.observations):
            add(o.id, "observation", o, f"series[{i}].observations[{j}]")

    def ref(path: str, value: str | None, kind: str) -> None:
        if value is None:
            return
        found = index.get(value)
        if found is None or found[0] != kind:
            article = "an" if kind[0] in "aeio" else "a"
            problems.append(
                (
                    "dangling-reference",
                    path,
                    f"{value!r} is not the id of {article} {kind} in this dossier",
                )
            )

    def refs(path: str, values: tuple[str, ...], kind: str) -> None:
        for k, value in enumerate(values):
            ref(f"{path}[{k}]", value, kind)

    for i, doc in enumerate(dossier.documents):
        ref(f"documents[{i}].responds_to", doc.responds_to, "document")
        numbers = {p.number for p in doc.paragraphs}
        for j, section in enumerate(doc.sections):
            refs(
                f"documents[{i}].sections[{j}].recommendations",
                section.recommendations,
                "recommendation",
            )
            if doc.paragraphs:
                for k, number in enumerate(section.paragraphs):
                    if number not in numbers:
                        problems.append(
                            (
                                "unknown-paragraph",
                                f"documents[{i}].sections[{j}].paragraphs[{k}]",
                                f"{number!r} is not a paragraph number of document {doc.id!r}",
                            )
                        )
    for i, rec in enumerate(dossier.recommendations):
        ref(f"recommendations[{i}].document", rec.document, "document")
    for i, auth in enumerate(dossier.authorities):
        ref(f"authorities[{i}].parent", auth.parent, "authority")
    for i, inst in enumerate(dossier.instruments):
        for j, issuance in enumerate(inst.issuances):
            ref(f"instruments[{i}].issuances[{j}].issuer", issuance.issuer, "authority")
        refs(f"instruments[{i}].amends", inst.amends, "instrument")
        ref(f"instruments[{i}].part_of", inst.part_of, "instrument")
    for i, cit in enumerate(dossier.citations):
        ref(f"citations[{i}].instrument", cit.instrument, "instrument")
    for i, m in enumerate(dossier.measures):
        refs(f"measures[{i}].authorities", m.authorities, "authority")
        refs(f"measures[{i}].instruments", m.instruments, "instrument")
        refs(f"measures[{i}].answers", m.answers, "recommendation")
        refs(f"measures[{i}].series", m.series, "series")
    for i, s in enumerate(dossier.series):
        ref(f"series[{i}].indicator", s.indicator, "indicator")
    for i, b in enumerate(dossier.breakdowns):
        ref(f"breakdowns[{i}].whole", b.whole, "observation")
        refs(f"breakdowns[{i}].parts", b.parts, "observation")
        if b.whole in b.parts:
            problems.append(
                (
                    "whole-among-parts",
                    f"breakdowns[{i}].parts",
                    f"the whole {b.whole!r} is also a part",
                )
            )
    for i, c in enumerate(dossier.changes):
        ref(f"changes[{i}].observation", c.observation, "observation")
        ref(f"changes[{i}].base", c.base, "observation")
    for i, e in enumerate(dossier.equivalences):
        refs(f"equivalences[{i}].observations", e.observations, "observation")
    own_scales = {s.id: s for s in dossier.scales}
    for i, a in enumerate(dossier.assessments):
        ref(f"assessments[{i}].recommendation", a.recommendation, "recommendation")
        ref(f"assessments[{i}].document", a.document, "document")
        scale = own_scales.get(a.scale) or GRADING_SCALES.get(a.scale)
        if scale is None:
            problems.append(
                (
                    "unknown-scale",
                    f"assessments[{i}].scale",
                    f"{a.scale!r} is not a known grading scale",
                )
            )
        elif a.grade not in scale.codes:
            problems.append(
                (
                    "unknown-grade",
                    f"assessments[{i}].grade",
                    f"{a.grade!r} is not a grade of scale {scale.id!r} ({', '.join(scale.codes)})",
                )
            )

    _check_tags(dossier, problems)

    documents = {d.id: d for d in dossier.documents}
    numbers_of = {d.id: {p.number for p in d.paragraphs} for d in dossier.documents}
    for name, _ in _COLLECTIONS:
        for i, obj in enumerate(getattr(dossier, name)):
            for path, span in iter_spans(obj, f"{name}[{i}]"):
                target = documents.get(span.document)
                if target is None:
                    problems.append(
                        (
                            "dangling-reference",
                            f"{path}.document",
                            f"{span.document!r} is not the id of a document in this dossier",
                        )
                    )
                    continue
                if target.text_length is not None and span.end > target.text_length:
                    problems.append(
                        (
                            "span-outside-document",
                            f"{path}.end",
                            f"{span.end} is past the end of document {target.id!r} "
                            f"({target.text_length} characters)",
                        )
                    )
                if (
                    span.paragraph is not None
                    and target.paragraphs
                    and span.paragraph not in numbers_of[target.id]
                ):
                    problems.append(
                        (
                            "unknown-paragraph",
                            f"{path}.paragraph",
                            f"{span.paragraph!r} is not a paragraph number of document "
                            f"{target.id!r}",
                        )
                    )
    if problems:
        raise IntegrityError(problems)
    return index
