"""Opt-in check: every quote appears in a local copy of its source.

Users rarely have the cited documents, so this is not part of `validate`. Point it at one or
more directories of copies (CI uses the project's shared copies and the files of pinned package
releases), or let ``--fetch`` download them (``llama4ref.domain.recheck``). A copy is matched to a
source record by a first line ``SOURCE: repo=<repo> path=<path> ...`` or ``SOURCE: <url>``, or
by a file named ``<source-id>.<anything>``; the first directory that holds a copy wins.
Whitespace runs are compared as one space; every other character must match exactly.

A citation marked ``medium: image`` quotes words drawn inside an image (the blog's benchmark
tables and charts): no text copy holds them, so it is never checked here, and the report says
so per source instead of counting it as a missing copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from llama4ref.diagnostics import Diagnostic, Position

if TYPE_CHECKING:  # the models and the tree loader (pydantic, PyYAML) load only when the YAML is read
    from llama4ref.records.models import Source
    from llama4ref.records.tree import Tree

if TYPE_CHECKING:
    from llama4ref.store.shapes.tools import QuoteReportJSON

_WS = re.compile(r"\s+")

IMAGE_REASON = "read from an image: no text copy holds it"
NO_COPY_REASON = "no local copy of the source"


def collapse(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass
class QuoteReport:
    total: int = 0
    checked: int = 0
    failed: int = 0
    skipped: int = 0
    """Quotes not checked because their source has no local copy."""
    images: int = 0
    """Quotes not checked because they are read from an image."""
    matched_sources: dict[str, str] = field(default_factory=dict)
    missing_sources: set[str] = field(default_factory=set)
    unchecked: dict[str, dict[str, int]] = field(default_factory=dict)
    """source id → {reason: number of quotes left unchecked for it}."""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        """The share of all quotes that were checked against a copy (0 to 1)."""
        return self.checked / self.total if self.total else 1.0

    @property
    def text_coverage(self) -> float:
        """The share of the quotes a text copy can hold (all but those read from images) that were checked."""
        text = self.total - self.images
        return self.checked / text if text else 1.0

    def _leave(self, source: str, reason: str) -> None:
        per = self.unchecked.setdefault(source, {})
        per[reason] = per.get(reason, 0) + 1

    def to_json(self) -> QuoteReportJSON:
        return {
            "total": self.total,
            "checked": self.checked,
            "failed": self.failed,
            "skipped": self.skipped,
            "images": self.images,
            "coverage": round(self.coverage, 4),
            "text_coverage": round(self.text_coverage, 4),
            "matched_sources": self.matched_sources,
            "missing_sources": sorted(self.missing_sources),
            "unchecked": {sid: dict(sorted(r.items())) for sid, r in sorted(self.unchecked.items())},
            "diagnostics": [d.format() for d in self.diagnostics],
        }


class _Address(NamedTuple):
    """What a copy's ``SOURCE:`` header is matched against."""

    transcribes: str | None
    repo: str | None
    path: str | None
    commit: str | None
    url: str


def match_copies(sources: dict[str, Source], copies_dir: Path) -> dict[str, Path]:
    """Map source ids to the local copy in ``copies_dir`` that holds them."""
    addresses = {sid: _Address(src.transcribes, src.repo, src.path, src.version.commit, src.url) for sid, src in sources.items()}
    return _match(addresses, copies_dir)


def _match(sources: Mapping[str, _Address], copies_dir: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(p for p in copies_dir.iterdir() if p.is_file()):
        try:
            with path.open(encoding="utf-8") as fh:
                first = fh.readline()
        except (OSError, UnicodeDecodeError):
            continue
        stem = path.name.split(".")[0]
        for sid, src in sources.items():
            if path.name.startswith(sid + ".") or stem == sid:
                found[sid] = path
            elif first.startswith("SOURCE:") and _header_names(first, src):
                found.setdefault(sid, path)
    return found


def _header_names(header: str, src: _Address) -> bool:
    if src.transcribes is not None:
        return False  # a transcription shares its original's address: only its own file name names it
    fields = dict(re.findall(r"(\w+)=(\S+)", header))
    if src.repo and src.path and fields.get("repo") == src.repo and fields.get("path") == src.path:
        return not src.commit or fields.get("commit", "").startswith(src.commit[:7])
    urls = re.findall(r"https?://[^\s),]+", header)
    first_url = urls[0].rstrip("/") if urls else None
    return first_url is not None and not fields and first_url == src.url.rstrip("/")


def _body(text: str) -> str:
    """A copy's text without its ``SOURCE:`` header line (a copy named by file name may have none)."""
    return text.split("\n", 1)[1] if text.startswith("SOURCE:") and "\n" in text else text


def verify_quotes(facts_dir: Path, copies_dirs: Path | Sequence[Path]) -> QuoteReport:
    """Check every quote in the tree at ``facts_dir`` against the copies in ``copies_dirs``."""
    from llama4ref.records.tree import load_tree

    dirs = [copies_dirs] if isinstance(copies_dirs, Path) else list(copies_dirs)
    tree = load_tree(facts_dir)
    copies: dict[str, Path] = {}
    for d in dirs:
        for sid, path in match_copies(tree.sources, d).items():
            copies.setdefault(sid, path)
    texts = {sid: _body(p.read_text(encoding="utf-8")) for sid, p in copies.items()}
    return check_quotes(tree, texts, {sid: p.name for sid, p in copies.items()}, where=str(dirs[0]) if dirs else ".")


NO_COPIES_CODE = "L4R-Q003"
"""No copy of any source in the directories given: nothing was checked."""


def no_copies_message(dirs: Sequence[str], *, fetched: bool = False) -> str:
    """Why nothing was checked, and how a copy is named so that it is found.

    >>> no_copies_message(["copies"]).startswith("no copy of any cited source in copies: no quote checked;")
    True
    """
    where = ", ".join(dirs) or "."
    why = "every download failed" if fetched and len(dirs) == 1 else f"no copy of any cited source in {where}"
    return (
        f"{why}: no quote checked; name a copy <source-id>.<ext> (ids: 'llama4ref list sources') or begin it "
        "with a line 'SOURCE: URL' or 'SOURCE: repo=OWNER/NAME path=PATH commit=SHA', or use --fetch"
    )


def verify_shipped_quotes(copies_dirs: Sequence[Path]) -> QuoteReport:
    """:func:`verify_quotes` for the shipped data (what the CLI checks).

    The quotes are checked in the compiled index, without reading the YAML tree (a test keeps
    the two reports equal); only when a quote is not found is the tree read, so that the quote
    is reported at its file and line.
    """
    from llama4ref.store.index import read_index, shipped_facts_dir

    index = read_index()
    ordered = sorted(index["sources"].values(), key=lambda raw: str(raw.get("file", "")))
    addresses = {raw["id"]: _index_address(raw) for raw in ordered}
    copies: dict[str, Path] = {}
    for d in copies_dirs:
        for sid, path in _match(addresses, d).items():
            copies.setdefault(sid, path)
    collapsed = {sid: collapse(_body(p.read_text(encoding="utf-8"))) for sid, p in copies.items()}
    report = QuoteReport(matched_sources={sid: p.name for sid, p in copies.items()})
    for cit in _index_citations(index):
        report.total += 1
        if cit.get("medium", "text") == "image":
            report.images += 1
            report._leave(cit["source"], IMAGE_REASON)
        elif cit["source"] not in collapsed:
            report.skipped += 1
            report.missing_sources.add(cit["source"])
            report._leave(cit["source"], NO_COPY_REASON)
        else:
            report.checked += 1
            if collapse(cit["quote"]) not in collapsed[cit["source"]]:
                return verify_quotes(shipped_facts_dir(), copies_dirs)  # the tree says where it is
    where = str(copies_dirs[0]) if copies_dirs else "."
    for sid in sorted(report.missing_sources):
        report.diagnostics.append(Diagnostic(where, Position(1, 1), "L4R-Q002", f"no local copy of source {sid!r}", "warning"))
    report.diagnostics.sort()
    return report


def _index_address(raw: Mapping[str, Any]) -> _Address:
    version = raw.get("version") or {}
    return _Address(raw.get("transcribes"), raw.get("repo"), raw.get("path"), version.get("commit"), str(raw["url"]))


def _index_citations(index: Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """Every citation in the compiled index, as :func:`citations_of` finds them in the records."""
    facts = index["facts"]
    for path in facts:
        spec = facts[path]
        yield from spec["citations"]
        for alt in spec.get("alternatives", []):
            yield from alt["citations"]
    from llama4ref.records.registry import KINDS

    for kind in KINDS:  # records cited as a whole (license terms, identifiers, …): their `citations`
        for entry in index[kind.section].values():
            if isinstance(entry, Mapping):  # (the vocabulary's section is a table, not records)
                yield from entry.get("citations", ())
                yield from entry.get("name_citations", ())  # a sheet's display name


def check_quotes(tree: Tree, texts: dict[str, str], names: dict[str, str], where: str = ".") -> QuoteReport:
    """Check every quote against ``texts`` (source id → the copy's text; ``names`` says which copy)."""
    collapsed = {sid: collapse(t) for sid, t in texts.items()}
    report = QuoteReport(matched_sources=dict(names))
    for rec in tree.records:
        for loc, cit in citations_of(rec.record):
            report.total += 1
            if getattr(cit, "medium", "text") == "image":
                report.images += 1
                report._leave(cit.source, IMAGE_REASON)
                continue
            if cit.source not in collapsed:
                report.skipped += 1
                report.missing_sources.add(cit.source)
                report._leave(cit.source, NO_COPY_REASON)
                continue
            report.checked += 1
            if collapse(cit.quote) not in collapsed[cit.source]:
                report.failed += 1
                pos = rec.doc.position((*loc, "quote"))
                message = f"quote not found in {names.get(cit.source, cit.source)}: {cit.quote[:60]!r}"
                report.diagnostics.append(Diagnostic(str(rec.doc.path), pos, "L4R-Q001", message))
    for sid in sorted(report.missing_sources):
        report.diagnostics.append(Diagnostic(where, Position(1, 1), "L4R-Q002", f"no local copy of source {sid!r}", "warning"))
    report.diagnostics.sort()
    return report


def citations_of(record: Any) -> list[tuple[tuple[str | int, ...], Any]]:
    """Every citation of a record with its location (facts, alternatives, terms, identifiers, a sheet's name)."""
    out: list[tuple[tuple[str | int, ...], Any]] = []
    facts = getattr(record, "facts", None)
    if isinstance(facts, dict):
        for key, spec in facts.items():
            out += [(("facts", key, "citations", i), c) for i, c in enumerate(spec.citations)]
            for j, alt in enumerate(spec.alternatives):
                out += [(("facts", key, "alternatives", j, "citations", i), c) for i, c in enumerate(alt.citations)]
    for i, c in enumerate(getattr(record, "citations", []) or []):
        out.append((("citations", i), c))
    named = getattr(record, "name", None)  # a sheet's display name
    if named is not None and not isinstance(named, str):
        out += [(("name", "citations", i), c) for i, c in enumerate(named.citations)]
    for j, entry in enumerate(getattr(record, "entries", []) or []):
        out += [(("entries", j, "citations", i), c) for i, c in enumerate(entry.citations)]
    return out


_citations = citations_of  # the name earlier releases used
