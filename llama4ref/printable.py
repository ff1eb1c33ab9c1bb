"""Making data and user strings safe to print on a terminal.

A record title, a quote, a model name given on the command line or a file name may hold
characters a terminal acts on instead of showing: ESC starts a control sequence (``\\x1b]0;…\\a``
retitles the window, ``\\x1b[2J`` clears it), a newline forges a second diagnostic line,
U+202E reverses the text that follows. Text output passes every such string through
:func:`printable`; JSON output through :func:`json_printable`.

>>> printable("Llama\\x1b]0;pwned\\x07")
'Llama\\\\x1b]0;pwned\\\\x07'
>>> printable("\\u202eLlama")
'\\\\u202eLlama'
>>> printable("Llama 4 Scout · 109B “total”")
'Llama 4 Scout · 109B “total”'
"""

from __future__ import annotations

import re

__all__ = ["json_printable", "printable"]

_NEEDS_ESCAPE = re.compile(r"[^\x20-\x7e]")
"""Only non-ASCII or ASCII control characters can be unprintable: a quick pre-check."""

_JSON_UNSAFE = r"[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]"
"""What ``json.dumps(ensure_ascii=False)`` leaves raw and a terminal may act on: DEL and C1
controls, bidi controls, zero-width and invisible format characters, line and paragraph
separators, and lone surrogates (undecodable input bytes, which cannot be encoded as UTF-8)."""


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str) -> str:
    """``text`` with every character that is not printable shown as an escape (``\\x1b``, ``\\u202e``).

    Unprintable means what :meth:`str.isprintable` says: controls (C0, DEL, C1), format
    characters (bidi controls, zero-width characters), separators other than the ASCII space
    (line and paragraph separators, no-break and other spaces, which look like a space but are
    not one), surrogates, private-use and unassigned code points. Everything else, accented and
    non-Latin letters, curly quotes, symbols, is kept as it is.
    """
    if not _NEEDS_ESCAPE.search(text) or text.isprintable():
        return text
    return _NEEDS_ESCAPE.sub(_escape_match, text)


def _escape_match(m: re.Match[str]) -> str:
    ch = m.group()
    return ch if ch.isprintable() else _escape_char(ch)


def json_printable(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with terminal-unsafe characters as ``\\uXXXX``.

    Such characters can occur only inside JSON strings, where ``\\uXXXX`` denotes the same
    character, so a parser reads the same value; a lone surrogate becomes its escape, which
    Python's ``json`` reads back as the same lone surrogate.
    """
    return re.sub(_JSON_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)  # compiled on first use (start-up)


ECHO_LIMIT = 60
"""How much of a user's text a header or an error message repeats."""


def echoed(text: str, limit: int = ECHO_LIMIT) -> str:
    """A user's text as a header or an error repeats it: quoted, cut after ``limit`` characters with the full length said.

    >>> echoed("x" * 100_000, 5)
    "'xxxxx…' (100,000 characters)"
    """
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}"[:-1] + f"…' ({len(text):,} characters)"
