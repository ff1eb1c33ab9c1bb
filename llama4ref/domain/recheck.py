"""Re-check the whole store from the network: download every pinned source and compare it with its lock.

    llama4ref verify-quotes --fetch [--cache DIR]

Each source is fetched the way it is pinned: a file in a git repository at its commit (the raw
file), a file inside a package release (the wheel or sdist from the package index, its sha256 checked
against the index's, then the file extracted), or a page at its address (HTML reduced to
text). The bytes land in ``DIR/<source-id><suffix>``, where ``verify-quotes`` reads them. When the
record carries ``sha256`` (the lock: the file as pinned), a different download is reported as
drift. Sources that are not one fetchable document (a repository tree) are listed as skipped.

``DIR`` defaults to the user's cache (:func:`default_cache`: ``$XDG_CACHE_HOME/llama4ref/sources``,
else ``~/.cache/llama4ref/sources``), never the working directory; it is created with the first
file written. A download that fails is "failed" (not fetched), apart from "drift" (fetched, and it
differs from the lock). When the first :data:`UNREACHABLE_AFTER` sources all fail for a network
reason (a name that does not resolve, a connection refused or unreachable, a timeout) and none was
fetched, the network is taken to be down: :class:`NetworkUnreachableError` (``L4R-Q004``) is raised
at once, nothing is checked and the cache is left as it was.

The addresses default to GitHub's raw file host and PyPI's simple index; the environment
variables ``LLAMA4REF_RAW_BASE`` and ``LLAMA4REF_INDEX_BASE`` point them at a mirror (the tests
point them at a local server). Opt-in: nothing else in llama4ref touches the network.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import re
import socket
import tarfile
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urljoin
from urllib.request import Request, urlopen

from llama4ref.errors import Llama4RefError
from llama4ref.records.models import Source
from llama4ref.records.tree import load_tree

RAW_BASE = "https://raw.githubusercontent.com"
INDEX_BASE = "https://pypi.org/simple"
PYPI_RELEASE = re.compile(r"^https://pypi\.org/project/(?P<name>[A-Za-z0-9._-]+)/(?P<version>[A-Za-z0-9._+!-]+)/?$")
_TIMEOUT = 30
UNREACHABLE_AFTER = 3
"""Network failures, with nothing fetched yet, after which the network is taken to be down."""
UNREACHABLE_CODE = "L4R-Q004"
_NETWORK_ERRNOS = frozenset({errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.ECONNREFUSED, errno.ETIMEDOUT})


class NetworkUnreachableError(Llama4RefError):
    """``--fetch`` with no network: the first sources all failed to resolve or connect; nothing was checked."""

    code = UNREACHABLE_CODE


def default_cache() -> Path:
    """Where downloads are kept unless ``--cache`` says: the user's cache, not the working directory."""
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "llama4ref" / "sources"


def network_failure(exc: BaseException) -> bool:
    """Whether ``exc`` says the network could not be reached (no answer from any server), not what a server answered.

    >>> network_failure(URLError(socket.gaierror(-2, "Name or service not known"))), network_failure(TimeoutError())
    (True, True)
    >>> network_failure(HTTPError("https://e.org", 404, "Not Found", None, None)), network_failure(ValueError("x"))  # type: ignore[arg-type]
    (False, False)
    """
    if isinstance(exc, _FetchError):
        return exc.network
    if isinstance(exc, HTTPError):
        return False
    if isinstance(exc, URLError) and isinstance(exc.reason, BaseException):
        return network_failure(exc.reason)
    if isinstance(exc, (socket.gaierror, TimeoutError, ConnectionRefusedError, ConnectionResetError)):
        return True
    return isinstance(exc, OSError) and exc.errno in _NETWORK_ERRNOS


def short_reason(exc: BaseException) -> str:
    """What went wrong in a few words: ``Name or service not known``, not the whole chain.

    >>> short_reason(URLError(socket.gaierror(-2, "Name or service not known")))
    'Name or service not known'
    """
    if isinstance(exc, _FetchError):
        return exc.reason
    if isinstance(exc, URLError) and not isinstance(exc, HTTPError) and isinstance(exc.reason, BaseException):
        return short_reason(exc.reason)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


class _FetchError(OSError):
    """Every way of fetching one source failed; ``network`` when each failed for a network reason."""

    def __init__(self, message: str, network: bool, reason: str) -> None:
        super().__init__(message)
        self.network = network
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    source: str
    status: str  # "ok", "drift" (differs from the lock), "failed" (not fetched: could not download), "skipped"
    detail: str
    network: bool = False
    """A failure for a network reason (see :func:`network_failure`)."""
    reason: str = ""
    """A failure's cause in a few words (:func:`short_reason`)."""

    def line(self) -> str:
        return f"{'not fetched' if self.status == 'failed' else self.status}: {self.source}  {self.detail}"


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
    network: list[bool] = []
    reasons: list[str] = []
    if src.repo and src.path and src.version.commit and src.url.startswith("https://github.com/"):
        url = f"{raw_base.rstrip('/')}/{src.repo}/{src.version.commit}/{src.path}"
        try:
            data = _get(url)
            return data, data.decode("utf-8", errors="replace"), url
        except (OSError, ValueError) as exc:
            errors.append(f"{url}: {exc}")
            network.append(network_failure(exc))
            reasons.append(short_reason(exc))
    pkg = package_of(src)
    if pkg is not None:
        name, version, inner = pkg
        dist = src.package.dist if src.package is not None else "wheel"
        try:
            data = archive_member(*release_archive(name, version, dist, index_base, cache), inner)
            return data, data.decode("utf-8", errors="replace"), f"{name}=={version} {dist} {inner}"
        except (OSError, ValueError, KeyError, zipfile.BadZipFile, tarfile.TarError) as exc:
            errors.append(f"{name}=={version} {inner}: {exc}")
            network.append(network_failure(exc))
            reasons.append(short_reason(exc))
    if errors:
        raise _FetchError("; ".join(errors), all(network), reasons[0])
    data = _get(src.url)
    return data, page_text(data), src.url


def download_all(facts_dir: Path, cache: Path, *, raw_base: str | None = None, index_base: str | None = None) -> list[Fetched]:
    """Download every pinned source into ``cache`` and compare each with its sha256 lock.

    Raises :class:`NetworkUnreachableError` when the network is down (see the module's help)."""
    raw_base = raw_base or os.environ.get("LLAMA4REF_RAW_BASE") or RAW_BASE
    index_base = index_base or os.environ.get("LLAMA4REF_INDEX_BASE") or INDEX_BASE
    out: list[Fetched] = []
    for sid, src in sorted(load_tree(facts_dir).sources.items()):
        if src.repo and not src.path and "/tree/" in src.url:
            out.append(Fetched(sid, "skipped", "a repository tree, not one file: its citations name the files"))
            continue
        try:
            data, text, origin = _fetch_one(src, raw_base, index_base, cache)
        except (OSError, ValueError) as exc:
            out.append(Fetched(sid, "failed", str(exc)[:300], network_failure(exc), short_reason(exc)))
            _give_up_if_unreachable(out)
            continue
        _drop_copies(cache, sid)
        cache.mkdir(parents=True, exist_ok=True)
        suffix = Path(src.path).suffix if src.path else ".txt"
        (cache / f"{sid}{suffix or '.txt'}").write_text(text, encoding="utf-8")
        digest = hashlib.sha256(data).hexdigest()
        if src.sha256 and digest != src.sha256:
            out.append(Fetched(sid, "drift", f"{origin}: sha256 {digest[:12]}…, locked {src.sha256[:12]}…"))
        else:
            out.append(Fetched(sid, "ok", origin))
    _give_up_if_unreachable(out, done=True)
    for f in out:
        if f.status == "failed":
            _drop_copies(cache, f.source)  # an old download must not stand in for a failed one
    return out


def _drop_copies(cache: Path, sid: str) -> None:
    for stale in cache.glob(f"{sid}.*") if cache.is_dir() else ():
        stale.unlink()


def _give_up_if_unreachable(out: list[Fetched], *, done: bool = False) -> None:
    """Raise :class:`NetworkUnreachableError` when every attempt so far failed for a network reason, and
    there were :data:`UNREACHABLE_AFTER` of them (or, when ``done``, any)."""
    tried = [f for f in out if f.status != "skipped"]
    if not tried or not all(f.status == "failed" and f.network for f in tried):
        return
    if len(tried) >= UNREACHABLE_AFTER or done:
        some = f"first {len(tried)} sources" if len(tried) > 1 else "first source"
        raise NetworkUnreachableError(
            f"the network is unreachable ({some}: {tried[0].reason}): nothing was checked; "
            "retry online, or give directories of copies"
        )
