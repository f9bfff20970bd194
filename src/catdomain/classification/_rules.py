"""Keyword rules: the data `suggest_tags` matches, one file per vocabulary."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs

from catdomain._model import _validators as v

__all__ = ["RULE_FILES", "TagRule", "compile_pattern", "parse_rules", "tag_rules"]

RULE_FILES: tuple[str, ...] = (
    "themes.json",
    "groups-of-persons.json",
    "cat-articles.json",
    "cat-follow-up-purposes.json",
    "sdg.json",
)
"""The shipped rule files, under ``catdomain/classification/data/rules``."""

_REGEX_PREFIX = "re:"
_SPACE = r"[\s\u00a0\u202f]+"
_HYPHEN = "[-\u2010\u2011]"
_APOSTROPHE = "['\u2019]"
_OPEN = r"(?<!\w)(?:"
_CLOSE = r")(?!\w)"
_REGEX_ONLY = "?|\\[]{}^$+"
"""Characters that have a meaning in a regular expression and none in a phrase."""


def _body(pattern: str) -> str:
    """The regular expression of a pattern, without its word boundaries."""
    return compile_pattern(pattern).pattern[len(_OPEN) : -len(_CLOSE)]


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile one pattern of a rule: a phrase, or a regular expression after ``re:``.

    Both match case-insensitively and whole words only. In a phrase, a space
    matches any run of spaces (non-breaking ones too), a hyphen any hyphen
    (non-breaking ones too), an apostrophe a straight or curly one, and a
    ``*`` ending a word any ending ("suicid*": suicide, suicides, suicidal).

    Raises:
        ValueError: If the pattern is empty, a phrase holding a character
            that only a regular expression uses (``? | \\ [ ] { } ^ $ +``),
            or not a valid regular expression.
    """
    if not pattern.strip():
        raise ValueError("a pattern must not be empty")
    if pattern.startswith(_REGEX_PREFIX):
        body = pattern[len(_REGEX_PREFIX) :]
    else:
        special = sorted(set(pattern) & set(_REGEX_ONLY))
        if special:
            raise ValueError(
                f"phrase {pattern!r} holds {' '.join(special)}: write a regular expression "
                "as 're:…'"
            )
        parts: list[str] = []
        for char in pattern.strip():
            if char == " ":
                if parts and parts[-1] == _SPACE:
                    continue
                parts.append(_SPACE)
            elif char in "-\u2010\u2011":
                parts.append(_HYPHEN)
            elif char in "'\u2019":
                parts.append(_APOSTROPHE)
            elif char == "*":
                parts.append(r"\w*")
            else:
                parts.append(re.escape(char))
        body = "".join(parts)
    try:
        return re.compile(f"{_OPEN}{body}{_CLOSE}", re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"invalid regular expression {pattern!r}: {error}") from None


def _patterns(instance: TagRule, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for index, pattern in enumerate(value):
        try:
            compile_pattern(pattern)
        except ValueError as error:
            v.fail(instance, attribute, pattern, f"pattern {index}: {error}")


@attrs.frozen(kw_only=True)
class TagRule:
    """One keyword rule: if any of its patterns occurs in an object's text, suggest its term.

    Rules are data, kept as JSON files per vocabulary and shipped with
    catdomain (see `tag_rules`); `suggest_tags` reports for every suggestion
    the rule and the pattern that matched, and where.

    Attributes:
        id: The rule's id, ``"<vocabulary>/<term>"`` for the shipped rules.
        vocabulary: The id of the vocabulary of the term.
        term: The term suggested.
        patterns: Phrases, or regular expressions written ``"re:…"``; see
            `compile_pattern` for the syntax.

    Example:
        >>> import catdomain as cd
        >>> rule = cd.TagRule(id="themes/deaths-in-custody", vocabulary="themes",
        ...                   term="deaths-in-custody", patterns=("suicid*", "death* in custody"))
        >>> rule.search("there were 22 suicides among the prison population")
        ('suicid*', 14, 22)
    """

    id: str = attrs.field(validator=v.identifier())
    vocabulary: str = attrs.field(validator=v.identifier())
    term: str = attrs.field(validator=v.text())
    patterns: tuple[str, ...] = attrs.field(
        validator=[v.tuple_of(v.text(), min_length=1), _patterns]
    )

    @functools.cached_property
    def _compiled(self) -> tuple[tuple[str, re.Pattern[str]], ...]:
        return tuple((p, compile_pattern(p)) for p in self.patterns)

    @functools.cached_property
    def _any(self) -> re.Pattern[str]:
        """All patterns in one expression: most texts match none, and one search tells."""
        either = "|".join(f"(?:{_body(p)})" for p in self.patterns)
        return re.compile(f"{_OPEN}{either}{_CLOSE}", re.IGNORECASE)

    def search(self, text: str) -> tuple[str, int, int] | None:
        """The earliest match in `text`: the pattern, and the match's start and end offsets.

        Of matches starting at the same offset, the longest wins; None if no
        pattern occurs.
        """
        if self._any.search(text) is None:
            return None
        best: tuple[str, int, int] | None = None
        for pattern, regex in self._compiled:
            found = regex.search(text)
            if found is None:
                continue
            start, end = found.span()
            if best is None or start < best[1] or (start == best[1] and end > best[2]):
                best = (pattern, start, end)
        return best


def parse_rules(data: str | Mapping[str, Any], *, source: str = "rules") -> tuple[TagRule, ...]:
    """Read a rule file: ``{"vocabulary": id, "rules": {term: [pattern, …], …}}``.

    Each term gives one rule, with the id ``"<vocabulary>/<term>"``. Keys
    other than ``vocabulary``, ``rules`` and ``note`` are refused.

    Raises:
        ValueError: If the data does not have that shape, or a pattern is
            not valid; the message names `source` and the term.
    """
    document: Any = json.loads(data) if isinstance(data, str) else data
    if not isinstance(document, Mapping):
        raise ValueError(f"{source}: a rule file is a JSON object")
    extra = set(document) - {"vocabulary", "rules", "note"}
    if extra:
        raise ValueError(f"{source}: unknown keys {sorted(extra)}")
    vocabulary = document.get("vocabulary")
    rules = document.get("rules")
    if not isinstance(vocabulary, str) or not isinstance(rules, Mapping):
        raise ValueError(f'{source}: needs "vocabulary" (a string) and "rules" (an object)')
    found: list[TagRule] = []
    for term, patterns in rules.items():
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            raise ValueError(f"{source}: the patterns of {term!r} must be a list of strings")
        try:
            found.append(
                TagRule(
                    id=f"{vocabulary}/{term}",
                    vocabulary=vocabulary,
                    term=term,
                    patterns=tuple(patterns),
                )
            )
        except ValueError as error:
            raise ValueError(f"{source}: rule for {term!r}: {error}") from None
    return tuple(found)


@functools.cache
def _shipped() -> tuple[TagRule, ...]:
    from catdomain.classification._vocabularies import vocabulary

    found: list[TagRule] = []
    folder = resources.files("catdomain.classification").joinpath("data", "rules")
    for name in RULE_FILES:
        rules = parse_rules(folder.joinpath(name).read_text(encoding="utf-8"), source=name)
        for rule in rules:
            voc = vocabulary(rule.vocabulary)
            if rule.term not in voc:  # pragma: no cover - the shipped files are tested
                raise ValueError(f"{name}: {rule.term!r} is not a term of {voc.id!r}")
        found.extend(rules)
    return tuple(found)


def tag_rules(
    vocabulary: str | None = None, *, data: str | Mapping[str, Any] | None = None
) -> tuple[TagRule, ...]:
    """The keyword rules shipped with catdomain, or those of a rule file of your own.

    Args:
        vocabulary: Only the rules of this vocabulary (all if None).
        data: A rule file's text or its parsed JSON, in the format of the
            shipped ones, to read instead of the shipped rules.

    Returns:
        The rules, in file order.

    Raises:
        ValueError: If `data` is not a valid rule file.

    Example:
        >>> import catdomain as cd
        >>> rule = next(r for r in cd.tag_rules("sdg") if r.term == "3.4")
        >>> rule.id, rule.patterns[:2]
        ('sdg/3.4', ('suicid*', 'mental health'))
        >>> own = cd.tag_rules(data={"vocabulary": "themes",
        ...                          "rules": {"legal-aid": ["legal aid", "free legal*"]}})
        >>> [(r.id, r.patterns) for r in own]
        [('themes/legal-aid', ('legal aid', 'free legal*'))]
    """
    rules = parse_rules(data) if data is not None else _shipped()
    if vocabulary is None:
        return rules
    return tuple(r for r in rules if r.vocabulary == vocabulary)
