"""The seventeenth held-out claim set's classes (issue 18) that do not fit the one-value rows of
tests/claims/classes.yaml, where the others now are: which of two equal figures is flagged."""

from __future__ import annotations

from llama4ref.claims import check_claims
from llama4ref.store.knowledge_base import KnowledgeBase

# -- a key counting tokens per second is a speed ------------------------------------------------------


def test_a_token_rate_key_is_no_window(kb: KnowledgeBase) -> None:
    doc = '{\n  "id": "llama-4-scout-17b-16e-instruct",\n  "throughput_tokens_per_second": 4321,\n  "max_input_tokens": 4321\n}\n'
    flags = [c for c in check_claims(doc, kb, file="src/providers/groq.json") if c.status == "contradicted"]
    assert [c.sentence for c in flags] == ['"max_input_tokens": 4321']  # Groq serves Scout with 131,072 tokens
