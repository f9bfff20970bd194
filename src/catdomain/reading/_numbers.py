"""Figures as written in prose: digits, separators, decimals, words and multipliers.

The patterns here find the *extent* of a figure; `figure_value` and
`words_value` turn the matched text into an exact `Decimal`. Nothing is
normalised in the text itself: thousands separators may be commas, spaces,
non-breaking spaces (U+00A0), narrow non-breaking spaces (U+202F) or thin
spaces (U+2009), and the offsets of a match are offsets into the text as given.

Every pattern is free of nested ambiguous repetition, so matching is linear in
the length of the text whatever it holds (long digit runs, long lists).

Example:
    >>> from catdomain.reading._numbers import FIGURE, figure_value
    >>> text = "709 officials, 4\u00a0500 persons, 19.2"
    >>> [figure_value(m.group()) for m in FIGURE.finditer(text)]
    [Decimal('709'), Decimal('4500'), Decimal('19.2')]
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from catdomain import _regex

__all__ = [
    "DASHES",
    "FIGURE",
    "MAX_DIGITS",
    "MULTIPLIER",
    "WORD_NUMBER",
    "figure_value",
    "scale",
    "words_value",
]

DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""For character classes: hyphen (escaped), hyphen, non-breaking hyphen, dashes, minus sign."""

MAX_DIGITS = 15
"""Figures with more digits than this are identifiers or noise, never statistics."""

_GROUP_SEPARATORS = "\u00a0\u202f\u2009 "

# A figure: comma-grouped, space-grouped or plain digits, with an optional
# decimal part. It may not touch a word, an identifier separator ("/", ".",
# ":", "," followed by a digit) or a hyphen or dash followed by a digit or
# letter ("COVID-19", "194/2020", "14:30", "10-day", "2021–2023" are not
# figures). The pattern starts with a digit so that the engine skips prose fast;
# the look-behind then checks the character before that digit.
FIGURE = _regex.compile(
    rf"""
    [0-9](?<![\w.,/:+{DASHES}][0-9])
    (?:
        [0-9]{{0,2}}(?:,[0-9]{{3}})+
      | [0-9]{{0,2}}(?:[{_GROUP_SEPARATORS}][0-9]{{3}})+
      | [0-9]*
    )
    (?:\.[0-9]+)?
    (?![\w]|[.,/:][0-9]|[{DASHES}][\w])
    """,
    re.VERBOSE,
)
"""A figure written in digits ("40,000", "4\u00a0500", "19.2", "1352")."""

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9,
}  # fmt: skip
_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_UNIT_WORDS = "|".join(_UNITS)
_TEEN_WORDS = "|".join(_TEENS)
_TEN_WORDS = "|".join(_TENS)
_SMALL = rf"(?:(?:{_TEN_WORDS})(?:[-\u2011 ](?:{_UNIT_WORDS}))?|{_TEEN_WORDS}|{_UNIT_WORDS})"

WORD_NUMBER = _regex.compile(
    rf"""
    (?<![\w\u2011-])
    (?:
        (?:{_SMALL}|a)[ \u00a0]+hundred(?:[ \u00a0]+(?:and[ \u00a0]+)?{_SMALL})?
        (?:[ \u00a0]+(?:thousand|million|billion))?
      | (?:{_SMALL}|a)[ \u00a0]+(?:thousand|million|billion)
      | a[ \u00a0]+dozen
      | {_SMALL}
    )
    (?![\w\u2011]|-[\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""A cardinal written in words ("Eleven", "twenty-five", "two hundred", "a dozen")."""

MULTIPLIER = _regex.compile(
    r"[ \u00a0]+(?P<scale>million|billion|thousand|trillion)(?![\w\u2011-])"
)
"""A scale word after a figure in digits ("2 million", "1.5 billion")."""

_MULTIPLIER_VALUES = {"thousand": 3, "million": 6, "billion": 9, "trillion": 12}


def figure_value(text: str) -> Decimal | None:
    """Return the exact value of a figure matched by `FIGURE`.

    Args:
        text: The figure as written, separators included.

    Returns:
        The value, or None if the figure has more than `MAX_DIGITS` digits.

    Example:
        >>> from catdomain.reading._numbers import figure_value
        >>> figure_value("1,352"), figure_value("4\u202f500"), figure_value("45.5")
        (Decimal('1352'), Decimal('4500'), Decimal('45.5'))
        >>> figure_value("1" * 40) is None
        True
    """
    digits = text.translate(_STRIP_SEPARATORS)
    if sum(c.isdigit() for c in digits) > MAX_DIGITS:
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


_STRIP_SEPARATORS = str.maketrans("", "", "," + _GROUP_SEPARATORS)


def scale(value: Decimal, word: str) -> Decimal:
    """Multiply `value` by a scale word, exactly ("1.5" million → 1500000).

    Example:
        >>> from decimal import Decimal
        >>> from catdomain.reading._numbers import scale
        >>> scale(Decimal("1.5"), "million"), scale(Decimal("2"), "Billion")
        (Decimal('1500000'), Decimal('2000000000'))
    """
    result = value.scaleb(_MULTIPLIER_VALUES[word.lower()])
    if result == result.to_integral_value():
        return result.quantize(Decimal(1))
    return result.normalize()


_WORD_SEPARATORS = re.compile(r"[\s\u2011-]+")


def words_value(text: str) -> int | None:
    """Return the value of a cardinal written in words, as matched by `WORD_NUMBER`.

    Example:
        >>> from catdomain.reading._numbers import words_value
        >>> words_value("Eleven"), words_value("twenty\u2011five"), words_value("a dozen")
        (11, 25, 12)
        >>> words_value("two hundred and fifty"), words_value("three thousand")
        (250, 3000)
        >>> words_value("a million") , words_value("lots") is None
        (1000000, True)
    """
    words = _WORD_SEPARATORS.split(text.lower())
    if words == ["a", "dozen"]:
        return 12
    total = 0
    current = 0
    seen = False
    for word in words:
        if word in ("and", ""):
            continue
        if word == "a":
            current = 1
            seen = True
        elif word in _UNITS:
            current += _UNITS[word]
            seen = True
        elif word in _TEENS:
            current += _TEENS[word]
            seen = True
        elif word in _TENS:
            current += _TENS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
    return total + current if seen else None
