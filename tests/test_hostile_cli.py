"""The CLI and library on hostile use: each case gives exactly its expected output and exit code, never a traceback.

Cases run the real entry point in-process (``run_cli``, or ``_run`` below with a chosen stdin or
stdout), or as a subprocess where a real file descriptor matters (/dev/full, a closed stdin or
stdout, a pipe whose reader leaves, a file-size limit).
"""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any, TextIO

import pytest

import llama4ref
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import REPO, CliResult, run_cli
from tests.smoke_commands import leaf_commands, plan, prepare

CLI = [sys.executable, "-m", "llama4ref"]
USAGE = "llama4ref: error: L4R-U013 {cmd}: {message} (see 'llama4ref {cmd} -h')\n"
BAD_VALUE = "llama4ref: error: L4R-U012 {cmd}: {message} (see 'llama4ref {cmd} -h')\n"


def _run(*args: str, stdin: TextIO | None = None, stdout: TextIO | None = None) -> CliResult:
    """``run_cli`` with a chosen stdin (``None``: closed) and stdout (a real file, e.g. /dev/full)."""
    from llama4ref.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv, sys.stdin
    sys.argv, sys.stdin = ["llama4ref", *args], stdin  # type: ignore[assignment]  # None: a closed stdin
    code = 0
    try:
        with redirect_stdout(stdout or out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    finally:
        sys.argv, sys.stdin = saved
    return CliResult(code, out.getvalue(), err.getvalue())


def _sub(*args: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120, cwd=REPO, **kw)


# -- item 11: usage errors are one line, exit 2 ---------------------------------------------------

COMMANDS = sorted(leaf_commands())


@pytest.mark.parametrize("cmd", COMMANDS)
def test_an_unknown_option_is_one_line_with_a_pointer_to_help(cmd: str) -> None:
    """Every command: an unknown option prints one line naming the command and its -h, exit 2."""
    res = run_cli(*cmd.split(), "--zzzzzz")
    assert (res.code, res.stdout, res.stderr) == (2, "", USAGE.format(cmd=cmd, message="No such option: --zzzzzz"))


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (["get"], USAGE.format(cmd="get", message="Missing argument 'PATH'.")),
        (["show"], USAGE.format(cmd="show", message="Missing argument 'VARIANT'.")),
        (["compare", "scout"], USAGE.format(cmd="compare", message="Missing argument 'RIGHT'.")),
        (
            ["search", "x", "--limit", "0"],
            BAD_VALUE.format(cmd="search", message="Invalid value for '--limit': 0 is not in the range x>=1."),
        ),
        (
            ["memory", "scout", "--batch", "x"],
            BAD_VALUE.format(cmd="memory", message="Invalid value for '--batch': 'x' is not a valid int."),
        ),
        (
            ["export", "-f", "xml"],
            BAD_VALUE.format(
                cmd="export", message="Invalid value for '--format' / '-f': 'xml' is not one of 'json', 'jsonl', 'csv', 'sqlite'."
            ),
        ),
        (["nosuch"], "llama4ref: error: L4R-U013 No such command 'nosuch'. (see 'llama4ref -h')\n"),
        (["license", "bogus"], USAGE.format(cmd="license", message="No such command 'bogus'.")),
        (["get", "a\x1b[2Jb"], "llama4ref: error: L4R-U001 unknown fact path 'a\\x1b[2Jb' (see 'llama4ref list facts')\n"),
        (["nosuch\x1b]0;x\x07"], "llama4ref: error: L4R-U013 No such command 'nosuch\\x1b]0;x\\x07'. (see 'llama4ref -h')\n"),
        # an empty path never means "the working directory"
        (["validate", ""], "llama4ref: error: L4R-U010 DIRECTORY: give a path (got an empty string)\n"),
        (["diff", "", "facts"], "llama4ref: error: L4R-U010 OLD: give a path (got an empty string)\n"),
        (["verify-quotes", ""], "llama4ref: error: L4R-U010 SOURCES_DIR: give a path (got an empty string)\n"),
        (["export", "-o", ""], "llama4ref: error: L4R-U010 --output: give a path (got an empty string)\n"),
        (["export", "-f", "csv", "-o", ""], "llama4ref: error: L4R-U010 --output: give a path (got an empty string)\n"),
        (["license", "check", ""], "llama4ref: error: L4R-U010 PATH: give a path (got an empty string)\n"),
        (["check-claims", ""], "llama4ref: error: L4R-U010 PATHS: give a path (got an empty string)\n"),
        (["check-claims", "README.md", ""], "llama4ref: error: L4R-U010 PATHS: give a path (got an empty string)\n"),
        # a device is no document (it was called missing; a FIFO would have blocked the read)
        (
            ["check-claims", "/dev/null"],
            "llama4ref: error: L4R-U010 /dev/null: not a regular file or directory; give files, directories or - (stdin)\n",
        ),
        # a prefix no fact path starts with is an unknown id, as for compare --prefix (it was an empty table, exit 0)
        (
            ["list", "facts", "--prefix", "scot"],
            "llama4ref: error: L4R-U001 unknown prefix 'scot'; did you mean 'scout'? (see 'llama4ref list facts')\n",
        ),
        (
            ["list", "facts", "--prefix", "scot", "--json"],
            "llama4ref: error: L4R-U001 unknown prefix 'scot'; did you mean 'scout'? (see 'llama4ref list facts')\n",
        ),
        # a huge unknown name is repeated cut, its length said (it was repeated whole: 10,000 characters on one line)
        (
            ["get", "x" * 10_000],
            f"llama4ref: error: L4R-U001 unknown fact path '{'x' * 60}…' (10,000 characters) (see 'llama4ref list facts')\n",
        ),
        (
            ["show", "x" * 10_000],
            f"llama4ref: error: L4R-U003 unknown variant '{'x' * 60}…' (10,000 characters) (see 'llama4ref list variants')\n",
        ),
        (
            ["sources", "x" * 10_000],
            f"llama4ref: error: L4R-U002 unknown source '{'x' * 60}…' (10,000 characters) (see 'llama4ref list sources')\n",
        ),
        # an empty fact path is no prefix of every fact (it was a traceback)
        (["get", ""], "llama4ref: error: L4R-U012 give a fact path or prefix, e.g. maverick.params.total or maverick.experts\n"),
        (["get", " "], "llama4ref: error: L4R-U012 give a fact path or prefix, e.g. maverick.params.total or maverick.experts\n"),
        (
            ["check-name", "--from-file", ""],
            "llama4ref: error: L4R-U012 --from-file: give a file name, or - for standard input (got an empty string)\n",
        ),
        # a missing tree is a usage error for diff as for validate
        (
            ["diff", "facts", "/nonexistent"],
            "llama4ref: error: L4R-U010 /nonexistent: no such file or directory; NEW must be an existing directory\n",
        ),
        (
            ["diff", "/nonexistent", "facts"],
            "llama4ref: error: L4R-U010 /nonexistent: no such file or directory; OLD must be an existing directory\n",
        ),
        (
            ["validate", "/nonexistent"],
            "llama4ref: error: L4R-U010 /nonexistent: no such file or directory; DIRECTORY must be an existing directory\n",
        ),
        (
            ["diff", "README.md", "facts"],
            "llama4ref: error: L4R-U010 README.md: not a directory; OLD must be an existing directory\n",
        ),
    ],
    ids=lambda v: repr(v)[:60] if isinstance(v, list) else "",
)
def test_usage_errors(args: list[str], stderr: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each usage error prints exactly one line on stderr, nothing on stdout, and exits 2."""
    monkeypatch.chdir(REPO)
    res = run_cli(*args)
    # Click's own wording for a bad integer differs by version ("int", older "integer")
    assert (res.code, res.stdout, res.stderr.replace("a valid integer.", "a valid int.")) == (2, "", stderr)


def test_bare_command_still_shows_the_help() -> None:
    """`llama4ref` alone shows the help (on stderr, exit 2), not a one-line error."""
    res = run_cli()
    assert res.code == 2 and res.stderr.startswith("Usage: llama4ref [OPTIONS] COMMAND [ARGS]...")


# -- item 5: check-name --from-file caps and empty input ------------------------------------------


def _from_file(path: Path | str) -> CliResult:
    return run_cli("check-name", "--from-file", str(path))


def test_from_file_dev_zero_stops_at_the_cap() -> None:
    """/dev/zero is read only up to the cap: one line, exit 2."""
    res = _from_file("/dev/zero")
    assert (res.code, res.stdout) == (2, "")
    assert (
        res.stderr == "llama4ref: error: L4R-U014 /dev/zero: over the 8,388,608-byte cap for a list of names; check it in parts\n"
    )


def test_from_file_sparse_gigabyte_is_refused_by_its_size(tmp_path: Path) -> None:
    """A 1 GiB sparse file is refused by its size before anything is read."""
    big = tmp_path / "sparse"
    with big.open("wb") as fh:
        fh.truncate(1 << 30)
    res = _from_file(big)
    assert (res.code, res.stdout) == (2, "")
    assert (
        res.stderr == f"llama4ref: error: L4R-U014 {big}: 1,073,741,824 bytes, over the 8,388,608-byte cap for a list of names\n"
    )


def test_check_claims_refuses_a_document_over_its_cap(tmp_path: Path) -> None:
    """A document (a file named or found in a directory, or stdin) over 2,000,000 bytes is refused
    at once, exit 2 (a 5 MB file ran for a quarter of an hour, one long paragraph using gigabytes)."""
    from llama4ref.claims.files import MAX_DOCUMENT_BYTES

    big = tmp_path / "docs" / "big.md"
    big.parent.mkdir()
    with big.open("wb") as fh:
        fh.truncate(MAX_DOCUMENT_BYTES + 1)
    tail = "-byte cap for a document; check it in parts\n"
    for where in (big, big.parent):
        res = run_cli("check-claims", str(where))
        assert (res.code, res.stdout) == (2, "")
        assert res.stderr == f"llama4ref: error: L4R-U014 {big}: 2,000,001 bytes, over the 2,000,000{tail}"
    res = _run("check-claims", "-", stdin=io.StringIO("Llama 4 Scout has 16 experts. " * 70_000))
    assert (res.code, res.stdout, res.stderr) == (2, "", f"llama4ref: error: L4R-U014 -: over the 2,000,000{tail}")


def test_check_claims_refuses_a_binary_file(tmp_path: Path) -> None:
    """A file holding NUL bytes is no text document: refused, exit 2 (its bytes read as UTF-8
    gave made-up statements, exit 0)."""
    blob = tmp_path / "notes.md"
    blob.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00Llama 4 Scout 17B\x00\xff")
    res = run_cli("check-claims", str(blob))
    assert (res.code, res.stdout) == (2, "")
    assert res.stderr == f"llama4ref: error: L4R-U012 {blob}: binary (contains NUL bytes); not a text document\n"


def test_from_file_one_byte_over_the_cap(tmp_path: Path) -> None:
    """The byte cap is exact: 8 MiB reads, 8 MiB + 1 is refused."""
    from llama4ref.cli.commands.compliance import MAX_NAMES_BYTES

    ok, over = tmp_path / "ok", tmp_path / "over"
    ok.write_bytes(b"Llama-" + b"x" * (MAX_NAMES_BYTES - 7) + b"\n")
    over.write_bytes(ok.read_bytes() + b"x")
    assert _from_file(ok).code == 0
    assert _from_file(over).stderr.endswith("8,388,609 bytes, over the 8,388,608-byte cap for a list of names\n")


@pytest.mark.parametrize(
    ("content", "stderr"),
    [
        (b"", "llama4ref: error: L4R-U012 {f}: the file is empty; no names to check\n"),
        (b"\n  \n\r\n", "llama4ref: error: L4R-U012 {f}: only blank lines and '#' comments; no names to check\n"),
        (b"# our names\n\n#Llama-x\n", "llama4ref: error: L4R-U012 {f}: only blank lines and '#' comments; no names to check\n"),
        (
            b"Llama\n" * 200_001,
            "llama4ref: error: L4R-U014 {f}: more than 200,000 lines, over the 200,000-name cap; check them in parts\n",
        ),
        (
            b"\x0b" * 200_001,
            "llama4ref: error: L4R-U014 {f}: more than 200,000 lines, over the 200,000-name cap; check them in parts\n",
        ),
    ],
    ids=["empty", "blank-lines", "comments-only", "too-many-names", "too-many-vertical-tabs"],
)
def test_from_file_empty_and_count_cap(content: bytes, stderr: str, tmp_path: Path) -> None:
    """An empty file says so; a file of blank lines says so; more names than the cap are refused."""
    f = tmp_path / "names.txt"
    f.write_bytes(content)
    res = _from_file(f)
    assert (res.code, res.stdout, res.stderr) == (2, "", stderr.format(f=f))


def test_from_file_count_cap_counts_command_line_names_too(tmp_path: Path) -> None:
    """Names on the command line and in the file together stay under the cap."""
    f = tmp_path / "names.txt"
    f.write_bytes(b"Llama-4-x\n" * 200_000)
    res = run_cli("check-name", "Llama-4-y", "--from-file", str(f))
    assert (res.code, res.stderr) == (
        2,
        "llama4ref: error: L4R-U014 200,001 names, over the 200,000-name cap; check them in parts\n",
    )


@pytest.mark.parametrize(
    ("stdin", "stderr"),
    [
        (None, "llama4ref: error: L4R-U014 --from-file -: standard input is closed\n"),
        ("", "llama4ref: error: L4R-U012 standard input is empty; no names to check\n"),
    ],
    ids=["closed", "empty"],
)
def test_from_stdin_closed_or_empty(stdin: str | None, stderr: str) -> None:
    """`--from-file -` with stdin closed or empty: one line, exit 2."""
    stream = None if stdin is None else io.TextIOWrapper(io.BytesIO(stdin.encode()))
    res = _run("check-name", "--from-file", "-", stdin=stream)
    assert (res.code, res.stdout, res.stderr) == (2, "", stderr)


def test_from_stdin_closed_descriptor() -> None:
    """`check-name --from-file - <&-` (descriptor 0 closed in a real process): one line, exit 2."""
    res = _sub("check-name", "--from-file", "-", preexec_fn=lambda: os.close(0))
    assert (res.returncode, res.stdout, res.stderr) == (
        2,
        "",
        "llama4ref: error: L4R-U014 --from-file -: standard input is closed\n",
    )


# -- item 8: output errors ------------------------------------------------------------------------

RUNS = {inv.command: inv for inv in plan()[0]}


def _example_args(cmd: str, tmp: Path) -> list[str]:
    prepare(tmp)
    return [a.format(tmp=tmp, facts=llama4ref_facts()) for a in RUNS[cmd].args]


def llama4ref_facts() -> Path:
    from llama4ref.store.index import shipped_facts_dir

    return shipped_facts_dir()


# refresh providers: its smoke run asks for a release that does not exist, so it prints nothing to stdout
WRITES_STDOUT = [c for c in sorted(RUNS) if c not in ("export", "validate", "diff", "verify-quotes", "refresh providers")] + [
    "export json"
]


@pytest.mark.parametrize("cmd", WRITES_STDOUT)
def test_every_command_on_a_full_disk(cmd: str, tmp_path: Path) -> None:
    """Each command writing to /dev/full: one line on stderr, exit 2, no traceback."""
    args = ["export", "--format", "json"] if cmd == "export json" else _example_args(cmd, tmp_path)
    with open("/dev/full", "w", encoding="utf-8") as full:
        res = _run(*args, stdin=sys.stdin, stdout=full)
    assert (res.code, res.stderr) == (2, "llama4ref: error: L4R-U014 cannot write to standard output: No space left on device\n")


@pytest.mark.parametrize(
    "args", [["get", "scout.params.total"], ["export"], ["check-name", "Llama-4-x"]], ids=lambda a: " ".join(a)
)
def test_full_disk_in_a_real_process(args: list[str]) -> None:
    """`… > /dev/full` in a real process: one line, exit 2, and no "Exception ignored" at exit."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        res = subprocess.run([*CLI, *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, cwd=REPO)
    assert (res.returncode, res.stderr) == (
        2,
        "llama4ref: error: L4R-U014 cannot write to standard output: No space left on device\n",
    )


def test_closed_stdout_in_a_real_process() -> None:
    """`llama4ref get … >&-`: one line, exit 2."""
    res = _sub("get", "scout.params.total", preexec_fn=lambda: os.close(1))
    assert (res.returncode, res.stderr) == (
        2,
        "llama4ref: error: L4R-U014 cannot write to standard output: the stream is closed\n",
    )


@pytest.mark.parametrize("args", [["list", "facts"], ["export", "--format", "jsonl"]], ids=lambda a: " ".join(a))
def test_a_reader_that_leaves_ends_the_command_quietly(args: list[str]) -> None:
    """`llama4ref list facts | head -1`: the command ends without a word on stderr."""
    with subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert err == b""
    assert code in (-signal.SIGPIPE, 141)


def test_epipe_in_process_is_silent_and_141() -> None:
    """A write failing with EPIPE (the reader left) prints nothing and exits 141."""

    class Gone(io.StringIO):
        def write(self, s: str) -> int:
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")

    res = _run("get", "scout.params.total", stdin=sys.stdin, stdout=Gone())
    assert (res.code, res.stderr) == (141, "")


# -- item 9: unprintable characters in text output ------------------------------------------------

EVIL = "\x1b]0;pwned\x07\u202e\x9b2J\n"
SHOWN = "\\x1b]0;pwned\\x07\\u202e\\x9b2J\\x0a"
SHOWN_LINE = SHOWN.removesuffix("\\x0a")  # in one-line fields (no line break to show)
RAW = ("\x1b", "\x07", "\u202e", "\x9b")
TEXT_FIELDS = ("quote", "locator", "note", "reason", "title", "summary", "publisher")
ONE_LINE_FIELDS = ("quote", "locator", "title", "publisher")  # the record models refuse a line break in these


def _poison(node: Any, key: str = "") -> Any:
    if isinstance(node, Mapping):  # the shipped index is read lazily, in shards: a Mapping
        return {k: _poison(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(v, key) for v in node]
    if isinstance(node, str) and key in TEXT_FIELDS:
        return node + (EVIL.rstrip("\n") if key in ONE_LINE_FIELDS else EVIL)
    return node


@pytest.fixture
def hostile_kb(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    """The shipped data with ESC, BEL, U+202E, a C1 CSI and a newline appended to every text field."""
    index = _poison({k: kb._index[k] for k in kb._index})
    index["variants"]["scout"]["name"] += EVIL
    bad = KnowledgeBase(index)
    monkeypatch.setattr(llama4ref, "knowledge_base", lambda: bad)
    return bad


USES_KB = [c for c in sorted(RUNS) if c not in ("validate", "diff", "verify-quotes", "check-name", "license check")]


@pytest.mark.parametrize("cmd", USES_KB)
@pytest.mark.parametrize("json_out", [False, True], ids=["text", "json"])
def test_no_command_prints_raw_control_characters(cmd: str, json_out: bool, hostile_kb: KnowledgeBase, tmp_path: Path) -> None:
    """Every command's output over hostile data holds no raw ESC, BEL, bidi override or C1 control."""
    args = _example_args(cmd, tmp_path) + (["--json"] if json_out else [])
    res = run_cli(*args)
    assert res.code in RUNS[cmd].ok, res.stderr
    assert not [ch for ch in RAW if ch in res.stdout + res.stderr]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["show", "scout"], f"Llama 4 Scout{SHOWN}"),
        (["get", "scout.params.total"], f"“109B (Total){SHOWN_LINE}”"),
        (["sources", "llama-models-model-card"], "note: "),
        (["list", "variants"], f"Llama 4 Scout{SHOWN}"),
        (["cite", "scout.params.total"], SHOWN_LINE),
        (["cite", "scout.params.total", "--format", "bibtex"], SHOWN_LINE),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else "",
)
def test_hostile_text_is_shown_escaped(args: list[str], line: str, hostile_kb: KnowledgeBase) -> None:
    """The poisoned strings are printed, escaped (so the test above is not vacuous)."""
    res = run_cli(*args)
    assert res.code == 0
    assert line in res.stdout and SHOWN_LINE in res.stdout


def test_hostile_json_round_trips(hostile_kb: KnowledgeBase) -> None:
    """JSON output escapes the same characters as \\uXXXX and parses back to the exact strings."""
    import json

    res = run_cli("get", "scout.params.total", "--json")
    assert "\\u202e" in res.stdout and "\\u009b" in res.stdout
    assert json.loads(res.stdout)["data"]["citations"][0]["quote"].endswith(EVIL.rstrip("\n"))


@pytest.mark.parametrize(
    ("args", "stdout"),
    [
        (
            ["check-name", "Llama\x1b]0;pwned\x07"],
            "VIOLATION Llama\\x1b]0;pwned\\x07  [L4-NAME-HIDDEN §1.b.i] ",
        ),
        (["check-name", "Llama\u202e-4"], "VIOLATION Llama\\u202e-4  [L4-NAME-HIDDEN §1.b.i] "),
        (["check-name", "Llama-\udcff"], "VIOLATION Llama-\\udcff  [L4-NAME-HIDDEN §1.b.i] "),
        (["resolve", "Llama-4-Scout\x1b[2J"], "Llama-4-Scout\\x1b[2J  "),
        (["search", "\x1b[2J"], "0 result(s) for '\\x1b[2J'"),
    ],
    ids=["check-name-osc", "check-name-bidi", "check-name-undecodable", "resolve", "search"],
)
def test_user_strings_are_escaped(args: list[str], stdout: str) -> None:
    """A name, identifier or query holding controls is echoed escaped, never raw."""
    res = run_cli(*args)
    assert res.stdout.startswith(stdout)
    assert not [ch for ch in (*RAW, "\udcff") if ch in res.stdout + res.stderr]


def test_diff_escapes_record_strings(
    hostile_kb: KnowledgeBase, kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`diff` prints changed quotes and titles escaped, each change on its own lines."""
    trees = {"old": kb, "new": hostile_kb}
    monkeypatch.setattr(llama4ref.store.loaders, "load", lambda d: trees[Path(d).name])
    monkeypatch.chdir(tmp_path)
    for name in trees:  # the shape of a facts tree, which diff checks before loading (the load is replaced)
        (tmp_path / name / "sources").mkdir(parents=True)
        (tmp_path / name / "variants").mkdir()
    res = run_cli("diff", "old", "new")
    assert res.code == 0, res.stderr
    assert "    + cited: llama-models-model-card [" in res.stdout and SHOWN in res.stdout
    assert not [ch for ch in RAW if ch in res.stdout]
    assert all(line.startswith(("data ", "+", "-", "~", "    ")) for line in res.stdout.splitlines())


def test_validate_file_name_cannot_forge_a_line(make_tree: Any) -> None:
    """A file name holding a newline and ESC is printed escaped: one diagnostic, one line."""
    root = make_tree({"sources/x\n\x1b[31mfake.yaml": "id: [unclosed\n"})
    res = run_cli("validate", str(root))
    assert res.code == 1
    assert len(res.stdout.splitlines()) == 1
    assert "x\\x0a\\x1b[31mfake.yaml" in res.stdout and "\x1b" not in res.stdout


@pytest.fixture(autouse=True)
def _no_stray_output_dirs() -> Iterator[None]:
    yield
    assert not (REPO / "tests" / "old").exists()
