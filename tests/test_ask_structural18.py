"""Round 18's structural class of ``ask`` misses: "will it fit / can I run it on my machine".

A question naming a model and the machine it is to run on (a GPU, a Mac, an amount of memory) is
answered by a fact about running that model in that much memory, not by the machine's own data
sheet (llama4ref.domain.machines). The phrasings are written for these tests, not taken from the
question sets."""

from __future__ import annotations

import sqlite3

import pytest

from llama4ref.domain.machines import setup_of
from llama4ref.store.fulltext import amounts
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import first_answer

_SCOUT_24GB = "files.scout.unsloth_gguf.ud_iq1_s.publisher_fit"


@pytest.mark.parametrize(
    "question",
    [
        "could I get Scout going on one RTX 3090?",
        "is an rtx 4090 enough for llama 4 scout",
        "scout on a single RTX 4090, possible?",
    ],
)
def test_a_gpu_named_beside_a_model_meets_the_fact_writing_its_memory(
    kb: KnowledgeBase, db: sqlite3.Connection, question: str
) -> None:
    """A GPU named with a model is met by the fact that writes the GPU's memory ("fits a 24 GB
    GPU"), ahead of the GPU's own name and memory."""
    assert first_answer(kb, db, question) == _SCOUT_24GB


def test_a_gpu_named_alone_still_gets_its_data_sheet(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """With no model named, the question is about the GPU: its data sheet answers."""
    assert first_answer(kb, db, "how much memory does an RTX 4090 have") == "hardware.rtx_4090.memory_gb"


def test_another_gpus_memory_is_not_the_named_gpus(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """A fact writing "80 GB" beside "H100" does not meet an A100 80GB: the A100's own fact answers."""
    assert first_answer(kb, db, "could scout in fp8 go on one A100 80GB") == "engines.vllm.fp8.on_a100"


@pytest.mark.parametrize(
    "question",
    [
        "has anyone run scout with llama.cpp on a mac studio m3 ultra",
        "scout in llama.cpp on an M3 Ultra Mac Studio, tested?",
        "which quant did llama.cpp use for scout on the m3 ultra mac studio",
    ],
)
def test_a_machine_named_in_full_meets_the_setup_naming_it_short(
    kb: KnowledgeBase, db: sqlite3.Connection, question: str
) -> None:
    """The Mac Studio M3 Ultra named in full is the machine of the tested setup whose path names it
    "m3ultra"; the Mac's data sheet, whose quote tells of Scout run on it, is not about Scout."""
    got = first_answer(kb, db, question)
    assert got is not None and got.startswith("runtime.llama_cpp.scout.m3ultra.")


def test_setup_of_joins_a_run_of_the_machines_name_parts() -> None:
    """m3ultra is a run of mac_studio_m3_ultra_512gb's parts; a count before it (8x) is set aside;
    a single part, another machine or a runtime setup's own key meet nothing."""
    mac = {"cls": "gpu", "target": "hardware.mac_studio_m3_ultra_512gb"}
    assert setup_of(mac, ["runtime", "llama_cpp", "scout", "m3ultra", "precision"])
    assert setup_of(mac, ["runtime", "llama_cpp", "scout", "2xm3ultra", "precision"])
    assert not setup_of(mac, ["runtime", "llama_cpp", "scout", "ultra", "precision"])
    assert not setup_of(mac, ["runtime", "vllm", "scout", "8xh100", "flags"])
    assert not setup_of({"cls": "gpu", "target": "8xh100"}, ["runtime", "vllm", "scout", "8xh100", "flags"])


@pytest.mark.parametrize(
    ("question", "want"),
    [
        ("can scout fit on a 24gb gpu", _SCOUT_24GB),
        ("64GB macbook, does 4bit scout fit", "engines.mlx_lm.limits.scout_4bit_64gb_mac"),
        ("Mac with 64GB: enough for scout at 4-bit?", "engines.mlx_lm.limits.scout_4bit_64gb_mac"),
    ],
)
def test_an_amount_of_memory_written_beside_a_model_lifts_the_facts_writing_it(
    kb: KnowledgeBase, db: sqlite3.Connection, question: str, want: str
) -> None:
    """An amount of memory written with a model ("on my 64GB mac") lifts the facts that write the
    same amount (scout_4bit_64gb_mac, "fits a 24 GB GPU")."""
    assert first_answer(kb, db, question) == want


def test_amounts_reads_memory_as_written() -> None:
    """ "24 GB", "64gb" and "2x48GB" are amounts of memory; a model's size (17B) and a year are not."""
    assert amounts("a 24 GB card") == {24}
    assert amounts("my 64gb mac") == {64}
    assert amounts("two cards, 2x48GB") == {48}
    assert amounts("scout 17B released 2025") == frozenset()
