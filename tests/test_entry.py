"""The console script (`llama4ref.__main__:main`): the CLI with the garbage collector set for a
short-lived process, and nothing else changed."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)


def test_the_console_script_is_the_entry_point() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"llama4ref": "llama4ref.__main__:main"}


def test_the_command_runs_with_the_collector_on_and_start_up_frozen() -> None:
    """While the command runs, collection is on (a long `check-claims` or `validate` frees its
    garbage as usual) and what start-up loaded is frozen; the collector is left on afterwards."""
    probe = (
        "import gc, sys\n"
        "import llama4ref.cli as cli\n"
        "seen = []\n"
        "cli.main = lambda: seen.append((gc.isenabled(), gc.get_freeze_count() > 1000))\n"
        "from llama4ref.__main__ import main\n"
        "main()\n"
        "print(seen, gc.isenabled())\n"
    )
    done = _python(probe)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[(True, True)] True"


def test_exit_codes_and_output_are_the_cli_s() -> None:
    """`python -m llama4ref` (the same function as the console script) keeps the CLI's output
    and exit codes: 0 with the answer, 2 with one error line for an unknown path."""
    ok = subprocess.run(
        [sys.executable, "-m", "llama4ref", "get", "scout.params.total"], capture_output=True, text=True, check=False
    )
    assert ok.returncode == 0 and ok.stdout.startswith("scout.params.total"), ok.stderr
    bad = subprocess.run([sys.executable, "-m", "llama4ref", "get", "zzz"], capture_output=True, text=True, check=False)
    assert (
        bad.returncode == 2
        and bad.stderr == "llama4ref: error: L4R-U001 unknown fact path 'zzz' (see 'llama4ref list facts')\n"
        and bad.stdout == ""
    )
