"""Whether a ranked question asks for a group of facts rather than one (issue 14).

When the best fact sits under a group the text names but does not narrow (``maverick experts``),
the group answers, unless its members are prose facets or the text tells one member apart; a
question naming one thing and nothing about it ("what is iRoPE") asks for its group; asking for a
known working config of a tested runtime setup asks for the whole setup, and a model and a topic
asked for as a whole ("maverick architecture details") ask for that model's part of the topic. A
superlative ("max", "smallest", "máximo") asks for one figure, and so does a number the best member
holds, also when it is written as a model's name ("behemoth is 2T params": its total).
"""

from __future__ import annotations

import re

from llama4ref.domain.matching import EXPLAINING, defining
from llama4ref.domain.ranking import Ranking
from llama4ref.paths import FactPath
from llama4ref.records.vocabulary import segment_runs

_GROUP_MARGIN = 0.5  # a group's best member this far ahead of the next is the answer on its own
_PROSE = frozenset({"text", "text_list", "boolean"})
_ONE_FIGURE = frozenset(
    [
        "max",
        "maximum",
        "longest",
        "largest",
        "biggest",
        "highest",
        "min",
        "minimum",
        "smallest",
        "shortest",
        "lowest",
        "máximo",
        "máxima",
        "maximal",
        "maximale",
        "maximaler",
        "massimo",
        "massima",
        "максимальный",
        "максимальная",
        "максимальное",
        "максимум",
        "maksimum",
        "maksimal",
        "अधिकतम",
        "mínimo",
        "mínima",
        "minimo",
        "minima",
        "минимальный",
        "минимальная",
        "minimal",
        "न्यूनतम",
    ]
)  # a superlative, in the languages the question sets use
_ONE_FIGURE_CJK = ("最大", "最小", "최대", "최소", "最长", "最長")  # written inside a run of characters
_PARAMETER_COUNT = re.compile(r"\d+(?:\.\d+)?[bt]")  # "2t", "400b": a count of parameters
_WHOLE = frozenset(
    {"details", "detail", "overview", "summary", "specs", "spec", "specifications", "everything", "all", "breakdown"}
)
"""Words asking for everything under a name rather than one thing about it."""


def group_of(ranking: Ranking, all_paths: list[str]) -> str | None:
    """The group the text asks about when the best fact sits under a named, un-narrowed prefix."""
    if not ranking.scored:
        return None
    named = _named_group(ranking, all_paths)
    if named is not None:
        return named
    top = ranking.scored[0]
    segs = FactPath.parse(top.path).pieces
    if segs[0] == "runtime" and len(segs) > 4 and any(t["id"] == "setup" for t in ranking.parsed.of_kind("intent")):
        return ".".join(segs[:4])  # "is there a known working config": the whole tested setup, not one of its settings
    if top.narrowed < 1 or top.deepest >= len(segs) - 1:  # a whole variant or topic is never the answer
        return None
    intents = ranking.parsed.of_kind("intent")
    facets = {w for t in intents for w in t.get("path_words", ())} | (EXPLAINING if defining(ranking.parsed) else set())
    if segs[-1] in facets:
        return None  # "what is the eot token": the question asks for this facet (its meaning), not the group
    if segs[-1] == "total" and not any(t["id"] == "total" for t in ranking.parsed.of_kind("attribute")):
        return None  # a group's total, best though unasked, is its own figure: "vertex maverick context window"
    if _ONE_FIGURE.intersection(ranking.parsed.words) or any(s in ranking.text for s in _ONE_FIGURE_CJK):
        return None  # "maverick max context", "smallest gguf": one figure, the best member, not the group's lineup
    if top.path in ranking.valued or _name_figure(ranking, segs[-1], top.unit):
        return None  # "bedrock scout 3.5 million context, right?": the member whose value the text quotes
    prefix = ".".join(segs[: top.deepest + 1])
    members = [s for s in ranking.scored if s.path.startswith(prefix + ".")]
    if len(members) < 2:
        return None
    if all(m.unit in _PROSE for m in members):
        return None  # a token's string and meaning, a fusion's type and mechanism: facets, not values to line up
    tail = top.path[len(prefix) + 1 :].split(".")
    if any(r in ranking.runs for r in segment_runs(["", *tail])):
        return None  # the text writes out what tells this member apart ("llama 4" of debated_topics.llama4)
    if top.score - members[1].score >= _GROUP_MARGIN:
        return None  # one member answers clearly better than the rest ("refusals on debated topics, llama 4")
    kinds = {u for t in ranking.parsed.of_kind("intent") for u in t.get("units", ())} - {"text", "text_list", "boolean", "json"}
    if top.unit in kinds and 2 * sum(m.unit in kinds for m in members) <= len(members):
        return None  # "how much data …": the kind of answer asked for picks the fact out of its group
    return prefix


def _name_figure(ranking: Ranking, leaf: str, unit: str) -> bool:
    """Whether the text writes a model's parameter count as its name and this member is that count
    ("2T" names Behemoth and its total: "behemoth is 2T params right" asks about the total, where
    "how many experts does the 400B model have" names Maverick only)."""
    return unit == "parameters" and any(
        _PARAMETER_COUNT.fullmatch(m.text) is not None
        and any(t["kind"] == "entity" for t in m.terms)
        and leaf in t.get("path_words", ())
        for m in ranking.parsed.matches
        for t in m.terms
        if t["kind"] == "attribute"
    )


def _named_group(ranking: Ranking, all_paths: list[str]) -> str | None:
    """A question that names one thing and nothing about it ("what is iRoPE") asks for its group;
    a model and a topic asked for as a whole ("maverick architecture details"), the model's part."""
    p = ranking.parsed
    ents = [m for m in p.matches if any(t["kind"] == "entity" for t in m.terms)]
    top = ranking.scored[0]
    if set(p.rest) <= _WHOLE and not p.of_kind("attribute") and len(ents) == 2 and top.deepest < top.path.count("."):
        variants = [t["target"] for m in ents for t in m.terms if t["kind"] == "entity" and t.get("cls") == "variant"]
        topics = [t["target"] for m in ents for t in m.terms if t["kind"] == "entity" and t.get("cls") == "topic"]
        if len(variants) == 1 and len(topics) == 1:
            prefix = f"{variants[0]}.{topics[0]}"
            if sum(1 for q in all_paths if q.startswith(prefix + ".")) >= 2:
                return prefix
    if p.rest or p.of_kind("attribute") or len(ents) != 1 or top.deepest == top.path.count("."):
        return None
    targets = [t["target"] for t in ents[0].terms if t["kind"] == "entity" and t.get("cls") != "variant"]
    for target in targets:
        if sum(1 for q in all_paths if q.startswith(target + ".")) >= 2:
            return str(target)
    return None
