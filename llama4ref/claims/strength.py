"""How strongly a statement's value is bound to the variant it is judged against, and the binding
a contradiction needs.

Precision first (issue 18): a value is *contradicted* only when variant, attribute and tier are
unambiguous. The attribute and the tier are settled where the statement is read
(llama4ref.claims.extract: ``firm``, the provider); the variant's binding is ranked here by where
the variant was found:

====================  =====  ===========================================================
``variant_from``      rank   the variant is named …
====================  =====  ===========================================================
``text``, ``column``  4      in the value's own sentence, or as the header of its table column
``heading``           3      by the innermost heading above the value (a spec list under it)
``entry``             3      by the catalog entry the value is a field of: its key, its path or a
                             row of its own (llama4ref.claims.catalog)
``title``             2      only by an outer heading (a page title above other headings)
``paragraph``         1      only by an earlier sentence of the paragraph
``after``             0      only after the value in its sentence ("12 experts power Scout"), no
                             column, heading or earlier sentence naming one
``none``              0      nowhere: a statement about Llama 4 as a whole
====================  =====  ===========================================================

A mismatch bound more weakly than :data:`CONTRADICT_FROM` is reported unchecked ("weakly
bound"), never contradicted. The same holds for the provider of a served limit (named in the value's
text, the innermost heading, the catalog entry or the page's own address: rank 3 or more,
:data:`PROVIDER_FROM`), and a catalog row is contradicted only when every word of its key is read
(:data:`KEY_READ`; "max_input_tokens_reserved": what the figure is, is unsure). The gates measured on
every first-sight set are in docs/accuracy.md. A statement whose entity is itself one fact (the license's
monthly-active-user threshold) names no variant and needs none.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from llama4ref.claims.statement import Binding

RANK: dict[Binding, int] = {"text": 4, "column": 4, "heading": 3, "entry": 3, "title": 2, "paragraph": 1, "after": 0, "none": 0}
CONTRADICT_FROM = 3
"""The weakest binding a contradiction may have (tuned on the corpus; see docs/accuracy.md)."""

WHERE: dict[Binding, str] = {
    "heading": "the variant comes from the heading above",
    "title": "the variant comes only from a page title above other headings",
    "paragraph": "the variant comes only from an earlier sentence",
    "after": "the variant is named only after the value",
    "none": "no variant is named (Llama 4 as a whole)",
}


def weakly_bound(variant_from: Binding, entity_fact: bool) -> str | None:
    """Why a mismatch is too weakly bound to be a contradiction, or None when it is bound enough."""
    if entity_fact or RANK[variant_from] >= CONTRADICT_FROM:
        return None
    return f"weakly bound: {WHERE.get(variant_from, variant_from)}"


KEY_READ = True
"""Whether a catalog row is contradicted only when every word of its key is read."""
FAMILY_TEST = True
"""Whether a weakly bound mismatch is still contradicted when no Llama 4 variant has the value."""
PROVIDER_FROM = 3
"""The weakest binding of the provider a served-limit contradiction may have."""
REACH: int | None = None
"""The most words a contradicted value may stand from the phrase naming its attribute (None: any)."""


def doubtful(provider_from: Binding, reach: int, served: bool, unread: tuple[str, ...] = ()) -> str | None:
    """Why a mismatch is not certain enough to be a contradiction (a catalog key with words the
    checker does not read, the provider of a served limit named only far from the value, the
    attribute named far from it), or None."""
    if KEY_READ and unread:
        return f"the key's words {', '.join(unread)!r} are not read: what its figure is, is unsure"
    if served and RANK[provider_from] < PROVIDER_FROM:
        where = "only in a page title above other headings" if provider_from == "title" else "only in another row or sentence"
        return f"weakly bound provider: named {where}"
    if REACH is not None and reach > REACH:
        return f"the attribute is named {reach} words from the value"
    return None
