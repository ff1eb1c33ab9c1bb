"""The package imported from a zip laid out like the wheel (llama4ref/ with _index/, _facts/ and
_schemas/ inside) reads all its data: queries, the full-text index, the facts tree for
`validate` and `list facts`, and shell completion, with the same answers as a checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "llama4ref"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """llama4ref.zip: the package, with facts/ as llama4ref/_facts and schemas/ as llama4ref/_schemas."""
    path = tmp_path_factory.mktemp("zipped") / "llama4ref.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for f in sorted(PACKAGE.rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                zf.write(f, f"llama4ref/{f.relative_to(PACKAGE).as_posix()}")
        for tree, inside in (("facts", "_facts"), ("schemas", "_schemas")):
            for f in sorted((REPO / tree).rglob("*")):
                if f.is_file():
                    zf.write(f, f"llama4ref/{inside}/{f.relative_to(REPO / tree).as_posix()}")
    return path


def run(
    args: list[str], *, zipped: Path | None, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m llama4ref ARGS`` from the zip (``zipped``) or from the checkout (None)."""
    base = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | (env or {})
    if zipped is not None:
        base["PYTHONPATH"] = str(zipped)
        check = "import llama4ref, runpy; assert '.zip' in llama4ref.__file__, llama4ref.__file__; "
    else:
        check = "import llama4ref, runpy; assert '.zip' not in llama4ref.__file__; "
    code = check + f"import sys; sys.argv = ['llama4ref', *{args!r}]; runpy.run_module('llama4ref', run_name='__main__')"
    return subprocess.run([sys.executable, "-c", code], env=base, cwd=cwd, capture_output=True, text=True, check=False)


QUERIES = [
    ["show", "scout", "--json"],
    ["get", "scout.params.total", "--json"],
    ["ask", "how many experts does maverick have", "--json"],
    ["search", "context window", "--json"],
    ["list", "facts", "--json"],
]


@pytest.mark.parametrize("args", QUERIES, ids=[" ".join(a[:2]) for a in QUERIES])
def test_queries_answer_from_a_zip_as_from_a_checkout(archive: Path, tmp_path: Path, args: list[str]) -> None:
    """Each query prints the same JSON from the zip as from the checkout."""
    zipped = run(args, zipped=archive, cwd=tmp_path)
    assert zipped.returncode == 0, zipped.stderr
    checkout = run(args, zipped=None, cwd=tmp_path)
    assert checkout.returncode == 0, checkout.stderr
    assert json.loads(zipped.stdout) == json.loads(checkout.stdout)


def test_show_prints_text_from_a_zip(archive: Path, tmp_path: Path) -> None:
    """The human `show scout` renders from the zip."""
    done = run(["show", "scout"], zipped=archive, cwd=tmp_path, env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    assert "109" in done.stdout and "scout" in done.stdout.lower()


def test_validate_reads_the_packaged_tree_from_a_zip(archive: Path, tmp_path: Path) -> None:
    """`validate` with no argument checks a temporary copy of the packaged tree, removed at exit."""
    zipped = run(["validate", "--json"], zipped=archive, cwd=tmp_path)
    assert zipped.returncode == 0, zipped.stderr
    checkout = run(["validate", "--json"], zipped=None, cwd=tmp_path)
    mine: dict[str, Any] = json.loads(zipped.stdout)["data"]
    theirs: dict[str, Any] = json.loads(checkout.stdout)["data"]
    root = Path(mine.pop("root"))
    assert theirs.pop("root") == str(REPO / "facts")
    assert mine == theirs and mine["ok"] and mine["facts"] > 1000
    assert root.name == "_facts" and ".zip" not in str(root)
    assert not root.exists()  # the copy is removed when the process ends


def test_verify_quotes_reads_the_records_from_a_zip(archive: Path, tmp_path: Path) -> None:
    """`verify-quotes` with one copy checks its quote and counts every other from the zipped records,
    as from the checkout (with no copy at all it checks nothing: an error, L4R-Q003)."""
    (tmp_path / "copies").mkdir()
    (tmp_path / "copies" / "llama-models-preprocess-py.py").write_text("IMAGE_RES = 448\n", encoding="utf-8")
    zipped = run(["verify-quotes", "copies", "--json"], zipped=archive, cwd=tmp_path)
    checkout = run(["verify-quotes", "copies", "--json"], zipped=None, cwd=tmp_path)
    assert (zipped.returncode, zipped.stdout) == (checkout.returncode, checkout.stdout), zipped.stderr
    data = json.loads(zipped.stdout)["data"]
    assert data["total"] > 1000 and data["checked"] >= 1 and data["failed"] == 0


def test_completion_from_a_zip(archive: Path, tmp_path: Path) -> None:
    """Shell completion reads fact paths and source ids from the zipped index."""
    for words, expected in (
        ("llama4ref get maverick.params.", {"maverick.params.active", "maverick.params.total"}),
        ("llama4ref sources meta-blog-llama4-", None),
    ):
        env = {"_LLAMA4REF_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "2"}
        zipped = run([], zipped=archive, cwd=tmp_path, env=env)
        checkout = run([], zipped=None, cwd=tmp_path, env=env)
        assert zipped.returncode == 0, zipped.stderr
        got = set(zipped.stdout.split())
        assert got, zipped.stderr
        assert zipped.stdout == checkout.stdout
        if expected is not None:
            assert got == expected
