"""Citations that compile: BibTeX read back by a real parser, CSL-JSON items with the fields CSL requires."""

from __future__ import annotations

import json

import pytest

from llama4ref.domain.cite import as_bibtex, as_csl_json, bib_escape, quote_text
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli

PATHS = ["maverick.params.total", "scout.training.tokens", "scout.context_window.instruct", "license.mau_threshold"]
CSL_TYPES = {"article", "post-weblog", "software", "dataset", "post", "legislation", "webpage"}


@pytest.mark.parametrize("path", PATHS)
def test_bibtex_parses_with_pybtex(kb: KnowledgeBase, path: str) -> None:
    """pybtex reads every entry, with the publication year (not the retrieval year) and no placeholder author."""
    from pybtex.database import parse_string

    fact = kb.get(path)
    data = parse_string(as_bibtex(kb, fact), "bibtex")
    assert data.entries
    for key, entry in data.entries.items():
        src = kb.source(
            next(c.source for c in kb.citations_of(fact) if key.startswith(c.source.replace("-", "_").replace(".", "_")))
        )
        if src.version.published:
            assert entry.fields["year"] == str(src.version.published.year)
        else:
            assert "year" not in entry.fields
        assert entry.fields["urldate"] == src.retrieved.isoformat()
        assert "unknown" not in str(entry.persons).lower()


def test_every_source_escapes_to_valid_bibtex(kb: KnowledgeBase) -> None:
    """Every fact's citations parse, whatever characters its sources' titles and locators hold."""
    from pybtex.database import parse_string

    for path in kb.paths()[::7]:
        parse_string(as_bibtex(kb, kb.get(path)), "bibtex")


def test_bib_escape_covers_tex_specials() -> None:
    """Each of _ # & % $ { } ~ ^ \\ is written as a TeX command, so LaTeX prints it."""
    assert bib_escape("a_b#c&d%e$f{g}h~i^j\\k") == (
        r"a\_b\#c\&d\%e\$f\{g\}h\textasciitilde{}i\textasciicircum{}j\textbackslash{}k"
    )


def test_csl_json_items_have_required_fields(kb: KnowledgeBase) -> None:
    """--format csl-json prints an array of CSL items: id, a CSL type, title, URL, accessed date parts."""
    res = run_cli("cite", "maverick.params.total", "--format", "CSL-JSON")
    assert res.code == 0
    items = json.loads(res.stdout)
    assert items == as_csl_json(kb, kb.get("maverick.params.total"))
    for item in items:
        assert isinstance(item["id"], str) and item["type"] in CSL_TYPES and item["title"] and item["URL"]
        assert all(isinstance(n, int) for n in item["accessed"]["date-parts"][0])


def test_format_is_case_insensitive_and_text_is_clean(kb: KnowledgeBase) -> None:
    """--format BibTeX works; the text format shows a quote without HTML tags and a URL once."""
    assert run_cli("cite", "maverick.params.total", "--format", "BibTeX").code == 0
    text = run_cli("cite", "scout.training.tokens").stdout
    assert "<td>" not in text and "10M ~40T August 2024" in text
    assert run_cli("cite", "maverick.params.total", "--format", "nope").code == 2
    assert quote_text("<td>10M</td> <td>~40T</td>") == "10M ~40T"
    line = next(ln for ln in text.splitlines() if "meta-blog-llama4-herd" in ln) if "meta-blog" in text else ""
    assert line.count("https://") <= 1
