"""The safety picture as data: intended use, model- and system-level safeguards, evaluations,
and the reported figures with their bounds (an upper bound is never shown as a point value)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from llama4ref.paths import FactPath
from llama4ref.store.answers import Fact
from llama4ref.store.knowledge_base import KnowledgeBase

SECTIONS: tuple[tuple[str, str], ...] = (
    ("Intended use", "intended_use.uses"),
    ("Out of scope", "intended_use.out_of_scope"),
    ("Languages and images", "intended_use.languages"),
    ("Approach", "safety.approach"),
    ("Model-level mitigations", "safety.model_level"),
    ("System-level protections", "safety.system_level"),
    ("Suggested system prompt", "safety.system_prompt"),
    ("Evaluations and red teaming", "safety.evaluations"),
    ("Reported figures: refusals", "safety.refusals"),
    ("Reported figures: political bias", "safety.bias"),
)


@dataclass(frozen=True)
class SafetySection:
    title: str
    prefix: str
    facts: list[Fact]


def safety_sections(kb: KnowledgeBase) -> list[SafetySection]:
    """Every safety and intended-use fact, grouped into sections in reading order."""
    out = []
    for title, prefix in SECTIONS:
        facts = kb.facts(prefix, derived=False)
        if prefix == "intended_use.languages":
            facts += kb.facts("intended_use.image_understanding", derived=False)
        if facts:
            out.append(SafetySection(title, prefix, facts))
    return out


def tools(kb: KnowledgeBase) -> dict[str, dict[str, Fact]]:
    """System-level protections by tool: {tool: {key: fact}} (what_it_does, taxonomy, published_at, ...)."""
    out: dict[str, dict[str, Fact]] = {}
    system_level = FactPath("safety", ("system_level",))
    for path in kb.paths(str(system_level), derived=False):
        rest = FactPath.parse(path).after(system_level)
        if len(rest) >= 2:
            out.setdefault(rest[0], {})[".".join(rest[1:])] = kb.get(path)
    return out


def to_json(sections: list[SafetySection]) -> list[dict[str, Any]]:
    return [{"title": s.title, "prefix": s.prefix, "facts": [f.to_json() for f in s.facts]} for s in sections]
