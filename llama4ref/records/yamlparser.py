"""The PyYAML loader class the strict loader composes with (llama4ref.records.yamlload).

libyaml's safe loader when PyYAML has its C binding, else the pure-Python one; either way with
tags resolved in fewer steps than PyYAML's own resolver takes, giving the same answers.
"""

from __future__ import annotations

from typing import Any


def loader_class() -> Any:
    """The loader to compose and parse with (see the module docstring)."""
    import yaml  # imported lazily: only validation and index building read YAML

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if base.yaml_path_resolvers:  # tags by position (none unless a program adds them): the full resolver
        return base
    fast = _FAST_LOADERS.get(base)
    if fast is None:
        fast = _FAST_LOADERS[base] = fast_resolving(base, yaml.ScalarNode, yaml.SequenceNode)
    return fast


_FAST_LOADERS: dict[Any, Any] = {}


def fast_resolving(base: Any, scalar_node: Any, sequence_node: Any) -> Any:
    """``base`` with PyYAML's ``BaseResolver.resolve`` in fewer steps, for a loader without path
    resolvers: the composer asks it for every node's tag (a fifth of the time libyaml takes to
    compose a tree). The same answers: the implicit resolvers of the scalar's first character, then
    the wildcard ones, in order; else the default tag of the node's kind. With no path resolvers,
    descending into the document and ascending have nothing to record."""

    def resolve(self: Any, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is scalar_node:
            if implicit[0]:
                table = self.yaml_implicit_resolvers
                for tag, regexp in table.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
                for tag, regexp in table.get(None, ()):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is sequence_node else self.DEFAULT_MAPPING_TAG

    def unrecorded(self: Any, *where: Any) -> None:
        return None

    methods = {"resolve": resolve, "descend_resolver": unrecorded, "ascend_resolver": unrecorded}
    return type(f"Fast{base.__name__}", (base,), methods)
