"""tools/fit_ranker.py reads each fact's score as a sum of the ranking's named weights: the sum
must give back the score the ranking computes, so a weight used in a way that is not a plain sum
(or a number left inline) shows here rather than in a fit that silently means nothing."""

from __future__ import annotations

import sqlite3

import pytest

from llama4ref.domain.ranking import rank
from llama4ref.store.knowledge_base import KnowledgeBase
from tools import fit_ranker


@pytest.mark.parametrize(
    "text", ["how many experts does maverick have", "cheapest provider for scout", "what does iRoPE stand for"]
)
def test_symbolic_scores_are_the_ranking_scores(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> None:
    plain = [(s.path, s.score) for s in rank(kb, db, text).scored[:10]]
    try:
        base = fit_ranker._patch(symbolic=True)
        symbolic = rank(kb, db, text).scored[:10]
    finally:
        fit_ranker._patch(symbolic=False)
    assert [s.path for s in symbolic] == [p for p, _ in plain]
    for (_, want), s in zip(plain, symbolic, strict=True):
        assert fit_ranker.Lin._parts(s.score)[0] == pytest.approx(want, abs=1e-4)
    # the sum predicts the score under other weights: move each weight the best fact holds, rank again
    top = symbolic[0]
    value, coef = fit_ranker.Lin._parts(top.score)
    moved = {k: 0.5 for k in coef}
    try:
        fit_ranker._patch(symbolic=False, moved=moved)
        again = next(s for s in rank(kb, db, text).scored if s.path == top.path)
    finally:
        fit_ranker._patch(symbolic=False)
    assert coef and again.score == pytest.approx(value + sum(0.5 * x for x in coef.values()), abs=1e-3)
    assert len(base) > 40 and all(isinstance(v, float) for v in base.values())
    assert [(s.path, s.score) for s in rank(kb, db, text).scored[:10]] == plain  # the weights are back as they were
