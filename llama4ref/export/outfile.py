"""Writing an output file safely: a unique temporary file beside the target, then an atomic replace.

Every export goes through :func:`write_atomically`:

* the target must be a new file or an existing *regular* file; a directory, a symbolic link, a
  device, a FIFO or a socket is refused (never replaced, never written through);
* the data is written to a temporary file made with :func:`tempfile.mkstemp` in the target's
  directory (a unique name: a user's ``notes.db.tmp`` is never touched, and parallel exports to
  one path never share a file), flushed to disk, then renamed over the target with
  :func:`os.replace`, which is atomic: a reader sees the old file or the new one, never a part;
* on any failure (a full disk, a read-only directory, an interrupt) the temporary file is removed
  and the target is left as it was;
* the new file gets the existing target's permissions, or the usual ones for a new file
  (``0o666`` less the umask), not ``mkstemp``'s owner-only ``0o600``.

Failures raise a :class:`~llama4ref.errors.Llama4RefError` with a one-line message naming the path
and a stable code: :class:`OutputPathError` (``L4R-U010``) for a target or parent directory of the
wrong kind or missing, :class:`OutputWriteError` (``L4R-U014``) for a write that fails.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from llama4ref.errors import Llama4RefError

__all__ = [
    "OutputPathError",
    "OutputWriteError",
    "check_target",
    "check_write_dir",
    "write_all_atomically",
    "write_atomically",
]


class OutputPathError(Llama4RefError, ValueError):
    """An output path an export cannot write to: empty, its directory missing, or not a regular file."""

    code = "L4R-U010"


class OutputWriteError(Llama4RefError):
    """Writing an export failed (a full disk, a read-only directory); nothing was left behind."""

    code = "L4R-U014"


def _describe(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_write_dir(directory: Path) -> None:
    """Refuse a parent directory that does not exist (a typo must not create trees)."""
    if not directory.is_dir():
        what = "not a directory" if directory.exists() else "no such directory (create it first)"
        raise OutputPathError(f"{directory}: {what}")


def check_target(path: Path) -> os.stat_result | None:
    """The target's status if it is an existing regular file, ``None`` if it does not exist yet;
    anything else (a directory, a symbolic link, a device, a FIFO, a socket) is refused."""
    if not str(path):
        raise OutputPathError("the output path is empty")
    check_write_dir(path.parent)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputWriteError(f"{path}: cannot write: {exc.strerror}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise OutputPathError(f"{path}: {_describe(st.st_mode)}; an export replaces only a regular file")
    return st


def _new_file_mode() -> int:
    """``0o666`` less the process umask (read without a window in which it is changed, on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def _temporary(path: Path) -> Iterator[Path]:
    """A new, empty, unique file in ``path``'s directory; removed again unless it was renamed."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputWriteError(f"{path}: cannot write in {path.parent}: {exc.strerror}") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _sync(tmp: Path, mode: int) -> None:
    os.chmod(tmp, mode)
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write(tmp)`` to fill a fresh temporary file, then atomically replace ``path`` with it.

    ``write`` may raise :class:`OSError` (or :class:`Llama4RefError`); either way nothing is left
    behind and ``path`` is unchanged. See the module docstring for the rules.
    """
    write_all_atomically([(path, write)])


def write_all_atomically(files: list[tuple[Path, Callable[[Path], None]]]) -> None:
    """Like :func:`write_atomically` for several files: every target is checked and every file
    written before the first is replaced, so a failure leaves all of them as they were."""
    modes = []
    for path, _ in files:
        st = check_target(path)
        modes.append(stat.S_IMODE(st.st_mode) if st is not None else _new_file_mode())
    with contextlib.ExitStack() as stack:
        temps = [stack.enter_context(_temporary(path)) for path, _ in files]
        for (path, write), tmp, mode in zip(files, temps, modes, strict=True):
            try:
                write(tmp)
                _sync(tmp, mode)
            except OSError as exc:
                raise OutputWriteError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        for (path, _), tmp in zip(files, temps, strict=True):
            check_target(path)  # still not a directory, link or device (it may have changed meanwhile)
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise OutputWriteError(f"{path}: cannot write: {exc.strerror or exc}") from exc
