"""Precision and recall of check-claims on the labelled corpus (tests/claims/corpus.yaml).

Each labelled value is matched to the claim the checker reports for the same value text (in
order of appearance). Precision is over claims reported *contradicted*; recall is over
labelled contradictions, and the verdict rate over every labelled supported/contradicted
value. Items without a checkable claim must produce no contradiction. Tuning and held-out
items are reported apart: held out are the corpus items with ``split: held_out`` and every item of
tests/claims/held_out_next.yaml when that file is present; with none, the held-out scores are "n/a".
Each item is read with its "source" address, as a checker reading the page would know it.

    python -m benchmarks.claims             # the scores of each split
    python -m benchmarks.claims --misses    # also every tuning value the checker gets wrong
    python -m benchmarks.claims --misses --held-out-misses   # the held-out sets' too
    python -m benchmarks.claims --json | --readme

The misses are printed only when asked for, and the held-out sets' only with ``--held-out-misses``:
nobody fixing the checker should read those while the sets are held out.
"""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "claims" / "corpus.yaml"
HELD_OUT_NEXT = CORPUS.with_name("held_out_next.yaml")
"""A new held-out set, dropped in as a file of its own: every item in it counts as held out."""


def load(corpus: Path = CORPUS, held_out_next: Path = HELD_OUT_NEXT) -> list[dict[str, Any]]:
    """The corpus items, then those of ``held_out_next`` (if present) marked ``split: held_out``."""
    import yaml

    items: list[dict[str, Any]] = yaml.safe_load(corpus.read_text(encoding="utf-8"))
    if held_out_next.is_file():
        extra: list[dict[str, Any]] = yaml.safe_load(held_out_next.read_text(encoding="utf-8")) or []
        items += [{**item, "split": "held_out"} for item in extra]
    return items


def held_out(item: dict[str, Any]) -> bool:
    return item.get("split") == "held_out"


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
        claims = check_claims(document(item), source=item.get("source"))
        expect = item.get("expect") or []
        if not expect:
            no_claim_items += 1
            flagged = [c for c in claims if c.status == "contradicted"]
            no_claim_flags += len(flagged)
            fp += len(flagged)
            misses += [f"no-claim flagged: {c.text!r} in {item['text'][:60]!r}" for c in flagged]
            continue
        # the page title's values last: "title" is context above the heading, repeated on every
        # excerpt of its page, and labelled only where a reader takes it as the excerpt's own claim;
        # a written approximation mark or bound word ("~100B", "over 30 trillion") is not part of the
        # value the checker reports ("100B", "30 trillion");
        # among claims with the same text ("87.3%" in two columns of one table), the one judged
        # against the label's fact is the label's, else the first
        pool = sorted(claims, key=lambda c: bool(item.get("title")) and c.line == 1)
        for e in expect:
            want = str(e["status"])
            same = [c for c in pool if c.text in (str(e["value"]), _BOUND.sub("", str(e["value"])))]
            about = [c for c in same if _about(c.path, e)]  # (the one with the label's verdict first: a figure written twice)
            got = next((c for c in about if c.status == want), about[0] if about else same[0] if same else None)
            if got is not None:
                pool.remove(got)
            status = got.status if got else "none"
            fact_ok = got is not None and _about(got.path, e)
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
            if c.status == "contradicted" and _restated(c, claims, pool, expect):
                continue  # one wrong figure written twice (input and output limit, "19.6B" and its raw count): labelled once
            if c.status == "contradicted":
                fp += 1
                misses.append(f"unlabelled contradiction {c.text!r} ({c.path}) in {item['text'][:60]!r}")
    measured = bool(labelled or no_claim_items)  # an empty split has no rates ("n/a")
    return {
        "claims": labelled,
        "contradicted_labelled": labelled_wrong,
        "precision": (tp / (tp + fp) if tp + fp else 1.0) if measured else None,
        "recall": (tp / labelled_wrong if labelled_wrong else 1.0) if measured else None,
        "verdicts_right": (right / labelled if labelled else 1.0) if measured else None,
        "no_claim_items": no_claim_items,
        "no_claim_flags": no_claim_flags,
        "misses": misses,
    }


_BOUND = re.compile(r"(?i)^(?:[~≈∼]\s*|(?:over|more than|approximately|about|around|roughly|nearly|almost|up to)\s+)")


def _restated(claim: Any, claims: list[Any], pool: list[Any], expect: list[dict[str, Any]]) -> bool:
    """Whether an unlabelled contradiction restates a labelled one: judged against a fact under the
    prefix of a label that is contradicted, its figure equal (within 1%) to the claim matched to that
    label. The labels give once a figure that stands for two fields ("max_input_tokens" and
    "max_output_tokens" both 1000000; "19.6B" and its raw count), against the field it gets wrong."""
    from llama4ref.claims.values import values

    def number(text: str) -> float | None:
        found = values(text)
        return found[0].high if found else None

    mine = number(claim.text)
    for other in claims:
        if other is claim or other in pool:
            continue
        theirs = number(other.text)
        same = mine is not None and theirs is not None and abs(mine - theirs) <= 0.01 * max(abs(theirs), 1e-9)
        if same and any(e["status"] == "contradicted" and _about(claim.path, e) and _about(other.path, e) for e in expect):
            return True
    return False


def _about(path: str | None, label: dict[str, Any]) -> bool:
    """Whether a claim judged against ``path`` is about the label's fact (a path prefix, "*" any variant)."""
    return path is not None and fnmatch.fnmatch(path, str(label["fact"]) + "*")


def run(items: list[dict[str, Any]] | None = None) -> dict[str, dict[str, Any]]:
    items = load() if items is None else items
    return {
        "tuning": score([i for i in items if not held_out(i)]),  # held_out_v1 … held_out_v19 are tuning now
        "held_out": score([i for i in items if held_out(i)]),
        # the excerpts that hold a wrong claim, with the right claims written beside it: about half
        # of their claims are wrong (issue 18's mix), where the whole corpus has one in seven
        "wrong_excerpts": score([i for i in items if _holds_wrong(i)]),
        "all": score(items),
    }


def _holds_wrong(item: dict[str, Any]) -> bool:
    return any(e["status"] == "contradicted" for e in item.get("expect") or [])


def _rate(r: dict[str, Any], key: str) -> str:
    """A rate as the README shows it; "n/a" when the split has no labelled claim."""
    return "n/a" if r[key] is None else f"{r[key]:.1%}"


def readme_rows(result: dict[str, dict[str, Any]]) -> list[str]:
    """The README's claim-checking table rows (tests/test_claims.py checks the README holds them)."""
    rows = []
    for split, label in (
        ("tuning", "tuning"),
        ("held_out", "held out"),
        ("wrong_excerpts", "excerpts with a wrong claim (all sets)"),
    ):
        r = result[split]
        rows.append(
            f"| {label} | {r['claims']} | {r['contradicted_labelled']} | {_rate(r, 'precision')} | {_rate(r, 'recall')} | "
            f"{_rate(r, 'verdicts_right')} | {r['no_claim_flags']} |"
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the results, misses included, as JSON")
    out.add_argument("--readme", action="store_true", help="print the README's claim-checking table rows")
    out.add_argument("--misses", action="store_true", help="also list every tuning value the checker gets wrong")
    ap.add_argument(
        "--held-out-misses", action="store_true", help="with --misses: the held-out sets' misses too (not while fixing)"
    )
    args = ap.parse_args(argv)
    result = run()
    if args.json:
        print(json.dumps(result, indent=2))
        return
    if args.readme:
        print("\n".join(readme_rows(result)))
        return
    for name, r in result.items():
        print(
            f"{name:9} claims {r['claims']:3} (contradicted {r['contradicted_labelled']:2})  precision {_rate(r, 'precision')}  "
            f"recall {_rate(r, 'recall')}  verdicts right {_rate(r, 'verdicts_right')}  no-claim flags {r['no_claim_flags']}"
        )
    if args.misses:
        for m in result["all" if args.held_out_misses else "tuning"]["misses"]:
            print("  -", m)


if __name__ == "__main__":
    main()
