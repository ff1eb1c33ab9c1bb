"""review20's findings on the CLI around the checkers: token counts written as the tool prints them,
the memory hint at a given context, the license badge, another generation's use policy, check-name's
empty name and separators, the conflicts listing, and the checker on a checkout with no card."""

from __future__ import annotations

import json

import pytest

import llama4ref
from llama4ref.formatting import humanize, parse_token_count
from tests.conftest import run_cli

# -- #11: a token count reads as the tool writes it -------------------------------------------


def _token_counts() -> list[int]:
    kb = llama4ref.knowledge_base()
    return sorted({f.value for f in kb.facts() if f.unit == "tokens" and isinstance(f.value, int) and f.value > 0})


def test_every_recorded_token_count_reads_back_as_printed() -> None:
    """Each token count in the records, written as `show` writes it (131,072, and 128K for a whole
    number of 1,024s; 4,000 and 128,000 are shown "4K" and "128K" too, but K is read as binary), parses to itself."""
    counts = _token_counts()
    assert 131_072 in counts and 10_485_760 in counts, counts[:20]
    for count in counts:
        assert parse_token_count(f"{count:,}") == count
        if count % 1024 == 0 and count % 1000:  # 128,000 is shown "128K" too: the decimal reading
            assert parse_token_count(humanize(count, binary=True)) == count, humanize(count, binary=True)


@pytest.mark.parametrize(
    ("text", "count"),
    [("32k", 32_768), ("128K", 131_072), ("1M", 1_048_576), ("10M", 10_485_760), ("131,072", 131_072), ("1.5M", 1_572_864),
     (" 8192 ", 8192), ("256 K", 262_144)],
)  # fmt: skip
def test_k_and_m_are_binary_and_separators_are_read(text: str, count: int) -> None:
    """K = 1,024 and M = 1,048,576 (the records' rounded notation); thousands separators are read."""
    assert parse_token_count(text) == count


@pytest.mark.parametrize("text", ["", "12x", "1,2345", "1.5", "1.0001K", "nan", "1e6", "128KB", "K"])
def test_what_is_no_token_count_is_refused(text: str) -> None:
    """A count that is not whole, a misplaced separator, a float or a unit: a ValueError naming it."""
    with pytest.raises(ValueError, match="is not a token count"):
        parse_token_count(text)


@pytest.mark.parametrize(("command", "option"), [(["memory", "scout", "--gpu", "h100", "--json"], "--context"),
                                                 (["providers", "scout", "--json"], "--min-context")])  # fmt: skip
def test_every_token_option_takes_the_printed_forms(command: list[str], option: str) -> None:
    """`--context 128K` and `--context 131,072` answer as `--context 131072`, on each option taking tokens."""
    plain = run_cli(*command, option, "131072")
    assert plain.code == 0, plain.stderr
    for text in ("128K", "128k", "131,072"):
        res = run_cli(*command, option, text)
        assert (res.code, json.loads(res.stdout)) == (0, json.loads(plain.stdout)), (text, res.stderr)


def test_a_bad_token_count_is_one_coded_line_and_the_help_says_k_is_binary() -> None:
    """'32q' is the one-line L4R-U012 error naming the forms it takes; -h says 128K = 131,072."""
    res = run_cli("memory", "scout", "--context", "32q")
    assert res.code == 2 and res.stdout == "" and res.stderr.count("\n") == 1, res
    assert "L4R-U012" in res.stderr and "'32q' is not a token count" in res.stderr and "128K" in res.stderr
    for command in (["memory"], ["providers"]):
        assert "128K = 131,072" in " ".join(run_cli(*command, "-h", env={"COLUMNS": "200"}).stdout.split())


# -- #10: the context hint whenever a smaller context fits, not only at the default window ----


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_a_given_context_that_does_not_fit_gets_the_context_that_does() -> None:
    """int4 Scout at 131,072 tokens misses one H100 by half a GB: the output names the context that fits it."""
    from llama4ref.domain.memory import plan

    kb = llama4ref.knowledge_base()
    p = plan(kb, "scout", "int4", gpu="h100", context=131_072)
    assert not p.fits and p.context_fit is not None and p.context_fit[0] == 1
    n = p.context_fit[1]
    assert 8192 < n < 131_072
    assert plan(kb, "scout", "int4", gpu="h100", context=n).fits
    assert not plan(kb, "scout", "int4", gpu="h100", context=n + 1).fits
    res = run_cli("memory", "scout", "--precision", "int4", "--gpu", "h100", "--context", "131072")
    assert "fits on 1 × h100: no" in _flat(res.stdout)
    assert f"with --context {n} (or less) it fits 1 × h100" in _flat(res.stdout)


@pytest.mark.parametrize("variant", ["scout", "maverick"])
@pytest.mark.parametrize("precision", ["bf16", "fp8", "int4"])
@pytest.mark.parametrize("gpu", ["h100", "h200"])
def test_the_hint_is_given_exactly_when_a_smaller_context_fits(variant: str, precision: str, gpu: str) -> None:
    """For every plan that does not fit: a hint iff the weights alone (context 1) deploy on fewer GPUs, and
    the context it names fits those GPUs."""
    from llama4ref.domain.memory import plan

    kb = llama4ref.knowledge_base()
    least = plan(kb, variant, precision, gpu=gpu, context=1, advise=False).gpus_deployable or 1  # type: ignore[arg-type]
    for context in (65_536, 131_072, 1_048_576):
        p = plan(kb, variant, precision, gpu=gpu, context=context)  # type: ignore[arg-type]
        if p.fits:
            assert p.context_fit is None
            continue
        assert (p.context_fit is not None) == (least < (p.gpus_deployable or 1)), (context, p.context_fit)
        if p.context_fit is not None:
            gpus, fits = p.context_fit
            assert fits < context and plan(kb, variant, precision, gpu=gpu, context=fits, gpus=gpus).fits  # type: ignore[arg-type]


# -- #14: check-name: an empty name is a usage error; one separator style; plain words -------------


@pytest.mark.parametrize(("args", "says"), [([""], "name 1 is empty"), (["Llama-4-X", "  "], "name 2 is only whitespace")])
def test_an_empty_name_is_a_usage_error(args: list[str], says: str) -> None:
    """`check-name ''` is one coded line and exit 2 (as `get ''`), not a verdict with a suggestion."""
    res = run_cli("check-name", *args)
    assert (res.code, res.stdout, res.stderr.count("\n")) == (2, "", 1), res
    assert "L4R-U012" in res.stderr and says in res.stderr


def test_leading_spaces_are_said_plainly() -> None:
    """' Llama-indented' (an indented line of a names file) begins with whitespace; it is not called a look-alike."""
    res = run_cli("check-name", " Llama-indented", "--json")
    (result,) = json.loads(res.stdout)["data"]["results"]
    assert (res.code, result["rule"], result["suggestion"]) == (1, "L4-NAME-PREFIX", "Llama-indented")
    assert result["message"].startswith("the name begins with whitespace before 'Llama' (U+0020 SPACE at index 0)")
    assert "looks like" not in result["message"] and "SPOOF" not in res.stdout


@pytest.mark.parametrize("name", ["Acme Scout Support Assistant", "acme/Scout_v2 FT", "Scout-FT (Acme)", "scout"])
def test_a_suggestion_keeps_one_separator_style(name: str) -> None:
    """The suggested name adds the prefix with the separator the name itself uses first, and passes."""
    from llama4ref.compliance import check_name
    from llama4ref.compliance.terms import shipped_license_terms

    terms = shipped_license_terms()
    suggestion = check_name(name, terms).suggestion
    own = name.rsplit("/", 1)[-1]
    first = next((c for c in own if c in " -_"), "-")
    assert suggestion.rsplit("/", 1)[-1] == f"Llama{first}{own}"
    assert check_name(suggestion, terms).status == "pass"
