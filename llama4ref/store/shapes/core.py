"""The shapes of the knowledge answers: facts, citations, variants, sources, overviews, diffs, resolutions."""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict

Bound = Literal["exact", "approximately", "less_than", "at_most", "more_than", "at_least"]
Rank = Literal["alternative", "rounded", "superseded", "disputed", "deprecated"]
Scalar = str | int | float | bool


class CitationJSON(TypedDict):
    """Where a source states a value."""

    source: str
    """The source record's id (see `sources`)."""
    locator: str
    """Where in the source: section, table, line."""
    quote: str
    """A short verbatim quote, exact characters."""
    as_of: str | None
    """The date the source states the value for (YYYY-MM-DD), when it differs from the source's."""
    note: str | None
    medium: str
    """`text`, or e.g. `image` when the quote is read from a figure."""
    conversion: str | None
    """How the stored value was converted from the quoted one, when it was."""


class AlternativeJSON(TypedDict):
    """A value some source gives that is not the preferred one."""

    value: Any
    bound: Bound
    rank: Rank
    reason: str
    """Why it is not the preferred value."""
    citations: list[CitationJSON]
    id: str | None
    superseded_by: str | None
    note: str | None


class ConflictSideJSON(TypedDict):
    """One value in a disagreement between sources."""

    value: Any
    display: str
    """The value as a person reads it."""
    rank: Literal["preferred", "alternative", "rounded", "superseded", "disputed", "deprecated"]
    """`preferred` for the value the records stand by; else the alternative's rank."""
    reason: str | None
    """Why an alternative is not preferred; null for the preferred value."""
    sources: list[str]
    """The ids of the sources that give this value (see `sources`)."""


class ConflictJSON(TypedDict):
    """A fact whose sources disagree: the preferred value, then each ranked alternative."""

    path: str
    unit: str
    preferred: ConflictSideJSON
    alternatives: list[ConflictSideJSON]
    note: str | None
    """The fact's note, which often says how the disagreement is settled."""
    file: str | None
    """`file:line` where the fact is written."""


class FactJSON(TypedDict):
    """A fact: its preferred value, unit, citations and alternatives; derived facts name their inputs."""

    path: str
    """Dotted path, e.g. `scout.context_window.instruct`."""
    value: Any
    """The preferred value, in base units (parameters, tokens, …)."""
    unit: str
    """One of the units in docs/contributing.md (`parameters`, `tokens`, `count`, …)."""
    bound: Bound
    """How the value bounds the truth (`exact`, `at_most`, …)."""
    citations: list[CitationJSON]
    alternatives: list[AlternativeJSON]
    """Values other sources give, ranked."""
    qualifiers: dict[str, Scalar]
    """Scalar context (benchmark, shots, metric, …)."""
    note: str | None
    record: str | None
    """The record the fact is written in (a license term's fact: `license_terms/<id>`); null for a derived fact."""
    file: str | None
    """`file:line` where the fact is written; null for a derived fact."""
    derived: bool
    """Computed from other facts, never stored."""
    formula: str | None
    """For a derived fact: how it is computed."""
    inputs: list[str]
    """For a derived fact: the paths it is computed from."""
    display: str
    """The value as a person reads it (`10,485,760 (10M) tokens`)."""


class VariantJSON(TypedDict):
    """One model of the family."""

    id: str
    name: str
    family: str
    role: str
    aliases: list[str]
    summary: str
    file: str | None


class SourceVersionJSON(TypedDict):
    """How the cited version is pinned."""

    commit: str | None
    published: str | None
    release: str | None
    snapshot: str | None
    undated: bool


class PackageFileJSON(TypedDict):
    """A published package release that ships a cited file as pinned."""

    registry: str
    name: str
    version: str
    path: str
    dist: Literal["wheel", "sdist"]
    """Which file of the release ships it: the wheel, or the source archive (sdist)."""


class ProceedingsJSON(TypedDict):
    """The proceedings a conference paper appears in."""

    title: str
    year: int
    series: str | None
    volume: str | None
    pages: str | None


class SourceJSON(TypedDict):
    """One cited document, pinned to one version (the source record's fields)."""

    id: str
    title: str
    publisher: str
    kind: str
    url: str
    repo: str | None
    path: str | None
    version: SourceVersionJSON
    retrieved: str
    tier: str
    note: str | None
    authors: list[str]
    transcribes: str | None
    read_from: str | None
    sha256: str | None
    package: PackageFileJSON | None
    proceedings: ProceedingsJSON | None
    title_note: str | None
    """Our words that end ``title`` in parentheses, not the work's own title (none when the title is the work's)."""


class SourceBacksJSON(SourceJSON):
    """A source and the facts it backs."""

    backs: list[str]
    """The paths of the facts citing this source."""
    identifiers: list[str]
    """The names of the catalog's identifiers citing this source (``llama4ref resolve``)."""


class OverviewSectionJSON(TypedDict):
    title: str
    facts: list[FactJSON]


class OverviewSourceJSON(TypedDict):
    """A source cited in the overview, with how many of its facts cite it."""

    id: str
    title: str
    tier: str
    version: str
    """The pinned version in short form."""
    url: str
    facts: int


class OverviewJSON(TypedDict):
    """The one-screen summary of a variant (`show`)."""

    variant: VariantJSON
    sections: list[OverviewSectionJSON]
    sources: list[OverviewSourceJSON]
    see_also: list[str]


class DiagnosticJSON(TypedDict):
    file: str
    line: int
    col: int
    code: str
    """A stable code (see docs/contributing.md)."""
    severity: str
    message: str


class ValidationJSON(TypedDict):
    """The outcome of validating a facts tree."""

    root: str
    files: int
    records: int
    facts: int
    ok: bool
    diagnostics: list[DiagnosticJSON]


class ExportSummaryJSON(TypedDict):
    """What an export wrote."""

    format: str
    path: str
    files: list[str]
    rows: dict[str, int]
    """Row count of each table or list."""


class OldNewJSON(TypedDict):
    old: Any
    new: Any


class FactChangeJSON(TypedDict):
    """A fact in both trees whose fields differ (its location is not compared)."""

    path: str
    derived: bool
    changes: dict[str, OldNewJSON]
    """Field name → its old and new value."""
    old: FactJSON
    new: FactJSON


class RecordRefJSON(TypedDict):
    kind: str
    id: str


class RecordChangeJSON(TypedDict):
    kind: str
    id: str
    changes: dict[str, OldNewJSON]


class DiffSummaryJSON(TypedDict):
    facts_added: int
    facts_removed: int
    facts_changed: int
    records_added: int
    records_removed: int
    records_changed: int


class DiffFactsJSON(TypedDict):
    added: list[FactJSON]
    removed: list[FactJSON]
    changed: list[FactChangeJSON]


class DiffRecordsJSON(TypedDict):
    added: list[RecordRefJSON]
    removed: list[RecordRefJSON]
    changed: list[RecordChangeJSON]


class DiffJSON(TypedDict):
    """Every difference between two facts trees."""

    old_version: str
    new_version: str
    summary: DiffSummaryJSON
    facts: DiffFactsJSON
    records: DiffRecordsJSON


class CharNoteJSON(TypedDict):
    """One character that is not what it seems."""

    index: int
    """Position in the name, in code points from 0."""
    char: str
    codepoint: str
    description: str
    """The character's Unicode name."""
    looks_like: str | None
    reason: str


class ResolutionJSON(TypedDict):
    """What an identifier denotes, and how that was established. Only a catalog id spelled
    exactly (after NFC) is `official`; the same id in another ASCII letter case matches but is
    not official. A name that only looks like a catalog id (full-width or mathematical letters,
    Unicode confusables, invisible characters) has `method: lookalike`, `valid: false`, the
    imitated id in `lookalike_of`, and each differing character in `characters`; control,
    invisible and non-ASCII space characters make any name invalid and are listed there too.
    When several publishers use the same string, `publisher` lists them or `reason` names the
    others."""

    input: str
    variant: str | None
    stage: Literal["base", "instruct"] | None
    precision: str | None
    packaging: str | None
    official: bool
    """Only a catalog id spelled exactly (after NFC) is official."""
    valid: bool
    """False when the name denotes no possible Llama 4 model; true does not mean any record knows it (see `verdict`)."""
    method: Literal["alias", "catalog", "provider", "parsed", "lookalike"]
    """`catalog` (a listed name), `provider` (a provider record's model id), `alias`, `parsed`
    (read from the name's parts) or `lookalike`."""
    publisher: str | None
    namespace: str | None
    reason: str | None
    family: str | None
    """`llama-4`, or e.g. `llama-3.1` for a name of another generation (then `variant` is null and `valid` false)."""
    lookalike_of: str | None
    """The catalog id this name imitates without being it, or the catalog namespace (`meta-llama`)
    when only its namespace imitates one."""
    characters: list[CharNoteJSON]
    citations: list[CitationJSON]
    official_id: str | None
    """Meta's official id this name is close to without being it: the same without its org, or in another letter case."""
    verdict: Literal[
        "official", "near-official", "recorded", "model-name", "unrecorded", "official-other", "not-llama-4", "invalid"
    ]
    """`official` (Meta's official Llama 4 id, from the records), `near-official` (see `official_id`),
    `recorded` (another publisher's recorded id), `model-name` (a variant's name or alias), `unrecorded`
    (read from its parts only: no record says it exists), `official-other` (Meta's official id of a
    model that is no Scout or Maverick checkpoint, e.g. Llama Guard 4: `valid` false, `reason` says
    what it is), `not-llama-4` (another model, e.g. Llama 3.1: `valid` false) or `invalid`
    (impossible, a look-alike, hidden characters: `valid` false)."""
