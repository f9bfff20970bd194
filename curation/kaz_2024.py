"""The curated dossier of Kazakhstan's 2024 follow-up reply on CAT/C/KAZ/CO/4.

Built by reading the bundled text paragraph by paragraph. Every fact below is
one the text states; what it does not state stays unknown (None): the reply's
UN symbol, which recommendations the Committee selected for follow-up, the
text of the recommendations, the year of the "January riots".

Run ``python curation/kaz_2024.py`` to rewrite the bundled JSON; a test
checks that the bundled file equals what this module builds.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

import attrs

import catdomain as cd
from catdomain import (
    AuthorityKind as AK,
)
from catdomain import (
    BreakdownKind,
    ValueKind,
)
from catdomain import (
    InstrumentKind as IK,
)
from catdomain import (
    InstrumentStatus as IS,
)
from catdomain import (
    MeasureCategory as MC,
)
from catdomain import (
    MeasureKind as MK,
)
from catdomain import (
    MeasureStatus as MS,
)
from catdomain import (
    Qualifier as Q,
)

sys.path.insert(0, str(Path(__file__).parent))
from kaz_2024_base import Curation, number, year, years

NAME = "kaz-2024-follow-up"
CO = "CAT/C/KAZ/CO/4"
REPLY = "kaz-2024-follow-up"
TEXT = files("catdomain.datasets").joinpath("data", f"{NAME}.txt").read_text(encoding="utf-8")
C = Curation(TEXT, REPLY)
D = cd.PartialDate


def rec(n: int) -> str:
    return f"{CO}#{n}"


S11_15 = tuple(rec(n) for n in range(11, 16))

# ----------------------------------------------------------------- documents

SECTIONS = [
    ("s-10", "paragraph 10 of the concluding observations (CAT/C/KAZ/CO/4)", (rec(10),), 1, 2),
    ("s-11-15", "paragraphs 11–15 of the concluding observations", S11_15, 3, 35),
    ("s-21", "paragraph 21 of the concluding observations", (rec(21),), 36, 40),
    ("s-24", "paragraph 24 of the concluding observations", (rec(24),), 41, 53),
    ("s-28", "paragraph 28 of the concluding observations", (rec(28),), 54, 66),
    ("s-44", "paragraph 44 of the concluding observations", (rec(44),), 67, 77),
    ("s-46", "paragraph 46 of the concluding observations", (rec(46),), 78, 78),
    ("s-47", "paragraph 47 of the concluding observations", (rec(47),), 79, 79),
    ("s-48", "paragraph 48 of the concluding observations", (rec(48),), 80, 80),
]


def sections() -> tuple[cd.Section, ...]:
    out = []
    for sid, tail, recs, first, last in SECTIONS:
        heading = "Follow-up information relating to " + tail
        out.append(
            cd.Section(
                id=sid,
                heading=heading,
                recommendations=recs,
                paragraphs=tuple(str(p) for p in range(first, last + 1)),
                source=C.heading(heading),
            )
        )
    return tuple(out)


DOCUMENTS = (
    cd.Document(
        id=CO,
        kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS,
        symbol=cd.DocumentSymbol.parse(CO),
        body=cd.TreatyBody.CAT,
        state="KAZ",
        title="Concluding observations on the fourth periodic report of Kazakhstan",
        adopted=D(2023, 5, 10),
    ),
    cd.Document(
        id=REPLY,
        kind=cd.DocumentKind.FOLLOW_UP_REPLY,
        body=cd.TreatyBody.CAT,
        state="KAZ",
        title="Information received from Kazakhstan on follow-up to the concluding "
        "observations on its fourth periodic report",
        received=D(2024, 5, 13),
        responds_to=CO,
        text_length=len(TEXT),
        text_sha256=C.sha256,
        paragraphs=C.text_paragraphs(),
        sections=sections(),
    ),
)

# ---------------------------------------------------------------------- tags
#
# Tags reviewed by hand against the reply (origin "person"). Only what the reply
# makes evident: the concluding observations' text is not bundled, so a
# recommendation is tagged by the subject the reply answers under its heading,
# with the quote that shows it. Paragraphs 11–15 are answered together, so
# nothing tells which of them asks for what: they stay untagged, and the
# measures answering them carry their own tags. Convention articles are tagged
# only where the reply names the article or uses the article's own terms.

VOCABULARIES = {
    "th": "themes",
    "gr": "groups-of-persons",
    "sdg": "sdg",
    "art": "cat-articles",
    "pur": "cat-follow-up-purposes",
}


def tags(spec: str, evidence: dict[str, tuple[int, str]] | None = None) -> tuple[cd.Tag, ...]:
    """Person tags from ``"th: a, b; sdg: 16.3"``; `evidence` maps a term to (paragraph, quote)."""
    out = []
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        key, _, terms = part.partition(":")
        for term in (t.strip() for t in terms.split(",")):
            where = (evidence or {}).get(term)
            out.append(
                cd.Tag(
                    vocabulary=VOCABULARIES[key.strip()],
                    term=term,
                    origin=cd.TagOrigin.PERSON,
                    evidence=(C.span(*where),) if where else (),
                )
            )
    return tuple(out)


RECOMMENDATION_TAGS: dict[int, tuple[str, dict[str, tuple[int, str]]]] = {
    10: (
        "th: definition-and-criminalization; art: 1, 4",
        {
            "definition-and-criminalization": (1, "legislation on the definition of torture"),
            "1": (1, "definition of torture"),
            "4": (2, "for those convicted of torture"),
        },
    ),
    21: (
        "th: conditions-of-detention; gr: persons-deprived-of-their-liberty",
        {
            "conditions-of-detention": (40, "improve technical and sanitary conditions"),
            "persons-deprived-of-their-liberty": (36, "Detention facilities"),
        },
    ),
    24: (
        "th: deaths-in-custody; gr: persons-deprived-of-their-liberty",
        {
            "deaths-in-custody": (42, "Every case of injury or death of inmates"),
            "persons-deprived-of-their-liberty": (42, "inmates"),
        },
    ),
    28: (
        "th: health-care-in-detention; gr: persons-deprived-of-their-liberty",
        {
            "health-care-in-detention": (
                54,
                "medical care for persons held in penal institutions and remand centres",
            ),
            "persons-deprived-of-their-liberty": (
                54,
                "persons held in penal institutions and remand centres",
            ),
        },
    ),
    44: (
        "th: ill-treatment-in-the-armed-forces; gr: military-personnel",
        {
            "ill-treatment-in-the-armed-forces": (69, "hazing"),
            "military-personnel": (67, "military personnel"),
        },
    ),
    46: (
        "th: cooperation-with-special-procedures",
        {
            "cooperation-with-special-procedures": (
                78,
                "standing invitation to all special procedure mandate holders",
            )
        },
    ),
    47: (
        "th: dissemination-of-recommendations",
        {"dissemination-of-recommendations": (79, "disseminated by the media")},
    ),
    48: (
        "th: reporting-to-treaty-bodies; art: 19",
        {
            "reporting-to-treaty-bodies": (
                80,
                "simplified procedure for the submission of reports",
            ),
            "19": (80, "article 19 of the Convention"),
        },
    ),
}


def recommendation(n: int) -> cd.Recommendation:
    spec, evidence = RECOMMENDATION_TAGS.get(n, ("", {}))
    return cd.Recommendation(
        id=rec(n),
        document=CO,
        paragraph=n,
        mechanism=cd.Mechanism.TREATY_BODY,
        tags=tags(spec, evidence),
    )


RECOMMENDATIONS = tuple(
    recommendation(n) for n in (10, 11, 12, 13, 14, 15, 21, 24, 28, 44, 46, 47, 48)
)

P_LIBERTY = "persons-deprived-of-their-liberty"

MEASURE_TAGS: dict[str, str] = {
    # paragraph 10
    "m-bill-torture-definition": "th: definition-and-criminalization, prosecution-and-punishment; "
    "gr: law-enforcement-officials; art: 1, 4; pur: prosecution-and-punishment; sdg: 16.3",
    # paragraphs 11–15: safeguards
    "m-judicial-protection-legal-aid": "th: access-to-justice-and-remedy, legal-aid, "
    "non-discrimination; sdg: 16.3",
    "m-right-to-defence-24h": "th: access-to-a-lawyer, fair-trial; gr: persons-in-police-custody, "
    "pretrial-detainees, judges-prosecutors-and-lawyers; pur: legal-safeguards; sdg: 16.3",
    "m-confidential-lawyer-meetings": "th: access-to-a-lawyer, fair-trial; "
    "gr: judges-prosecutors-and-lawyers; sdg: 16.3",
    "m-bill-powers-of-lawyers": "th: fair-trial; gr: judges-prosecutors-and-lawyers; sdg: 16.3",
    "m-inadmissible-evidence": "th: exclusion-of-evidence, information-on-rights; sdg: 16.3",
    "m-custody-three-hours": "th: lawfulness-of-detention; gr: persons-in-police-custody; "
    "pur: legal-safeguards; sdg: 16.3",
    "m-electronic-registration-brought-in": "th: registration-of-detention, lawfulness-of-detention; "
    "gr: persons-in-police-custody; pur: legal-safeguards; sdg: 16.3",
    "m-video-surveillance": f"th: video-recording; gr: {P_LIBERTY}; pur: legal-safeguards",
    "m-video-surveillance-rules": "th: video-recording; pur: legal-safeguards",
    "m-medical-examination-on-arrest": "th: medical-examination; gr: persons-in-police-custody; "
    "pur: legal-safeguards",
    "m-crime-failure-to-inform": "th: notification-of-custody, registration-of-detention; "
    "gr: persons-in-police-custody; pur: legal-safeguards",
    "m-instructions-constitutional-rights": "th: legal-safeguards, video-recording, "
    "torture-and-ill-treatment; gr: law-enforcement-officials; art: 2, 11; "
    "pur: legal-safeguards; sdg: 16.6",
    "m-duty-procurator": "th: lawfulness-of-detention; gr: judges-prosecutors-and-lawyers, "
    "persons-in-police-custody; pur: legal-safeguards; sdg: 16.3",
    "m-procurators-interview-detainees": "th: investigations, lawfulness-of-detention; "
    "gr: judges-prosecutors-and-lawyers, pretrial-detainees; art: 12, 16; "
    "pur: investigations, legal-safeguards; sdg: 16.3",
    # paragraphs 11–15: investigation, prosecution, discipline
    "m-sanctions-pretrial-officials": "th: disciplinary-measures; gr: law-enforcement-officials; "
    "sdg: 16.6",
    "m-january-deaths-investigated": "th: investigations, use-of-force, torture-and-ill-treatment; "
    "pur: investigations; sdg: 16.1",
    "m-torture-investigations-prosecutions": "th: investigations, prosecution-and-punishment; "
    "gr: law-enforcement-officials; art: 12; pur: investigations, prosecution-and-punishment; "
    "sdg: 16.3",
    "m-procuracy-exclusive-jurisdiction": "th: investigative-bodies; "
    "gr: judges-prosecutors-and-lawyers; art: 12; pur: investigations; sdg: 16.3",
    "m-ccp-amended-2022": "th: investigative-bodies; art: 12; pur: investigations",
    "m-instructions-pretrial-procuracy": "th: investigations, forensic-documentation; "
    "gr: judges-prosecutors-and-lawyers; art: 12; pur: investigations; sdg: 16.3",
    "m-mobile-groups": "th: investigations, investigative-bodies; art: 12; pur: investigations; "
    "sdg: 16.3",
    "m-procurator-submissions-sanctions": "th: investigations, disciplinary-measures; "
    "gr: judges-prosecutors-and-lawyers, law-enforcement-officials; "
    "pur: prosecution-and-punishment; sdg: 16.6",
    # paragraphs 11–15: training and policy
    "m-training-investigation-torture": "th: training-of-officials, investigations; "
    "gr: law-enforcement-officials, judges-prosecutors-and-lawyers; art: 10; sdg: 16.a",
    "m-training-duty-procurators": "th: training-of-officials, investigations, "
    "torture-and-ill-treatment; gr: judges-prosecutors-and-lawyers; art: 10; sdg: 16.a",
    "m-research-study-prevention": "th: torture-and-ill-treatment, training-of-officials; "
    "gr: law-enforcement-officials; sdg: 16.a",
    "m-training-forensic-experts": "th: training-of-officials, forensic-documentation; "
    "gr: medical-staff; art: 10; sdg: 16.a",
    "m-training-module-mental-health": "th: training-of-officials; gr: victims-of-torture; "
    "sdg: 3.4",
    "m-action-plan-human-rights": "th: human-rights-action-plans, non-discrimination, "
    "torture-and-ill-treatment; gr: women-and-girls, migrants, stateless-persons, "
    "refugees-and-asylum-seekers; art: 16; sdg: 5.1, 8.8, 16.3, 16.10",
    # paragraph 21
    "m-separation-of-detainees": f"th: separation-of-detainees; gr: {P_LIBERTY}, prisoners, "
    "women-and-girls, children",
    "m-cells-instead-of-barracks": "th: material-conditions; gr: prisoners",
    "m-new-institutions-planned": f"th: material-conditions; gr: {P_LIBERTY}",
    "m-ppp-construction": "th: material-conditions; gr: prisoners; sdg: 17.17",
    "m-sanitary-conditions": "th: material-conditions; gr: prisoners",
    # paragraph 24
    "m-injuries-investigated": "th: medical-examination, investigations, forensic-documentation; "
    "gr: prisoners, pretrial-detainees; pur: investigations",
    "m-injuries-deaths-recorded": "th: deaths-in-custody, investigations, prosecution-and-punishment, "
    "forensic-documentation; gr: prisoners; pur: investigations, prosecution-and-punishment",
    "m-official-investigations-incidents": "th: investigations, disciplinary-measures, "
    "violence-among-detainees; gr: law-enforcement-officials; sdg: 16.6",
    "m-disease-control": "th: health-care-in-detention; gr: pretrial-detainees; sdg: 3.3, 3.8",
    "m-suicide-prevention": "th: mental-health-in-detention, deaths-in-custody, "
    "health-care-in-detention, video-recording; gr: pretrial-detainees, prisoners; sdg: 3.4, 3.8",
    "m-confidential-medical-examination": f"th: medical-examination; gr: {P_LIBERTY}; "
    "pur: legal-safeguards",
    "m-action-plan-psychological-service": "th: mental-health-in-detention; gr: prisoners; sdg: 3.4",
    "m-plans-serious-incidents": "th: violence-among-detainees, video-recording; gr: prisoners; "
    "sdg: 16.1",
    "m-operating-procedures": "th: mental-health-in-detention, deaths-in-custody; "
    "gr: law-enforcement-officials, "
    "pretrial-detainees; sdg: 3.4",
    "m-psychological-support": "th: mental-health-in-detention; gr: prisoners; sdg: 3.4",
    "m-monitoring-visits": "th: monitoring-of-places-of-detention, national-preventive-mechanism, "
    "national-human-rights-institution, torture-and-ill-treatment; gr: prisoners; sdg: 16.a",
    # paragraph 28
    "m-health-care-transferred": "th: health-care-in-detention; gr: prisoners, pretrial-detainees; "
    "sdg: 3.8",
    "m-medical-care-local-authorities": "th: health-care-in-detention; gr: prisoners, "
    "medical-staff, children; sdg: 3.8",
    "m-road-map-penal": "th: health-care-in-detention; gr: prisoners; sdg: 3.8",
    "m-legal-acts-medical-care": "th: health-care-in-detention; gr: prisoners; sdg: 3.8",
    "m-rules-remission-illness": "th: health-care-in-detention; gr: prisoners",
    "m-form-bodily-injury": "th: forensic-documentation; gr: prisoners",
    "m-staffing-standards": "th: health-care-in-detention; gr: medical-staff, prisoners, "
    "pretrial-detainees; sdg: 3.8",
    "m-rules-medical-care-medicines": "th: health-care-in-detention; gr: prisoners, "
    "pretrial-detainees; sdg: 3.8",
    "m-primary-health-care-access": "th: health-care-in-detention; gr: prisoners; sdg: 3.8",
    "m-diagnostic-services": "th: health-care-in-detention; sdg: 3.8",
    "m-emergency-care": "th: health-care-in-detention; gr: prisoners; sdg: 3.8",
    "m-social-code-disability-care": "th: health-care-in-detention; "
    "gr: persons-with-disabilities, prisoners; sdg: 1.3",
    "m-order-508-amended": "th: health-care-in-detention; gr: persons-with-disabilities, prisoners",
    # paragraph 44
    "m-military-educational-work": "th: training-of-officials; gr: military-personnel",
    "m-targeted-prevention-procedure": "gr: military-personnel",
    "m-commanders-respond-abuse": "th: ill-treatment-in-the-armed-forces, investigations, "
    "disciplinary-measures; gr: military-personnel; sdg: 16.1",
    "m-military-criminal-investigations": "th: investigations, prosecution-and-punishment; "
    "gr: military-personnel; sdg: 16.3",
    "m-military-prevention-activities": "th: ill-treatment-in-the-armed-forces; "
    "gr: military-personnel; sdg: 16.1",
    "m-military-complaints": "th: complaints-mechanisms; gr: military-personnel",
    "m-one-year-service": "th: ill-treatment-in-the-armed-forces; gr: military-personnel; sdg: 16.1",
    "m-single-call-up": "gr: military-personnel",
    "m-military-wellbeing-monitoring": "gr: military-personnel; sdg: 3.4",
    "m-military-medical-examinations": "gr: military-personnel; sdg: 3.8",
    # paragraphs 46, 47, 48
    "m-standing-invitation": "th: cooperation-with-special-procedures",
    "m-dissemination-report-co": "th: dissemination-of-recommendations; sdg: 16.10",
    "m-simplified-reporting-procedure": "th: reporting-to-treaty-bodies; art: 19",
}

_JAN = "sdg: 16.1"
_COURT = "th: prosecution-and-punishment; pur: prosecution-and-punishment; sdg: 16.3"
_CELLS = "th: material-conditions; gr: prisoners"
_HEALTH = "th: health-care-in-detention; gr: prisoners; sdg: 3.8"
_STAFF = "th: health-care-in-detention; gr: medical-staff; sdg: 3.8"

SERIES_TAGS: dict[str, str] = {
    "s-cameras": "th: video-recording",
    "s-released-office": "th: lawfulness-of-detention; gr: persons-in-police-custody; sdg: 16.3",
    "s-released-thf": "th: lawfulness-of-detention; gr: persons-in-police-custody; sdg: 16.3",
    "s-sanctions-pretrial": "th: disciplinary-measures; gr: law-enforcement-officials; sdg: 16.6",
    "s-january-deaths": _JAN,
    "s-january-deaths-civilians": _JAN,
    "s-january-deaths-officers": _JAN,
    "s-january-deaths-suspected": _JAN,
    "s-january-deaths-violating": _JAN,
    "s-january-deaths-accidental": "th: use-of-force; sdg: 16.1",
    "s-january-deaths-other-crimes": _JAN,
    "s-january-deaths-torture": "th: torture-and-ill-treatment; sdg: 16.1",
    "s-torture-investigations": "th: investigations; pur: investigations; sdg: 16.3",
    "s-torture-investigations-terminated": "th: investigations; pur: investigations; sdg: 16.3",
    "s-torture-court-cases": _COURT,
    "s-torture-convicted": _COURT,
    "s-malfeasance-convicted": _COURT,
    "s-malfeasance-362": _COURT,
    "s-malfeasance-370": _COURT,
    "s-malfeasance-432": _COURT,
    "s-torture-acquitted": _COURT,
    "s-torture-pending": _COURT + "; gr: law-enforcement-officials",
    "s-procurator-submissions": "th: investigations",
    "s-sanctions-submissions": "th: disciplinary-measures; gr: law-enforcement-officials; "
    "pur: prosecution-and-punishment; sdg: 16.6",
    "s-sanctions-submissions-senior": "th: disciplinary-measures; gr: law-enforcement-officials; "
    "pur: prosecution-and-punishment; sdg: 16.6",
    "s-facilities-with-cells": _CELLS,
    "s-persons-in-cells": _CELLS,
    "s-housing-units-construction": _CELLS,
    "s-housing-units-facilities": _CELLS,
    "s-new-institutions-planned": _CELLS,
    "s-new-institutions-planned-mr": _CELLS,
    "s-ppp-places": _CELLS + "; sdg: 17.17",
    "s-share-in-cells": _CELLS,
    "s-share-in-cells-target": _CELLS,
    "s-persons-in-cells-target": _CELLS,
    "s-internal-investigations": "th: investigations; sdg: 16.6",
    "s-officials-disciplined-penal": "th: disciplinary-measures; gr: law-enforcement-officials; "
    "sdg: 16.6",
    "s-deaths-disease": "th: deaths-in-custody, health-care-in-detention; "
    "gr: prisoners, pretrial-detainees",
    "s-suicides": "th: deaths-in-custody, mental-health-in-detention; gr: prisoners; sdg: 3.4",
    "s-suicide-attempts-prevented": "th: mental-health-in-detention, deaths-in-custody; "
    "gr: prisoners; sdg: 3.4",
    "s-suicide-attempts-prevented-video": "th: mental-health-in-detention, deaths-in-custody, "
    "video-recording; "
    "gr: prisoners; sdg: 3.4",
    "s-visits-ombudsman": "th: monitoring-of-places-of-detention, "
    "national-human-rights-institution; sdg: 16.a",
    "s-visits-npm": "th: monitoring-of-places-of-detention, national-preventive-mechanism; "
    "sdg: 16.a",
    "s-institutions-local-care": _HEALTH,
    "s-medical-facilities-clinics": _HEALTH,
    "s-medical-facilities-stations": _HEALTH,
    "s-medical-facilities-inpatient": _HEALTH,
    "s-childrens-home-beds": "th: health-care-in-detention; gr: children",
    "s-medical-personnel": _STAFF,
    "s-medical-personnel-doctors": _STAFF,
    "s-medical-personnel-nurses": _STAFF,
    "s-medical-personnel-junior": _STAFF,
    "s-legal-acts-medical": _HEALTH,
    "s-military-screened": "gr: military-personnel; sdg: 3.8",
}

# --------------------------------------------------------------- authorities


def A(
    id: str,
    name: str,
    kind: AK,
    *,
    parent: str | None = None,
    aliases: tuple[str, ...] = (),
    state: str | None = "KAZ",
) -> cd.Authority:
    return cd.Authority(id=id, name=name, kind=kind, parent=parent, aliases=aliases, state=state)


AUTHORITIES = (
    A("kz-parliament", "Parliament", AK.PARLIAMENT),
    A(
        "kz-majilis",
        "Majilis",
        AK.PARLIAMENT,
        parent="kz-parliament",
        aliases=("the lower house of Parliament",),
    ),
    A("kz-president", "President", AK.HEAD_OF_STATE),
    A("kz-government", "Government", AK.GOVERNMENT),
    A(
        "kz-procurator-general",
        "Procurator General",
        AK.PROCURACY,
        aliases=("procurators", "procuratorial authorities", "duty procurator"),
    ),
    A(
        "kz-ministry-internal-affairs",
        "Ministry of Internal Affairs",
        AK.MINISTRY,
        aliases=("Minister of Internal Affairs",),
    ),
    A("kz-financial-monitoring-agency", "Financial Monitoring Agency", AK.AGENCY),
    A("kz-anti-corruption-agency", "Anti-Corruption Agency", AK.AGENCY),
    A("kz-ministry-health", "Ministry of Health", AK.MINISTRY, aliases=("Minister of Health",)),
    A("kz-ministry-justice", "Ministry of Justice", AK.MINISTRY),
    A(
        "kz-forensic-expertise-centre",
        "Forensic Expertise Centre",
        AK.AGENCY,
        parent="kz-ministry-justice",
    ),
    A("kz-ministry-defence", "Ministry of Defence", AK.MINISTRY, aliases=("Minister of Defence",)),
    A(
        "kz-armed-forces",
        "armed forces",
        AK.MILITARY,
        aliases=("commanders of military units", "troops"),
    ),
    A("kz-military-police", "military police", AK.MILITARY),
    A(
        "kz-law-enforcement-academy",
        "Academy of Law Enforcement Agencies",
        AK.ACADEMIC,
        aliases=("Law Enforcement Academy",),
    ),
    A("kz-courts", "courts", AK.COURT),
    A("kz-supreme-court", "Supreme Court", AK.COURT, parent="kz-courts"),
    A(
        "kz-penal-system",
        "penal system",
        AK.PENITENTIARY,
        aliases=("penal institutions", "prison psychologists"),
    ),
    A("kz-local-authorities", "local authorities", AK.LOCAL_AUTHORITY),
    A("kz-ombudsman", "Ombudsman's Office", AK.OMBUDSPERSON),
    A("kz-npm", "national preventive mechanism", AK.NATIONAL_PREVENTIVE_MECHANISM),
    A(
        "serbsky-centre",
        "Serbsky National Research Centre for Psychiatry and Drug Dependence",
        AK.ACADEMIC,
        state=None,
    ),
    A("coalition-against-torture", "Coalition against Torture", AK.CIVIL_SOCIETY, state=None),
    A("council-of-europe", "Council of Europe", AK.INTERNATIONAL_ORGANIZATION, state=None),
)

# --------------------------------------------------------------- instruments

PG, MIA, FMA, ACA = (
    "kz-procurator-general",
    "kz-ministry-internal-affairs",
    "kz-financial-monitoring-agency",
    "kz-anti-corruption-agency",
)
MOH, MOD = "kz-ministry-health", "kz-ministry-defence"


def order(
    issuer: str | None, no: str | None, date: cd.PartialDate | None, p: int, quote: str
) -> cd.Issuance:
    return cd.Issuance(issuer=issuer, number=no, date=date, source=C.span(p, quote))


def I(
    id: str,
    kind: IK,
    title: str,
    *,
    issuances: tuple[cd.Issuance, ...] = (),
    status: IS | None = None,
    period: cd.Period | None = None,
    amends: tuple[str, ...] = (),
    part_of: str | None = None,
    aliases: tuple[str, ...] = (),
    jurisdiction: str | None = "KAZ",
) -> cd.LegalInstrument:
    return cd.LegalInstrument(
        id=id,
        kind=kind,
        title=title,
        issuances=issuances,
        status=status,
        period=period,
        amends=amends,
        part_of=part_of,
        aliases=aliases,
        jurisdiction=jurisdiction,
    )


CRIMINAL_CODE, CCP, PEC = "kz-criminal-code", "kz-code-criminal-procedure", "kz-penalties-code"

INSTRUMENTS = (
    I(CRIMINAL_CODE, IK.CODE, "Criminal Code", status=IS.IN_FORCE),
    I(CCP, IK.CODE, "Code of Criminal Procedure", status=IS.IN_FORCE, aliases=("Code",)),
    I(PEC, IK.CODE, "Penalties Enforcement Code", status=IS.IN_FORCE),
    I(
        "kz-bill-optimization-codes",
        IK.BILL,
        "bill to amend certain legislative acts on the optimization of the Criminal Code, the "
        "Code of Criminal Procedure and Penalties Enforcement Code",
        status=IS.BILL,
        amends=(CRIMINAL_CODE, CCP, PEC),
    ),
    I("kz-constitution", IK.CONSTITUTION, "Constitution", status=IS.IN_FORCE),
    I("kz-advocacy-act", IK.LAW, "Advocacy and Legal Assistance Act", status=IS.IN_FORCE),
    I(
        "kz-bill-powers-of-lawyers",
        IK.BILL,
        "legislative amendments to expand the powers of lawyers in criminal proceedings",
        status=IS.BILL,
        amends=(CCP,),
    ),
    I(
        "kz-instructions-registration-brought-in",
        IK.INSTRUCTIONS,
        "instructions on the electronic registration of persons brought in",
        issuances=(
            order(
                PG,
                "162",
                D(2014, 12, 24),
                8,
                "Order No. 162 of the Procurator General of 24 December 2014",
            ),
        ),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-address-2020",
        IK.PRESIDENTIAL_ADDRESS,
        "Kazakhstan in a new reality: time for action",
        issuances=(
            order(
                "kz-president", None, D(2020, 9, 1), 9, "President’s address of 1 September 2020"
            ),
        ),
    ),
    I(
        "kz-national-action-plan-address-2020",
        IK.ACTION_PLAN,
        "national action plan to give effect to the President’s address of 1 September 2020 "
        "to the people of Kazakhstan",
        part_of="kz-address-2020",
    ),
    I(
        "kz-rules-video-surveillance",
        IK.RULES,
        "special rules to regulate the functioning of the video surveillance system",
        issuances=(
            order(PG, "46", D(2023, 1, 27), 10, "No. 46 of 27 January 2023"),
            order(MIA, "176", D(2023, 2, 21), 10, "No. 176 of 21 February 2023"),
            order(FMA, "54", D(2023, 2, 23), 10, "No. 54 of 23 February 2023"),
            order(ACA, "85", D(2023, 2, 27), 10, "No. 85 of 27 February 2023"),
        ),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-instructions-constitutional-rights",
        IK.INSTRUCTIONS,
        "instructions on ensuring respect for the constitutional rights and freedoms of citizens "
        "in criminal proceedings and during the enforcement of sentences",
        issuances=(
            order(PG, "14", D(2023, 1, 9), 15, "No. 14 of 9 January 2023"),
            order(MIA, "14", D(2023, 1, 13), 15, "No. 14 of 13 January 2023"),
            order(ACA, "19", D(2023, 1, 13), 15, "No. 19 of 13 January 2023"),
            order(FMA, "7", D(2023, 1, 16), 15, "No. 7 of 16 January 2023"),
        ),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-instructions-review-pretrial",
        IK.INSTRUCTIONS,
        "instructions on the organization of reviews of the lawfulness of pretrial "
        "investigations and criminal prosecution",
        status=IS.AMENDED,
    ),
    I(
        "kz-pg-order-237-2023",
        IK.ORDER,
        "order of the Procurator General No. 237",
        issuances=(order(PG, "237", D(2023, 12, 30), 18, "No. 237 of 30 December 2023"),),
        amends=("kz-instructions-review-pretrial",),
    ),
    I(
        "kz-presidential-order-jurisdiction",
        IK.OTHER,
        "order of the President on exclusive jurisdiction over the investigation of torture",
        issuances=(
            cd.Issuance(issuer="kz-president", source=C.span(24, "by order of the President")),
        ),
    ),
    I(
        "kz-address-2022",
        IK.PRESIDENTIAL_ADDRESS,
        "President’s address of 16 March 2022",
        issuances=(
            order("kz-president", None, D(2022, 3, 16), 24, "President’s address of 16 March 2022"),
        ),
    ),
    I(
        "kz-act-2022-11-05",
        IK.LAW,
        "Act amending certain legislative acts on the implementation of the President’s "
        "address of 16 March 2022",
        issuances=(order(None, None, D(2022, 11, 5), 24, "Act of 5 November 2022"),),
        status=IS.IN_FORCE,
        amends=(CCP,),
        part_of=None,
    ),
    I(
        "istanbul-protocol",
        IK.INTERNATIONAL_STANDARD,
        "Manual on the Effective Investigation and Documentation of Torture and Other Cruel, "
        "Inhuman or Degrading Treatment or Punishment (Istanbul Protocol)",
        aliases=("Istanbul Protocol",),
        jurisdiction=None,
    ),
    I(
        "kz-instructions-pretrial-procuracy",
        IK.INSTRUCTIONS,
        "instructions on the organization of pretrial investigations in the procurator’s office",
        issuances=(
            order(
                PG,
                "264",
                D(2022, 12, 31),
                25,
                "Order No. 264 of the Procurator General of 31 December 2022",
            ),
        ),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-action-plan-human-rights",
        IK.ACTION_PLAN,
        "Action Plan on Human Rights and the Rule of Law",
        issuances=(
            order(
                "kz-president",
                "409",
                D(2023, 12, 8),
                35,
                "Presidential Decree No. 409 of 8 December 2023",
            ),
        ),
        status=IS.ADOPTED,
    ),
    I(
        "kz-policy-framework-public-safety",
        IK.POLICY_FRAMEWORK,
        "policy framework for ensuring public safety in partnership with society",
        period=years(2024, 2028, "2024–2028"),
        status=IS.ADOPTED,
    ),
    I(
        "kz-action-plan-psychological-service",
        IK.ACTION_PLAN,
        "action plan to improve the psychological service of the penal system and strengthen "
        "psychological support for inmates",
        period=years(2022, 2024, "2022–2024"),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-plans-serious-incidents",
        IK.ACTION_PLAN,
        "plans to prevent serious incidents and malicious acts among the prison population",
        period=years(2023, 2025, "2023–2025"),
        status=IS.ADOPTED,
    ),
    I(
        "kz-penal-operating-procedures",
        IK.GUIDELINES,
        "operating procedures and guidelines for penal institutions",
        status=IS.IN_FORCE,
    ),
    I(
        "kz-decree-622-2021",
        IK.PRESIDENTIAL_DECREE,
        "on measures for the further improvement of public administration in Kazakhstan",
        issuances=(
            order(
                "kz-president",
                "622",
                D(2021, 7, 19),
                54,
                "Presidential Decree No. 622 of 19 July 2021",
            ),
        ),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-road-map-penal",
        IK.ROAD_MAP,
        "road map to improve the situation in penal institutions",
        issuances=(
            cd.Issuance(
                issuer="kz-government", source=C.span(57, "The Government has approved a road map")
            ),
        ),
        period=years(2023, 2025, "2023–2025"),
        status=IS.ADOPTED,
    ),
    I(
        "kz-health-code",
        IK.CODE,
        "Code on Public Health and the Health-Care System",
        status=IS.IN_FORCE,
    ),
    I(
        "kz-moh-order-58-2022",
        IK.RULES,
        "rules for medical examination of convicted prisoners put forward for remission of "
        "sentence on grounds of illness",
        issuances=(
            order(MOH, "58", D(2022, 6, 30), 59, "Ministry of Health Order No. 58 of 30 June 2022"),
        ),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-list-diseases-exemption",
        IK.OTHER,
        "list of diseases that are grounds for exemption from serving a sentence",
        status=IS.IN_FORCE,
    ),
    I(
        "kz-form-bodily-injury",
        IK.OTHER,
        "reporting form for recording signs of bodily injury and psychological trauma",
        status=IS.ADOPTED,
    ),
    I(
        "kz-moh-staffing-standards",
        IK.STANDARDS,
        "standard staffing levels and staffing standards for medical organizations providing "
        "medical care to persons held in remand centres and penal institutions",
        issuances=(order(MOH, None, D(2022, 8, 5), 60, "5 August 2022"),),
        status=IS.ADOPTED,
    ),
    I(
        "kz-moh-order-61-2022",
        IK.RULES,
        "rules for the provision of medical care to persons held in remand centres and penal "
        "institutions",
        issuances=(
            order(MOH, "61", D(2022, 6, 30), 61, "Ministry of Health Order No. 61 of 30 June 2022"),
        ),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-moh-order-89-2021",
        IK.RULES,
        "rules for the provision of medicines and medical devices within the guaranteed level "
        "of free medical care and additional medical care for persons held in remand prisons "
        "and penal institutions",
        issuances=(order(MOH, "89", D(2021, 8), 61, "Ministry Order No. 89 of August 2021"),),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-moh-order-194-2020",
        IK.RULES,
        "rules on admitting persons to primary health-care facilities",
        issuances=(
            order(
                MOH,
                "194/2020",
                D(2020, 11, 13),
                62,
                "Ministry of Health Order No. 194/2020 of 13 November 2020",
            ),
        ),
        status=IS.AMENDED,
    ),
    I(
        "kz-social-code",
        IK.CODE,
        "Social Code",
        issuances=(order(None, None, D(2023, 4, 20), 65, "On 20 April 2023"),),
        status=IS.ADOPTED,
        aliases=("Code",),
    ),
    I(
        "kz-mia-order-508-2014",
        IK.ORDER,
        "departmental order regarding the procedure for selecting and assigning candidates from "
        "among fellow convicted persons to care for convicted persons with category I "
        "disabilities",
        issuances=(
            order(
                MIA,
                "508",
                D(2014, 8, 13),
                66,
                "Ministry of Internal Affairs Order No. 508 of 13 August 2014",
            ),
        ),
        status=IS.AMENDED,
    ),
    I(
        "kz-mod-orders",
        IK.ORDER,
        "orders of the Minister of Defence",
        issuances=(
            cd.Issuance(issuer=MOD, source=C.span(67, "orders of the Minister of Defence")),
        ),
    ),
    I(
        "kz-programme-take-care-of-life",
        IK.PROGRAMME,
        "interdepartmental programme entitled “Take care of life”",
    ),
    I(
        "kz-action-plan-take-care-of-life",
        IK.ACTION_PLAN,
        "action plan for the implementation of the interdepartmental programme entitled "
        "“Take care of life”",
        part_of="kz-programme-take-care-of-life",
        status=IS.IN_FORCE,
    ),
    I(
        "kz-mod-procedure-targeted-prevention",
        IK.OTHER,
        "procedure for the targeted prevention of violations",
        issuances=(order(MOD, None, D(2023, 12, 14), 68, "14 December 2023"),),
        status=IS.IN_FORCE,
    ),
    I(
        "kz-gov-decision-789-2018",
        IK.GOVERNMENT_DECISION,
        "Government Decision approving the fourth periodic report under the Convention against "
        "Torture",
        issuances=(
            order(
                "kz-government",
                "789",
                D(2018, 11, 27),
                79,
                "Government Decision No. 789 of 27 November 2018",
            ),
        ),
        status=IS.ADOPTED,
    ),
    I(
        "convention-against-torture",
        IK.INTERNATIONAL_TREATY,
        "Convention against Torture",
        aliases=("Convention",),
        jurisdiction=None,
        status=IS.IN_FORCE,
    ),
)

# ----------------------------------------------------------------- citations

_CITES: list[tuple[str, int, str, str, int]] = [
    # (instrument, paragraph, quote, provisions, nth)
    ("kz-bill-optimization-codes", 1, "a bill to amend certain legislative acts", "", 1),
    (CRIMINAL_CODE, 1, "the Criminal Code", "", 1),
    (CCP, 1, "the Code of Criminal Procedure", "", 1),
    (PEC, 1, "Penalties Enforcement Code", "", 1),
    ("kz-bill-optimization-codes", 2, "The bill", "", 1),
    (
        CRIMINAL_CODE,
        2,
        "articles 50, 63, 72 and 73 of the Criminal Code",
        "articles 50, 63, 72 and 73",
        1,
    ),
    ("kz-constitution", 3, "The Constitution", "", 1),
    ("kz-advocacy-act", 3, "The Advocacy and Legal Assistance Act", "", 1),
    (CCP, 4, "the Code of Criminal Procedure", "", 1),
    (CCP, 4, "(Code, art. 68)", "article 68", 1),
    ("kz-advocacy-act", 5, "The Advocacy and Legal Assistance Act", "", 1),
    (
        "kz-bill-powers-of-lawyers",
        6,
        "legislative amendments to expand the powers of lawyers",
        "",
        1,
    ),
    (CCP, 7, "the Code of Criminal Procedure", "", 1),
    (CCP, 7, "(Code, art. 112)", "article 112", 1),
    (CCP, 8, "article 129 of the Code", "article 129", 1),
    (
        "kz-instructions-registration-brought-in",
        8,
        "the instructions on the electronic registration of persons brought in",
        "",
        1,
    ),
    (
        "kz-national-action-plan-address-2020",
        9,
        "paragraph 107 of the national action plan",
        "paragraph 107",
        1,
    ),
    ("kz-address-2020", 9, "President’s address of 1 September 2020", "", 1),
    ("kz-rules-video-surveillance", 10, "special rules", "", 1),
    ("kz-rules-video-surveillance", 11, "The rules", "", 1),
    ("kz-rules-video-surveillance", 12, "the rules", "", 1),
    (CCP, 13, "The Code of Criminal Procedure", "", 1),
    (CRIMINAL_CODE, 14, "article 414 of the Criminal Code", "article 414", 1),
    (
        "kz-instructions-constitutional-rights",
        15,
        "the instructions on ensuring respect for the constitutional rights",
        "",
        1,
    ),
    ("kz-instructions-constitutional-rights", 16, "The instructions", "", 1),
    (CCP, 17, "articles 131 and 147 of the Code of Criminal Procedure", "articles 131 and 147", 1),
    (
        "kz-instructions-review-pretrial",
        18,
        "the instructions on the organization of reviews",
        "",
        1,
    ),
    (
        "kz-pg-order-237-2023",
        18,
        "order of the Procurator General, No. 237 of 30 December 2023",
        "",
        1,
    ),
    ("kz-presidential-order-jurisdiction", 24, "by order of the President", "", 1),
    (CCP, 24, "the Code of Criminal Procedure", "", 1),
    ("kz-act-2022-11-05", 24, "the Act of 5 November 2022", "", 1),
    ("kz-address-2022", 24, "President’s address of 16 March 2022", "", 1),
    (
        "istanbul-protocol",
        25,
        "Manual on the Effective Investigation and Documentation of Torture",
        "",
        1,
    ),
    (
        "kz-instructions-pretrial-procuracy",
        25,
        "instructions on the organization of pretrial investigations in the procurator’s office",
        "",
        1,
    ),
    ("kz-instructions-pretrial-procuracy", 26, "The instructions", "", 1),
    (CCP, 28, "article 200 of the Code of Criminal Procedure", "article 200", 1),
    (CRIMINAL_CODE, 22, "article 362 (4)", "article 362 (4)", 1),
    (CRIMINAL_CODE, 22, "article 370", "article 370", 1),
    (CRIMINAL_CODE, 22, "article 432 of the Criminal Code", "article 432", 1),
    (
        "kz-action-plan-human-rights",
        35,
        "the Action Plan on Human Rights and the Rule of Law",
        "",
        1,
    ),
    ("kz-action-plan-human-rights", 35, "The plan", "", 1),
    (
        "kz-policy-framework-public-safety",
        38,
        "the policy framework for ensuring public safety",
        "",
        1,
    ),
    (
        "kz-action-plan-psychological-service",
        49,
        "An action plan to improve the psychological service",
        "",
        1,
    ),
    (
        "kz-plans-serious-incidents",
        50,
        "Plans have been approved to prevent serious incidents",
        "",
        1,
    ),
    ("kz-penal-operating-procedures", 51, "Eleven operating procedures and guidelines", "", 1),
    (CRIMINAL_CODE, 42, "the Criminal Code", "", 1),
    ("kz-decree-622-2021", 54, "Presidential Decree No. 622 of 19 July 2021", "", 1),
    ("kz-road-map-penal", 57, "a road map to improve the situation in penal institutions", "", 1),
    ("kz-health-code", 58, "Code on Public Health and the Health-Care System", "", 1),
    ("kz-moh-order-58-2022", 59, "The rules for medical examination of convicted prisoners", "", 1),
    ("kz-moh-order-58-2022", 59, "the rules", "", 1),
    (
        "kz-list-diseases-exemption",
        59,
        "the list of diseases that are grounds for exemption",
        "",
        1,
    ),
    ("kz-form-bodily-injury", 59, "A reporting form for recording signs of bodily injury", "", 1),
    ("istanbul-protocol", 59, "the principles of the Istanbul Protocol", "", 1),
    ("kz-moh-staffing-standards", 60, "an order on 5 August 2022", "", 1),
    ("kz-moh-order-61-2022", 61, "The rules for the provision of medical care", "", 1),
    (
        "kz-moh-order-89-2021",
        61,
        "the rules for the provision of medicines and medical devices",
        "",
        1,
    ),
    (
        "kz-moh-order-194-2020",
        62,
        "the rules on admitting persons to primary health-care facilities",
        "",
        1,
    ),
    ("kz-social-code", 65, "the Social Code", "", 1),
    ("kz-social-code", 66, "the Code", "", 1),
    ("kz-mia-order-508-2014", 66, "the departmental order", "", 1),
    ("kz-mod-orders", 67, "the orders of the Minister of Defence", "", 1),
    ("kz-action-plan-take-care-of-life", 67, "the action plan for the implementation", "", 1),
    (
        "kz-programme-take-care-of-life",
        67,
        "interdepartmental programme entitled “Take care of life”",
        "",
        1,
    ),
    (
        "kz-mod-procedure-targeted-prevention",
        68,
        "the procedure for the targeted prevention of violations",
        "",
        1,
    ),
    (CRIMINAL_CODE, 70, "the Criminal Code", "", 1),
    ("kz-gov-decision-789-2018", 79, "Government Decision No. 789 of 27 November 2018", "", 1),
    ("convention-against-torture", 79, "the Convention against Torture", "", 1),
    ("convention-against-torture", 80, "article 19 of the Convention", "article 19", 1),
]


def citations() -> tuple[cd.Citation, ...]:
    out = []
    seen: dict[int, int] = {}
    for instrument, p, quote, provisions, nth in _CITES:
        seen[p] = seen.get(p, 0) + 1
        out.append(
            cd.Citation(
                id=f"c-{p}-{seen[p]}",
                instrument=instrument,
                provisions=cd.parse_provisions(provisions) if provisions else (),
                source=C.span(p, quote, None if nth == 1 else nth),
            )
        )
    return tuple(out)


# ------------------------------------------------------------------ measures

_MEASURES: list[tuple] = [
    # (id, paragraphs, category, kind, status, description, authorities, instruments, answers,
    #  extras)
    (
        "m-bill-torture-definition",
        (1, 2),
        MC.LEGISLATIVE,
        MK.BILL_SUBMITTED,
        MS.BEFORE_PARLIAMENT,
        "Bill amending the Criminal Code, the Code of Criminal Procedure and the Penalties "
        "Enforcement Code on torture (lifetime ban from law enforcement, no suspended sentences, "
        "parole or commutation) submitted to the Majilis",
        ("kz-majilis",),
        ("kz-bill-optimization-codes", CRIMINAL_CODE, CCP, PEC),
        (rec(10),),
        {},
    ),
    (
        "m-judicial-protection-legal-aid",
        (3,),
        MC.LEGISLATIVE,
        MK.LEGAL_FRAMEWORK,
        MS.IN_OPERATION,
        "Constitutional right to judicial protection and statutory right to qualified legal "
        "assistance, free of charge where the law provides",
        (),
        ("kz-constitution", "kz-advocacy-act"),
        S11_15,
        {},
    ),
    (
        "m-right-to-defence-24h",
        (4,),
        MC.LEGISLATIVE,
        MK.LEGAL_FRAMEWORK,
        MS.IN_OPERATION,
        "Right to a defence: another lawyer offered, or one appointed, when the chosen defence "
        "lawyer cannot appear within 24 hours of detention",
        (),
        (CCP,),
        S11_15,
        {},
    ),
    (
        "m-confidential-lawyer-meetings",
        (5,),
        MC.LEGISLATIVE,
        MK.LEGAL_FRAMEWORK,
        MS.IN_OPERATION,
        "Counsel may meet the defendant in private and confidentially without limit on number or "
        "duration of meetings",
        (),
        ("kz-advocacy-act",),
        S11_15,
        {},
    ),
    (
        "m-bill-powers-of-lawyers",
        (6,),
        MC.LEGISLATIVE,
        MK.BILL_SUBMITTED,
        MS.BEFORE_PARLIAMENT,
        "Legislative amendments expanding lawyers' powers in criminal proceedings (expert "
        "examinations, questions to experts, access to case files, defence statement) before "
        "Parliament",
        ("kz-parliament",),
        ("kz-bill-powers-of-lawyers",),
        S11_15,
        {},
    ),
    (
        "m-inadmissible-evidence",
        (7,),
        MC.LEGISLATIVE,
        MK.LEGAL_FRAMEWORK,
        MS.IN_OPERATION,
        "Information obtained by misleading a person about their rights is inadmissible as "
        "evidence",
        (),
        (CCP,),
        S11_15,
        {},
    ),
    (
        "m-custody-three-hours",
        (8,),
        MC.LEGISLATIVE,
        MK.LEGAL_FRAMEWORK,
        MS.IN_OPERATION,
        "Custody as a procedural coercive measure limited to three hours",
        (),
        (CCP,),
        S11_15,
        {},
    ),
    (
        "m-electronic-registration-brought-in",
        (8,),
        MC.ADMINISTRATIVE,
        MK.MONITORING_AND_OVERSIGHT,
        MS.IN_OPERATION,
        "Electronic information system recording persons brought in to law enforcement agencies, "
        "to monitor the length of custody",
        ("kz-procurator-general",),
        ("kz-instructions-registration-brought-in",),
        S11_15,
        {},
    ),
    (
        "m-video-surveillance",
        (9,),
        MC.ADMINISTRATIVE,
        MK.INFRASTRUCTURE,
        MS.IN_OPERATION,
        "Continuous video surveillance introduced in all law enforcement and prison facilities; "
        "equipping of the prison system to be completed in 2023",
        (),
        ("kz-national-action-plan-address-2020", "kz-address-2020"),
        S11_15,
        {"expected_completion": D(2023), "series": ("s-cameras",)},
    ),
    (
        "m-video-surveillance-rules",
        (10, 11, 12),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.IN_OPERATION,
        "Joint rules on the video surveillance system: round-the-clock and daily monitoring, "
        "storage, backup power, procurators' online access, sealed server rooms",
        (PG, MIA, FMA, ACA),
        ("kz-rules-video-surveillance",),
        S11_15,
        {"date": D(2023, 2, 27)},
    ),
    (
        "m-medical-examination-on-arrest",
        (13,),
        MC.LEGISLATIVE,
        MK.LEGAL_FRAMEWORK,
        MS.IN_OPERATION,
        "Compulsory medical examination at arrest and on placement in a temporary holding "
        "facility, results attached to the arrest record",
        (),
        (CCP,),
        S11_15,
        {},
    ),
    (
        "m-crime-failure-to-inform",
        (14,),
        MC.LEGISLATIVE,
        MK.LEGAL_FRAMEWORK,
        MS.IN_OPERATION,
        "Failure to inform relatives of detention, refusal to disclose place of custody and "
        "falsification of arrest times punishable as crimes",
        (),
        (CRIMINAL_CODE,),
        S11_15,
        {},
    ),
    (
        "m-instructions-constitutional-rights",
        (15, 16),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.IN_OPERATION,
        "Joint instructions on respect for constitutional rights in criminal proceedings: "
        "body-worn cameras, transparent investigation rooms, personal responsibility of senior "
        "officers, procurator visits, ban on interviews without procedural status",
        (PG, MIA, ACA, FMA),
        ("kz-instructions-constitutional-rights",),
        S11_15,
        {"date": D(2023, 1, 16)},
    ),
    (
        "m-duty-procurator",
        (17,),
        MC.ADMINISTRATIVE,
        MK.MONITORING_AND_OVERSIGHT,
        MS.IN_OPERATION,
        "Procurators review the lawfulness of detention and remand; a duty procurator on law "
        "enforcement premises",
        (PG,),
        (CCP,),
        S11_15,
        {"series": ("s-released-office", "s-released-thf")},
    ),
    (
        "m-procurators-interview-detainees",
        (18,),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.ADOPTED,
        "Procurators required to interview all detainees and investigate torture allegations when "
        "authorizing remand in custody",
        (PG,),
        ("kz-instructions-review-pretrial", "kz-pg-order-237-2023"),
        S11_15,
        {"date": D(2023, 12, 30)},
    ),
    (
        "m-sanctions-pretrial-officials",
        (19,),
        MC.JUDICIAL,
        MK.INVESTIGATION_PROSECUTION_DISCIPLINE,
        MS.COMPLETED,
        "Disciplinary sanctions on officials of pretrial investigation bodies on procurators' "
        "reports of violations of constitutional rights",
        (PG,),
        (),
        S11_15,
        {"series": ("s-sanctions-pretrial",)},
    ),
    (
        "m-january-deaths-investigated",
        (20, 21),
        MC.JUDICIAL,
        MK.INVESTIGATION_PROSECUTION_DISCIPLINE,
        MS.COMPLETED,
        "Pretrial investigations into all deaths in the events related to the January riots",
        (),
        (),
        S11_15,
        {"series": ("s-january-deaths",)},
    ),
    (
        "m-torture-investigations-prosecutions",
        (22, 23),
        MC.JUDICIAL,
        MK.INVESTIGATION_PROSECUTION_DISCIPLINE,
        MS.ONGOING,
        "Pretrial investigations, prosecutions and convictions for torture and abuse of "
        "authority; further cases pending and investigations continuing",
        ("kz-courts",),
        (CRIMINAL_CODE,),
        S11_15,
        {"series": ("s-torture-investigations", "s-torture-court-cases", "s-torture-pending")},
    ),
    (
        "m-procuracy-exclusive-jurisdiction",
        (24,),
        MC.ADMINISTRATIVE,
        MK.INSTITUTIONAL_CHANGE,
        MS.IN_OPERATION,
        "Procuratorial authorities assigned exclusive jurisdiction over the investigation of "
        "torture from 1 January 2023",
        ("kz-president", PG),
        ("kz-presidential-order-jurisdiction",),
        S11_15,
        {"date": D(2023, 1, 1)},
    ),
    (
        "m-ccp-amended-2022",
        (24,),
        MC.LEGISLATIVE,
        MK.LAW_AMENDMENT,
        MS.IN_OPERATION,
        "Code of Criminal Procedure amended by the Act of 5 November 2022 to match the new "
        "jurisdiction",
        (),
        ("kz-act-2022-11-05", CCP, "kz-address-2022"),
        S11_15,
        {"date": D(2022, 11, 5)},
    ),
    (
        "m-instructions-pretrial-procuracy",
        (25, 26),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.IN_OPERATION,
        "Instructions on pretrial investigations in the procurator's office, following the "
        "Istanbul Protocol: urgent investigative actions, forensic examinations, security measures",
        (PG,),
        ("kz-instructions-pretrial-procuracy", "istanbul-protocol"),
        S11_15,
        {"date": D(2022, 12, 31)},
    ),
    (
        "m-mobile-groups",
        (27,),
        MC.ADMINISTRATIVE,
        MK.INSTITUTIONAL_CHANGE,
        MS.IN_OPERATION,
        "Special mobile groups set up throughout the country travel to the scene when torture is "
        "reported",
        (),
        (),
        S11_15,
        {},
    ),
    (
        "m-procurator-submissions-sanctions",
        (28,),
        MC.JUDICIAL,
        MK.INVESTIGATION_PROSECUTION_DISCIPLINE,
        MS.COMPLETED,
        "Procurators' submissions to remedy circumstances contributing to torture, and resulting "
        "disciplinary sanctions",
        (PG,),
        (CCP,),
        S11_15,
        {"series": ("s-procurator-submissions", "s-sanctions-submissions")},
    ),
    (
        "m-training-investigation-torture",
        (29,),
        MC.ADMINISTRATIVE,
        MK.TRAINING,
        MS.COMPLETED,
        "Training sessions and a round table on investigating torture, with civil society, the "
        "Council of Europe and the Supreme Court",
        (),
        (),
        S11_15,
        {},
    ),
    (
        "m-training-duty-procurators",
        (30, 31),
        MC.ADMINISTRATIVE,
        MK.TRAINING,
        MS.COMPLETED,
        "Special training for duty procurators at the Law Enforcement Academy on 21 and 22 "
        "September 2023",
        ("kz-law-enforcement-academy",),
        (),
        S11_15,
        {"date": D(2023, 9, 21)},
    ),
    (
        "m-research-study-prevention",
        (32,),
        MC.ADMINISTRATIVE,
        MK.TRAINING,
        MS.COMPLETED,
        "Interdepartmental research study on preventing torture offences, with guidance "
        "recommendations for senior staff",
        ("kz-law-enforcement-academy",),
        (),
        S11_15,
        {},
    ),
    (
        "m-training-forensic-experts",
        (33,),
        MC.ADMINISTRATIVE,
        MK.TRAINING,
        MS.ONGOING,
        "Regular advanced training of forensic experts, psychiatrists and psychologists on "
        "examinations related to torture",
        ("kz-forensic-expertise-centre",),
        (),
        S11_15,
        {},
    ),
    (
        "m-training-module-mental-health",
        (34,),
        MC.ADMINISTRATIVE,
        MK.TRAINING,
        MS.ONGOING,
        "Training with a module on mental health disorders of victims of violence and abuse",
        ("serbsky-centre",),
        (),
        S11_15,
        {},
    ),
    (
        "m-action-plan-human-rights",
        (35,),
        MC.ADMINISTRATIVE,
        MK.POLICY_OR_PLAN,
        MS.ADOPTED,
        "Action Plan on Human Rights and the Rule of Law, including prevention of ill-treatment",
        ("kz-president",),
        ("kz-action-plan-human-rights",),
        S11_15,
        {"date": D(2023, 12, 8)},
    ),
    # paragraph 21
    (
        "m-separation-of-detainees",
        (36,),
        MC.ADMINISTRATIVE,
        MK.OTHER,
        MS.IN_OPERATION,
        "Separation of men and women, juveniles and adults, and first-time and repeat prisoners "
        "in detention facilities",
        (),
        (),
        (rec(21),),
        {},
    ),
    (
        "m-cells-instead-of-barracks",
        (37,),
        MC.ADMINISTRATIVE,
        MK.INFRASTRUCTURE,
        MS.ONGOING,
        "Switch from barracks to cell confinement; construction of eight housing units in four "
        "facilities begun in 2023",
        (),
        (),
        (rec(21),),
        {
            "series": (
                "s-facilities-with-cells",
                "s-persons-in-cells",
                "s-housing-units-construction",
                "s-housing-units-facilities",
            )
        },
    ),
    (
        "m-new-institutions-planned",
        (38,),
        MC.ADMINISTRATIVE,
        MK.POLICY_OR_PLAN,
        MS.PLANNED,
        "New remand centres and multi-regime facilities and overhaul of existing facilities "
        "planned under the public safety policy framework 2024–2028",
        (),
        ("kz-policy-framework-public-safety",),
        (rec(21),),
        {
            "period": years(2024, 2028, "2024–2028"),
            "series": (
                "s-new-institutions-planned",
                "s-new-institutions-planned-mr",
            ),
        },
    ),
    (
        "m-ppp-construction",
        (39,),
        MC.ADMINISTRATIVE,
        MK.INFRASTRUCTURE,
        MS.ONGOING,
        "Construction of facilities with 1,500 places through a public-private partnership, to "
        "raise the share of prisoners held in cells",
        (),
        (),
        (rec(21),),
        {
            "series": (
                "s-ppp-places",
                "s-share-in-cells",
                "s-persons-in-cells",
                "s-share-in-cells-target",
                "s-persons-in-cells-target",
            )
        },
    ),
    (
        "m-sanitary-conditions",
        (40,),
        MC.ADMINISTRATIVE,
        MK.INFRASTRUCTURE,
        MS.ONGOING,
        "Improvement of technical and sanitary conditions; modular buildings and housing units",
        ("kz-penal-system",),
        (),
        (rec(21),),
        {},
    ),
    # paragraph 24
    (
        "m-injuries-investigated",
        (41,),
        MC.ADMINISTRATIVE,
        MK.MONITORING_AND_OVERSIGHT,
        MS.IN_OPERATION,
        "Every bodily injury investigated; immediate medical examination, findings registered "
        "and the victim informed",
        (),
        (),
        (rec(24),),
        {},
    ),
    (
        "m-injuries-deaths-recorded",
        (42,),
        MC.JUDICIAL,
        MK.INVESTIGATION_PROSECUTION_DISCIPLINE,
        MS.IN_OPERATION,
        "Injuries and deaths of inmates recorded in the electronic crime record book and "
        "investigated",
        (),
        (CRIMINAL_CODE,),
        (rec(24),),
        {},
    ),
    (
        "m-official-investigations-incidents",
        (43, 44),
        MC.ADMINISTRATIVE,
        MK.INVESTIGATION_PROSECUTION_DISCIPLINE,
        MS.ONGOING,
        "Official investigations into serious incidents in penal institutions and disciplinary "
        "action against officials",
        ("kz-penal-system",),
        (),
        (rec(24),),
        {"series": ("s-internal-investigations", "s-officials-disciplined-penal")},
    ),
    (
        "m-disease-control",
        (45,),
        MC.ADMINISTRATIVE,
        MK.SERVICE_PROVISION,
        MS.IN_OPERATION,
        "Disease control maintained in remand prisons",
        (),
        (),
        (rec(24),),
        {"series": ("s-deaths-disease",)},
    ),
    (
        "m-suicide-prevention",
        (46, 48),
        MC.ADMINISTRATIVE,
        MK.SERVICE_PROVISION,
        MS.IN_OPERATION,
        "Interviews to identify suicidal tendencies, psychological support and daily medical "
        "rounds",
        (),
        (),
        (rec(24),),
        {
            "series": (
                "s-suicides",
                "s-suicide-attempts-prevented",
                "s-suicide-attempts-prevented-video",
            )
        },
    ),
    (
        "m-confidential-medical-examination",
        (47,),
        MC.ADMINISTRATIVE,
        MK.SERVICE_PROVISION,
        MS.IN_OPERATION,
        "Confidential medical examination out of sight of police and prison staff, at the "
        "request of the person examined",
        (),
        (),
        (rec(24),),
        {},
    ),
    (
        "m-action-plan-psychological-service",
        (49,),
        MC.ADMINISTRATIVE,
        MK.POLICY_OR_PLAN,
        MS.ONGOING,
        "Action plan 2022–2024 to improve the psychological service of the penal system",
        ("kz-penal-system",),
        ("kz-action-plan-psychological-service",),
        (rec(24),),
        {"period": years(2022, 2024, "2022–2024")},
    ),
    (
        "m-plans-serious-incidents",
        (50,),
        MC.ADMINISTRATIVE,
        MK.POLICY_OR_PLAN,
        MS.ADOPTED,
        "Plans 2023–2025 to prevent serious incidents, keep video surveillance running and cut "
        "channels for prohibited items",
        (),
        ("kz-plans-serious-incidents",),
        (rec(24),),
        {"period": years(2023, 2025, "2023–2025")},
    ),
    (
        "m-operating-procedures",
        (51,),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.IN_OPERATION,
        "Operating procedures and guidelines, including on persons with suicidal tendencies and "
        "on accepting remand prisoners",
        ("kz-penal-system",),
        ("kz-penal-operating-procedures",),
        (rec(24),),
        {"series": ("s-operating-procedures",)},
    ),
    (
        "m-psychological-support",
        (52,),
        MC.ADMINISTRATIVE,
        MK.SERVICE_PROVISION,
        MS.IN_OPERATION,
        "Psychological support, counselling and mental health services by prison psychologists",
        ("kz-penal-system",),
        (),
        (rec(24),),
        {},
    ),
    (
        "m-monitoring-visits",
        (53,),
        MC.ADMINISTRATIVE,
        MK.MONITORING_AND_OVERSIGHT,
        MS.IN_OPERATION,
        "Cooperation with human rights organizations; visits to institutions by the Ombudsman's "
        "Office and the national preventive mechanism",
        ("kz-ombudsman", "kz-npm"),
        (),
        (rec(24),),
        {"series": ("s-visits-ombudsman", "s-visits-npm")},
    ),
    # paragraph 28
    (
        "m-health-care-transferred",
        (54,),
        MC.ADMINISTRATIVE,
        MK.INSTITUTIONAL_CHANGE,
        MS.COMPLETED,
        "Medical care in penal institutions and remand centres transferred from the Ministry of "
        "Internal Affairs to the Ministry of Health",
        ("kz-president", MIA, MOH),
        ("kz-decree-622-2021",),
        (rec(28),),
        {"date": D(2021, 7, 19)},
    ),
    (
        "m-medical-care-local-authorities",
        (55, 56),
        MC.ADMINISTRATIVE,
        MK.SERVICE_PROVISION,
        MS.IN_OPERATION,
        "Medical care in penal institutions provided by local authorities with the Ministry of "
        "Health; all facilities licensed; clinics, stations, hospitals and medical staff",
        ("kz-local-authorities", MOH),
        (),
        (rec(28),),
        {
            "series": (
                "s-institutions-local-care",
                "s-medical-facilities-clinics",
                "s-medical-facilities-stations",
                "s-medical-facilities-inpatient",
                "s-medical-personnel",
                "s-childrens-home-beds",
            )
        },
    ),
    (
        "m-road-map-penal",
        (57,),
        MC.ADMINISTRATIVE,
        MK.POLICY_OR_PLAN,
        MS.ADOPTED,
        "Road map 2023–2025 to improve penal institutions: medical information systems, "
        "equipment, supplies and medicines",
        ("kz-government",),
        ("kz-road-map-penal",),
        (rec(28),),
        {"period": years(2023, 2025, "2023–2025")},
    ),
    (
        "m-legal-acts-medical-care",
        (58,),
        MC.LEGISLATIVE,
        MK.LAW_AMENDMENT,
        MS.ADOPTED,
        "Legal acts on medical care for convicted persons adopted",
        (),
        ("kz-health-code",),
        (rec(28),),
        {"series": ("s-legal-acts-medical",)},
    ),
    (
        "m-rules-remission-illness",
        (59,),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.ADOPTED,
        "Rules on medical examination for release on grounds of illness and the list of "
        "qualifying diseases updated and expanded",
        (MOH,),
        ("kz-moh-order-58-2022", "kz-list-diseases-exemption"),
        (rec(28),),
        {"date": D(2022, 6, 30)},
    ),
    (
        "m-form-bodily-injury",
        (59,),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.ADOPTED,
        "Reporting form for signs of bodily injury and psychological trauma based on the "
        "Istanbul Protocol",
        (),
        ("kz-form-bodily-injury", "istanbul-protocol"),
        (rec(28),),
        {},
    ),
    (
        "m-staffing-standards",
        (60,),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.ADOPTED,
        "Staffing standards for medical organizations serving remand centres and penal "
        "institutions",
        (MOH,),
        ("kz-moh-staffing-standards",),
        (rec(28),),
        {"date": D(2022, 8, 5)},
    ),
    (
        "m-rules-medical-care-medicines",
        (61,),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.ADOPTED,
        "Rules on medical care, and on medicines and medical devices, for persons in remand "
        "centres and penal institutions",
        (MOH,),
        ("kz-moh-order-61-2022", "kz-moh-order-89-2021"),
        (rec(28),),
        {},
    ),
    (
        "m-primary-health-care-access",
        (62,),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.ADOPTED,
        "Persons detained in penal institutions admitted to primary health-care facilities",
        (MOH,),
        ("kz-moh-order-194-2020",),
        (rec(28),),
        {},
    ),
    (
        "m-diagnostic-services",
        (63,),
        MC.ADMINISTRATIVE,
        MK.SERVICE_PROVISION,
        MS.IN_OPERATION,
        "Clinics attached to primary health care; CT, MRI and PET-CT available since the 2023 "
        "transfer",
        (),
        (),
        (rec(28),),
        {},
    ),
    (
        "m-emergency-care",
        (64,),
        MC.ADMINISTRATIVE,
        MK.SERVICE_PROVISION,
        MS.IN_OPERATION,
        "Emergency medical assistance at the place of detention, transport to hospital, "
        "laboratory tests",
        (),
        (),
        (rec(28),),
        {},
    ),
    (
        "m-social-code-disability-care",
        (65,),
        MC.LEGISLATIVE,
        MK.LAW_AMENDMENT,
        MS.ADOPTED,
        "Social Code: care for convicted persons with category I disability by fellow inmates, "
        "with care allowances",
        (),
        ("kz-social-code",),
        (rec(28),),
        {"date": D(2023, 4, 20)},
    ),
    (
        "m-order-508-amended",
        (66,),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.ADOPTED,
        "Order on selecting fellow convicted persons as carers amended to implement the Social "
        "Code",
        (MIA,),
        ("kz-mia-order-508-2014", "kz-social-code"),
        (rec(28),),
        {},
    ),
    # paragraph 44
    (
        "m-military-educational-work",
        (67,),
        MC.ADMINISTRATIVE,
        MK.TRAINING,
        MS.IN_OPERATION,
        "Educational work in the armed forces to prevent incidents and breaches of law",
        (MOD,),
        ("kz-mod-orders", "kz-action-plan-take-care-of-life", "kz-programme-take-care-of-life"),
        (rec(44),),
        {},
    ),
    (
        "m-targeted-prevention-procedure",
        (68,),
        MC.ADMINISTRATIVE,
        MK.SECONDARY_REGULATION,
        MS.IN_OPERATION,
        "Procedure for the targeted prevention of violations implemented by the troops",
        (MOD, "kz-armed-forces"),
        ("kz-mod-procedure-targeted-prevention",),
        (rec(44),),
        {"date": D(2023, 12, 14)},
    ),
    (
        "m-commanders-respond-abuse",
        (69,),
        MC.ADMINISTRATIVE,
        MK.INVESTIGATION_PROSECUTION_DISCIPLINE,
        MS.IN_OPERATION,
        "Commanders respond to abuse of authority and hazing with official investigations and "
        "punishment",
        ("kz-armed-forces",),
        (),
        (rec(44),),
        {},
    ),
    (
        "m-military-criminal-investigations",
        (70,),
        MC.JUDICIAL,
        MK.INVESTIGATION_PROSECUTION_DISCIPLINE,
        MS.IN_OPERATION,
        "Pretrial investigations by the military police and military investigation departments",
        ("kz-military-police",),
        (CRIMINAL_CODE,),
        (rec(44),),
        {},
    ),
    (
        "m-military-prevention-activities",
        (71,),
        MC.ADMINISTRATIVE,
        MK.MONITORING_AND_OVERSIGHT,
        MS.IN_OPERATION,
        "Systematic prevention in military units: campaigns, examinations of conscripts, "
        "interviews, anonymous questionnaires, calls with parents, camera monitoring",
        ("kz-armed-forces",),
        (),
        (rec(44),),
        {},
    ),
    (
        "m-military-complaints",
        (72,),
        MC.ADMINISTRATIVE,
        MK.MONITORING_AND_OVERSIGHT,
        MS.IN_OPERATION,
        "Prevention services, complaint boxes and telephone helplines in military units",
        ("kz-armed-forces",),
        (),
        (rec(44),),
        {},
    ),
    (
        "m-one-year-service",
        (73,),
        MC.ADMINISTRATIVE,
        MK.INSTITUTIONAL_CHANGE,
        MS.IN_OPERATION,
        "One-year fixed-term military service since 2005 and professionalization of the army",
        (),
        (),
        (rec(44),),
        {"date": D(2005)},
    ),
    (
        "m-single-call-up",
        (74,),
        MC.ADMINISTRATIVE,
        MK.OTHER,
        MS.IN_OPERATION,
        "Single call-up principle in military units",
        ("kz-armed-forces",),
        (),
        (rec(44),),
        {},
    ),
    (
        "m-military-wellbeing-monitoring",
        (75,),
        MC.ADMINISTRATIVE,
        MK.MONITORING_AND_OVERSIGHT,
        MS.IN_OPERATION,
        "Monitoring of personnel's mental well-being: polls, surveys, the Zhauyngerlikdos, "
        "Naparnik and Pyramid systems, case studies",
        ("kz-armed-forces",),
        (),
        (rec(44),),
        {},
    ),
    (
        "m-military-medical-examinations",
        (76, 77),
        MC.ADMINISTRATIVE,
        MK.SERVICE_PROVISION,
        MS.IN_OPERATION,
        "Annual preventive medical examinations and compulsory health check-ups of military "
        "personnel",
        ("kz-armed-forces",),
        (),
        (rec(44),),
        {"series": ("s-military-screened",)},
    ),
    # paragraphs 46, 47, 48
    (
        "m-standing-invitation",
        (78,),
        MC.OTHER,
        MK.INTERNATIONAL_COOPERATION,
        MS.IN_OPERATION,
        "Standing invitation to all special procedure mandate holders since 2009",
        (),
        (),
        (rec(46),),
        {"date": D(2009)},
    ),
    (
        "m-dissemination-report-co",
        (79,),
        MC.OTHER,
        MK.AWARENESS_AND_DISSEMINATION,
        MS.COMPLETED,
        "Fourth periodic report public on the Adilet database; report and concluding "
        "observations disseminated by the media",
        ("kz-government",),
        ("kz-gov-decision-789-2018", "convention-against-torture"),
        (rec(47),),
        {},
    ),
    (
        "m-simplified-reporting-procedure",
        (80,),
        MC.OTHER,
        MK.REPORTING_PROCEDURE,
        MS.ADOPTED,
        "Simplified reporting procedure accepted: replies to the list of issues to constitute the "
        "fifth periodic report",
        (),
        ("convention-against-torture",),
        (rec(48),),
        {},
    ),
]


def measures() -> tuple[cd.Measure, ...]:
    out = []
    for (
        mid,
        paragraphs,
        category,
        kind,
        status,
        description,
        authorities,
        instruments,
        answers,
        extras,
    ) in _MEASURES:
        out.append(
            cd.Measure(
                id=mid,
                description=description,
                category=category,
                kind=kind,
                status=status,
                authorities=tuple(authorities),
                instruments=tuple(instruments),
                answers=tuple(answers),
                evidence=C.evidence(paragraphs),
                tags=tags(MEASURE_TAGS.get(mid, "")),
                **extras,
            )
        )
    return tuple(out)


# -------------------------------------------------------------------- series


def O(
    id: str,
    p: int,
    figure: str,
    *,
    time: cd.TimeReference | None = None,
    q: Q = Q.EXACT,
    within: str | None = None,
) -> cd.Observation:
    return cd.Observation(
        id=id,
        value=number(figure),
        time=time,
        qualifier=q,
        text=figure,
        source=C.span(p, figure, within=within),
    )


def S(
    id: str,
    concept: str,
    unit: str,
    observations: tuple[cd.Observation, ...],
    *,
    kind: ValueKind = ValueKind.ACTUAL,
    breakdown: tuple[tuple[str, str], ...] = (),
    indicator: str | None = None,
) -> cd.Series:
    return cd.Series(
        id=id,
        key=cd.SeriesKey(
            concept=concept,
            unit=unit,
            value_kind=kind,
            breakdown=tuple(cd.Dimension(name=n, value=v) for n, v in breakdown),
        ),
        observations=observations,
        indicator=indicator,
    )


JAN = "persons killed in events related to the January riots"
CIV = (("status", "civilian"),)
COURT = "persons in criminal cases of torture and abuse of authority considered by the courts"
SAN = "persons subjected to disciplinary sanctions following procurators' submissions"
SUIC = "attempted suicides among the prison population prevented"
MED = "medical personnel in penal institutions"
FAC = "medical facilities for inmates of penal institutions"
Y = year

SERIES = (
    S(
        "s-cameras",
        "video surveillance cameras in operation in law enforcement and prison facilities",
        "cameras",
        (O("o-cameras", 9, "40,000", q=Q.MORE_THAN),),
    ),
    S(
        "s-released-office",
        "persons released following procurators' reviews of the lawfulness of detention",
        "persons",
        (O("o-released-office-2023", 17, "449", time=Y(2023)),),
        breakdown=(("place", "office premises"),),
    ),
    S(
        "s-released-thf",
        "persons released following procurators' reviews of the lawfulness of detention",
        "persons",
        (O("o-released-thf-2023", 17, "603", time=Y(2023)),),
        breakdown=(("place", "temporary holding facilities"),),
    ),
    S(
        "s-sanctions-pretrial",
        "officials of pretrial investigation bodies subjected to "
        "disciplinary sanctions on procurators' reports",
        "persons",
        (
            O("o-sanctions-pretrial-2022-2023", 19, "709", time=years(2022, 2023)),
            O("o-sanctions-pretrial-2022", 19, "377", time=Y(2022)),
            O("o-sanctions-pretrial-2023", 19, "332", time=Y(2023)),
        ),
    ),
    S("s-january-deaths", JAN, "persons", (O("o-jan-killed", 20, "238"),)),
    S(
        "s-january-deaths-civilians",
        JAN,
        "persons",
        (O("o-jan-civilians", 20, "219", within="219 were"),),
        breakdown=CIV,
    ),
    S(
        "s-january-deaths-officers",
        JAN,
        "persons",
        (O("o-jan-officers", 20, "19", within="and 19 were"),),
        breakdown=(("status", "security forces officer"),),
    ),
    S(
        "s-january-deaths-suspected",
        JAN,
        "persons",
        (O("o-jan-suspected", 20, "66"),),
        breakdown=CIV + (("circumstance", "suspected of taking part in the riots"),),
    ),
    S(
        "s-january-deaths-violating",
        JAN,
        "persons",
        (O("o-jan-violating", 20, "143"),),
        breakdown=CIV
        + (("circumstance", "violating state of emergency and counter-terrorism regulations"),),
    ),
    S(
        "s-january-deaths-accidental",
        JAN,
        "persons",
        (O("o-jan-accidental", 20, "22", within="including 22"),),
        breakdown=CIV
        + (
            ("circumstance", "violating state of emergency and counter-terrorism regulations"),
            ("cause", "accidental fire or traffic accident"),
        ),
    ),
    S(
        "s-january-deaths-other-crimes",
        JAN,
        "persons",
        (O("o-jan-other-crimes", 20, "4", within="4 had died"),),
        breakdown=CIV + (("circumstance", "other crimes"),),
    ),
    S(
        "s-january-deaths-torture",
        JAN,
        "persons",
        (O("o-jan-torture", 20, "6", within="6 had died"),),
        breakdown=CIV + (("circumstance", "offences classified as torture"),),
    ),
    S(
        "s-torture-investigations",
        "pretrial investigations opened into allegations of torture and abuse of authority",
        "investigations",
        (O("o-investigations-opened", 22, "337"),),
    ),
    S(
        "s-torture-investigations-terminated",
        "pretrial investigations opened into allegations of torture and abuse of authority",
        "investigations",
        (O("o-investigations-terminated", 22, "300"),),
        breakdown=(("outcome", "terminated for lack of evidence of a crime"),),
    ),
    S("s-torture-court-cases", COURT, "persons", (O("o-court-total", 22, "42"),)),
    S(
        "s-torture-convicted",
        COURT,
        "persons",
        (O("o-court-convicted-torture", 22, "35"),),
        breakdown=(("outcome", "convicted of torture"),),
    ),
    S(
        "s-malfeasance-convicted",
        COURT,
        "persons",
        (O("o-court-convicted-other", 22, "6", within="6 of other"),),
        breakdown=(("outcome", "convicted of other malfeasance"),),
    ),
    S(
        "s-malfeasance-362",
        COURT,
        "persons",
        (O("o-court-art-362", 22, "3", within="3 under"),),
        breakdown=(("outcome", "convicted of other malfeasance"), ("article", "362 (4)")),
    ),
    S(
        "s-malfeasance-370",
        COURT,
        "persons",
        (O("o-court-art-370", 22, "2", within="2 under"),),
        breakdown=(("outcome", "convicted of other malfeasance"), ("article", "370")),
    ),
    S(
        "s-malfeasance-432",
        COURT,
        "persons",
        (O("o-court-art-432", 22, "1", within="1 under"),),
        breakdown=(("outcome", "convicted of other malfeasance"), ("article", "432")),
    ),
    S(
        "s-torture-acquitted",
        COURT,
        "persons",
        (O("o-court-acquitted", 22, "1", within="1 was acquitted"),),
        breakdown=(("outcome", "acquitted"),),
    ),
    S(
        "s-torture-pending",
        "officials in criminal cases of torture pending in court",
        "persons",
        (O("o-torture-pending", 23, "5", within="5 officials"),),
    ),
    S(
        "s-procurator-submissions",
        "submissions by procurators to remedy circumstances contributing to torture",
        "submissions",
        (
            O(
                "o-submissions",
                28,
                "107",
                time=cd.Pooled(periods=(Y(2023), Y(2024)), text="In 2023 and 2024"),
            ),
        ),
    ),
    S(
        "s-sanctions-submissions",
        SAN,
        "persons",
        (
            O(
                "o-sanctions-submissions",
                28,
                "123",
                time=cd.Pooled(periods=(Y(2023), Y(2024)), text="In 2023 and 2024"),
            ),
        ),
    ),
    S(
        "s-sanctions-submissions-senior",
        SAN,
        "persons",
        (
            O(
                "o-sanctions-senior",
                28,
                "45",
                time=cd.Pooled(periods=(Y(2023), Y(2024)), text="In 2023 and 2024"),
            ),
        ),
        breakdown=(("rank", "senior official"),),
    ),
    S(
        "s-facilities-with-cells",
        "penal facilities with prison cells",
        "facilities",
        (O("o-facilities-cells", 37, "nine"),),
    ),
    S(
        "s-persons-in-cells",
        "persons confined in cells",
        "persons",
        (
            O("o-persons-cells-now", 37, "4,000", q=Q.MORE_THAN),
            O("o-persons-cells-2023", 39, "4,500", time=Y(2023)),
        ),
    ),
    S(
        "s-housing-units-construction",
        "housing units whose construction began",
        "housing units",
        (O("o-housing-units-2023", 37, "eight", time=Y(2023)),),
    ),
    S(
        "s-housing-units-facilities",
        "facilities where construction of housing units began",
        "facilities",
        (O("o-housing-facilities-2023", 37, "four", time=Y(2023)),),
    ),
    S(
        "s-new-institutions-planned",
        "new penal institutions planned",
        "institutions",
        (O("o-planned-remand", 38, "three", time=years(2024, 2028, "2024–2028")),),
        kind=ValueKind.PLAN,
        breakdown=(("type", "remand centre"),),
    ),
    S(
        "s-new-institutions-planned-mr",
        "new penal institutions planned",
        "institutions",
        (
            O(
                "o-planned-multi-regime",
                38,
                "4",
                within="4 multi",
                time=years(2024, 2028, "2024–2028"),
            ),
        ),
        kind=ValueKind.PLAN,
        breakdown=(("type", "multi-regime facility"),),
    ),
    S(
        "s-ppp-places",
        "places in facilities built through a public-private partnership",
        "places",
        (O("o-ppp-places", 39, "1,500"),),
        kind=ValueKind.PLAN,
    ),
    S(
        "s-share-in-cells",
        "share of prisoners confined in cells",
        "percent",
        (O("o-share-cells-2023", 39, "19.2", time=Y(2023)),),
    ),
    S(
        "s-share-in-cells-target",
        "share of prisoners confined in cells",
        "percent",
        (
            O(
                "o-share-cells-2030",
                39,
                "45.5",
                time=cd.Period(end=cd.PartialDate(2030), text="by 2030"),
            ),
        ),
        kind=ValueKind.TARGET,
    ),
    S(
        "s-persons-in-cells-target",
        "persons confined in cells",
        "persons",
        (
            O(
                "o-persons-cells-2030",
                39,
                "13,200",
                time=cd.Period(end=cd.PartialDate(2030), text="by 2030"),
            ),
        ),
        kind=ValueKind.TARGET,
    ),
    S(
        "s-internal-investigations",
        "internal investigations in penal institutions",
        "investigations",
        (
            O(
                "o-internal-investigations",
                44,
                "3,500",
                q=Q.APPROXIMATE,
                time=years(2021, 2023, "Over the past three years"),
            ),
        ),
    ),
    S(
        "s-officials-disciplined-penal",
        "penal system officials subjected to disciplinary action for improper fulfilment of duties",
        "persons",
        (
            O(
                "o-disciplined-penal-total",
                44,
                "400",
                q=Q.MORE_THAN,
                time=years(2021, 2023, "Over the past three years"),
            ),
            O("o-disciplined-penal-2021", 44, "167", time=Y(2021)),
            O("o-disciplined-penal-2022", 44, "128", time=Y(2022)),
            O("o-disciplined-penal-2023", 44, "109", time=Y(2023)),
        ),
    ),
    S(
        "s-deaths-disease",
        "deaths from disease among convicted persons and remand prisoners",
        "persons",
        (
            O("o-deaths-disease-2021", 48, "106", time=Y(2021)),
            O("o-deaths-disease-2022", 48, "94", time=Y(2022), within="94 in 2022"),
            O("o-deaths-disease-2023", 48, "94", time=Y(2023), within="94 in 2023"),
        ),
    ),
    S(
        "s-suicides",
        "suicides among the prison population",
        "persons",
        (
            O("o-suicides-2023", 48, "22", time=Y(2023), within="22 suicides"),
            O("o-suicides-2022", 48, "29", time=Y(2022), within="29 cases"),
        ),
    ),
    S(
        "s-suicide-attempts-prevented",
        SUIC,
        "attempts",
        (
            O("o-attempts-prevented-2023", 48, "120", time=Y(2023)),
            O("o-attempts-prevented-2022", 48, "78", time=Y(2022)),
        ),
    ),
    S(
        "s-suicide-attempts-prevented-video",
        SUIC,
        "attempts",
        (
            O("o-attempts-video-2023", 48, "23", time=Y(2023), within="including 23"),
            O("o-attempts-video-2022", 48, "7", time=Y(2022), within="(7 in 2022)"),
        ),
        breakdown=(("means", "video surveillance"),),
    ),
    S(
        "s-operating-procedures",
        "operating procedures and guidelines in use in penal institutions",
        "documents",
        (O("o-operating-procedures", 51, "Eleven"),),
    ),
    S(
        "s-visits-ombudsman",
        "visits to penal institutions by monitoring bodies",
        "visits",
        (O("o-visits-ombudsman-2023", 53, "248", time=Y(2023)),),
        breakdown=(("visitor", "Ombudsman's Office"),),
    ),
    S(
        "s-visits-npm",
        "visits to penal institutions by monitoring bodies",
        "visits",
        (O("o-visits-npm-2023", 53, "102", time=Y(2023)),),
        breakdown=(("visitor", "national preventive mechanism"),),
    ),
    S(
        "s-institutions-local-care",
        "penal institutions whose medical care is provided by local authorities",
        "institutions",
        (
            O(
                "o-institutions-local-care",
                55,
                "79",
                time=cd.Instant(date=D(2023, 1, 1), text="As at 1 January 2023"),
            ),
        ),
    ),
    S(
        "s-medical-facilities-clinics",
        FAC,
        "facilities",
        (O("o-outpatient-clinics", 56, "63"),),
        breakdown=(("type", "medical outpatient clinic"),),
    ),
    S(
        "s-medical-facilities-stations",
        FAC,
        "facilities",
        (O("o-medical-stations", 56, "16"),),
        breakdown=(("type", "medical station in open prisons"),),
    ),
    S(
        "s-medical-facilities-inpatient",
        FAC,
        "facilities",
        (O("o-inpatient", 56, "two"),),
        breakdown=(("type", "inpatient facility"),),
    ),
    S(
        "s-childrens-home-beds",
        "beds in the children's home for inmates",
        "beds",
        (O("o-childrens-home-beds", 56, "50"),),
    ),
    S("s-medical-personnel", MED, "persons", (O("o-medical-personnel", 56, "1,352"),)),
    S(
        "s-medical-personnel-doctors",
        MED,
        "persons",
        (O("o-doctors", 56, "512"),),
        breakdown=(("profession", "doctor"),),
    ),
    S(
        "s-medical-personnel-nurses",
        MED,
        "persons",
        (O("o-nurses", 56, "710"),),
        breakdown=(("profession", "nurse"),),
    ),
    S(
        "s-medical-personnel-junior",
        MED,
        "persons",
        (O("o-junior-medical", 56, "130"),),
        breakdown=(("profession", "junior medical personnel"),),
    ),
    S(
        "s-legal-acts-medical",
        "laws and regulations on medical care for convicted persons adopted",
        "legal acts",
        (O("o-legal-acts-medical", 58, "14"),),
    ),
    S(
        "s-military-screened",
        "military personnel screened in annual preventive medical examinations",
        "persons",
        (O("o-military-screened", 76, "8,000", q=Q.APPROXIMATE),),
    ),
)

P, SUB = BreakdownKind.PARTITION, BreakdownKind.SUBSET


def B(
    id: str,
    kind: BreakdownKind,
    whole: str,
    parts: tuple[str, ...],
    dimension: str,
    p: int,
    quote: str,
) -> cd.Breakdown:
    return cd.Breakdown(
        id=id, kind=kind, whole=whole, parts=parts, dimension=dimension, source=C.span(p, quote)
    )


BREAKDOWNS = (
    B(
        "b-sanctions-pretrial-years",
        P,
        "o-sanctions-pretrial-2022-2023",
        ("o-sanctions-pretrial-2022", "o-sanctions-pretrial-2023"),
        "year",
        19,
        "709 officials from pretrial investigation bodies (377 in 2022 and 332 in 2023)",
    ),
    B(
        "b-jan-status",
        P,
        "o-jan-killed",
        ("o-jan-civilians", "o-jan-officers"),
        "status",
        20,
        "238 persons were killed in events related to the January riots, of whom 219 were "
        "civilians and 19 were officers",
    ),
    B(
        "b-jan-circumstance",
        P,
        "o-jan-civilians",
        ("o-jan-suspected", "o-jan-violating", "o-jan-other-crimes", "o-jan-torture"),
        "circumstance",
        20,
        "The circumstances leading to the death of the 219 civilians",
    ),
    B(
        "b-jan-accidental",
        SUB,
        "o-jan-violating",
        ("o-jan-accidental",),
        "cause",
        20,
        "including 22 who had accidentally come under fire",
    ),
    B(
        "b-investigations-terminated",
        SUB,
        "o-investigations-opened",
        ("o-investigations-terminated",),
        "outcome",
        22,
        "Criminal proceedings were terminated in 300 cases",
    ),
    B(
        "b-court-outcome",
        P,
        "o-court-total",
        ("o-court-convicted-torture", "o-court-convicted-other", "o-court-acquitted"),
        "outcome",
        22,
        "criminal cases against 42 persons, of whom 35 were convicted",
    ),
    B(
        "b-court-malfeasance-article",
        P,
        "o-court-convicted-other",
        ("o-court-art-362", "o-court-art-370", "o-court-art-432"),
        "article",
        22,
        "(3 under article 362 (4), 2 under article 370 and 1 under article 432",
    ),
    B(
        "b-sanctions-senior",
        SUB,
        "o-sanctions-submissions",
        ("o-sanctions-senior",),
        "rank",
        28,
        "123 persons, including 45 senior officials",
    ),
    B(
        "b-disciplined-penal-years",
        P,
        "o-disciplined-penal-total",
        ("o-disciplined-penal-2021", "o-disciplined-penal-2022", "o-disciplined-penal-2023"),
        "year",
        44,
        "(167 in 2021, 128 in 2022 and 109 in 2023)",
    ),
    B(
        "b-attempts-video-2023",
        SUB,
        "o-attempts-prevented-2023",
        ("o-attempts-video-2023",),
        "means",
        48,
        "including 23",
    ),
    B(
        "b-attempts-video-2022",
        SUB,
        "o-attempts-prevented-2022",
        ("o-attempts-video-2022",),
        "means",
        48,
        "(7 in 2022)",
    ),
    B(
        "b-medical-personnel",
        P,
        "o-medical-personnel",
        ("o-doctors", "o-nurses", "o-junior-medical"),
        "profession",
        56,
        "1,352 medical personnel, of whom 512 are doctors, 710 are nurses, and 130 are junior "
        "medical personnel",
    ),
)

CHANGES = (
    cd.StatedChange(
        id="ch-suicides-2023",
        observation="o-suicides-2023",
        base="o-suicides-2022",
        direction=cd.ChangeDirection.DECREASE,
        amount=Decimal(32),
        relative=True,
        text="a decrease of 32 per cent",
        source=C.span(48, "a decrease of 32 per cent"),
    ),
)

EQUIVALENCES = (
    cd.Equivalence(
        id="eq-cells-2030",
        observations=("o-share-cells-2030", "o-persons-cells-2030"),
        source=C.span(39, "45.5 per cent, or 13,200 persons"),
    ),
    cd.Equivalence(
        id="eq-cells-2023",
        observations=("o-share-cells-2023", "o-persons-cells-2023"),
        source=C.span(39, "19.2 per cent, or 4,500 persons"),
    ),
)


def build() -> cd.Dossier:
    """The curated dossier."""
    unknown = (set(MEASURE_TAGS) - {m[0] for m in _MEASURES}) | (
        set(SERIES_TAGS) - {x.id for x in SERIES}
    )
    if unknown:
        raise ValueError(f"tags for unknown objects: {sorted(unknown)}")
    return cd.Dossier(
        id=NAME,
        title="Kazakhstan: follow-up information on CAT/C/KAZ/CO/4 (received 13 May 2024)",
        documents=DOCUMENTS,
        recommendations=RECOMMENDATIONS,
        authorities=AUTHORITIES,
        instruments=INSTRUMENTS,
        citations=citations(),
        measures=measures(),
        series=tuple(attrs.evolve(x, tags=tags(SERIES_TAGS.get(x.id, ""))) for x in SERIES),
        breakdowns=BREAKDOWNS,
        changes=CHANGES,
        equivalences=EQUIVALENCES,
    )


if __name__ == "__main__":
    dossier = build()
    target = Path(__file__).parents[1] / "src" / "catdomain" / "datasets" / "data" / f"{NAME}.json"
    target.write_text(cd.to_json(dossier), encoding="utf-8")
    print(f"wrote {target.name}: {dossier.counts()}")
