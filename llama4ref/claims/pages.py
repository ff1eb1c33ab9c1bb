"""The page a document was read from: its address (given, or written in the document itself)
and the provider whose own page it is.

A provider's page states that provider's served limits, whether or not a sentence names the
provider ("Ventana de contexto: 512 000 tokens" on Oracle's documentation): a window read there
is judged against that provider's record, or left unchecked, never against the model's own.
A host is a provider's when it carries one of the provider's names (the maker's own
pages carry none).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from llama4ref.claims.subject import provider_of

if TYPE_CHECKING:
    from llama4ref.records.vocabulary import Lexicon

_FRONT_ADDRESS = re.compile(r"(?im)^(?:source|url|canonical(?:_url)?|source_url)\s*:\s*[\"']?(https?://\S+?)[\"']?\s*$")
_HTML_ADDRESS = re.compile(
    r"""(?is)<link\b[^>]*\brel=["']canonical["'][^>]*\bhref=["']([^"']+)["']"""
    r"""|<meta\b[^>]*\bproperty=["']og:url["'][^>]*\bcontent=["']([^"']+)["']"""
)


def address_in(text: str, kind: str) -> str | None:
    """The page address a document carries: a front-matter ``source:``/``url:`` line (Markdown)
    or a canonical link or ``og:url`` (HTML)."""
    if kind == "html":
        m = _HTML_ADDRESS.search(text)
        return (m.group(1) or m.group(2)) if m else None
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            m = _FRONT_ADDRESS.search("\n".join(lines[1:end]))
            return m.group(1) if m else None
    return None


def topic_of(address: str | None) -> str | None:
    """The words of a page address's path ("/news/meta-llama-4-open-source-moe" → "news meta llama
    4 open source moe"): what the page is about, read like a title above its headings."""
    if not address:
        return None
    path = urlsplit(address if "//" in address else f"//{address}").path
    words = re.sub(r"[-_/.+%]+", " ", path).strip()
    return words or None


def _host(address: str) -> str:
    """The host of a page address, with or without its scheme, less a leading ``www.`` ("" when it has none)."""
    host = urlsplit(address if "//" in address else f"//{address}").hostname or ""
    return host.removeprefix("www.")


def page_provider(address: str | None, lex: Lexicon) -> str | None:
    """The provider whose own page ``address`` is: a label of its host is one of the provider's
    one-word names ("docs.oracle.com": oracle, "console.groq.com": groq), or the host ends with a
    dotted one ("build.nvidia.com"); None when no provider or several match. Failing that, the
    provider a repository file's own path names (:func:`file_provider`)."""
    if not address:
        return None
    host = _host(address).casefold()
    found = _named(set(re.split(r"[.-]", host)), host, lex)
    if found:
        return next(iter(found)) if len(found) == 1 else None
    return file_provider(address, lex)


_REPO_FILE = re.compile(r"^/[^/]+/[^/]+/(?:blob|raw|tree)/[^/]+/(.+)$")
_FILE_EXTENSION = re.compile(r"(?i)\.(?:md|mdx|rst|txt|ya?ml|json|jsonc|toml|ts|tsx|js|mjs|py|go|rs)$")


def file_provider(address: str | None, lex: Lexicon) -> str | None:
    """The provider a document file's path names, read like a heading above it: a word of its file
    name, or the whole name of a folder it sits in, is one of the provider's one-word names
    ("docs/GROQ_RATE_LIMITS.md", "limits/groq/models.yaml"; not "karpathy-deep-oracle/"); only for a file (its name ends in a document or code extension; in a
    GitHub address, the path after the commit, so the owner and repository are not read), and
    None when no provider or several are named. A web page's slug is a topic, not a provider's page."""
    if not address:
        return None
    path = urlsplit(address if "//" in address else f"//{address}").path
    if not _FILE_EXTENSION.search(path):
        return None
    m = _REPO_FILE.match(path) if _host(address) == "github.com" else None
    segs = [s for s in (m.group(1) if m else path).casefold().split("/") if s]
    if not segs:
        return None
    words = set(re.split(r"[-_.\s]+", _FILE_EXTENSION.sub("", segs[-1]))) - {""}
    folders = set(segs[:-1]) | {re.sub(r"[-_]+", " ", s) for s in segs[:-1]}  # ("ai-foundry": the phrase "ai foundry")
    found = _named(words, "", lex) | _named(folders, "", lex)  # a folder named for a provider, whole
    return next(iter(found)) if len(found) == 1 else None


def named_providers(words: set[str], lex: Lexicon) -> set[str]:
    """The providers one of ``words`` (or one of their parts between dots, dashes and underscores) names."""
    parts = {w.casefold() for w in words} | {p for w in words for p in re.split(r"[._-]+", w.casefold()) if p}
    return _named(parts, "", lex)


def _named(labels: set[str], host: str, lex: Lexicon) -> set[str]:
    """The providers one of whose one-word names is among ``labels`` (or whose dotted name ``host`` ends with)."""
    found = set()
    for term in lex.terms:
        key = provider_of(term) if term["kind"] == "entity" else None
        if key is None:
            continue
        for name in (key, *term.get("phrases", ())):
            name = str(name).casefold()
            if ("." not in name and name in labels) or (host and "." in name and (host == name or host.endswith("." + name))):
                found.add(key)
    return found
