"""`llama4ref diff`: added, removed and changed facts and records between two trees, with citations."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest

from llama4ref.cli.render.diff import report_lines
from llama4ref.domain.diff import diff_trees
from tests.conftest import MINIMAL_TREE, run_cli

SHEET = """\
    id: card-facts
    subject: scout.card
    title: Facts from the card
    facts:
      languages:
        value: 12
        unit: count
        citations:
          - source: card
            locator: Languages paragraph
            quote: "12 languages"
      cutoff:
        value: "2024-08"
        unit: month
        citations:
          - source: card
            locator: Model Information table
            quote: "August 2024"
    """


def write_tree(root: Path, files: dict[str, str | None]) -> Path:
    """The minimal tree plus ``files`` (None deletes) at ``root``."""
    for rel, text in {**MINIMAL_TREE, **files}.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def trees(tmp_path: Path) -> tuple[Path, Path]:
    """An old tree and a new one: a value changed and re-cited, a fact removed, a fact added, a source retitled."""
    old = write_tree(tmp_path / "old", {"card/card-facts.yaml": SHEET, "DATA_VERSION": "2026.01.01\n"})
    variant = MINIMAL_TREE["variants/scout.yaml"].replace("109_000_000_000", "110_000_000_000")
    variant = variant.replace('quote: "109B (Total)"', 'quote: "110B (Total)"')
    sheet = SHEET.replace(
        "      cutoff:",
        "      vision:\n        value: true\n        unit: boolean\n"
        "        citations:\n          - source: card\n            locator: Modalities\n"
        '            quote: "Multimodal"\n      cutoff_removed:',
    )
    sheet = sheet.split("      cutoff_removed:")[0]
    source = MINIMAL_TREE["sources/card.yaml"].replace("title: A model card", "title: The model card")
    new = write_tree(
        tmp_path / "new",
        {
            "card/card-facts.yaml": sheet,
            "variants/scout.yaml": variant,
            "sources/card.yaml": source,
            "DATA_VERSION": "2026.02.01\n",
        },
    )
    return old, new


def test_diff_finds_added_removed_and_changed_facts(trees: tuple[Path, Path]) -> None:
    """A changed value names the changed fields; added and removed facts are listed by path."""
    d = diff_trees(*trees)
    assert (d.old_version, d.new_version) == ("2026.01.01", "2026.02.01")
    assert [f.path for f in d.added] == ["scout.card.vision"]
    assert [f.path for f in d.removed] == ["scout.card.cutoff"]
    changed = {c.path: c for c in d.changed}
    assert set(changed["scout.params.total"].fields) == {"value", "citations"}
    assert changed["scout.params.total"].fields["value"] == (109_000_000_000, 110_000_000_000)
    assert [(r.kind, r.id, list(r.fields)) for r in d.records_changed] == [("source", "card", ["title"])]


def test_diff_of_a_tree_with_itself_is_empty(trees: tuple[Path, Path]) -> None:
    """Nothing changes between a tree and itself."""
    assert diff_trees(trees[0], trees[0]).is_empty


def test_diff_report_shows_citations_for_changed_values(trees: tuple[Path, Path]) -> None:
    """The text report marks + added, - removed, ~ changed, and shows old and new citations of a changed value."""
    text = "\n".join(report_lines(diff_trees(*trees)))
    assert "~ scout.params.total\n    value: 109,000,000,000 (109B) parameters → 110,000,000,000 (110B) parameters" in text
    assert "- cited: card [Model Information table] “109B (Total)”" in text
    assert "+ cited: card [Model Information table] “110B (Total)”" in text
    assert "+ scout.card.vision = yes" in text and "- scout.card.cutoff = 2024-08" in text
    assert "~ source card\n    title: A model card → The model card" in text


def test_cli_diff_text_and_json(trees: tuple[Path, Path]) -> None:
    """`diff OLD NEW` exits 0 and prints the report; `--json` prints the envelope."""
    old, new = (str(p) for p in trees)
    res = run_cli("diff", old, new)
    assert res.code == 0 and res.stdout.startswith("data 2026.01.01 → 2026.02.01: facts 1 added, 1 removed, 1 changed")
    doc = json.loads(run_cli("diff", old, new, "--json").stdout)
    assert doc["kind"] == "diff" and doc["data"]["summary"]["facts_changed"] == 1
    change = doc["data"]["facts"]["changed"][0]
    assert change["changes"]["value"] == {"old": 109_000_000_000, "new": 110_000_000_000}
    assert change["new"]["citations"][0]["quote"] == "110B (Total)"


def test_cli_diff_invalid_tree_is_one_line(trees: tuple[Path, Path], tmp_path: Path) -> None:
    """An invalid tree, old or new, is input diff cannot read: one line with its stable code, naming
    the tree and the argument, exit 2 as the README's exit table says (review19 #8; it was exit 1
    with no code)."""
    broken = write_tree(tmp_path / "broken", {"card/bad.yaml": "id: bad\n"})
    for args, what in (((trees[0], broken), "NEW"), ((broken, trees[1]), "OLD")):
        res = run_cli("diff", *map(str, args))
        assert res.code == 2 and res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
        assert res.stderr.startswith(f"llama4ref: error: L4R-U019 {broken}: ") and "problem(s)" in res.stderr
        assert res.stderr.endswith(f"; {what} must be a facts tree that validates\n") and not res.stdout


def test_diff_on_a_copy_of_the_shipped_tree(facts_dir: Path, tmp_path: Path) -> None:
    """Changing a value in a copy of the shipped data shows up as exactly that change, with its citations."""
    new = tmp_path / "facts"
    shutil.copytree(facts_dir, new)
    scout = new / "variants" / "scout.yaml"
    text = scout.read_text(encoding="utf-8")
    assert "value: 109_000_000_000" in text
    text = text.replace("value: 109_000_000_000", "value: 108_000_000_000", 1).replace('"109B (Total)"', '"108B (Total)"', 1)
    scout.write_text(text, encoding="utf-8")
    d = diff_trees(facts_dir, new)
    assert [c.path for c in d.changed if not c.new.derived] == ["scout.params.total"]
    assert not d.added and not d.removed and not d.records_changed
    lines = report_lines(d)
    at = lines.index("~ scout.params.total")
    assert any(line.lstrip("-+ ").startswith("cited: llama-models-model-card") for line in lines[at : at + 6])
