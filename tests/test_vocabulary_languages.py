"""Each language's words (facts/vocabulary/<bcp47>.yaml): validated like every record, read as
the terms' words, counted per language, and kept (tools/language_coverage.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from llama4ref.records.tree import load_tree
from llama4ref.records.vocabulary import Lexicon, compile_vocabulary, words
from llama4ref.store.knowledge_base import KnowledgeBase
from tools import language_coverage

COVERAGE = language_coverage.coverage()


def test_every_listed_language_has_its_own_file() -> None:
    """Each language the tool lists has a file of its own words."""
    assert sorted(language_coverage.LANGUAGES) == sorted(COVERAGE)


@pytest.mark.parametrize("lang", language_coverage.LANGUAGES)
def test_a_language_keeps_every_term_the_floor_records(lang: str) -> None:
    """A language never loses a term it had words for (tests/language_coverage.json; re-record
    with `python -m tools.language_coverage --write` after adding words)."""
    floor = json.loads(language_coverage.FLOOR.read_text(encoding="utf-8"))
    lost = sorted(set(floor[lang]) - set(COVERAGE[lang]))
    assert not lost, f"{lang} no longer gives words for {lost}"


@pytest.mark.parametrize("lang", language_coverage.LANGUAGES)
def test_a_language_covers_most_terms(lang: str) -> None:
    """Each listed language gives words for at least MIN_SHARE of the terms any language covers."""
    every = {t for terms in COVERAGE.values() for t in terms}
    assert len(COVERAGE[lang]) >= language_coverage.MIN_SHARE * len(every)


def test_no_latin_word_is_also_english() -> None:
    """No language's ASCII word is a word the records' English text writes (it would read an
    English question as naming the term), unless the term already has it."""
    assert language_coverage.clashes(COVERAGE) == []


LANGUAGE_FILE = """\
    id: sv
    title: Swedish words
    language: Swedish
    words:
      layers: [lager]
      layres: [skikt]
      depth: [djup]
    fillers: [och]
    """
GROUP_FILE = """\
    id: words
    title: Words
    terms:
      - {id: layers, kind: attribute, phrases: [layers, depth], path_words: [layers]}
      - {id: scout, kind: entity, target: scout, phrases: [l4 scout]}
    """


def test_a_term_no_group_defines_is_located(make_tree: Callable[..., Path]) -> None:
    """A language's words for an unknown term id are L4R-T018 at the key, with a suggestion when
    one is close."""
    root = make_tree({"vocabulary/words.yaml": GROUP_FILE, "vocabulary/sv.yaml": LANGUAGE_FILE})
    assert [d.format() for d in load_tree(root).diagnostics] == [
        f"{root}/vocabulary/sv.yaml:6:3: L4R-T018 no attribute, entity, intent or topic term is called 'layres' (did you mean 'layers'?)",
        f"{root}/vocabulary/sv.yaml:7:3: L4R-T018 no attribute, entity, intent or topic term is called 'depth'",
    ]


def test_a_word_another_term_has_is_located(make_tree: Callable[..., Path]) -> None:
    """A language's word that another term of the same kind already has is L4R-T017 at the word;
    the same word for terms of two kinds, or a term's own phrase again, is no clash."""
    two = "    id: da\n    title: Danish\n    language: Danish\n    words:\n      layers: [lag, djup]\n      heads: [hoveder, lag]\n"
    group = GROUP_FILE.rstrip(" ") + "      - {id: heads, kind: attribute, phrases: [heads], path_words: [heads]}\n"
    root = make_tree({"vocabulary/words.yaml": group, "vocabulary/da.yaml": two})
    assert [d.format() for d in load_tree(root).diagnostics] == [
        f"{root}/vocabulary/da.yaml:6:20: L4R-T017 word 'lag' already names attribute words:layers"
    ]
    fine = two.replace("heads: [hoveder, lag]", "scout: [lag]").replace("[lag, djup]", "[lag, depth]")
    root = make_tree({"vocabulary/words.yaml": group, "vocabulary/da.yaml": fine})
    assert [d.format() for d in load_tree(root).diagnostics] == []


def test_a_language_file_gives_words_not_terms(make_tree: Callable[..., Path]) -> None:
    """A language's file holds words for the groups' terms; a group holds terms: mixing is L4R-S001."""
    mixed = LANGUAGE_FILE.rstrip(" ") + "    terms:\n      - {id: x, kind: attribute, phrases: [x], path_words: [x]}\n"
    root = make_tree({"vocabulary/words.yaml": GROUP_FILE, "vocabulary/sv.yaml": mixed})
    assert {d.code for d in load_tree(root).diagnostics} == {"L4R-S001"}
    group = GROUP_FILE.rstrip(" ") + "    words:\n      layers: [lager]\n"
    root = make_tree({"vocabulary/words.yaml": group})
    assert {d.code for d in load_tree(root).diagnostics} == {"L4R-S001"}


def test_language_words_and_fillers_are_compiled(make_tree: Callable[..., Path]) -> None:
    """A language's words join the term's written words, and its fillers become a filler term."""
    ok = LANGUAGE_FILE.replace("      layres: [skikt]\n      depth: [djup]\n", "")
    root = make_tree({"vocabulary/words.yaml": GROUP_FILE, "vocabulary/sv.yaml": ok})
    tree = load_tree(root)
    assert tree.ok
    table = compile_vocabulary(tree, sorted(e.path for e in tree.facts()))
    layers = next(t for t in table["terms"] if t["id"] == "layers")
    assert layers["written"] == ["lager"]
    filler = next(t for t in table["terms"] if t["id"] == "filler-sv")
    assert filler["kind"] == "filler" and filler["written"] == ["och"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("כמה טוקנים שימשו לאימון", "טוקנים"),  # Hebrew
        ("Ποια είναι η βαθμολογία", "βαθμολογία"),  # Greek
        ("একবারে কতগুলো ছবি নিতে পারে", "ছবি"),  # Bengali
        ("Llama 4 lisanțe și condiții", "și"),  # Romanian's comma-below letters
        ("ґрунт", "ґрунт"),  # Ukrainian's ґ
        ("எத்தனை அடுக்குகள் உள்ளன", "அடுக்குகள்"),  # Tamil, its vowel signs and virama inside the word
        ("کتنے ٹوکنز ہیں", "ٹوکنز"),  # Urdu's ٹ
        ("var Llama 4 forþjálfað", "forþjálfað"),  # Icelandic's þ and ð
        ("Колико параметара", "параметара"),  # Serbian Cyrillic
    ],
)
def test_words_of_more_scripts_are_read(text: str, word: str) -> None:
    """Hebrew, Greek, Bengali and Tamil words, and Romanian's, Ukrainian's, Urdu's and Icelandic's own letters, are words."""
    assert word in words(text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Hur mycket koldioxid släppte träningen", "emissions"),  # Swedish
        ("Llama 4 lisansı hangi ülkenin hukukuna tabi", "governing-law"),  # Turkish
        ("Llama 4 Behemoth چند پارامتر دارد", "parameters"),  # Persian
        ("כמה טוקנים שימשו לאימון", "tokens"),  # Hebrew
        ("Ποια είναι η βαθμολογία του Maverick", "benchmark"),  # Greek
        ("Llama 4 একবারে কতগুলো ছবি নিতে পারে", "images"),  # Bengali
        ("Kolik expertů má Llama 4 Maverick", "experts"),  # Czech
        ("Kuinka monta parametria Scoutilla on", "parameters"),  # Finnish
        ("Montako asiantuntijoita Maverickilla on", "experts"),  # Finnish, a plural form listed beside the singular
        ("Mennyibe kerül a Maverick, mi az ára", "price"),  # Hungarian
        ("Mitu keelt Llama 4 toetab", "languages"),  # Estonian
        ("Hvað kostar Llama 4 Maverick", "price"),  # Icelandic
        ("Koľko vrstiev má Maverick", "layers"),  # Slovak
        ("Kakšna je licenca za Llama 4", "license"),  # Slovenian
        ("Koja je cijena Llama 4 Scouta", "price"),  # Croatian
        ("Колико параметара има Scout", "parameters"),  # Serbian, Cyrillic
        ("Koliko slojeva ima Maverick", "layers"),  # Serbian, Latin
        ("Колко памет е нужна за Scout", "memory"),  # Bulgarian
        ("Kiek kalbų palaiko Llama 4", "languages"),  # Lithuanian
        ("Cik ekspertu ir Maverick modelim", "experts"),  # Latvian
        ("Quina llicència té Llama 4", "license"),  # Catalan
        ("Bei ya Llama 4 Maverick ni kiasi gani", "price"),  # Swahili
        ("Ilang parametro mayroon ang Scout", "parameters"),  # Tagalog
        ("Scout-ல் எத்தனை அளவுருக்கள் உள்ளன", "parameters"),  # Tamil
        ("Maverick کی قیمت کیا ہے", "price"),  # Urdu
        ("Scout किती भाषांना सपोर्ट करते", "languages"),  # Marathi
        ("Kuinka pitkä konteksti Maverickilla on", "maverick"),  # Finnish adessive of a model's name
        ("Hány réteg van a Scoutban", "scout"),  # Hungarian inessive
        ("Montako kerrosta Behemothissa on", "behemoth"),  # Finnish inessive
    ],
)
def test_a_question_in_another_language_names_the_term(kb: KnowledgeBase, text: str, term: str) -> None:
    """The shipped vocabulary reads each language's everyday word for a term."""
    parsed = Lexicon(kb.vocabulary()).parse(text, question=True)
    assert term in {t["id"] for m in parsed.matches for t in m.terms}


def test_a_language_frames_its_question_with_fillers(kb: KnowledgeBase) -> None:
    """A language's fillers are read and set aside, as English's stop words are."""
    parsed = Lexicon(kb.vocabulary()).parse("Hur mycket koldioxid släppte träningen av Llama 4 ut", question=True)
    assert {"av", "ut"} <= parsed.filler
