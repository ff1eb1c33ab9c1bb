"""The docs site in a real browser, offline: every page loads cleanly, search finds facts, no link is broken.

Builds the site with `mkdocs build --strict`, serves it on 127.0.0.1 and drives Debian's Chromium
through Playwright's Python API. Every request that leaves 127.0.0.1 is refused and counted as a
failure, so a CDN asset (a script, a style sheet, a font) cannot slip back in.

Needs Chromium (`apt-get install chromium`, or LLAMA4REF_CHROMIUM=/path/to/chrome). Without it
these tests are skipped, unless LLAMA4REF_REQUIRE_BROWSER=1 (CI sets it), where they fail.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from tests.conftest import REPO

CHROMIUM = os.environ.get("LLAMA4REF_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("LLAMA4REF_REQUIRE_BROWSER") == "1"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _need(what: str, ok: bool) -> None:
    if ok:
        return
    if REQUIRED:
        pytest.fail(f"{what} (LLAMA4REF_REQUIRE_BROWSER=1)")
    pytest.skip(what)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The docs site, built in strict mode into a temporary directory."""
    _need(
        "mkdocs is not installed (pip install -e '.[docs]')",
        shutil.which("mkdocs", path=str(Path(sys.executable).parent)) is not None,
    )
    out = tmp_path_factory.mktemp("site")
    env = {k: v for k, v in os.environ.items() if k != "LLAMA4REF_DOCS_URL"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run([str(mkdocs), "build", "--strict", "-q", "-d", str(out)], cwd=REPO, env=env, check=True)
    return out


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """The site served over HTTP on 127.0.0.1 (a free port), for the life of the module."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # the stdlib's signature
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request: Any, client_address: Any) -> None:
            if not isinstance(sys.exc_info()[1], ConnectionError):  # Chromium dropping a connection is normal
                super().handle_error(request, client_address)

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    _need("no Chromium found (apt-get install chromium)", CHROMIUM is not None)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("playwright is not installed (pip install -e '.[test]')", False)
        raise
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield b
        finally:
            b.close()


class Visit:
    """One page load: console errors, uncaught exceptions, refused off-host requests, failed loads."""

    def __init__(self, browser: Any, url: str) -> None:
        self.errors: list[str] = []
        self.log: list[str] = []
        self.context = browser.new_context(service_workers="block")
        self.page = self.context.new_page()
        host = urlsplit(url).netloc
        self.page.on("console", lambda m: (self.errors if m.type == "error" else self.log).append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"exception: {e}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))

        def route(r: Any) -> None:
            if urlsplit(r.request.url).netloc == host:
                r.continue_()
            else:
                self.errors.append(f"off-host request: {r.request.url}")
                r.abort()

        self.page.route("**/*", route)
        response = self.page.goto(url, wait_until="load")
        self.status = response.status if response else 0

    def close(self) -> None:
        self.context.close()


def pages(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))


def test_every_page_loads_offline_without_errors(site: Path, base_url: str, browser: Any) -> None:
    """Every page answers 200 and loads with no console error, exception or off-host request."""
    found = pages(site)
    assert "index.html" in found and "reference/variants/scout/index.html" in found
    problems: dict[str, list[str]] = {}
    for rel in found:
        if rel == "404.html":
            continue
        visit = Visit(browser, urljoin(base_url, rel))
        if visit.status != 200 or visit.errors:
            problems[rel] = [f"HTTP {visit.status}", *visit.errors]
        visit.close()
    assert problems == {}


def test_the_404_page_is_styled_at_any_depth(base_url: str, browser: Any) -> None:
    """A missing page deep in the tree gets the 404 page with its styles and scripts loading."""
    visit = Visit(browser, urljoin(base_url, "reference/variants/no-such-model/"))
    visit.close()
    # http.server does not serve 404.html itself: load the page where a host would put it
    visit = Visit(browser, urljoin(base_url, "404.html"))
    assert visit.errors == []
    assert visit.page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    visit.close()


@pytest.mark.parametrize(
    ("query", "page"),
    [
        ("10,485,760", "reference/variants/scout/"),
        ("Built with Llama", "reference/license-checklist/"),
        ("experts", "reference/variants/maverick/"),
    ],
)
def test_search_finds_a_fact(base_url: str, browser: Any, query: str, page: str) -> None:
    """The site's search box finds the page that holds a fact."""
    visit = Visit(browser, base_url)
    for _ in range(100):  # the theme builds its index in a worker and logs when it is ready
        if any("search ready" in line for line in visit.log):
            break
        visit.page.wait_for_timeout(100)
    visit.page.keyboard.press("s")  # the theme's search shortcut opens the search dialog
    box = visit.page.locator("#mkdocs-search-query")
    box.wait_for(state="visible")
    box.press_sequentially(query)  # the theme searches on key-up, as a person types
    results = visit.page.locator("#mkdocs-search-results a")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(page in h for h in hrefs), hrefs
    assert visit.errors == []
    visit.close()


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"] or "")


def test_no_internal_link_is_broken(site: Path, base_url: str) -> None:
    """A crawler from the home page reaches every page; every internal link and anchor resolves."""
    from urllib.error import HTTPError
    from urllib.request import urlopen

    parsed: dict[str, _Links] = {}

    def fetch(url: str) -> _Links | None:
        if url not in parsed:
            try:
                with urlopen(url) as r:  # 127.0.0.1 only
                    body = r.read().decode("utf-8")
            except HTTPError:
                return None
            p = _Links()
            p.feed(body)
            parsed[url] = p
        return parsed[url]

    broken: list[str] = []
    todo, seen = [base_url], {base_url}
    while todo:
        url = todo.pop()
        here = fetch(url)
        assert here is not None, url
        for href in here.hrefs:
            target, frag = urldefrag(urljoin(url, href))
            if not target.startswith(base_url):
                continue
            there = fetch(target) if target.endswith("/") or target.endswith(".html") else None
            if there is None and not (target.endswith("/") or target.endswith(".html")):
                with urlopen(target) as r:  # a file (the fact template, a style sheet): it must exist
                    assert r.status == 200
                continue
            if there is None:
                broken.append(f"{url} -> {href}")
            elif frag and frag not in there.ids:
                broken.append(f"{url} -> {href} (no anchor)")
            elif target not in seen:
                seen.add(target)
                todo.append(target)
    assert broken == []
    reached = {urlsplit(u).path for u in seen}
    expected = {"/" + p.removesuffix("index.html") for p in pages(site) if p not in ("404.html",)}
    assert expected <= reached, sorted(expected - reached)
