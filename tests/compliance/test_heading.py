"""Which model name `license check` judges: front matter, the card's H1 title, --name, the directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from llama4ref.compliance import LicenseTerms, check_repo
from llama4ref.compliance.heading import card_title

from .conftest import FIXTURES

HUB = "hub-title-badges"
HUB_TITLE = "# 🦙 [Llama-4-Scout-Acme-Instruct](https://huggingface.co/acme/Llama-4-Scout-Acme-Instruct) ![new](https://img.shields.io/badge/new-2026-green)"


def _repo(tmp_path: Path, folder: str, fixture: str = HUB, title: str | None = None) -> Path:
    """A copy of ``fixture`` in a directory named ``folder``, its H1 line replaced by ``title``."""
    repo = tmp_path / folder
    shutil.copytree(FIXTURES / fixture, repo)
    if title is not None:
        readme = repo / "README.md"
        text = readme.read_text(encoding="utf-8")
        assert HUB_TITLE in text
        readme.write_text(text.replace(HUB_TITLE, title), encoding="utf-8")
    return repo


def _title_line(repo: Path) -> int:
    lines = (repo / "README.md").read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if line.startswith("# "))


@pytest.mark.parametrize(
    ("card", "name"),
    [
        ("# Llama-4-Acme\n", "Llama-4-Acme"),
        ("Llama-4-Setext\n===\n", "Llama-4-Setext"),
        ("[![ci](https://img.shields.io/b.svg)](https://x.example) ![logo](l.png)\n\n# Llama-4-Acme\n", "Llama-4-Acme"),
        ("# 🦙 [Llama-4-Acme](https://huggingface.co/acme/Llama-4-Acme) ![badge](b.svg)\n", "Llama-4-Acme"),
        ("# 🤗 **Llama-4-Acme**: `v2`\n", "Llama-4-Acme: v2"),
        ("# Model Card for Llama-4-Acme\n", "Llama-4-Acme"),
        ("# Llama-4-Acme Model Card\n", "Llama-4-Acme"),
        ('<h1 align="center"><img src="logo.png"> AcmeChat-7B <span hidden>Llama</span></h1>\n', "AcmeChat-7B"),
        ("```\n# Llama-4-In-Code\n```\n\n<!--\n# Llama-4-In-Comment\n-->\n\n# AcmeChat-7B\n", "AcmeChat-7B"),
        ("## Llama-4-Acme\n\n# AcmeChat-7B\n", "AcmeChat-7B"),  # only level 1 counts
        ("# \u200bLlama-4-Acme\n", "\u200bLlama-4-Acme"),  # invisible characters are kept for the name rules
        ("# Llama-4\u00a0Acme\n", "Llama-4\u00a0Acme"),  # and so are spaces other than U+0020
        ("---\nmodel_name: x\n---\n# Llama-4-Acme\n", "Llama-4-Acme"),
    ],
)
def test_title_is_read_as_displayed(card: str, name: str) -> None:
    """The first displayed H1, with badges, images, link/emphasis markup and leading emoji removed."""
    title = card_title(card)
    assert title is not None and title.name == name


@pytest.mark.parametrize(
    "card",
    [
        "No heading at all.\n",
        "# Model Card\n\n# Llama-4-Acme\n",  # only the first H1 is read
        "# README\n",
        "# Uploaded  model\n",
        "# Model details\n",
        '# {{ model_id | default("Model ID", true) }}\n',  # an unfilled template
        "# 🦙\n",
        "```\n# Llama-4-In-Code\n```\n",
    ],
)
def test_generic_or_missing_title_names_no_model(card: str) -> None:
    """A generic title, an unfilled template, or no displayed H1 gives no name."""
    assert card_title(card) is None


def test_title_line_is_the_card_line(tmp_path: Path) -> None:
    """The title's line counts the front matter and the badges above it."""
    repo = _repo(tmp_path, "m2")
    title = card_title((repo / "README.md").read_text(encoding="utf-8"))
    assert title is not None and title.line == _title_line(repo)


def test_card_title_beats_the_directory_name(terms: LicenseTerms, tmp_path: Path) -> None:
    """A `Llama-4-X` folder whose card is titled `# AcmeChat-7B` fails on the title, at its line, and a note
    names the directory (review #5)."""
    repo = _repo(tmp_path, "Llama-4-X", title="# AcmeChat-7B")
    report = check_repo(repo, terms)
    assert not report.ok and [n.name for n in report.names] == ["AcmeChat-7B"]
    (prefix,) = [f for f in report.findings if f.rule == "L4-NAME-PREFIX"]
    assert (prefix.file, prefix.line) == ("README.md", _title_line(repo))
    assert prefix.message.startswith(
        "model name 'AcmeChat-7B' (from the card's H1 heading): the name does not begin with 'Llama'"
    )
    (note,) = [f for f in report.findings if f.rule == "L4-NAME-SOURCE"]
    assert note.severity == "note" and "the directory name is 'Llama-4-X'" in note.message


def test_a_folder_name_does_not_fail_a_compliant_title(terms: LicenseTerms, tmp_path: Path) -> None:
    """A folder `m2` (a clone, a CI checkout) holding a card titled `Llama-4-Scout-Acme-Instruct` behind
    badges passes, even with --strict, and with no note about the folder: its name was not judged
    and the judged one passes, so a pre-commit run is not told so on every commit (review11 #20)."""
    repo = _repo(tmp_path, "m2")
    report = check_repo(repo, terms)
    assert [n.name for n in report.names] == ["Llama-4-Scout-Acme-Instruct"]
    assert {f.rule for f in report.findings if f.severity == "error"} == set()
    assert not [f for f in report.findings if f.rule == "L4-NAME-SOURCE"]
    assert "L4-NAME-SOURCE" in report.passed_rules()
    assert report.exit_code(strict=True) == 1  # the linked-not-shipped warning; without it:
    assert all(f.severity != "error" for f in report.findings if f.rule != "L4-LICENSE-COPY")


def test_a_failing_title_notes_the_folder_name_that_was_not_judged(terms: LicenseTerms, tmp_path: Path) -> None:
    """A `Llama-4-X` folder holding a card titled `AcmeChat-7B`: the title is judged and fails, and
    the note says the folder's name was not the one judged (review #5)."""
    repo = _repo(tmp_path, "Llama-4-Scout-Acme", title="# AcmeChat-7B")
    report = check_repo(repo, terms)
    (note,) = [f for f in report.findings if f.rule == "L4-NAME-SOURCE"]
    assert note.format() == (
        f"README.md:{_title_line(repo)}: L4-NAME-SOURCE note: model name 'AcmeChat-7B' (from the card's "
        "H1 heading) was judged; the directory name is 'Llama-4-Scout-Acme', which was not [license §1.b.i]"
    )
    assert "L4-NAME-SOURCE" in report.noted_rules() and report.status("L4-NAME-PREFIX") == "error"


def test_same_name_in_another_spelling_is_no_note(terms: LicenseTerms, tmp_path: Path) -> None:
    """Letter case and the separators - _ . and space do not make two names differ."""
    repo = _repo(tmp_path, "llama_4_scout_acme_instruct")
    assert "L4-NAME-SOURCE" in check_repo(repo, terms).passed_rules()


def test_front_matter_beats_the_title(terms: LicenseTerms, tmp_path: Path) -> None:
    """A front-matter model_name is judged before the title; a title that says otherwise is a note."""
    repo = _repo(tmp_path, "Llama-4-Scout-Acme-Instruct", title="# AcmeChat-7B")
    readme = repo / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace(
            "license: llama4\n", "license: llama4\nmodel_name: Llama-4-Scout-Acme-Instruct\n"
        ),
        encoding="utf-8",
    )
    report = check_repo(repo, terms)
    assert [n.name for n in report.names] == ["Llama-4-Scout-Acme-Instruct"]
    (note,) = [f for f in report.findings if f.rule == "L4-NAME-SOURCE"]
    assert (note.file, note.line) == ("README.md", 3)
    assert "(from front matter model_name) was judged; the card's H1 heading is 'AcmeChat-7B'" in note.message


def test_front_matter_only_card(terms: LicenseTerms) -> None:
    """A card with front matter and no body: the model_name is judged; with the agreement linked, the
    missing policy link is a note, so L4-AUP is neither passed nor failed (review #21)."""
    report = check_repo(FIXTURES / "front-matter-only", terms)
    assert [n.name for n in report.names] == ["Llama-4-Scout-Acme-FT"]
    assert report.status("L4-NAME-PREFIX") == "pass"
    assert report.status("L4-AUP") == "note"
    assert "L4-AUP" in report.noted_rules() and "L4-AUP" not in report.passed_rules()
    assert report.to_dict()["noted_rules"] == list(report.noted_rules())


def test_name_option_beats_the_card_and_says_so(terms: LicenseTerms, tmp_path: Path) -> None:
    """--name is judged, and the note names the card's own title that was not."""
    repo = _repo(tmp_path, "m2")
    report = check_repo(repo, terms, name="acme/AcmeChat-7B")
    assert [n.name for n in report.names] == ["AcmeChat-7B"]
    (prefix,) = [f for f in report.findings if f.rule == "L4-NAME-PREFIX"]
    assert prefix.file == "(--name)" and "(from --name)" in prefix.message
    (note,) = [f for f in report.findings if f.rule == "L4-NAME-SOURCE"]
    assert "the card's H1 heading is 'Llama-4-Scout-Acme-Instruct'" in note.message


def test_a_title_is_a_phrase(terms: LicenseTerms, tmp_path: Path) -> None:
    """Only an `org/name` first word loses its org: a later '/' is part of the title, so a title that
    merely mentions a Llama repository does not pass as that repository's name."""
    phrase = check_repo(_repo(tmp_path, "a", title="# GGUF quants of acme/Llama-4-Scout-Acme"), terms)
    assert [n.name for n in phrase.names] == ["GGUF quants of acme/Llama-4-Scout-Acme"]
    assert phrase.status("L4-NAME-PREFIX") == "error"
    org = check_repo(_repo(tmp_path, "b", title="# acme/Llama-4-Scout-Acme GGUF"), terms)
    assert [n.name for n in org.names] == ["Llama-4-Scout-Acme GGUF"]
    assert org.status("L4-NAME-PREFIX") == "pass"


def test_meta_name_in_a_card_is_a_warning(terms: LicenseTerms, tmp_path: Path) -> None:
    """A card titled with Meta's own model name gets the L4-NAME-META warning, citing section 5.a."""
    report = check_repo(_repo(tmp_path, "m3", title="# Llama-4-Scout-17B-16E-Instruct"), terms)
    (meta,) = [f for f in report.findings if f.rule == "L4-NAME-META"]
    assert meta.severity == "warning" and meta.section == "5.a" and "section 5.a" in meta.message


def test_cli_notes_are_counted_and_not_passed(tmp_path: Path) -> None:
    """`license check` text: a note line per note, the count of notes, and rules that gave only notes
    listed after "notes only:", never under "rules passed" (review #21)."""
    from tests.conftest import run_cli

    repo = tmp_path / "Llama-4-Scout-Acme-FT"  # the directory is named after the model: no L4-NAME-SOURCE note
    shutil.copytree(FIXTURES / "front-matter-only", repo)
    result = run_cli("license", "check", str(repo))
    assert f"{repo}/README.md: L4-AUP note: no separate link to the Acceptable Use Policy" in result.stdout
    summary = result.stderr.splitlines()[0]
    assert summary.startswith(f"{repo}: 1 violation(s), 1 warning(s), 1 note(s); rules passed: L4-NAME-PREFIX")
    passed, noted = summary.split("; rules passed: ")[1].split("; notes only: ")
    assert noted == "L4-AUP" and "L4-AUP" not in passed.split(", ")
    assert result.code == 1  # the missing attribution
    sarif = run_cli("license", "check", str(repo), "--format", "sarif", "--root", str(tmp_path))
    import json

    run = json.loads(sarif.stdout)["runs"][0]
    assert {r["ruleId"]: r["level"] for r in run["results"]}["L4-AUP"] == "note"
    rules = {r["id"]: r["defaultConfiguration"]["level"] for r in run["tool"]["driver"]["rules"]}
    assert rules["L4-NAME-SOURCE"] == "note" and rules["L4-NAME-META"] == "warning"


def test_cli_meta_name_warns_and_fails_only_strict() -> None:
    """`check-name meta-llama/Llama-4-Scout-17B-16E-Instruct` is a warning: exit 0, 1 with --strict."""
    from tests.conftest import run_cli

    name = "meta-llama/Llama-4-Scout-17B-16E-Instruct"
    result = run_cli("check-name", name)
    assert result.code == 0 and "L4-NAME-META" in result.stdout + result.stderr
    assert run_cli("check-name", "--strict", name).code == 1
