"""Every command in a real pseudo-terminal at 80 and 120 columns: nothing wider than the terminal,
key values (numbers, ids, dates, tokens) never split, the prompt copied exactly."""

from __future__ import annotations

import fcntl
import itertools
import json
import os
import pty
import re
import struct
import subprocess
import sys
import tempfile
import termios
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest
from rich.cells import cell_len

from llama4ref.cli.render.grid import GAP, PIPE_PAD
from llama4ref.store.index import shipped_facts_dir
from tests.conftest import REPO, run_cli
from tests.smoke_commands import plan

WIDTHS = (80, 120)
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")
SKIP = {"refresh providers"}  # downloads wheels; its text output is the diff-style report (tests/test_refresh.py)
WHOLE_LINE = {"prompt-format"}  # the prompt itself is printed unwrapped (the terminal folds it); see the prompt test
LINE_ORIENTED = {"check-name", "check-claims", "validate", "verify-quotes", "diff", "export", "cite"}
"""Commands that print one record per line (``file:line:col: CODE message``, a diff line, a citation to
paste): a line is a unit for grep and copying, so the terminal folds it rather than the program."""
MACHINE = ("--json", "sarif", "bibtex", "csl-json")
"""Arguments that ask for a machine format, which is never wrapped."""

KEY_VALUES = {
    ("context", "scout"): ["10,485,760", "meta-llama/llama-4-scout-17b-16e-instruct", "2026-06-26"],
    ("providers", "scout", "-p", "bedrock"): ["meta.llama4-scout-17b-instruct-v1:0", "3,500,000", "2027-03-30", "2026-11-20"],
    ("show", "scout"): ["109,000,000,000", "10,485,760", "meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama-models-model-card"],
    ("sources",): ["transformers-4.51.0-image-processing-llama4-fast", "2025-08-22", "amd-primus-pr-165"],
    ("license",): ["llama-4-community-license"],
    ("benchmarks", "--stage", "vllm_reproduction"): ["H100, FP8", "AMD MI300x, BF16", "H200, BF16"],
    ("compare", "scout", "maverick"): ["10,485,760", "1,048,576", "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8"],
    ("memory", "scout", "--gpu", "h100"): ["10,485,760"],
    ("ask", "which", "providers", "serve", "scout"): [
        "meta.llama4-scout-17b-instruct-v1:0",
        "@cf/meta/llama-4-scout-17b-16e-instruct",
    ],
}


def pty_run(args: list[str], width: int, cwd: str) -> tuple[int, str]:
    """Run the CLI attached to a pseudo-terminal ``width`` columns wide; its exit code and what the terminal showed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, width, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES")}
    env |= {"TERM": "xterm-256color", "COLUMNS": str(width), "LINES": "40"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama4ref", *args], stdin=follower, stdout=follower, stderr=follower, env=env, cwd=cwd
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    code = proc.wait(timeout=120)
    return code, ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")).replace("\r\n", "\n")


@cache
def runs() -> dict[tuple[str, int], tuple[list[str], int, str]]:
    """Every command's invocation (from the CLI itself) and the extra ones above, at each width, run in parallel."""
    tmp = tempfile.mkdtemp(prefix="llama4ref-pty-")
    (Path(tmp) / "my-model").mkdir()
    invocations = {inv.command: [a.format(tmp=tmp, facts=shipped_facts_dir()) for a in inv.args] for inv in plan()[0]}
    invocations = {k: v for k, v in invocations.items() if k in _names()} | {" ".join(k): list(k) for k in KEY_VALUES}
    jobs = [(name, args, w) for name, args in invocations.items() for w in WIDTHS]
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = list(pool.map(lambda j: pty_run(j[1], j[2], tmp), jobs))
    return {(name, w): (args, code, out) for (name, args, w), (code, out) in zip(jobs, done, strict=True)}


def pipe_run(args: list[str], columns: str | None, cwd: str) -> str:
    """The CLI's stdout through a pipe, with COLUMNS set or not."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | ({"COLUMNS": columns} if columns else {})
    return subprocess.run(
        [sys.executable, "-m", "llama4ref", *args], capture_output=True, text=True, env=env, cwd=cwd, check=False
    ).stdout


@cache
def pipes() -> dict[tuple[str, str | None], str]:
    """The commands of KEY_VALUES and `list facts` piped, without COLUMNS and with COLUMNS=80."""
    tmp = tempfile.mkdtemp(prefix="llama4ref-pipe-")
    (Path(tmp) / "my-model").mkdir()
    invocations = {" ".join(k): list(k) for k in KEY_VALUES} | {"list facts": ["list", "facts"]}
    jobs = [(name, args, c) for name, args in invocations.items() for c in (None, "80")]
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = list(pool.map(lambda j: pipe_run(j[1], j[2], tmp), jobs))
    return {(name, c): out for (name, _, c), out in zip(jobs, done, strict=True)}


@pytest.mark.parametrize("name", sorted({" ".join(k) for k in KEY_VALUES} | {"list facts"}))
def test_pipes_are_unpadded_and_honour_columns(name: str) -> None:
    """Piped output has no trailing spaces; without COLUMNS nothing wraps, with COLUMNS=80 nothing is wider."""
    free, narrow = pipes()[(name, None)], pipes()[(name, "80")]
    assert not [line for line in free.split("\n") if line.endswith(" ")]
    assert all(fits(line, 80) for line in narrow.split("\n"))
    assert len(free.split("\n")) <= len(narrow.split("\n"))


def test_a_pipe_pads_no_column_past_its_cap() -> None:
    """Piped `list facts` keeps its columns aligned, but the value column is padded to at most
    PIPE_PAD: one 600-character value no longer pads every line of the listing to 950 characters."""
    lines = pipes()[("list facts", None)].split("\n")
    header = next(line for line in lines if line.startswith("path "))
    assert header.index("sources") - header.index("value") == PIPE_PAD + GAP
    short = next(line for line in lines if line.startswith("license.mau_threshold "))
    assert short.index("llama-models-license") == header.index("sources")
    assert max(len(line) for line in lines) > header.index("sources") + 100  # the long value is still whole


def fits(line: str, width: int) -> bool:
    """Whether ``line`` fits ``width`` cells, or is wider only because it holds a word wider than the
    whole line (a URL, a regular expression): such a word is printed whole, for the terminal to wrap
    and a copy to keep intact, never cut into two lines."""
    return cell_len(line) <= width or max(cell_len(w) for w in line.split()) > width


def test_a_word_wider_than_the_terminal_is_printed_whole() -> None:
    """At 80 columns a URL longer than the line is one line under its label's indent (the terminal
    wraps it; a copy of it is whole; at column 0 it read as a new paragraph), a URL that fits moves
    under its label rather than being cut, and code keeps its spaces: the tokenizer's split pattern
    is printed as the one line it is."""
    tmp = tempfile.mkdtemp(prefix="llama4ref-pty-")
    _, out = pty_run(["get", "license"], 80, tmp)
    lines = out.split("\n")
    hf = "https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/LICENSE"
    assert len(hf) > 80 and "    " + hf in lines
    gh = "https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE"
    assert any(line.strip() == gh and cell_len(line) <= 80 for line in lines)
    _, out = pty_run(["get", "tokenizer.split_pattern.regex"], 80, tmp)
    regex = json.loads(
        subprocess.run(
            [sys.executable, "-m", "llama4ref", "get", "tokenizer.split_pattern.regex", "--json"],
            capture_output=True, text=True, check=True, cwd=REPO,
        ).stdout
    )["data"]["value"]  # fmt: skip
    assert "  value: " + regex in out.split("\n")


def _names() -> list[str]:
    """The commands whose lines must fit: all but line-oriented and machine-format invocations."""
    wrapped = {
        inv.command for inv in plan()[0] if inv.command not in SKIP | LINE_ORIENTED and not any(a in MACHINE for a in inv.args)
    }
    return sorted(wrapped | {" ".join(k) for k in KEY_VALUES})


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", _names())
def test_no_line_wider_than_the_terminal(name: str, width: int) -> None:
    """No line a command prints in a terminal is wider than the terminal, and nothing crashed."""
    args, _, out = runs()[(name, width)]
    assert "Traceback" not in out, out[-2000:]
    if name in WHOLE_LINE:
        out = out.split("Special tokens used", 1)[1]  # after the prompt
    wide = [line for line in out.split("\n") if not fits(line, width)]
    assert not wide, f"`llama4ref {' '.join(args)}` at {width} columns: {len(wide)} lines too wide, e.g. {wide[0]!r}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("key", list(KEY_VALUES), ids=[" ".join(k) for k in KEY_VALUES])
def test_key_values_appear_whole(key: tuple[str, ...], width: int) -> None:
    """Numbers, ids, dates and settings appear unbroken on one line at 80 and 120 columns."""
    _, code, out = runs()[(" ".join(key), width)]
    assert code == 0, out[-2000:]
    for value in KEY_VALUES[key]:
        assert any(value in line for line in out.split("\n")), f"{value!r} split or missing at {width} columns"


@pytest.mark.parametrize("width", WIDTHS)
def test_prompt_text_is_the_json_prompt(width: int) -> None:
    """`prompt-format --image` shows, in a terminal and in a file, exactly the prompt that --json gives."""
    tmp = tempfile.mkdtemp(prefix="llama4ref-pty-")
    _, out = pty_run(["prompt-format", "--image", "--tools"], width, tmp)
    wanted = json.loads(
        subprocess.run(
            [sys.executable, "-m", "llama4ref", "prompt-format", "--image", "--tools", "--json"],
            capture_output=True, text=True, check=True, cwd=REPO,
        ).stdout
    )["data"]["prompt"]  # fmt: skip
    shown = out.split("\n", 1)[1]
    assert shown.startswith(wanted + "\n\n")
    piped = subprocess.run(
        [sys.executable, "-m", "llama4ref", "prompt-format", "--image", "--tools"],
        capture_output=True, check=True, cwd=REPO, env={**os.environ, "COLUMNS": str(width)},
    ).stdout  # fmt: skip
    assert piped.split(b"\n", 1)[1].startswith((wanted + "\n\n").encode())


HANGING = {
    ("get", "maverick.params.total"): lambda line: line.startswith((" ", "maverick.params.total")),
    ("ask", "what", "is", "the", "context", "window", "of", "scout", "on", "bedrock"): lambda line: (
        line.startswith((" ", "providers.", "Also relevant:", "More:")) or not line
    ),
    ("search", "maverick", "experts"): lambda line: line.startswith((" ", "maverick.", "20 result(s)")),
    # a URL wider than the line stays under its indent (review12 #14: it was printed at column 0)
    ("ask", "what", "is", "the", "acceptable", "use", "policy"): lambda line: (
        line.startswith((" ", "license.", "Also relevant:")) or not line
    ),
    ("ask", "welche", "lizenz", "hat", "llama", "4"): lambda line: line.startswith((" ", "scout.", "Also relevant:")) or not line,
    ("resolve", "accounts/fireworks/models/llama4-maverick-instruct-basic"): lambda line: line.startswith((" ", "accounts/")),
    ("engines", "vllm", "--variant", "scout"): lambda line: line.startswith((" ", "vLLM (vllm)")),
    ("audit", "--only", "scout"): lambda line: line.startswith((" ", "PASS ", "FAIL ")) or line.endswith(" failed"),
}
"""Commands whose long lines wrap at 80 columns, and what a line must start with: a wrapped line
continues indented under its own line, never at column 0 where it reads as a new entry."""


@pytest.mark.parametrize("args", list(HANGING), ids=[" ".join(a)[:40] for a in HANGING])
def test_wrapped_lines_hang_under_their_own_line(args: tuple[str, ...]) -> None:
    """At 80 columns, a line that wraps (a citation's locator, a quote, a note, a search snippet) keeps its indent."""
    tmp = tempfile.mkdtemp(prefix="llama4ref-pty-")
    code, out = pty_run(list(args), 80, tmp)
    lines = out.rstrip("\n").split("\n")
    assert code == 0 and len(lines) > 3, out[-2000:]
    assert any(cell_len(line) > 70 for line in lines), "nothing long enough to wrap: this test would prove nothing"
    loose = [line for line in lines if not HANGING[args](line)]
    assert not loose, f"`llama4ref {' '.join(args)}`: lines at column 0 inside an entry: {loose[:3]}"
    assert all(fits(line, 80) for line in lines)


def test_memory_assumptions_hang() -> None:
    """`memory`'s assumption lines wrap under their own text, not at column 0."""
    tmp = tempfile.mkdtemp(prefix="llama4ref-pty-")
    code, out = pty_run(["memory", "scout", "--precision", "int4", "--gpu", "h100"], 80, tmp)
    tail = out.rstrip("\n").split("\n")
    tail = tail[next(i for i, line in enumerate(tail) if line.startswith("assumption:")) :]
    assert code == 0 and len(tail) > 3
    assert all(line.startswith(("assumption: ", " " * 12)) for line in tail), tail


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", _names())
def test_no_line_ends_in_a_space(name: str, width: int) -> None:
    """No line a command prints in a terminal keeps trailing spaces where it was wrapped (a footer,
    a title, a note): a copied line has no stray blanks."""
    args, _, out = runs()[(name, width)]
    if name in WHOLE_LINE:
        out = out.split("Special tokens used", 1)[1]  # the prompt itself is printed exactly as the model sees it
    padded = [line for line in out.split("\n") if line.endswith(" ")]
    assert not padded, f"`llama4ref {' '.join(args)}` at {width} columns: {len(padded)} lines end in a space, e.g. {padded[0]!r}"


@cache
def helps() -> dict[str, tuple[int, str]]:
    """Every command's ``-h`` in a terminal 80 columns wide, run in parallel."""
    from tests.smoke_commands import leaf_commands

    tmp = tempfile.mkdtemp(prefix="llama4ref-pty-")
    names = sorted(leaf_commands())
    with ThreadPoolExecutor(max_workers=4) as pool:
        done = list(pool.map(lambda n: pty_run([*n.split(), "-h"], 80, tmp), names))
    return dict(zip(names, done, strict=True))


def test_every_help_fits_80_columns() -> None:
    """Each command's help, examples included, fits 80 columns: a long example continues on the
    next line after a shell backslash instead of running off the terminal."""
    assert len(helps()) > 20
    for name, (code, out) in helps().items():
        wide = [line for line in out.split("\n") if not fits(line, 80)]
        assert code == 0 and not wide, f"`llama4ref {name} -h`: {wide[:2]}"


def test_an_id_in_a_table_cell_is_never_cut() -> None:
    """`memory --weights-file` keeps the fact path whole in its formula cell at 80 columns, and
    `show` keeps a checkpoint's tags together and a source's version (`transformers 4.51.0`) on one line."""
    import llama4ref
    from llama4ref.domain.show import overview

    kb = llama4ref.knowledge_base()
    tmp = tempfile.mkdtemp(prefix="llama4ref-pty-")
    path = "files.scout.unsloth_gguf.ud_q4_k_xl.bytes"
    code, out = pty_run(["memory", "scout", "--weights-file", path, "--gpu", "rtx_4090", "--context", "8192"], 80, tmp)
    assert code == 0 and any(line.startswith("weights file") and path in line for line in out.split("\n")), out
    for variant in ("scout", "maverick"):
        code, out = pty_run(["show", variant], 80, tmp)
        lines = [line.strip() for line in out.split("\n")]
        ov = overview(kb, variant)
        checkpoints = next(f for s in ov.sections for f in s.facts if f.path.endswith(".checkpoints"))
        assert isinstance(checkpoints.value, list)
        for item in checkpoints.value:
            tags = " · ".join(str(item[k]) for k in ("stage", "precision", "format") if k in item)
            assert any(line.endswith(tags) for line in lines), (variant, tags)
        for src in ov.sources:
            assert any(src["version"] in line for line in lines), (variant, src["version"])


def test_review13_width_findings() -> None:
    """review13 #11 at 80 columns in a terminal: check-name wraps its 110-column line under the name
    (piped, a name stays one line); `show scout` tabulates its sources as `show maverick` does (a
    long id on a line of its own, its row under the columns); `audit` never leaves "tolerance:"
    at a line's end without its value."""
    tmp = tempfile.mkdtemp(prefix="llama4ref-pty-")
    code, out = pty_run(["check-name", "acme/Scout-FT"], 80, tmp)
    lines = out.rstrip("\n").split("\n")
    assert code == 1 and len(lines) == 2 and all(cell_len(line) <= 80 for line in lines), lines
    assert lines[0].startswith("VIOLATION acme/Scout-FT  [L4-NAME-PREFIX") and lines[1].startswith(" " * 10 + "'Llama'")
    headers = []
    for variant in ("scout", "maverick"):
        code, out = pty_run(["show", variant], 80, tmp)
        block = out.split("Sources (facts:", 1)[1].split("\n")[1:]
        assert code == 0 and all(cell_len(line) <= 80 for line in block)
        headers.append(block[0].split())
    assert headers[0] == headers[1] == ["source", "tier", "version", "facts"], headers
    code, out = pty_run(["audit"], 80, tmp)
    assert code == 0 and not [line for line in out.split("\n") if line.rstrip().endswith("tolerance:")]


def test_an_error_wider_than_the_terminal_breaks_between_words(tmp_path: Path) -> None:
    """In a terminal an error line wider than it is broken between words, later lines indented, its
    code on the first line (review18 #7); piped, the same error stays one line for tools."""
    args = ["memory", "scout", "--weights-file", "files.maverick.mlx.4bit.bytes"]
    code, out = pty_run(args, 80, str(tmp_path))
    lines = out.rstrip("\n").split("\n")
    assert code == 2 and len(lines) > 1 and lines[0].startswith("llama4ref: error: L4R-U012 files.maverick"), out
    assert all(len(line) <= 80 for line in lines) and all(line.startswith("  ") for line in lines[1:]), out
    piped = run_cli(*args)
    assert " ".join(line.strip() for line in lines) + "\n" == piped.stderr and piped.stderr.count("\n") == 1


def test_diagnostics_and_citations_fit_a_terminal(tmp_path: Path) -> None:
    """In an 80-column terminal, `license check`'s findings and summary, `check-claims`' lines and
    `cite`'s text break between words (review18 #7): no line is wider unless it is one word (a URL);
    every piece of the piped one-line form is still there."""
    card = tmp_path / "my-model"
    card.mkdir()
    (card / "README.md").write_text("---\nlicense: other\n---\n# Llama-4-Scout-Acme\n", encoding="utf-8")
    doc = tmp_path / "notes.md"
    doc.write_text("Llama 4 Scout has 16 experts and a 10M-token context window.\n", encoding="utf-8")
    for args in (["license", "check", str(card)], ["check-claims", str(doc)], ["cite", "maverick.params.total"]):
        _code, out = pty_run(args, 80, str(tmp_path))
        lines = out.rstrip("\n").split("\n")
        assert all(len(ln) <= 80 or " " not in ln.strip() for ln in lines), out
        piped = run_cli(*args)
        assert sorted((piped.stdout + piped.stderr).split()) == sorted(out.split()), (out, piped)  # (stderr may come first)
        assert max(len(ln) for ln in (piped.stdout + piped.stderr).splitlines()) > 80, args  # (it does need breaking)


def test_review19_long_lines_break_between_words(tmp_path: Path) -> None:
    """review19 #7 at 80 columns in a terminal: the `providers --as-of` explanation, `memory`'s
    warning (now with its code, L4R-U018), `check-claims`' empty-directory warning and `validate`'s
    summary each break between words, later lines indented; piped, each is the one line with the
    same words."""
    empty = tmp_path / "empty"
    empty.mkdir()
    tree = tmp_path / ("facts-" + "t" * 30)
    tree.symlink_to(shipped_facts_dir())
    cases = {
        ("providers", "scout", "--as-of", "2025-05-01"): "No offers listed: the records' earliest scout offer is dated ",
        ("memory", "scout", "--gpu", "h100", "--gpu-memory-gb", "40"): "llama4ref: warning: L4R-U018 h100 has 80 GB in ",
        ("check-claims", str(empty)): f"{empty}: L4R-U011 warning: no documents to check ",
        ("validate", str(tree)): f"{tree}: ",
    }
    for args, start in cases.items():
        _code, out = pty_run(list(args), 80, str(tmp_path))
        lines = out.rstrip("\n").split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith(start.split()[0]))
        block = [lines[at], *itertools.takewhile(lambda ln: ln.startswith("  "), lines[at + 1 :])]
        assert len(block) > 1 and all(fits(ln, 80) for ln in block), (args, block)
        piped = run_cli(*args)
        (line,) = [ln for ln in (piped.stdout + piped.stderr).split("\n") if ln.startswith(start)]
        assert line.split() == " ".join(block).split() and len(line) > 80, (args, line, block)
