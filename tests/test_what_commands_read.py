"""What the commands read of a database: a journal alone is a database (an annotator at
work, the app not yet quit), and a damaged journal line is skipped and said in one line,
as the app says it, by every command that reads one, the good lines kept."""

from __future__ import annotations

import json

import pytest

from annotations.corpus import find_articles
from annotations.model import new_annotation
from annotations.store import AnnotationStore, journal_path, read_annotations
from reader.cli import main
from reader.config import seeds_dir
from tests.conftest import SEED

WORDS = ["ERBIL", "Baghdad", "Anbar"]


def tagged(path, words=WORDS, close=False, empty_file=False):
    """A database whose tags of words (places in the first seed) are in its journal
    (after an empty file, if asked), as while its annotator has the app open; closed
    (compacted into the file) if asked."""
    article = find_articles([seeds_dir()]).get(SEED).load()
    store = AnnotationStore(path)
    if empty_file:
        store.save()
    for word in words:
        start = article.text.index(word)
        store.add(new_annotation(article, "place", start, start + len(word), annotator=path.stem))
        store.flush()  # as the app's saver does after every key
    store.close() if close else store.abandon()  # abandon: as though the app were still open
    return path


def damaged(path):
    """The journal's line of the second tag damaged (line 1 opens the segment)."""
    journal = journal_path(path)
    lines = journal.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b'"place"', b'"plaCe"')  # its checksum no longer holds
    journal.write_bytes(b"\n".join(lines))
    return f"reader: {journal}: damaged line 3 skipped, 2 changes kept; left as it is (set aside when reader next opens the database to write)\n"


def test_a_database_with_only_its_journal_is_counted_by_stats_and_agree(tmp_path, capsys):
    alice = tagged(tmp_path / "alice.json", close=True)
    bob = tagged(tmp_path / "bob.json", ["ERBIL", "Baghdad"])
    assert alice.is_file() and not bob.exists() and journal_path(bob).is_file()
    assert main(["agree", "--db", str(alice), "--db", str(bob), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["coders"] == ["alice", "bob"] and report["articles"] == 1
    exact = {(m["measure"], m["label"], tuple(m["pair"] or ())): m["value"] for m in report["measures"]}
    assert exact["f1_exact", "place", ("alice", "bob")] == pytest.approx(2 * 2 / 5)  # 2 shared of 3 and 2
    plan = tmp_path / "plan.json"
    assert main(["assign", "--annotators", "alice,bob", "--overlap", "100", "-o", str(plan)]) == 0
    capsys.readouterr()
    assert main(["stats", "--plan", str(plan), "--db", str(alice), "--db", str(bob)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[1:] == ["alice\t1\t2", "bob\t1\t2"]  # each tagged the first seed
    assert main(["stats", "--db", str(bob)]) == 0
    assert f"{SEED}\t0\t0\t2\t2\t0\t" in capsys.readouterr().out.splitlines()
    assert not bob.exists()  # read, not written


def test_every_command_that_reads_a_database_says_a_damaged_journal_line_and_keeps_the_rest(tmp_path, capsys):
    db = tagged(tmp_path / "alice.json", empty_file=True)
    said = damaged(db)
    out = tmp_path / "out.jsonl"
    assert main(["export", "--db", str(db), "-o", str(out)]) == 0
    assert capsys.readouterr().err == said + "wrote 2 lines to " + str(out) + "\n"
    assert [json.loads(line)["text"] for line in out.read_text().splitlines()] == ["ERBIL", "Anbar"]
    assert main(["stats", "--db", str(db)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(said) and f"{SEED}\t0\t0\t2\t2\t0\t" in captured.out.splitlines()
    other = tagged(tmp_path / "bob.json", ["ERBIL"], close=True)
    assert main(["agree", "--db", str(db), "--db", str(other)]) == 0
    assert capsys.readouterr().err.count(said) == 1
    plan = tmp_path / "plan.json"
    assert main(["assign", "--annotators", "alice,bob", "--overlap", "100", "-o", str(plan)]) == 0
    capsys.readouterr()
    assert main(["stats", "--plan", str(plan), "--db", str(db), "--db", str(other)]) == 0
    assert capsys.readouterr().err.startswith(said)
    assert main(["suggest", "--db", str(db), "--label", "place", "-o", str(tmp_path / "s.jsonl")]) == 0
    assert capsys.readouterr().err.startswith(said)
    gold = tmp_path / "gold.json"
    assert main(["review", "--db", str(gold), "--from", str(db), "--auto", "--annotator", "rita"]) == 0
    assert capsys.readouterr().err.startswith(said)
    assert sorted(a.text for a in read_annotations(gold)) == ["Anbar", "ERBIL"]
    assert AnnotationStore(db, readonly=True).warnings == [said.removeprefix("reader: ").rstrip()]  # a second app
    assert not list(tmp_path.glob("alice.json.journal.damaged-*"))  # the readers left it as it is


def test_import_into_a_database_with_a_damaged_journal_says_it_and_sets_it_aside(tmp_path, capsys):
    db = tagged(tmp_path / "alice.json")
    damaged(db)
    source = tmp_path / "more.jsonl"
    start = find_articles([seeds_dir()]).get(SEED).load().text.index("Kurdistan")
    source.write_text(json.dumps({"article": SEED, "label": "place", "start": start, "end": start + 9}) + "\n")
    assert main(["import", str(source), "--db", str(db)]) == 0
    err = capsys.readouterr().err.splitlines()
    aside = list(tmp_path.glob("alice.json.journal.damaged-*"))
    assert len(aside) == 1
    assert err[0] == (
        f"reader: {journal_path(db)}: damaged line 3 skipped, 2 changes kept; the damaged journal is kept as {aside[0]}"
    )
    assert sorted(a.text for a in read_annotations(db)) == ["Anbar", "ERBIL", "Kurdistan"]
