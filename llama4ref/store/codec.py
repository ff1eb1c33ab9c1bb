"""How an answer (:mod:`llama4ref.store.answers`) is read from the index and written as JSON:
one reader and one writer per answer type, made from its fields.

A field is read and written as it is held (a string, a number, a JSON value) unless its type
declares a codec for it with :func:`declare`: a date (:data:`DATE`), a tuple (:data:`TUPLE`),
a read-only mapping (:data:`MAPPING`), nested answers (:func:`many`, :func:`maybe`). From the
fields and codecs, :func:`build` and :func:`as_json` generate, once per type, the function a
hand-written ``from_index`` or ``to_json`` would be (so they cost no more than one), and
:func:`as_stored` writes an answer as the index stores it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, TypeVar

_T = TypeVar("_T")


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _iso(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]
"""How one field is read from the index (or JSON) and written back as JSON."""

DATE: Codec = (_date, _iso)
TUPLE: Codec = (tuple, list)
MAPPING: Codec = (lambda raw: MappingProxyType(dict(raw)), dict)


def many(answer: Any) -> Codec:
    """A tuple of nested answers (a JSON list of their shapes)."""
    return (lambda raw: tuple(answer.from_index(x) for x in raw), lambda value: [x.to_json() for x in value])


def maybe(answer: Any) -> Codec:
    """A nested answer or None."""
    return (
        lambda raw: None if raw is None else answer.from_index(raw),
        lambda value: None if value is None else value.to_json(),
    )


_CODECS: dict[type, dict[str, Codec]] = {}
"""The fields of each answer type that are not written in JSON as they are held (see :func:`declare`)."""


def declare(answer: type, **fields: Codec) -> None:
    """Declare how the fields of ``answer`` that are not JSON as held are read and written."""
    _CODECS[answer] = fields


_READERS: dict[type, Callable[[Mapping[str, Any]], Any]] = {}


def build(cls: Callable[..., _T], raw: Mapping[str, Any]) -> _T:
    """An answer from its index (or JSON) form: every field of ``cls`` that ``raw`` holds, read
    through its codec when it has one; absent fields take their defaults; other keys are ignored."""
    read = _READERS.get(cls) or _reader(cls)  # type: ignore[call-overload]
    answer: _T = read(raw)
    return answer


def _reader(cls: Any) -> Callable[[Mapping[str, Any]], Any]:
    """The function that builds a ``cls`` from a mapping, made once per type: each field read by
    name (its default when absent), through its codec if it has one."""
    codecs = _CODECS.get(cls, {})
    defaults: Mapping[str, Any] = cls._field_defaults
    env: dict[str, Any] = {"new": tuple.__new__, "cls": cls}
    items = []
    for name in cls._fields:
        got = f"raw[{name!r}]"
        if name in codecs:
            env[f"read_{name}"] = codecs[name][0]
            got = f"read_{name}({got})"
        if name in defaults:
            env[f"default_{name}"] = defaults[name]
            got = f"({got} if {name!r} in raw else default_{name})"
        items.append(got)
    exec(f"def read(raw):\n    return new(cls, ({', '.join(items)},))\n", env)  # our own field names only
    read: Callable[[Mapping[str, Any]], Any] = env["read"]
    _READERS[cls] = read
    return read


_WRITERS: dict[tuple[type, tuple[str, ...] | None], Callable[[Any], Any]] = {}


def _writer(cls: Any, order: tuple[str, ...] | None) -> Callable[[Any], Any]:
    """The function that writes a ``cls`` as JSON, made once per type and field order: one dict
    display naming every field, each read by position and written through its codec if it has
    one (as fast as writing it out by hand, which is what it does)."""
    codecs = _CODECS.get(cls, {})
    fields: tuple[str, ...] = cls._fields
    env: dict[str, Any] = {}
    items = []
    for name in order or fields:
        i = fields.index(name)
        if name in codecs:
            env[f"write_{name}"] = codecs[name][1]
            items.append(f"{name!r}: write_{name}(answer[{i}])")
        else:
            items.append(f"{name!r}: answer[{i}]")
    exec(f"def write(answer):\n    return {{{', '.join(items)}}}\n", env)  # our own field names only
    write: Callable[[Any], Any] = env["write"]
    _WRITERS[(cls, order)] = write
    return write


def as_json(answer: Any, order: tuple[str, ...] | None = None) -> Any:
    """Every field of ``answer`` as JSON (written through its codec when it has one), in
    ``order`` or else field order."""
    write = _WRITERS.get((type(answer), order)) or _writer(type(answer), order)
    return write(answer)


def _plain(value: Any) -> Any:
    if type(value) is date:
        return value.isoformat()
    if type(value) is MappingProxyType:
        return dict(value)
    return value


def _stored(value: Any) -> Any:
    if type(value) is tuple:
        return [_stored(v) for v in value]
    if isinstance(value, tuple):  # a nested answer
        return as_stored(value)
    return _plain(value)


def as_stored(answer: Any, *, first: str | None = None) -> Any:
    """``answer`` as the index stores it: fields at their default left out, keys sorted
    (``first``, when given, comes before the others)."""
    defaults: Mapping[str, Any] = answer._field_defaults
    out = {} if first is None else {first: getattr(answer, first)}
    for name in sorted(answer._fields):
        value = getattr(answer, name)
        if name != first and not (name in defaults and value == defaults[name]):
            out[name] = _stored(value)
    return out
