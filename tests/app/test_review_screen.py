"""reader review in the app: the sources' spans over the gold database, settled from the
keyboard (A, . and ,, 1-9, x, u, D), with what lands in gold checked in the store."""

from __future__ import annotations

from annotations.corpus import find_articles
from annotations.model import ADJUDICATED, DEFAULT_LABELS, new_annotation
from annotations.store import AnnotationStore
from annotations.team import AGREED_BY, DECLINED, Review, Source
from reader.app import ReaderApp
from reader.config import seeds_dir
from tests.app.test_help_lists_every_key import help_sections
from tests.app.waiting import started, until
from tests.conftest import SEED


def seed_article():
    return find_articles([seeds_dir()]).get(SEED).load()


def tags_of(annotator: str, spans: list[tuple[str, str]]):
    article = seed_article()
    found = []
    for label, text in spans:
        start = article.text.index(text)
        found.append(new_annotation(article, label, start, start + len(text), annotator))
    return found


ALICE = [("place", "ERBIL"), ("quote", "The Global Coalition is committed")]
BOB = [("place", "ERBIL"), ("quote", "The Global Coalition"), ("place", "Baghdad")]


def message(app) -> str:
    return app.query_one("#message").content.plain


async def test_the_reviewer_settles_every_disagreement_from_the_keyboard(db_path):
    review = Review([Source.of("alice", tags_of("alice", ALICE)), Source.of("bob", tags_of("bob", BOB))])
    store = AnnotationStore(db_path)
    corpus = find_articles([seeds_dir()])
    app = ReaderApp(corpus, store, DEFAULT_LABELS, annotator="rita", review=review)
    text = seed_article().text
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot)
            app.open_article(SEED, 0)
            await pilot.pause()
            assert app.article_list.suggested[SEED] == 2  # the quote's two versions; Baghdad
            await pilot.press("y", "Y")  # the sources' spans are not suggestions to accept
            await pilot.pause()
            assert store.annotations(SEED) == []

            await pilot.press("A")  # what both have: ERBIL
            erbil = [a for a in store.annotations(SEED) if a.text == "ERBIL"]
            assert len(erbil) == 1 and erbil[0].origin == ADJUDICATED and erbil[0].annotator == "rita"
            assert erbil[0].attrs[AGREED_BY] == "alice, bob"

            await pilot.press("full_stop")
            assert app.view.cursor == text.index("The Global Coalition")
            quote = text.index("The Global Coalition")
            assert message(app) == (
                f"alice: quote “The Global Coalition is…” {quote}–{quote + 33} · "
                f"bob: quote “The Global Coalition” {quote}–{quote + 20}"
            )

            await pilot.press("2")  # bob's version
            await pilot.pause()
            quotes = [a for a in store.annotations(SEED) if a.label == "quote"]
            assert [(a.text, a.attrs[AGREED_BY]) for a in quotes] == [("The Global Coalition", "bob")]
            assert "took into gold" in message(app)
            assert app.article_list.suggested[SEED] == 1

            await pilot.press("full_stop")
            assert app.view.cursor == text.index("Baghdad")
            baghdad = text.index("Baghdad")
            assert message(app) == f"alice: — · bob: place “Baghdad” {baghdad}–{baghdad + 7}"
            await pilot.press("x")  # none of them
            await pilot.pause()
            assert "Baghdad" not in [a.text for a in store.annotations(SEED)]
            assert [r["text"] for r in store.rejections() if r["label"] == DECLINED] == ["Baghdad"]
            assert app.article_list.suggested[SEED] == 0

            await pilot.press("u")  # undone: Baghdad is a disagreement again
            await pilot.pause()
            assert app.article_list.suggested[SEED] == 1 and store.rejections() == []
            app.view.move_to(text.index("Baghdad"))
            await pilot.press("2")  # bob's this time
            await pilot.pause()
            assert [a.text for a in store.annotations(SEED) if a.text == "Baghdad"] == ["Baghdad"]
            await pilot.press("full_stop")
            assert "no disagreement left here" in message(app)

            await pilot.press("D")
            await until(pilot, lambda: SEED in store.done_articles())
            assert SEED in store.done_articles()
    finally:
        store.close()


async def test_the_review_keys_are_on_the_help_screen_and_a_digit_with_a_selection_still_tags(db_path):
    review = Review([Source.of("alice", tags_of("alice", ALICE)), Source.of("bob", tags_of("bob", BOB))])
    store = AnnotationStore(db_path)
    app = ReaderApp(find_articles([seeds_dir()]), store, DEFAULT_LABELS, annotator="rita", review=review)
    text = seed_article().text
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot)
            app.open_article(SEED, text.index("Rudaw"))
            await pilot.pause()
            await pilot.press("v", "e", "3")  # a selection and a label's digit: tagged by hand
            await pilot.pause()
            assert [(a.label, a.text, a.origin) for a in store.annotations(SEED)] == [("place", "Rudaw", "manual")]
            await pilot.press("question_mark")
            await pilot.pause()
            text_keys = " ".join(help_sections(app)["Text"])
            for words in ("Next disagreement", "Take what all agree on", "None of them", "Take alice's", "Take bob's"):
                assert words in text_keys
            assert "Next suggestion" not in text_keys and "Accept" not in text_keys
    finally:
        store.close()


async def test_moving_in_an_article_opened_before_gold_is_read_waits_for_it(db_path):
    """The cursor moved before the gold database was read asked it for its rejections
    (a crash in tmux on a busy machine): the disagreement is named once it is read."""
    review = Review([Source.of("alice", tags_of("alice", ALICE)), Source.of("bob", tags_of("bob", BOB))])
    store = AnnotationStore(db_path, load=False)  # the app reads it in a thread, after its first screen
    app = ReaderApp(find_articles([seeds_dir()]), store, DEFAULT_LABELS, annotator="rita", review=review)
    text = seed_article().text
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            assert not store.loaded
            app.open_article(SEED, text.index("Baghdad"))  # a move before gold is read
            await started(pilot)
            app.view.move_to(text.index("Baghdad"))
            await pilot.pause()
            assert message(app).startswith("alice: — · bob: place “Baghdad”")
    finally:
        store.close()


async def test_what_a_took_stays_on_the_status_line_beside_the_disagreement_under_the_cursor(db_path):
    """A newcomer's walk: 'took into gold 3 tags' was replaced by the disagreement line at once."""
    review = Review([Source.of("alice", tags_of("alice", ALICE)), Source.of("bob", tags_of("bob", BOB))])
    store = AnnotationStore(db_path)
    app = ReaderApp(find_articles([seeds_dir()]), store, DEFAULT_LABELS, annotator="rita", review=review)
    quote = seed_article().text.index("The Global Coalition")
    try:
        async with app.run_test(size=(160, 40)) as pilot:
            await started(pilot)
            app.open_article(SEED, quote)  # on the quote's disagreement
            await pilot.pause()
            await pilot.press("A")  # what both have: ERBIL, elsewhere
            await until(pilot, lambda: message(app).endswith(" · saved"))
            assert [a.text for a in store.annotations(SEED)] == ["ERBIL"]
            assert message(app) == (
                "took into gold place “ERBIL” 0–5 · agreed_by alice, bob · here: "
                f"alice: quote “The Global Coalition is…” {quote}–{quote + 33} · "
                f"bob: quote “The Global Coalition” {quote}–{quote + 20} · saved"
            )
    finally:
        store.close()
