"""Issue #3 commands and checks: audit, compare, benchmarks, search, cite, sources, prompt-format."""

from __future__ import annotations

import json

import pytest

import llama4ref
from llama4ref.domain.audit import run_audit
from llama4ref.store.knowledge_base import KnowledgeBase
from llama4ref.store.params import breakdown
from tests.conftest import run_cli

ARCH = [
    "layers",
    "hidden_size",
    "attention_heads",
    "kv_heads",
    "head_dim",
    "vocab_size",
    "expert_ffn_dim",
    "moe_layer_step",
    "nope_layer_interval",
    "attention_chunk_size",
    "rope_theta",
]


@pytest.mark.parametrize("variant", ["scout", "maverick"])
@pytest.mark.parametrize("key", ARCH)
def test_architecture_paths_resolve(variant: str, key: str) -> None:
    """Every architecture path issue #3 names resolves to a cited integer."""
    fact = llama4ref.get(f"{variant}.architecture.{key}")
    assert fact.citations and isinstance(fact.value, int)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("maverick.architecture.dense_ffn_dim", 16384),
        ("scout.architecture.moe_layer_step", 1),
        ("maverick.architecture.moe_layer_step", 2),
        ("scout.architecture.vocab_size", 202048),
        ("scout.architecture.nope_layers", 12),
        ("scout.training.tokens", 40_000_000_000_000),
        ("maverick.training.gpu_hours", 2_380_000),
        ("scout.training.co2_location_tonnes", 1354),
        ("research.ibpo.arxiv_id", "2501.17974"),
        ("research.cgpo.arxiv_id", "2409.20370"),
        ("research.rluf.arxiv_id", "2505.14946"),
    ],
)
def test_issue3_paths(path: str, value: object) -> None:
    """Training, research and derived paths resolve to the sourced (or computed) values."""
    assert llama4ref.get(path).value == value


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("scout.benchmarks.pretrained.mmlu", 79.6),
        ("maverick.benchmarks.pretrained.mbpp", 77.6),
        ("scout.benchmarks.pretrained.tydiqa", 31.5),
        ("maverick.benchmarks.pretrained.docvqa", 91.6),
        ("scout.benchmarks.instruct.mmmu", 69.4),
        ("maverick.benchmarks.instruct.mmlu_pro", 80.5),
        ("maverick.benchmarks.instruct.gpqa_diamond", 69.8),
        ("scout.benchmarks.instruct.livecodebench", 32.8),
        ("maverick.benchmarks.instruct.mgsm", 92.3),
        ("scout.benchmarks.instruct.mathvista", 70.7),
        ("llama-3.1-405b.benchmarks.pretrained.mmlu", 85.2),
        ("llama-3.3-70b.benchmarks.instruct.gpqa_diamond", 50.5),
    ],
)
def test_benchmark_values_from_the_card(path: str, value: float) -> None:
    """Model-card benchmark cells, including the comparison models' own records."""
    fact = llama4ref.get(path)
    assert fact.value == value and fact.qualifiers["provenance"] == "self-reported"


def test_independent_results_never_mix_with_self_reported(kb: KnowledgeBase) -> None:
    """Each benchmark table carries one provenance: card, blog images and reproduction stay apart."""
    from llama4ref.domain.scores import tables

    found = {(t.set, t.table): t.provenance for t in tables(kb)}
    assert found["pretrained", ""] == found["instruct", ""] == "self-reported"
    assert found["vllm_reproduction", ""] == "independent"
    blog = {table: prov for (bset, table), prov in found.items() if bset == "blog"}
    assert sorted(blog) == [f"Llama 4 {v} instruction-tuned benchmarks" for v in ("Behemoth", "Maverick", "Scout")]
    assert set(blog.values()) == {"blog-table-image"}


def test_blog_tables_are_cited_to_the_blogs_images(kb: KnowledgeBase) -> None:
    """Every blog-table value is cited to the blog itself, per table image and cell, marked as read from an image."""
    gpt4o = llama4ref.get("gpt-4o.benchmarks.blog.mmmu")
    assert gpt4o.value == 69.1 and gpt4o.qualifiers["provenance"] == "blog-table-image"
    cell = gpt4o.citations[0]
    assert (cell.source, cell.medium, cell.quote) == ("meta-blog-llama4-herd", "image", "69.1")
    assert "table image, Image Reasoning / MMMU row, GPT-4o column" in cell.locator
    assert kb.source(cell.source).tier == "first-party"
    for path in kb.paths(derived=False):
        if ".benchmarks.blog." in path:
            assert all(c.medium == "image" and c.source == "meta-blog-llama4-herd" for c in kb.get(path).citations), path
    assert llama4ref.get("behemoth.benchmarks.blog.math_500").value == 95.0
    data = json.loads(run_cli("benchmarks", "--stage", "blog", "--variant", "scout", "--json").stdout)["data"]
    assert [t["table"] for t in data] == ["Llama 4 Scout instruction-tuned benchmarks"]
    assert "gemma-3-27b" in data[0]["models"] and "gpt-4o" not in data[0]["models"]


def test_audit_compares_the_blog_table_images_with_the_card(kb: KnowledgeBase) -> None:
    """Every Llama cell of the blog's table images that the card also has is compared; a drift fails."""
    checked = [r for r in run_audit(kb, only="scout.benchmarks.blog.") if r.ok]
    assert len(checked) == 11
    raw = dict(kb.raw_fact("maverick.benchmarks.blog.mmmu") or {})
    raw["value"] = 74.3
    index = dict(kb._index)  # test builds a variant index
    index["facts"] = dict(index["facts"]) | {"maverick.benchmarks.blog.mmmu": raw}
    failed = [r.id for r in run_audit(KnowledgeBase(index)) if not r.ok]
    assert failed == ["maverick.benchmarks.blog.mmmu"]


def test_parameter_recount_within_tolerance(kb: KnowledgeBase) -> None:
    """The recount from the architecture lands within 1.5% of 109B and 400B."""
    assert abs(breakdown(kb, "scout").total / 109e9 - 1) < 0.015
    assert abs(breakdown(kb, "maverick").total / 400e9 - 1) < 0.015


def test_audit_passes_and_fails_visibly(kb: KnowledgeBase) -> None:
    """`audit` passes on the shipped data and every check names inputs, formula and tolerance."""
    results = run_audit(kb)
    assert results and all(r.ok for r in results), [r.id for r in results if not r.ok]
    assert all(r.formula and r.tolerance and r.inputs for r in results)
    res = run_cli("audit", "--json")
    assert res.code == 0 and json.loads(res.stdout)["data"]["ok"] is True


def test_audit_detects_a_wrong_reported_total(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the reported total drifted from the architecture, the recount check fails."""
    raw = dict(kb.raw_fact("scout.params.total") or {})
    raw["value"] = 150_000_000_000
    index = dict(kb._index)  # test builds a variant index
    index["facts"] = dict(index["facts"]) | {"scout.params.total": raw}
    bad = KnowledgeBase(index)
    failed = [r.id for r in run_audit(bad) if not r.ok]
    assert failed == ["scout.params.total.recount"]


def test_compare_marks_differences() -> None:
    """`compare scout maverick` marks the MoE interleave step as different and the head count as equal."""
    data = json.loads(run_cli("compare", "scout", "maverick", "--json").stdout)["data"]
    rows = {r["key"]: r for r in data["rows"]}
    assert rows["architecture.moe_layer_step"]["differs"] is True
    assert rows["architecture.attention_heads"]["differs"] is False


def test_benchmarks_command_filters_and_charts() -> None:
    """`benchmarks --stage instruct --name gpqa_diamond --chart` draws one bar per model."""
    res = run_cli("benchmarks", "--stage", "instruct", "--name", "gpqa_diamond", "--chart")
    assert res.code == 0 and res.stdout.count("█") > 40 and "69.8" in res.stdout
    assert run_cli("benchmarks", "--name", "no-such-benchmark").code == 2


@pytest.mark.parametrize("spelling", ["mmlupro", "MMLU-Pro", "mmlu pro", "mmlu_pro"])
def test_benchmarks_name_takes_the_vocabulary_spellings(spelling: str) -> None:
    """`--name` reads a benchmark's name as `ask` does (issue 14: `--name mmlupro` found nothing),
    and finds the same benchmark in every set, the vLLM reproduction's included."""
    res = run_cli("benchmarks", "--name", spelling, "--json")
    assert res.code == 0, res.stderr
    rows = {r["benchmark"] for t in json.loads(res.stdout)["data"] for r in t["rows"]}
    assert rows == {"mmlu_pro", "mmlu_pro_h100_fp8", "mmlu_pro_h200_bf16", "mmlu_pro_mi300x_bf16"}


def test_benchmarks_unknown_name_suggests_the_closest() -> None:
    """An unknown benchmark is a usage error (exit 2) naming the closest benchmarks."""
    res = run_cli("benchmarks", "--name", "mmlu-prp")
    assert res.code == 2 and "'mmlu_pro'" in res.stderr and res.stdout == ""
    assert "'gpqa_diamond'" in run_cli("benchmarks", "--name", "gpqa").stderr


def test_search_ranks_path_matches_first() -> None:
    """`search` finds facts by words in paths, values and quotes, best first."""
    hits = llama4ref.search("nope layer interval")
    assert hits and hits[0].path.endswith("nope_layer_interval")


@pytest.mark.parametrize("fmt", ["text", "bibtex", "json"])
def test_cite_formats(fmt: str) -> None:
    """`cite` renders a fact's sources as text, BibTeX or JSON."""
    res = run_cli("cite", "maverick.params.total", "--format", fmt)
    assert res.code == 0
    assert {"text": "400B (Total)", "bibtex": "@misc{llama_models_model_card_2025", "json": '"quote"'}[fmt] in res.stdout


def test_cite_derived_uses_inputs_sources() -> None:
    """A derived fact is cited through the sources of its inputs."""
    res = run_cli("cite", "scout.params.active_fraction")
    assert "derived" in res.stdout and "llama-models-model-card" in res.stdout


def test_sources_lists_what_each_source_backs() -> None:
    """`sources ID` lists the facts a source backs."""
    data = json.loads(run_cli("sources", "llama-models-model-card", "--json").stdout)["data"]
    assert "scout.params.total" in data["backs"]


def test_prompt_format_is_built_from_records(kb: KnowledgeBase) -> None:
    """The worked prompt uses the recorded tokens, header template and 144 patch tokens per tile."""
    res = run_cli("prompt-format", "--image", "--json")
    data = json.loads(res.stdout)["data"]
    prompt = data["prompt"]
    assert prompt.startswith(str(kb.get("prompt_format.dialog.start").value))
    assert prompt.count("<|patch|>") == 144
    assert prompt.endswith(str(kb.get("prompt_format.dialog.generation_prompt").value))
    tools = json.loads(run_cli("prompt-format", "--tools", "--json").stdout)["data"]["prompt"]
    assert str(kb.get("prompt_format.tool_calling.call_syntax").value) in tools


def test_show_points_to_benchmarks_when_a_model_has_any() -> None:
    """Behemoth's only scores are in the blog's table, and `show` still points to `benchmarks`."""
    data = json.loads(run_cli("show", "behemoth", "--json").stdout)["data"]
    assert "llama4ref benchmarks --variant behemoth" in data["see_also"]


def test_show_points_to_benchmarks_for_model_ids_with_dots() -> None:
    """`gpt-4.5` and `llama-3.1-405b` have dots in their ids; their tables are still found."""
    for vid in ("gpt-4.5", "llama-3.1-405b"):
        data = json.loads(run_cli("show", vid, "--json").stdout)["data"]
        assert f"llama4ref benchmarks --variant {vid}" in data["see_also"]


def test_a_row_says_when_only_some_models_state_the_shots() -> None:
    """The blog gives 0-shot for the Llama columns only: the row shows `0*`; the card's rows show `0`."""
    from llama4ref.domain.scores import tables

    kb = llama4ref.knowledge_base()
    blog = next(t for t in tables(kb, stage="blog") if "Scout" in t.table)
    assert {r.shots for r in blog.rows} == {"0*"}
    card = next(t for t in tables(kb, stage="instruct"))
    assert "0" in {r.shots for r in card.rows} and not any(r.shots.endswith("*") for r in card.rows)
