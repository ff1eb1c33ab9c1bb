"""SARIF 2.1.0 output of check-claims (the one SARIF writer, :mod:`llama4ref.export.sarif`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from llama4ref.claims import CODES, Claim
from llama4ref.export.sarif import location, result, rule, sarif_log

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
    tags = {"tags": ["llama-4", "claims"]}
    rules = [
        rule(CODES[s], "Claim" + s.capitalize(), f"Llama 4 claim {s}", _HELP[s], _HELP[s], _LEVEL[s], tags) for s in statuses
    ]
    results = [
        result(
            c.code,
            statuses.index(c.status),
            _LEVEL[c.status],
            c.message(),
            location(c.file if c.file != "-" else "stdin", c.line, c.col),
            {"fact-path": c.path or "", "status": c.status},
        )
        for c in claims
    ]
    return sarif_log(rules, results, tool_version=tool_version, root="The directory check-claims ran in.")
