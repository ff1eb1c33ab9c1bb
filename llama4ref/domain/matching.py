"""Word matching for the ranking (llama4ref.domain.ranking): crude stems, how rare a path part or a
word of a fact's text is, names spelt out inside a segment, and typo and split-name corrections."""

from __future__ import annotations

import math
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from llama4ref.paths import FactPath
from llama4ref.store.fulltext import known_words

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.records.vocabulary import Lexicon, Parsed


def named_in(term: dict[str, Any], flat_path: str) -> bool:
    """Whether a path spells out a named thing's several-word key inside a segment of its own
    ("history.timeline.llama_guard_4_model_card" is about llama_guard_4)."""
    if term.get("cls", "named") != "named":
        return False
    key = FactPath.parse(term["target"]).leaf
    return "_" in key and f"_{key}_" in flat_path


@lru_cache(maxsize=65536)  # the same path parts are stemmed for every question: once per process
def stem(w: str) -> str:
    """A crude English stem: "fixed", "fixes", "fixing" → "fix"; "layers" → "layer"."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def stem_in(w: str, seg: str) -> bool:
    """Whether a word and one of a path segment's parts share a stem of three letters or more."""
    base = stem(w)
    return len(base) >= 3 and base in _part_stems(seg)


@cache
def _part_stems(seg: str) -> frozenset[str]:
    return frozenset(stem(p) for p in seg.split("_"))


def rarity(n: int) -> float:
    """1 for a word only a few facts hold, falling towards 0 for a word hundreds hold."""
    return 1.0 if n <= 3 else max(0.0, 1.0 - math.log(n / 3) / math.log(100))


def literal(ws: list[str], segs: list[str]) -> bool:
    """Whether a run of two or more words, joined by underscores, is one of the path's segments
    (one word naming a segment is what an attribute match already counts)."""
    return not _joined_runs(tuple(ws)).isdisjoint(segs)


@lru_cache(maxsize=1024)
def _joined_runs(ws: tuple[str, ...]) -> frozenset[str]:
    """Every run of two or more of ``ws``, joined by underscores (a question's, computed once)."""
    return frozenset("_".join(ws[i:j]) for i in range(len(ws)) for j in range(i + 2, len(ws) + 1))


def corrections(db: sqlite3.Connection, lex: Lexicon, parsed: Parsed) -> dict[str, str]:
    """Misspelt left-over words → the closest indexed or vocabulary word (typo tolerance)."""
    unknown = [w for w in parsed.rest if len(w) > 4 and not w.isdigit()]  # "send" is no typo of "end"
    if not unknown:
        return {}
    known = set(known_words(db)) | lex.phrase_words()
    unknown = [w for w in unknown if w not in known]
    if not unknown:
        return {}
    import difflib

    pool = sorted(known)
    out: dict[str, str] = {}
    ws = parsed.words
    for i, w in enumerate(ws):  # "llama factory": a name written apart whose joined form is known
        joined = [a + b for a, b in ((ws[i - 1] if i else "", w), (w, ws[i + 1] if i + 1 < len(ws) else "")) if a and b]
        if w in unknown and any(j in known for j in joined):
            out[w] = next(j for j in joined if j in known)
    unknown = [w for w in unknown if w not in out]
    for w in unknown:
        close = difflib.get_close_matches(w, pool, n=1, cutoff=0.8)
        if close:
            out[w] = close[0]
    return out
