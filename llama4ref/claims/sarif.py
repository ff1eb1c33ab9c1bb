"""SARIF 2.1.0 output of check-claims (same envelope as the compliance checker's)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from llama4ref.claims import CODES, Claim
from llama4ref.compliance.sarif import SARIF_SCHEMA, SARIF_VERSION

_LEVEL = {"contradicted": "error", "disputed": "warning", "supported": "note", "unchecked": "none"}
_HELP = {
    "supported": "The stated value agrees with the records (within its written rounding).",
    "contradicted": "The stated value disagrees with the recorded value for this variant, attribute and tier.",
    "disputed": "The stated value matches a value the records keep but rank below the preferred one.",
    "unchecked": "A Llama 4 statement the records cannot check.",
}


def to_sarif(claims: Sequence[Claim], *, tool_version: str) -> dict[str, Any]:
    """A SARIF log (JSON-ready dict) with one result per claim."""
    statuses = list(CODES)
    rules = [
        {
            "id": CODES[s],
            "name": "Claim" + s.capitalize(),
            "shortDescription": {"text": f"Llama 4 claim {s}"},
            "fullDescription": {"text": _HELP[s]},
            "help": {"text": _HELP[s]},
            "defaultConfiguration": {"level": _LEVEL[s]},
            "properties": {"tags": ["llama-4", "claims"]},
        }
        for s in statuses
    ]
    results = []
    for c in claims:
        location: dict[str, Any] = {
            "artifactLocation": {"uri": c.file if c.file != "-" else "stdin", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": c.line, "startColumn": c.col},
        }
        results.append(
            {
                "ruleId": c.code,
                "ruleIndex": statuses.index(c.status),
                "level": _LEVEL[c.status],
                "message": {"text": c.message()},
                "locations": [{"physicalLocation": location}],
                "properties": {"fact-path": c.path or "", "status": c.status},
            }
        )
    driver = {"name": "llama4ref", "version": tool_version, "semanticVersion": tool_version, "rules": rules}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The directory check-claims ran in."}}},
                "results": results,
            }
        ],
    }
