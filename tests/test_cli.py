"""The command line: output people read, JSON machines read, exit codes, errors on one line."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_cli


def envelope(out: str, kind: str) -> dict[str, object]:
    doc = json.loads(out)
    assert doc["schema_version"] == 1 and doc["kind"] == kind
    data = doc["data"]
    assert isinstance(data, dict)
    return data


def test_show_scout_has_the_headline_facts() -> None:
    """`show scout` prints identity, parameters, experts, context, languages, checkpoints and sources."""
    res = run_cli("show", "scout")
    assert res.code == 0, res.stderr
    needles = ["Llama 4 Scout", "109,000,000,000", "17,000,000,000", "10,485,760", "262,144", "2025-04-05", "2024-08"]
    needles += ["Tagalog", "meta-llama/Llama-4-Scout-17B-16E-Instruct", "Sources", "llama-models-model-card"]
    for needle in needles:
        assert needle in res.stdout, needle


def test_show_json_mirrors_the_screen() -> None:
    """`show --json` carries the same sections and sources."""
    data = envelope(run_cli("show", "Llama-4-Maverick-17B-128E-Instruct", "--json").stdout, "overview")
    assert data["variant"]["id"] == "maverick"  # type: ignore[index]
    paths = [f["path"] for s in data["sections"] for f in s["facts"]]  # type: ignore[attr-defined]
    assert "maverick.params.total" in paths and "maverick.checkpoints" in paths
    assert data["sources"]


def test_get_json_shape() -> None:
    """`get --json` has path, value, unit and citations with source, locator and quote."""
    data = envelope(run_cli("get", "maverick.params.total", "--json").stdout, "fact")
    assert (data["path"], data["value"], data["unit"]) == ("maverick.params.total", 400_000_000_000, "parameters")
    cit = data["citations"][0]  # type: ignore[index]
    assert {"source", "locator", "quote"} <= set(cit)
    assert data["alternatives"][0]["value"] == 402_000_000_000  # type: ignore[index]


def test_get_prints_citation_quotes() -> None:
    """`get` shows the value, each source and its verbatim quote."""
    res = run_cli("get", "scout.context_window.instruct")
    assert res.code == 0
    assert "10,485,760" in res.stdout and "rounded" in res.stdout


def test_unknown_path_exits_2_with_one_line() -> None:
    """An unknown path is exit 2 and one line on stderr with suggestions, no traceback."""
    res = run_cli("get", "scout.params.totl")
    assert res.code == 2
    assert res.stderr.count("\n") == 1 and "did you mean" in res.stderr and "Traceback" not in res.stderr


def test_usage_error_exits_2() -> None:
    """Bad usage is exit 2."""
    assert run_cli("get").code == 2
    assert run_cli("list", "nonsense").code == 2


@pytest.mark.parametrize("kind", ["variants", "sources", "facts", "sheets", "license-terms", "identifiers"])
def test_list_kinds_json(kind: str) -> None:
    """`list KIND --json` returns a list for every kind."""
    doc = json.loads(run_cli("list", kind, "--json").stdout)
    assert doc["kind"] == kind and isinstance(doc["data"], list)


def test_list_sources_without_truncation_in_pipes() -> None:
    """Non-TTY output never truncates ids."""
    res = run_cli("list", "sources")
    assert "transformers-4.51.0-configuration-llama4" in res.stdout
    assert "…" not in res.stdout


def test_validate_shipped_tree() -> None:
    """`validate` with no argument checks the shipped tree and exits 0."""
    res = run_cli("validate")
    assert res.code == 0, res.stdout
    assert "ok" in res.stderr


def test_validate_broken_tree_reports_every_problem(make_tree: Callable[..., Path]) -> None:
    """`validate DIR` prints file:line:col: CODE for each problem and exits 1."""
    root = make_tree(
        {
            "t/a.yaml": "id: a\nsubject: x\ntitle: t\nfacts:\n  k:\n    value: 1\n    unit: count\n"
            "    citations: [{source: nope, locator: l, quote: q 1}]\n",
            "t/b.yaml": "a: 1\na: 2\n",
        }
    )
    res = run_cli("validate", str(root))
    assert res.code == 1
    lines = res.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].endswith("t/a.yaml:8:26: L4R-T006 unknown source 'nope'")
    assert ":2:1: L4R-Y012 duplicate key 'a'" in lines[1]


def test_version_reports_package_and_data() -> None:
    """`--version` names the package version and the data version."""
    res = run_cli("--version")
    assert res.code == 0 and res.stdout.startswith("llama4ref ") and "data " in res.stdout


def test_short_help() -> None:
    """`-h` works as `--help` and documents the exit codes."""
    res = run_cli("-h")
    assert res.code == 0 and "Exit codes" in res.stdout


def test_python_dash_m() -> None:
    """`python -m llama4ref` runs the CLI."""
    out = subprocess.run(
        [sys.executable, "-m", "llama4ref", "get", "scout.experts.routed", "--json"], capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout)["data"]["value"] == 16
