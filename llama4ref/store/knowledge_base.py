"""The query layer: path lookup, variants, sources and search over a compiled index."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeVar

from llama4ref.errors import SourceIdAsPathError, UnknownIdError
from llama4ref.records.aliases import normalise_alias
from llama4ref.store.answers import Citation, Fact, Identifier, LicenseTerm, Sheet, Source, VariantInfo

_A_co = TypeVar("_A_co", covariant=True)

LICENSE_TERMS = "license_terms"
"""llama4ref.paths.LICENSE_TERMS, written out: a lookup does not import the path grammar (start-up)."""


class AnswerType(Protocol[_A_co]):
    """An answer type of :mod:`llama4ref.store.answers`: built from its index entry."""

    def from_index(self, raw: Mapping[str, Any], /) -> _A_co: ...


# Start-up budget (benchmarks/): the query layer imports neither pydantic nor difflib until a
# record model or a suggestion is needed; answers are built straight from the index dicts.


def require_str(value: object, what: str) -> str:
    """``value`` if it is a ``str``; else :class:`TypeError` naming the argument and the type given."""
    if isinstance(value, str):
        return value
    hint = " (decode it first)" if isinstance(value, (bytes, bytearray)) else ""
    raise TypeError(f"{what} must be a str, not {type(value).__name__}{hint}")


class KnowledgeBase:
    """Read-only access to one compiled facts tree."""

    def __init__(self, index: Mapping[str, Any]) -> None:
        self._index = index
        self._facts: Mapping[str, dict[str, Any]] = index["facts"]
        self._aliases: dict[str, str] = index["aliases"]
        self._cache: dict[str, Fact] = {}
        self._normalised: dict[str, str] = {}  # normalise_path's answers: export and search ask for each path more than once
        self._source_cache: dict[str, Source] = {}
        self._identifiers: list[Identifier] | None = None
        self._ident_lookup: dict[str, list[Mapping[str, Any]]] | None = None
        self._sorted: list[str] | None = None
        self._backer_map: dict[str, list[str]] | None = None
        self._views: dict[str, str] | None = None  # a license term's fact path → its id (llama4ref.store.termviews)
        self._most_parts: int | None = None  # _name_parts, computed on first use
        self._ident_citers: dict[str, list[str]] | None = None  # identifiers_citing's map, built on first use

    # -- identity ---------------------------------------------------------------------
    @property
    def data_version(self) -> str:
        return str(self._index.get("data_version", "unversioned"))

    def variant_id(self, name: str, *, parse: bool = True) -> str:
        """The variant id an alias, id or published identifier names (case-insensitive).

        With ``parse`` (the default), an identifier that is not listed is parsed by its parts
        (``...-17B-16E-...`` is Scout).
        """
        found = self._find_variant(require_str(name, "name"), parse=parse)
        if found is None:
            raise UnknownIdError("variant", name, lambda: self._variant_suggestions(name))
        return found

    def _variant_suggestions(self, name: str) -> list[str]:
        """Close aliases, one per variant, each shown as the variant's id (never two spellings of one)."""
        close = difflib_close(normalise_alias(name), list(self._aliases), n=8)
        return list(dict.fromkeys(self._aliases[a] for a in close))[:3]

    def _find_variant(self, name: str, *, parse: bool) -> str | None:
        key = normalise_alias(name)
        if key in self._aliases:
            return self._aliases[key]
        valid = [i for i in self.identifier_matches(name) if i.valid]
        if valid:
            exact = [i for i in valid if i.name == name.strip()]
            return str((exact or valid)[0].variant)
        if parse and not self.has_source(name.strip()):  # a source's id names that source, never a model
            from llama4ref.store.idparse import parse as parse_id

            parsed = parse_id(name)  # a name read by its parts (Llama-4-Scout-17B-16E-…), when valid
            return parsed.variant if parsed is not None and parsed.valid else None
        return None

    def variant(self, name: str) -> VariantInfo:
        """The typed identity record of a variant."""
        vid = self.variant_id(name)
        return VariantInfo.from_index(self._index["variants"][vid])

    def variant_ids(self) -> list[str]:
        """Every model record's id, in the index's order (cheap: no facts are read)."""
        return list(self._index["variants"])

    def variants(self, role: str | None = None) -> list[VariantInfo]:
        """Every model record, Llama 4 variants first."""
        order = {"released": 0, "preview": 1, "comparison": 2}
        out = [VariantInfo.from_index(v) for v in self._index["variants"].values()]
        out = [v for v in out if role is None or v.role == role]

        def size(v: VariantInfo) -> int:  # Llama 4 variants smallest first: Scout, Maverick, Behemoth
            raw = self._facts.get(f"{v.id}.params.total", {}).get("value")
            return raw if isinstance(raw, int) and v.role != "comparison" else 0

        return sorted(out, key=lambda v: (order.get(v.role, 3), size(v), v.id))

    # -- facts ------------------------------------------------------------------------
    def normalise_path(self, path: str) -> str:
        """Resolve a variant alias at the start of ``path`` and lower-case the rest."""
        done = self._normalised.get(path) if isinstance(path, str) else None
        if done is None:
            done = self._normalised[path] = self._normalise(path)
        return done

    def _name_parts(self) -> int:
        """The most dot-separated parts a variant's alias or a listed identifier has ("llama-3.1-70b": 2):
        a longer prefix of a path names no variant, so :meth:`_normalise` tries no longer one (a
        question of 20,000 dots was tried at each of its cuts, 5 s)."""
        if self._most_parts is None:
            names = [*self._aliases, *(str(e["name"]) for e in self._index.get("identifiers", {}).values())]
            self._most_parts = 1 + max((n.count(".") for n in names), default=0)
        return self._most_parts

    def _normalise(self, path: str) -> str:
        parts = require_str(path, "path").strip().split(".")
        written = path.strip().lower()
        if written.startswith(LICENSE_TERMS):  # a license term's view, its id written as the records do
            from llama4ref.store.termviews import canonical

            found = canonical(written, self.section(LICENSE_TERMS))
            if found is not None:
                return found
        # The longest listed alias prefix wins ("llama-3.1-70b.benchmarks..."); a path that
        # names stored facts as written is taken as written; only then is a single first
        # segment parsed by its parts ("Llama-4-Scout-17B-16E-Instruct-FP8.params...").
        for cut in range(min(max(len(parts) - 1, 1), self._name_parts()), 0, -1):
            vid = self._find_variant(".".join(parts[:cut]), parse=False)
            if vid is not None:
                return ".".join([vid, *(p.lower() for p in parts[cut:])])
        if written in self._facts or self._under(written):
            return written
        vid = self._find_variant(parts[0], parse=True)
        if vid is not None:
            return ".".join([vid, *(p.lower() for p in parts[1:])])
        return written

    def _under(self, prefix: str) -> list[str]:
        """The stored paths that lie under ``prefix`` (``scout.params.total`` under ``scout.params``),
        in order: a range of the sorted paths, found by bisection (no scan of every path)."""
        if self._sorted is None:
            self._sorted = sorted(self._facts)  # the shipped index lists them sorted already: a linear pass
        paths = self._sorted
        # Every path under it begins with prefix + "."; "/" follows "." in code-point order.
        return paths[bisect_left(paths, prefix + ".") : bisect_left(paths, prefix + "/")]

    def get(self, path: str) -> Fact:
        """The fact at ``path`` (stored or derived); raises :class:`UnknownIdError`
        (:class:`SourceIdAsPathError` when ``path`` is a source's id)."""
        full = self.normalise_path(path)
        if full in self._cache:
            return self._cache[full]
        raw = self._facts.get(full)
        term = None if raw is not None else self.term_id(full)
        if raw is not None:
            fact = Fact.from_index(full, raw)
        elif term is not None:
            from llama4ref.store.termviews import view

            fact = view(full, term, self._index[LICENSE_TERMS][term])
        else:
            from llama4ref.store.derived import compute

            derived = compute(self, full)
            if derived is None:
                if path.strip() in self._index["sources"]:  # a source id means that source, never a model's facts
                    raise SourceIdAsPathError(path.strip())
                raise UnknownIdError("fact path", path, lambda: self._path_suggestions(full))
            fact = derived
        self._cache[full] = fact
        return fact

    def has(self, path: str) -> bool:
        """Whether a fact (stored or derived) is at ``path``: a membership test, no suggestions built."""
        try:
            self.get(path)
        except UnknownIdError:  # its "did you mean" list is computed only if shown: nothing here
            return False
        return True

    def value(self, path: str) -> Any:
        """Shortcut for ``get(path).value``."""
        return self.get(path).value

    def paths(self, prefix: str = "", *, derived: bool = True, terms: bool = True) -> list[str]:
        """Every fact path under ``prefix``: the stored ones, and with ``derived`` the facts no
        fact sheet stores: derived values and, with ``terms`` too, the license terms' views
        (``license_terms.<id>``, llama4ref.store.termviews; the exports, which list the terms in
        a table of their own, leave them out)."""
        full = self.normalise_path(prefix) if prefix else ""
        stored = list(self._facts) if not full else ([full] if full in self._facts else []) + self._under(full)
        if derived:
            from llama4ref.store.derived import derived_paths

            stored += [p for p in derived_paths(self) if not full or p == full or p.startswith(full + ".")]
            if terms and (not full or LICENSE_TERMS.startswith(full.split(".")[0])):
                stored += [p for p in self._term_views() if not full or p == full or p.startswith(full + ".")]
        return sorted(set(stored))

    def facts(self, prefix: str = "", *, derived: bool = True, terms: bool = True) -> list[Fact]:
        return [self.get(p) for p in self.paths(prefix, derived=derived, terms=terms)]

    def term_id(self, path: str) -> str | None:
        """The id of the license term whose view is at ``path`` (a normalised path), else None."""
        if not path.startswith(LICENSE_TERMS + "."):
            return None
        return self._term_views().get(path)

    def _term_views(self) -> dict[str, str]:
        if self._views is None:
            from llama4ref.store.termviews import view_paths

            self._views = view_paths(self.section(LICENSE_TERMS))
        return self._views

    def group(self, prefix: str) -> list[Fact]:
        """The facts under a path prefix (``maverick.experts``), or [] when none is (an empty prefix is none)."""
        full = self.normalise_path(prefix)
        if not full:
            return []
        return [self.get(p) for p in self.paths(prefix) if p != full]

    def stored_paths(self) -> Iterable[str]:
        return self._facts.keys()

    def raw_fact(self, path: str) -> dict[str, Any] | None:
        return self._facts.get(path)

    # -- sources, records -------------------------------------------------------------
    def source(self, source_id: str) -> Source:
        found = self._source_cache.get(require_str(source_id, "source_id"))
        if found is None:
            raw = self._index["sources"].get(source_id)
            if raw is None:
                raise UnknownIdError("source", source_id, lambda: self._suggest(source_id, self._index["sources"]))
            found = self._source_cache[source_id] = Source.from_index(raw)
        return found

    def has_source(self, source_id: str) -> bool:
        """Whether ``source_id`` is a source's id, exactly as written (a membership test)."""
        return require_str(source_id, "source_id") in self._index["sources"]

    def sources(self) -> list[Source]:
        return [self.source(sid) for sid in sorted(self._index["sources"])]

    def source_file(self, source_id: str) -> str | None:
        raw = self._index["sources"].get(source_id)
        return None if raw is None else raw.get("file")

    def backed_by(self, source_id: str) -> list[str]:
        """Paths of the facts (license terms' views among them) that cite ``source_id``."""
        self.source(source_id)
        return list(self._backers().get(source_id, ()))

    def _backers(self) -> dict[str, list[str]]:
        """Source id → the sorted paths citing it, from one pass over every fact (the bibliography
        asks for all sources: one scan of the facts per source was 3.7× the start-up floor)."""
        if self._backer_map is None:
            from llama4ref.paths import term_path

            found: dict[str, set[str]] = {}
            for path, raw in self._facts.items():
                for c in raw.get("citations", []):
                    found.setdefault(c["source"], set()).add(path)
                for alt in raw.get("alternatives", []):
                    for c in alt.get("citations", []):
                        found.setdefault(c["source"], set()).add(path)
            for tid, term in self._index.get("license_terms", {}).items():
                for c in term.get("citations", []):
                    found.setdefault(c["source"], set()).add(term_path(tid))  # its fact, llama4ref.store.termviews
            self._backer_map = {sid: sorted(paths) for sid, paths in found.items()}
        return self._backer_map

    def identifiers_citing(self, source_id: str) -> list[str]:
        """The names of the catalog's identifiers (``llama4ref resolve``) whose entry or license
        cites ``source_id``, sorted: what a source that backs no fact is in the records for."""
        self.source(source_id)
        if self._ident_citers is None:  # one pass over the raw entries, as _backers over the facts
            found: dict[str, set[str]] = {}
            for entry in self._index.get("identifiers", {}).values():
                cits = [*entry.get("citations", []), *(entry.get("license") or {}).get("citations", [])]
                for c in cits:
                    found.setdefault(c["source"], set()).add(str(entry["name"]))
            self._ident_citers = {sid: sorted(names) for sid, names in found.items()}
        return list(self._ident_citers.get(source_id, ()))

    def records(self, answer: AnswerType[_A_co]) -> list[_A_co]:
        """Every record of the kind whose answer type is ``answer`` (``kb.records(LicenseTerm)``),
        in index order."""
        return list(self.keyed(answer).values())

    def keyed(self, answer: AnswerType[_A_co]) -> dict[str, _A_co]:
        """The records of the kind whose answer type is ``answer``, by their key in the index (an
        id; ``<directory>/<id>`` for a sheet, ``<set>:<name>`` for an identifier). Each is built
        from its index entry, with that key given as ``record``."""
        from llama4ref.records.registry import KINDS

        name = getattr(answer, "__name__", "")
        kind = next((k for k in KINDS if k.answer == name), None)
        if kind is None:
            raise ValueError(f"{name or answer!r} is the answer type of no record kind (llama4ref.records.registry)")
        section: Mapping[str, Mapping[str, Any]] = self._index.get(kind.section, {})
        return {key: answer.from_index({"record": key, **raw}) for key, raw in section.items()}

    def sheets(self) -> list[Sheet]:
        """Every fact sheet record (without its facts), sorted by record key (``<directory>/<id>``)."""
        return sorted(self.records(Sheet), key=lambda s: s.record)

    def license_terms(self) -> list[LicenseTerm]:
        """Every license term record, by id."""
        return self.records(LicenseTerm)

    def section(self, name: str) -> Mapping[str, Any]:
        """One section of the compiled index as stored (``license_terms``: by id), {} when absent."""
        found: Mapping[str, Any] = self._index.get(name) or {}
        return found

    def vocabulary(self) -> Mapping[str, Any]:
        """The compiled vocabulary (llama4ref.records.vocabulary): terms and their phrases."""
        table: Mapping[str, Any] = self._index.get("vocabulary") or {"terms": [], "phrases": {}}
        return table

    def entities_named(self, name: str) -> list[Mapping[str, Any]]:
        """The vocabulary's entity terms (llama4ref.records.vocabulary) a name is a phrase of, as the
        records spell their other names (``trtllm``: TensorRT-LLM's; ``a100``: two GPUs')."""
        from llama4ref.records.vocabulary import compact

        table = self.vocabulary()
        terms: list[Mapping[str, Any]] = table["terms"]
        return [terms[i] for i in table["phrases"].get(compact(require_str(name, "name")), ()) if terms[i]["kind"] == "entity"]

    def identifiers(self) -> list[Identifier]:
        """Every catalog entry, by key (``<set id>:<name>``: one name may be listed by several sets)."""
        if self._identifiers is None:
            self._identifiers = self.records(Identifier)
        return list(self._identifiers)

    def identifier_matches(self, name: str) -> list[Identifier]:
        """The catalog entries whose name equals ``name`` without regard to case and width,
        official entries first."""
        require_str(name, "name")
        if self._ident_lookup is None:  # the index entries by name; an answer is built only for a match
            lookup: dict[str, list[Mapping[str, Any]]] = {}
            for entry in self._index.get("identifiers", {}).values():
                lookup.setdefault(normalise_alias(str(entry["name"])), []).append(entry)
            for entries in lookup.values():
                entries.sort(key=lambda e: (not e.get("official", False), str(e["set"])))
            self._ident_lookup = lookup
        return [Identifier.from_index(e) for e in self._ident_lookup.get(normalise_alias(name), ())]

    def citations_of(self, fact: Fact) -> list[Citation]:
        """The fact's citations, or its inputs' citations when it is derived."""
        if not fact.derived:
            return list(fact.citations)
        out: list[Citation] = []
        for p in fact.inputs:
            out += self.citations_of(self.get(p))
        return out

    # -- helpers ----------------------------------------------------------------------
    def _suggest(self, key: str, pool: Iterable[str]) -> list[str]:
        from llama4ref.suggest import closest

        return closest(key, pool)

    def _path_suggestions(self, full: str) -> list[str]:
        children = self.paths(full)
        if children:  # a group: its nearest members (fewest segments, then shortest), a few
            return sorted(children, key=lambda p: (p.count("."), len(p), p))[:3]
        return self._suggest(full, self.paths())


def difflib_close(key: str, pool: list[str], n: int) -> list[str]:
    """The ``n`` entries of ``pool`` closest to ``key`` (difflib, imported only when a name is unknown)."""
    import difflib

    return difflib.get_close_matches(key, pool, n=n, cutoff=0.6)
