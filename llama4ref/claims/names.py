"""The figures a Llama 4 model's name states: "Llama-4-Maverick-17B-128E" says the variant has 17B
active parameters and 128 routed experts. Meta names the released models "<variant>-17B-16E" (Scout) and
"<variant>-17B-128E" (Maverick); a name that gives a variant the other's expert count
("Llama-4-Maverick-17B-16E") states a wrong count. The number in a name is masked where other
values are read (llama4ref.claims.values), so the name is read here on its own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from llama4ref.claims.reading import attribute
from llama4ref.claims.statement import Statement
from llama4ref.claims.values import Value

if TYPE_CHECKING:
    from llama4ref.records.vocabulary import Lexicon

_NAMED_EXPERTS = re.compile(
    r"(?i)(?<![\w.])(?:llama[-_ ]?4[-_ ])?(scout|maverick)(?:[-_ ]|\s*\(\s*)(?P<a>17b)\s*[-_ x×]?\s*(?P<e>(?P<n>\d{1,3})e)(?![a-z\d])"
)
"""A Llama 4 model's name with its active size and expert count ("Llama-4-Scout-17B-16E",
"llama4-maverick-17b-128e", "Scout (17B x 16E)")."""


def name_statements(text: str, lex: Lexicon) -> list[Statement]:
    """Statements of the active size and the routed expert count for each Llama 4 model name in
    ``text`` that gives them (a name written again in the same text once)."""
    attrs = (*attribute(lex, "experts"), *attribute(lex, "routed"))
    active = (*attribute(lex, "parameters"), *attribute(lex, "active"))
    out, seen = [], set()
    for m in _NAMED_EXPERTS.finditer(text):
        count = float(m.group("n"))
        if (m.group(1).lower(), count) in seen:
            continue  # the same name again on the line ('MAVERICK_17B_16E = "maverick-17b-16e"'): one statement
        seen.add((m.group(1).lower(), count))
        size = Value(17e9, 17e9, 1e9, 1e9, "exact", m.group("a"), m.start("a"), m.end("a"))
        v = Value(count, count, 1.0, 1.0, "exact", m.group("e"), m.start("e"), m.end("e"))
        for value, about, units in ((size, active, ("parameters",)), (v, attrs, ("experts",))):
            out.append(Statement(value, m.group(1).lower(), "text", None, about, units, None, None, None, None, False, False, True, False))
    return out
