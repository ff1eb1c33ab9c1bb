"""SARIF 2.1.0, the one writer both checkers use (``license check`` and ``check-claims``).

A checker describes its rules and its results; this module puts them in the log shape GitHub
code scanning accepts: one run, the rules in ``tool.driver.rules``, each result pointing at its
rule by id and index, locations relative to ``%SRCROOT%``, and a ``partialFingerprints`` hash
(rule, URI and message with digits removed) so a finding is followed across commits when lines
move.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import Any

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
FINGERPRINT = "llama4ref/v1"


def rule(
    rule_id: str,
    name: str,
    short: str,
    full: str,
    help_text: str,
    level: str,
    properties: Mapping[str, Any],
    *,
    markdown: str = "",
) -> dict[str, Any]:
    """One ``reportingDescriptor``: a rule as the log lists it."""
    help_block = {"text": help_text} | ({"markdown": markdown} if markdown else {})
    return {
        "id": rule_id,
        "name": name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": help_block,
        "defaultConfiguration": {"level": level},
        "properties": dict(properties),
    }


def location(uri: str, line: int = 0, column: int = 0) -> dict[str, Any]:
    """A physical location relative to ``%SRCROOT%``: a region only when a line is known."""
    loc: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
    if line:
        loc["region"] = {"startLine": line} | ({"startColumn": column} if column else {})
    return loc


def result(
    rule_id: str,
    rule_index: int,
    level: str,
    message: str,
    where: dict[str, Any],
    properties: Mapping[str, Any],
    *,
    key: str = "",
) -> dict[str, Any]:
    """One result; its fingerprint hashes the rule, the URI, ``key`` and the message without digits."""
    uri = str(where["artifactLocation"]["uri"])
    stable = "\0".join((rule_id, uri, key, re.sub(r"\d+", "#", message)))
    return {
        "ruleId": rule_id,
        "ruleIndex": rule_index,
        "level": level,
        "message": {"text": message},
        "locations": [{"physicalLocation": where}],
        "partialFingerprints": {FINGERPRINT: hashlib.sha256(stable.encode("utf-8", "surrogatepass")).hexdigest()},
        "properties": dict(properties),
    }


def sarif_log(
    rules: Sequence[dict[str, Any]],
    results: Sequence[dict[str, Any]],
    *,
    tool_version: str,
    root: str,
    information_uri: str | None = None,
) -> dict[str, Any]:
    """The whole log (a JSON-ready dict): one run of the ``llama4ref`` driver; ``root`` says
    what ``%SRCROOT%`` is."""
    driver: dict[str, Any] = {"name": "llama4ref", "version": tool_version, "semanticVersion": tool_version, "rules": list(rules)}
    if information_uri:
        driver["informationUri"] = information_uri
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": root}}},
                "results": list(results),
            }
        ],
    }
