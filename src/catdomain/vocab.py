"""Controlled vocabularies.

Each vocabulary is a `StrEnum` whose *values are the serialized form*: they
appear as they are in catdomain's JSON, and other tools read them. Where a
vocabulary is official (the UN's own labels), the members say so; the others
are catdomain's proposals, documented in the docs' implementation notes.

Example:
    >>> from catdomain.vocab import MeasureCategory, Qualifier
    >>> MeasureCategory("legislative") is MeasureCategory.LEGISLATIVE
    True
    >>> str(Qualifier.MORE_THAN)
    'more-than'
"""

from __future__ import annotations

from enum import StrEnum

import attrs

__all__ = [
    "GRADING_SCALES",
    "AuthorityKind",
    "BreakdownKind",
    "ChangeDirection",
    "DocumentKind",
    "Grade",
    "GradingScale",
    "IndicatorType",
    "InstrumentKind",
    "InstrumentStatus",
    "MeasureCategory",
    "MeasureKind",
    "MeasureStatus",
    "Mechanism",
    "ObservationStatus",
    "Qualifier",
    "TagOrigin",
    "TreatyBody",
    "UPRPosition",
    "UnknownTermPolicy",
    "ValueKind",
    "grading_scale",
]


class TreatyBody(StrEnum):
    """The UN human-rights treaty bodies (official abbreviations).

    Example:
        >>> TreatyBody("CAT").title
        'Committee against Torture'
    """

    CAT = "CAT"
    """Committee against Torture."""
    SPT = "SPT"
    """Subcommittee on Prevention of Torture (symbols under ``CAT/OP``)."""
    CCPR = "CCPR"
    """Human Rights Committee (International Covenant on Civil and Political Rights)."""
    CESCR = "CESCR"
    """Committee on Economic, Social and Cultural Rights (symbols under ``E/C.12``)."""
    CERD = "CERD"
    """Committee on the Elimination of Racial Discrimination."""
    CEDAW = "CEDAW"
    """Committee on the Elimination of Discrimination against Women."""
    CRC = "CRC"
    """Committee on the Rights of the Child."""
    CMW = "CMW"
    """Committee on Migrant Workers."""
    CRPD = "CRPD"
    """Committee on the Rights of Persons with Disabilities."""
    CED = "CED"
    """Committee on Enforced Disappearances."""

    @property
    def title(self) -> str:  # type: ignore[override]
        """The body's full English name."""
        return _BODY_TITLES[self]


_BODY_TITLES: dict[TreatyBody, str] = {
    TreatyBody.CAT: "Committee against Torture",
    TreatyBody.SPT: "Subcommittee on Prevention of Torture",
    TreatyBody.CCPR: "Human Rights Committee",
    TreatyBody.CESCR: "Committee on Economic, Social and Cultural Rights",
    TreatyBody.CERD: "Committee on the Elimination of Racial Discrimination",
    TreatyBody.CEDAW: "Committee on the Elimination of Discrimination against Women",
    TreatyBody.CRC: "Committee on the Rights of the Child",
    TreatyBody.CMW: "Committee on the Protection of the Rights of All Migrant Workers "
    "and Members of Their Families",
    TreatyBody.CRPD: "Committee on the Rights of Persons with Disabilities",
    TreatyBody.CED: "Committee on Enforced Disappearances",
}


class DocumentKind(StrEnum):
    """Kinds of document in the reporting and follow-up cycle.

    The UN symbol's type token maps onto these (``CO`` → concluding
    observations, ``FCO`` → follow-up reply, …); documents without a symbol
    (the Rapporteur's letters, NGO reports) have a kind too.

    Example:
        >>> DocumentKind.CONCLUDING_OBSERVATIONS.value
        'concluding-observations'
    """

    STATE_REPORT = "state-report"
    """A periodic report of a State party (``CAT/C/KAZ/4``)."""
    LIST_OF_ISSUES = "list-of-issues"
    """The committee's list of issues (``…/Q/4``)."""
    LIST_OF_ISSUES_PRIOR_TO_REPORTING = "list-of-issues-prior-to-reporting"
    """List of issues prior to reporting, simplified procedure (``…/QPR/5``)."""
    REPLIES_TO_LIST_OF_ISSUES = "replies-to-list-of-issues"
    """The State's replies to a list of issues (``…/RQ/5``)."""
    CONCLUDING_OBSERVATIONS = "concluding-observations"
    """Concluding observations (``…/CO/4``)."""
    FOLLOW_UP_REPLY = "follow-up-reply"
    """The State's follow-up information (``…/FCO/4``, older ``…/CO/4/Add.1``)."""
    FOLLOW_UP_LETTER = "follow-up-letter"
    """A letter of the Rapporteur on follow-up to the State (no UN symbol)."""
    FOLLOW_UP_PROGRESS_REPORT = "follow-up-progress-report"
    """A committee's report on follow-up with grades (``CCPR/C/128/3``)."""
    ALTERNATIVE_REPORT = "alternative-report"
    """A report by an NGO or national human rights institution."""
    SUMMARY_RECORD = "summary-record"
    """The summary record of a meeting (``CAT/C/SR.842``)."""
    VISIT_REPORT = "visit-report"
    """A report on a visit, such as the SPT's (``CAT/OP/KAZ/ROSP/1``)."""
    CORE_DOCUMENT = "core-document"
    """A State's common core document (``HRI/CORE/…``)."""
    OTHER = "other"
    """Any other document."""


class MeasureCategory(StrEnum):
    """The official umbrella of State measures (HRI/GEN/2/Rev.6).

    Example:
        >>> [c.value for c in MeasureCategory]
        ['legislative', 'judicial', 'administrative', 'other']
    """

    LEGISLATIVE = "legislative"
    """Laws, codes, bills and their amendments."""
    JUDICIAL = "judicial"
    """Court decisions, investigations, prosecutions, sanctions."""
    ADMINISTRATIVE = "administrative"
    """Orders, instructions, rules, plans, institutions, budgets, programmes."""
    OTHER = "other"
    """Awareness raising, cooperation, reporting and everything else."""


class MeasureKind(StrEnum):
    """Finer kinds of measure (catdomain's proposal).

    Each kind has a default `category`.

    Example:
        >>> MeasureKind.BILL_SUBMITTED.category
        <MeasureCategory.LEGISLATIVE: 'legislative'>
    """

    LEGAL_FRAMEWORK = "legal-framework"
    """Law already in place, cited as the answer ("The Code provides …")."""
    BILL_SUBMITTED = "bill-submitted"
    """A bill put before parliament."""
    LAW_AMENDMENT = "law-amendment"
    """A law or code adopted or amended."""
    SECONDARY_REGULATION = "secondary-regulation"
    """An order, instruction, rules or decree below the level of law."""
    INSTITUTIONAL_CHANGE = "institutional-change"
    """Powers or functions moved, bodies or units created."""
    POLICY_OR_PLAN = "policy-or-plan"
    """An action plan, road map, programme or policy framework."""
    INFRASTRUCTURE = "infrastructure"
    """Buildings, equipment, information systems."""
    TRAINING = "training"
    """Training sessions, courses, research for guidance."""
    MONITORING_AND_OVERSIGHT = "monitoring-and-oversight"
    """Reviews, inspections, visits, surveillance, recording."""
    INVESTIGATION_PROSECUTION_DISCIPLINE = "investigation-prosecution-discipline"
    """Investigations, prosecutions, convictions and disciplinary sanctions."""
    VICTIM_SUPPORT_AND_REDRESS = "victim-support-and-redress"
    """Care, rehabilitation, compensation."""
    AWARENESS_AND_DISSEMINATION = "awareness-and-dissemination"
    """Publication and dissemination, awareness raising."""
    INTERNATIONAL_COOPERATION = "international-cooperation"
    """Invitations, cooperation with international bodies."""
    REPORTING_PROCEDURE = "reporting-procedure"
    """Steps in the reporting procedure itself."""
    SERVICE_PROVISION = "service-provision"
    """Services provided to persons (health care, legal aid, psychological support)."""
    OTHER = "other"
    """Anything else."""

    @property
    def category(self) -> MeasureCategory:
        """The umbrella category this kind normally belongs to."""
        return _KIND_CATEGORY[self]


_KIND_CATEGORY: dict[MeasureKind, MeasureCategory] = {
    MeasureKind.LEGAL_FRAMEWORK: MeasureCategory.LEGISLATIVE,
    MeasureKind.BILL_SUBMITTED: MeasureCategory.LEGISLATIVE,
    MeasureKind.LAW_AMENDMENT: MeasureCategory.LEGISLATIVE,
    MeasureKind.SECONDARY_REGULATION: MeasureCategory.ADMINISTRATIVE,
    MeasureKind.INSTITUTIONAL_CHANGE: MeasureCategory.ADMINISTRATIVE,
    MeasureKind.POLICY_OR_PLAN: MeasureCategory.ADMINISTRATIVE,
    MeasureKind.INFRASTRUCTURE: MeasureCategory.ADMINISTRATIVE,
    MeasureKind.TRAINING: MeasureCategory.ADMINISTRATIVE,
    MeasureKind.MONITORING_AND_OVERSIGHT: MeasureCategory.ADMINISTRATIVE,
    MeasureKind.INVESTIGATION_PROSECUTION_DISCIPLINE: MeasureCategory.JUDICIAL,
    MeasureKind.VICTIM_SUPPORT_AND_REDRESS: MeasureCategory.OTHER,
    MeasureKind.AWARENESS_AND_DISSEMINATION: MeasureCategory.OTHER,
    MeasureKind.INTERNATIONAL_COOPERATION: MeasureCategory.OTHER,
    MeasureKind.REPORTING_PROCEDURE: MeasureCategory.OTHER,
    MeasureKind.SERVICE_PROVISION: MeasureCategory.ADMINISTRATIVE,
    MeasureKind.OTHER: MeasureCategory.OTHER,
}


class MeasureStatus(StrEnum):
    """Where a measure stands, as the State's wording puts it (catdomain's proposal).

    The members are ordered from intention to completion; `rank` gives that
    order.

    Example:
        >>> MeasureStatus.PLANNED.rank < MeasureStatus.COMPLETED.rank
        True
    """

    PLANNED = "planned"
    """Planned or envisaged ("it is planned to build …")."""
    BEFORE_PARLIAMENT = "before-parliament"
    """A bill submitted to or being considered by parliament."""
    ADOPTED = "adopted"
    """Adopted or approved, not yet said to be applied."""
    IN_OPERATION = "in-operation"
    """In force, in operation, being applied."""
    ONGOING = "ongoing"
    """Under way, being carried out, continuing ("work is under way")."""
    COMPLETED = "completed"
    """Done ("have been held", "has been transferred")."""

    @property
    def rank(self) -> int:
        """Position from intention (0) to completion."""
        return list(MeasureStatus).index(self)


class AuthorityKind(StrEnum):
    """Kinds of State authority (catdomain's proposal).

    Example:
        >>> AuthorityKind.PROCURACY.value
        'procuracy'
    """

    HEAD_OF_STATE = "head-of-state"
    """The President or monarch and their office."""
    GOVERNMENT = "government"
    """The Government as a whole."""
    MINISTRY = "ministry"
    """A ministry or its minister."""
    AGENCY = "agency"
    """An agency, committee or service outside a ministry."""
    PARLIAMENT = "parliament"
    """Parliament or one of its chambers."""
    COURT = "court"
    """A court."""
    PROCURACY = "procuracy"
    """The public prosecution service (procurators)."""
    LAW_ENFORCEMENT = "law-enforcement"
    """Police and other law-enforcement bodies."""
    PENITENTIARY = "penitentiary"
    """Prisons and the penal system."""
    MILITARY = "military"
    """Armed forces and military bodies."""
    OMBUDSPERSON = "ombudsperson"
    """Ombudsperson or national human rights institution."""
    NATIONAL_PREVENTIVE_MECHANISM = "national-preventive-mechanism"
    """The national preventive mechanism under OPCAT."""
    LOCAL_AUTHORITY = "local-authority"
    """Regional or local authorities."""
    CIVIL_SOCIETY = "civil-society"
    """Non-governmental organizations."""
    INTERNATIONAL_ORGANIZATION = "international-organization"
    """An international or regional organization."""
    ACADEMIC = "academic"
    """Academies, research and training institutions."""
    OTHER = "other"
    """Anything else."""


class InstrumentKind(StrEnum):
    """Kinds of legal and policy instrument (catdomain's proposal, after the seed).

    Example:
        >>> InstrumentKind("joint-order")
        <InstrumentKind.JOINT_ORDER: 'joint-order'>
    """

    CONSTITUTION = "constitution"
    """A constitution."""
    CODE = "code"
    """A code (Criminal Code, Code of Criminal Procedure, …)."""
    LAW = "law"
    """An act or law, named or dated ("the Act of 5 November 2022")."""
    BILL = "bill"
    """A bill not (yet) adopted."""
    PRESIDENTIAL_DECREE = "presidential-decree"
    """A decree or order of the head of State."""
    GOVERNMENT_DECISION = "government-decision"
    """A decision or resolution of the Government."""
    ORDER = "order"
    """An order of a minister, agency head or the Procurator General."""
    JOINT_ORDER = "joint-order"
    """One instrument adopted through several authorities' orders."""
    INSTRUCTIONS = "instructions"
    """Instructions approved by an order."""
    RULES = "rules"
    """Rules approved by an order."""
    STANDARDS = "standards"
    """Standards, such as staffing standards."""
    GUIDELINES = "guidelines"
    """Guidelines, operating procedures, methodological recommendations."""
    ACTION_PLAN = "action-plan"
    """An action plan."""
    ROAD_MAP = "road-map"
    """A road map."""
    PROGRAMME = "programme"
    """A programme."""
    POLICY_FRAMEWORK = "policy-framework"
    """A policy framework or concept."""
    PRESIDENTIAL_ADDRESS = "presidential-address"
    """An address of the head of State to the nation."""
    INTERNATIONAL_TREATY = "international-treaty"
    """A treaty (the Convention against Torture, …)."""
    INTERNATIONAL_STANDARD = "international-standard"
    """A non-binding international standard (the Istanbul Protocol, …)."""
    OTHER = "other"
    """Anything else."""


class InstrumentStatus(StrEnum):
    """Legal status of an instrument (catdomain's proposal).

    Example:
        >>> InstrumentStatus.IN_FORCE.value
        'in-force'
    """

    BILL = "bill"
    """Drafted or before parliament, not adopted."""
    ADOPTED = "adopted"
    """Adopted or approved."""
    IN_FORCE = "in-force"
    """In force or being implemented."""
    AMENDED = "amended"
    """Adopted and since amended."""
    REPEALED = "repealed"
    """No longer in force."""


class IndicatorType(StrEnum):
    """OHCHR's indicator types (official, HR/PUB/12/5).

    Example:
        >>> IndicatorType.OUTCOME.value
        'outcome'
    """

    STRUCTURAL = "structural"
    """Laws, policies and institutions in place."""
    PROCESS = "process"
    """Efforts made: investigations opened, officials trained, visits made."""
    OUTCOME = "outcome"
    """Results: deaths in custody, suicides, persons held in cells."""


class Qualifier(StrEnum):
    """How exact a reported figure is.

    Example:
        >>> Qualifier.AT_LEAST.is_lower_bound, Qualifier.APPROXIMATE.is_exact
        (True, False)
    """

    EXACT = "exact"
    """As stated ("449 persons")."""
    APPROXIMATE = "approximate"
    """About, around, some ("about 3,500")."""
    MORE_THAN = "more-than"
    """Strict lower bound ("more than 40,000", "over 400")."""
    AT_LEAST = "at-least"
    """Inclusive lower bound ("at least 12")."""
    LESS_THAN = "less-than"
    """Strict upper bound ("fewer than 10")."""
    AT_MOST = "at-most"
    """Inclusive upper bound ("up to 50", "may not exceed three hours")."""

    @property
    def is_exact(self) -> bool:
        """True only for `EXACT`."""
        return self is Qualifier.EXACT

    @property
    def is_lower_bound(self) -> bool:
        """True for `MORE_THAN` and `AT_LEAST`."""
        return self in (Qualifier.MORE_THAN, Qualifier.AT_LEAST)

    @property
    def is_upper_bound(self) -> bool:
        """True for `LESS_THAN` and `AT_MOST`."""
        return self in (Qualifier.LESS_THAN, Qualifier.AT_MOST)


class ValueKind(StrEnum):
    """Whether a figure is what happened or what is aimed at.

    Example:
        >>> ValueKind.TARGET.value
        'target'
    """

    ACTUAL = "actual"
    """Observed or recorded."""
    TARGET = "target"
    """Aimed at ("45.5 per cent by 2030")."""
    BASELINE = "baseline"
    """A reference value that targets are measured from."""
    PLAN = "plan"
    """Planned output ("three remand centres")."""


class ObservationStatus(StrEnum):
    """SDMX observation status (code list CL_OBS_STATUS, the commonly used codes).

    Example:
        >>> ObservationStatus.NORMAL.value
        'A'
    """

    NORMAL = "A"
    """Normal value."""
    ESTIMATED = "E"
    """Estimated value."""
    PROVISIONAL = "P"
    """Provisional value."""
    FORECAST = "F"
    """Forecast value."""
    BREAK = "B"
    """Time-series break."""


class BreakdownKind(StrEnum):
    """How parts relate to a whole.

    Example:
        >>> BreakdownKind.PARTITION.value
        'partition'
    """

    PARTITION = "partition"
    """The parts are exhaustive and disjoint: they must add up to the whole."""
    SUBSET = "subset"
    """The parts are included in the whole ("including 22"): none may exceed it."""


class ChangeDirection(StrEnum):
    """Direction of a stated change.

    Example:
        >>> ChangeDirection.DECREASE.sign
        -1
    """

    INCREASE = "increase"
    """A rise."""
    DECREASE = "decrease"
    """A fall."""

    @property
    def sign(self) -> int:
        """+1 for an increase, -1 for a decrease."""
        return 1 if self is ChangeDirection.INCREASE else -1


class Mechanism(StrEnum):
    """The UN human-rights mechanism a recommendation comes from.

    The Universal Human Rights Index groups recommendations by these three
    pillars of the UN human-rights protection system, so that one State's
    recommendations on the same theme can be clustered across them.

    Example:
        >>> Mechanism("upr") is Mechanism.UPR
        True
    """

    TREATY_BODY = "treaty-body"
    """A treaty body (CAT, CCPR, CESCR, …), in concluding observations or views."""
    UPR = "upr"
    """The Universal Periodic Review of the Human Rights Council, by recommending States."""
    SPECIAL_PROCEDURE = "special-procedure"
    """A special procedure of the Human Rights Council (special rapporteurs, working groups)."""


class UPRPosition(StrEnum):
    """The position a State under review takes on a UPR recommendation (official terms).

    States "support" or "note" the recommendations they receive, in the
    addendum to the Working Group's report or at the Council's plenary; a
    State may also support part of a recommendation and note the rest.

    Example:
        >>> UPRPosition.PARTIALLY_SUPPORTED.value
        'partially-supported'
    """

    SUPPORTED = "supported"
    """Supported by the State under review."""
    PARTIALLY_SUPPORTED = "partially-supported"
    """Supported in part ("partially supported"); the rest is noted."""
    NOTED = "noted"
    """Noted: not supported."""


class TagOrigin(StrEnum):
    """Who says that a tag applies (catdomain's proposal).

    Example:
        >>> TagOrigin.RULE.value
        'rule'
    """

    GIVEN = "given"
    """Stated by the source document itself (a UN Index annotation, a report's own theme)."""
    PERSON = "person"
    """Assigned by a person who read the text."""
    RULE = "rule"
    """Suggested by a keyword rule (`catdomain.suggest_tags`), not yet reviewed."""


class UnknownTermPolicy(StrEnum):
    """What a vocabulary does with a term it does not hold (catdomain's proposal).

    A term is never created on the fly: an unknown term either makes a tag an
    integrity problem of its dossier, or is kept as it is written.

    Example:
        >>> UnknownTermPolicy.REFUSE.value
        'refuse'
    """

    REFUSE = "refuse"
    """A closed vocabulary: a tag with an unknown term is refused."""
    KEEP = "keep"
    """An open vocabulary: a tag with an unknown term is kept, spelt as written."""


# --------------------------------------------------------------------------
# Grading scales: data, not enums, because they differ by committee and period.


@attrs.frozen(kw_only=True)
class Grade:
    """One grade of a follow-up grading scale.

    Attributes:
        code: The grade as written ("A", "B1").
        label: The official wording.

    Example:
        >>> Grade(code="A", label="Reply/action largely satisfactory").code
        'A'
    """

    code: str
    label: str


@attrs.frozen(kw_only=True)
class GradingScale:
    """A committee's follow-up assessment scale for a period.

    Attributes:
        id: Stable identifier ("hrc-2016").
        body: The committee using it.
        name: A readable name.
        valid_from: First year of use, if known.
        grades: The grades, best first.

    Example:
        >>> scale = grading_scale("hrc-2016")
        >>> [g.code for g in scale.grades]
        ['A', 'B', 'C', 'D', 'E']
        >>> scale.grade("C").label
        'Reply/action not satisfactory'
    """

    id: str
    body: TreatyBody
    name: str
    valid_from: int | None
    grades: tuple[Grade, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        """The grade codes, best first."""
        return tuple(g.code for g in self.grades)

    def grade(self, code: str) -> Grade:
        """Return the grade with `code`.

        Raises:
            KeyError: If the scale has no such grade.
        """
        for g in self.grades:
            if g.code == code:
                return g
        raise KeyError(f"grading scale {self.id!r} has no grade {code!r}; it has {self.codes}")


def _scale(
    id: str, body: TreatyBody, name: str, valid_from: int | None, grades: list[tuple[str, str]]
) -> GradingScale:
    return GradingScale(
        id=id,
        body=body,
        name=name,
        valid_from=valid_from,
        grades=tuple(Grade(code=c, label=lbl) for c, lbl in grades),
    )


GRADING_SCALES: dict[str, GradingScale] = {
    s.id: s
    for s in (
        _scale(
            "hrc-2016",
            TreatyBody.CCPR,
            "Human Rights Committee follow-up grades (since 2016)",
            2016,
            [
                ("A", "Reply/action largely satisfactory"),
                ("B", "Reply/action partially satisfactory"),
                ("C", "Reply/action not satisfactory"),
                ("D", "No cooperation with the Committee"),
                (
                    "E",
                    "Information or measures taken are contrary to or reflect "
                    "rejection of the recommendation",
                ),
            ],
        ),
        _scale(
            "hrc-legacy",
            TreatyBody.CCPR,
            "Human Rights Committee follow-up grades (before 2016)",
            None,
            [
                ("A", "Reply largely satisfactory"),
                ("B1", "Substantive action taken, but additional information required"),
                ("B2", "Initial action taken, but additional measures and information required"),
                ("C1", "Reply received, but actions taken do not implement the recommendation"),
                ("C2", "Reply received, but not relevant to the recommendation"),
                (
                    "D1",
                    "No reply received within the deadline, or no reply to a specific "
                    "question in the report",
                ),
                ("D2", "No reply received after reminder(s)"),
                (
                    "E",
                    "The reply indicates that the measures taken go against the "
                    "recommendations of the Committee",
                ),
            ],
        ),
        _scale(
            "cat-implementation",
            TreatyBody.CAT,
            "Committee against Torture follow-up assessment (public summaries)",
            None,
            [
                ("A", "Substantive steps taken"),
                ("B", "Initial steps taken"),
                ("C", "Not implemented"),
                ("D", "No reply received"),
                ("E", "Measures taken counteract the recommendation"),
            ],
        ),
    )
}
"""The grading scales catdomain knows, by id."""


def grading_scale(id: str) -> GradingScale:
    """Return a known grading scale by id.

    Args:
        id: One of the keys of `GRADING_SCALES`.

    Raises:
        KeyError: If the scale is unknown; the message lists the known ones.

    Example:
        >>> grading_scale("hrc-legacy").codes
        ('A', 'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E')
    """
    try:
        return GRADING_SCALES[id]
    except KeyError:
        raise KeyError(f"unknown grading scale {id!r}; known: {sorted(GRADING_SCALES)}") from None
