"""check-claims on sentences written for this test (not quoted from any page), one per class of
statement the sixth corpus collection showed the checker missing or misjudging; each verdict was
predicted from the records before the checker was changed."""

from __future__ import annotations

import pytest

import llama4ref


def verdicts(text: str) -> dict[str, str]:
    """Each value as written → its status (the last one when a value repeats)."""
    return {c.text: c.status for c in llama4ref.check_claims(text)}


def assert_verdicts(text: str, expected: dict[str, str], *, none_contradicted: bool = False) -> None:
    """The values in ``expected`` get those verdicts and no other value is contradicted (with
    ``none_contradicted``, no value at all)."""
    got = verdicts(text)
    assert {k: got.get(k, "none") for k in expected} == expected
    rest = list(got.values()) if none_contradicted else [s for k, s in got.items() if k not in expected]
    assert "contradicted" not in rest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # facts recorded for the whole family may agree with a statement; a list counts its items
        ("Llama 4 was pre-trained on 200 languages.", {"200": "supported"}),
        ("Llama 4 saw up to 48 images during pre-training.", {"48": "supported"}),
        ("Llama 4 models understand 12 languages.", {"12": "supported"}),
        ("Llama 4 supports 35 languages.", {"35": "contradicted"}),
        ("Llama 4 Maverick was trained on 40 trillion tokens.", {"40 trillion": "contradicted"}),
        # a provider's or an engine's date is not the model's release
        ("Llama 4 Scout debuted on Groq on April 10, 2025.", {"April 10, 2025": "unchecked"}),
        ("Llama 4 support landed in vLLM on 6 April 2025.", {"6 April 2025": "unchecked"}),
        # value grammar: "top-8", a section number
        # (predicted contradicted; unchecked until the tenth set's round read "top-8" with experts named as
        # the experts each token is routed to)
        ("Llama 4 Maverick routes each token to its top-8 active experts.", {"8": "contradicted"}),
        ("Llama 4 Maverick: 128 experts, top-8 active per token.", {"128": "supported", "8": "contradicted"}),
        ("# Llama 4\n\n## 4. Multilingual\n\n- Strong non-English performance\n", {}),
        # a parallel size ("… and Scout with 1 090 billion") counts what the first one counts
        (
            "Maverick has 400 billion total parameters and Scout 1 090 billion.",
            {"400 billion": "supported", "1 090 billion": "contradicted"},
        ),
        ("- Llama 4 Behemoth (400B MoE): the teacher model\n", {"400B": "contradicted"}),
    ],
)
def test_second_round_classes(text: str, expected: dict[str, str]) -> None:
    assert_verdicts(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # value grammar: space-grouped and three-figure multiples of a billion, Chinese numerals
        (
            "Llama 4 Scout: 170 billion active parameters, 1 090 billion in total.",
            {"170 billion": "contradicted", "1 090 billion": "contradicted"},
        ),
        (
            "# Llama 4\n\n- **Llama 4 Maverick**：\n    - 170 億個活躍參數，128 個專家。\n",
            {"170 億": "supported", "128": "supported"},
        ),
        ("# Llama 4\n\n- **Llama 4 Scout**：\n    - 業界領先的 1000 萬個上下文窗口。\n", {"1000 萬": "supported"}),
        # a part's size is not the model's
        (
            "Llama 4 Scout uses 16 experts with roughly 6.8 billion parameters each.",
            {"16": "supported", "6.8 billion": "unchecked"},
        ),
        # sizes naming a model
        ("- Llama 4 Scout (8B): a small model for laptops\n", {"8B": "contradicted"}),
        (
            "The Llama 4 lineup comes in 8B (edge), 70B (single GPU) and 400B MoE variants.",
            {"8B": "contradicted", "70B": "contradicted", "400B": "supported"},
        ),
        # dates with the verb that states them
        ("Llama 4 Maverick was released on 6 April 2025.", {"6 April 2025": "contradicted"}),
        ("Meta unveiled Llama 4 on April 5, 2025.", {"April 5, 2025": "supported"}),
        # training tokens, for the family and for one variant
        ("Llama 4 was pre-trained on 15 trillion tokens.", {"15 trillion": "contradicted"}),
        ("Llama 4 Scout was trained on about 40 trillion tokens.", {"40 trillion": "supported"}),
        # a benchmark recorded at one stage only
        ("On MMLU, Llama 4 Maverick scores 87.4.", {"87.4": "contradicted"}),
        ("On MMLU, Llama 4 Maverick scores 85.5.", {"85.5": "supported"}),
        # a provider's served limit never contradicts the model's window
        # (the first version of this sentence, "… 192,000 tokens per request", was predicted unchecked; the
        # corpus labels a catalog's "accepts 328K tokens in one request" contradicted, so it says no
        # more than the catalog: the budget for prompt and response together is what marks a service)
        (
            "# Llama 4 Scout\n\nContext length: 192,000 tokens (the maximum prompt + response length per run).\n",
            {"192,000": "unchecked"},
        ),
        ("Through Databricks, Llama 4 Maverick accepts up to 128K input tokens.", {}),
        # no claim
        ("We compared Llama 4 Maverick with 12 other models across 5 tasks.", {}),
    ],
)
def test_fresh_sentences(text: str, expected: dict[str, str]) -> None:
    assert_verdicts(text, expected, none_contradicted=not expected)


def paths(text: str) -> dict[str, str | None]:
    """Each value as written → the fact its verdict cites."""
    return {c.text: c.path for c in llama4ref.check_claims(text)}


_BOTH = "| Model | Active / Total params | Experts |\n|---|---|---|\n"
_ACTIVE = "| Model | Active Parameters | Context |\n|---|---|---|\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a column naming both counts: a cell agrees with either; it is wrong only when it matches neither
        (_BOTH + "| Llama 4 Scout | 17B / 109B | 16 |\n", {"17B": "supported", "109B": "supported"}),
        (_BOTH + "| Llama 4 Behemoth | 288B / ~2T | 16 |\n", {"288B": "supported", "2T": "supported"}),
        ("Llama 4 Maverick, active / total params: 17B", {"17B": "supported"}),
        (_BOTH + "| Llama 4 Scout | 8B / 109B | 16 |\n", {"8B": "contradicted", "109B": "supported"}),
        ("- Llama 4 Scout (8B) for laptops\n", {"8B": "contradicted"}),  # (guards: these pass without the rule too)
        # the value's own modifier word beats its column's
        (_ACTIVE + "| Llama 4 Maverick | 17B active / 400B+ total | 1M tokens |\n", {"17B": "supported", "400B+": "supported"}),
        (_ACTIVE + "| Llama 4 Maverick | 17B active / 100B total | 1M tokens |\n", {"100B": "contradicted"}),
        # a GPU run together with its count is a GPU named: a measured limit, never the model's window
        ("# Llama 4 Scout\n\nOn 8xH100 in bf16 the model served up to 1.4M tokens.", {"1.4M": "unchecked"}),
        ("Llama 4 Scout on 2xA100 reached a 500K-token context.", {"500K": "unchecked"}),
        ("Llama 4 Scout reached a 500K-token context.", {"500K": "contradicted"}),
        # "language model" is a kind of model, and a number inside a name is no value
        ("Llama 4 (Large Language Model Meta AI 4) is a family of large language models.", {}),
        ("Meta AI 4 is a language model built on Llama 4 Scout.", {}),
        # a numbered item opening with a bold label: the number is the item's
        ("# Llama 4 plan\n\n1. **Evaluation**: try Llama 4 Scout\n2. **Parallel Training**: tune Llama 4 Maverick\n", {}),
        # a part of a month is one span, the part-of-month word included
        ("Meta released Llama 4 in early May 2026.", {"early May 2026": "contradicted"}),
        ("Meta released Llama 4 in early April 2025.", {"early April 2025": "supported"}),
        ("Meta released Llama 4 in mid April 2025.", {"mid April 2025": "contradicted"}),
        ("Meta released Llama 4 in late March 2025.", {"late March 2025": "contradicted"}),
        # found while folding the set in: a date opening its sentence, a size after a variant and its stage,
        # a release date followed by the platforms it went to (not one provider's start of service)
        ("On April 5, 2026, Meta released Llama 4 in two sizes: Scout and Maverick.", {"April 5, 2026": "contradicted"}),
        ("- Llama 4 Scout Instruct (8B) as the default assistant\n", {"8B": "contradicted"}),
        (
            "| Model | Status |\n|---|---|\n| Llama 4 Scout | Released 2026-04-05 (Hugging Face, Ollama) |\n",
            {"2026-04-05": "contradicted"},
        ),
        (
            "| Model | Status |\n|---|---|\n| Llama 4 Scout | Released 2025-04-05 (Hugging Face, Ollama) |\n",
            {"2025-04-05": "supported"},
        ),
        ("| Model | Status |\n|---|---|\n| Llama 4 Scout | On Ollama since 2025-04-09 |\n", {"2025-04-09": "unchecked"}),
    ],
)
def test_seventh_set_classes(text: str, expected: dict[str, str]) -> None:
    assert_verdicts(text, expected)


def test_a_value_s_own_modifier_and_a_label_naming_both_pick_the_fact() -> None:
    assert paths(_ACTIVE + "| Llama 4 Maverick | 17B active / 400B+ total | 1M tokens |\n")["400B+"] == "maverick.params.total"
    assert paths(_BOTH + "| Llama 4 Behemoth | 288B / ~2T | 16 |\n")["288B"] == "behemoth.params.active"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "Corpus Size" column counts training tokens, not parameters ("size")
        (
            "| Name | Parameters | Corpus Size |\n| --- | --- | --- |\n| Scout | 109B | 40T |\n| Maverick | 400B | 22T |\n",
            {"109B": "supported", "40T": "supported", "400B": "supported", "22T": "supported"},
        ),
        ("| Name | Corpus Size |\n| --- | --- |\n| Llama 4 Scout | 20T |\n", {"20T": "contradicted"}),
        # a misspelled model name keeps its number ("Lllma 3"): not a count of anything
        ("Lllma 3 是 Dense,哪怕 400B 的模型都是 Dense;而 Llama 4 是 MoE 架構。", {}),
    ],
)
def test_eighth_set_classes(text: str, expected: dict[str, str]) -> None:
    assert_verdicts(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # tables: a separator row whose hyphens a page turned into dashes; a table copied without one
        ("| Model | Context |\n|——|——|\n| Llama 4 Scout | 1M tokens |\n", {"1M": "contradicted"}),
        ("| Spec | Llama 4 Scout | Llama 4 Maverick |\n| Experts | 16 | 64 |\n", {"16": "supported", "64": "contradicted"}),
        # other languages' number words, units and conventions (decimal comma, dots grouping thousands)
        (
            "Llama 4 Maverick cuenta con 400 mil millones de parámetros totales y 70 mil millones activos.",
            {"400 mil millones": "supported", "70 mil millones": "contradicted"},
        ),
        ("Llama 4 Scout hat 109 Milliarden Parameter und 32 Experten.", {"109 Milliarden": "supported", "32": "contradicted"}),
        ("Llama 4 Scout имеет контекстное окно 256 тысяч токенов.", {"256 тысяч": "contradicted"}),
        ("Llama 4 Maverick는 64개의 전문가를 갖추고 있습니다.", {"64": "contradicted"}),
        ("Llama 4 Behemoth ha 2.000 miliardi di parametri.", {"2.000 miliardi": "supported"}),
        ("Llama 4 Behemoth ha 2,5 miliardi di parametri.", {"2,5 miliardi": "contradicted"}),
        ("Llama 4 Scout hat rund 100 Milliarden Parameter.", {"100 Milliarden": "supported"}),
        ("Llama 4 Scout a 16 experts de 5 milliards de paramètres chacun.", {"5 milliards": "unchecked"}),
        ("La licence de Llama 4 exige un accord au-delà de 700 millions d'utilisateurs actifs.", {"700 millions": "supported"}),
        # a modifier written after the unit word ("parametri attivi") is the value's own
        (
            "Llama 4 Maverick ha 17 miliardi di parametri attivi su 400 miliardi.",
            {"17 miliardi": "supported", "400 miliardi": "supported"},
        ),
        # a number written onto Japanese or Chinese text
        ("Llama 4 Maverickは128人のエキスパートを擁する17Bアクティブパラメータモデルです。", {"17B": "supported"}),
        # other languages' dates
        ("Llama 4 Scoutは2025年5月5日にリリースされました。", {"2025年5月5日": "contradicted"}),
        ("Meta lanzó Llama 4 el 6 de abril de 2025.", {"6 de abril de 2025": "contradicted"}),
        ("Llama 4 Scout, дата релиза: 05 апреля 2025", {"05 апреля 2025": "supported"}),
        # a window said to hold "currently" is what a deployment serves
        ("Llama 4 Scout unterstützt aktuell 3,5 Millionen Token Kontext.", {"3,5 Millionen": "unchecked"}),
        ("Llama 4 Scout currently accepts 3.5 million tokens of context.", {"3.5 million": "unchecked"}),
        # a variant named as what another is compared with does not carry to the next sentence
        ("Llama 4 Maverick is faster than Llama 4 Scout. Its context window holds 1M tokens.", {"1M": "supported"}),
        # Llama 4 named as a whole carries to the paragraph's next sentences; an earlier generation does not
        ("Llama 4 arrived this spring. Its knowledge cutoff is March 2025.", {"March 2025": "contradicted"}),
        # (guards: these two pass without the family carry too; with it, they need the earlier-generation cues)
        ("Llama 4 arrived this spring. The previous generation had a 128K context window.", {"128K": "unchecked"}),
        ("Llama 4 arrived this spring. Most competitors stop at 128K tokens of context.", {"128K": "unchecked"}),
        ("Llama 4 arrived this spring. Previous Llama models offered a 128K context window.", {"128K": "unchecked"}),
        # a sentence that names Llama 4 itself is about it, whatever the sentence before was about
        ("Llama 3 had a 128K window. Llama 4 was trained on 15 trillion tokens.", {"15 trillion": "contradicted"}),
        # one GPU the model fits on is not a measured run's setting
        (
            "Llama 4 Scout is built for efficiency, fitting on a single NVIDIA H100 GPU, and offers a context window of 1 million tokens.",
            {"1 million": "contradicted"},
        ),
        # an arena rating may agree, never contradict (it moves with the checkpoint ranked)
        ("Llama 4 Maverick reached an ELO of 1417 on LMArena.", {"1417": "supported"}),
        ("Llama 4 Maverick reached an ELO of 1300 on LMArena.", {"1300": "unchecked"}),  # (a guard)
        # the phrase between two values goes to the one without a unit word of its own
        ("Llama 4 Scout: 256K context 109B params", {"256K": "contradicted", "109B": "supported"}),
        # a relative clause or an aside right after another model's name is about that model
        ("Llama 4 Scout outperforms Gemma 3, which offers 128K tokens of context.", {"128K": "unchecked"}),
        ("Llama 4 Scout beats Gemma 3 (128K context window).", {"128K": "unchecked"}),
        # (a guard: it passes without the rule only because "contexte" was not read before)
        ("Llama 4 Scout est plus performant que Gemma 3, qui offre 128 000 tokens de contexte.", {"128 000": "unchecked"}),
        # French "billions" before "de" counts 10^12; a genitive puts the model after its figure
        ("Llama 4 Behemoth totalise 2 billions de paramètres.", {"2 billions": "supported"}),
        ("Llama 4 Behemoth totalise 2 billions de paramètres actifs.", {"2 billions": "contradicted"}),
        ("Llama 4 Maverick와 달리, 2조 파라미터의 Behemoth는 아직 학습 중입니다.", {"2조": "supported"}),
        # a training throughput per GPU is a counted figure
        ("Llama 4 Behemoth was trained at 390 TFLOPs per GPU.", {"390": "supported"}),
        ("Llama 4 Behemoth was trained at 500 TFLOPs per GPU.", {"500": "contradicted"}),
    ],
)
def test_generalisation_classes(text: str, expected: dict[str, str]) -> None:
    """Classes the seventh and eighth sets showed, fixed by rule after both were folded in."""
    assert_verdicts(text, expected)


def test_a_word_of_another_language_is_read_but_not_indexed_as_a_name() -> None:
    """A term's ``written`` words parse like its phrases; the full-text index lists only its phrases."""
    from llama4ref.records.vocabulary import Lexicon
    from llama4ref.store.loaders import knowledge_base

    table = knowledge_base().vocabulary()
    lex = Lexicon(table)
    assert [t["id"] for t in lex.parse("контекстное окно").of_kind("attribute")] == ["context"]
    context = next(t for t in table["terms"] if t["kind"] == "attribute" and t["id"] == "context")
    assert "контекстное окно" in context["written"]
    assert "контекстное окно" not in context["phrases"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two variants set against each other ("A vs B", "A or B"): a figure after the pair may be
        # either one's, so it agrees when either records it and is not held to the second alone
        ("Choosing between Llama 4 Scout versus Maverick for 10M-token workloads", {"10M": "supported"}),
        ("Llama 4 Scout or Maverick: which one handles a 10 million token context?", {"10 million": "supported"}),
        # (a guard: a figure the second names itself, after the pair, is still that one's)
        ("Llama 4 Scout vs Maverick: Maverick offers a 10M token context window.", {"10M": "contradicted"}),
        # a ceiling said of two variants together is the larger one's
        ("Both Llama 4 Scout and Maverick saw up to 40 trillion training tokens.", {"40 trillion": "supported"}),
        (
            "Llama 4 Scout and Maverick were pre-trained on up to 60 trillion tokens.",
            {"60 trillion": "contradicted"},
        ),  # neither did
        # (a guard: one variant alone is still held to it)
        ("Llama 4 Maverick was trained on 40 trillion tokens.", {"40 trillion": "contradicted"}),
        # a window someone loads or runs the model with is that run's setting, not the model's
        ("I tried loading the Llama 4 Scout Q4 quant with a 64K context and it ran fine.", {"64K": "unchecked"}),
        (
            "Loaded Llama-4-Maverick with 0.25M context (262144) because of VRAM limits.",
            {"0.25M": "unchecked", "262144": "unchecked"},
        ),
        # a date opening its sentence belongs to the verb after its comma, not to phrases farther on
        (
            "In April 2027, Meta launched Llama 4 Scout, the first of its models built on a mixture of experts.",
            {"April 2027": "contradicted"},
        ),
        ("On 3 May 2027, Meta shipped Llama 4 Maverick to developers.", {"3 May 2027": "contradicted"}),
        # a figure said of "both" is held to each variant named, in its sentence or the one before
        (
            "Meta has two new models, Llama 4 Scout and Llama 4 Maverick. Both offer a context of 10M tokens.",
            {"10M": "contradicted"},
        ),
        ("Llama 4 Scout und Maverick bieten beide ein Kontextfenster von 10 Millionen Token.", {"10 Millionen": "contradicted"}),
        ("Llama 4 Scout and Maverick both use a 202,048-token vocabulary.", {"202,048": "supported"}),
        # (a guard: "both ... up to" a training total is the larger one's)
        ("Llama 4 Scout and Maverick were both pre-trained on up to 40 trillion tokens.", {"40 trillion": "supported"}),
        # (a guard: a window the model is said to have is still checked)
        ("Llama 4 Maverick offers a 10M context window.", {"10M": "contradicted"}),
    ],
)
def test_ninth_set_classes(text: str, expected: dict[str, str]) -> None:
    """Classes of false contradictions the ninth set showed, fixed by rule after it was folded in."""
    assert_verdicts(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # value columns the header leaves unnamed, under a heading naming two models: no variant's,
        # unless the heading sets exactly two sides against each other, which the two columns follow
        (
            "# Gemma 3 and Llama 4 Scout side by side\n\n| Spec | ||\n|---|---|---|\n| Context | 128K | 256K |\n",
            {"128K": "unchecked", "256K": "unchecked"},
        ),
        (
            "# Gemma 3 27B vs Llama 4 Scout\n\n## Specs\n\n| Spec | ||\n|---|---|---|\n| Context | 128K | 256K |\n",
            {"128K": "unchecked", "256K": "contradicted"},
        ),
        # (a guard: under a heading naming one variant, a blank column is still that variant's)
        ("# Llama 4 Scout\n\n| Spec | |\n|---|---|\n| Context | 256K |\n", {"256K": "contradicted"}),
        # another model set off by an appositive leads the sentence: its figures are that model's
        (
            "Llama 4's predecessor, Llama 3.1, shipped a 405B model with a 128K window.",
            {"405B": "unchecked", "128K": "unchecked"},
        ),
        # (a guard: Llama 4 named after the appositive takes the figure back)
        ("Its predecessor, Llama 3.1, had 128K; Llama 4 Scout has a 256K window.", {"256K": "contradicted"}),
        # a figure whose phrase is followed by "from <another model>" is that model's
        ("Llama 4 Scout has a far longer window than the 128K window from Llama 3.", {"128K": "unchecked"}),
        # (a guard: "from Llama 3's 128K" gives the figure before it to the sentence's subject)
        ("Llama 4 Scout grew its window to 256K from Llama 3's 128K.", {"256K": "contradicted"}),
        # "across N experts" counts the experts, not what the words before it describe
        ("Llama 4 Maverick uses 17B active parameters per token across 128 experts.", {"17B": "supported", "128": "supported"}),
        # (a guard: a wrong expert count after "across" is still found)
        ("Llama 4 Maverick uses 17B active parameters per token across 64 experts.", {"64": "contradicted"}),
        # a variant after a word of likeness is what the subject is compared with; "this model" is the heading's
        ("# Llama 4 Maverick\n\nLike Llama 4 Scout, this model has 128 experts.", {"128": "supported"}),
        ("# Llama 4 Maverick\n\nSemelhante ao Llama 4 Scout, este modelo tem 16 especialistas.", {"16": "contradicted"}),
        ("# Llama 4 Scout\n\nUnlike Maverick, it offers a 10M context window.", {"10M": "supported"}),
        # (a guard: "similar to Scout, which …" is about Scout, so the likeness rule leaves it alone)
        ("Llama 4 Maverick is similar to Scout, which has 16 experts.", {"16": "supported"}),
    ],
)
def test_tenth_set_classes(text: str, expected: dict[str, str]) -> None:
    """Classes of false contradictions the tenth set showed, fixed by rule after it was folded in."""
    assert_verdicts(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a size right after "activates" counts the active parameters
        ("Llama 4 Scout activates about 28B per step.", {"28B": "contradicted"}),
        # (a guard: the right figure agrees)
        ("Llama 4 Maverick only activates 17B per token.", {"17B": "supported"}),
        # a value that is also a variant's size ("109B" is Scout's) names no second variant in its sentence
        ("Llama 4 Maverick: 400B total, with gates that activate 109B per forward pass.", {"109B": "contradicted"}),
        # a spec row that is a figure of tokens in the trillions, under a variant's heading, is its training set
        ("# Llama 4 Scout\n\n109B\n10M tokens\n8T tokens\n", {"8T": "contradicted"}),
        # (a guard: the right figure agrees)
        ("# Llama 4 Scout\n\n109B\n10M tokens\n40T tokens\n", {"40T": "supported"}),
        # a label's own unit word is not outweighed by an aside after the value
        ("# Llama 4 Scout (Flagship)\n\n- **Parameters**: 405B (mixture of experts)\n", {"405B": "contradicted"}),
        # another model named after the value only as what it is compared with is not its subject
        ("# Llama 4 arrives\n\nThe 70B variant runs on one GPU, competitive with GPT-4o.", {"70B": "contradicted"}),
        ("Meta released the Llama 4 family on April 14, 2026, surpassing OpenAI's GPT-4o.", {"April 14, 2026": "contradicted"}),
        # a year said to be the release's: after a release word, or in parentheses after a variant's name
        ("GPT-4o (2024) and Llama 4 Maverick (2026) are production models.", {"2026": "contradicted"}),
        ("Llama 4 Scout was released in 2025.", {"2025": "supported"}),
        ("Llama 4 is the most talked-about open model release of 2026.", {"2026": "contradicted"}),
        # (a guard: other bare years are no values)
        ("In 2026, Llama 4 Scout is still a popular choice.", {"2026": "none"}),
        # a news dateline's date, when the sentence announces a release
        ("MENLO PARK, 3 JUNE 2026 — Meta is releasing Llama 4 Scout to developers.", {"3 JUNE 2026": "contradicted"}),
        # (a guard: a dateline without a release verb states no release date)
        ("MENLO PARK, 3 JUNE 2026 — Meta said Llama 4 Scout is popular.", {"3 JUNE 2026": "unchecked"}),
    ],
)
def test_tenth_set_recall_classes(text: str, expected: dict[str, str]) -> None:
    """Classes of wrong values the tenth set showed the checker missing, fixed by rule after the false contradictions."""
    assert_verdicts(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # training data said to run "through" a date: the knowledge cutoff
        ("Llama 4 Scout: training data through October 2025.", {"October 2025": "contradicted"}),
        ("Llama 4 Scout: training data through August 2024.", {"August 2024": "supported"}),
        # (a guard: a date after "through" without training data is no cutoff)
        ("Llama 4 Scout is free to try through October 2025.", {"October 2025": "none"}),
        # "top-8" with routing or experts named: the experts each token is routed to
        ("Llama 4 Maverick: 128 experts, top-8 routing.", {"128": "supported", "8": "contradicted"}),
        ("Llama 4 Maverick uses top-1 routing over 128 experts.", {"1": "supported", "128": "supported"}),
    ],
)
def test_earlier_misses_fixed_in_the_tenth_round(text: str, expected: dict[str, str]) -> None:
    """Two classes of wrong values earlier sets showed missed, fixed in the tenth set's round for margin on recall."""
    assert_verdicts(text, expected)
