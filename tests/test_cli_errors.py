"""Errors a new user meets: each has a stable code, offers the few closest names, says how to fix
it; a check given nothing to check says so; every checker reads a file's bytes the same way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from llama4ref.diagnostics import CODES
from llama4ref.errors import UnknownIdError
from tests.conftest import REPO, run_cli

# -- stable codes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["get", "nope"], "llama4ref: error: L4R-U001 unknown fact path 'nope' (see 'llama4ref list facts')\n"),
        (["cite", "nope"], "llama4ref: error: L4R-U001 unknown fact path 'nope' (see 'llama4ref list facts')\n"),
        (["sources", "nope"], "llama4ref: error: L4R-U002 unknown source 'nope' (see 'llama4ref list sources')\n"),
        (
            ["check-claims", "nonexist"],
            "llama4ref: error: L4R-U010 nonexist: no such file or directory; give files, directories or - (stdin)\n",
        ),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_errors_carry_a_code_and_the_way_out(
    args: list[str], stderr: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each error names its stable code and the command that lists what exists (they had neither)."""
    monkeypatch.chdir(tmp_path)
    res = run_cli(*args)
    assert (res.code, res.stdout, res.stderr) == (2, "", stderr)


def _raised_kinds() -> set[str]:
    """The kind of every UnknownIdError the package raises, read from its source."""
    found: set[str] = set()
    for path in (REPO / "llama4ref").rglob("*.py"):
        found |= set(re.findall(r'UnknownIdError\(\s*"([^"]+)"', path.read_text(encoding="utf-8")))
    return found


def test_every_unknown_name_has_a_code_of_its_own_and_a_listing() -> None:
    """No kind of unknown name falls back to the catch-all code: each has its code and the command listing all."""
    from llama4ref.errors import ERROR_CODES, unknown_kind

    kinds = _raised_kinds()
    assert {"fact path", "source", "engine", "prefix"} <= kinds and any(k.startswith("GPU") for k in kinds)
    for kind in kinds:
        code, listing = unknown_kind(kind)
        assert code != "L4R-U009" and listing, kind
        assert code in ERROR_CODES and listing in ERROR_CODES[code], kind


def test_every_code_is_documented() -> None:
    """Every error and diagnostic code is in the generated CLI reference, and no code is in two tables."""
    from llama4ref.errors import ERROR_CODES

    page = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert not set(ERROR_CODES) & set(CODES)
    for code, meaning in {**ERROR_CODES, **CODES}.items():
        assert f"| `{code}` | {meaning} |" in page


# -- "did you mean": the few closest, else the listing -------------------------------------------


@pytest.mark.parametrize(
    ("args", "offered", "listing"),
    [
        (["engines", "vlm"], ["vllm"], "llama4ref engines"),
        (["memory", "scout", "--gpu", "rtx4090"], ["rtx_4090"], "llama4ref list facts --prefix hardware"),
        (["memory", "scout", "--gpu", "RTX 4090"], ["rtx_4090"], "llama4ref list facts --prefix hardware"),
        (["list", "facts", "--prefix", "nothing.here"], [], "llama4ref list facts"),
        (["providers", "--provider", "grok"], ["Groq"], "llama4ref providers"),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_did_you_mean_offers_the_closest_only(args: list[str], offered: list[str], listing: str) -> None:
    """Only the close names are offered (it was every engine, GPU or top-level prefix); none close: the listing."""
    res = run_cli(*args)
    assert res.code == 2 and res.stderr.count("\n") == 1
    assert re.findall(r"'([^']*)'", res.stderr)[1:] == [*offered, listing]  # after the name typed
    assert ("did you mean" in res.stderr) == bool(offered) and res.stderr.endswith(f"(see '{listing}')\n")


def test_closest_ignores_case_separators_and_spaces() -> None:
    """One spelling per loose name; a prefix typed; nothing close is nothing."""
    from llama4ref.suggest import closest

    pool = ["rtx_4090", "rtx_4080", "h100", "mac_studio_m3_ultra_512gb", "Groq", "groq"]
    assert closest("RTX 4090", pool) == ["rtx_4090"]
    assert closest("rtx-4090", pool) == ["rtx_4090"]
    assert closest("GROQ", pool) == ["Groq"]
    assert closest("mac_studio", pool) == ["mac_studio_m3_ultra_512gb"]
    assert closest("zzzz", pool) == [] and closest("", pool) == []


def test_a_pool_given_to_the_error_is_narrowed() -> None:
    """A caller passing every known name gets the closest few in the message; a short curated list is kept."""
    pool = [f"engine_{i}" for i in range(20)] + ["vllm"]
    assert UnknownIdError("engine", "vlm", pool).suggestions == ["vllm"]
    assert UnknownIdError("variant", "llama4-scot", ["scout", "behemoth"]).suggestions == ["scout", "behemoth"]
    assert str(UnknownIdError("engine", "zzz", pool)) == "unknown engine 'zzz' (see 'llama4ref engines')"


# -- a check given nothing to check ---------------------------------------------------------------


def test_verify_quotes_without_any_copy_is_an_error(tmp_path: Path) -> None:
    """No copy of any source: nothing was checked, an error with a code and how copies are named (it was exit 0)."""
    res = run_cli("verify-quotes", str(tmp_path))
    assert (res.code, res.stdout) == (2, "") and res.stderr.count("\n") == 1
    assert res.stderr.startswith(f"llama4ref: error: L4R-Q003 no copy of any cited source in {tmp_path}: no quote checked")
    assert "<source-id>.<ext>" in res.stderr and "SOURCE: " in res.stderr and "--fetch" in res.stderr
    (tmp_path / "llama-models-preprocess-py.py").write_text("IMAGE_RES = 448\n", encoding="utf-8")
    assert run_cli("verify-quotes", str(tmp_path)).code == 0


def test_check_claims_warns_about_a_directory_without_documents(tmp_path: Path) -> None:
    """An empty directory named explicitly: a warning with a code on stderr, exit 0 (as ruff does); a
    missing one is exit 2."""
    (tmp_path / "src.py").write_text("x = 1\n", encoding="utf-8")
    res = run_cli("check-claims", str(tmp_path))
    assert res.code == 0
    assert res.stderr.startswith(f"{tmp_path}: L4R-U011 warning: no documents to check (")
    assert ".md" in res.stderr and "0 document(s)" in res.stderr
    (tmp_path / "a.md").write_text("Llama 4 Scout has 16 experts.\n", encoding="utf-8")
    assert "L4R-U011" not in run_cli("check-claims", str(tmp_path)).stderr


# -- one reading of text files ------------------------------------------------------------------

BAD = b"Llama-4-Foo\nLlama-4-\xffBar\n"
"""Two names, the second with a byte that is no UTF-8 (offset 20)."""

WARNING = "L4-FILE-ENCODING warning: not valid UTF-8 (first bad byte at offset 20); read with replacement characters"


def test_every_checker_reports_bad_bytes_alike(tmp_path: Path) -> None:
    """check-name --from-file, check-claims and license check say the same thing about the same bytes
    (check-name showed a lone surrogate U+DCFF, check-claims nothing)."""
    (tmp_path / "repo").mkdir()
    names, card = tmp_path / "bad.md", tmp_path / "repo" / "README.md"
    names.write_bytes(BAD)
    card.write_bytes(BAD)
    checked = run_cli("check-name", "--from-file", str(names))
    claims = run_cli("check-claims", str(names))
    license_ = run_cli("license", "check", str(tmp_path / "repo"))
    assert checked.stderr == f"{names}: {WARNING}\n" and checked.code == 0
    assert claims.stderr.startswith(f"{names}: {WARNING}\n")
    assert f"{card}: {WARNING}" in license_.stdout + license_.stderr
    assert "DCFF" not in checked.stdout + checked.stderr and "\udcff" not in checked.stdout
    assert "Llama-4-\ufffdBar" in checked.stdout
    strict = run_cli("check-name", "--from-file", str(names), "--strict")
    assert strict.code == 1  # a warning fails under --strict, as license check's do


def test_check_claims_reports_bad_bytes_in_its_json_and_sarif_too(tmp_path: Path) -> None:
    """The L4-FILE-ENCODING warning is in check-claims' --json envelope and SARIF log, not only on stderr
    (a CI reading the report saw a file read with replacement characters as read cleanly)."""
    import json

    import jsonschema

    from tests.json_envelopes import checked_kind

    doc = tmp_path / "bad.md"
    doc.write_bytes(BAD)
    out = run_cli("check-claims", "--json", str(doc)).stdout
    assert checked_kind(out) == "claims"
    (warning,) = json.loads(out)["data"]["warnings"]
    assert f"{warning['file']}: {warning['code']} {warning['severity']}: {warning['message']}" == f"{doc}: {WARNING}"
    sarif = json.loads(run_cli("check-claims", "--format", "sarif", str(doc)).stdout)
    schema = json.loads((REPO / "tests" / "compliance" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    (result,) = [r for r in run["results"] if r["ruleId"] == "L4-FILE-ENCODING"]
    assert result["level"] == "warning" and WARNING.endswith(result["message"]["text"])
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "L4-FILE-ENCODING"
    doc.write_text("Llama 4 Scout has 16 experts.\n", encoding="utf-8")
    assert json.loads(run_cli("check-claims", "--json", str(doc)).stdout)["data"]["warnings"] == []


def test_check_claims_reads_stdin_bytes_as_files() -> None:
    """`check-claims -` decodes standard input's bytes as it decodes a file's."""
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "llama4ref", "check-claims", "-"], input=BAD, capture_output=True, check=False)
    assert res.returncode == 0 and res.stderr.decode().startswith(f"-: {WARNING}\n")


def test_a_byte_order_mark_does_not_shift_the_offset() -> None:
    """The offset is the file's: a UTF-8 byte-order mark is counted (it was 3 bytes short)."""
    from llama4ref.textfile import decode_text

    assert "offset 5" in (decode_text(b"\xef\xbb\xbfab\xff").encoding_problem or "")
    assert decode_text("é".encode("utf-16")).text == "é"
    assert decode_text(b"a\x00b").text is None


# -- README ---------------------------------------------------------------------------------------


def test_readme_sentences_end_before_the_next_begins() -> None:
    """No sentence runs into the next without its full stop ("case-insensitively Each clause")."""
    text = re.sub(r"```.*?```", "", (REPO / "README.md").read_text(encoding="utf-8"), flags=re.S)
    text = re.sub(r"`[^`\n]*`", "``", text)
    runs = re.compile(r"\b[a-z]{3,}[ ]+(Each|Every|The|This|It|Its|These|They|When|With)[ ]+[a-z]")
    prose = [ln for ln in text.splitlines() if not ln.startswith(("#", "|"))]
    assert [m.group() for ln in prose for m in runs.finditer(ln)] == []


# -- each message names what the user gave; exit codes as README's table says ------------------

MEMORY_FLAGS = ("--usable", "--batch", "--context", "--kv-dtype", "--kv-layout")


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--context", "-5"), ("--context", "0"), ("--batch", "0"), ("--usable", "2"), ("--usable", "0"), ("--kv-dtype", "x"), ("--kv-layout", "x")],
)  # fmt: skip
def test_a_memory_option_error_names_only_the_option_given(flag: str, value: str) -> None:
    """`memory scout --context -5` names --context (and the value given), not --usable or --batch."""
    res = run_cli("memory", "scout", flag, value)
    assert res.code == 2 and res.stderr.count("\n") == 1 and flag in res.stderr, res.stderr
    assert not [f for f in MEMORY_FLAGS if f != flag and f in res.stderr], res.stderr


def test_a_directory_that_is_no_facts_tree_is_exit_2(tmp_path: Path) -> None:
    """`validate` and `diff` given a directory without sources/ and variants/ exit 2 (input that
    cannot be read, README's table), not 1 (a tree with problems); diff says which argument, once."""
    from llama4ref.store.index import shipped_facts_dir

    empty = tmp_path / "empty"
    empty.mkdir()
    res = run_cli("validate", str(empty))
    assert res.code == 2 and "L4R-T001" in res.stdout
    res = run_cli("diff", str(empty), str(shipped_facts_dir()))
    assert res.code == 2 and res.stdout == "" and res.stderr.count("\n") == 1
    assert res.stderr.startswith("llama4ref: error: L4R-T001 ") and "OLD must be a facts tree" in res.stderr
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert re.search(r"\| 2 \|[^\n]*no facts tree", readme)


def test_ask_with_no_words_says_what_an_empty_question_says() -> None:
    """`ask` with no words and `ask ""` give the same one line and exit 2."""
    bare, empty = run_cli("ask"), run_cli("ask", "")
    assert (bare.code, bare.stderr) == (empty.code, empty.stderr) == (2, empty.stderr)
    assert "ask a question, e.g. llama4ref ask " in bare.stderr


@pytest.mark.parametrize("words", [("?",), ("the",), ("?", "!")])
def test_ask_and_search_with_no_word_to_look_up_say_so(words: tuple[str, ...]) -> None:
    """`ask ?` (or only frame words) is no question: one line asking for one and exit 2, not
    arbitrary "closest facts"; `search ?` likewise."""
    res, found = run_cli("ask", *words), run_cli("search", *words)
    assert (res.code, res.stdout) == (2, "") and "has no word to look up: ask a question, e.g." in res.stderr
    assert (found.code, found.stdout) == (2, "") and "has no word to look up" in found.stderr
