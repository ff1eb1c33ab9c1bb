"""``llama4ref diff`` as text, like a code review: ``+`` added, ``-`` removed, ``~`` changed, citations below."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from llama4ref.printable import printable

if TYPE_CHECKING:
    from llama4ref.domain.diff import DataDiff, FactChange
    from llama4ref.store.answers import Fact


def _cite(c: Mapping[str, Any]) -> str:
    when = f" (as of {c['as_of']})" if c.get("as_of") else ""
    return f"{c['source']} [{c['locator']}]{when} “{c['quote']}”"


def _short(value: object, limit: int = 100) -> str:
    import json

    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fact_lines(sign: str, fact: Fact) -> list[str]:
    lines = [f"{sign} {fact.path} = {fact.display()}" + (" (derived)" if fact.derived else "")]
    if fact.derived:
        lines.append(f"    formula: {fact.formula} ({', '.join(fact.inputs)})")
    lines += [f"    cited: {_cite(c.to_json())}" for c in fact.citations]
    return lines


def _change_lines(change: FactChange) -> list[str]:
    old, new, fields = change.old, change.new, change.fields
    lines = [f"~ {change.path}" + (" (derived)" if new.derived else "")]
    if {"value", "unit", "bound"} & set(fields):
        lines.append(f"    value: {old.display()} → {new.display()}")
    if "citations" in fields:
        before, after = fields["citations"]
        lines += [f"    - cited: {_cite(c)}" for c in before if c not in after]
        lines += [f"    + cited: {_cite(c)}" for c in after if c not in before]
    elif "value" in fields:
        lines += [f"    cited: {_cite(c.to_json())}" for c in new.citations]
    if "alternatives" in fields:
        before, after = fields["alternatives"]
        for sign, items, other in (("-", before, after), ("+", after, before)):
            for alt in items:
                if alt not in other:
                    srcs = ", ".join(sorted({c["source"] for c in alt["citations"]}))
                    lines.append(f"    {sign} alternative ({alt['rank']}): {_short(alt['value'])} [{srcs}]: {alt['reason']}")
    for name in sorted(fields.keys() - {"value", "unit", "bound", "citations", "alternatives"}):
        a, b = fields[name]
        lines.append(f"    {name}: {_short(a)} → {_short(b)}")
    return lines


def report_lines(d: DataDiff) -> list[str]:
    """The diff as plain text, one change per block, like a code review (``+`` added, ``-`` removed, ``~`` changed).

    Every line is printable: control, bidi and invisible characters in the data are shown as
    escapes (``\\x1b``, ``\\u202e``), so a line is always one line.
    """
    s = d.summary()
    lines = [
        f"data {d.old_version} → {d.new_version}: facts {s['facts_added']} added, {s['facts_removed']} removed, "
        f"{s['facts_changed']} changed; records {s['records_added']} added, {s['records_removed']} removed, "
        f"{s['records_changed']} changed"
    ]
    for fact in d.added:
        lines += _fact_lines("+", fact)
    for fact in d.removed:
        lines += _fact_lines("-", fact)
    for change in d.changed:
        lines += _change_lines(change)
    lines += [f"+ {kind} {rid}" for kind, rid in d.records_added]
    lines += [f"- {kind} {rid}" for kind, rid in d.records_removed]
    for rec in d.records_changed:
        lines.append(f"~ {rec.kind} {rec.id}")
        lines += [f"    {name}: {_short(a)} → {_short(b)}" for name, (a, b) in rec.fields.items()]
    return [printable(line) for line in lines]  # data never prints raw controls, nor forges a line
