"""Text normalisation for recognising the agreement, the AUP, the Notice line and anchors.

One policy, ``l4r-text-1``, is used everywhere a candidate file is compared with the
license documents (fingerprints, anchor sentences, the Notice line, "Built with Llama"):

1. a leading byte-order mark is dropped;
2. Unicode NFC;
3. typographic quotes are folded to ASCII: ‘ ’ ‚ ‛ ′ become ``'`` and “ ” „ ‟ ″ become ``"``;
4. every run of whitespace (spaces, tabs, no-break spaces, line breaks of any style, blank
   lines) becomes one space, and the ends are stripped.

Re-wrapped lines, CRLF line endings, trailing spaces, blank-line runs and straight quotes do
not change a fingerprint; any change to a word, a number, a symbol (© is not ``(c)``) or the
markup does. The fingerprint is ``sha256:`` + the hex digest of the normalised text's UTF-8.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

NORMALISATION = "l4r-text-1"
"""Name of the normalisation policy above; stored beside every fingerprint."""

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
    }
)
_WS = re.compile(r"\s+")


def collapse_ws(text: str) -> str:
    """Every whitespace run as one space, ends stripped."""
    return _WS.sub(" ", text).strip()


def normalise(text: str) -> str:
    """``text`` under the ``l4r-text-1`` policy (see the module docstring)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return collapse_ws(unicodedata.normalize("NFC", text).translate(_QUOTES))


def fingerprint(text: str) -> str:
    """``sha256:<hex>`` of ``normalise(text)``."""
    return "sha256:" + hashlib.sha256(normalise(text).encode("utf-8", "surrogatepass")).hexdigest()


def find_line(haystack: str, needle: str) -> int | None:
    """The 1-based line where ``needle`` starts in ``haystack``, comparing both normalised.

    None when the normalised needle is not in the normalised haystack. The line is found with
    a whitespace- and quote-tolerant pattern of the normalised needle over the NFC haystack
    (NFC never adds or removes line breaks, so line numbers are those of the file).
    """
    norm = normalise(needle)
    if not norm or norm not in normalise(haystack):
        return None
    nfc = unicodedata.normalize("NFC", haystack)
    match = _pattern_for(norm).search(nfc)
    return nfc.count("\n", 0, match.start()) + 1 if match else 1


def _pattern_for(norm: str) -> re.Pattern[str]:
    parts: list[str] = []
    for ch in norm:
        if ch == " ":
            parts.append(r"\s+")
        elif ch == "'":
            parts.append("['\u2018\u2019\u201a\u201b\u2032]")
        elif ch == '"':
            parts.append('["\u201c\u201d\u201e\u201f\u2033]')
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts))
