"""Timing and peak memory of child processes, and the statistics the budgets are judged on.

Every measurement runs the subject and its floor alternately (floor, subject, then subject,
floor, ...) so that drift in machine load affects both, and judges the per-pair ratios.
Wall time comes from ``time.perf_counter`` around the child; peak memory and CPU time are the
child's own ``ru_maxrss`` (KiB on Linux) and ``ru_utime + ru_stime`` from ``os.wait4``, all taken
by a small launcher (see run_once).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Run:
    """One child process: wall seconds, peak resident memory (KiB), exit code and CPU seconds
    (user + system, its waited-for children included)."""

    seconds: float
    maxrss_kib: int
    returncode: int
    cpu_seconds: float = 0.0


def child_env() -> dict[str, str]:
    """The environment children run in: the caller's, with bytecode caching left on.

    ``PYTHONDONTWRITEBYTECODE`` would make an in-place (editable) checkout recompile every
    module on every run, which no installed package does; the floors' modules always have
    their caches, so the comparison would not be fair.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


_LAUNCHER = """\
import os, sys, time
err, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    out = os.open(os.devnull, os.O_WRONLY)
    os.dup2(out, 1)
    os.dup2(os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644) if err else out, 2)
    try:
        os.execvp(argv[0], argv)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime)
"""


def run_once(argv: Sequence[str], *, env: dict[str, str], stderr: Path | None = None) -> Run:
    """Run ``argv`` (stdout discarded; stderr too, unless a file is given) and measure it.

    A child's ``ru_maxrss`` counts the memory of the process it was forked from (Linux keeps
    the high-water mark across ``exec``), so the child is started by a small launcher
    interpreter (``-I -S``, about 8 MiB) rather than from this process, and the launcher
    times the child itself so that its own start-up is not counted.
    """
    launcher = [sys.executable, "-I", "-S", "-c", _LAUNCHER, str(stderr or ""), *argv]
    done = subprocess.run(launcher, capture_output=True, text=True, env=env, check=False)
    try:
        seconds, rss, code, cpu = done.stdout.split()
    except ValueError:
        raise RuntimeError(f"launcher failed for {list(argv)}: {done.stderr.strip()[-500:]}") from None
    return Run(float(seconds), int(rss), int(code), float(cpu))


def run_capture(argv: Sequence[str], *, env: dict[str, str], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` once for its output (not timed)."""
    return subprocess.run(list(argv), capture_output=True, text=True, env=env, timeout=timeout, check=False)


def paired(
    subject: Sequence[str],
    floor: Sequence[str],
    runs: int,
    *,
    env: dict[str, str],
    warmup: int = 1,
    before: Callable[[], None] | None = None,
) -> tuple[list[Run], list[Run]]:
    """``runs`` alternating runs of ``subject`` and ``floor`` after ``warmup`` discarded pairs;
    ``before`` (untimed) precedes every run of the subject, e.g. to empty a cache."""

    def subject_run() -> Run:
        if before is not None:
            before()
        return run_once(subject, env=env)

    for _ in range(warmup):
        run_once(floor, env=env)
        subject_run()
    subj: list[Run] = []
    flr: list[Run] = []
    for i in range(runs):
        if i % 2 == 0:
            flr.append(run_once(floor, env=env))
            subj.append(subject_run())
        else:
            subj.append(subject_run())
            flr.append(run_once(floor, env=env))
    return subj, flr


def repeated(argv: Sequence[str], runs: int, *, env: dict[str, str], warmup: int = 1) -> list[Run]:
    """``runs`` runs of ``argv`` after ``warmup`` discarded ones."""
    for _ in range(warmup):
        run_once(argv, env=env)
    return [run_once(argv, env=env) for _ in range(runs)]


def summary(values: Sequence[float], digits: int = 3) -> dict[str, float]:
    """Median, min and max, rounded."""
    return {
        "median": round(statistics.median(values), digits),
        "min": round(min(values), digits),
        "max": round(max(values), digits),
    }


def ratios(top: Sequence[float], bottom: Sequence[float]) -> list[float]:
    """Per-pair ratios ``top[i] / bottom[i]``."""
    return [a / b for a, b in zip(top, bottom, strict=True)]


def result(mid: str, title: str, metric: str, **fields: Any) -> dict[str, Any]:
    return {"id": mid, "title": title, "metric": metric, "status": "measured", "pass": None, "reason": None} | fields


def judged(m: dict[str, Any], op: str, limit: float, unit: str) -> dict[str, Any]:
    """Attach the budget and whether the median meets it."""
    m["budget"] = {"op": op, "limit": limit, "unit": unit}
    median = m["value"]["median"]
    m["pass"] = median <= limit if op == "<=" else median >= limit
    return m


def check_ok(runs: list[Run], argv: list[str], allowed: tuple[int, ...] = (0,)) -> None:
    bad = [r.returncode for r in runs if r.returncode not in allowed]
    if bad:
        raise CommandFailed(f"`{' '.join(argv)}` exited {bad[0]}")


class CommandFailed(Exception):
    """A measured command did not run as expected: the measurement is an error, not a figure."""
