"""The records of each kind, as ``llama4ref list KIND`` shows them: typed entries, and their JSON.

>>> import llama4ref
>>> listing = list_records(llama4ref.knowledge_base(), "facts", "scout.params")
>>> listing.kind, "scout.params.total" in [e.fact.path for e in listing.items]
('facts', True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from llama4ref.errors import UnknownIdError
from llama4ref.records.registry import LISTINGS

if TYPE_CHECKING:
    from llama4ref.domain.conflicts import Conflict
    from llama4ref.store.answers import Fact, Identifier, LicenseTerm, Sheet, Source, VariantInfo
    from llama4ref.store.knowledge_base import KnowledgeBase

ListKind = str
"""A name ``llama4ref list`` takes: one of :data:`LIST_KINDS`."""
LIST_KINDS: tuple[str, ...] = LISTINGS
"""The kinds ``list_records`` (and ``llama4ref list``) know, in the order they are documented:
facts, and every record kind the registry (:mod:`llama4ref.records.registry`) gives a listing."""


@dataclass(frozen=True)
class VariantListing:
    """Every model record, Llama 4 variants first."""

    items: list[VariantInfo]
    kind: ClassVar[ListKind] = "variants"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [v.to_json() for v in self.items]


@dataclass(frozen=True)
class SourceEntry:
    """A source record, the paths of the facts (and license terms) that cite it and the names of
    the identifiers that do."""

    source: Source
    backs: list[str]
    identifiers: list[str]


@dataclass(frozen=True)
class SourceListing:
    """Every source record, by id."""

    items: list[SourceEntry]
    kind: ClassVar[ListKind] = "sources"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [e.source.to_json() | {"backs": e.backs, "identifiers": e.identifiers} for e in self.items]


@dataclass(frozen=True)
class FactEntry:
    """A fact and the ids of the sources behind it (its inputs' sources when it is derived), sorted."""

    fact: Fact
    sources: list[str]


@dataclass(frozen=True)
class FactListing:
    """The facts under a prefix (every fact without one), stored and derived."""

    items: list[FactEntry]
    kind: ClassVar[ListKind] = "facts"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [e.fact.to_json() for e in self.items]


@dataclass(frozen=True)
class ConflictListing:
    """The facts under a prefix (every fact without one) whose sources disagree."""

    items: list[Conflict]
    kind: ClassVar[ListKind] = "conflicts"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [c.to_json() for c in self.items]


@dataclass(frozen=True)
class SheetListing:
    """The fact-sheet records, by record key."""

    items: list[Sheet]
    kind: ClassVar[ListKind] = "sheets"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [s.to_json() for s in self.items]


@dataclass(frozen=True)
class LicenseTermListing:
    """The terms of the license and the acceptable-use policy."""

    items: list[LicenseTerm]
    kind: ClassVar[ListKind] = "license-terms"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [t.to_json() for t in self.items]


@dataclass(frozen=True)
class IdentifierListing:
    """Every catalog entry (published model names and what each denotes)."""

    items: list[Identifier]
    kind: ClassVar[ListKind] = "identifiers"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [i.to_json() for i in self.items]


@dataclass(frozen=True)
class RecordListing:
    """The records of a kind that has no listing of its own (a new kind added to the registry):
    one column per field of its answer type."""

    kind: str
    columns: list[str]
    items: list[Any]

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [r.to_json() for r in self.items]


Listing = (
    VariantListing
    | SourceListing
    | FactListing
    | ConflictListing
    | SheetListing
    | LicenseTermListing
    | IdentifierListing
    | RecordListing
)


def list_records(kb: KnowledgeBase, kind: ListKind, prefix: str = "") -> Listing:
    """The records of ``kind`` (``prefix``: with ``facts`` and ``conflicts``, only paths under it); ValueError for another kind."""
    if kind == "variants":
        return VariantListing(kb.variants())
    if kind == "sources":
        return SourceListing([SourceEntry(s, kb.backed_by(s.id), kb.identifiers_citing(s.id)) for s in kb.sources()])
    if kind == "facts":
        facts = kb.facts(prefix)
        if prefix and not facts:
            raise _unknown_prefix(kb, prefix)
        return FactListing([FactEntry(f, sorted({c.source for c in kb.citations_of(f)})) for f in facts])
    if kind == "conflicts":
        from llama4ref.domain.conflicts import conflicts

        if prefix and not kb.facts(prefix):
            raise _unknown_prefix(kb, prefix)
        return ConflictListing(conflicts(kb, prefix))
    if kind == "sheets":
        return SheetListing(kb.sheets())
    if kind == "license-terms":
        return LicenseTermListing(kb.license_terms())
    if kind == "identifiers":
        return IdentifierListing(kb.identifiers())
    return _generic(kb, kind)


def _generic(kb: KnowledgeBase, listing: str) -> RecordListing:
    from llama4ref.records.registry import by_listing
    from llama4ref.store import answers

    found = by_listing(listing)
    if found is None or not found.answer:
        raise ValueError(listing)
    answer = getattr(answers, found.answer)
    return RecordListing(listing, [f for f in answer._fields if f != "record"], list(kb.records(answer)))


def _unknown_prefix(kb: KnowledgeBase, prefix: str) -> UnknownIdError:
    """A prefix no fact path starts with: the error names the closest prefixes (else `llama4ref list facts`)."""

    def suggestions() -> list[str]:
        pool = {".".join(parts[:k]) for parts in (p.split(".") for p in kb.paths()) for k in range(1, len(parts))}
        return kb._suggest(prefix, pool)

    return UnknownIdError("prefix", prefix, suggestions)
