"""What the SQLite export's tables and columns mean, as Datasette metadata.

`llama4ref export --format sqlite -o NAME.db` writes ``NAME.metadata.json`` beside the database:
``datasette NAME.db --metadata NAME.metadata.json`` then shows the title, description, license
and source of the data, a description of every table and column, and full-text search on the
tables listed in :data:`FULL_TEXT`. A test keeps :data:`COLUMNS` complete: every column of every
table has its sentence here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from llama4ref.export.tables import Table
    from llama4ref.store.knowledge_base import KnowledgeBase

FULL_TEXT: dict[str, tuple[str, ...]] = {
    "sources": ("id", "title", "publisher", "note"),
    "citations": ("quote", "locator", "source_id", "note"),
}
"""Tables with a full-text index (FTS5, ``<table>_fts``) and the columns it covers."""

_CITATION_OWNER = "set when the citation belongs to"
COLUMNS: dict[str, dict[str, str]] = {
    "meta": {"key": "schema_version, data_version or package_version", "value": "its value"},
    "sources": {
        "id": "the source's id (the file name of its record in facts/sources/)",
        "title": "the document's title",
        "publisher": "who published it",
        "kind": "the kind of document (model card, paper, docs page, repository file, ...)",
        "tier": "first-party (Meta), implementation (an engine's code or docs) or third-party",
        "url": "the canonical address of the document",
        "repo": "for a file in a git repository: owner/name",
        "repo_path": "for a file in a git repository: its path",
        "version_commit": "the commit the file is pinned to",
        "version_published": "the date the document was published (YYYY-MM-DD)",
        "version_release": "the release (package version, tag) it is pinned to",
        "version_snapshot": "the snapshot it was read in, where no other pin exists",
        "transcribes": "for a transcription: the source it transcribes",
        "pin": "the pinned version in one string (commit, release or date)",
        "retrieved": "when the source was read (YYYY-MM-DD)",
        "note": "remarks on the source",
        "file": "the record's file in the facts tree",
    },
    "source_authors": {"source_id": "the source", "position": "1 for the first author", "author": "the author's name"},
    "variants": {
        "id": "the model's id, as used in fact paths",
        "name": "its published name",
        "family": "llama-4, or the family of a comparison model",
        "role": "released, preview, or comparison (a model the sources compare with)",
        "summary": "one sentence on the model",
        "file": "the record's file in the facts tree",
    },
    "variant_aliases": {"variant_id": "the model", "alias": "another name or published id that denotes it"},
    "sheets": {
        "record": "the fact sheet's key",
        "kind": "its topic folder (architecture, providers, ...)",
        "id": "its id",
        "subject": "the path prefix its facts share",
        "title": "its title",
        "note": "remarks on the sheet",
        "file": "the record's file in the facts tree",
    },
    "facts": {
        "path": "the dotted fact path, e.g. scout.params.total",
        "variant_id": "the model the fact is about, when it is about one",
        "sheet": "the fact sheet it is written in",
        "record": "the record (variant or sheet) that holds it",
        "value": "the preferred value in base units; lists and mappings are in fact_value_items",
        "value_json": "the value as JSON",
        "unit": "the unit of value (parameters, tokens, usd_per_million_tokens, ...)",
        "bound": "exact, approximately, less_than, at_most, more_than or at_least",
        "display": "the value as a person reads it, with its unit",
        "as_of": "the latest date its sources state it (YYYY-MM-DD)",
        "note": "remarks on the fact",
        "derived": "1 when computed from other facts (see derived_inputs and formula)",
        "formula": "for a derived fact: how it is computed",
        "file": "file and line of the fact in the facts tree",
    },
    "fact_value_items": {
        "fact_path": "the fact whose value this is part of",
        "item": "the position in a list value (1, 2, ...); 0 for a mapping value",
        "key": "the key within a mapping (empty for a list of scalars)",
        "value": "the part's value",
        "value_json": "the part as JSON",
    },
    "fact_qualifiers": {
        "fact_path": "the fact",
        "name": "the qualifier (benchmark, shots, metric, provenance, ...)",
        "value": "its value",
    },
    "derived_inputs": {
        "fact_path": "the derived fact",
        "position": "1 for the first input",
        "input_path": "a fact it is computed from",
    },
    "alternatives": {
        "id": "the alternative's row id",
        "fact_path": "the fact it is an alternative value of",
        "position": "1 for the first alternative of the fact",
        "claim_id": "its id within the fact's record, if it has one",
        "value": "the value this source gives",
        "value_json": "the value as JSON",
        "bound": "exact, approximately, less_than, at_most, more_than or at_least",
        "display": "the value as a person reads it",
        "rank": "why it is not preferred: rounded, superseded, disputed, deprecated or alternative",
        "reason": "the reason for the rank",
        "superseded_by": "for a superseded value: 'preferred' or the claim id that replaced it",
        "superseded_by_alternative_id": "the alternative that replaced it (empty when the preferred value did)",
        "note": "remarks on the alternative",
    },
    "license_terms": {
        "id": "the term's id",
        "document": "llama-4-community-license or acceptable-use-policy",
        "section": "the section it comes from",
        "kind": "obligation, permission, restriction, condition, termination, notice or other",
        "title": "the term in a few words",
        "summary": "what it means, in our words",
        "checkable": "whether a machine can check it",
        "rule": "the compliance rule id that checks it",
    },
    "license_term_related": {"term_id": "the license term", "fact_path": "a fact it relates to"},
    "identifier_sets": {
        "id": "the catalog of published ids (a publisher's repos, a provider's model ids)",
        "publisher": "who publishes the ids",
        "namespace": "the namespace the ids live in (a Hugging Face org, a provider API)",
    },
    "identifiers": {
        "id": "set:name",
        "name": "the published id",
        "set_id": "the catalog it is listed in",
        "variant_id": "the model it denotes",
        "stage": "base or instruct",
        "precision": "bf16, fp8, int4, ...",
        "packaging": "how the weights are packaged (safetensors, gguf, mlx, ...)",
        "official": "1 when Meta publishes it",
        "valid": "0 when the name misstates the model it holds",
        "reason": "why it is invalid, or what is unusual about it",
        "note": "remarks",
    },
    "citations": {
        "id": "the citation's row id",
        "owner_kind": "fact, alternative, license_term or identifier",
        "fact_path": f"{_CITATION_OWNER} a fact",
        "alternative_id": f"{_CITATION_OWNER} an alternative value",
        "license_term_id": f"{_CITATION_OWNER} a license term",
        "identifier_id": f"{_CITATION_OWNER} a published identifier",
        "position": "1 for the owner's first citation",
        "source_id": "the cited source",
        "locator": "where in the source (section, table, line)",
        "quote": "the source's own words, verbatim",
        "as_of": "the date the source states the value for (YYYY-MM-DD)",
        "note": "remarks on the citation",
    },
}


def datasette_metadata(kb: KnowledgeBase, database: str, tables: dict[str, Table]) -> dict[str, Any]:
    """Datasette's metadata document for the export of ``kb`` opened under the name ``database``."""
    from llama4ref.version import __version__

    described: dict[str, Any] = {}
    for name, table in tables.items():
        entry: dict[str, Any] = {"description": table.doc, "columns": {c: COLUMNS[name][c] for c in table.column_names}}
        if name == "facts":
            entry["facets"] = ["variant_id", "unit"]
        described[name] = entry
    return {
        "title": "llama4ref: a cited reference for Meta's Llama 4 models",
        "description": (
            f"Every fact about Llama 4 Scout, Maverick and Behemoth with its sources, verbatim quotes and ranked "
            f"alternatives (data {kb.data_version}, llama4ref {__version__}). Start with the views "
            "v_provider_limits, v_benchmarks and v_conflicts."
        ),
        "license": "MIT (the llama4ref data and code; quotes remain their sources' own words)",
        "source": "facts/ of llama4ref, data version " + kb.data_version,
        "databases": {database: {"tables": described}},
    }
