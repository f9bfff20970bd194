"""Tests for catdomain.reading._input: decoding bytes and reading text, Word and PDF files."""

from __future__ import annotations

import os
import sys
import zlib
from pathlib import Path

import pytest

from catdomain.exceptions import CatdomainError, InputError
from catdomain.reading._input import decode, read_document
from catdomain.reading.structure import read_reply

REPLIES = Path(__file__).resolve().parent / "replies"
TEXT = "1.\tThe Act of 5\u00a0May 2023 was adopted.\r\n2.\tIt is in force \u2013 since 2024.\n"


# ==========================================================================
# decode


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("utf-16"), TEXT),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), TEXT),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), TEXT),
        (TEXT.encode("utf-16-le"), TEXT),
        (TEXT.encode("utf-16-be"), TEXT),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), TEXT),
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), TEXT),
        (b"", ""),
        (b"\r\n\r", "\r\n\r"),
    ],
    ids=[
        "utf-8", "utf-8 bom", "utf-16 native bom", "utf-16-le bom", "utf-16-be bom",
        "utf-16-le no bom", "utf-16-be no bom", "utf-32-le bom", "utf-32-be bom", "empty",
        "line endings",
    ],
)  # fmt: skip
def test_decode_encodings(data: bytes, expected: str) -> None:
    """Each supported encoding decodes to the same text; only the BOM is removed."""
    assert decode(data) == expected


def test_decode_keeps_everything_but_the_bom() -> None:
    """Line endings, special spaces and a BOM-like character inside the text are kept."""
    text = "a\r\nb\rc\u00a0d\u202fe\u200bf\ufeffg"
    assert decode(("\ufeff" + text).encode("utf-8")) == text


def test_decode_accepts_bytearray_and_memoryview() -> None:
    """Bytes-like objects are accepted."""
    data = TEXT.encode("utf-8")
    assert decode(bytearray(data)) == decode(memoryview(data)) == TEXT


def test_decode_invalid_utf8_names_the_byte() -> None:
    """Invalid UTF-8 gives an InputError with the position and the bad byte."""
    data = "Caf\u00e9 ".encode() + b"na\xefve \x93quoted\x94"
    with pytest.raises(InputError) as caught:
        decode(data, source="reply.txt")
    error = caught.value
    assert error.path == "reply.txt"
    assert error.reason.startswith("not valid UTF-8 at byte 8 (")
    assert "0xef" in error.reason
    assert isinstance(error, OSError)
    assert isinstance(error, CatdomainError)


def test_decode_invalid_utf8_after_a_bom_counts_the_bom() -> None:
    """The byte position counts from the start of the data, BOM included."""
    with pytest.raises(InputError, match="at byte 4 "):
        decode(b"\xef\xbb\xbfa\xff")


def test_decode_invalid_utf16() -> None:
    """Truncated UTF-16 is an InputError saying so."""
    with pytest.raises(InputError, match="not valid UTF-16 at byte"):
        decode(b"\xff\xfea\x00b")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "a legacy Microsoft Office file"),
        (b"{\\rtf1\\ansi", "an RTF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
        (b"\x1f\x8b\x08\x00", "a gzip archive"),
    ],
)
def test_decode_recognises_binary_formats(data: bytes, what: str) -> None:
    """Known binary formats are named in the error."""
    with pytest.raises(InputError, match=f"looks like {what}"):
        decode(data, source="reply.txt")


def test_decode_refuses_binary_data_with_nul_bytes() -> None:
    """NUL bytes in data that is not UTF-16 mean binary data."""
    with pytest.raises(InputError, match="NUL byte at byte 3: looks like binary data"):
        decode(b"abc\x00\x01\x02\x03\xfe\xfa\x00\x00\x00\x13\x37\x00\x10")


def test_decode_refuses_non_bytes() -> None:
    """A str is not bytes."""
    with pytest.raises(TypeError, match="needs bytes, got str"):
        decode("text")  # type: ignore[arg-type]


# ==========================================================================
# read_document: text files and errors


def test_read_text_file_keeps_the_text_exactly(tmp_path: Path) -> None:
    """A .txt file is decoded without changing line endings."""
    path = tmp_path / "reply.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    assert read_document(path) == TEXT
    assert read_document(str(path)) == TEXT


@pytest.mark.parametrize("name", ["reply.text", "reply", "reply.md", "REPLY.TXT"])
def test_read_other_text_names(tmp_path: Path, name: str) -> None:
    """.text, no extension and unknown extensions are read as text."""
    path = tmp_path / name
    path.write_text(TEXT, encoding="utf-16", newline="")
    assert read_document(path) == TEXT


def test_read_sample_reply_and_its_offsets() -> None:
    """A sample read from disk gives offsets that index the text read."""
    text = read_document(REPLIES / "geo-cerd-pdf-crlf.txt")
    assert not text.startswith("\ufeff")
    assert "\r\n" in text
    reply = read_reply(text)
    first = reply.paragraph("1")
    assert text[first.start : first.start + 19] == "The Public Defender"


def test_read_empty_file(tmp_path: Path) -> None:
    """An empty file is an empty text."""
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_document(path) == ""


def test_missing_file(tmp_path: Path) -> None:
    """A missing file is an InputError naming it."""
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.path == str(path)
    assert caught.value.reason == "no such file"


def test_directory(tmp_path: Path) -> None:
    """A directory is not a file."""
    with pytest.raises(InputError, match="is a directory, not a file"):
        read_document(tmp_path)


def test_size_limit(tmp_path: Path) -> None:
    """Files over the limit are refused; the limit is configurable and can be lifted."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    with pytest.raises(InputError, match="1000 bytes, over the limit of 999"):
        read_document(path, max_bytes=999)
    assert len(read_document(path, max_bytes=1000)) == 1000
    assert len(read_document(path, max_bytes=None)) == 1000


def test_size_limit_must_be_sensible(tmp_path: Path) -> None:
    """A negative limit is a programming error."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"a")
    with pytest.raises(ValueError, match="max_bytes"):
        read_document(path, max_bytes=-1)


def test_path_must_be_a_path() -> None:
    """Bytes or numbers are not paths."""
    with pytest.raises(TypeError, match="needs a path"):
        read_document(12)  # type: ignore[arg-type]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    """A file without read permission is an InputError."""
    path = tmp_path / "secret.txt"
    path.write_bytes(b"text")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match="permission denied"):
            read_document(path)
    finally:
        path.chmod(0o600)


def test_pdf_under_a_text_name_is_refused(tmp_path: Path) -> None:
    """A PDF saved as .txt is named for what it is."""
    path = tmp_path / "reply.txt"
    path.write_bytes(make_pdf([["1. Text."]]))
    with pytest.raises(InputError, match=r"reply\.txt: looks like a PDF document"):
        read_document(path)


def test_legacy_word_files_are_refused(tmp_path: Path) -> None:
    """.doc files are not supported, and the error says what to do."""
    path = tmp_path / "reply.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(InputError, match=r"save it as \.docx or \.txt"):
        read_document(path)


# ==========================================================================
# PDF


def make_pdf(pages: list[list[str]], *, compress: bool = False) -> bytes:
    """Build a small PDF whose pages show the given lines in Helvetica."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for lines in pages:
        content = b"BT /F1 12 Tf 14 TL 72 720 Td "
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            content += b"(" + escaped.encode("latin-1") + b") Tj T* "
        content += b"ET"
        if compress:
            stream = zlib.compress(content)
            objects.append(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
                + stream
                + b"\nendstream"
            )
        else:
            objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        content_number = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 FONT 0 R >> >> >>" % content_number
        )
        kids.append(len(objects))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    font = len(objects)
    objects = [o.replace(b"FONT", str(font).encode()) for o in objects]
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_read_pdf_pages_in_order(tmp_path: Path) -> None:
    """The text of each page, pages joined by a line break."""
    pytest.importorskip("pypdf")
    path = tmp_path / "reply.pdf"
    path.write_bytes(
        make_pdf(
            [
                ["Paragraph 10", "1. The Act was adopted.", "CAT/C/KAZ/FCO/4"],
                ["2", "2. It entered into force."],
            ],
            compress=True,
        )
    )
    text = read_document(path)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines == [
        "Paragraph 10",
        "1. The Act was adopted.",
        "CAT/C/KAZ/FCO/4",
        "2",
        "2. It entered into force.",
    ]
    reply = read_reply(text)
    assert [(p.number, reply.body(p)) for p in reply.paragraphs] == [
        ("1", "The Act was adopted."),
        ("2", "It entered into force."),
    ]
    assert [str(r) for r in reply.answered()] == ["10"]


def test_read_pdf_without_extension(tmp_path: Path) -> None:
    """A file without extension that starts like a PDF is read as one."""
    pytest.importorskip("pypdf")
    path = tmp_path / "reply"
    path.write_bytes(make_pdf([["1. Text."]]))
    assert "1. Text." in read_document(path)


def test_damaged_pdf(tmp_path: Path) -> None:
    """A damaged PDF is an InputError naming the file, not a traceback from pypdf."""
    pytest.importorskip("pypdf")
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n%%EOF")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.path == str(path)
    assert "PDF" in caught.value.reason


def test_file_named_pdf_that_is_not_one(tmp_path: Path) -> None:
    """A text file named .pdf is refused with the reason."""
    pytest.importorskip("pypdf")
    path = tmp_path / "reply.pdf"
    path.write_bytes(b"1. Text.")
    with pytest.raises(InputError, match=r"not a valid PDF file \(no %PDF- signature\)"):
        read_document(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    """A PDF whose pages have no text (a scan) is refused with advice."""
    pytest.importorskip("pypdf")
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([[]]))
    with pytest.raises(InputError, match="no text layer"):
        read_document(path)


def test_missing_pdf_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pypdf, the error says which extra to install."""
    monkeypatch.setitem(sys.modules, "pypdf", None)
    path = tmp_path / "reply.pdf"
    path.write_bytes(make_pdf([["1. Text."]]))
    with pytest.raises(InputError, match=r'pip install "catdomain\[read\]"'):
        read_document(path)


# ==========================================================================
# Word


def test_read_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    """Paragraphs and table cells come out in document order, one per line."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Follow-up information relating to paragraph 10")
    document.add_paragraph("1.\tThe Act was adopted on 5\u00a0May 2023.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Year"
    table.cell(0, 1).text = "Complaints"
    table.cell(1, 0).text = "2023"
    table.cell(1, 1).text = "46"
    document.add_paragraph("2.\tIt entered into force.")
    path = tmp_path / "reply.docx"
    document.save(str(path))
    text = read_document(path)
    assert text.split("\n") == [
        "Follow-up information relating to paragraph 10",
        "1.\tThe Act was adopted on 5\u00a0May 2023.",
        "Year",
        "Complaints",
        "2023",
        "46",
        "2.\tIt entered into force.",
    ]
    reply = read_reply(text)
    assert [p.number for p in reply.paragraphs] == ["1", "2"]


def test_read_docx_merged_cells_once(tmp_path: Path) -> None:
    """A merged cell's text is read once."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Total"
    table.cell(0, 2).text = "12"
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert read_document(path).split("\n") == ["Total", "12"]


def test_damaged_docx(tmp_path: Path) -> None:
    """A damaged .docx is an InputError naming the file."""
    pytest.importorskip("docx")
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.path == str(path)
    assert caught.value.reason.startswith("not a valid .docx file")


def test_docx_that_is_not_a_zip(tmp_path: Path) -> None:
    """A text file named .docx is refused."""
    pytest.importorskip("docx")
    path = tmp_path / "reply.docx"
    path.write_bytes(b"1. Text.")
    with pytest.raises(InputError, match=r"not a valid \.docx file \(not a ZIP archive\)"):
        read_document(path)


def test_missing_docx_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without python-docx, the error says which extra to install."""
    monkeypatch.setitem(sys.modules, "docx", None)
    path = tmp_path / "reply.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r'python-docx: pip install "catdomain\[read\]"'):
        read_document(path)
