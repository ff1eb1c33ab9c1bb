"""A model card as a reader sees it: the displayed prose and links of its Markdown/HTML body.

The Hub shows a card's body rendered; the YAML front matter is metadata (a few fields appear
in the sidebar, see :mod:`llama4ref.compliance.card`). This module parses the body with
markdown-it-py (CommonMark plus tables and strikethrough, as the Hub renders) and keeps, per
block, the text a reader sees and the links a reader can follow. Policy:

* **Displayed**: paragraphs, headings, list items, table cells, block quotes, inline code and
  the text of HTML elements (``<p>``, ``<a>``, ``<details>`` …), with emphasis and link markup
  removed (``Built with **Llama**`` and ``Built with [Llama](…)`` read "Built with Llama").
* **Not displayed**: the front matter, HTML comments, ``<script>``/``<style>``/``<template>``
  and elements with a ``hidden`` attribute, fenced and indented code blocks (shown as code,
  not as the card's own statement), image alt text and link titles.
* **Images**: the alt text of each image a reader is shown (Markdown ``![alt](…)``, HTML
  ``<img alt=…>`` outside hidden parts) is kept apart, with its line: it is what the image
  stands for (a "Built with Llama" badge), not displayed prose.
* **Code**: the content of fenced and indented code blocks is kept apart too, so a checker can
  say where a phrase it looked for was found instead.
* **Links**: the targets of Markdown links, autolinks and ``<a href>``, and bare ``http(s)``
  URLs in displayed text (the Hub turns them into links). A URL inside a code block or a
  comment is not a link.

Block line numbers are 1-based lines of the card file (front matter included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+", re.IGNORECASE)
HIDDEN_TAGS = frozenset({"script", "style", "template", "noscript", "head", "title", "pre"})
"""Elements whose content is not displayed prose (``<pre>`` is code, as a fenced block is)."""
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True)
class Block:
    """One displayed block: its text as shown (whitespace collapsed) and its first line."""

    text: str
    line: int


@dataclass(frozen=True)
class RenderedCard:
    """What a reader sees of a card body: displayed blocks and followable links."""

    blocks: tuple[Block, ...]
    links: tuple[tuple[str, int], ...]
    """(URL, line) for every link target and displayed bare URL."""
    images: tuple[Block, ...] = ()
    """The alt text of every image shown (a badge's words), with its line."""
    code: tuple[Block, ...] = ()
    """The content of every fenced or indented code block, with its first line."""


def body_of(text: str) -> tuple[str, int]:
    """The card text after its front matter, and the 0-based line offset where it starts."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r ") != "---":
        return text, 0
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r ") in ("---", "..."):
            return "\n".join(lines[i + 1 :]), i + 1
    return "", len(lines)


def render(text: str) -> RenderedCard:
    """Parse a whole card (front matter is skipped) into displayed blocks and links."""
    from markdown_it import MarkdownIt  # lazily: only the repository check needs it

    body, offset = body_of(text)
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    blocks: list[Block] = []
    links: list[tuple[str, int]] = []
    images: list[Block] = []
    code: list[Block] = []
    current: list[str] = []
    start = [offset + 1]

    def flush() -> None:
        shown = " ".join("".join(current).split())
        if shown:
            blocks.append(Block(shown, start[0]))
        current.clear()

    for tok in md.parse(body):
        line = offset + 1 + (tok.map[0] if tok.map else 0)
        if tok.type in ("fence", "code_block"):
            flush()
            code.append(Block(tok.content, line))
            continue
        if tok.type == "html_block":
            flush()
            shown, hrefs, alts = _html_text(tok.content)
            images.extend(Block(alt, line) for alt in alts)
            for piece in shown:
                blocks.append(Block(piece, line))
            links.extend((h, line) for h in hrefs)
            links.extend((u, line) for piece in shown for u in _bare_urls(piece))
            continue
        if tok.type == "inline":
            if not current:
                start[0] = line
            _inline(tok.children or [], current, links, line, images)
            current.append(" ")
            continue
        if tok.type.endswith("_close") and tok.type in (
            "paragraph_close",
            "heading_close",
            "th_close",
            "td_close",
            "list_item_close",
            "blockquote_close",
        ):
            flush()
    flush()
    for block in blocks:
        links.extend((u, block.line) for u in _bare_urls(block.text))
    return RenderedCard(tuple(blocks), tuple(dict.fromkeys(links)), tuple(images), tuple(code))


def _inline(children: list[Any], out: list[str], links: list[tuple[str, int]], line: int, images: list[Block]) -> None:
    hidden: list[str] = []  # open inline elements that hide their content (<span hidden>, <script>)
    for child in children:
        kind = child.type
        if kind == "html_inline":
            tag = _TAG.match(child.content.strip())
            if tag and not child.content.lstrip().startswith("<!--"):
                closing, name, rest = tag.group(1), tag.group(2).lower(), tag.group(3).lower()
                if closing and hidden and hidden[-1] == name:
                    hidden.pop()
                    continue
                if (
                    not closing
                    and not rest.rstrip().endswith("/")
                    and name not in VOID_TAGS
                    and (
                        hidden
                        or name in HIDDEN_TAGS
                        or re.search(r"(^|\s)hidden(\s|=|$)", rest)
                        or "display:none" in rest.replace(" ", "")
                    )
                ):
                    hidden.append(name)
                    continue
        if hidden:
            continue
        if kind in ("text", "code_inline"):
            out.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "link_open":
            href = child.attrGet("href")
            if isinstance(href, str) and href:
                links.append((href, line))
        elif kind == "html_inline":
            shown, hrefs, alts = _html_text(child.content, inline=True)
            out.append(" ".join(shown) if shown and not child.content.startswith("<!--") else "")
            links.extend((h, line) for h in hrefs)
            images.extend(Block(alt, line) for alt in alts)
        elif kind == "image":  # its alt text is what the image stands for, not displayed prose
            alt = " ".join(child.content.split())
            if alt:
                images.append(Block(alt, line))


def _bare_urls(text: str) -> list[str]:
    return [m.group(0).rstrip(".,;:!?") for m in _URL.finditer(text)]


def _html_text(html: str, *, inline: bool = False) -> tuple[list[str], list[str], list[str]]:
    """Displayed text pieces, link targets and image alt texts of an HTML fragment (comments and
    hidden parts dropped)."""
    parser = _Visible()
    try:
        parser.feed(html)
        parser.close()
    except (ValueError, AssertionError):  # a malformed fragment shows nothing reliable
        return [], [], []
    pieces = [" ".join(p.split()) for p in parser.pieces]
    if inline:
        return ["".join(parser.pieces)] if "".join(parser.pieces).strip() else [], parser.hrefs, parser.alts
    return [p for p in pieces if p], parser.hrefs, parser.alts


class _Visible(HTMLParser):
    """Collects visible text (split at block-level tags) and ``<a href>`` targets."""

    _BLOCK = frozenset(
        {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "table"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = [""]
        self.hrefs: list[str] = []
        self.alts: list[str] = []
        self._hidden: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden:  # inside a hidden element: nothing shows (a void tag such as <img> opens nothing)
            if tag not in VOID_TAGS:
                self._hidden.append(tag)
            return
        names = {k.lower(): v for k, v in attrs}
        style = (names.get("style") or "").replace(" ", "").lower()
        if tag in HIDDEN_TAGS or "hidden" in names or "display:none" in style:
            if tag not in VOID_TAGS:
                self._hidden.append(tag)
            return
        if tag == "a" and names.get("href"):
            self.hrefs.append(str(names["href"]))
        if tag == "img" and " ".join((names.get("alt") or "").split()):
            self.alts.append(" ".join(str(names["alt"]).split()))
        if tag in self._BLOCK:
            self.pieces.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            if tag in self._hidden:
                while self._hidden and self._hidden.pop() != tag:
                    pass
            return
        if tag in self._BLOCK:
            self.pieces.append("")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.pieces[-1] += data
