"""Exports of the whole knowledge base: JSON, JSON Lines, CSV tables and an SQLite database.

>>> import llama4ref
>>> from llama4ref.export.document import export_document
>>> doc = export_document(llama4ref.knowledge_base())
>>> doc.schema_version, doc.counts["facts"] == len(doc.facts)
(3, True)

JSON and JSONL carry nested records (a fact with its citations and alternatives); CSV and SQLite
carry the same data as tidy tables (:mod:`llama4ref.export.tables`). ``schemas/export.schema.json`` is
generated from :class:`ExportDocument`.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, JsonValue

from llama4ref.export.tables import EXPORT_SCHEMA_VERSION, fact_variant, newest_source_date
from llama4ref.export.writing import FORMATS, ExportSummary, Format, write_csv, write_export
from llama4ref.records.models import Alternative, Citation, Identifier, LicenseTerm, Source
from llama4ref.records.models.common import Bound, Scalar
from llama4ref.records.registry import KINDS, SHEETS
from llama4ref.store.knowledge_base import KnowledgeBase

__all__ = [
    "FORMATS",
    "ExportDocument",
    "ExportFact",
    "ExportSummary",
    "Format",
    "export_document",
    "export_text",
    "render_json",
    "render_jsonl",
    "write_csv",
    "write_export",
]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_serialization_defaults_required=True)


class ExportFact(_Out):
    """A fact with everything needed to trust it: value, unit, citations, ranked alternatives, inputs."""

    path: str
    variant: str | None
    value: JsonValue
    unit: str
    bound: Bound
    display: str
    as_of: str | None
    qualifiers: dict[str, Scalar]
    note: str | None
    citations: list[Citation]
    alternatives: list[Alternative]
    derived: bool
    formula: str | None
    inputs: list[str]
    record: str | None
    file: str | None


class ExportSource(Source):
    """A source with the file it is recorded in and the facts (and license terms) it backs."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    file: str | None
    backs: list[str]


class ExportVariant(_Out):
    id: str
    name: str
    family: str
    role: str
    aliases: list[str]
    summary: str
    file: str | None


class ExportSheet(_Out):
    record: str
    kind: str
    id: str
    subject: str
    title: str
    note: str | None
    file: str | None


class ExportIdentifier(Identifier):
    """A published identifier with the set (publisher, namespace) that lists it."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    set: str
    publisher: str
    namespace: str


class ExportDocument(_Out):
    """The whole knowledge base as one JSON document (``llama4ref export --format json``)."""

    schema_version: Literal[3]
    data_version: str
    package_version: str
    counts: dict[str, int]
    sources: list[ExportSource]
    variants: list[ExportVariant]
    sheets: list[ExportSheet]
    facts: list[ExportFact]
    license_terms: list[LicenseTerm]
    identifiers: list[ExportIdentifier]


def _collections() -> dict[str, str]:
    out: dict[str, str] = {}
    for kind in KINDS:
        if kind.collection:
            out[kind.collection] = kind.item
        if kind.name == SHEETS:
            out["facts"] = "fact"  # the facts follow the records they are written in
    return out


COLLECTIONS: dict[str, str] = _collections()
"""Document list → the ``type`` of its lines in JSONL."""


def export_document(kb: KnowledgeBase) -> ExportDocument:
    """Every record of ``kb``, stored and derived facts included, in a stable order."""
    from llama4ref.version import __version__

    variant_ids = [v.id for v in kb.variants()]
    sources = [
        ExportSource.model_validate({**s.to_json(), "file": kb.source_file(s.id), "backs": kb.backed_by(s.id)}, strict=False)
        for s in kb.sources()
    ]
    variants = [ExportVariant.model_validate(v.to_json()) for v in sorted(kb.variants(), key=lambda v: v.id)]
    sheets = [
        ExportSheet(record=s.record, kind=s.kind, id=s.id, subject=s.subject, title=s.title, note=s.note, file=s.file)
        for s in kb.sheets()
    ]
    facts = [
        ExportFact.model_validate(
            {**f.to_json(), "variant": fact_variant(f.path, variant_ids), "as_of": newest_source_date(kb, f)}, strict=False
        )
        for f in kb.facts(terms=False)  # the license terms have their own list
    ]
    terms = [LicenseTerm.model_validate(t.to_json(), strict=False) for t in sorted(kb.license_terms(), key=lambda t: t.id)]
    idents = [ExportIdentifier.model_validate(i.to_json(), strict=False) for i in sorted(kb.identifiers(), key=lambda i: i.name)]
    built: dict[str, list[Any]] = {
        "sources": sources,
        "variants": variants,
        "sheets": sheets,
        "facts": facts,
        "license_terms": terms,
        "identifiers": idents,
    }
    lists = {name: built[name] if name in built else _records(kb, name) for name in COLLECTIONS}
    return ExportDocument(
        schema_version=EXPORT_SCHEMA_VERSION,
        data_version=kb.data_version,
        package_version=__version__,
        counts={k: len(v) for k, v in lists.items()},
        **lists,
    )


def _records(kb: KnowledgeBase, collection: str) -> list[Any]:
    """A kind's records as their JSON (an ExportDocument field of its model's type validates them)."""
    from llama4ref.store import answers

    kind = next(k for k in KINDS if k.collection == collection)
    return [r.to_json() for r in kb.records(getattr(answers, kind.answer))]


def render_json(doc: ExportDocument) -> str:
    """The JSON document: sorted keys, two-space indent, trailing newline."""
    return json.dumps(doc.model_dump(mode="json"), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def render_jsonl(doc: ExportDocument) -> str:
    """One object per line: first a ``meta`` line, then every record with its ``type``."""
    data = doc.model_dump(mode="json")
    meta = {"type": "meta", **{k: data[k] for k in ("schema_version", "data_version", "package_version", "counts")}}
    lines = [json.dumps(meta, ensure_ascii=False, sort_keys=True)]
    for collection, type_ in COLLECTIONS.items():
        lines += [json.dumps({"type": type_, **item}, ensure_ascii=False, sort_keys=True) for item in data[collection]]
    return "\n".join(lines) + "\n"


def export_text(kb: KnowledgeBase, fmt: Literal["json", "jsonl"]) -> str:
    """The JSON or JSONL export as text (what ``llama4ref export`` prints without ``-o``)."""
    from llama4ref.export.writing import export_text_counted

    return export_text_counted(kb, fmt)[0]
