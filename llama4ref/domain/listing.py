"""Tabular listings of each record kind (rows for people, dicts for JSON)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from llama4ref.store.knowledge_base import KnowledgeBase


def list_records(
    kb: KnowledgeBase, kind: str, prefix: str = ""
) -> tuple[list[str], list[list[str]], Sequence[Mapping[str, Any]]]:
    """Columns, text rows and JSON objects for ``kind``."""
    if kind == "variants":
        vs = kb.variants()
        return (
            ["id", "name", "role", "family", "aliases"],
            [[v.id, v.name, v.role, v.family, str(len(v.aliases))] for v in vs],
            [v.to_json() for v in vs],
        )
    if kind == "sources":
        ss = kb.sources()
        return (
            ["id", "tier", "kind", "version", "title"],
            [[s.id, s.tier, s.kind, s.pin(), s.title] for s in ss],
            [s.to_json() | {"backs": kb.backed_by(s.id)} for s in ss],
        )
    if kind == "facts":
        facts = kb.facts(prefix)
        return (
            ["path", "value", "sources"],
            [
                [
                    f.path,
                    f.display() + (" (derived)" if f.derived else ""),
                    ", ".join(sorted({c.source for c in kb.citations_of(f)})),
                ]
                for f in facts
            ],
            [f.to_json() for f in facts],
        )
    if kind == "sheets":
        sheets = kb.sheets()
        return (["record", "subject", "title"], [[s.record, s.subject, s.title] for s in sheets], [s.to_json() for s in sheets])
    if kind == "license-terms":
        terms = kb.license_terms()
        return (
            ["id", "section", "kind", "title"],
            [[t.id, t.section, t.kind, t.title] for t in terms],
            [t.to_json() for t in terms],
        )
    if kind == "identifiers":
        ids = kb.identifiers()
        return (
            ["name", "publisher", "variant", "stage", "precision", "packaging", "valid"],
            [
                [i.name, i.publisher, str(i.variant), str(i.stage), i.precision, i.packaging, "yes" if i.valid else "NO"]
                for i in ids
            ],
            [i.to_json() for i in ids],
        )
    return _generic(kb, kind)


def _generic(kb: KnowledgeBase, listing: str) -> tuple[list[str], list[list[str]], Sequence[Mapping[str, Any]]]:
    """A kind the registry lists that has no columns of its own: one column per field (a list as its length)."""
    from llama4ref.records.registry import by_listing
    from llama4ref.store import answers

    kind = by_listing(listing)
    if kind is None or not kind.answer:
        raise ValueError(listing)
    records = kb.records(getattr(answers, kind.answer))
    columns = [f for f in getattr(answers, kind.answer)._fields if f != "record"]
    rows = [[_cell(getattr(r, c)) for c in columns] for r in records]
    return columns, rows, [r.to_json() for r in records]


def _cell(value: object) -> str:
    if isinstance(value, tuple):
        return str(len(value))
    return "" if value is None else str(value)
