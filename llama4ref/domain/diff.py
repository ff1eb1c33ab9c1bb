"""What changed between two facts trees: facts added, removed and changed, and changed records.

>>> from llama4ref.domain.diff import diff_knowledge_bases
>>> import llama4ref
>>> kb = llama4ref.knowledge_base()
>>> diff_knowledge_bases(kb, kb).is_empty
True

A fact's change names each field that differs (value, unit, bound, citations, alternatives,
qualifiers, note, formula, inputs); where it is written (file and line) is not a change. The
text ``llama4ref diff`` prints is drawn by the CLI (``llama4ref.cli.render.diff``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama4ref.store.answers import Fact
from llama4ref.store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from llama4ref.store.shapes.core import DiffJSON, DiffSummaryJSON, FactChangeJSON, RecordChangeJSON

__all__ = ["DataDiff", "FactChange", "RecordChange", "diff_knowledge_bases", "diff_trees"]

FACT_FIELDS = ("value", "unit", "bound", "citations", "alternatives", "qualifiers", "note", "derived", "formula", "inputs")
"""The fields of a fact compared by a diff (its location is not among them)."""


@dataclass(frozen=True)
class FactChange:
    """A fact present in both trees whose fields differ: field → (old, new) as JSON values."""

    old: Fact
    new: Fact
    fields: dict[str, tuple[Any, Any]]

    @property
    def path(self) -> str:
        return self.new.path

    def to_json(self) -> FactChangeJSON:
        return {
            "path": self.path,
            "derived": self.new.derived,
            "changes": {name: {"old": old, "new": new} for name, (old, new) in self.fields.items()},
            "old": self.old.to_json(),
            "new": self.new.to_json(),
        }


@dataclass(frozen=True)
class RecordChange:
    """A record (source, variant, license term, identifier) in both trees whose fields differ."""

    kind: str
    id: str
    fields: dict[str, tuple[Any, Any]]

    def to_json(self) -> RecordChangeJSON:
        return {
            "kind": self.kind,
            "id": self.id,
            "changes": {name: {"old": old, "new": new} for name, (old, new) in self.fields.items()},
        }


@dataclass(frozen=True)
class DataDiff:
    """Every difference between an old and a new knowledge base, in a stable order."""

    old_version: str
    new_version: str
    added: list[Fact] = field(default_factory=list)
    removed: list[Fact] = field(default_factory=list)
    changed: list[FactChange] = field(default_factory=list)
    records_added: list[tuple[str, str]] = field(default_factory=list)
    records_removed: list[tuple[str, str]] = field(default_factory=list)
    records_changed: list[RecordChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.added or self.removed or self.changed or self.records_added or self.records_removed or self.records_changed
        )

    def summary(self) -> DiffSummaryJSON:
        return {
            "facts_added": len(self.added),
            "facts_removed": len(self.removed),
            "facts_changed": len(self.changed),
            "records_added": len(self.records_added),
            "records_removed": len(self.records_removed),
            "records_changed": len(self.records_changed),
        }

    def to_json(self) -> DiffJSON:
        return {
            "old_version": self.old_version,
            "new_version": self.new_version,
            "summary": self.summary(),
            "facts": {
                "added": [f.to_json() for f in self.added],
                "removed": [f.to_json() for f in self.removed],
                "changed": [c.to_json() for c in self.changed],
            },
            "records": {
                "added": [{"kind": k, "id": i} for k, i in self.records_added],
                "removed": [{"kind": k, "id": i} for k, i in self.records_removed],
                "changed": [c.to_json() for c in self.records_changed],
            },
        }


def _fact_fields(fact: Fact) -> dict[str, Any]:
    data: dict[str, Any] = dict(fact.to_json())
    return {name: data[name] for name in FACT_FIELDS}


def _records(kb: KnowledgeBase) -> dict[tuple[str, str], dict[str, Any]]:
    """Every record of every kind (llama4ref.records.registry) as JSON, by (kind, key); where a
    record is written is not compared."""
    from llama4ref.records.registry import KINDS
    from llama4ref.store import answers

    out: dict[tuple[str, str], dict[str, Any]] = {}
    for kind in KINDS:
        if kind.answer:
            for key, rec in kb.keyed(getattr(answers, kind.answer)).items():
                out[(kind.item, key)] = {k: v for k, v in rec.to_json().items() if k not in ("record", "file")}
    return out


def _changed_fields(old: dict[str, Any], new: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {k: (old.get(k), new.get(k)) for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)}


def diff_knowledge_bases(old: KnowledgeBase, new: KnowledgeBase) -> DataDiff:
    """The differences from ``old`` to ``new`` (stored and derived facts, and every record kind)."""
    old_paths, new_paths = set(old.paths(terms=False)), set(new.paths(terms=False))  # terms: compared as records
    changed: list[FactChange] = []
    for path in sorted(old_paths & new_paths):
        stored = old.raw_fact(path)
        if stored is not None and stored == new.raw_fact(path):
            continue  # the same index entry (location included) is the same fact
        a, b = old.get(path), new.get(path)
        fields = _changed_fields(_fact_fields(a), _fact_fields(b))
        if fields:
            changed.append(FactChange(a, b, fields))
    old_recs, new_recs = _records(old), _records(new)
    rec_changed = [
        RecordChange(kind, rid, fields)
        for (kind, rid) in sorted(set(old_recs) & set(new_recs))
        if (fields := _changed_fields(old_recs[(kind, rid)], new_recs[(kind, rid)]))
    ]
    return DataDiff(
        old_version=old.data_version,
        new_version=new.data_version,
        added=[new.get(p) for p in sorted(new_paths - old_paths)],
        removed=[old.get(p) for p in sorted(old_paths - new_paths)],
        changed=changed,
        records_added=sorted(set(new_recs) - set(old_recs)),
        records_removed=sorted(set(old_recs) - set(new_recs)),
        records_changed=rec_changed,
    )


def diff_trees(old_dir: str | Path, new_dir: str | Path) -> DataDiff:
    """Load and validate two facts trees and diff them; raises :class:`DataError` if either is invalid."""
    from llama4ref.store.loaders import load

    return diff_knowledge_bases(load(old_dir), load(new_dir))
