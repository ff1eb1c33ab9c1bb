"""Fit the ranking's weights with cross-validation over the question benchmark (issue 14).

The ranking (llama4ref.domain.ranking, with llama4ref.domain.situations and forms) adds named
weights (``_VALUE``, ``UNASKED_PRICE``, …) to a fact's score. This tool reads every question of
the benchmark once with each weight replaced by a symbol of the same value, so each fact's score
comes back as a sum: a fixed part plus each weight times how often it was added. With those sums
cached, a question's best fact under other weights is found without ranking it again, and the
weights can be searched (coordinate ascent on top-1) many times over.

    python -m tools.fit_ranker collect            # rank every question once (a few minutes)
    python -m tools.fit_ranker cv [--folds 5]     # fit on k-1 folds, score the k-th, each in turn
    python -m tools.fit_ranker fit                # fit on the whole tuning set; print the weights

The objective is the ranking's own order (the best scored fact), which is what ``ask`` answers
with unless a group or a listing answers instead; ``cv`` reports how well a fit carries to
questions it was not fitted on, the honest estimate of what it would do on a new set. Conditions
the weights take part in (a clause's offset compared with another) stay as they were read.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path("/tmp/llama4ref-fit-ranker.pickle")
TOP = 40  # facts kept per question: the best by today's weights, and every accepted one scored


class Lin:
    """A number that remembers how it was made from the symbols: ``value`` and, per symbol, its
    coefficient. Comparisons, rounding and truth go by the value."""

    __slots__ = ("coef", "value")

    def __init__(self, value: float, coef: dict[str, float] | None = None) -> None:
        self.value = float(value)
        self.coef = coef or {}

    @staticmethod
    def _parts(x: Any) -> tuple[float, dict[str, float]]:
        return (x.value, x.coef) if isinstance(x, Lin) else (float(x), {})

    def __add__(self, other: Any) -> Lin:
        v, c = self._parts(other)
        coef = dict(self.coef)
        for k, x in c.items():
            coef[k] = coef.get(k, 0.0) + x
        return Lin(self.value + v, coef)

    __radd__ = __add__

    def __neg__(self) -> Lin:
        return Lin(-self.value, {k: -x for k, x in self.coef.items()})

    def __sub__(self, other: Any) -> Lin:
        return self + (-other if isinstance(other, Lin) else -float(other))

    def __rsub__(self, other: Any) -> Lin:
        return (-self).__add__(other)

    def __mul__(self, other: Any) -> Lin:
        if isinstance(other, Lin):
            if other.coef and self.coef:
                raise TypeError("a product of two weights is not linear")
            lin, k = (self, other.value) if not other.coef else (other, self.value)
            return Lin(lin.value * k, {n: x * k for n, x in lin.coef.items()})
        k = float(other)
        return Lin(self.value * k, {n: x * k for n, x in self.coef.items()})

    __rmul__ = __mul__

    def __truediv__(self, other: Any) -> Lin:
        return self * (1.0 / float(other))

    def __float__(self) -> float:
        return self.value

    def __round__(self, n: int | None = None) -> Lin:
        return Lin(round(self.value, n or 0), self.coef)

    def __lt__(self, other: Any) -> bool:
        return self.value < self._parts(other)[0]

    def __le__(self, other: Any) -> bool:
        return self.value <= self._parts(other)[0]

    def __gt__(self, other: Any) -> bool:
        return self.value > self._parts(other)[0]

    def __ge__(self, other: Any) -> bool:
        return self.value >= self._parts(other)[0]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, (Lin, int, float)) and self.value == self._parts(other)[0]

    def __hash__(self) -> int:
        return hash(self.value)

    def __bool__(self) -> bool:
        return bool(self.value)

    def __repr__(self) -> str:
        return f"Lin({self.value}, {self.coef})"


def weight_modules() -> list[Any]:
    from llama4ref.domain import forms, ranking, situations

    return [ranking, situations, forms]


def weights() -> dict[str, float]:
    """Every weight: a module-level float constant of the ranking modules (``module.NAME``)."""
    out = {}
    for mod in weight_modules():
        for name, value in vars(mod).items():
            if name.lstrip("_").isupper() and isinstance(value, float) and name not in _NOT_WEIGHTS:
                out[f"{mod.__name__.rsplit('.', 1)[-1]}.{name}"] = value
    return out


_NOT_WEIGHTS = frozenset({"NO_EVIDENCE_MAX"})


_ORIGINAL: dict[str, float] = {}


def _patch(symbolic: bool, moved: dict[str, float] | None = None) -> dict[str, float]:
    """Put symbols in place of the weights (``symbolic``), or the weights back, each moved by
    ``moved`` (a weight's key → how much); returns the weights as they were."""
    if not _ORIGINAL:
        _ORIGINAL.update(weights())
    for key, value in _ORIGINAL.items():
        short, name = key.split(".")
        mod = next(m for m in weight_modules() if m.__name__.rsplit(".", 1)[-1] == short)
        value += (moved or {}).get(key, 0.0)
        setattr(mod, name, Lin(value, {key: 1.0}) if symbolic else value)
    return dict(_ORIGINAL)


def questions() -> dict[str, list[dict[str, Any]]]:
    sys.path.insert(0, str(ROOT))
    from benchmarks.questions import load

    return {"tune": load("tune"), "held_out": load("held_out")}


def collect() -> None:
    """Rank every question once with symbolic weights; cache each question's best facts as sums."""
    import llama4ref
    from llama4ref.domain.ranking import rank
    from llama4ref.store import fulltext

    kb = llama4ref.knowledge_base()
    db = fulltext.shipped()
    base = _patch(symbolic=True)
    out: dict[str, list[dict[str, Any]]] = {}
    for name, qs in questions().items():
        rows = []
        for i, q in enumerate(qs):
            r = rank(kb, db, q["q"])
            accepted = list(q["paths"])
            keep = r.scored[:TOP] + [s for s in r.scored[TOP:] if any(_covers(a, s.path) for a in accepted)]
            cands = []
            for s in keep:
                v, c = Lin._parts(s.score)
                cands.append((s.path, v, {k: x for k, x in c.items() if x}))
            rows.append({"q": q["q"], "accepted": accepted, "cands": cands})
            if i % 200 == 0:
                print(f"{name}: {i}/{len(qs)}", file=sys.stderr)
        out[name] = rows
    _patch(symbolic=False)
    CACHE.write_bytes(pickle.dumps({"base": base, "sets": out}))
    print(f"cached {sum(map(len, out.values()))} questions to {CACHE}")


def _covers(accepted: str, path: str) -> bool:
    if accepted == path:
        return True
    want, have = accepted.split("."), path.split(".")
    return len(have) > len(want) and all(w in ("*", h) for w, h in zip(want, have, strict=False))


def _prepare(rows: list[dict[str, Any]]) -> list[tuple[list[tuple[str, float, dict[str, float]]], list[bool]]]:
    return [(r["cands"], [any(_covers(a, p) for a in r["accepted"]) for p, _, _ in r["cands"]]) for r in rows]


def top1(prepared: Iterable[tuple[list[Any], list[bool]]], delta: dict[str, float]) -> int:
    """How many questions' best fact is accepted with each weight moved by ``delta``."""
    hits = 0
    for cands, ok in prepared:
        best_i, best = -1, None
        for i, (path, value, coef) in enumerate(cands):
            v = value + sum(delta[k] * x for k, x in coef.items() if k in delta)
            key = (round(v, 4), _neg(path))
            if best is None or key > best:
                best_i, best = i, key
        hits += best_i >= 0 and ok[best_i]
    return hits


def _neg(path: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in path)  # ties by path, ascending, as the ranking sorts them


STEPS = (-1.0, -0.5, -0.25, 0.25, 0.5, 1.0)  # tried as a fraction of a weight's size (at least 0.25 in all)


def fit(prepared: list[Any], base: dict[str, float], rounds: int = 2, log: bool = False) -> dict[str, float]:
    """Coordinate ascent on top-1: each weight in turn takes the step that gains the most
    questions, more than one (a gain of one is noise); ``rounds`` passes over all weights. Only
    the questions a weight takes part in are scored again when it moves."""
    delta = {k: 0.0 for k in base}
    touching: dict[str, list[int]] = {}
    for i, (cands, _) in enumerate(prepared):
        for k in {k for _, _, c in cands for k in c}:
            touching.setdefault(k, []).append(i)
    current = top1(prepared, delta)
    for _ in range(rounds):
        changed = False
        for k in sorted(touching):
            sub = [prepared[i] for i in touching[k]]
            now = top1(sub, delta)
            scale = max(abs(base[k] + delta[k]), 0.25)
            best, best_step = now, 0.0
            for step in STEPS:
                trial = dict(delta)
                trial[k] = delta[k] + step * scale
                got = top1(sub, trial)
                if got > best + 1:
                    best, best_step = got, step * scale
            if best_step:
                delta[k] += best_step
                current, changed = current + best - now, True
                if log:
                    print(f"  {k}: {base[k]:+.3f} -> {base[k] + delta[k]:+.3f}  top-1 {current}", file=sys.stderr)
        if not changed:
            break
    return delta


def _load() -> dict[str, Any]:
    data: dict[str, Any] = pickle.loads(CACHE.read_bytes())
    return data


def cv(folds: int, seed: int = 14) -> None:
    data = _load()
    base, rows = data["base"], data["sets"]["tune"]
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    total_before = total_after = 0
    for f in range(folds):
        test = [rows[i] for n, i in enumerate(order) if n % folds == f]
        train = [rows[i] for n, i in enumerate(order) if n % folds != f]
        ptrain, ptest = _prepare(train), _prepare(test)
        delta = fit(ptrain, base)
        zero = {k: 0.0 for k in base}
        before, after = top1(ptest, zero), top1(ptest, delta)
        total_before += before
        total_after += after
        moved = {k: round(v, 3) for k, v in delta.items() if v}
        print(
            f"fold {f}: test {len(test)}  top-1 {before} -> {after}  train {top1(ptrain, zero)} -> {top1(ptrain, delta)}  moved {moved}"
        )
    n = len(rows)
    print(f"cross-validated top-1 (ranking order): {100 * total_before / n:.1f}% -> {100 * total_after / n:.1f}%")
    held = _prepare(data["sets"]["held_out"])
    delta = fit(_prepare(rows), base)
    zero = {k: 0.0 for k in base}
    print(f"held-out set, fitted on all tuning: {top1(held, zero)} -> {top1(held, delta)} of {len(held)}")
    print(json.dumps({k: round(base[k] + v, 3) for k, v in delta.items() if v}, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=("collect", "cv", "fit"))
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    if args.command == "collect":
        collect()
    elif args.command == "cv":
        cv(args.folds)
    else:
        data = _load()
        delta = fit(_prepare(data["sets"]["tune"]), data["base"], log=True)
        print(json.dumps({k: round(data["base"][k] + v, 3) for k, v in delta.items() if v}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
