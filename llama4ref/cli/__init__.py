"""The `llama4ref` command: a thin typer shell over the library.

Exit codes: 0 success; 1 a check found problems; 2 usage error or unknown id.
"""

from __future__ import annotations

import sys

import typer

from llama4ref.cli import core, knowledge

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


def main() -> None:
    """Console-script entry point: library errors become one line on stderr."""
    from llama4ref.errors import DataError, Llama4RefError, UnknownIdError

    try:
        app()
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
