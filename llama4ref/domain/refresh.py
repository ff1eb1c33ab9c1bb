"""Compare a new LiteLLM catalog release with the provider records read from an older one.

The provider records cite LiteLLM's map by release (a source whose ``url`` is the release's
PyPI page) and by entry and field (the locator ``<map>, entry "KEY", field FIELD``). The newest
release the records cite is the *baseline*; the difference between the baseline release and
the new one, entry by entry and field by field, is mapped onto the records that cite each
entry:

* ``new-offer``: an entry the records have never cited (its id resolved to a variant);
* ``no-variant``: a new entry whose id denotes no real variant (the resolver says why);
* ``returned``: an entry back after the records saw it dropped;
* ``offer-gone``: an entry the records cite from the baseline that the new release lacks;
* ``value-changed`` / ``field-added`` / ``field-removed``: a stored field (context, max output,
  prices, deprecation date) that changed, with the fact it backs;
* ``record-mismatch``: a record whose value differs from the baseline release it cites;

and, for information only (not counted as a change): entries neither release's records cite,
fields the records do not store, and values the new release confirms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama4ref.domain.catalog import MAP_FILE, PACKAGE, Release, version_key
from llama4ref.errors import Llama4RefError
from llama4ref.paths import FactPath

if TYPE_CHECKING:
    from llama4ref.domain.records_view import RecordsView, ViewRecord
    from llama4ref.records.tree import LoadedRecord, Tree

    Records = Tree | RecordsView  # the loaded tree (which --write edits), or a view of its index
    from llama4ref.store.knowledge_base import KnowledgeBase
    from llama4ref.store.shapes.tools import ChangeJSON, RefreshJSON, ReleaseJSON

__all__ = ["FIELDS", "Change", "Link", "RefreshReport", "baseline_version", "compare_releases", "links", "load_store"]

FIELDS: dict[str, tuple[str, ...]] = {
    "max_input_tokens": ("context.max_input", "context.total"),
    "max_output_tokens": ("context.max_output",),
    "input_cost_per_token": ("price.input",),
    "output_cost_per_token": ("price.output",),
    "input_cost_per_token_batches": ("price.batch_input",),
    "output_cost_per_token_batches": ("price.batch_output",),
    "deprecation_date": ("deprecation_date",),
    "litellm_provider": ("provider_name",),
}
"""Catalog fields the provider records store, and the facts they back (first: for a new record)."""
PER_TOKEN = frozenset(f for f in FIELDS if "cost_per_token" in f)
COUNTED = ("new-offer", "no-variant", "returned", "offer-gone", "value-changed", "field-added", "field-removed",
           "record-mismatch")  # fmt: skip
"""Kinds of change that make ``refresh`` exit 1; the others are information."""

RELEASE_URL = re.compile(rf"^https://pypi\.org/project/{PACKAGE}/(?P<version>[^/]+)/?$")
_ENTRY_FIELD = re.compile(r'entry "(?P<key>[^"]+)", field (?P<field>[a-z0-9_]+)')
_ENTRY_KEY = re.compile(r'entry key "(?P<key>[^"]+)"')


def stored_value(name: str, raw: Any) -> Any:
    """A catalog field as the records store it: USD per token become USD per million tokens."""
    if name in PER_TOKEN and isinstance(raw, int | float) and not isinstance(raw, bool):
        return float((Decimal(repr(raw)) * 1_000_000).normalize())
    return raw


@dataclass(frozen=True)
class Link:
    """One citation of a LiteLLM release in a provider record: which claim it backs."""

    record: LoadedRecord | ViewRecord
    provider: str
    variant: str
    fact: str
    claim: int
    """0 for the preferred value, ``j + 1`` for alternative ``j``."""
    citation: int
    version: str
    key: str
    field: str | None
    """None for a citation of the entry's key line."""
    value: Any


def _subject(rec: LoadedRecord | ViewRecord) -> tuple[str, str] | None:
    fp = FactPath.parse_or_none(str(getattr(rec.record, "subject", "")))
    if fp is None or fp.provider is None or fp.variant is None or fp.key:
        return None
    return fp.provider, fp.variant


def release_sources(tree: Records) -> dict[str, str]:
    """Source id → LiteLLM version, for every source that is a LiteLLM release's map."""
    out = {}
    for sid, src in tree.sources.items():
        m = RELEASE_URL.match(src.url)
        if m and (src.path or "").endswith(MAP_FILE):
            out[sid] = m["version"]
    return out


def links(tree: Records) -> list[Link]:
    """Every citation of a LiteLLM release in the provider records, in file order."""
    versions = release_sources(tree)
    out: list[Link] = []
    for rec in tree.sheets:
        where = _subject(rec)
        if where is None:
            continue
        for fact, spec in rec.record.facts.items():
            claims = [(spec.value, spec.citations), *((a.value, a.citations) for a in spec.alternatives)]
            for i, (value, cits) in enumerate(claims):
                for k, cit in enumerate(cits):
                    if cit.source not in versions:
                        continue
                    m = _ENTRY_FIELD.search(cit.locator) or _ENTRY_KEY.search(cit.locator)
                    if m is None:
                        continue
                    name = m.groupdict().get("field")
                    out.append(Link(rec, *where, fact, i, k, versions[cit.source], m["key"], name, value))
    return out


def baseline_version(tree: Records) -> str | None:
    """The newest LiteLLM release the provider records cite."""
    found = {link.version for link in links(tree)}
    return max(found, key=version_key) if found else None


@dataclass(frozen=True)
class Change:
    """One difference between the releases, mapped onto the records."""

    kind: str
    key: str
    provider: str | None = None
    variant: str | None = None
    fact: str | None = None
    field: str | None = None
    old: Any = None
    new: Any = None
    detail: str | None = None
    files: tuple[str, ...] = ()

    @property
    def path(self) -> str | None:
        if self.provider is None or self.variant is None:
            return None
        base = f"providers.{self.provider}.{self.variant}"
        return f"{base}.{self.fact}" if self.fact else base

    def to_json(self) -> ChangeJSON:
        return {
            "kind": self.kind,
            "key": self.key,
            "path": self.path,
            "field": self.field,
            "old": self.old,
            "new": self.new,
            "detail": self.detail,
            "files": list(self.files),
        }


@dataclass
class RefreshReport:
    """The difference between a baseline release and a new one, as it touches the records."""

    baseline: Release
    new: Release
    changes: list[Change] = field(default_factory=list)
    confirmed: list[Link] = field(default_factory=list)
    """Citations of the baseline whose value the new release repeats (``--write`` re-pins them)."""

    @property
    def changed(self) -> bool:
        return any(c.kind in COUNTED for c in self.changes)

    def summary(self) -> dict[str, int]:
        counts = Counter(c.kind for c in self.changes)
        out = {kind: counts.get(kind, 0) for kind in (*COUNTED, "unrecorded", "not-stored")}
        out["confirmed"] = len(self.confirmed)
        return out

    def to_json(self) -> RefreshJSON:
        def release(r: Release) -> ReleaseJSON:
            return {"package": PACKAGE, "version": r.version, "wheel": r.wheel, "sha256": r.sha256,
                    "published": str(r.published) if r.published else None, "llama4_entries": len(r.entries)}  # fmt: skip

        return {
            "baseline": release(self.baseline),
            "new": release(self.new),
            "changed": self.changed,
            "summary": self.summary(),
            "changes": [c.to_json() for c in self.changes],
            "confirmed": sorted({f"providers.{k.provider}.{k.variant}.{k.fact}" for k in self.confirmed}),
        }


def _litellm_provider(entry: dict[str, Any] | None) -> str | None:
    value = (entry or {}).get("litellm_provider")
    return value if isinstance(value, str) else None


def provider_ids(found: list[Link], baseline: Release) -> dict[str, str]:
    """LiteLLM provider name → the records' provider id, learnt from the entries the records cite."""
    out: dict[str, str] = {}
    for link in found:
        name = _litellm_provider(baseline.entries.get(link.key))
        if name:
            out.setdefault(name, link.provider)
    return out


def new_provider_id(name: str) -> str:
    """A provider id for a LiteLLM provider the records do not know yet (``vertex_ai-x`` → ``vertex_ai_x``)."""
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "unknown"


def compare_releases(tree: Records, kb: KnowledgeBase, baseline: Release, new: Release) -> RefreshReport:
    """Map the differences from ``baseline`` to ``new`` onto the provider records of ``tree``."""
    from llama4ref.domain.resolve import resolve

    every = links(tree)
    at_base = _as_of_release(every, baseline.version)
    cited = {k.key for k in every if version_key(k.version) <= version_key(baseline.version)}
    report = RefreshReport(baseline, new)
    add = report.changes.append
    ids = provider_ids(at_base, baseline)
    for key in sorted(set(baseline.entries) | set(new.entries)):
        old_entry, new_entry = baseline.entries.get(key), new.entries.get(key)
        mine = [k for k in at_base if k.key == key]
        files = tuple(sorted({str(k.record.doc.path) for k in mine}))
        offers = sorted({(k.provider, k.variant) for k in mine})
        if old_entry is None and new_entry is not None:
            if key in cited:
                prov, var = next((k.provider, k.variant) for k in every if k.key == key)
                add(Change("returned", key, prov, var, detail=f"cited from an older release; back in {new.name}"))
                continue
            try:
                res = resolve(kb, key)
            except Llama4RefError:
                continue  # not a Llama 4 id after all
            if not res.valid or res.variant is None:
                add(Change("no-variant", key, detail=res.reason or "denotes no Llama 4 variant"))
                continue
            name = _litellm_provider(new_entry) or key.split("/", 1)[0]
            prov = ids.get(name) or new_provider_id(name)
            add(Change("new-offer", key, prov, res.variant))
            continue
        if new_entry is None:
            for prov, var in offers:
                detail = f"last in {baseline.name}; not in {new.name}"
                add(Change("offer-gone", key, prov, var, detail=detail, files=files))
            continue
        assert old_entry is not None
        if not mine:
            if not key_resolves(kb, key):
                add(Change("unrecorded", key, detail=f"in both releases; denotes no variant: {_why_not(kb, key)}"))
            else:
                add(
                    Change(
                        "unrecorded",
                        key,
                        detail=f"in both releases; no provider record cites it ({_litellm_provider(new_entry)})",
                    )
                )
            continue
        _compare_fields(report, key, old_entry, new_entry, mine, files, offers)
    _second_ids(report, tree, {k.key for k in every})
    return report


def _as_of_release(every: list[Link], version: str) -> list[Link]:
    """The citations that say what the records took from the baseline release: per record, fact
    and catalog field, those of the newest release cited, when that is the baseline or newer
    (``--since`` an older release). A field last cited from an older release is history."""
    limit = version_key(version)
    newest: dict[tuple[str, str, str, str | None], list[Link]] = {}
    for link in every:
        group = (str(link.record.doc.path), link.fact, link.key, link.field)
        held = newest.setdefault(group, [])
        if held and version_key(link.version) < version_key(held[0].version):
            continue
        if held and version_key(link.version) > version_key(held[0].version):
            held.clear()
        held.append(link)
    return [link for links in newest.values() if version_key(links[0].version) >= limit for link in links]


def _second_ids(report: RefreshReport, tree: Records, cited: set[str]) -> None:
    """Say when a new entry is an offer the records already hold: a renamed id, or a second one."""
    gone = {(c.provider, c.variant): c.key for c in report.changes if c.kind == "offer-gone"}
    held = {where for rec in tree.sheets if (where := _subject(rec))}
    for i, c in enumerate(report.changes):
        if c.kind != "new-offer" or (c.provider, c.variant) not in held or c.key in cited:
            continue
        old = gone.get((str(c.provider), str(c.variant)))
        why = f"the id changed? {old!r} is gone" if old else "a record for this offer exists: a second id for it?"
        report.changes[i] = replace(c, detail=why)


def key_resolves(kb: KnowledgeBase, key: str) -> bool:
    from llama4ref.domain.resolve import resolve

    try:
        res = resolve(kb, key)
    except Llama4RefError:
        return False
    return res.valid and res.variant is not None


def _why_not(kb: KnowledgeBase, key: str) -> str:
    from llama4ref.domain.resolve import resolve

    try:
        return resolve(kb, key).reason or "denotes no Llama 4 variant"
    except Llama4RefError:
        return "not a Llama 4 id"


def _compare_fields(
    report: RefreshReport,
    key: str,
    old_entry: dict[str, Any],
    new_entry: dict[str, Any],
    mine: list[Link],
    files: tuple[str, ...],
    offers: list[tuple[str, str]],
) -> None:
    add = report.changes.append
    for link in mine:
        if link.field is None:
            report.confirmed.append(link)
    for name in sorted(set(old_entry) | set(new_entry)):
        before, after = old_entry.get(name), new_entry.get(name)
        backed = [k for k in mine if k.field == name]
        if name not in FIELDS:
            if before != after:
                add(Change("not-stored", key, *offers[0], field=name, old=before, new=after, files=files))
            continue
        for link in backed:
            if before is not None and link.version == report.baseline.version and link.value != stored_value(name, before):
                detail = f"the record holds {link.value!r}, {report.baseline.name} has {before!r}"
                add(Change("record-mismatch", key, link.provider, link.variant, link.fact, name, link.value,
                           stored_value(name, before), detail, (str(link.record.doc.path),)))  # fmt: skip
        if before == after:
            report.confirmed.extend(backed)
            continue
        if after is None:
            removed: list[tuple[str, str, str | None]] = [(k.provider, k.variant, k.fact) for k in backed]
            removed = removed or [(*offers[0], None)]
            for prov, var, fact in removed:
                add(Change("field-removed", key, prov, var, fact, name, stored_value(name, before), None, files=files))
        elif before is None or not backed:
            for prov, var in offers:
                kind = "field-added" if before is None else "not-stored"
                add(Change(kind, key, prov, var, FIELDS[name][0], name, stored_value(name, before),
                           stored_value(name, after), files=files))  # fmt: skip
        else:
            for link in backed:
                add(Change("value-changed", key, link.provider, link.variant, link.fact, name,
                           link.value, stored_value(name, after), files=(str(link.record.doc.path),)))  # fmt: skip


def load_store(root: Path, *, records: bool = False) -> tuple[Records, KnowledgeBase]:
    """The facts tree the refresh compares with and a knowledge base of it; refuses an invalid tree.

    Unless ``records`` (the loaded records, which ``--write`` edits), the tree is read through the
    validation cache (llama4ref.store.treecache) and its records seen through the compiled index."""
    from llama4ref.domain.records_view import records_view
    from llama4ref.errors import DataError
    from llama4ref.store.knowledge_base import KnowledgeBase
    from llama4ref.store.treecache import checked_tree

    checked = checked_tree(root, use_cache=not records)
    if not checked.ok or checked.index is None:
        raise DataError(f"{root}: {len(checked.diagnostics)} problem(s); run `llama4ref validate {root}`", checked.diagnostics)
    kb = KnowledgeBase(checked.index)
    if records:
        assert checked.tree is not None  # a fresh validation keeps the loaded tree
        return checked.tree, kb
    return records_view(root, checked.index), kb
