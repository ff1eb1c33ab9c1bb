"""Rich rendering for the deployment commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.text import Text

from llama4ref.cli.render import grid
from llama4ref.cli.render.common import NOMINAL_FLAG, safe, value_text
from llama4ref.cli.render.grid import say
from llama4ref.formatting import format_value, quoted

if TYPE_CHECKING:
    from llama4ref.domain.deploy import ContextTiers, DatedValue, Offer
    from llama4ref.domain.memory import Plan
    from llama4ref.domain.resolve import Resolution
    from llama4ref.store.knowledge_base import KnowledgeBase


def _claim(c: DatedValue | None, unit: str = "tokens") -> str:
    if c is None:
        return "—"
    text = format_value(c.value, unit, c.bound) if isinstance(c.value, int) else str(c.value)
    return text if c.rank == "preferred" else f"{text} [{c.rank}]"


def offers(con: Console, found: list[Offer], title: str, as_of: object = None) -> None:
    rows = []
    for o in found:
        ctx = _claim(o.context).replace(" tokens", "") + (f", {o.context_kind}" if o.context_kind and o.context else "")
        price = " / ".join("—" if x is None else f"{x:g}" for x in (o.price_input, o.price_output))  # always in / out
        price = "—" if price == "— / —" else price
        if o.listed_free:
            price += " (listed free)"
        srcs = o.sources
        alt = f" (+{o.conflicts} conflicting)" if o.conflicts else ""
        if o.context_caveat:
            alt += NOMINAL_FLAG
        when = (o.context.known_from if o.context else None) if as_of else o.last_dated  # no context, no date for it
        status = "\ndeprecated" if o.deprecated else ""
        if o.deprecation_date:
            status = f"\n{'deprecated' if o.deprecated else 'deprecation due'} {o.deprecation_date}"
        cells = [  # data made printable piece by piece: the line breaks put in here are kept
            safe(o.provider_name),
            safe(o.variant),
            safe(o.model_id or ("—" if as_of else NO_MODEL_ID)) + status,
            safe(ctx) + alt,
            safe(_claim(o.max_output).replace(" tokens", "")),
            safe(o.precision or "not stated"),
            price,
            "\n".join(safe(s) for s in srcs),
            safe(when or ("—" if as_of and o.context is None else "undated")),
        ]
        rows.append([Text(c) for c in cells])  # Text: values like "[superseded]" are not markup
    columns = [
        "provider", "variant", "model id", "context (tokens)", "max output (tokens)", "precision", "$/1M in/out", "sources",
        "context known from" if as_of else "newest source",
    ]  # fmt: skip
    grid.table(con, title, columns, rows)
    if any(o.listed_free for o in found):
        say(con, Text(LISTED_FREE, style="dim"), 2)


NO_MODEL_ID = "not recorded"
"""An offer's model id when its record has none (the sources read give it as no text; the record's
note says where the id is seen); with --as-of, "—": not known on the date."""

LISTED_FREE = (
    "listed free: the sources give a price of 0, which says nothing of rate limits, quotas or terms "
    "of use; check the provider's page before relying on such an offer"
)
"""The note under a table of offers that holds one whose listed price is 0 (sorted by price, it comes first)."""


def context(con: Console, kb: KnowledgeBase, tiers: ContextTiers) -> None:
    say(con, Text(f"Context limits for {safe(tiers.variant)} — three tiers, never mixed", style="bold"), 0)
    con.print()
    grid.table(
        con,
        "1. MODEL (nominal): what Meta describes and the released configuration sets",
        ["fact", "value", "source"],
        [
            [Text(safe(f.path)), value_text(f), Text("\n".join(safe(s) for s in sorted({c.source for c in f.citations})))]
            for f in tiers.model
        ],
    )
    con.print()
    offers(
        con,
        tiers.providers,
        "2. PROVIDER-SERVED (hosted APIs): what each provider accepts, dated; catalogs' nominal copies ranked as conflicts",
    )
    con.print()
    from llama4ref.domain.deploy import RUNTIME_DETAIL_WORDS, cited_on, hardware_name, runtime_context_view

    runtime, silent = [], []
    for lim in tiers.runtime:
        main, shown = runtime_context_view(lim)
        if main is None and not shown:
            silent.append(lim)  # records no context figure: named below, not shown as an empty row
            continue
        details = "; ".join(f"{RUNTIME_DETAIL_WORDS.get(k, k)}: {f.display()}" for k, f in shown.items())
        cits = [c for f in (main, *shown.values()) if f is not None for c in f.citations]
        dates = sorted({str(d) for c in cits if (d := cited_on(kb, c)) is not None})
        runtime.append(
            [
                Text(safe(lim.engine)),
                Text(safe(hardware_name(kb, lim))),
                value_text(main) if main else Text("none stated (see details)", style="dim"),
                Text(safe(details)),
                Text("\n".join(safe(c) for c in sorted({c.source for c in cits}))),
                Text(safe(", ".join(dates) or "undated")),
            ]
        )
    grid.table(
        con,
        "3. RUNTIME (self-hosted): what an engine reaches on given hardware",
        ["engine", "hardware", "limit", "details", "source", "as of"],
        runtime,
    )
    if silent:
        names = "; ".join(
            safe(f"runtime.{lim.engine}.{lim.variant}.{lim.hardware}")
            + ("" if (hw := hardware_name(kb, lim)) == lim.hardware else f" ({safe(hw)})")
            for lim in silent
        )
        say(con, Text(f"Not shown, as they record no context figure (`llama4ref get PATH` shows them): {names}."), 0)
    say(
        con,
        Text(
            "Tier 1 is a model property; tiers 2 and 3 are what you can actually send. `llama4ref get PATH` shows every citation.",
            style="dim",
        ),
        0,
    )


def resolution(con: Console, res: Resolution) -> None:
    from llama4ref.store.idparse import VERDICTS

    head = Text(safe(res.input), style="bold")
    good, problem = ("official", "recorded", "model-name"), ("invalid", "not-llama-4")
    style = "green" if res.verdict in good else "bold red" if res.verdict in problem else "yellow"
    head.append(f"  {VERDICTS[res.verdict]}", style=style)
    say(con, head, 2)  # a long id pushes the verdict onto a line of its own, indented under the id
    for label in (
        "family",
        "variant",
        "stage",
        "precision",
        "packaging",
        "publisher",
        "namespace",
        "official",
        "official_id",
        "method",
        "reason",
    ):
        value = getattr(res, label)
        if label == "official" and res.verdict == "not-llama-4":
            continue  # official is about Llama 4 ids; the verdict says it is none
        if isinstance(value, bool):
            value = "yes" if value else "no"
        if label == "precision" and value == "unknown" and res.citations:
            value = "unknown (the sources below do not state it)"
        if value not in (None, ""):
            shown = "official id" if label == "official_id" else label
            say(con, Text(f"  {shown}: {safe(value)}"), len(shown) + 4)
    for c in res.citations:
        say(con, Text(f"  source: {safe(c.source)} — {safe(c.locator)}: {quoted(safe(c.quote))}", style="dim"), 10)


def fit_headline(con: Console, kb: KnowledgeBase, p: Plan, what: str, gpus: int, gpu: str | None) -> None:
    """``memory --fit``: the largest context (or batch) found, and whether that is the model's whole window."""
    from llama4ref.domain.memory import plan_warnings

    value = (
        f"context {p.context:,} tokens (batch {p.batch})"
        if what == "context"
        else f"batch {p.batch} (context {p.context:,} tokens)"
    )
    capped = (
        " — the model's whole window"
        if what == "context"
        and not plan_warnings(kb, p, None, None)
        and p.context == kb.get(f"{p.variant}.context_window.instruct").as_int()
        else ""
    )
    say(con, Text(f"Largest {what} that fits {gpus} × {safe(gpu or 'GPU')}: {value}{capped}", style="bold"), 0)


def memory(con: Console, p: Plan) -> None:
    say(
        con,
        Text(
            f"{safe(p.variant)}, {p.precision} weights, context {p.context:,} × batch {p.batch}, KV {p.kv_dtype} ({p.kv_layout})",
            style="bold",
        ),
        0,
    )
    rows: list[list[grid.Cell]] = [[line.name, f"{line.bytes / 1e9:,.2f}", line.formula] for line in (*p.weights, *p.kv)]
    rows.append([Text("total", style="bold"), Text(f"{p.total_bytes / 1e9:,.2f}", style="bold"), "weights + KV cache"])
    # formula is not prose: it names fact paths (files.scout.unsloth_gguf.ud_q4_k_xl.bytes), never to be split
    grid.table(con, None, ["component", grid.Column("GB", "right"), grid.Column("formula")], rows)
    gpu = safe(p.gpu or "GPU")
    if p.gpu_bytes is None or p.gpus_needed is None or p.gpus_deployable is None:
        say(con, Text("GPUs needed: give --gpu (e.g. h100) or --gpu-memory-gb to count them", style="bold"), 13)
    else:
        from llama4ref.domain.sizing import NODE_GPUS, parallel_degrees

        off = f" + {p.offload_bytes / 1e9:g} GB CPU offload" if p.offload_bytes else ""
        each = f"({p.gpu_bytes / 1e9:g} GB each, {p.usable_fraction:g} usable){off}"
        if p.gpus_deployable == p.gpus_needed:
            say(con, Text(f"GPUs needed: {p.gpus_needed} × {gpu} {each}", style="bold"), 13)
        else:
            say(
                con,
                Text(f"GPUs needed: {p.gpus_deployable} × {gpu} to deploy; {p.gpus_needed} by memory alone {each}", style="bold"),
                13,
            )
            degrees = parallel_degrees(*p.heads)
            shown = ", ".join(map(str, degrees[:-1])) + f" or {degrees[-1]}" if len(degrees) > 1 else str(degrees[0])
            say(
                con,
                Text(
                    f"  why {p.gpus_deployable}: tensor parallelism splits {safe(p.variant)}'s {p.heads[0]} attention and "
                    f"{p.heads[1]} KV heads evenly over {shown} GPUs; beyond one {NODE_GPUS}-GPU node, whole nodes"
                ),
                4,
            )
        from llama4ref.domain.sizing import deployable

        verdict = "yes" if p.fits else "no"
        if p.fits and p.gpus != deployable(p.gpus, *p.heads):  # the memory holds it, but the model cannot use that many
            verdict = f"no: {safe(p.variant)} cannot be split over {p.gpus} GPUs (the memory alone would hold it)"
        say(con, Text(f"fits on {p.gpus} × {gpu}{off}: {verdict}", style="bold"), 2)
    if p.window is not None and p.kv_bytes > p.weight_bytes:
        note = (
            f"the KV cache is {p.kv_bytes / 1e9:,.2f} of the {p.total_bytes / 1e9:,.2f} GB because the context defaults "
            f"to {safe(p.variant)}'s whole {p.window:,}-token window"
        )
        if p.context_fit is not None:
            note += f"; with --context {p.context_fit[1]} (or less) it fits {p.context_fit[0]} × {gpu}"
        else:
            note += "; a shorter --context needs less"
        say(con, Text(f"note: {note}", style="yellow"), 6)
    elif p.context_fit is not None:  # a context given whose KV cache costs GPUs the weights alone do not need
        hint = f"with --context {p.context_fit[1]} (or less) it fits {p.context_fit[0]} × {gpu}"
        say(con, Text(f"note: a shorter context needs fewer GPUs: {hint}", style="yellow"), 6)
    for a in p.assumptions:
        say(con, Text(f"assumption: {safe(a)}", style="dim"), 12)
