"""What a review calls agreed, what it groups as a disagreement, what goes into gold."""

from __future__ import annotations

from annotations.model import ADJUDICATED, Article, new_annotation
from annotations.team import AGREED_BY, Review, Source, for_gold, shared_by, to_take, unsettled

TEXT = "The U.S. is sending 5,200 troops to Erbil, officials in Baghdad said on Friday."
ARTICLE = Article("a.txt", TEXT)


def tag(label: str, text: str, annotator: str, nth: int = 0, attrs=None):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return new_annotation(ARTICLE, label, start, start + len(text), annotator, attrs=attrs)


def sources():
    alice = [
        tag("place", "Erbil", "alice"),
        tag("quote", "The U.S. is sending", "alice"),
        tag("figure", "5,200", "alice"),
    ]
    bob = [tag("place", "Erbil", "bob"), tag("quote", "The U.S.", "bob"), tag("place", "Baghdad", "bob")]
    cat = [tag("place", "Erbil", "cat"), tag("place", "U.S.", "cat")]
    return Review([Source.of("alice", alice), Source.of("bob", bob), Source.of("cat", cat)])


def test_spans_every_source_has_are_agreed_and_the_rest_group_by_overlap():
    found = sources().of("a.txt")
    assert [(a.label, a.text, who) for a, who in found.agreed] == [("place", "Erbil", ("alice", "bob", "cat"))]
    groups = [(TEXT[d.start : d.end], [[a.text for a in v] for v in d.versions]) for d in found.disagreements]
    assert groups == [
        ("The U.S. is sending", [["The U.S. is sending"], ["The U.S."], ["U.S."]]),  # one chain of overlaps
        ("5,200", [["5,200"], [], []]),  # a span others lack
        ("Baghdad", [[], ["Baghdad"], []]),
    ]


def test_a_disagreement_is_said_source_by_source():
    first = sources().of("a.txt").disagreements[0]
    assert first.said(["alice", "bob", "cat"]) == (
        "alice: quote “The U.S. is sending” 0–19 · bob: quote “The U.S.” 0–8 · cat: place “U.S.” 4–8"
    )
    assert (
        sources().of("a.txt").disagreements[1].said(["alice", "bob", "cat"])
        == "alice: figure “5,200” 20–25 · bob: — · cat: —"
    )


def test_a_disagreement_is_settled_by_a_gold_tag_over_it_or_by_declining_it():
    review = sources()
    found = review.of("a.txt").disagreements
    gold = [tag("quote", "The U.S.", "reviewer")]
    left = unsettled(found, gold, declined=[(TEXT.index("Baghdad"), TEXT.index("Baghdad") + 7)])
    assert [TEXT[d.start : d.end] for d in left] == ["5,200"]


def test_what_goes_into_gold_is_a_copy_for_the_reviewer_saying_who_agreed():
    review = sources()
    bob_us = review.sources[1].by_article["a.txt"][0]
    assert bob_us.text == "The U.S."
    gold = for_gold(bob_us, "rita", review.holders("a.txt", bob_us))
    assert (gold.label, gold.start, gold.end, gold.text) == (bob_us.label, bob_us.start, bob_us.end, bob_us.text)
    assert gold.id != bob_us.id and gold.annotator == "rita" and gold.origin == ADJUDICATED
    assert gold.attrs[AGREED_BY] == "bob"


def test_spans_shared_by_at_least_k_sources():
    review = sources()
    assert [(a.text, who) for a, who in shared_by(review, "a.txt", 3)] == [("Erbil", ("alice", "bob", "cat"))]
    assert sorted(a.text for a, _ in shared_by(review, "a.txt", 1)) == sorted(
        ["Erbil", "The U.S. is sending", "5,200", "The U.S.", "Baghdad", "U.S."]
    )
    assert shared_by(review, "a.txt", 2) == shared_by(review, "a.txt", 3)  # nothing else two share


def test_the_answer_does_not_depend_on_the_order_of_the_sources():
    review = sources()
    backwards = Review(list(reversed(review.sources)))
    assert [a.text for a, _ in review.of("a.txt").agreed] == [a.text for a, _ in backwards.of("a.txt").agreed]
    spans = [(d.start, d.end) for d in review.of("a.txt").disagreements]
    assert spans == [(d.start, d.end) for d in backwards.of("a.txt").disagreements]


def test_auto_never_overrides_gold_and_never_takes_two_versions_of_one_thing():
    review = sources()
    everything = [a.text for a, _ in to_take(review, "a.txt", 1, gold=[], declined=[])]
    # Of the quote's versions (one source each) none; the rest, which nothing rivals, all.
    assert sorted(everything) == sorted(["Erbil", "5,200", "Baghdad", "U.S."])
    baghdad = TEXT.index("Baghdad")
    decided = to_take(review, "a.txt", 1, gold=[tag("figure", "5,200", "rita")], declined=[(baghdad, baghdad + 7)])
    assert sorted(a.text for a, _ in decided) == ["Erbil", "U.S."]  # gold's figure and the declined place stay
    two = Review([*review.sources, Source.of("dan", [tag("quote", "The U.S.", "dan")])])
    assert "The U.S." in [a.text for a, _ in to_take(two, "a.txt", 2, gold=[], declined=[])]  # two share it: taken
