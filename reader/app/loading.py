"""What is read in threads once the first screen is up: the database, the rest of a large
corpus, every article's title and date; each shown as it arrives."""

from __future__ import annotations

import gc

from textual import work

from annotations.corpus import skipped_said
from annotations.corpus.entries import Entry
from annotations.store import StoreError
from annotations.text import plural

from ..widgets.article_list import ORDERS
from .base import settle
from .later_imports import import_later_modules
from .reviewing import Reviewing

CORPUS_BATCH = 2000  # entries of a large corpus listed at a time, as a thread reads them


class Loading(Reviewing):
    _notices_said = 0  # of the corpus's notices: those found later are said when it is read
    _said_at_start = ""  # replaced once the corpus is read, if the status line still says it

    def _articles_listed(self) -> str:
        listed = plural(len(self.corpus.entries), "article")
        return f"{listed} so far, reading the rest" if self.corpus.later is not None else listed

    def _start_background_work(self) -> None:
        settle()  # what the start made
        gc.enable()  # the command line turned it off until the first screen (cli.run_app)
        if not self.store.loaded:
            self._load_store()
        self._import_later()
        if self.corpus.later is not None:
            self._read_corpus()
        else:
            self._read_metadata()

    @work(thread=True, group="imports")
    def _import_later(self) -> None:
        import_later_modules()

    @work(thread=True, group="store")
    def _load_store(self) -> None:
        """Read the database while the first screen is already up."""
        try:
            self.store.load()
        except StoreError as error:
            self.call_from_thread(self._store_failed, error)
        else:
            self.call_from_thread(self._store_loaded)

    def _store_loaded(self) -> None:
        settle()
        if self.store.warnings:
            self.say("; ".join(self.store.warnings))
        self.article_list.set_all_counts(self.store.counts())
        self.article_list.set_done(self.store.done_articles())
        self.count_disagreements()
        if self.session.article is not None:
            moved = self.session.reopen()
            self.view.set_spans(self.session.spans)
            self._refresh_panel()
            if moved:
                self.say(moved)
            self._place_tags()
            self.refresh_suggestions()
            self._resume_reading()
        elif self.focused is self.article_list and self.article_list.cursor == 0:
            self._open_last()

    def _open_last(self) -> None:
        """At start, the article that was open last is opened again (the person has not moved yet)."""
        last = self.store.last_opened()
        index = self.article_list.index_of(last) if last else None
        if last is not None and index is not None:
            self.article_list.move_cursor(index)
            self.open_article(last)

    def last_words(self) -> str:
        return self.load_error

    def _store_failed(self, error: StoreError) -> None:
        """The database turned out unusable: leave, and let the command line say why."""
        self.load_error = str(error)
        self.exit(return_code=1)

    @work(thread=True, group="corpus")
    def _read_corpus(self) -> None:
        """The entries of the corpus not read before the first screen (a large JSON-lines
        file's lines), listed as they come."""
        while batch := self.corpus.read_later(CORPUS_BATCH):
            self.call_from_thread(self._corpus_arrived, batch)
        self.call_from_thread(self._corpus_read)

    def _corpus_arrived(self, batch: list[Entry]) -> None:
        if self.corpus.add(batch):
            self.article_list.corpus_changed()

    def _corpus_read(self) -> None:
        """Every entry is listed: titles and dates next; what was skipped is said."""
        self.corpus.later = None
        self._read_metadata()
        notices = self.corpus.notices[self._notices_said :]
        self._notices_said = len(self.corpus.notices)
        if notices:
            self.say(f"{self._articles_listed()}; " + "; ".join(notices[:3]) + (" …" if len(notices) > 3 else ""))
        elif self._status is not None and self._status.message == self._said_at_start:
            self.say(f"{self._articles_listed()} · ? for help")

    @work(thread=True, group="metadata")
    def _read_metadata(self) -> None:
        """Every article's title and date, so filtering finds titles too (and which files
        are no articles)."""
        for number, entry in enumerate(list(self.corpus.entries), 1):
            _ = entry.meta  # read and kept here, not on the UI thread
            if number % 500 == 0:
                self.call_from_thread(self.article_list.titles_arrived)
        self.call_from_thread(self._metadata_read)

    def _metadata_read(self) -> None:
        settle()
        self.article_list.titles_arrived()
        if self.settings.order != self.article_list.order and self.settings.order in ORDERS:
            self.article_list.set_order(self.settings.order)
        dropped = self.corpus.drop_non_articles()
        if dropped:
            self.article_list.corpus_changed()
            self.say(skipped_said(dropped))
