"""A service's route id for a Llama 4 model (``meta/llama-4-scout-17b-16e-instruct``,
``llama/cerebras-llama-4-maverick-17b-128e-instruct``): the tier a served figure beside it is.

An API id is written in lower case with a namespace before its slash; a model's own repository
keeps the model's capitals (``meta-llama/Llama-4-Scout-17B-16E-Instruct``). A window, cap, price or
date beside a route id is what the service behind the namespace serves, so it is contradicted only
against that service's record: not against the model's own window (the id says a service serves it,
not which one when the namespace names none the records cover), and not against a provider named
only inside the slug when the namespace is another one (a gateway's route to a backend it resells,
whose limits are the gateway's). A provider bound elsewhere (a heading, the page's address) serving
the model under the maker's id (Groq's ``meta-llama/llama-4-scout-17b-16e-instruct``) is that
provider's figure as before. A size, experts or layers beside it stay the model's own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from llama4ref.claims.pages import named_providers

if TYPE_CHECKING:
    from llama4ref.records.vocabulary import Lexicon

_ROUTE = re.compile(r"(?<![\w./-])([a-z0-9][a-z0-9_.-]*)/([a-z0-9_.:-]*llama-?4[a-z0-9_.:-]*)(?![\w/])")
"""A lower-case ``namespace/slug`` whose slug names Llama 4."""


def route_doubt(text: str, provider: str | None, lex: Lexicon) -> str | None:
    """Why a served figure's contradiction is unsure in ``text`` (a route id whose namespace is not
    the provider it was judged against), or None."""
    for m in _ROUTE.finditer(text):
        namespace = named_providers({m.group(1)}, lex)
        in_slug = provider is not None and provider in named_providers(set(re.split(r"[-_.:]+", m.group(2))), lex)
        if provider is None or (in_slug and provider not in namespace):
            return f"a service's model id ('{m.group(0)}'): its namespace, not the model or a provider in its slug, serves it"
    return None
