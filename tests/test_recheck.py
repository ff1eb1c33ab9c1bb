"""`verify-quotes --fetch`: every pinned source downloaded, checked against its sha256 lock and its quotes.

A local HTTP server (127.0.0.1) plays GitHub's raw file host, PyPI's simple index and a web page.
"""

from __future__ import annotations

import hashlib
import io
import json
import socket
import tarfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError, URLError

import pytest

from llama4ref.domain.quotes import IMAGE_REASON, verify_quotes
from llama4ref.domain.recheck import Fetched, NetworkUnreachableError, download_all, page_text
from tests.conftest import run_cli
from tests.json_envelopes import checked_kind

RAW_FILE = b"# model code\nrouter_scores = torch.sigmoid(router_scores.float())\n"
PKG_FILE = b'{"max_input_tokens": 131072}\n'
PAGE = b"<html><body><p>Llama 4 Scout: <b>109B</b> (Total)</p><script>var x = 1;</script></body></html>"


SDIST_FILE = b"def test_demo():\n    assert layers == 3\n"


def _sdist() -> bytes:
    """A source archive: every path below one top folder, as ``python -m build --sdist`` makes it."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        info = tarfile.TarInfo("demo-1.0/tests/test_demo.py")
        info.size = len(SDIST_FILE)
        tf.addfile(info, io.BytesIO(SDIST_FILE))
    return buf.getvalue()


def _wheel() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("demo/prices.json", PKG_FILE)
    return buf.getvalue()


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, bytes]]]:
    """A server on 127.0.0.1 answering from a path → bytes table the test can change."""
    wheel, sdist = _wheel(), _sdist()
    routes: dict[str, bytes] = {
        "/raw/org/repo/abc1234/src/model.py": RAW_FILE,
        "/raw/org/repo/abc1234/src/drifted.py": b"# changed since it was pinned\n",
        "/files/demo-1.0-py3-none-any.whl": wheel,
        "/files/demo-1.0.tar.gz": sdist,
        "/page.html": PAGE,
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/simple/demo/":
                files = [{"filename": "demo-1.0-py3-none-any.whl", "url": f"{base}/files/demo-1.0-py3-none-any.whl",
                          "hashes": {"sha256": hashlib.sha256(wheel).hexdigest()}},
                         {"filename": "demo-1.0.tar.gz", "url": "../../files/demo-1.0.tar.gz",  # relative, as PyPI's mirrors answer
                          "hashes": {"sha256": hashlib.sha256(sdist).hexdigest()}}]  # fmt: skip
                body = json.dumps({"files": files}).encode()
            elif self.path in routes:
                body = routes[self.path]
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, routes
    finally:
        httpd.shutdown()
        httpd.server_close()


def _source(sid: str, url: str, extra: str = "") -> str:
    return (f"id: {sid}\ntitle: t\npublisher: p\nkind: code\nurl: {url}\nversion: {{published: 2025-04-05}}\n"
            f"retrieved: 2026-01-01\ntier: implementation\n{extra}")  # fmt: skip


def _tree(make_tree: Callable[..., Path], base: str) -> Path:
    locked = hashlib.sha256(RAW_FILE).hexdigest()
    gh = "https://github.com/org/repo/blob/abc1234/src/{}"
    pin = "version: {commit: abc1234}\n"
    return make_tree({  # type: ignore[no-any-return]
        "sources/card.yaml": _source("card", f"{base}/page.html"),
        "sources/model.yaml": _source("model", gh.format("model.py"), f"repo: org/repo\npath: src/model.py\nsha256: \"{locked}\"\n")
        .replace("version: {published: 2025-04-05}\n", pin),
        "sources/drifted.yaml": _source("drifted", gh.format("drifted.py"), f"repo: org/repo\npath: src/drifted.py\nsha256: \"{locked}\"\n")
        .replace("version: {published: 2025-04-05}\n", pin),
        "sources/prices.yaml": _source("prices", "https://pypi.org/project/demo/1.0/",
                                       f"path: demo/prices.json\nsha256: \"{hashlib.sha256(PKG_FILE).hexdigest()}\"\n"),
        "sources/demotest.yaml": _source("demotest", gh.format("tests/test_demo.py").replace("/src/", "/"),
                                         "repo: org/repo\npath: tests/test_demo.py\n"
                                         "package: {name: demo, version: '1.0', path: tests/test_demo.py, dist: sdist}\n"
                                         f"sha256: \"{hashlib.sha256(SDIST_FILE).hexdigest()}\"\n")
        .replace("version: {published: 2025-04-05}\n", pin),
        "t/s.yaml": "id: s\nsubject: demo\ntitle: t\nfacts:\n"
                    "  router:\n    value: sigmoid\n    unit: text\n    citations:\n"
                    "      - {source: model, locator: l, quote: 'router_scores = torch.sigmoid(router_scores.float())'}\n"
                    "      - {source: drifted, locator: l, quote: 'router_scores = torch.sigmoid'}\n"
                    "  window:\n    value: 131072\n    unit: tokens\n    citations:\n"
                    "      - {source: prices, locator: l, quote: '\"max_input_tokens\": 131072'}\n"
                    "      - {source: card, locator: cell, quote: '131072', medium: image}\n"
                    "  layers:\n    value: 3\n    unit: count\n    citations:\n"
                    "      - {source: demotest, locator: l, quote: 'assert layers == 3'}\n",
    })  # fmt: skip


def test_fetch_checks_every_lock_and_quote(
    make_tree: Callable[..., Path], server: tuple[str, dict[str, bytes]], tmp_path: Path
) -> None:
    """Raw files at their commit, files of package releases (wheel, sdist) and a page are fetched; a changed file is drift.

    The raw host has no copy of the sdist-only test file, so its package release is the fallback."""
    base, _ = server
    root = _tree(make_tree, base)
    cache = tmp_path / "cache"
    fetched = {f.source: f.status for f in download_all(root, cache, raw_base=f"{base}/raw", index_base=f"{base}/simple")}
    assert fetched == {"card": "ok", "model": "ok", "drifted": "drift", "prices": "ok", "demotest": "ok"}
    report = verify_quotes(root, [cache])
    assert (report.total, report.checked, report.failed, report.images) == (6, 5, 1, 1)
    assert report.text_coverage == 5 / 5 and report.coverage == 5 / 6
    assert report.unchecked == {"card": {IMAGE_REASON: 1}}
    (failure,) = [d for d in report.diagnostics if d.code == "L4R-Q001"]
    assert "drifted" in failure.message


def test_a_source_that_cannot_be_fetched_is_reported_and_its_old_copy_dropped(
    make_tree: Callable[..., Path], server: tuple[str, dict[str, bytes]], tmp_path: Path
) -> None:
    """A download that fails is 'failed', and an earlier download of it is not used in its place."""
    base, routes = server
    root = _tree(make_tree, base)
    cache = tmp_path / "cache"
    download_all(root, cache, raw_base=f"{base}/raw", index_base=f"{base}/simple")
    del routes["/raw/org/repo/abc1234/src/model.py"]
    fetched = {f.source: f.status for f in download_all(root, cache, raw_base=f"{base}/raw", index_base=f"{base}/simple")}
    assert fetched["model"] == "failed" and not list(cache.glob("model.*"))


def test_page_text_drops_tags_and_scripts() -> None:
    """A page is checked by its visible text: tags and scripts are dropped, so quotes match across markup."""
    text = " ".join(page_text(PAGE).split())
    assert "Llama 4 Scout: 109B (Total)" in text and "var x" not in text


def test_verify_quotes_takes_several_directories_and_a_coverage_floor(tmp_path: Path) -> None:
    """The CLI reads several copy directories, lists what stays unchecked per source, and fails under --min-coverage."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "llama-models-preprocess-py.py").write_text("IMAGE_RES = 448\n", encoding="utf-8")  # one copy: something is checked
    result = run_cli("verify-quotes", str(a), str(b), "--min-coverage", "50")
    assert result.code == 1 and "below the required 50%" in result.stderr
    assert (
        "of the" in result.stderr and "a text can hold" in result.stderr
    )  # both shares: all quotes, and those not read from images
    assert "unchecked quotes by source:" in result.stdout and "read from an image" in result.stdout
    assert run_cli("verify-quotes", str(a)).code == 0
    assert run_cli("verify-quotes").code == 2
    assert run_cli("verify-quotes", str(b)).code == 2  # no copy of any source: nothing checked (L4R-Q003)


def test_shipped_quotes_without_copies_count_as_the_tree_does(tmp_path: Path) -> None:
    """With no copy of any source, the CLI's counts (read from the index) equal those from reading every record."""
    from llama4ref.domain.quotes import verify_shipped_quotes
    from llama4ref.store.index import shipped_facts_dir

    stray = tmp_path / "copies"
    stray.mkdir()
    (stray / "notes.txt").write_text("SOURCE: https://example.com/not-a-source\nnothing\n", encoding="utf-8")
    fast = verify_shipped_quotes([stray, tmp_path])
    assert fast == verify_quotes(shipped_facts_dir(), [stray, tmp_path])
    assert fast.total > 1000 and fast.images > 0 and fast.skipped == fast.total - fast.images


def test_shipped_quotes_with_a_copy_read_the_tree(tmp_path: Path) -> None:
    """Once a copy matches a source, every quote of it is checked and a missing one is placed at its line."""
    from llama4ref.domain.quotes import verify_shipped_quotes
    from llama4ref.store.index import shipped_facts_dir

    (tmp_path / "llama-models-license.txt").write_text("LLAMA 4 COMMUNITY LICENSE AGREEMENT\n", encoding="utf-8")
    report = verify_shipped_quotes([tmp_path])
    assert report == verify_quotes(shipped_facts_dir(), [tmp_path])
    assert report.checked > 1 and 0 < report.failed < report.checked
    assert any(d.code == "L4R-Q001" and d.position.line > 1 for d in report.diagnostics)


def test_shipped_quotes_all_found_are_checked_in_the_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When every quote of the copied sources is found, the report (counted in the compiled index,
    the YAML tree never read) equals the one from reading every record."""
    import llama4ref.domain.quotes as quotes
    from llama4ref.store.index import shipped_facts_dir

    (tmp_path / "llama-models-preprocess-py.py").write_text("IMAGE_RES = 448\n", encoding="utf-8")
    slow = verify_quotes(shipped_facts_dir(), [tmp_path])
    assert slow.checked >= 1 and slow.failed == 0
    monkeypatch.setattr(quotes, "verify_quotes", lambda *a: pytest.fail("the tree was read"))
    assert quotes.verify_shipped_quotes([tmp_path]) == slow


def _offline(monkeypatch: pytest.MonkeyPatch, exc: Exception) -> list[str]:
    """Every download raises ``exc`` (no test touches the network); the addresses asked for are listed."""
    import llama4ref.domain.recheck as recheck

    asked: list[str] = []

    def refuse(url: str, accept: str | None = None) -> bytes:
        asked.append(url)
        raise exc

    monkeypatch.setattr(recheck, "_get", refuse)
    return asked


NO_DNS = URLError(socket.gaierror(-2, "Name or service not known"))


def test_no_network_stops_after_the_first_sources_and_leaves_the_cache_alone(
    make_tree: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Names that do not resolve on the first sources: NetworkUnreachableError (L4R-Q004) at once, not one
    failure per source; the cache is neither created nor emptied of earlier downloads (review11 #10)."""
    root = _tree(make_tree, "https://example.org")
    asked = _offline(monkeypatch, NO_DNS)
    cache = tmp_path / "cache"
    with pytest.raises(
        NetworkUnreachableError, match=r"network is unreachable \(first 3 sources: Name or service not known\)"
    ) as err:
        download_all(root, cache)
    assert err.value.code == "L4R-Q004" and not cache.exists()
    assert asked and not any("model.py" in u or "prices" in u for u in asked)  # card, demotest, drifted: then it stopped
    cache.mkdir()
    (cache / "model.py").write_text("an earlier download\n", encoding="utf-8")
    for refused in (ConnectionRefusedError(111, "Connection refused"), TimeoutError("timed out"), URLError(OSError(101, "x"))):
        _offline(monkeypatch, refused)
        with pytest.raises(NetworkUnreachableError):
            download_all(root, cache)
    assert (cache / "model.py").is_file()


def test_a_server_that_answers_with_an_error_is_not_a_network_outage(
    make_tree: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTTP 404 on every source: each is 'not fetched' (status failed), checked to the end, nothing raised."""
    root = _tree(make_tree, "https://example.org")
    _offline(monkeypatch, HTTPError("https://example.org/x", 404, "Not Found", Message(), None))
    fetched = download_all(root, tmp_path / "cache")
    assert {f.status for f in fetched} == {"failed"} and len(fetched) == 5
    assert fetched[0].line().startswith("not fetched: ")


def test_verify_quotes_fetch_offline_is_one_error_line_and_no_directory_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`verify-quotes --fetch` with no network: one line with L4R-Q004, exit 2, and no cache in the working
    directory (downloads go to the user's cache, here $XDG_CACHE_HOME) (review11 #10: 214 lines, exit 1)."""
    _offline(monkeypatch, NO_DNS)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    res = run_cli("verify-quotes", "--fetch")
    assert (res.code, res.stdout, res.stderr.count("\n")) == (2, "", 1)
    assert res.stderr.startswith("llama4ref: error: L4R-Q004 the network is unreachable") and "nothing was checked" in res.stderr
    assert list(tmp_path.iterdir()) == []


def test_verify_quotes_fetch_reports_drift_apart_from_downloads_that_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drift (fetched, differs from its lock) and 'not fetched' are counted and listed apart, in text and JSON."""
    import llama4ref.domain.recheck as recheck

    fetched = [
        Fetched("a", "drift", "sha256 0…"),
        Fetched("b", "failed", "HTTP Error 404"),
        Fetched("c", "failed", "HTTP Error 410"),
    ]
    monkeypatch.setattr(recheck, "download_all", lambda facts, cache: fetched)
    (tmp_path / "llama-models-preprocess-py.py").write_text("IMAGE_RES = 448\n", encoding="utf-8")
    res = run_cli("verify-quotes", "--fetch", "--cache", str(tmp_path))
    assert res.code == 1 and "; 1 sources drifted from their lock; 2 sources could not be fetched" in res.stderr
    assert "drift: a  sha256 0…" in res.stdout and "not fetched: b  HTTP Error 404" in res.stdout
    out = run_cli("verify-quotes", "--fetch", "--cache", str(tmp_path), "--json").stdout
    assert checked_kind(out) == "quote-verification"  # the envelope validates against its schema
    data = json.loads(out)["data"]
    assert (len(data["drift"]), len(data["not_fetched"])) == (1, 2)
