"""JSON Schemas (draft 2020-12), generated: one per record kind (from the record models), the
export document, and one per ``--json`` kind (the envelope, from :mod:`llama4ref.store.shapes`).

The files are written to ``schemas/`` by ``python -m tools.build`` and ship in the wheel as
``llama4ref/_schemas/``; :func:`shipped_schema` reads them (zip-safe). Each ``$id`` is a URN
naming the file (``urn:llama4ref:schemas:json/fact.schema.json``): stable, and no web address.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from llama4ref.records import registry

if TYPE_CHECKING:
    from pydantic import BaseModel

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE_URI = "urn:llama4ref:schemas:"
RECORD_SCHEMAS = tuple(k.schema for k in registry.KINDS)


def schema_models() -> dict[str, type[BaseModel]]:
    """Record kind (its schema name) → its pydantic model, from the registry of record kinds."""
    return {k.schema: k.load_model() for k in registry.KINDS}


def _head(name: str) -> dict[str, Any]:
    return {"$schema": DRAFT, "$id": f"{BASE_URI}{name}.schema.json"}


def schema_for(name: str) -> dict[str, Any]:
    """The schema of one record kind."""
    return _head(name) | schema_models()[name].model_json_schema(mode="validation")


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_schema() -> dict[str, Any]:
    """The schema of the JSON export document (``llama4ref export --format json``)."""
    from llama4ref.export.document import ExportDocument

    return _head("export") | ExportDocument.model_json_schema(mode="serialization")


def _closed(node: Any) -> Any:
    """Every object with declared properties refuses others (so an undocumented field fails the
    test that validates real output), and per-property titles (noise) are dropped."""
    if isinstance(node, list):
        return [_closed(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: _closed(v) for k, v in node.items()}
    if isinstance(out.get("properties"), dict):
        out["additionalProperties"] = False
        out["properties"] = {k: {a: b for a, b in v.items() if a != "title"} for k, v in out["properties"].items()}
    return out


def output_schema(kind: str) -> dict[str, Any]:
    """The schema of the ``--json`` envelope of ``kind``: ``{schema_version, kind, data}``."""
    from typing import Literal

    from pydantic import ConfigDict, TypeAdapter
    from typing_extensions import TypedDict

    from llama4ref.cli.output import JSON_SCHEMA_VERSION
    from llama4ref.store.shapes.kinds import KINDS

    spec = KINDS[kind]
    literal: Any = Literal  # the envelope is made here, per kind: a type built at run time, not a static one
    typed_dict: Any = TypedDict
    envelope = typed_dict("Envelope", {"schema_version": literal[JSON_SCHEMA_VERSION], "kind": literal[kind], "data": spec.data})
    envelope.__doc__ = f"The `{kind}` envelope: {spec.summary}"
    envelope.__pydantic_config__ = ConfigDict(use_attribute_docstrings=True)
    schema: dict[str, Any] = _closed(TypeAdapter(envelope).json_schema(mode="serialization"))
    schema.pop("title", None)
    return _head(f"json/{kind}") | {"title": f"llama4ref --json: {kind}"} | schema


def envelope_schema() -> dict[str, Any]:
    """The envelope every ``--json`` output shares, whatever its kind."""
    from llama4ref.cli.output import JSON_SCHEMA_VERSION
    from llama4ref.store.shapes.kinds import KINDS

    return _head("json/envelope") | {
        "title": "llama4ref --json envelope",
        "description": "Every --json output: data's shape is given by kind (json/<kind>.schema.json).",
        "type": "object",
        "properties": {
            "schema_version": {"const": JSON_SCHEMA_VERSION},
            "kind": {"enum": sorted(KINDS)},
            "data": {},
        },
        "required": ["schema_version", "kind", "data"],
        "additionalProperties": False,
    }


def all_schemas() -> dict[str, str]:
    """Path under ``schemas/`` → exact text of every generated schema."""
    from llama4ref.store.shapes.kinds import KINDS

    out = {f"{name}.schema.json": render(schema_for(name)) for name in schema_models()}
    out["export.schema.json"] = render(export_schema())
    out["json/envelope.schema.json"] = render(envelope_schema())
    out.update({f"json/{kind}.schema.json": render(output_schema(kind)) for kind in sorted(KINDS)})
    return out
