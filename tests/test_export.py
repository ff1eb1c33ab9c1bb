"""Exports: SQLite with keys and views, JSON against its schema, JSONL lines, CSV tables, Datasette."""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from llama4ref.export.document import export_document, render_json, render_jsonl, write_csv, write_export
from llama4ref.export.sqlite import VIEWS
from llama4ref.export.tables import TABLE_NAMES, fact_variant
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import REPO, run_cli


@pytest.fixture(scope="module")
def db_path(kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "llama4ref.db"
    write_export(kb, "sqlite", path)
    return path


@pytest.fixture
def db(db_path: Path) -> Any:
    con = sqlite3.connect(db_path)
    yield con
    con.close()


def count(db: sqlite3.Connection, table: str, where: str = "1") -> int:
    (n,) = db.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()
    return int(n)


def test_sqlite_foreign_keys_are_declared_and_clean(db: sqlite3.Connection) -> None:
    """Citations reference sources (and their owners) by foreign key, and `PRAGMA foreign_key_check` is clean."""
    refs = {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(citations)")}
    assert {("sources", "source_id"), ("facts", "fact_path"), ("alternatives", "alternative_id")} <= refs
    assert {r[2] for r in db.execute("PRAGMA foreign_key_list(facts)")} == {"variants", "sheets"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_sqlite_tables_have_primary_keys(db: sqlite3.Connection) -> None:
    """Every table has a primary key."""
    for table in TABLE_NAMES:
        assert any(row[5] for row in db.execute(f"PRAGMA table_info({table})")), table


def test_sqlite_row_counts_equal_the_knowledge_base(db: sqlite3.Connection, kb: KnowledgeBase) -> None:
    """One row per fact (stored and derived), source, variant, sheet, license term and identifier;
    a license term is a row of license_terms only, never also one of facts (its view, license_terms.<id>)."""
    stored = kb.paths(derived=False)
    exported = kb.paths(terms=False)
    assert count(db, "facts") == len(exported) == len(kb.paths()) - len(kb.license_terms())
    assert count(db, "facts", "derived = 1") == len(exported) - len(stored)
    assert count(db, "facts", "path LIKE 'license\\_terms.%' ESCAPE '\\'") == 0
    assert count(db, "sources") == len(kb.sources())
    assert count(db, "variants") == len(kb.variants())
    assert count(db, "sheets") == len(kb.sheets())
    assert count(db, "license_terms") == len(kb.license_terms())
    assert count(db, "identifiers") == len(kb.identifiers())
    shared = db.execute("SELECT name FROM identifiers GROUP BY name HAVING count(*) > 1").fetchall()
    assert ("Llama-4-Scout-17B-16E-Instruct",) in shared  # Meta's model id, reused by Azure
    facts = [kb.get(p) for p in stored]
    assert count(db, "alternatives") == sum(len(f.alternatives) for f in facts)
    cits = sum(len(f.citations) + sum(len(a.citations) for a in f.alternatives) for f in facts)
    cits += sum(len(t.citations) for t in kb.license_terms())
    cits += sum(len(i.citations) for i in kb.identifiers())
    assert count(db, "citations") == cits


def test_sqlite_values_keep_their_types(db: sqlite3.Connection, kb: KnowledgeBase) -> None:
    """Integers stay integers, text stays text (no '3.10' → 3.1), and value_json is exact."""
    for path in kb.paths(derived=False):
        value = kb.get(path).value
        row = db.execute("SELECT value, value_json FROM facts WHERE path = ?", (path,)).fetchone()
        assert json.loads(row[1]) == value, path
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            assert row[0] == value and type(row[0]) is type(value), path


def test_derived_facts_name_their_inputs(db: sqlite3.Connection, kb: KnowledgeBase) -> None:
    """Derived rows are marked derived=1 with a formula, and their inputs are rows of `facts`."""
    for path, formula in db.execute("SELECT path, formula FROM facts WHERE derived = 1"):
        fact = kb.get(path)
        assert fact.derived and formula == fact.formula
        inputs = [
            r[0] for r in db.execute("SELECT input_path FROM derived_inputs WHERE fact_path = ? ORDER BY position", (path,))
        ]
        assert tuple(inputs) == fact.inputs


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_view_answers(db: sqlite3.Connection, view: str) -> None:
    """Every view runs and returns rows with named columns."""
    cur = db.execute(f"SELECT * FROM {view}")
    assert [d[0] for d in cur.description]
    cur.fetchall()


def test_views_cover_the_data(db: sqlite3.Connection, kb: KnowledgeBase) -> None:
    """v_benchmarks has every benchmark fact, v_conflicts every alternative, v_fact_sources every stored fact."""
    benchmarks = [p for p in kb.paths() if ".benchmarks." in p and not p.startswith(("providers.", "runtime."))]
    assert count(db, "v_benchmarks") == len(benchmarks)
    assert count(db, "v_conflicts") == count(db, "alternatives")
    backed = {r[0] for r in db.execute("SELECT DISTINCT path FROM v_fact_sources")}
    assert set(kb.paths(derived=False)) <= backed
    ids = [v.id for v in kb.variants()]
    providers = {(p.split(".")[1], fact_variant(p, ids)) for p in kb.paths() if p.startswith("providers.")}
    assert count(db, "v_provider_limits") == len(providers)


def test_sqlite_export_is_deterministic(kb: KnowledgeBase, db_path: Path, tmp_path: Path) -> None:
    """Two exports of the same data hold the same rows and ids."""
    again = tmp_path / "again.db"
    write_export(kb, "sqlite", again)
    dumps = []
    for path in (db_path, again):
        con = sqlite3.connect(path)
        dumps.append(list(con.iterdump()))
        con.close()
    assert dumps[0] == dumps[1]


def test_json_export_validates_against_its_schema(kb: KnowledgeBase) -> None:
    """The JSON document validates against schemas/export.schema.json and carries both versions."""
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    doc = json.loads(render_json(export_document(kb)))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)
    assert doc["schema_version"] == 3 and doc["data_version"] == kb.data_version
    assert doc["counts"]["facts"] == len(doc["facts"]) == len(kb.paths(terms=False))  # the terms: in license_terms only
    total = next(f for f in doc["facts"] if f["path"] == "scout.params.total")
    assert total["value"] == 109_000_000_000 and total["citations"][0]["quote"]


def test_json_schema_rejects_unknown_keys() -> None:
    """The export schema forbids keys it does not document."""
    schema = json.loads((REPO / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    assert schema["additionalProperties"] is False
    jsonschema.Draft202012Validator.check_schema(schema)


def test_jsonl_has_one_typed_object_per_line(kb: KnowledgeBase) -> None:
    """Every JSONL line is an object with a `type`; the meta line comes first; counts match the document."""
    doc = export_document(kb)
    lines = [json.loads(line) for line in render_jsonl(doc).splitlines()]
    assert lines[0]["type"] == "meta" and lines[0]["data_version"] == kb.data_version
    types = [line["type"] for line in lines[1:]]
    assert types.count("fact") == doc.counts["facts"] and types.count("source") == doc.counts["sources"]
    assert len(lines) == 1 + sum(doc.counts.values())


def test_csv_tables_match_sqlite(kb: KnowledgeBase, db: sqlite3.Connection, tmp_path: Path) -> None:
    """One CSV per table with a header row and the same row count as the SQLite table."""
    summary = write_csv(kb, tmp_path / "csv")
    assert sorted(summary.files) == sorted(f"{t}.csv" for t in TABLE_NAMES)
    for table in TABLE_NAMES:
        with (tmp_path / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        assert len(rows) - 1 == count(db, table) == summary.rows[table]


def test_cli_export_sqlite_json_summary(tmp_path: Path, kb: KnowledgeBase) -> None:
    """`export -f sqlite -o PATH --json` writes the file and prints the envelope with row counts."""
    res = run_cli("export", "--format", "sqlite", "-o", str(tmp_path / "x.db"), "--json")
    assert res.code == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["kind"] == "export" and doc["data"]["rows"]["facts"] == len(kb.paths(terms=False))
    assert (tmp_path / "x.db").is_file()


def test_cli_export_json_to_stdout(kb: KnowledgeBase) -> None:
    """`export` with no -o prints the JSON document."""
    res = run_cli("export", "--format", "jsonl")
    assert res.code == 0 and json.loads(res.stdout.splitlines()[0])["type"] == "meta"


@pytest.mark.parametrize("fmt", ["csv", "sqlite"])
def test_cli_export_files_need_output(fmt: str) -> None:
    """csv and sqlite need -o: exit 2 with one line on stderr."""
    res = run_cli("export", "--format", fmt)
    assert res.code == 2 and res.stderr.count("\n") == 1 and "-o" in res.stderr


def test_datasette_opens_the_export(db_path: Path, kb: KnowledgeBase) -> None:
    """Datasette serves the tables, the views and the foreign-key links of the export."""
    from datasette.app import Datasette

    async def browse() -> tuple[Any, Any, Any]:
        ds = Datasette([str(db_path)])
        name = db_path.stem
        tables = (await ds.client.get(f"/{name}.json")).json()
        facts = (await ds.client.get(f"/{name}/facts.json?_shape=array&path=scout.params.total")).json()
        bench = (await ds.client.get(f"/{name}/v_conflicts.json?_shape=array&_size=3")).json()
        return tables, facts, bench

    tables, facts, conflicts = asyncio.run(browse())
    names = {t["name"] for t in tables["tables"]}
    assert set(TABLE_NAMES) <= names
    assert set(VIEWS) <= {v["name"] for v in tables["views"]}
    citations = next(t for t in tables["tables"] if t["name"] == "citations")
    assert any(fk["other_table"] == "sources" for fk in citations["foreign_keys"]["outgoing"])
    assert facts[0]["value"] == 109_000_000_000
    assert isinstance(conflicts, list)


def test_every_column_is_described_for_datasette(db_path: Path) -> None:
    """The metadata written beside the database describes every table and every column, and nothing else."""
    from llama4ref.export.sqlite import metadata_path

    meta = json.loads(metadata_path(db_path).read_text(encoding="utf-8"))
    assert meta["title"] and meta["description"] and meta["license"] and meta["source"]
    tables = meta["databases"][db_path.stem]["tables"]
    assert set(tables) == set(TABLE_NAMES)
    con = sqlite3.connect(db_path)
    for name, entry in tables.items():
        columns = [row[1] for row in con.execute(f"PRAGMA table_info({name})")]
        assert list(entry["columns"]) == columns, name
        assert entry["description"] and all(entry["columns"].values()), name
    con.close()


def test_list_and_mapping_values_have_their_own_rows(db: sqlite3.Connection, kb: KnowledgeBase) -> None:
    """Checkpoint lists and other structured values are rows of fact_value_items, not only JSON strings."""
    checkpoints = kb.get("maverick.checkpoints").value
    assert isinstance(checkpoints, list) and isinstance(checkpoints[0], dict)
    rows = db.execute(
        "SELECT item, key, value FROM fact_value_items WHERE fact_path = 'maverick.checkpoints' ORDER BY item, key"
    ).fetchall()
    assert len({r[0] for r in rows}) == len(checkpoints)
    first = {k: v for item, k, v in rows if item == 1}
    assert first == {
        k: (int(v) if isinstance(v, bool) else v) for k, v in checkpoints[0].items() if not isinstance(v, (list, dict))
    } | {k: json.dumps(v, ensure_ascii=False, sort_keys=True) for k, v in checkpoints[0].items() if isinstance(v, (list, dict))}
    structured = [f for f in kb.facts() if isinstance(f.value, (list, dict)) and f.value]
    assert count(db, "fact_value_items") >= len(structured) > 0
    assert {r[0] for r in db.execute("SELECT DISTINCT fact_path FROM fact_value_items")} == {f.path for f in structured}


def test_authors_and_references_are_relational(db: sqlite3.Connection, kb: KnowledgeBase) -> None:
    """Authors are rows in order; a transcription and a superseding alternative are foreign keys."""
    with_authors = [s for s in kb.sources() if len(s.authors) > 1]
    assert with_authors
    s = with_authors[0]
    got = [r[0] for r in db.execute("SELECT author FROM source_authors WHERE source_id = ? ORDER BY position", (s.id,))]
    assert got == list(s.authors)
    assert ("sources", "transcribes") in {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(sources)")}
    assert ("alternatives", "superseded_by_alternative_id") in {
        (r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(alternatives)")
    }
    by_claim = count(db, "alternatives", "superseded_by IS NOT NULL AND superseded_by != 'preferred'")
    assert count(db, "alternatives", "superseded_by_alternative_id IS NOT NULL") == by_claim


def test_datasette_reads_the_metadata_searches_and_facets(db_path: Path) -> None:
    """With Datasette's own test client: the metadata loads, full-text search finds the right rows, a facet counts."""
    from datasette.app import Datasette

    from llama4ref.export.sqlite import metadata_path

    metadata = json.loads(metadata_path(db_path).read_text(encoding="utf-8"))
    name = db_path.stem

    async def browse() -> dict[str, Any]:
        ds = Datasette([str(db_path)], metadata=metadata)
        get = ds.client.get
        return {
            "meta": (await get("/-/metadata.json")).json(),
            "sources": (await get(f"/{name}/sources.json?_search=vLLM+recipes&_shape=array")).json(),
            "quotes": (await get(f'/{name}/citations.json?_search="Built with Llama"&_shape=array&_size=max')).json(),
            "nothing": (await get(f"/{name}/citations.json?_search=zzzqqqxxx&_shape=array")).json(),
            "facet": (await get(f"/{name}/facts.json?_facet=unit&_size=0")).json(),
            "table": (await get(f"/{name}/facts.json?_size=0")).json(),
        }

    got = asyncio.run(browse())
    assert got["meta"]["title"] == metadata["title"]
    assert any("vllm" in s["id"] and "recipes" in s["id"] for s in got["sources"])
    assert got["quotes"] and all("built with llama" in q["quote"].casefold() for q in got["quotes"])
    assert "license.attribution" in {q["fact_path"] for q in got["quotes"]}
    assert got["nothing"] == []
    units = {f["value"]: f["count"] for f in got["facet"]["facet_results"]["unit"]["results"]}
    con = sqlite3.connect(db_path)
    expected = dict(con.execute("SELECT unit, count(*) FROM facts GROUP BY unit").fetchall())
    con.close()
    assert units and all(expected[unit] == n for unit, n in units.items())
    assert units["parameters"] == expected["parameters"] > 0
