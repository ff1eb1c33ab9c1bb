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
        return (
            ["record", "subject", "title"],
            [[key, str(s.get("subject", "")), str(s.get("title", ""))] for key, s in sorted(sheets.items())],
            [{"record": key, **s} for key, s in sorted(sheets.items())],
        )
    if kind == "license-terms":
        terms = kb.license_terms()
        return (
            ["id", "section", "kind", "title"],
            [[t.id, t.section, t.kind, t.title] for t in terms],
            [t.model_dump(mode="json") for t in terms],
        )
    if kind == "identifiers":
        ids = kb.identifiers()
        return (
            ["name", "publisher", "variant", "stage", "precision", "packaging", "valid"],
            [
                [
                    i["name"],
                    i.get("publisher", ""),
                    i["variant"],
                    i["stage"],
                    i["precision"],
                    i["packaging"],
                    "yes" if i.get("valid", True) else "NO",
                ]
                for i in ids.values()
            ],
            list(ids.values()),
        )
    raise ValueError(kind)
