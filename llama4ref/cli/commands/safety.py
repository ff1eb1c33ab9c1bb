"""The safety command (a module-level function; :func:`register` attaches it to the app)."""

from __future__ import annotations

from typing import Annotated

import typer

from llama4ref.cli.options import JsonOpt
from llama4ref.cli.output import console, emit_json


def safety(
    full: Annotated[bool, typer.Option("--full", help="Every fact, not just the summary screen.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """Intended use, safeguards (model and system level), evaluations and reported figures, each sourced.

    Bounds are shown as bounds: "< 2%" is an upper bound, never a point value.

    Example: llama4ref safety
    """
    import llama4ref
    from llama4ref.domain.safety import safety_sections, to_json, tools

    kb = llama4ref.knowledge_base()
    sections = safety_sections(kb)
    if json_out:
        emit_json("safety", {"sections": to_json(sections)})
        return
    from llama4ref.cli.render import safety as render_safety

    render_safety.safety(console(), sections, tools(kb), full=full)


def register(app: typer.Typer) -> None:
    """Attach the safety command to ``app``."""
    app.command()(safety)
