"""The classes of question the seventh held-out set showed the ranking missing (issue 14): each
test names a class in phrasings of its own (other words, another variant, provider, token or
language than the benchmark's questions), and fails when the rule or the vocabulary behind the
class is taken out."""

from __future__ import annotations

import sqlite3

import pytest

from llama4ref.domain.forms import initialisms, initials_in, stemmed_attribute, word_forms
from llama4ref.domain.matching import corrections
from llama4ref.domain.ranking import rank
from llama4ref.domain.values import value_matches
from llama4ref.records.vocabulary import Lexicon
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import first_answer as _first


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # other languages' question words: how many, layers, heads, pre-training, licence, the name
        ("Wie viele Köpfe hat Maverick?", "maverick.architecture.attention_heads"),
        ("Combien de couches a Llama 4 Maverick ?", "maverick.architecture.layers"),
        ("¿Cuántas capas tiene Scout?", "scout.architecture.layers"),
        ("maverick 预训练 多少 token", "maverick.training.tokens"),
        ("¿Qué exige la licencia en el nombre de un modelo derivado?", "license.name_prefix"),
        ("Che cosa richiede la licenza nel nome del modello?", "license.name_prefix"),
        # a date asked for by the word "date" or another language's "when": the dated fact
        ("ibpo paper date", "research.ibpo.published"),
        ("wann ist das ibpo paper erschienen", "research.ibpo.published"),
        # a provider's context window is its total, not the cap on the output side
        ("what context window does nvidia nim give maverick", "providers.nvidia_nim.maverick.context.total"),
        ("azure maverick context size", "providers.azure_ai_foundry.maverick.context.total"),
        # when a token is emitted is what it means; its id is the tokenizer's entry
        ("when is <|eot|> emitted", "prompt_format.tokens.eot.meaning"),
        ("which id does <|header_start|> have", "tokenizer.special_tokens.header_start"),
        # a rare product name of an engine (AWS's Neuron stack) names that engine
        ("trainium2 maverick support", "engines.nxdi.text.support"),
        # a model's name cut short
        ("behe total params", "behemoth.params.total"),
        # "language model" is the decoder, not the languages attribute
        ("how are vision features passed to the language model", "multimodal.fusion.mechanism"),
        # a share or percentage of the weights is the active fraction
        ("what percent of maverick's weights are used per token", "maverick.params.active_fraction"),
        ("what percentage of behemoth is active", "behemoth.params.active_fraction"),
        # a month named with its year meets the dated segment
        ("what did meta say about behemoth in april 2025", "history.behemoth_status.stated_2025_04_05"),
        # the tone of refusals, the balance of modalities in post-training, what a model takes in
        ("is llama 4 less moralizing", "safety.model_level.tone.refusal_tone"),
        ("modality mix in post-training", "training.stages.post_training.multimodal_curriculum"),
        ("what inputs does llama guard 4 take", "safety.system_level.llama_guard_4.inputs"),
        # how far the training data goes is the knowledge cutoff
        ("how recent is maverick's training data", "maverick.knowledge_cutoff"),
        # a one-word phrase met by a rare path part in its other number ("evaluation": evaluations)
        ("cyber evaluation llama 4", "safety.evaluations.critical_risks.cyber."),
        # initials of a segment ("moe": mixture_of_experts)
        ("does behemoth use moe", "behemoth.architecture.mixture_of_experts"),
    ],
)
def test_classes_the_seventh_set_missed(kb: KnowledgeBase, db: sqlite3.Connection, text: str, want: str) -> None:
    got = _first(kb, db, text) or ""
    assert got == want or (want.endswith(".") and got.startswith(want)), got


def test_a_one_word_phrase_meets_a_part_in_its_other_number_only() -> None:
    """Singular or plural of the phrase itself, not another word with the same stem."""
    assert stemmed_attribute("refusals", ["safety", "model_level", "tone", "refusal_tone"]) == (1.5, 3)
    assert stemmed_attribute("evaluation", ["safety", "evaluations", "critical_risks", "cyber", "method"]) == (1.0, 1)
    assert stemmed_attribute("chunked", ["scout", "architecture", "attention_chunk_size"]) is None
    assert stemmed_attribute("context window", ["scout", "context_window"]) is None  # several words: path words only


def test_a_common_part_is_not_met_by_its_stem(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """The word "format" is a part of every prompt_format fact: a question using the verb keeps its answer."""
    r = rank(kb, db, "how should I format tool calls for llama 4")
    assert "format" not in _stemmable(kb, db, "how should I format tool calls for llama 4")
    assert r.scored[0].path != "prompt_format.tool_calling.custom_formats"
    assert "refusals" in _stemmable(kb, db, "are refusals less preachy")


def _stemmable(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> frozenset[str]:
    from llama4ref.domain.forms import stemmable

    return stemmable(db, Lexicon(kb.vocabulary()).parse(text, question=True))


def test_initials_and_months_are_word_forms() -> None:
    assert initials_in("moe", "mixture_of_experts") and initials_in("nih", "needle_in_haystack")
    assert not initials_in("moe", "moe_layers") and not initials_in("mo", "mixture_of")
    assert "04" in word_forms("april") and "09" in word_forms("sept") and word_forms("layers") == {"layers", "layer"}


def test_initials_count_only_for_a_word_the_facts_use(db: sqlite3.Connection) -> None:
    """The word "moe" is written in facts' texts; "wat" (for "what") is the initials of weight_applied_to
    but no word of any fact, so it names nothing."""
    from llama4ref.store.fulltext import containing

    rest = ["moe", "wat"]
    got = initialisms(db, rest, {w: containing(db, [w]) for w in rest})
    assert "mixture_of_experts" in got["moe"] and "wat" not in got


def test_a_name_cut_short_is_the_one_model_it_starts(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    lex = Lexicon(kb.vocabulary())
    assert corrections(db, lex, lex.parse("kv heads of mave", question=True)) == {"mave": "maverick"}
    assert "ma" not in corrections(db, lex, lex.parse("ma kv heads", question=True))  # too short to say which


def test_a_size_written_as_its_sides_is_a_value(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    lex = Lexicon(kb.vocabulary())
    text = "are tiles 336 x 336"
    assert "multimodal.vision_encoder.tile_size" in value_matches(db, text, lex.parse(text, question=True))
    assert "multimodal.vision_encoder.tile_size" not in value_matches(
        db, "8xh100 tiles", lex.parse("8xh100 tiles", question=True)
    )


def test_language_model_is_no_languages_attribute(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    r = rank(kb, db, "what feeds the language model")
    assert "languages" not in {t["id"] for t in r.parsed.of_kind("attribute")}
    r = rank(kb, db, "which languages does the model speak")
    assert "languages" in {t["id"] for t in r.parsed.of_kind("attribute")}
