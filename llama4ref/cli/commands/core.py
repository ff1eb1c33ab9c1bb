"""Core commands: show, get, list, validate, verify-quotes.

Each command is a module-level function (importable and callable alone); :func:`register`
attaches them to the app in the order ``--help`` lists them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from llama4ref.cli.options import AsOfOpt, FactPathArg, JsonOpt, VariantArg, as_of_date
from llama4ref.cli.output import EXIT_PROBLEMS, EXIT_USAGE, console, emit_json, emit_text, existing_directory, fail
from llama4ref.domain.completion import complete_fact_path
from llama4ref.records.registry import LISTINGS as LIST_KINDS  # not domain.listing: its dataclasses cost start-up time

if TYPE_CHECKING:
    from datetime import date

    from rich.text import Text

    from llama4ref.store.answers import Fact
    from llama4ref.store.knowledge_base import KnowledgeBase
    from llama4ref.store.shapes.tools import QuoteVerificationJSON


def _version(value: bool) -> None:
    if value:
        import llama4ref

        emit_text(f"llama4ref {llama4ref.__version__} (data {llama4ref.data_version()})")
        raise typer.Exit()


def root(
    version: Annotated[
        Optional[bool],  # noqa: UP045  # typer needs Optional here on 3.9-style introspection
        typer.Option("--version", callback=_version, is_eager=True, help="Show the package and data versions."),
    ] = None,
) -> None:
    """A cited reference for Meta's Llama 4 models."""


def show(variant: VariantArg, json_out: JsonOpt = False) -> None:
    """One screen on a variant: identity, parameters, experts, context, checkpoints, sources.

    Example: llama4ref show scout
    """
    import llama4ref
    from llama4ref.domain.show import overview

    ov = overview(llama4ref.knowledge_base(), variant)
    if json_out:
        emit_json("overview", ov.to_json())
        return
    from llama4ref.cli.render import common as render

    render.overview(console(), ov)


def get(path: FactPathArg, as_of: AsOfOpt = None, json_out: JsonOpt = False) -> None:
    """A fact's value, unit, citations and alternatives; on a prefix, the facts under it.

    "(as of DATE)" after a citation is the date that source gave the value; the newest such date
    is the "newest source" of `providers` and `stale`. With --as-of, the value the records show
    was known on that date (exit 1 when none was known yet).

    A quote is the source's exact characters, compared with runs of whitespace (line breaks
    included) read as one space: a quote from a table row or a wrapped paragraph is printed on one
    line though the source spans several, so search the source for a few of its words.

    Example: llama4ref get maverick.params.total --json

    Example: llama4ref get maverick.experts

    Example: llama4ref get maverick.context_window.instruct --as-of 2025-04-06
    """
    import llama4ref

    if not path.strip():
        fail("give a fact path or prefix, e.g. maverick.params.total or maverick.experts")
    when = as_of_date(as_of)
    kb = llama4ref.knowledge_base()
    written = path.strip().rstrip("./") or path  # "license_terms." or "scout/": the prefix, its separator typed too
    if not kb.has(path) and kb.group(written):
        members = kb.group(written)
        prefix = kb.normalise_path(written)
        ranks = _ranks(kb, members, when)
        if when is not None:
            members = _known_on(kb, members, when, json_out)
        if json_out:
            emit_json("group", {"prefix": prefix, "facts": [f.to_json() for f in members]})
            return
        from llama4ref.cli.render import ask as render_ask

        render_ask.group(console(), prefix, members, ranks=ranks)
        return
    fact = kb.get(path)  # a source id raises SourceIdAsPathError, which names the commands showing the source
    rank = _ranks(kb, [fact], when).get(fact.path)
    if when is not None:
        fact = _known_on(kb, [fact], when, json_out)[0]
    if json_out:
        emit_json("fact", fact.to_json())
        return
    from llama4ref.cli.render import common as render
    from llama4ref.domain.caveats import offer_caveat

    render.fact_detail(console(), kb, fact, rank)
    render.addresses(console(), render.cited_ids(fact))
    if when is None and (caveat := offer_caveat(kb, fact.path)) is not None:
        render.caveat(console(), caveat)


def _ranks(kb: KnowledgeBase, facts: list[Fact], when: date | None) -> dict[str, Text]:
    """``get --as-of``: for each fact whose value on ``when`` is not the preferred one, the mark
    saying its rank and the value ranked above it (empty without a date)."""
    if when is None:
        return {}
    from llama4ref.cli.render.common import ranked_below
    from llama4ref.domain.deploy import value_as_of

    return {
        f.path: ranked_below(claim.rank, f)
        for f in facts
        if (claim := value_as_of(kb, f, when)) is not None and claim.rank != "preferred"
    }


def _known_on(kb: KnowledgeBase, facts: list[Fact], when: date, json_out: bool) -> list[Fact]:
    """``get --as-of``: the facts as known on ``when``; when none was known yet, one line saying
    since when something was, and exit 1."""
    from llama4ref.domain.deploy import facts_known_on

    known, why = facts_known_on(kb, facts, when)
    if why is not None:
        if json_out:
            fail(why, EXIT_PROBLEMS, error_code="L4R-U017")
        emit_text(f"Not known on {when}: {why}.")
        raise typer.Exit(EXIT_PROBLEMS)
    if not json_out:
        console().print(f"As the records show it was known on {when}:", style="dim")
    return known


def list_(
    kind: Annotated[str, typer.Argument(help=f"One of: {', '.join(LIST_KINDS)}.")] = "variants",
    prefix: Annotated[
        str,
        typer.Option(
            metavar="PREFIX", help="With 'facts' or 'conflicts': only paths under this prefix.", autocompletion=complete_fact_path
        ),
    ] = "",
    json_out: JsonOpt = False,
) -> None:
    """The records of a kind. `conflicts`: every fact whose sources disagree, the preferred value
    first, then each alternative with its rank and the sources that give it. A fact whose only
    alternatives restate its value from the same source (a rounding: ~2T and 2T) is not listed.

    Example: llama4ref list facts --prefix scout.architecture

    Example: llama4ref list conflicts --prefix multimodal
    """
    import llama4ref
    from llama4ref.domain.listing import list_records

    if kind not in LIST_KINDS:
        fail(f"unknown kind {kind!r}; choose one of {', '.join(LIST_KINDS)}")
    listing = list_records(llama4ref.knowledge_base(), kind, prefix)
    if json_out:
        emit_json(kind, listing.to_json())
        return
    from llama4ref.cli.render import listing as render_listing

    render_listing.listing(console(), listing)


def validate(
    directory: Annotated[
        Optional[str],  # noqa: UP045  # typer introspection; a str, so that "" is refused, not read as "."
        typer.Argument(help="A facts tree (default: the shipped one).", show_default=False),
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Validate afresh: neither read nor write the tree cache.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Validate a facts tree: every record, every cross-record check, all errors at once.

    Prints `file:line:col: CODE message` per problem; exits 1 when there are any, 2 when the
    directory is not a facts tree at all (no sources/ and variants/). The result
    is cached by the content of every file (~/.cache/llama4ref/trees, or $LLAMA4REF_CACHE_DIR),
    so an unchanged tree is not validated twice; LLAMA4REF_NO_CACHE=1 or --no-cache bypass it.

    Example: llama4ref validate facts/
    """
    from llama4ref.store.index import shipped_facts_dir
    from llama4ref.store.treecache import checked_tree

    root = shipped_facts_dir() if directory is None else existing_directory(directory, "DIRECTORY")
    tree = checked_tree(root, use_cache=not no_cache, index=False)
    if json_out:
        from llama4ref.domain.validation import validation_json

        emit_json("validation", validation_json(tree, root))
    else:
        from llama4ref.cli.render import checks

        # any valid tree, the shipped one or one given: the derived facts `list facts` would show with it
        checks.validation(tree, root, tree.derived_count)
    if not tree.ok:
        from llama4ref.records.treefiles import not_a_tree

        # a directory that is no facts tree (or cannot be examined) is input that cannot be read: exit 2, as README says
        raise typer.Exit(EXIT_USAGE if not_a_tree(root) is not None else EXIT_PROBLEMS)


def verify_quotes(
    sources_dirs: Annotated[
        Optional[list[str]],  # noqa: UP045  # typer needs Optional for an optional variadic argument
        typer.Argument(help="Directories of local copies of the cited sources (the first holding a copy wins)."),
    ] = None,
    fetch: Annotated[
        bool,
        typer.Option("--fetch", help="Download every pinned source into --cache, check its sha256 lock, then every quote."),
    ] = False,
    cache: Annotated[
        Optional[Path],  # noqa: UP045  # typer needs Optional for an option with no default value
        typer.Option(
            metavar="DIR",
            help="Where --fetch keeps downloads [default: $XDG_CACHE_HOME/llama4ref/sources, else ~/.cache/llama4ref/sources].",
            file_okay=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Also fail when a cited source has no local copy.")] = False,
    min_coverage: Annotated[
        float,
        typer.Option(metavar="PERCENT", help="Fail when fewer than this percentage of all quotes were checked.", min=0, max=100),
    ] = 0.0,
    json_out: JsonOpt = False,
) -> None:
    """Check every quote against copies of the sources (opt-in; needs the documents or the network).

    A copy is matched to its source record by the `SOURCE:` header on its first line
    (repo and path, or URL) or by the file name `<source-id>.<ext>`. Quotes read from an
    image (`medium: image`) are never checked: no text copy holds them. With `--fetch`, every
    pinned source is downloaded (raw files at their commits, files of package releases,
    pages) into your cache (or --cache DIR), its sha256 compared with the lock in its record;
    sources that drifted and sources that could not be fetched are reported apart. When the
    first sources cannot be reached at all, the network is down and nothing was checked: an
    error (L4R-Q004, exit 2). When no copy of any source is found, nothing was checked: an
    error (L4R-Q003, exit 2).

    Example: llama4ref verify-quotes --fetch --min-coverage 70

    Example: llama4ref verify-quotes ./copies
    """
    from llama4ref.cli.render import checks
    from llama4ref.domain.quotes import verify_shipped_quotes as run
    from llama4ref.store.index import shipped_facts_dir

    dirs = [existing_directory(d, "SOURCES_DIR") for d in sources_dirs or []]
    drift: list[str] = []
    not_fetched: list[str] = []
    if fetch:
        from llama4ref.domain.recheck import default_cache, download_all

        where = cache or default_cache()
        fetched = download_all(shipped_facts_dir(), where)  # no network: NetworkUnreachableError (L4R-Q004, exit 2)
        drift = [f.line() for f in fetched if f.status == "drift"]
        not_fetched = [f.line() for f in fetched if f.status == "failed"]
        checks.lines([f.line() for f in fetched if f.status == "skipped"])
        if where.is_dir():
            dirs.insert(0, where)
    elif not dirs:
        fail("give at least one directory of copies, or --fetch", 2)
    report = run(dirs)
    if not report.matched_sources:  # nothing was checked: a typo'd or wrong directory must not pass
        from llama4ref.domain.quotes import NO_COPIES_CODE, no_copies_message

        fail(no_copies_message([str(d) for d in dirs] or [str(cache or "the cache")], fetched=fetch), error_code=NO_COPIES_CODE)
    short = report.coverage * 100 < min_coverage
    if json_out:
        verification: QuoteVerificationJSON = {**report.to_json(), "drift": drift, "not_fetched": not_fetched}
        emit_json("quote-verification", verification)
    else:
        checks.quote_verification(report, drift, not_fetched, strict=strict, min_coverage=min_coverage)
    if report.failed or drift or not_fetched or short or (strict and report.skipped):
        raise typer.Exit(EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    """Attach the core commands to ``app``."""
    app.callback()(root)
    app.command()(show)
    app.command()(get)
    app.command("list")(list_)
    app.command()(validate)
    app.command("verify-quotes")(verify_quotes)
