"""License terms as facts (``license_terms.<id>``, llama4ref.store.termviews): each term record
is a fact `get`, `cite`, `search` and `ask` reach, built from the record (never a second copy),
left out of the exports, which list the terms in their own table; and a question whether a name
will do for a derivative is answered with the naming rule and a `check-name` suggestion.

The questions here are worded apart from the tuning set's (tests/questions/tune.yaml)."""

from __future__ import annotations

import sqlite3
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from llama4ref.domain.answer import ask, written_name
from llama4ref.domain.search import search
from llama4ref.export.document import export_document
from llama4ref.records.tree import load_tree
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import first_answer, run_cli


def test_every_term_is_a_fact_built_from_its_record(kb: KnowledgeBase) -> None:
    """One fact per term: the title as its value, the summary as its note, the record's own
    citations, its section and kind as qualifiers, and the record as where it is written."""
    terms = kb.license_terms()
    assert len(terms) >= 29
    views = kb.paths("license_terms")
    assert len(views) == len(terms)
    for term in terms:
        fact = kb.get(f"license_terms.{term.id}")
        assert fact.path == f"license_terms.{term.id.replace('-', '_')}" and fact.path in views
        assert (fact.value, fact.unit, fact.note) == (term.title, "text", term.summary.strip())
        assert fact.citations == term.citations and not fact.derived
        assert fact.qualifiers["term"] == term.id and fact.qualifiers["kind"] == term.kind
        assert fact.qualifiers["section"] == term.section
        assert fact.record == f"license_terms/{term.id}" and fact.file == f"facts/license_terms/{term.id}.yaml"


@pytest.mark.parametrize(
    "written",
    [
        "license_terms.aup-eu-multimodal",
        "license_terms/aup-eu-multimodal",
        "LICENSE_TERMS.aup_eu_multimodal",
        " license_terms.aup_eu_multimodal ",
    ],
)
def test_a_term_is_reached_by_its_id_as_written(kb: KnowledgeBase, written: str) -> None:
    assert kb.get(written).path == "license_terms.aup_eu_multimodal"
    assert kb.has(written)


def test_no_term_is_stored_or_exported_twice(kb: KnowledgeBase) -> None:
    """The stored facts and the exports leave the views out; the sources name them by path."""
    views = set(kb.paths("license_terms"))
    assert not views & set(kb.paths(derived=False))
    assert not views & set(kb.paths(terms=False))
    assert views <= set(kb.paths())
    doc = export_document(kb)
    assert not {f.path for f in doc.facts} & views
    assert len(doc.license_terms) == len(views)
    backers = kb.backed_by("llama-models-use-policy")
    assert "license_terms.aup_eu_multimodal" in backers
    assert all(kb.has(p) for p in backers)


def test_an_unknown_term_is_an_unknown_fact_path(kb: KnowledgeBase) -> None:
    assert not kb.has("license_terms.no_such_term")
    assert not kb.has("license_terms/no-such-term")


def test_get_cite_and_search_reach_a_term() -> None:
    got = run_cli("get", "license_terms.aup-eu-multimodal")
    assert got.code == 0 and "European Union" in got.stdout and "llama-models-use-policy" in got.stdout
    group = run_cli("get", "license_terms")
    assert group.code == 0 and "naming_rule" in group.stdout and "litigation_termination" in group.stdout
    cite = run_cli("cite", "license_terms.naming-rule")
    assert cite.code == 0 and "at the beginning of any such AI model name" in cite.stdout
    found = run_cli("search", "litigation meta license", "--json")
    assert found.code == 0 and "license_terms.litigation_termination" in found.stdout


def test_search_ranks_the_term_first(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    hits = search(kb, "multimodal restriction european union", limit=3, db=db)
    assert hits and hits[0].fact.path == "license_terms.aup_eu_multimodal"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "we're headquartered in the European Union: are the multimodal llama 4 weights licensed to us?",
            "license_terms.aup_eu_multimodal",
        ),
        ("if we file a patent lawsuit against meta do we lose the llama license", "license_terms.litigation_termination"),
        ("who has ownership of derivatives I make from llama 4", "license_terms.derivative_ownership"),
        ("is it ok to say our llama answers were human-written", "license_terms.aup_human_generated"),
        ("is military use of llama 4 prohibited", "license_terms.aup_prohibited_uses"),
        ("can I ship an abliterated llama 4 with the safety stripped out", "license_terms.aup_safety_circumvention"),
        ("is meta responsible for consequential damages from llama 4", "license_terms.limitation_of_liability"),
        ("does llama 4 come with a guarantee of fitness for a particular purpose", "license_terms.warranty_disclaimer"),
        ("sanctions and export control rules for llama 4 use", "license_terms.applicable_law"),
        # a clause whose value a stored fact holds: the stored fact first (license.notice holds the notice text)
        ("what notice do I put in the NOTICE file of my llama 4 upload", "license.notice"),
    ],
)
def test_ask_answers_with_the_clause(kb: KnowledgeBase, db: sqlite3.Connection, text: str, want: str) -> None:
    assert first_answer(kb, db, text) == want


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("would 'Acme-Scout-Chat' be a compliant name for our fine-tune", "Acme-Scout-Chat"),
        ("can we rename our merge to HermesScout-2?", "HermesScout-2"),
        ('is "Scout Tuned Pro" an acceptable name for my derivative', "'Scout Tuned Pro'"),
        ("what should we name our llama 4 merge", None),
    ],
)
def test_a_naming_question_gets_the_naming_rule_and_check_name(
    kb: KnowledgeBase, db: sqlite3.Connection, text: str, name: str | None
) -> None:
    answer = ask(kb, text, db)
    assert answer.found and answer.path in ("license.name_prefix", "license_terms.naming_rule")
    assert {f.path for f in (*answer.facts, *answer.runners_up)} >= {"license.name_prefix", "license_terms.naming_rule"}
    assert answer.suggestion == f"llama4ref check-name {name or 'NAME'}"


def test_the_cli_suggests_check_name() -> None:
    got = run_cli("ask", "can I call my finetune OpenChat-7B?")
    assert got.code == 0 and "license.name_prefix" in got.stdout and "llama4ref check-name OpenChat-7B" in got.stdout


@pytest.mark.parametrize(
    "text",
    [
        "how do I call my tools with llama 4",  # calling, no derivative: tool calling answers
        "what's the model name for maverick on vertex ai",  # a name, no derivative
    ],
)
def test_other_questions_about_names_or_calls_are_not_naming(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> None:
    answer = ask(kb, text, db)
    assert answer.path not in ("license.name_prefix", "license_terms.naming_rule")
    assert not (answer.suggestion or "").startswith("llama4ref check-name")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("can I call my finetune MyModel?", "MyModel"),
        ("is 'SuperChat-70B' an OK name", "SuperChat-70B"),
        ("name my fine-tuned model acme/llama-scout-ft.", "acme/llama-scout-ft"),
        ("can I call it something nice", None),  # no word that looks like a name
        ("don't I have to name it", None),  # an apostrophe is no quote
    ],
)
def test_written_name(text: str, name: str | None) -> None:
    assert written_name(text) == name


def test_a_stored_fact_may_not_sit_among_the_terms(make_tree: Callable[..., Path]) -> None:
    """license_terms.* belongs to the term records: a fact sheet writing there is refused (L4R-T005)."""
    sheet = """\
        id: misplaced
        subject: license_terms
        title: Facts where the license terms are
        facts:
          extra:
            value: 1
            unit: count
            citations:
              - source: card
                locator: Model Information table
                quote: "109B (Total)"
        """
    root = make_tree({"license_terms_sheet/misplaced.yaml": textwrap.dedent(sheet)})
    codes = [(d.code, d.message) for d in load_tree(root).diagnostics]
    assert any(code == "L4R-T005" and "license_terms.extra" in msg for code, msg in codes), codes


def test_two_terms_may_not_share_a_fact_path(make_tree: Callable[..., Path]) -> None:
    """``a-b`` and ``a.b`` would both be license_terms.a_b: the second is refused (L4R-T005)."""

    def term(tid: str) -> str:
        return f"""\
            id: {tid}
            document: llama-4-community-license
            section: "1"
            kind: other
            title: A clause
            summary: A clause of the agreement.
            citations:
              - source: card
                locator: Model Information table
                quote: "109B (Total)"
            """

    root = make_tree(
        {"license_terms/naming-rule.yaml": term("naming-rule"), "license_terms/naming.rule.yaml": term("naming.rule")}
    )
    codes = [(d.code, d.message) for d in load_tree(root).diagnostics]
    assert ("L4R-T005", "term 'naming.rule' has the fact path of term 'naming-rule'") in codes or (
        "L4R-T005",
        "term 'naming-rule' has the fact path of term 'naming.rule'",
    ) in codes, codes


def test_search_puts_the_naming_rule_first_for_a_naming_question(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    hits = [h.fact.path for h in search(kb, "could I call my fine-tune NovaChat-13B", limit=5, db=db)]
    assert set(hits[:2]) == {"license.name_prefix", "license_terms.naming_rule"}, hits


def test_the_knowledge_base_names_the_terms_area_as_the_grammar_does() -> None:
    from llama4ref import paths
    from llama4ref.store import knowledge_base

    assert knowledge_base.LICENSE_TERMS == paths.LICENSE_TERMS


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("license_terms.naming_rule", "license_terms.naming_rule"),  # the naming intent and license.name_prefix lost to it
        (" license_terms/aup-eu-multimodal ", "license_terms.aup_eu_multimodal"),
        ("license.name_prefix", "license.name_prefix"),
    ],
)
def test_a_fact_path_asked_alone_is_that_fact(kb: KnowledgeBase, db: sqlite3.Connection, text: str, want: str) -> None:
    """A question that is one fact's path, in any form ``get`` accepts, is answered by that fact,
    never by another the ranking puts first (``license.name_prefix`` for the naming rule's term)."""
    answer = ask(kb, text, db)
    assert answer.found and answer.path == want and [f.path for f in answer.facts] == [want]
    assert want not in [f.path for f in answer.runners_up]


@pytest.mark.parametrize("written", ["license_terms.", "license_terms/", " license_terms. "])
def test_get_a_prefix_written_with_its_separator_lists_the_group(written: str) -> None:
    """``get license_terms.`` (the separator typed too, as completion leaves it) lists the terms
    as ``get license_terms`` does; it was an unknown fact path with three unrelated suggestions."""
    want = run_cli("get", "license_terms", "--json")
    res = run_cli("get", written, "--json")
    assert (res.code, res.stdout) == (0, want.stdout) and '"kind": "group"' in res.stdout
