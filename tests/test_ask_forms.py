"""How a question's words are read before ranking (issue 14): other languages' words in other
forms, Thai written without spaces, one-letter articles before a name, and mistyped frame words.
Each test fails when its rule in llama4ref.records.vocabulary or llama4ref.domain.matching is
taken out; none depends on a benchmark question."""

from __future__ import annotations

import sqlite3

import pytest

from llama4ref.domain.matching import corrections
from llama4ref.records.vocabulary import Lexicon
from llama4ref.store.knowledge_base import KnowledgeBase


@pytest.fixture(scope="module")
def lex(kb: KnowledgeBase) -> Lexicon:
    return Lexicon(kb.vocabulary())


def _ids(lex: Lexicon, text: str) -> dict[str, set[str]]:
    return {m.text: {str(t["id"]) for t in m.terms} for m in lex.parse(text, question=True).matches}


@pytest.mark.parametrize(
    ("text", "word", "term"),
    [
        ("puis-je utiliser scout commercialement", "commercialement", "commercial"),  # an ending added
        ("scout eğitiminde kaç token", "eğitiminde", "training"),  # a Turkish case ending
        ("выкладываю квантованную модель", "квантованную", "quantization"),  # a Russian case, letters changed
    ],
)
def test_another_form_of_a_written_word_is_read(lex: Lexicon, text: str, word: str, term: str) -> None:
    assert term in _ids(lex, text).get(word, set())


@pytest.mark.parametrize("text", ["is that distributed inference", "precise active parameter count", "darf ich es nutzen"])
def test_english_words_sharing_a_root_keep_their_reading(lex: Lexicon, text: str) -> None:
    """A word close to another language's word but not a form of it ("distributed": French
    "distribuer"; "precise": Spanish "precio"; German "nutzen": "nutzer") is not read as it."""
    parsed = lex.parse(text, question=True)
    assert not {"redistribution", "price", "mau"} & {str(t["id"]) for m in parsed.matches for t in m.terms}


def test_a_thai_run_is_cut_at_the_words_it_holds(lex: Lexicon) -> None:
    """Thai writes a sentence without spaces: a known word inside a run is read as that word,
    a frame word ("ครับ") is set aside, and the letters between stay one word."""
    thai = next(
        k
        for k, ids in lex._phrases.items()
        if k and all("\u0e01" <= c <= "\u0e4e" for c in k) and any(lex.terms[i]["kind"] != "filler" for i in ids)
    )
    ids = {str(lex.terms[i]["id"]) for i in lex._phrases[thai] if lex.terms[i]["kind"] != "filler"}
    parsed = lex.parse(f"scout สวัสดี{thai}ครับ", question=True)
    assert any(m.text == thai and ids <= {str(t["id"]) for t in m.terms} for m in parsed.matches)
    assert "ครับ" in parsed.filler and "สวัสดี" in parsed.rest


def test_a_one_letter_article_does_not_start_a_name(lex: Lexicon) -> None:
    """Portuguese "o Llama 4" is "the Llama 4", not Ollama; a phrase that opens with the article
    as written ("a single h100") is still read whole."""
    assert not any(m.text == "o llama" for m in lex.parse("quando foi lançado o llama 4", question=True).matches)
    assert "engine-ollama" in _ids(lex, "does ollama run scout").get("ollama", set())
    assert "single-gpu" in _ids(lex, "scout on a single h100").get("a single h100", set())


def test_a_mistyped_frame_word_is_set_aside(kb: KnowledgeBase, db: sqlite3.Connection, lex: Lexicon) -> None:
    """ "how mnay experts dose scout hav": the short unknown words are "many", "does", "have"
    mistyped, so they are no words of the question left unanswered."""
    parsed = lex.parse("how mnay experts dose scout hav", question=True)
    fixes = corrections(db, lex, parsed)
    assert fixes.get("mnay") == "many" and fixes.get("hav") == "have"
    assert "sout" not in fixes  # (a model's name is the typo corrector's, not a frame word)
    four = lex.parse("is maverick four hundred billion parameters", question=True)
    assert "four" not in corrections(db, lex, four)  # a letter added makes another word: "four" is no "for"


def test_another_languages_frame_words_are_set_aside(lex: Lexicon) -> None:
    """ "cuál es la ventana de contexto de scout": "es", "la", "de" frame the question as "is",
    "the", "of" do in English; they are read as filler (facts/vocabulary/fillers.yaml), so they
    are neither left-over words no fact answers nor words to look up."""
    parsed = lex.parse("cuál es la ventana de contexto de scout", question=True)
    assert {"es", "la", "de"} <= parsed.filler
    assert not {"es", "la", "de"} & set(parsed.rest)
    assert not any(t["kind"] == "filler" for m in parsed.matches for t in m.terms)
    assert {"的", "是"} <= lex.parse("scout 的上下文是多少", question=True).filler
    loss = lex.parse("what distillation loss did they use", question=True)
    assert "loss" in loss.rest and not loss.filler  # no plural of Spanish "los"


def test_a_filler_term_lists_only_other_languages_words() -> None:
    from pydantic import ValidationError

    from llama4ref.records.models.vocabulary import Term

    assert Term(id="filler-x", kind="filler", written=["de"]).written == ["de"]
    for bad in ({"written": []}, {"written": ["de"], "phrases": ["of"]}):
        with pytest.raises(ValidationError):
            Term(id="filler-x", kind="filler", **bad)
    with pytest.raises(ValidationError):
        Term(id="experts", kind="attribute", path_words=["experts"])  # every other kind needs a phrase
