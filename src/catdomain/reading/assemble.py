"""From the text of a follow-up reply to a Dossier draft with provenance on every fact.

`extract` runs the readers in turn — structure, instruments and provisions,
authorities, statistics, measures — and assembles what they find into one
`Dossier` whose every object points back to the span of text it was read
from. It invents nothing: what the text does not say stays unknown (the
Committee's selection for follow-up, the recommendations' text unless the
reply quotes it, the reply's symbol unless its header gives it).

Example:
    >>> import catdomain as cd
    >>> text = (
    ...     "Follow-up information relating to paragraph 10 of the concluding observations"
    ...     " (CAT/C/ARM/CO/5)\\n"
    ...     "1.\\tA bill amending article 119 of the Criminal Code has been submitted to the "
    ...     "National Assembly.\\n"
    ...     "2.\\tIn 2023, 12 officials were convicted of torture.\\n")
    >>> dossier = cd.extract(text)
    >>> [r.id for r in dossier.recommendations]
    ['CAT/C/ARM/CO/5#10']
    >>> [(m.kind.value, m.status.value) for m in dossier.measures]
    [('bill-submitted', 'before-parliament'), ('investigation-prosecution-discipline', 'completed')]
    >>> o = dossier.series[0].observations[0]
    >>> o.value, str(o.time), o.source.paragraph, o.source.quote
    (Decimal('12'), '2023', '2', '12')
"""

from __future__ import annotations

import gc
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from pathlib import Path

from catdomain import _regex
from catdomain._dates import _MONTHS, Instant, PartialDate, Period, Pooled
from catdomain._model.authorities import Authority
from catdomain._model.documents import Document, Section, TextParagraph
from catdomain._model.dossier import Dossier
from catdomain._model.indicators import (
    Breakdown,
    Dimension,
    Equivalence,
    Observation,
    Series,
    SeriesKey,
    StatedChange,
)
from catdomain._model.instruments import Citation, Issuance, LegalInstrument
from catdomain._model.measures import Measure
from catdomain._model.provenance import SourceSpan
from catdomain._model.recommendations import Recommendation, SubParagraph
from catdomain.identifiers import DocumentSymbol
from catdomain.reading._authorities import AuthorityMention, authority_kind, find_authorities
from catdomain.reading.citations import FoundInstrument, InstrumentReading, find_instruments
from catdomain.reading.dates import DateMention
from catdomain.reading.measures import FoundMeasure, find_measures
from catdomain.reading.quantities import (
    ChangeRelation,
    EquivalenceRelation,
    PartRelation,
    Quantity,
    find_quantities,
)
from catdomain.reading.structure import ReplyStructure, read_reply
from catdomain.vocab import DocumentKind, MeasureKind, MeasureStatus, ValueKind

__all__ = ["extract", "extract_file"]

# Slugs keep the ASCII letters and digits of the lower-cased text, in runs joined by
# "-"; apostrophes are dropped. Made on bytes: every other character (each non-ASCII
# one encoded as "?") becomes a space, and the runs are what split() leaves.
_SLUG_BYTES = bytes(
    c if chr(c).isascii() and chr(c).isalnum() else ord(" ") for c in range(256)
).lower()
_BY_YEAR = _regex.compile(
    r"\bby\s+(?:the\s+end\s+of\s+)?(?:(?P<month>January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\s+)?(?P<year>(?:19|20)\d{2})\b(?![\d./-])",
    re.IGNORECASE,
)
_COMPLETION = _regex.compile(
    r"\b(?:will|should|is\s+to|are\s+to|is\s+expected\s+to|are\s+expected\s+to)\s+be\s+"
    r"(?:completed|finished|finalized|finalised|commissioned)\s+(?:in|by)\s+"
    r"(?:(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\s+)?(?P<year>\d{4})\b",
    re.IGNORECASE,
)
_COMPLETION_WORDS = _regex.words_test(_COMPLETION)  # whether a sentence may hold one


def _slug(text: str, limit: int = 60) -> str:
    # A prefix of the text gives a prefix of its slug; where that prefix's slug is
    # longer than the limit, the rest of the text cannot change what is kept.
    head = text[: 2 * limit + 16]
    slug = _slug_words(head)
    if len(head) < len(text) and len(slug) <= limit:
        slug = _slug_words(text)
    return slug[:limit].rstrip("-") or "x"


def _slug_words(text: str) -> str:
    """The runs of ASCII letters and digits of `text` in lower case, joined by "-"."""
    data = text.lower().replace("’", "").encode("ascii", "replace")
    return b"-".join(data.translate(_SLUG_BYTES, b"'").split()).decode("ascii")


class _Ids:
    """Readable ids, unique within one dossier."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.next: dict[str, int] = {}  # base → the first suffix that may be free

    def make(self, base: str) -> str:
        candidate = base
        # Ids are never freed: suffixes found taken once stay taken, so the
        # search resumes where it stopped (linear, however often a base recurs).
        n = self.next.get(base, 2)
        if n > 2 or candidate in self.used:
            candidate = f"{base}-{n}"
            while candidate in self.used:
                n += 1
                candidate = f"{base}-{n}"
            self.next[base] = n + 1
        self.used.add(candidate)
        return candidate


class _Builder:
    def __init__(self, text: str, structure: ReplyStructure, reply_id: str) -> None:
        self.text = text
        self.structure = structure
        self.reply_id = reply_id
        self.ids = _Ids()
        self.labels: list[str] = []
        unnumbered = 0
        for p in structure.paragraphs:
            if p.number is None:
                unnumbered += 1
                self.labels.append(f"[{unnumbered}]")
            else:
                self.labels.append(p.number)
        self.starts = [p.start for p in structure.paragraphs]
        self.label_slugs: dict[int, str] = {}

    def label_slug(self, index: int) -> str:
        """The paragraph's label as it goes into ids ("12-a"), made once."""
        slug = self.label_slugs.get(index)
        if slug is None:
            slug = self.label_slugs[index] = _slug(self.labels[index])
        return slug

    def paragraph_at(self, offset: int) -> int | None:
        """Index of the paragraph holding `offset`."""
        index = bisect_right(self.starts, offset) - 1
        if index >= 0 and offset <= self.structure.paragraphs[index].end:
            return index
        return None

    def span(self, start: int, end: int) -> SourceSpan:
        index = self.paragraph_at(start)
        if index is not None and end > self.structure.paragraphs[index].end:
            index = None
        return SourceSpan(
            document=self.reply_id,
            start=start,
            end=end,
            quote=self.text[start:end],
            paragraph=self.labels[index] if index is not None else None,
        )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _co_symbol(structure: ReplyStructure, symbol: DocumentSymbol | None) -> DocumentSymbol | None:
    if structure.header.responds_to is not None:
        return structure.header.responds_to
    for heading in structure.headings:
        if heading.symbol is not None:
            return heading.symbol
    return None


def extract(
    text: str,
    *,
    document_id: str | None = None,
    symbol: DocumentSymbol | str | None = None,
    received: PartialDate | None = None,
    dossier_id: str | None = None,
    name: str | None = None,
) -> Dossier:
    """Read a follow-up reply and return a Dossier draft with provenance.

    Args:
        text: The reply's text. Offsets in the result index this exact
            string (any line endings; non-breaking spaces and hyphens kept).
        document_id: Id for the reply document; default: its UN symbol, else
            ``"reply"``.
        symbol: The reply's UN symbol when the text has no header.
        received: The date the reply was received when the text does not
            say; it anchors relative times ("over the past three years").
        dossier_id: Id of the dossier; default: the reply's id.
        name: The reply's id when it has no UN symbol and no `document_id`
            is given (`extract_file` passes the file name); default
            ``"reply"``.

    Returns:
        A Dossier with the reply and the concluding observations it answers,
        the recommendations answered, sections and paragraphs, instruments
        and citations, authorities, indicator series with their breakdowns,
        stated changes and equivalences, and measure candidates.

    Raises:
        TypeError: If `text` is not a str.
        ParseError: If `symbol` is a string that is not a UN symbol.

    Note:
        The reader makes no reference cycles, so Python's cyclic garbage collector
        is paused during the call and restored after it, as it was.

    Example:
        >>> import catdomain as cd
        >>> d = cd.extract("Paragraph 9\\n1. Since 2021, 40 judges have been trained.\\n",
        ...                symbol="CCPR/C/NPL/CO/2/Add.1")
        >>> d.replies[0].id, [r.id for r in d.recommendations]
        ('CCPR/C/NPL/CO/2/Add.1', ['CCPR/C/NPL/CO/2#9'])
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs a str, not {type(text).__name__}; decode bytes first")
    if isinstance(symbol, str):
        symbol = DocumentSymbol.parse(symbol)
    # The reader makes no reference cycles (a test checks it): all it leaves behind is
    # freed as it goes, and the cyclic collector, whose passes would find nothing,
    # waits until it is done (about a twentieth of the time on a reply).
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _extract(
            text,
            symbol,
            document_id=document_id,
            received=received,
            dossier_id=dossier_id,
            name=name,
        )
    finally:
        if paused:
            gc.enable()


def _extract(
    text: str,
    symbol: DocumentSymbol | None,
    *,
    document_id: str | None,
    received: PartialDate | None,
    dossier_id: str | None,
    name: str | None,
) -> Dossier:
    structure = read_reply(text, symbol=symbol)
    header = structure.header
    reply_symbol = symbol or header.symbol
    reply_id = document_id or (str(reply_symbol) if reply_symbol else _slug(name or "reply"))
    co_symbol = _co_symbol(structure, reply_symbol)
    co_id = str(co_symbol) if co_symbol else "concluding-observations"
    if co_id == reply_id:
        co_id = "concluding-observations"
    received = received or header.received
    reference = received or header.issued
    body = (
        header.body
        or (co_symbol.body if co_symbol else None)
        or (reply_symbol.body if reply_symbol else None)
    )
    state = (
        header.state
        or (co_symbol.state if co_symbol else None)
        or (reply_symbol.state if reply_symbol else None)
    )

    b = _Builder(text, structure, reply_id)
    b.ids.used.update({reply_id, co_id})

    # ------------------------------------------------------------ recommendations
    recommendations: dict[int, Recommendation] = {}
    section_recs: list[tuple[str, ...]] = []
    for index in range(len(structure.sections)):
        ids = []
        for ref in structure.section_refs(index):
            for item in ref.items:
                numbers = range(item.start, (item.end or item.start) + 1)
                for n in numbers:
                    rec = recommendations.get(n)
                    if rec is None:
                        rec = Recommendation(id=f"{co_id}#{n}", document=co_id, paragraph=n)
                    if item.sub and all(s.letter != item.sub for s in rec.subparagraphs):
                        rec = _with_sub(rec, item.sub)
                    recommendations[n] = rec
                    if rec.id not in ids:
                        ids.append(rec.id)
        section_recs.append(tuple(ids))
    paragraph_of = {rec.id: n for n, rec in recommendations.items()}
    for quote in structure.quotes:
        quoted = [n for ref in quote.refs for n in ref.numbers()]
        if not quoted and quote.section is not None:
            quoted = [paragraph_of[r] for r in section_recs[quote.section]]
        if len(quoted) == 1 and quoted[0] in recommendations:
            s, e = _strip(text, quote.start, quote.end)
            rec = recommendations[quoted[0]]
            if rec.text is None and e > s:
                recommendations[quoted[0]] = _evolve_rec(rec, text[s:e], b.span(s, e))
    b.ids.used.update(r.id for r in recommendations.values())

    # ----------------------------------------------------------------- paragraphs
    paragraphs = tuple(
        TextParagraph(number=b.labels[i], start=p.start, end=p.end)
        for i, p in enumerate(structure.paragraphs)
    )
    sections = []
    for k, section in enumerate(structure.sections):
        h = section.heading
        sections.append(
            Section(
                id=b.ids.make(f"s-{k + 1}"),
                heading=" ".join(h.text.split()),
                recommendations=section_recs[k],
                paragraphs=tuple(b.labels[i] for i in section.paragraphs),
                source=SourceSpan(
                    document=reply_id, start=h.start, end=h.end, quote=text[h.start : h.end]
                ),
            )
        )
    answers_of = _answers_by_paragraph(structure, section_recs)
    # Paragraph bodies without the page furniture inside them (page breaks).
    pieces = _pieces(structure)
    bodies = [(s, e) for s, e, _ in pieces]
    answers_of = [answers_of[i] for _, _, i in pieces]

    # ---------------------------------------------------------------- authorities
    authorities: dict[str, Authority] = {}

    def authority(name: str) -> str:
        key = name.lower()
        found = authorities.get(key)
        if found is None:
            kind = authority_kind(name)
            found = Authority(
                id=b.ids.make(_slug(f"a {name}")),
                name=name,
                kind=kind,
                state=state
                if kind.value not in ("international-organization", "civil-society")
                else None,
            )
            authorities[key] = found
        return found.id

    mentions: list[AuthorityMention] = []
    for start, end in bodies:
        mentions.extend(find_authorities(text, start, end))

    # ---------------------------------------------------------------- instruments
    reading = find_instruments(text, bodies)
    instruments, citations, instrument_ids = _instruments(reading, b, authority, state)

    # ----------------------------------------------------------------- statistics
    dates: list[DateMention] = []
    series, breakdowns, changes, equivalences, obs_at = _statistics(
        text, b, bodies, reference, dates
    )

    # ------------------------------------------------------------------- measures
    found_measures = find_measures(text, bodies)
    measures = _measures(
        found_measures,
        b,
        answers_of=answers_of,
        mentions=mentions,
        reading=reading,
        instrument_ids=instrument_ids,
        located=obs_at,
        authority=authority,
        dates=dates,
    )

    reply = Document(
        id=reply_id,
        kind=DocumentKind.FOLLOW_UP_REPLY,
        symbol=reply_symbol,
        body=body,
        state=state,
        title=header.title,
        received=received,
        issued=header.issued,
        responds_to=co_id,
        text_length=len(text),
        text_sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        paragraphs=paragraphs,
        sections=tuple(sections),
    )
    co = Document(
        id=co_id,
        kind=DocumentKind.CONCLUDING_OBSERVATIONS,
        symbol=co_symbol,
        body=body,
        state=state,
    )
    return Dossier(
        id=dossier_id or reply_id,
        title=header.title,
        documents=(co, reply),
        recommendations=tuple(recommendations[n] for n in sorted(recommendations)),
        authorities=tuple(authorities.values()),
        instruments=instruments,
        citations=citations,
        measures=measures,
        series=series,
        breakdowns=breakdowns,
        changes=changes,
        equivalences=equivalences,
    )


def extract_file(path: str | Path, **options: object) -> Dossier:
    """Read a reply from a .txt, .docx or .pdf file and `extract` it.

    Options are passed to `extract`; the reply's id defaults to its UN
    symbol, else the file name without its extension.

    Raises:
        InputError: If the file cannot be read (see `catdomain.read_document`).

    Example:
        >>> import tempfile, pathlib
        >>> import catdomain as cd
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "bhr-reply.txt").write_text(
        ...     "Paragraph 12\\n1. A hotline was set up in 2022.\\n", encoding="utf-8")
        >>> cd.extract_file(folder / "bhr-reply.txt").replies[0].id
        'bhr-reply'
    """
    from catdomain.reading._input import read_document

    file = Path(path)
    text = read_document(file)
    options.setdefault("name", file.stem)
    return extract(text, **options)  # type: ignore[arg-type]


def _with_sub(rec: Recommendation, letter: str) -> Recommendation:
    import attrs

    subs = tuple(
        sorted(
            (*rec.subparagraphs, SubParagraph(letter=letter)),
            key=lambda s: (len(s.letter), s.letter),
        )
    )
    return attrs.evolve(rec, subparagraphs=subs)


def _evolve_rec(rec: Recommendation, quote: str, span: SourceSpan) -> Recommendation:
    import attrs

    return attrs.evolve(rec, text=" ".join(quote.split()), source=span)


def _pieces(structure: ReplyStructure) -> list[tuple[int, int, int]]:
    """``(start, end, paragraph index)`` of each stretch of paragraph body between gaps."""
    out = []
    for index, p in enumerate(structure.paragraphs):
        start = p.start
        for gap_start, gap_end in sorted((g[0], g[1]) for g in p.gaps):
            if gap_start > start:
                out.append((start, gap_start, index))
            start = max(start, gap_end)
        if p.end > start:
            out.append((start, p.end, index))
    return out


def _answers_by_paragraph(
    structure: ReplyStructure, section_recs: Sequence[tuple[str, ...]]
) -> list[tuple[str, ...]]:
    answers: list[tuple[str, ...]] = [() for _ in structure.paragraphs]
    for k, section in enumerate(structure.sections):
        for i in section.paragraphs:
            answers[i] = section_recs[k]
    return answers


def _instruments(
    reading: InstrumentReading,
    b: _Builder,
    authority: object,
    state: str | None,
) -> tuple[tuple[LegalInstrument, ...], tuple[Citation, ...], dict[str, str]]:
    assert callable(authority)
    ids: dict[str, str] = {}
    for inst in reading.instruments:
        ids[inst.key] = b.ids.make(_slug(_instrument_label(inst), 50))
    instruments = []
    for inst in reading.instruments:
        issuances = tuple(
            Issuance(
                issuer=authority(i.issuer) if i.issuer else None,
                number=i.number,
                date=i.date,
                source=b.span(i.start, i.end),
            )
            for i in inst.issuances
        )
        international = inst.kind.value.startswith("international")
        instruments.append(
            LegalInstrument(
                id=ids[inst.key],
                kind=inst.kind,
                title=inst.title,
                issuances=issuances,
                status=inst.status,
                period=inst.period,
                amends=tuple(ids[k] for k in inst.amends if k in ids),
                part_of=ids.get(inst.part_of) if inst.part_of else None,
                jurisdiction=None if international else state,
            )
        )
    citations: list[Citation] = []
    for c in reading.citations:
        if c.role != "citation":
            continue
        citations.append(
            Citation(
                id=b.ids.make(f"c-{len(citations) + 1}"),
                instrument=ids[c.instrument],
                provisions=c.provisions,
                source=b.span(c.start, c.end),
            )
        )
    return tuple(instruments), tuple(citations), ids


def _instrument_label(inst: FoundInstrument) -> str:
    if inst.title:
        return f"i {inst.title}"
    first = inst.issuances[0] if inst.issuances else None
    parts = [inst.kind.value]
    if first is not None:
        parts += [first.issuer or "", first.number or "", str(first.date or "")]
    return "i " + " ".join(p for p in parts if p)


def _unit(q: Quantity) -> str:
    if q.percent:
        return "percent"
    return q.unit or "number"


def _statistics(
    text: str,
    b: _Builder,
    bodies: Sequence[tuple[int, int]],
    reference: PartialDate | None,
    dates: list[DateMention],
) -> tuple[
    tuple[Series, ...],
    tuple[Breakdown, ...],
    tuple[StatedChange, ...],
    tuple[Equivalence, ...],
    list[tuple[int, int, str, str]],
]:
    series_obs: dict[str, list[Observation]] = {}
    series_key: dict[str, SeriesKey] = {}
    key_ids: dict[tuple[str, str, ValueKind], list[str]] = {}
    first_free: dict[tuple[tuple[str, str, ValueKind], str], int] = {}
    times_in: dict[str, set[str]] = {}
    breakdowns: list[Breakdown] = []
    changes: list[StatedChange] = []
    equivalences: list[Equivalence] = []
    located: list[tuple[int, int, str, str]] = []  # start, end, observation id, series id
    for start, end in bodies:
        result = find_quantities(text, start, end, reference=reference)
        dates.extend(result.dates)  # the measures' dates are read from them too
        obs_ids: dict[int, str] = {}
        for index, q in enumerate(result.quantities):
            if not q.is_observation:
                continue
            concept = " ".join((q.concept or _unit(q)).split())
            unit = _unit(q)
            key3 = (concept, unit, q.value_kind)
            time_key = str(q.time) if q.time is not None else ""
            candidates = key_ids.setdefault(key3, [])
            # The first series of this key without this time. Series only gain times,
            # so the search resumes where it stopped for the same key and time.
            k = first_free.get((key3, time_key), 0)
            while k < len(candidates) and time_key in times_in[candidates[k]]:
                k += 1
            first_free[(key3, time_key)] = k
            target = candidates[k] if k < len(candidates) else None
            if target is None:
                n = len(candidates)
                breakdown = () if n == 0 else (("mention", str(n + 1)),)
                target = b.ids.make(_slug(f"s {concept}", 50))
                series_key[target] = SeriesKey(
                    concept=concept,
                    unit=unit,
                    value_kind=q.value_kind,
                    breakdown=tuple(Dimension(name=k, value=v) for k, v in breakdown),
                )
                series_obs[target] = []
                times_in[target] = set()
                candidates.append(target)
            if time_key:
                times_in[target].add(time_key)
            else:
                times_in[target].add(f"undated-{index}-{start}")
            label = b.label_slug(b.paragraph_at(q.start) or 0) if b.labels else "x"
            oid = b.ids.make(f"o-{label}-{len(obs_ids) + 1}")
            obs_ids[index] = oid
            series_obs[target].append(
                Observation(
                    id=oid,
                    value=q.value,
                    time=q.time,
                    qualifier=q.qualifier,
                    text=q.text,
                    source=b.span(q.start, q.end),
                )
            )
            located.append((q.start, q.end, oid, target))
        for relation in result.relations:
            _relation(
                relation,
                result.quantities,
                obs_ids,
                b,
                breakdowns=breakdowns,
                changes=changes,
                equivalences=equivalences,
            )
    series = tuple(
        Series(id=sid, key=series_key[sid], observations=tuple(obs))
        for sid, obs in series_obs.items()
    )
    return series, tuple(breakdowns), tuple(changes), tuple(equivalences), located


def _relation(
    relation: object,
    quantities: Sequence[Quantity],
    obs_ids: dict[int, str],
    b: _Builder,
    *,
    breakdowns: list[Breakdown],
    changes: list[StatedChange],
    equivalences: list[Equivalence],
) -> None:
    if isinstance(relation, PartRelation):
        if relation.whole not in obs_ids or any(p not in obs_ids for p in relation.parts):
            return
        breakdowns.append(
            Breakdown(
                id=b.ids.make(f"b-{len(breakdowns) + 1}"),
                kind=relation.kind,
                whole=obs_ids[relation.whole],
                parts=tuple(obs_ids[p] for p in relation.parts),
                dimension=relation.dimension,
                source=b.span(relation.start, relation.end),
            )
        )
    elif isinstance(relation, ChangeRelation):
        if relation.later not in obs_ids:
            return
        base = obs_ids.get(relation.base) if relation.base is not None else None
        changes.append(
            StatedChange(
                id=b.ids.make(f"ch-{len(changes) + 1}"),
                observation=obs_ids[relation.later],
                base=base,
                direction=relation.direction,
                amount=abs(quantities[relation.amount].value),
                relative=relation.relative,
                qualifier=quantities[relation.amount].qualifier,
                text=relation.text,
                source=b.span(relation.start, relation.end),
            )
        )
    elif isinstance(relation, EquivalenceRelation):
        members = [obs_ids[i] for i in relation.quantities if i in obs_ids]
        if len(members) >= 2:
            equivalences.append(
                Equivalence(
                    id=b.ids.make(f"eq-{len(equivalences) + 1}"),
                    observations=tuple(members),
                    source=b.span(relation.start, relation.end),
                )
            )


class _SpanIndex:
    """Spans (start, end) ordered by start, to find those inside other spans quickly."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.order = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self.starts = [spans[k][0] for k in self.order]
        self.ends = [spans[k][1] for k in self.order]

    def inside(self, regions: Sequence[tuple[int, int]]) -> list[int]:
        """Positions, in the original order, of the spans inside any of `regions`."""
        starts, ends, order = self.starts, self.ends, self.order
        found: list[int] = []
        for start, end in regions:
            # A span (s, e) with s <= e lies inside (start, end) iff start <= s <= end
            # and e <= end.
            for k in range(bisect_left(starts, start), bisect_right(starts, end)):
                if ends[k] <= end:
                    found.append(order[k])
        return sorted(set(found)) if len(regions) > 1 else sorted(found)


def _measures(
    found: Sequence[FoundMeasure],
    b: _Builder,
    *,
    answers_of: Sequence[tuple[str, ...]],
    mentions: Sequence[AuthorityMention],
    reading: InstrumentReading,
    instrument_ids: dict[str, str],
    located: Sequence[tuple[int, int, str, str]],
    authority: object,
    dates: Sequence[DateMention],
) -> tuple[Measure, ...]:
    assert callable(authority)
    text = b.text
    # Mentions, citations and observations found inside a measure's sentences,
    # by binary search on their starts: linear in the size of the reply.
    mentions_at = _SpanIndex([(a.start, a.end) for a in mentions])
    citations_at = _SpanIndex([(c.start, c.end) for c in reading.citations])
    located_at = _SpanIndex([(s, e) for s, e, _, _ in located])
    dates_at = _SpanIndex([(d.start, d.end) for d in dates])
    by_key: dict[str, FoundInstrument] = {}
    for found_instrument in reading.instruments:
        by_key.setdefault(found_instrument.key, found_instrument)  # the first, as instrument()
    out = []
    for m in found:
        inside = [(s, e) for s, e in m.sentences]

        def within(start: int, end: int, spans: list[tuple[int, int]] = inside) -> bool:
            return any(s <= start and end <= e for s, e in spans)

        cited = [reading.citations[k] for k in citations_at.inside(inside)]
        authorities = list(
            dict.fromkeys(authority(mentions[k].name) for k in mentions_at.inside(inside))
        )
        for c in cited:
            for i in by_key[c.instrument].issuances:
                if i.issuer and within(i.start, i.end):
                    authorities.append(authority(i.issuer))
        instruments = list(dict.fromkeys(instrument_ids[c.instrument] for c in cited))
        series = list(dict.fromkeys(located[k][3] for k in located_at.inside(inside)))
        answers: list[str] = []
        for region in m.regions:
            for rec in answers_of[region]:
                if rec not in answers:
                    answers.append(rec)
        first_s, first_e = m.sentences[0]
        in_sentence = [dates[k] for k in dates_at.inside([(first_s, first_e)])]
        date, completion = _measure_dates(text, first_s, first_e, m.status, in_sentence)
        out.append(
            Measure(
                id=b.ids.make(f"m-{_measure_label(b, m)}-{_slug(m.description, 32)}"),
                description=m.description,
                category=m.category,
                kind=m.kind,
                status=m.status,
                authorities=tuple(dict.fromkeys(authorities)),
                instruments=tuple(instruments),
                answers=tuple(answers),
                evidence=tuple(b.span(s, e) for s, e in m.sentences),
                series=tuple(series),
                date=date,
                expected_completion=completion,
            )
        )
    return tuple(out)


def _measure_label(b: _Builder, m: FoundMeasure) -> str:
    index = b.paragraph_at(m.sentences[0][0])
    return b.label_slug(index) if index is not None else "x"


def _measure_dates(
    text: str,
    start: int,
    end: int,
    status: MeasureStatus | None,
    dates: Sequence[DateMention],
) -> tuple[PartialDate | None, PartialDate | None]:
    """When an action was taken and when it is to be completed, from its first sentence
    and the date mentions found in it."""
    completion = None
    m = _COMPLETION.search(text, start, end) if _COMPLETION_WORDS(text[start:end]) else None
    if m is None and status is MeasureStatus.PLANNED:
        m = _BY_YEAR.search(text, start, end)  # "plans to open 6 new prisons by 2025"
    if m:
        month = _MONTHS.get((m.group("month") or "").lower())
        completion = PartialDate(int(m.group("year")), month)
    date = None
    if status not in (MeasureStatus.PLANNED, None):
        for mention in dates:
            if mention.anchor not in ("on", "since") and mention.role != "date":
                continue
            if m and mention.start >= m.start():
                continue
            value = mention.value
            if isinstance(value, PartialDate):
                if mention.anchor in ("on", "since"):
                    date = value
                    break
            elif isinstance(value, Instant):
                date = value.date
                break
            elif (
                isinstance(value, Period)
                and value.start is not None
                and (mention.anchor in ("on", "since"))
            ):
                date = value.start
                break
            elif isinstance(value, Pooled):
                continue
    return date, completion


_ = MeasureKind  # kinds are read in catdomain.reading.measures
