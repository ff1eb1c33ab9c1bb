"""The derived-value rules: what each derived fact is called, its unit, formula and inputs.

Each rule names its output path pattern (``{v}`` is a variant id), the unit, a formula in
words and symbols, its input paths and a function of the input values. The validator reads the
patterns (a stored fact may not take a derived path); :mod:`llama4ref.store.derived` computes
the values when asked. A derived value exists for a variant only when all of its inputs are
stored for that variant.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, Literal, NamedTuple


class Derivation(NamedTuple):
    """One derived value (a named tuple: cheap to define on the `show` start-up path)."""

    path: str
    unit: str
    formula: str
    inputs: tuple[str, ...]
    compute: Callable[..., Any]
    note: str | None = None
    recount: Literal["total", "active", "fraction"] | None = None
    """For a value that needs more than its inputs' values: which parameter recount gives it
    (the store computes it from the architecture facts, :mod:`llama4ref.store.params`)."""


def _ratio(a: float, b: float) -> float:
    return round(a / b, 4)


_RECOUNT_INPUTS = tuple(
    [
        f"{{v}}.architecture.{k}"
        for k in (
            "layers", "hidden_size", "attention_heads", "kv_heads", "head_dim", "vocab_size", "expert_ffn_dim",
            "moe_layer_step", "dense_ffn_dim",
        )
    ]
    + ["{v}.experts.routed", "{v}.experts.shared", "{v}.experts.routed_per_token"]
    + [f"multimodal.vision_encoder.{k}" for k in (
        "hidden_size", "layers", "mlp_dim", "patch_size", "tile_size", "output_dim", "pixel_shuffle_ratio",
        "projector_input_dim", "projector_output_dim",
    )]
)  # fmt: skip


def _unused(*_: object) -> None:
    return None


DERIVATIONS: tuple[Derivation, ...] = (
    Derivation(
        "{v}.params.total_recount",
        "parameters",
        "sum of the components recounted from the architecture facts (llama4ref audit shows the breakdown)",
        _RECOUNT_INPUTS,
        _unused,
        "The exact parameter count behind the rounded figure Meta states (params.total).",
        "total",
    ),
    Derivation(
        "{v}.params.active_recount",
        "parameters",
        "the recount's components a text token passes through (shared and routed_per_token experts, no vision tower)",
        _RECOUNT_INPUTS,
        _unused,
        "The exact count behind the rounded active-parameter figure Meta states (params.active).",
        "active",
    ),
    Derivation(
        "{v}.params.active_fraction_recount",
        "fraction",
        "active_recount / total_recount",
        _RECOUNT_INPUTS,
        _unused,
        "The share of parameters one token passes through, from the exact recount (active_fraction uses the rounded figures).",
        "fraction",
    ),
    Derivation(
        "{v}.params.active_fraction",
        "fraction",
        "active / total",
        ("{v}.params.active", "{v}.params.total"),
        _ratio,
        "Share of the parameters that one token passes through.",
    ),
    Derivation(
        "{v}.experts.total", "experts", "routed + shared", ("{v}.experts.routed", "{v}.experts.shared"), lambda r, s: r + s
    ),
    Derivation(
        "{v}.experts.active_per_token",
        "experts",
        "routed_per_token + shared",
        ("{v}.experts.routed_per_token", "{v}.experts.shared"),
        lambda r, s: r + s,
    ),
    Derivation(
        "{v}.architecture.nope_layers",
        "layers",
        "layers / nope_layer_interval (every interval-th layer has no RoPE)",
        ("{v}.architecture.layers", "{v}.architecture.nope_layer_interval"),
        lambda n, k: n // k,
    ),
    Derivation(
        "{v}.architecture.rope_layers",
        "layers",
        "layers - layers / nope_layer_interval",
        ("{v}.architecture.layers", "{v}.architecture.nope_layer_interval"),
        lambda n, k: n - n // k,
    ),
    Derivation(
        "{v}.architecture.moe_layers",
        "layers",
        "layers / moe_layer_step",
        ("{v}.architecture.layers", "{v}.architecture.moe_layer_step"),
        lambda n, k: n // k,
    ),
    Derivation(
        "{v}.architecture.dense_layers",
        "layers",
        "layers - layers / moe_layer_step",
        ("{v}.architecture.layers", "{v}.architecture.moe_layer_step"),
        lambda n, k: n - n // k,
    ),
    Derivation(
        "{v}.architecture.gqa_group_size",
        "heads",
        "attention_heads / kv_heads",
        ("{v}.architecture.attention_heads", "{v}.architecture.kv_heads"),
        lambda h, k: h // k,
    ),
    Derivation(
        "{v}.context_window.instruct_over_base",
        "multiplier",
        "context_window.instruct / context_window.base",
        ("{v}.context_window.instruct", "{v}.context_window.base"),
        lambda a, b: _ratio(a, b),
    ),
    Derivation(
        "{v}.context_window.instruct_in_binary_millions",
        "ratio",
        "context_window.instruct / 2^20",
        ("{v}.context_window.instruct",),
        lambda a: a / 2**20,
        "Shows that the card's '10M' and '1M' labels are binary multiples (10 x 2^20, 2^20).",
    ),
    Derivation(
        "{v}.training.tokens_per_active_parameter",
        "ratio",
        "training.tokens / params.active",
        ("{v}.training.tokens", "{v}.params.active"),
        lambda t, p: round(t / p, 1),
    ),
    Derivation(
        "{v}.training.tokens_per_total_parameter",
        "ratio",
        "training.tokens / params.total",
        ("{v}.training.tokens", "{v}.params.total"),
        lambda t, p: round(t / p, 1),
    ),
    Derivation(
        "{v}.training.co2_per_gpu_hour_kg",
        "ratio",
        "training.co2_location_tonnes * 1000 / training.gpu_hours",
        ("{v}.training.co2_location_tonnes", "{v}.training.gpu_hours"),
        lambda c, h: round(c * 1000 / h, 4),
        "Kilograms of CO2eq (location-based) per GPU-hour.",
    ),
    Derivation(
        "multimodal.image.patch_tokens_per_tile",
        "count",
        "(tile_size / patch_size)^2 x pixel_shuffle_ratio^2",
        (
            "multimodal.vision_encoder.tile_size",
            "multimodal.vision_encoder.patch_size",
            "multimodal.vision_encoder.pixel_shuffle_ratio",
        ),
        lambda t, p, r: int((t // p) ** 2 * r * r),
        "<|patch|> tokens one image tile contributes to the prompt.",
    ),
    Derivation(
        "tokenizer.base_vocab_size",
        "tokens",
        "tokenizer.vocab_size - tokenizer.reserved_special_tokens",
        ("tokenizer.vocab_size", "tokenizer.reserved_special_tokens"),
        lambda v, r: v - r,
        "The BPE ranks before the special tokens (the tokenizer model file's line count).",
    ),
    Derivation(
        "irope.temperature_scale_at_max_context",
        "ratio",
        "log(floor((P + 1) / floor_scale) + 1) * attn_scale + 1, P = scout.context_window.instruct - 1",
        ("irope.temperature_tuning.floor_scale", "irope.temperature_tuning.attn_scale", "scout.context_window.instruct"),
        lambda f, a, n: round(math.log(math.floor(n / f) + 1) * a + 1, 4),
        "The attention temperature scale applied on NoPE layers at Scout's last configured position.",
    ),
)


def expand(derivation: Derivation, vid: str | None) -> tuple[str, tuple[str, ...]]:
    if vid is None:
        return derivation.path, derivation.inputs
    return derivation.path.format(v=vid), tuple(i.format(v=vid) for i in derivation.inputs)


def derived_from(variant_ids: list[str], stored: set[str]) -> list[str]:
    """The derived paths whose inputs are all among the ``stored`` paths (what a knowledge base of
    those facts shows as derived; :func:`llama4ref.store.derived.derived_paths` for a built one)."""
    out: dict[str, tuple[str, ...]] = {}
    for derivation in DERIVATIONS:
        for vid in variant_ids if "{v}" in derivation.path else [None]:
            path, inputs = expand(derivation, vid)
            out[path] = inputs
    return sorted(p for p, inputs in out.items() if all(i in stored for i in inputs))


def all_derived_paths(variant_ids: list[str]) -> frozenset[str]:
    """Every path a derivation could produce for these variants (stored facts may not use them)."""
    out: set[str] = set()
    for derivation in DERIVATIONS:
        for vid in variant_ids if "{v}" in derivation.path else [None]:
            out.add(expand(derivation, vid)[0])
    return frozenset(out)
