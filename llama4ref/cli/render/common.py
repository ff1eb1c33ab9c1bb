"""Rich rendering of library results. Imported only by commands that print for people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from llama4ref.cli.render.grid import hanging, say
from llama4ref.domain.reading import tier_label
from llama4ref.formatting import quoted
from llama4ref.paths import FactPath
from llama4ref.printable import printable

if TYPE_CHECKING:
    from llama4ref.domain.audit import CheckResult
    from llama4ref.domain.compare import Comparison
    from llama4ref.domain.prompt import WorkedPrompt
    from llama4ref.domain.scores import BenchTable, Row
    from llama4ref.domain.show import Overview
    from llama4ref.store.answers import Citation, Fact, Source
    from llama4ref.store.knowledge_base import KnowledgeBase


def safe(value: object) -> str:
    """``value`` as text with every unprintable character escaped: every data or user string
    passes through this (or :func:`llama4ref.printable.printable`) before it is printed."""
    return printable(str(value))


RANK_STYLE = {"rounded": "cyan", "superseded": "yellow", "disputed": "red", "deprecated": "red", "alternative": "blue"}


def value_text(fact: Fact, limit: int | None = None, decimals: int | None = None) -> Text:
    """A fact's value with markers for derived values and alternatives.

    With ``limit``, a value longer than that many characters is cut at a word and ends in "…"
    (a line of a list that points to the fact; ``get`` shows it whole). With ``decimals``, a
    float to that many places (two values compared at one precision).
    """
    shown = safe(fact.display(decimals))
    if limit is not None and len(shown) > limit:
        cut = shown[: max(limit - 1, 1)]
        shown = (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut).rstrip(" ,;") + "…"
    text = Text(shown)
    if fact.derived:
        text.append("  (derived)", style="magenta")
    if fact.alternatives:
        ranks = sorted({a.rank for a in fact.alternatives})
        text.append(f"  [+{len(fact.alternatives)} alt: {safe(', '.join(ranks))}]", style="yellow")
    return text


def checkpoint_lines(fact: Fact, width: int | None = None) -> Text:
    """One checkpoint a line: its repository, then its tags (stage · precision · format); when the
    two are wider than ``width``, the tags go whole on the next line, indented."""
    text = Text()
    items = fact.value if isinstance(fact.value, list) else []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        if i:
            text.append("\n")
        repo = safe(item.get("repo", "?"))
        tags = " · ".join(safe(item[k]) for k in ("stage", "precision", "format") if k in item)
        text.append(repo, style="bold")
        apart = width is not None and cell_len(f"{repo}  {tags}") > width
        text.append(f"{chr(10)}  {tags}" if apart else f"  {tags}", style="dim")
    return text


def plain_value(value: object) -> str:
    """A value inside a structured fact: yes/no, digits grouped, floats short, None as "none"."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:g}"
    return "none" if value is None else str(value)


def structured_text(fact: Fact, width: int | None = None, decimals: int | None = None) -> Text:
    """A fact's value as people read it: checkpoints one per line (fitted to ``width``), a mapping
    as ``key: value`` lines."""
    if isinstance(fact.value, list) and fact.value and all(isinstance(v, dict) for v in fact.value):
        return checkpoint_lines(fact, width)
    if isinstance(fact.value, dict):
        return Text("\n".join(f"{safe(k)}: {safe(plain_value(v))}" for k, v in fact.value.items()))
    return value_text(fact, decimals=decimals)


def key_values(con: Console, title: str, rows: list[tuple[str, Text]]) -> Text:
    """A titled block of ``key  value`` lines, values folded under their own column.

    It looks like a borderless two-column Table and renders in a fifth of the time, which
    `show` needs for its start-up budget (benchmarks/).
    """
    rows = [(safe(key), value) for key, value in rows]
    keyw = max((len(key) for key, _ in rows), default=0)
    width = max(con.width - keyw - 2, 20)
    out = Text(title, style="bold")
    for key, value in rows:
        fits = value.cell_len <= width and "\n" not in value.plain
        for i, line in enumerate([value] if fits else value.wrap(con, width, overflow="fold") or [Text()]):
            out.append("\n")
            out.append(key.ljust(keyw) if i == 0 else " " * keyw, style="cyan" if i == 0 else "")
            out.append("  ")
            line.rstrip()  # no trailing space where a line was wrapped
            out.append_text(line)
    return out


def overview(con: Console, ov: Overview) -> None:
    v = ov.variant
    head = Text(safe(v.name), style="bold")
    head.append(f"  ({safe(v.id)} · {safe(v.role)})", style="dim")
    con.print(Panel(Text(safe(v.summary)), title=head, title_align="left", expand=False))
    blocks = []
    for section in ov.sections:
        keys = [safe(FactPath.parse(fact.path).rest) for fact in section.facts]
        width = max(con.width - max(map(len, keys), default=0) - 2, 20)  # key_values' value column
        rows = [(key, structured_text(fact, width)) for key, fact in zip(keys, section.facts, strict=True)]
        blocks.append(key_values(con, section.title, rows))
    if ov.sources:
        from llama4ref.cli.render import grid

        src_rows = [[s["id"], s["tier"], s["version"], str(s["facts"])] for s in ov.sources]
        columns: list[str | grid.Column] = ["source", "tier", grid.Column("version", whole=True), grid.Column("facts", "right")]
        title = "Sources (facts: how many of the values above each one backs)"  # not every fact it backs: `sources ID`
        blocks.append(grid.render(con, title, columns, src_rows, overflow_first=True))  # scout's and maverick's alike
    con.print(Text("\n\n").join(blocks), soft_wrap=True)  # lines are already folded: skip re-wrapping
    footer = (
        "Every value: `llama4ref get PATH` shows its citations; a source's address: `llama4ref sources ID`."
        " Derived values are computed from the facts named."
    )
    if ov.see_also:
        footer += " See also: " + safe("; ".join(ov.see_also)) + "."
    say(con, Text(footer, style="dim"), 0)


NOMINAL_FLAG = " [nominal, catalog only]"
"""Beside a provider's context that only catalogs state and that equals the model's nominal limit
(llama4ref.domain.deploy.Offer.context_caveat), wherever offers are listed (`providers`, `ask`)."""


QUALIFIER_WORDS = {
    "display": "the source writes {}",
    "quant": "quantization: {}",
    "variant": "for {}",
    "token": "token {}",
    "document": "in the {}",
    "section": "section {}",
    "kind": "kind: {}",
    "shots": "{}-shot",
}
"""How a qualifier reads in a sentence; any other is ``key words: value``."""


def qualifier_words(fact: Fact) -> str:
    """A fact's qualifiers in words (``the source writes 65.6GB; quantization: Unsloth dynamic
    Q4_K_XL``), not as ``key=value``: the unit as stated goes without saying beside the written
    form, a license term's own id is its path, and a related term is named by the path to get."""
    q = fact.qualifiers
    parts = []
    for key, value in q.items():
        if key == "unit_as_stated" and "display" in q:
            continue
        if key == "term" and fact.path.endswith("." + str(value).replace("-", "_")):
            continue
        if key == "related_license_term":
            parts.append(f"related license term: llama4ref get license_terms.{str(value).replace('-', '_')}")
        elif key == "unit_as_stated":
            parts.append(f"stated in {value}")
        else:
            parts.append(QUALIFIER_WORDS.get(key, key.replace("_", " ") + ": {}").format(value))
    return "; ".join(parts)


def ranked_below(rank: str, preferred: Fact) -> Text:
    """The mark of a value shown in place of the preferred one (``get --as-of``): its rank and the
    value the records rank above it, as the normal view marks an alternative."""
    return Text(f"  [{safe(rank)}; ranked below {safe(preferred.display())}]", style=RANK_STYLE.get(rank, "yellow"))


def fact_detail(con: Console, kb: KnowledgeBase, fact: Fact, rank: Text | None = None) -> None:
    """A fact whole: value, qualifiers, formula, citations, alternatives, note. ``rank`` marks a value
    that is not the preferred one (:func:`ranked_below`)."""
    head = Text(safe(fact.path), style="bold cyan")
    con.print(head)
    say(con, Text("  value: ").append(value_text(fact)).append_text(rank or Text()), 9)
    if fact.qualifiers:
        say(con, Text("  " + safe(qualifier_words(fact)), style="dim"), 4)
    if fact.derived:
        say(con, Text(f"  formula: {safe(fact.formula)}"), 11)
        for path in fact.inputs:
            inp = kb.get(path)
            say(con, Text(f"    {safe(path)} = ").append(safe(inp.display())), 6)
    for cit in fact.citations:
        _citation(con, kb, cit)
    for alt in fact.alternatives:
        from llama4ref.formatting import format_value

        line = Text(f"  alternative ({safe(alt.rank)}): ", style=RANK_STYLE.get(alt.rank, ""))
        line.append(safe(format_value(alt.value, fact.unit, alt.bound)))
        say(con, line, 4)
        say(con, Text(f"    reason: {safe(alt.reason)}", style="dim"), 12)
        for cit in alt.citations:
            _citation(con, kb, cit, indent="    ")
    if fact.note:
        say(con, Text(f"  note: {safe(fact.note)}", style="dim"), 8)


def cited_ids(fact: Fact) -> list[str]:
    """The ids of the sources :func:`fact_detail` cites for ``fact`` (its alternatives' too), in order, once each."""
    cits = [*fact.citations, *(c for alt in fact.alternatives for c in alt.citations)]
    return list(dict.fromkeys(c.source for c in cits))


def addresses(con: Console, source_ids: Sequence[str], indent: int = 2) -> None:
    """One dim line saying where the cited sources' addresses are (``llama4ref sources ID``: the URL,
    version and copy read): the id itself when one source is cited, else "any source above"."""
    if not source_ids:
        return
    said = (
        f"address: llama4ref sources {safe(source_ids[0])}"
        if len(source_ids) == 1
        else ("addresses: llama4ref sources ID (any source above)")
    )
    say(con, Text(" " * indent + said, style="dim"), indent + 2)


def caveat(con: Console, text: str) -> None:
    """What to know before taking a value as true today (a provider's offer that has ended)."""
    say(con, Text(f"  caveat: {safe(text)}", style="yellow"), 10)


def _citation(con: Console, kb: KnowledgeBase, cit: Citation, indent: str = "  ") -> None:
    src = kb.source(cit.source)
    line = Text(f"{indent}source: ")
    line.append(safe(cit.source), style="bold")
    line.append(f" [{safe(tier_label(src))}, {safe(src.pin())}] — {safe(cit.locator)}")
    if cit.as_of:
        line.append(f" (as of {safe(cit.as_of)})")
    say(con, line, len(indent) + 8, paths=True)  # a locator's file path wider than the line breaks after a "/"
    quote = Text(f"{indent}  {quoted(safe(cit.quote))}", style="green")
    if cit.medium == "image":
        quote.append("  (read from an image)", style="dim")
    say(con, quote, len(indent) + 3)
    if cit.conversion:
        say(con, Text(f"{indent}  reading: {safe(cit.conversion)}", style="dim"), len(indent) + 11)


def audit(con: Console, results: list[CheckResult]) -> None:
    for r in results:
        mark = Text("PASS ", style="green") if r.ok else Text("FAIL ", style="bold red")
        mark.append(safe(r.title), style="bold")
        mark.append(f"  [{safe(r.id)}]", style="dim")
        say(con, mark, 5)
        say(con, Text(f"  formula:  {safe(r.formula)}"), 12)
        for path, value in r.inputs.items():
            say(con, Text(f"    {safe(path)} = {safe(value)}", style="dim"), 6)
        computed = Text(f"  computed: {safe(r.computed)}   expected: {safe(r.expected)} ({safe(r.expected_from)})")
        tolerance = f"tolerance: {safe(r.tolerance)}"  # one phrase: never "tolerance:" at a line's end
        last = hanging(con, computed, 12).plain.rsplit("\n", 1)[-1]
        if cell_len(last) + 3 + cell_len(tolerance) <= con.width:
            say(con, computed.append(f"   {tolerance}"), 12)
        else:
            say(con, computed, 12)
            say(con, Text(" " * 12 + tolerance), 12)
        if r.detail:
            say(con, Text(f"  {safe(r.detail)}", style="yellow" if r.ok else "red"), 4)
    failed = sum(not r.ok for r in results)
    con.print(Text(f"{len(results) - failed} passed, {failed} failed", style="bold"))


def comparison(con: Console, cmp: Comparison) -> None:
    """Columns when they fit; else one line per shared value and a block per difference."""
    from llama4ref.cli.render import grid

    def cell(fact: Fact | None, decimals: int | None) -> Text:
        return structured_text(fact, decimals=decimals) if fact else Text("—", style="dim")

    rows = [
        [
            Text(("≠ " if ln.differs else "  ") + safe(ln.key), style="cyan"),
            cell(ln.left, ln.decimals),
            cell(ln.right, ln.decimals),
        ]
        for ln in cmp.rows
    ]
    header = [Text("fact"), Text(safe(cmp.left)), Text(safe(cmp.right))]
    con.print(Text(safe(f"{cmp.left} vs {cmp.right}"), style="bold"))
    if grid.column_widths(con, header, rows, con.width) is not None:
        grid.table(con, None, ["  fact", cmp.left, cmp.right], rows)
    else:
        out: list[Text] = []
        for ln, (key, left, right) in zip(cmp.rows, rows, strict=True):
            if not ln.differs:
                out.append(grid.label_value(con, key, left, indent=""))
                continue
            out.append(key)
            out.append(grid.label_value(con, Text(f"    {safe(cmp.left)}"), left, indent=""))
            out.append(grid.label_value(con, Text(f"    {safe(cmp.right)}"), right, indent=""))
        con.print(Text("\n").join(out), soft_wrap=True)
    con.print(Text(f"{sum(ln.differs for ln in cmp.rows)} of {len(cmp.rows)} rows differ (≠)", style="dim"))


def benchmark_tables(con: Console, kb: KnowledgeBase, tables: list[BenchTable], chart: bool = False) -> None:
    from llama4ref.cli.render import grid

    for t in tables:
        title = f"{t.set}{': ' + t.table if t.table else ''}  (provenance: {t.provenance})"
        settings = [bench_setting(row) for row in t.rows]
        setting_col = ["setting"] if any(settings) else []
        columns = ["benchmark", *setting_col, "category", "shots", "metric"] + [grid.Column(m, "right") for m in t.models]
        rows = []
        for row, setting in zip(t.rows, settings, strict=True):
            cells = [_score(row.values[m].value) if m in row.values else "—" for m in t.models]
            rows.append([row.name, *([setting] if setting_col else []), row.category, row.shots, row.metric, *cells])
        grid.table(con, title, columns, rows)
        if any(r.shots.endswith("*") or r.metric.endswith("*") for r in t.rows):
            con.print(Text("* stated for some models only; `llama4ref get PATH` shows each value's qualifiers", style="dim"))
        if chart:
            for row in t.rows:
                con.print(Text(safe(row.name), style="bold"))
                top = max(float(f.value) for f in row.values.values() if isinstance(f.value, (int, float))) or 1.0
                for m in t.models:
                    value = row.values[m].value if m in row.values else None
                    if isinstance(value, (int, float)):
                        v = float(value)
                        bar = "█" * max(1, round(min(40, con.width - 36) * v / top))
                        con.print(Text(f"  {safe(m):<24} ").append(bar, style="cyan").append(f" {_score(value)}"))
        con.print()


SETTING_KEYS = ("hardware", "gpus", "precision", "quantization", "engine", "context_length", "max_model_len")
"""Qualifiers that tell apart results of the same benchmark measured in different settings."""


def _score(value: object) -> str:
    """A score to the precision its table writes it (49.0 stays 49.0; an integer as is); "—" for no number."""
    from llama4ref.formatting import format_value

    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "—"
    return format_value(value, "score") if isinstance(value, float) else f"{value:g}"


def bench_setting(row: Row) -> str:
    """The setting a row's results were measured in (hardware, precision …), from its values' qualifiers."""
    seen: dict[str, None] = {}
    for fact in row.values.values():
        for key in SETTING_KEYS:
            if key in fact.qualifiers:
                seen[f"{fact.qualifiers[key]}"] = None
    return ", ".join(seen)


def source_detail(con: Console, src: Source, backs: list[str], identifiers: Sequence[str] = ()) -> None:
    con.print(Text(safe(src.title), style="bold"))
    for label, value in (
        ("id", src.id),
        ("publisher", src.publisher),
        ("kind", src.kind),
        ("transcribes", src.transcribes),
        ("tier", tier_label(src)),
        ("version", src.pin()),
        ("url", src.url),
        ("read from", src.read_from),
        ("also in", src.package and src.package.label()),
        ("sha256", src.sha256),
        ("retrieved", str(src.retrieved)),
    ):
        if value is not None:
            say(con, Text(f"  {label}: {safe(value)}"), len(label) + 4)
    if src.note:
        say(con, Text(f"  note: {safe(src.note)}", style="dim"), 8)
    resolve = f"cited for {len(identifiers)} identifier(s) (see 'llama4ref resolve NAME')"
    if backs:
        con.print(Text(f"Backs {len(backs)} fact(s):", style="bold"))
        for path in backs:
            con.print(Text(f"  {safe(path)}"))
    if identifiers:  # what a source backing no fact is in the records for: what an identifier is
        con.print(Text(f"{resolve[0].upper()}{resolve[1:]}:" if backs else f"Backs no fact; {resolve}:", style="bold"))
        for name in identifiers:
            con.print(Text(f"  {safe(name)}"))
    elif not backs:
        con.print(Text("Backs no fact and no identifier.", style="bold"))


def prompt(con: Console, wp: WorkedPrompt, legend: list[tuple[str, int | None, str]]) -> None:
    con.print(Text("Prompt (special tokens from the records; example texts are placeholders):", style="bold"))
    text = Text()
    for seg in wp.segments:
        text.append(
            "\n".join(safe(part) for part in seg.text.split("\n")), style="cyan" if seg.kind in ("token", "layout") else ""
        )
    con.print(text, soft_wrap=True)  # never wrapped: the prompt is copied exactly (the terminal folds long lines)
    con.print()
    from llama4ref.cli.render import grid

    grid.table(
        con,
        "Special tokens used",
        ["token", grid.Column("id", "right"), "meaning"],
        [[tok, "" if tid is None else str(tid), meaning] for tok, tid, meaning in legend],
    )
    say(con, Text("Facts used: " + safe(", ".join(dict.fromkeys(wp.used_paths))), style="dim"), 0)
