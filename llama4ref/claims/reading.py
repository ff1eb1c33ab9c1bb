"""What a date or a large count is, read from the words around it (used by llama4ref.claims.extract):
a year after a release word or a variant's name, a date after training data said to run "through"
it, a date in parentheses after the maker's name, and a count beside a license term that is itself
one fact (the monthly-active-user threshold), and the clause a gapped pair repeats ("Maverick scores
80.5 and Scout 74.3")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from llama4ref.claims import cues
from llama4ref.claims.binding import closest
from llama4ref.claims.values import NAMED_PAREN

if TYPE_CHECKING:
    import re

    from llama4ref.claims.statement import Statement
    from llama4ref.claims.values import Value
    from llama4ref.claims.words import Words
    from llama4ref.records.vocabulary import Lexicon, Match, Parsed


def attribute(lex: Lexicon, ident: str) -> tuple[dict[str, Any], ...]:
    """The vocabulary's attribute ``ident`` (empty when it has none)."""
    return tuple(t for t in lex.terms if t["kind"] == "attribute" and t["id"] == ident)[:1]


AS_OF = re.compile(r"(?i)\b(?:as\s+of|as\s+at)\s*$")
"""A date right after "as of": the time the text speaks from, not a release or a cutoff."""


def dated(
    v: Value, attrs: tuple[dict[str, Any], ...], firm: bool, before: str, lex: Lexicon
) -> tuple[tuple[dict[str, Any], ...], bool, bool, re.Match[str] | None]:
    """A date's attribute and firmness, whether it is a year after a variant's name ("Maverick
    (2026)") and the maker's parenthesis it sits in ("Llama 4 (Meta, March 2026)"), given the text
    ``before`` it; any other value's as they are."""
    if v.day is None:
        return attrs, firm, False, None
    if AS_OF.search(before):  # "As of March 2025, …": when the text's state held, no event's date
        return (), False, False, None
    named_year = v.text.isdigit() and bool(NAMED_PAREN.search(before))
    if v.text.isdigit():  # a year, read only after a release word or a variant's name
        attrs, firm = attribute(lex, "release"), True
    said = any({"date", "month"} & set(t.get("units") or ()) for t in attrs)
    if not said and cues.DATA_THROUGH.search(before):  # "Training Data: …, through <date>"
        attrs, firm = attribute(lex, "cutoff"), True
    maker = cues.MAKER_DATED.search(before) if not attrs else None
    if maker:  # "Llama 4 (Meta, March 2026)": its release
        attrs, firm = attribute(lex, "release"), True
    return attrs, firm, named_year, maker


_OBJECT = re.compile(r"[^;.!?—–()]*?(?=[;.!?—–()]|,\s*(?:and|while|but|which|whereas)\b|\s(?:while|but|whereas)\b|$)")
_VARIANT = re.compile(r"(?i)\b(scout|maverick|behemoth)\b")


def released_variants(after: str) -> tuple[str, ...]:
    """The variants a fronted date's release verb names as its object, in the verb's own clause ("On
    April 5, 2025, Meta released Llama 4 Scout and Maverick with open weights; Behemoth was
    previewed"): whose release the date is, before any heading's or title's variant."""
    obj = _OBJECT.match(after)
    return tuple(dict.fromkeys(n.lower() for n in _VARIANT.findall(obj.group() if obj else "")))


def license_entity(parsed: Parsed, v: Value, vi: int, ve: int) -> str | None:
    """The license fact a count of millions stands beside ("700 million monthly active users")."""
    return next(
        (
            t["target"]
            for m in parsed.matches
            if m.start in (ve, ve + 1) or 0 <= vi - m.end <= 3 or (m.start <= vi and m.end > ve)
            for t in m.terms
            if t["kind"] == "entity" and t.get("cls") == "named" and t["target"].startswith("license.") and v.low >= 1e6
        ),
        None,
    )


_STATED_AS = re.compile(r"(?i)\b(?:is|are|was|stands\s+at|sits\s+at|set\s+at)\s*(?:about\s+|around\s+|roughly\s+)?$|[:=]\s*$")
"""What ends a subject stated to be the value ("… is", "… stands at", "…:")."""
_LIMIT_WORD = re.compile(r"(?i)\W*(?:limit|threshold|cap|ceiling|cut-?off)\b")
"""A word right after the fact's phrase saying the subject is a limit ("MAU limit", "MAU threshold")."""


def license_subject(parsed: Parsed, v: Value, vi: int, text: str, words: Words, others: list[Value]) -> str | None:
    """The license fact a count of millions is stated to be, named as the subject of its clause
    ("The MAU limit in the Llama 4 license is 700 million", "the MAU threshold stands at 700M"):
    the fact's phrase, followed by a word for a limit, before the value in its sentence, no other value
    and no sentence end between, and the words between ending in "is" or a colon (so the value is
    what the subject is, not a figure of something else the sentence goes on to). The caller asks
    only for a value with no unit of its own ("… users get a context window of 10M tokens")."""
    if v.low < 1e6:
        return None
    for m in parsed.matches:
        if m.end > vi:
            continue
        said = words.spans[m.end - 1][1]
        between = text[said : v.start]
        if len(between) > 80 or re.search(r"[.;!?\n]", between) or any(said <= u.start < v.start for u in others):
            continue
        if not (_STATED_AS.search(between) and _LIMIT_WORD.match(between)):
            continue  # ("the number of Scout users is 3 million": a count of users, no limit)
        for t in m.terms:
            if t["kind"] == "entity" and t.get("cls") == "named" and t["target"].startswith("license."):
                return str(t["target"])
    return None


def sentence_benchmark(
    parsed: Parsed, v: Value, rest: list[Value], words: Words, unit_words: list[Match]
) -> tuple[str, tuple[str, ...]] | None:
    """The sentence's one benchmark for a plain score nearer to it than any other value ``rest`` ("On
    the MMLU-Pro benchmark, …, Maverick scores above 85%"), with every benchmark named; else None."""
    named = [(m, t["target"]) for m in parsed.matches for t in m.terms if t.get("cls") == "benchmark"]
    vi, ve = words.index(v.start), words.after(v.end)
    if v.mult == 1.0 and len({tgt for _, tgt in named}) == 1 and closest(named[0][0], vi, ve, rest, words, unit_words):
        return named[0][1], tuple(tgt for _, tgt in named)
    return None


_GAPPED = re.compile(
    r"(?i)(?:\s+[^\W\d]+){0,3}?\s*[,;]?\s*(?:(?:and|while|whereas|with|but)\s+)?(?:llama[\s-]?4\s+)?(scout|maverick|behemoth)(?:['’]s)?\s*(?:at|with|:)?\s*"
)
"""What stands between two values of a gapped clause: the first value's unit words at most (three
words with no figure), a joining word and another variant's name (", and Scout", " experts and
Scout", " while Llama 4 Behemoth's")."""


def gapped(text: str, v: Value, before: list[Statement]) -> Statement | None:
    """The statement whose verb and attribute a value with none of its own repeats, when only another
    variant's name joins them: in "On MMLU Pro, Maverick scores 80.5 and Scout 74.3" the second pair
    is a score on the same benchmark. Only a statement whose variant the text itself names opens such
    a clause; None otherwise."""
    prev = before[-1] if before else None
    if prev is None or prev.variant is None or prev.variant_from != "text" or prev.value.end > v.start:
        return None
    joined = _GAPPED.fullmatch(text, prev.value.end, v.start)
    if joined is None or joined.group(1).lower() == prev.variant:
        return None
    return prev
