"""Fetch local copies of the sources that are files inside published PyPI releases.

    python -m tools.fetch DIR    # then: llama4ref verify-quotes DIR

A source whose ``url`` is a PyPI release page (``https://pypi.org/project/<name>/<version>/``)
and whose ``path`` names a file in that project, or whose ``package`` names the release that
ships its pinned file (llama-models' code, NeMo's recipes, …), is downloaded with ``pip download`` (the
registry is the only network this needs) and the file is extracted from the wheel into
``DIR/<source-id><suffix>`` behind a ``SOURCE:`` header line, the layout ``verify-quotes``
reads. A file only the source archive ships (``package.dist: sdist``: tests, examples) comes
from the release's sdist, fetched from the index without building it. When the source's note
records the wheel's sha256, the download is checked against it.
Opt-in and for maintainers and CI: nothing else in llama4ref touches the network.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from llama4ref.domain.recheck import INDEX_BASE, archive_member, release_archive
from llama4ref.records.tree import load_tree
from llama4ref.store.index import shipped_facts_dir

SHA256 = re.compile(r"sha256 ([0-9a-f]{64})")


@dataclass(frozen=True)
class Fetched:
    source: str
    status: str  # "ok", "sha256-mismatch", "missing-file", "download-failed"
    detail: str


def release_sources(facts_dir: Path) -> list[tuple[str, str, str, str, str | None]]:
    """(source id, package, version, path, expected wheel sha256) for every source a PyPI release ships.

    That is a source pinned to a release page (``url`` on pypi.org, ``path`` in the project) or
    a file pinned at a commit whose record names the release that contains it (``package``)."""
    from llama4ref.domain.recheck import package_of

    out = []
    for sid, src in sorted(load_tree(facts_dir).sources.items()):
        pkg = package_of(src)
        if pkg is not None:
            sha = SHA256.search(src.note or "") if src.package is None else None
            path = src.path if src.package is None and src.path else pkg[2]
            out.append((sid, pkg[0], pkg[1], path, sha.group(1) if sha else None))
    return out


def _download(package: str, version: str, into: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", str(into),
           f"{package}=={version}"]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, text=True)  # fixed argv, no shell
    wheels = sorted(into.glob("*.whl"))
    if not wheels:
        raise FileNotFoundError(f"pip produced no wheel for {package}=={version}")
    return wheels[0]


def _download_sdist(package: str, version: str, into: Path) -> Path:
    name = release_archive(package, version, "sdist", INDEX_BASE, into)[0]  # sha256 checked against the index's
    return into / "wheels" / name


def fetch(dest: Path, facts_dir: Path | None = None) -> list[Fetched]:
    """Download and extract every PyPI-release source into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    results: list[Fetched] = []
    wheels: dict[tuple[str, str, str], Path] = {}
    root = facts_dir or shipped_facts_dir()
    sources = load_tree(root).sources
    with tempfile.TemporaryDirectory() as tmp:
        for sid, package, version, path, sha in release_sources(root):
            pinned = sources[sid].package
            dist = pinned.dist if pinned is not None else "wheel"
            key = (package, version, dist)
            try:
                if key not in wheels:
                    get = _download if dist == "wheel" else _download_sdist
                    wheels[key] = get(package, version, Path(tmp) / f"{package}-{version}-{dist}")
            except (subprocess.CalledProcessError, OSError, ValueError) as exc:
                results.append(Fetched(sid, "download-failed", str(exc).strip()[:200]))
                continue
            wheel = wheels[key]
            digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
            inner = path.removeprefix("src/") if dist == "wheel" else path
            try:
                raw = archive_member(wheel.name, wheel.read_bytes(), inner)
            except KeyError:
                results.append(Fetched(sid, "missing-file", f"{inner} not in {wheel.name}"))
                continue
            text = raw.decode("utf-8")
            header = f"SOURCE: {package}=={version} {dist} {wheel.name} file {inner} (sha256 of {dist} {digest})\n"
            (dest / f"{sid}{Path(inner).suffix}").write_text(header + text, encoding="utf-8")
            locked = sources[sid].sha256
            if sha and sha != digest:
                results.append(Fetched(sid, "sha256-mismatch", f"recorded {sha[:12]}…, downloaded {wheel.name} {digest[:12]}…"))
            elif locked and hashlib.sha256(raw).hexdigest() != locked:
                results.append(Fetched(sid, "sha256-mismatch", f"{inner} differs from the file as pinned (sha256 lock)"))
            else:
                results.append(Fetched(sid, "ok", wheel.name))
    return results


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m tools.fetch DIR\n")
        return 2
    results = fetch(Path(argv[0]))
    for r in results:
        sys.stdout.write(f"{r.status:16} {r.source}  {r.detail}\n")
    failed = [r for r in results if r.status in ("missing-file", "download-failed")]
    sys.stderr.write(f"{len(results) - len(failed)} of {len(results)} release sources copied into {argv[0]}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
