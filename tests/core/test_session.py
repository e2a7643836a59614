"""EditingSession: every decision behind a key that changes a tag, without the UI."""

from __future__ import annotations

import pytest

from annotations.editing.session import EditingSession
from annotations.model import DEFAULT_LABELS, NOTE_LIMIT, Article
from annotations.store import AnnotationStore

TEXT = "The troops left Kirkuk for Mosul on Tuesday."
ARTICLE = Article("a.txt", TEXT)
OTHER = Article("b.txt", "Officials in Erbil said nothing.")


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def session(store):
    session = EditingSession(store, DEFAULT_LABELS, annotator="me")
    session.open(ARTICLE)
    return session


def test_tag_a_selection(session, store):
    outcome = session.tag("place", span("Kirkuk"), 0)
    assert not outcome.refused
    assert outcome.message == "tagged place “Kirkuk” 16–22"
    (stored,) = store.annotations("a.txt")
    assert (stored.label, stored.text, stored.annotator) == ("place", "Kirkuk", "me")
    assert session.spans.innermost_at(17) == stored


def test_tag_the_same_span_twice_says_already(session, store):
    session.tag("place", span("Kirkuk"), 0)
    outcome = session.tag("place", span("Kirkuk"), 0)
    assert outcome.change is None and outcome.message.startswith("already place “Kirkuk”")
    assert len(store) == 1
    assert session.tag("quote", span("Kirkuk"), 0).change is not None  # another label: a second tag


def test_label_key_without_selection_relabels_or_refuses(session, store):
    nothing = session.tag("place", None, 0)
    assert nothing.refused and nothing.message.startswith("nothing selected")
    session.tag("place", span("Kirkuk"), 0)
    same = session.tag("place", None, 17)
    assert same.change is None and same.message.startswith("already")
    outcome = session.tag("figure", None, 17)
    assert outcome.message == "relabelled figure “Kirkuk” 16–22"
    assert [a.label for a in store.annotations()] == ["figure"]


def test_refusals(store):
    session = EditingSession(store, DEFAULT_LABELS)
    assert session.tag("place", (0, 3), 0).message == "open an article first"
    session.open(Article("empty.txt", ""))
    assert session.tag("place", (0, 0), 0).message == "nothing to tag: the article is empty"
    assert session.tag("person", (0, 1), 0).message == "no label named 'person'"
    assert session.delete(None).refused


def test_delete_names_what_else_is_there(session, store):
    session.tag("quote", (0, len(TEXT)), 0)
    session.tag("place", span("Kirkuk"), 0)
    outcome = session.delete(session.spans.innermost_at(17))
    assert outcome.message == "deleted place “Kirkuk” 16–22 (the innermost; 1 more here)"
    assert [a.label for a in store.annotations()] == ["quote"]


def test_note_is_capped_and_unchanged_notes_change_nothing(session, store):
    session.tag("place", span("Kirkuk"), 0)
    target = session.spans.innermost_at(17)
    assert session.note(target, "").message == "note unchanged"
    outcome = session.note(target, "x" * (NOTE_LIMIT + 5))
    assert outcome.message.endswith(f"(note cut to {NOTE_LIMIT:,} characters)")
    assert len(store.get(target.id).note) == NOTE_LIMIT


def test_undo_and_redo_say_what_they_did(session, store):
    assert session.undo().message == "nothing to undo"
    assert session.redo().message == "nothing to redo"
    session.tag("place", span("Kirkuk"), 0)
    session.tag("figure", None, 17)
    target = session.spans.innermost_at(17)
    session.note(target, "check")
    assert session.undo().message == "undid note: figure “Kirkuk” 16–22"
    assert session.undo().message == "undid relabel: place “Kirkuk” 16–22"  # back to what it was
    assert session.undo().message == "undid tag: place “Kirkuk” 16–22"
    assert len(store) == 0 and len(session.spans) == 0
    assert session.redo().message == "redid tag: place “Kirkuk” 16–22"
    assert len(session.spans) == 1


def test_undo_of_a_change_in_another_article_names_it(session, store):
    session.tag("place", span("Kirkuk"), 0)
    session.open(OTHER)
    outcome = session.undo()
    assert outcome.elsewhere == "a.txt"
    assert outcome.message == "undid tag: place “Kirkuk” 16–22 in a.txt"


def test_opening_an_edited_article_reanchors_and_says_so(session, store):
    session.tag("place", span("Kirkuk"), 0)
    session.tag("place", span("Mosul"), 0)
    edited = Article("a.txt", "UPDATE: The troops left Kirkuk on Tuesday.")
    message = session.open(edited)
    assert message == "a.txt changed on disk: 1 tag moved, 1 orphaned"
    assert [a.text for a in session.spans] == ["Kirkuk"]
    assert session.spans.innermost_at(edited.text.index("Kirkuk")).start == edited.text.index("Kirkuk")
    assert session.open(edited) == ""  # written back: nothing moves the second time


def test_read_only_and_not_loaded_stores_refuse(db_path):
    with AnnotationStore(db_path) as writer:
        with AnnotationStore(db_path, readonly=True) as reader:
            session = EditingSession(reader, DEFAULT_LABELS)
            session.open(ARTICLE)
            outcome = session.tag("place", span("Kirkuk"), 0)
            assert outcome.refused and outcome.message.startswith("read-only:")
            assert session.refusal() is not None
        assert len(writer) == 0
    with AnnotationStore(db_path, load=False) as pending:
        session = EditingSession(pending, DEFAULT_LABELS)
        session.open(ARTICLE)
        assert "still being read" in session.tag("place", span("Kirkuk"), 0).message


def test_relabel_a_given_tag(session, store):
    session.tag("place", span("Kirkuk"), 0)
    target = store.annotations()[0]
    assert session.relabel(target, "place").message.startswith("already")
    assert session.relabel(target, "person").refused
    assert session.relabel(target, "quote").message == "relabelled quote “Kirkuk” 16–22"


def test_position_names_the_innermost_tag_its_note_and_what_else_covers_it(session):
    session.tag("quote", (0, len(TEXT)), 0)
    session.tag("place", span("Kirkuk"), 0)
    session.note(session.spans.innermost_at(17), "check the spelling")
    assert session.position(17, None) == ("17 · place “Kirkuk” 16–22 · note: check the spelling (+1 more: quote)")
    assert session.position(2, (0, 3)) == "2 · selected 0–3 · quote “The troops left Kirkuk for Mosul on Tue…” 0–44"
    assert session.position(44, None) == "44"


def test_the_beginning_of_a_large_article_takes_no_tags_until_the_whole_is_read(store):
    session = EditingSession(store, DEFAULT_LABELS)
    session.open(Article("a.txt", TEXT[:20], complete=False))
    outcome = session.tag("place", (16, 20), 0)  # "Kir", within the beginning
    assert outcome.refused and outcome.message == "a.txt is still being read; try again in a moment"
    session.open(ARTICLE)
    assert not session.tag("place", span("Kirkuk"), 0).refused


def test_the_tags_of_a_large_article_are_placed_apart_and_taken_only_if_still_open(store, monkeypatch):
    """Beyond QUICK_TAGS tags (or QUICK_TEXT characters) open() leaves the placing to a
    thread: no tags meanwhile, changes refused; placed() takes the result, unless the
    person opened another article in between."""
    import annotations.editing.session as session_module
    from annotations.model import new_annotation

    monkeypatch.setattr(session_module, "QUICK_TAGS", 1)
    for word in ("Kirkuk", "Mosul"):
        store.add(new_annotation(ARTICLE, "place", *span(word)))
    edited = Article("a.txt", "Breaking. " + TEXT)  # ten characters added atop
    session = EditingSession(store, DEFAULT_LABELS)
    assert session.open(edited) == "" and session.placing is not None
    assert session.spans.innermost_at(span("Kirkuk")[0] + 10) is None
    refused = session.tag("place", span("Tuesday"), 0)
    assert refused.refused and refused.message == "the tags of a.txt are being placed; try again in a moment"
    assert session.undo().refused
    placing = session.placing
    message = session.placed(placing, placing.compute())
    assert message == "a.txt changed on disk: 2 tags moved, 0 orphaned"
    assert session.placing is None and session.spans.innermost_at(span("Kirkuk")[0] + 10).text == "Kirkuk"
    assert sorted(a.start for a in store.annotations("a.txt")) == [span("Kirkuk")[0] + 10, span("Mosul")[0] + 10]

    stale = EditingSession(store, DEFAULT_LABELS)
    stale.open(Article("a.txt", "Two lines atop.\n" + edited.text))
    placing = stale.placing
    stale.open(OTHER)  # moved on before the thread was done
    assert stale.placed(placing, placing.compute()) == ""
    assert sorted(a.start for a in store.annotations("a.txt")) == [span("Kirkuk")[0] + 10, span("Mosul")[0] + 10]


def test_a_figure_tag_comes_with_its_value_and_unit_and_the_status_line_says_them(store):
    article = Article("f.txt", "The US has 5,200 troops in Iraq and about 300 advisers.")
    session = EditingSession(store, DEFAULT_LABELS)
    session.open(article)
    start = article.text.index("5,200")
    outcome = session.tag("figure", (start, start + len("5,200 troops")), 0)
    assert outcome.change.after.attrs == {"value": 5200, "unit": "troops"}
    assert session.position(start, None) == f"{start} · figure “5,200 troops” 11–23 · value 5200 · unit troops"
    about = article.text.index("about")
    session.tag("place", (about, about + len("about 300 advisers")), 0)
    assert session.spans.innermost_at(about).attrs == {}  # a place is not read as a figure
    relabelled = session.tag("figure", None, about)
    assert relabelled.change.after.attrs == {"value": 300, "unit": "advisers", "approx": True}
    assert not session.undo().refused
    undone = store.get(relabelled.change.after.id)
    assert (undone.label, undone.attrs) == ("place", {})  # the place it was


def test_attributes_typed_by_a_person_are_read_checked_and_undoable(session, store):
    session.tag("figure", span("Kirkuk"), 0)
    [tag] = store.annotations()
    changed = session.set_attributes(tag, "value=5,200; unit=troops ; approx; note= ; share=12.5")
    assert changed.change.after.attrs == {"value": 5200, "unit": "troops", "approx": True, "share": 12.5}
    assert changed.message.startswith(
        "gave attributes to figure “Kirkuk” 16–22 · value 5200 · unit troops · approx · share 12.5"
    )
    tag = store.get(tag.id)
    assert session.set_attributes(tag, "value=5200; unit=troops; approx; share=12.5").message == "attributes unchanged"
    bad = session.set_attributes(tag, "=5")
    assert bad.refused and bad.message == "attributes not changed: “=5” has no name before its ="
    assert session.set_attributes(tag, "name=" + "x" * 501).refused
    assert session.undo().message == "undid attributes: figure “Kirkuk” 16–22"  # as it is again: none
    assert store.get(tag.id).attrs == {}
