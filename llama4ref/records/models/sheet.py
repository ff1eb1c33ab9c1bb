"""A group of facts under one dotted path prefix."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from llama4ref.records.models.common import FactKey, Record, RecordId, ShortText, Text
from llama4ref.records.models.fact import Citation, FactSpec

Subject = Annotated[str, StringConstraints(pattern=r"^[a-z0-9](?:[a-z0-9_.-]*[a-z0-9_])?$", max_length=120)]
"""A variant id (which may contain '-' and '.') followed by snake-case segments, or snake-case segments only."""


class DisplayName(Record):
    """What the sheet's subject is called when it is shown (a provider's name in ``llama4ref
    providers``), with a short verbatim quote of a source the record cites that writes it; where
    no such source writes it, ``note`` says where the name comes from."""

    value: ShortText
    citations: list[Citation] = Field(default_factory=list)
    note: Text | None = None

    @model_validator(mode="after")
    def _sourced(self) -> DisplayName:
        if not self.citations and not self.note:
            raise ValueError("a name with no citation must say in `note` where it comes from")
        return self


class FactSheet(Record):
    """Facts whose paths are ``subject`` + ``.`` + key."""

    id: RecordId
    subject: Subject
    title: ShortText
    note: Text | None = None
    name: DisplayName | None = None
    facts: dict[FactKey, FactSpec] = Field(min_length=1)
