"""Long commands show a progress line on stderr when it is a terminal (done of total,
the rate, the time left), and nothing of it when stderr is piped."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def corpus_and_records(tmp_path, articles: int = 60):
    folder = tmp_path / "corpus"
    folder.mkdir()
    lines = []
    for n in range(articles):
        (folder / f"a{n:03}.txt").write_text(f"Officials in Kirkuk counted {n} ballots on Monday.", encoding="utf-8")
        lines.append(json.dumps({"article": f"a{n:03}.txt", "label": "place", "start": 13, "end": 19}))
    records = tmp_path / "in.jsonl"
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, records


def run(args: list[str], terminal: bool) -> str:
    """The command's stderr, through a pseudo-terminal or a pipe."""
    command = [sys.executable, "-m", "reader", *args]
    if not terminal:
        return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT).stderr
    main, child = pty.openpty()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=child, cwd=ROOT)
    os.close(child)
    said = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        said += chunk
    process.wait(timeout=120)
    os.close(main)
    return said.decode("utf-8")


@pytest.mark.parametrize("command", ["import", "suggest", "export"])
def test_a_progress_line_on_a_terminal_and_none_in_a_pipe(tmp_path, command):
    folder, records = corpus_and_records(tmp_path)
    db = str(tmp_path / "db.json")
    if command != "import":
        assert "imported 60 new" in run(["import", str(records), str(folder), "--db", db], terminal=False)
    args = {
        "import": ["import", str(records), str(folder), "--db", db],
        "suggest": ["suggest", str(folder), "--db", db, "-o", str(tmp_path / "s.jsonl")],
        "export": ["export", str(folder), "--db", db, "-o", str(tmp_path / "e.jsonl")],
    }[command]
    shown = run(args, terminal=True)
    total = {"import": "60 records", "suggest": "60 articles", "export": "60 tags"}[command]
    assert f"of {total} · " in shown and "/s" in shown and "\r" in shown, shown
    assert "␍" not in shown and "␛" not in shown  # the line's own control characters act, not shown
    piped = run(args, terminal=False)
    assert "\r" not in piped and f"of {total}" not in piped
