"""The compiled index: the facts tree as JSON files shipped in the package.

YAML stays the single source of truth. ``compile_index`` turns a validated tree into a plain
JSON document that the runtime reads without PyYAML or model validation of the whole tree;
a test fails when the committed index differs from a fresh compile.

The document is written in shards (``_index/``) so that a lookup reads only what it needs and
start-up does not grow with the knowledge base (benchmarks/): ``head.json`` holds the small
tables every query uses (aliases, variants, identifiers, the list of fact paths), each
``facts.<key>.json`` the facts whose path starts with ``<key>.`` (the text before the first
dot), and the remaining sections one file each. :func:`read_index` returns the whole
document as a mapping whose sections and fact shards are read on first access; the shipped
shards are read through the package loader, so an install from a zip reads them too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama4ref.records.aliases import normalise_alias

if TYPE_CHECKING:  # reading the index must not import the validator (pydantic, PyYAML)
    from llama4ref.records.tree import Tree

INDEX_FORMAT = 1
INDEX_PATH = Path(__file__).resolve().parent.parent / "_index"
"""Where the index lives in a source checkout: ``python -m tools.build`` writes it there. The
runtime never reads this path; it reads the packaged copy through the package loader
(:func:`read_shipped`), so a zipped install works too."""


def head_sections() -> tuple[str, ...]:
    """The sections ``head.json`` holds: the small tables every query uses (the registry's
    ``head`` kinds). Read from the registry when asked: a lookup that needs no other section
    never imports it (the start-up budget)."""
    from llama4ref.records.registry import KINDS

    return ("format", "data_version", "kinds", "aliases", *(k.section for k in KINDS if k.head))


def lazy_sections() -> tuple[str, ...]:
    """The sections read from their own file on first access: every other kind's."""
    from llama4ref.records.registry import KINDS

    return tuple(k.section for k in KINDS if not k.head)


_MATERIALISED: Path | None = None


def read_shipped(name: str) -> Any:
    """One JSON file of the shipped index (``head.json``, ``facts.scout.json``, …), read through
    the package loader: zip-safe, and cheaper to import than importlib.resources."""
    import gc
    import pkgutil

    from llama4ref.errors import DataError

    try:
        data = pkgutil.get_data("llama4ref", f"_index/{name}")
        if data is None:
            raise OSError("the package loader cannot read data files")
        # the collector off while JSON makes thousands of lists and dicts none of which can be
        # garbage yet (10% of the vocabulary's 4 ms load)
        collecting = gc.isenabled()
        gc.disable()
        try:
            return json.loads(data)
        finally:
            if collecting:
                gc.enable()
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read the shipped index file _index/{name}: {exc}") from exc


def shipped_facts_dir() -> Path:
    """The facts tree that came with this installation, as a real directory: the wheel's
    ``llama4ref/_facts``, a source checkout's ``facts/``, or, when the package is imported from
    a zip, a temporary copy of the packaged ``_facts`` (made once per process, removed at exit)."""
    package = Path(__file__).resolve().parent.parent
    in_wheel = package / "_facts"
    if in_wheel.is_dir():
        return in_wheel
    checkout = package.parent / "facts"
    if checkout.is_dir() or package.is_dir():
        return checkout
    return _materialised_facts()


def _materialised_facts() -> Path:
    """The packaged ``_facts`` tree copied out of a zipped install into a temporary ``_facts``
    directory (Python 3.11's importlib.resources has no ``as_file`` for directories)."""
    global _MATERIALISED
    if _MATERIALISED is None:
        import atexit
        import shutil
        import tempfile
        from importlib.resources import files
        from importlib.resources.abc import Traversable

        from llama4ref.errors import DataError

        packaged = files("llama4ref").joinpath("_facts")
        if not packaged.is_dir():
            raise DataError("this installation ships no facts tree (llama4ref/_facts)")
        temp = Path(tempfile.mkdtemp(prefix="llama4ref-facts-"))
        atexit.register(shutil.rmtree, temp, ignore_errors=True)

        def copy(node: Traversable, dest: Path) -> None:
            dest.mkdir()
            for child in node.iterdir():
                if child.is_dir():
                    copy(child, dest / child.name)
                else:
                    (dest / child.name).write_bytes(child.read_bytes())

        copy(packaged, temp / "_facts")  # named as in the wheel: `refresh --write` refuses to edit it
        _MATERIALISED = temp / "_facts"
    return _MATERIALISED


def compile_index(tree: Tree) -> dict[str, Any]:
    """A deterministic JSON-ready document holding every record of ``tree``.

    Each record kind (llama4ref.records.registry) fills its section: by record id, the record's
    fields as written (defaults left out) and its file, unless :data:`_SECTIONS` compiles it
    another way."""
    from llama4ref.records import registry

    facts: dict[str, Any] = {}
    for entry in tree.facts():
        line = entry.position("__key__").line
        facts[entry.path] = _dump(entry.spec) | {"record": entry.owner.key, "file": f"{_rel(tree, entry.owner.doc.path)}:{line}"}
    index: dict[str, Any] = {
        "format": INDEX_FORMAT,
        "data_version": tree.data_version,
        "kinds": sorted({r.kind for r in tree.records if r.kind not in registry.DEDICATED}),
        "aliases": _aliases(tree),
        "facts": facts,
    }
    for kind in registry.KINDS:
        compile_section = _SECTIONS.get("sheets" if kind.name == registry.SHEETS else kind.name, _by_id)
        index[kind.section] = compile_section(tree, kind.name)
    return index


def _by_id(tree: Tree, kind: str) -> dict[str, Any]:
    return {r.record.id: _dump(r.record) | {"file": _rel(tree, r.doc.path)} for r in tree.of_kind(kind)}


def _aliases(tree: Tree) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for rec in tree.of_kind("variants"):
        v = rec.record
        aliases[normalise_alias(v.id)] = v.id
        for alias in v.aliases:
            aliases[normalise_alias(alias)] = v.id
    return aliases


def _variants(tree: Tree, kind: str) -> dict[str, Any]:
    """Variants without their facts (those are in ``facts``)."""
    return {r.record.id: _dump(r.record, exclude={"facts"}) | {"file": _rel(tree, r.doc.path)} for r in tree.of_kind(kind)}


def _sheets(tree: Tree, kind: str) -> dict[str, Any]:
    """Fact sheets without their facts, by record key (``<directory>/<id>``), with their directory as
    ``kind`` and their display name, if any, as ``name``, with the name's citations as
    ``name_citations`` (for the quote check, which reads the index, not the records)."""
    return {rec.key: _sheet(tree, rec) for rec in tree.sheets}


def _sheet(tree: Tree, rec: Any) -> dict[str, Any]:
    out = _dump(rec.record, exclude={"facts", "name"}) | {"kind": rec.kind, "file": _rel(tree, rec.doc.path)}
    named = rec.record.name
    if named is not None:
        out["name"] = named.value
        if named.citations:
            out["name_citations"] = [_dump(c) for c in named.citations]
    return out


def _identifiers(tree: Tree, kind: str) -> dict[str, Any]:
    """One entry per identifier (``<set>:<name>``), with its set's id, publisher and namespace."""
    out: dict[str, Any] = {}
    for rec in tree.of_kind(kind):
        s = rec.record
        for ident in s.entries:
            out[f"{s.id}:{ident.name}"] = _dump(ident) | {"set": s.id, "publisher": s.publisher, "namespace": s.namespace}
    return out


def _vocabulary(tree: Tree, kind: str) -> dict[str, Any]:
    from llama4ref.records.tree import term_views
    from llama4ref.records.vocabulary import compile_vocabulary

    return compile_vocabulary(tree, sorted({e.path for e in tree.facts()} | set(term_views(tree))))


_SECTIONS: dict[str, Callable[[Tree, str], dict[str, Any]]] = {
    "variants": _variants,
    "sheets": _sheets,
    "identifiers": _identifiers,
    "vocabulary": _vocabulary,
}
"""The kinds whose section is not simply their records by id (fact sheets: ``sheets``)."""


def render_index(index: dict[str, Any]) -> str:
    """The exact text of one index file (sorted keys, trailing newline)."""
    return json.dumps(index, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def shard_key(path: str) -> str:
    """The fact shard that holds ``path``: its text before the first dot."""
    return path.split(".", 1)[0]


def render_shards(index: dict[str, Any]) -> dict[str, str]:
    """The files of the shipped index (name → exact text), deterministic like :func:`render_index`."""
    head = {k: index[k] for k in head_sections()} | {"paths": sorted(index["facts"])}
    out = {"head.json": render_index(head)}
    out.update({f"{name}.json": render_index(index[name]) for name in lazy_sections()})
    shards: dict[str, dict[str, Any]] = {}
    for path, fact in index["facts"].items():
        shards.setdefault(shard_key(path), {})[path] = fact
    out.update({f"facts.{key}.json": render_index(facts) for key, facts in shards.items()})
    return out


def read_index(path: Path | None = None) -> Mapping[str, Any]:
    """The compiled index: the shipped one (``path`` None), a shard directory (both read lazily)
    or one JSON document."""
    if path is None:
        return _ShardedIndex(read_shipped)
    if path.is_dir():
        root = path
        return _ShardedIndex(lambda name: _read_json(root / name))
    data: dict[str, Any] = _read_json(path)
    return data


def _read_json(path: Path) -> Any:
    from llama4ref.errors import DataError

    try:
        with path.open(encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read the index file {path}: {exc}") from exc


class _ShardedIndex(Mapping[str, Any]):
    """The index document over its shard files; each section is read on first access."""

    def __init__(self, read: Callable[[str], Any]) -> None:
        self._read = read
        head: dict[str, Any] = read("head.json")
        self._paths: list[str] = head.pop("paths")
        self._data: dict[str, Any] = head

    def __getitem__(self, key: str) -> Any:
        if key not in self._data:
            if key == "facts":
                self._data[key] = _ShardedFacts(self._read, self._paths)
            elif key in lazy_sections():
                self._data[key] = self._read(f"{key}.json")
            else:
                raise KeyError(key)
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter((*head_sections(), "facts", *lazy_sections()))

    def __len__(self) -> int:
        return len(head_sections()) + 1 + len(lazy_sections())


class _ShardedFacts(Mapping[str, Any]):
    """Fact path → compiled fact; a shard file is read when one of its paths is first asked for."""

    def __init__(self, read: Callable[[str], Any], paths: list[str]) -> None:
        self._read = read
        self._paths = paths
        self._known = frozenset(paths)
        self._shards: dict[str, dict[str, Any]] = {}

    def __getitem__(self, path: str) -> Any:
        if path not in self._known:
            raise KeyError(path)
        key = shard_key(path)
        shard = self._shards.get(key)
        if shard is None:
            shard = self._shards[key] = self._read(f"facts.{key}.json")
        return shard[path]

    def __contains__(self, path: object) -> bool:
        return path in self._known

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)


def _dump(model: Any, exclude: set[str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump(mode="json", exclude_defaults=True, exclude=exclude)
    return data


def _rel(tree: Tree, path: Path) -> str:
    try:
        return f"facts/{path.relative_to(tree.root).as_posix()}"
    except ValueError:
        return str(path)
