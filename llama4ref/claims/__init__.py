"""Check a document's Llama 4 claims against the records.

>>> import llama4ref
>>> [c.status for c in llama4ref.check_claims("Llama 4 Scout has 16 experts and a 128K context window.")]
['supported', 'contradicted']

``check_claims(text)`` reads Markdown, HTML, plain text or a model card
(llama4ref.claims.document), finds each value stated about Llama 4 with the one vocabulary
(llama4ref.claims.extract) and judges it against the records (llama4ref.claims.judge).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

Status = Literal["supported", "contradicted", "disputed", "unchecked"]

if TYPE_CHECKING:
    from llama4ref.store.answers import Alternative
    from llama4ref.store.knowledge_base import KnowledgeBase
    from llama4ref.store.shapes.ask import DocumentClaimJSON

CODES = {
    "supported": "L4-CLAIM-SUPPORTED",
    "contradicted": "L4-CLAIM-CONTRADICTED",
    "disputed": "L4-CLAIM-DISPUTED",
    "unchecked": "L4-CLAIM-UNCHECKED",
}


class Claim(NamedTuple):
    """One statement found in a document and what the records say about it."""

    file: str
    line: int
    col: int
    text: str  # the value as written
    sentence: str
    subject: str | None  # variant (or provider/variant)
    status: Status
    path: str | None  # the fact it was judged against
    recorded: Any
    rank: str | None
    reason: str
    bound: str | None = None
    citation: str | None = None  # "source-id: locator: “quote”"

    @property
    def code(self) -> str:
        return CODES[self.status]

    def message(self) -> str:
        """The one-line message after ``file:line:col: CODE``."""
        about = f"{self.subject}: " if self.subject else ""
        where = f" — {self.citation}" if self.citation else ""
        recorded = _shown(self.recorded, self.path) + (f" ({self.bound})" if self.bound and self.bound != "exact" else "")
        if self.status == "contradicted":
            return f"{about}{self.text!r} disagrees with {self.path} = {recorded} ({self.reason}){where}"
        if self.status == "disputed":
            return f"{about}{self.text!r} {self.reason}; the records prefer {self.path} = {recorded}"
        if self.status == "supported":
            rank = f" (its {self.rank} value)" if self.rank else ""
            return f"{about}{self.text!r} agrees with {self.path}{rank}{where}"
        return f"{about}{self.text!r} not checkable: {self.reason}"

    def to_json(self) -> DocumentClaimJSON:
        return {
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "status": self.status,
            "text": self.text,
            "sentence": self.sentence,
            "subject": self.subject,
            "path": self.path,
            "recorded": _jsonable(self.recorded),
            "bound": self.bound,
            "rank": self.rank,
            "reason": self.reason,
            "citation": self.citation,
        }


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _shown(value: Any, path: str | None = None) -> str:
    """A recorded value in words, as ``get`` shows it (llama4ref.formatting), never a Python repr.

    A list is judged by its length ("12 languages": the judge counts ``scout.languages``), so its
    count comes first, named by the path's last word, then its items:

    >>> _shown(["Arabic", "English"], "scout.languages"), _shown(109_000_000_000), _shown({"a": ["b", "c"]})
    ('2 languages (Arabic, English)', '109,000,000,000', 'a: b, c')
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, (list, dict)):
        from llama4ref.formatting import format_value

        words = format_value(value, "text_list" if isinstance(value, list) else "")
        if isinstance(value, list) and path:
            return f"{len(value)} {path.rsplit('.', 1)[-1].replace('_', ' ')} ({words})"
        return words
    return str(_jsonable(value))


KINDS = ("markdown", "html", "text")


def _arguments(text: object, kind: object, file: object, source: object) -> None:
    """Raise the documented error for an argument of the wrong type or value, as ``get`` does."""
    from llama4ref.store.knowledge_base import require_str

    require_str(text, "text")
    if require_str(kind, "kind") not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    require_str(file, "file")
    if source is not None:
        require_str(source, "source")


def check_claims(
    text: str, kb: KnowledgeBase | None = None, *, kind: str = "markdown", file: str = "-", source: str | None = None
) -> list[Claim]:
    """Every Llama 4 statement in ``text`` with its verdict, in document order. ``source`` is the
    address the text was read from (else the one it carries: front matter ``source:``, an HTML
    canonical link); on a provider's own page, served limits are that provider's.

    A non-``str`` argument raises :class:`TypeError` (``bytes``: decode it first), a ``kind``
    other than ``markdown``, ``html`` or ``text`` a :class:`ValueError`."""
    _arguments(text, kind, file, source)
    from llama4ref.claims.catalog import (
        SERVED,
        borrowed_row,
        catalog_of,
        catalog_page,
        cell_provider,
        entry_heads,
        entry_provider,
        entry_variant,
        heading_provider,
        key_row,
        keyed_param,
        maker_entry,
        model_ids,
        nested_row,
        own_rows,
        priced,
        row_provider,
        settle,
        unread_key,
    )
    from llama4ref.claims.cues import BUDGET, OFFERED, OWN_FIGURE, TRAINED, capped_lists
    from llama4ref.claims.document import mask_code, read
    from llama4ref.claims.dollars import dollar_statement, priced_text
    from llama4ref.claims.extract import ECHO_REACH, statements
    from llama4ref.claims.judge import judge
    from llama4ref.claims.names import name_statements
    from llama4ref.claims.pages import address_in, page_provider, topic_of
    from llama4ref.claims.routes import route_doubt
    from llama4ref.claims.scope import against_lead, other_sentence, shared_page
    from llama4ref.claims.statement import UNKNOWN_PROVIDER, Statement
    from llama4ref.claims.subject import LLAMA4_NAME, OTHER_NAME, other_model, sized_variant, subject_of, variants_named
    from llama4ref.records.vocabulary import Lexicon
    from llama4ref.store.loaders import knowledge_base

    kb = kb or knowledge_base()
    lex = Lexicon(kb.vocabulary())
    attrs = {t["id"]: t for t in lex.terms if t["kind"] == "attribute"}
    address = source or address_in(text, kind)
    served_by = page_provider(address, lex)
    topic = topic_of(address)  # the address's path, read as a title above every heading
    page = [(lex.parse(topic), topic)] if topic and LLAMA4_NAME.search(topic) else []
    page = [p for p in page if not other_model(p[0]) and not OTHER_NAME.search(p[1])]  # (naming other models too: nothing)
    out: list[Claim] = []
    parses: dict[str, Any] = {}
    carried: tuple[int, str | None] = (-1, None)
    pair: tuple[int, tuple[str, ...]] = (-1, ())  # the variants the paragraph's previous sentence names
    # the statements of the paragraph's sentences so far; a bare figure echoes one of the last ECHO_REACH
    stated: tuple[int, list[tuple[Statement, ...]]] = (-1, [])
    spans = read(text, kind)
    paths = [h for s in spans for h in s.headings if "/" in h and " " not in h.strip()]  # a heading that is a file path
    catalog = catalog_of([address, file, *paths], kb, lex)
    ids = model_ids(kb)
    entries: dict[str, tuple[str | None, str | None]] = {}  # a catalog entry's provider and model, by its rows
    page_entry: tuple[str | None, str | None] | None = None  # the provider and model a catalog page's path names
    named_at: set[tuple[int, int]] = set()  # where the model names reported so far stand
    sized = sized_variant([lex.parse(mask_code(s.text)) for s in spans])
    # a paragraph that states a budget for prompt and response together ("Maximum prompt + response
    # length is 512,000 tokens"): the windows its other sentences give are that service's too
    budgeted = {s.paragraph for s in spans if s.paragraph >= 0 and BUDGET.search(s.text)}
    budgeted |= capped_lists(spans)  # a list one of whose items caps a reply's length: its window is served
    for span in spans:
        heads = [(parses.setdefault(h, lex.parse(mask_code(h))), mask_code(h)) for h in span.headings]
        inner = heads[-1][0] if heads else None
        heads = page + heads
        carry = carried[1] if span.paragraph >= 0 and span.paragraph == carried[0] else None
        named = None if borrowed_row(span.text) else subject_of(mask_code(span.text), lex)  # (a tokenizer's model)
        pairs = pair[1] if span.paragraph >= 0 and span.paragraph == pair[0] else ()
        if span.paragraph >= 0 and (named or carried[0] != span.paragraph):
            carried = (span.paragraph, named)
        pair = (span.paragraph, variants_named(mask_code(span.text), lex))
        span, dollars = priced_text(span)  # "$0.50 per million tokens": a price's amount, read
        span = span._replace(text=keyed_param(span.text)) if span.block else span  # '{ "key": "max_tokens", "maxValue": …'
        by_name = name_statements(mask_code(span.text), lex)  # a model's name: reported only where it states a wrong figure
        if span.paragraph < 0 or span.paragraph != stated[0]:
            stated = (span.paragraph, [])
        earlier = tuple(stated[1][-ECHO_REACH:])
        found_all = statements(span, lex, heads, carry, sized, pairs, span.paragraph in budgeted, served_by, inner, earlier)
        if span.paragraph >= 0:
            stated[1].append(tuple(found_all))
        for found in sorted([*found_all, *by_name], key=lambda x: x.value.start):
            st = dollar_statement(found, span.text, dollars, attrs)
            if st is None:
                continue
            st = st._replace(own=bool(OWN_FIGURE.search(span.text, max(0, st.value.start - 40), st.value.start)))
            if "languages" in st.units or any(a["id"] == "languages" for a in st.attributes):
                said = OFFERED.search(span.text, max(0, st.value.start - 40), st.value.start)  # "supports 200 languages"
                st = st._replace(offered=bool(said) and not TRAINED.search(span.text))
            if span.block and key_row(span.text):  # a catalog or registry entry's row
                if span.block not in entries:
                    rows = own_rows(span.block)  # (not a borrowed tokenizer's model id)
                    where = [rows, catalog.entry] if catalog.entry else [rows]
                    named_by = entry_heads(span.headings)  # a model id heading it
                    own = catalog.provider or row_provider(span.block, kb, lex)  # (a row of its own naming one provider)
                    own = own or heading_provider(span.headings, kb, lex)  # ("provider: github" over the entry)
                    entries[span.block] = (entry_provider(own, where, ids), entry_variant(lex, where + named_by))
                own_unit = st.value.start + 1 in dollars  # "// $0.1/1M tokens": not in the key's unit
                st = settle(
                    st
                    if own_unit
                    else priced(st, nested_row(span.text, span.block, span.headings[-1] if span.headings else ""), attrs),
                    *entries[span.block],
                )
                st = st._replace(unread=tuple(unread_key(span.text, lex)))
                if maker_entry(span.block) and st.provider == UNKNOWN_PROVIDER and _window_only(st):
                    # '"provider": "meta-llama"': the maker's own window, unless "Meta" is its Llama API
                    api = st._replace(provider=LLAMA_API, provider_from="entry")
                    if not _LLAMA_API_NAMED.search(span.block) and judge(kb, api, attrs).status != "supported":
                        st = st._replace(provider=None, own=True)
            elif catalog.provider not in (None, UNKNOWN_PROVIDER) and catalog_page(catalog):  # a catalog's Markdown page
                if page_entry is None:
                    page_entry = (catalog.provider, entry_variant(lex, [catalog.entry]))
                st = settle(st, *page_entry)  # its rows are the entry's, as a catalog file's are
            elif (
                span.row
                and st.provider is None
                and ({str(a["id"]) for a in st.attributes} & SERVED or "usd_per_million_tokens" in st.units)
                and cell_provider(span.row, span.columns, kb, lex) == UNKNOWN_PROVIDER
            ):
                st = st._replace(provider=UNKNOWN_PROVIDER)  # a table row's "Provider" cell: one the records do not cover
            st = shared_page(other_sentence(against_lead(st, mask_code(span.text)), span.text), span.text, span.headings)
            v = judge(kb, st, attrs)
            if (
                v.status == "contradicted"
                and _address_only(st)
                and not (span.row or span.block or span.heading or catalog_page(catalog))
            ):
                # a provider's blog or guide, in running prose, giving the model's nominal window
                # ("it features a context window of 1 million tokens"): the model's own figure
                mine = judge(kb, st._replace(provider=None, provider_from="text"), attrs)
                v = mine if mine.status == "supported" else v
            if v.status == "contradicted" and _served(st):
                doubt = route_doubt(span.text, st.provider, lex)  # "llama/llama-4-scout-…-fp8 | 128K": a service's
                v = v._replace(status="unchecked", reason=doubt) if doubt else v
            if v.status != "contradicted" and any(n.value == found.value for n in by_name):
                continue
            line, col = span.position(st.value.start)
            if any(n.value == found.value for n in by_name):
                if (line, col) in named_at:
                    continue  # a table row's model name, read again with each of its cells: one claim
                named_at.add((line, col))
            variant = v.path.split(".")[0] if st.every and v.path else st.variant  # "both": the one judged
            subject = variant if not st.provider else f"{st.provider}/{variant}"
            cite = _citation(kb, v.path, v.alternative) if v.path and v.status in ("supported", "contradicted") else None
            bound = kb.get(v.path).bound if v.path else None
            out.append(
                Claim(
                    file,
                    line,
                    col,
                    st.value.text,
                    span.text.strip(),
                    subject,
                    v.status,
                    v.path,
                    v.recorded,
                    v.rank,
                    v.reason,
                    bound,
                    cite,
                )
            )
    return out


LLAMA_API = "meta_llama_api"
"""Meta's own serving API: a catalog's "provider: 'Meta'" may mean it rather than the maker."""
_LLAMA_API_NAMED = re.compile(r"(?i)api\.llama\.com|llama[\s_-]?api")


def _served(st: Any) -> bool:
    """Whether a statement is about what a service sets (a window, cap, price or date it serves)."""
    from llama4ref.claims.judge import SERVED

    return bool({str(a["id"]) for a in st.attributes} & SERVED) or "usd_per_million_tokens" in st.units


def _address_only(st: Any) -> bool:
    """Whether a served figure's provider is named only by the page's own address (no word of the text)."""
    return _served(st) and st.provider_from == "entry" and bool(st.provider)


def _window_only(st: Any) -> bool:
    """Whether a statement is about a context window alone (no output cap, input limit or price)."""
    return {str(a["id"]) for a in st.attributes} == {"context"} and "usd_per_million_tokens" not in st.units


def _citation(kb: KnowledgeBase, path: str, alternative: Alternative | None = None) -> str | None:
    """The citation printed with a verdict: the matched alternative's own source when a ranked value
    agreed ("up to 10 images" is the vLLM blog's figure, not the model card's 5), else the fact's."""
    fact = kb.get(path)
    if alternative is not None and alternative.citations:
        c = alternative.citations[0]
        return f"{c.source}: {c.locator}: “{c.quote}”"
    if fact.citations:
        c = fact.citations[0]
        return f"{c.source}: {c.locator}: “{c.quote}”"
    if fact.derived and fact.formula:
        return f"derived: {fact.formula}"
    return None


def exit_code(claims: list[Claim]) -> int:
    """1 when any claim is contradicted, else 0."""
    return 1 if any(c.status == "contradicted" for c in claims) else 0
