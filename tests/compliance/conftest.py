"""Fixtures for the compliance checker: the license terms from the real records, fixture repos."""

from __future__ import annotations

from pathlib import Path

import pytest

from llama4ref.compliance import LicenseTerms, load_license_terms

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
