"""Words as the lexicon reads them, with their places in the text as written.

Text scraped from a page often loses the spaces between words ("TokensToken EmbeddingHidden",
"layersRMSNorm", "Diamond78%"); each part is read as a word of its own, while every word keeps
its offsets in the original text so a statement's position stays exact.
"""

from __future__ import annotations

import bisect
import re

from llama4ref.records.vocabulary import word_spans

_GLUE = re.compile(r"(?<=[a-z]{2})(?=[A-Z]{1,4}[a-z])|(?<=[A-Za-z]{3})(?=\d)|(?<=\d[xX×])(?=[A-Za-z]{1,4}\d)")
"""Where two words run together: a lower-case run then a capital ("headsHead"), a word then a
digit, or a GPU count then the GPU ("8xH100", "2xA100")."""
_SIMPLIFIED = str.maketrans(
    "躍參數專個萬億長層頭詞彙總態訓練據釋發佈語種維隱窗門專節點開",
    "跃参数专个万亿长层头词汇总态训练据释发布语种维隐窗门专节点开",
)
"""Traditional Chinese characters of spec labels, folded one for one to the simplified forms the
vocabulary spells ("活躍參數" → "活跃参数"); offsets do not move."""


def unglued(text: str) -> str:
    """``text`` with a space at each point where two words run together, traditional Chinese
    characters in their simplified form, and a multiplication sign as the word "x" (for the lexicon)."""
    return _GLUE.sub(" ", _times(text)).translate(_SIMPLIFIED)


def _times(text: str) -> str:
    """``text`` with each multiplication sign written "x" (same length): a word between two counts,
    as "x" is ("128 experts × 16 MoE layers": 16 is next to its own attribute, not to "experts")."""
    return text.replace("\u00d7", "x")


class Words:
    """Word index ↔ character offset (in the text as written) for the lexicon's tokens of its
    unglued form."""

    def __init__(self, text: str) -> None:
        cuts = sorted(m.start() for m in _GLUE.finditer(text))
        self.spans: list[tuple[int, int]] = []
        for start, end in word_spans(_times(text)):
            for cut in (c for c in cuts if start < c < end):
                self.spans.append((start, cut))
                start = cut
            self.spans.append((start, end))
        folded = text.casefold()
        self.tokens = [folded[a:b] for a, b in self.spans]
        self._ends = [e for _, e in self.spans]  # increasing: the spans are in order and do not overlap
        self._counts: dict[frozenset[str], list[int]] = {}

    def index(self, offset: int) -> int:
        """The index of the word that ends after ``offset`` (the number of words when none does)."""
        return bisect.bisect_right(self._ends, offset)

    def count_between(self, start: int, end: int, among: frozenset[str]) -> int:
        """How many of the words ``start`` to ``end`` (a slice of :attr:`tokens`) are in ``among``,
        from running counts made once per word set: a long table read as one sentence asks this
        for every value and phrase."""
        counts = self._counts.get(among)
        if counts is None:
            counts = self._counts[among] = [0]
            for w in self.tokens:
                counts.append(counts[-1] + (w in among))
        n = len(self.tokens)
        start, end = min(max(start, 0), n), min(max(end, 0), n)
        return counts[end] - counts[start] if end > start else 0

    def after(self, end: int) -> int:
        """The index of the first word after a value ending at offset ``end`` ("400B+ total": "total")."""
        i = self.index(end - 1)
        return i + 1 if i < len(self.spans) and self.spans[i][0] < end else i

    def char(self, index: int) -> int:
        return self.spans[index][0] if index < len(self.spans) else (self.spans[-1][1] if self.spans else 0)


_ABBREVIATION = re.compile(r"\s*\(([A-Za-z]{2,6})\)")
_WORDS_BEFORE = re.compile(r"[A-Za-z]+(?:[\s-]+[A-Za-z]+){0,5}$")


def unabbreviated(text: str) -> str:
    """``text`` with each abbreviation in parentheses that spells the initials of the words just
    before it blanked (same length): "mixture-of-experts (MoE) layers" reads as "mixture-of-experts
    layers", one phrase, as it would without the reminder; any other parentheses kept."""

    def blank(m: re.Match[str]) -> str:
        before = _WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())
        initials = "".join(w[0] for w in re.split(r"[\s-]+", before.group(0)) if w) if before else ""
        short = m.group(1).casefold()
        return " " * len(m.group(0)) if initials.casefold().endswith(short) else m.group(0)

    return _ABBREVIATION.sub(blank, text)
