"""`list conflicts`: every fact whose sources disagree, each value with its rank and its sources."""

from __future__ import annotations

import json

from llama4ref.domain.conflicts import conflicts
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


def test_every_fact_with_an_alternative_is_listed_once(kb: KnowledgeBase) -> None:
    """The listing holds exactly the facts that keep an alternative value, in path order."""
    found = [c.path for c in conflicts(kb)]
    assert found == [f.path for f in kb.facts("") if f.alternatives]
    assert len(found) == len(set(found)) and found == sorted(found)


def test_each_side_names_its_rank_and_its_sources(kb: KnowledgeBase) -> None:
    """maverick.params.total: 400B preferred from the card; 402B disputed, from the sources its alternative cites."""
    (c,) = conflicts(kb, "maverick.params.total")
    fact = kb.get("maverick.params.total")
    assert (c.preferred.rank, c.preferred.value, c.preferred.reason) == ("preferred", fact.value, None)
    assert "llama-models-model-card" in c.preferred.sources
    (alt,) = c.alternatives
    assert alt.rank == "disputed" and alt.value == fact.alternatives[0].value and alt.reason
    assert alt.sources == sorted({x.source for x in fact.alternatives[0].citations}) != []


def test_list_conflicts_json_and_text() -> None:
    """`list conflicts --json` gives kind `conflicts` with each side's rank and sources; the text names a
    disputed value and its source, and `--prefix` narrows the listing."""
    doc = json.loads(run_cli("list", "conflicts", "--json").stdout)
    assert doc["kind"] == "conflicts" and doc["data"]
    ranks = {a["rank"] for c in doc["data"] for a in c["alternatives"]}
    assert {"disputed", "superseded", "alternative"} <= ranks
    assert all(c["preferred"]["rank"] == "preferred" and c["preferred"]["sources"] for c in doc["data"])
    text = run_cli("list", "conflicts", "--prefix", "multimodal.vision_encoder").stdout
    assert "disputed: 768 dimensions" in text and "transformers-4.51.0-configuration-llama4" in text
    assert "maverick.params.total" not in text


def test_an_unknown_prefix_is_an_error_with_a_suggestion() -> None:
    """A prefix no fact starts with exits 2 and suggests the closest one."""
    result = run_cli("list", "conflicts", "--prefix", "multimodl")
    assert result.code == 2 and "multimodal" in result.stderr
