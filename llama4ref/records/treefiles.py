"""Which files make up a facts tree: record files found, everything else reported, nothing raised.

A directory or file that cannot be listed or examined (permissions, I/O errors) is a located
diagnostic, never an exception, so one unreadable corner does not hide the rest of the tree.
"""

from __future__ import annotations

import stat
from pathlib import Path

from llama4ref.diagnostics import Diagnostic, Position

TOP_LEVEL_FILES = frozenset({"DATA_VERSION", "CHANGELOG.md", "README.md"})


def not_a_tree(root: Path) -> Diagnostic | None:
    """Why ``root`` is not a facts tree that can be read, or None."""
    try:
        if not root.is_dir():
            return Diagnostic(str(root), Position(1, 1), "L4R-T001", "not a directory")
        if not (root / "sources").is_dir() or not (root / "variants").is_dir():
            return Diagnostic(
                str(root), Position(1, 1), "L4R-T001", "not a facts tree: expected 'sources/' and 'variants/' directories"
            )
    except OSError as exc:  # is_dir() raises for a path it may not examine (EACCES), not only returns False
        return Diagnostic(str(root), Position(1, 1), "L4R-T016", f"cannot examine: {_reason(exc)}")
    return None


def record_files(root: Path, diags: list[Diagnostic]) -> list[Path]:
    """Every ``<kind>/<id>.yaml`` under ``root``, sorted; strays and unreadable entries go to ``diags``."""
    files: list[Path] = []
    for entry in _listing(root, diags):
        mode = _mode(entry, diags, follow=True)
        if mode is None:
            continue
        if stat.S_ISREG(mode):
            if entry.name not in TOP_LEVEL_FILES:
                diags.append(Diagnostic(str(entry), Position(1, 1), "L4R-T002", "stray file at the top of the facts tree"))
            continue
        if not stat.S_ISDIR(mode) or _mode(entry, diags, follow=False) != mode:  # a symlink is not a record directory
            diags.append(Diagnostic(str(entry), Position(1, 1), "L4R-T002", "not a regular directory"))
            continue
        for item in _listing(entry, diags):
            mode = _mode(item, diags, follow=False)
            if mode is None:
                continue
            if stat.S_ISREG(mode) and item.suffix == ".yaml":
                files.append(item)
            else:
                diags.append(Diagnostic(str(item), Position(1, 1), "L4R-T002", "only <id>.yaml record files belong here"))
    return files


def data_version(root: Path, diags: list[Diagnostic]) -> str:
    """The tree's ``DATA_VERSION`` (``unversioned`` when there is none or it cannot be read)."""
    version_file = root / "DATA_VERSION"
    try:
        if not version_file.is_file():
            return "unversioned"
        return version_file.read_text(encoding="utf-8").strip() or "unversioned"
    except (OSError, UnicodeDecodeError) as exc:
        diags.append(Diagnostic(str(version_file), Position(1, 1), "L4R-Y001", f"cannot read file: {_reason(exc)}"))
        return "unversioned"


def _listing(directory: Path, diags: list[Diagnostic]) -> list[Path]:
    try:
        return sorted(p for p in directory.iterdir() if not p.name.startswith("."))
    except OSError as exc:
        diags.append(Diagnostic(str(directory), Position(1, 1), "L4R-T016", f"cannot read directory: {_reason(exc)}"))
        return []


def _mode(path: Path, diags: list[Diagnostic], *, follow: bool) -> int | None:
    try:
        return (path.stat() if follow else path.lstat()).st_mode
    except OSError as exc:
        diags.append(Diagnostic(str(path), Position(1, 1), "L4R-T016", f"cannot examine: {_reason(exc)}"))
        return None


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
