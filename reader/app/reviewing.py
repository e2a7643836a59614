"""`reader review`: the app on a gold database with every source's spans on top (drawn
where suggestions are drawn, which a review does not make). A settles what all agree
on, . and , go from disagreement to disagreement, 1–9 take a source's version, x none;
what is decided is annotations/team/review.py's."""

from __future__ import annotations

from annotations.editing.session import Outcome
from annotations.model import Annotation
from annotations.team import DECLINED, Disagreement, declined, for_gold, unsettled

from .open_article import OpenArticle


class Reviewing(OpenArticle):
    def refresh_suggestions(self) -> None:
        if self.review is None:
            super().refresh_suggestions()
            return
        from annotations.suggest.suggestions import Suggestion  # not at start: the finders compile large patterns

        article = self.session.article
        if article is None or not self.store.loaded or not article.complete:
            return
        found = self._open(article.id)
        agreed = self._agreed_missing(article.id)
        shown = [a for a, _ in agreed] + [a for d in found for version in d.versions for a in version]
        self.view.set_suggestions(Suggestion(a.label, a.start, a.end, a.text, a.attrs, "review") for a in shown)
        self.article_list.set_suggested(article.id, len(found))
        self._refresh_panel(self.panel.current_id)
        self._moved()

    def _open(self, article: str, turned_down: dict[str, list[tuple[int, int]]] | None = None) -> list[Disagreement]:
        """The article's disagreements not settled in gold yet (turned_down: declined()
        of the store's rejections, when the caller has it)."""
        assert self.review is not None
        if turned_down is None:
            turned_down = declined(self.store.rejections())
        disagreements = self.review.of(article).disagreements
        return unsettled(disagreements, self.store.snapshot(article), turned_down.get(article, []))

    def _agreed_missing(self, article: str) -> list[tuple[Annotation, tuple[str, ...]]]:
        assert self.review is not None
        gold = {(a.label, a.start, a.end) for a in self.store.snapshot(article)}
        return [(a, who) for a, who in self.review.of(article).agreed if (a.label, a.start, a.end) not in gold]

    def count_disagreements(self) -> None:
        """Every article's disagreements left, in the list (once the database is read)."""
        if self.review is None:
            return
        turned_down = declined(self.store.rejections())
        for article in self.review.articles():
            if self.corpus.get(article) is not None:
                self.article_list.set_suggested(article, len(self._open(article, turned_down)))

    def _here(self) -> Disagreement | None:
        if self.session.article is None or not self.store.loaded:
            return None  # (gold not read yet: what is settled there is not known)
        cursor = self.view.cursor
        return next((d for d in self._open(self.session.article.id) if d.start <= cursor < d.end), None)

    def _moved(self) -> None:
        """In a review, the disagreement under the cursor is named, source by source."""
        here = self._here() if self.review is not None else None
        if here is not None and self.review is not None:
            self.say(here.said(self.review.names))
        super()._moved()

    def show(self, outcome: Outcome) -> None:
        super().show(outcome)
        if self.review is not None and outcome.change is not None:
            self.refresh_suggestions()  # (names the disagreement under the cursor, if any)
            here = self._here()
            if here is not None:  # what was done stays in sight, before what is left here
                self.say(f"{outcome.message} · here: {here.said(self.review.names)}", saving=True)

    def next_disagreement(self, direction: int) -> None:
        """. and ,: the cursor to the next (previous) disagreement left, round the article."""
        if self.session.article is None:
            self.say("open an article first")
            return
        found = self._open(self.session.article.id)
        if not found:
            self.say("no disagreement left here (A takes what all agree on; D marks the article reviewed)")
            return
        cursor = self.view.cursor
        if direction > 0:
            target = next((d for d in found if d.start > cursor), found[0])
        else:
            target = next((d for d in reversed(found) if d.start < cursor), found[-1])
        self.view.clear_marks()
        self.view.jump_to(target.start)

    def _refused(self) -> bool:
        """Said, if no change can be made now (the gold database not read yet, read-only)."""
        refused = self.session.refusal()
        if refused is not None:
            self.show(refused)
        return refused is not None

    def action_take_version(self, number: int) -> None:
        """1–9: source number's version of the disagreement under the cursor (with a
        selection, the digit tags it as its label, as everywhere)."""
        assert self.review is not None
        if self._refused():
            return
        label = self.labels.by_key(str(number))
        if self.view.selection is not None and label is not None:
            self.show(self.session.tag(label.name, self.view.selection, self.view.cursor))
            return
        here = self._here()
        if here is None:
            self.show(Outcome("no disagreement under the cursor (. goes to the next)", refused=True))
            return
        if number > len(self.review.sources):
            self.show(Outcome(f"there are {len(self.review.sources)} sources; {number} is not one", refused=True))
            return
        article = self.session.article
        assert article is not None
        version = here.versions[number - 1]
        if not version:
            self._decline(here)
            return
        made = [for_gold(a, self.session.annotator, self.review.holders(article.id, a)) for a in version]
        self.show(self.session.take_made(made))

    def action_decline(self) -> None:
        """x: none of the versions of the disagreement under the cursor."""
        if self._refused():
            return
        here = self._here()
        if here is None:
            self.show(Outcome("no disagreement under the cursor (. goes to the next)", refused=True))
            return
        self._decline(here)

    def _decline(self, here: Disagreement) -> None:
        article = self.session.article
        assert article is not None
        record = {
            "article": article.id,
            "label": DECLINED,
            "text": article.text[here.start : here.end],
            "start": here.start,
            "end": here.end,
        }
        self.show(self.session.take_made([], declined=record))

    def action_accept_agreed(self) -> None:
        """A: every span all sources agree on, into gold (those not there yet)."""
        article = self.session.article
        if article is None:
            self.say("open an article first")
            return
        if self._refused():
            return
        missing = self._agreed_missing(article.id)
        if not missing:
            self.say("nothing agreed is missing from gold here")
            return
        made = [for_gold(a, self.session.annotator, who) for a, who in missing]
        self.show(self.session.take_made(made))
