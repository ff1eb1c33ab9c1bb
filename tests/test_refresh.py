"""refresh providers: catalog releases built here, served from a local directory (no network).

The baseline release is rebuilt from the real records' own quotes of the LiteLLM release they
cite, so the fixture agrees with the records line for line; the "new" release changes it.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from llama4ref.domain import catalog, refresh
from llama4ref.records.yamlload import load_yaml
from llama4ref.records.yamlwrite import document
from tests.conftest import REPO, run_cli
from tests.json_envelopes import checked_kind

NEW = "1.200.0"


def make_wheel(directory: Path, version: str, entries: dict[str, dict[str, Any]]) -> Path:
    """A wheel holding only the map, written as LiteLLM writes it (four-space JSON)."""
    wheel = directory / f"litellm-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        zf.writestr(catalog.MAP_PATH, json.dumps(entries, indent=4, sort_keys=True) + "\n")
        zf.writestr(f"litellm-{version}.dist-info/METADATA", f"Metadata-Version: 2.1\nName: litellm\nVersion: {version}\n")
        zf.writestr(f"litellm-{version}.dist-info/WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        zf.writestr(f"litellm-{version}.dist-info/RECORD", "")
    return wheel


def baseline_entries(facts: Path) -> tuple[str, dict[str, dict[str, Any]]]:
    """The baseline release's entries as the records quote them (every cited key and field)."""
    tree, _ = refresh.load_store(facts)
    base = refresh.baseline_version(tree)
    assert base is not None
    entries: dict[str, dict[str, Any]] = {}
    for link in refresh.links(tree):
        if link.version != base:
            continue
        entry = entries.setdefault(link.key, {})
        if link.field is not None:
            spec = link.record.record.facts[link.fact]
            cits = spec.citations if link.claim == 0 else spec.alternatives[link.claim - 1].citations
            entry.update(json.loads("{" + cits[link.citation].quote.rstrip(",") + "}"))
    for key, entry in entries.items():  # every real row names its provider
        if "/" in key:
            entry.setdefault("litellm_provider", key.split("/")[0])
    return base, entries


SCOUT_NEW = "acme/meta-llama/Llama-4-Scout-17B-16E-Instruct"
FIREWORKS_V2 = "fireworks_ai/accounts/fireworks/models/llama4-scout-instruct-v2"


def changed_entries(entries: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = json.loads(json.dumps(entries))
    out["lambda_ai/llama-4-scout-17b-16e-instruct"]["max_input_tokens"] = 131072  # only LiteLLM backs 16384
    out["novita/meta-llama/llama-4-scout-17b-16e-instruct"]["input_cost_per_token"] = 2e-07  # models.dev keeps 0.18
    out["meta.llama4-scout-17b-instruct-v1:0"]["max_input_tokens"] = 3500000  # now agrees with the measurement
    out["snowflake/llama4-maverick"]["deprecation_date"] = "2027-06-30"  # a new field
    del out["together_ai/meta-llama/Llama-4-Scout-17B-16E-Instruct"]
    out[FIREWORKS_V2] = out.pop("fireworks_ai/accounts/fireworks/models/llama4-scout-instruct-basic")  # renamed
    out[SCOUT_NEW] = {"litellm_provider": "acme", "max_input_tokens": 327680, "input_cost_per_token": 1e-07,
                      "output_cost_per_token": 3e-07, "mode": "chat"}  # fmt: skip
    out["acme/llama-4-scout-17b-128e-instruct"] = {"litellm_provider": "acme", "max_input_tokens": 1000}
    return out  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A wheel directory with the baseline release and a changed one, and the baseline's version."""
    wheels = tmp_path_factory.mktemp("wheels")
    base, entries = baseline_entries(REPO / "facts")
    make_wheel(wheels, base, entries)
    make_wheel(wheels, NEW, changed_entries(entries))
    return wheels, base


def test_read_map_keeps_llama4_entries_and_their_exact_lines(tmp_path: Path) -> None:
    """Only Llama 4 keys are kept; each field's quote is the map's own line, comma included."""
    wheel = make_wheel(tmp_path, "1.0.0", {"x/llama-4-scout": {"a": 1, "input_cost_per_token": 1.7e-07}, "x/gpt-4o": {"a": 2}})
    release = catalog.read_wheel(wheel)
    assert list(release.entries) == ["x/llama-4-scout"] and release.version == "1.0.0"
    assert release.quote("x/llama-4-scout") == '"x/llama-4-scout": {'
    assert release.quote("x/llama-4-scout", "a") == '"a": 1,'
    assert release.quote("x/llama-4-scout", "input_cost_per_token") == '"input_cost_per_token": 1.7e-07'
    assert refresh.stored_value("input_cost_per_token", 1.7e-07) == 0.17


def test_same_release_is_no_change(releases: tuple[Path, str], tmp_path: Path) -> None:
    """Comparing the records with the release they cite finds nothing to change: exit 0."""
    wheels, base = releases
    res = run_cli("refresh", "providers", "--litellm", base, "--find-links", str(wheels), "--cache", str(tmp_path), "--json")
    assert res.code == 0, res.stderr
    assert checked_kind(res.stdout) == "refresh"  # valid against schemas/json/refresh.schema.json
    data = json.loads(res.stdout)["data"]
    assert data["changed"] is False and data["summary"]["confirmed"] > 100


def test_changes_are_found_and_mapped_onto_records(releases: tuple[Path, str], tmp_path: Path) -> None:
    """Each kind of change names the record path it touches; exit 1; `latest` is the newest local wheel."""
    wheels, _ = releases
    res = run_cli("refresh", "providers", "--litellm", "latest", "--find-links", str(wheels), "--cache", str(tmp_path), "--json")
    assert res.code == 1, res.stderr
    assert checked_kind(res.stdout) == "refresh"  # with changes of every kind, against its schema
    found = {(c["kind"], c["path"]) for c in json.loads(res.stdout)["data"]["changes"]}
    assert ("value-changed", "providers.lambda.scout.context.max_input") in found
    assert ("value-changed", "providers.novita.scout.price.input") in found
    assert ("value-changed", "providers.bedrock.scout.context.max_input") in found
    assert ("field-added", "providers.snowflake.maverick.deprecation_date") in found
    assert ("offer-gone", "providers.together.scout") in found
    assert ("new-offer", "providers.acme.scout") in found
    assert ("no-variant", None) in found
    renamed = [c for c in json.loads(res.stdout)["data"]["changes"] if c["key"] == FIREWORKS_V2]
    assert [(c["kind"], c["path"]) for c in renamed] == [("new-offer", "providers.fireworks.scout")]
    assert renamed[0]["detail"].startswith("the id changed?")
    text = run_cli("refresh", "providers", "--litellm", NEW, "--find-links", str(wheels), "--cache", str(tmp_path)).stdout
    assert text.splitlines()[0].startswith(f"litellm {releases[1]} → litellm {NEW}: offers 2 new, 2 gone")
    assert "~ providers.lambda.scout.context.max_input (value-changed): 16384 → 131072" in text


def test_write_ranks_values_and_passes_validate_and_audit(releases: tuple[Path, str], tmp_path: Path) -> None:
    """--write: catalog-only values move (old one superseded), a catalog never overrides another
    source's preferred value, gone offers are marked, new offers become records; validate and audit pass."""
    import llama4ref
    from llama4ref.domain.audit import run_audit

    wheels, base = releases
    facts = tmp_path / "facts"
    shutil.copytree(REPO / "facts", facts)
    args = ["refresh", "providers", "--litellm", NEW, "--find-links", str(wheels), "--cache", str(tmp_path / "c")]
    res = run_cli(*args, "--facts", str(facts), "--write", "--data-version", "2099.01.01.1")
    assert res.code == 1 and "does not validate" not in res.stderr, res.stderr
    assert f"not written: {FIREWORKS_V2}: fireworks-scout.yaml already exists" in res.stderr
    kb = llama4ref.load(facts)
    assert [r.id for r in run_audit(kb) if not r.ok] == []
    lam = kb.get("providers.lambda.scout.context.max_input")
    assert lam.value == 131072 and (lam.alternatives[0].value, lam.alternatives[0].rank) == (16384, "superseded")
    novita = kb.get("providers.novita.scout.price.input")
    assert novita.value == 0.18 and (0.2, "alternative") in [(a.value, a.rank) for a in novita.alternatives]
    bedrock = kb.get("providers.bedrock.scout.context.max_input")
    assert bedrock.value == 3_500_000 and f"litellm-{NEW}-model-prices" in {c.source for c in bedrock.citations}
    assert kb.get("providers.snowflake.maverick.deprecation_date").value == "2027-06-30"
    assert kb.get("providers.acme.scout.context.max_input").citations[0].quote == '"max_input_tokens": 327680,'
    together = load_yaml(facts / "providers" / "together-scout.yaml").data
    assert together["title"].endswith("(removed from LiteLLM)") and f"in {NEW}" in together["note"]
    before = [c.source for c in llama4ref.get("providers.fireworks.maverick.price.input").citations]
    earliest = min((s for s in before if s.startswith("litellm-")), key=lambda s: catalog.version_key(s.split("-")[1]))
    after = [c.source for c in kb.get("providers.fireworks.maverick.price.input").citations]
    kept = [s for s in before if s == earliest or not s.startswith("litellm-")]  # unchanged: the earliest release stays
    assert after[0] == f"litellm-{NEW}-model-prices" and [s for s in after[1:] if s in kept] == kept
    assert (f"litellm-{base}-model-prices" in after) == (earliest == f"litellm-{base}-model-prices")
    assert (facts / "DATA_VERSION").read_text() == "2099.01.01.1\n"
    assert "## 2099.01.01.1 — data changes\n\n- **Providers (LiteLLM 1.200.0)**" in (facts / "CHANGELOG.md").read_text()
    again = run_cli(*args, "--facts", str(facts), "--json")  # the written tree now cites the new release
    assert again.code == 0 and json.loads(again.stdout)["data"]["baseline"]["version"] == NEW


def test_unknown_release_is_one_line_exit_2(tmp_path: Path) -> None:
    """A release the index does not serve: exit 2, one error line, no traceback."""
    res = run_cli("refresh", "providers", "--litellm", "9.9.9", "--find-links", str(tmp_path), "--cache", str(tmp_path / "c"))
    assert res.code == 2 and res.stderr.startswith("llama4ref: error: L4R-U014 pip download failed")
    assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr


@pytest.mark.parametrize("path", sorted((REPO / "facts" / "providers").glob("*.yaml")), ids=lambda p: p.stem)
def test_writer_round_trips_provider_records(path: Path) -> None:
    """What the writer emits for a record reads back as the same data under the strict loader."""
    data = load_yaml(path).data
    assert load_yaml(path, document(data)).data == data


def test_a_record_that_disagrees_with_its_release_is_reported(tmp_path: Path) -> None:
    """A baseline value that differs from what the record says it took from that release is a record-mismatch."""
    tree, kb = refresh.load_store(REPO / "facts")
    base, entries = baseline_entries(REPO / "facts")
    entries["snowflake/llama4-maverick"]["max_output_tokens"] = 12345
    release = catalog.read_wheel(make_wheel(tmp_path, base, entries))
    report = refresh.compare_releases(tree, kb, release, release)
    found = [(c.kind, c.path, c.old, c.new) for c in report.changes if c.kind == "record-mismatch"]
    assert found == [("record-mismatch", "providers.snowflake.maverick.context.max_output", 16384, 12345)]
    assert report.changed
