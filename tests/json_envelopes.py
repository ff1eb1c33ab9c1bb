"""Check a ``--json`` output against the shipped JSON Schema of its kind (used by several test modules)."""

from __future__ import annotations

import json
from typing import Any

import jsonschema

from llama4ref.schemas import shipped_schema


def schema_errors(doc: Any) -> list[str]:
    """Every way ``doc`` breaks the envelope schema and its kind's schema, as ``path: message`` lines."""
    envelope = jsonschema.Draft202012Validator(shipped_schema("json/envelope.schema.json"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in envelope.iter_errors(doc)]
    if errors:
        return errors
    validator = jsonschema.Draft202012Validator(shipped_schema(f"json/{doc['kind']}.schema.json"))
    found = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}" for e in found]


def checked_kind(stdout: str) -> str:
    """The kind of a ``--json`` output; an AssertionError naming every schema violation first."""
    doc = json.loads(stdout)
    errors = schema_errors(doc)
    assert not errors, "\n".join(errors[:20])
    return str(doc["kind"])
