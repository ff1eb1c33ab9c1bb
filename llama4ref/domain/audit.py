"""Derived cross-checks: recompute what the sources report and compare within a tolerance.

Each check names its inputs (fact paths and values), its formula, what it computed, what it
expected (a stored fact or a stated constant) and the tolerance. A check whose input is
missing fails: the data the check protects has gone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from llama4ref.errors import UnknownIdError
from llama4ref.paths import BENCHMARKS, FactPath
from llama4ref.store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from llama4ref.store.shapes.tools import AuditCheckJSON


@dataclass(frozen=True)
class CheckResult:
    """One audit check and its outcome."""

    id: str
    title: str
    formula: str
    inputs: dict[str, Any]
    computed: Any
    expected: Any
    expected_from: str
    tolerance: str
    ok: bool
    detail: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> AuditCheckJSON:
        return {
            "id": self.id,
            "title": self.title,
            "formula": self.formula,
            "inputs": self.inputs,
            "computed": self.computed,
            "expected": self.expected,
            "expected_from": self.expected_from,
            "tolerance": self.tolerance,
            "ok": self.ok,
            "detail": self.detail,
        }


Check = Callable[[KnowledgeBase], Iterator[CheckResult]]
CHECKS: list[Check] = []


def check(fn: Check) -> Check:
    CHECKS.append(fn)
    return fn


def released_llama4(kb: KnowledgeBase) -> list[str]:
    """The released Llama 4 variants (Scout, Maverick), smallest first, from the variant records."""
    return [v.id for v in kb.variants("released") if v.family == "llama-4"]


_GPU_SET = re.compile(r"(?P<count>[0-9]+)x(?P<gpu>[a-z0-9_]+)")
"""A runtime hardware segment naming a set of one GPU model: ``8xh100`` is eight ``hardware.h100``."""


def _relative(computed: float, expected: float, tol: float) -> tuple[bool, str]:
    diff = (computed - expected) / expected
    return abs(diff) <= tol, f"{diff:+.2%} (tolerance ±{tol:.1%})"


@check
def parameter_recount(kb: KnowledgeBase) -> Iterator[CheckResult]:
    """Recount total and active parameters from the architecture and compare with the reported figures."""
    from llama4ref.store.params import breakdown

    for vid in released_llama4(kb):
        b = breakdown(kb, vid)
        comps = " + ".join(sorted(b.components))
        for kind, computed, tol in (("total", b.total, 0.015), ("active", b.active, 0.02)):
            reported = kb.get(f"{vid}.params.{kind}").value
            assert isinstance(reported, int)
            ok, detail = _relative(computed, reported, tol)
            formula = comps if kind == "total" else comps.replace("routed_experts", "routed_experts(per token)")
            if kind == "active":
                formula = " + ".join(sorted(b.active_components)).replace("routed_experts", "routed_per_token experts")
            yield CheckResult(
                f"{vid}.params.{kind}.recount",
                f"{vid.capitalize()} {kind} parameters recounted from the architecture",
                formula,
                dict(b.inputs),
                computed,
                reported,
                f"{vid}.params.{kind}",
                "±" + f"{tol:.1%}",
                ok,
                detail,
            )


@check
def nope_layers(kb: KnowledgeBase) -> Iterator[CheckResult]:
    """Every fourth layer is NoPE: 12 of 48, a 1:3 ratio as the vLLM blog states."""
    ratio = str(kb.get("irope.nope_to_rope_ratio").value)
    for vid in released_llama4(kb):
        nope = kb.get(f"{vid}.architecture.nope_layers")
        rope = kb.get(f"{vid}.architecture.rope_layers")
        assert isinstance(nope.value, int) and isinstance(rope.value, int)
        computed = f"{nope.value // nope.value}:{rope.value // nope.value}" if nope.value else "0:0"
        inputs = {p: kb.get(p).value for p in nope.inputs}
        yield CheckResult(
            f"{vid}.nope_layers",
            f"{vid.capitalize()} NoPE layers ({nope.value} of {inputs[f'{vid}.architecture.layers']})",
            "layers / nope_layer_interval : layers - layers / nope_layer_interval",
            inputs,
            computed,
            ratio,
            "irope.nope_to_rope_ratio",
            "exact",
            computed == ratio,
        )


@check
def patch_tokens(kb: KnowledgeBase) -> Iterator[CheckResult]:
    """Patch tokens per tile from tile size, patch size and pixel shuffle, against the guide's example."""
    derived = kb.get("multimodal.image.patch_tokens_per_tile")
    inputs = {p: kb.get(p).value for p in derived.inputs}
    # The prompt-format guide's small-image example holds exactly 144 <|patch|> tokens (counted;
    # a 144-token run cannot be quoted within the 240-character limit).
    expected = 144
    yield CheckResult(
        "multimodal.patch_tokens_per_tile",
        "Patch tokens per image tile",
        str(derived.formula),
        inputs,
        derived.value,
        expected,
        "144 <|patch|> tokens counted in llama-models-prompt-format's image example",
        "exact",
        derived.value == expected,
    )


@check
def vocabulary(kb: KnowledgeBase) -> Iterator[CheckResult]:
    """Each model's configured vocabulary equals the tokenizer's (BPE ranks + reserved special tokens)."""
    total = kb.get("tokenizer.vocab_size")
    for vid in released_llama4(kb):
        expected = kb.get(f"{vid}.architecture.vocab_size").value
        yield CheckResult(
            f"{vid}.vocab_size",
            f"{vid.capitalize()} vocabulary = tokenizer vocabulary",
            "tokenizer.vocab_size",
            {total.path: total.value},
            total.value,
            expected,
            f"{vid}.architecture.vocab_size",
            "exact",
            total.value == expected,
        )


@check
def special_token_ids(kb: KnowledgeBase) -> Iterator[CheckResult]:
    """Special tokens follow the BPE ranks; stop and pad tokens agree with the Hugging Face ids."""
    base = kb.get("tokenizer.base_vocab_size")
    first = kb.get("tokenizer.special_tokens.begin_of_text")
    yield CheckResult(
        "tokenizer.first_special_id",
        "<|begin_of_text|> is the first id after the BPE ranks",
        "tokenizer.vocab_size - tokenizer.reserved_special_tokens",
        {p: kb.get(p).value for p in base.inputs},
        base.value,
        first.value,
        first.path,
        "exact",
        base.value == first.value,
    )
    ids = {str(kb.get(p).qualifiers.get("token")): kb.get(p).value for p in kb.paths("tokenizer.special_tokens", derived=False)}
    lo, hi = first.as_int(), kb.get("tokenizer.vocab_size").as_int()
    inside = all(isinstance(i, int) and lo <= i < hi for i in ids.values())
    yield CheckResult(
        "tokenizer.special_ids_in_range",
        "Every special-token id lies in the special range",
        "tokenizer.special_tokens.begin_of_text <= id < tokenizer.vocab_size",
        {"special_tokens": len(ids)},
        inside,
        True,
        "tokenizer layout",
        "exact",
        inside,
    )
    stops = kb.get("tokenizer.stop_tokens").value
    hf = kb.get("tokenizer.hf_eos_token_id.instruct").value
    computed = sorted(int(str(ids.get(str(t), -1))) for t in stops) if isinstance(stops, list) else []
    yield CheckResult(
        "tokenizer.stop_ids",
        "Stop tokens' ids = Hugging Face instruct eos_token_id",
        "id(t) for t in tokenizer.stop_tokens",
        {"tokenizer.stop_tokens": stops},
        computed,
        hf,
        "tokenizer.hf_eos_token_id.instruct",
        "exact",
        isinstance(hf, list) and computed == sorted(int(str(i)) for i in hf),
    )
    pad = kb.get("tokenizer.pad_token").value
    yield CheckResult(
        "tokenizer.pad_id",
        "The pad token is <|finetune_right_pad|> at its listed id",
        "id(tokenizer.pad_token)",
        {"tokenizer.pad_token": pad},
        ids.get(str(pad)),
        kb.get("tokenizer.special_tokens.finetune_right_pad").value,
        "tokenizer.special_tokens.finetune_right_pad",
        "exact",
        ids.get(str(pad)) == kb.get("tokenizer.special_tokens.finetune_right_pad").value,
    )


@check
def context_labels(kb: KnowledgeBase) -> Iterator[CheckResult]:
    """The card's '10M' / '1M' labels are binary multiples of the configured windows."""
    for vid in released_llama4(kb):
        ctx = kb.get(f"{vid}.context_window.instruct").as_int()
        label = kb.get(f"{vid}.context_window.label").value
        computed = ctx / 2**20
        yield CheckResult(
            f"{vid}.context_window.label",
            f"{vid.capitalize()} context label vs configured tokens",
            "context_window.instruct / 2^20",
            {f"{vid}.context_window.instruct": ctx},
            computed,
            label,
            f"{vid}.context_window.label",
            "exact",
            f"{computed:g}M" == label,
        )


@check
def blog_table_images(kb: KnowledgeBase) -> Iterator[CheckResult]:
    """Each Llama score read from the blog's table images equals the model card's value for it.

    The table cells are cited as read from an image, which no quote check can confirm against a
    text copy; this comparison is the check they get."""
    found = 0
    for path in kb.paths(derived=False):
        fp = FactPath.parse(path)
        if fp.table != "blog":
            continue
        head, bench = fp.head, ".".join(fp.segments[2:])
        card_path = str(FactPath(head, (BENCHMARKS, "instruct", *fp.segments[2:])))
        try:
            card = kb.get(card_path)
        except UnknownIdError:
            continue  # the card has no such cell (Behemoth, costs): nothing to compare
        blog = kb.get(path)
        found += 1
        yield CheckResult(
            path,
            f"blog table image vs model card: {head} {bench}",
            "blog value == card value",
            {path: blog.value, card_path: card.value},
            blog.value,
            card.value,
            card_path,
            "exact",
            blog.value == card.value,
        )
    if not found:
        raise KeyError("no blog table score has a model-card counterpart")


def run_audit(kb: KnowledgeBase, only: str | None = None) -> list[CheckResult]:
    """Run every check (or those whose id starts with ``only``); missing inputs are failures."""
    results: list[CheckResult] = []
    for fn in CHECKS:
        try:
            found = list(fn(kb))
        except (UnknownIdError, TypeError, AssertionError, KeyError) as exc:
            name = fn.__name__
            found = [
                CheckResult(
                    name, (fn.__doc__ or name).strip(), "-", {}, None, None, "-", "-", False, f"input missing or malformed: {exc}"
                )
            ]
        results += [r for r in found if only is None or r.id.startswith(only)]
    return results


@check
def deployment_claims(kb: KnowledgeBase) -> Iterator[CheckResult]:
    """Meta's single-GPU / single-host claims and vLLM's served contexts, against the memory planner."""
    from llama4ref.domain.memory import plan

    h100 = kb.get("hardware.h100.memory_gb").as_float()
    host = kb.get("hardware.dgx_h100.gpus").as_int()
    cases = [
        (
            "claim.scout_int4_one_h100",
            "Scout with int4 fits one H100 (Meta)",
            "scout",
            "int4",
            8192,
            1,
            h100,
            "hardware.h100.memory_gb",
        ),
        (
            "claim.maverick_fp8_one_h100_host",
            "Maverick FP8 fits one H100 host (Meta)",
            "maverick",
            "fp8",
            8192,
            host,
            h100,
            "hardware.dgx_h100.gpus × hardware.h100.memory_gb",
        ),
    ]
    for path in kb.paths("runtime.vllm", derived=False):
        fp = FactPath.parse(path)
        gpu_set = _GPU_SET.fullmatch(fp.hardware or "")
        if fp.key != "max_context" or fp.variant is None or gpu_set is None:
            continue
        gpu, count = gpu_set["gpu"], int(gpu_set["count"])
        mem_path = f"hardware.{gpu}.memory_gb"
        prec_path = str(fp.parent.child("precision")) if fp.parent else ""
        if not kb.has(mem_path) or not kb.has(prec_path):
            continue
        cases.append(
            (
                f"runtime.{fp.variant}.{fp.hardware}",
                f"vLLM serves {fp.variant.capitalize()} at {kb.get(path).display()} on {fp.hardware}",
                fp.variant,
                str(kb.get(prec_path).value),
                kb.get(path).as_int(),
                count,
                kb.get(mem_path).as_float(),
                f"{count} × {mem_path}",
            )
        )
    for cid, title, vid, prec, ctx, gpus, mem_gb, mem_from in cases:
        p = plan(kb, vid, prec, context=ctx, gpu_memory_gb=mem_gb, usable_fraction=1.0)  # type: ignore[arg-type]
        capacity = gpus * mem_gb * 1e9
        ok = p.total_bytes <= capacity
        detail = f"needs {p.total_bytes / 1e9:.1f} GB (weights {p.weight_bytes / 1e9:.1f} + KV {p.kv_bytes / 1e9:.1f}) of {capacity / 1e9:.0f} GB"
        yield CheckResult(
            cid,
            title,
            f"weights({prec}) + KV cache(hybrid, {ctx:,} tokens) <= {gpus} × GPU memory",
            {"context": ctx, "gpus": gpus, "gpu_memory_gb": mem_gb},
            round(p.total_bytes / 1e9, 1),
            round(capacity / 1e9, 1),
            mem_from,
            "computed ≤ capacity",
            ok,
            detail,
        )
