"""Turn a catalog comparison (:mod:`llama4ref.domain.refresh`) into reviewable edits of the records.

What ``llama4ref refresh providers --write`` does, change by change:

* a new source record pins the new release (wheel name, sha256, PyPI upload date);
* a value the new release repeats is re-pinned: each claim keeps the earliest LiteLLM release
  that gave it and cites the new one as the latest (an in-between release's citation is replaced);
* a changed value is ranked by the existing rules: a catalog never overrides a value that rests
  on a provider's own page or a measurement (the new value becomes a ``disputed`` alternative);
  where only LiteLLM backed the preferred value, the new value is preferred and the old one
  ``superseded``; where another catalog still gives the old value, the new one is an
  ``alternative``; a value some claim already holds just gains the citation;
* a field new to an entry the records cite becomes a fact (or a citation or alternative of it);
* an entry gone from the release marks its record: title and note say when it disappeared;
* a new offer becomes a new provider record with the catalog's exact JSON lines as quotes;
* the data changelog gets one bullet.

Every citation quotes the map's own line (``"max_input_tokens": 128000,``). Only the facts that
change are rewritten (:mod:`llama4ref.records.yamlwrite`); the rest of each file is left as it was.
"""

from __future__ import annotations

import copy
import textwrap
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llama4ref.domain.catalog import MAP_FILE, MAP_PATH, PACKAGE, Release, version_key
from llama4ref.domain.refresh import FIELDS, PER_TOKEN, Change, Link, RefreshReport, links, release_sources, stored_value
from llama4ref.records.yamlload import load_yaml
from llama4ref.records.yamlwrite import block_end, document, emit, scalar

if TYPE_CHECKING:
    from llama4ref.domain.records_view import ViewRecord
    from llama4ref.records.tree import LoadedRecord, Tree

UNITS = {"deprecation_date": "date", "provider_name": "text"}


def source_id(release: Release) -> str:
    return f"{PACKAGE}-{release.version}-model-prices"


def locator(key: str, name: str | None) -> str:
    return f'{MAP_FILE}, entry key "{key}"' if name is None else f'{MAP_FILE}, entry "{key}", field {name}'


@dataclass
class WriteResult:
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    bullet: str = ""


class _Writer:
    def __init__(self, report: RefreshReport, tree: Tree, root: Path, today: date) -> None:
        self.report, self.tree, self.root, self.today = report, tree, root, today
        self.new = report.new
        self.sid = source_id(report.new)
        self.sources = tree.sources
        self.facts: dict[Path, dict[str, dict[str, Any]]] = defaultdict(dict)
        self.added: dict[Path, dict[str, dict[str, Any]]] = defaultdict(dict)
        self.top: dict[Path, dict[str, str]] = defaultdict(dict)
        self.records: dict[Path, LoadedRecord] = {}
        self.result = WriteResult()
        self._raw: dict[Path, dict[str, Any]] = {}

    def raw(self, rec: LoadedRecord) -> dict[str, Any]:
        """The record's data as written (the loaded tree keeps only the validated model)."""
        path = rec.doc.path
        if path not in self._raw:
            self._raw[path] = load_yaml(path).data
        return self._raw[path]

    # -- the pieces ------------------------------------------------------------------------
    def citation(self, key: str, name: str | None, note: str | None = None) -> dict[str, Any]:
        cit: dict[str, Any] = {"source": self.sid, "locator": locator(key, name), "quote": self.new.quote(key, name)}
        if self.new.published:
            cit["as_of"] = str(self.new.published)
        if note:
            cit["note"] = note
        return cit

    def fact(self, rec: LoadedRecord, key: str) -> dict[str, Any]:
        path = rec.doc.path
        self.records[path] = rec
        if key in self.added[path]:
            return self.added[path][key]
        if key not in self.facts[path]:
            self.facts[path][key] = copy.deepcopy(self.raw(rec)["facts"][key])
        return self.facts[path][key]

    @staticmethod
    def claim_citations(fact: dict[str, Any], claim: int) -> list[dict[str, Any]]:
        return fact["citations"] if claim == 0 else fact["alternatives"][claim - 1]["citations"]  # type: ignore[no-any-return]

    def is_catalog(self, cit: dict[str, Any]) -> bool:
        src = self.sources.get(str(cit["source"]))
        return src is not None and src.kind == "catalog"

    # -- changes ---------------------------------------------------------------------------
    def repin(self, confirmed: list[Link], every: list[Link]) -> None:
        """Each confirmed claim keeps its earliest LiteLLM citation and cites the new release last."""
        groups: dict[tuple[Path, str, int], list[Link]] = defaultdict(list)
        for link in confirmed:
            groups[(link.record.doc.path, link.fact, link.claim)].append(link)
        for (_path, fact_key, claim), found in groups.items():
            rec = _loaded(found[0].record)
            cits = self.claim_citations(self.fact(rec, fact_key), claim)
            ops: list[tuple[int, str, dict[str, Any]]] = []
            for link in found:
                same = [k for k in every if k.record is rec and k.fact == fact_key and k.claim == claim
                        and k.key == link.key and k.field == link.field]  # fmt: skip
                if any(k.version == self.new.version for k in same):
                    continue
                earliest = min(same, key=lambda k: version_key(k.version))
                new = self.citation(link.key, link.field, cits[link.citation].get("note"))
                ops.append((link.citation, "replace" if earliest != link else "insert", new))
            for index, op, new in sorted(ops, key=lambda o: o[0], reverse=True):
                if op == "replace":
                    cits[index] = new
                else:
                    cits.insert(index, new)

    def value(self, change: Change, rec: LoadedRecord, fact_key: str, claim: int | None) -> None:
        """Place a new catalog value in a fact, ranked against what the fact already holds."""
        fact = self.fact(rec, fact_key)
        new_cit = self.citation(change.key, change.field)
        alts: list[dict[str, Any]] = fact.setdefault("alternatives", [])
        values = [fact["value"], *(a["value"] for a in alts)]
        label = self.new.name
        if change.new in values:
            self.claim_citations(fact, values.index(change.new)).append(new_cit)
        elif claim == 0 and all(self.is_catalog(c) for c in fact["citations"]):
            others = sorted({c["source"] for c in fact["citations"] if str(c["source"]) not in release_sources(self.tree)})
            if others:
                reason = (f"{label} changed its entry from {change.old} to {change.new}; {', '.join(others)} still "
                          "gives the preferred value. Two catalogs disagree: check the provider's own page.")  # fmt: skip
                alts.insert(0, {"value": change.new, "rank": "alternative", "reason": reason, "citations": [new_cit]})
            else:
                old = {"value": fact["value"], "bound": fact.get("bound", "exact"), "rank": "superseded",
                       "reason": f"LiteLLM's value before {label}, which changed the entry from {change.old} to {change.new}.",
                       "citations": fact["citations"], "superseded_by": "preferred"}  # fmt: skip
                if old["bound"] == "exact":
                    del old["bound"]
                fact["value"], fact["citations"] = change.new, [new_cit]
                alts.insert(0, old)
        elif claim == 0 or claim is None:
            firm = sorted({str(c["source"]) for c in fact["citations"] if not self.is_catalog(c)})
            reason = (f"{label} gives {change.new}; the preferred value rests on "
                      + (f"{', '.join(firm)}, not a catalog, and a catalog entry does not override it."
                         if firm else "other catalog entries; check the provider's own page."))  # fmt: skip
            alts.append({"value": change.new, "rank": "disputed" if firm else "alternative", "reason": reason,
                         "citations": [new_cit]})  # fmt: skip
        else:
            before = alts[claim - 1]
            rank = "alternative" if before["rank"] == "superseded" else before["rank"]
            reason = f"{label} changed this entry from {change.old} to {change.new}; as before: {before['reason']}"
            alts.insert(claim, {"value": change.new, "rank": rank, "reason": reason[:2000], "citations": [new_cit]})
        if not alts:
            del fact["alternatives"]

    def field_added(self, change: Change, rec: LoadedRecord) -> None:
        assert change.field is not None
        targets = [k for k in FIELDS[change.field] if k in self.raw(rec)["facts"] or k in self.added[rec.doc.path]]
        if targets:
            self.value(change, rec, targets[0], None)
            return
        target = FIELDS[change.field][0]
        self.records[rec.doc.path] = rec
        self.added[rec.doc.path][target] = self.new_fact(change.key, change.field, target)

    def new_fact(self, key: str, name: str, target: str) -> dict[str, Any]:
        raw = self.new.entries[key][name]
        fact: dict[str, Any] = {
            "value": stored_value(name, raw),
            "unit": "usd_per_million_tokens" if name in PER_TOKEN else UNITS.get(target, "tokens"),
            "citations": [self.citation(key, name)],
        }
        if name == "litellm_provider":
            fact["note"] = "LiteLLM's provider slug (the records' display name is not in the catalog)."
        if name in PER_TOKEN:
            fact["note"] = (f"{self.new.name} stores USD per token ({raw!r}); multiplied by 1,000,000 to give "
                            "USD per million tokens.")  # fmt: skip
        return fact

    def gone(self, change: Change, rec: LoadedRecord) -> None:
        path = rec.doc.path
        self.records[path] = rec
        top = self.top[path]
        title = top.get("title", self.raw(rec)["title"])
        if "removed from LiteLLM" not in title:
            top["title"] = f"{title} (removed from LiteLLM)"
        when = f" (published {self.new.published})" if self.new.published else ""
        base = self.report.baseline
        since = f", published {base.published}" if base.published else ""
        note = top.get("note", self.raw(rec).get("note") or "")
        top["note"] = (f"{note} LiteLLM dropped the entry \"{change.key}\" in {self.new.version}{when}; it was last "
                       f"listed in {base.version}{since}.").strip()  # fmt: skip

    def new_offer(self, change: Change) -> None:
        assert change.provider and change.variant
        path = self.root / "providers" / f"{change.provider.replace('_', '-')}-{change.variant}.yaml"
        if path.exists():
            self.result.skipped.append(f"{change.key}: {path.name} already exists (a second id for that offer?): review by hand")
            return
        entry = self.new.entries[change.key]
        name = str(entry.get("litellm_provider") or change.provider)
        facts: dict[str, Any] = {}
        model = change.key.removeprefix(f"{name}/")
        facts["model_id"] = {"value": model, "unit": "text", "citations": [self.citation(change.key, None)]}
        if model != change.key:
            facts["model_id"]["note"] = f'LiteLLM prefixes it with "{name}/".'
        if "fp8" in model.lower().replace("_", "-").split("-"):
            facts["precision"] = {"value": "fp8", "unit": "text", "citations": [self.citation(change.key, None)],
                                  "note": 'Stated only through the "-FP8" suffix of the model id.'}  # fmt: skip
        order = ["litellm_provider", *(f for f in FIELDS if f != "litellm_provider")]  # the records' order: name first
        for fname in order:
            if fname in entry and fname in self.new.lines[change.key]:
                facts[FIELDS[fname][0]] = self.new_fact(change.key, fname, FIELDS[fname][0])
        facts = {k: facts[k] for k in ("provider_name", "model_id", "precision") if k in facts} | facts
        stated = entry.get("source")
        note = (f"Written from {self.new.name} by `llama4ref refresh providers`; no other source was read for this "
                f"offer. LiteLLM names the provider \"{name}\"" + (f" and cites {stated}" if isinstance(stated, str) else "")
                + (". Precision stated only by the id." if "precision" in facts else ". Precision not stated."))  # fmt: skip
        doc = {"id": path.stem, "subject": f"providers.{change.provider}.{change.variant}",
               "title": f"Llama 4 {change.variant.title()} on {name} (LiteLLM provider name)", "note": note,
               "facts": facts}  # fmt: skip
        path.write_text(document(doc), encoding="utf-8")
        self.result.written.append(path)

    def source(self) -> None:
        path = self.root / "sources" / f"{self.sid}.yaml"
        if path.exists():
            return
        version: dict[str, Any] = {"release": self.new.label}
        if self.new.published:
            version["published"] = str(self.new.published)
        when = "published is the PyPI upload date" if self.new.published else "its upload date was not looked up"
        note = (f"Read out of the PyPI wheel {self.new.wheel} (sha256 {self.new.sha256}); {when}. A community-maintained catalog: per-provider rows give max_input_tokens, max_output_tokens and "
                "per-token USD costs (multiply by 1,000,000 for USD per million tokens). Some rows name a \"source\" "
                "page; several Llama 4 rows copy Meta's nominal model limits rather than a provider-documented limit.")  # fmt: skip
        doc = {"id": self.sid, "title": f"LiteLLM {self.new.version} bundled model cost and context-window map ({MAP_FILE})",
               "publisher": "BerriAI (LiteLLM)", "kind": "catalog", "url": f"https://pypi.org/project/{PACKAGE}/{self.new.version}/",
               "repo": "BerriAI/litellm", "path": MAP_PATH, "version": version, "retrieved": str(self.today),
               "tier": "third-party", "note": note}  # fmt: skip
        path.write_text(document(doc), encoding="utf-8")
        self.result.written.append(path)

    # -- files -----------------------------------------------------------------------------
    def flush(self) -> None:
        for path, rec in sorted(self.records.items()):
            lines = path.read_text(encoding="utf-8").splitlines()
            edits: list[tuple[int, int, list[str]]] = []
            for key, data in self.facts[path].items():
                start = rec.doc.position(("facts", key, "__key__")).line - 1
                edits.append((start, block_end(lines, start, 2), [f"  {key}:", *emit(data, 4)]))
            for name, text in self.top[path].items():
                if name in self.raw(rec):
                    at = rec.doc.position((name,)).line - 1
                    edits.append((at, at + 1, [f"{name}: {scalar(text)}"]))
                else:
                    at = rec.doc.position(("title",)).line
                    edits.append((at, at, [f"{name}: {scalar(text)}"]))
            for start, end, new in sorted(edits, reverse=True):
                lines[start:end] = new
            for key, data in self.added[path].items():
                lines += [f"  {key}:", *emit(data, 4)]
            text = "\n".join(lines) + "\n"
            if text != path.read_text(encoding="utf-8"):
                path.write_text(text, encoding="utf-8")
                self.result.written.append(path)


def _loaded(rec: LoadedRecord | ViewRecord) -> LoadedRecord:
    """The loaded record a link names: the records are edited, never a view of the index."""
    from llama4ref.records.tree import LoadedRecord

    if not isinstance(rec, LoadedRecord):
        raise TypeError("write() edits the loaded records: compare with load_store(root, records=True)")
    return rec


def write(report: RefreshReport, tree: Tree, root: Path, today: date, data_version: str | None = None) -> WriteResult:
    """Apply ``report`` to the facts tree at ``root`` (loaded as ``tree``); see the module docs."""
    w = _Writer(report, tree, root, today)
    every = links(tree)
    by_file = {str(r.doc.path): r for r in tree.sheets}
    w.source()
    w.repin(report.confirmed, every)
    for change in report.changes:
        recs = [by_file[f] for f in change.files if f in by_file]
        if change.kind == "new-offer":
            w.new_offer(change)
        elif change.kind == "offer-gone":
            for rec in recs:
                w.gone(change, rec)
        elif change.kind == "value-changed" and change.fact:
            link = next(k for k in every if k.version == report.baseline.version and k.key == change.key
                        and k.field == change.field and str(k.record.doc.path) in change.files and k.fact == change.fact)  # fmt: skip
            w.value(change, _loaded(link.record), change.fact, link.claim)
        elif change.kind == "field-added":
            for rec in recs:
                w.field_added(change, rec)
        elif change.kind in ("returned", "field-removed", "record-mismatch", "no-variant"):
            w.result.skipped.append(f"{change.kind} {change.key}: review by hand")
    w.flush()
    if w.result.written:
        w.result.bullet = changelog_bullet(report, w.result)
        _changelog(root, data_version, w.result.bullet)
    return w.result


def changelog_bullet(report: RefreshReport, result: WriteResult) -> str:
    s = report.summary()
    new = sorted({c.path or c.key for c in report.changes if c.kind == "new-offer"})
    gone = sorted({c.path or c.key for c in report.changes if c.kind == "offer-gone"})
    changed = sorted({c.path or c.key for c in report.changes if c.kind in ("value-changed", "field-added")})
    when = f", uploaded {report.new.published}" if report.new.published else ""
    parts = [f"- **Providers (LiteLLM {report.new.version})**: provider records compared with LiteLLM "
             f"{report.new.version} ({report.new.wheel}{when}) against {report.baseline.version}, with "
             "`llama4ref refresh providers --write`; "]  # fmt: skip
    parts.append(f"{len(new)} new offer(s){': ' + ', '.join(f'`{p}`' for p in new) if new else ''}; ")
    parts.append(f"{len(gone)} gone{': ' + ', '.join(f'`{p}`' for p in gone) if gone else ''}; ")
    parts.append(f"{len(changed)} value(s) changed or added{': ' + ', '.join(f'`{p}`' for p in changed) if changed else ''}; ")
    parts.append(f"{s['confirmed']} citation(s) of unchanged values re-pinned to {report.new.version}.")
    return textwrap.fill("".join(parts), width=100, subsequent_indent="  ", break_on_hyphens=False, break_long_words=False)


def _changelog(root: Path, data_version: str | None, bullet: str) -> None:
    """File ``bullet`` under the heading of ``data_version`` (which is also written to DATA_VERSION),
    or under ``## Unreleased`` until the maintainer bumps the version."""
    path = root / "CHANGELOG.md"
    if not path.exists():
        return
    if data_version:
        (root / "DATA_VERSION").write_text(data_version + "\n", encoding="utf-8")
    version = data_version or "Unreleased"
    lines = path.read_text(encoding="utf-8").splitlines()
    heading = next((i for i, ln in enumerate(lines) if ln == f"## {version}" or ln.startswith(f"## {version} ")), None)
    if heading is None:
        first = next((i for i, ln in enumerate(lines) if ln.startswith("## ")), len(lines))
        title = f"## {version} — data changes" if data_version else "## Unreleased"
        lines[first:first] = [title, "", bullet, ""]
    else:
        end = next((i for i in range(heading + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        while end > heading + 1 and not lines[end - 1].strip():
            end -= 1
        lines[end:end] = [bullet]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
