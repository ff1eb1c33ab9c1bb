"""Shared fixtures: the shipped knowledge base, a CLI runner, and a minimal valid facts tree."""

from __future__ import annotations

import io
import signal
import sqlite3
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

import llama4ref
from llama4ref.store.index import shipped_facts_dir
from llama4ref.store.knowledge_base import KnowledgeBase

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, env: dict[str, str] | None = None) -> CliResult:
    """Run the real console entry point in-process and capture what it prints."""
    from llama4ref.cli import main

    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["llama4ref", *args]
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = argv
    return CliResult(code, out.getvalue(), err.getvalue())


def first_answer(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> str | None:
    """The path ``ask`` puts first for ``text`` (None when it ranks nothing)."""
    from llama4ref.domain.answer import ask

    got = ask(kb, text, db).ranked_paths()
    return got[0] if got else None


@pytest.fixture(autouse=True)
def _sigpipe_as_python_sets_it() -> Iterator[None]:
    """Tests run the CLI's main() in-process, and main() restores SIGPIPE's default action, as a
    command-line tool should. Left that way, a later write to a closed socket (the docs-site
    server's, when Chromium drops a connection) would kill the whole test run; restore it."""
    if not hasattr(signal, "SIGPIPE"):
        yield
        return
    before = signal.getsignal(signal.SIGPIPE)
    yield
    signal.signal(signal.SIGPIPE, before)


@pytest.fixture(scope="session")
def tree_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One validation cache for the whole run (so later tests read what earlier ones stored)."""
    return tmp_path_factory.mktemp("tree-cache")


@pytest.fixture(autouse=True)
def _tree_cache_in_tmp(tree_cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never write the validation cache (llama4ref.store.treecache) to the user's home; subprocesses
    inherit the setting. Run with LLAMA4REF_NO_CACHE=1 to validate every tree afresh."""
    monkeypatch.setenv("LLAMA4REF_CACHE_DIR", str(tree_cache_dir))


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return llama4ref.knowledge_base()


@pytest.fixture(scope="session")
def facts_dir() -> Path:
    return shipped_facts_dir()


@pytest.fixture(scope="session")
def db() -> sqlite3.Connection:
    """The shipped full-text index (llama4ref.store.fulltext), read once for the run; the export
    tests define a ``db`` of their own (the SQLite export)."""
    from llama4ref.store import fulltext

    return fulltext.shipped()


MINIMAL_TREE = {
    "sources/card.yaml": """\
        id: card
        title: A model card
        publisher: Meta
        kind: model-card
        url: https://example.org/card
        version:
          published: 2025-04-05
        retrieved: 2026-11-23
        tier: first-party
        """,
    "variants/scout.yaml": """\
        id: scout
        name: Llama 4 Scout
        family: llama-4
        role: released
        aliases: [Scout, Llama-4-Scout-17B-16E]
        summary: The smaller released model.
        facts:
          params.total:
            value: 109_000_000_000
            unit: parameters
            citations:
              - source: card
                locator: Model Information table
                quote: "109B (Total)"
        """,
}


@pytest.fixture
def make_tree(tmp_path: Path) -> Callable[..., Path]:
    """Write the minimal valid tree, then apply ``files`` (path → text, or None to delete)."""

    def make(files: dict[str, str | bytes | None] | None = None) -> Path:
        root = tmp_path / "facts"
        for rel, text in {**MINIMAL_TREE, **(files or {})}.items():
            path = root / rel
            if text is None:
                if path.exists():
                    path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        return root

    return make


@pytest.fixture(scope="session")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the run (the hook tests), so each hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")
