"""Exports on hostile targets and failing disks: one line, exit 2, the old file intact, nothing left behind.

Each case runs the real entry point in-process, or as a subprocess where a real limit matters
(a file-size limit makes the write itself fail).
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import llama4ref
import llama4ref.export.document
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import REPO, run_cli

CLI = [sys.executable, "-m", "llama4ref"]


def _sub(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120, cwd=REPO)


def _listing(d: Path) -> list[str]:
    return sorted(p.name for p in d.iterdir())


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_export_keeps_a_users_tmp_file(workdir: Path) -> None:
    """`export -f sqlite -o notes.db` never touches notes.db.tmp, and leaves no temporary file."""
    (workdir / "notes.db.tmp").write_text("notes\n")
    res = run_cli("export", "-f", "sqlite", "-o", "notes.db")
    assert res.code == 0
    assert (workdir / "notes.db.tmp").read_text() == "notes\n"
    assert _listing(workdir) == ["notes.db", "notes.db.tmp", "notes.metadata.json"]
    assert sqlite3.connect(workdir / "notes.db").execute("SELECT count(*) FROM facts").fetchone()[0] > 0


@pytest.mark.parametrize(
    ("setup", "args", "stderr"),
    [
        ("dir", ["-f", "sqlite", "-o", "adir"], "adir: a directory; an export replaces only a regular file"),
        ("dir", ["-f", "json", "-o", "adir"], "adir: a directory; an export replaces only a regular file"),
        ("dir", ["-f", "jsonl", "-o", "adir"], "adir: a directory; an export replaces only a regular file"),
        (
            "file",
            ["-f", "csv", "-o", "afile"],
            "afile: not a directory; --format csv writes one <table>.csv per table into a directory",
        ),
        ("link", ["-f", "sqlite", "-o", "link.db"], "link.db: a symbolic link; an export replaces only a regular file"),
        ("link", ["-f", "json", "-o", "link.db"], "link.db: a symbolic link; an export replaces only a regular file"),
        ("csv-link", ["-f", "csv", "-o", "out"], "out/facts.csv: a symbolic link; an export replaces only a regular file"),
        ("", ["-f", "json", "-o", "/dev/null"], "/dev/null: a device; an export replaces only a regular file"),
        ("", ["-f", "sqlite", "-o", "/dev/full"], "/dev/full: a device; an export replaces only a regular file"),
        ("fifo", ["-f", "jsonl", "-o", "fifo"], "fifo: a FIFO; an export replaces only a regular file"),
        ("", ["-f", "json", "-o", "nodir/x.json"], "nodir: no such directory (create it first)"),
        ("", ["-f", "csv", "-o", "nodir/out"], "nodir: no such directory (create it first)"),
        ("", ["-f", "json", "-o", "a\nb/x.json"], "a\\x0ab: no such directory (create it first)"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_export_refuses_targets(setup: str, args: list[str], stderr: str, workdir: Path) -> None:
    """A directory, file-for-csv, symbolic link, device, FIFO or missing parent: one line, exit 2, nothing changed."""
    if setup == "dir":
        (workdir / "adir").mkdir()
    elif setup == "file":
        (workdir / "afile").write_text("keep\n")
    elif setup == "link":
        (workdir / "target").write_text("keep\n")
        (workdir / "link.db").symlink_to("target")
    elif setup == "csv-link":
        (workdir / "out").mkdir()
        (workdir / "target").write_text("keep\n")
        (workdir / "out" / "facts.csv").symlink_to("../target")
    elif setup == "fifo":
        os.mkfifo(workdir / "fifo")
    before = {p: p.lstat().st_mode for p in workdir.rglob("*")}
    res = run_cli("export", *args)
    assert (res.code, res.stdout, res.stderr) == (2, "", f"llama4ref: error: L4R-U010 {stderr}\n")
    assert {p: p.lstat().st_mode for p in workdir.rglob("*")} == before
    assert all(p.read_text() == "keep\n" for p in workdir.rglob("*") if p.name in ("afile", "target"))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "sqlite", "csv"])
def test_export_on_a_full_disk_leaves_the_old_file(fmt: str, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills while writing (simulated at the flush to disk): one line, the old export intact, no temporary file."""
    out = workdir / "out"
    if fmt == "csv":
        out.mkdir()
        (out / "facts.csv").write_text("old\n")
    else:
        out.write_text("old\n")
    before = _listing(workdir), _listing(out) if fmt == "csv" else []

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    res = run_cli("export", "-f", fmt, "-o", "out")
    name = "out/meta.csv" if fmt == "csv" else "out"  # the first table written
    assert (res.code, res.stdout, res.stderr) == (
        2,
        "",
        f"llama4ref: error: L4R-U014 {name}: cannot write: No space left on device\n",
    )
    assert (_listing(workdir), _listing(out) if fmt == "csv" else []) == before
    assert (out / "facts.csv" if fmt == "csv" else out).read_text() == "old\n"


def test_csv_export_that_fails_removes_the_directory_it_created(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A csv export into a new directory that fails leaves no directory behind."""

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert run_cli("export", "-f", "csv", "-o", "new").code == 2
    assert _listing(workdir) == []


def _limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))


@pytest.mark.parametrize(
    ("fmt", "message"),
    [
        ("json", "out: cannot write: File too large"),
        ("jsonl", "out: cannot write: File too large"),
        ("sqlite", "out: cannot write: disk I/O error"),
        ("csv", "out/sources.csv: cannot write: File too large"),
    ],
)
def test_export_past_a_file_size_limit(fmt: str, message: str, tmp_path: Path) -> None:
    """A real write failure (a 100 kB file-size limit): one line, exit 2, nothing left behind."""
    res = subprocess.run(
        [*CLI, "export", "-f", fmt, "-o", "out"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        preexec_fn=_limit_file_size,
    )
    assert (res.returncode, res.stdout, res.stderr) == (2, "", f"llama4ref: error: L4R-U014 {message}\n")
    assert _listing(tmp_path) == []


def test_export_into_a_read_only_directory(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No permission to create the temporary file: one line, exit 2 (simulated: the tests may run as root)."""
    import tempfile

    def denied(*a: object, **k: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    res = run_cli("export", "-f", "sqlite", "-o", "x.db")
    assert (res.code, res.stderr) == (2, "llama4ref: error: L4R-U014 x.db: cannot write in .: Permission denied\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only directory")
def test_export_into_a_read_only_directory_for_real(tmp_path: Path) -> None:
    """A real read-only directory: one line, exit 2."""
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o555)
    res = _sub("export", "-f", "json", "-o", str(ro / "x.json"))
    assert (res.returncode, res.stderr) == (
        2,
        f"llama4ref: error: L4R-U014 {ro / 'x.json'}: cannot write in {ro}: Permission denied\n",
    )


@pytest.mark.parametrize("fmt", ["sqlite", "json"])
def test_parallel_exports_to_one_path(fmt: str, tmp_path: Path, kb: KnowledgeBase) -> None:
    """Four exports to one path at once: all succeed, the result is whole, no temporary file remains."""
    from llama4ref.export.document import write_export

    out = tmp_path / "same"
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def export() -> None:
        start.wait()
        try:
            write_export(kb, fmt, out)  # type: ignore[arg-type]  # a format name
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=export) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _listing(tmp_path) == (["same", "same.metadata.json"] if fmt == "sqlite" else ["same"])
    if fmt == "sqlite":
        assert sqlite3.connect(out).execute("PRAGMA integrity_check").fetchone() == ("ok",)
    else:
        assert llama4ref.export.document.export_text(kb, "json") == out.read_text(encoding="utf-8")


def test_export_keeps_the_mode_of_the_file_it_replaces(workdir: Path) -> None:
    """A replaced file keeps its permissions; a new one gets the umask's, not the temporary file's 0600."""
    (workdir / "old.json").write_text("{}")
    os.chmod(workdir / "old.json", 0o640)
    assert run_cli("export", "-o", "old.json").code == 0
    assert run_cli("export", "-o", "new.json").code == 0
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE((workdir / "old.json").stat().st_mode) == 0o640
    assert stat.S_IMODE((workdir / "new.json").stat().st_mode) == 0o666 & ~umask
