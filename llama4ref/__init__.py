"""llama4ref: a cited reference for Meta's Llama 4 models, importable as a data package.

>>> import llama4ref
>>> llama4ref.get("scout.params.total").value
109000000000
>>> llama4ref.variant("Llama-4-Maverick-17B-128E-Instruct").id
'maverick'

Importing the package reads no file; the shipped index is read on the first query.
"""

from __future__ import annotations

import _thread  # the lock primitive itself: `threading` would cost start-up time (benchmarks/)
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama4ref.domain.resolve import Resolution
from llama4ref.domain.resolve import resolve as _resolve
from llama4ref.domain.search import search as _search
from llama4ref.errors import DataError, InvalidIdentifierError, Llama4RefError, UnknownIdError
from llama4ref.store.answers import Alternative, Citation, Fact, Source, VariantInfo
from llama4ref.store.knowledge_base import KnowledgeBase, require_str

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.claims import Claim
    from llama4ref.domain.answer import Answer
    from llama4ref.records.models import LicenseTerm

__version__ = "0.1.0"

__all__ = [
    "Alternative",
    "Answer",
    "Citation",
    "Claim",
    "DataError",
    "Fact",
    "InvalidIdentifierError",
    "KnowledgeBase",
    "LicenseTerm",
    "Llama4RefError",
    "Resolution",
    "Source",
    "UnknownIdError",
    "VariantInfo",
    "__version__",
    "ask",
    "check_claims",
    "data_version",
    "get",
    "knowledge_base",
    "load",
    "resolve",
    "search",
    "variant",
    "variants",
]


def __getattr__(name: str) -> Any:
    """``LicenseTerm`` is a pydantic record model: imported on first use, so that
    ``import llama4ref`` and a lookup never pay for pydantic (the start-up budget)."""
    if name == "LicenseTerm":
        from llama4ref.records.models import LicenseTerm

        return LicenseTerm
    if name == "Claim":
        from llama4ref.claims import Claim

        return Claim
    if name == "Answer":
        from llama4ref.domain.answer import Answer

        return Answer
    raise AttributeError(f"module 'llama4ref' has no attribute {name!r}")


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
                from llama4ref.store.index import INDEX_PATH, read_index

                try:
                    kb = _SHIPPED = KnowledgeBase(read_index(INDEX_PATH))
                except (OSError, ValueError) as exc:
                    raise DataError(f"cannot read the shipped index {INDEX_PATH}: {exc}") from exc
    return kb


def load(facts_dir: str | Path) -> KnowledgeBase:
    """A knowledge base built from another facts tree; raises :class:`DataError` if invalid."""
    from llama4ref.records.tree import load_tree
    from llama4ref.store.index import compile_index

    if not isinstance(facts_dir, (str, Path)):
        raise TypeError(f"facts_dir must be a str or Path, not {type(facts_dir).__name__}")
    if not str(facts_dir):
        raise ValueError("facts_dir is empty (give a directory; use '.' for the working directory)")
    root = Path(facts_dir)
    if not root.is_dir():
        raise DataError(f"{root}: not a directory" if root.exists() else f"{root}: no such file or directory")
    tree = load_tree(root)
    if not tree.ok:
        raise DataError(f"{root}: {len(tree.diagnostics)} problem(s); run `llama4ref validate {root}`", tree.diagnostics)
    return KnowledgeBase(compile_index(tree))


def get(path: str) -> Fact:
    """The fact at a dotted path, e.g. ``get("maverick.params.total")``.

    Raises :class:`UnknownIdError` for a path with no fact, :class:`TypeError` for a non-``str``.
    """
    return knowledge_base().get(require_str(path, "path"))


def variant(name: str) -> VariantInfo:
    """The variant an id, alias or published identifier names (case-insensitive)."""
    return knowledge_base().variant(require_str(name, "name"))


def variants() -> list[VariantInfo]:
    """Every model record: Llama 4 variants first, then comparison models."""
    return knowledge_base().variants()


def resolve(identifier: str, *, strict: bool = False) -> Resolution:
    """What a published identifier denotes (variant, stage, precision, packaging).

    An identifier whose parts contradict each other (a Scout id with 128 experts) comes back
    with ``valid=False`` and a ``reason``; with ``strict=True`` it raises
    :class:`InvalidIdentifierError` instead.
    """
    res = _resolve(knowledge_base(), require_str(identifier, "identifier"))
    if strict and not res.valid:
        raise InvalidIdentifierError(f"{identifier!r}: {res.reason}")
    return res


def search(text: str, limit: int = 20) -> list[Fact]:
    """Facts whose path, value, quotes or notes match ``text`` (any word order), best first (at most ``limit``, at least 1)."""
    return [hit.fact for hit in _search(knowledge_base(), text, limit=limit, db=_search_index())]


def ask(text: str) -> Answer:
    """Answer a question from the records: the answering fact (or group) first, then runners-up.

    ``answer.found`` is false when nothing answers enough of the question; the closest facts
    are then in ``answer.runners_up`` and ``answer.suggestion`` names a command that helps.
    """
    from llama4ref.domain.answer import ask as _ask

    return _ask(knowledge_base(), text, _search_index())


_SEARCH_INDEX: sqlite3.Connection | None = None


def _search_index() -> sqlite3.Connection:
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


def data_version() -> str:
    """The version of the shipped data (see facts/CHANGELOG.md)."""
    return knowledge_base().data_version


def check_claims(text: str, *, kind: str = "markdown", file: str = "-") -> list[Claim]:
    """The Llama 4 statements in ``text`` (Markdown, HTML or plain text), each judged against
    the records: supported, contradicted, disputed (matches a non-preferred value) or unchecked.

    >>> [c.status for c in check_claims("Llama 4 Maverick has a 10M token context window.")]
    ['contradicted']
    """
    from llama4ref.claims import check_claims as _check

    return _check(text, knowledge_base(), kind=kind, file=file)
