"""The caveats of llama4ref.domain.caveats: a model named that has no figure of its own (the
family's answers), and a quantization type the question names that no recorded file has
(review11 #16: the answer is the closest recorded file, and a caveat says the asked-for type is
not recorded)."""

from __future__ import annotations

import sqlite3

import pytest

from llama4ref.domain.answer import ask
from llama4ref.domain.caveats import unrecorded_quant
from llama4ref.store.knowledge_base import KnowledgeBase


def test_an_unrecorded_type_is_said_beside_the_closest_file(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """No Q4_K_M file of Scout is recorded: Unsloth's Q4_K_XL may answer, but not silently."""
    ans = ask(kb, "how big is the scout q4_k_m gguf", db)
    assert ans.found and (ans.path or "").startswith("files.scout.")
    said = [c for c in ans.caveats if "Q4_K_M" in c]
    assert said and "no Q4_K_M file of Llama 4 Scout is recorded" in said[0]
    assert "Q4_K_XL" in said[0]
    assert said[0] in ans.to_json()["caveats"]


@pytest.mark.parametrize("text", ["how big is scout iq2_xxs", "how big is the scout UD-Q4_K_XL gguf"])
def test_a_recorded_type_has_no_caveat(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> None:
    """Unsloth's IQ2_XXS and Q4_K_XL files of Scout are recorded (in any case, with - or _)."""
    ans = ask(kb, text, db)
    assert ans.found and not any("is recorded" in c for c in ans.caveats)


def test_a_group_answer_says_none_of_the_listed_files_is_that_type(kb: KnowledgeBase) -> None:
    group = tuple(kb.facts("files.maverick.unsloth_gguf", derived=False))
    said = unrecorded_quant(kb, "size of maverick Q8_0 gguf", "files.maverick.unsloth_gguf", group)
    assert said is not None and "no Q8_0 file of Llama 4 Maverick is recorded" in said
    assert "none of them a Q8_0" in said


def test_other_answers_and_plain_questions_have_no_caveat(kb: KnowledgeBase) -> None:
    """A question naming no GGUF type, or an answer not about files or quantization, is left alone."""
    fact = (kb.get("files.scout.unsloth_gguf.ud_q4_k_xl.bytes"),)
    assert unrecorded_quant(kb, "how big is the scout gguf", fact[0].path, fact) is None
    assert unrecorded_quant(kb, "scout q4_k_m context", "scout.context_window.instruct", ()) is None


def test_a_model_named_without_a_figure_of_its_own_is_said_so(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """A family fact answering for a model that has no figure of its own, while other models have
    theirs, carries a caveat naming them; the model's own figure carries none, nor does a released
    model answered by the family's fact when only the preview has its own ("is scout MoE")."""
    beh = ask(kb, "behemoth knowledge cutoff", db)
    assert beh.path == "training.data.cutoff", beh.path
    assert any("no Llama 4 Behemoth figure" in c and "scout.knowledge_cutoff" in c for c in beh.caveats), beh.caveats
    assert not ask(kb, "scout knowledge cutoff", db).caveats
    moe = ask(kb, "is scout a dense model", db)
    assert moe.path == "architecture.mixture_of_experts" and not moe.caveats, (moe.path, moe.caveats)


def test_a_memory_question_names_the_memory_command_that_computes_it(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """review13: no record states Scout's memory in INT4; the answer says so and names the
    ``memory`` command (with the precision asked) that computes it from the architecture facts."""
    ans = ask(kb, "how much vram does scout need in int4", db)
    said = [c for c in ans.caveats if "llama4ref memory" in c]
    assert said and "`llama4ref memory scout --precision int4`" in said[0] and "derived" in said[0]
    assert ans.suggestion == "llama4ref memory scout --precision int4"
    plain = ask(kb, "how much memory do i need to run scout", db)  # answered with mlx-lm's 4-bit figure
    assert any("llama4ref memory scout --precision bf16|fp8|int4" in c for c in plain.caveats)
    recorded = ask(kb, "maverick memory requirements", db)  # a recorded figure of Maverick in bytes, no precision asked
    assert recorded.found and not any("llama4ref memory" in c for c in recorded.caveats)


def test_no_memory_caveat_without_a_memory_word(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    assert not any("llama4ref memory" in c for c in ask(kb, "what is the context window of scout in fp8", db).caveats)
