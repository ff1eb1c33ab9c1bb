"""Side-by-side comparison of two variants' facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from llama4ref.errors import UnknownIdError
from llama4ref.paths import BENCHMARKS, FactPath
from llama4ref.store.answers import Fact
from llama4ref.store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from llama4ref.store.shapes.tools import ComparisonJSON


IMPORTANCE = (
    ("status", "release_date", "developer", "license", "knowledge_cutoff", "static_model", "modalities", "languages"),
    ("params",),
    ("experts",),
    ("context_window", "long_context"),
    ("checkpoints", "architecture", "training"),
)
"""Key groups in reading order: identity, parameters, experts, context, then detail; the rest last."""


def importance(key: str) -> tuple[int, int, str]:
    """Where ``key`` comes in a comparison: its group, its place within the group, then by name."""
    head = FactPath.parse(key).head  # a variant's fact key, read as a path relative to the variant
    for rank, group in enumerate(IMPORTANCE):
        if head in group:
            return rank, group.index(head), key
    return len(IMPORTANCE), 0, key


@dataclass(frozen=True)
class ComparisonRow:
    """One fact key of the two variants side by side (either side may lack it)."""

    key: str
    left: Fact | None
    right: Fact | None

    @property
    def differs(self) -> bool:
        return (self.left.value if self.left else None) != (self.right.value if self.right else None)

    @property
    def decimals(self) -> int | None:
        """The places both sides' numbers are shown to when they are floats of one unit, so that
        a difference reads as one (Scout ~0.2708 and Maverick ~0.2710 kg per GPU-hour, not ~0.271)."""
        from llama4ref.formatting import decimals_of

        left, right = self.left, self.right
        if left is None or right is None or left.unit != right.unit:
            return None
        if not isinstance(left.value, float) or not isinstance(right.value, float):
            return None
        places = [decimals_of(left.value), decimals_of(right.value)]
        return None if None in places or places[0] == places[1] else max(p for p in places if p is not None)


@dataclass(frozen=True)
class Comparison:
    left: str
    right: str
    rows: list[ComparisonRow]

    def to_json(self) -> ComparisonJSON:
        def val(f: Fact | None, places: int | None) -> Any:
            return None if f is None else {"value": f.value, "display": f.display(places), "derived": f.derived, "path": f.path}

        return {
            "left": self.left,
            "right": self.right,
            "rows": [
                {"key": ln.key, "left": val(ln.left, ln.decimals), "right": val(ln.right, ln.decimals), "differs": ln.differs}
                for ln in self.rows
            ],
        }


def compare(kb: KnowledgeBase, a: str, b: str, *, benchmarks: bool = False, prefix: str = "") -> Comparison:
    """Every fact key either variant has (benchmarks only when asked), aligned, most important first.

    A ``prefix`` that matches no key of either variant raises :class:`UnknownIdError` with suggestions.
    """
    left, right = kb.variant_id(a), kb.variant_id(b)

    def keys(vid: str) -> dict[str, Fact]:
        out = {}
        for path in kb.paths(vid):
            fp = FactPath.parse(path)
            key = fp.rest
            if (not benchmarks and fp.kind == BENCHMARKS) or not key.startswith(prefix):
                continue
            out[key] = kb.get(path)
        return out

    lk, rk = keys(left), keys(right)
    if prefix and not lk and not rk:
        pool = {fp.segments[0] for v in (left, right) for fp in map(FactPath.parse, kb.paths(v)) if fp.segments}
        raise UnknownIdError("prefix", prefix, sorted(pool))  # the error offers the closest (llama4ref.suggest)
    order = sorted(set(lk) | set(rk), key=importance)
    return Comparison(left, right, [ComparisonRow(k, lk.get(k), rk.get(k)) for k in order])
