"""One language's words for the vocabulary's terms: the per-language files of ``facts/vocabulary/``.

A language's file is named by its BCP 47 tag (``de.yaml``, ``zh.yaml``) and gives ``words`` (a
term id of the groups → the words people write for it in that language) and ``fillers`` (the
words it frames a question with). At build time (llama4ref.records.vocabulary's
``compile_vocabulary``) a term's words from every language are read as its ``written`` words
(:func:`language_words`, :func:`written_with_languages`) and each file's fillers become one
``filler`` term (:func:`filler_terms`). :func:`check_language_words` checks that a file's keys
name terms the groups define (``L4R-T018``) and that no word names two terms of one kind
(``L4R-T017``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from llama4ref.paths import FactPath
from llama4ref.records.vocabulary import compact, topics

if TYPE_CHECKING:
    from llama4ref.diagnostics import Diagnostic
    from llama4ref.records.models.vocabulary import Term
    from llama4ref.records.tree import Tree

LANGUAGE_KINDS = ("attribute", "entity", "intent")
"""The kinds of term a language's file gives words for (a unit's words stay with the unit, so
that reading a document's counts keeps to the words its units list)."""


def language_words(tree: Tree) -> dict[str, list[str]]:
    """Term id → the words every language's file gives for it, in file order."""
    out: dict[str, list[str]] = {}
    for rec in tree.of_kind("vocabulary"):
        for tid, ws in rec.record.words.items():
            out.setdefault(tid, []).extend(ws)
    return out


def written_with_languages(term: Term, languages: dict[str, list[str]]) -> tuple[str, ...]:
    """A group's term's ``written`` words followed by the words the languages' files give for it
    (``languages``: :func:`language_words`), for the kinds a language gives words for."""
    return (*term.written, *(languages.get(term.id, ()) if term.kind in LANGUAGE_KINDS else ()))


def filler_terms(tree: Tree) -> list[tuple[str, tuple[str, ...]]]:
    """Each language's fillers as one filler term: (``filler-<file id>``, its words), in file order."""
    return [(f"filler-{rec.record.id}", tuple(rec.record.fillers)) for rec in tree.of_kind("vocabulary") if rec.record.fillers]


def check_language_words(tree: Tree, fact_paths: set[str], owners: dict[tuple[str, str], str]) -> list[Diagnostic]:
    """A language's file gives words only for terms the groups define (or the topics the fact
    paths give), and no word names a second term of a kind. ``owners`` (kind, compact phrase) →
    the term that phrase names, as the groups' phrases left it; extended with the words."""
    import difflib

    from llama4ref.diagnostics import Diagnostic

    out: list[Diagnostic] = []
    defined: dict[str, list[tuple[str, str]]] = {}  # term id → (kind, owner) of each term a language may name
    variants = {r.record.id for r in tree.of_kind("variants")}
    for top in topics([FactPath.parse(p) for p in fact_paths], variants):
        defined[f"topic-{top}"] = [("entity", f"topic-{top}")]
    for rec in tree.of_kind("vocabulary"):
        for t in rec.record.terms:
            if t.kind in LANGUAGE_KINDS and (t.kind, f"{rec.record.id}:{t.id}") not in defined.get(t.id, []):
                defined.setdefault(t.id, []).append((t.kind, f"{rec.record.id}:{t.id}"))
    for rec in tree.of_kind("vocabulary"):
        for tid, ws in rec.record.words.items():
            if tid not in defined:
                close = difflib.get_close_matches(tid, sorted(defined), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                pos = rec.doc.position(("words", tid, "__key__"))
                out.append(
                    Diagnostic(
                        str(rec.doc.path), pos, "L4R-T018", f"no attribute, entity, intent or topic term is called {tid!r}{hint}"
                    )
                )
                continue
            for j, word in enumerate(ws):
                for kind, mine in defined[tid]:
                    owner = owners.setdefault((kind, compact(word)), mine)
                    if owner != mine:
                        pos = rec.doc.position(("words", tid, j))
                        out.append(Diagnostic(str(rec.doc.path), pos, "L4R-T017", f"word {word!r} already names {kind} {owner}"))
    return out  # a language's fillers may repeat any filler's: every filler means the same, nothing
