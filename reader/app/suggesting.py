"""The app's side of suggestions: computed in a thread when an article opens and after
each change, drawn by the article view, accepted and rejected from the keyboard.

What a suggestion is and where it comes from is annotations/suggest/suggestions.py; accepting
and rejecting are the editing session's. Here: threads, keys and the status line.
"""

from __future__ import annotations

import subprocess
import threading
from typing import TYPE_CHECKING, Any, Protocol

from annotations.model import Annotation, Article
from annotations.text import plural

from ..config import cache_folder
from ..widgets.status_line import StatusLine
from ..widgets.text_view import suggestion_order

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.timer import Timer

    from annotations.editing.history import Change
    from annotations.editing.session import EditingSession, Outcome
    from annotations.editing.spans import Spans
    from annotations.model import LabelSet
    from annotations.store import AnnotationStore
    from annotations.suggest.gazetteer import Gazetteer
    from annotations.suggest.model_process import ModelProcess
    from annotations.suggest.suggestions import Knowledge, Suggestion

    from ..widgets.article_view import ArticleView


class SuggestionsHost(Protocol):
    """What of the app suggestions use (the app's base, app_base.py, makes them: this
    module cannot import it back)."""

    session: EditingSession
    store: AnnotationStore
    labels: LabelSet

    @property
    def view(self) -> ArticleView: ...
    def say(self, message: str, saving: bool = False, saved: bool = False) -> None: ...
    def suggestions_shown(self) -> None: ...
    def show(self, outcome: Outcome) -> None: ...
    def bell(self) -> None: ...
    @property
    def run_worker(self) -> Callable[..., Any]: ...
    @property
    def call_from_thread(self) -> Callable[..., Any]: ...
    @property
    def query_one(self) -> Callable[..., Any]: ...
    @property
    def query(self) -> Callable[..., Any]: ...
    def set_timer(self, delay: float, callback: Callable[[], None]) -> Timer: ...


# Articles longer than this have their suggestions found in a process of their own: the
# rules run in pure Python and, in a thread, would take the interpreter from the keys for
# seconds (3 s a MB).
IN_A_PROCESS_ABOVE = 1_000_000
AFTER_CHANGES = 0.2  # seconds without a change before the suggestions are found again
FINDING = "finding suggestions … (a moment)"


class Suggestions:
    """The app's suggestions: the keys (. , y r Y R S) and the threads behind them."""

    _gazetteer: Gazetteer | None = None  # one for the process: loading it costs 0.1 s
    _gazetteer_lock = threading.Lock()
    model = ""  # a named-entity model (reader --ner, set before the app starts): see _with_model

    def __init__(self, app: SuggestionsHost) -> None:
        self.app = app
        self._knowledge: Knowledge | None = None
        self._finding: Article | None = None  # the article whose suggestions a thread is finding
        self._child: subprocess.Popen[bytes] | None = None  # a large article's, see IN_A_PROCESS_ABOVE
        self._child_lock = threading.Lock()
        self._after_changes: Timer | None = None  # the refresh a change asked for (see changed)
        self.enabled = True  # not in a review: the sources' spans are drawn where suggestions are
        self._model_process: ModelProcess | None = None  # the process that holds the model

    def refresh(self) -> None:
        """Compute the open article's suggestions again, in a thread (the newest request wins)."""
        article = self.app.session.article
        if (
            not self.enabled
            or article is None
            or not article.complete
            or not self.app.store.loaded
            or self.app.session.placing is not None
        ):
            return
        with self._child_lock:
            self.stop()  # a large article's, no longer wanted
        self._finding = article
        tags = self.app.store.snapshot(article.id)
        snapshot = self.app.store.snapshot() if self._knowledge is None else None
        rejections = self.app.store.rejections() if self._knowledge is None else []
        # What another process gets must not change while it is sent (the keys go on learning).
        knowledge = (
            self._knowledge.copy() if self._knowledge is not None and len(article.text) > IN_A_PROCESS_ABOVE else None
        )
        self.app.run_worker(
            lambda: self._suggest(article, tags, snapshot, rejections, knowledge),
            thread=True,
            group="suggest",
            exclusive=True,
        )

    def places(self) -> Gazetteer | None:
        """The gazetteer, loaded (or built into the cache) the first time: by the first
        suggestions' thread, as a rule, before anyone tags a place."""
        from annotations.suggest import gazetteer

        with self._gazetteer_lock:
            if self._gazetteer is None:
                Suggestions._gazetteer = gazetteer.load(cache_folder())
        return self._gazetteer

    def _suggest(
        self,
        article: Article,
        tags: list[Annotation],
        snapshot: list[Annotation] | None,
        rejections: list[dict[str, Any]],
        copied: Knowledge | None,
    ) -> None:
        """In a thread: the suggestions for article, handed to the UI thread (a large
        article's from a process of its own, see IN_A_PROCESS_ABOVE)."""
        from annotations.editing.spans import Spans
        from annotations.suggest.suggestions import Knowledge, suggest

        knowledge = self._knowledge
        if knowledge is None or snapshot is not None:
            knowledge = Knowledge.of(snapshot or [], rejections)
        # None: no model, or it cannot be loaded (then the rules, as without one)
        found = self._with_model(article, tags, copied or knowledge.copy()) if self.model else None
        if found is None and len(article.text) > IN_A_PROCESS_ABOVE:
            found = self._elsewhere(article, tags, copied or knowledge)
            if found is None:
                return  # stopped: another article came, or the app is ending
        elif found is None:
            found = suggest(article.id, article.text, tags, knowledge, self.app.labels.names, self.places)
        spans = Spans(found, suggestion_order)  # sorted here, not on the UI thread
        self.app.call_from_thread(self._suggested, article, knowledge, spans)

    def _elsewhere(self, article: Article, tags: list[Annotation], knowledge: Knowledge) -> list[Suggestion] | None:
        """In a thread: suggest() in a process apart; None if it was stopped."""
        from annotations.suggest import large_article

        with self._child_lock:
            self.stop()
            child = self._child = large_article.start(
                cache_folder(), article.id, article.text, tags, knowledge, self.app.labels.names
            )
        return large_article.answer(child)

    def _with_model(self, article: Article, tags: list[Annotation], knowledge: Knowledge) -> list[Suggestion] | None:
        """In a thread: suggest() with the model's entities, in the process that holds the
        model; None, said once, if the model cannot be loaded: the rules alone then, with
        the app's one gazetteer (places())."""
        from annotations.suggest import batch
        from annotations.suggest.model_process import ModelProcess
        from annotations.suggest.ner import ModelMissing
        from annotations.suggest.suggestions import outlines

        with self._child_lock:
            if self._model_process is None:
                self._model_process = ModelProcess()
        job = batch.Job(knowledge, self.app.labels.names, str(cache_folder()), outlines(tags), self.model)
        try:
            return self._model_process.suggest(job, article)
        except ModelMissing as error:
            Suggestions.model = ""
            self.app.call_from_thread(self.app.say, f"{error}; suggesting with the rules alone")
            return None

    def stop(self) -> None:
        """End a process apart still finding a large article's suggestions."""
        child, self._child = self._child, None
        if child is not None and child.poll() is None:
            child.terminate()

    def _suggested(self, article: Article, knowledge: Knowledge, found: Spans[Suggestion]) -> None:
        if self._knowledge is None:
            self._knowledge = knowledge
        if self.app.session.article is not article:
            return  # another article (or the whole of this one) came meanwhile
        if not self.app.query("ArticleView"):
            return  # the app is ending: its panes are gone
        if self._finding is article:
            self._finding = None
        self.app.view.set_suggestions(found)
        self.app.suggestions_shown()
        self.show_here()
        if self.app.query_one(StatusLine).message == FINDING:  # . asked while they were found: now they are
            self.app.say(f"{plural(len(self.app.view.suggestions), 'suggestion')} here (. goes to the next)")

    def country_name(self, code: str) -> str:
        """ "Iraq" for "IQ" once the gazetteer is loaded (the code until then)."""
        return self._gazetteer.country_name(code) if self._gazetteer is not None else code

    def carried(self, label: str, start: int, end: int) -> dict[str, Any] | None:
        """What the suggestion of label at exactly start..end carries, if one is shown."""
        for suggestion in self.app.view.suggestions.overlapping(start, end):
            if (suggestion.label, suggestion.start, suggestion.end) == (label, start, end):
                return suggestion.attrs
        return None

    def describe_suggestion(self, suggestion: Suggestion) -> str:
        from annotations.suggest.suggestions import describe

        return describe(suggestion, self.country_name)

    def show_here(self) -> bool:
        """Name the suggestion under the cursor where the status line names the position;
        False if there is none (or suggestions are off: a review draws other spans there)."""
        if not self.enabled:
            return False
        view = self.app.view
        suggestion = view.suggestion_at() if view.annotation_at() is None and view.selection is None else None
        if suggestion is None:
            return False
        said = f"{view.cursor} · {self.describe_suggestion(suggestion)} · y accept · r reject"
        self.app.query_one(StatusLine).show_position(said)
        return True

    def go(self, direction: int) -> None:
        """. and ,: to the next (previous) suggestion, named whole on the status line (the
        position's third of it is too narrow for a place with its id and country)."""
        if self._finding is self.app.session.article and not self.app.view.suggestions:
            self.app.say(FINDING)
            return
        self.app.view.action_next_suggestion(direction)
        self._name_here()

    def _name_here(self, before: str = "") -> None:
        """Name the suggestion under the cursor, after what was just done (being saved) if any."""
        suggestion = self.app.view.suggestion_at()
        if suggestion is not None:
            said = f"{before}{self.describe_suggestion(suggestion)} · y accept · r reject"
            self.app.say(said, saving=bool(before))

    def changed(self, change: Change) -> None:
        """A change was made, undone or redone: learn the tags it put in the store and
        forget those it took out (a tag undone is no longer suggested elsewhere), take
        rejections as the store now has them, and find the suggestions again."""
        if self._knowledge is not None:
            for leaf in change.leaves():
                for tag in (leaf.before, leaf.after):
                    if tag is not None and self.app.store.get(tag.id) == tag:
                        self._knowledge.learn(tag)
                    elif tag is not None:
                        self._knowledge.forget(tag)
            if any(leaf.rejection is not None for leaf in change.leaves()):
                self._knowledge.rejections_are(self.app.store.rejections())
        # Found again once the keys pause: a thread finding suggestions after every tag of
        # a quick run of them took the interpreter from those keys (a tag's 1.4 ms became 34).
        if self._after_changes is not None:
            self._after_changes.stop()
        self._after_changes = self.app.set_timer(AFTER_CHANGES, self.refresh)

    def take(self, suggestions: list[Suggestion], accept: bool, label: str | None = None) -> None:
        """Accept (or reject) these suggestions as one undoable step, then go to the next one."""
        view = self.app.view
        outcome = self.app.session.take(suggestions, accept, label)
        self.app.show(outcome)  # drawn, counted, learned, saved, undoable
        if outcome.refused:
            return
        view.set_suggestions(s for s in view.suggestions if s not in suggestions)
        self.app.suggestions_shown()
        if view.suggestions:
            view.action_next_suggestion(1)
            self._name_here(f"{self.app.query_one(StatusLine).message} · next: ")

    def _here(self) -> Suggestion | None:
        suggestion = self.app.view.suggestion_at() if self.app.session.article is not None else None
        if suggestion is None:
            self.app.say("no suggestion under the cursor (. goes to the next)")
            self.app.bell()
        return suggestion

    def accept(self, label: str | None = None) -> None:
        """y (or a label key) on a suggestion: it becomes a tag."""
        suggestion = self._here()
        if suggestion is not None:
            self.take([suggestion], accept=True, label=label)

    def reject(self) -> None:
        suggestion = self._here()
        if suggestion is not None:
            self.take([suggestion], accept=False)

    def _alike(self, suggestion: Suggestion) -> list[Suggestion]:
        return [s for s in self.app.view.suggestions if (s.label, s.text) == (suggestion.label, suggestion.text)]

    def accept_all(self) -> None:
        suggestion = self._here()
        if suggestion is not None:
            self.take(self._alike(suggestion), accept=True)

    def reject_all(self) -> None:
        suggestion = self._here()
        if suggestion is not None:
            self.take(self._alike(suggestion), accept=False)

    def toggle(self) -> None:
        view = self.app.view
        view.show_suggestions = not view.show_suggestions
        view.refresh_all()
        self.app.suggestions_shown()
        view.moved()  # the status line's position may have named one
        count = len(view.suggestions)
        self.app.say(f"suggestions shown ({count})" if view.show_suggestions else "suggestions hidden (S shows them)")
