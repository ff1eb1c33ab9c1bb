"""The outcome of validating a facts tree, as the documented ``validation`` JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from llama4ref.store.shapes.core import ValidationJSON
    from llama4ref.store.treecache import CheckedTree


def validation_json(tree: CheckedTree, root: Path) -> ValidationJSON:
    """What ``llama4ref validate --json`` prints: counts, whether the tree is valid, every diagnostic."""
    return {
        "root": str(root),
        "files": tree.file_count,
        "records": tree.record_count,
        "facts": tree.fact_count,
        "ok": tree.ok,
        "diagnostics": [
            {
                "file": d.file,
                "line": d.position.line,
                "col": d.position.col,
                "code": d.code,
                "severity": d.severity,
                "message": d.message,
            }
            for d in tree.diagnostics
        ],
    }
