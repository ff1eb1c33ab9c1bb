"""The typed answers the query layer returns: immutable, and cheap to build.

These are named tuples, not pydantic models or dataclasses: the records were validated when
the index was compiled, and a lookup must pay neither for importing pydantic nor for creating
dataclasses (a frozen dataclass costs about 0.6 ms to define; the start-up budget in
``benchmarks/`` has no room for that). Build them with keywords; read their fields by name.
Each answer type mirrors the fields of the record model it comes from (``llama4ref.records.models``).

Every answer is read from the index and written as JSON by the same two functions, driven by
its fields: :func:`_build` (``from_index``) and :func:`_as_json` (``to_json``). ``to_json()``
returns the answer's documented shape (:mod:`llama4ref.store.shapes`): every field, dates as
``YYYY-MM-DD``; the records ``list sheets`` and ``list identifiers`` print as the index stores
them (:func:`_as_stored`: fields at their default left out, keys sorted).
``tests/test_results.py`` checks each answer against its record model and its shape.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeVar, cast

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
        SourceJSON,
        SourceVersionJSON,
        VariantJSON,
    )
    from llama4ref.store.shapes.records import IdentifierJSON, LicenseTermJSON, SheetJSON

_T = TypeVar("_T")


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]
"""How one field is read from the index (or JSON) and written back as JSON."""

_DATE: Codec = (_date, _iso)
_TUPLE: Codec = (tuple, list)
_MAPPING: Codec = (lambda raw: MappingProxyType(dict(raw)), dict)


def _many(answer: Any) -> Codec:
    """A tuple of nested answers (a JSON list of their shapes)."""
    return (lambda raw: tuple(answer.from_index(x) for x in raw), lambda value: [x.to_json() for x in value])


def _maybe(answer: Any) -> Codec:
    """A nested answer or None."""
    return (
        lambda raw: None if raw is None else answer.from_index(raw),
        lambda value: None if value is None else value.to_json(),
    )


_CODECS: dict[type, dict[str, Codec]] = {}
"""The fields of each answer type that are not written in JSON as they are held (see :func:`_codecs`)."""


def _codecs(answer: type, **fields: Codec) -> None:
    """Declare how the fields of ``answer`` that are not JSON as held are read and written."""
    _CODECS[answer] = fields


_READERS: dict[type, Callable[[Mapping[str, Any]], Any]] = {}


def _build(cls: Callable[..., _T], raw: Mapping[str, Any]) -> _T:
    """An answer from its index (or JSON) form: every field of ``cls`` that ``raw`` holds, read
    through its codec when it has one; absent fields take their defaults; other keys are ignored."""
    read = _READERS.get(cls) or _reader(cls)  # type: ignore[call-overload]
    answer: _T = read(raw)
    return answer


def _reader(cls: Any) -> Callable[[Mapping[str, Any]], Any]:
    """The function that builds a ``cls`` from a mapping, made once per type: each field read by
    name (its default when absent), through its codec if it has one."""
    codecs = _CODECS.get(cls, {})
    defaults: Mapping[str, Any] = cls._field_defaults
    env: dict[str, Any] = {"new": tuple.__new__, "cls": cls}
    items = []
    for name in cls._fields:
        got = f"raw[{name!r}]"
        if name in codecs:
            env[f"read_{name}"] = codecs[name][0]
            got = f"read_{name}({got})"
        if name in defaults:
            env[f"default_{name}"] = defaults[name]
            got = f"({got} if {name!r} in raw else default_{name})"
        items.append(got)
    exec(f"def read(raw):\n    return new(cls, ({', '.join(items)},))\n", env)  # our own field names only
    read: Callable[[Mapping[str, Any]], Any] = env["read"]
    _READERS[cls] = read
    return read


_WRITERS: dict[tuple[type, tuple[str, ...] | None], Callable[[Any], Any]] = {}


def _writer(cls: Any, order: tuple[str, ...] | None) -> Callable[[Any], Any]:
    """The function that writes a ``cls`` as JSON, made once per type and field order: one dict
    display naming every field, each read by position and written through its codec if it has
    one (as fast as writing it out by hand, which is what it does)."""
    codecs = _CODECS.get(cls, {})
    fields: tuple[str, ...] = cls._fields
    env: dict[str, Any] = {}
    items = []
    for name in order or fields:
        i = fields.index(name)
        if name in codecs:
            env[f"write_{name}"] = codecs[name][1]
            items.append(f"{name!r}: write_{name}(answer[{i}])")
        else:
            items.append(f"{name!r}: answer[{i}]")
    exec(f"def write(answer):\n    return {{{', '.join(items)}}}\n", env)  # our own field names only
    write: Callable[[Any], Any] = env["write"]
    _WRITERS[(cls, order)] = write
    return write


def _as_json(answer: Any, order: tuple[str, ...] | None = None) -> Any:
    """Every field of ``answer`` as JSON (written through its codec when it has one), in
    ``order`` or else field order."""
    write = _WRITERS.get((type(answer), order)) or _writer(type(answer), order)
    return write(answer)


def _plain(value: Any) -> Any:
    if type(value) is date:
        return value.isoformat()
    if type(value) is MappingProxyType:
        return dict(value)
    return value


def _stored(value: Any) -> Any:
    if type(value) is tuple:
        return [_stored(v) for v in value]
    if isinstance(value, tuple):  # a nested answer
        return _as_stored(value)
    return _plain(value)


def _as_stored(answer: Any, *, first: str | None = None) -> Any:
    """``answer`` as the index stores it: fields at their default left out, keys sorted
    (``first``, when given, comes before the others)."""
    defaults: Mapping[str, Any] = answer._field_defaults
    out = {} if first is None else {first: getattr(answer, first)}
    for name in sorted(answer._fields):
        value = getattr(answer, name)
        if name != first and not (name in defaults and value == defaults[name]):
            out[name] = _stored(value)
    return out


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
        return _build(cls, raw)

    def to_json(self) -> CitationJSON:
        return cast("CitationJSON", _as_json(self))


_codecs(Citation, as_of=_DATE)


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
        return _build(cls, raw)

    def to_json(self) -> AlternativeJSON:
        order = ("value", "bound", "rank", "reason", "citations", "id", "superseded_by", "note")
        return cast("AlternativeJSON", _as_json(self, order))


_codecs(Alternative, citations=_many(Citation))


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
        return _build(cls, {**raw, "path": path})

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
        """The documented JSON shape of a fact (see docs/json.md): every field, and ``display``."""
        data = _as_json(self)
        data["display"] = self.display()
        return cast("FactJSON", data)


_codecs(Fact, citations=_many(Citation), alternatives=_many(Alternative), qualifiers=_MAPPING, inputs=_TUPLE)


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
        return _build(cls, raw)

    def to_json(self) -> VariantJSON:
        return cast("VariantJSON", _as_json(self, ("id", "name", "family", "role", "aliases", "summary", "file")))


_codecs(VariantInfo, aliases=_TUPLE)


class SourceVersion(NamedTuple):
    """How the cited version is pinned: a commit, a publication date, or a package release."""

    commit: str | None = None
    published: date | None = None
    release: str | None = None
    snapshot: str | None = None

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> SourceVersion:
        return _build(cls, raw)

    def pin(self) -> str:
        """A short human form of the pinned version (the one implementation; ``Source.pin`` asks it)."""
        from llama4ref.formatting import pin_text

        return pin_text(self.commit, self.release, self.published, self.snapshot)

    def to_json(self) -> SourceVersionJSON:
        return cast("SourceVersionJSON", _as_json(self))


_codecs(SourceVersion, published=_DATE)


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
        return _build(cls, raw)

    def label(self) -> str:
        """How a reader finds the file: ``vllm 0.10.0 sdist (tests/models/registry.py)``."""
        where = " sdist" if self.dist == "sdist" else ""
        return f"{self.name} {self.version}{where} ({self.path})"

    def to_json(self) -> PackageFileJSON:
        return cast("PackageFileJSON", _as_json(self, ("registry", "name", "version", "path", "dist")))


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
    def from_index(cls, raw: Mapping[str, Any]) -> Source:
        return _build(cls, raw)

    def pin(self) -> str:
        """A short human form of the pinned version."""
        return self.version.pin()

    def to_json(self) -> SourceJSON:
        """The documented JSON shape of a source (the record's fields, dates as YYYY-MM-DD)."""
        order = ("id", "title", "publisher", "kind", "url", "repo", "path", "version", "retrieved", "tier", "note")
        return cast("SourceJSON", _as_json(self, (*order, "authors", "transcribes", "read_from", "sha256", "package")))


_codecs(Source, version=_maybe(SourceVersion), retrieved=_DATE, authors=_TUPLE, package=_maybe(PackageFile))


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

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> Sheet:
        """The sheet from its index entry, its key given as ``record``."""
        return _build(cls, raw)

    def to_json(self) -> SheetJSON:
        """The sheet as ``list sheets --json`` prints it: ``record``, then the stored fields."""
        return cast("SheetJSON", _as_stored(self, first="record"))


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
        return _build(cls, raw)

    def to_json(self) -> LicenseTermJSON:
        return cast("LicenseTermJSON", _as_json(self))


_codecs(LicenseTerm, citations=_many(Citation), related=_TUPLE)


class ModelLicense(NamedTuple):
    """The license a published model is under, as its own model card states (``id``: ``llama4``)."""

    id: str
    citations: tuple[Citation, ...]

    @classmethod
    def from_index(cls, raw: Mapping[str, Any]) -> ModelLicense:
        return _build(cls, raw)


_codecs(ModelLicense, citations=_many(Citation))


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
        return _build(cls, raw)

    @property
    def key(self) -> str:
        """The catalog key, ``<set>:<name>`` (one name may be listed by several sets)."""
        return f"{self.set}:{self.name}"

    def to_json(self) -> IdentifierJSON:
        """The identifier as the index stores it: fields at their default left out, keys sorted."""
        return cast("IdentifierJSON", _as_stored(self))


_codecs(Identifier, citations=_many(Citation), license=_maybe(ModelLicense))
