"""Classification: versioned vocabularies of terms, and tags that point into them.

A `Vocabulary` is data, not an enumeration: the Sustainable Development Goals
and their targets, the articles of the Convention against Torture, themes and
groups of persons. Each has an id, a version and a named source; its `Term`s
have labels in one or more languages (always English), an optional broader
term (`parent`) and `aliases` under which the term was known before (renamed
labels, former ids). A `Tag` on a recommendation, a measure or a series names
a vocabulary and a term, says who assigned it (`TagOrigin`) and may quote the
text it rests on.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import attrs

from catdomain._dates import PartialDate
from catdomain._model import _validators as v
from catdomain._model.provenance import SourceSpan
from catdomain.exceptions import ModelError
from catdomain.vocab import TagOrigin, UnknownTermPolicy

__all__ = ["Label", "Tag", "Term", "Vocabulary", "tags_field"]

_LANGUAGE = re.compile(
    r"[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
)
"""A BCP 47 language tag of the common forms: language, script, region, variants."""


def _language(instance: Any, attribute: attrs.Attribute[str], value: Any) -> None:
    if not isinstance(value, str) or not _LANGUAGE.fullmatch(value):
        v.fail(instance, attribute, value, "must be a BCP 47 language tag such as 'en' or 'en-GB'")


def _primary(language: str) -> str:
    return language.split("-", 1)[0].lower()


@attrs.frozen(kw_only=True)
class Label:
    """A term's name in one language.

    Attributes:
        language: A BCP 47 language tag ("en", "fr", "ru", "kk", "zh-Hans").
        text: The label.

    Example:
        >>> import catdomain as cd
        >>> cd.Label(language="fr", text="Conditions de détention").language
        'fr'
    """

    language: str = attrs.field(validator=_language)
    text: str = attrs.field(validator=v.text())


def _check_labels(
    instance: Term, attribute: attrs.Attribute[Any], value: tuple[Label, ...]
) -> None:
    seen: set[str] = set()
    for label in value:
        key = label.language.lower()
        if key in seen:
            v.fail(instance, attribute, label.language, "a language may have one label only")
        seen.add(key)
    if not any(_primary(label.language) == "en" for label in value):
        v.fail(instance, attribute, value, "every term needs an English label (language 'en')")


def _check_aliases(instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if len(set(value)) != len(value):
        v.fail(instance, attribute, value, "an alias may appear only once")
    if instance.id in value:
        v.fail(instance, attribute, instance.id, "an alias must differ from the id")


def _check_parent(instance: Term, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and value == instance.id:
        v.fail(instance, attribute, value, "a term cannot be its own parent")


@attrs.frozen(kw_only=True, repr=False)
class Term:
    """One term of a vocabulary: an SDG target, an article, a theme, a group of persons.

    Attributes:
        id: The term's code, stable across versions ("16.3", "12",
            "conditions-of-detention").
        labels: Its names, one per language; an English one is required.
        parent: The id of the broader term, if any (target 16.3 → goal 16).
        aliases: Other ids or labels the term was known by: former ids,
            renamed labels, labels of older versions of the source. A tag may
            use them; they resolve to this term.
        description: A longer explanation, if useful.

    Example:
        >>> import catdomain as cd
        >>> term = cd.Term(id="16.3", parent="16",
        ...                labels=(cd.Label(language="en", text="Rule of law and access to "
        ...                                 "justice"),))
        >>> term
        <Term '16.3': Rule of law and access to justice>
        >>> term.label("fr")  # falls back to English
        'Rule of law and access to justice'
    """

    id: str = attrs.field(validator=v.identifier())
    labels: tuple[Label, ...] = attrs.field(
        validator=[v.tuple_of(Label, min_length=1), _check_labels]
    )
    parent: str | None = attrs.field(
        default=None, validator=[v.optional(v.identifier()), _check_parent]
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), validator=[v.tuple_of(v.text()), _check_aliases]
    )
    description: str | None = attrs.field(default=None, validator=v.optional(v.text()))

    def label(self, language: str = "en") -> str:
        """The label in `language`, else in the same primary language, else in English.

        Args:
            language: A BCP 47 tag; "en-GB" matches a label in "en" and back.
        """
        wanted = language.lower()
        for label in self.labels:
            if label.language.lower() == wanted:
                return label.text
        for label in self.labels:
            if _primary(label.language) == _primary(wanted):
                return label.text
        return next(lbl.text for lbl in self.labels if _primary(lbl.language) == "en")

    def __repr__(self) -> str:
        return f"<Term {self.id!r}: {self.label()}>"


def _check_terms(
    instance: Vocabulary, attribute: attrs.Attribute[Any], value: tuple[Term, ...]
) -> None:
    """Ids unique, aliases naming no other term, parents resolving, no cycles."""

    def fail(field: str, bad: object, reason: str) -> None:
        raise ModelError(type(instance).__name__, field, bad, reason)

    where: dict[str, int] = {}
    for i, term in enumerate(value):
        if term.id in where:
            fail(f"terms[{i}].id", term.id, f"is already the id of terms[{where[term.id]}]")
        where[term.id] = i
    alias_of: dict[str, int] = {}
    for i, term in enumerate(value):
        for k, alias in enumerate(term.aliases):
            if alias in where:
                fail(
                    f"terms[{i}].aliases[{k}]",
                    alias,
                    f"is the id of terms[{where[alias]}]: an alias must not name another term",
                )
            if alias in alias_of:
                fail(
                    f"terms[{i}].aliases[{k}]",
                    alias,
                    f"is already an alias of terms[{alias_of[alias]}] "
                    f"({value[alias_of[alias]].id!r}): an alias names one term",
                )
            alias_of[alias] = i
    parents = {term.id: term.parent for term in value}
    for i, term in enumerate(value):
        if term.parent is None:
            continue
        if term.parent not in where:
            hint = (
                f" (it is an alias of {value[alias_of[term.parent]].id!r})"
                if (term.parent in alias_of)
                else ""
            )
            fail(
                f"terms[{i}].parent",
                term.parent,
                f"is not the id of a term of this vocabulary{hint}",
            )
        chain = [term.id]
        current: str | None = term.parent
        while current is not None:
            if current in chain:
                cycle = " → ".join([*chain[chain.index(current) :], current])
                fail(f"terms[{i}].parent", term.parent, f"makes a cycle: {cycle}")
            chain.append(current)
            current = parents.get(current)


def _check_vocabulary_aliases(
    instance: Vocabulary, attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    _check_aliases(instance, attribute, value)


@attrs.frozen(kw_only=True, repr=False)
class Vocabulary:
    """A versioned, named list of terms that tags point into.

    Checked at construction: term ids are unique, no alias names another term
    (nor two terms), every parent is the id of a term and parents make no
    cycle, every term has an English label. Lookups resolve aliases, so a tag
    written against an older version's label still finds its term; a term the
    vocabulary does not hold is never created: `term` raises `KeyError`, and
    `unknown_policy` decides whether a dossier refuses a tag using it.

    Attributes:
        id: Stable id ("sdg", "cat-articles", "themes").
        version: The version of the vocabulary ("2015", "1.0").
        valid_from: When this version took effect, if known.
        title: A readable title.
        source: Where the terms come from, named (a UN document symbol, a
            treaty, or "catdomain" for catdomain's own proposals).
        terms: The terms, broader terms before narrower ones by convention.
        unknown_policy: Refuse tags with unknown terms (a closed vocabulary),
            or keep them as written (an open one).
        aliases: Ids the vocabulary itself was known by ("affected-persons"
            for "groups-of-persons"); tags may use them.

    Example:
        >>> import catdomain as cd
        >>> def term(id, text, parent=None, aliases=()):
        ...     return cd.Term(id=id, labels=(cd.Label(language="en", text=text),),
        ...                    parent=parent, aliases=aliases)
        >>> groups = cd.Vocabulary(
        ...     id="groups", version="2", title="Groups of persons", source="catdomain",
        ...     terms=(term("detained", "Persons deprived of their liberty",
        ...                 aliases=("Persons deprived of liberty",)),
        ...            term("remand", "Pretrial detainees", parent="detained")))
        >>> groups.term("Persons deprived of liberty").id
        'detained'
        >>> groups.narrower("detained")
        ('remand',)
        >>> groups.label("remand")
        'Pretrial detainees'
        >>> groups.term("prisoners")
        Traceback (most recent call last):
        ...
        KeyError: "'prisoners' is not a term of vocabulary 'groups' (version 2)"
    """

    id: str = attrs.field(validator=v.identifier())
    version: str = attrs.field(validator=v.text())
    valid_from: PartialDate | None = attrs.field(
        default=None, validator=v.optional(v.instance_of(PartialDate))
    )
    title: str = attrs.field(validator=v.text())
    source: str = attrs.field(validator=v.text())
    terms: tuple[Term, ...] = attrs.field(validator=[v.tuple_of(Term), _check_terms])
    unknown_policy: UnknownTermPolicy = attrs.field(
        default=UnknownTermPolicy.REFUSE, validator=v.instance_of(UnknownTermPolicy)
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(), validator=[v.tuple_of(v.identifier()), _check_vocabulary_aliases]
    )
    _by_key: dict[str, Term] = attrs.field(
        init=False, repr=False, eq=False, hash=False, alias="_by_key"
    )
    _children: dict[str, tuple[str, ...]] = attrs.field(
        init=False, repr=False, eq=False, hash=False, alias="_children"
    )

    def __attrs_post_init__(self) -> None:
        by_key: dict[str, Term] = {}
        children: dict[str, list[str]] = {}
        for term in self.terms:
            by_key[term.id] = term
            if term.parent is not None:
                children.setdefault(term.parent, []).append(term.id)
        for term in self.terms:
            for alias in term.aliases:
                by_key[alias] = term
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_children", {k: tuple(c) for k, c in children.items()})

    def __repr__(self) -> str:
        """The id, version and size.

        Example:
            >>> import catdomain as cd
            >>> cd.vocabulary("cat-articles")
            <Vocabulary 'cat-articles' version 1984: 36 terms>
        """
        return f"<Vocabulary {self.id!r} version {self.version}: {len(self.terms)} terms>"

    def __len__(self) -> int:
        return len(self.terms)

    def __contains__(self, id_or_alias: object) -> bool:
        return isinstance(id_or_alias, str) and id_or_alias in self._by_key

    def term(self, id_or_alias: str) -> Term:
        """Return the term with this id or alias (a renamed term resolves to its new id).

        Raises:
            KeyError: If the vocabulary holds no such term, whatever its
                `unknown_policy`; the message suggests close matches.
        """
        found = self._by_key.get(id_or_alias)
        if found is None:
            raise KeyError(self._unknown(id_or_alias))
        return found

    def _unknown(self, key: object) -> str:
        message = f"{key!r} is not a term of vocabulary {self.id!r} (version {self.version})"
        if isinstance(key, str):
            close = difflib.get_close_matches(key, list(self._by_key), n=3, cutoff=0.75)
            if close:
                message += f"; did you mean {', '.join(repr(c) for c in close)}?"
        return message

    def canonical(self, id_or_alias: str) -> str:
        """The id of the term `id_or_alias` names.

        An unknown term raises `KeyError` if the vocabulary refuses unknown
        terms, and is returned as written if it keeps them.

        Example:
            >>> import catdomain as cd
            >>> cd.vocabulary("groups-of-persons").canonical("Women & girls")
            'women-and-girls'
        """
        found = self._by_key.get(id_or_alias)
        if found is not None:
            return found.id
        if self.unknown_policy is UnknownTermPolicy.KEEP:
            return id_or_alias
        raise KeyError(self._unknown(id_or_alias))

    def accepts(self, id_or_alias: str) -> bool:
        """Whether a tag may use `id_or_alias`: a known term, or any if unknown terms are kept."""
        return id_or_alias in self._by_key or self.unknown_policy is UnknownTermPolicy.KEEP

    def label(self, term: str | Term, language: str = "en") -> str:
        """The label of `term` (an id, an alias or a Term) in `language`, else in English.

        Raises:
            KeyError: If the vocabulary holds no such term.
        """
        found = term if isinstance(term, Term) else self.term(term)
        return found.label(language)

    def narrower(self, term: str, *, transitive: bool = True) -> tuple[str, ...]:
        """The ids of the terms under `term` (its children, and theirs if `transitive`).

        The term itself is not included; the order is depth first, in the
        vocabulary's order.

        Raises:
            KeyError: If the vocabulary holds no such term.
        """
        start = self.term(term).id
        found: list[str] = []
        stack = list(reversed(self._children.get(start, ())))
        while stack:
            current = stack.pop()
            found.append(current)
            if transitive:
                stack.extend(reversed(self._children.get(current, ())))
        return tuple(found)

    def broader(self, term: str) -> tuple[str, ...]:
        """The ids of the terms above `term`, nearest first (target 16.3 → goal 16).

        Raises:
            KeyError: If the vocabulary holds no such term.
        """
        found: list[str] = []
        parent = self.term(term).parent
        while parent is not None:
            found.append(parent)
            parent = self._by_key[parent].parent
        return tuple(found)

    @property
    def top_terms(self) -> tuple[Term, ...]:
        """The terms without a parent, in the vocabulary's order."""
        return tuple(t for t in self.terms if t.parent is None)


def _check_rule(instance: Tag, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None and instance.origin is TagOrigin.RULE:
        v.fail(instance, attribute, value, "a tag suggested by a rule names the rule")


@attrs.frozen(kw_only=True)
class Tag:
    """A classification of an object: a term of a vocabulary, who assigned it, and why.

    Attributes:
        vocabulary: The id (or an alias) of the vocabulary: one of the
            dossier's own `vocabularies`, or a shipped one (`catdomain.vocabularies`).
        term: The id (or an alias) of the term.
        origin: Stated by the source document, assigned by a person, or
            suggested by a rule.
        rule: The id of the rule that suggested it; required when `origin`
            is "rule", kept when a person confirms a suggestion.
        evidence: The text the tag rests on, if quoted.

    Example:
        >>> import catdomain as cd
        >>> tag = cd.Tag(vocabulary="sdg", term="16.3", origin=cd.TagOrigin.PERSON)
        >>> str(tag)
        'sdg:16.3'
    """

    vocabulary: str = attrs.field(validator=v.identifier())
    term: str = attrs.field(validator=v.text())
    origin: TagOrigin = attrs.field(validator=v.instance_of(TagOrigin))
    rule: str | None = attrs.field(
        default=None, validator=[v.optional(v.identifier()), _check_rule]
    )
    evidence: tuple[SourceSpan, ...] = attrs.field(default=(), validator=v.tuple_of(SourceSpan))

    def __str__(self) -> str:
        return f"{self.vocabulary}:{self.term}"


def _unique_tags(instance: Any, attribute: attrs.Attribute[Any], value: tuple[Tag, ...]) -> None:
    seen: set[tuple[str, str]] = set()
    for tag in value:
        key = (tag.vocabulary, tag.term)
        if key in seen:
            v.fail(instance, attribute, str(tag), "an object carries a tag once")
        seen.add(key)


def tags_field() -> Any:
    """The ``tags`` field of a taggable model class: a tuple of distinct tags, empty by default."""
    return attrs.field(default=(), validator=[v.tuple_of(Tag), _unique_tags])
