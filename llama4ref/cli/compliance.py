"""Compliance commands: check-name, license (checklist), license check (repository duties)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from llama4ref.cli.output import EXIT_USAGE, console, emit_json, fail

if TYPE_CHECKING:
    from llama4ref.compliance import Finding

license_app = typer.Typer(
    name="license",
    help="The Llama 4 Community License as data: the obligations checklist, and `license check PATH`.",
    invoke_without_command=True,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _terms() -> object:
    from llama4ref.compliance import load_license_terms
    from llama4ref.index import shipped_facts_dir

    return load_license_terms(shipped_facts_dir())


@license_app.callback()
def license_checklist(
    ctx: typer.Context,
    json_out: Annotated[bool, typer.Option("--json", help="Print the documented JSON envelope instead of a table.")] = False,
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
    from llama4ref.cli import render_compliance

    render_compliance.checklist(console(), items)


@license_app.command("check")
def license_check(
    path: Annotated[Path, typer.Argument(help="A model repository directory, or a single model card file.")] = Path("."),
    name: Annotated[Optional[str], typer.Option("--name", help="The published model name, if the card does not give it.")] = None,  # noqa: UP045
    fmt: Annotated[str, typer.Option("--format", help="text | json | sarif")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    root: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--root", help="Repository root for SARIF URIs (default: the git top level above PATH)."),
    ] = None,
) -> None:
    """Check a model repository for the license duties: name prefix, "Built with Llama", NOTICE,
    agreement copy or link, AUP, and a card `license:` that agrees with a Llama 4 `base_model`.

    Exit 0 when compliant, 1 on a violation (or a warning with --strict), 2 on usage errors.

    Example: llama4ref license check ./my-model --format sarif > llama4ref.sarif
    """
    import llama4ref
    from llama4ref.compliance import CheckPathError, check_repo, to_sarif

    if json_out:
        fmt = "json"
    if fmt not in ("text", "json", "sarif"):
        fail("--format must be text, json or sarif")
    try:
        report = check_repo(path, _terms(), name=name)  # type: ignore[arg-type]
    except CheckPathError as exc:
        fail(str(exc))
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
        for f in report.findings:
            sys.stdout.write(_as_given(path, report.kind, f).format() + "\n")
        errors = sum(f.severity == "error" for f in report.findings)
        warnings = sum(f.severity == "warning" for f in report.findings)
        sys.stderr.write(
            f"{path}: {errors} violation(s), {warnings} warning(s); rules passed: {', '.join(report.passed_rules()) or 'none'}\n"
        )
        grouped: dict[str, list[str]] = {}
        for rule, why in report.not_checked:
            grouped.setdefault(why, []).append(rule)
        for why, rules in grouped.items():
            sys.stderr.write(f"  not checked: {', '.join(rules)}: {why}\n")
    raise typer.Exit(report.exit_code(strict=strict))


def _as_given(path: Path, kind: str, finding: Finding) -> Finding:
    """The finding with its file named from PATH as the user gave it (``models/bad/README.md``)."""
    import dataclasses

    f = finding
    file = f.file
    if kind == "card":
        shown = str(path) if file == path.name else file
    elif file in ("", ".", "(--name)"):
        shown = file if file == "(--name)" else str(path)
    else:
        shown = (path / file).as_posix() if str(path) not in ("", ".") else file
    return dataclasses.replace(f, file=shown)


def register(app: typer.Typer) -> None:
    """Attach the compliance commands to ``app``."""
    app.add_typer(license_app)

    @app.command("check-name")
    def check_name(
        names: Annotated[Optional[list[str]], typer.Argument(help="Model names or org/name ids.")] = None,  # noqa: UP045
        from_file: Annotated[
            str | None, typer.Option("--from-file", help="Read names, one per line, from a file ('-' = stdin).")
        ] = None,
        strict: Annotated[bool, typer.Option("--strict", help="Warnings (e.g. 'llama-…' in another case) fail too.")] = False,
        json_out: Annotated[bool, typer.Option("--json", help="Print the documented JSON envelope.")] = False,
    ) -> None:
        """Check derivative model names against the naming rule (section 1.b.i): they must begin with "Llama".

        Look-alike letters, invisible characters and leading whitespace never pass.
        Exit 0 all compliant; 1 any violation (or warning with --strict); 2 usage.

        Example: llama4ref check-name my-org/Scout-FT Llama-4-Scout-Acme
        """
        from llama4ref.compliance import check_names, exit_code, read_names

        items = list(names or [])
        if from_file is not None:
            raw = sys.stdin.buffer.read() if from_file == "-" else _read_bytes(from_file)
            items += read_names(raw.decode("utf-8", "surrogateescape"))
        if not items:
            fail("give at least one name, or --from-file FILE", EXIT_USAGE)
        results = list(check_names(items, _terms()))  # type: ignore[arg-type]
        code = exit_code(results, strict=strict)
        if json_out:
            summary = {s: sum(r.status == s for r in results) for s in ("pass", "warning", "violation")}
            emit_json("name-check", {"results": [r.to_dict() for r in results], "summary": summary}, ascii_only=True)
        else:
            out = sys.stdout
            for r in results:
                shown = r.input.encode("ascii", "backslashreplace").decode() if not r.input.isprintable() else r.input
                line = f"{r.status.upper():9} {shown}"
                if r.status != "pass":
                    line += f"  [{r.rule} §{r.section}] {r.message}; suggest: {r.suggestion}"
                out.write(line.encode("utf-8", "backslashreplace").decode("utf-8") + "\n")
        raise typer.Exit(code)


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
