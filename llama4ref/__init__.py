"""llama4ref: a cited reference for Meta's Llama 4 models, importable as a data package.

>>> import llama4ref
>>> llama4ref.get("scout.params.total").value
109000000000
>>> llama4ref.variant("Llama-4-Maverick-17B-128E-Instruct").id
'maverick'

Importing the package reads no file; the shipped index is read on the first query.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llama4ref.errors import DataError, InvalidIdentifierError, Llama4RefError, SourceIdAsPathError, UnknownIdError
from llama4ref.store.answers import Alternative, Citation, Fact, LicenseTerm, Source, VariantInfo
from llama4ref.store.knowledge_base import KnowledgeBase, require_str
from llama4ref.store.loaders import knowledge_base, load, search_index
from llama4ref.version import __version__

if TYPE_CHECKING:
    from llama4ref.claims import Claim
    from llama4ref.domain.answer import Answer
    from llama4ref.domain.resolve import Resolution

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
    "SourceIdAsPathError",
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
    """``Claim``, ``Answer`` and ``Resolution`` are imported on first use, so that ``import
    llama4ref`` and a lookup never pay for their modules (the start-up budget)."""
    if name == "Claim":
        from llama4ref.claims import Claim

        return Claim
    if name == "Answer":
        from llama4ref.domain.answer import Answer

        return Answer
    if name == "Resolution":
        from llama4ref.domain.resolve import Resolution

        return Resolution
    raise AttributeError(f"module 'llama4ref' has no attribute {name!r}")


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
    from llama4ref.domain.resolve import resolve as _resolve

    res = _resolve(knowledge_base(), require_str(identifier, "identifier"))
    if strict and not res.valid:
        raise InvalidIdentifierError(f"{identifier!r}: {res.reason}")
    return res


def search(text: str, limit: int = 20) -> list[Fact]:
    """Facts whose path, value, quotes or notes match ``text`` (any word order), best first (at most ``limit``, at least 1)."""
    from llama4ref.domain.search import search as _search

    return [hit.fact for hit in _search(knowledge_base(), text, limit=limit, db=search_index())]


def ask(text: str) -> Answer:
    """Answer a question from the records: the answering fact (or group) first, then runners-up.

    ``answer.found`` is false when nothing answers enough of the question; the closest facts
    are then in ``answer.runners_up`` and ``answer.suggestion`` names a command that helps.
    A non-``str`` question raises :class:`TypeError`.
    """
    from llama4ref.domain.answer import ask as _ask

    return _ask(knowledge_base(), require_str(text, "text"), search_index())


def data_version() -> str:
    """The version of the shipped data (see facts/CHANGELOG.md)."""
    return knowledge_base().data_version


def check_claims(text: str, *, kind: str = "markdown", file: str = "-", source: str | None = None) -> list[Claim]:
    """The Llama 4 statements in ``text`` (Markdown, HTML or plain text), each judged against
    the records: supported, contradicted, disputed (matches a non-preferred value) or unchecked.
    ``source`` is the address the text was read from, when known (a provider's page, a page about Llama 4).

    A non-``str`` argument raises :class:`TypeError`, an unknown ``kind`` :class:`ValueError`.

    >>> [c.status for c in check_claims("Llama 4 Maverick has a 10M token context window.")]
    ['contradicted']
    """
    from llama4ref.claims import check_claims as _check

    return _check(text, knowledge_base(), kind=kind, file=file, source=source)
