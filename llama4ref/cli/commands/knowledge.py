"""Knowledge commands: audit, compare, benchmarks, ask, search, cite, sources, prompt-format.

Each command is a module-level function (importable and callable alone); :func:`register`
attaches them to the app in the order ``--help`` lists them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from llama4ref.cli.options import JsonOpt, not_empty
from llama4ref.cli.output import EXIT_PROBLEMS, console, emit_json, emit_text, fail
from llama4ref.domain.completion import complete_benchmark, complete_fact_path, complete_source, complete_variant

if TYPE_CHECKING:
    from llama4ref.store.shapes.core import SourceBacksJSON
    from llama4ref.store.shapes.tools import AuditJSON, PromptJSON


def audit(
    only: Annotated[Optional[str], typer.Option(metavar="PREFIX", help="Only checks whose id starts with this.")] = None,  # noqa: UP045
    json_out: JsonOpt = False,
) -> None:
    """Derived cross-checks: recount parameters, NoPE layers, patch tokens, vocabulary, token ids.

    Each check prints its inputs, formula, result and tolerance; exit 1 if any fails.

    Example: llama4ref audit --only scout
    """
    import llama4ref
    from llama4ref.domain.audit import run_audit

    not_empty("--only", only)
    results = run_audit(llama4ref.knowledge_base(), only)
    if not results:
        fail(f"no audit check id starts with {only!r}")
    if json_out:
        report: AuditJSON = {"ok": all(r.ok for r in results), "checks": [r.to_json() for r in results]}
        emit_json("audit", report)
    else:
        from llama4ref.cli.render import common as render

        render.audit(console(), results)
    if not all(r.ok for r in results):
        raise typer.Exit(EXIT_PROBLEMS)


def compare(
    left: Annotated[str, typer.Argument(help="A variant id or alias.", autocompletion=complete_variant)],
    right: Annotated[str, typer.Argument(help="Another variant.", autocompletion=complete_variant)],
    benchmarks: Annotated[bool, typer.Option("--benchmarks", help="Include benchmark results.")] = False,
    prefix: Annotated[
        str,
        typer.Option(metavar="PREFIX", help="Only keys under this prefix, e.g. architecture.", autocompletion=complete_fact_path),
    ] = "",
    json_out: JsonOpt = False,
) -> None:
    """Two variants side by side; rows that differ are marked.

    Example: llama4ref compare scout maverick --prefix architecture
    """
    import llama4ref
    from llama4ref.domain.compare import compare as run

    cmp = run(llama4ref.knowledge_base(), left, right, benchmarks=benchmarks, prefix=prefix)
    if json_out:
        emit_json("comparison", cmp.to_json())
        return
    from llama4ref.cli.render import common as render

    render.comparison(console(), cmp)


def benchmarks(
    variant: Annotated[
        Optional[str],  # noqa: UP045  # typer introspection
        typer.Option("--variant", "-v", metavar="VARIANT", help="Only tables with this model.", autocompletion=complete_variant),
    ] = None,
    stage: Annotated[
        Optional[str],  # noqa: UP045  # typer introspection
        typer.Option(
            "--stage",
            metavar="STAGE",
            help="pretrained | instruct | blog (tables read from the blog's images) | vllm_reproduction",
        ),
    ] = None,
    name: Annotated[
        Optional[str],  # noqa: UP045  # typer introspection
        typer.Option("--name", metavar="BENCHMARK", help="One benchmark, e.g. mmlu_pro.", autocompletion=complete_benchmark),
    ] = None,
    chart: Annotated[bool, typer.Option("--chart", help="Draw a bar chart per benchmark.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Benchmark tables; self-reported, blog-image and independent results stay in separate tables.

    Example: llama4ref benchmarks --stage instruct --name gpqa_diamond --chart
    """
    import llama4ref
    from llama4ref.domain.scores import SET_ORDER, tables

    for option, given in (("--variant", variant), ("--stage", stage), ("--name", name)):
        not_empty(option, given)
    if stage is not None and stage not in SET_ORDER:
        fail(f"--stage must be one of {', '.join(SET_ORDER)}")
    found = tables(llama4ref.knowledge_base(), variant, stage, name)
    if not found:
        fail("no benchmark results match those filters")
    if json_out:
        emit_json("benchmarks", [t.to_json() for t in found])
        return
    from llama4ref.cli.render import common as render

    render.benchmark_tables(console(), llama4ref.knowledge_base(), found, chart=chart)


def ask(
    words: Annotated[
        Optional[list[str]],  # noqa: UP045  # typer introspection; optional, so that no words says what an empty question says
        typer.Argument(help="The question, in plain words (no quoting needed).", show_default=False),
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """Answer a question from the records: the answering fact first, with its quote and source.

    Exit 1 when no fact answers the question well enough: the closest facts and a
    `get`/`list` command that would help are shown instead.

    Example: llama4ref ask how many experts does maverick have
    """
    import llama4ref
    from llama4ref.domain.ranking import query_words
    from llama4ref.printable import echoed

    text = " ".join(words or [])
    example = "e.g. llama4ref ask how many experts does maverick have"
    if not text.strip():
        fail(f"ask a question, {example}")
    if not query_words(text):  # "?" or "the": nothing to look up, so no "closest facts" either
        fail(f"{echoed(text)} has no word to look up: ask a question, {example}")
    ans = llama4ref.ask(text)
    if json_out:
        emit_json("answer", ans.to_json())
    else:
        from llama4ref.cli.render import ask as render_ask

        render_ask.answer(console(), llama4ref.knowledge_base(), ans)
    if not ans.found:
        raise typer.Exit(EXIT_PROBLEMS)


def search(
    words: Annotated[list[str], typer.Argument(help="Words to find, in any order (no quoting needed).", show_default=False)],
    limit: Annotated[int, typer.Option(min=1, metavar="N", help="At most this many results.")] = 20,
    json_out: JsonOpt = False,
) -> None:
    """Search facts by path, value, quotes, notes and their everyday names; best matches first.

    Misspelt words are corrected; matching words are shown in bold.

    Example: llama4ref search maverick experts
    """
    import llama4ref
    from llama4ref.domain.ranking import query_words
    from llama4ref.domain.search import find
    from llama4ref.printable import echoed
    from llama4ref.store.loaders import search_index

    text = " ".join(words)
    if not text.strip():
        fail("give at least one word to search for")
    if not query_words(text):
        fail(f"{echoed(text)} has no word to look up: give at least one word to search for, e.g. maverick experts")
    found = find(llama4ref.knowledge_base(), text, limit=limit, db=search_index())
    if json_out:
        emit_json("search", [h.to_json() for h in found.hits])
        return
    from llama4ref.cli.render import ask as render_ask

    render_ask.hits(console(), text, found.hits, found.corrections)


CITE_FORMATS = ("text", "bibtex", "csl-json", "json")


def cite(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Fact paths or prefixes (a prefix: every fact under it), or source ids (the source itself).",
            autocompletion=complete_fact_path,
        ),
    ],
    fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="text | bibtex | csl-json | json (any case)")] = "text",
    json_out: JsonOpt = False,
) -> None:
    """The sources behind facts, ready to paste: plain text, BibTeX, CSL-JSON (Zotero, pandoc) or JSON.

    Each source is one entry, whatever number of facts cite it: its key (source id and year) is
    the same in every run, and its short note names the first three facts cited and how many
    more. A paper's authors are the people its record lists (none if it lists none, never the
    publisher); an arXiv preprint is @misc with eprint, a proceedings paper @inproceedings. Make
    one .bib file with one run given every path, not by joining runs (a repeated key is an error
    in BibTeX). JSON: kind `citation` for one fact path, `citations` (a list) for prefixes or
    several paths. A quote is the source's exact characters with each run of whitespace (line
    breaks included) as one space: one that spans lines in the source is printed on one line.

    A source id (`llama4ref sources`) cites the source itself: its one entry, whose note names
    the facts it backs (JSON: the citations of those facts).

    Example: llama4ref cite maverick.params.total --format bibtex

    Example: llama4ref cite llama-models-model-card --format bibtex

    \b
    Example: llama4ref cite scout.params.total runtime.vllm.scout.8xh100 \\
               --format bibtex > llama4.bib
    """
    import llama4ref
    from llama4ref.domain import cite as c

    kb = llama4ref.knowledge_base()
    fmt = "json" if json_out else fmt.lower()
    if fmt not in CITE_FORMATS:
        fail(f"unknown format {fmt!r}; choose text, bibtex, csl-json or json")
    if not all(p.strip() for p in paths):
        fail("give fact paths or prefixes, e.g. maverick.params.total or runtime.vllm.scout.8xh100")
    fact_paths, source_ids = c.split_names(kb, paths)
    facts = c.facts_of(kb, fact_paths)
    if fmt == "text":
        import sys

        from llama4ref.cli.output import fit_terminal
        from llama4ref.cli.render.cite import as_text

        emit_text(fit_terminal(as_text(kb, facts, source_ids), sys.stdout, 4))  # piped: one line per citation
    elif fmt == "bibtex":
        emit_text(c.as_bibtex(kb, facts, source_ids))
    elif fmt == "csl-json":
        from llama4ref.cli.output import emit_document

        emit_document(c.as_csl_json(kb, facts, source_ids))
    elif len(paths) == 1 and kb.has(paths[0]):  # one fact path: the one report, as before
        emit_json("citation", c.as_json(kb, facts[0]))
    else:  # a source id: the citations of every fact it backs
        chosen = {f.path: f for f in facts} | {p: kb.get(p) for s in source_ids for p in kb.backed_by(s)}
        emit_json("citations", [c.as_json(kb, f) for f in chosen.values()])


def sources(
    source_id: Annotated[
        Optional[str], typer.Argument(help="One source id: list the facts it backs.", autocompletion=complete_source)  # noqa: UP045
    ] = None,
    json_out: JsonOpt = False,
) -> None:
    """The bibliography: every source with how many facts it backs, or one source's facts and the
    identifiers (`llama4ref resolve`) it is cited for.

    Example: llama4ref sources llama-models-model-card
    """
    import llama4ref

    kb = llama4ref.knowledge_base()
    if source_id is None:
        rows = [(s, kb.backed_by(s.id)) for s in kb.sources()]
        if json_out:
            listed: list[SourceBacksJSON] = [
                {**s.to_json(), "backs": backs, "identifiers": kb.identifiers_citing(s.id)} for s, backs in rows
            ]
            emit_json("sources", listed)
            return
        from llama4ref.cli.render import listing as render_listing

        render_listing.bibliography(console(), rows)
        return
    src = kb.source(source_id)
    backs = kb.backed_by(source_id)
    if json_out:
        one: SourceBacksJSON = {**src.to_json(), "backs": backs, "identifiers": kb.identifiers_citing(source_id)}
        emit_json("source", one)
        return
    from llama4ref.cli.render import common as render

    render.source_detail(console(), src, backs, kb.identifiers_citing(source_id))


def prompt_format(
    tools: Annotated[bool, typer.Option("--tools", help="Include a tool definition in the system message.")] = False,
    image: Annotated[bool, typer.Option("--image", help="Include one single-tile image in the user message.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """A worked Llama 4 prompt built from the prompt-format and tokenizer records.

    Example: llama4ref prompt-format --tools
    """
    import llama4ref
    from llama4ref.domain.prompt import build, token_legend

    kb = llama4ref.knowledge_base()
    wp = build(kb, tools=tools, image=image)
    if json_out:
        prompt: PromptJSON = {
            **wp.to_json(),
            "tokens": [{"token": t, "id": i, "meaning": m} for t, i, m in token_legend(kb, wp)],
        }
        emit_json("prompt", prompt)
        return
    from llama4ref.cli.render import common as render

    render.prompt(console(), wp, token_legend(kb, wp))


def register(app: typer.Typer) -> None:
    """Attach the knowledge commands to ``app``."""
    app.command()(audit)
    app.command()(compare)
    app.command()(benchmarks)
    app.command()(ask)
    app.command()(search)
    app.command()(cite)
    app.command()(sources)
    app.command("prompt-format")(prompt_format)
