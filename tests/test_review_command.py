"""reader review on the command line: --auto takes what sources share; bad input is one line."""

from __future__ import annotations

from annotations.model import ADJUDICATED
from annotations.store import AnnotationStore, read_stored
from annotations.team import AGREED_BY
from reader.cli import main
from tests.app.test_review_screen import ALICE, BOB, tags_of
from tests.conftest import SEED


def database(path, annotator, spans):
    with AnnotationStore(path) as store:
        for annotation in tags_of(annotator, spans):
            store.add(annotation)
    return str(path)


def test_auto_takes_what_every_source_shares_and_says_what_is_left(tmp_path, capsys):
    alice = database(tmp_path / "alice.json", "alice", ALICE)
    bob = database(tmp_path / "bob.json", "bob", BOB)
    gold = tmp_path / "gold.json"
    assert main(["review", "--db", str(gold), "--from", alice, "--from", bob, "--auto", "--annotator", "rita"]) == 0
    said = capsys.readouterr().err
    assert f"took 1 span that 2 of 2 sources share into {gold} (" in said
    assert "; 2 disagreements left in 1 article" in said
    [erbil] = read_stored(gold).annotations
    assert (erbil.article, erbil.text, erbil.origin, erbil.annotator) == (SEED, "ERBIL", ADJUDICATED, "rita")
    assert erbil.attrs[AGREED_BY] == "alice, bob"
    assert main(["review", "--db", str(gold), "--from", alice, "--from", bob, "--auto", "--min", "1"]) == 0
    # ERBIL is there already; of the two quotes one source each shares, neither: the reviewer's
    assert "took 1 span that 1 of 2 sources share" in capsys.readouterr().err
    assert main(["review", "--db", str(gold), "--from", alice, "--from", bob, "--auto", "--min", "1"]) == 0
    assert "took 0 spans" in capsys.readouterr().err  # twice adds nothing


def test_bad_input_is_one_line_and_exit_1(tmp_path, capsys):
    alice = database(tmp_path / "alice.json", "alice", ALICE)
    again = database(tmp_path / "alice-again.json", "alice", BOB)
    gold = str(tmp_path / "gold.json")
    cases = {
        ("--from", str(tmp_path / "missing.json")): "missing.json: no such database",
        ("--from", alice, "--from", again): f"{alice} and {again} are both 'alice'",
        ("--from", alice, "--from", gold.replace("gold", "alice")): "alice.json is given twice",
        ("--from", alice, "--auto", "--min", "3"): "--min 3: between 1 and 1",
        ("--from", alice, "--min", "1"): "--min goes with --auto",
    }
    for args, words in cases.items():
        assert main(["review", "--db", gold, *args]) == 1, args
        err = capsys.readouterr().err
        assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert main(["review", "--db", alice, "--from", alice]) == 1
    assert "is the gold database (--db)" in capsys.readouterr().err
