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
