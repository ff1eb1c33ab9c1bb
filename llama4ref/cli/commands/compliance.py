"""Compliance commands: license (checklist), license check (repository duties), check-name.

Each command is a module-level function (importable and callable alone); ``license`` is a
module-level sub-app, and :func:`register` attaches it and ``check-name`` to the app.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from llama4ref.cli.options import CheckFormatOpt, JsonOpt
from llama4ref.cli.output import EXIT_USAGE, UNREADABLE, console, emit_json, fail, path_argument
from llama4ref.printable import printable

if TYPE_CHECKING:
    from llama4ref.compliance.terms import LicenseTerms
    from llama4ref.store.shapes.tools import NameCheckJSON

license_app = typer.Typer(
    name="license",
    help="The Llama 4 Community License as data: the obligations checklist, and `license check PATH`.",
    short_help="The Llama 4 Community License as data: the obligations checklist, and `license check PATH`.",  # whole in the command list (Click would cut it with "...")
    invoke_without_command=True,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _terms() -> LicenseTerms:
    from llama4ref.compliance.terms import shipped_license_terms  # the index: no YAML parsing

    return shipped_license_terms()


@license_app.callback()
def license_checklist(
    ctx: typer.Context,
    json_out: JsonOpt = False,
) -> None:
    """The obligations, permissions and restrictions of the agreement and the AUP, as a checklist.

    Example: llama4ref license
    """
    if ctx.invoked_subcommand is not None:
        return
    import llama4ref
    from llama4ref.compliance import checklist

    items = checklist(llama4ref.knowledge_base().license_terms())
    if json_out:
        emit_json("license-checklist", [i.to_dict() for i in items])
        return
    from llama4ref.cli.render import compliance as render_compliance

    render_compliance.checklist(console(), items)


@license_app.command("check")
def license_check(
    path_text: Annotated[
        str, typer.Argument(metavar="path", help="A model repository directory, or a single model card file.")
    ] = ".",
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--name",
            metavar="NAME",
            help="The published model name to judge (default: the card's model_name, else its H1 title, else the directory's name).",
        ),
    ] = None,
    fmt: CheckFormatOpt = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    json_out: JsonOpt = False,
    root: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--root", metavar="DIR", help="Repository root for SARIF URIs (default: the git top level above PATH)."),
    ] = None,
) -> None:
    """Check a model repository for the license duties: name prefix, "Built with Llama", NOTICE,
    agreement copy or link, AUP, and a card `license:` that agrees with a Llama 4 `base_model`.

    Exit 0 when compliant, 1 on a violation (or a warning with --strict), 2 on usage errors.

    Example: llama4ref license check ./my-model --format sarif > llama4ref.sarif
    """
    import llama4ref
    from llama4ref.compliance import CheckPathError, check_repo, to_sarif

    path = path_argument(path_text, "PATH")
    if json_out:
        fmt = "json"
    if fmt not in ("text", "json", "sarif"):
        fail("--format must be text, json or sarif")
    try:
        report = check_repo(path, _terms(), name=name)
    except CheckPathError as exc:
        fail(str(exc), error_code=exc.code)
    if fmt == "json":
        emit_json("license-check", report.to_dict(), ascii_only=True)
    elif fmt == "sarif":
        import json

        from llama4ref.compliance.sarif import OutsideRootError, find_root, root_relative

        try:
            prefix = root_relative(path, root if root is not None else find_root(path))
        except OutsideRootError as exc:
            fail(str(exc))
        sys.stdout.write(json.dumps(to_sarif(report, tool_version=llama4ref.__version__, uri_prefix=prefix), indent=2) + "\n")
    else:
        from llama4ref.cli.render import checks

        checks.license_check(path, report)
    raise typer.Exit(report.exit_code(strict=strict))


def check_name(
    names: Annotated[Optional[list[str]], typer.Argument(help="Model names or org/name ids.")] = None,  # noqa: UP045
    from_file: Annotated[
        str | None,
        typer.Option(
            "--from-file",
            metavar="FILE",
            help="Read names, one per line, from a file ('-' = stdin); blank lines and lines starting with '#' are skipped.",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Warnings (e.g. 'llama-…' in another case, a file not UTF-8) fail too.")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Check derivative model names against the naming rule (section 1.b.i): they must begin with "Llama".

    Look-alike letters, invisible characters and leading whitespace never pass.
    Exit 0 all compliant; 1 any violation (or warning with --strict); 2 usage.

    Example: llama4ref check-name my-org/Scout-FT Llama-4-Scout-Acme
    """
    from llama4ref.compliance.names import check_names, exit_code, read_names

    items = list(names or [])
    for number, given in enumerate(items, 1):
        if not given.strip():  # an unset shell variable, say: a usage error, as `get ''`, not a verdict
            what = "empty" if not given else "only whitespace"
            fail(f"name {number} is {what}: give a model name or org/name id, e.g. Llama-4-Scout-Acme")
    warned = False  # the file was not valid UTF-8 (L4-FILE-ENCODING): with --strict, that fails too
    if from_file is not None:
        found, warned = _names_from(from_file, read_names)
        items += found
    if not items:
        fail("give at least one name, or --from-file FILE", EXIT_USAGE)
    if len(items) > MAX_NAMES:
        fail(f"{len(items):,} names, over the {MAX_NAMES:,}-name cap; check them in parts", error_code=UNREADABLE)
    results = list(check_names(items, _terms()))
    code = max(exit_code(results, strict=strict), int(strict and warned))
    if json_out:
        count = {s: sum(r.status == s for r in results) for s in ("pass", "warning", "violation")}
        report: NameCheckJSON = {
            "results": [r.to_dict() for r in results],
            "summary": {"pass": count["pass"], "warning": count["warning"], "violation": count["violation"]},
        }
        emit_json("name-check", report, ascii_only=True)
    else:
        from llama4ref.cli.render import checks

        checks.name_checks(results)
    raise typer.Exit(code)


MAX_NAMES = 200_000
"""At most this many names in one run (command line and ``--from-file`` together)."""

MAX_NAMES_BYTES = 8 * 1024 * 1024
"""8 MiB: a ``--from-file`` input larger than this is refused, and no more than this is ever read."""

_LINE_BREAKS = ("\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
"""Where :meth:`str.splitlines` (and so ``read_names``) splits."""


def _names_from(source: str, read_names: Callable[[str], list[str]]) -> tuple[list[str], bool]:
    """The names in a file (or stdin for ``-``), read under the size and count caps, and whether
    it was not valid UTF-8 (warned on stderr, as ``license check`` does); every other problem
    (unreadable, binary, over a cap, empty) is a usage error with one line."""
    label = "standard input" if source == "-" else source
    if not source:
        fail("--from-file: give a file name, or - for standard input (got an empty string)")
    data = _read_stdin() if source == "-" else _read_file(source)
    if not data:
        fail(f"{label}: the file is empty; no names to check" if source != "-" else "standard input is empty; no names to check")
    from llama4ref.textfile import decode_text, encoding_warning

    decoded = decode_text(data)  # the one reading license check and check-claims share
    if decoded.text is None:
        fail(f"{label}: {decoded.binary}, not a list of names")
    if decoded.encoding_problem:
        sys.stderr.write(printable(encoding_warning(label, decoded.encoding_problem)) + "\n")
    text = decoded.text
    if sum(text.count(sep) for sep in _LINE_BREAKS) > MAX_NAMES:  # counted before splitting: bounded memory
        fail(
            f"{label}: more than {MAX_NAMES:,} lines, over the {MAX_NAMES:,}-name cap; check them in parts", error_code=UNREADABLE
        )
    found = read_names(text)
    if not found:
        fail(f"{label}: only blank lines and '#' comments; no names to check")
    return found, decoded.encoding_problem is not None


def _read_capped(read: Callable[[int], bytes], label: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_NAMES_BYTES:
        chunk = read(min(1 << 20, MAX_NAMES_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > MAX_NAMES_BYTES:
        fail(f"{label}: over the {MAX_NAMES_BYTES:,}-byte cap for a list of names; check it in parts", error_code=UNREADABLE)
    return b"".join(chunks)


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:  # the process started with descriptor 0 closed (`<&-`)
        fail("--from-file -: standard input is closed", error_code=UNREADABLE)
    try:
        return _read_capped(stream.buffer.read, "standard input")
    except (OSError, ValueError) as exc:  # ValueError: a stream closed under us
        fail(f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}", error_code=UNREADABLE)


def _read_file(path: str) -> bytes:
    import os
    import stat

    try:
        with open(path, "rb") as fh:  # a FIFO or /dev/stdin is read as a stream, under the same cap
            st = os.fstat(fh.fileno())
            if stat.S_ISREG(st.st_mode) and st.st_size > MAX_NAMES_BYTES:
                fail(
                    f"{path}: {st.st_size:,} bytes, over the {MAX_NAMES_BYTES:,}-byte cap for a list of names",
                    error_code=UNREADABLE,
                )
            return _read_capped(fh.read, path)
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}", error_code=UNREADABLE)


def register(app: typer.Typer) -> None:
    """Attach the compliance commands to ``app``: the ``license`` sub-app, then ``check-name``."""
    app.add_typer(license_app)
    app.command("check-name")(check_name)
