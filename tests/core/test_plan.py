"""plan.json: the overlap drawn with the seed, the rest dealt by characters, the same
bytes for the same inputs, and one clear line for a plan that cannot be used."""

from __future__ import annotations

import pytest

from annotations.team import PlanError, annotator_names, check_annotator, check_corpus, make_plan, progress, read_plan

LENGTHS = {f"a{i:02}.txt": 1000 + 37 * ((i * 7) % 13) for i in range(40)}
TEAM = ("alice", "bob", "cat")


def test_overlap_goes_to_everyone_and_the_rest_is_dealt_by_characters():
    plan = make_plan(LENGTHS, TEAM, 20, seed=7)
    shared = [a for a, names in plan.articles.items() if names == TEAM]
    assert len(shared) == 8  # 20% of 40
    rest = [a for a in plan.articles if a not in shared]
    assert list(plan.articles) == shared + rest  # shared first, each group in corpus order
    assert shared == [a for a in LENGTHS if a in shared] and rest == [a for a in LENGTHS if a in rest]
    assert set(plan.articles) == set(LENGTHS)
    load = {name: sum(LENGTHS[a] for a in rest if plan.articles[a] == (name,)) for name in TEAM}
    assert max(load.values()) - min(load.values()) <= max(LENGTHS.values())  # within one article
    assert plan.share("bob")[: len(shared)] == shared


def test_same_inputs_and_seed_make_the_same_bytes():
    first = make_plan(LENGTHS, TEAM, 25, seed=3).to_json()
    assert make_plan(dict(LENGTHS), TEAM, 25, seed=3).to_json() == first
    assert make_plan(LENGTHS, TEAM, 25, seed=4).to_json() != first  # another seed, another overlap
    assert read_plan(first, "plan.json") == make_plan(LENGTHS, TEAM, 25, seed=3)


def test_no_overlap_and_all_overlap():
    assert all(len(names) == 1 for names in make_plan(LENGTHS, TEAM, 0, 1).articles.values())
    assert all(names == TEAM for names in make_plan(LENGTHS, TEAM, 100, 1).articles.values())


def test_progress_counts_done_or_tagged_in_each_share():
    plan = make_plan({"a": 10, "b": 10, "c": 10}, ("alice", "bob"), 100, 0)
    assert progress(plan, {"alice": {"a", "b", "zzz"}}) == [("alice", 2, 3), ("bob", 0, 3)]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: make_plan(LENGTHS, TEAM, 101, 0), "--overlap 101: give a percentage from 0 to 100"),
        (lambda: make_plan(LENGTHS, TEAM, -5, 0), "--overlap -5: give a percentage from 0 to 100"),
        (lambda: annotator_names("alice,,bob"), "a name is empty"),
        (lambda: annotator_names("alice,bob,alice"), "alice is named twice"),
        (lambda: read_plan("{", "p.json"), "p.json: not a plan (not JSON"),
        (lambda: read_plan('{"format": "x"}', "p.json"), "p.json: not a plan (reader assign writes one)"),
        (
            lambda: check_corpus(make_plan(LENGTHS, TEAM, 0, 0), {"a00.txt"}, "p.json"),
            "p.json: 39 of its 40 articles are not in this corpus (first: a01.txt); is it the plan of another corpus?",
        ),
        (
            lambda: check_annotator(make_plan(LENGTHS, TEAM, 0, 0), "dan", "p.json"),
            "p.json: dan is not one of its annotators (alice, bob, cat)",
        ),
    ],
)
def test_bad_input_is_one_clear_line(make, message):
    with pytest.raises(PlanError) as raised:
        make()
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_a_plan_naming_an_annotator_it_does_not_list_is_refused():
    text = make_plan({"a": 1}, ("alice",), 0, 0).to_json().replace('"a": ["alice"]', '"a": ["eve"]')
    with pytest.raises(PlanError, match="article a is given to eve, who is not in 'annotators'"):
        read_plan(text, "p.json")
