"""`list conflicts`: every fact whose sources disagree, each value with its rank and its sources."""

from __future__ import annotations

import json

from llama4ref.domain.conflicts import conflicts
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


def _own_sources(kb: KnowledgeBase, path: str) -> set[str]:
    return {c.source for c in kb.citations_of(kb.get(path))}


def _disagrees(kb: KnowledgeBase, path: str) -> bool:
    """An alternative from a source the preferred value does not cite, or a value that is not the
    preferred one and not labelled its rounding."""
    fact, own = kb.get(path), _own_sources(kb, path)
    return any(
        not {c.source for c in a.citations} <= own or (a.value != fact.value and a.rank != "rounded") for a in fact.alternatives
    )


def test_every_fact_with_a_disagreeing_alternative_is_listed_once(kb: KnowledgeBase) -> None:
    """The listing holds exactly the facts that keep an alternative that disagrees, in path order."""
    found = [c.path for c in conflicts(kb)]
    assert found == [f.path for f in kb.facts("") if f.alternatives and _disagrees(kb, f.path)]
    assert len(found) == len(set(found)) and found == sorted(found)


def test_a_restatement_from_the_same_source_is_no_conflict(kb: KnowledgeBase) -> None:
    """behemoth.params.total keeps "2T" (a rounded label from the same blog as "nearly two trillion"):
    kept in the records and shown by `get`, not listed as a conflict."""
    fact = kb.get("behemoth.params.total")
    (alt,) = fact.alternatives
    assert alt.rank == "rounded" and {c.source for c in alt.citations} <= _own_sources(kb, fact.path)
    assert conflicts(kb, "behemoth.params") == []
    assert "2T" in run_cli("get", "behemoth.params.total").stdout
    listed = run_cli("list", "conflicts").stdout
    assert "behemoth.params.total" not in listed and "maverick.params.total" in listed


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
