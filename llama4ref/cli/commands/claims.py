"""The check-claims command: a document's Llama 4 statements judged against the records.

A module-level function; :func:`register` attaches it to the app.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from llama4ref.cli.options import CheckFormatOpt, JsonOpt
from llama4ref.cli.output import EXIT_USAGE, MISSING_PATH, UNREADABLE, emit_json, fail, fit_terminal, path_argument
from llama4ref.printable import printable

NO_DOCUMENTS = "L4R-U011"
"""The warning of a directory named on the command line that holds no document (exit unchanged)."""

if TYPE_CHECKING:
    from llama4ref.claims import Claim
    from llama4ref.claims.files import FileWarning


def check_claims(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories (Markdown, HTML, text, model cards); '-' reads stdin. A directory is "
            "searched for .md, .html, .rst and .txt files, not entering hidden directories, virtual "
            "environments, node_modules or site-packages."
        ),
    ],
    verbose: Annotated[bool, typer.Option("--verbose", help="Also list statements the records cannot check.")] = False,
    json_out: JsonOpt = False,
    fmt: CheckFormatOpt = "text",
) -> None:
    """Check statements about Llama 4 (variant, attribute, value) against the cited records.

    Prints file:line:col: L4-CLAIM-CONTRADICTED (and SUPPORTED / DISPUTED; UNCHECKED with
    --verbose). A provider's served limit is not held to the model's window; rounded
    figures within their rounding agree. A document over 2,000,000 bytes is refused.
    Exit 0 none contradicted; 1 some; 2 usage.

    Example: llama4ref check-claims README.md docs/
    """
    from llama4ref.claims import check_claims as run
    from llama4ref.claims import exit_code
    from llama4ref.claims.document import kind_of

    if fmt not in ("text", "json", "sarif"):
        fail(f"unknown --format {fmt!r} (text, json or sarif)", EXIT_USAGE)
    fmt = "json" if json_out else fmt
    claims: list[Claim] = []
    warnings: list[FileWarning] = []
    documents = _documents(paths, warnings)
    for name, text in documents:
        claims += run(text, kind=kind_of(name), file=name)
    shown = [c for c in claims if verbose or c.status != "unchecked"]
    if fmt == "json":
        summary = {s: sum(c.status == s for c in claims) for s in ("supported", "contradicted", "disputed", "unchecked")}
        report = {"claims": [c.to_json() for c in shown], "summary": summary, "warnings": [w.to_json() for w in warnings]}
        emit_json("claims", report)
    elif fmt == "sarif":
        import json

        import llama4ref
        from llama4ref.claims.sarif import to_sarif

        sarif = to_sarif(shown, tool_version=llama4ref.__version__, warnings=warnings)
        sys.stdout.write(json.dumps(sarif, indent=2) + "\n")
    else:
        from llama4ref.cli.render import checks

        checks.claims(shown, claims, len(documents), verbose=verbose)
    raise typer.Exit(exit_code(claims))


def _documents(paths: list[str], warnings: list[FileWarning]) -> list[tuple[str, str]]:
    from llama4ref.claims.files import MAX_DOCUMENT_BYTES  # the claims package: only when checking

    out: list[tuple[str, str]] = []
    for p in paths:
        if p == "-":
            raw = getattr(sys.stdin, "buffer", None)  # bytes, read as files are; a text stream (tests) as given
            data = raw.read(MAX_DOCUMENT_BYTES + 1) if raw is not None else sys.stdin.read(MAX_DOCUMENT_BYTES + 1)
            if len(data if isinstance(data, bytes) else data.encode("utf-8", errors="replace")) > MAX_DOCUMENT_BYTES:
                fail(
                    f"-: over the {MAX_DOCUMENT_BYTES:,}-byte cap for a document; check it in parts",
                    EXIT_USAGE,
                    error_code=UNREADABLE,
                )
            out.append(("-", _text_of("-", data, warnings) if isinstance(data, bytes) else data))
            continue
        path = path_argument(p, "PATHS")
        if path.is_dir():
            from llama4ref.claims.files import document_files

            files = document_files(path)
            if not files:  # a typo'd or emptied directory in CI must not pass unnoticed (a warning, as ruff's)
                _no_documents(p)
        elif path.is_file():
            files = [path]
        else:  # a device, a FIFO, a socket (a FIFO would block), or nothing at all
            why = "not a regular file or directory" if path.exists() else "no such file or directory"
            fail(f"{p}: {why}; give files, directories or - (stdin)", EXIT_USAGE, error_code=MISSING_PATH)
        for f in files:
            try:
                _within_limit(str(f), f.stat().st_size)
                data = f.read_bytes()
            except OSError as exc:
                fail(f"cannot read {f}: {exc.strerror}", EXIT_USAGE, error_code=UNREADABLE)
            out.append((str(f), _text_of(str(f), data, warnings)))
    return out


def _text_of(name: str, data: bytes, warnings: list[FileWarning]) -> str:
    """A document's text, read as ``license check`` and ``check-name`` read files (llama4ref.claims.files):
    binary is refused (its bytes read as text make up figures); bytes not UTF-8 are warned about, on
    stderr and in the JSON and SARIF reports (``warnings``)."""
    from llama4ref.claims.files import read_document

    doc = read_document(name, data)
    if doc.text is None:
        fail(f"{name}: {doc.binary}; not a text document", EXIT_USAGE)
    if doc.warning is not None:
        sys.stderr.write(fit_terminal(printable(doc.warning.line()), sys.stderr) + "\n")
        warnings.append(doc.warning)
    return doc.text


def _no_documents(directory: str) -> None:
    from llama4ref.claims.files import DOCUMENT_SUFFIXES

    endings = ", ".join(sorted(DOCUMENT_SUFFIXES))
    line = printable(f"{directory}: {NO_DOCUMENTS} warning: no documents to check ({endings}) in this directory")
    sys.stderr.write(fit_terminal(line, sys.stderr) + "\n")


def _within_limit(name: str, size: int) -> None:
    """Refuse (exit 2) a document larger than :data:`~llama4ref.claims.files.MAX_DOCUMENT_BYTES`."""
    from llama4ref.claims.files import MAX_DOCUMENT_BYTES

    if size > MAX_DOCUMENT_BYTES:
        fail(
            f"{name}: {size:,} bytes, over the {MAX_DOCUMENT_BYTES:,}-byte cap for a document; check it in parts",
            EXIT_USAGE,
            error_code=UNREADABLE,
        )


def register(app: typer.Typer) -> None:
    """Attach ``check-claims`` to ``app``."""
    app.command("check-claims")(check_claims)
