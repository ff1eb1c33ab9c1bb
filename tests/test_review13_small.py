"""review13 #12, small misleading outputs: a horizon past any record, a negative context, a GPU
count the model cannot be split over, an empty filter, and a count of priced rows read as the
count of offers."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import run_cli

CODED = re.compile(r"llama4ref: error: L4R-U012 \S[^\n]*\n")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["stale", "--older-than", "99999999999999d"], "--older-than takes at most 36,500 days"),
        (["providers", "scout", "--min-context", "-5"], "--min-context takes a number of tokens, 0 or more"),
        (["benchmarks", "--variant", ""], "--variant is empty"),
        (["benchmarks", "--name", ""], "--name is empty"),
        (["benchmarks", "--stage", " "], "--stage is empty"),
        (["audit", "--only", ""], "--only is empty"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_a_filter_or_bound_no_answer_can_honour_is_a_usage_error(args: list[str], says: str) -> None:
    """Each was accepted and answered as if the option were absent (or listed every undated record)."""
    res = run_cli(*args)
    assert (res.code, res.stdout) == (2, "") and CODED.fullmatch(res.stderr) and says in res.stderr, res


def test_the_longest_horizon_still_answers() -> None:
    """100 years is still a horizon: only what is past it is refused."""
    assert run_cli("stale", "--older-than", "36500d", "--json").code == 0


def test_a_gpu_count_the_model_cannot_use_does_not_fit() -> None:
    """`--gpus 999999` warned the count is impossible, then said `fits … yes`; now the verdict agrees."""
    res = run_cli("memory", "scout", "--gpus", "999999", "--gpu", "h100")
    verdict = " ".join(res.stdout.split("fits on 999999 × h100: ", 1)[1].split("note:", 1)[0].split())
    assert res.code == 0 and verdict.startswith("no: scout cannot be split over 999999 GPUs"), verdict
    assert "fits on 24 × h100: yes" in run_cli("memory", "scout", "--gpus", "24", "--gpu", "h100").stdout


def test_ask_counts_the_offers_it_does_not_list() -> None:
    """`ask cheapest provider for scout` said 17 current offers where `providers scout --current`
    lists 18: the one with no price is now named, so the two counts add up."""
    out = " ".join(run_cli("ask", "cheapest", "provider", "for", "scout").stdout.split())
    shown = int(re.search(r"\((\d+) current offers, lowest input price first\)", out).group(1))  # type: ignore[union-attr]
    unpriced = re.search(r"(\d+) more current offers? (?:has|have) no price recorded: ", out)
    listed = len(json.loads(run_cli("providers", "scout", "--current", "--json").stdout)["data"])
    assert unpriced is not None and shown + int(unpriced.group(1)) == listed, out


@pytest.mark.parametrize("path", ["maverick.context_window.instruct", "maverick.context_window"])
def test_get_as_of_marks_a_value_that_is_not_the_preferred_one(path: str) -> None:
    """review13 #8: `get … --as-of 2025-04-06` showed the rounded 1M as the value, unmarked; it now
    carries its rank and the value ranked above it, as the normal view marks an alternative; a
    date on which the preferred value was known shows no such mark."""
    out = " ".join(run_cli("get", path, "--as-of", "2025-04-06").stdout.split())
    assert "1,000,000 (1M) tokens [rounded; ranked below 1,048,576 (1M) tokens]" in out, out
    later = run_cli("get", path, "--as-of", "2026-04-06").stdout
    assert "1,048,576 (1M) tokens" in later and "ranked below" not in later


@pytest.mark.parametrize("command", ["get", "cite"])
def test_the_help_says_quotes_are_matched_with_whitespace_normalised(command: str) -> None:
    """review13 #14: 92 quotes match their source only after joining lines (a table row of the
    model card); where a user reads a quote, the help says so, so a grep that finds nothing is explained."""
    text = " ".join(run_cli(command, "-h").stdout.split())
    assert "exact characters" in text and "whitespace (line breaks included)" in text, text


def test_vllm_support_date_rests_on_a_quote_that_states_support() -> None:
    """review13 #5: `history.timeline.vllm_support` rested on a line of example code; its citation
    now says vLLM supports the models, from a source published on the date the value gives."""
    import llama4ref

    kb = llama4ref.knowledge_base()
    fact = kb.get("history.timeline.vllm_support")
    assert [c.source for c in fact.citations] == ["vllm-blog-llama4"]
    cit = fact.citations[0]
    assert "vLLM now supports" in cit.quote and str(cit.as_of) == str(fact.value) == "2025-04-05"
    assert str(kb.source("vllm-blog-llama4").version.published) == "2025-04-05"
    assert (kb.get("meta_answers.max_output_tokens").note or "").startswith("Our reading of the maintainer's reply")
