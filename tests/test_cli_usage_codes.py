"""Every usage error names its stable code (docs/cli.md: "An error names its stable code before its
message") and exits 2; `memory --fit` that finds nothing says so in a sentence that reads right."""

from __future__ import annotations

import ast
import re
from typing import Any

import pytest

from tests.conftest import REPO, run_cli

CODED = re.compile(r"llama4ref: error: (L4R-U\d{3}) \S[^\n]*\n")


def _commands() -> list[tuple[tuple[str, ...], bool]]:
    """(command path, has a required argument) for every command of the app."""
    import typer.main

    from llama4ref.cli import app

    found: list[tuple[tuple[str, ...], bool]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        subs = getattr(command, "commands", None)
        if subs is not None:
            for name, sub in sorted(subs.items()):
                walk(sub, (*path, name))
            return
        found.append((path, any(p.required and p.param_type_name == "argument" for p in command.params)))

    walk(typer.main.get_command(app), ())
    return found


COMMANDS = _commands()


def test_the_walk_finds_every_command() -> None:
    """The walk reaches top-level commands and subcommands alike."""
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"memory", "ask", "license check", "refresh providers", "stale"} <= names and len(names) >= 25


@pytest.mark.parametrize(("path", "required"), COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_a_command_line_that_does_not_parse_names_its_code(path: tuple[str, ...], required: bool) -> None:
    """An unknown option, and a missing argument, are one line with L4R-U013 and exit 2 on every command."""
    res = run_cli(*path, "--no-such-option")
    assert res.code == 2 and CODED.fullmatch(res.stderr), res
    assert CODED.fullmatch(res.stderr).group(1) == "L4R-U013"  # type: ignore[union-attr]  # matched above
    if required:
        bare = run_cli(*path)
        assert (bare.code, CODED.fullmatch(bare.stderr) is not None) == (2, True), bare


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["license", "check", "/nonexistent"], "L4R-U010", "/nonexistent: not a directory or a file"),
        (["list", "zzz"], "L4R-U012", "unknown kind 'zzz'"),
        (["stale", "--older-than", "abc"], "L4R-U012", "--older-than takes a number of days"),
        (["stale", "--older-than", "1y"], "L4R-U012", "--older-than takes a number of days"),
        (["export", "-f", "csv"], "L4R-U012", "--format csv writes files: give -o PATH"),
        (["providers", "--sort", "zzz"], "L4R-U012", "--sort must be name, price, context or output"),
        (["memory", "scout", "--fit", "zzz"], "L4R-U012", "--fit must be context or batch"),
        (["ask", ""], "L4R-U012", "ask a question"),
        (["memory", "scout", "--weights-file", "scout.params.total"], "L4R-U012", "is not a file size in bytes"),
        (["memory", "scout", "--weights-file", "scout.params.total", "--json"], "L4R-U012", "its unit is parameters"),
        (["memory", "scout", "--weights-file", "files.maverick.mlx.4bit.bytes"], "L4R-U012", "a file of maverick, not of scout"),
        (["context", "behemoth"], "L4R-U012", "no context records for behemoth"),
        (["refresh", "providers", "--litellm", "x.y"], "L4R-U012", "--litellm needs a release number"),
        (["memory", "scout", "--gpu-memory-gb", "nan"], "L4R-U012", "'nan' is not a finite number"),
        (["memory", "scout", "--gpu-memory-gb", "inf", "--json"], "L4R-U012", "'inf' is not a finite number"),
        (["memory", "scout", "--gpu-memory-gb", "1e308"], "L4R-U012", "at most 1,000,000,000"),
        (["verify-quotes", "--min-coverage", "nan"], "L4R-U012", "'nan' is not a finite number"),
        (["memory", "scout", "--batch", "x"], "L4R-U012", "'x' is not a valid int"),
        (["nosuch"], "L4R-U013", "No such command 'nosuch'"),
        (["export", "-o", "/"], "L4R-U010", "/: a directory; an export replaces only a regular file"),
        (["export", "-f", "sqlite", "-o", "/"], "L4R-U010", "/: a directory; an export replaces only a regular file"),
        (["export", "-f", "csv", "-o", str(REPO / "README.md")], "L4R-U010", "README.md: not a directory; --format csv"),
        (["export", "-o", "/nonexistent/x.db"], "L4R-U010", "/nonexistent: no such directory (create it first)"),
        (["export", "-o", "/dev/full"], "L4R-U010", "/dev/full: a device; an export replaces only a regular file"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_usage_errors_the_review_met_name_a_code(args: list[str], code: str, says: str) -> None:
    """Each error review12 #4/#12, review13 #10 (export's path errors) and review18 #2/#9 (another
    model's weights file, a model without context records) found without a code, as a traceback
    or accepted, is one coded line, exit 2."""
    res = run_cli(*args)
    assert (res.code, res.stdout) == (2, ""), res
    found = CODED.fullmatch(res.stderr)
    assert found is not None and found.group(1) == code and says in res.stderr, res.stderr


def test_every_fail_outside_usage_names_its_own_code() -> None:
    """`fail(...)` gives a usage error (exit 2) the generic code; a call with another exit code must name one."""
    bare: list[str] = []
    for path in (REPO / "llama4ref" / "cli").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "fail" and len(node.args) > 1:
                exit_code = ast.unparse(node.args[1])
                if exit_code not in ("EXIT_USAGE", "2") and not any(k.arg == "error_code" for k in node.keywords):
                    bare.append(f"{path.name}:{node.lineno}")
    assert not bare, bare


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["memory", "scout", "--fit", "batch", "--gpu", "h100", "--gpus", "1"],
            "does not fit 1 GPU(s) even at batch 1 with the model's whole window of 10,485,760 tokens: it needs "
            "733.9 GB, 1 GPU(s) hold 72.0 GB usable; give a smaller --context\n",
        ),
        (
            ["memory", "maverick", "--fit", "context", "--gpu", "h100", "--gpus", "1"],
            "does not fit 1 GPU(s) even with a context of 1 token at batch 1: it needs 803.2 GB, 1 GPU(s) hold 72.0 GB usable\n",
        ),
        (
            ["memory", "scout", "--fit", "batch", "--gpu", "h100", "--context", "8192"],
            "does not fit 1 GPU(s) even at batch 1 with a context of 8,192 tokens: it needs 218.9 GB, 1 GPU(s) hold "
            "72.0 GB usable\n",
        ),
    ],
)
def test_nothing_fits_reads_right_for_context_and_batch(args: list[str], says: str) -> None:
    """`--fit context` no longer says "even at context 1 at the default context"; the need and room are given."""
    res = run_cli(*args)
    assert (res.code, res.stdout, res.stderr) == (1, "", f"llama4ref: error: L4R-U015 {says}")


def test_a_failed_export_write_names_its_code() -> None:
    """A write that fails (a full disk) is L4R-U014, a wrong output path L4R-U010 (review13 #10)."""
    from llama4ref.errors import ERROR_CODES
    from llama4ref.export.outfile import OutputPathError, OutputWriteError

    assert (OutputPathError.code, OutputWriteError.code) == ("L4R-U010", "L4R-U014")
    assert {OutputPathError.code, OutputWriteError.code} <= set(ERROR_CODES)
