"""The CLI is a thin shell: every command is a module-level function, shared options are declared once,
and the text for people is drawn in ``llama4ref.cli.render``, never in the library."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
import typer

from llama4ref.cli import app
from tests.conftest import run_cli

CLI = Path(__file__).resolve().parents[1] / "llama4ref" / "cli"


def _callbacks(typer_app: typer.Typer) -> list[object]:
    found: list[object] = [c.callback for c in typer_app.registered_commands]
    if typer_app.registered_callback is not None:
        found.append(typer_app.registered_callback.callback)
    for group in typer_app.registered_groups:
        assert group.typer_instance is not None
        found += _callbacks(group.typer_instance)
    return found


def test_every_command_is_a_module_level_function() -> None:
    """Each command (and sub-command) is importable by name from its module: none is nested in register()."""
    callbacks = _callbacks(app)
    assert len(callbacks) >= 28  # every command, the root callback and the sub-apps' callbacks
    for fn in callbacks:
        name, module = fn.__qualname__, fn.__module__  # type: ignore[attr-defined]
        assert "<locals>" not in name, name
        assert getattr(importlib.import_module(module), name) is fn


def test_a_command_runs_when_called_alone(capsys: pytest.CaptureFixture[str]) -> None:
    """A command function prints what the command line prints."""
    from llama4ref.cli.commands.knowledge import cite

    cite(["maverick.params.total"], fmt="bibtex", json_out=False)
    assert capsys.readouterr().out == run_cli("cite", "maverick.params.total", "--format", "bibtex").stdout


def test_a_command_called_alone_exits_with_its_code() -> None:
    """A usage error raised by a command function is typer's Exit with the documented code."""
    from llama4ref.cli.commands.deploy import stale

    with pytest.raises(typer.Exit) as exc:
        stale(older_than="soon", json_out=False)
    assert exc.value.exit_code == 2


@pytest.mark.parametrize("flag", ["--json", "--as-of", "--format"])
def test_shared_options_are_declared_once(flag: str) -> None:
    """``--json``, ``--as-of`` and the checkers' ``--format`` come from cli/options.py, not from each command."""
    declared = re.compile(rf"typer\.Option\(\s*\"{flag}\"[,)]")
    offenders = [p.name for p in (CLI / "commands").glob("*.py") if declared.search(p.read_text(encoding="utf-8"))]
    if flag == "--format":  # cite and export take formats of their own
        assert sorted(offenders) == ["ecosystem.py", "knowledge.py"]
    else:
        assert offenders == []
    assert declared.search((CLI / "options.py").read_text(encoding="utf-8"))


def test_the_library_formats_no_text_for_people() -> None:
    """The text forms of a diff, a listing and a citation live in cli/render; the library keeps the data."""
    from llama4ref.domain import cite, diff, listing, quotes

    assert not hasattr(diff, "report_lines") and not hasattr(cite, "as_text")
    assert not hasattr(quotes.QuoteReport, "unchecked_lines")
    import llama4ref

    found = listing.list_records(llama4ref.knowledge_base(), "sources")
    assert all(not isinstance(e, (list, str)) for e in found.items)  # typed entries, not rows of text


@pytest.mark.parametrize("kind", ["variants", "sources", "facts", "sheets", "license-terms", "identifiers"])
def test_a_listing_shows_one_row_per_record(kind: str) -> None:
    """The table of each kind has a row per record the JSON lists, and as many cells as columns."""
    import llama4ref
    from llama4ref.cli.render.listing import columns_and_rows
    from llama4ref.domain.listing import list_records

    found = list_records(llama4ref.knowledge_base(), kind)  # type: ignore[arg-type]  # a kind
    columns, rows = columns_and_rows(found)
    assert len(rows) == len(found.to_json()) > 0
    assert {len(r) for r in rows} == {len(columns)}


def test_check_claims_on_a_directory_skips_environments_and_hidden_directories(tmp_path: Path) -> None:
    """`check-claims .` judges the project's own documents: a virtual environment (a directory
    with pyvenv.cfg), a hidden one and node_modules are not entered; a file named is always read."""
    wrong = "Llama 4 Scout has 8 experts.\n"
    for name in ("docs/a.md", ".venv/lib/b.md", "env/c.md", "node_modules/pkg/d.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(wrong, encoding="utf-8")
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    r = run_cli("check-claims", str(tmp_path))
    assert r.code == 1 and r.stdout.count("L4-CLAIM-CONTRADICTED") == 1 and "docs" in r.stdout, r
    assert r.stderr.startswith("1 document(s)"), r.stderr
    r = run_cli("check-claims", str(tmp_path / "env" / "c.md"))
    assert r.code == 1 and "L4-CLAIM-CONTRADICTED" in r.stdout


def test_get_as_of_gives_the_value_known_then() -> None:
    """`get --as-of` (only `providers` had it): the value the records show was known on that date
    (Maverick's context was '1M' before the configured 1,048,576 was cited); before any source, one
    line saying since when, exit 1; --json the same value; a bad date is a usage error."""
    early = run_cli("get", "maverick.context_window.instruct", "--as-of", "2025-04-06")
    assert early.code == 0 and "known on 2025-04-06" in early.stdout and "1,000,000 (1M) tokens" in early.stdout
    data = json.loads(run_cli("get", "maverick.context_window.instruct", "--as-of", "2026-01-01", "--json").stdout)
    assert data["data"]["value"] == 1_048_576
    before = run_cli("get", "scout.release_date", "--as-of", "2025-04-01")
    assert before.code == 1 and "the first source to do so is dated 2025-04-05" in before.stdout
    group = run_cli("get", "maverick.context_window", "--as-of", "2025-04-06")
    assert group.code == 0 and "instruct: 1,000,000 (1M) tokens" in group.stdout and "base:" not in group.stdout
    assert run_cli("get", "scout.release_date", "--as-of", "april").code == 2
