"""review19 #2, #9, #10 and #11 (part): `resolve` on a Hugging Face address, on Meta's official id
in lower case, on Llama Guard 4 and on a look-alike namespace; engine names the records give
(`trtllm`); a GPU name the records give several GPUs (`a100`); offers whose record has no model id."""

from __future__ import annotations

import json
import re

import pytest

import llama4ref
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli

SCOUT_IT = "meta-llama/Llama-4-Scout-17B-16E-Instruct"


def flat(text: str) -> str:
    return " ".join(text.split())


def resolved(ident: str) -> tuple[int, dict[str, object]]:
    res = run_cli("resolve", ident, "--json")
    return res.code, json.loads(res.stdout)["data"]


@pytest.mark.parametrize(
    "address",
    [
        "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E",
        "hf.co/meta-llama/Llama-4-Scout-17B-16E-Instruct",
        "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/tree/main",
        "http://www.huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8/blob/main/config.json",
        "huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct?library=transformers",
    ],
)
def test_a_hub_address_of_an_official_repo_is_official(kb: KnowledgeBase, address: str) -> None:
    """The address is read as the repository id in it: official when that id is Meta's, as written."""
    from llama4ref.domain.resolve import hub_repo

    code, data = resolved(address)
    repo = hub_repo(address)
    assert repo is not None and any(e.official and e.name == repo for e in kb.identifiers())
    assert (code, data["verdict"], data["official"], data["input"]) == (0, "official", True, address)
    assert f"read as the Hugging Face repository id {repo!r}" in str(data["reason"])


def test_a_hub_address_in_another_case_names_the_official_repo() -> None:
    """Lower-cased in an address, it is the official repository's id (not Groq's endpoint id of that spelling)."""
    code, data = resolved("https://hf.co/meta-llama/llama-4-scout-17b-16e-instruct")
    assert (code, data["verdict"], data["official_id"], data["publisher"]) == (0, "near-official", SCOUT_IT, "Meta")


def test_not_a_model_address_is_not_read_as_one() -> None:
    """A dataset's or a Space's address names no model repository; a bare id is no address."""
    from llama4ref.domain.resolve import hub_repo

    assert hub_repo("https://huggingface.co/datasets/meta-llama/Llama-4-Scout") is None
    assert hub_repo("https://huggingface.co/spaces/a/b") is None
    assert hub_repo(SCOUT_IT) is None and hub_repo("https://github.com/meta-llama/llama-models") is None


def test_the_official_id_in_lower_case_says_so(kb: KnowledgeBase) -> None:
    """Groq's and NovitaAI's endpoint id is Meta's official id lower-cased: both are said."""
    lower = SCOUT_IT.lower()
    providers = [h for h in kb.identifiers() if h.name == lower]
    code, data = resolved(lower)
    assert not providers and data["method"] == "provider"  # a provider record's id, no catalog entry
    assert (code, data["verdict"], data["official"], data["official_id"]) == (0, "near-official", False, SCOUT_IT)
    reason = str(data["reason"])
    assert "Groq" in reason and f"in another letter case this is {SCOUT_IT}, Meta's official id" in reason


def test_llama_guard_4_is_meta_s_repo_of_another_model() -> None:
    """Llama Guard 4 is Meta's official repository, a model pruned from Scout: exit 0, headed as such."""
    res = run_cli("resolve", "meta-llama/Llama-Guard-4-12B")
    assert res.code == 0
    assert res.stdout.splitlines()[0] == "meta-llama/Llama-Guard-4-12B  official id; not a Scout or Maverick checkpoint"
    assert "pruned from the Llama 4 Scout" in flat(res.stdout) and "INVALID" not in res.stdout
    code, data = resolved("meta-llama/Llama-Guard-4-12B")
    assert (code, data["verdict"], data["official"], data["valid"], data["variant"]) == (0, "official-other", True, False, None)
    assert llama4ref.get("safety.system_level.llama_guard_4.derived_from").value.startswith("Pruned from")


def test_impossible_and_other_generation_ids_still_exit_1() -> None:
    """Only Meta's own repository of another model changed: an impossible id and Llama 3.1 stay exit 1."""
    assert run_cli("resolve", "acme/Llama-4-Scout-17B-128E-Instruct").code == 1
    assert run_cli("resolve", "meta-llama/Llama-3.1-8B").code == 1


@pytest.mark.parametrize(
    ("ident", "namespace", "first"),
    [
        ("\uff4d\uff45\uff54\uff41-llama/Llama-4-Scout", "meta-llama", "U+FF4D"),  # full-width "meta"
        ("m\u0435ta-llama/foo", "meta-llama", "U+0435"),  # a Cyrillic "е"
    ],
)
def test_a_look_alike_namespace_is_flagged(ident: str, namespace: str, first: str) -> None:
    """The rest need not be a catalog id: the namespace alone imitating Meta's is a look-alike."""
    code, data = resolved(ident)
    assert (code, data["verdict"], data["method"], data["official"]) == (1, "invalid", "lookalike", False)
    assert data["lookalike_of"] == namespace
    chars = data["characters"]
    assert isinstance(chars, list) and chars[0]["codepoint"] == first
    assert "(Meta's official namespace)" in str(data["reason"])


def test_an_ascii_namespace_is_no_look_alike() -> None:
    """Another ASCII letter case, or another namespace, is read as before."""
    assert resolved("Meta-Llama/Llama-4-Scout")[1]["method"] == "parsed"
    assert resolved("someone/Llama-4-Scout-17B-16E-Instruct-FT")[1]["method"] == "parsed"


@pytest.mark.parametrize("name", ["trtllm", "trt-llm", "TensorRT LLM"])
def test_an_engine_name_the_records_give_is_that_engine(kb: KnowledgeBase, name: str) -> None:
    """`engines trtllm` was "unknown engine": the vocabulary gives it as TensorRT-LLM's name only."""
    named = kb.entities_named(name)
    assert len(named) == 1 and "engines.tensorrt_llm" in named[0]["also"]
    res = run_cli("engines", name, "--json")
    assert res.code == 0 and [e["id"] for e in json.loads(res.stdout)["data"]] == ["tensorrt_llm"]


def test_a_gpu_name_for_several_gpus_is_refused_with_the_recorded_one(kb: KnowledgeBase) -> None:
    """`--gpu a100` names the 80 GB record and A100s of unstated memory: no plan, the record named."""
    gpus = [t["target"] for t in kb.entities_named("a100") if t["cls"] == "gpu"]
    assert sorted(gpus) == ["a100", "hardware.a100_80gb"]
    res = run_cli("memory", "scout", "--gpu", "a100")
    assert (res.code, res.stdout) == (2, "")
    err = flat(res.stderr)
    assert err.startswith("llama4ref: error: L4R-U006 unknown GPU")
    assert "only a100_80gb (NVIDIA A100-SXM-80GB) has a hardware record" in err
    assert "did you mean 'a100_80gb'?" in err
    assert "(see 'llama4ref list facts --prefix hardware')" in run_cli("memory", "scout", "--gpu", "nope9").stderr


def test_an_offer_with_no_recorded_model_id_says_so(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """GitHub Models and Nvidia record no Scout model id (their source gives it as no text): "not recorded", not a dash."""
    from llama4ref.domain.deploy import offers

    missing = sorted(o.provider for o in offers(kb, "scout") if o.model_id is None)
    assert missing == ["github_models", "nvidia_nim"]
    monkeypatch.setenv("COLUMNS", "80")
    out = run_cli("providers", "scout").stdout
    blocks = {b.split("\n", 1)[0]: b for b in re.split(r"\n(?=\S)", out)}
    assert "model id: not recorded" in blocks["GitHub Models"] and "model id: not recorded" in blocks["Nvidia"]
    assert "model id: —" not in out
