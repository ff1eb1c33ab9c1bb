"""Local copies of PyPI-release sources: found, extracted behind a SOURCE header, checked by sha256."""

from __future__ import annotations

import hashlib
import io
import tarfile
import zipfile
from pathlib import Path

import pytest

from llama4ref.domain.quotes import verify_quotes
from tests.conftest import REPO
from tools import fetch as fetch_mod


def test_release_sources_are_found() -> None:
    """Every source pinned to a PyPI release with a file path is listed with its package and version."""
    found = {sid: (pkg, ver, path) for sid, pkg, ver, path, _ in fetch_mod.release_sources(REPO / "facts")}
    assert found["transformers-4.51.0-configuration-llama4"] == (  # its url is the file at tag v4.51.0; package: the wheel
        "transformers", "4.51.0", "transformers/models/llama4/configuration_llama4.py")  # fmt: skip
    assert found["litellm-1.109.1-model-prices"][:2] == ("litellm", "1.109.1")
    assert found["llama-models-ffn-py"] == ("llama-models", "0.2.0", "llama_models/llama4/ffn.py")  # a commit pin a release ships


def test_fetch_extracts_and_verify_quotes_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_tree) -> None:  # type: ignore[no-untyped-def]
    """A downloaded wheel's file lands as <id><suffix> with a SOURCE header; quotes are checked against it; a wrong sha256 is reported."""
    root = make_tree({
        "sources/pkg-config.yaml": "id: pkg-config\ntitle: t\npublisher: p\nkind: code\nurl: https://pypi.org/project/demo/1.0/\n"
                                   "path: src/demo/config.py\nversion: {release: demo 1.0}\nretrieved: 2026-01-01\ntier: implementation\n"
                                   "note: wheel sha256 " + "0" * 64 + "\n",
        "t/s.yaml": "id: s\nsubject: demo\ntitle: t\nfacts:\n  k:\n    value: 3\n    unit: count\n"
                    "    citations: [{source: pkg-config, locator: l, quote: 'layers = 3'}]\n",
    })  # fmt: skip

    def fake_download(package: str, version: str, into: Path) -> Path:
        into.mkdir(parents=True)
        wheel = into / f"{package}-{version}-py3-none-any.whl"
        with zipfile.ZipFile(wheel, "w") as zf:
            zf.writestr("demo/config.py", "# demo\nlayers = 3\n")
        return wheel

    monkeypatch.setattr(fetch_mod, "_download", fake_download)
    dest = tmp_path / "copies"
    results = fetch_mod.fetch(dest, root)
    assert [(r.source, r.status) for r in results] == [("pkg-config", "sha256-mismatch")]
    copy = (dest / "pkg-config.py").read_text(encoding="utf-8")
    assert copy.startswith("SOURCE: demo==1.0 wheel ") and "layers = 3" in copy
    assert hashlib.sha256(b"").hexdigest() not in copy
    report = verify_quotes(root, dest)
    assert (report.checked, report.failed) == (1, 0)


def test_a_transcription_is_not_matched_by_its_originals_address(tmp_path: Path, make_tree) -> None:  # type: ignore[no-untyped-def]
    """A copy headed with the blog's URL is the blog, not the transcription that shares its address."""
    root = make_tree({
        "sources/blog.yaml": "id: blog\ntitle: t\npublisher: p\nkind: blog-post\nurl: https://e.org/blog\n"
                             "version: {published: 2025-01-01}\nretrieved: 2026-01-01\ntier: first-party\n",
        "sources/tr.yaml": "id: tr\ntitle: t\npublisher: p\nkind: transcription\ntranscribes: blog\nurl: https://e.org/blog\n"
                           "version: {snapshot: s1}\nretrieved: 2026-01-01\ntier: third-party\n",
        "t/s.yaml": "id: s\nsubject: demo\ntitle: t\nfacts:\n  k:\n    value: 3\n    unit: count\n"
                    "    citations: [{source: tr, locator: l, quote: '<td>3</td>'}, {source: blog, locator: l, quote: 'three'}]\n",
    })  # fmt: skip
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "blog.md").write_text("SOURCE: https://e.org/blog\nthree tables, as images\n", encoding="utf-8")
    report = verify_quotes(root, copies)
    assert (report.checked, report.failed) == (1, 0) and "tr" in report.missing_sources
    (copies / "tr.md").write_text("<td>3</td>\n", encoding="utf-8")
    assert (verify_quotes(root, copies).checked, verify_quotes(root, copies).failed) == (2, 0)


def test_a_file_only_the_sdist_ships_is_extracted_from_below_its_top_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_tree
) -> None:  # type: ignore[no-untyped-def]
    """``package.dist: sdist`` takes the file from the source archive; the lock is checked against that file."""
    body = b"MODELS = ['org/Llama-4-Scout']\n"
    root = make_tree({
        "sources/t.yaml": "id: t\ntitle: t\npublisher: p\nkind: code\nurl: https://pypi.org/project/demo/1.0/\n"
                          "version: {release: demo 1.0}\nretrieved: 2026-01-01\ntier: implementation\n"
                          f"sha256: \"{hashlib.sha256(body).hexdigest()}\"\n"
                          "package: {name: demo, version: '1.0', path: tests/registry.py, dist: sdist}\n",
        "t/s.yaml": "id: s\nsubject: demo\ntitle: t\nfacts:\n  k:\n    value: org/Llama-4-Scout\n    unit: text\n"
                    "    citations: [{source: t, locator: l, quote: \"'org/Llama-4-Scout'\"}]\n",
    })  # fmt: skip

    def fake_sdist(package: str, version: str, into: Path) -> Path:
        into.mkdir(parents=True)
        sdist = into / f"{package}-{version}.tar.gz"
        with tarfile.open(sdist, "w:gz") as tf:
            info = tarfile.TarInfo(f"{package}-{version}/tests/registry.py")
            info.size = len(body)
            tf.addfile(info, io.BytesIO(body))
        return sdist

    def no_wheel(package: str, version: str, into: Path) -> Path:
        raise AssertionError("an sdist source must not download the wheel")

    monkeypatch.setattr(fetch_mod, "_download_sdist", fake_sdist)
    monkeypatch.setattr(fetch_mod, "_download", no_wheel)
    dest = tmp_path / "copies"
    assert [(r.source, r.status) for r in fetch_mod.fetch(dest, root)] == [("t", "ok")]
    assert (
        (dest / "t.py").read_text(encoding="utf-8").startswith("SOURCE: demo==1.0 sdist demo-1.0.tar.gz file tests/registry.py")
    )
    report = verify_quotes(root, dest)
    assert (report.checked, report.failed) == (1, 0)
