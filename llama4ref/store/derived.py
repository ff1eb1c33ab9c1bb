"""Derived values: computed from stored facts, never stored, always shown with their inputs.

The rules (path patterns, units, formulas, inputs) are records-level data in
:mod:`llama4ref.records.derivations`; this module evaluates them against a knowledge base.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from llama4ref.paths import FactPath
from llama4ref.records.derivations import DERIVATIONS, Derivation, expand
from llama4ref.store.answers import Fact

if TYPE_CHECKING:
    from llama4ref.records.models.common import Bound
    from llama4ref.store.knowledge_base import KnowledgeBase


_CANDIDATES: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, tuple[Derivation, tuple[str, ...]]]] = weakref.WeakKeyDictionary()
"""Expanded rules per knowledge base, computed once (`show` asks for several derived values)."""


def _candidates(kb: KnowledgeBase) -> dict[str, tuple[Derivation, tuple[str, ...]]]:
    out = _CANDIDATES.get(kb)
    if out is None:
        out = {}
        variant_ids = kb.variant_ids()  # index order: kb.variants() sorts by size, reading every variant's facts
        for derivation in DERIVATIONS:
            for vid in variant_ids if "{v}" in derivation.path else [None]:
                path, inputs = expand(derivation, vid)
                out[path] = (derivation, inputs)
        _CANDIDATES[kb] = out
    return out


def derived_paths(kb: KnowledgeBase) -> list[str]:
    """The derived paths whose inputs are all stored in ``kb``."""
    stored = set(kb.stored_paths())
    return sorted(p for p, (_, inputs) in _candidates(kb).items() if all(i in stored for i in inputs))


def compute(kb: KnowledgeBase, path: str) -> Fact | None:
    """The derived fact at ``path``, or None when no derivation makes it or an input is missing."""
    found = _candidates(kb).get(path)
    if found is None:
        return None
    derivation, inputs = found
    if not all(kb.raw_fact(i) is not None for i in inputs):
        return None
    facts = [kb.get(i) for i in inputs]
    bounds = {f.bound for f in facts}
    bound: Bound = "exact" if bounds == {"exact"} else "approximately"
    value = (
        _recount(kb, FactPath.parse(path).head, derivation.recount)
        if derivation.recount
        else derivation.compute(*(f.value for f in facts))
    )
    return Fact(
        path=path,
        value=value,
        unit=derivation.unit,
        bound=bound,
        derived=True,
        formula=derivation.formula,
        inputs=inputs,
        note=derivation.note,
    )


def _recount(kb: KnowledgeBase, vid: str, kind: str) -> float:
    from llama4ref.store.params import breakdown

    b = breakdown(kb, vid)
    return b.total if kind == "total" else b.active if kind == "active" else round(b.active / b.total, 4)
