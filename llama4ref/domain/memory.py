"""Memory planning from first principles: weights under a quantization scheme, plus KV cache.

Weights follow which components each of Meta's schemes actually quantizes (llama-models
``quantization/loader.py``): ``fp8`` quantizes the routed experts of MoE layers only, skipping
the first and last layers; ``int4`` quantizes routed and shared experts of every MoE layer.
Everything else stays BF16. KV cache: every layer stores K and V for each cached token; with
a chunk-aware engine the chunked (RoPE) layers keep at most one attention chunk, and only the
global (NoPE) layers keep the full context.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, get_args

from llama4ref.domain.sizing import (
    NODE_GPUS,
    REQUIRED,
    ROLE_WHY,
    deployable,
    gpu_memory,
    gpu_memory_assumption,
    missing_facts,
    parallel_degrees,
)
from llama4ref.errors import Llama4RefError, UsageError
from llama4ref.paths import FactPath
from llama4ref.store.knowledge_base import KnowledgeBase
from llama4ref.store.params import breakdown

if TYPE_CHECKING:
    from llama4ref.store.shapes.deploy import MemoryLineJSON, MemoryPlanJSON

Precision = Literal["bf16", "fp8", "int4"]
PRECISIONS: tuple[str, ...] = get_args(Precision)
"""The weight precisions ``memory --precision`` computes (Meta's schemes)."""
KvLayout = Literal["hybrid", "full"]
BYTES = {"bf16": 2.0, "fp8": 1.0}
INT4_GROUP = 128
"""int4 weights carry one BF16 scale per group of 128 weights (llama-models quantize_impls)."""


@dataclass(frozen=True)
class MemoryLine:
    """One term of a memory estimate: what it counts, its size in bytes and how it was computed."""

    name: str
    bytes: float
    formula: str


@dataclass
class Plan:
    variant: str
    precision: str
    context: int
    batch: int
    kv_dtype: str
    kv_layout: str
    weights: list[MemoryLine]
    kv: list[MemoryLine]
    gpu: str | None
    gpu_bytes: float | None
    usable_fraction: float
    inputs: dict[str, Any] = field(default_factory=dict)
    assumptions: list[str] = field(default_factory=list)
    offload_bytes: float = 0.0
    """Memory outside the GPU (CPU RAM) the engine may hold part of the weights in."""
    heads: tuple[int, int] = (1, 1)
    """Attention and KV head counts: tensor parallelism must split both evenly."""
    gpus: int = 1
    """How many GPUs the verdict (:attr:`fits`) is about."""
    window: int | None = None
    """The model's context window when the context was left to default to it, else None."""
    context_fit: tuple[int, int] | None = None
    """(GPUs, largest context that fits them) when the plan does not fit and the KV cache of its
    context (given or the default window) is what costs GPUs beyond those the weights need; None otherwise."""

    @property
    def weight_bytes(self) -> float:
        return sum(x.bytes for x in self.weights)

    @property
    def kv_bytes(self) -> float:
        return sum(x.bytes for x in self.kv)

    @property
    def total_bytes(self) -> float:
        return self.weight_bytes + self.kv_bytes

    @property
    def gpus_needed(self) -> int | None:
        """GPUs needed once ``offload_bytes`` of the total live in CPU memory."""
        if self.gpu_bytes is None:
            return None
        on_gpu = max(self.total_bytes - self.offload_bytes, 0.0)
        return max(1, math.ceil(on_gpu / (self.gpu_bytes * self.usable_fraction)))

    @property
    def gpus_deployable(self) -> int | None:
        """:attr:`gpus_needed` rounded up to a count the model can be split over (:func:`deployable`)."""
        needed = self.gpus_needed
        return None if needed is None else deployable(needed, *self.heads)

    @property
    def fits(self) -> bool | None:
        """Whether :attr:`gpus` GPUs (plus the offload) hold weights and KV cache; None without a GPU."""
        if self.gpu_bytes is None:
            return None
        return self.total_bytes <= self.gpus * self.gpu_bytes * self.usable_fraction + self.offload_bytes

    @property
    def fits_one_gpu(self) -> bool | None:
        """Whether one GPU (plus the offload) holds weights and KV cache; None without a GPU."""
        if self.gpu_bytes is None:
            return None
        return self.total_bytes <= self.gpu_bytes * self.usable_fraction + self.offload_bytes

    def to_json(self) -> MemoryPlanJSON:
        def lines(xs: list[MemoryLine]) -> list[MemoryLineJSON]:
            return [{"name": x.name, "bytes": round(x.bytes), "gb": round(x.bytes / 1e9, 2), "formula": x.formula} for x in xs]

        return {
            "variant": self.variant,
            "precision": self.precision,
            "context": self.context,
            "batch": self.batch,
            "kv_dtype": self.kv_dtype,
            "kv_layout": self.kv_layout,
            "weights": lines(self.weights),
            "kv_cache": lines(self.kv),
            "weight_gb": round(self.weight_bytes / 1e9, 2),
            "kv_gb": round(self.kv_bytes / 1e9, 2),
            "total_gb": round(self.total_bytes / 1e9, 2),
            "gpu": self.gpu,
            "gpu_gb": None if self.gpu_bytes is None else round(self.gpu_bytes / 1e9, 2),
            "usable_fraction": self.usable_fraction,
            "gpus_needed": self.gpus_needed,
            "gpus_deployable": self.gpus_deployable,
            "parallel_degrees": parallel_degrees(*self.heads),
            "offload_gb": round(self.offload_bytes / 1e9, 2),
            "fits_one_gpu": self.fits_one_gpu,
            "gpus": self.gpus,
            "fits": self.fits,
            "default_window": self.window,
            "context_fit": None if self.context_fit is None else {"gpus": self.context_fit[0], "context": self.context_fit[1]},
            "inputs": self.inputs,
            "assumptions": self.assumptions,
        }


MAX_GB = 1e9
"""The most GB a GPU or the offload memory may be given: an exabyte, past any machine (1e308 GB
overflowed the byte counts to infinity, written as ``Infinity`` in the JSON)."""


def _int4_bytes(n: int) -> float:
    return n * 0.5 + (n / INT4_GROUP) * 2


def plan(
    kb: KnowledgeBase,
    variant: str,
    precision: Precision = "bf16",
    *,
    context: int | None = None,
    batch: int = 1,
    kv_dtype: Literal["bf16", "fp8"] = "bf16",
    kv_layout: KvLayout = "hybrid",
    gpu: str | None = None,
    gpu_memory_gb: float | None = None,
    usable_fraction: float = 0.9,
    offload_gb: float = 0.0,
    weights_file: str | None = None,
    gpus: int = 1,
    advise: bool = True,
) -> Plan:
    """Weights and KV-cache memory for one deployment, each line with its formula.

    ``gpus``: how many GPUs :attr:`Plan.fits` is about. With a GPU given and ``advise``, when the plan
    does not fit, :attr:`Plan.context_fit` says which smaller context fits when the KV cache of the
    context (given, or the model's whole window by default) is what costs GPUs beyond those the weights need.
    """
    vid = kb.variant_id(variant)
    missing = missing_facts(kb, vid)
    if missing:
        from llama4ref.errors import NotPlannableError

        known = [v.id for v in kb.variants() if not missing_facts(kb, v.id)]
        info = kb.variant(vid)
        why = ROLE_WHY.get(info.role, "").format(name=info.name)
        raise NotPlannableError(vid, missing, len(REQUIRED), known, why)
    if gpus < 1:
        raise ValueError("gpus must be at least 1")
    if gpu_memory_gb is not None and not 0 < gpu_memory_gb <= MAX_GB:  # nan too
        raise UsageError(f"gpu_memory_gb must be more than 0 and at most {MAX_GB:,.0f}, got {gpu_memory_gb!r}")
    if not 0 <= offload_gb <= MAX_GB:
        raise UsageError(f"offload_gb must be at least 0 and at most {MAX_GB:,.0f}, got {offload_gb!r}")
    if not 0 < usable_fraction <= 1:
        raise UsageError(f"usable_fraction must be more than 0 and at most 1, got {usable_fraction!r}")
    b = breakdown(kb, variant)
    vid = b.variant
    a = f"{vid}.architecture"
    layers = kb.get(f"{a}.layers").as_int()
    kv_heads, head_dim = kb.get(f"{a}.kv_heads").as_int(), kb.get(f"{a}.head_dim").as_int()
    chunk = kb.get(f"{a}.attention_chunk_size").as_int()
    nope = kb.get(f"{a}.nope_layers").as_int()
    ctx = context if context is not None else kb.get(f"{vid}.context_window.instruct").as_int()
    inputs: dict[str, Any] = dict(b.inputs) | {f"{a}.attention_chunk_size": chunk, f"{a}.nope_layers": nope}
    weights: list[MemoryLine] = []
    per_layer_routed = b.components["routed_experts"] // max(b.moe_layers, 1)
    other = sum(v for k, v in b.components.items() if k not in ("routed_experts", "shared_experts"))
    weights.append(
        MemoryLine(
            "non-expert weights (BF16)",
            other * 2,
            "2 bytes × (embedding + output head + attention + norms + router + dense FFN + vision)",
        )
    )
    if precision == "bf16":
        weights.append(
            MemoryLine(
                "experts (BF16)",
                (b.components["routed_experts"] + b.components["shared_experts"]) * 2,
                "2 bytes × (routed + shared experts)",
            )
        )
    elif precision == "fp8":
        # fp8_mixed: MoE layers only, first and last layers skipped, routed experts only.
        step = kb.get(f"{a}.moe_layer_step").as_int()
        moe_ids = [i for i in range(layers) if (i + 1) % step == 0]
        quantized = [i for i in moe_ids if i not in (0, layers - 1)]
        q = len(quantized) * per_layer_routed
        weights.append(
            MemoryLine(
                "routed experts in FP8",
                q * BYTES["fp8"],
                f"1 byte × routed experts of {len(quantized)} of {len(moe_ids)} MoE layers (first/last layers skipped)",
            )
        )
        weights.append(
            MemoryLine(
                "routed experts left BF16",
                (len(moe_ids) - len(quantized)) * per_layer_routed * 2,
                f"2 bytes × routed experts of the {len(moe_ids) - len(quantized)} skipped MoE layer(s)",
            )
        )
        weights.append(
            MemoryLine(
                "shared experts (BF16)",
                b.components["shared_experts"] * 2,
                "2 bytes × shared experts (fp8_mixed quantizes routed experts only)",
            )
        )
    else:
        q = b.components["routed_experts"] + b.components["shared_experts"]
        weights.append(
            MemoryLine(
                "experts in int4 (+ scales)",
                _int4_bytes(q),
                f"0.5 byte × (routed + shared experts of all {b.moe_layers} MoE layers) + 2 bytes per {INT4_GROUP}-weight group",
            )
        )
    shown: str = precision
    if weights_file is not None:
        size = kb.get(weights_file)
        if size.unit != "bytes":
            raise UsageError(
                f"{weights_file} is not a file size in bytes (its unit is {size.unit}); give a published file's "
                "size (see 'llama4ref list facts --prefix files')"
            )
        owner = FactPath.parse(weights_file).variant
        if owner is not None and owner != vid:
            raise UsageError(
                f"{weights_file} is a file of {owner}, not of {vid}; give one of {vid}'s files "
                f"(see 'llama4ref list facts --prefix files.{vid}')"
            )
        weights = [MemoryLine("weights file (published size)", size.as_float(), f"{weights_file} = {size.display()}")]
        inputs[weights_file] = size.value
        shown = str(size.qualifiers.get("quant", "published file"))
    kvb = BYTES[kv_dtype]
    per_token_layer = 2 * kv_heads * head_dim * kvb
    seqs = batch
    kv: list[MemoryLine] = []
    if kv_layout == "hybrid":
        kv.append(
            MemoryLine(
                f"KV cache, {nope} global NoPE layers",
                per_token_layer * nope * ctx * seqs,
                f"2 × kv_heads {kv_heads} × head_dim {head_dim} × {kvb:g} B × {nope} layers × {ctx:,} tokens × batch {batch}",
            )
        )
        chunked = layers - nope
        kv.append(
            MemoryLine(
                f"KV cache, {chunked} chunked RoPE layers",
                per_token_layer * chunked * min(ctx, chunk) * seqs,
                f"2 × {kv_heads} × {head_dim} × {kvb:g} B × {chunked} layers × min(context, chunk {chunk}) × batch {batch}",
            )
        )
    else:
        kv.append(
            MemoryLine(
                f"KV cache, all {layers} layers",
                per_token_layer * layers * ctx * seqs,
                f"2 × kv_heads {kv_heads} × head_dim {head_dim} × {kvb:g} B × {layers} layers × {ctx:,} tokens × batch {batch}",
            )
        )
    gpu_bytes = None
    if gpu_memory_gb is not None:
        gpu_bytes = gpu_memory_gb * 1e9
    elif gpu is not None:
        gpu_bytes, path = gpu_memory(kb, gpu)
        inputs[path] = gpu_bytes / 1e9
    assumptions = [
        (
            f"weights: the published size of {weights_file}, read as loaded unchanged into memory"
            if weights_file is not None
            else "weights: counts recomputed from the architecture facts (see `llama4ref audit`), vision tower included"
        ),
        f"KV cache layout '{kv_layout}': "
        + (
            "chunk-aware engine, chunked layers keep one chunk"
            if kv_layout == "hybrid"
            else "every layer caches the full context"
        ),
        f"usable fraction of GPU memory {usable_fraction:g} (activations, CUDA graphs and fragmentation are not modelled)",
    ]
    if gpu is not None and gpu_memory_gb is None:
        assumptions.append(gpu_memory_assumption(kb, gpu))
    if offload_gb:
        assumptions.append(
            f"offload: up to {offload_gb:g} GB of weights held in CPU memory (e.g. llama.cpp -ngl / -ot, vLLM --cpu-offload-gb); "
            "it decides whether the model loads, not how fast it runs"
        )
    heads = kb.get(f"{a}.attention_heads").as_int()
    result = Plan(
        vid,
        shown,
        ctx,
        batch,
        kv_dtype,
        kv_layout,
        weights,
        kv,
        gpu,
        gpu_bytes,
        usable_fraction,
        inputs,
        assumptions,
        offload_gb * 1e9,
        (heads, kv_heads),
        gpus,
        ctx if context is None else None,
    )
    if advise and gpu_bytes is not None and not result.fits:  # the context given or the default window
        options: dict[str, Any] = {
            "precision": precision,
            "batch": batch,
            "kv_dtype": kv_dtype,
            "kv_layout": kv_layout,
            "gpu": gpu,
            "gpu_memory_gb": gpu_memory_gb,
            "usable_fraction": usable_fraction,
            "offload_gb": offload_gb,
            "weights_file": weights_file,
        }
        least = plan(kb, variant, context=1, advise=False, **options).gpus_deployable or 1
        if least < (result.gpus_deployable or 1):  # the context, not the weights, costs the GPUs
            n = max(gpus, least)
            found = fit(kb, variant, "context", n, **options)
            if found is not None:
                result.context_fit = (n, found.context)
    return result


def plan_warnings(kb: KnowledgeBase, p: Plan, gpu: str | None, gpu_memory_gb: float | None) -> list[str]:
    """What in a plan's inputs contradicts the records: a context past the model's window, a GPU name
    whose hardware record gives a different memory than ``gpu_memory_gb``, a GPU count the model
    cannot be split over."""
    out = []
    if p.gpus != deployable(p.gpus, *p.heads):
        degrees = ", ".join(map(str, parallel_degrees(*p.heads)))
        out.append(
            f"{p.gpus} GPUs is not a count {p.variant} can be split over: tensor parallelism needs {degrees} "
            f"(dividing its {p.heads[0]} attention and {p.heads[1]} KV heads), or whole {NODE_GPUS}-GPU nodes"
        )
    window = kb.get(f"{p.variant}.context_window.instruct").as_int()
    if p.context > window:
        out.append(f"context {p.context:,} tokens exceeds {p.variant}'s window of {window:,} tokens")
    if gpu is not None and gpu_memory_gb is not None:
        try:
            recorded, _ = gpu_memory(kb, gpu)
        except Llama4RefError:
            return out
        if abs(recorded / 1e9 - gpu_memory_gb) > 0.5:
            out.append(
                f"{gpu} has {recorded / 1e9:g} GB in its hardware record; the plan uses --gpu-memory-gb {gpu_memory_gb:g} instead"
            )
    return out


def fit(kb: KnowledgeBase, variant: str, what: Literal["context", "batch"], gpus: int, **options: Any) -> Plan | None:
    """The plan with the largest context (up to the model's window) or batch whose total fits ``gpus`` GPUs.

    ``options`` are :func:`plan`'s, with a GPU (``gpu`` or ``gpu_memory_gb``); None when even 1 does not fit.
    """

    def fits(n: int) -> Plan | None:
        p = plan(kb, variant, **(options | {what: n, "gpus": gpus, "advise": False}))
        if p.gpu_bytes is None:
            raise ValueError("fit needs a GPU: give gpu or gpu_memory_gb")
        room = gpus * p.gpu_bytes * p.usable_fraction + p.offload_bytes
        return p if p.total_bytes <= room else None

    best = fits(1)
    if best is None:
        return None
    low, high = 1, kb.get(f"{kb.variant_id(variant)}.context_window.instruct").as_int() if what == "context" else 1 << 20
    while low < high:  # memory grows with context and batch: the largest n that fits
        mid = (low + high + 1) // 2
        p = fits(mid)
        if p is None:
            high = mid - 1
        else:
            low, best = mid, p
    return best
