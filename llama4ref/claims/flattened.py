"""A Markdown table flattened onto one line, as scraped pages store it ("| Feature | Llama 3 |
Llama 4 | | ------- | ------- | ------- | | Params | Up to 65B | 400B+ | …"): its rows found again
(used by llama4ref.claims.document, which reads them as a table's)."""

from __future__ import annotations

import re

_RULE = re.compile(r"^\s*:?-{3,}:?\s*$")
"""A cell of the separator row ("-------", ":---:")."""


def flattened_rows(line: str) -> list[str] | None:
    """The rows of a table written on one line, header and separator first, each as the line with
    everything outside that row blanked (so every cell keeps its column); None when ``line`` is no
    such table. Its rows are told apart by the empty cell between one row's closing bar and the
    next one's opening bar ("| | "); every row must have the header's number of cells (two or more)
    and the second row must be the separator, else the line is left as it is."""
    if line.count("|") < 8 or "--" not in line:
        return None
    bars = [m.start() for m in re.finditer(r"\|", line)]
    if line[: bars[0]].strip() or line[bars[-1] + 1 :].strip():
        return None
    cells = [(bars[k], bars[k + 1]) for k in range(len(bars) - 1)]  # (opening bar, closing bar) of each cell
    width = next((k for k, (a, b) in enumerate(cells) if not line[a + 1 : b].strip()), 0)
    if width < 2 or (len(cells) + 1) % (width + 1):
        return None
    rows = [cells[k : k + width] for k in range(0, len(cells), width + 1)]
    gaps = [cells[k + width] for k in range(0, len(cells) - width, width + 1)]
    if len(rows) < 3 or any(len(r) != width for r in rows) or any(line[a + 1 : b].strip() for a, b in gaps):
        return None
    if not all(_RULE.match(line[a + 1 : b]) for a, b in rows[1]):
        return None
    return [" " * r[0][0] + line[r[0][0] : r[-1][1] + 1] for r in rows]
