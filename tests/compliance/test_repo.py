"""The repository check over the fixtures tree, the agreement/notice policies and hostile input."""

from __future__ import annotations

import os
import shutil
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from llama4ref.compliance import CheckPathError, LicenseTerms, check_repo
from llama4ref.compliance.card import MAX_FRONT_MATTER_BYTES, parse_card
from llama4ref.compliance.files import MAX_FILE_BYTES

from .conftest import FIXTURES, LINKED, beyond_the_link, shared_text

NOTICE = "Llama 4 is licensed under the Llama 4 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved."

EXPECTED = {
    # fixture: (rule ids of error findings, rule ids of warning findings); a fixture that links the
    # agreement without shipping it (the project does not ship its text) has that warning
    "compliant-linked": (set(), {"L4-LICENSE-COPY"}),
    "missing-notice": ({"L4-NOTICE"}, {"L4-LICENSE-COPY"}),
    "card-license-conflict": ({"L4-CARD-LICENSE"}, {"L4-LICENSE-COPY"}),
    "scout-ft": ({"L4-NAME-PREFIX"}, {"L4-LICENSE-COPY"}),
    "meta-llama-prefixed": ({"L4-NAME-PREFIX"}, {"L4-LICENSE-COPY"}),
    "cyrillic-spoof": ({"L4-NAME-SPOOF"}, {"L4-LICENSE-COPY"}),
    "modified-license": ({"L4-LICENSE-COPY"}, set()),
    "no-agreement": ({"L4-LICENSE-COPY"}, set()),
    "no-attribution": ({"L4-ATTRIBUTION"}, {"L4-LICENSE-COPY"}),
    "notice-copyright-c": (set(), {"L4-NOTICE", "L4-LICENSE-COPY"}),
    "notice-wrong-text": ({"L4-NOTICE"}, {"L4-LICENSE-COPY"}),
    "hub-title-badges": (set(), {"L4-LICENSE-COPY"}),  # no model_name: the H1 title behind badges is the name
    "front-matter-only": ({"L4-ATTRIBUTION"}, {"L4-LICENSE-COPY"}),  # nothing displayed; license_link is the agreement
}


def _copy_fixture(name: str, tmp_path: Path) -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / name, target)
    return target


def test_every_fixture_has_an_expectation() -> None:
    """The fixtures tree and the expectation table list the same repositories."""
    assert {p.name for p in FIXTURES.iterdir() if p.is_dir()} == set(EXPECTED)


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_fixture_findings(terms: LicenseTerms, fixture: str) -> None:
    """Each fixture repository gets exactly its expected error and warning rules."""
    report = check_repo(FIXTURES / fixture, terms)
    errors, warnings = EXPECTED[fixture]
    assert {f.rule for f in report.findings if f.severity == "error"} == errors
    assert {f.rule for f in report.findings if f.severity == "warning"} == warnings
    assert report.ok == (not errors)
    assert report.exit_code() == (1 if errors else 0)
    assert all(f.section for f in report.findings)


def test_compliant_repo_passes_every_rule(terms: LicenseTerms) -> None:
    """The fixture that links the agreement passes every obligation rule; its one finding is the
    warning that a link is not the copy section 1.b.i(A) asks for."""
    report = check_repo(FIXTURES / "compliant-linked", terms)
    (linked,) = beyond_the_link(report) + tuple(f for f in report.findings if f.message.startswith(LINKED))
    assert linked.rule == "L4-LICENSE-COPY" and linked.severity == "warning" and linked.message.startswith(LINKED)
    assert linked.section == "1.b.i" and "add the unmodified agreement as LICENSE" in linked.message
    assert report.ok and report.exit_code() == 0
    assert {"L4-NAME-PREFIX", "L4-ATTRIBUTION", "L4-NOTICE", "L4-CARD-LICENSE", "L4-AUP"} <= set(report.passed_rules())
    assert "L4-LICENSE-COPY" not in report.passed_rules()


def test_findings_carry_file_line_and_section(terms: LicenseTerms) -> None:
    """A card-metadata finding points at the card line of the offending key and names section 1.b.i."""
    (finding,) = beyond_the_link(check_repo(FIXTURES / "card-license-conflict", terms))
    assert (finding.file, finding.line, finding.section) == ("README.md", 4, "1.b.i")
    assert "apache-2.0" in finding.message and "llama4" in finding.message
    assert finding.format().startswith("README.md:4: L4-CARD-LICENSE error: ")


def test_name_findings_point_at_model_name_and_suggest(terms: LicenseTerms) -> None:
    """A bad model_name is reported on its card line with the suggested compliant name."""
    (finding,) = beyond_the_link(check_repo(FIXTURES / "meta-llama-prefixed", terms))
    assert (finding.file, finding.line) == ("README.md", 7)
    assert "suggested: 'Llama-4-FT'" in finding.message


def test_name_option_overrides_the_card(terms: LicenseTerms) -> None:
    """--name is judged instead of the card's model_name."""
    report = check_repo(FIXTURES / "scout-ft", terms, name="org/Llama-Scout-FT")
    assert report.ok and [n.name for n in report.names] == ["Llama-Scout-FT"]


def test_directory_name_is_the_fallback(terms: LicenseTerms, tmp_path: Path) -> None:
    """Without card names the directory's own name is judged."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    readme = repo / "README.md"
    text = readme.read_text(encoding="utf-8").replace("model_name: Llama-4-Scout-Acme-FT\n", "")
    readme.write_text(text.replace("# Llama-4-Scout-Acme-FT\n", "# Model Card\n"), encoding="utf-8")  # a generic title
    renamed = repo.rename(tmp_path / "Scout-Acme")
    report = check_repo(renamed, terms)
    assert [f.rule for f in beyond_the_link(report)] == ["L4-NAME-PREFIX"]
    assert beyond_the_link(report)[0].file == "."


def test_modified_copy_lists_missing_anchor_sentences(terms: LicenseTerms) -> None:
    """A LICENSE with some but not all anchor sentences is a modified copy; the message says what is missing."""
    (finding,) = beyond_the_link(check_repo(FIXTURES / "modified-license", terms))
    assert finding.file == "LICENSE" and finding.rule == "L4-LICENSE-COPY"
    assert "modified copy" in finding.message
    assert f"of {len(terms.agreement_anchors)} anchor sentences" in finding.message
    assert "§1.b.i “you shall also include “Llama” at the beginning" in finding.message


def test_modified_copy_fails_even_with_a_link(terms: LicenseTerms, tmp_path: Path) -> None:
    """Linking the official agreement does not excuse shipping a modified copy of it."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    shutil.copy(FIXTURES / "modified-license" / "LICENSE", repo / "LICENSE")
    assert [f.rule for f in beyond_the_link(check_repo(repo, terms))] == ["L4-LICENSE-COPY"]


def test_unmodified_copy_passes_without_a_link(terms: LicenseTerms, tmp_path: Path) -> None:
    """The official agreement as LICENSE (built at test time, never committed) satisfies the rule, re-wrapped or not."""
    repo = _copy_fixture("no-agreement", tmp_path)
    official = shared_text("model-license.txt")
    (repo / "LICENSE").write_text(official.replace("\n", "\r\n").replace("“", '"').replace("”", '"'), encoding="utf-8")
    assert beyond_the_link(check_repo(repo, terms)) == ()


def test_one_changed_word_in_a_full_copy_is_flagged(terms: LicenseTerms, tmp_path: Path) -> None:
    """A full copy with one word changed outside the anchors is still a modified copy."""
    repo = _copy_fixture("no-agreement", tmp_path)
    official = shared_text("model-license.txt")
    (repo / "LICENSE").write_text(official.replace("Documentation", "Docs", 1), encoding="utf-8")
    (finding,) = beyond_the_link(check_repo(repo, terms))
    assert "every anchor sentence is present, but the text differs elsewhere" in finding.message


def test_unrelated_license_file_needs_a_link(terms: LicenseTerms, tmp_path: Path) -> None:
    """An Apache LICENSE for the code is not a copy of the agreement; without a link the rule fails."""
    repo = _copy_fixture("no-agreement", tmp_path)
    (repo / "LICENSE").write_text("Apache License\nVersion 2.0, January 2004\n", encoding="utf-8")
    (finding,) = beyond_the_link(check_repo(repo, terms))
    assert finding.rule == "L4-LICENSE-COPY" and "no unmodified copy" in finding.message


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/meta-llama/llama-models/blob/main/models/llama4/LICENSE",
        "https://github.com/meta-llama/llama-models/blob/5fdf831/models/llama4/LICENSE",
        "https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct/blob/main/LICENSE",
    ],
)
def test_agreement_links_accepted(terms: LicenseTerms, tmp_path: Path, url: str) -> None:
    """Links to the official agreement at any git ref (GitHub or a Meta Llama 4 Hugging Face repo) count."""
    repo = _copy_fixture("no-agreement", tmp_path)
    with (repo / "README.md").open("a", encoding="utf-8") as f:
        f.write(f"\nLicense text: <{url}>\n")
    report = check_repo(repo, terms)
    assert [(f.rule, f.severity) for f in report.findings if f.rule != "L4-NAME-SOURCE"] == [
        ("L4-LICENSE-COPY", "warning")  # linked, not shipped
    ]
    assert report.exit_code() == 0


def test_license_link_metadata_counts(terms: LicenseTerms, tmp_path: Path) -> None:
    """The card's license_link metadata is a link to the agreement."""
    repo = _copy_fixture("no-agreement", tmp_path)
    readme = repo / "README.md"
    link = "license_link: https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct/blob/main/LICENSE\n"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("license: llama4\n", "license: llama4\n" + link), encoding="utf-8"
    )
    assert [(f.rule, f.severity) for f in beyond_the_link(check_repo(repo, terms))] == []


def test_other_license_with_llama4_name_is_accepted(terms: LicenseTerms, tmp_path: Path) -> None:
    """license: other with license_name: llama4 agrees with a Llama 4 base_model."""
    repo = _copy_fixture("card-license-conflict", tmp_path)
    readme = repo / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("license: apache-2.0\n", "license: other\nlicense_name: llama4\n"),
        encoding="utf-8",
    )
    assert beyond_the_link(check_repo(repo, terms)) == ()


def test_missing_license_key_is_a_warning(terms: LicenseTerms, tmp_path: Path) -> None:
    """A Llama 4 base_model with no license key is a warning on the base_model line."""
    repo = _copy_fixture("card-license-conflict", tmp_path)
    readme = repo / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("license: apache-2.0\n", ""), encoding="utf-8")
    (finding,) = beyond_the_link(check_repo(repo, terms))
    assert (finding.rule, finding.severity, finding.line) == ("L4-CARD-LICENSE", "warning", 4)


def test_aup_copy_or_link(terms: LicenseTerms, tmp_path: Path) -> None:
    """Without the AUP link, an unmodified USE_POLICY.md passes and a truncated one is a modified copy."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    readme = repo / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("https://www.llama.com/llama4/use-policy", "#"), encoding="utf-8"
    )
    assert [f.rule for f in beyond_the_link(check_repo(repo, terms))] == ["L4-AUP"]
    policy = shared_text("use-policy.md")
    (repo / "USE_POLICY.md").write_text(policy, encoding="utf-8")
    assert beyond_the_link(check_repo(repo, terms)) == ()
    (repo / "USE_POLICY.md").write_text(policy[: len(policy) // 2], encoding="utf-8")
    (finding,) = beyond_the_link(check_repo(repo, terms))
    assert (
        finding.rule == "L4-AUP"
        and "modified copy" in finding.message
        and f"of {len(terms.aup_anchors)} anchor" in finding.message
    )


@pytest.mark.parametrize(
    ("url", "generation"),
    [
        ("https://www.llama.com/llama3/use-policy", "Llama 3"),
        ("http://llama.meta.com/llama3_1/use-policy/", "Llama 3.1"),
        ("https://github.com/meta-llama/llama-models/blob/main/models/llama3_2/USE_POLICY.md", "Llama 3.2"),
        ("https://raw.githubusercontent.com/meta-llama/llama-models/v0.1/models/llama3_3/USE_POLICY.md", "Llama 3.3"),
        ("https://example.com/llama3/use-policy", None),
        ("https://www.llama.com/llama3/license", None),
    ],
)
def test_another_generations_policy_is_named(terms: LicenseTerms, tmp_path: Path, url: str, generation: str | None) -> None:
    """A card linking Llama 3's use policy in place of Llama 4's gets a warning naming that link, the
    generation, and Llama 4's policy with its citation; other links keep the plain note."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    readme = repo / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("https://www.llama.com/llama4/use-policy", url), encoding="utf-8")
    (finding,) = beyond_the_link(check_repo(repo, terms))
    assert finding.rule == "L4-AUP"
    if generation is None:
        assert finding.severity == "note" and "another generation" not in finding.message
        return
    assert (finding.severity, finding.file) == ("warning", "README.md") and finding.line is not None
    assert f"{url} is another generation's Acceptable Use Policy ({generation})" in finding.message
    assert f"Llama 4's, which section 1.b.iv names, is {terms.aup_url} ({terms.aup_url_cited})" in finding.message
    assert terms.aup_url_cited.startswith("llama-models-license, Section 1.b.iv")
    readme.write_text(text.replace("https://www.llama.com/llama4/use-policy", f"{url} {terms.aup_url}"), encoding="utf-8")
    assert beyond_the_link(check_repo(repo, terms)) == ()  # both linked: Llama 4's is there


def test_attribution_in_another_case_is_a_warning(terms: LicenseTerms, tmp_path: Path) -> None:
    """The phrase in lower case ("built with llama") is found but reported as a warning on its line."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    readme = repo / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace("**Built with Llama**", "built with  llama"), encoding="utf-8")
    (finding,) = beyond_the_link(check_repo(repo, terms))
    assert (finding.rule, finding.severity, finding.line) == ("L4-ATTRIBUTION", "warning", 17)


def test_notice_spread_over_lines_with_other_notices_passes(terms: LicenseTerms, tmp_path: Path) -> None:
    """The Notice line may be wrapped and surrounded by other notices (whitespace policy)."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    wrapped = NOTICE.replace(", Copyright", ",\n   Copyright")
    (repo / "NOTICE").write_text(f"Qwen is licensed under its own terms.\n{wrapped}\n", encoding="utf-8")
    assert beyond_the_link(check_repo(repo, terms)) == ()


def test_single_card_mode(terms: LicenseTerms) -> None:
    """A single card is checked for card rules; file rules are listed as not checked."""
    report = check_repo(FIXTURES / "cyrillic-spoof" / "README.md", terms)
    assert report.kind == "card"
    assert [f.rule for f in beyond_the_link(report)] == ["L4-NAME-SPOOF"]
    assert {r for r, _ in report.not_checked} == {"L4-NOTICE", "L4-LICENSE-COPY"}


def test_nonexistent_path_raises(terms: LicenseTerms, tmp_path: Path) -> None:
    """A path that is neither a file nor a directory raises CheckPathError."""
    with pytest.raises(CheckPathError):
        check_repo(tmp_path / "missing", terms)


# Hostile input -----------------------------------------------------------------------------


def test_symlink_out_of_the_tree_is_not_followed(terms: LicenseTerms, tmp_path: Path) -> None:
    """A NOTICE symlinked to a file outside the checked tree is skipped and reported, not read."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    outside = tmp_path / "secret.txt"
    outside.write_text(NOTICE, encoding="utf-8")
    (repo / "NOTICE").unlink()
    (repo / "NOTICE").symlink_to(outside)
    rules = {(f.rule, f.file) for f in beyond_the_link(check_repo(repo, terms))}
    assert ("L4-FILE-SKIPPED", "NOTICE") in rules and ("L4-NOTICE", "NOTICE") in rules


def test_symlink_inside_the_tree_is_followed(terms: LicenseTerms, tmp_path: Path) -> None:
    """A NOTICE symlinked to a file inside the tree is read."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    (repo / "docs").mkdir()
    (repo / "NOTICE").rename(repo / "docs" / "NOTICE.txt")
    (repo / "NOTICE").symlink_to(Path("docs") / "NOTICE.txt")
    assert beyond_the_link(check_repo(repo, terms)) == ()


def test_symlink_loop_and_broken_link(terms: LicenseTerms, tmp_path: Path) -> None:
    """A looping or dangling link is reported as skipped without hanging."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    (repo / "LICENSE").symlink_to(repo / "LICENSE")
    (repo / "USE_POLICY.md").symlink_to(repo / "nowhere")
    skipped = {f.file for f in beyond_the_link(check_repo(repo, terms)) if f.rule == "L4-FILE-SKIPPED"}
    assert skipped == {"LICENSE", "USE_POLICY.md"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_never_opened(terms: LicenseTerms, tmp_path: Path) -> None:
    """A NOTICE that is a FIFO is skipped (opening it would block)."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    (repo / "NOTICE").unlink()
    os.mkfifo(repo / "NOTICE")
    findings = beyond_the_link(check_repo(repo, terms))
    assert any(f.rule == "L4-FILE-SKIPPED" and "not a regular file" in f.message for f in findings)


def test_file_over_the_size_cap_is_skipped(terms: LicenseTerms, tmp_path: Path) -> None:
    """A README over 1 MiB is skipped and reported with the cap."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    with (repo / "README.md").open("a", encoding="utf-8") as f:
        f.write("x" * (MAX_FILE_BYTES + 1))
    findings = beyond_the_link(check_repo(repo, terms))
    assert any(f.rule == "L4-FILE-SKIPPED" and f"{MAX_FILE_BYTES}-byte cap" in f.message for f in findings)


@pytest.mark.parametrize(
    ("spoil", "why"),
    [
        (lambda card: card.write_text("x" * (MAX_FILE_BYTES + 1), encoding="utf-8"), f"over the {MAX_FILE_BYTES}-byte cap"),
        (lambda card: (card.unlink(), card.symlink_to("nowhere.md")), "a broken symbolic link"),
        (lambda card: card.write_bytes(b"# Llama-4-FT\x00"), "binary (contains NUL bytes)"),
    ],
    ids=["over-cap", "broken-link", "binary"],
)
def test_unreadable_card_is_not_called_missing(terms: LicenseTerms, tmp_path: Path, spoil: Any, why: str) -> None:
    """A README.md that is there but skipped gives L4-CARD-UNREADABLE at the file, saying why, not
    "the directory has no README.md" (review19 #6); so does the same file checked on its own (a
    broken link given on its own is no file at all: L4R-U010)."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    card = repo / "README.md"
    spoil(card)
    for report in [check_repo(repo, terms), *([check_repo(card, terms)] if card.is_file() else [])]:
        rules = {f.rule: f for f in report.findings}
        assert "L4-CARD-MISSING" not in rules and "L4-FILE-SKIPPED" in rules
        unread = rules["L4-CARD-UNREADABLE"]
        assert (unread.file, unread.severity) == ("README.md", "error")
        assert unread.message.startswith("the model card is there but could not be read: ") and why in unread.message
        assert dict(report.not_checked)["L4-ATTRIBUTION"] == "the model card could not be read"
        assert report.exit_code() == 1


def test_binary_and_non_utf8_files(terms: LicenseTerms, tmp_path: Path) -> None:
    """A binary NOTICE is skipped; a Latin-1 one is read with replacements and reported."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    (repo / "NOTICE").write_bytes(b"\x00\x01\x02" * 100)
    assert any(f.rule == "L4-FILE-SKIPPED" and "binary" in f.message for f in beyond_the_link(check_repo(repo, terms)))
    (repo / "NOTICE").write_bytes(NOTICE.encode("latin-1"))
    rules = {f.rule for f in beyond_the_link(check_repo(repo, terms))}
    assert rules == {"L4-FILE-ENCODING", "L4-NOTICE"}


def test_utf16_notice_is_read(terms: LicenseTerms, tmp_path: Path) -> None:
    """A UTF-16 NOTICE with a byte-order mark is decoded and passes, with the encoding warning that
    says it was read as UTF-16 (review12 #14: bytes that only start like UTF-16 were read silently)."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    (repo / "NOTICE").write_bytes(NOTICE.encode("utf-16"))
    found = beyond_the_link(check_repo(repo, terms))
    assert [(f.rule, f.severity) for f in found] == [("L4-FILE-ENCODING", "warning")]
    assert "read as UTF-16" in found[0].message


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("license: [unclosed\n", {"L4-CARD-YAML"}),
        ("a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n", {"L4-CARD-LICENSE"}),
        ("x: " + "[" * 5000 + "]" * 5000 + "\n", {"L4-CARD-YAML"}),
        ("- just\n- a list\n", {"L4-CARD-YAML"}),
        ("x: !!python/object/apply:os.system ['echo pwned']\n", {"L4-CARD-YAML"}),
        ("y: " + "z" * (MAX_FRONT_MATTER_BYTES + 10) + "\n", {"L4-CARD-YAML"}),
        ("base_model: meta-llama/Llama-4-Scout-17B-16E\nlicense: 7\n", {"L4-CARD-LICENSE"}),
        # the model-index name is judged; the card's H1 title (another name) is a note
        ("model-index:\n  - name: Scout-FT\n    results: []\n", {"L4-NAME-PREFIX", "L4-CARD-LICENSE", "L4-NAME-SOURCE"}),
    ],
)
def test_hostile_front_matter(terms: LicenseTerms, tmp_path: Path, front_matter: str, expected: set[str]) -> None:
    """Malformed, deep, aliased, tagged, oversized or oddly typed card metadata: a finding, never a crash or code."""
    repo = _copy_fixture("compliant-linked", tmp_path).rename(tmp_path / "Llama-4-fixture")
    readme = repo / "README.md"
    body = readme.read_text(encoding="utf-8").split("---\n", 2)[2]
    readme.write_text(f"---\n{front_matter}---\n{body}", encoding="utf-8")
    report = check_repo(repo, terms)
    assert {f.rule for f in beyond_the_link(report)} == expected
    assert all(f.file == "README.md" for f in beyond_the_link(report))


def test_alias_bomb_is_not_expanded(terms: LicenseTerms, tmp_path: Path) -> None:
    """A billion-laughs alias chain in card metadata stays shared references and is checked at once."""
    levels = "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 10))
    card = f"---\na0: &a0 [lol]\n{levels}base_model: *a9\nlicense: llama4\nmodel_name: Llama-4-X\n---\nBuilt with Llama\n"
    meta = parse_card(card)
    assert meta is not None and meta.problem is None and meta.names[0][0] == "Llama-4-X"
    path = tmp_path / "README.md"
    path.write_text(card, encoding="utf-8")
    tracemalloc.start()
    try:
        report = check_repo(path, terms)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2**20, f"{peak:,} bytes: the aliases were expanded"  # 9^9 items would take gigabytes
    assert [f.rule for f in beyond_the_link(report)] == ["L4-CARD-LICENSE"]  # no string base_model: base unknown


def test_many_entries_are_bounded(terms: LicenseTerms, tmp_path: Path) -> None:
    """A directory with many unrelated files is checked by name without reading them."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    for i in range(2000):
        (repo / f"shard-{i:05d}.safetensors").write_bytes(b"\x00")
    assert beyond_the_link(check_repo(repo, terms)) == ()


def test_nothing_is_executed(terms: LicenseTerms, tmp_path: Path) -> None:
    """Files that look executable (setup.py, a card with a python tag) are never run or imported."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    marker = tmp_path / "ran"
    (repo / "setup.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n", encoding="utf-8")
    (repo / "LICENSE.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n", encoding="utf-8")
    modules = set(sys.modules)
    check_repo(repo, terms)
    assert not marker.exists()
    assert set(sys.modules) - modules <= {"yaml", "yaml.cyaml", "_yaml"}


def test_a_rule_gives_only_the_severities_the_table_documents() -> None:
    """A finding at a severity its rule does not list in docs/ci.md is a bug, raised at once."""
    from llama4ref.compliance.findings import Collector

    assert Collector.make("x", None, "L4-AUP", "m", "note").severity == "note"
    with pytest.raises(ValueError, match="L4-NOTICE gives no 'note' finding"):
        Collector.make("x", None, "L4-NOTICE", "m", "note")


@pytest.mark.parametrize("name", ["hostname", "config.json", "notes.TXT.bak"])
def test_a_file_that_is_no_model_card_is_refused(terms: LicenseTerms, tmp_path: Path, name: str) -> None:
    """`license check /etc/hostname` is no card check with every card duty failed and L4-NOT-LLAMA4
    "passed": a single file must be named like a card or be Markdown; else one line, exit 2."""
    from tests.conftest import run_cli

    other = tmp_path / name
    other.write_text("build-host-7\n", encoding="utf-8")
    with pytest.raises(CheckPathError, match="not a model card"):
        check_repo(other, terms)
    res = run_cli("license", "check", str(other))
    assert (res.code, res.stdout) == (2, "") and "not a model card" in res.stderr and res.stderr[-1] == "\n"
    card = tmp_path / "Card.MD"
    card.write_text("# Llama-4-Acme\n", encoding="utf-8")
    assert check_repo(card, terms).kind == "card"


def _linking_neither(terms: LicenseTerms, tmp_path: Path) -> Path:
    """The linked fixture with its README's links to the agreement and the policy removed."""
    repo = _copy_fixture("compliant-linked", tmp_path)
    readme = repo / "README.md"
    text = readme.read_text(encoding="utf-8").replace("https://www.llama.com/llama4/use-policy", "#")
    for url in terms.agreement_urls:
        text = text.replace(url, "#")
    readme.write_text(text, encoding="utf-8")
    return repo


def test_a_missing_agreement_is_one_error_not_two(terms: LicenseTerms, tmp_path: Path) -> None:
    """review13 #9: with neither the agreement nor the policy linked or shipped, L4-LICENSE-COPY is
    the error; the policy, which section 1.b.iv incorporates into the agreement, is a note that
    points at it, not a second error for the same cause."""
    repo = _linking_neither(terms, tmp_path)
    report = check_repo(repo, terms)
    assert (report.status("L4-LICENSE-COPY"), report.status("L4-AUP")) == ("error", "note")
    (aup,) = [f for f in report.findings if f.rule == "L4-AUP"]
    assert "L4-LICENSE-COPY" in aup.message and "1.b.iv" in aup.message


def test_a_single_card_leaves_the_policy_to_the_unread_agreement(terms: LicenseTerms, tmp_path: Path) -> None:
    """review13 #9: checking README.md alone, the checker says it did not check L4-LICENSE-COPY, so
    it does not judge the policy on that agreement either: L4-AUP is not checked, with the reason."""
    report = check_repo(_linking_neither(terms, tmp_path) / "README.md", terms)
    assert report.status("L4-AUP") == "not_checked" and "L4-LICENSE-COPY" in dict(report.not_checked)["L4-AUP"]
    assert not any(f.rule == "L4-AUP" for f in report.findings)
