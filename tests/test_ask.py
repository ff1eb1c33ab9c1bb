"""Questions answered from the records (issue 14): vocabulary, full-text index, ask, search, groups."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml

import llama4ref
from benchmarks.questions import covers, whole_groups
from llama4ref.domain.answer import ask
from llama4ref.domain.search import MARK_START, find, search
from llama4ref.records.vocabulary import Lexicon
from llama4ref.store import fulltext as ftsindex
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli

QUESTIONS = Path(__file__).parent / "questions"


def _questions(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] | None = yaml.safe_load((QUESTIONS / f"{name}.yaml").read_text(encoding="utf-8"))
    return data or []  # held_out.yaml has its header only until the next set is written


def _rates(kb: KnowledgeBase, db: sqlite3.Connection, name: str) -> tuple[float, float]:
    top1 = top5 = 0
    questions = _questions(name)
    for q in questions:
        got = ask(kb, q["q"], db).ranked_paths()
        top1 += bool(got) and got[0] in q["paths"]
        top5 += bool(set(got[:5]) & set(q["paths"]))
    return top1 / len(questions), top5 / len(questions)


def test_question_sets_are_large_and_answerable(kb: KnowledgeBase) -> None:
    """At least 150 questions, a held-out set of 30 or none yet, every accepted answer an existing
    fact or group, no question twice."""
    tune, held = _questions("tune"), _questions("held_out")
    assert len(tune) + len(held) >= 150 and (len(held) >= 30 or not held)
    asked = [q["q"].casefold() for q in tune + held]
    assert len(asked) == len(set(asked)), sorted(q for q in asked if asked.count(q) > 1)
    paths = kb.paths()
    for q in tune + held:
        for p in q["paths"]:
            assert p in paths or any(covers(p, x) for x in paths), (q["q"], p)


def test_accepted_answers_include_their_whole_groups(kb: KnowledgeBase) -> None:
    """One scoring rule for every set: a group all of whose facts are accepted is accepted too
    (a new set gets them from ``python benchmarks/questions.py --add-groups FILE``)."""
    paths = kb.paths()
    missing = [
        (q["q"], g)
        for q in _questions("tune") + _questions("held_out")
        for g in whole_groups(q["paths"], paths)
        if g not in q["paths"]
    ]
    assert not missing, missing[:10]


def test_ask_on_the_tuning_set(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """The tuning set meets issue 14's targets: top-1 at least 90%, top-5 at least 98%."""
    top1, top5 = _rates(kb, db, "tune")
    assert top1 >= 0.90 and top5 >= 0.98, (top1, top5)


def test_ask_on_the_held_out_set(kb: KnowledgeBase, db: sqlite3.Connection, capsys: pytest.CaptureFixture[str]) -> None:
    """The held-out set, never tuned on, is reported, not gated (a gate would invite tuning on
    it; benchmarks/questions.py publishes it). Only a ranking that is plainly broken fails here."""
    if not _questions("held_out"):
        pytest.skip("held_out.yaml has no questions yet")
    top1, top5 = _rates(kb, db, "held_out")
    with capsys.disabled():
        print(f"\nheld-out questions: ask top-1 {top1:.1%}, top-5 {top5:.1%} (targets 90% / 98%)")
    assert top5 >= 0.5, (top1, top5)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("MMLU-Pro", "mmlu_pro"),
        ("mmlu pro", "mmlu_pro"),
        ("mmlupro", "mmlu_pro"),
        ("AWS", "providers.bedrock"),
        ("Amazon", "providers.bedrock"),
        ("Amazon Bedrock", "providers.bedrock"),
        ("Together AI", "providers.together"),
        ("L4 Scout", "scout"),
        ("109B", "scout"),
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "maverick"),
        ("monthly active users", "license.mau_threshold"),
        ("H100", "hardware.h100"),
    ],
)
def test_vocabulary_names_entities_in_any_spelling(kb: KnowledgeBase, text: str, target: str) -> None:
    """Entity names, aliases, repo ids and spellings all reach the same entity."""
    parsed = Lexicon(kb.vocabulary()).parse(text)
    assert target in [t["target"] for t in parsed.of_kind("entity")], parsed.matches


def test_a_one_letter_word_ends_no_name_written_in_parts(kb: KnowledgeBase) -> None:
    """French "le « i »" is no Portuguese "lei" (law): a one-letter word neither begins nor ends a
    phrase written as one word."""
    parsed = Lexicon(kb.vocabulary()).parse("que signifie le i dans irope", question=True)
    assert "governing-law" not in {t["id"] for t in parsed.of_kind("attribute")}, parsed.matches
    assert "lei" in {m.text for m in Lexicon(kb.vocabulary()).parse("qual lei rege a licença", question=True).matches}


def test_a_count_with_its_scale_letter_asks_for_the_parameters(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """A model called "an 8B model" is asked about its parameter count, even when 8B is not the recorded figure."""
    assert ask(kb, "Is Llama Guard 4 an 8B model?", db).path == "safety.system_level.llama_guard_4.params"


def test_a_name_written_for_ones_own_model_asks_for_the_naming_rule(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """'call my model "X"' with the name written is a naming question, whatever model X names."""
    got = ask(kb, 'Can I call my model "Llama-4-Scout-Legal-FT"?', db).path
    assert got in {"license.name_prefix", "license_terms.naming_rule"}, got


def test_vocabulary_finds_attributes_and_intents(kb: KnowledgeBase) -> None:
    """ "how many", "experts" and "context length" are an intent and two attributes."""
    parsed = Lexicon(kb.vocabulary()).parse("how many experts and what context length")
    assert "how-many" in [t["id"] for t in parsed.of_kind("intent")]
    assert {"experts", "context"} <= {t["id"] for t in parsed.of_kind("attribute")}


def test_ask_answers_a_group_when_the_question_names_one(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """`maverick experts` answers with the maverick.experts group; a narrower question with one fact."""
    group = ask(kb, "maverick experts", db)
    assert group.found and group.is_group and group.path == "maverick.experts"
    assert "maverick.experts.routed" in [f.path for f in group.facts]
    one = ask(kb, "number of routed experts in Scout", db)
    assert one.path == "scout.experts.routed" and not one.is_group and one.facts[0].as_int() == 16


OFF_TOPIC = [
    "what is the airspeed velocity of an unladen swallow",
    "who won the world cup",
    "banana bread recipe",
    "quantum chromodynamics",
    "how tall is mount everest",
    "best pizza in naples",
]


@pytest.mark.parametrize("text", OFF_TOPIC)
def test_ask_says_when_nothing_answers(kb: KnowledgeBase, db: sqlite3.Connection, text: str) -> None:
    """An unrelated question is not answered (even when a word looks like a typo of a known
    one): the closest facts and a helpful command instead."""
    ans = ask(kb, text, db)
    assert not ans.found and ans.path is None and ans.runners_up
    assert ans.suggestion is not None and ans.suggestion.startswith("llama4ref ")


def test_library_ask_uses_the_shipped_index() -> None:
    """`llama4ref.ask(text)` answers from the shipped index with the citation attached."""
    ans = llama4ref.ask("700M MAU")
    assert ans.path == "license.mau_threshold" and ans.facts[0].citations[0].quote


def test_search_any_order_typos_and_highlights(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """Words in any order, a misspelling, and the matching passage marked."""
    forward = [h.fact.path for h in search(kb, "maverick experts", db=db)][:3]
    backward = [h.fact.path for h in search(kb, "experts maverick", db=db)][:3]
    assert forward == backward and all(p.startswith("maverick.experts.") for p in forward)
    typo = search(kb, "mavrick contxt window", db=db)
    assert typo and typo[0].fact.path.startswith("maverick.context_window.")
    assert any(h.snippet and MARK_START in h.snippet for h in search(kb, "temperature tuning", db=db))


def test_search_reads_a_mistyped_model_name_and_says_so(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """ "contxt windw scot": "scot" is Scout with a letter left out, so Scout's context comes first
    (not Maverick's), and `search` prints what it read, in the question's order, as `ask` does."""
    found = find(kb, "contxt windw scot", db=db)
    assert found.corrections == {"contxt": "context", "windw": "window", "scot": "scout"}
    assert found.hits[0].fact.path.startswith("scout.context_window.")
    assert find(kb, "scuot context", db=db).corrections == {"scuot": "scout"}
    res = run_cli("search", "contxt", "windw", "scot", "--limit", "2")
    assert res.stdout.splitlines()[0] == "(read 'contxt' → 'context', 'windw' → 'window', 'scot' → 'scout')"


def test_shipped_index_covers_every_fact(kb: KnowledgeBase) -> None:
    """The shipped index has one document per fact, stored and derived."""
    indexed = ftsindex.units(ftsindex.shipped())
    assert sorted(indexed) == kb.paths()
    assert indexed["maverick.experts.total"] == ("experts", True)


def test_shipped_index_file_is_opened_read_only() -> None:
    """Installed as files, the index is opened where it lies: no write can reach the shipped file."""
    db = ftsindex.shipped()
    path = db.execute("SELECT file FROM pragma_database_list WHERE name = 'main'").fetchone()[0]
    assert Path(path).parts[-2:] == ("_index", ftsindex.FILE_NAME)  # opened in place, not read into memory
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("DELETE FROM meta")


def test_index_is_built_in_memory_for_another_tree(facts_dir: Path) -> None:
    """A knowledge base loaded from a tree gets its own index when asked (no shipped file involved)."""
    other = llama4ref.load(facts_dir)
    ans = ask(other, "how many layers does scout have")
    assert ans.path == "scout.architecture.layers"


def test_cli_ask_json_and_exit_codes() -> None:
    """`ask WORDS…` needs no quoting; --json carries the answer; no answer exits 1 with a suggestion."""
    res = run_cli("ask", "how", "many", "layers", "does", "scout", "have", "--json")
    assert res.code == 0, res.stderr
    data = json.loads(res.stdout)["data"]
    assert data["found"] and data["answer"]["path"] == "scout.architecture.layers"
    assert data["answer"]["facts"][0]["citations"][0]["quote"]
    miss = run_cli("ask", "what", "is", "the", "airspeed", "of", "a", "swallow")
    assert miss.code == 1 and "Try: llama4ref " in miss.stdout


def test_cli_search_unquoted_and_get_prefix() -> None:
    """`search maverick experts` works unquoted; `get maverick.experts` lists the group (exit 0)."""
    res = run_cli("search", "maverick", "experts", "--limit", "3")
    assert res.code == 0 and "maverick.experts." in res.stdout
    group = run_cli("get", "maverick.context_window")
    assert group.code == 0 and "instruct" in group.stdout and "base" in group.stdout
    data = json.loads(run_cli("get", "maverick.experts", "--json").stdout)
    assert data["kind"] == "group" and "maverick.experts.routed" in [f["path"] for f in data["data"]["facts"]]
    assert run_cli("get", "maverick.no_such_thing").code == 2


def test_sqlite_export_has_a_full_text_table(tmp_path: Path, kb: KnowledgeBase) -> None:
    """The export's facts_fts (content="facts", what Datasette looks for) finds facts by their everyday names."""
    from llama4ref.export.sqlite import write_sqlite

    write_sqlite(kb, tmp_path / "x.db")
    db = sqlite3.connect(tmp_path / "x.db")
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'facts_fts'").fetchone()[0]
    assert 'content="facts"' in sql
    found = db.execute(
        "SELECT path FROM facts WHERE rowid IN (SELECT rowid FROM facts_fts WHERE facts_fts MATCH 'MAU')"
    ).fetchall()
    assert ("license.mau_threshold",) in found


def test_shipped_index_reads_from_a_zip(tmp_path: Path) -> None:
    """The search index is read through the package loader, so it opens from a zipped package too."""
    import subprocess
    import sys
    import zipfile

    package = Path(llama4ref.__file__).parent
    archive = tmp_path / "llama4ref.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for f in package.rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts:
                zf.write(f, f"llama4ref/{f.relative_to(package).as_posix()}")
    code = (
        f"import sys; sys.path.insert(0, {str(archive)!r}); from llama4ref.store import fulltext as ftsindex; "
        "import llama4ref; assert '.zip' in llama4ref.__file__; print(len(ftsindex.units(ftsindex.shipped())))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(llama4ref.knowledge_base().paths())


def test_ask_about_a_whole_variant_points_to_show(kb: KnowledgeBase, db: sqlite3.Connection) -> None:
    """A question that only names a variant has no one answering fact: `show` is suggested."""
    ans = ask(kb, "what is L4 Scout", db)
    assert not ans.found and ans.suggestion == "llama4ref show scout"


def test_add_groups_accepts_a_whole_group_in_a_new_set(tmp_path: Path) -> None:
    """``--add-groups`` appends the group whose facts a question all accepts, and only that one;
    comments and other lines are kept as written."""
    from benchmarks.questions import add_groups

    f = tmp_path / "set.yaml"
    f.write_text(
        "# header\n"
        '- {q: "groq scout price", paths: [providers.groq.scout.price.input, providers.groq.scout.price.output]}\n'
        '- {q: "groq scout input price", paths: [providers.groq.scout.price.input]}\n',
        encoding="utf-8",
    )
    assert add_groups(f) == 1
    lines = f.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# header"
    assert yaml.safe_load(lines[1])[0]["paths"][-1] == "providers.groq.scout.price"
    assert yaml.safe_load(lines[2])[0]["paths"] == ["providers.groq.scout.price.input"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("what temperature should I use with llama 4", "prompt_format.sampling.reference_temperature"),
        ("llama 4 default temperature", "prompt_format.sampling.reference_temperature"),
        ("which top-p value does meta's generator use", "prompt_format.sampling.reference_top_p"),
    ],
)
def test_sampling_questions_answer_with_the_reference_defaults(
    kb: KnowledgeBase, db: sqlite3.Connection, text: str, want: str
) -> None:
    """Sampling settings are the reference generator's defaults (the model card states none), and
    the attention temperature of iRoPE is a different thing."""
    assert ask(kb, text, db).ranked_paths()[0] == want
    assert ask(kb, "is attention temperature tuning on by default", db).ranked_paths()[0].startswith("irope.temperature_tuning")
