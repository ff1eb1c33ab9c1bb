"""JSON Schemas (draft 2020-12) generated from the record models, one file per kind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from llama4ref.models import FactSheet, IdentifierSet, LicenseTerm, Source, Variant, Vocabulary

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "source": Source,
    "variant": Variant,
    "fact-sheet": FactSheet,
    "license-term": LicenseTerm,
    "identifier-set": IdentifierSet,
    "vocabulary": Vocabulary,
}
BASE_URI = "https://llama4ref.invalid/schemas/"


def schema_for(name: str) -> dict[str, Any]:
    model = SCHEMA_MODELS[name]
    schema = model.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{BASE_URI}{name}.schema.json", **schema}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_schema() -> dict[str, Any]:
    """The schema of the JSON export document (``llama4ref export --format json``)."""
    from llama4ref.export import ExportDocument

    schema = ExportDocument.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{BASE_URI}export.schema.json", **schema}


def all_schemas() -> dict[str, str]:
    """File name → exact text of every generated schema: one per record kind, and the export document."""
    out = {f"{name}.schema.json": render(schema_for(name)) for name in SCHEMA_MODELS}
    out["export.schema.json"] = render(export_schema())
    return out


def write_all(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in all_schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
