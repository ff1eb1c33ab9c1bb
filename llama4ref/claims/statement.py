"""What check-claims reads a value as: a :class:`Statement` (the value, whom and what it is
about, how firmly), and the marks that cut a sentence into clauses and tie a value to its label
(used by llama4ref.claims.extract, judged by llama4ref.claims.judge)."""

from __future__ import annotations

import re
from typing import Any, Literal, NamedTuple

from llama4ref.claims.values import Value

CLAUSE = re.compile(
    r"[;,()·•，；（）、]|：|(?<=[\dA-Za-z])/(?=\d)|\s[-–—/]\s|\s(?:and|while|but|whereas|vs\.?|versus|et|y|e|und|ed|и|но|mais|pero|ma|aber)\s|:\s|\|",
    re.I,
)
Binding = Literal["text", "column", "heading", "entry", "title", "paragraph", "after", "none"]
"""Where a statement's variant was named, firmest first (ranked in llama4ref.claims.strength)."""
UNKNOWN_PROVIDER = "(a provider the records do not cover)"
SEVERAL_PROVIDERS = "(several providers)"
LABELLED = re.compile(r"^[:：]\s*[\"']?(?:[~≈]|about\s|approx\.?\s|approximately\s)?\s*$", re.I)
"""The value follows its label's colon: "Active Parameters: 400B" (or a key's, quoted: '"releaseDate": "2025-04-05"')."""
RESTATED = re.compile(r"^\(\s*$")
"""A value opening a parenthesis right after another: "327K tokens (327,680 tokens)"."""
GLOSSED = re.compile(r"(?i)^\(\s*(?:up\s+to|about|around|roughly|approximately|approx\.|~|≈)\s*$")
"""A value after a bound word opening a parenthesis, glossing the noun right before it with its size:
"extended context windows (up to 128K tokens)"."""
GLOSS_END = re.compile(r"(?i)^\s*(?:tokens?)?\s*\)")
"""The rest of such a parenthesis: the value's unit at most ("(~246K words of text)" or "(about 128
experts)" name what they count themselves)."""


class Statement(NamedTuple):
    """One value in a span with what it is about."""

    value: Value
    variant: str | None
    variant_from: Binding
    provider: str | None
    attributes: tuple[dict[str, Any], ...]
    units: tuple[str, ...]
    benchmark: str | None
    entity_fact: str | None  # an entity that is one fact (license.mau_threshold)
    stage: str | None
    shots: int | None
    own_run: bool
    other_model: bool  # the nearest model named is not Llama 4
    family: bool  # the text or its headings name Llama 4
    engine: bool  # a runtime engine or GPU is named: a measured limit, not the model's
    firm: bool = True  # the attribute is attached to the value (same clause, a unit word, a table label)
    benchmarks: tuple[str, ...] = ()  # every benchmark the name may mean ("MTOB (full book)": both directions)
    rerun: bool = False  # a reproduction, quantized or engine run: not the published setting
    sized: str | None = None  # the variant the document names only by its size ("400B MoE")
    every: tuple[str, ...] = ()  # the variants a figure said of "both" is held to, each of them
    provider_from: Binding = "text"  # where the provider was named (a served limit's tier; see llama4ref.claims.strength)
    reach: int = 0  # words between the value and the phrase naming its attribute (0: adjacent, a label, a key, a column)
    unread: tuple[str, ...] = ()  # words of a catalog row's key the vocabulary does not read
    own: bool = False  # the figure is given as the model's own ("its own 10M window", "native"), not a provider's
    offered: bool = (
        False  # a count the model is said to support, speak or understand ("supports 200 languages"), not one it was trained on
    )
    base: bool = False  # a cell of its table row names the base (pre-trained) model alone ("| Llama 4 Scout | Base | … |")
