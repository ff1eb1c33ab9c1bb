"""Issue #4: three context tiers, provider records, id resolution, memory planning, freshness."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

import llama4ref
from llama4ref.domain.deploy import offers, stale_records, value_as_of
from llama4ref.domain.memory import plan
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


def test_context_shows_three_separate_tiers() -> None:
    """`context scout --json` has model, provider and runtime tiers; the nominal 10M sits only in the model tier."""
    data = json.loads(run_cli("context", "scout", "--json").stdout)["data"]
    assert {f["path"] for f in data["model"]} >= {"scout.context_window.instruct"}
    assert data["provider"] and data["runtime"]
    bedrock = next(o for o in data["provider"] if o["provider"] == "bedrock")
    assert bedrock["context"]["value"] == 3_500_000


def test_catalog_nominal_value_is_a_ranked_conflict(kb: KnowledgeBase) -> None:
    """Bedrock Scout's 10M in LiteLLM is kept, ranked disputed, behind the measured 3.5M."""
    fact = kb.get("providers.bedrock.scout.context.max_input")
    assert fact.value == 3_500_000
    assert (10_000_000, "disputed") in [(a.value, a.rank) for a in fact.alternatives]


def test_oci_documented_limits_preferred(kb: KnowledgeBase) -> None:
    """OCI's own 512K / 192K are preferred over the catalog's nominal values."""
    assert kb.get("providers.oci.maverick.context.total").value == 512_000
    assert kb.get("providers.oci.scout.context.total").value == 192_000


def test_as_of_answers_with_what_was_known(kb: KnowledgeBase) -> None:
    """As of mid-2025 the records knew Bedrock Maverick as 128K (later superseded); today it is 1,048,576."""
    fact = kb.get("providers.bedrock.maverick.context.max_input")
    then = value_as_of(kb, fact, date(2025, 7, 1))
    assert then is not None and (then.value, then.rank) == (128_000, "superseded")
    assert value_as_of(kb, fact, None).value == 1_048_576  # type: ignore[union-attr]
    assert value_as_of(kb, fact, date(2025, 1, 1)) is None


@pytest.mark.parametrize("variant", ["scout", "maverick"])
def test_as_of_before_the_first_recorded_offer_says_what_the_records_cover(kb: KnowledgeBase, variant: str) -> None:
    """`providers VARIANT --as-of` the day after its release, before the records' first dated offer,
    says what the records cover, not "No provider offers" (review19 #11: read as none existed);
    a date before the release says the model was not out yet."""
    released = date.fromisoformat(str(kb.get(f"{variant}.release_date").value))
    day = released + timedelta(days=1)
    assert not offers(kb, variant, as_of=day), "the records date an offer on release day: pick another case"
    res = run_cli("providers", variant, "--as-of", day.isoformat())
    assert res.stdout.startswith(f"No offers listed: the records' earliest {variant} offer is dated ")
    assert f"not from when it began, so this does not mean that none was served on {day}." in res.stdout
    early = run_cli("providers", variant, "--as-of", (released - timedelta(days=1)).isoformat()).stdout
    assert early.startswith(f"No offers listed: {variant} was released on {released}, after ")


def test_min_context_filter(kb: KnowledgeBase) -> None:
    """`providers --min-context` keeps only offers serving at least that many tokens."""
    found = offers(kb, "scout", min_context=1_000_000)
    assert found and all(o.context is not None and o.context.value >= 1_000_000 for o in found)
    res = run_cli("providers", "scout", "--min-context", "1000000", "--json")
    assert res.code == 0 and len(json.loads(res.stdout)["data"]) == len(found)


@pytest.mark.parametrize(
    ("ident", "variant", "precision"),
    [
        ("meta.llama4-scout-17b-instruct-v1:0", "scout", None),
        ("@cf/meta/llama-4-scout-17b-16e-instruct", "scout", None),
        ("accounts/fireworks/models/llama4-maverick-instruct-basic", "maverick", None),
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8", "maverick", "fp8"),
        ("SomeOrg/Llama-4-Scout-17B-16E-Instruct-GGUF", "scout", "mixed"),
        ("someone/llama-4-maverick-17b-128e-instruct-w4a16", "maverick", "int4"),
    ],
)
def test_resolve_known_and_parsed_ids(ident: str, variant: str, precision: str | None) -> None:
    """Provider ids and repos resolve to their variant; unknown ids are parsed by their parts."""
    res = llama4ref.resolve(ident)
    assert res.valid and res.variant == variant
    if precision:
        assert res.precision == precision


@pytest.mark.parametrize(
    "ident", ["vertex_ai/meta/llama-4-scout-17b-128e-instruct-maas", "acme/Llama-4-Maverick-17B-16E-Instruct"]
)
def test_swapped_expert_ids_are_invalid(ident: str) -> None:
    """A Scout id with 128E or a Maverick id with 16E is invalid and `resolve` exits 1."""
    assert not llama4ref.resolve(ident).valid
    assert run_cli("resolve", ident).code == 1


@pytest.mark.parametrize(
    ("ident", "family"),
    [
        ("NousResearch/Hermes-3-Llama-3.1-8B", "llama-3.1"),
        ("feeltheAGI/maverick-llama3-8B", "llama-3"),
        ("ggml-org/ultravox-v0_5-llama-3_2-1b-GGUF", "llama-3.2"),
        ("unsloth/Llama-3.3-70B-Instruct-bnb-4bit", "llama-3.3"),
    ],
)
def test_other_llama_generations_are_not_llama4(ident: str, family: str) -> None:
    """A name stating Llama 3.x is that family, names no variant and fails `resolve` (exit 1)."""
    res = llama4ref.resolve(ident)
    assert (res.family, res.variant, res.valid) == (family, None, False)
    assert run_cli("resolve", ident).code == 1
    assert run_cli("show", ident).code == 2


@pytest.mark.parametrize("ident", ["bunnycore/Maverick-8B", "deepcogito/cogito-v1-preview-llama-70B"])
def test_a_variant_word_or_a_llama_size_alone_is_not_llama4(ident: str) -> None:
    """ "Maverick" without any Llama 4 marker, or a Llama name of a non-Llama 4 size, is unknown."""
    assert run_cli("resolve", ident).code == 2


def test_sizes_that_match_no_checkpoint_are_invalid() -> None:
    """A Llama 4 name with a size no variant has (1.7B) is invalid; a Llama 4 total size alone names it."""
    small = llama4ref.resolve("inference-optimization/Llama-4-Scout-1.7B-0.4B-Instruct")
    assert not small.valid and "1.7B" in (small.reason or "")
    assert run_cli("resolve", "someone/Llama-4-Maverick-17B-128E-Instruct").code == 0
    from llama4ref.domain.resolve import parse

    total = parse("someone/finetune-llama-109B-MoE")
    assert total is not None and (total.variant, total.valid) == ("scout", True) and "109B" in (total.reason or "")


def test_llama_guard_4_is_a_separate_model() -> None:
    """Llama Guard 4 (pruned from Scout) is recognised as Llama 4 family but not as a Scout checkpoint."""
    res = llama4ref.resolve("meta-llama/Llama-Guard-4-12B")
    assert (res.family, res.variant, res.valid) == ("llama-4", None, False)
    assert "safety.system_level.llama_guard_4.*" in (res.reason or "")
    assert llama4ref.get("safety.system_level.llama_guard_4.params").value == 12_000_000_000


def test_resolve_unknown_is_usage_error() -> None:
    """An identifier that names no Llama 4 model exits 2 with suggestions."""
    assert run_cli("resolve", "gpt-4o").code == 2


def test_show_and_get_accept_resolvable_ids() -> None:
    """`show` and `get` accept any resolvable id."""
    assert run_cli("show", "accounts/fireworks/models/llama4-maverick-instruct-basic", "--json").code == 0
    assert llama4ref.get("@cf/meta/llama-4-scout-17b-16e-instruct.params.total").path == "scout.params.total"


def test_memory_reproduces_meta_claims(kb: KnowledgeBase) -> None:
    """Scout int4 fits one H100; Maverick FP8 fits one 8-GPU H100 host; Maverick BF16 does not."""
    h100 = kb.get("hardware.h100.memory_gb").as_float()
    assert plan(kb, "scout", "int4", context=8192, gpu="h100", usable_fraction=1.0).gpus_needed == 1
    assert plan(kb, "maverick", "fp8", context=8192, gpu="h100", usable_fraction=1.0).gpus_needed <= 8  # type: ignore[operator]
    assert plan(kb, "maverick", "bf16", context=8192).weight_bytes > 8 * h100 * 1e9


def test_fp8_follows_which_layers_meta_quantizes(kb: KnowledgeBase) -> None:
    """FP8 keeps the first/last layers and shared experts in BF16, so it saves less than half the expert bytes."""
    bf16 = plan(kb, "scout", "bf16", context=1).weight_bytes
    fp8 = plan(kb, "scout", "fp8", context=1).weight_bytes
    int4 = plan(kb, "scout", "int4", context=1).weight_bytes
    assert int4 < fp8 < bf16
    names = [ln.name for ln in plan(kb, "scout", "fp8", context=1).weights]
    assert "routed experts left BF16" in names and "shared experts (BF16)" in names


def test_kv_cache_hybrid_vs_full(kb: KnowledgeBase) -> None:
    """Chunk-aware caching stores the full context only on the 12 NoPE layers."""
    hybrid = plan(kb, "scout", context=1_000_000).kv_bytes
    full = plan(kb, "scout", context=1_000_000, kv_layout="full").kv_bytes
    assert 3.5 < full / hybrid < 4.0
    assert plan(kb, "scout", context=1_000_000, kv_dtype="fp8").kv_bytes == pytest.approx(hybrid / 2)


def test_memory_cli_shows_formulas() -> None:
    """`memory` prints each figure with its formula and the GPU count."""
    res = run_cli("memory", "scout", "--precision", "int4", "--context", "8192", "--gpu", "h100")
    assert res.code == 0 and "GPUs needed: 1" in res.stdout and "0.5 byte" in res.stdout
    assert run_cli("memory", "scout", "--precision", "fp4").code == 2


def test_stale_lists_old_or_undated_records(kb: KnowledgeBase) -> None:
    """`stale` lists provider/runtime facts older than the horizon; a far horizon in the past lists everything dated."""
    everything = stale_records(kb, 0, today=date(2100, 1, 1))
    assert {s.path.split(".")[0] for s in everything} == {"providers", "runtime"}
    assert len(stale_records(kb, 100_000, today=date(2026, 11, 23))) < len(everything)
    assert run_cli("stale", "--older-than", "180d", "--json").code == 0


@pytest.mark.parametrize(("ident", "precision", "packaging"), [
    ("mlx-community/meta-llama-Llama-4-Scout-17B-16E-6bit", "int6", "mlx"),
    ("someone/Llama-4-Scout-17B-16E-Instruct-abliterated-v2-GPTQ", "int4", "gptq"),
    ("mlx-community/meta-llama-Llama-4-Scout-17B-16E-fp16", "fp16", "transformers"),
    ("unsloth/Llama-4-Scout-17B-16E-Instruct-unsloth-bnb-4bit", "int4", "bnb-4bit"),
])  # fmt: skip
def test_parsed_precision_suffixes(ident: str, precision: str, packaging: str) -> None:
    """Unlisted ids get their precision and packaging from their suffixes."""
    res = llama4ref.resolve(ident)
    assert (res.precision, res.packaging) == (precision, packaging)


def test_parsed_provider_id_does_not_invent_stage_or_precision() -> None:
    """A provider-style id that names neither Instruct nor a precision is not guessed as base BF16."""
    res = llama4ref.resolve("someprovider/llama-4-maverick")
    assert (res.variant, res.stage, res.precision) == ("maverick", None, "unknown")
    base = llama4ref.resolve("someone/Llama-4-Scout-17B-16E")
    assert (base.stage, base.precision) == ("base", "bf16")


def test_context_as_of_filters_every_tier() -> None:
    """`context --as-of` filters all three tiers: on launch day the configured 10,485,760 was not yet recorded."""
    data = json.loads(run_cli("context", "scout", "--as-of", "2025-04-06", "--json").stdout)["data"]
    instruct = next(f for f in data["model"] if f["path"] == "scout.context_window.instruct")
    assert instruct["value"] == 10_000_000
    assert all(f["citations"] for f in data["model"])
    assert run_cli("context", "scout", "--as-of", "1999-01-01").code == 2


def test_context_without_records_is_one_line() -> None:
    """A model with no context records is one line on stderr and exit 2, not three empty tables."""
    res = run_cli("context", "behemoth")
    assert res.code == 2 and res.stdout == "" and "no context records for behemoth" in res.stderr


@pytest.mark.parametrize("args", [
    ("memory", "behemoth"), ("memory", "scout", "--gpu", "nosuch"), ("memory", "scout", "--gpu-memory-gb", "-1"),
    ("stale", "--older-than", "180ddd"), ("benchmarks", "--stage", "bogus"), ("audit", "--only", "nosuch"),
    ("search", ""), ("validate", "/nonexistent/facts"), ("export", "--format", "sqlite", "-o", "/nonexistent/dir/x.db"),
])  # fmt: skip
def test_bad_input_is_a_usage_error(args: tuple[str, ...]) -> None:
    """Unknown GPUs or models, malformed options, empty searches and missing paths exit 2 with one line."""
    res = run_cli(*args)
    assert res.code == 2 and res.stderr.count("\n") <= 3 and "Traceback" not in res.stderr


def test_strict_resolve_raises() -> None:
    """`resolve(..., strict=True)` raises InvalidIdentifierError for an impossible id."""
    with pytest.raises(llama4ref.InvalidIdentifierError, match="128E"):
        llama4ref.resolve("acme/Llama-4-Scout-17B-128E-Instruct", strict=True)


def test_full_width_alias() -> None:
    """Aliases are compared after NFKC, so full-width letters name the same variant."""
    assert llama4ref.variant("ＳＣＯＵＴ").id == "scout"


def test_vllm_limits_are_upper_bounds(kb: KnowledgeBase) -> None:
    """vLLM's "up to 3.6M" is stored as an upper bound, never as an exact value."""
    assert kb.get("runtime.vllm.scout.8xh200.max_context").bound == "at_most"


def test_cerebras_offers_are_dated_and_deprecated(kb: KnowledgeBase) -> None:
    """Cerebras served both models at 32,768 tokens (8k free) and deprecated them in autumn 2025."""
    scout = next(o for o in offers(kb, "scout", provider="cerebras"))
    assert (scout.model_id, scout.context.value if scout.context else None) == ("llama-4-scout-17b-16e-instruct", 32_768)
    assert kb.get("providers.cerebras.scout.context.free_tier").value == 8_000
    assert (str(scout.deprecation_date), scout.deprecated) == ("2025-11-03", True)
    before = next(o for o in offers(kb, "scout", provider="cerebras", as_of=date(2025, 9, 1)))
    assert before.deprecated is False and before.price_input == 0.65
    assert all(o.provider != "cerebras" for o in offers(kb, current=True))
    res = run_cli("providers", "--provider", "cerebras", "--current", "--json")
    assert res.code == 0 and [o for o in json.loads(res.stdout)["data"] if o["provider"] == "cerebras"] == []


def test_provider_ids_resolve_to_the_providers_not_to_metas_repo() -> None:
    """Groq's lower-case id is Groq's (and Novita's) endpoint, not Meta's official BF16 repository."""
    res = llama4ref.resolve("meta-llama/llama-4-scout-17b-16e-instruct")
    assert (res.method, res.variant, res.packaging, res.official) == ("provider", "scout", "provider-endpoint", False)
    assert res.publisher is not None and "Groq" in res.publisher and res.precision == "unknown"
    assert res.citations


def test_a_repository_name_keeps_its_meaning_and_names_providers_that_reuse_it() -> None:
    """Meta's repo id stays Meta's official BF16 checkpoint; providers using the same string are named."""
    res = llama4ref.resolve("meta-llama/Llama-4-Scout-17B-16E-Instruct")
    assert (res.publisher, res.official, res.precision) == ("Meta", True, "bf16")
    assert "Together AI" in (res.reason or "")
    shouted = llama4ref.resolve("META-LLAMA/LLAMA-4-SCOUT-17B-16E-INSTRUCT")
    assert shouted.publisher == "Meta" and "without regard to case" in (shouted.reason or "")


def test_lower_case_provider_style_ids_state_no_precision() -> None:
    """An unlisted lower-case id with an expert count is a provider's: no BF16 default is assumed."""
    assert llama4ref.resolve("acme/llama-4-scout-17b-16e-instruct").precision == "unknown"
    assert llama4ref.resolve("acme/Llama-4-Scout-17B-16E-Instruct").precision == "bf16"
    assert llama4ref.resolve("acme/llama-4-maverick-17b-128e-instruct-maas").packaging == "provider-endpoint"


def test_a_deprecated_status_retires_an_offer_from_when_it_was_known(kb: KnowledgeBase) -> None:
    """Groq Maverick's status turned 'deprecated' (models.dev, 2026-03-26): deprecated now, live before."""
    now = next(o for o in offers(kb, "maverick", provider="groq"))
    assert now.deprecated and now.deprecation_date is None
    assert not next(o for o in offers(kb, "maverick", provider="groq", as_of=date(2026, 1, 1))).deprecated
    assert all(o.provider != "groq" for o in offers(kb, "maverick", current=True))


def test_a_catalog_copy_of_the_nominal_limit_is_flagged(kb: KnowledgeBase) -> None:
    """Vertex Scout's 10M comes only from LiteLLM and equals Meta's nominal limit: flagged.
    Bedrock Maverick's 1,048,576 is measured, so it is not."""
    vertex = next(o for o in offers(kb, "scout", provider="vertex"))
    assert vertex.context is not None and vertex.context.value == 10_000_000 and vertex.context_caveat
    bedrock = next(o for o in offers(kb, "maverick", provider="bedrock"))
    assert bedrock.context is not None and bedrock.context.value == 1_048_576 and bedrock.context_caveat is None
    assert "[nominal, catalog only]" in run_cli("providers", "scout", "--min-context", "5000000").stdout


def test_metas_own_model_ids_are_official_and_name_their_reusers() -> None:
    """Meta's model id `Llama-4-Scout-17B-16E-Instruct` is the official SKU; Azure's reuse is named."""
    res = llama4ref.resolve("Llama-4-Scout-17B-16E-Instruct")
    assert (res.publisher, res.official, res.namespace, res.packaging) == ("Meta", True, "meta-sku", "meta-native")
    assert "Azure" in (res.reason or "") and res.citations
    base = llama4ref.resolve("Llama-4-Maverick-17B-128E")
    assert (base.variant, base.stage, base.official) == ("maverick", "base", True)


@pytest.mark.parametrize(
    ("ident", "family"),
    [
        ("Meta_Llama_3_8B_Instruct", "llama-3"),  # Llama 3 at 8B, not "Llama 3.8"
        ("llama_2_7b_chat", "llama-2"),
        ("meta-llama/Llama-Guard-3-8B", "llama-guard-3"),
    ],
)
def test_generations_are_not_read_from_sizes(ident: str, family: str) -> None:
    """A size after the generation (`_8B`) is not a minor version; Llama Guard 3 is its own family."""
    res = llama4ref.resolve(ident)
    assert (res.family, res.variant, res.valid) == (family, None, False)


@pytest.mark.parametrize("ident", ["TinyLlama-1.1B", "Sheared-LLaMA-2.7B"])
def test_a_decimal_size_is_not_a_generation(ident: str) -> None:
    """`TinyLlama-1.1B` names a 1.1B model, not Llama 1: nothing marks it, so it is unknown."""
    assert run_cli("resolve", ident).code == 2


def test_ollama_tags_name_experts_and_active_size() -> None:
    """Ollama's `llama4:16x17b` / `llama4:128x17b` are Scout / Maverick; the tag does not say the stage."""
    scout, maverick = llama4ref.resolve("llama4:16x17b"), llama4ref.resolve("llama4:128x17b")
    assert (scout.variant, scout.stage, maverick.variant) == ("scout", None, "maverick")


def test_a_models_own_name_beats_a_provider_endpoint_with_that_name() -> None:
    """`Llama-4-Maverick` is the model (an alias), though Kyma uses the same string as an endpoint id."""
    res = llama4ref.resolve("Llama-4-Maverick")
    assert (res.method, res.variant) == ("alias", "maverick") and "Kyma" in (res.reason or "")


def test_suggestions_keep_the_published_spelling() -> None:
    """A near-miss suggests names as published (`meta-llama/Llama-4-Scout-17B-16E`), not lower-cased keys."""
    err = run_cli("resolve", "meta-lama/Lama-4-Scot")
    assert err.code == 2
    suggested = err.stderr.split("did you mean", 1)[1]
    assert "meta-llama/Llama-4-Scout-17B-16E'" in suggested and "meta-llama/llama-4-scout-17b-16e'" not in suggested


def _first_dated(kb: KnowledgeBase) -> list[tuple[date, str, str]]:
    """(earliest date any claim of the offer counts from, provider, variant) for every offer, the provider's name left out."""
    from llama4ref.domain.deploy import dated_values
    from llama4ref.paths import FactPath

    out = []
    for o in offers(kb):
        dates = [
            c.known_from
            for p in o.paths
            if FactPath.parse(p).key != "provider_name"
            for c in dated_values(kb, kb.get(p))
            if c.known_from
        ]
        out.append((min(dates), o.provider, o.variant))
    return sorted(out)


def test_an_offer_counts_from_its_first_dated_claim(kb: KnowledgeBase) -> None:
    """`providers --as-of D` lists every offer something was known about by D, not only offers whose
    context was: Fireworks' own blog (2025-04-28) names its Maverick model id and FP8 before any catalog."""
    for first, provider, variant in _first_dated(kb):
        found = offers(kb, variant, provider=provider, as_of=first)
        assert any(o.provider == provider for o in found), (provider, variant, first)
    fireworks = next(o for o in offers(kb, "maverick", provider="fireworks", as_of=date(2025, 4, 30)))
    assert (fireworks.precision, fireworks.context, fireworks.price_input) == ("fp8", None, None)
    assert fireworks.sources == ["fireworks-blog-llama4-maverick"] and str(fireworks.last_dated) == "2025-04-28"


def test_offer_values_and_sources_are_those_known_on_the_date(kb: KnowledgeBase) -> None:
    """On an as-of date an offer's price is the claim known then (Databricks' superseded 5.0 in 2025),
    and no source dated later is listed behind it."""
    fact = kb.get("providers.databricks.maverick.price.input")
    then = date(2025, 9, 1)
    claim = value_as_of(kb, fact, then)
    assert claim is not None and claim.rank == "superseded"
    offer = next(o for o in offers(kb, "maverick", provider="databricks", as_of=then))
    assert offer.price_input == claim.value != fact.value
    late = {c.source for c in fact.citations if c.as_of and c.as_of > then}
    assert late and not late & set(offer.sources)


def test_an_as_of_date_before_every_offer_says_why_in_one_line(kb: KnowledgeBase) -> None:
    """`providers V --as-of` earlier than every record of V's offers prints one line naming the
    earliest dated offer, and no empty table."""
    firsts = _first_dated(kb)
    for variant in ("scout", "maverick"):
        first = min(f[0] for f in firsts if f[2] == variant)
        name = min(o.provider_name for d, p, v in firsts if (d, v) == (first, variant) for o in offers(kb, v, provider=p))
        before = (first - timedelta(days=1)).isoformat()
        res = run_cli("providers", variant, "--as-of", before)
        assert res.code == 0 and res.stdout.count("\n") == 1, res.stdout
        said = f"No offers listed: the records' earliest {variant} offer is dated {first} ({name}, {variant}), after {before}: "
        assert res.stdout.startswith(said) and f"does not mean that none was served on {before}." in res.stdout
        assert "provider-served limits" not in res.stdout and "model id" not in res.stdout


def test_other_filters_that_leave_nothing_say_why(kb: KnowledgeBase) -> None:
    """--min-context above every offer names the longest served context; --current that removes every
    offer names the deprecated ones; neither prints an empty table."""
    longest = max(int(o.context.value) for o in offers(kb, "maverick") if o.context and isinstance(o.context.value, int))
    res = run_cli("providers", "maverick", "--min-context", str(longest + 1))
    assert res.code == 0 and res.stdout.count("\n") == 1 and f"the longest is {longest:,}" in res.stdout
    gone = [(o.variant, o.provider) for o in offers(kb) if o.deprecated and not offers(kb, o.variant, o.provider, current=True)]
    assert gone  # Together's Scout and Azure's Maverick, retired
    for variant, provider in gone:
        res = run_cli("providers", variant, "-p", provider, "--current")
        assert res.code == 0 and res.stdout.count("\n") == 1 and "is deprecated by" in res.stdout, res.stdout


@pytest.mark.parametrize("variant", ["scout", "maverick"])
def test_runtime_tier_rows_carry_a_figure_a_source_and_a_hardware_name(kb: KnowledgeBase, variant: str) -> None:
    """`context V`'s runtime tier at 80 columns: each row shown has a context figure and its source,
    with the hardware by its recorded name (`8 × NVIDIA H100-SXM-80GB`, the record's own `hardware`);
    a record with no context figure is not an empty row but named, by its path, under the table."""
    import tempfile

    from llama4ref.domain.deploy import hardware_name, runtime_context_view, runtime_limits
    from tests.test_pty import fits, pty_run

    code, out = pty_run(["context", variant], 80, tempfile.mkdtemp(prefix="llama4ref-pty-"))
    tier = out.split("3. RUNTIME", 1)[1].split("\n", 1)[1]
    table, footer = tier.split("Not shown", 1) if "Not shown" in tier else (tier, "")
    blocks = [b for b in table.split("\n\n") if "hardware:" in b]
    assert code == 0 and all(fits(line, 80) for line in out.split("\n"))
    limits = runtime_limits(kb, variant)
    shown = [lim for lim in limits if runtime_context_view(lim) != (None, {})]
    assert len(blocks) == len(shown) and len(shown) < len(limits)  # some records hold no context figure
    for lim, block in zip(shown, blocks, strict=True):
        assert "source:" in block and "details: —" not in block, block
        assert " ".join(block.split()).startswith(f"{lim.engine} hardware: {hardware_name(kb, lim)}"), block
    named = {lim.hardware for lim in limits if hardware_name(kb, lim) != lim.hardware}
    assert named and not [b for b in blocks if any(f"hardware: {h} " in b for h in named)]
    flat = "".join(footer.split())
    for lim in limits:
        if lim not in shown:
            assert f"runtime.{lim.engine}.{lim.variant}.{lim.hardware}" in flat


def test_runtime_rows_without_a_limit_say_so_in_words() -> None:
    """`context scout`'s runtime tier: no `limit: —`, no record keys as labels (`max_model_len_no_oom=`,
    `1xgpu_nvidia_quantized`, `multi_node`); a row with settings only says no limit is stated."""
    out = run_cli("context", "scout").stdout
    tier = out.split("3. RUNTIME", 1)[1].split("Not shown", 1)[0]
    assert "limit: —" not in " ".join(tier.split()) and "=" not in tier
    assert not [k for k in ("_no_oom", "1xgpu_nvidia_quantized", "multi_node", "kv_cache_dtype") if k in tier]
    flat = " ".join(tier.split())
    assert "none stated (see details)" in flat and "without running out of memory" in flat
    assert "several nodes" in flat and "1 × NVIDIA GPU, quantized checkpoint" in flat


def test_offers_name_providers_by_their_names_not_slugs(kb: KnowledgeBase) -> None:
    """A catalog slug (gmi, lambda_ai, nscale, oci, sambanova) or models.dev's bare "Llama" is not how
    an offer names its provider: "Lambda Inference", "Meta Llama API"; the cited name stays in `get`,
    and the shown name selects the provider."""
    import re

    from llama4ref.domain.deploy import offers, provider_keys

    names = {o.provider_name for o in offers(kb)}
    assert not [n for n in names if re.fullmatch(r"[a-z_]+", n) or n == "Llama" or n.startswith("Llama (")]
    assert {"Lambda Inference", "Meta Llama API", "OCI Generative AI", "SambaNova Cloud"} <= names
    assert kb.get("providers.lambda.scout.provider_name").value == "lambda_ai"
    assert provider_keys(kb, "GMI Cloud") == {"gmi"}
    assert "Meta Llama API (routed to Cerebras)" in run_cli("providers", "scout").stdout


def test_a_providers_display_name_is_data_of_its_records(kb: KnowledgeBase) -> None:
    """The names offers show come from the provider records' ``name`` (no table in the code): every
    sheet of one provider gives the same one, and a name says where it comes from, by a citation
    (SambaNova's rate-limit page writes "SambaNova Cloud") or, where no cited source writes it, a note."""
    import pydantic

    from llama4ref.domain.deploy import display_names
    from llama4ref.records.models import FactSheet

    given: dict[str, set[str]] = {}
    for s in kb.sheets():
        if s.kind == "providers" and s.name:
            given.setdefault(s.subject.split(".")[1], set()).add(s.name)
    assert all(len(v) == 1 for v in given.values()), given
    assert display_names(kb) == {k: next(iter(v)) for k, v in given.items()}
    assert display_names(kb)["gmi"] == "GMI Cloud" and display_names(kb)["oci"] == "OCI Generative AI"
    fact = {"value": "x", "unit": "text", "citations": [{"source": "s", "locator": "l", "quote": "q"}]}
    sheet = {"id": "a", "subject": "providers.a.scout", "title": "t", "facts": {"provider_name": fact}}
    with pytest.raises(pydantic.ValidationError, match="must say in `note`"):
        FactSheet.model_validate({**sheet, "name": {"value": "A Cloud"}})
    assert FactSheet.model_validate({**sheet, "name": {"value": "A Cloud", "note": "its own site's name"}}).name


def test_providers_stale_and_get_give_one_freshness_date(kb: KnowledgeBase) -> None:
    """Azure's Maverick input price: `get` dates its newest citation 2026-11-20 (LiteLLM 1.110.2), and
    `stale` and `providers` ("newest source") give that same date, not the date the value was first seen."""
    from llama4ref.domain.deploy import newest_source

    fact = kb.get("providers.azure_ai_foundry.maverick.price.input")
    cited = max(d for c in fact.citations if (d := c.as_of or kb.source(c.source).version.published))
    assert cited == date(2026, 11, 20)
    stale = {s.path: s.last_dated for s in stale_records(kb, 0, today=date(2026, 12, 7))}
    assert stale[fact.path] == cited
    (offer,) = offers(kb, "maverick", "azure")
    per_fact = [newest_source(kb, [p]) for p in offer.paths]
    assert offer.last_dated == max(d for d in per_fact if d is not None) >= cited
    out = run_cli("providers", "maverick", "-p", "azure").stdout
    assert "newest source" in out and str(offer.last_dated) in out


def test_a_missing_price_or_context_says_which_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Together Scout as of 2026-03-01 has only an input price and no context: the price reads
    "0.18 / —" (not a bare "0.18", input or output?), the context "—" without ", input", and no
    date is given for a context that is not known."""
    monkeypatch.setenv("COLUMNS", "80")  # the stacked view: "label: value"
    out = " ".join(run_cli("providers", "scout", "--as-of", "2026-03-01", "-p", "together").stdout.split())
    assert "$/1M in/out: 0.18 / —" in out
    assert "context (tokens): — ·" in out and "—, input" not in out
    assert "context known from: —" in out


def test_listed_free_is_the_offers_in_a_price_listing_and_nowhere_else(kb: KnowledgeBase) -> None:
    """An offer is listed free when its input price is 0 and its output price 0 or unstated
    (``providers`` marks it); a row of ``ask``'s price listing carries its offer's mark, and a
    listing that shows no prices marks no row."""
    from llama4ref.domain.answer import ask

    found = offers(kb, "maverick", current=True)
    free = {o.provider_name for o in found if o.listed_free}
    assert free and free != {o.provider_name for o in found}
    for o in found:
        assert o.listed_free == (o.price_input == 0 and o.price_output in (0, None)), o.provider
    prices = ask(kb, "cheapest provider for maverick").listing
    assert prices is not None and {r.provider for r in prices.rows if r.listed_free} == free
    assert all(all(f.value == 0 for f in r.facts) for r in prices.rows if r.listed_free)
    ids = ask(kb, "which providers serve maverick").listing
    assert ids is not None and ids.rows and not any(r.listed_free for r in ids.rows)
