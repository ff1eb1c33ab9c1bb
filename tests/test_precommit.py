"""The shipped pre-commit hooks, run by pre-commit itself against a fixture model repository.

Two ways people use them: `pre-commit try-repo` on this checkout (what a maintainer does before
pinning), and a `.pre-commit-config.yaml` whose `rev:` pins a commit, as docs/ci.md shows. pre-commit
builds each hook's environment with pip, so these tests need the package registry (as the README's
test command does) and a git checkout of llama4ref (they are skipped in an unpacked sdist).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

FIXTURES = REPO / "tests" / "compliance" / "fixtures"
GIT = shutil.which("git")
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = pytest.mark.skipif(
    GIT is None or not (REPO / ".git").exists() or not PRE_COMMIT.exists(),
    reason="needs git, a git checkout of llama4ref and pre-commit (pip install -e '.[test]')",
)


def _git(cwd: Path, *args: str) -> str:
    assert GIT is not None
    env = os.environ | {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run([GIT, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True).stdout.strip()


def model_repo(tmp: Path, fixture: str, model_dir: str = ".") -> Path:
    """A git repository holding one model's card and NOTICE in ``model_dir``, named as the model."""
    root = tmp / "Llama-4-Scout-Acme-FT"
    shutil.copytree(FIXTURES / fixture, root / model_dir)
    (root / "model-names.txt").write_text("Llama-4-Scout-Acme-FT\nacme/Scout-Acme-FT\n", encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "model card")
    return root


def run(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never", "SKIP": ""}
    return subprocess.run([str(PRE_COMMIT), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.parametrize(
    ("fixture", "ok", "finding"), [("compliant-linked", True, ""), ("no-attribution", False, "L4-ATTRIBUTION")]
)
def test_try_repo_runs_the_license_hook(tmp_path: Path, pre_commit_home: Path, fixture: str, ok: bool, finding: str) -> None:
    """`pre-commit try-repo <checkout> llama4ref-license-check` passes a compliant card and fails one without attribution."""
    repo = model_repo(tmp_path, fixture)
    out = run(repo, pre_commit_home, "try-repo", str(REPO), "llama4ref-license-check", "--all-files")
    assert (out.returncode == 0) is ok, out.stdout + out.stderr
    assert finding in out.stdout


def docs_config() -> str:
    """The first `.pre-commit-config.yaml` example of docs/ci.md, as written there."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text[text.index("## pre-commit") :]
    block = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert block is not None and "REPO_URL" in block.group(1) and "REV" in block.group(1)
    return block.group(1)


def test_the_documented_config_pinned_to_a_commit_runs_both_hooks(tmp_path: Path, pre_commit_home: Path) -> None:
    """docs/ci.md's config, with REPO_URL this checkout and REV its commit, runs both hooks with their args."""
    repo = model_repo(tmp_path, "compliant-linked", "models/my-model")
    rev = _git(REPO, "rev-parse", "HEAD")
    config = docs_config().replace("REPO_URL", str(REPO)).replace("REV", rev)
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git(repo, "add", "-A")
    out = run(repo, pre_commit_home, "run", "--all-files")
    assert out.returncode == 1, out.stdout + out.stderr  # the second name in model-names.txt lacks the prefix
    lines = out.stdout.splitlines()
    assert any(line.startswith("Llama 4 license — repository obligations") and line.endswith("Passed") for line in lines)
    assert any(line.startswith("Llama 4 license — model names") and line.endswith("Failed") for line in lines)
    assert "acme/Scout-Acme-FT" in out.stdout and "L4-NAME-PREFIX" in out.stdout
