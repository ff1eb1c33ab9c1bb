"""Loading and validating a whole facts tree: every record, every cross-record check.

``load_tree`` never stops at the first problem: it reads every file, validates every
record, runs every cross-record check and returns all diagnostics together.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from llama4ref.diagnostics import Diagnostic, Position
from llama4ref.paths import LICENSE_TERMS, term_path
from llama4ref.records import registry
from llama4ref.records.aliases import normalise_alias
from llama4ref.records.models import FactSpec, IdentifierSet, LicenseTerm, Source, Variant
from llama4ref.records.treefiles import data_version, not_a_tree, record_files
from llama4ref.records.units import unit_problems
from llama4ref.records.yamlload import LoadedYaml, YamlError, load_yaml

RECORD_KINDS: dict[str, type[BaseModel]] = {name: registry.BY_NAME[name].load_model() for name in registry.DEDICATED}
"""Directories with a dedicated record kind (llama4ref.records.registry); every other directory holds FactSheets."""

MAX_FILES = 20_000


@dataclass(frozen=True)
class LoadedRecord:
    """One valid record with the document it came from."""

    kind: str
    record: Any
    doc: LoadedYaml

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.record.id}"


@dataclass(frozen=True)
class FactEntry:
    """A stored fact with its full path and where it was written."""

    path: str
    spec: FactSpec
    owner: LoadedRecord
    loc: tuple[str | int, ...]

    def position(self, *rest: str | int) -> Position:
        return self.owner.doc.position((*self.loc, *rest))


@dataclass
class Tree:
    """The result of loading a facts tree."""

    root: Path
    records: list[LoadedRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    data_version: str = "unversioned"
    file_count: int = 0

    def of_kind(self, kind: str) -> Iterator[LoadedRecord]:
        return (r for r in self.records if r.kind == kind)

    @property
    def sources(self) -> dict[str, Source]:
        return {r.record.id: r.record for r in self.of_kind("sources")}

    @property
    def variants(self) -> dict[str, Variant]:
        return {r.record.id: r.record for r in self.of_kind("variants")}

    @property
    def sheets(self) -> list[LoadedRecord]:
        return [r for r in self.records if r.kind not in registry.DEDICATED]

    def facts(self) -> list[FactEntry]:
        """Every stored fact in the tree, in file order."""
        out: list[FactEntry] = []
        for rec in self.records:
            if rec.kind == "variants":
                subject = rec.record.id
            elif rec.kind in registry.DEDICATED:
                continue
            else:
                subject = rec.record.subject
            for key, spec in rec.record.facts.items():
                out.append(FactEntry(f"{subject}.{key}", spec, rec, ("facts", key)))
        return out

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)


def load_tree(root: Path, *, today: date | None = None) -> Tree:
    """Read and validate the facts tree at ``root``; problems are in ``tree.diagnostics``."""
    tree = Tree(root)
    diags = tree.diagnostics
    problem = not_a_tree(root)
    if problem is not None:
        diags.append(problem)
        return tree
    tree.data_version = data_version(root, diags)
    with _collector_paused():
        _load_records(tree, root)
        _cross_checks(tree, today or date.today())
        from llama4ref.records.readings import value_quote_problems  # its own module: value ↔ quote consistency

        diags.extend(value_quote_problems(tree))
    diags.sort()
    return tree


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a tree loads.

    Loading builds no reference cycles, but every automatic collection walks all the records
    read so far, so with it running, time grew faster than the tree (benchmarks/: 100x the
    facts took 12.8x as long as 10x). Reference counting still frees everything at once.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_records(tree: Tree, root: Path) -> None:
    diags = tree.diagnostics
    for path in record_files(root, diags):
        tree.file_count += 1
        if tree.file_count > MAX_FILES:
            diags.append(Diagnostic(str(path), Position(1, 1), "L4R-T002", f"more than {MAX_FILES} files: stopped reading"))
            break
        kind = path.parent.name
        try:
            doc = load_yaml(path)
        except YamlError as exc:
            diags.extend(exc.diagnostics)
            continue
        record = _validate_record(kind, doc, diags)
        if record is None:
            continue
        rec = LoadedRecord(kind, record, LoadedYaml(doc.path, None, doc.positions))  # the model holds the data
        if record.id != path.stem:
            diags.append(
                Diagnostic(
                    str(path), doc.position(("id",)), "L4R-T003", f"id {record.id!r} does not equal the file name {path.stem!r}"
                )
            )
        tree.records.append(rec)


def _validate_record(kind: str, doc: LoadedYaml, diags: list[Diagnostic]) -> Any:
    model = registry.kind_of_directory(kind).load_model()
    if not isinstance(doc.data, dict):
        diags.append(Diagnostic(str(doc.path), Position(1, 1), "L4R-S001", f"a {model.__name__} record must be a mapping"))
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            pos = doc.position((*loc, "__key__")) if err["type"] == "extra_forbidden" else doc.position(loc)
            where = ".".join(str(p) for p in loc) or "(record)"
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                message = "unknown field" + _did_you_mean(str(loc[-1]), _fields_at(model, loc[:-1]))
            diags.append(Diagnostic(str(doc.path), pos, "L4R-S001", f"{where}: {message}"))
        return None


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names that could be meant at ``loc``: those of every model the record kind uses."""
    from llama4ref.records.models import Alternative, Citation, Identifier, SourceVersion

    names: set[str] = set()
    for m in (model, FactSpec, Citation, Alternative, Identifier, SourceVersion):
        names.update(m.model_fields)
    return sorted(names)


def _did_you_mean(name: str, candidates: list[str]) -> str:
    close = difflib.get_close_matches(name, candidates, n=1)
    return f" {name!r} (did you mean {close[0]!r}?)" if close else f" {name!r}"


def _cross_checks(tree: Tree, today: date) -> None:
    from llama4ref.records.derivations import all_derived_paths

    diags = tree.diagnostics
    sources = tree.sources
    variants = tree.variants
    derived_paths = all_derived_paths(list(variants))
    cited: set[str] = set()

    def diag(rec: LoadedRecord, pos: Position, code: str, message: str) -> None:
        diags.append(Diagnostic(str(rec.doc.path), pos, code, message))

    # Sources: dates in order.
    for rec in tree.of_kind("sources"):
        src: Source = rec.record
        if src.version.published and src.version.published > src.retrieved:
            diag(rec, rec.doc.position(("version", "published")), "L4R-T010", "published after it was retrieved")
        if src.retrieved > today:
            diag(rec, rec.doc.position(("retrieved",)), "L4R-T010", f"retrieved date {src.retrieved} is in the future")
        if src.transcribes is not None:
            target = sources.get(src.transcribes)
            if target is None or target.id == src.id or target.kind == "transcription":
                diag(
                    rec,
                    rec.doc.position(("transcribes",)),
                    "L4R-T006",
                    f"transcribes {src.transcribes!r}: not another, original source",
                )
            else:
                cited.add(target.id)

    # Variants: aliases unique across variants and ids.
    owners: dict[str, str] = {}
    for rec in tree.of_kind("variants"):
        owners.setdefault(normalise_alias(rec.record.id), rec.record.id)
    for rec in tree.of_kind("variants"):
        for i, alias in enumerate(rec.record.aliases):
            key = normalise_alias(alias)
            owner = owners.setdefault(key, rec.record.id)
            if owner != rec.record.id:
                diag(rec, rec.doc.position(("aliases", i)), "L4R-T007", f"alias {alias!r} already names variant {owner!r}")
            if "." in alias and not alias.replace(".", "").strip():
                diag(rec, rec.doc.position(("aliases", i)), "L4R-T007", f"alias {alias!r} is not a usable name")

    # Sheets: a subject starts with a variant id (never an alias) or is snake-case throughout.
    for rec in tree.sheets:
        problem = subject_problem(rec.record.subject, variants, owners)
        if problem:
            diag(rec, rec.doc.position(("subject",)), "L4R-T008", problem)

    # Facts: paths unique, citations resolve, units fit values, supersession resolves, a
    # related_license_term qualifier names a license term.
    seen: dict[str, FactEntry] = {}
    term_ids = {rec.record.id for rec in tree.of_kind("license_terms")}
    views = term_views(tree)
    for entry in tree.facts():
        rec = entry.owner
        if entry.path in seen:
            other = seen[entry.path]
            diag(rec, entry.position("__key__"), "L4R-T005", f"fact {entry.path!r} is also defined in {other.owner.doc.path}")
        else:
            seen[entry.path] = entry
        if entry.path in derived_paths:
            diag(rec, entry.position("__key__"), "L4R-T014", f"{entry.path!r} is a derived value: it is computed, never stored")
        if entry.path.split(".")[0] == LICENSE_TERMS:
            diag(
                rec,
                entry.position("__key__"),
                "L4R-T005",
                f"{entry.path!r}: the license terms' facts are their records, never stored",
            )
        spec = entry.spec
        for code, problem in unit_problems(spec.unit, spec.value):
            diag(rec, entry.position("value"), code, f"{entry.path}: {problem}")
        for j, alt in enumerate(spec.alternatives):
            for code, problem in unit_problems(spec.unit, alt.value):
                diag(rec, entry.position("alternatives", j, "value"), code, f"{entry.path} alternative {j + 1}: {problem}")
        _check_citations(rec, entry.loc, spec.citations, sources, cited, diag)
        for j, alt in enumerate(spec.alternatives):
            _check_citations(rec, (*entry.loc, "alternatives", j), alt.citations, sources, cited, diag)
        _check_supersession(entry, diag)
        term_id = spec.qualifiers.get("related_license_term")
        if term_id is not None and term_id not in term_ids:
            hint = _did_you_mean(str(term_id), sorted(term_ids))
            diag(rec, entry.position("qualifiers", "related_license_term"), "L4R-T013", f"unknown license term{hint}")

    for rec in tree.records:  # a record cited as a whole: license terms, and any kind with `citations:`
        whole: list[Any] | None = getattr(rec.record, "citations", None)
        if whole:
            _check_citations(rec, (), whole, sources, cited, diag)
        named = getattr(rec.record, "name", None)  # a sheet's display name
        if named is not None and not isinstance(named, str) and named.citations:
            _check_citations(rec, ("name",), named.citations, sources, cited, diag)

    for rec in tree.of_kind("license_terms"):
        term: LicenseTerm = rec.record
        if views[term_path(term.id)] != term.id:
            first = views[term_path(term.id)]
            diag(rec, rec.doc.position(("id",)), "L4R-T005", f"term {term.id!r} has the fact path of term {first!r}")
        for i, path in enumerate(term.related):
            if path not in seen:
                diag(rec, rec.doc.position(("related", i)), "L4R-T013", f"related fact {path!r} does not exist")

    names: dict[str, str] = {}
    for rec in tree.of_kind("identifiers"):
        idset: IdentifierSet = rec.record
        for i, ident in enumerate(idset.entries):
            loc = ("entries", i)
            _check_citations(rec, loc, ident.citations, sources, cited, diag)
            if ident.license is not None:
                _check_citations(rec, (*loc, "license"), ident.license.citations, sources, cited, diag)
            if ident.variant is not None and ident.variant not in variants:
                diag(rec, rec.doc.position((*loc, "variant")), "L4R-T013", f"unknown variant {ident.variant!r}")
            key = f"{idset.id}:{normalise_alias(ident.name)}"  # other publishers may reuse a name
            if key in names:
                diag(
                    rec, rec.doc.position((*loc, "name")), "L4R-T004", f"identifier {ident.name!r} is also listed in {names[key]}"
                )
            names.setdefault(key, rec.key)

    from llama4ref.records.vocabulary import check_vocabulary

    diags.extend(check_vocabulary(tree, set(seen) | set(derived_paths) | set(views)))
    for rec in tree.of_kind("sources"):
        if rec.record.id not in cited:
            diag(rec, rec.doc.position(("id",)), "L4R-T012", f"source {rec.record.id!r} is cited by no record")


def term_views(tree: Tree) -> dict[str, str]:
    """Each license term's fact path (llama4ref.paths.term_path) → the id of the first term with it."""
    out: dict[str, str] = {}
    for rec in tree.of_kind("license_terms"):
        out.setdefault(term_path(rec.record.id), rec.record.id)
    return out


_SNAKE = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")


def subject_problem(subject: str, variants: dict[str, Variant], owners: dict[str, str]) -> str | None:
    """Why ``subject`` is not a usable path prefix, or None."""
    for vid in sorted(variants, key=len, reverse=True):
        if subject == vid:
            return None
        if subject.startswith(vid + "."):
            rest = subject[len(vid) + 1 :]
            return None if _SNAKE.fullmatch(rest) else f"{rest!r} after the variant id must be snake_case segments"
    parts = subject.split(".")
    for cut in range(len(parts), 0, -1):
        owner = owners.get(normalise_alias(".".join(parts[:cut])))
        if owner is not None:
            return f"subject starts with an alias of {owner!r}: use the variant id"
    if not _SNAKE.fullmatch(subject):
        return "subject must start with a variant id or be snake_case segments joined by '.'"
    return None


def _check_citations(
    rec: LoadedRecord, loc: tuple[str | int, ...], citations: list[Any], sources: dict[str, Source], cited: set[str], diag: Any
) -> None:
    for k, cit in enumerate(citations):
        cited.add(cit.source)
        where = (*loc, "citations", k)
        if cit.source not in sources:
            close = difflib.get_close_matches(cit.source, list(sources), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            diag(rec, rec.doc.position((*where, "source")), "L4R-T006", f"unknown source {cit.source!r}{hint}")
            continue
        src = sources[cit.source]
        if cit.as_of and cit.as_of > src.retrieved:
            diag(
                rec,
                rec.doc.position((*where, "as_of")),
                "L4R-T010",
                f"as_of {cit.as_of} is after the source was retrieved ({src.retrieved})",
            )


def _check_supersession(entry: FactEntry, diag: Any) -> None:
    alts = entry.spec.alternatives
    ids = {a.id: j for j, a in enumerate(alts) if a.id}
    for j, alt in enumerate(alts):
        pos = entry.position("alternatives", j)
        if alt.rank == "superseded" and alt.superseded_by is None:
            diag(entry.owner, pos, "L4R-T011", "a superseded alternative needs superseded_by (an alternative id or 'preferred')")
            continue
        if alt.superseded_by is None:
            continue
        if alt.rank != "superseded":
            diag(entry.owner, pos, "L4R-T011", f"superseded_by is set but rank is {alt.rank!r}")
        # Follow the chain; it must end at the preferred value without looping.
        seen = {j}
        target = alt.superseded_by
        while target != "preferred":
            if target not in ids:
                diag(entry.owner, pos, "L4R-T011", f"superseded_by {target!r} names no alternative id (or 'preferred')")
                break
            k = ids[target]
            if k in seen:
                diag(entry.owner, pos, "L4R-T011", "supersession chain loops")
                break
            seen.add(k)
            target = alts[k].superseded_by or "preferred"
