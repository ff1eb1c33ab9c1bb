"""Whose a statement is, settled from its whole sentence and the headings above it once the
statement has been read (llama4ref.claims.extract reads each value's own clause).

- A figure set against a Llama 4 variant's in a sentence another model leads ("Qwen 3.5 dominates
  benchmarks — 88.4 GPQA Diamond vs Scout's 57.2, 83.6 LiveCodeBench vs 32.8") is the leading
  model's: the side before "vs" is not the side after it.
- A sentence that names no model, on a page whose headings name Llama 4 together with other models
  ("Best Open Source LLMs in 2026: Llama 4, Mistral 3, …" over "A 200k-token context window lets
  you …"), is about none of them in particular: it may agree, never contradict.
- A sentence that names another model and no Llama 4 name owns its figures, inside a Llama 4
  entry too (a catalog's Maverick entry whose description reads "The Meta Llama 3.1 collection …
  in 8B, 70B and 405B sizes"): a field's key ("description:") starts a sentence of its own.
"""

from __future__ import annotations

import re

from llama4ref.claims.cues import led_by
from llama4ref.claims.statement import Statement
from llama4ref.claims.subject import LLAMA4_NAME, OTHER_NAME

_VERSUS_NEXT = re.compile(r"(?i)^[^\d]*?(?<!\w)(?:vs\.?|versus|against|compared\s+(?:to|with))(?!\w)")
"""What follows a figure up to "vs" (or "versus", "against", "compared to"), with no figure between."""


def against_lead(st: Statement, text: str) -> Statement:
    """The statement as the leading model's when its figure is set against another side's in a
    sentence another model opens (and a Llama 4 variant is named after it)."""
    v = st.value
    if st.other_model or not _VERSUS_NEXT.match(text[v.end :]) or not led_by(OTHER_NAME, text, v.start):
        return st
    since = max((m.end() for m in re.finditer(r"\d", text[: v.start])), default=0)  # (after the previous figure)
    if LLAMA4_NAME.search(text, since, v.start):  # a Llama 4 name right before the figure: its own
        return st
    return st._replace(variant=None, variant_from="none", other_model=True, every=())


def shared_page(st: Statement, text: str, headings: tuple[str, ...]) -> Statement:
    """The statement as no model's when its sentence names none and Llama 4 is named only by headings
    that name other models too."""
    if st.variant is not None or st.other_model or not st.family or LLAMA4_NAME.search(text) or OTHER_NAME.search(text):
        return st
    if any(LLAMA4_NAME.search(h) for h in headings) and any(OTHER_NAME.search(h) for h in headings):
        return st._replace(family=False)
    return st


_OTHER_MODEL = re.compile(r"(?i)\b(?:llama[\s-]?[1-3](?:\.\d+)?|gpt-?\d|gemini|gemma|claude|qwen|mistral|deepseek|phi-?\d)\b")
"""Another model's name (a comparison's side words, "predecessors", are not names)."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(A-Z])|(?:^|\s)[A-Za-z_][\w-]*:\s+(?:[>|][-+]?\s+)?")
"""Where a sentence ends, or a catalog field's key ("description: >-") starts one."""


def other_sentence(st: Statement, text: str) -> Statement:
    """The statement as another model's when its sentence names that model before the figure and
    names no Llama 4 model."""
    v = st.value
    if st.other_model:
        return st
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, v.start)), default=0)
    end = next((m.start() for m in _SENTENCE_END.finditer(text, v.end)), len(text))
    if not _OTHER_MODEL.search(text, start, v.start) or LLAMA4_NAME.search(text[start:end]):
        return st
    return st._replace(variant=None, variant_from="none", other_model=True, every=())
