"""Strict, safe YAML reading with source positions.

PyYAML's own constructors are never used: the document is composed into nodes (with
libyaml when it is installed) and this module builds plain Python data from them under one
deliberate typing policy:

* plain scalars resolve only to ``null``, ``true``/``false``, integers and floats in their
  plain decimal forms, and strings; dates are never converted (the models parse ISO
  strings);
* a plain scalar that YAML 1.1 would silently retype or that would lose characters when
  typed (``yes``, ``on``, ``0755``, ``3.10``, ``1_0.5``, ``1:20``) is an error: quote it;
* a plain or quoted scalar spanning lines (YAML folds its line breaks silently);
* duplicate keys, anchors and aliases, explicit tags, tabs in indentation, non-string keys,
  a byte-order mark, invalid UTF-8, files over :data:`MAX_FILE_BYTES` and nesting deeper
  than :data:`MAX_DEPTH` are errors;
* so are integers beyond 64 bits and floats that overflow or underflow, and any string or
  key holding a control character (but a line feed) or a bidirectional mark or override;
* a file that cannot be read is an error too, never an exception.

Every error is a :class:`~llama4ref.diagnostics.Diagnostic` with ``file:line:col`` and a
stable code.  :func:`load_yaml` returns the data with a position map so later validation
errors can point into the file too.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from llama4ref.diagnostics import Diagnostic, Position
from llama4ref.formatting import UNSAFE_TEXT
from llama4ref.records.yamlevents import anchor_diagnostics, depth_bound, first_too_deep
from llama4ref.records.yamlparser import loader_class as _loader_class

MAX_FILE_BYTES = 1_048_576
"""Files above 1 MiB are refused before parsing (no fact file comes near it)."""

MAX_DEPTH = 32
"""Maximum nesting of mappings and sequences in one document."""

_COMPOSE_SAFELY = 500
"""A document that may nest deeper than this is checked for depth before it is composed."""

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*(?:_[0-9]{3})*)")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?[1-9](?:\.[0-9]+)?[eE][-+]?[0-9]+")
_NULL = {"null", "~", ""}
_BOOL = {"true": True, "false": False}
# What YAML 1.1 (PyYAML) would turn into something other than the string you see.

Scalar = str | int | float | bool | None


class YamlError(Exception):
    """A file could not be read as a strict YAML document; carries the diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("; ".join(d.format() for d in diagnostics))
        self.diagnostics = diagnostics


Positions = dict[str, int]
"""Every node's position, packed: the node's path (its parts joined by U+001F, which YAML
cannot contain) → ``line << 32 | col``. Strings and ints are invisible to the garbage
collector and small, so a tree 100 times larger costs 100 times as much, not more
(benchmarks/)."""


def _key(loc: tuple[str | int, ...]) -> str:
    return "\x1f".join(map(str, loc))


@dataclass(frozen=True)
class LoadedYaml:
    """A parsed document and the position of every node in it, keyed by its path."""

    path: Path
    data: Any
    positions: Positions

    def position(self, loc: tuple[str | int, ...]) -> Position:
        """The position of ``loc`` or of its nearest ancestor present in the file."""
        while True:
            packed = self.positions.get(_key(loc))
            if packed is not None:
                return Position(packed >> 32, packed & 0xFFFFFFFF)
            if not loc:
                return Position(1, 1)
            loc = loc[:-1]


def _yaml() -> Any:
    import yaml  # imported lazily: only validation and index building read YAML

    return yaml


def load_yaml(path: Path, text: str | None = None) -> LoadedYaml:
    """Read ``path`` (or ``text`` on its behalf) strictly; raise :class:`YamlError`."""
    file = str(path)
    if text is None:
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise YamlError([Diagnostic(file, Position(1, 1), "L4R-Y001", f"cannot read file: {exc.strerror or exc}")]) from None
        if size > MAX_FILE_BYTES:
            raise YamlError(
                [Diagnostic(file, Position(1, 1), "L4R-Y002", f"file is {size} bytes, over the {MAX_FILE_BYTES}-byte cap")]
            )
        try:
            raw = path.read_bytes()
        except OSError as exc:  # unreadable (permissions), a directory, an I/O error
            raise YamlError([Diagnostic(file, Position(1, 1), "L4R-Y001", f"cannot read file: {exc.strerror or exc}")]) from None
        text = _decode(file, raw)
    elif len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise YamlError([Diagnostic(file, Position(1, 1), "L4R-Y002", f"document is over the {MAX_FILE_BYTES}-byte cap")])
    problems = _lexical_checks(file, text)
    if problems:
        raise YamlError(problems)
    yaml = _yaml()
    if _quick_depth_bound(text) > _COMPOSE_SAFELY and depth_bound(text) > _COMPOSE_SAFELY:
        # libyaml before 0.2.6 (PyYAML wheels before 6.0.4, many system packages) composes
        # recursively in C with no limit: tens of thousands of levels overflow the stack and
        # the process dies. Its parser is iterative, so look at the events before composing.
        too_deep = first_too_deep(file, text, MAX_DEPTH, _loader_class())
        if too_deep is not None:
            raise YamlError([too_deep])
    try:
        node = yaml.compose(text, Loader=_loader_class())
    except (yaml.YAMLError, RecursionError) as exc:
        # libyaml 0.2.6 (in PyYAML 6.0.4's wheels) stops at its own nesting limit, the
        # pure-Python composer at the recursion limit: our cap was passed first, so say where.
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        prefix = text[: mark.index] if mark is not None else text  # the deep value lies before the failure
        too_deep = first_too_deep(file, prefix, MAX_DEPTH, _loader_class())
        raise YamlError([too_deep or _invalid(file, exc)]) from None
    if node is None:
        raise YamlError([Diagnostic(file, Position(1, 1), "L4R-Y004", "empty file: expected a mapping")])
    builder = _Builder(file)
    data = builder.build(node, "", 0)
    if builder.aliased or ("&" in text and _MAYBE_ANCHOR.search(text)):  # an anchor no alias uses leaves no trace in the nodes
        builder.errors += anchor_diagnostics(file, text, _loader_class())
    if builder.errors:
        raise YamlError(sorted(builder.errors))
    return LoadedYaml(path, data, builder.positions)


_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[\]{},:\"'\ufeff])&\S", re.M)
"""Where an anchor may be: a node property starts a line or follows a separating space, a flow
indicator (``:`` too: ``{"a":&x 1}``) or a quote, and names at least one character (libyaml's
scanner reads one there even where the parser then refuses the document). "Q&A" and "A & B" in
text are not anchors, so most files with a ``&`` are not read again as events."""


def _quick_depth_bound(text: str) -> int:
    """A bound no lower than :func:`~llama4ref.records.yamlevents.depth_bound`, from whole-text counts
    (no line is indented deeper than the longest run of spaces, and no line holds more
    indicators than the text): the exact bound is computed only when this one is high."""
    indent = _longest_run(text, " ")
    indicators = text.count("-") + text.count("?") + text.count(":")
    return text.count("[") + text.count("{") + 2 * (indent + 1) + indicators + 1


def _longest_run(text: str, ch: str) -> int:
    """The length of the longest run of ``ch`` in ``text``, by substring searches (a run of n
    holds runs of every shorter length, so the longest is found by doubling, then halving)."""
    if ch not in text:
        return 0
    have, lack = 1, 2
    while ch * lack in text:
        have, lack = lack, lack * 2
    while lack - have > 1:
        mid = (have + lack) // 2
        if ch * mid in text:
            have = mid
        else:
            lack = mid
    return have


def _invalid(file: str, exc: BaseException) -> Diagnostic:
    """L4R-Y003 where PyYAML stopped (at 1:1 when it says nowhere, e.g. for a second document)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    pos = Position(mark.line + 1, mark.column + 1) if mark else Position(1, 1)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None)
    message = str(problem).strip() if problem else str(exc)
    return Diagnostic(file, pos, "L4R-Y003", f"invalid YAML: {message}")


def _decode(file: str, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raise YamlError(
            [Diagnostic(file, Position(1, 1), "L4R-Y005", "byte-order mark at start of file: save as UTF-8 without BOM")]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlError(
            [Diagnostic(file, Position(line, col), "L4R-Y006", f"invalid UTF-8 byte 0x{raw[exc.start]:02x}")]
        ) from None


def _lexical_checks(file: str, text: str) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    if text.startswith("\ufeff"):
        problems.append(
            Diagnostic(file, Position(1, 1), "L4R-Y005", "byte-order mark at start of file: save as UTF-8 without BOM")
        )
    if "\t" not in text:
        return problems
    for number, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            problems.append(
                Diagnostic(file, Position(number, line.index("\t") + 1), "L4R-Y007", "tab in indentation: indent with spaces")
            )
    return problems


class _Builder:
    """Turns composed nodes into plain data, recording positions and policy errors."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.errors: list[Diagnostic] = []
        self.positions: Positions = {}
        self._seen: set[int] = set()
        self.aliased = False  # an anchor or alias was met; yamlevents.anchor_diagnostics says where
        yaml = _yaml()
        self._mapping_node, self._sequence_node, self._scalar_node = yaml.MappingNode, yaml.SequenceNode, yaml.ScalarNode

    def _error(self, node: Any, code: str, message: str) -> None:
        mark = node.start_mark
        self.errors.append(Diagnostic(self.file, Position(mark.line + 1, mark.column + 1), code, message))

    def build(self, node: Any, loc: str, depth: int) -> Any:
        """The data of ``node``, whose path is ``loc`` (see :data:`Positions`)."""
        mark = node.start_mark
        self.positions[loc] = (mark.line + 1) << 32 | (mark.column + 1)
        seen = id(node)
        if seen in self._seen:
            # The composer shares one node object between an anchor and its aliases.
            self.aliased = True
            return None
        self._seen.add(seen)
        if depth > MAX_DEPTH:
            self._error(node, "L4R-Y009", f"nesting deeper than {MAX_DEPTH} levels")
            return None
        if getattr(node, "anchor", None):
            self.aliased = True
        if isinstance(node, self._scalar_node):  # most nodes: tested first (the three kinds are disjoint)
            return self._scalar(node)
        if isinstance(node, self._mapping_node):
            self._check_tag(node, "tag:yaml.org,2002:map")
            return self._mapping(node, loc, depth)
        if isinstance(node, self._sequence_node):
            self._check_tag(node, "tag:yaml.org,2002:seq")
            prefix = f"{loc}\x1f" if loc else ""
            return [self.build(item, f"{prefix}{i}", depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node)

    def _check_tag(self, node: Any, expected: str) -> None:
        if node.tag != expected:
            self._error(node, "L4R-Y010", f"explicit tag {node.tag!r} is not allowed")

    def _mapping(self, node: Any, loc: str, depth: int) -> dict[str, Any]:
        prefix = f"{loc}\x1f" if loc else ""
        out: dict[str, Any] = {}
        positions = self.positions
        for key_node, value_node in node.value:
            if not isinstance(key_node, self._scalar_node) or key_node.tag == "tag:yaml.org,2002:merge":
                self._error(key_node, "L4R-Y011", "mapping keys must be plain strings (no merge keys or complex keys)")
                continue
            key = key_node.value
            if not key.isprintable():  # the search is needed only then (_unsafe)
                bad = _unsafe(key)
                if bad:
                    self._error(key_node, "L4R-Y016", _unsafe_message(bad))
                    continue
            style = key_node.style
            if not style and key_node.tag != _STR:
                self._error(key_node, "L4R-Y011", f"mapping key {key!r} is not a string: quote it")
                continue
            kmark = key_node.start_mark
            if style not in ("|", ">") and kmark.line != key_node.end_mark.line:  # folded (_FOLDED)
                # found by tests/test_properties.py: a key with a NEL in it was read as a space
                self._error(key_node, "L4R-Y014", _FOLDED)
                continue
            if key in out:
                self._error(key_node, "L4R-Y012", f"duplicate key {key!r} (an earlier value would be silently lost)")
                continue
            child = f"{prefix}{key}"
            out[key] = self.build(value_node, child, depth + 1)
            positions.setdefault(f"{child}\x1f__key__", (kmark.line + 1) << 32 | (kmark.column + 1))
        return out

    def _scalar(self, node: Any) -> Scalar:
        text: str = node.value
        style = node.style
        if style not in ("|", ">") and node.start_mark.line != node.end_mark.line:  # folded (_FOLDED)
            self._error(node, "L4R-Y014", _FOLDED)
            return None
        if not text.isprintable():  # the search is needed only then (_unsafe)
            bad = _unsafe(text)
            if bad:
                self._error(node, "L4R-Y016", _unsafe_message(bad))
                return None
        if style:  # quoted or block scalar: always a string (plain is None or "" by parser)
            if node.tag != _STR:
                self._error(node, "L4R-Y010", f"explicit tag {node.tag!r} is not allowed")
            return text
        kind = _TAG_KIND.get(node.tag)
        if kind is None:
            self._error(node, "L4R-Y010", f"explicit tag {node.tag!r} is not allowed")
            return None
        if kind in ("str", "timestamp"):  # dates stay strings; the models parse ISO dates
            return text
        value = _resolve_plain(text)
        if value is _OUT_OF_RANGE:
            shown = text if len(text) <= 24 else f"{text[:12]}…({len(text)} characters)"
            self._error(
                node,
                "L4R-Y015",
                f"number {shown} is out of range: an integer must fit in 64 bits, a float must not overflow or underflow",
            )
            return None
        if value is _AMBIGUOUS_MARK or (kind == "null") != (value is None):
            self._error(
                node,
                "L4R-Y013",
                f"plain scalar {text!r} would be silently retyped by YAML 1.1 or lose characters: quote it",
            )
            return None
        return value  # type: ignore[no-any-return]


def _unsafe(text: str) -> re.Match[str] | None:
    """The first control or bidi character in a string, except a line feed (which multi-line
    text, a | block or a \\n escape, legitimately holds; the models say which fields may)."""
    if text.isprintable():  # every character UNSAFE_TEXT matches is unprintable (tests/test_yamlload.py)
        return None
    first = UNSAFE_TEXT.search(text)
    if first is None or first.group() != "\n":
        return first
    for match in UNSAFE_TEXT.finditer(text, first.end()):
        if match.group() != "\n":
            return match
    return None


def _unsafe_message(match: re.Match[str]) -> str:
    code = ord(match.group())
    kind = "a line separator" if code in (0x2028, 0x2029) else "a bidirectional control" if code > 0x9F else "a control character"
    return f"string holds U+{code:04X}, {kind}, at character {match.start() + 1}: remove it (it hides or reorders text on screen)"


_FOLDED = "a plain or quoted scalar spans lines and would be folded: use a | block or \\n escapes"
"""Line breaks inside a plain or quoted scalar (a node not in a ``|`` or ``>`` block that ends on
another line than it starts) are folded to spaces, or one of two newlines dropped: what the file
shows is not the value. A | block or escapes say what they mean."""


_STR = "tag:yaml.org,2002:str"
_TAG_KIND = {
    _STR: "str",
    "tag:yaml.org,2002:int": "int",
    "tag:yaml.org,2002:float": "float",
    "tag:yaml.org,2002:bool": "bool",
    "tag:yaml.org,2002:null": "null",
    "tag:yaml.org,2002:timestamp": "timestamp",
}


class _Mark:
    """Sentinel type for a plain scalar the policy refuses."""


_AMBIGUOUS_MARK: Any = _Mark()
_OUT_OF_RANGE: Any = _Mark()
_INT64 = 2**63


def _resolve_plain(text: str) -> Any:
    """Type a plain scalar that PyYAML classed as null/bool/int/float under our policy."""
    if text in _NULL:
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.fullmatch(text):
        digits = text.replace("_", "")
        if len(digits.lstrip("+-")) > 19:  # checked before int(), which refuses over 4300 digits
            return _OUT_OF_RANGE
        number = int(digits)
        return number if -_INT64 <= number < _INT64 else _OUT_OF_RANGE  # what SQLite and JSON readers hold
    if _FLOAT.fullmatch(text):
        mantissa = text.lower().split("e")[0].lstrip("+-")
        if mantissa.endswith("0") and not mantissa.endswith(".0"):
            return _AMBIGUOUS_MARK  # 3.10 would read as 3.1
        real = float(text)
        if not math.isfinite(real) or (real == 0 and mantissa.strip("0.")):
            return _OUT_OF_RANGE  # 1e400 would read as inf, 1e-400 as 0.0
        return real
    return _AMBIGUOUS_MARK
