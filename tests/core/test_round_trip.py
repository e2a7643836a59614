"""Every field a format carries comes back unchanged (hypothesis, over all line formats):
export → import into a fresh database → export is byte-identical, and importing an
export into the database it came from changes nothing and says so."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.interchange.formats import LINE_FORMATS
from annotations.model import ORIGINS, Article, new_annotation
from annotations.store import AnnotationStore, read_annotations
from reader.cli import main

TEXTS = {
    "a.txt": "The council in Kirkuk counted 5,200 ballots, said Ahmed Ali. “We will publish them,” he said.",
    "b.txt": "Nearly 40 percent of voters in Mosul stayed home; officials in Erbil called it “a warning”.",
}
words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=12)
ATTRS = {
    "place": st.fixed_dictionaries(
        {}, optional={"geonameid": st.integers(1, 10**7), "name": words, "country": st.sampled_from(["IQ", "SY"])}
    ),
    "figure": st.fixed_dictionaries(
        {}, optional={"value": st.integers(0, 10**9), "unit": words, "approx": st.just(True)}
    ),
    "quote": st.fixed_dictionaries({}, optional={"speaker": words}),
}


@st.composite
def tags(draw):
    article_id = draw(st.sampled_from(sorted(TEXTS)))
    text = TEXTS[article_id]
    start = draw(st.integers(0, len(text) - 2))
    end = draw(st.integers(start + 1, min(len(text), start + 30)))
    label = draw(st.sampled_from(sorted(ATTRS)))
    return new_annotation(
        Article(article_id, text),
        label,
        start,
        end,
        annotator=draw(st.sampled_from(["ana", "Bo Li", "ünïcode"])),
        note=draw(st.one_of(st.just(""), words)),
        attrs=draw(ATTRS[label]),
        origin=draw(st.sampled_from(ORIGINS)),
    )


def exported(corpus: Path, db: Path, fmt: str, out: Path) -> bytes:
    assert main(["export", str(corpus), "--db", str(db), "--format", fmt, "-o", str(out)]) == 0
    return out.read_bytes()


@pytest.mark.parametrize("fmt", sorted(LINE_FORMATS))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(made=st.lists(tags(), min_size=1, max_size=6, unique_by=lambda a: (a.article, a.label, a.start, a.end)))
def test_export_import_export_is_byte_identical_and_reimport_changes_nothing(fmt, made, capsys):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        corpus = root / "corpus"
        corpus.mkdir()
        for name, text in TEXTS.items():
            (corpus / name).write_text(text, encoding="utf-8")
        first, second = root / "first.json", root / "second.json"
        with AnnotationStore(first) as store:
            store.merge(made)
        once = exported(corpus, first, fmt, root / "once.jsonl")
        assert main(["import", str(root / "once.jsonl"), str(corpus), "--db", str(second), "--format", fmt]) == 0
        assert exported(corpus, second, fmt, root / "twice.jsonl") == once
        capsys.readouterr()
        before = sorted(a.to_record().items().__repr__() for a in read_annotations(first))
        assert main(["import", str(root / "once.jsonl"), str(corpus), "--db", str(first), "--format", fmt]) == 0
        assert f"imported 0 new, 0 updated, {len(made)} already there" in capsys.readouterr().err
        assert sorted(a.to_record().items().__repr__() for a in read_annotations(first)) == before


def test_an_origin_no_reader_knows_is_refused_on_import(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXTS["a.txt"], encoding="utf-8")
    line = tmp_path / "in.jsonl"
    line.write_text('{"article": "a.txt", "label": "place", "start": 15, "end": 21, "origin": "guessed"}\n')
    assert main(["import", str(line), str(corpus), "--db", str(tmp_path / "db.json")]) == 1
    assert (
        capsys.readouterr().err == f"reader: {line}:1: origin 'guessed' is not one of manual, suggested, adjudicated\n"
    )


def test_no_attribute_is_stored_empty(tmp_path):
    article = Article("a.txt", TEXTS["a.txt"])
    tag = new_annotation(article, "figure", 30, 35, attrs={"value": 5200, "unit": "", "approx": None})
    assert tag.attrs == {"value": 5200}
    with AnnotationStore(tmp_path / "db.json") as store:
        store.add(tag)
        store.put(tag.with_changes(attrs={"value": 5200, "unit": ""}))
    (stored,) = read_annotations(tmp_path / "db.json")
    assert stored.attrs == {"value": 5200} and stored.to_record()["attrs"] == {"value": 5200}
