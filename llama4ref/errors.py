"""The exceptions llama4ref raises. Catch :class:`Llama4RefError` for all of them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lookups raise these errors without loading the validator's types
    from llama4ref.diagnostics import Diagnostic


class Llama4RefError(Exception):
    """Base class of every error llama4ref raises on purpose."""


class UnknownIdError(Llama4RefError, LookupError):
    """A path, variant, source or identifier that the knowledge base does not know."""

    def __init__(self, kind: str, name: str, suggestions: list[str] | None = None) -> None:
        self.kind = kind
        self.name = name
        self.suggestions = suggestions or []
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {kind} {name!r}{hint}")

    def __str__(self) -> str:  # LookupError's str() would quote the message
        return str(self.args[0])


class DataError(Llama4RefError):
    """A facts tree or index is missing or invalid; ``diagnostics`` says where."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []


class InvalidIdentifierError(Llama4RefError, ValueError):
    """An identifier that parses but denotes an impossible model (e.g. Scout with 128 experts)."""
