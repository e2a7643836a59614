"""Issue 25, item 5, in text of our own: speakers as a name or a noun phrase, quotes opened
right after a word or running on across paragraphs, and counts written as words."""

from __future__ import annotations

import pytest

from annotations.suggest.figures import Figure, find_figures, parse_figure
from annotations.suggest.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("While Dana Smith said “we will hold the bridge until the spring,” others left.", "Dana Smith"),
        ("Even Smith said “the bridge will not hold until the spring.”", "Smith"),
        ("But Smith told reporters “the bridge will not hold until the spring.”", "Smith"),
        ("“The bridge will not hold until the spring,” said Donald Trump’s.", "Donald Trump"),
        (
            "The river rose, said county engineer Ana Ruiz. “The bridge will not hold until spring.”",
            "Ana Ruiz",  # what she is stays in the text: the speaker is her name
        ),
        (
            "“The bridge will not hold until spring,” Assistant U.S. Attorney Maya D. Song wrote.",
            "Assistant U.S. Attorney Maya D. Song",
        ),
        ("“The bridge will not hold until spring,” campaign manager Ana Ruiz said.", "Ana Ruiz"),
        ("“The bridge will not hold until spring,” West has said.", "West"),
        ("“The bridge will not hold until spring,” the White House said.", "the White House"),
        ("“The bridge will not hold until spring,” a Nevada Democrat said.", "a Nevada Democrat"),
        (
            "Mayor Ana Ruiz, speaking after the vote, called the budget “a start, and only a start.”",
            "Mayor Ana Ruiz",
        ),
        (
            "On Monday, Ruiz ticked off the town's needs, promising the teachers their “fair share.”",
            "Ruiz",
        ),
        ("Hours later, Ruiz returned the favour, telling reporters, “He is a good neighbour.”", "Ruiz"),
        ("The senator said “we will not back down on this bill.”", "The senator"),
        ("A spokeswoman for the party said: “We will not back down on this.”", "A spokeswoman for the party"),
    ],
)
def test_the_speaker_is_a_name_without_a_conjunction_or_a_possessive(text, speaker):
    (quote,) = find_quotes(text)
    assert quote.speaker == speaker
    assert text[quote.speaker_start : quote.speaker_end] == speaker


def test_a_participle_before_a_quote_gives_the_sentences_subject():
    text = (
        "Band member Dana Flea shared the news last week, writing “the show will go on in May.” "
        "The aide rallied supporters, saying: “We will win this state by a lot.” "
        "\n\nIt went on, saying “we will win this state by a lot.”"
    )
    assert [q.speaker for q in find_quotes(text)] == ["Dana Flea", "The aide", ""]


def test_a_pronoun_is_the_subject_named_before_without_its_possessive_or_a_participle():
    text = (
        "Bill Clinton's speech ran long. “We met forty years ago this spring,” he said.\n\n"
        "Ana Ruiz, appearing on a morning show, smiled. “The bridge will hold until the spring,” she said."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Bill Clinton", "Ana Ruiz"]
    alone = "Appearing on a morning show, the mayor smiled. “The bridge will hold until the spring,” she said."
    assert [q.speaker for q in find_quotes(alone)] == [""]


def test_a_pronoun_names_the_subject_by_their_name_not_what_they_are():
    text = (
        "Council president Tom Okafor, speaking after the vote, called the cut “the only choice.” "
        "He added: “Nobody on this council enjoys it.”"
    )
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [
        ("the only choice.", "Tom Okafor"),
        ("Nobody on this council enjoys it.", "Tom Okafor"),
    ]
    # a verb between two names is no role: Cruz is the subject, not "Cruz coached Trump"
    text = "Cruz coached Trump on the stage. He said: “Breathe, breathe, breathe.”"
    assert [q.speaker for q in find_quotes(text)] == ["Cruz"]


def test_a_pronoun_before_anyone_spoke_names_the_person_introduced():
    text = (
        "I spoke with Dana Wells, who runs the hardware store. She remembers the “good years” well. "
        "“We had three shifts at the mill,” she told me."
    )
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [("We had three shifts at the mill,", "Dana Wells")]


def test_a_pronoun_names_who_was_last_said_to_speak_never_a_headlines_word():
    text = (
        "Wages row ends as dock strike is called off\n\n"
        "The strike is over, said union leader Maria Lopes. “We are tired of waiting,” she said."
    )
    assert [q.speaker for q in find_quotes(text)] == ["union leader Maria Lopes"]
    text = "The mayor, Ana Ruiz, said the deal was fair. “Everyone gave a little,” she said."
    assert [q.speaker for q in find_quotes(text)] == ["Ana Ruiz"]


def test_a_cue_before_the_next_quote_is_not_this_ones():
    text = "“We will win the state by a lot.” But Smith said “no way this happens in the fall.”"
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [
        ("We will win the state by a lot.", ""),
        ("no way this happens in the fall.", "Smith"),
    ]


def test_a_quote_opened_right_after_a_word_and_one_running_on_without_its_mark():
    glued = 'It has been quiet since"the war ended in the north," Smith said.'
    assert [(q.text, q.speaker) for q in find_quotes(glued)] == [("the war ended in the north,", "Smith")]
    curly = "The mayor has said since “the first day we knew the budget would fail.”"
    assert [q.text for q in find_quotes(curly)] == ["the first day we knew the budget would fail."]
    running = "Smith said:\n\n“The first paragraph goes on here.\n\nThe second one ends it.”\n\nNo more."
    assert [(q.text, q.speaker) for q in find_quotes(running)] == [
        ("The first paragraph goes on here.\n\nThe second one ends it.", "Smith")
    ]
    straight = 'Smith said: "The first paragraph goes on.\n\nThe second is not part of it.'
    assert find_quotes(straight) == []  # a straight mark cannot say it closes an earlier one


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a cue anywhere in the sentence, past an abbreviation that is not its end
        (
            'Spokeswoman Hua Li said her country was watching the U.S. race with "bemused interest," and',
            "bemused interest,",
        ),
        ("Smith refers to the mayor as “Mr. Fix-It,” while the mayor calls him “Tom.”", "Mr. Fix-It,"),
        ("The candidate was met with chants of “four more years” in Dover.", "four more years"),
        # a headline that gives its speaker, or a cue in capitals
        ("Ruiz: The Budget Is a ‘Proven Failure’ in Dover.\n\nThe mayor spoke on Monday.", "Proven Failure"),
        ("Mayor Calls Council Vote ‘Troubling’\n\nThe mayor spoke on Monday.", "Troubling"),
    ],
)
def test_a_short_quote_in_a_sentence_or_headline_that_says_whose_it_is(text, quoted):
    assert quoted in [q.text for q in find_quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Republican ‘Unity’ Meeting Set for Next Week.\n\nThe meeting is on Friday.",
        "TOP READS:\n\n—“Museum opens a new wing for its river paintings,” by the Post’s Jane Roe: http://x.example",
        "The “Never Again” movement held a meeting on Friday.",
    ],
)
def test_a_headline_a_story_linked_by_its_writer_and_a_scare_quote_are_not_quotes(text):
    assert find_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("hundreds of Humvees", Figure(100, "Humvees", True)),
        ("Tens of thousands of protesters", Figure(10_000, "protesters", True)),
        ("dozens of soldiers", Figure(12, "soldiers", True)),
        ("millions of dollars", Figure(1_000_000, "USD", True)),
        ("hundreds of thousands of Syrians", Figure(100_000, "Syrians", True)),
    ],
)
def test_counts_written_as_plural_words_are_the_least_they_say_approximately(text, figure):
    assert parse_figure(text) == figure


def test_counts_written_as_words_are_found_with_what_they_count():
    text = (
        "The army lost hundreds of Humvees and a dozen tanks. Tens of thousands of protesters "
        "marched. Thousands of them left, and a hundred people came back."
    )
    assert [f.text for f in find_figures(text)] == [
        "hundreds of Humvees",
        "a dozen tanks",
        "Tens of thousands of protesters",
        "a hundred people",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The plan, known as “Medicare for All,” was put to the vote.",
        "Fans beamed at the “new look” stadium.",
        "Smith was crying as the “final whistle” blew.",
        "The council defended the “tax relief” package.",
    ],
)
def test_words_that_tell_of_no_ones_words_leave_a_scare_quote_one(text):
    assert find_quotes(text) == []
