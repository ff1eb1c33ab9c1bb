"""The validation cache (llama4ref.store.treecache): a hit reports exactly what a fresh validation
does, any change to the tree is a miss, a broken or unwritable cache is ignored, and a hit imports
neither pydantic nor PyYAML."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import llama4ref
from llama4ref.errors import DataError
from llama4ref.records.tree import load_tree
from llama4ref.store.treecache import cache_dir, checked_tree, tree_key
from tests.conftest import MINIMAL_TREE, run_cli

BROKEN = {
    "sources/card.yaml": MINIMAL_TREE["sources/card.yaml"] + "colour: blue\n",  # a field sources do not have
    "variants/odd.yaml": "id: [unclosed\n",
    "stray.txt": "not a record\n",
    "variants/notes.md": "# notes\n",
}


def _entries(where: Path) -> list[Path]:
    return sorted(where.glob("*.json")) if where.is_dir() else []


def test_a_hit_reports_exactly_what_a_fresh_validation_does(make_tree: Callable[..., Path]) -> None:
    root = make_tree(BROKEN)
    fresh = load_tree(root).diagnostics
    assert len(fresh) >= 4
    first = checked_tree(root)
    second = checked_tree(root)
    assert not first.cached and second.cached
    assert second.diagnostics == first.diagnostics == fresh
    assert (second.file_count, second.record_count, second.fact_count, second.data_version) == (
        first.file_count,
        first.record_count,
        first.fact_count,
        first.data_version,
    )
    assert run_cli("validate", str(root), "--json").stdout == run_cli("validate", str(root), "--json", "--no-cache").stdout


def test_a_copy_elsewhere_hits_and_names_its_own_files(make_tree: Callable[..., Path], tmp_path: Path) -> None:
    root = make_tree(BROKEN)
    checked_tree(root)
    copy = tmp_path / "elsewhere" / "facts"
    shutil.copytree(root, copy)
    hit = checked_tree(copy)
    assert hit.cached
    assert hit.diagnostics == load_tree(copy).diagnostics
    assert all(d.file.startswith(str(copy)) for d in hit.diagnostics)


def test_a_valid_tree_hits_with_the_same_index(make_tree: Callable[..., Path]) -> None:
    root = make_tree()
    first, second = checked_tree(root), checked_tree(root)
    assert second.cached and second.ok
    assert second.index == json.loads(json.dumps(first.index))
    assert llama4ref.load(root).get("scout.params.total").value == 109_000_000_000


def test_any_change_to_the_tree_is_a_miss(make_tree: Callable[..., Path]) -> None:
    root = make_tree()
    key = tree_key(root)
    assert checked_tree(root).ok
    (root / "variants" / "scout.yaml").write_text(
        (root / "variants" / "scout.yaml").read_text(encoding="utf-8").replace("109_000", "109_001"), encoding="utf-8"
    )
    assert tree_key(root) != key
    changed = checked_tree(root)
    assert not changed.cached
    key = tree_key(root)
    (root / "variants" / "stray.txt").write_text("x", encoding="utf-8")  # a name the loader reports, not a file it reads
    assert tree_key(root) != key
    after = checked_tree(root)
    assert not after.cached and "L4R-T002" in [d.code for d in after.diagnostics]
    assert after.diagnostics == load_tree(root).diagnostics


def test_the_date_a_result_holds_for(make_tree: Callable[..., Path]) -> None:
    """A source retrieved "in the future" is an error until that day; a cached result is not reused past it."""
    root = make_tree()
    before, after = date(2026, 11, 22), date(2026, 11, 23)
    assert [d.code for d in checked_tree(root, today=before).diagnostics] == ["L4R-T010"]
    assert checked_tree(root, today=before).cached
    fresh = checked_tree(root, today=after)
    assert not fresh.cached and fresh.ok
    assert checked_tree(root, today=date(2030, 1, 1)).cached


@pytest.mark.parametrize("damage", ["garbage", "empty", "foreign", "wrong-key", "no-index"])
def test_a_corrupt_entry_is_ignored_and_rebuilt(make_tree: Callable[..., Path], damage: str) -> None:
    root = make_tree()
    checked_tree(root)
    where = cache_dir()
    assert where is not None
    key = tree_key(root)
    entry, index = where / f"{key}.json", where / f"{key}.index.json"
    if damage == "garbage":
        entry.write_bytes(b"\xff\x00{not json")
    elif damage == "empty":
        entry.write_text("", encoding="utf-8")
    elif damage == "foreign":
        entry.write_text(json.dumps({"format": 999, "key": key}), encoding="utf-8")
    elif damage == "wrong-key":
        entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")) | {"key": "0" * 40}), encoding="utf-8")
    else:
        index.unlink()
    again = checked_tree(root)
    assert not again.cached and again.ok and again.index is not None
    assert checked_tree(root).cached  # rewritten


def test_an_unusable_cache_directory_is_ignored(
    make_tree: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree(BROKEN)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("LLAMA4REF_CACHE_DIR", str(blocker / "trees"))
    done = run_cli("validate", str(root))
    assert done.code == 1 and "Traceback" not in done.stderr
    assert checked_tree(root).diagnostics == load_tree(root).diagnostics


def test_no_cache_reads_and_writes_nothing(
    make_tree: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree()
    where = tmp_path / "private-cache"
    monkeypatch.setenv("LLAMA4REF_CACHE_DIR", str(where))
    assert run_cli("validate", str(root), "--no-cache").code == 0
    assert _entries(where) == []
    monkeypatch.setenv("LLAMA4REF_NO_CACHE", "1")
    assert cache_dir() is None
    assert run_cli("validate", str(root)).code == 0
    llama4ref.load(root)
    assert _entries(where) == []
    monkeypatch.delenv("LLAMA4REF_NO_CACHE")
    assert run_cli("validate", str(root)).code == 0
    assert len(_entries(where)) == 1  # the entry only (validate needs no index)


def test_where_the_cache_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("LLAMA4REF_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "llama4ref" / "trees"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "llama4ref" / "trees"


def test_an_invalid_tree_from_the_cache_still_refuses_to_load(make_tree: Callable[..., Path]) -> None:
    root = make_tree(BROKEN)
    for _ in range(2):
        with pytest.raises(DataError) as err:
            llama4ref.load(root)
        assert err.value.diagnostics == load_tree(root).diagnostics


def test_a_hit_imports_neither_pydantic_nor_yaml(
    make_tree: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_tree()
    monkeypatch.setenv("LLAMA4REF_CACHE_DIR", str(tmp_path / "own-cache"))  # empty: the first run is a miss
    code = (
        "import sys, llama4ref\n"
        "from llama4ref.store.treecache import checked_tree\n"
        f"kb = llama4ref.load({str(root)!r})\n"
        f"print(checked_tree(__import__('pathlib').Path({str(root)!r})).cached, kb.get('scout.params.total').value,"
        " sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60) for _ in range(2)
    ]
    assert runs[0].stdout.split()[:2] == ["True", "109000000000"]  # the first load stored it
    assert "pydantic" in runs[0].stdout  # a miss validates with pydantic
    assert runs[1].stdout.strip() == "True 109000000000 []"
    cli = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "llama4ref", "validate", str(root)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    imported = {line.split("|")[-1].strip() for line in cli.stderr.splitlines() if line.startswith("import time:")}
    assert "llama4ref.store.treecache" in imported
    assert not imported & {"pydantic", "yaml"}


def test_refresh_reads_the_same_links_from_the_index_as_from_the_records() -> None:
    """``refresh`` compares through a view of the compiled index (no YAML, no pydantic); each link it
    finds is the one the loaded records give, down to the file and the quoted value."""
    from llama4ref.domain import refresh
    from tests.conftest import REPO

    loaded, _ = refresh.load_store(REPO / "facts", records=True)
    viewed, _ = refresh.load_store(REPO / "facts")
    assert type(viewed).__name__ == "RecordsView"

    def rows(tree: refresh.Records) -> list[tuple[object, ...]]:
        return [
            (
                str(k.record.doc.path),
                k.record.key,
                k.provider,
                k.variant,
                k.fact,
                k.claim,
                k.citation,
                k.version,
                k.key,
                k.field,
                k.value,
            )
            for k in refresh.links(tree)
        ]

    assert rows(viewed) == rows(loaded) and len(rows(loaded)) > 20
    assert refresh.baseline_version(viewed) == refresh.baseline_version(loaded)
    assert refresh.release_sources(viewed) == refresh.release_sources(loaded)


def test_the_shipped_export_from_the_cache_is_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``export --format sqlite`` of the shipped data stores the database once and copies it after:
    byte for byte what a fresh export writes (the metadata names the new file)."""
    monkeypatch.setenv("LLAMA4REF_CACHE_DIR", str(tmp_path / "cache"))
    outs = []
    for name in ("first", "second"):
        assert run_cli("export", "--format", "sqlite", "-o", str(tmp_path / f"{name}.db")).code == 0
        outs.append(tmp_path / f"{name}.db")
    assert sorted(p.suffix for p in (tmp_path / "cache").iterdir()) == [".json", ".sqlite"]
    monkeypatch.setenv("LLAMA4REF_NO_CACHE", "1")
    assert run_cli("export", "--format", "sqlite", "-o", str(tmp_path / "fresh.db")).code == 0
    fresh = (tmp_path / "fresh.db").read_bytes()
    assert outs[0].read_bytes() == outs[1].read_bytes() == fresh
    meta = [json.loads((tmp_path / f"{n}.metadata.json").read_text(encoding="utf-8")) for n in ("second", "fresh")]
    assert list(meta[0]["databases"]) == ["second"]
    assert meta[0]["databases"]["second"] == meta[1]["databases"]["fresh"]
    assert {k: v for k, v in meta[0].items() if k != "databases"} == {k: v for k, v in meta[1].items() if k != "databases"}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_shipped_documents_from_the_cache_are_the_same_bytes(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``export --format json|jsonl`` of the shipped data renders the document once and copies it
    after, to a file or to stdout: what a fresh export writes, with the same summary."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("LLAMA4REF_CACHE_DIR", str(cache))
    first = run_cli("export", "--format", fmt, "-o", str(tmp_path / "first"), "--json")
    assert first.code == 0 and list(cache.glob(f"export-{fmt}-*.json"))
    second = run_cli("export", "--format", fmt, "-o", str(tmp_path / "second"), "--json")
    piped = run_cli("export", "--format", fmt)
    monkeypatch.setenv("LLAMA4REF_NO_CACHE", "1")
    fresh = run_cli("export", "--format", fmt, "-o", str(tmp_path / "fresh"), "--json")
    want = (tmp_path / "fresh").read_text(encoding="utf-8")
    assert (tmp_path / "first").read_text(encoding="utf-8") == (tmp_path / "second").read_text(encoding="utf-8") == want
    assert piped.stdout == want
    rows = [json.loads(r.stdout)["data"]["rows"] for r in (first, second, fresh)]
    assert rows[0] == rows[1] == rows[2] and rows[0]["facts"] > 1000


def test_a_damaged_document_in_the_cache_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("LLAMA4REF_CACHE_DIR", str(cache))
    assert run_cli("export", "--format", "json").code == 0
    (entry,) = cache.glob("export-json-*.json-doc")
    entry.write_text('{"forged": true}\n', encoding="utf-8")
    out = run_cli("export", "--format", "json")
    assert out.code == 0 and '"forged"' not in out.stdout and '"facts"' in out.stdout
