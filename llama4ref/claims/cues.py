"""Cues in the words around a value that say what it counts or whose limit it is (used by
llama4ref.claims.extract): a part's size ("… each"), a parameter count named by a modifier or a
variant's name or a list of sizes, a score verb, a budget a service sets for prompt and response together."""

from __future__ import annotations

import re

EACH = re.compile(r"(?i)^\s*(?:[\w-]+\s+){0,2}(?:each|apiece|per\s+(?:expert|layer|head|gpu|node|device|shard|block))\b")
"""A value followed by "… parameters each" or "… per expert" is the size of a part, not of the model."""
MODIFIED = re.compile(r"(?i)^\s*(?:in\s+)?(?:active|activated|total)\b")
"""A size followed by "active" or "total" ("170 billion active", "17B total") counts parameters."""
NAMED_SIZE = re.compile(r"(?i)\b(?:scout|maverick|behemoth)\**\s*\(\s*$")
"""A size in parentheses right after a variant's name ("Llama 4 Scout (8B)") is its parameter count."""
SCORED = re.compile(r"(?i)\b(?:scor(?:ed|es|ing)|hit|hits|achiev(?:ed|es)|reach(?:ed|es)|posts?|posted|gets?|got)\s+(?:an?\s+)?$")
"""A score verb right before the value: "Maverick scored 87.4" under "On the MMLU benchmark, …"."""
BUDGET = re.compile(
    r"(?i)\b(?:prompt|input)\s*(?:\+|and|&|plus)\s*(?:response|output|completion)|(?:プロンプト|入力)\s*[+＋と]\s*(?:応答|出力|レスポンス)"
)
"""A budget for prompt and response together ("maximum prompt + response length"): a limit a
service sets per request, which never contradicts the model's window."""
SIZED = re.compile(
    r"(?i)^\s*(?:\([^()]{0,30}\)\s*)?(?:(?:,\s*(?:and|or|&)?|and|or|&)\s*\d+(?:\.\d+)?\s*[bt]\s*(?:\([^()]{0,30}\)\s*)?)*"
    r"(?:(?:moe|dense)\s+)?(?:-?\s*(?:variants?|versions?|sizes?|checkpoints?)\b)"
)
"""A size naming a model: "8B, 70B and 400B variants", "8B (edge), 70B (single GPU), and 400B MoE
variants" (parameters, though the word is not written)."""
