"""ReaderApp: composes the panes and routes keys and messages to the layers that act on
them (app_base.py says which layer does what)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult, SystemCommand
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from annotations.editing.session import Outcome, describe
from annotations.model import ORPHANED, Annotation
from annotations.store import read_cached_counts
from annotations.text import plural

from ..config import exports_folder
from ..keys import APP, palette_commands, panes_for, review_bindings
from ..screens.help import HelpScreen
from ..textual_compat import bindings_of
from ..widgets.annotation_panel import AnnotationPanel
from ..widgets.article_list import ArticleList
from ..widgets.article_view import ArticleView
from ..widgets.key_bar import KeyBar
from ..widgets.search_bar import SearchBar
from ..widgets.status_line import StatusLine
from .loading import Loading
from .quitting import Quitting
from .tag_questions import TagQuestions

if TYPE_CHECKING:
    from annotations.corpus.search import Hit

    from ..screens.export import ExportChoice

NARROW = 70  # columns: below this the article list gives up its minimum width


class ReaderApp(TagQuestions, Quitting, Loading):
    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    BINDINGS = [*APP]  # a copy typed as Textual's BindingType list

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            counts = self.store.counts() if self.store.loaded else read_cached_counts(self.store.path)
            yield ArticleList(self.corpus.entries, self.labels, counts or {}, id="articles")
            with Vertical(id="reading"):
                yield Static("", id="article-title", markup=False)
                review = review_bindings(self.review.names) if self.review is not None else None
                yield ArticleView(self.labels, review, id="text")
                yield SearchBar(placeholder="search (enter finds, esc closes)", id="search", classes="hidden")
                yield AnnotationPanel(self.labels, id="panel", classes="hidden")
        yield StatusLine(id="status")
        yield KeyBar(id="keys", markup=False)

    def on_unmount(self) -> None:
        self.remember_position()
        self.suggestions.stop()

    def on_mount(self) -> None:
        self._status = self.query_one(StatusLine)
        self.view.moved = self._moved
        notices = list(self.corpus.notices) + [self._settings_problem] * bool(self._settings_problem)
        self._apply_settings()
        if self.store.readonly:
            notices.insert(0, f"read-only: {self.store.readonly_because}; tags are not saved here")
        self._notices_said = len(self.corpus.notices)
        listed = self._articles_listed()
        self._said_at_start = f"{listed} · " + "; ".join(notices) if notices else f"{listed} · ? for help"
        self.say(self._said_at_start)
        if self.open_first and self.corpus.entries:
            self.open_article(self.corpus.entries[0].id)
        else:
            self.article_list.focus()
        # After the first screen is painted: these threads hold the GIL for long stretches
        # (json.loads of a large database), which would delay that first paint.
        self.call_after_refresh(self._start_background_work)
        self.stop_on_signals()
        self.set_interval(1.0, self.position_at_rest)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def save_everything(self) -> None:
        self.store.close()

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
        if self.review is not None:
            self.next_disagreement(direction)
        else:
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
        self.show_anywhere(self.session.undo())

    def action_redo(self) -> None:
        self.show_anywhere(self.session.redo())

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
        from ..screens.stats import StatsScreen

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
        from ..screens.corpus_search import CorpusSearchScreen

        def chosen(hit: Hit | None) -> None:
            if hit is not None:
                self.open_article(hit.article, hit.start)
                self.view.jump_to(hit.start)
                self.view.match = (hit.start, hit.end)
                self.view.refresh_all()

        self.push_screen(CorpusSearchScreen(self.corpus), chosen)

    def action_messages(self) -> None:
        from ..screens.messages import MessagesScreen

        self.push_screen(MessagesScreen(list(self.query_one(StatusLine).log_lines)))

    def action_export(self) -> None:
        from ..screens.export import ExportScreen  # loaded on first use, to start quicker

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
        self._write_export(choice, annotations)

    @work(thread=True, group="export")
    def _write_export(self, choice: ExportChoice, annotations: list[Annotation]) -> None:
        """The UI stays live while a large export is written."""
        from annotations.interchange.exporting import export_to

        folder = exports_folder()
        try:
            if choice.path.parent == folder:
                folder.mkdir(parents=True, exist_ok=True)  # the default's folder, made on first use
        except OSError as error:
            self.call_from_thread(self.say, f"export failed: {folder}: {error.strerror or error}")
            return
        self.call_from_thread(self.say, export_to(self.corpus, annotations, choice.format, choice.path))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key's action is also a command in the palette (ctrl+p)."""
        yield from super().get_system_commands(screen)
        targets = {"Article list": self.article_list, "Text": self.view, "Annotations panel": self.panel}
        yield from palette_commands(panes_for(self.labels, self.keymap), targets, self)
