"""The SQLite export: the tidy tables with primary and foreign keys, and views for common questions.

The file opens in the ``sqlite3`` shell and in Datasette (``datasette NAME.db --metadata
NAME.metadata.json``: the metadata written beside it describes every table and column). Writing is atomic (a unique temporary
file renamed over the target, :mod:`llama4ref.export.outfile`) and deterministic: the same data gives
the same rows and ids.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama4ref.export.tables import Table, build_tables
from llama4ref.paths import BENCHMARKS, LAYOUTS

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.export.writing import ExportSummary
    from llama4ref.store.knowledge_base import KnowledgeBase


def _segment_sql(area: str, name: str) -> str:
    """SQL for the segment :data:`~llama4ref.paths.LAYOUTS` calls ``name`` in a path ``f.path`` under ``area``.

    Only an area's first named segment has a fixed offset (the area word and its dot).
    """
    if LAYOUTS[area].index(name) != 0:
        raise ValueError(f"{name!r} is not the first segment under {area!r}")
    start = len(area) + 2
    return f"substr(f.path, {start}, instr(substr(f.path, {start}) || '.', '.') - 1)"


def _after_variant_sql(area: str) -> str:
    """SQL for the key after the variant in a path under ``area`` whose last named segment is the variant."""
    if LAYOUTS[area][-1] != "variant":
        raise ValueError(f"the variant is not the last named segment under {area!r}")
    return """CASE WHEN f.variant_id IS NOT NULL AND instr(f.path, '.' || f.variant_id || '.') > 0
                    THEN substr(f.path, instr(f.path, '.' || f.variant_id || '.') + length(f.variant_id) + 2) END"""


_BENCHMARK_KEY_START = len(f".{BENCHMARKS}.") + 1
"""Where a benchmark path's ``<table>.<benchmark>`` begins after its variant id (SQL counts from 1)."""

VIEWS: dict[str, str] = {
    "v_fact_sources": """
        SELECT f.path, f.variant_id, f.derived, 'value' AS via, c.source_id, s.title AS source_title, s.tier,
               s.pin, c.locator, c.quote, c.as_of
        FROM facts f JOIN citations c ON c.fact_path = f.path JOIN sources s ON s.id = c.source_id
        UNION ALL
        SELECT f.path, f.variant_id, f.derived, 'alternative (' || a.rank || ')', c.source_id, s.title, s.tier, s.pin,
               c.locator, c.quote, c.as_of
        FROM facts f JOIN alternatives a ON a.fact_path = f.path JOIN citations c ON c.alternative_id = a.id
        JOIN sources s ON s.id = c.source_id
        UNION ALL
        SELECT f.path, f.variant_id, f.derived, 'input ' || d.input_path, c.source_id, s.title, s.tier, s.pin,
               c.locator, c.quote, c.as_of
        FROM facts f JOIN derived_inputs d ON d.fact_path = f.path JOIN citations c ON c.fact_path = d.input_path
        JOIN sources s ON s.id = c.source_id""",
    "v_benchmarks": f"""
        SELECT f.variant_id, v.name AS model,
               substr(f.path, length(f.variant_id) + {_BENCHMARK_KEY_START}) AS benchmark_key,
               (SELECT q.value FROM fact_qualifiers q WHERE q.fact_path = f.path AND q.name = 'benchmark') AS benchmark,
               (SELECT q.value FROM fact_qualifiers q WHERE q.fact_path = f.path AND q.name = 'category') AS category,
               (SELECT q.value FROM fact_qualifiers q WHERE q.fact_path = f.path AND q.name = 'metric') AS metric,
               (SELECT q.value FROM fact_qualifiers q WHERE q.fact_path = f.path AND q.name = 'shots') AS shots,
               (SELECT q.value FROM fact_qualifiers q WHERE q.fact_path = f.path AND q.name = 'provenance') AS provenance,
               f.value, f.unit, f.display, f.as_of,
               (SELECT group_concat(DISTINCT c.source_id) FROM citations c WHERE c.fact_path = f.path) AS sources,
               (SELECT count(*) FROM alternatives a WHERE a.fact_path = f.path) AS alternatives,
               f.path
        FROM facts f JOIN variants v ON v.id = f.variant_id
        WHERE f.path LIKE f.variant_id || '.{BENCHMARKS}.%'""",
    "v_provider_facts": f"""
        SELECT {_segment_sql("providers", "provider")} AS provider, f.variant_id,
               {_after_variant_sql("providers")} AS key,
               f.value, f.unit, f.bound, f.display, f.as_of,
               (SELECT group_concat(DISTINCT c.source_id) FROM citations c WHERE c.fact_path = f.path) AS sources,
               (SELECT count(*) FROM alternatives a WHERE a.fact_path = f.path) AS alternatives, f.note, f.path
        FROM facts f
        WHERE f.path LIKE 'providers.%'""",
    "v_provider_limits": """
        SELECT provider, variant_id,
               max(CASE key WHEN 'model_id' THEN value END) AS model_id,
               max(CASE key WHEN 'context.total' THEN value END) AS context_total,
               max(CASE key WHEN 'context.max_input' THEN value END) AS max_input,
               max(CASE key WHEN 'context.max_output' THEN value END) AS max_output,
               max(CASE key WHEN 'precision' THEN value END) AS precision,
               max(CASE key WHEN 'price.input' THEN value END) AS usd_per_m_input,
               max(CASE key WHEN 'price.output' THEN value END) AS usd_per_m_output,
               max(as_of) AS as_of, sum(alternatives) AS alternatives
        FROM v_provider_facts GROUP BY provider, variant_id""",
    "v_runtime_facts": f"""
        SELECT {_segment_sql("runtime", "engine")} AS engine, f.variant_id,
               f.path, f.value, f.unit, f.display, f.as_of,
               (SELECT group_concat(DISTINCT c.source_id) FROM citations c WHERE c.fact_path = f.path) AS sources
        FROM facts f
        WHERE f.path LIKE 'runtime.%'""",
    "v_conflicts": """
        SELECT f.path, f.display AS preferred, a.display AS alternative, a.rank, a.reason,
               (SELECT group_concat(DISTINCT c.source_id) FROM citations c WHERE c.fact_path = f.path) AS preferred_sources,
               (SELECT group_concat(DISTINCT c.source_id) FROM citations c WHERE c.alternative_id = a.id) AS alternative_sources
        FROM alternatives a JOIN facts f ON f.path = a.fact_path""",
    "v_derived": """
        SELECT f.path, f.display, f.formula,
               (SELECT group_concat(d.input_path, ', ') FROM derived_inputs d WHERE d.fact_path = f.path) AS inputs
        FROM facts f WHERE f.derived = 1""",
    "v_license_checklist": """
        SELECT t.document, t.section, t.kind, t.id, t.title, t.summary, t.checkable, t.rule,
               (SELECT c.quote FROM citations c WHERE c.license_term_id = t.id ORDER BY c.position LIMIT 1) AS quote,
               (SELECT c.source_id FROM citations c WHERE c.license_term_id = t.id ORDER BY c.position LIMIT 1) AS source_id
        FROM license_terms t""",
    "v_source_usage": """
        SELECT s.id, s.title, s.tier, s.kind, s.pin, count(c.id) AS citations
        FROM sources s LEFT JOIN citations c ON c.source_id = s.id GROUP BY s.id""",
}
"""Views for the common questions (names start with ``v_``)."""


def create_table_sql(table: Table) -> str:
    """``CREATE TABLE`` with the primary key, NOT NULLs, unique keys and foreign keys of ``table``."""
    cols = [f'"{c.name}"{" " + c.type if c.type else ""}{" NOT NULL" if c.not_null else ""}' for c in table.columns]
    cols.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    cols += [f"UNIQUE ({', '.join(u)})" for u in table.unique]
    for c in table.columns:
        if c.references:
            cols.append(f'FOREIGN KEY ("{c.name}") REFERENCES {c.references}')
    if table.name == "citations":
        cols.append(
            "CHECK ((fact_path IS NOT NULL) + (alternative_id IS NOT NULL) + (license_term_id IS NOT NULL)"
            " + (identifier_id IS NOT NULL) = 1)"
        )
    body = ",\n  ".join(cols)
    return f"CREATE TABLE {table.name} (\n  {body}\n)"


def index_full_text(db: sqlite3.Connection) -> None:
    """Full-text tables (FTS5, external content) over the columns :data:`FULL_TEXT` lists.

    Each ``<table>_fts`` names its table as ``content="<table>"``, which is how Datasette finds
    it, and is rebuilt from the table's current rowids (call again after a ``VACUUM``).
    """
    from llama4ref.export.metadata import FULL_TEXT

    for table, columns in FULL_TEXT.items():
        cols = ", ".join(columns)
        exists = db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (f"{table}_fts",)).fetchone()
        if not exists:
            db.execute(f'CREATE VIRTUAL TABLE {table}_fts USING fts5({cols}, content="{table}")')
        db.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")


def fill(db: sqlite3.Connection, tables: dict[str, Table]) -> None:
    """Create every table, index each foreign key, insert the rows, create the views and full-text tables."""
    for table in tables.values():
        db.execute(create_table_sql(table))
        for c in table.columns:
            if c.references:
                db.execute(f'CREATE INDEX idx_{table.name}_{c.name} ON {table.name}("{c.name}")')
        marks = ", ".join("?" for _ in table.columns)
        db.executemany(f"INSERT INTO {table.name} VALUES ({marks})", table.rows)
    for name, sql in VIEWS.items():
        db.execute(f"CREATE VIEW {name} AS {sql.strip()}")
    index_full_text(db)


SEARCH_TABLE = "facts_fts"


def add_search(db: sqlite3.Connection, kb: KnowledgeBase) -> int:
    """A full-text index over ``facts`` (FTS5, the same text as ``llama4ref search``).

    It is an external-content table on ``facts`` (``content="facts"``), which is what
    Datasette looks for to put a search box on the facts table. Each fact is indexed under
    its rowid with the search documents of llama4ref.store.fulltext folded into the three columns
    ``facts`` has: ``path`` (path words and vocabulary), ``display`` (value and qualifiers) and
    ``note`` (quotes, notes and reasons); reading the table returns the facts' own columns.
    """
    db.execute(
        f'CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5(path, display, note, content="facts", '
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    rowids = dict(db.execute("SELECT path, rowid FROM facts").fetchall())
    rows = [
        (
            rowids[d["path"]],
            f"{d['path']} {d['words']} {d['vocab']}",
            f"{d['value']} {d['label']}",
            f"{d['quotes']}\n{d['notes']}",
        )
        for d in _search_documents(kb)
        if d["path"] in rowids
    ]
    db.executemany(f"INSERT INTO {SEARCH_TABLE} (rowid, path, display, note) VALUES (?, ?, ?, ?)", rows)
    return len(rows)


def _search_documents(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """The search documents of ``kb`` (llama4ref.store.fulltext): for the shipped knowledge base,
    read back from the shipped full-text index, which was built from them (and is checked by the
    build); for any other, computed."""
    from llama4ref.store import fulltext, loaders

    if not loaders.is_shipped(kb):
        return fulltext.documents(kb)
    return fulltext.stored_documents(loaders.search_index(), kb)


def write_sqlite(kb: KnowledgeBase, path: Path) -> ExportSummary:
    """Write the database to ``path`` and Datasette's metadata beside it (``NAME.metadata.json``),
    atomically replacing regular files there (never a directory, link or device); foreign keys
    are enforced and checked. See :mod:`llama4ref.export.outfile`."""
    from llama4ref.errors import Llama4RefError
    from llama4ref.export import cached
    from llama4ref.export.outfile import check_target, write_all_atomically
    from llama4ref.export.writing import ExportSummary

    check_target(path)  # before the work of building the tables, and before naming a file beside "/"
    meta = metadata_path(path)
    check_target(meta)
    hit = cached.read(kb, path.stem)
    if hit is not None:  # the shipped data, exported before by this very package: the same bytes
        data, rows, doc = hit

        def copy(tmp: Path) -> None:
            tmp.write_bytes(data)

        try:
            write_all_atomically([(path, copy), (meta, lambda tmp: _write_json(tmp, doc))])
            return ExportSummary("sqlite", str(path), [path.name, meta.name], rows)
        except Llama4RefError:
            pass  # nothing was left behind: export afresh, to fail (or not) exactly as without the cache
    tables = build_tables(kb)
    written: list[bytes] = []

    def database(tmp: Path) -> None:
        _write_database(tmp, kb, tables, path)
        written.append(tmp.read_bytes())

    doc = _metadata(kb, path, tables)
    write_all_atomically([(path, database), (meta, lambda tmp: _write_json(tmp, doc))])
    rows = {name: len(t.rows) for name, t in tables.items()}
    cached.store(kb, written[0], rows, doc)
    return ExportSummary("sqlite", str(path), [path.name, meta.name], rows)


def metadata_path(db_path: Path) -> Path:
    """Where the Datasette metadata of the database at ``db_path`` is written: ``NAME.metadata.json``."""
    return db_path.with_name(db_path.stem + ".metadata.json")


def _metadata(kb: KnowledgeBase, db_path: Path, tables: dict[str, Table]) -> dict[str, Any]:
    from llama4ref.export.metadata import datasette_metadata

    return datasette_metadata(kb, db_path.stem, tables)


def _write_json(tmp: Path, doc: dict[str, Any]) -> None:
    import json

    tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _write_database(tmp: Path, kb: KnowledgeBase, tables: dict[str, Table], target: Path) -> None:
    """Fill the empty file ``tmp`` with the database (no journal: the file is private until renamed)."""
    import sqlite3

    from llama4ref.export.outfile import OutputWriteError

    try:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA foreign_keys = ON")
            with db:
                fill(db, tables)
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:  # a bug in the tables, never in the data: the tree was validated
                raise RuntimeError(f"foreign key violations in the export: {problems[:5]}")
            db.execute("VACUUM")
            with db:  # after VACUUM, which may renumber the rowids the full-text tables point at
                index_full_text(db)
                add_search(db, kb)
        finally:
            db.close()
    except sqlite3.Error as exc:  # "database or disk is full", "disk I/O error", ...
        raise OutputWriteError(f"{target}: cannot write: {exc}") from exc
