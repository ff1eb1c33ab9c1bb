"""The shapes of the deployment answers: provider offers, context limits, memory plans, engines, stale records."""

from __future__ import annotations

from typing import Any

from typing_extensions import TypedDict

from llama4ref.store.shapes.core import Bound, FactJSON


class ClaimJSON(TypedDict):
    """A value as known on the `--as-of` date (today by default)."""

    value: Any
    bound: Bound
    rank: str
    known_from: str | None
    """The date from which the records know this value."""
    sources: list[str]


class PriceJSON(TypedDict):
    input: float | None
    output: float | None


class OfferJSON(TypedDict):
    """One provider's serving of one variant."""

    provider: str
    variant: str
    provider_name: str
    model_id: str | None
    context: ClaimJSON | None
    context_kind: str | None
    max_output: ClaimJSON | None
    precision: str | None
    price_per_million: PriceJSON
    """US dollars per million tokens."""
    conflicting_values: int
    """How many alternative values (sources that disagree) the offer's facts hold."""
    last_dated: str | None
    """The newest date a citation of the offer's values gives (its `as_of`, else its source's
    publication date), up to the `--as-of` date: the `newest source` column."""
    deprecation_date: str | None
    deprecated: bool
    """The deprecation date has passed on the as-of date, or the provider's status then says deprecated."""
    context_caveat: str | None
    """Set when the served context is only a catalog's copy of the model's nominal limit."""
    paths: list[str]
    sources: list[str]
    """Every source behind the values shown (context, price, precision, model id, dates)."""


class RuntimeLimitJSON(TypedDict):
    engine: str
    variant: str
    hardware: str
    facts: dict[str, FactJSON]


class ContextJSON(TypedDict):
    """A variant's context limits: the model's, each provider's, each engine's."""

    variant: str
    model: list[FactJSON]
    provider: list[OfferJSON]
    runtime: list[RuntimeLimitJSON]


class MemoryLineJSON(TypedDict):
    name: str
    bytes: int
    gb: float
    formula: str


class ContextFitJSON(TypedDict):
    gpus: int
    context: int


class MemoryPlanJSON(TypedDict):
    """A memory estimate: weights and KV cache, line by line, with formulas."""

    variant: str
    precision: str
    context: int
    batch: int
    kv_dtype: str
    kv_layout: str
    weights: list[MemoryLineJSON]
    kv_cache: list[MemoryLineJSON]
    weight_gb: float
    kv_gb: float
    total_gb: float
    gpu: str | None
    gpu_gb: float | None
    usable_fraction: float
    gpus_needed: int | None
    """The fewest GPUs whose memory holds the plan (null without a GPU)."""
    gpus_deployable: int | None
    """``gpus_needed`` rounded up to a count the model can be split over: a tensor-parallel degree, or whole nodes."""
    parallel_degrees: list[int]
    """The tensor-parallel degrees within one 8-GPU node: counts dividing the attention and KV heads evenly."""
    offload_gb: float
    fits_one_gpu: bool | None
    gpus: int
    """The GPU count ``fits`` is about (``--gpus``)."""
    fits: bool | None
    """Whether ``gpus`` GPUs (plus the offload) hold the plan (null without a GPU)."""
    default_window: int | None
    """The model's window when the context was left to default to it, else null."""
    context_fit: ContextFitJSON | None
    """When the plan does not fit and its context's KV cache (the context given or the default window) costs GPUs
    beyond the weights': the largest context that fits ``gpus``."""
    inputs: dict[str, Any]
    assumptions: list[str]


class StaleJSON(TypedDict):
    path: str
    last_dated: str | None
    """The newest date a citation of the fact's preferred value gives (as `providers` dates offers)."""
    age_days: int | None


class EngineFactJSON(TypedDict):
    aspect: str
    key: str
    dated: str | None
    fact: FactJSON


class EngineJSON(TypedDict):
    id: str
    name: str
    facts: list[EngineFactJSON]
