"""A machine named beside a model, for the ranking (llama4ref.domain.ranking): "will it fit".

"Can I run Scout on an RTX 4090", "maverick on two 48GB cards", "4-bit scout on my 64GB
MacBook": the question names a model and the machine (a GPU, a Mac, an amount of memory) it is
to run on. What answers is a fact about running that model in that much memory (a publisher's
"fits a 24 GB GPU", a tested setup, an engine's limit "scout_4bit_64gb_mac"), not the machine's
own data sheet. Such facts rarely name the GPU: they write its memory. So a GPU the text names
meets the facts whose path or text writes that GPU's memory (as an entity met in a fact's text
meets it: llama4ref.domain.matching.mentioned), an amount of memory the text writes lifts the
facts that write the same amount, and the machine's data sheet, whose quotes may tell of a model
run on it, is not about that model.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from llama4ref.store.fulltext import amounts, containing
from llama4ref.store.fulltext import holding as writing

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable

    from llama4ref.records.vocabulary import Parsed
    from llama4ref.store.knowledge_base import KnowledgeBase

AMOUNT_HELD = 1.0  # a fact writing an amount of memory the text writes beside a model it names
_DATA_SHEET_ROOT = "hardware"
"""Where a machine's own data sheet is recorded (its name, its memory)."""


def holding(db: sqlite3.Connection, wanted: frozenset[int]) -> frozenset[str]:
    """The facts (data sheets aside) writing one of the amounts of memory ``wanted``: the index's
    table of every fact's written amounts, made when it is built (llama4ref.store.fulltext.holding)."""
    return frozenset(p for p in writing(db, wanted) if p.split(".", 1)[0] != _DATA_SHEET_ROOT)


def _memory_of(kb: KnowledgeBase, machine: str) -> int | None:
    """The memory in gigabytes a machine's data sheet (``machine``: hardware.<key>) records as its
    ``memory_gb``; None when it records none (a DGX system records its GPUs' total)."""
    path = f"{machine}.memory_gb"
    return int(kb.value(path)) if kb.has(path) else None


def machine_mentions(
    kb: KnowledgeBase, db: sqlite3.Connection, parsed: Parsed, terms: Iterable[dict[str, Any]]
) -> dict[str, frozenset[str]]:
    """For each machine the text names beside a model ("scout on an RTX 4090"): the facts that
    write that machine's memory ("fits a 24 GB GPU") and name no other machine ("80 GB" beside
    "H100" is the H100's memory, not an A100 80GB's), which name the machine by what matters
    for running a model on it. Empty when the text names no model: "how much memory does an
    RTX 4090 have" asks for the data sheet. ``terms`` are the vocabulary's terms."""
    ents = [(m.text, t) for m in parsed.matches for t in m.terms if t["kind"] == "entity"]
    if not any(t.get("cls") == "variant" for _, t in ents) or not any(t.get("cls") == "gpu" for _, t in ents):
        return {}
    machines = tuple(
        (str(t["target"]), tuple(str(p) for p in t.get("phrases", ())))
        for t in terms
        if t.get("cls") == "gpu" and str(t["target"]).startswith(_DATA_SHEET_ROOT + ".")
    )
    out: dict[str, frozenset[str]] = {}
    for text, t in ents:
        size = _memory_of(kb, str(t["target"])) if t.get("cls") == "gpu" else None
        if size is not None:
            own = next((ps for target, ps in machines if target == t["target"]), ())
            others = frozenset(p for target, ps in machines if target != t["target"] for p in ps if p not in own)
            out[text] = holding(db, frozenset({size})) - _naming(db, others)
    return out


def _naming(db: sqlite3.Connection, phrases: frozenset[str]) -> frozenset[str]:
    """The facts whose path or text writes one of a machine's names (``phrases``)."""
    return frozenset(p for phrase in phrases for p in _containing(db, phrase))


@lru_cache(maxsize=256)
def _containing(db: sqlite3.Connection, phrase: str) -> frozenset[str]:
    return frozenset(containing(db, phrase.split()))


def written_amounts(db: sqlite3.Connection, text: str, parsed: Parsed) -> frozenset[str]:
    """The facts writing an amount of memory the text writes beside a model it names, when it
    names no machine ("will 4-bit scout run on my 64GB macbook": engines.mlx_lm.limits.scout_4bit_64gb_mac)."""
    named = parsed.of_kind("entity")
    if not any(t.get("cls") == "variant" for t in named) or any(t.get("cls") == "gpu" for t in named):
        return frozenset()  # with a machine named, its memory is met by machine_mentions ("A100 80GB")
    return holding(db, amounts(text))


def data_sheet(segs: list[str]) -> bool:
    """Whether a fact is a machine's own data sheet: a model its quotes tell of running on the
    machine is not what the fact is about."""
    return segs[0] == _DATA_SHEET_ROOT


_COUNT = re.compile(r"^\d+x")
"""A tested setup's count of machines before the machine ("8xh100")."""


def setup_of(term: dict[str, Any], segs: list[str]) -> bool:
    """Whether a machine the text names by its full name ("Mac Studio M3 Ultra 512GB":
    hardware.mac_studio_m3_ultra_512gb) is the machine a tested setup's path names by a shorter
    run of its name's parts written together (runtime.llama_cpp.scout.m3ultra)."""
    if term.get("cls") != "gpu" or not str(term["target"]).startswith(_DATA_SHEET_ROOT + "."):
        return False
    parts = str(term["target"]).split(".")[-1].split("_")
    runs = {"".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)}
    return any(_COUNT.sub("", s) in runs for s in segs[1:])
