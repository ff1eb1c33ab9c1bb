"""The package's layers point down (records → store → domain → export → checkers → cli), as the
import-linter contract in pyproject.toml states, and every module is inside that contract."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "llama4ref"


def _layers() -> list[str]:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["type"] == "layers"]
    return [name.strip() for layer in contract["layers"] for name in layer.split("|")]


def test_import_contract_is_kept() -> None:
    """lint-imports (import-linter) finds no import that points up a layer."""
    script = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(script), "--no-cache"], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_every_module_is_in_a_layer() -> None:
    """Each subpackage and top-level module except the facade (__init__, __main__) belongs to a
    layer, so new code cannot sit outside the contract."""
    named = set(_layers())
    found = {
        f"llama4ref.{p.stem if p.is_file() else p.name}"
        for p in PACKAGE.iterdir()
        if (p.is_dir() and (p / "__init__.py").is_file()) or (p.suffix == ".py" and p.stem not in ("__init__", "__main__"))
    }
    assert found - named == set(), "add these to a layer in pyproject.toml's [tool.importlinter]"
    assert named - found == set(), "the contract names modules that do not exist"
