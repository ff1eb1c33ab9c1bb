"""Parameter counts recomputed from the architecture facts, component by component.

Used by ``llama4ref audit`` (does the recount match the reported 109B / 400B / 17B?) and by
the memory planner (which components a quantization scheme actually shrinks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from llama4ref.store.knowledge_base import KnowledgeBase

VISION_KEYS = (
    "hidden_size",
    "layers",
    "mlp_dim",
    "patch_size",
    "tile_size",
    "output_dim",
    "pixel_shuffle_ratio",
    "projector_input_dim",
    "projector_output_dim",
)


@dataclass(frozen=True)
class Breakdown:
    """Parameters by component for one variant, with the fact values they came from."""

    variant: str
    components: dict[str, int]
    active_components: dict[str, int]
    inputs: dict[str, object] = field(default_factory=dict)
    moe_layers: int = 0
    dense_layers: int = 0
    per_moe_layer_experts: int = 0

    @property
    def total(self) -> int:
        return sum(self.components.values())

    @property
    def active(self) -> int:
        return sum(self.active_components.values())


def _int(kb: KnowledgeBase, path: str, inputs: dict[str, object]) -> int:
    value = kb.get(path).as_int()
    inputs[path] = value
    return value


def vision_params(kb: KnowledgeBase, inputs: dict[str, object]) -> int:
    """Vision encoder + pixel-shuffle adapter (biases included); the projector is counted by the caller."""
    g = {k: kb.get(f"multimodal.vision_encoder.{k}") for k in VISION_KEYS}
    inputs.update({f.path: f.value for f in g.values()})
    h, n, m = g["hidden_size"].as_int(), g["layers"].as_int(), g["mlp_dim"].as_int()
    p, t = g["patch_size"].as_int(), g["tile_size"].as_int()
    ratio = g["pixel_shuffle_ratio"].as_float()
    patches = (t // p) ** 2
    embed = 3 * p * p * h + h + (patches + 1) * h + 2 * 2 * h  # patch conv, class token, positions, pre/post norms
    layer = 4 * (h * h + h) + (h * m + m) + (m * h + h) + 2 * 2 * h  # attention with biases, MLP, two LayerNorms
    shuffled = int(h / (ratio * ratio))
    adapter = (
        shuffled * g["projector_input_dim"].as_int() + g["projector_input_dim"].as_int() * g["projector_output_dim"].as_int()
    )
    return embed + n * layer + adapter


def breakdown(kb: KnowledgeBase, variant: str) -> Breakdown:
    """Recount a variant's parameters from its stored architecture facts."""
    vid = kb.variant_id(variant)
    inputs: dict[str, object] = {}
    a = f"{vid}.architecture"
    layers, hidden = _int(kb, f"{a}.layers", inputs), _int(kb, f"{a}.hidden_size", inputs)
    heads, kv, hd = _int(kb, f"{a}.attention_heads", inputs), _int(kb, f"{a}.kv_heads", inputs), _int(kb, f"{a}.head_dim", inputs)
    vocab, ffn = _int(kb, f"{a}.vocab_size", inputs), _int(kb, f"{a}.expert_ffn_dim", inputs)
    step = _int(kb, f"{a}.moe_layer_step", inputs)
    routed, shared = _int(kb, f"{vid}.experts.routed", inputs), _int(kb, f"{vid}.experts.shared", inputs)
    per_token = _int(kb, f"{vid}.experts.routed_per_token", inputs)
    moe_layers = layers // step
    dense_layers = layers - moe_layers
    dense_ffn = _int(kb, f"{a}.dense_ffn_dim", inputs) if dense_layers else 0
    tied = kb.get(f"{a}.tie_word_embeddings").value if kb.has(f"{a}.tie_word_embeddings") else False
    inputs[f"{a}.tie_word_embeddings"] = tied
    attention = hidden * heads * hd + 2 * hidden * kv * hd + heads * hd * hidden
    expert = 3 * hidden * ffn  # SwiGLU: gate, up, down
    vision_inputs: dict[str, object] = {}
    vision = vision_params(kb, vision_inputs)
    inputs.update(vision_inputs)
    common = {
        "embedding": vocab * hidden,
        "output_head": 0 if tied else vocab * hidden,
        "attention": layers * attention,
        "norms": layers * 2 * hidden + hidden,
        "router": moe_layers * hidden * routed,
        "shared_experts": moe_layers * shared * expert,
        "dense_ffn": dense_layers * 3 * hidden * dense_ffn,
        "vision": vision,
    }
    common["vision_projector"] = kb.get("multimodal.vision_encoder.output_dim").as_int() * hidden
    total = common | {"routed_experts": moe_layers * routed * expert}
    # A text token passes through the text backbone only: the vision tower is not active for it.
    active = {k: v for k, v in common.items() if not k.startswith("vision")} | {"routed_experts": moe_layers * per_token * expert}
    return Breakdown(vid, total, active, inputs, moe_layers, dense_layers, routed * expert)
