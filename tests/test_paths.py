"""The fact-path grammar (llama4ref.paths): every stored path parses, prints back as itself and
has the parts the grammar gives it; the SQLite views read the same parts."""

from __future__ import annotations

import doctest
import sqlite3
from pathlib import Path

import pytest

import llama4ref.paths
from llama4ref.export.document import write_export
from llama4ref.export.tables import fact_variant
from llama4ref.paths import BENCHMARKS, LAYOUTS, FactPath
from llama4ref.store.knowledge_base import KnowledgeBase
from llama4ref.store.loaders import knowledge_base

KB = knowledge_base()
VARIANTS = sorted((v.id for v in KB.variants()), key=len, reverse=True)
PATHS = KB.paths()


def _expected_head(path: str) -> str:
    """The head by the records, not the grammar: the longest variant id the path starts with, else
    the text before the first dot."""
    for vid in VARIANTS:
        if path == vid or path.startswith(vid + "."):
            return vid
    return path.split(".", 1)[0]


def test_module_doctests_pass() -> None:
    result = doctest.testmod(llama4ref.paths)
    assert result.attempted >= 10
    assert result.failed == 0


def test_there_are_paths_of_every_shape() -> None:
    """The parametrised tests below see every area the grammar lays out, and dotted variant ids."""
    heads = {FactPath.parse(p).head for p in PATHS}
    assert set(LAYOUTS) <= heads
    assert any("." in h for h in heads)
    assert any(FactPath.parse(p).kind == BENCHMARKS for p in PATHS)


@pytest.mark.parametrize("path", PATHS)
def test_every_stored_path_parses_into_its_parts(path: str) -> None:
    fp = FactPath.parse(path)
    assert str(fp) == path
    assert FactPath.parse(str(fp)) == fp
    assert fp.head == _expected_head(path)
    rest = path[len(fp.head) + 1 :].split(".") if path != fp.head else []
    assert list(fp.segments) == rest
    assert fp.pieces == tuple(path.split("."))
    assert fp.rest == ".".join(rest)
    assert fp.leaf == (rest[-1] if rest else fp.head)
    if fp.head in LAYOUTS:
        names = LAYOUTS[fp.head]
        assert fp.kind == fp.head == fp.area
        for i, name in enumerate(names):
            assert fp.part(name) == (rest[i] if i < len(rest) else None)
        assert fp.key == ".".join(rest[len(names) :])
        if "variant" in names:
            assert fp.variant in VARIANTS, "the variant's place holds a variant id"
    elif rest[:1] == [BENCHMARKS]:
        assert fp.head in VARIANTS, "only a variant holds benchmark results"
        assert (fp.kind, fp.variant) == (BENCHMARKS, fp.head)
        if len(rest) == 2:
            assert (fp.table, fp.benchmark, fp.key) == (None, rest[1], "")
        else:
            assert (fp.table, fp.benchmark, fp.key) == (rest[1], rest[2], ".".join(rest[3:]))
    else:
        assert (fp.kind, fp.area, fp.key) == ("subject", None, ".".join(rest))
        assert fp.variant is None
        if fp.head not in VARIANTS:
            assert "-" not in fp.head, "a topic area is snake_case"
    assert fp.subject_variant(VARIANTS) == (fp.variant or (fp.head if fp.head in VARIANTS else None))
    assert fact_variant(path, VARIANTS) == (fp.head if fp.head in VARIANTS else fp.mentions(VARIANTS))


@pytest.mark.parametrize("vid", VARIANTS)
def test_every_variant_id_is_a_head(vid: str) -> None:
    """A variant id (dots and all) parses as one head, with or without segments after it."""
    assert FactPath.parse(vid) == FactPath(vid)
    assert FactPath.parse(f"{vid}.params.total") == FactPath(vid, ("params", "total"))


def test_parent_child_and_prefixes() -> None:
    fp = FactPath.parse("providers.groq.scout.price.input")
    assert fp.parent == FactPath.parse("providers.groq.scout.price")
    assert fp.parent is not None and fp.parent.child("input") == fp
    assert FactPath("providers").parent is None
    assert fp.startswith("providers.groq") and fp.startswith(FactPath("providers"))
    assert not fp.startswith("providers.gro") and not fp.startswith("runtime")
    assert fp.after("providers.groq") == ("scout", "price", "input")
    with pytest.raises(ValueError, match="not under"):
        fp.after("runtime")
    assert FactPath.parse("gpt-4.5.x").head == "gpt-4.5"
    assert FactPath.parse("gpt-4o.x").head == "gpt-4o"
    assert FactPath.parse("files.scout.mlx.4bit.bytes").head == "files", "a snake head takes no version pieces"
    assert FactPath.parse("runtime.vllm.scout").hardware is None
    assert FactPath.parse("runtime.vllm.scout").key == ""


@pytest.mark.parametrize("text", ["", ".scout", "scout.", "scout..x", "Scout.params", "scout.params-total", "a b", "scout/x"])
def test_what_is_not_a_path(text: str) -> None:
    with pytest.raises(ValueError, match="not a fact path"):
        FactPath.parse(text)
    assert FactPath.parse_or_none(text) is None


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path: Path = tmp_path_factory.mktemp("paths") / "export.db"
    write_export(KB, "sqlite", path)
    return sqlite3.connect(path)


def test_sqlite_views_read_the_grammars_parts(db: sqlite3.Connection, kb: KnowledgeBase) -> None:
    """The views' SQL (built from LAYOUTS and BENCHMARKS) gives what FactPath gives, row for row."""
    providers = db.execute("SELECT path, provider, variant_id, key FROM v_provider_facts").fetchall()
    assert len(providers) == len(kb.paths("providers"))
    for path, provider, vid, key in providers:
        fp = FactPath.parse(path)
        assert (provider, vid, key) == (fp.provider, fp.variant, fp.key)
    runtime = db.execute("SELECT path, engine, variant_id FROM v_runtime_facts").fetchall()
    assert len(runtime) == len(kb.paths("runtime"))
    for path, engine, vid in runtime:
        fp = FactPath.parse(path)
        assert (engine, vid) == (fp.engine, fp.variant)
    benchmarks = db.execute("SELECT path, variant_id, benchmark_key FROM v_benchmarks").fetchall()
    assert len(benchmarks) == sum(FactPath.parse(p).kind == BENCHMARKS for p in kb.paths())
    for path, vid, key in benchmarks:
        fp = FactPath.parse(path)
        assert (vid, key) == (fp.variant, ".".join(fp.segments[1:]))


def test_sqlite_segment_sql_only_where_the_offset_is_fixed() -> None:
    from llama4ref.export.sqlite import _after_variant_sql, _segment_sql

    assert "substr(f.path, 11," in _segment_sql("providers", "provider")
    with pytest.raises(ValueError):
        _segment_sql("runtime", "variant")
    with pytest.raises(ValueError):
        _after_variant_sql("runtime")
