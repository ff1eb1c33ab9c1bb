"""The classes the fourteenth held-out claim set showed (issue 18), each as a general rule tested in
key spellings, catalog formats and wordings the corpus does not have: a catalog key that carries its
unit or currency, a key whose meaning is unclear, a provider bound only weakly to a served limit, a
limit someone sets, and the gate that holds *contradicted* to certain readings."""

from __future__ import annotations

import pytest

from llama4ref.claims import check_claims
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.claims_helpers import by_text, flagged

# -- a key that carries its unit: the value is read in it ------------------------------------------


def test_a_per_token_price_key_in_camel_case_is_read_as_dollars_per_token(kb: KnowledgeBase) -> None:
    doc = "export const scout = {\n  inputCostPerToken: 0.00000011,\n  outputCostPerToken: 0.00000099,\n};\n"
    claims = by_text(check_claims(doc, kb, file="src/catalog/providers/groq/llama-4-scout.ts"))
    assert claims["0.00000011"].status == "supported"
    assert claims["0.00000011"].path == "providers.groq.scout.price.input"
    assert claims["0.00000099"].status == "contradicted"  # 0.99 USD per million against 0.34
    assert claims["0.00000099"].path == "providers.groq.scout.price.output"  # never an output cap


def test_a_cents_per_million_key_is_read_in_cents(kb: KnowledgeBase) -> None:
    doc = "[pricing]\nprompt_cents_per_mtok = 18\ncompletion_cents_per_mtok = 95\n"
    claims = by_text(check_claims(doc, kb, file="registry/providers/together/llama-4-scout.toml"))
    assert claims["18"].status == "supported"  # 0.18 USD per million
    assert claims["18"].path == "providers.together.scout.price.input"
    assert claims["95"].status == "contradicted"  # 0.95 USD against 0.59, not 95 output tokens
    assert claims["95"].path == "providers.together.scout.price.output"


def test_a_money_key_whose_scale_or_side_is_unclear_is_never_contradicted(kb: KnowledgeBase) -> None:
    doc = "cache_read_cost_per_token: 0.00000004\noutput_price: 7\nprice_usd: 3\n"
    claims = check_claims(doc, kb, file="models/providers/cerebras/llama-4-scout.yaml")
    assert flagged(claims) == []
    assert claims and all(c.status == "unchecked" for c in claims)


# -- the provider of a served limit must be bound firmly --------------------------------------------


def test_a_provider_named_only_in_a_page_title_does_not_contradict_a_window(kb: KnowledgeBase) -> None:
    doc = "# Notes from our Groq evaluation\n\n## Llama 4 Scout\n\nThe context window is 64K tokens.\n"
    (claim,) = check_claims(doc, kb)
    assert claim.status == "unchecked"
    assert "provider" in claim.reason


def test_a_provider_named_in_another_row_of_a_block_does_not_contradict_a_window(kb: KnowledgeBase) -> None:
    doc = '## llama-4-scout:acme\n\nmaxContextTokens: 1_048_576,\nnote: "priced like Cerebras",\n'
    (claim,) = check_claims(doc, kb)
    assert claim.status == "unchecked"
    assert "another row" in claim.reason


def test_a_provider_in_the_value_s_own_sentence_still_contradicts(kb: KnowledgeBase) -> None:
    doc = "## Llama 4 Scout\n\nOn Cerebras, Scout's context window is 64K tokens.\n"
    assert flagged(check_claims(doc, kb)) == ["64K"]


# -- a limit someone sets is a setting, not the model's figure --------------------------------------


@pytest.mark.parametrize(
    "doc",
    [
        "# fix: cap Llama 4 Scout's context length at 16k until chunked attention lands\n",
        "We lowered the Maverick max_model_len to 32k on our nodes.\n",
        "This PR restricts the Llama 4 Scout context window to 256K tokens.\n",
    ],
)
def test_a_limit_someone_sets_is_not_the_model_s_window(kb: KnowledgeBase, doc: str) -> None:
    assert flagged(check_claims(doc, kb)) == []


def test_a_price_written_with_a_float_s_tail_is_read_to_a_tenth_of_a_cent(kb: KnowledgeBase) -> None:
    doc = "model: meta-llama/llama-4-scout-17b-16e-instruct\npricing:\n  output_cost_per_token: 0.0000003400300000000002\n"
    (claim,) = check_claims(doc, kb, file="data/providers/groq/llama-4-scout.yaml")
    assert (claim.status, claim.path) == ("supported", "providers.groq.scout.price.output")


# -- a key that ends in tokens counts tokens, and a served limit needs its provider -----------------


def test_a_prompt_tokens_key_is_a_served_window_not_a_price(kb: KnowledgeBase) -> None:
    doc = '{\n  "max_prompt_tokens": 65536,\n  "max_completion_tokens": 8192\n}\n'
    claims = by_text(check_claims(doc, kb, file="catalog/providers/cerebras/llama-4-scout.json"))
    assert claims["65536"].status == "contradicted"
    assert claims["65536"].path == "providers.cerebras.scout.context.total"  # 32,768, not the input price
    assert claims["8192"].status != "contradicted"  # no output cap recorded for Cerebras


def test_a_tokens_key_in_an_entry_without_a_provider_is_no_claim_about_the_model(kb: KnowledgeBase) -> None:
    doc = "export const llama4Scout = {\n  id: 'llama-4-scout',\n  maxPromptTokens: 65536,\n};\n"
    claims = check_claims(doc, kb, file="web/src/lib/model-list.ts")
    assert flagged(claims) == []


def test_an_endpoint_cut_to_a_window_of_its_own_is_not_the_provider_s_recorded_one(kb: KnowledgeBase) -> None:
    doc = "limits:\n    context_window: 32768\nmodel: accounts/fireworks/models/llama4-maverick-instruct-basic-32k\n"
    claims = check_claims(doc, kb, file="models/providers/fireworks/llama4-maverick-instruct-basic-32k.yaml")
    assert [c.status for c in claims] == ["unchecked"]


# -- the model id an entry sits under binds its fields -----------------------------------------------


def test_a_model_id_heading_binds_the_entry_s_fields(kb: KnowledgeBase) -> None:
    doc = '## meta-llama/Llama-4-Maverick-17B-128E-Instruct\n\n"model_type": "llama4",\n"first_seen": "2025-04-09",\n"n_routed_experts": 32,\n'
    claims = check_claims(doc, kb, file="data/hub_models.json")
    assert [(c.text, c.status, str(c.path).split(".")[0]) for c in claims if c.status == "contradicted"] == [
        ("32", "contradicted", "maverick")
    ]


# -- a runtime's log record states no figure of the model ---------------------------------------------


def test_a_log_record_of_key_value_pairs_is_no_claim(kb: KnowledgeBase) -> None:
    doc = "## Llama 4 Scout\n\nlevel=INFO source=server.go layers.total=49 layers.offloaded=20 experts.loaded=32\n"
    assert flagged(check_claims(doc, kb)) == []


# -- the gate: contradicted only when the key is read whole ------------------------------------------


@pytest.mark.parametrize("key", ["max_input_tokens_reserved", "maxInputTokensPerMinute", "context_window_floor"])
def test_a_key_with_a_word_the_checker_cannot_read_is_not_checkable(kb: KnowledgeBase, key: str) -> None:
    doc = f"model: meta-llama/llama-4-scout-17b-16e-instruct\nlimits:\n    {key}: 64000\n"
    (claim,) = check_claims(doc, kb, file="catalog/providers/groq/llama-4-scout.yaml")
    assert claim.status == "unchecked"
    assert "not read" in claim.reason


def test_a_key_read_whole_still_contradicts(kb: KnowledgeBase) -> None:
    doc = "model: meta-llama/llama-4-scout-17b-16e-instruct\nlimits:\n    max_context_tokens: 64000\n"
    (claim,) = check_claims(doc, kb, file="catalog/providers/groq/llama-4-scout.yaml")
    assert (claim.status, claim.path) == ("contradicted", "providers.groq.scout.context.total")
