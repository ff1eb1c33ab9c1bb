"""The one table renderer: columns sized to the terminal, or one stacked block per row.

Every cell is wrapped only between words, so a number, id, date or token is never split. When
the columns cannot fit at the width of their longest words, the table becomes a stacked
record view: one block per row, headed by its first cell, then ``label: value`` lines. Lines
carry no trailing spaces, so piped output is unpadded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from rich.cells import cell_len
from rich.text import Text

from llama4ref.printable import printable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

GAP = 2
"""Spaces between columns."""

_WORD = re.compile(r"\S+")
_DIRECTORY = re.compile(r"[^/]*/|[^/]+")

UNBOUNDED = 10_000
"""A console at least this wide is a pipe without COLUMNS (llama4ref.cli.output.PIPE_WIDTH): nothing wraps."""

PIPE_PAD = 80
"""In such a pipe a column is padded to at most this width: a cell wider than that (a 700-character
value) shifts the rest of its own row instead of padding every other row to its width."""


@dataclass(frozen=True)
class Column:
    """A column's header, alignment and style (numbers read best right-aligned)."""

    name: str
    align: Literal["left", "right"] = "left"
    style: str = ""
    prose: bool = False
    """Running text (a title, a summary): a word longer than :data:`PROSE_MIN` may fold, so it never forces records."""
    whole: bool = False
    """Each cell is one value that reads wrong split (a version such as ``transformers 4.51.0``): the
    column is never narrower than its widest cell, and the table turns into stacked records first."""


PROSE_MIN = 24
"""The narrowest a prose column gets; words up to this long (every number, date, short id) stay whole."""

PROSE_COMFORT = 32
"""A prose column squeezed narrower than this (and than its text) turns the table into stacked records."""


Cell = Text | str

PROSE_NAMES = frozenset({"title", "value", "what it asks", "meaning", "formula", "details", "what it does", "term", "matched in"})
"""Columns named like this hold running text (see :attr:`Column.prose`)."""


def column(c: str | Column) -> Column:
    """``c`` as a Column; a plain name is prose when it is one of :data:`PROSE_NAMES`."""
    return c if isinstance(c, Column) else Column(c, prose=c in PROSE_NAMES)


def as_text(cell: Cell) -> Text:
    """A cell as rich Text; a plain string is made printable whole (a newline in data shows as ``\\x0a``).

    A renderer that wants line breaks in a cell passes Text, its parts made printable one by one.
    """
    if isinstance(cell, Text):
        return cell
    return Text(printable(str(cell)))


def _longest_word(text: Text) -> int:
    return max((cell_len(w) for w in text.plain.split()), default=0)


def _widest_line(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def _wrap(con: Console, text: Text, width: int) -> list[Text]:
    """``text`` wrapped between words at ``width``; a word longer than that is folded."""
    lines: list[Text] = []
    for part in text.split("\n", allow_blank=True):
        if part.cell_len <= width:
            lines.append(part)
            continue
        for line in part.wrap(con, width, overflow="fold", no_wrap=False):
            line.rstrip()
            lines.append(line)
    return lines or [Text()]


def column_widths(
    con: Console,
    header: Sequence[Text],
    rows: Sequence[Sequence[Text]],
    width: int,
    prose: Sequence[bool] = (),
    whole: Sequence[bool] = (),
) -> list[int] | None:
    """Widths that fit ``width`` with no word split (outside prose columns) and no cell of a
    ``whole`` column wrapped, or None when no such widths exist."""
    grid = [list(header), *[list(r) for r in rows]]
    natural = [max(_widest_line(row[i]) for row in grid) for i in range(len(header))]
    least = [
        natural[i] if i < len(whole) and whole[i] else max(max(_longest_word(row[i]) for row in grid), 1)
        for i in range(len(header))
    ]
    least = [min(w, PROSE_MIN, natural[i]) if i < len(prose) and prose[i] else w for i, w in enumerate(least)]
    room = width - GAP * (len(header) - 1)
    if sum(least) > room:
        return None
    widths = natural[:]
    flags = [i < len(prose) and prose[i] for i in range(len(widths))]
    while sum(widths) > room:  # shrink the column with the most room to give
        i = max(range(len(widths)), key=lambda j: widths[j] - least[j])
        widths[i] -= min(widths[i] - least[i], max(1, sum(widths) - room))
    if any(flags[i] and widths[i] < min(natural[i], PROSE_COMFORT) for i in range(len(widths))):
        return None  # running text squeezed into a narrow column reads worse than a stacked record
    return widths


def _pad(line: Text, width: int, align: str) -> Text:
    fill = " " * max(width - line.cell_len, 0)
    return Text(fill).append_text(line) if align == "right" else line.copy().append(fill)


def render(
    con: Console,
    title: str | Text | None,
    columns: Sequence[str | Column],
    rows: Sequence[Sequence[Cell]],
    *,
    overflow_first: bool = False,
) -> Text:
    """A table as one Text: columns when they fit ``con.width`` without splitting a word, else stacked records.

    With ``overflow_first`` (a column of ids), a table that does not fit only because of a few
    long first cells keeps its columns: such a cell stands whole on a line of its own and the
    rest of its row follows on the next line, under the columns (:func:`_overflowing`)."""
    cols = [column(c) for c in columns]
    cells = [[as_text(c) for c in row] for row in rows]
    keep = [i for i in range(len(cols)) if i == 0 or not rows or any(row[i].plain.strip() for row in cells)]
    if len(keep) < len(cols):  # a column empty in every row says nothing
        cols = [cols[i] for i in keep]
        cells = [[row[i] for i in keep] for row in cells]
    header = [Text(printable(c.name), style="bold") for c in cols]
    out = Text()
    if title is not None:
        heading = title if isinstance(title, Text) else Text(printable(title), style="bold")
        out.append_text(Text("\n").join(_wrap(con, heading, con.width)))
        out.append("\n")
    widths = column_widths(con, header, cells, con.width, [c.prose for c in cols], [c.whole for c in cols])
    if widths is None and overflow_first:
        table = _overflowing(con, cols, header, cells)
        if table is not None:
            return out.append_text(table)
    if widths is None:
        out.append_text(stacked(con, cols, cells))
        return out
    pads = [min(w, PIPE_PAD) for w in widths] if con.width >= UNBOUNDED else widths
    lines: list[Text] = []
    for n, row in enumerate([header, *cells]):
        wrapped = [_wrap(con, cell, w) for cell, w in zip(row, widths, strict=True)]
        for k in range(max(len(w) for w in wrapped)):
            line = Text()
            for i, (part, col) in enumerate(zip(wrapped, cols, strict=True)):
                piece = part[k] if k < len(part) else Text()
                if col.style and n:
                    piece.stylize(col.style)
                if i:
                    line.append(" " * GAP)
                line.append_text(_pad(piece, pads[i], col.align))
            line.rstrip()
            lines.append(line)
    out.append_text(Text("\n").join(lines))
    return out


OVERFLOW_MIN = 24
"""The narrowest first column :func:`_overflowing` keeps (most ids fit it, beside their row)."""


def _overflowing(con: Console, cols: Sequence[Column], header: Sequence[Text], cells: Sequence[Sequence[Text]]) -> Text | None:
    """The table with the first column as wide as the other columns leave (at least
    :data:`OVERFLOW_MIN`), a first cell wider than that on its own line; None when the other
    columns do not fit with it, or a cell has more than one line."""
    if any("\n" in c.plain for row in [header, *cells] for c in row):
        return None
    rest = [max(cell_len(row[i].plain) for row in [header, *cells]) for i in range(1, len(cols))]
    first = con.width - sum(rest) - GAP * len(rest)
    if first < max(OVERFLOW_MIN, cell_len(header[0].plain)):
        return None
    widths = [first, *rest]
    lines: list[Text] = []
    for n, row in enumerate([header, *cells]):
        pieces = [cell.copy() for cell in row]
        for i, col in enumerate(cols):
            if col.style and n:
                pieces[i].stylize(col.style)
        if pieces[0].cell_len > first:  # the long id whole, then its row under the columns
            lines.append(pieces[0])
            pieces[0] = Text()
        line = Text()
        for i, (piece, col) in enumerate(zip(pieces, cols, strict=True)):
            if i:
                line.append(" " * GAP)
            line.append_text(_pad(piece, widths[i], col.align))
        line.rstrip()
        lines.append(line)
    return Text("\n").join(lines)


def stacked(con: Console, columns: Sequence[Column], rows: Sequence[Sequence[Text]]) -> Text:
    """One block per row: its first cell as the heading, then ``label: value`` lines, values wrapped under themselves."""
    blocks: list[Text] = []
    for row in rows:
        block = Text()
        block.append_text(Text("\n").join(wrap_whole(row[0].copy(), con.width)))
        block.stylize("bold")
        line = Text()
        for col, cell in zip(columns[1:], row[1:], strict=True):
            if not cell.plain.strip():
                continue
            pair = label_value(con, Text(printable(col.name), style="cyan"), cell, indent="")
            if "\n" not in pair.plain and line.plain and line.cell_len + 3 + pair.cell_len <= con.width:
                line.append(" · ", style="dim").append_text(pair)  # short fields share a line
                continue
            if line.plain:
                block.append("\n").append_text(line)
            line = Text()
            if "\n" in pair.plain or pair.cell_len + 2 > con.width:
                block.append("\n").append_text(label_value(con, Text(printable(col.name), style="cyan"), cell))
            else:
                line = Text("  ").append_text(pair)
        if line.plain:
            block.append("\n").append_text(line)
        blocks.append(block)
    return Text("\n\n").join(blocks)


def label_value(con: Console, label: Text, value: Text, indent: str = "  ") -> Text:
    """``label: value`` wrapped at the console width, continuation lines hanging under the value."""
    head = Text(indent).append_text(label).append(": ")
    room = max(con.width - head.cell_len, 8)
    longest = _longest_word(value)
    if longest > room:  # a URL or an id that would not fit beside the label starts under it, whole
        pad = max(0, min(head.cell_len, con.width - longest))
        out = Text(indent).append_text(label).append(":")
        for line in [value] if _verbatim(value, con.width) else wrap_whole(value, con.width - pad):
            out.append("\n" + " " * pad)
            out.append_text(line)
        return out
    out = Text()
    for k, line in enumerate(wrap_whole(value, room)):
        if k:
            out.append("\n" + " " * head.cell_len)
        else:
            out.append_text(head)
        out.append_text(line)
    return out


def _verbatim(text: Text, width: int) -> bool:
    """Code, such as a regular expression: an escape, and a token wider than the line.

    Breaking it at a space would drop the space (the tokenizer's split pattern has one, in
    ``| ?[``), so it is printed as one line: the terminal wraps it for display, and a copy of it
    is exact.
    """
    return "\\" in text.plain and _longest_word(text) > width


def _spans(plain: str, width: int, paths: bool, whole: int | None = None) -> list[tuple[int, int]]:
    """Where each word starts and ends; with ``paths``, a file path wider than ``whole`` (default
    ``width``; a word with a ``/`` and no ``://``) is one span per directory, each ending in its
    ``/``. A Markdown link wider than ``width`` (``[text](url)``) is two spans, the text and the
    address: each may then fit a line of its own, and neither is cut."""
    out: list[tuple[int, int]] = []
    for word in _WORD.finditer(plain):
        text = word.group()
        link = text.find("](")
        if link > 0 and cell_len(text) > width:
            out += [(word.start(), word.start() + link + 1), (word.start() + link + 1, word.end())]
            continue
        if not (paths and cell_len(text) > (whole or width) and "/" in text.rstrip("/") and "://" not in text):
            out.append(word.span())
            continue
        at = word.start()
        for piece in _DIRECTORY.findall(text):
            out.append((at, at + len(piece)))
            at += len(piece)
    return out


def wrap_whole(text: Text, width: int, *, paths: bool = False, whole: int | None = None) -> list[Text]:
    """``text`` wrapped between words at ``width``; a word wider than that stands whole on its own
    line, wider than ``width`` (the terminal wraps it for display, and a copy of it keeps it whole:
    a URL, an id or a path is never cut into two lines).

    With ``paths`` (a citation's locator), a file path wider than ``whole`` (default ``width``: give
    the console's width for a continuation line, which may move left to hold the path whole) may
    also break after one of its ``/``. A URL never breaks; a Markdown link may break between its
    text and its address.
    """
    lines: list[Text] = []
    for part in text.split("\n", allow_blank=True):
        plain = part.plain
        cuts: list[int] = []
        start = 0
        for begin, end in _spans(plain, width, paths, whole):
            if plain[start:begin].strip() and cell_len(plain[start:end]) > width:
                cuts.append(begin)
                start = begin
        for line in part.divide(cuts):
            line.rstrip()
            lines.append(line)
    return lines or [Text()]


def hanging(con: Console, text: Text, indent: int, *, paths: bool = False) -> Text:
    """``text`` wrapped between words at the console width, continuation lines indented ``indent`` cells.

    A line printed as it is would continue at column 0 under its own indent. A continuation line
    holding a word too long for the indent (a URL, an id, a file path) moves left just enough to
    fit; the lines after it keep the indent. A word wider than the whole line is printed whole
    (:func:`wrap_whole`) under the indent, for the terminal to fold (at column 0 it read as a new
    paragraph, out of its answer); so is code (:func:`_verbatim`). With ``paths``, a file
    path too long for the whole line breaks after a ``/`` instead (:func:`wrap_whole`); one that
    fits a line moves left, whole, as a URL does.
    """
    if text.cell_len <= con.width and "\n" not in text.plain:
        return text
    if _verbatim(text, con.width):
        return text
    indent = max(0, min(indent, con.width - 8))
    first = wrap_whole(text, con.width, paths=paths)[0]
    rest = text[len(first.plain) :]
    rest = rest[len(rest.plain) - len(rest.plain.lstrip(" \n")) :]
    out = first
    for line in wrap_whole(rest, con.width - indent, paths=paths, whole=con.width) if rest.plain else []:
        wider = line.cell_len > con.width  # no place fits it: it stays under its indent, the terminal folds it
        out.append("\n" + " " * (indent if wider else max(0, min(indent, con.width - line.cell_len))))
        out.append_text(line)
    return out


def say(con: Console, text: Text, indent: int, *, paths: bool = False) -> None:
    """Print :func:`hanging`'s lines (no re-wrapping: they already fit)."""
    con.print(hanging(con, text, indent, paths=paths), soft_wrap=True)


def records(con: Console, title: str | Text | None, columns: Sequence[str | Column], rows: Sequence[Sequence[Cell]]) -> Text:
    """Always the stacked view (for rows too rich for columns at any width)."""
    cols = [column(c) for c in columns]
    out = Text()
    if title is not None:
        heading = title if isinstance(title, Text) else Text(printable(title), style="bold")
        out.append_text(heading).append("\n")
    out.append_text(stacked(con, cols, [[as_text(c) for c in row] for row in rows]))
    return out


def table(con: Console, title: str | Text | None, columns: Sequence[str | Column], rows: Sequence[Sequence[Cell]]) -> None:
    """Print :func:`render`'s table (no re-wrapping: its lines already fit)."""
    con.print(render(con, title, columns, rows), soft_wrap=True)
