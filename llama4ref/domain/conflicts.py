"""Where sources disagree: every fact that keeps a value other than its preferred one, each value
with its rank and the sources that give it (``llama4ref list conflicts``).

A disagreement between sources is data: the preferred value stands first, then each
alternative with its rank (``alternative``, ``rounded``, ``superseded``, ``disputed``,
``deprecated``) and the reason it is not preferred (docs/contributing.md, "Citations,
alternatives and as-of dates").

What is listed: a fact with at least one alternative that **disagrees** with its preferred
value. An alternative that only restates the preferred figure from the preferred value's own
sources (the same value with another bound, "~2T" and "2T", or a ``rounded`` label of it, both
from one blog post) is no disagreement between sources or values; a fact whose alternatives are
all such restatements is left out (``get`` still shows them, and the records keep them). A listed
fact shows all its alternatives.

>>> import llama4ref
>>> found = conflicts(llama4ref.knowledge_base(), "maverick.params")
>>> [(c.path, [a.rank for a in c.alternatives]) for c in found]
[('maverick.params.total', ['disputed'])]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from llama4ref.formatting import format_value

if TYPE_CHECKING:
    from llama4ref.store.answers import Alternative, Citation, Fact
    from llama4ref.store.knowledge_base import KnowledgeBase
    from llama4ref.store.shapes.core import ConflictJSON, ConflictSideJSON


def _sources(citations: tuple[Citation, ...]) -> list[str]:
    return sorted({c.source for c in citations})


@dataclass(frozen=True)
class Side:
    """One value in a disagreement: the preferred value (``rank`` ``preferred``) or an alternative."""

    value: object
    display: str
    rank: str
    reason: str | None
    sources: list[str]

    def to_json(self) -> ConflictSideJSON:
        return cast(
            "ConflictSideJSON",
            {"value": self.value, "display": self.display, "rank": self.rank, "reason": self.reason, "sources": self.sources},
        )


@dataclass(frozen=True)
class Conflict:
    """A fact whose sources disagree: its preferred value and every ranked alternative."""

    path: str
    unit: str
    preferred: Side
    alternatives: list[Side]
    note: str | None
    file: str | None

    def to_json(self) -> ConflictJSON:
        return {
            "path": self.path,
            "unit": self.unit,
            "preferred": self.preferred.to_json(),
            "alternatives": [a.to_json() for a in self.alternatives],
            "note": self.note,
            "file": self.file,
        }


def _alternative(fact: Fact, alt: Alternative) -> Side:
    return Side(alt.value, format_value(alt.value, fact.unit, alt.bound), alt.rank, alt.reason, _sources(alt.citations))


def conflict_of(kb: KnowledgeBase, fact: Fact) -> Conflict | None:
    """The disagreement ``fact`` records, or None when it keeps no alternative."""
    if not fact.alternatives:
        return None
    preferred = Side(fact.value, fact.display(), "preferred", None, sorted({c.source for c in kb.citations_of(fact)}))
    return Conflict(fact.path, fact.unit, preferred, [_alternative(fact, a) for a in fact.alternatives], fact.note, fact.file)


def restates(preferred: Side, alternative: Side) -> bool:
    """True when ``alternative`` only restates ``preferred``: every source it cites gives the preferred
    value too, and it is the same value (with another bound) or a ``rounded`` label of it."""
    same_sources = set(alternative.sources) <= set(preferred.sources)
    return same_sources and (alternative.value == preferred.value or alternative.rank == "rounded")


def conflicts(kb: KnowledgeBase, prefix: str = "") -> list[Conflict]:
    """Every fact under ``prefix`` (all facts without one) with an alternative that disagrees (one that
    does not only :func:`restates` the preferred value), in path order."""
    return [
        c
        for f in kb.facts(prefix)
        if (c := conflict_of(kb, f)) is not None and not all(restates(c.preferred, a) for a in c.alternatives)
    ]
