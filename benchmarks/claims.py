"""Precision and recall of check-claims on the labelled corpus (tests/claims/corpus.yaml).

Each labelled value is matched to the claim the checker reports for the same value text (in
order of appearance). Precision is over claims reported *contradicted*; recall is over
labelled contradictions, and the verdict rate over every labelled supported/contradicted
value. Items without a checkable claim must produce no contradiction. Tuning and held-out
items are reported apart.

    python -m benchmarks.claims [--json | --readme]
"""

from __future__ import annotations

import fnmatch
import json
import sys
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "claims" / "corpus.yaml"


def load() -> list[dict[str, Any]]:
    import yaml

    items: list[dict[str, Any]] = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    return items


def document(item: dict[str, Any]) -> str:
    """An item as the document the checker reads: the page title ("title", when the excerpt sits
    under a lower heading of that page) and the heading above the excerpt, then its text."""
    title = f"# {item['title']}\n\n" if item.get("title") else ""
    head = f"{'##' if title else '#'} {item['heading']}\n\n" if item.get("heading") else ""
    return title + head + str(item["text"])


def score(items: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts and rates over ``items``."""
    from llama4ref.claims import check_claims

    tp = fp = fn = labelled_wrong = right = labelled = 0
    no_claim_flags = no_claim_items = 0
    misses: list[str] = []
    for item in items:
        claims = check_claims(document(item))
        expect = item.get("expect") or []
        if not expect:
            no_claim_items += 1
            flagged = [c for c in claims if c.status == "contradicted"]
            no_claim_flags += len(flagged)
            fp += len(flagged)
            misses += [f"no-claim flagged: {c.text!r} in {item['text'][:60]!r}" for c in flagged]
            continue
        pool = list(claims)
        for e in expect:
            want = str(e["status"])
            got = next((c for c in pool if c.text == str(e["value"])), None)
            if got is not None:
                pool.remove(got)
            status = got.status if got else "none"
            fact_ok = got is not None and got.path is not None and fnmatch.fnmatch(got.path, str(e["fact"]) + "*")
            if want in ("supported", "contradicted"):
                labelled += 1
                ok = status == want and (fact_ok or want == "supported")
                right += ok
                if not ok:
                    misses.append(f"{e['value']!r}: want {want} {e['fact']}, got {status} {got.path if got else ''}")
            if want == "contradicted":
                labelled_wrong += 1
                if status == "contradicted" and fact_ok:
                    tp += 1
                else:
                    fn += 1
            elif status == "contradicted":
                fp += 1
                misses.append(f"{e['value']!r}: want {want}, got contradicted {got.path if got else ''}")
        for c in pool:  # reported contradictions nobody labelled
            if c.status == "contradicted":
                fp += 1
                misses.append(f"unlabelled contradiction {c.text!r} ({c.path}) in {item['text'][:60]!r}")
    return {
        "claims": labelled,
        "contradicted_labelled": labelled_wrong,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "recall": tp / labelled_wrong if labelled_wrong else 1.0,
        "verdicts_right": right / labelled if labelled else 1.0,
        "no_claim_items": no_claim_items,
        "no_claim_flags": no_claim_flags,
        "misses": misses,
    }


def run() -> dict[str, dict[str, Any]]:
    items = load()
    return {
        "tuning": score([i for i in items if i.get("split") != "held_out"]),  # held_out_v1 is tuning now
        "held_out": score([i for i in items if i.get("split") == "held_out"]),
        "all": score(items),
    }


def readme_rows(result: dict[str, dict[str, Any]]) -> list[str]:
    """The README's claim-checking table rows (tests/test_claims.py checks the README holds them)."""
    rows = []
    for split, label in (("tuning", "tuning"), ("held_out", "held out")):
        r = result[split]
        rows.append(
            f"| {label} | {r['claims']} | {r['contradicted_labelled']} | {r['precision']:.1%} | {r['recall']:.1%} | "
            f"{r['verdicts_right']:.1%} | {r['no_claim_flags']} |"
        )
    return rows


def main() -> None:
    result = run()
    if "--json" in sys.argv:
        print(json.dumps(result, indent=2))
        return
    if "--readme" in sys.argv:
        print("\n".join(readme_rows(result)))
        return
    for name, r in result.items():
        print(
            f"{name:9} claims {r['claims']:3} (contradicted {r['contradicted_labelled']:2})  precision {r['precision']:.1%}  "
            f"recall {r['recall']:.1%}  verdicts right {r['verdicts_right']:.1%}  no-claim flags {r['no_claim_flags']}"
        )
    for m in result["all"]["misses"]:
        print("  -", m)


if __name__ == "__main__":
    main()
