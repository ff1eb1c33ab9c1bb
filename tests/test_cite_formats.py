"""Citations that compile: BibTeX read back by a real parser, CSL-JSON items with the fields CSL requires."""

from __future__ import annotations

import json
import re

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


# -- several paths and prefixes: one entry per source, keys stable per source ---------------------

_ENTRY = re.compile(r"@(\w+)\{([^,\s{}]+),\n")
_FIELD = re.compile(r"  (\w+) = \{")


def bib_entries(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """A small strict reader of the BibTeX ``cite`` writes: ``@type{key,`` then one ``  name = {…}``
    field a line (braces balanced), ``}`` alone; entries apart by a blank line. Anything else fails."""
    out: list[tuple[str, str, dict[str, str]]] = []
    for chunk in text.strip("\n").split("\n\n"):
        head = _ENTRY.match(chunk)
        assert head and chunk.endswith("\n}"), chunk[:80]
        fields: dict[str, str] = {}
        for line in chunk[head.end() : -2].split(",\n"):
            field = _FIELD.match(line)
            assert field and line.endswith("}"), line
            value = line[field.end() : -1]
            depth = 0
            for i, ch in enumerate(value):
                escaped = i > 0 and value[i - 1] == "\\"
                depth += (ch == "{" and not escaped) - (ch == "}" and not escaped)
                assert depth >= 0, line
            assert depth == 0 and field.group(1) not in fields, line
            fields[field.group(1)] = value
        out.append((head.group(1), head.group(2), fields))
    return out


MANY = ["scout.params.total", "runtime.vllm.scout.8xh100", "maverick.params.total"]


def test_cite_takes_paths_and_prefixes_and_gives_each_source_once(kb: KnowledgeBase) -> None:
    """Several paths and a prefix (exit 2 before) in one run: one entry per source, its note listing
    every fact it is cited for, so the .bib has no repeated key."""
    res = run_cli("cite", *MANY, "--format", "bibtex")
    assert res.code == 0, res.stderr
    entries = bib_entries(res.stdout)
    keys = [key for _, key, _ in entries]
    assert len(keys) == len(set(keys)) and "llama_models_model_card_2025" in keys and "vllm_blog_llama4_2025" in keys
    card = next(f for _, key, f in entries if key == "llama_models_model_card_2025")
    assert "scout.params.total (" in card["note"] and "maverick.params.total (" in card["note"]
    notes = " ".join(f["note"] for _, _, f in entries).replace("\\_", "_")
    assert all(f"{fact.path} (" in notes for fact in kb.group("runtime.vllm.scout.8xh100"))


def test_a_sources_key_is_the_same_in_every_run(kb: KnowledgeBase) -> None:
    """Two runs citing different facts give a source the same key and the same fields but the note."""
    one = {key: f for _, key, f in bib_entries(run_cli("cite", "scout.params.total", "--format", "bibtex").stdout)}
    two = {key: f for _, key, f in bib_entries(run_cli("cite", "maverick.params.total", "--format", "bibtex").stdout)}
    shared = set(one) & set(two)
    assert "llama_models_model_card_2025" in shared
    for key in shared:
        assert {k: v for k, v in one[key].items() if k != "note"} == {k: v for k, v in two[key].items() if k != "note"}


def test_every_source_has_a_key_of_its_own(kb: KnowledgeBase) -> None:
    """No two sources share a citation key."""
    from llama4ref.domain.cite import bibkey

    keys = [bibkey(s) for s in kb.sources()]
    assert len(keys) == len(set(keys)) > 200


def test_dates_come_from_the_records_only(kb: KnowledgeBase) -> None:
    """A commit-pinned source with a date in its record has year and date; one without has neither (none is invented)."""
    from llama4ref.domain.cite import bibkey

    undated = {s.id for s in kb.sources() if s.version.commit and not s.version.published}
    extra = next(f.path for f in kb.facts(derived=False) if any(c.source in undated for c in kb.citations_of(f)))
    text = run_cli("cite", *MANY, extra, "--format", "bibtex").stdout
    for _, key, fields in bib_entries(text):
        src = next(s for s in kb.sources() if bibkey(s) == key)
        if src.version.published:
            assert (fields["year"], fields["date"]) == (str(src.version.published.year), src.version.published.isoformat())
        else:
            assert "year" not in fields and "date" not in fields and key.endswith("_nd")
    assert any(k.endswith("_nd") for _, k, _ in bib_entries(text))  # a commit pin without a date: no year


def test_csl_json_and_json_follow_bibtex(kb: KnowledgeBase) -> None:
    """CSL-JSON: the same items in the same order, ids as keys, the facts in the note; JSON: kind
    `citations`, one report per fact, for a prefix or several paths (`citation` for one fact)."""
    bib = [key for _, key, _ in bib_entries(run_cli("cite", *MANY, "--format", "bibtex").stdout)]
    items = json.loads(run_cli("cite", *MANY, "--format", "csl-json").stdout)
    assert [i["id"] for i in items] == bib
    assert "scout.params.total (" in next(i["note"] for i in items if i["id"] == "llama_models_model_card_2025")
    doc = json.loads(run_cli("cite", "runtime.vllm.scout.8xh100", "--json").stdout)
    assert doc["kind"] == "citations" and [c["path"] for c in doc["data"]] == [
        f.path for f in kb.group("runtime.vllm.scout.8xh100")
    ]
    assert json.loads(run_cli("cite", "scout.params.total", "--json").stdout)["kind"] == "citation"


def test_text_names_each_source_once() -> None:
    """The text form: each fact with its quotes, then each source's reference once."""
    out = run_cli("cite", "scout.params.total", "maverick.params.total").stdout
    refs = [ln for ln in out.splitlines() if ln.startswith("- [")]
    assert len(refs) == len(set(refs)) and sum("[llama-models-model-card]" in r for r in refs) == 1
    assert out.count("  [llama-models-model-card] ") == 2


def test_one_run_with_every_path_parses_strictly() -> None:
    """pybtex (strict mode) reads one run given several paths and a prefix (joined runs repeated a key)."""
    pybtex = pytest.importorskip("pybtex.database")
    data = pybtex.parse_string(run_cli("cite", *MANY, "--format", "bibtex").stdout, "bibtex")
    assert "llama_models_model_card_2025" in data.entries


def test_a_release_pinned_repository_file_is_cited_at_its_tag(kb: KnowledgeBase) -> None:
    """A transformers 4.51.0 file cited by line reads `repo@v4.51.0:path` with the file's address at that
    tag, and its BibTeX entry carries the release's date (a dated key, not `_nd`)."""
    path = "multimodal.vision_encoder.layers"
    assert "transformers-4.51.0-configuration-llama4" in {c.source for c in kb.get(path).citations}
    out = run_cli("cite", path).stdout
    tagged = "huggingface/transformers@v4.51.0:src/transformers/models/llama4/configuration_llama4.py"
    url = "https://github.com/huggingface/transformers/blob/v4.51.0/src/transformers/models/llama4/configuration_llama4.py"
    ref = next(ln for ln in out.splitlines() if ln.startswith("- [transformers-4.51.0-configuration-llama4]"))
    assert tagged in ref and url in ref and "pypi.org" not in ref
    bib = bib_entries(run_cli("cite", path, "--format", "bibtex").stdout)
    fields = next(f for _, key, f in bib if key.startswith("transformers_4_51_0"))
    assert (fields["year"], fields["date"]) == ("2025", "2025-04-05")


def test_no_full_stop_follows_a_url_in_the_text_form(kb: KnowledgeBase) -> None:
    """A web page's reference read "…/llama-4-multimodal-intelligence/. (version …": the full stop
    after the URL is gone (a copy of the URL took it); a repository file still reads "repo@ref:path. URL"."""
    from llama4ref.cli.render.cite import reference

    for src in kb.sources():
        ref = reference(src)
        assert f"{src.url} (version " in ref and f"{src.url}. " not in ref
    out = run_cli("cite", "scout.release_date").stdout
    assert "https://ai.meta.com/blog/llama-4-multimodal-intelligence/ (version" in out
