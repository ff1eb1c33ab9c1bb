"""Shared field types for the record models."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError


class Record(BaseModel):
    """Base of every stored model: strict types, unknown fields forbidden, immutable."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


def _iso_date(value: Any) -> Any:
    # Policy: the YAML loader never converts dates, so a date arrives as a string and must
    # be exactly YYYY-MM-DD. date objects are accepted for programmatic construction.
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date written YYYY-MM-DD, got {value!r}")


IsoDate = Annotated[date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})]
RecordId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$", max_length=80)]
FactKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+(?:\.[a-z0-9_]+)*$", max_length=120)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


def _one_line(value: str) -> str:
    # The loader lets a line feed through (a | block, a \n escape) for multi-line prose and
    # fact values; titles, names, locators and quotes are shown on one line, so they hold none.
    if "\n" in value:
        raise PydanticCustomError("one_line", "must be one line: no line breaks")
    return value


OneLine = AfterValidator(_one_line)
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300), OneLine]
Quote = Annotated[str, StringConstraints(min_length=1, max_length=240), OneLine]
Scalar = str | int | float | bool

Bound = Literal["exact", "approximately", "less_than", "at_most", "more_than", "at_least"]
Rank = Literal["alternative", "rounded", "superseded", "disputed", "deprecated"]
Tier = Literal["first-party", "implementation", "third-party"]
