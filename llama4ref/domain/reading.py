"""What was actually read of a source: the document at its address, or a copy of it (which one).

A source's ``url`` is always the publisher's own address; when the text was read elsewhere (a
mirror, an archived capture, a republication, a package release) its ``read_from`` names that
copy. Every output that prints a source says which, in the same words, so no reader takes the
day a copy was read for a day the live page was read (:func:`reading`), and the tier, which
follows the document's publisher, is shown beside the fact that a copy was read
(:func:`tier_label`).

>>> import llama4ref
>>> kb = llama4ref.knowledge_base()
>>> reading(kb.source("llama-models-model-card"))
'retrieved 2026-11-23'
>>> reading(kb.source("databricks-supported-models"))
'not read at this address: read 2026-11-23 from a mirror copy at www.989968.xyz (same path), capture date unknown'
"""

from __future__ import annotations

from llama4ref.store.answers import Source

COPY_MARK = "read from a copy"
"""What a tier label adds for a source whose text was read from a copy, not at its address."""


def read_at_address(src: Source) -> bool:
    """True when the text was read at the source's own address (the live page, or the file at its pin)."""
    return src.read_from is None


def reading(src: Source) -> str:
    """``retrieved DAY`` for a source read at its address; else ``not read at this address: read
    DAY from COPY`` with the copy in the record's own words (the day left out when they give it)."""
    day = src.retrieved.isoformat()
    if src.read_from is None:
        return f"retrieved {day}"
    when = "" if day in src.read_from else f" {day}"
    return f"not read at this address: read{when} from {src.read_from}"


def tier_label(src: Source) -> str:
    """The tier (the document's publisher: Meta or the provider is first-party whoever hosts a
    copy), with ``read from a copy`` beside it when the text was not read at the address."""
    return src.tier if src.read_from is None else f"{src.tier}, {COPY_MARK}"
