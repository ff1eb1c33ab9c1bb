"""The license records the checker reads: constants, fingerprints, anchors, rule cross-references."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from llama4ref.compliance import RULES, LicenseTerms, fingerprint, load_license_terms, normalise
from llama4ref.errors import DataError

from .conftest import FACTS, shared_text

TERM_FILES = sorted((FACTS / "license_terms").glob("*.yaml"))


def _terms_by_id() -> dict[str, dict[str, object]]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in TERM_FILES}


def test_constants_come_from_the_records(terms: LicenseTerms) -> None:
    """The prefix, attribution, notice and ids are read from facts/license, not hard-coded."""
    assert terms.name_prefix == "Llama"
    assert terms.attribution == "Built with Llama"
    assert (
        terms.notice
        == "Llama 4 is licensed under the Llama 4 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved."
    )
    assert terms.license_ids == ("llama4",)
    assert terms.aup_url == "https://www.llama.com/llama4/use-policy"


def test_agreement_fingerprint_matches_the_shared_copy(terms: LicenseTerms) -> None:
    """license.fingerprint.agreement is the l4r-text-1 hash of the official LICENSE text."""
    assert fingerprint(shared_text("model-license.txt")) == terms.agreement_fingerprint


def test_aup_fingerprint_matches_the_shared_copy(terms: LicenseTerms) -> None:
    """license.fingerprint.aup is the l4r-text-1 hash of the official USE_POLICY.md."""
    assert fingerprint(shared_text("use-policy.md")) == terms.aup_fingerprint


def test_fingerprint_ignores_layout_but_not_words() -> None:
    """Re-wrapping, CRLF, blank lines and straight quotes keep a fingerprint; a changed symbol does not."""
    text = "TITLE\n\nThe “Mark” is\nyours, © Meta.\n"
    assert fingerprint(text) == fingerprint('\ufeffTITLE\r\n\r\n\r\nThe "Mark" is yours,  © Meta.   ')
    assert fingerprint(text) != fingerprint(text.replace("©", "(c)"))
    assert normalise(" a \n\n b ") == "a b"


def test_every_anchor_is_verbatim_in_its_document(terms: LicenseTerms) -> None:
    """Each anchor sentence (a LicenseTerm quote) occurs in the official text, so a true copy has them all."""
    agreement = normalise(shared_text("model-license.txt"))
    aup = normalise(shared_text("use-policy.md"))
    assert all(normalise(a.quote) in agreement for a in terms.agreement_anchors)
    assert all(normalise(a.quote) in aup for a in terms.aup_anchors)
    assert len(terms.agreement_anchors) >= 20 and len(terms.aup_anchors) >= 8


@pytest.mark.parametrize("rule_id", sorted(r.id for r in RULES.values() if r.term))
def test_rule_points_at_a_term_with_the_same_section(rule_id: str) -> None:
    """A rule's license section equals the section of the LicenseTerm it enforces."""
    rule = RULES[rule_id]
    terms = _terms_by_id()
    assert rule.term in terms
    assert terms[rule.term]["section"] == rule.section


def test_terms_name_only_known_rules() -> None:
    """A LicenseTerm's `rule` is null or a rule id the checker implements."""
    for term_id, term in _terms_by_id().items():
        assert term["rule"] is None or term["rule"] in RULES, term_id


@pytest.mark.parametrize("path", TERM_FILES, ids=lambda p: p.stem)
def test_term_record_shape(path: Path) -> None:
    """Every term record has the LicenseTerm fields, an id equal to its file name and short quotes."""
    term = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert term["id"] == path.stem
    assert term["document"] in ("llama-4-community-license", "acceptable-use-policy")
    assert all(len(c["quote"]) <= 240 for c in term["citations"])
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", term["id"])


def test_issue_terms_are_all_present() -> None:
    """The clauses issue 5 lists each have a record."""
    wanted = {
        "effective-date",
        "grant-of-rights",
        "agreement-copy",
        "built-with-llama",
        "naming-rule",
        "notice-file",
        "integrated-end-user-product",
        "aup-incorporation",
        "mau-threshold",
        "trademark-grant",
        "derivative-ownership",
        "litigation-termination",
        "governing-law",
        "aup-eu-multimodal",
        "aup-prohibited-uses",
        "aup-disclosure-duty",
        "aup-reporting",
    }
    assert wanted <= set(_terms_by_id())


def test_the_shipped_index_gives_the_same_terms_as_the_records(terms: LicenseTerms) -> None:
    """The CLI's terms (read from the compiled index, no YAML) equal those read from facts/."""
    from llama4ref.compliance.terms import shipped_license_terms

    assert shipped_license_terms() == terms
    assert len(terms.agreement_anchors) > 5 and len(terms.aup_anchors) > 3


def test_missing_records_raise_data_error(tmp_path: Path) -> None:
    """A tree without the license sheet gives a DataError, not a traceback."""
    with pytest.raises(DataError):
        load_license_terms(tmp_path)


def test_checklist_orders_terms_as_the_documents_do() -> None:
    """`llama4ref license` lists the agreement's clauses in section order, then the policy's, each with its rule."""
    from llama4ref.compliance.checklist import checklist
    from llama4ref.records.models import LicenseTerm

    records = [LicenseTerm.model_validate(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in TERM_FILES]
    items = checklist(records)
    assert len(items) == len(records)
    assert [i.section for i in items[:3]] == ["Heading", "Preamble", "1.a"]
    assert items[-1].document == "acceptable-use-policy" and items[-1].section == "Reporting"
    assert {i.rule for i in items if i.automated} == {
        "L4-LICENSE-COPY",
        "L4-ATTRIBUTION",
        "L4-NAME-PREFIX",
        "L4-NOTICE",
        "L4-AUP",
    }
    assert all(i.severity == RULES[i.rule].severity for i in items if i.rule)
