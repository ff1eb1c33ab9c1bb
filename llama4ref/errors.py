"""The exceptions llama4ref raises. Catch :class:`Llama4RefError` for all of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lookups raise these errors without loading the validator's types
    from llama4ref.diagnostics import Diagnostic


class Llama4RefError(Exception):
    """Base class of every error llama4ref raises on purpose."""


class UnknownIdError(Llama4RefError, LookupError):
    """A path, variant, source or identifier that the knowledge base does not know.

    ``suggestions`` may be given as a function: "did you mean" lists are computed only when the
    error is shown or its ``suggestions`` are read, so a membership test that catches the error
    pays nothing for them.
    """

    def __init__(self, kind: str, name: str, suggestions: list[str] | Callable[[], list[str]] | None = None) -> None:
        self.kind = kind
        self.name = name
        self._suggestions = suggestions
        super().__init__(kind, name)

    @property
    def suggestions(self) -> list[str]:
        """What the user may have meant (computed on first use)."""
        if callable(self._suggestions):
            self._suggestions = list(self._suggestions())
        return list(self._suggestions or [])

    def __str__(self) -> str:
        hint = f"; did you mean {', '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        from llama4ref.printable import echoed  # a name of 18,000 characters is cut, its length said

        return f"unknown {self.kind} {echoed(self.name)}{hint}"


class NotPlannableError(UnknownIdError):
    """A model the memory planner cannot plan: its records lack facts the plan is computed from."""

    def __init__(self, variant: str, missing: list[str], needed: int, plannable: list[str], why: str = "") -> None:
        super().__init__("model for memory planning", variant, plannable)
        self.missing = missing
        self.needed = needed
        self.why = why

    def __str__(self) -> str:
        shown = ", ".join(self.missing[:3]) + (f" and {len(self.missing) - 3} more" if len(self.missing) > 3 else "")
        can = f"; memory can plan {', '.join(self.suggestions)}" if self.suggestions else ""
        why = f"{self.why}, and " if self.why else ""
        return (
            f"memory cannot plan {self.name}: {why}its records lack {len(self.missing)} of the {self.needed} "
            f"facts a plan is computed from ({shown}){can}"
        )


class DataError(Llama4RefError):
    """A facts tree or index is missing or invalid; ``diagnostics`` says where."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []


class InvalidIdentifierError(Llama4RefError, ValueError):
    """An identifier that parses but denotes an impossible model (e.g. Scout with 128 experts)."""
