"""Text files as every checker reads them: one decoding, one diagnostic for bytes that are not text.

``license check``, ``check-name --from-file`` and ``check-claims`` read the user's files through
:func:`decode_text`: UTF-8 (with or without a byte-order mark) is decoded; UTF-16 with a
byte-order mark is decoded and reported (bytes that only start like one, ``FF FE 00 62 61 64``,
read as the name ``戀摡`` with no word said); a NUL byte near the start marks a binary file (not
read as text); anything else is decoded as UTF-8 with replacement characters (U+FFFD, never lone
surrogates) and reported. The report is ``L4-FILE-ENCODING``, a warning, in the same words by all three.

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
    """Why the text may not be what the file means: invalid UTF-8 (read with replacement
    characters), or UTF-16 (read by its byte-order mark)."""
    binary: str | None = None
    """Why the file is not text at all (NUL bytes, invalid UTF-16)."""


def decode_text(data: bytes) -> Decoded:
    """Decode a file's bytes under the policy above."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return Decoded(None, binary="binary (invalid UTF-16)")
        mark = "FF FE" if data.startswith(b"\xff\xfe") else "FE FF"
        return Decoded(
            text,
            f"not UTF-8: read as UTF-16 (it starts with the byte-order mark {mark}); save it as UTF-8 if the text reads wrong",
        )
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
