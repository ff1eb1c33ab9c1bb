"""The shipped facts tree: valid, round-trips, agrees with the JSON Schemas, artefacts fresh."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from llama4ref.records.tree import RECORD_KINDS, LoadedRecord, load_tree
from llama4ref.records.yamlload import load_yaml
from tools.build import stale_files
from tools.schemagen import RECORD_SCHEMAS, schema_for

ROOT = Path(__file__).resolve().parent.parent
TREE = load_tree(ROOT / "facts")
SCHEMA_OF_KIND = {
    "sources": "source",
    "variants": "variant",
    "license_terms": "license-term",
    "identifiers": "identifier-set",
    "vocabulary": "vocabulary",
}


def _ids(recs: list[LoadedRecord]) -> list[str]:
    return [r.key for r in recs]


def test_shipped_tree_validates() -> None:
    """`llama4ref validate` finds nothing in the shipped data."""
    assert [d.format() for d in TREE.diagnostics] == []


@pytest.mark.parametrize("rec", TREE.records, ids=_ids(TREE.records))
def test_record_round_trips(rec: LoadedRecord) -> None:
    """Every record survives load → dump → load unchanged."""
    model = type(rec.record)
    dumped = rec.record.model_dump(mode="json", exclude_defaults=True)
    assert model.model_validate(dumped) == rec.record


@pytest.mark.parametrize("rec", TREE.records, ids=_ids(TREE.records))
def test_record_passes_json_schema(rec: LoadedRecord) -> None:
    """jsonschema accepts every shipped record, so the two validators agree on the real data."""
    schema = schema_for(SCHEMA_OF_KIND.get(rec.kind, "fact-sheet"))
    data = load_yaml(rec.doc.path).data
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


@pytest.mark.parametrize("name", sorted(RECORD_SCHEMAS))
def test_schema_rejects_unknown_field(name: str) -> None:
    """The generated schemas forbid unknown fields, like the models do."""
    schema = schema_for(name)
    assert schema["additionalProperties"] is False
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_directory_is_a_known_kind() -> None:
    """Every directory of the tree holds records: of its kind's model for a record directory,
    fact sheets anywhere else; every record kind has its directory."""
    from llama4ref.records.models import FactSheet

    directories = {p.name for p in (ROOT / "facts").iterdir() if p.is_dir()}
    assert {r.kind for r in TREE.records} == directories
    assert set(RECORD_KINDS) <= directories
    for rec in TREE.records:
        assert type(rec.record) is RECORD_KINDS.get(rec.kind, FactSheet), rec.key


def test_generated_artefacts_are_fresh() -> None:
    """The index, schemas/ and generated docs equal a fresh render (run `python -m tools.build`)."""
    assert [str(p.relative_to(ROOT)) for p in stale_files(ROOT / "facts")] == []


def test_index_is_deterministic() -> None:
    """Two compiles of the same tree give byte-identical indexes."""
    from llama4ref.store.index import compile_index, render_index

    assert render_index(compile_index(TREE)) == render_index(compile_index(load_tree(ROOT / "facts")))
    json.loads(render_index(compile_index(TREE)))
