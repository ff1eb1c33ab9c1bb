"""Every command against the start-up floor (issue 13: each at most 2× what any Typer/Rich/pydantic
tool pays to start). The invocations are tests/smoke_commands.py's: each command's own help
example, listed from the CLI, so a new command is measured without being added here.

A query answers from the compiled index and stays within 2×. The commands in :data:`OWN_BUDGETS`
work on the whole tree by design: each is a row of its own with its budget and the reason
beside it, so none is hidden in a general figure and none loosens the 2× of the others."""

from __future__ import annotations

import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import measure
from benchmarks.measure import judged, result

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 2.0

OWN_BUDGETS: dict[str, tuple[float, str]] = {
    # ~460 YAML files (1 MB) composed by libyaml (~1.3x the floor alone), each node checked by the
    # strict loader, then the pydantic record models imported (~0.6x) and built, cross-checked.
    "validate": (5.0, "reads and validates every record"),
    # validate's work twice, plus compiling each tree into an index before comparing them:
    # 2 x (5 - 1) above the floor, + the floor.
    "diff": (9.0, "reads and validates two whole trees"),
    # Every fact of the index turned into table rows (license terms through the record models),
    # then a database with foreign keys, views and a full-text index written and committed.
    "export": (4.0, "writes every record into an SQLite database"),
    # The tree is read as for validate; then pip, a second interpreter, resolves a LiteLLM release
    # (the help example fails there: its --find-links directory is empty).
    "refresh providers": (10.0, "reads every record, then runs pip"),
}
"""Commands that read every record (or call pip): command → (budget, why), in multiples of the floor."""


def own_budget(name: str) -> tuple[str, float, str] | None:
    """(command, budget, reason) for the invocation ``name`` (its arguments joined), if it has a budget of its own."""
    for command, (limit, why) in OWN_BUDGETS.items():
        if name == command or name.startswith(command + " "):
            return command, limit, why
    return None


def invocations(python: str, tmp: Path) -> list[list[str]]:
    """The argument lists of every command, with files placed under ``tmp``."""
    listed = subprocess.run(
        [python, str(ROOT / "tests" / "smoke_commands.py"), "--list", "--tmp", str(tmp)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [shlex.split(line)[1:] for line in listed.stdout.splitlines() if line.startswith("llama4ref ")]


def every_command(python: str, cli: list[str], runs: int, env: dict[str, str]) -> list[dict[str, Any]]:
    """The query commands' slowest time ÷ the floor (medians over ``runs`` pairs), with every command's
    ratio; then one measurement per command of :data:`OWN_BUDGETS`, judged on its own budget."""
    floor = [python, "-c", "import typer, rich.console, pydantic"]
    against = 'python -c "import typer, rich.console, pydantic"'
    per_command: dict[str, Any] = {}
    own: list[dict[str, Any]] = []
    worst: tuple[float, str, list[float]] = (0.0, "", [])
    with tempfile.TemporaryDirectory() as tmp:
        for args in invocations(python, Path(tmp)):
            subj, flr = measure.paired([*cli, *args], floor, runs, env=env)
            ratios = measure.ratios([r.seconds for r in subj], [r.seconds for r in flr])
            median = sorted(ratios)[len(ratios) // 2]
            name = shlex.join(args).replace(tmp, "$TMP")
            per_command[name] = round(median, 2)
            budget = own_budget(name)
            if budget is not None:
                command, limit, why = budget
                m = result(
                    "command-" + command.replace(" ", "-"),
                    f"`llama4ref {command}` ({why})",
                    "time ÷ floor",
                    against=against,
                    value=measure.summary(ratios),
                    detail={"invocation": f"llama4ref {name}"},
                )
                own.append(judged(m, "<=", limit, "x"))
            elif median > worst[0]:
                worst = (median, name, ratios)
    queries = len(per_command) - len(own)
    m = result(
        "every-command",
        f"every other command ({queries}), the slowest: `llama4ref {worst[1]}`",
        "time ÷ floor",
        against=against,
        value=measure.summary(worst[2]),
        detail={
            "median ratio per command": dict(sorted(per_command.items(), key=lambda kv: -kv[1])),
            "own budgets": {command: {"budget": limit, "why": why} for command, (limit, why) in OWN_BUDGETS.items()},
        },
    )
    return [judged(m, "<=", BUDGET, "x"), *own]
