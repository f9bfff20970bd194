"""Measure candidates: one per reported action, with a status read from the wording.

A reply reports what the State did in sentences like "a bill … has been
submitted to the Majilis", "the rules were approved", "training sessions
have been held", "it is planned to build …". The reader finds such
*action sentences*, classifies each by the official umbrella (legislative,
judicial, administrative, other) and a finer kind from its vocabulary, and
reads the status from the verb: planned, before parliament, adopted, in
operation, ongoing, completed. A sentence that only continues the previous
action ("The rules contain …", "The instructions make provision for …")
adds evidence to it instead of starting a new measure.

These are *candidates* for a person to review: the reader never invents what
the text does not say, and leaves the status unknown when the wording gives
none.

Example:
    >>> from catdomain.reading.measures import find_measures
    >>> text = "A bill on torture has been submitted to the Majilis. The bill sets penalties."
    >>> [(m.kind.value, m.status.value) for m in find_measures(text, [(0, len(text))])]
    [('bill-submitted', 'before-parliament')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from catdomain import _regex
from catdomain.vocab import MeasureCategory, MeasureKind, MeasureStatus

__all__ = ["FoundMeasure", "find_measures", "measure_status"]

MK = MeasureKind
MS = MeasureStatus

# A stop not after an abbreviation ("No.", "art.", "i.e."). The stop is matched
# first and the abbreviations are looked for behind it: the same matches, but the
# regex engine skips to the next stop in C instead of trying every look-behind at
# every character (some 30 times faster). The blank after it is checked before the
# abbreviations, which are grouped by length (one look-behind for each).
_SENTENCE_END = _regex.compile(
    r"[.!?](?=[\s\u00a0]|$)(?<!\b[A-Z][.!?])(?<!\b(?:No|St|Mr|Ms|Dr|pp)[.!?])"
    r"(?<!\b(?:Nos|art|vol|i\.e|e\.g)[.!?])(?<!\b(?:arts|para)[.!?])(?<!\bparas[.!?])"
)
_PARENTHETICAL = _regex.compile(r"\([^()]*\)")
_LEAD_ADVERBIAL = _regex.compile(
    r"^(?:In\s+(?:fulfilment|accordance|line|compliance|pursuance)\s+(?:of|with)|As\s+part\s+of"
    r"|Under|Pursuant\s+to|On\s+the\s+basis\s+of|With\s+a\s+view\s+to|In\s+order\s+to|To"
    r"\s+(?:ensure|implement|prevent|monitor))\b[^,]{0,300},\s*"
)

# Status from the wording, most specific first. Only whether a rule matches counts.
_STATUS_RULES: list[tuple[str, MeasureStatus]] = [
    (p, status)
    for p, status in [
        (
            r"\b(?:submitted|sent|introduced)\s+(?:for\s+consideration\s+)?(?:to|by|before)\s+(?:the\s+)?"
            r"(?:Parliament|Majilis|Mazhilis|Senate|National\s+Assembly|Verkhovna\s+Rada|Duma|"
            r"lower\s+house|legislature)|\b(?:Parliament|Majilis|Mazhilis|Senate|legislature)\b[^.]{0,40}"
            r"\b(?:is|are)\s+(?:currently\s+)?considering|\bbefore\s+(?:the\s+)?Parliament\b|\bdraft\s+law"
            r"\b[^.]{0,80}\b(?:submitted|under\s+consideration)|\bunder\s+consideration\s+(?:by|in)\s+"
            r"(?:the\s+)?(?:Parliament|Majilis|Senate)",
            MS.BEFORE_PARLIAMENT,
        ),
        (
            r"\bit\s+is\s+(?:planned|envisaged|intended|proposed)\b|\b(?:is|are)\s+planned\b"
            r"|\b(?:Government|State|Ministry|it)\s+plans\s+to\b|\bplans?\s+to\s+(?:build|open"
            r"|construct|establish|introduce|adopt|create|set\s+up|reduce|increase|close|develop"
            r"|launch|expand|recruit|train|amend|revise|renovate|equip|install)\b|\bwill\s+be\s+"
            r"(?:built|constructed|established|adopted|introduced|created|set\s+up|opened|developed)\b"
            r"|\bis\s+(?:expected|scheduled|due)\s+to\b|\bintends?\s+to\b|\b(?:is|are)\s+to\s+be\s+(?:built|adopted|established|introduced|created|completed|"
            r"submitted|set\s+up|opened|launched)\b"
            r"|\bwill\s+(?:build|establish|introduce|adopt|create)\b",
            MS.PLANNED,
        ),
        (
            r"\b(?:is|are)\s+(?:currently\s+)?being\s+(?:implemented|carried\s+out|taken|improved|"
            r"developed|considered|prepared|drafted|built|constructed|introduced|reviewed|addressed|"
            r"pursued|strengthened|expanded|established|updated|revised|finali[sz]ed|conducted)\b"
            r"|\bwork\s+(?:is\s+under\s+way|continues|is\s+"
            r"(?:being\s+)?(?:carried\s+out|continuing))|\bunder\s+way\b|\bcontinues?\s+(?:to|on)\b"
            r"|\bongoing\b|\b(?:has|have)\s+begun\b|\bcontinue\s+to\s+be\b"
            r"|\b(?:has|have)\s+been\s+(?:implementing|carrying|conducting|working|using|applying)\b",
            MS.ONGOING,
        ),
        (
            r"\b(?:has|have|had)\s+been\s+(?:held|completed|conducted|carried\s+out|organized|"
            r"organised|transferred|imposed|made|sent|disseminated|delivered|trained|released|"
            r"convicted|investigated|clarified|set\s+up)\b|\b(?:was|were)\s+(?:held|completed|"
            r"conducted|carried\s+out|organized|organised|transferred|imposed|convicted|acquitted|"
            r"terminated|disseminated|trained|released|sentenced|dismissed|installed|equipped|built|"
            r"constructed|opened|closed|launched|published|renovated|refurbished|repaired|recruited|"
            r"appointed|compensated|prosecuted)\b|\bwere\s+made\b"
            r"|\b(?:has|have|had)\s+been\s+(?:equipped|installed|renovated|refurbished|repaired|built|"
            r"constructed|opened|closed|launched|published|distributed|recruited|appointed|dismissed|"
            r"prosecuted|compensated)\b"
            r"|\b(?:conducted|carried\s+out|held|made|imposed)\s+\d"
            r"|\b(?:has|have|had)\s+commissioned\b|\bcommissioned\s+(?:an?|the)\b"
            r"|\bmade\s+(?:an?|the)\s+(?:\w+\s+){0,2}(?:statement|declaration|visit|assessment)\b"
            r"|\b(?:recruited|hired|trained|opened|built|constructed|installed|renovated|refurbished"
            r"|organi[sz]ed|released|visited|inspected|distributed|published|conducted|carried\s+out"
            r"|held)\s+(?:\d|(?:an?|the|new|more\s+than|over|some|approximately|about|nearly|almost"
            r"|all)\b)",
            MS.COMPLETED,
        ),
        (
            r"\b(?:has|have|had)\s+been\s+(?:adopted|approved|signed|enacted|updated|expanded|"
            r"amended|introduced|ratified|developed|issued|established|created|assigned|"
            r"made\s+to|extended|taken)\b|\b(?:is|are)\s+(?:supported|accepted)\b|\b(?:was|were)\s+(?:adopted|approved|signed|enacted|amended|"
            r"introduced|ratified|developed|issued|established|created)\b|\badopted\s+an?\b"
            r"|\b(?:has|have)\s+approved\b|\bextended\s+a\b|\b(?:approved|adopted|signed|"
            r"ratified|enacted|issued|promulgated)\s+(?:the|an?|new|Law|Act|Decree|Order|Decision|"
            r"Resolution|Instructions?|Regulations?|Circulars?|Directives?|amendments)\b"
            r"|\b(?:launched|introduced|established|created|set\s+up)\s+(?:the|an?|new)\b"
            r"|\bpassed\s+(?:the|an?|new)\b|\breceived\s+Royal\s+Assent\b",
            MS.ADOPTED,
        ),
        (
            r"\b(?:is|are)\s+(?:now\s+|currently\s+)?in\s+(?:force|operation|place|use)\b|\bin\s+"
            r"operation\b|\b(?:provides?|guarantees?|establishes|regulates?|prohibits?|requires?|"
            r"stipulates?|ensures?)\b|\b(?:is|are)\s+(?:provided|conducted|carried\s+out|held|"
            r"used|applied|offered|available|recorded|investigated|performed|kept|monitored|"
            r"attached|entered|informed|established|regulated|based)\b|\boperates?\b|\bfunctions?\b"
            r"|\b(?:entered|came)\s+into\s+(?:force|effect)\b"
            r"|\bhave\s+(?:an?|the)\b|\bthere\s+(?:is|are)\b|\b(?:take|conduct|make|use|carry\s+out)"
            r"s?\b",
            MS.IN_OPERATION,
        ),
    ]
]

_KIND_RULES: list[tuple[str, MeasureKind]] = [
    (p, kind)
    for p, kind in [
        (r"\bbill\b|\bdraft\s+law|\blegislative\s+amendments\b", MK.BILL_SUBMITTED),
        (
            r"\b(?:Code|Act|Law)\b(?:[^.]|(?<=\bNo)\.){0,160}?\b(?:was|were|has\s+been|have\s+been)"
            r"\s+(?:adopted|"
            r"amended|enacted)|\bamendments\s+(?:have\s+been|were)\s+made\s+to\s+the\s+(?:Code|Act|Law|"
            r"Criminal|Constitution)|\bthe\s+\w+\s+Code\s+was\s+adopted"
            r"|\b(?:Law|Act)\s+No\.?[^.]{0,40}?\b(?:amending|amends|amended)\b"
            r"|\b(?:passed|enacted)\s+(?:the\s+|an?\s+)?(?:[\w()’'-]+\s+){0,10}(?:Act|Law|Code)\b",
            MK.LAW_AMENDMENT,
        ),
        (
            r"\b(?:issued|approved|adopted)\s+(?:an?\s+|the\s+)?(?:Instructions?|Orders?|Regulations?"
            r"|Circulars?|Directives?|Decrees?|Decisions?|Resolutions?)\s+No\b|"
            r"\b(?:order|decree|instructions|rules|regulations|guidelines|procedures|standards|"
            r"reporting\s+form)\b[^.]{0,200}\b(?:approved|adopted|updated|issued|developed|amended|"
            r"introduced)|\b(?:approved|adopted)\b[^.]{0,40}\b(?:order|instructions|rules)\b|\bOrder"
            r"\s+No\.",
            MK.SECONDARY_REGULATION,
        ),
        (
            r"\b(?:action\s+plan|road\s*map|programme|program|strategy|polic(?:y|ies)\b"
            r"|plans?\b(?!\s+to\b))",
            MK.POLICY_OR_PLAN,
        ),
        (
            r"\btraining|\btrained\b|\bseminars?\b|\bcourses?\b|\bround\s+tables?\b|\bworkshops?\b|\beducational"
            r"\s+work|\bresearch\s+study",
            MK.TRAINING,
        ),
        (
            r"\b(?:construction|build|built|equipping|equipment|cameras?|video\s+surveillance|"
            r"infrastructure|renovat|refurbish|overhaul|modular\s+buildings|housing\s+units|"
            r"facilities\s+with|equipped|installed|installation|new\s+(?:prisons?|facilities"
            r"|detention\s+centres?|remand\s+centres?|buildings?)\b(?!\s+(?:officers|staff|guards"
            r"|personnel|employees|directors)))",
            MK.INFRASTRUCTURE,
        ),
        (
            r"\b(?:disciplinary|(?:were|was|been)\s+convicted|convicted\s+of|prosecut|submissions|pretrial\s+investigations?|criminal\s+(?:cases|"
            r"proceedings|liability)|sanctions|acquitted|official\s+investigations|investigations?\s+"
            r"(?:were|have\s+been|are)|punish)",
            MK.INVESTIGATION_PROSECUTION_DISCIPLINE,
        ),
        (
            r"\b(?:transferred|set\s+up|established|assigned\s+exclusive|jurisdiction|mobile\s+groups|"
            r"reorganiz|restructur|created\s+a|new\s+(?:unit|department|body))",
            MK.INSTITUTIONAL_CHANGE,
        ),
        (
            r"\b(?:monitor|visits?\b|inspect|review\s+the\s+lawfulness|oversight|recording|register|"
            r"surveillance|complaints?|helplines?|hotlines?|polls|questionnaires)",
            MK.MONITORING_AND_OVERSIGHT,
        ),
        (
            r"\b(?:compensation|rehabilitation|redress|reparation|victims?\s+(?:support|assistance))",
            MK.VICTIM_SUPPORT_AND_REDRESS,
        ),
        (
            r"\b(?:medical|health|psycholog|care\b|medicines|treatment|examination)",
            MK.SERVICE_PROVISION,
        ),
        (
            r"\b(?:standing\s+invitation|special\s+procedure|cooperation\s+with\s+(?:the\s+)?"
            r"(?:United\s+Nations|international|OHCHR)|technical\s+assistance)",
            MK.INTERNATIONAL_COOPERATION,
        ),
        (
            r"\b(?:disseminat|publicly\s+available|published|translated|awareness|media\b)",
            MK.AWARENESS_AND_DISSEMINATION,
        ),
        (
            r"\b(?:periodic\s+report|list\s+of\s+issues|simplified\s+(?:reporting\s+)?procedure)",
            MK.REPORTING_PROCEDURE,
        ),
        (
            r"\b(?:Constitution|Code|Act|Law)\b[^.]{0,80}\b(?:provides?|guarantees?|prohibits?|"
            r"stipulates?|establishes|punishable)|\bunder\s+(?:article|the)\b[^.]{0,60}\b(?:Code|Act)"
            r"|\bIn\s+accordance\s+with\s+(?:the\s+requirements\s+of\s+)?(?:article|the)\b[^.]{0,60}"
            r"\b(?:Code|Act|Law)|\bcrimes?\s+punishable|\binadmissible",
            MK.LEGAL_FRAMEWORK,
        ),
    ]
]

_CONTINUATION = _regex.compile(
    r"^[\s\u00a0]*(?:The|These|This|Such|Those)\s+(?:rules|instructions|bill|plan|code|"
    r"regulations|order|procedure|programme|road\s+map|event|events|training|study|module|"
    r"system|amendments|guidelines|measures?)\b(?!\s+(?:of|on|for)\b)"
    # "As part of the study, …", "Under this programme, …": a sentence set in what the
    # previous one reported.
    r"|^[\s\u00a0]*(?:As\s+part\s+of|(?:With)?in\s+the\s+framework\s+of|Under|Following"
    r"|Based\s+on|On\s+the\s+basis\s+of|In\s+the\s+course\s+of|During|Through)\s+(?:the|this"
    r"|these|that|those|its|their)\s+(?:study|studies|research|training|plan|programme|project"
    r"|visits?|inspections?|review|reform|strategy|initiative|campaign|measures?|work|cooperation"
    r"|amendments|law|order|rules|instructions)\b",
    re.IGNORECASE,
)


@attrs.frozen(kw_only=True)
class FoundMeasure:
    """A measure candidate read from the text.

    Attributes:
        category: The official umbrella category.
        kind: The finer kind.
        status: The status read from the wording, or None.
        description: The first action sentence, shortened.
        sentences: ``(start, end)`` spans of the sentences reporting it.
        region: Index of the region (paragraph) it starts in.
        regions: Indices of every region it draws on.

    Example:
        >>> from catdomain.reading.measures import find_measures
        >>> text = "Training sessions on the Istanbul Protocol were held in 2023."
        >>> m = find_measures(text, [(0, len(text))])[0]
        >>> m.kind.value, m.status.value, m.category.value
        ('training', 'completed', 'administrative')
    """

    category: MeasureCategory
    kind: MeasureKind
    status: MeasureStatus | None
    description: str
    sentences: tuple[tuple[int, int], ...]
    region: int
    regions: tuple[int, ...]


# The first rule that matches decides. The status rules and the kind rules are one
# list, so that which of them a sentence's words allow is asked once for the sentence
# (and holds for its main clause, made of its pieces).
_RULES = _regex.Rules([*(p for p, _ in _STATUS_RULES), *(p for p, _ in _KIND_RULES)], re.IGNORECASE)
_STATUSES = [status for _, status in _STATUS_RULES]
_KINDS = [kind for _, kind in _KIND_RULES]
_STATUS_BITS = (1 << len(_STATUSES)) - 1
_KIND_BITS = ((1 << len(_KINDS)) - 1) << len(_STATUSES)
_LAW_IN_FORCE_BIT = 1 << (len(_STATUSES) + _KINDS.index(MK.LEGAL_FRAMEWORK))
"""The kind rule for law in force, which gives a status by itself: a sentence without a
status needs its kind only where this rule matches."""


def measure_status(sentence: str) -> MeasureStatus | None:
    """The status a sentence's wording gives an action, or None.

    Example:
        >>> from catdomain.reading.measures import measure_status
        >>> measure_status("It is planned to build three remand centres.").value
        'planned'
        >>> measure_status("Work is under way to switch to cells.").value
        'ongoing'
    """
    return _status(sentence, _RULES.may_match(sentence))


def _status(text: str, may: int) -> MeasureStatus | None:
    index = _RULES.first(text, may & _STATUS_BITS)
    return None if index is None else _STATUSES[index]


def _kind(text: str, may: int) -> MeasureKind:
    index = _RULES.first(text, may & _KIND_BITS)
    return MK.OTHER if index is None else _KINDS[index - len(_STATUSES)]


def _law_in_force(text: str, may: int) -> bool:
    return _RULES.first(text, may & _LAW_IN_FORCE_BIT) is not None


def _shorten(text: str, limit: int = 200) -> str:
    if not (text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "):
        text = " ".join(text.split())  # runs of whitespace as one space, none at the ends
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1] + "…"


def _clause(sentence: str) -> str:
    """The sentence without bracketed asides and a leading adverbial ("In accordance with …,")."""
    plain = sentence
    for _ in range(3):
        stripped = _PARENTHETICAL.sub(" ", plain)
        if stripped == plain:
            break
        plain = stripped
    return _LEAD_ADVERBIAL.sub("", plain.strip())


def _classify(sentence: str) -> tuple[MeasureKind, MeasureStatus] | None:
    """The kind and status of the action a sentence reports; None where it gives no status."""
    clause = _clause(sentence)
    # The clause is made of pieces of the sentence: the rules its words allow are among
    # the sentence's. It is read again only where it differs from the sentence: the
    # readings of the same text are the same.
    may = _RULES.may_match(sentence)
    status = _status(clause, may)
    if status is None and clause != sentence:
        status = _status(sentence, may)
    if status is None and not (
        _law_in_force(clause, may) or (clause != sentence and _law_in_force(sentence, may))
    ):
        return None  # no status, and none from law in force: the kind does not matter
    kind = _kind(clause, may)
    if kind is MK.OTHER and clause != sentence:
        kind = _kind(sentence, may)
    if kind is MK.LEGAL_FRAMEWORK:
        # Law in place: "The Code provides …", "… is to be deemed inadmissible (Code, art. 112)".
        status = MS.IN_OPERATION
    return None if status is None else (kind, status)


def _split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]``; a full stop inside brackets does not end one."""
    out = []
    begin = start
    depth = 0
    last = start
    for m in _SENTENCE_END.finditer(text, start, end):
        chunk = text[last : m.start()]
        depth += chunk.count("(") - chunk.count(")")
        last = m.start()
        if depth > 0:
            continue
        out.append((begin, m.end()))
        begin = m.end()
    if begin < end:
        out.append((begin, end))
    trimmed = []
    for first, last in out:
        s, e = first, last
        while s < e and text[s] in " \t\n\r\u00a0":
            s += 1
        while e > s and text[e - 1] in " \t\n\r\u00a0":
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def find_measures(text: str, regions: Sequence[tuple[int, int]]) -> tuple[FoundMeasure, ...]:
    """Find measure candidates in the given regions (paragraph bodies), in order.

    Within one paragraph, sentences join the current candidate unless they
    report an action of another kind with another status; a sentence opening
    with a back-reference ("The rules …") continues the previous candidate,
    even across paragraphs.

    Args:
        text: The document's full text.
        regions: ``(start, end)`` of each paragraph body, in reading order.

    Example:
        >>> from catdomain.reading.measures import find_measures
        >>> text = ("Special rules were adopted. The rules provide for daily monitoring. "
        ...         "It is planned to build three remand centres.")
        >>> [(m.status.value, len(m.sentences)) for m in find_measures(text, [(0, len(text))])]
        [('adopted', 2), ('planned', 1)]
    """
    if not isinstance(text, str):
        raise TypeError(f"find_measures() needs a str, not {type(text).__name__}")
    found: list[_Draft] = []
    for index, (start, end) in enumerate(regions):
        current: _Draft | None = None
        for s, e in _split(text, start, end):
            sentence = text[s:e]
            if len(sentence) < 12:
                continue
            if found and _CONTINUATION.match(sentence):
                found[-1].add(s, e, index)
                current = found[-1]
                continue
            classified = _classify(sentence)
            if classified is None:
                if current is not None:
                    current.add(s, e, index)
                continue
            kind, status = classified
            if current is not None and (
                kind is current.kind or status is current.status or kind is MK.OTHER
            ):
                current.add(s, e, index)
                if current.kind is MK.OTHER and kind is not MK.OTHER:
                    current.kind = kind
                continue
            current = _Draft(
                kind=kind,
                status=status,
                description=_shorten(sentence),
                sentences=[(s, e)],
                region=index,
                regions=[index],
            )
            found.append(current)
    out = []
    for d in found:
        final = d.status
        if d.kind is MK.BILL_SUBMITTED and final not in (MS.PLANNED, MS.BEFORE_PARLIAMENT):
            final = MS.BEFORE_PARLIAMENT
        out.append(
            FoundMeasure(
                category=d.kind.category,
                kind=d.kind,
                status=final,
                description=d.description,
                sentences=tuple(d.sentences),
                region=d.region,
                regions=tuple(d.regions),
            )
        )
    return tuple(out)


@attrs.define
class _Draft:
    kind: MeasureKind
    status: MeasureStatus | None
    description: str
    sentences: list[tuple[int, int]]
    region: int
    regions: list[int]

    def add(self, start: int, end: int, region: int) -> None:
        self.sentences.append((start, end))
        if region not in self.regions:
            self.regions.append(region)
