"""Hostile inputs (tests/hostile/): each bad tree gives exactly its expected diagnostics, exit 1, no traceback."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from llama4ref.yamlload import MAX_FILE_BYTES
from tests.conftest import REPO, run_cli

HOSTILE = REPO / "tests" / "hostile"
CASES = sorted(p for p in HOSTILE.iterdir() if p.is_dir())
BOMB_SECONDS = 1.0
BOMB_MAX_RSS_KIB = 100 * 1024


def _write_oversize(work: Path) -> None:
    """A sheet just over the size cap, written here rather than committed."""
    big = work / "facts" / "topic" / "big.yaml"
    big.parent.mkdir(parents=True, exist_ok=True)
    big.write_bytes(b"id: big\n" + b"#" * (MAX_FILE_BYTES + 100 - 9) + b"\n")


GENERATED = {"file-over-size-cap": _write_oversize}


def _tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@pytest.fixture(scope="module", autouse=True)
def shipped_data_untouched() -> Iterator[None]:
    """No case may modify the shipped facts tree or the committed corpus."""
    before = _tree_hash(REPO / "facts"), _tree_hash(HOSTILE)
    yield
    assert (_tree_hash(REPO / "facts"), _tree_hash(HOSTILE)) == before


def _workdir(case: Path, tmp_path: Path) -> Path:
    work = tmp_path / case.name
    shutil.copytree(case, work)
    if case.name in GENERATED:
        GENERATED[case.name](work)
    return work


def _expected(case: Path) -> list[str]:
    return case.joinpath("expected.txt").read_text(encoding="utf-8").splitlines()


def test_every_case_has_a_tree_and_expectations() -> None:
    """Each case directory holds facts/ and a non-empty expected.txt, and no case is left unregistered."""
    assert len(CASES) >= 15
    for case in CASES:
        assert (case / "facts").is_dir(), case.name
        assert _expected(case), case.name


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_validate_gives_exactly_the_expected_diagnostics(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`llama4ref validate facts` in the case directory prints exactly expected.txt and exits 1, without a traceback."""
    monkeypatch.chdir(_workdir(case, tmp_path))
    res = run_cli("validate", "facts")
    assert res.code == 1
    assert res.stdout.splitlines() == _expected(case)
    assert "Traceback" not in res.stdout + res.stderr
    assert res.stderr.startswith("facts: ") and res.stderr.count("\n") == 1


@pytest.mark.parametrize("name", ["alias-bomb", "invalid-utf8", "not-a-facts-tree", "file-over-size-cap"])
def test_validate_as_a_subprocess(name: str, tmp_path: Path) -> None:
    """The installed command, run as a separate process, prints the same lines and exits 1."""
    case = HOSTILE / name
    done = subprocess.run(
        [sys.executable, "-m", "llama4ref", "validate", "facts"],
        cwd=_workdir(case, tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.splitlines() == _expected(case)
    assert "Traceback" not in done.stdout + done.stderr


def test_alias_bomb_is_rejected_fast_with_bounded_memory(tmp_path: Path) -> None:
    """A billion-laughs file is refused within a second of loading, in a process that stays small."""
    # VmHWM is this process's own peak (ru_maxrss would include the forking test runner's).
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from llama4ref.tree import load_tree\n"
        "start = time.perf_counter()\n"
        "tree = load_tree(Path('facts'))\n"
        "seconds = time.perf_counter() - start\n"
        "status = Path('/proc/self/status')\n"
        "hwm = int(status.read_text().split('VmHWM:')[1].split()[0]) if status.exists() else 0\n"
        "print(seconds, hwm)\n"
        "sys.exit(0 if {d.code for d in tree.diagnostics} == {'L4R-Y008'} else 3)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=_workdir(HOSTILE / "alias-bomb", tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seconds, hwm_kib = done.stdout.split()
    assert float(seconds) < BOMB_SECONDS, f"loading took {float(seconds):.2f} s"
    assert int(hwm_kib) < BOMB_MAX_RSS_KIB, f"peak RSS {hwm_kib} KiB"
