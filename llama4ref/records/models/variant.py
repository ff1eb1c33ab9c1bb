"""A model: a Llama 4 variant, or a model the sources compare it with."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from llama4ref.records.models.common import FactKey, Record, RecordId, ShortText, Text
from llama4ref.records.models.fact import FactSpec


class Variant(Record):
    """Identity, aliases and headline facts of one model; its facts' subject is its id."""

    id: RecordId
    name: ShortText
    family: RecordId
    role: Literal["released", "preview", "comparison"]
    aliases: list[ShortText] = Field(default_factory=list)
    summary: Text
    facts: dict[FactKey, FactSpec] = Field(default_factory=dict)
