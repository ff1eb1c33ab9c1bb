"""Which thing a question is about when it names one model but asks what only the family has
(issue 14): helpers for the ranking (llama4ref.domain.ranking)."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from llama4ref.records.vocabulary import Parsed


def carries(words: Collection[str], segs: list[str]) -> bool:
    """Whether a path segment holds one of ``words`` (attribute path words) as a run of its parts."""
    return any(f"_{w}_" in f"_{s}_" for s in segs for w in words)


def family_only(parsed: Parsed, paths: Collection[str], named: Collection[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The path words of the text's attributes that no fact naming the models the text names
    carries, and those that a fact of the models' own carries. "top_p for maverick" asks for the
    family's sampling defaults, since no fact about Maverick says anything of sampling, so the
    family's fact is no miss of the model named; "maverick max context" asks for Maverick's own
    window, which a tested runtime setup's limit is not."""
    if not named:
        return frozenset(), frozenset()
    about = [s for s in (p.split(".") for p in paths) if not set(named).isdisjoint(s)]
    own = [s for s in about if s[0] in named]
    family: set[str] = set()
    model: set[str] = set()
    for m in parsed.matches:
        if any(t["kind"] == "entity" for t in m.terms):
            continue  # "128E" names a model, not only what it counts
        words = {w for t in m.terms if t["kind"] == "attribute" for w in t.get("path_words", ())}
        if not words:
            continue
        if not any(carries(words, segs) for segs in about):
            family |= words
        elif any(carries(words, segs) for segs in own):
            model |= words
    return frozenset(family), frozenset(model)


def unserved(parsed: Parsed, paths: Collection[str], providers: Collection[str]) -> frozenset[str]:
    """The path words of the text's attributes when no fact of the providers the text names
    carries any of them. "does bedrock support images for maverick" asks what no Bedrock fact records: the
    model's own fact of it answers (Maverick takes images), not one of Bedrock's prices."""
    if not providers:
        return frozenset()
    about = [s for s in (p.split(".") for p in paths) if len(s) > 1 and s[0] == "providers" and s[1] in providers]
    out: set[str] = set()
    for m in parsed.matches:
        if any(t["kind"] == "entity" for t in m.terms):
            continue
        words = {w for t in m.terms if t["kind"] == "attribute" for w in t.get("path_words", ())}
        if words and any(carries(words, segs) for segs in about):
            return frozenset()  # one thing asked is the provider's own ("send images … on databricks": text_only)
        out |= words
    return frozenset(out)


_TIERS = frozenset({"providers", "runtime", "engines", "files", "finetuning", "hardware", "history", "research"})
"""Areas whose facts are about a service, a setup or a record, never the family's own figure."""


def family_held(parsed: Parsed, paths: Collection[str], models: Collection[str]) -> frozenset[str]:
    """When the text names the family ("llama 4") and no model: the path words of each attribute it
    asks that a total of the family's own gives in its last segment ("CO2 for training llama 4":
    training.emissions.location_tonnes_total, the models' figures summed). A model's figure of the
    same attribute is then a part of that answer, not the answer (llama4ref.domain.ranking)."""
    own = _family_totals(tuple(paths), frozenset(models))
    out: set[str] = set()
    for m in parsed.matches:
        for t in m.terms:
            words = tuple(t.get("path_words", ())) if t["kind"] == "attribute" else ()
            if words and any(carries(words, segs[-1:]) for segs in own):
                out |= set(words)
    return frozenset(out)


@lru_cache(maxsize=4)
def _family_totals(paths: tuple[str, ...], models: frozenset[str]) -> tuple[list[str], ...]:
    """The family's own totals (a last segment ending in "total"), as their segments."""
    return tuple(
        s for s in (p.split(".") for p in paths) if s[0] not in models and s[0] not in _TIERS and s[-1].split("_")[-1] == "total"
    )


def own_figure(model: Collection[str], asked: Collection[str], segs: list[str]) -> bool:
    """Whether a fact's last segment gives only figures the named model has a fact of its own for:
    it carries attributes the text asks, and each is one the model's own facts carry (a tested
    setup's "max_context" is Maverick's window again; its "int4_checkpoint_status" is not)."""
    carried = {w for w in asked if carries((w,), segs[-1:])}
    return bool(carried) and carried <= set(model)


def units_as_attributes(parsed: Parsed, terms: Collection[dict[str, Any]]) -> None:
    """A unit word written on its own, with no number before it, asks for the attribute of that
    name ("wie viele Layer hat scout": the layers), as its plural would; the vocabulary keeps the
    singular a unit so that check-claims reads "head dim 128" as no claim about heads."""
    attributes = {t["id"]: t for t in terms if t["kind"] == "attribute"}
    for i, m in enumerate(parsed.matches):
        if not m.terms or any(t["kind"] != "unit" for t in m.terms):
            continue
        if m.start > 0 and parsed.words[m.start - 1].isdigit():
            continue  # "48 layers": a quantity written with its unit
        extra = tuple(attributes[t["id"]] for t in m.terms if t["id"] in attributes)
        if extra:
            parsed.matches[i] = m._replace(terms=m.terms + extra)


_SCALED_COUNT = re.compile(r"\d+(?:\.\d+)?b")
"""A parameter count written with its scale letter ("8b", "1.5b")."""


def counts_as_parameters(parsed: Parsed, terms: Collection[dict[str, Any]]) -> None:
    """A parameter count written with its scale letter ("is Llama Guard 4 an 8B model?") that no
    phrase took, in a text that names no attribute, asks for the parameter count: the figure may
    be wrong, its unit still says what is asked (a right figure is found by its value too)."""
    if parsed.of_kind("attribute"):
        return
    size = next((t for t in terms if t["kind"] == "attribute" and t["id"] == "parameters"), None)
    taken = {i for m in parsed.matches for i in range(m.start, m.end)}
    at = next((i for i, w in enumerate(parsed.words) if i not in taken and _SCALED_COUNT.fullmatch(w)), None)
    if size is None or at is None:
        return
    from llama4ref.records.vocabulary import Match

    parsed.matches.append(Match(parsed.words[at], at, at + 1, (size,)))
    parsed.matches.sort(key=lambda m: m.start)
