"""Review 20's wrong check-claims verdicts (issue 18), each as a class with the reviewer's sentence
and variants of our own: a threshold is one figure, not a bound (findings 1 and 13), a count of
things is no token length (finding 2), a training verb makes a context length the training's
(finding 3)."""

from __future__ import annotations

import pytest

from llama4ref.claims import check_claims
from llama4ref.store.knowledge_base import KnowledgeBase

MAU = "license.mau_threshold"  # 700 million, "greater than 700 million monthly active users"


def _claim(kb: KnowledgeBase, text: str, value: str) -> tuple[str, str | None]:
    found = [c for c in check_claims(text, kb) if c.text == value]
    assert found, f"{value!r} not read: {[(c.text, c.status, c.reason) for c in check_claims(text, kb)]}"
    return found[-1].status, found[-1].path


# -- a threshold is one figure: a bound word restates its comparison, a rounding names another ------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The license threshold is 1 billion monthly active users.", "1 billion"),  # the reviewer's
        ("Companies with more than 500 million monthly active users need a special license.", "500 million"),  # the reviewer's
        ("Above 2 billion monthly active users you need a license from Meta.", "2 billion"),  # finding 13
        ("If your product exceeds 300 million monthly active users, you must request a license.", "300 million"),
        ("Services with over 1.5 billion monthly active users need Meta's permission.", "1.5 billion"),
        ("The Llama 4 license caps use at 800 million monthly active users.", "800 million"),
    ],
)
def test_another_threshold_is_contradicted(kb: KnowledgeBase, text: str, value: str) -> None:
    assert _claim(kb, text, value) == ("contradicted", MAU)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Companies with over 700 million monthly active users need a license.", "700 million"),
        ("Services with 700M MAU need a license from Meta.", "700M"),
        ("Licensees with more than 700 million monthly active users must request a license.", "700 million"),
        ("If you have more than 0.7 billion monthly active users you need a license.", "0.7 billion"),
        ("Above 700 million monthly active users you need a license from Meta.", "700 million"),
    ],
)
def test_the_threshold_however_bounded_is_supported(kb: KnowledgeBase, text: str, value: str) -> None:
    assert _claim(kb, text, value) == ("supported", MAU)


def test_a_recorded_limit_is_its_figure(kb: KnowledgeBase) -> None:
    """A recorded bound ("up to 5 images") is a limit too: the same figure agrees, a bound word with it included."""
    assert _claim(kb, "Llama 4 has been tested for image understanding with up to 5 input images.", "5")[0] == "supported"


# -- a count of things is not a token length ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("# Acme Scout\n\nWe trained with LoRA on 20k support tickets for 2 epochs on 4xH100.\n", "20k"),  # the reviewer's
        ("Scout was trained on a dataset of 300K conversations.", "300K"),  # the reviewer's
        ("Scout was fine-tuned on 1.2M multi-turn conversations.", "1.2M"),
        ("We trained Llama 4 Maverick on 500K examples from our help desk.", "500K"),
        ("Llama 4 Scout was post-trained on 2M samples.", "2M"),
        ("# Acme Scout\n\nThe adapter was trained for 100K steps on 64K documents.\n", "64K"),
    ],
)
def test_a_count_of_things_is_no_claim(kb: KnowledgeBase, text: str, value: str) -> None:
    assert value not in [c.text for c in check_claims(text, kb)]


def test_a_rate_per_thing_is_still_read(kb: KnowledgeBase) -> None:
    """'~28B per step' counts parameters per step (the noun after "per" is not the figure's own)."""
    text = "Scout is the efficiency model: 109B total with sparse gating that activates ~28B per step."
    assert _claim(kb, text, "28B") == ("contradicted", "scout.params.active")


def test_tokens_beside_a_count_of_things_are_still_read(kb: KnowledgeBase) -> None:
    assert _claim(kb, "Scout was trained on 2M samples and 40T tokens.", "40T") == ("supported", "scout.training.tokens")


# -- "trained with a … context length" is the training context ---------------------------------------------

TRAINING_CONTEXT = "scout.long_context.training_context_length"  # 262,144 ("256K")


@pytest.mark.parametrize(
    ("text", "value", "status"),
    [
        ("Scout is trained with a 256K context length.", "256K", "supported"),  # the reviewer's (Meta's wording)
        ("Llama 4 Scout was pre-trained and post-trained with a 256K context length.", "256K", "supported"),
        ("Llama 4 Scout was trained on a 256K context window.", "256K", "supported"),
        ("Scout is trained with a 128K context length.", "128K", "contradicted"),
        ("Scout is trained with a 10M context window.", "10M", "contradicted"),
    ],
)
def test_a_training_verb_makes_the_context_the_trainings(kb: KnowledgeBase, text: str, value: str, status: str) -> None:
    assert _claim(kb, text, value) == (status, TRAINING_CONTEXT)


def test_a_context_length_without_training_is_the_window(kb: KnowledgeBase) -> None:
    assert _claim(kb, "Scout has a 256K context length.", "256K") == ("contradicted", "scout.context_window.instruct")


# -- the threshold named as its clause's subject ("The MAU limit … is 700 million") ------------------------


@pytest.mark.parametrize(
    ("text", "value", "status"),
    [
        ("The MAU limit in the Llama 4 license is 700 million.", "700 million", "supported"),  # the reviewer's
        ("The MAU limit in the Llama 4 license is 1 billion.", "1 billion", "contradicted"),
        ("Meta's MAU threshold for Llama 4 is 700 million users.", "700 million", "supported"),
        ("The monthly active users cap stands at 500 million.", "500 million", "contradicted"),
    ],
)
def test_a_limit_stated_as_the_subject_is_the_threshold(kb: KnowledgeBase, text: str, value: str, status: str) -> None:
    assert _claim(kb, text, value) == (status, MAU)


def test_a_figure_with_its_own_unit_is_not_the_threshold(kb: KnowledgeBase) -> None:
    """'… users get a context window of 10M tokens': the tokens are the window's, whoever gets it."""
    assert _claim(kb, "Scout's users get a context window of 10M tokens.", "10M") == (
        "supported",
        "scout.context_window.instruct",
    )
