"""textual-serve's Server and AppService, made safe to leave running (docs/serve.md).

What textual-serve does that we rely on: AppService runs one process per WebSocket with
Textual's web driver (TEXTUAL_DRIVER) and relays its framed output (run); Server relays the
browser's keys, sizes and focus to it (_process_messages); its static folder holds the page's
script (textual.js, xterm) and fonts. What it lacks is added here: a token on every address,
the Origin check before any process starts, a cap on tabs, and an end to every reader within
seconds of its tab going away or of the server stopping, saved.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from string import Template
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from annotations.text import plural

from .access import Places, Seat, first_segment, host_allowed, same_origin, seat_of

HEARTBEAT = 1.5  # seconds between pings: a connection that drops silently is noticed within 2.25 s
# A reader told to quit saves and ends within a second (launch.EXIT_DEADLINE); if it has not,
# SIGTERM (which saves too), then SIGKILL: all within 5 s of its tab closing.
QUIT_WAIT = 2.5
TERM_WAIT = 1.5
PAGE = Template((Path(__file__).with_name("page.html")).read_text(encoding="utf-8"))
REFUSED = "403: this address needs the token that `reader serve` printed\n"
HEADERS = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store", "X-Frame-Options": "DENY"}


class Session(AppService):
    """One tab's reader: started with an argument list (no shell), in a session of its
    own (Ctrl-C in the server's terminal reaches the server, which ends it saved), and told
    by the kernel to end if the server dies without ending it."""

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self._ended: asyncio.Task[None] | None = None

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
            preexec_fn=_end_with_parent,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """Every way a tab ends comes here, once: quit, then SIGTERM, then SIGKILL."""
        if self._ended is None:
            self._ended = asyncio.ensure_future(self._end())
        await asyncio.shield(self._ended)

    async def _end(self) -> None:
        process = self._process
        if process is not None and process.returncode is None:
            await self.send_meta({"type": "quit"})
            for wait, then in ((QUIT_WAIT, signal.SIGTERM), (TERM_WAIT, signal.SIGKILL)):
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(process.wait(), wait)
                    break
                with contextlib.suppress(ProcessLookupError):
                    if then == signal.SIGKILL:
                        os.killpg(process.pid, then)  # and whatever it started
                    else:
                        process.send_signal(then)
            await process.wait()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task


def _end_with_parent() -> None:
    """In the child before exec (Linux): SIGTERM it when the server's process dies, even by
    SIGKILL, so no reader outlives its server. SIGTERM makes a reader quit, saved."""
    if sys.platform.startswith("linux"):
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class ReaderServer(Server):
    def __init__(self, argv: list[str], seats: list[Seat], team: Path | None, host: str, max_sessions: int) -> None:
        super().__init__("reader", host=host, title="reader")
        self.argv = argv
        self.seats = seats
        self.team = team
        self.max_sessions = max_sessions
        self.places = Places(max_sessions)
        self.port = 0  # known once listening
        self.sessions: dict[Session, web.WebSocketResponse] = {}

    def argv_for(self, seat: Seat) -> list[str]:
        if seat.user is None or self.team is None:
            return self.argv
        return [*self.argv, "--db", str(self.team / f"{seat.user}.json"), "--annotator", seat.user]

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.check_token])
        app.add_routes(
            [
                web.get("/{token}", self.add_slash),  # the URL pasted without its last character
                web.head("/{token}/", self.handle_head),  # before the GET, which would answer it too
                web.get("/{token}/", self.handle_index, allow_head=False),
                web.get("/{token}/ws", self.handle_websocket),
                web.get("/{token}/ws/{ticket}", self.handle_websocket),  # the page's: its place held
                web.get("/{token}/static/{path:.+}", self.handle_static),
            ]
        )
        return app

    @web.middleware
    async def check_token(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Nothing is served, nothing started, without a seat's token and a Host of ours."""
        seat = seat_of(self.seats, first_segment(request.path))
        if seat is None or not host_allowed(request.host, self.host, self.port):
            return web.Response(status=403, text=REFUSED, headers=HEADERS)
        request["seat"] = seat
        response = await handler(request)
        response.headers.update(HEADERS)
        return response

    async def handle_index(self, request: web.Request) -> web.Response:
        ticket = self.places.hold(len(self.sessions))
        if ticket is None:
            return web.Response(status=503, content_type="text/html", text=limit_page(self.max_sessions))
        scheme = "wss" if request.headers.get("X-Forwarded-Proto") == "https" else "ws"
        seat = request["seat"]
        page = PAGE.substitute(
            websocket=f"{scheme}://{request.host}/{seat.token}/ws/{ticket}",
            font_size=to_int(request.query.get("fontsize", "16"), 16),
            who=f" · {seat.user}" if seat.user else "",
        )
        return web.Response(content_type="text/html", text=page)

    async def handle_head(self, request: web.Request) -> web.Response:
        """What a GET would get now (its page or the limit), with no place held for it."""
        status = 200 if self.places.free(len(self.sessions)) else 503
        return web.Response(status=status, content_type="text/html")

    async def add_slash(self, request: web.Request) -> web.Response:
        raise web.HTTPFound(f"/{request['seat'].token}/")

    async def handle_static(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's script, styles and fonts; nothing outside their folder."""
        root = Path(self.statics_path).resolve()
        path = (root / request.match_info["path"]).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            raise web.HTTPNotFound()
        return web.FileResponse(path)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A tab's reader: refused before it starts if another site's page asks, or if
        max_sessions run or are held for pages just served; ended when the tab goes away."""
        if not same_origin(request.headers.get("Origin"), request.host):
            raise web.HTTPForbidden(text="403: a WebSocket from another site's page\n")
        if not self.places.take(request.match_info.get("ticket"), len(self.sessions)):
            raise web.HTTPServiceUnavailable(text=f"503: {_already(self.max_sessions)}\n")
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT)
        session = Session(
            self.argv_for(request["seat"]),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.sessions[session] = websocket  # before any await: a WebSocket racing this one sees its place taken
        try:
            await websocket.prepare(request)
            await session.start(
                to_int(request.query.get("width", "80"), 80), to_int(request.query.get("height", "24"), 24)
            )
            await self._process_messages(websocket, session)
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            await session.stop()
            del self.sessions[session]
            if websocket.prepared:
                await websocket.close()
        return websocket

    async def end_all(self) -> None:
        """The server is stopping: every reader quits, saved, then every tab is closed."""
        await asyncio.gather(*(session.stop() for session in list(self.sessions)))
        await asyncio.gather(*(ws.close() for ws in list(self.sessions.values()) if ws.prepared))


def _already(most: int) -> str:
    return f"{plural(most, 'tab')} already {'runs' if most == 1 else 'run'}"


def limit_page(most: int) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>reader: tab limit</title></head>"
        f"<body><p>reader: {_already(most)} here, the most this server allows (--max-sessions {most}). "
        "Close one of them, then reload this page.</p></body></html>"
    )


def serve(server: ReaderServer, host: str, port: int, ready: Callable[[int], None]) -> None:
    """Listen until Ctrl-C, SIGTERM or SIGHUP, then end every reader, saved."""
    asyncio.run(_serve(server, host, port, ready))


async def _serve(server: ReaderServer, host: str, port: int, ready: Callable[[int], None]) -> None:
    app = await server._make_app()
    runner = web.AppRunner(
        app, access_log=None, handle_signals=False, shutdown_timeout=1.0
    )  # no log: it would hold tokens
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        server.port = runner.addresses[0][1]
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, stop.set)
        ready(server.port)
        await stop.wait()
        await server.end_all()
    finally:
        await runner.cleanup()
