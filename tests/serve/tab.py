"""A tab driven over textual-serve's WebSocket protocol, as textual.js drives it, without a browser."""

from __future__ import annotations

import asyncio
import json
import re

import aiohttp

from .served import plain


class Tab:
    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self.output = ""
        self._reading = asyncio.ensure_future(self._read())

    @classmethod
    async def open(
        cls, session: aiohttp.ClientSession, url: str, origin: str, answers: bool = True, page: str = ""
    ) -> Tab:
        """The WebSocket of a page (as textual.js opens it), or the one at url without a
        page; answers=False: a browser whose connection dropped without a word (it
        answers no ping)."""
        address = websocket_of(page) if page else f"{url}ws"
        websocket = await session.ws_connect(
            f"{address}?width=120&height=40", headers={"Origin": origin}, autoping=answers
        )
        return cls(websocket)

    async def _read(self) -> None:
        async for message in self.websocket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.output += message.data.decode("utf-8", "replace")

    async def wait_for(self, text: str, limit: float = 20.0) -> None:
        for _ in range(int(limit / 0.05)):
            if text in plain(self.output):
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"waited {limit:.0f} s for {text!r} on the screen")

    async def keys(self, typed: str) -> None:
        for key in typed:  # one message a key, as a person types
            await self.websocket.send_str(json.dumps(["stdin", key]))

    async def tag_first_baghdad(self) -> None:
        """Open the first seed, search "Baghdad", select it and tag it a place (docs/keys.md)."""
        await self.wait_for("ERBIL, Kurdistan")
        await self.keys("\r")
        await self.wait_for("Baghdad")
        await self.keys("/")
        await self.wait_for("search (enter finds")
        await self.keys("Baghdad\r")
        await self.wait_for(" 527")
        await self.keys("vllllll")
        await self.wait_for("selected 527–534")
        await self.keys("3")
        await self.wait_for("tagged place “Baghdad” 527–534")

    async def close(self) -> None:
        await self.websocket.close()
        await self._reading


def websocket_of(page: str) -> str:
    """The WebSocket's address the page gives textual.js."""
    found = re.search(r'data-session-websocket-url="([^"]+)"', page)
    assert found is not None, "not a reader page"
    return found.group(1)
