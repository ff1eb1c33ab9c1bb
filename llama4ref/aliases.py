"""How names are compared: the one normalisation the validator and the query layer share."""

from __future__ import annotations


def normalise_alias(name: str) -> str:
    """The form aliases are compared in: NFKC (full-width letters fold), case-folded, trimmed."""
    if not name.isascii():
        import unicodedata

        name = unicodedata.normalize("NFKC", name)
    return name.strip().casefold()
