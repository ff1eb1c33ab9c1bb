"""Questions the records cannot answer are not answered with an unrelated fact (review20, findings 4 and 6):
another model than the best fact is of, or an attribute the best fact does not carry, gives the closest facts
and the reason instead (llama4ref.domain.abstain); "how many GPUs" leads with a count (llama4ref.domain.leads)."""

from __future__ import annotations

import sqlite3

import pytest

from llama4ref.domain.answer import ask
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli

OTHER_MODEL = [
    # the review's questions
    ("how many parameters does llama 5 have", "llama 5"),
    ("how many parameters does gpt-4 have", "gpt 4"),
    # variants: another Llama generation, a model family the records hold only benchmark results of
    ("how many layers does llama 5 have", "llama 5"),
    ("what is the context window of llama 6", "llama 6"),
    ("knowledge cutoff of llama 2", "llama 2"),
    ("how many experts does llama 7 have", "llama 7"),
]


@pytest.mark.parametrize(("text", "model"), OTHER_MODEL)
def test_a_model_the_records_lack_is_not_answered_with_another_models_fact(
    kb: KnowledgeBase, db: sqlite3.Connection, text: str, model: str
) -> None:
    """A question about a model the records do not cover is not answered by a Llama 4 (or Llama
    Guard 4) fact: nothing is found, and the reason names the model as written."""
    ans = ask(kb, text, db)
    assert not ans.found and ans.path is None and ans.runners_up
    assert len(ans.caveats) == 1 and model in ans.caveats[0]


ONLY_NAMES = [
    # the review's questions: an attribute no fact of the provider, the model or the topic carries
    ("gpt-4o context window", "context window"),
    ("how fast is maverick on groq tokens per second", "tokens per second"),
    ("tokens per second of scout on cerebras", "tokens per second"),
    ("scout latency on groq", "latency"),
    ("what is the capital of france", "capital"),
    # variants
    ("gpt-4o number of layers", "layers"),
    ("what is the throughput of scout on together", "throughput"),
    ("maverick latency on fireworks", "latency"),
    ("what is the capital of germany", "capital"),
    ("what is the population of france", "population"),
]


@pytest.mark.parametrize(("text", "asked"), ONLY_NAMES)
def test_a_fact_matching_only_the_names_is_no_answer(kb: KnowledgeBase, db: sqlite3.Connection, text: str, asked: str) -> None:
    """A best fact that matches only the model, provider or place named, and none of what the
    question asks of it, is not given as the answer: the reason names what was asked."""
    ans = ask(kb, text, db)
    assert not ans.found and ans.runners_up
    assert len(ans.caveats) == 1 and asked in ans.caveats[0]


STILL_ANSWERED = [
    ("gpt-4o chartqa", "gpt-4o.benchmarks.blog.chartqa"),
    ("how much more pretraining data than llama 3", "training.data_mixture.vs_llama3"),
    ("maverick cost per million tokens compared to gpt-4o", "gpt-4o.benchmarks.blog.inference_cost"),
    ("is behemoth multimodal", "behemoth.architecture.multimodal"),
    ("how fast is maverick on 8x B200 with trtllm", "runtime.tensorrt_llm.maverick.8xb200.reported_speed"),
    ("groq maverick output token price", "providers.groq.maverick.price.output"),
    ("behemoth multilingual mmlu vs gpt-4.5", "gpt-4.5.benchmarks.blog.multilingual_mmlu"),
]


@pytest.mark.parametrize(("text", "path"), STILL_ANSWERED)
def test_what_the_records_hold_is_still_answered(kb: KnowledgeBase, db: sqlite3.Connection, text: str, path: str) -> None:
    """The rules leave alone a fact of the model named that carries what is asked, a model named
    only as what Llama 4 is compared with, and a topic's name that is also the attribute asked."""
    ans = ask(kb, text, db)
    assert ans.found and (ans.path == path or path in [f.path for f in ans.facts]), (ans.path, ans.caveats)


@pytest.mark.parametrize(
    "text",
    ["what is the temperature I should use", "what is a good temperature to use", "the temperature to set for scout"],
)
def test_a_temperature_to_use_is_the_sampling_default(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> None:
    """The temperature one should use or set is the sampling temperature (Meta's reference
    default), not attention temperature tuning."""
    ans = ask(kb, text, db)
    assert ans.found and ans.path == "prompt_format.sampling.reference_temperature"


def test_attention_temperature_is_still_temperature_tuning(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """Naming attention temperature still asks about temperature tuning."""
    assert ask(kb, "what is attention temperature tuning", db).path in (
        "irope.temperature_tuning",
        "irope.temperature_tuning.purpose",
    )


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("how many GPUs do I need to run scout", "quantization.meta.int4_mixed.hardware.scout"),
        ("how many gpus does scout need in int4", "quantization.meta.int4_mixed.hardware.scout"),
    ],
)
def test_how_many_gpus_leads_with_a_count(kb: KnowledgeBase, db: sqlite3.Connection, text: str, path: str) -> None:
    """ "How many GPUs" is answered by a number of GPUs, not by the condition under which one is enough."""
    ans = ask(kb, text, db)
    assert ans.found and ans.path == path and ans.facts[0].unit == "gpus"


def test_cli_says_why_and_exits_1() -> None:
    """The CLI prints that no fact answers, the reason, the closest facts, and exits 1."""
    res = run_cli("ask", "how fast is maverick on groq tokens per second")
    assert res.code == 1
    assert "well enough" in res.stdout and "'tokens per second'" in res.stdout and "Closest facts:" in res.stdout
