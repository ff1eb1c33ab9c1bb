"""The engine support matrix: what each inference engine supports for Llama 4, dated and cited.

Facts live in fact sheets under ``facts/engines/`` with paths ``engines.<engine>.<aspect>``
(``engines.vllm.text.first_release``, ``engines.sglang.rocm``, ...). A fact that holds for one
variant only carries the qualifier ``variant`` (``scout`` or ``maverick``); ``--variant`` keeps
those and the facts that hold for the whole family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from llama4ref.paths import FactPath
from llama4ref.store.answers import Fact
from llama4ref.store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from llama4ref.store.shapes.deploy import EngineFactJSON, EngineJSON

ASPECTS: tuple[tuple[str, str], ...] = (
    ("text", "text input"),
    ("image", "image input"),
    ("rocm", "ROCm / AMD"),
    ("fp8", "FP8"),
    ("int4", "INT4"),
    ("fp4", "FP4 / NVFP4"),
    ("gguf", "GGUF"),
    ("tool_call_parser", "tool-call parser"),
    ("chat_template", "chat template"),
    ("offload", "offloading"),
    ("speculative", "speculative decoding"),
    ("limits", "known limits"),
)
"""The matrix's rows in display order: the first path segment after the engine id, and its label."""


KEY_WORDS = {
    "4bit": "4-bit", "8bit": "8-bit", "2x": "2×", "8k": "8K", "mac": "Mac", "cpu": "CPU", "gpu": "GPU",
    "bf16": "BF16", "fp8": "FP8", "h100": "H100", "a100": "A100", "nvl": "NVL", "nvfp4": "NVFP4", "lora": "LoRA",
    "cuda": "CUDA", "eagle3": "EAGLE-3", "attn": "attention", "llama": "Llama", "guard": "Guard",
}  # fmt: skip
"""How a word of a record key reads in a label (any other word as it is; ``128gb``: "128 GB")."""
UNIT_WORDS = frozenset({"bytes"})
"""Key words that only name the value's unit: the value says it."""
_GIGABYTES = re.compile(r"^(\d+)gb$")


@dataclass(frozen=True)
class EngineFact:
    """One fact of an engine, with the aspect it belongs to and the date its sources give."""

    aspect: str
    key: str
    fact: Fact
    dated: date | None

    @property
    def label(self) -> str:
        """The fact's label in words: its aspect's, then what the rest of its key says, then the
        variant it holds for ("known limits, 4-bit 128 GB Mac (scout)"). A run of numbers in the key
        is a version ("0.3.14"); the variant and the unit are not repeated inside the words."""
        only = self.fact.qualifiers.get("variant")
        parts = [w for w in re.split(r"[_.]", self.key[len(self.aspect) + 1 :]) if w and w not in UNIT_WORDS and w != only]
        words: list[str] = []
        for i, word in enumerate(parts):
            if word.isdigit() and i and parts[i - 1].isdigit():
                words[-1] += f".{word}"  # a version: 0_3_14
                continue
            if word.isdigit() and i + 1 < len(parts) and parts[i + 1].isdigit():
                words.append(f"in {word}")
                continue
            gigabytes = _GIGABYTES.match(word)
            words.append(f"{gigabytes.group(1)} GB" if gigabytes else KEY_WORDS.get(word, word))
        aspect = _label(self.aspect)
        rest = " ".join(words)
        if rest and set(rest.lower().split()) <= set(re.split(r"[\s/]+", aspect.lower())):
            rest = ""  # fp4.nvfp4: "FP4 / NVFP4" already says it
        return aspect + (f", {rest}" if rest else "") + (f" ({only})" if only else "")

    def to_json(self) -> EngineFactJSON:
        dated = None if self.dated is None else self.dated.isoformat()
        return {"aspect": self.aspect, "key": self.key, "dated": dated, "fact": self.fact.to_json()}


@dataclass(frozen=True)
class Engine:
    """Everything the records say about one engine's Llama 4 support."""

    id: str
    name: str
    facts: tuple[EngineFact, ...]

    def to_json(self) -> EngineJSON:
        return {"id": self.id, "name": self.name, "facts": [f.to_json() for f in self.facts]}


def _label(aspect: str) -> str:
    return dict(ASPECTS).get(aspect, aspect.replace("_", " "))


def _dated(kb: KnowledgeBase, fact: Fact) -> date | None:
    dates = [c.as_of or kb.source(c.source).version.published for c in fact.citations]
    real = [d for d in dates if d is not None]
    return min(real) if real else None


def engine_ids(kb: KnowledgeBase) -> list[str]:
    """Every engine with at least one fact."""
    return sorted({e for p in kb.paths("engines", derived=False) if (e := FactPath.parse(p).engine) is not None})


def _resolve(kb: KnowledgeBase, name: str) -> str:
    key = name.strip().lower().replace("-", "_").replace(" ", "_").replace(".", "_")
    known = engine_ids(kb)
    if key in known:
        return key
    names = {_engine_name(kb, e).lower(): e for e in known}
    if name.strip().lower() in names:
        return names[name.strip().lower()]
    named = kb.entities_named(name)  # another name the records give one engine ("trtllm")
    if len(named) == 1 and named[0].get("cls") == "engine":
        targets: list[str] = [named[0]["target"], *named[0].get("also", ())]
        ids = {t.split(".", 1)[1] for t in targets if t.startswith("engines.")}
        if len(ids) == 1 and (only := ids.pop()) in known:
            return only
    from llama4ref.errors import UnknownIdError

    raise UnknownIdError("engine", name, known)


def _engine_name(kb: KnowledgeBase, engine: str) -> str:
    for sheet in kb.sheets():
        if sheet.subject == f"engines.{engine}":
            return sheet.title
    return engine


def engines(kb: KnowledgeBase, name: str | None = None, variant: str | None = None) -> list[Engine]:
    """The matrix: every engine (or one, by id or name), facts in aspect order.

    ``variant`` keeps facts qualified for that variant and family-wide facts (no qualifier); for a
    model that is not released (:func:`unserved`), only facts qualified for it: the family-wide
    ones are about the released models.
    """
    vid = kb.variant_id(variant) if variant is not None else None
    own_only = vid is not None and unserved(kb, vid) is not None
    chosen = [_resolve(kb, name)] if name is not None else engine_ids(kb)
    order = {a: i for i, (a, _) in enumerate(ASPECTS)}
    out = []
    for eid in chosen:
        rows = []
        for path in kb.paths(f"engines.{eid}", derived=False):
            fact = kb.get(path)
            only = fact.qualifiers.get("variant")
            if vid is not None and only != vid and (only is not None or own_only):
                continue
            fp = FactPath.parse(path)
            rows.append(EngineFact(fp.segments[1], fp.key, fact, _dated(kb, fact)))
        rows.sort(key=lambda r: (order.get(r.aspect, len(order)), r.key))
        out.append(Engine(eid, _engine_name(kb, eid), tuple(rows)))
    return out


def unserved(kb: KnowledgeBase, variant: str) -> str | None:
    """Why no engine serves ``variant`` when it is not a released model (its record's role, and its
    ``status`` fact when it has one); None for a released model."""
    info = kb.variant(variant)
    if info.role == "released":
        return None
    released = ", ".join(v.id for v in kb.variants() if v.role == "released")
    status = f" ({info.id}.status: {kb.get(f'{info.id}.status').value})" if kb.has(f"{info.id}.status") else ""
    what = "was previewed, not released" if info.role == "preview" else f"is a {info.role} model, not a released Llama 4 model"
    return (
        f"{info.name} {what}{status}: no engine record says any engine serves it; "
        f"the family-wide engine records are about the released models ({released})"
    )


def aspect_label(aspect: str) -> str:
    """The display label of an aspect."""
    return _label(aspect)
