"""Values as documents write them: numbers with their rounding, ranges, bounds and dates.

``values(text)`` finds "109B", "10-million", "1,000K", "40 to 50 billion", "above 85%",
"~2T", "April 5, 2025" and "Aug 2024"; digit grouping by commas, underscores or spaces
("1_000_000", "4 020 billion", "1 048 576"), ISO timestamps (the day of "2025-04-05T16:00:00Z"), exponents ("400e9", "1.1e-7", "7.e-7"), Chinese and Japanese
multipliers ("1090亿", "17 億" = 1.7 billion), and spans of time ("Q1 2026", "late 2024": any
day of the span agrees). It skips numbers that are part of names, versions, repository ids,
hardware ("H100", "8x") or dates, and bare years, except one said to be a release's ("released
in 2026", "Llama 4 Maverick (2026)"), which is read as a span of that year. A value keeps its written precision: half a
unit of the last written digit is the rounding it allows, and "10M" may also be read with binary
multiples (10 × 2²⁰).
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

_MULT = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "million": 1e6,
    "b": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "trillion": 1e12,
    "万": 1e4,  # Chinese and Japanese numerals: "1090亿", "17 億", "1000 萬", "2兆"
    "萬": 1e4,
    "亿": 1e8,
    "億": 1e8,
    "万亿": 1e12,
    "兆": 1e12,
}
_LOCAL_MULT = {
    # other languages' number words, each unambiguous in its language (never the English-looking
    # "billions", which French means as 10^12 and some English writers as 10^9)
    1e6: "mio. millions millionen millones millón millon milioni milione milhões milhoes milhão milhao mio миллион миллиона миллионов млн juta 백만 millió "
    "میلیون مليون ملايين milionů milionu miliony milionech milyon triệu",
    1e9: "mrd. milliard milliards milliarde milliarden mrd miliardi miliardo miliar miliard bilhão bilhao bilhões bilhoes "
    "миллиард миллиарда миллиардов млрд 십억 milliárd میلیارد مليار مليارات miliardy miliardami miliardu miliardách milyar tỷ tỉ",
    1e12: "billones billón billon biliões bilioes bilião biliao trilioni trilione triliun trilhões trilhoes trilhão trilhao "
    "billionen триллион триллиона триллионов трлн 조 billió تریلیون تريليون bilionů bilionu biliony bilionech trilyon",
    1e3: "mil mille tausend тысяч тысячи тыс nghìn ngàn",
    1e4: "만",
    1e7: "천만",
    1e8: "억",
    1e10: "백억",
    1e11: "천억",
}
_LOCAL_MULT_WORDS = {w: m for m, ws in _LOCAL_MULT.items() for w in ws.split()} | {
    "mil millones": 1e9,  # Spanish and Portuguese: a thousand millions
    "mil milhões": 1e9,
    "mil milhoes": 1e9,
}
_MULT.update(_LOCAL_MULT_WORDS)
_MULT.update({"м": 1e6, "к": 1e3})  # Cyrillic letters glued to the digits, as Russian writes "1М", "128К"
_MULT["billions"] = 1e12  # French, and read only before "de" ("2 billions de paramètres"): 10^12
_EUROPEAN = frozenset(w for w in _LOCAL_MULT_WORDS if re.fullmatch(r"[a-zà-ÿа-яё ]+", w)) | {"triệu", "tỷ", "tỉ"}
"""Number words of languages that write a decimal comma and group thousands with dots ("3,5
Millionen", "2.000 miliardi", "40 000 milliards")."""
_LOCAL = "|".join(re.escape(w) for w in sorted(_LOCAL_MULT_WORDS, key=len, reverse=True))
_EUROPEAN_RX = "|".join(re.escape(w) for w in sorted(_EUROPEAN, key=len, reverse=True))
_BINARY = {1e3: 1024.0, 1e6: 1024.0**2}
_NUMBER = re.compile(
    r"(?:(?<![A-Za-z0-9_\u00c0-\u024f\u0400-\u04ff.$/\u2010\u2011-])|(?<=\d[kKmMbBtT]/)|(?<=\btop-)|(?<=\b\d-)|(?<=\b\d\d-)"
    r"|(?<=scout-)|(?<=maverick-)|(?<=behemoth-))(?P<num>"  # a size glued to a variant's name: "Maverick-8B"
    rf"\d{{1,3}}(?:\.\d{{3}})+(?=\s*(?:{_EUROPEAN_RX})(?!\w))|\d+,\d{{1,2}}(?=\s*(?:million|{_EUROPEAN_RX})(?!\w))"
    r"|\d+(?:\.\d*)?e[+-]?\d{1,2}(?![\w.])|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:_\d{3})+(?![\w.])"
    rf"|\d{{1,3}}(?:[\u00a0\u202f\u2009]\d{{3}})+|\d{{1,3}}(?: \d{{3}})+(?=\s*(?:trillion|billion|million|thousand|tokens?|tokenů|{_EUROPEAN_RX})(?!\w))"
    r"|\d{1,3}(?: \d{3}){2,}(?!\d)|\d{1,3}(?: \d{3})*(?: 0\d\d)(?: \d{3})*(?!\d)|\d+(?:\.\d+)?)"
    rf"(?:\s*[-\u2010\u2011]?\s*(?P<mult>{_LOCAL}|billions(?=\s+d[e'’])|trillion|billion|million|thousand|万亿|[kmbt万萬亿億兆]|(?<=\d)[мк](?=\+|[^\w]|$))(?![a-zа-яё\u00c0-\u024f\u1e00-\u1eff]))?"
    r"(?P<pct>\s*%)?(?P<plus>\+)?(?![\w.]*\d)(?![a-z])",
    re.I,
)
_MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_LOCAL_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "ledna enero janeiro janvier gennaio januar января januari",
            "února febrero fevereiro février fevrier febbraio februar февраля februari",
            "března marzo março marco mars märz maerz марта maret",
            "dubna abril avril aprile april апреля",
            "května mayo maio mai maggio мая mei",
            "června junio junho juin giugno juni июня",
            "července julio julho juillet luglio juli июля",
            "srpna agosto août aout august августа agustus",
            "září septiembre setiembre setembro septembre settembre september сентября",
            "října octubre outubro octobre ottobre oktober октября",
            "listopadu noviembre novembro novembre november ноября",
            "prosince diciembre dezembro décembre decembre dicembre dezember декабря desember",
        ),
        start=1,
    )
    for name in names.split()
}
"""Month names of other languages, as a date writes them ("5 de abril de 2025", "05 апреля 2025",
"5. April 2025"); the English ones are in _MONTHS."""
_LOCAL_MONTHS_RX = "|".join(sorted(_LOCAL_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<q>[QH][1-4])\s*(?P<yq>\d{{4}})|(?P<pm>early|mid|late)[\s-]+(?P<mp>{_MONTHS})\.?,?\s+(?P<ymp>\d{{4}})|(?P<part>early|mid|late|end of|beginning of)[\s-]+(?P<yp>\d{{4}})|(?P<iso>\d{{4}}-\d{{2}}(?:-\d{{2}})?)(?:T\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?|(?P<m1>{_MONTHS})\.?(?:\s+(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?|[/-])(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTHS})\.?,?\s+(?P<y2>\d{{4}}))\b"
    rf"|\b(?P<d3>\d{{1,2}})\.?\s+(?:de\s+)?(?P<m3>{_LOCAL_MONTHS_RX})\.?,?\s+(?:de\s+|del\s+)?(?P<y3>\d{{4}})(?!\d)"
    r"|(?<!\d)(?P<y4>\d{4})\s*[年년]\s*(?P<m4>\d{1,2})\s*[月월](?:\s*(?P<d4>\d{1,2})\s*[日일])?",
    re.I,
)
_MASKS = [
    re.compile(r"(?i)\b\d[\d,.]*\s*(?:tokens?|toks?|t)\s*(?:/|per)\s*s(?:ec(?:ond)?)?\b"),  # throughput: 546 tokens/second
    re.compile(
        r"(?i)(?:(?:\bper\s+|/)1\s*[mk]\b|(?<=\d)/[mk](?:tok)?\b)(?:\s+(?:input|output))?"
    ),  # prices: $0.15 per 1M input tokens, $0.5/M
    re.compile(r"\b(?!\d+(?:\.\d+)?\s?[kmbtKMBT]?/\d)[\w.-]+/[\w.-]+"),  # repo ids and paths (not "109B/17B")
    re.compile(r"\b\d+\s*[bB]\s*[-x×_]?\s*\d+\s*[eE]\b"),  # 17B-16E, 17Bx128E
    # a model name and its number, "Llama" also as people misspell it ("Lllma 3", "Lama 4")
    re.compile(
        r"(?i)\b(?:l{1,3}a?m{1,2}a|gemma|gemini|claude|gpt|qwen|mistral|deepseek|phi|sonnet|grok|command|kimi|glm|o)[\s-]?v?\d+(?:\.\d+)*[a-z]*(?:[\s-]+\d+(?:\.\d+)?\s*[bB]\b)?"
    ),
    re.compile(
        r"(?i)\b\d+(?:\.\d+)?\s*(?:x|×)(?=\s|[A-Z]|\b)(?!\s*(?:[a-z]+\s+){0,2}layers\b)"
    ),  # 8x H100, 10x (not "40× local decoder layers")
    re.compile(r"(?i)\b(?:h|a|b|l|mi|v|tpu\s?v)\d+\w*\b"),  # H100, A100, MI300X, v0.8
    re.compile(r"(?i)\b(?:rtx|gtx|rx|m)\s?\d+\w*\b"),  # RTX 4080, M2
    re.compile(r"\b\d+(?:\.\d+)?:\d+\b|\b\d+\^\d+\b"),  # ratios (3:1 blended) and powers (2^20)
    re.compile(r"(?i)\b\d+-(?:bit|shot|way|node|gpu)s?\b|\b(?:fp|int|bf|w|q)\d+\w*\b"),
    re.compile(r"#\d+"),
    re.compile(
        r"(?m)^\s*\d+(?:\.\d+)*\.(?=\s+(?:[*_]{1,3})?[A-Z])"
    ),  # a number opening a heading or item: "4. Multilingual", "2. **Parallel Training**"
    re.compile(r"(?i)\bmeta[\s-]+ai[\s-]+\d+(?:\.\d+)?\b"),  # a name's number: "Large Language Model Meta AI 4"
    re.compile(r"(?i)\b\w*@\d+\b"),  # pass@1
]
_YEAR_SAID = re.compile(
    r"(?i)\b(?:released?|launch(?:ed)?|debut(?:ed)?|unveiled|introduced|shipped)(?:\s+(?:in|of|date))?\s*:?\s*$"
)
"""A release word right before a year ("released in 2026", "Release 2026", "the biggest release of 2026"): a
year said to be the release's is read as a date (any day of that year); other bare years are not values."""
NAMED_PAREN = re.compile(r"(?i)\b(?:scout|maverick|behemoth)\b[^()\n]{0,40}\(\s*$")
"""A parenthesis opened after a variant's name ("Llama 4 Maverick 17B Instruct (2026)"): a year in it is the variant's release year."""
_APPROX = re.compile(
    r"(?i)(?:~|≈|\babout|\baround|\bapprox(?:imately|\.)?|\broughly|\bnearly|\balmost|\bsome|\blikely"
    r"|\benviron|\bprès de|\bcerca de|\baproximadamente|\bcirca|\bcirca di|\betwa|\brund|\bungefähr|\bquase|\bcasi|\bpresque|\bquasi"
    r"|\bпримерно|\bоколо|\bпочти|약|約|约|大约|大約)\s*$"
)
_ABOVE = re.compile(
    r"(?i)(?:>|≥|\bover|\bmore than|\babove|\bexceeds?|\bat least|\bbeyond|\bplus de|\bmás de|\bmais de|\boltre|\bpiù di|\büber"
    r"|\bmehr als|\bболее|\bсвыше|超过|超過)\s*$"
)
_BELOW = re.compile(
    r"(?i)(?:<|≤|\bunder|\bless than|\bfewer than|\bbelow|\bat most|\bmoins de|\bmenos de|\bmeno di|\bunter|\bweniger als|\bменее)\s*$"
)
"""Words before a value that make it approximate, a lower or an upper bound (English and the
other languages check-claims reads: "environ", "etwa", "más de", "более", "约")."""
_BOUND_AFTER = re.compile(r"(?i)\s*(?:(以上|or\s+more\b|or\s+higher\b|and\s+above\b)|以下|未満|or\s+(?:less|fewer|lower)\b)")
"""Words right after a value that make it a lower ("128K以上", "100 or more") or an upper bound ("以下", "or less")."""
_TAG_BEFORE = re.compile(r"<[^<>\n]*>\s*$")  # (a tag name may be masked: "<h3>" reads "<  >")
"""An HTML tag right before a value ("<h3>Llama 4 8B", '<td class="x">400B'): its ">" is markup, not "more than"."""


def _above(masked: str, start: int) -> bool:
    """Whether a "more than" word or sign stands right before ``start``."""
    return bool(_ABOVE.search(masked[max(0, start - 14) : start])) and not _TAG_BEFORE.search(masked[max(0, start - 200) : start])


_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_TEENS = ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_WORDS = (
    {w: float(n) for n, w in enumerate(_ONES, start=1)}
    | {w: float(n) for n, w in enumerate(_TEENS, start=11)}
    | {"twenty": 20.0, "thirty": 30.0, "forty": 40.0, "fifty": 50.0}
)
_WORD_NUMBER = re.compile(
    r"(?i)(?<![\w-])(" + "|".join(_WORDS) + r")(\s+hundred)?\s+(thousand|million|billion|trillion)(?![\w-])"
)
"""A count written in English words before a scale word ("two trillion", "four hundred billion"): a number;
a number word alone ("two experts") and "a million" (as often a manner of speaking) are not read."""
_GLUED_PERCENT = re.compile(r"(?<=[A-Za-z]{3})(\d{1,2}(?:\.\d)?)\s*%")
_RANGE = re.compile(r"^\s*(?:to|-|–|—)\s*$")


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
    precision: str = ""  # day | month | span for dates
    until: date | None = None  # the last day a date written as a span ("Q1 2026", "late 2024") allows


_LLAMA4_SIZED = re.compile(r"(?i)^l{1,3}a?m{1,2}a[\s-]?4(?=[\s-]+\d)")
"""A size after the family's own name ("Llama 4 8B") states a size of Llama 4, not a name's number."""


def _blank(m: re.Match[str]) -> str:
    """A masked stretch as spaces (a Llama 4 name keeps the size written after it)."""
    named = _LLAMA4_SIZED.match(m.group(0))
    return " " * (named.end() if named else len(m.group(0))) + (m.group(0)[named.end() :] if named else "")


def values(text: str) -> list[Value]:
    """Dates and numbers in ``text`` (numbers inside names, versions and dates are skipped)."""
    out: list[Value] = []
    masked = text
    for m in _DATE.finditer(text):
        day, precision, until = _date(m)
        if day is not None:
            out.append(Value(0, 0, 0, 1, "exact", m.group(0), m.start(), m.end(), day, precision, until))
        masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
    for m in _WORD_NUMBER.finditer(masked):  # "nearly two trillion": the scale word gives the step
        mult = _MULT[m.group(3).lower()] * (100.0 if m.group(2) else 1.0)
        before = masked[max(0, m.start() - 14) : m.start()]
        bound = "approximately" if _APPROX.search(before) else "at_least" if _above(masked, m.start()) else "exact"
        bound = "at_most" if _BELOW.search(before) else bound
        number = _WORDS[m.group(1).lower()] * mult
        out.append(Value(number, number, mult, mult, bound, m.group(0), m.start(), m.end()))
        masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end() :]
    for rx in _MASKS:
        masked = rx.sub(_blank, masked)
    nums = list(_NUMBER.finditer(masked))
    skip: set[int] = set()
    for k, m in enumerate(nums):
        if k in skip:
            continue
        raw = _digits(_local_digits(m.group("num"), m.group("mult")))
        counted = _TOKENS_KEY.search(text, 0, m.start()) or _TOKENS_AFTER.match(text, m.end())
        counted = counted or _GROUPED.fullmatch(m.group("num"))  # "1,999 tons": digits grouped as a count, no year
        if re.fullmatch(r"(19|20)\d\d", raw) and not m.group("mult") and not counted:
            if _YEAR_SAID.search(text[: m.start()]) or (
                NAMED_PAREN.search(text[: m.start()]) and text[m.end() :].lstrip()[:1] == ")"
            ):
                year = int(raw)  # "released in 2026", "Llama 4 Maverick (2026)": any day of the year
                out.append(Value(0, 0, 0, 1, "exact", raw, m.start(), m.end(), date(year, 1, 1), "span", date(year, 12, 31)))
            continue  # a year
        mult = _MULT[m.group("mult").lower()] if m.group("mult") else 1.0
        if "e" in raw.lower():  # "400e9": the exponent is the multiplier written
            raw, _, exp = raw.lower().partition("e")
            mult = 10.0 ** int(exp.lstrip("+"))  # (negative too: "1.1e-7" dollars per token)
            raw = raw.rstrip(".")  # "7.e-7"
        dec = len(raw.split(".")[1]) if "." in raw else 0
        low = high = float(raw)
        end = m.end()
        nxt = nums[k + 1] if k + 1 < len(nums) else None
        if nxt is not None and _RANGE.match(masked[m.end() : nxt.start()]):
            mult2 = _MULT[nxt.group("mult").lower()] if nxt.group("mult") else 1.0
            mult = mult if m.group("mult") else mult2
            high = float(_digits(nxt.group("num"))) * mult2 / mult
            end = nxt.end()
            skip.add(k + 1)
        before = masked[max(0, m.start() - 14) : m.start()]
        bound = "exact"
        if _APPROX.search(before):
            bound = "approximately"
        elif _above(masked, m.start()) or m.group("plus"):
            bound = "at_least"
        elif _BELOW.search(before):
            bound = "at_most"
        if bound == "exact" and (after := _BOUND_AFTER.match(masked, end)):
            bound = "at_least" if after.group(1) else "at_most"  # "128K以上", "100 or more", "128K以下"
        step = (10.0**-dec) * mult
        if mult == 1.0 and dec == 0 and raw.endswith("000"):
            step = 10.0 ** (len(raw) - len(raw.rstrip("0")))  # "128000": a round figure
        out.append(Value(low * mult, high * mult, step, mult, bound, text[m.start() : end].strip(), m.start(), end))
    for m in _GLUED_PERCENT.finditer(masked):  # "GPQA Diamond78%": a score run into its label
        raw = m.group(1)
        step = 10.0 ** -(len(raw.split(".")[1]) if "." in raw else 0)
        out.append(Value(float(raw), float(raw), step, 1.0, "exact", m.group(0), m.start(), m.end()))
    out.sort(key=lambda v: v.start)
    return out


def _local_digits(num: str, mult: str | None) -> str:
    """A number written before another language's number word in that language's way: dots
    group thousands ("2.000 miliardi") and a comma marks the decimals ("3,5 Millionen")."""
    word = (mult or "").lower()
    if word not in _EUROPEAN and word != "million":
        return num
    if word != "million" and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", num):
        return num.replace(".", "")
    return num.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", num) else num


def _digits(num: str) -> str:
    """A number as written without its digit grouping ("1,000,000", "1_000_000", "4 020")."""
    return re.sub(r"[,_\s\u00a0\u202f\u2009]", "", num)


_PARTS = {"early": (1, 5), "beginning of": (1, 3), "mid": (4, 9), "late": (8, 12), "end of": (10, 12)}


_TOKENS_KEY = re.compile(r"(?i)(?:tokens?|context(?:_?length|_?window)?)[\"']?\s*[:=]\s*\Z")
"""A key or label that counts tokens right before a figure ("max_output_tokens: 2048", "Context: 2048"):
the figure is a count, not a year."""
_GROUPED = re.compile(r"\d,\d{3}")
"""A four-digit figure written with a thousands separator ("1,999 tons of CO2"): a count, never a year."""
_TOKENS_AFTER = re.compile(r"(?i)\s*(?:-\s*)?tokens?\b")
"""A figure followed by "tokens" ("2048 tokens"): a count, not a year."""


def _span(year: int, first: int, last: int) -> tuple[date, str, date]:
    end = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
    return date(year, first, 1), "span", date.fromordinal(end.toordinal() - 1)


def _date(m: re.Match[str]) -> tuple[date | None, str, date | None]:
    """The first day a date match names, its precision, and its last day when it is a span."""
    if m.group("q"):  # "Q1 2026", "H2 2025"
        n, year = int(m.group("q")[1]), int(m.group("yq"))
        size = 3 if m.group("q")[0].upper() == "Q" else 6
        if n * size > 12:
            return None, "", None
        return _span(year, (n - 1) * size + 1, n * size)
    if m.group("pm"):  # "early May 2026": days 1-10, 11-20 or 21 to the month's end
        return _month_part(m.group("pm").lower(), m.group("mp"), int(m.group("ymp")))
    if m.group("part"):  # "late 2024"
        first, last = _PARTS[m.group("part").lower()]
        return _span(int(m.group("yp")), first, last)
    day, precision = _exact_date(m)
    return day, precision, None


_MONTH_PARTS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}


def _month_part(part: str, month: str, year: int) -> tuple[date | None, str, date | None]:
    """A part of a month ("mid April 2026") as a span: any day in it agrees ("late": to the month's end)."""
    mon = _month_number(month)
    first, last = _MONTH_PARTS[part]
    following = date(year + 1, 1, 1) if mon == 12 else date(year, mon + 1, 1)
    month_end = date.fromordinal(following.toordinal() - 1)
    return date(year, mon, first), "span", date(year, mon, min(last, month_end.day))


def _month_number(month: str) -> int:
    return [x[:3] for x in _MONTHS.split("|")].index(month[:3].lower()) + 1


def _exact_date(m: re.Match[str]) -> tuple[date | None, str]:
    try:
        if m.group("iso"):
            parts = [int(p) for p in m.group("iso").split("-")]
            return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1), "day" if len(parts) > 2 else "month"
        if m.group("y4"):  # "2025年4月5日", "2025년 4월 5일"
            day4 = m.group("d4")
            return date(int(m.group("y4")), int(m.group("m4")), int(day4) if day4 else 1), "day" if day4 else "month"
        if m.group("m3"):
            return date(int(m.group("y3")), _LOCAL_MONTHS[m.group("m3").lower()], int(m.group("d3"))), "day"
        month = m.group("m1") or m.group("m2")
        year = int(m.group("y1") or m.group("y2"))
        day = m.group("d1") or m.group("d2")
        mon = _month_number(month)
        return date(year, mon, int(day) if day else 1), "day" if day else "month"
    except ValueError:
        return None, ""


def binary(value: Value) -> Value | None:
    """The same figure read with binary multiples ("10M" as 10 × 2²⁰ tokens), if it has one."""
    if value.mult not in _BINARY:
        return None
    f = _BINARY[value.mult] / value.mult
    return value._replace(low=value.low * f, high=value.high * f, step=value.step * f)
