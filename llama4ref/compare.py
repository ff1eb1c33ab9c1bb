"""Side-by-side comparison of two variants' facts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from llama4ref.kb import KnowledgeBase
from llama4ref.results import Fact

if TYPE_CHECKING:
    from llama4ref.shapes.tools import ComparisonJSON


@dataclass(frozen=True)
class Line:
    key: str
    left: Fact | None
    right: Fact | None

    @property
    def differs(self) -> bool:
        return (self.left.value if self.left else None) != (self.right.value if self.right else None)


@dataclass(frozen=True)
class Comparison:
    left: str
    right: str
    lines: list[Line]

    def to_json(self) -> ComparisonJSON:
        def val(f: Fact | None) -> Any:
            return None if f is None else {"value": f.value, "display": f.display(), "derived": f.derived, "path": f.path}

        return {
            "left": self.left,
            "right": self.right,
            "rows": [{"key": ln.key, "left": val(ln.left), "right": val(ln.right), "differs": ln.differs} for ln in self.lines],
        }


def compare(kb: KnowledgeBase, a: str, b: str, *, benchmarks: bool = False, prefix: str = "") -> Comparison:
    """Every fact key either variant has (benchmarks only when asked), aligned."""
    left, right = kb.variant_id(a), kb.variant_id(b)

    def keys(vid: str) -> dict[str, Fact]:
        out = {}
        for path in kb.paths(vid):
            key = path[len(vid) + 1 :]
            if (not benchmarks and key.startswith("benchmarks.")) or not key.startswith(prefix):
                continue
            out[key] = kb.get(path)
        return out

    lk, rk = keys(left), keys(right)
    order = sorted(set(lk) | set(rk), key=lambda k: (k.count("."), k) if False else k)
    return Comparison(left, right, [Line(k, lk.get(k), rk.get(k)) for k in order])
