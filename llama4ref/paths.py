"""The fact-path grammar: one :class:`FactPath` type, and every parse of a fact path goes through it.

A fact path names one fact. Its first component, the *head*, is the subject a record writes
about: a variant id (``scout``, ``llama-3.1-405b``) or a topic area (``training``,
``providers``). The *segments* after it are snake_case words::

    path      = head ( "." segment )*
    head      = variant-id | area
    variant-id= word ( "." version )*     e.g. scout, gpt-4o, llama-3.1-405b, claude-sonnet-3.7
    area      = segment                   e.g. providers, runtime, training
    segment   = [a-z0-9_]+                (the first one after a hyphenated id: not digit-first)

A variant id may contain dots (``llama-3.1-405b``); a piece after a dot belongs to the id while
it begins with a digit and the id's first piece contains a hyphen (topic areas are snake_case,
so never hyphenated). The stored records keep to this: tests/test_paths.py parses every stored
path and checks every variant id.

Some areas give their first segments fixed meanings (:data:`LAYOUTS`)::

    providers.<provider>.<variant>.<key...>             providers.groq.scout.price.input
    runtime.<engine>.<variant>.<hardware>.<key...>      runtime.vllm.scout.8xh100.max_context
    engines.<engine>.<key...>                           engines.vllm.text.support
    hardware.<hardware>.<key...>                        hardware.h100.memory_gb
    files.<variant>.<key...>                            files.scout.mlx.4bit.bytes
    history.<entry>.<key...>                            history.timeline.vllm_support
    research.<entry>.<key...>                           research.cgpo.arxiv_id

and a variant's benchmark results sit in tables::

    <variant>.benchmarks.<table>.<benchmark>            scout.benchmarks.blog.mmlu_pro
    <variant>.benchmarks.<benchmark>                    maverick.benchmarks.lmarena_elo (no table)

Every other path is ``<head>.<key...>`` (``scout.params.total``, ``training.data.cutoff``).
Whether a one-word head such as ``scout`` is a variant or a topic area is the records' to say
(:meth:`FactPath.subject_variant`); the grammar names the variant only where its place is fixed.

>>> p = FactPath.parse("providers.groq.scout.price.input")
>>> (p.kind, p.provider, p.variant, p.key)
('providers', 'groq', 'scout', 'price.input')
>>> str(p)
'providers.groq.scout.price.input'
>>> r = FactPath.parse("runtime.vllm.maverick.8xh100.max_context")
>>> (r.engine, r.variant, r.hardware, r.key)
('vllm', 'maverick', '8xh100', 'max_context')
>>> b = FactPath.parse("llama-3.1-405b.benchmarks.pretrained.mmlu_pro")
>>> (b.head, b.kind, b.variant, b.table, b.benchmark, b.key)
('llama-3.1-405b', 'benchmarks', 'llama-3.1-405b', 'pretrained', 'mmlu_pro', '')
>>> FactPath.parse("scout.params.total").subject_variant(["scout", "maverick"])
'scout'
>>> str(r.parent), r.startswith("runtime.vllm"), r.startswith("runtime.vl")
('runtime.vllm.maverick.8xh100', True, False)
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from functools import lru_cache
from typing import Final, NamedTuple

__all__ = ["BENCHMARKS", "LAYOUTS", "LICENSE_TERMS", "FactPath", "term_path"]

LAYOUTS: Final[dict[str, tuple[str, ...]]] = {
    "providers": ("provider", "variant"),
    "runtime": ("engine", "variant", "hardware"),
    "engines": ("engine",),
    "hardware": ("hardware",),
    "files": ("variant",),
    "history": ("entry",),
    "research": ("entry",),
}
"""Areas whose first segments have fixed meanings: area → the names of those segments, in order."""

BENCHMARKS: Final = "benchmarks"
"""The segment after a variant id under which its benchmark results sit."""

LICENSE_TERMS: Final = "license_terms"
"""The area under which each license term record is also a fact (``license_terms.naming_rule``):
a read-only view of the record (llama4ref.store.termviews), never stored in a fact sheet."""


def term_path(term_id: str) -> str:
    """The fact path of a license term record's view: its id as a snake_case segment.

    >>> term_path("aup-eu-multimodal")
    'license_terms.aup_eu_multimodal'
    """
    return f"{LICENSE_TERMS}.{term_id.replace('-', '_').replace('.', '_')}"


_SEGMENTS = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
_HEAD_PIECE = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")


class FactPath(NamedTuple):  # a named tuple, not a dataclass: `import dataclasses` costs start-up time
    """A parsed fact path: its head (variant id or area) and the segments after it."""

    head: str
    segments: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> FactPath:
        """The path ``text`` spells; :class:`ValueError` when it does not follow the grammar.

        >>> FactPath.parse("claude-sonnet-3.7.benchmarks.blog.mmmu").head
        'claude-sonnet-3.7'
        >>> FactPath.parse("hardware").segments
        ()
        >>> FactPath.parse("scout..x")
        Traceback (most recent call last):
        ValueError: not a fact path: 'scout..x'
        """
        return _parse(text)

    @classmethod
    def parse_or_none(cls, text: str) -> FactPath | None:
        """The path ``text`` spells, or None when it is not one (user input, a record under repair).

        >>> FactPath.parse_or_none("Scout!") is None
        True
        """
        try:
            return cls.parse(text)
        except ValueError:
            return None

    def __str__(self) -> str:
        return ".".join(self.parts)

    @property
    def parts(self) -> tuple[str, ...]:
        """The head and the segments."""
        return (self.head, *self.segments)

    @property
    def rest(self) -> str:
        """The segments after the head, joined by dots: a variant's fact key (``params.total``).

        >>> FactPath.parse("llama-3.1-405b.params.total").rest
        'params.total'
        """
        return ".".join(self.segments)

    @property
    def pieces(self) -> tuple[str, ...]:
        """Every dot-separated piece as written, a dotted variant id giving several: the words
        the full-text index and the question ranking match against, not the grammar's parts.

        >>> FactPath.parse("gpt-4.5.benchmarks.blog.mmmu").pieces
        ('gpt-4', '5', 'benchmarks', 'blog', 'mmmu')
        """
        return (*self.head.split("."), *self.segments)

    @property
    def leaf(self) -> str:
        """The last component (the head when there are no segments)."""
        return self.segments[-1] if self.segments else self.head

    @property
    def parent(self) -> FactPath | None:
        """The path one segment shorter; None for a bare head.

        >>> FactPath.parse("hardware.h100.name").parent
        FactPath(head='hardware', segments=('h100',))
        """
        return FactPath(self.head, self.segments[:-1]) if self.segments else None

    def child(self, *segments: str) -> FactPath:
        """This path with ``segments`` appended."""
        return FactPath(self.head, self.segments + segments)

    def startswith(self, prefix: FactPath | str) -> bool:
        """Whether ``prefix`` is this path or one of its ancestors (whole components only)."""
        pre = prefix if isinstance(prefix, FactPath) else FactPath.parse(prefix)
        return pre.head == self.head and self.segments[: len(pre.segments)] == pre.segments

    def after(self, prefix: FactPath | str) -> tuple[str, ...]:
        """The segments after ``prefix``; :class:`ValueError` when ``prefix`` is not an ancestor."""
        pre = prefix if isinstance(prefix, FactPath) else FactPath.parse(prefix)
        if not self.startswith(pre):
            raise ValueError(f"{self} is not under {pre}")
        return self.segments[len(pre.segments) :]

    @property
    def kind(self) -> str:
        """The area when :data:`LAYOUTS` names it, ``"benchmarks"`` for a benchmark result, else ``"subject"``."""
        if self.head in LAYOUTS:
            return self.head
        if self.segments[:1] == (BENCHMARKS,):
            return BENCHMARKS
        return "subject"

    def _named(self) -> tuple[tuple[str, ...], int]:
        """The names of the fixed segments and how many the path has."""
        kind = self.kind
        names: tuple[str, ...]
        if kind == BENCHMARKS:
            names = ("", "table", "benchmark") if len(self.segments) > 2 else ("", "benchmark")
        else:
            names = LAYOUTS.get(kind, ())
        return names, min(len(names), len(self.segments))

    def part(self, name: str) -> str | None:
        """The segment the grammar calls ``name`` (``provider``, ``engine``, ``table`` …), if the path has it."""
        names, have = self._named()
        return self.segments[names.index(name)] if name in names[:have] else None

    @property
    def area(self) -> str | None:
        """The area, when the head is one :data:`LAYOUTS` names."""
        return self.head if self.head in LAYOUTS else None

    @property
    def provider(self) -> str | None:
        return self.part("provider")

    @property
    def engine(self) -> str | None:
        return self.part("engine")

    @property
    def hardware(self) -> str | None:
        return self.part("hardware")

    @property
    def entry(self) -> str | None:
        return self.part("entry")

    @property
    def table(self) -> str | None:
        return self.part("table")

    @property
    def benchmark(self) -> str | None:
        return self.part("benchmark")

    @property
    def variant(self) -> str | None:
        """The variant where the grammar fixes its place (providers, runtime, files, benchmark results)."""
        return self.head if self.kind == BENCHMARKS else self.part("variant")

    @property
    def key(self) -> str:
        """The segments after the fixed ones, joined by dots ('' when none)."""
        _, have = self._named()
        return ".".join(self.segments[have:])

    def subject_variant(self, variant_ids: Collection[str]) -> str | None:
        """The variant the path is about, given the records' variant ids: the one the grammar
        places, else the head when it is a variant id."""
        return self.variant or (self.head if self.head in variant_ids else None)

    def mentions(self, variant_ids: Iterable[str]) -> str | None:
        """The first of ``variant_ids`` that is the head or one of the segments."""
        for vid in variant_ids:
            if vid == self.head or vid in self.segments:
                return vid
        return None


@lru_cache(maxsize=16384)
def _parse(text: str) -> FactPath:
    """:meth:`FactPath.parse`, remembered: the same few thousand paths are read again and again."""
    pieces = text.split(".")
    if not _HEAD_PIECE.fullmatch(pieces[0]):
        raise ValueError(f"not a fact path: {text!r}")
    cut = 1
    if "-" in pieces[0]:
        while cut < len(pieces) and pieces[cut][:1].isdigit() and _HEAD_PIECE.fullmatch(pieces[cut]):
            cut += 1
    segments = tuple(pieces[cut:])
    if segments and not _SEGMENTS.fullmatch(".".join(segments)):
        raise ValueError(f"not a fact path: {text!r}")
    return FactPath(".".join(pieces[:cut]), segments)
