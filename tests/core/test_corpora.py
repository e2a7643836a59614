"""Corpora as people keep them: JSON lines (one article a line, ids their own) and web
pages (their readable text). Text written for these tests."""

from __future__ import annotations

import json

from annotations.corpus import find_articles
from annotations.interchange.exporting import Filters, gather, write_export
from annotations.interchange.importing import check_records, read_records
from annotations.model import DEFAULT_LABELS, new_annotation
from reader.cli import main

RECORDS = [
    {"id": "a1", "text": "Storms hit Kirkuk on Monday.\nSome 300 homes flooded.", "meta": {"title": "Storms"}},
    {"text": "No id here.\nA second line.", "meta": {"date": "2026-11-02"}},
    {"id": "a1", "text": "The same id again."},
]


def write_lines(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_jsonl_corpus_lists_one_article_a_line_with_its_ids_titles_and_dates(tmp_path):
    lines = [json.dumps(r) for r in RECORDS[:2]] + ["{not json", json.dumps({"id": "x", "body": "no text"}), ""]
    lines.append(json.dumps(RECORDS[2]))
    corpus = find_articles([write_lines(tmp_path / "news.jsonl", lines)])
    assert [e.id for e in corpus.entries] == ["a1", "news.jsonl#2", "news.jsonl#6"]
    first, second, third = corpus.entries
    assert (first.meta.title, first.load().text) == ("Storms", RECORDS[0]["text"])
    assert second.meta.title == "No id here." and second.meta.date.year == 2026
    assert third.load().text == "The same id again."
    where = str(tmp_path / "news.jsonl")
    assert corpus.notices[0].startswith(f"{where}:3: not JSON (")
    assert corpus.notices[1] == f"{where}:4: no text in 'text'; skipped"
    assert corpus.notices[2] == f"{where}:6: id a1 is line 1's too; named news.jsonl#6"
    # line 2 has no id: its tags would follow its line number, so the user is told once
    assert corpus.notices[3] == (
        f"{where}: 1 line has no id and is known by line (news.jsonl#LINE): a line added or removed "
        'above moves tags to another article; give each line an "id"'
    )


def test_another_text_field_and_a_corpus_in_a_folder(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    write_lines(folder / "set.ndjson", [json.dumps({"id": 7, "body": "Seven."})])
    corpus = find_articles([folder], text_field="body")
    assert [(e.id, e.load().text) for e in corpus.entries] == [("7", "Seven.")]


def test_a_tag_in_a_jsonl_article_exports_and_imports_by_the_corpus_ids(tmp_path):
    corpus = find_articles([write_lines(tmp_path / "news.jsonl", [json.dumps(r) for r in RECORDS[:2]])])
    article = corpus.get("a1").load()
    start = article.text.index("Kirkuk")
    tag = new_annotation(article, "place", start, start + 6)
    for fmt in ("jsonl", "doccano", "w3c"):
        groups, _ = gather(corpus, [tag], Filters())
        out = tmp_path / f"out.{fmt}"
        write_export(groups, fmt, out)
        [back] = check_records(read_records(out, fmt), corpus, out, "", DEFAULT_LABELS.names)
        assert (back.article, back.start, back.end, back.text) == ("a1", start, start + 6, "Kirkuk")


def test_reader_stats_on_a_jsonl_corpus_names_a_bad_line_and_counts_the_rest(tmp_path, capsys):
    path = write_lines(tmp_path / "news.jsonl", [json.dumps(RECORDS[0]), "[1, 2"])
    assert main(["stats", str(path), "--db", str(tmp_path / "db.json")]) == 0
    out, err = capsys.readouterr()
    assert f"{path}:2: not JSON" in err
    assert out.splitlines()[1].startswith("a1\t")


PAGE = """<!doctype html><html><head><meta charset="windows-1251">
<title>Site name | ignored</title><meta property="og:title" content="Floods in Kirkuk &amp; Erbil">
<meta property="article:published_time" content="2026-11-03T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Floods in Kirkuk &amp; Erbil</h1>
<p>Heavy rain flooded parts of Kirkuk on Monday, forcing about 3,000 people from their homes, officials said.</p>
<p>“We have never seen the river rise this fast,” said the mayor, Dana Smith, speaking at the town hall.</p>
<p>Кириллица: в городе Эрбиль тоже шли дожди, и улицы были затоплены водой.</p>
</article><footer>Copyright. All rights reserved. Contact us.</footer></body></html>"""


def test_a_web_page_reads_as_its_main_text_in_its_own_charset_titled_and_dated(tmp_path):
    (tmp_path / "page.html").write_bytes(PAGE.encode("windows-1251"))
    [entry] = find_articles([tmp_path / "page.html"]).entries
    assert entry.meta.title == "Floods in Kirkuk & Erbil" and entry.meta.date.day == 3
    text = entry.load().text
    assert "Heavy rain flooded parts of Kirkuk on Monday" in text
    assert "в городе Эрбиль" in text  # windows-1251, read as the page says
    assert "Sport" not in text and "<p>" not in text
    assert (tmp_path / "page.html").read_bytes() == PAGE.encode("windows-1251")  # never changed


def test_a_line_in_another_encoding_or_cut_short_is_named_and_the_rest_read(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "cut\n{"id": 1, "text": "Fine."}\n')
    corpus = find_articles([path])
    assert [e.id for e in corpus.entries] == ["1"]
    assert corpus.notices == [
        f"{path}:1: not JSON (not UTF-8 text); skipped",
        f"{path}:2: not JSON (invalid control character, column 14); skipped",
    ]


def test_a_corpus_read_in_two_steps_holds_what_one_step_does(tmp_path):
    """The app reads a large corpus's first entries before its first screen, the rest as it runs."""
    lines = [json.dumps({"id": f"n{number}", "text": f"Article {number}."}) for number in range(10)]
    lines.insert(7, json.dumps({"id": "z.txt", "text": "Named as the file after it is."}))
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_lines(folder / "a.jsonl", lines)
    (folder / "z.txt").write_text("A file.\n", encoding="utf-8")
    whole = find_articles([folder])
    first = find_articles([folder], first=4)
    assert [e.id for e in first.entries] == ["n0", "n1", "n2", "n3"] and first.later is not None
    batches = []
    while batch := first.read_later(3):
        batches.append(first.add(batch))
    assert [len(b) for b in batches] == [3, 3, 1]  # z.txt, the file, is named but not added
    assert [e.id for e in first.entries] == [e.id for e in whole.entries]
    assert first.notices == whole.notices == [f"{folder / 'z.txt'}: skipped, another article already has the id z.txt"]
    assert first.get("n9").load().text == "Article 9."
    small = find_articles([folder], first=100)
    assert small.later is None and len(small.entries) == len(whole.entries)


def test_dates_read_by_the_standard_library_are_those_dateutil_reads():
    """parse_date reads ISO and the usual news forms itself (quicker to start), the rest by dateutil."""
    from dateutil import parser

    from annotations.corpus.entries import parse_date

    for written in (
        "2026-11-02",
        "2026-11-02T10:00:00Z",
        "Nov 3, 2026",
        "November 3, 2026 10:00",
        "3 November 2026 10:00:59",
        "3 Nov 2026",
        "Tue, 03 Nov 2026 10:00:00 +0000",
        "03/11/2026",
    ):
        assert parse_date(written) == parser.parse(written), written
    assert parse_date("no date at all") is None and parse_date("") is None
