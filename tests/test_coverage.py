"""The coverage benchmark (benchmarks/coverage/): labels are honest and the README quotes them."""

from __future__ import annotations

import llama4ref
from benchmarks.coverage import report
from tests.conftest import REPO

QUESTIONS = report.load()


def test_every_question_has_a_public_address_and_a_known_status() -> None:
    """Each question says where it was asked (an https address) and carries one of the three statuses."""
    assert QUESTIONS
    for q in QUESTIONS:
        assert q.url.startswith("https://"), q.id
        assert q.status in report.STATUSES, q.id
        assert q.asked.strip(), q.id


def test_question_ids_are_unique() -> None:
    """No question is counted twice."""
    ids = [q.id for q in QUESTIONS]
    assert len(ids) == len(set(ids))


def test_labels_match_the_status() -> None:
    """Answered and partial questions name at least one fact path; not-covered questions name none."""
    for q in QUESTIONS:
        assert bool(q.paths) == (q.status != "not-covered"), q.id


def test_every_labelled_path_exists_in_the_store() -> None:
    """Every path a question is labelled with is a fact the shipped knowledge base really has (a
    license term's among them, ``license_terms.<id>``), written as the knowledge base writes it."""
    kb = llama4ref.knowledge_base()
    missing = [(q.id, p) for q in QUESTIONS for p in q.paths if not kb.has(p) or kb.get(p).path != p]
    assert not missing


def test_readme_coverage_section_is_fresh() -> None:
    """The README's Coverage table is the render of questions.yaml (report.py --publish)."""
    assert report.readme_is_fresh(REPO / "README.md", report.summary(QUESTIONS))
