"""Authorities named in a reply: ministries, procurators, parliament, courts, agencies."""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from catdomain import _regex
from catdomain.reading._scan import keyed_matches, single_spaced, word_before, word_start
from catdomain.vocab import AuthorityKind

__all__ = ["AuthorityMention", "authority_kind", "canonical_authority", "find_authorities"]

_NOT_NAME = (
    r"(?!(?:The|This|That|These|Those|A|An|In|On|By|Under|With|For|Its|Their|Order|Orders"
    r"|Decree|Decision|Resolution|Code|Act|No|Instructions|Rules)\b)"
)
_W = _NOT_NAME + r"[A-Z][\w’'\u2011-]*"
_JOIN = r"[ \u00a0]+(?:(?:of|for|on)[ \u00a0]+(?:the[ \u00a0]+)?|(?:and|in)[ \u00a0]+)?"
_TITLE = rf"{_W}(?:{_JOIN}{_W})*"

_PATTERNS = [
    r"\b(?:the[ \u00a0]+)?Council[ \u00a0]+of[ \u00a0]+Europe\b",
    r"\b(?:the[ \u00a0]+)?(?:Supreme|Constitutional|Military|High)[ \u00a0]+Court\b",
    rf"\b(?:the[ \u00a0]+)?Ministry[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?{_TITLE}",
    rf"\b(?:the[ \u00a0]+)?Minister[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?{_TITLE}",
    r"\b(?:the[ \u00a0]+)?(?:Office[ \u00a0]+of[ \u00a0]+the[ \u00a0]+)?"
    r"(?:Procurator|Prosecutor|Attorney)[ \u00a0\u2011-]General(?:’s|'s)?(?:[ \u00a0]+Office)?",
    rf"\b(?:the[ \u00a0]+)?(?:{_W}[ \u00a0]+){{1,4}}(?:Agency|Committee|Service|Commission|Council"
    r"|Bureau|Inspectorate|Department|Directorate|Delegation|Presidency)\b"
    rf"(?:[ \u00a0]+(?:of|for|on)[ \u00a0]+(?:the[ \u00a0]+)?{_TITLE})?",
    rf"\b(?:the[ \u00a0]+)?(?:Agency|Service|Commission)[ \u00a0]+(?:of|for|on)"
    rf"[ \u00a0]+(?:the[ \u00a0]+)?{_TITLE}",
    r"\b(?:the[ \u00a0]+)?Government\b(?![ \u00a0]+(?:Decision|Decree|Resolution))",
    r"\b(?:the[ \u00a0]+)?President\b(?![’']s)",
    rf"\b(?:the[ \u00a0]+)?(?:{_W}[ \u00a0]+)?Parliament\b",
    rf"\b(?:the[ \u00a0]+)?Secretary[ \u00a0]+of[ \u00a0]+State"
    rf"(?:[ \u00a0]+for[ \u00a0]+{_TITLE})?",
    r"\b(?:the[ \u00a0]+)?(?:Home|Foreign|Cabinet|Scotland|Wales|Northern[ \u00a0]+Ireland)"
    r"[ \u00a0]+Office\b",
    r"\b(?:the[ \u00a0]+)?(?:Majilis|Mazhilis|Senate|National[ \u00a0]+Assembly"
    r"|State[ \u00a0]+Duma)\b",
    r"\b(?:the[ \u00a0]+)?(?:Human[ \u00a0]+Rights[ \u00a0]+Commissioner|Commissioner[ \u00a0]+for"
    r"[ \u00a0]+Human[ \u00a0]+Rights|Ombudsman(?:’s|'s)?(?:[ \u00a0]+Office)?|Ombudsperson"
    r"|Public[ \u00a0]+Defender)\b",
    r"\b(?:the[ \u00a0]+)?national[ \u00a0]+preventive[ \u00a0]+mechanism\b",
    r"\b(?:the[ \u00a0]+)?military[ \u00a0]+police\b",
    rf"\b(?:the[ \u00a0]+)?(?:{_W}[ \u00a0]+){{0,4}}Academy(?:[ \u00a0]+of[ \u00a0]+{_TITLE})?",
    rf"\b(?:the[ \u00a0]+)?(?:{_W}[ \u00a0]+){{1,6}}(?:Centre|Center|Institute)\b"
    rf"(?:[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?{_TITLE})?",
    r"\bthe[ \u00a0]+courts\b",
]
_AUTHORITY = _regex.compile("|".join(f"(?:{p})" for p in _PATTERNS))

# Every name above holds one of these words, and before the first of them only
# "the", "national", "preventive", "military" and capitalised words, separated by
# spaces, can come ("the Financial Monitoring Agency", "the national preventive
# mechanism"). `_authority_matches` looks for such a word first, and for a name only
# from where the words before it could begin: the stretches of text without one
# are never tried. A name added above must keep to this (a test checks it).
_KEY = _regex.compile(
    r"\b(?:Council|Court|Ministry|Minister|Procurator|Prosecutor|Attorney|Agency|Committee"
    r"|Service|Commission|Bureau|Inspectorate|Department|Directorate|Delegation|Presidency"
    r"|Government|President|Parliament|Secretary|Office|Majilis|Mazhilis|Senate|Assembly|Duma"
    r"|Commissioner|Ombudsman|Ombudsperson|Defender|mechanism|police|Academy|Centre|Center"
    r"|Institute|courts)"
)
_LOWER_LEAD = frozenset({"the", "national", "preventive", "military"})
_JOINERS = "’'\u2011-"  # with letters, digits and "_", the characters of a name's words
_LEADING_THE = _regex.compile(r"^the[ \u00a0]+", re.IGNORECASE)
_HEAD_OF = _regex.compile(
    r"^(?:Chairs?|Chairpersons?|Chairman|Heads?|Directors?)\s+of\s+(?:the\s+)?"
)
_MINISTER_OF = _regex.compile(r"^Minister\s+of\b")
_OFFICE_OF_THE = _regex.compile(r"^Office of the\s+")
_GENERAL = _regex.compile(r"^(Procurator|Prosecutor|Attorney)[ -]General(?:’s|'s)?(?: Office)?$")
_OFFICE_AFTER = _regex.compile(r"(?:’s|'s) Office$")


@attrs.frozen(kw_only=True)
class AuthorityMention:
    """An authority named in the text.

    Attributes:
        start: Offset of the name.
        end: Offset after it.
        name: The canonical name ("Ministry of Health" for "the Minister of Health").
        kind: Its kind.

    Example:
        >>> from catdomain.reading._authorities import find_authorities
        >>> [m.name for m in find_authorities("the Minister of Health adopted an order")]
        ['Ministry of Health']
    """

    start: int
    end: int
    name: str
    kind: AuthorityKind


def canonical_authority(text: str) -> str:
    """The canonical name of an authority as written.

    "the Minister of Internal Affairs" → "Ministry of Internal Affairs";
    "the Chairs of the Financial Monitoring Agency" → "Financial Monitoring
    Agency"; "the Procurator General's Office" → "Procurator General".

    Example:
        >>> canonical_authority("the Chairs of the Anti-Corruption Agency")
        'Anti-Corruption Agency'
    """
    name = single_spaced(text.strip().strip(",;:"))
    name = name.replace("\u2011", "-")
    name = _LEADING_THE.sub("", name)
    name = _HEAD_OF.sub("", name)
    name = _LEADING_THE.sub("", name)
    name = _MINISTER_OF.sub("Ministry of", name)
    name = _OFFICE_OF_THE.sub("", name)
    name = _GENERAL.sub(r"\1 General", name)
    name = _OFFICE_AFTER.sub("", name) if name.startswith("Ombudsman") else name
    if name.lower() == "courts":
        return "courts"
    return name


_KIND_RULES: tuple[tuple[str, AuthorityKind], ...] = (
    ("procurator", AuthorityKind.PROCURACY),
    ("prosecutor", AuthorityKind.PROCURACY),
    ("attorney general", AuthorityKind.PROCURACY),
    ("ministry", AuthorityKind.MINISTRY),
    ("secretary of state", AuthorityKind.MINISTRY),
    ("home office", AuthorityKind.MINISTRY),
    ("foreign office", AuthorityKind.MINISTRY),
    ("minister", AuthorityKind.MINISTRY),
    ("court", AuthorityKind.COURT),
    ("parliament", AuthorityKind.PARLIAMENT),
    ("majilis", AuthorityKind.PARLIAMENT),
    ("mazhilis", AuthorityKind.PARLIAMENT),
    ("senate", AuthorityKind.PARLIAMENT),
    ("assembly", AuthorityKind.PARLIAMENT),
    ("duma", AuthorityKind.PARLIAMENT),
    ("government", AuthorityKind.GOVERNMENT),
    ("president", AuthorityKind.HEAD_OF_STATE),
    ("ombuds", AuthorityKind.OMBUDSPERSON),
    ("commissioner for human rights", AuthorityKind.OMBUDSPERSON),
    ("human rights commissioner", AuthorityKind.OMBUDSPERSON),
    ("public defender", AuthorityKind.OMBUDSPERSON),
    ("preventive mechanism", AuthorityKind.NATIONAL_PREVENTIVE_MECHANISM),
    ("military", AuthorityKind.MILITARY),
    ("armed forces", AuthorityKind.MILITARY),
    ("police", AuthorityKind.LAW_ENFORCEMENT),
    ("academy", AuthorityKind.ACADEMIC),
    ("institute", AuthorityKind.ACADEMIC),
    ("research", AuthorityKind.ACADEMIC),
    ("council of europe", AuthorityKind.INTERNATIONAL_ORGANIZATION),
    ("penal", AuthorityKind.PENITENTIARY),
    ("prison", AuthorityKind.PENITENTIARY),
    ("agency", AuthorityKind.AGENCY),
    ("committee", AuthorityKind.AGENCY),
    ("service", AuthorityKind.AGENCY),
    ("commission", AuthorityKind.AGENCY),
    ("centre", AuthorityKind.AGENCY),
    ("center", AuthorityKind.AGENCY),
)
"""Words of a name and the kind they tell, the first found deciding."""


def authority_kind(name: str) -> AuthorityKind:
    """Guess an authority's kind from its canonical name.

    Example:
        >>> authority_kind("Ministry of Health").value
        'ministry'
    """
    lower = name.lower()
    for needle, kind in _KIND_RULES:
        if needle in lower:
            return kind
    return AuthorityKind.OTHER


def find_authorities(
    text: str, start: int = 0, end: int | None = None
) -> tuple[AuthorityMention, ...]:
    """Find the authorities named in ``text[start:end]``.

    Example:
        >>> text = "approved by orders of the Procurator General and the Minister of Defence"
        >>> [(m.name, m.kind.value) for m in find_authorities(text)]
        [('Procurator General', 'procuracy'), ('Ministry of Defence', 'ministry')]
    """
    stop = len(text) if end is None else end
    out = []
    for m in _authority_matches(text, start, stop):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        name = canonical_authority(raw)
        if not name or name in ("Court",):
            continue
        out.append(
            AuthorityMention(
                start=m.start() + lead, end=m.end(), name=name, kind=authority_kind(name)
            )
        )
    return tuple(out)


def _authority_matches(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """The matches of `_AUTHORITY` in ``text[start:stop]``, as its `finditer` gives them."""
    return keyed_matches(text, start, stop, pattern=_AUTHORITY, key=_KEY, begin=_name_begin)


def _name_begin(text: str, pos: int, key: int) -> int:
    """Where a name holding the key word at `key` could begin (not before `pos`).

    Never later than the start of such a name: it may be earlier, which only
    makes the search that follows try a few more places.
    """
    begin = word_start(text, pos, key, _JOINERS)  # the word holding it ("Anti-Corruption")
    while begin > pos:
        run = word_before(text, pos, begin, _JOINERS)
        if run is None:
            return begin
        begin = run[0]
        first = text[begin]
        if not ("A" <= first <= "Z" or text[begin : run[1]] in _LOWER_LEAD):
            return begin  # not a word of a name; a name may still start inside it
    return begin
