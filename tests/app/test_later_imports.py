"""A running app never imports our files again once its first screen is up: what it
imports on first use is imported in a thread at start (reader/later_imports.py), so an
upgrade under a running reader cannot break a key."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

from reader.app.later_imports import LATER

ROOT = Path(__file__).resolve().parents[2]
# Run before the first screen (the command line, the configuration, the terminal driver):
# their imports on first use happen at start anyway.
AT_START = {
    "reader/cli.py",
    "reader/commands/__init__.py",
    "reader/commands/exchange.py",
    "reader/commands/stats.py",
    "reader/commands/team.py",
    "reader/commands/team_reading.py",
    "reader/commands/progress.py",
    "reader/config.py",
    "reader/command_setup.py",
    "reader/launch.py",
    "reader/commands/review.py",
    "reader/app/later_imports.py",
    "reader/serving/command.py",  # `reader serve`: a server that runs no app itself
    "reader/ner_setting.py",
    "reader/commands/suggest.py",  # reader suggest: no app
}
# Imported outside the app's process only: spaCy by the process that holds the app's model
# (annotations/suggest/model_process.py), Dask and a pool by reader suggest.
ELSEWHERE = {"spacy", "distributed", "multiprocessing"}
AT_START_FUNCTIONS = {"surviving_lost_terminal"}


def imports_on_first_use(path: Path) -> list[tuple[str, int]]:
    """(module, line) of every import inside a function of path, but under TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or function.name in AT_START_FUNCTIONS:
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                found += [(alias.name, node.lineno) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
                for alias in node.names:  # `from annotations import choices` imports a module
                    child = f"{base}.{alias.name}"
                    found.append((child if importlib.util.find_spec(base) and _is_module(child) else base, node.lineno))
    return found


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def test_every_import_the_running_app_makes_on_first_use_is_imported_at_start():
    missing = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for folder in ("reader", "annotations")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.relative_to(ROOT).as_posix() not in AT_START
        for module, line in imports_on_first_use(path)
        if module not in LATER and module not in ELSEWHERE
    ]
    assert missing == [], "add these to reader/app/later_imports.py LATER"


SCRIPT = r"""
import asyncio, sys
from importlib.abc import MetaPathFinder
from annotations.corpus import find_articles
from annotations.model import DEFAULT_LABELS
from annotations.store import AnnotationStore
from reader.app import ReaderApp
from reader.config import seeds_dir

class Upgraded(MetaPathFinder):
    "As after pip install replaced the files: nothing of ours or Textual's may be imported anew."
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("annotations", "reader", "textual", "rich", "regex"):
            raise ImportError(f"cannot import name {name!r} (the files were replaced)")

async def main():
    app = ReaderApp(find_articles([seeds_dir()]), AnnotationStore(sys.argv[1]), DEFAULT_LABELS, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(600):
            await pilot.pause(0.05)
            if all(w.is_finished for w in app.workers):
                break
        sys.meta_path.insert(0, Upgraded())
        await pilot.press("enter", "slash", *"Baghdad", "enter", "v", *"llllll", "3")  # a place
        await pilot.press("E"); await pilot.pause(); await pilot.press("escape")  # the place picker
        for key in ("T", "F", "L", "question_mark", "x"):
            await pilot.press(key); await pilot.pause(0.3); await pilot.press("escape")
        await pilot.press("w", "s", "1", "E"); await pilot.pause(); await pilot.press("escape")  # the speaker picker
        await pilot.press("full_stop", "y", "a", "a")
        await pilot.pause(0.5)
        print("RUNNING" if app.is_running else "ENDED", app.return_code)
    app.store.close()

asyncio.run(main())
"""


def test_the_running_app_needs_none_of_its_files_after_start(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "db.json")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert "ImportError" not in done.stdout + done.stderr, done.stderr[-3000:]
    assert done.stdout.split()[-2:] == ["RUNNING", "None"], done.stdout[-2000:] + done.stderr[-2000:]
