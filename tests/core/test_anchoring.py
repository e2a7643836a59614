"""Re-anchoring after an article changed: shifted, fuzzy, orphaned, and no false capture."""

from __future__ import annotations

from annotations.editing.anchoring import reanchor, reanchor_all
from annotations.model import ANCHORED, ORPHANED, Article, new_annotation

ORIGINAL = (
    "ERBIL, Kurdistan Region- The US-led Coalition against ISIS remains committed. "
    "The US has 5,200 troops housed in Iraqi bases across the country to assist. "
    "Relations have become shaky due to escalating Iran-US tensions in January."
)
QUOTE = "5,200 troops housed in Iraqi bases"


def tagged(text: str = ORIGINAL, quote: str = QUOTE):
    article = Article("a.txt", text)
    start = text.index(quote)
    return new_annotation(article, "figure", start, start + len(quote))


def test_unchanged_article_keeps_the_annotation():
    annotation = tagged()
    assert reanchor(annotation, Article("a.txt", ORIGINAL)) is annotation


def test_text_inserted_before_shifts_the_span():
    annotation = tagged()
    edited = "UPDATE: this story was corrected.\n" + ORIGINAL
    moved = reanchor(annotation, Article("a.txt", edited))
    assert moved.status == ANCHORED
    assert edited[moved.start : moved.end] == QUOTE
    assert moved.start == annotation.start + len("UPDATE: this story was corrected.\n")
    assert moved.article_sha256 == Article("a.txt", edited).sha256


def test_word_changed_inside_the_quote_is_found_fuzzily():
    annotation = tagged()
    edited = ORIGINAL.replace("housed in Iraqi", "housed at Iraqi")
    moved = reanchor(annotation, Article("a.txt", edited))
    assert moved.status == ANCHORED
    assert edited[moved.start : moved.end] == "5,200 troops housed at Iraqi bases"


def test_a_number_changed_inside_the_quote_orphans_it():
    """ "5,200 troops" is not moved onto "5,500 troops": its value would be wrong. Kept,
    flagged, with the text and the attributes it had."""
    annotation = tagged()
    edited = ORIGINAL.replace("5,200 troops", "5,500 troops")
    kept = reanchor(annotation, Article("a.txt", edited))
    assert kept.status == ORPHANED
    assert (kept.text, kept.attrs) == (annotation.text, annotation.attrs)


def test_deleted_passage_is_orphaned_and_kept():
    annotation = tagged()
    edited = ORIGINAL.replace("The US has 5,200 troops housed in Iraqi bases across the country to assist. ", "")
    orphan = reanchor(annotation, Article("a.txt", edited))
    assert orphan.status == ORPHANED
    assert (orphan.text, orphan.start, orphan.end, orphan.id) == (
        annotation.text,
        annotation.start,
        annotation.end,
        annotation.id,
    )


def test_lookalike_elsewhere_does_not_capture_an_orphan():
    annotation = tagged()
    edited = (
        ORIGINAL.replace("The US has 5,200 troops housed in Iraqi bases across the country to assist. ", "")
        + " Separately, Turkey keeps 2,000 soldiers housed at Iraqi bases near Dohuk."
    )
    assert reanchor(annotation, Article("a.txt", edited)).status == ORPHANED


def test_same_quote_elsewhere_with_other_context_is_not_taken():
    article_text = "Baghdad said no. " + "x" * 100 + " Later, in Baghdad, crowds met."
    article = Article("a.txt", article_text)
    annotation = new_annotation(article, "place", 0, 7)
    edited = "Officials said no. " + "y" * 100 + " Then the convoy left for Baghdad at dawn quietly."
    assert reanchor(annotation, Article("a.txt", edited)).status == ORPHANED


def test_reanchor_all_follows_a_shift_and_searches_only_for_the_rest():
    article = Article("a.txt", ORIGINAL)
    words = ["ERBIL", "Coalition", "5,200 troops", "Iran-US"]
    tags = [new_annotation(article, "place", ORIGINAL.index(w), ORIGINAL.index(w) + len(w)) for w in words]
    added = "UPDATE: a line added at the top.\n"
    edited = Article("a.txt", added + ORIGINAL.replace("tensions", "strains"))  # and one context changed
    placed = reanchor_all(tags, edited)
    assert [p.id for p in placed] == [t.id for t in tags]  # the order given
    assert all(edited.text[p.start : p.end] == p.text and p.status == ANCHORED for p in placed)
    assert [p.start - t.start for p, t in zip(placed, tags)] == [len(added)] * len(tags)
    assert all(p.updated == t.updated for p, t in zip(placed, tags))  # a move is not a person's change
    singly = [reanchor(t, edited) for t in tags]
    assert [(p.start, p.end, p.status) for p in placed] == [(q.start, q.end, q.status) for q in singly]


def test_reanchor_all_orphans_what_was_cut_and_keeps_the_unchanged():
    annotation = tagged()
    cut = Article("a.txt", ORIGINAL.replace(QUOTE, "a different passage entirely"))
    [orphan] = reanchor_all([annotation], cut)
    assert orphan.status == ORPHANED
    assert reanchor_all([annotation], Article("a.txt", ORIGINAL))[0] is annotation
