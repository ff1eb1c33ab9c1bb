"""check-claims on texts written for this test (not quoted from any page), one or more per class of
false contradiction the eleventh held-out set showed, each in wording or a language that set does
not have; the verdicts were predicted from the records before the checker was changed."""

from __future__ import annotations

import pytest

import llama4ref
from tests.test_claims_classes import assert_verdicts, verdicts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a likeness or contrast with another variant, after a label or mid-sentence, in many languages
        # (or written after the name): the subject is the page's variant, not the one it is likened to
        (
            "# Llama 4 Maverick\n\nArchitecture: compared with Llama 4 Scout, this model has 128 experts and 400B total parameters.",
            {"128": "supported", "400B": "supported"},
        ),
        (
            "# Llama 4 Maverick\n\nEn cuanto a la arquitectura, de forma parecida a Llama 4 Scout, este modelo tiene 128 expertos y 400B parámetros en total.",
            {"128": "supported", "400B": "supported"},
        ),
        (
            "# Llama 4 Maverick\n\n架构：如同 Llama 4 Scout，该模型拥有 128 个专家，总参数 400B。",
            {"128": "supported", "400B": "supported"},
        ),
        (
            "# Llama 4 Maverick\n\n구조: Llama 4 Scout처럼, 이 모델은 128개의 전문가와 400B 파라미터를 사용합니다.",
            {"128": "supported", "400B": "supported"},
        ),
        (
            "# Llama 4 Maverick\n\nアーキテクチャ：Llama 4 Scoutとは異なり、このモデルは400Bのパラメータを使用します。",
            {"400B": "supported"},
        ),
        (
            "# Llama 4 Maverick\n\nMimari: Llama 4 Scout gibi, bu model 400B parametre ve 128 experts kullanır.",
            {"400B": "supported"},
        ),
        (
            "# Llama 4 Maverick\n\nArchitettura: analogamente al Llama 4 Scout, questo modello ha 128 esperti e 400B parametri.",
            {"128": "supported", "400B": "supported"},
        ),
        # "this model" under a variant's heading, another variant named before it without a comma
        (
            "# Llama 4 Maverick\n\nArchitektur: Im Vergleich zu Llama 4 Scout bietet dieses Modell 128 Experten und 400B Parameter.",
            {"128": "supported", "400B": "supported"},
        ),
        # ... and named as something else than a likeness: the heading's variant may agree, never contradict
        ("# Llama 4 Scout\n\nLlama 4 Maverick, this model's larger sibling, has 400B total parameters.", {"400B": "unchecked"}),
    ],
)
def test_a_variant_the_subject_is_likened_to_is_not_the_subject(text: str, expected: dict[str, str]) -> None:
    assert_verdicts(text, expected, none_contradicted=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a header row that heads the value columns (its first cell names a model, its last is empty,
        # or it has one cell fewer than the rows): each column keeps its own model
        (
            "| Qwen 3 32B | Llama 4 Scout | Mistral Large | |\n|---|---|---|---|\n| Context | 128K | 10M | 128K |\n",
            {"10M": "supported"},
        ),
        (
            "| Qwen 3 32B | Llama 4 Scout | Mistral Large |\n|---|---|---|---|\n| Context | 128K | 10M | 128K |\n",
            {"10M": "supported"},
        ),
        # a figure in a heading that names no Llama 4 variant, on a page comparing two models
        (
            "# Qwen 3 vs Llama 4\n\n## Compact tier (around 30B parameters or fewer)\n\n| Benchmark | Qwen 3 14B | Llama 4 Scout |\n|---|---|---|\n| MMLU Pro | 70.0% | 74.3% |\n",
            {"74.3%": "supported"},
        ),
        # a count's own noun right after it says what it counts, not a phrase before the verb
        ("Llama 4 Scout: the MoE layers hold 16 routed experts plus one shared expert.", {"16": "supported"}),
        # a benchmark named with another version than the scored one
        ("Llama 4 Maverick scores 55.0 on LiveCodeBench v5.", {"55.0": "unchecked"}),
    ],
)
def test_columns_headings_and_nouns(text: str, expected: dict[str, str]) -> None:
    assert_verdicts(text, expected, none_contradicted=True)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a budget for prompt and response together, in the paragraph's next sentence
        (
            "# Llama 4 Maverick\n\nContext: supports a context length of 384,000 tokens. (Maximum input + output is 384,000 tokens per request.)",
            "384,000",
        ),
        # a model list's key in code, a limit key or a window key without the architecture beside it
        ("models = [\n  { name: 'Llama 4 Scout', max_context_tokens: 131072 },\n]\n", "131072"),
        ("const models = {\n  'llama-4-scout': {\n    label: 'Llama 4 Scout',\n    contextWindow: 128000,\n  },\n};\n", "128000"),
        # a window given together with a cap on output
        ("Llama 4 Scout offers a context window of 131,072 tokens and a maximum output of 8,192 tokens.", "131,072"),
    ],
)
def test_a_served_limit_never_contradicts_the_models_window(text: str, value: str) -> None:
    got = [(c.text, c.status) for c in llama4ref.check_claims(text)]
    assert (value, "unchecked") in got
    assert "contradicted" not in [s for _, s in got]


def test_a_model_spec_in_code_still_states_the_window() -> None:
    """A code entry that describes the architecture (layers beside the window) is the model's spec."""
    got = verdicts("scout = {\n'name': 'Llama 4 Scout',\n'num_layers': 48,\n'context_length': 10_000_000,\n}\n")
    assert got == {"48": "supported", "10_000_000": "supported"}
    assert verdicts("Llama 4 Maverick scores 55.0 on LiveCodeBench.") == {"55.0": "contradicted"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a missed wrong value) a date after the model's name and its maker in parentheses is its
        # release, though another model and its maker are named before it
        ("Qwen 3 (Alibaba, April 2025) and Llama 4 Scout (Meta, May 2026) lead the open models.", {"May 2026": "contradicted"}),
        ("Mistral Small 3.1 (Mistral AI, March 2025) and Llama 4 Maverick (Meta · April 2025).", {"April 2025": "supported"}),
    ],
)
def test_a_date_beside_the_maker_is_the_release(text: str, expected: dict[str, str]) -> None:
    got = verdicts(text)
    assert {k: got.get(k, "none") for k in expected} == expected
