"""Value ↔ quote consistency: a numeric fact must be readable from at least one of its quotes.

A quote is read as a person reads it: numbers with thousands separators ("1,048,576"), decimal
scale letters and words ("400B", "10.4M", "17 billion", "two trillion"), percentages (a
``fraction`` of 0.0425 reads "4.25%"), per-token prices (a ``usd_per_million_tokens`` of 0.24
reads "$0.24 per 1M" or "2.4e-07" per token), a few words ("single", "double", "half"), durations for ``seconds`` ("20 hours") and byte
sizes for ``bytes`` ("80GB", "1 GiB"). Binary readings of a decimal letter ("10M" as
10,485,760) are not guessed: a citation whose quote states the value another way says how in
its ``conversion`` field, and that citation then counts as reading it.

Called by the validator (``llama4ref.records.tree``) as one more cross-record check; the problems carry
the stable code ``L4R-V001`` and the position of the value.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from llama4ref.diagnostics import Diagnostic
from llama4ref.records.units import INTEGER_UNITS, NUMBER_UNITS, type_problem, unit_problems

if TYPE_CHECKING:
    from llama4ref.records.models import Citation
    from llama4ref.records.tree import Tree

CODE = "L4R-V001"

_NUMBER = re.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d{1,3}(?:_\d{3})+|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
    r"\s?(thousand|million|billion|trillion|GiB|MiB|KiB|GB|MB|KB|TB|hours?|hrs?|h|minutes?|mins?|ms|[KkMBTG])?(?![A-WYZa-wyz])"
)
_WORD_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "sixteen": 16, "twenty": 20, "hundred": 100,
    "single": 1, "double": 2, "twice": 2, "half": 0.5,
}  # fmt: skip
_WORD = re.compile(r"\b(" + "|".join(_WORD_NUMBERS) + r")(?:\s+(thousand|million|billion|trillion))?\b", re.IGNORECASE)
_SCALE = {
    "thousand": 1e3, "k": 1e3, "K": 1e3, "million": 1e6, "M": 1e6, "billion": 1e9, "B": 1e9, "G": 1e9,
    "trillion": 1e12, "T": 1e12, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
    "KiB": 2.0**10, "MiB": 2.0**20, "GiB": 2.0**30,
}  # fmt: skip
_DURATION = {"h": 3600.0, "hr": 3600.0, "hrs": 3600.0, "hour": 3600.0, "hours": 3600.0, "min": 60.0, "mins": 60.0}
_DURATION |= {"minute": 60.0, "minutes": 60.0, "ms": 1e-3}


def readings(quote: str, unit: str) -> set[float]:
    """Every number a reader could take ``quote`` to state in ``unit``."""
    out: set[float] = set()
    for m in _NUMBER.finditer(quote):
        found = _scaled(float(m[1].replace(",", "").replace("_", "")), m[2], unit)
        if "," in m[1] and quote[m.end() : m.end() + 1] == ",":  # a CSV row ("24,450,16384"): each field too
            found |= {float(part) for part in m[1].split(",")}
        if m.start() and quote[m.start() - 1] in "-−":  # "-3.5", "−3.5"; also "Llama-4", so both signs count
            found |= {-v for v in found}
        out |= found
    for m in _WORD.finditer(quote):
        out |= _scaled(float(_WORD_NUMBERS[m[1].lower()]), m[2] and m[2].lower(), unit)
    return out


def _scaled(number: float, suffix: str | None, unit: str) -> set[float]:
    out = {number}
    if suffix in _SCALE:
        out.add(number * _SCALE[suffix])
    if unit == "seconds" and suffix in _DURATION:
        out.add(number * _DURATION[suffix])
    if unit == "fraction":
        out.add(number / 100)
    if unit == "usd_per_million_tokens":
        out.add(number * 1e6)  # a per-token price
        out |= {v * 1e6 for v in list(out) if v != number}
    return out


def readable(value: float, citations: Iterable[Citation], unit: str) -> bool:
    """True when a citation states ``value`` (or says by its ``conversion`` how it does)."""
    for cit in citations:
        if cit.conversion:
            return True
        if any(_same(value, r) for r in readings(cit.quote, unit)):
            return True
    return False


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _numeric(value: Any, unit: str) -> float | None:
    if unit not in INTEGER_UNITS and unit not in NUMBER_UNITS:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or type_problem(unit, value):
        return None  # a value of the wrong type is reported once, as L4R-T009
    return float(value)


def value_quote_problems(tree: Tree) -> Iterator[Diagnostic]:
    """One located problem per stored value (preferred or alternative) that none of its quotes states."""
    for entry in tree.facts():
        spec = entry.spec
        claims: list[tuple[tuple[str | int, ...], Any, list[Citation]]] = [((), spec.value, spec.citations)]
        claims += [(("alternatives", j), alt.value, alt.citations) for j, alt in enumerate(spec.alternatives)]
        for where, value, citations in claims:
            number = _numeric(value, spec.unit)
            if number is None or unit_problems(spec.unit, value) or readable(number, citations, spec.unit):
                continue  # a value of the wrong type or out of range has its own diagnostic (L4R-T009/T015)
            shown = ", ".join(repr(c.quote[:40]) for c in citations[:2])
            label = entry.path if not where else f"{entry.path} alternative {int(where[1]) + 1}"
            yield Diagnostic(
                str(entry.owner.doc.path),
                entry.position(*where, "value"),
                CODE,
                f"{label}: value {value!r} ({spec.unit}) is not stated by any of its quotes ({shown}); "
                "quote the figure, or add a citation `conversion` saying how the quote gives it",
            )
