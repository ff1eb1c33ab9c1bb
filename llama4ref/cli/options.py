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


TOKENS_HELP = "K and M are binary, as the records write them: 128K = 131,072, 1M = 1,048,576; 131,072 works too."
"""The sentence the help of every option taking a token count ends with (parsed by :func:`token_count`)."""


def token_count(text: str) -> int:
    """The ``parser`` of every option that takes a token count (``memory --context``,
    ``providers --min-context``): :func:`llama4ref.formatting.parse_token_count`, whose
    ValueError becomes the option's one-line bad-value error (L4R-U012), its message kept (typer's
    parser wrapper would replace a ValueError's message with the bare value)."""
    from llama4ref.cli import LARGEST_INT
    from llama4ref.formatting import parse_token_count
    from llama4ref.printable import echoed

    try:
        count = parse_token_count(text)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if abs(count) > LARGEST_INT:  # as every other number option: past any count
        raise typer.BadParameter(f"{echoed(text)} is larger than {LARGEST_INT:,}")
    return count


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
