"""Provenance a user can follow: canonical addresses, copies named as copies, no research-tool words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from llama4ref.records.readings import readings
from llama4ref.records.tree import load_tree
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import REPO

MIRROR_HOST = re.compile(
    r"mirror|appspot\.com|adaptavist\.com|989968\.xyz|xbzza|workers\.dev|web\.archive\.org|archive\.(?:ph|is|today|org)"
    r"|\.preview\.",
    re.IGNORECASE,
)
TOOLING_WORDS = re.compile(
    r"search (?:tool|index)|tool.library|stored cop(?:y|ies)|index file id|web-page corpus|research dossier|dossier conflict",
    re.IGNORECASE,
)


def _host(url: str) -> str:
    return url.split("//", 1)[1].split("/", 1)[0]


def test_source_urls_are_canonical_never_a_mirror(kb: KnowledgeBase) -> None:
    """A source's url is the publisher's own address; a mirror or archive it was read from goes in read_from."""
    bad = {s.id: s.url for s in kb.sources() if MIRROR_HOST.search(_host(s.url))}
    assert not bad


def test_a_copy_read_elsewhere_is_named_in_read_from(kb: KnowledgeBase) -> None:
    """The sources read from mirrors keep their canonical url and say which copy was read."""
    for sid, host in (
        ("hf-papers-2601.11659", "huggingface.co"),
        ("vertex-llama-models-pt-br", "cloud.google.com"),
        ("oci-genai-llama4-scout-page-en", "docs.oracle.com"),
        ("databricks-supported-models", "learn.microsoft.com"),
    ):
        src = kb.source(sid)
        assert _host(src.url) == host and src.read_from, sid


def test_mirror_hosts_are_recognised() -> None:
    """The mirror check is not vacuous: the hosts these sources were read from are caught."""
    for url in ("https://hf-mirror.dev.xffuture.com/papers/1", "https://cloud-dot-devsite-v2-prod.appspot.com/x"):
        assert MIRROR_HOST.search(_host(url))


def _user_facing_files() -> list[Path]:
    files = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md")), *sorted((REPO / "facts").rglob("*"))]
    files += sorted((REPO / "llama4ref").rglob("*.py")) + sorted((REPO / "llama4ref" / "_index").glob("*.json"))
    return [f for f in files if f.is_file()]


def test_no_research_tooling_words_in_user_facing_text() -> None:
    """Provenance is said in the user's terms: no file of the data, docs or code names how we searched for it."""
    hits = []
    for path in _user_facing_files():
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if TOOLING_WORDS.search(line):
                hits.append(f"{path.relative_to(REPO)}:{n}")
    assert not hits


@pytest.mark.parametrize(
    ("quote", "unit", "value"),
    [
        ("400B (Total)", "parameters", 400e9),
        ("Llama 4 Scout supports up to 10M tokens", "tokens", 10e6),
        ('"max_position_embeddings": 1,048,576', "tokens", 1048576),
        ("a 17 billion active parameter model", "parameters", 17e9),
        ("nearly two trillion total parameters", "parameters", 2e12),
        ("$0.24 per 1M input tokens", "usd_per_million_tokens", 0.24),
        ('"input_cost_per_token": 2.4e-07', "usd_per_million_tokens", 0.24),
        ("context = 128_000", "tokens", 128000),
        ("4.28% of its parameters", "fraction", 0.0428),
        ("Below, video NiH up to 20 hours", "seconds", 72000),
    ],
)
def test_quotes_are_read_under_their_unit_and_scale(quote: str, unit: str, value: float) -> None:
    """Numbers are read with separators, scale letters and words, percentages and per-token prices."""
    assert any(abs(r - value) <= 1e-9 * max(1.0, value) for r in readings(quote, unit))


def test_a_binary_reading_of_a_decimal_label_is_not_guessed() -> None:
    """'10M' does not silently read as 10,485,760: that needs a conversion note."""
    assert 10 * 2**20 not in readings("10M context", "tokens")


def test_validate_catches_a_value_its_quotes_contradict(tmp_path: Path) -> None:
    """maverick.experts.routed changed from 128 to 130 with its quotes still saying 128 fails, located at the value."""
    root = tmp_path / "facts"
    shutil.copytree(REPO / "facts", root)
    path = root / "variants" / "maverick.yaml"
    text = path.read_text(encoding="utf-8")
    head, sep, rest = text.partition("  experts.routed:\n    value: 128\n")
    assert sep
    path.write_text(head + "  experts.routed:\n    value: 130\n" + rest, encoding="utf-8")
    line = head.count("\n") + 2
    found = [d for d in load_tree(root).diagnostics if d.code == "L4R-V001"]
    assert [(Path(d.file).name, d.position.line, d.position.col) for d in found] == [("maverick.yaml", line, 12)]
    assert "maverick.experts.routed: value 130" in found[0].message


def test_the_shipped_values_are_read_from_their_quotes(facts_dir: Path) -> None:
    """Every shipped numeric value is stated by one of its quotes or says how by `conversion`."""
    assert not [d.format() for d in load_tree(facts_dir).diagnostics if d.code == "L4R-V001"]


def test_a_source_cited_by_line_links_to_the_file(kb: KnowledgeBase) -> None:
    """A source some citation locates by line number has an address that shows the file (a repository
    file at a commit or tag), never a package's project page, and it is dated when it is a release."""
    cited_by_line = {
        c.source
        for f in kb.facts(derived=False)
        for c in (*f.citations, *(c for a in f.alternatives for c in a.citations))
        if re.search(r"\blines? \d", c.locator)
    }
    project_pages = {sid for sid in cited_by_line if "pypi.org/project/" in kb.source(sid).url}
    assert not project_pages
    released = [kb.source(s) for s in cited_by_line if kb.source(s).version.release and "github.com" in kb.source(s).url]
    assert released and all(s.version.published for s in released)


def test_notes_name_no_private_conflict_id(kb: KnowledgeBase) -> None:
    """A note or reason says what sources disagree on in words; no id of our research notes ("C16"),
    which a user cannot look up (`llama4ref list conflicts` lists the disagreements)."""
    private_id = re.compile(r"\bC\d{1,2}\b")
    texts = {f"{f.path} note": f.note for f in kb.facts(derived=False)}
    texts |= {
        f"{f.path} alternative {a.value!r}": f"{a.reason} {a.note or ''}" for f in kb.facts(derived=False) for a in f.alternatives
    }
    texts |= {f"source {s.id}": s.note for s in kb.sources()}
    texts |= {f"sheet {s.id}": s.note for s in kb.sheets()}
    assert [k for k, text in texts.items() if text and private_id.search(text)] == []
