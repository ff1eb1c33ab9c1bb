"""Deployment views: the three tiers of context limits, provider offers, runtime limits, freshness.

The tiers are never mixed:

* **model** — what Meta states and configures (``<variant>.context_window.*``);
* **provider** — what a hosted API serves (``providers.<provider>.<variant>.*``);
* **runtime** — what a self-hosted engine reaches on given hardware
  (``runtime.<engine>.<variant>.<hardware>.*``).

``as_of`` answers with what the records show was known on a date: a claim counts from the
earliest date its citations give (``as_of``, else the source's publication date).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from llama4ref.errors import UnknownIdError
from llama4ref.paths import LAYOUTS, FactPath
from llama4ref.store.answers import Alternative, Citation, Fact
from llama4ref.store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from collections.abc import Mapping

    from llama4ref.records.models.common import Bound
    from llama4ref.store.shapes.deploy import ContextJSON, OfferJSON, RuntimeLimitJSON, StaleJSON

CONTEXT_KEYS = (("context.max_input", "input"), ("context.total", "total"))


@dataclass(frozen=True)
class DatedValue:
    """One value of a fact (preferred or alternative) with its dates."""

    value: Any
    bound: Bound
    rank: str
    citations: tuple[Citation, ...]
    known_from: date | None
    reason: str | None = None


def dated_values(kb: KnowledgeBase, fact: Fact) -> list[DatedValue]:
    """The preferred value and every alternative, each dated by its citations."""

    def known(cits: tuple[Citation, ...] | list[Citation]) -> date | None:
        dates = [cited_on(kb, c) for c in cits]
        real = [d for d in dates if d is not None]
        return min(real) if real else None

    out = [DatedValue(fact.value, fact.bound, "preferred", fact.citations, known(fact.citations))]
    alt: Alternative
    for alt in fact.alternatives:
        out.append(DatedValue(alt.value, alt.bound, alt.rank, tuple(alt.citations), known(alt.citations), alt.reason))
    return out


_RANK_ORDER = {"preferred": 0, "alternative": 1, "rounded": 2, "superseded": 3, "disputed": 4, "deprecated": 5}


def value_as_of(kb: KnowledgeBase, fact: Fact, when: date | None) -> DatedValue | None:
    """The claim to show for ``when`` (None = today: the preferred value)."""
    all_claims = dated_values(kb, fact)
    if when is None:
        return all_claims[0]
    known = [c for c in all_claims if c.known_from is not None and c.known_from <= when]
    if not known:
        return None
    if known[0].rank == "preferred":
        return known[0]
    trusted = [c for c in known if c.rank not in ("disputed", "deprecated")]
    pool = trusted or known
    return max(pool, key=lambda c: (c.known_from, -_RANK_ORDER.get(c.rank, 9)))


@dataclass
class Offer:
    """One provider's serving of one variant."""

    provider: str
    variant: str
    provider_name: str
    model_id: str | None
    context: DatedValue | None
    context_kind: str | None
    context_path: str | None
    max_output: DatedValue | None
    precision: str | None
    price_input: float | None
    price_output: float | None
    conflicts: int
    last_dated: date | None
    paths: list[str] = field(default_factory=list)
    deprecation_date: date | None = None
    """When the provider deprecated (or will deprecate) this model, as known on the as-of date."""
    context_caveat: str | None = None
    """Set when the served context is only a catalog's copy of the model's nominal limit."""
    deprecated: bool = False
    """True when the provider's deprecation date (as known on the as-of date, today by default) has
    passed by then, or its status then says deprecated. Sources use "deprecated" for different
    things (Azure: no new deployments; Cerebras: the endpoint ended); see the record's note."""
    sources: list[str] = field(default_factory=list)
    """Every source behind the values shown: each fact's citations and the shown context claim's."""

    @property
    def listed_free(self) -> bool:
        """Whether the sources list the offer at a price of 0: input 0, and output 0 or not stated.
        Says nothing of rate limits, quotas or terms of use."""
        return self.price_input == 0 and self.price_output in (0, None)

    def to_json(self) -> OfferJSON:
        def claim(c: DatedValue | None) -> Any:
            if c is None:
                return None
            return {
                "value": c.value,
                "bound": c.bound,
                "rank": c.rank,
                "known_from": str(c.known_from) if c.known_from else None,
                "sources": sorted({x.source for x in c.citations}),
            }

        return {
            "provider": self.provider,
            "variant": self.variant,
            "provider_name": self.provider_name,
            "model_id": self.model_id,
            "context": claim(self.context),
            "context_kind": self.context_kind,
            "max_output": claim(self.max_output),
            "precision": self.precision,
            "price_per_million": {"input": self.price_input, "output": self.price_output},
            "conflicting_values": self.conflicts,
            "last_dated": str(self.last_dated) if self.last_dated else None,
            "deprecation_date": str(self.deprecation_date) if self.deprecation_date else None,
            "deprecated": self.deprecated,
            "context_caveat": self.context_caveat,
            "paths": self.paths,
            "sources": self.sources,
        }


def _groups(kb: KnowledgeBase, area: str) -> dict[tuple[str, ...], list[str]]:
    """Paths under ``area`` that hold a key, grouped by the segments the grammar names there
    (:data:`llama4ref.paths.LAYOUTS`: provider and variant; engine, variant and hardware)."""
    out: dict[tuple[str, ...], list[str]] = {}
    for path in kb.paths(area, derived=False):
        fp = FactPath.parse(path)
        if fp.key:
            out.setdefault(fp.segments[: len(LAYOUTS[area])], []).append(path)
    return out


def newest_source(kb: KnowledgeBase, paths: list[str], until: date | None = None) -> date | None:
    """How fresh the values at ``paths`` are: the newest date any citation of a preferred value
    gives (its ``as_of``, else its source's publication date), up to ``until`` when given.

    The one freshness date of ``providers`` ("newest source"), ``stale`` and the offers' JSON
    ``last_dated``; a citation's own date is what ``get`` prints as "(as of …)" beside it, and
    ``--as-of`` views date a value by when it was first known (:func:`dated_values`).
    """
    dates = [c.as_of or kb.source(c.source).version.published for p in paths for c in kb.get(p).citations]
    real = [d for d in dates if d is not None and (until is None or d <= until)]
    return max(real) if real else None


def cited_on(kb: KnowledgeBase, citation: Citation) -> date | None:
    """The date a citation counts from: its ``as_of``, else its source's publication date."""
    return citation.as_of or kb.source(citation.source).version.published


def _sources(kb: KnowledgeBase, paths: list[str], shown: list[DatedValue], as_of: date | None) -> list[str]:
    """The sources behind an offer: every fact's citations today; on ``as_of``, those of the claims
    shown that were dated by then."""
    if as_of is None:
        return sorted({c.source for p in paths for c in kb.get(p).citations} | {c.source for s in shown for c in s.citations})
    return sorted({c.source for s in shown for c in s.citations if (d := cited_on(kb, c)) is not None and d <= as_of})


def _number(claim: DatedValue | None) -> float | None:
    value = claim.value if claim is not None else None
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


ENDED_STATUSES = frozenset({"deprecated", "retired", "removed"})
"""Values of a provider record's ``status`` fact that mean the offer has ended."""


PROVIDER_ALIASES = {
    "aws": "bedrock",
    "amazon": "bedrock",
    "microsoft": "azure_ai_foundry",
    "google": "vertex_ai",
    "gcp": "vertex_ai",
    "meta": "meta_llama_api",
    "ibm": "watsonx",
    "oracle": "oci",
    "nim": "nvidia_nim",
}
"""Everyday names for providers whose key and provider name do not contain them (matched whole)."""


def display_names(kb: KnowledgeBase) -> dict[str, str]:
    """Provider key → the display name its records give (a sheet's ``name``: cited where a source
    writes it), for the providers whose catalog name is a slug (LiteLLM's ``lambda_ai``, ``oci``) or
    a bare brand (models.dev's ``Llama`` for Meta's API). ``get providers.<key>.<variant>.provider_name``
    keeps the catalog's cited name."""
    return {s.subject.split(".")[1]: s.name for s in kb.sheets() if s.kind == "providers" and s.name}


def provider_name(names: Mapping[str, str], key: str, recorded: str | None) -> str:
    """The name an offer shows for provider ``key``: its records' display name (``names``, from
    :func:`display_names`), else the recorded (cited) catalog name, else the key."""
    return names.get(key) or recorded or key


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def provider_keys(kb: KnowledgeBase, text: str) -> set[str]:
    """The provider keys ``text`` names: a key, a displayed provider name or an alias, any case, or part of one.

    Raises :class:`UnknownIdError` (with suggestions) when it names none.
    """
    names: dict[str, set[str]] = {}
    displayed = display_names(kb)
    for path in kb.paths("providers"):
        fp = FactPath.parse(path)
        key = str(fp.provider)
        names.setdefault(key, {_squash(key), _squash(provider_name(displayed, key, None))})
        if fp.leaf == "provider_name":
            names[key].add(_squash(str(kb.get(path).value)))
    wanted = _squash(text)
    alias = PROVIDER_ALIASES.get(wanted)
    found = {k for k, ns in names.items() if wanted and (k == alias or any(wanted in n for n in ns))}
    if not found:
        shown = {str(kb.get(p).value) for p in kb.paths("providers") if FactPath.parse(p).leaf == "provider_name"}
        raise UnknownIdError("provider", text, sorted(shown | set(names)))  # the error offers the closest
    return found


def offers(
    kb: KnowledgeBase,
    variant: str | None = None,
    provider: str | None = None,
    min_context: int | None = None,
    as_of: date | None = None,
    current: bool = False,
) -> list[Offer]:
    """Provider records, filtered; each value is the one known on ``as_of`` (default: today's preferred).

    An offer whose provider deprecation date has passed by ``as_of`` (or today) is ``deprecated``
    (as far as the sources known on that date say); ``current`` leaves those offers out.
    """
    reference = as_of or date.today()
    wanted = kb.variant_id(variant) if variant else None
    keys = provider_keys(kb, provider) if provider is not None else None
    displayed = display_names(kb)
    out: list[Offer] = []
    for (prov, vid), paths in sorted(_groups(kb, "providers").items()):
        if (wanted and vid != wanted) or (keys is not None and prov not in keys):
            continue
        base = f"providers.{prov}.{vid}"

        def get(key: str, base: str = base, paths: list[str] = paths) -> Fact | None:
            return kb.get(f"{base}.{key}") if f"{base}.{key}" in paths else None

        def at(key: str) -> DatedValue | None:
            fact = get(key)
            return value_as_of(kb, fact, as_of) if fact is not None else None

        ctx, kind, ctx_path = None, None, None
        for key, k in CONTEXT_KEYS:
            fact = get(key)
            if fact is not None:
                ctx, kind, ctx_path = value_as_of(kb, fact, as_of), k, fact.path
                break
        offered = [p for p in paths if FactPath.parse(p).key != "provider_name"]  # the name is a label, not an offer
        if as_of is not None and not any(value_as_of(kb, kb.get(p), as_of) for p in offered):
            continue  # nothing about this offer was known yet
        if min_context is not None and (ctx is None or not isinstance(ctx.value, int) or ctx.value < min_context):
            continue
        name = get("provider_name")
        mid, prec, pin, pout = at("model_id"), at("precision"), at("price.input"), at("price.output")
        conflicts = sum(len(kb.get(p).alternatives) for p in paths)
        dep_claim = at("deprecation_date")
        deprecation = date.fromisoformat(str(dep_claim.value)) if dep_claim else None
        status = at("status")
        deprecated = (deprecation is not None and deprecation <= reference) or (
            status is not None and str(status.value) in ENDED_STATUSES
        )
        if current and deprecated:
            continue
        shown = [c for c in (ctx, at("context.max_output"), mid, prec, pin, pout, dep_claim, status) if c is not None]
        out.append(
            Offer(
                prov,
                vid,
                provider_name(displayed, prov, str(name.value) if name else None),
                str(mid.value) if mid else None,
                ctx,
                kind,
                ctx_path,
                at("context.max_output"),
                str(prec.value) if prec else None,
                _number(pin),
                _number(pout),
                conflicts,
                newest_source(kb, paths, as_of),
                paths,
                deprecation,
                _nominal_copy(kb, vid, ctx),
                deprecated,
                _sources(kb, paths, shown, as_of),
            )
        )
    return out


def _first_known(kb: KnowledgeBase, offer: Offer) -> date | None:
    """The earliest date any claim about ``offer`` (other than its provider's name) counts from."""
    dates = [
        c.known_from
        for p in offer.paths
        if FactPath.parse(p).key != "provider_name"
        for c in dated_values(kb, kb.get(p))
        if c.known_from
    ]
    return min(dates) if dates else None


def _released(kb: KnowledgeBase, variant: str) -> date | None:
    """The release date the records give ``variant`` (None without a recorded one)."""
    try:
        return date.fromisoformat(str(kb.get(f"{kb.variant_id(variant)}.release_date").value))
    except (UnknownIdError, ValueError):
        return None


def why_no_offers(
    kb: KnowledgeBase,
    variant: str | None = None,
    provider: str | None = None,
    min_context: int | None = None,
    as_of: date | None = None,
    current: bool = False,
) -> str:
    """One sentence saying why :func:`offers` with these filters found nothing: which filter
    left nothing, and what the nearest thing the records hold is."""
    what = f"{kb.variant_id(variant)} offer" if variant else "offer"
    if provider is not None:
        what += f" from {provider}"
    every = offers(kb, variant, provider)
    if not every:
        return f"no {what} is recorded"
    dated = offers(kb, variant, provider, as_of=as_of) if as_of is not None else every
    if not dated:  # what the records cover, not a claim that nothing was served then
        firsts = sorted((d, o.provider_name, o.variant) for o in every if (d := _first_known(kb, o)) is not None)
        if not firsts:
            return f"no {what} in the records carries a date"
        first, name, var = firsts[0]
        released = _released(kb, variant) if variant is not None else None
        if variant is not None and released is not None and as_of is not None and as_of < released:
            return f"{kb.variant_id(variant)} was released on {released}, after {as_of} (the records' earliest {what} is dated {first})"
        return (
            f"the records' earliest {what} is dated {first} ({name}, {var}), after {as_of}: an offer counts from "
            "the date its source gives (a citation's as-of date, else the source's publication date), not from "
            f"when it began, so this does not mean that none was served on {as_of}"
        )
    when = f" on {as_of}" if as_of is not None else ""
    if min_context is not None:
        sized = [o for o in dated if o.context is not None and isinstance(o.context.value, int)]
        served = offers(kb, variant, provider, min_context, as_of)
        if not served:
            if not sized:
                return f"no {what} records a served context{when}, so none is known to serve {min_context:,} tokens"
            top = max(sized, key=lambda o: int(o.context.value) if o.context else 0)
            longest = f"{int(top.context.value):,}" if top.context else "?"
            return f"no {what} serves at least {min_context:,} tokens{when}; the longest is {longest} ({top.provider_name}, {top.variant})"
        dated = served
    if current:
        ended = ", ".join(sorted({o.provider_name for o in dated}))
        return f"every matching {what} ({ended}) is deprecated by {as_of or date.today()}; leave out --current to see them"
    return f"no {what} matches"


SORTS = ("name", "price", "context", "output")
"""How offers can be ordered: by provider (as stored), lowest price first (input, then output),
longest served context first, largest output limit first. Offers missing the value come last.
By context, a limit only catalogs state and that equals the model's nominal one
(:attr:`Offer.context_caveat`) is not shown to be served: such offers follow every other limit
(``providers --sort context`` and ``ask``'s "longest context" both order by this one rule)."""


def sort_offers(found: list[Offer], by: str) -> list[Offer]:
    """``found`` ordered by ``by`` (one of :data:`SORTS`); ties keep the provider order."""
    if by not in SORTS:
        raise ValueError(f"cannot sort offers by {by!r}; expected one of {', '.join(SORTS)}")

    def price(value: float | None) -> float:
        return float("inf") if value is None else value

    def amount(claim: DatedValue | None) -> float:
        return float(claim.value) if claim is not None and isinstance(claim.value, int | float) else -1.0

    if by == "price":
        return sorted(found, key=lambda o: (price(o.price_input), price(o.price_output)))
    if by == "context":  # served limits first, catalogs' copies of the nominal limit after them
        return sorted(found, key=lambda o: (o.context_caveat is not None, -amount(o.context)))
    if by == "output":
        return sorted(found, key=lambda o: -amount(o.max_output))
    return list(found)


def _nominal_copy(kb: KnowledgeBase, variant: str, ctx: DatedValue | None) -> str | None:
    """A caveat when a served context equals the model's nominal limit and only catalogs say so.

    Catalogs often copy Meta's "10M" / "1M" into provider rows; a provider's own page or a
    measurement would be needed to show the provider really serves that much.
    """
    if ctx is None or not ctx.citations or not kb.has(f"{variant}.context_window.instruct"):
        return None
    configured = kb.get(f"{variant}.context_window.instruct").as_int()
    nominal = {configured, round(configured / 2**20) * 1_000_000}
    if ctx.value not in nominal or any(kb.source(c.source).kind != "catalog" for c in ctx.citations):
        return None
    return "equals the model's nominal limit and only catalogs state it: not shown to be served"


@dataclass
class RuntimeLimit:
    engine: str
    variant: str
    hardware: str
    facts: dict[str, Fact]

    def to_json(self) -> RuntimeLimitJSON:
        return {
            "engine": self.engine,
            "variant": self.variant,
            "hardware": self.hardware,
            "facts": {k: f.to_json() for k, f in self.facts.items()},
        }


RUNTIME_DETAILS = (
    "max_context_hybrid_kv",
    "max_model_len_no_oom",
    "vllm_baseline_max_model_len_no_oom",
    "context_length_setting",
    "example_context_length",
    "example_max_model_len",
    "precision",
    "kv_cache_dtype",
    "kv_cache_dtype_option",
    "engine_min_version",
    "gpus",
)
"""The facts of a runtime record that the context view shows beside its limit, in this order."""

RUNTIME_DETAIL_WORDS = {
    "max_context_hybrid_kv": "with the hybrid KV cache",
    "max_model_len_no_oom": "largest length it starts with, without running out of memory (not a tested request)",
    "vllm_baseline_max_model_len_no_oom": "the same for the paper's vLLM baseline",
    "context_length_setting": "context length setting",
    "example_context_length": "context length in an example",
    "example_max_model_len": "max model length in a benchmark example (not a limit)",
    "precision": "precision",
    "kv_cache_dtype": "KV cache type",
    "kv_cache_dtype_option": "KV cache type (option)",
    "engine_min_version": "from engine version",
    "gpus": "uses",
}
"""How the context view names each of :data:`RUNTIME_DETAILS` (a record key is no label)."""

_HARDWARE_WORDS = {
    "multi_node": "several nodes (tensor or pipeline parallel)",
    "gpu_nvidia_quantized": "NVIDIA GPU, quantized checkpoint",
    "a100": "NVIDIA A100 GPUs",
}
"""Runtime hardware keys with no hardware record, in words."""


def runtime_limit_fact(lim: RuntimeLimit) -> Fact | None:
    """The record's context limit (``max_context``), if it states one."""
    return lim.facts.get("max_context")


def runtime_context_view(lim: RuntimeLimit) -> tuple[Fact | None, dict[str, Fact]]:
    """What the context view shows of a runtime record: its limit and the details beside it.

    A record that states no context figure at all (no token count, no context setting) has
    nothing to show there: both parts are then empty.
    """
    main = runtime_limit_fact(lim)
    details = {k: lim.facts[k] for k in RUNTIME_DETAILS if k in lim.facts}
    about_context = main is not None or any(f.unit == "tokens" or "context" in k for k, f in details.items())
    return (main, details) if about_context else (None, {})


def hardware_name(kb: KnowledgeBase, lim: RuntimeLimit) -> str:
    """The hardware a runtime record is about, by its recorded name where one exists: the record's
    own ``hardware`` fact, else ``<n> × <name>`` for a key ``<n>x<gpu>`` with a hardware record
    (or one of a few keys said in words: multi_node), else the key itself."""
    import re

    own = lim.facts.get("hardware")
    if own is not None and isinstance(own.value, str):
        return own.value
    count, key = (m.group(1), m.group(2)) if (m := re.fullmatch(r"(\d+)x([a-z0-9_]+)", lim.hardware)) else (None, lim.hardware)
    if kb.has(f"hardware.{key}.name"):
        name = str(kb.get(f"hardware.{key}.name").value)
        return f"{count} × {name}" if count else name
    if key in _HARDWARE_WORDS:
        return f"{count} × {_HARDWARE_WORDS[key]}" if count else _HARDWARE_WORDS[key]
    return lim.hardware


def fact_known_on(kb: KnowledgeBase, fact: Fact, when: date | None) -> Fact | None:
    """The fact as the records knew it on ``when``: its value then, or None if nothing was known yet."""
    if when is None:
        return fact
    claim = value_as_of(kb, fact, when)
    if claim is None:
        return None
    if claim.rank == "preferred":
        return fact
    return fact._replace(value=claim.value, bound=claim.bound, citations=claim.citations, alternatives=())


def facts_known_on(kb: KnowledgeBase, facts: list[Fact], when: date) -> tuple[list[Fact], str | None]:
    """``facts`` as the records knew them on ``when`` (``get --as-of``), with why none is shown
    when none was known yet: the date the first of their sources gave a value, or that no
    source is dated."""
    known = [f for fact in facts if (f := fact_known_on(kb, fact, when)) is not None]
    if known:
        return known, None
    firsts = [c.known_from for fact in facts for c in dated_values(kb, fact) if c.known_from is not None]
    what = facts[0].path if len(facts) == 1 else f"the {len(facts)} facts asked for"
    if not firsts:
        return [], f"no source of {what} is dated, so the records cannot say what was known on {when}"
    return [], f"nothing the records cite gave {what} by {when}; the first source to do so is dated {min(firsts)}"


def runtime_limits(kb: KnowledgeBase, variant: str | None = None, as_of: date | None = None) -> list[RuntimeLimit]:
    """Self-hosted limits by engine, variant and hardware (as known on ``as_of`` when given)."""
    wanted = kb.variant_id(variant) if variant else None
    out = []
    for (engine, vid, hw), paths in sorted(_groups(kb, "runtime").items()):
        if wanted and vid != wanted:
            continue
        facts = {FactPath.parse(p).key: fact_known_on(kb, kb.get(p), as_of) for p in paths}
        known = {k: f for k, f in facts.items() if f is not None}
        if known:
            out.append(RuntimeLimit(engine, vid, hw, known))
    return out


@dataclass
class ContextTiers:
    variant: str
    model: list[Fact]
    providers: list[Offer]
    runtime: list[RuntimeLimit]

    def to_json(self) -> ContextJSON:
        return {
            "variant": self.variant,
            "model": [f.to_json() for f in self.model],
            "provider": [o.to_json() for o in self.providers],
            "runtime": [r.to_json() for r in self.runtime],
        }


def context_tiers(kb: KnowledgeBase, variant: str, as_of: date | None = None) -> ContextTiers:
    vid = kb.variant_id(variant)
    model = [
        fact_known_on(kb, kb.get(f"{vid}.{k}"), as_of)
        for k in ("context_window.label", "context_window.instruct", "context_window.base")
        if kb.has(f"{vid}.{k}")
    ]
    served = [
        o for o in offers(kb, vid, as_of=as_of) if as_of is None or o.context is not None
    ]  # on a date: those with a context known then
    tiers = ContextTiers(vid, [f for f in model if f is not None], served, runtime_limits(kb, vid, as_of))
    if not (tiers.model or tiers.providers or tiers.runtime):
        from llama4ref.errors import UsageError

        known = sorted({fp.head for fp in map(FactPath.parse, kb.paths(derived=False)) if fp.rest == "context_window.instruct"})
        if as_of is not None:
            raise UsageError(f"the records hold nothing on {vid}'s context known by {as_of}")
        raise UsageError(f"no context records for {vid}; context limits exist for {', '.join(known)}")
    return tiers


@dataclass(frozen=True)
class StaleRecord:
    path: str
    last_dated: date | None
    age_days: int | None

    def to_json(self) -> StaleJSON:
        return {"path": self.path, "last_dated": str(self.last_dated) if self.last_dated else None, "age_days": self.age_days}


def stale_records(kb: KnowledgeBase, older_than_days: int, today: date | None = None) -> list[StaleRecord]:
    """Provider and runtime facts whose newest source (:func:`newest_source`) is older than the horizon (or undated)."""
    today = today or date.today()
    out = []
    for prefix in ("providers", "runtime"):
        for path in kb.paths(prefix, derived=False):
            last = newest_source(kb, [path])
            age = (today - last).days if last else None
            if age is None or age > older_than_days:
                out.append(StaleRecord(path, last, age))
    return out
