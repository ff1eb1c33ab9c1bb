"""Rich rendering of library results. Imported only by commands that print for people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from llama4ref.kb import KnowledgeBase
    from llama4ref.results import Fact
    from llama4ref.views import Overview

RANK_STYLE = {"rounded": "cyan", "superseded": "yellow", "disputed": "red", "deprecated": "red", "alternative": "blue"}


def value_text(fact: Fact) -> Text:
    """A fact's value with markers for derived values and alternatives."""
    text = Text(fact.display())
    if fact.derived:
        text.append("  (derived)", style="magenta")
    if fact.alternatives:
        ranks = sorted({a.rank for a in fact.alternatives})
        text.append(f"  [+{len(fact.alternatives)} alt: {', '.join(ranks)}]", style="yellow")
    return text


def checkpoint_lines(fact: Fact) -> Text:
    text = Text()
    items = fact.value if isinstance(fact.value, list) else []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        if i:
            text.append("\n")
        text.append(str(item.get("repo", "?")), style="bold")
        details = [str(item[k]) for k in ("stage", "precision", "format") if k in item]
        text.append(f"  {' · '.join(details)}", style="dim")
    return text


def overview(con: Console, ov: Overview) -> None:
    v = ov.variant
    head = Text(v.name, style="bold")
    head.append(f"  ({v.id} · {v.role})", style="dim")
    con.print(Panel(Text(v.summary), title=head, title_align="left", expand=False))
    for section in ov.sections:
        table = Table(title=section.title, title_justify="left", title_style="bold", show_header=False, box=None,
                      pad_edge=False, padding=(0, 2, 0, 0))  # fmt: skip
        table.add_column("fact", style="cyan", no_wrap=True)
        table.add_column("value", overflow="fold")
        for fact in section.facts:
            key = fact.path.split(".", 1)[1]
            table.add_row(key, checkpoint_lines(fact) if key == "checkpoints" else value_text(fact))
        con.print(table)
        con.print()
    src = Table(title="Sources", title_justify="left", title_style="bold", show_header=True, box=None, pad_edge=False,
                padding=(0, 2, 0, 0))  # fmt: skip
    for col in ("source", "tier", "version", "facts"):
        src.add_column(col, overflow="fold", no_wrap=col == "source")
    for s in ov.sources:
        src.add_row(s["id"], s["tier"], s["version"], str(s["facts"]))
    con.print(src)
    footer = "Every value: `llama4ref get PATH` shows its citations. Derived values are computed from the facts named."
    if ov.see_also:
        footer += " See also: " + "; ".join(ov.see_also) + "."
    con.print(Text(footer, style="dim"))


def fact_detail(con: Console, kb: KnowledgeBase, fact: Fact) -> None:
    head = Text(fact.path, style="bold cyan")
    con.print(head)
    con.print(Text("  value: ").append(value_text(fact)))
    if fact.qualifiers:
        con.print("  " + ", ".join(f"{k}={v}" for k, v in fact.qualifiers.items()), style="dim")
    if fact.derived:
        con.print(f"  formula: {fact.formula}")
        for path in fact.inputs:
            inp = kb.get(path)
            con.print(Text(f"    {path} = ").append(inp.display()))
    for cit in fact.citations:
        _citation(con, kb, cit)
    for alt in fact.alternatives:
        from llama4ref.formatting import format_value

        line = Text(f"  alternative ({alt.rank}): ", style=RANK_STYLE.get(alt.rank, ""))
        line.append(format_value(alt.value, fact.unit, alt.bound))
        con.print(line)
        con.print(Text(f"    reason: {alt.reason}", style="dim"))
        for cit in alt.citations:
            _citation(con, kb, cit, indent="    ")
    if fact.note:
        con.print(Text(f"  note: {fact.note}", style="dim"))


def _citation(con: Console, kb: KnowledgeBase, cit: object, indent: str = "  ") -> None:
    from llama4ref.models import Citation

    assert isinstance(cit, Citation)
    src = kb.source(cit.source)
    line = Text(f"{indent}source: ")
    line.append(cit.source, style="bold")
    line.append(f" [{src.tier}, {src.pin()}] — {cit.locator}")
    if cit.as_of:
        line.append(f" (as of {cit.as_of})")
    con.print(line)
    con.print(Text(f"{indent}  “{cit.quote}”", style="green"))


def simple_table(con: Console, title: str, columns: list[str], rows: list[list[str]]) -> None:
    table = Table(title=title, title_justify="left", title_style="bold", box=None, pad_edge=False, padding=(0, 2, 0, 0))
    for i, col in enumerate(columns):
        table.add_column(col, overflow="fold", no_wrap=i == 0)
    for row in rows:
        table.add_row(*row)
    con.print(Group(table))
