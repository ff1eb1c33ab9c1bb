"""review20 A: `ask` answers that misled a new user. A GPU count asked for with no GPU named
says what it rests on and which `memory` command computes it for a GPU (A3); a research tool's
setting does not answer a plain deployment question (A2)."""

from __future__ import annotations

import json
import sqlite3

import pytest

from llama4ref.domain.answer import ask
from llama4ref.domain.memory import PRECISIONS
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


@pytest.mark.parametrize("model", ["scout", "maverick"])
@pytest.mark.parametrize("precision", PRECISIONS)
def test_a_gpu_count_with_no_gpu_named_says_what_it_assumed(
    kb: KnowledgeBase, db: sqlite3.Connection, model: str, precision: str
) -> None:
    """'how many GPUs for <model> <precision>' is answered by a recorded GPU count and a caveat: the
    count names no GPU model, context or batch (or the one setup its record is about), and the
    memory command with --precision and --gpu computes it, at the assumptions memory prints."""
    ans = ask(kb, f"how many GPUs for {model} {precision}", db)
    assert ans.found and ans.path is not None
    (said,) = [c for c in ans.caveats if "--gpu" in c]
    assert f"`llama4ref memory {model} --precision {precision} --gpu " in said
    if kb.get(ans.path).unit == "gpus":
        assert "names no GPU model, context length or batch" in said or "is for one recorded setup" in said
    else:
        assert f"the records state {kb.variant(model).name}'s GPU count only for particular setups" in said
    assert "at its full context window and batch 1" in said
    gpus = sorted({p.split(".")[1] for p in kb.paths("hardware", derived=False) if p.endswith(".memory_gb")})
    assert all(g in said for g in gpus) or any(f"({g})" in said for g in gpus)
    plan = json.loads(run_cli("memory", model, "--precision", precision, "--gpu", "h100", "--json").stdout)["data"]
    assert (plan["context"], plan["batch"]) == (plan["default_window"], 1) and plan["gpus_deployable"] >= 1


def test_a_gpu_count_for_a_named_gpu_has_no_such_caveat(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """Naming the GPU ('how many h100 for maverick bf16') already gives the command its --gpu: no caveat."""
    ans = ask(kb, "how many h100 for maverick bf16", db)
    assert ans.found and not [c for c in ans.caveats if "--gpu GPU" in c]
    assert ans.suggestion is not None and "--gpu h100" in ans.suggestion


def test_the_caveat_prints_at_80_columns() -> None:
    """The CLI prints the caveat under the answer, the command whole on its lines."""
    res = run_cli("ask", "how many GPUs for maverick bf16", env={"COLUMNS": "80"})
    assert res.code == 0
    text = " ".join(res.stdout.split())
    assert (
        "caveat: this count names no GPU model, context length or batch; `llama4ref memory maverick --precision bf16 --gpu GPU`"
        in text
    )


def _research_settings(kb: KnowledgeBase) -> list[str]:
    """The serving figures in tokens cited only to research outputs (a paper's artifact)."""
    from llama4ref.domain.leads import RESEARCH_KINDS

    return [
        p
        for p in kb.paths("runtime", derived=False)
        if kb.get(p).unit == "tokens" and all(kb.source(c.source).kind in RESEARCH_KINDS for c in kb.get(p).citations)
    ]


def test_a_research_tools_setting_does_not_answer_a_deployment_question(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """For every research tool's setting in tokens: the plain question about that model's context on
    that GPU (English and Chinese) is answered by a deployment's own figure; naming the tool still finds it."""
    settings = _research_settings(kb)
    assert settings
    for path in settings:
        _, tool, model, setup, _ = path.split(".")
        gpu = setup.split("x", 1)[1]
        for text in (f"{model} context length on {gpu}", f"{model.capitalize()} 在 {gpu.upper()} 上的上下文长度"):
            ans = ask(kb, text, db)
            assert ans.found and ans.path is not None and ans.path not in settings, text
            assert all(kb.source(c.source).kind not in ("paper", "measurement") for c in kb.get(ans.path).citations)
        named = ask(kb, f"{tool} {model} max model len {gpu}", db)
        assert named.path in settings
