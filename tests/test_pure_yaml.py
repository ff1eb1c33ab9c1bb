"""The strict loader's tests, run again without libyaml: where PyYAML has no C binding the loader
composes with PyYAML's pure-Python parser, and must refuse and report the same things."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO

PURE = REPO / "tests" / "pure_yaml"  # a sitecustomize that hides yaml._yaml
LOADER_TESTS = ["tests/test_yamlload.py", "tests/test_tree.py", "tests/test_hostile.py"]
LIBYAML_ONLY = [
    # libyaml reads the tab inside the plain scalar and the loader names U+0009 (L4R-Y016); the
    # pure-Python scanner refuses the document first (L4R-Y003): refused both ways, reported differently.
    "tests/test_yamlload.py::test_control_and_bidi_characters_refused[v: a\\tb\\n-U+0009]",
]


def _env() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(PURE), os.environ.get("PYTHONPATH", "")) if p)
    return os.environ | {"PYTHONPATH": path}


def test_loader_tests_pass_with_the_pure_python_parser() -> None:
    """tests/test_yamlload.py, test_tree.py and test_hostile.py pass with libyaml hidden (checked first)."""
    probe = "import yaml; print(yaml.__with_libyaml__, hasattr(yaml, 'CSafeLoader'))"
    hidden = subprocess.run([sys.executable, "-c", probe], env=_env(), capture_output=True, text=True, check=True, cwd=REPO)
    assert hidden.stdout.split() == ["False", "False"]
    deselect = [arg for test in LIBYAML_ONLY for arg in ("--deselect", test)]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *deselect, *LOADER_TESTS],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout
