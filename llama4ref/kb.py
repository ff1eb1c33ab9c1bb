"""The query layer: path lookup, variants, sources and search over a compiled index."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from llama4ref.errors import UnknownIdError
from llama4ref.models import Citation, LicenseTerm, Source
from llama4ref.results import Fact, VariantInfo
from llama4ref.tree import normalise_alias


class KnowledgeBase:
    """Read-only access to one compiled facts tree."""

    def __init__(self, index: dict[str, Any]) -> None:
        self._index = index
        self._facts: dict[str, dict[str, Any]] = index["facts"]
        self._aliases: dict[str, str] = index["aliases"]
        self._cache: dict[str, Fact] = {}

    # -- identity ---------------------------------------------------------------------
    @property
    def data_version(self) -> str:
        return str(self._index.get("data_version", "unversioned"))

    def variant_id(self, name: str, *, parse: bool = True) -> str:
        """The variant id an alias, id or published identifier names (case-insensitive).

        With ``parse`` (the default), an identifier that is not listed is parsed by its parts
        (``...-17B-16E-...`` is Scout).
        """
        key = normalise_alias(name)
        if key in self._aliases:
            return self._aliases[key]
        ident = self._index.get("identifiers", {}).get(key)
        if ident is not None and ident.get("valid", True):
            return str(ident["variant"])
        if parse:
            from llama4ref.resolve import resolve_variant_id

            found = resolve_variant_id(self, name)
            if found is not None:
                return found
        raise UnknownIdError("variant", name, self._suggest(key, self._aliases))

    def variant(self, name: str) -> VariantInfo:
        """The typed identity record of a variant."""
        vid = self.variant_id(name)
        return VariantInfo.model_validate(self._index["variants"][vid])

    def variants(self, role: str | None = None) -> list[VariantInfo]:
        """Every model record, Llama 4 variants first."""
        order = {"released": 0, "preview": 1, "comparison": 2}
        out = [VariantInfo.model_validate(v) for v in self._index["variants"].values()]
        out = [v for v in out if role is None or v.role == role]

        def size(v: VariantInfo) -> int:  # Llama 4 variants smallest first: Scout, Maverick, Behemoth
            raw = self._facts.get(f"{v.id}.params.total", {}).get("value")
            return raw if isinstance(raw, int) and v.role != "comparison" else 0

        return sorted(out, key=lambda v: (order.get(v.role, 3), size(v), v.id))

    # -- facts ------------------------------------------------------------------------
    def normalise_path(self, path: str) -> str:
        """Resolve a variant alias at the start of ``path`` and lower-case the rest."""
        parts = path.strip().split(".")
        # The longest listed alias prefix wins ("llama-3.1-70b.benchmarks..."); only a single
        # first segment is parsed by its parts ("Llama-4-Scout-17B-16E-Instruct-FP8.params...").
        attempts = [(cut, False) for cut in range(len(parts) - 1, 0, -1)] + [(1, True)]
        for cut, parse in attempts:
            try:
                vid = self.variant_id(".".join(parts[:cut]), parse=parse)
            except UnknownIdError:
                continue
            return ".".join([vid, *(p.lower() for p in parts[cut:])])
        return path.strip().lower()

    def get(self, path: str) -> Fact:
        """The fact at ``path`` (stored or derived); raises :class:`UnknownIdError`."""
        full = self.normalise_path(path)
        if full in self._cache:
            return self._cache[full]
        raw = self._facts.get(full)
        if raw is not None:
            fact = Fact.model_validate({"path": full, **raw})
        else:
            from llama4ref.derived import compute

            derived = compute(self, full)
            if derived is None:
                raise UnknownIdError("fact path", path, self._path_suggestions(full))
            fact = derived
        self._cache[full] = fact
        return fact

    def has(self, path: str) -> bool:
        try:
            self.get(path)
        except UnknownIdError:
            return False
        return True

    def value(self, path: str) -> Any:
        """Shortcut for ``get(path).value``."""
        return self.get(path).value

    def paths(self, prefix: str = "", *, derived: bool = True) -> list[str]:
        """Every fact path under ``prefix`` (stored, and derived when asked)."""
        full = self.normalise_path(prefix) if prefix else ""
        stored = [p for p in self._facts if not full or p == full or p.startswith(full + ".")]
        if derived:
            from llama4ref.derived import derived_paths

            stored += [p for p in derived_paths(self) if not full or p == full or p.startswith(full + ".")]
        return sorted(set(stored))

    def facts(self, prefix: str = "", *, derived: bool = True) -> list[Fact]:
        return [self.get(p) for p in self.paths(prefix, derived=derived)]

    def stored_paths(self) -> Iterable[str]:
        return self._facts.keys()

    def raw_fact(self, path: str) -> dict[str, Any] | None:
        return self._facts.get(path)

    # -- sources, records -------------------------------------------------------------
    @cached_property
    def _sources(self) -> dict[str, Source]:
        return {
            sid: Source.model_validate({k: v for k, v in raw.items() if k != "file"}, strict=False)
            for sid, raw in self._index["sources"].items()
        }

    def source(self, source_id: str) -> Source:
        try:
            return self._sources[source_id]
        except KeyError:
            raise UnknownIdError("source", source_id, self._suggest(source_id, self._sources)) from None

    def sources(self) -> list[Source]:
        return sorted(self._sources.values(), key=lambda s: s.id)

    def source_file(self, source_id: str) -> str | None:
        raw = self._index["sources"].get(source_id)
        return None if raw is None else raw.get("file")

    def backed_by(self, source_id: str) -> list[str]:
        """Paths of the facts (and license terms) that cite ``source_id``."""
        self.source(source_id)
        out: list[str] = []
        for path, raw in self._facts.items():
            cits = list(raw.get("citations", []))
            for alt in raw.get("alternatives", []):
                cits += alt.get("citations", [])
            if any(c["source"] == source_id for c in cits):
                out.append(path)
        for tid, term in self._index.get("license_terms", {}).items():
            if any(c["source"] == source_id for c in term.get("citations", [])):
                out.append(f"license_terms/{tid}")
        return sorted(out)

    def sheets(self) -> dict[str, dict[str, Any]]:
        return dict(self._index.get("sheets", {}))

    def license_terms(self) -> list[LicenseTerm]:
        return [
            LicenseTerm.model_validate({k: v for k, v in raw.items() if k != "file"}, strict=False)
            for raw in self._index.get("license_terms", {}).values()
        ]

    def identifiers(self) -> dict[str, dict[str, Any]]:
        return dict(self._index.get("identifiers", {}))

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
        return difflib.get_close_matches(key, list(pool), n=3, cutoff=0.6)

    def _path_suggestions(self, full: str) -> list[str]:
        children = [p for p in self.paths(full)]
        if children:
            return children[:6]
        return self._suggest(full, self.paths())
