"""Which fact leads an answer when the best-scoring one is not what a reader should take away first.

The ranking (llama4ref.domain.ranking) scores each fact by how much of the text it matches; rules
then choose the lead among the facts that answer the same words:

- **first party before a serving flag**: a provider's, an engine's or a tested setup's figure
  (``providers``, ``runtime``, ``engines``) leads only when the text names a provider, an engine
  or a GPU. Otherwise the best fact of the models' own that carries the same attribute leads
  ("how many images can I send to scout": Meta's tested maximum, not one deployment's flag).
- **a kind before a count**: "what GPUs" or "which GPUs" asks which kind, not how many: a fact
  naming it leads a fact counting it, of those answering the same words.
- **a count before a kind**: "how many GPUs" asks for a number of that unit: a fact counting it
  leads a best fact that holds no number (the condition under which one GPU is enough).
- **the plain figure before a qualified one**: a fact whose last segment qualifies the attribute
  by when or how it was measured (``training_context_length``, ``tested_max``), when the text
  names no such qualifier, leads no fact of the same model or area answering the same words
  with that attribute unqualified ("scout context length": the 10M window, not the 256K training
  context).
- **the family's own before a separate product's**: when the text names the family (Llama 4)
  and no model, a fact under a named product's path it does not name (Llama Guard 4, Prompt
  Guard) leads no fact of the family's own answering the same words ("training data of llama
  4": the pre-training data, not Llama Guard 4's training blend).

Five more, after those:

- **the attribute asked for before another**: "what/which <attribute>" asks for that attribute,
  and "what is <attribute>" for that part's own description: a fact carrying the attribute's path
  words leads a best fact that carries none ("what precision are maverick weights": the released
  precisions, not the parameter counts; "what is chunked attention": the RoPE layers' chunked
  attention, not the iRoPE definition).
- **a qualified figure of the family before the models' own**: a family figure whose last segment
  is only a qualifier (``training.languages.pretraining``) gives way to the models' own figure of
  the attribute when the text names no such qualifier ("how many languages does llama 4 support":
  the 12 supported, not the 200 of pre-training).
- **the chat models' tokens before a base-only one**: a token whose record says only the base
  models generate it (its ``prompt_format.tokens.*.meaning``), when the text names no base model,
  gives way to the list holding it with the chat models' own ("what is the eos token": the stop
  tokens, with ``<|eot|>``).
- **a result both models have before a claim about others**: "is maverick better than llama 3.3"
  is led by Maverick's result on a benchmark Llama 3.3 has a result on too, not by a comparison
  claim that does not name Llama 3.3, nor by Llama 3.3's own facts (its release date).
- **a deployment's figure before a research system's setting**: a serving figure cited only to
  research outputs (a paper, a paper's artifact) gives way, when the text names no engine or
  provider, to the first figure answering the same words that rests on other sources ("scout
  context length on h100": SGLang's 8x H100 ceiling, not a research allocator's startup limit).

What is shown with the answer (one quantity measured two ways: location- and market-based
emissions) is in llama4ref.domain.companions; what is said beside an answer that the records
lack (no figure of the model named, no file of the quantization type asked for) is in
llama4ref.domain.caveats.
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
CLAIM_TERM = "comparison-claim"
"""The vocabulary's attribute for a claim that one model beats others ("better than")."""
CLAIM_WORD = "comparison_claim"
TOKEN_RECORDS = "prompt_format.tokens"
"""Where each special token's string and what it is for (its meaning) are recorded."""
BASE_WINDOW = 10
"""How far down the ranking the list holding a base-only token is looked for."""
BASE_TERM = "pretrained"
"""The vocabulary's attribute for the base (pre-trained) models."""
RESEARCH_KINDS = frozenset({"paper", "measurement"})
"""Source kinds of research outputs: a figure cited only to them is a research system's, not a deployment's."""
RESEARCH_WINDOW = 10
"""How far down the ranking a deployment's figure is looked for, under a research system's setting."""
ASKED_WINDOW = 25
"""How far down the ranking the fact that is the attribute "what <attribute>" asks for is looked for."""


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
    i = _count(scored, ranking.parsed)
    if i and not _is_number(kb.value(scored[0].path)):
        _promote(scored, i)
    i = _unqualified(scored, ranking.parsed, ctx)
    if i:
        _promote(scored, i)
    i = _family_own(kb, scored, ctx)
    if i:
        _promote(scored, i)
    i = _attribute_asked(kb, scored, ranking.parsed, ctx)
    if i:
        _promote(scored, i)
    i = _beyond_base(kb, scored, ranking.parsed)
    if i:
        _promote(scored, i)
    i = _shared_result(kb, scored, ranking.parsed, ctx)
    if i:
        _promote(scored, i)
    i = _deployed_before_research(kb, scored, ctx)
    if i:
        _promote(scored, i)


def _research_only(kb: KnowledgeBase, path: str) -> bool:
    """Whether every citation of the fact at ``path`` is a research output's (a paper or a paper's
    measurement artifact: :data:`RESEARCH_KINDS`), so its figure is a research system's setting."""
    cites = kb.get(path).citations
    return bool(cites) and all(kb.source(c.source).kind in RESEARCH_KINDS for c in cites)


def _deployed_before_research(kb: KnowledgeBase, scored: list[Scored], ctx: Context) -> int:
    """The index of a serving figure resting on a deployment's own sources that should lead a
    research system's setting (:func:`_research_only`: a paper artifact's startup limit on 8x H100,
    asked "scout context length on h100"), or 0: when the text names no engine or provider, of the
    facts answering the same words within the window, the first that is no research output."""
    top = scored[0]
    if top.path.split(".")[0] not in SERVING or ctx.named_kinds & {"provider", "engine"} or ctx.by_id:
        return 0
    if not _research_only(kb, top.path):
        return 0
    return next((i for i, s in _answering(scored, top.matched, RESEARCH_WINDOW) if not _research_only(kb, s.path)), 0)


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


def _count(scored: list[Scored], parsed: Parsed) -> int:
    """The index of a fact counting what "how many <unit>" asks for, when the best fact does not
    count it (a condition, a name), or 0: of those answering the same words, the first whose unit
    is the one asked ("how many GPUs do I need to run scout": 1 GPU, not the int4 condition)."""
    how_many = {str(t["id"]) for t in parsed.of_kind("intent")} & {"how-many"}
    units: set[str] = set()
    for m in parsed.matches:
        if how_many or m.text.startswith("how many "):
            units |= {str(u) for t in m.terms if t["kind"] in ("attribute", "unit") for u in t.get("units", ())}
    if not units or scored[0].unit in units:
        return 0
    return next((i for i, s in _answering(scored, scored[0].matched) if s.unit in units), 0)


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
    # a last segment that is only a qualifier ("languages.pretraining") qualifies its parent's attribute
    bare = set(segs[-1].split("_")) <= QUALIFIERS and len(segs) > 2
    leaf = segs[-2:] if bare else segs[-1:]
    words = {w for m in parsed.matches if m.text in top.matched for pw in path_words(m.terms) if carries(pw, leaf) for w in pw}
    if not words:
        return 0
    for i, s in _answering(scored, top.matched, QUALIFIED_WINDOW):
        other = s.path.split(".")
        same = other[0] == segs[0] or (bare and _models_own(other, ctx))
        if same and not unasked_qualifier(other[-1], ctx) and carries(words, other[-1:] if bare else other):
            return i
    return 0


def _models_own(segs: list[str], ctx: Context) -> bool:
    """Whether a path is a model's own figure the text may ask for: a model it names, or any of the
    family's when it names none (a family-wide qualified figure gives way to the models' own)."""
    return segs[0] in ctx.variant_ids and (segs[0] in ctx.named_variants or not ctx.named_variants)


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


def _speaks_of(kb: KnowledgeBase, top: Scored, phrase: str, terms: Iterable[Mapping[str, Any]]) -> bool:
    """Whether the best fact's value is of a unit the attribute ``terms`` are counted in, or its
    text names a word of the ``phrase`` ("which gpus": a fit note naming the GPUs answers, whatever its path)."""
    if top.unit in {str(u) for t in terms for u in t.get("units", ())}:
        return True
    said = str(kb.value(top.path)).lower()
    return any(w.rstrip("s") in said for w in phrase.split())


def _attribute_asked(kb: KnowledgeBase, scored: list[Scored], parsed: Parsed, ctx: Context) -> int:
    """The index of a fact that is what "what/which <attribute>" asks for, when the best fact
    answers other words of the text, its path carries none of that attribute's path words and its
    value does not speak of the attribute (:func:`_speaks_of`), or 0
    ("what precision are maverick weights": the released precisions, not the parameter counts).
    "what is <attribute>", when the best fact is a whole's definition, asks for the description
    of that part itself (a text under the same parent): "what is chunked attention" is the RoPE
    layers' chunked attention, not the definition of the iRoPE design it is a part of. The fact carries one in its path, answers
    the attribute and every entity the text names, is no serving figure unless the text names a
    provider, an engine or a GPU, has no qualifier the text does not ask for (``training.precision``),
    and is within ``ASKED_WINDOW``."""
    words: set[str] = set()
    phrases: set[str] = set()
    explain = False
    top = scored[0]
    segs = top.path.split(".")
    for a, b in zip(parsed.matches, parsed.matches[1:], strict=False):
        ids = {t["id"] for t in a.terms if t["kind"] == "intent"}
        kind = ids & {"what", "which"} and b.text not in top.matched and not _speaks_of(kb, top, b.text, b.terms)
        whole = "what-is" in ids and carries(_explaining(a.terms), segs[-1:])  # the best fact defines a whole
        if b.start <= a.end + 1 and (kind or whole):
            explain = explain or bool(whole)
            if any(t["kind"] == "entity" for t in b.terms):
                continue
            got = {w for pw in path_words(b.terms) for w in pw}
            if got:
                words |= got
                phrases.add(b.text)
    if not words or carries(words, segs):
        return 0
    entities = {m.text for m in parsed.matches if any(t["kind"] == "entity" for t in m.terms)}
    serving_named = bool(ctx.named_kinds & {"provider", "engine", "gpu"})
    for i, s in enumerate(scored[1:ASKED_WINDOW], 1):
        segs = s.path.split(".")
        if (segs[0] in SERVING and not serving_named) or any(unasked_qualifier(seg, ctx) for seg in segs):
            continue  # a serving figure not asked for; a figure of training the text does not ask about
        if explain and (s.unit != "text" or not s.path.startswith(top.path.rpartition(".")[0] + ".")):
            continue  # "what is X" asks for the description of a part of the whole the best fact defines
        if phrases <= set(s.matched) and entities <= set(s.matched) and carries(words, segs):
            return i
    return 0


def _names_base(parsed: Parsed) -> bool:
    return any(t["id"] == BASE_TERM for t in parsed.of_kind("attribute"))


def _beyond_base(kb: KnowledgeBase, scored: list[Scored], parsed: Parsed) -> int:
    """The index of the list that holds the best fact's token with the chat models' own, when the
    records say only the base models generate that token and the text names no base model, or 0
    ("what is the eos token": the stop tokens, ``<|end_of_text|>`` with ``<|eom|>`` and ``<|eot|>``,
    not ``<|end_of_text|>`` alone). A token's record is a ``….string`` fact of that value; what it
    is for is its sibling ``….meaning``, which names the base models in the vocabulary's words.
    The list is a ``text_list`` of more than that token, within ``BASE_WINDOW`` places of the best."""
    value = kb.value(scored[0].path)
    if not isinstance(value, str) or not value.startswith("<|") or _names_base(parsed):
        return 0
    meaning = next(
        (
            kb.value(f.path[: -len("string")] + "meaning")
            for f in kb.facts(TOKEN_RECORDS, derived=False, terms=False)
            if f.path.endswith(".string") and f.value == value and kb.has(f.path[: -len("string")] + "meaning")
        ),
        None,
    )
    if not isinstance(meaning, str):
        return 0
    if not _names_base(Lexicon(kb.vocabulary()).parse(meaning)):
        return 0
    for i, s in enumerate(scored[1:BASE_WINDOW], 1):
        other = kb.value(s.path)
        if s.unit == "text_list" and isinstance(other, list) and value in other and len(other) > 1:
            return i
    return 0


def _explaining(terms: Iterable[Mapping[str, Any]]) -> set[str]:
    """The path words of the "what is" intent among ``terms`` (definition, what_it_does …)."""
    return {str(w) for t in terms if t["kind"] == "intent" for w in t.get("path_words", ())}


def _compact(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _rivals(parsed: Parsed, ctx: Context) -> tuple[set[str], str]:
    """The comparison models written right after "better than" (or another comparison claim's
    phrase), and that name as written: a model ("llama 3.3 70b") or a line of them ("llama 3")."""
    for a, b in zip(parsed.matches, parsed.matches[1:], strict=False):
        if b.start != a.end or not any(t["kind"] == "attribute" and t["id"] == CLAIM_TERM for t in a.terms):
            continue
        out: set[str] = set()
        for t in b.terms:
            target = str(t.get("target", ""))
            if t["kind"] == "entity" and target in ctx.comparison:
                out.add(target)
            elif t["kind"] == "entity" and t.get("cls") == "topic":
                out |= {v for v in ctx.comparison if v.startswith(target + ".")}
        if out:
            return out, b.text
    return set(), ""


def _shared_result(kb: KnowledgeBase, scored: list[Scored], parsed: Parsed, ctx: Context) -> int:
    """The index of the asked model's result on a benchmark the model it is compared with has a
    result on too, when the best fact does not compare the two, or 0 ("is maverick better than
    llama 3.3": Maverick's MGSM, which Llama 3.3 70B has too, not Meta's claim that Maverick beats
    GPT-4o, nor Llama 3.3's release date). The best fact does not compare them when it is the
    other model's own, or a comparison claim whose value does not name the other model. The asked
    models are those the text names, or the family's released and preview models when it names
    none of them."""
    rivals, written = _rivals(parsed, ctx)
    if not rivals:
        return 0
    top = scored[0]
    segs = top.path.split(".")
    if not any(top.path.startswith(r + ".") for r in rivals):  # (a comparison model's id may hold a dot)
        value = kb.value(top.path)
        if not carries((CLAIM_WORD,), segs[-1:]) or not isinstance(value, str) or _compact(written) in _compact(value):
            return 0
    asked = (ctx.named_variants - ctx.comparison) or (ctx.variant_ids - ctx.comparison)
    for i, s in enumerate(scored[1:], 1):
        parts = s.path.split(".")
        shared = len(parts) == 4 and parts[0] in asked and parts[1] == "benchmarks"
        if shared and any(kb.has(".".join((r, *parts[1:]))) for r in rivals):
            return i
    return 0
