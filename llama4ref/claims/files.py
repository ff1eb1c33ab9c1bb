"""Which files of a directory ``check-claims`` reads.

A directory is searched for documents (Markdown, HTML, reStructuredText, plain text) the way a
linter searches a repository: hidden directories (``.git``, ``.venv``, ``.tox``), virtual
environments (any directory holding a ``pyvenv.cfg``), ``node_modules``, ``site-packages`` and
``__pycache__`` are not entered, so ``llama4ref check-claims .`` judges a project's own text, not
the documentation of everything installed beside it. A file named on the command line is always
read, whatever its name.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from llama4ref.textfile import ENCODING_CODE, decode_text, encoding_warning

if TYPE_CHECKING:
    from llama4ref.store.shapes.ask import FileWarningJSON

__all__ = [
    "DOCUMENT_SUFFIXES",
    "MAX_DOCUMENT_BYTES",
    "SKIPPED_DIRECTORIES",
    "Document",
    "FileWarning",
    "document_files",
    "read_document",
]

MAX_DOCUMENT_BYTES = 2_000_000
"""The largest document read (a file's size, or what stdin gives): checking takes some minutes
per megabyte, so a larger one is refused at once rather than run for a quarter of an hour."""

DOCUMENT_SUFFIXES = frozenset({".md", ".markdown", ".mdx", ".html", ".htm", ".txt", ".rst"})
"""The file name endings (any case) read when a directory is searched."""

SKIPPED_DIRECTORIES = frozenset({"node_modules", "site-packages", "__pycache__"})
"""Directory names never entered (besides hidden ones and virtual environments)."""


def document_files(root: Path) -> list[Path]:
    """The documents under ``root``, sorted by path, without entering the directories above.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     root = Path(tmp)
    ...     for name in ("README.md", "docs/a.html", ".venv/x.md", "env/pyvenv.cfg", "env/y.md", "src/m.py"):
    ...         (root / name).parent.mkdir(parents=True, exist_ok=True)
    ...         _ = (root / name).write_text("", encoding="utf-8")
    ...     [p.relative_to(root).as_posix() for p in document_files(root)]
    ['README.md', 'docs/a.html']
    """
    found: list[Path] = []
    for top, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not _skipped(Path(top) / d)]
        found += [Path(top) / f for f in files if Path(f).suffix.lower() in DOCUMENT_SUFFIXES]
    return sorted(found)


class FileWarning(NamedTuple):
    """A document not read exactly as its bytes: ``L4-FILE-ENCODING``, in ``license check``'s words."""

    file: str
    message: str
    code: str = ENCODING_CODE

    def line(self) -> str:
        """``FILE: L4-FILE-ENCODING warning: …``, the line every checker prints (llama4ref.textfile)."""
        return encoding_warning(self.file, self.message)

    def to_json(self) -> FileWarningJSON:
        return {"file": self.file, "code": self.code, "severity": "warning", "message": self.message}


class Document(NamedTuple):
    """A document as ``check-claims`` reads it: its text, or why it is not text; and any warning."""

    name: str
    text: str | None
    binary: str | None = None
    warning: FileWarning | None = None


def read_document(name: str, data: bytes) -> Document:
    """Decode a document's bytes as every checker does (:func:`llama4ref.textfile.decode_text`).

    >>> read_document("bad.md", b"Scout \\xff").warning.line()
    'bad.md: L4-FILE-ENCODING warning: not valid UTF-8 (first bad byte at offset 6); read with replacement characters'
    """
    decoded = decode_text(data)
    warning = FileWarning(name, decoded.encoding_problem) if decoded.encoding_problem else None
    return Document(name, decoded.text, decoded.binary, warning)


def _skipped(directory: Path) -> bool:
    name = directory.name
    return name.startswith(".") or name in SKIPPED_DIRECTORIES or (directory / "pyvenv.cfg").is_file()
