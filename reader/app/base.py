"""What every part of the app shares: the store, the session, the panes, the status line.

The app is built in layers, one job a module, each a class the next one extends:
app_base (this: state, panes, the status line and the saver's word), open_article
(opening an article, a large one in a thread, its tags placed, a change shown),
loading (the database, the rest of the corpus, titles and dates, in threads),
tag_questions (E and n), quitting (q while changes are not saved), and app.py, which
composes the screen and routes keys and messages to them.
"""

from __future__ import annotations

import gc
import time

from textual.message import Message

from annotations.corpus import Corpus
from annotations.editing.session import EditingSession, Outcome
from annotations.model import Annotation, LabelSet
from annotations.store import AnnotationStore, trouble
from annotations.team import Review

from ..settings import SettingChanged, load_settings, save_settings, settings_path
from ..widgets.annotation_panel import AnnotationPanel
from ..widgets.article_list import ArticleList
from ..widgets.article_view import READING_WIDTH, ArticleView
from ..widgets.status_line import StatusLine
from .shutdown import EndsWhenTold
from .suggesting import Suggestions

STILL_TRYING = "still trying to save; q again to choose"  # (quitting.py) a message only about saving
ALL_SAVED = "every change saved"  # what it becomes once it is stale: the saver caught up


class Saved(Message):
    """Posted from the saver thread once a generation of changes is on disk."""

    def __init__(self, generation: int, error: Exception | None) -> None:
        super().__init__()
        self.generation = generation
        self.error = error


def settle() -> None:
    """Move what has been loaded (every tag, every article's metadata, a large article's
    suggestions) out of the garbage collector's sight: it lives long, and otherwise each
    full collection walks all of it, a pause of 50 ms or more in the middle of some
    keystroke. (What is frozen is still freed when no longer referred to.)"""
    gc.freeze()


class AppBase(EndsWhenTold):
    def __init__(
        self,
        corpus: Corpus,
        store: AnnotationStore,
        labels: LabelSet,
        annotator: str = "",
        open_first: bool = False,
        keymap: dict[str, str] | None = None,
        review: Review | None = None,
    ) -> None:
        super().__init__()
        self.keymap = keymap or {}
        self.set_keymap(self.keymap)
        self.corpus = corpus
        self.store = store
        self.labels = labels
        self.open_first = open_first
        self.session = EditingSession(store, labels, annotator)
        self.suggestions = Suggestions(self)
        self.session.gazetteer = self.suggestions.places
        self.session.country_name = self.suggestions.country_name
        self.session.suggested = self.suggestions.carried
        self.review = review  # `reader review`: the sources' spans over a gold database (reviewing.py)
        self.suggestions.enabled = review is None
        self.load_error = ""
        self.wrote_copy = ""  # said by the command line after a quit that could not save
        self._status: StatusLine | None = None  # once mounted: see _status_lines
        self._waiting_for: int | None = None
        self._not_saved = ""  # what keeps changes off the disk, while it does
        self._cursor = 0  # the open article's, kept for when the view is gone (see OpenArticle.remember_position)
        self._moved_at = 0.0  # time.monotonic() of the cursor's last move not yet saved (position_at_rest)
        self.settings_path = settings_path()
        self.settings, self._settings_problem = load_settings(self.settings_path)
        store.on_saved = self._post_saved

    def _post_saved(self, generation: int, error: Exception | None) -> None:
        """Called from the saver thread."""
        self.post_message(Saved(generation, error))

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> AnnotationPanel:
        return self.query_one(AnnotationPanel)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    # ------------------------------------------------------------ the status line

    def say(self, message: str, saving: bool = False, saved: bool = False) -> None:
        """Tell the status line (see _status_lines); while changes cannot be saved, it says so."""
        for status in self._status_lines():
            status.say(message, saving, saved, self._not_saved)

    def _status_lines(self) -> list[StatusLine]:
        """The status line; none once the app is closing (the screen is gone, but the
        saver and the threads may still report). Kept, not queried: a query walks every
        widget, and a tag asks three times."""
        return [self._status] if self._status is not None and self.is_mounted(self._status) else []

    def show(self, outcome: Outcome) -> None:
        """Route what the session did to the widgets, the status line and the saver (in the
        open article: see OpenArticle.show_anywhere)."""
        if outcome.refused:
            self.bell()
        change = outcome.change
        if change is None:
            self.say(outcome.message)
            return
        for leaf in change.leaves():
            for span in (leaf.before, leaf.after):
                if span is not None and self.session.article is not None and span.article == self.session.article.id:
                    self.view.redraw(span.start, span.end)
        self.view.clear_marks()
        self._moved()
        self.article_list.set_counts(change.article, self.store.label_counts(change.article))
        self._refresh_panel(getattr(change.subject, "id", None))
        self._waiting_for = self.store.generation
        self.say(outcome.message, saving=True)
        self.store.request_save()
        self.suggestions.changed(change)

    def on_saved(self, message: Saved) -> None:
        """The saver's word: "NOT saved" from a failure until every change is durable, then "saved"."""
        status = self._status_lines()
        if isinstance(message.error, OSError):
            self._not_saved = f"{trouble(message.error)}; retrying ({self.store.path})"  # the path last: cut first
            for line in status:
                line.say(line.message, not_saved=self._not_saved)
        elif self._not_saved or (self._waiting_for is not None and message.generation >= self._waiting_for):
            self._not_saved = ""
            done = message.generation >= self.store.generation
            self._waiting_for = None if done else self._waiting_for
            for line in status:
                if done and line.message == STILL_TRYING:  # not "still trying … · saved"
                    line.say(ALL_SAVED)
                else:
                    line.say(line.message, saving=not done, saved=done)

    def _moved(self) -> None:
        """The view's cursor or selection moved: what is there, on the status line."""
        self._cursor = self.view.cursor
        self._moved_at = time.monotonic()
        if not self.suggestions.show_here():
            for status in self._status_lines():
                status.show_position(self.session.position(self.view.cursor, self.view.selection))

    # ------------------------------------------------------------ the panel

    def refresh_suggestions(self) -> None:
        """The open article's suggestions found again (in a review: the sources' spans)."""
        self.suggestions.refresh()

    def suggestions_shown(self) -> None:
        """The open article's suggestions changed (found, taken, shown or hidden): the
        panel lists them and the list counts them."""
        settle()  # a large article's: 100,000 objects a full collection would walk mid-keystroke
        if self.session.article is not None:
            count = len(self.view.suggestions) if self.view.show_suggestions else 0
            self.article_list.set_suggested(self.session.article.id, count)
        self._refresh_panel(self.panel.current_id)

    def _refresh_panel(self, current: str | None = None) -> None:
        """Fill the panel, only while it is shown: thousands of rows cost time."""
        if self.session.article is not None and not self.panel.has_class("hidden"):
            shown = list(self.view.suggestions) if self.view.show_suggestions else []
            self.panel.show(self.store.annotations(self.session.article.id), current, shown)

    def _target(self) -> Annotation | None:
        """The annotation an edit applies to: the panel's row, or the one under the cursor."""
        if self.focused is self.panel:
            return self.store.get(self.panel.current_id or "")
        return self.view.annotation_at() if self.session.article else None

    # ------------------------------------------------------------ settings

    def _apply_settings(self) -> None:
        """What was chosen last time: the reading width and the theme now; the list's
        order once the titles and dates it sorts by are read (loading.py)."""
        self.view.reading_width = READING_WIDTH if self.settings.reading_width else None
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def on_setting_changed(self, message: SettingChanged) -> None:
        self._remember(message.name, message.value)

    def watch_theme(self, theme: str) -> None:
        self._remember("theme", theme)

    def _remember(self, name: str, value: object) -> None:
        if getattr(self.settings, name) != value:
            setattr(self.settings, name, value)
            problem = save_settings(self.settings_path, self.settings)
            if problem:
                self.say(problem)
