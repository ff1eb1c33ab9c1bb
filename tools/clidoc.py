"""The CLI reference page (``docs/cli.md``), rendered from each command's own ``--help``.

Help is rendered at a fixed width (100 columns), without colour, with the program name fixed,
so the page is the same on every machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

WIDTH = 100

INTRO = """\
Every command accepts `-h` / `--help`, and `--json` to print the one JSON envelope
`{"schema_version", "kind", "data"}` described in [JSON output](json.md). Exit codes: 0 success,
1 a check found problems, 2 usage error or unknown id (one line on stderr).

Output for people fits the terminal: tables wrap only between words, so no number, id, date or
token is split, and a table too wide for the terminal is shown as one block per row
(`label: value` lines). Outside tables, a word wider than the whole line (a long URL, the
tokenizer's regular expression) is printed whole on its own line, for the terminal to wrap: a copy
of it is the exact text. It honours `NO_COLOR` (no colours) and `COLUMNS`; piped or redirected
without `COLUMNS`, nothing is wrapped, padded or truncated (no ANSI codes, no trailing spaces).

## Shell completion

```sh
llama4ref --install-completion        # bash, zsh, fish or PowerShell: detected from your shell
llama4ref --show-completion           # print the completion script, to install it yourself
```

Restart the shell afterwards; then `llama4ref <TAB>` completes commands and options.
"""


def _commands() -> Iterator[tuple[str, ...]]:
    """The path of names of every command, depth first, in the order the CLI registers them."""
    import typer

    from llama4ref.cli import app

    def walk(cmd: Any, names: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        yield names
        for name, sub in getattr(cmd, "commands", {}).items():  # a group (typer vendors its own click)
            if not sub.hidden:
                yield from walk(sub, (*names, name))

    yield from walk(typer.main.get_command(app), ())


def command_help(names: tuple[str, ...]) -> str:
    """The ``--help`` text of one command, as a 100-column terminal would show it without colour."""
    from typer.testing import CliRunner

    from llama4ref.cli import app

    result = CliRunner().invoke(
        app,
        [*names, "--help"],
        prog_name="llama4ref",
        color=False,
        terminal_width=WIDTH,
        max_content_width=WIDTH,
        env={"NO_COLOR": "1", "COLUMNS": str(WIDTH)},
    )
    if result.exit_code != 0:
        raise RuntimeError(f"`llama4ref {' '.join(names)} --help` exited {result.exit_code}: {result.output}")
    return "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())


def error_codes() -> list[str]:
    """The section listing every stable code a command prints, from the tables in the code."""
    from llama4ref.diagnostics import CODES
    from llama4ref.errors import ERROR_CODES
    from tools.docgen import table

    return [
        "## Error codes",
        "",
        "An error names its stable code before its message (`llama4ref: error: L4R-U001 unknown fact path",
        "'nope' (see 'llama4ref list facts')`); a warning about the input is one line on stderr,",
        "`PATH: CODE warning: message` for a file or directory, `llama4ref: warning: CODE message` for a",
        "value given (in a terminal, a line wider than it is broken between words). An unknown name is",
        "offered the few closest names, else the command that lists them all. The codes (`ERROR_CODES`",
        "in `llama4ref/errors.py`):",
        "",
        *table(["code", "meaning"], [[f"`{k}`", v] for k, v in ERROR_CODES.items()]),
        "",
        "`validate` and `verify-quotes` print `file:line:col: CODE message` with the codes below (`CODES` in",
        "`llama4ref/diagnostics.py`); `license check`, `check-name` and `check-claims` print the",
        "`L4-…` codes listed in [CI](ci.md) (a file that is not valid UTF-8: `L4-FILE-ENCODING`, a warning).",
        "",
        *table(["code", "meaning"], [[f"`{k}`", v] for k, v in CODES.items()]),
        "",
    ]


def cli_reference() -> str:
    """The whole CLI reference page."""
    from tools.docgen import GENERATED_MARK

    parts = [GENERATED_MARK, "", "# Command-line reference", "", INTRO, *error_codes()]
    for names in _commands():
        title = " ".join(("llama4ref", *names))
        parts += [f"## {title}", "", "```text", command_help(names), "```", ""]
    return "\n".join(parts).rstrip() + "\n"
