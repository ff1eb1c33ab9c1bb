"""Per-rule accuracy of `license check` on the real model-card corpus (tests/compliance/cards/).

For every card and rule with a hand-judged expected status, a "positive" is a failing status
(error, warning) and a "negative" a passing one (pass, note); a rule reported not_checked
where a verdict was expected counts as a false negative. Prints one row per rule:

    python benchmarks/cards.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from llama4ref.compliance import check_repo, load_license_terms

ROOT = Path(__file__).resolve().parents[1]
CARDS = ROOT / "tests" / "compliance" / "cards"
FAILING = {"error", "warning"}


def main() -> int:
    import yaml  # lazily, as everywhere in the package

    terms = load_license_terms(ROOT / "facts")
    manifest = yaml.safe_load((CARDS / "CARDS.yaml").read_text(encoding="utf-8"))
    counts: dict[str, Counter[str]] = {}
    for card, entry in sorted(manifest.items()):
        report = check_repo(CARDS / f"{card}.md", terms)
        for rule, want in entry["expected"].items():
            got = report.status(rule)
            c = counts.setdefault(rule, Counter())
            if want == "not_checked" or got == "not_checked":
                c["agree" if got == want else ("FN" if got == "not_checked" else "FP")] += 1
            elif want in FAILING:
                c["TP" if got in FAILING else "FN"] += 1
            else:
                c["TN" if got not in FAILING else "FP"] += 1
            if got != want:
                c["mismatch"] += 1
    print(f"{'rule':18} {'TP':>3} {'FP':>3} {'TN':>3} {'FN':>3} {'n/c':>4} {'status mismatches':>18}")
    for rule, c in sorted(counts.items()):
        print(f"{rule:18} {c['TP']:>3} {c['FP']:>3} {c['TN']:>3} {c['FN']:>3} {c['agree']:>4} {c['mismatch']:>18}")
    print(f"{len(manifest)} real cards")
    return 1 if any(c["mismatch"] for c in counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
