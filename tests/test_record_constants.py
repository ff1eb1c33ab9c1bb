"""Constants in the code that repeat what the records hold equal the records: a change to facts/
that they no longer match fails here, not silently in a parse."""

from __future__ import annotations

from llama4ref.domain.audit import released_llama4, run_audit
from llama4ref.paths import FactPath
from llama4ref.store import idparse
from llama4ref.store.knowledge_base import KnowledgeBase


def _billions(value: object) -> float:
    assert isinstance(value, int)
    return value / 1e9


def test_idparse_expert_counts_are_the_records(kb: KnowledgeBase) -> None:
    """Names read ``16E`` as Scout and ``128E`` as Maverick: their routed-expert counts."""
    records = {kb.get(f"{vid}.experts.routed").value: vid for vid in released_llama4(kb)}
    assert records == idparse.EXPERTS_TO_VARIANT


def test_idparse_sizes_are_the_records(kb: KnowledgeBase) -> None:
    """Active, then total sizes (with the total's alternatives) of each released variant; Behemoth's
    active size only (its total is stated only approximately, as "nearly two trillion")."""
    for vid in released_llama4(kb):
        total = kb.get(f"{vid}.params.total")
        sizes = (_billions(kb.get(f"{vid}.params.active").value), _billions(total.value))
        sizes += tuple(_billions(a.value) for a in total.alternatives)
        assert idparse.SIZES_B[vid] == sizes, vid
    (preview,) = [v.id for v in kb.variants("preview") if v.family == "llama-4"]
    assert idparse.SIZES_B[preview] == (_billions(kb.get(f"{preview}.params.active").value),)
    assert set(idparse.SIZES_B) == {v.id for v in kb.variants() if v.family == "llama-4"}


def test_idparse_reads_names_by_the_records_counts() -> None:
    """The derived tables: a total size names its variant, an Ollama tag its expert count."""
    assert idparse.parse("llama4:128x17b") is not None
    assert idparse.parse("llama4:128x17b").variant == "maverick"  # type: ignore[union-attr]
    assert idparse.parse("some-llama-109B-MoE").variant == "scout"  # type: ignore[union-attr]
    assert idparse.parse("some-llama-402B-MoE").variant == "maverick"  # type: ignore[union-attr]


def test_audit_checks_the_released_variants_and_served_gpu_sets(kb: KnowledgeBase) -> None:
    """The audit's models come from the variant records and its vLLM GPU sets from the runtime facts."""
    assert released_llama4(kb) == ["scout", "maverick"]
    served = {
        f"runtime.{fp.variant}.{fp.hardware}"
        for fp in map(FactPath.parse, kb.paths("runtime.vllm", derived=False))
        if fp.key == "max_context" and fp.hardware and kb.has(f"hardware.{fp.hardware.partition('x')[2]}.memory_gb")
    }
    ids = {r.id for r in run_audit(kb, "runtime.")}
    assert served == ids
    assert {"runtime.scout.8xh100", "runtime.maverick.8xh200"} <= ids
    for vid in released_llama4(kb):
        assert f"{vid}.vocab_size" in {r.id for r in run_audit(kb, vid)}
