"""Every command against the start-up floor (issue 13: each at most 2× what any Typer/Rich/pydantic
tool pays to start). The invocations are tests/smoke_commands.py's: each command's own help
example, listed from the CLI, so a new command is measured without being added here."""

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


def invocations(python: str, tmp: Path) -> list[list[str]]:
    """The argument lists of every command, with files placed under ``tmp``."""
    listed = subprocess.run(
        [python, str(ROOT / "tests" / "smoke_commands.py"), "--list", "--tmp", str(tmp)],
        capture_output=True,
        text=True,
        check=True,
    )
    return [shlex.split(line)[1:] for line in listed.stdout.splitlines() if line.startswith("llama4ref ")]


def every_command(python: str, cli: list[str], runs: int, env: dict[str, str]) -> dict[str, Any]:
    """The slowest command's time ÷ the floor (medians over ``runs`` pairs), with every command's ratio."""
    floor = [python, "-c", "import typer, rich.console, pydantic"]
    per_command: dict[str, Any] = {}
    worst: tuple[float, str, list[float]] = (0.0, "", [])
    with tempfile.TemporaryDirectory() as tmp:
        for args in invocations(python, Path(tmp)):
            subj, flr = measure.paired([*cli, *args], floor, runs, env=env)
            ratios = measure.ratios([r.seconds for r in subj], [r.seconds for r in flr])
            median = sorted(ratios)[len(ratios) // 2]
            name = shlex.join(args).replace(tmp, "$TMP")
            per_command[name] = round(median, 2)
            if median > worst[0]:
                worst = (median, name, ratios)
    m = result(
        "every-command",
        f"every command ({len(per_command)}), the slowest: `llama4ref {worst[1]}`",
        "time ÷ floor",
        against='python -c "import typer, rich.console, pydantic"',
        value=measure.summary(worst[2]),
        detail={"median ratio per command": dict(sorted(per_command.items(), key=lambda kv: -kv[1]))},
    )
    return judged(m, "<=", BUDGET, "x")
