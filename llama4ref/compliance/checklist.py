"""`llama4ref license`: the LicenseTerm records as an ordered checklist of duties.

The CLI passes the LicenseTerm records it has (from the shipped index or a facts tree); this
module orders them as the documents do and joins each with the rule that checks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from llama4ref.compliance.rules import RULES

if TYPE_CHECKING:
    from llama4ref.store.shapes.tools import ChecklistItemJSON

if TYPE_CHECKING:
    from llama4ref.store.answers import LicenseTerm

_DOCUMENT_ORDER = {"llama-4-community-license": 0, "acceptable-use-policy": 1}
_NAMED_SECTIONS = {"heading": 0, "preamble": 1, "introduction": 1, "prohibited": 2, "multimodal": 3, "reporting": 4}


@dataclass(frozen=True)
class ChecklistItem:
    """One clause: what it requires, and whether (and by which rule) the checker verifies it."""

    term: str
    document: str
    section: str
    kind: str
    title: str
    summary: str
    rule: str | None
    severity: str | None
    checkable: str | None

    @property
    def automated(self) -> bool:
        return self.rule is not None

    def to_dict(self) -> ChecklistItemJSON:
        return {
            "term": self.term,
            "document": self.document,
            "section": self.section,
            "kind": self.kind,
            "title": self.title,
            "summary": self.summary,
            "rule": self.rule,
            "severity": self.severity,
            "checkable": self.checkable,
            "automated": self.automated,
        }


def checklist(terms: Iterable[LicenseTerm]) -> list[ChecklistItem]:
    """The terms in document order (agreement first, then the policy; sections in reading order)."""
    items = [
        ChecklistItem(
            t.id,
            t.document,
            t.section,
            t.kind,
            t.title,
            t.summary,
            t.rule,
            RULES[t.rule].severity if t.rule in RULES else None,
            t.checkable,
        )
        for t in terms
    ]
    return sorted(items, key=lambda i: (_DOCUMENT_ORDER.get(i.document, 9), _section_key(i.section), i.term))


def _section_key(section: str) -> tuple[int, tuple[str, ...]]:
    word = section.split(" ", 1)[0].lower()
    if word in _NAMED_SECTIONS:
        return _NAMED_SECTIONS[word], tuple(re.findall(r"[0-9]+|[a-z]+", section.lower())[1:])
    return 10, tuple(p.zfill(4) if p.isdigit() else p for p in re.findall(r"[0-9]+|[a-z]+", section.lower()))
