"""Legal instruments cited in a reply, and the provisions cited.

The reader works by *forms*, not by the names of one State's laws:

* named instruments, by the head noun of their title: "the Criminal Code",
  "the Code of Criminal Procedure", "the Advocacy and Legal Assistance Act",
  "the Law on …", "the Constitution", "the Action Plan on …", "the Istanbul
  Protocol", "the Convention against Torture";
* instruments described in lower case by a determiner, an optional adjective
  and a head ("the instructions on …", "special rules …", "an action plan to
  …", "the policy framework for … for the period 2024–2028");
* numbered acts: "Order No. 162 of the Procurator General of 24 December
  2014", "Ministry of Health Order No. 194/2020 of 13 November 2020",
  "Presidential Decree No. 409 of 8 December 2023", and joint orders listed as
  "orders of A, No. 1 of …, B, No. 2 of …" — one instrument, several
  issuances; a numbered act in brackets right after an instrument, or after
  "approved by", is how that instrument was adopted;
* provisions: "articles 50, 63, 72 and 73 of the Criminal Code", "article
  362 (4)", "paragraph 107 of the national action plan", "(Code, art. 68)";
* back-references: "the Code", "(Code, art. 68)", "the rules", "The
  instructions", "the bill", "the Convention" resolve to the nearest
  instrument of that kind named before them.

Mentions of the same instrument are merged: one `FoundInstrument` with
several `FoundCitation`s.

Example:
    >>> from catdomain.reading.citations import find_instruments
    >>> text = ("Under articles 131 and 147 of the Code of Criminal Procedure, procurators "
    ...         "review detention (Code, art. 68).")
    >>> reading = find_instruments(text)
    >>> [(i.kind.value, i.title) for i in reading.instruments]
    [('code', 'Code of Criminal Procedure')]
    >>> for c in reading.citations:
    ...     print(repr(c.quote), [str(p) for p in c.provisions])
    'articles 131 and 147 of the Code of Criminal Procedure' ['article 131', 'article 147']
    '(Code, art. 68)' ['article 68']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from typing import Literal

import attrs

from catdomain import _regex
from catdomain._dates import _MONTHS as _MONTH_NUMBERS
from catdomain._dates import PartialDate, Period, parse_date, parse_time
from catdomain.exceptions import CatdomainError, ParseError
from catdomain.identifiers import ProvisionPath, parse_provisions
from catdomain.reading._authorities import canonical_authority
from catdomain.reading._scan import BLANKS, keyed_matches, single_spaced, word_before, word_start
from catdomain.vocab import InstrumentKind, InstrumentStatus

__all__ = [
    "FoundCitation",
    "FoundInstrument",
    "FoundIssuance",
    "InstrumentReading",
    "find_instruments",
]

K = InstrumentKind

# ---------------------------------------------------------------- building blocks

S = r"[ \u00a0]+"
_STOP_CAP = (
    r"(?!(?:The|This|That|These|Those|A|An|In|On|By|Under|With|For|Its|Their|It|As|At"
    r"|According|Pursuant|Since|From|To|Following|Once|When|If|After|Before|During|Every"
    r"|All|Each|Article|Articles|Paragraph|No|Order|Orders|Decree|Decision|Resolution)\b)"
)
CAP = _STOP_CAP + r"[A-Z][\w’'\u2011-]*"
_HEAD_WORDS = r"(?:Code|Act|Law|Decree|Decision|Resolution|Order|Constitution|Convention|Covenant)"
_NOT_NEXT_INSTRUMENT = rf"(?!(?:{CAP}{S}){{0,6}}{_HEAD_WORDS}\b)"
_CONNECT = r"(?:of|on|for|the|in|to|against|with|by|from|at|or)"
TITLE = (
    rf"{CAP}(?:{S}(?:{_CONNECT}{S})*{CAP}"
    rf"|{S}and{S}(?:the{S})?{_NOT_NEXT_INSTRUMENT}{CAP})*"
)
_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
)
# "15.03.2023" (day first, as in replies translated from most languages) too.
DATE = (
    rf"(?:\d{{1,2}}{S}{_MONTHS}{S}\d{{4}}|{_MONTHS}{S}\d{{4}}"
    rf"|(?:0?[1-9]|[12][0-9]|3[01])\.(?:0?[1-9]|1[0-2])\.\d{{4}}\b|\d{{4}})"
)
NUMBER = r"(?:[A-Z]{1,5}[\u2011-])?[0-9][\w/\u2011.-]*\w|[0-9]"
_DETERMINER = r"(?:[Tt]he|[Tt]hese|[Tt]hose|[Aa]n?|[Nn]ew|[Ii]ts|[Tt]heir)"
_ADJECTIVES = (
    r"(?:[Ss]pecial|[Nn]ew|[Ss]tandard|[Dd]epartmental|[Oo]perating|[Oo]rgani[sz]ational"
    r"|[Ii]nternal|[Rr]elevant|[Nn]ational|[Jj]oint|[Uu]pdated|[Cc]omprehensive"
    r"|[Ii]nterdepartmental|[Ii]nteragency|[Ss]ectoral|[Mm]ethodological|[Aa]ppropriate"
    r"|[Cc]orresponding|[Ss]eparate|[Mm]odel|[Mm]inisterial|[Mm]ulti-?sectoral|[Ii]ntersectoral"
    r"|[Cc]ross-sectoral)"
)
_LOWER_HEADS = {
    "instructions": K.INSTRUCTIONS,
    "instruction": K.INSTRUCTIONS,
    "rules": K.RULES,
    "regulations": K.RULES,
    "guidelines": K.GUIDELINES,
    "procedures": K.GUIDELINES,
    "procedure": K.OTHER,
    "standards": K.STANDARDS,
    "action plan": K.ACTION_PLAN,
    "plan": K.ACTION_PLAN,
    "plans": K.ACTION_PLAN,
    "road map": K.ROAD_MAP,
    "roadmap": K.ROAD_MAP,
    "programme": K.PROGRAMME,
    "program": K.PROGRAMME,
    "strategy": K.POLICY_FRAMEWORK,
    "concept": K.POLICY_FRAMEWORK,
    "policy framework": K.POLICY_FRAMEWORK,
    "framework": K.POLICY_FRAMEWORK,
    "bill": K.BILL,
    "draft law": K.BILL,
    "draft laws": K.BILL,
    "legislative amendments": K.BILL,
    "draft amendments": K.BILL,
    "code": K.CODE,
    "order": K.ORDER,
}
_LOWER_HEAD = (
    r"(?:action[ \u00a0]plan|road[ \u00a0]map|roadmap|policy[ \u00a0]framework|draft[ \u00a0]laws?"
    r"|legislative[ \u00a0]amendments|draft[ \u00a0]amendments|instructions?|rules|regulations"
    r"|guidelines|procedures?|standards|[Pp]lans?|programme|program|strategy|concept|framework"
    r"|bill(?![ \u00a0]+of[ \u00a0]+(?:indictment|rights|lading|exchange|costs))|order)"
)
_COMPLEMENT_START = (
    r"(?:on|for|to|regarding|concerning|governing|of|in[ \u00a0]the[ \u00a0]area[ \u00a0]of"
    r"|aimed[ \u00a0]at|entitled|approving|amending)"
)
# A lowercase complement runs to a clause boundary.
_COMPLEMENT_STOP = _regex.compile(
    # A comma ends a complement unless a list of verbs goes on ("on preventing, punishing
    # and eradicating violence").
    r"[();:.!?“”\"\n]|,(?![ \u00a0]+(?!(?:includ|accord|regard|concern|follow|exclud|pend"
    r"|bear|consider)ing\b)[a-z]+ing\b)"
    r"|[ \u00a0]+(?:and[ \u00a0]+(?:the|a|an|to)|which|that|who|where|is|are|was"
    r"|were|has|have|had|will|shall|would|can|may|must|contains?|makes?|provides?|regulates?"
    r"|includes?|approved|adopted|developed|introduced|entered|being|been|as[ \u00a0]+well"
    r"|with[ \u00a0]+a[ \u00a0]+view|in[ \u00a0]+accordance|in[ \u00a0]+order|by[ \u00a0]+order"
    r"|once|when|if|so|but|while)\b"
    # A year that closes a title before its verb: "Plan … 2021–2025 allocates …".
    r"|(?<=\d{4})[ \u00a0]+(?!(?:and|or|to|through|until|inclusive)\b)(?=[a-z])"
)
_NESTED_HEAD = _regex.compile(
    rf"[ \u00a0]+(?:the|a|an){S}(?:{_ADJECTIVES}{S})*(?:action[ \u00a0]plan|road[ \u00a0]map"
    rf"|programme|program|strategy|policy[ \u00a0]framework|instructions|rules)\b"
)
_PERIOD_TAIL = _regex.compile(
    r"[ \u00a0]+(?:for[ \u00a0]+(?:the[ \u00a0]+(?:period|years)[ \u00a0]+)?|covering[ \u00a0]+)?"
    r"(\d{4}[ \u00a0]*[–—\u2011-][ \u00a0]*\d{4}|(?:from[ \u00a0]+)?\d{4}[ \u00a0]+to"
    r"[ \u00a0]+\d{4})$"
)

# ---------------------------------------------------------------------- patterns

_NAMED_PATTERNS: list[tuple[str, InstrumentKind | None]] = [
    # international instruments first: their titles contain other head words
    (rf"Optional{S}Protocol{S}to{S}the{S}{TITLE}", K.INTERNATIONAL_TREATY),
    (
        rf"Convention{S}against{S}Torture(?:{S}and{S}Other{S}Cruel,?{S}Inhuman{S}or{S}Degrading"
        rf"{S}Treatment{S}or{S}Punishment)?",
        K.INTERNATIONAL_TREATY,
    ),
    (
        rf"International{S}(?:Covenant|Convention){S}(?:on|for){S}(?:the{S})?{TITLE}",
        K.INTERNATIONAL_TREATY,
    ),
    (rf"Convention{S}(?:on|for|relating{S}to){S}(?:the{S})?{TITLE}", K.INTERNATIONAL_TREATY),
    (
        rf"(?:United{S}Nations{S})?Standard{S}Minimum{S}Rules{S}for{S}(?:the{S})?{TITLE}"
        rf"(?:{S}\((?:the{S})?Nelson{S}Mandela{S}Rules\))?",
        K.INTERNATIONAL_STANDARD,
    ),
    (rf"(?:(?:Nelson{S}Mandela|Bangkok|Beijing|Havana|Tokyo){S}Rules)", K.INTERNATIONAL_STANDARD),
    (
        rf"Manual{S}on{S}(?:the{S})?{TITLE}(?:,{S}{TITLE})*(?:{S}\((?:the{S})?Istanbul{S}Protocol\))?",
        K.INTERNATIONAL_STANDARD,
    ),
    (rf"(?:{CAP}{S}){{1,3}}Protocol\b", K.INTERNATIONAL_STANDARD),
    (
        rf"(?:{CAP}{S}){{1,3}}Principles\b(?:{S}(?:on|for){S}(?:the{S})?{TITLE})?",
        K.INTERNATIONAL_STANDARD,
    ),
    # codes
    (rf"(?:{CAP}{S}(?:and{S})?){{0,5}}Code{S}(?:of|on){S}(?:the{S})?{TITLE}", K.CODE),
    (rf"(?:{CAP}{S}(?:and{S})?){{1,5}}Code\b(?!{S}(?:of|on){S}[A-Z])", K.CODE),
    (r"Constitution\b", K.CONSTITUTION),
    # acts and laws
    (
        rf"(?:Law|Act){S}(?:No\.?{S}?(?:{NUMBER}){S})?(?:of{S}{DATE}{S})?(?:on|of){S}"
        rf"(?:the{S})?“[^”\n]{{1,300}}”",
        K.LAW,
    ),
    (rf"(?:Constitutional{S}|Federal{S}|Organic{S})?Law{S}(?:on|of){S}(?:the{S})?{TITLE}", K.LAW),
    (
        rf"{CAP}(?:{S}(?:(?:and|of|on|for|against){S})?{CAP}){{0,7}}{S}(?:\({CAP}(?:{S}(?:and{S})?"
        rf"{CAP}){{0,3}}\){S})?(?:Act|Law)\b(?!{S}(?:of|on){S}[A-Z])"
        rf"(?:,?{S}[12][0-9]{{3}}\b|{S}of{S}{DATE})?",
        K.LAW,
    ),
    (rf"(?:Act|Law){S}of{S}{DATE}", K.LAW),
    # plans, programmes and policies with capitalised titles
    (rf"(?:National{S})?Action{S}Plan{S}(?:on|for|to){S}(?:the{S})?{TITLE}", K.ACTION_PLAN),
    (
        rf"(?:{CAP}{S}){{0,3}}(?:Programme|Program){S}(?:on|for|of){S}(?:the{S})?{TITLE}",
        K.PROGRAMME,
    ),
    (
        rf"(?:{CAP}{S}){{0,3}}(?:Strategy|Concept){S}(?:on|for|of){S}(?:the{S})?{TITLE}",
        K.POLICY_FRAMEWORK,
    ),
    (rf"(?:{CAP}{S}){{0,3}}Road{S}?[Mm]ap{S}(?:on|for|to){S}(?:the{S})?{TITLE}", K.ROAD_MAP),
    # addresses of the head of State
    (
        rf"President(?:’s|'s){S}(?:[Aa]nnual{S})?[Aa]ddress(?:{S}of{S}{DATE})?"
        rf"(?:{S}to{S}the{S}people{S}of{S}{CAP}(?:{S}{CAP})*)?(?:,?{S}entitled{S}“[^”\n]{{1,200}}”)?",
        K.PRESIDENTIAL_ADDRESS,
    ),
    (rf"(?:State{S}of{S}the{S}Nation|Annual){S}Address", K.PRESIDENTIAL_ADDRESS),
    # "the National Gender Equality Policy", "the Migration Policy for 2023–2030"
    (
        rf"(?:{CAP}{S}){{1,5}}Policy\b(?:{S}(?:on|for|of){S}(?:the{S})?{TITLE})?",
        K.POLICY_FRAMEWORK,
    ),
]
_NAMED = [(_regex.compile(p), kind) for p, kind in _NAMED_PATTERNS]

# Words every match of a named pattern contains (one of them, where several are
# given): a paragraph holding none of them cannot match, and is not searched.
# Most patterns start with capitalised words the regex engine tries at every
# position, so the check saves most of the reading time of the paragraphs
# without, say, "Protocol" or "Programme"; for the others it saves a call per
# paragraph. Keyed by pattern, so that a changed
# pattern loses its check rather than keep a wrong one.
_NEEDED_WORDS: dict[str, tuple[str, ...]] = {
    _NAMED_PATTERNS[0][0]: ("Optional",),
    _NAMED_PATTERNS[1][0]: ("Torture",),
    _NAMED_PATTERNS[2][0]: ("International",),
    _NAMED_PATTERNS[3][0]: ("Convention",),
    _NAMED_PATTERNS[4][0]: ("Standard",),
    _NAMED_PATTERNS[5][0]: ("Rules",),
    _NAMED_PATTERNS[6][0]: ("Manual",),
    _NAMED_PATTERNS[7][0]: ("Protocol",),
    _NAMED_PATTERNS[8][0]: ("Principles",),
    _NAMED_PATTERNS[9][0]: ("Code",),
    _NAMED_PATTERNS[10][0]: ("Code",),
    _NAMED_PATTERNS[11][0]: ("Constitution",),
    _NAMED_PATTERNS[12][0]: ("“",),
    _NAMED_PATTERNS[13][0]: ("Law",),
    _NAMED_PATTERNS[14][0]: ("Act", "Law"),
    _NAMED_PATTERNS[15][0]: ("Act", "Law"),
    _NAMED_PATTERNS[16][0]: ("Action",),
    _NAMED_PATTERNS[17][0]: ("Program",),
    _NAMED_PATTERNS[18][0]: ("Strategy", "Concept"),
    _NAMED_PATTERNS[19][0]: ("Road",),
    _NAMED_PATTERNS[20][0]: ("President",),
    _NAMED_PATTERNS[21][0]: ("Address",),
    _NAMED_PATTERNS[22][0]: ("Policy",),
}
_NEEDED = [_NEEDED_WORDS.get(p, ()) for p, _ in _NAMED_PATTERNS]
# The heads of `_BACK`, one of which every back-reference holds.
_BACK_HEADS = ("Code", "Act", "Law", "Convention", "Covenant", "Decree", "Constitution", "Protocol")
# The words looked for in each paragraph at once: those of the named patterns and the
# heads of back-references.
_ALL_NEEDED = tuple(
    sorted(
        {word for words in _NEEDED for word in words} | set(_BACK_HEADS),
        key=lambda w: (-len(w), w),
    )
)
# The needed words a paragraph holds, found in one scan: the longest word at each place,
# and the needed words inside it ("Act" in "Action"). No needed word ends with the start
# of another, so no occurrence is hidden by one that overlaps it.
_NEEDED_SCAN = _regex.compile("|".join(map(re.escape, _ALL_NEEDED)))
_NEEDED_INSIDE = {word: frozenset(w for w in _ALL_NEEDED if w in word) for word in _ALL_NEEDED}
_NAMED_WITH = {
    word: [k for k, needed in enumerate(_NEEDED) if word in needed] for word in _ALL_NEEDED
}
assert all(_NEEDED), "every named pattern is gated by its words"
assert not any(
    a[-k:] == b[:k] for a in _ALL_NEEDED for b in _ALL_NEEDED for k in range(1, min(len(a), len(b)))
)

_ISSUER = (
    rf"(?:the{S})?(?:(?:Chairs?|Chairpersons?|Chairman|Heads?|Directors?){S}of{S}(?:the{S})?)?"
    rf"(?:Minister|Ministry|Procurator|Prosecutor|Government|President|Cabinet|Prime{S}Minister"
    rf"|Parliament|(?:National|Legislative){S}Assembly|Congress|Senate|Majilis|Mazhilis"
    rf"|Verkhovna{S}Rada|State{S}Duma|Chamber{S}of{S}Deputies"
    rf"|{CAP}(?:{S}{CAP}){{0,4}}{S}(?:Agency|Committee|Service|Council|Commission|Office"
    rf"|Presidency|Directorate|Department|Delegation|Inspectorate|Bureau))"
    rf"(?:{S}(?:of|for){S}(?:the{S})?{CAP}(?:{S}(?:and{S})?{CAP}){{0,5}}|[ \u00a0\u2011-]General)?"
)
_ACT_HEAD = r"(?:[Oo]rders?|[Dd]ecrees?|[Dd]ecisions?|[Rr]esolutions?|[Oo]rdinances?)"
# Heads read only with a number ("Law No. HO-148-N", "Act No. 5 of 2019", "Instruction
# No. 12"): without one they are too common to name an act.
_NUMBERED_HEAD = (
    r"(?:[Oo]rders?|[Dd]ecrees?|[Dd]ecisions?|[Rr]esolutions?|[Oo]rdinances?|Laws?|Acts?"
    r"|[Ii]nstructions?|[Rr]egulations?|[Cc]irculars?|[Dd]irectives?|Bills?)"
)
_NUMBERED = _regex.compile(
    rf"(?P<pre>(?:Presidential|Government|Governmental|Cabinet|Ministerial|Joint|Departmental"
    rf"|Legislative|Supreme|Executive|Royal|Emergency"
    rf"|Ministry{S}of{S}(?:the{S})?{CAP}(?:{S}(?:and{S})?{CAP}){{0,4}}|Ministry"
    rf"|{CAP}(?:{S}{CAP}){{0,3}}{S}(?:Agency|Committee)|(?:Procurator|Prosecutor)[ \u00a0\u2011-]"
    rf"General(?:’s|'s)?(?:{S}Office)?){S})?(?:the{S})?(?P<head>{_NUMBERED_HEAD}){S}No\.?{S}?"
    rf"(?P<num>{NUMBER})"
    rf"(?:{S}of{S}(?:the{S})?(?P<issuer>(?!{DATE}){_ISSUER}))?"
    rf"(?:,?{S}(?:of|dated|on){S}(?P<date>{DATE}))?"
    rf"(?:{S}of{S}(?:the{S})?(?P<issuer_after>{_ISSUER}))?"
)
# What every numbered act holds after its head: "No", then its number. A literal start,
# which the engine finds fast; `_numbered_matches` looks for the act only from where
# the words before such a "No" could begin.
_NUMBERED_KEY = _regex.compile(r"No\.?[ \u00a0]*(?:[A-Z]{1,5}[\u2011-])?[0-9]")
# Before "No", a numbered act has at most this many runs of blanks: one after its
# head, one after "the", and eleven in the longest issuer before it ("Ministry of the
# A and B and C and D and E").
_NUMBERED_BLANK_RUNS = 14
# The characters of those words besides letters, digits and "_".
_NUMBERED_JOINERS = "’'\u2011-"
_ACT_OF_ISSUER = _regex.compile(rf"(?P<head>\b{_ACT_HEAD}){S}of{S}(?P<issuer>{_ISSUER})")
# The issuer's words after its head are bounded (200 characters): unbounded, the
# lazy run made every start in a list without "No." scan to its end (cubic time
# on "orders of the Minister " repeated).
_JOINT_ITEM = _regex.compile(
    rf"(?P<issuer>(?:(?:and{S})?(?:the{S})?(?:{CAP}|{_ISSUER})[^,;()]{{0,200}}?)),?{S}No\.?{S}?"
    rf"(?P<num>{NUMBER})(?:{S}(?:of|dated){S}(?P<date>{DATE}))?"
)
# What every joint item contains: a list without it has no item, and is not scanned.
_JOINT_NUMBER = _regex.compile(r"No\.?[ \u00a0]*(?:[0-9]|[A-Z]{1,5}[\u2011-])")
# A joint list ends at a bracket or a full stop, and within this many characters.
_JOINT_LIST_LIMIT = 1000
_ORDER_ON_DATE = _regex.compile(
    rf"\b(?:an?|the){S}(?P<head>order|decree|decision){S}(?:on|of|dated){S}(?P<date>{DATE})"
)
# What every match of the two patterns above holds, as written (read without a copy
# in lower case): the heads without their first letter, and the lower-case heads.
_ACT_HEAD_STEMS = ("rder", "ecree", "ecision", "esolution", "rdinance")
_ORDER_HEADS = ("order", "decree", "decision")
_LOWER = _regex.compile(
    rf"\b(?:(?P<det>{_DETERMINER}){S})?(?:(?P<adj>(?:{_ADJECTIVES}){S}(?:(?:and|or){S})?)*)"
    rf"(?P<head>{_LOWER_HEAD})\b"
)
# The lower-case mentions end with a head word, and only determiners, adjectives,
# "and"/"or" and spaces come before it: `_lower_matches` looks for a head first and
# for the mention only from where the words before that head could begin.
_LOWER_HEAD_AT = _regex.compile(rf"\b(?P<head>{_LOWER_HEAD})\b")
_LOWER_PREFIX_WORD = _regex.compile(rf"(?:{_DETERMINER}|{_ADJECTIVES}|and|or)", re.IGNORECASE)
_BACK = _regex.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ss]aid){S}(?P<head>Code|Act|Law|Convention|Covenant|Decree"
    rf"|Constitution|Protocol)\b(?!{S}(?:(?:of|on|against|for|to){S})?[A-Z])"
    rf"|\((?P<head2>Code|Act|Law|Convention),"
)
_PROVISION = _regex.compile(
    rf"\b(?P<unit>[Aa]rticles?|[Aa]rts?\.|[Pp]aragraphs?|[Pp]aras?\.|[Ss]ections?|[Cc]hapters?"
    rf"|[Pp]arts?|[Pp]oints?|[Cc]lauses?|[Ss]ubparagraphs?)[ \u00a0]*(?P<nums>\d+(?:[.\u2011-]\d+)*"
    rf"(?:[ \u00a0]?\(\w{{1,4}}\))*(?:(?:,[ \u00a0]*|{S}and{S}|{S}to{S}|[ \u00a0]*[–—][ \u00a0]*)"
    rf"\d+(?:[.\u2011-]\d+)*(?:[ \u00a0]?\(\w{{1,4}}\))*)*)"
)
_DIGIT = _regex.compile(r"\d")  # any digit, as `_PROVISION` reads its numbers
_OF_THE = _regex.compile(rf"{S}(?:of|in|under){S}(?:the{S})?")
_ENTITLED = _regex.compile(rf",?{S}entitled{S}“([^”\n]{{1,200}})”")
_TITLE_DATE = _regex.compile(rf"\bof{S}({DATE})")
_TITLE_YEAR = _regex.compile(rf"\b(?:Act|Law),?{S}([12][0-9]{{3}})$")  # "Immigration Act 2016"
_ADOPTED_BY_ON = _regex.compile(
    rf",?{S}(?:which{S}(?:was|were){S})?(?:approved|adopted|signed|issued){S}by{S}"
    rf"(?P<issuer>{_ISSUER}){S}on{S}(?P<date>{DATE})"
)
_ON_DATE_BEFORE = _regex.compile(rf"\b[Oo]n{S}(?P<date>{DATE}),?{S}(?:the{S})?$")
_WAS_ADOPTED_AFTER = _regex.compile(
    rf"{S}(?:was|were|has{S}been|have{S}been){S}(?:adopted|approved|signed|enacted|promulgated)"
)
_APPROVED_BY = _regex.compile(
    rf"(?:\(|,){S}?(?:(?:the{S}\w+{S}(?:was|were){S})?(?:as{S})?(?:approved|adopted|issued|introduced)"
    rf"{S}by{S})?$"
)
_TITLE_LEAD = _regex.compile(r"^(?:the|a|an|these|those|new|special)\s+")
_DANGLING = _regex.compile(r"[ \u00a0]+(?:of|on|for|to|the|and|in|a|an|with|by)$")
_ON_SUBJECT = _regex.compile(rf"{S}(?:on|concerning|regarding|approving){S}")
_LEADING_AND = _regex.compile(r"^(?:and|,)\s*")
_PROCURATOR = _regex.compile(r"(?:Procurator|Prosecutor)[ -]General(?:’s|'s)?")
_COMPLEMENT_NEXT = _regex.compile(rf"{S}{_COMPLEMENT_START}\b")
_PLANS_TO = _regex.compile(rf".{{0,60}}?{S}to{S}")
_BEEN_ADOPTED_NEXT = _regex.compile(
    rf"{S}(?:and{S}{_LOWER_HEAD}{S})?(?:have|has|were|was){S}been{S}(?:developed|adopted|approved)"
)
_APPROVED_WORD = _regex.compile(r"\b(?:approved|adopted|issued|developed)\b")
_ADOPTED_BY_END = _regex.compile(rf"(?:approved|adopted|issued){S}by{S}(?:the{S})?$")
# A stop not after an abbreviation; the stop first, the abbreviations behind it:
# the same matches, found much faster (see measures._SENTENCE_END).
_SENTENCE_END = _regex.compile(
    r"[.;!?](?=[ \u00a0\n]|$)(?<!\b(?:No|Mr|Ms|Dr|St)[.;!?])"
    r"(?<!\b(?:Nos|art|vol|i\.e|e\.g)[.;!?])(?<!\b(?:arts|para)[.;!?])(?<!\bparas[.;!?])"
)

_LINK_GAP = _regex.compile(
    rf"[ \u00a0,]*(?:of|to|under|implementing|for){S}(?:the{S})?"
    rf"(?:implementation{S}of{S}(?:the{S})?)?"
)
_APPROVING_GAP = _regex.compile(
    rf",?{S}(?:approving|approved|(?:which|that){S}approved|by{S}which{S}(?:it{S})?approved)"
    rf"{S}(?:the{S})?"
)
_AMENDED_BY_BEFORE = _regex.compile(
    rf"\b(?:was|were|has{S}been|have{S}been|is|are){S}amended(?:{S}and{S}supplemented)?{S}by"
    rf"{S}(?:the{S})?$"
)
_AMENDED_BEFORE = _regex.compile(
    rf"(?:amending|amends|to{S}amend)(?:{S}and{S}supplementing)?{S}(?:the{S})?$"
)
_BRACKET_GAP = _regex.compile(
    rf"(?:[ \u00a0,]+(?:for{S}(?:the{S}(?:period|years){S})?)?\d{{4}}[ \u00a0]*[–—\u2011-]"
    rf"[ \u00a0]*\d{{4}})?[ \u00a0]*\([ \u00a0]*"
)
_HEAD_WORD = _regex.compile(rf"(?:the{S})?(?:\w+{S})?({_NUMBERED_HEAD})\b")
_AMENDING_GAP = _regex.compile(
    rf"[ \u00a0,]*(?:(?:which|that){S})?(?:amending|amends|amended|to{S}amend)"
    rf"(?:{S}and{S}supplement(?:ing|s)?)?{S}(?:the{S})?"
)
_PARENT_KINDS = frozenset(
    {
        K.PROGRAMME,
        K.PRESIDENTIAL_ADDRESS,
        K.ACTION_PLAN,
        K.POLICY_FRAMEWORK,
        K.LAW,
        K.CODE,
        K.ROAD_MAP,
        K.PRESIDENTIAL_DECREE,
    }
)

_BACK_KIND = {
    "code": K.CODE,
    "act": K.LAW,
    "law": K.LAW,
    "convention": K.INTERNATIONAL_TREATY,
    "covenant": K.INTERNATIONAL_TREATY,
    "decree": K.PRESIDENTIAL_DECREE,
    "constitution": K.CONSTITUTION,
    "protocol": K.INTERNATIONAL_STANDARD,
    "instructions": K.INSTRUCTIONS,
    "rules": K.RULES,
    "bill": K.BILL,
    "plan": K.ACTION_PLAN,
    "road map": K.ROAD_MAP,
    "programme": K.PROGRAMME,
    "guidelines": K.GUIDELINES,
    "standards": K.STANDARDS,
    "regulations": K.RULES,
}


# -------------------------------------------------------------------- results


@attrs.frozen(kw_only=True)
class FoundIssuance:
    """An issuance read from the text: issuer as written, number, date.

    Example:
        >>> import catdomain as cd
        >>> from catdomain.reading.citations import FoundIssuance
        >>> FoundIssuance(issuer="Procurator General", number="162",
        ...               date=cd.PartialDate(2014, 12, 24), start=0, end=10).number
        '162'
    """

    issuer: str | None
    number: str | None
    date: PartialDate | None
    start: int
    end: int


@attrs.frozen(kw_only=True)
class FoundInstrument:
    """An instrument the text cites, merged over all its mentions.

    Attributes:
        key: A stable key for the instrument within one reading.
        kind: Its kind.
        title: Its title as first written (None for an act known only by
            number).
        issuances: How it was adopted.
        period: The period a plan covers.
        status: `InstrumentStatus.BILL` for bills, else None (the reader does
            not guess legal status).
        amends: Keys of instruments a bill names in its title.
        part_of: Key of an instrument this one implements or belongs to ("the
            action plan for the implementation of the programme …").

    Example:
        >>> from catdomain.reading.citations import find_instruments
        >>> found = find_instruments("An action plan for 2022–2024 is being implemented.")
        >>> str(found.instruments[0].period)
        '2022/2024'
    """

    key: str
    kind: InstrumentKind
    title: str | None
    issuances: tuple[FoundIssuance, ...] = ()
    period: Period | None = None
    status: InstrumentStatus | None = None
    amends: tuple[str, ...] = ()
    part_of: str | None = None


@attrs.frozen(kw_only=True)
class FoundCitation:
    """One mention of an instrument, with the provisions it cites.

    Example:
        >>> from catdomain.reading.citations import find_instruments
        >>> c = find_instruments("article 414 of the Criminal Code").citations[0]
        >>> c.quote, c.instrument
        ('article 414 of the Criminal Code', 'code:criminal code')
    """

    instrument: str
    start: int
    end: int
    quote: str
    provisions: tuple[ProvisionPath, ...] = ()
    back_reference: bool = False
    role: Literal["citation", "issuance"] = "citation"


@attrs.frozen(kw_only=True)
class InstrumentReading:
    """What `find_instruments` found: instruments and their citations, in text order.

    Example:
        >>> from catdomain.reading.citations import find_instruments
        >>> reading = find_instruments("The Constitution guarantees it. The Constitution says so.")
        >>> len(reading.instruments), len(reading.citations)
        (1, 2)
    """

    instruments: tuple[FoundInstrument, ...]
    citations: tuple[FoundCitation, ...]

    def instrument(self, key: str) -> FoundInstrument:
        """The instrument with `key`."""
        for i in self.instruments:
            if i.key == key:
                return i
        raise KeyError(key)


# --------------------------------------------------------------------- mentions


@attrs.define
class _Mention:
    start: int
    end: int
    kind: InstrumentKind
    title: str | None
    back: bool = False
    issuances: list[FoundIssuance] = attrs.field(factory=list)
    period: Period | None = None
    provisions: tuple[ProvisionPath, ...] = ()
    cite_start: int | None = None
    host: _Mention | None = None  # an issuance-only mention adopting another instrument
    key: str = ""
    inner: list[tuple[int, int]] = attrs.field(factory=list)


def _clean(text: str) -> str:
    return single_spaced(text.replace("\u2011", "-")).strip(" ,;:")


def _normal_title(title: str) -> str:
    t = _clean(title).lower().replace("’", "'")
    return _TITLE_LEAD.sub("", t)


_NUMERIC_DATE = _regex.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")
# The shapes of `DATE` written in words ("21 February 2023", "May 2019", "2020"): read
# here directly, as `parse_date` reads them.
_PROSE_DATE = _regex.compile(
    rf"(?:(?P<day>[0-9]{{1,2}}){S})?(?P<month>{_MONTHS}){S}(?P<year>[0-9]{{4}})"
    rf"|(?P<alone>[0-9]{{4}})"
)


def _date(text: str | None) -> PartialDate | None:
    if not text:
        return None
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric is not None:
        day, month, year = (int(g) for g in numeric.groups())
        try:
            return PartialDate(year, month, day)
        except (CatdomainError, ValueError):
            return None
    prose = _PROSE_DATE.fullmatch(text)
    if prose is not None:
        written_day, alone = prose.group("day"), prose.group("alone")
        try:
            if alone is not None:
                return PartialDate(int(alone))
            month_number = _MONTH_NUMBERS[prose.group("month").lower()]
            return PartialDate(
                int(prose.group("year")), month_number, int(written_day) if written_day else None
            )
        except (CatdomainError, ValueError):
            return None
    try:
        return parse_date(text.replace("\u00a0", " "))
    except ParseError:
        return None


def _overlaps(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in taken)


def _complement_end(text: str, at: int, limit: int) -> int:
    """End of a lower-case title complement starting at `at`."""
    stop = _COMPLEMENT_STOP.search(text, at, min(limit, at + 400))
    end = stop.start() if stop else min(limit, at + 400)
    nested = _NESTED_HEAD.search(text, at, end)
    if nested:
        end = nested.start()
    if end < len(text) and text[end] in ',;:.()“”"!?\n':
        return end
    # Do not end on a dangling connector.
    while True:
        trimmed = _DANGLING.sub("", text[at:end])
        if len(trimmed) == end - at:
            break
        end = at + len(trimmed)
    return end


def _sentence_bounds(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    left = start
    for m in _SENTENCE_END.finditer(text, max(start, pos - 600), pos):
        left = m.end()
    right_match = _SENTENCE_END.search(text, pos, end)
    return left, right_match.end() if right_match else end


def _needed_present(text: str, start: int, end: int) -> set[str]:
    """The needed words (`_ALL_NEEDED`) that ``text[start:end]`` holds."""
    present: set[str] = set()
    for word in set(_NEEDED_SCAN.findall(text, start, end)):
        present |= _NEEDED_INSIDE[word]
    return present


def _named_mentions(text: str, start: int, end: int, present: set[str]) -> list[_Mention]:
    """The named instruments of ``text[start:end]``, which holds the `present` words."""
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []
    # In their order, the patterns one of whose words the paragraph holds.
    for index in sorted({k for word in present for k in _NAMED_WITH[word]}):
        pattern, kind = _NAMED[index]
        pos = start
        while pos < end:
            m = pattern.search(text, pos, end)
            if m is None:
                break
            span = (m.start(), m.end())
            clash = [b for a, b in taken if a < span[1] and span[0] < b]
            if clash:
                # Retry after the clash: "Criminal Procedure and Penalties Enforcement Code"
                # overlaps "Code of Criminal Procedure"; "Penalties Enforcement Code" does not.
                pos = max(*clash, m.start() + 1)
                continue
            mention = _Mention(start=span[0], end=span[1], kind=kind or K.OTHER, title=m.group())
            dated = _TITLE_DATE.search(m.group()) or _TITLE_YEAR.search(m.group())
            if dated and mention.kind in (K.LAW, K.PRESIDENTIAL_ADDRESS):
                issuer = "President" if mention.kind is K.PRESIDENTIAL_ADDRESS else None
                mention.issuances.append(
                    FoundIssuance(
                        issuer=issuer,
                        number=None,
                        date=_date(dated.group(1)),
                        start=span[0],
                        end=span[1],
                    )
                )
            found.append(mention)
            taken.append(span)
            pos = span[1]
    return found


def _with_numbers(named: list[_Mention], numbered: list[_Mention]) -> list[_Mention]:
    """Fold a number into the name it follows: "Comprehensive Act No. 348" is one act.

    Returns the numbered mentions that stand alone; the others' issuances join
    the named mention whose head they start on.
    """
    alone = []
    for n in numbered:
        host = next((m for m in named if m.start <= n.start < m.end), None)
        if host is None or not n.issuances:
            alone.append(n)
            continue
        host.issuances.extend(n.issuances)
        host.end = max(host.end, n.end)
    return alone


# Words before an act's head that say what kind of act it is, not who issued it.
_NOT_ISSUERS = frozenset(
    {"joint", "departmental", "ministerial", "legislative", "supreme", "executive", "royal",
     "emergency"}
)  # fmt: skip


def _numbered_mentions(
    text: str, start: int, end: int, taken: list[tuple[int, int]]
) -> list[_Mention]:
    out: list[_Mention] = []
    # Every numbered act has its "No": a paragraph without one has none.
    for m in _numbered_matches(text, start, end):
        span = (m.start(), m.end())
        pre = (m.group("pre") or "").strip()
        head = m.group("head").lower().rstrip("s")
        issuer_text = m.group("issuer") or m.group("issuer_after") or ""
        if pre and pre.lower() not in _NOT_ISSUERS:
            issuer_text = issuer_text or pre
        issuer = _issuer_name(issuer_text)
        if issuer in ("Ministry", "Minister"):
            issuer = _last_ministry(text, span[0], start) or issuer
        date = _date(m.group("date"))
        if issuer is None:  # "On 5 May 2023, the National Assembly adopted Law No. HO-148-N"
            issuer, adopted = _actor_before(text, span[0], start)
            issuer_text = issuer or ""
            date = date or adopted
        kind = _act_kind(head, pre + " " + issuer_text)
        issuance = FoundIssuance(
            issuer=issuer,
            number=m.group("num"),
            date=date,
            start=span[0],
            end=span[1],
        )
        title = None
        covered = span
        on = _ON_SUBJECT.match(text[span[1] : span[1] + 20])
        if on:
            title_end = _complement_end(text, span[1] + on.end(), end)
            if title_end > span[1] + on.end():
                title = _clean(text[span[1] + 1 : title_end])
                if not on.group().strip().startswith("approving"):
                    # "Order No. 5 on the procedure for visits": the procedure is its title,
                    # not another instrument. What an act approves is one (see
                    # `_approving_links`).
                    covered = (span[0], title_end)
        out.append(
            _Mention(start=span[0], end=span[1], kind=kind, title=title, issuances=[issuance])
        )
        taken.append(covered)
    # "orders of A, No. 1 of …, B, No. 2 of …" — joint orders, and plain "order of the X".
    # Both scans below are skipped in a paragraph without their head words.
    paragraph = text[start:end]
    has_head = any(map(paragraph.__contains__, _ACT_HEAD_STEMS))
    acts = _ACT_OF_ISSUER.finditer(text, start, end) if has_head else ()
    for m in acts:
        span = (m.start(), m.end())
        if _overlaps(span, taken):
            continue
        head = m.group("head").lower()
        tail_end = _joint_list_end(text, m.end(), end)
        issuances = _joint_issuances(text, m.start("issuer"), tail_end)
        if not issuances:
            if head.rstrip("s") not in ("order", "decree", "decision", "resolution"):
                continue
            issuances = [
                FoundIssuance(
                    issuer=_issuer_name(m.group("issuer")),
                    number=None,
                    date=None,
                    start=span[0],
                    end=span[1],
                )
            ]
            tail_end = span[1]
        kind = _act_kind(head.rstrip("s"), m.group("issuer"))
        out.append(
            _Mention(
                start=span[0],
                end=max(tail_end, span[1]),
                kind=kind,
                title=None,
                issuances=issuances,
            )
        )
        taken.append((span[0], max(tail_end, span[1])))
    on_date = has_head and any(map(paragraph.__contains__, _ORDER_HEADS))
    orders = _ORDER_ON_DATE.finditer(text, start, end) if on_date else ()
    for m in orders:
        span = (m.start(), m.end())
        if _overlaps(span, taken):
            continue
        kind = _act_kind(m.group("head"), "")
        issuer = _issuer_before(text, m.start(), start)
        issuance = FoundIssuance(
            issuer=issuer, number=None, date=_date(m.group("date")), start=span[0], end=span[1]
        )
        out.append(
            _Mention(start=span[0], end=span[1], kind=kind, title=None, issuances=[issuance])
        )
        taken.append(span)
    return out


_MINISTRY = _regex.compile(
    rf"\bMinist(?:ry|er){S}of{S}(?:the{S})?{CAP}(?:{S}(?:and{S})?{CAP}){{0,4}}"
)


def _last_ministry(text: str, at: int, start: int) -> str | None:
    """The ministry named last before `at` ("Ministry Order No. 89" after "Ministry of Health")."""
    last = None
    for m in _MINISTRY.finditer(text, max(0, at - 800), at):
        last = m
    return canonical_authority(last.group()) if last else None


_ACTOR_BEFORE = _regex.compile(
    rf"(?:\b[Oo]n{S}(?P<date>{DATE}),?{S})?(?P<issuer>{_ISSUER}){S}(?:has{S}|have{S})?"
    rf"(?:adopted|issued|approved|signed|enacted|promulgated){S}(?:the{S})?$"
)


def _issuer_before(text: str, at: int, start: int) -> str | None:
    """Who adopted the act starting at `at`: "the Minister of Health issued Order …"."""
    return _actor_before(text, at, start)[0]


def _actor_before(text: str, at: int, start: int) -> tuple[str | None, PartialDate | None]:
    """Who adopted the act at `at` and when: "On 5 May 2023, the National Assembly adopted"."""
    lo = max(start, at - 120)
    m = _ACTOR_BEFORE.search(text, lo, at)
    if m is None:
        return None, None
    return _issuer_name(m.group("issuer")), _date(m.group("date"))


def _joint_list_end(text: str, at: int, limit: int) -> int:
    limit = min(limit, at + _JOINT_LIST_LIMIT)
    close = text.find(")", at, limit)
    stop = _SENTENCE_END.search(text, at, limit)
    candidates = [x for x in (close, stop.start() if stop else -1) if x >= 0]
    return min(candidates) if candidates else limit


def _joint_issuances(text: str, start: int, end: int) -> list[FoundIssuance]:
    items: list[FoundIssuance] = []
    if _JOINT_NUMBER.search(text, start, end) is None:
        return items
    for m in _JOINT_ITEM.finditer(text, start, end):
        issuer = _issuer_name(m.group("issuer"))
        items.append(
            FoundIssuance(
                issuer=issuer,
                number=m.group("num"),
                date=_date(m.group("date")),
                start=m.start(),
                end=m.end(),
            )
        )
    return items


def _issuer_name(text: str | None) -> str | None:
    if not text:
        return None
    name = canonical_authority(_LEADING_AND.sub("", _clean(text)))
    if name in ("Presidential", "President"):
        return "President"
    if name in ("Government", "Governmental", "Cabinet"):
        return "Government"
    if _PROCURATOR.fullmatch(name):
        return name.split("’")[0].split("'")[0].replace("-", " ")
    return name or None


def _act_kind(head: str, issuer: str) -> InstrumentKind:
    head = head.lower().rstrip("s")
    issuer = issuer.lower()
    if head == "decree" and "legislative" in issuer:
        return K.LAW  # a legislative decree has the force of law
    if head in ("law", "act"):
        return K.LAW
    if head == "instruction":
        return K.INSTRUCTIONS
    if head == "bill":
        return K.BILL
    if head == "regulation":
        return K.RULES
    if head == "decree":
        if "government" in issuer or "cabinet" in issuer:
            return K.GOVERNMENT_DECISION
        return K.PRESIDENTIAL_DECREE
    if head in ("decision", "resolution"):
        return K.GOVERNMENT_DECISION if ("government" in issuer or "cabinet" in issuer) else K.ORDER
    return K.ORDER


_STRONG_HEADS = frozenset(
    {
        "legislative amendments",
        "draft amendments",
        "draft law",
        "draft laws",
        "action plan",
        "road map",
        "roadmap",
        "policy framework",
    }
)
_WEAK_HEADS = frozenset(
    {
        "procedure",
        "procedures",
        "standards",
        "regulations",
        "framework",
        "concept",
        "strategy",
        "program",
        "programme",
        "code",
    }
)
_TRAILING_CONNECTOR = _regex.compile(
    r"(?:[ \u00a0,]+(?:of|on|for|to|the|and|in|a|an|with|by|at|from))+[ \u00a0,]*$"
)


def _numbered_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of `_NUMBERED` in ``text[start:end]``, as its `finditer` gives them.

    Every match holds "No" and a number after its head, with only words and blanks
    before it: no match starts before the words in front of the next such "No".
    """
    return keyed_matches(
        text, start, end, pattern=_NUMBERED, key=_NUMBERED_KEY, begin=_numbered_begin
    )


def _numbered_begin(text: str, pos: int, key: int) -> int:
    """Where a numbered act whose "No" is at `key` could start (not before `pos`)."""
    begin = key
    runs = 0
    while begin > pos:
        if text[begin - 1] in BLANKS:
            runs += 1
            if runs > _NUMBERED_BLANK_RUNS:
                return begin
            while begin > pos and text[begin - 1] in BLANKS:
                begin -= 1
        else:
            begin = word_start(text, pos, begin, _NUMBERED_JOINERS)
            if begin == pos or text[begin - 1] not in BLANKS:
                return begin
    return begin


def _lower_matches(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of `_LOWER` in ``text[start:end]``, as its `finditer` gives them.

    A match holds a head word, with only prefix words (determiners, adjectives,
    "and", "or") and spaces before it. So no match starts before the prefix words
    in front of the next head: the search starts there, and the stretches of text
    without a head are never tried.
    """
    return keyed_matches(text, start, end, pattern=_LOWER, key=_LOWER_HEAD_AT, begin=_prefix_begin)


def _prefix_begin(text: str, pos: int, begin: int) -> int:
    """Where the prefix words before a head at `begin` could start (not before `pos`)."""
    while begin > pos:
        run = word_before(text, pos, begin, "-")
        if run is None:
            return begin
        word = text[run[0] : run[1]]
        if _LOWER_PREFIX_WORD.fullmatch(word):
            begin = run[0]
            continue
        # A word glued by a hyphen ("multi-sectoral"): a match may start after it.
        for cut in range(1, len(word)):
            if word[cut - 1] == "-" and _LOWER_PREFIX_WORD.fullmatch(word, cut):
                return run[0] + cut
        return begin
    return begin


def _lower_mentions(
    text: str, start: int, end: int, taken: list[tuple[int, int]]
) -> list[_Mention]:
    out: list[_Mention] = []
    for m in _lower_matches(text, start, end):
        head = _clean(m.group("head")).lower()
        det = m.group("det")
        adjectives = m.group("adj")
        head_start = m.start("head")
        after = m.end()
        if _overlaps((head_start, after), taken):
            continue
        capital_plans = head == "plans" and text[head_start].isupper()
        comp = _COMPLEMENT_NEXT.match(text[after : after + 40])
        if capital_plans:
            comp = _PLANS_TO.match(text[after : after + 80])
        if head == "order" and not (adjectives and comp):
            continue
        bare = not det and not adjectives and head not in _STRONG_HEADS and not capital_plans
        # A bare head names an instrument only with a complement and an adoption nearby:
        # "instructions on … (approved by Order No. …)".
        if bare and not (comp and _approved_nearby(text, after, end)):
            continue
        if head in _WEAK_HEADS and not adjectives and not _approved_nearby(text, after, end):
            continue
        if head in ("plan", "plans") and not (adjectives or det or capital_plans):
            continue
        kind = _LOWER_HEADS.get(head, K.OTHER)
        title_end = after
        if comp:
            title_end = _complement_end(text, after + comp.end(), end)
            entitled = _ENTITLED.match(text, after)
            if entitled:
                title_end = entitled.end()
        inner = [(a, b) for a, b in taken if after <= a < title_end]
        if inner:
            # A title holding another instrument's name ("a bill to amend … the Criminal Code")
            # stops before it; the names inside are what a bill amends.
            title_end = min(a for a, _ in inner)
            trimmed = _TRAILING_CONNECTOR.sub("", text[after:title_end])
            title_end = after + len(trimmed)
        back = (
            not comp
            and not capital_plans
            and bool(det)
            and not adjectives
            and (det.lower() in ("the", "these", "those"))
        )
        if not comp and not back and not adjectives and head not in _STRONG_HEADS:
            continue
        if (
            not comp
            and not back
            and head
            in (
                "rules",
                "instructions",
                "regulations",
                "guidelines",
                "standards",
                "procedures",
                "procedure",
            )
            and not _approved_nearby(text, after, end)
            and not _BEEN_ADOPTED_NEXT.match(text[after : after + 80])
        ):
            continue
        span_start = m.start()
        title = text[m.start("adj") if adjectives else head_start : title_end]
        if capital_plans and comp:
            title = "plans to " + text[after + comp.end() : title_end]
        period = None
        tail = _PERIOD_TAIL.search(title)
        if tail:
            period = _period(tail.group(1))
            title = title[: tail.start()]
        mention = _Mention(
            start=span_start,
            end=title_end,
            kind=kind,
            title=None if back else _clean(title),
            back=back,
            period=period,
        )
        mention.inner = [(a, b) for a, b in inner if kind is K.BILL]
        out.append(mention)
        taken.append((span_start, title_end))
    return out


def _approved_nearby(text: str, at: int, end: int) -> bool:
    window = text[at : min(end, at + 220)]
    cut = _SENTENCE_END.search(window)
    window = window[: cut.start()] if cut else window
    return _APPROVED_WORD.search(window) is not None


def _period(text: str) -> Period | None:
    try:
        value = parse_time(text.replace("\u00a0", " ").replace("\u2011", "-"))
    except ParseError:
        return None
    return value if isinstance(value, Period) else None


def _back_mentions(
    text: str, start: int, end: int, taken: list[tuple[int, int]], present: set[str]
) -> list[_Mention]:
    out: list[_Mention] = []
    if present.isdisjoint(_BACK_HEADS):
        return out
    for m in _BACK.finditer(text, start, end):
        head = (m.group("head") or m.group("head2")).lower()
        span = (m.start(), m.end()) if m.group("head") else (m.start() + 1, m.end() - 1)
        if _overlaps(span, taken):
            continue
        out.append(
            _Mention(
                start=span[0],
                end=span[1],
                kind=_BACK_KIND.get(head, K.OTHER),
                title=None,
                back=True,
            )
        )
        taken.append(span)
    return out


def _attach_provisions(text: str, mentions: list[_Mention], start: int, end: int) -> list[_Mention]:
    """Attach "article N of the X" and "(X, art. N)" provisions to their mentions."""
    by_start = sorted(mentions, key=lambda x: x.start)
    extra: list[_Mention] = []
    pending: list[tuple[int, int, tuple[ProvisionPath, ...]]] = []
    # Every provision has a number: a paragraph without digits has none.
    numbered = _PROVISION.finditer(text, start, end) if _DIGIT.search(text, start, end) else ()
    for m in numbered:
        try:
            provisions = parse_provisions(_clean(m.group()).replace("–", "–"))
        except ParseError:
            continue
        after = m.end()
        link = _OF_THE.match(text, after)
        target = None
        if link:
            target = next((x for x in by_start if x.start == link.end()), None)
        if target is not None:
            target.provisions = target.provisions + provisions
            target.cite_start = m.start()
            continue
        # "(Code, art. 68)": a back-reference just before, inside brackets.
        before = next(
            (
                x
                for x in reversed(by_start)
                if x.end <= m.start()
                and m.start() - x.end <= 3
                and text[x.end : m.start()].strip(" ,\u00a0") == ""
            ),
            None,
        )
        if before is not None:
            before.provisions = before.provisions + provisions
            close = text.find(")", m.end(), m.end() + 3)
            if close >= 0 and text[before.start - 1 : before.start] == "(":
                before.start -= 1
                before.end = close + 1
            else:
                before.end = m.end()
            continue
        pending.append((m.start(), m.end(), provisions))
    # Provisions with no instrument of their own: "3 under article 362 (4), 2 under article
    # 370 and 1 under article 432 of the Criminal Code" — the next instrument in the sentence,
    # else the last code named before them.
    for p_start, p_end, provisions in pending:
        if provisions[0].unit not in ("article",):
            continue
        _s_left, s_right = _sentence_bounds(text, p_start, start, end)
        later = next((x for x in by_start if p_end <= x.start < s_right and x.cite_start), None)
        if later is None:
            later = next((x for x in by_start if p_end <= x.start < s_right), None)
        if later is not None:
            extra.append(
                _Mention(
                    start=p_start,
                    end=p_end,
                    kind=later.kind,
                    title=None,
                    back=True,
                    provisions=provisions,
                    host=later,
                )
            )
            continue
        earlier = next(
            (
                x
                for x in reversed(by_start)
                if x.end <= p_start and x.kind in (K.CODE, K.LAW, K.CONSTITUTION)
            ),
            None,
        )
        if earlier is not None:
            extra.append(
                _Mention(
                    start=p_start,
                    end=p_end,
                    kind=earlier.kind,
                    title=None,
                    back=True,
                    provisions=provisions,
                    host=earlier,
                )
            )
    for x in mentions:
        if x.cite_start is not None:
            x.start = x.cite_start
    return mentions + extra


def _adoption_dates(text: str, mentions: list[_Mention]) -> None:
    """Dates of adoption stated around a titled mention.

    "the procedure …, approved by the Minister of Defence on 14 December 2023";
    "On 20 April 2023, the Social Code was adopted".
    """
    for m in mentions:
        if m.back or m.title is None or m.issuances:
            continue
        if _AMENDED_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue  # "Bill No. 03.23 amending the Code …, which was approved by …": the bill was
        after = _ADOPTED_BY_ON.match(text, m.end)
        if after:
            m.issuances.append(
                FoundIssuance(
                    issuer=_issuer_name(after.group("issuer")),
                    number=None,
                    date=_date(after.group("date")),
                    start=m.start,
                    end=after.end(),
                )
            )
            continue
        before = _ON_DATE_BEFORE.search(text[max(0, m.start - 60) : m.start])
        if before and _WAS_ADOPTED_AFTER.match(text, m.end):
            start = max(0, m.start - 60) + before.start()
            m.issuances.append(
                FoundIssuance(
                    issuer=None,
                    number=None,
                    date=_date(before.group("date")),
                    start=start,
                    end=m.end,
                )
            )


def _approving_links(text: str, mentions: list[_Mention]) -> None:
    """A numbered act "approving the Programme …" issued the instrument named after it."""
    ordered = sorted(mentions, key=lambda x: x.start)
    for act, after in itertools.pairwise(ordered):
        if (
            act.issuances
            and not act.back
            and after.title is not None
            and not after.back
            and act.end <= after.start
            and _APPROVING_GAP.fullmatch(text, act.end, after.start)
        ):
            act.host = after
            act.title = None


def _link_issuances(text: str, mentions: list[_Mention]) -> None:
    """A numbered act right after an instrument (in brackets, or "approved by") adopts it."""
    ordered = sorted(mentions, key=lambda x: x.start)
    for i, act in enumerate(ordered):
        if act.title is not None or not act.issuances or act.back:
            continue
        for prev in reversed(ordered[:i]):
            if prev is act or (prev.issuances and prev.title is None and not prev.back):
                continue
            if prev.end > act.start:
                continue
            gap = text[prev.end : act.start]
            if len(gap) > 120:
                break
            if (
                (
                    _APPROVED_BY.search(gap.rstrip(" \u00a0"))
                    or _ADOPTED_BY_END.search(gap)
                    or _BRACKET_GAP.fullmatch(gap)
                )
                and (prev.title is not None or prev.back)
                and prev.kind
                not in (
                    K.CODE,
                    K.CONSTITUTION,
                    K.INTERNATIONAL_TREATY,
                    K.LAW,
                )
            ):
                act.host = prev
                _issued_by_actor(text, act, prev)
            break


def _issued_by_actor(text: str, act: _Mention, host: _Mention) -> None:
    """An act in brackets after what it adopts was issued by whoever adopted that.

    "The Government approved the Strategy … (Decision No. 1520-L of 28 September
    2023)": the Government issued Decision No. 1520-L, a government decision.
    """
    if any(i.issuer for i in act.issuances):
        return
    issuer, _ = _actor_before(text, host.start, max(0, host.start - 120))
    if issuer is None:
        return
    act.issuances = [attrs.evolve(i, issuer=issuer) for i in act.issuances]
    head = _HEAD_WORD.match(text, act.start)
    if head is not None:
        act.kind = _act_kind(head.group(1), issuer)


def _resolve(mentions: list[_Mention], text: str) -> InstrumentReading:
    ordered = sorted(mentions, key=lambda x: (x.start, x.end))
    instruments: dict[str, dict[str, object]] = {}
    order: list[str] = []
    last_by_kind: dict[InstrumentKind, str] = {}
    last_any: str | None = None
    citations: list[FoundCitation] = []

    def new(key: str, m: _Mention) -> None:
        if key not in instruments:
            instruments[key] = {
                "kind": m.kind,
                "title": m.title,
                "issuances": [],
                "period": m.period,
            }
            order.append(key)

    hosted = [m for m in ordered if m.host is not None]
    for m in [m for m in ordered if m.host is None] + hosted:
        if m.host is not None and m.host.key:
            key = m.host.key
            if not m.back:
                cast_list = instruments[key]["issuances"]
                assert isinstance(cast_list, list)
                cast_list.extend(m.issuances)
        elif m.host is not None:
            continue
        elif m.back:
            key = last_by_kind.get(m.kind, "")
            if not key:
                if (
                    m.kind is K.INTERNATIONAL_TREATY
                    and "convention" in text[m.start : m.end].lower()
                ):
                    key = "international-treaty:convention"
                    new(key, _Mention(start=m.start, end=m.end, kind=m.kind, title="Convention"))
                else:
                    continue
        elif m.title is not None:
            key = f"{m.kind.value}:{_normal_title(m.title)}"
            if m.kind is K.PRESIDENTIAL_ADDRESS:
                key = f"{m.kind.value}:{_normal_title(m.title.split(' to the people')[0])}"
            new(key, m)
            data = instruments[key]
            if m.period and not data["period"]:
                data["period"] = m.period
            issuances = data["issuances"]
            assert isinstance(issuances, list)
            issuances.extend(m.issuances)
        else:
            first = m.issuances[0] if m.issuances else None
            ident = (
                (first.issuer or "", first.number or "", str(first.date or "")) if first else ("",)
            )
            key = f"{m.kind.value}:" + "/".join(x for x in ident if x)
            new(key, m)
            issuances = instruments[key]["issuances"]
            assert isinstance(issuances, list)
            if not issuances:
                issuances.extend(m.issuances)
        m.key = key
        kind = instruments[key]["kind"]
        assert isinstance(kind, InstrumentKind)
        last_by_kind[kind] = key
        if kind is K.ACTION_PLAN:
            last_by_kind[K.ROAD_MAP] = last_by_kind.get(K.ROAD_MAP, key)
        last_any = key
        citations.append(
            FoundCitation(
                instrument=key,
                start=m.start,
                end=m.end,
                quote=text[m.start : m.end],
                provisions=m.provisions,
                back_reference=m.back,
                role="issuance" if m.host is not None and not m.back else "citation",
            )
        )
    del last_any
    by_span = {(m.start, m.end): m.key for m in ordered if m.key}
    amends: dict[str, list[str]] = {}
    for m in ordered:
        for span in m.inner:
            target = by_span.get(span)
            if target and target != m.key:
                amends.setdefault(m.key, []).append(target)
    part_of: dict[str, str] = {}
    titled = [m for m in ordered if m.key and not m.back and m.host is None]
    acts = [m for m in ordered if m.key and not m.back]
    for m, n in itertools.pairwise(acts):
        # "Law No. HO-148-N amending the Criminal Code", "Act No. 1443 amending Act No. 348"
        if n.key != m.key and _AMENDING_GAP.fullmatch(text, m.end, n.start):
            amends.setdefault(m.key, []).append(n.key)
        # "Law No. 30364 on … was amended by Legislative Decree No. 1386"
        elif (
            n.key != m.key
            and n.start - m.end <= 300
            and _AMENDED_BY_BEFORE.search(text, m.end, n.start)
            and _SENTENCE_END.search(text, m.end, n.start) is None
        ):
            amends.setdefault(n.key, []).append(m.key)
    for m, n in itertools.pairwise(titled):
        gap = text[m.end : n.start]
        if n.key != m.key and _LINK_GAP.fullmatch(gap) and n.kind in _PARENT_KINDS:
            if m.kind is K.BILL:
                amends.setdefault(m.key, []).append(n.key)
            else:
                part_of.setdefault(m.key, n.key)
    found = []
    for key in order:
        data = instruments[key]
        kind = data["kind"]
        assert isinstance(kind, InstrumentKind)
        issuances = data["issuances"]
        assert isinstance(issuances, list)
        period = data["period"]
        assert period is None or isinstance(period, Period)
        title = data["title"]
        assert title is None or isinstance(title, str)
        found.append(
            FoundInstrument(
                key=key,
                kind=kind,
                title=_clean(title) if title else None,
                issuances=tuple(_dedupe(issuances)),
                period=period,
                status=InstrumentStatus.BILL if kind is K.BILL else None,
                amends=tuple(dict.fromkeys(amends.get(key, []))),
                part_of=part_of.get(key),
            )
        )
    citations.sort(key=lambda c: (c.start, c.end))
    return InstrumentReading(instruments=tuple(found), citations=tuple(citations))


def _dedupe(issuances: Sequence[FoundIssuance]) -> list[FoundIssuance]:
    seen: set[tuple[str | None, str | None, str]] = set()
    out = []
    for i in issuances:
        k = (i.issuer, i.number, str(i.date))
        if k not in seen:
            seen.add(k)
            out.append(i)
    return out


def find_instruments(
    text: str, spans: Sequence[tuple[int, int]] | None = None
) -> InstrumentReading:
    """Find the instruments cited in `text` (or in the given body spans, in order).

    Back-references resolve across spans, so pass the paragraphs of one
    document in reading order.

    Args:
        text: The document's full text.
        spans: ``(start, end)`` offsets of the paragraph bodies to read;
            the whole text when omitted.

    Example:
        >>> from catdomain.reading.citations import find_instruments
        >>> text = ("Special rules were adopted (approved by orders of the Procurator General, "
        ...         "No. 46 of 27 January 2023, and the Minister of Internal Affairs, No. 176 "
        ...         "of 21 February 2023).")
        >>> reading = find_instruments(text)
        >>> for i in reading.instruments[-1].issuances:
        ...     print(i.issuer, i.number, i.date)
        Procurator General 46 2023-01-27
        Ministry of Internal Affairs 176 2023-02-21
    """
    if not isinstance(text, str):
        raise TypeError(f"find_instruments() needs a str, not {type(text).__name__}")
    regions = list(spans) if spans is not None else [(0, len(text))]
    mentions: list[_Mention] = []
    for start, end in regions:
        present = _needed_present(text, start, end)  # the words gating the scans below
        named = _named_mentions(text, start, end, present)
        taken = [(m.start, m.end) for m in named]
        numbered = _with_numbers(named, _numbered_mentions(text, start, end, taken))
        lower = _lower_mentions(text, start, end, taken)
        back = _back_mentions(text, start, end, taken, present)
        region = named + numbered + lower + back
        region = _attach_provisions(text, region, start, end)
        _approving_links(text, region)
        _link_issuances(text, region)
        _adoption_dates(text, region)
        mentions.extend(region)
    return _resolve(mentions, text)
