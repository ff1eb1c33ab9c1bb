"""Run every llama4ref command once, as a user would: CI runs this against the installed wheel.

    python tests/smoke_commands.py          # run each command; exit 1 naming every failure
    python tests/smoke_commands.py --list   # print the invocations only (--tmp DIR: with DIR for {tmp})

The commands are listed from the CLI itself, so a new command is never forgotten. Each runs
the example from its own help text (STYLE: every command's help has an example), unless
OVERRIDES replaces it: examples that need files of the checkout, or that exit 1 on purpose.
Run it with the interpreter of the environment under test, from any directory; it imports
nothing from the checkout. tests/test_smoke_commands.py keeps OVERRIDES honest.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# command path → (arguments with {tmp} / {facts} placeholders, accepted exit codes)
OVERRIDES: dict[str, tuple[str, frozenset[int]]] = {
    "validate": ("validate", frozenset({0})),
    "verify-quotes": ("verify-quotes {tmp}/copies", frozenset({0})),  # one copy, whose one quote is found
    "diff": ("diff {facts} {facts}", frozenset({0})),
    "export": ("export --format sqlite -o {tmp}/llama4ref.db", frozenset({0})),
    "check-name": ("check-name Llama-4-Scout-Acme acme/Scout-FT", frozenset({1})),
    "license check": ("license check {tmp}/my-model --format sarif", frozenset({0, 1})),
    # The example reads this checkout's README and docs/; outside it (the installed wheel): a note
    "check-claims": ("check-claims {tmp}/notes.md", frozenset({0})),
    # The example downloads two LiteLLM wheels; CI runs it once in its own step. Here: a release
    # the (empty) local wheel directory lacks must be one error line, exit 2.
    "refresh providers": ("refresh providers --litellm 1.0.0 --find-links {tmp}", frozenset({2})),
}


NOTES = "# Llama 4 Scout\n\nScout has 16 experts and a 10M-token context window.\n"
"""What ``{tmp}/notes.md`` holds: two statements the records support."""

COPY = ("llama-models-preprocess-py.py", "IMAGE_RES = 448\n")
"""``{tmp}/copies``' one copy of a source: its file name (the source id) and the one line the records quote."""


def prepare(tmp: Path) -> None:
    """The files the invocations expect under ``{tmp}``: an empty model directory, a note and a copy of a source."""
    (tmp / "my-model").mkdir(exist_ok=True)
    (tmp / "notes.md").write_text(NOTES, encoding="utf-8")
    (tmp / "copies").mkdir(exist_ok=True)
    (tmp / "copies" / COPY[0]).write_text(COPY[1], encoding="utf-8")


@dataclass(frozen=True)
class Invocation:
    command: str
    args: list[str]
    ok: frozenset[int]


def leaf_commands() -> dict[str, Any]:
    """Every runnable command of the CLI, by its path (``"license check"``)."""
    import typer

    from llama4ref.cli import app

    out: dict[str, Any] = {}

    def walk(prefix: str, cmd: Any) -> None:
        subs = getattr(cmd, "commands", None)
        if subs is None:
            out[prefix] = cmd
            return
        for name, sub in subs.items():
            walk(f"{prefix} {name}".strip(), sub)

    walk("", typer.main.get_command(app))
    return out


def example(cmd: Any) -> str | None:
    """The command line after ``Example: llama4ref`` in the help, without shell redirections."""
    lines = [line.strip() for line in (cmd.help or "").splitlines()]
    for start, first in enumerate(lines):
        if first.startswith("Example: llama4ref "):
            parts = [first]
            while parts[-1].endswith("\\") and start + len(parts) < len(lines):  # a shell continuation
                parts.append(lines[start + len(parts)])
            words = shlex.split(" ".join(p.removesuffix("\\") for p in parts).removeprefix("Example: llama4ref "))
            cut = next((i for i, w in enumerate(words) if w in (">", "|", "&&", ";")), len(words))
            return shlex.join(words[:cut])
    return None


def plan() -> tuple[list[Invocation], list[str]]:
    """The invocation of every command, and the commands that have neither example nor override."""
    runs: list[Invocation] = []
    missing: list[str] = []
    for path, cmd in leaf_commands().items():
        line, ok = OVERRIDES.get(path, (example(cmd) or "", frozenset({0})))
        if not line:
            missing.append(path)
            continue
        runs.append(Invocation(path, shlex.split(line), ok))
    return runs, missing


def main(argv: list[str]) -> int:
    from llama4ref.store.index import shipped_facts_dir

    runs, missing = plan()
    for path in missing:
        print(f"FAIL {path}: no `Example: llama4ref …` line in its help and no override", file=sys.stderr)
    exe = shutil.which("llama4ref", path=str(Path(sys.executable).parent)) or shutil.which("llama4ref")
    base = [exe] if exe else [sys.executable, "-m", "llama4ref"]
    failed = list(missing)
    given = argv[argv.index("--tmp") + 1] if "--tmp" in argv[:-1] else None  # --list --tmp DIR: placeholders for DIR
    with tempfile.TemporaryDirectory() as scratch:
        tmp = given or scratch
        prepare(Path(tmp))
        for inv in runs:
            args = [a.format(tmp=tmp, facts=shipped_facts_dir()) for a in inv.args]
            if "--list" in argv:
                print(f"llama4ref {shlex.join(args)}")
                continue
            done = subprocess.run(
                [*base, *args],
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
                env=os.environ | {"COLUMNS": "100"},
            )
            good = done.returncode in inv.ok and "Traceback" not in done.stdout + done.stderr
            print(f"{'ok  ' if good else 'FAIL'} [{done.returncode}] llama4ref {shlex.join(args)}")
            if not good:
                failed.append(inv.command)
                print(done.stderr[-2000:], file=sys.stderr)
    if failed:
        print(f"{len(failed)} command(s) failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
