"""Every key binding, as data: the panes use these lists, and so do the help screen
and the command palette, so what the help says is what the keys do."""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode

from annotations.model import LabelSet

from .textual_compat import key_of

APP = [
    Binding("tab", "app.focus_next", "Next pane", show=False, id="next-pane"),
    Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, id="prev-pane"),
    Binding("question_mark,f1", "app.help", "Help", id="help"),
    Binding("q", "app.quit", "Quit", id="quit"),
    Binding("x", "app.export", "Export", id="export"),
    Binding("L", "app.messages", "Message log", show=False, id="messages"),
    Binding("T", "app.stats", "Stats and map", id="stats"),
    Binding("F", "app.search_corpus", "Search every article", id="search-corpus"),
    Binding("D", "app.toggle_done", "Mark the article done (again: not done)", id="done"),
    Binding("greater_than_sign", "app.next_todo", "Next article not done", id="next-todo"),
    Binding("ctrl+p", "app.command_palette", "Commands", id="palette", show=False),
]

ARTICLE_LIST = [
    Binding("j,down", "cursor_down", "Down", show=False, id="list-down"),
    Binding("k,up", "cursor_up", "Up", show=False, id="list-up"),
    Binding("pagedown,space", "page_down", "Page down", show=False, id="list-page-down"),
    Binding("pageup", "page_up", "Page up", show=False, id="list-page-up"),
    Binding("g,home", "first", "First article", show=False, id="list-first"),
    Binding("G,end", "last", "Last article", show=False, id="list-last"),
    Binding("enter", "select_cursor", "Open", id="list-open"),
    Binding("slash", "filter", "Filter (enter keeps, esc clears)", id="list-filter"),
    Binding("o", "sort", "Order by title, date, tags, as found", show=False, id="list-sort"),
]

TEXT = [
    Binding("h,left", "move('char_prev')", "Left", show=False, id="left"),
    Binding("l,right", "move('char_next')", "Right", show=False, id="right"),
    Binding("k,up", "move('line_prev')", "Up", show=False, id="up"),
    Binding("j,down", "move('line_next')", "Down", show=False, id="down"),
    Binding("w", "move('word_next')", "Next word", show=False, id="word-next"),
    Binding("b", "move('word_prev')", "Previous word", show=False, id="word-prev"),
    Binding("e", "move('word_end')", "End of word", show=False, id="word-end"),
    Binding(")", "move('sentence_next')", "Next sentence", show=False, id="sentence-next"),
    Binding("(", "move('sentence_prev')", "Previous sentence", show=False, id="sentence-prev"),
    Binding("}", "move('paragraph_next')", "Next paragraph", show=False, id="paragraph-next"),
    Binding("{", "move('paragraph_prev')", "Previous paragraph", show=False, id="paragraph-prev"),
    Binding("g,home", "move('start')", "Start of article", show=False, id="start"),
    Binding("G,end", "move('end')", "End of article", show=False, id="end"),
    Binding("pagedown,space", "move('page_next')", "Page down", show=False, id="page-down"),
    Binding("pageup", "move('page_prev')", "Page up", show=False, id="page-up"),
    Binding("v", "visual", "Select", id="visual"),
    Binding("shift+left", "extend('char_prev')", "Extend left", show=False, id="extend-left"),
    Binding("shift+right", "extend('char_next')", "Extend right", show=False, id="extend-right"),
    Binding("shift+up", "extend('line_prev')", "Extend up", show=False, id="extend-up"),
    Binding("shift+down", "extend('line_next')", "Extend down", show=False, id="extend-down"),
    Binding("s", "select_sentence", "Sentence", id="sentence"),
    Binding("escape", "cancel", "Cancel selection", show=False, id="cancel"),
    Binding("d", "app.delete", "Delete", id="delete"),
    Binding("u", "app.undo", "Undo", id="undo"),
    Binding("ctrl+r", "app.redo", "Redo", show=False, id="redo"),
    Binding("m", "app.note", "Note", id="note"),
    Binding("right_square_bracket", "jump(1)", "Next tag", show=False, id="next-tag"),
    Binding("left_square_bracket", "jump(-1)", "Previous tag", show=False, id="prev-tag"),
    Binding("slash", "app.search", "Search", id="search"),
    Binding("apostrophe", "jump_back", "'' back to before the last jump", show=False, id="jump-back"),
    Binding("n", "search_again(1)", "Next match", show=False, id="match-next"),
    Binding("N", "search_again(-1)", "Previous match", show=False, id="match-prev"),
    Binding("a", "app.toggle_panel", "Panel", id="panel"),
    Binding("W", "reading_width", "Reading width (88 columns / the pane's)", show=False, id="reading-width"),
    Binding("E", "app.attributes", "Attributes", id="attributes"),
    Binding("full_stop", "app.next_suggestion(1)", "Next suggestion", id="suggestion-next"),
    Binding("comma", "app.next_suggestion(-1)", "Previous suggestion", show=False, id="suggestion-prev"),
    Binding("y", "app.accept", "Accept, then next", id="accept"),
    Binding("r", "app.reject", "Reject, then next", id="reject"),
    Binding("Y", "app.accept_all", "Accept all like it", show=False, id="accept-all"),
    Binding("R", "app.reject_all", "Reject all like it", show=False, id="reject-all"),
    Binding("S", "app.toggle_suggestions", "Show/hide suggestions", show=False, id="suggestions"),
]

PANEL = [
    Binding("j,down", "cursor_down", "Down", show=False, id="panel-down"),
    Binding("k,up", "cursor_up", "Up", show=False, id="panel-up"),
    Binding("enter", "select_cursor", "Jump to", id="panel-jump"),
    Binding("m", "app.note", "Note", id="panel-note"),
    Binding("E", "app.attributes", "Attributes", show=False, id="panel-attributes"),
    Binding("d", "app.delete", "Delete", id="panel-delete"),
    Binding("u", "app.undo", "Undo", id="panel-undo"),
    Binding("ctrl+r", "app.redo", "Redo", show=False, id="panel-redo"),
    Binding("a", "app.toggle_panel", "Close panel", id="panel-close"),
    Binding("escape", "app.focus_text", "Back to the text", show=False, id="panel-back"),
]

PANES = {"Anywhere": APP, "Article list": ARTICLE_LIST, "Text": TEXT, "Annotations panel": PANEL}


def panes_for(labels: LabelSet, keymap: Mapping[str, str] | None = None) -> dict[str, list[Binding]]:
    """Every pane's bindings, the label keys of this label set included, with the keys of
    keymap (from keys.toml) where it remaps one: what the help and the palette show."""
    panes = dict(PANES)
    panes["Text"] = PANES["Text"] + label_bindings(labels)
    panes["Annotations panel"] = PANES["Annotations panel"] + label_bindings(labels, relabel=True)
    if keymap:
        panes = {
            pane: [replace(b, key=keymap[b.id]) if b.id and b.id in keymap else b for b in bindings]
            for pane, bindings in panes.items()
        }
    return panes


def palette_commands(
    panes: dict[str, list[Binding]], targets: Mapping[str, DOMNode], app: App[object]
) -> Iterator[SystemCommand]:
    """A palette command for every key: its description, the pane, and the key to learn."""
    for pane, bindings in panes.items():
        for binding in bindings:
            if binding.action == "app.command_palette":
                continue
            target = targets.get(pane, app)
            yield SystemCommand(
                f"{binding.description} ({pane.lower()})",
                f"key: {key_names(binding)}",
                partial(app.run_action, binding.action, target),
            )


def label_bindings(labels: LabelSet, relabel: bool = False) -> list[Binding]:
    """One key per label (1 to 9): in the text it tags the selection (or relabels the tag
    under the cursor), in the panel it relabels the row's tag."""
    said = "Relabel as" if relabel else "Tag"
    return [
        Binding(label.key, f"app.tag('{label.name}')", f"{said} {label.name}", id=f"tag-{label.name}")
        for label in labels.labels
    ]


def unlabelled_bindings(labels: LabelSet) -> list[Binding]:
    """The digits no label uses: pressed, they say so."""
    used = {label.key for label in labels.labels}
    return [
        Binding(key, f"no_label('{key}')", "No label", show=False, id=f"no-label-{key}")
        for key in "123456789"
        if key not in used
    ]


# The text's keys a review answers to otherwise (review_bindings), or not at all: the
# sources' spans are drawn where suggestions are, but are none to accept.
NOT_IN_REVIEW = frozenset({"suggestion-next", "suggestion-prev", "accept", "reject", "accept-all", "reject-all"})


def review_bindings(names: list[str]) -> list[Binding]:
    """`reader review`'s keys in the text: a digit takes that source's version of the
    disagreement under the cursor (with a selection it tags, as a label key does)."""
    return [
        Binding("full_stop", "app.next_suggestion(1)", "Next disagreement", id="review-next"),
        Binding("comma", "app.next_suggestion(-1)", "Previous disagreement", show=False, id="review-prev"),
        Binding("A", "app.accept_agreed", "Take what all agree on", id="review-agreed"),
        Binding("x", "app.decline", "None of them", id="review-none"),
        *(
            Binding(str(n), f"app.take_version({n})", f"Take {name}'s", show=n <= 3, id=f"review-take-{n}")
            for n, name in enumerate(names[:9], 1)
        ),
        *(
            Binding(str(n), f"app.take_version({n})", "Tag the selection", show=False, id=f"review-take-{n}")
            for n in range(len(names) + 1, 10)
        ),
    ]


_PUNCTUATION = {key_of(char): char for char in string.punctuation}


def key_names(binding: Binding) -> str:
    """The keys as a person types them: "h / left", "] / [" rather than their names."""
    keys = (key.strip() for key in binding.key.split(","))
    return " / ".join(_PUNCTUATION.get(key, key) for key in keys)
