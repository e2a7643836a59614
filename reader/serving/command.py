"""The command line of `reader serve`: read the options, check them, print the URLs, serve."""

from __future__ import annotations

import argparse
import os
import re
import socket
import sys
from pathlib import Path

from annotations.text import plural

from ..command_setup import Failure, add_corpus_arguments, load_corpus, tell
from ..config import load_labels
from .access import Seat, is_loopback

USER_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")  # a file name on every system


def parser() -> argparse.ArgumentParser:
    made = argparse.ArgumentParser(
        prog="reader serve",
        description="Serve reader to a browser: each tab runs a reader of its own, reached through a "
        "URL with a fresh secret token (docs/serve.md says what is safe).",
    )
    add_corpus_arguments(made)
    made.add_argument("--annotator", metavar="NAME", help="name stored with the tags (default: your login)")
    made.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    made.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0: any free one)")
    made.add_argument("--max-sessions", type=int, default=4, metavar="N", help="tabs running at once (default: 4)")
    made.add_argument("--team", metavar="DIR", help="one database a user in DIR: DIR/<user>.json (with --users)")
    made.add_argument("--users", metavar="A,B", help="the team's users, each given a URL of its own")
    return made


def run_serve(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    try:
        import textual_serve  # noqa: F401  (an optional extra)
    except ImportError:
        raise Failure(
            "reader serve needs textual-serve: in reader's folder, .venv/bin/pip install '.[serve]'"
        ) from None
    if args.max_sessions < 1:
        raise Failure(f"--max-sessions {args.max_sessions}: give 1 or more")
    if not 0 <= args.port <= 65535:
        raise Failure(f"--port {args.port}: give 0 to 65535")
    seats, team = _seats(args)
    # What would stop every tab's reader at its start is said once, now: no articles, a bad labels.toml.
    load_corpus(args.paths, quiet=True, text_field=args.text_field, first=1)
    load_labels()
    command = [sys.executable, "-m", "reader", *(str(Path(p).resolve()) for p in args.paths)]
    command += ["--text-field", args.text_field]
    if args.db and not team:
        command += ["--db", str(Path(args.db).expanduser().resolve())]
    if args.annotator:
        command += ["--annotator", args.annotator]

    from .server import ReaderServer, serve

    server = ReaderServer(command, seats, team, args.host, args.max_sessions)

    def ready(port: int) -> None:
        shown = socket.gethostname() if args.host in ("0.0.0.0", "::", "") else args.host
        shown = f"[{shown}]" if ":" in shown else shown
        for seat in seats:
            if seat.user:
                print(f"{seat.user}:")
            print(f"http://{shown}:{port}/{seat.token}/", flush=True)
        if not is_loopback(args.host):
            tell(
                f"reader: listening on {args.host}:{port}: anyone who can reach this machine on that port can ask "
                "for the page (the token is still required); without TLS the token crosses the network "
                "readable (docs/serve.md: put a TLS proxy in front)"
            )
        tell(f"reader: at most {plural(args.max_sessions, 'tab')} at once; Ctrl-C ends every reader, saved")

    try:
        serve(server, args.host, args.port, ready)
    except OSError as error:
        why = os.strerror(error.errno) if error.errno else str(error)
        raise Failure(f"cannot listen on {args.host}:{args.port}: {why} (--port 0 takes any free port)") from None
    return 0


def _seats(args: argparse.Namespace) -> tuple[list[Seat], Path | None]:
    """One seat, or one a team member; the team's folder."""
    if not args.team and not args.users:
        return [Seat()], None
    if not (args.team and args.users):
        raise Failure("--team DIR and --users A,B go together")
    if args.db or args.annotator:
        raise Failure("--team names each user's database and annotator: leave out --db and --annotator")
    users = [name.strip() for name in args.users.split(",") if name.strip()]
    wrong = [name for name in users if not USER_NAME.fullmatch(name)]
    if wrong or not users:
        raise Failure(f"--users: {wrong[0] if wrong else args.users!r} is not a user name (letters, digits, . _ -)")
    if len(set(users)) != len(users):
        raise Failure("--users: a name is given twice")
    team = Path(args.team).expanduser().resolve()
    try:
        team.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise Failure(f"--team {args.team}: cannot make the folder ({error.strerror or error})") from None
    return [Seat(user) for user in users], team
