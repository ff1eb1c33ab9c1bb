"""How names are compared: the one normalisation the validator and the query layer share, and
how a name that is not a catalog id but looks like one is told apart from it."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from llama4ref.store.shapes.core import CharNoteJSON


def normalise_alias(name: str) -> str:
    """The form aliases are compared in: NFKC (full-width letters fold), case-folded, trimmed."""
    if not name.isascii():
        import unicodedata

        name = unicodedata.normalize("NFKC", name)
    return name.strip().casefold()


class CharNote(NamedTuple):
    """One character of an identifier that is not what it seems: its position (0-based, in code
    points; ``index`` in JSON, as in ``check-name``), the code point, its Unicode name, and what
    it looks like (None: nothing, or hidden). A named tuple, so resolving never imports more."""

    position: int
    char: str
    codepoint: str
    description: str
    looks_like: str | None
    reason: str

    def to_json(self) -> CharNoteJSON:
        return {
            "index": self.position,
            "char": self.char,
            "codepoint": self.codepoint,
            "description": self.description,
            "looks_like": self.looks_like,
            "reason": self.reason,
        }

    def shown(self) -> str:
        """``U+FF4D FULLWIDTH LATIN SMALL LETTER M at index 0 looks like 'm'`` (one line, no raw character)."""
        looks = f" looks like {self.looks_like!r}" if self.looks_like is not None else f": {self.reason}"
        return f"{self.description} at index {self.position}{looks}"


def trim(name: str) -> str:
    """``name`` without surrounding ASCII spaces, tabs and line ends (nothing else is touched:
    positions reported in it are positions in what the user typed)."""
    return name.strip(" \t\r\n")


def nfc(text: str) -> str:
    """``text`` in NFC: canonically equivalent spellings compare equal; nothing else is folded."""
    if text.isascii():
        return text
    import unicodedata

    return unicodedata.normalize("NFC", text)


def hidden_characters(text: str) -> tuple[CharNote, ...]:
    """The control, format, bidirectional, zero-width, default-ignorable and non-ASCII space
    characters in ``text``: none of them belongs in a published identifier."""
    if text.isascii() and text.isprintable():
        return ()
    from llama4ref.records.chars import describe, hidden_pattern, hidden_reason

    notes = []
    for match in hidden_pattern().finditer(text):
        ch = match.group()
        description = describe(ch)
        notes.append(CharNote(match.start(), ch, description.split(" ", 1)[0], description, None, hidden_reason(ch) or "hidden"))
    return tuple(notes)


def look_key(text: str) -> str:
    """``text`` as it looks: NFKC, the UTS #39 confusable skeleton, without regard to case, hidden
    characters dropped. Equal keys, different strings: one imitates the other. ASCII text folds
    without loading the confusables data."""
    from llama4ref.records.chars import fold

    return fold(text)


def differing_characters(text: str, target: str) -> tuple[CharNote, ...]:
    """The characters of ``text`` that are not the characters of ``target`` they stand for
    (both with equal :func:`look_key`)."""
    from llama4ref.records.chars import describe, differences, hidden_reason

    notes = []
    for index, ch, looks_like in differences(text, target):
        description = describe(ch)
        if looks_like is None:
            reason = hidden_reason(ch) or "stands for nothing"
        elif ch.isascii() and looks_like.isascii() and ch.lower() == looks_like.lower():
            reason = "another letter case"
        else:
            reason = "look-alike character"
        notes.append(CharNote(index, ch, description.split(" ", 1)[0], description, looks_like, reason))
    return tuple(notes)
