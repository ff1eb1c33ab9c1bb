"""The full-text index: one SQLite FTS5 document per fact, ranked with BM25.

Built by ``python -m tools.build`` into ``llama4ref/_index/search.sqlite`` and shipped in
the wheel. Installed as files (the usual case), it is opened where it lies, read-only and
immutable, so SQLite reads only the pages a query needs. Installed in a zip, it is read
zip-safely: the bytes come from the package's loader (``pkgutil.get_data``, the same loader
``importlib.resources`` reads through, without its 40 ms of imports) and are opened in memory with
``sqlite3.Connection.deserialize``. A knowledge base built from another tree (``llama4ref.load``)
gets the same index built in memory.

A document's columns: ``words`` (the path's words), ``label`` (qualifiers such as a
benchmark's name), ``value`` (the value as displayed), ``quotes`` (every citation's quote),
``notes`` (notes, reasons, formulas) and ``vocab`` (the vocabulary phrases that name the
fact's entities and attributes, llama4ref.records.vocabulary), so "AWS" finds Bedrock's facts.
Beside them, made from them at build time: ``known_words`` (the words the text holds) and
``amounts`` (each amount of memory, in gigabytes, a document's words, value, quotes or notes write:
:func:`holding`, read by llama4ref.domain.machines), which the index's fingerprint covers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from llama4ref.paths import FactPath
from llama4ref.records.vocabulary import words

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.store.knowledge_base import KnowledgeBase

FORMAT = 1
FILE_NAME = "search.sqlite"
COLUMNS = ("words", "label", "value", "quotes", "notes", "vocab")
WEIGHTS = (4.0, 3.0, 2.0, 1.0, 0.7, 2.5)
"""BM25 weight of each column, in COLUMNS order."""

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE docs (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, unit TEXT NOT NULL, derived INTEGER NOT NULL);
CREATE TABLE known_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE fts USING fts5({", ".join(COLUMNS)}, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE amounts (gigabytes INTEGER NOT NULL, path TEXT NOT NULL, PRIMARY KEY (gigabytes, path)) WITHOUT ROWID;
"""
_AMOUNT = re.compile(r"(?:(?<=\dx)|(?<![\w.]))(\d{1,4})\s?(?:gb|gib)(?![a-z])", re.IGNORECASE)
"""An amount of memory as written ("24 GB", "64gb", "512GB", each of "2x48GB"); path words write it "64gb"."""
AMOUNT_COLUMNS = ("words", "value", "quotes", "notes")
"""The columns whose amounts of memory the ``amounts`` table holds (:func:`holding`)."""


def documents(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One row per fact (stored and derived), sorted by path: the index's whole content."""
    table = kb.vocabulary()
    attributes = [t for t in table["terms"] if t["kind"] in ("attribute", "intent") and t.get("path_words")]
    entities = [t for t in table["terms"] if t["kind"] == "entity"]
    vocab_of = _VocabMatcher(attributes, entities)
    rows = []
    for path in kb.paths():
        fact = kb.get(path)
        segs = FactPath.parse(path).pieces
        quotes = [c.quote for c in fact.citations] + [c.quote for a in fact.alternatives for c in a.citations]
        notes = [fact.note or "", fact.formula or ""] + [a.reason for a in fact.alternatives]
        value = fact.display() if fact.unit not in ("json",) else json.dumps(fact.value, ensure_ascii=False)
        rows.append(
            {
                "path": path,
                "unit": fact.unit,
                "derived": int(fact.derived),
                "words": " ".join(w for s in segs for w in s.split("_")),
                "label": " ".join(str(v) for _, v in sorted(fact.qualifiers.items())),
                "value": value,
                "quotes": "\n".join(quotes),
                "notes": "\n".join(n for n in notes if n),
                "vocab": " ; ".join(dict.fromkeys(vocab_of(path, flat(segs)))),
            }
        )
    return rows


def stored_documents(db: sqlite3.Connection, kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The rows of :func:`documents` for ``kb`` read back from ``db``, an index :func:`build` made
    of it: the text of a ``json`` value is written again from ``kb`` (the index keeps its keys in
    the order the records wrote them; the knowledge base read back from JSON may not)."""
    cols = ", ".join(f"f.{c}" for c in COLUMNS)
    found = db.execute(f"SELECT d.path, d.unit, d.derived, {cols} FROM docs d JOIN fts f ON f.rowid = d.id ORDER BY d.id")
    rows = [dict(zip(("path", "unit", "derived", *COLUMNS), row, strict=True)) for row in found]
    for row in rows:
        if row["unit"] == "json":
            row["value"] = json.dumps(kb.get(row["path"]).value, ensure_ascii=False)
    return rows


class _VocabMatcher:
    """The vocabulary phrases of a fact: those of every attribute term with a path word in it, then
    those of every entity term that :func:`entity_matches` it, in table order.

    The same answer as testing every term against every path, found by lookups: a term's
    ``_word_`` (or ``x<key>_``) occurs in the flat path exactly when it is one of the flat path's
    substrings that start at a ``_`` (an ``x``) and end at a ``_``, and a target is ``path`` or
    one of its dotted prefixes (export: testing each of ~150 terms per fact was 2x the floor).
    """

    def __init__(self, attributes: list[dict[str, Any]], entities: list[dict[str, Any]]) -> None:
        self._phrases: list[list[str]] = []
        self._by_needle: dict[str, list[int]] = {}  # "_word_" or "x<key>_" → term numbers
        self._by_target: dict[str, list[int]] = {}  # a path or path prefix → term numbers
        for term in attributes:
            n = self._add(term)
            for w in dict.fromkeys(term["path_words"]):
                self._by_needle.setdefault(f"_{w}_", []).append(n)
        for term in entities:
            n = self._add(term)
            for t in dict.fromkeys((term["target"], *term.get("also", ()))):
                self._by_target.setdefault(t, []).append(n)
            if term.get("anywhere"):
                key = term["target"].rsplit(".", 1)[-1]
                for needle in dict.fromkeys((f"_{key}_", f"x{key}_")):
                    self._by_needle.setdefault(needle, []).append(n)

        self._longest = max(map(len, self._by_needle), default=0)

    def _add(self, term: dict[str, Any]) -> int:
        self._phrases.append(term["phrases"])
        return len(self._phrases) - 1

    def __call__(self, path: str, flat_path: str) -> list[str]:
        hits: set[int] = set()
        for i in [*_positions(path, "."), len(path)]:
            found = self._by_target.get(path[:i])
            if found is not None:
                hits.update(found)
        ends = _positions(flat_path, "_")
        longest, by_needle = self._longest, self._by_needle
        for i in sorted(ends + _positions(flat_path, "x")):
            for j in ends:
                if j - i >= longest:
                    break  # no needle is that long
                if j > i:
                    found = by_needle.get(flat_path[i : j + 1])
                    if found is not None:
                        hits.update(found)
        return [p for n in sorted(hits) for p in self._phrases[n]]


def _positions(text: str, ch: str) -> list[int]:
    out: list[int] = []
    i = text.find(ch)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


def flat(segs: Sequence[str]) -> str:
    """A path's segments as one string in which ``_word_`` finds a segment or a run of its parts."""
    return "_" + "_._".join(segs) + "_"


def entity_matches(term: dict[str, Any], path: str, flat_path: str) -> bool:
    """Whether an entity term names the fact at ``path`` (``flat_path`` is :func:`flat` of it)."""
    target: str = term["target"]
    if any(path == t or path.startswith(t + ".") for t in (target, *term.get("also", ()))):
        return True
    if not term.get("anywhere"):
        return False
    key = FactPath.parse(target).leaf
    return f"_{key}_" in flat_path or f"x{key}_" in flat_path  # 8xh100 is an h100 setup


def amounts(text: str) -> frozenset[int]:
    """The amounts of memory, in gigabytes, ``text`` writes ("two 48GB cards": 48)."""
    return frozenset(int(m.group(1)) for m in _AMOUNT.finditer(text) if int(m.group(1)) > 0)


def _amount_rows(rows: list[dict[str, Any]]) -> list[tuple[int, str]]:
    """The ``amounts`` table: each amount of memory a document's path, value, quotes or notes write, with its path."""
    return sorted({(n, r["path"]) for r in rows for n in amounts("\n".join(str(r[c]) for c in AMOUNT_COLUMNS))})


def fingerprint(rows: list[dict[str, Any]], amount_rows: list[tuple[int, str]] | None = None) -> str:
    """What the index holds (its documents and the tables made of them), independent of the SQLite
    version that wrote it. ``amount_rows`` is :func:`_amount_rows` of ``rows`` when the caller has
    it already (the build writes the same table): it is computed here only when not given."""
    import hashlib  # build and check time only: 2 ms of a question's start-up

    if amount_rows is None:
        amount_rows = _amount_rows(rows)
    content = {"format": FORMAT, "columns": COLUMNS, "rows": rows, "amounts": amount_rows}
    text = json.dumps(content, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(kb: KnowledgeBase) -> sqlite3.Connection:
    """A fresh in-memory index of ``kb``."""
    import sqlite3

    rows = documents(kb)
    amount_rows = _amount_rows(rows)  # once: the fingerprint and the amounts table both hold it
    db = sqlite3.connect(":memory:")
    db.executescript(_SCHEMA)
    with db:
        db.execute("INSERT INTO meta VALUES ('format', ?), ('fingerprint', ?)", (str(FORMAT), fingerprint(rows, amount_rows)))
        for i, r in enumerate(rows, 1):
            db.execute("INSERT INTO docs VALUES (?, ?, ?, ?)", (i, r["path"], r["unit"], r["derived"]))
            db.execute(
                f"INSERT INTO fts (rowid, {', '.join(COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)", (i, *(r[c] for c in COLUMNS))
            )
        known = sorted({w for r in rows for c in ("words", "label", "value", "vocab") for w in words(r[c]) if len(w) > 2})
        known_rows = [(w,) for w in known]
        db.executemany("INSERT INTO known_words VALUES (?)", known_rows)
        db.executemany("INSERT INTO amounts VALUES (?, ?)", amount_rows)
        db.execute("INSERT INTO fts(fts) VALUES ('optimize')")
    return db


def to_bytes(db: sqlite3.Connection) -> bytes:
    db.execute("VACUUM")
    return db.serialize()


def stored_fingerprint(data: bytes) -> str | None:
    """The fingerprint inside a serialized index (None when it is not one)."""
    import sqlite3

    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(data)
        row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        db.close()
    return None if row is None else str(row[0])


def shipped() -> sqlite3.Connection:
    """The index that ships in the package: opened in place when it is a file, else read through
    the package's loader into memory (zip-safe)."""
    import os.path
    import pkgutil  # the package loader's get_data: zip-safe, and 40 ms cheaper than importlib.resources
    import sqlite3

    from llama4ref.errors import DataError

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # llama4ref/store/fulltext.py → llama4ref
    here = os.path.join(package, "_index", FILE_NAME)
    if os.path.isfile(here):  # 2 ms cheaper than reading its 1.9 MB; immutable: nothing writes a shipped file
        from pathlib import Path

        try:
            db = sqlite3.connect(f"{Path(here).as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise DataError(f"cannot read the shipped full-text index {here}: {exc}") from exc
        return db
    try:
        data = pkgutil.get_data("llama4ref", f"_index/{FILE_NAME}")
        if data is None:
            raise OSError("the package loader cannot read data files")
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.deserialize(data)
    except (OSError, sqlite3.DatabaseError) as exc:
        raise DataError(f"cannot read the shipped full-text index {FILE_NAME}: {exc}") from exc
    return db


def bm25(db: sqlite3.Connection, terms: list[str], limit: int = 300) -> dict[str, float]:
    """Path → BM25 relevance (higher is better) of the documents matching any of ``terms``."""
    if not terms:
        return {}
    query = " OR ".join('"' + t.replace('"', "") + '"' for t in dict.fromkeys(terms))
    weights = ", ".join(str(w) for w in WEIGHTS)
    rows = db.execute(
        f"SELECT d.path, -bm25(fts, {weights}) FROM fts JOIN docs d ON d.id = fts.rowid "
        "WHERE fts MATCH ? ORDER BY bm25(fts, " + weights + ") LIMIT ?",
        (query, limit),
    ).fetchall()
    return {str(p): float(s) for p, s in rows}


def containing(db: sqlite3.Connection, terms: list[str]) -> set[str]:
    """The paths of every document holding all of ``terms`` (unranked, unlimited)."""
    if not terms:
        return set()
    query = " AND ".join('"' + t.replace('"', "") + '"' for t in dict.fromkeys(terms))
    rows = db.execute("SELECT d.path FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ?", (query,))
    return {str(p) for (p,) in rows}


def units(db: sqlite3.Connection) -> dict[str, tuple[str, bool]]:
    """Every indexed path → (unit, derived)."""
    return {str(p): (str(u), bool(d)) for p, u, d in db.execute("SELECT path, unit, derived FROM docs")}


def known_words(db: sqlite3.Connection) -> list[str]:
    return [str(w) for (w,) in db.execute("SELECT word FROM known_words")]


def snippet(db: sqlite3.Connection, path: str, terms: list[str], start: str = "\x02", end: str = "\x03") -> str | None:
    """The best-matching passage of a fact's text with ``terms`` marked by ``start``/``end``."""
    if not terms:
        return None
    query = " OR ".join('"' + t.replace('"', "") + '"' for t in dict.fromkeys(terms))
    for column in (COLUMNS.index(c) for c in ("quotes", "value", "label", "notes")):  # people's words, not ours
        row = db.execute(
            "SELECT snippet(fts, ?, ?, ?, '…', 16) FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ? AND d.path = ?",
            (column, start, end, query, path),
        ).fetchone()
        if row is not None and start in str(row[0]):
            return str(row[0])
    return None


def holding(db: sqlite3.Connection, gigabytes: frozenset[int]) -> frozenset[str]:
    """The documents whose path, value, quotes or notes write one of the amounts of memory ``gigabytes``."""
    if not gigabytes:
        return frozenset()
    marks = ", ".join("?" * len(gigabytes))
    return frozenset(p for (p,) in db.execute(f"SELECT path FROM amounts WHERE gigabytes IN ({marks})", sorted(gigabytes)))


def path_count(db: sqlite3.Connection, term: str) -> int:
    """How many facts' paths hold ``term`` (stemmed as the index stems it) among their words."""
    row = db.execute("SELECT count(*) FROM fts WHERE fts MATCH ?", ('words : "' + term.replace('"', "") + '"',)).fetchone()
    return int(row[0])
