"""The docs: examples execute, the fact template validates, generated pages are marked and stable."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from llama4ref.records.tree import load_tree
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import REPO
from tools.clidoc import cli_reference, command_help
from tools.docgen import GENERATED_MARK, generated_docs

DOCS = REPO / "docs"
EXAMPLE_PAGES = ["docs/library.md", "docs/quickstart.md", "README.md"]
HAND_WRITTEN = ["index.md", "quickstart.md", "library.md", "contributing.md", "maintaining.md"]


def python_blocks(rel: str) -> list[tuple[str, str]]:
    text = (REPO / rel).read_text(encoding="utf-8")
    return [(f"{rel}#{i + 1}", block) for i, block in enumerate(re.findall(r"```python\n(.*?)```", text, re.S))]


EXAMPLES = [ex for rel in EXAMPLE_PAGES for ex in python_blocks(rel)]


PRINT_COMMENT = re.compile(r"^\s*print\(.*\)  # (.+)$")
"""A ``print(...)  # OUTPUT`` line: the comment shows what it prints, alone or followed by a remark
after ", " or " (" (``# 15.81%, from the exact recount``)."""


@pytest.mark.parametrize(("where", "code"), EXAMPLES, ids=[w for w, _ in EXAMPLES])
def test_python_examples_run(where: str, code: str) -> None:
    """Every ```python block in the docs and the README runs without error (its asserts hold), and
    what a commented print prints is what its comment shows (review19 #11: quickstart's comment had
    lost the "~" that marks 109B as approximate)."""
    import builtins
    import io
    import sys

    printed: dict[int, str] = {}

    def recording_print(*args: object, **kwargs: object) -> None:
        out = io.StringIO()
        builtins.print(*args, file=out, **{k: v for k, v in kwargs.items() if k != "file"})  # type: ignore[call-overload]
        printed.setdefault(sys._getframe(1).f_lineno, out.getvalue().rstrip("\n"))

    exec(compile(code, where, "exec"), {"__name__": "__docs__", "print": recording_print})  # our own code, run as written
    for number, line in enumerate(code.split("\n"), start=1):
        shown = PRINT_COMMENT.match(line)
        if shown is None:
            continue
        comment, out = shown.group(1), printed.get(number)
        assert out, f"{where}, line {number}: {line.strip()!r} printed nothing"
        assert comment == out or comment.startswith((f"{out}, ", f"{out} (")), (
            f"{where}, line {number}: prints {out!r}, its comment shows {comment!r}"
        )


def test_library_page_has_examples() -> None:
    """The library page has executed examples for facts, derived values, errors, exports and diffs."""
    code = "\n".join(c for w, c in EXAMPLES if w.startswith("docs/library.md"))
    for needle in ("llama4ref.get(", ".derived", "UnknownIdError", "write_export(", "diff_knowledge_bases("):
        assert needle in code


def test_fact_template_validates(make_tree: object, facts_dir: Path, tmp_path: Path) -> None:
    """docs/fact-template.yaml, dropped into a tree with the sources it cites, validates with no problem."""
    template = (DOCS / "fact-template.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(template)
    cited = {c["source"] for f in data["facts"].values() for c in f["citations"]}
    cited |= {c["source"] for f in data["facts"].values() for a in f.get("alternatives", []) for c in a["citations"]}
    root = tmp_path / "facts"
    for rel, text in {
        "variants/scout.yaml": "id: scout\nname: Llama 4 Scout\nfamily: llama-4\nrole: released\n"
        "summary: The smaller released model.\n",
        f"example/{data['id']}.yaml": template,
    }.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / "sources").mkdir()
    for sid in cited:
        shutil.copy(facts_dir / "sources" / f"{sid}.yaml", root / "sources")
    tree = load_tree(root)
    assert [d.format() for d in tree.diagnostics] == []
    paths = {e.path for e in tree.facts()}
    assert {"scout.example.context_window", "scout.example.training_tokens"} <= paths
    ranks = {a.rank for e in tree.facts() for a in e.spec.alternatives}
    assert {"rounded", "superseded"} <= ranks


def test_generated_pages_are_marked(kb: KnowledgeBase) -> None:
    """Every generated page starts with the do-not-edit mark; hand-written pages never carry it."""
    docs = generated_docs(REPO, kb)
    assert REPO / "docs" / "cli.md" in docs and REPO / "docs" / "reference" / "sources.md" in docs
    assert {p for p in docs if "variants" in p.parts} == {DOCS / "reference" / "variants" / f"{v.id}.md" for v in kb.variants()}
    assert all(text.startswith(GENERATED_MARK) and text.endswith("\n") for text in docs.values())
    for name in HAND_WRITTEN:
        assert GENERATED_MARK not in (DOCS / name).read_text(encoding="utf-8"), name


def test_generated_docs_are_deterministic(kb: KnowledgeBase) -> None:
    """Two renders of the docs are identical."""
    assert generated_docs(REPO, kb) == generated_docs(REPO, kb)


def test_cli_help_ignores_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reference renders the same whatever COLUMNS, TERM or colour settings say."""
    before = command_help(("export",))
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert command_help(("export",)) == before
    assert "\x1b[" not in before and max(len(line) for line in before.splitlines()) <= 100


def test_cli_reference_covers_every_command() -> None:
    """docs/cli.md has a section per command, and documents shell completion."""
    import typer

    from llama4ref.cli import app

    page = cli_reference()
    for name in typer.main.get_command(app).commands:  # type: ignore[attr-defined]
        assert f"## llama4ref {name}\n" in page, name
    assert "--install-completion" in page and "--show-completion" in page


def test_mkdocs_nav_and_links_resolve(kb: KnowledgeBase) -> None:
    """Every page in the mkdocs nav exists, and every relative link in a hand-written page points to a file."""
    from mkdocs.config import load_config  # reads mkdocs' own tags (!ENV) as mkdocs does

    config = load_config(str(REPO / "mkdocs.yml"))

    def pages(nav: object) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        if isinstance(nav, list):
            return [p for item in nav for p in pages(item)]
        if isinstance(nav, dict):
            return [p for v in nav.values() for p in pages(v)]
        return []

    generated = {p.relative_to(DOCS).as_posix() for p in generated_docs(REPO, kb)}
    for page in pages(config["nav"]):
        assert (DOCS / page).is_file() or page in generated, page
    for name in HAND_WRITTEN:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", (DOCS / name).read_text(encoding="utf-8")):
            assert (DOCS / target).is_file() or target in generated, f"{name} → {target}"


def test_no_orphaned_generated_pages(kb: KnowledgeBase) -> None:
    """Every committed page carrying the generated mark is still generated (a removed variant's page is deleted)."""
    generated = set(generated_docs(REPO, kb))
    marked = {p for p in DOCS.rglob("*.md") if p.read_text(encoding="utf-8").startswith(GENERATED_MARK)}
    assert sorted(str(p.relative_to(REPO)) for p in marked - generated) == []


def test_the_quote_coverage_list_names_real_sources_no_release_ships() -> None:
    """docs/maintaining.md lists the sources CI cannot check; a source that gains a package copy leaves the list."""
    text = (DOCS / "maintaining.md").read_text(encoding="utf-8")
    section = text.split("## Quote coverage", 1)[1].split("\n## ", 1)[0]
    listed = [m.group(1) for m in re.finditer(r"^\| `([a-z0-9][a-z0-9._-]*)` \| (\d+) \|", section, re.M)]
    sources = load_tree(REPO / "facts").sources
    assert len(listed) > 50 and len(set(listed)) == len(listed)
    unknown = [sid for sid in listed if sid not in sources]
    assert not unknown, f"not a source id: {unknown}"
    shipped = [sid for sid in listed if sources[sid].package is not None or sources[sid].url.startswith("https://pypi.org/")]
    assert not shipped, f"a package release ships these; drop them from the list: {shipped}"
