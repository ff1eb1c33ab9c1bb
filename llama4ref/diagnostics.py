"""Validation diagnostics: ``file:line:col: CODE message`` with stable codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from llama4ref.printable import printable

CODES: dict[str, str] = {
    # Reading a file (llama4ref.records.yamlload)
    "L4R-Y001": "file cannot be read",
    "L4R-Y002": "file over the size cap",
    "L4R-Y003": "not well-formed YAML (or more than one document)",
    "L4R-Y004": "empty file",
    "L4R-Y005": "byte-order mark",
    "L4R-Y006": "invalid UTF-8",
    "L4R-Y007": "tab in indentation",
    "L4R-Y008": "anchor or alias",
    "L4R-Y009": "nesting too deep",
    "L4R-Y010": "explicit YAML tag",
    "L4R-Y011": "mapping key that is not a plain string",
    "L4R-Y012": "duplicate mapping key",
    "L4R-Y013": "plain scalar YAML would silently retype",
    "L4R-Y014": "plain or quoted scalar spanning lines (silently folded)",
    "L4R-Y015": "number out of range (an integer beyond 64 bits, a float that overflows or underflows)",
    "L4R-Y016": "control character or bidirectional override in a string",
    # One record (llama4ref.records.models, checked by pydantic)
    "L4R-S001": "record does not match its schema (missing or unknown field, wrong type, bad value)",
    # Cross-record checks (llama4ref.records.tree)
    "L4R-T001": "not a facts tree (no sources/ and variants/ directories): input that cannot be read, exit 2",
    "L4R-T002": "unknown directory or stray file in the facts tree",
    "L4R-T003": "file name does not equal the record id",
    "L4R-T004": "identifier listed twice in one identifier set",
    "L4R-T005": "duplicate fact path",
    "L4R-T006": "citation names a source that does not exist",
    "L4R-T007": "alias claimed by two variants",
    "L4R-T008": "subject clashes with a variant id or alias",
    "L4R-T009": "value type does not fit the unit",
    "L4R-T010": "dates out of order",
    "L4R-T011": "supersession does not resolve or loops",
    "L4R-T012": "a source is cited by no fact",
    "L4R-T013": "reference to an unknown record or fact",
    "L4R-T014": "stored value shadows a derived value",
    "L4R-T015": "number out of range for its unit (negative count, not finite, implausibly large)",
    "L4R-T016": "directory or entry in the facts tree cannot be read",
    # Values against their own quotes (llama4ref.records.readings)
    "L4R-V001": "numeric value not stated by any of its quotes (and no citation says how by `conversion`)",
    "L4R-T017": "vocabulary phrase claimed by two terms of one kind",
    "L4R-T018": "a language's vocabulary file gives words for a term no vocabulary group defines",
    # Quotes against local copies of the sources (opt-in, llama4ref.domain.quotes)
    "L4R-Q001": "quote not found in the local copy of its source",
    "L4R-Q002": "no local copy of the source was found",
    "L4R-Q003": "no local copy of any source was found: nothing was checked (an error, exit 2)",
    "L4R-Q004": "--fetch: the network is unreachable (the first sources could not be reached): nothing was checked (an error, exit 2)",
}


class Position(NamedTuple):
    """A 1-based line and column in a file.

    A named tuple: the loader keeps one for every node of every file, and tuples of ints are
    small and ignored by the garbage collector, so validating a tree 10 times larger takes
    10 times as long (benchmarks/) rather than more.
    """

    line: int
    col: int


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in a facts tree."""

    file: str
    position: Position
    code: str
    message: str
    severity: str = "error"

    def format(self) -> str:
        """``file:line:col: CODE message``, the one-line form every tool prints."""
        # A file name or message holding a line break or ESC must not forge a line or drive the terminal.
        return printable(f"{self.file}:{self.position.line}:{self.position.col}: {self.code} {self.message}")
