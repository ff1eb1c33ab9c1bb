"""The provider records as ``refresh`` reads them, drawn from a compiled index instead of the
loaded tree: a validated tree that the cache (llama4ref.store.treecache) already holds is then
neither parsed nor validated again, and neither PyYAML nor pydantic is imported.

The view has the attributes of :class:`llama4ref.records.tree.Tree` that the comparison reads
(``sources``; ``sheets``, each with ``kind``, ``key``, ``doc.path`` and ``record.subject`` and
``record.facts``, whose specs have ``value``, ``citations`` (``source``, ``locator``, ``quote``) and
``alternatives``); editing the
records (``refresh --write``) still takes the loaded tree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["RecordsView", "records_view"]


@dataclass(frozen=True)
class ViewCitation:
    source: str
    locator: str
    quote: str


@dataclass(frozen=True)
class ViewClaim:
    """A fact's preferred value or one of its alternatives."""

    value: Any
    citations: list[ViewCitation]
    alternatives: list[ViewClaim] = field(default_factory=list)


@dataclass(frozen=True)
class ViewSheet:
    id: str
    subject: str
    facts: dict[str, ViewClaim]


@dataclass(frozen=True)
class ViewDoc:
    path: Path


@dataclass(frozen=True)
class ViewRecord:
    kind: str
    record: ViewSheet
    doc: ViewDoc

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.record.id}"


@dataclass(frozen=True)
class ViewSource:
    id: str
    url: str
    path: str | None


@dataclass(frozen=True)
class RecordsView:
    """Sources and fact sheets of a facts tree at ``root``, in the loader's order."""

    root: Path
    sources: dict[str, ViewSource]
    sheets: list[ViewRecord]


def records_view(root: Path, index: Mapping[str, Any]) -> RecordsView:
    """The view of the tree at ``root`` whose compiled index is ``index``."""
    facts: dict[str, dict[str, ViewClaim]] = {}
    for path, spec in index["facts"].items():
        owner = spec.get("record")
        if owner is None:
            continue  # a derived fact: no record holds it
        facts.setdefault(owner, {})[path] = _claim(spec)
    sheets = []
    for key, sheet in index["sheets"].items():
        subject = str(sheet["subject"])
        held = {path[len(subject) + 1 :]: claim for path, claim in facts.get(key, {}).items()}
        sheets.append(ViewRecord(sheet["kind"], ViewSheet(sheet["id"], subject, held), ViewDoc(_path(root, sheet["file"]))))
    sources = {sid: ViewSource(sid, s["url"], s.get("path")) for sid, s in index["sources"].items()}
    return RecordsView(root, sources, sheets)


def _claim(spec: Mapping[str, Any]) -> ViewClaim:
    return ViewClaim(
        spec.get("value"),
        [ViewCitation(c["source"], c["locator"], c["quote"]) for c in spec.get("citations", [])],
        [_claim(a) for a in spec.get("alternatives", [])],
    )


def _path(root: Path, file: str) -> Path:
    """``facts/<kind>/<id>.yaml`` (as the index writes it) under ``root``, as the loader names it."""
    rel = file.split("/", 1)[1] if file.startswith("facts/") else file
    return root.joinpath(*rel.split("/"))
