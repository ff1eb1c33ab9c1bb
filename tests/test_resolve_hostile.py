"""`resolve` on hostile names: look-alikes are never official, hidden characters make a name
invalid, quantization suffixes set the precision, and one function says what is Llama 4."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import llama4ref
from llama4ref.compliance.card import is_llama4_model
from llama4ref.domain.resolve import generation, is_llama4, llama_family
from llama4ref.store.knowledge_base import KnowledgeBase
from tests import hostile_names
from tests.conftest import run_cli

CASES = hostile_names.load()["resolve"]
OFFICIAL = "meta-llama/Llama-4-Scout-17B-16E-Instruct"
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{c['case']}" for i, c in enumerate(CASES)])
def test_hostile_id_gives_its_exact_output(case: dict[str, object]) -> None:
    """`resolve --json` prints exactly the recorded answer (look-alike, characters, precision) and exits as recorded."""
    assert hostile_names.run("resolve", case) == (case["exit"], case["output"])


def test_only_the_exact_catalog_id_is_official() -> None:
    """The catalog's own spelling is official; another ASCII case matches but is not; a look-alike is invalid."""
    assert llama4ref.resolve(OFFICIAL).official
    shouted = llama4ref.resolve(OFFICIAL.upper())
    assert (shouted.variant, shouted.official, shouted.valid) == ("scout", False, True)
    fake = llama4ref.resolve("ｍｅｔａ" + OFFICIAL[4:])
    assert (fake.method, fake.official, fake.valid, fake.lookalike_of) == ("lookalike", False, False, OFFICIAL)
    assert [(c.position, c.codepoint, c.looks_like) for c in fake.characters][:2] == [(0, "U+FF4D", "m"), (1, "U+FF45", "e")]
    assert run_cli("resolve", "ｍｅｔａ" + OFFICIAL[4:]).code == 1


def test_nfc_spelling_of_a_catalog_id_is_the_id() -> None:
    """Canonically equivalent spellings compare equal (NFC); an official id stays official after NFC."""
    assert llama4ref.resolve(OFFICIAL + "\n").official


@PROPERTY
@given(st.integers(0, len(OFFICIAL)), st.characters(categories=("Cc", "Cf", "Zs", "Zl", "Zp"), exclude_characters=" \t\r\n"))
def test_a_hidden_character_anywhere_makes_an_id_invalid(at: int, ch: str) -> None:
    """A control, format, line-separator or non-ASCII space character anywhere: invalid, never official, and named."""
    res = llama4ref.resolve(OFFICIAL[:at] + ch + OFFICIAL[at:])
    assert not res.valid and not res.official
    assert f"U+{ord(ch):04X}" in {c.codepoint for c in res.characters}


@PROPERTY
@given(st.integers(0, len(OFFICIAL) - 1), st.sampled_from(["ｍ", "а", "е", "І", "ⅼ", "𝐞", "Ｓ", "1", "I", "о"]))
def test_a_look_alike_character_is_never_official(at: int, glyph: str) -> None:
    """Replacing any one character of the official id with a look-alike never yields an official answer."""
    name = OFFICIAL[:at] + glyph + OFFICIAL[at + 1 :]
    if name == OFFICIAL:
        return
    try:
        res = llama4ref.resolve(name)
    except llama4ref.UnknownIdError:
        return
    assert not res.official


@pytest.mark.parametrize(
    ("ident", "precision", "packaging"),
    [
        ("RedHatAI/Llama-4-Scout-17B-16E-Instruct-quantized.w8a8", "int8", "w8a8"),
        ("RedHatAI/Llama-4-Scout-17B-16E-Instruct-quantized.w4a16", "int4", "w4a16"),
        ("someone/Llama-4-Scout-17B-16E-Instruct-quantized.w8a16", "int8", "w8a16"),
        ("RedHatAI/Llama-4-Scout-17B-16E-Instruct-FP8-dynamic", "fp8", "fp8-dynamic"),
        ("someone/Llama-4-Maverick-17B-128E-Instruct-NVFP4", "nvfp4", "nvfp4"),
        ("someone/Llama-4-Maverick-17B-128E-Instruct-MXFP4", "fp4", "mxfp4"),
        ("someone/Llama-4-Scout-17B-16E-Instruct-int8", "int8", "other"),
        ("someone/Llama-4-Scout-17B-16E-Instruct-quantized", "unknown", "other"),
        ("someone/Llama-4-Scout-17B-16E-Instruct", "bf16", "transformers"),
    ],
)
def test_quantization_suffixes_set_the_precision(ident: str, precision: str, packaging: str) -> None:
    """llm-compressor scheme names (w8a8, w4a16, FP8-dynamic, NVFP4) are read; 'quantized' alone is never bf16."""
    res = llama4ref.resolve(ident)
    assert (res.precision, res.packaging) == (precision, packaging)


@pytest.mark.parametrize(
    ("ident", "family"),
    [
        ("meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama-4"),
        ("llama4-maverick-instruct-basic", "llama-4"),
        ("meta-llama/Llama-Guard-4-12B", "llama-4"),
        ("deepcogito/cogito-v2-preview-llama-109B-MoE", "llama-4"),
        ("someone/Maverick-17B-128E-FT", "llama-4"),
        ("meta-llama/Llama-4.1-Scout-17B-16E", "llama-4.1"),
        ("meta-llama/Llama-3.1-8B-Instruct", "llama-3.1"),
        ("meta-llama/Llama-Guard-3-8B", "llama-guard-3"),
        ("Llama_3_8B", "llama-3"),
        ("TinyLlama/TinyLlama-1.1B", None),
        ("llama4-fans/Qwen2.5-7B", None),
        ("Qwen/Qwen2.5-7B", None),
    ],
)
def test_one_function_says_what_is_llama4(kb: KnowledgeBase, ident: str, family: str | None) -> None:
    """llama_family decides; resolve, the card check and is_llama4 agree with it (Llama-4.1 is not Llama 4)."""
    assert llama_family(ident) == llama_family(ident, kb) == family
    assert is_llama4(ident) == is_llama4_model(ident) == (family == "llama-4")
    try:
        res = llama4ref.resolve(ident)
    except llama4ref.UnknownIdError:
        assert family is None or family != "llama-4"
        return
    if family is not None:
        assert res.family == family


def test_llama_4_point_1_is_not_a_scout() -> None:
    """No Llama 4.1 exists: 'Llama-4.1-Scout-17B-16E' names no variant and resolve exits 1."""
    res = llama4ref.resolve("Llama-4.1-Scout-17B-16E")
    assert (res.family, res.variant, res.valid) == ("llama-4.1", None, False)
    assert generation("Llama-4.1-Scout") == "llama-4.1" and generation("Llama-4-Scout") == "llama-4"
    assert run_cli("resolve", "Llama-4.1-Scout-17B-16E").code == 1


@pytest.mark.parametrize("bad", [None, 123, b"scout"])
def test_a_non_string_id_is_a_type_error(bad: object) -> None:
    """resolve and llama_family raise TypeError with a message for a non-str id, not AttributeError."""
    with pytest.raises(TypeError, match=r"str, not \w+"):
        llama4ref.resolve(bad)  # type: ignore[arg-type]  # the point of the test
    with pytest.raises(TypeError, match=r"str, not \w+"):
        llama_family(bad)  # type: ignore[arg-type]  # the point of the test


@PROPERTY
@given(
    st.sampled_from([c["input"] for c in CASES] + [OFFICIAL, "ＬＬａｍａ-4-Scout-17B-16E", "groq/Scout-17B-16E", "gpt-4o"])
    | st.text(max_size=40)
)
def test_catalog_prefilter_agrees_with_the_parser(key: str) -> None:
    """``refresh providers`` skips parsing catalog keys that name no Llama and no variant; the
    answer must be the parser's for every key (full-width and other non-ASCII keys are parsed)."""
    from llama4ref.domain.catalog import is_llama4 as catalog_is_llama4
    from llama4ref.domain.resolve import parse

    found = parse(key)
    assert catalog_is_llama4(key) == (found is not None and found.family == "llama-4")


@pytest.mark.parametrize(("tag", "variant"), [("llama4:scout", "scout"), ("llama4:maverick", "maverick")])
def test_an_ollama_tag_the_records_hold_is_recorded(tag: str, variant: str) -> None:
    """Ollama's library tags (engines.ollama.gguf) resolve from the catalog, cited, not read by their parts."""
    found = llama4ref.resolve(tag)
    assert (found.method, found.variant, found.official) == ("catalog", variant, False)
    assert "ollama-readme-llama4" in {c.source for c in found.citations}
