"""The naming rule: examples, spoofing, marks, suggestions and properties (speed: benchmarks/run.py)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llama4ref.compliance import LicenseTerms, check_name, check_names, exit_code, read_names, suggest_name
from llama4ref.records.chars import hidden_reason, is_mark, skeleton
from tests import hostile_names

CORPUS = hostile_names.load()

CASES = [
    # (input, status, rule, suggestion)
    ("meta-llama/Llama-4-Scout-17B-16E-Instruct", "warning", "L4-NAME-META", "Llama-4-Scout-17B-16E-Instruct"),
    ("acme/Llama-4-Scout-17B-16E-Instruct", "warning", "L4-NAME-META", "Llama-4-Scout-17B-16E-Instruct"),
    ("meta-llama/Llama-4-Scout-Acme-FT", "warning", "L4-NAME-META", "Llama-4-Scout-Acme-FT"),
    ("acme/Llama-4-Scout-17B-16E-Instruct-Acme", "pass", "L4-NAME-PREFIX", "acme/Llama-4-Scout-17B-16E-Instruct-Acme"),
    ("Llama", "pass", "L4-NAME-PREFIX", "Llama"),
    ("a/b/c/Llama-x", "pass", "L4-NAME-PREFIX", "a/b/c/Llama-x"),
    ("Scout-FT", "violation", "L4-NAME-PREFIX", "Llama-Scout-FT"),
    ("meta-llama-Llama-4-FT", "violation", "L4-NAME-PREFIX", "Llama-4-FT"),
    (
        "mlx-community/meta-llama-Llama-4-Scout-17B-16E-8bit",
        "violation",
        "L4-NAME-PREFIX",
        "mlx-community/Llama-4-Scout-17B-16E-8bit",
    ),
    ("bartowski/meta-llama_Llama-4-Scout-GGUF", "violation", "L4-NAME-PREFIX", "bartowski/Llama-4-Scout-GGUF"),
    ("cogito-v2-preview-llama-109B-MoE", "violation", "L4-NAME-PREFIX", "Llama-109B-MoE-cogito-v2-preview"),
    ("FT-Llama-Prompt-Guard-2", "violation", "L4-NAME-PREFIX", "Llama-Prompt-Guard-2-FT"),  # no doubled Llama
    (
        "sglang-EAGLE3-Llama-4-Maverick-17B-128E-Instruct-v1",
        "violation",
        "L4-NAME-PREFIX",
        "Llama-4-Maverick-17B-128E-Instruct-v1-sglang-EAGLE3",
    ),
    ("TinyLlama-1.1B", "violation", "L4-NAME-PREFIX", "Llama-TinyLlama-1.1B"),  # not a word of its own
    ("Llama\u0301-4-FT", "violation", "L4-NAME-PREFIX", "Llama-4-FT"),  # combining acute: displays as Llamá
    ("Llam\u00e1-4-FT", "violation", "L4-NAME-PREFIX", "Llama-4-FT"),  # the precomposed form, same verdict
    ("llama\u0308", "violation", "L4-NAME-PREFIX", "Llama"),  # case variant with a mark
    ("Llama\u00a0-4-FT", "violation", "L4-NAME-HIDDEN", "Llama-4-FT"),  # no-break space
    ("Llama-4-FT\u3000", "violation", "L4-NAME-HIDDEN", "Llama-4-FT"),  # trailing ideographic space
    ("_tuned", "violation", "L4-NAME-PREFIX", "Llama_tuned"),
    ("", "violation", "L4-NAME-PREFIX", "Llama"),
    ("org/", "violation", "L4-NAME-PREFIX", "org/Llama"),
    ("llama-4-scout-ft", "warning", "L4-NAME-CASE", "Llama-4-scout-ft"),
    ("LLAMA4-FT", "warning", "L4-NAME-CASE", "Llama4-FT"),
    ("LLaMA-4", "warning", "L4-NAME-CASE", "Llama-4"),
    ("Llаma-4-FT", "violation", "L4-NAME-SPOOF", "Llama-4-FT"),  # Cyrillic а
    ("Llαma-4", "violation", "L4-NAME-SPOOF", "Llama-4"),  # Greek alpha
    ("LIama-4", "violation", "L4-NAME-SPOOF", "Llama-4"),  # capital I for l
    ("L1ama-4", "violation", "L4-NAME-SPOOF", "Llama-4"),  # digit one for l
    ("Llarna-4", "violation", "L4-NAME-SPOOF", "Llama-4"),  # rn for m
    ("Ｌｌａｍａ-4", "violation", "L4-NAME-SPOOF", "Llama-4"),  # fullwidth
    ("ⅬLAMA", "violation", "L4-NAME-SPOOF", "Llama"),  # Roman numeral fifty, upper-case variant
    (" Llama-4", "violation", "L4-NAME-PREFIX", "Llama-4"),  # leading whitespace: said plainly, not a look-alike
    (" llama-4", "violation", "L4-NAME-SPOOF", "Llama-4"),  # leading whitespace and another case
    ("Acme Scout Support Assistant", "violation", "L4-NAME-PREFIX", "Llama Acme Scout Support Assistant"),  # its separator
    ("Scout_FT", "violation", "L4-NAME-PREFIX", "Llama_Scout_FT"),
    ("Scout FT-v2", "violation", "L4-NAME-PREFIX", "Llama Scout FT-v2"),  # the first separator it uses
    ("acme/Scout", "violation", "L4-NAME-PREFIX", "acme/Llama-Scout"),  # no separator: a hyphen
    ("\u200bLlama-4", "violation", "L4-NAME-SPOOF", "Llama-4"),  # zero-width space first
    ("L\u200dlama-4", "violation", "L4-NAME-SPOOF", "Llama-4"),  # zero-width joiner inside
    ("Llama\u202e4-FT", "violation", "L4-NAME-HIDDEN", "Llama4-FT"),  # bidi override after the prefix
    ("Llama-4\ufe0f", "violation", "L4-NAME-HIDDEN", "Llama-4"),  # variation selector
    (" Scout", "violation", "L4-NAME-PREFIX", "Llama-Scout"),
]


@pytest.mark.parametrize(("raw", "status", "rule", "suggestion"), CASES, ids=[repr(c[0]) for c in CASES])
def test_examples(terms: LicenseTerms, raw: str, status: str, rule: str, suggestion: str) -> None:
    """Each example gets the documented status, deciding rule, its section (1.b.i; 5.a for Meta's own names) and suggestion."""
    result = check_name(raw, terms)
    assert (result.status, result.rule, result.suggestion) == (status, rule, suggestion)
    assert result.section == ("5.a" if rule == "L4-NAME-META" else "1.b.i")


@pytest.mark.parametrize("case", CORPUS["check-name"], ids=[f"{i}:{c['case']}" for i, c in enumerate(CORPUS["check-name"])])
def test_hostile_name_gives_its_exact_output(case: dict[str, object]) -> None:
    """`check-name --json` prints exactly the recorded verdict, message, characters and suggestion, and exits as recorded."""
    assert hostile_names.run("check-name", case) == (case["exit"], case["output"])


@pytest.mark.parametrize(
    "case", CORPUS["license-check"], ids=[f"{i}:{c['via']}:{c['input']!a}" for i, c in enumerate(CORPUS["license-check"])]
)
def test_hostile_name_through_license_check(case: dict[str, object]) -> None:
    """A card's `model_name` and `--name` are judged exactly as `check-name` judges them."""
    assert hostile_names.run("license-check", case) == (case["exit"], case["output"])


def test_spoof_message_names_the_character(terms: LicenseTerms) -> None:
    """A look-alike is reported as U+XXXX NAME with its position and what it imitates."""
    result = check_name("Llаma-4-Scout-FT", terms)
    (issue,) = result.findings[0].characters
    assert (issue.codepoint, issue.index, issue.looks_like) == ("U+0430", 2, "a")
    assert "U+0430 CYRILLIC SMALL LETTER A at index 2" in result.message
    assert "UTS #39" in issue.reason


def test_fullwidth_is_reported_as_a_compatibility_form(terms: LicenseTerms) -> None:
    """Fullwidth letters are explained as NFKC compatibility forms."""
    issues = check_name("Ｌlama", terms).findings[0].characters
    assert issues[0].codepoint == "U+FF2C" and "NFKC" in issues[0].reason


def test_bidi_control_is_named(terms: LicenseTerms) -> None:
    """A bidirectional override is named and explained."""
    result = check_name("Llama\u202e-4", terms)
    assert "U+202E RIGHT-TO-LEFT OVERRIDE at index 5" in result.message
    assert "bidirectional" in result.message


def test_case_variant_with_hidden_characters_is_a_violation(terms: LicenseTerms) -> None:
    """A lower-case prefix with a zero-width space is both a warning and a hidden-character violation."""
    result = check_name("llama\u200b-4", terms)
    assert result.status == "violation"
    assert [f.rule for f in result.findings] == ["L4-NAME-CASE", "L4-NAME-HIDDEN"]


def test_read_names_keeps_spaces_and_skips_blank_lines() -> None:
    """Names from a file: CRLF removed, blank lines skipped, leading spaces kept."""
    assert read_names("Llama-a\r\n\r\n  \n Llama-b\nc") == ["Llama-a", " Llama-b", "c"]


def test_read_names_skips_comment_lines() -> None:
    """A line whose first character is '#' is a comment, not a name to suggest 'Llama-# …' for
    (review19 #11); an indented '#' line is a name that begins with whitespace, judged as such."""
    assert read_names("# names we publish\nLlama-a\n#Llama-b\n  # c\nd # e\n") == ["Llama-a", "  # c", "d # e"]


def test_exit_code(terms: LicenseTerms) -> None:
    """Exit code 0 all pass, 1 any violation; warnings fail only under strict."""
    passing = list(check_names(["Llama-a", "org/Llama-b"], terms))
    warning = list(check_names(["Llama-a", "llama-b"], terms))
    failing = list(check_names(["Scout-FT"], terms))
    assert exit_code(passing) == 0 and exit_code(warning) == 0 and exit_code(warning, strict=True) == 1
    assert exit_code(failing) == 1


def test_one_megabyte_name(terms: LicenseTerms) -> None:
    """A 1 MB name, compliant or spoofed, is judged without error."""
    big = "x" * 1_000_000
    assert check_name("Llama" + big, terms).status == "pass"
    assert check_name("\u200b" * 200_000 + "Llama" + big, terms).rule == "L4-NAME-SPOOF"
    assert check_name("Llama" + "\u200b" * 1_000_000, terms).rule == "L4-NAME-HIDDEN"
    assert check_name(big, terms).suggestion == "Llama-" + big


def test_many_names_judged_one_result_each(terms: LicenseTerms) -> None:
    """100,000 hub-like names give one verdict each, in order (the rate is benchmarks/run.py's check-name row)."""
    rnd = random.Random(5)
    words = ["Scout", "Maverick", "Instruct", "GGUF", "FT", "qwen", "llama", "Llama", "4", "17B", "fp8", "bnb-4bit"]
    heads = ["Llama-4-", "llama-", "Llаma-", "Llama\u200b-", "模型-", "", "", ""]
    names = [f"org{i % 50}/{rnd.choice(heads)}{'-'.join(rnd.choices(words, k=4))}" for i in range(100_000)]
    results = list(check_names(names, terms))
    assert [r.input for r in results] == names
    assert {r.status for r in results} >= {"pass", "violation"}


NAMES = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)
PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(NAMES)
def test_never_passes_without_the_exact_prefix(terms: LicenseTerms, raw: str) -> None:
    """Any Unicode input: a pass means the part after the last '/' starts with exactly 'Llama'."""
    result = check_name(raw, terms)
    name = raw.rsplit("/", 1)[-1]
    assert result.name == name
    assert result.status in ("pass", "warning", "violation")
    if result.status == "pass":
        assert name[:5] == "Llama"
        assert not any(hidden_reason(c) for c in name)
        assert not is_mark(name[5:6] or "x")


@PROPERTY
@given(NAMES)
def test_deterministic_and_suggestion_complies(terms: LicenseTerms, raw: str) -> None:
    """Judging twice gives equal results, and the suggested name itself passes."""
    first, second = check_name(raw, terms), check_name(raw, terms)
    assert first == second
    assert check_name(first.suggestion, terms).status == "pass"
    assert suggest_name(first.name, "Llama").startswith("Llama")


@PROPERTY
@given(
    st.text(alphabet=st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Zs"), exclude_characters="/"), max_size=30)
)
def test_prefix_plus_visible_text_passes(terms: LicenseTerms, rest: str) -> None:
    """'Llama' followed by any text without hidden characters or '/' and not opening with a mark passes."""
    if any(hidden_reason(c) for c in rest) or (rest and is_mark(rest[0])):
        return
    assert check_name("Llama" + rest, terms).status == "pass"


MARKS = st.characters(categories=("Mn", "Me", "Mc"))


@PROPERTY
@given(st.sampled_from(["Llama", "llama", "LLAMA", "Llam\u00e1"]), MARKS, st.text(max_size=10))
def test_a_mark_after_the_prefix_never_passes(terms: LicenseTerms, prefix: str, mark: str, tail: str) -> None:
    """Any Mn/Me/Mc mark right after the prefix (any case, or a precomposed last letter) is a
    violation that names the mark's code point, and the suggestion passes."""
    raw = prefix + mark + tail.replace("/", "")
    result = check_name(raw, terms)
    assert result.status == "violation"
    assert f"U+{ord(mark):04X}" in result.message or "U+00E1" in result.message
    assert check_name(result.suggestion, terms).status == "pass"


@PROPERTY
@given(st.text(max_size=12), st.characters(categories=("Zs",), exclude_characters=" "), st.text(max_size=12))
def test_a_non_ascii_space_anywhere_never_passes(terms: LicenseTerms, before: str, space: str, after: str) -> None:
    """A space character other than U+0020 anywhere in a name is a hidden-character violation that names it."""
    raw = "Llama" + before.replace("/", "") + space + after.replace("/", "")
    result = check_name(raw, terms)
    assert result.status == "violation"
    assert f"U+{ord(space):04X}" in {c.codepoint for f in result.findings for c in f.characters}
    assert check_name(result.suggestion, terms).status == "pass"


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8)


@PROPERTY
@given(st.lists(WORD, min_size=1, max_size=3), st.sampled_from(["Llama", "llama", "LLAMA"]), st.lists(WORD, max_size=3))
def test_a_later_llama_word_is_moved_not_doubled(terms: LicenseTerms, before: list[str], prefix: str, after: list[str]) -> None:
    """'FT-Llama-…' is suggested as 'Llama-…-FT': no more 'llama' than the name had, every word kept, and it passes."""
    name = "-".join([*before, prefix, *after])
    if "llama" in "".join(before).lower() or [w.lower() for w in before] == ["meta"]:
        return  # a flattened Meta org ("meta-llama-…") is dropped, not rotated
    suggestion = check_name(name, terms).suggestion
    assert suggestion.lower().count("llama") == name.lower().count("llama")
    assert sorted(suggestion.lower().split("-")) == sorted(name.lower().split("-"))
    assert check_name(suggestion, terms).status == "pass"


def test_ascii_skeleton_table_matches_the_confusables_data() -> None:
    """The ASCII fold used without loading the data equals the one computed from it."""
    from llama4ref.records.chars import _ASCII_SKELETON, _fold_by_data, skeleton_piece

    derived = {chr(c): _fold_by_data(chr(c), 0) for c in range(0x20, 0x7F) if _fold_by_data(chr(c), 0) != chr(c)}
    assert derived == _ASCII_SKELETON
    assert all(skeleton_piece(chr(c)) == _fold_by_data(chr(c), 0) for c in range(0x20, 0x7F))


@PROPERTY
@given(st.integers(0, 4), st.sampled_from(["а", "α", "Ｌ", "ｌ", "ａ", "ｍ", "I", "1", "|", "ɑ", "𝐥", "ⅼ"]), st.text(max_size=10))
def test_one_look_alike_is_never_compliant(terms: LicenseTerms, pos: int, glyph: str, tail: str) -> None:
    """Replacing one letter of 'Llama' with a character of the same skeleton is a spoof, never a pass."""
    prefix = list("Llama")
    if skeleton(glyph) != skeleton(prefix[pos]):
        return
    prefix[pos] = glyph
    result = check_name("".join(prefix) + tail.replace("/", ""), terms)
    assert result.status == "violation" and result.rule == "L4-NAME-SPOOF"


@PROPERTY
@given(st.characters(exclude_categories=()))
def test_hidden_pattern_agrees_with_hidden_reason(ch: str) -> None:
    """The compiled hidden-character class and the per-character rule agree on every code point."""
    from llama4ref.records.chars import hidden_pattern

    assert (hidden_pattern().fullmatch(ch) is not None) == (hidden_reason(ch) is not None)
