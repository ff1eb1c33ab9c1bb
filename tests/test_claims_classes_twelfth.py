"""check-claims on texts written for this test (not quoted from any page), one or more per class of
false contradiction the twelfth held-out set showed, each in other wording, another language or
with other model names than that set; the verdicts were predicted from the records first."""

from __future__ import annotations

import pytest

import llama4ref
from tests.test_claims_classes import assert_verdicts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a) a table whose columns are models: a column headed by a name that is no Llama 4 variant
        # is another model's, whether or not the vocabulary knows that name
        (
            "| | Llama 4 Scout | Falcon-180B | Yi-34B |\n|---|---|---|---|\n| Parameters | 109B | 180B | 34B |\n"
            "| Context | 10M | 2K | 200K |\n",
            {"109B": "supported", "10M": "supported", "180B": "unchecked", "34B": "unchecked", "200K": "unchecked"},
        ),
        (
            "# Vergleich\n\n| Merkmal | Phi-4-mini | Llama 4 Maverick | Command R+ |\n|---|---|---|---|\n"
            "| Experten | 0 | 128 | 8 |\n| Gesamtparameter | 3.8B | 400B | 104B |\n",
            {"128": "supported", "400B": "supported", "3.8B": "unchecked", "104B": "unchecked", "8": "unchecked"},
        ),
        # (b) a provider's own page: a window there is that provider's served limit, never the model's
        (
            "---\nsource: https://console.groq.com/docs/models\n---\n\n# Llama 4 Scout\n\nFenêtre de contexte : 131 072 jetons.\n",
            {"131 072": "supported"},
        ),
        (
            "---\nsource: https://developers.cloudflare.com/workers-ai/models/llama-4-maverick/\n---\n\n# Llama 4 Maverick\n\n"
            "The model accepts up to 333,000 tokens of context.\n",
            {"333,000": "unchecked"},
        ),
        # (c) a scale word makes a figure no count of parts, in any language ("109 milliárd" is parameters)
        (
            "A Llama 4 Scout 109 milliárd paraméteres modell, 16 szakértővel (Mixture-of-Experts).",
            {"109 milliárd": "supported"},
        ),
        (
            "Llama 4 Maverick: مدلی با 400 میلیارد پارامتر و معماری Mixture-of-Experts.",
            {"400 میلیارد": "supported"},
        ),
        # (d) a figure bound to an earlier model named right after it is that model's
        (
            "Pre-training data: 9T tokens for 2.1; Llama 4 Scout saw more than 30 trillion tokens.",
            {"9T": "unchecked", "30 trillion": "supported"},
        ),
        (
            "Llama 4 Maverick was trained on more tokens than Llama 3's 15 trillion.",
            {"15 trillion": "unchecked"},
        ),
    ],
)
def test_twelfth_set_classes(text: str, expected: dict[str, str]) -> None:
    assert_verdicts(text, expected)


def test_a_page_address_in_html_names_the_provider() -> None:
    """An HTML page's canonical link is its address: on a provider's page the window is that
    provider's served limit, judged against its record (Oracle serves Maverick with 512,000)."""
    page = (
        '<html><head><link rel="canonical" href="https://docs.oracle.com/ja/llama-4-maverick.htm"></head>'
        "\n<body>\n<h1>Llama 4 Maverick</h1>\n<p>Context length: 333,000 tokens.</p>\n</body></html>\n"
    )
    claims = [(c.status, c.path) for c in llama4ref.check_claims(page, kind="html") if c.text == "333,000"]
    assert claims == [("contradicted", "providers.oci.maverick.context.total")]
    # without the address, the same window is the model's, and wrong
    bare = "<html><body>\n<h1>Llama 4 Maverick</h1>\n<p>Context length: 333,000 tokens.</p>\n</body></html>\n"
    claims = [(c.status, c.path) for c in llama4ref.check_claims(bare, kind="html") if c.text == "333,000"]
    assert claims == [("contradicted", "maverick.context_window.instruct")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mismatch bound only by an outer title is contradicted only when no Llama 4 variant has the
        # value: 1M is Maverick's window, so under a page titled for Scout it is weakly bound
        ("# Llama 4 Scout\n\n## Serving notes\n\nThe window offered is 1M tokens.\n", {"1M": "unchecked"}),
        ("# Llama 4 Scout\n\n## Serving notes\n\nThe window offered is 3M tokens.\n", {"3M": "contradicted"}),
        # the innermost heading naming exactly one variant binds strongly
        ("# Notes\n\n## Llama 4 Scout\n\n- Context window: 1M tokens\n", {"1M": "contradicted"}),
        # an earlier sentence is weak binding too
        ("Llama 4 Maverick is big. Its context window reaches 10M tokens.", {"10M": "unchecked"}),
        ("Llama 4 Maverick is big. Its context window reaches 20M tokens.", {"20M": "contradicted"}),
        # sizes written after the family's name are sizes of Llama 4
        ("Meta shipped Llama 4 13B and 34B models.", {"13B": "contradicted", "34B": "contradicted"}),
        ("The Llama 4 109B checkpoint is on the Hub.", {"109B": "supported"}),
        # a date takes only a release or cutoff phrase, not a unit word nearer to it
        ("Llama 4 Maverick was released as downloadable weights on 12 June 2026.", {"12 June 2026": "contradicted"}),
        # a bare count with a noun of its own the vocabulary does not know counts that noun
        ("Llama 4 Maverick training took 45 days on the cluster.", {}),
        # a sentence opening with another model and naming no Llama 4 is about that model
        ("Mistral Large was capped at 32K context; that changed with the next generation.", {"32K": "unchecked"}),
    ],
)
def test_binding_and_own_nouns(text: str, expected: dict[str, str]) -> None:
    assert_verdicts(text, expected)


def test_a_row_label_value_is_stated_once() -> None:
    """A size in a table's row label is read with the row's first cell only, not held to every column."""
    doc = "| Model | Total | Active |\n|---|---|---|\n| Llama 4 Maverick 400B | 400B | 17B |\n"
    got = [(c.text, c.status) for c in llama4ref.check_claims(doc)]
    assert got.count(("400B", "supported")) == 2 and ("17B", "supported") in got
    assert all(s != "contradicted" for _, s in got)


def test_the_page_address_names_the_topic() -> None:
    """A page address whose path names Llama 4 makes a bare spec list about the family."""
    text = "- Context window: 64K tokens\n- Experts: 128\n"
    plain = {c.text: c.status for c in llama4ref.check_claims(text)}
    addressed = {c.text: c.status for c in llama4ref.check_claims(text, source="https://example.org/blog/llama-4-guide")}
    assert plain.get("64K", "none") != "contradicted"
    assert addressed["64K"] == "contradicted"
    # an address naming another model too sets nothing
    both = {c.text: c.status for c in llama4ref.check_claims(text, source="https://example.org/llama-4-vs-qwen-3")}
    assert both.get("64K", "none") != "contradicted"
