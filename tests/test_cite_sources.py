"""`cite SOURCE_ID` cites the source itself (review12 #7: it was "unknown fact path"): one entry in
BibTeX and CSL-JSON whose note names the facts it backs, its reference in text, the citations of
its facts in JSON; fact paths and source ids mix in one run."""

from __future__ import annotations

import json

from llama4ref.domain.cite import as_bibtex, bibkey, split_names
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli

CARD = "llama-models-model-card"


def test_a_source_id_is_told_from_a_fact_path(kb: KnowledgeBase) -> None:
    """A fact path or prefix stays one; a source id that is neither is a source; an unknown name stays a path (to be reported)."""
    assert split_names(kb, ["scout.params.total", CARD, "scout", "nope"]) == (["scout.params.total", "scout", "nope"], [CARD])


def test_bibtex_of_a_source_id_is_its_one_entry(kb: KnowledgeBase) -> None:
    """One entry, the key every run gives it, read back by pybtex, its note naming facts the source backs."""
    from pybtex.database import parse_string

    res = run_cli("cite", CARD, "--format", "bibtex")
    assert (res.code, res.stderr) == (0, "")
    data = parse_string(res.stdout, "bibtex")
    assert list(data.entries) == [bibkey(kb.source(CARD))]
    note = data.entries[bibkey(kb.source(CARD))].fields["note"]
    assert "cited for " in note and kb.backed_by(CARD)[0].split(".")[0] in note.replace("\\_", "_")


def test_csl_and_text_and_json_of_a_source_id(kb: KnowledgeBase) -> None:
    """CSL-JSON: one item keyed as in BibTeX; text: what it backs and its reference; JSON: every fact it backs."""
    csl = json.loads(run_cli("cite", CARD, "--format", "csl-json").stdout)
    assert [item["id"] for item in csl] == [bibkey(kb.source(CARD))]
    text = run_cli("cite", CARD).stdout
    backs = len(kb.backed_by(CARD))
    assert text.startswith(f"{CARD}: the source itself, backing {backs:,} fact(s) (see 'llama4ref sources {CARD}')\nsources:\n")
    assert f"- [{CARD}] " in text and kb.source(CARD).url in text
    doc = json.loads(run_cli("cite", CARD, "--json").stdout)
    assert doc["kind"] == "citations" and len(doc["data"]) == backs
    assert [item["path"] for item in doc["data"]] == kb.backed_by(CARD)
    assert any(c["source"] == CARD for c in doc["data"][0]["citations"])


def test_fact_paths_and_source_ids_mix(kb: KnowledgeBase) -> None:
    """The fact's sources come first, then the named source (once, even when the fact cites it too)."""
    out = run_cli("cite", "scout.params.total", "mellea-model-ids", CARD, "--format", "bibtex").stdout
    keys = [line.split("{", 1)[1].rstrip(",") for line in out.splitlines() if line.startswith("@")]
    assert keys[-1] == bibkey(kb.source("mellea-model-ids")) and len(keys) == len(set(keys))
    assert bibkey(kb.source(CARD)) in keys


def test_a_source_backing_no_fact_says_so(kb: KnowledgeBase) -> None:
    """A source that backs identifiers only is cited "for no fact", with the command listing what it backs."""
    assert kb.backed_by("mellea-model-ids") == []
    out = as_bibtex(kb, [], ["mellea-model-ids"])
    assert "cited for no fact (see 'llama4ref sources mellea-model-ids')" in out


def test_an_unknown_name_is_still_an_unknown_fact_path() -> None:
    """Neither a fact path nor a source id: the error it gave before, with its code."""
    res = run_cli("cite", "nope-nope")
    assert (res.code, res.stderr) == (
        2,
        "llama4ref: error: L4R-U001 unknown fact path 'nope-nope' (see 'llama4ref list facts')\n",
    )


def test_every_source_id_cites_that_source(kb: KnowledgeBase) -> None:
    """review19 #1: each of the shipped source ids, as `cite ID --format json` and BibTeX read it,
    is that source: one entry keyed by it, the facts it backs, never a variant's facts (46 ids
    holding `llama4-scout` or `llama4-maverick` were read as scout.* or maverick.*)."""
    from llama4ref.domain.cite import cited_sources, facts_of

    ids = [s.id for s in kb.sources()]
    assert len(ids) > 200 and "axolotl-llama4-scout-qlora" in ids and "cerebras-docs-llama4-maverick" in ids
    wrong = []
    for sid in ids:
        paths, sources = split_names(kb, [sid])
        cited = cited_sources(kb, facts_of(kb, paths), sources)
        own = [c.source.id for c in cited] == [sid] and {fact.path for fact, _ in cited[0].uses} <= set(kb.backed_by(sid))
        if (paths, sources) != ([], [sid]) or not own:  # its own one entry, with facts it backs only
            wrong.append(sid)
    assert wrong == []


def test_a_source_id_naming_a_model_is_cited_as_that_source(kb: KnowledgeBase) -> None:
    """The reviewer's runs: Axolotl's config gets its own one entry, Cerebras's page its own one
    (not torchtune's, not 19 Maverick sources); JSON lists exactly the facts each backs."""
    for sid in ("axolotl-llama4-scout-qlora", "cerebras-docs-llama4-maverick"):
        out = run_cli("cite", sid, "--format", "bibtex").stdout
        assert [line for line in out.splitlines() if line.startswith("@")] == [f"@misc{{{bibkey(kb.source(sid))},"]
        doc = json.loads(run_cli("cite", sid, "--json").stdout)
        assert [item["path"] for item in doc["data"]] == kb.backed_by(sid)
        assert all(any(c["source"] == sid for c in item["citations"]) for item in doc["data"])


def test_get_of_a_source_id_points_to_the_source() -> None:
    """`get SOURCE-ID` printed a variant's 92 facts for a source id naming a model; now it says the
    name is a source and which commands show it, with the unknown-path code."""
    res = run_cli("get", "axolotl-llama4-scout-qlora")
    assert (res.code, res.stdout) == (2, "")
    assert res.stderr.startswith("llama4ref: error: L4R-U001 'axolotl-llama4-scout-qlora' is a source id, not a fact path")
    assert "'llama4ref sources axolotl-llama4-scout-qlora'" in res.stderr
    assert run_cli("get", "scout.params.total").code == 0  # a fact path is still one
