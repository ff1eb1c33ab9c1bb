"""The claim-class cases of tests/claims/classes.yaml, one test a row: each row gives a text and
either one value with the verdict (and the fact) check-claims must report for it ("none": the value
must not be reported at all), or the exact list of the texts it reports ("texts") or flags as
contradicted ("flagged"); see the file's header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from llama4ref.claims import check_claims
from llama4ref.store.knowledge_base import KnowledgeBase

CASES = Path(__file__).resolve().parent / "claims" / "classes.yaml"
ROWS: list[dict[str, Any]] = yaml.safe_load(CASES.read_text(encoding="utf-8"))
STATUSES = {"supported", "contradicted", "disputed", "unchecked", "none"}


def _id(row: dict[str, Any]) -> str:
    what = row.get("value", "texts" if "texts" in row else "flagged")
    return f"r{row['round']}-{what}-{row['class'][:40]}"


def test_every_row_names_its_class_round_and_what_it_checks() -> None:
    assert ROWS, "no class cases"
    for row in ROWS:
        assert {"text", "class", "round"} <= row.keys(), row
        assert ({"value", "status"} <= row.keys()) or ("texts" in row or "flagged" in row), row
        assert row.get("status", "none") in STATUSES, row
        assert not ({"source", "file"} <= row.keys()), row  # one of them: where the text was read


@pytest.mark.parametrize("row", ROWS, ids=[_id(r) for r in ROWS])
def test_class_case(row: dict[str, Any], kb: KnowledgeBase) -> None:
    claims = check_claims(
        row["text"], kb, kind=row.get("kind", "markdown"), file=row.get("file", "-"), source=row.get("source")
    )
    if "texts" in row:
        assert [c.text for c in claims] == row["texts"], [(c.text, c.status, c.reason) for c in claims]
    if "flagged" in row:
        assert [c.text for c in claims if c.status == "contradicted"] == row["flagged"], [(c.text, c.status) for c in claims]
    if "value" not in row:
        return
    found = [c for c in claims if c.text == str(row["value"])]
    if row["status"] == "none":
        assert not found, f"{row['value']!r} read as a claim: {found}"
        return
    assert found, f"{row['value']!r} not read; claims: {[(c.text, c.status) for c in claims]}"
    claim = found[-1]
    assert claim.status == row["status"], f"{claim.status}: {claim.reason}"
    if "path" in row:
        assert claim.path == row["path"]
    if "reason" in row:
        assert row["reason"] in claim.reason
