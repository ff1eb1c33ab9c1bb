"""Word forms for the ranking (llama4ref.domain.ranking) beyond stems: a one-word phrase in a
path's other number, a segment's initials, a month's digits, a model's name cut short, and
"language" naming a kind of model rather than the languages attribute."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from llama4ref.domain.matching import rarity
from llama4ref.store.fulltext import path_count

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.records.vocabulary import Lexicon, Parsed

_STEMMED = 1.5  # a one-word phrase met by a part of the path's last segment, not by its attribute's path words
_STEMMED_INNER = 1.0  # the same, in a segment before the last


def stemmable(db: sqlite3.Connection, parsed: Parsed) -> frozenset[str]:
    """The one-word attribute phrases of the text that name a part few facts' paths hold (fewer
    than about thirty: "refusals", "evaluation"; not "format", a part of every prompt_format
    fact): those may meet a path by the part, singular or plural, as well as by their path words."""
    ws = {
        m.text for m in parsed.matches if " " not in m.text and len(m.text) > 3 and any(t["kind"] == "attribute" for t in m.terms)
    }
    return frozenset(w for w in ws if rarity(path_count(db, w)) >= 0.5)


def stemmed_attribute(text: str, segs: list[str]) -> tuple[float, int] | None:
    """(gain, segment) when a one-word vocabulary phrase whose attribute the path does not carry
    is still written in it, in the singular or the plural ("refusals" of
    safety.model_level.tone.refusal_tone, "evaluation" of safety.evaluations; not "chunked" of
    attention_chunk_size, another word). The attribute's own path words say more, so this counts
    less than they do."""
    forms = {text, text[:-1] if text.endswith("s") else text + "s"}
    hits = [i for i, s in enumerate(segs[1:], 1) if not forms.isdisjoint(s.split("_"))]
    if not hits:
        return None
    return (_STEMMED if hits[-1] == len(segs) - 1 else _STEMMED_INNER), hits[-1]


def shortened(lex: Lexicon, unknown: list[str]) -> dict[str, str]:
    """Unknown words that are the start of one model's name and of no other's, cut short the way
    people write names they type often ("mav" for maverick, "behe" for behemoth), or one model's
    name with one slip (a letter left out or two neighbours swapped: "scot", "scuot")."""
    names = {str(t["target"]) for t in lex.terms if t.get("cls") == "variant"}
    out = {}
    for w in unknown:
        starts = [n for n in names if n.startswith(w) and n != w]
        if len(starts) != 1 and len(w) > 3 and w.isalpha():
            starts = [n for n in names if n[0] == w[0] and (_left_out(w, n) or _swapped(w, n))]
        if len(starts) == 1:
            out[w] = starts[0]
    return out


def _left_out(word: str, name: str) -> bool:
    return len(name) == len(word) + 1 and any(name[:i] + name[i + 1 :] == word for i in range(1, len(name)))


def _swapped(word: str, name: str) -> bool:
    if len(word) != len(name) or word == name:
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == name[diff[1]] and word[diff[1]] == name[diff[0]]


MONTHS = {m: f"{i:02d}" for i, ms in enumerate([("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
          ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
          ("october", "oct"), ("november", "nov"), ("december", "dec")], 1) for m in ms}  # fmt: skip
"""Month names → the two digits a dated path segment writes them with (stated_2025_04_05)."""


def word_forms(w: str) -> set[str]:
    """The path parts a left-over word may be written as: itself, its singular ("layers"), a
    number's multiple ("32": budget_4_32x), a month's two digits ("april": 2025_04_05)."""
    forms = {w, w[:-1]} if w.endswith("s") else {w, w + "x"} if w.isdigit() else {w}
    if w in MONTHS:
        forms.add(MONTHS[w])
    return forms


def initials_in(w: str, seg: str) -> bool:
    """Whether a word is the initials of a segment of three or more parts ("moe" of
    mixture_of_experts, "nih" of needle_in_haystack)."""
    return len(w) > 2 and w.isalpha() and _initials(seg) == w


@cache
def _initials(seg: str) -> str:
    parts = seg.split("_")
    return "".join(p[0] for p in parts if p) if len(parts) > 2 else ""


def initialisms(db: sqlite3.Connection, rest: list[str], in_text: Mapping[str, set[str]]) -> dict[str, frozenset[str]]:
    """The left-over words that are the initials of some segment and that facts' texts use as a
    word ("moe" is, "wat" for "what" is not) → those segments."""
    asked = [w for w in rest if 2 < len(w) < 7 and w.isalpha() and in_text.get(w)]
    if not asked:
        return {}
    table = _initials_table(db)
    return {w: table[w] for w in asked if w in table}


@lru_cache(maxsize=4)
def _initials_table(db: sqlite3.Connection) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for (path,) in db.execute("SELECT path FROM docs"):  # about 3 ms, once, and only when asked
        for seg in str(path).split("."):
            if _initials(seg):
                out.setdefault(_initials(seg), set()).add(seg)
    return {k: frozenset(v) for k, v in out.items()}


def drop_language_model(parsed: Parsed) -> None:
    """Forget "language" read as the languages attribute where it names a kind of model ("how do
    image features get into the language model": the decoder, not the languages it speaks)."""
    ws = parsed.words
    parsed.matches = [
        m
        for m in parsed.matches
        if not (m.end < len(ws) and ws[m.end] in MODEL_WORDS and all(t.get("id") == "languages" for t in m.terms))
    ]


MODEL_WORDS = frozenset({"model", "models", "backbone", "decoder"})
"""Words after "language" that make it a kind of model, not the languages attribute."""
