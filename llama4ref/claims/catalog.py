"""Model catalogs and registries: whose served limits an entry states, and about which model.

A catalog lists models one entry each: a provider file of a catalog repository
(``providers/<provider>/models/<model>.toml``), a provider's model table in an app's code
(``src/providers/fireworks.ts``: ``"accounts/fireworks/models/…": {maxTokens: 16384, …}``), or a
section of a generated catalog headed by the provider's key. A context or output figure there is
the limit the entry's provider serves, judged against that provider's record or left unchecked
(a provider the records do not cover), never against the model's own window.

The provider is exact: it is the one the file path names (the segment after ``providers``, or a
file under ``models`` named after a provider), matched against the records' provider keys and
names in full (``google-vertex``: both words name Vertex AI; ``nano-gpt``: no recorded provider).
Within it, a model id the records give to a provider of the same family refines it: Meta's Llama
API entry ``Cerebras-Llama-4-Scout-17B-16E-Instruct`` is that API routed to Cerebras, not
Cerebras's own API. A name inside an entry (``name = "Cerebras-…"``) never moves the entry to
another provider.

The entry's other fields are claims about the model: its release date and knowledge cutoff are
the model's (judged at the model tier, whatever provider lists them), and the model the entry's
path or its own rows name binds its values as firmly as a heading does ("entry", see
llama4ref.claims.strength).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from llama4ref.claims.statement import UNKNOWN_PROVIDER, Statement
from llama4ref.claims.strength import CONTRADICT_FROM, RANK
from llama4ref.claims.subject import LLAMA4, ents, other_model, provider_of
from llama4ref.paths import FactPath
from llama4ref.records.vocabulary import compact

if TYPE_CHECKING:
    from llama4ref.records.vocabulary import Lexicon
    from llama4ref.store.knowledge_base import KnowledgeBase

SERVED = frozenset({"context", "output", "input", "price"})
"""Attributes an entry's provider sets for what it serves."""
_KEY_ROW = re.compile(r"""^\s*["']?[A-Za-z_@][\w./@:-]*["']?\s*[:=]""")
"""A catalog or code row: a key, then its value ("maxTokens: 16384,", 'context = 128_000')."""
_EXTENSION = re.compile(r"\.(?:toml|ya?ml|json|jsonc|md|mdx|ts|tsx|js|mjs|py|go|rs)$", re.I)
_ID_CHARS = r"[\w-]"
_WINDOWED = re.compile(r"(?i)llama[-_]?4[\w./:-]*?[-_:]\d+k(?![\w.])")
"""A Llama 4 model id ending in a window of its own ("Llama-4-Scout-17B-16E-Instruct-64k", "…:128k")."""


class Catalog(NamedTuple):
    """What a document's location says about it as a catalog."""

    provider: str | None  # a provider key, UNKNOWN_PROVIDER, or None (no catalog path)
    entry: str  # the location text the entry's model id may be read from (a file path)


def catalog_page(catalog: Catalog) -> bool:
    """Whether a catalog's document is a page of its own (``providers/cerebras/models/<model>.md``, a
    catalog rendered as Markdown, one page a model): its rows and tables are that entry's fields."""
    return bool(_PAGE.search(catalog.entry))


_PAGE = re.compile(r"(?i)\.mdx?$")


def key_row(text: str) -> bool:
    """Whether a span is a catalog or code row (a key and its value)."""
    return bool(_KEY_ROW.match(text))


def catalog_of(locations: list[str | None], kb: KnowledgeBase, lex: Lexicon) -> Catalog:
    """The catalog provider the first location with a provider segment names: a page address,
    the file name, a heading that is a path."""
    names = _provider_names(kb, lex)
    for where in locations:
        if not where:
            continue
        path = urlsplit(where).path if "//" in where else where
        segs = [s for s in path.replace("\\", "/").split("/") if s]
        for i, seg in enumerate(segs[:-1]):
            if seg.casefold() == "providers":  # (past a generic folder: "providers/configs/ionet.json")
                j = next((k for k in range(i + 1, len(segs) - 1) if segs[k].casefold() not in _GENERIC_FOLDERS), len(segs) - 1)
                return Catalog(_provider(_EXTENSION.sub("", segs[j]), names) or UNKNOWN_PROVIDER, path)
        for i in range(1, len(segs) - 2):  # "models/groq/models/llm/x.yaml": a provider's plugin, its own models
            if compact(segs[i - 1]).endswith("models") and compact(segs[i + 1]).endswith("models"):
                found = _provider(segs[i], names)
                if found:
                    return Catalog(found, path)
        if len(segs) >= 2 and compact(segs[-2]).endswith("models"):  # "llms/models/groq.ts", "aiModels/github.ts"
            slug = _EXTENSION.sub("", segs[-1])
            found = _provider(slug, names) or _provider(f"{slug}-models", names)  # the folder's word completes a name
            if found:
                return Catalog(found, path)
    return Catalog(None, "")


_PROVIDER_ROW = re.compile(
    r"""(?i)(?<![\w-])["']?provider(?:s|_?options|_?id|_?name)?["']?\s*[:=]\s*"""
    r"""(?:\[\s*["']([\w .-]+)["']\s*\]|["']([\w .-]+)["']|[A-Z]\w*\.([A-Za-z]\w*)(?![\w.(]))"""
)
"""An entry's own row naming the one provider it is served by ('"provider": "groq"', 'providerOptions: ["sambanova"]',
an enum's member: "provider: AIProvider.Meta")."""


def _slugs(block: str) -> set[str]:
    """The provider names an entry's provider rows give (see :data:`_PROVIDER_ROW`)."""
    return {m.group(1) or m.group(2) or m.group(3) for m in _PROVIDER_ROW.finditer(block)}


def row_provider(block: str | None, kb: KnowledgeBase, lex: Lexicon) -> str | None:
    """The recorded provider an entry's own provider row names, when its rows name exactly one
    (an app's catalog outside any provider's folder); None otherwise."""
    if not block:
        return None
    slugs = _slugs(block)
    if not slugs:
        return None
    names = _provider_names(kb, lex)
    found = {_provider(s, names) for s in slugs}
    return next(iter(found)) if len(found) == 1 else None


def maker_entry(block: str | None) -> bool:
    """Whether an entry's own provider row names the model's maker, not a service ('"provider":
    "meta-llama"', "provider: 'Meta'"): its context window is then the model's own, judged at the
    model tier (its prices and output caps, which no maker sets, stay a service's: not checkable)."""
    slugs = _slugs(block or "")
    return bool(slugs) and all(_MAKER.match(s.strip()) for s in slugs)


def cell_provider(row: str, columns: tuple[str, ...], kb: KnowledgeBase, lex: Lexicon) -> str | None:
    """The provider a table row's "Provider" cell names ("| meta-llama/llama-4-scout | openrouter |
    … | 1310720 |" under "| Model | Provider | … | Context |"): a recorded provider's key, or
    UNKNOWN_PROVIDER for one the records do not cover, whose served figures are then unchecked;
    None when the table has no such column, the cell is empty or it names the model's maker."""
    at = [k for k, c in enumerate(columns) if _PROVIDER_COLUMN.match(c)]
    cells = row.split(" | ")
    if len(at) != 1 or at[0] + 1 >= len(cells):
        return None
    cell = cells[at[0] + 1].strip()
    if not cell or _MAKER.match(cell) or cell in ("-", "—"):
        return None
    return _provider(cell, _provider_names(kb, lex)) or UNKNOWN_PROVIDER


_PROVIDER_COLUMN = re.compile(r"(?i)^\s*(?:provider|served by|host|api provider)\s*$")
_MAKER = re.compile(r"(?i)^(?:meta(?:[-_ ]?(?:llama|ai|platforms))?|facebook)$")
"""The model's maker, named where a table's "Provider" column means who made it."""


def heading_provider(headings: tuple[str, ...], kb: KnowledgeBase, lex: Lexicon) -> str | None:
    """The recorded provider a catalog section's heading key names ("provider: github", the section
    of a generated catalog an entry sits in), innermost first; None when no heading is such a key
    or it names no recorded provider."""
    names = _provider_names(kb, lex)
    for h in reversed(headings):
        m = _PROVIDER_HEADING.match(h)
        if m:
            return _provider(m.group(1), names)
    return None


_PROVIDER_HEADING = re.compile(r"""(?i)^\s*-?\s*["']?provider["']?\s*:\s*["']?([\w .-]+?)["']?\s*$""")


def _provider_names(kb: KnowledgeBase, lex: Lexicon) -> dict[str, set[str]]:
    """Each recorded provider's names in compact form: its key, its display names (generic ones
    such as "Llama" or "Nvidia" too: a catalog's provider segment is a provider by construction)
    and the vocabulary's names for it."""
    names: dict[str, set[str]] = {}
    for path in kb.paths("providers"):
        fp = FactPath.parse(path)
        if fp.provider is None:
            continue
        own = names.setdefault(fp.provider, {compact(fp.provider)})
        if fp.leaf == "provider_name" and isinstance(kb.get(path).value, str):
            own.add(compact(str(kb.get(path).value)))
    for term in lex.terms:
        key = provider_of(term) if term["kind"] == "entity" else None
        if key is not None:
            names.setdefault(key, {compact(key)}).update(
                compact(str(p)) for p in (*term.get("phrases", ()), *term.get("written", ()))
            )
    return names


def _provider(slug: str, names: dict[str, set[str]]) -> str | None:
    """The one provider a catalog's provider segment names: written whole ("cloudflare-workers-ai"),
    or each of its words a name of that provider ("google-vertex")."""
    whole = {k for k, ns in names.items() if compact(slug) in ns}
    if not whole:  # "github": the provider's name without its service word ("GitHub Models")
        whole = {k for k, ns in names.items() if any(compact(slug) + w in ns for w in _SERVICE_WORDS)}
    if len(whole) == 1:
        return next(iter(whole))
    parts = [compact(w) for w in re.split(r"[-_.\s]+", slug) if compact(w)]
    each = {k for k, ns in names.items() if parts and all(p in ns for p in parts)}
    if not each and len(parts) > 1:  # "cerebras-adapter.ts", "groq_client.py": the code's word names no one
        own = [p for p in parts if p not in _CODE_WORDS]
        each = {k for k, ns in names.items() if own and len(own) < len(parts) and all(p in ns for p in own)}
    return next(iter(each)) if len(each) == 1 else None


_SERVICE_WORDS = ("models", "ai", "cloud", "inference")
"""Words a provider's name adds to its maker's ("GitHub Models", "Together AI"), which a catalog's key
for it may leave out ("API" is not one: "meta-llama" is the model's maker, not Meta's Llama API)."""
_GENERIC_FOLDERS = frozenset({"configs", "config", "data", "catalog", "catalogs", "definitions"})
"""Folders a providers directory may hold its providers' files in, naming no provider."""
_CODE_WORDS = frozenset({"adapter", "provider", "client", "config", "configs", "handler", "connector", "driver", "service"})
"""Words a provider's code file adds to the provider's name."""


def model_ids(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Each recorded provider model id (case folded) and the providers that serve under it."""
    out: dict[str, set[str]] = {}
    for path in kb.paths("providers"):
        fp = FactPath.parse(path)
        value = kb.get(path).value
        if fp.provider is not None and fp.leaf == "model_id" and isinstance(value, str):
            out.setdefault(value.casefold(), set()).add(fp.provider)
    return out


def entry_provider(provider: str | None, texts: list[str], ids: dict[str, set[str]]) -> str | None:
    """The provider of an entry: the catalog's, refined by the longest recorded model id the entry
    names when that id belongs to one provider of the catalog provider's family (its key, or a key
    that extends it: ``meta_llama_api_cerebras``); without a catalog provider, the provider a
    model id belongs to alone ("@cf/meta/…", "accounts/fireworks/models/…")."""
    if provider == UNKNOWN_PROVIDER:
        return provider
    if provider is not None and any(_WINDOWED.search(t) for t in texts):
        return UNKNOWN_PROVIDER  # "…-Instruct-64k": an endpoint cut to a window of its own, which no record holds
    body = "\n".join(texts).casefold()
    named = [i for i in ids if re.search(rf"(?<!{_ID_CHARS}){re.escape(i)}(?!{_ID_CHARS})", body)]
    named = [i for i in named if not any(i != j and i in j for j in named)]  # the longest ids only
    owners = {p for i in named for p in ids[i]}
    if provider is not None:
        family = {p for p in owners if p == provider or p.startswith(provider + "_")}
        return next(iter(family)) if len(family) == 1 else provider
    return next(iter(owners)) if len(owners) == 1 else None


def entry_heads(headings: tuple[str, ...]) -> list[str]:
    """The headings that may name an entry's model: the innermost one when it has no space (a model
    id as a key), and the one above it too when the innermost is a plain key the rows are nested in
    (``llama-4-scout-17b-16e-instruct:`` over ``pricing:``)."""
    inner = headings[-2:] if headings and _PLAIN_KEY.fullmatch(headings[-1].strip()) else headings[-1:]
    return [h for h in inner if h.strip() and " " not in h.strip()]


_PLAIN_KEY = re.compile(r"[a-z]+(?:_[a-z]+)*")
"""A config key in plain lower-case words (``pricing``, ``rate_limits``): a group of rows, no model."""


_BORROWED_ROW = re.compile(r"""(?i)(?<![\w-])["']?[\w.-]*tokeni[sz]er[\w.-]*["']?\s*[:=]\s*(?:"[^"]*"|'[^']*'|[^\s,]+),?""")
"""A row naming the tokenizer an entry borrows ("tokenizer_name: meta/llama-4-scout-17b-16e-instruct" in
Maverick's entry): the model it names is the tokenizer's, not the entry's."""


def borrowed_row(text: str) -> bool:
    """Whether ``text`` is a row naming the tokenizer its entry uses (see :data:`_BORROWED_ROW`)."""
    return bool(_BORROWED_ROW.fullmatch(text.strip().lstrip("- ")))


def own_rows(block: str) -> str:
    """An entry's rows without those naming a tokenizer it borrows: the rows that say which model and
    service the entry is."""
    return _BORROWED_ROW.sub("", block)


def entry_variant(lex: Lexicon, texts: list[str]) -> str | None:
    """The one Llama 4 variant an entry names (its path, its key or its rows), naming no other model."""
    found: set[str] = set()
    for text in texts:
        parsed = lex.parse(re.sub(r"[-_/.:@]+", " ", text))
        if other_model(parsed):
            return None
        found |= {t["target"] for t in ents(parsed, "variant") if t["target"] in LLAMA4}
    return next(iter(found)) if len(found) == 1 else None


def settle(st: Statement, provider: str | None, variant: str | None) -> Statement:
    """A statement of a catalog row, with the entry's provider for a served limit (the model's own
    tier for a release date or cutoff) and the entry's model bound as firmly as a heading, in place
    of a variant bound too weakly to be contradicted (the same variant or none; never over a
    variant the row's own text names, nor when another model leads it)."""
    attrs = {str(a["id"]) for a in st.attributes}
    if st.value.day is not None:
        st = st._replace(provider=None)  # release_date, knowledge: the model's
    elif provider is not None and (attrs & SERVED or "usd_per_million_tokens" in st.units):
        st = st._replace(provider=provider, provider_from="entry")
    weak = RANK[st.variant_from] < CONTRADICT_FROM  # a title, an earlier sentence or nothing named it
    if variant is not None and weak and st.variant in (None, variant) and not st.other_model:
        st = st._replace(variant=variant, variant_from="entry")
    return st


_KEY = re.compile(r"""^\s*["']?([A-Za-z_@][\w./@:-]*)["']?\s*[:=]""")
_MONEY = frozenset({"cents", "cent", "cost", "costs", "price", "prices", "pricing", "usd", "dollar", "dollars"})
_SIDES = {"input": "input", "prompt": "input", "output": "output", "completion": "output"}
_ENDS = {"in": "input", "out": "output"}
"""A price key's side as its last word ("cost_per_1m_in", "cost_per_1m_out")."""
_PER = {
    "token": 1e6,
    "tokens": 1e6,
    "tok": 1e6,
    "million": 1.0,
    "1m": 1.0,
    "m": 1.0,
    "mtok": 1.0,
    "thousand": 1e3,
    "1k": 1e3,
    "k": 1e3,
}
_PER_TOKEN = (1e-9, 1e-5)
"""The figures a price key with no scale ("input_cost": 0.0000004) can only mean per token: $0.001 to
$10 a million tokens, where a thousand tokens' price would be under a cent a million. A larger
figure ("output_price: 7", "input_price: 0.18") may be a price per thousand or per million tokens
(a thousand tokens cost up to $0.12 when they were priced so): not checkable."""
_PLAIN = frozenset({*_MONEY, *_SIDES, *_PER, *_ENDS, "per", "usd"})
"""The words of a price key whose meaning is certain; any other ("batches", "cache_read") leaves it unclear."""


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Z][a-z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[0-9][A-Z])(?=[A-Z][a-z])")
"""Where a camel-case key's words meet: a capital or a count after a small letter, and a word
after a count with its unit or an acronym ("CostPer1MOut": cost, per, 1m, out; "maxTPM": max, tpm)."""


def key_words(row: str) -> list[str]:
    """The words of a catalog row's key ("input_cents_per_million_tokens", "outputCostPerToken",
    "CostPer1MOut")."""
    m = _KEY.match(row)
    if m is None:
        return []
    key = _CAMEL.sub("_", m.group(1).rsplit(".", 1)[-1])
    return [w for w in re.split(r"[_\-./@:]+", key.casefold()) if w]


_PROSE = re.compile(r"""\s*["'`][^"'`]*\s[^"'`]*""")
"""A key's value that is a quoted sentence (it has a space), not a figure."""
_FILLER = frozenset({"max", "maximum", "min", "num", "n", "number", "total", "default", "value", "size", "count", "model"})
"""Words of a key that say nothing about which figure it holds."""


def unread_key(row: str, lex: Lexicon) -> list[str]:
    """The words of a row's key the vocabulary does not read (``cents`` in "input_cents_per_million_tokens"
    before money keys were read): the checker cannot tell with certainty what the figure under it is.
    A key that is only "top_k" counts too: in a config or client it is the sampling setting (keep the
    k likeliest tokens), not the experts a token is routed to, which a model's own config names
    ("num_experts_per_tok", "moe_top_k")."""
    key = _KEY.match(row)
    if key is None or money_key(row):  # (a money key is read whole by priced, or left not checkable)
        return []
    if _PROSE.match(row[key.end() :]):  # 'description: "… 128K context."': a sentence under a key is read by its own words
        return []
    if [w for w in key_words(row) if w not in _FILLER] == ["top", "k"]:  # "top_k: 40", "DEFAULT_TOP_K": sampling
        return ["top_k"]
    return [w for w in lex.parse(" ".join(key_words(row))).rest if w not in _FILLER and not w.isdigit()]


_PARENT = re.compile(r"""["']?([A-Za-z_][\w-]*)["']?\s*:\s*(?:\[\s*)?\{[^{}\[\]]*$""")
"""The key of the object a row sits in, read back from the row ('"cost_per_1m_tokens": { "input": 0.5,'), or of
the list of such objects ('pricing: [ { threshold: 0, input: 0.00000017,')."""


def nested_row(row: str, block: str | None, heading: str = "") -> str:
    """A row whose key is only a side ("input", "output") read with the key of the object it sits
    in when that key names money ('"cost_per_1m_tokens": {"output": 0.77}' as
    "cost_per_1m_tokens_output: 0.77"); any other row as it is. ``heading`` is the innermost
    heading over the block: a mapping's key read as one ("pricing:" over its indented rows). A
    money key with a side and no scale of its own ("inputCost") is read per the count of tokens its
    object's unit row gives ('unit: "1M tokens"'), as is a side row's."""
    key = _KEY.match(row)
    words = key_words(row)
    if key is None or not block or not words:
        return row
    sided = set(words) <= set(_SIDES)
    priced_side = not sided and money_key(row) and "per" not in words and bool(set(words) & set(_SIDES))
    if not (sided or priced_side):
        return row
    at = block.find(row.strip())
    parent = _PARENT.search(block[:at]) if at > 0 else None
    if parent is None:
        return _indented_row(row, key, block, at, heading) if sided else row
    if not money_key(f"{parent.group(1)}:"):
        return row
    tokens = _object_unit(block, parent.start(), at)
    per = f"_per_{tokens}" if tokens else ""
    if priced_side:  # "pricing: { unit: "1M tokens", inputCost: 0.5": the key, priced per the object's unit
        return f"{key.group(1)}{per}{row[key.end() - 1 :]}" if per else row
    return f"{parent.group(1)}_{key.group(1)}{per}{row[key.end() - 1 :]}"


_TOKEN_UNIT = re.compile(
    r"""(?i)(?<![\w-])["']?unit["']?\s*:\s*["'](?:per\s+)?(\d+)?\s*(k|m|thousand|million)?\s*tok(?:en)?s?["']"""
)
"""An object's unit row written as a count of tokens ('unit: "1M tokens"', '"unit": "per 1K tokens"')."""
_UNIT_SCALE = {"k": 1000, "thousand": 1000, "m": 1_000_000, "million": 1_000_000}


def _object_unit(block: str, start: int, at: int) -> int | None:
    """The count of tokens a price object's unit row gives (1,000,000 for 'unit: "1M tokens"'), read
    between the object's key at ``start`` and its closing brace after the row at ``at``; None when it
    gives none."""
    end = block.find("}", at)
    found = _TOKEN_UNIT.search(block, start, end if end >= 0 else len(block))
    if found is None or not (found.group(1) or found.group(2)):
        return None
    return int(found.group(1) or 1) * _UNIT_SCALE.get((found.group(2) or "").casefold(), 1)


_MAPPING = re.compile(r"""(?<![\w-])([A-Za-z_][\w-]*)\s*:(?=\s*(?:[A-Za-z_][\w-]*\s*:|$))""")
"""A key with no value of its own: the head of a mapping ("pricing:" over "input: '0.05'")."""
_ROW_KEY = re.compile(r"""(?<![\w-])([A-Za-z_][\w-]*)\s*:""")
_UNIT_ROW = re.compile(r"""(?<![\w-])unit\s*:\s*["']?(\d[\d.eE-]*)["']?""")


def _indented_row(row: str, key: re.Match[str], block: str, at: int, heading: str = "") -> str:
    """A side row of a YAML money mapping ("pricing:" over "  output: '0.1'", its sibling rows
    only sides, a unit or a currency) read with the mapping's key and the scale its sibling "unit"
    row gives (the price of 1/``unit`` tokens: '0.000001' makes it per million, '0.0001' per ten
    thousand; no unit, or one that is no whole count's inverse, leaves the price not checkable);
    any other row as it is."""
    before = block[:at]
    head = next(reversed(list(_MAPPING.finditer(before))), None)
    name, since = (head.group(1), head.end()) if head else (heading.strip(), 0)  # ("pricing:" read as the heading)
    if (head is None and not _PLAIN_KEY.fullmatch(name)) or not money_key(f"{name}:"):
        return row
    between = {m.group(1).casefold() for m in _ROW_KEY.finditer(before, since)}
    if not between <= {*_SIDES, "unit", "currency"}:
        return row
    found = _UNIT_ROW.search(block, since)
    unit = float(found.group(1)) if found else 0.0
    tokens = round(1 / unit) if 0 < unit <= 1 else 0
    per = f"per_{tokens}" if tokens and abs(tokens * unit - 1) < 1e-9 else "scaled"  # (a whole count of tokens)
    return f"{name}_{key.group(1)}_{per}{row[key.end() - 1 :]}"  # ("scaled": a unit not read, not checkable)


_PARAM = re.compile(
    r"""^(\s*)["']?\w+["']?\s*:\s*\[?\s*\{\s*["']key["']\s*:\s*["']([\w.-]+)["']\s*,\s*["']max(?:_?value)?["']\s*:\s*""", re.I
)
"""A parameter described as an object: '"params": [{ "key": "max_tokens", "maxValue": 16384 }]'."""


def keyed_param(text: str) -> str:
    """A row that describes a parameter by its name and its largest value ('"params": [{ "key":
    "max_tokens", "maxValue": 16384 }]') as the row of that key ('"max_tokens":          16384'),
    the value at the same offset; any other row as it is."""
    m = _PARAM.match(text)
    head = f'{m.group(1)}"{m.group(2)}": ' if m else ""
    return head.ljust(m.end()) + text[m.end() :] if m and len(head) <= m.end() else text


def money_key(row: str) -> bool:
    """Whether a row's key names money ("prompt_cents_per_mtok", "inputCostPerToken")."""
    words = key_words(row)
    per = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "per"]
    return bool(_MONEY & set(words)) or bool({"token", "tokens", "tok"} & set(per))  # (tokens per minute: a rate)


def priced(st: Statement, row: str, attributes: dict[str, dict[str, object]]) -> Statement:
    """A value under a key that names money ("output_cents_per_million_tokens": 60,
    "input_cost_per_token": 1.1e-7) read in the key's own unit, as US dollars per million tokens
    of input or output; a money key whose scale, side or other words the checker cannot read with
    certainty (no "per …", "cost_per_token_batches") makes the value not checkable, never
    contradicted. A key that ends in tokens ("max_input_tokens") counts tokens; any other key leaves
    the statement as it was read."""
    words = key_words(row)
    if {"second", "sec", "minute", "min", "hour"} & set(words[words.index("per") + 1 :] if "per" in words else ()):
        return st._replace(firm=False)  # "speed_tokens_per_second", "tokens_per_minute": a rate, no limit or price
    if st.value.day is None and not money_key(row) and not st.units and {"tokens", "tok"} & set(words):
        # "max_input_tokens: 128000": a count of tokens, never a price, and a limit someone serves
        served = bool({"input", "output", "completion", "prompt", "max", "maximum"} & set(words))
        st = st._replace(firm=st.firm and "default" not in words)  # "default_max_tokens": a client's setting, no limit
        return st._replace(units=("tokens",), provider=st.provider or (UNKNOWN_PROVIDER if served else None))
    if not money_key(row) or st.value.day is not None:
        return st
    after = words[words.index("per") + 1] if "per" in words and words.index("per") + 1 < len(words) else None
    scale = _PER.get(after) if after else None
    if after and after.isdigit() and int(after):  # "pricing_input_per_10000": a price of that many tokens
        scale, words = 1e6 / int(after), [w for w in words if w != after]
    sides = {_SIDES[w] for w in words if w in _SIDES} | ({_ENDS[words[-1]]} if words[-1] in _ENDS else set())
    price = attributes.get("price")
    if after is None and scale is None and st.value.high == 0:
        scale = 1.0  # "input_price: 0": free, at any scale
    elif after is None and scale is None and _PER_TOKEN[0] <= st.value.low <= st.value.high < _PER_TOKEN[1]:
        scale = 1e6  # "input_cost": 0.0000004: a figure only a price per token can be
    if scale is None or len(sides) != 1 or not set(words) <= _PLAIN or price is None:
        return st._replace(firm=False, attributes=(price,) if price else st.attributes, units=("usd_per_million_tokens",))
    factor = scale * (0.01 if {"cents", "cent"} & set(words) else 1.0)
    v = st.value
    # prices are quoted to a tenth of a cent per million: a float's tail ("0.0000015000300000000002") is noise
    value = v._replace(low=v.low * factor, high=v.high * factor, step=max(v.step * factor, 0.001))
    side = attributes[next(iter(sides))]
    return st._replace(value=value, attributes=(price, side), units=("usd_per_million_tokens",), firm=True)
