"""Questions across providers: who serves a variant, who is cheapest, who serves the longest context.

No one fact answers "which providers serve maverick" or "cheapest provider for scout": each
provider's record holds its own model id, prices and limits. :func:`across` reads such a
question (a word for providers, no provider named) and answers with one row per current offer
(llama4ref.domain.deploy.offers, as of today), ordered by what it asks:

* a price ("price", "cheapest", "günstigsten") — input price, then output price, lowest first
  (output price first when it asks for the output price); offers without a price last;
* a context or output limit — the served limit, highest first; by context, a catalog's copy of the
  model's nominal limit (not shown to be served) follows every other limit and carries its caveat
  (:attr:`Row.caveat`, :attr:`Listing.caveats`), as in ``providers --sort context``;
* another attribute a provider's record holds (precision, deprecation date) — that fact, by
  provider; a deprecation date is answered for ended offers too;
* otherwise, when it asks which, where or who serves — every offer's model id, by provider.

Each row keeps the facts it shows, so every value is cited. The ``providers`` command gives the
same offers with ``--current --sort``; :attr:`Listing.command` names it.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from llama4ref.domain.deploy import Offer
    from llama4ref.records.vocabulary import Parsed
    from llama4ref.store.answers import Fact
    from llama4ref.store.knowledge_base import KnowledgeBase

PROVIDER_WORDS = frozenset(
    {
        "provider", "providers", "hosts", "hosters", "api", "apis", "hosted", "endpoint", "endpoints", "vendor", "vendors",
        "anbieter", "proveedor", "proveedores", "fournisseur", "fournisseurs", "provedor", "provedores", "fornitore",
        "fornitori", "провайдер", "провайдеры", "провайдера", "penyedia", "sağlayıcı", "sağlayıcılar", "dostawca",
        "dostawcy", "مزود", "مزودي", "प्रदाता", "aanbieder", "aanbieders",
    }
)  # fmt: skip
"""Words that ask about the providers serving a model (any one of them, written whole)."""
SERVING = frozenset(
    {"serve", "serves", "serving", "host", "hosts", "hosting", "offer", "offers", "sell", "sells", "provide", "provides"}
)
"""Words that ask who serves a model, after "who" or "where" ("who serves maverick")."""
PROVIDER_PARTS = ("提供商", "服务商", "プロバイダ", "제공업체", "제공자", "nhà cung cấp", "ผู้ให้บริการ")
"""The same in scripts written without spaces, or as phrases (found anywhere in the text)."""
LOWEST = frozenset(
    {
        "cheapest", "cheaper", "lowest", "cheap", "affordable", "budget", "günstigste", "günstigsten",
        "billigste", "billigsten", "barato", "barata", "baratos", "económico", "economico", "economica", "дешевый",
        "дешёвый", "дешевле", "termurah", "murah", "ucuz", "najtańszy", "najtańsza", "goedkoopste", "أرخص", "सस्ता",
    }
)  # fmt: skip
"""Words that ask for the lowest price, where the vocabulary reads no price attribute."""
LOWEST_PARTS = (
    "最便宜",
    "最も安い",
    "一番安い",
    "가장 싼",
    "가장 저렴",
    "rẻ nhất",
    "ถูกที่สุด",
    "más barato",
    "moins cher",
    "più economico",
    "en ucuz",
)
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)


class Row(NamedTuple):
    """One provider's offer of one variant, with the facts shown for it (first: the one ranked by)."""

    provider: str  # the provider's displayed name
    variant: str
    facts: tuple[Fact, ...]
    caveat: str | None = None
    """Set when the context shown is only a catalog's copy of the model's nominal limit
    (llama4ref.domain.deploy.Offer.context_caveat): not shown to be served."""
    listed_free: bool = False
    """Set when the row shows the offer's prices and the offer is listed free
    (llama4ref.domain.deploy.Offer.listed_free)."""


class Listing(NamedTuple):
    """Current offers across providers, ordered by what a question asks."""

    pattern: str
    """The facts listed, as a path with ``*`` for the provider (``providers.*.scout.price.input``)."""
    order: str
    """How the rows are ordered, in words ("lowest input price first")."""
    rows: tuple[Row, ...]
    command: str
    """The ``providers`` command that shows the same offers in full."""
    current: bool = True
    """Whether ended offers were left out (not for a deprecation date: ended offers hold one)."""
    caveats: tuple[str, ...] = ()
    """What to know before taking a row's value as served: one sentence naming every flagged row."""
    without: tuple[str, ...] = ()
    """The providers of offers that hold none of the listed facts (an offer with no recorded price),
    so a count of rows is never read as the count of offers."""


def across(kb: KnowledgeBase, parsed: Parsed, text: str) -> Listing | None:
    """The listing that answers ``text`` when it asks about providers as a whole, else None.

    It must write a word for providers and name no provider, GPU, engine or other kind of entity
    than the variant (or the family): "cheapest provider for scout", "which providers serve maverick".
    """
    lowered = text.lower()
    words = set(_WORDS.findall(lowered))
    asks_who = bool(words & {"who", "where"} and words & SERVING)
    if not (words & PROVIDER_WORDS or asks_who or any(p in lowered for p in PROVIDER_PARTS)):
        return None
    from llama4ref.domain.deploy import offers  # the offers table: read only for a question about providers

    entities = parsed.of_kind("entity")
    if any(t.get("cls") != "variant" for t in entities):
        return None  # a provider, GPU or engine named: its own facts answer
    variants = sorted({str(t["target"]) for t in entities if t["target"] in ("scout", "maverick")})
    if len(variants) > 1 or any(t["target"] not in ("scout", "maverick", "llama-4") for t in entities):
        return None
    terms = parsed.of_kind("attribute")
    attributes = {str(t["id"]) for t in terms}
    intents = {str(t["id"]) for t in parsed.of_kind("intent")}
    variant = variants[0] if variants else None
    lowest = bool(words & LOWEST) or any(p in lowered for p in LOWEST_PARTS)
    current = "deprecation" not in attributes  # an ended offer answers when it ended
    found = offers(kb, variant, current=current)
    listing = partial(_listing, kb, found, variant, current=current)
    limit = "output" if "output" in attributes else "context" if attributes & {"context", "input"} else None
    if "price" in attributes or (lowest and limit is None):  # no provider named: every provider's price, lowest first
        if limit == "output":  # "output price across providers"
            return listing("price_output", ("price.output", "price.input"), "lowest output price first")
        return listing("price", ("price.input", "price.output"), "lowest input price first")
    if limit is not None:
        if limit == "output":
            return listing("output", ("context.max_output",), "largest output limit first")
        return listing("context", ("context.max_input", "context.total"), "longest served context first")
    asked = [t for t in terms if t["id"] not in ("model-id", "availability")]
    if asked:  # another attribute a provider's record holds ("precision", "deprecation"): that fact, by provider
        words_of = {str(w) for t in asked for w in t.get("path_words", ())}
        keys = sorted({p.rsplit(".", 1)[-1] for o in found for p in o.paths} & words_of)
        if len(keys) > 1 and len(asked) == 1:  # one attribute, several of an offer's facts: the first it names
            keys = [next(w for w in asked[0]["path_words"] if w in keys)]  # "deprecation": the date, not the floor
        return listing("name", tuple(keys), "by provider") if len(keys) == 1 else None
    if asks_who or intents & {"which", "what", "where", "options"} or words & {"list", "all"}:
        return listing("name", ("model_id", "provider_name"), "by provider")
    return None


def _listing(
    kb: KnowledgeBase, found: list[Offer], variant: str | None, by: str, keys: tuple[str, ...], order: str, *, current: bool
) -> Listing:
    """One row per offer holding a fact of ``keys``, ordered ``by`` a sort of
    llama4ref.domain.deploy.SORTS (``price_output``: output price first). A price row shows every
    key it holds; any other row the first (a context's input cap before its total; a model id
    before the provider's name)."""
    from llama4ref.domain.deploy import sort_offers

    rows: list[Row] = []
    without: list[str] = []
    for offer in sort_offers(found, "price" if by == "price_output" else by):
        base = f"providers.{offer.provider}.{offer.variant}."
        held = [base + k for k in keys if base + k in offer.paths]
        if not held:
            without.append(offer.provider_name + (f" ({offer.variant})" if variant is None else ""))
        if held:
            facts = tuple(kb.get(p) for p in held[: None if by.startswith("price") else 1])
            nominal = offer.context_caveat if by == "context" and facts[0].path == offer.context_path else None
            free = by.startswith("price") and offer.listed_free
            rows.append(Row(offer.provider_name, offer.variant, facts, nominal, free))
    if by == "price_output":
        rows.sort(key=lambda r: r.facts[0].as_float() if r.facts[0].path.endswith(keys[0]) else float("inf"))
    leaf = "context" if by == "context" else keys[0]
    flags = (" --current" if current else "") + ("" if by == "name" else f" --sort {by.split('_')[0]}")
    flagged = [r for r in rows if r.caveat]
    named = [f"{r.provider}'s {r.facts[0].display()}" + (f" ({r.variant})" if variant is None else "") for r in flagged]
    who = ", ".join(named[:-1]) + " and " + named[-1] + ": each" if len(named) > 1 else "".join(named)
    caveats = (f"{who} {flagged[0].caveat}; listed after the served limits",) if flagged else ()
    return Listing(
        f"providers.*.{variant or '*'}.{leaf}",
        order,
        tuple(rows),
        f"llama4ref providers{' ' + variant if variant else ''}{flags}",
        current,
        caveats,
        tuple(sorted(without)),
    )
