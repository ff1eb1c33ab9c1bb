"""A stored fact: a preferred value, its citations, and ranked alternatives."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, JsonValue, StringConstraints, field_validator

from llama4ref.records.models.common import (
    Bound,
    IsoDate,
    Quote,
    Rank,
    Record,
    RecordId,
    Scalar,
    ShortText,
    Text,
)
from llama4ref.records.units import Unit

ClaimId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_-]+$", max_length=40)]


Medium = Literal["text", "image"]
"""How the quoted words appear in the source: as text, or inside an image (a table or chart drawn
as a picture), where no text copy of the source holds them and no quote check can reach them."""


class Citation(Record):
    """Where a source states a value: source id, locator and a short verbatim quote."""

    source: RecordId
    locator: ShortText
    quote: Quote
    as_of: IsoDate | None = None
    note: Text | None = None
    medium: Medium = "text"
    conversion: Text | None = None
    """How the fact's value is read from this quote when it is not written there in the fact's
    unit and scale (e.g. "10M label; 10,485,760 in the released config")."""


def _not_null(value: Any) -> Any:
    if value is None:
        raise ValueError("no preferred value: `value` is null")
    return value


class Alternative(Record):
    """A value some source gives that is not the preferred one, with its rank and reason."""

    value: JsonValue
    bound: Bound = "exact"
    rank: Rank
    reason: Text
    citations: list[Citation] = Field(min_length=1)
    id: ClaimId | None = None
    superseded_by: ClaimId | None = None
    note: Text | None = None

    _check_value = field_validator("value")(_not_null)


class FactSpec(Record):
    """A fact as written in a record under ``facts:``."""

    value: JsonValue
    unit: Unit
    bound: Bound = "exact"
    citations: list[Citation] = Field(min_length=1)
    qualifiers: dict[Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$")], Scalar] = Field(default_factory=dict)
    note: Text | None = None
    alternatives: list[Alternative] = Field(default_factory=list)

    _check_value = field_validator("value")(_not_null)
