"""Shell completion of the data: fact paths, variants, providers, sources and benchmark names.

Every function takes what the user has typed so far and returns the candidates, read from the
shipped index (``head.json``, plus ``sources.json`` for source ids) without pydantic, PyYAML or
the knowledge base, so a TAB costs little more than starting the command. Fact paths complete
one segment at a time (``maverick.pa`` → ``maverick.params.``); a segment with a single
continuation is followed down until the paths branch, so the shell never stops on a lone dot.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from llama4ref.paths import BENCHMARKS, FactPath

__all__ = [
    "complete_benchmark",
    "complete_fact_path",
    "complete_identifier",
    "complete_provider",
    "complete_source",
    "complete_variant",
]


@cache
def _head() -> Mapping[str, Any]:
    from llama4ref.store.index import read_shipped

    head: Mapping[str, Any] = read_shipped("head.json")
    return head


@cache
def _paths() -> tuple[str, ...]:
    from llama4ref.paths import term_path
    from llama4ref.records.derivations import DERIVATIONS
    from llama4ref.store.index import read_shipped

    stored = _head()["paths"]
    terms = [term_path(tid) for tid in read_shipped("license_terms.json")]  # each license term's fact
    return tuple(sorted({*stored, *(r.path for r in DERIVATIONS), *terms}))


def _starting(candidates: Iterable[str], incomplete: str) -> list[str]:
    low = incomplete.casefold()
    return sorted({c for c in candidates if c.casefold().startswith(low)})


def complete_variant(incomplete: str) -> list[str]:
    """Variant ids and their aliases (``scout``, ``llama-4-scout``, …)."""
    head = _head()
    names = set(head["variants"]) | {a for a in head["aliases"] if " " not in a}
    return _starting(names, incomplete)


def complete_provider(incomplete: str) -> list[str]:
    """Provider keys, as in the fact paths ``providers.<key>.…``."""
    keys = {k for p in _head()["paths"] if (k := FactPath.parse(p).provider) is not None}
    return _starting(keys, incomplete)


def complete_benchmark(incomplete: str) -> list[str]:
    """Benchmark names, the last segment of ``<model>.benchmarks.<table>.<name>``."""
    names = {fp.leaf for fp in map(FactPath.parse, _head()["paths"]) if fp.kind == BENCHMARKS}
    return _starting(names, incomplete)


def complete_identifier(incomplete: str) -> list[str]:
    """Published names from the identifier catalog (repo ids, provider ids), and variant ids."""
    names = {key.split(":", 1)[1] for key in _head()["identifiers"]}
    return _starting(names | set(_head()["variants"]), incomplete)


def complete_source(incomplete: str) -> list[str]:
    """Source record ids."""
    from llama4ref.store.index import read_shipped

    return _starting(read_shipped("sources.json"), incomplete)


def complete_fact_path(incomplete: str) -> list[str]:
    """The next segment of the fact paths that begin with ``incomplete``.

    A candidate ending in ``.`` is a group with more below it; one without is a whole path.
    """
    from llama4ref.records.aliases import normalise_alias

    paths = _paths()
    first, dot, rest = incomplete.partition(".")
    typed, canonical = "", ""
    if dot and first not in _head()["variants"]:
        # the first segment may be an alias (``llama-4-scout.params.``): complete under its
        # variant, and give the candidates back under the alias the user typed
        variant = _head()["aliases"].get(normalise_alias(first))
        if variant:
            typed, canonical = first + ".", variant + "."
            incomplete = canonical + rest
    out = _next_segments(paths, incomplete)
    while len(out) == 1 and out[0].endswith("."):
        deeper = _next_segments(paths, out[0])
        if not deeper:
            break
        out = deeper
    return [typed + c[len(canonical) :] for c in out] if typed else out


def _next_segments(paths: Iterable[str], prefix: str) -> list[str]:
    low = prefix.casefold()
    start = prefix.rfind(".") + 1
    found: set[str] = set()
    for path in paths:
        if not path.casefold().startswith(low):
            continue
        end = path.find(".", start)
        found.add(path if end < 0 else path[: end + 1])
    return sorted(found)
