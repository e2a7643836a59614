"""F: search every article. Matches stream in as they are found (a thread reads the
articles); each is shown with the words around it; enter opens the article there."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from annotations.corpus import Corpus
from annotations.corpus.search import Hit, hits
from annotations.text import display_line, plural

BATCH = 50  # matches handed to the screen at a time
MAX_HITS = 5_000  # shown at most: more says to narrow the search


class CorpusSearchScreen(ModalScreen[Hit | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "down", "Down", show=False),
        Binding("up", "up", "Up", show=False),
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.found: list[Hit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Label("Search every article (↑↓ choose · enter opens · esc closes)", id="search-title")
            yield Input(placeholder="a word or phrase", id="corpus-query")
            yield Label("", id="search-count")
            yield OptionList(id="search-hits")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.found = []
        self.query_one(OptionList).clear_options()
        self.query_one("#search-count", Label).update("")
        self._search(event.value)

    @work(thread=True, exclusive=True, group="corpus-search")
    def _search(self, query: str) -> None:
        worker = get_current_worker()
        batch: list[Hit] = []
        for hit in hits(self.corpus.entries, query):
            if worker.is_cancelled:
                return
            batch.append(hit)
            if len(batch) == BATCH:
                self.app.call_from_thread(self._arrived, query, batch)
                batch = []
            if len(self.found) + len(batch) >= MAX_HITS:
                break
        if not worker.is_cancelled:
            self.app.call_from_thread(self._arrived, query, batch, True)

    def _arrived(self, query: str, batch: list[Hit], finished: bool = False) -> None:
        if query != self.query_one(Input).value:
            return  # an older search's
        listed = self.query_one(OptionList)
        listed.add_options([Option(self._line(hit)) for hit in batch])
        self.found += batch
        if listed.highlighted is None and self.found:
            listed.highlighted = 0
        articles = len({hit.article for hit in self.found})
        more = "" if finished else " …"
        limit = f" (the first {MAX_HITS:,}: say more to narrow it)" if len(self.found) >= MAX_HITS else ""
        said = (
            f"{plural(len(self.found), 'match', 'matches')} in {plural(articles, 'article')}{more}{limit}"
            if query.strip()
            else ""
        )
        self.query_one("#search-count", Label).update(said)

    @staticmethod
    def _line(hit: Hit) -> Text:
        """ "article · …words before MATCH words after…", the match bold; nothing as markup."""
        line = Text(f"{display_line(hit.article)} · ", style="dim")
        line.append(f"…{display_line(hit.before)}")
        line.append(display_line(hit.match), style="bold reverse")
        line.append(f"{display_line(hit.after)}…")
        return line

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._open(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_index)

    def _open(self, index: int | None) -> None:
        if index is not None and index < len(self.found):
            self.dismiss(self.found[index])

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
