"""The knowledge base as tidy relational tables: one row per thing, keys and references explicit.

CSV and SQLite exports are both written from these tables, so the two never disagree. Row order is
deterministic (sorted by key); surrogate ids (``alternatives.id``, ``citations.id``) are numbered in
that order, so the same data always gives the same ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from llama4ref.formatting import format_value
from llama4ref.paths import FactPath
from llama4ref.store.answers import Fact
from llama4ref.store.knowledge_base import KnowledgeBase

EXPORT_SCHEMA_VERSION = 3
"""Version of the export formats (JSON document, JSONL lines, CSV and SQLite tables)."""


@dataclass(frozen=True)
class Column:
    """A column: SQL type (empty = no type affinity, the value keeps its own type) and its reference."""

    name: str
    type: str = "TEXT"
    not_null: bool = False
    references: str | None = None  # "table(column)"
    doc: str = ""


@dataclass
class Table:
    """A named table with a primary key, its columns and rows (tuples in column order)."""

    name: str
    doc: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    unique: tuple[tuple[str, ...], ...] = ()

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _c(name: str, type_: str = "TEXT", *, nn: bool = False, ref: str | None = None) -> Column:
    return Column(name, type_, nn, ref)


def _schema() -> list[Table]:
    """Every table, in an order where references point backwards (safe to insert in order)."""
    return [
        Table("meta", "Export metadata: schema and data versions.", (_c("key", nn=True), _c("value")), ("key",)),
        Table(
            "sources",
            "Cited documents, each pinned to one version.",
            (
                _c("id", nn=True),
                _c("title", nn=True),
                _c("publisher"),
                _c("kind"),
                _c("tier"),
                _c("url"),
                _c("repo"),
                _c("repo_path"),
                _c("version_commit"),
                _c("version_published"),
                _c("version_release"),
                _c("version_snapshot"),
                _c("transcribes", ref="sources(id)"),
                _c("pin"),
                _c("retrieved"),
                _c("note"),
                _c("file"),
            ),
            ("id",),
        ),
        Table(
            "source_authors",
            "The authors of each source, in the order the source gives them.",
            (_c("source_id", nn=True, ref="sources(id)"), _c("position", "INTEGER", nn=True), _c("author", nn=True)),
            ("source_id", "position"),
        ),
        Table(
            "variants",
            "Models: Llama 4 variants and the comparison models the sources name.",
            (_c("id", nn=True), _c("name", nn=True), _c("family"), _c("role"), _c("summary"), _c("file")),
            ("id",),
        ),
        Table(
            "variant_aliases",
            "Aliases and published names of each variant.",
            (_c("variant_id", nn=True, ref="variants(id)"), _c("alias", nn=True)),
            ("variant_id", "alias"),
        ),
        Table(
            "sheets",
            "Fact sheets: groups of facts under one path prefix (subject).",
            (_c("record", nn=True), _c("kind"), _c("id"), _c("subject"), _c("title"), _c("note"), _c("file")),
            ("record",),
        ),
        Table(
            "facts",
            "Every fact, stored and derived (derived=1, with formula and inputs).",
            (
                _c("path", nn=True),
                _c("variant_id", ref="variants(id)"),
                _c("sheet", ref="sheets(record)"),
                _c("record"),
                _c("value", ""),
                _c("value_json", nn=True),
                _c("unit", nn=True),
                _c("bound", nn=True),
                _c("display"),
                _c("as_of"),
                _c("note"),
                _c("derived", "INTEGER", nn=True),
                _c("formula"),
                _c("file"),
            ),
            ("path",),
        ),
        Table(
            "fact_value_items",
            "The parts of list and mapping values (checkpoints, languages, ...): one row per item and key.",
            (
                _c("fact_path", nn=True, ref="facts(path)"),
                _c("item", "INTEGER", nn=True),
                _c("key", nn=True),
                _c("value", ""),
                _c("value_json", nn=True),
            ),
            ("fact_path", "item", "key"),
        ),
        Table(
            "fact_qualifiers",
            "Scalar context of a fact's value (benchmark, shots, metric, ...).",
            (_c("fact_path", nn=True, ref="facts(path)"), _c("name", nn=True), _c("value", "")),
            ("fact_path", "name"),
        ),
        Table(
            "derived_inputs",
            "The facts each derived value is computed from.",
            (
                _c("fact_path", nn=True, ref="facts(path)"),
                _c("position", "INTEGER", nn=True),
                _c("input_path", nn=True, ref="facts(path)"),
            ),
            ("fact_path", "position"),
        ),
        Table(
            "alternatives",
            "Other values sources give for a fact, ranked, with the reason.",
            (
                _c("id", "INTEGER", nn=True),
                _c("fact_path", nn=True, ref="facts(path)"),
                _c("position", "INTEGER", nn=True),
                _c("claim_id"),
                _c("value", ""),
                _c("value_json", nn=True),
                _c("bound"),
                _c("display"),
                _c("rank", nn=True),
                _c("reason"),
                _c("superseded_by"),
                _c("superseded_by_alternative_id", "INTEGER", ref="alternatives(id)"),
                _c("note"),
            ),
            ("id",),
            unique=(("fact_path", "position"),),
        ),
        Table(
            "license_terms",
            "Clauses of the Llama 4 Community License and the Acceptable Use Policy.",
            (
                _c("id", nn=True),
                _c("document"),
                _c("section"),
                _c("kind"),
                _c("title"),
                _c("summary"),
                _c("checkable"),
                _c("rule"),
            ),
            ("id",),
        ),
        Table(
            "license_term_related",
            "Facts a license term relates to.",
            (_c("term_id", nn=True, ref="license_terms(id)"), _c("fact_path", nn=True, ref="facts(path)")),
            ("term_id", "fact_path"),
        ),
        Table(
            "identifier_sets",
            "Publishers and providers of published model identifiers.",
            (_c("id", nn=True), _c("publisher"), _c("namespace")),
            ("id",),
        ),
        Table(
            "identifiers",
            "Published identifiers (repos, provider model ids) and what they denote.",
            (
                _c("id", nn=True),
                _c("name", nn=True),
                _c("set_id", ref="identifier_sets(id)"),
                _c("variant_id", ref="variants(id)"),
                _c("stage"),
                _c("precision"),
                _c("packaging"),
                _c("official", "INTEGER"),
                _c("valid", "INTEGER"),
                _c("reason"),
                _c("note"),
            ),
            ("id",),
        ),
        Table(
            "citations",
            "Where a source states a value: exactly one owner (fact, alternative, license term or identifier).",
            (
                _c("id", "INTEGER", nn=True),
                _c("owner_kind", nn=True),
                _c("fact_path", ref="facts(path)"),
                _c("alternative_id", "INTEGER", ref="alternatives(id)"),
                _c("license_term_id", ref="license_terms(id)"),
                _c("identifier_id", ref="identifiers(id)"),
                _c("position", "INTEGER", nn=True),
                _c("source_id", nn=True, ref="sources(id)"),
                _c("locator"),
                _c("quote"),
                _c("as_of"),
                _c("note"),
            ),
            ("id",),
        ),
    ]


TABLE_NAMES: tuple[str, ...] = tuple(t.name for t in _schema())


def scalar(value: Any) -> Any:
    """A value as one cell: scalars as themselves (booleans as 0/1), lists and mappings as JSON."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def value_items(value: Any) -> list[tuple[int, str, Any]]:
    """The rows of ``fact_value_items`` for a value: ``(item, key, part)``.

    A mapping gives item 0 and one row per key; a list gives items 1…n, each with key ``""``, or
    one row per key when the item is itself a mapping (a list of checkpoints). Scalars give none.
    """
    if isinstance(value, dict):
        return [(0, str(k), v) for k, v in sorted(value.items())]
    if isinstance(value, list):
        out: list[tuple[int, str, Any]] = []
        for i, part in enumerate(value, 1):
            if isinstance(part, dict):
                out += [(i, str(k), v) for k, v in sorted(part.items())]
            else:
                out.append((i, "", part))
        return out
    return []


def fact_variant(path: str, variant_ids: Iterable[str]) -> str | None:
    """The variant a fact is about: the path's head when it is a variant id, else the longest one named as a segment."""
    ids = sorted(variant_ids, key=len, reverse=True)
    fp = FactPath.parse(path)
    return fp.head if fp.head in ids else fp.mentions(ids)


def newest_source_date(kb: KnowledgeBase, fact: Fact) -> str | None:
    """The latest date the fact's sources state it (a citation's as_of, else the source's publication date)."""
    dates = []
    for cit in kb.citations_of(fact):
        when = cit.as_of or kb.source(cit.source).version.published
        if when is not None:
            dates.append(when.isoformat())
    return max(dates) if dates else None


def build_tables(kb: KnowledgeBase) -> dict[str, Table]:
    """Every table filled from ``kb``."""
    from llama4ref.version import __version__

    tables = {t.name: t for t in _schema()}

    def add(name: str, *row: Any) -> None:
        tables[name].rows.append(row)

    add("meta", "schema_version", str(EXPORT_SCHEMA_VERSION))
    add("meta", "data_version", kb.data_version)
    add("meta", "package_version", __version__)
    for s in kb.sources():
        v = s.version
        add(
            "sources",
            s.id,
            s.title,
            s.publisher,
            s.kind,
            s.tier,
            s.url,
            s.repo,
            s.path,
            v.commit,
            v.published.isoformat() if v.published else None,
            v.release,
            v.snapshot,
            s.transcribes,
            s.pin(),
            s.retrieved.isoformat(),
            s.note,
            kb.source_file(s.id),
        )
        for i, author in enumerate(s.authors, 1):
            add("source_authors", s.id, i, author)
    variant_ids = []
    for var in sorted(kb.variants(), key=lambda x: x.id):
        variant_ids.append(var.id)
        add("variants", var.id, var.name, var.family, var.role, var.summary, var.file)
        for alias in sorted(set(var.aliases)):
            add("variant_aliases", var.id, alias)
    sheet_list = kb.sheets()
    sheets = {sheet.record for sheet in sheet_list}
    for sheet in sheet_list:
        add("sheets", sheet.record, sheet.kind, sheet.id, sheet.subject, sheet.title, sheet.note, sheet.file)
    cit_rows: list[tuple[str, str | None, int | None, str | None, str | None, list[Any]]] = []
    for fact in kb.facts(terms=False):  # the license terms have their own table
        sheet_key = fact.record if fact.record in sheets else None
        add(
            "facts",
            fact.path,
            fact_variant(fact.path, variant_ids),
            sheet_key,
            fact.record,
            scalar(fact.value),
            to_json(fact.value),
            fact.unit,
            fact.bound,
            fact.display(),
            newest_source_date(kb, fact),
            fact.note,
            int(fact.derived),
            fact.formula,
            fact.file,
        )
        for item, key, part in value_items(fact.value):
            add("fact_value_items", fact.path, item, key, scalar(part), to_json(part))
        for name, qval in sorted(fact.qualifiers.items()):
            add("fact_qualifiers", fact.path, name, scalar(qval))
        for i, inp in enumerate(fact.inputs, 1):
            add("derived_inputs", fact.path, i, inp)
        cit_rows.append(("fact", fact.path, None, None, None, list(fact.citations)))
        first_alt = len(tables["alternatives"].rows) + 1
        claim_ids = {alt.id: first_alt + j for j, alt in enumerate(fact.alternatives) if alt.id}
        for j, alt in enumerate(fact.alternatives, 1):
            alt_id = len(tables["alternatives"].rows) + 1
            add(
                "alternatives",
                alt_id,
                fact.path,
                j,
                alt.id,
                scalar(alt.value),
                to_json(alt.value),
                alt.bound,
                format_value(alt.value, fact.unit, alt.bound),
                alt.rank,
                alt.reason,
                alt.superseded_by,
                claim_ids.get(alt.superseded_by) if alt.superseded_by else None,
                alt.note,
            )
            cit_rows.append(("alternative", None, alt_id, None, None, list(alt.citations)))
    for term in sorted(kb.license_terms(), key=lambda t: t.id):
        add("license_terms", term.id, term.document, term.section, term.kind, term.title, term.summary, term.checkable, term.rule)
        for path in sorted(set(term.related)):
            add("license_term_related", term.id, path)
        cit_rows.append(("license_term", None, None, term.id, None, list(term.citations)))
    sets: dict[str, tuple[Any, ...]] = {}
    for ident in sorted(kb.identifiers(), key=lambda i: i.key):
        sets.setdefault(ident.set, (ident.set, ident.publisher, ident.namespace))
        add(
            "identifiers",
            ident.key,
            ident.name,
            ident.set,
            ident.variant,
            ident.stage,
            ident.precision,
            ident.packaging,
            int(ident.official),
            int(ident.valid),
            ident.reason,
            ident.note,
        )
        cit_rows.append(("identifier", None, None, None, ident.key, list(ident.citations)))
    for row in sorted(sets.values()):
        add("identifier_sets", *row)
    for kind, fpath, owner_alt, term_id, owner_ident, cites in cit_rows:
        for k, cit in enumerate(cites, 1):
            add(
                "citations",
                len(tables["citations"].rows) + 1,
                kind,
                fpath,
                owner_alt,
                term_id,
                owner_ident,
                k,
                cit.source,
                cit.locator,
                cit.quote,
                cit.as_of.isoformat() if cit.as_of else None,
                cit.note,
            )
    return tables
