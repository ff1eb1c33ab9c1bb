"""Answer a question from the records: the answering fact (or group) first, then runners-up.

``ask(kb, "how many experts does maverick have")`` parses the question with the vocabulary,
ranks every fact (llama4ref.domain.ranking) and returns an :class:`Answer`. When the best fact does
not answer enough of the question, ``answer.found`` is false: the closest facts and the
``get``/``list`` command that would help are given instead (the CLI exits 1).

A question about providers as a whole ("which providers serve maverick", "cheapest provider for
scout") is answered with a listing of the current offers, one row per provider, in the order it
asks for (llama4ref.domain.across); the suggestion is the ``providers`` command that shows them.

A question whether a name will do for a derivative ("can I call my finetune MyModel?") is
answered with the naming rule (the facts the vocabulary's ``naming`` intent points at), and the
suggestion is ``llama4ref check-name`` with the name the question writes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from llama4ref.domain.companions import companions, written_order
from llama4ref.store.answers import Fact

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.domain.across import Listing
    from llama4ref.domain.ranking import Ranking
    from llama4ref.store.knowledge_base import KnowledgeBase
    from llama4ref.store.shapes.ask import AnswerJSON

RUNNERS_UP = 4


class Answer(NamedTuple):
    """The answer to one question."""

    question: str
    found: bool
    path: str | None  # the answering fact's path, or the group's prefix
    facts: tuple[Fact, ...]  # the answering fact, or the group's members (best first)
    runners_up: tuple[Fact, ...]
    matched: tuple[str, ...]  # the question's words and phrases the answer satisfies
    corrections: dict[str, str]
    suggestion: str | None  # a command that would help (always set when not found)
    listing: Listing | None = None  # set when the answer lists providers' offers: ``path`` is its pattern
    caveats: tuple[str, ...] = ()  # what to know before taking the answer as true (an ended offer, no figure of the model named)
    companions: tuple[
        Fact, ...
    ] = ()  # the same quantity measured another way, shown with the answer (llama4ref.domain.companions)

    @property
    def is_group(self) -> bool:
        return self.found and len(self.facts) > 0 and self.facts[0].path != self.path

    def ranked_paths(self) -> list[str]:
        """What is shown, in order: the answer's path (a group's members follow it, best first,
        as they are printed; a fact's companions beside it), then the runners-up. The question
        benchmark scores this list."""
        head = [self.path] if self.found and self.path else []
        members = [f.path for f in self.facts] if self.is_group else []
        return head + members + [f.path for f in self.companions] + [f.path for f in self.runners_up]

    def to_json(self) -> AnswerJSON:
        return {
            "question": self.question,
            "found": self.found,
            "answer": None
            if not self.found
            else {
                "kind": "providers" if self.listing else "group" if self.is_group else "fact",
                "path": self.path,
                "facts": [f.to_json() for f in self.facts],
            },
            "runners_up": [f.to_json() for f in self.runners_up],
            "matched": list(self.matched),
            "corrections": self.corrections,
            "suggestion": self.suggestion,
            "caveats": list(self.caveats),
            "companions": [f.to_json() for f in self.companions],
        }


def ask(kb: KnowledgeBase, text: str, db: sqlite3.Connection | None = None) -> Answer:
    """Answer ``text`` from ``kb``; ``db`` is its full-text index (built in memory when None)."""
    from llama4ref.domain.abstain import unanswered
    from llama4ref.domain.across import across
    from llama4ref.domain.caveats import computed_memory, gpu_count, offer_caveat, unrecorded_figure, unrecorded_quant
    from llama4ref.domain.grouping import group_of
    from llama4ref.domain.ranking import rank
    from llama4ref.store import fulltext as ftsindex

    if db is None:
        db = ftsindex.build(kb)
    ranking = rank(kb, db, text)
    exact = _fact_path(kb, text)
    if exact is not None:  # a fact's own path ("license_terms.naming_rule"): that fact, whatever ranks first
        ranking.settle(RUNNERS_UP, {exact})
        rest = tuple(kb.get(s.path) for s in ranking.scored if s.path != exact)[:RUNNERS_UP]
        caveat = offer_caveat(kb, exact)
        return Answer(
            text,
            True,
            exact,
            (kb.get(exact),),
            rest,
            (),
            ranking.corrections,
            _suggestion(ranking, None),
            None,
            (caveat,) if caveat else (),
        )
    ranking.settle(RUNNERS_UP + 1)
    rule = naming_rule(kb, ranking)
    if rule:
        return _naming_answer(kb, ranking, rule)
    listing = across(kb, ranking.parsed, text)
    if listing is not None and listing.rows:
        return _listing_answer(kb, ranking, listing)
    scored = [s.path for s in ranking.scored]
    all_paths = scored + sorted(set(ranking.paths).difference(scored))  # best first, unscored last
    top = ranking.scored[0] if ranking.scored else None
    whole = _whole_variant(ranking)
    why = None if top is None or not ranking.confident or whole else unanswered(kb, db, ranking)
    if top is None or not ranking.confident or whole or why:  # why: the best fact is of another model or attribute
        closest = tuple(kb.get(s.path) for s in ranking.scored[: RUNNERS_UP + 1])
        hint = f"llama4ref show {whole}" if whole else _suggestion(ranking, None)
        return Answer(text, False, None, (), closest, (), ranking.corrections, hint, None, (why,) if why else ())
    group = group_of(ranking, all_paths)
    if group is not None:
        members = [p for p in all_paths if p.startswith(group + ".")]  # best first
        facts = tuple(sorted((kb.get(p) for p in members), key=written_order))
        taken = set(members)
        path = group
    pair: tuple[Fact, ...] = ()
    if group is None:
        lead, pair = _with_companions(kb, ranking, kb.get(top.path))
        facts = (lead,)
        taken = {lead.path, *(f.path for f in pair)}
        path = lead.path
    ranking.settle(RUNNERS_UP, taken)
    rest = tuple(kb.get(p) for p in [s.path for s in ranking.scored if s.path not in taken][:RUNNERS_UP])
    caveats = (
        offer_caveat(kb, path),
        unrecorded_quant(kb, text, path, facts),
        None if group else unrecorded_figure(kb, ranking, facts[0]),
        computed_memory(kb, ranking, path),
        gpu_count(kb, ranking, path),
    )
    return Answer(
        text,
        True,
        path,
        facts,
        rest,
        top.matched,
        ranking.corrections,
        _suggestion(ranking, group),
        None,
        tuple(c for c in caveats if c),
        pair,
    )


def _with_companions(kb: KnowledgeBase, ranking: Ranking, best: Fact) -> tuple[Fact, tuple[Fact, ...]]:
    """The fact to lead with and its companions (llama4ref.domain.companions.companions). When the
    text answers a companion with the same words as the best fact (it names neither way of
    measuring), the one its record lists first leads; else the best fact does."""
    pair = companions(kb, best)
    if not pair:
        return best, ()
    matched = {s.path: s.matched for s in ranking.scored}
    tied = [f for f in pair if matched.get(f.path) == matched.get(best.path)]
    lead = min([best, *tied], key=written_order)
    return lead, tuple(f for f in sorted([best, *pair], key=written_order) if f.path != lead.path)


def _fact_path(kb: KnowledgeBase, text: str) -> str | None:
    """The fact path ``text`` is, written alone (a stored, derived or license-term fact, in any
    form ``get`` accepts), else None."""
    word = text.strip()
    if not word or any(c.isspace() for c in word) or not kb.has(word):
        return None
    return kb.get(word).path


_NAMED = frozenset({"naming", "name", "license-name"})
"""Vocabulary terms that say a text is about a model's name (an intent, an attribute, an entity)."""
_NAME_WORDS = frozenset({"name", "call", "rename"})
"""Words about a name left over when a longer phrase took the words after them ("call my fine-tune …")."""
_QUOTED = re.compile(r"""(?:^|[\s(:])["'“‘`]([^"'”’`\n]{1,100})["'”’`](?=[\s?.!,;:)]|$)""")
_AFTER_VERB = re.compile(
    r"\b(?:call|name|rename|called|named)\s+(?:(?:it|my|our|the|this|a|model|finetune|fine-tune|fine|tune|tuned|"
    r"fine-tuned|finetuned|merge|derivative|quant|version|llama|4|llama4|as|to)\s+)*([^\s?!,;]+)",
    re.IGNORECASE,
)


def naming_rule(kb: KnowledgeBase, ranking: Ranking) -> list[str]:
    """The paths of the naming rule (those ending in a path word of the vocabulary's ``naming``
    intent), best first, when the text asks whether a name will do for a derivative: it names the
    ``derivative`` attribute and something about names, or asks to call or name one's own model
    (the ``naming`` intent: "call my", "name our") a name it writes ('can I call my model
    "Llama-4-Scout-Legal-FT"?'). Else []."""
    p = ranking.parsed
    named = any(t["id"] in _NAMED for m in p.matches for t in m.terms) or bool(_NAME_WORDS.intersection(p.rest))
    derivative = any(t["id"] == "derivative" for t in p.of_kind("attribute"))
    own = any(t["id"] == "naming" for t in p.of_kind("intent")) and written_name(ranking.text) is not None
    if not (named and derivative) and not own:
        return []
    terms = kb.vocabulary()["terms"]
    leaves = {w for t in terms if t["kind"] == "intent" and t["id"] == "naming" for w in t.get("path_words", ())}
    ranking.settle(len(ranking.paths))
    return [s.path for s in ranking.scored if s.path.rsplit(".", 1)[-1] in leaves]


def written_name(text: str) -> str | None:
    """The model name a naming question writes: quoted, or after "call"/"name" ("call my finetune
    MyModel"); a word after the verb counts only when it looks like a name (a capital, a digit,
    "-", "_" or "/")."""
    quoted = _QUOTED.search(text)
    if quoted:
        return quoted.group(1).strip() or None
    after = _AFTER_VERB.search(text)
    if after:
        name = after.group(1).rstrip(".:'\"”’")
        if any(c.isupper() or c.isdigit() or c in "-_/" for c in name):
            return name
    return None


def _naming_answer(kb: KnowledgeBase, ranking: Ranking, rule: list[str]) -> Answer:
    """The naming rule as the answer (the best of its facts), the rest of the ranking after it."""
    import shlex

    name = written_name(ranking.text)
    hint = f"llama4ref check-name {shlex.quote(name) if name else 'NAME'}"
    top = ranking.scored[0] if ranking.scored else None
    if top is not None and top.path in rule and ranking.confident:
        matched = top.matched
    else:
        matched = tuple(m.text for m in ranking.parsed.matches if any(t["id"] in _NAMED | {"derivative"} for t in m.terms))
    rest = [*rule[1:], *(s.path for s in ranking.scored if s.path not in rule)][:RUNNERS_UP]  # the rule's other facts first
    return Answer(
        ranking.text, True, rule[0], (kb.get(rule[0]),), tuple(kb.get(p) for p in rest), matched, ranking.corrections, hint
    )


def _listing_answer(kb: KnowledgeBase, ranking: Ranking, listing: Listing) -> Answer:
    """Providers' offers as the answer (every row's facts, in the listing's order), then the ranking's best others."""
    facts = tuple(f for row in listing.rows for f in row.facts)
    taken = {f.path for f in facts}
    ranking.settle(RUNNERS_UP, taken)
    rest = tuple(kb.get(s.path) for s in ranking.scored if s.path not in taken)[:RUNNERS_UP]
    matched = tuple(m.text for m in ranking.parsed.matches)
    return Answer(
        ranking.text, True, listing.pattern, facts, rest, matched, ranking.corrections, listing.command, listing, listing.caveats
    )


def _whole_variant(ranking: Ranking) -> str | None:
    """The variant a question names when it asks nothing about it ("scout", "what is maverick"):
    no one fact answers that; ``show`` does."""
    p = ranking.parsed
    named = [m for m in p.matches if any(t["kind"] in ("entity", "attribute") for t in m.terms)]
    if p.rest or len(named) != 1:
        return None
    terms = named[0].terms
    if any(t["kind"] == "attribute" for t in terms) and any(t["id"] == "meaning" for t in p.of_kind("intent")):
        return None  # "what does 128E mean" asks what the name says (routed experts), not for the whole variant
    entities = [t for t in terms if t["kind"] == "entity"]
    variants = [t for t in entities if t.get("cls") == "variant"]
    return str(variants[0]["target"]) if variants and len(variants) == len(entities) else None


_SERVING = frozenset(
    {"gpu", "gpus", "vram", "run", "runs", "running", "serve", "serving", "deploy", "host", "fit", "fits", "memory", "ram"}
)
"""Words of a question about running a model on hardware: ``memory`` answers it."""
_PROVIDERS = frozenset({"provider", "providers", "serves", "hosts", "offers"})
"""Words of a question about who serves a model: ``providers`` lists them."""


def _deployment(ranking: Ranking) -> str | None:
    """The ``memory`` or ``providers`` command for a question about running or buying a variant
    ("can scout run on one rtx 4090": ``memory scout --gpu rtx_4090``), else None."""
    entities = ranking.parsed.of_kind("entity")
    variants = [str(t["target"]) for t in entities if t.get("cls") == "variant" and t["target"] in ("scout", "maverick")]
    if not variants:
        return None
    gpus = [str(t["target"])[9:] for t in entities if t.get("cls") == "gpu" and str(t["target"]).startswith("hardware.")]
    ws = set(re.findall(r"[a-z0-9]+", ranking.text.lower()))
    named_provider = any(t.get("cls") == "provider" for t in entities)  # "max output on together for maverick"
    if (ws & _PROVIDERS or named_provider) and not gpus:
        return f"llama4ref providers {variants[0]}"
    if gpus or ws & _SERVING:
        from llama4ref.domain.caveats import asked_precision

        precision = asked_precision(ranking.text)
        count = _gpu_count(ranking.text) if gpus else None
        return (
            f"llama4ref memory {variants[0]}"
            + (f" --precision {precision}" if precision else "")
            + (f" --gpu {gpus[0]}" if gpus else "")
            + (f" --gpus {count}" if count and count > 1 else "")
        )
    return None


_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "six": 6, "eight": 8, "dual": 2, "quad": 4}
_GPU_COUNT = re.compile(
    r"(?i)(?<![\w.])(?:(\d{1,2})\s*(?:x|×|\*)\s*(?=[a-z]*\s*[a-z]?\d{2,4})"  # "2x rtx 4090", "8xH100", "2 * 3090"
    r"|(\d{1,2}|two|three|four|six|eight|dual|quad)\s+(?:nvidia\s+|geforce\s+|rtx\s+)*[a-z]{0,3}\d{2,4}\w*s?\b)"
)
"""A count of GPUs written before a GPU's name ("2x rtx 4090", "two 4090s", "8 H100s")."""


def _gpu_count(text: str) -> int | None:
    """How many GPUs a question names ("can scout run on 2x rtx 4090" → 2), else None.

    >>> _gpu_count("can scout run on 2x rtx 4090"), _gpu_count("two 4090s for maverick?"), _gpu_count("8xH100")
    (2, 2, 8)
    >>> _gpu_count("scout on an rtx 4090 with 64 GB of ram") is None
    True
    """
    m = _GPU_COUNT.search(text)
    if m is None:
        return None
    word = (m.group(1) or m.group(2)).lower()
    return int(word) if word.isdigit() else _COUNT_WORDS[word]


def _compared(ranking: Ranking) -> tuple[str, str] | None:
    """The two variants a text asks the difference between ("scout vs maverick", "how does scout
    differ from maverick"): ``compare`` sets them side by side. Else None."""
    p = ranking.parsed
    if not any(t["id"] == "difference" for t in p.of_kind("intent")):
        return None
    named = list(dict.fromkeys(str(t["target"]) for t in p.of_kind("entity") if t.get("cls") == "variant"))
    return (named[0], named[1]) if len(named) == 2 else None


def _suggestion(ranking: Ranking, group: str | None) -> str:
    """The ``compare``, ``memory``, ``providers``, ``get`` or ``list`` command that shows more around the answer."""
    if (pair := _compared(ranking)) is not None:
        return f"llama4ref compare {pair[0]} {pair[1]}"
    if (deployment := _deployment(ranking)) is not None:
        return deployment
    if group is not None:
        return f"llama4ref get {group}"
    paths = ranking.paths
    for t in ranking.parsed.of_kind("entity"):
        target = str(t["target"])
        if any(p.startswith(target + ".") for p in paths):
            return f"llama4ref list facts --prefix {target}"
    if ranking.scored:
        return f"llama4ref list facts --prefix {ranking.scored[0].path.split('.')[0]}"
    return "llama4ref list facts"
