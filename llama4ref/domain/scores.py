"""Benchmark results as tables: one table per evaluation set, models as columns.

A result is any ``score`` fact at ``<model>.benchmarks.<set>.<benchmark>``. Sets keep their
provenance (self-reported card tables, the blog's tables read from their images,
independent reproductions) and are never merged into one table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from llama4ref.errors import UnknownIdError
from llama4ref.paths import FactPath
from llama4ref.store.answers import Fact
from llama4ref.store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from llama4ref.store.shapes.tools import BenchTableJSON

SET_ORDER = ("pretrained", "instruct", "blog", "vllm_reproduction")


class Row:
    """One benchmark's line in a table: its results by model (a plain class: importing
    dataclasses would cost `show` part of its start-up budget)."""

    __slots__ = ("benchmark", "category", "metric", "name", "shots", "values")

    def __init__(self, benchmark: str, name: str, category: str, shots: str, metric: str) -> None:
        self.benchmark, self.name, self.category, self.shots, self.metric = benchmark, name, category, shots, metric
        self.values: dict[str, Fact] = {}

    def __repr__(self) -> str:
        return f"Row({self.benchmark!r}, {sorted(self.values)!r})"


class BenchTable(NamedTuple):
    """A set's table of results: its models, rows and where they come from."""

    set: str
    provenance: str
    models: list[str]
    rows: list[Row]
    table: str = ""  # the source's own table name when one set holds several tables (the blog has three)

    def to_json(self) -> BenchTableJSON:
        return {
            "set": self.set,
            "table": self.table or None,
            "provenance": self.provenance,
            "models": self.models,
            "rows": [
                {
                    "benchmark": r.benchmark,
                    "name": r.name,
                    "category": r.category,
                    "shots": r.shots,
                    "metric": r.metric,
                    "values": {m: f.value for m, f in r.values.items()},
                    "paths": {m: f.path for m, f in r.values.items()},
                }
                for r in self.rows
            ],
        }


def _parse(path: str, variant_ids: list[str]) -> tuple[str, str, str] | None:
    """(variant, table, benchmark) of a benchmark result in a table, else None."""
    fp = FactPath.parse(path)
    if fp.head not in variant_ids or fp.table is None or fp.benchmark is None or fp.key:
        return None
    return fp.head, fp.table, fp.benchmark


def _shared(row: Row, qualifier: str) -> str:
    """A row's shots or metric: the models' common value, or the values with ``*`` when only
    some models' results state it (the blog gives 0-shot for the Llama columns only)."""
    given = [str(f.qualifiers[qualifier]) for f in row.values.values() if qualifier in f.qualifiers]
    distinct = sorted(set(given))
    if not distinct:
        return ""
    return "/".join(distinct) + ("" if len(given) == len(row.values) and len(distinct) == 1 else "*")


def benchmark_key(kb: KnowledgeBase, name: str) -> str:
    """The benchmark ``name`` spells, by the vocabulary's spellings ("MMLU-Pro", "mmlu pro" and
    "mmlupro" are ``mmlu_pro``). Raises :class:`UnknownIdError` with the closest names when none."""
    key = _spelled(kb, name)
    if key is not None:
        return key
    phrases = _benchmark_phrases(kb)

    def closest() -> list[str]:
        import difflib

        from llama4ref.records.vocabulary import compact

        typed = compact(name)
        near = [p for p in sorted(phrases, key=len) if typed and p.startswith(typed)]  # "gpqa" → gpqa_diamond
        near += difflib.get_close_matches(typed, sorted(phrases), n=6, cutoff=0.6)
        return list(dict.fromkeys(phrases[p] for p in near))[:3]

    raise UnknownIdError("benchmark", name, closest)


def _spelled(kb: KnowledgeBase, name: str) -> str | None:
    from llama4ref.records.vocabulary import compact  # only when a name is looked up: `show` never needs it

    return _benchmark_phrases(kb).get(compact(name))


def _benchmark_phrases(kb: KnowledgeBase) -> dict[str, str]:
    """Every benchmark spelling, compacted → the benchmark's key."""
    table = kb.vocabulary()
    terms = table["terms"]
    out: dict[str, str] = {}
    for phrase, ids in table["phrases"].items():
        keys = [terms[i]["target"] for i in ids if terms[i].get("cls") == "benchmark"]
        if keys:
            out[phrase] = str(keys[0])
    return out


def tables(kb: KnowledgeBase, variant: str | None = None, stage: str | None = None, name: str | None = None) -> list[BenchTable]:
    """Benchmark tables filtered by variant (its tables keep all their models), set and benchmark."""
    models = [v.id for v in kb.variants()]
    wanted_variant = kb.variant_id(variant) if variant else None
    wanted = benchmark_key(kb, name) if name else None
    by_set: dict[tuple[str, str], dict[str, Row]] = {}
    set_models: dict[tuple[str, str], list[str]] = {}
    provenance: dict[tuple[str, str], set[str]] = {}
    for path in kb.paths(derived=False):
        parsed = _parse(path, models)
        if parsed is None:
            continue
        model, bset, bench = parsed
        fact = kb.get(path)
        if fact.unit != "score" or (stage and bset != stage):
            continue
        q = fact.qualifiers
        label = str(q.get("benchmark", bench))
        if wanted and wanted not in (bench, _spelled(kb, label)):
            continue
        key = (bset, str(q.get("table", "")) if bset == "blog" else "")
        if "direction" in q:
            label = f"{label} {q['direction']}"
        row = by_set.setdefault(key, {}).setdefault(
            bench, Row(bench, label, str(q.get("category", "")), str(q.get("shots", "")), str(q.get("metric", "")))
        )
        row.values[model] = fact
        set_models.setdefault(key, [])
        if model not in set_models[key]:
            set_models[key].append(model)
        provenance.setdefault(key, set()).add(str(q.get("provenance", "unstated")))
    for rows_of_set in by_set.values():
        for row in rows_of_set.values():
            row.shots, row.metric = _shared(row, "shots"), _shared(row, "metric")
    out: list[BenchTable] = []
    for key in sorted(by_set, key=lambda k: (SET_ORDER.index(k[0]) if k[0] in SET_ORDER else 99, k)):
        ms = sorted(set_models[key], key=models.index)
        if wanted_variant and wanted_variant not in ms:
            continue
        rows = list(by_set[key].values())
        if wanted_variant:
            rows = [r for r in rows if wanted_variant in r.values]
        out.append(BenchTable(key[0], ", ".join(sorted(provenance[key])), ms, rows, key[1]))
    return out
