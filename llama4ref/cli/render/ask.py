"""Rich rendering of answers, fact groups and search hits (ask, get on a prefix, search)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from llama4ref.cli.render.common import NOMINAL_FLAG, addresses, caveat, cited_ids, fact_detail, value_text
from llama4ref.cli.render.common import _citation as citation
from llama4ref.cli.render.grid import say
from llama4ref.domain.companions import BASIS_KEYS
from llama4ref.paths import FactPath
from llama4ref.printable import echoed, printable

if TYPE_CHECKING:
    from llama4ref.domain.across import Listing
    from llama4ref.domain.answer import Answer
    from llama4ref.domain.search import Hit
    from llama4ref.store.answers import Fact
    from llama4ref.store.knowledge_base import KnowledgeBase

GROUP_SHOWN = 12
LISTED_LINES = 2
"""How many terminal lines a value may take in a list of runners-up or search hits."""
LISTED_MIN = 40

ASKED_ECHO = 200
"""How much of a question `ask` repeats when nothing answers it: a whole everyday question, not a pasted page."""


def in_words(fact: Fact) -> str:
    """The value as a sentence: path, value with unit and bound."""
    return f"{fact.path} is {fact.display()}"


def read_as(con: Console, question: str, corrections: dict[str, str]) -> None:
    """The misspelt words and what they were read as, in the order the question writes them."""
    if not corrections:
        return
    low = question.lower()
    order = sorted(corrections, key=lambda w: (low.find(w) if w in low else len(low), w))
    fixed = ", ".join(f"{printable(a)!r} → {b!r}" for a, b in ((w, corrections[w]) for w in order))
    say(con, Text(f"(read {fixed})", style="dim"), 1)


def answer(con: Console, kb: KnowledgeBase, ans: Answer) -> None:
    read_as(con, ans.question, ans.corrections)
    if not ans.found:  # wrapped by say: a long question leaves no trailing space before the line break
        say(con, Text(f"No fact answers {echoed(ans.question, ASKED_ECHO)} well enough.", style="bold yellow"), 0)
        for text in ans.caveats:  # why the best-scoring fact is no answer (llama4ref.domain.abstain)
            caveat(con, text)
        if ans.runners_up:
            con.print("Closest facts:")
            for f in ans.runners_up:
                listed(con, f"  {f.path}  ", f)
        say(con, Text(f"Try: {ans.suggestion}", style="bold"), 5)
        return
    if ans.listing is not None:
        offers(con, kb, ans.listing)
        first = ans.listing.rows[0].facts[0]
        addresses(con, [first.citations[0].source] if first.citations else [], 4)
    elif ans.is_group:
        group(con, ans.path or "", list(ans.facts), shown=GROUP_SHOWN)
        best = ans.facts[0]
        if best.citations:
            con.print(Text(f"  {best.path[len(ans.path or '') + 1 :]}, as the source states it:", style="dim"))
            citation(con, kb, best.citations[0], indent="    ")
            addresses(con, [best.citations[0].source], 4)
    else:
        fact_detail(con, kb, ans.facts[0])
        addresses(con, cited_ids(ans.facts[0]))
    for f in ans.companions:  # the same quantity measured another way
        basis = ", ".join(str(v) for k, v in f.qualifiers.items() if k in BASIS_KEYS)
        listed(con, Text(f"  beside it{f' ({basis})' if basis else ''}: ", style="bold").append(f"{f.path}  ", style="cyan"), f)
    for text in ans.caveats:
        caveat(con, text)
    if ans.runners_up:
        con.print()
        con.print(Text("Also relevant:", style="bold"))
        for f in ans.runners_up:
            listed(con, f"  {f.path}  ", f)
    if ans.suggestion and ans.is_group:  # a listing of offers is a group too
        con.print(Text(f"More: {ans.suggestion}", style="dim"))
    elif ans.suggestion and not ans.suggestion.startswith("llama4ref list "):  # a command that checks more (check-name)
        con.print(Text(f"Try: {ans.suggestion}", style="bold"))


def offers(con: Console, kb: KnowledgeBase, listing: Listing) -> None:
    """Providers' offers, a line each in the listing's order, then the first value's citation."""
    rows = listing.rows
    kind = "current offers" if listing.current else "offers"
    leaf = listing.pattern.rsplit(".", 1)[-1]
    what = {"input": "a price", "output": "an output limit", "context": "a served context"}.get(leaf, f"a {leaf}")
    say(con, Text(listing.pattern, style="bold cyan").append(f"  ({len(rows)} {kind}, {listing.order})", style="dim"), 2)
    if listing.without:  # the count above is of rows, not of offers: say which offers have no row
        n = len(listing.without)
        lacking = (
            f"{n} more {kind.removesuffix('s') if n == 1 else kind} {'has' if n == 1 else 'have'} no {what.split(' ', 1)[1]}"
        )
        say(con, Text(f"  {lacking} recorded: {printable(', '.join(listing.without))}", style="dim"), 4)
    for row in rows[:GROUP_SHOWN]:
        lead = row.provider if listing.pattern.split(".")[2] != "*" else f"{row.provider} ({row.variant})"
        line = Text(f"  {printable(lead)}: ")
        for i, fact in enumerate(row.facts):
            label = fact.path.rsplit(".", 1)[-1]
            line.append(" · " if i else "").append(f"{label} " if len(row.facts) > 1 else "")
            line.append_text(value_text(fact) if label != "provider_name" else Text("model id not recorded", style="dim"))
        if row.caveat:
            line.append(NOMINAL_FLAG, style="yellow")
        if row.listed_free:
            line.append(" (listed free)", style="yellow")
        say(con, line, 4)
    if len(rows) > GROUP_SHOWN:
        con.print(Text(f"  … {len(rows) - GROUP_SHOWN} more", style="dim"))
    if any(row.listed_free for row in rows[:GROUP_SHOWN]):
        from llama4ref.cli.render.deploy import LISTED_FREE

        say(con, Text(f"  {LISTED_FREE}", style="dim"), 4)
    first = rows[0].facts[0]
    if first.citations:
        con.print(Text(f"  {printable(rows[0].provider)}, as the source states it:", style="dim"))
        citation(con, kb, first.citations[0], indent="    ")


def listed(con: Console, lead: str | Text, fact: Fact) -> None:
    """One line of a list that points to a fact: its path, then its value cut to about two lines."""
    head = lead if isinstance(lead, Text) else Text(lead)
    say(con, head.copy().append_text(value_text(fact, limit=max(LISTED_MIN, LISTED_LINES * con.width - head.cell_len - 12))), 4)


def group(con: Console, prefix: str, facts: list[Fact], shown: int | None = None, ranks: dict[str, Text] | None = None) -> None:
    """The facts under a path prefix, one line each; ``ranks`` marks, by path, a value shown in
    place of the preferred one (``get --as-of``)."""
    con.print(Text(f"{prefix}.*", style="bold cyan").append(f"  ({len(facts)} facts)", style="dim"))
    for f in facts[:shown]:
        line = Text(f"  {'.'.join(FactPath.parse(f.path).after(prefix))}: ").append(value_text(f))
        say(con, line.append_text((ranks or {}).get(f.path, Text())), 4)
    if shown is not None and len(facts) > shown:
        con.print(Text(f"  … {len(facts) - shown} more: llama4ref get {prefix}", style="dim"))


def hits(con: Console, text: str, found: list[Hit], corrections: dict[str, str] | None = None) -> None:
    """Search results: path and value, with the matching passage and the query's words in bold;
    first the misspelt words and what they were read as, as ``ask`` shows them."""
    read_as(con, text, corrections or {})
    con.print(Text(printable(f"{len(found)} result(s) for {echoed(text)}"), style="bold"))
    for h in found:
        listed(con, Text(f"{h.fact.path}  ", style="cyan"), h.fact)
        if h.snippet:
            say(con, Text("    ").append(marked(h.snippet)), 4)


def marked(snippet: str) -> Text:
    """A snippet whose ``\\x02``…``\\x03`` spans become bold."""
    from llama4ref.domain.search import MARK_END, MARK_START

    out = Text()
    bold = False
    for part in snippet.replace(MARK_END, MARK_START).split(MARK_START):
        out.append(printable(" ".join(part.split("\n"))), style="bold" if bold else "dim")
        bold = not bold
    return out
