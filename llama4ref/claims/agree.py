"""Whether a written value and a recorded one can be the same figure: dates by their written
precision or span, numbers within the rounding each side's writing allows or within a stated
bound (used by llama4ref.claims.judge)."""

from __future__ import annotations

from datetime import date
from typing import Any

from llama4ref.claims.values import Value, binary, values


def display(shown: Any) -> str | None:
    """A fact's ``display`` qualifier when it is text (how its sources write the value), else None."""
    return shown if isinstance(shown, str) else None


def agrees(v: Value, recorded: Any, bound: str, written: str | None = None) -> bool:
    """Whether the written value ``v`` and a recorded one (``bound``: exact, approximately,
    at_least, at_most; ``written``: the record's display form) can be the same figure. A date
    agrees at its written precision (a month with any day of it) or anywhere in its span ("Q1
    2026"); a number within the rounding both sides allow (:func:`_within`), read also as binary
    units (1M = 1,048,576) and as a fraction of 100 (0.805 for 80.5); a recorded list agrees
    with its count. Anything else, booleans included, never agrees."""
    if v.day is not None:
        if isinstance(recorded, str):
            try:
                recorded = date.fromisoformat(recorded if len(recorded) > 7 else recorded + "-01")
            except ValueError:
                return False
        if not isinstance(recorded, date):
            return False
        if v.until is not None:  # "Q1 2026", "late 2024": any day of the span
            return v.day <= recorded <= v.until
        if v.precision == "month":
            return (recorded.year, recorded.month) == (v.day.year, v.day.month)
        return recorded == v.day
    if isinstance(recorded, list):
        recorded = len(recorded)  # a recorded list agrees with its count ("12 languages")
    if isinstance(recorded, bool) or not isinstance(recorded, (int, float)):
        return False
    step = _written_step(float(recorded), written) if bound == "approximately" else None
    for reading in (v, binary(v)):
        if reading is not None and _within(reading, float(recorded), bound, step):
            return True
    if v.mult == 1.0 and 0 < v.high <= 1 and "." in v.text:  # 0.805 for 80.5
        return _within(v._replace(low=v.low * 100, high=v.high * 100, step=v.step * 100), float(recorded), bound, step)
    return False


def _written_step(recorded: float, written: str | None) -> float | None:
    """The rounding step of a recorded approximate value as its sources write it ("400B": whole
    billions), read from the fact's display form; None when that form gives no figure."""
    found = values(written) if written else []
    if len(found) == 1 and found[0].day is None and abs(found[0].low - recorded) <= found[0].step / 2:
        return found[0].step
    return None


def _within(v: Value, recorded: float, bound: str, recorded_step: float | None = None) -> bool:
    """Whether the written value and the recorded one can be the same figure. A value written
    approximately ("~400B", "about 17 billion") allows 10%. A recorded approximate value allows
    its own rounding as its sources write it, added to the written value's: "400B" (whole
    billions) agrees with "400 billion" and "0.4T", and "405B" (three figures) contradicts it.
    Without a written form, a recorded approximate value or a bound allows 10%. A written zero is
    exact: a price of "0" says free, which $0.20 is not."""
    tol = v.step / 2 if v.high or v.low else 0.0  # a written 0 ("input_price: 0") is none at all, not 0.2 rounded
    if v.bound == "approximately" and v.low < v.high:  # "~20-30B": each end its own 10%, so 17B is no 20B
        return v.low - max(tol, 0.1 * max(abs(recorded), v.low)) <= recorded <= v.high + max(tol, 0.1 * v.high)
    if v.bound == "approximately":
        tol = max(tol, 0.1 * max(abs(recorded), v.high))
    elif bound == "approximately" and recorded_step is not None:
        tol = tol + recorded_step / 2
    elif bound in ("approximately", "at_least", "at_most"):
        tol = max(tol, 0.1 * max(abs(recorded), v.high))
    if v.bound == "at_least":
        return recorded >= v.low - tol
    if v.bound == "at_most":
        return recorded <= v.high + tol
    return v.low - tol <= recorded <= v.high + tol


LIMIT_SLACK = 0.1
"""How far a figure written for a limit may be from it (a tenth, the slack an approximate figure
gets): a limit is a figure a rule sets, so a writer's rounding keeps it close."""


def limit_agrees(v: Value, recorded: Any, bound: str, written: str | None = None, comparison: Any = None) -> bool:
    """:func:`agrees` for a fact that may be a limit: a threshold a rule compares against (its
    ``comparison`` qualifier, "greater than 700 million monthly active users") or a recorded bound
    ("up to 5 images"). A limit is one figure, not a range of figures: a bound word written with it
    ("more than 700 million", "over 700M", "up to 5") restates the limit's own comparison, so the
    written figure is read as exact, and it must be the limit's figure within a tenth, whatever its
    written rounding ("1 billion" rounds 700 million to whole billions, but names another limit).

    >>> from llama4ref.claims.values import values
    >>> [limit_agrees(values(t)[0], 700_000_000, "exact", None, "greater than") for t in
    ...  ("more than 500 million", "1 billion", "over 700 million", "700M", "0.7 billion", "under 1 billion")]
    [False, False, True, True, True, False]
    """
    if not isinstance(comparison, str) and bound not in ("at_least", "at_most"):
        return agrees(v, recorded, bound, written)
    if v.day is not None or isinstance(recorded, bool) or not isinstance(recorded, (int, float)):
        return agrees(v, recorded, bound, written)
    figure = v._replace(bound="exact") if v.bound in ("at_least", "at_most") else v
    if not agrees(figure, recorded, "exact", written):
        return False
    readings = [r for r in (figure, binary(figure)) if r is not None]
    return any(_near(r, float(recorded)) for r in readings)


def _near(v: Value, recorded: float) -> bool:
    """Whether a written figure (or range) is within :data:`LIMIT_SLACK` of a limit."""
    if v.low <= recorded <= v.high:
        return True
    return min(abs(v.low - recorded), abs(v.high - recorded)) <= LIMIT_SLACK * abs(recorded)
