"""Citations of facts as data: BibTeX, CSL-JSON and JSON.

BibTeX and CSL-JSON are interchange formats that reference managers (Zotero, pandoc,
citeproc, BibTeX itself) read, so they belong with the library like the JSON and SARIF
writers; the text for people (``llama4ref cite PATH``) is drawn by the CLI
(``llama4ref.cli.render.cite``).

A bibliography has one entry per source, whatever number of facts cite it: its key is the
source's own (:func:`bibkey`: the source id and publication year, unique per source, the same in
every run), and its note lists the facts it is cited for. Two runs citing different facts give
one key two notes, so a .bib file is made by one ``cite`` run given every path, never by
concatenating runs (BibTeX parsers refuse a repeated key).

>>> import llama4ref
>>> kb = llama4ref.knowledge_base()
>>> as_csl_json(kb, kb.get("maverick.params.total"))[0]["URL"].startswith("https://")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from llama4ref.printable import printable
from llama4ref.store.answers import Citation, Fact, Source
from llama4ref.store.knowledge_base import KnowledgeBase


def bibkey(src: Source) -> str:
    """The source's citation key: its id and publication year (``nd`` without one), ``_`` for other characters.

    Source ids are lower-case letters, digits and ``-`` or ``.``; a test checks that no two
    sources share a key.
    """
    year = src.version.published.year if src.version.published else "nd"
    return re.sub(r"[^a-z0-9]+", "_", f"{src.id}_{year}".lower()).strip("_")


def git_ref(src: Source) -> str:
    """The git ref a reader checks out to see the source's file: its commit (12 characters), the tag
    or branch its GitHub address names (``v4.51.0`` in ``…/blob/v4.51.0/<path>``), else its version.

    >>> import llama4ref
    >>> git_ref(llama4ref.knowledge_base().source("transformers-4.51.0-modeling-llama4"))
    'v4.51.0'
    """
    if src.version.commit:
        return src.version.commit[:12]
    if src.repo and src.path:
        m = re.fullmatch(rf"https://github\.com/{re.escape(src.repo)}/blob/([^/]+)/{re.escape(src.path)}", src.url)
        if m:
            return m[1]
    return src.pin()


def citations_for(kb: KnowledgeBase, fact: Fact) -> list[tuple[Citation, Source]]:
    return [(c, kb.source(c.source)) for c in kb.citations_of(fact)]


def facts_of(kb: KnowledgeBase, paths: Sequence[str]) -> list[Fact]:
    """The facts ``paths`` name, each once in the order given: a fact path gives its fact, a
    prefix (``runtime.vllm.scout.8xh100``) every fact under it, as ``get`` reads them.

    An unknown path raises :class:`~llama4ref.errors.UnknownIdError`.
    """
    found: dict[str, Fact] = {}
    for path in paths:
        written = path.strip().rstrip("./") or path  # "scout/" or "license_terms.": the prefix, its separator typed too
        group = [] if kb.has(path) else kb.group(written)
        for fact in group or [kb.get(path)]:
            found.setdefault(fact.path, fact)
    return list(found.values())


class CitedSource(NamedTuple):
    """One source and every use of it by the facts cited: (fact, citation) in the facts' order."""

    source: Source
    uses: list[tuple[Fact, Citation]]

    def cited_for(self) -> str:
        """``path (locator); path (locator)``: what the source is cited for, each fact once per locator."""
        return "; ".join(dict.fromkeys(f"{fact.path} ({cit.locator})" for fact, cit in self.uses))


def cited_sources(kb: KnowledgeBase, facts: Fact | Sequence[Fact]) -> list[CitedSource]:
    """Each source the facts cite, once, in the order first cited."""
    found: dict[str, CitedSource] = {}
    for fact in [facts] if isinstance(facts, Fact) else facts:
        for cit, src in citations_for(kb, fact):
            found.setdefault(src.id, CitedSource(src, [])).uses.append((fact, cit))
    return list(found.values())


_TAG = re.compile(r"<[^<>]{0,200}>")


def quote_text(quote: str) -> str:
    """A quote as text: HTML tags copied from a page's source (``<td>``) become spaces, runs of spaces one."""
    if "<" not in quote:
        return quote
    return re.sub(r"\s{2,}", " ", _TAG.sub(" ", quote)).strip()


_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "_": r"\_",
    "#": r"\#",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIB_RE = re.compile("|".join(re.escape(k) for k in _BIB_SPECIAL))


def bib_escape(text: str) -> str:
    """``text`` for a BibTeX field: the characters TeX treats specially written as TeX commands.

    >>> bib_escape("50% of R&D_costs {x}")
    '50\\\\% of R\\\\&D\\\\_costs \\\\{x\\\\}'
    """
    return _BIB_RE.sub(lambda m: _BIB_SPECIAL[m.group()], text)


def _url_escape(url: str) -> str:
    """A URL for ``\\url{}`` inside a field: ``%`` and ``#`` escaped (they end or start things in an argument)."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace("%", r"\%").replace("#", r"\#")


def _organisation(src: Source) -> str | None:
    """The publisher as an organisation author, unless it names no one."""
    publisher = src.publisher.strip()
    return None if not publisher or publisher.lower().startswith("unknown") else publisher


def as_bibtex(kb: KnowledgeBase, facts: Fact | Sequence[Fact]) -> str:
    """One entry per source: escaped fields, the publication date as ``year``/``date``, retrieval
    as ``urldate``, the facts cited (and where the source states each) in ``note``."""
    entries: list[str] = []
    for cited in cited_sources(kb, facts):
        src = cited.source
        key = bibkey(src)
        kind = "@article" if src.kind == "paper" else "@misc"
        fields = {"title": "{" + bib_escape(src.title) + "}"}
        organisation = _organisation(src)
        if src.authors:
            fields["author"] = " and ".join(bib_escape(a) for a in src.authors)
        elif organisation:
            fields["author"] = "{" + bib_escape(organisation) + "}"
        if organisation:
            fields["publisher"] = bib_escape(organisation)
        fields["howpublished"] = f"\\url{{{_url_escape(src.url)}}}"
        fields["url"] = src.url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")  # read verbatim
        if src.version.published:
            fields["year"] = str(src.version.published.year)
            fields["date"] = src.version.published.isoformat()
        fields["urldate"] = src.retrieved.isoformat()
        note = f"Version {src.pin()}; retrieved {src.retrieved}; cited for {cited.cited_for()}"
        if src.transcribes:
            note = f"A third-party transcription of source {src.transcribes}, whose address is given; " + note
        fields["note"] = bib_escape(note)
        body = ",\n".join(f"  {k} = {{{printable(v)}}}" for k, v in fields.items())
        entries.append(f"{kind}{{{key},\n{body}\n}}")
    return "\n\n".join(entries)


_CSL_TYPE = {"paper": "article", "blog-post": "post-weblog", "code": "software", "config": "software", "catalog": "dataset",
             "measurement": "dataset", "discussion": "post", "license": "legislation"}  # fmt: skip


def _date_parts(d: Any) -> dict[str, list[list[int]]]:
    return {"date-parts": [[d.year, d.month, d.day]]}


def as_csl_json(kb: KnowledgeBase, facts: Fact | Sequence[Fact]) -> list[dict[str, Any]]:
    """CSL-JSON items (the format Zotero, pandoc and citeproc read), one per source, ids as BibTeX's keys."""
    items: list[dict[str, Any]] = []
    for cited in cited_sources(kb, facts):
        src = cited.source
        item: dict[str, Any] = {"id": bibkey(src), "type": _CSL_TYPE.get(src.kind, "webpage"), "title": src.title}
        organisation = _organisation(src)
        if src.authors:
            item["author"] = [{"literal": a} for a in src.authors]
        elif organisation:
            item["author"] = [{"literal": organisation}]
        if organisation:
            item["publisher"] = organisation
        item["URL"] = src.url
        if src.version.published:
            item["issued"] = _date_parts(src.version.published)
        item["accessed"] = _date_parts(src.retrieved)
        item["version"] = src.pin()
        item["note"] = f"cited for {cited.cited_for()}"
        items.append(item)
    return items


def as_json(kb: KnowledgeBase, fact: Fact) -> dict[str, Any]:
    return {
        "path": fact.path,
        "value": fact.value,
        "display": fact.display(),
        "derived": fact.derived,
        "citations": [c.to_json() | {"source_record": s.to_json()} for c, s in citations_for(kb, fact)],
    }
