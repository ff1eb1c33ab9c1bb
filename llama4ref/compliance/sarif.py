"""SARIF 2.1.0 output of a repository check, in the shape GitHub code scanning accepts.

Every rule is listed in ``tool.driver.rules`` with its default level, a help text and the
license section (``properties.license-section``); every finding is a result with the rule's
index, its level, a message and one physical location relative to ``%SRCROOT%``. Findings
without a line get no ``region`` (the whole file); findings about the directory itself point
at the checked path.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from llama4ref.compliance.findings import Finding
from llama4ref.compliance.repo import RepoReport
from llama4ref.compliance.rules import RULES

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "note": "note"}


def to_sarif(
    reports: RepoReport | Sequence[RepoReport], *, tool_version: str, uri_prefix: str = "", information_uri: str | None = None
) -> dict[str, Any]:
    """A SARIF log (as a JSON-ready dict) with one run holding every report's findings.

    ``uri_prefix`` is prepended to every file path, so results point into the repository
    being scanned (e.g. ``models/my-model/`` when that directory was checked).
    """
    if isinstance(reports, RepoReport):
        reports = [reports]
    rule_ids = list(RULES)
    driver: dict[str, Any] = {
        "name": "llama4ref",
        "version": tool_version,
        "semanticVersion": tool_version,
        "rules": [_rule(rid) for rid in rule_ids],
    }
    if information_uri:
        driver["informationUri"] = information_uri
    results = [_result(f, rule_ids, uri_prefix) for report in reports for f in report.findings]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The root of the checked repository."}}},
                "results": results,
            }
        ],
    }


def _rule(rule_id: str) -> dict[str, Any]:
    r = RULES[rule_id]
    section = f"Llama 4 Community License section {r.section}" if r.section != "-" else "checker diagnostic"
    props: dict[str, Any] = {"tags": ["license", "llama-4"], "license-section": r.section}
    if r.term:
        props["license-term"] = r.term
    return {
        "id": r.id,
        "name": "".join(part.capitalize() for part in r.id.split("-")),
        "shortDescription": {"text": r.title},
        "fullDescription": {"text": f"{r.help} ({section})"},
        "help": {"text": r.help, "markdown": f"**{r.title}** ({section})\n\n{r.help}"},
        "defaultConfiguration": {"level": _LEVEL[r.severity]},
        "properties": props,
    }


def _result(f: Finding, rule_ids: list[str], uri_prefix: str) -> dict[str, Any]:
    file = f.file if f.file not in ("", ".", "(--name)") else ""
    uri = str(PurePosixPath(uri_prefix, file)) if (uri_prefix or file) else "."
    location: dict[str, Any] = {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
    if f.line:
        location["region"] = {"startLine": f.line}
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_ids.index(f.rule),
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": location}],
        "properties": {"license-section": f.section},
    }
