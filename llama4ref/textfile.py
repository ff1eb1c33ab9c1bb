"""Text files as every checker reads them: one decoding, one diagnostic for bytes that are not text.

``license check``, ``check-name --from-file`` and ``check-claims`` read the user's files through
:func:`decode_text`: UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark
are decoded; a NUL byte near the start marks a binary file (not read as text); anything else is
decoded as UTF-8 with replacement characters (U+FFFD, never lone surrogates) and reported as
``L4-FILE-ENCODING``, a warning, in the same words by all three.

>>> decode_text(b"Llama-4-\\xffBar")
Decoded(text='Llama-4-\\ufffdBar', encoding_problem='not valid UTF-8 (first bad byte at offset 8); read with replacement characters', binary=None)
>>> encoding_warning("bad.md", decode_text(b"\\xff").encoding_problem or "")
'bad.md: L4-FILE-ENCODING warning: not valid UTF-8 (first bad byte at offset 0); read with replacement characters'
"""

from __future__ import annotations

from typing import NamedTuple

ENCODING_CODE = "L4-FILE-ENCODING"
"""The code of a file that is not valid UTF-8 (or UTF-16 with a byte-order mark)."""

SNIFF_BYTES = 8192
"""A NUL byte among the first this many bytes marks a file as binary."""


class Decoded(NamedTuple):
    """What a file's bytes read as: its text, or why it is not text."""

    text: str | None
    """The text (None for a binary file)."""
    encoding_problem: str | None = None
    """Why the text is not exactly the file's bytes (invalid UTF-8, read with replacement characters)."""
    binary: str | None = None
    """Why the file is not text at all (NUL bytes, invalid UTF-16)."""


def decode_text(data: bytes) -> Decoded:
    """Decode a file's bytes under the policy above."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError:
            return Decoded(None, binary="binary (invalid UTF-16)")
    if b"\x00" in data[:SNIFF_BYTES]:
        return Decoded(None, binary="binary (contains NUL bytes)")
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)  # in the file, the mark counted
        problem = f"not valid UTF-8 (first bad byte at offset {offset}); read with replacement characters"
        return Decoded(data.decode("utf-8-sig", errors="replace"), problem)


def encoding_warning(file: str, problem: str) -> str:
    """The one line every checker prints for a file not valid UTF-8: ``FILE: L4-FILE-ENCODING warning: …``."""
    return f"{file}: {ENCODING_CODE} warning: {problem}"
