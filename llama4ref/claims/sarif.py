"""SARIF 2.1.0 output of check-claims (the one SARIF writer, :mod:`llama4ref.export.sarif`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from llama4ref.claims import CODES, Claim
from llama4ref.claims.files import FileWarning
from llama4ref.export.sarif import location, result, rule, sarif_log
from llama4ref.textfile import ENCODING_CODE

_LEVEL = {"contradicted": "error", "disputed": "warning", "supported": "note", "unchecked": "none"}
_HELP = {
    "supported": "The stated value agrees with the records (within its written rounding).",
    "contradicted": "The stated value disagrees with the recorded value for this variant, attribute and tier.",
    "disputed": "The stated value matches a value the records keep but rank below the preferred one.",
    "unchecked": "A Llama 4 statement the records cannot check.",
}


_ENCODING_HELP = "The document is not valid UTF-8: it was read with replacement characters, and its claims may be misread."


def to_sarif(claims: Sequence[Claim], *, tool_version: str, warnings: Sequence[FileWarning] = ()) -> dict[str, Any]:
    """A SARIF log (JSON-ready dict) with one result per claim, and one per document read with a warning."""
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
    rules.append(rule(ENCODING_CODE, "FileEncoding", "Document not valid UTF-8", _ENCODING_HELP, _ENCODING_HELP, "warning", tags))
    results += [
        result(w.code, len(rules) - 1, "warning", w.message, location(w.file if w.file != "-" else "stdin"), {}) for w in warnings
    ]
    return sarif_log(rules, results, tool_version=tool_version, root="The directory check-claims ran in.")
