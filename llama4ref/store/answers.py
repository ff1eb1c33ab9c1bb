"""The typed answers the query layer returns: immutable, and cheap to build.

These are named tuples, not pydantic models or dataclasses: the records were validated when
the index was compiled, and a lookup must pay neither for importing pydantic nor for creating
dataclasses (a frozen dataclass costs about 0.6 ms to define; the start-up budget in
``benchmarks/`` has no room for that). Build them with keywords; read their fields by name.
Each answer type mirrors the fields of the record model it comes from (``llama4ref.records.models``);
``tests/test_results.py`` keeps them in step. ``to_json()`` gives the documented JSON shape
(dates as ``YYYY-MM-DD``, every field present).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from pydantic import JsonValue

    from llama4ref.records.models.common import Bound, Rank, Scalar
    from llama4ref.store.shapes.core import (
        AlternativeJSON,
        CitationJSON,
        FactJSON,
        PackageFileJSON,
        SourceJSON,
        SourceVersionJSON,
        VariantJSON,
    )


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


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
    def from_index(cls, raw: dict[str, Any]) -> Citation:
        return cls(
            source=raw["source"],
            locator=raw["locator"],
            quote=raw["quote"],
            as_of=_date(raw.get("as_of")),
            note=raw.get("note"),
            medium=raw.get("medium", "text"),
            conversion=raw.get("conversion"),
        )

    def to_json(self) -> CitationJSON:
        return {
            "source": self.source,
            "locator": self.locator,
            "quote": self.quote,
            "as_of": _iso(self.as_of),
            "note": self.note,
            "medium": self.medium,
            "conversion": self.conversion,
        }


def _citations(raw: dict[str, Any]) -> tuple[Citation, ...]:
    return tuple(Citation.from_index(c) for c in raw.get("citations", ()))


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
    def from_index(cls, raw: dict[str, Any]) -> Alternative:
        return cls(
            value=raw["value"],
            bound=raw.get("bound", "exact"),
            rank=raw["rank"],
            reason=raw["reason"],
            citations=_citations(raw),
            id=raw.get("id"),
            superseded_by=raw.get("superseded_by"),
            note=raw.get("note"),
        )

    def to_json(self) -> AlternativeJSON:
        return {
            "value": self.value,
            "bound": self.bound,
            "rank": self.rank,
            "reason": self.reason,
            "citations": [c.to_json() for c in self.citations],
            "id": self.id,
            "superseded_by": self.superseded_by,
            "note": self.note,
        }


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
    def from_index(cls, path: str, raw: dict[str, Any]) -> Fact:
        """The fact stored at ``path`` from its compiled-index entry."""
        return cls(
            path=path,
            value=raw["value"],
            unit=raw["unit"],
            bound=raw.get("bound", "exact"),
            citations=_citations(raw),
            alternatives=tuple(Alternative.from_index(a) for a in raw.get("alternatives", ())),
            qualifiers=MappingProxyType(dict(raw.get("qualifiers", {}))),
            note=raw.get("note"),
            record=raw.get("record"),
            file=raw.get("file"),
        )

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

    def display(self) -> str:
        """The value as a person reads it: bound sign, digit grouping, unit."""
        from llama4ref.formatting import format_value

        return format_value(self.value, self.unit, self.bound)

    def to_json(self) -> FactJSON:
        """The documented JSON shape of a fact (see docs/json.md)."""
        return {
            "path": self.path,
            "value": self.value,
            "unit": self.unit,
            "bound": self.bound,
            "citations": [c.to_json() for c in self.citations],
            "alternatives": [a.to_json() for a in self.alternatives],
            "qualifiers": dict(self.qualifiers),
            "note": self.note,
            "record": self.record,
            "file": self.file,
            "derived": self.derived,
            "formula": self.formula,
            "inputs": list(self.inputs),
            "display": self.display(),
        }


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
    def from_index(cls, raw: dict[str, Any]) -> VariantInfo:
        return cls(
            id=raw["id"],
            name=raw["name"],
            family=raw["family"],
            role=raw["role"],
            aliases=tuple(raw.get("aliases", ())),
            summary=raw["summary"],
            file=raw.get("file"),
        )

    def to_json(self) -> VariantJSON:
        return {
            "id": self.id,
            "name": self.name,
            "family": self.family,
            "role": self.role,
            "aliases": list(self.aliases),
            "summary": self.summary,
            "file": self.file,
        }


class SourceVersion(NamedTuple):
    """How the cited version is pinned: a commit, a publication date, or a package release."""

    commit: str | None = None
    published: date | None = None
    release: str | None = None
    snapshot: str | None = None

    def to_json(self) -> SourceVersionJSON:
        return {"commit": self.commit, "published": _iso(self.published), "release": self.release, "snapshot": self.snapshot}


class PackageFile(NamedTuple):
    """A published package release that ships a cited file as pinned."""

    registry: str
    name: str
    version: str
    path: str
    dist: Literal["wheel", "sdist"] = "wheel"
    """"wheel", or "sdist" for a file only the source archive ships."""

    def label(self) -> str:
        """How a reader finds the file: ``vllm 0.10.0 sdist (tests/models/registry.py)``."""
        where = " sdist" if self.dist == "sdist" else ""
        return f"{self.name} {self.version}{where} ({self.path})"

    def to_json(self) -> PackageFileJSON:
        return {"registry": self.registry, "name": self.name, "version": self.version, "path": self.path, "dist": self.dist}


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

    @classmethod
    def from_index(cls, raw: dict[str, Any]) -> Source:
        v = raw["version"]
        return cls(
            id=raw["id"],
            title=raw["title"],
            publisher=raw["publisher"],
            kind=raw["kind"],
            url=raw["url"],
            repo=raw.get("repo"),
            path=raw.get("path"),
            version=SourceVersion(
                commit=v.get("commit"), published=_date(v.get("published")), release=v.get("release"), snapshot=v.get("snapshot")
            ),
            retrieved=date.fromisoformat(raw["retrieved"]),
            tier=raw["tier"],
            note=raw.get("note"),
            authors=tuple(raw.get("authors", ())),
            transcribes=raw.get("transcribes"),
            read_from=raw.get("read_from"),
            sha256=raw.get("sha256"),
            package=PackageFile(**({"registry": "pypi"} | raw["package"])) if raw.get("package") else None,
        )

    def pin(self) -> str:
        """A short human form of the pinned version."""
        from llama4ref.formatting import pin_text

        return pin_text(self.version.commit, self.version.release, self.version.published, self.version.snapshot)

    def to_json(self) -> SourceJSON:
        """The documented JSON shape of a source (the record's fields, dates as YYYY-MM-DD)."""
        return {
            "id": self.id,
            "title": self.title,
            "publisher": self.publisher,
            "kind": self.kind,
            "url": self.url,
            "repo": self.repo,
            "path": self.path,
            "version": self.version.to_json(),
            "retrieved": self.retrieved.isoformat(),
            "tier": self.tier,
            "note": self.note,
            "authors": list(self.authors),
            "transcribes": self.transcribes,
            "read_from": self.read_from,
            "sha256": self.sha256,
            "package": None if self.package is None else self.package.to_json(),
        }
