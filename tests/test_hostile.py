"""Hostile inputs (tests/hostile/): each bad tree gives exactly its expected diagnostics, exit 1, no traceback."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from llama4ref.records.yamlload import MAX_FILE_BYTES
from tests.conftest import REPO, run_cli

HOSTILE = REPO / "tests" / "hostile"
CASES = sorted(p for p in HOSTILE.iterdir() if p.is_dir())
BOMB_MAX_RSS_KIB = 100 * 1024


def _write_oversize(work: Path) -> None:
    """A sheet just over the size cap, written here rather than committed."""
    big = work / "facts" / "topic" / "big.yaml"
    big.parent.mkdir(parents=True, exist_ok=True)
    big.write_bytes(b"id: big\n" + b"#" * (MAX_FILE_BYTES + 100 - 9) + b"\n")


def _write_control_names(work: Path) -> None:
    """Top-level file names holding a line feed (forging a second diagnostic line) and BEL/ESC."""
    (work / "facts" / "evil\nfacts:1:1: L4R-OK all clear").write_text("x\n")
    (work / "facts" / "bell\a\x1b[2J").write_text("x\n")


def _lock(relative: str) -> Callable[[Path], None]:
    """Take every permission away from one file or directory of the case (git cannot store that)."""

    def lock(work: Path) -> None:
        (work / relative).chmod(0)

    return lock


GENERATED = {
    "file-over-size-cap": _write_oversize,
    "file-name-control-characters": _write_control_names,
    "unreadable-file": _lock("facts/topic/locked.yaml"),
    "unreadable-directory": _lock("facts/locked"),
}
LOCKED = ("facts/topic/locked.yaml", "facts/locked")
UNREADABLE = {"unreadable-file", "unreadable-directory"}
"""Cases that need a user permissions apply to: as root they run as ``nobody`` (CI runs as root)."""
NOBODY = 65534


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


NOT_A_TREE = {"not-a-facts-tree"}
"""Cases whose root is no facts tree at all: input that cannot be read as one, exit 2 (README's
exit-code table), though the diagnostic is printed as for any other case."""


def _exit(case: Path) -> int:
    return 2 if case.name in NOT_A_TREE else 1


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
    """`llama4ref validate facts` in the case directory prints exactly expected.txt and exits 1 (2 for
    a directory that is no facts tree), without a traceback."""
    if case.name in UNREADABLE and os.geteuid() == 0:
        if _validate_as_nobody(case):
            return
        _deny_like_the_kernel(monkeypatch)
    work = _workdir(case, tmp_path)
    monkeypatch.chdir(work)
    try:
        res = run_cli("validate", "facts")
    finally:
        _unlock(work)
    assert res.code == _exit(case)
    assert res.stdout.splitlines() == _expected(case)
    assert "Traceback" not in res.stdout + res.stderr
    assert res.stderr.startswith("facts: ") and res.stderr.count("\n") == 1


def _unlock(work: Path) -> None:
    """Give locked entries their permissions back, so the temporary tree can be removed."""
    for relative in LOCKED:
        if (work / relative).exists():
            (work / relative).chmod(0o755)


def _validate_as_nobody(case: Path) -> bool:
    """As root, permissions stop no one: run `validate` as an unprivileged user in a tree it may
    enter. False when that user cannot run this Python (e.g. it lives under /root)."""
    try:
        pwd.getpwuid(NOBODY)
    except KeyError:
        return False
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)
        work = base / case.name
        shutil.copytree(case, work)
        for path in [work, *work.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        GENERATED[case.name](work)
        try:
            probe = subprocess.run(
                [sys.executable, "-c", "import llama4ref"], user=NOBODY, cwd=work, capture_output=True, check=False
            )
        except OSError:
            return False
        if probe.returncode != 0:
            return False
        done = subprocess.run(
            [sys.executable, "-m", "llama4ref", "validate", "facts"],
            user=NOBODY,
            cwd=work,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == _exit(case), done.stderr
        assert done.stdout.splitlines() == _expected(case)
        assert "Traceback" not in done.stdout + done.stderr
        return True
    finally:
        _unlock(base / case.name)
        shutil.rmtree(base)


def _deny_like_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse to list or open an entry with no permission bits, as the kernel does for anyone but root."""

    def check(path: object) -> None:
        if isinstance(path, (str, os.PathLike)):
            try:
                locked = os.lstat(path).st_mode & 0o777 == 0
            except OSError:
                return
            if locked:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))

    def guarded(real: Callable[..., Any]) -> Callable[..., Any]:
        def call(path: object = ".", *args: Any, **kwargs: Any) -> Any:
            check(path)
            return real(path, *args, **kwargs)

        return call

    monkeypatch.setattr(io, "open", guarded(io.open))
    monkeypatch.setattr(os, "listdir", guarded(os.listdir))
    monkeypatch.setattr(os, "scandir", guarded(os.scandir))


@pytest.mark.parametrize("name", ["alias-bomb", "invalid-utf8", "not-a-facts-tree", "file-over-size-cap"])
def test_validate_as_a_subprocess(name: str, tmp_path: Path) -> None:
    """The installed command, run as a separate process, prints the same lines and exits 1 (2: no facts tree)."""
    case = HOSTILE / name
    done = subprocess.run(
        [sys.executable, "-m", "llama4ref", "validate", "facts"],
        cwd=_workdir(case, tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == _exit(case)
    assert done.stdout.splitlines() == _expected(case)
    assert "Traceback" not in done.stdout + done.stderr


def test_alias_bomb_is_rejected_unexpanded_with_bounded_memory(tmp_path: Path) -> None:
    """A billion-laughs file is refused without expanding it: the loader walks only the nodes
    written (not the 9^9 the aliases denote), in a process that stays small. Its speed is
    measured in benchmarks/, not asserted here."""
    # VmHWM is this process's own peak (ru_maxrss would include the forking test runner's).
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from llama4ref.records import yamlload\n"
        "from llama4ref.records.tree import load_tree\n"
        "built = 0\n"
        "real_build = yamlload._Builder.build\n"
        "def counting(self, *args):\n"
        "    global built\n"
        "    built += 1\n"
        "    return real_build(self, *args)\n"
        "yamlload._Builder.build = counting\n"
        "tree = load_tree(Path('facts'))\n"
        "status = Path('/proc/self/status')\n"
        "hwm = int(status.read_text().split('VmHWM:')[1].split()[0]) if status.exists() else 0\n"
        "print(built, hwm)\n"
        "sys.exit(0 if {d.code for d in tree.diagnostics} == {'L4R-Y008'} else 3)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=_workdir(HOSTILE / "alias-bomb", tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    built, hwm_kib = map(int, done.stdout.split())
    written = sum(len(p.read_bytes()) for p in (tmp_path / "alias-bomb").rglob("*.yaml"))  # a node takes a character at least
    assert 0 < built <= written, f"{built} nodes built from {written} bytes"
    assert hwm_kib < BOMB_MAX_RSS_KIB, f"peak RSS {hwm_kib} KiB"
