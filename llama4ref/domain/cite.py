"""Citations of facts as data: BibTeX, CSL-JSON and JSON.

BibTeX and CSL-JSON are interchange formats that reference managers (Zotero, pandoc,
citeproc, BibTeX itself) read, so they belong with the library like the JSON and SARIF
writers; the text for people (``llama4ref cite PATH``) is drawn by the CLI
(``llama4ref.cli.render.cite``).

A bibliography has one entry per source, whatever number of facts cite it: its key is the
source's own (:func:`bibkey`: the source id and publication year, unique per source, the same in
every run), and its short note names the first facts it is cited for and how many more. Two runs
citing different facts give one key two notes, so a .bib file is made by one ``cite`` run given
every path, never by concatenating runs (BibTeX parsers refuse a repeated key).

A paper is written as a paper: its authors are the people its record lists (never the publisher
or the site that hosts it; no author at all when the record lists none), an arXiv preprint is a
``@misc`` entry with ``eprint``/``archivePrefix`` (:func:`arxiv_eprint`), a paper in conference
proceedings an ``@inproceedings`` with ``booktitle``. No entry is an ``@article`` (which needs a
journal), so a strict style (BibTeX's or pybtex's ``unsrt``) finds every field it requires.

>>> import llama4ref
>>> kb = llama4ref.knowledge_base()
>>> as_csl_json(kb, kb.get("maverick.params.total"))[0]["URL"].startswith("https://")
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from llama4ref.domain.reading import read_at_address, reading
from llama4ref.errors import UnknownIdError
from llama4ref.printable import printable
from llama4ref.store.answers import Citation, Fact, Source
from llama4ref.store.knowledge_base import KnowledgeBase


def bibkey(src: Source) -> str:
    """The source's citation key: its id and the year its entry gives (:func:`year_of`; ``nd``
    without one), ``_`` for other characters.

    Source ids are lower-case letters, digits and ``-`` or ``.``; a test checks that no two
    sources share a key.
    """
    year = year_of(src) or "nd"
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


def split_names(kb: KnowledgeBase, names: Sequence[str]) -> tuple[list[str], list[str]]:
    """(fact paths or prefixes, source ids) among ``names``, each in the order given: a name that
    is no fact path or prefix but a source's id names that source, to cite it itself (a researcher
    who found the model card in ``sources`` cites it by its id). Anything else stays a path, for
    :func:`facts_of` to report as unknown."""
    paths: list[str] = []
    sources: list[str] = []
    for name in names:
        written = name.strip()
        if not kb.has(name) and not kb.group(written.rstrip("./") or name) and _is_source(kb, written):
            sources.append(written)
        else:
            paths.append(name)
    return paths, sources


def _is_source(kb: KnowledgeBase, name: str) -> bool:
    try:
        kb.source(name)
    except UnknownIdError:
        return False
    return True


def source_uses(kb: KnowledgeBase, source_id: str) -> CitedSource:
    """The source ``source_id`` with every use of it: each fact it backs and where it states it."""
    cited = CitedSource(kb.source(source_id), [])
    for path in kb.backed_by(source_id):
        fact = kb.get(path)
        cited.uses.extend((fact, cit) for cit in kb.citations_of(fact) if cit.source == source_id)
    return cited


NOTE_USES = 3
"""How many uses (fact and locator) a bibliography note names before "+N more"."""
NOTE_USE_CHARS = 320
"""How many characters the uses a note names may take together: a use that would pass it is
left to "+N more" (never cut), though the first is always named."""
LOCATOR_CHARS = 200
"""A locator longer than this is left out of a note (the fact path stays): a locator is kept
whole or not at all, since a cut one loses the part a reader searches for (the longest the
records hold has 168 characters)."""


class CitedSource(NamedTuple):
    """One source and every use of it by the facts cited: (fact, citation) in the facts' order."""

    source: Source
    uses: list[tuple[Fact, Citation]]

    def cited_for(self, limit: int | None = None) -> str:
        """``path (locator); path (locator)``: what the source is cited for, each fact once per locator.

        With ``limit``, the short form a bibliography note holds: at most ``limit`` uses, within
        :data:`NOTE_USE_CHARS`, then ``+N more``; a locator is given whole, or left out when longer
        than :data:`LOCATOR_CHARS` (the locators belong with the facts, in the text).
        """
        uses = list(dict.fromkeys((fact.path, cit.locator) for fact, cit in self.uses))
        if not uses:  # a source cited by its id that backs identifiers only
            return f"no fact (see 'llama4ref sources {self.source.id}')"
        if limit is None:
            return "; ".join(f"{path} ({locator})" for path, locator in uses)
        first: dict[str, str] = {}
        for path, locator in uses:  # in a note, each fact once, with its first locator
            first.setdefault(path, locator)
        uses = list(first.items())
        shown: list[str] = []
        for path, locator in uses[:limit]:
            use = f"{path} ({locator})" if len(locator) <= LOCATOR_CHARS else path
            if shown and len("; ".join([*shown, use])) > NOTE_USE_CHARS:
                break
            shown.append(use)
        more = len(uses) - len(shown)
        return "; ".join(shown) + (f"; +{more} more" if more > 0 else "")


def cited_sources(kb: KnowledgeBase, facts: Fact | Sequence[Fact], sources: Sequence[str] = ()) -> list[CitedSource]:
    """Each source the facts cite, once, in the order first cited; then each of ``sources`` (ids
    named to cite the source itself, :func:`split_names`) not among them, with all its uses."""
    found: dict[str, CitedSource] = {}
    for fact in [facts] if isinstance(facts, Fact) else facts:
        for cit, src in citations_for(kb, fact):
            found.setdefault(src.id, CitedSource(src, [])).uses.append((fact, cit))
    for source_id in sources:
        if source_id not in found:
            found[source_id] = source_uses(kb, source_id)
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


def corporate_author(src: Source) -> str | None:
    """The organisation a source is attributed to when its record lists no people: its publisher,
    except for a paper (a paper is written by people: its publisher is a host such as arXiv,
    OpenReview or the authors' employer, never its author; with no authors recorded it has none).

    >>> import llama4ref
    >>> kb = llama4ref.knowledge_base()
    >>> corporate_author(kb.source("openreview-cgpo-iclr2025")) is None
    True
    """
    return None if src.kind == "paper" or src.authors else _organisation(src)


def _publisher(src: Source) -> str | None:
    """The publisher an entry names: the record's, but for a paper only the proceedings' publisher
    (a preprint's record names the authors' employer or the hosting site, neither a publisher)."""
    return _organisation(src) if src.kind != "paper" or src.proceedings else None


def paper_host(src: Source) -> str | None:
    """The site a paper was read on when it names neither proceedings nor an arXiv preprint (a
    paper page of Hugging Face Papers, an OpenReview forum): how it was published, never its author."""
    if src.kind != "paper" or src.proceedings or arxiv_eprint(src):
        return None
    return _organisation(src)


class Eprint(NamedTuple):
    """An arXiv identifier (``2501.17974``) and the version a source pins (``v2``), if it pins one."""

    id: str
    version: str | None


_ARXIV = re.compile(r"https?://(?:www\.)?arxiv\.org/(?:abs|html|pdf)/(\d{4}\.\d{4,5})(v\d+)?(?:[/?#]|\.pdf)?$")


def arxiv_eprint(src: Source) -> Eprint | None:
    """The arXiv preprint a paper's address names, with the version it pins (from the address, else
    from a release like ``v1``); None for a source that is not an arXiv paper.

    >>> import llama4ref
    >>> arxiv_eprint(llama4ref.knowledge_base().source("arxiv-2501.17974"))
    Eprint(id='2501.17974', version='v2')
    """
    m = _ARXIV.match(src.url) if src.kind == "paper" else None
    if not m:
        return None
    release = src.version.release
    return Eprint(m[1], m[2] or (release if release and re.fullmatch(r"v\d+", release) else None))


def year_of(src: Source) -> int | None:
    """The year a source was published: its publication date's, else that of the proceedings it
    appears in; None when the record gives neither (a release or snapshot name alone gives no
    year, and no year is guessed)."""
    if src.version.published:
        return src.version.published.year
    return src.proceedings.year if src.proceedings else None


def version_label(src: Source) -> str | None:
    """The version an entry names, None for an undated page (which has none to name)."""
    return None if src.version.undated else src.pin()


def bib_type(src: Source) -> str:
    """``inproceedings`` for a paper in proceedings, else ``misc`` (an arXiv preprint too); never
    ``article``, which a strict style requires a journal for."""
    return "inproceedings" if src.kind == "paper" and src.proceedings else "misc"


def bib_note(cited: CitedSource) -> str:
    """The note of a source's entry: version (none for an undated page), what was read (the
    address on a day, or which copy: :func:`~llama4ref.domain.reading.reading`) and the first
    uses (``+N more``), bounded."""
    src = cited.source
    version = version_label(src)
    read = reading(src)
    note = (f"Version {version}; {read}" if version else read[0].upper() + read[1:]) + f"; cited for {cited.cited_for(NOTE_USES)}"
    if src.title_note and not src.proceedings:  # our words after the title (a proceedings paper's venue is its booktitle)
        note = f"{src.title_note}; {note}"
    if src.transcribes:
        note = f"A third-party transcription of source {src.transcribes}, whose address is given; " + note
    return note


def as_bibtex(kb: KnowledgeBase, facts: Fact | Sequence[Fact], sources: Sequence[str] = ()) -> str:
    """One entry per source: escaped fields; the people who wrote it (or, for a document that is not
    a paper, its publisher as organisation) as ``author``; the publication date as ``year``/``date``;
    an arXiv preprint's ``eprint``; a proceedings paper's ``booktitle``; the day the address was
    read as ``urldate`` (none when a copy was read: the note says which); what was read and the
    first facts cited (and where the source states each) in a short ``note``."""
    entries: list[str] = []
    for cited in cited_sources(kb, facts, sources):
        src = cited.source
        kind = bib_type(src)
        fields: dict[str, str] = {}
        organisation = corporate_author(src)
        if src.authors:
            fields["author"] = " and ".join(bib_escape(a) for a in src.authors)
        elif organisation:
            fields["author"] = "{" + bib_escape(organisation) + "}"
        fields["title"] = "{" + bib_escape(src.work_title) + "}"
        if src.proceedings:
            proc = src.proceedings
            fields["booktitle"] = bib_escape(proc.title)
            if proc.series:
                fields["series"] = bib_escape(proc.series)
            if proc.volume:
                fields["volume"] = bib_escape(proc.volume)
            if proc.pages:
                fields["pages"] = proc.pages.replace("-", "--")
        publisher = _publisher(src)
        if publisher:
            fields["publisher"] = bib_escape(publisher)
        year = year_of(src)
        if year is not None:
            fields["year"] = str(year)
        if src.version.published:
            fields["date"] = src.version.published.isoformat()
        eprint = arxiv_eprint(src)
        if eprint:
            fields["eprint"] = eprint.id
            fields["archivePrefix"] = "arXiv"
            if eprint.version:
                fields["version"] = eprint.version
        if kind == "misc":
            host = paper_host(src)
            fields["howpublished"] = (f"{bib_escape(host)}, " if host else "") + f"\\url{{{_url_escape(src.url)}}}"
        fields["url"] = src.url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")  # read verbatim
        if read_at_address(src):
            fields["urldate"] = src.retrieved.isoformat()
        fields["note"] = bib_escape(bib_note(cited))
        body = ",\n".join(f"  {k} = {{{printable(v)}}}" for k, v in fields.items() if v)
        entries.append(f"@{kind}{{{bibkey(src)},\n{body}\n}}")
    return "\n\n".join(entries)


_CSL_TYPE = {"paper": "article", "blog-post": "post-weblog", "code": "software", "config": "software", "catalog": "dataset",
             "measurement": "dataset", "discussion": "post", "license": "document"}  # fmt: skip


def _date_parts(d: Any) -> dict[str, list[list[int]]]:
    return {"date-parts": [[d.year, d.month, d.day]]}


def csl_name(person: str) -> dict[str, str]:
    """A person's name as CSL reads it: the last word the family name, the words before it the given
    names, as BibTeX reads ``First Last``; a one-word name is given as a literal.

    >>> csl_name("Karthik Abinav Sankararaman")
    {'family': 'Sankararaman', 'given': 'Karthik Abinav'}
    """
    given, _, family = person.strip().rpartition(" ")
    return {"family": family, "given": given} if given else {"literal": person}


def as_csl_json(kb: KnowledgeBase, facts: Fact | Sequence[Fact], sources: Sequence[str] = ()) -> list[dict[str, Any]]:
    """CSL-JSON items (the format Zotero, pandoc and citeproc read), one per source, ids as BibTeX's
    keys: ``accessed`` only when the address itself was read (else the note names the copy read),
    ``version`` only when the source has one."""
    items: list[dict[str, Any]] = []
    for cited in cited_sources(kb, facts, sources):
        src = cited.source
        kind = "paper-conference" if bib_type(src) == "inproceedings" else _CSL_TYPE.get(src.kind, "webpage")
        item: dict[str, Any] = {"id": bibkey(src), "type": kind, "title": src.work_title}
        organisation = corporate_author(src)
        if src.authors:
            item["author"] = [csl_name(a) for a in src.authors]
        elif organisation:
            item["author"] = [{"literal": organisation}]
        if src.proceedings:
            item["container-title"] = src.proceedings.title
            if src.proceedings.series:
                item["collection-title"] = src.proceedings.series
            if src.proceedings.volume:
                item["volume"] = src.proceedings.volume
            if src.proceedings.pages:
                item["page"] = src.proceedings.pages
        eprint = arxiv_eprint(src)
        if eprint:
            item["publisher"] = "arXiv"
            item["number"] = f"arXiv:{eprint.id}"
        elif _publisher(src) or paper_host(src):
            item["publisher"] = _publisher(src) or paper_host(src)
        item["URL"] = src.url
        if src.version.published:
            item["issued"] = _date_parts(src.version.published)
        elif src.proceedings:
            item["issued"] = {"date-parts": [[src.proceedings.year]]}
        if read_at_address(src):
            item["accessed"] = _date_parts(src.retrieved)
        version = eprint.version if eprint and eprint.version else version_label(src)
        if version:
            item["version"] = version
        copy = "" if read_at_address(src) else reading(src) + "; "
        ours = f"{src.title_note}; " if src.title_note and not src.proceedings else ""
        item["note"] = f"{ours}{copy}cited for {cited.cited_for(NOTE_USES)}"
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
