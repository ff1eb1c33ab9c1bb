"""Human formatting of values (shared by the CLI, docs and exports)."""

from __future__ import annotations

import math
import re
from typing import Any

_BOUND_SIGN = {
    "exact": "",
    "approximately": "~",
    "less_than": "< ",
    "at_most": "≤ ",
    "more_than": "> ",
    "at_least": "≥ ",
}
_SUFFIX_UNITS = {"parameters", "tokens"}
_UNIT_LABEL = {
    "usd_per_million_tokens": "USD/1M tokens",
    "gpu_hours": "GPU-hours",
    "tonnes_co2eq": "t CO2eq",
    "tflops_per_gpu": "TFLOPs/GPU",
    "percent": "%",
    "percentage_points": "percentage points",
    "multiplier": "×",
    "gigabytes": "GB",
    "gibibytes": "GiB",
}


_INVISIBLE_OR_REORDERING = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
UNSAFE_TEXT = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE_OR_REORDERING}]")
"""Characters that act on a terminal instead of showing: C0 and C1 controls (ESC starts escape
sequences, CR and LF start lines), line and paragraph separators, and bidirectional marks,
embeddings, overrides and isolates (which reorder what follows them on screen)."""


def humanize(number: float, *, binary: bool = False) -> str:
    """109000000000 -> '109B', 10485760 -> '10.49M'; exact to 2 decimals. Past 10^15 (and
    for inf and nan) in scientific notation; any int, however long, without converting it
    to a float or to its full decimal text.

    With ``binary`` (token counts), a count that is a whole number of 1,024s or 1,048,576s and
    has no exact decimal form is written as the field writes it: 262144 -> '256K', 10485760 ->
    '10M' (10 x 2^20), 8192 -> '8K'; 40000000000000 stays '40T' and 202048 '202.05K'.

    >>> humanize(10_485_760), humanize(10_485_760, binary=True), humanize(40 * 10**12, binary=True)
    ('10.49M', '10M', '40T')
    """
    if isinstance(number, int) and abs(number) >= 10**15:
        return _scientific(number)
    if not math.isfinite(number) or abs(number) >= 1e15:
        return f"{number:.3g}"
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(number) >= size:
            if binary and isinstance(number, int) and number % int(size) and suffix in "MK":
                whole = 1 << (20 if suffix == "M" else 10)
                if number % whole == 0:
                    return f"{number // whole}{suffix}"
            text = f"{number / size:.2f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    return f"{number:g}"


_TOKEN_COUNT = re.compile(r"([+-]?)(\d{1,3}(?:[,_]\d{3})+|\d+)(?:\.(\d+))?[ ]?([kKmM]?)")
_TOKEN_SUFFIX = {"": 1, "k": 1 << 10, "m": 1 << 20}


def parse_token_count(text: str) -> int:
    """A token count as people and :func:`humanize` (``binary``) write it: ``131072``,
    ``131,072``, ``128K``, ``1M``. K and M are binary, the records' own rounded notation
    (128K = 131,072, 10M = 10,485,760); a decimal needs a suffix and must come out whole
    (``1.5M`` = 1,572,864). A sign is kept, so the command can say what a negative count is.

    >>> parse_token_count("128K"), parse_token_count("131,072"), parse_token_count("1M")
    (131072, 131072, 1048576)
    """
    found = _TOKEN_COUNT.fullmatch(text.strip())
    if found is not None:
        sign, whole, suffix = found.group(1), found.group(2), found.group(4)
        fraction: str | None = found.group(3)
        scale = _TOKEN_SUFFIX[suffix.lower()]
        digits = whole.replace(",", "").replace("_", "")
        if fraction is None:
            return int(f"{sign}{digits}") * scale
        if suffix:
            numerator = int(digits + fraction) * scale
            denominator = 10 ** len(fraction)
            if numerator % denominator == 0:
                whole_count: int = numerator // denominator
                return -whole_count if sign == "-" else whole_count
    raise ValueError(f"{text!r} is not a token count: write e.g. 131072, 131,072 or 128K (K = 1,024, M = 1,048,576)")


def _scientific(number: int) -> str:
    """``1e+400`` for an int of any size (float() overflows past 10^308, str() past 4300 digits)."""
    from decimal import Decimal  # exact for any int; only huge values come here

    mantissa, _, exponent = format(Decimal(number), ".2e").partition("e")
    return f"{mantissa.rstrip('0').rstrip('.')}e{exponent}"


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (str, int, float, bool))


def _wordy(value: Any) -> bool:
    """A text, number, yes/no or nothing, or a list of those: something :func:`_words` can say."""
    return _scalar(value) or (isinstance(value, list) and all(map(_scalar, value)))


def _words(value: Any) -> str:
    """A value of a mapping or list as written in its source: numbers as written (16.0, 8192), yes/no, none."""
    if isinstance(value, list):
        return ", ".join(map(_words, value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "none" if value is None else str(value)


def _item_words(item: dict[str, Any]) -> str:
    """One entry of a list of records: its name (``repo``, ``name`` or ``id``), then the rest as ``key value``."""
    lead = next((k for k in ("repo", "name", "id") if k in item), None)
    rest = ", ".join(f"{k.replace('_', ' ')} {_words(v)}" for k, v in item.items() if k != lead)
    if lead is None:
        return rest
    return f"{_words(item[lead])} ({rest})" if rest else _words(item[lead])


def format_value(value: Any, unit: str, bound: str = "exact", decimals: int | None = None) -> str:
    """A one-line human rendering of a value; a float to ``decimals`` places when given (two
    values set side by side to one precision: 0.2708 and 0.2710, not 0.271)."""
    sign = _BOUND_SIGN.get(bound, "")
    if isinstance(value, bool):
        return sign + ("yes" if value else "no")
    if isinstance(value, int) and abs(value) >= 10**21:  # unreadable in full; str() refuses past 4300 digits
        return f"{sign}{humanize(value)} {_UNIT_LABEL.get(unit, unit)}"
    if unit == "fraction" and isinstance(value, (int, float)):
        return f"{sign}{value * 100:g}%"
    if isinstance(value, int) and unit in _SUFFIX_UNITS:
        return f"{sign}{value:,} ({humanize(value, binary=unit == 'tokens')}) {unit}"
    if isinstance(value, int):
        label = _UNIT_LABEL.get(unit, unit)
        if value == 1 and label.endswith("s"):
            label = label[:-1]  # "1 expert", "1 layer"
        if unit == "token_id" or (unit == "count" and abs(value) < 10_000):
            return f"{sign}{value}"
        return f"{sign}{value:,}" if unit == "count" else f"{sign}{value:,} {label}"
    if isinstance(value, float):
        label = _UNIT_LABEL.get(unit, unit)
        if decimals is not None:
            number = f"{value:.{decimals}f}"
        elif unit == "score" and value.is_integer():
            number = f"{value:.1f}"  # the score table writes 49.0 and 90.0, to one decimal like its other scores
        else:
            number = f"{value:g}"
        return f"{sign}{number}" + ("" if unit in ("ratio", "score") else f" {label}")
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return sign + ", ".join(value)
    if isinstance(value, dict) and value and all(_wordy(v) for v in value.values()):
        return sign + "; ".join(
            f"{k.replace('_', ' ')}: {_words(v)}" for k, v in value.items()
        )  # rope type: llama3; factor: 16.0
    if isinstance(value, list) and value and all(map(_scalar, value)):
        return sign + _words(value)  # [0.5, 0.5, 0.5] -> 0.5, 0.5, 0.5
    if isinstance(value, list) and value and all(isinstance(v, dict) and all(map(_wordy, v.values())) for v in value):
        return sign + "; ".join(_item_words(v) for v in value)  # checkpoints: repository (stage base, …)
    if isinstance(value, (list, dict)):
        import json

        return sign + json.dumps(value, ensure_ascii=False)
    return f"{sign}{value}"


def decimals_of(value: float) -> int | None:
    """How many decimal places a float is written with (0.271 -> 3, 90.0 -> 1); None in exponent form.

    >>> decimals_of(0.2708), decimals_of(0.271), decimals_of(1e-05)
    (4, 3, None)
    """
    text = repr(value)
    return None if "e" in text or "." not in text else len(text.split(".", 1)[1])


def format_gigabytes(value: float, bound: str = "exact") -> str:
    """A size in bytes as gigabytes (10^9 bytes), to 2 decimals: 270_000_000_000 approximately -> '~270 GB'.

    >>> format_gigabytes(270_000_000_000, "approximately"), format_gigabytes(65_604_000_000)
    ('~270 GB', '65.6 GB')
    """
    number = f"{value / 1e9:,.2f}".rstrip("0").rstrip(".")
    return f"{_BOUND_SIGN.get(bound, '')}{number} GB"


def pin_text(commit: str | None, release: str | None, published: object, snapshot: str | None = None) -> str:
    """A source version as people read it: ``@<12-char commit>``, the release name, the snapshot, or the date."""
    if commit:
        return f"@{commit[:12]}"
    if release:
        return release
    if snapshot:
        return snapshot
    return str(published)


OPENING_MARKS = ("“", '"', "‘", "'", "«", "„", "‚", "「")
"""Quotation marks a quote may open with itself (a spokesperson's words as an article quotes them)."""


def quoted(quote: str) -> str:
    """A quote set off for reading: in “…”, unless it opens with a quotation mark of its own, which
    then sets it off (a second mark beside it, ``““‘Llama-4-…’``, read as a typo); its characters
    are the source's either way.

    >>> quoted("109B (Total)")
    '“109B (Total)”'
    >>> quoted("“‘Llama-4-Maverick-03-26-Experimental’ is a chat optimized version,” the spokesperson said.")
    '“‘Llama-4-Maverick-03-26-Experimental’ is a chat optimized version,” the spokesperson said.'
    """
    return quote if quote.startswith(OPENING_MARKS) else f"“{quote}”"
