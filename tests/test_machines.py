"""llama4ref.domain.machines: a machine's memory from its data sheet, and the index's table of the
amounts of memory every fact writes, made when the index is built."""

from __future__ import annotations

import sqlite3

import pytest

from llama4ref.domain.machines import _memory_of, holding
from llama4ref.store import fulltext
from llama4ref.store.knowledge_base import KnowledgeBase


def _written(db: sqlite3.Connection) -> set[tuple[int, str]]:
    """Every (amount, path) the indexed text of the facts writes, read from the text itself."""
    rows = db.execute("SELECT d.path, f.words, f.value, f.quotes, f.notes FROM docs d JOIN fts f ON f.rowid = d.id")
    return {(n, str(path)) for path, *texts in rows for n in fulltext.amounts("\n".join(str(t) for t in texts))}


def test_the_shipped_amounts_table_is_what_the_indexed_text_writes(db: sqlite3.Connection) -> None:
    """The amounts table shipped in the index holds exactly the amounts of memory each fact's path,
    value, quotes and notes write (a stale or partial table fails here and in tools.build --check)."""
    table = {(int(n), str(p)) for n, p in db.execute("SELECT gigabytes, path FROM amounts")}
    assert table == _written(db)
    assert (64, "engines.mlx_lm.limits.scout_4bit_64gb_mac") in table


def test_holding_leaves_the_data_sheets_aside(db: sqlite3.Connection) -> None:
    """The facts writing 80 GB are the table's, less the machines' own data sheets (hardware.*)."""
    wanted = frozenset({80})
    written = {p for n, p in _written(db) if n in wanted}
    assert "hardware.h100.memory_gb" in written
    assert holding(db, wanted) == {p for p in written if not p.startswith("hardware.")}
    assert holding(db, frozenset()) == frozenset()


def test_the_fingerprint_covers_the_amounts_table(
    kb: KnowledgeBase, db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading amounts otherwise (another pattern) changes the index's fingerprint, so
    ``tools.build --check`` names a shipped index whose amounts table is stale."""
    import re

    rows = fulltext.stored_documents(db, kb)
    before = fulltext.fingerprint(rows)
    monkeypatch.setattr(fulltext, "_AMOUNT", re.compile(r"(\d{1,4})\s?gb(?![a-z])", re.IGNORECASE))
    assert fulltext.fingerprint(rows) != before


def test_a_machines_memory_is_its_data_sheets_memory_gb(kb: KnowledgeBase) -> None:
    """Each GPU the vocabulary names has the memory its data sheet records (hardware.<key>.memory_gb);
    a machine whose sheet records none (a DGX system: its GPUs' total) has none."""
    gpus = {str(t["target"]) for t in kb.vocabulary()["terms"] if t.get("cls") == "gpu"}
    sheets = {g for g in gpus if f"{g}.memory_gb" in kb.paths(g, derived=False)}
    assert {"hardware.rtx_4090", "hardware.h100"} <= sheets
    for g in sheets:
        assert _memory_of(kb, g) == kb.value(f"{g}.memory_gb")
    assert _memory_of(kb, "hardware.rtx_4090") == 24
    assert _memory_of(kb, "hardware.dgx_h100") is None
