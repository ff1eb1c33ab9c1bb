"""What the claim-class tests read off ``check_claims``: its claims by their text, and the texts it
flags as contradicted."""

from __future__ import annotations

from llama4ref.claims import Claim


def by_text(claims: list[Claim]) -> dict[str, Claim]:
    """The claims keyed by their text (the last of equal texts wins)."""
    return {c.text: c for c in claims}


def flagged(claims: list[Claim]) -> list[str]:
    """The texts of the claims reported as contradicted, in document order."""
    return [c.text for c in claims if c.status == "contradicted"]
