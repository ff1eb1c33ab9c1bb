"""Citations that compile: BibTeX read back by a real parser, CSL-JSON items with the fields CSL requires."""

from __future__ import annotations

import json
import re

import pytest

from llama4ref.domain.cite import (
    NOTE_USES,
    arxiv_eprint,
    as_bibtex,
    as_csl_json,
    bib_escape,
    bibkey,
    cited_sources,
    facts_of,
    quote_text,
)
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli

PATHS = ["maverick.params.total", "scout.training.tokens", "scout.context_window.instruct", "license.mau_threshold"]
CSL_TYPES = {"article", "paper-conference", "post-weblog", "software", "dataset", "post", "legislation", "webpage"}


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
        if src.read_from is None:
            assert entry.fields["urldate"] == src.retrieved.isoformat()
        else:  # a copy was read: no day claims the address was
            assert "urldate" not in entry.fields and src.read_from in entry.fields["note"].replace("\\_", "_")
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
    """--format csl-json prints an array of CSL items: id, a CSL type, title, URL, and accessed date
    parts for a source read at its address (a copy read is named in the note instead)."""
    res = run_cli("cite", "maverick.params.total", "--format", "CSL-JSON")
    assert res.code == 0
    items = json.loads(res.stdout)
    assert items == as_csl_json(kb, kb.get("maverick.params.total"))
    for item in items:
        assert isinstance(item["id"], str) and item["type"] in CSL_TYPES and item["title"] and item["URL"]
        if "accessed" in item:
            assert all(isinstance(n, int) for n in item["accessed"]["date-parts"][0])
        else:
            assert "not read at this address: read " in item["note"]
    assert any("accessed" in item for item in items)


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
    for cited in cited_sources(kb, facts_of(kb, MANY)):  # the first uses named, the rest counted
        note = next(f["note"] for _, key, f in entries if key == bibkey(cited.source)).replace("\\_", "_")
        uses = list(dict.fromkeys(fact.path for fact, _ in cited.uses))  # a note names each fact once
        assert all(f"{path} (" in note for path in uses[:NOTE_USES]), note
        more = re.search(r"; \+(\d+) more$", note)
        assert (int(more[1]) if more else 0) == max(0, len(uses) - NOTE_USES), note


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


# -- what a reference manager and a strict style need (review11 #2, #3) -------------------------


def _all_entries(kb: KnowledgeBase) -> str:
    """The BibTeX of one ``cite`` run over every fact: every source a fact cites, once."""
    return as_bibtex(kb, kb.facts())


def test_pybtex_unsrt_formats_every_entry(kb: KnowledgeBase) -> None:
    """pybtex's unsrt style (as strict as BibTeX's) formats every entry of a run over every fact: no
    @article without a journal, no @inproceedings without booktitle and year (FieldIsMissing before)."""
    database = pytest.importorskip("pybtex.database")
    unsrt = pytest.importorskip("pybtex.style.formatting.unsrt")
    data = database.parse_string(_all_entries(kb), "bibtex")
    cited = {c.source.id for c in cited_sources(kb, kb.facts())}
    assert len(data.entries) == len(cited) > 200
    style = unsrt.Style()
    for key, entry in data.entries.items():
        assert list(style.format_entries([entry])), key  # raises FieldIsMissing on a required field
        assert entry.type in {"misc", "inproceedings"}, key


ORGANISATIONS = {"meta", "arxiv", "openreview", "pmlr", "meta genai", "fair"}


def test_a_papers_authors_are_people_never_an_organisation(kb: KnowledgeBase) -> None:
    """A paper's BibTeX and CSL authors are the people its record lists, in order; never its
    publisher or host (Meta, arXiv, OpenReview: before, `author = {{Meta}}`); none when none is recorded."""
    from pybtex.database import parse_string

    papers = [s for s in kb.sources() if s.kind == "paper"]
    assert {"arxiv-2501.17974", "arxiv-2409.20370", "arxiv-2505.14946", "pmlr-v267-yu25s"} <= {s.id for s in papers}
    entries = parse_string(_all_entries(kb), "bibtex").entries
    items = {i["id"]: i for i in as_csl_json(kb, kb.facts())}
    organisations = ORGANISATIONS | {s.publisher.lower() for s in kb.sources()}
    for src in papers:
        key = bibkey(src)
        if key not in entries:
            continue
        people = [" ".join(p.first_names + p.middle_names + p.last_names) for p in entries[key].persons.get("author", [])]
        assert people == list(src.authors), key
        assert not {p.lower() for p in people} & organisations, key
        csl = items[key].get("author", [])
        assert [f"{n['given']} {n['family']}" for n in csl] == list(src.authors), key
        assert all("literal" not in n for n in csl), key
    assert "author" not in entries["openreview_cgpo_iclr2025_2024"].persons  # an anonymous submission page
    assert kb.source("arxiv-2501.17974").authors[0] == "Zishun Yu"


def test_arxiv_entries_are_misc_with_eprint_and_a_proceedings_paper_is_inproceedings(kb: KnowledgeBase) -> None:
    """Every arXiv paper: @misc with eprint, archivePrefix and the pinned version; the PMLR entry of
    IBPO: @inproceedings with booktitle, pages and its year (it has no publication date)."""
    entries = {key: (kind, f) for kind, key, f in bib_entries(_all_entries(kb))}
    arxiv = [s for s in kb.sources() if s.kind == "paper" and "arxiv.org/" in s.url and bibkey(s) in entries]
    assert len(arxiv) >= 4
    for src in arxiv:
        kind, fields = entries[bibkey(src)]
        eprint = arxiv_eprint(src)
        assert eprint and kind == "misc" and fields["eprint"] == eprint.id and fields["archivePrefix"] == "arXiv"
        assert fields["eprint"] in src.url and f"{eprint.id}{fields['version']}" in src.url
        assert "publisher" not in fields and "journal" not in fields
    assert entries["arxiv_2501_17974_2025"][1]["version"] == "v2"
    kind, fields = entries["pmlr_v267_yu25s_2025"]
    assert kind == "inproceedings" and fields["year"] == "2025" and fields["pages"] == "73304--73325"
    assert fields["booktitle"] == "Proceedings of the 42nd International Conference on Machine Learning"
    assert not any(kind == "article" for kind, _ in entries.values())


def test_a_note_is_short_whatever_number_of_facts_cite_the_source(kb: KnowledgeBase) -> None:
    """A note names at most three uses and "+N more" (the converter's note held 45 paths, ~3,000
    characters, before); BibTeX and CSL-JSON alike."""
    notes = {key: f["note"] for _, key, f in bib_entries(_all_entries(kb))}
    assert max(len(n) for n in notes.values()) <= 600
    converter = notes["transformers_convert_llama4_nd"]
    uses = {f.path for f in kb.facts() for c in kb.citations_of(f) if c.source == "transformers-convert-llama4"}
    assert len(uses) > 10 and converter.endswith(f"; +{len(uses) - NOTE_USES} more"), converter
    assert sum(f"{path} (" in converter.replace("\\_", "_") for path in uses) == NOTE_USES
    assert max(len(i["note"]) for i in as_csl_json(kb, kb.facts())) <= 600


def test_a_year_comes_from_the_publication_date_or_the_proceedings(kb: KnowledgeBase) -> None:
    """``year`` is the publication year, else the proceedings' year, and the key ends with it (the
    ICML 2025 paper was ``pmlr_v267_yu25s_nd`` with year 2025); a source with neither has no year
    and a key ending ``_nd`` (none is guessed)."""
    for kind, key, fields in bib_entries(_all_entries(kb)):
        src = next(s for s in kb.sources() if bibkey(s) == key)
        if src.version.published:
            assert fields["year"] == str(src.version.published.year) and key.endswith(f"_{fields['year']}")
        elif src.proceedings:
            assert fields["year"] == str(src.proceedings.year) and key.endswith(f"_{fields['year']}")
        else:
            assert "year" not in fields and key.endswith("_nd"), (kind, key)
    assert bibkey(kb.source("pmlr-v267-yu25s")) == "pmlr_v267_yu25s_2025"


def test_the_reviewed_command_names_the_papers_authors() -> None:
    """`cite research.ibpo research.cgpo.title research.rluf.title` (review11 #2): no `{{Meta}}`,
    `{{arXiv}}` or `@article`; CSL-JSON gives the first author of each paper as a person."""
    paths = ("research.ibpo", "research.cgpo.title", "research.rluf.title")
    bib = run_cli("cite", *paths, "--format", "bibtex")
    assert bib.code == 0 and "@article" not in bib.stdout
    papers = [f for kind, key, f in bib_entries(bib.stdout) if key.startswith(("arxiv_", "pmlr_"))]
    assert len(papers) == 4 and all(f["author"].split(" and ")[0] in {"Zishun Yu", "Tengyu Xu", "Eric Han"} for f in papers)
    items = json.loads(run_cli("cite", *paths, "--format", "csl-json").stdout)
    firsts = {i["id"]: i["author"][0] for i in items if i["id"].startswith("arxiv_")}
    assert firsts["arxiv_2505_14946_2025"] == {"family": "Han", "given": "Eric"} and len(firsts) == 3


def test_no_full_stop_follows_a_url_in_the_text_form(kb: KnowledgeBase) -> None:
    """A web page's reference read "…/llama-4-multimodal-intelligence/. (version …": the full stop
    after the URL is gone (a copy of the URL took it); a repository file still reads "repo@ref:path. URL"."""
    from llama4ref.cli.render.cite import reference

    for src in kb.sources():
        ref = reference(src)
        assert f"{src.url} (" in ref and f"{src.url}. " not in ref
    out = run_cli("cite", "scout.release_date").stdout
    assert "https://ai.meta.com/blog/llama-4-multimodal-intelligence/ (version" in out


def test_a_copy_read_is_named_and_never_dated_as_the_live_page(kb: KnowledgeBase) -> None:
    """A page read from a mirror (databricks-supported-models) says so in every citation form: the text
    names the copy instead of "retrieved", BibTeX has no urldate and a note naming the copy, CSL no
    accessed; a page read at its address keeps its day (review12 #1)."""
    path = "providers.databricks.maverick.text_only"
    text = run_cli("cite", path).stdout
    assert "retrieved" not in text and "read 2026-11-23 from a mirror copy at www.989968.xyz" in text
    _, _, fields = next(iter(bib_entries(run_cli("cite", path, "--format", "bibtex").stdout)))
    assert "urldate" not in fields and fields["note"].startswith("Not read at this address: read 2026-11-23 from a mirror")
    (item,) = as_csl_json(kb, kb.get(path))
    assert "accessed" not in item and "mirror copy at www.989968.xyz" in item["note"]
    live = as_csl_json(kb, kb.get("scout.params.total"))[0]
    assert kb.source("llama-models-model-card").read_from is None and live["accessed"]["date-parts"] == [[2026, 11, 23]]
    assert "Version @038acb9fe1e1; retrieved 2026-11-23" in next(
        f["note"] for _, _, f in bib_entries(as_bibtex(kb, kb.get("scout.params.total")))
    )


def test_a_copy_read_is_shown_beside_the_tier(kb: KnowledgeBase) -> None:
    """`get` and `sources ID` print "read from a copy" beside a mirror-read source's tier (the tier
    follows the publisher), and nothing beside one read at its address."""
    get = run_cli("get", "providers.databricks.maverick.text_only").stdout
    assert "[first-party, read from a copy, undated]" in get
    assert "tier: first-party, read from a copy" in run_cli("sources", "databricks-supported-models").stdout
    assert "[first-party, @038acb9fe1e1]" in run_cli("get", "scout.params.total").stdout


def test_an_undated_page_names_no_version(kb: KnowledgeBase) -> None:
    """No placeholder version ("undated web page") is printed as a version: BibTeX has no
    "Version", CSL no version, the text none (review12 #10); a pinned source keeps its own."""
    undated = [s for s in kb.sources() if s.version.undated]
    assert len(undated) >= 20
    everything = _all_entries(kb)
    assert "undated web page" not in everything and "web page as archived" not in everything
    for _, key, fields in bib_entries(everything):
        src = next(s for s in kb.sources() if bibkey(s) == key)
        note = fields["note"].removeprefix(f"{bib_escape(src.title_note)}; " if src.title_note and not src.proceedings else "")
        assert note.startswith("Version ") != src.version.undated, key
    for item in as_csl_json(kb, kb.facts()):
        assert item.get("version") != "undated"
    ref = next(
        ln for ln in run_cli("cite", "providers.databricks.maverick.text_only").stdout.splitlines() if ln.startswith("- [")
    )
    assert "version" not in ref


def test_a_note_keeps_each_locator_whole_or_leaves_it_out(kb: KnowledgeBase) -> None:
    """A note never cuts a locator (the Azure price's 'entry "azure_ai/Llama-4-Maverick-1…' lost the
    key a reader searches for): each use names its locator whole or names the path alone, and the
    note stays short (review12 #11)."""
    from llama4ref.domain.cite import LOCATOR_CHARS

    azure = "providers.azure_ai_foundry.maverick.price.output"
    note = next(f["note"] for _, _, f in bib_entries(as_bibtex(kb, kb.get(azure)))).replace("\\_", "_")
    assert "…" not in note and "azure_ai/Llama-4-Maverick-1" in note, note
    for cited in cited_sources(kb, kb.facts()):
        short = cited.cited_for(NOTE_USES)
        assert len(short) <= 400, short
        for fact, _ in cited.uses:
            if f"{fact.path} (" in short:
                assert any(f"{fact.path} ({c.locator})" in short for f, c in cited.uses if f.path == fact.path), short
    cited = cited_sources(kb, kb.get(azure))[0]
    fact, cit = cited.uses[0]
    long = cited._replace(uses=[(fact, cit._replace(locator="x" * (LOCATOR_CHARS + 1)))])
    assert long.cited_for(NOTE_USES) == azure  # too long to name: left out, never cut


def test_undated_is_a_version_of_its_own() -> None:
    """`undated: true` stands alone (with a commit, release … it would contradict them), and a version
    with nothing at all is still refused: no placeholder text is needed, and none is allowed in its place."""
    from pydantic import ValidationError

    from llama4ref.records.models.source import SourceVersion

    assert SourceVersion(undated=True).undated
    for bad in ({"undated": True, "release": "undated web page"}, {}):
        with pytest.raises(ValidationError):
            SourceVersion(**bad)


def test_a_citation_title_is_the_works_own(kb: KnowledgeBase) -> None:
    """review13 #7: our words in parentheses after a title (a file path, the site, the venue) are
    not the work's title: BibTeX and CSL print the title without them, and the note keeps them."""
    entries = {key: f for _, key, f in bib_entries(_all_entries(kb))}
    csl = {i["id"]: i for i in as_csl_json(kb, kb.facts())}
    noted = [s for s in kb.sources() if s.title_note and bibkey(s) in entries]
    assert len(noted) >= 70
    for src in noted:
        key = bibkey(src)
        assert entries[key]["title"] == "{" + bib_escape(src.work_title) + "}" and csl[key]["title"] == src.work_title
        assert f"({src.title_note})" not in entries[key]["title"] and f"({src.title_note})" not in csl[key]["title"]
    assert entries["llama_models_license_2025"]["title"] == "{Llama 4 Community License Agreement}"
    assert entries["llama_models_license_2025"]["note"].startswith("models/llama4/LICENSE; ")
    assert "ICML 2025" not in entries["pmlr_v267_yu25s_2025"]["title"]
    assert entries["hf_blog_llama4_release_nd"]["title"].endswith("on Hugging Face}")


def test_a_paper_page_names_its_site_never_as_author(kb: KnowledgeBase) -> None:
    """review13 #7: the Hugging Face Papers page was `author = {Hugging Face Papers}`, though
    `cite -h` promises a paper's authors are people, never the publisher; with none recorded the
    entry has no author and says where it was published."""
    entry = next(f for _, key, f in bib_entries(_all_entries(kb)) if key == "hf_papers_2601_11659_2026")
    assert "author" not in entry and entry["howpublished"].startswith("Hugging Face Papers, \\url{")
    item = next(i for i in as_csl_json(kb, kb.facts()) if i["id"] == "hf_papers_2601_11659_2026")
    assert "author" not in item and item["publisher"] == "Hugging Face Papers"


def test_csl_types_and_notes_read_right(kb: KnowledgeBase) -> None:
    """review13 #7: the licence agreement is a CSL `document`, not `legislation` (a statute to a
    style); a note names each fact once (the Scout page's note named one fact twice)."""
    items = {i["id"]: i for i in as_csl_json(kb, kb.facts())}
    assert items["llama_models_license_2025"]["type"] == "document"
    assert not [i for i in items.values() if i["type"] == "legislation"]
    note = next(i["note"] for i in as_csl_json(kb, [], ["hf-scout-base-model-page"]))
    assert note.count("access.hugging_face.form.identity_required") == 1, note
