"""English names of States, as the UN writes them, mapped to ISO 3166-1 alpha-3.

The table lists the 193 Member States and the two observer States under their
UN short names (UNTERM), with the variants met in treaty-body documents: the
long form of a name the UN writes with a parenthesis ("the Plurinational State
of Bolivia" for "Bolivia (Plurinational State of)"), former names ("Swaziland",
"the former Yugoslav Republic of Macedonia"), common English names ("Turkey",
"Russia", "Vietnam") and spellings without diacritics ("Cote d'Ivoire"). Cook
Islands and Niue, which are parties to several treaties without being Member
States, are included too.

Matching ignores case, diacritics, the kind of apostrophe, runs of whitespace
and a leading "the".

Example:
    >>> from catdomain.reading._countries import match_state, state_code
    >>> state_code("the Republic of Moldova"), state_code("Türkiye"), state_code("Cote d’Ivoire")
    ('MDA', 'TUR', 'CIV')
    >>> match_state("United Kingdom of Great Britain and Northern Ireland on follow-up")
    ('GBR', 52)
"""

from __future__ import annotations

import functools
import unicodedata

from catdomain import _regex

__all__ = ["STATES", "match_state", "state_code"]

STATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("AFG", ("Afghanistan",)),
    ("ALB", ("Albania",)),
    ("DZA", ("Algeria",)),
    ("AND", ("Andorra",)),
    ("AGO", ("Angola",)),
    ("ATG", ("Antigua and Barbuda",)),
    ("ARG", ("Argentina",)),
    ("ARM", ("Armenia",)),
    ("AUS", ("Australia",)),
    ("AUT", ("Austria",)),
    ("AZE", ("Azerbaijan",)),
    ("BHS", ("Bahamas",)),
    ("BHR", ("Bahrain",)),
    ("BGD", ("Bangladesh",)),
    ("BRB", ("Barbados",)),
    ("BLR", ("Belarus",)),
    ("BEL", ("Belgium",)),
    ("BLZ", ("Belize",)),
    ("BEN", ("Benin",)),
    ("BTN", ("Bhutan",)),
    ("BOL", ("Bolivia (Plurinational State of)", "Plurinational State of Bolivia", "Bolivia")),
    ("BIH", ("Bosnia and Herzegovina",)),
    ("BWA", ("Botswana",)),
    ("BRA", ("Brazil",)),
    ("BRN", ("Brunei Darussalam", "Brunei")),
    ("BGR", ("Bulgaria",)),
    ("BFA", ("Burkina Faso",)),
    ("BDI", ("Burundi",)),
    ("CPV", ("Cabo Verde", "Cape Verde")),
    ("KHM", ("Cambodia",)),
    ("CMR", ("Cameroon",)),
    ("CAN", ("Canada",)),
    ("CAF", ("Central African Republic",)),
    ("TCD", ("Chad",)),
    ("CHL", ("Chile",)),
    ("CHN", ("China",)),
    ("COL", ("Colombia",)),
    ("COM", ("Comoros",)),
    ("COG", ("Congo", "Republic of the Congo", "Republic of Congo")),
    ("CRI", ("Costa Rica",)),
    ("CIV", ("Côte d'Ivoire", "Ivory Coast")),
    ("HRV", ("Croatia",)),
    ("CUB", ("Cuba",)),
    ("CYP", ("Cyprus",)),
    ("CZE", ("Czechia", "Czech Republic")),
    ("PRK", ("Democratic People's Republic of Korea", "North Korea")),
    ("COD", ("Democratic Republic of the Congo", "Democratic Republic of Congo")),
    ("DNK", ("Denmark",)),
    ("DJI", ("Djibouti",)),
    ("DMA", ("Dominica",)),
    ("DOM", ("Dominican Republic",)),
    ("ECU", ("Ecuador",)),
    ("EGY", ("Egypt",)),
    ("SLV", ("El Salvador",)),
    ("GNQ", ("Equatorial Guinea",)),
    ("ERI", ("Eritrea",)),
    ("EST", ("Estonia",)),
    ("SWZ", ("Eswatini", "Kingdom of Eswatini", "Swaziland")),
    ("ETH", ("Ethiopia",)),
    ("FJI", ("Fiji",)),
    ("FIN", ("Finland",)),
    ("FRA", ("France",)),
    ("GAB", ("Gabon",)),
    ("GMB", ("Gambia",)),
    ("GEO", ("Georgia",)),
    ("DEU", ("Germany",)),
    ("GHA", ("Ghana",)),
    ("GRC", ("Greece",)),
    ("GRD", ("Grenada",)),
    ("GTM", ("Guatemala",)),
    ("GIN", ("Guinea",)),
    ("GNB", ("Guinea-Bissau",)),
    ("GUY", ("Guyana",)),
    ("HTI", ("Haiti",)),
    ("HND", ("Honduras",)),
    ("HUN", ("Hungary",)),
    ("ISL", ("Iceland",)),
    ("IND", ("India",)),
    ("IDN", ("Indonesia",)),
    ("IRN", ("Iran (Islamic Republic of)", "Islamic Republic of Iran", "Iran")),
    ("IRQ", ("Iraq",)),
    ("IRL", ("Ireland",)),
    ("ISR", ("Israel",)),
    ("ITA", ("Italy",)),
    ("JAM", ("Jamaica",)),
    ("JPN", ("Japan",)),
    ("JOR", ("Jordan",)),
    ("KAZ", ("Kazakhstan",)),
    ("KEN", ("Kenya",)),
    ("KIR", ("Kiribati",)),
    ("KWT", ("Kuwait",)),
    ("KGZ", ("Kyrgyzstan", "Kyrgyz Republic")),
    ("LAO", ("Lao People's Democratic Republic", "Laos")),
    ("LVA", ("Latvia",)),
    ("LBN", ("Lebanon",)),
    ("LSO", ("Lesotho",)),
    ("LBR", ("Liberia",)),
    ("LBY", ("Libya",)),
    ("LIE", ("Liechtenstein",)),
    ("LTU", ("Lithuania",)),
    ("LUX", ("Luxembourg",)),
    ("MDG", ("Madagascar",)),
    ("MWI", ("Malawi",)),
    ("MYS", ("Malaysia",)),
    ("MDV", ("Maldives",)),
    ("MLI", ("Mali",)),
    ("MLT", ("Malta",)),
    ("MHL", ("Marshall Islands",)),
    ("MRT", ("Mauritania",)),
    ("MUS", ("Mauritius",)),
    ("MEX", ("Mexico",)),
    (
        "FSM",
        ("Micronesia (Federated States of)", "Federated States of Micronesia", "Micronesia"),
    ),
    ("MCO", ("Monaco",)),
    ("MNG", ("Mongolia",)),
    ("MNE", ("Montenegro",)),
    ("MAR", ("Morocco",)),
    ("MOZ", ("Mozambique",)),
    ("MMR", ("Myanmar", "Burma")),
    ("NAM", ("Namibia",)),
    ("NRU", ("Nauru",)),
    ("NPL", ("Nepal",)),
    ("NLD", ("Netherlands (Kingdom of the)", "Kingdom of the Netherlands", "Netherlands")),
    ("NZL", ("New Zealand",)),
    ("NIC", ("Nicaragua",)),
    ("NER", ("Niger",)),
    ("NGA", ("Nigeria",)),
    (
        "MKD",
        (
            "North Macedonia",
            "Republic of North Macedonia",
            "former Yugoslav Republic of Macedonia",
        ),
    ),
    ("NOR", ("Norway",)),
    ("OMN", ("Oman",)),
    ("PAK", ("Pakistan",)),
    ("PLW", ("Palau",)),
    ("PAN", ("Panama",)),
    ("PNG", ("Papua New Guinea",)),
    ("PRY", ("Paraguay",)),
    ("PER", ("Peru",)),
    ("PHL", ("Philippines",)),
    ("POL", ("Poland",)),
    ("PRT", ("Portugal",)),
    ("QAT", ("Qatar",)),
    ("KOR", ("Republic of Korea", "South Korea")),
    ("MDA", ("Republic of Moldova", "Moldova")),
    ("ROU", ("Romania",)),
    ("RUS", ("Russian Federation", "Russia")),
    ("RWA", ("Rwanda",)),
    ("KNA", ("Saint Kitts and Nevis",)),
    ("LCA", ("Saint Lucia",)),
    ("VCT", ("Saint Vincent and the Grenadines",)),
    ("WSM", ("Samoa",)),
    ("SMR", ("San Marino",)),
    ("STP", ("Sao Tome and Principe",)),
    ("SAU", ("Saudi Arabia",)),
    ("SEN", ("Senegal",)),
    ("SRB", ("Serbia",)),
    ("SYC", ("Seychelles",)),
    ("SLE", ("Sierra Leone",)),
    ("SGP", ("Singapore",)),
    ("SVK", ("Slovakia", "Slovak Republic")),
    ("SVN", ("Slovenia",)),
    ("SLB", ("Solomon Islands",)),
    ("SOM", ("Somalia",)),
    ("ZAF", ("South Africa",)),
    ("SSD", ("South Sudan",)),
    ("ESP", ("Spain",)),
    ("LKA", ("Sri Lanka",)),
    ("SDN", ("Sudan",)),
    ("SUR", ("Suriname",)),
    ("SWE", ("Sweden",)),
    ("CHE", ("Switzerland",)),
    ("SYR", ("Syrian Arab Republic", "Syria")),
    ("TJK", ("Tajikistan",)),
    ("THA", ("Thailand",)),
    ("TLS", ("Timor-Leste", "East Timor")),
    ("TGO", ("Togo",)),
    ("TON", ("Tonga",)),
    ("TTO", ("Trinidad and Tobago",)),
    ("TUN", ("Tunisia",)),
    ("TUR", ("Türkiye", "Turkey")),
    ("TKM", ("Turkmenistan",)),
    ("TUV", ("Tuvalu",)),
    ("UGA", ("Uganda",)),
    ("UKR", ("Ukraine",)),
    ("ARE", ("United Arab Emirates",)),
    (
        "GBR",
        (
            "United Kingdom of Great Britain and Northern Ireland",
            "United Kingdom",
            "Great Britain",
        ),
    ),
    ("TZA", ("United Republic of Tanzania", "Tanzania")),
    ("USA", ("United States of America", "United States")),
    ("URY", ("Uruguay",)),
    ("UZB", ("Uzbekistan",)),
    ("VUT", ("Vanuatu",)),
    (
        "VEN",
        ("Venezuela (Bolivarian Republic of)", "Bolivarian Republic of Venezuela", "Venezuela"),
    ),
    ("VNM", ("Viet Nam", "Vietnam")),
    ("YEM", ("Yemen",)),
    ("ZMB", ("Zambia",)),
    ("ZWE", ("Zimbabwe",)),
    # Observer States.
    ("VAT", ("Holy See",)),
    ("PSE", ("State of Palestine", "Palestine")),
    # Parties to treaties that are not Member States.
    ("COK", ("Cook Islands",)),
    ("NIU", ("Niue",)),
)
"""Each State's alpha-3 code and its names: the UN short name first, then variants."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SPACES = _regex.compile(r"\s+")
_WORD = _regex.compile(r"\S+")
# Longest name in words ("United Kingdom of Great Britain and Northern Ireland").
_MAX_WORDS = 9
_TRAILING = ',;:.*)]\u201d"'


def _key(name: str) -> str:
    """Return the lookup key of a name: no diacritics, case or leading "the"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    key = _SPACES.sub(" ", plain).strip().casefold()
    return key[4:] if key.startswith("the ") else key


@functools.cache
def _table() -> dict[str, str]:
    return {_key(name): code for code, names in STATES for name in names}


def state_code(name: str) -> str | None:
    """Return the alpha-3 code of a State named exactly `name`, or None.

    Args:
        name: A State's name, with or without a leading "the".

    Example:
        >>> from catdomain.reading._countries import state_code
        >>> state_code("Bolivia (Plurinational State of)"), state_code("Atlantis")
        ('BOL', None)
    """
    return _table().get(_key(name))


def match_state(text: str) -> tuple[str, int] | None:
    """Find the longest State name at the start of `text`.

    A leading "the" is allowed ("the Netherlands"); the name must end at a word
    boundary, and trailing punctuation is not part of it.

    Args:
        text: Text that starts with a State's name.

    Returns:
        The alpha-3 code and the number of characters of `text` the name
        covers, or None.

    Example:
        >>> from catdomain.reading._countries import match_state
        >>> match_state("the Plurinational State of Bolivia on its fourth report")
        ('BOL', 34)
        >>> match_state("Tajikistan*")
        ('TJK', 10)
        >>> match_state("the Government") is None
        True
    """
    table = _table()
    ends: list[int] = []
    for number, word in enumerate(_WORD.finditer(text[:300])):
        if number >= _MAX_WORDS + 1:
            break
        ends.append(word.end())
    for end in reversed(ends):
        candidate = text[:end].rstrip(_TRAILING)
        # "Bolivia (Plurinational State of)" keeps its closing parenthesis.
        if text[:end].endswith(")") and "(" in candidate:
            candidate = text[:end].rstrip(_TRAILING.replace(")", ""))
        code = table.get(_key(candidate))
        if code is not None:
            return code, len(candidate)
    return None
