"""The model name a card's title states: its first level-1 heading, as a reader sees it.

Most Hub cards have no ``model_name`` or ``model-index`` in their front matter; the name a
reader sees is the title at the top of the card. Rule (stated so results are predictable):

* **Which heading**: the first level-1 heading of the body (front matter, code blocks and HTML
  comments are not displayed and never count): a Markdown ``# Title`` or ``Title`` underlined
  with ``===``, or an HTML ``<h1>`` element. Only the first one is read.
* **Its text as displayed**: images and badges are dropped, link and emphasis markup is read as
  its text, inline code as its content, runs of ASCII whitespace are one space; leading symbols (emoji
  such as 🦙 or 🤗, with their joiners and variation selectors) and leading or trailing
  punctuation are dropped. Invisible characters are kept: the name rules judge them.
* **Template wording**: ``Model card for X`` / ``Model card of X`` gives ``X``; ``X Model Card``
  (also ``X - Model Card``) gives ``X``.
* **Generic titles**: a heading that is then empty, still holds an unfilled ``{{ … }}``
  template field, or is one of :data:`GENERIC_TITLES` (compared without case, spaces or
  punctuation: "Model Card", "README", "Uploaded model", "Overview", …) names no model and is
  ignored.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from llama4ref.compliance.rendered import HIDDEN_TAGS as _HIDDEN_TAGS
from llama4ref.compliance.rendered import VOID_TAGS as _VOID
from llama4ref.compliance.rendered import body_of

GENERIC_TITLES = frozenset(
    {
        "about",
        "description",
        "introduction",
        "model",
        "modelcard",
        "modeldescription",
        "modeldetails",
        "modelid",
        "modelinformation",
        "modeloverview",
        "overview",
        "readme",
        "summary",
        "uploadedmodel",
        "usage",
    }
)
"""Titles (lower case, letters and digits only) that name no model; the heading is ignored."""

_CARD_FOR = re.compile(r"^model\s*card\s+(?:for|of)\s*:?\s+", re.IGNORECASE)
_CARD_SUFFIX = re.compile(r"\s*[-–—:|]?\s*model\s*card$", re.IGNORECASE)
_JOINERS = frozenset("\u200d\ufe0e\ufe0f\u20e3")
"""Characters that belong to an emoji sequence (joiner, variation selectors, keycap)."""


@dataclass(frozen=True)
class Title:
    """A card's title read as a model name, and where it is."""

    name: str
    line: int
    """1-based line of the card file (front matter included)."""
    heading: str
    """The heading's displayed text before template wording was removed."""


def card_title(text: str) -> Title | None:
    """The model name the card's first level-1 heading states, or None (no H1, or a generic one)."""
    from markdown_it import MarkdownIt  # lazily: only the repository check needs it

    body, offset = body_of(text)
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    tokens = md.parse(body)
    for i, tok in enumerate(tokens):
        line = offset + 1 + (tok.map[0] if tok.map else 0)
        if tok.type == "heading_open" and tok.tag == "h1" and i + 1 < len(tokens):
            return _title(_inline_text(tokens[i + 1].children or []), line)
        found = _H1_OPEN.search(tok.content) if tok.type == "html_block" else None
        if found is not None:
            shown = _html_h1(tok.content)
            if shown is not None:
                return _title(shown, line + tok.content[: found.start()].count("\n"))
    return None


_H1_OPEN = re.compile(r"<h1[\s>]", re.IGNORECASE)
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")
"""Runs of these are one space; other spaces (no-break, ideographic) are kept for L4-NAME-HIDDEN."""


def _title(shown: str, line: int) -> Title | None:
    heading = _trim(_ASCII_SPACE.sub(" ", shown).strip(" "))
    name = _trim(_CARD_SUFFIX.sub("", _CARD_FOR.sub("", heading)))
    if not name or "{{" in shown or re.sub(r"[\W_]", "", name.lower()) in GENERIC_TITLES:
        return None
    return Title(name, line, heading)


def _trim(text: str) -> str:
    """Leading symbols (emoji and their sequences) and punctuation, and trailing punctuation, removed."""
    start = 0
    while start < len(text) and (
        text[start] in _JOINERS
        or text[start] == " "
        or unicodedata.category(text[start]) in ("So", "Sk", "Sm", "Po", "Pd", "Ps", "Pe", "Pi", "Pf")
    ):
        start += 1
    end = len(text)
    while end > start and (text[end - 1] == " " or unicodedata.category(text[end - 1]) in ("Po", "Pd", "Pi", "Pf")):
        end -= 1
    return text[start:end]


def _inline_text(children: list[Any]) -> str:
    """The displayed text of a heading's inline tokens: images (badges) and HTML tags dropped,
    link and emphasis markup read as its text."""
    out: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def _html_h1(html: str) -> str | None:
    """The displayed text of the first ``<h1>`` element of an HTML block (images dropped)."""
    from html.parser import HTMLParser

    class _H1(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.inside = False
            self.done = False
            self.hidden: list[str] = []  # open elements inside the heading that hide their content
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            names = dict(attrs)
            style = (names.get("style") or "").replace(" ", "").lower()
            if self.done or tag in _VOID:
                return
            if tag == "h1" and not self.inside:
                self.inside = True
            elif self.inside and (self.hidden or "hidden" in names or "display:none" in style or tag in _HIDDEN_TAGS):
                self.hidden.append(tag)

        def handle_endtag(self, tag: str) -> None:
            if self.done or not self.inside:
                return
            if self.hidden:
                if tag == self.hidden[-1]:
                    self.hidden.pop()
            elif tag == "h1":
                self.done = True

        def handle_data(self, data: str) -> None:
            if self.inside and not self.done and not self.hidden:
                self.text.append(data)

    parser = _H1()
    try:
        parser.feed(html)
        parser.close()
    except (ValueError, AssertionError):  # a malformed fragment shows nothing reliable
        return None
    return "".join(parser.text) if parser.inside else None
