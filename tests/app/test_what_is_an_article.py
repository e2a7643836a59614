"""One decision of what is an article (Meta.problem: a head that is binary or cannot be
read), the same for the list on screen, `reader stats`, `reader export` and corpus search."""

from __future__ import annotations

import json

from reader.cli import main
from tests.app.waiting import started, until


def odd_folder(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "good.txt").write_text("Officials in Kirkuk counted the ballots.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")  # an article with no text yet: listed, as the file is there
    (folder / "binary.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (folder / "sub" / "zeros.dat").write_bytes(b"\x00" * 100)
    (folder / "page.html").write_text("<html><body><p>Voters in Kirkuk waited.</p></body></html>", encoding="utf-8")
    (folder / "news.jsonl").write_text(json.dumps({"id": "1", "text": "Kirkuk counted."}) + "\n", encoding="utf-8")
    return folder


def listed_ids(folder, capsys) -> tuple[set[str], str]:
    assert main(["stats", str(folder), "--db", str(folder.parent / "db.json")]) == 0
    said = capsys.readouterr()
    return {line.split("\t")[0] for line in said.out.splitlines()[1:]}, said.err


async def test_every_consumer_agrees_on_what_is_an_article(make_app, tmp_path, capsys):
    folder = odd_folder(tmp_path)
    in_stats, told = listed_ids(folder, capsys)
    assert "skipped 2 files that are not articles: binary.bin, sub/zeros.dat" in told
    assert main(["export", str(folder), "--db", str(tmp_path / "db.json")]) == 0
    assert "skipped 2 files that are not articles" in capsys.readouterr().err
    app = make_app([folder])
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await until(pilot, lambda: app.article_list.row_count == len(in_stats))
        on_screen = {entry.id for entry in app.article_list.shown}
        assert (
            "skipped 2 files that are not articles: binary.bin, sub/zeros.dat"
            in app.query_one("#message").content.plain
        )
        rows = "\n".join(app.article_list.render_line(y).text for y in range(app.article_list.size.height))
        assert "binary.bin" not in rows and "zeros" not in rows
        searched = {entry.id for entry in app.corpus.entries}
    assert on_screen == in_stats == searched
    assert {"good.txt", "empty.txt", "page.html"} <= in_stats and len(in_stats) == 4  # and the JSON line


def test_one_file_that_is_not_an_article_is_said_in_the_singular(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("Officials in Kirkuk counted the ballots.", encoding="utf-8")
    (folder / "binary.bin").write_bytes(b"\x00\x01\x02" * 10)
    assert main(["stats", str(folder), "--db", str(tmp_path / "db.json")]) == 0
    said = capsys.readouterr()
    assert "reader: skipped 1 file that is not an article: binary.bin" in said.err
    assert [line.split("\t")[0] for line in said.out.splitlines()[1:]] == ["good.txt"]
