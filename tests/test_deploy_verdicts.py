"""What `memory`, `resolve`, `providers`, `validate` and `engines` conclude, said so a new user
reads it right: deployable GPU counts, the window behind a large KV cache, verdicts about the GPUs
asked, models memory cannot plan, what the records know of an id, every offer's sources."""

from __future__ import annotations

import json

import pytest

import llama4ref
from llama4ref.domain.deploy import offers
from llama4ref.domain.engines import engines
from llama4ref.domain.memory import plan
from llama4ref.errors import UnknownIdError
from llama4ref.store.index import shipped_facts_dir
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


def flat(text: str) -> str:
    """Output with its line wrapping undone."""
    return " ".join(text.split())


def test_gpu_count_is_one_the_model_can_be_split_over(kb: KnowledgeBase) -> None:
    """7 H100s hold Maverick FP8 but 7 is no tensor-parallel degree: 8 is the count to deploy; past a node, whole nodes."""
    from llama4ref.domain import sizing  # imported here: before the fix it did not exist, and only this test needs it

    heads = (kb.get("maverick.architecture.attention_heads").as_int(), kb.get("maverick.architecture.kv_heads").as_int())
    p = plan(kb, "maverick", "fp8", gpu="h100")
    assert p.heads == heads and (p.gpus_needed, p.gpus_deployable) == (7, 8)
    scout = plan(kb, "scout", "int4", gpu="h100")
    assert (scout.gpus_needed, scout.gpus_deployable) == (9, 16)
    assert plan(kb, "scout", gpu="rtx_4090").gpus_needed == 34 and plan(kb, "scout", gpu="rtx_4090").gpus_deployable == 40
    assert sizing.parallel_degrees(40, 10) == [1, 2, 5]
    assert sizing.deployable(3, 40, 10) == 5 and sizing.deployable(6, 40, 10) == 8
    out = flat(run_cli("memory", "maverick", "--precision", "fp8", "--gpu", "h100").stdout)
    assert "GPUs needed: 8 × h100 to deploy; 7 by memory alone" in out
    assert "40 attention and 8 KV heads evenly over 1, 2, 4 or 8 GPUs" in out
    assert "GPUs needed: 1 × h100 (80 GB each" in flat(
        run_cli("memory", "scout", "--precision", "int4", "--context", "8192", "--gpu", "h100").stdout
    )


def test_default_window_named_when_its_kv_cache_costs_the_gpus(kb: KnowledgeBase) -> None:
    """Scout int4 at its whole 10M window needs 16 H100s; the output says the window is why and which --context fits one."""
    p = plan(kb, "scout", "int4", gpu="h100")
    assert p.context_fit is not None and p.context_fit[0] == 1
    n = p.context_fit[1]
    assert plan(kb, "scout", "int4", gpu="h100", context=n).fits
    assert not plan(kb, "scout", "int4", gpu="h100", context=n + 1).fits
    assert plan(kb, "scout", "int4", gpu="h100", context=8192).context_fit is None  # asked for: nothing to explain
    assert plan(kb, "maverick", "fp8", gpu="h100").context_fit is None  # the weights, not the window, cost the GPUs
    out = flat(run_cli("memory", "scout", "--precision", "int4", "--gpu", "h100").stdout)
    assert "whole 10,485,760-token window" in out and f"with --context {n} (or less) it fits 1 × h100" in out
    assert json.loads(run_cli("memory", "scout", "--precision", "int4", "--gpu", "h100", "--json").stdout)["data"][
        "context_fit"
    ] == {"gpus": 1, "context": n}


def test_fit_verdict_is_about_the_gpus_asked() -> None:
    """`--gpus 2 --fit context` ends with a verdict about 2 GPUs, not 'fits on one h100: no'."""
    out = flat(run_cli("memory", "scout", "--precision", "fp8", "--gpu", "h100", "--gpus", "2", "--fit", "context").stdout)
    assert "fits on 2 × h100: yes" in out and "fits on one" not in out
    res = run_cli("memory", "maverick", "--precision", "fp8", "--gpu", "h100", "--gpus", "3", "--context", "8192")
    assert "fits on 3 × h100: no" in flat(res.stdout) and "3 GPUs is not a count maverick can be split over" in flat(res.stderr)
    batch = run_cli("memory", "scout", "--precision", "int4", "--gpu", "h100", "--fit", "batch")
    assert batch.code == 1 and "L4R-U015" in flat(batch.stderr)
    assert "even at batch 1 with the model's whole window of 10,485,760 tokens" in flat(batch.stderr)
    assert "give a smaller --context" in flat(batch.stderr)


def test_memory_without_a_gpu_says_how_to_count_them() -> None:
    """The help promises a GPU count: without --gpu the output says what gives it."""
    res = run_cli("memory", "scout")
    assert res.code == 0 and "GPUs needed: give --gpu" in flat(res.stdout)
    assert "with --gpu, how many GPUs it needs" in flat(run_cli("memory", "--help").stdout)


@pytest.mark.parametrize("model", ["behemoth", "llama-3.3-70b"])
def test_memory_names_only_models_it_can_plan(model: str) -> None:
    """Behemoth and Llama 3.3 70B lack facts a plan needs: the error says which, and suggests only plannable models."""
    res = run_cli("memory", model)
    err = flat(res.stderr)
    assert res.code == 2 and f"memory cannot plan {model}" in err and "unknown fact path" not in err
    assert "memory can plan scout, maverick" in err and "llama-3.3-70b'" not in err
    assert "architecture." in err and "facts a plan is computed from" in err
    with pytest.raises(UnknownIdError) as raised:
        plan(llama4ref.knowledge_base(), model)
    assert raised.value.suggestions == ["scout", "maverick"]


@pytest.mark.parametrize(("ident", "verdict", "code"), [
    ("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "official", 0),
    ("meta-llama/Llama-4-Behemoth", "unrecorded", 0),
    ("meta-llama/Llama-3.1-8B", "not-llama-4", 1),
    ("Llama-4-Maverick-17B-128E-Instruct-FP8", "near-official", 0),
    ("acme/Llama-4-Scout-17B-128E-Instruct", "invalid", 1),
])  # fmt: skip
def test_resolve_says_what_the_records_know(ident: str, verdict: str, code: int) -> None:
    """Official from the records, parsed but unrecorded, Meta's but not Llama 4, an official name without its org."""
    res = run_cli("resolve", ident)
    assert res.code == code
    assert json.loads(run_cli("resolve", ident, "--json").stdout)["data"]["verdict"] == verdict
    head = res.stdout.splitlines()[0]
    assert "valid" not in head
    if verdict == "unrecorded":
        assert "not recorded" in head and "no repository of that name is among the" in flat(res.stdout)
    if verdict == "not-llama-4":
        assert "NOT LLAMA 4" in head and "publisher: Meta" in res.stdout and "official:" not in res.stdout
    if verdict == "near-official":
        assert "official id: meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8" in res.stdout
    assert "another model" in flat(run_cli("resolve", "--help").stdout)  # the help names every exit 1


def test_every_offer_carries_its_sources(kb: KnowledgeBase) -> None:
    """Each offer lists the sources of every fact it shows (price included), in the table and in JSON."""
    found = offers(kb)
    for o in found:
        assert o.sources and {c.source for p in o.paths for c in kb.get(p).citations} <= set(o.sources), o.provider
    together = next(o for o in found if o.provider == "together" and o.variant == "maverick")
    assert together.context is None and together.price_input is not None and together.sources
    rows = json.loads(run_cli("providers", "maverick", "--json").stdout)["data"]
    assert rows and all(r["sources"] for r in rows)


def test_validate_counts_derived_facts_for_any_tree(kb: KnowledgeBase) -> None:
    """`validate` and `validate DIR` on the same tree print the same counts, fresh or from the cache,
    and the derived count is the one the knowledge base shows."""
    from llama4ref.store.derived import derived_paths

    shipped = run_cli("validate").stderr.split(": ", 1)[1]
    given = run_cli("validate", str(shipped_facts_dir())).stderr.split(": ", 1)[1]
    fresh = run_cli("validate", str(shipped_facts_dir()), "--no-cache").stderr.split(": ", 1)[1]
    assert given == shipped == fresh and f" + {len(derived_paths(kb))} derived facts" in given


def test_engines_for_an_unreleased_model_say_none_serves_it(kb: KnowledgeBase) -> None:
    """Behemoth is unreleased: `engines --variant behemoth` says so instead of listing family-wide records."""
    res = run_cli("engines", "--variant", "behemoth")
    out = flat(res.stdout)
    assert res.code == 0 and "was previewed, not released" in out and "llama.cpp (llama_cpp)" not in out
    assert all(not e.facts for e in engines(kb, None, "behemoth"))
    assert any(e.facts for e in engines(kb, None, "scout"))


@pytest.mark.parametrize("gpu", ["mi300x", "h100", "h200", "a100_80gb", "rtx_4090"])
def test_every_gpu_memory_is_its_stated_gb_read_one_way(kb: KnowledgeBase, gpu: str) -> None:
    """One convention for every GPU: the vendor's stated GB × 10^9 bytes. The MI300X was counted
    in GiB (206.158 GB each) while the H100 was 80 GB, biasing comparisons ~7%; its GiB figure is
    now said beside the plan, and every plan states the convention."""
    stated = kb.get(f"hardware.{gpu}.memory_gb").as_float()
    p = plan(kb, "maverick", gpu=gpu)
    hardware = {k: v for k, v in p.inputs.items() if k.startswith("hardware.")}
    assert p.gpu_bytes == stated * 1e9 and hardware == {f"hardware.{gpu}.memory_gb": stated}
    rule = [a for a in p.assumptions if a.startswith("GPU memory: ")]
    assert len(rule) == 1 and "read as 10^9 bytes, for every GPU alike" in rule[0]
    out = flat(run_cli("memory", "maverick", "--gpu", gpu).stdout)
    assert f"({stated:g} GB each," in out and "for every GPU alike" in out
    assert ("192 GiB (206.2 GB)" in out) is (gpu == "mi300x")
