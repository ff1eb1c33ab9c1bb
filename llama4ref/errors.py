"""The exceptions llama4ref raises. Catch :class:`Llama4RefError` for all of them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # lookups raise these errors without loading the validator's types
    from llama4ref.diagnostics import Diagnostic


ERROR_CODES: dict[str, str] = {
    # An unknown name (UnknownIdError); each message offers the closest names and the command listing them all
    "L4R-U001": "unknown fact path or prefix (see `llama4ref list facts`)",
    "L4R-U002": "unknown source (see `llama4ref list sources`)",
    "L4R-U003": "unknown variant (see `llama4ref list variants`)",
    "L4R-U004": "unknown identifier (see `llama4ref list identifiers`)",
    "L4R-U005": "unknown engine (see `llama4ref engines`)",
    "L4R-U006": "unknown GPU (see `llama4ref list facts --prefix hardware`)",
    "L4R-U007": "unknown provider (see `llama4ref providers`)",
    "L4R-U008": "unknown benchmark (see `llama4ref benchmarks`)",
    "L4R-U009": "another unknown name",
    # Input named on the command line
    "L4R-U010": "a path given on the command line does not exist, or is not a file or directory "
    "(for export: not a regular file, or its directory is missing)",
    "L4R-U011": "a directory given on the command line holds no document to check (a warning: check-claims)",
    # The command line itself
    "L4R-U012": "an option or argument value the command cannot use (not a number, out of range, not finite, "
    "an unknown choice, a fact of the wrong kind) or options that do not go together",
    "L4R-U013": "the command line does not parse: an unknown command or option, a missing argument or option value",
    "L4R-U014": "input or output that cannot be read or written (standard input closed, a disk full, a size cap)",
    "L4R-U015": "memory --fit: nothing fits the GPUs given, not even a context or batch of 1 (exit 1)",
    "L4R-U016": "refresh --write: the edited facts tree does not validate (exit 1)",
    "L4R-U017": "get --as-of --json: nothing asked for was known yet on the date (exit 1)",
    "L4R-U018": "memory: a warning that a value given disagrees with the records (--gpu-memory-gb other than the "
    "GPU's hardware record, a context beyond the model's window, a GPU count the model cannot be split over); "
    "the plan is still computed",
    "L4R-U019": "diff: a facts tree given does not validate (exit 2; `llama4ref validate TREE` lists its problems)",
}
"""The stable codes of the errors a command stops on (printed ``llama4ref: error: CODE message``)
and of its warnings about what it was given. The validator's and checkers' codes are in
:data:`llama4ref.diagnostics.CODES`; the license checker's in :mod:`llama4ref.compliance.rules`."""

_UNKNOWN: tuple[tuple[str, str, str], ...] = (
    # (the kind's first word, code, the command listing every name of the kind)
    ("fact", "L4R-U001", "llama4ref list facts"),
    ("prefix", "L4R-U001", "llama4ref list facts"),
    ("source", "L4R-U002", "llama4ref list sources"),
    ("variant", "L4R-U003", "llama4ref list variants"),
    ("model", "L4R-U003", "llama4ref list variants"),
    ("identifier", "L4R-U004", "llama4ref list identifiers"),
    ("engine", "L4R-U005", "llama4ref engines"),
    ("gpu", "L4R-U006", "llama4ref list facts --prefix hardware"),
    ("provider", "L4R-U007", "llama4ref providers"),
    ("benchmark", "L4R-U008", "llama4ref benchmarks"),
)


def unknown_kind(kind: str) -> tuple[str, str | None]:
    """The code of an unknown ``kind`` ("fact path", "GPU (no hardware record…)") and the command listing its names."""
    words = kind.lower().removeprefix("llama 4 ").split()
    first = words[0] if words else ""
    for word, code, listing in _UNKNOWN:
        if first == word:
            return code, listing
    return "L4R-U009", None


class Llama4RefError(Exception):
    """Base class of every error llama4ref raises on purpose.

    ``code`` is the error's stable code (:data:`ERROR_CODES`), when it has one; the CLI prints it
    before the message.
    """

    code: str | None = None


class UnknownIdError(Llama4RefError, LookupError):
    """A path, variant, source or identifier that the knowledge base does not know.

    ``suggestions`` may be given as a function: "did you mean" lists are computed only when the
    error is shown or its ``suggestions`` are read, so a membership test that catches the error
    pays nothing for them. A list longer than :data:`~llama4ref.suggest.MAX_SUGGESTIONS` (every
    known name, say) is a pool: only its names closest to ``name`` are offered
    (:func:`llama4ref.suggest.closest`), and when none is close the message names the command
    that lists them all.
    """

    def __init__(
        self, kind: str, name: str, suggestions: list[str] | Callable[[], list[str]] | None = None, note: str | None = None
    ) -> None:
        self.kind = kind
        self.name = name
        self.note = note
        """What the records hold for the name, when it is not one of the kind's ids (said after it)."""
        self._suggestions = suggestions
        self.code, self.listing = unknown_kind(kind)
        super().__init__(kind, name)

    @property
    def suggestions(self) -> list[str]:
        """What the user may have meant (computed on first use): at most a few names."""
        if callable(self._suggestions):
            self._suggestions = list(self._suggestions())
        found = list(self._suggestions or [])
        from llama4ref.suggest import MAX_SUGGESTIONS, closest

        if len(found) > MAX_SUGGESTIONS:
            self._suggestions = found = closest(self.name, found)
        return found

    def __str__(self) -> str:
        shown = self.suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in shown)}?" if shown else ""
        see = f" (see '{self.listing}')" if self.listing else ""
        from llama4ref.printable import echoed  # a name of 18,000 characters is cut, its length said

        note = f": {self.note}" if self.note else ""
        return f"unknown {self.kind} {echoed(self.name)}{note}{hint}{see}"


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


class SourceIdAsPathError(UnknownIdError):
    """A source's id given where a fact path is wanted (``get("meta-blog-llama4-herd")``): no fact is
    at it, and the message names the commands that show that source instead of the closest paths.
    Its code is the unknown path's (L4R-U001)."""

    def __init__(self, source_id: str) -> None:
        super().__init__("fact path", source_id, [])

    def __str__(self) -> str:
        sid = self.name
        return (
            f"{sid!r} is a source id, not a fact path: 'llama4ref sources {sid}' lists the facts it backs, "
            f"'llama4ref cite {sid}' cites it"
        )


class UsageError(Llama4RefError, ValueError):
    """An argument the library cannot use: a number out of range or not finite, or a name of the
    wrong kind (a parameter count given where a file size is needed)."""

    code = "L4R-U012"


class DataError(Llama4RefError):
    """A facts tree or index is missing or invalid; ``diagnostics`` says where."""

    def __init__(self, message: str, diagnostics: list[Diagnostic] | None = None) -> None:
        super().__init__(message)
        self.diagnostics = diagnostics or []


class InvalidIdentifierError(Llama4RefError, ValueError):
    """An identifier that parses but denotes an impossible model (e.g. Scout with 128 experts)."""
