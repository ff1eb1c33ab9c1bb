"""Shell completion of the data, driven through bash's own completion machinery.

The completion script is the one `llama4ref --show-completion bash` installs; bash calls its
function the way it does on TAB (COMP_WORDS/COMP_CWORD), and we read COMPREPLY.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from llama4ref.domain import completion
from llama4ref.store.knowledge_base import KnowledgeBase

BASH = shutil.which("bash")
pytestmark = pytest.mark.skipif(BASH is None, reason="bash is not installed")

DRIVER = r"""
source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
_llama4ref_completion llama4ref "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"""


@pytest.fixture(scope="module")
def script(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bash completion script, as `_LLAMA4REF_COMPLETE=source_bash llama4ref` prints it."""
    exe = Path(sys.executable).with_name("llama4ref")
    env = os.environ | {"_LLAMA4REF_COMPLETE": "source_bash"}
    text = subprocess.run([str(exe)], env=env, capture_output=True, text=True, check=True).stdout
    assert "complete -o default -F _llama4ref_completion llama4ref" in text
    path = tmp_path_factory.mktemp("completion") / "llama4ref.bash"
    path.write_text(text.replace("$1 ) )", f"{exe} ) )"), encoding="utf-8")
    return path


def tab(script: Path, *words: str) -> list[str]:
    """What bash offers for the last word of ``llama4ref WORDS…``."""
    assert BASH is not None
    out = subprocess.run(
        [BASH, "-c", DRIVER, "driver", str(script), "llama4ref", *words], capture_output=True, text=True, check=True
    )
    return [line for line in out.stdout.splitlines() if line]


def test_fact_paths_complete_one_segment_at_a_time(script: Path) -> None:
    """`get maverick.params.<TAB>` offers the params; `get maverick.pa<TAB>` descends to them."""
    assert tab(script, "get", "maverick.params.") == ["maverick.params.active", "maverick.params.total"]
    assert tab(script, "get", "maverick.pa") == ["maverick.params.active", "maverick.params.total"]
    top = tab(script, "get", "maverick.")
    assert "maverick.experts." in top and "maverick.release_date" in top
    assert all(c.startswith("maverick.") and c.count(".") <= 2 for c in top)


def test_an_alias_completes_under_its_variant(script: Path) -> None:
    """A published name as the first segment completes the paths of its variant, keeping the name."""
    assert tab(script, "get", "llama-4-maverick.params.t") == ["llama-4-maverick.params.total"]


def test_variants_providers_benchmarks_and_sources(script: Path, kb: KnowledgeBase) -> None:
    """Variant ids and aliases, provider keys, benchmark names and source ids come from the index."""
    assert "maverick" in tab(script, "show", "mav")
    assert "llama-4-scout" in tab(script, "show", "llama-4-sc")
    assert "groq" in tab(script, "providers", "scout", "-p", "gr")
    assert "mmlu_pro" in tab(script, "benchmarks", "--name", "mmlu")
    assert tab(script, "sources", "meta-blog-llama4-") == sorted(
        s.id for s in kb.sources() if s.id.startswith("meta-blog-llama4-")
    )
    assert "meta-llama/Llama-4-Scout-17B-16E-Instruct" in tab(script, "resolve", "meta-llama/Llama-4-Sc")


def test_commands_still_complete(script: Path) -> None:
    """Command names complete as before."""
    assert {"show", "sources", "safety", "search"} <= set(tab(script, "s"))


def test_every_stored_path_is_reachable() -> None:
    """Following the completion from the first segment reaches every stored fact path."""
    reached: set[str] = set()
    todo = [""]
    while todo:
        prefix = todo.pop()
        for cand in completion.complete_fact_path(prefix):
            (todo.append(cand) if cand.endswith(".") else reached.add(cand))
    stored = set(completion._head()["paths"])
    assert stored <= reached
    assert "license_terms.naming_rule" in reached  # a license term's fact too


def test_unknown_prefixes_offer_nothing() -> None:
    """Nothing matches a prefix no path has; matching ignores letter case."""
    assert completion.complete_fact_path("nonexistent.") == []
    assert completion.complete_variant("MAV") == ["maverick"]
