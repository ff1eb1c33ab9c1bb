"""Reading files of an untrusted model repository safely.

Policy (the directory check's hostile-input guarantees):

* a symbolic link is followed only when its target stays inside the checked tree; links out
  of it, broken links and loops are skipped and reported;
* only regular files are opened (never FIFOs, sockets or devices), with ``O_NONBLOCK`` and a
  re-check of the opened descriptor, so a file swapped for a FIFO cannot hang the check;
* files over :data:`MAX_FILE_BYTES` are skipped and reported; at most that many bytes are
  ever read;
* a NUL byte in the first :data:`~llama4ref.textfile.SNIFF_BYTES` bytes marks a file as binary (skipped);
* UTF-8 (with or without a byte-order mark) is decoded; UTF-16 with a byte-order mark is decoded
  and reported; anything else is decoded as UTF-8 with replacement characters and reported
  (:mod:`llama4ref.textfile`, the one reading ``check-name`` and ``check-claims`` share);
* nothing is ever executed, imported or evaluated; YAML is read with ``safe_load`` semantics.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from llama4ref.textfile import decode_text

MAX_FILE_BYTES = 1_048_576
"""1 MiB: larger files are not read (model cards, licenses and notices are far smaller)."""

MAX_ENTRIES = 100_000
"""At most this many directory entries are looked at in the checked directory."""


@dataclass(frozen=True)
class FileText:
    """What reading one file gave: its text, or why it was skipped."""

    rel: str
    text: str | None
    skipped: str | None = None
    encoding_problem: str | None = None


def list_entries(root: Path) -> tuple[list[str], bool]:
    """Names of the entries directly in ``root`` (sorted), and whether the listing was cut short."""
    names: list[str] = []
    truncated = False
    with os.scandir(root) as it:
        for count, entry in enumerate(it):
            if count >= MAX_ENTRIES:
                truncated = True
                break
            names.append(entry.name)
    return sorted(names), truncated


def read_in_tree(root: Path, rel: str) -> FileText:
    """Read ``root/rel`` under the policy above; ``root`` must already be resolved."""
    path = root / rel
    try:
        real = Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError):
        return FileText(rel, None, "a broken symbolic link or an unreadable path")
    if real != root and root not in real.parents:
        return FileText(rel, None, "a symbolic link that leads outside the checked tree (not followed)")
    return read_file(real, rel)


def read_file(path: Path, rel: str) -> FileText:
    """Read one file under the size, type, binary and encoding policy."""
    try:
        st = os.stat(path)
    except OSError as exc:
        return FileText(rel, None, f"cannot be read ({exc.strerror})")
    if not stat.S_ISREG(st.st_mode):
        return FileText(rel, None, "not a regular file")
    if st.st_size > MAX_FILE_BYTES:
        return FileText(rel, None, f"{st.st_size} bytes, over the {MAX_FILE_BYTES}-byte cap")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        return FileText(rel, None, f"cannot be opened ({exc.strerror})")
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return FileText(rel, None, "not a regular file")
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        return FileText(rel, None, f"cannot be read ({exc.strerror})")
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_FILE_BYTES:
        return FileText(rel, None, f"over the {MAX_FILE_BYTES}-byte cap")
    return decode(rel, data)


def decode(rel: str, data: bytes) -> FileText:
    """Decode file bytes under the encoding policy (:func:`llama4ref.textfile.decode_text`, shared
    with ``check-name --from-file`` and ``check-claims``)."""
    found = decode_text(data)
    return FileText(rel, found.text, found.binary, found.encoding_problem)
