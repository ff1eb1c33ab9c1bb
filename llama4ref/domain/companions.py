"""Companions: one quantity measured two ways, shown together with the answer (llama4ref.domain.answer).

Facts under one parent, of one unit, whose ``method`` qualifiers differ (location- and
market-based emissions) are companions: the answer shows a fact with its companion, and when
the text names neither way, the one its record lists first leads (:func:`written_order`).
Which fact leads an answer otherwise is in llama4ref.domain.leads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from llama4ref.store.answers import Fact
    from llama4ref.store.knowledge_base import KnowledgeBase

BASIS_KEYS = ("method",)
"""Qualifiers that say how a quantity was measured: facts differing only in these are companions."""


def companions(kb: KnowledgeBase, fact: Fact) -> tuple[Fact, ...]:
    """The facts measuring the same quantity as ``fact`` another way (its siblings of the same
    unit whose ``method`` qualifiers differ), in the order their records list them."""
    keys = [k for k in BASIS_KEYS if k in fact.qualifiers]
    parent = fact.path.rpartition(".")[0]
    if not keys or not parent:
        return ()
    out = []
    for p in kb.paths(parent, derived=False, terms=False):
        if p == fact.path or p.rpartition(".")[0] != parent:
            continue
        other = kb.get(p)
        if other.unit == fact.unit and all(k in other.qualifiers and other.qualifiers[k] != fact.qualifiers[k] for k in keys):
            out.append(other)
    return tuple(sorted(out, key=written_order))


def written_order(fact: Fact) -> tuple[int, str, int]:
    """Facts in the order their records list them (the authors' order), derived last."""
    file, _, line = (fact.file or "").rpartition(":")
    return (1, "", 0) if fact.derived else (0, file, int(line) if line.isdigit() else 0)
