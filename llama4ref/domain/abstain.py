"""When the best fact scores well enough but does not answer the question (issue 14): ``ask``
then says the records have no such fact and shows the closest ones (the CLI exits 1).

Two rules, each about what the best fact is of, not how it scores:

- **Another model.** The question asks about a model the records do not cover, or cover only in
  part (Llama 5, GPT-4, Llama 3: a generation the text states, or a comparison model or model
  family the vocabulary names), and names no Llama 4 model or the family itself. A fact about
  some other model (Llama Guard 4's 12B for "how many parameters does llama 5 have") is no
  answer. A model named only as what another is compared with ("than llama 3") is not the
  subject.
- **Only the names.** The question asks something beyond the names it writes (an attribute, a
  content word), and the best fact carries none of it: it matched only the model, provider or
  topic named ("how fast is maverick on groq" → Groq's provider name; "gpt-4o context window"
  → a GPT-4o inference cost; "capital of france" → the EU clause, through "france" alone).

Each rule gives the reason as a sentence, or None.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from llama4ref.domain.matching import COMPARED_WITH
from llama4ref.domain.scope import carries
from llama4ref.records.vocabulary import STOPWORDS

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.domain.ranking import Ranking, Scored
    from llama4ref.records.vocabulary import Match
    from llama4ref.store.knowledge_base import KnowledgeBase

_SUBJECTS = frozenset({"variant", "provider"})
"""Entity classes that say whose figure a question asks, not what it asks (an engine's, a topic's or a
named thing's name may be the whole question: "what does llama guard 4 do", "ollama llama4 model sizes").
When the question writes a word no fact holds ("capital"), a name matched is incidental ("france"), a topic's aside."""
_COMPARING = COMPARED_WITH | {"vs", "versus", "compared", "against", "over"}
"""Words before a model's name that make it what the subject is compared with."""


def unanswered(kb: KnowledgeBase, db: sqlite3.Connection, ranking: Ranking) -> str | None:
    """Why the best fact does not answer the question, or None when nothing rules it out."""
    if not ranking.scored:
        return None
    top = ranking.scored[0]
    return other_model(kb, ranking, top) or only_names(db, ranking, top)


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _asked_of(ranking: Ranking) -> str:
    """The attributes the question asks, as written and quoted ("'parameters'")."""
    named = [m.text for m in ranking.parsed.matches if any(t["kind"] == "attribute" for t in m.terms)]
    return ", ".join(repr(x) for x in dict.fromkeys(named))


def _llama4_named(kb: KnowledgeBase, ranking: Ranking) -> bool:
    """Whether the text names a Llama 4 model or the family ("llama 4", "llama4", Llama Guard 4)."""
    from llama4ref.records.vocabulary import word_runs
    from llama4ref.store.idparse import generation

    own = {v.id for v in kb.variants()} - {v.id for v in kb.variants(role="comparison")}
    if any(t.get("cls") == "variant" and t["target"] in own for t in ranking.parsed.of_kind("entity")):
        return True
    return "llama4" in word_runs(ranking.parsed.words) or generation(ranking.text) == "llama-4"


def _models_named(kb: KnowledgeBase, ranking: Ranking) -> list[tuple[str, str]]:
    """The other models the text names as its subject: (what the records call them, as written).
    A comparison model (a variant of the comparison role), a model family the vocabulary names as
    a topic (its id the start of model ids: "gpt-4" of gpt-4o and gpt-4.5), or a Llama
    generation the text states (``llama 5``), unless written after a comparing word."""
    from llama4ref.store.idparse import generation

    ids = [v.id for v in kb.variants()]
    comparison = {v.id for v in kb.variants(role="comparison")}
    words = ranking.parsed.words
    out: list[tuple[str, str]] = []
    for m in ranking.parsed.matches:
        if m.start > 0 and (words[m.start - 1] in _COMPARING or (m.start > 1 and words[m.start - 2] in _COMPARING)):
            continue  # "more data than llama 3": what the subject is compared with
        for t in m.terms:
            target = str(t.get("target", ""))
            if t["kind"] != "entity":
                continue
            if (t.get("cls") == "variant" and target in comparison) or (
                t.get("cls") == "topic" and any(i.startswith(target) for i in ids)
            ):
                out.append((target, m.text))
    stated = generation(ranking.text)
    if stated is not None and stated != "llama-4" and not any(target == stated for target, _ in out):
        written = re.search(r"llama[-_ ]?(?:guard[-_ ]?)?\d+(?:\.\d+)?", ranking.text.lower())
        before = ranking.text.lower()[: written.start()].split()[-1:] if written else []
        if written and not set(before) & _COMPARING:
            out.append((stated, written.group(0)))
    return out


def other_model(kb: KnowledgeBase, ranking: Ranking, top: Scored) -> str | None:
    """The reason the best fact does not answer a question about another model than it is of
    (see the module's doc), or None."""
    if _llama4_named(kb, ranking):
        return None
    models = _models_named(kb, ranking)
    if not models:
        return None
    path = _compact(top.path)
    if any(top.path.startswith(target) or _compact(target) in path for target, _ in models):
        return None  # the fact is of the model named (gpt-4o.…, training.data_mixture.vs_llama3)
    written = ", ".join(dict.fromkeys(w for _, w in models))
    asked = _asked_of(ranking)
    return f"no fact records {asked} for {written}" if asked else f"no fact is about {written}"


def _asked(ranking: Ranking) -> tuple[list[Match], list[str]]:
    """What the question asks beyond its names: its attribute phrases and its content words left over."""
    p = ranking.parsed
    attributes = [m for m in p.matches if any(t["kind"] == "attribute" for t in m.terms)]
    words = [w for w in dict.fromkeys(p.rest) if w not in STOPWORDS and w not in p.filler and not w.isdigit()]
    return attributes, words


def only_names(db: sqlite3.Connection, ranking: Ranking, top: Scored) -> str | None:
    """The reason the best fact does not answer a question it matches only by the names the
    question writes (see the module's doc), or None."""
    from llama4ref.store.fulltext import containing

    attributes, words = _asked(ranking)
    if not attributes and not words:
        return None  # "maverick on groq": the names are all it asks
    named = [
        m
        for m in ranking.parsed.matches
        if m not in attributes
        and any(
            t["kind"] == "entity" and (t.get("cls", "named") in _SUBJECTS or (ranking.unknown and t.get("cls") != "topic"))
            for t in m.terms
        )
    ]  # "multimodal" names a topic and asks an attribute: matching it answers something
    if not named or not set(top.matched) <= {m.text for m in named} or top.path in ranking.valued:
        return None  # (a fact whose value the text writes answers it: "bedrock maverick is $0.24 in")
    segs = top.path.split(".")
    for m in attributes:
        for t in m.terms:
            if t["kind"] == "attribute" and (carries(t.get("path_words", ()), segs) or top.unit in t.get("units", ())):
                return None
    for ws in [*(m.text.split() for m in attributes), *([w] for w in words)]:
        if top.path in containing(db, ws):
            return None  # the fact's own text holds the words ("is groq maverick deprecated": its status)
    asked = ", ".join(repr(x) for x in dict.fromkeys([*(m.text for m in attributes), *words]))
    names = ", ".join(dict.fromkeys(m.text for m in named if m.text in top.matched))
    return f"no fact records {asked} for {names}" if names else f"no fact records {asked}"
