"""Terminal manners: no escape codes in pipes or under NO_COLOR, --json and -h everywhere, versions."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from typing import Any

import pytest
import typer

from llama4ref.cli import app
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import REPO, run_cli

INVOCATIONS = [
    ("show", "scout"),
    ("get", "maverick.params.total"),
    ("get", "scout.params.active_fraction"),
    ("list", "sources"),
    ("list", "facts", "--prefix", "scout.architecture"),
    ("--help",),
    ("export", "-h"),
]
COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def real_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed entry point in a child process, its output through pipes (not a terminal)."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS")}
    full_env.update({"TERM": "xterm-256color", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "llama4ref", *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=REPO,
        timeout=120,
        check=False,
    )


def in_terminal(*args: str, env: dict[str, str]) -> str:
    """Run the CLI attached to a pseudo-terminal and return what the terminal received."""
    leader, follower = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update({"TERM": "xterm-256color", "COLUMNS": "120", **env})
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama4ref", *args], stdin=follower, stdout=follower, stderr=follower, env=full_env, cwd=REPO
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    proc.wait(timeout=120)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("args", INVOCATIONS, ids=[" ".join(a) for a in INVOCATIONS])
@pytest.mark.parametrize("no_color", [False, True], ids=["pipe", "pipe+NO_COLOR"])
def test_no_escape_codes_in_pipes(args: tuple[str, ...], no_color: bool) -> None:
    """Output through a pipe carries no ANSI escape codes, with or without NO_COLOR."""
    res = real_cli(*args, env={"NO_COLOR": "1"} if no_color else None)
    assert res.returncode == 0, res.stderr
    assert "\x1b[" not in res.stdout and "\x1b[" not in res.stderr


def test_no_color_in_a_terminal() -> None:
    """In a terminal, NO_COLOR removes every colour (bold and dim may stay, as the NO_COLOR convention allows)."""
    coloured = in_terminal("show", "scout", env={})
    assert COLOUR_SGR.search(coloured), "the terminal run should be coloured, or this test proves nothing"
    plain = in_terminal("show", "scout", env={"NO_COLOR": "1"})
    assert "Llama 4 Scout" in plain and not COLOUR_SGR.search(plain)


def test_pipes_never_truncate_ids(kb: KnowledgeBase) -> None:
    """Piped listings print every id whole, with no ellipsis."""
    out = real_cli("list", "sources").stdout
    assert "…" not in out
    for source in kb.sources():
        assert source.id in out


def _commands() -> dict[str, Any]:
    """Every command that runs (groups' subcommands included), by its space-joined name."""
    out: dict[str, Any] = {}

    def walk(cmd: Any, names: tuple[str, ...]) -> None:
        subs = getattr(cmd, "commands", None)  # a group: its subcommands carry the options
        if subs is None:
            out[" ".join(names)] = cmd
        for name, sub in (subs or {}).items():
            walk(sub, (*names, name))

    walk(typer.main.get_command(app), ())
    return out


JSON_PENDING: dict[str, str] = {}
"""Commands known to miss --json: strict xfail, so the entry must go when the command is fixed."""


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(reason=JSON_PENDING[n], strict=True)) if n in JSON_PENDING else n
        for n in sorted(_commands())
    ],
)
def test_every_command_has_json_and_short_help(name: str) -> None:
    """Every command offers --json and answers -h with its help and an example."""
    cmd = _commands()[name]
    opts = {o for p in cmd.params for o in getattr(p, "opts", [])}
    assert "--json" in opts, f"`llama4ref {name}` has no --json"
    res = run_cli(*name.split(), "-h")
    assert res.code == 0 and "Usage: " in res.stdout
    assert "Example" in res.stdout, f"`llama4ref {name} -h` shows no example"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_help_example_starts_its_own_line(name: str) -> None:
    """Each "Example:" in a command's -h begins a line of its own: two examples are never run
    together into one wrapped paragraph (`get -h`, `list -h` did)."""
    res = run_cli(*name.split(), "-h")
    lines = res.stdout.splitlines()
    joined = [line for line in lines if "Example:" in line and not line.lstrip().startswith("Example:")]
    assert not joined and all(line.count("Example:") <= 1 for line in lines), joined


@pytest.mark.parametrize(
    ("args", "kind"),
    [
        (("show", "scout"), "overview"),
        (("get", "scout.params.total"), "fact"),
        (("list", "variants"), "variants"),
        (("validate",), "validation"),
    ],
)
def test_json_output_uses_the_one_envelope(args: tuple[str, ...], kind: str) -> None:
    """--json prints exactly {"schema_version", "kind", "data"} (docs/json.md)."""
    doc = json.loads(run_cli(*args, "--json").stdout)
    assert set(doc) == {"schema_version", "kind", "data"} and doc["kind"] == kind and doc["schema_version"] == 1


def test_version_names_the_data_version(kb: KnowledgeBase) -> None:
    """--version prints the package version and the data version from facts/DATA_VERSION."""
    import llama4ref

    out = real_cli("--version").stdout
    assert out == f"llama4ref {llama4ref.__version__} (data {kb.data_version})\n"
    assert (REPO / "facts" / "DATA_VERSION").read_text(encoding="utf-8").strip() == kb.data_version


@pytest.mark.parametrize("args", [("--help",), ("license", "--help"), ("refresh", "--help")], ids=" ".join)
def test_command_lists_show_whole_summaries(args: tuple[str, ...]) -> None:
    """At 80 columns a command list shows each summary whole, wrapped under its column, never cut with "..."."""
    res = real_cli(*args, env={"COLUMNS": "80"})
    commands = res.stdout.split("\nCommands:\n", 1)[1]
    assert res.returncode == 0 and commands.strip()
    assert "..." not in commands and "…" not in commands, commands
    assert all(len(line) <= 80 for line in commands.split("\n"))
    app_cmd = typer.main.get_command(app)
    group = app_cmd if len(args) == 1 else app_cmd.commands[args[0]]  # type: ignore[attr-defined]
    for name, cmd in group.commands.items():
        first = " ".join((cmd.help or "").strip().split("\n\n", 1)[0].split())
        assert first and " ".join(commands.split()).find(f"{name} {first}") >= 0, name


def _help_at_80(name: str) -> str:
    """``llama4ref <name> -h`` as Click renders it in a terminal 80 columns wide."""
    root: Any = typer.main.get_command(app)
    ctx = root.context_class(root, info_name="llama4ref", terminal_width=80)
    cmd = root
    for word in name.split():
        cmd = cmd.commands[word]
        ctx = cmd.context_class(cmd, info_name=word, parent=ctx, terminal_width=80)
    return str(cmd.get_help(ctx))


def _help_examples(text: str) -> list[list[str]]:
    """Each example of a help text: its lines, from ``Example:`` to the line that ends the command."""
    lines = text.splitlines()
    found: list[list[str]] = []
    for i, line in enumerate(lines):
        if line.lstrip().startswith("Example:"):
            block = [line]
            while block[-1].endswith("\\") and i + len(block) < len(lines):
                block.append(lines[i + len(block)])
            found.append(block)
            after = lines[i + len(block)] if i + len(block) < len(lines) else ""
            block.append(after)  # the line after the command: blank or the next example
    return found


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_help_example_pastes_as_one_command(name: str) -> None:
    """At 80 columns each example in a command's -h is a whole command a user can paste: a line
    it continues on ends in ` \\` (never a wrapped line without it, never an identifier split
    mid-token), the line after it is blank or the next example, and the command it spells
    parses as that command's arguments (`resolve -h` split an id, `cite -h` and
    `verify-quotes -h` wrapped without `\\`)."""
    import shlex

    examples = _help_examples(_help_at_80(name))
    assert examples, f"`llama4ref {name} -h` shows no example"
    for block in examples:
        *command, after = block
        assert not after.strip() or after.lstrip().startswith("Example:"), f"`{name} -h` wraps an example: {block}"
        assert all(line.endswith(" \\") for line in command[:-1]), f"`{name} -h`: a continuation without ` \\`: {block}"
        words = shlex.split(" ".join(line.removesuffix("\\") for line in command).split("Example:", 1)[1])
        words = words[: next((i for i, w in enumerate(words) if w in (">", "|", "&&", ";")), len(words))]
        assert words[0] == "llama4ref" and " ".join(words[1 : 1 + len(name.split())]) == name, words
        assert not any("shared/" in w for w in words), f"`{name} -h` names the maintainers' own folders: {words}"
        cmd: Any = typer.main.get_command(app)
        for word in name.split():
            cmd = cmd.commands[word]
        cmd.make_context(name, words[1 + len(name.split()) :])  # a usage error raises here


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_option_value_has_a_named_metavar(name: str) -> None:
    """review13 #13: an option that takes a value names it in capitals (`--as-of DATE`, `--gpus N`),
    never Click's internal type names (`<str>`, `<int range>`, `<path>`, a choice list the help
    repeats); `--json` has one help phrase everywhere, and no option offers a `--no-` twin."""
    from llama4ref.cli.options import JSON_HELP

    cmd = _commands()[name]
    for param in cmd.params:
        if param.param_type_name != "option":
            continue
        assert not param.secondary_opts, f"`{name}` {param.opts} also offers {param.secondary_opts}"
        if param.is_flag:
            assert "--json" not in param.opts or param.help == JSON_HELP, (name, param.help)
            continue
        assert re.fullmatch(r"[A-Z][A-Z_]*", param.metavar or ""), f"`{name}` {param.opts}: metavar {param.metavar!r}"


class _Terminal:
    """A stdout that says it is a terminal, keeping what is written."""

    def __init__(self, tty: bool) -> None:
        self.tty, self.text = tty, ""

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.text += text
        return len(text)


@pytest.mark.parametrize("tty", [True, False], ids=["terminal", "pipe"])
def test_check_name_wraps_under_the_name_only_in_a_terminal(monkeypatch: pytest.MonkeyPatch, tty: bool) -> None:
    """check-name's lines break between words at the terminal's width, later lines under the name
    (10 columns in), a name longer than the width whole on its own line; piped, one line per name."""
    from llama4ref.cli.render.checks import name_checks
    from llama4ref.compliance.names import check_names
    from llama4ref.compliance.terms import shipped_license_terms

    long_name = "acme/" + "Scout-" * 12 + "FT"
    results = list(check_names(["acme/Scout-FT", long_name, "Llama-4-Scout-Acme"], shipped_license_terms()))
    out = _Terminal(tty)
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setenv("COLUMNS", "40")
    name_checks(results)
    lines = out.text.rstrip("\n").split("\n")
    if not tty:
        assert [ln.split()[1] for ln in lines] == ["acme/Scout-FT", long_name, "Llama-4-Scout-Acme"], lines
        return
    assert lines[0].startswith("VIOLATION acme/Scout-FT") and len(lines) > 3, lines
    assert all(len(ln) <= 40 or ln.strip() in (long_name, "acme/Llama-" + long_name[5:]) for ln in lines), lines
    assert all(ln.startswith(" " * 10) for ln in lines if not ln.startswith(("VIOLATION", "PASS"))), lines
    assert f"VIOLATION\n          {long_name}\n" in out.text and lines[-1] == "PASS      Llama-4-Scout-Acme", lines
