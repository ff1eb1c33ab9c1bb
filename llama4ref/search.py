"""Ranked full-text search over fact paths, values, quotes, qualifiers and notes."""

from __future__ import annotations

import re
from typing import NamedTuple

from llama4ref.kb import KnowledgeBase, require_str
from llama4ref.results import Fact

# Where a term matches, and how much that counts.
_WEIGHTS = {"path": 5.0, "value": 4.0, "qualifiers": 3.0, "note": 2.0, "quote": 1.5, "locator": 0.5}


class Hit(NamedTuple):  # a named tuple, like the answers in llama4ref.results: cheap to define
    fact: Fact
    score: float
    matched: tuple[str, ...]


def _fields(fact: Fact) -> dict[str, str]:
    quotes = [c.quote for c in fact.citations] + [c.quote for a in fact.alternatives for c in a.citations]
    notes = [fact.note or ""] + [a.reason for a in fact.alternatives]
    return {
        "path": fact.path.replace("_", " ").replace(".", " "),
        "value": f"{fact.value} {fact.display()}",
        "qualifiers": " ".join(f"{k} {v}" for k, v in fact.qualifiers.items()),
        "note": " ".join(notes),
        "quote": " ".join(quotes),
        "locator": " ".join(c.locator for c in fact.citations),
    }


def check_arguments(text: object, limit: object) -> None:
    """The argument checks of :func:`search`."""
    require_str(text, "text")
    if not isinstance(limit, int) or isinstance(limit, bool):
        raise TypeError(f"limit must be an int, not {type(limit).__name__}")
    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")


def search(kb: KnowledgeBase, text: str, limit: int = 20) -> list[Hit]:
    """Facts matching every term of ``text`` (case-insensitive), best first; at most ``limit`` (≥ 1).

    Raises :class:`TypeError` for a ``text`` that is not a ``str`` or a ``limit`` that is not an
    ``int``, :class:`ValueError` for a ``limit`` below 1.
    """
    check_arguments(text, limit)
    terms = [t for t in re.split(r"\s+", text.strip().lower()) if t]
    if not terms:
        return []
    hits: list[Hit] = []
    for path in kb.paths(derived=False):
        fact = kb.get(path)
        fields = {k: v.lower() for k, v in _fields(fact).items()}
        score = 0.0
        matched: set[str] = set()
        for term in terms:
            term_score = sum(w * fields[f].count(term) ** 0.5 for f, w in _WEIGHTS.items() if term in fields[f])
            if term_score == 0:
                break
            score += term_score
            matched.update(f for f in _WEIGHTS if term in fields[f])
        else:
            if all(term in fields["path"] for term in terms):
                score *= 3  # every word names the fact itself
            hits.append(Hit(fact, round(score, 3), tuple(sorted(matched))))
    hits.sort(key=lambda h: (-h.score, h.fact.path))
    return hits[:limit]
