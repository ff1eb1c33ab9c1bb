"""A worked Llama 4 prompt built from the prompt-format and tokenizer records.

Every special token, header and layout piece comes from a fact; the example message texts
are placeholders of ours, marked as such.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from llama4ref.paths import FactPath
from llama4ref.store.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from llama4ref.store.shapes.tools import SegmentJSON, WorkedPromptJSON

EXAMPLE_TOOL = {
    "name": "get_weather",
    "description": "Get the current weather for a city (an example definition, not part of any source).",
    "parameters": {"type": "dict", "required": ["city"], "properties": {"city": {"type": "string"}}},
}


@dataclass
class Segment:
    text: str
    kind: str  # "token" (from a record), "layout" (from a record), "example" (our placeholder text)
    path: str | None = None


@dataclass
class WorkedPrompt:
    segments: list[Segment] = field(default_factory=list)
    used_paths: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)

    def to_json(self) -> WorkedPromptJSON:
        segments: list[SegmentJSON] = [{"text": s.text, "kind": s.kind, "path": s.path} for s in self.segments]
        return {"prompt": self.text, "segments": segments, "paths": self.used_paths}


def build(kb: KnowledgeBase, *, tools: bool = False, image: bool = False) -> WorkedPrompt:
    """A system + user turn (optionally with a tool definition and an image) ending at the generation prompt."""
    wp = WorkedPrompt()

    def fact(path: str) -> str:
        wp.used_paths.append(path)
        return str(kb.get(path).value)

    def token(name: str) -> None:
        path = f"prompt_format.tokens.{name}.string"
        wp.segments.append(Segment(fact(path), "token", path))

    def header(role: str) -> None:
        path = "prompt_format.message.header_template"
        wp.segments.append(Segment(fact(path).replace("{role}", role), "layout", path))

    def example(text: str) -> None:
        wp.segments.append(Segment(text, "example"))

    roles = kb.get("prompt_format.roles").value
    wp.used_paths.append("prompt_format.roles")
    assert isinstance(roles, list)
    wp.segments.append(Segment(fact("prompt_format.dialog.start"), "layout", "prompt_format.dialog.start"))
    header(str(roles[0]))
    if tools:
        syntax = fact("prompt_format.tool_calling.call_syntax")
        example(
            f"You can call functions. Reply with calls in the form {syntax}\nFunctions:\n{json.dumps([EXAMPLE_TOOL], indent=2)}"
        )
    else:
        example("You are a helpful assistant.")
    token("eot")
    header(str(roles[1]))
    if image:
        n = kb.get("multimodal.image.patch_tokens_per_tile")
        wp.used_paths += [*n.inputs]
        token("image_start")
        token("image")
        patch = fact("prompt_format.tokens.patch.string")
        wp.segments.append(Segment(patch * n.as_int(), "token", f"prompt_format.tokens.patch.string × {n.value} (derived)"))
        token("image_end")
        example("Describe this image.")
    elif tools:
        example("What is the weather in Paris?")
    else:
        example("What is the capital of France?")
    token("eot")
    wp.segments.append(
        Segment(fact("prompt_format.dialog.generation_prompt"), "layout", "prompt_format.dialog.generation_prompt")
    )
    return wp


def token_legend(kb: KnowledgeBase, wp: WorkedPrompt) -> list[tuple[str, int | None, str]]:
    """(token, id, meaning) for each special token the prompt uses, in order of first use."""
    seen: list[tuple[str, int | None, str]] = []
    tokens = FactPath("prompt_format", ("tokens",))
    names = [fp.after(tokens)[0] for fp in map(FactPath.parse, kb.paths(str(tokens), derived=False)) if fp.leaf == "string"]
    for name in names:
        tok = str(kb.get(f"prompt_format.tokens.{name}.string").value)
        if tok not in wp.text:
            continue
        id_path = f"tokenizer.special_tokens.{name}"
        tid = kb.get(id_path).value if kb.has(id_path) else None
        meaning = (
            str(kb.get(f"prompt_format.tokens.{name}.meaning").value) if kb.has(f"prompt_format.tokens.{name}.meaning") else ""
        )
        seen.append((tok, tid if isinstance(tid, int) else None, meaning))
    return sorted(seen, key=lambda t: wp.text.index(t[0]))
