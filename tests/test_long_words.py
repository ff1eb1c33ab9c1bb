"""A pasted blob is no question to correct: `ask` and `search` read one word of 100,000 characters
in time linear in its length (20,000 characters took 14.5 s: the joined-word needles and the
hyphen pattern were quadratic in the word's length, and a dotted blob was tried as a name at each
of its cuts). Measured as counts, and as ratios of two times, never as a wall time."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from typing import Any

import pytest

from llama4ref.store.knowledge_base import KnowledgeBase


def _best(run: Callable[[], Any]) -> float:
    """The least of three times of ``run``: only ever compared with another such time (a ratio)."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.parametrize("command", ["ask", "search"])
def test_one_long_word_is_read_in_linear_time(command: str, kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """`ask`/`search` on one word of 20,000 letters take less than 20 times what 2,000 take (it was
    about 70 times: 14.5 s), and 100,000 letters less than 60 times (it was over a minute)."""
    from llama4ref.domain.answer import ask
    from llama4ref.domain.search import search

    def run(n: int) -> float:
        text = "a" * n
        return _best(lambda: ask(kb, text, db) if command == "ask" else search(kb, text, db=db))

    run(10)  # caches warmed
    small = run(2_000)
    assert run(20_000) < 20 * small
    assert run(100_000) < 60 * small


def test_a_long_word_leaves_needles_linear_in_its_length(
    kb: KnowledgeBase, db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The needles a word puts in paths hold about as many characters as the word (a count): the
    joined-word needles ("fine_tune" of "finetune") are made only for a word within
    LONGEST_FUZZY_WORD; a word of 4,000 letters made 4,000 needles of 4,000 characters."""
    from llama4ref.domain import evidence, ranking
    from llama4ref.domain.answer import ask

    seen: list[evidence.Evidence] = []

    def keep(*args: Any, **kwargs: Any) -> evidence.Evidence:
        seen.append(evidence.evidence_for(*args, **kwargs))
        return seen[-1]

    monkeypatch.setattr(ranking, "evidence_for", keep)
    for n in (4_000, 100_000):
        seen.clear()
        ask(kb, "a" * n, db)
        assert seen and sum(len(x) for x in seen[-1].needles) < 10 * n, n
    seen.clear()
    ask(kb, "finetune", db)
    assert "fine_tune" in seen[-1].needles  # a word within the cap still gets them


def test_a_dotted_blob_is_tried_as_a_name_only_at_a_names_length(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """'a.a.a…' (read as a fact path) is tried as a variant's name at no more cuts than a name has
    parts (a count), not at each of its 5,000 cuts (20,000 dots took 5 s)."""
    from llama4ref.domain.answer import ask

    tried: list[str] = []
    real = KnowledgeBase._find_variant

    def counting(self: KnowledgeBase, name: str, *, parse: bool) -> str | None:
        tried.append(name)
        return real(self, name, parse=parse)

    fresh = KnowledgeBase(kb._index)  # a knowledge base of its own: no answers cached
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(KnowledgeBase, "_find_variant", counting)
        ask(fresh, "a." * 5_000, db)
    assert 0 < len(tried) < 100, len(tried)
    assert fresh.normalise_path("Llama-3.1-70B.params.total") == "llama-3.1-70b.params.total"


def test_the_cap_drops_no_word_the_records_know(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """Every indexed and vocabulary word is within the cap, with room for one slip (a letter added)."""
    from llama4ref.domain.matching import LONGEST_FUZZY_WORD
    from llama4ref.records.vocabulary import Lexicon
    from llama4ref.store.fulltext import known_words

    longest = max(len(w) for w in [*known_words(db), *Lexicon(kb.vocabulary()).phrase_words()])
    assert longest < LONGEST_FUZZY_WORD + 1, longest


def test_the_hyphen_pattern_is_linear_in_a_long_word() -> None:
    """The compound pattern ("pre-norm") reads a 40,000-letter run with no hyphen in less than 40
    times what a 4,000-letter one takes (a ratio of two times; it was about a hundred times)."""
    from llama4ref.domain.situations import hyphen_pairs

    def run(n: int) -> float:
        text = "a" * n + " pre-norm"
        return _best(lambda: hyphen_pairs(text, {"pre", "norm"}))

    assert hyphen_pairs("a" * 4_000 + " pre-norm", {"pre", "norm"}) == frozenset({"pre_norm"})
    assert run(40_000) < 40 * run(4_000)


def _blob(n: int) -> str:
    """``n`` characters of base64 (a pasted attachment), the same on every run."""
    import base64
    import random

    return base64.b64encode(random.Random(4).randbytes(n * 3 // 4)).decode()


def test_a_pasted_blob_scores_only_the_words_some_fact_can_hold(
    kb: KnowledgeBase, db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 20,000-character base64 blob leaves ~560 distinct words no phrase takes; each fact is
    scored on the few some path or fact text can hold, not on all of them (a count: the forms of a
    word are made once per fact it is scored against; 100,000 characters took ~35 s)."""
    from llama4ref.domain import ranking

    made: list[str] = []
    real = ranking.word_forms

    def counting(w: str) -> set[str]:
        made.append(w)
        return real(w)

    monkeypatch.setattr(ranking, "word_forms", counting)
    got = ranking.rank(kb, db, _blob(20_000))
    assert len(set(got.parsed.rest)) > 500 and got.scored
    assert len(made) < 20 * len(got.scored), len(made) / len(got.scored)


@pytest.mark.parametrize(
    "text",
    [
        _blob(3_000),
        "we run a small legal startup in lisbon and our lawyers paste long contracts, sometimes two hundred pages,"
        " into a chat window every morning before coffee: would maverick on bedrock keep the whole contract in"
        " context, and what does it cost per million input tokens compared with scout on groq or together",
    ],
    ids=["blob", "long-question"],
)
def test_setting_unheld_words_aside_changes_no_score(
    kb: KnowledgeBase, db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """The ranking of a text of many distinct words is the same, fact for fact and score for score,
    whether the words no path or text holds are set aside or scored against every fact."""
    from llama4ref.domain import ranking

    screened = ranking.rank(kb, db, text)
    assert len(set(screened.parsed.rest)) >= ranking.SCREEN_FROM
    monkeypatch.setattr(ranking, "SCREEN_FROM", 10**9)
    every = ranking.rank(kb, db, text)
    for r in (screened, every):
        r.settle(len(r.scored) + len(r.pending))
    assert screened.scored == every.scored
