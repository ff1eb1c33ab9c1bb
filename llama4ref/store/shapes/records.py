"""The shapes of the record listings: ``list sheets``, ``list license-terms``, ``list identifiers``.

A license term is printed with every field, like a fact or a source. Sheets and identifiers are
printed as the index stores them: fields left at their default are absent (``NotRequired``) and
an identifier's citations and a sheet's name citations are in that stored form too.
"""

from __future__ import annotations

from typing import Literal, NotRequired

from typing_extensions import TypedDict

from llama4ref.records.models.identifiers import Namespace, Packaging, Precision
from llama4ref.records.models.license_term import Document, TermKind
from llama4ref.store.shapes.core import CitationJSON


class SheetJSON(TypedDict):
    """A fact sheet record, without its facts (`list facts --prefix SUBJECT` gives them)."""

    record: str
    """The record's key: `<directory>/<id>`."""
    file: str
    id: str
    kind: str
    """The directory the sheet is in (its topic)."""
    name: NotRequired[str]
    """What the subject is called when shown (a provider's display name)."""
    name_citations: NotRequired[list[StoredCitationJSON]]
    """The sources that state `name`, where one does."""
    note: NotRequired[str]
    subject: str
    """The path prefix of the sheet's facts."""
    title: str


class LicenseTermJSON(TypedDict):
    """An obligation, permission or restriction, its operative sentence, and how to check it."""

    id: str
    document: Document
    section: str
    kind: TermKind
    title: str
    summary: str
    citations: list[CitationJSON]
    checkable: str | None
    """How a repository can be checked for it, when it can."""
    rule: str | None
    """The id of the `license check` rule that enforces it."""
    related: list[str]
    """Paths of the facts it concerns."""


class StoredCitationJSON(TypedDict):
    """A citation as the index stores it: fields left at their default are absent."""

    as_of: NotRequired[str]
    conversion: NotRequired[str]
    locator: str
    medium: NotRequired[Literal["text", "image"]]
    note: NotRequired[str]
    quote: str
    source: str


class ModelLicenseJSON(TypedDict):
    """The license a published model is under, as its own model card states it."""

    citations: list[StoredCitationJSON]
    id: str
    """The Hugging Face `license:` value (`llama4`)."""


class IdentifierJSON(TypedDict):
    """A published model identifier with its set's fields (fields left at their default are absent)."""

    citations: list[StoredCitationJSON]
    license: NotRequired[ModelLicenseJSON]
    name: str
    namespace: Namespace
    note: NotRequired[str]
    official: NotRequired[bool]
    """Absent when false."""
    packaging: Packaging
    precision: Precision
    publisher: str
    reason: NotRequired[str]
    """Why the name is not valid."""
    set: str
    """The identifier set record's id."""
    stage: Literal["base", "instruct"] | None
    valid: NotRequired[bool]
    """Absent when true."""
    variant: str | None
