"""Commands for using the data elsewhere: export, diff.

Each command is a module-level function (importable and callable alone); :func:`register`
attaches them to the app.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated, Optional

import typer

from llama4ref.cli.options import JsonOpt
from llama4ref.cli.output import emit_json, facts_tree, fail, path_argument
from llama4ref.printable import printable


class ExportFormat(StrEnum):
    """The export formats (``llama4ref.export.document.FORMATS``)."""

    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    sqlite = "sqlite"


def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", metavar="FORMAT", help="json | jsonl | csv | sqlite.")
    ] = ExportFormat.json,
    out: Annotated[
        Optional[str],  # noqa: UP045  # typer introspection; a str, so that "" is refused, not read as "."
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="File to write (a directory for csv). Required for csv and sqlite. An existing file is replaced.",
            show_default=False,
        ),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Export the whole knowledge base, citations and sources included.

    json and jsonl print to stdout unless -o is given; csv writes one <table>.csv per table
    into the directory -o names; sqlite writes a database with keys, foreign keys and views
    (v_benchmarks, v_provider_limits, v_conflicts, v_fact_sources, ...). With --json, a
    summary of what was written (files, row counts) is printed as the JSON envelope.

    An existing file is replaced atomically (a temporary file beside it, then renamed), so
    a reader never sees half a file; a directory (for csv: a file), a symbolic link or a
    device is refused, and a failed export leaves the old file as it was.

    \b
    Example: llama4ref export --format sqlite -o llama4ref.db && \\
               datasette llama4ref.db
    """
    import llama4ref
    from llama4ref.export.writing import write_export

    kb = llama4ref.knowledge_base()
    if out is None:
        if fmt in (ExportFormat.csv, ExportFormat.sqlite):
            fail(f"--format {fmt.value} writes files: give -o PATH")
        if json_out:
            fail("--json prints a summary of written files: give -o PATH")
        from llama4ref.export.writing import export_text_counted

        sys.stdout.write(export_text_counted(kb, "json" if fmt is ExportFormat.json else "jsonl")[0])
        return
    summary = write_export(kb, fmt.value, path_argument(out, "--output"))
    if json_out:
        emit_json("export", summary.to_json())
        return
    total = sum(summary.rows.values())
    sys.stderr.write(
        f"wrote {printable(summary.path)}: {fmt.value}, {total} rows in {len(summary.rows)} tables "
        f"({', '.join(f'{k} {v}' for k, v in summary.rows.items())})\n"
    )


INVALID_TREE = "L4R-U019"
"""The code of a facts tree given to ``diff`` that does not validate."""


def diff(
    old: Annotated[str, typer.Argument(help="The old facts tree.")],
    new: Annotated[str, typer.Argument(help="The new facts tree.")],
    json_out: JsonOpt = False,
) -> None:
    """Facts added, removed and changed between two facts trees, with their citations.

    Both trees are validated first: one that is missing, not a facts tree or invalid is input the
    command cannot read (exit 2; an invalid one is L4R-U019). A changed value shows its citations; changed
    records (sources, variants, license terms, identifiers, sheets) name each changed
    field. Exits 0 whether or not anything changed.

    Example: llama4ref diff ../old/facts facts
    """
    from llama4ref.cli.render.diff import report_lines
    from llama4ref.domain.diff import diff_knowledge_bases
    from llama4ref.errors import DataError
    from llama4ref.store.loaders import load

    roots = {"OLD": facts_tree(old, "OLD"), "NEW": facts_tree(new, "NEW")}
    kbs = []
    for what, root in roots.items():
        try:
            kbs.append(load(root))
        except DataError as exc:  # input diff cannot read, as a missing tree is (README: exit 2)
            fail(f"{exc}; {what} must be a facts tree that validates", error_code=INVALID_TREE)
    result = diff_knowledge_bases(*kbs)
    if json_out:
        emit_json("diff", result.to_json())
        return
    sys.stdout.write("\n".join(report_lines(result)) + "\n")


def register(app: typer.Typer) -> None:
    """Attach the ecosystem commands to ``app``."""
    app.command()(export)
    app.command()(diff)
