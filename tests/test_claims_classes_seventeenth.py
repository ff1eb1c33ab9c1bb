"""The classes the seventeenth held-out claim set showed (issue 18), and one a reviewer found beside
it, each as a general rule tested in wordings the corpus does not have: a figure said of a provider
is that provider's served limit, never supported by the model's nominal window."""

from __future__ import annotations

from llama4ref.claims import check_claims
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.claims_helpers import by_text

# -- a figure said of a provider is judged against what that provider serves ------------------------


def test_a_provider_s_window_equal_to_the_nominal_one_is_held_to_what_it_serves(kb: KnowledgeBase) -> None:
    # Groq serves Maverick with 131,072 tokens: the 1M Meta gives the model is not Groq's limit
    claims = by_text(check_claims("On Groq, Llama 4 Maverick is available with a context length of 1M tokens.", kb))
    assert claims["1M"].status == "contradicted"
    assert claims["1M"].path == "providers.groq.maverick.context.total"
    hosted = by_text(check_claims("Groq hosts Llama 4 Scout at a 10 million token context length.", kb))
    assert hosted["10 million"].status == "contradicted"
    assert "nominal window" in hosted["10 million"].reason
    right = by_text(check_claims("On Groq, Llama 4 Maverick is available with a context length of 131,072 tokens.", kb))
    assert right["131,072"].status == "supported"


def test_a_provider_named_only_far_above_leaves_the_nominal_figure_unchecked(kb: KnowledgeBase) -> None:
    doc = "# Groq\n\n## Notes\n\n### Llama 4 Scout\n\nThe context length is 10 million tokens.\n"
    claim = by_text(check_claims(doc, kb))["10 million"]
    assert claim.status == "unchecked"
    assert claim.reason.startswith("weakly bound provider")


def test_a_figure_given_as_the_model_s_own_beside_a_provider_is_the_model_s(kb: KnowledgeBase) -> None:
    text = "Groq hosts Llama 4 Scout, keeping the model's native 10 million token context length."
    assert by_text(check_claims(text, kb))["10 million"].path == "scout.context_window.instruct"


# -- a provider plugin's folder names the catalog's provider -----------------------------------------


def test_a_provider_plugin_folder_holding_its_own_models_folder_names_the_provider(kb: KnowledgeBase) -> None:
    doc = "model_properties:\n  mode: chat\n  context_size: 65536\n"  # (the file name names the model)
    plugin = "https://github.com/acme/plugins/blob/0123456789abcdef0123456789abcdef01234567/models/groq/models/llm/llama-4-scout-17b-16e-instruct.yaml"
    claim = by_text(check_claims(doc, kb, source=plugin))["65536"]
    assert claim.status == "contradicted"  # Groq serves Scout with 131,072 tokens
    assert claim.path == "providers.groq.scout.context.total"


# -- a YAML price mapping is read in the unit its "unit" row gives -----------------------------------


def test_a_price_mapping_s_sides_are_read_in_its_unit_row_s_scale(kb: KnowledgeBase) -> None:
    src = "https://github.com/acme/plugins/blob/0123456789abcdef0123456789abcdef01234567/models/groq/models/chat/scout.yaml"
    per_token = "model: llama-4-scout-17b-16e-instruct\ncost:\n  output: '0.9'\n  input: '0.11'\n  unit: '0.000001'\n"
    claims = by_text(check_claims(per_token, kb, source=src))
    assert claims["0.9"].status == "contradicted"  # $0.90 per million against Groq's $0.34 for output
    assert claims["0.9"].path == "providers.groq.scout.price.output"
    assert claims["0.11"].status == "supported"
    per_ten_thousand = per_token.replace("'0.9'", "'0.0034'").replace("'0.000001'", "'0.0001'")
    assert by_text(check_claims(per_ten_thousand, kb, source=src))["0.0034"].status == "supported"  # 0.0034 per 10,000
    no_unit = "model: llama-4-scout-17b-16e-instruct\ncost:\n  output: '0.9'\n"
    assert by_text(check_claims(no_unit, kb, source=src))["0.9"].status == "unchecked"  # per what, is unsaid


# -- a table cell past the header's named columns is no column's -----------------------------------


def test_a_cell_past_the_last_named_column_is_not_read(kb: KnowledgeBase) -> None:
    doc = "## Llama 4 Maverick compared\n\n| Spec | Llama 4 Maverick | Gemini |\n| --- | --- | --- |\n| Window | 1M tokens | 2M tokens | 64K tokens |\n"
    claims = by_text(check_claims(doc, kb))
    assert claims["1M"].status == "supported"
    assert "64K" not in claims


# -- a providers directory's generic folder names no provider: the file does -------------------------


def test_a_provider_file_in_a_generic_folder_of_a_providers_directory_is_that_provider_s(kb: KnowledgeBase) -> None:
    doc = '{\n  "id": "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",\n  "context_window": 99999\n}\n'
    claims = by_text(check_claims(doc, kb, file="src/providers/data/groq.json"))
    assert claims["99999"].status == "contradicted"  # Groq serves Maverick with 131,072 tokens
    assert claims["99999"].path == "providers.groq.maverick.context.total"


# -- a price key's side may be its last word, "in" or "out"; a default is no limit ------------------


def test_a_price_key_ending_in_in_or_out_is_that_side_s_price(kb: KnowledgeBase) -> None:
    doc = '{\n  "id": "llama-4-scout-17b-16e-instruct",\n  "usd_per_1m_in": 0.11,\n  "usd_per_1m_out": 0.5\n}\n'
    claims = by_text(check_claims(doc, kb, file="src/providers/groq.json"))
    assert claims["0.11"].status == "supported"
    assert claims["0.5"].status == "contradicted"  # Groq's Scout output price is $0.34 per million
    assert claims["0.5"].path == "providers.groq.scout.price.output"


def test_a_client_s_default_token_count_is_no_served_limit(kb: KnowledgeBase) -> None:
    doc = '{\n  "id": "llama-4-scout-17b-16e-instruct",\n  "context_window": 131072,\n  "default_max_tokens": 4000,\n  "max_output_tokens": 4096\n}\n'
    flags = [c for c in check_claims(doc, kb, file="src/providers/groq.json") if c.status == "contradicted"]
    assert [c.text for c in flags] == ["4096"]  # the cap is Groq's 8,192; the default is the client's own setting


# -- a date after "as of" is when the text speaks from ----------------------------------------------


def test_a_date_after_as_of_is_no_release_date(kb: KnowledgeBase) -> None:
    assert check_claims("As of June 2024, Meta had not yet released Llama 4 Scout.", kb) == []
    wrong = by_text(check_claims("Meta released Llama 4 Scout in June 2024.", kb))
    assert wrong["June 2024"].status == "contradicted"


# -- a model's name states its active size and its routed experts ---------------------------------


def test_a_model_name_giving_a_variant_the_other_s_expert_count_is_contradicted(kb: KnowledgeBase) -> None:
    claims = by_text(check_claims("Pull llama4-scout-17b-128e-instruct before the demo.", kb))
    assert claims["128e"].status == "contradicted"  # Scout routes among 16 experts
    assert claims["128e"].path == "scout.experts.routed"
    # a right name is a name, not a claim: nothing to report
    assert check_claims("The checkpoint is Maverick (17B × 128E).", kb) == []
    assert [c.text for c in check_claims("The checkpoint is Maverick (17B × 16E).", kb)] == ["16E"]
    assert check_claims("A typo such as `Maverick-17B-16E` is quoted in code.", kb) == []  # code is quoted, not claimed


def test_a_model_name_written_twice_on_a_line_is_one_statement(kb: KnowledgeBase) -> None:
    line = 'MAVERICK_17B_16E_NAME = "llama-4-maverick-17b-16e"'
    assert [c.text for c in check_claims(line, kb) if c.status == "contradicted"] == ["16E"]


# -- a key counting tokens per second is a speed ------------------------------------------------------


def test_a_token_rate_key_is_no_window(kb: KnowledgeBase) -> None:
    doc = '{\n  "id": "llama-4-scout-17b-16e-instruct",\n  "throughput_tokens_per_second": 4321,\n  "max_input_tokens": 4321\n}\n'
    flags = [c for c in check_claims(doc, kb, file="src/providers/groq.json") if c.status == "contradicted"]
    assert [c.sentence for c in flags] == ['"max_input_tokens": 4321']  # Groq serves Scout with 131,072 tokens
