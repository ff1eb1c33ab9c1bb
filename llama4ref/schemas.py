"""The JSON Schemas that ship with the package: one per record kind, the export document, and one
per ``--json`` kind. They are generated into ``schemas/`` by ``tools/schemagen.py`` (run by
``python -m tools.build``) and ship in the wheel as ``llama4ref/_schemas/``. Each ``$id`` is a URN
naming the file (``urn:llama4ref:schemas:json/fact.schema.json``): stable, and no web address.
"""

from __future__ import annotations

import json
from typing import Any


def shipped_schema(name: str) -> dict[str, Any]:
    """A schema as shipped, by its path under ``schemas/`` (``"json/fact.schema.json"``); read
    with importlib.resources from the wheel (zip-safe), or from ``schemas/`` in a checkout."""
    from importlib.resources import files
    from pathlib import Path

    packaged = files("llama4ref").joinpath("_schemas", *name.split("/"))
    if packaged.is_file():
        return json.loads(packaged.read_text(encoding="utf-8"))  # type: ignore[no-any-return]  # a schema is a JSON object
    checkout = Path(__file__).resolve().parent.parent / "schemas" / name
    return json.loads(checkout.read_text(encoding="utf-8"))  # type: ignore[no-any-return]  # a schema is a JSON object
