"""A document the knowledge base cites, pinned to one version."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from llama4ref.models.common import IsoDate, Record, RecordId, ShortText, Text, Tier

SourceKind = Literal[
    "model-card",
    "license",
    "policy",
    "blog-post",
    "code",
    "config",
    "docs",
    "paper",
    "catalog",
    "measurement",
    "discussion",
]


class SourceVersion(Record):
    """How the cited version is pinned: a commit, a publication date, or a package release."""

    commit: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{7,40}$")] | None = None
    published: IsoDate | None = None
    release: ShortText | None = None

    @model_validator(mode="after")
    def _pinned(self) -> SourceVersion:
        if self.commit is None and self.published is None and self.release is None:
            raise ValueError("a source version needs at least one of commit, published, release")
        return self


class Source(Record):
    """One cited document."""

    id: RecordId
    title: ShortText
    publisher: ShortText
    kind: SourceKind
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    repo: Annotated[str, StringConstraints(pattern=r"^[\w.-]+/[\w.-]+$")] | None = None
    path: ShortText | None = None
    version: SourceVersion
    retrieved: IsoDate
    tier: Tier
    note: Text | None = None
    authors: list[ShortText] = Field(default_factory=list)

    def pin(self) -> str:
        """A short human form of the pinned version."""
        from llama4ref.formatting import pin_text

        return pin_text(self.version.commit, self.version.release, self.version.published)
