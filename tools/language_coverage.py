"""How much of the vocabulary each language covers, and the floor it may not fall below.

Each language's words live in its own file, ``facts/vocabulary/<bcp47>.yaml`` (a term id → the
words people write for it), so coverage is a count: the terms a language gives words for, out of
the terms any language does. This tool prints that count per language and, on request, the
term × language table; ``tests/test_vocabulary_languages.py`` fails when a language loses a term
the committed floor (``tests/language_coverage.json``) says it covers, or covers too few.

    python -m tools.language_coverage            # per language: terms covered, words
    python -m tools.language_coverage --terms    # the term × language table
    python -m tools.language_coverage --clashes  # Latin-script words that are also English words
    python -m tools.language_coverage --write    # record today's coverage as the floor

``--clashes`` is the measure for a Latin-script word that is also English, or that an English word
extends by an ending of up to five letters (the lexicon reads "processor" as a form of Romanian
"proces"): such a word would read an English question as naming the term. It lists the language words written in ASCII that the
records' own English text writes (values, quotes, notes, the vocabulary's English phrases) and
that are not already the same term's phrases or written words.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from llama4ref.records.vocabulary import _ENDING, _INFLECTED_MIN

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts"
FLOOR = ROOT / "tests" / "language_coverage.json"

LANGUAGES: tuple[str, ...] = (
    "zh", "ja", "ko", "es", "fr", "de", "ru", "uk", "pt", "it", "vi", "hi", "bn", "id", "ms", "tr", "pl", "cs",
    "nl", "sv", "da", "no", "ro", "el", "he", "fa", "ar", "th",
    "fi", "hu", "et", "is", "sk", "sl", "hr", "sr", "bg", "lt", "lv", "ca", "sw", "tl", "ta", "ur", "mr",
)  # fmt: skip
"""The languages every question-answering term should have words in."""

MIN_SHARE = 0.9
"""The least share of the covered terms each listed language must give words for."""


def coverage(facts: Path = FACTS) -> dict[str, dict[str, list[str]]]:
    """Language tag → term id → its words, from the language files of the facts tree at ``facts``."""
    from llama4ref.records.tree import load_tree

    tree = load_tree(facts)
    out: dict[str, dict[str, list[str]]] = {}
    for rec in tree.of_kind("vocabulary"):
        if rec.record.language is not None:
            out[rec.record.id] = {tid: list(ws) for tid, ws in rec.record.words.items()}
    return dict(sorted(out.items()))


def names(facts: Path = FACTS) -> dict[str, str]:
    """Language tag → its English name."""
    from llama4ref.records.tree import load_tree

    return {r.record.id: str(r.record.language) for r in load_tree(facts).of_kind("vocabulary") if r.record.language}


def clashes(cov: dict[str, dict[str, list[str]]], facts: Path = FACTS) -> list[tuple[str, str, str]]:
    """(language, term, word) for each ASCII word a language gives that English writes too (a word
    of the records' own English text: values, quotes, notes and the vocabulary's phrases) and that
    is not among the same term's English phrases."""
    import yaml

    from llama4ref.records.vocabulary import compact, words

    english: set[str] = set()
    own: dict[str, set[str]] = {}
    for f in sorted(facts.glob("*/*.yaml")):
        if f.parent.name != "vocabulary":
            english.update(words(f.read_text(encoding="utf-8")))
            continue
        for t in yaml.safe_load(f.read_text(encoding="utf-8")).get("terms", ()):
            if t["kind"] == "unit":  # a language's words go to the attribute of the id, not to its unit
                english.update(w for p in t.get("phrases", ()) for w in words(p))
                continue
            own.setdefault(t["id"], set()).update(compact(p) for p in (*t.get("phrases", ()), *t.get("written", ())))
            english.update(w for p in t.get("phrases", ()) for w in words(p))
    out = []
    for lang, terms in cov.items():
        for tid, ws in terms.items():
            for w in ws:
                mine = own.get(tid, {tid.removeprefix("topic-")})  # a topic's phrase is its key
                k = compact(w)
                if not w.isascii() or " " in w or k in mine:
                    continue
                grown = (
                    e for e in english if _grows(k, e) and not any(e.startswith(m) for m in mine)
                )  # "licensee": the license still
                if k in english or (len(k) >= _INFLECTED_MIN and next(grown, None) is not None):
                    out.append((lang, tid, w))
    return out


def _grows(stem: str, word: str) -> bool:
    """Whether the lexicon would read ``word`` as another form of ``stem`` (an ending of up to
    five letters: "proces" → "processor")."""
    return word != stem and word.startswith(stem) and len(word) - len(stem) <= _ENDING


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--terms", action="store_true", help="print the term × language table")
    ap.add_argument("--clashes", action="store_true", help="list ASCII words that English questions also write")
    ap.add_argument("--write", action="store_true", help=f"record the coverage as the floor ({FLOOR.relative_to(ROOT)})")
    args = ap.parse_args(argv)
    cov = coverage()
    every = sorted({t for terms in cov.values() for t in terms})
    if args.write:
        FLOOR.write_text(json.dumps({k: sorted(v) for k, v in cov.items()}, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {FLOOR.relative_to(ROOT)}")
        return 0
    if args.clashes:
        found = clashes(cov)
        for lang, tid, w in found:
            print(f"{lang:3} {tid:24} {w}")
        print(f"{len(found)} ASCII word(s) the records' English text also writes")
        return 0
    if args.terms:
        print(f"{'term':24} " + " ".join(f"{k:>3}" for k in cov) + "  langs")
        for t in every:
            row = [(" ✓" if t in cov[k] else " ·").rjust(3) for k in cov]
            print(f"{t:24} " + " ".join(row) + f"  {sum(t in cov[k] for k in cov):5}")
        return 0
    named = names()
    print(f"{len(every)} terms have words in at least one of {len(cov)} languages")
    print(f"{'lang':5} {'name':12} {'terms':>5} {'share':>6} {'words':>6}")
    for k, terms in cov.items():
        share = len(terms) / len(every) if every else 0.0
        print(f"{k:5} {named.get(k, ''):12} {len(terms):5} {share:6.0%} {sum(map(len, terms.values())):6}")
    missing = [k for k in LANGUAGES if k not in cov]
    if missing:
        print(f"no file yet: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
