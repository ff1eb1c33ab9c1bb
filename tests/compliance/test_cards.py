"""The repository check on real model cards (tests/compliance/cards/) and on the rendering policies.

Each real card's expected rule statuses were judged by hand on the reduced card; the table and
the provenance of every card are in ``cards/CARDS.yaml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from llama4ref.compliance import LicenseTerms, check_repo
from llama4ref.compliance.card import judge_base, parse_card, repo_id
from llama4ref.compliance.rendered import render

CARDS = Path(__file__).resolve().parent / "cards"
MANIFEST: dict[str, Any] = yaml.safe_load((CARDS / "CARDS.yaml").read_text(encoding="utf-8"))


def test_manifest_lists_every_card() -> None:
    """Every card file has a manifest entry with its source, and the reverse."""
    assert {p.stem for p in CARDS.glob("*.md")} == set(MANIFEST)
    assert all({"repo", "url", "revision", "copy", "expected"} <= set(entry) for entry in MANIFEST.values())


@pytest.mark.parametrize("card", sorted(MANIFEST))
def test_real_card_statuses(terms: LicenseTerms, card: str) -> None:
    """Each real card gets exactly the rule statuses judged for it."""
    report = check_repo(CARDS / f"{card}.md", terms)
    expected = MANIFEST[card]["expected"]
    assert {rule: report.status(rule) for rule in expected} == expected


def _card(tmp_path: Path, front: str, body: str) -> Path:
    path = tmp_path / "README.md"
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


SCOUT = "base_model: meta-llama/Llama-4-Scout-17B-16E-Instruct\nlicense: llama4\nmodel_name: Llama-4-Scout-FT\n"
LINKS = "\n[License](https://www.llama.com/llama4/license/) · [AUP](https://www.llama.com/llama4/use-policy)\n"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("Built with **Llama**\n", "pass"),
        ("Built with [Llama](https://www.llama.com)\n", "pass"),
        ("<p>Built with <b>Llama</b></p>\n", "pass"),
        ("| a |\n|---|\n| Built with Llama |\n", "pass"),
        ("<!-- Built with Llama -->\n", "error"),
        ("```\nBuilt with Llama\n```\n", "error"),
        ("<span hidden>Built with Llama</span>\n", "error"),
        ("This was not Built with Llama.\n", "error"),
        ("No, this is Built with Llama.\n", "pass"),
        ("built with llama\n", "warning"),
        ("[![Built with Llama](https://img.shields.io/badge/Built%20with-Llama-blue)](https://llama.com)\n", "note"),
        ('<img alt="Built with Llama" src="badge.svg">\n', "note"),
        ('<p>Made by us <img alt="Built with  Llama" src="b.svg"></p>\n', "note"),
        ("![Built with Llama 4 badge](b.svg)\n", "error"),
        ('<div hidden><img alt="Built with Llama" src="b.svg"></div>\n', "error"),
        ("```\n![Built with Llama](b.svg)\n```\n", "error"),
    ],
)
def test_attribution_is_judged_as_rendered(terms: LicenseTerms, tmp_path: Path, body: str, status: str) -> None:
    """Markup is read as displayed; comments, code, hidden elements and negated sentences don't count;
    a shown image whose alt text is exactly the phrase (a badge) passes with a note."""
    report = check_repo(_card(tmp_path, SCOUT, body + LINKS), terms)
    assert report.status("L4-ATTRIBUTION") == status


@pytest.mark.parametrize(
    ("body", "places"),
    [
        ("<!-- Built with Llama -->\n", "an HTML comment"),
        ("```\nBuilt with Llama\n```\n", "a code block"),
        ("![Built with Llama 4](b.svg)\n", "an image's alt text"),
        ("<!-- Built with Llama -->\n\n    Built with Llama\n", "an HTML comment and a code block"),
        ("<span hidden>Built with Llama</span>\n", "a hidden element or a link title"),
    ],
)
def test_attribution_not_displayed_names_where_it_was_found(terms: LicenseTerms, tmp_path: Path, body: str, places: str) -> None:
    """The error names the places the phrase was found instead, not a fixed list that may not hold it."""
    report = check_repo(_card(tmp_path, SCOUT, body + LINKS), terms)
    [finding] = [f for f in report.findings if f.rule == "L4-ATTRIBUTION"]
    assert finding.message.endswith(f"(it appears only where a reader does not see it as text: {places})"), finding.message
    front = check_repo(_card(tmp_path, SCOUT + 'description: "Built with Llama"\n', LINKS), terms)
    [finding] = [f for f in front.findings if f.rule == "L4-ATTRIBUTION"]
    assert finding.message.endswith(": the front matter)"), finding.message


def test_a_badge_note_points_at_the_image(terms: LicenseTerms, tmp_path: Path) -> None:
    """The badge's note names its line and says the picture itself must show the words."""
    report = check_repo(_card(tmp_path, SCOUT, "# T\n\n![Built with Llama](b.svg)\n" + LINKS), terms)
    [finding] = [f for f in report.findings if f.rule == "L4-ATTRIBUTION"]
    assert (finding.severity, finding.line) == ("note", 8) and "image itself shows the words" in finding.message


@pytest.mark.parametrize(
    "url",
    [
        "https://www.llama.com/llama4/license/",
        "http://llama.com/llama4/license",
        "https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE",
        "https://raw.githubusercontent.com/meta-llama/llama-models/main/models/llama4/LICENSE",
        "https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct/resolve/main/LICENSE",
    ],
)
def test_every_official_agreement_link_form(terms: LicenseTerms, tmp_path: Path, url: str) -> None:
    """Meta's license page, the GitHub copy and a Meta Hugging Face copy, in common URL forms, are the agreement;
    with the agreement linked, a missing policy link is only a note."""
    report = check_repo(_card(tmp_path, SCOUT + f"license_link: {url}\n", "Built with Llama\n"), terms)
    assert report.status("L4-AUP") == "note" and report.exit_code() == 0


def test_gated_prompt_is_not_displayed(terms: LicenseTerms, tmp_path: Path) -> None:
    """The agreement pasted into extra_gated_prompt neither displays the attribution nor links the policy."""
    gate = 'extra_gated_prompt: "Built with Llama https://www.llama.com/llama4/use-policy"\n'
    report = check_repo(_card(tmp_path, SCOUT + gate, "# A card\n"), terms)
    assert (report.status("L4-ATTRIBUTION"), report.status("L4-AUP")) == ("error", "not_checked")


@pytest.mark.parametrize(
    ("base", "license_id", "status"),
    [
        ("meta-llama/Llama-Guard-4-12B", "apache-2.0", "error"),
        ("meta-llama/Llama-Prompt-Guard-2-86M", "llama2", "error"),
        ("meta-llama/Llama-Prompt-Guard-2-22M", "llama4", "pass"),
        ("deepcogito/cogito-v2-preview-llama-109B-MoE", "apache-2.0", "error"),
        ("https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E/tree/main", "mit", "error"),
    ],
)
def test_llama4_family_bases_are_checked(terms: LicenseTerms, tmp_path: Path, base: str, license_id: str, status: str) -> None:
    """Bases whose ids lack "Llama-4" are judged from the records (Guard 4, Prompt Guard 2, Cogito's Scout fine-tune)."""
    front = f"base_model: {base}\nlicense: {license_id}\nmodel_name: Llama-4-X\n"
    report = check_repo(_card(tmp_path, front, "Built with Llama\n" + LINKS), terms)
    assert report.status("L4-CARD-LICENSE") == status


def test_base_license_comes_from_the_records() -> None:
    """The records give Prompt Guard 2's license, with a citation behind it."""
    base = judge_base("meta-llama/Llama-Prompt-Guard-2-86M")
    assert (base.llama4, base.license) == (True, "llama4")


def test_no_base_model_is_a_warning(terms: LicenseTerms, tmp_path: Path) -> None:
    """A derivative card with no base_model: a warning that says the base is unknown."""
    report = check_repo(_card(tmp_path, "license: llama4\nmodel_name: Llama-4-X\n", "Built with Llama\n" + LINKS), terms)
    (finding,) = [f for f in report.findings if f.rule == "L4-CARD-LICENSE"]
    assert finding.severity == "warning" and "base is unknown" in finding.message


@pytest.mark.parametrize(
    ("front", "body", "status"),
    [
        (
            "license: other\nlicense_name: cogvlm2\n",
            "Built with [Meta-Llama-3-8B-Instruct](https://huggingface.co/meta-llama/Meta-Llama-3-8B-Instruct).\n",
            "not_checked",
        ),
        (
            "license: other\nlicense_name: cogvlm2\n",
            "A [Llama 3](https://hf.co/meta-llama/Meta-Llama-3-8B/tree/main) port of Llama 4 ideas.\n",
            "warning",
        ),
        ("license: other\ntags: [llama4]\n", "From [this](https://huggingface.co/meta-llama/Meta-Llama-3-8B).\n", "warning"),
        (
            "license: other\n",
            "[A](https://huggingface.co/meta-llama/Meta-Llama-3-8B) and [B](https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E).\n",
            "warning",
        ),
        ("license: other\n", "See [the docs](https://huggingface.co/docs/transformers/index).\n", "warning"),
    ],
)
def test_no_base_model_but_linked_other_generation(
    terms: LicenseTerms, tmp_path: Path, front: str, body: str, status: str
) -> None:
    """No base_model: a card that never names Llama 4 and links only an earlier Llama model is not a Llama 4
    card (CogVLM2's real card); any Llama 4 mention or link, or no model link, keeps the base unknown."""
    report = check_repo(_card(tmp_path, front, body), terms)
    assert report.status("L4-CARD-LICENSE") == status
    assert report.status("L4-NOT-LLAMA4") == ("warning" if status == "not_checked" else "pass")


@pytest.mark.parametrize("front", ["license: [unclosed\n", None])
def test_unread_front_matter_is_not_checked(terms: LicenseTerms, tmp_path: Path, front: str | None) -> None:
    """Malformed or absent front matter: L4-CARD-LICENSE is not checked, never passed."""
    path = tmp_path / "README.md"
    path.write_text(("" if front is None else f"---\n{front}---\n") + "Built with Llama\n", encoding="utf-8")
    report = check_repo(path, terms)
    assert "L4-CARD-LICENSE" not in report.passed_rules()
    assert "L4-CARD-LICENSE" in dict(report.not_checked)


@pytest.mark.parametrize(
    ("front", "rule"),
    [
        ("model_name: Evil-FT\nmodel_name: Llama-4-FT\n", "L4-NAME-PREFIX"),
        ("license: mit\nlicense: llama4\nmodel_name: Llama-4-FT\n", "L4-CARD-YAML"),
    ],
)
def test_duplicate_keys_are_located_errors(terms: LicenseTerms, tmp_path: Path, front: str, rule: str) -> None:
    """A key given twice is an error on the repeat's line, and every value of a name key is judged."""
    path = _card(tmp_path, "base_model: meta-llama/Llama-4-Scout-17B-16E\n" + front, "Built with Llama\n" + LINKS)
    report = check_repo(path, terms)
    dup = [f for f in report.findings if f.rule == "L4-CARD-YAML"]
    assert dup and dup[0].severity == "error" and dup[0].line == 4
    assert report.status(rule) == "error" and report.exit_code() == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("RedHatAI/Llama-4-Scout-FP8/", "RedHatAI/Llama-4-Scout-FP8"),
        ("https://huggingface.co/org/Llama-4-X/blob/main/README.md", "org/Llama-4-X"),
        ("hf.co/org/Llama-4-X/tree/main", "org/Llama-4-X"),
    ],
)
def test_repo_ids_in_url_forms(value: str, expected: str) -> None:
    """Repository URLs in common forms reduce to org/name."""
    assert repo_id(value) == expected


def test_card_name_field_is_judged(terms: LicenseTerms, tmp_path: Path) -> None:
    """The card's own `name:` (a URL with a trailing slash) is the name judged, not the folder's."""
    front = "base_model: meta-llama/Llama-4-Scout-17B-16E\nlicense: llama4\nname: https://huggingface.co/acme/Scout-FT/\n"
    report = check_repo(_card(tmp_path, front, "Built with Llama\n" + LINKS), terms)
    assert [n.name for n in report.names] == ["Scout-FT"] and report.status("L4-NAME-PREFIX") == "error"


def test_links_in_comments_and_code_are_not_links() -> None:
    """A URL inside a comment or a code block is not a link a reader can follow."""
    card = render("<!-- https://www.llama.com/llama4/use-policy -->\n\n```\nhttps://a.example/x\n```\n")
    assert card.links == ()
    assert parse_card("no front matter") is None


def test_cli_empty_directory_says_no_card(tmp_path: Path) -> None:
    """`license check` on an empty directory names the missing model card first."""
    from tests.conftest import run_cli

    result = run_cli("license", "check", str(tmp_path))
    assert result.code == 1
    assert result.stdout.splitlines()[0] == (
        f"{tmp_path}: L4-CARD-MISSING error: no model card: the directory has no README.md or MODEL_CARD.md [license §1.b.i]"
    )


def test_cli_non_llama4_base_says_rules_do_not_apply(tmp_path: Path) -> None:
    """A card whose base is not Llama 4: the Llama 4 rules don't apply; exit 0, or 1 with --strict."""
    from tests.conftest import run_cli

    card = _card(tmp_path, "base_model: Qwen/Qwen2.5-7B-Instruct\nlicense: apache-2.0\n", "# Qwen FT\n")
    result = run_cli("license", "check", str(card))
    assert result.code == 0 and "the Llama 4 license rules don't apply" in result.stdout
    assert f"{card}:2: L4-NOT-LLAMA4 warning" in result.stdout
    assert run_cli("license", "check", str(card), "--strict").code == 1


def test_cli_text_names_the_path_as_given(terms: LicenseTerms, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Text output names files from the path the user gave (models/bad/README.md:4)."""
    import shutil

    from tests.conftest import run_cli

    from .conftest import FIXTURES

    shutil.copytree(FIXTURES / "card-license-conflict", tmp_path / "models" / "bad")
    monkeypatch.chdir(tmp_path)
    result = run_cli("license", "check", "models/bad")
    assert "models/bad/README.md:4: L4-CARD-LICENSE error:" in result.stdout.splitlines()[1]  # after the link warning on LICENSE
    sarif = run_cli("license", "check", "models/bad", "--format", "sarif", "--root", ".")
    assert '"uri": "models/bad/README.md"' in sarif.stdout


def test_a_checkout_root_without_a_card_is_not_judged_by_its_folder_name(terms: LicenseTerms, tmp_path: Path) -> None:
    """A repository whose model lives in models/my-model (as docs/ci.md lays it out), checked at its
    root (as `pre-commit try-repo` does): no name verdict on the checkout's folder, and the missing-card
    error says where the card is."""
    root = tmp_path / "acme-ft"
    model = root / "models" / "my-model"
    model.mkdir(parents=True)
    card = _card(model, SCOUT, "Built with Llama\n" + LINKS)
    report = check_repo(root, terms)
    rules = {f.rule for f in report.findings}
    assert not rules & {"L4-NAME-PREFIX", "L4-NAME-CASE", "L4-NAME-SOURCE"}, report.findings
    assert report.status("L4-NAME-PREFIX") == "not_checked" and report.names == ()
    (missing,) = [f for f in report.findings if f.rule == "L4-CARD-MISSING"]
    assert "a model card is below it, in models/my-model" in missing.message and "args: [models/my-model]" in missing.message
    named = check_repo(root, terms, name="acme-ft")  # a name given is still judged
    assert named.status("L4-NAME-PREFIX") == "error"
    beside = check_repo(card.parent, terms)  # with its card, the model's folder is checked as before
    assert beside.status("L4-CARD-MISSING") == "pass" and beside.status("L4-NAME-PREFIX") == "pass"
