"""Every answer that cites a source says how to reach its address (review12 #8: no output of `ask`,
`get` or `show` printed a URL or the command that gives one): one short dim line,
`address: llama4ref sources ID`, whose command prints the URL."""

from __future__ import annotations

import pytest

from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli

ENV = {"COLUMNS": "80"}


def test_get_names_the_command_for_its_sources_addresses(kb: KnowledgeBase) -> None:
    """Two sources: the one line for any of them, which fits 80 columns; the command gives the URL."""
    out = run_cli("get", "scout.params.total", env=ENV).stdout
    assert out.endswith("  addresses: llama4ref sources ID (any source above)\n")
    url = kb.source("llama-models-model-card").url
    assert url in run_cli("sources", "llama-models-model-card").stdout


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["ask", "how", "many", "experts", "does", "maverick", "have"], "    address: llama4ref sources meta-blog-llama4-herd\n"),
        (["ask", "what", "license", "does", "llama", "4", "use"], "  addresses: llama4ref sources ID (any source above)\n"),
    ],
)
def test_ask_names_the_command_under_the_citations(args: list[str], line: str) -> None:
    """Under the citation(s) an answer shows, before "Also relevant"."""
    out = run_cli(*args, env=ENV).stdout
    assert line in out and out.index(line) < out.index("Also relevant:")


def test_one_source_is_named_by_its_id(kb: KnowledgeBase) -> None:
    """A fact with one source: the command for that source, ready to copy."""
    fact = next(f for f in kb.facts("scout") if len({c.source for c in f.citations}) == 1 and not f.alternatives)
    out = run_cli("get", fact.path, env=ENV).stdout
    assert out.endswith(f"  address: llama4ref sources {fact.citations[0].source}\n")


def test_show_says_where_addresses_are() -> None:
    """`show` lists source ids; its footer says which command gives their addresses."""
    out = run_cli("show", "scout", env=ENV).stdout
    assert "a source's address: `llama4ref sources ID`" in " ".join(out.split())
