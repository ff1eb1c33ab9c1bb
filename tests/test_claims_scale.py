"""check-claims on long documents: work per statement that does not grow with the document.

A 1.9 MB file under the size cap once ran for minutes and ran out of memory: every sentence of a
long paragraph carried the start of every line after it, a word's index was found by a scan from
the first word, and each statement searched every fact again. These tests hold the structures
that keep the cost per statement flat, not a wall time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

import llama4ref
from llama4ref.claims import judge
from llama4ref.claims.document import read
from llama4ref.claims.words import Words
from tests.conftest import REPO


def test_a_sentence_of_a_long_paragraph_holds_only_its_own_lines() -> None:
    """Each sentence of a 300-line paragraph keeps the starts of its own lines, not of every line
    after it, and positions stay exact at the paragraph's end."""
    lines = [f"Llama 4 Scout has {16 if i % 2 else 12} experts." for i in range(300)]
    spans = read("\n".join(lines))
    assert len(spans) == 300
    for k, span in enumerate(spans):
        assert [ln for _, ln, _ in span.starts] == [k + 1], span
    *_, before, last = llama4ref.check_claims("\n".join(lines))
    assert (before.line, before.col, before.text, before.status) == (299, 19, "12", "contradicted")
    assert (last.line, last.col, last.text, last.status) == (300, 19, "16", "supported")


@given(st.text(alphabet="ab 1×x-", max_size=40))
def test_word_index_agrees_with_a_scan(text: str) -> None:
    """The bisected word index is the first word ending after the offset, as a scan finds it; counts
    of words between two indexes agree with counting the slice."""
    words = Words(text)
    for offset in range(-1, len(text) + 2):
        scan = next((i for i, (_, e) in enumerate(words.spans) if e > offset), len(words.spans))
        assert words.index(offset) == scan
    among = frozenset({"a", "x"})
    n = len(words.tokens)
    for a in range(-1, n + 2):
        for b in range(-1, n + 2):
            assert words.count_between(a, b, among) == sum(w in among for w in words.tokens[max(a, 0) : max(b, 0)])


def _tuning_text() -> str:
    items = yaml.safe_load(Path(REPO / "tests" / "claims" / "corpus.yaml").read_text(encoding="utf-8"))
    return "\n\n".join(str(i["text"]) for i in items[:60])


def test_candidates_found_once_per_kind_of_statement_are_the_ones_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    """Verdicts with the facts found once per kind of statement are the verdicts with every
    statement's facts searched afresh, and a repeated document searches nothing new."""
    text = _tuning_text()
    kb = llama4ref.knowledge_base()
    judge._CANDIDATES.pop(kb, None)
    cached = [(c.line, c.col, c.text, c.status, c.path) for c in llama4ref.check_claims(text)]
    kinds = len(judge._CANDIDATES[kb])
    assert kinds > 0
    again = [(c.line, c.col, c.text, c.status, c.path) for c in llama4ref.check_claims(text + "\n\n" + text)]
    assert again[: len(cached)] == cached and len(judge._CANDIDATES[kb]) == kinds
    monkeypatch.setattr(judge, "_candidates", lambda kb, prefix, s: judge._candidates_of(kb, prefix, s))
    assert [(c.line, c.col, c.text, c.status, c.path) for c in llama4ref.check_claims(text)] == cached


def test_a_figure_looks_back_over_a_bounded_number_of_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bare figure may echo a statement of the paragraph's last ECHO_REACH sentences, never of all
    of them: each sentence of a long paragraph is handed at most that many."""
    from llama4ref.claims import extract

    seen: list[int] = []
    real = extract.statements

    def spy(*args: object, **kwargs: object) -> list[object]:
        seen.append(len(args[9]) if len(args) > 9 else 0)  # type: ignore[arg-type]
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "statements", spy)
    llama4ref.check_claims("\n".join(f"Llama 4 Scout has {n} experts." for n in range(2 * extract.ECHO_REACH + 10)))
    assert max(seen) == extract.ECHO_REACH and len(seen) == 2 * extract.ECHO_REACH + 10
