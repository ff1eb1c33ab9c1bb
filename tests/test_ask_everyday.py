"""Everyday deployment questions (issue 14): the asked attribute must be the answer's (a price
never answers a limit), running a model asks for serving hardware, not a fine-tuning recipe, and
the hint points to `memory` or `providers` when the question is about running or buying a model."""

from __future__ import annotations

import sqlite3

import pytest

from llama4ref.domain.answer import ask
from llama4ref.store.knowledge_base import KnowledgeBase


@pytest.mark.parametrize(
    "text",
    [
        "how long can a together ai maverick completion be, max output tokens",
        "max output length for llama 4 maverick served by together",
    ],
)
def test_a_price_does_not_answer_a_limit(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> None:
    """No max-output record exists for Together's Maverick: its output price is no answer."""
    ans = ask(kb, text, db)
    assert not ans.found or ".price." not in (ans.path or "")


def test_a_limit_still_answers_where_recorded(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """The rule drops prices, not the limit itself: deepinfra records Maverick's max output."""
    ans = ask(kb, "largest number of output tokens deepinfra allows for maverick", db)
    assert ans.found and ans.path == "providers.deepinfra.maverick.context.max_output"


def test_running_asks_for_serving_hardware(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """ "serve scout": the quantization or runtime hardware, not a fine-tuning recipe's GPUs."""
    ans = ask(kb, "how many gpus does it take to serve scout for inference", db)
    assert ans.found and not (ans.path or "").startswith("finetuning.")


def test_fine_tuning_still_asks_for_the_recipe(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    ans = ask(kb, "how many gpus to fine-tune scout", db)
    assert ans.found and (ans.path or "").startswith("finetuning.")


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("will llama 4 scout fit on one rtx 4090", "llama4ref memory scout --gpu rtx_4090"),
        ("how many h100 cards would maverick take", "llama4ref memory maverick --gpu h100"),
        ("who are the providers hosting scout", "llama4ref providers scout --current"),
        ("can scout run on 2x rtx 4090", "llama4ref memory scout --gpu rtx_4090 --gpus 2"),  # review19: the count kept
        ("can I run maverick on 8 h100 in fp8", "llama4ref memory maverick --precision fp8 --gpu h100 --gpus 8"),
    ],
)
def test_deployment_questions_point_to_memory_or_providers(
    kb: KnowledgeBase, db: sqlite3.Connection, text: str, hint: str
) -> None:
    assert ask(kb, text, db).suggestion == hint


def test_a_provider_question_left_unanswered_points_to_providers(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """A limit no record gives for one provider's model: the `providers` table, not a list of paths."""
    ans = ask(kb, "biggest completion length, in output tokens, that together allows on maverick", db)
    assert ans.suggestion == "llama4ref providers maverick"
