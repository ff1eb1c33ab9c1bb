"""Every number option of every command, read from the typer app itself, given what no count or size
can be (nan, inf, -0, 400 digits): one coded line and exit 2, or a clean answer; never a traceback
or ``Infinity`` in the JSON. An option added later is swept without a word here."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.conftest import run_cli

SAMPLE_ARGUMENTS = {"variant": "scout", "path": "scout.params.total", "words": "scout", "paths": "scout.params.total"}
"""A value for each required argument a command with a number option has (a new one must be added)."""

EXTRA = {"memory": ["--gpu", "h100"]}
"""Options that make a command exercise its arithmetic (the plan against a GPU)."""

CODED = re.compile(r"llama4ref: error: L4R-U\d{3} \S[^\n]*\n")


def _number_options() -> list[tuple[tuple[str, ...], str, str, bool]]:
    """(command path, option, 'int', 'float' or 'tokens', has --json) for every number option of the app."""
    import typer.main

    from llama4ref.cli import app
    from llama4ref.cli.options import token_count

    found: list[tuple[tuple[str, ...], str, str, bool]] = []

    def walk(command: Any, path: tuple[str, ...]) -> None:
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            walk(sub, (*path, name))
        opts = {o for p in command.params for o in getattr(p, "opts", [])}
        for p in command.params:
            kinds = {c.__name__ for c in type(p.type).__mro__}
            kind = "float" if "FloatParamType" in kinds else "int" if "IntParamType" in kinds else None
            if getattr(p.type, "func", None) is token_count:  # a token count: an int written 131,072 or 128K too
                kind = "tokens"
            if kind and p.param_type_name == "option":
                found.append((path, p.opts[0], kind, "--json" in opts))

    walk(typer.main.get_command(app), ())
    return found


OPTIONS = _number_options()


def test_the_sweep_finds_the_number_options() -> None:
    """The walk sees the options of the commands the review named (a walk that finds none tests nothing)."""
    seen = {(" ".join(c), o) for c, o, _, _ in OPTIONS}
    assert {("memory", "--gpu-memory-gb"), ("memory", "--context"), ("verify-quotes", "--min-coverage")} <= seen
    assert {("search", "--limit"), ("providers", "--min-context")} <= seen


def _args(path: tuple[str, ...], option: str, value: str, json_out: bool) -> list[str]:
    import typer.main

    from llama4ref.cli import app

    command: Any = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    required = [p.name for p in command.params if p.required and p.param_type_name == "argument"]
    missing = [n for n in required if n not in SAMPLE_ARGUMENTS]
    assert not missing, f"give tests/test_cli_numbers.py a sample value for {missing}"
    return [
        *path,
        *(SAMPLE_ARGUMENTS[n] for n in required),
        *EXTRA.get(path[0], []),
        *(["--json"] if json_out else []),
        option,
        value,
    ]


NOT_FINITE = ["nan", "inf", "-inf", "NaN", "1e400"]
ODD = ["-0", "0", "-1", "1e308", "9" * 400, str(2**63 - 1), str(2**63)]


@pytest.mark.parametrize(("path", "option", "kind", "has_json"), OPTIONS, ids=lambda v: str(v))
def test_number_options_refuse_what_no_number_can_be(path: tuple[str, ...], option: str, kind: str, has_json: bool) -> None:
    """nan/inf (and 1e400, inf as a float) are refused in one coded line, exit 2, for every number option."""
    for value in NOT_FINITE:
        res = run_cli(*_args(path, option, value, False))
        assert (res.code, res.stdout) == (2, ""), (option, value, res)
        assert CODED.fullmatch(res.stderr), (option, value, res.stderr)
        assert (
            "not a finite number" in res.stderr
            or (kind == "int" and "not a valid int" in res.stderr)
            or (kind == "tokens" and "is not a token count" in res.stderr)
        ), res.stderr
    huge = run_cli(*_args(path, option, "9" * 400, False))
    assert huge.code == 2 and CODED.fullmatch(huge.stderr), huge
    if kind in ("int", "tokens"):
        assert "is larger than 9,223,372,036,854,775,807" in huge.stderr and len(huge.stderr) < 300


@pytest.mark.parametrize(("path", "option", "kind", "has_json"), OPTIONS, ids=lambda v: str(v))
def test_number_options_answer_or_refuse_cleanly(path: tuple[str, ...], option: str, kind: str, has_json: bool) -> None:
    """-0, 0, -1, 1e308, 2**63 and 400 digits: a clean answer (its JSON strict: no NaN or Infinity)
    or one coded line with exit 2; never a traceback."""
    for value in ODD:
        res = run_cli(*_args(path, option, value, has_json))
        assert res.code in (0, 1, 2) and "Traceback" not in res.stderr, (option, value, res)
        if res.code == 2:
            assert res.stdout == "" and CODED.fullmatch(res.stderr), (option, value, res.stderr)
        elif has_json:
            assert not re.search(r"\b(NaN|-?Infinity)\b", res.stdout), (option, value)
            json.loads(res.stdout)
