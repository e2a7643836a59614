"""reader suggest in parallel (--workers, --dask) and with a named-entity model (--ner):
the same lines in the same order however it runs. The model is a pipeline built here (a
blank English one with an entity ruler): no test downloads a model. Text written here."""

from __future__ import annotations

import importlib.util
import json

import pytest

from annotations.store import AnnotationStore
from reader.cli import main

PLACES = ["Erbil", "Kirkuk", "Mosul", "Leeds", "Cairo"]

# What a model not installed is told: spaCy first (the ner extra), then the model.
HOW_TO_INSTALL = (
    "'en_no_such_model' is not installed: pip install it"
    if importlib.util.find_spec("spacy")
    else "--ner needs spaCy: in reader's folder, .venv/bin/pip install '.[ner]'"
)


def write_corpus(folder, count=40):
    """count articles (more than two partitions of 16), each with a place, a figure and a quote."""
    folder.mkdir()
    for number in range(count):
        place = PLACES[number % len(PLACES)]
        text = (
            f"Officials in {place} said {number + 2},400 homes were flooded.\n\n"
            f"“We will rebuild every one of them this year,” said Mayor Ana Ruiz {number}.\n\n"
            "Michael Jordan and Obama visited the Zagros Mountains on Monday."
        )
        (folder / f"article{number:02d}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


@pytest.fixture
def corpus(tmp_path, db_path):
    folder = write_corpus(tmp_path / "corpus")
    with AnnotationStore(db_path) as store:  # what the database taught goes to every worker
        assert store.reject("article02.txt", "place", "Mosul", 13, 18)
    return folder


@pytest.fixture
def model(tmp_path):
    """A pipeline on disk that knows a few entities, as `--ner FOLDER` loads it."""
    spacy = pytest.importorskip("spacy")  # the ner extra (the test extra has it)
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "GPE", "pattern": "Erbil"},
            {"label": "LOC", "pattern": "Zagros Mountains"},
            {"label": "PERSON", "pattern": "Michael Jordan"},
            {"label": "PERSON", "pattern": "Obama"},  # a town of 30,000 people to the rules
            {"label": "PERSON", "pattern": "Cairo"},  # a city of millions: the rules' place stays
            {"label": "GPE", "pattern": "Wakanda"},
        ]
    )
    folder = tmp_path / "tiny-model"
    nlp.to_disk(folder)
    return str(folder)


def suggested(corpus, db_path, tmp_path, *options):
    out = tmp_path / f"out{len(list(tmp_path.glob('out*')))}.jsonl"
    assert main(["suggest", str(corpus), "--db", str(db_path), "-o", str(out), *options]) == 0
    return out.read_text(encoding="utf-8")


def test_two_workers_write_what_one_writes_in_the_same_order(corpus, db_path, tmp_path):
    one = suggested(corpus, db_path, tmp_path, "--workers", "1")
    two = suggested(corpus, db_path, tmp_path, "--workers", "2")
    assert two == one
    records = [json.loads(line) for line in one.splitlines()]
    articles = [r["article"] for r in records]
    assert articles == sorted(articles) and len(set(articles)) == 40  # input order, every article
    assert not any(r["article"] == "article02.txt" and r["text"] == "Mosul" for r in records)  # rejected
    assert any(r["article"] == "article07.txt" and r["text"] == "Mosul" for r in records)


def test_workers_must_be_a_number_of_one_or_more(corpus, db_path, capsys):
    with pytest.raises(SystemExit) as ended:
        main(["suggest", str(corpus), "--db", str(db_path), "--workers", "0"])
    assert ended.value.code == 2
    assert "--workers: expected a number of processes, 1 or more, not '0'" in capsys.readouterr().err


def test_a_model_not_installed_gets_one_line_saying_how_to_install_it(corpus, db_path, capsys):
    assert main(["suggest", str(corpus), "--db", str(db_path), "--ner", "en_no_such_model"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and HOW_TO_INSTALL in err


def test_with_a_model_its_places_are_resolved_vetoed_and_its_people_are_not_places(corpus, db_path, tmp_path, model):
    rules = [json.loads(line) for line in suggested(corpus, db_path, tmp_path).splitlines()]
    records = [json.loads(line) for line in suggested(corpus, db_path, tmp_path, "--ner", model).splitlines()]
    places = {(r["text"], r["attrs"].get("geonameid")) for r in records if r["label"] == "place"}
    assert ("Erbil", 95446) in places  # the gazetteer's id for the model's place
    assert ("Zagros Mountains", None) in places  # a place it does not know: kept, without an id
    assert "Obama" in {r["text"] for r in rules} and "Obama" not in {p for p, _ in places}
    assert ("Cairo", 360630) in places
    assert ("Kirkuk", 94787) in places  # the rules' places the model says nothing of stay
    figures = [r for r in records if r["label"] == "figure"]
    assert figures == [r for r in rules if r["label"] == "figure"]


def test_a_speaker_is_the_name_after_a_leading_word_with_a_model_or_without(tmp_path, db_path, model):
    """The model cuts a speaker to its PERSON after a clause's opening word; the rules
    learned the same (issue 25), so both say the name alone."""
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.txt").write_text("While Michael Jordan said, “We will stay here for as long as it takes.”")
    for model_given in (["--ner", model], []):
        out = suggested(folder, db_path, tmp_path, *model_given, "--label", "quote")
        assert [json.loads(line)["attrs"]["speaker"] for line in out.splitlines()] == ["Michael Jordan"]


def test_the_model_comes_from_reader_ner_or_the_config_file(corpus, db_path, tmp_path, model, monkeypatch, capsys):
    given = suggested(corpus, db_path, tmp_path, "--ner", model)
    monkeypatch.setenv("READER_NER", model)
    assert suggested(corpus, db_path, tmp_path) == given
    monkeypatch.delenv("READER_NER")
    (tmp_path / "labels.toml").write_text(f'ner = "{model}"\n', encoding="utf-8")  # READER_LABELS (conftest)
    assert suggested(corpus, db_path, tmp_path) == given
    (tmp_path / "labels.toml").write_text('ner = "en_missing_model"\n', encoding="utf-8")
    assert main(["suggest", str(corpus), "--db", str(db_path)]) == 1
    assert "'en_missing_model' is not installed" in capsys.readouterr().err


def test_with_a_model_two_workers_write_what_one_writes(corpus, db_path, tmp_path, model):
    one = suggested(corpus, db_path, tmp_path, "--ner", model, "--workers", "1")
    assert suggested(corpus, db_path, tmp_path, "--ner", model, "--workers", "2") == one


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="the dask extra is not installed")
def test_a_two_worker_dask_cluster_writes_what_one_process_writes(corpus, db_path, tmp_path, monkeypatch):
    from annotations.suggest import on_dask

    monkeypatch.setattr(on_dask, "PARTITION", 8)  # several partitions for two workers
    started = on_dask.in_partitions

    def two_workers(job, entries, address):
        return started(job, entries, address, workers=2)

    monkeypatch.setattr(on_dask, "in_partitions", two_workers)
    one = suggested(corpus, db_path, tmp_path, "--workers", "1")
    assert suggested(corpus, db_path, tmp_path, "--dask", "local") == one


def test_dask_not_reachable_is_one_line(corpus, db_path, capsys, monkeypatch):
    from annotations.suggest import on_dask

    monkeypatch.setattr(on_dask, "CONNECT", "1s")
    if importlib.util.find_spec("distributed") is None:
        expected = "--dask needs Dask: in reader's folder, .venv/bin/pip install '.[dask]'"
    else:
        expected = "--dask tcp://127.0.0.1:9: cannot reach the scheduler"
    assert main(["suggest", str(corpus), "--db", str(db_path), "--dask", "tcp://127.0.0.1:9"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and expected in err


def test_reader_import_takes_what_reader_suggest_wrote_as_suggested_tags(corpus, db_path, tmp_path, capsys):
    out = tmp_path / "suggested.jsonl"
    assert main(["suggest", str(corpus), "--db", str(db_path), "-o", str(out), "--workers", "2"]) == 0
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert main(["import", str(out), str(corpus), "--db", str(db_path)]) == 0
    assert f"imported {len(written)} new" in capsys.readouterr().err
    with AnnotationStore(db_path) as store:
        tags = store.snapshot()
    assert {(t.article, t.label, t.start, t.end, t.text) for t in tags} == {
        (r["article"], r["label"], r["start"], r["end"], r["text"]) for r in written
    }
    assert {t.origin for t in tags} == {"suggested"}


def test_an_article_that_cannot_be_read_is_skipped_in_its_place(tmp_path):
    from annotations.corpus.entries import ArticleError, Entry
    from annotations.model import Article
    from annotations.suggest.batch import Job, lines_of
    from annotations.suggest.suggestions import Knowledge
    from reader.config import cache_folder

    job = Job(Knowledge(), ["place"], str(cache_folder()))
    gone = Entry("gone.txt", tmp_path / "gone.txt")  # deleted after the corpus was found
    sources = [Article("a.txt", "Troops left Erbil."), gone, ArticleError("b.txt: cannot read")]
    done = lines_of(job, sources)
    assert [d.suggested for d in done] == [1, 0, 0] and '"text": "Erbil"' in done[0].lines
    assert (
        done[1].skipped.startswith(f"{tmp_path / 'gone.txt'}: cannot read") and done[2].skipped == "b.txt: cannot read"
    )
