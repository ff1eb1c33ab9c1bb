"""Knowledge bases to query: the one that ships with the package and its full-text index (each
read once, on first use, then shared by every caller: the library facade, the CLI, the checkers),
and one built from another facts tree (:func:`load`).

The shipped ones are safe to ask for from many threads at once: the first caller builds them
while the others wait.
"""

from __future__ import annotations

import _thread  # the lock primitive itself: `threading` would cost start-up time (benchmarks/)
from pathlib import Path
from typing import TYPE_CHECKING

from llama4ref.errors import DataError
from llama4ref.store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    import sqlite3


_SHIPPED: KnowledgeBase | None = None
_SHIPPED_LOCK = _thread.allocate_lock()


def knowledge_base() -> KnowledgeBase:
    """The knowledge base shipped with this package: read once, on first use, then shared.

    Safe to call from many threads at once: the first caller builds it while the others wait.
    """
    global _SHIPPED
    kb = _SHIPPED
    if kb is None:
        with _SHIPPED_LOCK:
            kb = _SHIPPED
            if kb is None:
                from llama4ref.store.index import read_index

                try:
                    kb = _SHIPPED = KnowledgeBase(read_index())
                except (OSError, ValueError) as exc:
                    raise DataError(f"cannot read the shipped index: {exc}") from exc
    return kb


def is_shipped(kb: KnowledgeBase) -> bool:
    """Whether ``kb`` is the shipped knowledge base (:func:`knowledge_base`), whose derived files
    (the full-text index) ship beside it."""
    return kb is _SHIPPED


_SEARCH_INDEX: sqlite3.Connection | None = None


def search_index() -> sqlite3.Connection:
    """The shipped full-text index, opened once (under the knowledge base's lock) and shared."""
    global _SEARCH_INDEX
    db = _SEARCH_INDEX
    if db is None:
        with _SHIPPED_LOCK:
            db = _SEARCH_INDEX
            if db is None:
                from llama4ref.store.fulltext import shipped

                db = _SEARCH_INDEX = shipped()
    return db


def load(facts_dir: str | Path) -> KnowledgeBase:
    """A knowledge base built from another facts tree; raises :class:`DataError` if invalid."""
    from llama4ref.store.treecache import checked_tree

    if not isinstance(facts_dir, (str, Path)):
        raise TypeError(f"facts_dir must be a str or Path, not {type(facts_dir).__name__}")
    if not str(facts_dir):
        raise ValueError("facts_dir is empty (give a directory; use '.' for the working directory)")
    root = Path(facts_dir)
    if not root.is_dir():
        raise DataError(f"{root}: not a directory" if root.exists() else f"{root}: no such file or directory")
    checked = checked_tree(root)  # a tree validated before with the same content comes from the cache
    if not checked.ok or checked.index is None:
        raise DataError(f"{root}: {len(checked.diagnostics)} problem(s); run `llama4ref validate {root}`", checked.diagnostics)
    return KnowledgeBase(checked.index)
