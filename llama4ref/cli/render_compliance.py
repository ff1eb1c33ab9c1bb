"""Rich rendering for the license checklist."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from llama4ref.cli.render import safe


def checklist(con: Console, items: list[Any]) -> None:
    for doc in ("llama-4-community-license", "acceptable-use-policy"):
        rows = [i for i in items if i.document == doc]
        t = Table(
            title=f"{doc} ({len(rows)} terms)",
            title_justify="left",
            title_style="bold",
            box=None,
            pad_edge=False,
            padding=(0, 2, 0, 0),
        )
        for col in ("§", "kind", "term", "what it asks", "checked by"):
            t.add_column(col, overflow="fold", no_wrap=col in ("§",))
        for i in rows:
            check = Text(safe(f"{i.rule} ({i.severity})"), style="green") if i.rule else Text("manual", style="dim")
            t.add_row(*(Text(safe(c)) for c in (i.section, i.kind, i.title, i.summary)), check)
        con.print(t)
        con.print()
    con.print(
        Text(
            "Run `llama4ref license check PATH` on a model repository; `llama4ref get license.notice` for the exact Notice line.",
            style="dim",
        )
    )
