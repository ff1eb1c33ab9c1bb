"""The coverage benchmark: real questions from public trackers, and how many the records answer.

    python benchmarks/coverage/report.py            # print the summary
    python benchmarks/coverage/report.py --publish  # also rewrite the README's Coverage section

Each question in ``questions.yaml`` names where it was asked and the fact paths that answer it
(``answered``), answer part of it (``partial``), or none (``not-covered``). The answerable share
counts answered and partial questions; the share answered in full is reported beside it.
tests/test_coverage.py checks every label against the records.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
QUESTIONS = HERE / "questions.yaml"
STATUSES = ("answered", "partial", "not-covered")
BEGIN = "<!-- coverage:begin (generated from benchmarks/coverage/questions.yaml by `python benchmarks/coverage/report.py --publish`) -->"
END = "<!-- coverage:end -->"


@dataclass(frozen=True)
class Question:
    id: str
    asked: str
    url: str
    date: str | None
    status: str
    paths: tuple[str, ...]
    note: str | None


def load(path: Path = QUESTIONS) -> list[Question]:
    """The questions, in file order."""
    import yaml

    raw: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Question(
            str(q["id"]),
            str(q["asked"]),
            str(q["url"]),
            None if q.get("date") is None else str(q["date"]),
            str(q["status"]),
            tuple(q.get("paths") or ()),
            q.get("note"),
        )
        for q in raw
    ]


def summary(questions: list[Question]) -> dict[str, Any]:
    """Counts per status, the answerable share (answered + partial) and the fully answered share."""
    counts = Counter(q.status for q in questions)
    n = len(questions)
    answerable = counts["answered"] + counts["partial"]
    return {
        "questions": n,
        "sources": len({q.url for q in questions}),
        "answered": counts["answered"],
        "partial": counts["partial"],
        "not_covered": counts["not-covered"],
        "answerable_share": answerable / n if n else 0.0,
        "answered_share": counts["answered"] / n if n else 0.0,
    }


def render(s: dict[str, Any]) -> str:
    """The README section between the markers."""
    return "\n".join(
        [
            BEGIN,
            "",
            f"{s['questions']} questions from {s['sources']} public issues, pull requests and discussions "
            f"(`benchmarks/coverage/questions.yaml`, each with its address and the fact paths that answer it):",
            "",
            "| answered | partly answered | not covered | answerable share | answered in full |",
            "|---|---|---|---|---|",
            f"| {s['answered']} | {s['partial']} | {s['not_covered']} | {s['answerable_share']:.0%} | {s['answered_share']:.0%} |",
            "",
            END,
        ]
    )


def update_readme(readme: Path, s: dict[str, Any]) -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    readme.write_text(text[:start] + render(s) + text[end:], encoding="utf-8")


def readme_is_fresh(readme: Path, s: dict[str, Any]) -> bool:
    text = readme.read_text(encoding="utf-8")
    return render(s) in text


def main(argv: list[str]) -> int:
    s = summary(load())
    print(
        f"{s['questions']} questions: {s['answered']} answered, {s['partial']} partial, {s['not_covered']} not covered; "
        f"answerable {s['answerable_share']:.1%}, answered in full {s['answered_share']:.1%}"
    )
    if "--publish" in argv:
        update_readme(ROOT / "README.md", s)
        print("published: README.md (Coverage)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
