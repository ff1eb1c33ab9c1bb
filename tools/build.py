"""Regenerate every artefact made from the records, or check that none is stale.

    python -m tools.build          # rewrite the index, schemas/ and generated docs
    python -m tools.build --check  # exit 1 and name each stale file (CI and tests)

The facts tree must validate first: nothing is generated from an invalid tree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from llama4ref.records.tree import load_tree
from llama4ref.store.index import INDEX_PATH, compile_index, render_shards, shipped_facts_dir

REPO = Path(__file__).resolve().parent.parent


def artefacts(facts_dir: Path | None = None) -> dict[Path, str | bytes]:
    """Every generated file and its fresh content (the full-text index is binary, llama4ref.store.fulltext)."""
    tree = load_tree(facts_dir or shipped_facts_dir())
    if not tree.ok:
        lines = "\n".join(d.format() for d in tree.diagnostics)
        raise SystemExit(f"the facts tree is invalid; fix it first:\n{lines}")
    index = compile_index(tree)
    out: dict[Path, str | bytes] = {INDEX_PATH / name: text for name, text in render_shards(index).items()}
    from llama4ref.store import fulltext as ftsindex
    from llama4ref.store.knowledge_base import KnowledgeBase
    from tools.docgen import generated_docs
    from tools.schemagen import all_schemas

    out[INDEX_PATH / ftsindex.FILE_NAME] = ftsindex.to_bytes(ftsindex.build(KnowledgeBase(index)))
    out.update({REPO / "schemas" / name: text for name, text in all_schemas().items()})
    out.update(generated_docs(REPO, KnowledgeBase(index)))
    return out


def stale_files(facts_dir: Path | None = None) -> list[Path]:
    """Generated files whose committed content differs from a fresh render (or that no render makes)."""
    fresh = artefacts(facts_dir)
    out = [p for p, content in fresh.items() if not _same(p, content)]
    return out + orphans(fresh)


def _same(path: Path, content: str | bytes) -> bool:
    """Whether the committed file holds ``content``; the binary full-text index is compared by
    the fingerprint of its rows, so a different SQLite version writing other bytes is not stale."""
    if not path.is_file():
        return False
    if isinstance(content, bytes):
        from llama4ref.store.fulltext import stored_fingerprint

        return stored_fingerprint(path.read_bytes()) == stored_fingerprint(content)
    return path.read_text(encoding="utf-8") == content


def orphans(fresh: dict[Path, str | bytes]) -> list[Path]:
    """Generated files no render makes any more: index shards whose facts are gone, and docs
    pages carrying the generated mark whose record is gone (a removed variant's page)."""
    from tools.docgen import GENERATED_MARK

    shards = [p for p in INDEX_PATH.glob("*.json") if p not in fresh]
    shards += [p for p in (REPO / "schemas").rglob("*.json") if p not in fresh]  # a removed kind's schema
    pages = [p for p in (REPO / "docs").rglob("*.md")
             if p not in fresh and p.read_text(encoding="utf-8").startswith(GENERATED_MARK)]  # fmt: skip
    return sorted(shards + pages)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        bad = stale_files()
        for p in bad:
            sys.stdout.write(f"stale: {p.relative_to(REPO)} (run: python -m tools.build)\n")
        return 1 if bad else 0
    fresh = artefacts()
    for path, content in fresh.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not _same(path, content):
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            sys.stdout.write(f"wrote {path.relative_to(REPO)}\n")
    for path in orphans(fresh):
        path.unlink()
        sys.stdout.write(f"removed {path.relative_to(REPO)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
