"""ReaderApp: composes the panes, owns the store and the undo history, routes messages."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from annotations import attributes
from annotations.corpus import Corpus, skipped_said
from annotations.corpus.entries import ArticleError, Entry, decoding_said
from annotations.editing.session import EditingSession, Outcome, Placing, describe
from annotations.model import ORPHANED, Annotation, LabelSet
from annotations.store import AnnotationStore, StoreError, read_cached_counts, trouble
from annotations.text import display_line, plural

from .keys import APP, palette_commands, panes_for
from .later_imports import import_later_modules
from .screens.help import HelpScreen
from .screens.picker import AS_TEXT, Picked, PickerScreen
from .screens.prompt import PromptScreen
from .screens.unsaved import LOSE, WRITE, UnsavedScreen
from .settings import SettingChanged, load_settings, save_settings, settings_path
from .shutdown import EndsWhenTold
from .suggesting import Suggestions
from .textual_compat import bindings_of
from .widgets.annotation_panel import AnnotationPanel
from .widgets.article_list import ORDERS, ArticleList
from .widgets.article_view import READING_WIDTH, ArticleView
from .widgets.key_bar import KeyBar
from .widgets.search_bar import SearchBar
from .widgets.status_line import StatusLine

if TYPE_CHECKING:
    from annotations.corpus.search import Hit

    from .screens.export import ExportChoice


class Saved(Message):
    """Posted from the saver thread once a generation of changes is on disk."""

    def __init__(self, generation: int, error: Exception | None) -> None:
        super().__init__()
        self.generation = generation
        self.error = error


NARROW = 70  # columns: below this the article list gives up its minimum width
FIRST_PART = 1 << 18  # bytes of a larger article shown at once, while a thread reads the rest
CORPUS_BATCH = 2000  # entries of a large corpus listed at a time, as a thread reads them


def _settle() -> None:
    """Move what has been loaded (every tag, every article's metadata, a large article's
    suggestions) out of the garbage collector's sight: it lives long, and otherwise each
    full collection walks all of it, a pause of 50 ms or more in the middle of some
    keystroke. (What is frozen is still freed when no longer referred to.)"""
    gc.freeze()


class ReaderApp(EndsWhenTold):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [*APP]  # a copy typed as Textual's BindingType list

    def __init__(
        self,
        corpus: Corpus,
        store: AnnotationStore,
        labels: LabelSet,
        annotator: str = "",
        open_first: bool = False,
        keymap: dict[str, str] | None = None,
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
        self.load_error = ""
        self.wrote_copy = ""  # said by the command line after a quit that could not save
        self._status: StatusLine | None = None  # once mounted: see _status_lines
        self._waiting_for: int | None = None
        self._not_saved = ""  # what keeps changes off the disk, while it does
        self._resume: tuple[str, int] | None = None  # (article, offset) to go to once the database is read
        self._cursor = 0  # the open article's, for remember_position
        self._notices_said = 0  # of the corpus's notices: those found later are said when it is read
        self.settings_path = settings_path()
        self.settings, self._settings_problem = load_settings(self.settings_path)
        store.on_saved = self._post_saved

    def _post_saved(self, generation: int, error: Exception | None) -> None:
        """Called from the saver thread."""
        self.post_message(Saved(generation, error))

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            counts = self.store.counts() if self.store.loaded else read_cached_counts(self.store.path)
            yield ArticleList(self.corpus.entries, self.labels, counts or {}, id="articles")
            with Vertical(id="reading"):
                yield Static("", id="article-title", markup=False)
                yield ArticleView(self.labels, id="text")
                yield SearchBar(placeholder="search (enter finds, esc closes)", id="search", classes="hidden")
                yield AnnotationPanel(self.labels, id="panel", classes="hidden")
        yield StatusLine(id="status")
        yield KeyBar(id="keys", markup=False)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def panel(self) -> AnnotationPanel:
        return self.query_one(AnnotationPanel)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_unmount(self) -> None:
        self.remember_position()
        self.suggestions.stop()

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

    def action_toggle_done(self) -> None:
        """D: the article (the list's, or the open one) done, or not done again."""
        entry = self.article_list.current if self.focused is self.article_list else None
        article_id = entry.id if entry is not None else getattr(self.session.article, "id", None)
        if article_id is None:
            self.say("no article here to mark done")
            return
        if not self.store.loaded or self.store.readonly:
            self.say(self.store.still_reading or "read-only: nothing is saved here")
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
        entries = self.corpus.entries
        here = self.session.article.id if self.session.article is not None else None
        at = next((i for i, e in enumerate(entries) if e.id == here), -1)
        done = self.article_list.done
        following = [e for e in entries[at + 1 :] + entries[: at + 1] if e.id not in done and e.id != here]
        if not following:
            self.say("every article is done")
            return
        self.open_article(following[0].id)
        index = self.article_list.index_of(following[0].id)
        if index is not None:
            self.article_list.move_cursor(index)

    def on_mount(self) -> None:
        self._status = self.query_one(StatusLine)
        self.view.moved = self._moved
        notices = list(self.corpus.notices) + [self._settings_problem] * bool(self._settings_problem)
        self._apply_settings()
        if self.store.readonly:
            notices.insert(0, f"read-only: {self.store.readonly_because}; tags are not saved here")
        self._notices_said = len(self.corpus.notices)
        self.say("; ".join(notices) if notices else f"{self._articles_listed()} · ? for help")
        if self.open_first and self.corpus.entries:
            self.open_article(self.corpus.entries[0].id)
        else:
            self.article_list.focus()
        # After the first screen is painted: these threads hold the GIL for long stretches
        # (json.loads of a large database), which would delay that first paint.
        self.call_after_refresh(self._start_background_work)
        self.stop_on_signals()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def save_everything(self) -> None:
        self.store.close()

    def _apply_settings(self) -> None:
        """What was chosen last time: the reading width and the theme now; the list's
        order once the titles and dates it sorts by are read (_metadata_read)."""
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

    def _articles_listed(self) -> str:
        listed = plural(len(self.corpus.entries), "article")
        return f"{listed} so far, reading the rest" if self.corpus.later is not None else listed

    def _start_background_work(self) -> None:
        _settle()  # what the start made
        gc.enable()  # the command line turned it off until the first screen (cli.run_app)
        if not self.store.loaded:
            self.run_worker(self._load_store, thread=True, group="store")
        self.run_worker(import_later_modules, thread=True, group="imports")
        if self.corpus.later is not None:
            self.run_worker(self._read_corpus, thread=True, group="corpus")
        else:
            self.run_worker(self._read_metadata, thread=True, group="metadata")

    def _read_corpus(self) -> None:
        """In a thread: the entries of the corpus not read before the first screen (a
        large JSON-lines file's lines), listed as they come."""
        while batch := self.corpus.read_later(CORPUS_BATCH):
            self.call_from_thread(self._corpus_arrived, batch)
        self.call_from_thread(self._corpus_read)

    def _corpus_arrived(self, batch: list[Entry]) -> None:
        if self.corpus.add(batch):
            self.article_list.corpus_changed()

    def _corpus_read(self) -> None:
        """Every entry is listed: titles and dates next; what was skipped is said."""
        self.corpus.later = None
        self.run_worker(self._read_metadata, thread=True, group="metadata")
        notices = self.corpus.notices[self._notices_said :]
        self._notices_said = len(self.corpus.notices)
        if notices:
            self.say(f"{self._articles_listed()}; " + "; ".join(notices[:3]) + (" …" if len(notices) > 3 else ""))
        elif "reading the rest" in self.query_one(StatusLine).message:
            self.say(f"{self._articles_listed()} · ? for help")

    def _load_store(self) -> None:
        """In a thread: read the database while the first screen is already up."""
        try:
            self.store.load()
        except StoreError as error:
            self.call_from_thread(self._store_failed, error)
        else:
            self.call_from_thread(self._store_loaded)

    def _store_loaded(self) -> None:
        _settle()
        if self.store.warnings:
            self.say("; ".join(self.store.warnings))
        self.article_list.set_all_counts(self.store.counts())
        self.article_list.set_done(self.store.done_articles())
        if self.session.article is not None:
            moved = self.session.reopen()
            self.view.set_spans(self.session.spans)
            self._refresh_panel()
            if moved:
                self.say(moved)
            self._place_tags()
            self.suggestions.refresh()
            self._resume_reading()
        elif self.focused is self.article_list and self.article_list.cursor == 0:
            self._open_last()

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

    def _open_last(self) -> None:
        """At start, the article that was open last is opened again (the person has not moved yet)."""
        last = self.store.last_opened()
        index = self.article_list.index_of(last) if last else None
        if last is not None and index is not None:
            self.article_list.move_cursor(index)
            self.open_article(last)

    def _store_failed(self, error: StoreError) -> None:
        """The database turned out unusable: leave, and let the command line say why."""
        self.load_error = str(error)
        self.exit(return_code=1)

    def _read_metadata(self) -> None:
        """In a thread: read every article's title and date, so filtering finds titles too
        (and which files are no articles)."""
        for number, entry in enumerate(list(self.corpus.entries), 1):
            _ = entry.meta  # read and kept here, not on the UI thread
            if number % 500 == 0:
                self.call_from_thread(self.article_list.titles_arrived)
        self.call_from_thread(self._metadata_read)

    def _metadata_read(self) -> None:
        _settle()
        self.article_list.titles_arrived()
        if self.settings.order != self.article_list.order and self.settings.order in ORDERS:
            self.article_list.set_order(self.settings.order)
        dropped = self.corpus.drop_non_articles()
        if dropped:
            self.article_list.corpus_changed()
            self.say(skipped_said(dropped))

    def say(self, message: str, saving: bool = False, saved: bool = False) -> None:
        """Tell the status line (see _status_lines); while changes cannot be saved, it says so."""
        for status in self._status_lines():
            status.say(message, saving, saved, self._not_saved)

    def _status_lines(self) -> list[StatusLine]:
        """The status line; none once the app is closing (the screen is gone, but the
        saver and the threads may still report). Kept, not queried: a query walks every
        widget, and a tag asks three times."""
        return [self._status] if self._status is not None and self.is_mounted(self._status) else []

    # ------------------------------------------------------------ articles

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
        title = display_line(entry.meta.title)
        named = (
            title if entry.meta.title == article.id else f"{title}  ·  {display_line(article.id)}"
        )  # (no title: once)
        self.query_one("#article-title", Static).update(Text(named, no_wrap=True))
        self._refresh_panel()
        self.view.focus()
        self._place_tags()
        decoded = decoding_said(article.encoding)
        if not article.complete:
            self.say(" · ".join(filter(None, [f"reading {display_line(article.id)} …", decoded])))
            # After the first paint: decoding holds the interpreter, as loading the store does.
            self.call_after_refresh(
                self.run_worker, partial(self._read_article, entry, cursor), thread=True, group="article"
            )
        elif moved or decoded:
            self.say(" · ".join(filter(None, [moved, decoded and f"{display_line(article.id)}: {decoded}"])))
        self.suggestions.refresh()

    def _read_article(self, entry: Entry, cursor: int) -> None:
        """In a thread: the whole of a large article, shown from its beginning meanwhile."""
        try:
            entry.load()
        except ArticleError as error:
            self.call_from_thread(self.say, str(error))
        else:
            self.call_from_thread(self._article_read, entry, cursor)

    def _article_read(self, entry: Entry, cursor: int) -> None:
        """The whole article is in: show it where the person is (unless they moved on)."""
        shown = self.session.article
        if shown is None or shown.id != entry.id or shown.complete:
            return
        article = entry.load()
        moved = self.session.open(article)
        view = self.view
        if self._resume is not None and self._resume[0] == entry.id and view.cursor == cursor:
            cursor, self._resume = self._resume[1], None  # where it was left, known once the database was read
        view.load(article, self.session.spans, view.cursor or cursor, keep_top=True)
        self._refresh_panel()
        self.say(moved or f"{display_line(article.id)}: {len(article.text):,} characters")
        self._place_tags()
        self.suggestions.refresh()
        _settle()

    def _place_tags(self) -> None:
        """A large article's tags are placed in a thread; the keys do not wait for them."""
        placing = self.session.placing
        if placing is not None:
            self.say(f"placing {len(placing.annotations):,} tags …")
            self.run_worker(partial(self._placing, placing), thread=True, group="placing")

    def _placing(self, placing: Placing) -> None:
        """In a thread: where each tag is in the article's text, how far along said."""

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
        self.suggestions.refresh()

    def on_article_view_said(self, message: ArticleView.Said) -> None:
        self.say(message.text)

    def on_article_list_chosen(self, message: ArticleList.Chosen) -> None:
        self.open_article(message.article_id)

    def on_annotation_panel_suggestion_chosen(self, message: AnnotationPanel.SuggestionChosen) -> None:
        self.view.jump_to(message.suggestion.start)
        self.view.focus()

    def on_annotation_panel_chosen(self, message: AnnotationPanel.Chosen) -> None:
        annotation = message.annotation
        if annotation.status == ORPHANED:
            self.say(
                f"orphaned: {describe(annotation, self.session.country_name)} is no longer in the text (kept, not shown there)"
            )
            return
        self.view.jump_to(annotation.start)
        self.view.focus()

    def _moved(self) -> None:
        """The view's cursor or selection moved: what is there, on the status line."""
        self._cursor = self.view.cursor  # (the view is gone when the app ends, and this is remembered)
        if not self.suggestions.show_here():
            for status in self._status_lines():
                status.show_position(self.session.position(self.view.cursor, self.view.selection))

    # ------------------------------------------------------------ changes

    def show(self, outcome: Outcome) -> None:
        """Route what the session did to the widgets, the status line and the saver."""
        if outcome.refused:
            self.bell()
        change = outcome.change
        if change is None:
            self.say(outcome.message)
            return
        if outcome.elsewhere:
            self.open_article(outcome.elsewhere, change.start)
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
            self._not_saved = f"{trouble(message.error)} ({self.store.path})"
            for line in status:
                line.say(line.message, not_saved=self._not_saved)
        elif self._not_saved or (self._waiting_for is not None and message.generation >= self._waiting_for):
            self._not_saved = ""
            done = message.generation >= self.store.generation
            self._waiting_for = None if done else self._waiting_for
            for line in status:
                line.say(line.message, saving=not done, saved=done)

    def suggestions_shown(self) -> None:
        """The open article's suggestions changed (found, taken, shown or hidden): the
        panel lists them and the list counts them."""
        _settle()  # a large article's: 100,000 objects a full collection would walk mid-keystroke
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

    def action_tag(self, label: str) -> None:
        """A label key: in the panel it relabels the row's tag; in the text, see session.tag."""
        if self.focused is self.panel:
            target = self._target()
            self.show(self.session.relabel(target, label) if target else Outcome("no tag in the panel"))
        elif self.view.selection is None and self.view.annotation_at() is None and self.view.suggestion_at():
            self.suggestions.accept(label)  # a label key on a suggestion accepts it as that label
        else:
            self.show(self.session.tag(label, self.view.selection, self.view.cursor))

    def action_next_suggestion(self, direction: int) -> None:
        self.suggestions.go(direction)

    def action_accept(self) -> None:
        self.suggestions.accept()

    def action_reject(self) -> None:
        self.suggestions.reject()

    def action_accept_all(self) -> None:
        self.suggestions.accept_all()

    def action_reject_all(self) -> None:
        self.suggestions.reject_all()

    def action_toggle_suggestions(self) -> None:
        self.suggestions.toggle()

    def action_focus_text(self) -> None:
        self.view.focus()

    def action_delete(self) -> None:
        self.show(self.session.delete(self._target()))

    def action_undo(self) -> None:
        self.show(self.session.undo())

    def action_redo(self) -> None:
        self.show(self.session.redo())

    def action_note(self) -> None:
        self._ask_about_tag("a note", lambda target: ("Note for", target.note), self.session.note)

    def action_attributes(self) -> None:
        """E: a place's candidates in the gazetteer, a quote's possible speakers, or
        (for the rest, and t in the picker) the attributes as text to edit."""
        from annotations.suggest import attribute_choices  # not at start: the finders compile large patterns

        target = self._target()
        if (
            target is None
            or target.label not in attribute_choices.CHOSEN
            or self.session.refusal()
            or self.session.article is None
        ):
            self._attributes_as_text()
            return
        if target.label == "place":
            gazetteer = self.suggestions.places()
            if gazetteer is None:
                self._attributes_as_text()
                return
            picker = PickerScreen(
                f"Which place is {describe(target, self.session.country_name)}?",
                attribute_choices.places_named(target.text, gazetteer),
                "not in the gazetteer",
                lambda typed: attribute_choices.places_starting(typed, gazetteer),
            )
        else:
            text = self.session.article.text
            picker = PickerScreen(
                f"Who said {describe(target, self.session.country_name)}?",
                attribute_choices.speakers(text, target.start, target.end),
                "no speaker",
                lambda typed: attribute_choices.speakers(text, target.start, target.end, typed),
            )

        def picked(answer: Picked | str | None) -> None:
            if answer == AS_TEXT:
                self._attributes_as_text()
            elif isinstance(answer, Picked):
                self.show(
                    self.session.give_attributes(
                        target, attribute_choices.with_choice(target.attrs, target.label, answer.attrs)
                    )
                )

        self.push_screen(picker, picked)

    def _attributes_as_text(self) -> None:
        """The tag's attributes as text to edit: value=5200; unit=troops; approx."""
        self._ask_about_tag(
            "attributes",
            lambda target: ("Attributes (name=value; …) of", attributes.as_text(target.attrs)),
            self.session.set_attributes,
        )

    def _ask_about_tag(
        self,
        what: str,
        question: Callable[[Annotation], tuple[str, str]],
        answer: Callable[[Annotation, str], Outcome],
    ) -> None:
        """A prompt about the tag under the cursor (or the panel's), its answer to the session."""
        target = self._target()
        if target is None:
            self.say(f"no tag here: put the cursor on a tag to give it {what}")
            return
        refused = self.session.refusal()
        if refused:
            self.show(refused)
            return

        def answered(text: str | None) -> None:
            if text is not None:
                self.show(answer(target, text))

        asking, value = question(target)
        self.push_screen(PromptScreen(f"{asking} {describe(target, self.session.country_name)}", value), answered)

    # ------------------------------------------------------------ search, panel, help

    def action_search(self) -> None:
        if self.session.article is None:
            self.say("open an article first")
            return
        bar = self.query_one(SearchBar)
        bar.remove_class("hidden")
        bar.value = self.view.search_text
        self.screen.set_focus(bar)  # now, not later as focus() does: keys typed next follow it

    def action_close_bar(self) -> None:
        self.query_one(SearchBar).add_class("hidden")
        self.screen.set_focus(self.view)

    def on_article_list_filtered(self, message: ArticleList.Filtered) -> None:
        shown, total = self.article_list.row_count, len(self.corpus.entries)
        self.say(
            f"{shown} of {plural(total, 'article')} match “{message.text}”"
            if message.text
            else plural(total, "article")
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, SearchBar):
            self.action_close_bar()
            if event.value:
                self.view.search(event.value)

    def action_toggle_panel(self) -> None:
        """a: the panel opens with the focus in it (its keys then act on its rows: j j d
        deletes the second tag); closed, the focus goes back to the text."""
        self.panel.toggle_class("hidden")
        if not self.panel.has_class("hidden"):
            self._refresh_panel(getattr(self.view.annotation_at(), "id", None))
            self.panel.focus()
        elif self.focused is None or self.focused is self.panel:
            self.view.focus()

    def action_help(self) -> None:
        panes = {
            "Anywhere": self,
            "Article list": self.article_list,
            "Text": self.view,
            "Annotations panel": self.panel,
        }
        self.push_screen(HelpScreen({pane: bindings_of(node, self.keymap) for pane, node in panes.items()}))

    def action_stats(self) -> None:
        """T: the map of tagged places and the tallies; enter there goes to a place's first tag."""
        from .screens.stats import StatsScreen

        if not self.store.loaded:
            self.say(self.store.still_reading)
            return
        gazetteer = self.suggestions.places()
        towns = gazetteer.coordinates() if gazetteer is not None else []
        article = self.session.article.id if self.session.article is not None else None

        def chosen(annotation: Annotation | None) -> None:
            if annotation is None:
                return
            if annotation.article != article:
                self.open_article(annotation.article, annotation.start)
            self.view.jump_to(annotation.start)
            self.view.focus()

        size = self.size
        screen = StatsScreen(
            self.store.annotations(), article, towns, self.session.country_name, size.width - 8, size.height
        )
        self.push_screen(screen, chosen)

    def action_search_corpus(self) -> None:
        """F: every match in every article, as it is found; enter opens one there."""
        from .screens.corpus_search import CorpusSearchScreen

        def chosen(hit: Hit | None) -> None:
            if hit is not None:
                self.open_article(hit.article, hit.start)
                self.view.jump_to(hit.start)
                self.view.match = (hit.start, hit.end)
                self.view.refresh_all()

        self.push_screen(CorpusSearchScreen(self.corpus), chosen)

    def action_messages(self) -> None:
        from .screens.messages import MessagesScreen

        self.push_screen(MessagesScreen(list(self.query_one(StatusLine).log_lines)))

    def action_export(self) -> None:
        from .screens.export import ExportScreen  # loaded on first use, to start quicker

        if not self.store.loaded:
            self.say(self.store.still_reading)
            return
        if self.corpus.later is not None:  # tags of the articles not listed yet would be left out
            self.say("the corpus is still being read; export in a moment")
            return
        article = self.session.article
        self.push_screen(ExportScreen(article.id if article else None), self._export)

    def _export(self, choice: ExportChoice | None) -> None:
        if choice is None:
            return
        article = self.session.article if choice.only_open_article else None
        annotations = self.store.annotations(article.id if article else None)
        self.say(f"exporting {plural(len(annotations), 'annotation')} as {choice.format} to {choice.path}…")
        self.run_worker(partial(self._write_export, choice, annotations), thread=True, group="export")

    def _write_export(self, choice: ExportChoice, annotations: list[Annotation]) -> None:
        """In a worker thread: the UI stays live while a large export is written."""
        from annotations.interchange.exporting import export_to

        self.call_from_thread(self.say, export_to(self.corpus, annotations, choice.format, choice.path))

    async def action_quit(self) -> None:
        """q: quit; while changes are not on disk, ask what to do with them first."""
        self.remember_position()
        if self._not_saved:  # one more try now: the disk may have room again
            with contextlib.suppress(OSError):
                self.store.flush()
        unsaved = self.store.unsaved if self._not_saved else 0  # else close() writes what is on its way
        if not unsaved:
            self.exit()
            return
        question = (
            f"{plural(unsaved, 'change')} NOT saved: {self._not_saved}. "
            "Keep trying (free some space), write every tag to a file on another disk, or quit and lose them?"
        )
        self.push_screen(UnsavedScreen(question), self._unsaved_choice)

    def _unsaved_choice(self, choice: str | None) -> None:
        if choice == LOSE:
            self.exit()  # the command line says what was lost
        elif choice == WRITE:
            where = str(Path.home() / f"reader-unsaved-{datetime.now():%Y%m%d-%H%M%S}.jsonl")
            self.push_screen(PromptScreen("Write every tag to (a file on another disk):", where), self._write_copy)
        else:
            self.store.request_save()
            self.say("still trying to save; q again to choose")

    def _write_copy(self, path: str | None) -> None:
        if not path:
            self.call_later(self.action_quit)
            return
        try:
            written = self.store.write_copy(Path(path).expanduser())
        except OSError as error:
            self.say(f"could not write {path}: {trouble(error)}; choose another place")
            self.call_later(self.action_quit)
            return
        self.wrote_copy = f"{plural(written, 'tag')} written to {path}; bring them back with: reader import {path}"
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key's action is also a command in the palette (ctrl+p)."""
        yield from super().get_system_commands(screen)
        targets = {"Article list": self.article_list, "Text": self.view, "Annotations panel": self.panel}
        yield from palette_commands(panes_for(self.labels, self.keymap), targets, self)
