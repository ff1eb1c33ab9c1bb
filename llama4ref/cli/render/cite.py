"""``llama4ref cite PATH…`` as text for people: each fact with where each source states it, then each source once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from llama4ref.domain.cite import citations_for, cited_sources, git_ref, quote_text, version_label
from llama4ref.domain.reading import reading
from llama4ref.formatting import quoted
from llama4ref.printable import printable

if TYPE_CHECKING:
    from llama4ref.store.answers import Fact, Source
    from llama4ref.store.knowledge_base import KnowledgeBase


def where(src: Source) -> str:
    """Where a reader finds the source: ``repo@ref:path`` (a commit or tag) for a file in a repository, else its URL."""
    if src.repo and src.path:
        return f"{src.repo}@{git_ref(src)}:{src.path}"
    return src.url


def reference(src: Source) -> str:
    """``[source] publisher. title. where. url (version; what was read).``: one source, once; the
    version left out for an undated page, and a copy read named as such (never "retrieved" from
    the address). No full stop follows a URL (``…/llama-4-multimodal-intelligence/. (version``):
    a copy of it would take it."""
    place = where(src)
    at = place if place == src.url else f"{place}. {src.url}"
    version = version_label(src)
    return (
        f"- [{src.id}] {src.publisher}. {src.title}. {at} (" + (f"version {version}; " if version else "") + f"{reading(src)})."
    )


def as_text(kb: KnowledgeBase, facts: Fact | Sequence[Fact], sources: Sequence[str] = ()) -> str:
    """Each fact and its value with ``  [source] locator: “quote”`` lines, then each source named by
    its id (what it backs), then ``sources:``, one line a source."""
    from llama4ref.store.answers import Fact

    chosen = [facts] if isinstance(facts, Fact) else list(facts)
    lines: list[str] = []
    for fact in chosen:
        lines.append(f"{fact.path} = {fact.display()}" + (f" (derived: {fact.formula})" if fact.derived else ""))
        lines += [f"  [{src.id}] {cit.locator}: {quoted(quote_text(cit.quote))}" for cit, src in citations_for(kb, fact)]
    for source_id in sources:  # the source itself: its reference below; its facts one command away
        backs = len(kb.backed_by(source_id))
        lines.append(f"{source_id}: the source itself, backing {backs:,} fact(s) (see 'llama4ref sources {source_id}')")
    lines.append("sources:")
    lines += [reference(cited.source) for cited in cited_sources(kb, chosen, sources)]
    return "\n".join(printable(line) for line in lines)  # one line per citation, whatever the data holds
