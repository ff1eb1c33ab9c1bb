"""The examples in the package's docstrings run, and still print what they show (module doctests)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from types import ModuleType

import pytest

import llama4ref


def _modules() -> dict[str, ModuleType]:
    names = ["llama4ref"] + [m.name for m in pkgutil.walk_packages(llama4ref.__path__, "llama4ref.")]
    # __main__ runs the CLI when imported; it holds no docstring examples
    return {name: importlib.import_module(name) for name in sorted(names) if not name.endswith(".__main__")}


MODULES = _modules()
FINDER = doctest.DocTestFinder(exclude_empty=True)
WITH_EXAMPLES = sorted(name for name, module in MODULES.items() if any(t.examples for t in FINDER.find(module, name)))


def test_the_examples_are_found() -> None:
    """The finder sees the examples the modules are known to hold (a finder that saw none would pass every test below)."""
    assert {"llama4ref", "llama4ref.export.document", "llama4ref.domain.diff", "llama4ref.printable"} <= set(WITH_EXAMPLES)


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_module_examples_run(name: str) -> None:
    """Every example in the module's docstrings prints what the docstring says it prints."""
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    failed = attempted = 0
    for test in FINDER.find(MODULES[name], name):
        result = runner.run(test, out=report.append)
        failed += result.failed
        attempted += result.attempted
    assert attempted > 0
    assert failed == 0, "".join(report)
