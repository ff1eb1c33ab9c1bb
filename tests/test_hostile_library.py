"""The library on wrong arguments and many threads: clear TypeError/ValueError, one knowledge base."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

import llama4ref
from llama4ref.store.knowledge_base import KnowledgeBase


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: llama4ref.get(None), TypeError, "path must be a str, not NoneType"),
        (lambda: llama4ref.get(123), TypeError, "path must be a str, not int"),
        (lambda: llama4ref.get(b"scout.params.total"), TypeError, "path must be a str, not bytes (decode it first)"),
        (lambda: llama4ref.variant(None), TypeError, "name must be a str, not NoneType"),
        (lambda: llama4ref.resolve(None), TypeError, "identifier must be a str, not NoneType"),
        (lambda: llama4ref.search(None), TypeError, "text must be a str, not NoneType"),
        (lambda: llama4ref.ask(None), TypeError, "text must be a str, not NoneType"),
        (lambda: llama4ref.ask(123), TypeError, "text must be a str, not int"),
        (lambda: llama4ref.ask(["scout context"]), TypeError, "text must be a str, not list"),
        (lambda: llama4ref.check_claims(None), TypeError, "text must be a str, not NoneType"),
        (lambda: llama4ref.check_claims(b"Llama 4 Scout has 16 experts."), TypeError, "text must be a str, not bytes (decode it first)"),
        (lambda: llama4ref.check_claims("Scout", kind="pdf"), ValueError, "kind must be one of markdown, html, text, not 'pdf'"),
        (lambda: llama4ref.check_claims("Scout", file=None), TypeError, "file must be a str, not NoneType"),
        (lambda: llama4ref.check_claims("Scout", source=3), TypeError, "source must be a str, not int"),
        (lambda: llama4ref.search("scout", limit=-1), ValueError, "limit must be at least 1, got -1"),
        (lambda: llama4ref.search("scout", limit=0), ValueError, "limit must be at least 1, got 0"),
        (lambda: llama4ref.search("scout", limit="3"), TypeError, "limit must be an int, not str"),
        (lambda: llama4ref.knowledge_base().get(None), TypeError, "path must be a str, not NoneType"),
        (lambda: llama4ref.knowledge_base().source(None), TypeError, "source_id must be a str, not NoneType"),
        (lambda: llama4ref.load(None), TypeError, "facts_dir must be a str or Path, not NoneType"),
        (lambda: llama4ref.load(""), ValueError, "facts_dir is empty (give a directory; use '.' for the working directory)"),
        (lambda: llama4ref.load("/nonexistent"), llama4ref.DataError, "/nonexistent: no such file or directory"),
    ],
    ids=lambda v: "" if callable(v) or isinstance(v, type) else v,
)
def test_library_argument_errors(call: Any, error: type[Exception], message: str) -> None:
    """A wrong argument raises TypeError or ValueError with a message saying what was wrong."""
    with pytest.raises(error) as info:
        call()
    assert str(info.value) == message


def test_knowledge_base_is_built_once_by_many_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """100 threads asking for the shipped knowledge base at once build it once and share it."""
    import llama4ref.store.index

    builds: list[int] = []
    real = llama4ref.store.index.read_index

    def counting(*args: Any) -> Any:
        builds.append(1)
        time.sleep(0.05)  # widen the window in which a second build could start (no timing is asserted)
        return real(*args)

    monkeypatch.setattr(llama4ref.store.index, "read_index", counting)
    monkeypatch.setattr(llama4ref.store.loaders, "_SHIPPED", None)
    start = threading.Barrier(100)
    got: list[KnowledgeBase] = []

    def ask() -> None:
        start.wait()
        got.append(llama4ref.knowledge_base())

    threads = [threading.Thread(target=ask) for _ in range(100)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(builds) == 1
    assert len(got) == 100 and all(k is got[0] for k in got)
