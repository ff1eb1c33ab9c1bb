"""Every envelope ``kind`` of ``--json`` output: the shape of its ``data`` and the commands that print it.

Adding a command with ``--json`` (or a new kind) is one entry here; ``python -m tools.build``
then writes its schema and its section of docs/json.md, and tests/test_json_schemas.py fails
for any kind a command prints that has no entry.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from llama4ref.store.shapes import ask, core, deploy, records, tools


class Kind(NamedTuple):
    data: Any
    """The type of ``data``: a shape, or a list of one."""
    commands: str
    """The command lines that print it, as docs/json.md shows them."""
    summary: str
    """One sentence for docs/json.md."""


KINDS: dict[str, Kind] = {
    "fact": Kind(core.FactJSON, "get PATH --json", "One fact."),
    "facts": Kind(list[core.FactJSON], "list facts --json", "Facts, in path order."),
    "conflicts": Kind(
        list[core.ConflictJSON],
        "list conflicts --json",
        "Every fact whose sources disagree: the preferred value and each ranked alternative, with their sources.",
    ),
    "overview": Kind(core.OverviewJSON, "show VARIANT --json", "The one-screen summary of a variant."),
    "variants": Kind(list[core.VariantJSON], "list variants --json", "Every variant."),
    "sources": Kind(
        list[core.SourceBacksJSON],
        "sources --json, list sources --json",
        "The bibliography, each source with the facts it backs.",
    ),
    "source": Kind(core.SourceBacksJSON, "sources ID --json", "One source and the facts it backs."),
    "sheets": Kind(list[records.SheetJSON], "list sheets --json", "Fact sheet records, without their facts."),
    "license-terms": Kind(list[records.LicenseTermJSON], "list license-terms --json", "License term records, every field."),
    "identifiers": Kind(
        list[records.IdentifierJSON], "list identifiers --json", "Published model identifiers, each with its set."
    ),
    "validation": Kind(
        core.ValidationJSON, "validate [DIR] --json", "Every problem of a facts tree, all at once (exit 1 when any)."
    ),
    "export": Kind(core.ExportSummaryJSON, "export -o PATH --json", "What an export wrote."),
    "diff": Kind(core.DiffJSON, "diff OLD NEW --json", "Every difference between two facts trees."),
    "resolution": Kind(core.ResolutionJSON, "resolve NAME --json", "What a model identifier denotes."),
    "providers": Kind(list[deploy.OfferJSON], "providers [VARIANT] --json", "Provider offers, as known on the `--as-of` date."),
    "context": Kind(deploy.ContextJSON, "context VARIANT --json", "Context limits: the model's, each provider's, each engine's."),
    "memory": Kind(deploy.MemoryPlanJSON, "memory VARIANT --json", "A memory estimate with its formulas."),
    "stale": Kind(list[deploy.StaleJSON], "stale --json", "Provider and runtime facts older than the horizon."),
    "engines": Kind(
        list[deploy.EngineJSON], "engines [ENGINE] --json", "What the records say about each engine's Llama 4 support."
    ),
    "audit": Kind(tools.AuditJSON, "audit --json", "Consistency checks across facts (exit 1 when one fails)."),
    "comparison": Kind(tools.ComparisonJSON, "compare A B --json", "Two variants' facts, aligned."),
    "benchmarks": Kind(list[tools.BenchTableJSON], "benchmarks --json", "Benchmark tables, as the sources give them."),
    "citation": Kind(tools.CitationReportJSON, "cite PATH --json", "A fact with every citation and its source record."),
    "citations": Kind(
        list[tools.CitationReportJSON],
        "cite PREFIX --json, cite PATH PATH… --json",
        "Each fact under the prefixes and paths given, with every citation and its source record.",
    ),
    "search": Kind(list[tools.SearchHitJSON], "search TEXT --json", "Facts matching the words, best first."),
    "answer": Kind(ask.AnswerJSON, "ask QUESTION --json", "The fact (or group) answering a question, and runners-up."),
    "group": Kind(ask.GroupJSON, "get PREFIX --json", "The facts under a path prefix."),
    "claims": Kind(ask.ClaimsReportJSON, "check-claims PATH… --json", "Each claim in the documents, judged against the records."),
    "prompt": Kind(tools.PromptJSON, "prompt-format --json", "A worked prompt in the chat format."),
    "safety": Kind(tools.SafetyJSON, "safety --json", "Safety and intended-use facts, by section."),
    "license-checklist": Kind(list[tools.ChecklistItemJSON], "license --json", "The license and AUP terms as a checklist."),
    "license-check": Kind(
        tools.RepoReportJSON, "license check PATH --json", "A model repository checked against the license duties."
    ),
    "name-check": Kind(tools.NameCheckJSON, "check-name NAME… --json", "Model names judged against the naming rule."),
    "quote-verification": Kind(
        tools.QuoteVerificationJSON, "verify-quotes DIR… --json", "Every quote checked against local copies of its source."
    ),
    "refresh": Kind(tools.RefreshJSON, "refresh providers --json", "What a new LiteLLM release changes in the provider records."),
}
