"""Composed views over the knowledge base (what `show` and the docs present), as data."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from llama4ref.paths import BENCHMARKS, FactPath
from llama4ref.store.answers import Fact, VariantInfo
from llama4ref.store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from llama4ref.store.shapes.core import OverviewJSON, OverviewSourceJSON

OVERVIEW_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Identity", ("status", "developer", "release_date", "knowledge_cutoff", "license")),
    ("Parameters", ("params.active", "params.total", "params.active_fraction")),
    ("Experts", ("experts.routed", "experts.shared", "experts.routed_per_token", "experts.active_per_token")),
    ("Context window", ("context_window.label", "context_window.instruct", "context_window.base")),
    ("Modalities and languages", ("modalities.input", "modalities.output", "languages")),
    (
        "Architecture",
        (
            "architecture.layers",
            "architecture.hidden_size",
            "architecture.attention_heads",
            "architecture.kv_heads",
            "architecture.moe_layers",
            "architecture.dense_layers",
            "architecture.nope_layers",
            "architecture.attention_chunk_size",
            "architecture.vocab_size",
        ),
    ),
    ("Training", ("training.tokens", "training.gpu_hours", "training.co2_location_tonnes")),
    ("Checkpoints", ("checkpoints",)),
)


class Section(NamedTuple):  # named tuples, like the answers in llama4ref.store.answers: cheap to define
    title: str
    facts: list[Fact]


class Overview(NamedTuple):
    """Everything `llama4ref show` prints for one variant."""

    variant: VariantInfo
    sections: list[Section]
    sources: list[OverviewSourceJSON]
    see_also: list[str]

    def to_json(self) -> OverviewJSON:
        return {
            "variant": self.variant.to_json(),
            "sections": [{"title": s.title, "facts": [f.to_json() for f in s.facts]} for s in self.sections],
            "sources": self.sources,
            "see_also": self.see_also,
        }


def overview(kb: KnowledgeBase, name: str) -> Overview:
    """The one-screen summary of a variant, with the sources behind it."""
    info = kb.variant(name)
    sections: list[Section] = []
    cited: dict[str, int] = {}
    for title, keys in OVERVIEW_SECTIONS:
        facts = [kb.get(f"{info.id}.{k}") for k in keys if kb.has(f"{info.id}.{k}")]
        if facts:
            sections.append(Section(title, facts))
        for fact in facts:  # a source counts once per fact it backs, however many of its passages the fact cites
            for sid in {cit.source for cit in kb.citations_of(fact)}:
                cited[sid] = cited.get(sid, 0) + 1
    sources: list[OverviewSourceJSON] = []
    for sid, count in sorted(cited.items(), key=lambda kv: (-kv[1], kv[0])):
        src = kb.source(sid)
        sources.append({"id": sid, "title": src.title, "tier": src.tier, "version": src.pin(), "url": src.url, "facts": count})
    from llama4ref.domain.scores import SET_ORDER as tables

    see_also = []
    results = map(FactPath.parse, kb.paths(f"{info.id}.{BENCHMARKS}", derived=False))
    if any(fp.table in tables for fp in results if fp.head == info.id):
        see_also.append(f"llama4ref benchmarks --variant {info.id}")
    if kb.has(f"{info.id}.context_window.instruct") or any(
        FactPath.parse(p).variant == info.id for kind in ("providers", "runtime") for p in kb.paths(kind, derived=False)
    ):
        see_also.append(f"llama4ref context {info.id}")
    if info.role != "comparison" and kb.paths("safety", derived=False):
        see_also.append("llama4ref safety")
    return Overview(info, sections, sources, see_also)
