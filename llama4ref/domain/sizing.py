"""What a memory plan is computed from and split over: the facts it needs, a GPU's memory, and
the GPU counts a model can be split over (tensor parallelism divides the attention and KV heads
evenly; beyond one node, whole nodes)."""

from __future__ import annotations

import math

from llama4ref.paths import FactPath
from llama4ref.store.knowledge_base import KnowledgeBase

NODE_GPUS = 8
"""GPUs in one server node (an HGX/DGX board); past one node, a deployment takes whole nodes."""
REQUIRED = (
    *(f"architecture.{k}" for k in ("layers", "hidden_size", "attention_heads", "kv_heads", "head_dim", "vocab_size")),
    *(f"architecture.{k}" for k in ("expert_ffn_dim", "moe_layer_step", "attention_chunk_size", "nope_layers")),
    *(f"experts.{k}" for k in ("routed", "shared", "routed_per_token")),
    "context_window.instruct",
)
"""The facts (under a variant) a memory plan is computed from."""


def missing_facts(kb: KnowledgeBase, vid: str) -> list[str]:
    """The facts :data:`REQUIRED` for a memory plan (paths under the variant) that ``vid`` has no record of."""
    return [k for k in REQUIRED if not kb.has(f"{vid}.{k}")]


ROLE_WHY = {"preview": "{name} was previewed, not released", "comparison": "{name} is recorded only for comparison"}
"""Why a variant of this role may lack the facts a plan needs, as said in the error."""


def parallel_degrees(heads: int, kv_heads: int, node: int = NODE_GPUS) -> list[int]:
    """Tensor-parallel degrees within one node: the counts that divide both head counts evenly."""
    return [n for n in range(1, node + 1) if heads % n == 0 and kv_heads % n == 0]


def deployable(minimum: int, heads: int, kv_heads: int, node: int = NODE_GPUS) -> int:
    """The fewest GPUs, at least ``minimum``, a model can be split over: a tensor-parallel degree
    within one node (:func:`parallel_degrees`), else whole nodes."""
    within = [n for n in parallel_degrees(heads, kv_heads, node) if n >= minimum]
    return within[0] if within else math.ceil(minimum / node) * node


GPU_MEMORY_RULE = "the vendor's stated GB, read as 10^9 bytes, for every GPU alike"
"""One convention for every GPU, so plans for different GPUs compare fairly. Vendors print "GB";
whether that means 10^9 or 2^30 bytes most sources do not say (NVIDIA's read for the H100 do
not), and AMD states the MI300X's 192 GB also as 192 GiB. Reading GB as 10^9 bytes never counts
memory a GPU may lack; a GPU whose GB is binary holds about 7% more than planned."""


def gpu_memory(kb: KnowledgeBase, gpu: str) -> tuple[float, str]:
    """Bytes of memory of a GPU from its hardware record, by :data:`GPU_MEMORY_RULE`: the stated GB
    (``memory_gb``) × 10^9 for every GPU, whatever other unit a vendor also states it in."""
    base = f"hardware.{gpu.lower().replace('-', '_')}"
    if not kb.has(f"{base}.memory_gb"):
        from llama4ref.errors import UnknownIdError

        known = sorted(
            {str(fp.hardware) for fp in map(FactPath.parse, kb.paths("hardware", derived=False)) if fp.key == "memory_gb"}
        )
        recorded, note = _named_gpus(kb, gpu, known)
        raise UnknownIdError("GPU (no hardware record; or give --gpu-memory-gb)", gpu, recorded or known, note)
    return kb.get(f"{base}.memory_gb").as_float() * 1e9, f"{base}.memory_gb"


def _named_gpus(kb: KnowledgeBase, gpu: str, known: list[str]) -> tuple[list[str], str | None]:
    """The GPUs with a hardware record that the records' vocabulary gives ``gpu`` as another name
    of, and a note saying so; never taken for one of them: a name the records give several GPUs
    (``a100``: the A100 80 GB SXM record and A100s of unstated memory) is no one GPU's."""
    named = [t for t in kb.entities_named(gpu) if t.get("cls") == "gpu"]
    recorded = sorted({key for t in named if (key := str(t["target"]).removeprefix("hardware.")) in known})
    if not recorded:
        return [], None
    shown = ", ".join(f"{key} ({kb.get(f'hardware.{key}.name').display()})" for key in recorded)
    if len(named) > 1:
        return (
            recorded,
            f"the records use it for {len(named)} GPUs, and only {shown} has a hardware record: give that if it is yours",
        )
    return recorded, f"the records use it for {shown}: give that if it is yours"


def gpu_memory_assumption(kb: KnowledgeBase, gpu: str) -> str:
    """:data:`GPU_MEMORY_RULE` in words for ``gpu``, with the binary figure its vendor also states, if any."""
    base = f"hardware.{gpu.lower().replace('-', '_')}"
    stated = kb.get(f"{base}.memory_gb").display()
    said = f"GPU memory: {GPU_MEMORY_RULE} ({gpu}: {stated})"
    if kb.has(f"{base}.memory_gib"):
        gib = kb.get(f"{base}.memory_gib")
        more = f"{gib.as_float() * 2**30 / 1e9:.1f} GB"
        return f"{said}; its vendor also states {gib.display()} ({more}): it may hold about 7% more"
    return f"{said}; if that GB is binary (GiB), the GPU holds about 7% more"
