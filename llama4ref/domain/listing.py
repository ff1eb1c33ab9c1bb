"""The records of each kind, as ``llama4ref list KIND`` shows them: typed entries, and their JSON.

>>> import llama4ref
>>> listing = list_records(llama4ref.knowledge_base(), "facts", "scout.params")
>>> listing.kind, "scout.params.total" in [e.fact.path for e in listing.items]
('facts', True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Literal

if TYPE_CHECKING:
    from llama4ref.records.models import LicenseTerm
    from llama4ref.store.answers import Fact, Source, VariantInfo
    from llama4ref.store.knowledge_base import KnowledgeBase

ListKind = Literal["variants", "sources", "facts", "sheets", "license-terms", "identifiers"]
LIST_KINDS: tuple[ListKind, ...] = ("variants", "sources", "facts", "sheets", "license-terms", "identifiers")
"""The kinds ``list_records`` (and ``llama4ref list``) know, in the order they are documented."""


@dataclass(frozen=True)
class VariantListing:
    """Every model record, Llama 4 variants first."""

    items: list[VariantInfo]
    kind: ClassVar[ListKind] = "variants"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [v.to_json() for v in self.items]


@dataclass(frozen=True)
class SourceEntry:
    """A source record and the paths of the facts (and license terms) that cite it."""

    source: Source
    backs: list[str]


@dataclass(frozen=True)
class SourceListing:
    """Every source record, by id."""

    items: list[SourceEntry]
    kind: ClassVar[ListKind] = "sources"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [e.source.to_json() | {"backs": e.backs} for e in self.items]


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
class SheetListing:
    """The fact-sheet records, by record key."""

    items: list[tuple[str, Mapping[str, Any]]]
    kind: ClassVar[ListKind] = "sheets"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [{"record": key, **sheet} for key, sheet in self.items]


@dataclass(frozen=True)
class LicenseTermListing:
    """The terms of the license and the acceptable-use policy."""

    items: list[LicenseTerm]
    kind: ClassVar[ListKind] = "license-terms"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return [t.model_dump(mode="json") for t in self.items]


@dataclass(frozen=True)
class IdentifierListing:
    """Every catalog entry (published model names and what each denotes)."""

    items: list[Mapping[str, Any]]
    kind: ClassVar[ListKind] = "identifiers"

    def to_json(self) -> Sequence[Mapping[str, Any]]:
        return list(self.items)


Listing = VariantListing | SourceListing | FactListing | SheetListing | LicenseTermListing | IdentifierListing


def list_records(kb: KnowledgeBase, kind: ListKind, prefix: str = "") -> Listing:
    """The records of ``kind`` (``prefix``: with ``facts``, only paths under it); ValueError for another kind."""
    if kind == "variants":
        return VariantListing(kb.variants())
    if kind == "sources":
        return SourceListing([SourceEntry(s, kb.backed_by(s.id)) for s in kb.sources()])
    if kind == "facts":
        return FactListing([FactEntry(f, sorted({c.source for c in kb.citations_of(f)})) for f in kb.facts(prefix)])
    if kind == "sheets":
        return SheetListing(sorted(kb.sheets().items()))
    if kind == "license-terms":
        return LicenseTermListing(kb.license_terms())
    if kind == "identifiers":
        return IdentifierListing(list(kb.identifiers().values()))
    raise ValueError(kind)
