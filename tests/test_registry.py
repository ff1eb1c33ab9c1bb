"""The registry of record kinds (llama4ref.records.registry) is what every consumer reads, and
docs/contributing.md's worked example ("Adding a record kind") works as written."""

from __future__ import annotations
import __future__

import re
import shutil
import sys
import types
from pathlib import Path
from typing import Any, get_type_hints

import pytest
import yaml

from llama4ref.cli.commands.core import LIST_KINDS
from llama4ref.cli.render.listing import columns_and_rows
from llama4ref.domain.diff import diff_knowledge_bases
from llama4ref.domain.listing import list_records
from llama4ref.export.document import COLLECTIONS, ExportDocument
from llama4ref.export.tables import TABLE_NAMES
from llama4ref.records import models, registry
from llama4ref.records.tree import RECORD_KINDS, load_tree
from llama4ref.store import answers, codec
from llama4ref.store.index import compile_index, head_sections, lazy_sections, read_index
from llama4ref.store.knowledge_base import KnowledgeBase
from llama4ref.store.shapes import records as record_shapes
from llama4ref.store.shapes.kinds import KINDS as ENVELOPES
from tests.conftest import REPO
from tools.schemagen import RECORD_SCHEMAS, schema_models

FACT_TABLES = {"meta", "facts", "fact_value_items", "fact_qualifiers", "derived_inputs", "alternatives", "citations"}
"""Export tables that belong to facts (not a record kind) or to the export itself."""


def test_every_kind_names_a_model_a_section_and_a_schema() -> None:
    """Each kind's model is a record model, its section is in the shipped index, its schema is generated."""
    shipped = read_index()
    for kind in registry.KINDS:
        assert kind.load_model() is getattr(models, kind.model)
        assert kind.section in shipped and kind.section in (*head_sections(), *lazy_sections())
        assert (REPO / "schemas" / f"{kind.schema}.schema.json").is_file()
        assert not kind.answer or hasattr(answers, kind.answer)
    assert tuple(k.schema for k in registry.KINDS) == RECORD_SCHEMAS
    assert set(schema_models()) == set(RECORD_SCHEMAS)
    assert set(RECORD_KINDS) == set(registry.DEDICATED) and registry.SHEETS not in RECORD_KINDS


def test_listings_exports_and_tables_come_from_the_registry() -> None:
    """`list`, the export collections and the export tables are the kinds' (plus the facts')."""
    listed = [k.listing for k in registry.KINDS if k.listing]
    assert set(LIST_KINDS) == {*listed, "facts", "conflicts"} and LIST_KINDS[0] == "variants"
    assert all(name in ENVELOPES for name in LIST_KINDS)  # each `list … --json` has its shape
    exported = {k.collection: k.item for k in registry.KINDS if k.collection}
    assert {**exported, "facts": "fact"} == COLLECTIONS
    assert list(COLLECTIONS) == ["sources", "variants", "sheets", "facts", "license_terms", "identifiers"]  # JSONL order
    assert set(COLLECTIONS) | {"schema_version", "data_version", "package_version", "counts"} == set(ExportDocument.model_fields)
    owned = [t for k in registry.KINDS for t in k.tables]
    assert len(owned) == len(set(owned))
    assert set(TABLE_NAMES) == set(owned) | FACT_TABLES


def _section(title: str) -> str:
    text = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _run(code: str, namespace: dict[str, Any], where: str) -> None:
    flags = __future__.annotations.compiler_flag  # as in a module that starts with the future import
    exec(compile(code, where, "exec", flags=flags, dont_inherit=True), namespace)  # our own docs, run as written


@pytest.fixture
def errata(monkeypatch: pytest.MonkeyPatch) -> registry.RecordKind:
    """The worked example's kind, added as docs/contributing.md says: model, registry entry, answer, shape."""
    model_code, entry_code, answer_code, shape_code = re.findall(r"```python\n(.*?)```", _section("Adding a record kind"), re.S)
    module = types.ModuleType("llama4ref.records.models.erratum")
    monkeypatch.setitem(sys.modules, module.__name__, module)
    _run(model_code, module.__dict__, "docs/contributing.md (model)")
    monkeypatch.setattr(models, "Erratum", module.Erratum, raising=False)

    kind: registry.RecordKind = eval(entry_code, {"RecordKind": registry.RecordKind})  # the entry as written
    kinds = (*registry.KINDS, kind)
    monkeypatch.setattr(registry, "KINDS", kinds)
    monkeypatch.setattr(registry, "BY_NAME", {k.name: k for k in kinds})
    monkeypatch.setattr(registry, "DEDICATED", (*registry.DEDICATED, kind.name))

    shapes_ns = dict(vars(record_shapes))
    _run(shape_code, shapes_ns, "docs/contributing.md (shape)")
    monkeypatch.setattr(record_shapes, "ErratumJSON", shapes_ns["ErratumJSON"], raising=False)
    monkeypatch.setattr(codec, "_CODECS", dict(codec._CODECS))  # the example's codecs go away after the test
    answers_ns = dict(vars(answers))
    _run(answer_code, answers_ns, "docs/contributing.md (answer)")
    monkeypatch.setattr(answers, "Erratum", answers_ns["Erratum"], raising=False)
    return kind


def _tree(root: Path, facts_dir: Path, summary: str, extra: str = "") -> Path:
    """A small facts tree: one variant, the sources one shipped fact cites, and one erratum quoting them."""
    shipped = yaml.safe_load((facts_dir / "variants" / "scout.yaml").read_text(encoding="utf-8"))
    citation = shipped["facts"]["params.total"]["citations"][0]
    (root / "variants").mkdir(parents=True)
    (root / "variants" / "scout.yaml").write_text(
        "id: scout\nname: Llama 4 Scout\nfamily: llama-4\nrole: released\nsummary: The smaller released model.\n",
        encoding="utf-8",
    )
    (root / "sources").mkdir()
    shutil.copy(facts_dir / "sources" / f"{citation['source']}.yaml", root / "sources")
    (root / "errata").mkdir()
    record = {
        "id": "example-fix",
        "source": citation["source"],
        "published": "2025-04-05",
        "summary": summary,
        "citations": [citation],
    }
    (root / "errata" / "example-fix.yaml").write_text(yaml.safe_dump(record, allow_unicode=True) + extra, encoding="utf-8")
    return root


def test_the_worked_example_kind_is_loaded_compiled_queried_listed_and_diffed(
    errata: registry.RecordKind, facts_dir: Path, tmp_path: Path
) -> None:
    """A new kind made of the example's model, entry, answer and shape works end to end."""
    tree = load_tree(_tree(tmp_path / "old", facts_dir, "The first wording."))
    assert tree.ok, tree.diagnostics  # its citation resolves, and its source counts as cited
    index = compile_index(tree)
    assert list(index[errata.section]) == ["example-fix"]
    assert "errata" not in index["kinds"]  # a kind of its own, not a topic of fact sheets

    kb = KnowledgeBase(index)
    erratum_type = answers.Erratum  # type: ignore[attr-defined]
    [found] = kb.records(erratum_type)
    assert found.id == "example-fix" and found.published.isoformat() == "2025-04-05"
    data = found.to_json()
    assert list(data) == list(get_type_hints(record_shapes.ErratumJSON))  # type: ignore[attr-defined]
    assert erratum_type.from_index(data) == found

    listing = list_records(kb, "errata")
    columns, rows = columns_and_rows(listing)
    assert columns == ["id", "source", "published", "summary", "citations"]
    assert rows == [["example-fix", found.source, "2025-04-05", "The first wording.", "1"]]
    assert listing.to_json() == [data]

    new = KnowledgeBase(compile_index(load_tree(_tree(tmp_path / "new", facts_dir, "The corrected wording."))))
    change = diff_knowledge_bases(kb, new).records_changed
    assert [(c.kind, c.id, list(c.fields)) for c in change] == [("erratum", "example-fix", ["summary"])]


def test_the_worked_example_kind_is_validated(errata: registry.RecordKind, facts_dir: Path, tmp_path: Path) -> None:
    """Its records are validated by its model: an unknown field is a diagnostic at its line."""
    tree = load_tree(_tree(tmp_path / "facts", facts_dir, "A wording.", extra="severity: high\n"))
    codes = [(Path(d.file).parent.name, d.code, d.message) for d in tree.diagnostics]
    assert ("errata", "L4R-S001", "severity: unknown field 'severity'") in codes


def test_a_model_and_an_entry_are_a_complete_kind_of_data(
    errata: registry.RecordKind, facts_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without an answer type, the example kind is still validated, compiled, quote-counted and given a schema."""
    from llama4ref.domain.quotes import _index_citations
    from tools.schemagen import all_schemas

    data_only = registry.RecordKind(
        name=errata.name, model=errata.model, schema=errata.schema, item=errata.item, section=errata.section
    )
    monkeypatch.setattr(registry, "KINDS", (*registry.KINDS[:-1], data_only))
    monkeypatch.setattr(registry, "BY_NAME", {k.name: k for k in registry.KINDS})
    tree = load_tree(_tree(tmp_path / "facts", facts_dir, "A wording."))
    assert tree.ok, tree.diagnostics
    index = compile_index(tree)
    assert index["errata"]["example-fix"]["file"] == "facts/errata/example-fix.yaml"
    quoted = [c["quote"] for c in _index_citations(index)]
    assert quoted == [index["errata"]["example-fix"]["citations"][0]["quote"]]  # the tree's one quote, counted
    assert '"title": "Erratum"' in all_schemas()["erratum.schema.json"]
