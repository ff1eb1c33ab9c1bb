"""The figure a Llama 4 model's name states: "Llama-4-Maverick-17B-128E" says the variant has 128
routed experts. Meta names the released models "<variant>-17B-16E" (Scout) and
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
    r"(?i)(?<![\w.])(?:llama[-_ ]?4[-_ ])?(scout|maverick)(?:[-_ ]|\s*\(\s*)17b\s*[-_ x×]?\s*(?P<e>(?P<n>\d{1,3})e)(?![a-z\d])"
)
"""A Llama 4 model's name with its expert count ("Llama-4-Scout-17B-16E", "llama4-maverick-17b-128e",
"Scout (17B x 16E)"); the right names are no claims, so only a wrong count is reported (check-claims
reads the text with code spans masked: a name quoted in code is not read). A name that ends a path
("vertex_ai/meta/llama-4-scout-17b-128e-instruct-maas", "org/Llama-4-Maverick-17B-16E") is an
identifier a catalog or a hub keys a model by, copied as that service spells it: not read."""

_TOKEN_HEAD = re.compile(r"[^\s\"'`|(),\[\]{}<>]*\Z")
"""The part of the token a name sits in that comes before it (up to a space, quote or cell bar)."""


def name_statements(text: str, lex: Lexicon) -> list[Statement]:
    """A statement of the routed expert count for each Llama 4 model name in ``text`` that gives one
    (a name written again in the same text once); check-claims reports it only when it is wrong."""
    attrs = (*attribute(lex, "experts"), *attribute(lex, "routed"))
    out, seen = [], set()
    for m in _NAMED_EXPERTS.finditer(text):
        head = _TOKEN_HEAD.search(text, 0, m.start())
        if head is not None and "/" in head.group():
            continue  # the end of a path: a catalog's or a hub's key for the model
        count = float(m.group("n"))
        if (m.group(1).lower(), count) in seen:
            continue  # the same name again on the line ('MAVERICK_17B_16E = "maverick-17b-16e"'): one statement
        seen.add((m.group(1).lower(), count))
        v = Value(count, count, 1.0, 1.0, "exact", m.group("e"), m.start("e"), m.end("e"))
        out.append(
            Statement(v, m.group(1).lower(), "text", None, attrs, ("experts",), None, None, None, None, False, False, True, False)
        )
    return out
