"""The typed answers the query layer returns: immutable, and cheap to build.

These are named tuples, not pydantic models or dataclasses: the records were validated when
the index was compiled, and a lookup must pay neither for importing pydantic nor for creating
dataclasses (a frozen dataclass costs about 0.6 ms to define; the start-up budget in
``benchmarks/`` has no room for that). Build them with keywords; read their fields by name.
Each answer type mirrors the fields of the record model it comes from (``llama4ref.records.models``).

Every answer is read from the index and written as JSON by the same reader and writer, made
from its fields (:mod:`llama4ref.store.codec`): ``from_index`` is :func:`~llama4ref.store.codec.build`,
``to_json`` is :func:`~llama4ref.store.codec.as_json`, and ``declare(...)`` after each class names
the fields that are not held as their JSON (dates, nested answers). ``to_json()`` returns the
answer's documented shape (:mod:`llama4ref.store.shapes`): every field, dates as ``YYYY-MM-DD``;
the records ``list sheets`` and ``list identifiers`` print as the index stores them
(:func:`~llama4ref.store.codec.as_stored`: fields at their default left out, keys sorted).
``tests/test_results.py`` checks each answer against its record model and its shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

from llama4ref.store.codec import DATE, MAPPING, TUPLE, as_json, as_stored, build, declare, many, maybe

if TYPE_CHECKING:
    from pydantic import JsonValue

    from llama4ref.records.models.common import Bound, Rank, Scalar
    from llama4ref.records.models.identifiers import Namespace, Packaging, Precision
    from llama4ref.records.models.license_term import Document, TermKind
    from llama4ref.store.shapes.core import (
        AlternativeJSON,
        CitationJSON,
        FactJSON,
        PackageFileJSON,
        ProceedingsJSON,
        SourceJSON,
        SourceVersionJSON,
        VariantJSON,
    )
    from llama4ref.store.shapes.records import IdentifierJSON, LicenseTermJSON, SheetJSON

_NO_QUALIFIERS: Mapping[str, Any] = MappingProxyType({})


class Citation(NamedTuple):
    """Where a source states a value: source id, locator and a short verbatim quote."""

    source: str
    locator: str
    quote: str
    as_of: date | None = None
    note: str | None = None
    medium: str = "text"
    conversion: str | None = None

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> Citation:
        return build(cls, raw)

    def to_json(self) -> CitationJSON:
        return cast("CitationJSON", as_json(self))


declare(Citation, as_of=DATE)


class Alternative(NamedTuple):
    """A value some source gives that is not the preferred one, with its rank and reason."""

    value: JsonValue
    rank: Rank
    reason: str
    citations: tuple[Citation, ...] = ()
    bound: Bound = "exact"
    id: str | None = None
    superseded_by: str | None = None
    note: str | None = None

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> Alternative:
        return build(cls, raw)

    def to_json(self) -> AlternativeJSON:
        order = ("value", "bound", "rank", "reason", "citations", "id", "superseded_by", "note")
        return cast("AlternativeJSON", as_json(self, order))


declare(Alternative, citations=many(Citation))


class Fact(NamedTuple):
    """A fact with its value, unit, citations and alternatives; derived facts name their inputs."""

    path: str
    value: JsonValue
    unit: str
    bound: Bound = "exact"
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    qualifiers: Mapping[str, Scalar] = _NO_QUALIFIERS
    note: str | None = None
    record: str | None = None
    file: str | None = None
    derived: bool = False
    formula: str | None = None
    inputs: tuple[str, ...] = ()

    @classmethod
    def from_index(cls, path: str, raw: Mapping[str, Any]) -> Fact:
        """The fact stored at ``path`` from its compiled-index entry."""
        return build(cls, {**raw, "path": path})

    def as_int(self) -> int:
        """The value as an integer; raises TypeError when it is not one."""
        if isinstance(self.value, int) and not isinstance(self.value, bool):
            return self.value
        raise TypeError(f"{self.path} is not an integer: {self.value!r}")

    def as_float(self) -> float:
        """The value as a number; raises TypeError when it is not one."""
        if isinstance(self.value, (int, float)) and not isinstance(self.value, bool):
            return float(self.value)
        raise TypeError(f"{self.path} is not a number: {self.value!r}")

    def display(self, decimals: int | None = None) -> str:
        """The value as a person reads it: bound sign, digit grouping, unit (a float to
        ``decimals`` places when given)."""
        from llama4ref.formatting import format_value

        return format_value(self.value, self.unit, self.bound, decimals)

    def to_json(self) -> FactJSON:
        """The documented JSON shape of a fact (see docs/json.md): every field, and ``display``."""
        data = as_json(self)
        data["display"] = self.display()
        return cast("FactJSON", data)


declare(Fact, citations=many(Citation), alternatives=many(Alternative), qualifiers=MAPPING, inputs=TUPLE)


class VariantInfo(NamedTuple):
    """Identity of one model; its facts are reached with :func:`llama4ref.get`."""

    id: str
    name: str
    family: str
    role: str
    summary: str
    aliases: tuple[str, ...] = ()
    file: str | None = None

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> VariantInfo:
        return build(cls, raw)

    def to_json(self) -> VariantJSON:
        return cast("VariantJSON", as_json(self, ("id", "name", "family", "role", "aliases", "summary", "file")))


declare(VariantInfo, aliases=TUPLE)


class SourceVersion(NamedTuple):
    """How the cited version is pinned: a commit, a publication date, or a package release."""

    commit: str | None = None
    published: date | None = None
    release: str | None = None
    snapshot: str | None = None
    undated: bool = False
    """The document shows neither a version nor a date."""

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> SourceVersion:
        return build(cls, raw)

    def pin(self) -> str:
        """A short human form of the pinned version (the one implementation; ``Source.pin`` asks it)."""
        from llama4ref.formatting import pin_text

        return pin_text(self.commit, self.release, self.published, self.snapshot) if not self.undated else "undated"

    def to_json(self) -> SourceVersionJSON:
        return cast("SourceVersionJSON", as_json(self))


declare(SourceVersion, published=DATE)


class PackageFile(NamedTuple):
    """A published package release that ships a cited file as pinned."""

    name: str
    version: str
    path: str
    registry: str = "pypi"
    dist: Literal["wheel", "sdist"] = "wheel"
    """"wheel", or "sdist" for a file only the source archive ships."""

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> PackageFile:
        return build(cls, raw)

    def label(self) -> str:
        """How a reader finds the file: ``vllm 0.10.0 sdist (tests/models/registry.py)``."""
        where = " sdist" if self.dist == "sdist" else ""
        return f"{self.name} {self.version}{where} ({self.path})"

    def to_json(self) -> PackageFileJSON:
        return cast("PackageFileJSON", as_json(self, ("registry", "name", "version", "path", "dist")))


class Proceedings(NamedTuple):
    """The proceedings a conference paper appears in."""

    title: str
    year: int
    series: str | None = None
    volume: str | None = None
    pages: str | None = None

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> Proceedings:
        return build(cls, raw)

    def to_json(self) -> ProceedingsJSON:
        return cast("ProceedingsJSON", as_json(self))


class Source(NamedTuple):
    """One cited document, pinned to one version."""

    id: str
    title: str
    publisher: str
    kind: str
    url: str
    version: SourceVersion
    retrieved: date
    tier: str
    repo: str | None = None
    path: str | None = None
    note: str | None = None
    authors: tuple[str, ...] = ()
    transcribes: str | None = None
    read_from: str | None = None
    sha256: str | None = None
    package: PackageFile | None = None
    proceedings: Proceedings | None = None
    title_note: str | None = None

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> Source:
        return build(cls, raw)

    def pin(self) -> str:
        """A short human form of the pinned version."""
        return self.version.pin()

    @property
    def work_title(self) -> str:
        """The work's own title: :attr:`title` without our words in parentheses (:attr:`title_note`)."""
        return self.title.removesuffix(f" ({self.title_note})") if self.title_note else self.title

    def to_json(self) -> SourceJSON:
        """The documented JSON shape of a source (the record's fields, dates as YYYY-MM-DD)."""
        order = ("id", "title", "publisher", "kind", "url", "repo", "path", "version", "retrieved", "tier", "note")
        return cast(
            "SourceJSON",
            as_json(self, (*order, "authors", "transcribes", "read_from", "sha256", "package", "proceedings", "title_note")),
        )


declare(
    Source,
    version=maybe(SourceVersion),
    retrieved=DATE,
    authors=TUPLE,
    package=maybe(PackageFile),
    proceedings=maybe(Proceedings),
)


class Sheet(NamedTuple):
    """A fact sheet record without its facts (``kb.facts(sheet.subject)`` gives them)."""

    record: str
    """The record's key: ``<directory>/<id>``."""
    id: str
    kind: str
    """The directory the sheet is in (its topic)."""
    subject: str
    title: str
    note: str | None = None
    file: str | None = None
    name: str | None = None
    """What the subject is called when shown (a provider's display name), from the record's ``name``."""
    name_citations: tuple[Citation, ...] = ()
    """The sources of ``name``, where a source states it (else the record's note says where it comes from)."""

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> Sheet:
        """The sheet from its index entry, its key given as ``record``."""
        return build(cls, raw)

    def to_json(self) -> SheetJSON:
        """The sheet as ``list sheets --json`` prints it: ``record``, then the stored fields."""
        return cast("SheetJSON", as_stored(self, first="record"))


declare(Sheet, name_citations=many(Citation))


class LicenseTerm(NamedTuple):
    """One clause of the Llama 4 Community License or the Acceptable Use Policy: an obligation,
    permission or restriction, its operative sentence, and how to check it."""

    id: str
    document: Document
    section: str
    kind: TermKind
    title: str
    summary: str
    citations: tuple[Citation, ...]
    checkable: str | None = None
    rule: str | None = None
    related: tuple[str, ...] = ()

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> LicenseTerm:
        return build(cls, raw)

    def to_json(self) -> LicenseTermJSON:
        return cast("LicenseTermJSON", as_json(self))


declare(LicenseTerm, citations=many(Citation), related=TUPLE)


class ModelLicense(NamedTuple):
    """The license a published model is under, as its own model card states (``id``: ``llama4``)."""

    id: str
    citations: tuple[Citation, ...]

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> ModelLicense:
        return build(cls, raw)


declare(ModelLicense, citations=many(Citation))


class Identifier(NamedTuple):
    """One published identifier, what it denotes, and the set (publisher) that lists it."""

    name: str
    variant: str | None
    stage: Literal["base", "instruct"] | None
    precision: Precision
    packaging: Packaging
    citations: tuple[Citation, ...]
    set: str
    """The identifier set record's id."""
    publisher: str
    namespace: Namespace
    official: bool = False
    valid: bool = True
    reason: str | None = None
    note: str | None = None
    license: ModelLicense | None = None

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> Identifier:
        return build(cls, raw)

    @property
    def key(self) -> str:
        """The catalog key, ``<set>:<name>`` (one name may be listed by several sets)."""
        return f"{self.set}:{self.name}"

    def to_json(self) -> IdentifierJSON:
        """The identifier as the index stores it: fields at their default left out, keys sorted."""
        return cast("IdentifierJSON", as_stored(self))


declare(Identifier, citations=many(Citation), license=maybe(ModelLicense))
