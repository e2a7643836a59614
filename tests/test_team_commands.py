"""reader assign, reader agree, a plan's share and its progress: three annotators on the
seeds, as a team would use them; bad input is one line and exit 1."""

from __future__ import annotations

import json

import pytest

from annotations.corpus import ReadOnce, find_articles
from reader.cli import main
from reader.commands.team import plan_share
from reader.config import seeds_dir
from tests.conftest import SEED, SEED2

TEXT = (seeds_dir() / SEED).read_text(encoding="utf-8")


def span(label: str, word: str, article: str = SEED) -> dict:
    start = TEXT.index(word)
    return {"article": article, "label": label, "start": start, "end": start + len(word), "text": word}


TAGS = {
    "alice": [span("place", "ERBIL"), span("place", "Baghdad"), span("place", "Anbar"), span("quote", "The Global")],
    "bob": [span("place", "ERBIL"), span("place", "Baghdad"), span("quote", "The Global Coalition")],
    "cat": [span("place", "ERBIL"), span("place", "Anbar")],
}


@pytest.fixture
def team(tmp_path, capsys):
    """Each annotator's own database, made with reader import as a team member would."""
    for name, tags in TAGS.items():
        source = tmp_path / f"{name}.jsonl"
        source.write_text("".join(json.dumps(tag) + "\n" for tag in tags))
        assert main(["import", str(source), "--db", str(tmp_path / f"{name}.json"), "--annotator", name]) == 0
    capsys.readouterr()
    return tmp_path


def dbs(folder, *names):
    return [arg for name in names for arg in ("--db", str(folder / f"{name}.json"))]


def test_agree_in_json_every_figure_with_what_it_rests_on(team, capsys):
    assert main(["agree", *dbs(team, "alice", "bob", "cat"), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["articles"] == 1 and report["coders"] == ["alice", "bob", "cat"]
    figures = {(m["measure"], m["label"], tuple(m["pair"] or ())): m for m in report["measures"]}
    assert figures["f1_exact", "place", ("alice", "bob")]["value"] == pytest.approx(2 * 2 / 5)
    assert figures["f1_exact", "quote", ("alice", "bob")]["value"] == 0
    assert figures["f1_overlap", "quote", ("alice", "bob")]["value"] == 1
    assert figures["f1_exact", "place", ()]["n"] == 1  # the mean of the three pairs
    cat_quote = figures["cohen_kappa", "quote", ("alice", "cat")]
    assert cat_quote["value"] is not None
    assert {m["measure"] for m in report["measures"]} == {
        "f1_exact",
        "f1_overlap",
        "alpha_unitizing",
        "alpha_nominal",
        "cohen_kappa",
        "fleiss_kappa",
    }
    assert all(m["n"] == 1 for m in report["measures"])


def test_a_figure_that_cannot_be_computed_is_null_with_its_reason(team, capsys):
    assert main(["agree", *dbs(team, "bob", "cat"), "--label", "quote", "--format", "json"]) == 0
    figures = json.loads(capsys.readouterr().out)["measures"]
    kappa = next(m for m in figures if m["measure"] == "cohen_kappa" and m["label"] == "quote")
    assert kappa["value"] == 0.0  # cat never says quote: no agreement beyond chance
    assert main(["agree", *dbs(team, "alice", "cat"), "--label", "figure", "--format", "json"]) == 0
    figures = json.loads(capsys.readouterr().out)["measures"]
    alpha = next(m for m in figures if m["measure"] == "alpha_nominal")
    assert alpha["value"] is None and alpha["reason"] == "no variation: one value throughout"


def test_agree_table_fits_80_columns_and_csv_loads(team, capsys):
    assert main(["agree", *dbs(team, "alice", "bob", "cat")]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0] == "1 article coded by two or more of 3 coders: alice, bob, cat"
    assert max(map(len, table)) <= 80
    assert any(line.split()[:4] == ["f1_overlap", "quote", "alice", "·"] for line in table)
    assert main(["agree", *dbs(team, "alice", "bob"), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "measure,label,coder_a,coder_b,value,n,reason"
    assert "f1_exact,quote,alice,bob,0.0,1," in rows


def test_assign_then_share_then_progress(team, capsys):
    plan_path = team / "plan.json"
    args = ["assign", "--annotators", "alice,bob,cat", "--overlap", "50", "--seed", "3", "-o", str(plan_path)]
    assert main(args) == 0
    first = plan_path.read_bytes()
    assert "2 articles, 1 read by everyone" in capsys.readouterr().err
    assert main(args) == 0 and plan_path.read_bytes() == first  # same inputs and seed: same bytes
    plan = json.loads(first)
    shared = next(a for a, names in plan["articles"].items() if len(names) == 3)
    alone = next(a for a in plan["articles"] if a != shared)
    assert list(plan["articles"]) == [shared, alone]
    owner = plan["articles"][alone][0]
    corpus = find_articles([seeds_dir()])
    assert [e.id for e in plan_share(corpus, str(plan_path), owner).entries] == [shared, alone]
    other = next(name for name in TAGS if name != owner)
    assert [e.id for e in plan_share(corpus, str(plan_path), other).entries] == [shared]
    assert main(["stats", "--plan", str(plan_path), *dbs(team, "alice", "bob", "cat")]) == 0
    captured = capsys.readouterr()
    rows = captured.out.splitlines()
    assert rows[0] == "annotator\tdone\tassigned"
    progress = {row.split("\t")[0]: row.split("\t")[1:] for row in rows[1:]}
    assert progress[owner] == ["1", "2"]  # each tagged the first seed only
    assert progress[other] == ["1" if shared == SEED else "0", "1"]
    assert "of 4 assigned articles" in captured.err
    nothing = team / "nothing.json"
    assert main(["assign", "--annotators", "alice,bob,cat", "--overlap", "0", "-o", str(nothing)]) == 0
    given = {name for names in json.loads(nothing.read_bytes())["articles"].values() for name in names}
    empty = [name for name in ("alice", "bob", "cat") if name not in given]
    assert empty  # two articles among three annotators: one gets none
    capsys.readouterr()
    one_line_exit_1(capsys, ["--plan", str(nothing), "--annotator", empty[0]], f"gives {empty[0]} no articles")


def one_line_exit_1(capsys, argv: list[str], says: str) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and "Traceback" not in err, err


def test_bad_input_is_one_clear_line(team, capsys, tmp_path):
    alice, bob = str(team / "alice.json"), str(team / "bob.json")
    one_line_exit_1(capsys, ["agree", "--db", alice, "--db", str(team / "gone.json")], "gone.json: no such database")
    one_line_exit_1(capsys, ["agree", "--db", alice], "agree needs two coders: " + alice)
    one_line_exit_1(capsys, ["agree"], "give each annotator's database with --db")
    one_line_exit_1(capsys, ["agree", "--db", alice, "--db", alice], "is given twice")
    twin = team / "alice-again.json"
    twin.write_bytes((team / "alice.json").read_bytes())
    one_line_exit_1(
        capsys,
        ["agree", "--db", alice, "--db", bob, "--db", str(twin)],
        f"two coders are named alice: in {alice} and in {twin}",
    )
    one_line_exit_1(
        capsys, ["agree", "--db", alice, "--db", bob, "--article", "nope.txt"], "--article nope.txt: not in this corpus"
    )
    one_line_exit_1(capsys, ["agree", "--db", alice, "--db", bob, "--label", "nosuch"], "--label nosuch: no such label")
    one_line_exit_1(
        capsys, ["assign", "--annotators", "a,b", "--overlap", "101"], "--overlap 101: give a percentage from 0 to 100"
    )
    one_line_exit_1(capsys, ["assign", "--annotators", "a,b,a"], "a is named twice")
    plan_path = tmp_path / "plan.json"
    assert main(["assign", "--annotators", "alice,bob", "-o", str(plan_path)]) == 0
    capsys.readouterr()
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.txt").write_text("Another corpus altogether.\n")
    one_line_exit_1(
        capsys, ["stats", str(other), "--plan", str(plan_path), "--db", alice], "is it the plan of another corpus?"
    )
    one_line_exit_1(
        capsys, ["--plan", str(plan_path), "--annotator", "dan"], "dan is not one of its annotators (alice, bob)"
    )
    one_line_exit_1(capsys, [str(other), "--plan", str(plan_path), "--annotator", "alice"], "not in this corpus")
    one_line_exit_1(capsys, ["stats", "--plan", str(tmp_path / "none.json"), "--db", alice], "cannot read the plan")
    unknown = json.loads(plan_path.read_text())
    unknown["articles"]["gone.txt"] = ["alice"]
    plan_path.write_text(json.dumps(unknown))
    one_line_exit_1(
        capsys,
        ["--plan", str(plan_path), "--annotator", "alice"],
        "1 of its 3 articles are not in this corpus (first: gone.txt)",
    )


def test_databases_read_in_parallel_give_the_same_figures(team, capsys, monkeypatch):
    argv = ["agree", *dbs(team, "alice", "bob", "cat"), "--format", "json"]
    assert main(argv) == 0
    serial = capsys.readouterr().out
    monkeypatch.setattr("reader.commands.team_reading.PARALLEL_ABOVE", 0)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert main(argv) == 0
    assert capsys.readouterr().out == serial
    (team / "bob.json").write_text("not a database")
    assert main(argv) == 1  # a reader's error still comes back as one line
    assert capsys.readouterr().err.startswith("reader: ")


def test_tags_of_articles_outside_the_corpus_are_said_and_left_out(team, capsys):
    other = team / "corpus"
    other.mkdir()
    (other / SEED2).write_text((seeds_dir() / SEED2).read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["agree", str(other), *dbs(team, "alice", "bob"), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert f"{team / 'alice.json'}: left out the tags of 1 article not in this corpus" in captured.err
    report = json.loads(captured.out)
    assert report["articles"] == 0 and report["coders"] == ["alice", "bob"]  # named after their files
    assert {m["reason"] for m in report["measures"]} <= {
        "no article both coded",
        "no pair has a value",
        "no article coded by every coder",
        "no token coded by two coders",
        "no token coded by both",
        "no token coded by every coder",
    }


def test_a_pair_of_long_names_shows_both_in_the_table():
    from annotations.team import Figure, Report
    from reader.commands.team import _table

    names = ("alexandra-konstantinopoulou", "bartholomew-featherstonehaugh")
    report = Report(3, list(names), [Figure("f1_exact", "quote", names, 0.5, 3)])
    [row] = [line for line in _table(report) if line.startswith("f1_exact")]
    assert "alexandra…" in row and "bartholom…" in row and len(row) <= 80


def test_stats_plan_counts_the_coders_agree_reads_without_anchoring_a_tag(team, capsys, monkeypatch):
    from reader.commands.team_reading import read_coded, read_coders

    (team / "corpus").mkdir()
    (team / "corpus" / SEED2).write_text((seeds_dir() / SEED2).read_text(encoding="utf-8"), encoding="utf-8")
    paths = [str(team / f"{name}.json") for name in TAGS]
    for corpus in (find_articles([seeds_dir()]), find_articles([team / "corpus"])):
        anchored = {coder.name: coder.coded for coder in read_coders(paths, ReadOnce(corpus))}
        told = capsys.readouterr().err
        assert {coder.name: coder.coded for coder in read_coded(paths, corpus)} == anchored
        assert capsys.readouterr().err == told  # the tags outside the corpus said alike
    monkeypatch.setattr("annotations.interchange.exporting.reanchor_all", None)  # stats --plan never calls it
    plan_path = team / "plan.json"
    assert main(["assign", "--annotators", "alice,bob,cat", "--overlap", "100", "-o", str(plan_path)]) == 0
    assert main(["stats", "--plan", str(plan_path), *dbs(team, "alice", "bob", "cat")]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["alice\t1\t2", "bob\t1\t2", "cat\t1\t2"]


def test_agree_reads_each_article_once_for_any_number_of_coders(team, capsys, monkeypatch):
    from annotations.corpus.entries import Entry

    loaded: list[str] = []
    load = Entry.load
    monkeypatch.setattr(Entry, "load", lambda entry: loaded.append(entry.id) or load(entry))
    assert main(["agree", *dbs(team, "alice", "bob", "cat"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1
    assert loaded == [SEED]  # it was asked for four times: once per coder, once to measure
