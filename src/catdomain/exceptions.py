"""Exceptions raised by catdomain.

Every error catdomain raises on purpose is a `CatdomainError`. Each concrete
class also subclasses the builtin that fits, so callers who do not know
catdomain can still catch `ValueError` or `OSError`:

```text
Exception
└── CatdomainError
    ├── ParseError            (also ValueError)  text that is not a valid identifier, date, …
    ├── ModelError            (also ValueError)  a field value a model class refuses
    │   └── IntegrityError                        a Dossier whose ids clash or point nowhere
    ├── SerializationError    (also ValueError)  JSON that does not fit the format
    │   └── SchemaVersionError                    a schema_version this release cannot read
    └── InputError            (also OSError)     a file that cannot be read or written
```

Domain problems in otherwise well-formed data (a partition that does not add
up, a missed deadline) are never raised: `catdomain.validate` reports them as
findings.

Example:
    >>> import catdomain as cd
    >>> try:
    ...     cd.DocumentSymbol.parse("not a symbol")
    ... except ValueError as error:
    ...     print(type(error).__name__, isinstance(error, cd.CatdomainError))
    ParseError True
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

__all__ = [
    "CatdomainError",
    "InputError",
    "IntegrityError",
    "ModelError",
    "ParseError",
    "Problem",
    "SchemaVersionError",
    "SerializationError",
]


class CatdomainError(Exception):
    """Base class of every error catdomain raises on purpose.

    Example:
        >>> from catdomain.exceptions import CatdomainError, ParseError
        >>> issubclass(ParseError, CatdomainError)
        True
    """


class ParseError(CatdomainError, ValueError):
    """Text that does not parse as the expected kind of value.

    Attributes:
        what: The kind of value expected ("document symbol", "date", …).
        text: The text that was given.
        position: Character offset in `text` where parsing failed, if known.
        reason: What is wrong, in words.

    Example:
        >>> error = ParseError("date", "31 Febtember 2020", reason="unknown month name")
        >>> print(error)
        invalid date '31 Febtember 2020': unknown month name
    """

    def __init__(
        self, what: str, text: str, *, reason: str = "", position: int | None = None
    ) -> None:
        self.what = what
        self.text = text
        self.reason = reason
        self.position = position
        shown = text if len(text) <= 80 else text[:77] + "..."
        message = f"invalid {what} {shown!r}"
        if position is not None:
            message += f" at character {position}"
        if reason:
            message += f": {reason}"
        super().__init__(message)


class ModelError(CatdomainError, ValueError):
    """A value a model class refuses at construction.

    Attributes:
        owner: The class whose field refused the value ("Observation").
        field: The field name ("value").
        value: The refused value.
        reason: What is wrong, in words.

    Example:
        >>> import catdomain as cd
        >>> try:
        ...     cd.PartialDate(2023, 13)
        ... except cd.ModelError as error:
        ...     print(error)
        PartialDate.month: 13 is not valid: month must be 1 to 12
    """

    def __init__(self, owner: str, field: str, value: object, reason: str) -> None:
        self.owner = owner
        self.field = field
        self.value = value
        self.reason = reason
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        super().__init__(f"{owner}.{field}: {shown} is not valid: {reason}")


class IntegrityError(ModelError):
    """A Dossier whose ids are not unique or whose references point nowhere.

    All problems found are listed at once.

    Attributes:
        details: One ``(code, path, message)`` triple per problem; codes are
            ``duplicate-id``, ``dangling-reference``, ``unknown-paragraph``,
            ``span-outside-document``, ``whole-among-parts``, ``unknown-scale``,
            ``unknown-grade``, ``unknown-vocabulary``, ``unknown-term``,
            ``duplicate-tag`` and ``duplicate-vocabulary``; paths are relative
            to the dossier
            (``measures[0].answers[0]``).
        problems: The same, one ``"path: message"`` line each.

    Example:
        >>> import catdomain as cd
        >>> m = cd.Measure(id="m-1", description="x",
        ...                category=cd.MeasureCategory.OTHER, answers=("nowhere",))
        >>> try:
        ...     cd.Dossier(id="d", measures=(m,))
        ... except cd.IntegrityError as error:
        ...     print(error.problems[0])
        measures[0].answers[0]: 'nowhere' is not the id of a recommendation in this dossier
    """

    def __init__(self, details: Sequence[tuple[str, str, str]]) -> None:
        self.details = tuple(details)
        self.problems = tuple(f"{path}: {message}" for _, path, message in self.details)
        head = f"{len(self.problems)} integrity problem(s) in Dossier"
        CatdomainError.__init__(self, head + ":\n  " + "\n  ".join(self.problems))
        self.owner = "Dossier"
        self.field = ""
        self.value = None
        self.reason = head


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found while reading JSON into model objects.

    Attributes:
        path: JSON path of the offending value (``$.series[3].observations[0].value``).
        expected: What the format requires there.
        found: What was found (a short representation).

    Example:
        >>> print(Problem(path="$.id", expected="a string", found="12"))
        $.id: expected a string, found 12
    """

    path: str
    expected: str
    found: str

    def __str__(self) -> str:
        return f"{self.path}: expected {self.expected}, found {self.found}"


class SerializationError(CatdomainError, ValueError):
    """JSON (or a dict) that does not fit catdomain's format.

    Every problem found is reported at once in `problems`, each with the JSON
    path of the value, what was expected and what was found.

    Attributes:
        problems: The problems, in document order.
        source: Where the data came from (a file name), if known.

    Example:
        >>> error = SerializationError([Problem(path="$.id", expected="a string", found="12")])
        >>> print(error)
        1 problem reading Dossier:
          $.id: expected a string, found 12
    """

    def __init__(
        self,
        problems: Sequence[Problem],
        *,
        target: str = "Dossier",
        source: str | None = None,
    ) -> None:
        self.problems = tuple(problems)
        self.target = target
        self.source = source
        count = len(self.problems)
        where = f" from {source}" if source else ""
        head = f"{count} problem{'s' if count != 1 else ''} reading {target}{where}:"
        super().__init__(head + "".join(f"\n  {p}" for p in self.problems))


class SchemaVersionError(SerializationError):
    """A document whose ``schema_version`` this release cannot read.

    Example:
        >>> print(SchemaVersionError("9.0", supported="1.x").problems[0])
        $.schema_version: expected a version 1.x or older supported one, found '9.0'
    """

    def __init__(self, found: str, *, supported: str, source: str | None = None) -> None:
        problem = Problem(
            path="$.schema_version",
            expected=f"a version {supported} or older supported one",
            found=repr(found),
        )
        super().__init__([problem], source=source)


class InputError(CatdomainError, OSError):
    """A file that cannot be read, decoded or written.

    Attributes:
        path: The file concerned.
        reason: What is wrong, in words.

    Example:
        >>> print(InputError("reply.txt", "not valid UTF-8 at byte 12"))
        reply.txt: not valid UTF-8 at byte 12
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
