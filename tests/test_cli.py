"""The command line: exit codes, one clear line on bad input, nothing stored on failure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from annotations.store import AnnotationStore
from reader.cli import main
from reader.config import seeds_dir
from tests.conftest import SEED


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=60)


def minimal(article=SEED, start=527, end=534, text="Baghdad", label="place") -> str:
    return json.dumps({"article": article, "label": label, "start": start, "end": end, "text": text})


def test_import_then_export_then_stats(tmp_path, db_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(minimal() + "\n" + minimal(start=0, end=5, text="ERBIL") + "\n")
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    assert "imported 2 new" in capsys.readouterr().err
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    assert "0 new, 0 updated, 2 already there" in capsys.readouterr().err
    assert main(["export", "--db", str(db_path), "--label", "place"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["text"] for r in records) == ["Baghdad", "ERBIL"]
    out = tmp_path / "w3c.jsonl"
    assert main(["export", "--db", str(db_path), "--format", "w3c", "-o", str(out), "--since", "2000-01-01"]) == 0
    assert len(out.read_text().splitlines()) == 2
    assert not list(tmp_path.glob(".w3c.jsonl.*.tmp"))
    assert main(["export", "--db", str(db_path), "--until", "1 Jan 2001"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["stats", "--db", str(db_path)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split("\t") == ["article", "quote", "figure", "place", "total", "orphaned", "done"]
    assert f"{SEED}\t0\t0\t2\t2\t0\t" in table  # every configured label has a column; not done


def test_bad_import_is_one_line_exit_1_and_stores_nothing(tmp_path, db_path):
    source = tmp_path / "in.jsonl"
    source.write_text(minimal() + "\n" + minimal(text="Mosul") + "\n")
    result = run("import", str(source), "--db", str(db_path))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert f"{source}:2:" in result.stderr
    assert not db_path.exists()


def test_unparseable_date_is_exit_1(db_path):
    result = run("export", "--db", str(db_path), "--since", "the day after never")
    assert result.returncode == 1
    assert "--since: cannot read the date" in result.stderr


def test_usage_errors_exit_2(db_path):
    assert run("export", "--format", "nonsense").returncode == 2
    assert run("export", "--format", "brat").returncode == 2


def test_corrupt_database_is_one_line_and_untouched(db_path):
    db_path.write_bytes(b'{"annotations": {"1": ')
    for command in (["stats"], ["export"], []):
        result = run(*command, "--db", str(db_path))
        assert result.returncode == 1, command
        assert "invalid JSON" in result.stderr and result.stderr.count("\n") == 1
    assert db_path.read_bytes() == b'{"annotations": {"1": '


def test_missing_corpus_is_exit_1(tmp_path, db_path):
    result = run("stats", str(tmp_path / "nothing-here"), "--db", str(db_path))
    assert result.returncode == 1 and "no articles found" in result.stderr


def test_brat_export_folder(tmp_path, db_path):
    with AnnotationStore(db_path) as store:
        from annotations.corpus import find_articles
        from annotations.model import new_annotation

        article = find_articles([seeds_dir()]).get(SEED).load()
        store.add(new_annotation(article, "place", 527, 534, note="capital"))
    out = tmp_path / "brat"
    assert main(["export", "--db", str(db_path), "--format", "brat", "-o", str(out)]) == 0
    assert (out / f"{SEED[:-4]}.ann").read_text().splitlines() == [
        "T1\tplace 527 534\tBaghdad",
        "#1\tAnnotatorNotes T1\tcapital",
    ]
    assert (out / SEED).read_bytes() == (seeds_dir() / SEED).read_bytes()


def test_until_a_date_without_time_means_that_whole_day(db_path, capsys):
    from annotations.model import new_annotation

    article = seeds_dir() / SEED
    with AnnotationStore(db_path) as store:
        from annotations.corpus import find_articles

        loaded = find_articles([article]).entries[0].load()
        tag = new_annotation(loaded, "place", 0, 5)
        tag.created = "2026-11-22T18:30:00+00:00"
        store.add(tag)
        store.save()
    assert main(["export", "--db", str(db_path), "--until", "2026-11-22 12:00+00:00"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["export", "--db", str(db_path), "--until", "2026-11-22"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["export", "--db", str(db_path), "--since", "2026-11-23"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "0 annotations matched the filters given" in captured.err


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("reader 0.")


def test_import_of_a_label_that_is_not_configured_is_refused(tmp_path, db_path):
    source = tmp_path / "in.jsonl"
    source.write_text(minimal() + "\n" + minimal(label="person") + "\n")
    result = run("import", str(source), "--db", str(db_path))
    assert result.returncode == 1
    assert f"{source}:2: the label 'person' is not configured" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not db_path.exists() or AnnotationStore(db_path, readonly=True).annotations() == []


def test_hostile_names_are_made_visible_on_stderr_and_stdout(tmp_path, db_path):
    evil = "bad\x1b]0;TITLE\x07\x1b[41mRED"
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / f"{evil}.txt").write_text("Nothing but text.\n")
    stats = run("stats", str(folder), "--db", str(db_path))
    assert stats.returncode == 0
    assert "\x1b" not in stats.stdout and "␛]0;TITLE␇␛[41mRED.txt" in stats.stdout
    source = tmp_path / f"{evil}.jsonl"
    source.write_text("not json\n")
    bad = run("import", str(source), str(folder), "--db", str(db_path))
    assert bad.returncode == 1 and "\x1b" not in bad.stderr and "␛]0;TITLE" in bad.stderr


def test_exports_of_an_edited_article_claim_no_stale_offsets_and_repeat_exactly(tmp_path, db_path, capsys):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text("Troops left Kirkuk today. Officials met in Mosul later.\n")
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"article": "a.txt", "label": "place", "start": 12, "end": 18, "text": "Kirkuk"}),
        json.dumps({"article": "a.txt", "label": "place", "start": 43, "end": 48, "text": "Mosul"}),
    ]
    source.write_text("\n".join(lines) + "\n")
    assert main(["import", str(source), str(folder), "--db", str(db_path)]) == 0
    (folder / "a.txt").write_text("UPDATE. Troops left Kirkuk today.\n")
    capsys.readouterr()
    exports = []
    for _ in range(2):
        assert main(["export", str(folder), "--db", str(db_path)]) == 0
        exports.append(capsys.readouterr())
    assert exports[0].out == exports[1].out  # nothing rewritten (updated) at export time
    text = (folder / "a.txt").read_text()
    records = [json.loads(line) for line in exports[0].out.splitlines()]
    assert [(r["text"], text[r["start"] : r["end"]]) for r in records] == [("Kirkuk", "Kirkuk")]
    assert records[0]["updated"] == records[0]["created"]
    assert "left out 1 orphaned tag" in exports[0].err
    assert main(["export", str(folder), "--db", str(db_path), "--orphans", "--format", "w3c"]) == 0
    w3c = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    orphan = next(r for r in w3c if r["reader:status"] == "orphaned")
    assert [s["type"] for s in orphan["target"]["selector"]] == ["TextQuoteSelector"]


def test_import_anchors_a_quote_without_offsets_and_names_reversed_spans(tmp_path, db_path):
    quote_only = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "place"}],
        "target": {
            "source": SEED,
            "selector": [{"type": "TextQuoteSelector", "exact": "Baghdad", "prefix": "Iraqis in "}],
        },
    }
    source = tmp_path / "w3c.jsonl"
    source.write_text(json.dumps(quote_only) + "\n")
    assert run("import", str(source), "--db", str(db_path)).returncode == 0
    [tag] = AnnotationStore(db_path, readonly=True).annotations()
    assert (tag.start, tag.end, tag.text) == (527, 534, "Baghdad")
    reversed_span = tmp_path / "rev.jsonl"
    reversed_span.write_text(minimal(start=534, end=527) + "\n")
    result = run("import", str(reversed_span), "--db", str(db_path))
    assert result.returncode == 1 and f"{reversed_span}:1: span 534–527 is empty or reversed" in result.stderr


def test_two_roots_with_the_same_id_are_said_everywhere(tmp_path, db_path):
    for root in ("one", "two"):
        (tmp_path / root).mkdir()
        (tmp_path / root / "a.txt").write_text(f"Article from {root}.\n")
    result = run("stats", str(tmp_path / "one"), str(tmp_path / "two"), "--db", str(db_path))
    assert result.returncode == 0
    assert f"{tmp_path / 'two' / 'a.txt'}: skipped, another article already has the id a.txt" in result.stderr


def test_brat_export_writes_annotation_conf(tmp_path, db_path):
    source = tmp_path / "in.jsonl"
    source.write_text(minimal() + "\n")
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    out = tmp_path / "brat"
    assert main(["export", "--db", str(db_path), "--format", "brat", "-o", str(out)]) == 0
    conf = (out / "annotation.conf").read_text()
    assert conf.startswith("[entities]\nplace\n") and "[relations]" in conf


def test_a_doccano_line_without_our_id_goes_to_the_article_with_its_text(tmp_path, db_path):
    seed_text = (seeds_dir() / SEED).read_text(encoding="utf-8")
    source = tmp_path / "doccano.jsonl"
    source.write_text(json.dumps({"text": seed_text, "label": [[527, 534, "place"]]}) + "\n")
    assert run("import", str(source), "--db", str(db_path)).returncode == 0
    [tag] = AnnotationStore(db_path, readonly=True).annotations()
    assert (tag.article, tag.text) == (SEED, "Baghdad")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"text": "Some other text about Mosul.", "label": [[22, 27, "place"]]}) + "\n")
    result = run("import", str(other), "--db", str(db_path))
    assert result.returncode == 1 and "give it with --article ID" in result.stderr


def test_import_takes_a_new_note_for_a_tag_it_already_has_and_refuses_huge_notes(tmp_path, db_path):
    source = tmp_path / "in.jsonl"
    source.write_text(minimal() + "\n")
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    noted = json.loads(minimal())
    noted["note"] = "checked with the wire copy"
    source.write_text(json.dumps(noted) + "\n")
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    [tag] = AnnotationStore(db_path, readonly=True).annotations()
    assert tag.note == "checked with the wire copy"
    noted["note"] = "x" * 20_000
    source.write_text(json.dumps(noted) + "\n")
    result = run("import", str(source), "--db", str(db_path))
    assert result.returncode == 1 and f"{source}:1: the note is 20,000 characters" in result.stderr


def test_a_bug_in_a_command_is_one_line_and_exit_3(tmp_path, db_path, capsys, monkeypatch):
    import reader.commands

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def broken(argv):
        raise KeyError("boom")

    monkeypatch.setattr(reader.commands, "run_stats", broken)
    assert main(["stats", "--db", str(db_path)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("reader: unexpected error ('boom'); the full traceback is in ")
    assert "KeyError" in Path(err.strip().rsplit(" is in ", 1)[1]).read_text()


def test_stats_by_attribute_counts_figures_per_unit_and_places_per_country(tmp_path, db_path, capsys):
    lines = [
        {**json.loads(minimal()), "attrs": {"geonameid": 98182, "country": "IQ"}},
        {**json.loads(minimal(start=0, end=5, text="ERBIL")), "attrs": {"geonameid": 95446, "country": "IQ"}},
        json.loads(minimal(start=889, end=901, text="5,200 troops", label="figure")),
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["stats", "--db", str(db_path), "--by", "place"]) == 0
    assert capsys.readouterr().out.splitlines() == ["country\tname\tplace tags\tarticles", "IQ\tIraq\t2\t1"]
    assert main(["stats", "--db", str(db_path), "--by", "figure"]) == 0
    assert capsys.readouterr().out.splitlines() == ["unit\tfigure tags\tarticles", "(none)\t1\t1"]


def test_an_import_the_disk_refuses_is_one_line_exit_1_and_none_of_it_is_stored(tmp_path, db_path, capsys, inject):
    import errno

    from annotations.store import read_annotations
    from tests.faults import Faults

    source = tmp_path / "in.jsonl"
    source.write_text(minimal(start=0, end=5, text="ERBIL") + "\n")
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    capsys.readouterr()
    source.write_text(minimal() + "\n")
    for step in range(1, 20):  # the new file's open, write, fsync, rename, the folder's open and fsync …
        faults = inject(Faults(fail_at=step, code=errno.ENOSPC))
        code = main(["import", str(source), "--db", str(db_path)])
        said = capsys.readouterr().err
        faults.on = False
        if code == 0:  # no fault left to meet: the operations of an import are all done
            assert said.startswith("imported ") and ("1 new" in said or "1 already there" in said)
            break
        assert code == 1 and said.startswith(f"reader: import not saved: {db_path}: disk full; run it again")
        assert said.count("\n") == 1
        # all or nothing: a failure after the rename (the folder's fsync) leaves all of it
        assert sorted(a.text for a in read_annotations(db_path)) in (["ERBIL"], ["Baghdad", "ERBIL"])
    assert sorted(a.text for a in read_annotations(db_path)) == ["Baghdad", "ERBIL"]


def test_a_folder_given_to_a_one_file_format_gets_the_file_inside_it(tmp_path, db_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text(minimal() + "\n")
    assert main(["import", str(source), "--db", str(db_path)]) == 0
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["export", "--db", str(db_path), "-o", str(folder)]) == 0
    assert capsys.readouterr().err.endswith(f"wrote 1 line to {folder / 'reader-jsonl.jsonl'}\n")
    assert json.loads((folder / "reader-jsonl.jsonl").read_text())["text"] == "Baghdad"


def test_tags_of_articles_not_in_the_corpus_are_kept_in_jsonl_and_skipped_in_brat_each_said(tmp_path, db_path, capsys):
    from annotations.model import Article, new_annotation

    with AnnotationStore(db_path) as store:
        store.add(new_annotation(Article("gone.txt", "Text about Erbil."), "place", 11, 16))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "here.txt").write_text("Nothing tagged here.\n")
    assert main(["export", str(corpus), "--db", str(db_path)]) == 0
    out, err = capsys.readouterr()
    assert [json.loads(line)["text"] for line in out.splitlines()] == ["Erbil"]
    said = "reader: kept as they are (offsets unchecked) the 1 annotation of 1 article not in the corpus: gone.txt\n"
    assert err.startswith(said)
    assert main(["export", str(corpus), "--db", str(db_path), "--format", "brat", "-o", str(tmp_path / "b")]) == 0
    assert capsys.readouterr().err.startswith(
        "reader: skipped the annotations of 1 article not in the corpus: gone.txt\n"
    )
