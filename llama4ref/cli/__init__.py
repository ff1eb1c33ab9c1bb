"""The `llama4ref` command: a thin typer shell over the library.

Exit codes: 0 success; 1 a check found problems; 2 usage error or unknown id.
"""

from __future__ import annotations

import copy
import signal
import sys
from typing import Any

import typer
import typer.models

from llama4ref.cli.commands import claims, compliance, core, deploy, ecosystem, knowledge, maintain, safety

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
maintain.register(app)
claims.register(app)


def _whole_summaries(commands: list[typer.models.CommandInfo]) -> None:
    """Each command's summary in a command list is its help's first paragraph, whole.

    Click would cut it to one line with "..." (at 80 columns, about 60 characters), which hid
    half of most summaries; a whole paragraph wraps under its column instead.
    """
    for info in commands:
        doc = (info.callback.__doc__ or "") if info.callback else ""
        first = " ".join(doc.strip().split("\n\n", 1)[0].split())
        if info.short_help is None and first:
            info.short_help = first


_whole_summaries(app.registered_commands)
_whole_summaries(compliance.license_app.registered_commands)
_whole_summaries(maintain.refresh_app.registered_commands)


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
    """Console-script entry point: every error becomes one line on stderr and a documented exit code.

    0 success; 1 a check found problems (or the data is invalid); 2 a usage error, an unknown
    id, unreadable input or unwritable output. A reader that leaves early (``| head``) ends the
    command silently, as Unix tools do (exit 141 where no SIGPIPE ends it first).
    """
    if hasattr(signal, "SIGPIPE"):  # `llama4ref list | head`: end quietly, as Unix tools do
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(run(sys.argv[1:]))


def run(argv: list[str]) -> int:
    """Run the command ``argv`` names and return its exit code (never raises for a user's mistake)."""
    from llama4ref.cli import streams

    saved = streams.guard()
    try:
        code = _run_guarded(argv, saved[0])
        try:
            sys.stdout.flush()
        except streams.OutputError as exc:
            code = _output_failed(exc, saved[0])
        return code
    finally:
        streams.restore(saved)


def _run_guarded(argv: list[str], real_stdout: object) -> int:
    import typer.main

    from llama4ref.cli.output import BAD_COMMAND_LINE, BAD_VALUE, EXIT_PROBLEMS, EXIT_USAGE, UNREADABLE, error_line
    from llama4ref.cli.streams import OutputError, write_stderr
    from llama4ref.errors import DataError, Llama4RefError

    usage_error, click_exception = _click_errors()
    try:
        command = typer.main.get_command(invoked_app(argv))
        _finite_numbers(command)
        code = command.main(args=argv, prog_name="llama4ref", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except usage_error as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `llama4ref` alone: the help, on stderr
            write_stderr(exc.format_message() + "\n")
        else:  # "Invalid value for '--batch'" is a value; a missing argument or unknown option, the line itself
            bad_value = type(exc).__name__ == "BadParameter"
            write_stderr(error_line(_usage_message(exc), BAD_VALUE if bad_value else BAD_COMMAND_LINE))
        return EXIT_USAGE
    except click_exception as exc:  # a file Click could not open
        write_stderr(error_line(exc.format_message(), UNREADABLE))
        return EXIT_USAGE
    except typer.Abort:
        write_stderr(error_line("interrupted"))
        return 130
    except OutputError as exc:
        return _output_failed(exc, real_stdout)
    except DataError as exc:
        write_stderr(error_line(str(exc), exc.code))
        return EXIT_PROBLEMS
    except Llama4RefError as exc:  # UnknownIdError and every other error raised on purpose
        write_stderr(error_line(str(exc), exc.code or BAD_VALUE))  # (exit 2: a value the command cannot use)
        return EXIT_USAGE
    except OSError as exc:  # input that could not be read where no command expected it
        where = f"{exc.filename}: " if exc.filename else ""
        write_stderr(error_line(f"{where}{exc.strerror or exc}", UNREADABLE))
        return EXIT_USAGE


def _finite_numbers(command: Any) -> None:
    """Make every number option of ``command`` (and of its subcommands) refuse what no count or size
    can be: ``nan`` and ``inf``, and integers past a 64-bit integer (:data:`LARGEST_INT`).

    Click reads ``nan`` and ``inf`` as floats, a range check (``--usable``, ``min=``) lets ``nan``
    through, and an integer of 400 digits overflowed the float arithmetic of a plan (tracebacks,
    or a plan for an infinite GPU). Done here for every option, so one added later is covered
    without a word in its declaration.
    """
    for param in command.params:
        kind = type(param.type)
        names = {c.__name__ for c in kind.__mro__}
        if names & {"FloatParamType", "IntParamType"} and not kind.__name__.startswith("Bounded"):
            param.type = copy.copy(param.type)
            param.type.__class__ = _bounded_class(kind)
    for sub in getattr(command, "commands", {}).values():
        _finite_numbers(sub)


LARGEST_INT = 2**63 - 1
"""The largest integer a number option takes: a 64-bit signed integer, past any count or size."""

_BOUNDED: dict[type[Any], type[Any]] = {}


def _finite(text: str) -> bool:
    """False for text that reads as a float but not a finite one (nan, inf, 1e400); True otherwise."""
    import math

    try:
        return math.isfinite(float(text))
    except (ValueError, OverflowError):
        return True  # not a float at all: the type says so in its own words


def _bounded_class(kind: type[Any]) -> type[Any]:
    """``kind`` (Click's INT, FLOAT or a range of them) refusing a value that is not finite or is
    past :data:`LARGEST_INT`: "'nan' is not a finite number"."""
    if kind not in _BOUNDED:
        floats = any(c.__name__ == "FloatParamType" for c in kind.__mro__)

        def convert(self: Any, value: Any, param: Any, ctx: Any) -> Any:
            if floats and isinstance(value, str) and not _finite(value):  # before a range's "inf is not in 0<=x<=100"
                from llama4ref.printable import echoed

                self.fail(f"{echoed(value)} is not a finite number", param, ctx)
            got = kind.convert(self, value, param, ctx)
            if isinstance(got, int) and abs(got) > LARGEST_INT:
                from llama4ref.printable import echoed

                self.fail(f"{echoed(str(value))} is larger than {LARGEST_INT:,}", param, ctx)
            return got

        _BOUNDED[kind] = type(f"Bounded{kind.__name__}", (kind,), {"convert": convert})
    return _BOUNDED[kind]


def _click_errors() -> tuple[type[Any], type[Any]]:
    """Click's ``UsageError`` and ``ClickException``, found through ``typer.BadParameter``: typer
    re-exports neither, and they live in ``click`` or in typer's vendored copy by typer version."""
    import typer

    mro = typer.BadParameter.__mro__
    usage = next(c for c in mro if c.__name__ == "UsageError")
    return usage, next(c for c in mro if c.__name__ == "ClickException")


def _usage_message(exc: Any) -> str:
    """Click's usage error as one line: ``<command>: <message> (see '<command> -h')``."""
    ctx = exc.ctx
    message = " ".join(str(exc.format_message()).split("\n"))
    param = getattr(exc, "param", None)
    if type(exc).__name__ == "MissingParameter" and param is not None and param.param_type_name == "argument" and param.name:
        message = f"Missing argument '{param.name.upper()}'."  # typer versions spell it 'path' or 'PATH'; usage says PATH
    if ctx is None:
        return message
    path = ctx.command_path
    sub = path.split(" ", 1)[1] if " " in path else ""
    return f"{sub + ': ' if sub else ''}{message} (see '{path} -h')"


def _output_failed(exc: Any, real_stdout: object) -> int:
    """A failed write: silence for a reader that left (EPIPE), else one line on stderr; exit non-zero."""
    import errno

    from llama4ref.cli.output import EXIT_USAGE, UNREADABLE, error_line
    from llama4ref.cli.streams import silence_stdout, write_stderr

    if exc.stream == "standard output":
        silence_stdout(real_stdout)  # type: ignore[arg-type]  # a TextIO or None
    if exc.errno == errno.EPIPE:
        return 141  # what a shell reports for a command ended by SIGPIPE
    write_stderr(error_line(str(exc), UNREADABLE))
    return EXIT_USAGE
