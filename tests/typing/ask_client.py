"""A user's script on the question-answering API, type-checked with `mypy --strict` in CI."""

from __future__ import annotations

import llama4ref
from llama4ref import Answer, Fact


def answer_line(question: str) -> str:
    answer: Answer = llama4ref.ask(question)
    if not answer.found:
        return f"no answer; try {answer.suggestion}"
    best: Fact = answer.facts[0]
    quote = best.citations[0].quote if best.citations else ""
    return f"{answer.path}: {best.display()} ({quote})"


def search_paths(words: str) -> list[str]:
    return [fact.path for fact in llama4ref.search(words, limit=5)]


if __name__ == "__main__":
    print(answer_line("how many experts does maverick have"), search_paths("maverick experts"))
