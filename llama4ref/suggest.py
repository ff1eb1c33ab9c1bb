"""The one "did you mean" helper: the few names closest to a mistyped one.

Every unknown-name message (fact paths, sources, engines, GPUs, prefixes, providers) offers
what this returns, never the whole list: a name matches when it is the same once case, ``_``,
``-`` and spaces are ignored (``rtx4090`` → ``rtx_4090``), else when it starts with what was
typed, else when it is close by :mod:`difflib`'s ratio. Nothing close gives an empty list, and
the message points to the listing command instead.

>>> closest("rtx4090", ["h100", "rtx_3090", "rtx_4090", "rtx_4080"])
['rtx_4090']
>>> closest("vlm", ["fastllm", "llama_cpp", "vllm", "vllm_ascend", "mlx_lm"])
['vllm']
>>> closest("grok", ["Groq", "groq", "groq_cloud"])
['Groq']
>>> closest("nothing.here", ["scout", "maverick", "runtime"])
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_SUGGESTIONS = 3
"""At most this many names are offered."""

CUTOFF = 0.6
"""The least :class:`difflib.SequenceMatcher` ratio at which a name counts as close."""

_IGNORED = re.compile(r"[\s_\-]+")


def squash(text: str) -> str:
    """``text`` compared loosely: case folded, spaces, ``_`` and ``-`` removed."""
    return _IGNORED.sub("", text.casefold())


def closest(name: str, pool: Iterable[str], n: int = MAX_SUGGESTIONS) -> list[str]:
    """The at most ``n`` names of ``pool`` closest to ``name``, closest first; [] when none is close."""
    by_key: dict[str, list[str]] = {}
    for candidate in pool:
        by_key.setdefault(squash(candidate), []).append(candidate)
    key = squash(name)
    if not key:
        return []
    if key in by_key:  # one spelling of the name (a pool may hold an id and its display name)
        return by_key[key][:1]
    keys = sorted(by_key)
    near = [k for k in keys if len(key) >= 3 and k.startswith(key)][:n]
    if len(near) < n:
        import difflib  # imported only when a name is unknown

        near += difflib.get_close_matches(key, keys, n=n, cutoff=CUTOFF)
    return [by_key[k][0] for k in dict.fromkeys(near)][:n]
