"""An editing session: the decisions behind every key that changes a tag.

The UI asks (tag this selection, delete this tag, undo) and gets an Outcome back: what
changed, what to tell the person, whether it was refused. Nothing here knows about
widgets, so every branch is a unit test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .. import attributes
from ..model import NOTE_LIMIT, ORPHANED, SUGGESTED, Annotation, Article, LabelSet, new_annotation
from ..store import AnnotationStore, NotLoadedError, ReadOnlyError
from ..text import excerpt, plural, quoted
from .anchoring import reanchor_all
from .history import Change, History
from .spans import SpanIndex

if TYPE_CHECKING:
    from ..suggest.gazetteer import Gazetteer
    from ..suggest.suggestions import Suggestion  # not imported at start: its rules compile large patterns

_DONE = {
    "tag": "tagged",
    "delete": "deleted",
    "relabel": "relabelled",
    "note": "noted",
    "attributes": "gave attributes to",
    "accept": "accepted",
    "reject": "rejected",
    "adjudicate": "took into gold",
    "decline": "took none of",
}
# An article longer than this, or with more tags, has its tags placed in a thread (see
# Placing): hashing 100 MB, or searching for thousands of tags, would stop the keys.
QUICK_TEXT = 1_000_000
QUICK_TAGS = 1_000


def describe(annotation: Annotation, country_name: Callable[[str], str] = str) -> str:
    """A tag as the status line names it: label, text, offsets and what it carries."""
    said = attributes.describe(annotation.attrs, country_name)
    carries = f" · {excerpt(said, 60)}" if said else ""
    return f"{annotation.label} {quoted(annotation.text)} {annotation.start}–{annotation.end}{carries}"


@dataclass(frozen=True)
class Outcome:
    """What one request did. change is None when nothing changed; refused says the
    request could not be done (the UI rings the bell); elsewhere names the article of a
    change made outside the open one (an undo), which the UI should open."""

    message: str
    change: Change | None = None
    refused: bool = False
    elsewhere: str | None = None


@dataclass(frozen=True, eq=False)
class Placing:
    """The tags of a large article to place in its text, off the UI thread: compute()
    in a thread, then EditingSession.placed() with the result."""

    article: Article
    annotations: list[Annotation]

    def compute(self, progress: Callable[[int, int], None] | None = None) -> list[Annotation]:
        return reanchor_all(self.annotations, self.article, progress)


class EditingSession:
    """The open article, its index of tags, and the undo history over the store."""

    def __init__(self, store: AnnotationStore, labels: LabelSet, annotator: str = "") -> None:
        self.store = store
        self.labels = labels
        self.annotator = annotator
        self.history = History(store)
        self.article: Article | None = None
        self.spans = SpanIndex()
        self.placing: Placing | None = None  # a large article's tags, being placed
        # Where place tags find their GeoNames entry: the app's gazetteer, loaded on first use.
        self.gazetteer: Callable[[], Gazetteer | None] = lambda: None
        self.country_name: Callable[[str], str] = str  # "IQ" -> "Iraq", once a gazetteer is loaded
        # What a suggestion of (label, start, end) carries, if one is shown there: read in
        # the whole article's context, and already paid for.
        self.suggested: Callable[[str, int, int], dict[str, Any] | None] = lambda label, start, end: None

    # ------------------------------------------------------------ opening

    def open(self, article: Article) -> str:
        """Make article the open one; returns what re-anchoring moved ("" if nothing).

        When the file changed since its tags were made, each is re-anchored and the
        result stored, so that what the panel, the list and exports say agree. A large
        article's tags are left to a thread: self.placing says which (see placed()).
        """
        self.article = article
        self.spans = SpanIndex()
        self.placing = None
        if not self.store.loaded or not article.complete:
            return ""
        annotations = self.store.annotations(article.id)
        if len(article.text) > QUICK_TEXT or len(annotations) > QUICK_TAGS:
            if annotations:
                self.placing = Placing(article, annotations)
            return ""
        return self._place(article, annotations, reanchor_all(annotations, article))

    def placed(self, placing: Placing, placed: list[Annotation]) -> str:
        """Take the tags placed in a thread, unless another article was opened since."""
        if placing is not self.placing:
            return ""
        self.placing = None
        return self._place(placing.article, placing.annotations, placed)

    def _place(self, article: Article, annotations: list[Annotation], placed: list[Annotation]) -> str:
        self.spans = SpanIndex(placed)
        changed = [a for a, before in zip(placed, annotations) if a is not before]
        if not changed or self.store.readonly:
            return ""
        for annotation in changed:
            self.store.put(annotation)
        self.store.request_save()
        lost = sum(a.status == ORPHANED for a in changed)
        return f"{article.id} changed on disk: {plural(len(changed) - lost, 'tag')} moved, {lost} orphaned"

    def reopen(self) -> str:
        """Open the same article again (the store has just loaded)."""
        return self.open(self.article) if self.article is not None else ""

    def position(self, cursor: int, selection: tuple[int, int] | None) -> str:
        """What the status line says of where the cursor is: the offset, the selection,
        the innermost tag there (with its note) and how many more tags cover it."""
        place = f"{cursor}"
        if selection:
            place += f" · selected {selection[0]}–{selection[1]}"
        here = self.spans.covering(cursor)
        if here:
            place += f" · {describe(here[0], self.country_name)}" + (
                f" · note: {excerpt(here[0].note, 30)}" if here[0].note else ""
            )
            if len(here) > 1:
                place += f" (+{len(here) - 1} more: " + ", ".join(a.label for a in here[1:]) + ")"
        return place

    # ------------------------------------------------------------ changes

    def refusal(self) -> Outcome | None:
        """Why no change can be made now, if one cannot (before asking a person to type)."""
        if self.store.readonly:
            return Outcome(f"read-only: {self.store.readonly_because}; nothing can be changed here", refused=True)
        if not self.store.loaded:
            return Outcome(self.store.still_reading, refused=True)
        if self.article is not None and not self.article.complete:
            return Outcome(f"{self.article.id} is still being read; try again in a moment", refused=True)
        return self._still_placing()

    def _still_placing(self) -> Outcome | None:
        if self.placing is None:
            return None
        return Outcome(f"the tags of {self.placing.article.id} are being placed; try again in a moment", refused=True)

    def _apply(self, change: Change) -> Outcome:
        """Bring the open article's index up to date with a change just made (or undone)."""
        for leaf in change.leaves():
            subject = leaf.subject
            if subject is not None and self.article is not None and subject.article == self.article.id:
                self.spans.replace(subject.id, self.store.get(subject.id))
        return Outcome(f"{_DONE[change.kind]} {self.describe_change(change)}", change)

    def describe_change(self, change: Change, undone: bool = False) -> str:
        """ "place “Erbil” 3–8 · GeoNames 95446 · Iraq", "3 × place “York”"; the tag as it
        is now: after an undo of an edit, as it was before."""
        first = change.leaves()[0]
        if first.rejection is not None:
            record = first.rejection
            what = f"{record['label']} {quoted(record['text'])}"
            whole = f"{what} {record['start']}–{record['end']}"
        else:
            subject = (first.before or first.after) if undone else first.subject
            assert subject is not None  # a change of a tag has one
            what = f"{subject.label} {quoted(subject.text)}"
            whole = describe(subject, self.country_name)
        if not change.parts:
            return whole
        leaves = change.leaves()
        alike = all(self._said_as(leaf) == self._said_as(first) for leaf in leaves)
        return f"{len(leaves)} × {what}" if alike else f"{len(leaves)} tags: {what} …"

    @staticmethod
    def _said_as(leaf: Change) -> tuple[str, str]:
        if leaf.rejection is not None:
            return leaf.rejection["label"], leaf.rejection["text"]
        subject = leaf.before or leaf.after
        return (subject.label, subject.text) if subject is not None else ("", "")

    def _do(self, before: Annotation | None, after: Annotation | None, kind: str) -> Outcome:
        refused = self.refusal()
        if refused:
            return refused
        return self._apply(self.history.do(Change(before, after, kind)))

    def tag(self, label: str, selection: tuple[int, int] | None, cursor: int) -> Outcome:
        """A label key: tag the selection, or relabel the tag under the cursor."""
        if self.article is None:
            return Outcome("open an article first", refused=True)
        if self.labels.by_name(label) is None:
            return Outcome(f"no label named {label!r}", refused=True)
        if selection is None:
            here = self.spans.innermost_at(cursor)
            if here is None:
                return Outcome(
                    "nothing selected: v, s or shift+arrows select text, then a label key tags it", refused=True
                )
            return self.relabel(here, label)
        start, end = selection
        if start >= end:
            return Outcome("nothing to tag: the article is empty", refused=True)
        for same in self.spans.overlapping(start, end):
            if (same.start, same.end, same.label) == (start, end, label):
                return Outcome(f"already {describe(same, self.country_name)}")
        annotation = new_annotation(
            self.article, label, start, end, annotator=self.annotator, attrs=self._filled_in(label, start, end)
        )
        return self._do(None, annotation, "tag")

    def accept(self, suggestion: Suggestion, label: str | None = None) -> Outcome:
        """Make a suggestion a tag (origin "suggested"), with what it carries; a label key
        on a suggestion accepts it as that label (its attributes then read anew)."""
        return self.take([suggestion], accept=True, label=label)

    def reject(self, suggestion: Suggestion) -> Outcome:
        """Turn a suggestion down for good in this article (stored: it does not come back)."""
        return self.take([suggestion], accept=False)

    def take(self, suggestions: list[Suggestion], accept: bool, label: str | None = None) -> Outcome:
        """Accept (or reject) suggestions as one step, undone as one (Y and R take many)."""
        if self.article is None:
            return Outcome("open an article first", refused=True)
        refused = self.refusal()
        if refused:
            return refused
        changes = []
        for suggestion in suggestions:
            made = self._accepted(suggestion, label) if accept else self._rejected(suggestion)
            if isinstance(made, Outcome):
                return made
            changes.append(made)
        if not changes:
            return Outcome("no suggestion to take", refused=True)
        kind = "accept" if accept else "reject"
        change = changes[0] if len(changes) == 1 else Change(None, None, kind, parts=tuple(changes))
        return self._apply(self.history.do(change))

    def take_made(self, annotations: list[Annotation], declined: dict[str, Any] | None = None) -> Outcome:
        """Tags made elsewhere (a reviewer's choice of a source's version) into the store as
        one step, undone as one; or, with declined, a record that none was taken."""
        if self.article is None:
            return Outcome("open an article first", refused=True)
        refused = self.refusal()
        if refused:
            return refused
        changes = [Change(None, annotation, "adjudicate") for annotation in annotations]
        if declined is not None:
            changes.append(Change(None, None, "decline", rejection=declined))
        if not changes:
            return Outcome("nothing to take", refused=True)
        change = changes[0] if len(changes) == 1 else Change(None, None, changes[0].kind, parts=tuple(changes))
        return self._apply(self.history.do(change))

    def _accepted(self, suggestion: Suggestion, label: str | None) -> Change | Outcome:
        assert self.article is not None
        chosen = label or suggestion.label
        if self.labels.by_name(chosen) is None:
            return Outcome(f"no label named {chosen!r}", refused=True)
        if self.article.text[suggestion.start : suggestion.end] != suggestion.text:
            return Outcome("that suggestion is out of date; it is being made again", refused=True)
        carried = (
            suggestion.attrs
            if chosen == suggestion.label
            else self._filled_in(chosen, suggestion.start, suggestion.end)
        )
        annotation = new_annotation(
            self.article, chosen, suggestion.start, suggestion.end, self.annotator, attrs=carried, origin=SUGGESTED
        )
        return Change(None, annotation, "accept")

    def _rejected(self, suggestion: Suggestion) -> Change | Outcome:
        assert self.article is not None
        if self.store.is_rejected(self.article.id, suggestion.label, suggestion.text, suggestion.start):
            return Outcome(f"already rejected: {suggestion.label} {quoted(suggestion.text)}")
        record = {
            "article": self.article.id,
            "label": suggestion.label,
            "text": suggestion.text,
            "start": suggestion.start,
            "end": suggestion.end,
        }
        return Change(None, None, "reject", rejection=record)

    def relabel(self, target: Annotation, label: str) -> Outcome:
        """Give a tag another label (a label key on a tag, or on its row in the panel)."""
        if self.labels.by_name(label) is None:
            return Outcome(f"no label named {label!r}", refused=True)
        if target.label == label:
            return Outcome(f"already {describe(target, self.country_name)}")
        relabelled = target.with_changes(
            label=label, attrs=self._filled_in(label, target.start, target.end, target.text)
        )
        return self._do(target, relabelled, "relabel")

    def _filled_in(self, label: str, start: int, end: int, text: str | None = None) -> dict[str, Any]:
        """What a new tag over start..end carries (see filling); text, when given, is the
        tag's own, read alone if the article no longer has it there (an orphan)."""
        from ..suggest.fill_in import filled_in  # not at start: the finders compile large patterns

        whole = article = self.article.text if self.article is not None else ""
        if text is not None and article[start:end] != text:
            article, start, end = text, 0, len(text)  # a figure still read as its article writes numbers
        else:
            known = self.suggested(label, start, end)
            if known is not None:
                return dict(known)
        return filled_in(label, article, start, end, self.gazetteer() if label == "place" else None, whole)

    def delete(self, target: Annotation | None) -> Outcome:
        if target is None:
            return Outcome("no tag here to delete", refused=True)
        outcome = self._do(target, None, "delete")
        others = len(self.spans.covering(target.start)) if outcome.change else 0
        if others:
            return Outcome(f"{outcome.message} (the innermost; {others} more here)", outcome.change)
        return outcome

    def note(self, target: Annotation, note: str) -> Outcome:
        """Set the note of target; a note longer than NOTE_LIMIT is cut, and that said."""
        cut = len(note) > NOTE_LIMIT
        note = note[:NOTE_LIMIT]
        if note == target.note:
            return Outcome("note unchanged")
        outcome = self._do(target, target.with_changes(note=note), "note")
        if cut and outcome.change:
            return Outcome(f"{outcome.message} (note cut to {NOTE_LIMIT:,} characters)", outcome.change)
        return outcome

    def set_attributes(self, target: Annotation, text: str) -> Outcome:
        """The attributes a person typed ("value=5200; unit=troops"; see attributes.from_text)."""
        attrs = attributes.from_text(text)
        if isinstance(attrs, str):
            return Outcome(f"attributes not changed: {attrs}", refused=True)
        return self.give_attributes(target, attrs)

    def give_attributes(self, target: Annotation, attrs: dict[str, Any]) -> Outcome:
        """Set target's attributes (E's picker: a place, a speaker), undoable."""
        if attrs == target.attrs:
            return Outcome("attributes unchanged")
        outcome = self._do(target, target.with_changes(attrs=attrs), "attributes")
        if outcome.refused:
            return outcome
        changed = attributes.difference(target.attrs, attrs)
        undo = " · u undoes it" if any(name not in attrs for name in target.attrs) else ""
        return replace(outcome, message=f"{outcome.message} · {changed}{undo}")

    def undo(self) -> Outcome:
        return self._step(self.history.undo, "undid", "nothing to undo")

    def redo(self) -> Outcome:
        return self._step(self.history.redo, "redid", "nothing to redo")

    def _step(self, step: Callable[[], Change | None], verb: str, nothing: str) -> Outcome:
        busy = self._still_placing()  # an undo now would be overwritten by the placing
        if busy:
            return busy
        try:
            change = step()
        except (ReadOnlyError, NotLoadedError) as error:
            return Outcome(str(error), refused=True)
        if change is None:
            return Outcome(nothing, refused=True)
        elsewhere = None if self.article is not None and change.article == self.article.id else change.article
        self._apply(change)
        where = f" in {change.article}" if elsewhere else ""
        said = self.describe_change(change, undone=step == self.history.undo)
        return Outcome(f"{verb} {change.kind}: {said}{where}", change, elsewhere=elsewhere)
