"""Core commands: show, get, list, validate, verify-quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from llama4ref.cli.output import EXIT_PROBLEMS, console, emit_json, fail

JsonOpt = Annotated[bool, typer.Option("--json", help="Print the documented JSON envelope instead of a table.")]

LIST_KINDS = ("variants", "sources", "facts", "sheets", "license-terms", "identifiers")


def _version(value: bool) -> None:
    if value:
        import llama4ref

        typer.echo(f"llama4ref {llama4ref.__version__} (data {llama4ref.data_version()})")
        raise typer.Exit()


def register(app: typer.Typer) -> None:
    """Attach the core commands to ``app``."""

    @app.callback()
    def _root(
        version: Annotated[
            Optional[bool],  # noqa: UP045  # typer needs Optional here on 3.9-style introspection
            typer.Option("--version", callback=_version, is_eager=True, help="Show the package and data versions."),
        ] = None,
    ) -> None:
        """A cited reference for Meta's Llama 4 models."""

    @app.command()
    def show(
        variant: Annotated[str, typer.Argument(help="A variant id, alias or published identifier.")],
        json_out: JsonOpt = False,
    ) -> None:
        """One screen on a variant: identity, parameters, experts, context, checkpoints, sources.

        Example: llama4ref show scout
        """
        import llama4ref
        from llama4ref.views import overview

        ov = overview(llama4ref.knowledge_base(), variant)
        if json_out:
            emit_json("overview", ov.to_json())
            return
        from llama4ref.cli import render

        render.overview(console(), ov)

    @app.command()
    def get(
        path: Annotated[str, typer.Argument(help="A dotted fact path, e.g. maverick.params.total.")],
        json_out: JsonOpt = False,
    ) -> None:
        """A fact's value, unit, citations and alternatives; on a prefix, the facts under it.

        Example: llama4ref get maverick.params.total --json
        Example: llama4ref get maverick.experts
        """
        import llama4ref

        kb = llama4ref.knowledge_base()
        if not kb.has(path) and kb.group(path):
            members = kb.group(path)
            prefix = kb.normalise_path(path)
            if json_out:
                emit_json("group", {"prefix": prefix, "facts": [f.to_json() for f in members]})
                return
            from llama4ref.cli import render_ask

            render_ask.group(console(), prefix, members)
            return
        fact = kb.get(path)
        if json_out:
            emit_json("fact", fact.to_json())
            return
        from llama4ref.cli import render

        render.fact_detail(console(), kb, fact)

    @app.command("list")
    def list_(
        kind: Annotated[str, typer.Argument(help=f"One of: {', '.join(LIST_KINDS)}.")] = "variants",
        prefix: Annotated[str, typer.Option(help="With 'facts': only paths under this prefix.")] = "",
        json_out: JsonOpt = False,
    ) -> None:
        """The records of a kind.

        Example: llama4ref list facts --prefix scout.architecture
        """
        import llama4ref
        from llama4ref.listing import list_records

        if kind not in LIST_KINDS:
            fail(f"unknown kind {kind!r}; choose one of {', '.join(LIST_KINDS)}")
        columns, rows, data = list_records(llama4ref.knowledge_base(), kind, prefix)
        if json_out:
            emit_json(kind, data)
            return
        from llama4ref.cli import render

        render.simple_table(console(), f"{kind} ({len(rows)})", columns, rows)

    @app.command()
    def validate(
        directory: Annotated[
            Optional[Path],  # noqa: UP045  # typer introspection
            typer.Argument(help="A facts tree (default: the shipped one).", show_default=False),
        ] = None,
        json_out: JsonOpt = False,
    ) -> None:
        """Validate a facts tree: every record, every cross-record check, all errors at once.

        Prints `file:line:col: CODE message` per problem; exits 1 when there are any.

        Example: llama4ref validate facts/
        """
        from llama4ref.index import shipped_facts_dir
        from llama4ref.tree import load_tree

        root = directory or shipped_facts_dir()
        if not root.is_dir():
            fail(f"{root}: not a directory" if root.exists() else f"{root}: no such file or directory")
        tree = load_tree(root)
        if json_out:
            emit_json(
                "validation",
                {
                    "root": str(root),
                    "files": tree.file_count,
                    "records": len(tree.records),
                    "facts": len(tree.facts()),
                    "ok": tree.ok,
                    "diagnostics": [
                        {
                            "file": d.file,
                            "line": d.position.line,
                            "col": d.position.col,
                            "code": d.code,
                            "severity": d.severity,
                            "message": d.message,
                        }
                        for d in tree.diagnostics
                    ],
                },
            )
        else:
            import sys

            for d in tree.diagnostics:
                sys.stdout.write(d.format() + "\n")
            status = "ok" if tree.ok else f"{len(tree.diagnostics)} problem(s)"
            sys.stderr.write(
                f"{root}: {tree.file_count} files, {len(tree.records)} records, {len(tree.facts())} facts: {status}\n"
            )
        if not tree.ok:
            raise typer.Exit(EXIT_PROBLEMS)

    @app.command("verify-quotes")
    def verify_quotes(
        sources_dir: Annotated[
            Path, typer.Argument(help="A directory of local copies of the cited sources.", exists=True, file_okay=False)
        ],
        strict: Annotated[bool, typer.Option(help="Also fail when a cited source has no local copy.")] = False,
        json_out: JsonOpt = False,
    ) -> None:
        """Check every quote against local copies of the sources (opt-in; needs the documents).

        A copy is matched to its source record by the `SOURCE:` header on its first line
        (repo and path, or URL) or by the file name `<source-id>.<ext>`.

        Example: llama4ref verify-quotes ../shared/sources
        """
        from llama4ref.index import shipped_facts_dir
        from llama4ref.quotes import verify_quotes as run

        report = run(shipped_facts_dir(), sources_dir)
        if json_out:
            emit_json("quote-verification", report.to_json())
        else:
            import sys

            for d in report.diagnostics:
                if d.code == "L4R-Q001" or strict:
                    sys.stdout.write(d.format() + "\n")
            sys.stderr.write(
                f"{report.checked} quotes checked against {len(report.matched_sources)} local copies: "
                f"{report.failed} not found; {report.skipped} quotes from {len(report.missing_sources)} "
                "sources without a local copy\n"
            )
        if report.failed or (strict and report.skipped):
            raise typer.Exit(EXIT_PROBLEMS)
