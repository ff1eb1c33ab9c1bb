"""Rich rendering for `llama4ref safety`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from llama4ref.cli.render import grid
from llama4ref.cli.render.common import safe

if TYPE_CHECKING:
    from llama4ref.domain.safety import SafetySection
    from llama4ref.store.answers import Fact

SUMMARY_LIMIT = 6


def _sources(f: Fact) -> str:
    return safe(", ".join(sorted({c.source for c in f.citations})))


def safety(con: Console, sections: list[SafetySection], tools: dict[str, dict[str, Fact]], *, full: bool) -> None:
    con.print(Text("Llama 4 safety and intended use — as Meta's sources state them", style="bold"))
    for section in sections:
        if section.prefix == "safety.system_level" and not full:
            grid.table(
                con,
                section.title,
                ["protection", "what it does", "taxonomy", "published at"],
                [
                    [
                        tool,
                        facts["what_it_does"].display(),
                        facts["taxonomy"].display() if "taxonomy" in facts else "—",
                        facts["published_at"].display() if "published_at" in facts else "—",
                    ]
                    for tool, facts in sorted(tools.items())
                    if "what_it_does" in facts
                ],
            )
            continue
        shown = section.facts if full or section.prefix in ("safety.refusals", "safety.bias") else section.facts[:SUMMARY_LIMIT]
        rows: list[list[grid.Cell]] = []
        for f in shown:
            value = Text(safe(f.display()))
            if f.bound != "exact":
                value.append(f"  ({f.bound.replace('_', ' ')})", style="yellow")
            qual = ", ".join(
                f"{k}: {v}" for k, v in f.qualifiers.items() if k in ("population", "model", "compared_to", "metric")
            )
            if qual:
                value.append(f"\n{safe(qual)}", style="dim")
            rows.append([Text(safe(f.path[len(section.prefix) + 1 :] or f.path), style="cyan"), value, Text(_sources(f))])
        grid.table(con, section.title, ["fact", "value", "source"], rows)
        if len(shown) < len(section.facts):
            grid.say(
                con,
                Text(f"  … {len(section.facts) - len(shown)} more: llama4ref list facts --prefix {section.prefix}", style="dim"),
                4,
            )
    grid.say(con, Text("Full detail: llama4ref safety --full; one fact with its quotes: llama4ref get PATH", style="dim"), 0)
