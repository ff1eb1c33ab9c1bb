"""A finding of the repository check, and the collector the duty checks add to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from llama4ref.compliance.rules import Severity, rule

if TYPE_CHECKING:
    from llama4ref.store.shapes.tools import FindingJSON


@dataclass(frozen=True)
class Finding:
    """One unmet (or unverifiable) obligation."""

    file: str
    line: int | None
    rule: str
    severity: Severity
    message: str
    section: str
    missing: bool = False
    """The finding is about a file that does not exist (``file`` names what to add)."""

    def format(self) -> str:
        """``file:line: RULE severity: message [§section]`` — the one-line form."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        section = f" [license §{self.section}]" if self.section != "-" else ""
        return f"{where}: {self.rule} {self.severity}: {self.message}{section}"

    def to_dict(self) -> FindingJSON:
        return {
            "file": self.file,
            "line": self.line,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "section": self.section,
            "missing": self.missing,
        }


class Collector:
    """Gathers findings; the rule decides the section and the default severity."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def add(
        self,
        file: str,
        line: int | None,
        rule_id: str,
        message: str,
        severity: Severity | None = None,
        *,
        missing: bool = False,
    ) -> None:
        self.findings.append(self.make(file, line, rule_id, message, severity, missing=missing))

    @staticmethod
    def make(
        file: str, line: int | None, rule_id: str, message: str, severity: Severity | None = None, *, missing: bool = False
    ) -> Finding:
        """A finding of ``rule_id`` (the rule gives the section and the default severity)."""
        r = rule(rule_id)
        if severity is not None and severity not in r.severities:  # the rules table documents every severity
            raise ValueError(f"{rule_id} gives no {severity!r} finding (it gives {', '.join(r.severities)})")
        return Finding(file, line, r.id, severity or r.severity, message, r.section, missing)


def finding_key(f: Finding) -> tuple[str, int, str, str]:
    """Sort order of findings: file, line (file-level first), rule, message."""
    return (f.file, f.line or 0, f.rule, f.message)
