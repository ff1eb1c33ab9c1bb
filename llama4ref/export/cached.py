"""The SQLite export of the shipped knowledge base, kept beside the validation cache.

The shipped data changes only with the package, so its database is the same bytes every time:
the first ``export --format sqlite`` stores them (with the row counts and Datasette's metadata),
later ones copy them. The key is the package's modules (as llama4ref.store.treecache fingerprints
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
PREFIX = "export-sqlite-"


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
    try:
        found = _key(kb)
        if found is None:
            return None
        where, key = found
        info = json.loads((where / f"{PREFIX}{key}.json").read_text(encoding="utf-8"))
        data = (where / f"{PREFIX}{key}.sqlite").read_bytes()
        if info.get("key") != key or len(data) != info["size"] or hashlib.sha256(data).hexdigest() != info["sha256"]:
            return None
        doc: dict[str, Any] = info["metadata"]
        doc["databases"] = {database: next(iter(doc["databases"].values()))}
        return data, {str(k): int(v) for k, v in info["rows"].items()}, doc
    except (OSError, ValueError, KeyError, TypeError, AttributeError, StopIteration):
        return None


def store(kb: KnowledgeBase, data: bytes, rows: dict[str, int], metadata: dict[str, Any]) -> None:
    """Keep ``data`` (the database just written) for the next export; failures are ignored."""
    from llama4ref.store.treecache import atomic_write_bytes

    with contextlib.suppress(OSError, ValueError):
        found = _key(kb)
        if found is None:
            return
        where, key = found
        where.mkdir(parents=True, exist_ok=True)
        info = {"key": key, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "rows": rows, "metadata": metadata}
        atomic_write_bytes(where / f"{PREFIX}{key}.sqlite", data)
        atomic_write_bytes(where / f"{PREFIX}{key}.json", json.dumps(info, ensure_ascii=False).encode("utf-8"))
        for old in where.glob(f"{PREFIX}*"):  # only the newest package's export is kept
            if not old.name.startswith(f"{PREFIX}{key}."):
                with contextlib.suppress(OSError):
                    old.unlink()
