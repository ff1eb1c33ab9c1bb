"""SARIF 2.1.0 output: valid against the OASIS schema and shaped as GitHub code scanning expects.

``sarif-schema-2.1.0.json`` beside this file is the OASIS SARIF 2.1.0 (errata 01) JSON schema,
copied unchanged from github.com/oasis-tcs/sarif-spec, path
``sarif-2.1/schema/sarif-schema-2.1.0.json`` at commit e0583813964ec43cea53b6b531b402866095ed1f
(identical to ``Schemata/sarif-schema-2.1.0.json`` at ffa72eb4d4d7504ac43736489b0444aff7afdd74,
"Update the github copies of the schemata to match the Approved Errata"). No PyPI package
listed in the environment ships the schema file (sarif-om, sarif-tools and sarif-pydantic were
checked), so it is kept here as test data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from llama4ref.compliance import RULES, LicenseTerms, check_repo, to_sarif

from .conftest import FIXTURES

SCHEMA_PATH = Path(__file__).resolve().parent / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def _all_reports(terms: LicenseTerms) -> list[Any]:
    return [check_repo(p, terms) for p in sorted(FIXTURES.iterdir()) if p.is_dir()]


def test_schema_file_is_the_oasis_errata_schema() -> None:
    """The committed schema is the SARIF 2.1.0 (errata 01) schema from OASIS."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["id"] == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_each_fixture_report_validates(terms: LicenseTerms, validator: jsonschema.Draft4Validator, fixture: str) -> None:
    """Every fixture's SARIF log is valid SARIF 2.1.0 and survives a JSON round trip."""
    log = to_sarif(check_repo(FIXTURES / fixture, terms), tool_version="0.1.0", uri_prefix=f"models/{fixture}/")
    validator.validate(json.loads(json.dumps(log)))


def test_results_are_what_code_scanning_needs(terms: LicenseTerms) -> None:
    """Each result names a listed rule by id and index, has a level, a message and one relative location."""
    log = to_sarif(_all_reports(terms), tool_version="0.1.0")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    assert run["results"], "the fixtures have findings"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        assert not artifact["uri"].startswith("/") and artifact["uriBaseId"] == "%SRCROOT%"
        assert location["physicalLocation"].get("region", {"startLine": 1})["startLine"] >= 1
        assert result["properties"]["license-section"]


def test_rules_carry_the_license_section(terms: LicenseTerms) -> None:
    """Every rule's SARIF descriptor has its section, default level and help text."""
    rules = to_sarif([], tool_version="0.1.0")["runs"][0]["tool"]["driver"]["rules"]
    notice = next(r for r in rules if r["id"] == "L4-NOTICE")
    assert notice["properties"]["license-section"] == "1.b.iii"
    assert notice["defaultConfiguration"]["level"] == "error"
    assert "1.b.iii" in notice["fullDescription"]["text"]


def test_uri_prefix_points_into_the_scanned_repository(terms: LicenseTerms) -> None:
    """With a prefix, result paths are relative to the repository root that code scanning sees."""
    report = check_repo(FIXTURES / "card-license-conflict", terms)
    results = to_sarif(report, tool_version="0.1.0", uri_prefix="models/x/")["runs"][0]["results"]
    (result,) = [r for r in results if r["ruleId"] == "L4-CARD-LICENSE"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "models/x/README.md"
    assert location["region"] == {"startLine": 4}


def test_empty_log_is_valid(validator: jsonschema.Draft4Validator) -> None:
    """A run with no findings is still a valid log with every rule listed."""
    validator.validate(to_sarif([], tool_version="0.1.0"))


def test_validator_rejects_a_broken_log(validator: jsonschema.Draft4Validator) -> None:
    """The schema check has teeth: a result without a message is rejected."""
    log = to_sarif([], tool_version="0.1.0")
    log["runs"][0]["results"] = [{"ruleId": "L4-NOTICE", "level": "fatal"}]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate(log)


def test_uris_are_root_relative_encoded_and_fingerprinted(terms: LicenseTerms, tmp_path: Path) -> None:
    """URIs are relative to the repository root, percent-encoded, never absolute or '../'; results carry
    partialFingerprints; a missing NOTICE points at the checked directory with no region."""
    from llama4ref.compliance.sarif import OutsideRootError, find_root, root_relative

    (tmp_path / ".git").mkdir()
    repo = tmp_path / "models" / "my model#1"
    repo.mkdir(parents=True)
    (repo / "README.md").write_text((FIXTURES / "missing-notice" / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert find_root(repo) == tmp_path
    prefix = root_relative(repo, find_root(repo))
    log = to_sarif(check_repo(repo, terms), tool_version="0.1.0", uri_prefix=prefix)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "L4-NOTICE"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "models/my%20model%231/"
    assert "region" not in location
    assert len(result["partialFingerprints"]["llama4ref/v1"]) == 64
    with pytest.raises(OutsideRootError):
        root_relative(tmp_path.parent, tmp_path)


def test_fingerprint_survives_a_moved_line(terms: LicenseTerms, tmp_path: Path) -> None:
    """The same finding on another line keeps its fingerprint."""
    card = FIXTURES / "card-license-conflict" / "README.md"
    text = card.read_text(encoding="utf-8")
    moved = tmp_path / "README.md"
    moved.write_text(text.replace("---\n", "---\nlanguage: en\n", 1), encoding="utf-8")

    def fingerprint(path: Path) -> tuple[str, int]:
        (result,) = [
            r
            for r in to_sarif(check_repo(path, terms), tool_version="0")["runs"][0]["results"]
            if r["ruleId"] == "L4-CARD-LICENSE"
        ]
        return result["partialFingerprints"]["llama4ref/v1"], result["locations"][0]["physicalLocation"]["region"]["startLine"]

    (a, line_a), (b, line_b) = fingerprint(card), fingerprint(moved)
    assert a == b and line_b == line_a + 1
