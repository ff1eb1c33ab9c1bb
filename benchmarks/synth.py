"""Deterministic synthetic inputs: derivative model names, and facts trees N times the size.

Both depend only on their arguments (and, for trees, on the source tree), so two runs measure
the same work.
"""

from __future__ import annotations

import math
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path


def _special_kinds() -> frozenset[str]:
    from llama4ref.records.registry import DEDICATED

    return frozenset(DEDICATED)


SPECIAL_KINDS = _special_kinds()
"""Record directories that are not fact sheets (sources, variants, vocabulary …, from the record
registry): copied once, never multiplied."""

MAX_FILES_USED = 15_000
"""Synthetic trees stay well under the validator's file cap (llama4ref.records.tree.MAX_FILES)."""

_ORGS = ("acme", "unsloth", "my-org", "lab42", "someone", "meta-llama", "NousResearch", "bartowski")
_TAILS = ("Instruct", "FT", "GGUF", "AWQ", "chat", "v2", "Q4_K_M", "DPO", "merged", "4bit")


def names(count: int, seed: int = 20250405) -> list[str]:
    """``count`` model names mixing compliant, non-compliant, case-variant and Unicode tricks."""
    rng = random.Random(seed)
    makers = (
        lambda i: f"{rng.choice(_ORGS)}/Llama-4-Scout-{rng.choice(_TAILS)}-{i}",  # compliant, org prefix
        lambda i: f"Llama-4-Maverick-{rng.choice(_TAILS)}-{i}",  # compliant
        lambda i: f"{rng.choice(_ORGS)}/Scout-{rng.choice(_TAILS)}-{i}",  # prefix missing
        lambda i: f"my-{rng.choice(_TAILS).lower()}-model-{i}",  # prefix missing
        lambda i: f"llama-4-scout-{rng.choice(_TAILS).lower()}-{i}",  # wrong case
        lambda i: f"L\u043bama-4-{i}",  # Cyrillic el
        lambda i: f"Ll\u0430ma-4-Scout-{i}",  # Cyrillic a
        lambda i: f"\uff2c\uff4c\uff41\uff4d\uff41-4-{i}",  # fullwidth
        lambda i: f"Lla\u200bma-4-{i}",  # zero-width space
        lambda i: f"\u202eLlama-4-{i}",  # bidi override
        lambda i: f"Llama\u0301-4-{i}",  # combining accent
        lambda i: f"Llama-4-\u4e2d\u6587-{i}",  # CJK after a compliant prefix
        lambda i: f"Llama-\U0001f999-{i}",  # emoji after a compliant prefix
        lambda i: f"  Llama-4-{i}",  # leading whitespace
    )
    weights = (20, 20, 12, 8, 8, 4, 4, 4, 4, 4, 3, 3, 3, 3)
    return [rng.choices(makers, weights)[0](i) for i in range(count)]


def write_names(path: Path, count: int) -> Path:
    """Write :func:`names` one per line (UTF-8) unless the file already holds exactly them."""
    text = "\n".join(names(count)) + "\n"
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path


@dataclass(frozen=True)
class Sheet:
    """A fact sheet split into its top-level blocks, with the lines of its ``facts:`` block."""

    path: Path
    blocks: dict[str, list[str]]  # top-level key → its lines (the key line first)
    facts: list[str]  # lines after "facts:", keys at two spaces

    @property
    def fact_count(self) -> int:
        return sum(1 for line in self.facts if _KEY.match(line))


_TOP = re.compile(r"^([a-z_]+):")
_KEY = re.compile(r"^  ([a-z0-9_.]+):\s*$")


def read_sheet(path: Path) -> Sheet:
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        top = _TOP.match(line)
        if top:
            current = blocks.setdefault(top.group(1), [])
        if current is not None:
            current.append(line)
    facts = blocks.pop("facts", ["facts:"])[1:]
    return Sheet(path, blocks, facts)


def _sheets(root: Path) -> list[Sheet]:
    return [
        read_sheet(p)
        for d in sorted(root.iterdir())
        if d.is_dir() and d.name not in SPECIAL_KINDS
        for p in sorted(d.glob("*.yaml"))
    ]


def _renamed(lines: list[str], key: str, suffix: str) -> list[str]:
    """``id: x`` → ``id: x<suffix>`` (quotes kept), other lines unchanged."""
    first = re.sub(rf"^{key}:\s*(\"?)([^\"\s#]+)(\"?)", lambda m: f"{key}: {m[1]}{m[2]}{suffix}{m[3]}", lines[0])
    return [first, *lines[1:]]


def _packed(sheet: Sheet, batch: int, copies: range) -> str:
    """One file holding ``copies`` of the sheet's facts under a renamed id and subject."""
    out: list[str] = []
    for key, lines in sheet.blocks.items():
        if key == "id":
            out += _renamed(lines, "id", f"-x{batch}")
        elif key == "subject":
            out += _renamed(lines, "subject", f"_x{batch}")
        else:
            out += lines
    out.append("facts:")
    for j in copies:
        out += [_KEY.sub(rf"  c{j}_\1:", line) for line in sheet.facts]
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class TreeStats:
    factor: int
    files: int
    facts_in_sheets: int
    copies_per_file: int


def plan(root: Path, factors: tuple[int, ...]) -> int:
    """Copies of a sheet per synthetic file, the same for every factor so per-file costs scale too."""
    sheets = _sheets(root)
    copies = _copies(root, sheets, max(factors))
    return max(1, math.ceil(copies * len(sheets) / MAX_FILES_USED))


def _copies(root: Path, sheets: list[Sheet], factor: int) -> int:
    """Sheet copies that make the tree ``factor`` times its stored facts."""
    in_sheets = sum(s.fact_count for s in sheets)
    elsewhere = sum(1 for p in (root / "variants").glob("*.yaml") for line in read_sheet(p).facts if _KEY.match(line))
    total = in_sheets + elsewhere
    return max(0, round((factor - 1) * total / max(in_sheets, 1)))


def scaled_tree(root: Path, dest: Path, factor: int, copies_per_file: int) -> TreeStats:
    """Write a copy of the facts tree ``root`` to ``dest`` with about ``factor`` times its facts.

    Every fact sheet is copied with its id and subject renamed (``-x<batch>``, ``_x<batch>``)
    and its fact keys prefixed (``c<copy>_``), ``copies_per_file`` copies to a file; sources,
    variants, license terms and identifiers are copied once.
    """
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(root, dest)
    sheets = _sheets(root)
    copies = _copies(root, sheets, factor)
    files = sum(1 for _ in dest.rglob("*.yaml"))
    batches = math.ceil(copies / copies_per_file)
    for sheet in sheets:
        target_dir = dest / sheet.path.parent.name
        for b in range(batches):
            chunk = range(b * copies_per_file + 1, min((b + 1) * copies_per_file, copies) + 1)
            (target_dir / f"{sheet.path.stem}-x{b}.yaml").write_text(_packed(sheet, b, chunk), encoding="utf-8")
            files += 1
    return TreeStats(factor, files, sum(s.fact_count for s in sheets) * (copies + 1), copies_per_file)
