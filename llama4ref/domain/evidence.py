"""Which facts a question can lift: the rule that lets ranking (llama4ref.domain.ranking) score
only the facts with some evidence for a question (issue 13: ``ask`` within its start-up budget).

Every test ``_score`` makes of a fact's path is a segment, a part, a stem, two joined parts, a
run of words or an entity's key: each holds one of the question's needles as a substring. A fact
with none of them, no full-text or value match and no unit a term asks for scores at most
:data:`NO_EVIDENCE_MAX` and satisfies nothing, so it is scored only when the order below the
facts with evidence is needed (``Ranking.settle``). tests/test_ask_pruning.py holds the bound on
every benchmark question.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from llama4ref.domain.forms import MONTHS
from llama4ref.domain.matching import LONGEST_FUZZY_WORD, stem
from llama4ref.paths import FactPath

if TYPE_CHECKING:
    from llama4ref.records.vocabulary import Parsed

NO_EVIDENCE_MAX = 0.3
"""The most a fact without any evidence can score (the instruct benchmark table's bonus)."""


class Evidence(NamedTuple):
    """What a fact must show for ``_score`` to give it more than :data:`NO_EVIDENCE_MAX`: a
    full-text or value match, a unit some term asks for, or one of the needles in its path."""

    paths: frozenset[str]
    units: frozenset[str]
    needles: tuple[str, ...]

    def holds(self, path: str, unit: str) -> bool:
        return path in self.paths or unit in self.units or "." not in path or any(n in path for n in self.needles)


def evidence_for(
    parsed: Parsed,
    relevance: Mapping[str, float],
    valued: Mapping[str, float],
    in_text: Mapping[str, set[str]],
    mentioned: Mapping[str, set[str]],
    phrase_stems: frozenset[str],
    initials: Mapping[str, frozenset[str]],
    more_units: frozenset[str] = frozenset(),
    more_needles: tuple[str, ...] = (),
    more_paths: frozenset[str] = frozenset(),
) -> Evidence:
    """The evidence a question leaves: the facts its full-text and value matches found, the units
    its terms ask for and the needles its words put in paths (see ``_Context`` in ranking), with
    the units and needles the situations' rules lift (llama4ref.domain.situations.lifted) and the
    facts writing an amount of memory the text writes (llama4ref.domain.machines.written_amounts)."""
    paths = set(relevance).union(valued, more_paths, *in_text.values(), *mentioned.values())
    wanted_units: set[str] = set(more_units)
    needles: set[str] = set(phrase_stems) | set(more_needles)
    for m in parsed.matches:
        ws = m.text.split()
        needles.update("_".join(ws[i : i + 2]) for i in range(len(ws) - 1))  # runs of two or more words
        needles.add("_".join(ws))
        for t in m.terms:
            wanted_units.update(t.get("units", ()))
            needles.update(t.get("path_words", ()))
            if t["kind"] == "entity":
                needles.update((t["target"], *t.get("also", ()), FactPath.parse(t["target"]).leaf))
                needles.add(str(t["id"]).replace("-", "_"))  # a named thing's short name (named_in)
    for w in parsed.rest:
        needles.update((w, stem(w), w[:-1] if w.endswith("s") else w, *initials.get(w, ())))
        if w in MONTHS:  # a month meets a dated segment by its two digits (stated_2025_04_05)
            needles.add(f"_{MONTHS[w]}")
        if 5 < len(w) <= LONGEST_FUZZY_WORD:  # two neighbouring parts written together (joined_in): "finetune" of fine_tune
            needles.update(f"{w[:i]}_{w[i:]}" for i in range(1, len(w)))
    return Evidence(frozenset(paths), frozenset(wanted_units), tuple(n for n in needles if n))
