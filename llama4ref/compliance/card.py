"""A model card's YAML front matter (the Hugging Face metadata block), read safely.

The block is the text between a first line ``---`` and the next line ``---`` (or ``...``).
It is parsed with PyYAML's SafeLoader (no object construction, no code), only when it is at
most :data:`MAX_FRONT_MATTER_BYTES`; nesting that exhausts the parser is an error, not a crash.
Aliases are constructed as shared references, never copied, so an alias bomb stays small;
only a few top-level keys are looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MAX_FRONT_MATTER_BYTES = 65_536
"""64 KiB: larger metadata blocks are not parsed (real cards use a few KiB)."""

_NAME_KEYS = ("model_name", "name")
"""Front-matter keys that state the model's published name (besides ``model-index`` names)."""


@dataclass(frozen=True)
class CardMeta:
    """What the checks need from a card's metadata, with 1-based line numbers in the card file."""

    data: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    names: tuple[tuple[str, int, str], ...] = ()
    problem: str | None = None
    problem_line: int = 1
    duplicates: tuple[tuple[str, int, int], ...] = ()
    """Top-level keys given more than once: (key, line of the repeat, line of the first)."""


def split_front_matter(text: str) -> tuple[str, int] | None:
    """The front-matter block and the line it starts on, or None when the card has none."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r ") != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r ") in ("---", "..."):
            return "\n".join(lines[1:i]), 2
    return "\n".join(lines[1:]), 2


def parse_card(text: str) -> CardMeta | None:
    """The card's metadata, or None when it has no front matter; problems are in ``problem``."""
    split = split_front_matter(text)
    if split is None:
        return None
    block, first_line = split
    if len(block.encode("utf-8", "surrogatepass")) > MAX_FRONT_MATTER_BYTES:
        return CardMeta(problem=f"front matter over the {MAX_FRONT_MATTER_BYTES}-byte cap: metadata not read")
    import yaml  # lazily: the name check never needs it

    loader = yaml.SafeLoader(block)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + mark.line if mark else first_line
        return CardMeta(problem=f"front matter is not valid YAML: {exc.problem or exc.context}", problem_line=line)
    except (yaml.YAMLError, RecursionError, ValueError, TypeError, OverflowError) as exc:
        return CardMeta(problem=f"front matter cannot be read: {type(exc).__name__}")
    finally:
        loader.dispose()
    if data is None or node is None:
        return CardMeta()
    if not isinstance(data, dict):
        return CardMeta(problem="front matter is not a mapping", problem_line=first_line)
    key_lines: dict[str, int] = {}
    names: list[tuple[str, int, str]] = []
    duplicates: list[tuple[str, int, int]] = []
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            continue
        line = first_line + key_node.start_mark.line
        if key in key_lines:
            duplicates.append((key, line, key_lines[key]))
        key_lines.setdefault(key, line)
        # Every value of a repeated name key is judged: YAML readers disagree on which one wins.
        if key in _NAME_KEYS and isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":str"):
            names.append((str(value_node.value), first_line + value_node.start_mark.line, key))
        if key == "model-index" and isinstance(value_node, yaml.SequenceNode):
            names.extend(_index_names(value_node, first_line))
    return CardMeta(data=data, key_lines=key_lines, names=tuple(_dedupe(names)), duplicates=tuple(duplicates))


def _index_names(seq: Any, first_line: int) -> list[tuple[str, int, str]]:
    import yaml

    out = []
    for item in seq.value[:100]:
        if not isinstance(item, yaml.MappingNode):
            continue
        for k, v in item.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "name" and isinstance(v, yaml.ScalarNode) and v.value:
                out.append((str(v.value), first_line + v.start_mark.line, "model-index"))
    return out


def _dedupe(names: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    seen: set[str] = set()
    out = []
    for entry in names:
        if entry[0] not in seen:
            seen.add(entry[0])
            out.append(entry)
    return out


def base_models(meta: CardMeta) -> list[str]:
    """The card's ``base_model`` values (a string or a list of strings)."""
    value = meta.data.get("base_model")
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value[:100] if isinstance(v, str)]
    return []


def is_llama4_model(model_id: str) -> bool:
    """Whether ``model_id`` denotes a Llama 4 model: asks :func:`llama4ref.domain.resolve.is_llama4`, the one place that decides."""
    from llama4ref.domain.resolve import is_llama4

    return is_llama4(repo_id(model_id))


@dataclass(frozen=True)
class BaseModel:
    """What the records say about one ``base_model`` value."""

    id: str
    """The repository id as written, reduced from a URL (``https://huggingface.co/org/name/tree/main``)."""
    llama4: bool | None
    """True: a Llama 4 model or a known derivative; False: another model; None: not known."""
    license: str | None
    """The license id the records give for it (``llama4``), if they give one."""
    why: str


def judge_base(value: str) -> BaseModel:
    """Whether a ``base_model`` is in the Llama 4 family, from the identifier catalog (with the
    license each entry carries) and, for other names, the resolve layer."""
    from llama4ref.domain.resolve import resolve
    from llama4ref.errors import Llama4RefError
    from llama4ref.store.loaders import knowledge_base

    model_id = repo_id(value)
    try:
        kb = knowledge_base()
        entries = kb.identifier_matches(model_id)
        licensed = [e.license for e in entries if e.license is not None]
        if licensed:
            lic = licensed[0].id
            return BaseModel(model_id, lic == "llama4", lic, f"the records give license: {lic}")
        found = resolve(kb, model_id)
    except Llama4RefError:
        return BaseModel(model_id, None, None, "not a known Llama 4 model")
    if found.family == "llama-4":
        return BaseModel(model_id, True, None, found.reason or "a Llama 4 model")
    return BaseModel(model_id, False, None, found.reason or f"a {found.family} model, not Llama 4")


def repo_id(value: str) -> str:
    """``org/name`` from a repository id or a Hub URL in any common form."""
    text = value.strip()
    text = re.sub(r"^(?:https?://)?(?:www\.)?(?:huggingface\.co|hf\.co)/", "", text, flags=re.IGNORECASE)
    text = re.sub(r"/(?:tree|blob|resolve|raw)/[^/]+(?:/.*)?$", "", text).rstrip("/")
    return text


def declares_license(meta: CardMeta, license_ids: tuple[str, ...]) -> bool | None:
    """True if the card's license is one of ``license_ids`` (or ``other`` + a matching
    ``license_name``); False if it declares another; None if it declares none."""
    value = meta.data.get("license")
    values = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    if not values:
        return None
    wanted = {_alnum(i) for i in license_ids}
    name = meta.data.get("license_name")
    for v in values:
        if _alnum(v) in wanted:
            return True
        if v.strip().lower() == "other" and isinstance(name, str) and _names_license(_alnum(name), wanted):
            return True
    return False


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _names_license(name: str, wanted: set[str]) -> bool:
    # "llama4", "llama-4-community-license", "Llama 4 Community License Agreement": the id,
    # then nothing or letters (not "llama41").
    return any(name.startswith(w) and not name[len(w) : len(w) + 1].isdigit() for w in wanted)
