"""The license constants the checker needs, read from the records (never hard-coded).

They come from a knowledge base: the shipped one (the compiled index, no YAML parsing) or one
built from another facts tree by the strict loader and validator (:func:`load_license_terms`),
so the checker sees the same records, checked the same way, as every other command. The checks
only see the frozen :class:`LicenseTerms`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from llama4ref.errors import DataError, UnknownIdError

if TYPE_CHECKING:
    from llama4ref.store.answers import Citation
    from llama4ref.store.knowledge_base import KnowledgeBase

SHEET = "license"
"""The fact sheet (subject) holding the license constants: ``license.name_prefix`` and so on."""
AGREEMENT_SOURCE = "llama-models-license"
AUP_SOURCE = "llama-models-use-policy"
META_PUBLISHER = "Meta"
"""The ``publisher`` of the identifier sets whose names are Meta's own (see ``meta_names``)."""


@dataclass(frozen=True)
class Anchor:
    """A short verbatim sentence of a license document, quoted by a LicenseTerm record."""

    term: str
    section: str
    quote: str


@dataclass(frozen=True)
class LicenseTerms:
    """Everything the checks compare against, taken from the facts tree."""

    name_prefix: str
    attribution: str
    notice: str
    agreement_fingerprint: str
    aup_fingerprint: str
    aup_url: str
    agreement_urls: tuple[str, ...]
    license_ids: tuple[str, ...]
    agreement_title: str
    agreement_anchors: tuple[Anchor, ...]
    aup_anchors: tuple[Anchor, ...]
    meta_names: frozenset[str] = frozenset()
    """Meta's own model names (the part after the last '/', case-folded), from the identifier
    records Meta publishes itself (``facts/identifiers/``: publisher Meta, official)."""
    meta_orgs: frozenset[str] = frozenset()
    """Meta's own Hub namespaces (``meta-llama``, case-folded), from the same records."""
    aup_url_cited: str = ""
    """Where the records take :attr:`aup_url` from: "source, locator" of its first citation."""


def load_license_terms(tree_dir: Path) -> LicenseTerms:
    """The license constants of the facts tree at ``tree_dir``, read by the strict loader and
    validator; :class:`DataError` when the tree is invalid or lacks them."""
    from llama4ref.store.loaders import load

    return license_terms_from(load(tree_dir), f"{tree_dir}")


def shipped_license_terms() -> LicenseTerms:
    """The license constants of the shipped data, from the compiled index."""
    from llama4ref.store.loaders import knowledge_base

    return license_terms_from(knowledge_base(), "the shipped index")


def license_terms_from(kb: KnowledgeBase, where: str) -> LicenseTerms:
    """The constants from the license sheet's facts and the LicenseTerm records of ``kb``."""

    def fact_value(key: str) -> str:
        try:
            value = kb.get(f"{SHEET}.{key}").value
        except UnknownIdError:
            value = None
        if not isinstance(value, str) or not value:
            raise DataError(f"{where}: fact {SHEET}.{key} is missing or not text")
        return value

    def cited(key: str) -> str:
        citations = kb.get(f"{SHEET}.{key}").citations
        return f"{citations[0].source}, {citations[0].locator}" if citations else ""

    def title(key: str) -> str:
        citations = kb.get(f"{SHEET}.{key}").citations
        return citations[0].quote if citations else ""

    agreement: list[Anchor] = []
    aup: list[Anchor] = []
    for term in sorted(kb.license_terms(), key=lambda t: t.id):  # the records' file order
        for cit in term.citations:
            if cit.source == AGREEMENT_SOURCE:
                agreement.append(_anchor(term.id, term.section, cit))
            elif cit.source == AUP_SOURCE:
                aup.append(_anchor(term.id, term.section, cit))
    meta = [i for i in kb.identifiers() if i.publisher == META_PUBLISHER and i.official]
    return LicenseTerms(
        name_prefix=fact_value("name_prefix"),
        attribution=fact_value("attribution"),
        notice=fact_value("notice"),
        agreement_fingerprint=fact_value("fingerprint.agreement"),
        aup_fingerprint=fact_value("fingerprint.aup"),
        aup_url=fact_value("aup_url"),
        agreement_urls=(fact_value("agreement_url"), fact_value("agreement_url_hf")),
        license_ids=(fact_value("hf_license_id"),),
        agreement_title=title("fingerprint.agreement"),
        agreement_anchors=_unique(agreement),
        aup_anchors=_unique(aup),
        meta_names=frozenset(i.name.rsplit("/", 1)[-1].casefold() for i in meta),
        meta_orgs=frozenset(i.name.split("/", 1)[0].casefold() for i in meta if i.namespace == "huggingface" and "/" in i.name),
        aup_url_cited=cited("aup_url"),
    )


def _anchor(term: str, section: str, cit: Citation) -> Anchor:
    return Anchor(term=term, section=section, quote=cit.quote)


def _unique(anchors: list[Anchor]) -> tuple[Anchor, ...]:
    """One anchor per distinct quote, first record (by file name) wins."""
    return tuple({a.quote: a for a in reversed(anchors)}[q] for q in dict.fromkeys(a.quote for a in anchors))
