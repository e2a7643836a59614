"""F searches every article: matches with their context stream in; enter opens one at
the match (Pilot, on the seeds and text written here)."""

from __future__ import annotations

from annotations.corpus import find_articles
from annotations.corpus.search import hits
from tests.app.waiting import started, until
from tests.conftest import SEED2


async def test_F_finds_kirkuk_in_both_seeds_and_opens_the_second_at_the_match(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("F", *"Kirkuk")
        await until(pilot, lambda: "matches in 2 articles" in str(app.screen.query_one("#search-count").render()))
        listed = app.screen.query_one("#search-hits")
        lines = [str(option.prompt) for option in listed.options]
        assert str(app.screen.query_one("#search-count").render()).startswith(f"{len(lines)} matches in 2 articles")
        second = next(i for i, line in enumerate(lines) if line.startswith(SEED2))
        assert "Kirkuk" in lines[second] and "…" in lines[second]
        await pilot.press(*["down"] * second, "enter")
        await pilot.pause()
        assert app.session.article.id == SEED2
        assert app.view.text[app.view.cursor : app.view.cursor + 6] == "Kirkuk"
        assert app.view.match == (app.view.cursor, app.view.cursor + 6)  # shown as a search's match


def test_hits_are_smart_case_in_text_order_with_context_on_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("Erbil and\nERBIL, then erbil.")
    (tmp_path / "b.txt").write_text("Nothing here.")
    corpus = find_articles([tmp_path])
    found = list(hits(corpus.entries, "erbil"))
    assert [(h.article, h.start, h.match) for h in found] == [
        ("a.txt", 0, "Erbil"),
        ("a.txt", 10, "ERBIL"),
        ("a.txt", 22, "erbil"),
    ]
    assert found[1].before == "Erbil and " and found[1].after == ", then erbil."
    assert found[0].after == " and ERBIL, then erbil."  # the space by the match kept
    assert [h.start for h in hits(corpus.entries, "ERBIL")] == [10]  # a capital: case matters
    assert list(hits(corpus.entries, "  ")) == []


async def test_F_counts_one_match_in_one_article_as_one(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        await pilot.press("F", *"Qayyarah")
        count = app.screen.query_one("#search-count")
        await until(pilot, lambda: "article" in str(count.render()) and "…" not in str(count.render()))
        assert str(count.render()) == "1 match in 1 article"
