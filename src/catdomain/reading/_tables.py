"""Statistics laid out as tables in plain text: one row per year, or one column per year.

Replies often give figures as a small table, which a word processor or a PDF
extractor turns into lines of cells separated by tabs (or by runs of spaces)::

    The prison population was as follows:
    Year    Total    Pretrial detainees
    2021    39,000   15,600
    2022    33,900   12,800

or, with the years across::

    Complaints        2021   2022   2023
    Registered         64     51     73
    Sent to court      18     15     22

A table is read when a header line is followed by rows with as many cells,
and either every row starts with a time ("2021", "2021–2022",
"January–June 2023") and the header names the columns, or the header's cells
after the first are times and every row starts with a label. Each figure
becomes a `Quantity` at its cell, with the time of its row (or column) and a
concept made from the line introducing the table and the label of its column
(or row): "prison population: pretrial detainees". A "Total" column or row
makes the others its subsets. Anything else is left to the prose reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

import attrs

from catdomain import _regex
from catdomain._dates import Period, parse_time
from catdomain.exceptions import CatdomainError
from catdomain.reading._numbers import FIGURE, figure_value

__all__ = ["TextTable", "find_tables"]

_LINE = _regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_CELL_GAP = _regex.compile(r"\t+[ \u00a0]*|[ \u00a0]{2,}")
_PERCENT_CELL = _regex.compile(r"(?P<figure>.*?)[ \u00a0]*(?:%|per[ \u00a0]?cent)", re.IGNORECASE)
_MISSING = frozenset({"-", "–", "—", "n/a", "na", "..", "…", "x", "*"})
_TOTAL = frozenset({"total", "totals", "overall", "all", "in total", "total number", "number"})
_CAPTION_CUT = _regex.compile(
    r"[:(]|\b(?:was|were|is|are|has|have|had|as[ \u00a0]+follows|by[ \u00a0]+years?"
    r"|in[ \u00a0]+the[ \u00a0]+period|for[ \u00a0]+the[ \u00a0]+period|during|in[ \u00a0]+\d{4}"
    r"|from[ \u00a0]+\d{4}|between[ \u00a0]+\d{4}|over[ \u00a0]+the)\b",
    re.IGNORECASE,
)
_ENUMERATOR = _regex.compile(r"^[ \t\u00a0]*(?:\(?[0-9]{1,3}[.)]|\(?[a-z][.)])[ \t\u00a0]*")
_LEADING_THE = _regex.compile(r"^(?:the|a|an)[ \u00a0]+", re.IGNORECASE)
_MAX_CAPTION_WORDS = 8
_HEADER_TRIES = 3  # lines of a block of equal width tried as its header


@attrs.frozen(kw_only=True)
class Cell:
    """A cell of a text table: its text and where it is.

    Example:
        >>> Cell(start=4, end=10, text="39,000").text
        '39,000'
    """

    start: int
    end: int
    text: str


@attrs.frozen(kw_only=True)
class TableFigure:
    """A figure read from a table cell.

    Attributes:
        cell: The cell.
        value: Its exact value.
        percent: Whether it is a percentage.
        concept: What it counts, from the caption and the label.
        time: The time of its row or column.
        row: ``(start, end)`` of its line.
        total: Whether its label is a total ("Total", "Overall").
        line: Index of its row among the table's rows.
    """

    cell: Cell
    value: Decimal
    percent: bool
    concept: str
    time: Period
    row: tuple[int, int]
    total: bool
    line: int


@attrs.frozen(kw_only=True)
class TextTable:
    """A table found in plain text, and its figures.

    Attributes:
        start: Offset of its header line.
        end: Offset just past its last row.
        caption: What the line introducing it says is counted ("" if nothing).
        figures: Its figures, row by row.
        subsets: ``(whole, parts)`` indices into `figures`: a total and the
            figures of the same time beside it.

    Example:
        >>> text = "Convictions:\\nYear\\tTotal\\tWomen\\n2022\\t40\\t3\\n2023\\t35\\t4\\n"
        >>> table = find_tables(text, 0, len(text))[0]
        >>> [(f.cell.text, f.concept, str(f.time)) for f in table.figures]
        [('40', 'convictions', '2022'), ('3', 'convictions: women', '2022'), ('35', 'convictions', '2023'), ('4', 'convictions: women', '2023')]
        >>> table.subsets
        ((0, (1,)), (2, (3,)))
    """  # noqa: E501

    start: int
    end: int
    caption: str
    figures: tuple[TableFigure, ...]
    subsets: tuple[tuple[int, tuple[int, ...]], ...]


def _lines(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each line of ``text[lo:hi]``, without its line break."""
    pos = lo
    while pos < hi:
        m = _LINE.match(text, pos, hi)
        if m is None or m.end() == pos:
            break
        end = m.end()
        body_end = end
        while body_end > pos and text[body_end - 1] in "\r\n":
            body_end -= 1
        yield pos, body_end
        pos = end


def _cells(text: str, start: int, end: int) -> list[Cell]:
    """The cells of a line, split at tabs or at runs of two spaces or more."""
    cells = []
    pos = start
    while pos < end and text[pos] in " \u00a0":
        pos += 1
    leading_tab = pos < end and text[pos] == "\t"
    if leading_tab:  # an empty first cell: "\t2021\t2022"
        cells.append(Cell(start=pos, end=pos, text=""))
    for gap in _CELL_GAP.finditer(text, pos, end):
        if gap.start() > pos:
            cells.append(Cell(start=pos, end=gap.start(), text=text[pos : gap.start()]))
        pos = gap.end()
    if pos < end:
        stop = end
        while stop > pos and text[stop - 1] in " \u00a0\t":
            stop -= 1
        if stop > pos:
            cells.append(Cell(start=pos, end=stop, text=text[pos:stop]))
    return cells


def _time(text: str) -> Period | None:
    if not text or not text[:1].isalnum() or len(text) > 40:
        return None
    try:
        value = parse_time(text.replace("\u00a0", " "))
    except (CatdomainError, ValueError):
        return None
    return value if isinstance(value, Period) else None


def _number(cell: Cell) -> tuple[Decimal, bool, Cell] | None:
    """The value of a numeric cell, whether it is a percentage, and the figure's own cell."""
    text = cell.text
    percent = False
    m = _PERCENT_CELL.fullmatch(text)
    if m is not None:
        text = m.group("figure")
        percent = True
    if FIGURE.fullmatch(text) is None:
        return None
    value = figure_value(text)
    if value is None:
        return None
    return value, percent, Cell(start=cell.start, end=cell.start + len(text), text=text)


def _is_missing(cell: Cell) -> bool:
    return cell.text.strip().lower() in _MISSING


def _caption(text: str, lo: int, header_start: int) -> str:
    """What the line before the table says is counted ("The prison population was …")."""
    before = text[max(lo, header_start - 400) : header_start].rstrip()
    line = before[max(before.rfind("\n"), before.rfind("\r")) + 1 :]
    line = _ENUMERATOR.sub("", line)
    cut = _CAPTION_CUT.search(line)
    words = (line[: cut.start()] if cut else line).split()
    if not words or len(words) > _MAX_CAPTION_WORDS:
        return ""
    caption = _LEADING_THE.sub("", " ".join(words)).strip(" ,;.")
    if caption[:1].isupper() and not caption[1:2].isupper():
        caption = caption[0].lower() + caption[1:]
    return caption


def _concept(caption: str, label: str) -> tuple[str, bool]:
    """The concept of a figure under `label`, and whether `label` names the total."""
    label = " ".join(label.split()).strip(" :")
    lowered = label.lower()
    total = lowered in _TOTAL or lowered.startswith("total ")
    if not caption:
        return (lowered if label else "total"), total
    if total or not label:
        return caption, total
    return f"{caption}: {lowered if not label[1:2].isupper() else label}", total


_Row = tuple[int, int, list[Cell]]


def _row_figures(
    caption: str, labels: list[Cell], row: _Row, line: int
) -> list[TableFigure] | None:
    """The figures of one row of a table whose rows start with a time, or None."""
    when = _time(row[2][0].text)
    if when is None:
        return None
    columns = []
    for label in labels:
        concept, total = _concept(caption, label.text)
        columns.append((concept, total, _marks_percent(label.text), when))
    return _figures(row, line, columns)


def _column_figures(
    caption: str, times: list[Period], row: _Row, line: int
) -> list[TableFigure] | None:
    """The figures of one row of a table whose columns are times, or None."""
    label = row[2][0].text
    if not label or _number(row[2][0]) is not None or _time(label) is not None:
        return None
    concept, total = _concept(caption, label)
    marked = _marks_percent(label)
    return _figures(row, line, [(concept, total, marked, when) for when in times])


def _figures(
    row: _Row, line: int, columns: list[tuple[str, bool, bool, Period]]
) -> list[TableFigure] | None:
    """The figures of the cells after a row's first, one per column's (concept, total,
    percent label, time); None if a cell is neither a figure nor marked missing."""
    start, end, cells = row
    figures = []
    for (concept, total, marked, when), cell in zip(columns, cells[1:], strict=True):
        if _is_missing(cell):
            continue
        number = _number(cell)
        if number is None:
            return None
        value, percent, own = number
        figures.append(
            TableFigure(
                cell=own,
                value=value,
                percent=percent or marked,
                concept=concept,
                time=when,
                row=(start, end),
                total=total,
                line=line,
            )
        )
    return figures


def _marks_percent(label: str) -> bool:
    return "%" in label or "per cent" in label.lower()


def _read_table(
    text: str, lo: int, lines: list[_Row], at: int, stop: int
) -> tuple[TextTable, int] | None:
    """The table whose header is ``lines[at]``, and how many of the lines after it, up to
    `stop`, it takes (those that fit)."""
    header = lines[at]
    start, _end, cells = header
    caption = _caption(text, lo, start)
    labels = cells[1:]
    read: Callable[[_Row, int], list[TableFigure] | None]
    if all(c.text and _number(c) is None and _time(c.text) is None for c in labels):
        # Column labels are words ("Total", "Pretrial detainees"); rows start with a time.
        def read(row: _Row, line: int) -> list[TableFigure] | None:
            return _row_figures(caption, labels, row, line)
    else:
        times = [_time(c.text) for c in labels]
        if any(t is None for t in times):
            return None
        corner = _caption_of(cells[0].text) if cells[0].text else ""
        known = [t for t in times if t is not None]

        def read(row: _Row, line: int) -> list[TableFigure] | None:
            return _column_figures(corner or caption, known, row, line)

    rows = range(at + 1, stop)
    figures: list[TableFigure] = []
    taken = 0
    for line, index in enumerate(rows):
        found = read(lines[index], line)
        if found is None:
            break
        figures.extend(found)
        taken += 1
    if not figures:
        return None
    table = TextTable(
        start=start,
        end=lines[at + taken][1],
        caption=caption,
        figures=tuple(figures),
        subsets=_subsets(figures),
    )
    return table, taken


def _subsets(figures: list[TableFigure]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """A total and the other figures of the same time are a whole and its subsets."""
    out = []
    by_time: dict[str, list[int]] = {}
    for index, figure in enumerate(figures):
        by_time.setdefault(str(figure.time), []).append(index)
    for indices in by_time.values():
        totals = [i for i in indices if figures[i].total]
        if len(totals) != 1:
            continue
        whole = totals[0]
        parts = tuple(
            i for i in indices if i != whole and figures[i].percent == figures[whole].percent
        )
        if parts:
            out.append((whole, parts))
    return tuple(out)


def find_tables(text: str, lo: int, hi: int) -> list[TextTable]:
    """The tables of statistics in ``text[lo:hi]``, in text order.

    Example:
        >>> text = "Complaints\\t2021\\t2022\\nRegistered\\t64\\t51\\nSent to court\\t18\\t15\\n"
        >>> [(f.concept, str(f.time), f.cell.text) for f in find_tables(text, 0, len(text))[0].figures]
        [('complaints: registered', '2021', '64'), ('complaints: registered', '2022', '51'), ('complaints: sent to court', '2021', '18'), ('complaints: sent to court', '2022', '15')]
    """  # noqa: E501
    if text.find("\t", lo, hi) < 0 and text.find("  ", lo, hi) < 0:
        return []
    lines = [(s, e, _cells(text, s, e)) for s, e in _lines(text, lo, hi)]
    tables: list[TextTable] = []
    block = 0
    while block < len(lines):
        width = len(lines[block][2])
        end = block + 1
        while end < len(lines) and len(lines[end][2]) == width:
            end += 1
        # A header is one of the first lines of a block of lines with as many cells (a
        # caption may come first); a table takes the rows after it that fit, and the
        # search goes on after them. A header fails on its first row, so each line is
        # read a bounded number of times: linear in the text.
        header, tries = block, 0
        while width >= 2 and header < end - 1 and tries < _HEADER_TRIES:
            found = _read_table(text, lo, lines, header, end)
            if found is None:
                header, tries = header + 1, tries + 1
                continue
            table, taken = found
            tables.append(table)
            header, tries = header + 1 + taken, 0
        block = end
    return tables


def _caption_of(label: str) -> str:
    """The corner cell as a caption ("Complaints" above the row labels)."""
    words = label.split()
    if not words or len(words) > _MAX_CAPTION_WORDS or label.lower() in ("year", "indicator"):
        return ""
    caption = label.strip(" :")
    if caption[:1].isupper() and not caption[1:2].isupper():
        caption = caption[0].lower() + caption[1:]
    return caption
