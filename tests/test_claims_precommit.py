"""The llama4ref-check-claims hook, run by pre-commit itself against a fixture repository.

As in the other hook tests: `pre-commit try-repo <this checkout> llama4ref-check-claims` in a
git repository holding a README with Llama 4 figures. pre-commit builds the hook's environment
with pip (needs the package registry) and needs a git checkout of llama4ref.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from llama4ref.claims.files import DOCUMENT_SUFFIXES
from tests.conftest import REPO
from tests.test_precommit import PRE_COMMIT, _git, pytestmark  # noqa: F401  # pytestmark: the same skip condition


def docs_repo(tmp: Path, readme: str) -> Path:
    root = tmp / "docs-repo"
    root.mkdir()
    (root / "README.md").write_text(readme, encoding="utf-8")
    (root / "notes.txt").write_text("Llama 4 Scout has 16 experts.\n", encoding="utf-8")
    # files `check-claims DIR` does not read, each with a wrong figure: the hook must not read them either
    (root / "LICENSE").write_text("Llama 4 Maverick has a 10M-token context window.\n", encoding="utf-8")
    (root / "config.json").write_text('{"note": "Llama 4 Maverick has a 10M-token context window."}\n', encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "docs")
    return root


@pytest.mark.parametrize(
    ("readme", "ok"),
    [
        ("# Llama 4 Maverick\n\nMaverick has 128 experts and a 1M-token context window.\n", True),
        ("# Llama 4 Maverick\n\nMaverick has 128 experts and a 10M-token context window.\n", False),
    ],
)
def test_try_repo_runs_the_claims_hook(tmp_path: Path, pre_commit_home: Path, readme: str, ok: bool) -> None:
    """`pre-commit try-repo <checkout> llama4ref-check-claims` passes agreeing figures and fails a contradiction."""
    repo = docs_repo(tmp_path, readme)
    env = os.environ | {"PRE_COMMIT_HOME": str(pre_commit_home), "PRE_COMMIT_COLOR": "never", "SKIP": ""}
    out = subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(REPO), "llama4ref-check-claims", "--all-files"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert (out.returncode == 0) is ok, out.stdout + out.stderr
    if not ok:
        assert "README.md:3:" in out.stdout and "L4-CLAIM-CONTRADICTED" in out.stdout


def _claims_hook() -> dict[str, object]:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "llama4ref-check-claims")


@pytest.mark.parametrize(
    ("name", "read"),
    [
        *((f"docs/page{s}", True) for s in sorted(DOCUMENT_SUFFIXES)),
        *((f"README{s.upper()}", True) for s in sorted(DOCUMENT_SUFFIXES)),
        ("models/scout-acme/config.json", False),  # review 20: the hook read config.json and LICENSE
        ("models/scout-acme/LICENSE", False),
        ("NOTICE", False),
        ("generation_config.json", False),
        ("tokenizer_config.yaml", False),
        ("src/model.py", False),
    ],
)
def test_the_claims_hook_selects_what_check_claims_dir_reads(name: str, read: bool) -> None:
    """The hook's file selection is `check-claims DIR`'s: the document endings, not every text file."""
    import re

    hook = _claims_hook()
    assert "types" not in hook and "types_or" not in hook  # (pre-commit's `text` type is every text file)
    assert bool(re.search(str(hook["files"]), name)) is read
