"""The duties judged on the model card as rendered: attribution, links, the card's license.

Policies (see :mod:`llama4ref.compliance.rendered` for what counts as displayed):

* **Attribution**: "Built with Llama" must appear in a displayed block, after ``l4r-text-1``
  normalisation (emphasis and link markup are already gone). A sentence that negates it
  ("not", "never", "no", "without" or a word ending in "n't" among the three words before it
  in the same clause) does not count. An image whose alt text is exactly the phrase (a
  "Built with Llama" badge) counts as displayed: the clause asks that the phrase be displayed,
  and a badge displays it as an image. The check passes with a note that the image itself must
  show the phrase (the checker cannot see the picture). When the phrase is not displayed, the
  message names where it was found instead: the front matter, an HTML comment, a code block,
  an image's alt text (not exactly the phrase), or a hidden element or link title.
* **Links**: the targets a reader can follow, plus the front-matter ``license_link`` (the
  Hub shows it beside the license). ``extra_gated_prompt`` (the access form) never counts.
* **Card license**: each ``base_model`` is judged by :func:`~llama4ref.compliance.card.judge_base`;
  a base under the Llama 4 license requires ``license: llama4`` (or ``other`` + a Llama 4
  ``license_name``). No ``base_model`` at all is a warning: the base is unknown, unless the
  card says otherwise: it declares an earlier Llama license (``llama3.1``), or it never names
  Llama 4 (front matter or displayed text) while its displayed links name Hub models of
  another generation (``meta-llama/Meta-Llama-3-8B-Instruct``) and none of Llama 4.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llama4ref.compliance.card import BaseModel, CardMeta, base_models, declares_license, judge_base
from llama4ref.compliance.files import FileText
from llama4ref.compliance.findings import Collector
from llama4ref.compliance.rendered import RenderedCard, render
from llama4ref.compliance.terms import LicenseTerms
from llama4ref.compliance.text import normalise

_NEGATIONS = frozenset({"not", "never", "no", "without", "nor", "neither", "nothing"})


@dataclass(frozen=True)
class CardView:
    """One card file: its text, what a reader sees of it, and its followable links."""

    rel: str
    text: str
    rendered: RenderedCard

    @staticmethod
    def of(card: FileText) -> CardView:
        text = card.text or ""
        return CardView(card.rel, text, render(text))


def followable_links(views: list[CardView], meta: CardMeta | None, meta_file: str | None) -> list[tuple[str, str, int | None]]:
    """(url, file, line) of every link a reader can follow, ``license_link`` included."""
    links: list[tuple[str, str, int | None]] = [(url, v.rel, line) for v in views for url, line in v.rendered.links]
    link = meta.data.get("license_link") if meta else None
    if isinstance(link, str) and meta is not None and meta_file is not None:
        links.append((link, meta_file, meta.key_lines.get("license_link")))
    return links


def check_attribution(views: list[CardView], terms: LicenseTerms, out: Collector) -> None:
    phrase = normalise(terms.attribution)
    other_case: tuple[str, int] | None = None
    negated = False
    for view in views:
        for block in view.rendered.blocks:
            shown = normalise(block.text)
            for m in re.finditer(re.escape(phrase), shown, re.IGNORECASE):
                if _negated(shown[: m.start()]):
                    negated = True
                elif m.group(0) == phrase:
                    return
                elif other_case is None:
                    other_case = (view.rel, block.line)
    if other_case is not None:
        out.add(
            other_case[0],
            other_case[1],
            "L4-ATTRIBUTION",
            f"displays the phrase in another letter case; the license requires {phrase!r}",
            "warning",
        )
        return
    for view in views:
        for image in view.rendered.images:
            if normalise(image.text) == phrase:
                out.add(
                    view.rel,
                    image.line,
                    "L4-ATTRIBUTION",
                    f"{phrase!r} is displayed as an image (a badge) whose alt text is the phrase; "
                    "make sure the image itself shows the words, which this check cannot see",
                    "note",
                )
                return
    where = views[0].rel if views else "README.md"
    why = ""
    if negated:
        why = " (it appears only in a sentence that negates it)"
    else:
        places = _unseen_places(views, phrase)
        if places:
            why = f" (it appears only where a reader does not see it as text: {places})"
    out.add(where, None, "L4-ATTRIBUTION", f"{phrase!r} is not displayed in the README or model card{why}")


def _unseen_places(views: list[CardView], phrase: str) -> str:
    """Where in the cards ``phrase`` is found though no displayed block shows it, in words ("" if nowhere)."""
    from llama4ref.compliance.rendered import body_of

    wanted = phrase.lower()

    def has(text: str) -> bool:
        return wanted in normalise(text).lower()

    places: list[str] = []
    for view in views:
        body, offset = body_of(view.text)
        found = [
            ("the front matter", offset > 0 and has("\n".join(view.text.split("\n")[:offset]))),
            ("an HTML comment", any(has(c) for c in re.findall(r"<!--.*?(?:-->|$)", body, re.DOTALL))),
            ("a code block", any(has(b.text) for b in view.rendered.code)),
            ("an image's alt text", any(has(b.text) for b in view.rendered.images)),
        ]
        places.extend(name for name, hit in found if hit and name not in places)
    if not places and any(has(v.text) for v in views):
        places.append("a hidden element or a link title")
    return ", ".join(places[:-1]) + (" and " if len(places) > 1 else "") + places[-1] if places else ""


def _negated(before: str) -> bool:
    clause = re.split(r"[.!?;:,()\[\]]", before)[-1]
    words = re.findall(r"[a-z’']+", clause.lower())[-3:]
    return any(w in _NEGATIONS or w.endswith(("n't", "n’t")) for w in words)


def check_card_license(
    meta: CardMeta | None, meta_file: str | None, terms: LicenseTerms, out: Collector, views: list[CardView] | None = None
) -> list[BaseModel]:
    """Check the card's ``license`` against its bases; return the judged bases."""
    if meta is None or meta_file is None or meta.problem:
        return []
    values = base_models(meta)
    other = _other_llama_license(meta)
    if not values and other is not None:
        # No base named, but the card declares an earlier Llama license: it presents itself as that model.
        return [BaseModel("(no base_model)", False, other, f"the card declares license: {other} and names no base_model")]
    linked = _linked_other_generation(meta, views or []) if not values else []
    if linked:
        shown = ", ".join(linked)
        return [BaseModel("(no base_model)", False, None, f"the card names no base_model and never Llama 4; it links {shown}")]
    if not values:
        out.add(
            meta_file,
            None,
            "L4-CARD-LICENSE",
            "the card has no base_model, so the base is unknown and its license cannot be checked; "
            "add base_model: <the Llama 4 repository it derives from>",
            "warning",
        )
        return []
    bases = [judge_base(v) for v in values]
    wanted = terms.license_ids
    llama4 = [b for b in bases if b.llama4 or (b.license is not None and b.license in wanted)]
    if not llama4:
        return bases
    declared = declares_license(meta, wanted)
    shown = ", ".join(repr(b.id) for b in llama4)
    if declared is None:
        out.add(
            meta_file,
            meta.key_lines.get("base_model"),
            "L4-CARD-LICENSE",
            f"base_model {shown} is under the Llama 4 Community License but the card declares no license; "
            f"use license: {wanted[0]}",
            "warning",
        )
    elif declared is False and _unnamed_other(meta):
        out.add(
            meta_file,
            meta.key_lines.get("license"),
            "L4-CARD-LICENSE",
            f"license: other names no license (no license_name) for base_model {shown}, which is under the Llama 4 "
            f"Community License; use license: {wanted[0]}",
            "warning",
        )
    elif declared is False:
        out.add(
            meta_file,
            meta.key_lines.get("license"),
            "L4-CARD-LICENSE",
            f"license: {meta.data.get('license')!r} contradicts base_model {shown}, which is under the Llama 4 "
            f"Community License; use license: {wanted[0]}",
        )
    return bases


_LLAMA4 = re.compile(r"llama[\s_-]?4(?!\d)", re.IGNORECASE)
_HUB_MODEL = re.compile(
    r"^(?:https?://)?(?:www\.)?(?:huggingface\.co|hf\.co)/([A-Za-z0-9][\w.-]*/[\w.-]+)(?:/(?:tree|blob|resolve|raw)/.*)?/?$"
)
_HUB_PAGES = frozenset({"docs", "datasets", "spaces", "blog", "papers", "collections", "models", "organizations", "posts"})


def _linked_other_generation(meta: CardMeta, views: list[CardView]) -> list[str]:
    """Hub models of another generation that a card without ``base_model`` links, when it never names
    Llama 4 and links no Llama 4 model; else ``[]`` (the base stays unknown)."""
    if any(_LLAMA4.search(t) for t in _front_texts(meta)) or any(
        _LLAMA4.search(b.text) for v in views for b in v.rendered.blocks
    ):
        return []
    ids: list[str] = []
    for view in views:
        for url, _ in view.rendered.links:
            m = _HUB_MODEL.match(url.strip())
            if m and m.group(1).split("/")[0].lower() not in _HUB_PAGES and m.group(1) not in ids:
                ids.append(m.group(1))
    judged = [judge_base(i) for i in ids[:20]]
    if any(b.llama4 for b in judged):
        return []
    return [b.id for b in judged if b.llama4 is False]


def _front_texts(meta: CardMeta) -> list[str]:
    """Top-level keys and their string values (or a list's first strings): never a deep walk, as
    aliases may share one node many times over."""
    texts: list[str] = []
    for key, value in list(meta.data.items())[:200]:
        texts.append(str(key))
        items = value[:100] if isinstance(value, list) else [value]
        texts.extend(v for v in items if isinstance(v, str))
    return texts


def _unnamed_other(meta: CardMeta) -> bool:
    """``license: other`` with no ``license_name``: says nothing, rather than something else."""
    value = meta.data.get("license")
    return isinstance(value, str) and value.strip().lower() == "other" and not meta.data.get("license_name")


def _other_llama_license(meta: CardMeta) -> str | None:
    """An earlier Llama license id the card declares (``llama2``, ``llama3.1``), if any."""
    value = meta.data.get("license")
    if isinstance(value, str) and re.fullmatch(r"llama[23](\.\d)?", value.strip().lower()):
        return value.strip()
    return None
