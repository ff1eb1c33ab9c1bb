"""review20 D (tidy): a machine's memory read through ``kb.has``; the full-text index's amounts
computed once per build; ``get SOURCE-ID`` refused by the library with the unknown path's code;
the question benchmark crediting a search hit to the accepted group it falls under."""

from __future__ import annotations

from typing import Any

import pytest

import llama4ref
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


def test_a_machines_memory_is_a_membership_test(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """_memory_of asks the knowledge base whether the fact is there (kb.has), never lists a machine's paths."""
    from llama4ref.domain.machines import _memory_of

    machines = sorted({p.rsplit(".", 1)[0] for p in kb.paths("hardware", derived=False) if p.endswith(".memory_gb")})
    expected = {m: int(kb.value(f"{m}.memory_gb")) for m in machines}

    def listed(*_: Any, **__: Any) -> list[str]:
        raise AssertionError("a machine's paths were listed to find one fact")

    monkeypatch.setattr(kb, "paths", listed)
    assert machines and {m: _memory_of(kb, m) for m in machines} == expected
    assert _memory_of(kb, "hardware.dgx_h100") is None  # a DGX system records its GPUs' total, no memory_gb


def test_the_index_build_reads_each_documents_amounts_once(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """build() computes the amounts table once and hands it to the fingerprint, which still matches a fresh computation."""
    from llama4ref.store import fulltext

    calls: list[int] = []
    real = fulltext._amount_rows

    def counted(rows: list[dict[str, Any]]) -> list[tuple[int, str]]:
        calls.append(len(rows))
        return real(rows)

    monkeypatch.setattr(fulltext, "_amount_rows", counted)
    db = fulltext.build(kb)
    assert len(calls) == 1
    stored = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()[0]
    rows = fulltext.documents(kb)
    assert stored == fulltext.fingerprint(rows) == fulltext.fingerprint(rows, real(rows))


def test_a_source_id_given_as_a_path_is_refused_by_the_library(kb: KnowledgeBase) -> None:
    """llama4ref.get(SOURCE-ID) raises SourceIdAsPathError (L4R-U001) naming the commands that show
    the source, for every source; the CLI prints that error as it is."""
    for source in kb.sources():
        with pytest.raises(llama4ref.SourceIdAsPathError) as caught:
            llama4ref.get(source.id)
        assert caught.value.code == "L4R-U001" and isinstance(caught.value, llama4ref.UnknownIdError)
        assert str(caught.value).startswith(f"{source.id!r} is a source id, not a fact path: 'llama4ref sources {source.id}'")
        assert not kb.has(source.id)
    sid = kb.sources()[0].id
    res = run_cli("get", sid)
    assert (res.code, res.stderr) == (2, f"llama4ref: error: L4R-U001 {llama4ref.SourceIdAsPathError(sid)}\n")
    with pytest.raises(llama4ref.UnknownIdError) as typo:  # a path that is no source keeps its suggestions
        llama4ref.get("scout.params.totl")
    assert not isinstance(typo.value, llama4ref.SourceIdAsPathError) and "scout.params.total" in typo.value.suggestions


def test_a_search_hit_is_credited_to_the_accepted_group_it_falls_under(kb: KnowledgeBase) -> None:
    """Of accepted groups nested in one another, the closest one holding the hit is credited; an accepted fact under an
    accepted group is credited as itself; in any order of the accepted set. Driven by the tuning set's questions."""
    from benchmarks.questions import credited, load

    facts = set(kb.paths())
    nested = fact_in_group = 0
    for q in load("tune"):
        accepted = list(q["paths"])
        groups = [g for g in accepted if g not in facts]
        for inner in groups:
            if any(inner.startswith(outer + ".") for outer in groups):
                members = [p for p in kb.paths(inner) if p in facts and p != inner]
                for order in (accepted, accepted[::-1]):
                    assert all(credited(p, set(order), facts) == inner for p in members if p not in accepted)
                nested += 1
        for fact in accepted:
            if fact in facts and any(fact.startswith(g + ".") for g in groups):
                assert credited(fact, set(accepted), facts) == fact
                fact_in_group += 1
    assert nested and fact_in_group
    assert credited("scout.params.total", {"scout", "scout.params"}, facts) == "scout.params"
    assert credited("scout.params.total", {"scout.params", "scout"}, facts) == "scout.params"
