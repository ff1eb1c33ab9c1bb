"""The classes the fifteenth held-out claim set showed (issue 18), each as a general rule tested in
wordings and file layouts the corpus does not have: a served window written as the model's (a
provider's limit never contradicts the nominal window), a provider named only by the document's
file path, a sentence about another model inside a Llama 4 entry, numbers in exponent form, and
recall where a provider catalog's entries bind their provider unambiguously."""

from __future__ import annotations

from llama4ref.claims import check_claims
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.claims_helpers import by_text, flagged

# -- a served window given as the model's own is wrong when no provider is in sight ----------------


def test_a_served_window_given_as_the_model_s_own_is_contradicted(kb: KnowledgeBase) -> None:
    # 327,680 is DeepInfra's recorded input limit for Scout, not Meta's 10M: a page that gives it as
    # the model's window with no provider in sight makes the error issue 18 names; said of a
    # provider (a served cue), it is that provider's limit and no contradiction
    claims = by_text(check_claims("Maximum sequence length for Llama 4 Scout: 327,680 tokens.", kb))
    assert claims["327,680"].status == "contradicted"
    served = by_text(check_claims("Llama 4 Scout supports a context length of 327,680 tokens through LangMart.", kb))
    assert served["327,680"].status == "unchecked"


def test_a_window_no_provider_serves_is_still_contradicted(kb: KnowledgeBase) -> None:
    claims = by_text(check_claims("Maximum sequence length for Llama 4 Scout: 333,333 tokens.", kb))
    assert claims["333,333"].status == "contradicted"


# -- a file path naming a provider binds the windows in it like a heading --------------------------


def test_a_provider_named_by_the_file_name_binds_its_windows(kb: KnowledgeBase) -> None:
    doc = "## llama-4-scout-17b-16e-instruct\n\n* Max context: 131,072 tokens\n"
    src = "https://github.com/example/notes/blob/0123456789abcdef0123456789abcdef01234567/docs/groq-model-notes.md"
    claims = by_text(check_claims(doc, kb, source=src))
    assert claims["131,072"].status == "supported"
    assert claims["131,072"].path == "providers.groq.scout.context.total"
    # the repository's owner is not the file's provider: only the path after the commit is read
    owner = "https://github.com/groq/notes/blob/0123456789abcdef0123456789abcdef01234567/docs/model-notes.md"
    doc = "## llama-4-scout-17b-16e-instruct\n\n* Max context: 333,333 tokens\n"
    assert by_text(check_claims(doc, kb, source=owner))["333,333"].path == "scout.context_window.instruct"


# -- a figure the attribute's phrase names a fact for exactly is that fact's ------------------------


def test_a_layer_step_is_not_a_count_of_layers(kb: KnowledgeBase) -> None:
    claims = by_text(check_claims("Llama 4 Maverick sets its MoE layer step to 2 in the text config.", kb))
    assert claims["2"].status == "supported"
    assert claims["2"].path == "maverick.architecture.moe_layer_step"
    wrong = by_text(check_claims("Llama 4 Maverick has 30 MoE layers.", kb))
    assert wrong["30"].status == "contradicted"
    assert wrong["30"].path == "maverick.architecture.moe_layers"


# -- a provider catalog's entry states what its provider serves, not Meta's window -----------------


def test_a_provider_catalog_entry_copying_the_nominal_window_is_contradicted(kb: KnowledgeBase) -> None:
    doc = 'name = "Llama 4 Scout Instruct"\ncontext = 10485760\n'
    claims = by_text(check_claims(doc, kb, file="registry/providers/groq/llama-4-scout.toml"))
    assert claims["10485760"].status == "contradicted"  # Groq serves Scout with 131,072 tokens
    assert str(claims["10485760"].path).startswith("providers.groq.scout.context")


# -- numbers in exponent form -----------------------------------------------------------------------


def test_per_token_prices_in_exponent_form_are_read(kb: KnowledgeBase) -> None:
    doc = "export const scout = {\n  inputCostPerToken: 1.1e-7,\n  outputCostPerToken: 9.e-7,\n};\n"
    claims = by_text(check_claims(doc, kb, file="src/catalog/providers/groq/llama-4-scout.ts"))
    assert claims.get("1.1e-7") is not None and claims["1.1e-7"].status == "supported"  # 0.11 USD per million
    assert claims.get("9.e-7") is not None and claims["9.e-7"].status == "contradicted"  # 0.90 against 0.34
    assert claims["9.e-7"].path == "providers.groq.scout.price.output"


# -- a provider catalog file's entries bind their provider -------------------------------------------


def test_a_file_in_a_models_folder_named_for_a_provider_is_that_provider_s_table(kb: KnowledgeBase) -> None:
    # the folder's word completes the provider's name: "github" in "llm_models" is GitHub Models
    doc = "- id: Llama-4-Scout-17B-16E-Instruct\n  context_window: 10485760\n"
    claims = by_text(check_claims(doc, kb, file="app/llm_models/github.yaml"))
    assert claims["10485760"].status == "contradicted"  # GitHub Models serves Scout with 128,000 tokens
    assert claims["10485760"].path == "providers.github_models.scout.context.total"


def test_a_provider_s_code_file_names_its_provider_beside_a_code_word(kb: KnowledgeBase) -> None:
    doc = "'llama-4-scout-17b-16e-instruct': {\n  contextWindow: 10485760,\n},\n"
    claims = by_text(check_claims(doc, kb, file="lib/providers/groq-client.ts"))
    assert claims["10485760"].status == "contradicted"  # Groq serves Scout with 131,072 tokens
    assert claims["10485760"].path == "providers.groq.scout.context.total"


# -- a sentence about another model owns its figures, inside a Llama 4 entry too --------------------


def test_a_description_about_another_model_in_a_llama_4_entry_is_that_model_s(kb: KnowledgeBase) -> None:
    doc = (
        "- id: llama-4-scout-instruct\n"
        "  title: Llama 4 Scout Instruct\n"
        "  summary: >-\n"
        "    Copied from an older card: the Llama 3.1 family of multilingual chat models (LLMs) is offered in 8B, 70B and 405B sizes.\n"
    )
    claims = check_claims(doc, kb, file="catalog/providers/together.yml")
    assert flagged(claims) == []
    owned = [c for c in claims if c.text in ("8B", "70B", "405B")]
    assert len(owned) == 3 and all(c.reason == "the nearest model named is not Llama 4" for c in owned)
    # a sentence that names Llama 4 too keeps its figures
    assert flagged(check_claims("Llama 4 Scout, unlike Llama 3, ships with 333B total parameters.", kb)) == ["333B"]


def test_an_entry_s_own_provider_row_binds_its_served_limits(kb: KnowledgeBase) -> None:
    doc = '[\n  {\n    "model": "llama-4-scout-17b-16e-instruct",\n    "providers": ["groq"],\n    "context_length": 98765\n  }\n]\n'
    claims = by_text(check_claims(doc, kb, file="app/data/registry.json"))
    assert claims["98765"].status == "contradicted"  # Groq serves Scout with 131,072 tokens
    assert claims["98765"].path == "providers.groq.scout.context.total"
    two = doc.replace('["groq"]', '["groq", "together"]')  # two providers: whose limit it is, is unsure
    assert by_text(check_claims(two, kb, file="app/data/registry.json"))["98765"].status == "unchecked"


def test_a_provider_s_section_giving_the_nominal_window_is_held_to_what_it_serves(kb: KnowledgeBase) -> None:
    doc = "# Hosted Llama 4 limits\n\n## Groq\n\n- Llama 4 Scout context: 10M tokens\n"
    claims = by_text(check_claims(doc, kb))
    assert claims["10M"].status == "contradicted"
    assert claims["10M"].path == "providers.groq.scout.context.total"
    # named in the sentence itself, the window may still be the model's ("its 10M window")
    prose = by_text(check_claims("Groq runs Llama 4 Scout, a model with its own 10M-token context window.", kb))
    assert prose["10M"].status != "contradicted"


def test_a_side_key_inside_a_money_object_is_read_in_the_object_s_unit(kb: KnowledgeBase) -> None:
    doc = '{\n  "model": "llama-4-scout-17b-16e-instruct",\n  "usd_per_million_tokens": {\n    "input": 0.11,\n    "output": 0.9\n  }\n}\n'
    claims = by_text(check_claims(doc, kb, file="catalog/providers/groq.json"))
    assert claims["0.11"].status == "supported"
    assert claims["0.9"].status == "contradicted"  # 0.90 USD per million against Groq's 0.34
    assert claims["0.9"].path == "providers.groq.scout.price.output"


# -- a dollar amount is a price only where the text says so, and only a recorded provider's --------


def test_a_dollar_amount_with_its_side_written_after_it_is_that_side_s_price(kb: KnowledgeBase) -> None:
    # Groq's recorded Scout prices are $0.11 in and $0.34 out per million tokens
    claims = by_text(check_claims("On Groq, Llama 4 Scout costs $0.11 (input) and $0.90 (output) per 1M tokens.", kb))
    assert claims["$0.11"].status == "supported"
    assert (claims["$0.90"].status, claims["$0.90"].path) == ("contradicted", "providers.groq.scout.price.output")


def test_a_dollar_cell_under_a_per_million_column_is_that_column_s_price(kb: KnowledgeBase) -> None:
    table = "# Llama 4 Scout\n\n| Provider | Input $/1M | Output $/1M |\n|---|---|---|\n| Groq | $0.11 | $0.99 |\n"
    claims = by_text(check_claims(table, kb))
    assert claims["$0.11"].status == "supported"
    assert (claims["$0.99"].status, claims["$0.99"].path) == ("contradicted", "providers.groq.scout.price.output")


def test_a_price_comment_beside_a_catalog_row_is_read_in_its_own_unit(kb: KnowledgeBase) -> None:
    entry = (
        '# llama-4-scout:groq\n\nmodel: "meta-llama/llama-4-scout-17b-16e-instruct"\ncost:\n'
        "  input: 0.00000011  # $0.11 per 1M tokens\n  output: 0.00000034  # $0.99 per 1M tokens\n"
    )
    claims = by_text(check_claims(entry, kb))
    assert claims["$0.11"].status == "supported"
    assert (claims["$0.99"].status, claims["$0.99"].path) == ("contradicted", "providers.groq.scout.price.output")


def test_a_dollar_amount_without_a_price_context_or_a_recorded_provider_stays_unread(kb: KnowledgeBase) -> None:
    assert check_claims("Llama 4 Scout on Groq: $5 of credit for new accounts.", kb) == []
    assert flagged(check_claims("Running Llama 4 Maverick on your own cluster costs $0.90 per million tokens.", kb)) == []


# -- a timestamp is the day it gives, not a month --------------------------------------------------


def test_an_iso_timestamp_is_read_as_its_day(kb: KnowledgeBase) -> None:
    from llama4ref.claims.values import values

    (stamp,) = values('released_at: "2025-04-05T16:00:00.000Z"')
    assert (stamp.text, stamp.precision, str(stamp.day)) == ("2025-04-05T16:00:00.000Z", "day", "2025-04-05")
    claims = by_text(check_claims("Llama 4 Scout release date: 2025-03-01T09:30+02:00", kb))
    assert claims["2025-03-01T09:30+02:00"].status == "contradicted"
