"""Which fact leads an answer when the best-scoring one is not what a reader should take away first.

The ranking (llama4ref.domain.ranking) scores each fact by how much of the text it matches; four
rules then choose the lead among the facts that answer the same words:

- **first party before a serving flag**: a provider's, an engine's or a tested setup's figure
  (``providers``, ``runtime``, ``engines``) leads only when the text names a provider, an engine
  or a GPU. Otherwise the best fact of the models' own that carries the same attribute leads
  ("how many images can I send to scout": Meta's tested maximum, not one deployment's flag).
- **a kind before a count**: "what GPUs" or "which GPUs" asks which kind, not how many: a fact
  naming it leads a fact counting it, of those answering the same words.
- **the plain figure before a qualified one**: a fact whose last segment qualifies the attribute
  by when or how it was measured (``training_context_length``, ``tested_max``), when the text
  names no such qualifier, leads no fact of the same model or area answering the same words
  with that attribute unqualified ("scout context length": the 10M window, not the 256K training
  context).
- **the family's own before a separate product's**: when the text names the family (Llama 4)
  and no model, a fact under a named product's path it does not name (Llama Guard 4, Prompt
  Guard) leads no fact of the family's own answering the same words ("training data of llama
  4": the pre-training data, not Llama Guard 4's training blend).

One more rule says what is shown with the answer (llama4ref.domain.answer):

- **companions**: one quantity measured two ways (facts under one parent, of one unit, whose
  ``method`` qualifiers differ: location- and market-based emissions) is shown with its
  companion; when the text names neither way, the one its record lists first leads.

What is said beside an answer that the records lack (no figure of the model named, no file of
the quantization type asked for) is in llama4ref.domain.caveats.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from llama4ref.domain.matching import stem
from llama4ref.domain.scope import carries
from llama4ref.records.vocabulary import Lexicon

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from llama4ref.domain.rank_context import Context
    from llama4ref.domain.ranking import Ranking, Scored
    from llama4ref.records.vocabulary import Parsed
    from llama4ref.store.answers import Fact
    from llama4ref.store.knowledge_base import KnowledgeBase

SERVING = frozenset({"providers", "runtime", "engines"})
"""Areas whose facts are one provider's, engine's or tested setup's figure."""
OWN_AREAS_NOT = SERVING | {"files", "finetuning", "hardware", "history", "research", "integrations", "quantization"}
"""Areas whose facts are not a model's own figure (third-party files, recipes, records of events)."""
KIND_WINDOW = 5
"""How far down the ranking a fact naming the kind asked for is looked for."""
QUALIFIERS = frozenset({"training", "pretraining", "tested"})
"""Parts of a last segment that say when or how a figure was measured, not what it is."""
QUALIFIED_WINDOW = 5
"""How far down the ranking the unqualified figure is looked for."""
BASIS_KEYS = ("method",)
"""Qualifiers that say how a quantity was measured: facts differing only in these are companions."""


def choose_lead(kb: KnowledgeBase, ranking: Ranking, ctx: Context) -> None:
    """Put the fact that should lead first in ``ranking.scored`` (scored facts, best first)."""
    scored = ranking.scored
    if len(scored) < 2:
        return
    i = _first_party(scored, ranking.parsed, ctx)
    if i:
        _promote(scored, i)
    i = _kind(scored, ranking.parsed)
    if i and _is_number(kb.value(scored[0].path)):
        _promote(scored, i)
    i = _unqualified(scored, ranking.parsed, ctx)
    if i:
        _promote(scored, i)
    i = _family_own(kb, scored, ctx)
    if i:
        _promote(scored, i)


def _promote(scored: list[Scored], i: int) -> None:
    """Move ``scored[i]`` first: it answers the words the best fact answered, so it takes its
    coverage (whether the answer is good enough is judged on it) and scores just above it."""
    top, lead = scored[0], scored.pop(i)
    scored.insert(0, lead._replace(score=round(top.score + 0.001, 4), satisfied=top.satisfied, wanted=top.wanted))


def _answering(scored: list[Scored], words: Iterable[str], window: int = KIND_WINDOW) -> Iterator[tuple[int, Scored]]:
    """The facts (with their indexes) after the best, up to ``window``, that answer all of ``words``, the text's phrases."""
    return ((i, s) for i, s in enumerate(scored[1:window], 1) if set(words) <= set(s.matched))


def path_words(terms: Iterable[Mapping[str, Any]]) -> Iterator[tuple[str, ...]]:
    """The path words of each attribute among a match's vocabulary ``terms``, one tuple per attribute."""
    return (tuple(str(w) for w in t.get("path_words", ())) for t in terms if t["kind"] == "attribute")


def _asked_in_leaf(parsed: Parsed, path: str, matched: tuple[str, ...]) -> dict[str, set[str]]:
    """The text's attribute phrases the fact answers with its last segment, each with the path
    words of it that segment carries."""
    leaf = path.split(".")[-1:]
    out: dict[str, set[str]] = {}
    for m in parsed.matches:
        if m.text not in matched or any(t["kind"] == "entity" for t in m.terms):
            continue
        words = {w for pw in path_words(m.terms) for w in pw if carries((w,), leaf)}
        if words:
            out[m.text] = words
    return out


def _first_party(scored: list[Scored], parsed: Parsed, ctx: Context) -> int:
    """The index of the fact of the models' own that should lead a serving figure, or 0: of those
    answering the same attribute phrases, the one whose path carries the most specific (longest)
    path word the serving figure's last segment carries ("max_output" before "output")."""
    top = scored[0]
    if top.path.split(".")[0] not in SERVING or ctx.named_kinds & {"provider", "engine", "gpu"} or ctx.by_id:
        return 0
    asked = _asked_in_leaf(parsed, top.path, top.matched)
    if not asked or set(parsed.rest) & set(top.matched):
        return 0  # a word of the text's own in the serving figure's path ("providers", "text") names the service
    words = set().union(*asked.values())
    best, best_len = 0, 0
    for i, s in _answering(scored, asked, len(scored)):
        segs = s.path.split(".")
        root = next((v for v in ctx.dotted.get(segs[0], ()) if s.path.startswith(v + ".")), segs[0])
        if root in OWN_AREAS_NOT or root in ctx.comparison or root in ctx.preview - ctx.named_variants:
            continue
        if ctx.variant_ids.intersection(segs) - ctx.named_variants:
            continue  # another model's figure
        length = max((len(w) for w in words if carries((w,), segs)), default=0)
        if length > best_len:
            best, best_len = i, length
    return best


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _kind(scored: list[Scored], parsed: Parsed) -> int:
    """The index of a fact naming what "what/which <unit>" asks for, when the best fact counts it
    (its value is a number of that unit: not a list of layer indices), or 0. The fact naming it
    answers the same words and carries the attribute in its last segment ("hardware" for GPUs)."""
    intents = {t["id"] for t in parsed.of_kind("intent")}
    if "how-many" in intents:
        return 0
    units: set[str] = set()
    words: set[str] = set()
    for a, b in zip(parsed.matches, parsed.matches[1:], strict=False):
        if b.start == a.end and any(t["kind"] == "intent" and t["id"] in ("what", "which") for t in a.terms):
            units |= {str(t["id"]) for t in b.terms if t["kind"] == "unit"}
            words |= {w for pw in path_words(b.terms) for w in pw}
    if scored[0].unit not in units:
        return 0
    return next(
        (
            i
            for i, s in _answering(scored, scored[0].matched)
            if s.unit in ("text", "text_list") and carries(words, s.path.split(".")[-1:])
        ),
        0,
    )


def unasked_qualifier(leaf: str, ctx: Context) -> bool:
    """Whether ``leaf`` (a path's last segment) qualifies its attribute by when or how it was
    measured (``training_context_length``, ``tested_max``) while the text names no such qualifier."""
    parts = set(leaf.split("_")) & QUALIFIERS
    return bool(parts) and not any(stem(p) in ctx.text_stems or p in ctx.asked for p in parts)


def _unqualified(scored: list[Scored], parsed: Parsed, ctx: Context) -> int:
    """The index of the unqualified figure that should lead a qualified one the text does not ask
    for, or 0: of the same model or area, answering the same words, carrying one of the path words
    of the attribute the qualified fact answers with its last segment, with no unasked qualifier."""
    top = scored[0]
    segs = top.path.split(".")
    if not unasked_qualifier(segs[-1], ctx):
        return 0
    words = {
        w for m in parsed.matches if m.text in top.matched for pw in path_words(m.terms) if carries(pw, segs[-1:]) for w in pw
    }
    if not words:
        return 0
    for i, s in _answering(scored, top.matched, QUALIFIED_WINDOW):
        other = s.path.split(".")
        if other[0] == segs[0] and not unasked_qualifier(other[-1], ctx) and carries(words, other):
            return i
    return 0


def _family_own(kb: KnowledgeBase, scored: list[Scored], ctx: Context) -> int:
    """The index of a fact of the family's own that should lead one about a separate product the
    text does not name (Llama Guard 4's training data, asked "training data of llama 4"), or 0:
    answering the same words, under no entity's target, within the window."""
    if not ctx.family:
        return 0
    targets = Lexicon(kb.vocabulary()).named_targets()
    top = scored[0]
    if not any(top.path.startswith(x + ".") for x in targets):
        return 0
    i = next((i for i, s in _answering(scored, top.matched) if not any(s.path.startswith(x + ".") for x in targets)), 0)
    return i if i and scored[i].path.split(".")[0] not in OWN_AREAS_NOT else 0


def companions(kb: KnowledgeBase, fact: Fact) -> tuple[Fact, ...]:
    """The facts measuring the same quantity as ``fact`` another way (its siblings of the same
    unit whose ``method`` qualifiers differ), in the order their records list them."""
    keys = [k for k in BASIS_KEYS if k in fact.qualifiers]
    parent = fact.path.rpartition(".")[0]
    if not keys or not parent:
        return ()
    out = []
    for p in kb.paths(parent, derived=False, terms=False):
        if p == fact.path or p.rpartition(".")[0] != parent:
            continue
        other = kb.get(p)
        if other.unit == fact.unit and all(k in other.qualifiers and other.qualifiers[k] != fact.qualifiers[k] for k in keys):
            out.append(other)
    return tuple(sorted(out, key=written_order))


def written_order(fact: Fact) -> tuple[int, str, int]:
    """Facts in the order their records list them (the authors' order), derived last."""
    file, _, line = (fact.file or "").rpartition(":")
    return (1, "", 0) if fact.derived else (0, file, int(line) if line.isdigit() else 0)
