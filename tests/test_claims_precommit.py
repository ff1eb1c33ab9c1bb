"""The llama4ref-check-claims hook, run by pre-commit itself against a fixture repository.

As in the other hook tests: `pre-commit try-repo <this checkout> llama4ref-check-claims` in a
git repository holding a README with Llama 4 figures. pre-commit builds the hook's environment
with pip (needs the package registry) and needs a git checkout of llama4ref.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

GIT = shutil.which("git")
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = pytest.mark.skipif(
    GIT is None or not (REPO / ".git").exists() or not PRE_COMMIT.exists(),
    reason="needs git, a git checkout of llama4ref and pre-commit (pip install -e '.[test]')",
)


def _git(cwd: Path, *args: str) -> None:
    assert GIT is not None
    env = os.environ | {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run([GIT, *args], cwd=cwd, env=env, capture_output=True, text=True, check=True)


def docs_repo(tmp: Path, readme: str) -> Path:
    root = tmp / "docs-repo"
    root.mkdir()
    (root / "README.md").write_text(readme, encoding="utf-8")
    (root / "notes.txt").write_text("Llama 4 Scout has 16 experts.\n", encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "docs")
    return root


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module, so the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


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
