"""Finding and decoding articles; titles and dates."""

from __future__ import annotations

import codecs
import os
from datetime import datetime
from pathlib import Path

import pytest

from annotations.corpus import find_articles
from annotations.corpus.entries import ArticleError, article_date, decode, guess_title, read_article
from reader.config import seeds_dir

SHARED = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def test_seeds_are_the_shared_articles_byte_for_byte():
    ours = sorted(seeds_dir().glob("*.txt"))
    assert [p.name for p in ours] == ["000_9a3c69b587ca93c2.txt", "003_0eeb8bb35cc91d89.txt"]
    if SHARED.is_dir():
        for path in ours:
            assert path.read_bytes() == (SHARED / path.name).read_bytes()


def test_decode_utf8_bom_cp1252_latin1_and_binary():
    assert decode(codecs.BOM_UTF8 + "café".encode()) == ("café", "utf-8-sig")
    assert decode("naïve".encode("utf-16")) == ("naïve", "utf-16")
    assert decode("“smart” café".encode("cp1252")) == ("“smart” café", "cp1252")
    assert decode(b"\x81abc") == ("\x81abc", "latin-1")
    with pytest.raises(ArticleError):
        decode(b"PK\x03\x04\x00\x00binary")


def test_read_article_normalises_crlf_and_drops_bom(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"Line one\r\nLine two\rthree")
    article = read_article(path, "a.txt")
    assert article.text == "Line one\nLine two\nthree"
    assert article.encoding == "utf-8-sig"


def test_titles():
    assert guess_title("---\ntitle: Given [b]title[/b]\ndate: 2024-03-05\n---\nBody", "x") == "Given [b]title[/b]"
    assert guess_title("In Rudaw\n\nThe real headline of the story here\n\nBody.", "x") == (
        "The real headline of the story here"
    )
    assert guess_title("", "fallback.txt") == "fallback.txt"
    long_first = "A very long first sentence " * 10 + "."
    assert guess_title(long_first, "x").endswith("…")


def test_dates_front_matter_else_mtime(tmp_path):
    assert article_date("---\ndate: 5 March 2024\n---\n", None) == datetime(2024, 3, 5)
    path = tmp_path / "a.txt"
    path.write_text("x")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    assert article_date("no front matter", path).timestamp() == 1_700_000_000


def test_find_articles_recursive_ids_and_missing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "sub" / "b.txt").write_text("b")
    (tmp_path / ".hidden").write_text("h")
    corpus = find_articles([tmp_path, tmp_path / "nope"])
    assert [e.id for e in corpus.entries] == ["a.txt", "sub/b.txt"]
    assert corpus.notices and "nope" in corpus.notices[0]
    single = find_articles([tmp_path / "sub" / "b.txt"])
    assert [e.id for e in single.entries] == ["b.txt"]


def test_a_markdown_heading_is_the_title(tmp_path):
    from annotations.corpus import find_articles

    (tmp_path / "a.md").write_text("# Floods in Erbil\n\nWater rose on Tuesday.\n")
    (tmp_path / "b.md").write_text("Intro line\n## Kirkuk oil ##\nText.\n")
    corpus = find_articles([tmp_path])
    assert corpus.get("a.md").meta.title == "Floods in Erbil"
    assert corpus.get("b.md").meta.title == "Kirkuk oil"


def test_a_folder_that_cannot_be_read_is_named(tmp_path, monkeypatch):
    import os

    from annotations.corpus import find_articles

    locked = tmp_path / "locked"
    locked.mkdir()
    (tmp_path / "ok.txt").write_text("Readable article text.\n")
    real = os.scandir

    def scandir(path="."):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root reads every folder: simulate one it may not
    corpus = find_articles([tmp_path])
    assert [e.id for e in corpus.entries] == ["ok.txt"]
    assert corpus.notices == [f"{locked}: cannot read this folder (Permission denied); skipped"]


def test_the_head_of_a_large_article_is_a_prefix_marked_incomplete(tmp_path):
    (tmp_path / "big.txt").write_bytes("Erbil “é”\r\n".encode() * 1000)  # 16 bytes a line
    entry = find_articles([tmp_path]).get("big.txt")
    head = entry.head(16 * 6 + 10)  # cuts the 7th line inside "é": the cut character is left out
    assert not head.complete and head.text == ("Erbil “é”\n" * 6) + "Erbil “"
    whole = entry.load()
    assert whole.complete and whole.text.startswith(head.text) and len(whole.text) == 10_000
    assert entry.head(100) is whole  # once read, the whole is what is shown
    small = find_articles([tmp_path]).get("big.txt")
    assert small.head(1 << 20).complete  # a file within the limit is read whole at once


def test_the_next_article_to_do_follows_the_one_here_and_comes_around(tmp_path):
    for name in "abcd":
        (tmp_path / f"{name}.txt").write_text(f"Article {name}.\n", encoding="utf-8")
    corpus = find_articles([tmp_path])
    ids = [entry.id for entry in corpus.entries]
    assert ids == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert corpus.next_to_do("b.txt", {"c.txt"}).id == "d.txt"
    assert corpus.next_to_do("d.txt", {"a.txt"}).id == "b.txt"  # around to the start
    assert corpus.next_to_do(None, set()).id == "a.txt"  # nothing open: the first
    assert corpus.next_to_do("a.txt", {"b.txt", "c.txt", "d.txt"}) is None  # only the open one is left


def test_only_the_last_articles_read_are_kept(tmp_path):
    """An F search reads every article: keeping them all held 200 MB at 100,000."""
    from annotations.corpus.entries import RECENT

    for number in range(RECENT + 1):
        (tmp_path / f"{number:02}.txt").write_text(f"Article {number}.\n" * 50, encoding="utf-8")
    entries = find_articles([tmp_path]).entries
    first = entries[0].load()
    assert entries[0].head(10) is first  # kept: shown whole at once
    for entry in entries[1:]:
        entry.load()
    again = entries[0].head(10)
    assert again is not first and not again.complete  # no longer kept: read again, its head
    assert entries[-1].head(10).complete
