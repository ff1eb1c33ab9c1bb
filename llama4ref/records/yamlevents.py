"""Checks read from the YAML parser's event stream, where composed nodes cannot answer.

An alias *is* its anchor's node once composed, so where an alias was written is only in the
events; and a document nested past libyaml's own limit composes to nothing at all. Events are
streamed, never expanded or composed, so neither check costs more than the document's length.
"""

from __future__ import annotations

from typing import Any

from llama4ref.diagnostics import Diagnostic, Position


def depth_bound(text: str) -> int:
    """An upper bound on how deep ``text`` nests (the root is 0), from counting characters alone.

    Every flow level opens with ``[`` or ``{``; a block level either opens on the line with an
    indicator (``-``, ``?``, ``:``) or encloses the line from an earlier one at an indentation no
    deeper than the line's (at most two levels per column: a sequence may sit at its mapping's
    indentation). The bound is loose, and only decides whether to look before composing.
    """
    opens = text.count("[") + text.count("{")
    deepest = 0
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        deepest = max(deepest, 2 * (indent + 1) + line.count("-") + line.count("?") + line.count(":"))
    return opens + deepest + 1


def first_too_deep(file: str, text: str, max_depth: int, loader: Any) -> Diagnostic | None:
    """The first value nested deeper than ``max_depth``, found from parser events.

    Depth is counted as the loader's builder counts it (the root is 0; a mapping key is not a
    level of its own), so a document reports the same node whether or not composing it
    failed. None when the document breaks (or ends) before any value is that deep. Called with
    the text up to where composing failed, the value is found with libyaml's speed and before
    libyaml's own limit (its scanner looks ahead, so on the whole text it fails before any event).
    """
    yaml = _yaml()
    starts = (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
    stack: list[list[int]] = []  # per open collection: [is a mapping, children seen, inside a key]
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                continue
            if not isinstance(event, starts):
                continue
            in_key = 0
            if stack:
                top = stack[-1]
                in_key = int(top[2] or (top[0] and top[1] % 2 == 0))
                top[1] += 1
            if not in_key and len(stack) > max_depth:
                mark = event.start_mark
                return Diagnostic(
                    file, Position(mark.line + 1, mark.column + 1), "L4R-Y009", f"nesting deeper than {max_depth} levels"
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                stack.append([int(isinstance(event, yaml.MappingStartEvent)), 0, in_key])
    except yaml.YAMLError:
        return None
    return None


def anchor_diagnostics(file: str, text: str, loader: Any) -> list[Diagnostic]:
    """One diagnostic per anchor, where it is defined, counting its aliases.

    The composed nodes do not say where an alias was written (an alias *is* its anchor's
    node), so the offending file is read again as events. Aliases are never expanded, so a
    "billion laughs" document costs no more than its own length.
    """
    yaml = _yaml()
    defined: dict[str, Position] = {}
    uses: dict[str, int] = {}
    for event in yaml.parse(text, Loader=loader):
        anchor = getattr(event, "anchor", None)
        if anchor is None:
            continue
        if isinstance(event, yaml.AliasEvent):
            uses[anchor] = uses.get(anchor, 0) + 1
        else:
            defined.setdefault(anchor, Position(event.start_mark.line + 1, event.start_mark.column + 1))
    return [
        Diagnostic(
            file, pos, "L4R-Y008", f"anchor &{name} ({n} alias{'' if n == 1 else 'es'}) is not allowed: write the values out"
        )
        for name, pos in defined.items()
        for n in [uses.get(name, 0)]
    ]


def _yaml() -> Any:
    import yaml  # imported lazily: only validation and index building read YAML

    return yaml
