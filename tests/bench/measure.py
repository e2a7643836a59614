"""How the benchmarks measure: whole processes in tmux, keystrokes with Pilot, memory peaks."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.tmux import Pane

PYTHON = sys.executable
READER = str(Path(sys.executable).with_name("reader"))
ROOT = Path(__file__).resolve().parents[2]


def time_after_keys(command: list[str], ready: str, keys: list[str], end: str, limit: float = 120.0) -> float:
    """Seconds from pressing keys (G: to the end), once ready is on screen, to end being on screen."""
    pane = Pane(command)
    try:
        pane.wait_for(lambda screen: ready in screen, f"{ready!r} from {command}", limit, interval=0.05)
        started = time.perf_counter()
        pane.keys(*keys)
        pane.wait_for(lambda screen: end in screen, f"{end!r} after {keys}", limit, interval=0.005)
        return time.perf_counter() - started
    finally:
        pane.close()


def first_screen(command: list[str], marker: str | re.Pattern[str], limit: float = 60.0) -> float:
    """Seconds from starting command in a 120x40 tmux pane to marker (text, or a
    pattern) being on screen."""
    started = time.perf_counter()
    pane = Pane(command)

    def shown(screen: str) -> bool:
        return bool(marker.search(screen)) if isinstance(marker, re.Pattern) else marker in screen

    try:
        pane.wait_for(shown, f"{marker!r} from {command}", limit, interval=0.005)
        return time.perf_counter() - started
    finally:
        pane.close()


def median_first_screens(runs: list[tuple[list[str], str | re.Pattern[str]]], repeat: int) -> list[float]:
    """The median first-screen time of each (command, marker), the runs taken in turns
    so that a slow moment of the machine falls on all of them alike."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for found, (command, marker) in zip(times, runs):
            found.append(first_screen(command, marker))
    return [statistics.median(found) for found in times]


SMALLEST_APP = """
from textual.app import App
from textual.widgets import Static
class Smallest(App):
    def compose(self):
        yield Static("smallest-app-ready")
Smallest().run()
"""


def smallest_app() -> list[str]:
    return [PYTHON, "-c", SMALLEST_APP]


async def key_times(pilot, keys: list[str]) -> list[float]:
    """Milliseconds of UI-thread CPU each key took, handled and the screen brought up to date.

    CPU time of the thread, not wall time: under Pilot, wall time is mostly its wait for
    the app to go idle (about 80 ms a key even for the smallest app here).
    """
    times = []
    for key in keys:
        started = time.thread_time()
        await pilot.press(key)
        await pilot.pause()
        times.append((time.thread_time() - started) * 1000)
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


# The peak resident memory of this process: VmHWM, not ru_maxrss, which Linux carries
# over from the parent across exec (so every child would report the runner's peak).
PEAK_MB = "next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024"


def peak_mb() -> float:
    """This process's peak resident memory (see PEAK_MB)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


PEAK = f"""
import json, sys, time
from reader.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
elapsed = time.perf_counter() - started
print(json.dumps({{"code": code, "seconds": elapsed, "peak_mb": {PEAK_MB}}}), file=sys.stderr)
"""


def run_reader(args: list[str]) -> dict:
    """Run a reader command in a fresh process: its seconds (in main) and memory peak."""
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-c", PEAK, *args], capture_output=True, text=True, check=True)
    figures = json.loads(result.stderr.strip().splitlines()[-1])
    figures["process_seconds"] = time.perf_counter() - started
    return figures


JSON_DUMP = """
import json, sys, time
data = json.load(open(sys.argv[1], encoding="utf-8"))
started = time.perf_counter()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for record in data["annotations"].values():
        out.write(json.dumps(record, ensure_ascii=False) + "\\n")
print(json.dumps({"seconds": time.perf_counter() - started, "peak_mb": PEAK_MB}), file=sys.stderr)
""".replace("PEAK_MB", PEAK_MB)


JSON_LINES_LOAD = "import json, sys\nfor line in open(sys.argv[1], 'rb'): json.loads(line)"


def run_python(code: str, *args: Path) -> float:
    """Seconds a fresh interpreter takes to run code (with args): a baseline in a process."""
    started = time.perf_counter()
    subprocess.run([PYTHON, "-c", code, *map(str, args)], check=True)
    return time.perf_counter() - started


def run_session(path: Path, word: str) -> dict:
    """tests/bench/session.py in a fresh process: search, resize, G, memory peak."""
    result = subprocess.run(
        [PYTHON, "-m", "tests.bench.session", str(path), word], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def plain_json_dump(db: Path, out: Path) -> dict:
    """The floor for an export: load the database with json and write each record as a line."""
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-c", JSON_DUMP, str(db), str(out)], capture_output=True, text=True, check=True)
    figures = json.loads(result.stderr.strip().splitlines()[-1])
    figures["process_seconds"] = time.perf_counter() - started
    return figures


SUGGEST = f"""
import json, sys, time
started = time.perf_counter()
from pathlib import Path
from annotations.suggest import gazetteer
places = gazetteer.load(Path(sys.argv[1]))
loaded = time.perf_counter()
from annotations.suggest.suggestions import Knowledge, suggest
text = Path(sys.argv[2]).read_text(encoding="utf-8")
labels = ["quote", "figure", "place"]
suggest("a", text, [], Knowledge(), labels, lambda: places)
cold = time.perf_counter()
for _ in range(5):
    suggest("a", text, [], Knowledge(), labels, lambda: places)
warm = (time.perf_counter() - cold) / 5
print(json.dumps({{"load": loaded - started, "cold": cold - started, "warm": warm, "peak_mb": {PEAK_MB}}}))
"""
BARE = f"import json; print(json.dumps({{'peak_mb': {PEAK_MB}}}))"


def run_suggest(cache: Path, article: Path) -> dict:
    """Suggestions for one article in a fresh process: gazetteer load, cold and warm."""
    result = subprocess.run(
        [PYTHON, "-c", SUGGEST, str(cache), str(article)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def bare_python() -> dict:
    """The interpreter alone: its start (seconds) and memory peak, the floor of every process row."""
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-c", BARE], capture_output=True, text=True, check=True)
    return {"seconds": time.perf_counter() - started, **json.loads(result.stdout)}
