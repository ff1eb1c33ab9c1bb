"""The check-claims command: a document's Llama 4 statements judged against the records.

A module-level function; :func:`register` attaches it to the app.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from llama4ref.claims.files import MAX_DOCUMENT_BYTES
from llama4ref.cli.options import CheckFormatOpt, JsonEnvelopeOpt
from llama4ref.cli.output import EXIT_USAGE, MISSING_PATH, emit_json, fail, path_argument
from llama4ref.printable import printable

NO_DOCUMENTS = "L4R-U011"
"""The warning of a directory named on the command line that holds no document (exit unchanged)."""

if TYPE_CHECKING:
    from llama4ref.claims import Claim


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
    json_out: JsonEnvelopeOpt = False,
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
    documents = _documents(paths)
    for name, text in documents:
        claims += run(text, kind=kind_of(name), file=name)
    shown = [c for c in claims if verbose or c.status != "unchecked"]
    if fmt == "json":
        summary = {s: sum(c.status == s for c in claims) for s in ("supported", "contradicted", "disputed", "unchecked")}
        emit_json("claims", {"claims": [c.to_json() for c in shown], "summary": summary})
    elif fmt == "sarif":
        import json

        import llama4ref
        from llama4ref.claims.sarif import to_sarif

        sys.stdout.write(json.dumps(to_sarif(shown, tool_version=llama4ref.__version__), indent=2) + "\n")
    else:
        from llama4ref.cli.render import checks

        checks.claims(shown, claims, len(documents), verbose=verbose)
    raise typer.Exit(exit_code(claims))


def _documents(paths: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for p in paths:
        if p == "-":
            raw = getattr(sys.stdin, "buffer", None)  # bytes, read as files are; a text stream (tests) as given
            data = raw.read(MAX_DOCUMENT_BYTES + 1) if raw is not None else sys.stdin.read(MAX_DOCUMENT_BYTES + 1)
            if len(data if isinstance(data, bytes) else data.encode("utf-8", errors="replace")) > MAX_DOCUMENT_BYTES:
                fail(f"-: over the {MAX_DOCUMENT_BYTES:,}-byte cap for a document; check it in parts", EXIT_USAGE)
            out.append(("-", _text_of("-", data) if isinstance(data, bytes) else data))
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
                fail(f"cannot read {f}: {exc.strerror}", EXIT_USAGE)
            out.append((str(f), _text_of(str(f), data)))
    return out


def _text_of(name: str, data: bytes) -> str:
    """A document's text, read as ``license check`` and ``check-name`` read files (llama4ref.textfile):
    binary is refused (its bytes read as text make up figures); bytes not UTF-8 are warned about."""
    from llama4ref.textfile import decode_text, encoding_warning

    decoded = decode_text(data)
    if decoded.text is None:
        fail(f"{name}: {decoded.binary}; not a text document", EXIT_USAGE)
    if decoded.encoding_problem:
        sys.stderr.write(printable(encoding_warning(name, decoded.encoding_problem)) + "\n")
    return decoded.text


def _no_documents(directory: str) -> None:
    from llama4ref.claims.files import DOCUMENT_SUFFIXES

    endings = ", ".join(sorted(DOCUMENT_SUFFIXES))
    sys.stderr.write(
        printable(f"{directory}: {NO_DOCUMENTS} warning: no documents to check ({endings}) in this directory") + "\n"
    )


def _within_limit(name: str, size: int) -> None:
    """Refuse (exit 2) a document larger than :data:`~llama4ref.claims.files.MAX_DOCUMENT_BYTES`."""
    if size > MAX_DOCUMENT_BYTES:
        fail(f"{name}: {size:,} bytes, over the {MAX_DOCUMENT_BYTES:,}-byte cap for a document; check it in parts", EXIT_USAGE)


def register(app: typer.Typer) -> None:
    """Attach ``check-claims`` to ``app``."""
    app.command("check-claims")(check_claims)
