"""`reader serve` over plain HTTP and WebSockets, without a browser: what it refuses, team
mode, the tab limit, and every reader ended saved when its tab or the server goes."""

from __future__ import annotations

import asyncio
import socket
import sys
import time

import pytest
import yarl

from annotations.store import read_annotations
from reader import cli
from tests.conftest import SEED

from .served import Served, pid_gone, wait_until
from .tab import Tab

aiohttp = pytest.importorskip("aiohttp")
pytest.importorskip("textual_serve")  # the serve extra

CLOSED_WITHIN = 5.0  # seconds from a tab closing to its reader ending (the issue)


@pytest.fixture
def served():
    started: list[Served] = []

    def start(*args: str) -> Served:
        started.append(Served(*args))
        return started[-1]

    yield start
    for server in started:
        server.stop()


async def test_without_the_token_nothing_is_served_and_nothing_starts(served, tmp_path):
    server = served("--db", str(tmp_path / "db.json"))
    token = server.url.rstrip("/").rsplit("/", 1)[1]
    wrong = [
        "/",
        "/static/js/textual.js",
        "/ws",
        f"/{token[:-1]}/",
        f"/{token}x/",
        f"/{token[:-1]}/static/js/textual.js",
        f"/{token.swapcase()}/ws",
    ]
    async with aiohttp.ClientSession() as session:
        for path in wrong:
            async with session.get(server.origin + path) as response:
                assert (path, response.status) == (path, 403)
                assert "textual" not in await response.text()
        async with session.get(server.url) as page, session.get(server.url + "static/js/textual.js") as script:
            assert (page.status, script.status) == (200, 200)
            assert "textual.js" in await page.text()
            assert page.headers["Referrer-Policy"] == "no-referrer"
        async with session.get(server.url.rstrip("/")) as pasted_without_slash:
            assert pasted_without_slash.status == 200 and str(pasted_without_slash.url) == server.url
        for outside in ("static/..%2f..%2fserver.py", "static/%2e%2e/%2e%2e/server.py", "static/js/..%2f..%2f..%2f"):
            async with session.get(yarl.URL(server.url + outside, encoded=True)) as response:
                assert (outside, response.status) == (outside, 404)
        # A name that DNS rebinding points at 127.0.0.1 is not ours, token or not.
        async with session.get(server.url, headers={"Host": f"rebound.example:{server.origin.rsplit(':', 1)[1]}"}) as r:
            assert r.status == 403
    assert server.readers() == []


async def test_a_websocket_from_another_sites_page_is_refused_and_a_dropped_ones_reader_ends(served, tmp_path):
    server = served("--db", str(tmp_path / "db.json"))
    async with aiohttp.ClientSession() as session:
        for origin in ("http://evil.example", "null", server.origin.replace("127.0.0.1", "localhost")):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(server.url + "ws", headers={"Origin": origin})
            assert refused.value.status == 403
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await session.ws_connect(server.url + "ws")  # no Origin at all
        assert server.readers() == []

        # A tab whose connection drops without closing: its reader ends all the same.
        dropped = await Tab.open(session, server.url, server.origin, answers=False)
        await dropped.wait_for("ERBIL, Kurdistan")
        readers = server.readers()
        assert readers
        wait_until(lambda: all(map(pid_gone, readers)), "the reader of a dropped tab to end", limit=CLOSED_WITHIN)
        await dropped.close()


async def test_team_mode_each_user_writes_their_own_database_and_the_tab_limit_holds(served, tmp_path):
    team = tmp_path / "team"
    server = served("--team", str(team), "--users", "alice,bob", "--max-sessions", "1")
    assert set(server.urls) == {"alice", "bob"} and server.urls["alice"] != server.urls["bob"]
    async with aiohttp.ClientSession() as session:
        alice = await Tab.open(session, server.urls["alice"], server.origin)
        await alice.tag_first_baghdad()
        readers = server.readers()
        assert readers
        async with session.get(server.urls["bob"]) as full:  # one tab runs, the most allowed
            assert full.status == 503 and "--max-sessions 1" in await full.text()
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await session.ws_connect(server.urls["bob"] + "ws", headers={"Origin": server.origin})
        closed = time.monotonic()
        await alice.close()
        wait_until(lambda: all(map(pid_gone, readers)), "alice's reader to end", limit=CLOSED_WITHIN)
        assert time.monotonic() - closed < CLOSED_WITHIN
        [tag] = read_annotations(team / "alice.json")
        assert (tag.annotator, tag.label, tag.text, tag.article) == ("alice", "place", "Baghdad", SEED)

        deadline = time.monotonic() + CLOSED_WITHIN  # the seat is given back as the tab's handler ends
        while time.monotonic() < deadline:
            async with session.get(server.urls["bob"]) as page:
                given = await page.text()
                if page.status == 200:
                    break
            await asyncio.sleep(0.05)
        # The seat is free again, held for the page bob was given: his page's WebSocket takes it.
        bob = await Tab.open(session, server.urls["bob"], server.origin, page=given)
        await bob.tag_first_baghdad()
        code, _ = server.stop()  # SIGTERM with a tab open: its reader quits, saved
    assert code == 0
    assert server.readers() == []
    assert [tag.annotator for tag in read_annotations(team / "bob.json")] == ["bob"]
    assert [tag.annotator for tag in read_annotations(team / "alice.json")] == ["alice"]


async def test_two_pages_racing_for_the_last_seat_one_reads_the_other_is_told_the_limit(served, tmp_path):
    """Each page served opens its reader; a page that could not is the limit page, never
    a reader that 'has ended' before it began (#8 of the review)."""
    server = served("--db", str(tmp_path / "db.json"), "--max-sessions", "1")
    async with aiohttp.ClientSession() as session:
        pages = []
        for _ in range(2):  # both loaded before either page's script opens its WebSocket
            async with session.get(server.url) as response:
                pages.append((response.status, await response.text()))
        assert [status for status, _ in pages] == [200, 503]
        assert "reader: 1 tab already runs here, the most this server allows (--max-sessions 1)" in pages[1][1]
        tab = await Tab.open(session, server.url, server.origin, page=pages[0][1])
        await tab.wait_for("ERBIL, Kurdistan")
        with pytest.raises(aiohttp.WSServerHandshakeError):  # no page: the seat is taken
            await session.ws_connect(server.url + "ws", headers={"Origin": server.origin})
        await tab.close()


async def test_a_head_of_the_page_holds_no_place(served, tmp_path):
    """A monitor, curl -I or a link preview asking for the URL must not keep the one tab
    of --max-sessions 1 out for the 10 s a page's place is held."""
    server = served("--db", str(tmp_path / "db.json"), "--max-sessions", "1")
    async with aiohttp.ClientSession() as session:
        for _ in range(2):
            async with session.head(server.url) as head:
                assert head.status == 200
        async with session.get(server.url) as page:
            assert page.status == 200
            text = await page.text()
        assert "textual.js" in text and "--max-sessions" not in text  # the reader's page
        async with session.head(server.url) as head:
            assert head.status == 503  # the one place is held for that page: a GET now gets the limit
        tab = await Tab.open(session, server.url, server.origin, page=text)
        await tab.wait_for("ERBIL, Kurdistan")
        await tab.close()


def test_serve_says_in_one_line_what_is_wrong(capsys, monkeypatch, tmp_path):
    def said(*argv: str) -> str:
        assert cli.main(["serve", *argv]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        return err

    assert "go together" in said("--team", str(tmp_path))
    assert "is not a user name" in said("--team", str(tmp_path), "--users", "../root")
    assert "leave out --db" in said("--team", str(tmp_path), "--users", "a", "--db", "x.json")
    assert "--max-sessions 0" in said("--max-sessions", "0")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert f"cannot listen on 127.0.0.1:{port}" in said("--port", str(port), "--db", str(tmp_path / "db.json"))
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    assert said().endswith("reader serve needs textual-serve: in reader's folder, .venv/bin/pip install '.[serve]'\n")
