"""A content-addressed cache of facts-tree validations, as ruff's, mypy's and pytest's caches are.

Validating a tree (strict YAML loader, pydantic models, cross-record checks) costs more than the
start-up of the whole command; a tree that has not changed since it was last validated gives the
same answer. :func:`checked_tree` keys each result on

* this cache's format, the package version, and the size and modification time of every module
  of the installed package and of the libraries that read and validate records (PyYAML, pydantic),
  so an upgrade or an edited checkout never reads an older result;
* every entry of the tree, as the loader sees it (name, file type and permissions), and the BLAKE2b hash of
  every file the loader reads (the records and ``DATA_VERSION``);

and stores the diagnostics, the counts ``validate`` prints and the compiled index (JSON), each
entry written atomically (a temporary file, then a rename). A tree that could not be read in
full is never stored. The date a check compares with
(a source retrieved "in the future") is kept as the range of days the result holds for.

Entries live in ``$LLAMA4REF_CACHE_DIR``, else ``$XDG_CACHE_HOME/llama4ref/trees``, else
``~/.cache/llama4ref/trees``; ``LLAMA4REF_NO_CACHE=1`` (or ``use_cache=False``, ``validate
--no-cache``) bypasses it. A cache that cannot be read or written (a read-only home, a corrupt or
foreign entry, an unreadable corner of the tree) is ignored and the tree validated afresh: the
cache never changes what is reported, only how fast. A hit imports neither pydantic nor PyYAML.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama4ref.diagnostics import Diagnostic, Position
from llama4ref.version import __version__

if TYPE_CHECKING:
    from llama4ref.records.tree import Tree

__all__ = ["CheckedTree", "atomic_write_bytes", "cache_dir", "checked_tree", "code_fingerprint", "tree_key"]

FORMAT = 2
"""The layout of an entry; a change makes every older entry a miss."""
MAX_ENTRIES = 64
"""Entries kept; the least recently written go first."""
MAX_HASHED_BYTES = 4 * 1_048_576
"""A tree holding a larger file is not cached (the loader refuses it by size anyway)."""
UNCACHED = frozenset({"L4R-Y001", "L4R-T016"})
"""Codes of a tree that could not be read (permissions, I/O): the outcome depends on more than
its content, so it is never stored."""
_PACKAGE = Path(__file__).resolve().parent.parent
_LIBRARIES = ("yaml", "pydantic", "pydantic_core")


@dataclass
class CheckedTree:
    """What validating a tree found: its diagnostics and counts, and (when valid) its compiled index."""

    root: Path
    diagnostics: list[Diagnostic]
    file_count: int
    record_count: int
    fact_count: int
    data_version: str
    index: dict[str, Any] | None = None
    cached: bool = False
    tree: Tree | None = field(default=None, repr=False)
    """The loaded records, on a fresh validation only (a hit has none)."""
    derived_count: int | None = None
    """How many derived facts the tree's stored facts give (None for an invalid tree)."""

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def cache_dir() -> Path | None:
    """Where entries are kept, or None when the cache is switched off (``LLAMA4REF_NO_CACHE``)."""
    if os.environ.get("LLAMA4REF_NO_CACHE", "") not in ("", "0"):
        return None
    explicit = os.environ.get("LLAMA4REF_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "llama4ref" / "trees"


def checked_tree(root: Path, *, use_cache: bool = True, index: bool = True, today: date | None = None) -> CheckedTree:
    """Validate the facts tree at ``root`` (and compile its index when ``index`` and it is valid),
    or read the result of an identical earlier validation from the cache."""
    today = today or date.today()
    where = cache_dir() if use_cache else None
    key = None
    if where is not None:
        try:
            key = tree_key(root)
        except (OSError, ValueError):
            key = None  # an unreadable corner: the loader reports it, uncached
    if where is not None and key is not None:
        hit = _read(where, key, root, today, index)
        if hit is not None:
            return hit
    result, valid_days = _fresh(root, today, index)
    if where is not None and key is not None and not any(d.code in UNCACHED for d in result.diagnostics):
        with contextlib.suppress(OSError, ValueError):
            if tree_key(root) == key:  # unchanged while it was read: the result belongs to the key
                _write(where, key, result, valid_days)
    return result


def _fresh(root: Path, today: date, index: bool) -> tuple[CheckedTree, tuple[str | None, str | None]]:
    from llama4ref.records.derivations import derived_from
    from llama4ref.records.tree import load_tree
    from llama4ref.store.index import compile_index

    tree = load_tree(root, today=today)
    facts = tree.facts()
    result = CheckedTree(
        root,
        tree.diagnostics,
        tree.file_count,
        len(tree.records),
        len(facts),
        tree.data_version,
        compile_index(tree) if index and tree.ok else None,
        tree=tree,
        derived_count=len(derived_from(list(tree.variants), {f.path for f in facts})) if tree.ok else None,
    )
    days = sorted({str(src.retrieved) for src in tree.sources.values()})
    lo = max((d for d in days if d <= today.isoformat()), default=None)
    hi = min((d for d in days if d > today.isoformat()), default=None)
    return result, (lo, hi)


# -- the key --------------------------------------------------------------------------------------


def tree_key(root: Path) -> str:
    """The hex key of the tree at ``root`` as this installation validates it; raises OSError or
    ValueError when an entry cannot be examined or read (such a tree is never cached)."""
    h = hashlib.blake2b(digest_size=20)
    h.update(f"{FORMAT}\0{__version__}\0{sys.version}\0".encode())
    h.update(code_fingerprint().encode())
    for entry in _listing(root):
        mode, lmode = os.stat(entry.path).st_mode, entry.stat(follow_symlinks=False).st_mode
        h.update(f"\1{entry.name}\0{mode}\0{lmode}\0".encode("utf-8", "surrogateescape"))
        if entry.name == "DATA_VERSION" and stat.S_ISREG(mode):
            _hash_file(h, entry.path, os.stat(entry.path).st_size)
        elif stat.S_ISDIR(mode) and mode == lmode:
            for item in _listing(Path(entry.path)):
                ist = item.stat(follow_symlinks=False)
                h.update(f"\2{item.name}\0{ist.st_mode}\0".encode("utf-8", "surrogateescape"))
                if stat.S_ISREG(ist.st_mode) and item.name.endswith(".yaml"):
                    _hash_file(h, item.path, ist.st_size)
    return h.hexdigest()


def _listing(directory: Path) -> list[os.DirEntry[str]]:
    with os.scandir(directory) as it:
        return sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)


def _hash_file(h: Any, path: str, size: int) -> None:
    if size > MAX_HASHED_BYTES:
        raise ValueError(f"{path}: too large to cache")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        data = os.read(fd, size + 1)
        while len(data) <= size and (more := os.read(fd, size + 1 - len(data))):
            data += more
    finally:
        os.close(fd)
    if len(data) != size:  # changed while it was read
        raise ValueError(f"{path}: changed while read")
    h.update(b"\3%d\0" % size)
    h.update(data)


_CODE: str | None = None


def code_fingerprint() -> str:
    """Sizes and modification times of this package's modules and of the libraries that validate."""
    global _CODE
    if _CODE is None:
        parts: list[str] = []
        container = _PACKAGE
        while not container.exists() and container != container.parent:  # a zipped install: the archive
            container = container.parent
        if container != _PACKAGE:
            st = os.stat(container)
            parts.append(f"{container}:{st.st_size}:{st.st_mtime_ns}")
        for dirpath, dirnames, filenames in os.walk(_PACKAGE):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(("_", ".")))
            for name in sorted(filenames):
                if name.endswith(".py"):
                    st = os.stat(os.path.join(dirpath, name))
                    parts.append(f"{os.path.relpath(os.path.join(dirpath, name), _PACKAGE)}:{st.st_size}:{st.st_mtime_ns}")
        for lib in _LIBRARIES:
            spec = find_spec(lib)
            origin = spec.origin if spec is not None else None
            if origin and os.path.isfile(origin):
                st = os.stat(origin)
                parts.append(f"{lib}:{origin}:{st.st_size}:{st.st_mtime_ns}")
                version = os.path.join(os.path.dirname(origin), "version.py")
                if os.path.isfile(version):
                    parts.append(f"{lib}/version.py:{os.stat(version).st_mtime_ns}")
            else:
                parts.append(f"{lib}:absent")
        _CODE = "\n".join(parts)
    return _CODE


# -- entries --------------------------------------------------------------------------------------


def _read(where: Path, key: str, root: Path, today: date, index: bool) -> CheckedTree | None:
    try:
        entry = json.loads((where / f"{key}.json").read_text(encoding="utf-8"))
        if entry.get("format") != FORMAT or entry.get("key") != key:
            return None
        lo, hi = entry["valid_days"]
        day = today.isoformat()
        if (lo is not None and day < lo) or (hi is not None and day >= hi):
            return None
        diagnostics = [
            Diagnostic(_file(root, d["file"]), Position(d["line"], d["col"]), d["code"], d["message"], d["severity"])
            for d in entry["diagnostics"]
        ]
        result = CheckedTree(
            root,
            diagnostics,
            int(entry["files"]),
            int(entry["records"]),
            int(entry["facts"]),
            str(entry["data_version"]),
            cached=True,
            derived_count=None if entry["derived"] is None else int(entry["derived"]),
        )
        if index and result.ok:
            compiled = json.loads((where / f"{key}.index.json").read_text(encoding="utf-8"))
            if not isinstance(compiled, dict):
                return None
            result.index = compiled
        return result
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # absent, unreadable, corrupt or foreign: validate afresh


def _file(root: Path, rel: list[str] | None) -> str:
    return str(root) if rel is None else str(root.joinpath(*rel))


def _relative(root: Path, file: str) -> list[str] | None:
    """``file`` as parts below ``root`` (None for ``root`` itself); ValueError when it would not
    come back as the same string, so that a hit prints exactly what a fresh run does."""
    if file == str(root):
        return None
    parts = list(Path(file).relative_to(root).parts)
    if _file(root, parts) != file:
        raise ValueError(file)
    return parts


def _write(where: Path, key: str, result: CheckedTree, valid_days: tuple[str | None, str | None]) -> None:
    root = result.root
    entry = {
        "format": FORMAT,
        "key": key,
        "valid_days": list(valid_days),
        "files": result.file_count,
        "records": result.record_count,
        "facts": result.fact_count,
        "derived": result.derived_count,
        "data_version": result.data_version,
        "diagnostics": [
            {
                "file": _relative(root, d.file),
                "line": d.position.line,
                "col": d.position.col,
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
            }
            for d in result.diagnostics
        ],
    }
    where.mkdir(parents=True, exist_ok=True)
    if result.index is not None:  # first the index, so that an entry is never without it
        _atomic_write(where / f"{key}.index.json", json.dumps(result.index, ensure_ascii=False, separators=(",", ":")))
    _atomic_write(where / f"{key}.json", json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
    _prune(where)


def _atomic_write(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _prune(where: Path) -> None:
    """Keep the :data:`MAX_ENTRIES` newest entries (each an entry file and maybe its index)."""
    entries = [p for p in where.glob("*.json") if not p.name.endswith(".index.json") and not p.name.startswith(".")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[MAX_ENTRIES:]:
        for p in (old, old.with_name(old.name[: -len(".json")] + ".index.json")):
            with contextlib.suppress(OSError):
                p.unlink()
