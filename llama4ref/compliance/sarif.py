"""SARIF 2.1.0 output of a repository check, in the shape GitHub code scanning accepts.

Every rule is listed in ``tool.driver.rules`` with its default level, a help text and the
license section (``properties.license-section``); every finding is a result with the rule's
index, its level, a message and one physical location relative to ``%SRCROOT%``, the
repository root. URI policy:

* a URI is the finding's path relative to the repository root (``uri_prefix`` is the checked
  directory relative to that root, see :func:`root_relative`), with ``/`` separators,
  percent-encoded (RFC 3986: spaces, ``#``, ``%`` and non-ASCII are encoded), never absolute
  and never beginning ``../``;
* findings without a line get no ``region`` (the whole file); findings about a file that does
  not exist (no NOTICE) and about the directory itself point at the checked directory
  (``models/x/``, or ``./`` for the root) with no region;
* every result carries ``partialFingerprints["llama4ref/v1"]``: a hash of the rule, the URI and
  the message with digits removed, so code scanning follows a finding across commits even
  when lines move.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from llama4ref.compliance.findings import Finding
from llama4ref.compliance.repo import RepoReport
from llama4ref.compliance.rules import RULES
from llama4ref.export.sarif import SARIF_SCHEMA, SARIF_VERSION, location, result, rule, sarif_log

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "OutsideRootError", "find_root", "root_relative", "to_sarif"]

_LEVEL = {"error": "error", "warning": "warning", "note": "note"}


def to_sarif(
    reports: RepoReport | Sequence[RepoReport], *, tool_version: str, uri_prefix: str = "", information_uri: str | None = None
) -> dict[str, Any]:
    """A SARIF log (as a JSON-ready dict) with one run holding every report's findings.

    ``uri_prefix`` is the checked directory relative to the repository root (``models/my-model/``),
    as :func:`root_relative` gives it; it is prepended to every file path.
    """
    if isinstance(reports, RepoReport):
        reports = [reports]
    rule_ids = list(RULES)
    results = [_result(f, rule_ids, uri_prefix) for report in reports for f in report.findings]
    return sarif_log(
        [_rule(rid) for rid in rule_ids],
        results,
        tool_version=tool_version,
        root="The root of the checked repository.",
        information_uri=information_uri,
    )


def _rule(rule_id: str) -> dict[str, Any]:
    r = RULES[rule_id]
    section = f"Llama 4 Community License section {r.section}" if r.section != "-" else "checker diagnostic"
    props: dict[str, Any] = {"tags": ["license", "llama-4"], "license-section": r.section}
    if r.term:
        props["license-term"] = r.term
    name = "".join(part.capitalize() for part in r.id.split("-"))
    full = f"{r.help} ({section})"
    return rule(r.id, name, r.title, full, r.help, _LEVEL[r.severity], props, markdown=f"**{r.title}** ({section})\n\n{r.help}")


def find_root(path: Path) -> Path:
    """The repository root of ``path``: the nearest directory at or above it holding ``.git``
    (a directory, or a file for a worktree or submodule). Outside any repository: the current
    directory when it holds ``path``, else the checked directory itself."""
    here = Path(os.path.realpath(path if path.is_dir() else path.parent))
    for candidate in (here, *here.parents):
        if (candidate / ".git").exists():
            return candidate
    cwd = Path(os.path.realpath(Path.cwd()))
    return cwd if here == cwd or cwd in here.parents else here


class OutsideRootError(ValueError):
    """The checked path is not inside the repository root."""


def root_relative(path: Path, root: Path) -> str:
    """The directory of ``path`` relative to ``root`` as a URI prefix (``models/x/``, or ``""``);
    raises :class:`OutsideRootError` when it lies outside ``root``."""
    base = Path(os.path.realpath(path if path.is_dir() else path.parent))
    top = Path(os.path.realpath(root))
    if base != top and top not in base.parents:
        raise OutsideRootError(f"{path} is outside the repository root {root}; pass --root")
    rel = base.relative_to(top).as_posix()
    return "" if rel == "." else rel + "/"


def _uri(prefix: str, file: str) -> str:
    path = str(PurePosixPath(prefix, file)) if file else prefix.rstrip("/")
    return quote(path or ".", safe="/") + ("/" if not file else "")


def _result(f: Finding, rule_ids: list[str], uri_prefix: str) -> dict[str, Any]:
    file = "" if f.missing or f.file in ("", ".", "(--name)") else f.file
    uri = _uri(uri_prefix, file)
    where = location(uri, (f.line or 0) if file else 0)
    props = {"license-section": f.section}
    return result(f.rule, rule_ids.index(f.rule), _LEVEL[f.severity], f.message, where, props, key=f.file)
