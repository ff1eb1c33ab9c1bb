"""Whom a statement is about: the Llama 4 variant, provider or other model a text names.

Names come from the one vocabulary (variant ids and aliases, provider names). The subject of a
value is the nearest variant named before it in the sentence; a later mention, a table column,
the paragraph's previous sentence or a heading name it otherwise (llama4ref.claims.extract).
"""

from __future__ import annotations

import re
from typing import Any

from llama4ref.paths import FactPath
from llama4ref.records.vocabulary import Lexicon


def ents(parsed: Any, cls: str) -> list[dict[str, Any]]:
    """The entity terms of class ``cls`` (variant, provider, engine, gpu, …) a parse found."""
    return [t for m in parsed.matches for t in m.terms if t["kind"] == "entity" and t.get("cls") == cls]


def first(parsed: Any, cls: str) -> str | None:
    """The one Llama 4 variant (or provider key) a parse names; None when none or several."""
    if cls == "provider":
        hits = [p for m in parsed.matches for t in m.terms if t["kind"] == "entity" and (p := provider_of(t)) is not None]
    else:
        hits = [t["target"] for t in ents(parsed, cls) if t["target"] in LLAMA4]
    return hits[0] if hits and len(set(hits)) == 1 else None


def provider_of(term: dict[str, Any]) -> str | None:
    """The provider key a vocabulary term's target (``providers.<provider>``) names, if any."""
    target = str(term.get("target", ""))
    return FactPath.parse(target).provider if target else None


LLAMA4 = frozenset({"scout", "maverick", "behemoth"})
LLAMA4_NAME = re.compile(r"(?i)\b(?:llama[\s-]?4|scout|maverick|behemoth)\b")
"""Llama 4 or one of its variants, as a text names them."""
ANOTHER = "(another model)"
"""What a sentence or spec row is about when it names another model and no Llama 4 variant."""
OTHER_NAME = re.compile(
    r"(?i)\b(?:llama[\s-]?[1-3](?:\.\d+)?|gpt-?\d|gemini|gemma|claude|qwen|mistral|deepseek|phi-?\d"
    r"|predecessors?|(?:previous|prior|earlier|older|last) (?:llama )?(?:generations?|models?|versions?|releases?)|industry standard"
    r"|competitors?|rivals?|other (?:open |closed |frontier )?models|most (?:open |closed |other )?models)\b"
)
"""Another model named before a value ("since Llama 3’s release in April 2024", "the previous
generation had a 128K window", "most competitors stop at 128K")."""


def other_model(parsed: Any) -> bool:
    """Whether a parse names a model that is not Llama 4 (a comparison model)."""
    return any(t["target"] not in LLAMA4 for t in ents(parsed, "variant"))


def subject(parsed: Any, vi: int) -> tuple[str | None, str, bool]:
    """The nearest model named before the value (else after it): (Llama 4 variant, 'text', other-model?)."""
    named = [
        (m.start, t["target"]) for m in parsed.matches for t in m.terms if t["kind"] == "entity" and t.get("cls") == "variant"
    ]
    named = [(i, tgt) for i, tgt in named if not _is_number_alias(parsed, i)]
    before = [x for x in named if x[0] < vi]
    pick = before[-1] if before else (named[0] if named else None)
    if pick is None:
        return None, "none", False
    if pick[1] in LLAMA4:
        return pick[1], "text" if before else "after", False
    return None, "none", True


def _is_number_alias(parsed: Any, index: int) -> bool:
    """'109B' or '400B' name a variant only as a size; as a subject they are values."""
    m = next(m for m in parsed.matches if m.start == index)
    return bool(re.fullmatch(r"[\d ]+[bt]|\d+e|\d+ ?b ?\d+ ?e", m.text))


def sized_variant(parses: list[Any]) -> str | None:
    """The one Llama 4 variant a document names only by its size ("a 400B MoE", "Llama 4
    400B"), if it names exactly one that way: the variant a family-level contradiction cites."""
    named = {
        t["target"]
        for p in parses
        for m in p.matches
        if _is_number_alias(p, m.start)
        for t in m.terms
        if t["kind"] == "entity" and t.get("cls") == "variant" and t["target"] in LLAMA4
    }
    return named.pop() if len(named) == 1 else None


def from_headings(parses: list[Any]) -> tuple[str | None, str | None, bool]:
    """(variant, provider, names Llama 4?) from the headings above a span, innermost winning;
    a heading about another model clears the variant of the headings above it."""
    variant = provider = None
    family = False
    for p, text in parses:
        family = family or bool(re.search(r"(?i)llama[\s-]?4", text)) or bool(first(p, "variant"))
        v = first(p, "variant")
        if v:
            variant = v
        elif other_model(p):
            variant = None
        pr = first(p, "provider")
        if pr:
            provider = pr
    return variant, provider, family


COMPARED = re.compile(
    r"(?i)(?:\bthan|\bvs\.?|\bversus|\bcompared\s+(?:to|with)|\b(?:plus|moins|más|menos|mais)\s+(?:\w+\s+){0,2}que|\bals)"
    r"\s+(?:(?:the|le|la|el|o|der|die|das|any|all)\s+)?(?:(?:meta\s+)?llama[\s-]?4\s+)?(?:scout|maverick|behemoth|llama[\s-]?[1-3](?:\.\d+)?(?:'s)?"
    r"|(?:earlier|previous|prior|older)\s+(?:llama\s+)?(?:generations?|models?|versions?)"
    r"|gpt-?[\w.-]*|gemini[\w.-]*|gemma[\w.-]*|claude[\w.-]*|qwen[\w.-]*|mistral[\w.-]*|deepseek[\w.-]*)(?:\s+[\w.]*\d[\w.]*)?"
)
"""A model named as what another is compared with ("more capable than Llama 4 Scout", "10x more
tokens than Llama 3", "plus performant que le Llama 4 Scout"): the sentence is not about it."""
FAMILY = "(Llama 4)"
"""What a sentence is about when it names Llama 4 as a whole (no variant, no other model): the
sentences after it in its paragraph are about Llama 4 too."""


def subject_of(text: str, lex: Lexicon) -> str | None:
    """The one Llama 4 variant ``text`` names, if it names exactly one (a variant named only as
    what something is compared with does not count); :data:`ANOTHER` when it names another model
    and no Llama 4 variant; :data:`FAMILY` when it names Llama 4 alone."""
    text = COMPARED.sub(lambda m: " " * len(m.group(0)), text)
    parsed = lex.parse(text)
    named = first(parsed, "variant")
    if named is None and not ents(parsed, "variant") and not OTHER_NAME.search(text) and re.search(r"(?i)\bllama[\s-]?4\b", text):
        return FAMILY
    if named is None and not ents(parsed, "variant") and OTHER_NAME.search(text):
        return ANOTHER
    if named is None and other_model(parsed) and not any(t["target"] in LLAMA4 for t in ents(parsed, "variant")):
        return ANOTHER
    return named


_ATTACHED = re.compile(
    r"(?i)^[\s,(]*(?:(?:which|that|who|whose|qui|dont|que|cuyo|cuya|che|cui|der|die|das|dessen|который|которая|которое|которые|у которого)\b"
    r"|$)"
)


def about_named_before(text: str, clause_start: int, value_start: int) -> bool:
    """Whether the value's clause hangs on another model named right before it ("… than Gemma 3,
    which offers 128K tokens", "Gemma 3 (128K context)"): a relative clause or an aside opening
    with the value, right after that model's name and its version."""
    prior = list(OTHER_NAME.finditer(text, 0, clause_start))
    if not prior or not re.fullmatch(r"[\s\w.-]{0,12}", text[prior[-1].end() : clause_start]):
        return False
    between = text[prior[-1].end() : value_start]
    if LLAMA4_NAME.search(between):
        return False
    return bool(_ATTACHED.match(text[clause_start:value_start]))


def variants_named(text: str, lex: Lexicon) -> tuple[str, ...]:
    """The Llama 4 variants ``text`` names, in order (a "both" in the next sentence means them)."""
    return tuple(dict.fromkeys(t["target"] for t in ents(lex.parse(text), "variant") if t["target"] in LLAMA4))
