"""Hostile names with their exact expected output: ``check-name``, ``license check`` and ``resolve``.

The corpus is ``tests/hostile-names.json``: each case gives the input (JSON ``\\u`` escapes keep
every code point visible in the file), the exit status and the exact JSON the command prints
(its ``data``; for ``license check`` the ``names`` part). The tests run every case as a user
would, through the real entry point. After a deliberate change of output, rewrite the expected
parts from the current code and review the diff::

    python -m tests.hostile_names
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tests.conftest import run_cli

CORPUS = Path(__file__).resolve().parent / "hostile-names.json"
CARD_REPO = Path(__file__).resolve().parent / "compliance" / "fixtures" / "compliant-linked"
"""A compliant model repository; a case puts its name into the card's ``model_name`` or ``--name``."""


def load() -> dict[str, list[dict[str, Any]]]:
    data: dict[str, list[dict[str, Any]]] = json.loads(CORPUS.read_text(encoding="utf-8"))
    return data


def run(command: str, case: dict[str, Any]) -> tuple[int, Any]:
    """Run one case: (exit status, the JSON the corpus pins)."""
    if command == "check-name":
        res = run_cli("check-name", "--json", "--", case["input"])
        return res.code, json.loads(res.stdout)["data"]["results"]
    if command == "resolve":
        res = run_cli("resolve", "--json", "--", case["input"])
        return res.code, json.loads(res.stdout)["data"] if res.stdout else res.stderr
    if command == "license-check":
        with tempfile.TemporaryDirectory() as tmp:
            repo = Path(tmp) / "model"
            shutil.copytree(CARD_REPO, repo)
            card = repo / "README.md"
            lines = [line for line in card.read_text(encoding="utf-8").split("\n") if not line.startswith("model_name:")]
            extra: list[str] = []
            if case["via"] == "model_name":
                lines.insert(1, "model_name: " + json.dumps(case["input"]))
            else:
                extra = ["--name", case["input"]]
            card.write_text("\n".join(lines), encoding="utf-8")
            res = run_cli("license", "check", str(repo), "--json", *extra)
        return res.code, json.loads(res.stdout)["data"]["names"]
    raise ValueError(command)


def regenerate() -> None:
    corpus = load()
    for command, cases in corpus.items():
        if command.startswith("_"):
            continue
        for case in cases:
            case["exit"], case["output"] = run(command, case)
    CORPUS.write_text(json.dumps(corpus, indent=1, ensure_ascii=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
