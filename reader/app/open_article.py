"""The open article: opening it where it was left, a large one read in a thread and its
tags placed in another, a change to it shown, done and the next to do."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from rich.text import Text
from textual import work
from textual.widgets import Static

from annotations.corpus.entries import ArticleError, Entry, decoding_said
from annotations.editing.session import Outcome, Placing
from annotations.model import Annotation, Article
from annotations.text import display_line

from ..widgets.article_view import ArticleView
from .base import AppBase, settle

FIRST_PART = 1 << 18  # bytes of a larger article shown at once, while a thread reads the rest
AT_REST = 1.5  # seconds after the cursor's last move that where it is is saved


class OpenArticle(AppBase):
    _resume: tuple[str, int] | None = None  # (article, offset) to go to once the database is read

    def open_article(self, article_id: str, cursor: int | None = None) -> None:
        """Open an article at cursor, or where it was left last time."""
        entry = self.corpus.get(article_id)
        if entry is None:
            self.say(f"{article_id} is not in this corpus")
            return
        try:
            article = entry.head(FIRST_PART)
        except ArticleError as error:
            self.say(str(error))
            return
        self.remember_position()
        if cursor is None:
            cursor = self.store.reading(article_id)["position"] if self.store.loaded else 0
        # Opened before the database is read (one file from the command line): where it was
        # left is applied once it is, unless the person has moved by then.
        self._resume = None if self.store.loaded else (article_id, cursor)
        moved = self.session.open(article)
        self.view.load(article, self.session.spans, cursor)
        self._stamp_open(article_id, cursor)
        title = display_line(entry.meta.title)
        named = title if entry.meta.title == article.id else f"{title}  ·  {display_line(article.id)}"
        self.query_one("#article-title", Static).update(Text(named, no_wrap=True))
        self._refresh_panel()
        self.view.focus()
        self._place_tags()
        decoded = decoding_said(article.encoding)
        if not article.complete:
            self.say(" · ".join(filter(None, [f"reading {display_line(article.id)} …", decoded])))
            # After the first paint: decoding holds the interpreter, as loading the store does.
            self.call_after_refresh(self._read_article, entry, cursor)
        elif moved or decoded:
            self.say(" · ".join(filter(None, [moved, decoded and f"{display_line(article.id)}: {decoded}"])))
        self.refresh_suggestions()

    @work(thread=True, group="article")
    def _read_article(self, entry: Entry, cursor: int) -> None:
        """The whole of a large article, shown from its beginning meanwhile."""
        try:
            article = entry.load()
        except ArticleError as error:
            self.call_from_thread(self.say, str(error))
        else:
            self.call_from_thread(self._article_read, article, cursor)

    def _article_read(self, article: Article, cursor: int) -> None:
        """The whole article is in: show it where the person is (unless they moved on)."""
        shown = self.session.article
        if shown is None or shown.id != article.id or shown.complete:
            return
        moved = self.session.open(article)
        view = self.view
        if self._resume is not None and self._resume[0] == article.id and view.cursor == cursor:
            cursor, self._resume = self._resume[1], None  # where it was left, known once the database was read
        view.load(article, self.session.spans, view.cursor or cursor, keep_top=True)
        self._refresh_panel()
        self.say(moved or f"{display_line(article.id)}: {len(article.text):,} characters")
        self._place_tags()
        self.refresh_suggestions()
        settle()

    def _place_tags(self) -> None:
        """A large article's tags are placed in a thread; the keys do not wait for them."""
        placing = self.session.placing
        if placing is not None:
            self.say(f"placing {len(placing.annotations):,} tags …")
            self._placing(placing)

    @work(thread=True, group="placing")
    def _placing(self, placing: Placing) -> None:
        """Where each tag is in the article's text, how far along said."""

        def progress(done: int, total: int) -> None:
            self.call_from_thread(self.say, f"placing tags: {done:,} of {total:,} …")

        placed = placing.compute(progress)
        self.call_from_thread(self._tags_placed, placing, placed)

    def _tags_placed(self, placing: Placing, placed: list[Annotation]) -> None:
        moved = self.session.placed(placing, placed)
        if self.session.article is not placing.article:
            return  # another article was opened meanwhile
        self.view.set_spans(self.session.spans)
        self._refresh_panel()
        self.say(moved or f"{len(placed):,} tags placed")
        self.refresh_suggestions()

    def _resume_reading(self) -> None:
        """The open article, opened before the database was read: to where it was left."""
        resume, self._resume = self._resume, None
        article = self.session.article
        if resume is None or article is None or resume[0] != article.id or self.view.cursor != resume[1]:
            return  # another article, or the person moved meanwhile
        position = self.store.reading(article.id)["position"]
        if article.complete or position < len(article.text):
            self.view.move_to(position)
        else:  # beyond what is read of a large article so far: once it is all in
            self._resume = (article.id, position)

    def _stamp_open(self, article_id: str, cursor: int) -> None:
        """The article just opened is the one to open again, at cursor, saved now: a kill
        -9 gives no quit to save it at (cursor, not the view's: a large article's first part
        may not reach it yet)."""
        if self.store.loaded and not self.store.readonly and self._resume is None:
            self.store.set_reading(article_id, position=cursor, opened=datetime.now(UTC).isoformat())
            self.store.request_save()

    def position_at_rest(self) -> None:
        """Called every second: once the cursor has rested AT_REST seconds since it last
        moved, where it is is saved (a journal line; never one a keystroke)."""
        if self._moved_at and time.monotonic() - self._moved_at >= AT_REST:
            self._moved_at = 0.0
            self.remember_position()

    def remember_position(self) -> None:
        """Store where the open article is left: it reopens there, today or tomorrow."""
        article = self.session.article
        if article is None or not self.store.loaded or self.store.readonly:
            return
        if self._resume is not None and self._resume[0] == article.id:
            return  # opened before the database was read: its place there is not yet known
        views = self.query(ArticleView)  # none once the app is ending: the last seen cursor
        position = views.first().cursor if views else self._cursor
        if self.store.set_reading(article.id, position=position, opened=datetime.now(UTC).isoformat()):
            self.store.request_save()

    def show_anywhere(self, outcome: Outcome) -> None:
        """An undo or redo may change another article: that one is opened there first."""
        if outcome.elsewhere and outcome.change is not None:
            self.open_article(outcome.elsewhere, outcome.change.start)
        self.show(outcome)

    def action_toggle_done(self) -> None:
        """D: the article (the list's, or the open one) done, or not done again."""
        entry = self.article_list.current if self.focused is self.article_list else None
        article_id = entry.id if entry is not None else getattr(self.session.article, "id", None)
        if article_id is None:
            self.say("no article here to mark done")
            return
        if not self.store.loaded or self.store.readonly:
            self.say(
                self.store.still_reading or f"read-only: {self.store.readonly_because}; nothing can be changed here"
            )
            return
        done = not self.store.reading(article_id)["done"]
        self.store.set_reading(article_id, done=done)
        self.store.request_save()
        self.article_list.set_done(self.store.done_articles())
        undone = len(self.corpus.entries) - len(self.article_list.done)
        said = "done" if done else "not done"
        self.say(f"{display_line(article_id)} marked {said} · {undone} to do (> opens the next)")

    def action_next_todo(self) -> None:
        """>: open the next article not done, after the open one (or the list's)."""
        here = self.session.article.id if self.session.article is not None else None
        following = self.corpus.next_to_do(here, self.article_list.done)
        if following is None:
            self.say("every article is done")
            return
        self.open_article(following.id)
        index = self.article_list.index_of(following.id)
        if index is not None:
            self.article_list.move_cursor(index)
