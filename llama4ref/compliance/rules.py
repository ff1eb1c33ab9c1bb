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
    also: tuple[Severity, ...] = ()
    """Other severities the rule can give (a warning for a near miss, a note for advice)."""

    @property
    def severities(self) -> tuple[Severity, ...]:
        """The default severity first, then the others the rule can give."""
        return (self.severity, *self.also)


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
        "L4-NAME-META",
        "Model name reuses Meta's own model name or namespace",
        "5.a",
        "warning",
        "no-trademark-license",
        "A derivative named exactly as one of Meta's own models (Llama-4-Scout-17B-16E-Instruct) or published under "
        'Meta\'s Hub namespace (meta-llama/) uses a name associated with Meta; section 5.a licenses only the "Llama" '
        "prefix of the naming rule. Meta's names and namespace come from the identifier records Meta publishes. An "
        "unmodified copy redistributed under Meta's name is customary use, so this is a warning, not a violation. A "
        "namespace that imitates Meta's with look-alike characters (ｍｅｔａ-llama/, a Cyrillic е) passes itself off as "
        "Meta's and is an error, the characters named as `resolve` names them.",
        also=("error",),
    ),
    Rule(
        "L4-NAME-SOURCE",
        "Which model name was judged, when the card's names disagree (or the directory's, when the judged name fails)",
        "1.b.i",
        "note",
        "naming-rule",
        "The name judged comes from --name, else the card's front matter (model_name, name, model-index), else its "
        "first H1 heading, else the directory's name. When the judged name and another of these differ (ignoring "
        "letter case and the separators - _ . and space), a note names both: the directory of a clone is often not "
        "the published name. It never fails a check.",
    ),
    Rule(
        "L4-ATTRIBUTION",
        "“Built with Llama” is displayed",
        "1.b.i",
        "error",
        "built-with-llama",
        'The README or model card must display the phrase "Built with Llama". An image whose alt text is exactly '
        "the phrase (a badge) counts as displayed, with a note that the image itself must show the words.",
        also=("warning", "note"),
    ),
    Rule(
        "L4-NOTICE",
        "NOTICE file carries the exact Notice line",
        "1.b.iii",
        "error",
        "notice-file",
        "A top-level NOTICE (or Notice, notice.txt, NOTICE.md) file must contain the attribution notice line.",
        also=("warning",),
    ),
    Rule(
        "L4-LICENSE-COPY",
        "A copy of the agreement is provided, unmodified",
        "1.b.i",
        "error",
        "agreement-copy",
        "Ship an unmodified copy of the Llama 4 Community License Agreement as LICENSE. A link to the official "
        "agreement without a copy is a warning (the clause asks for a copy); a modified copy is a violation.",
        also=("warning",),
    ),
    Rule(
        "L4-CARD-LICENSE",
        "Card license agrees with a Llama 4 base_model",
        "1.b.i",
        "error",
        "agreement-copy",
        "A model card whose base_model is a Llama 4 model must declare the Llama 4 license "
        "(license: llama4, or license: other with a Llama 4 license_name).",
        also=("warning",),
    ),
    Rule(
        "L4-AUP",
        "The Acceptable Use Policy is linked or copied",
        "1.b.iv",
        "error",
        "aup-incorporation",
        "A copy of the Acceptable Use Policy (USE_POLICY.md) must be unmodified. Without a link to the policy or a "
        "copy of it, the agreement carries it by reference (section 1.b.iv): a note, pointing at L4-LICENSE-COPY when "
        "the agreement is missing too; a single card that links neither leaves the rule unchecked. A link to "
        "another generation's policy (llama.com/llama3/use-policy) in place of Llama 4's is a warning naming both.",
        also=("warning", "note"),
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
        "L4-CARD-UNREADABLE",
        "The model card can be read",
        "1.b.i",
        "error",
        "built-with-llama",
        "A model card (README.md or MODEL_CARD.md) is there but was not read: over the size cap, a broken symbolic "
        "link or one leading out of the tree, binary, or not a regular file (its L4-FILE-SKIPPED warning says which). "
        "The attribution and metadata the card must carry were not checked.",
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
        also=("error",),
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
        "The file was decoded with replacement characters, or as UTF-16 by its byte-order mark; text rules may miss what it says.",
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
        severity = r.severity + "".join(f", or {s}" for s in r.also)
        lines.append(f"| `{r.id}` | {severity} | {section} | {r.title} |")
    return "\n".join(lines) + "\n"
