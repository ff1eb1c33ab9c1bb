"""A user's script, type-checked with `mypy --strict` in CI: the public API is fully typed."""

from __future__ import annotations

import llama4ref
from llama4ref import Citation, Fact, UnknownIdError, VariantInfo


def total_billions(variant: str) -> float:
    fact: Fact = llama4ref.get(f"{variant}.params.total")
    value = fact.value
    assert isinstance(value, int)
    return value / 1e9


def first_quote(path: str) -> str:
    cites: tuple[Citation, ...] = llama4ref.get(path).citations
    return cites[0].quote if cites else ""


def describe(name: str) -> str:
    try:
        info: VariantInfo = llama4ref.variant(name)
    except UnknownIdError as exc:
        return f"unknown: {', '.join(exc.suggestions)}"
    return f"{info.name}: {total_billions(info.id):.0f}B total"


if __name__ == "__main__":
    print(describe("scout"), first_quote("maverick.params.total"))
