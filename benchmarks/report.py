"""The results table (terminal) and the README's Performance section, both from results JSON."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

BEGIN = "<!-- benchmarks:begin (generated from benchmarks/published.json by `python benchmarks/run.py --publish`) -->"
END = "<!-- benchmarks:end -->"


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "names/s":
        return f"{value:,.0f}"
    if unit == "%":
        return f"{value:.1f}%"
    return f"{value:.2f}"


def _budget(m: dict[str, Any]) -> str:
    b = m.get("budget")
    if not b:
        return "-"
    limit = f"{b['limit']:,}" if b["unit"] == "names/s" else f"{b['limit']}"
    unit = "×" if b["unit"] == "x" else "%" if b["unit"] == "%" else " " + b["unit"]
    return f"{'≤' if b['op'] == '<=' else '≥'} {limit}{unit}"


def verdict(m: dict[str, Any]) -> str:
    if m["status"] != "measured":
        return str(m["status"])
    if m.get("pass") is None:
        return "measured"
    return "pass" if m["pass"] else "FAIL"


def rows(results: dict[str, Any]) -> list[list[str]]:
    out = []
    for m in results["measurements"]:
        v = m.get("value") or {}
        unit = m.get("budget", {}).get("unit", "x")
        out.append(
            [
                m["title"],
                m["metric"],
                _fmt(v.get("median"), unit),
                _fmt(v.get("min"), unit),
                _fmt(v.get("max"), unit),
                _budget(m),
                verdict(m),
            ]
        )
    return out


HEADER = ["measurement", "ratio / rate", "median", "min", "max", "budget", "result"]


def table(results: dict[str, Any]) -> str:
    """A plain-text table for the terminal, with the reasons for skipped measurements below it."""
    body = [HEADER, *rows(results)]
    widths = [max(len(r[i]) for r in body) for i in range(len(HEADER))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in body]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for m in results["measurements"]:
        if m.get("reason"):
            lines.append(f"  {m['id']}: {m['reason']}")
    return "\n".join(lines)


def machine_line(results: dict[str, Any]) -> str:
    mc = results["machine"]
    pk = ", ".join(f"{k} {v}" for k, v in sorted(mc["packages"].items()))
    return (
        f"Measured {results['created'][:10]} on {mc['cpu']} ({mc['nproc']} CPUs), {mc['os']}, Python {mc['python']}; "
        f"{results['environment']}; {pk}. {results['runs']} runs per start-up measurement."
    )


def absolute_line(results: dict[str, Any]) -> str:
    """Median wall times behind the start-up ratios (every command's are in published.json)."""
    parts = []
    for m in results["measurements"]:
        d = m.get("detail") or {}
        if m["id"] == "meta" and "seconds" in d:
            parts.append(
                f"Meta's tool {d['floor_seconds']['median'] * 1000:.0f} ms vs llama4ref {d['seconds']['median'] * 1000:.0f} ms"
            )
        elif "floor_seconds" in d and m["id"] != "show-memory" and not m["id"].startswith(("command-", "hostile-")):
            parts.append(f"{m['id']} {d['seconds']['median'] * 1000:.0f} ms (floor {d['floor_seconds']['median'] * 1000:.0f} ms)")
        elif m["id"] == "check-name" and "seconds" in d:
            parts.append(f"check-name {d['seconds']['median']:.2f} s")
        elif m["id"] == "validate" and "trees" in d:
            trees = [d["trees"][k] for k in sorted(d["trees"], key=int)]
            times = " / ".join(f"{t['seconds']['median']:.2f}" for t in trees)
            facts = " / ".join(
                f"{int(n.replace(',', '')):,}"
                for t in trees
                for n in re.findall(r"([\d,]+) (?:stored )?(?:facts|\+)", t["summary"])
            )
            parts.append(f"validate {times} s for {facts} facts")
    return "Medians: " + "; ".join(parts) + "." if parts else ""


def readme_section(results: dict[str, Any]) -> str:
    """The generated Markdown between the README markers."""
    lines = [BEGIN, "", machine_line(results), "", "| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(r) + " |" for r in rows(results)]
    if absolute_line(results):
        lines += ["", absolute_line(results)]
    # a measurement without a budget is explained in the README's prose; only a missing one needs its reason here
    reasons = [f"- {m['id']}: {m['reason']}" for m in results["measurements"] if m.get("reason") and m.get("value") is None]
    if reasons:
        lines += ["", *reasons]
    return "\n".join([*lines, "", END])


_SECTION = re.compile(re.escape(BEGIN.split(" (")[0]) + r".*?" + re.escape(END), re.S)


def update_readme(readme: Path, results: dict[str, Any]) -> bool:
    """Replace the generated section of ``readme``; return whether the file changed."""
    text = readme.read_text(encoding="utf-8")
    if not _SECTION.search(text):
        raise SystemExit(f"{readme}: no benchmarks section markers ({BEGIN.split(' (')[0]} … {END})")
    new = _SECTION.sub(lambda _: readme_section(results), text, count=1)
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


def readme_is_fresh(readme: Path, results: dict[str, Any]) -> bool:
    match = _SECTION.search(readme.read_text(encoding="utf-8"))
    return match is not None and match.group(0) == readme_section(results)
