"""Hostile inputs cost what their bytes cost: `validate` of a tree holding the alias bomb or the
deepest nesting from tests/hostile/, as a ratio to validating the same tree without that file.

The tests assert the structure (aliases never expanded, nesting stopped at the cap); how fast the
refusal is belongs here, measured against a floor from the same run.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from benchmarks import measure

ROOT = Path(__file__).resolve().parent.parent
CASES = {"alias-bomb": "topic/bomb.yaml", "deep-nesting": "topic/deep.yaml"}


def measurements(cli: list[str], runs: int, env: dict[str, str], work: Path) -> list[dict[str, Any]]:
    """One ratio per case: its tree ÷ the same tree without the hostile file."""
    out = []
    for case, hostile_file in CASES.items():
        subject, floor = work / case / "facts", work / f"{case}-floor" / "facts"
        for dest in (subject, floor):
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(ROOT / "tests" / "hostile" / case / "facts", dest)
        (floor / hostile_file).unlink()
        bad, good = [*cli, "validate", str(subject)], [*cli, "validate", str(floor)]
        subj, flr = measure.paired(bad, good, runs, env=env)
        measure.check_ok(subj, bad, allowed=(1,))
        measure.check_ok(flr, good)
        m = measure.result(
            f"hostile-{case}",
            f"`llama4ref validate` refusing tests/hostile/{case}",
            "time ÷ floor",
            against="the same tree without it",
        )
        m |= {
            "value": measure.summary(measure.ratios([r.seconds for r in subj], [r.seconds for r in flr])),
            "detail": {
                "seconds": measure.summary([r.seconds for r in subj], 4),
                "floor_seconds": measure.summary([r.seconds for r in flr], 4),
                "maxrss_kib": measure.summary([r.maxrss_kib for r in subj], 0),
            },
        }
        out.append(measure.judged(m, "<=", 1.5, "x"))
    return out
