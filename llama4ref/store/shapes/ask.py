"""The shapes of the question answers: ``ask``, ``get`` on a prefix, ``check-claims``.

Declared ahead of their kinds' registration: the commands that print them arrive with the
``ask`` and ``claims`` branches. On merging, add to :data:`llama4ref.store.shapes.kinds.KINDS`::

    "answer": Kind(ask.AnswerJSON, "ask QUESTION --json", "The fact (or group) answering a question, and runners-up."),
    "group": Kind(ask.GroupJSON, "get PREFIX --json", "The facts under a path prefix."),
    "claims": Kind(ask.ClaimsReportJSON, "check-claims PATH… --json", "Each claim in the documents, judged against the records."),

give :class:`llama4ref.store.shapes.tools.SearchHitJSON` its ``snippet: str | None``, annotate
``Answer.to_json`` / ``Claim.to_json`` to return these, and add ``"get (group)": "get
maverick.experts"`` to ``EXTRA`` in tests/test_json_schemas.py (``get``'s first example is a fact).
"""

from __future__ import annotations

from typing import Any, Literal

from typing_extensions import TypedDict

from llama4ref.store.shapes.core import FactJSON


class AnsweredJSON(TypedDict):
    kind: Literal["fact", "group", "providers"]
    path: str | None
    """The answering fact's path, the group's prefix, or (kind `providers`) the pattern of the facts
    listed, `*` standing for the provider (`providers.*.scout.price.input`)."""
    facts: list[FactJSON]
    """The answering fact; the group's members, best first; or each current offer's facts, in the
    order the question asks for (lowest price, longest context, or by provider)."""


class AnswerJSON(TypedDict):
    """The answer to one question; when none is good enough, the closest facts and a command that would help."""

    question: str
    found: bool
    answer: AnsweredJSON | None
    runners_up: list[FactJSON]
    matched: list[str]
    """The question's words and phrases the answer satisfies."""
    corrections: dict[str, str]
    """Misspelt word → the word read instead."""
    suggestion: str | None
    """A command that would help (always set when nothing is found)."""
    caveats: list[str]
    """What to know before taking the answer as true: a provider's offer that has ended or has a
    deprecation date; that the model asked about has no figure of its own (the family's is given)."""
    companions: list[FactJSON]
    """The same quantity measured another way (facts under one parent whose `method` differs:
    location- and market-based emissions), shown with the answer."""


class GroupJSON(TypedDict):
    """The facts under a path prefix (`get` on a prefix that is not a fact)."""

    prefix: str
    facts: list[FactJSON]


class DocumentClaimJSON(TypedDict):
    """One statement found in a document and what the records say about it."""

    file: str
    line: int
    col: int
    code: str
    status: Literal["supported", "contradicted", "disputed", "unchecked"]
    text: str
    """The value as written."""
    sentence: str
    subject: str | None
    """The variant (or provider/variant) the statement is about."""
    path: str | None
    """The fact it was judged against."""
    recorded: Any
    """The recorded value it was compared with."""
    bound: str | None
    rank: str | None
    reason: str
    citation: str | None
    """`source-id: locator: “quote”`."""


class ClaimsSummaryJSON(TypedDict):
    supported: int
    contradicted: int
    disputed: int
    unchecked: int


class FileWarningJSON(TypedDict):
    """A warning about a document as it was read."""

    file: str
    code: str
    """`L4-FILE-ENCODING`: the bytes are not valid UTF-8 (read with replacement characters), as `license check` says."""
    severity: Literal["warning"]
    message: str


class ClaimsReportJSON(TypedDict):
    claims: list[DocumentClaimJSON]
    """The claims shown (unchecked ones only with `--verbose`)."""
    summary: ClaimsSummaryJSON
    """How many claims of all found have each status."""
    warnings: list[FileWarningJSON]
    """Documents not read exactly as their bytes (not valid UTF-8): their claims may be misread."""
