"""The CI integration files: the pre-commit manifest and the generated rule table in docs/ci.md."""

from __future__ import annotations

import re

import yaml

from llama4ref.compliance.rules import render_rules_markdown

from .conftest import REPO

HOOKS = REPO / ".pre-commit-hooks.yaml"
CI_DOC = REPO / "docs" / "ci.md"


def _hooks() -> dict[str, dict[str, object]]:
    return {h["id"]: h for h in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}


def test_hooks_expose_both_checks() -> None:
    """The manifest has a name hook and a directory hook calling the llama4ref CLI."""
    hooks = _hooks()
    assert hooks["llama4ref-check-name"]["entry"] == "llama4ref check-name"
    assert hooks["llama4ref-license-check"]["entry"] == "llama4ref license check"
    compliance = [hooks["llama4ref-check-name"], hooks["llama4ref-license-check"]]
    assert all(h["language"] == "python" and h["pass_filenames"] is False for h in compliance)


def test_claims_hook_reads_the_staged_documents() -> None:
    """The claims hook is given the staged documents with the endings `check-claims DIR` reads,
    selected by `files` (pre-commit's `text` type would also pass config.json and LICENSE)."""
    from llama4ref.claims.files import DOCUMENT_SUFFIXES

    hook = _hooks()["llama4ref-check-claims"]
    assert hook["entry"] == "llama4ref check-claims" and hook["language"] == "python"
    assert hook["pass_filenames"] is True and "types_or" not in hook and "types" not in hook
    pattern = re.compile(str(hook["files"]))
    for suffix in DOCUMENT_SUFFIXES:
        assert pattern.search(f"docs/page{suffix}") and pattern.search(f"docs/PAGE{suffix.upper()}"), suffix
    for path in ["config.json", "LICENSE", "NOTICE", "setup.py", "facts/x.yaml", "notes.md.bak"]:
        assert not pattern.search(path), path


def test_directory_hook_triggers_on_license_files() -> None:
    """The directory hook's `files` pattern matches cards, notices, licenses and policies only."""
    pattern = re.compile(str(_hooks()["llama4ref-license-check"]["files"]))
    for path in [
        "README.md",
        "models/x/NOTICE",
        "Notice.txt",
        "LICENSE",
        "models/x/LICENSE.md",
        "USE_POLICY.md",
        "model_card.md",
    ]:
        assert pattern.search(path), path
    for path in ["src/app.py", "model.safetensors", "docs/notice-board.md", "README.md.bak"]:
        assert not pattern.search(path), path


def test_docs_rule_table_is_current() -> None:
    """docs/ci.md's rule table equals a fresh render (regenerate with render_rules_markdown())."""
    text = CI_DOC.read_text(encoding="utf-8")
    table = re.search(r"<!-- rules:start[^>]*-->\n(.*?)<!-- rules:end -->", text, re.S)
    assert table is not None
    assert table.group(1) == render_rules_markdown()


def test_docs_yaml_examples_parse() -> None:
    """Every YAML example in docs/ci.md is well-formed."""
    blocks = re.findall(r"```yaml\n(.*?)```", CI_DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 3
    for block in blocks:
        assert isinstance(yaml.safe_load(block), dict)
