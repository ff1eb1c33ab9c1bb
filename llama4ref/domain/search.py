"""Ranked full-text search: the same index and ranking as ``ask`` (llama4ref.domain.ranking).

Any word order, no quoting, misspellings corrected, and each hit carries the passage that
matched with the query's words marked (``\\x02`` … ``\\x03``; the CLI renders them bold).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from llama4ref.paths import FactPath
from llama4ref.store.answers import Fact
from llama4ref.store.knowledge_base import KnowledgeBase, require_str

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.store.shapes.tools import SearchHitJSON

MARK_START, MARK_END = "\x02", "\x03"
SATISFIED_MIN = 0.5
"""A hit satisfies at least this much of the query (a phrase or word found in its path, or two
words found only in its text): facts matching a few of many query words still show, ranked below
the ones matching more ("how often are the NoPE layers placed" finds the NoPE facts)."""


class Hit(NamedTuple):  # a named tuple, like the answers in llama4ref.store.answers: cheap to define
    fact: Fact
    score: float
    matched: tuple[str, ...]
    snippet: str | None = None

    def to_json(self) -> SearchHitJSON:
        """The hit as ``search --json`` prints it: the snippet without its match marks (None when empty)."""
        return {
            "path": self.fact.path,
            "score": self.score,
            "matched": list(self.matched),
            "snippet": (self.snippet or "").replace(MARK_START, "").replace(MARK_END, "") or None,
            "fact": self.fact.to_json(),
        }


def check_arguments(text: object, limit: object) -> None:
    """The argument checks of :func:`search`."""
    require_str(text, "text")
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise TypeError(f"limit must be an int, not {type(limit).__name__}")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")


class Found(NamedTuple):
    """Search hits with the misspelt words they were found as if written right ("scot" → "scout")."""

    hits: list[Hit]
    corrections: dict[str, str]


def search(kb: KnowledgeBase, text: str, limit: int = 20, db: sqlite3.Connection | None = None) -> list[Hit]:
    """Facts matching ``text``, best first (at most ``limit``, ≥ 1); ``db`` is the full-text index
    of ``kb`` (built when None).

    Raises :class:`TypeError` for a ``text`` that is not a ``str`` or a ``limit`` that is not an
    ``int``, :class:`ValueError` for a ``limit`` below 1.
    """
    return find(kb, text, limit, db).hits


def find(kb: KnowledgeBase, text: str, limit: int = 20, db: sqlite3.Connection | None = None) -> Found:
    """:func:`search`, with the corrections made to ``text`` (the ones ``ask`` makes and shows)."""
    from llama4ref.domain.answer import naming_rule
    from llama4ref.domain.ranking import query_words, rank
    from llama4ref.store import fulltext as ftsindex

    check_arguments(text, limit)
    if not text.strip():
        return Found([], {})
    if db is None:
        db = ftsindex.build(kb)
    ranking = rank(kb, db, text)
    terms = [ranking.corrections.get(w, w) for w in query_words(text)]
    for m in ranking.parsed.matches:  # "mmlupro" is written mmlu_pro in the records
        for t in m.terms:
            keys = [FactPath.parse(t["target"]).leaf] if t["kind"] == "entity" else list(t.get("path_words", ()))
            terms += [p for k in keys for p in k.split("_") if len(p) > 2]
    rule = naming_rule(kb, ranking)  # "can I call my finetune X": the naming rule first, as `ask` gives it
    out: list[Hit] = []
    for s in [*(s for s in ranking.scored if s.path in rule), *(s for s in ranking.scored if s.path not in rule)]:
        if len(out) >= limit:
            break
        if (
            s.satisfied < SATISFIED_MIN and s.path not in rule
        ):  # the ranking's order decides; a fact that matches nothing is no hit
            continue
        out.append(Hit(kb.get(s.path), s.score, s.matched, ftsindex.snippet(db, s.path, terms, MARK_START, MARK_END)))
    return Found(out, ranking.corrections)
