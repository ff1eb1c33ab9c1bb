"""The README's set-up commands are the ones CI runs."""

from __future__ import annotations

import re

from tests.conftest import REPO


def _blocks(text: str) -> list[str]:
    return re.findall(r"```sh\n(.*?)\n```", text, re.S)


def test_readme_has_the_two_setup_commands() -> None:
    """The first two shell blocks install and run `llama4ref show scout`, then install the test extras and run pytest."""
    run, test = _blocks((REPO / "README.md").read_text(encoding="utf-8"))[:2]
    assert run.endswith("pip install . && llama4ref show scout")
    assert test.endswith("pip install -e '.[test]' && python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run installs the test extras and runs pytest exactly as the README says."""
    test = _blocks((REPO / "README.md").read_text(encoding="utf-8"))[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    install_and_test = test.split("&& ", 2)[2]  # after creating and activating the venv
    assert install_and_test.replace("pip install", "python -m pip install -q").replace("pytest", "pytest -q") in ci
