"""Rich rendering for `engines`: a stacked record view that fits any terminal width."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from llama4ref.cli.render.grid import say
from llama4ref.formatting import format_gigabytes, format_value
from llama4ref.printable import printable

if TYPE_CHECKING:
    from llama4ref.domain.engines import Engine


HANG_MAX = 36
"""A value continues under itself when its label is at most this wide, else just inside its line."""


def engines(con: Console, found: list[Engine], variant: str | None, note: str | None = None) -> None:
    """One block per engine: each fact on its own lines (label, value, then date and sources).

    ``note``: why no engine serves the variant asked about; then only engines with a record for it are shown.
    """
    if note is not None:
        say(con, Text(printable(note), style="bold"), 0)
        found = [e for e in found if e.facts]

    for n, eng in enumerate(found):
        if n:
            con.print()
        con.print(Text(printable(f"{eng.name} ({eng.id})"), style="bold"))
        if not eng.facts:
            con.print(Text("  no records" + (f" for {variant}" if variant else ""), style="dim"))
        for row in eng.facts:
            f = row.fact
            label = row.label
            if isinstance(f.value, list):
                value = ", ".join(map(str, f.value))
            elif f.unit == "bytes" and isinstance(f.value, int | float) and not isinstance(f.value, bool):
                value = format_gigabytes(f.value, f.bound)  # a size reads in GB, not as 270,000,000,000 bytes
            else:
                value = format_value(f.value, f.unit, f.bound)
            line = Text("  ")
            line.append(printable(label), style="cyan")
            line.append(printable(f": {value}"))
            say(con, line, len(label) + 4 if len(label) + 4 <= HANG_MAX else 6)
            cites = ", ".join(dict.fromkeys(c.source for c in f.citations))
            when = row.dated.isoformat() if row.dated else "undated"
            say(con, Text(printable(f"    {when} · {cites}"), style="dim"), 6)
