"""Every command's real ``--json`` output validates against the shipped schema of its kind.

The commands come from the CLI itself (tests/smoke_commands.py: each command's own example),
each run with ``--json``; so a new command, or a new kind, without a schema fails here.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import jsonschema
import pytest

from llama4ref.cli.commands.core import LIST_KINDS
from llama4ref.schemas import shipped_schema
from llama4ref.store.index import shipped_facts_dir
from llama4ref.store.shapes.kinds import KINDS
from tests.conftest import REPO, run_cli
from tests.json_envelopes import checked_kind, schema_errors
from tests.smoke_commands import plan, prepare
from tools.schemagen import all_schemas

ELSEWHERE = {"refresh providers": "tests/test_refresh.py"}
"""Commands whose --json output is checked by another module (it needs fixture wheels)."""

EXTRA = {
    **{f"list {kind}": f"list {kind}" for kind in LIST_KINDS},
    "sources (all)": "sources",
    "license (checklist)": "license",
    "validate (problems)": "validate tests/hostile/duplicate-keys/facts",
    "get (group)": "get maverick.experts",
    "ask (providers)": "ask cheapest provider for scout",
    "cite (prefix)": "cite runtime.vllm.scout.8xh100",
}
"""Invocations beyond each command's example: the other kinds a command can print."""

INVOCATIONS = {inv.command: shlex.join(inv.args) for inv in plan()[0] if inv.command not in ELSEWHERE} | EXTRA


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each invocation's stdout with ``--json``, run once in-process."""
    tmp = tmp_path_factory.mktemp("json")
    prepare(tmp)
    out = {}
    for name, line in INVOCATIONS.items():
        args = [a.format(tmp=tmp, facts=shipped_facts_dir()) for a in shlex.split(line)]
        res = run_cli(*args, "--json")
        assert res.code in (0, 1), f"{name}: exit {res.code}: {res.stderr}"
        out[name] = res.stdout
    return out


@pytest.mark.parametrize("name", sorted(INVOCATIONS))
def test_output_matches_the_schema_of_its_kind(name: str, outputs: dict[str, str]) -> None:
    """The command's --json output is one envelope whose kind has a schema, and it validates."""
    kind = checked_kind(outputs[name])
    assert kind in KINDS, f"{name} prints kind {kind!r}, which has no entry in llama4ref/store/shapes/kinds.py"


def test_every_kind_is_printed_by_some_run(outputs: dict[str, str]) -> None:
    """Every declared kind is exercised here (or by the module named in ELSEWHERE), so no schema goes untested."""
    seen = {json.loads(text)["kind"] for text in outputs.values()} | {"refresh"}
    assert seen == set(KINDS)


def test_validation_run_has_problems(outputs: dict[str, str]) -> None:
    """The extra validate run reports diagnostics, so their shape is checked, not only an empty list."""
    assert json.loads(outputs["validate (problems)"])["data"]["diagnostics"]


def test_an_undocumented_field_fails() -> None:
    """The schemas are closed: a field the shape does not declare is an error (so drift cannot hide)."""
    res = run_cli("get", "scout.params.total", "--json")
    doc = json.loads(res.stdout)
    assert schema_errors(doc) == []
    doc["data"]["citations"][0]["extra"] = 1
    assert schema_errors(doc) == ["data/citations/0: Additional properties are not allowed ('extra' was unexpected)"]


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_schemas_are_valid_and_named_by_urn(name: str) -> None:
    """Every shipped schema is a valid draft 2020-12 schema whose $id is a URN naming its file."""
    schema = shipped_schema(name)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"urn:llama4ref:schemas:{name}"


def test_wheel_ships_the_schemas() -> None:
    """pyproject puts schemas/ into the wheel as llama4ref/_schemas, where shipped_schema reads it."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]["schemas"] == "llama4ref/_schemas"
    assert {p.relative_to(REPO / "schemas").as_posix() for p in Path(REPO / "schemas").rglob("*.json")} == set(all_schemas())


def test_schemas_read_from_a_zipped_install(tmp_path: Path) -> None:
    """From a zip laid out like the wheel (llama4ref/ with _schemas/ inside), shipped_schema reads the packaged copy."""
    import subprocess
    import sys
    import zipfile

    archive = tmp_path / "llama4ref.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in (REPO / "llama4ref").rglob("*.py"):
            zf.write(path, path.relative_to(REPO).as_posix())
        for name, text in all_schemas().items():
            zf.writestr(f"llama4ref/_schemas/{name}", text.replace("urn:llama4ref:", "urn:zipped:"))
    code = "import llama4ref.schemas as s; print(s.__file__); print(s.shipped_schema('json/fact.schema.json')['$id'])"
    done = subprocess.run(
        [sys.executable, "-c", code], env={"PYTHONPATH": str(archive)}, cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [f"{archive}/llama4ref/schemas.py", "urn:zipped:schemas:json/fact.schema.json"]
