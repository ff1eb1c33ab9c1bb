"""The license checklist renderer (``llama4ref license``): one table per document, every term, its checker."""

from __future__ import annotations

from io import StringIO

import pytest
from rich.console import Console

from llama4ref.cli.render.compliance import DOCUMENTS, checklist
from llama4ref.compliance.checklist import ChecklistItem


def _item(term: str, document: str, title: str, rule: str | None = None, severity: str | None = None) -> ChecklistItem:
    return ChecklistItem(term, document, "1.b", "obligation", title, f"what {term} asks", rule, severity, None)


def _render(items: list[ChecklistItem], width: int = 200) -> str:
    buf = StringIO()
    checklist(Console(file=buf, width=width, no_color=True, highlight=False, emoji=False, markup=False), items)
    return buf.getvalue()


def test_one_table_per_document_each_counting_its_terms() -> None:
    """The agreement's table comes first and the policy's second, each titled with how many terms it has."""
    items = [
        _item("name-prefix", DOCUMENTS[0], "Name prefix", "L4-NAME", "error"),
        _item("notice", DOCUMENTS[0], "Notice file"),
        _item("no-weapons", DOCUMENTS[1], "No weapons"),
    ]
    text = _render(items)
    agreement, policy = text.index(f"{DOCUMENTS[0]} (2 terms)"), text.index(f"{DOCUMENTS[1]} (1 terms)")
    assert agreement < text.index("Name prefix") < text.index("Notice file") < policy < text.index("No weapons")
    assert text.rstrip().endswith("`llama4ref get license.notice` for the exact Notice line.")


def test_a_checked_term_names_its_rule_and_severity_and_the_others_say_manual() -> None:
    text = _render([_item("a", DOCUMENTS[0], "Checked", "L4-NAME", "error"), _item("b", DOCUMENTS[0], "Unchecked")])
    checked = next(line for line in text.splitlines() if "Checked" in line and "Unchecked" not in line)
    unchecked = next(line for line in text.splitlines() if "Unchecked" in line)
    assert "L4-NAME (error)" in checked and "manual" not in checked
    assert unchecked.rstrip().endswith("manual")


@pytest.mark.parametrize("hostile", ["\x1b[31mred", "a\u202eb", "two\nlines"])
def test_data_never_reaches_the_terminal_raw(hostile: str) -> None:
    """A title or summary holding controls, bidi overrides or a newline is shown escaped on one line."""
    text = _render([_item("x", DOCUMENTS[0], hostile)])
    assert "\x1b" not in text and "\u202e" not in text
    assert not any(line.startswith("lines") for line in text.splitlines())


def test_the_shipped_checklist_shows_every_term() -> None:
    """Every term of the shipped records appears, and the tables count them all."""
    import llama4ref
    from llama4ref.compliance import checklist as build

    items = build(llama4ref.knowledge_base().license_terms())
    text = _render(items, width=400)
    for doc in DOCUMENTS:
        assert f"{doc} ({sum(i.document == doc for i in items)} terms)" in text
    assert all(i.title in text for i in items)
