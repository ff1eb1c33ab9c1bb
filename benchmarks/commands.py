"""Every command against the start-up floor (issue 13: each at most 2× what any Typer/Rich/pydantic
tool pays to start), judged on CPU time: the children of one run share a loaded machine, and CPU
time is what a command costs whoever else is running (wall time is kept beside it).

The invocations are tests/smoke_commands.py's: each command's own help example, listed from the
CLI, so a new command is measured without being added here. :data:`EXTRA` adds the invocations
issue 13 found slow (the whole audit, the larger records, the whole bibliography), and
:data:`REPLACED` the two whose help example cannot be timed as a user runs it: ``diff`` compares
two copies of the tree (not a tree with itself), and ``refresh providers`` runs in its steady
state, the release already in its cache (the help example downloads with pip).

The commands that validate a whole tree (``validate``, ``diff``, ``refresh providers``) read an
unchanged tree's result from the validation cache (llama4ref.store.treecache), and ``export
--format sqlite`` the shipped data's database from beside it, as a user's second and later runs do: their budgeted figures are those warm runs (the cache, under the scratch
directory, is filled by each measurement's discarded warm-up run). Their first run on a tree, the
cache empty, is measured apart without a budget (:data:`COLD`); so is ``refresh providers`` with
an empty release cache, which starts pip (a second interpreter and a resolver, several times the
floor on its own) to fetch the wheel; the harness serves it from a local directory, so the figure
is pip's cost without the network's.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import measure
from benchmarks.measure import judged, result

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 2.0
FLOOR = 'python -c "import typer, rich.console, pydantic"'

EXTRA: dict[str, str] = {
    "audit-all": "audit",
    "show-behemoth": "show behemoth",
    "show-gpt-4o": "show gpt-4o",
    "sources-all": "sources",
    "export-json": "export",  # the default format, to stdout: the JSON document (help's example is sqlite)
}
"""Invocations beside the help examples (measurement id suffix → arguments): the slow ones of issue 13."""

REPLACED: dict[str, str] = {
    "diff": "diff {facts} {facts_copy}",
    "refresh providers": "refresh providers --litellm {litellm} --cache {catalogs} --find-links {wheels}",
}
"""Commands measured with other arguments than their help example (see the module docstring)."""

COLD: tuple[str, ...] = ("validate", "diff", "refresh providers", "export")
"""Commands whose first run (the validation cache empty) is reported without a budget; ``export``
keeps its database of the shipped data in that cache (llama4ref.export.cached)."""
TREE_CACHE = "LLAMA4REF_CACHE_DIR"


@dataclass(frozen=True)
class Case:
    """One measured invocation: its id, its arguments and the exit codes it may end with."""

    id: str
    args: list[str]
    ok: tuple[int, ...] = (0,)


@dataclass(frozen=True)
class Fixtures:
    """Files the replaced invocations read, prepared once per run under a scratch directory."""

    facts: Path
    facts_copy: Path
    litellm: str | None  # the baseline release the records cite; None when the records cite none
    catalogs: Path  # the refresh cache, holding that release's wheel (steady state)
    wheels: Path  # a local stand-in for the package index, for the first (cold) run

    def fill(self, text: str) -> list[str]:
        return shlex.split(text.format(**{k: str(v) for k, v in vars(self).items()}))


def invocations(python: str, tmp: Path) -> list[tuple[str, list[str]]]:
    """(command path, arguments) of every command's smoke invocation, with files placed under ``tmp``."""
    listed = subprocess.run(
        [python, str(ROOT / "tests" / "smoke_commands.py"), "--list", "--tmp", str(tmp)],
        capture_output=True,
        text=True,
        check=True,
    )
    args = [shlex.split(line)[1:] for line in listed.stdout.splitlines() if line.startswith("llama4ref ")]
    return [(_command_path(python, a), a) for a in args]


def _command_path(python: str, args: list[str]) -> str:
    """``refresh providers`` for ``refresh providers --litellm …``: the leading words that are not options or values."""
    words = []
    for a in args[:2]:
        if a.startswith("-"):
            break
        words.append(a)
    return " ".join(words) if len(words) == 2 and words[0] in SUB_APPS else words[0]


SUB_APPS = ("license", "refresh")
"""Commands that group subcommands (``license check``, ``refresh providers``)."""


def cases(python: str, tmp: Path, fx: Fixtures) -> list[Case]:
    """Every measured invocation: the help examples (two replaced), then :data:`EXTRA`."""
    out = []
    for path, args in invocations(python, tmp):
        mid = "command-" + path.replace(" ", "-")
        if path == "refresh providers":
            if fx.litellm is None:
                continue  # no release to refresh from: reported as skipped by every_command
            out.append(Case(mid, fx.fill(REPLACED[path]), (0, 1)))  # 1: the release differs from the records
        elif path in REPLACED:
            out.append(Case(mid, fx.fill(REPLACED[path])))
        else:
            out.append(Case(mid, args, (0, 1) if path in ("check-name", "license check") else (0,)))
    out += [Case(f"command-{key}", shlex.split(text)) for key, text in EXTRA.items()]
    return out


def fixtures(python: str, work: Path, env: dict[str, str]) -> Fixtures:
    """Two copies of the shipped tree, and the refresh cache holding the release the records cite."""
    code = "from llama4ref.store.index import shipped_facts_dir as d; print(d())"
    shipped = Path(measure.run_capture([python, "-c", code], env=env).stdout.strip())
    facts, copy = work / "facts-a" / "facts", work / "facts-b" / "facts"
    for dest in (facts, copy):
        shutil.rmtree(dest.parent, ignore_errors=True)
        shutil.copytree(shipped, dest)
    catalogs, wheels = work / "catalogs", work / "wheels"
    shutil.rmtree(catalogs, ignore_errors=True)
    shutil.rmtree(wheels, ignore_errors=True)
    wheels.mkdir(parents=True)
    made = measure.run_capture([python, str(ROOT / "benchmarks" / "catalog.py"), str(facts), str(wheels)], env=env)
    litellm = (made.stdout.strip() or None) if made.returncode == 0 else None
    if litellm is not None:
        wheel = next(wheels.glob("*.whl"))
        (catalogs / f"litellm-{litellm}").mkdir(parents=True)
        shutil.copy2(wheel, catalogs / f"litellm-{litellm}" / wheel.name)
    return Fixtures(facts, copy, litellm, catalogs, wheels)


def _measure(case: Case, cli: list[str], floor: list[str], runs: int, env: dict[str, str], **kw: Any) -> dict[str, Any]:
    argv = [*cli, *case.args]
    subj, flr = measure.paired(argv, floor, runs, env=env, **kw)
    measure.check_ok(subj, argv, allowed=case.ok)
    measure.check_ok(flr, floor)
    return {
        "value": measure.summary(measure.ratios([r.cpu_seconds for r in subj], [r.cpu_seconds for r in flr])),
        "detail": {
            "invocation": "llama4ref " + shlex.join(case.args),
            "wall ratio": measure.summary(measure.ratios([r.seconds for r in subj], [r.seconds for r in flr])),
            "cpu_seconds": measure.summary([r.cpu_seconds for r in subj], 4),
            "floor_cpu_seconds": measure.summary([r.cpu_seconds for r in flr], 4),
            "seconds": measure.summary([r.seconds for r in subj], 4),
            "floor_seconds": measure.summary([r.seconds for r in flr], 4),
        },
    }


def _title(case: Case, work: Path, tmp: str) -> str:
    return "`llama4ref " + shlex.join(case.args).replace(tmp, "$TMP").replace(str(work), "$WORK") + "`"


def every_command(python: str, cli: list[str], runs: int, env: dict[str, str], work: Path) -> list[dict[str, Any]]:
    """One measurement per invocation, each judged on the 2× budget (CPU time, medians over ``runs``
    pairs; the validation cache warm), then the first runs, reported without a budget: of the
    commands that validate a tree (:data:`COLD`, the validation cache empty) and of ``refresh
    providers`` (the release not in its cache: pip)."""
    floor = [python, "-c", "import typer, rich.console, pydantic"]
    fx = fixtures(python, work, env)
    tree_cache = work / "tree-cache"
    shutil.rmtree(tree_cache, ignore_errors=True)
    env = env | {TREE_CACHE: str(tree_cache)}
    env.pop("LLAMA4REF_NO_CACHE", None)
    out: list[dict[str, Any]] = []
    cold: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases(python, Path(tmp), fx):
            m = result(case.id, _title(case, work, tmp), "CPU time ÷ floor", against=FLOOR)
            out.append(judged(m | _measure(case, cli, floor, runs, env), "<=", BUDGET, "x"))
            path = case.id.removeprefix("command-").replace("-", " ")
            if path in COLD:
                cold.append(_tree_cold(case, _title(case, work, tmp), tree_cache, cli, floor, runs, env))
    out += cold
    out.append(_refresh_cold(fx, cli, floor, runs, env))
    return out


def _tree_cold(
    case: Case, title: str, tree_cache: Path, cli: list[str], floor: list[str], runs: int, env: dict[str, str]
) -> dict[str, Any]:
    """``case`` with the validation cache emptied before every run: a first run on the tree."""
    m = result(f"{case.id}-tree-cold", f"{title}, first run: the cache empty", "CPU time ÷ floor", against=FLOOR)
    clear: Callable[[], None] = lambda: shutil.rmtree(tree_cache, ignore_errors=True)  # noqa: E731
    m |= _measure(case, cli, floor, max(1, runs // 2), env, before=clear)
    m["reason"] = (
        "no budget: a first run reads and validates every record (strict YAML, pydantic models, "
        "cross-checks), or builds the whole database; later runs on unchanged data read the result "
        f"from the cache: {case.id}."
    )
    return m


def _refresh_cold(fx: Fixtures, cli: list[str], floor: list[str], runs: int, env: dict[str, str]) -> dict[str, Any]:
    """``refresh providers`` with an empty cache: pip fetches the wheel (from a local directory)."""
    m = result(
        "command-refresh-providers-cold",
        "`llama4ref refresh providers`, first run: the release not yet in its cache",
        "CPU time ÷ floor",
        against=FLOOR,
    )
    if fx.litellm is None:
        return m | {"status": "skipped", "value": None, "reason": "the records cite no LiteLLM release"}
    empty = fx.catalogs.parent / "catalogs-cold"
    case = Case(m["id"], fx.fill(REPLACED["refresh providers"]).copy(), (0, 1))
    case.args[case.args.index(str(fx.catalogs))] = str(empty)
    clear: Callable[[], None] = lambda: shutil.rmtree(empty, ignore_errors=True)  # noqa: E731
    try:
        m |= _measure(case, cli, floor, max(1, runs // 2), env, before=clear)
    except measure.CommandFailed as exc:  # e.g. an environment without pip
        return m | {"status": "unavailable", "value": None, "reason": str(exc)}
    m["reason"] = (
        "no budget: pip (a second interpreter and a resolver) fetches the release on a first run; "
        "the wheel comes from a local directory here, so the network is not counted. Later runs "
        "read it from the cache: command-refresh-providers."
    )
    return m
