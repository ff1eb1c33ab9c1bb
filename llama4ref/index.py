"""The compiled index: the facts tree as one JSON file shipped in the package.

YAML stays the single source of truth. ``compile_index`` turns a validated tree into a plain
JSON document that the runtime reads without PyYAML or model validation of the whole tree;
a test fails when the committed index differs from a fresh compile.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from llama4ref.tree import RECORD_KINDS, Tree, normalise_alias

INDEX_FORMAT = 1
PACKAGE_DIR = Path(__file__).resolve().parent
INDEX_PATH = PACKAGE_DIR / "_index.json"


def shipped_facts_dir() -> Path:
    """The facts tree that came with this installation (wheel or source checkout)."""
    in_wheel = PACKAGE_DIR / "_facts"
    if in_wheel.is_dir():
        return in_wheel
    return PACKAGE_DIR.parent / "facts"


def compile_index(tree: Tree) -> dict[str, Any]:
    """A deterministic JSON-ready document holding every record of ``tree``."""
    dump = _dump
    variants: dict[str, Any] = {}
    aliases: dict[str, str] = {}
    for rec in tree.of_kind("variants"):
        v = rec.record
        variants[v.id] = dump(v, exclude={"facts"}) | {"file": _rel(tree, rec.doc.path)}
        aliases[normalise_alias(v.id)] = v.id
        for alias in v.aliases:
            aliases[normalise_alias(alias)] = v.id
    facts: dict[str, Any] = {}
    for entry in tree.facts():
        line = entry.position("__key__").line
        facts[entry.path] = dump(entry.spec) | {"record": entry.owner.key, "file": f"{_rel(tree, entry.owner.doc.path)}:{line}"}
    sheets = {
        rec.key: dump(rec.record, exclude={"facts"}) | {"kind": rec.kind, "file": _rel(tree, rec.doc.path)} for rec in tree.sheets
    }
    identifiers: dict[str, Any] = {}
    for rec in tree.of_kind("identifiers"):
        s = rec.record
        for ident in s.entries:
            identifiers[normalise_alias(ident.name)] = dump(ident) | {
                "set": s.id,
                "publisher": s.publisher,
                "namespace": s.namespace,
            }
    return {
        "format": INDEX_FORMAT,
        "data_version": tree.data_version,
        "kinds": sorted({r.kind for r in tree.records if r.kind not in RECORD_KINDS}),
        "sources": {r.record.id: dump(r.record) | {"file": _rel(tree, r.doc.path)} for r in tree.of_kind("sources")},
        "variants": variants,
        "aliases": aliases,
        "facts": facts,
        "sheets": sheets,
        "license_terms": {r.record.id: dump(r.record) | {"file": _rel(tree, r.doc.path)} for r in tree.of_kind("license_terms")},
        "identifiers": identifiers,
    }


def render_index(index: dict[str, Any]) -> str:
    """The exact text written to ``_index.json`` (sorted keys, trailing newline)."""
    return json.dumps(index, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def read_index(path: Path = INDEX_PATH) -> dict[str, Any]:
    """Load a compiled index from disk."""
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _dump(model: Any, exclude: set[str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump(mode="json", exclude_defaults=True, exclude=exclude)
    return data


def _rel(tree: Tree, path: Path) -> str:
    try:
        return f"facts/{path.relative_to(tree.root).as_posix()}"
    except ValueError:
        return str(path)
