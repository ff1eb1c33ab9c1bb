"""Cross-record validation: every check reports file:line:col and its stable code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from llama4ref.diagnostics import CODES
from llama4ref.records.tree import load_tree

FACT = """\
    id: {id}
    subject: {subject}
    title: A sheet
    facts:
      {key}:
        value: {value}
        unit: {unit}
        citations:
          - source: {source}
            locator: somewhere
            quote: "{quote}"
    {extra}"""


def sheet(
    id: str = "s",
    subject: str = "topic",
    key: str = "k",
    value: str = "1",
    unit: str = "count",
    source: str = "card",
    quote: str = "q 1 2",
    extra: str = "",
) -> str:
    return FACT.format(id=id, subject=subject, key=key, value=value, unit=unit, source=source, quote=quote, extra=extra)


def diags(root: Path) -> list[str]:
    return [
        f"{Path(d.file).relative_to(root).as_posix()}:{d.position.line}:{d.position.col}: {d.code}"
        for d in load_tree(root).diagnostics
    ]


def test_minimal_tree_is_valid(make_tree: Callable[..., Path]) -> None:
    """The fixture tree validates cleanly (so every other case isolates one problem)."""
    assert diags(make_tree()) == []


CASES: list[tuple[str, dict[str, str | bytes | None], list[str]]] = [
    ("unknown source", {"t/s.yaml": sheet(source="nope")}, ["t/s.yaml:9:17: L4R-T006"]),
    ("file name differs from id", {"t/other.yaml": sheet(id="s")}, ["t/other.yaml:1:5: L4R-T003"]),
    ("duplicate fact path", {"t/s.yaml": sheet(subject="scout.params", key="total")}, ["variants/scout.yaml:8:3: L4R-T005"]),
    ("unit does not fit value", {"t/s.yaml": sheet(value='"ten"', unit="tokens")}, ["t/s.yaml:6:12: L4R-T009"]),
    ("unknown unit", {"t/s.yaml": sheet(unit="furlongs")}, ["t/s.yaml:7:11: L4R-S001"]),
    ("quote too long", {"t/s.yaml": sheet(quote="x" * 241)}, ["t/s.yaml:11:16: L4R-S001"]),
    ("unknown field", {"t/s.yaml": sheet(extra="colour: red\n")}, ["t/s.yaml:12:1: L4R-S001"]),
    ("subject uses an alias", {"t/s.yaml": sheet(subject="Scout.x")}, ["t/s.yaml:2:10: L4R-S001"]),
    ("subject uses a lower-case alias", {"t/s.yaml": sheet(subject="llama-4-scout-17b-16e.x")}, ["t/s.yaml:2:10: L4R-T008"]),
    (
        "uncited source",
        {
            "sources/extra.yaml": "id: extra\ntitle: t\npublisher: p\nkind: docs\nurl: https://e.org\n"
            "version: {published: 2025-01-01}\nretrieved: 2026-01-01\ntier: third-party\n"
        },
        ["sources/extra.yaml:1:5: L4R-T012"],
    ),
    (
        "published after retrieved",
        {
            "sources/card.yaml": "id: card\ntitle: t\npublisher: p\nkind: docs\nurl: https://e.org\n"
            "version: {published: 2027-01-01}\nretrieved: 2026-01-01\ntier: third-party\n"
        },
        ["sources/card.yaml:6:22: L4R-T010", "sources/card.yaml:6:22: L4R-T010"][:1],
    ),
    (
        "alias claimed twice",
        {"variants/other.yaml": "id: other\nname: O\nfamily: x\nrole: comparison\naliases: [scout]\nsummary: s\n"},
        ["variants/other.yaml:5:11: L4R-T007"],
    ),
    (
        "transcription of an unknown source",
        {
            "sources/tr.yaml": "id: tr\ntitle: t\npublisher: p\nkind: transcription\ntranscribes: nope\nurl: https://e.org\n"
            "version: {snapshot: s1}\nretrieved: 2026-01-01\ntier: third-party\n",
            "t/s.yaml": sheet(source="tr"),
        },
        ["sources/tr.yaml:5:14: L4R-T006"],
    ),
    (
        "transcription without its original",
        {
            "sources/tr.yaml": "id: tr\ntitle: t\npublisher: p\nkind: transcription\nurl: https://e.org\n"
            "version: {snapshot: s1}\nretrieved: 2026-01-01\ntier: third-party\n",
        },
        ["sources/tr.yaml:1:1: L4R-S001"],
    ),
    ("stray file", {"notes.txt": "hello"}, ["notes.txt:1:1: L4R-T002"]),
    ("stray file in a kind directory", {"t/readme.md": "x"}, ["t/readme.md:1:1: L4R-T002"]),
    ("derived path stored", {"t/s.yaml": sheet(subject="scout.experts", key="total")}, ["t/s.yaml:5:3: L4R-T014"]),
    ("negative count", {"t/s.yaml": sheet(value="-5", unit="parameters")}, ["t/s.yaml:6:12: L4R-T015"]),
    ("implausibly many", {"t/s.yaml": sheet(value="10_000_000_000_000_000", unit="parameters")}, ["t/s.yaml:6:12: L4R-T015"]),
    ("negative measure", {"t/s.yaml": sheet(value="-0.5", unit="seconds")}, ["t/s.yaml:6:12: L4R-T015"]),
    ("negative score", {"t/s.yaml": sheet(value="-0.5", unit="score", quote="q -0.5")}, []),
    ("control character", {"t/s.yaml": sheet(quote="\\e[2J")}, ["t/s.yaml:11:16: L4R-Y016"]),
    ("line break in a quote", {"t/s.yaml": sheet(quote="a\\nb")}, ["t/s.yaml:11:16: L4R-S001"]),
    ("line break in a value", {"t/s.yaml": sheet(value='"a\\nb"', unit="text")}, []),
    (
        "qualifier names an unknown license term",
        {"t/s.yaml": sheet().rstrip() + "\n        qualifiers:\n          related_license_term: nope\n"},
        ["t/s.yaml:13:29: L4R-T013"],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_cross_record_checks(make_tree: Callable[..., Path], files: dict[str, str | bytes | None], expected: list[str]) -> None:
    """Each broken tree gives exactly the expected diagnostics."""
    assert diags(make_tree(files)) == expected


SUPERSEDED = """\
id: s
subject: topic
title: A sheet
facts:
  k:
    value: 1
    unit: count
    citations: [{source: card, locator: l, quote: "q 1 2"}]
    alternatives:
"""
ALT = "      - {{value: 2, rank: {rank}, {ids}reason: r, citations: [{{source: card, locator: l, quote: 'q 1 2'}}]}}\n"


@pytest.mark.parametrize(
    ("alts", "count"),
    [
        ([("superseded", "id: a, superseded_by: b, "), ("superseded", "id: b, superseded_by: a, ")], 2),
        ([("superseded", "id: a, superseded_by: zzz, ")], 1),
        ([("superseded", "")], 1),
        ([("disputed", "superseded_by: preferred, ")], 1),
        ([("superseded", "id: a, superseded_by: b, "), ("superseded", "id: b, superseded_by: preferred, ")], 0),
    ],
    ids=["loop", "dangling", "missing target", "not superseded", "valid chain"],
)
def test_supersession_chain_must_resolve(make_tree: Callable[..., Path], alts: list[tuple[str, str]], count: int) -> None:
    """A superseded alternative must name what replaced it; chains end at the preferred value without looping."""
    text = SUPERSEDED + "".join(ALT.format(rank=rank, ids=ids) for rank, ids in alts)
    found = [d.code for d in load_tree(make_tree({"t/s.yaml": text})).diagnostics]
    assert found == ["L4R-T011"] * count


def test_alternatives_without_preferred_value(make_tree: Callable[..., Path]) -> None:
    """A fact with alternatives but no preferred `value` is refused."""
    text = SUPERSEDED.replace("    value: 1\n", "") + ALT.format(rank="disputed", ids="")
    (d,) = load_tree(make_tree({"t/s.yaml": text})).diagnostics
    assert d.code == "L4R-S001" and d.message.startswith("facts.k.value: Field required")
    assert d.position.line == 6


def test_not_a_facts_tree(tmp_path: Path) -> None:
    """A directory without sources/ and variants/ is reported as not a facts tree."""
    (tmp_path / "x").mkdir()
    (d,) = load_tree(tmp_path).diagnostics
    assert d.code == "L4R-T001"


def test_all_problems_reported_at_once(make_tree: Callable[..., Path]) -> None:
    """Validation collects every error instead of stopping at the first."""
    root = make_tree(
        {
            "t/a.yaml": sheet(id="a", source="nope"),
            "t/b.yaml": "a: 1\na: 2\n",
            "t/c.yaml": sheet(id="c", subject="other", unit="tokens", value="1.5"),
        }
    )
    assert {d.code for d in load_tree(root).diagnostics} == {"L4R-T006", "L4R-Y012", "L4R-T009"}


def test_every_code_is_documented() -> None:
    """Codes are stable strings with a one-line description."""
    assert all(code.startswith("L4R-") and text for code, text in CODES.items())


def test_every_unit_has_a_value_type() -> None:
    """Each unit in the Unit literal is typed by exactly one rule in units.type_problem (no unit left unchecked)."""
    from llama4ref.records.units import ALL_UNITS, INTEGER_UNITS, NUMBER_UNITS, type_problem

    assert INTEGER_UNITS.isdisjoint(NUMBER_UNITS)
    for unit in ALL_UNITS:
        assert type_problem(unit, object()) is not None, unit
    assert type_problem("furlongs", 1) == "unknown unit 'furlongs'"


def test_every_code_used_is_documented() -> None:
    """Every L4R- code the library emits has its entry in diagnostics.CODES (the validator's and
    quote checker's) or errors.ERROR_CODES (the errors a command stops on), and every entry is used."""
    import re

    from llama4ref.errors import ERROR_CODES

    package = Path(__file__).parent.parent / "llama4ref"
    used = {
        m
        for p in package.rglob("*.py")
        if p.name not in ("diagnostics.py", "errors.py")
        for m in re.findall(r"L4R-[A-Z]\d{3}", p.read_text(encoding="utf-8"))
    }
    used |= set(re.findall(r'"(L4R-U\d{3})",', (package / "errors.py").read_text(encoding="utf-8")))  # kinds' codes, the fallback
    assert used == set(CODES) | set(ERROR_CODES)


def test_numbers_are_bounded_by_unit() -> None:
    """Counts are non-negative, every number finite, and each numeric unit has a largest plausible magnitude."""
    from llama4ref.records.units import INTEGER_UNITS, MAX_MAGNITUDE, NUMBER_UNITS, unit_problems

    assert set(MAX_MAGNITUDE) == INTEGER_UNITS | NUMBER_UNITS
    assert unit_problems("parameters", 109_000_000_000) == []
    assert unit_problems("parameters", -5)[0][0] == "L4R-T015"
    assert unit_problems("score", -5) == []
    for bad in (float("inf"), float("nan"), -1.0e-9, 10.0**30):
        assert [code for code, _ in unit_problems("gpu_hours", bad)] == ["L4R-T015"], bad
    ((code, message),) = unit_problems("parameters", 10**5000)
    assert code == "L4R-T015" and message.endswith("got an integer of 5001 digits or so")


def test_shipped_numbers_are_well_inside_their_bounds() -> None:
    """Every real number is under a tenth of its unit's cap, so the caps catch slips, never data."""
    from llama4ref.records.units import MAX_MAGNITUDE

    tree = load_tree(Path(__file__).parent.parent / "facts")
    for entry in tree.facts():
        for value in [entry.spec.value, *(a.value for a in entry.spec.alternatives)]:
            cap = MAX_MAGNITUDE.get(entry.spec.unit)
            if cap and entry.spec.unit != "fraction":
                assert abs(value) * 10 <= cap, (entry.path, value)


def _deny(monkeypatch: pytest.MonkeyPatch, method: str, target: Path) -> None:
    """Make one pathlib method raise PermissionError for ``target`` only (CI runs as root, whom chmod does not stop)."""
    real = getattr(Path, method)

    def guarded(self: Path, *args: object, **kwargs: object) -> object:
        if self == target:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, guarded)


@pytest.mark.parametrize(
    ("method", "target", "expected"),
    [
        ("read_bytes", "t/s.yaml", "t/s.yaml:1:1: L4R-Y001 cannot read file: Permission denied"),
        ("iterdir", "t", "t:1:1: L4R-T016 cannot read directory: Permission denied"),
        ("lstat", "t/s.yaml", "t/s.yaml:1:1: L4R-T016 cannot examine: Permission denied"),
        ("read_text", "DATA_VERSION", "DATA_VERSION:1:1: L4R-Y001 cannot read file: Permission denied"),
    ],
    ids=["file", "directory", "entry", "data version"],
)
def test_unreadable_entries_are_diagnostics(
    make_tree: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, method: str, target: str, expected: str
) -> None:
    """A file, directory or entry the user may not read is one located diagnostic; the rest of the tree is still checked."""
    root = make_tree({"t/s.yaml": sheet(), "DATA_VERSION": "1\n", "t/b.yaml": sheet(id="b", source="nope")})
    _deny(monkeypatch, method, root / target)
    found = [d.format().removeprefix(f"{root}/") for d in load_tree(root).diagnostics]
    assert expected in found
    assert any("L4R-T006" in line for line in found) or target == "t"  # t/b.yaml is still read


def test_root_that_cannot_be_examined(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A root whose parent may not be searched is L4R-T016, not a PermissionError from is_dir()."""
    root = tmp_path / "facts"
    _deny(monkeypatch, "stat", root)
    (d,) = load_tree(root).diagnostics
    assert (d.code, d.message) == ("L4R-T016", "cannot examine: Permission denied")
