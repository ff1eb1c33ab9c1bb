"""Output plumbing shared by every command: JSON to stdout, rich consoles, error lines."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer

from llama4ref.printable import json_printable, printable

if TYPE_CHECKING:
    from rich.console import Console

JSON_SCHEMA_VERSION = 1
EXIT_PROBLEMS, EXIT_USAGE = 1, 2


def emit_json(kind: str, data: Any, *, ascii_only: bool = False) -> None:
    """Print the one documented JSON envelope: ``{"schema_version", "kind", "data"}``.

    ``ascii_only`` escapes all non-ASCII. Either way, characters a terminal would act on
    (C1 and bidi controls, invisible format characters, lone surrogates from undecodable
    input) are written as ``\\uXXXX`` escapes, which parse back to the same string.
    """
    doc = {"schema_version": JSON_SCHEMA_VERSION, "kind": kind, "data": data}
    sys.stdout.write(json_printable(json.dumps(doc, ensure_ascii=ascii_only, indent=2)) + "\n")


def emit_document(data: Any) -> None:
    """Print a JSON document of a format others define (CSL-JSON), without the envelope, made printable as :func:`emit_json` does."""
    sys.stdout.write(json_printable(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


def emit_text(text: str) -> None:
    """Print plain text (one or more lines), every data or user string in it made printable."""
    sys.stdout.write("\n".join(printable(line) for line in text.split("\n")) + "\n")


PIPE_WIDTH = 1 << 20
"""The width of a pipe without COLUMNS: in effect unbounded, so no value is ever wrapped."""


def terminal_width(tty: bool) -> int | None:
    """COLUMNS when set to a number; else None in a terminal (rich asks it) and unbounded in a pipe."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return None if tty else PIPE_WIDTH


def console(stderr: bool = False) -> Console:
    """A rich console that honours NO_COLOR and COLUMNS, and never wraps or pads in a pipe without COLUMNS.

    Renderers strip trailing spaces, so piped lines are unpadded.
    """
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = terminal_width(stream.isatty())
    return Console(
        file=stream, width=width, no_color="NO_COLOR" in os.environ or None, highlight=False, emoji=False, markup=False
    )


def error_line(message: str, error_code: str | None = None) -> str:
    """The one line an error prints on stderr: ``llama4ref: error: [CODE ]<message>``, made printable.

    ``error_code`` is the error's stable code (:data:`llama4ref.errors.ERROR_CODES`), when it has one.
    In a terminal a line wider than the terminal is broken between words, its later lines indented,
    so no word is cut in two; a pipe or file always gets the one line, for tools that read it.
    """
    return fit_terminal(f"llama4ref: error: {error_code + ' ' if error_code else ''}{printable(message)}", sys.stderr) + "\n"


def warning_line(message: str, code: str) -> str:
    """The one line a warning about the command's input prints on stderr:
    ``llama4ref: warning: CODE <message>``, made printable and fitted to a terminal as :func:`error_line`."""
    return fit_terminal(f"llama4ref: warning: {code} {printable(message)}", sys.stderr) + "\n"


def line_out(text: str) -> None:
    """One message line on stdout, made printable; in a terminal broken between words to fit it,
    piped the one line."""
    sys.stdout.write(fit_terminal(printable(text), sys.stdout) + "\n")


def fit_terminal(text: str, stream: Any, indent: int = 2) -> str:
    """``text`` as a terminal shows it whole: each line wider than the terminal broken between words,
    its later lines indented ``indent``, no word (a path, a URL, an id) cut. For a pipe or a file
    (``stream`` no terminal), the text as it is: one line per diagnostic, for tools that read them."""
    width = wrap_width(stream)
    return text if width is None else fit_width(text, width, indent)


def wrap_width(stream: Any) -> int | None:
    """The width :func:`fit_terminal` breaks lines at: COLUMNS or the terminal's width when ``stream``
    is a terminal; None for a pipe or a file, whose lines are never broken."""
    try:
        tty = bool(stream.isatty())
    except (AttributeError, ValueError):  # a closed or replaced stream
        tty = False
    return (terminal_width(True) or shutil.get_terminal_size().columns) if tty else None


def fit_width(text: str, width: int, indent: int = 2) -> str:
    """``text`` with each line wider than ``width`` broken between words, its later lines indented
    ``indent``; a word longer than the width (a path, a URL, an id) stands whole on its own line."""
    out = []
    for line in text.split("\n"):
        if len(line) > width:
            import textwrap  # only when a line is too wide: most output never needs it

            wrapped = textwrap.wrap(line, width, subsequent_indent=" " * indent, break_long_words=False, break_on_hyphens=False)
            line = "\n".join(wrapped) or line
        out.append(line)
    return "\n".join(out)


BAD_VALUE, BAD_COMMAND_LINE, UNREADABLE = "L4R-U012", "L4R-U013", "L4R-U014"
"""The codes of a value the command cannot use, a command line that does not parse, and input or
output that cannot be read or written (:data:`llama4ref.errors.ERROR_CODES`)."""


def fail(message: str, code: int = EXIT_USAGE, *, error_code: str | None = None) -> NoReturn:
    """One line on stderr with the error's stable code, then exit with ``code``.

    A usage error (exit 2) without a more specific ``error_code`` is :data:`BAD_VALUE`; an error
    with another exit code must name its own.
    """
    if error_code is None and code == EXIT_USAGE:
        error_code = BAD_VALUE
    sys.stderr.write(error_line(message, error_code))
    raise typer.Exit(code)


MISSING_PATH = "L4R-U010"
"""The code of a path given on the command line that does not exist or is not a file or directory."""


def path_argument(text: str, what: str) -> Path:
    """``text`` as a path; an empty string is a usage error (``Path("")`` would mean the working directory)."""
    if not text:
        fail(f"{what}: give a path (got an empty string)", error_code=MISSING_PATH)
    return Path(text)


def existing_directory(text: str, what: str) -> Path:
    """``text`` as a path to an existing directory, or a usage error (exit 2) saying why not."""
    path = path_argument(text, what)
    if not path.is_dir():
        why = "not a directory" if path.exists() else "no such file or directory"
        fail(f"{text}: {why}; {what} must be an existing directory", error_code=MISSING_PATH)
    return path


def facts_tree(text: str, what: str) -> Path:
    """``text`` as a path to a facts tree, or a usage error (exit 2) saying why it is none: input
    that cannot be read as a tree, not a tree with problems (that is exit 1)."""
    from llama4ref.records.treefiles import not_a_tree

    path = existing_directory(text, what)
    problem = not_a_tree(path)
    if problem is not None:
        fail(f"{text}: {problem.message}; {what} must be a facts tree", error_code=problem.code)
    return path
