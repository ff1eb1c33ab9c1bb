"""The shapes of the check and tool answers: audit, comparison, benchmarks, citations, compliance, quotes, refresh, search, prompt."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict

from llama4ref.store.shapes.core import CitationJSON, FactJSON, SourceJSON


class AuditCheckJSON(TypedDict):
    """One consistency check: a formula over facts, compared with a stated value."""

    id: str
    title: str
    formula: str
    inputs: dict[str, Any]
    computed: Any
    expected: Any
    expected_from: str
    """The fact path the expected value comes from."""
    tolerance: str
    ok: bool
    detail: str


class AuditJSON(TypedDict):
    ok: bool
    """Every check passed."""
    checks: list[AuditCheckJSON]


class ComparedJSON(TypedDict):
    value: Any
    display: str
    derived: bool
    path: str


class ComparisonRowJSON(TypedDict):
    key: str
    """The fact path below the variant id."""
    left: ComparedJSON | None
    right: ComparedJSON | None
    differs: bool


class ComparisonJSON(TypedDict):
    left: str
    right: str
    rows: list[ComparisonRowJSON]


class BenchRowJSON(TypedDict):
    benchmark: str
    name: str
    category: str
    shots: str
    metric: str
    values: dict[str, Any]
    """Model → score."""
    paths: dict[str, str]
    """Model → the fact path of its score."""


class BenchTableJSON(TypedDict):
    set: str
    table: str | None
    """The source's own table name when one set holds several tables."""
    provenance: str
    models: list[str]
    rows: list[BenchRowJSON]


class SourcedCitationJSON(CitationJSON):
    source_record: SourceJSON
    """The cited source record."""


class CitationReportJSON(TypedDict):
    """A fact and every citation behind it, with the cited source records."""

    path: str
    value: Any
    display: str
    derived: bool
    citations: list[SourcedCitationJSON]


class SafetySectionJSON(TypedDict):
    title: str
    prefix: str
    facts: list[FactJSON]


class SafetyJSON(TypedDict):
    sections: list[SafetySectionJSON]


class ChecklistItemJSON(TypedDict):
    """One term of the license or the acceptable use policy, and the rule that checks it (if any)."""

    term: str
    document: str
    section: str
    kind: str
    title: str
    summary: str
    rule: str | None
    severity: str | None
    checkable: str | None
    automated: bool


class FindingJSON(TypedDict):
    file: str
    line: int | None
    rule: str
    severity: Literal["error", "warning", "note"]
    message: str
    section: str
    """The license section, or `-`."""
    missing: bool
    """The finding is about a file that does not exist (`file` names what to add)."""


class CharIssueJSON(TypedDict):
    index: int
    char: str
    codepoint: str
    description: str
    reason: str
    looks_like: str | None


class NameFindingJSON(TypedDict):
    rule: str
    severity: Literal["error", "warning"]
    section: str
    message: str
    characters: list[CharIssueJSON]


class NameResultJSON(TypedDict):
    """The judgement of one name."""

    input: str
    name: str
    status: Literal["pass", "warning", "violation"]
    rule: str
    section: str
    message: str
    suggestion: str
    findings: list[NameFindingJSON]


NameSummaryJSON = TypedDict("NameSummaryJSON", {"pass": int, "warning": int, "violation": int})


class NameCheckJSON(TypedDict):
    results: list[NameResultJSON]
    summary: NameSummaryJSON
    """How many names have each status."""


class NotCheckedJSON(TypedDict):
    rule: str
    reason: str


class RepoReportJSON(TypedDict):
    """A model repository (or card) checked against the license duties."""

    path: str
    kind: Literal["directory", "card"]
    ok: bool
    findings: list[FindingJSON]
    names: list[NameResultJSON]
    checked_rules: list[str]
    passed_rules: list[str]
    """Checked rules with no finding."""
    noted_rules: list[str]
    """Checked rules whose findings are all notes (advice that never fails a check): not passed, not failed."""
    not_checked: list[NotCheckedJSON]


class QuoteReportJSON(TypedDict):
    """Every quote checked against local copies of its source."""

    total: int
    checked: int
    failed: int
    skipped: int
    """Quotes not checked because their source has no local copy."""
    images: int
    """Quotes not checked because they are read from an image."""
    coverage: float
    """The share of all quotes checked (0 to 1)."""
    text_coverage: float
    """The share of the quotes a text copy can hold (all but those read from images) that were checked."""
    matched_sources: dict[str, str]
    missing_sources: list[str]
    unchecked: dict[str, dict[str, int]]
    """Source id → {reason: number of quotes left unchecked}."""
    diagnostics: list[str]


class QuoteVerificationJSON(QuoteReportJSON):
    drift: list[str]
    """With `--fetch`: sources fetched whose file differs from the pinned checksum (sha256 lock)."""
    not_fetched: list[str]
    """With `--fetch`: sources whose download failed (so neither their lock nor their quotes were checked against it)."""


class ReleaseJSON(TypedDict):
    package: str
    version: str
    wheel: str
    sha256: str
    published: str | None
    llama4_entries: int


class ChangeJSON(TypedDict):
    """One difference between the release and the records."""

    kind: str
    """The kind of change (see docs/maintaining.md)."""
    key: str
    path: str | None
    field: str | None
    old: Any
    new: Any
    detail: str | None
    files: list[str]


class RefreshJSON(TypedDict):
    """The difference between a baseline LiteLLM release and a new one, as it touches the records."""

    baseline: ReleaseJSON
    new: ReleaseJSON
    changed: bool
    summary: dict[str, int]
    """Number of changes of each kind, and of confirmed values."""
    changes: list[ChangeJSON]
    confirmed: list[str]
    """Fact paths whose values the new release repeats."""


class SearchHitJSON(TypedDict):
    path: str
    score: float
    matched: list[str]
    """The fields the words were found in."""
    snippet: str | None
    """The passage that matched, the query's words marked with \\x02 … \\x03 (null when none)."""
    fact: FactJSON


class SegmentJSON(TypedDict):
    text: str
    kind: str
    """`token` or `layout` (from a record), or `example` (placeholder text)."""
    path: str | None


class TokenJSON(TypedDict):
    token: str
    id: int | None
    """The token's id, when the records hold it."""
    meaning: str


class WorkedPromptJSON(TypedDict):
    prompt: str
    segments: list[SegmentJSON]
    paths: list[str]
    """The fact paths the prompt is built from."""


class PromptJSON(WorkedPromptJSON):
    """A worked prompt in the chat format, segment by segment."""

    tokens: list[TokenJSON]
    """The special tokens it uses, with their ids and meaning."""
