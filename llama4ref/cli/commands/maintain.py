"""Maintainer commands: refresh providers (compare the records with a new catalog release)."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer

from llama4ref.cli.options import DirOpt, JsonOpt
from llama4ref.cli.output import EXIT_PROBLEMS, emit_json, fail

refresh_app = typer.Typer(
    name="refresh",
    help="Compare the records with a newer release of a catalog they cite (maintainers; uses the package index).",
    short_help="Compare the records with a newer release of a catalog they cite (maintainers; uses the package index).",  # whole in the command list (Click would cut it with "...")
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@refresh_app.command("providers")
def providers(
    litellm: Annotated[
        str, typer.Option("--litellm", metavar="VERSION", help="The LiteLLM release to compare with: a version or 'latest'.")
    ] = "latest",
    since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--since", metavar="VERSION", help="The baseline release (default: the newest LiteLLM release the records cite)."
        ),
    ] = None,
    facts: Annotated[
        DirOpt, typer.Option("--facts", metavar="DIR", help="The facts tree (default: the shipped one).", show_default=False)
    ] = None,
    find_links: Annotated[
        DirOpt,
        typer.Option(
            "--find-links",
            metavar="DIR",
            help="Take wheels from this directory instead of the package index.",
            show_default=False,
        ),
    ] = None,
    cache: Annotated[
        DirOpt,
        typer.Option(
            "--cache",
            metavar="DIR",
            help="Where downloaded wheels are kept (default ~/.cache/llama4ref/catalogs).",
            show_default=False,
        ),
    ] = None,
    write: Annotated[
        bool, typer.Option("--write", help="Turn the difference into edits of the records (then review them).")
    ] = False,
    data_version: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--data-version",
            metavar="VERSION",
            help="With --write: set facts/DATA_VERSION and file the changelog bullet under it.",
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Also list entries no record cites and unstored fields.")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """Compare the provider records with a LiteLLM release: new offers, changed values, offers gone.

    Downloads the release (and the baseline the records cite) with pip into a cache, reads
    the Llama 4 entries of its model map and maps every difference onto the records. Exits 1
    when something the records store changed, 0 when nothing did, 2 on usage or network errors.
    --write adds a source record for the release, re-pins confirmed values, ranks changed ones
    as alternatives by the usual rules, marks offers gone, writes new offers as records and
    adds a changelog bullet; the tree is validated afterwards.

    Example: llama4ref refresh providers --litellm latest
    """
    from datetime import date

    from llama4ref.domain import catalog, refresh
    from llama4ref.store.index import shipped_facts_dir

    root = facts or shipped_facts_dir()
    if not root.is_dir():
        fail(f"{root}: not a facts tree directory")
    if data_version and not write:
        fail("--data-version goes with --write")
    if write and root.name == "_facts":
        fail("--write edits a facts tree: give --facts DIR (a checkout's facts/), not the installed copy")
    tree, kb = refresh.load_store(root, records=write)  # --write edits the loaded records
    base = since or refresh.baseline_version(tree)
    if base is None:
        fail("the records cite no LiteLLM release: give --since VERSION")
    new = catalog.fetch_release(litellm, cache, find_links)
    old = new if base == new.version else catalog.fetch_release(base, cache, find_links)
    report = refresh.compare_releases(tree, kb, old, new)
    if json_out:
        emit_json("refresh", report.to_json())
    else:
        from llama4ref.cli.render.refresh import report_lines

        sys.stdout.write("\n".join(report_lines(report, verbose=verbose)) + "\n")
    if write:
        from llama4ref.domain.refresh_write import write as apply
        from llama4ref.records.tree import Tree, load_tree

        assert isinstance(tree, Tree)  # load_store(records=True) gives the loaded tree
        result = apply(report, tree, root, date.today(), data_version)
        for path in result.written:
            sys.stderr.write(f"wrote {path}\n")
        for note in result.skipped:
            sys.stderr.write(f"not written: {note}\n")
        after = load_tree(root)
        for d in after.diagnostics:
            sys.stderr.write(d.format() + "\n")
        if not after.ok:
            fail(f"{root} does not validate after --write: review the edits", EXIT_PROBLEMS, error_code="L4R-U016")
    if report.changed:
        raise typer.Exit(EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    """Attach the maintainer commands to ``app``."""
    app.add_typer(refresh_app)
