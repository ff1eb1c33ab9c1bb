"""Fixtures for the compliance checker: the license terms from the real records, fixture repos."""

from __future__ import annotations

from pathlib import Path

import pytest

from llama4ref.compliance import LicenseTerms, RepoReport, load_license_terms
from llama4ref.compliance.findings import Finding

REPO = Path(__file__).resolve().parents[2]
FACTS = REPO / "facts"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_SOURCES = REPO.parent / "shared" / "sources"
"""The project's shared copies of the license texts (beside the checkout, never shipped)."""


@pytest.fixture(scope="session")
def terms() -> LicenseTerms:
    return load_license_terms(FACTS)


def shared_text(name: str) -> str:
    """A shared source copy without its first ``SOURCE:`` line; skips the test when absent."""
    path = SHARED_SOURCES / name
    if not path.is_file():
        pytest.skip(f"no shared copy {path}")
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


LINKED = "the agreement is linked but not shipped"
"""How the warning that a repository links the agreement without shipping a copy begins."""


DIRECTORY_DIFFERS = "the directory name is"
"""What the L4-NAME-SOURCE note says when the judged name is not the checked directory's name."""


def beyond_the_link(report: RepoReport) -> tuple[Finding, ...]:
    """``report``'s findings other than that warning and the note that the directory's name is not
    the model's: the fixture repositories link the agreement (the project does not ship its text),
    and their folders (and pytest's temporary ones) are not named after the model, so tests about
    other duties set both aside."""
    return tuple(
        f
        for f in report.findings
        if not f.message.startswith(LINKED) and not (f.rule == "L4-NAME-SOURCE" and DIRECTORY_DIFFERS in f.message)
    )
