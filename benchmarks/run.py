"""Measure llama4ref's speed and memory budgets (issue 7), each against a floor from the same run.

    python benchmarks/run.py                    # full run: 15 start-up pairs; exit 1 if a budget fails
    python benchmarks/run.py --ci               # CI: few runs, budgets reported but never fail the run
    python benchmarks/run.py --publish          # full run, then write benchmarks/published.json + README table
    python benchmarks/run.py --python PATH      # measure the environment of that interpreter instead

By default llama4ref is installed (runtime dependencies only) into a fresh virtual environment
under ``benchmarks/.cache/``, as a user gets it; Meta's ``llama-model`` (package ``llama-models``)
goes into a second one there. Results go to ``benchmarks/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import commands, hostile, measure, report, synth
from benchmarks.measure import CommandFailed, judged, result
from benchmarks.measure import check_ok as _check_ok

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "benchmarks" / ".cache"
LLAMA_MODELS = "llama-models==0.3.0"
META_MODEL = "Llama-4-Scout-17B-16E-Instruct"
NAMES = 100_000
FACTORS = (10, 100)
PACKAGES = ("llama4ref", "typer", "rich", "pydantic", "PyYAML")


@dataclass(frozen=True)
class Target:
    """The environment under test: its interpreter and how to start the ``llama4ref`` command."""

    python: str
    cli: list[str]
    description: str


@dataclass(frozen=True)
class Settings:
    runs: int  # start-up pairs
    heavy_runs: int  # check-name and validate runs
    ci: bool


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _pip(python: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def _make_venv(path: Path) -> Path:
    python = _venv_python(path)
    if not python.is_file():
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
    return python


def isolated_target() -> Target:
    """llama4ref from this checkout, installed with runtime dependencies only into a fresh venv."""
    python = _make_venv(CACHE / "venv-llama4ref")
    done = _pip(python, str(ROOT))
    if done.returncode:
        raise SystemExit(f"cannot install llama4ref into {python}:\n{done.stderr[-2000:]}")
    return _target(str(python), "llama4ref installed from this checkout into benchmarks/.cache (runtime dependencies only)")


def _target(python: str, description: str) -> Target:
    script = Path(python).parent / ("llama4ref.exe" if os.name == "nt" else "llama4ref")
    cli = [str(script)] if script.is_file() else [python, "-m", "llama4ref"]
    return Target(python, cli, description)


def meta_tool() -> tuple[list[str] | None, str | None]:
    """Meta's ``llama-model`` in its own venv, or None and why it is unavailable."""
    venv = CACHE / "venv-llama-models"
    tool = venv / "bin" / "llama-model"
    if not tool.is_file():
        try:
            python = _make_venv(venv)
        except subprocess.CalledProcessError as exc:
            return None, f"cannot create a virtual environment: {exc}"
        done = _pip(python, LLAMA_MODELS)
        if done.returncode or not tool.is_file():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            return None, f"pip install {LLAMA_MODELS} failed: {last}"
    return [str(tool), "describe", "-m", META_MODEL], None


def machine(target: Target, env: dict[str, str]) -> dict[str, Any]:
    code = (
        "import importlib.metadata as m, json, platform\n"
        f"print(json.dumps({{'python': platform.python_version(), 'packages': {{p: m.version(p) for p in {PACKAGES!r}}}}}))"
    )
    probe = measure.run_capture([target.python, "-c", code], env=env)
    if probe.returncode:
        raise SystemExit(f"cannot use {target.python}: {probe.stderr.strip()[-1000:]}")
    info = json.loads(probe.stdout)
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "nproc": os.cpu_count(), "os": f"{platform.system()} {platform.release()}", **info}


STARTUP: tuple[tuple[str, str, list[str], str, float], ...] = (
    ("show", "`llama4ref show scout`, cold process", ["show", "scout"], "cli", 1.25),
    ("get", "`llama4ref get maverick.params.total --json`", ["get", "maverick.params.total", "--json"], "cli", 1.2),
    (
        "ask",
        "`llama4ref ask how many experts does maverick have --json`",
        ["ask", "how", "many", "experts", "does", "maverick", "have", "--json"],
        "cli",
        1.2,
    ),
    (
        "library",
        "`import llama4ref; llama4ref.get(...)`",
        ["-c", "import llama4ref; llama4ref.get('scout.params.total')"],
        "lib",
        1.3,
    ),
)
"""Start-up budgets: (id, title, arguments, floor, budget in multiples of the floor's wall time).
Arguments go to the ``llama4ref`` command, or to the interpreter for the ``lib`` floor."""

FLOORS = {
    "cli": ("import typer, rich.console, pydantic", 'python -c "import typer, rich.console, pydantic"'),
    "lib": ("import pydantic", 'python -c "import pydantic"'),
}
SHOW_MEMORY_BUDGET = 1.3
"""Peak memory of ``show``'s runs ÷ the floor's."""


def startup(target: Target, s: Settings, env: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for mid, title, args, floor_id, budget in STARTUP:
        code, against = FLOORS[floor_id]
        argv = [target.python, *args] if floor_id == "lib" else [*target.cli, *args]
        subj, flr = measure.paired(argv, [target.python, "-c", code], s.runs, env=env)
        _check_ok(subj + flr, argv)
        detail = _detail(subj, flr)
        times = measure.summary(measure.ratios([r.seconds for r in subj], [r.seconds for r in flr]))
        out.append(judged(result(mid, title, "time ÷ floor", against=against, value=times, detail=detail), "<=", budget, "x"))
        if mid == "show":
            rss = measure.summary(measure.ratios([r.maxrss_kib for r in subj], [r.maxrss_kib for r in flr]))
            m = result(
                "show-memory", "`llama4ref show scout`, peak memory", "max RSS ÷ floor", against=against, value=rss, detail=detail
            )
            out.append(judged(m, "<=", SHOW_MEMORY_BUDGET, "x"))
    return out


def questions(target: Target, env: dict[str, str]) -> list[dict[str, Any]]:
    """Top-1 and top-5 of `ask` on the question benchmark (tests/questions/); exact, not timed."""
    script = ROOT / "benchmarks" / "questions.py"
    done = measure.run_capture([target.python, str(script), "--json"], env=env)
    if done.returncode:
        raise CommandFailed(f"benchmarks/questions.py exited {done.returncode}: {done.stderr.strip()[-500:]}")
    out = []
    for tool in ("ask", "search"):
        for r in json.loads(done.stdout):
            label = "tuning" if r["set"] == "tune" else "held-out, never tuned on"
            for k, limit in (("top1", 90.0), ("top5", 98.0)):
                value = {"median": r[f"{tool}_{k}"], "min": r[f"{tool}_{k}"], "max": r[f"{tool}_{k}"]}
                m = result(
                    f"{tool}-{k}-{r['set']}",
                    f"`{tool}` on the question benchmark, {label} ({r['questions']} questions)",
                    f"{'top-1' if k == 'top1' else 'top-5'} %",
                    against="tests/questions/",
                    value=value,
                    # ask: also the share it answers outright and right (exit 0), as a user sees it
                    detail={"questions": r["questions"]} | ({"answered_right": r.get("ask_answered")} if tool == "ask" else {}),
                )
                if not r["questions"]:  # a held-out file with its header only: nothing to judge yet
                    m |= {"status": "n/a", "value": None, "reason": "the set has no questions yet"}
                    m["budget"] = {"op": ">=", "limit": limit, "unit": "%"}
                    out.append(m)
                    continue
                out.append(judged(m, ">=", limit, "%"))
    return out


def _detail(subj: list[measure.Run], flr: list[measure.Run]) -> dict[str, Any]:
    return {
        "seconds": measure.summary([r.seconds for r in subj], 4),
        "floor_seconds": measure.summary([r.seconds for r in flr], 4),
        "maxrss_kib": measure.summary([r.maxrss_kib for r in subj], 0),
        "floor_maxrss_kib": measure.summary([r.maxrss_kib for r in flr], 0),
    }


def versus_meta(target: Target, s: Settings, env: dict[str, str], install: bool) -> dict[str, Any]:
    m = result(
        "meta",
        "`llama4ref show` vs Meta's `llama-model describe`",
        "speed-up (Meta ÷ llama4ref)",
        against=f"llama-model describe -m {META_MODEL} ({LLAMA_MODELS})",
    )
    tool, why = meta_tool() if install or (CACHE / "venv-llama-models").is_dir() else (None, "not installed (--no-install)")
    if tool is None:
        return m | {"status": "unavailable", "reason": why, "value": None}
    ours = [*target.cli, "show", META_MODEL]
    theirs, mine = measure.paired(tool, ours, s.runs, env=env)
    _check_ok(theirs, tool)
    _check_ok(mine, ours)
    speedup = measure.ratios([r.seconds for r in theirs], [r.seconds for r in mine])
    m |= {"value": measure.summary(speedup), "detail": _detail(mine, theirs) | {"compared": " ".join(ours)}}
    return judged(m, ">=", 2.0, "x")


def check_names(target: Target, s: Settings, env: dict[str, str]) -> dict[str, Any]:
    m = result("check-name", f"`llama4ref check-name --from-file` ({NAMES:,} names)", "names per second", against="-")
    probe = measure.run_capture([*target.cli, "check-name", "--help"], env=env)
    if probe.returncode != 0:
        return m | {
            "status": "skipped",
            "value": None,
            "reason": "this llama4ref has no `check-name` command yet (the compliance checker is not wired)",
        }
    names = synth.write_names(CACHE / "names-100k.txt", NAMES)
    argv = [*target.cli, "check-name", "--from-file", str(names)]
    runs = measure.repeated(argv, s.heavy_runs, env=env)
    _check_ok(runs, argv, allowed=(0, 1))  # 1 = the list holds violations, as it should
    rates = [NAMES / r.seconds for r in runs]
    m |= {
        "value": measure.summary(rates, 0),
        "detail": {
            "seconds": measure.summary([r.seconds for r in runs], 3),
            "names": NAMES,
            "file": str(names.relative_to(ROOT)),
        },
    }
    return judged(m, ">=", 50_000, "names/s")


def validate_growth(target: Target, s: Settings, env: dict[str, str]) -> dict[str, Any]:
    m = result("validate", "`llama4ref validate`: 100× tree ÷ 10× tree", "time growth", against="10× tree")
    where = measure.run_capture(
        [target.python, "-c", "from llama4ref.store.index import shipped_facts_dir as d; print(d())"], env=env
    )
    shipped = Path(where.stdout.strip())
    per_file = synth.plan(shipped, FACTORS)
    trees: dict[str, Path] = {"1": shipped}
    stats: dict[str, Any] = {}
    for factor in FACTORS:
        dest = CACHE / "trees" / f"x{factor}"
        st = synth.scaled_tree(shipped, dest, factor, per_file)
        trees[str(factor)] = dest
        stats[str(factor)] = {"files": st.files, "copies_per_file": st.copies_per_file}
    seconds: dict[str, list[float]] = {}
    for name, root in trees.items():
        argv = [*target.cli, "validate", str(root)]
        runs, summary_line = _timed_validate(argv, s.heavy_runs, env)
        seconds[name] = [r.seconds for r in runs]
        stats.setdefault(name, {})["summary"] = summary_line.replace(str(root), f"<{name}x tree>")
        stats[name]["seconds"] = measure.summary(seconds[name], 3)
    growth = measure.ratios(seconds[str(FACTORS[1])], seconds[str(FACTORS[0])])
    m |= {"value": measure.summary(growth), "detail": {"trees": stats}}
    return judged(m, "<=", 12.0, "x")


def _timed_validate(argv: list[str], runs: int, env: dict[str, str]) -> tuple[list[measure.Run], str]:
    """Time ``validate`` (exit 0 or 1 both count) and keep its one-line summary from stderr."""
    with tempfile.TemporaryDirectory() as tmp:
        err = Path(tmp) / "stderr.txt"
        out = [measure.run_once(argv, env=env, stderr=err) for _ in range(runs)]
        lines = err.read_text(encoding="utf-8").strip().splitlines()
    _check_ok(out, argv, allowed=(0, 1))
    return out, lines[-1] if lines else ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, help="start-up pairs per measurement (default 15; 3 with --ci)")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "latest.json")
    ap.add_argument("--ci", action="store_true", help="few runs; budgets are reported, never fail the run")
    ap.add_argument("--python", help="measure the environment of this interpreter (default: a fresh venv)")
    ap.add_argument("--no-install", action="store_true", help="do not install Meta's tool (skip it unless cached)")
    ap.add_argument(
        "--only", action="append", choices=["startup", "commands", "meta", "check-name", "validate", "hostile", "questions"]
    )
    ap.add_argument("--publish", action="store_true", help="write benchmarks/published.json and the README table")
    args = ap.parse_args(argv)
    if args.publish and (args.ci or args.only):
        ap.error("--publish needs a full run (no --ci, no --only)")
    runs = args.runs or (3 if args.ci else 15)
    s = Settings(runs=runs, heavy_runs=1 if args.ci else max(1, min(3, runs // 5)), ci=args.ci)
    env = measure.child_env()
    env["LLAMA4REF_CACHE_DIR"] = str(CACHE / "tree-cache")  # never the user's ~/.cache (commands.py empties its own)
    CACHE.mkdir(parents=True, exist_ok=True)
    target = _target(args.python, f"the environment of {args.python}") if args.python else isolated_target()
    host = machine(target, env)  # also proves the target environment has llama4ref
    uncached = env | {"LLAMA4REF_NO_CACHE": "1"}  # growth and hostile inputs measure the validator itself
    only = set(args.only or ["startup", "commands", "meta", "check-name", "validate", "hostile", "questions"])
    steps: list[tuple[str, Callable[[], list[dict[str, Any]]]]] = [
        ("startup", lambda: startup(target, s, env)),
        ("commands", lambda: commands.every_command(target.python, target.cli, max(2, s.runs // 3), env, CACHE / "commands")),
        ("meta", lambda: [versus_meta(target, s, env, install=not args.no_install)]),
        ("check-name", lambda: [check_names(target, s, env)]),
        ("validate", lambda: [validate_growth(target, s, uncached)]),
        ("hostile", lambda: hostile.measurements(target.cli, s.runs, uncached, CACHE / "hostile")),
        ("questions", lambda: questions(target, env)),
    ]
    measurements: list[dict[str, Any]] = []
    errors = 0
    for name, step in steps:
        if name not in only:
            continue
        print(f"measuring {name} …", file=sys.stderr, flush=True)
        try:
            measurements += step()
        except CommandFailed as exc:
            errors += 1
            measurements.append(result(name, name, "-", status="error", reason=str(exc), value=None))
    results = {
        "schema_version": 1,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "ci" if args.ci else "full",
        "runs": runs,
        "environment": target.description,
        "machine": host,
        "measurements": measurements,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report.table(results))
    print(f"\n{report.machine_line(results)}\nwritten: {args.out}")
    if args.publish:
        shutil.copyfile(args.out, ROOT / "benchmarks" / "published.json")
        report.update_readme(ROOT / "README.md", results)
        print("published: benchmarks/published.json and README.md (Performance)")
    failed = [m["id"] for m in measurements if m.get("pass") is False]
    if errors:
        return 1  # a command did not run: the benchmark itself is broken, in CI too
    if failed and not args.ci:
        print(f"over budget: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
