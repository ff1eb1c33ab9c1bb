"""Documents as the claim checker reads them: sentences and table cells with their positions.

``read(text, kind)`` turns Markdown, HTML, plain text or a model card (YAML front matter, then
Markdown) into :class:`Span` objects: one per sentence of prose, one per front-matter line and
one per table cell. Each span knows the headings above it (a "# Llama 4 Scout" heading makes
the text under it about Scout) and maps every character back to ``line:col`` in the file.
Code blocks are skipped: commands and configs set values, they do not state facts.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from llama4ref.claims.flattened import flattened_rows

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?[-\u2013\u2014]{2,}")
"""A table's separator row; a page's typography may have turned its hyphens into dashes ("|——-|—–|")."""
_LIST = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=[A-Z0-9\"“(À-ÖØ-ÞА-ЯЁΑ-Ω\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])"
)
"""A sentence's end: a stop, then space, then a capital, a digit or a letter of a script without case
(Korean, Chinese, Japanese, Arabic, Hindi, Thai: "… 모델이 제공된다. 특히 Llama 4 Scout는 …")."""
_LABEL_LINE = re.compile(r"^\s*(?:[-*+]\s+)?\**([^:：|]{3,60}?)\**[:：]\s*$")  # "- **Llama 4 Scout**：" too
_HTML_HEADING = re.compile(r"<h([1-6])[^>]*>(.*?)</h\1\s*>", re.I | re.S)
_HTML_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
_HTML_CELL = re.compile(r"</t[dh]\s*>", re.I)
_HTML_TAG = re.compile(r"<[^>]*>")
_FRONT_KEYS_SUBJECT = ("title", "model_name", "name")


class Span(NamedTuple):
    """A piece of text that may state facts, where it is and what it sits under."""

    text: str
    starts: tuple[tuple[int, int, int], ...]  # (offset in text, line, col) where each source run begins
    headings: tuple[str, ...]  # the headings above it, outermost first
    column: str | None = None  # a table column heading that names the subject ("Maverick")
    paragraph: int = -1  # sentences of one paragraph share this number (-1: not prose)
    block: str = ""  # a spec block's rows together: a runtime, GPU, provider or other model named in one row is the block's
    blank_column: bool = False  # a table cell whose column the header leaves unnamed ("| Specification | ||")
    heading: bool = False  # a heading's own text
    columns: tuple[str, ...] = ()  # a table cell's: the headings of every value column of its table
    label_end: int = 0  # a table cell after the row's first: where its row label and column heading end (stated once)
    headerless: bool = False  # a cell of table rows copied without their header row: no column names it
    row: str = ""  # a table cell's: its whole row (a stage another cell names, "Base Scout model", is the row's)

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, col)`` (1-based) of the character at ``offset``."""
        line, col, base = self.starts[0][1], self.starts[0][2], self.starts[0][0]
        for start, ln, cl in self.starts:
            if start > offset:
                break
            line, col, base = ln, cl, start
        return line, col + max(offset - base, 0)


_CODE_SPAN = re.compile(r"`[^`]*`|<?\bhttps?://[^\s>)]+>?")


def mask_code(text: str) -> str:
    """``text`` with each inline code span and URL blanked (same length): identifiers, commands,
    model ids and addresses name things; the numbers and words inside them are not statements."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text)


def kind_of(name: str) -> str:
    """``markdown``, ``html`` or ``text`` from a file name."""
    low = name.lower()
    if low.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if low.endswith((".md", ".markdown", ".mdx", ".mdown")):
        return "markdown"
    return "text"


def read(text: str, kind: str = "markdown") -> list[Span]:
    """Every span of ``text`` (``kind``: markdown, html or text)."""
    lines = _html_lines(text) if kind == "html" else [_code_pair(raw) for raw in _wiki_headings(text.splitlines())]
    spans: list[Span] = []
    headings: dict[int, str] = {}
    start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            for i in range(1, end):
                key, _, value = lines[i].partition(":")
                if key.strip() in _FRONT_KEYS_SUBJECT and value.strip():
                    headings[0] = value.strip().strip("\"'")
                if value.strip():
                    spans.append(Span(lines[i].strip(), ((0, i + 1, _indent(lines[i]) + 1),), _stack(headings)))
            start = end + 1
    para: list[tuple[int, str]] = []
    fenced = False
    i = start
    while i < len(lines):
        raw = lines[i]
        if _FENCE.match(raw):
            spans += _paragraph(para, headings)
            para, fenced = [], not fenced
            i += 1
            continue
        if fenced:
            i += 1
            continue
        heading = _HEADING.match(raw) or (_html_heading(raw) if kind == "html" else None)
        label = _LABEL_LINE.match(raw)
        if heading or (label and (not para or _LIST.match(raw))):  # a list item that is a label heads its sub-items
            spans += _paragraph(para, headings)
            para = []
            # a label line heads at level 7 and below by its indent: a config's nested key ("  pricing:")
            # heads its own rows under the key it is nested in (the catalog entry), not in its place
            level = len(heading.group(1)) if heading and heading.group(1).startswith("#") else 7 + _indent(raw)
            if heading and not heading.group(1).startswith("#"):
                level = int(heading.group(1))
            title = heading.group(2) if heading else label.group(1) if label else ""
            for deeper in [k for k in headings if k >= level]:
                del headings[deeper]
            headings[level] = _strip_md(title)
            spans.append(
                Span(
                    _strip_md(title),
                    ((0, i + 1, _indent(raw) + 1),),
                    _stack({k: v for k, v in headings.items() if k < level}),
                    heading=bool(heading),
                )
            )
            i += 1
            continue
        flat = flattened_rows(raw)
        if flat:  # a table flattened onto one line: its rows, each cell at its own column of that line
            spans += _paragraph(para, headings)
            para = []
            cells = _table(flat, 0, len(flat), headings)
            spans += [c._replace(starts=tuple((o, i + 1, col) for o, _, col in c.starts)) for c in cells]
            i += 1
            continue
        bare = not para and _bare_table(lines, i)
        if bare or (raw.count("|") >= 2 and i + 1 < len(lines) and _TABLE_SEP.match(lines[i + 1])):
            spans += _paragraph(para, headings)
            para = []
            j = i + (1 if bare else 2)
            while j < len(lines) and lines[j].count("|") >= 1 and lines[j].strip():
                j += 1
            headerless = bare and _data_row(raw)  # (its first line is a row too)
            spans += _table(lines, i, j, headings, i + (0 if headerless else 1 if bare else 2), headerless)
            i = j
            continue
        if not raw.strip():
            spans += _paragraph(para, headings)
            para = []
        elif _LIST.match(raw):
            spans += _paragraph(para, headings)
            para = [(i, raw)]
        else:
            para.append((i, raw))
        i += 1
    spans += _paragraph(para, headings)
    return spans


_CODE_PAIR = re.compile(r"^(\s*(?:[-*+]\s+)?)`([A-Za-z_][\w.-]*)`(\s*[:=]\s*)`([~≈]?\d[\d_.,]*\s*[A-Za-z%]{0,3})`(\s*,?\s*)$")
"""A list item or line giving a key and its figure each in code ("- `context_length`: `4096`")."""


def _code_pair(raw: str) -> str:
    """A line giving a key and its figure each in code, with the backticks blanked (same length, the
    key still before its colon: "-  context_length:   4096 "), so that it is read as a labelled value
    as the same line without code marks is; any other line unchanged."""
    m = _CODE_PAIR.match(raw)
    if not m:
        return raw
    lead, key, sep, value, tail = m.groups()
    return f"{lead} {key}{sep}  {value} {tail}"


def _wiki_headings(lines: list[str]) -> list[str]:
    """Wiki headings written as Markdown ones, at the same place: "== Specifications ==" (MediaWiki:
    more signs, a deeper level) and "====== Meta Llama 4 Scout ======" (DokuWiki: six signs, the
    page title; a page with a six-sign heading counts that way)."""
    found = [_WIKI_HEADING.match(raw) for raw in lines]
    signs = [len(m.group(1)) for m in found if m]
    if not signs:
        return lines
    doku = max(signs) == 6
    out = []
    for raw, m in zip(lines, found, strict=True):
        if m:
            level = 7 - len(m.group(1)) if doku else len(m.group(1)) - 1
            raw = f"{'#' * max(level, 1)} {m.group(2)}"
        out.append(raw)
    return out


_WIKI_HEADING = re.compile(r"^\s*(={2,6})\s*([^=\s][^=]*?)\s*\1\s*$")
"""A heading of a wiki page's source ("== Architecture ==", "====== Meta Llama 4 Scout ======")."""


def _stack(headings: dict[int, str]) -> tuple[str, ...]:
    return tuple(headings[k] for k in sorted(headings))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _strip_md(text: str) -> str:
    """Links and emphasis removed; code spans kept with their backticks (an identifier such as
    `scout.params.total` is a name, not words of a statement: llama4ref.claims.extract masks it)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    parts = re.split(r"(`[^`]*`)", text)
    return "".join(p if p.startswith("`") else re.sub(r"\*+|(?<!\w)_+|_+(?!\w)", "", p) for p in parts).strip()


_KEY_LINE = re.compile(r"""^\s*['"]?[^\W\d][\w .()/-]{0,40}?['"]?\s*[:=]\s*\S""")
"""A "key: value" line of a spec block or a config ("'hidden_size': 5120,", "Context: 1M")."""
_CODE_COMMENT = re.compile(r"(?:\s#|\s//)\s.*$")
_PRICE_COMMENT = re.compile(r"(?i)\$\d[\d.]*\s*(?:/\s*1?\s*m\b|per\s+(?:1\s*)?m)")
"""A comment that gives the row's price as a rate ("// $0.1/1M tokens"): read (llama4ref.claims.dollars)."""
_VALUE_ONLY = re.compile(
    r"^(?:[~≈<>≥≤]?\s*\d[\d,._ ]*(?:\.\d+)?\s*\S{0,12}(?:\s+\S+){0,3}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4})$",
    re.I,
)
_SPEC_LINE = 48
"""Lines this short, none ending a sentence, are a spec block's rows, not wrapped prose."""


def _spec_block(para: list[tuple[int, str]]) -> bool:
    """Whether a paragraph is a block of spec rows or config entries, one statement a line."""
    bodies = [raw.strip() for _, raw in para]
    if len(bodies) < 2:
        return False
    keyed = sum(bool(_KEY_LINE.match(b)) for b in bodies)
    bodies = [b for b in bodies if b.strip("{}[]()<>,;")] or bodies  # (a line of brackets alone is structure, not a row)
    short = all(len(b) <= _SPEC_LINE and not b.endswith((".", "!", "?", ",")) for b in bodies)
    return keyed * 2 > len(bodies) or short


def _spec_rows(para: list[tuple[int, str]], headings: dict[int, str]) -> list[Span]:
    """One span a line; a label alone on its line followed by a value alone on the next
    ("活跃参数" / "400B") is one row, read as "label: value". A config line's trailing
    comment is blanked: it remarks on the entry, it does not state it."""
    out: list[Span] = []
    blocks = _entry_blocks([raw for _, raw in para])
    k = 0
    while k < len(para):
        idx, raw = para[k]
        block = blocks[k]
        body = raw.strip()
        if _KEY_LINE.match(body):
            body = _CODE_COMMENT.sub(lambda m: m.group(0) if _PRICE_COMMENT.search(m.group(0)) else " " * len(m.group(0)), body)
        start: tuple[tuple[int, int, int], ...] = ((0, idx + 1, _indent(raw) + 1),)
        mapped = _map_row([r for _, r in para[:k]], body)
        if mapped is not None:  # '"llama-4-scout": 10_485_760,' in CONTEXT_WINDOWS = {…}: the map's name is its key
            body, at, was, block = mapped
            start = ((0, idx + 1, _indent(raw) + 1), (at, idx + 1, _indent(raw) + 1 + was))
        while k + 1 < len(para) and _continues(raw, body, para[k + 1][1]):  # a quoted value wrapped onto the next line
            k += 1
            start = (*start, (len(body) + 1, para[k][0] + 1, _indent(para[k][1]) + 1))
            body = f"{body} {para[k][1].strip()}"
        nxt = para[k + 1] if k + 1 < len(para) else None
        if nxt is not None and not re.search(r"\d", body) and _VALUE_ONLY.match(nxt[1].strip()) and not body.endswith(":"):
            label = body + ": "
            out.append(
                Span(
                    label + nxt[1].strip(),
                    (*start, (len(label), nxt[0] + 1, _indent(nxt[1]) + 1)),
                    _stack(headings),
                    None,
                    para[0][0],
                    block,
                )
            )
            k += 2
            continue
        out.append(Span(body, start, _stack(headings), None, para[0][0], block))
        k += 1
    return out


_MAP_ROW = re.compile(r"""^(["']?)([A-Za-z][\w./:-]*)\1\s*[:=]\s*(\d[\d_,.]*)\s*,?\s*$""")
"""A map's row whose key is an identifier and whose value a bare number ('"llama-4-scout": 10_485_760,')."""
_MAP_HEAD = re.compile(
    r"""^(?:(?:const|let|var|export|static|final|public|private)\s+)*["']?([A-Za-z_]\w*)["']?\s*(?::[^=]*)?[:=]\s*\{\s*$"""
)
"""The line opening a map by its name: 'CONTEXT_WINDOWS: dict[str, int] = {', 'const maxTokens: Record<string,
number> = {', '"max_input_tokens": {'."""


def _map_row(before: list[str], body: str) -> tuple[str, int, int, str] | None:
    """A row of a map from model ids to bare numbers (``CONTEXT_WINDOWS = {"llama-4-scout":
    10_485_760, …}``) read as the entry of its model with the map's name as its key: the row
    "CONTEXT_WINDOWS: 10_485_760" of the entry '"llama-4-scout": {CONTEXT_WINDOWS: 10_485_760}',
    as a config that nests the same figure under the model id is read. Returned: that row, the
    figure's offset in it and in the row as written, and the entry (the row's block). The map's name
    says which figure its rows hold, as a column heading does; a row whose key names no Llama 4
    variant, or one not under a named map (only the map's other rows between), is left as it is."""
    row = _MAP_ROW.match(body)
    if row is None or not _VARIANT.search(row.group(2)):
        return None
    for line in reversed(before):
        text = _CODE_COMMENT.sub("", line).strip()  # (a row's remark is no part of it)
        head = _MAP_HEAD.match(text)
        if head:
            key = f"{_one_row(head.group(1))}: "
            return key + row.group(3), len(key), row.start(3), f'"{row.group(2)}": {{ {key}{row.group(3)} }}'
        if not _MAP_ROW.match(text):
            return None
    return None


def _one_row(name: str) -> str:
    """A map's name as the key of one of its rows: a constant's capitals lowered ("CONTEXT_WINDOWS":
    the case of a name says nothing of it) and its last word singular ("context_window"): a map of
    windows holds one window a row. "tokens" stays plural ("max_tokens": a count of tokens)."""
    name = name.lower() if name.isupper() else name
    last = re.search(r"([A-Za-z][a-z]*)$", name)
    if last and last.group(1).endswith("s") and not last.group(1).endswith("ss") and last.group(1).lower() != "tokens":
        name = name[:-1]
    return name


def _continues(key_raw: str, row: str, line: str) -> bool:
    """Whether ``line`` carries on the quoted value a config row opened and left unclosed
    ("description: 'LLaMA 4 Maverick is … and 128K" / "  context length. …'"), or starts the quoted
    value of a key left bare ("notes:" / "  'Class-leading …'"): indented deeper than the key and no
    key of its own."""
    opened = bool(_OPEN_VALUE.match(row)) or (bool(_BARE_KEY.match(row)) and line.strip()[:1] in ("'", '"'))
    return opened and _indent(line) > _indent(key_raw) and not _KEY_LINE.match(line.strip()) and bool(line.strip())


_OPEN_VALUE = re.compile(r"""^[^:=]*[:=]\s*(?:'[^']*|"(?:[^"\\]|\\.)*)$""")
"""A config row whose quoted value is still open at the end of the line."""
_BARE_KEY = re.compile(r"""^["']?[A-Za-z_][\w.-]*["']?\s*:\s*$""")
"""A config key whose value starts on the next line ("notes:" over "  'Class-leading … model'")."""


def _entry_blocks(lines: list[str]) -> list[str]:
    """Each line's block: the rows of the largest bracketed entry around it that names one Llama 4
    model alone (one object of a list of models, ``{ modelId: 'llama-4-scout', … }``, with the
    objects nested in it), so that one entry's provider or model is never another's; the whole
    paragraph where no such entry holds the line."""
    whole = " ".join(raw.strip() for raw in lines)
    groups: list[tuple[int, int]] = []  # (first line, last line) of each bracketed group
    stack: list[int] = []
    for i, raw in enumerate(lines):
        for ch in _BRACKETS.findall(_QUOTED.sub("", raw)):
            if ch in "{[":
                stack.append(i)
            elif stack:
                groups.append((stack.pop(), i))
    groups += [(i, len(lines) - 1) for i in stack]  # (an excerpt that stops before the entry closes)
    named = [(a, b) for a, b in groups if len({m.casefold() for m in _VARIANT.findall(" ".join(lines[a : b + 1]))}) == 1]
    out = []
    for i in range(len(lines)):
        around = [(a, b) for a, b in named if a <= i <= b]
        a, b = max(around, key=lambda g: g[1] - g[0], default=(0, len(lines) - 1))
        out.append(" ".join(raw.strip() for raw in lines[a : b + 1]) if around else whole)
    return out


_BRACKETS = re.compile(r"[{}\[\]]")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_VARIANT = re.compile(r"(?i)scout|maverick|behemoth")
"""A Llama 4 variant's name; an entry's rows are grouped by the bracketed object that names one."""


_NO_FIGURE = re.compile(r"^[-\u2013\u2014–]$")
"""A cell with no figure ("-", "—")."""


def _compared_rows(para: list[tuple[int, str]], headings: dict[int, str]) -> list[Span]:
    """A comparison table copied one cell a line, each row as its first side's figure, the row's
    label, then the second side's figure ("91.8" / "MMLU" / "48"), under a heading that sets two
    things against each other ("o1 vs Llama 4 Behemoth"): each figure as "<label>: <figure>" about
    its side, as the same table with its columns named is read. Nothing when the paragraph is not
    wholly such rows (two at least), or no heading sets exactly two sides."""
    cells = [(idx, raw.strip()) for idx, raw in para]
    raws = dict(para)
    if len(cells) < 6 or len(cells) % 3:
        return []
    sides = _sides(headings)
    if sides is None:
        return []

    def figure(cell: str) -> bool:
        return bool(_VALUE_ONLY.match(cell) or _NO_FIGURE.match(cell))

    rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
    if not all(figure(a[1]) and not figure(b[1]) and figure(c[1]) for a, b, c in rows):
        return []
    out: list[Span] = []
    for left, (at, label), right in rows:
        label = _strip_md(label)
        for (idx, cell), side in ((left, sides[0]), (right, sides[1])):
            if _NO_FIGURE.match(cell):
                continue
            prefix = f"{label}: "
            starts = ((0, at + 1, _indent(raws[at]) + 1), (len(prefix), idx + 1, _indent(raws[idx]) + 1))
            row = f"{left[1]} | {label} | {right[1]}"
            out.append(Span(prefix + cell, starts, _stack(headings), side, columns=sides, row=row))
    return out


def _paragraph(para: list[tuple[int, str]], headings: dict[int, str]) -> list[Span]:
    """The sentences of one paragraph (lines joined by single spaces), or its rows when it is a
    spec block."""
    if not para:
        return []
    compared = _compared_rows(para, headings)
    if compared:
        return compared
    if _spec_block(para):
        return _spec_rows(para, headings)
    text, starts = "", []
    breaks: list[int] = []  # a Markdown hard line break (two trailing spaces, <br>) ends a sentence
    for idx, raw in para:
        body = raw.strip()
        if text:
            text += " "
        starts.append((len(text), idx + 1, _indent(raw) + 1))
        text += body
        if raw.endswith("  ") or raw.rstrip().lower().endswith(("<br>", "<br/>", "<br />")):
            breaks.append(len(text))
    out: list[Span] = []
    begin = 0
    ends = sorted({(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)} | {(b, b + 1) for b in breaks})
    for end, after in [*ends, (len(text), len(text))]:
        if end < begin:
            continue
        piece = text[begin:end]
        if piece.strip():
            sub = tuple((max(s - begin, 0), ln, cl + max(begin - s, 0)) for s, ln, cl in _runs_within(starts, begin, end))
            out.append(Span(piece, sub, _stack(headings), None, para[0][0]))
        begin = after
    return out


def _runs_within(starts: list[tuple[int, int, int]], begin: int, end: int) -> list[tuple[int, int, int]]:
    """The runs (lines) that cover the text from ``begin`` to ``end``: the first may start before
    it. Found by bisection, so a paragraph of many lines costs each sentence its own lines only."""
    first = max(bisect.bisect_right(starts, (begin, _LAST, _LAST)) - 1, 0)
    last = bisect.bisect_right(starts, (end, _LAST, _LAST))
    return starts[first : max(last, first + 1)]


_LAST = 1 << 62  # above any line or column: (offset, _LAST, _LAST) sorts after every run at offset


def _cells(line: str) -> list[tuple[int, str]]:
    """(column offset, stripped text) of each cell of a Markdown table row."""
    out, pos = [], 0
    body = line
    if body.lstrip().startswith("|"):
        pos = body.index("|") + 1
    for part in body[pos:].split("|"):
        stripped = part.strip()
        out.append((pos + (len(part) - len(part.lstrip())), stripped))
        pos += len(part) + 1
    if out and not out[-1][1] and line.rstrip().endswith("|"):
        out.pop()
    return out


def _bare_table(lines: list[str], i: int) -> bool:
    """Whether line ``i`` opens a table that lost its separator row (a page's table copied as
    text): it and the next line are "| … |" rows with the same number of cells, three or more; or
    it is one model's row of three or more cells copied alone."""
    if i + 1 >= len(lines) or not lines[i + 1].strip().startswith("|"):
        row = lines[i].strip()
        return row.startswith("|") and row.endswith("|") and len(_cells(row)) >= 3 and _data_row(row)
    rows = [lines[i].strip(), lines[i + 1].strip()]
    if not all(r.startswith("|") and r.endswith("|") and len(r) > 2 for r in rows) or _TABLE_SEP.match(rows[1]):
        return False
    return len(_cells(rows[0])) == len(_cells(rows[1])) >= 3


def _data_row(line: str) -> bool:
    """Whether a table's first line is a row, not a header: it names a model and a later cell is a
    figure ("| **Llama 4 Maverick** | Meta | 400B | 128K |", rows copied without their header)."""
    cells = [_strip_md(c) for _, c in _cells(line)]
    return any(_MODEL_CELL.search(c) for c in cells) and any(re.match(r"[~≈$]?\d", c) for c in cells[1:])


def _table(
    lines: list[str], head: int, end: int, headings: dict[int, str], first: int | None = None, headerless: bool = False
) -> list[Span]:
    """Each cell of a table as ``"<row label> <column heading>: <cell>"``; a column heading
    that names a model is kept apart (``Span.column``) so the cell is about that model. Rows
    start at ``first`` (after the separator row, when the table has one); ``headerless`` rows have
    no header (the first is a row too) and no column heading."""
    header = _aligned([_strip_md(c) for _, c in _cells(lines[head])], lines[head + 1 :])
    header = [""] * len(header) if headerless else header
    sides = _sides(headings) if len(header) == 3 and not any(header[1:]) else None
    out: list[Span] = []
    for r in range(head + 2 if first is None else first, end):
        cells = _cells(lines[r])
        if len(cells) < 2:
            continue
        label = _strip_md(cells[0][1])
        # a row with no label cell: its first cell is a price or a scaled figure under a column
        # heading of its own ("| Input | Output |" over "| $0.27/1M | $0.85/1M |"), read as a value
        unlabelled = bool(
            header and header[0] and not headerless and _FIGURE_CELL.match(label) and not _MODEL_CELL.search(header[0])
        )
        label = "" if unlabelled else label
        named = _named_cell(header, cells)
        if named:  # "| 多语言 | MGSM | 90.6 |": the row's item is its second cell, the first its category
            label = f"{label} {named}".strip()
        stated = False  # whether the row label's own values were read with an earlier cell
        for k, (col, cell) in enumerate(cells[0 if unlabelled else 1 :], start=0 if unlabelled else 1):
            if named and k == 1:
                continue
            if not cell or (k >= len(header) and any(header[1:])):
                continue  # (a cell past the last column a header names is no column's: whose, is unknown)
            column = header[k] if k < len(header) else ""
            prefix = f"{label} {column}: " if label else f"{column}: "
            text = prefix + _strip_md(cell)
            starts = ((0, r + 1, cells[0][0] + 1), (len(prefix), r + 1, col + 1))
            about = sides[k - 1] if sides and 1 <= k <= 2 else column  # "| Specification | ||" under "GPT-4o vs Llama 4 Maverick"
            span = Span(text, starts, _stack(headings), about or None, blank_column=not about, columns=tuple(header[1:]))
            span = span._replace(headerless=headerless, row=" | ".join(_strip_md(c) for _, c in cells))
            out.append(span._replace(label_end=len(prefix) if stated else 0))
            stated = True
    return out


def _named_cell(header: list[str], cells: list[tuple[int, str]]) -> str:
    """The second cell of a row whose table gives each row's item in its second column and the
    models' figures in the later ones ("| 基准测试类别 | 基准测试 | Llama 4 Scout | … |" over "| 多语言 |
    MGSM | 90.6 | … |"): a name, not a figure, under a heading that names no model, where a later
    heading names one. The row's first cell is then its category ("多语言", multilingual), and the
    figures are the item's (MGSM's), not the category's."""
    if len(header) < 3 or len(cells) < 3 or _MODEL_CELL.search(header[1]) or not header[1]:
        return ""
    if not any(_MODEL_CELL.search(h) for h in header[2:]):
        return ""
    cell = _strip_md(cells[1][1])
    return "" if not cell or re.match(r"[~≈$]?\d", cell) else cell


_FIGURE_CELL = re.compile(r"(?i)^[~≈]?(?:\$\s?\d[\d.,]*|\d[\d.,]*\s?[kmbt]\b)\S*$")
"""A cell that is only a price or a figure with its scale ("$0.27/1M", "131K"), no row's label."""
_MODEL_CELL = re.compile(
    r"(?i)\b(?:llama[\s-]?\d|scout|maverick|behemoth|gpt-?[\w.]*\d|gemini|gemma|claude|qwen|mistral|mixtral|deepseek|phi-?\d|grok|kimi)"
)


def _aligned(header: list[str], rows: list[str]) -> list[str]:
    """A header row that names a model in its first cell and leaves its last cell empty (or has one
    cell fewer than the rows), "| Gemma 4 E4B | Llama 4 Scout | … | |" over "| Active params | 4B |
    17B | …": it heads the value columns, not the row labels, so it is moved one column right."""
    if not header or not _MODEL_CELL.search(header[0]):
        return header
    widths = [len(_cells(r)) for r in rows if r.strip().startswith("|") and not _TABLE_SEP.match(r.strip())][:3]
    if header[-1] == "" or (widths and all(w == len(header) + 1 for w in widths)):
        return ["", *header[:-1]] if header[-1] == "" else ["", *header]
    return header


_VERSUS = re.compile(r"\s+(?:vs\.?|versus|v\.|对比|對比|대)\s+", re.I)


def _sides(headings: dict[int, str]) -> tuple[str, str] | None:
    """The two sides of the innermost heading that sets two things against each other ("GPT-4o
    (11-20) vs Llama 4 Maverick 17B Instruct"): a comparison table with two value columns the
    header leaves unnamed lists them in that order."""
    for level in sorted(headings, reverse=True):
        parts = _VERSUS.split(headings[level])
        if len(parts) == 2 and all(p.strip() for p in parts):
            return parts[0].strip(), parts[1].strip()
        if len(parts) > 2:
            return None
    return None


def _html_heading(raw: str) -> re.Match[str] | None:
    return _HTML_HEADING.search(raw)


def _html_lines(text: str) -> list[str]:
    """HTML as lines of text, line numbers kept: tags become spaces, cells end with '|',
    headings stay as <hN> (read by the caller), entities are decoded."""
    import html

    text = _HTML_DROP.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for line in text.splitlines():
        heading = _HTML_HEADING.search(line)
        if heading:
            inner = html.unescape(_HTML_TAG.sub("", heading.group(2)))
            out.append(f"<h{heading.group(1)}>{inner}</h{heading.group(1)}>")
            continue
        line = _HTML_CELL.sub(" | ", line)
        out.append(html.unescape(_HTML_TAG.sub(lambda m: " " * len(m.group(0)), line)).rstrip())
    return out
