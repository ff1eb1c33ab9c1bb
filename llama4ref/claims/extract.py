"""Statements in a span: a value (number, range or date), what it measures and whom it is about.

The words come from the one vocabulary (llama4ref.records.vocabulary): variant and provider names,
benchmark spellings, attribute phrases ("context window", "experts") and unit words
("tokens", "parameters"). A value becomes a :class:`Statement` when an attribute, unit word or
benchmark sits next to it in the same clause; its subject is the nearest variant named before
it in the sentence, else a table column or heading that names one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from llama4ref.claims import cues
from llama4ref.claims.binding import (
    attribute_gap,
    attribute_phrase,
    closest,
    counted_heading,
    counts_other,
    counts_things,
    fits,
    hardware,
    heading_attribute,
    is_unit_word,
    longest_phrase,
    one_gpu,
    plain_link,
    quoted_alone,
    quoted_phrase,
    trained_with,
    unit_follows,
)
from llama4ref.claims.catalog import money_key
from llama4ref.claims.cues import BOTH, EACH, LOADED, MODIFIED, NAMED_SIZE, SCORED, SIZED
from llama4ref.claims.document import mask_code
from llama4ref.claims.reading import (
    attribute,
    dated,
    gapped,
    license_entity,
    license_subject,
    released_variants,
    sentence_benchmark,
)
from llama4ref.claims.statement import (
    CLAUSE,
    GLOSS_END,
    GLOSSED,
    LABELLED,
    RESTATED,
    SEVERAL_PROVIDERS,
    UNKNOWN_PROVIDER,
    Statement,
)
from llama4ref.claims.subject import (
    AFTER_LLAMA4,
    AFTER_OTHER,
    ANOTHER,
    FAMILY,
    LLAMA4,
    LLAMA4_NAME,
    OTHER_NAME,
    OWNED_BY,
    about_named_before,
    code_label,
    compared_with,
    ents,
    first,
    from_headings,
    headed_variants,
    led_by_other,
    likened,
    named_in_clause,
    other_before,
    other_model,
    passed_comparison,
    provider_binding,
    provider_of,
    subject,
    this_model,
    two_models,
)
from llama4ref.claims.values import Value, values
from llama4ref.claims.words import Words, unabbreviated, unglued
from llama4ref.records.vocabulary import Lexicon, Match

if TYPE_CHECKING:
    from llama4ref.claims.document import Span


_VARIANT_WORD = re.compile(r"(?i)\b(?:scout|maverick|behemoth)\b")
"""A Llama 4 variant's name (between "both" and a value, it takes the value from the two)."""


_FAMILY_SIZE = re.compile(r"(?i)\bllama[\s-]?4[\s-]+(\d+(?:\.\d+)?\s?[bt])\b")
"""A size written after the family's name ("Llama 4 405B", "Llama 4 17B")."""


_TRAINING_TOPIC = re.compile(
    r"(?i)\s*(?:on|for|regarding|as for|in terms of)\s+(?:the\s+|its\s+)?(?:pre-?)?training(?:\s+(?:data|corpus|set|mix|mixture))?\s*,"
)
"""A sentence opening with its topic, the training data ("On training data, …", "For pre-training, …")."""


def clauses_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts."""
    return max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)


def restates(earlier: Value, v: Value) -> bool:
    """Whether ``v`` writes the same amount as ``earlier`` ("roughly 18 trillion" and "18T")."""
    mid, was = (v.low + v.high) / 2, (earlier.low + earlier.high) / 2
    return abs(mid - was) <= 0.005 * max(abs(was), 1e-9)


ECHO_REACH = 50
"""How many of a paragraph's earlier sentences a bare figure may echo (:func:`echoed`): a restated
figure refers to one said nearby, and a paragraph of thousands of lines (a pasted log or list)
must not make each figure look back over all of them."""


def echoed(v: Value, before: list[Statement], earlier: tuple[tuple[Statement, ...], ...]) -> Statement | None:
    """The earlier statement a bare scaled figure echoes (class: a figure whose attribute is left
    out because the text just named it): "the article cites 18 trillion tokens … so the 18T figure
    looks off" (the same amount restated, anywhere earlier in the paragraph), "limited to 128K
    tokens; Together AI managed 328K" (another amount with the same scale word, in the same sentence
    or the one before; not for billions and trillions, read as parameters or tokens by their own
    rule). ``before`` are the sentence's statements before the value, ``earlier`` those of the
    paragraph's earlier sentences, oldest first. Only a firm statement with an attribute or unit is
    echoed; a bare count with no scale word (K, M, B, T) echoes nothing (a list of scores, a year,
    a GPU count)."""
    if v.mult == 1.0:
        return None

    def fit(found: list[Statement]) -> list[Statement]:
        return [s for s in found if s.value.day is None and s.firm and s.value.mult == v.mult and (s.attributes or s.units)]

    same = [s for s in fit([*(s for e in earlier for s in e), *before]) if restates(s.value, v)]
    other = fit([*(earlier[-1] if earlier else ()), *before]) if v.mult < 1e9 else []
    found = same or other
    return found[-1] if found else None


def _unrecorded_size(text: str, parsed: Any, words: Words) -> bool:
    """Whether ``text`` names Llama 4 by a size the vocabulary does not know as a variant's ("Llama 4
    405B", "Llama 4 8B"; "Llama 4 400B" is Maverick): a model the records do not hold, whose scores no
    variant's can contradict (its size, stated, still can)."""
    known = {m.start for m in parsed.matches}
    return any(words.index(m.start(1)) not in known for m in _FAMILY_SIZE.finditer(text))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(A-Z])")


_PAIRED = re.compile(r"/ ")
"""Between two amounts written "$A/$B" (each "$" blanked to a space when read as a price): a pair
that shares the unit written after the second ("$0.085/$0.33 per 1M tokens": input, output)."""


def _sentence_provider(text: str, v: Value, parsed: Any, words: Words, default: str | None) -> str | None:
    """The provider a value's own sentence names, in a span of several sentences that names several
    ("… Features 10M context window. Available on Azure, AWS Bedrock and DeepInfra."): the one its
    sentence names, several again if it names more, else ``default`` (the headings' or page's)."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, v.start)), default=0)
    end = next((m.start() for m in _SENTENCE_END.finditer(text, v.end)), len(text))
    named = {p for m in parsed.matches if start <= words.char(m.start) < end for t in m.terms if (p := provider_of(t))}
    return SEVERAL_PROVIDERS if len(named) > 1 else next(iter(named)) if named else default


_GLOSS_GAP = re.compile(r"^\s*(?:[A-Za-z]+s\s*)?$")
"""What may stand between an attribute phrase and the parenthesis glossing it: nothing, or one plural
word (of "context windows" the lexicon reads "context", not the plural after it)."""


_NAME = r"(?:llama[\s-]?4\s+)?(?:scout|maverick|behemoth)"
LINEUP = re.compile(rf"(?i)\(\s*{_NAME}(?:\s*(?:,|and|&|/)\s*(?:and\s+)?{_NAME})+\s*\)")
"""A parenthesis that only lists the family's variants ("the three-model lineup (Scout, Maverick, Behemoth)"):
an aside naming the lineup, no subject of the figures after it."""
ARROWED = re.compile(r"[^\d\n]{0,12}?\s(?:-{1,2}>|→|⟶|=>|➔|➜)\s+")
"""What stands between an old figure and the new one that replaces it ("$5/M -> $0.5/M", "128K → 1M"): the new
one is stated with the old one's label."""


def statements(
    span: Span,
    lex: Lexicon,
    heading_parses: list[Any],
    carried: str | None = None,
    sized: str | None = None,
    pair: tuple[str, ...] = (),
    budgeted: bool = False,
    page_provider: str | None = None,
    inner: Any = None,
    earlier: tuple[tuple[Statement, ...], ...] = (),
) -> list[Statement]:
    """The statements of one span; ``heading_parses`` are the parses of its headings (outermost
    first); ``carried`` is what the previous sentence of the paragraph was about (a variant,
    ``FAMILY`` or ``ANOTHER``); ``sized`` the variant the document names only by its size; ``budgeted`` whether its paragraph
    states a budget for prompt and response together (a service's limit); ``page_provider`` the
    provider whose own page the document is; ``inner`` the parse of the document's innermost
    heading (the page address, read as an outer title, is never it); ``earlier`` the statements of
    the paragraph's earlier sentences, oldest first (a bare figure may echo one: :func:`echoed`)."""
    text = unabbreviated(mask_code(span.text))  # ("mixture-of-experts (MoE) layers": one phrase)
    if cues.HYPOTHETICAL.search(text) or cues.LOG_LINE.search(text):
        return []
    vals = [
        v for v in values(text) if not (quoted_alone(text, v) or quoted_phrase(text, v)) and v.start >= span.label_end
    ]  # (a row label's: once)
    if not vals:
        return []
    parsed = lex.parse(unglued(text))
    words = Words(text)
    parsed.matches = [m for m in parsed.matches if not cues.language_model(m.terms, " ".join(words.tokens[m.end : m.end + 1]))]
    inside = [(v.start, v.end) for v in vals]
    cuts = [m.start() for m in CLAUSE.finditer(text) if not any(a <= m.start() < b for a, b in inside)]
    clauses = [0, *cuts, len(text) + 1]
    low_text = text.casefold()
    head_variant, head_provider, head_family = from_headings(heading_parses)
    # the innermost heading names exactly one variant and no other model: what is under it is that variant's
    inner = inner if inner is not None or not heading_parses else heading_parses[-1][0]
    inner_variant = first(inner, "variant") if inner is not None and not other_model(inner) else None
    if span.heading and not LLAMA4_NAME.search(text) and two_models(heading_parses):
        return []  # "## Mid-Range Models (best quality within ~30B params)" under "Gemma 4 vs Llama 4": no variant's figure
    heading_attr = heading_attribute(heading_parses, parsed)
    headed_pair = headed_variants(heading_parses)  # (two or more, else none)
    counted_heads = counted_heading(heading_parses)
    column_parse = lex.parse(mask_code(span.column)) if span.column else None
    column_variant = first(column_parse, "variant") if column_parse else None
    labelled_by = code_label(span.text, lex) if span.columns else None
    # the table's columns are models (one is headed by a Llama 4 variant): a column headed by any
    # other name is another model's, whether or not the vocabulary knows that name
    models_across = (
        column_parse is not None
        and not column_variant
        and any(first(lex.parse(mask_code(c)), "variant") in LLAMA4 for c in span.columns if c and c != span.column)
    )
    if column_parse is not None and not column_variant and not LLAMA4_NAME.search(str(span.column)):
        # "| Feature | This Implementation | Real Llama 4 |": beside a column headed by Llama 4 itself
        models_across = models_across or any(LLAMA4_NAME.search(c) for c in span.columns if c and c != span.column)
    family = head_family or bool(re.search(r"(?i)llama[\s-]?4", text)) or any(ents(parsed, "variant")) or carried == FAMILY
    provider = first(parsed, "provider") or head_provider or page_provider
    provider_from = provider_binding(parsed, head_provider, inner, page_provider)
    named_providers = {p for m in parsed.matches for t in m.terms if (p := provider_of(t)) is not None}
    several = len(named_providers) > 1
    provider = SEVERAL_PROVIDERS if several else provider  # "Groq and Fireworks restricted Scout's context to …"
    block = lex.parse(unglued(mask_code(span.block))) if span.block else None  # the other rows of a spec block
    if block is not None and not several and provider is None and first(block, "provider"):
        provider, provider_from = first(block, "provider"), "paragraph"  # another row of the block names it
    engine_named = bool(ents(parsed, "engine")) or bool(block and ents(block, "engine"))
    gpu_named = bool(ents(parsed, "gpu")) or bool(block and ents(block, "gpu"))
    gpu_run = bool(block and ents(block, "gpu")) or any(
        t["kind"] == "entity" and t.get("cls") == "gpu" and not one_gpu(words.tokens[max(0, m.start - 3) : m.start])
        for m in parsed.matches
        for t in m.terms
    )  # "on 8xH100 …" is a run's setting; "fits on a single H100" says what the model needs
    sentence_attrs = {str(t["id"]) for t in parsed.of_kind("attribute")}
    context_named = "context" in sentence_attrs
    rerun = bool(cues.RERUN.search(" ".join([text, *span.headings]))) or any(
        ents(p, "engine") or ents(p, "gpu") for p, _ in heading_parses
    )
    rerun = rerun or engine_named or gpu_named
    others_named = other_model(parsed) and any(t["target"] in LLAMA4 for t in ents(parsed, "variant"))
    sizes = {words.index(u.start) for u in vals}  # a value that is also a variant's size ("109B") names no variant here
    lineup = [(m.start(), m.end()) for m in LINEUP.finditer(text)]  # "(Scout, Maverick, Behemoth)": an aside
    listed_only = {m.start for m in parsed.matches if any(a <= words.char(m.start) < b for a, b in lineup)}
    l4_named = {
        t["target"] for m in parsed.matches if m.start not in sizes | listed_only for t in m.terms if t.get("cls") == "variant"
    }
    two_variants = len(l4_named & LLAMA4) > 1
    head_other = head_variant is None and any(other_model(p) for p, _ in heading_parses)  # a page about Gemma 3
    block_other = block is not None and other_model(block) and not first(block, "variant")  # "Model: Llama 3.1 70B"
    shots_m = cues.SHOTS.search(text)
    shots = (int(shots_m.group(1)) if shots_m.group(1) else 0) if shots_m else None
    staged = f"{text} {span.column or ''} {span.row}"  # (a stage named in another cell of the row: the row's)
    stage = next((s for w, s in cues.STAGES.items() if re.search(rf"(?i)\b{w}\b", staged)), None)
    cells = {c.strip(" *_`").casefold() for c in span.row.split("|")} if span.row else set()
    # "| Llama 4 Scout | Base | … | 10M |": a cell of the variant's row names its base model alone
    base_row = {cues.STAGES.get(c) for c in cells} - {None} == {"pretrained"} and bool(_VARIANT_WORD.search(span.row))
    out: list[Statement] = []
    mine_of: dict[int, list[Match]] = {}  # the phrases each value took, by its offset
    counted_sizes: list[Value] = []  # sizes written with the word "parameters"
    unit_words = [m for m in parsed.matches if any(t["kind"] == "unit" for t in m.terms)]
    alike = likened(text)  # once: read again for every phrase, a sentence of n words cost n scans of itself
    skip = frozenset(m.start for m in parsed.matches if any(a <= words.char(m.start) < b for a, b in alike))
    skip |= listed_only
    compared = frozenset(m.start for m in parsed.matches if compared_with(text[: words.char(m.start)]))
    # "this model" under a variant's heading: a name before it is what it is set against (the heading's may agree, never contradict)
    this_model_at, set_against = this_model(text, parsed, words, skip | sizes) if head_variant else (len(text), frozenset[int]())
    skip |= set_against
    for v in vals:
        vi, ve = words.index(v.start), words.after(v.end)
        clause = next((clauses[i], clauses[i + 1]) for i in range(len(clauses) - 1) if clauses[i] <= v.start < clauses[i + 1])
        # values about another model ("from 128K tokens in Llama 3 to 131.1K") do not compete for phrases
        others = [u for u in vals if u is not v and clause[0] <= u.start < clause[1] and not AFTER_OTHER.match(text[u.end :])]
        partner = next((u for u in others if u.start > v.start and _PAIRED.fullmatch(text[v.end : u.start])), None)
        if partner is not None:  # "$0.085/$0.33 per 1M tokens": the pair's first amount is bound as if it ended the pair
            ve, others = words.after(partner.end), [u for u in others if u is not partner]
        near = [m for m in parsed.matches if clause[0] <= words.char(m.start) < clause[1] and not (m.start < ve and m.end > vi)]
        if v.day is not None:  # a date is a release's or a cutoff's: other phrases do not compete for it
            near = [m for m in near if any(t["kind"] == "entity" or cues.dated(t) for t in m.terms)]
        mine = [m for m in near if closest(m, vi, ve, others, words, unit_words)]
        if cues.ACROSS.search(text[: v.start]):  # "17B active parameters per token across 16 experts": the words after
            mine = [m for m in mine if m.start >= ve]
        firm, fronted = True, 0
        labelled = bool(LABELLED.match(text[clause[0] : v.start]))
        restated = bool(RESTATED.match(text[clause[0] : v.start])) and any(0 <= clause[0] - u.end <= 12 for u in vals)
        if not (labelled or restated) and GLOSSED.match(text[clause[0] : v.start]) and GLOSS_END.match(text[v.end :]):
            # "context windows (up to 128K tokens)": a parenthesis glossing the attribute right before it
            mine += [
                m
                for m in parsed.matches
                if words.char(m.start) < clause[0]
                and _GLOSS_GAP.match(text[words.spans[m.end - 1][1] : clause[0]])  # ("windows": a plural it misses)
                and any(t["kind"] == "attribute" and not is_unit_word(m) for t in m.terms)
            ]
        label_units: set[str] = set()  # unit words the value's label names ("活跃参数: 400B")
        label_start = clause[0]
        if labelled or restated:
            # "Context length: 131,072 tokens", "327K tokens (327,680 tokens)": the label's or the
            # restated value's attribute is this value's
            before = label_start = max(c for c in clauses if c < clause[0]) if clause[0] > 0 else 0
            label_units = {
                u
                for m in parsed.matches
                if before <= words.char(m.start) < clause[0] and is_unit_word(m)
                for t in m.terms
                if t["kind"] == "unit"
                for u in t["units"]
            }
            mine += [
                m
                for m in parsed.matches
                if before <= words.char(m.start) < clause[0]
                and any(t["kind"] == "attribute" and not is_unit_word(m) for t in m.terms)
            ]
        if restated and not any(t["kind"] == "unit" or t.get("units") for m in near for t in m.terms):
            # "Release: Q1 2026 (March 2026)": what the restated value is about, this one is
            prev = max((u for u in vals if 0 <= clause[0] - u.end <= 12), key=lambda u: u.end)
            mine += [m for m in mine_of.get(prev.start, []) if m not in mine]
        arrowed = max((u for u in vals if u.end <= v.start), key=lambda u: u.end, default=None)  # (the value right before)
        if (
            arrowed is not None and not labelled and ARROWED.fullmatch(text, arrowed.end, v.start)
        ):  # "Input token : $5/M -> $0.5/M": the new figure, the old one's label
            mine += [m for m in mine_of.get(arrowed.start, []) if m not in mine]
        mine_of[v.start] = list(mine)
        if not any(t["kind"] != "entity" or t.get("cls") == "benchmark" for m in mine for t in m.terms):
            # borrowed from elsewhere in the sentence: may agree, never contradict, unless the value
            # is a label's (a table cell) or the sentence's only value, reached across a plain list
            everyone = [u for u in vals if u is not v]  # nothing in the clause: the sentence's nearest phrases
            mine = [
                m for m in parsed.matches if not (m.start < ve and m.end > vi) and closest(m, vi, ve, everyone, words, unit_words)
            ]
            fronted = cues.fronted_date(text[: v.start], text[v.end :])
            if fronted:  # "On April 5, 2026, Meta released Scout — the first … built on …": the verb's
                mine = [m for m in mine if words.char(m.start) < v.end + fronted]
            if labelled and label_units:  # "Parameters: 405B (mixture of experts)": the label's unit word, not the aside's
                mine = [m for m in mine if words.char(m.start) < clause[1]]
            firm = labelled or (len(vals) == 1 and plain_link(mine, v, text, words)) or bool(fronted)
        # "the 10-million-token window is based on … rather than direct training": what it is not
        mine = [m for m in mine if not (m.start >= ve and cues.CONTRASTED.search(text[v.end : words.char(m.start)]))]
        if v.day is None and not labelled and any(m.start == ve and attribute_phrase(m) for m in mine):
            mine = [
                m for m in mine if not (m.end <= vi and attribute_phrase(m)) or trained_with(m, v, text, words)
            ]  # "MoE layers use 128 routed experts" (but "trained with a 256K context length": the training's)
        unit_matches = [m for m in mine if unit_follows(m, ve, words) and any(t["kind"] == "unit" for t in m.terms)]
        named_attrs = [m for m in mine if any(t["kind"] == "attribute" and not is_unit_word(m) for t in m.terms)]
        if named_attrs:  # "Max output tokens: 8K": "tokens" is the unit, "max output" the attribute
            unit_matches += [
                m
                for m in mine
                if is_unit_word(m)
                and m not in unit_matches
                and 0 <= vi - m.end <= 1
                and not re.search(r"(?i)(?:/|\bper)\s*$", text[: words.char(m.start)])  # "Active Params / token: 17 B"
            ]
        units = tuple(u for m in unit_matches for t in m.terms if t["kind"] == "unit" for u in t["units"])
        if not units and labelled and label_units and not any(t.get("units") for m in mine for t in m.terms):
            units = tuple(sorted(label_units))  # "Experts: 16 total · 1 active": the label's unit word counts them
        if not units and any(m.text.endswith(" layers") and m.start - ve <= 2 for m in mine if m.start >= ve):
            units = ("layers",)  # "40× local decoder layers": a phrase ending in the unit word counts layers
        attrs = tuple(t for m in mine if m not in unit_matches for t in m.terms if t["kind"] == "attribute")
        named_at = [m for m in mine if m not in unit_matches and any(t["kind"] == "attribute" for t in m.terms)]
        reach = attribute_gap(named_at, vi, ve, labelled or restated or bool(unit_matches))
        benched = any(t.get("cls") == "benchmark" for m in mine for t in m.terms)
        if v.day is None and not (attrs or units or benched):
            echo = echoed(v, out, earlier)
            if echo is not None:  # "limited to 128K tokens; Together AI managed 328K": the earlier figure's attribute
                attrs = echo.attributes if restates(echo.value, v) else tuple(t for t in echo.attributes if t.get("units"))
                units, firm = echo.units, True  # (a restatement: all of it; another amount: not its "active")
        if fronted and v.day is not None:  # "On <date>, Meta shipped …": the verb after its comma is a release verb
            attrs = attribute(lex, "release") or attrs
        named_size = v.mult >= 1e9 and bool(NAMED_SIZE.search(text[: v.start]))
        if named_size:  # "Llama 4 Behemoth (400B MoE)": its size
            units, firm = ("parameters",), True
        elif "parameters" in units and unit_matches:
            counted_sizes.append(v)  # "Maverick with 4 020 billion total parameters and Scout with 1 090 billion"
        if units:  # "400-billion parameter Mixture of Experts model": the unit word decides
            attrs = tuple(t for t in attrs if not t.get("units") or set(t["units"]) & set(units))
        activated = v.mult >= 1e9 and bool(cues.ACTIVATED.search(text[: v.start]))
        if activated and not any(t["id"] == "active" for t in attrs):  # "gates that activate ~109B per forward pass"
            attrs += attribute(lex, "active")
        if v.mult >= 1e6:  # a scale word ("billion", "میلیارد", "milliárd") says the value is no count of parts
            attrs = tuple(t for t in attrs if not t.get("units") or not set(t["units"]) <= cues.COUNTED_PARTS)
        fact_ent = license_entity(parsed, v, vi, ve) or (
            None if units or any(t.get("units") for t in attrs) else license_subject(parsed, v, vi, text, words, vals)
        )
        # (a count of billions beside the license's user threshold counts users, not parameters or tokens)
        if not units and not any(t.get("units") for t in attrs) and v.mult >= 1e9 and not fact_ent:
            trained = any(t["id"] in ("training", "tokens") for t in attrs)
            units = ("tokens",) if trained else ("parameters",)  # "109B total", "~40T" under "Training Tokens"
            label = text[max(0, clause[0] - 40) : clause[0]].casefold() if LABELLED.match(text[clause[0] : v.start]) else ""
            named_unit = any(units[0][:5] in m.text for m in mine) or units[0][:5] in label or units[0] in label_units
            parallel = any(u.mult == v.mult and u.end <= v.start for u in counted_sizes)  # the same word, "billion"
            sized_list = units[0] == "parameters" and bool(
                SIZED.match(text[v.end :]) or MODIFIED.match(text[v.end :]) or parallel or activated
            )
            named_unit, firm = named_unit or sized_list, firm or sized_list
            counted = labelled and bool(attrs) and {t["id"] for t in attrs} <= {"active", "total"}  # a table's "Active" column
            firm = firm and (
                trained or named_unit or counted
            )  # "Active Parameters: 400B"; "17B" alone may agree, never contradict
        if units == ("tokens",) and not attrs and v.mult >= 1e12 and span.block and cues.BARE_ROW.fullmatch(text):
            attrs = attribute(lex, "training")  # a "8T tokens" row
        if units == ("tokens",) and not attrs and v.mult >= 1e12 and _TRAINING_TOPIC.match(text, clauses_start(text, v.start)):
            attrs = attribute(lex, "training")  # "On training data, the article cites 18 trillion tokens": the sentence's topic
        benches = tuple(t["target"] for m in mine for t in m.terms if t.get("cls") == "benchmark")
        bench = benches[0] if benches else None
        if bench is None:  # "On the MMLU-Pro benchmark, …, Maverick scores above 85%"
            bench, benches = sentence_benchmark(parsed, v, [u for u in vals if u is not v], words, unit_words) or (bench, benches)
        arena = next((t for t in attrs if t["id"] == "elo" and t.get("path_words")), None)
        if bench is None and arena is not None and v.mult == 1.0:
            # "an ELO of 1417 on LMArena": the arena rating Meta reported; a rating moves with the
            # checkpoint ranked and the day it is read, so it may agree but never contradicts
            bench, benches, firm = arena["path_words"][0], (arena["path_words"][0],), False
        if not activated:  # "Hidden Dimension Size": the longest phrase names the attribute
            attrs, firm = longest_phrase(mine, unit_matches, attrs, firm, ve)
        if bench and not firm and len({t["target"] for m in parsed.matches for t in m.terms if t.get("cls") == "benchmark"}) == 1:
            # "On the MMLU benchmark, Maverick scored 87.4, compared to 86.1 for GPT-5.4": the
            # sentence's one benchmark, the variant and a score verb in the value's own clause
            scorer = first(lex.parse(unglued(text[clause[0] : v.start])), "variant")
            firm = scorer in LLAMA4 and bool(SCORED.search(text[clause[0] : v.start]))
        if bench and cues.VERSIONED.search(text[label_start : clause[1]]):
            firm = False  # "LiveCodeBench v6": another version of the benchmark than the one scored
        own = [t for m in parsed.matches if m.start == ve and MODIFIED.match(text[v.end :]) for t in m.terms]
        label_from = max([text.rfind("\n", 0, v.start) + 1, *(u.end for u in vals if u.end <= v.start)])
        by_label = [t for m in parsed.matches if labelled and label_from <= words.char(m.start) < v.start for t in m.terms]
        attrs = cues.settle_rivals(attrs, own, by_label + (column_parse.of_kind("attribute") if column_parse else []))
        about_context = any(t["id"] == "context" for t in attrs)
        # a run's setting, not the model's: an engine, a GPU by context or tokens ("On 8xH100 … 1.4M tokens"), memory ("68.5GB VRAM")
        limit = context_named or ("tokens" in units and not any(t["id"] == "training" for t in attrs))
        listed = v.day is not None and cues.released_to(text[clause[0] : v.start], text[v.end :])  # not a provider's date
        engine = not listed and (engine_named or (gpu_run and limit) or (hardware(near + mine) and about_context))
        engine = engine or (limit and bool(LOADED.search(text[: v.start])))  # "after loading it with 0.5M context": a run's
        engine = engine or (about_context and bool(cues.THROUGHPUT.search(text)))  # "CPU 17tok/s … 100K Context Boundary"
        engine = engine or (about_context and bool(cues.MACHINE.search(text)))  # "On a 64GB machine, expect … 128K-256K tokens"
        gap = gapped(text, v, out) if v.day is None and not (attrs or bench or fact_ent) else None
        if gap is not None and set(units) <= set(gap.units):  # "Maverick scores 80.5 and Scout 74.3": the first pair's reading
            attrs, units, bench, benches, firm, reach = (
                gap.attributes,
                gap.units,
                gap.benchmark,
                gap.benchmarks,
                gap.firm,
                gap.reach,
            )
        if v.day is None and not (attrs or units or bench or fact_ent) and heading_attr and fits(v, heading_attr):
            attrs, firm = (heading_attr,), True  # "## Extended Context" over "- 128K native, 256K with scaling"
        if not (v.day or attrs or units or bench or counted_heads) and span.headerless and cues.window_cell(text):
            attrs, firm = attribute(lex, "context"), True
        if v.day is None and not (attrs or units or bench or fact_ent) and span.block and money_key(text):
            attrs = attribute(lex, "price")  # read by catalog.priced
        if v.day is None and not (attrs or units or bench or fact_ent):
            continue
        if counts_things(v, ve, parsed.matches, words):
            continue  # "trained on 300K conversations": a count of things, no recorded figure
        if counts_other(v, ve, parsed.matches, words, text):
            firm = False  # "ran for 72 days", "16 متخصص": the count's own noun, which the vocabulary does not know, is what it counts
        if cues.WANTED.match(text[v.end :]):
            firm = False  # "Closest to the meeting's 20-30B parameter target": an aim, not the model's figure
        if EACH.match(text[v.end :]) and "tflops_per_gpu" not in units:  # (a rate per GPU is no part's size)
            firm = False  # "16 experts with 12.5 billion parameters each": a part's size
        attrs, firm, named_year, maker = dated(v, attrs, firm, text[: v.start], lex)
        if v.day is not None and not attrs:
            continue
        per_token = cues.ACTIVE_EXPERTS.match(text[v.end :]) and v.mult == 1.0
        if per_token or (
            cues.TOP_K.search(text[: v.start]) and ({t["id"] for t in attrs} & {"router", "experts"} or "experts" in units)
        ):
            attrs += attribute(lex, "per-token")  # "top-8 routing"
            units = ("experts",)
        passed = frozenset(i for i in compared if words.char(i) < v.start and passed_comparison(text[words.char(i) : v.start]))
        variant, source, other = subject(parsed, vi, skip, compared, passed)
        if variant is None and not other and labelled_by:  # "| `llama4-scout` | 256K tokens |": the row's model id
            variant, source = labelled_by, "text"
        if source == "after" and (column_variant or head_variant or carried):
            variant, source = None, "none"  # a variant named after the value is weaker than the context's
        if variant is None and column_variant:
            variant, source = column_variant, "column"
        elif variant is None and carried == FAMILY:
            pass  # the paragraph is about Llama 4 as a whole (family, above)
        elif variant is None and carried == ANOTHER and not LLAMA4_NAME.search(text):  # (unless it names Llama 4 itself)
            other = True  # the paragraph's previous sentence or row is about another model
        elif variant is None and carried and carried != ANOTHER and not other:
            variant, source = carried, "paragraph"
        elif variant is None and head_variant and not other:
            variant, source = head_variant, "heading" if head_variant == inner_variant else "title"
        released_by = released_variants(text[v.end + fronted :]) if fronted and v.day is not None else ()
        if released_by and any(t["id"] == "release" for t in attrs):  # "On <date>, Meta released Scout and Maverick"
            variant, source, other = released_by[0], "text", False
        firm = firm and not (set_against and source in ("heading", "title") and v.start > this_model_at)
        via = bool(cues.VIA.match(text[v.end :])) or (
            about_context
            and cues.served(text, v.start, clause[0], span.block, budgeted or (len(vals) > 1 and "output" in sentence_attrs))
        )
        served_by = None if listed or maker else UNKNOWN_PROVIDER if via and provider is None else provider
        if served_by == SEVERAL_PROVIDERS:  # (a catalog's notes field, one row of several sentences)
            served_by = _sentence_provider(text, v, parsed, words, head_provider or page_provider)
        named_l4 = tuple(dict.fromkeys(t["target"] for t in ents(parsed, "variant") if t["target"] in LLAMA4))
        ceiling = cues.up_to(text[: v.start]) and not about_context  # (a window "up to" 10M is each one's capacity)
        both = named_l4 if two_variants else () if named_l4 else pair or headed_pair  # (else the two the headings name)
        since = max((u.end for u in vals if u.end <= v.start), default=0)  # (no other value between "each" and this one)
        listed_each = two_variants and cues.EACH_OF.search(
            text[max(since, v.start - 160) : v.start]
        )  # "Scout, Maverick and Behemoth, each …"
        both_said = list(BOTH.finditer(text, 0, v.start))
        # "Both use … — Scout from a 109B pool, Maverick from a 400B pool": a variant named after "both" owns the value
        both_said = [b for b in both_said if not _VARIANT_WORD.search(text, b.end(), v.start)]
        every = both if (both_said or listed_each) and not (ceiling or cues.RESPECTIVELY.search(text)) else ()
        if len(released_by) > 1 and any(t["id"] == "release" for t in attrs):
            every = released_by  # (each of the variants the release verb names)
        released = v.day is not None and any(t["id"] == "release" for t in attrs)
        launched = set(named_l4) == {"scout", "maverick"} and all(
            re.search(rf"(?i)\b{n}\b", text[: v.start]) for n in named_l4
        )  # the two released together, both named before the date (not Behemoth, only previewed then)
        if released and launched and source == "text" and not every and not cues.RESPECTIVELY.search(text):
            every = named_l4  # "Scout (…) and Maverick (…) – released 5 April 2026": one launch, each one's date
        herd = set(named_l4) == LLAMA4 and all(re.search(rf"(?i)\b{n}\b", text[: v.start]) for n in named_l4)
        if released and herd and source == "text" and not every:
            variant, firm = None, False  # "unveiled the suite (Scout, Maverick, Behemoth) on <date>": the family's, may agree
        unclear = not every and (
            (others_named and other_before(parsed, vi))
            or (head_other and source == "text")
            or (two_variants and source == "text")
        )
        if (
            unclear
            and source != "column"
            and not (named_size or named_year or maker)
            and not named_in_clause(parsed, variant, clause, words, v.start)
        ):
            firm = False  # another model named before the value, the variant elsewhere: whose figure is unclear
        before_other = list(OTHER_NAME.finditer(text, label_start, v.start))  # in the clause or the value's label
        if before_other and not named_in_clause(parsed, variant, (before_other[-1].end(), clause[1]), words, v.start):
            variant, other = None, True
        elif not before_other and about_named_before(text, clause[0], v.start):
            variant, other = None, True  # "… outperforms Gemma 3, which offers 128K tokens": that model's figure
        elif led_by_other(text, v.start):
            variant, other = None, True  # "Llama 4's predecessor, Llama 3.1, introduced a 405B model": that model's
        elif source != "column" and not LLAMA4_NAME.search(text) and cues.led_by(OTHER_NAME, text, v.start):
            variant, other = None, True  # "Llama 3 was dense and capped at 128K": the sentence's subject, its figures
        if maker:  # the model the parenthesis follows, not one named earlier
            variant, other = (maker.group(1).lower() if maker.group(1).lower() in LLAMA4 else None), False
        owner = OWNED_BY.search(text, max(0, v.start - 24), v.start)
        if owner:  # "Compared to Maverick’s 128 experts": the owner's, whatever the sentence compares
            variant, source, other = owner.group(1).lower(), "text", False
        after_l4 = AFTER_LLAMA4.match(text[v.end :])
        if after_l4:  # "to 131.1K tokens in Llama 4 Scout": the model named right after the value
            variant, other, source = after_l4.group(1).lower(), False, "text"
        if AFTER_OTHER.match(text[v.end :]):
            variant, other = None, True
        if source == "text" and (cues.compared_pair(text[: v.start]) or (two_variants and ceiling)):
            variant = None  # "Scout vs Maverick: 10M context", "Scout and Maverick … up to 40T": either one's (the family's)
        if (
            column_parse is not None
            and not column_variant
            and (other_model(column_parse) or OTHER_NAME.search(str(span.column)) or models_across)
        ):
            variant, other = None, True  # a column about another model ("Gemma 3 27B", "GPT-5.2", "Qwen3-235B-A22B")
        if span.blank_column and source != "text" and two_models(heading_parses):
            variant, firm = None, False  # a column the header leaves unnamed, under headings naming two models: whose?
        if block_other and source != "text":
            variant, other = None, True  # a spec block about another model, under a Llama 4 heading
        if bench and variant is None and not other and _unrecorded_size(text, parsed, words):
            other = True  # "Llama 4 405B | MMLU | 87.3%": a Llama 4 of a size no variant has is no model the records hold
        out.append(
            Statement(
                v,
                variant,
                source if variant else "none",
                served_by,
                attrs,
                units,
                bench,
                fact_ent,
                stage,
                shots,
                bool(cues.OWN_RUN.search(low_text)),
                other,
                family,
                engine,
                firm,
                benches,
                rerun,
                sized,
                every if len(every) > 1 else (),
                provider_from,
                reach,
                base=base_row,
            )
        )
    return out
