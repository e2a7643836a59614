"""`reader serve` in a real browser (Chromium driven by Playwright), as a person uses it.

One browser session for all of it: browsers are slow to start."""

from __future__ import annotations

import contextlib
import http.server
import threading
import time

import pytest

from annotations.store import read_annotations
from tests.conftest import SEED

from .browser import FLAGS, Screen, chromium
from .served import Served, pid_gone, wait_until

pytest.importorskip("textual_serve")  # the serve extra
sync_api = pytest.importorskip("playwright.sync_api")

CLOSED_WITHIN = 5.0  # seconds from a tab closing to its reader ending (the issue)
CROSS_SITE = """url => new Promise(done => {
    const socket = new WebSocket(url);
    socket.onopen = () => done("opened");
    socket.onclose = () => done("refused");
})"""


@contextlib.contextmanager
def another_site():
    """A page at another origin: a plain server of our temporary folder on a port of its own."""
    site = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}/"
    finally:
        site.shutdown()
        site.server_close()


def test_tag_in_a_browser_second_tab_read_only_other_sites_refused_nothing_left(tmp_path):
    executable = chromium()
    db = tmp_path / "db.json"
    server = Served("--db", str(db), "--annotator", "ed")
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=FLAGS)
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            refused = page.goto(server.origin + "/")
            assert refused is not None and refused.status == 403

            first = Screen(page)
            page.goto(server.url)
            first.wait_for("ERBIL, Kurdistan")
            first.tag_first_baghdad()
            wait_until(
                lambda: [(t.label, t.text) for t in read_annotations(db)] == [("place", "Baghdad")], "the tag saved"
            )
            writer = set(server.readers())

            second = Screen(browser.new_page())
            second.page.goto(server.url)
            second.wait_for("read-only:")  # the database is the first tab's
            second_reader = set(server.readers()) - writer
            assert second_reader

            # Another site's page opens a WebSocket to us: refused. That site is on loopback too,
            # or Chromium itself would stop a page from elsewhere reaching a local address.
            with another_site() as elsewhere:
                evil = browser.new_page()
                evil.goto(elsewhere)
                websocket = server.url.replace("http://", "ws://") + "ws"
                assert evil.evaluate(CROSS_SITE, websocket) == "refused"
            assert set(server.readers()) == writer | second_reader

            for closing, readers in ((second.page, second_reader), (page, writer)):
                closed = time.monotonic()
                closing.close()
                wait_until(lambda r=readers: all(map(pid_gone, r)), "the tab's reader to end", limit=CLOSED_WITHIN)
                assert time.monotonic() - closed < CLOSED_WITHIN
            browser.close()
        assert server.readers() == []
        [tag] = read_annotations(db)
        assert (tag.article, tag.label, tag.start, tag.end, tag.annotator) == (SEED, "place", 527, 534, "ed")
    finally:
        code, err = server.stop()
    assert code == 0, err
