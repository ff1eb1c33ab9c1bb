"""The classes the sixteenth held-out claim set showed (issue 18), each as a general rule tested in
wordings and layouts the corpus does not have: table rows copied without their header row (a model's
row read as a row, a bare count of thousands or millions in it read as the window), a row's model id
in code and a stage another cell of the row names, sizes listed in parentheses after a variant's name
or glued to it by a hyphen, a parameter described as a key/maximum object in a provider catalog, and
"both" said under headings that name two variants."""

from __future__ import annotations

from llama4ref.claims import check_claims
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.claims_helpers import by_text, flagged

# -- table rows copied without their header row -----------------------------------------------------


def test_rows_without_a_header_are_rows_and_a_bare_window_in_them_is_checked(kb: KnowledgeBase) -> None:
    doc = "## Open models we track\n\n| *Llama 4 Scout* | Meta | 109B | 64K | open |\n| *Llama 4 Maverick* | Meta | 400B | 1M | open |\n"
    claims = check_claims(doc, kb)
    found = by_text(claims)
    # the first line is a row, not a header: Scout's figures are read too
    assert found["109B"].path == "scout.params.total"
    assert found["64K"].status == "contradicted"
    assert found["64K"].path == "scout.context_window.instruct"
    assert found["1M"].status == "supported"
    assert flagged(claims) == ["64K"]


def test_a_single_copied_row_is_read_as_a_row(kb: KnowledgeBase) -> None:
    claims = by_text(check_claims("| **Llama 4 Scout** | 512K | vision + text |\n", kb))
    assert claims["512K"].status == "contradicted"
    assert claims["512K"].path == "scout.context_window.instruct"


def test_a_bare_count_under_a_heading_naming_another_count_is_not_the_window(kb: KnowledgeBase) -> None:
    doc = "## Max output tokens per model\n\n| Llama 4 Scout | 32K | 10M |\n| Llama 4 Maverick | 32K | 1M |\n"
    assert flagged(check_claims(doc, kb)) == []
    # a table with a header row keeps reading its first line as the header
    doc = "| Llama 4 Scout | 64K |\n|---|---|\n| Llama 4 Maverick | 1M |\n"
    assert "64K" not in by_text(check_claims(doc, kb))


# -- a row's model id in code and the stage another cell of the row names ---------------------------


def test_a_model_id_in_code_names_the_row_s_variant(kb: KnowledgeBase) -> None:
    doc = "| Model | Window | Notes |\n|---|---|---|\n| `llama-4-maverick` | 512K tokens | chat tuned |\n"
    claims = by_text(check_claims(doc, kb))
    assert claims["512K"].status == "contradicted"
    assert claims["512K"].path == "maverick.context_window.instruct"
    # a dotted path in code is no model id: it binds no variant
    doc = "| key | setting |\n|---|---|\n| `scout.serving.flags` | --max-model-len 3600000 |\n"
    assert flagged(check_claims(doc, kb)) == []


def test_a_stage_named_in_another_cell_is_the_row_s_stage(kb: KnowledgeBase) -> None:
    row = "| Model | Window | Notes |\n|---|---|---|\n| `llama4-scout` | 256K tokens | {} |\n"
    base = by_text(check_claims(row.format("the pre-trained base checkpoint"), kb))
    assert base["256K"].status == "supported"
    assert base["256K"].path == "scout.context_window.base"
    # without a stage word the window is the instruct model's, and 256K is wrong for it
    plain = by_text(check_claims(row.format("good for long documents"), kb))
    assert plain["256K"].status == "contradicted"


# -- sizes after a variant's name -------------------------------------------------------------------


def test_every_size_in_the_parentheses_after_a_variant_is_its_size(kb: KnowledgeBase) -> None:
    claims = check_claims("Adapters are provided for Llama 4 Scout (7B, 13B, 34B) and for Mixtral.", kb)
    assert flagged(claims) == ["7B", "13B", "34B"]
    assert all(c.path == "scout.params.total" for c in claims if c.status == "contradicted")


def test_a_size_glued_to_a_variant_s_name_is_its_size(kb: KnowledgeBase) -> None:
    wrong = by_text(check_claims("We distilled Llama-4-Scout-3B into a phone-sized student.", kb))
    assert wrong["3B"].status == "contradicted"
    assert wrong["3B"].path == "scout.params.total"
    right = by_text(check_claims("We serve Maverick-17B behind a small gateway.", kb))
    assert right["17B"].status == "supported"
    # the name with its expert count stays a name
    assert check_claims("We serve Llama-4-Maverick-17B-128E-Instruct behind a small gateway.", kb) == []


# -- a parameter described by its key and its largest value ------------------------------------------


def test_a_parameter_object_is_read_as_its_key(kb: KnowledgeBase) -> None:
    doc = '"accounts/fireworks/models/llama4-maverick-instruct-basic": {\n  "settings": [{ "key": "max_tokens", "maxValue": 4096 }],\n  "kind": "chat"\n},\n'
    src = "https://github.com/example/catalog/blob/0123456789abcdef0123456789abcdef01234567/providers/fireworks.json"
    claims = by_text(check_claims(doc, kb, source=src))
    assert claims["4096"].status == "contradicted"
    assert claims["4096"].path == "providers.fireworks.maverick.context.max_output"
    # a default value is not the cap: left unread
    default = doc.replace('"maxValue"', '"defaultValue"')
    assert "4096" not in flagged(check_claims(default, kb, source=src))


# -- "both" under headings that name the two variants -------------------------------------------------


def test_both_under_a_heading_naming_two_variants_holds_the_figure_to_each(kb: KnowledgeBase) -> None:
    doc = "# Scout or Maverick?\n\n## Long context\n\nBoth models take 10 million tokens of context.\n"
    claims = check_claims(doc, kb)
    # held to each, it is wrong for Maverick (1M), and reported against the variant it fails
    assert [(c.text, c.status, c.path) for c in claims] == [("10 million", "contradicted", "maverick.context_window.instruct")]
    # under a heading naming no variant, "both" has no two models to hold the figure to
    assert flagged(check_claims("# Long context\n\nBoth models take 10 million tokens of context.\n", kb)) == []
    # figures given "respectively" are one each
    doc = "# Scout or Maverick?\n\nBoth models draw on pools of 109 billion and 400 billion parameters, respectively.\n"
    assert flagged(check_claims(doc, kb)) == []
