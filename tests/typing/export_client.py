"""A user's script on the export and diff API, type-checked with `mypy --strict` in CI."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import llama4ref
from llama4ref.domain.diff import DataDiff, diff_knowledge_bases, diff_trees
from llama4ref.export.document import ExportDocument, ExportFact, ExportSummary, export_document, write_export


def benchmark_scores(variant: str) -> dict[str, float]:
    doc: ExportDocument = export_document(llama4ref.knowledge_base())
    facts: list[ExportFact] = [f for f in doc.facts if f.variant == variant and ".benchmarks." in f.path]
    return {f.path: float(f.value) for f in facts if isinstance(f.value, (int, float))}


def provider_limits(db_path: Path) -> list[tuple[str, str, int | None]]:
    summary: ExportSummary = write_export(llama4ref.knowledge_base(), "sqlite", db_path)
    with sqlite3.connect(summary.path) as db:
        rows = db.execute("SELECT provider, variant_id, context_total FROM v_provider_limits").fetchall()
    return [(str(p), str(v), c if isinstance(c, int) else None) for p, v, c in rows]


def review(old: Path, new: Path) -> str:
    d: DataDiff = diff_trees(old, new)
    same: bool = diff_knowledge_bases(llama4ref.knowledge_base(), llama4ref.knowledge_base()).is_empty
    summary = d.summary()
    changed: int = summary["facts_added"] + summary["facts_removed"] + summary["facts_changed"]
    return f"{changed} facts changed ({d.old_version} -> {d.new_version})" if not same or not d.is_empty else "no change"


if __name__ == "__main__":
    print(sorted(benchmark_scores("scout"))[:3])
