"""Every record kind of a facts tree, in one table: its model, directory, index section, listing
and export collection and tables.

The loader (:mod:`llama4ref.records.tree`), the index compiler (:mod:`llama4ref.store.index`),
the knowledge base, ``llama4ref list``, ``diff``, the exporter (:mod:`llama4ref.export`) and the
schema generator read this table instead of naming the kinds themselves; docs/contributing.md
("Adding a record kind") walks through a new entry. Plain data: reading it imports no pydantic
(the models are named, and :meth:`RecordKind.model` imports one when asked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel


class RecordKind:
    """One kind of record and everywhere it goes. (A plain class, not a named tuple: the index
    reader imports this table at start-up, and a named tuple class costs a fraction of a millisecond.)"""

    __slots__ = ("answer", "collection", "head", "item", "listing", "model", "name", "schema", "section", "tables")

    name: str
    """The directory under ``facts/`` that holds the records (``*`` for fact sheets: every other directory)."""
    model: str
    """The pydantic model that validates one file, a class in :mod:`llama4ref.records.models`."""
    schema: str
    """Its JSON Schema: ``schemas/<schema>.schema.json``."""
    item: str
    """One record, singular: the ``kind`` ``diff`` reports and the ``type`` of its JSON Lines export."""
    section: str
    """The section of the compiled index that holds the records, keyed by id."""
    answer: str
    """The answer type (:mod:`llama4ref.store.answers`) ``KnowledgeBase.records()`` builds from the
    section; empty for a kind that is only read as a whole (the vocabulary)."""
    listing: str | None
    """``llama4ref list <listing>`` (and its ``--json`` envelope kind), or None when not listed."""
    collection: str | None
    """Its list in the JSON export document, or None when not exported."""
    tables: tuple[str, ...]
    """Its tables in the CSV and SQLite exports (:mod:`llama4ref.export.tables`)."""
    head: bool
    """Read at start-up (the index's ``head.json``) rather than from its own shard on first use."""

    def __init__(
        self,
        *,
        name: str,
        model: str,
        schema: str,
        item: str,
        section: str,
        answer: str = "",
        listing: str | None = None,
        collection: str | None = None,
        tables: tuple[str, ...] = (),
        head: bool = False,
    ) -> None:
        self.name, self.model, self.schema, self.item, self.section = name, model, schema, item, section
        self.answer, self.listing, self.collection, self.tables, self.head = answer, listing, collection, tables, head

    def __repr__(self) -> str:
        return f"RecordKind(name={self.name!r}, model={self.model!r}, section={self.section!r})"

    def load_model(self) -> type[BaseModel]:
        from llama4ref.records import models

        model: type[BaseModel] = getattr(models, self.model)
        return model


SHEETS = "*"

KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        name="sources",
        model="Source",
        schema="source",
        item="source",
        section="sources",
        answer="Source",
        listing="sources",
        collection="sources",
        tables=("sources", "source_authors"),
    ),
    RecordKind(
        name="variants",
        model="Variant",
        schema="variant",
        item="variant",
        section="variants",
        answer="VariantInfo",
        listing="variants",
        collection="variants",
        tables=("variants", "variant_aliases"),
        head=True,
    ),
    RecordKind(
        name=SHEETS,
        model="FactSheet",
        schema="fact-sheet",
        item="sheet",
        section="sheets",
        answer="Sheet",
        listing="sheets",
        collection="sheets",
        tables=("sheets",),
    ),
    RecordKind(
        name="license_terms",
        model="LicenseTerm",
        schema="license-term",
        item="license_term",
        section="license_terms",
        answer="LicenseTerm",
        listing="license-terms",
        collection="license_terms",
        tables=("license_terms", "license_term_related"),
    ),
    RecordKind(
        name="identifiers",
        model="IdentifierSet",
        schema="identifier-set",
        item="identifier",
        section="identifiers",
        answer="Identifier",
        listing="identifiers",
        collection="identifiers",
        tables=("identifiers", "identifier_sets"),
        head=True,
    ),
    RecordKind(name="vocabulary", model="Vocabulary", schema="vocabulary", item="vocabulary", section="vocabulary"),
)
"""Every record kind. Facts are not a kind of their own: they are written inside variants and
sheets (``facts:``) and compiled to the index's ``facts`` section."""

BY_NAME: dict[str, RecordKind] = {k.name: k for k in KINDS}

DEDICATED: tuple[str, ...] = tuple(k.name for k in KINDS if k.name != SHEETS)
"""The directories with a record kind of their own; every other directory holds fact sheets."""


LISTINGS: tuple[str, ...] = (
    "variants",
    "sources",
    "facts",
    "conflicts",
    *(k.listing for k in KINDS if k.listing is not None and k.listing not in ("variants", "sources")),
)
"""What ``llama4ref list`` lists, in the order its help gives them (facts, and the facts whose
sources disagree, are listed too, though they are not record kinds of their own)."""


def kind_of_directory(directory: str) -> RecordKind:
    """The kind of the records in ``facts/<directory>/``."""
    return BY_NAME.get(directory) or BY_NAME[SHEETS]


def by_listing(listing: str) -> RecordKind | None:
    """The kind ``llama4ref list <listing>`` shows, if one does."""
    return next((k for k in KINDS if k.listing == listing), None)
