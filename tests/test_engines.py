"""Issue #21: the engine support matrix and the consumer-GPU memory question, driven by the records."""

from __future__ import annotations

import json
import re

import pytest

from llama4ref.domain.engines import ASPECTS, engines
from llama4ref.domain.memory import plan
from llama4ref.errors import UnknownIdError
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


def test_every_engine_fact_is_dated(kb: KnowledgeBase) -> None:
    """Each engine fact carries a date from its citations or its source, so the matrix can say when."""
    undated = [f.key for e in engines(kb) for f in e.facts if f.dated is None]
    assert not undated


def test_engine_facts_use_known_aspects(kb: KnowledgeBase) -> None:
    """Every engine fact sits under one of the matrix's aspects (no stray spellings)."""
    known = {a for a, _ in ASPECTS}
    assert {f.aspect for e in engines(kb) for f in e.facts} <= known


def test_variant_filter_keeps_family_and_own_facts(kb: KnowledgeBase) -> None:
    """`--variant maverick` drops Scout-only facts (vLLM's INT4 status) and keeps family-wide ones."""
    keys = {f.key for f in engines(kb, "vllm", "maverick")[0].facts}
    assert "int4" not in keys and "text.first_release" in keys
    assert "int4" in {f.key for f in engines(kb, "vllm", "scout")[0].facts}


def test_engine_lookup_accepts_names_and_rejects_unknown(kb: KnowledgeBase) -> None:
    """An engine is found by id or name in any spelling; an unknown one raises with suggestions."""
    assert engines(kb, "llama-cpp")[0].id == "llama_cpp"
    assert engines(kb, "SGLang")[0].id == "sglang"
    with pytest.raises(UnknownIdError):
        engines(kb, "no-such-engine")


def test_engines_cli_json_and_unknown_exit_code() -> None:
    """`engines --json` lists every engine; an unknown engine exits 2 with one line on stderr."""
    data = json.loads(run_cli("engines", "--json").stdout)["data"]
    assert {e["id"] for e in data} >= {"vllm", "sglang", "llama_cpp", "tensorrt_llm"}
    bad = run_cli("engines", "nope")
    assert bad.code == 2 and bad.stderr.count("\n") == 1


def test_engines_fits_80_columns() -> None:
    """The stacked view never needs more than 80 columns for labels and values it controls."""
    from io import StringIO

    from rich.console import Console

    import llama4ref
    from llama4ref.cli.render import engines as render_engines

    buf = StringIO()
    render_engines.engines(Console(file=buf, width=80, no_color=True), engines(llama4ref.knowledge_base()), None)
    assert all(len(line) <= 80 for line in buf.getvalue().splitlines())


def test_offload_decides_whether_scout_fits_a_4090(kb: KnowledgeBase) -> None:
    """int4 Scout does not fit one RTX 4090 alone but does with 64 GB of CPU offload; the assumption is stated."""
    alone = plan(kb, "scout", "int4", context=8192, gpu="rtx_4090")
    helped = plan(kb, "scout", "int4", context=8192, gpu="rtx_4090", offload_gb=64)
    assert alone.fits_one_gpu is False and helped.fits_one_gpu is True
    assert helped.gpus_needed == 1 < alone.gpus_needed  # type: ignore[operator]  # both set with a GPU
    assert any("offload" in a for a in helped.assumptions)
    assert alone.inputs["hardware.rtx_4090.memory_gb"] == 24


def test_compare_with_llama_33_shows_architecture_differences() -> None:
    """`compare scout llama-3.3-70b` puts both models' layer counts and vocabularies side by side."""
    data = json.loads(run_cli("compare", "scout", "llama-3.3-70b", "--json").stdout)["data"]
    rows = {r["key"]: r for r in data["rows"]}
    assert rows["architecture.layers"]["left"]["value"] == 48 and rows["architecture.layers"]["right"]["value"] == 80
    assert rows["architecture.vocab_size"]["differs"] and rows["context_window.instruct"]["differs"]


def test_a_pull_request_is_never_given_as_a_bare_number(kb: KnowledgeBase) -> None:
    """An engine fact whose value names a pull request says so ("pull request #12791"): a bare
    "#12791" beside "first release: v0.8.3" reads as a version."""
    import re

    bare = [f.path for f in kb.facts("engines") if isinstance(f.value, str) and re.match(r"#\d", f.value)]
    assert bare == []


def test_llama_cpp_names_a_build_beside_its_pull_request(kb: KnowledgeBase) -> None:
    """llama.cpp's text support: the pull request, and a release build that has it, cited to the release tag."""
    assert kb.get("engines.llama_cpp.text.first_support").value == "pull request #12791"
    build = kb.get("engines.llama_cpp.text.build_with_support")
    assert build.value == "b5074" and any(c.quote.endswith("/releases/tag/b5074") for c in build.citations)


def test_engine_labels_read_as_words_and_sizes_as_gigabytes(kb: KnowledgeBase) -> None:
    """`engines` showed record keys as labels ("llama4 architecture 0 3 14", "scout 4bit 128gb mac
    (scout)") and sizes as raw bytes ("~270,000,000,000 bytes"): a version reads 0.3.14, units and
    sizes are written out, the variant is said once, and a size is in GB."""
    labels = {f"{e.id}:{f.key}": f.label for e in engines(kb) for f in e.facts}
    assert labels["lm_studio:limits.llama4_architecture_0_3_14"] == "known limits, llama4 architecture in 0.3.14"
    assert labels["mlx_lm:limits.scout_4bit_128gb_mac"] == "known limits, 4-bit 128 GB Mac (scout)"
    assert labels["ktransformers:offload.maverick.cpu_memory_bytes"] == "offloading, CPU memory (maverick)"
    assert labels["tensorrt_llm:fp4.nvfp4"] == "FP4 / NVFP4 (scout)"
    assert not [x for x in labels.values() if re.search(r"\b\d+ \d+\b|bytes|\b\d+(gb|bit)\b", x)]
    out = run_cli("engines", "ktransformers").stdout
    assert "offloading, CPU memory (maverick): ~270 GB" in out and "bytes" not in out
