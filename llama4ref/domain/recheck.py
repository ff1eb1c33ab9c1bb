"""Re-check the whole store from the network: download every pinned source and compare it with its lock.

    llama4ref verify-quotes --fetch [--cache DIR]

Each source is fetched the way it is pinned: a file in a git repository at its commit (the raw
file), a file inside a package release (the wheel or sdist from the package index, its sha256 checked
against the index's, then the file extracted), or a page at its address (HTML reduced to
text). The bytes land in ``DIR/<source-id><suffix>``, where ``verify-quotes`` reads them. When the
record carries ``sha256`` (the lock: the file as pinned), a different download is reported as
drift. Sources that are not one fetchable document (a repository tree) are listed as skipped.

The addresses default to GitHub's raw file host and PyPI's simple index; the environment
variables ``LLAMA4REF_RAW_BASE`` and ``LLAMA4REF_INDEX_BASE`` point them at a mirror (the tests
point them at a local server). Opt-in: nothing else in llama4ref touches the network.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import tarfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin
from urllib.request import Request, urlopen

from llama4ref.records.models import Source
from llama4ref.records.tree import load_tree

RAW_BASE = "https://raw.githubusercontent.com"
INDEX_BASE = "https://pypi.org/simple"
PYPI_RELEASE = re.compile(r"^https://pypi\.org/project/(?P<name>[A-Za-z0-9._-]+)/(?P<version>[A-Za-z0-9._+!-]+)/?$")
_TIMEOUT = 60


@dataclass(frozen=True)
class Fetched:
    source: str
    status: str  # "ok", "drift" (differs from the lock), "failed" (could not download), "skipped"
    detail: str

    def line(self) -> str:
        return f"{self.status}: {self.source}  {self.detail}"


def package_of(src: Source) -> tuple[str, str, str] | None:
    """(package, version, file inside the wheel) when a package release ships the cited file."""
    if src.package is not None:
        return src.package.name, src.package.version, src.package.path
    m = PYPI_RELEASE.match(src.url)
    if m and src.path:
        return m["name"], m["version"], src.path.removeprefix("src/")
    return None


def _get(url: str, accept: str | None = None) -> bytes:
    headers = {"User-Agent": "llama4ref-recheck"} | ({"Accept": accept} if accept else {})
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"not a web address: {url}")
    with urlopen(Request(url, headers=headers), timeout=_TIMEOUT) as resp:  # scheme checked above
        data: bytes = resp.read()
    return data


def release_archive(name: str, version: str, dist: str, index_base: str, cache: Path) -> tuple[str, bytes]:
    """(file name, bytes) of a release's wheel or sdist from the index, its sha256 checked against the index's."""
    project = re.sub(r"[-_.]+", "-", name).lower()
    listing = json.loads(_get(f"{index_base.rstrip('/')}/{project}/", "application/vnd.pypi.simple.v1+json"))
    files = [f for f in listing.get("files", []) if _release_version(f["filename"], dist) == version]
    if not files:
        raise FileNotFoundError(f"no {dist} of {name} {version} in the index")
    chosen = next((f for f in files if f["filename"].endswith("-py3-none-any.whl")), files[0])
    local = cache / "wheels" / chosen["filename"]
    url = urljoin(f"{index_base.rstrip('/')}/{project}/", str(chosen["url"]))
    data: bytes = local.read_bytes() if local.is_file() else _get(url)
    want = chosen.get("hashes", {}).get("sha256")
    if want and hashlib.sha256(data).hexdigest() != want:
        raise ValueError(f"{chosen['filename']}: sha256 differs from the index's")
    local.parent.mkdir(parents=True, exist_ok=True)
    local.write_bytes(data)
    return str(chosen["filename"]), data


def _release_version(filename: str, dist: str) -> str | None:
    if dist == "wheel":
        return filename.split("-")[1] if filename.endswith(".whl") else None
    return filename.removesuffix(".tar.gz").rsplit("-", 1)[-1] if filename.endswith(".tar.gz") else None


def archive_member(filename: str, data: bytes, inner: str) -> bytes:
    """The bytes of ``inner`` in a wheel (a zip) or an sdist (a .tar.gz, paths below its top folder)."""
    if filename.endswith(".whl"):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return bytes(zf.read(inner))
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tf:
        for member in tf.getmembers():
            if member.isfile() and member.name.split("/", 1)[-1] == inner:
                fh = tf.extractfile(member)
                if fh is not None:
                    return fh.read()
    raise KeyError(f"{inner} not in {filename}")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style") and self._skip > 0
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(raw: bytes) -> str:
    """A page's visible text (HTML tags dropped, entities decoded); other text as it is."""
    text = raw.decode("utf-8", errors="replace")
    if not re.search(r"<(html|body|div|p|table)\b", text[:5000], re.IGNORECASE):
        return text
    parser = _Text()
    parser.feed(text)
    return "".join(parser.parts)


def _fetch_one(src: Source, raw_base: str, index_base: str, cache: Path) -> tuple[bytes, str, str]:
    """(the file's bytes, the text to check quotes against, where it came from)."""
    errors: list[str] = []
    if src.repo and src.path and src.version.commit and src.url.startswith("https://github.com/"):
        url = f"{raw_base.rstrip('/')}/{src.repo}/{src.version.commit}/{src.path}"
        try:
            data = _get(url)
            return data, data.decode("utf-8", errors="replace"), url
        except (OSError, ValueError) as exc:
            errors.append(f"{url}: {exc}")
    pkg = package_of(src)
    if pkg is not None:
        name, version, inner = pkg
        dist = src.package.dist if src.package is not None else "wheel"
        try:
            data = archive_member(*release_archive(name, version, dist, index_base, cache), inner)
            return data, data.decode("utf-8", errors="replace"), f"{name}=={version} {dist} {inner}"
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, tarfile.TarError) as exc:
            errors.append(f"{name}=={version} {inner}: {exc}")
    if errors:
        raise OSError("; ".join(errors))
    data = _get(src.url)
    return data, page_text(data), src.url


def download_all(facts_dir: Path, cache: Path, *, raw_base: str | None = None, index_base: str | None = None) -> list[Fetched]:
    """Download every pinned source into ``cache`` and compare each with its sha256 lock."""
    raw_base = raw_base or os.environ.get("LLAMA4REF_RAW_BASE") or RAW_BASE
    index_base = index_base or os.environ.get("LLAMA4REF_INDEX_BASE") or INDEX_BASE
    cache.mkdir(parents=True, exist_ok=True)
    out: list[Fetched] = []
    for sid, src in sorted(load_tree(facts_dir).sources.items()):
        if src.repo and not src.path and "/tree/" in src.url:
            out.append(Fetched(sid, "skipped", "a repository tree, not one file: its citations name the files"))
            continue
        for stale in cache.glob(f"{sid}.*"):
            stale.unlink()  # an old download must not stand in for a failed one
        try:
            data, text, origin = _fetch_one(src, raw_base, index_base, cache)
        except (OSError, ValueError) as exc:
            out.append(Fetched(sid, "failed", str(exc)[:300]))
            continue
        suffix = Path(src.path).suffix if src.path else ".txt"
        (cache / f"{sid}{suffix or '.txt'}").write_text(text, encoding="utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if src.sha256 and digest != src.sha256:
            out.append(Fetched(sid, "drift", f"{origin}: sha256 {digest[:12]}…, locked {src.sha256[:12]}…"))
        else:
            out.append(Fetched(sid, "ok", origin))
    return out
