"""Word matching for the ranking (llama4ref.domain.ranking): crude stems, how rare a path part or a
word of a fact's text is, names spelt out inside a segment, and typo and split-name corrections."""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from functools import cache, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from llama4ref.paths import FactPath
from llama4ref.records.vocabulary import STOPWORDS
from llama4ref.store.fulltext import containing, known_words

if TYPE_CHECKING:
    import sqlite3

    from llama4ref.records.vocabulary import Lexicon, Match, Parsed

LONGEST_FUZZY_WORD = 64
"""The longest word typo correction and the joined-word needles consider. The longest word of
the vocabulary is 48 characters (a Hugging Face repo id written together,
metallamallama4maverick17b128einstructfp8original) and the longest indexed word 64 (a sha256 in
hex): a longer word is none of them, nor one slip from one. Without the cap one 20,000-character
word took 14 s (the joined needles are quadratic in its length); the word is still looked up as
written."""

NEGATIONS = frozenset({"non", "not"})
"""A word that says the text is not asking about what follows it ("non-moe layers", "non-english")."""


def named_in(term: dict[str, Any], flat_path: str) -> bool:
    """Whether a path spells out a named thing's several-word key inside a segment of its own
    ("history.timeline.llama_guard_4_model_card" is about llama_guard_4), or names the thing by
    its own short name where the term's target is one fact ("aup" names license.aup_url, and
    license.fingerprint.aup is about the AUP too)."""
    if term.get("cls", "named") != "named":
        return False
    key = FactPath.parse(term["target"]).leaf
    if "_" in key and f"_{key}_" in flat_path:
        return True
    short = str(term["id"]).replace("-", "_")
    return short != key and "_" in key and key.startswith(short + "_") and f"_{short}_" in flat_path


def routed_in(term: dict[str, Any], segs: list[str], providers: Collection[str]) -> bool:
    """Whether a provider the text names is one part of a path's compound provider key whose other
    part is another provider it names: a service one routes to the other ("groq-backed maverick on
    the llama api": providers.meta_llama_api_groq)."""
    if term.get("cls") != "provider" or len(segs) < 2 or segs[0] != "providers":
        return False
    key = str(term["target"]).split(".")[-1]
    return any(segs[1] in (f"{key}_{other}", f"{other}_{key}") for other in providers if other != key)


@lru_cache(maxsize=65536)  # the same path parts are stemmed for every question: once per process
def stem(w: str) -> str:
    """A crude English stem: "fixed", "fixes", "fixing" → "fix"; "layers" → "layer"."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def stem_in(w: str, seg: str) -> bool:
    """Whether a word and one of a path segment's parts share a stem of three letters or more
    ("scaled" of scale: a past form drops the "e" its part keeps; not "scaling", which asks about
    the scaling more than about a scale)."""
    base = stem(w)
    if len(base) < 3:
        return False
    stems = _part_stems(seg)
    return base in stems or (w.endswith("ed") and base + "e" in stems)


def nominal_in(w: str, seg: str) -> bool:
    """Whether a word is the verb of a noun that is a part of a path segment, or the noun of a verb
    that is ("evaluate" of evaluation_precision, "extend" of long_context_extension)."""
    return len(w) > 4 and any(nominal(w, p) for p in seg.split("_"))


_VERB_ENDS = ("", "e", "d", "de", "s", "es", "ed", "ing")
_NOUN_ENDS = ("ion", "ions", "sion", "sions", "tion", "tions", "ation", "ations", "ment", "ments")


@lru_cache(maxsize=65536)
def nominal(a: str, b: str) -> bool:
    """Whether one word is a verb and the other the noun made from it ("extend", extension;
    "evaluate", evaluation; "deploy", deployment): past a shared start of five letters or more, one
    has a verb's ending and the other a noun's ("token" is no tokenizer, "general" no generation)."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    if n < 5:
        return False
    ra, rb = a[n:], b[n:]
    return (ra in _VERB_ENDS and rb in _NOUN_ENDS) or (rb in _VERB_ENDS and ra in _NOUN_ENDS)


def joined_in(w: str, seg: str) -> bool:
    """Whether a word is two neighbouring parts of a path segment written together ("finetune" of
    fine_tune_beyond_supported, "pretrain" of pre_train)."""
    return len(w) > 5 and w in _joined_pairs(seg)


@cache
def _joined_pairs(seg: str) -> frozenset[str]:
    parts = seg.split("_")
    return frozenset(a + b for a, b in pairwise(parts))


@cache
def _part_stems(seg: str) -> frozenset[str]:
    return frozenset(stem(p) for p in seg.split("_"))


def reachable(words: Collection[str], paths: Collection[str], initials: Mapping[str, Collection[str]]) -> set[str]:
    """The left-over ``words`` that could name a segment of one of ``paths`` as the ranking reads a
    word in a segment (a form of it, a shared stem, two parts written together, the initials):
    tested once against the parts of every segment, so that a word no path can hold ("banana",
    a base64 run) is not tried against each fact in turn."""
    from llama4ref.domain.forms import word_forms  # (forms imports this module)

    segs = {x for p in paths for x in p.split(".")}
    parts = {x for seg in segs for x in seg.split("_")}
    stems = frozenset().union(*map(_part_stems, segs))
    joined = frozenset().union(*map(_joined_pairs, segs))
    by_start: dict[str, list[str]] = {}  # parts by their first five letters, which a verb and its noun share
    for x in parts:
        by_start.setdefault(x[:5], []).append(x)
    out = set()
    for w in words:
        base = stem(w)
        if (
            word_forms(w) & parts
            or (len(base) >= 3 and (base in stems or (w.endswith("ed") and base + "e" in stems)))
            or (len(w) > 5 and w in joined)
            or (len(w) > 4 and any(nominal(w, x) for x in by_start.get(w[:5], ())))
            or initials.get(w)
        ):
            out.add(w)
    return out


def rarity(n: int) -> float:
    """1 for a word only a few facts hold, falling towards 0 for a word hundreds hold."""
    return 1.0 if n <= 3 else max(0.0, 1.0 - math.log(n / 3) / math.log(100))


def literal(ws: list[str], segs: list[str]) -> bool:
    """Whether a run of two or more words, joined by underscores, is one of the path's segments
    (one word naming a segment is what an attribute match already counts)."""
    return not _joined_runs(tuple(ws)).isdisjoint(segs)


def literal_part(ws: list[str], segs: list[str]) -> int:
    """The deepest segment a phrase of two or more words, joined by underscores, is a run of the
    parts of ("flex attention" of flex_attention_fix_release), or -1. The whole phrase: a part of it
    may say the opposite ("special tokens" in "excluding the special tokens")."""
    if len(ws) < 2:
        return -1  # one word naming a path part is an attribute's or a left-over word's business
    run = "_" + "_".join(ws) + "_"
    return max((i for i, s in enumerate(segs) if run in f"_{s}_"), default=-1)


@lru_cache(maxsize=1024)
def _joined_runs(ws: tuple[str, ...]) -> frozenset[str]:
    """Every run of two or more of ``ws``, joined by underscores (a question's, computed once)."""
    return frozenset("_".join(ws[i:j]) for i in range(len(ws)) for j in range(i + 2, len(ws) + 1))


def corrections(db: sqlite3.Connection, lex: Lexicon, parsed: Parsed) -> dict[str, str]:
    """Misspelt left-over words → the closest indexed or vocabulary word (typo tolerance)."""
    unknown = [w for w in parsed.rest if 2 < len(w) <= LONGEST_FUZZY_WORD and w.isalpha()]  # "send" is no typo of "end"
    if not unknown:
        return {}
    known = set(known_words(db)) | lex.phrase_words()
    unknown = [w for w in unknown if w not in known]
    from llama4ref.domain.forms import shortened

    out = shortened(lex, unknown)
    for w in unknown:  # "how mnay experts dose scout hav": a short word one slip from one word of the question's frame
        if w not in out and len(w) <= 4 and (frame := _frame_word(w)):
            out[w] = frame
    unknown = [w for w in unknown if len(w) > 4 and w not in out]
    if not unknown:
        return out
    import difflib

    pool = sorted(known)
    ws = parsed.words
    for i, w in enumerate(ws):  # "llama factory": a name written apart whose joined form is known
        joined = [a + b for a, b in ((ws[i - 1] if i else "", w), (w, ws[i + 1] if i + 1 < len(ws) else "")) if a and b]
        if w in unknown and any(j in known for j in joined):
            out[w] = next(j for j in joined if j in known)
    unknown = [w for w in unknown if w not in out]
    for w in unknown:
        close = difflib.get_close_matches(w, pool, n=3, cutoff=0.8)
        if any(_same_word(w, c) for c in close):
            continue  # "chart" is "charts" written in the singular: no typo of "chat"
        close = [c for c in close if is_typo(w, c)]
        if close:
            out[w] = close[0]
    return out


_FRAME_WORDS = tuple(sorted(w for w in STOPWORDS if len(w) >= 3 and w.isalpha()))
"""The words that frame a question ("many", "does", "have"): a short unknown word one slip from
one of them is that word mistyped, and is then set aside as it is."""


def _frame_word(word: str) -> str | None:
    """The one frame word a short unknown word is a slip of: two neighbouring letters swapped
    ("mnay": many, "dose": does) or one letter left out ("hav": have, "wen": when), its first
    letter kept. A letter added or changed makes another word ("four" is no "for"), so it is not
    read so; None when no frame word, or more than one, is that close."""
    near = [s for s in _FRAME_WORDS if s[0] == word[0] and (_swapped(word, s) or _left_out(word, s))]
    return near[0] if len(near) == 1 else None


def _swapped(word: str, known: str) -> bool:
    if len(word) != len(known) or word == known:
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == known[diff[1]] and word[diff[1]] == known[diff[0]]


def _left_out(word: str, known: str) -> bool:
    return len(known) == len(word) + 1 and any(known[:i] + known[i + 1 :] == word for i in range(len(known)))


_ENDINGS = ("ations", "ation", "ions", "ion", "ings", "ing", "ers", "er", "ed", "es", "s", "ly", "e")


def _base(w: str) -> str:
    for suffix in _ENDINGS:
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def is_typo(word: str, known: str) -> bool:
    """Whether ``known`` is what a misspelt ``word`` meant, rather than another word: a typo keeps
    the first letter and is one slip away (a letter wrong, missing, added or two swapped), while a word with a digit
    ("2xh100"), another form of the same word ("counting", "cover"), or a word with letters
    added in front or behind ("unlike", "xinference", "cross") is a word of its own."""
    if any(c.isdigit() for c in word) or word[0] != known[0]:
        return False
    if known.startswith(word) and not _same_word(word, known):
        return len(known) == len(word) + 1  # "behemot"
    if _same_word(word, known) or known.endswith(word) or word.endswith(known):
        return False
    return _distance(word, known) <= 1


def _same_word(word: str, known: str) -> bool:
    """Whether two words are forms of one ("cover", "covers"; "counting", "count"; "optimize", "optimized")."""
    if known.startswith(word):
        return len(known) > len(word) + 1 or known[-1] in "sde"
    return word.startswith(known) or _base(word) == _base(known)


def _distance(a: str, b: str) -> int:
    """Edit distance with swaps of two neighbouring letters counted as one slip."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def drop_negated(parsed: Parsed) -> None:
    """Forget the vocabulary phrases written right after a negation: "the dense (non-moe) layers"
    asks about the dense layers, not the MoE ones. Left-over words stay (a fact's own text may
    say "non-English" too), except after a word that sets things aside: "what does RLUF optimize
    besides love reactions" asks about everything but the love reactions."""
    ws = parsed.words
    negated = {i + 1 for i, w in enumerate(ws) if w in NEGATIONS | EXCLUDING}
    if not negated:
        return
    parsed.matches = [m for m in parsed.matches if m.start not in negated]
    aside = {j for i, w in enumerate(ws) if w in EXCLUDING for j in range(i, min(i + 3, len(ws)))}
    if aside:
        kept = {i for m in parsed.matches for i in range(m.start, m.end)}
        parsed.rest = [w for i, w in enumerate(ws) if w in parsed.rest and i not in aside and i not in kept]


def drop_repeated(parsed: Parsed) -> None:
    """Forget a phrase written again: "an fp8 maverick but no fp8 scout" asks about fp8 once, not
    twice (a repeat would count double against every fact that lacks it)."""
    seen: set[str] = set()
    kept = []
    for m in parsed.matches:
        if m.text not in seen:
            kept.append(m)
        seen.add(m.text)
    parsed.matches = kept


EXCLUDING = frozenset({"besides", "except", "excluding"})
"""Words that set aside the next words of the text ("besides love reactions")."""


COMPARED_WITH = frozenset({"like", "unlike", "than", "as", "only"})
"""Words before a model's name that make it what another model is compared with ("like scout does",
"bigger than scout", "the same license as scout", "or is that only scout")."""


CHART_WORDS = frozenset({"chart", "charts", "table", "tables", "graph", "graphs", "figure", "plot"})
"""Words after a model's name that make it the owner of a chart another model appears in ("gpt-4o's
score in the maverick chart": the chart is Maverick's, the score GPT-4o's)."""


def reference_variants(parsed: Parsed) -> frozenset[str]:
    """The models the text names only after a comparing word, when it names another one plainly:
    the question is about the other ("does maverick have a rope_scaling block like scout does")."""
    named: dict[str, bool] = {}
    for m in parsed.matches:
        for t in m.terms:
            if t["kind"] == "entity" and t.get("cls") == "variant":
                after = m.start > 0 and parsed.words[m.start - 1] in COMPARED_WITH
                after = after or (m.end < len(parsed.words) and parsed.words[m.end] in CHART_WORDS)
                named[str(t["target"])] = named.get(str(t["target"]), True) and after
    reference = frozenset(v for v, only_after in named.items() if only_after)
    return reference if len(reference) < len(named) else frozenset()


def quoted_variants(named: set[str], valued: Mapping[str, float], asked: set[str], facts: Collection[str]) -> frozenset[str]:
    """The models whose figure the text quotes back while asking the same of another model it
    names ("llama 3.3 70b has 80 layers, how many does scout have"): a number the text writes is
    the value of such a model's fact about an attribute the text names (a segment among the
    attributes' path words ``asked``), and the other model's same fact holds another value."""
    quoted = set()
    for v in named:
        for p in valued:
            rel = p[len(v) + 1 :] if p.startswith(v + ".") else ""
            if (
                rel
                and asked.intersection(rel.split("."))
                and any(w != v and f"{w}.{rel}" in facts and f"{w}.{rel}" not in valued for w in named)
            ):
                quoted.add(v)
    return frozenset(quoted) if len(quoted) < len(named) else frozenset()


def attribute_score(m: Match, segs: list[str], unit: str) -> tuple[float, int] | None:
    """(gain, deepest segment) of a phrase's attribute terms, or None when it names none."""
    attrs = [t for t in m.terms if t["kind"] == "attribute"]
    if not attrs:
        return None
    best, depth = 0.0, -1
    padded = [f"_{s}_" for s in segs]
    last = len(segs) - 1
    for t in attrs:
        for rank, w in enumerate(t.get("path_words", ())):
            primary = 0.25 * min(rank, 3)  # the first path word is the attribute's own segment
            wp = f"_{w}_"
            for i, s in enumerate(segs):
                if wp not in padded[i]:
                    continue
                gain = (2.5 if i == last else 2.0) if s == w else 1.5
                gain -= primary
                if gain > best or (gain == best and i > depth):
                    best, depth = gain, i
        if unit in t.get("units", ()):
            best, depth = (best + 0.4, depth) if best else (0.8, len(segs) - 1)
    return best, depth


_NUMBERED = re.compile(r"(\d+)([a-z][a-z0-9]*)")


def numbered_words(ws: list[str]) -> dict[str, set[str]]:
    """The units the text writes right after a number ("8bit", "16e", "70b") → those numbers."""
    out: dict[str, set[str]] = {}
    for w in ws:
        m = _NUMBERED.fullmatch(w)
        if m:
            out.setdefault(m.group(2), set()).add(m.group(1))
    return out


def numbered_conflict(numbered: dict[str, set[str]], flat_path: str) -> bool:
    """Whether the path writes a number with a unit the text also writes, but never with that
    number: "8bit" asks about files.scout.mlx.8bit, not quantization.families.mlx.scout_4bit_memory."""
    for part in _path_parts(flat_path):
        m = _NUMBERED.fullmatch(part)
        if m and m.group(2) in numbered and m.group(1) not in numbered[m.group(2)]:
            return True
    return False


@lru_cache(maxsize=4096)
def _path_parts(flat_path: str) -> tuple[str, ...]:
    return tuple(p for p in flat_path.replace(".", "_").split("_") if p and p[0].isdigit())


def term_depth(term: dict[str, Any], segs: list[str]) -> int:
    """The deepest path segment an entity term names."""
    dotted = ".".join(segs)
    for target in (term["target"], *term.get("also", ())):
        if dotted.startswith(target):
            return str(target).count(".")
    target = term["target"]
    key = FactPath.parse(target).leaf
    return max((i for i, s in enumerate(segs) if f"_{key}_" in f"_{s}_" or s.endswith("x" + key)), default=-1)


def reversed_pairs(ws: list[str], rest: Collection[str]) -> frozenset[str]:
    """Neighbouring left-over words of the text joined in the reverse of the order written
    ("kgv->eng": eng_kgv, the other direction)."""
    content = [w for w in ws if w not in STOPWORDS]
    return frozenset(f"{b}_{a}" for a, b in pairwise(content) if a != b and a in rest and b in rest)


def written_pairs(ws: list[str], rest: Collection[str]) -> frozenset[str]:
    """Neighbouring left-over words of the text joined in the order written ("generation prompt
    string": generation_prompt, prompt_string)."""
    content = [w for w in ws if w not in STOPWORDS]
    return frozenset(f"{a}_{b}" for a, b in pairwise(content) if a != b and a in rest and b in rest)


def in_segment(pairs: frozenset[str], segs: list[str]) -> bool:
    """Whether a segment holds one of ``pairs`` as neighbouring parts (mtob_half_eng_kgv: eng_kgv)."""
    return any(f"_{p}_" in f"_{s}_" for s in segs for p in pairs)


EXPLAINING = frozenset({"definition", "meaning", "name_meaning", "what_it_does", "purpose", "method"})
"""The path words of the facets that explain a thing: what a question asking what it is wants."""


def defining(parsed: Parsed) -> frozenset[str]:
    """The path words of the text's explaining intents ("what is", "mean"): definition, meaning, …"""
    return frozenset(w for t in parsed.of_kind("intent") for w in t.get("path_words", ()) if w in EXPLAINING)


def mentioned(db: sqlite3.Connection, parsed: Parsed) -> dict[str, set[str]]:
    """For each entity the text names (and each attribute, when it asks what something means):
    the facts whose indexed text holds all its words."""
    out: dict[str, set[str]] = {}
    explaining = bool(defining(parsed))
    for m in parsed.matches:
        kinds = {t["kind"] for t in m.terms}
        if "entity" not in kinds and not (explaining and "attribute" in kinds):
            continue
        out[m.text] = containing(db, [w for w in m.text.split() if w not in STOPWORDS])
    return out
