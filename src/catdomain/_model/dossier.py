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
    # The same tag recurs on many objects: each (vocabulary, term) is looked up once.
    known: dict[tuple[str, str], tuple[Vocabulary | None, bool, str]] = {}
    for name in _TAGGABLE:
        for i, obj in enumerate(getattr(dossier, name)):
            tags: tuple[Tag, ...] = obj.tags
            if not tags:
                continue
            seen: dict[tuple[str, str], int] = {}
            for j, tag in enumerate(tags):
                verdict = known.get((tag.vocabulary, tag.term))
                if verdict is None:
                    if shipped is None:
                        from catdomain.classification._vocabularies import shipped_vocabulary

                        shipped = shipped_vocabulary
                    verdict = _tag_verdict(tag, own, shipped)
                    known[tag.vocabulary, tag.term] = verdict
                voc, accepted, canonical = verdict
                if voc is not None and accepted:
                    key = (voc.id, canonical)
                    if key in seen:
                        problems.append(
                            (
                                "duplicate-tag",
                                f"{name}[{i}].tags[{j}]",
                                f"{tag} names the same term as tags[{seen[key]}] "
                                f"({key[0]}:{key[1]})",
                            )
                        )
                    else:
                        seen[key] = j
                    continue
                _tag_problem(f"{name}[{i}]", j, tag, voc, problems)


def _tag_verdict(
    tag: Tag, own: dict[str, tuple[int, Vocabulary]], shipped: Any
) -> tuple[Vocabulary | None, bool, str]:
    """The vocabulary of `tag`, whether it accepts the term, and the term's canonical form."""
    voc: Vocabulary | None = own[tag.vocabulary][1] if tag.vocabulary in own else None
    if voc is None:
        voc = shipped(tag.vocabulary)
    if voc is None or not voc.accepts(tag.term):
        return voc, False, ""
    return voc, True, voc.canonical(tag.term)


def _tag_problem(
    path: str, j: int, tag: Tag, voc: Vocabulary | None, problems: list[tuple[str, str, str]]
) -> None:
    """Report a tag whose vocabulary is unknown or does not accept its term."""
    if voc is None:
        problems.append(
            (
                "unknown-vocabulary",
                f"{path}.tags[{j}].vocabulary",
                f"{tag.vocabulary!r} is neither a vocabulary of this dossier nor a shipped one",
            )
        )
    else:
        problems.append(
            (
                "unknown-term",
                f"{path}.tags[{j}].term",
                f"{tag.term!r} is not a term of vocabulary {voc.id!r} (version {voc.version})",
            )
        )


def _check_integrity(dossier: Dossier) -> dict[str, tuple[str, object]]:
    """Index every id of `dossier`; raise IntegrityError listing all problems."""
    # Paths are written out only for problems: a valid dossier (the usual case, and
    # every one read from JSON) is checked without building a string per reference.
    problems: list[tuple[str, str, str]] = []
    index: dict[str, tuple[str, object]] = {}
    where: dict[str, tuple[str, tuple[int, ...]]] = {}

    def add(id: str, kind: str, obj: object, path: str, *at: int) -> None:
        if id in index:
            first, first_at = where[id]
            problems.append(
                (
                    "duplicate-id",
                    path.format(*at) + ".id",
                    f"{id!r} is already the id of {first.format(*first_at)}",
                )
            )
            return
        index[id] = (kind, obj)
        where[id] = (path, at)

    for name, kind in _COLLECTIONS:
        path = name + "[{}]"
        for i, obj in enumerate(getattr(dossier, name)):
            add(obj.id, kind, obj, path, i)
    for i, doc in enumerate(dossier.documents):
        for j, section in enumerate(doc.sections):
            add(section.id, "section", section, "documents[{}].sections[{}]", i, j)
    for i, s in enumerate(dossier.series):
        for j, o in enumerate(s.observations):
            add(o.id, "observation", o, "series[{}].observations[{}]", i, j)

    def dangling(path: str, value: str, kind: str) -> None:
        article = "an" if kind[0] in "aeio" else "a"
        problems.append(
            (
                "dangling-reference",
                path,
                f"{value!r} is not the id of {article} {kind} in this dossier",
            )
        )

    def ref(value: str | None, kind: str, path: str, *at: int) -> None:
        if value is None:
            return
        found = index.get(value)
        if found is None or found[0] != kind:
            dangling(path.format(*at), value, kind)

    def refs(values: tuple[str, ...], kind: str, path: str, *at: int) -> None:
        for k, value in enumerate(values):
            found = index.get(value)
            if found is None or found[0] != kind:
                dangling(f"{path.format(*at)}[{k}]", value, kind)

    for i, doc in enumerate(dossier.documents):
        ref(doc.responds_to, "document", "documents[{}].responds_to", i)
        numbers = {p.number for p in doc.paragraphs}
        for j, section in enumerate(doc.sections):
            refs(
                section.recommendations,
                "recommendation",
                "documents[{}].sections[{}].recommendations",
                i,
                j,
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
        ref(rec.document, "document", "recommendations[{}].document", i)
    for i, auth in enumerate(dossier.authorities):
        ref(auth.parent, "authority", "authorities[{}].parent", i)
    for i, inst in enumerate(dossier.instruments):
        for j, issuance in enumerate(inst.issuances):
            ref(issuance.issuer, "authority", "instruments[{}].issuances[{}].issuer", i, j)
        refs(inst.amends, "instrument", "instruments[{}].amends", i)
        ref(inst.part_of, "instrument", "instruments[{}].part_of", i)
    for i, cit in enumerate(dossier.citations):
        ref(cit.instrument, "instrument", "citations[{}].instrument", i)
    for i, m in enumerate(dossier.measures):
        refs(m.authorities, "authority", "measures[{}].authorities", i)
        refs(m.instruments, "instrument", "measures[{}].instruments", i)
        refs(m.answers, "recommendation", "measures[{}].answers", i)
        refs(m.series, "series", "measures[{}].series", i)
    for i, s in enumerate(dossier.series):
        ref(s.indicator, "indicator", "series[{}].indicator", i)
    for i, b in enumerate(dossier.breakdowns):
        ref(b.whole, "observation", "breakdowns[{}].whole", i)
        refs(b.parts, "observation", "breakdowns[{}].parts", i)
        if b.whole in b.parts:
            problems.append(
                (
                    "whole-among-parts",
                    f"breakdowns[{i}].parts",
                    f"the whole {b.whole!r} is also a part",
                )
            )
    for i, c in enumerate(dossier.changes):
        ref(c.observation, "observation", "changes[{}].observation", i)
        ref(c.base, "observation", "changes[{}].base", i)
    for i, e in enumerate(dossier.equivalences):
        refs(e.observations, "observation", "equivalences[{}].observations", i)
    own_scales = {s.id: s for s in dossier.scales}
    for i, a in enumerate(dossier.assessments):
        ref(a.recommendation, "recommendation", "assessments[{}].recommendation", i)
        ref(a.document, "document", "assessments[{}].document", i)
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
    if not _spans_fit(dossier, documents, numbers_of):
        _span_problems(dossier, documents, numbers_of, problems)
    if problems:
        raise IntegrityError(problems)
    return index


def _spans_fit(
    dossier: Dossier, documents: dict[str, Document], numbers_of: dict[str, set[str | None]]
) -> bool:
    """Whether every span points into a document of the dossier (no paths: the fast pass)."""
    spans: list[SourceSpan] = []
    _collect_spans(dossier, spans)
    for span in spans:
        target = documents.get(span.document)
        if target is None:
            return False
        if target.text_length is not None and span.end > target.text_length:
            return False
        if (
            span.paragraph is not None
            and target.paragraphs
            and span.paragraph not in numbers_of[span.document]
        ):
            return False
    return True


def _collect_spans(obj: object, out: list[SourceSpan]) -> None:
    """Append every span inside `obj` (in no particular order)."""
    if isinstance(obj, tuple):
        for item in obj:
            _collect_spans(item, out)
        return
    cls = type(obj)
    collect = _COLLECTORS.get(cls)
    if collect is None:
        collect = _COLLECTORS[cls] = _collector(cls)
    collect(obj, out)


_Collector = typing.Callable[[object, list[SourceSpan]], None]
_COLLECTORS: dict[type, _Collector] = {}


def _collector(cls: type) -> _Collector:
    """A function appending the spans of a `cls` object, written once per class.

    The function is generated from the field types, as attrs and cattrs write
    theirs: a ``SourceSpan | None`` field is appended, a ``tuple[SourceSpan,
    ...]`` extended, nested model classes and tuples of them are inlined as
    loops. An object of another class than its field names (a subclass), and
    any other type, is walked by `_collect_spans`. Only class structure goes
    into the generated code, never data.
    """
    if cls is SourceSpan:
        return lambda obj, out: out.append(cast("SourceSpan", obj))
    if not attrs.has(cls):
        return lambda obj, out: None
    namespace: dict[str, Any] = {"walk": _collect_spans}
    lines = ["def collect(obj, out):", "    append = out.append", "    extend = out.extend"]
    names = iter(range(1_000_000))

    def key(c: type) -> str:
        name = f"C{next(names)}"
        namespace[name] = c
        return name

    def emit(c: type, var: str, pad: str, seen: frozenset[type]) -> None:
        hints = typing.get_type_hints(c)
        for name in _span_fields(c):
            hint = hints.get(name)
            args = typing.get_args(hint)
            origin = typing.get_origin(hint)
            members = [a for a in args if a is not type(None)] if origin is not tuple else []
            one = hint if _is_model(hint) else members[0] if len(members) == 1 else None
            item = args[0] if origin is tuple and len(args) == 2 and args[1] is Ellipsis else None
            v = f"v{next(names)}"
            if hint is SourceSpan or one is SourceSpan:
                lines.extend([f"{pad}{v} = {var}.{name}", f"{pad}if {v} is not None:"])
                lines.append(f"{pad}    append({v})")
            elif item is SourceSpan:
                lines.append(f"{pad}extend({var}.{name})")
            elif item is not None and _is_model(item) and item not in seen:
                k = key(item)
                lines.extend(
                    [f"{pad}for {v} in {var}.{name}:", f"{pad}    if type({v}) is not {k}:"]
                )
                lines.extend([f"{pad}        walk({v}, out)", f"{pad}        continue"])
                emit(item, v, pad + "    ", seen | {item})
            elif one is not None and _is_model(one) and one not in seen:
                k = key(one)
                lines.extend([f"{pad}{v} = {var}.{name}", f"{pad}if type({v}) is {k}:"])
                emit(one, v, pad + "    ", seen | {one})
                lines.extend([f"{pad}elif {v} is not None:", f"{pad}    walk({v}, out)"])
            else:
                lines.extend(
                    [f"{pad}{v} = {var}.{name}", f"{pad}if {v} is not None and {v} != ():"]
                )
                lines.append(f"{pad}    walk({v}, out)")

    emit(cls, "obj", "    ", frozenset({cls}))
    lines.append("    return None")
    exec("\n".join(lines), namespace)
    collect: _Collector = namespace["collect"]
    return collect


def _is_model(t: object) -> bool:
    return isinstance(t, type) and t is not SourceSpan and attrs.has(t)


def _span_problems(
    dossier: Dossier,
    documents: dict[str, Document],
    numbers_of: dict[str, set[str | None]],
    problems: list[tuple[str, str, str]],
) -> None:
    """Report every span that does not fit, with its path."""
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
