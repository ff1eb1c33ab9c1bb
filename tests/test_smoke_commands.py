"""The smoke run CI makes of every command (tests/smoke_commands.py) covers them all, and bad paths are usage errors."""

from __future__ import annotations

from tests.conftest import run_cli
from tests.smoke_commands import OVERRIDES, leaf_commands, plan


def test_every_command_has_a_smoke_invocation() -> None:
    """Each command of the CLI has a help example or an override, so CI runs every one of them."""
    runs, missing = plan()
    assert missing == []
    assert {r.command for r in runs} == set(leaf_commands())


def test_overrides_name_existing_commands() -> None:
    """No override outlives its command."""
    assert set(OVERRIDES) <= set(leaf_commands())


def test_missing_directory_is_a_usage_error() -> None:
    """A directory argument that does not exist is exit 2 with a message, not a traceback."""
    res = run_cli("verify-quotes", "/nonexistent/sources")
    assert res.code == 2
    assert res.stderr == (
        "llama4ref: error: L4R-U010 /nonexistent/sources: no such file or directory; SOURCES_DIR must be an existing directory\n"
    )


def test_only_the_invoked_command_is_built() -> None:
    """`llama4ref show …` builds only `show`; help, typos and sub-apps still see every command."""
    from llama4ref.cli import app, invoked_app

    assert [c.name or c.callback.__name__ for c in invoked_app(["show", "scout"]).registered_commands] == ["show"]
    assert invoked_app(["--help"]) is app
    assert invoked_app(["shw", "scout"]) is app
    assert invoked_app(["license", "check", "."]) is app
    assert run_cli("shw", "scout").code == 2
