"""Whom a statement is about: the Llama 4 variant, provider or other model a text names.

Names come from the one vocabulary (variant ids and aliases, provider names). The subject of a
value is the nearest variant named before it in the sentence; a later mention, a table column,
the paragraph's previous sentence or a heading name it otherwise (llama4ref.claims.extract).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from llama4ref.claims.words import unglued
from llama4ref.paths import FactPath
from llama4ref.records.vocabulary import Lexicon

if TYPE_CHECKING:
    from llama4ref.claims.statement import Binding
    from llama4ref.claims.words import Words


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
    r"(?i)\b(?:llama[\s-]?[1-3](?:\.\d+)?|(?:llama[\s-]?)?(?:prompt[\s-]?)?guard(?:[\s-]?\d)?|code[\s-]?shield|gpt-?\d|(?:gemini|gemma|claude|qwen|mistral|deepseek)(?:\d+(?:\.\d+)?)?|phi-?\d"
    r"|predecessors?|(?:previous|prior|earlier|older|last) (?:llama )?(?:generations?|models?|versions?|releases?)|industry standard"
    r"|competitors?|rivals?|other (?:open |closed |frontier )?models|most (?:open |closed |other )?models)\b"
)
"""Another model named before a value ("since Llama 3’s release in April 2024", "the previous
generation had a 128K window", "most competitors stop at 128K"; its version may be glued to the name:
"Qwen3-235B-A22B, which also has 8 active experts"), or a safeguard model shipped beside
Llama 4 ("Includes Llama Guard 4 12B, Llama Prompt Guard 2 22M and 86M": those models' sizes)."""


AFTER_OTHER = re.compile(
    r"(?i)^\s*(?:[a-z-]+\s+){0,2}(?:(?:in|for|of|on|with)\s+|from\s+(?![\w\s.-]{0,16}['’]s\b))"
    r"(?:llama[\s-]?[1-3]|gpt|gemini|gemma|claude|qwen|mistral|deepseek|phi|v?[1-3]\.\d(?![\d.]*\s*(?:%|[^\W\d])))\b"
)
"""A value followed by "… in Llama 3", "… for GPT-4o", "… from Llama 3" or a bare earlier
version ("15T tokens for 3.1", "in v2.0") is about that model (not "… from Llama 3's 128K",
where the figure after is Llama 3's)."""
AFTER_LLAMA4 = re.compile(
    r"(?i)^\s*(?:(?:[a-z-]+\s+){0,2}(?:in|for|of|on|with)\s+|[^\s\d,.;:()]{0,8}\s*(?:의|の|的)\s*"
    r"|\+?\s*(?:[a-z]+\s*)?[（(]\s*(?=(?:llama[\s-]?4\s+)?(?:scout|maverick|behemoth)\s*[)）]))"
    r"(?:llama[\s-]?4\s+)?(scout|maverick|behemoth)(?![a-z])"
)
"""The model named right after the value: "to 131.1K tokens in Llama 4 Scout", or a genitive that
puts the model after its figure ("2조 파라미터의 Behemoth", "1090亿参数的Scout"), or the model alone in
the parenthesis after it ("40T+ tokens（Scout）", "17B/400B（Maverick）")."""

OWNED_BY = re.compile(r"(?i)(?<![\w-])(scout|maverick|behemoth)['’]s\s+(?:(?:total|active|routed|native|own)\s+)?$")
"""The variant in the possessive right before the value ("Compared to Maverick’s 128 experts, …"):
its owner, even where the phrase is what the sentence compares with."""


def other_model(parsed: Any) -> bool:
    """Whether a parse names a model that is not Llama 4 (a comparison model)."""
    return any(t["target"] not in LLAMA4 for t in ents(parsed, "variant"))


def subject(
    parsed: Any,
    vi: int,
    skip: frozenset[int] = frozenset(),
    compared: frozenset[int] = frozenset(),
    passed: frozenset[int] = frozenset(),
) -> tuple[str | None, Binding, bool]:
    """The nearest model named before the value (else after it): (Llama 4 variant, 'text' or
    'after', other-model?).
    Names at the word indices ``skip`` (what the subject is likened to) do not count, nor names after
    the value at ``compared`` (what it is compared with: "… 87.1 — competitive with GPT-4o"), nor a
    name compared with before the value, at ``passed``, whose clause has ended when the value comes
    and which another model named before it leads ("Although Scout is smaller than Maverick, it has
    … 10 million tokens": Scout's)."""
    named = [
        (m.start, t["target"]) for m in parsed.matches for t in m.terms if t["kind"] == "entity" and t.get("cls") == "variant"
    ]
    named = [(i, tgt) for i, tgt in named if not _is_number_alias(parsed, i) and i not in skip and not (i > vi and i in compared)]
    before = [x for x in named if x[0] < vi]
    if len(before) > 1 and before[-1][0] in passed:
        before = [x for x in before if x[0] not in passed] or before
    pick = before[-1] if before else (named[0] if named else None)
    if pick is None:
        return None, "none", False
    if pick[1] in LLAMA4:
        return pick[1], "text" if before else "after", False
    return None, "none", True


_SIZE_ALIAS = re.compile(r"[\d ]+[bt]|\d+e|\d+ ?b ?\d+ ?e")


def _is_number_alias(parsed: Any, index: int) -> bool:
    """'109B' or '400B' name a variant only as a size; as a subject they are values. The phrase
    at word ``index`` is found by bisection (a parse's phrases are in order of their first word,
    one phrase a word), not by a scan of every phrase per name: a one-line document of 800 KB
    names thousands of them."""
    matches = parsed.matches
    i = bisect_left(matches, index, key=_start)
    m = matches[i] if i < len(matches) and matches[i].start == index else next(m for m in matches if m.start == index)
    return _number_alias(m)


def _start(m: Any) -> int:
    return int(m.start)


def _number_alias(m: Any) -> bool:
    return bool(_SIZE_ALIAS.fullmatch(m.text))


def sized_variant(parses: list[Any]) -> str | None:
    """The one Llama 4 variant a document names only by its size ("a 400B MoE", "Llama 4
    400B"), if it names exactly one that way: the variant a family-level contradiction cites."""
    named = {
        t["target"]
        for p in parses
        for m in p.matches
        if _number_alias(m)
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


def provider_binding(parsed: Any, head_provider: str | None, inner: Any, page: str | None = None) -> Binding:
    """Where a span's provider is named: its own text, the innermost heading, only an outer heading
    (a page title), else the page's own address ("entry": as firm as a catalog entry's). A provider
    an outer heading names that the page's address names too (a model page of the provider's
    catalog, ``providers/cerebras/models/…``) is the address's: "entry"."""
    if first(parsed, "provider"):
        return "text"
    if head_provider and inner is not None and first(inner, "provider") == head_provider:
        return "heading"
    return "title" if head_provider and head_provider != page else "entry"


def two_models(parses: list[Any]) -> bool:
    """Whether headings name two models: two Llama 4 variants, or Llama 4 (or a variant) and another model."""
    variants = {t["target"] for p, _ in parses for t in ents(p, "variant") if t["target"] in LLAMA4}
    llama4 = bool(variants) or any(re.search(r"(?i)llama[\s-]?4", text) for _, text in parses)
    return len(variants) > 1 or (llama4 and any(other_model(p) or OTHER_NAME.search(text) for p, text in parses))


COMPARED = re.compile(
    r"(?i)(?:\bthan|\bvs\.?|\bversus|\bcompared\s+(?:to|with)|\b(?:plus|moins|más|menos|mais)\s+(?:\w+\s+){0,2}que|\bals)"
    r"\s+(?:(?:the|le|la|el|o|der|die|das|any|all)\s+)?(?:(?:meta\s+)?llama[\s-]?4\s+)?(?:scout|maverick|behemoth|llama[\s-]?[1-3](?:\.\d+)?(?:'s)?"
    r"|(?:earlier|previous|prior|older)\s+(?:llama\s+)?(?:generations?|models?|versions?)"
    r"|gpt-?[\w.-]*|gemini[\w.-]*|gemma[\w.-]*|claude[\w.-]*|qwen[\w.-]*|mistral[\w.-]*|deepseek[\w.-]*)(?:\s+[\w.]*\d[\w.]*)?"
)
"""A model named as what another is compared with ("more capable than Llama 4 Scout", "10x more
tokens than Llama 3", "plus performant que le Llama 4 Scout"): the sentence is not about it."""
_LIKE = (
    r"similar(?:ly)?\s+to|(?:just\s+)?like|unlike|as\s+with|semelhante\s+a[os]?|similar\s+a[os]?|assim\s+como|como"
    r"|diferente\s+d[oa]|ao\s+contr[aá]rio\s+d[oa]|(?:al\s+)?igual\s+que|a\s+diferencia\s+del?|(?:tout\s+)?comme"
    r"|contrairement\s+(?:à|au)|à\s+l['’]instar\s+d[eu]|(?:ähnlich\s+)?wie|anders\s+als|im\s+gegensatz\s+zu[mr]?"
    r"|simile\s+a[l]?|come|a\s+differenza\s+d[ie]l?|как\s+и|в\s+отличие\s+от|подобно|类似于|類似於|不同于|像"
)
_LIKENESS = (
    r"similar(?:ly)?\s+to|in\s+contrast\s+to|compared\s+(?:to|with)|(?:much\s+)?the\s+same\s+as|identical\s+to|analogous\s+to"
    r"|semblable\s+(?:à|au)|similaire\s+(?:à|au)|pareil(?:le)?\s+(?:à|au)|identique\s+(?:à|au)|par\s+rapport\s+(?:à|au)"
    r"|à\s+l['’]instar\s+d[eu]|contrairement\s+(?:à|au)|semelhante\s+a[os]?|parecido\s+(?:com|a[ol]?)|diferente\s+d[oa]"
    r"|ao\s+contr[aá]rio\s+d[oa]|a\s+diferencia\s+del?|al\s+igual\s+que|similar\s+al?|parecid[oa]\s+al?"
    r"|ähnlich\s+(?:wie|zu[mr]?|de[mr])|genau\s+wie|anders\s+als|im\s+gegensatz\s+zu[mr]?|vergleichbar\s+mit|verglichen\s+mit"
    r"|simile\s+a[l]?|analogamente\s+a[l]?|a\s+differenza\s+d[ie]l?|come\s+per|rispetto\s+a[l]?"
    r"|как\s+и|в\s+отличие\s+от|подобно|аналогично|по\s+сравнению\s+с|так\s+же\s+как"
    r"|类似于|類似於|不同于|不同於|如同|相比于|相较于"
)
"""Words that liken or contrast the subject with what follows, wherever they stand in a sentence (en,
fr, pt, es, de, it, ru, zh): unlike a bare "like" or "como", they never introduce the subject itself."""
_LIKENESS_AFTER = (
    r"と同様に?|と同じく|と同じように|のように|とは異なり|と異なり|と比べ(?:て|ると)?|に比べ(?:て|ると)?|に似て"
    r"|와|과|처럼|에\s*비해|와\s*달리|과\s*달리"
    r"|\s*['’]?(?:[ae]|y[ae])?\s+(?:gibi|benzer\s+(?:şekilde|olarak)|kıyasla|göre)|['’]?(?:[dt][ae]n)\s+farklı\s+olarak"
    r"|\s*(?:类似|相似|一样|一樣|相同|不同)"
)
"""The same, written after the name (ja, ko, tr, zh postpositions): "Meta Llama Scoutと同様に、このモデルは …"."""
_RELATIVE = (
    r"\s*(?:which|that|who|whose|where|qui|que|dont|cuyo|cuya|che|cui|der|die|das|dessen|который|которая|которое|которые)\b"
)
"""A relative pronoun after the comma: "similar to Scout, which has 16 experts" is about Scout."""
_NAME = r"(?:(?:the|o|a|el|la|le|der|die|das|dem|il|lo)\s+)?(?:meta\s+)?(?:llama(?:[\s-]?4)?\s+)?(?:scout|maverick|behemoth)"
LIKENED = re.compile(
    rf"(?i)(?:^|[,:;，：]|\s-\s)\s*(?:{_LIKE})\s*{_NAME}\b[^,.;:!?，。]{{0,30}}[,，]"
    rf"|(?<!\w)(?:{_LIKENESS})\s*{_NAME}\b[^,.;:!?，。、]{{0,30}}[,，、](?!{_RELATIVE})"
    rf"|(?:^|[,:;，：]\s*)(?:与|和|跟|同)\s*{_NAME}\s*(?:类似|相似|一样|一樣|相同|不同)[^,，。]{{0,6}}[,，]"
    rf"|{_NAME}\s*(?:와|과)\s*(?:마찬가지로|달리|비슷하게|같이)"
    rf"|{_NAME}(?:{_LIKENESS_AFTER})[^,.;:!?，。、]{{0,12}}[,，、]"
)
"""A phrase likening the subject to a variant ("Similar to Llama 4 Scout, this model has …",
"Architecture : semblable à Meta Llama Scout, ce modèle …", "Meta Llama Scoutと同様に、このモデルは …",
"Unlike Maverick, Scout …"), fronted or after a label: the variant it names is what the subject is
compared with, not the subject. The phrase ends at its comma: what follows is the subject's."""


def likened(text: str) -> list[tuple[int, int]]:
    """The character spans of :data:`LIKENED` phrases in ``text``."""
    return [m.span() for m in LIKENED.finditer(text)]


_COMPARED_WITH = re.compile(
    r"(?i)\b(?:competitive\s+with|on\s+par\s+with|comparable\s+(?:to|with)|compared\s+(?:to|with)|than|vs\.?|versus"
    r"|rival(?:s|l?ing)?|beat(?:s|ing)?|outperform(?:s|ing|ed)?|surpass(?:es|ing|ed)?|exceed(?:s|ing|ed)?|trail(?:s|ing)?)"
    r"\s+(?:[\w'’-]+\s+){0,2}$"
)


_CLAUSE_PAST = re.compile(
    r"(?i)^[\w'’.-]*(?:\s+[\w'’.-]+){0,2}?\s*(?:[,;]|\s(?:but|yet|while|whereas)\b)(?!\s*(?:which|who|whose)\b)"
)
"""After a name compared with: its clause ends (a comma or "but"), no relative clause hanging on it."""


def passed_comparison(after: str) -> bool:
    """Whether the text after a name compared with ("than Maverick, it has …") leaves that name's
    clause before going on: what follows is not about it."""
    return bool(_CLAUSE_PAST.match(after))


def compared_with(before: str) -> bool:
    """Whether a name right after ``before`` is what something is compared with ("competitive with
    GPT-4o", "surpasses OpenAI's GPT-4o")."""
    return bool(_COMPARED_WITH.search(before))


FAMILY = "(Llama 4)"
"""What a sentence is about when it names Llama 4 as a whole (no variant, no other model): the
sentences after it in its paragraph are about Llama 4 too."""


def subject_of(text: str, lex: Lexicon) -> str | None:
    """The one Llama 4 variant ``text`` names, if it names exactly one (a variant named only as
    what something is compared with does not count); :data:`ANOTHER` when it names another model
    and no Llama 4 variant; :data:`FAMILY` when it names Llama 4 alone."""
    text = LIKENED.sub(lambda m: " " * len(m.group(0)), COMPARED.sub(lambda m: " " * len(m.group(0)), text))
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


_APPOSED = re.compile(r"\s*,\s*([^,;:()]{1,40}),")


def led_by_other(text: str, value_start: int) -> bool:
    """Whether the sentence before the value is led by another model set off by an appositive that
    names it too ("Llama 4's predecessor, Llama 3.1, introduced a 405B parameter model", "Llama 3.1,
    the previous generation, had 128K"), with no Llama 4 name between it and the value."""
    for m in OTHER_NAME.finditer(text, 0, value_start):
        apposed = _APPOSED.match(text, m.end(), value_start)
        if apposed and OTHER_NAME.search(apposed.group(1)) and not LLAMA4_NAME.search(text, apposed.end(), value_start):
            return True
    return False


def variants_named(text: str, lex: Lexicon) -> tuple[str, ...]:
    """The Llama 4 variants ``text`` names, in order (a "both" in the next sentence means them)."""
    return tuple(dict.fromkeys(t["target"] for t in ents(lex.parse(text), "variant") if t["target"] in LLAMA4))


def named_in_clause(parsed: Any, variant: str | None, clause: tuple[int, int], words: Words, vi_char: int) -> bool:
    """Whether ``variant`` is named in the value's own clause, before it."""
    return any(
        clause[0] <= words.char(m.start) < clause[1] and words.char(m.start) < vi_char
        for m in parsed.matches
        for t in m.terms
        if t["kind"] == "entity" and t.get("cls") == "variant" and t["target"] == variant
    )


def other_before(parsed: Any, vi: int) -> bool:
    """Whether a model that is not Llama 4 is named before word ``vi``."""
    return any(
        m.start < vi
        for m in parsed.matches
        for t in m.terms
        if t["kind"] == "entity" and t.get("cls") == "variant" and t["target"] not in LLAMA4
    )


def this_model(text: str, parsed: Any, words: Words, taken: frozenset[int]) -> tuple[int, frozenset[int]]:
    """Where "this model" (:data:`llama4ref.claims.cues.THIS_MODEL`, any language) stands in
    ``text`` and the names before it, outside the word indices ``taken``: under a variant's heading
    "this model" is that variant, and a model named before it in the sentence ("Im Vergleich zu
    Llama 4 Scout bietet dieses Modell …") is what it is set against; other phrases before it (a
    verb, "Meta released this model … on April 5, 2026") are read as usual."""
    from llama4ref.claims.cues import THIS_MODEL

    found = THIS_MODEL.search(text)
    if found is None:
        return len(text), frozenset()
    return found.start(), frozenset(
        m.start
        for m in parsed.matches
        if words.char(m.start) < found.start() and m.start not in taken and any(t["kind"] == "entity" for t in m.terms)
    )


_CODE_LABEL = re.compile(r"\s*`([^`]*llama[\s_-]?4[^`]*)`", re.I)


def code_label(text: str, lex: Lexicon) -> str | None:
    """The one Llama 4 variant a table row's label names as a model id in code ("`llama4-scout`"),
    which the reader masks as code; None when the label is no code span with Llama 4's name in it
    (a fact path, "`scout.8xh100.flags`", is no model id) or names none or several."""
    found = _CODE_LABEL.match(text)
    return first(lex.parse(unglued(found.group(1))), "variant") if found else None


def headed_variants(heading_parses: list[Any]) -> tuple[str, ...]:
    """The Llama 4 variants the headings name ("Scout vs Maverick"), in order, when two or more; else none."""
    named = tuple(dict.fromkeys(t["target"] for p, _ in heading_parses for t in ents(p, "variant") if t["target"] in LLAMA4))
    return named if len(named) > 1 else ()
