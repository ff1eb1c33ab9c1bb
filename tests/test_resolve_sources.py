"""Which sources a resolution cites (review11 #16): the name's own publisher first, and an
unknown precision said in words."""

from __future__ import annotations

from llama4ref.domain.resolve import resolve
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


def test_the_publishers_own_document_is_cited_first(kb: KnowledgeBase) -> None:
    """NVIDIA's FP8 Scout: NVIDIA's own code leads, though the records list a vLLM recipe first."""
    res = resolve(kb, "nvidia/Llama-4-Scout-17B-16E-Instruct-FP8")
    (entry,) = [i for i in kb.identifiers() if i.name == "nvidia/Llama-4-Scout-17B-16E-Instruct-FP8"]
    listed = [c.source for c in entry.citations]
    assert listed[0] != "modelopt-test-deploy"  # the records' order is not the publisher's first
    assert kb.source(res.citations[0].source).publisher == "NVIDIA"
    assert sorted(c.source for c in res.citations) == sorted(listed)


def test_unsloths_gguf_repository_is_cited_from_unsloths_guide(kb: KnowledgeBase) -> None:
    """Unsloth's own guide names its Scout GGUF repository; a user's copy of its download step adds nothing."""
    for cited in (
        resolve(kb, "unsloth/Llama-4-Scout-17B-16E-Instruct-GGUF").citations,
        kb.get("quantization.families.gguf.examples").citations,
    ):
        assert "unsloth-docs-llama4" in {c.source for c in cited}
        assert all(kb.source(c.source).publisher != "ewigspace1910 (GitHub user)" for c in cited)


def test_an_unknown_precision_is_said_in_words() -> None:
    """Ollama's README gives the tag and its size, not its quantization: the output says so."""
    out = run_cli("resolve", "llama4:scout").stdout
    assert "precision: unknown (the sources below do not state it)" in " ".join(out.split())
    assert "precision: bf16" in run_cli("resolve", "meta-llama/Llama-4-Scout-17B-16E-Instruct").stdout
