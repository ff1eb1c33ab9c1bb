"""Deployment commands: context, providers, resolve, memory, engines, stale.

Each command is a module-level function (importable and callable alone); :func:`register`
attaches them to the app in the order ``--help`` lists them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal, Optional, cast

import typer

from llama4ref.cli.options import TOKENS_HELP, AsOfOpt, JsonOpt, VariantArg, as_of_date, token_count
from llama4ref.cli.output import EXIT_PROBLEMS, console, emit_json, fail, line_out, warning_line
from llama4ref.domain.completion import complete_identifier, complete_provider, complete_variant

if TYPE_CHECKING:
    from llama4ref.domain.memory import KvLayout, Plan, Precision

PLAN_WARNING = "L4R-U018"
"""The code of ``memory``'s warnings: the plan is computed, but a value given disagrees with the records."""


def context(variant: VariantArg, as_of: AsOfOpt = None, json_out: JsonOpt = False) -> None:
    """Context limits in three tiers, never mixed: model (Meta), provider-served, self-hosted runtime.

    Example: llama4ref context scout
    """
    import llama4ref
    from llama4ref.domain.deploy import context_tiers

    kb = llama4ref.knowledge_base()
    tiers = context_tiers(kb, variant, as_of_date(as_of))
    if json_out:
        emit_json("context", tiers.to_json())
        return
    from llama4ref.cli.render import deploy as render_deploy

    render_deploy.context(console(), kb, tiers)


def providers(
    variant: Annotated[Optional[str], typer.Argument(help="Only this variant.", autocompletion=complete_variant)] = None,  # noqa: UP045
    provider: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--provider",
            "-p",
            metavar="PROVIDER",
            help="Only this provider: a key, the provider name shown, or an alias such as aws (any case, or part of one).",
            autocompletion=complete_provider,
        ),
    ] = None,
    min_context: Annotated[
        Optional[int],  # noqa: UP045  # typer introspection
        typer.Option(
            "--min-context", metavar="TOKENS", parser=token_count, help=f"Only offers serving at least N tokens. {TOKENS_HELP}"
        ),
    ] = None,
    as_of: AsOfOpt = None,
    current: Annotated[
        bool,
        typer.Option(
            "--current", help="Leave out offers that the sources known on the as-of date (today) show as deprecated by then."
        ),
    ] = False,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            help="Order: name (by provider), price (lowest input price first, then output), context "
            "(longest served context first) or output (largest output limit first). Missing values last.",
            metavar="KEY",
        ),
    ] = "name",
    json_out: JsonOpt = False,
) -> None:
    """Provider-served limits, precision and prices, each dated and sourced.

    "newest source" is the newest date any source behind the offer's values gives (the date `stale`
    uses and `get` prints beside that citation as "as of"); with --as-of the column is "context known
    from", the date the context shown was first stated.

    Example: llama4ref providers scout --current --sort price
    """
    import llama4ref
    from llama4ref.domain.deploy import SORTS, offers, sort_offers, why_no_offers

    sort = sort.lower()
    if sort not in SORTS:
        fail(f"--sort must be {', '.join(SORTS[:-1])} or {SORTS[-1]}")
    kb = llama4ref.knowledge_base()
    when = as_of_date(as_of)
    if min_context is not None and min_context < 0:
        fail(f"--min-context takes a number of tokens, 0 or more, got {min_context}")
    found = sort_offers(offers(kb, variant, provider, min_context, when, current=current), sort)
    if json_out:
        emit_json("providers", [o.to_json() for o in found])
        return
    if not found:  # one line saying which filter left nothing, instead of an empty table
        line_out(f"No offers listed: {why_no_offers(kb, variant, provider, min_context, when, current)}.")
        return
    from llama4ref.cli.render import deploy as render_deploy

    render_deploy.offers(console(), found, title=f"provider-served limits ({len(found)})", as_of=as_of)


def resolve(
    identifier: Annotated[
        str, typer.Argument(help="A Hugging Face repo, provider model id or catalog key.", autocompletion=complete_identifier)
    ],
    json_out: JsonOpt = False,
) -> None:
    """What an identifier denotes: variant, base/instruct, precision, packaging, and whether the
    records know it (official, recorded, or only read from its parts).

    Exit 1 when it denotes no possible Llama 4 model: an impossible combination, a look-alike,
    or another model (e.g. Llama 3.1). Meta's official id of a model that is no Scout or
    Maverick checkpoint (Llama Guard 4) exits 0, its reason saying what it is.

    \b
    Example: llama4ref resolve \\
               accounts/fireworks/models/llama4-maverick-instruct-basic
    """
    import llama4ref

    res = llama4ref.resolve(identifier)
    if json_out:
        emit_json("resolution", res.to_json())
    else:
        from llama4ref.cli.render import deploy as render_deploy

        render_deploy.resolution(console(), res)
    if res.verdict in ("invalid", "not-llama-4"):  # official-other: Meta's real repository of another model
        raise typer.Exit(EXIT_PROBLEMS)


def memory(
    variant: Annotated[str, typer.Argument(help="scout or maverick (any alias).", autocompletion=complete_variant)],
    precision: Annotated[
        str, typer.Option("--precision", metavar="PRECISION", help="bf16 | fp8 | int4 (Meta's schemes)")
    ] = "bf16",
    context: Annotated[
        Optional[int],  # noqa: UP045  # typer introspection
        typer.Option(
            "--context",
            metavar="TOKENS",
            parser=token_count,
            help=f"Tokens per sequence (default: the configured window). {TOKENS_HELP}",
        ),
    ] = None,
    batch: Annotated[int, typer.Option("--batch", metavar="N", help="Concurrent sequences.")] = 1,
    kv_dtype: Annotated[str, typer.Option("--kv-dtype", metavar="DTYPE", help="bf16 | fp8")] = "bf16",
    kv_layout: Annotated[
        str, typer.Option("--kv-layout", metavar="LAYOUT", help="hybrid (chunked layers keep one chunk) | full")
    ] = "hybrid",
    gpu: Annotated[
        Optional[str],  # noqa: UP045  # typer introspection
        typer.Option("--gpu", metavar="GPU", help="A GPU with a hardware record, e.g. h100, h200."),
    ] = None,
    gpu_memory_gb: Annotated[
        Optional[float],  # noqa: UP045  # typer introspection
        typer.Option("--gpu-memory-gb", metavar="GB", help="Or give the memory of one GPU."),
    ] = None,
    usable: Annotated[
        float, typer.Option("--usable", metavar="FRACTION", help="Fraction of GPU memory available for weights + KV.")
    ] = 0.9,
    offload_gb: Annotated[
        float, typer.Option("--offload-gb", metavar="GB", help="GB of CPU memory the engine may offload weights to.")
    ] = 0.0,
    weights_file: Annotated[
        Optional[str],  # noqa: UP045  # typer introspection
        typer.Option("--weights-file", metavar="FACT", help="Use a published file size as the weights (a files.* fact path)."),
    ] = None,
    fit_what: Annotated[
        Optional[str],  # noqa: UP045  # typer introspection
        typer.Option(
            "--fit", metavar="WHAT", help="context | batch: the largest that fits --gpus GPUs (the other stays as given)."
        ),
    ] = None,
    gpus: Annotated[
        int,
        typer.Option("--gpus", min=1, metavar="N", help="How many GPUs: the count --fit fills, and the one 'fits on' is about."),
    ] = 1,
    json_out: JsonOpt = False,
) -> None:
    """Weight and KV-cache memory from the architecture facts; with --gpu, how many GPUs it needs.

    The GPU count is the one the model can be split over (tensor parallelism divides its
    attention and KV heads evenly; beyond one 8-GPU node, whole nodes), and the memory
    minimum when that is fewer. With --offload-gb, whether one GPU plus that much CPU memory holds it; with
    --weights-file, a published quantized file (`llama4ref list facts --prefix files`).

    \b
    Example: llama4ref memory scout --precision int4 --context 8192 --gpu h100

    \b
    Example: llama4ref memory scout --precision fp8 --gpu h100 --gpus 2 \\
               --fit context

    \b
    Example: llama4ref memory scout --gpu rtx_4090 --offload-gb 48 \\
               --context 8192 \\
               --weights-file files.scout.unsloth_gguf.ud_q4_k_xl.bytes
    """
    import sys

    import llama4ref
    from llama4ref.domain.memory import MAX_GB, PRECISIONS, fit, plan, plan_warnings

    precision, kv_dtype, kv_layout = precision.lower(), kv_dtype.lower(), kv_layout.lower()
    if precision not in PRECISIONS:
        fail("--precision must be bf16, fp8 or int4")
    if kv_dtype not in ("bf16", "fp8"):
        fail("--kv-dtype must be bf16 or fp8")
    if kv_layout not in ("hybrid", "full"):
        fail("--kv-layout must be hybrid or full")
    if gpu_memory_gb is not None and not 0 < gpu_memory_gb <= MAX_GB:
        fail(f"--gpu-memory-gb must be positive, at most {MAX_GB:,.0f} (got {gpu_memory_gb:g})")
    if not 0 < usable <= 1:
        fail(f"--usable must be more than 0 and at most 1 (got {usable:g})")
    if batch < 1:
        fail(f"--batch must be at least 1 (got {batch})")
    if context is not None and context < 1:
        fail(f"--context must be at least 1 token (got {context})")
    if not 0 <= offload_gb <= MAX_GB:
        fail(f"--offload-gb must not be negative, at most {MAX_GB:,.0f} (got {offload_gb:g})")
    fit_what = fit_what.lower() if fit_what else None
    if fit_what not in (None, "context", "batch"):
        fail("--fit must be context or batch")
    if fit_what and gpu is None and gpu_memory_gb is None:
        fail("--fit needs a GPU: give --gpu or --gpu-memory-gb")
    kb = llama4ref.knowledge_base()
    options = {
        "precision": cast("Precision", precision),  # checked above
        "context": context,
        "batch": batch,
        "kv_dtype": cast("Literal['bf16', 'fp8']", kv_dtype),
        "kv_layout": cast("KvLayout", kv_layout),
        "gpu": gpu,
        "gpu_memory_gb": gpu_memory_gb,
        "usable_fraction": usable,
        "offload_gb": offload_gb,
        "weights_file": weights_file,
    }
    if fit_what == "context" or fit_what == "batch":
        found = fit(kb, variant, cast("Literal['context', 'batch']", fit_what), gpus, **options)
        if found is None:
            least = plan(kb, variant, gpus=gpus, **(options | {fit_what: 1}))  # type: ignore[arg-type]  # as below
            fail(_no_fit(least, fit_what, gpus, context), EXIT_PROBLEMS, error_code="L4R-U015")
        p = found
    else:
        p = plan(kb, variant, gpus=gpus, **options)  # type: ignore[arg-type]  # options typed by the checks above
    for warning in plan_warnings(kb, p, gpu, gpu_memory_gb):
        sys.stderr.write(warning_line(warning, PLAN_WARNING))
    if json_out:
        emit_json("memory", p.to_json())
        return
    from llama4ref.cli.render import deploy as render_deploy

    if fit_what:
        render_deploy.fit_headline(console(), kb, p, fit_what, gpus, gpu)
    render_deploy.memory(console(), p)


def _no_fit(least: Plan, fit_what: str, gpus: int, context: int | None) -> str:
    """Why ``memory --fit`` found nothing: the smallest plan tried, its need and the room of ``gpus`` GPUs."""
    room = gpus * (least.gpu_bytes or 0.0) * least.usable_fraction + least.offload_bytes
    need = f"it needs {least.total_bytes / 1e9:,.1f} GB, {gpus} GPU(s) hold {room / 1e9:,.1f} GB usable"
    if fit_what == "context":
        return f"does not fit {gpus} GPU(s) even with a context of 1 token at batch {least.batch}: {need}"
    window = "the model's whole window of" if context is None else "a context of"
    hint = "; give a smaller --context" if context is None else ""
    return f"does not fit {gpus} GPU(s) even at batch 1 with {window} {least.context:,} tokens: {need}{hint}"


def engines(
    name: Annotated[Optional[str], typer.Argument(help="One engine (id or name), e.g. vllm, llama-cpp.")] = None,  # noqa: UP045
    variant: Annotated[
        Optional[str],  # noqa: UP045  # typer introspection
        typer.Option("--variant", metavar="VARIANT", help="Only facts for this variant (and the family)."),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Engine support for Llama 4: first releases, image input, ROCm, FP8/INT4/GGUF, tool parsers, limits.

    Example: llama4ref engines vllm --variant scout
    """
    import llama4ref
    from llama4ref.domain.engines import engines as matrix
    from llama4ref.domain.engines import unserved

    kb = llama4ref.knowledge_base()
    found = matrix(kb, name, variant)
    if json_out:
        emit_json("engines", [e.to_json() for e in found])
        return
    from llama4ref.cli.render import engines as render_engines

    render_engines.engines(console(), found, variant, unserved(kb, variant) if variant is not None else None)


MAX_STALE_DAYS = 36_500
"""The longest horizon ``stale --older-than`` takes: 100 years, past any record's age."""


def stale(
    older_than: Annotated[str, typer.Option("--older-than", metavar="DAYS", help="Horizon, e.g. 180d.")] = "180d",
    json_out: JsonOpt = False,
) -> None:
    """Provider and runtime records whose newest dated source is past the horizon (for maintainers).

    "newest source" is the newest date a citation of the fact's preferred value gives (its "as of",
    else its source's publication date), the same date `providers` shows.

    Example: llama4ref stale --older-than 365d
    """
    import re

    import llama4ref
    from llama4ref.domain.deploy import stale_records as run

    horizon = re.fullmatch(r"(\d+)d?", older_than)
    if horizon is None:
        fail("--older-than takes a number of days, e.g. 180d")
    days = int(horizon.group(1))
    if days > MAX_STALE_DAYS:  # older than any record could be: every dated record would be "fresh"
        fail(f"--older-than takes at most {MAX_STALE_DAYS:,} days (100 years), got {older_than}")
    found = run(llama4ref.knowledge_base(), days)
    if json_out:
        emit_json("stale", [s.to_json() for s in found])
        return
    from llama4ref.cli.render import listing as render_listing

    render_listing.stale(console(), found, older_than)


def register(app: typer.Typer) -> None:
    """Attach the deployment commands to ``app``."""
    app.command()(context)
    app.command()(providers)
    app.command()(resolve)
    app.command()(memory)
    app.command()(engines)
    app.command()(stale)
