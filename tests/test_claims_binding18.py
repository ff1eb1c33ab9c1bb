"""How a value is bound to its attribute in prose (issue 18, binding round): a bare scaled figure
echoing one the text just gave with its attribute, and a count's own noun right after it deciding
among the phrases of its clause. Every phrasing here is written for these tests."""

from __future__ import annotations

import pytest

from llama4ref.claims import check_claims
from llama4ref.store.knowledge_base import KnowledgeBase

# -- a bare scaled figure echoes the figure the text just gave (extract.echoed) ---------------------


@pytest.mark.parametrize(
    "doc",
    [
        "Llama 4 Scout was described with a 2M-token context window, and the 2M claim spread quickly.",
        "A forum post says Llama 4 Maverick supports a context window of 4M tokens. Several blogs then copied the 4M figure.",
        "Llama 4 Scout was marketed with a 5M token context window. Reviewers kept repeating 5M.",
    ],
)
def test_a_restated_bare_figure_takes_the_attribute_it_was_first_given(kb: KnowledgeBase, doc: str) -> None:
    """The second, bare mention of a wrong window is held to the window too (it was read as nothing)."""
    claims = check_claims(doc, kb)
    assert len(claims) == 2
    assert [c.status for c in claims] == ["contradicted", "contradicted"]
    assert all(str(c.path).endswith("context_window.instruct") for c in claims)


def test_a_restated_trillions_figure_is_the_training_count_not_a_size(kb: KnowledgeBase) -> None:
    """ "that 22T estimate" after "22 trillion tokens" is the token count, not a parameter count."""
    claims = check_claims("Llama 4 Maverick was trained on 22 trillion tokens, and that 22T estimate came from a leak.", kb)
    assert [(c.text, c.status, c.path) for c in claims][-1] == ("22T", "supported", "maverick.training.tokens")


def test_a_bare_count_without_a_scale_word_echoes_nothing(kb: KnowledgeBase) -> None:
    """A count with no K, M, B or T (a score, a year, a GPU count) is not taken for the figure before it."""
    claims = check_claims("Llama 4 Scout has 16 experts. Reviewers ran it on 3 machines and repeated 3.", kb)
    assert [c.text for c in claims if c.status == "contradicted"] == []


# -- a count's own noun right after it decides among the clause's phrases (binding.own_noun) --------


@pytest.mark.parametrize(
    "doc",
    [
        "Llama 4 Maverick: 128 experts × 16 MoE layers × d_model.",
        "Llama 4 Maverick's 20 MoE layers × d_model set the size of its expert weights.",
        "For Llama 4 Maverick, 16 MoE layers times d_model gives the expert weight count.",
    ],
)
def test_the_noun_right_after_a_count_names_what_it_counts(kb: KnowledgeBase, doc: str) -> None:
    """ "16 MoE layers × d_model": the count is of MoE layers (24 recorded), whatever phrase follows."""
    layers = [c for c in check_claims(doc, kb) if c.text in ("16", "20")]
    assert [(c.status, c.path) for c in layers] == [("contradicted", "maverick.architecture.moe_layers")]
