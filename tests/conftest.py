"""Shared test configuration and fixtures.

Hypothesis profiles, chosen with the ``HYPOTHESIS_PROFILE`` environment
variable:

- ``dev`` (the default): 100 examples per property;
- ``ci``: 50 examples, no deadline (shared runners are slow and uneven);
- ``fuzz``: 5,000 examples, for a long hunt before a release.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import settings

import catdomain as cd
from catdomain.serialization import to_json

settings.register_profile("ci", max_examples=50, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# --------------------------------------------------------------------------
# A guard against hangs (never a timing assertion: speed is the benchmarks' business)

HANG_GUARD_SECONDS = 60.0


def run_with_timeout(function: Callable[[], object], seconds: float = HANG_GUARD_SECONDS) -> None:
    """Run `function` in a daemon thread; fail if it raises or has not finished in `seconds`.

    The limit is generous on purpose: it catches catastrophic backtracking and
    endless loops, which take minutes or forever, not a slow machine.
    """
    done = threading.Event()
    errors: list[BaseException] = []

    def target() -> None:
        try:
            function()
        except BaseException as error:
            errors.append(error)
        finally:
            done.set()

    threading.Thread(target=target, daemon=True).start()
    assert done.wait(seconds), f"did not finish within {seconds:.0f} s (a hang?)"
    assert not errors, errors


@pytest.fixture
def hang_guard() -> Callable[..., None]:
    """`run_with_timeout`, for tests feeding readers inputs built to make them hang."""
    return run_with_timeout


# --------------------------------------------------------------------------
# A sample dossier touching every kind of field of the format

REPLY_TEXT = (
    "Follow-up information relating to paragraph 10\n"
    "19.\tDisciplinary sanctions were imposed on 709 officials (377 in 2022 and 332 in 2023).\n"
    "20.\tMore than 40\u00a0000 video cameras were installed as at 13 May 2024.\n"
)


def _span(quote: str, paragraph: str) -> cd.SourceSpan:
    return cd.SourceSpan.find(REPLY_TEXT, quote, document="CAT/C/KAZ/FCO/4", paragraph=paragraph)


def build_sample_dossier() -> cd.Dossier:
    """A small dossier touching every kind of field the format has."""
    co = cd.Document(
        id="CAT/C/KAZ/CO/4",
        kind=cd.DocumentKind.CONCLUDING_OBSERVATIONS,
        symbol=cd.DocumentSymbol.parse("CAT/C/KAZ/CO/4"),
        body=cd.TreatyBody.CAT,
        state="KAZ",
        adopted=cd.PartialDate(2023, 5, 10),
    )
    reply = cd.Document(
        id="CAT/C/KAZ/FCO/4",
        kind=cd.DocumentKind.FOLLOW_UP_REPLY,
        symbol=cd.DocumentSymbol.parse("CAT/C/KAZ/FCO/4"),
        body=cd.TreatyBody.CAT,
        state="KAZ",
        title="Information received from Kazakhstan on follow-up",
        received=cd.PartialDate(2024, 5, 13),
        responds_to="CAT/C/KAZ/CO/4",
        text_length=len(REPLY_TEXT),
        paragraphs=(
            cd.TextParagraph(number="19", start=52, end=141),
            cd.TextParagraph(number="20", start=145, end=len(REPLY_TEXT)),
        ),
        sections=(
            cd.Section(
                id="s-10",
                heading="Follow-up information relating to paragraph 10",
                recommendations=("CAT/C/KAZ/CO/4#10",),
                paragraphs=("19", "20"),
            ),
        ),
    )
    rec = cd.Recommendation(
        id="CAT/C/KAZ/CO/4#10",
        document="CAT/C/KAZ/CO/4",
        paragraph=10,
        subparagraphs=(cd.SubParagraph(letter="a", text="Ensure that …"),),
        selected_for_follow_up=True,
        follow_up_deadline=cd.PartialDate(2024, 5),
    )
    pg = cd.Authority(
        id="kz-procurator-general",
        name="Procurator General",
        kind=cd.AuthorityKind.PROCURACY,
        state="KAZ",
    )
    order = cd.LegalInstrument(
        id="kz-order-162",
        kind=cd.InstrumentKind.ORDER,
        title="Order No. 162",
        issuances=(
            cd.Issuance(issuer="kz-procurator-general", number="162", date=cd.PartialDate(2014)),
        ),
        period=cd.Period(start=cd.PartialDate(2024), end=cd.PartialDate(2028), text="2024–2028"),
        jurisdiction="KAZ",
    )
    citation = cd.Citation(
        id="c-1", instrument="kz-order-162", provisions=cd.parse_provisions("article 362 (4)")
    )
    obs_total = cd.Observation(
        id="o-709",
        value=Decimal("709"),
        time=cd.Period(start=cd.PartialDate(2022), end=cd.PartialDate(2023)),
        text="709",
        source=_span("709 officials", "19"),
    )
    obs_2022 = cd.Observation(id="o-377", value=Decimal(377), time=cd.Period.year(2022))
    obs_2023 = cd.Observation(id="o-332", value=Decimal(332), time=cd.Period.year(2023))
    cameras = cd.Observation(
        id="o-cameras",
        value=Decimal("4E+4"),
        qualifier=cd.Qualifier.MORE_THAN,
        status=cd.ObservationStatus.PROVISIONAL,
        time=cd.Instant(date=cd.PartialDate(2024, 5, 13), text="as at 13 May 2024"),
        text="40\u00a0000",
    )
    share = cd.Observation(
        id="o-share",
        value=Decimal("19.2"),
        time=cd.Pooled(periods=(cd.Period.year(2023), cd.Period.year(2024))),
    )
    sanctions = cd.Series(
        id="s-sanctions",
        key=cd.SeriesKey(concept="disciplinary sanctions on officials", unit="persons"),
        observations=(obs_total, obs_2022, obs_2023),
        indicator="i-sanctions",
    )
    other = cd.Series(
        id="s-cameras",
        key=cd.SeriesKey(
            concept="video cameras",
            unit="cameras",
            value_kind=cd.ValueKind.TARGET,
            breakdown=(cd.Dimension(name="place", value="remand centres"),),
        ),
        observations=(cameras, share),
    )
    return cd.Dossier(
        id="kaz-2024",
        title="Kazakhstan — follow-up to CAT/C/KAZ/CO/4",
        documents=(co, reply),
        recommendations=(rec,),
        authorities=(pg,),
        instruments=(order,),
        citations=(citation,),
        measures=(
            cd.Measure(
                id="m-discipline",
                description="Disciplinary sanctions imposed on officials",
                category=cd.MeasureCategory.JUDICIAL,
                kind=cd.MeasureKind.INVESTIGATION_PROSECUTION_DISCIPLINE,
                status=cd.MeasureStatus.COMPLETED,
                authorities=("kz-procurator-general",),
                answers=("CAT/C/KAZ/CO/4#10",),
                evidence=(_span("709 officials", "19"),),
                series=("s-sanctions",),
            ),
        ),
        indicators=(
            cd.Indicator(id="i-sanctions", name="Sanctions", type=cd.IndicatorType.PROCESS),
        ),
        series=(sanctions, other),
        breakdowns=(
            cd.Breakdown(
                id="b-1",
                kind=cd.BreakdownKind.PARTITION,
                whole="o-709",
                parts=("o-377", "o-332"),
                dimension="year",
            ),
        ),
        changes=(
            cd.StatedChange(
                id="ch-1",
                observation="o-332",
                base="o-377",
                direction=cd.ChangeDirection.DECREASE,
                amount=Decimal("11.9"),
            ),
        ),
        equivalences=(cd.Equivalence(id="eq-1", observations=("o-share", "o-cameras")),),
        assessments=(
            cd.Assessment(
                id="a-1",
                recommendation="CAT/C/KAZ/CO/4#10",
                scale="cat-implementation",
                grade="B",
                text="Initial steps taken",
            ),
        ),
    )


@pytest.fixture
def sample_dossier() -> cd.Dossier:
    """A small, hand-written dossier touching every kind of field of the JSON format."""
    return build_sample_dossier()


@pytest.fixture
def sample_document(sample_dossier: cd.Dossier) -> dict[str, Any]:
    """The sample dossier as a JSON-ready dict (a fresh one for each test)."""
    document: dict[str, Any] = json.loads(to_json(sample_dossier))
    return document
