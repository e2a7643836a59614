"""What a new tag carries by itself: a place's GeoNames entry read in its article's
context, a quote's speaker and cue, a figure's value. Text written for these tests."""

from __future__ import annotations

from annotations.suggest.fill_in import filled_in
from annotations.suggest.gazetteer import Gazetteer
from annotations.suggest.quotes import find_quotes


def gazetteer() -> Gazetteer:
    rows = [
        ("2988507", "Paris", "FR", "48.85", "2.35", "2138551", "capital", "11"),
        ("4717560", "Paris", "US", "33.66", "-95.56", "24782", "city", "TX"),
        ("4736286", "Texas", "US", "31.25", "-99.25", "22875689", "region", "TX"),
        ("2639577", "Reading", "GB", "51.4", "-0.97", "318014", "city", "ENG"),
    ]
    names = {"Paris": [0, 1], "Texas": [2], "Reading": [3]}
    return Gazetteer.of(["\t".join(row) for row in rows], names)


def span(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def test_a_place_is_the_one_its_article_points_at_and_the_most_likely_elsewhere():
    texan = "Storms hit Texas on Monday. In Paris, the mayor closed the schools."
    assert filled_in("place", texan, *span(texan, "Paris"), gazetteer())["geonameid"] == 4717560
    french = "In Paris, the mayor closed the schools."
    place = filled_in("place", french, *span(french, "Paris"), gazetteer())
    assert place == {"geonameid": 2988507, "name": "Paris", "country": "FR", "lat": 48.85, "lon": 2.35}


def test_a_place_tagged_by_hand_may_be_an_ordinary_word_and_a_dateline_in_capitals():
    text = "READING - Reading council met."
    assert filled_in("place", text, *span(text, "Reading"), gazetteer())["geonameid"] == 2639577
    assert filled_in("place", text, *span(text, "READING"), gazetteer())["geonameid"] == 2639577


def test_a_place_not_in_the_gazetteer_or_without_one_carries_nothing():
    text = "They met in Atlantis."
    assert filled_in("place", text, *span(text, "Atlantis"), gazetteer()) == {}
    assert filled_in("place", text, *span(text, "Atlantis"), None) == {}


def test_a_quote_carries_its_speaker_with_the_marks_selected_or_not():
    text = "The vote was close.\n\n“We will win this,” said Mayor Ana Ruiz on Monday."
    inside = filled_in("quote", text, *span(text, "We will win this,"))
    marked = filled_in("quote", text, *span(text, "“We will win this,”"))
    assert (
        inside
        == marked
        == {
            "speaker": "Mayor Ana Ruiz",
            "speaker_start": text.index("Mayor"),
            "speaker_end": text.index(" on Monday"),
            "cue": "said",
        }
    )


def test_words_without_marks_take_the_speaker_of_their_cue():
    text = "Lights went out at noon. Ana Ruiz said the storm would pass by night, and left."
    said = filled_in("quote", text, *span(text, "the storm would pass by night"))
    assert said["speaker"] == "Ana Ruiz" and said["cue"] == "said"
    assert text[said["speaker_start"] : said["speaker_end"]] == "Ana Ruiz"


def test_a_quote_with_no_cue_and_a_label_the_finders_do_not_know_carry_nothing():
    text = "Nobody spoke. “Silence,” the sign read. Then rain."
    assert filled_in("quote", text, *span(text, "Then rain")) == {}
    assert filled_in("person", text, *span(text, "Nobody")) == {}


def test_a_figure_carries_its_value_and_unit():
    text = "About 5,200 troops stayed."
    assert filled_in("figure", text, *span(text, "5,200 troops")) == {"value": 5200, "unit": "troops"}


def test_quotes_mixing_straight_and_curly_marks_pair_up():
    text = '"There have been talks,” added Caggins.\n\n“They know it,” argued Caggins.'
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [
        ("There have been talks,", "Caggins"),
        ("They know it,", "Caggins"),
    ]


def test_a_speaker_earlier_in_the_sentence_and_a_pronoun_after_a_named_subject():
    text = (
        "Secretary John Kerry said in a statement that the vote was an “important step forward” for all.\n\n"
        "Gov. Ana Ruiz met the press. Carson defied the question. “We will see who wins,” he said."
    )
    quotes = find_quotes(text)
    assert [(q.text, q.speaker, q.cue) for q in quotes] == [
        ("important step forward", "Secretary John Kerry", "said"),
        ("We will see who wins,", "Carson", "said"),
    ]


def test_a_speaker_is_never_found_inside_the_quote_before():
    """Found in a walk: "the water plant they promised" was taken for the second
    quote's speaker, from inside the first quote's own words."""
    text = (
        '"We have waited years for the water plant they promised us," said Rosa Quispe, '
        'a leader in Velille. "Nobody from the company has come."'
    )
    assert [(q.speaker, q.cue) for q in find_quotes(text)] == [("Rosa Quispe", "said"), ("Rosa Quispe", "")]


def test_he_or_she_is_never_a_name_inside_an_earlier_quote():
    """A pronoun's speaker is the last person a sentence of ours opens with, and a
    sentence inside a quote ("Trump cheats …") is the speaker's, not ours."""
    text = (
        "Clinton spoke in Ohio on Monday. “We will win. Trump cheats workers every day,” "
        "she said. “He lies,” she added."
    )
    assert [(q.speaker, q.cue) for q in find_quotes(text)] == [("Clinton", "said"), ("Clinton", "added")]


def test_a_short_sentence_after_a_quote_goes_on_in_its_voice_and_a_name_in_marks_does_not():
    """Found in a walk: "Nobody slept." was dropped as a scare quote."""
    text = (
        "“We could see the smoke from the school by noon,” said Chief Marlene Kakegamic. "
        "“Nobody slept.” The fire was featured in the documentary “Smoke.”"
    )
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [
        ("We could see the smoke from the school by noon,", "Chief Marlene Kakegamic"),
        ("Nobody slept.", "Chief Marlene Kakegamic"),
    ]


def test_words_someone_was_portrayed_with_are_a_quote():
    # no cue next to the quote: the speaker is the subject of its sentence
    text = "Trump has staked his campaign on it, portraying Mexican immigrants as “rapists” and criminals."
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [("rapists", "Trump")]
    text = "Clinton characterized the plan as “a gift to the rich” on Monday."
    assert [(q.text, q.speaker, q.cue) for q in find_quotes(text)] == [
        ("a gift to the rich", "Clinton", "characterized")
    ]


def test_a_scare_quote_stays_one_when_the_next_sentence_has_a_cue():
    """The sentence ended at a stop before a no-break space, and "said" in the next one
    made “pause” a quote."""
    text = "It comes with a two-year “pause” in a tax.\u00a0That is no problem, Brady said on Tuesday."
    assert find_quotes(text) == []


def test_a_word_that_opens_a_sentence_is_not_a_speaker():
    """Found in a walk: "she told reporters" was said by "Across" ("Across the border, …")."""
    text = (
        "“The water rose a metre in an hour,” said Ayesha Malik, a district officer. "
        "Across the border, the state reported 12 deaths. "
        "“Nobody has seen water like this,” she told reporters."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Ayesha Malik", "Ayesha Malik"]


def test_the_object_of_a_preposition_is_not_a_speaker():
    """Not "the time" or "Saturday" (both were, on PolNeAR train), but the sentence's subject."""
    text = (
        "Trump at the time said he had asked his “people” to look into paying the legal fees.\n\n"
        "Sanders on Saturday criticized the “weak and disappointing” climate accord."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Trump", "Sanders"]


def test_choices_for_a_place_and_a_quotes_speakers():
    from annotations.suggest.attribute_choices import places_named, places_starting, speakers, with_choice

    shown = [c.shown for c in places_named("Paris", gazetteer())]
    assert shown == [
        "Paris · capital · FR · 2,138,551 people · GeoNames 2988507",
        "Paris · city · US (TX) · 24,782 people · GeoNames 4717560",
    ]
    assert [c.attrs["geonameid"] for c in places_starting("te", gazetteer())] == [4736286]
    assert places_starting("", gazetteer()) == []
    text = "“We will win,” said Ana Ruiz.\n\nLater, Tom Berg met Ana Ruiz. “It is over,” he said."
    quote = text.index("It is over")
    names = [c.attrs["speaker"] for c in speakers(text, quote, quote + 10)]
    assert names[:2] == ["Ana Ruiz", "Tom Berg"]
    chosen = speakers(text, quote, quote + 10)[1].attrs
    assert text[chosen["speaker_start"] : chosen["speaker_end"]] == "Tom Berg"
    assert with_choice({"speaker": "x", "cue": "said"}, "quote", chosen) == {"cue": "said", **chosen}
    assert with_choice({"geonameid": 1, "name": "x", "note": "n"}, "place", {}) == {"note": "n"}


def test_a_short_quote_reported_by_a_verb_is_a_quote_and_a_title_in_marks_is_not():
    text = (
        "Campaign chair Paul Manafort dismissed the whole kerfuffle as “absurd.”\n\n"
        "Sanders said in an interview aired Monday on “New Day.” He left early.\n\n"
        "She is the author of “America’s Bitter Pill,” a history of the debate."
    )
    assert [q.text for q in find_quotes(text)] == ["absurd."]


def test_the_subject_of_a_reporting_verb_speaks_but_not_of_a_participle():
    text = (
        "Sanders pledged Saturday to rid the world of “this barbarous organization” for good.\n\n"
        "Obama had said in an interview that the country had “contained” the group.\n\n"
        "The mayor met Republicans, saying the plan was “a disaster for everyone.”"
    )
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [
        ("this barbarous organization", "Sanders"),
        ("contained", "Obama"),
        ("a disaster for everyone.", ""),
    ]
