"""One clause of the Llama 4 Community License or the Acceptable Use Policy."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from llama4ref.records.models.common import FactKey, Record, RecordId, ShortText, Text
from llama4ref.records.models.fact import Citation

Document = Literal["llama-4-community-license", "acceptable-use-policy"]
TermKind = Literal["obligation", "permission", "restriction", "condition", "termination", "notice", "other"]


class LicenseTerm(Record):
    """An obligation, permission or restriction, its operative sentence, and how to check it."""

    id: RecordId
    document: Document
    section: ShortText
    kind: TermKind
    title: ShortText
    summary: Text
    citations: list[Citation] = Field(min_length=1)
    checkable: Text | None = None
    rule: ShortText | None = None
    related: list[FactKey] = Field(default_factory=list)
