"""The measure reader's rules: the first rule that matches decides, whatever the gates
skip, and a sentence's main clause is read with the rules its sentence allows."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from catdomain.reading import measures
from catdomain.vocab import MeasureKind, MeasureStatus

# Words of the rules, glued and cut in every way, with brackets and lead adverbials
# (which the main clause drops) and the whitespace Python splits at.
_PIECES = st.sampled_from(
    [
        "The ", "Code ", "provides ", "has been ", "adopted", "approved ", "It is planned ",
        "to build ", "training ", "seminars ", "were held ", "in 2023", "(", ")", ", ",
        "In accordance with the Law, ", "Under article 5, ", "Order No. 12 ", "bill ",
        "submitted to the Parliament", "is being implemented", "monitor", "visits ", "un",
        "re", "\u00a0", "\n", "\t", "\u2028", "HELD ", "Adopted ", ".", "punishable ",
        "draft law ", "work continues ", "is in force", "compensation ", "medical ",
        "(were held) ", "(approved by Order No. 5) ", "In accordance with the Code provides, ",
    ]
)  # fmt: skip
_SENTENCES = st.lists(_PIECES, min_size=1, max_size=12).map("".join)


def _first(rules: list[tuple[str, object]], text: str) -> object | None:
    return next((value for p, value in rules if re.search(p, text, re.IGNORECASE)), None)


def _classify_by_hand(sentence: str) -> tuple[MeasureKind, MeasureStatus] | None:
    """`_classify` as it reads without gates or lower-case copies: every rule searched
    in turn with Python's own case-insensitive matching."""
    clause = measures._clause(sentence)
    law = next(p for p, kind in measures._KIND_RULES if kind is MeasureKind.LEGAL_FRAMEWORK)
    status = _first(measures._STATUS_RULES, clause)
    if status is None and clause != sentence:
        status = _first(measures._STATUS_RULES, sentence)
    if status is None and not (
        re.search(law, clause, re.IGNORECASE)
        or (clause != sentence and re.search(law, sentence, re.IGNORECASE))
    ):
        return None
    kind = _first(measures._KIND_RULES, clause) or MeasureKind.OTHER
    if kind is MeasureKind.OTHER and clause != sentence:
        kind = _first(measures._KIND_RULES, sentence) or MeasureKind.OTHER
    if kind is MeasureKind.LEGAL_FRAMEWORK:
        status = MeasureStatus.IN_OPERATION
    assert isinstance(kind, MeasureKind)
    assert status is None or isinstance(status, MeasureStatus)
    return None if status is None else (kind, status)


@given(_SENTENCES)
@example("Seminars (were held) for judges.")  # a status in brackets only
@example("In accordance with the Code provides, staff.")  # law in force in the lead only
def test_sentences_are_classified_as_by_trying_every_rule_in_turn(sentence: str) -> None:
    assert measures._classify(sentence) == _classify_by_hand(sentence)


@given(_SENTENCES)
def test_the_rules_a_main_clause_may_match_are_among_its_sentences(sentence: str) -> None:
    clause = measures._clause(sentence)
    may = measures._RULES.may_match(sentence)
    assert measures._RULES.may_match(clause) & ~may == 0


def test_statuses_kinds_and_law_in_force_from_one_list_of_rules() -> None:
    assert measures.measure_status("The bill was submitted to the Parliament.") is (
        MeasureStatus.BEFORE_PARLIAMENT
    )
    assert measures.measure_status("Nothing to report.") is None
    assert measures._classify("The Criminal Code prohibits torture.") == (
        MeasureKind.LEGAL_FRAMEWORK,
        MeasureStatus.IN_OPERATION,
    )
    assert measures._classify("Seminars (training) were held in 2023.") == (
        MeasureKind.TRAINING,
        MeasureStatus.COMPLETED,
    )
