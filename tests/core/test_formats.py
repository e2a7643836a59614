"""Every export format against what its tool expects; import all-or-nothing; round trips."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations.corpus import find_articles
from annotations.interchange.exporting import Filters, export_lines, gather, write_export
from annotations.interchange.importing import ExchangeError, check_records, read_records
from annotations.model import DEFAULT_LABELS, new_annotation
from annotations.store import AnnotationStore
from tests.odd_articles import SPANS, write_odd_corpus


@pytest.fixture
def corpus(tmp_path):
    return find_articles([write_odd_corpus(tmp_path / "odd")])


@pytest.fixture
def tagged(corpus):
    annotations = []
    for article_id, label, words in SPANS:
        article = corpus.get(article_id).load()
        start = article.text.index(words)
        annotations.append(
            new_annotation(article, label, start, start + len(words), annotator="ann", note=f"n-{words}")
        )
    return annotations


def lines(corpus, annotations, fmt):
    groups, _ = gather(corpus, annotations, Filters())
    return [json.loads(line) for line in export_lines(groups, fmt)]


def test_loaded_text_is_normalised(corpus):
    assert corpus.get("crlf.txt").load().text == "First line in Duhok.\nSecond line: 7,500 troops.\n"
    assert corpus.get("bom.txt").load().text.startswith("Kirkuk")
    latin = corpus.get("latin1.txt").load()
    assert latin.encoding == "cp1252" and "São Paulo" in latin.text


def test_jsonl_has_every_field_and_slices(corpus, tagged):
    records = lines(corpus, tagged, "jsonl")
    assert len(records) == len(SPANS)
    for record in records:
        text = corpus.get(record["article"]).load().text
        assert text[record["start"] : record["end"]] == record["text"]
        assert set(record) == {
            "id",
            "article",
            "article_sha256",
            "label",
            "start",
            "end",
            "text",
            "prefix",
            "suffix",
            "note",
            "annotator",
            "created",
            "updated",
            "status",
            "attrs",
            "origin",
        }


def test_spacy_loads_our_spans(corpus, tagged):
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    records = lines(corpus, tagged, "spacy")
    assert {r["meta"]["article"] for r in records} == {a for a, _, _ in SPANS}
    for record in records:
        doc = nlp(record["text"])
        for span in record["spans"]:
            char_span = doc.char_span(span["start"], span["end"], label=span["label"], alignment_mode="expand")
            assert char_span is not None
            assert record["text"][span["start"] : span["end"]] == span["text"]
            assert span["text"] in char_span.text


def test_doccano_lines(corpus, tagged):
    records = lines(corpus, tagged, "doccano")
    emoji = next(r for r in records if r["meta"]["article"] == "emoji.txt")
    assert sorted(emoji["label"]) == sorted(
        [[emoji["text"].index(w), emoji["text"].index(w) + len(w), label] for a, label, w in SPANS if a == "emoji.txt"]
    )


def test_w3c_fields(corpus, tagged):
    records = lines(corpus, tagged, "w3c")
    for record, _annotation in zip(records, sorted(tagged, key=lambda a: (a.article, a.start))):
        assert record["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert record["type"] == "Annotation"
        purposes = {b["purpose"]: b["value"] for b in record["body"]}
        assert purposes["tagging"] in {"quote", "figure", "place"} and purposes["commenting"].startswith("n-")
        quote, position = record["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        text = corpus.get(record["target"]["source"]).load().text
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert quote["prefix"] == text[max(0, position["start"] - 32) : position["start"]]
        assert record["creator"]["name"] == "ann" and record["created"] and record["modified"]


def test_brat_offsets_slice_the_txt(corpus, tagged, tmp_path):
    groups, _ = gather(corpus, tagged, Filters())
    out = tmp_path / "brat"
    assert write_export(groups, "brat", out) == 6
    for ann in out.glob("*.ann"):
        txt = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for line in ann.read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, middle, shown = line.split("\t")
                _label, spans = middle.split(" ", 1)
                pieces = [txt[int(s) : int(e)] for s, e in (p.split() for p in spans.split(";"))]
                assert " ".join(pieces) == shown
            else:
                assert line.startswith("#") and "\tAnnotatorNotes T" in line
    assert (out / "crlf.ann").read_text().splitlines()[0] == "T1\tquote 14 20;21 27\tDuhok. Second"


@pytest.mark.parametrize("fmt", ["jsonl", "w3c", "doccano", "spacy"])
def test_round_trip_is_lossless(corpus, tagged, tmp_path, fmt):
    groups, _ = gather(corpus, tagged, Filters())
    path = tmp_path / f"out.{fmt}"
    write_export(groups, fmt, path)
    imported = check_records(read_records(path, None), corpus, path, "someone", DEFAULT_LABELS.names)
    key = lambda a: (a.article, a.start, a.end, a.label)  # noqa: E731
    assert sorted(imported, key=key) == sorted(tagged, key=key)


def test_minimal_records_import_and_twice_does_not_double(corpus, tmp_path):
    path = tmp_path / "min.jsonl"
    path.write_text(json.dumps({"article": "bom.txt", "label": "place", "start": 0, "end": 6, "text": "Kirkuk"}) + "\n")
    records = check_records(read_records(path, None), corpus, path, "me", DEFAULT_LABELS.names)
    with AnnotationStore(tmp_path / "db.json") as store:
        assert store.merge(records) == (1, 0)
        again = check_records(read_records(path, None), corpus, path, "me", DEFAULT_LABELS.names)
        assert store.merge(again) == (0, 0)
        assert [a.annotator for a in store.annotations()] == ["me"]


def test_attributes_go_out_and_come_back_in_jsonl(corpus, tmp_path):
    article = corpus.get("crlf.txt").load()
    start = article.text.index("7,500 troops")
    figure = new_annotation(article, "figure", start, start + 12, attrs={"value": 7500, "unit": "troops"})
    place = new_annotation(article, "place", 14, 19, attrs={"geonameid": 94787, "name": "Duhok", "lat": 36.87})
    path = tmp_path / "out.jsonl"
    groups, _ = gather(corpus, [figure, place], Filters())
    write_export(groups, "jsonl", path)
    back = check_records(read_records(path, None), corpus, path, "", DEFAULT_LABELS.names)
    assert sorted((a.label, a.attrs) for a in back) == [
        ("figure", {"value": 7500, "unit": "troops"}),
        ("place", {"geonameid": 94787, "name": "Duhok", "lat": 36.87}),
    ]


def test_wrong_offsets_are_reanchored_from_the_quote(corpus, tmp_path):
    path = tmp_path / "shifted.jsonl"
    path.write_text(
        json.dumps({"article": "crlf.txt", "label": "place", "start": 15, "end": 20, "text": "Duhok"}) + "\n"
    )
    [record] = check_records(read_records(path, None), corpus, path, "me", DEFAULT_LABELS.names)
    assert (record.start, record.end) == (14, 19)


@pytest.mark.parametrize(
    "line, problem",
    [
        ('{"article": "bom.txt", "label": "place", "start": 0, "end": 6, "text": "Kirk', "invalid JSON"),
        ('{"article": "nope.txt", "label": "place", "start": 0, "end": 6}', "unknown article 'nope.txt'"),
        ('{"article": "bom.txt", "label": "place", "start": 0, "end": 999}', "outside the article"),
        ('{"article": "bom.txt", "label": "place", "start": 0, "end": 6, "text": "Mosul!"}', "not found"),
        ('{"article": "bom.txt", "label": "place", "start": "0", "end": 6}', "whole numbers"),
        ('{"article": "emoji.txt", "label": "quote", "start": 15, "end": 16}', "splits a character"),
        ("[1, 2]", "expected a JSON object"),
        (
            '{"article": "bom.txt", "label": "place", "start": 0, "end": 6, "attrs": {"geo": {"id": 1}}}',
            "attrs 'geo' must be text, a number or true/false, not dict",
        ),
        (
            '{"article": "bom.txt", "label": "place", "start": 0, "end": 6, "attrs": {"name": "' + "x" * 600 + '"}}',
            "attrs 'name' is 600 characters; reader keeps at most 500",
        ),
        (
            '{"article": "bom.txt", "label": "place", "start": 0, "end": 6, "attrs": {"<b>\\u001b[31m": 1}}',
            "is not a short plain name",
        ),
        ('{"article": "bom.txt", "label": "place", "start": 0, "end": 6, "attrs": [1]}', "attrs must be an object"),
        ('{"what": 1}', "cannot tell the format"),
    ],
)
def test_bad_import_names_file_and_line_and_stores_nothing(corpus, tmp_path, line, problem):
    good = json.dumps({"article": "bom.txt", "label": "place", "start": 0, "end": 6, "text": "Kirkuk"})
    path = tmp_path / "bad.jsonl"
    path.write_text(good + "\n" + line + "\n")
    with pytest.raises(ExchangeError) as error:
        check_records(read_records(path, None), corpus, path, "me", DEFAULT_LABELS.names)
    assert f"{path}:2:" in str(error.value)
    assert problem in str(error.value)


articles_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"), min_size=1, max_size=60
)


attributes = st.dictionaries(
    st.sampled_from(["value", "unit", "approx", "geonameid", "name", "speaker", "speaker_start"]),
    st.one_of(
        st.integers(-(10**12), 10**12),
        st.text(max_size=12),
        st.booleans(),
        st.floats(allow_nan=False, allow_infinity=False),
    ),
    max_size=3,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=articles_text, data=st.data())
def test_round_trip_property(tmp_path_factory, text, data):
    from annotations.text import normalise_newlines

    folder = tmp_path_factory.mktemp("prop")
    text = normalise_newlines(text)
    (folder / "a.txt").write_bytes(text.encode("utf-8"))
    corpus = find_articles([folder])
    article = corpus.get("a.txt").load()
    spans = data.draw(st.lists(st.tuples(st.integers(0, len(article.text) - 1), st.integers(1, 8)), max_size=5))
    annotations = []
    attrs = data.draw(attributes)  # one draw an example: a draw a span made inputs too large
    for number, (start, size) in enumerate(spans):
        try:
            annotations.append(
                new_annotation(article, "quote", start, start + size, note="x", attrs=attrs if number % 2 else {})
            )
        except ValueError:
            continue
    fmt = data.draw(st.sampled_from(["jsonl", "w3c", "doccano", "spacy"]))
    groups, _ = gather(corpus, annotations, Filters())
    path = folder / "out"
    write_export(groups, fmt, path)
    back = check_records(read_records(path, fmt), corpus, path, "", DEFAULT_LABELS.names) if annotations else []
    assert sorted(back, key=lambda a: a.id) == sorted(annotations, key=lambda a: a.id)


def test_a_place_is_identified_by_its_geonames_id_in_every_format(corpus, tmp_path):
    """W3C: an identifying body with the GeoNames URI; brat: a normalisation line;
    spaCy: the span's kb_id. And an identifying body from another tool comes in."""
    article = corpus.get("crlf.txt").load()
    duhok = new_annotation(article, "place", 14, 19, attrs={"geonameid": 94787, "name": "Duhok", "country": "IQ"})
    [w3c] = lines(corpus, [duhok], "w3c")
    assert {"type": "SpecificResource", "purpose": "identifying", "source": "https://sws.geonames.org/94787/"} in w3c[
        "body"
    ]
    [spacy] = lines(corpus, [duhok], "spacy")
    assert spacy["spans"][0]["kb_id"] == "GeoNames:94787"
    groups, _ = gather(corpus, [duhok], Filters())
    write_export(groups, "brat", tmp_path / "brat")
    ann = (tmp_path / "brat" / "crlf.ann").read_text(encoding="utf-8")
    assert "N1\tReference T1 GeoNames:94787\tDuhok" in ann.splitlines()
    del w3c["reader:attrs"]  # as another tool would write it
    path = tmp_path / "theirs.jsonl"
    path.write_text(json.dumps(w3c) + "\n", encoding="utf-8")
    [back] = check_records(read_records(path, None), corpus, path, "", DEFAULT_LABELS.names)
    assert back.attrs == {"geonameid": 94787}


def test_a_quotes_speaker_and_a_figures_unit_in_every_format(corpus, tmp_path):
    """brat: a Speaker relation to the speaker's mention and attribute lines; W3C: speaker
    bodies another tool's import reads back; doccano: a relation project's entities and
    speaker relation, also read back."""
    article = corpus.get("crlf.txt").load()
    said = {"speaker": article.text[0:5], "speaker_start": 0, "speaker_end": 5, "cue": "said"}
    quote = new_annotation(article, "quote", 14, 19, attrs=said)
    figure = new_annotation(article, "figure", 6, 12, attrs={"value": 12, "unit": "km", "approx": True})
    groups, _ = gather(corpus, [quote, figure], Filters())
    write_export(groups, "brat", tmp_path / "brat")
    ann = (tmp_path / "brat" / "crlf.ann").read_text(encoding="utf-8").splitlines()
    quote_t = next(line.split("\t")[0] for line in ann if "\tquote " in line)
    figure_t = next(line.split("\t")[0] for line in ann if "\tfigure " in line)
    assert f"T3\tSpeaker 0 5\t{article.text[0:5]}" in ann
    assert f"R1\tSpeaker Arg1:{quote_t} Arg2:T3" in ann
    attributes = {line.split("\t", 1)[1] for line in ann if line.startswith("A")}
    assert attributes == {f"Cue {quote_t} said", f"Unit {figure_t} km", f"Approx {figure_t}"}
    assert f"#{figure_t[1:]}\tAnnotatorNotes {figure_t}\tvalue=12" in ann
    assert not any(line.startswith(f"#{quote_t[1:]}\t") for line in ann)  # the relation names the speaker
    conf = (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8")
    assert "Speaker\tArg1:quote, Arg2:<ENTITY>" in conf and "Unit\tArg:figure, Value:km" in conf
    [w3c_quote, _] = sorted(lines(corpus, [quote, figure], "w3c"), key=lambda r: r["body"][0]["value"], reverse=True)
    del w3c_quote["reader:attrs"]  # as another tool would write it
    path = tmp_path / "theirs.jsonl"
    path.write_text(json.dumps(w3c_quote) + "\n", encoding="utf-8")
    [back] = check_records(read_records(path, None), corpus, path, "", DEFAULT_LABELS.names)
    assert back.attrs == {k: v for k, v in said.items() if k != "cue"}
    [doccano] = lines(corpus, [quote, figure], "doccano")
    assert doccano["relations"] == [{"id": 1, "from_id": 2, "to_id": 3, "type": "speaker"}]  # figure, quote, speaker
    assert doccano["entities"][2] == {"id": 3, "label": "speaker", "start_offset": 0, "end_offset": 5}
    theirs = {"text": doccano["text"], "entities": doccano["entities"], "relations": doccano["relations"]}
    theirs["meta"] = {"article": "crlf.txt"}
    path.write_text(json.dumps(theirs) + "\n", encoding="utf-8")
    back_figure, back_quote = check_records(read_records(path, "doccano"), corpus, path, "", DEFAULT_LABELS.names)
    assert back_quote.attrs == {k: v for k, v in said.items() if k != "cue"} and back_figure.attrs == {}


def test_the_app_export_says_what_it_did_with_tags_of_articles_not_in_the_corpus(tmp_path):
    from annotations.interchange.exporting import export_to
    from annotations.model import Article

    (tmp_path / "here.txt").write_text("Nothing tagged here.\n")
    corpus = find_articles([tmp_path / "here.txt"])
    gone = [new_annotation(Article("gone.txt", "Text about Erbil."), "place", 11, 16)]
    said = export_to(corpus, gone, "jsonl", tmp_path / "out.jsonl")
    assert said.endswith(
        "; kept as they are (offsets unchecked) the 1 annotation of 1 article not in the corpus: gone.txt"
    )
    said = export_to(corpus, gone, "doccano", tmp_path / "out.doccano.jsonl")
    assert said == (
        f"exported 0 lines as doccano to {tmp_path / 'out.doccano.jsonl'}; "
        "skipped the annotations of 1 article not in the corpus: gone.txt"
    )
