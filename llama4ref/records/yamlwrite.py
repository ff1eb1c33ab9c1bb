"""Deterministic YAML in the records' house style, and block replacement inside a record file.

The records are written by hand and by tools in one style: keys plain, strings double-quoted
(JSON escapes, which YAML reads the same), integers of six digits or more grouped with
underscores (``131_072``), dates of ``as_of``/``published``/``retrieved`` plain, lists in
block style indented under their key, a trailing newline. :func:`emit` writes that style, so a
fact block that a tool rewrites differs from the hand-written one only where its data does.
What is written is read back by the strict loader (:mod:`llama4ref.records.yamlload`): no value may
come out retyped.
"""

from __future__ import annotations

import json
import re
from typing import Any

PLAIN_DATE_KEYS = frozenset({"as_of", "published", "retrieved"})
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def scalar(value: Any, key: str | None = None) -> str:
    """One scalar as the records write it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value:_}" if abs(value) >= 100_000 else str(value)
    if isinstance(value, float):
        text = repr(value)
        if "e" in text or "inf" in text or "nan" in text:
            raise ValueError(f"{value!r} has no plain decimal form the loader accepts")
        return text
    if value is None:
        return "null"
    if key in PLAIN_DATE_KEYS and _DATE.match(str(value)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def emit(data: Any, indent: int = 0, key: str | None = None) -> list[str]:
    """The lines of a mapping or list, indented by ``indent`` spaces."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if isinstance(v, dict | list) and v:
                out.append(f"{pad}{k}:")
                out += emit(v, indent + 2, k)
            elif isinstance(v, dict | list):
                out.append(f"{pad}{k}: {'{}' if isinstance(v, dict) else '[]'}")
            else:
                out.append(f"{pad}{k}: {scalar(v, k)}")
        return out
    for item in data:
        if isinstance(item, dict | list):
            sub = emit(item, indent + 2)
            sub[0] = f"{pad}- {sub[0][indent + 2 :]}"
            out += sub
        else:
            out.append(f"{pad}- {scalar(item, key)}")
    return out


def document(data: dict[str, Any]) -> str:
    """A whole record file."""
    return "\n".join(emit(data)) + "\n"


def block_end(lines: list[str], start: int, indent: int) -> int:
    """The index after the block that begins at ``lines[start]``: the next line indented ``indent`` or less."""
    end = start + 1
    while end < len(lines):
        text = lines[end]
        if text.strip() and len(text) - len(text.lstrip(" ")) <= indent:
            break
        end += 1
    return end
