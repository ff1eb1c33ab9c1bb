"""docs/json.md, generated from the ``--json`` schemas: the envelope, every kind, every shape.

The schemas come from :mod:`llama4ref.store.shapes`, so the page cannot drift from what the
commands print: a field added to a shape appears here on the next ``python -m tools.build``.
"""

from __future__ import annotations

import json
from typing import Any

INTRO = """\
Every command that takes `--json` prints exactly one JSON document on stdout, in one envelope:

```json
{
  "schema_version": 1,
  "kind": "fact",
  "data": {"path": "maverick.params.total", "value": 400000000000, "unit": "parameters", "...": "..."}
}
```

| key | meaning |
|---|---|
| `schema_version` | the version of the envelope and of the shapes inside it; it changes only when a shape changes incompatibly |
| `kind` | what `data` holds: one of the kinds below |
| `data` | the payload: an object or a list, depending on `kind` |

Errors are never printed as JSON: they go to stderr as one line, and the exit code says what
happened (0 success, 1 a check found problems, 2 usage error or unknown id). A check that finds
problems (`validate --json`) still prints its envelope, with the problems inside, and exits 1.

Every field is always present (`null` when it has no value) unless its row says *optional*;
objects carry no other fields.

## JSON Schemas

Each kind has a JSON Schema (draft 2020-12) of its whole envelope: `schemas/json/<kind>.schema.json`
in the repository, and in the installed package, read with
`llama4ref.schemas.shipped_schema("json/<kind>.schema.json")`. `schemas/json/envelope.schema.json`
checks the envelope alone. Each `$id` is a URN (`urn:llama4ref:schemas:json/fact.schema.json`).

```python
import json, subprocess, jsonschema
from llama4ref.schemas import shipped_schema

out = json.loads(subprocess.run(["llama4ref", "get", "scout.params.total", "--json"],
                                capture_output=True, text=True, check=True).stdout)
jsonschema.validate(out, shipped_schema(f"json/{out['kind']}.schema.json"))
```
"""

EXPORT = """\
## The export document

`llama4ref export --format json` prints the whole knowledge base as one document (not an
envelope): `{schema_version, data_version, package_version, counts, sources, variants, sheets,
facts, license_terms, identifiers}`. Its JSON Schema is `schemas/export.schema.json`, generated
from the model `llama4ref.export.document.ExportDocument`. `--format jsonl` prints the same records one
per line, each with a `type` (`meta`, `source`, `variant`, `sheet`, `fact`, `license_term`,
`identifier`).
"""


def _name(ref: str) -> str:
    """``FactJSON`` (a shape) → ``Fact``; a record model's own name gets ``Record`` (``CitationRecord``)."""
    name = ref.rsplit("/", 1)[-1]
    return name.removesuffix("JSON") if name.endswith("JSON") else f"{name}Record"


def _anchor(name: str) -> str:
    return f"shape-{name.lower()}"


def type_text(node: dict[str, Any]) -> str:
    """A schema node as a reader says it: ``list of [Fact](#shape-fact)``, ``string or null``."""
    if "$ref" in node:
        name = _name(node["$ref"])
        return f"[{name}](#{_anchor(name)})"
    if "anyOf" in node:
        return " or ".join(type_text(n) for n in node["anyOf"])
    if "const" in node:
        return f"`{json.dumps(node['const'])}`"
    if "enum" in node:
        return " \\| ".join(f"`{v}`" for v in node["enum"])
    kind = node.get("type")
    if kind == "array":
        return f"list of {type_text(node.get('items', {}))}"
    if kind == "object":
        extra = node.get("additionalProperties")
        return f"object: string → {type_text(extra)}" if isinstance(extra, dict) else "object"
    return str(kind) if kind else "any JSON value"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def fields_table(shape: dict[str, Any]) -> list[str]:
    rows = ["| key | type | meaning |", "|---|---|---|"]
    required = set(shape.get("required", ()))
    for key, node in shape.get("properties", {}).items():
        meaning = _cell(node.get("description", "")) + ("" if key in required else " *optional*")
        rows.append(f"| `{key}` | {type_text(node)} | {meaning.strip()} |")
    return rows


def json_page() -> str:
    """The whole of docs/json.md."""
    from llama4ref.store.shapes.kinds import KINDS
    from tools.docgen import GENERATED_MARK
    from tools.schemagen import output_schema

    schemas = {kind: output_schema(kind) for kind in sorted(KINDS)}
    lines = [GENERATED_MARK, "", "# JSON output", "", INTRO, "## Kinds", ""]
    lines += ["| kind | printed by | `data` | meaning |", "|---|---|---|---|"]
    for kind, schema in schemas.items():
        spec = KINDS[kind]
        commands = ", ".join(f"`{c.strip()}`" for c in spec.commands.split(","))
        lines.append(f"| `{kind}` | {commands} | {type_text(schema['properties']['data'])} | {_cell(spec.summary)} |")
    lines.append("")
    shapes: dict[str, dict[str, Any]] = {}
    for schema in schemas.values():
        for ref, shape in schema.get("$defs", {}).items():
            if shapes.setdefault(_name(ref), shape) != shape:
                raise ValueError(f"two different shapes are named {_name(ref)}: rename one")
    lines += ["## Shapes", "", "The objects inside `data`, in alphabetical order.", ""]
    for name in sorted(shapes):
        shape = shapes[name]
        lines += [f'<a id="{_anchor(name)}"></a>', "", f"### {name}", ""]
        if shape.get("description"):
            lines += [" ".join(shape["description"].split()), ""]
        lines += [*fields_table(shape), ""]
    lines += [EXPORT]
    return "\n".join(lines).rstrip("\n") + "\n"
