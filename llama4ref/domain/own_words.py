"""An attribute the text names, met in a fact's own words, for the ranking (llama4ref.domain.ranking).

A vocabulary attribute ("images", "tool calling", "license") meets a fact by the words of its
path. A fact whose path says it otherwise ("text_only", "agreement_copy") but whose own text (its
label, value, quotes and notes) writes the attribute's words answers it too, as a left-over word
found in a fact's text does: it earns half the credit of a path match, by how rare the words are.
Without this, a word the vocabulary knows counts for less than one it does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from llama4ref.records.vocabulary import STOPWORDS

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.records.vocabulary import Match, Parsed

_OWN_TEXT = "{label value quotes notes}"
"""The index's columns holding a fact's own words (not its path's, not the vocabulary's)."""


def _attribute_only(m: Match) -> bool:
    kinds = {t["kind"] for t in m.terms}
    return "attribute" in kinds and not kinds & {"entity", "intent"}


def own_text_holders(db: sqlite3.Connection, parsed: Parsed) -> dict[str, frozenset[str]]:
    """For each phrase of the text naming an attribute only: the facts whose own text holds
    every content word of the phrase as written ("accept images": a fact whose quote says it
    accepts images)."""
    out: dict[str, frozenset[str]] = {}
    for m in parsed.matches:
        if not _attribute_only(m) or m.text in out:
            continue
        ws = [w for w in m.text.split() if w not in STOPWORDS and w.isascii() and w.isalnum()]
        if not ws:
            continue
        query = " AND ".join(f'{_OWN_TEXT} : "{w}"' for w in ws)
        rows = db.execute("SELECT d.path FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ?", (query,))
        out[m.text] = frozenset(str(p) for (p,) in rows)
    return out
