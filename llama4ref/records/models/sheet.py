"""A group of facts under one dotted path prefix."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from llama4ref.records.models.common import FactKey, Record, RecordId, ShortText, Text
from llama4ref.records.models.fact import FactSpec

Subject = Annotated[str, StringConstraints(pattern=r"^[a-z0-9](?:[a-z0-9_.-]*[a-z0-9_])?$", max_length=120)]
"""A variant id (which may contain '-' and '.') followed by snake-case segments, or snake-case segments only."""


class FactSheet(Record):
    """Facts whose paths are ``subject`` + ``.`` + key."""

    id: RecordId
    subject: Subject
    title: ShortText
    note: Text | None = None
    facts: dict[FactKey, FactSpec] = Field(min_length=1)
