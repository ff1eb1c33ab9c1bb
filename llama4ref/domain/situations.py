"""Questions set in a situation, or asking by contrast, for the ranking (llama4ref.domain.ranking).

A question may rule a thing out ("the total, not the 17b active number"), imply what it asks about
("scout or maverick for 500k token docs" asks about context windows: a count of tokens below a
billion is a length, not a training corpus), name a provider only by its model id
("@cf/meta/llama-4-scout-17b-16e-instruct price"), name a GPU by its memory size where facts name
the GPU alone ("2x A100 80GB": engines.vllm.fp8.on_a100), or name a model and a GPU or an engine
without asking for a score (a benchmark result run on that GPU is not what "running maverick on
MI300X" asks) or for the GPU's data sheet, write an amount of money ("$0.15 per M input?" asks for
a price), name a model inside a segment of a topic's record ("nih_charts.scout_text"), or ask about
fine-tuning ("qlora scout on one gpu": a fine-tuning setup, not what fits the model for serving).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from llama4ref.domain.matching import EXCLUDING, NEGATIONS, stem
from llama4ref.records.vocabulary import word_spans, words

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.domain.rank_context import Context
    from llama4ref.records.vocabulary import Lexicon, Match, Parsed
    from llama4ref.store.knowledge_base import KnowledgeBase

_SKIPPED = frozenset({"the", "a", "an", "its", "their", "that", "this", "of", "just", "only"})
"""Words a contrast skips before the phrases it rules out ("not the 17b active", "instead of the active")."""
_RULING_OUT = NEGATIONS | EXCLUDING | {"instead", "rather"}

UNASKED_SCORE = -2.0  # a benchmark result when the text asks for no benchmark, score or evaluation
DATA_SHEET = -1.2  # a GPU's own data sheet when the text also names a model: it asks about running the model
NAMED_BY_ID = 3.0  # a provider's fact when the text writes that provider's (own) model id
RATIO = 1.5  # a ratio's fact when the text asks how much more, faster or bigger something is
_RATIO_UNITS = frozenset({"multiplier", "ratio"})
_MORE = frozenset({"more", "less", "fewer", "better", "worse", "times"})
FIGURE_FOR_MECHANISM = -1.5  # a figure when the text asks how something works
_PROSE = frozenset({"text", "text_list", "boolean", "json"})
UNASKED_PRICE = -3.0  # a price or a provider's name when the text asks for a limit ("max output tokens")
_NOT_PRICED = frozenset({"output", "context"})
"""Limits a price's path may share words with but never answers."""
MONEY = 1.0  # a price's fact when the text writes an amount of money ("is it $0.15 per M input?")
_MONEY = re.compile(r"[$€£]\s?\d|\d\s?(?:usd|eur|dollars?|cents?)\b", re.IGNORECASE)
_PRICE_UNITS = frozenset({"usd_per_million_tokens"})
UNASKED_TRAINING = -2.0  # a fine-tuning recipe when the text asks about running the model
_SERVING = frozenset({"run", "running", "serve", "serving", "deploy", "deploying", "inference", "host", "hosting"})
_TRAINING = frozenset({"fine", "finetune", "finetuning", "tune", "tuning", "train", "training", "lora", "qlora", "torchtune"})
UNASKED_SERVING = -3.0  # an inference setup when the text asks about fine-tuning the model
_TUNING_STEMS = frozenset({"lora", "qlora", "finetune", "finetun", "fine-tune", "torchtune"})
_SERVING_ROOTS = frozenset({"quantization", "runtime", "engines"})
"""Where inference setups are recorded: what fits or runs a model, not what fine-tunes it."""
_SCORE_WORDS = frozenset({"benchmark", "elo", "fraction"})
"""Attributes that ask for a result (a benchmark, an arena rating, a percentage)."""


def drop_contrasted(parsed: Parsed, text: str, split: Callable[[str], tuple[str, ...]]) -> None:
    """Forget every vocabulary phrase a negation or a setting-aside word rules out, past the
    articles after it: "the total, not the 17b active number" asks about the total, and neither
    "17b" nor "active" is asked (llama4ref.domain.matching.drop_negated forgets only the phrase
    right after the word). Where the word sets something aside outright ("instead of python
    syntax") or a negation opens an aside ("(not image_start)", "tool calls, not python"), the
    left-over words after it are set aside too, up to the next phrase or frame word."""
    ws = parsed.words
    by_start = {m.start: m for m in parsed.matches}
    ruled: set[int] = set()
    aside: set[int] = set()
    rest = set(parsed.rest)
    opening = _after_break(text, split) if NEGATIONS.intersection(ws) else set()
    covered = {k for m in parsed.matches for k in range(m.start, m.end)}
    dropped = set(range(len(ws))) - covered  # a phrase already set aside (drop_negated) or never one
    for i, w in enumerate(ws):
        if w not in _RULING_OUT:
            continue
        j = i + 1
        while j < len(ws) and ws[j] in _SKIPPED:
            j += 1
        while j in by_start:  # the phrases written one after another, up to the first other word
            ruled.add(j)
            j = by_start[j].end
        if w in _SETTING_ASIDE or i in opening:  # "instead of python syntax", "(not image_start)": left-over words too
            while j < len(ws) and (ws[j] in rest or j in dropped) and j not in covered:
                aside.add(j)
                j += 1
    if ruled and len(ruled) < len(parsed.matches):  # something must be left to ask about
        parsed.matches = [m for m in parsed.matches if m.start not in ruled]
    if aside:
        kept = {w for i, w in enumerate(ws) if i not in aside}
        parsed.rest = [w for w in parsed.rest if w in kept]


_SETTING_ASIDE = EXCLUDING | {"instead", "rather"}
"""Words that set aside what follows wherever they stand; a negation does so only where it opens a
clause or an aside ("tool calls, not python", "(not image_start)"): after a verb it negates the
verb ("is scout not available"), and "non-english" may be what a fact's own text says."""
_BREAK = re.compile(r"[(,;:\[]|\s[-–—]\s")


def _after_break(text: str, split: Callable[[str], tuple[str, ...]]) -> set[int]:
    """The token indices of the words written right after a comma, colon, bracket or dash."""
    out: set[int] = set()
    token = last = 0
    for (a, b), w in zip(word_spans(text), words(text), strict=True):
        if token and _BREAK.search(text[last:a]):
            out.add(token)
        last = b
        token += len(split(w))
    return out


_LENGTH = re.compile(r"(\d+(?:\.\d+)?)(k|m)")
_TOKEN_WORDS = frozenset({"token", "tokens"})
_MAGNITUDES = frozenset({"thousand", "million", "billion", "k", "m"})
"""Words a number is written with ("3.5 million token context"): tokens then count a quoted value."""


def as_length(parsed: Parsed, lex: Lexicon) -> bool:
    """Read "tokens" as a context length when the text writes a count of tokens in thousands or
    millions ("500k token docs", "2M-token contracts", "at 10M tokens"): such a count is a
    length to fit in a window, while a training corpus is counted in trillions. The tokens
    attribute of the phrase is replaced by the vocabulary's context attribute, or dropped when the
    text names the context itself ("how many tokens of context": its unit), unless a number is
    written before it (a value quoted back is read with its unit); returns whether it was."""
    ws = parsed.words
    near = {j for i, w in enumerate(ws) if _LENGTH.fullmatch(w) for j in (i + 1, i + 2)}
    context = [t for t in lex.terms if t["kind"] == "attribute" and t.get("id") == "context"]
    named = any(t.get("id") == "context" for t in parsed.of_kind("attribute"))
    if not (near or named) or not context:
        return False
    changed = False
    for k, m in enumerate(parsed.matches):
        quoted = m.start > 0 and (ws[m.start - 1][:1].isdigit() or ws[m.start - 1] in _MAGNITUDES)
        if (
            m.text in _TOKEN_WORDS
            and any(t.get("id") == "tokens" for t in m.terms)
            and (m.start in near or (named and not quoted))
        ):
            # "quanti token di contesto": with the context named, tokens are what it is counted in
            terms = tuple(t for t in m.terms if t["kind"] != "attribute")
            parsed.matches[k] = m._replace(terms=(*terms, context[0]) if m.start in near else terms)
            changed = True
    return changed


def providers_by_id(kb: KnowledgeBase, text: str) -> frozenset[str]:
    """The providers whose own model id the text writes ("@cf/meta/llama-4-scout-17b-16e-instruct"
    is Cloudflare's): the longest ids found in the text, when they belong to one provider only
    (an id several providers share names none of them)."""
    written = text.casefold()
    if "/" not in written and ":" not in written and "@" not in written:
        return frozenset()  # a model id holds a slash, a colon or an at sign
    ids = _model_ids(kb)
    found = [(len(v), p) for v, ps in ids.items() if v in written for p in ps]
    if not found:
        return frozenset()
    longest = max(n for n, _ in found)
    owners = frozenset(p for n, p in found if n == longest)
    return owners if len(owners) == 1 else frozenset()


@lru_cache(maxsize=4)
def _model_ids(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Every provider's model id (a ``providers.<key>.<model>.model_id`` fact), lower case → the providers."""
    out: dict[str, set[str]] = {}
    for path in kb.paths(derived=False):
        segs = path.split(".")
        if segs[0] == "providers" and segs[-1] == "model_id" and len(segs) > 2:
            value = kb.get(path).value
            if isinstance(value, str) and len(value) > 8:
                out.setdefault(value.casefold(), set()).add(segs[1])
    return {k: frozenset(v) for k, v in out.items()}


def gpu_family_in(term: dict[str, Any], segs: list[str]) -> bool:
    """Whether a GPU the text names by a memory size ("A100 80GB": a100_80gb) is named in a path
    by its family alone, as a part of a segment (engines.vllm.fp8.on_a100)."""
    if term.get("cls") != "gpu":
        return False
    key = str(term["target"]).split(".")[-1]
    family = key.split("_")[0]
    if family == key or len(family) < 3:
        return False
    return any(family in s.split("_") for s in segs[1:])


@lru_cache(maxsize=4)
def _split_by_name(db: sqlite3.Connection) -> dict[str, frozenset[str]]:
    """A segment's first part → the facts with such a segment below a topic's group."""
    from llama4ref.store.fulltext import units

    out: dict[str, set[str]] = {}
    for path in units(db):
        for seg in path.split(".")[2:]:
            head = seg.split("_")[0]
            if head != seg:
                out.setdefault(head, set()).add(path)
    return {k: frozenset(v) for k, v in out.items()}


def split_by_model(db: sqlite3.Connection, named: Collection[str]) -> dict[str, frozenset[str]]:
    """For each model the text names, the facts whose path names it as the first part of a segment
    below a topic's group, where a chart or record splits one topic by model ("needle in a
    haystack results for scout": long_context.evidence.nih_charts.scout_text)."""
    table = _split_by_name(db)
    return {v: table[v] for v in named if v in table}


def situation(segs: list[str], unit: str, ctx: Context) -> tuple[float, bool, bool]:
    """(score change, whether the text names the fact's provider by its model id, whether the fact
    is of another attribute than the one asked: a price for "max output tokens") for a fact's
    path ``segs`` and ``unit``, given what the question names and asks (a ranking context:
    llama4ref.domain.rank_context)."""
    named, asked, by_id = ctx.named_kinds, ctx.asked_ids, ctx.by_id
    delta = RATIO if ctx.ratio and unit in _RATIO_UNITS else 0.0
    if ctx.money and unit in _PRICE_UNITS:
        delta += MONEY  # "lambda maverick is $0.15 per M input?": the input price, not the input cap
    if ctx.mechanism and unit not in _PROSE:
        delta += FIGURE_FOR_MECHANISM  # "how does the chunked attention in the rope layers work": not how many layers
    if "benchmarks" in segs[1:3] and "benchmark" not in named and not asked & _SCORE_WORDS and named & {"gpu", "engine"}:
        delta += UNASKED_SCORE  # "running maverick on MI300X with vllm": the engine's support, not a score run there
    if segs[0] == "hardware" and "variant" in named and "gpu" in named:
        delta += DATA_SHEET  # "will maverick fp8 fit on 2x A100 80GB": not the A100's data sheet
    limits = asked & _NOT_PRICED
    if ctx.serving and segs[0] == "finetuning":
        delta += UNASKED_TRAINING  # "what gpu do i need to run scout": serving hardware, not a fine-tuning recipe
    elif segs[0] in _SERVING_ROOTS and "engine" not in named and asks_tuning(ctx.text_stems):
        delta += UNASKED_SERVING  # "scout fine-tuning on a single gpu": a fine-tuning setup, not the inference fit
    other = (
        bool(limits) and "price" not in asked and segs[0] == "providers" and ("price" in segs or not ctx.asked.intersection(segs))
    )
    if other:
        delta += UNASKED_PRICE  # "max output tokens on together": the cap, not the output price
    own = bool(by_id) and segs[0] == "providers" and len(segs) > 1 and segs[1] in by_id
    if own:
        delta += NAMED_BY_ID
    return delta, own, other


def phrase_holders(db: sqlite3.Connection, pairs: frozenset[str]) -> dict[str, int]:
    """For neighbouring left-over words ("pre norm", from "pre-norm"): the facts whose own text
    writes them as one phrase → how many such phrases each holds."""
    out: dict[str, int] = {}
    for pair in pairs:
        query = '"' + pair.replace("_", " ").replace('"', "") + '"'
        rows = db.execute("SELECT d.path FROM fts JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ?", (query,))
        for (p,) in rows:
            out[str(p)] = out.get(str(p), 0) + 1
    return out


_HYPHEN = re.compile(r"(?<![^\W_])([^\W_]+)-([^\W_]+)")
"""A hyphenated compound, its first word read from its start only: without the look-behind a run
of 20,000 letters with no hyphen was tried from each of its letters (7 s)."""


def hyphen_pairs(text: str, rest: set[str]) -> frozenset[str]:
    """The compounds the text writes with a hyphen whose two words are both left over ("pre-norm"):
    a fact whose own text writes the same compound is about it, more than one whose path holds a
    word of it ("post" of post_training)."""
    return frozenset(f"{a}_{b}" for a, b in _HYPHEN.findall(text.casefold()) if a in rest and b in rest and a != b)


def named_attribute(m: Match, implied: bool, asked: frozenset[str]) -> bool:
    """Whether a model's name in the text counts for the attribute it also says ("128E": routed
    experts; "2T": total parameters): when the text names no attribute of its own, or when the
    name says one of the attributes the text weighs ("is the 2T the total or the active count")."""
    ids = {str(t["id"]) for t in m.terms if t["kind"] == "attribute"}
    return bool(ids) and (implied or not ids.isdisjoint(asked))


def writes_money(text: str) -> bool:
    """Whether the text writes an amount of money: a currency sign before a number, or a currency
    word after one ("$0.15", "0.2 usd")."""
    return _MONEY.search(text) is not None


def asks_ratio(ws: list[str]) -> bool:
    """Whether the text asks how many times more something is: "how much faster", "how much
    bigger", "how many times more" (a comparative after "how much", or "times" after "how many")."""
    for a, b, c in zip(ws, ws[1:], ws[2:], strict=False):
        if a == "how" and b in ("much", "many") and (c in _MORE or (len(c) > 4 and c.endswith("er") and b == "much")):
            return True
    return False


_OR = frozenset({"or", "vs", "versus"})


def alternatives(parsed: Parsed) -> int:
    """How many entities the text names only as another's alternative ("github models or nvidia
    nim"): a fact is about one of them, so each pair asks one thing, not two. Two models weighed
    against each other ("scout or maverick for 500k token docs") are not counted: such a decision
    is answered by both models' facts side by side, not by one model's."""
    ents = [m for m in parsed.matches if any(t["kind"] == "entity" for t in m.terms)]
    ents.sort(key=lambda m: m.start)
    n = 0
    for a, b in pairwise(ents):
        between = parsed.words[a.end : b.start]
        kinds_a = {t.get("cls") for t in a.terms if t["kind"] == "entity"}
        kinds_b = {t.get("cls") for t in b.terms if t["kind"] == "entity"}
        if between and set(between) <= _OR | _SKIPPED and _OR.intersection(between) and (kinds_a & kinds_b) - {"variant"}:
            n += 1
    return n


def asks_serving(ws: list[str]) -> bool:
    """Whether the words ask about running (serving, deploying) a model and not about training it."""
    said = {w for x in ws for w in x.replace("-", " ").split()}
    return bool(said & _SERVING) and not said & _TRAINING


def asks_tuning(stems: frozenset[str]) -> bool:
    """Whether the text's word stems ask about fine-tuning a model ("lora", "fine-tune", "fine
    tuning"), which a fine-tuning setup answers, not what serves the model."""
    return bool(stems & _TUNING_STEMS) or ("fine" in stems and not stems.isdisjoint({"tune", "tun"}))


def asks_mechanism(ws: list[str]) -> bool:
    """Whether the text asks how something works ("how does the codistillation work", "continuous
    online rl, how does it work"): "how" and, after it, "work" or "works"."""
    if "how" not in ws:
        return False
    return any(w in ("work", "works") for w in ws[ws.index("how") + 1 :])


def own_attributes(parsed: Parsed) -> frozenset[str]:
    """The ids of the attributes the text names by phrases of their own (not those a model's name
    also says: "400B" names Maverick and its total, which "how many experts does the 400B model
    have" does not ask)."""
    return frozenset(
        str(t["id"])
        for m in parsed.matches
        if not any(t["kind"] == "entity" for t in m.terms)
        for t in m.terms
        if t["kind"] == "attribute"
    )


FRAME_VERBS = frozenset({"support", "supports"})
"""Verbs a question is framed with when it names what is asked ("what languages does llama 4 support");
"supported" too when "by" follows ("is tagalog supported by llama 4"), the same frame turned round."""


HOW_VERBS = frozenset({"work", "works", "function", "functions", "operate", "operates"})
"""Verbs that close "how does X work": the frame of the question, not a topic word ("more work to do")."""
_HOW_AUX = frozenset({"does", "do", "did"})
_SCOPES = frozenset({"in", "on", "with", "for", "inside", "within", "at"})


def _how_verb(parsed: Parsed) -> None:
    """Forget the verb closing "how does/do/did X work (function, operate)": the question asks how
    X works. The verb follows "how does" with a word or more between, and ends the text or comes
    before a scope ("in scout", "with vllm")."""
    ws = parsed.words
    for i in range(len(ws) - 3):
        if ws[i] != "how" or ws[i + 1] not in _HOW_AUX:
            continue
        j = next((j for j in range(i + 3, len(ws)) if ws[j] in HOW_VERBS), None)
        if j is not None and ws[j] in parsed.rest and (j + 1 == len(ws) or ws[j + 1] in _SCOPES):
            parsed.rest.remove(ws[j])
            return


def drop_frame_verb(parsed: Parsed) -> None:
    """Forget "support" when the text names an attribute, which is what is supported: "what
    languages does llama 4 support" asks for the languages, not for a fact whose name holds
    "supported" (fine-tuning beyond the supported languages). Not when the text names an engine
    or a provider, whose support is what is asked. And forget the verb of "how does X work"
    (:func:`_how_verb`) whatever the text names."""
    _how_verb(parsed)
    kinds = [{t["kind"] for t in m.terms} for m in parsed.matches]
    if any(t.get("cls") in ("engine", "provider") for t in parsed.of_kind("entity")):
        return  # "does llama.cpp support llama 4 vision": an engine's or provider's support is a fact of its own
    if any("attribute" in k and not k & {"entity", "intent"} for k in kinds):
        passive = {a for a, b in pairwise(parsed.words) if a == "supported" and b == "by"}
        parsed.rest = [w for w in parsed.rest if w not in FRAME_VERBS and w not in passive]


BUILT_ON = frozenset({"built on", "based on", "built with", "built from", "made with", "made from"})
"""Phrases that, between a thing of the asker's own and the family or a model, describe that thing."""
_FAMILY_WORDS = frozenset({"llama", "llama4"})


def drop_described(parsed: Parsed) -> None:
    """Forget "built on" (and "based on" …) and the word before it when they describe the asker's
    own thing by the family or a model: "can I sell a product built on llama 4" asks about selling,
    not what a product is built on (no fact is about "product"); "what is llama guard 4 built on"
    (a name before the phrase) still asks its basis."""
    ws = parsed.words
    dropped: set[int] = set()
    kept = []
    for m in parsed.matches:
        if m.text in BUILT_ON and m.start > 0 and m.end < len(ws):
            before, after = ws[m.start - 1], ws[m.end]
            names_model = after in _FAMILY_WORDS or any(
                o.start == m.end and any(t.get("cls") == "variant" for t in o.terms) for o in parsed.matches
            )
            if names_model and before in parsed.rest:
                dropped.add(m.start - 1)
                continue
        kept.append(m)
    if dropped:
        parsed.matches = kept
        gone = [ws[i] for i in dropped]
        parsed.rest = [w for w in parsed.rest if w not in gone]
        parsed.filler.update(gone)


RELATIONS = frozenset(
    {"over", "after", "before", "under", "between", "without", "within", "above", "below", "behind", "against", "via", "across"}
)
"""Words that relate two things ("instruct_over_base"); alone, they name neither."""


def bare_relation(word: str, seg: str, stems: frozenset[str]) -> bool:
    """Whether a relating word meets a path segment with nothing else of that segment in the text:
    "we run RAG over 2M-token contracts" says nothing of instruct_over_base, while "instruct over
    base" names it, and "edit … after submitting" names editable_after_submission (a word and a
    part beginning alike)."""
    if word not in RELATIONS:
        return False
    others = [p for p in seg.split("_") if p != word]
    return not any(stem(p) in stems or any(len(t) > 3 and p.startswith(t[:4]) for t in stems) for p in others)


PREMISES = frozenset({"if", "since", "given", "assuming", "because", "counting", "including", "incl"})
"""Words that open a clause the question takes as given ("if only 17b are active, what is its total")
or says what a figure includes ("total experts counting the shared one": the total is asked)."""
_CLAUSE_END = re.compile(r"[?,;:!.]\s|[?;!]$|\s[-–—]\s")


def drop_premises(parsed: Parsed, text: str, split: Callable[[str], tuple[str, ...]]) -> None:
    """Forget the attributes named in a clause the text takes as given, from "if", "since" or
    "given" to the end of the clause, when the text names another attribute outside it: "should
    i bother with maverick if only 17b are active? what's its real total size" asks the total.
    ``split`` gives the parse's tokens of one word (a size and its unit are two)."""
    starts: list[int] = []  # the token index each clause starts at
    token = 0
    last = 0
    for (a, b), w in zip(word_spans(text), words(text), strict=True):
        if _CLAUSE_END.search(text[last:a] + " "):
            starts.append(token)
        last = b
        token += len(split(w))
    ends = [*starts, len(parsed.words)]
    given: set[int] = set()
    for i, w in enumerate(parsed.words):
        if w in PREMISES:
            end = min((e for e in ends if e > i), default=len(parsed.words))
            given |= set(range(i + 1, end))
    if not given:
        return
    inside = [m for m in parsed.matches if m.start in given and _attribute_only(m)]
    outside = [m for m in parsed.matches if m.start not in given and _attribute_only(m)]
    if inside and outside:
        parsed.matches = [m for m in parsed.matches if m not in inside]


def _attribute_only(m: Match) -> bool:
    return any(t["kind"] == "attribute" for t in m.terms) and not any(t["kind"] == "entity" for t in m.terms)


def lifted(parsed: Parsed, ctx: Context) -> tuple[frozenset[str], tuple[str, ...]]:
    """The units and path needles these rules lift, for the evidence (llama4ref.domain.evidence):
    a ratio's units when the text asks how many times more, the facts of a provider named by its
    model id, a GPU's family named by its memory size; so no fact these rules lift is left unscored."""
    units = _RATIO_UNITS if ctx.ratio else frozenset()
    needles = [f"providers.{p}." for p in ctx.by_id]
    for t in parsed.of_kind("entity"):
        family = str(t["target"]).split(".")[-1].split("_")[0]
        if t.get("cls") == "gpu" and len(family) > 2:
            needles.append(family)
    return units, tuple(needles)
