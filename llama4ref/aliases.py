"""How names are compared: the one normalisation the validator and the query layer share."""

from __future__ import annotations


def normalise_alias(name: str) -> str:
    """The form aliases are compared in: case-folded, surrounding space removed."""
    return name.strip().casefold()
