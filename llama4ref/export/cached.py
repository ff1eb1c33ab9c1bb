"""The exports of the shipped knowledge base, kept beside the validation cache.

The shipped data changes only with the package, so its database and its JSON and JSONL
documents are the same bytes every time: the first export in a format stores them (with the row
counts, and for SQLite Datasette's metadata), later ones copy them. The key is the package's modules (as llama4ref.store.treecache fingerprints
them), every file of the shipped index (name, size, time) and the SQLite library's version; only
the newest entry is kept. Nothing but the shipped knowledge base is cached, ``LLAMA4REF_NO_CACHE=1``
turns it off, and a cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from llama4ref.store.knowledge_base import KnowledgeBase

FORMAT = 1
SUFFIX = {  # an entry is export-<format>-<key><suffix>, with export-<format>-<key>.json beside it
    "sqlite": ".sqlite",
    "json": ".json-doc",
    "jsonl": ".jsonl-doc",
}


def _key(kb: KnowledgeBase) -> tuple[Path, str] | None:
    """Where the entry lives and its key, or None (not the shipped data, cache off, unusual install)."""
    import sqlite3

    from llama4ref.store import loaders, treecache

    where = treecache.cache_dir()
    if where is None or not loaders.is_shipped(kb):
        return None
    index = Path(__file__).resolve().parent.parent / "_index"  # the package's shipped index
    if not index.is_dir():
        return None  # a zipped install: no file times to key on
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{FORMAT}\0{sqlite3.sqlite_version}\0{kb.data_version}\0".encode())
    h.update(treecache.code_fingerprint().encode())
    for entry in sorted(os.scandir(index), key=lambda e: e.name):
        st = entry.stat()
        h.update(f"{entry.name}:{st.st_size}:{st.st_mtime_ns}\0".encode())
    return where, h.hexdigest()


def read(kb: KnowledgeBase, database: str) -> tuple[bytes, dict[str, int], dict[str, Any]] | None:
    """The stored database, its row counts and its metadata document (for ``database``), or None."""
    hit = read_bytes(kb, "sqlite")
    if hit is None:
        return None
    data, info = hit
    try:
        doc: dict[str, Any] = info["metadata"]
        doc["databases"] = {database: next(iter(doc["databases"].values()))}
        return data, _rows(info), doc
    except (KeyError, TypeError, AttributeError, StopIteration, ValueError):
        return None


def read_text(kb: KnowledgeBase, fmt: str) -> tuple[str, dict[str, int]] | None:
    """The stored ``json`` or ``jsonl`` document and its counts, or None."""
    hit = read_bytes(kb, fmt)
    if hit is None:
        return None
    try:
        return hit[0].decode("utf-8"), _rows(hit[1])
    except (UnicodeDecodeError, KeyError, TypeError, AttributeError, ValueError):
        return None


def _rows(info: dict[str, Any]) -> dict[str, int]:
    return {str(k): int(v) for k, v in info["rows"].items()}


def read_bytes(kb: KnowledgeBase, fmt: str) -> tuple[bytes, dict[str, Any]] | None:
    """The stored export in ``fmt`` and what was kept with it, or None."""
    try:
        found = _key(kb)
        if found is None:
            return None
        where, key = found
        name = f"export-{fmt}-{key}"
        info = json.loads((where / f"{name}.json").read_text(encoding="utf-8"))
        data = (where / f"{name}{SUFFIX[fmt]}").read_bytes()
        if info.get("key") != key or len(data) != info["size"] or hashlib.sha256(data).hexdigest() != info["sha256"]:
            return None
        return (data, info) if isinstance(info, dict) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def store(kb: KnowledgeBase, data: bytes, rows: dict[str, int], metadata: dict[str, Any]) -> None:
    """Keep ``data`` (the database just written) for the next export; failures are ignored."""
    store_bytes(kb, "sqlite", data, {"rows": rows, "metadata": metadata})


def store_text(kb: KnowledgeBase, fmt: str, text: str, rows: dict[str, int]) -> None:
    """Keep the ``json`` or ``jsonl`` document just rendered; failures are ignored."""
    store_bytes(kb, fmt, text.encode("utf-8"), {"rows": rows})


def store_bytes(kb: KnowledgeBase, fmt: str, data: bytes, extra: dict[str, Any]) -> None:
    """Keep ``data`` (an export in ``fmt``) and ``extra`` beside it; only the newest package's
    entry of each format is kept. Failures are ignored."""
    from llama4ref.store.treecache import atomic_write_bytes

    with contextlib.suppress(OSError, ValueError):
        found = _key(kb)
        if found is None:
            return
        where, key = found
        name = f"export-{fmt}-{key}"
        where.mkdir(parents=True, exist_ok=True)
        info = {"key": key, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), **extra}
        atomic_write_bytes(where / f"{name}{SUFFIX[fmt]}", data)
        atomic_write_bytes(where / f"{name}.json", json.dumps(info, ensure_ascii=False).encode("utf-8"))
        for old in where.glob(f"export-{fmt}-*"):
            if not old.name.startswith(f"{name}."):
                with contextlib.suppress(OSError):
                    old.unlink()
