"""The `llama4ref` command: a thin typer shell over the library.

Exit codes: 0 success; 1 a check found problems; 2 usage error or unknown id.
"""

from __future__ import annotations

import copy
import signal
import sys

import typer
import typer.models

from llama4ref.cli import claims, compliance, core, deploy, ecosystem, knowledge, safety

app = typer.Typer(
    name="llama4ref",
    help=(
        "A cited reference for Meta's Llama 4 models (Scout, Maverick, Behemoth preview).\n\n"
        "Exit codes: 0 success; 1 a check found problems; 2 usage error or unknown id."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
core.register(app)
knowledge.register(app)
deploy.register(app)
safety.register(app)
compliance.register(app)
ecosystem.register(app)
claims.register(app)


def invoked_app(argv: list[str]) -> typer.Typer:
    """``app`` with only the command ``argv`` names, when it names one.

    Typer turns every registered command's signature into Click parameters on each run
    (about half a millisecond a command); building only the one that runs keeps start-up
    within budget (benchmarks/). Anything else (no command, an option first, a typo) gets
    the whole app, so help, completion and "No such command" suggestions are unchanged.
    """
    first = argv[0] if argv else ""
    chosen = [c for c in app.registered_commands if _command_name(c) == first]
    if not chosen:
        return app
    lean = copy.copy(app)
    lean.registered_commands = chosen
    lean.registered_groups = []  # sub-apps (``license …``) are never the chosen command
    return lean


def _command_name(info: typer.models.CommandInfo) -> str | None:
    if info.name:
        return info.name
    return info.callback.__name__.lower().replace("_", "-") if info.callback else None


def main() -> None:
    """Console-script entry point: library errors become one line on stderr."""
    from llama4ref.errors import DataError, Llama4RefError, UnknownIdError

    if hasattr(signal, "SIGPIPE"):  # `llama4ref list | head`: end quietly, as Unix tools do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        invoked_app(sys.argv[1:])()
    except UnknownIdError as exc:
        sys.stderr.write(f"llama4ref: error: {exc}\n")
        sys.exit(2)
    except DataError as exc:
        sys.stderr.write(f"llama4ref: error: {exc}\n")
        sys.exit(1)
    except Llama4RefError as exc:
        sys.stderr.write(f"llama4ref: error: {exc}\n")
        sys.exit(2)
    except BrokenPipeError:  # `llama4ref list | head`
        sys.exit(0)
