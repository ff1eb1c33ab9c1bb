"""review20 C: `check-claims` on a document that is one long line does work bounded by its length,
not by its square: the phrase at a word is found by bisection (subject._is_number_alias), a
value's unit word likewise (binding.unit_after), a sentence's likening phrases are read once per
sentence, and the likening pattern does not try every split of a run of spaces after a comma.
Operation counts, never wall time; every reading is checked against the plain scan it replaces."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

import pytest
import yaml

import llama4ref
from llama4ref.claims import binding, extract, subject
from llama4ref.claims.document import mask_code
from llama4ref.claims.words import Words
from llama4ref.records.vocabulary import Lexicon, Match
from tests.conftest import REPO


class Counted(Sequence[Match]):
    """A list of phrases that counts how many of them are read."""

    def __init__(self, items: list[Match]) -> None:
        self.items = items
        self.reads = 0

    @overload
    def __getitem__(self, i: int) -> Match: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Match]: ...
    def __getitem__(self, i: int | slice) -> Match | Sequence[Match]:
        got = self.items[i]
        self.reads += len(got) if isinstance(got, list) else 1
        return got

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Match]:
        for m in self.items:
            self.reads += 1
            yield m


def corpus_line() -> str:
    """The tuning corpus's excerpts run together on one line, as a long one-line file is read."""
    items = yaml.safe_load(Path(REPO / "tests" / "claims" / "corpus.yaml").read_text(encoding="utf-8"))
    return " ".join(" ".join(str(i["text"]).split()) for i in items[:50])


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon(llama4ref.knowledge_base().vocabulary())


def test_a_values_unit_word_is_found_by_bisection(lex: Lexicon) -> None:
    """unit_after reads a handful of unit words per value, whatever the sentence's length, and
    finds the unit word the scan of every unit word found, for every word of the corpus."""
    text = mask_code(corpus_line())
    words = Words(text)
    units = [m for m in lex.parse(text).matches if any(t["kind"] == "unit" for t in m.terms)]
    assert len(units) > 50

    def scan(ve: int) -> Match | None:
        return next(
            (
                m
                for m in units
                if m.start == ve
                or (m.start > ve and all(w in binding.LINKS for w in words.tokens[ve : m.start]) and m.start - ve <= 2)
            ),
            None,
        )

    counted = Counted(units)
    calls = len(words.tokens)
    for ve in range(calls):
        assert binding.unit_after(ve, counted, words) == scan(ve)  # type: ignore[arg-type]
    assert counted.reads <= calls * (len(units).bit_length() + 4)  # a bisection and at most three candidates each


def test_the_phrase_at_a_word_is_found_by_bisection(lex: Lexicon) -> None:
    """_is_number_alias reads O(log n) phrases per name, not every phrase before it, and agrees with the scan."""
    parsed = lex.parse(mask_code(corpus_line()))
    matches = list(parsed.matches)
    assert len(matches) > 200
    counted = Counted(matches)
    parsed.matches = counted  # type: ignore[assignment]
    for m in matches:
        assert subject._is_number_alias(parsed, m.start) == bool(re.fullmatch(r"[\d ]+[bt]|\d+e|\d+ ?b ?\d+ ?e", m.text))
    assert counted.reads <= len(matches) * (len(matches).bit_length() + 2)


def test_a_documents_sized_variant_reads_each_phrase_once(lex: Lexicon) -> None:
    """sized_variant reads each phrase of each parse once (it looked every phrase up again by its first word)."""
    parsed = lex.parse("Meta's 400B model " + mask_code(corpus_line()))
    counted = Counted(list(parsed.matches))
    parsed.matches = counted  # type: ignore[assignment]
    subject.sized_variant([parsed])
    assert counted.reads == len(counted.items)


def test_a_sentences_likening_phrases_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """statements() reads a sentence's likening phrases once, not once per phrase it holds."""
    calls: list[int] = []
    real = extract.likened

    def spy(text: str) -> list[tuple[int, int]]:
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(extract, "likened", spy)
    sentence = "Similar to Llama 4 Scout, this model has " + ", ".join(f"{n}B parameters" for n in range(1, 40)) + "."
    llama4ref.check_claims(sentence)
    assert len(calls) == 1


def test_the_likening_pattern_reads_a_run_of_spaces_once() -> None:
    """No alternative of LIKENED ends in a run of spaces that the pattern's next part may take too
    (after a comma, the two runs split n spaces n ways: a masked code block of n spaces after a
    comma cost n² steps); what it matches is unchanged."""
    shape = re.compile(r"\\s\*(?:\|[^()]*)?\)\\s\*")
    assert not shape.search(subject.LIKENED.pattern)
    for text, found in [
        ("Similar to Llama 4 Scout, this model has 16 experts", ["Similar to Llama 4 Scout,"]),
        ("Its heads:   like Maverick, it routes", [":   like Maverick,"]),
        ("In short,      unlike Scout, it is dense", [",      unlike Scout,"]),
        ("Meta Llama Scoutと同様に、このモデルは", ["Meta Llama Scoutと同様に、"]),
    ]:
        assert [m.group(0) for m in subject.LIKENED.finditer(text)] == found
