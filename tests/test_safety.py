"""Issue #8: intended use, safeguards, evaluations and bounded figures as cited records."""

from __future__ import annotations

import json

import llama4ref
from tests.conftest import run_cli


def test_debated_topics_refusal_is_an_upper_bound() -> None:
    """ "Below 2%" is stored as 0.02 with bound less_than and shown as "< 2%", never as a point value."""
    fact = llama4ref.get("safety.refusals.debated_topics.llama4")
    assert (fact.value, fact.bound) == (0.02, "less_than")
    assert fact.display() == "< 2%"
    assert llama4ref.get("safety.refusals.debated_topics.llama3_3").value == 0.07


def test_safety_command_covers_every_section() -> None:
    """`safety --json` has intended use, model- and system-level safeguards, evaluations and figures."""
    data = json.loads(run_cli("safety", "--json").stdout)["data"]
    titles = {s["title"] for s in data["sections"]}
    assert {
        "Intended use",
        "Model-level mitigations",
        "System-level protections",
        "Evaluations and red teaming",
        "Reported figures: refusals",
    } <= titles


def test_safety_screen_shows_bounds_and_tools() -> None:
    """The safety screen names Llama Guard and Prompt Guard and prints bounds with their sign."""
    res = run_cli("safety")
    assert res.code == 0
    assert "llama_guard_4" in res.stdout and "prompt_guard" in res.stdout and "< 2%" in res.stdout


def test_search_finds_safety_records() -> None:
    """`search` reaches the safety records."""
    assert any(f.path.startswith("safety.") for f in llama4ref.search("GOAT"))


def test_show_links_to_safety() -> None:
    """`show` points to the safety command."""
    assert "llama4ref safety" in run_cli("show", "scout").stdout
