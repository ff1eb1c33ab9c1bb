"""The units a fact may carry, and which value type fits each."""

from __future__ import annotations

import math
import re
from typing import Literal, get_args

Unit = Literal[
    "parameters",
    "tokens",
    "experts",
    "layers",
    "heads",
    "dimensions",
    "images",
    "tiles",
    "pixels",
    "gpus",
    "count",
    "token_id",
    "bytes",
    "gigabytes",
    "gibibytes",
    "languages",
    "gpu_hours",
    "watts",
    "tonnes_co2eq",
    "tflops_per_gpu",
    "usd_per_million_tokens",
    "multiplier",
    "ratio",
    "score",
    "percent",
    "percentage_points",
    "fraction",
    "seconds",
    "date",
    "month",
    "text",
    "boolean",
    "text_list",
    "json",
]

INTEGER_UNITS = frozenset(
    {
        "parameters",
        "tokens",
        "experts",
        "layers",
        "heads",
        "dimensions",
        "images",
        "tiles",
        "pixels",
        "gpus",
        "count",
        "token_id",
        "bytes",
        "gigabytes",  # as a vendor states it ("80 GB"): 10^9 bytes unless a source says otherwise
        "gibibytes",
        "languages",
    }
)
NUMBER_UNITS = frozenset(
    {
        "gpu_hours",
        "watts",
        "tonnes_co2eq",
        "tflops_per_gpu",
        "usd_per_million_tokens",
        "multiplier",
        "ratio",
        "score",
        "percent",
        "percentage_points",
        "fraction",
        "seconds",
    }
)
ALL_UNITS: tuple[str, ...] = get_args(Unit)

MAX_MAGNITUDE: dict[str, int] = {
    "parameters": 10**15,  # the largest models have ~2e12
    "tokens": 10**16,  # training sets of ~4e13, context windows of ~1e7
    "experts": 10**6,
    "layers": 10**5,
    "heads": 10**5,
    "dimensions": 10**9,
    "images": 10**6,
    "tiles": 10**6,
    "pixels": 10**9,
    "gpus": 10**8,
    "count": 10**15,
    "token_id": 10**9,
    "bytes": 10**18,
    "gigabytes": 10**9,  # one system's memory is ~10^3 GB
    "gibibytes": 10**9,
    "languages": 10**4,  # about 7,000 living languages
    "gpu_hours": 10**12,
    "watts": 10**12,
    "tonnes_co2eq": 10**12,
    "tflops_per_gpu": 10**9,
    "usd_per_million_tokens": 10**9,
    "multiplier": 10**9,
    "ratio": 10**9,
    "score": 10**9,
    "percent": 10**6,
    "percentage_points": 10**6,  # a difference of two percentages
    "fraction": 1,
    "seconds": 10**12,
}
"""The largest magnitude a value of each numeric unit may have: far beyond anything real (at least
ten times the largest value in the data), so a slipped sign, an extra group of zeros or a pasted
blob is caught while every plausible value passes."""

SIGNED_UNITS = frozenset({"score", "percent", "percentage_points"})
"""Numeric units whose values may be negative (a score or a change); all others count or measure."""

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def type_problem(unit: str, value: object) -> str | None:
    """Why ``value`` does not fit ``unit``, or None when it does."""
    if unit in INTEGER_UNITS:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f"unit {unit!r} needs an integer, got {_kind(value)}"
    if unit in NUMBER_UNITS:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if ok and unit == "fraction" and not 0 <= value <= 1:  # type: ignore[operator]  # checked numeric above
            return f"unit 'fraction' needs a number from 0 to 1, got {value}"
        return None if ok else f"unit {unit!r} needs a number, got {_kind(value)}"
    if unit == "date":
        return None if isinstance(value, str) and _valid_date(value) else f"unit 'date' needs YYYY-MM-DD, got {value!r}"
    if unit == "month":
        ok = isinstance(value, str) and _MONTH.fullmatch(value) is not None
        return None if ok else f"unit 'month' needs YYYY-MM, got {value!r}"
    if unit == "text":
        return None if isinstance(value, str) and value.strip() else f"unit 'text' needs a non-empty string, got {_kind(value)}"
    if unit == "boolean":
        return None if isinstance(value, bool) else f"unit 'boolean' needs true or false, got {_kind(value)}"
    if unit == "text_list":
        ok = isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)
        return None if ok else "unit 'text_list' needs a non-empty list of strings"
    if unit == "json":
        return None if isinstance(value, (list, dict)) else f"unit 'json' needs a list or mapping, got {_kind(value)}"
    return f"unknown unit {unit!r}"


def range_problem(unit: str, value: object) -> str | None:
    """Why a number of ``unit`` is out of range (not finite, negative for a count, implausibly
    large), or None when it is in range or not a number of a numeric unit."""
    limit = MAX_MAGNITUDE.get(unit)
    if limit is None or not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    low = -limit if unit in SIGNED_UNITS else 0
    finite = isinstance(value, int) or math.isfinite(value)  # isfinite() would overflow on a huge int
    if not finite or not low <= value <= limit:
        return f"unit {unit!r} needs a finite number from {_power(low)} to {_power(limit)}, got {_short(value)}"
    return None


def unit_problems(unit: str, value: object) -> list[tuple[str, str]]:
    """Every problem of ``value`` as a value of ``unit``, each with its diagnostic code."""
    problem = type_problem(unit, value)
    if problem:
        return [("L4R-T009", problem)]
    problem = range_problem(unit, value)
    return [("L4R-T015", problem)] if problem else []


def _power(number: int) -> str:
    if abs(number) < 10**4:
        return str(number)
    return f"{'-' if number < 0 else ''}10^{len(str(abs(number))) - 1}"


def _short(number: float) -> str:
    """The number as written, unless it is too long to read (or to convert to text at all)."""
    if isinstance(number, int) and abs(number) >= 10**21:
        return f"an integer of {int(number.bit_length() * math.log10(2)) + 1} digits or so"
    return f"{number:g}" if isinstance(number, float) else str(number)


def _valid_date(text: str) -> bool:
    from datetime import date

    if not _DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _kind(value: object) -> str:
    return "null" if value is None else type(value).__name__
