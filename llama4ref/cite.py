"""Citations of a fact rendered as text, BibTeX or JSON."""

from __future__ import annotations

import re
from typing import Any

from llama4ref.kb import KnowledgeBase
from llama4ref.printable import printable
from llama4ref.results import Citation, Fact, Source


def _bibkey(src: Source) -> str:
    year = src.version.published.year if src.version.published else src.retrieved.year
    return re.sub(r"[^a-z0-9]+", "_", f"{src.id}_{year}").strip("_")


def _where(src: Source) -> str:
    if src.repo and src.path:
        return f"{src.repo}@{src.version.commit[:12] if src.version.commit else src.pin()}:{src.path}"
    return src.url


def citations_for(kb: KnowledgeBase, fact: Fact) -> list[tuple[Citation, Source]]:
    return [(c, kb.source(c.source)) for c in kb.citations_of(fact)]


def as_text(kb: KnowledgeBase, fact: Fact) -> str:
    lines = [f"{fact.path} = {fact.display()}" + (f" (derived: {fact.formula})" if fact.derived else "")]
    for cit, src in citations_for(kb, fact):
        lines.append(
            f"- [{src.id}] {src.publisher}. {src.title}. {_where(src)}. {src.url} (version {src.pin()}; retrieved {src.retrieved}). "
            f"{cit.locator}: “{cit.quote}”"
        )
    return "\n".join(printable(line) for line in lines)  # one line per citation, whatever the data holds


def as_bibtex(kb: KnowledgeBase, fact: Fact) -> str:
    entries: dict[str, str] = {}
    for cit, src in citations_for(kb, fact):
        key = _bibkey(src)
        if key in entries:
            continue
        year = src.version.published.year if src.version.published else src.retrieved.year
        kind = "@article" if src.kind == "paper" else "@misc"
        fields = {
            "title": src.title.replace("{", "").replace("}", ""),
            "author": src.publisher if not src.authors else " and ".join(src.authors),
            "howpublished": f"\\url{{{src.url}}}",
            "year": str(year),
            "note": f"Version {src.pin()}; retrieved {src.retrieved}; {cit.locator}",
        }
        if src.transcribes:
            fields["note"] = f"A third-party transcription of source {src.transcribes}, whose address is given; " + fields["note"]
        body = ",\n".join(f"  {k} = {{{printable(v)}}}" for k, v in fields.items())
        entries[key] = f"{kind}{{{key},\n{body}\n}}"
    return "\n\n".join(entries.values())


def as_json(kb: KnowledgeBase, fact: Fact) -> dict[str, Any]:
    return {
        "path": fact.path,
        "value": fact.value,
        "display": fact.display(),
        "derived": fact.derived,
        "citations": [c.to_json() | {"source_record": s.to_json()} for c, s in citations_for(kb, fact)],
    }
