"""Classification: shipped vocabularies, keyword suggestions of tags, and queries by term.

The vocabularies (`vocabularies`, `vocabulary`) are package data read on first
use: the Sustainable Development Goals and their 169 targets, the articles of
the Convention against Torture, the four purposes of CAT follow-up
(CAT/C/55/3), and catdomain's themes and groups of persons. Keyword rules
(`tag_rules`), also data, drive `suggest_tags`; `apply_suggestions` merges
what they suggest. `tagged`, `measures_on`, `series_by` and
`recommendation_theme_table` query a dossier by term, narrower terms included.

Everything here is also importable from ``catdomain``.

Example:
    >>> import catdomain as cd
    >>> from catdomain import datasets
    >>> kaz = datasets.load()
    >>> [s.id for s in cd.series_by(kaz, "sdg", "16")][:2]
    ['s-released-office', 's-released-thf']
"""

from __future__ import annotations

from catdomain.classification._queries import (
    measures_on,
    recommendation_theme_table,
    series_by,
    tagged,
)
from catdomain.classification._rules import TagRule, tag_rules
from catdomain.classification._suggest import Suggestion, apply_suggestions, suggest_tags
from catdomain.classification._vocabularies import vocabularies, vocabulary

__all__ = [
    "Suggestion",
    "TagRule",
    "apply_suggestions",
    "measures_on",
    "recommendation_theme_table",
    "series_by",
    "suggest_tags",
    "tag_rules",
    "tagged",
    "vocabularies",
    "vocabulary",
]
