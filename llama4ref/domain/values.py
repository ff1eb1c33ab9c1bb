"""Numbers a question writes ("16 vs 128 experts", "~14%", "512k context", "token id 200005")
met against the values facts hold, read from the displayed values in the full-text index
(llama4ref.store.fulltext), so a fact whose value is the number asked about ranks higher."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from llama4ref.domain.matching import rarity
from llama4ref.records.vocabulary import word_spans

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.records.vocabulary import Parsed

_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(k|m|b|t|%)?(?![\w.]|\.\d)", re.IGNORECASE)
"""A number standing on its own, with an optional multiplier or percent sign ("8.19K", "40T",
"14%"); not a digit inside a name ("h100", "q4_k_m", "8xh100", "128gb")."""
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}
_BINARY = {"k": 1024.0, "m": 1024.0**2}
_NAME_WORDS = frozenset({"llama"})  # "llama 4", "llama 3.1": a number after these is a version
_ASKING_A_NUMBER = frozenset({"how-many", "how-big"})  # intents whose answer is the number
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_SIDES = re.compile(r"(?<![\w.])(\d+)\s*[x×]\s*(\d+)(?![\w.])", re.IGNORECASE)
"""A size written as its two sides ("336x336", "1120 x 1120"): each side is a number the text gives."""


def numbers(text: str, grouped: bool = False) -> list[tuple[float, float, int]]:
    """(value, tolerance, start) of each number in ``text``: the tolerance is half a unit of the
    last digit written (so "14%" meets 14.4%), at most 5% for a rounded "16k" or "1M"; "128k"
    and "1M" are also read in binary (131,072 and 1,048,576). ``grouped``: the text writes
    thousands apart ("8,192", as values are displayed)."""
    out = []
    for m in _NUMBER.finditer(_THOUSANDS.sub("", text) if grouped else text):
        digits, suffix = m.group(1), (m.group(2) or "").lower()
        scale = _SCALE.get(suffix, 1.0)
        decimals = len(digits.partition(".")[2])
        value = float(digits) * scale
        tol = 0.5 * 10.0**-decimals * scale
        if scale > 1:
            tol = min(tol, 0.05 * value)
        out.append((value, tol, m.start()))
        if suffix in _BINARY:
            out.append((float(digits) * _BINARY[suffix], tol * _BINARY[suffix] / scale, m.start()))
    return out


@lru_cache(maxsize=4)
def _fact_numbers(db: sqlite3.Connection) -> tuple[tuple[str, tuple[float, ...], float], ...]:
    """Each fact's numbers, and how much one of them says: a value that is the number (written
    once, perhaps also rounded: "8,192 (8.19K)") says all, one number of a list or table half."""
    rows = db.execute("SELECT d.path, f.value FROM docs d JOIN fts f ON f.rowid = d.id").fetchall()
    out = []
    for p, text in rows:
        found = numbers(str(text), grouped=True)
        out.append((str(p), tuple(v for v, _, _ in found), 1.0 if len({start for _, _, start in found}) <= 2 else 0.5))
    return tuple(out)


@lru_cache(maxsize=4)
def _percent_facts(db: sqlite3.Connection) -> frozenset[str]:
    """The facts whose displayed value writes a percentage ("~4.25%")."""
    rows = db.execute("SELECT d.path, f.value FROM docs d JOIN fts f ON f.rowid = d.id").fetchall()
    return frozenset(str(p) for p, text in rows if "%" in str(text))


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "twelve": 12, "sixteen": 16, "seventeen": 17, "twenty": 20}  # fmt: skip
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def spelled_numbers(ws: list[str]) -> list[float]:
    """The amounts a text writes with a scale word: a number in words or digits, perhaps
    hundreds, then thousand, million, billion or trillion ("two trillion", "10 million", "four
    hundred billion"). A scale word alone ("per million tokens") is no amount."""
    out = []
    for i, w in enumerate(ws):
        if w not in _SCALE_WORDS:
            continue
        j, amount = i - 1, 1.0
        if j >= 0 and ws[j] == "hundred":
            j, amount = j - 1, 100.0
        n = ws[j] if j >= 0 else ""
        if n in _NUMBER_WORDS or n.isdigit():
            amount *= _NUMBER_WORDS.get(n) or int(n)
        elif amount == 1.0:
            continue
        out.append(amount * _SCALE_WORDS[w])
    return out


def value_matches(db: sqlite3.Connection, text: str, parsed: Parsed, quoted: bool = False) -> dict[str, float]:
    """Path → how strongly the numbers ``text`` writes name its value: the rarity of each number
    among the facts' values (a "1" says little, "200005" much), summed. A number that is part of
    a name the text gives ("mistral 3.1", "gemma 3 27b", "llama 4") is no value, and a question
    asking how many or how big gives its numbers as what it knows ("of scout's 48 layers how many
    use rope"), not as the answer; ``quoted`` finds those known numbers' facts all the same."""
    spelled = spelled_numbers(parsed.words)
    asking = not quoted and any(t["id"] in _ASKING_A_NUMBER for t in parsed.of_kind("intent"))
    if not (spelled or any(c.isdigit() for c in text)) or asking:
        return {}
    spans = word_spans(text)
    in_names = {spans[i][0] for m in parsed.matches for i in range(m.start, min(m.end, len(spans)))
                if len(parsed.words) == len(spans) and any(t["kind"] == "entity" for t in m.terms)}  # fmt: skip
    in_names |= {spans[i][0] for i in range(1, len(spans)) if text[slice(*spans[i - 1])].casefold() in _NAME_WORDS}
    percent = {m.start() for m in _NUMBER.finditer(text) if m.group(2) == "%"}
    asked = [(v, tol, start in percent) for v, tol, start in numbers(text) if start not in in_names]
    asked += [(v, 0.05 * v, False) for v in spelled]
    asked += [(float(d), 0.5, False) for m in _SIDES.finditer(text) for d in dict.fromkeys(m.groups())]  # "336x336": 336
    if not asked:
        return {}
    out: dict[str, float] = {}
    facts = _fact_numbers(db)
    shares = _percent_facts(db)
    for value, tol, pct in dict.fromkeys(asked):  # "~4%" meets a percentage, not a count of 4
        hits = [(p, share) for p, held, share in facts if any(abs(h - value) <= tol for h in held) and (not pct or p in shares)]
        for p, share in hits:
            out[p] = out.get(p, 0.0) + share * rarity(len(hits))
    return out
