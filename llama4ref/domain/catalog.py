"""LiteLLM catalog releases: fetched through the package registry, read for their Llama 4 entries.

LiteLLM ships its model cost and context-window map inside every wheel
(``litellm/model_prices_and_context_window_backup.json``). A release is downloaded with
``pip download --no-deps`` into a cache directory (``--find-links DIR`` serves wheels from a
local directory instead of the index, as the tests do), its map is read, and every entry whose
key names a Llama 4 model is kept together with the exact JSON text of each of its lines, so a
citation can quote the catalog character for character.

Opt-in and for maintainers: only ``llama4ref refresh`` imports this module.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from llama4ref.errors import Llama4RefError, UsageError

PACKAGE = "litellm"
MAP_PATH = "litellm/model_prices_and_context_window_backup.json"
"""Where the map lies inside the wheel (and in the repository: the source records' ``path``)."""
MAP_FILE = MAP_PATH.rsplit("/", 1)[-1]
INDEX_JSON = "https://pypi.org/simple/{name}/"
"""The index's JSON project page (PEP 691); its ``upload-time`` (PEP 700) dates a release."""

_KEY_LINE = re.compile(r'^ {4}"((?:[^"\\]|\\.)*)": \{(?:\},?)?$')
_FIELD_LINE = re.compile(r'^ {8}"((?:[^"\\]|\\.)*)": ')
_VERSION = re.compile(r"^[0-9]+(?:\.[0-9]+)*(?:\.post[0-9]+)?$")


class CatalogError(Llama4RefError):
    """A catalog release that cannot be fetched or read: pip fails, the wheel or its map is not
    what a LiteLLM release holds."""

    code = "L4R-U014"


@dataclass(frozen=True)
class Release:
    """One catalog release's Llama 4 entries, with the exact text of each entry's lines."""

    version: str
    wheel: str
    sha256: str
    published: date | None
    entries: dict[str, dict[str, Any]]
    lines: dict[str, dict[str, str]] = field(repr=False)
    """key → field → the field's line as written (without indentation); ``""`` → the key's line."""

    @property
    def label(self) -> str:
        """The release as the source records name it (``litellm 1.110.2``)."""
        return f"{PACKAGE} {self.version}"

    @property
    def name(self) -> str:
        """The release in prose (``LiteLLM 1.110.2``)."""
        return f"LiteLLM {self.version}"

    def quote(self, key: str, name: str | None = None) -> str:
        """The catalog's own text for an entry's key line (``name`` None) or one of its fields."""
        return self.lines[key]["" if name is None else name]


def version_key(version: str) -> tuple[int, ...]:
    """Release order for plain ``X.Y.Z`` (and ``.postN``) versions, as LiteLLM publishes them."""
    return tuple(int(p) for p in re.findall(r"[0-9]+", version))


_NAMING_WORDS = ("llama", "scout", "maverick", "behemoth")
"""The parser reads a key as Llama 4 only when it says "llama" or names a variant: an ASCII key
with none of these words is not parsed (most of a catalog's 2,500 keys)."""


def is_llama4(key: str) -> bool:
    """True when a catalog key names a Llama 4 model (by the resolver's parser)."""
    if key.isascii() and not any(w in key.lower() for w in _NAMING_WORDS):
        return False
    from llama4ref.domain.resolve import parse

    found = parse(key)
    return found is not None and found.family == "llama-4"


def read_map(text: str) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, str]]]:
    """The Llama 4 entries of a map's JSON text and the text of their lines.

    The map is written one entry key per line (four spaces in) and one field per line (eight
    spaces in); a field whose value spans lines (a list, a mapping) is kept by its first line.
    """
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise CatalogError(f"{MAP_FILE}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise CatalogError(f"{MAP_FILE}: expected a JSON object of entries")
    entries = {k: v for k, v in data.items() if isinstance(v, dict) and is_llama4(k)}
    lines: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for raw in text.splitlines():
        if m := _KEY_LINE.match(raw):
            key = json.loads(f'"{m[1]}"')
            current = lines.setdefault(key, {"": raw.strip()}) if key in entries else None
        elif current is not None and (m := _FIELD_LINE.match(raw)):
            current.setdefault(json.loads(f'"{m[1]}"'), raw.strip())
    missing = sorted(k for k in entries if k not in lines)
    if missing:
        raise CatalogError(f"{MAP_FILE}: entry {missing[0]!r} is not written one key per line as expected")
    return entries, lines


def read_wheel(wheel: Path, published: date | None = None) -> Release:
    """Read a LiteLLM wheel's map; the version comes from the wheel's file name."""
    version = wheel.name.split("-")[1] if wheel.name.count("-") >= 2 else ""
    if not _VERSION.match(version):
        raise CatalogError(f"{wheel.name}: not a {PACKAGE} wheel name")
    try:
        with zipfile.ZipFile(wheel) as zf:
            text = zf.read(MAP_PATH).decode("utf-8")
    except KeyError:
        raise CatalogError(f"{wheel.name} has no {MAP_PATH}") from None
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise CatalogError(f"{wheel.name}: cannot read the wheel ({exc})") from None
    entries, lines = read_map(text)
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    return Release(version, wheel.name, digest, published, entries, lines)


def _pip(args: list[str], find_links: Path | None) -> str:
    cmd = [sys.executable, "-m", "pip", *args, "--disable-pip-version-check"]
    if find_links is not None:
        cmd += ["--no-index", "--find-links", str(find_links)]
    try:
        done = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=900)  # fixed argv, no shell
    except subprocess.CalledProcessError as exc:
        errors = [ln for ln in (exc.stderr or "").splitlines() if ln.startswith("ERROR")]
        raise CatalogError(f"pip {args[0]} failed: {(errors or ['see pip output'])[-1]}") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CatalogError(f"pip {args[0]} failed: {exc}") from None
    return done.stdout


def latest_version(find_links: Path | None = None) -> str:
    """The newest release the index (or the ``find_links`` directory) serves."""
    out = _pip(["index", "versions", PACKAGE], find_links)
    m = re.search(rf"^{PACKAGE} \(([^)]+)\)", out, re.M)
    if not m:
        raise CatalogError(f"the package index named no {PACKAGE} release")
    return m[1]


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "llama4ref" / "catalogs"


def download(version: str, cache: Path, find_links: Path | None = None) -> Path:
    """The wheel of ``litellm==version`` in ``cache`` (downloaded with pip unless already there)."""
    if not _VERSION.match(version):
        raise UsageError(f"--litellm needs a release number like 1.110.2 or 'latest', got {version!r}")
    into = cache / f"{PACKAGE}-{version}"
    found = sorted(into.glob(f"{PACKAGE}-{version}-*.whl"))
    if not found:
        into.mkdir(parents=True, exist_ok=True)
        _pip(["download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", str(into), f"{PACKAGE}=={version}"], find_links)
        found = sorted(into.glob(f"{PACKAGE}-{version}-*.whl"))
    if not found:
        raise CatalogError(f"pip produced no wheel for {PACKAGE}=={version}")
    return found[0]


def upload_date(wheel: str, find_links: Path | None = None) -> date | None:
    """When the index received ``wheel`` (PEP 700 ``upload-time``); None from a local directory or offline."""
    if find_links is not None:
        return None
    from urllib.error import URLError
    from urllib.request import Request, urlopen

    request = Request(INDEX_JSON.format(name=PACKAGE), headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    try:
        with urlopen(request, timeout=60) as response:  # the registry's own JSON page, as pip reads it
            files = json.load(response).get("files", [])
    except (URLError, OSError, ValueError):
        return None
    for f in files:
        if f.get("filename") == wheel and isinstance(f.get("upload-time"), str):
            return date.fromisoformat(f["upload-time"][:10])
    return None


def fetch_release(version: str, cache: Path | None = None, find_links: Path | None = None) -> Release:
    """Download (or reuse from the cache) and read one LiteLLM release; ``latest`` asks the index."""
    if version == "latest":
        version = latest_version(find_links)
    wheel = download(version, cache or default_cache(), find_links)
    return read_wheel(wheel, upload_date(wheel.name, find_links))
