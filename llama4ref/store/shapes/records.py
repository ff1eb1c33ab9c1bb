"""The shapes of records listed as the index stores them (``list sheets``, ``list identifiers``).

These answers are still the index's own dicts, written with their defaults left out, so some
fields may be absent (issue 13 gives them typed answers). An identifier is its record model
plus the fields of its set, so its schema follows the model.
"""

from __future__ import annotations

from typing import NotRequired

from typing_extensions import TypedDict

from llama4ref.records.models.identifiers import Identifier


class SheetJSON(TypedDict):
    """A fact sheet record, without its facts (`list facts --prefix SUBJECT` gives them)."""

    record: str
    """The record's key: `<directory>/<id>`."""
    file: str
    id: str
    kind: str
    """The directory the sheet is in (its topic)."""
    subject: str
    """The path prefix of the sheet's facts."""
    title: str
    note: NotRequired[str]


class IdentifierJSON(Identifier):
    """A published model identifier (fields left at their default are absent), with its set's fields."""

    set: str
    """The identifier set record's id."""
    publisher: str
    namespace: str
