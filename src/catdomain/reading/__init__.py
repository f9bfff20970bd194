"""Reading follow-up replies: from a file or text to structure and facts.

Each step is a separate module that can be used and tested alone:
`catdomain.reading.structure` finds the header, headings, numbered paragraphs,
quoted recommendations and page furniture of a reply, with character offsets
into the text as given; the other modules read citations, quantities and dates
from the paragraphs, and assemble the result into a Dossier.

Nothing heavy is imported here: python-docx and pypdf (the ``read`` extra) are
imported only when a .docx or .pdf file is read.
"""

from __future__ import annotations

from catdomain.reading._input import decode, read_document

__all__ = ["decode", "read_document"]
