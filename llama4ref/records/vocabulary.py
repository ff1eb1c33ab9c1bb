"""The one vocabulary of free text: entities, attributes, intents and units, and a parser.

``compile_vocabulary`` (build time) merges the vocabulary records (``facts/vocabulary/``; each
language's words and fillers through llama4ref.records.vocabulary_languages) with
the names other records already give — variant ids and aliases, provider keys and names,
hardware, runtime-engine, benchmark, research and topic keys — into one JSON-ready table
shipped in the index. ``Lexicon`` (run time) reads that table and finds the terms a text
names: ``parse("how many experts does L4 Maverick have")`` gives the entity ``maverick``, the
attribute ``experts`` and the intent ``how-many``. Phrases are compared in a compact form
(lower case, letters and digits only), so "MMLU-Pro", "mmlu pro" and "mmlupro" are one phrase.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from llama4ref.paths import BENCHMARKS, FactPath

if TYPE_CHECKING:
    from llama4ref.diagnostics import Diagnostic
    from llama4ref.records.tree import Tree

MAX_WINDOW = 8
"""The longest phrase, in words, the parser looks for."""

_WORD = re.compile(
    r"[a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f\u01a0-\u01b0\u0218-\u021b\u0300-\u0323\u1ea0-\u1ef9"
    r"\u0390\u03ac-\u03ce\u0430-\u045f\u0491]+"
    r"|[\u0900-\u0963\u0966-\u097f]+|[\u0980-\u09e3\u09e6-\u09fe]+|[\u0b82-\u0bd7]+|[\u05d0-\u05ea]+"
    r"|[\u0620-\u065f\u066e-\u06d3]+|[\u0e01-\u0e4e]+"
    r"|[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7a3]"
)
"""Letter-and-digit runs, accented Latin (Vietnamese's horned and dotted vowels too: "mấy", "tổng";
Romanian's "ș", "ț"), Greek and Cyrillic letters included ("paramètres", "παράμετροι", "параметрів"),
Devanagari, Bengali and Tamil words with their vowel signs ("भाषाओं", "ছবি", "அடுக்குகள்"), Hebrew words ("טוקנים"), Arabic
and Persian words with their marks ("المستخدمين"), Thai runs as written between spaces ("แบบไหน"); each Chinese or Japanese
character and each Korean syllable is a word of its own ("活跃参数", "파라미터의": a particle
written onto a word leaves the word's syllables whole)."""
_GENERIC_NAMES = frozenset({"llama", "meta", "llama4", "nvidia", "oci", "vertex"})
"""Provider display names too generic to name a provider on their own (other records or the
vocabulary name these providers unambiguously)."""
_TOPIC_SKIP = frozenset({"providers", "runtime"})
_GPU_BRANDS = frozenset({"rtx", "gtx"})
"""A GPU line's brand, which people leave off before the model number ("scout on a 3090")."""


def machine_names(key: str) -> list[str]:
    """The names a machine's data sheet key (``rtx_3090``) is written by: the key in words, and
    without a GPU line's brand when a model number follows it ("3090", "a6000", "6000 ada")."""
    parts = key.split("_")
    names = [" ".join(parts)]
    if len(parts) > 1 and parts[0] in _GPU_BRANDS and any(c.isdigit() for c in parts[1]):
        names.append(" ".join(parts[1:]))
    return names


STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "for",
        "to",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "does",
        "do",
        "did",
        "has",
        "have",
        "had",
        "i",
        "me",
        "my",
        "we",
        "you",
        "your",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "what",
        "which",
        "who",
        "whom",
        "how",
        "when",
        "where",
        "why",
        "with",
        "by",
        "from",
        "at",
        "as",
        "can",
        "could",
        "should",
        "would",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "there",
        "their",
        "than",
        "then",
        "so",
        "if",
        "about",
        "into",
        "per",
        "llama",
        "4",
        "llama4",
        "model",
        "models",
        "meta",
        "s",
        "vs",
        "get",
        "use",
        "using",
        "used",
        "any",
        "some",
        "much",
        "many",
    ]
)
"""Words that carry no meaning for retrieval once the phrases are matched."""


def words(text: str) -> list[str]:
    """Lower-case letter-and-digit runs: the tokens phrases are matched over."""
    return _WORD.findall(text.casefold())


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each of ``words(text)`` lies in ``text`` (start, end), for text whose case folding
    keeps its length."""
    return [m.span() for m in _WORD.finditer(text.casefold())]


def compact(text: str) -> str:
    """The form phrases are compared in: letters and digits only, lower case."""
    return "".join(words(text))


# -- build time ----------------------------------------------------------------------------


def compile_vocabulary(tree: Tree, fact_paths: list[str]) -> dict[str, Any]:
    """The shipped table: ``terms`` (a list) and ``phrases`` (compact phrase → term indexes)."""
    from llama4ref.records.vocabulary_languages import filler_terms, language_words, written_with_languages

    terms: dict[tuple[str, str], dict[str, Any]] = {}

    def add(kind: str, tid: str, phrases: list[str], **extra: Any) -> None:
        written: tuple[str, ...] = extra.pop("written", ())
        term = terms.setdefault((kind, tid), {"id": tid, "kind": kind, "phrases": []} | extra)
        for p in phrases:
            if compact(p) and p not in term["phrases"]:
                term["phrases"].append(p)
        for p in written:  # other languages' words: parsed, not indexed as a fact's names (fulltext)
            if compact(p) and p not in term.setdefault("written", []):
                term["written"].append(p)

    for rec in tree.of_kind("variants"):
        v = rec.record
        add("entity", v.id, [v.id, v.name, *v.aliases], target=v.id, anywhere=True, cls="variant")
    names: dict[str, list[str]] = {}
    for path in map(FactPath.parse, fact_paths):
        if path.provider is not None and path.leaf == "provider_name":
            names.setdefault(path.provider, [])
        if path.table is not None:
            key = path.leaf
            add("entity", f"benchmark-{key}", [key.replace("_", " "), key], target=key, anywhere=True, cls="benchmark")
    bench_keys = {compact(t["target"]): t["target"] for (k, _), t in terms.items() if t.get("cls") == "benchmark"}
    for entry in tree.facts():
        fp = FactPath.parse(entry.path)
        if fp.provider is not None and fp.leaf == "provider_name" and isinstance(entry.spec.value, str):
            names[fp.provider].append(entry.spec.value)
        if fp.kind == BENCHMARKS and isinstance(entry.spec.qualifiers.get("benchmark"), str):
            name = str(entry.spec.qualifiers["benchmark"])
            key = bench_keys.get(compact(name), fp.leaf)  # "MMLU Pro" names mmlu_pro, not mmlu_pro_h100_fp8
            add("entity", f"benchmark-{key}", [name], target=key, anywhere=True, cls="benchmark")
    for key, shown in sorted(names.items()):
        usable = [n for n in shown if compact(n) not in _GENERIC_NAMES]
        add("entity", f"provider-{key}", [key.replace("_", " "), *usable], target=f"providers.{key}", cls="provider")
    parsed = [FactPath.parse(p) for p in fact_paths]
    for fp in parsed:
        if fp.area == "runtime" and fp.engine is not None:
            # anywhere: history.timeline.vllm_support and files.scout.ollama are the engine's too
            engine = {"target": f"runtime.{fp.engine}", "anywhere": True, "cls": "engine"}
            add("entity", f"engine-{fp.engine}", [fp.engine.replace("_", " ")], **engine)
            if fp.hardware is not None and fp.key:  # the hardware segment: 8xh100, m3ultra, multi_node
                add("entity", f"gpu-{fp.hardware}", [fp.hardware.replace("_", " ")], target=fp.hardware, anywhere=True, cls="gpu")
        elif fp.area == "hardware" and fp.hardware is not None:
            add(
                "entity",
                f"gpu-{fp.hardware}",
                machine_names(fp.hardware),
                target=f"hardware.{fp.hardware}",
                anywhere=True,
                cls="gpu",
            )
        elif fp.area == "research" and fp.entry is not None:
            add("entity", f"research-{fp.entry}", [fp.entry], target=f"research.{fp.entry}", cls="named")
    for key in sorted({fp.engine for fp in parsed if fp.area == "engines" and fp.engine is not None}):
        # engines.<key> (support, limits) and runtime.<key> (tested setups) are one engine's facts
        known_engine = terms.get(("entity", f"engine-{key}"))
        if known_engine is not None:
            known_engine.setdefault("also", []).append(f"engines.{key}")
        else:
            add("entity", f"engine-{key}", [key.replace("_", " ")], target=f"engines.{key}", anywhere=True, cls="engine")
    variants = {r.record.id for r in tree.of_kind("variants")}
    languages = language_words(tree)
    for top in topics(parsed, variants):
        words_of = tuple(languages.get(f"topic-{top}", ()))  # a language's words for the topic ("sicherheit": safety)
        add("entity", f"topic-{top}", [top.replace("_", " ")], written=words_of, target=top, anywhere=True, cls="topic")
    for rec in tree.of_kind("vocabulary"):
        for t in rec.record.terms:
            written = written_with_languages(t, languages)
            if t.kind == "entity":
                known = next((k for k, v in terms.items() if k[0] == "entity" and v["target"] == t.target), None)
                extra = {"target": t.target, "cls": "named", "anywhere": False}
                add("entity", known[1] if known else t.id, list(t.phrases), written=written, **extra)
            else:
                add(t.kind, t.id, list(t.phrases), written=written, path_words=list(t.path_words), units=list(t.units))
    for tid, fillers in filler_terms(tree):
        add("filler", tid, [], written=fillers, path_words=[], units=[])
    ordered = [terms[k] for k in sorted(terms)]
    phrases: dict[str, list[int]] = {}
    for i, term in enumerate(ordered):
        for p in [*term["phrases"], *term.get("written", ())]:
            ids = phrases.setdefault(compact(p), [])
            if i not in ids:
                ids.append(i)
    return {"terms": ordered, "phrases": dict(sorted(phrases.items()))}


def topics(parsed: list[FactPath], variants: set[str]) -> list[str]:
    """The topics the facts are grouped under (``safety``, ``finetuning``): each a ``topic-<key>`` entity."""
    # pieces[0], not head: a dotted comparison id gives its first piece ("llama-3" of llama-3.1-405b,
    # "gpt-4" of gpt-4.5) as a topic whose target prefixes those models' paths; kept as it was built
    return sorted({fp.pieces[0] for fp in parsed} - variants - _TOPIC_SKIP)


def check_vocabulary(tree: Tree, fact_paths: set[str]) -> list[Diagnostic]:
    """Entity targets must name facts; a phrase names one term per kind across the records; a
    language's file gives words only for terms the groups define (llama4ref.records.vocabulary_languages)."""
    from llama4ref.diagnostics import Diagnostic
    from llama4ref.records.vocabulary_languages import check_language_words

    out: list[Diagnostic] = []
    owners: dict[tuple[str, str], str] = {}
    for rec in tree.of_kind("vocabulary"):
        for i, t in enumerate(rec.record.terms):
            if t.target is not None and t.target not in fact_paths and not any(p.startswith(t.target + ".") for p in fact_paths):
                pos = rec.doc.position(("terms", i, "target"))
                out.append(
                    Diagnostic(str(rec.doc.path), pos, "L4R-T013", f"term {t.id!r}: no fact path is or starts with {t.target!r}")
                )
            for field, j, phrase in [
                *(("phrases", j, p) for j, p in enumerate(t.phrases)),
                *(("written", j, p) for j, p in enumerate(t.written)),
            ]:
                key = (t.kind, compact(phrase))
                mine = "filler" if t.kind == "filler" else f"{rec.record.id}:{t.id}"  # every filler means the same: nothing
                owner = owners.setdefault(key, mine)
                if owner != mine:
                    pos = rec.doc.position(("terms", i, field, j))
                    out.append(
                        Diagnostic(str(rec.doc.path), pos, "L4R-T017", f"phrase {phrase!r} already names {t.kind} {owner}")
                    )
    return out + check_language_words(tree, fact_paths, owners)


# -- run time ------------------------------------------------------------------------------


class Match(NamedTuple):  # named tuples, not dataclasses: `ask` stays within its start-up budget
    """A phrase found in the text and the terms it names."""

    text: str
    start: int  # word index
    end: int
    terms: tuple[dict[str, Any], ...]


class Parsed:
    """What a text names: matched phrases by kind, and the content words left over."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.matches: list[Match] = []
        self.rest: list[str] = []
        self.filler: set[str] = set()  # other languages' words that frame the text (filler terms)

    def of_kind(self, kind: str) -> list[dict[str, Any]]:
        return [t for m in self.matches for t in m.terms if t["kind"] == kind]


class Lexicon:
    """The compiled vocabulary, ready to parse text."""

    def __init__(self, table: Mapping[str, Any]) -> None:
        self.terms: list[dict[str, Any]] = table["terms"]
        self._phrases: Mapping[str, list[int]] = table["phrases"]
        # indexes derived from the table, built once per table when first needed (a Lexicon is made per question)
        self._derived: dict[str, Any] = _DERIVED.setdefault(id(table), {"table": table})
        if self._derived["table"] is not table:  # (an id reused by another table)
            self._derived = _DERIVED[id(table)] = {"table": table}

    def known(self, compact_phrase: str) -> bool:
        return compact_phrase in self._phrases

    def _opens(self, key: str, word: str) -> bool:
        """Whether a phrase written ``key`` begins with the word ``word`` as written in the records."""
        return any(
            (words(p) or [""])[0] == word
            for i in self._phrases.get(key, ())
            for p in (*self.terms[i]["phrases"], *self.terms[i].get("written", ()))
            if compact(p) == key
        )

    def _closes(self, key: str, word: str) -> bool:
        """Whether a phrase written ``key`` ends with the word ``word`` as written in the records."""
        return any(
            (words(p) or [""])[-1] == word
            for i in self._phrases.get(key, ())
            for p in (*self.terms[i]["phrases"], *self.terms[i].get("written", ()))
            if compact(p) == key
        )

    def _thai_pieces(self, run: str) -> tuple[str, ...]:
        """A Thai run (written without spaces between words) cut at the known words it holds,
        longest first from the left ("เปิดตัววันไหน": the word for "launch", then "วันไหน"); the
        letters between known words stay together as one word."""
        thai: list[str] | None = self._derived.get("thai")
        if thai is None:
            thai = self._derived["thai"] = sorted((k for k in self._phrases if _THAI.fullmatch(k)), key=len, reverse=True)
        out: list[str] = []
        rest, i = "", 0
        while i < len(run):
            known = next((k for k in thai if run.startswith(k, i)), None)
            if known is None:
                rest += run[i]
                i += 1
                continue
            if rest:
                out.append(rest)
                rest = ""
            out.append(known)
            i += len(known)
        return (*out, rest) if rest else tuple(out)

    def _inflected(self, word: str) -> list[int] | None:
        """The terms of another language's word written in another form of it: a word that adds
        an ending of up to five letters to a known one ("commercialement": commercial;
        "eğitiminde": eğitim) or, written with a letter beyond ASCII, changes the known word's
        last letters ("температуру": температура). Only words of the ``written`` lists (other
        languages) of six letters or more are known so, so that English words sharing a Latin
        root ("distributed", "precise") keep their own readings."""
        if len(word) < _INFLECTED_MIN or not word.isalpha() or word in STOPWORDS:
            return None
        stems: dict[str, dict[str, list[int]]] | None = self._derived.get("stems")
        if stems is None:
            stems = self._derived["stems"] = {}
            for i, t in enumerate(self.terms):
                for p in t.get("written", ()):
                    k = compact(p)
                    if len(k) >= _INFLECTED_MIN and " " not in p.strip() and k.isalpha() and not _has_cjk(k):
                        stems.setdefault(k[: _INFLECTED_MIN - 1], {}).setdefault(k, []).append(i)
        best: tuple[int, list[int]] | None = None
        for known, ids in stems.get(word[: _INFLECTED_MIN - 1], {}).items():
            same = _shared(known, word)
            ok = (word.startswith(known) and len(word) - len(known) <= _ENDING) or (
                not word.isascii() and same >= max(_INFLECTED_MIN, len(known) - 2) and len(word) - same <= 3
            )
            if ok and (best is None or same > best[0]):
                best = (same, [i for i in ids if self.terms[i]["kind"] not in ("intent", "filler")])
        return best[1] or None if best else None

    def named_targets(self) -> frozenset[str]:
        """The fact paths named products stand for (Llama Guard 4's, Prompt Guard's): the dotted
        targets of the ``named`` entities, derived once per table."""
        targets: frozenset[str] | None = self._derived.get("named")
        if targets is None:
            targets = self._derived["named"] = frozenset(
                str(t["target"])
                for t in self.terms
                if t.get("kind") == "entity" and t.get("cls") == "named" and "." in str(t.get("target", ""))
            )
        return targets

    def phrase_words(self) -> set[str]:
        """Every word of every phrase (for spelling suggestions)."""
        return {w for t in self.terms for p in t["phrases"] for w in words(p)}

    def parse(self, text: str, question: bool = False) -> Parsed:
        """Longest phrases first; a word belongs to at most one phrase.

        ``question`` reads a question (``ask``, ``search``) rather than a document (claims): a
        size and its unit written together ("24GB") are two words, a phrase may be written in
        its other number ("attention chunks") or as a comparative ("cheaper"), and a model's name keeps the attribute it also
        says ("128E": routed experts). A document's values are read exactly as written."""
        toks = [p for w in words(text) for p in unit_split(w)] if question else words(text)
        if question and any(_THAI.fullmatch(t) for t in toks):
            toks = [p for t in toks for p in (self._thai_pieces(t) if _THAI.fullmatch(t) else (t,))]
        parsed = Parsed(toks)
        used = [False] * len(toks)
        for size in range(min(MAX_WINDOW, len(toks)), 0, -1):
            for start in range(len(toks) - size + 1):
                if any(used[start : start + size]):
                    continue
                key = "".join(toks[start : start + size])
                if size > 1 and toks[start] in _ARTICLES and toks[start + 1][:1].isalpha() and not self._opens(key, toks[start]):
                    continue  # "o Llama 4" (Portuguese "the") is no "ollama"; "a single h100" is a phrase
                last = toks[start + size - 1]
                if size > 1 and last in _ARTICLES and toks[start + size - 2][-1:].isalpha() and not self._closes(key, last):
                    continue  # nor does one end a name: "le « i »" (French) is no "lei" (Portuguese "law")
                ids = self._phrases.get(key) or (
                    _plural(self, key) or _compared(self, key, size) or (self._inflected(key) if size == 1 else None)
                    if question
                    else None
                )
                if not ids or (size == 1 and key in STOPWORDS and not _named_stopword(self, ids)):
                    continue
                for i in range(start, start + size):
                    used[i] = True
                terms = tuple(self.terms[i] for i in ids)
                if all(t["kind"] == "filler" for t in terms):
                    parsed.filler.update(toks[start : start + size])  # read, and set aside: nothing to look up
                    continue
                if not question and any(t.get("cls") == "variant" for t in terms):
                    terms = tuple(t for t in terms if t["kind"] != "attribute")
                parsed.matches.append(Match(" ".join(toks[start : start + size]), start, start + size, terms))
        parsed.matches.sort(key=lambda m: m.start)
        parsed.rest = [w for w, u in zip(toks, used, strict=True) if not u and w not in STOPWORDS]
        return parsed


_DERIVED: dict[int, dict[str, Any]] = {}
"""Per shipped or built table (by identity): the Thai words, other languages' word stems and the named products' targets."""
_ARTICLES = frozenset({"o", "a", "e", "y", "i"})
"""One-letter words (articles, "and") that never begin or end a name written in parts."""
_THAI = re.compile(r"[\u0e01-\u0e4e]+")
_CJK_RANGES = (("\u3040", "\u30ff"), ("\u3400", "\u9fff"), ("\uf900", "\ufaff"), ("\uac00", "\ud7a3"))
"""Kana, CJK ideographs and Hangul syllables: the letters that are words of their own (as in _WORD)."""


def _has_cjk(word: str) -> bool:
    """Whether ``word`` holds a character of _CJK_RANGES. A plain test, not a compiled character class:
    compiling a class this wide costs ~3 ms at every start, more than every check of a run."""
    return any(lo <= c <= hi for c in word for lo, hi in _CJK_RANGES)


_INFLECTED_MIN = 6  # letters a word needs before another form of it is read as the word
_ENDING = 5  # the most letters an ending may add ("commercial" + "ement")


def _shared(a: str, b: str) -> int:
    """How many letters two words share from the start."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def word_runs(ws: list[str]) -> frozenset[str]:
    """Runs of words written together that may spell a path segment: two to four words holding a
    digit ("iq1 s", "llama 4"), single words mixing letters and digits, and any three or four
    words ("tokens per active parameter")."""
    runs = {"".join(ws[i:j]) for i in range(len(ws)) for j in range(i + 2, min(i + 4, len(ws)) + 1)}
    runs |= {w for w in ws if not w.isdigit() and not w.isalpha()}
    long = {"".join(ws[i:j]) for i in range(len(ws)) for j in range(i + 3, min(i + 4, len(ws)) + 1)}
    return frozenset({r for r in runs if any(c.isdigit() for c in r) and len(r) >= 3} | long)


def segment_runs(segs: list[str]) -> list[str]:
    """The path's segments, and runs of a segment's underscore-separated parts, written together:
    what a text may name by writing it out ("ud_iq1_s": "iq1s", "udiq1s"; "llama4_herd": "llama4")."""
    out = []
    for seg in segs[1:]:
        parts = seg.split("_")
        out.append("".join(parts))
        out += ["".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1) if j - i < len(parts)]
    return out


_SIZE = re.compile(r"(\d+)(gb|gib|tb|mb|gbs|px)")


def unit_split(word: str) -> tuple[str, ...]:
    """A size written with its unit ("24gb", "448px") is a number and a unit word, as "24 GB" is."""
    m = _SIZE.fullmatch(word)
    return (m.group(1), m.group(2)) if m else (word,)


def _plural(lex: Lexicon, key: str) -> list[int] | None:
    """The terms of a phrase's other number, when it has none of its own ("attention chunks" finds
    "attention chunk", "expert counts" finds "expert count"); intents are phrased exactly."""
    if len(key) < 4 or key[-1].isdigit():
        return None
    other = key[:-1] if key.endswith("s") else key + "s"
    ids = [
        i for i in lex._phrases.get(other, ()) if lex.terms[i]["kind"] not in ("intent", "filler")
    ]  # "what" is no "whats"; "loss" no "los"
    return ids or None


def _compared(lex: Lexicon, key: str, size: int) -> list[int] | None:
    """The attributes of a one-word phrase written as a comparative or superlative ("cheaper",
    "cheapest": cheap; "bigger": big; "heavier": heavy): which is cheaper asks about the price."""
    if size != 1 or len(key) < 5:
        return None
    for end in ("est", "er"):
        if key.endswith(end):
            stem = key[: -len(end)]
            for base in (
                stem,
                stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "",
                stem[:-1] + "y" if stem.endswith("i") else "",
            ):
                ids = [i for i in lex._phrases.get(base, ()) if lex.terms[i]["kind"] == "attribute"] if base else []
                if ids:
                    return ids
    return None


def _named_stopword(lex: Lexicon, ids: list[int]) -> bool:
    """A stop word counts only where it is an intent's whole phrase ("when", "which")."""
    return any(lex.terms[i]["kind"] == "intent" for i in ids)
