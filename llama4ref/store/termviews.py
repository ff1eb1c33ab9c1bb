"""License terms as facts: each term record read as a fact at ``license_terms.<id>``.

The records under ``facts/license_terms/`` stay the one place a term is written; this module
presents each of them, read-only, as a :class:`~llama4ref.store.answers.Fact` so that ``get``,
``cite``, ``search``, ``ask`` and the question benchmark reach a term like any other fact: the
value is the term's title, the note its summary with the document, section and kind, the
citations the term's own. The path is the id as a snake_case segment (:func:`llama4ref.paths.term_path`:
``aup-eu-multimodal`` is ``license_terms.aup_eu_multimodal``); the id as written, after a dot or
a slash (``license_terms/aup-eu-multimodal``, as ``list sources`` used to name it), reads the same.

A view is neither stored nor derived: ``kb.paths(derived=False)`` leaves it out (every check of
stored facts), and the exports, which carry the terms in their own table, ask with ``terms=False``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from llama4ref.paths import LICENSE_TERMS, term_path
from llama4ref.store.answers import Citation, Fact

if TYPE_CHECKING:
    from llama4ref.store.knowledge_base import KnowledgeBase

DOCUMENTS = {"llama-4-community-license": "Llama 4 Community License Agreement", "acceptable-use-policy": "Acceptable Use Policy"}
"""How a term's ``document`` is named in its view's note."""


def view_paths(terms: Mapping[str, Any]) -> dict[str, str]:
    """Each term's view path → the term's id, for the index's ``license_terms`` section."""
    return {term_path(tid): tid for tid in terms}


def canonical(path: str, terms: Mapping[str, Any]) -> str | None:
    """The view path ``path`` names when it writes a term's id as the records do
    (``license_terms.aup-eu-multimodal``, ``license_terms/aup-eu-multimodal``), else None."""
    for sep in (".", "/"):
        head, found, tid = path.partition(sep)
        if found and head == LICENSE_TERMS and tid in terms:
            return term_path(tid)
    return None


def view(path: str, term_id: str, raw: Mapping[str, Any]) -> Fact:
    """The fact that presents the term ``raw`` (its index entry) at ``path``."""
    document = DOCUMENTS.get(str(raw["document"]), str(raw["document"]))
    return Fact(
        path=path,
        value=str(raw["title"]),
        unit="text",
        citations=tuple(Citation.from_index(c) for c in raw.get("citations", ())),
        qualifiers={"term": term_id, "document": document, "section": str(raw["section"]), "kind": str(raw["kind"])},
        note=str(raw["summary"]).strip(),
        record=f"{LICENSE_TERMS}/{term_id}",
        file=raw.get("file"),
    )


def clause_penalties(kb: KnowledgeBase, clause: float, of_value: float) -> dict[str, float]:
    """Each term's fact path → ``clause``, plus ``of_value`` when the term names stored facts that
    hold its values (``related``: license.notice for notice-file): the ranking's offsets, so that a
    stored fact that answers as well as the clause behind it comes first."""
    terms: Mapping[str, Mapping[str, Any]] = kb.section(LICENSE_TERMS)
    return {term_path(tid): clause + (of_value if raw.get("related") else 0.0) for tid, raw in terms.items()}
