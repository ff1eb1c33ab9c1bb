"""Statements in a span: a value (number, range or date), what it measures and whom it is about.

The words come from the one vocabulary (llama4ref.vocabulary): variant and provider names,
benchmark spellings, attribute phrases ("context window", "experts") and unit words
("tokens", "parameters"). A value becomes a :class:`Statement` when an attribute, unit word or
benchmark sits next to it in the same clause; its subject is the nearest variant named before
it in the sentence, else a table column or heading that names one.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from llama4ref.vocabulary import Lexicon, Match

if TYPE_CHECKING:
    from llama4ref.claims.document import Span

_MULT = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "billion": 1e9, "t": 1e12, "trillion": 1e12}
_BINARY = {1e3: 1024.0, 1e6: 1024.0**2}
_NUMBER = re.compile(
    r"(?<![\w.$/-])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*-?\s*(?P<mult>trillion|billion|million|thousand|[kmbt])(?![a-z]))?"
    r"(?P<pct>\s*%)?(?P<plus>\+)?(?![\w.]*\d)(?![a-z])",
    re.I,
)
_MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_DATE = re.compile(
    rf"\b(?:(?P<iso>\d{{4}}-\d{{2}}(?:-\d{{2}})?)|(?P<m1>{_MONTHS})\.?\s+(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>\d{{4}}))\b",
    re.I,
)
_MASKS = [
    re.compile(r"\b[\w.-]+/[\w.-]+"),  # repo ids and paths
    re.compile(r"\b\d+\s*[bB]\s*[-x×_]?\s*\d+\s*[eE]\b"),  # 17B-16E, 17Bx128E
    re.compile(
        r"(?i)\b(?:llama|gemma|gemini|claude|gpt|qwen|mistral|deepseek|phi|sonnet|grok|command|kimi|glm|o)[\s-]?v?\d+(?:\.\d+)*[a-z]*(?:[\s-]+\d+(?:\.\d+)?\s*[bB]\b)?"
    ),
    re.compile(r"(?i)\b\d+(?:\.\d+)?\s*(?:x|×)(?=\s|[A-Z]|\b)"),  # 8x H100, 10x
    re.compile(r"(?i)\b(?:h|a|b|l|mi|v|tpu\s?v)\d+\w*\b"),  # H100, A100, MI300X, v0.8
    re.compile(r"(?i)\b\d+-(?:bit|shot|way|node|gpu)s?\b|\b(?:fp|int|bf|w|q)\d+\w*\b"),
    re.compile(r"#\d+"),
]
_APPROX = re.compile(r"(?i)(?:~|≈|\babout|\baround|\bapprox(?:imately|\.)?|\broughly|\bnearly|\balmost|\bsome|\blikely)\s*$")
_ABOVE = re.compile(r"(?i)(?:>|≥|\bover|\bmore than|\babove|\bexceeds?|\bat least|\bbeyond)\s*$")
_BELOW = re.compile(r"(?i)(?:<|≤|\bunder|\bless than|\bfewer than|\bbelow|\bat most)\s*$")
_RANGE = re.compile(r"^\s*(?:to|-|–|—)\s*$")
_CLAUSE = re.compile(r"[;,()]|\s[-–—]\s|\s(?:and|while|but|whereas|vs\.?|versus)\s|:\s|\|", re.I)
_STAGES = {
    "instruct": "instruct",
    "instruction": "instruct",
    "chat": "instruct",
    "pretrained": "pretrained",
    "pre-trained": "pretrained",
    "base": "pretrained",
}
_SHOTS = re.compile(r"(?i)\b(\d+)[- ]shot\b|\bzero[- ]shot\b")
_OWN_RUN = re.compile(
    r"(?i)\b(?:we|our|i)\s+(?:measured|got|ran|evaluated|reproduced|tested|observed|benchmarked|obtained)\b|\blm_eval\b|\bour (?:eval|run|results)\b"
)


class Value(NamedTuple):
    """A stated value: a number (or range) with its written precision, or a date."""

    low: float
    high: float
    step: float  # half of this is the rounding the writing allows
    mult: float  # the multiplier written (1e6 for "10M"), 1 when none
    bound: str  # exact | approximately | at_least | at_most
    text: str
    start: int
    end: int
    day: date | None = None
    precision: str = ""  # day | month for dates


class Statement(NamedTuple):
    """One value in a span with what it is about."""

    value: Value
    variant: str | None
    variant_from: str  # text | column | heading | none
    provider: str | None
    attributes: tuple[dict[str, Any], ...]
    units: tuple[str, ...]
    benchmark: str | None
    entity_fact: str | None  # an entity that is one fact (license.mau_threshold)
    stage: str | None
    shots: int | None
    own_run: bool
    other_model: bool  # the nearest model named is not Llama 4
    family: bool  # the text or its headings name Llama 4
    engine: bool  # a runtime engine or GPU is named: a measured limit, not the model's


def values(text: str) -> list[Value]:
    """Dates and numbers in ``text`` (numbers inside names, versions and dates are skipped)."""
    out: list[Value] = []
    masked = text
    for m in _DATE.finditer(text):
        day, precision = _date(m)
        if day is not None:
            out.append(Value(0, 0, 0, 1, "exact", m.group(0), m.start(), m.end(), day, precision))
        masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
    for rx in _MASKS:
        masked = rx.sub(lambda m: " " * len(m.group(0)), masked)
    nums = list(_NUMBER.finditer(masked))
    skip: set[int] = set()
    for k, m in enumerate(nums):
        if k in skip:
            continue
        raw = m.group("num").replace(",", "")
        if re.fullmatch(r"(19|20)\d\d", raw) and not m.group("mult"):
            continue  # a year
        mult = _MULT[m.group("mult").lower()] if m.group("mult") else 1.0
        dec = len(raw.split(".")[1]) if "." in raw else 0
        low = high = float(raw)
        end = m.end()
        nxt = nums[k + 1] if k + 1 < len(nums) else None
        if nxt is not None and _RANGE.match(masked[m.end() : nxt.start()]):
            mult2 = _MULT[nxt.group("mult").lower()] if nxt.group("mult") else 1.0
            mult = mult if m.group("mult") else mult2
            high = float(nxt.group("num").replace(",", "")) * mult2 / mult
            end = nxt.end()
            skip.add(k + 1)
        before = masked[max(0, m.start() - 14) : m.start()]
        bound = "exact"
        if _APPROX.search(before):
            bound = "approximately"
        elif _ABOVE.search(before) or m.group("plus"):
            bound = "at_least"
        elif _BELOW.search(before):
            bound = "at_most"
        step = (10.0**-dec) * mult
        if mult == 1.0 and dec == 0 and raw.endswith("000"):
            step = 10.0 ** (len(raw) - len(raw.rstrip("0")))  # "128000": a round figure
        out.append(Value(low * mult, high * mult, step, mult, bound, text[m.start() : end].strip(), m.start(), end))
    out.sort(key=lambda v: v.start)
    return out


def _date(m: re.Match[str]) -> tuple[date | None, str]:
    try:
        if m.group("iso"):
            parts = [int(p) for p in m.group("iso").split("-")]
            return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1), "day" if len(parts) > 2 else "month"
        month = m.group("m1") or m.group("m2")
        year = int(m.group("y1") or m.group("y2"))
        day = m.group("d1") or m.group("d2")
        mon = [x[:3] for x in _MONTHS.split("|")].index(month[:3].lower()) + 1
        return date(year, mon, int(day) if day else 1), "day" if day else "month"
    except ValueError:
        return None, ""


def binary(value: Value) -> Value | None:
    """The same figure read with binary multiples ("10M" as 10 × 2²⁰ tokens), if it has one."""
    if value.mult not in _BINARY:
        return None
    f = _BINARY[value.mult] / value.mult
    return value._replace(low=value.low * f, high=value.high * f, step=value.step * f)


class _Words:
    """Word index ↔ character offset for the lexicon's tokens."""

    def __init__(self, text: str) -> None:
        self.spans = [(m.start(), m.end()) for m in re.finditer(r"[a-z0-9]+", text.casefold())]

    def index(self, offset: int) -> int:
        for i, (_, e) in enumerate(self.spans):
            if e > offset:
                return i
        return len(self.spans)

    def char(self, index: int) -> int:
        return self.spans[index][0] if index < len(self.spans) else (self.spans[-1][1] if self.spans else 0)


def statements(span: Span, lex: Lexicon, heading_parses: list[Any], carried: str | None = None) -> list[Statement]:
    """The statements of one span; ``heading_parses`` are the parses of its headings (outermost
    first); ``carried`` is the variant the previous sentence of the paragraph was about."""
    text = span.text
    vals = values(text)
    if not vals:
        return []
    parsed = lex.parse(text)
    words = _Words(text)
    inside = [(v.start, v.end) for v in vals]
    cuts = [m.start() for m in _CLAUSE.finditer(text) if not any(a <= m.start() < b for a, b in inside)]
    clauses = [0, *cuts, len(text) + 1]
    low_text = text.casefold()
    head_variant, head_provider, head_family = _from_headings(heading_parses)
    column_parse = lex.parse(span.column) if span.column else None
    column_variant = _first(column_parse, "variant") if column_parse else None
    family = head_family or bool(re.search(r"(?i)llama[\s-]?4", text)) or any(_ents(parsed, "variant"))
    provider = _first(parsed, "provider") or head_provider
    context_named = any(t["id"] == "context" for t in parsed.of_kind("attribute"))
    engine = bool(_ents(parsed, "engine") or (_ents(parsed, "gpu") and context_named))
    shots_m = _SHOTS.search(text)
    shots = (int(shots_m.group(1)) if shots_m.group(1) else 0) if shots_m else None
    stage = next((s for w, s in _STAGES.items() if re.search(rf"(?i)\b{w}\b", text + " " + (span.column or ""))), None)
    out: list[Statement] = []
    for v in vals:
        vi, ve = words.index(v.start), words.index(v.end - 1) + 1
        clause = next((clauses[i], clauses[i + 1]) for i in range(len(clauses) - 1) if clauses[i] <= v.start < clauses[i + 1])
        near = [m for m in parsed.matches if clause[0] <= words.char(m.start) < clause[1] and not (m.start < ve and m.end > vi)]
        others = [u for u in vals if u is not v and clause[0] <= u.start < clause[1]]
        mine = [m for m in near if _closest(m, vi, ve, others, words)]
        if not any(t["kind"] != "entity" or t.get("cls") == "benchmark" for m in mine for t in m.terms):
            everyone = [u for u in vals if u is not v]  # nothing in the clause: the sentence's nearest phrases
            mine = [m for m in parsed.matches if not (m.start < ve and m.end > vi) and _closest(m, vi, ve, everyone, words)]
        unit_matches = [m for m in mine if m.start in (ve, ve + 1) and any(t["kind"] == "unit" for t in m.terms)]
        units = tuple(u for m in unit_matches for t in m.terms if t["kind"] == "unit" for u in t["units"])
        attrs = tuple(t for m in mine if m not in unit_matches for t in m.terms if t["kind"] == "attribute")
        if units:  # "400-billion parameter Mixture of Experts model": the unit word decides
            attrs = tuple(t for t in attrs if not t.get("units") or set(t["units"]) & set(units))
        if not units and not any(t.get("units") for t in attrs) and v.mult >= 1e9:
            trained = any(t["id"] in ("training", "tokens") for t in attrs)
            units = ("tokens",) if trained else ("parameters",)  # "109B total", "~40T" under "Training Tokens"
        bench = next((t["target"] for m in mine for t in m.terms if t.get("cls") == "benchmark"), None)
        if bench is None:  # "On the MMLU-Pro benchmark, …, Maverick scores above 85%"
            named = [(m, t["target"]) for m in parsed.matches for t in m.terms if t.get("cls") == "benchmark"]
            rest = [u for u in vals if u is not v]
            if len({tgt for _, tgt in named}) == 1 and _closest(named[0][0], vi, ve, rest, words):
                bench = named[0][1]
        fact_ent = next(
            (
                t["target"]
                for m in parsed.matches
                if m.start in (ve, ve + 1) or 0 <= vi - m.end <= 3 or (m.start <= vi and m.end > ve)
                for t in m.terms
                if t["kind"] == "entity" and t.get("cls") == "named" and t["target"].startswith("license.") and v.low >= 1e6
            ),
            None,
        )
        mains = [m for m in mine if m not in unit_matches and any(t["kind"] == "attribute" and t.get("units") for t in m.terms)]
        if len(mains) > 1:  # "Hidden Dimension Size": the longest phrase names the attribute
            longest = max(mains, key=lambda m: m.end - m.start)
            attrs = tuple(t for t in attrs if not t.get("units") or t in longest.terms)
        if v.day is None and not (attrs or units or bench or fact_ent):
            continue
        if v.day is not None and not attrs:
            continue
        variant, source, other = _subject(parsed, vi, lex)
        if source == "after" and (column_variant or head_variant):
            variant, source = None, "none"
        if variant is None and column_variant:
            variant, source = column_variant, "column"
        elif variant is None and carried and not other:
            variant, source = carried, "paragraph"
        elif variant is None and head_variant and not other:
            variant, source = head_variant, "heading"
        if (
            column_parse is not None
            and not column_variant
            and _ents(column_parse, "variant") == []
            and _other_model(column_parse, lex)
        ):
            other = True
        out.append(
            Statement(
                v,
                variant,
                source if variant else "none",
                provider,
                attrs,
                units,
                bench,
                fact_ent,
                stage,
                shots,
                bool(_OWN_RUN.search(low_text)),
                other,
                family,
                engine,
            )
        )
    return out


def _closest(m: Match, vi: int, ve: int, others: list[Value], words: _Words) -> bool:
    """Whether the phrase ``m`` is nearer this value than any other value in the clause."""
    dist = vi - m.end if m.end <= vi else m.start - ve + 0.5  # a word after the value binds a little less
    for u in others:
        ui, ue = words.index(u.start), words.index(u.end - 1) + 1
        d = ui - m.end if m.end <= ui else m.start - ue + 0.5
        if d < dist:
            return False
    return True


def _ents(parsed: Any, cls: str) -> list[dict[str, Any]]:
    return [t for m in parsed.matches for t in m.terms if t["kind"] == "entity" and t.get("cls") == cls]


def _first(parsed: Any, cls: str) -> str | None:
    if cls == "provider":
        hits = [
            t["target"].split(".")[1]
            for m in parsed.matches
            for t in m.terms
            if t["kind"] == "entity" and t["target"].startswith("providers.")
        ]
    else:
        hits = [t["target"] for t in _ents(parsed, cls) if t["target"] in _LLAMA4]
    return hits[0] if hits and len(set(hits)) == 1 else None


_LLAMA4 = frozenset({"scout", "maverick", "behemoth"})


def _other_model(parsed: Any, lex: Lexicon) -> bool:
    return any(t["target"] not in _LLAMA4 for t in _ents(parsed, "variant"))


def _subject(parsed: Any, vi: int, lex: Lexicon) -> tuple[str | None, str, bool]:
    """The nearest model named before the value (else after it): (Llama 4 variant, 'text', other-model?)."""
    named = [
        (m.start, t["target"]) for m in parsed.matches for t in m.terms if t["kind"] == "entity" and t.get("cls") == "variant"
    ]
    named = [(i, tgt) for i, tgt in named if not _is_number_alias(parsed, i)]
    before = [x for x in named if x[0] < vi]
    pick = before[-1] if before else (named[0] if named else None)
    if pick is None:
        return None, "none", False
    if pick[1] in _LLAMA4:
        return pick[1], "text" if before else "after", False
    return None, "none", True


def _is_number_alias(parsed: Any, index: int) -> bool:
    """'109B' or '400B' name a variant only as a size; as a subject they are values."""
    m = next(m for m in parsed.matches if m.start == index)
    return bool(re.fullmatch(r"[\d ]+[bt]|\d+e|\d+ ?b ?\d+ ?e", m.text))


def _from_headings(parses: list[Any]) -> tuple[str | None, str | None, bool]:
    variant = provider = None
    family = False
    for p, text in parses:
        family = family or bool(re.search(r"(?i)llama[\s-]?4", text)) or bool(_first(p, "variant"))
        v = _first(p, "variant")
        if v:
            variant = v
        elif _other_model(p, None):  # type: ignore[arg-type]
            variant = None
        pr = _first(p, "provider")
        if pr:
            provider = pr
    return variant, provider, family


def subject_of(text: str, lex: Lexicon) -> str | None:
    """The one Llama 4 variant ``text`` names, if it names exactly one."""
    return _first(lex.parse(text), "variant")
