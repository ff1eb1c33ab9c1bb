"""Listings for people (``list KIND``, ``sources``, ``stale``): one titled table, a column per field worth scanning."""

from __future__ import annotations

from typing import TYPE_CHECKING, assert_never

from llama4ref.cli.render import grid

if TYPE_CHECKING:
    from rich.console import Console

    from llama4ref.domain.conflicts import Side
    from llama4ref.domain.deploy import StaleRecord
    from llama4ref.domain.listing import Listing
    from llama4ref.store.answers import Source


def columns_and_rows(listing: Listing) -> tuple[list[str], list[list[str]]]:
    """The table ``listing`` is shown as: column names and one row of text cells per record."""
    from llama4ref.domain.listing import (
        ConflictListing,
        FactListing,
        IdentifierListing,
        LicenseTermListing,
        RecordListing,
        SheetListing,
        SourceListing,
        VariantListing,
    )

    if isinstance(listing, VariantListing):
        return ["id", "name", "role", "family", "aliases"], [
            [v.id, v.name, v.role, v.family, str(len(v.aliases))] for v in listing.items
        ]
    if isinstance(listing, SourceListing):
        return ["id", "tier", "kind", "version", "title"], [
            [e.source.id, e.source.tier, e.source.kind, e.source.pin(), e.source.title] for e in listing.items
        ]
    if isinstance(listing, FactListing):
        return ["path", "value", "sources"], [
            [e.fact.path, e.fact.display() + (" (derived)" if e.fact.derived else ""), ", ".join(e.sources)]
            for e in listing.items
        ]
    if isinstance(listing, ConflictListing):
        return ["path", "preferred", "alternatives"], [
            [c.path, _side(c.preferred), "; ".join(f"{a.rank}: {_side(a)}" for a in c.alternatives)] for c in listing.items
        ]
    if isinstance(listing, SheetListing):
        return ["record", "subject", "title"], [[s.record, s.subject, s.title] for s in listing.items]
    if isinstance(listing, LicenseTermListing):
        return ["id", "section", "kind", "title"], [[t.id, t.section, t.kind, t.title] for t in listing.items]
    if isinstance(listing, IdentifierListing):
        return ["name", "publisher", "variant", "stage", "precision", "packaging", "valid"], [
            [i.name, i.publisher, str(i.variant), str(i.stage), i.precision, i.packaging, "yes" if i.valid else "NO"]
            for i in listing.items
        ]
    if isinstance(listing, RecordListing):
        return listing.columns, [[_cell(getattr(r, c)) for c in listing.columns] for r in listing.items]
    assert_never(listing)


def _side(side: Side) -> str:
    """A value in a disagreement and the sources that give it: ``768 dimensions (source-a, source-b)``."""
    return f"{side.display} ({', '.join(side.sources)})" if side.sources else side.display


def _cell(value: object) -> str:
    """A field as a table cell: a list as its length."""
    if isinstance(value, tuple):
        return str(len(value))
    return "" if value is None else str(value)


def listing(con: Console, listing: Listing) -> None:
    """The titled table of ``listing``: ``<kind> (<count>)``."""
    from llama4ref.domain.listing import ConflictListing

    columns, rows = columns_and_rows(listing)
    grid.table(con, f"{listing.kind} ({len(rows)})", columns, rows)
    if isinstance(listing, ConflictListing) and listing.items:
        con.print("Why each alternative is not preferred: llama4ref get PATH", soft_wrap=True)


def bibliography(con: Console, rows: list[tuple[Source, list[str]]]) -> None:
    """``llama4ref sources``: every source with its tier, version, how many facts it backs, and title."""
    grid.table(
        con,
        f"sources ({len(rows)})",
        ["id", "tier", "version", "facts", "title"],
        [[s.id, s.tier, s.pin(), str(len(b)), s.title] for s, b in rows],
    )


def stale(con: Console, found: list[StaleRecord], older_than: str) -> None:
    """``llama4ref stale``: each record past the horizon, when its newest source is dated, and how old that is."""
    grid.table(
        con,
        f"{len(found)} record(s) older than {older_than}",
        ["path", "newest source", "age (days)"],
        [[s.path, str(s.last_dated or "undated"), "" if s.age_days is None else str(s.age_days)] for s in found],
    )
