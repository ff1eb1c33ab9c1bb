"""Output plumbing shared by every command: JSON to stdout, rich consoles, error lines."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

JSON_SCHEMA_VERSION = 1
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def emit_json(kind: str, data: Any, *, ascii_only: bool = False) -> None:
    """Print the one documented JSON envelope: ``{"schema_version", "kind", "data"}``.

    ``ascii_only`` escapes non-ASCII (needed where data may hold undecodable input bytes).
    """
    doc = {"schema_version": JSON_SCHEMA_VERSION, "kind": kind, "data": data}
    sys.stdout.write(json.dumps(doc, ensure_ascii=ascii_only, indent=2) + "\n")


def console(stderr: bool = False) -> Console:
    """A rich console that honours NO_COLOR and never truncates in a pipe."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    width = None if tty else 200  # pipes: wide and fixed, so ids never fold and output is stable
    return Console(
        file=stream, width=width, no_color="NO_COLOR" in os.environ or None, highlight=False, emoji=False, markup=False
    )


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """One line on stderr, then exit with ``code``."""
    sys.stderr.write(f"llama4ref: error: {message}\n")
    raise typer.Exit(code)
