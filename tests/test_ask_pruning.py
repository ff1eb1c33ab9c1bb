"""Ranking scores only the facts with some evidence for a question (issue 13: `ask` within its
start-up budget); the rest are scored when the order below them is needed. That is exact only
while a fact without evidence scores at most ``NO_EVIDENCE_MAX`` and satisfies nothing: these
tests score the facts left aside for every benchmark question and hold the rule to it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import yaml

from llama4ref.domain import ranking as ranking_module
from llama4ref.domain.answer import ask
from llama4ref.domain.evidence import NO_EVIDENCE_MAX
from llama4ref.domain.ranking import rank
from llama4ref.store.knowledge_base import KnowledgeBase

QUESTIONS = Path(__file__).resolve().parent / "questions"
ODD = [
    "zzz qqq",
    "the",
    "how many",
    "how big",
    "price",
    "8xh100",
    "gguf",
    "is it open source",
    "wat is teh contxt lenght of scuot",
]


def _questions() -> list[str]:
    out: list[str] = []
    for name in ("tune.yaml", "held_out.yaml"):
        out += [str(item["q"]) for item in yaml.safe_load((QUESTIONS / name).read_text(encoding="utf-8")) or []]
    return out + ODD


def test_facts_left_aside_score_no_more_than_the_bound_and_satisfy_nothing(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """Every fourth benchmark question (some 1,340, each scoring all ~1,260 facts: 1.7 million
    scored facts) and the odd ones: every question took 4.7 of the suite's 12 minutes, and every
    other question, once the sets passed 5,000, over 2 minutes of a CI run near its 20."""
    aside = 0
    for text in _questions()[::4] + ODD:
        r = rank(kb, db, text)
        late = [score() for score in r.pending]
        aside += len(late)
        assert len(r.scored) + len(late) == len(r.paths), text
        bad = [s for s in late if s.score > NO_EVIDENCE_MAX or s.satisfied > 0]
        assert not bad, (text, bad[:3])
    assert aside > 0  # the rule prunes something: otherwise this test checks nothing


def test_answers_are_the_same_as_when_every_fact_is_scored(
    kb: KnowledgeBase, db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _questions()[::11] + ODD
    pruned = [ask(kb, t, db).to_json() for t in texts]

    class _Everything:
        def holds(self, path: str, unit: str) -> bool:
            return True

    monkeypatch.setattr(ranking_module, "evidence_for", lambda *args: _Everything())
    assert [ask(kb, t, db).to_json() for t in texts] == pruned
