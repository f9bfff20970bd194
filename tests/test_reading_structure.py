"""Tests for catdomain.reading.structure: headers, headings, paragraphs, quotes, furniture."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catdomain._dates import PartialDate
from catdomain.identifiers import DocumentSymbol, ParagraphRef
from catdomain.reading.structure import (
    Furniture,
    FurnitureKind,
    Paragraph,
    QuotedRecommendation,
    ReplyStructure,
    read_reply,
)
from catdomain.vocab import TreatyBody

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "src" / "catdomain" / "datasets" / "data" / "kaz-2024-follow-up.txt"
REPLIES = Path(__file__).resolve().parent / "replies"


def read_sample(name: str) -> str:
    """The text of a sample reply exactly as stored (BOM and line endings kept)."""
    return (REPLIES / name).read_bytes().decode("utf-8")


def refs(structure: ReplyStructure) -> list[list[str]]:
    """Each heading's references in canonical form."""
    return [[str(ref) for ref in heading.refs] for heading in structure.headings]


def bodies(structure: ReplyStructure) -> list[tuple[str | None, str]]:
    """Each paragraph's number and body."""
    return [(p.number, structure.body(p)) for p in structure.paragraphs]


def furniture_texts(structure: ReplyStructure) -> list[tuple[str, str]]:
    """Each piece of furniture's kind and text."""
    return [(f.kind.value, structure.text[f.start : f.end]) for f in structure.furniture]


def header_span_text(structure: ReplyStructure, field: str) -> str | None:
    """The text a header field was read from."""
    span = getattr(structure.header, f"{field}_span")
    return None if span is None else structure.text[span[0] : span[1]]


def check_invariants(structure: ReplyStructure) -> None:
    """Spans lie inside the text, trimmed, in order and without overlaps."""
    text = structure.text
    pieces: list[tuple[int, int, str]] = []
    gaps: set[tuple[int, int]] = set()
    for paragraph in structure.paragraphs:
        gaps.update(paragraph.gaps)
    for quote in structure.quotes:
        gaps.update(quote.gaps)
    parts: list[tuple[int, int, tuple[tuple[int, int], ...], str]] = [
        *((p.start, p.end, p.gaps, "paragraph") for p in structure.paragraphs),
        *((q.start, q.end, q.gaps, "quote") for q in structure.quotes),
        *((h.start, h.end, (), "heading") for h in structure.headings),
    ]
    for start, end, part_gaps, kind in parts:
        assert 0 <= start <= end <= len(text), (kind, start, end)
        body = text[start:end]
        assert body == body.strip(), (kind, body)
        position = start
        for gap_start, gap_end in part_gaps:
            assert position <= gap_start <= gap_end <= end
            pieces.append((position, gap_start, kind))
            position = gap_end
        pieces.append((position, end, kind))
    for item in structure.furniture:
        assert 0 <= item.start < item.end <= len(text)
        if (item.start, item.end) not in gaps:
            pieces.append((item.start, item.end, "furniture"))
    pieces = [piece for piece in pieces if piece[0] < piece[1]]
    pieces.sort()
    for before, after in itertools.pairwise(pieces):
        assert before[1] <= after[0], (before, after, text[after[0] : before[1]])
    assert structure.header.header_end <= len(text)
    for paragraph in structure.paragraphs:
        assert len(structure.body(paragraph)) == paragraph.end - paragraph.start
        assert paragraph.start >= structure.header.header_end
        for item_start, item_end in paragraph.items:
            assert paragraph.start <= item_start < item_end <= paragraph.end
    numbers = [int(p.number) for p in structure.paragraphs if p.number is not None]
    for previous, number in itertools.pairwise(numbers):
        assert number in (previous + 1, 1), numbers
    for index, section in enumerate(structure.sections):
        assert section.heading is structure.headings[index]
        assert all(structure.paragraphs[i].section == index for i in section.paragraphs)
        assert section.parent is None or section.parent < index


# ==========================================================================
# The seed: Kazakhstan's reply to the Committee against Torture, 2024


@pytest.fixture(scope="module")
def seed() -> ReplyStructure:
    """The seed reply, read once."""
    return read_reply(SEED.read_text(encoding="utf-8"))


def test_seed_sections_and_references(seed: ReplyStructure) -> None:
    """The seed has nine sections, each naming the paragraphs its heading names."""
    assert len(seed.sections) == 9
    assert refs(seed) == [
        ["10"], ["11–15"], ["21"], ["24"], ["28"], ["44"], ["46"], ["47"], ["48"]
    ]  # fmt: skip
    assert [str(ref) for ref in seed.answered()] == [
        "10", "11–15", "21", "24", "28", "44", "46", "47", "48"
    ]  # fmt: skip
    assert seed.headings[0].symbol == DocumentSymbol("CAT/C/KAZ/CO/4")
    assert all(h.symbol is None for h in seed.headings[1:])
    assert seed.headings[0].text == (
        "Follow-up information relating to paragraph 10 of the concluding observations"
        " (CAT/C/KAZ/CO/4)"
    )
    assert all(h.level == 1 for h in seed.headings)


def test_seed_paragraphs_are_numbered_one_to_eighty(seed: ReplyStructure) -> None:
    """80 paragraphs, numbered 1 to 80, none unnumbered."""
    assert [p.number for p in seed.paragraphs] == [str(n) for n in range(1, 81)]
    assert not seed.quotes
    assert not seed.furniture


def test_seed_paragraph_offsets_are_the_text_after_the_number(seed: ReplyStructure) -> None:
    """Each body runs from after "N.\\t" to the end of its line, trailing spaces excluded."""
    text = seed.text
    expected = {}
    for match in re.finditer(r"^(\d+)\.\t(.*)$", text, flags=re.MULTILINE):
        start = match.start(2)
        expected[match.group(1)] = (start, start + len(match.group(2).rstrip()))
    assert len(expected) == 80
    for paragraph in seed.paragraphs:
        assert (paragraph.start, paragraph.end) == expected[paragraph.number]
        assert paragraph.items == ()
        assert paragraph.gaps == ()


def test_seed_section_membership(seed: ReplyStructure) -> None:
    """Paragraphs 1–2, 3–35, 36–40, 41–53, 54–66, 67–77, 78, 79 and 80 form the sections."""
    groups = [[seed.paragraphs[i].number for i in section.paragraphs] for section in seed.sections]
    bounds = [(1, 2), (3, 35), (36, 40), (41, 53), (54, 66), (67, 77), (78, 78), (79, 79), (80, 80)]
    assert groups == [[str(n) for n in range(a, b + 1)] for a, b in bounds]
    assert all(section.parent is None for section in seed.sections)


def test_seed_header_comes_from_the_first_heading(seed: ReplyStructure) -> None:
    """The seed has no masthead: what is known comes from the symbol in its first heading."""
    header = seed.header
    assert header.symbol is None
    assert header.header_end == 0
    assert header.responds_to == DocumentSymbol("CAT/C/KAZ/CO/4")
    assert header_span_text(seed, "responds_to") == "CAT/C/KAZ/CO/4"
    assert (header.body, header.state, header.report_cycles) == (TreatyBody.CAT, "KAZ", (4,))
    assert header.title is None
    assert all(ref.document == DocumentSymbol("CAT/C/KAZ/CO/4") for ref in seed.answered())


def test_seed_invariants(seed: ReplyStructure) -> None:
    """The seed's spans satisfy every invariant."""
    check_invariants(seed)


# ==========================================================================
# Hand-written replies in other layouts


def test_full_un_header_and_numbers_without_space() -> None:
    """A CAT reply with a full masthead, footnoted title, job number and "1.The" numbering."""
    reply = read_reply(read_sample("tjk-cat-header.txt"))
    header = reply.header
    assert header.symbol == DocumentSymbol("CAT/C/TJK/FCO/3")
    assert header_span_text(reply, "symbol") == "CAT/C/TJK/FCO/3"
    assert (header.body, header.state) == (TreatyBody.CAT, "TJK")
    assert header.title == (
        "Information received from Tajikistan on follow-up to the concluding observations"
        " on its third periodic report"
    )
    assert header_span_text(reply, "title") == header.title
    assert header.received == PartialDate(2025, 3, 3)
    assert header_span_text(reply, "received") == "3 March 2025"
    assert header.issued == PartialDate(2025, 6, 12)
    assert header_span_text(reply, "issued") == "12 June 2025"
    assert header.responds_to == DocumentSymbol("CAT/C/TJK/CO/3")
    assert header.report_cycles == (3,)
    assert header_span_text(reply, "report_cycles") == "its third periodic report"
    assert reply.text[header.header_end :].startswith("Follow-up information relating to")
    assert furniture_texts(reply) == [
        ("banner", "United Nations\tCAT/C/TJK/FCO/3"),
        ("distribution", "Distr.: General"),
        ("date", "12 June 2025"),
        ("original-language", "Original: Russian"),
        ("languages", "English, French, Russian and"),
        ("languages", "Spanish only"),
        ("editing-note", "* The present document is being issued without formal editing."),
        ("job-number", "GE.25-09876(E)"),
    ]
    assert refs(reply) == [["9"], ["15 and 16"], ["31"]]
    assert [p.number for p in reply.paragraphs] == ["1", "2", "3", "4", "5"]
    assert reply.body(reply.paragraph("1")).startswith("The Code of Criminal Procedure")
    assert reply.body(reply.paragraph("5")).endswith("to visit in 2026.")
    assert [s.paragraphs for s in reply.sections] == [(0, 1), (2, 3), (4,)]
    check_invariants(reply)


def test_ccpr_headings_with_unnumbered_paragraphs() -> None:
    """ "Information concerning paragraph N" headings; one paragraph per line."""
    reply = read_reply(read_sample("mda-ccpr-unnumbered.txt"))
    header = reply.header
    assert header.symbol is None
    assert (header.body, header.state) == (TreatyBody.CCPR, "MDA")
    assert header_span_text(reply, "body") == "Human Rights Committee"
    assert header_span_text(reply, "state") == "the Republic of Moldova"
    assert header.received == PartialDate(2025, 1, 17)
    assert header.responds_to == DocumentSymbol("CCPR/C/MDA/CO/4")
    assert header.report_cycles == (4,)
    assert refs(reply) == [["12"], ["20"], ["34 (a) and 34 (b)"]]
    assert [h.symbol for h in reply.headings] == [
        DocumentSymbol("CCPR/C/MDA/CO/4"),
        DocumentSymbol("CCPR/C/MDA/CO/4"),
        None,
    ]
    assert [number for number, _ in bodies(reply)] == [None] * 5
    assert [body[:30] for _, body in bodies(reply)] == [
        "The Government of the Republic",
        "In 2023, the Equality Council ",
        "The National Preventive Mechan",
        "The new Penitentiary Instituti",
        "Its construction is financed b",
    ]
    assert [s.paragraphs for s in reply.sections] == [(0, 1), (2,), (3, 4)]
    check_invariants(reply)


def test_short_headings_bullets_and_lettered_items() -> None:
    """ "On paragraph 12" and "Paragraph 17 (a)" headings; bullets and sub-items are items."""
    reply = read_reply(read_sample("ken-cescr-items.txt"))
    text = reply.text
    assert refs(reply) == [["12"], ["17 (a)"], ["17 (b)"]]
    assert [p.number for p in reply.paragraphs] == ["1", "2", "3", "4", "5"]
    first = reply.paragraph("1")
    assert [text[s:e][:2] for s, e in first.items] == ["•\t", "•\t", "–\t"]
    assert text[first.items[-1][0] : first.items[-1][1]] == (
        "–\tA grievance mechanism was set up in all 47 counties."
    )
    assert reply.body(first).startswith("The Government has taken the following measures:\n•")
    third = reply.paragraph("3")
    assert [text[s:e] for s, e in third.items] == [
        "(a)\tThe construction of 200,000 affordable housing units per year;",
        "(b)\tSecurity of tenure for residents of informal settlements;",
        "(c)\tConsultation with communities before any eviction.",
    ]
    fourth = reply.paragraph("4")
    assert reply.body(fourth).endswith(
        "Act of 2016.\n2023 was the first year in which no forced eviction was reported in Nairobi."
    )
    assert [text[s:e][:4] for s, e in reply.paragraph("5").items] == ["(i)\t", "(ii)"]
    assert [s.paragraphs for s in reply.sections] == [(0, 1), (2, 3), (4,)]
    check_invariants(reply)


def test_quoted_recommendations_with_labels_and_quotation_marks() -> None:
    """Recommendations quoted after a label, in quotation marks or in the Committee's words."""
    reply = read_reply(read_sample("pry-ced-quotes.txt"))
    assert (reply.header.body, reply.header.state) == (TreatyBody.CED, "PRY")
    assert refs(reply) == [["14"], ["22"], ["30"]]
    quotes = [reply.body(q) for q in reply.quotes]
    assert quotes == [
        "The Committee recommends that the State party take the necessary legislative measures"
        " to ensure that enforced disappearance is defined as an autonomous offence.\n"
        "The State party should also ensure that the offence is punishable by appropriate"
        " penalties.",
        "The State party should ensure that all persons deprived of liberty are registered,"
        " without exception, in a single national register.",
        "The Committee urges the State party to:\n(a) Establish a national search commission;\n"
        "(b) Allocate sufficient resources to it.",
    ]
    assert [[str(r) for r in q.refs] for q in reply.quotes] == [["14"], ["22"], ["30"]]
    assert [q.section for q in reply.quotes] == [0, 1, 2]
    assert bodies(reply) == [
        ("1", "A bill amending article 236 of the Criminal Code was submitted to the National"
              " Congress on 5 May 2024."),
        ("2", "The bill was approved by the Senate on 12 September 2024."),
        ("3", "The Ministry of Justice launched the single register on 1 July 2024."),
        (None, "The National Search Commission was established by Decree No. 4512 of"
               " 3 March 2025."),
        ("4", "Its budget for 2025 is 3.2 billion guaraníes."),
    ]  # fmt: skip
    assert furniture_texts(reply) == [
        ("label", "Recommendation:"),
        ("label", "Reply:"),
        ("label", "Response:"),
    ]
    assert [(s.paragraphs, s.quotes) for s in reply.sections] == [
        ((0, 1), (0,)),
        ((2,), (1,)),
        ((3, 4), (2,)),
    ]
    check_invariants(reply)


def test_pdf_text_with_crlf_bom_special_spaces_and_page_furniture() -> None:
    """Wrapped lines, page breaks, footnotes and running headers in CRLF text with a BOM."""
    text = read_sample("geo-cerd-pdf-crlf.txt")
    assert text.startswith("\ufeff")
    reply = read_reply(text)
    header = reply.header
    assert header.symbol == DocumentSymbol("CERD/C/GEO/FCO/8-9")
    assert header_span_text(reply, "symbol") == "CERD/C/GEO/FCO/8-9"
    assert (header.body, header.state) == (TreatyBody.CERD, "GEO")
    assert header.title == (
        "Information received from Georgia on follow-up to the concluding observations"
        " on its combined eighth and ninth periodic reports"
    )
    assert header.received == PartialDate(2025, 1, 20)
    assert header.issued == PartialDate(2025, 4, 4)
    assert header.responds_to == DocumentSymbol("CERD/C/GEO/CO/8-9")
    assert header.report_cycles == (8, 9)
    assert refs(reply) == [["12"], ["22"]]
    assert [h.text for h in reply.headings] == [
        "Follow-up information relating to paragraph 12 of the concluding observations",
        "Follow-up information relating to paragraph 22 of the concluding observations",
    ]
    assert [p.number for p in reply.paragraphs] == ["1", "2", "3", "4", "5"]
    assert reply.body(reply.paragraph("1")) == (
        "The Public Defender (Ombudsperson) received 1,243 complaints of\r\n"
        "racial discrimination in 2023 and 1,305 in 2024.1 Of these, 37 per cent\r\n"
        "concerned access to employment, and 21 per cent concerned law\r\nenforcement."
    )
    assert reply.body(reply.paragraph("2")) == (
        "The anti\u2011discrimination unit of the Prosecutor\u2019s Office was strengthened"
        "\r\nwith four additional prosecutors."
    )
    fifth = reply.paragraph("5")
    assert reply.text[fifth.start : fifth.start + 7] == "Courses"
    assert reply.body(fifth) == (
        "Courses are offered in 31 municipalities. The programme will be reviewed\r\n"
        "in 2026, and\r\n                  \r\n \r\n"
        "2021 figures will be published on the website of the Ministry."
    )
    assert [reply.text[s:e] for s, e in fifth.gaps] == ["CERD/C/GEO/FCO/8-9", "3"]
    assert [s.paragraphs for s in reply.sections] == [(0, 1, 2), (3, 4)]
    assert furniture_texts(reply) == [
        ("symbol", "CERD/C/GEO/FCO/8-9"),
        ("distribution", "Distr.: General"),
        ("date", "4 April 2025"),
        ("original-language", "Original: English"),
        ("footnote", "1 See CERD/C/GEO/CO/8-9, para. 12."),
        ("editing-note", "* The present document is being issued without formal editing."),
        ("job-number", "GE.25-05432(E)"),
        ("symbol", "CERD/C/GEO/FCO/8-9"),
        ("page-number", "2"),
        ("symbol", "CERD/C/GEO/FCO/8-9"),
        ("page-number", "3"),
    ]
    check_invariants(reply)


def test_lettered_and_roman_sections_with_cedaw_headings() -> None:
    """ "Recommendation contained in paragraph 15 (b)" under roman and lettered sections."""
    reply = read_reply(read_sample("bol-cedaw-sections.txt"))
    assert (reply.header.body, reply.header.state) == (TreatyBody.CEDAW, "BOL")
    assert header_span_text(reply, "state") == "the Plurinational State of Bolivia"
    assert reply.header.report_cycles == (7,)
    assert [(h.text, h.level) for h in reply.headings] == [
        ("I. Introduction", 1),
        ("II. Follow-up to the recommendations", 1),
        ("A. Recommendation contained in paragraph 15 (b)", 2),
        ("B. Recommendations contained in paragraphs 21 (a) and 21 (c)", 2),
        ("C. Paragraphs 46 and 47", 2),
        ("III. Conclusion", 1),
    ]
    assert refs(reply) == [[], [], ["15 (b)"], ["21 (a) and 21 (c)"], ["46 and 47"], []]
    assert [s.parent for s in reply.sections] == [None, None, 1, 1, 1, None]
    assert [s.paragraphs for s in reply.sections] == [(0,), (), (1, 2), (3,), (4,), (5,)]
    assert [p.number for p in reply.paragraphs] == ["1", "2", "3", "4", "5", "6"]
    assert [str(r) for r in reply.answered()] == ["15 (b)", "21 (a) and 21 (c)", "46 and 47"]
    check_invariants(reply)


def test_reply_without_paragraphs() -> None:
    """A masthead and title alone: a header, furniture, and no paragraphs or headings."""
    reply = read_reply(read_sample("alb-crc-no-paragraphs.txt"))
    assert reply.paragraphs == ()
    assert reply.headings == ()
    assert reply.sections == ()
    header = reply.header
    assert header.symbol == DocumentSymbol("CRC/C/ALB/FCO/5-6")
    assert (header.body, header.state) == (TreatyBody.CRC, "ALB")
    assert header.responds_to == DocumentSymbol("CRC/C/ALB/CO/5-6")
    assert header.report_cycles == (5, 6)
    assert header.received == PartialDate(2025, 2, 10)
    assert header.issued == PartialDate(2025, 5, 2)
    assert header.header_end == len(reply.text)
    assert [kind for kind, _ in furniture_texts(reply)] == [
        "banner", "date", "original-language", "editing-note", "job-number", "barcode", "recycle",
    ]  # fmt: skip
    check_invariants(reply)


def test_pdf_text_with_lone_cr_and_subject_first_headings() -> None:
    """CR line endings, wrapped blocks separated by blank lines, references in parentheses."""
    reply = read_reply(read_sample("srb-crpd-pdf-cr.txt"))
    assert (reply.header.body, reply.header.state) == (TreatyBody.CRPD, "SRB")
    assert reply.header.report_cycles == (1,)
    assert reply.header.responds_to == DocumentSymbol("CRPD/C/SRB/CO/1")
    assert refs(reply) == [["22"], ["38"]]
    assert [h.symbol for h in reply.headings] == [None, DocumentSymbol("CRPD/C/SRB/CO/1")]
    assert bodies(reply) == [
        (None, "The Law on Non-Contentious Procedure was amended in 2024 so that a court\r"
               "may no longer deprive a person of legal capacity in full. Partial\r"
               "deprivation must be reviewed every three years."),
        (None, "In 2024, courts restored the legal capacity of 312 persons, compared with\r"
               "187 in 2023."),
        (None, "The Strategy for Deinstitutionalization 2022–2026 provides for the closure\r"
               "of two large residential institutions by 2026. Community-based services\r"
               "were established in 24 local self-government units."),
    ]  # fmt: skip
    check_invariants(reply)


@pytest.mark.parametrize("name", sorted(p.name for p in REPLIES.glob("*.txt")))
def test_every_sample_reads_the_same_with_every_line_ending(name: str) -> None:
    """Converting a sample's line endings changes offsets, not the structure read."""
    text = read_sample(name).lstrip("\ufeff")
    lines = re.split(r"\r\n|\r|\n", text)
    results = []
    for ending in ("\n", "\r\n", "\r"):
        reply = read_reply(ending.join(lines))
        check_invariants(reply)
        results.append(
            (
                [(p.number, re.sub(r"\s+", " ", reply.body(p))) for p in reply.paragraphs],
                refs(reply),
                [re.sub(r"\s+", " ", reply.body(q)) for q in reply.quotes],
                [f.kind for f in reply.furniture],
                reply.header.title,
            )
        )
    assert results[0] == results[1] == results[2]


# ==========================================================================
# Heading forms


HEADINGS = [
    ("Follow-up information relating to paragraph 10 of the concluding observations"
     " (CAT/C/KAZ/CO/4)", "10"),
    ("Follow-up information relating to paragraphs 11–15 of the concluding observations",
     "11–15"),
    ("Information concerning paragraph 5 of the concluding observations (CCPR/C/KAZ/CO/1)", "5"),
    ("Paragraph 17", "17"),
    ("On paragraph 12", "12"),
    ("Paragraph 12 (a)", "12 (a)"),
    ("Paragraphs 46 and 47", "46 and 47"),
    ("Recommendation contained in paragraph 17 (b)", "17 (b)"),
    ("Reply to paragraph 9", "9"),
    ("Response to the recommendations in paragraphs 20 and 21", "20 and 21"),
    ("A. Paragraph 10: definition of torture", "10"),
    ("I. Information relating to paragraph 10", "10"),
    ("Concluding observation 23(a)", "23 (a)"),
    ("Recommendation 15", "15"),
    ("(a) Paragraph 10", "10"),
    ("Paras. 46 and 47", "46 and 47"),
    ("Para. 12", "12"),
    ("§ 12", "12"),
    ("Paragraph\u00a012", "12"),
    ("Paragraphs 11\u201115", "11–15"),
    ("Paragraphs 11 to 15", "11–15"),
    ("Para\u200bgraph 12", "12"),
    ("Paragraph 12.", "12"),
    ("Paragraph 12:", "12"),
    ("Follow-up to paragraph 10 (definition of torture)", "10"),
    ("Paragraph 10 – Definition of torture", "10"),
    ("Paragraph 10 of the concluding observations: legal safeguards", "10"),
    ("Definition of torture (paragraph 10)", "10"),
    ("Conditions of detention (CAT/C/KAZ/CO/4, para. 21)", "21"),
    ("Information on the follow-up to paragraphs 15 (b) and 39 (a)", "15 (b) and 39 (a)"),
    ("Reply of the Government of Tajikistan to paragraph 10", "10"),
    ("Recommendations in paragraph 10 (a), (b) and (d)", "10 (a), 10 (b) and 10 (d)"),
    ("Information provided by the State party in response to paragraph 31 of the concluding"
     " observations on its second periodic report", "31"),
    ("1. Information relating to paragraph 10", "10"),
    ("II.\tFollow-up to the recommendation contained in paragraph 40", "40"),
    ("Recommendation No. 15", "15"),
    ("Recommendation 1 (paragraph 10 (a))", "10 (a)"),
    ("Follow-up recommendation No. 3 (paragraph 25)", "25"),
    ("Follow-up information relating to paragraph 10 and paragraph 14 of the concluding"
     " observations", "10 and 14"),
    ("Paragraphs 10, para. 12 and 14", "10, 12 and 14"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), HEADINGS)
def test_heading_forms(line: str, expected: str) -> None:
    """Each form of heading that names paragraphs is a heading with that reference."""
    reply = read_reply(f"{line}\n1. The Ministry of Justice adopted an order.\n")
    assert refs(reply) == [[expected]]
    heading = reply.headings[0]
    assert reply.text[heading.start : heading.end] == line.strip()
    assert [p.number for p in reply.paragraphs] == ["1"]
    assert reply.paragraphs[0].section == 0


@pytest.mark.parametrize(
    "line",
    [
        "In response to paragraph 10, the Government adopted a new law on 5 May 2023.",
        "Paragraph 10 of the concluding observations was implemented in 2023.",
        "With regard to paragraph 5 of the concluding observations, the State party informs the"
        " Committee that the Act was amended.",
        "The Committee recommended in paragraph 12 that the State party review its legislation.",
        "Article 5, paragraph 2, of the Act provides that detainees have access to a lawyer.",
        "Text of paragraph 1.",
        "paragraph 10 of the Criminal Code",
        "The amendments to paragraph 3 of article 146 entered into force on 1 January 2024.",
    ],
)
def test_sentences_that_mention_paragraphs_are_not_headings(line: str) -> None:
    """Prose that names a paragraph stays a paragraph."""
    reply = read_reply(f"4. The law was adopted.\n{line}\n5. It entered into force.\n")
    assert reply.headings == ()
    assert [p.number for p in reply.paragraphs] == ["4", "5"]
    assert reply.body(reply.paragraphs[0]).endswith(line)


def test_heading_wrapped_over_two_lines_with_symbol_on_the_second() -> None:
    """A heading that wraps, its symbol in parentheses on the next line, is one heading."""
    reply = read_reply(
        "Information concerning paragraph 5 of the concluding observations\n"
        "(CCPR/C/KAZ/CO/1)\n"
        "1. Text.\n"
    )
    assert refs(reply) == [["5"]]
    assert reply.headings[0].symbol == DocumentSymbol("CCPR/C/KAZ/CO/1")
    assert reply.headings[0].text.endswith("observations (CCPR/C/KAZ/CO/1)")
    assert reply.answered()[0].document == DocumentSymbol("CCPR/C/KAZ/CO/1")


def test_subject_headings_without_references() -> None:
    """Short stand-alone lines are headings; under a heading that names paragraphs, children."""
    reply = read_reply(
        "Introduction\n"
        "1. The present report was prepared by the Ministry of Justice.\n"
        "Paragraph 21\n"
        "Conditions of detention\n"
        "2. Cells were renovated in 12 facilities.\n"
        "Health care in prisons\n"
        "3. The Ministry of Health took over prison health care in 2024.\n"
        "Conclusion\n"
        "4. The State party remains committed to the Convention.\n"
    )
    assert [(h.text, h.level) for h in reply.headings] == [
        ("Introduction", 1),
        ("Paragraph 21", 1),
        ("Conditions of detention", 2),
        ("Health care in prisons", 2),
        ("Conclusion", 1),
    ]
    assert [s.parent for s in reply.sections] == [None, None, 1, 1, None]
    assert [[str(r) for r in reply.section_refs(i)] for i in range(5)] == [
        [], ["21"], ["21"], ["21"], []
    ]  # fmt: skip
    assert [p.section for p in reply.paragraphs] == [0, 2, 3, 4]


@pytest.mark.parametrize(
    "line",
    [
        "The following bodies took part",
        "Ministry of Internal Affairs",
        "Year 2021 2022 2023",
        "In 2023, the Ministry adopted the plan",
    ],
)
def test_lines_inside_a_paragraph_are_not_subject_headings(line: str) -> None:
    """A short line after an unfinished sentence, or with figures, is not a heading."""
    reply = read_reply(f"1. The plan was adopted by\n{line}\nand entered into force.\n")
    assert reply.headings == ()
    assert [p.number for p in reply.paragraphs] == ["1"]


def test_wrapped_line_starting_with_a_sub_division_is_not_an_item() -> None:
    """ "(2) of the Code" after an unfinished sentence continues it; after a colon, an item."""
    reply = read_reply(
        "1. Proceedings were opened under article 146\n(2) of the Criminal Code.\n"
        "2. The Code provides for:\n(a) fines;\n(b) imprisonment.\n"
    )
    assert [len(p.items) for p in reply.paragraphs] == [0, 2]
    assert reply.body(reply.paragraphs[0]).endswith("146\n(2) of the Criminal Code.")


def test_table_cells_on_their_own_lines_stay_in_the_paragraph() -> None:
    """Word exports tables one cell per line: short lines in a row are not headings."""
    reply = read_reply(
        "Paragraph 24\n1. The number of complaints was as follows.\n"
        "Year\nComplaints\n2022\n61\n2023\n46\n2. The decrease is 24.6 per cent.\n"
    )
    assert refs(reply) == [["24"]]
    assert bodies(reply) == [
        ("1", "The number of complaints was as follows.\nYear\nComplaints\n2022\n61\n2023\n46"),
        ("2", "The decrease is 24.6 per cent."),
    ]


def test_older_addendum_masthead() -> None:
    """CAT's earlier practice: the reply is an addendum to the concluding observations."""
    reply = read_reply(
        "United Nations\tCAT/C/KAZ/CO/3/Add.1\n"
        "Committee against Torture\n"
        "Concluding observations of the Committee against Torture: Kazakhstan\n"
        "Addendum\n"
        "Information received from the Government of Kazakhstan on the implementation of the"
        " concluding observations of the Committee against Torture (CAT/C/KAZ/CO/3)* **\n"
        "[11 December 2015]\n"
        "1. Text.\n"
    )
    header = reply.header
    assert header.symbol == DocumentSymbol("CAT/C/KAZ/CO/3/Add.1")
    assert header.responds_to == DocumentSymbol("CAT/C/KAZ/CO/3")
    assert header_span_text(reply, "responds_to") == "CAT/C/KAZ/CO/3"
    assert header.title is not None
    assert header.title.endswith("against Torture (CAT/C/KAZ/CO/3)")
    assert header.received == PartialDate(2015, 12, 11)
    assert header.report_cycles == (3,)
    assert [p.number for p in reply.paragraphs] == ["1"]


def test_cycles_from_the_concluding_observations_title() -> None:
    """ "Concluding observations on the fifth periodic report of X" gives cycles and State."""
    reply = read_reply(
        "Committee on the Elimination of Discrimination against Women\n"
        "Concluding observations on the fifth periodic report of Kazakhstan\n"
        "Addendum\n"
        "Information provided by the State party in follow-up to the concluding observations*\n"
        "1. Text.\n"
    )
    header = reply.header
    assert header.title == (
        "Information provided by the State party in follow-up to the concluding observations"
    )
    assert (header.body, header.state, header.report_cycles) == (TreatyBody.CEDAW, "KAZ", (5,))


def test_pdf_masthead_in_fragments() -> None:
    """A masthead extracted from a PDF: wrapped treaty name, languages and title."""
    reply = read_reply(
        "United Nations CAT/C/KAZ/FCO/4\n"
        "Convention against Torture\n"
        "and Other Cruel, Inhuman or\n"
        "Degrading Treatment or Punishment\n"
        "Distr.: General\n12 June 2024\nOriginal: English\n"
        "English, French, Russian and\nSpanish only\n"
        "GE.24-10570 (E) 120624 130624\n*2410570*\n"
        "Committee against Torture\n"
        "Information received from Kazakhstan on\n"
        "follow-up to the concluding observations on its fourth\n"
        "periodic report*\n"
        "[Date received: 13 May 2024]\n"
        "Follow-up information relating to paragraph 10 of the concluding\n"
        "observations (CAT/C/KAZ/CO/4)\n"
        "1. Measures are being taken.\n"
    )
    header = reply.header
    assert header.title == (
        "Information received from Kazakhstan on follow-up to the concluding observations on"
        " its fourth periodic report"
    )
    assert (header.symbol, header.report_cycles) == (DocumentSymbol("CAT/C/KAZ/FCO/4"), (4,))
    assert header.received == PartialDate(2024, 5, 13)
    assert refs(reply) == [["10"]]
    assert bodies(reply) == [("1", "Measures are being taken.")]


def test_invisible_marks_are_seen_through() -> None:
    """Left-to-right marks and soft hyphens inside a heading do not hide it."""
    reply = read_reply("\u200eParagraph\u00ad 12\u200f\n1. Text.\n")
    assert refs(reply) == [["12"]]


# ==========================================================================
# Paragraph numbering


@pytest.mark.parametrize("separator", ["\t", " ", "", "\u00a0", "\u202f", "\u200b\t", "  \t"])
def test_paragraph_number_separators(separator: str) -> None:
    """ "1.\\tText", "1. Text", "1.Text", "1.\\u00a0Text": the body starts at the text."""
    text = f"1.{separator}First text.\n2.{separator}Second text.\n"
    reply = read_reply(text)
    assert bodies(reply) == [("1", "First text."), ("2", "Second text.")]
    assert reply.paragraphs[0].start == text.index("First")


def test_first_number_may_be_any_and_the_sequence_is_followed() -> None:
    """Numbering may start anywhere; a number out of sequence does not start a paragraph."""
    reply = read_reply(
        "12. The first paragraph ends here.\n"
        "2009 was the year the law was adopted.\n"
        "13. In 2023, the number of complaints\n"
        "15 persons were released.\n"
        "14. The last paragraph.\n"
    )
    assert bodies(reply) == [
        ("12", "The first paragraph ends here.\n2009 was the year the law was adopted."),
        ("13", "In 2023, the number of complaints\n15 persons were released."),
        ("14", "The last paragraph."),
    ]


def test_numbering_may_restart_after_a_heading() -> None:
    """Replies that number each section from 1 keep their numbers."""
    reply = read_reply("Paragraph 10\n1. A.\n2. B.\nParagraph 12\n1. C.\n2. D.\n")
    assert [(p.number, p.section) for p in reply.paragraphs] == [
        ("1", 0), ("2", 0), ("1", 1), ("2", 1)
    ]  # fmt: skip
    assert reply.paragraph("1").section == 0


def test_number_alone_on_its_line() -> None:
    """PDF text may put the number on a line of its own; the body starts on the next."""
    text = "1.\nThe Act was adopted.\n2.\tIt is in force.\n"
    reply = read_reply(text)
    assert bodies(reply) == [("1", "The Act was adopted."), ("2", "It is in force.")]
    assert reply.paragraphs[0].start == text.index("The Act")


def test_paragraph_lookup_and_missing_number() -> None:
    """`paragraph()` finds by number and raises KeyError naming the missing one."""
    reply = read_reply("7. Text.")
    assert reply.paragraph("7").number == "7"
    with pytest.raises(KeyError, match="'8'"):
        reply.paragraph("8")


def test_unnumbered_pdf_paragraphs_end_at_short_lines_that_end_sentences() -> None:
    """In wrapped text, a paragraph ends at a short line ending a sentence."""
    line = "word " * 14
    text = (
        f"The first paragraph {line}\ncontinues here and {line}\nends.\n"
        f"The second paragraph {line}\ngoes on {line}\nand ends too.\n"
    )
    reply = read_reply(text)
    assert [body.split()[:2] for _, body in bodies(reply)] == [
        ["The", "first"], ["The", "second"]
    ]  # fmt: skip


# ==========================================================================
# Footnotes and furniture


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("GE.24-08123(E)", FurnitureKind.JOB_NUMBER),
        ("GE.24-08123  (E)    120624    130624", FurnitureKind.JOB_NUMBER),
        ("2\tGE.24-08123", FurnitureKind.JOB_NUMBER),
        ("*2408123*", FurnitureKind.BARCODE),
        ("Please recycle", FurnitureKind.RECYCLE),
        ("\u2672 Please recycle", FurnitureKind.RECYCLE),
        ("United Nations", FurnitureKind.BANNER),
        ("Distr.: General", FurnitureKind.DISTRIBUTION),
        ("Original: English", FurnitureKind.ORIGINAL_LANGUAGE),
        ("English, French, Russian and Spanish only", FurnitureKind.LANGUAGES),
        ("Advance unedited version", FurnitureKind.UNEDITED),
        ("CAT/C/KAZ/FCO/4", FurnitureKind.SYMBOL),
        ("E/C.12/KEN/CO/2-5 3", FurnitureKind.SYMBOL),
        ("Page 3", FurnitureKind.PAGE_NUMBER),
        ("- 3 -", FurnitureKind.PAGE_NUMBER),
        ("__________________", FurnitureKind.SEPARATOR),
        ("* The present document is being issued without formal editing.",
         FurnitureKind.EDITING_NOTE),
        ("* Reissued for technical reasons on 5 July 2024.", FurnitureKind.FOOTNOTE),
        ("1\tSee CAT/C/KAZ/CO/4, para. 10.", FurnitureKind.FOOTNOTE),
        ("2 Available at https://adilet.zan.kz.", FurnitureKind.FOOTNOTE),
        ("3 Criminal Code, art. 146.", FurnitureKind.FOOTNOTE),
    ],
)  # fmt: skip
def test_furniture_between_paragraphs(line: str, kind: FurnitureKind) -> None:
    """Each kind of furniture between two paragraphs is recognised and kept out of them."""
    text = f"1. The first paragraph.\n{line}\n2. The second paragraph.\n"
    reply = read_reply(text)
    assert bodies(reply) == [("1", "The first paragraph."), ("2", "The second paragraph.")]
    assert reply.furniture == (
        Furniture(start=text.index(line), end=text.index(line) + len(line), kind=kind),
    )


def test_page_break_inside_a_paragraph_leaves_a_gap() -> None:
    """Furniture that interrupts a paragraph is a gap: the body blanks it, offsets hold."""
    text = (
        "1. The Ministry has\n"
        "2 See the annex.\n"
        "GE.24-08123(E)\n"
        "CAT/C/KAZ/FCO/4\n"
        "3\n"
        "opened 12 cases in 2023.\n"
        "2. Next.\n"
    )
    reply = read_reply(text)
    first = reply.paragraph("1")
    assert [text[s:e] for s, e in first.gaps] == [
        "2 See the annex.", "GE.24-08123(E)", "CAT/C/KAZ/FCO/4", "3"
    ]  # fmt: skip
    body = reply.body(first)
    assert body.startswith("The Ministry has\n")
    assert body.endswith("\nopened 12 cases in 2023.")
    assert "GE." not in body
    assert "See" not in body
    assert len(body) == first.end - first.start
    assert body.index("opened") + first.start == text.index("opened")
    check_invariants(reply)


def test_next_paragraph_number_without_its_dot() -> None:
    """A line starting with the next paragraph's number but no dot is text, not a footnote."""
    reply = read_reply("1. In 2023 the Ministry opened\n2 Regional Offices were opened.\n")
    assert bodies(reply) == [("1", "In 2023 the Ministry opened\n2 Regional Offices were opened.")]


def test_footnote_reference_markers_stay_in_the_text() -> None:
    """Footnote marks inside sentences are not removed."""
    reply = read_reply("1. The Act was adopted in 2023.1 It entered into force.\n")
    assert reply.body(reply.paragraphs[0]) == "The Act was adopted in 2023.1 It entered into force."


def test_numbered_line_out_of_sequence_that_looks_like_a_footnote() -> None:
    """ "5. See …" where paragraph 2 is expected is a footnote."""
    reply = read_reply("1. Text.\n5. See CAT/C/KAZ/CO/4.\n2. More.\n")
    assert [p.number for p in reply.paragraphs] == ["1", "2"]
    assert [kind for kind, _ in furniture_texts(reply)] == ["footnote"]


def test_wrapped_footnote_continues() -> None:
    """A footnote that wraps onto a line starting in lower case is one footnote."""
    text = "1. Text.\n2 See the report of the Ombudsman for\nthe year 2023.\n2. More.\n"
    reply = read_reply(text)
    assert furniture_texts(reply) == [
        ("footnote", "2 See the report of the Ombudsman for\nthe year 2023.")
    ]
    assert [p.number for p in reply.paragraphs] == ["1", "2"]


# ==========================================================================
# Quotes and labels


def test_numbered_quote_of_the_concluding_observations() -> None:
    """A quote that keeps the Committee's paragraph number does not break the reply's numbers."""
    reply = read_reply(
        "Paragraph 10\n"
        "10. The Committee recommends that the State party amend article 146.\n"
        "1. A bill was drafted.\n"
        "2. It was adopted.\n"
    )
    assert [reply.body(q) for q in reply.quotes] == [
        "The Committee recommends that the State party amend article 146."
    ]
    assert [p.number for p in reply.paragraphs] == ["1", "2"]


def test_quote_refs_from_its_number_without_a_heading() -> None:
    """Without a heading, a quoted recommendation's number tells which paragraph it is."""
    reply = read_reply(
        "Recommendation: 23. The State party should ensure access to a lawyer.\n"
        "Response: Access is guaranteed by article 131 of the Code.\n"
    )
    assert [reply.body(q) for q in reply.quotes] == [
        "The State party should ensure access to a lawyer."
    ]
    assert [str(r) for r in reply.quotes[0].refs] == ["23"]
    assert bodies(reply) == [(None, "Access is guaranteed by article 131 of the Code.")]
    assert [kind for kind, _ in furniture_texts(reply)] == ["label", "label"]


@pytest.mark.parametrize(
    "label",
    [
        "Recommendation of the Committee",
        "The Committee's recommendation:",
        "Recommendations",
        "Text of the recommendation:",
    ],
)
def test_recommendation_labels(label: str) -> None:
    """The block after a recommendation label is a quote, up to the answer label."""
    reply = read_reply(
        f"Paragraph 9\n{label}\nEnsure that all detainees are registered.\n"
        "Information provided by the State party:\nAll detainees are registered.\n"
    )
    assert [reply.body(q) for q in reply.quotes] == ["Ensure that all detainees are registered."]
    assert bodies(reply) == [(None, "All detainees are registered.")]


def test_heading_and_quote_on_one_line() -> None:
    """ "Recommendation 23 (a): The Committee recommends …" is a heading, then a quote."""
    text = (
        "Recommendation 23 (a): The Committee recommends that the State party adopt a law.\n"
        "1. A draft law was submitted to Parliament.\n"
        "Paragraph 25: \u201cThe State party should train judges.\u201d\n"
        "2. 320 judges were trained.\n"
        "Paragraph 27: The Government adopted a plan in 2024.\n"
    )
    reply = read_reply(text)
    assert refs(reply) == [["23 (a)"], ["25"], ["27"]]
    assert [reply.text[h.start : h.end] for h in reply.headings] == [
        "Recommendation 23 (a)", "Paragraph 25", "Paragraph 27"
    ]  # fmt: skip
    assert [reply.body(q) for q in reply.quotes] == [
        "The Committee recommends that the State party adopt a law.",
        "The State party should train judges.",
    ]
    assert bodies(reply) == [
        ("1", "A draft law was submitted to Parliament."),
        ("2", "320 judges were trained."),
        (None, "The Government adopted a plan in 2024."),
    ]
    check_invariants(reply)


def test_quotation_marks_inside_a_paragraph_are_not_a_quote() -> None:
    """A law quoted inside a numbered paragraph stays in the paragraph."""
    reply = read_reply(
        "Paragraph 5\n1. Article 12 of the Act provides:\n"
        "\u201cEveryone has the right to a lawyer.\u201d\n2. More.\n"
    )
    assert reply.quotes == ()
    assert reply.body(reply.paragraph("1")).endswith("lawyer.\u201d")


# ==========================================================================
# Header details


@pytest.mark.parametrize(
    ("symbol", "responds_to"),
    [
        ("CAT/C/KAZ/FCO/4", "CAT/C/KAZ/CO/4"),
        ("CCPR/C/KAZ/CO/2/Add.1", "CCPR/C/KAZ/CO/2"),
        ("E/C.12/KEN/FCO/2-5", "E/C.12/KEN/CO/2-5"),
        ("CAT/C/KAZ/FCO/4/Corr.1", "CAT/C/KAZ/CO/4"),
    ],
)
def test_responds_to_is_derived_from_the_symbol(symbol: str, responds_to: str) -> None:
    """FCO/n answers CO/n; an addendum to concluding observations answers its base."""
    reply = read_reply(f"{symbol}\nDistr.: General\n1. Text.\n")
    assert reply.header.symbol == DocumentSymbol(symbol)
    assert reply.header.responds_to == DocumentSymbol(responds_to)
    assert reply.header.responds_to_span == reply.header.symbol_span


def test_responds_to_named_in_the_title_wins() -> None:
    """A symbol of concluding observations written in the header is taken as it is."""
    reply = read_reply(
        "CAT/C/KAZ/FCO/4\n"
        "Information received from Kazakhstan on follow-up to the concluding observations"
        " (CAT/C/KAZ/CO/4/Corr.1)\n1. Text.\n"
    )
    assert reply.header.responds_to == DocumentSymbol("CAT/C/KAZ/CO/4/Corr.1")


@pytest.mark.parametrize(
    ("words", "cycles"),
    [
        ("on its fourth periodic report", (4,)),
        ("on its initial report", (1,)),
        ("on its combined fifth and sixth periodic reports", (5, 6)),
        ("on its fifth to seventh periodic reports", (5, 6, 7)),
        ("on its combined twenty-second to twenty-fourth periodic reports", (22, 23, 24)),
        ("on the second periodic report of Kenya", (2,)),
        ("on its 3rd periodic report", (3,)),
    ],
)
def test_report_cycles_from_the_title(words: str, cycles: tuple[int, ...]) -> None:
    """Ordinals in the title give the reporting cycles."""
    reply = read_reply(
        f"Information received from Kenya on follow-up to the concluding observations {words}\n"
    )
    assert reply.header.report_cycles == cycles
    assert reply.header.state == "KEN"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Türkiye", "TUR"),
        ("Côte d'Ivoire", "CIV"),
        ("Côte d\u2019Ivoire", "CIV"),
        ("the United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("Bolivia (Plurinational State of)", "BOL"),
        ("the Netherlands (Kingdom of the)", "NLD"),
        ("the Democratic Republic of the Congo", "COD"),
        ("the Congo", "COG"),
        ("the State of Palestine", "PSE"),
        ("the Holy See", "VAT"),
        ("Viet Nam", "VNM"),
        ("the Government of Uzbekistan", "UZB"),
    ],
)
def test_state_from_the_title(name: str, code: str) -> None:
    """The State named in the title is found in the table of UN names."""
    reply = read_reply(
        f"Information received from {name} on follow-up to the concluding observations*\n"
    )
    assert reply.header.state == code
    span = reply.header.state_span
    assert span is not None
    assert reply.text[span[0] : span[1]].endswith(name.rsplit(maxsplit=1)[-1])


def test_title_that_names_paragraphs() -> None:
    """A title naming the State and paragraphs is the title, not a heading."""
    reply = read_reply(
        "Information received from Chad on follow-up to paragraphs 9 and 15 of the concluding"
        " observations\nParagraph 9\n1. Text.\n"
    )
    assert reply.header.state == "TCD"
    assert reply.header.title is not None
    assert refs(reply) == [["9"]]


@pytest.mark.parametrize("body", list(TreatyBody))
def test_body_from_the_committee_name(body: TreatyBody) -> None:
    """Each committee's name on a line of the header gives the treaty body."""
    reply = read_reply(f"{body.title}\nInformation received from Chile on follow-up\n")
    assert reply.header.body is body
    assert header_span_text(reply, "body") == body.title


def test_caller_symbol_takes_precedence() -> None:
    """A symbol given by the caller is the reply's symbol and supplies what the text lacks."""
    given = DocumentSymbol("CAT/C/ARM/FCO/5")
    reply = read_reply("Paragraph 9\n1. Text.\n", symbol=given)
    header = reply.header
    assert header.symbol == given
    assert header.symbol_span is None
    assert (header.body, header.state) == (TreatyBody.CAT, "ARM")
    assert header.responds_to == DocumentSymbol("CAT/C/ARM/CO/5")
    assert reply.headings[0].refs[0].document == DocumentSymbol("CAT/C/ARM/CO/5")


def test_dates_received_forms() -> None:
    """ "[Date received: …]", "[13 May 2024]" and "Date received: …" give the date received."""
    for line in ("[Date received: 13 May 2024]", "[13 May 2024]", "Date received: 13 May 2024"):
        reply = read_reply(f"Information received from Chad on follow-up\n{line}\n1. Text.\n")
        assert reply.header.received == PartialDate(2024, 5, 13), line
        assert header_span_text(reply, "received") == "13 May 2024"


# ==========================================================================
# Inputs


def test_empty_and_blank_texts() -> None:
    """Empty or blank text gives an empty structure, not an error."""
    for text in ("", "\n\n", "   \r\n\t", "\ufeff"):
        reply = read_reply(text)
        assert (reply.paragraphs, reply.headings, reply.furniture) == ((), (), ())
        assert reply.header.header_end == 0


@pytest.mark.parametrize("value", [b"1. Text", None, 12, ["1. Text"]])
def test_non_str_input_is_a_type_error(value: object) -> None:
    """Anything but a str is refused with a message that says what to do."""
    with pytest.raises(TypeError, match="needs the text as a str"):
        read_reply(value)  # type: ignore[arg-type]


def test_symbol_of_the_wrong_type_is_a_type_error() -> None:
    """The symbol must be a DocumentSymbol."""
    with pytest.raises(TypeError, match="DocumentSymbol"):
        read_reply("1. Text", symbol="CAT/C/KAZ/CO/4")  # type: ignore[arg-type]


def test_zero_width_characters_do_not_move_offsets() -> None:
    """Zero-width characters inside words and numbers are seen through."""
    text = "\u200bPara\u200bgraph\u00a012\u200b\n1\u200b.\tThe\u00a0law.\u200b\n"
    reply = read_reply(text)
    assert refs(reply) == [["12"]]
    paragraph = reply.paragraphs[0]
    assert reply.text[paragraph.start : paragraph.end] == "The\u00a0law."
    heading = reply.headings[0]
    assert reply.text[heading.start : heading.end] == "Para\u200bgraph\u00a012"
    assert heading.text == "Paragraph 12"


def test_repr_is_short() -> None:
    """The structure's repr gives counts, not the text."""
    assert repr(read_reply("On paragraph 3\n1. A.\n2. B.")) == (
        "<ReplyStructure: 1 heading, 2 paragraphs, 0 quotes, 0 furniture>"
    )


def test_result_types_are_frozen() -> None:
    """Results are immutable values."""
    paragraph = read_reply("1. Text.").paragraphs[0]
    with pytest.raises(AttributeError):
        paragraph.start = 3  # type: ignore[misc]
    assert paragraph == Paragraph(number="1", start=3, end=8)
    assert QuotedRecommendation(start=0, end=1).refs == ()


# ==========================================================================
# Properties


WORDS = st.sampled_from(
    [
        "the", "law", "of", "2023", "on", "12", "May", "was", "adopted", "by", "Ministry",
        "Justice", "and", "1,200", "persons", "per", "cent", "article", "146", "(2)", "Code;",
        "Order", "No.", "45", "–", "about", "3.5", "million", "KZT", "2021–2023", "",
        "\u00a0%", "detainees,", "including", "women",
    ]
)  # fmt: skip

HEADING_FORMS = [
    "Follow-up information relating to paragraph {n} of the concluding observations",
    "Follow-up information relating to paragraphs {n}\u2013{m} of the concluding observations",
    "Information concerning paragraph {n} of the concluding observations (CCPR/C/KAZ/CO/2)",
    "Paragraph {n}",
    "On paragraph {n}",
    "Paragraph {n} (a)",
    "Paragraphs {n} and {m}",
    "Recommendation contained in paragraph {n} (b)",
    "Reply to paragraph {n}",
    "Response to the recommendations in paragraphs {n} and {m}",
    "A. Paragraph {n}: legal safeguards",
    "Concluding observation {n}(a)",
    "Recommendation {n}",
]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence with digits and punctuation that starts with a capital and ends in a period."""
    words = draw(st.lists(WORDS, min_size=3, max_size=25))
    return "In " + " ".join(words).strip() + "."


@st.composite
def generated_replies(draw: st.DrawFn) -> tuple[str, list[str], int]:
    """A reply made of headings of known forms and numbered paragraphs, any line ending."""
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    separator = draw(st.sampled_from(["\t", " ", "", "\u00a0"]))
    number = draw(st.integers(min_value=1, max_value=300))
    lines: list[str] = []
    expected_refs: list[str] = []
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        n = draw(st.integers(min_value=1, max_value=90))
        form = draw(st.sampled_from(HEADING_FORMS))
        heading = form.format(n=n, m=n + 1 + draw(st.integers(min_value=0, max_value=3)))
        if draw(st.booleans()):
            heading = "\t\t" + heading
        lines.append(heading)
        expected_refs.append(heading)
        for _ in range(draw(st.integers(min_value=1, max_value=4))):
            lines.append(f"{number}.{separator}{draw(sentences())}")
            number += 1
            if draw(st.integers(min_value=0, max_value=5)) == 0:
                lines.append(draw(st.sampled_from(["GE.24-08123(E)", "CAT/C/KAZ/FCO/4"])))
    return ending.join(lines) + draw(st.sampled_from(["", ending])), expected_refs, number


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(generated_replies())
def test_generated_replies_are_read_exactly(case: tuple[str, list[str], int]) -> None:
    """Generated replies: every heading and paragraph is found; all invariants hold."""
    text, headings, _ = case
    reply = read_reply(text)
    check_invariants(reply)
    assert len(reply.headings) == len(headings)
    assert all(len(h.refs) == 1 for h in reply.headings)
    expected = sum(1 for line in re.split(r"\r\n|\r|\n", text) if re.match(r"\d+\.", line))
    assert len(reply.paragraphs) == expected
    assert all(p.number is not None for p in reply.paragraphs)
    for paragraph in reply.paragraphs:
        assert reply.body(paragraph).startswith("In ")
        assert reply.body(paragraph).endswith(".")
    assert all(f.kind in (FurnitureKind.JOB_NUMBER, FurnitureKind.SYMBOL) for f in reply.furniture)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_is_read_without_error(text: str) -> None:
    """Reading never fails on text, and its spans always satisfy the invariants."""
    check_invariants(read_reply(text))


FRAGMENTS = st.sampled_from(
    [
        "1.", "2.", "1.\t", "12. ", "Paragraph 3", "para. 4", "(a)", "(i)", "\u2022 ", "- ",
        "\u201c", "\u201d", "\"", "*", "GE.24-08123(E)", "CAT/C/KAZ/CO/4", "The Committee"
        " recommends", "Reply:", "Recommendation:", "\n", "\r\n", "\r", "\n\n", " ", "\t",
        "\u00a0", "\u200b", "\ufeff", "Text", "text.", "2023", "Introduction", "I.", "A.",
        "United Nations", "Distr.: General", "13 May 2024", "[Date received: 1 May 2024]",
        "Information received from Chad on follow-up", "See", "3", ";", ":", "(", ")",
    ]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40).map("".join))
def test_structured_noise_is_read_without_error(text: str) -> None:
    """Text made of structural fragments in any order never breaks the invariants."""
    check_invariants(read_reply(text))


# ==========================================================================
# Adversarial inputs: reading stays linear


ADVERSARIAL = {
    "No. repeats": "Recommendation " + "No. " * 50_000 + "5",
    "No. lines": "Recommendation No. No. No. No. 5\n" * 5_000,
    "digit run": "1" * 500_000,
    "digit lines": ("9" * 200 + ".\n") * 2_000,
    "brackets": "(" * 200_000 + ")" * 200_000,
    "bracket lines": ("Paragraph 1 " + "(" * 250 + "\n") * 2_000,
    "reference lists": ("Paragraphs " + "1, 2 and " * 30 + "3\n") * 2_000,
    "spaces": " " * 500_000 + "x",
    "symbols": "CAT/C/KAZ/CO/4 " * 50_000,
    "slashes": "CAT/" + "A/" * 100_000,
    "stars": "*" * 500_000,
    "newlines": "\n" * 200_000,
    "carriage returns": "\r" * 200_000,
    "zero-width": "\u200b" * 200_000 + "1. a",
    "short lines": "Conditions of detention\n" * 20_000,
    "openers": "".join(f"{i}. The Committee recommends it.\n" for i in range(1, 10_000)),
    "quotes": "\u201c" * 100_000,
    "dates": "[Date received: " * 20_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_inputs_are_read(name: str, hang_guard: Callable[..., None]) -> None:
    """Inputs built to make patterns backtrack are read, never hang (a hang guard)."""
    hang_guard(lambda: check_invariants(read_reply(ADVERSARIAL[name])))


def test_repeated_text_gives_repeated_structure() -> None:
    """Eight times the text gives eight times the paragraphs, each where it is (the time
    this takes, linear, is measured by the benchmarks)."""
    geo = read_sample("geo-cerd-pdf-crlf.txt")
    once = read_reply(geo)
    many = read_reply(geo * 8)
    check_invariants(many)
    assert len(many.paragraphs) >= 8 * len(once.paragraphs) - 8


def test_references_keep_their_document() -> None:
    """A heading's reference points into the concluding observations it names."""
    reply = read_reply("Paragraph 12 (CAT/C/KAZ/CO/4)\n1. Text.\n")
    assert reply.headings[0].refs == (
        ParagraphRef.parse("12", document=DocumentSymbol("CAT/C/KAZ/CO/4")),
    )


@given(st.from_regex(r"[0-9]{1,7}", fullmatch=True))
def test_a_heading_numbering_one_paragraph_is_read_as_the_grammar_reads_it(number: str) -> None:
    from catdomain.exceptions import ParseError
    from catdomain.identifiers import DocumentSymbol, ParagraphRef
    from catdomain.reading.structure import _parse_ref

    document = DocumentSymbol.parse("CAT/C/KAZ/CO/4")
    try:
        expected = ParagraphRef.parse(number, document=document)
    except ParseError:
        expected = None
    assert _parse_ref(number, document) == expected
