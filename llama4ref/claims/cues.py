"""Cues in the words around a value that say what it counts or whose limit it is (used by
llama4ref.claims.extract): a part's size ("… each"), a parameter count named by a modifier or a
variant's name or a list of sizes, a score verb, a budget a service sets for prompt and response together;
and cues of a whole sentence: a reproduction or quantized run, a figure presented as hypothetical, one's own run."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

RERUN = re.compile(r"(?i)reproduc|\b(?:fp8|fp16|bf16|int4|int8|quantized|quantised)\b")
"""A benchmark figure from a reproduction or a quantized run is another setting than the published score."""
HYPOTHETICAL = re.compile(
    r"(?i)\b(?:impossible|invalid|hypothetical|suppose|imagine|would be wrong|is wrong|typo|reduced to|cut down to|shrunk to|truncated to|toy|unit test)\b"
)
"""A sentence that presents a figure as wrong, impossible or a cut-down test copy states no claim about the model."""
LOG_LINE = re.compile(r"(?:\b[\w.]+=\S+\s+){2,}[\w.]+=\S")
"""A runtime's log record ("layers.requested=-1 layers.model=49 layers.offload=4"): its counts are the
engine's (an output layer included, offloaded parts), no statement about the model."""
OWN_RUN = re.compile(
    r"(?i)\b(?:we|our|i)\s+(?:measured|got|ran|evaluated|reproduced|tested|observed|benchmarked|obtained)\b|\blm_eval\b"
    r"|\b(?:our|my) (?:eval\w*|runs?|results|tests?|testing|experiments?|measurements?|setup)\b"
)
EACH = re.compile(
    r"(?i)^\s*(?:[\w-]+\s+){0,2}(?:each|apiece|per\s+(?:expert|layer|head|gpu|node|device|shard|block)|chacune?|cada\s+uno|cada\s+una"
    r"|ciascuno|ciascuna|jeweils|каждый|каждая|각각)(?!\w)"
)
"""A value followed by "… parameters each" or "… per expert" is the size of a part, not of the model."""
ACROSS = re.compile(r"(?i)\b(?:across|among|between|spread\s+over|distributed\s+over)\s+(?:(?:its|the|their)\s+)?$")
"""A count after "across" ("17B active parameters engaged per token across 16 experts") is what the
words after it count (the experts); the words before it describe what is spread across them."""
ACTIVATED = re.compile(
    r"(?i)\b(?:activat(?:es|ed|e|ing)|engag(?:es|ed|e|ing))\s+(?:(?:only|just|roughly|about|around|approximately|some)\s+)*[~≈]?\s*$"
)
"""A size right after "activates" ("gates that activate ~109B per forward pass") counts the active parameters."""
BARE_ROW = re.compile(r"(?i)\s*[~≈]?\s*[\d.,]+\s*[kmbt]\w*\s+tokens?\s*")
"""A spec row that is a figure of tokens alone ("8T tokens")."""
WINDOW_CELL = re.compile(r"\d{1,4}(?:\.\d+)?\s?[KkMm]")
"""A table cell that is a count of thousands or millions alone ("128K", "10M"): in a model's row of
a table copied without its header, the model's context window, as model tables list it, unless a
heading above names a unit or another count ("## Output Token Limits")."""
OTHER_COUNTS = frozenset({"output", "input", "price", "memory", "speed", "training", "tokens", "vocabulary", "languages"})


def window_cell(text: str) -> bool:
    """Whether a table cell ("<row label> : <cell>") holds a count of thousands or millions alone."""
    return WINDOW_CELL.fullmatch(text.rpartition(": ")[2].strip()) is not None


DATA_THROUGH = re.compile(r"(?i)\bdata\b[^.;!?]{0,40}\b(?:through|until|up\s+to|thru)\s*$")
"""A date after training data said to run "through" it ("Training Data: 20T tokens, through October 2025"): the knowledge cutoff."""
TOP_K = re.compile(r"(?i)\btop-\s*$")
"""A count written "top-8" with routing or experts named: the experts each token is routed to."""
ACTIVE_EXPERTS = re.compile(r"(?i)^\s*(?:active|activated)\s+[\"“”'‘’]?experts?\b")
"""A count followed by "active experts" ("with 16 active “experts,”"): the experts each token
uses, not the experts the model has."""
MODIFIED = re.compile(r"(?i)^\s*(?:in\s+)?(?:active|activated|total)\b")
"""A size followed by "active" or "total" ("170 billion active", "17B total") counts parameters."""
NAMED_SIZE = re.compile(
    r"(?i)\b(?:scout|maverick|behemoth)(?:[\s-]+(?:instruct|base|chat))?\**\s*\(\s*(?:\d+(?:\.\d+)?\s?[bt]\s*(?:,|\s(?:and|or)\b)\s*)*$"
    r"|\bllama[\s-]?4[\s-]+(?:\d+(?:\.\d+)?\s?[bt]\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*$"
    r"|\b(?:scout|maverick|behemoth)-$"
)
"""A size in parentheses right after a variant's name ("Llama 4 Scout (8B)", "Scout Instruct (8B)", each of "Maverick (8B, 70B)") is its
parameter count; so are sizes written after the family's name ("Llama 4 8B, 70B"), sizes of Llama 4, and a
size glued to a variant's name ("Llama-4-Maverick-8B", "Scout-17B")."""
SCORED = re.compile(r"(?i)\b(?:scor(?:ed|es|ing)|hit|hits|achiev(?:ed|es)|reach(?:ed|es)|posts?|posted|gets?|got)\s+(?:an?\s+)?$")
"""A score verb right before the value: "Maverick scored 87.4" under "On the MMLU benchmark, …"."""
WANTED = re.compile(r"(?i)^\s*(?:[\w-]+\s+){0,2}?(?:target|goal|requirement|wish)s?\b")
"""A figure named as what someone aims for ("the meeting's 20-30B parameter target"): no statement
of what the model is, so it may agree but never contradicts."""
BUDGET = re.compile(
    r"(?i)\b(?:prompt|input)\s*(?:\+|and|&|plus)\s*(?:response|output|completion)|(?:プロンプト|入力)\s*[+＋と]\s*(?:応答|出力|レスポンス)"
)
"""A budget for prompt and response together ("maximum prompt + response length"): a limit a
service sets per request, which never contradicts the model's window."""
CURRENT = re.compile(
    r"(?i)\b(?:currently|for now|at present|at the moment|aktuell|derzeit|zurzeit|momentan|actuellement|pour l'instant|actualmente"
    r"|atualmente|attualmente|per ora)\b|в настоящее время|сейчас|현재|現在|目前"
)
"""A window said to hold "currently" ("mit aktuell 3,5 Millionen Token Kontext"): what a deployment
serves for now, never the model's nominal window."""
SIZED = re.compile(
    r"(?i)^\s*(?:\([^()]{0,30}\)\s*)?(?:(?:,\s*(?:and|or|&)?|and|or|&)\s*\d+(?:\.\d+)?\s*[bt]\s*(?:\([^()]{0,30}\)\s*)?)*"
    r"(?:(?:moe|dense)\s+)?(?:-?\s*(?:variants?|versions?|sizes?|checkpoints?)\b)"
)
"""A size naming a model: "8B, 70B and 400B variants", "8B (edge), 70B (single GPU), and 400B MoE
variants" (parameters, though the word is not written)."""


def language_model(terms: Sequence[dict[str, Any]], following: str) -> bool:
    """Whether a phrase read as the ``languages`` attribute is a kind of model ("large language
    model(s)", "Large Language Model Meta AI 4"), not a count of languages."""
    return following in ("model", "models") and any(t["kind"] == "attribute" and t["id"] == "languages" for t in terms)


RIVALS = ("active", "total")
"""Modifiers that exclude each other: a parameter count is either the active or the total one."""


def rival_modifiers(attrs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The mutually exclusive modifiers among ``attrs`` (one term per id, in order)."""
    seen: dict[str, dict[str, Any]] = {}
    for t in attrs:
        if t.get("id") in RIVALS:
            seen.setdefault(t["id"], t)
    return list(seen.values())


def settle_rivals(
    attrs: Sequence[dict[str, Any]], own: Sequence[dict[str, Any]], label: Sequence[dict[str, Any]]
) -> tuple[dict[str, Any], ...]:
    """The modifiers a value is held to: its own word right after it wins ("400B+ total" under an
    "Active Parameters" column); a label or column naming both counts ("Active / Total params")
    leaves both, so the value is judged against either (llama4ref.claims.judge)."""
    keep = rival_modifiers(own)[:1] or rival_modifiers([*attrs, *label])
    if not rival_modifiers(own) and len(keep) < 2:
        return tuple(attrs)
    return tuple(t for t in attrs if t.get("id") not in RIVALS) + tuple(keep)


_FRONTED_AFTER = re.compile(
    r"(?i)^\s*,\s*[^,;:()]{0,40}?\b(?:released|launched|unveiled|introduced|debuted|shipped|lanzó|lanzo|presentó|presento|lançou|lancé"
    r"|a\s+lancé|a\s+présenté|ha\s+rilasciato|ha\s+lanciato|veröffentlichte|выпустила|представила|merilis"
    r"|announced\s+the\s+(?:release|launch)\s+of)(?!\w)"
)


def fronted_date(before: str, after: str) -> int:
    """A date opening its sentence ("On April 5, 2026, Meta released …"), or a news dateline's
    ("MENLO PARK, 10 MAY 2026 — … releasing …"): the release verb after it states what the date is,
    though a comma or a dash separates them. The length of the text up to that
    verb (the phrases farther on are not the date's), 0 when the date is not so placed."""
    m = _FRONTED_AFTER.match(after)
    if m and _FRONTED_BEFORE.fullmatch(before):
        return m.end()
    m = _DATELINE_AFTER.match(after)  # "MENLO PARK, 10 MAY 2026 — Meta has ..., releasing Llama 4 Scout": the news is the release
    return m.end() if m and _DATELINE.fullmatch(before) else 0


_FRONTED_BEFORE = re.compile(
    r"(?i)\s*(?:on|in|el|le|il|am|em|no|в)?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
)  # ("On Friday, April 4, 2025, …": the weekday before the date)
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{2,40},\s*")
_DATELINE_AFTER = re.compile(
    r"(?i)^\s*[—–-]{1,2}\s[^.;!?]*?\b(?:releas(?:ed|es|ing)|launch(?:ed|es|ing)|unveil(?:ed|s|ing)|debut(?:ed|s|ing)|ship(?:ped|s|ping))(?!\w)"
)


_PLATFORMS = re.compile(r"^\s*\([^()]+,[^()]+\)")


def released_to(before: str, after: str) -> bool:
    """A release date followed by the platforms it was released to ("Released 2026-04-05 (Hugging
    Face, Ollama)"): the model's own release, not one provider's or engine's start of service."""
    return bool(re.search(r"(?i)\breleased?\s*(?:on\s*)?$", before)) and bool(_PLATFORMS.match(after))


_VERSUS = re.compile(
    r"(?i)\b(scout|maverick|behemoth)\b[^.;!?\n]{0,24}?(?:\s|^)(?:vs\.?|versus|v\.|или|o|or|oder|ou|対|对比|比较)\s*"
    r"(?:llama[\s-]?4\s+)?(scout|maverick|behemoth)\b"
)
_VARIANT_WORD = re.compile(r"(?i)\b(?:scout|maverick|behemoth)\b")


def compared_pair(before: str) -> bool:
    """Whether the last model named before a value is the second of two variants set against each
    other ("Scout vs Maverick: 10M context use cases", "Scout or Maverick"): the figure after such a
    pair may be either one's, so it is the family's (it may agree with either, never with one alone)."""
    found = list(_VERSUS.finditer(before))
    last = found[-1] if found else None
    return last is not None and last.group(1).lower() != last.group(2).lower() and not _VARIANT_WORD.search(before[last.end() :])


_UP_TO = re.compile(r"(?i)(?:\bup\s+to|\bas\s+(?:many|much)\s+as|\bbis\s+zu|\bjusqu['’]à|\bhasta|\bfino\s+a|\bдо|最多|最大)\s*$")


def up_to(before: str) -> bool:
    """A value written as a ceiling ("up to 40 trillion tokens"): said of two variants together it
    is the larger one's, so neither is held to it alone."""
    return bool(_UP_TO.search(before))


THROUGHPUT = re.compile(r"(?i)\d\s*(?:tok(?:en)?s?\s*/\s*s(?:ec)?|tokens?\s+per\s+second|t/s)(?!\w)")
"""A decode rate ("17tok/s", "60 tokens per second"): the sentence reports a measured run, and a window
it gives ("… and 100K Context Boundary") is that run's setting, not the model's."""
MACHINE = re.compile(
    r"(?i)\b\d+(?:\.\d+)?\s*[GT]B\s+(?:(?:of\s+)?(?:unified\s+)?(?:memory|ram|vram)\s+)?"
    r"(?:machine|mac|macbook|laptop|desktop|system|box|computer|pc|workstation|device|rig|server|node)s?\b"
)
"""A machine named by its memory ("on a 64GB machine", "a 128 GB Mac"): a window the sentence gives
is what that machine manages in practice, a run's setting, not the model's."""
LOADED = re.compile(
    r"(?i)\b(?:load(?:ed|ing)?|reload(?:ed|ing)?|running|ran|configur(?:ed|ing)|set\s+(?:it\s+)?to|launch(?:ed|ing)\s+(?:it|the\s+server)"
    r"|start(?:ed|ing)\s+(?:it|the\s+server)"
    r"|(?:limit|cap|restrict|clamp|truncate|reduce|lower)(?:s|ed|d|ing|ped|ping)?\s+(?:[\w.'’-]+\s+){0,8}(?:to|at))\b(?:[^.;!?\n]|\.(?=\d)){0,100}$"
)
"""A window someone loads or runs a model with ("after loading the Maverick GGUF with 0.5M context"):
a setting of that run, not the model's window."""


BOTH = re.compile(
    r"(?i)(?:^|[^\w])(?:both|beide|beiden|les\s+deux|ambos|ambas|entrambi|оба|обе)(?!\w)|两款模型均|两款模型都|两个模型均|两者均|모두|둘\s*다"
)
"""A figure said of "both" models ("Scout and Maverick ... both support 10M", "Both ship with ..."
after a sentence naming the two): it is held to each of them and wrong when either disagrees."""
EACH_OF = re.compile(
    r"(?i)(?:[,—–]\s*|\b(?:scout|maverick|behemoth|models|variants|they|are|were)\s+)(?:each|all\s+three|all\s+of\s+them)(?!\w)"
    r"(?!\s*[)\]\"'”’.;:])"
    r"(?!\s+(?:of\s+(?:its|the)\s+)?(?:tokens?|experts?|layers?|heads?|gpus?|steps?|requests?|users?|quer(?:y|ies)|images?|inputs?|prompts?)\b)"
    r"[^;]*$"
)
"""A figure said of "each" of the variants a sentence lists ("the Llama 4 family — Scout, Maverick,
and Behemoth — each capable of handling up to 10 million tokens", "Scout and Maverick each …"): held
to each, as after "both". "each" opens its phrase (after a comma or dash, a variant's name or "they
are") and the value's clause; "each token" or "each expert" divides among parts, and "… parameters
each)" is a part's size, not the models'."""


RESPECTIVELY = re.compile(r"(?i)\b(?:respectively|respectivamente|rispettivamente|respectivement|соответственно)\b|分别")
"""Figures given "respectively" ("Both … pools of 109 billion and 400 billion, respectively"): one each, not both."""


OFFERED = re.compile(
    r"(?i)\b(?:supports?|supported|supporting|support\s+for|speaks?|speaking|understands?|understanding|handles?|handling"
    r"|fluent\s+in|responds?\s+in|converses?\s+in|available\s+in|works?\s+in)"
    r"(?:\s+(?:up\s+to|over|more\s+than|about|around|nearly|roughly|some|[~≈]))?\s*$"
)
"""A count the model is said to offer, right before it ("supports 200 languages", "speaks over 100
languages"): what it supports, not what it was trained on (see :data:`TRAINED`)."""
TRAINED = re.compile(
    r"(?i)\b(?:pre-?train\w*|train\w*|tokens?|corpus|data(?:sets?)?|mixture|learned|seen)\b|\bmultilingual\s+tokens\b"
)
"""A sentence about training (its languages are the pre-training mixture's, whatever the verb)."""
CONFIG_KEY = re.compile(r"""["']?\b[a-z][a-z0-9]*(?:_[a-z0-9]+|[A-Z][a-z0-9]*)+\b["']?\s*[:=]\s*$""")
"""A value set under a code or config key ("maxLength: 131072", "'context_length': 131072",
"max_tokens=8192")."""
_LIMIT_KEY = re.compile(r"(?i)^[\"']?max")
_SPEC_KEYS = re.compile(
    r"""(?i)\b\w*(?:params|parameters|layers|hidden\w*|heads|head_dim|experts|intermediate\w*|vocab\w*)\b["']?\s*[:=]"""
)


def config_entry(text: str, start: int, block: str = "") -> bool:
    """Whether the value at ``start`` stands right after a code or config key on its own line: a
    limit key ("maxLength", "max_tokens") is a model list's or a run's setting; any other key
    ("context_length") too, unless the entry describes the architecture (a model's spec: layers,
    hidden size, experts; ``block`` holds the entry's other rows)."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    key = CONFIG_KEY.search(line)
    return key is not None and (bool(_LIMIT_KEY.match(key.group(0))) or not _SPEC_KEYS.search(text + "\n" + block))


def served(text: str, start: int, clause: int, block: str, capped: bool) -> bool:
    """Whether a window at ``start`` is a service's limit, not the model's: a budget for prompt and
    response together in its sentence (or, ``capped``, in its paragraph, or an output cap beside it:
    "extended context window of 131,072 tokens and maximum output of 8,192 tokens"), a window held
    "currently", or a model list's key ("maxLength: 131072")."""
    return capped or bool(BUDGET.search(text) or CURRENT.search(text[clause:start])) or config_entry(text, start, block)


VERSIONED = re.compile(r"(?i)(?<=[a-z])\s*[- ]?v\d+(?:\.\d+)?\b")
"""A benchmark named with a version ("LiveCodeBench v6", "MMLU-Pro v2"): another edition than the
one a published score names, so the figure may agree but never contradicts."""


THIS_MODEL = re.compile(
    r"(?i)\b(?:this|the\s+present)\s+model\b|\bce\s+modèle\b|\bdieses\s+modell\b|\b(?:este|esse|esto)\s+modelo\b|\bquesto\s+modello\b"
    r"|\b(?:эта|данная)\s+модель\b|\bbu\s+model\b|このモデル|本モデル|该模型|該模型|此模型|这个模型|這個模型|本模型|이\s*모델"
)
""""This model" in any of the languages read (en, fr, de, es, pt, it, ru, tr, ja, zh, ko): the page's
own subject, so a variant named before it in the sentence ("Im Vergleich zu Llama 4 Scout bietet
dieses Modell …") is what it is set against, not the subject."""


STAGES = {
    "instruct": "instruct",
    "instruction": "instruct",
    "chat": "instruct",
    "pretrained": "pretrained",
    "pre-trained": "pretrained",
    "base": "pretrained",
}
"""Words naming a model's stage (a benchmark figure is held to that stage's score)."""
SHOTS = re.compile(r"(?i)\b(\d+)[- ]shot\b|\bzero[- ]shot\b")
VIA = re.compile(r"^\s*(?:[a-z-]+\s+){0,2}(?:via|through)\s+(?!Llama)[A-Z]")
"""A value followed by "… via LangMart": a limit some service sets, not the model's."""


MAKER_DATED = re.compile(r"(?i)\b(llama[\s-]?4|scout|maverick|behemoth)\s*\(\s*meta(?:\s+ai)?\s*[,·;]\s*$")
"""A date after the model's name and its maker in parentheses ("Llama 4 (Meta, March 2026)"): its release."""


COUNTED_PARTS = frozenset({"experts", "layers", "heads", "images", "tiles", "gpus", "languages", "dimensions"})
"""Units that count a model's parts or inputs: a figure written with a scale word ("109 billion",
"109 میلیارد") is never one of them."""


_THINGS = (
    "ticket conversation dialogue dialog chat transcript example sample document doc row record step epoch iteration "
    "episode trajectory trajectories prompt pair instruction question query queries answer task problem file article "
    "page sentence message email review post comment video call request download customer developer employee"
)
COUNTED_THINGS = frozenset(w for s in _THINGS.split() for w in (s, s + "s")) | {"queries", "trajectories"}
"""Things a document counts that no fact of the records is ("20k support tickets", "300K
conversations", "50k examples", "1M steps"): a figure whose own noun is one of them counts that
noun, whatever attribute the sentence names (llama4ref.claims.binding.counts_things)."""


def dated(term: dict[str, Any]) -> bool:
    """Whether an attribute is measured in dates (a release, a knowledge cutoff)."""
    return bool({"date", "month"} & set(term.get("units") or ()))


def led_by(name: re.Pattern[str], text: str, end: int) -> bool:
    """Whether the sentence opens with a name ``name`` matches, before offset ``end``: its subject."""
    lead = name.search(text, 0, end)
    return lead is not None and not text[: lead.start()].strip(" *_\"“'-")


OWN_FIGURE = re.compile(r"(?i)(?:\b(?:its|their)(?:\s+own)?|\bnative(?:ly)?|\bnominal|\bmodel'?s)\s+(?:[\w-]+\s+)?$")
"""A figure given as the model's own right before it ("a model with its own 10M-token window", "its
groundbreaking 1M window", "a native 10M"): beside a provider it is the model's, judged at the model tier."""


CONTRASTED = re.compile(r"(?i)\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to|not\s+(?:from|by|through|via))\b")
"""A contrast after a value: the attribute named beyond it is what the value is *not* ("a 10M window
based on length generalization rather than direct training")."""


RESPONSE_CAP = re.compile(
    r"(?i)\b(?:respuestas?|responses?|answers?|replies|réponses?|respostas?|risposte|antworten|ответы?)\s+"
    r"(?:de\s+|of\s+|von\s+)?(?:hasta|up\s+to|at\s+most|jusqu'à|jusqu’à|até|fino\s+a|bis\s+zu|до)\s+\d"
)
"""A cap on a reply's length ("Respuestas de hasta 8,192 tokens", "responses of up to 4,096 tokens"):
what a deployment sets per request."""
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")


def capped_lists(spans: Sequence[Any]) -> set[int]:
    """The paragraphs of a bulleted list (consecutive items under the same headings) one of whose
    items caps a reply's length: its window is what a deployment serves ("- Ventana de contexto
    extendida de 131,072 tokens / - Respuestas de hasta 8,192 tokens"), as in one sentence."""
    lists: list[list[Any]] = []
    for span in spans:
        if span.paragraph < 0 or not _ITEM.match(span.text):
            lists.append([])
            continue
        last = lists[-1][-1] if lists and lists[-1] else None
        if last is None or span.headings != last.headings or span.paragraph != last.paragraph + 1:
            lists.append([])
        lists[-1].append(span)
    return {s.paragraph for items in lists if any(RESPONSE_CAP.search(s.text) for s in items) for s in items}
