"""The standard streams as the CLI uses them: a failed write is an error with one line, not a traceback.

``llama4ref get … > /dev/full``, ``llama4ref … >&-`` (stdout closed) and ``llama4ref list | head``
(the reader left) all end in an :class:`OutputError` raised from the write; the entry point
turns it into one line on stderr (or, for a closed pipe, silence) and a non-zero exit.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from typing import IO, Any, TextIO, cast

STREAM_NAMES = {"stdout": "standard output", "stderr": "standard error"}


class OutputError(Exception):
    """Writing to standard output (or error) failed; ``errno`` says why (EPIPE: the reader left)."""

    def __init__(self, stream: str, exc: OSError) -> None:
        self.stream = stream
        self.errno = exc.errno
        self.strerror = exc.strerror or str(exc)
        super().__init__(f"cannot write to {stream}: {self.strerror}")


class GuardedStream:
    """A text stream whose failed writes and flushes raise :class:`OutputError`; all else is delegated."""

    def __init__(self, stream: IO[str] | None, name: str) -> None:
        self._stream = stream
        self._name = name

    @property
    def wrapped(self) -> IO[str] | None:
        return self._stream

    def _closed(self) -> OutputError:
        return OutputError(self._name, OSError(errno.EBADF, "the stream is closed"))

    def write(self, text: str) -> int:
        if self._stream is None:
            raise self._closed()
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputError(self._name, exc) from exc

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputError(self._name, exc) from exc

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


def guard() -> tuple[TextIO | None, TextIO | None]:
    """Replace ``sys.stdout``/``sys.stderr`` with guarded streams; return the originals (for :func:`restore`).

    Text that the output encoding cannot hold is written as backslash escapes rather than
    failing (``PYTHONIOENCODING=ascii``).
    """
    saved = sys.stdout, sys.stderr
    for stream in saved:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):  # a stream that cannot be reconfigured keeps its policy
                reconfigure(errors="backslashreplace")
    sys.stdout = cast("TextIO", GuardedStream(saved[0], STREAM_NAMES["stdout"]))
    sys.stderr = cast("TextIO", GuardedStream(saved[1], STREAM_NAMES["stderr"]))
    return saved


def restore(saved: tuple[TextIO | None, TextIO | None]) -> None:
    """Put back the streams :func:`guard` replaced."""
    sys.stdout, sys.stderr = saved


def write_stderr(text: str) -> None:
    """Write to stderr if that is possible at all; a failing stderr has nowhere to report to."""
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except (OutputError, OSError, AttributeError, ValueError):
        pass


def silence_stdout(saved_stdout: TextIO | None) -> None:
    """After a failed write, point file descriptor 1 at the null device so the interpreter's
    final flush of the unwritten rest cannot fail again ("Exception ignored …", exit 120)."""
    if saved_stdout is None:
        return
    try:
        fd = saved_stdout.fileno()
    except (OSError, ValueError, AttributeError):  # not backed by a descriptor (tests' StringIO)
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass
