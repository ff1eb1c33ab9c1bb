"""Dollar amounts read as prices: "$0.50 (input) / $0.77 (output) per million tokens", a
"$0.1500" cell under an "Input $/1M" column, "// $0.1/1M tokens" beside a catalog row.

A number after "$" is no value to llama4ref.claims.values (a sum of money is no Llama 4 fact). It
is read as a price only where its text says it is one: a price word ("pricing", "price"), a
rate per million tokens ("per million tokens", "/1M", "/M tokens") or a column heading written
"$/1M". Such a figure is then judged only as a recorded provider's price: with no provider bound
(a price has no model-tier fact), or read as anything but a price, it is left out as before.
"""

from __future__ import annotations

import re
from typing import Any

from llama4ref.claims.document import Span
from llama4ref.claims.statement import SEVERAL_PROVIDERS, UNKNOWN_PROVIDER, Statement

_CONTEXT = re.compile(
    r"(?i)\bpric(?:e|es|ing)\b|\bper\s+(?:1\s*)?(?:m|million|mtok)\b|/\s*1?\s*m(?:tok)?\b|\$\s*/\s*1\s*m\b",
)
_DOLLAR = re.compile(r"\$(?=\d)")
_PER = re.compile(r"^/\s*1?\s*[mM]\b")  # written with its rate ("$0.1/1M"): the value as the text gives it
_SIDE = re.compile(r"^\s*\(\s*(input|output)\s*\)", re.I)  # "$0.50 (input)"
_KEY = re.compile(r"""^\s*['"]?(input|output)['"]?\s*[:=]""", re.I)  # "input: 1e-7, // $0.1/1M": the row's key
_SHORT_SIDE = re.compile(r"(?i)(?:^|[\s:;,(])(in|out)\s*:\s*$")  # "In: $0.50, Out: $1.50": a side written short
_OUT_AFTER = re.compile(r"(?i)(?<=\d),\s*out:\s{2,}(?=\d)")
"""The second amount's side written short after the first (", Out: $1.50", its "$" blanked):
rewritten " output:" in as many characters, so that the amount is read with its side."""
_NAME_WORDS = frozenset({"instruct", "active"})
"""Attributes a model id in the row's label gives ("meta.llama4-maverick-17b-instruct-v1:0": its
stage, its active size), which say nothing of the price beside it."""
_SIDES = {"in": "input", "out": "output", "input": "input", "output": "output"}
_TOTAL = re.compile(
    r"(?i)\b(?:monthly|weekly|daily|annual(?:ly)?|yearly|per\s+(?:month|week|day|year|request|query|call|run)|a\s+(?:month|year))\b"
    r"|/\s*(?:mo(?:nth)?|yr|year|day|req(?:uest)?)\b"
    r"|(?<![/$\w])(?<!per\s)(?<!per\s\s)\(?\s*(?:for\s+)?(?!1\s*(?:m|million)\b)\d[\d.,]*\s*[kmb]?\s+(?:tokens|requests|calls)\b(?!\s*/)"
)
"""A label that makes an amount a total, not a rate per million tokens: a period ("Monthly Cost",
"/month"), a cost per request, or the volume it is for ("Cost (200M tokens)", "for 1B tokens"; a
million tokens' cost is the rate itself)."""
_PERIOD = re.compile(r"(?i)(?:/\s*|per\s+|a\s+)(?:mo(?:nth)?|yr|year|week|day|req(?:uest)?|query|call|run)\b|monthly\b")
"""A period or a request after the amount ("$100/month", "$0.002 per request")."""


def priced_text(span: Span) -> tuple[Span, frozenset[int]]:
    """``span`` with the "$" before each amount it gives as a price blanked (so the amount is
    read), and the offsets of those amounts; ``span`` unchanged when it names no price."""
    said = span.text + " " + " ".join(span.columns) + (" " + span.column if span.column else "")
    if "$" not in span.text or not _CONTEXT.search(said):
        return span, frozenset()
    at = frozenset(m.end() for m in _DOLLAR.finditer(span.text))
    text = _OUT_AFTER.sub(lambda m: " " * (len(m.group()) - 8) + " output:", _DOLLAR.sub(" ", span.text))
    return span._replace(text=text), at


def dollar_statement(st: Statement, text: str, at: frozenset[int], attrs: dict[str, dict[str, Any]]) -> Statement | None:
    """A statement read from an amount after "$" as the price it is, its value written as the
    document writes it ("$0.50", "$0.1/1M"); None when it is not a recorded provider's price.
    Any other statement is returned as it is."""
    v = st.value
    if v.start not in at:
        return st
    ids = {str(a.get("id")) for a in st.attributes}
    price = attrs.get("price")
    if (
        price is None
        or not ids - _NAME_WORDS <= {"price", "input", "output"}
        or not st.provider
        or st.provider in (UNKNOWN_PROVIDER, SEVERAL_PROVIDERS)
    ):
        return None  # read as something else than a price, or nobody's price the records hold
    label = re.split(r"[|\n;]|,\s", text[max(0, v.start - 80) : v.start])[-1]  # the amount's own label
    if _TOTAL.search(label) or _PERIOD.match(text[v.end : v.end + 24].lstrip()):
        return None  # "Monthly Cost (200M tokens): $100": a sum over a period or a volume, no price per million
    rest = text[v.end :]
    per = _PER.match(rest)
    value = v._replace(text="$" + v.text + (per.group(0) if per else ""), start=v.start - 1)
    marked = _SIDE.match(rest) or _KEY.match(text[: v.start]) or _SHORT_SIDE.search(text[: v.start])
    sides = {_SIDES[marked.group(1).lower()]} if marked else ids - {"price"} - _NAME_WORDS
    side = (attrs[next(iter(sides))],) if len(sides) == 1 and next(iter(sides)) in attrs else ()
    return st._replace(value=value, attributes=(price, *side), units=("usd_per_million_tokens",), firm=bool(side) or st.firm)
