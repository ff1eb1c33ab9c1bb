"""Which phrase a value takes: distances in words between values and the phrases around them,
the unit word after a value (directly or across a joining word of another language), and cues
of hardware named beside a figure, the attribute a heading names for the bare figures under it
(used by llama4ref.claims.extract)."""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any

from llama4ref.claims.cues import COUNTED_THINGS, OTHER_COUNTS

if TYPE_CHECKING:
    from llama4ref.claims.values import Value
    from llama4ref.claims.words import Words
    from llama4ref.records.vocabulary import Match


LINKS = frozenset({"de", "d", "di", "des", "del", "da", "do", "of", "von", "개", "의", "명", "人", "の", "個"})
"""Words that join a number to its unit in other languages ("17 miliardi di parametri", "1090억 개의
파라미터", "16人のエキスパート")."""


def unit_after(ve: int, units: list[Match], words: Words) -> Match | None:
    """The unit word right after a value, directly or across a joining word ("17 miliardi di parametri").
    ``units`` are in the order of their first word, as a parse gives them: only the ones starting
    at most two words after the value can be it, found by bisection (a scan of every unit word
    for every value and phrase made a long sentence cost the cube of its length)."""
    i = bisect_left(units, ve, key=_start)
    while i < len(units) and units[i].start <= ve + 2:
        m = units[i]
        if m.start == ve or all(w in LINKS for w in words.tokens[ve : m.start]):
            return m
        i += 1
    return None


def _start(m: Match) -> int:
    return m.start


def reach(ve: int, units: list[Match], words: Words) -> int:
    """Where a value's reading ends: after the unit word that follows it, so a modifier written
    after the unit ("parametri attivi", "paramètres actifs") is as near the value as one written
    before it."""
    unit = unit_after(ve, units, words)
    return unit.end if unit is not None else ve


def closest(m: Match, vi: int, ve: int, others: list[Value], words: Words, units: list[Match] | None = None) -> bool:
    """Whether the phrase ``m`` is nearer this value than any other value in the clause. A value
    with a unit word of its own right after it does not compete for the phrase right before it
    when that phrase is counted in another unit ("524K context 109B params": "context" is the
    524K's)."""
    dist = distance(m, vi, ve, words, units)
    counted = units_of(m)
    for u in others:
        own = unit_after(words.after(u.end), units or [], words) if m.end == words.index(u.start) else None
        if counted and own is not None and not counted & {x for t in own.terms if t["kind"] == "unit" for x in t["units"]}:
            continue  # the phrase right before another value that has its own, other unit
        if distance(m, words.index(u.start), words.index(u.end - 1) + 1, words, units) < dist:
            return False
    return True


def distance(m: Match, vi: int, ve: int, words: Words, units: list[Match] | None = None) -> float:
    """Words between a phrase and a value; a phrase after the value binds a little less, except
    after "on"/"in" ("scores 69.8 on GPQA Diamond"), where it binds first. A phrase after the
    value's unit word is measured from that word."""
    if m.end <= vi:
        return vi - m.end
    end = reach(ve, units or [], words)
    if m.start >= end > ve:
        ve = end
    gap = min(m.start, len(words.tokens)) - min(ve, len(words.tokens))  # the words between: tokens[ve : m.start]
    if 1 <= gap <= 2 and words.tokens[min(m.start, len(words.tokens)) - 1] in ("on", "in"):
        return -0.25
    # joining words ("di", "개의") do not part a value from its unit
    return m.start - ve - words.count_between(ve, m.start, LINKS) + 0.5


def is_unit_word(m: Match) -> bool:
    """A phrase that is both an attribute and a unit word ("tokens", "experts", "layers")."""
    units = {u for t in m.terms if t["kind"] == "unit" for u in t["units"]}
    return bool(units) and all(set(t.get("units") or ()) <= units for t in m.terms if t["kind"] == "attribute")


def attribute_phrase(m: Match) -> bool:
    """Whether a phrase names an attribute and is no mere unit word ("routed experts", "MoE layers")."""
    return not is_unit_word(m) and all(t["kind"] == "attribute" for t in m.terms)


_ONE = frozenset(
    {"a", "an", "one", "1", "single", "seul", "seule", "solo", "sola", "única", "unica", "einzigen", "einer"}
) | frozenset({"одном", "одной", "单", "單", "単", "一", "한"})


def one_gpu(before: list[str]) -> bool:
    """Whether the words before a GPU's name make it one card ("a single NVIDIA H100"): what the
    model fits on, not the setting of a measured run."""
    return bool(set(before) & _ONE) and not any(w.isdigit() and w != "1" for w in before)


def hardware(matches: list[Match]) -> bool:
    """Whether the phrases name memory or a GPU count ("68.5GB VRAM", "on a single GPU")."""
    return any(t["id"] in ("memory", "gpus", "single-gpu") for m in matches for t in m.terms)


def unit_follows(m: Match, ve: int, words: Words) -> bool:
    """Whether a unit word follows the value, directly or after a modifier ("288B active parameters")."""
    gap = words.tokens[ve : m.start]
    return m.start >= ve and (
        len(gap) <= 1 or (len(gap) == 2 and (gap[-1] in ("active", "total", "routed", "shared") or set(gap) <= LINKS))
    )


def units_of(m: Match) -> frozenset[str]:
    return frozenset(u for t in m.terms if t["kind"] == "attribute" for u in t.get("units") or ())


def quoted_alone(text: str, v: Value) -> bool:
    """A value that is a whole quoted string ('"109B"') is mentioned as a name, not stated, unless
    it is a key's value (``release_date = "2025-04-05"``, ``"releaseDate": "2025-04-05"``: catalogs
    and configs write dates and some numbers as strings)."""
    before, after = text[: v.start].rstrip(), text[v.end :].lstrip()
    quoted = bool(before) and bool(after) and before[-1] in "\"“'‘" and after[0] in "\"”'’"
    return quoted and not _KEYED.search(before[:-1])


def quoted_phrase(text: str, v: Value) -> bool:
    """A value opening a short quoted phrase that is then read or glossed ('what "17B Active
    Parameters" actually means', '"16 active experts" read as the routed count'): the words are
    named, not stated (a quoted claim, 'a headline “10 million tokens” claim', is still one)."""
    before = text[: v.start]
    return before.endswith(('"', "“")) and not _KEYED.search(before[:-1]) and bool(_PHRASE_END.match(text, v.end))


_PHRASE_END = re.compile(
    r"""(?i)[^"“”\n]{0,40}?[a-z%][^"“”\n]{0,40}?["”]\s+(?:\w+\s+)?(?:is\s+|was\s+|are\s+|were\s+)?"""
    r"""(?:read|reads|means?|meant|refers?|stands?)\b"""
)
"""The rest of a short quoted phrase, with a word in it, closed on the same line and followed by a
verb of reading or meaning ("actually means", "read as", "refers to")."""


_KEYED = re.compile(r"""(?:^|\n)\s*["']?[A-Za-z_][\w.-]*["']?\s*[:=]\s*$""")
"""A code or config key at the start of a line, right before a quoted value."""


def plain_link(mine: list[Match], v: Value, text: str, words: Words) -> bool:
    """Whether the phrases reach the value across a list ("Scout and Maverick on April 5"), not
    across a parenthesis, a semicolon or a colon (an aside about something else)."""
    if not mine:
        return False
    lo = min(min(words.char(m.start), v.start) for m in mine)
    hi = max(max(words.char(m.end - 1), v.end) for m in mine)
    return not any(ch in text[lo:hi] for ch in "();:")


def heading_attribute(heading_parses: list[Any], parsed: Any) -> dict[str, Any] | None:
    """The one counted attribute the innermost heading names ("Extended Context") when the span
    itself names none: bare figures under it are about that attribute."""
    if not heading_parses or any(
        t["kind"] in ("attribute", "unit") or t.get("cls") == "benchmark" for m in parsed.matches for t in m.terms
    ):
        return None
    named = {t["id"]: t for t in heading_parses[-1][0].of_kind("attribute")}
    return next(iter(named.values())) if len(named) == 1 and next(iter(named.values())).get("units") else None


def fits(v: Value, attr: dict[str, Any]) -> bool:
    """Whether a bare figure's multiplier fits a heading's attribute: K or M tokens, B or T parameters."""
    units = set(attr.get("units") or ())
    return ("tokens" in units and v.mult in (1e3, 1e6)) or ("parameters" in units and v.mult >= 1e9)


def counts_other(v: Value, ve: int, matches: list[Match], words: Words, text: str) -> bool:
    """Whether a bare count is followed by a noun of its own that the vocabulary does not know
    ("ran for 72 days", "16 متخصص"): it counts that noun, not an attribute named elsewhere in the
    clause. A scale word or unit the vocabulary knows, a joining word, a word before a phrase the
    vocabulary knows ("89.2 on MMLU"), a sign or a percentage is no such noun."""
    if v.day is not None or v.mult != 1.0 or ve >= len(words.tokens) or "%" in text[v.start : v.end + 2]:
        return False
    word = words.tokens[ve]
    if not word.isalpha() or word in LINKS or words.char(ve) - v.end > 1:
        return False
    return not any(m.start <= ve + 1 < m.end or m.start <= ve < m.end for m in matches)  # (not "scores 89.2 on MMLU")


def counts_things(v: Value, ve: int, matches: list[Match], words: Words) -> bool:
    """Whether a figure's own noun is a thing counted (:data:`llama4ref.claims.cues.COUNTED_THINGS`),
    right after it or after up to two words the vocabulary does not know ("20k support tickets",
    "300K multi-turn conversations"): a count of tickets is no token length, parameter count or any
    other recorded figure, whatever the sentence's verb ("trained on 300K conversations")."""
    if v.day is not None or ve >= len(words.tokens) or words.char(ve) - v.end > 1:
        return False
    for i in range(ve, min(ve + 3, len(words.tokens))):
        if any(m.start <= i < m.end for m in matches):
            return False  # a phrase the vocabulary knows ("10M context", "2T training tokens")
        if words.tokens[i] in COUNTED_THINGS:
            return True
        if not words.tokens[i].isalpha() or words.tokens[i] in _NOT_MODIFIERS:
            return False  # "activates ~28B per step": a rate's noun, not the figure's own
    return False


_NOT_MODIFIERS = frozenset(
    {"per", "a", "an", "the", "each", "every", "for", "in", "on", "of", "at", "to", "with", "by", "from", "and", "or"}
)
"""Words that end a figure's noun phrase: what follows them is not the noun the figure counts."""


_TRAINED_WITH = re.compile(r"(?i)(?:pre-?|post-?)?train(?:ed|ing)?\s+(?:with|on|at|using|to)\s+(?:(?:an?|the|its)\s+)?")
"""A training verb and the preposition taking the value as its object ("trained with a 256K")."""


def trained_with(m: Match, v: Value, text: str, words: Words) -> bool:
    """Whether the phrase ``m`` is a training verb whose object is the value ("Scout is trained with
    a 256K context length", "trained on a 256K context"): the noun after the value names the
    attribute, and the verb says it is the training's (llama4ref.claims.judge reads the training's
    own figure first), so the verb is kept beside that noun, not dropped as a rival phrase."""
    return any(t.get("id") == "training" for t in m.terms) and bool(_TRAINED_WITH.fullmatch(text, words.char(m.start), v.start))


def attribute_gap(named: list[Match], vi: int, ve: int, attached: bool) -> int:
    """Words between the value (words ``vi``..``ve``) and the nearest phrase naming its attribute;
    0 when the attribute is ``attached`` (a label, a unit word after the value) or named nowhere."""
    if attached or not named:
        return 0
    return min(vi - m.end if m.end <= vi else max(0, m.start - ve) for m in named)


def longest_phrase(
    mine: list[Match], unit_matches: list[Match], attrs: tuple[dict[str, Any], ...], firm: bool, ve: int = -1
) -> tuple[tuple[dict[str, Any], ...], bool]:
    """When several phrases with units name the value's attribute ("Hidden Dimension Size"), the
    longest decides; one as long with other units leaves it unsure ("Dense FFN inter size": "dense"
    (layers) or "size" (parameters)?), never contradicted. A phrase right after the value (word
    ``ve``) that ends in the unit it counts is the value's own noun (class: a count written with its
    noun among other phrases, "128 experts × 16 MoE layers × d_model", "16 MoE layers, hidden size
    5120"): it decides, whatever the other phrases' length (:func:`own_noun`)."""
    mains = [m for m in mine if m not in unit_matches and any(t["kind"] == "attribute" and t.get("units") for t in m.terms)]
    if len(mains) < 2:
        return attrs, firm
    noun = own_noun(mains, ve)
    if noun is not None:
        return tuple(t for t in attrs if not t.get("units") or t in noun.terms), firm
    longest = max(mains, key=lambda m: m.end - m.start)
    attrs = tuple(t for t in attrs if not t.get("units") or t in longest.terms)
    rivals = [m for m in mains if m.end - m.start == longest.end - longest.start and units_of(m) != units_of(longest)]
    return attrs, firm and not rivals


def counted_heading(heading_parses: list[Any]) -> bool:
    """Whether a heading above names a unit or a count other than the context window ("## Output
    Token Limits"): a bare figure under it is not read as the window (cues.WINDOW_CELL)."""
    return any(t["kind"] == "unit" or t["id"] in OTHER_COUNTS for p, _ in heading_parses for m in p.matches for t in m.terms)


def own_noun(mains: list[Match], ve: int) -> Match | None:
    """The one phrase that starts right after the value (word ``ve``) and is a count's noun: it
    names a counted attribute and its last word is a unit it counts ("16 MoE layers", "48 attention
    heads"), so the value is that many of it."""
    own = [m for m in mains if m.start == ve and m.end - m.start >= 2 and _ends_in_unit(m)]
    return own[0] if len(own) == 1 else None


def _ends_in_unit(m: Match) -> bool:
    last = m.text.split()[-1].casefold() if m.text.split() else ""
    return any(last in (u, u.rstrip("s")) for u in units_of(m))
