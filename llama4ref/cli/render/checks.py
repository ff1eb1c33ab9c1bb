"""Plain-text output of the checkers: ``file:line:col: CODE message`` lines on stdout, a summary on stderr.

validate, verify-quotes, check-name, license check and check-claims print through these. No
rich here: checkers run in hooks and CI, and their start-up stays at the floor. Every data or
user string passes through :func:`printable`, so a file name or quote never forges a line.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from llama4ref.cli.output import fit_terminal, fit_width, wrap_width
from llama4ref.printable import printable

if TYPE_CHECKING:
    from pathlib import Path

    from llama4ref.claims import Claim
    from llama4ref.compliance import Finding
    from llama4ref.compliance.names import NameResult
    from llama4ref.compliance.repo import RepoReport
    from llama4ref.domain.quotes import QuoteReport
    from llama4ref.store.treecache import CheckedTree


def lines(items: Iterable[str]) -> None:
    """Each item on its own line of stdout, made printable (in a terminal, broken between words to fit it)."""
    for item in items:
        sys.stdout.write(fit_terminal(printable(item), sys.stdout) + "\n")


def validation(tree: CheckedTree, root: Path, derived: int | None) -> None:
    """``validate``: one line per diagnostic, then counts and the verdict on stderr (``derived``: how many derived facts to add)."""
    lines(d.format() for d in tree.diagnostics)
    status = "ok" if tree.ok else f"{len(tree.diagnostics)} problem(s)"
    facts = f"{tree.fact_count:,} stored facts"
    if derived is not None:
        facts = f"{tree.fact_count:,} stored + {derived:,} derived facts"
    summary = f"{printable(str(root))}: {tree.file_count:,} files, {tree.record_count:,} records, {facts}: {status}"
    sys.stderr.write(fit_terminal(summary, sys.stderr) + "\n")


def unchecked_lines(report: QuoteReport) -> list[str]:
    """One line per source with unchecked quotes, most first: count, source id, reason."""
    rows = [(n, sid, reason) for sid, per in report.unchecked.items() for reason, n in per.items()]
    return [f"{n:5} {sid}  ({reason})" for n, sid, reason in sorted(rows, key=lambda r: (-r[0], r[1]))]


def quote_verification(
    report: QuoteReport, drift: list[str], not_fetched: list[str], *, strict: bool, min_coverage: float
) -> None:
    """``verify-quotes``: drift and downloads that failed, quotes not found (and, with ``strict``, sources
    without a copy), then the coverage."""
    lines(drift)
    lines(not_fetched)
    lines(d.format() for d in report.diagnostics if d.code == "L4R-Q001" or strict)
    if report.unchecked:
        sys.stdout.write("unchecked quotes by source:\n" + "\n".join(printable(x) for x in unchecked_lines(report)) + "\n")
    short = report.coverage * 100 < min_coverage
    sys.stderr.write(
        f"{report.checked} of {report.total} quotes ({report.coverage:.1%}; {report.text_coverage:.1%} of the "
        f"{report.total - report.images} a text can hold) checked against {len(report.matched_sources)} copies: "
        f"{report.failed} not found; {report.images} read from images; "
        f"{report.skipped} from {len(report.missing_sources)} sources without a copy"
        + (f"; below the required {min_coverage:g}%" if short else "")
        + (f"; {len(drift)} sources drifted from their lock" if drift else "")
        + (f"; {len(not_fetched)} sources could not be fetched" if not_fetched else "")
        + "\n"
    )


_BATCH = 512
"""Lines of ``check-name`` output written at once."""


def name_checks(results: Iterable[NameResult]) -> None:
    """``check-name``: a status and the name, and for a name that fails, the rule, why and a suggestion
    (none when it is the name itself: one of Meta's own names, where only a name of the user's own helps).
    In a terminal a long line wraps between words under the name; piped, each name is one line."""
    width = wrap_width(sys.stdout)
    batch: list[str] = []
    for r in results:
        line = f"{r.status.upper():9} {r.input}"
        if r.status != "pass":
            line += f"  [{r.rule} §{r.section}] {r.message}" + (f"; suggest: {r.suggestion}" if r.suggestion != r.name else "")
        line = printable(line)
        if width is not None:  # under the name; names and ids are never cut: a long one stands whole
            line = fit_width(line, width, 10)
        batch.append(line)
        if len(batch) == _BATCH:  # one write per batch: a long list is mostly write calls otherwise
            sys.stdout.write("\n".join(batch) + "\n")
            batch.clear()
    if batch:
        sys.stdout.write("\n".join(batch) + "\n")


def as_given(path: Path, kind: str, finding: Finding) -> Finding:
    """The finding with its file named from PATH as the user gave it (``models/bad/README.md``)."""
    f = finding
    file = f.file
    if kind == "card":
        shown = str(path) if file == path.name else file
    elif file in ("", ".", "(--name)"):
        shown = file if file == "(--name)" else str(path)
    else:
        shown = (path / file).as_posix() if str(path) not in ("", ".") else file
    return dataclasses.replace(f, file=shown)


def license_check(path: Path, report: RepoReport) -> None:
    """``license check``: one line per finding, then the counts, the rules passed and what was not checked on stderr."""
    lines(as_given(path, report.kind, f).format() for f in report.findings)
    errors = sum(f.severity == "error" for f in report.findings)
    warnings = sum(f.severity == "warning" for f in report.findings)
    notes = sum(f.severity == "note" for f in report.findings)
    noted = report.noted_rules()
    summary = (
        f"{printable(str(path))}: {errors} violation(s), {warnings} warning(s), {notes} note(s); "
        f"rules passed: {', '.join(report.passed_rules()) or 'none'}" + (f"; notes only: {', '.join(noted)}" if noted else "")
    )
    sys.stderr.write(fit_terminal(summary, sys.stderr) + "\n")
    grouped: dict[str, list[str]] = {}
    for rule, why in report.not_checked:
        grouped.setdefault(why, []).append(rule)
    for why, rules in grouped.items():
        sys.stderr.write(fit_terminal(printable(f"  not checked: {', '.join(rules)}: {why}"), sys.stderr, 4) + "\n")


CLAIM_STATUSES = ("contradicted", "disputed", "supported", "unchecked")
"""The order ``check-claims`` counts statements in."""


def claims(shown: list[Claim], every: list[Claim], documents: int, *, verbose: bool) -> None:
    """``check-claims``: one line per shown statement, then the counts of all of them on stderr."""
    lines(f"{c.file}:{c.line}:{c.col}: {c.code} {c.message()}" for c in shown)  # the document's text and quotes, escaped
    sys.stdout.flush()  # a failed write is reported before the summary
    counts = {s: sum(c.status == s for c in every) for s in CLAIM_STATUSES}
    summary = (
        f"{documents} document(s), {len(every)} statement(s): "
        + ", ".join(f"{n} {s}" for s, n in counts.items())
        + ("" if verbose or not counts["unchecked"] else " (--verbose lists the unchecked)")
    )
    sys.stderr.write(fit_terminal(summary, sys.stderr) + "\n")
