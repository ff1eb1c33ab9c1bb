"""Filters that take displayed names, human values, compare by importance, memory --fit and warnings."""

from __future__ import annotations

import json

import pytest

from llama4ref.domain.compare import compare
from llama4ref.domain.deploy import offers, provider_keys
from llama4ref.domain.memory import fit, plan
from llama4ref.store.knowledge_base import KnowledgeBase
from tests.conftest import run_cli


@pytest.mark.parametrize("name", ["amazon", "Amazon Bedrock", "aws", "AWS", "bedrock"])
def test_provider_filter_takes_names_aliases_and_keys(kb: KnowledgeBase, name: str) -> None:
    """`providers -p` matches the provider name shown, an alias or the key, in any case."""
    assert provider_keys(kb, name) == {"bedrock"}
    assert [o.provider_name for o in offers(kb, "scout", name)] == ["Amazon Bedrock"]


def test_provider_filter_together_and_unknown(kb: KnowledgeBase) -> None:
    """ "Together AI" finds Together; an unknown provider exits 2 with suggestions on one stderr line."""
    assert provider_keys(kb, "Together AI") == {"together"}
    res = run_cli("providers", "scout", "-p", "nonexist")
    assert res.code == 2 and "did you mean" in res.stderr and res.stderr.count("\n") == 1


def test_compare_orders_by_importance_and_refuses_unknown_prefix(kb: KnowledgeBase) -> None:
    """Identity, parameters, experts and context come before architecture; an unknown prefix is exit 2."""
    keys = [ln.key for ln in compare(kb, "scout", "maverick").rows]
    assert keys.index("params.total") < keys.index("experts.routed") < keys.index("context_window.instruct")
    assert keys.index("context_window.instruct") < keys.index("architecture.layers")
    res = run_cli("compare", "scout", "maverick", "--prefix", "nonexist")
    assert res.code == 2 and "L4R-U001" in res.stderr and "'llama4ref list facts'" in res.stderr  # nothing close
    res = run_cli("compare", "scout", "maverick", "--prefix", "architecure")
    assert res.code == 2 and "did you mean 'architecture'?" in res.stderr


def test_human_values() -> None:
    """Counts carry separators, resolve says yes/no, an empty Sources table is left out, validate splits stored and derived."""
    assert "700,000,000" in run_cli("get", "license.mau_threshold").stdout
    resolved = run_cli("resolve", "meta-llama/Llama-4-Scout-17B-16E").stdout
    assert "official: yes" in resolved and "True" not in resolved
    assert "Sources" not in run_cli("show", "gpt-4o").stdout
    assert "stored +" in run_cli("validate").stderr
    compared = run_cli("compare", "scout", "maverick").stdout
    assert '{"' not in compared and "rope_type: llama3" in compared


def test_memory_fit_and_warnings(kb: KnowledgeBase) -> None:
    """--fit finds the largest context that fits; a contradicting GPU memory and a context past the window warn."""
    best = fit(kb, "scout", "context", 2, precision="fp8", gpu="h100")
    assert best is not None
    room = 2 * 80e9 * 0.9
    assert best.total_bytes <= room < plan(kb, "scout", "fp8", context=best.context + 1, gpu="h100").total_bytes
    res = run_cli("memory", "scout", "--gpu", "h100", "--gpu-memory-gb", "40")
    assert "80 GB in its hardware record" in res.stderr
    assert "exceeds scout's window of 10,485,760" in run_cli("memory", "scout", "--context", "20000000").stderr
    assert run_cli("memory", "scout", "--precision", "FP8").code == 0


def test_a_huge_query_is_echoed_short() -> None:
    """A 100,000-character search query is cut in the header, which says its length."""
    res = run_cli("search", "temperature " * 9000, "--limit", "1")
    assert res.stdout.splitlines()[0].endswith("(108,000 characters)") and len(res.stdout.splitlines()[0]) < 120


def test_a_huge_question_is_echoed_short() -> None:
    """`ask` repeats at most 200 characters of a question nothing answers, and says its length (review18 #13)."""
    res = run_cli("ask", "how many experts does scout have " * 3000)
    first = res.stdout.splitlines()[0]
    assert res.code == 1 and first.endswith("(99,000 characters) well enough.") and len(first) < 300, first[:400]


def test_a_long_value_in_a_list_is_cut_and_get_shows_it_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Search hits and ask's runners-up point to facts: a value longer than about two lines ends in
    "…" there (the tokenizer's split regex is 274 characters); `get` prints the whole value."""
    monkeypatch.setenv("COLUMNS", "80")
    regex = json.loads(run_cli("get", "tokenizer.split_pattern.regex", "--json").stdout)["data"]["value"]
    assert len(regex) > 2 * 80
    listed = run_cli("search", "tokenizer", "split", "pattern", "regex").stdout
    block = listed.split("tokenizer.split_pattern.regex", 1)[1].split("\n    ", 1)[0]
    assert block.rstrip().endswith("…") and len(block) < 2 * 80
    whole = run_cli("get", "tokenizer.split_pattern.regex").stdout
    assert "  value: " + regex in whole.splitlines()  # one line, its one space (in "| ?[") kept


def test_code_in_a_quote_is_printed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """A quoted regular expression is one line, its spaces kept; prose quotes still wrap between words."""
    monkeypatch.setenv("COLUMNS", "80")
    out = run_cli("get", "tokenizer.split_pattern.regex").stdout
    quote = out.split("remaining alternatives\n    “", 1)[1].split("”", 1)[0]
    assert "\n" not in quote and "| ?[" in quote
    prose = run_cli("get", "license.name_prefix").stdout
    assert all(len(line) <= 80 and not line.endswith(" ") for line in prose.splitlines())
    assert "include “Llama” at the beginning" in " ".join(line.strip() for line in prose.splitlines())


def _one_fact_per_qualifier(kb: KnowledgeBase) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in kb.paths():
        for key in kb.get(path).qualifiers:
            out.setdefault(key, path)
    return out


def test_qualifiers_read_as_words_not_attribute_dumps(kb: KnowledgeBase) -> None:
    """`get` shows a fact's qualifiers in words (`the source writes 65.6GB; quantization: …`), never as
    `key=value`, for one real fact of every qualifier key the records use."""
    import io
    import re

    from rich.console import Console

    from llama4ref.cli.render.common import fact_detail

    found = _one_fact_per_qualifier(kb)
    assert {"display", "unit_as_stated", "quant", "variant", "term", "document", "kind"} <= set(found)
    for key, path in found.items():
        buf = io.StringIO()
        fact_detail(Console(file=buf, width=80, no_color=True), kb, kb.get(path))
        dumped = re.findall(r"\b[a-z_]+=\S", buf.getvalue().split("  source:", 1)[0])
        assert not dumped, (key, path, dumped)
    res = run_cli("get", "files.scout.unsloth_gguf.ud_q4_k_xl.bytes")
    assert "the source writes 65.6GB; quantization: Unsloth dynamic Q4_K_XL" in res.stdout


def test_structured_values_read_as_words(kb: KnowledgeBase) -> None:
    """A mapping of names to texts and a list of records (checkpoints) display as words, not JSON:
    `maverick: bf16, fp8; scout: bf16`, `repo (format …, precision …, stage …)`."""
    from llama4ref.formatting import format_value

    wordy = [
        kb.get(p)
        for p in kb.paths()
        if isinstance(v := kb.get(p).value, dict) or (isinstance(v, list) and any(isinstance(x, dict) for x in v))
    ]
    assert {"quantization.meta.released_precisions", "scout.checkpoints"} <= {f.path for f in wordy}
    structured = [kb.get(p) for p in kb.paths() if isinstance(kb.get(p).value, (dict, list))]
    for fact in structured:  # a configuration's numbers too (rope_scaling), as the configuration writes them
        shown = format_value(fact.value, fact.unit, fact.bound)
        assert not set(shown) & set('{}"') and not shown.startswith("["), (fact.path, shown)  # "P[Love]" is a name
    assert kb.get("quantization.meta.released_precisions").display() == "maverick: bf16, fp8; scout: bf16"
    assert kb.get("scout.architecture.rope_scaling").display().startswith("factor: 16.0; high freq factor: 1.0;")
    assert kb.get("tokenizer.hf_eos_token_id.instruct").display() == "200001, 200007, 200008"
    assert run_cli("ask", "what", "quantization", "does", "maverick", "ship", "in").stdout.count("{") == 0


def test_no_value_is_a_bare_record_key(kb: KnowledgeBase) -> None:
    """A text value says what it means in words: no value is a dotted key such as
    `post_training.online_rl` (research.cgpo.relation names the stage in words)."""
    import re

    keys = [(p, v) for p in kb.paths() if isinstance(v := kb.get(p).value, str) and re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", v)]
    assert not keys
    assert "online reinforcement learning" in str(kb.get("research.cgpo.relation").value)


def test_notes_point_to_runnable_paths(kb: KnowledgeBase) -> None:
    """Notes are plain English: no "Link for the lead", no `license_terms/<id>` file path; every
    `llama4ref get PATH` a note names is a fact path or a prefix (a group `get` lists) that exists."""
    import re

    notes = [(p, kb.get(p).note or "") for p in kb.paths()]
    assert not [p for p, n in notes if "Link for the lead" in n or re.search(r"license_terms/[a-z]", n)]
    named = [(p, m) for p, n in notes for m in re.findall(r"llama4ref get\s+([a-z0-9_.]+[a-z0-9_])", n)]
    assert len(named) >= 6 and all(kb.has(m) or kb.paths(m) for _, m in named), [x for x in named if not kb.has(x[1])]


@pytest.mark.parametrize("question", ["cheapest provider for maverick", "does groq still serve maverick"])
def test_a_cited_file_path_that_fits_a_line_is_never_split(monkeypatch: pytest.MonkeyPatch, question: str) -> None:
    """At 80 columns a locator's file path too long for the citation's hanging indent but not for
    a line is printed whole on a line of its own, moved left as a URL is (review13 #11: it was
    split after a "/"); no line is wider than 80 or ends in a space."""
    monkeypatch.setenv("COLUMNS", "80")
    lines = run_cli("ask", *question.split()).stdout.splitlines()
    first = next(i for i, line in enumerate(lines) if line.lstrip().startswith("source: models-dev-"))
    block = lines[first : next(i for i in range(first, len(lines)) if "“" in lines[i])]
    assert any(line.strip().startswith("providers/") and ".toml," in line for line in block), block
    assert not any(line.rstrip().endswith("/") for line in block), block
    assert all(len(line) <= 80 and not line.endswith(" ") for line in lines)


def test_a_markdown_link_in_a_quote_breaks_between_text_and_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """review13 #11: the policy's `[url](url)` link was one 89-column line; at 80 columns its text
    and its address are each a line (the quote's characters unchanged, in order)."""
    monkeypatch.setenv("COLUMNS", "80")
    lines = run_cli("ask", "what", "is", "the", "acceptable", "use", "policy").stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    at = next(i for i, line in enumerate(lines) if line.strip() == "[https://www.llama.com/llama4/use-policy]")
    assert lines[at + 1].strip() == "(https://www.llama.com/llama4/use-policy).”"


def test_a_long_unanswered_question_wraps_without_trailing_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    """`No fact answers '…' well enough.` wraps between words at 80 columns with no space left at a line's end."""
    monkeypatch.setenv("COLUMNS", "80")
    out = run_cli("ask", "do i need permission from meta if my app has 1 billion users zzqx").stdout
    assert out.startswith("No fact answers") and out.split("well enough.")[0].count("\n") == 1
    assert not [line for line in out.splitlines() if line.endswith(" ")]


def test_show_counts_each_source_once_per_value_and_says_what_it_counts(kb: KnowledgeBase) -> None:
    """`show`'s "facts" column is how many of the values shown each source backs (a fact citing two
    passages of the model card counted twice: 18 for 16 values), and its heading says so."""
    data = json.loads(run_cli("show", "scout", "--json").stdout)["data"]
    paths = [f["path"] for s in data["sections"] for f in s["facts"]]
    for src in data["sources"]:
        assert src["facts"] == sum(src["id"] in {c.source for c in kb.citations_of(kb.get(p))} for p in paths)
    assert "Sources (facts: how many of the values above each one backs)" in run_cli("show", "scout").stdout


def test_benchmark_scores_keep_the_tables_precision(kb: KnowledgeBase) -> None:
    """The card writes 49.0 and 90.0: `benchmarks` and `get` show them so, not 49 and 90."""
    import re

    assert kb.get("maverick.benchmarks.instruct.chartqa").display() == "90.0"
    chartqa = [row for row in run_cli("benchmarks").stdout.splitlines() if row.startswith("ChartQA ") and "88.8" in row]
    assert chartqa and re.search(r"88\.8\s+90\.0\s", chartqa[0]), chartqa
    assert run_cli("benchmarks", "--chart").stdout.count(" 90.0\n") >= 1


def test_compare_shows_two_floats_to_one_precision(kb: KnowledgeBase) -> None:
    """Scout's ~0.2708 and Maverick's ~0.27101 kg CO2eq per GPU-hour differ in the fourth place:
    both show four places (~0.2710, not ~0.271), in the table and in --json's display."""
    from llama4ref.domain.compare import compare

    row = next(r for r in compare(kb, "scout", "maverick").rows if r.key == "training.co2_per_gpu_hour_kg")
    assert row.differs and row.decimals == 4
    out = run_cli("compare", "scout", "maverick", "--prefix", "training.co2_per").stdout
    assert "~0.2708" in out and "~0.2710" in out and "~0.271 " not in out
    data = json.loads(run_cli("compare", "scout", "maverick", "--json").stdout)["data"]
    shown = next(r for r in data["rows"] if r["key"] == "training.co2_per_gpu_hour_kg")
    assert (shown["left"]["display"], shown["right"]["display"]) == ("~0.2708", "~0.2710")


def test_offers_listed_at_a_price_of_zero_are_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sorted by price, offers listed at 0 come first: each is marked "listed free" and a note says
    that a 0 says nothing of rate limits or terms (review18 #5); a priced offer is not marked."""
    monkeypatch.setenv("COLUMNS", "80")
    out = run_cli("providers", "maverick", "--current", "--sort", "price").stdout
    offers = {line: block for block in out.split("\n\n") for line in block.split("\n")[:2]}  # provider → its block
    assert "$/1M in/out: 0 / 0 (listed free)" in offers["GitHub Models"], out
    assert "$/1M in/out: 0.05 / 0.1\n" in offers["Lambda Inference"], out
    assert "listed free: the sources give a price of 0" in " ".join(out.split()), out
    lines = run_cli("ask", "cheapest", "provider", "for", "maverick").stdout.splitlines()
    assert next(ln for ln in lines if ln.startswith("  GitHub Models: input 0 USD")).endswith("(listed free)"), lines
    assert "(listed free)" not in next(ln for ln in lines if ln.startswith("  Lambda Inference:")), lines
    assert "listed free: the sources give a price of 0" in " ".join(" ".join(lines).split()), lines
