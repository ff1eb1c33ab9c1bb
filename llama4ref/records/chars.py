"""Character facts for the name check: hidden characters, descriptions and UTS #39 skeletons.

Confusables come from the ``confusable-homoglyphs`` package (3.3.x), which ships the Unicode
``confusables.txt`` data of UTS #39 as JSON. Its table lists each source → prototype pair in
both directions; every connected group in it is a star around one prototype, so a group's
prototype is its multi-character member if it has one, else its member linked to all others,
else (a pair) its ASCII or lowest code point. The skeleton of a character is NFKC first
(fullwidth ``Ｌ`` → ``L``), then that prototype. Skeletons are case-sensitive, as in UTS #39.

Hidden characters are judged with Python's ``unicodedata`` (general categories Cc, Cf, Zl,
Zp, Cs, and every space separator Zs other than U+0020 SPACE: a no-break or ideographic space
looks like a space, or like nothing, and is not one) plus the Default_Ignorable_Code_Point
ranges of Unicode's DerivedCoreProperties.txt that are not Cf (variation selectors, Hangul
fillers, …) and U+2800 BRAILLE PATTERN BLANK.

Marks (categories Mn, Me, Mc: combining accents, enclosing circles and keycaps, the vowel
signs and points of every script) draw on or beside the character before them: see
:func:`is_mark`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Zs"})
MARK_CATEGORIES = frozenset({"Mn", "Me", "Mc"})
"""Nonspacing, enclosing and spacing-combining marks: they render on or against the character before."""
_ASCII_SKELETON = {'"': "''", "%": "o/O", "0": "O", "1": "l", "I": "l", "`": "'", "m": "rn", "|": "l"}
"""The ASCII characters whose UTS #39 skeleton is not themselves (derived from the confusables
data; a test keeps this copy equal to it), so ASCII text folds without loading the data."""
_BIDI = frozenset({0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)})
_ZERO_WIDTH = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E})
# Default_Ignorable_Code_Point ranges outside category Cf (Unicode 15.1 DerivedCoreProperties.txt).
_IGNORABLE_RANGES = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180D),
    (0x180F, 0x180F),
    (0x2065, 0x2065),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0xE0000, 0xE0FFF),
    (0x2800, 0x2800),
)


def hidden_reason(ch: str) -> str | None:
    """Why ``ch`` is invisible or alters display/comparison, or None for an ordinary character."""
    cp = ord(ch)
    if cp < 0x80:
        return "control character" if cp < 0x20 or cp == 0x7F else None
    if cp in _BIDI:
        return "bidirectional control character: changes the order in which the name is displayed"
    if cp in _ZERO_WIDTH:
        return "zero-width character: invisible"
    category = unicodedata.category(ch)
    if 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF:
        return "variation selector: invisible"
    if 0xE0000 <= cp <= 0xE007F:
        return "tag character: invisible"
    if category == "Cc":
        return "control character"
    if category in ("Zl", "Zp"):
        return "line or paragraph separator"
    if category == "Cs":
        return "lone surrogate: not a character"
    if category == "Cf":
        return "format character: invisible"
    if category == "Zs":
        return "non-ASCII space character: looks like a space (or like nothing) but is not U+0020"
    if cp == 0x2800:
        return "blank braille pattern: displays as a blank"
    if any(lo <= cp <= hi for lo, hi in _IGNORABLE_RANGES):
        return "default-ignorable character: usually displays as nothing"
    return None


def describe(ch: str) -> str:
    """``U+0430 CYRILLIC SMALL LETTER A``; unnamed characters get their category in brackets."""
    cp = ord(ch)
    name = unicodedata.name(ch, "")
    if not name:
        name = {"Cc": "<control>", "Cs": "<surrogate>", "Co": "<private use>", "Cn": "<unassigned>"}.get(
            unicodedata.category(ch), "<unnamed>"
        )
    return f"U+{cp:04X} {name}"


def strip_hidden(text: str) -> str:
    """``text`` without the characters :func:`hidden_reason` objects to."""
    if text.isascii() and text.isprintable():
        return text
    return hidden_pattern().sub("", text)


@cache
def hidden_pattern() -> re.Pattern[str]:
    """A compiled character class of every character :func:`hidden_reason` objects to.

    Built once from planes 0, 1 and 14, the only planes holding such characters.
    """
    category = unicodedata.category
    extra = {cp for lo, hi in _IGNORABLE_RANGES for cp in range(lo, hi + 1)} | _BIDI | _ZERO_WIDTH
    extra |= set(range(0xFE00, 0xFE10)) | set(range(0xE0100, 0xE01F0))
    ranges: list[list[int]] = []
    for plane in (range(0x0, 0x20000), range(0xE0000, 0xE1000)):
        for cp in plane:
            if (category(chr(cp)) not in _HIDDEN_CATEGORIES or cp == 0x20) and cp not in extra:
                continue
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    body = "".join(_class_char(lo) if lo == hi else f"{_class_char(lo)}-{_class_char(hi)}" for lo, hi in ranges)
    return re.compile(f"[{body}]")


def _class_char(cp: int) -> str:
    return f"\\U{cp:08x}"


@cache
def _prototypes() -> dict[str, str]:
    """Map every character in the confusables data to its prototype (a string)."""
    from confusable_homoglyphs.confusables import confusables_data  # lazily: ~1 MB of JSON

    adjacency: dict[str, set[str]] = {}
    for key, entries in confusables_data.items():
        a = key.replace("\u200e", "")  # the data wraps right-to-left characters in LRM marks
        for entry in entries:
            b = entry["c"].replace("\u200e", "")
            if a and b and a != b:
                adjacency.setdefault(a, set()).add(b)
                adjacency.setdefault(b, set()).add(a)
    proto: dict[str, str] = {}
    seen: set[str] = set()
    for start in sorted(adjacency):
        if start in seen:
            continue
        group: set[str] = set()
        stack = [start]
        while stack:
            node = stack.pop()
            if node not in group:
                group.add(node)
                stack.extend(adjacency[node] - group)
        seen |= group
        proto.update(dict.fromkeys(group, _centre(group, adjacency)))
    return proto


def _centre(group: set[str], adjacency: dict[str, set[str]]) -> str:
    multi = sorted(n for n in group if len(n) > 1)
    if multi:
        return multi[0]
    hubs = sorted(n for n in group if len(adjacency[n]) > 1)
    if len(group) > 2 and hubs:
        return hubs[0]
    return min(group, key=lambda n: (not n.isascii(), n))


@cache
def skeleton_piece(ch: str) -> str:
    """The UTS #39-style skeleton of one character after NFKC (case-sensitive, may be longer)."""
    return _fold(ch, 0)


def _fold(text: str, depth: int) -> str:
    if text.isascii():  # ASCII folds within ASCII by a table equal to the data's fold: no loading
        return "".join(_ASCII_SKELETON.get(c, c) for c in text)
    return _fold_by_data(text, depth)


def _fold_by_data(text: str, depth: int) -> str:
    proto = _prototypes()
    folded = text if text.isascii() else unicodedata.normalize("NFKC", text)
    out: list[str] = []
    for c in folded:
        p = proto.get(c, c)
        # A prototype may itself need folding (a multi-character "rn", or "º" → "o" under
        # NFKC); fold it again, a bounded number of times, so skeletons are idempotent.
        out.append(p if p == c or depth >= 3 else "".join(_fold_by_data(x, depth + 1) for x in p))
    return "".join(out)


def skeleton(text: str) -> str:
    """The skeleton of ``text``: hidden characters dropped, every other character mapped."""
    return "".join(skeleton_piece(ch) for ch in text if hidden_reason(ch) is None)


def is_mark(ch: str) -> bool:
    """True for a combining mark of any script (general category Mn, Me or Mc)."""
    return not ch.isascii() and unicodedata.category(ch) in MARK_CATEGORIES


def marks_after(name: str, prefix: str, limit: int) -> tuple[int, list[tuple[int, str, str]], int] | None:
    """If ``name``, canonically decomposed, spells ``prefix`` (in any case) and then a combining
    mark: (characters the prefix and its marks take, the first ``limit`` of them as (index,
    character, reason), how many there are); None otherwise.

    Catches ``Llama`` + U+0301 and the precomposed ``Llamá`` (U+00E1 decomposes to ``a`` + U+0301)
    alike; a mark anywhere later in a name is ordinary text.
    """
    built = ""
    found: list[tuple[int, str, str]] = []
    index = len(name)
    for i, ch in enumerate(name):
        if len(built) >= len(prefix):
            index = i
            break
        built += ch if ch.isascii() else unicodedata.normalize("NFD", ch)
        if len(built) > len(prefix) and is_mark(built[len(prefix)]):
            extra = " + ".join(describe(m) for m in built[len(prefix) :])
            found.append((i, ch, f"decomposes to {built[len(prefix) - 1]!r} + {extra}"))
    head = built[: len(prefix)]
    if len(head) < len(prefix) or not head.isascii() or head.lower() != prefix.lower():
        return None
    if len(built) > len(prefix) and not found:
        return None  # the character after the prefix decomposed into a base letter: ordinary text
    count = len(found)
    while index < len(name) and is_mark(name[index]):
        count += 1
        if len(found) < limit:
            found.append((index, name[index], "combining mark: drawn on or against the prefix's last letter"))
        index += 1
    return (index, found, count) if count else None


def fold_piece(ch: str) -> str:
    """What ``ch`` folds to when names are compared as they look: empty for a hidden character,
    else its skeleton without regard to case (``Ｍ``, ``M`` and ``m`` all fold to ``rn``)."""
    if ch.isascii():
        if ch.isprintable():
            return "".join(_ASCII_SKELETON.get(c, c) for c in _ASCII_SKELETON.get(ch, ch).casefold())
        return ""
    if hidden_reason(ch) is not None:
        return ""
    return "".join(skeleton_piece(c) for c in skeleton_piece(ch).casefold())


def fold(text: str) -> str:
    """``text`` folded for comparison by look (see :func:`fold_piece`); ASCII text never loads
    the confusables data."""
    return "".join(fold_piece(ch) for ch in text)


def differences(text: str, target: str) -> list[tuple[int, str, str | None]]:
    """Where ``text`` differs from ``target`` when both fold alike: (index in ``text``, the
    character, what it stands for in ``target``, or None for a hidden character that stands for
    nothing). The two are aligned on their folded pieces, so ``rn`` against ``m`` is one place."""
    pieces = [fold_piece(ch) for ch in text]
    wanted = [fold_piece(ch) for ch in target]
    out: list[tuple[int, str, str | None]] = []
    i = j = a_len = b_len = 0
    start_i = start_j = 0
    while i < len(text) or j < len(target):
        if (a_len <= b_len or j >= len(target)) and i < len(text):
            a_len += len(pieces[i])
            i += 1
        else:
            b_len += len(wanted[j])
            j += 1
        if a_len != b_len or (i == start_i and j == start_j):
            continue
        mine, theirs = text[start_i:i], target[start_j:j]
        if mine != theirs:
            same_width = len(mine) == len(theirs)
            for k, ch in enumerate(mine):
                if same_width and ch == theirs[k]:
                    continue
                looks_like = (theirs[k] if same_width else theirs) or None
                out.append((start_i + k, ch, None if not pieces[start_i + k] else looks_like))
        start_i, start_j = i, j
    return out
