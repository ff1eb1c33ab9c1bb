"""The Python API: paths from issue #2 resolve to their cited values; lookups are forgiving."""

from __future__ import annotations

import subprocess
import sys

import pytest

import llama4ref
from llama4ref.store.knowledge_base import KnowledgeBase

REQUIRED = {
    "scout.params.active": 17_000_000_000,
    "scout.params.total": 109_000_000_000,
    "maverick.params.active": 17_000_000_000,
    "maverick.params.total": 400_000_000_000,
    "behemoth.params.active": 288_000_000_000,
    "behemoth.params.total": 2_000_000_000_000,
    "scout.experts.routed": 16,
    "maverick.experts.routed": 128,
    "behemoth.experts.routed": 16,
    "scout.experts.shared": 1,
    "maverick.experts.shared": 1,
    "scout.experts.routed_per_token": 1,
    "maverick.experts.routed_per_token": 1,
    "scout.context_window.instruct": 10_485_760,
    "scout.context_window.base": 262_144,
    "maverick.context_window.instruct": 1_048_576,
    "maverick.context_window.base": 262_144,
    "scout.release_date": "2025-04-05",
    "maverick.release_date": "2025-04-05",
    "scout.knowledge_cutoff": "2024-08",
    "maverick.knowledge_cutoff": "2024-08",
}
PRESENT = [
    "behemoth.status",
    "scout.languages",
    "maverick.languages",
    "scout.modalities.input",
    "scout.modalities.output",
    "maverick.modalities.input",
    "maverick.modalities.output",
    "scout.checkpoints",
    "maverick.checkpoints",
]


@pytest.mark.parametrize(("path", "value"), REQUIRED.items())
def test_required_paths_have_source_values(path: str, value: object) -> None:
    """Each required path resolves to the value its sources state, with at least one citation."""
    fact = llama4ref.get(path)
    assert fact.value == value
    assert fact.citations and all(c.quote for c in fact.citations)


@pytest.mark.parametrize("path", PRESENT)
def test_required_paths_present(path: str) -> None:
    """The other required paths resolve and are cited."""
    assert llama4ref.get(path).citations


def test_languages_are_the_twelve() -> None:
    """Both released variants list the card's 12 supported languages."""
    for v in ("scout", "maverick"):
        langs = llama4ref.get(f"{v}.languages").value
        assert isinstance(langs, list) and len(langs) == 12 and "Tagalog" in langs


def test_checkpoints_name_official_repos() -> None:
    """Checkpoints list the official meta-llama repositories with stage and precision."""
    cps = llama4ref.get("maverick.checkpoints").value
    assert isinstance(cps, list)
    repos = {c["repo"]: c for c in cps if isinstance(c, dict)}
    assert repos["meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8"]["precision"] == "fp8"
    assert {c["stage"] for c in repos.values()} == {"base", "instruct"}


@pytest.mark.parametrize(
    "alias",
    [
        "Scout",
        "SCOUT",
        "llama-4-scout",
        "llama4-scout",
        "Llama-4-Scout-17B-16E",
        "Llama-4-Scout-17B-16E-Instruct",
        "meta-llama/Llama-4-Scout-17B-16E-Instruct",
    ],
)
def test_scout_aliases(alias: str) -> None:
    """Aliases and published names resolve to the variant, case-insensitively."""
    assert llama4ref.variant(alias).id == "scout"
    assert llama4ref.get(f"{alias}.params.total").path == "scout.params.total"


def test_maverick_fp8_repo_resolves() -> None:
    """The FP8 repository id resolves to Maverick, also as a path prefix."""
    assert llama4ref.variant("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8").id == "maverick"
    assert llama4ref.get("meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8.params.active").value == 17_000_000_000


def test_conflicts_are_kept_and_ranked() -> None:
    """Maverick's 402B (transformers docs) and the card's rounded '10M' are kept as ranked alternatives."""
    total = llama4ref.get("maverick.params.total")
    assert [(a.value, a.rank) for a in total.alternatives] == [(402_000_000_000, "disputed")]
    ctx = llama4ref.get("scout.context_window.instruct")
    assert (10_000_000, "rounded") in [(a.value, a.rank) for a in ctx.alternatives]


def test_unknown_path_is_a_lookup_error_with_suggestions() -> None:
    """An unknown path raises a LookupError subclass naming the closest paths."""
    with pytest.raises(LookupError) as info:
        llama4ref.get("scout.params.totl")
    assert isinstance(info.value, llama4ref.UnknownIdError)
    assert "scout.params.total" in info.value.suggestions
    assert "did you mean" in str(info.value)


def test_unknown_variant_suggests_each_variant_once() -> None:
    """Two spellings of one model ("llama-3.1-405b", "llama 3.1 405b") are one suggestion, its id."""
    kb = llama4ref.knowledge_base()
    for name in ("llama5", "lama 3.1", "mavrik"):
        with pytest.raises(llama4ref.UnknownIdError) as info:
            kb.variant_id(name)
        shown = list(info.value.suggestions)
        assert shown and len(shown) == len(set(shown)), (name, shown)
        assert set(shown) <= set(kb.variant_ids()), (name, shown)


def test_group_path_suggests_children() -> None:
    """Asking for a group (a prefix of paths) suggests the facts inside it."""
    with pytest.raises(llama4ref.UnknownIdError) as info:
        llama4ref.get("scout.params")
    assert "scout.params.total" in info.value.suggestions


def test_an_empty_prefix_is_no_group(kb: KnowledgeBase) -> None:
    """An empty or blank prefix names no group (it was every fact, and `get ''` a traceback)."""
    assert kb.group("scout.experts")
    assert kb.group("") == [] and kb.group("  ") == []


def test_unknown_variant() -> None:
    """An unknown variant raises UnknownIdError."""
    with pytest.raises(llama4ref.UnknownIdError):
        llama4ref.variant("llama-5-giant")


def test_derived_values_are_marked_with_inputs() -> None:
    """Derived values are computed from stored facts and say so."""
    frac = llama4ref.get("scout.params.active_fraction")
    assert frac.derived and frac.inputs == ("scout.params.active", "scout.params.total")
    assert frac.value == round(17 / 109, 4)
    assert not frac.citations


def test_records_are_immutable() -> None:
    """Facts and their citations cannot be modified."""
    fact = llama4ref.get("scout.params.total")
    with pytest.raises(AttributeError):
        fact.value = 1  # type: ignore[misc]
    with pytest.raises(AttributeError):
        fact.citations[0].quote = "x"  # type: ignore[misc]


def test_every_cited_source_exists(kb: KnowledgeBase) -> None:
    """Every citation of every stored fact names a source record."""
    for path in kb.stored_paths():
        for cit in kb.get(path).citations:
            kb.source(cit.source)


def test_import_reads_nothing() -> None:
    """`import llama4ref` opens no data file and imports neither YAML nor rich nor typer."""
    code = (
        "import sys, builtins\n"
        "opened = []\n"
        "real = builtins.open\n"
        "builtins.open = lambda f, *a, **k: (opened.append(str(f)), real(f, *a, **k))[1]\n"
        "import llama4ref\n"
        "assert not opened, opened\n"
        "import llama4ref.store.loaders\n"
        "assert llama4ref.store.loaders._SHIPPED is None  # nothing built yet\n"
        "print(sorted(m for m in ('yaml', 'rich', 'typer', 'jsonschema') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_all_is_explicit() -> None:
    """Every name in __all__ exists."""
    assert all(hasattr(llama4ref, name) for name in llama4ref.__all__)
