"""``llama4ref cite PATH`` as text for people: the fact, then one reference line per citation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from llama4ref.domain.cite import citations_for, quote_text
from llama4ref.printable import printable

if TYPE_CHECKING:
    from llama4ref.store.answers import Fact, Source
    from llama4ref.store.knowledge_base import KnowledgeBase


def where(src: Source) -> str:
    """Where a reader finds the source: ``repo@commit:path`` for a file in a repository, else its URL."""
    if src.repo and src.path:
        return f"{src.repo}@{src.version.commit[:12] if src.version.commit else src.pin()}:{src.path}"
    return src.url


def as_text(kb: KnowledgeBase, fact: Fact) -> str:
    """The fact and its value, then ``- [source] publisher. title. where. (version; retrieved). locator: “quote”`` lines."""
    lines = [f"{fact.path} = {fact.display()}" + (f" (derived: {fact.formula})" if fact.derived else "")]
    for cit, src in citations_for(kb, fact):
        place = where(src)
        url = "" if place == src.url else f" {src.url}"
        lines.append(
            f"- [{src.id}] {src.publisher}. {src.title}. {place}.{url} (version {src.pin()}; retrieved {src.retrieved}). "
            f"{cit.locator}: “{quote_text(cit.quote)}”"
        )
    return "\n".join(printable(line) for line in lines)  # one line per citation, whatever the data holds
