"""The typed answers the query layer returns (immutable)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from llama4ref.models import Alternative, Citation
from llama4ref.models.common import Bound, Scalar


class Fact(BaseModel):
    """A fact with its value, unit, citations and alternatives; derived facts name their inputs."""

    model_config = ConfigDict(frozen=True)

    path: str
    value: JsonValue
    unit: str
    bound: Bound = "exact"
    citations: tuple[Citation, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    qualifiers: dict[str, Scalar] = Field(default_factory=dict)
    note: str | None = None
    record: str | None = None
    file: str | None = None
    derived: bool = False
    formula: str | None = None
    inputs: tuple[str, ...] = ()

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

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape of a fact (see docs/json.md)."""
        data: dict[str, Any] = self.model_dump(mode="json")
        data["display"] = self.display()
        return data


class VariantInfo(BaseModel):
    """Identity of one model; its facts are reached with :func:`llama4ref.get`."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    family: str
    role: str
    aliases: tuple[str, ...] = ()
    summary: str
    file: str | None = None
