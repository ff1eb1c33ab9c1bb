"""Speed and memory budgets of llama4ref, measured against floors taken in the same run (issue 7).

Run ``python benchmarks/run.py`` (see ``--help``); the README's Performance section is rendered
from ``benchmarks/published.json`` by ``python benchmarks/run.py --publish``.
"""
