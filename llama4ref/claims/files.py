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

__all__ = ["DOCUMENT_SUFFIXES", "MAX_DOCUMENT_BYTES", "SKIPPED_DIRECTORIES", "document_files"]

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


def _skipped(directory: Path) -> bool:
    name = directory.name
    return name.startswith(".") or name in SKIPPED_DIRECTORIES or (directory / "pyvenv.cfg").is_file()
