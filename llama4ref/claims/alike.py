"""Facts a claim may be judged by, and a reading that settles a mismatch before it is called a
contradiction (llama4ref.claims.judge): a figure that is a fact the attribute's phrase names by its
exact leaf in another unit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from llama4ref.claims.agree import agrees
from llama4ref.paths import BENCHMARKS, FactPath

if TYPE_CHECKING:
    from llama4ref.claims.statement import Statement
    from llama4ref.store.answers import Fact
    from llama4ref.store.knowledge_base import KnowledgeBase

_JUDGEABLE: WeakKeyDictionary[KnowledgeBase, tuple[tuple[str, FactPath, Fact], ...]] = WeakKeyDictionary()


def judgeable(kb: KnowledgeBase) -> tuple[tuple[str, FactPath, Fact], ...]:
    """Every fact a claim may be judged by, parsed once per knowledge base: benchmark scores are
    judged apart and the license terms are no values. A document's every statement scans this
    list, so building it per statement (a parse and a lookup for each of ~1,200 facts) made
    check-claims some milliseconds per statement."""
    rows = _JUDGEABLE.get(kb)
    if rows is None:
        rows = tuple((p, fp, kb.get(p)) for p in kb.paths(terms=False) if (fp := FactPath.parse(p)).kind != BENCHMARKS)
        _JUDGEABLE[kb] = rows
    return rows


def named_leaf(kb: KnowledgeBase, st: Statement, variants: list[str]) -> tuple[str, Any] | None:
    """A mismatch that agrees with a fact the attribute's phrase names by its exact leaf, whatever
    that fact counts ("interleave_moe_layer_step": 1 is Scout's MoE layer step, not a count of MoE
    layers): that fact and its value. Only facts the attribute's unit left out are read (their own
    unit differs). None when no such fact agrees."""
    leaves = frozenset(str(w) for a in st.attributes if a.get("units") for w in a.get("path_words", ()))
    units = frozenset({str(u) for a in st.attributes for u in a.get("units", ())} | set(st.units))
    key = (tuple(variants), leaves, units)
    known = _NAMED.setdefault(kb, {})
    named = known.get(key)
    if named is None:  # once per kind of statement: a long document repeats a few kinds many times
        named = known[key] = tuple(
            (path, fact)
            for path, fp, fact in judgeable(kb)
            # (a fact of the attribute's own unit was judged already)
            if fp.parts[0] in variants and fp.leaf in leaves and fact.unit not in units and not fact.derived
        )
    for path, fact in named:
        if agrees(st.value, fact.value, fact.bound):
            return path, fact.value
    return None


_NAMED: WeakKeyDictionary[KnowledgeBase, dict[tuple[Any, ...], tuple[tuple[str, Fact], ...]]] = WeakKeyDictionary()
