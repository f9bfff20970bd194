"""Turning files and bytes into text, with errors that say what is wrong.

`decode` turns bytes into a str: UTF-8 with or without a byte-order mark,
UTF-16 and UTF-32 with a byte-order mark, and UTF-16 without one (recognised
by its pattern of NUL bytes). It removes the byte-order mark and changes
nothing else: line endings, non-breaking spaces and the like are kept, so that
character offsets found later index the text as the file holds it.

`read_document` reads a file by its kind: plain text, Word (.docx) or PDF.
Reading .docx and .pdf needs the ``read`` extra (python-docx and pypdf),
imported only when such a file is read.

Every failure is an `InputError` (also an `OSError`) naming the file and the
reason; no traceback from inside a decoder or a PDF library reaches the caller.

Example:
    >>> from catdomain.reading._input import decode
    >>> decode("\\ufeff1.\\tText".encode("utf-8"))
    '1.\\tText'
    >>> decode(b"caf\\xe9", source="reply.txt")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    catdomain.exceptions.InputError: reply.txt: not valid UTF-8 at byte 3 (...)
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

from catdomain.exceptions import InputError

__all__ = ["DEFAULT_MAX_BYTES", "decode", "read_document"]

DEFAULT_MAX_BYTES = 50_000_000
"""The default size limit of `read_document`, in bytes (50 MB)."""

_READ_EXTRA = 'pip install "catdomain[read]"'

# Byte-order marks, longest first: UTF-32 LE starts with the UTF-16 LE mark.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)

# Signatures of binary formats someone may pass as text by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .odt document?)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office file (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable"),
)

# How many leading bytes are examined to recognise UTF-16 without a mark.
_SNIFF = 4096
_TEXT_SUFFIXES = frozenset({".txt", ".text"})


def _looks_like(data: bytes) -> str | None:
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return what
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """Return the codec of BOM-less UTF-16 text, recognised by its NUL bytes.

    Text in a Latin script encoded as UTF-16 has a NUL in the high byte of
    almost every character: at odd offsets in little-endian, even offsets in
    big-endian order. Binary data has NULs scattered at both.
    """
    sample = data[:_SNIFF]
    if len(sample) < 4:
        return None
    size = len(sample) - len(sample) % 2
    even = sample[0:size:2].count(0)
    odd = sample[1:size:2].count(0)
    pairs = size // 2
    if odd >= 0.4 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.4 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _decode_error(source: str, name: str, error: UnicodeDecodeError, offset: int) -> InputError:
    position = error.start + offset
    bad = error.object[error.start : error.start + 1]
    detail = f"{error.reason}: byte 0x{bad.hex()}" if bad else str(error.reason)
    if name == "UTF-8":
        detail += "; the file may be in a legacy encoding such as Windows-1252: save it as UTF-8"
    return InputError(source, f"not valid {name} at byte {position} ({detail})")


def decode(data: bytes | bytearray | memoryview, *, source: str = "<bytes>") -> str:
    """Decode the bytes of a text file.

    Accepted: UTF-8 with or without a byte-order mark; UTF-16 (little or big
    endian) and UTF-32 with a byte-order mark; UTF-16 without one, recognised
    by its pattern of NUL bytes. The byte-order mark is removed; nothing else
    is changed (line endings and special spaces are kept). Empty data gives
    an empty str.

    Args:
        data: The bytes (`bytes`, `bytearray` or `memoryview`).
        source: What to call the data in error messages (a file name).

    Returns:
        The text.

    Raises:
        InputError: If the data is not text in one of these encodings; the
            message gives the byte position of the first bad byte, or says
            what the data looks like (a PDF, a ZIP archive, binary data).
        TypeError: If `data` is not bytes-like.

    Example:
        >>> from catdomain.reading._input import decode
        >>> decode("Kazakhstan\\r\\n".encode("utf-16"))
        'Kazakhstan\\r\\n'
        >>> decode(b"%PDF-1.7 ...", source="reply.txt")
        Traceback (most recent call last):
        ...
        catdomain.exceptions.InputError: reply.txt: looks like a PDF document, not plain text: read it with read_document() under a .pdf name
    """  # noqa: E501
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"decode() needs bytes, got {type(data).__name__}")
    for mark, codec, name in _BOMS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(codec)
            except UnicodeDecodeError as error:
                raise _decode_error(source, name, error, len(mark)) from None
    what = _looks_like(data)
    if what is not None:
        hint = ""
        if what.startswith("a PDF"):
            hint = ": read it with read_document() under a .pdf name"
        elif what.startswith("a ZIP"):
            hint = ": read a Word document with read_document() under a .docx name"
        raise InputError(source, f"looks like {what}, not plain text{hint}")
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError as error:
            raise _decode_error(source, "UTF-16", error, 0) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            source, f"contains a NUL byte at byte {nul}: looks like binary data, not plain text"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _decode_error(source, "UTF-8", error, 0) from None


def _read_bytes(path: Path, max_bytes: int | None) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as error:
        raise InputError(path, f"cannot read the file: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(path, "is a directory, not a file")
    limit_hint = "pass max_bytes=None to read any size"
    if max_bytes is not None and info.st_size > max_bytes:
        raise InputError(
            path,
            f"the file has {info.st_size} bytes, over the limit of {max_bytes} ({limit_hint})",
        )
    try:
        with path.open("rb") as handle:
            # Read one byte more than allowed: special files report no size.
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except OSError as error:
        raise InputError(path, f"cannot read the file: {error.strerror or error}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise InputError(path, f"the file has more than {max_bytes} bytes ({limit_hint})")
    return data


def _read_docx(path: Path, data: bytes) -> str:
    try:
        import docx  # imported here: an optional dependency
    except ImportError:
        raise InputError(path, f"reading .docx files needs python-docx: {_READ_EXTRA}") from None
    if not data.startswith(b"PK"):
        what = _looks_like(data) or "not a ZIP archive"
        raise InputError(path, f"not a valid .docx file ({what})")
    try:
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        _docx_content(document, lines)
    except Exception as error:  # python-docx and lxml raise many kinds of error
        raise InputError(
            path, f"not a valid .docx file ({type(error).__name__}: {error})"
        ) from None
    return "\n".join(lines)


def _docx_content(container: object, lines: list[str]) -> None:
    """Append the text of paragraphs and table cells, in document order."""
    from docx.table import Table  # imported here: an optional dependency

    for block in container.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Table):
            for row in block.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    # Merged cells repeat the same underlying cell object.
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    _docx_content(cell, lines)
        else:
            lines.append(block.text)


def _read_pdf(path: Path, data: bytes) -> str:
    try:
        import pypdf  # imported here: an optional dependency
    except ImportError:
        raise InputError(path, f"reading .pdf files needs pypdf: {_READ_EXTRA}") from None
    if data.lstrip()[:5] != b"%PDF-":
        what = _looks_like(data) or "no %PDF- signature"
        raise InputError(path, f"not a valid PDF file ({what})")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "the PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as error:  # pypdf raises many kinds of error on damaged files
        raise InputError(path, f"not a valid PDF file ({type(error).__name__}: {error})") from None
    if pages and not any(page.strip() for page in pages):
        raise InputError(path, "the PDF has no text layer (a scanned image?): run OCR on it first")
    return "\n".join(pages)


def read_document(
    path: str | os.PathLike[str], *, max_bytes: int | None = DEFAULT_MAX_BYTES
) -> str:
    """Read the text of a reply from a file.

    The kind of file is told by its extension, or by its first bytes when the
    extension is not one of these:

    - ``.txt`` or ``.text``: text, decoded by `decode` (a PDF or a Word
      file under such a name is refused, saying what it looks like);
    - no extension or another one: a PDF or a Word file if its first bytes
      say so, otherwise text;
    - ``.docx``: the text of the paragraphs and table cells in document order,
      one per line (python-docx; footnotes, headers and footers are not
      included);
    - ``.pdf``: the text of each page, pages joined by a line break (pypdf).
      Running headers, page numbers and footnotes stay in the text:
      `catdomain.reading.structure.read_reply` recognises them as furniture.

    Args:
        path: The file.
        max_bytes: Refuse files larger than this many bytes; None reads any
            size.

    Returns:
        The text; offsets found in it later index this exact string.

    Raises:
        InputError: If the file is missing, a directory, unreadable, too
            large, not in a supported format, damaged, or needs the ``read``
            extra that is not installed (the message says
            ``pip install "catdomain[read]"``).

    Example:
        >>> import pathlib, tempfile
        >>> from catdomain.reading._input import read_document
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> (folder / "reply.txt").write_bytes(b"1.\\tThe Act was adopted.\\r\\n")
        25
        >>> read_document(folder / "reply.txt")
        '1.\\tThe Act was adopted.\\r\\n'
        >>> read_document(folder / "missing.txt")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        catdomain.exceptions.InputError: .../missing.txt: no such file
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"read_document() needs a path, got {type(path).__name__}")
    if max_bytes is not None and (not isinstance(max_bytes, int) or max_bytes < 0):
        raise ValueError(f"max_bytes must be a non-negative int or None, got {max_bytes!r}")
    file = Path(path)
    data = _read_bytes(file, max_bytes)
    suffix = file.suffix.lower()
    if suffix == ".docx":
        return _read_docx(file, data)
    if suffix == ".pdf":
        return _read_pdf(file, data)
    if suffix == ".doc":
        raise InputError(file, "the legacy .doc format is not supported: save it as .docx or .txt")
    if suffix not in _TEXT_SUFFIXES:
        if data.startswith(b"%PDF-"):
            return _read_pdf(file, data)
        if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
            return _read_docx(file, data)
    return decode(data, source=str(file))
