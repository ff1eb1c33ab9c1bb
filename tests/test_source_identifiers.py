"""A source that backs no fact says what it is cited for (review12 #9: 24 sources printed "Backs 0
fact(s):" and nothing more): the identifiers whose entry or license cites it, which `resolve` reads."""

from __future__ import annotations

import json

import pytest

from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


def test_every_source_backs_a_fact_or_an_identifier(kb: KnowledgeBase) -> None:
    """No source is in the records for nothing (the 24 that back no fact all back identifiers)."""
    idle = [s.id for s in kb.sources() if not kb.backed_by(s.id) and not kb.identifiers_citing(s.id)]
    assert idle == []
    assert sum(1 for s in kb.sources() if not kb.backed_by(s.id)) >= 20


@pytest.mark.parametrize(
    ("source_id", "names"),
    [
        (
            "mellea-model-ids",
            ["mlx-community/Llama-4-Maverick-17B-128E-Instruct-4bit", "unsloth/Llama-4-Maverick-17B-128E-Instruct"],
        ),
        # cited by the identifiers' license, not by their entries
        ("purplellama-prompt-guard-2-readme", ["meta-llama/Llama-Prompt-Guard-2-22M", "meta-llama/Llama-Prompt-Guard-2-86M"]),
    ],
)
def test_a_source_backing_no_fact_lists_its_identifiers(source_id: str, names: list[str], kb: KnowledgeBase) -> None:
    """The screen says "Backs no fact; cited for N identifier(s)" and lists them; the JSON has them too."""
    assert kb.identifiers_citing(source_id) == names
    out = run_cli("sources", source_id).stdout
    assert f"Backs no fact; cited for {len(names)} identifier(s) (see 'llama4ref resolve NAME'):\n" in out
    assert out.endswith("".join(f"  {n}\n" for n in names)) and "Backs 0" not in out
    doc = json.loads(run_cli("sources", source_id, "--json").stdout)
    assert (doc["data"]["backs"], doc["data"]["identifiers"]) == ([], names)


def test_a_source_backing_facts_lists_them_first(kb: KnowledgeBase) -> None:
    """The model card backs facts (listed as before) and is also cited for Meta's own identifiers."""
    out = run_cli("sources", "llama-models-model-card").stdout
    facts = out.index(f"Backs {len(kb.backed_by('llama-models-model-card'))} fact(s):\n")
    assert facts < out.index("Cited for ") and "meta-llama/Llama-4-Scout-17B-16E-Instruct\n" in out
