"""The units a fact may carry, and which value type fits each."""

from __future__ import annotations

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
