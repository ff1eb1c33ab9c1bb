"""Rich rendering for the license checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from llama4ref.cli.render import grid
from llama4ref.cli.render.common import safe

if TYPE_CHECKING:
    from rich.console import Console

    from llama4ref.compliance.checklist import ChecklistItem

DOCUMENTS = ("llama-4-community-license", "acceptable-use-policy")
"""The two documents of the checklist, in the order they are shown."""


def checklist(con: Console, items: list[ChecklistItem]) -> None:
    """``llama4ref license``: a table of terms per document, each with the rule that checks it (or "manual")."""
    for doc in DOCUMENTS:
        rows = [i for i in items if i.document == doc]
        grid.table(
            con,
            f"{doc} ({len(rows)} terms)",
            ["§", "kind", "term", "what it asks", "checked by"],
            [
                [
                    *(Text(safe(c)) for c in (i.section, i.kind, i.title, i.summary)),
                    Text(safe(f"{i.rule} ({i.severity})"), style="green") if i.rule else Text("manual", style="dim"),
                ]
                for i in rows
            ],
        )
        con.print()
    grid.say(
        con,
        Text(
            "Run `llama4ref license check PATH` on a model repository; `llama4ref get license.notice` for the exact Notice line.",
            style="dim",
        ),
        0,
    )
