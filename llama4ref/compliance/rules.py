"""The checker's rules: stable ids, default severities and the license section each enforces.

Rule ids never change meaning once published; a retired rule keeps its id unused. The
``term`` of a rule is the id of the LicenseTerm record (``facts/license_terms/``) whose
``rule`` field names it, so the checklist and the findings point at the same clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "note"]
"""``error`` fails a check; ``warning`` fails only under ``--strict``; ``note`` never fails."""


@dataclass(frozen=True)
class Rule:
    """One check with a stable id."""

    id: str
    title: str
    section: str
    severity: Severity
    term: str | None
    help: str


_RULES = (
    Rule(
        "L4-NAME-PREFIX",
        "Model name begins with “Llama”",
        "1.b.i",
        "error",
        "naming-rule",
        "A model derived from Llama 4 (fine-tuned, quantized, distilled, trained on its outputs) must have a name "
        "that begins with \"Llama\". For an org/name id only the part after the last '/' is judged. A combining "
        "mark right after the prefix (Llama + U+0301 displays as Llamá) means it does not.",
    ),
    Rule(
        "L4-NAME-CASE",
        "Model name begins with “Llama” in another letter case",
        "1.b.i",
        "warning",
        "naming-rule",
        'The license writes the prefix as "Llama"; "llama-…" or "LLAMA…" is probably meant the same way but '
        "does not follow the letter of the clause.",
    ),
    Rule(
        "L4-NAME-SPOOF",
        "Model name imitates “Llama” with other characters",
        "1.b.i",
        "error",
        "naming-rule",
        "Look-alike letters (UTS #39 confusables such as Cyrillic а or capital I for l), compatibility forms "
        "(fullwidth letters), invisible characters or leading whitespace make a name look as if it began with "
        '"Llama" when it does not.',
    ),
    Rule(
        "L4-NAME-HIDDEN",
        "Model name contains invisible, control or bidirectional-control characters",
        "1.b.i",
        "error",
        "naming-rule",
        "Zero-width, format, control and bidirectional-control characters, and spaces other than U+0020 (no-break, "
        "ideographic, …), change what a name displays as or how it compares; a published name must not contain them.",
    ),
    Rule(
        "L4-ATTRIBUTION",
        "“Built with Llama” is displayed",
        "1.b.i",
        "error",
        "built-with-llama",
        'The README or model card must display the phrase "Built with Llama".',
    ),
    Rule(
        "L4-NOTICE",
        "NOTICE file carries the exact Notice line",
        "1.b.iii",
        "error",
        "notice-file",
        "A top-level NOTICE (or Notice, notice.txt, NOTICE.md) file must contain the attribution notice line.",
    ),
    Rule(
        "L4-LICENSE-COPY",
        "A copy of the agreement is provided, unmodified",
        "1.b.i",
        "error",
        "agreement-copy",
        "Ship an unmodified copy of the Llama 4 Community License Agreement as LICENSE. A link to the official "
        "agreement without a copy is a warning (the clause asks for a copy); a modified copy is a violation.",
    ),
    Rule(
        "L4-CARD-LICENSE",
        "Card license agrees with a Llama 4 base_model",
        "1.b.i",
        "error",
        "agreement-copy",
        "A model card whose base_model is a Llama 4 model must declare the Llama 4 license "
        "(license: llama4, or license: other with a Llama 4 license_name).",
    ),
    Rule(
        "L4-AUP",
        "The Acceptable Use Policy is linked or copied",
        "1.b.iv",
        "error",
        "aup-incorporation",
        "The README or model card must link the Acceptable Use Policy, or the repository must ship an unmodified "
        "copy of it (USE_POLICY.md).",
    ),
    Rule(
        "L4-CARD-MISSING",
        "The repository has a model card",
        "1.b.i",
        "error",
        "built-with-llama",
        "The attribution and the card metadata live in the model card (README.md or MODEL_CARD.md); a model "
        'repository without one cannot display "Built with Llama".',
    ),
    Rule(
        "L4-NOT-LLAMA4",
        "The base model is not Llama 4",
        "-",
        "warning",
        None,
        "Every base_model of the card is a model outside the Llama 4 family (by the identifier records and the "
        "resolve layer), so the Llama 4 license rules do not apply and were not checked. Fails only under --strict.",
    ),
    Rule(
        "L4-CARD-YAML",
        "Model card metadata can be read",
        "-",
        "warning",
        None,
        "The card's YAML front matter is malformed or too large, so metadata rules could not be checked; a key given "
        "twice is an error (YAML readers disagree on which value wins).",
    ),
    Rule(
        "L4-FILE-SKIPPED",
        "A file was not read",
        "-",
        "warning",
        None,
        "A file was skipped: a symbolic link leading out of the checked tree, not a regular file, over the size cap, or binary.",
    ),
    Rule(
        "L4-FILE-ENCODING",
        "A file is not valid UTF-8",
        "-",
        "warning",
        None,
        "The file was decoded with replacement characters; text rules may miss what it says.",
    ),
)

RULES: dict[str, Rule] = {r.id: r for r in _RULES}
"""Every rule by id, in documentation order."""


def rule(rule_id: str) -> Rule:
    """The rule with this id (KeyError for an unknown id: a bug, never user input)."""
    return RULES[rule_id]


def render_rules_markdown() -> str:
    """The rule table of docs/ci.md (a test fails when the committed copy differs)."""
    lines = ["| rule | severity | license section | checks |", "|---|---|---|---|"]
    for r in RULES.values():
        section = "—" if r.section == "-" else r.section
        lines.append(f"| `{r.id}` | {r.severity} | {section} | {r.title} |")
    return "\n".join(lines) + "\n"
