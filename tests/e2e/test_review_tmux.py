"""reader review in a real terminal: two annotators' databases over the seeds, settled
from the keyboard, quit, and the gold database holds what was chosen."""

from __future__ import annotations

import time

import pytest

from annotations.store import read_stored
from tests.app.test_review_screen import ALICE, BOB
from tests.conftest import SEED
from tests.e2e.test_tmux import READER, q
from tests.test_review_command import database

pytestmark = pytest.mark.e2e


def test_a_reviewer_takes_the_agreed_span_and_one_version_then_quits_saved(start, tmp_path):
    alice = database(tmp_path / "alice.json", "alice", ALICE)
    bob = database(tmp_path / "bob.json", "bob", BOB)
    gold = tmp_path / "gold.json"
    env = f"XDG_STATE_HOME={q(tmp_path / 'state')}"
    pane = start(
        f"env {env} {q(READER)} review --db {q(gold)} --from {q(alice)} --from {q(bob)} --annotator rita; "
        "echo EXIT=$?; sleep 30"
    )
    pane.wait_for(lambda s: "ERBIL, Kurdistan" in s, "the article list")
    pane.keys("Enter")
    pane.wait_for(lambda s: "US-led Coalition" in s, "the article")
    for _ in range(40):  # A before the gold database is read says so: a person presses it again
        pane.keys("A")
        if "took into gold" in pane.wait_for(lambda s: "took into gold" in s or "still being read" in s, "A's answer"):
            break
        time.sleep(0.5)
    pane.wait_for(lambda s: "took into gold" in s, "the agreed span taken")
    pane.keys(".")
    pane.wait_for(
        lambda s: "alice: quote “The Global Coalition is…” " in s and "bob: quote" in s, "the first disagreement said"
    )
    pane.keys("1")
    pane.wait_for(lambda s: "took into gold" in s and "saved" in s, "alice's version taken and saved")
    pane.keys("q")
    pane.wait_for(lambda s: "EXIT=0" in s, "the app to end")
    gold_tags = sorted((a.text, a.origin, a.annotator, a.attrs["agreed_by"]) for a in read_stored(gold).annotations)
    assert gold_tags == [
        ("ERBIL", "adjudicated", "rita", "alice, bob"),
        ("The Global Coalition is committed", "adjudicated", "rita", "alice"),
    ]
    assert all(a.article == SEED for a in read_stored(gold).annotations)
