"""A document the knowledge base cites, pinned to one version."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from llama4ref.records.models.common import IsoDate, Record, RecordId, ShortText, Text, Tier

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
    "transcription",
]


class SourceVersion(Record):
    """How the cited version is pinned: a commit, a publication date, a package release, or, for a
    copy with no public version, the identifier of the snapshot that was read; ``undated: true``
    when the document shows no version and no date at all (never a made-up name for that)."""

    commit: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{7,40}$")] | None = None
    published: IsoDate | None = None
    release: ShortText | None = None
    snapshot: ShortText | None = None
    undated: bool = False
    """True for a page that shows neither a version nor a date: the version cited is the text as
    read on the source's ``retrieved`` day (``read_from`` says where when not at its address)."""

    @model_validator(mode="after")
    def _pinned(self) -> SourceVersion:
        pins = (self.commit, self.published, self.release, self.snapshot)
        if self.undated and any(p is not None for p in pins):
            raise ValueError("an undated source version has no commit, published, release or snapshot")
        if not self.undated and all(p is None for p in pins):
            raise ValueError("a source version needs at least one of commit, published, release, snapshot (or undated: true)")
        return self


Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


class PackageFile(Record):
    """A published package release that ships the cited file, byte for byte as pinned."""

    registry: Literal["pypi"] = "pypi"
    name: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]+$")]
    version: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._+!-]+$")]
    path: ShortText
    """The file's path inside the release's wheel, or inside its sdist below the top folder."""
    dist: Literal["wheel", "sdist"] = "wheel"
    """Which distribution ships the file: the wheel, or the source archive (tests, examples and
    docs are often in the sdist only)."""


class Proceedings(Record):
    """The proceedings a conference paper appears in, as the publisher's page for the paper prints them."""

    title: ShortText
    """The volume's own title (``booktitle`` in BibTeX), e.g. "Proceedings of the 42nd International
    Conference on Machine Learning"."""
    year: Annotated[int, Field(ge=1900, le=2100)]
    series: ShortText | None = None
    volume: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z.-]+$")] | None = None
    pages: Annotated[str, StringConstraints(pattern=r"^[0-9]+(-[0-9]+)?$")] | None = None
    """First and last page, ``73304-73325``."""


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
    read_from: ShortText | None = None
    """Where the text was read when it was not read at ``url`` itself: an archive address, a
    package release, or "an archived copy, capture date unknown"."""
    sha256: Sha256 | None = None
    """The sha256 of the file as pinned (the lock a re-check compares a fresh download with)."""
    package: PackageFile | None = None
    """A package release that contains the pinned file, so a re-check can fetch it from the registry."""
    authors: list[ShortText] = Field(default_factory=list)
    """The people who wrote the document, in the order it lists them, as printed on the cited page
    (or, for another rendering of the same version, on that version's abstract page, which the note
    names). Empty when the source names no author; never the publisher or the hosting site."""
    proceedings: Proceedings | None = None
    """For a paper published in conference proceedings: where, as the paper's page gives it."""
    transcribes: RecordId | None = None
    """For a transcription: the source whose content (e.g. images of tables) it transcribes."""
    title_note: ShortText | None = None
    """Our words that end ``title`` in parentheses (the file, the site, the venue), not the work's
    own title: shown with the title, left out of a citation's title (BibTeX, CSL) and put in its note."""

    @model_validator(mode="after")
    def _title_note(self) -> Source:
        if self.title_note is not None and not self.title.endswith(f" ({self.title_note})"):
            raise ValueError(f"title_note must be the parenthesis that ends the title: ' ({self.title_note})'")
        return self

    @model_validator(mode="after")
    def _transcription(self) -> Source:
        if (self.kind == "transcription") != (self.transcribes is not None):
            raise ValueError("a transcription names the source it transcribes (transcribes:), and only a transcription does")
        if self.kind == "transcription" and self.tier != "third-party":
            raise ValueError("a transcription is a third-party source (tier: third-party)")
        if self.proceedings is not None and self.kind != "paper":
            raise ValueError("only a paper appears in proceedings (kind: paper)")
        return self
