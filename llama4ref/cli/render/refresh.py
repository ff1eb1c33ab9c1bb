"""Text rendering of a catalog refresh (``llama4ref refresh providers``), in the style of ``diff``."""

from __future__ import annotations

import json

from llama4ref.domain.catalog import MAP_FILE
from llama4ref.domain.refresh import COUNTED, FIELDS, RefreshReport

_SIGN = {"new-offer": "+", "returned": "+", "offer-gone": "-", "value-changed": "~", "field-added": "+",
         "field-removed": "-", "record-mismatch": "!", "no-variant": "?", "unrecorded": " ", "not-stored": " "}  # fmt: skip


def _show(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def report_lines(report: RefreshReport, *, verbose: bool = False) -> list[str]:
    """The comparison as plain text in the style of ``llama4ref diff`` (information only with ``verbose``)."""
    s = report.summary()
    lines = [
        f"{report.baseline.label} → {report.new.label}: offers {s['new-offer']} new, {s['offer-gone']} gone, "
        f"{s['returned']} returned; values {s['value-changed']} changed, {s['field-added']} added, "
        f"{s['field-removed']} removed, {s['confirmed']} confirmed; {s['no-variant']} ids denote no variant; "
        f"{s['record-mismatch']} records differ from their release"
    ]
    for c in report.changes:
        if c.kind not in COUNTED and not verbose:
            continue
        where = c.path or "(no record)"
        if c.kind in ("value-changed", "record-mismatch", "field-removed", "field-added", "not-stored"):
            lines.append(f"{_SIGN[c.kind]} {where} ({c.kind}): {_show(c.old)} → {_show(c.new)}")
            lines.append(f'    {MAP_FILE}, entry "{c.key}", field {c.field}')
        else:
            lines.append(f'{_SIGN[c.kind]} {where} ({c.kind}): entry "{c.key}"')
        if c.kind in ("new-offer", "returned", "field-added", "value-changed") and c.key in report.new.entries:
            quotes = [report.new.quote(c.key, f) for f in ([c.field] if c.field else FIELDS) if f in report.new.lines[c.key]]
            lines += [f"    “{q}”" for q in quotes]
        if c.detail:
            lines.append(f"    {c.detail}")
    hidden = len(report.changes) - sum(c.kind in COUNTED for c in report.changes)
    if hidden and not verbose:
        lines.append(
            f"({hidden} informational items hidden: entries no record cites, fields the records do not store; -v shows them)"
        )
    return lines
