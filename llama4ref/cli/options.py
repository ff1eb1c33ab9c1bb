"""Options and arguments several commands share, declared once (as sqlite-utils' ``output_options``).

Each is an ``Annotated`` alias a command's signature uses as its type, so a name, its help
text and its completion are written in one place::

    def show(variant: VariantArg, json_out: JsonOpt = False) -> None: ...

Parsers for option values that need more than typer's types (``--as-of``) live here too, so
every command reports a bad value with the same message.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from llama4ref.cli.output import fail
from llama4ref.domain.completion import complete_fact_path, complete_variant

JSON_HELP = "Print the documented JSON envelope (docs/json.md)."
"""The one help phrase of ``--json`` on every command."""

JsonOpt = Annotated[bool, typer.Option("--json", help=JSON_HELP)]
"""``--json``, the same option on every command (``cite`` and ``license check``: ``--format json``)."""

CheckFormatOpt = Annotated[str, typer.Option("--format", metavar="FORMAT", help="text | json | sarif")]
"""The output formats of the checkers (``license check``, ``check-claims``)."""

AsOfOpt = Annotated[
    Optional[str],  # noqa: UP045  # typer introspection
    typer.Option("--as-of", metavar="DATE", help="Answer with what the records show was known on this date (YYYY-MM-DD)."),
]
"""``--as-of DATE`` on the commands that answer from dated records; parse it with :func:`as_of_date`."""

VariantArg = Annotated[str, typer.Argument(help="A variant id, alias or published identifier.", autocompletion=complete_variant)]
"""The one variant a command is about (``show``, ``context``)."""

FactPathArg = Annotated[
    str, typer.Argument(help="A dotted fact path, e.g. maverick.params.total.", autocompletion=complete_fact_path)
]
"""A fact path or prefix (``get``)."""

DirOpt = Optional[Path]  # noqa: UP045  # typer introspection
"""The type of an optional directory option (``refresh providers --facts/--find-links/--cache``)."""


def not_empty(option: str, given: str | None) -> None:
    """A usage error (exit 2) for a filter option given as an empty string: ``--name ""`` is a
    mistake (an unset shell variable, say), not a request for every row."""
    if given is not None and not given.strip():
        fail(f"{option} is empty: give a value, or leave the option out")


def as_of_date(text: str | None) -> date | None:
    """The date ``--as-of`` gives, or None without one; a usage error (exit 2) for anything but YYYY-MM-DD."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"--as-of needs a date written YYYY-MM-DD, got {text!r}")
