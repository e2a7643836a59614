"""Suggestions: quotes with speakers, figures in text, places with a gazetteer, what the
person tagged before, and rejections that stay. Text written for these tests."""

from __future__ import annotations

import json

import pytest

from annotations.model import Article, new_annotation
from annotations.store import AnnotationStore
from annotations.suggest.figures import find_figures
from annotations.suggest.gazetteer import Gazetteer, index_path, load
from annotations.suggest.places import find_places
from annotations.suggest.quotes import find_quotes
from annotations.suggest.suggestions import Knowledge, suggest
from reader.cli import main
from reader.config import cache_folder

NEWS = (
    "KIRKUK, Iraq - Officials met on Monday.\n\n"
    "“We will stay as long as we are asked,” said Colonel Dana Smith. "
    "“The work is not finished.”\n\n"
    "“Nobody expected this to last so long,” she added.\n\n"
    "The so-called “mission” ended at dawn.\n\n"
    "Some 7,500 coalition troops and 300 advisers remain; the plan costs $3 million "
    "and 12.5% of it goes to Reading, not to Kirkuk.\n\n"
    "Smith told reporters: “We have 5,200 troops in the country.”"
)


def tiny_gazetteer() -> Gazetteer:
    rows = [
        ("99237", "Iraq", "IQ", "33.6", "44.7", "38000000", "country", ""),
        ("94787", "Kirkuk", "IQ", "35.4", "44.3", "1031000", "city", "13"),
        ("2639577", "Reading", "GB", "51.4", "-0.97", "318014", "city", "ENG"),
        ("4140963", "Washington", "US", "38.9", "-77.0", "689545", "capital", "DC"),
    ]
    return Gazetteer.of(["\t".join(row) for row in rows], {r[1]: [i] for i, r in enumerate(rows)})


def test_quotes_exclude_their_marks_and_name_their_speaker():
    quotes = find_quotes(NEWS)
    texts = [q.text for q in quotes]
    assert "We will stay as long as we are asked," in texts
    first = quotes[texts.index("We will stay as long as we are asked,")]
    assert (first.speaker, first.cue) == ("Colonel Dana Smith", "said")
    assert NEWS[first.speaker_start : first.speaker_end] == "Colonel Dana Smith"
    assert all(NEWS[q.start : q.end] == q.text for q in quotes)


def test_a_pronoun_is_the_last_speaker_named_and_a_scare_quote_is_no_quote():
    quotes = {q.text: q for q in find_quotes(NEWS)}
    assert quotes["Nobody expected this to last so long,"].speaker == "Colonel Dana Smith"
    assert "mission" not in quotes
    assert quotes["We have 5,200 troops in the country."].speaker == "Colonel Dana Smith"  # one person, one name


def test_a_quote_running_on_into_the_next_paragraph_is_one_quote():
    text = "“The first part goes on.\n\n“And the second part ends it,” he said."
    (quote,) = find_quotes(text)
    assert quote.text == "The first part goes on.\n\n“And the second part ends it,"


def test_figures_are_found_with_value_and_unit_and_years_and_dates_are_not():
    found = {f.text: f.figure for f in find_figures(NEWS + " In 2014, on June 7 primary day, three people came.")}
    assert found["7,500 coalition troops"].value == 7500 and found["7,500 coalition troops"].approx
    assert (found["300 advisers"].value, found["300 advisers"].unit) == (300, "advisers")
    assert (found["$3 million"].value, found["$3 million"].unit) == (3_000_000, "USD")
    assert found["12.5%"].unit == "%"
    assert found["three people"].value == 3
    assert not any("2014" in text or text.startswith("7 ") for text in found)


def test_places_resolve_and_ordinary_words_and_longer_names_are_left_alone():
    gazetteer = tiny_gazetteer()
    text = "In Kirkuk, Iraq, the Washington Post reported. George Washington slept. Reading is fun."
    found = {(f.text, f.place.geonameid if f.place else None) for f in find_places(text, gazetteer)}
    assert found == {("Kirkuk", 94787), ("Iraq", 99237)}
    dateline = find_places("KIRKUK - A dateline.", gazetteer)
    assert [(f.text, f.place.name) for f in dateline] == [("KIRKUK", "Kirkuk")]


def test_a_small_town_known_by_another_name_far_from_the_story_is_not_suggested():
    rows = [
        ("6183235", "Winnipeg", "CA", "49.9", "-97.1", "705244", "city", "03"),
        ("6251999", "Canada", "CA", "60.1", "-113.6", "38000000", "country", ""),
        ("2485636", "Algeria", "DZ", "28.0", "1.7", "44000000", "country", ""),
        ("2504486", "Ben Mehidi", "DZ", "36.8", "7.9", "30000", "city", "36"),
    ]
    names = {"Winnipeg": [0], "Canada": [1], "Algeria": [2], "Ben Mehidi": [3], "Morris": [3]}
    gazetteer = Gazetteer.of(["\t".join(row) for row in rows], names)
    manitoba = "Crews in Winnipeg, Canada, closed the road near Morris."
    assert [f.text for f in find_places(manitoba, gazetteer)] == ["Winnipeg", "Canada"]
    algeria = "Farmers near Morris, Algeria, saw rain."
    assert [(f.text, f.place.name) for f in find_places(algeria, gazetteer)] == [
        ("Morris", "Ben Mehidi"),
        ("Algeria", "Algeria"),
    ]


def test_the_real_gazetteer_knows_erbil_and_is_built_once(tmp_path):
    (tmp_path / "gazetteer-5.json").write_text("{}")  # an earlier version's index
    gazetteer = load(tmp_path)
    (erbil,) = [p for p in gazetteer.candidates("Erbil") if p.country == "IQ"]
    assert erbil.geonameid == 95446
    assert gazetteer.country_name("IQ") == "Iraq"
    assert gazetteer.longest == max(name.count(" ") + 1 for name in gazetteer._names)
    assert [p.name for p in tmp_path.iterdir()] == [index_path(tmp_path).name]  # the new index only
    assert load(tmp_path).candidates("Baghdad")[0].geonameid == 98182


def test_provinces_are_places_by_the_names_news_gives_them(gazetteer_cache):
    """GeoNames' first-level divisions, "Anbar" for "Al Anbar" too; a city of the same
    name stays the city ("Kirkuk"; "Gomel" is the city, not Gomel Oblast) unless the
    text says it is a region ("the Kirkuk province"); a division
    named by a direction, or by the start of a country's name ("German", a parish of
    Man), is no place."""
    gazetteer = load(gazetteer_cache)
    names = ("Anbar", "Nineveh", "Helmand", "Ontario", "Punjab", "Gomel", "Kirkuk")
    first = {name: gazetteer.candidates(name)[0] for name in names}
    assert {name: (p.geonameid, p.kind) for name, p in first.items()} == {
        "Anbar": (99592, "region"),
        "Nineveh": (92877, "region"),
        "Helmand": (1140043, "region"),
        "Ontario": (6093943, "region"),  # the province, before California's town
        "Punjab": (1167710, "region"),  # Pakistan's, the more populous; an article's context may say India's
        "Gomel": (627907, "city"),
        "Kirkuk": (94787, "city"),
    }
    assert gazetteer.candidates("Gaza")[0].country == "PS"  # the city before Mozambique's province
    assert gazetteer.candidates("German") == gazetteer.candidates("Central District") == []
    text = "Fighting spread from Anbar to Nineveh, officials in Baghdad said. Kirkuk and the Kirkuk province."
    assert [(f.text, f.place.geonameid) for f in find_places(text, gazetteer)] == [
        ("Anbar", 99592),
        ("Nineveh", 92877),
        ("Baghdad", 98182),
        ("Kirkuk", 94787),  # the city
        ("Kirkuk", 98410),  # the province, said to be one
    ]


def test_the_index_file_reads_back_what_was_written_and_a_damaged_one_is_refused():
    gazetteer = tiny_gazetteer()
    again = Gazetteer.loads(gazetteer.dumps())
    assert [p.geonameid for p in again.candidates("Kirkuk")] == [94787]
    assert "Iraq" in again and "Ira" not in again and "Iraqi" not in again
    text = gazetteer.dumps()
    for damaged in (text[: len(text) // 2], text.replace("\0", "\n", 1), "{}", text.replace("gazetteer", "x", 1)):
        with pytest.raises(ValueError):
            Gazetteer.loads(damaged)


def test_a_damaged_index_is_built_again(tmp_path):
    index_path(tmp_path).write_bytes(b"reader gazetteer \xff\xfe")  # (as a torn write would leave it)
    assert load(tmp_path).candidates("Erbil")[0].geonameid == 95446
    assert Gazetteer.loads(index_path(tmp_path).read_text("utf-8")).candidates("Erbil")[0].geonameid == 95446


def test_a_tag_is_suggested_at_its_other_whole_word_occurrences_and_rejections_hold():
    article = Article("a.txt", "Smithfield and Smith. Smith again, and Smith.")
    tag = new_annotation(article, "quote", 15, 20)  # the first "Smith"
    knowledge = Knowledge.of([tag], [])
    found = suggest("a.txt", article.text, [tag], knowledge, ["quote"], lambda: None)
    assert [(s.start, s.text) for s in found] == [(22, "Smith"), (39, "Smith")]
    knowledge.remember_rejection("a.txt", "quote", "Smith", 22)
    found = suggest("a.txt", article.text, [tag], knowledge, ["quote"], lambda: None)
    assert [s.start for s in found] == [39]
    for other in ("b.txt", "c.txt", "d.txt"):
        knowledge.remember_rejection(other, "quote", "Smith", 0)
    assert suggest("a.txt", article.text, [tag], knowledge, ["quote"], lambda: None) == []


def test_a_text_is_suggested_while_a_tag_of_it_is_in_the_database_and_not_after():
    article = Article("a.txt", "Smith met Smith and Smith.")
    first, second = new_annotation(article, "quote", 0, 5), new_annotation(article, "quote", 10, 15)
    knowledge = Knowledge.of([first, second], [])

    def suggested() -> list[int]:
        return [s.start for s in suggest("a.txt", article.text, [], knowledge, ["quote"], lambda: None)]

    assert suggested() == [0, 10, 20]
    knowledge.forget(first)  # one of two tags of "Smith" deleted: still a tagged text
    assert suggested() == [0, 10, 20]
    knowledge.forget(second)
    assert suggested() == []
    knowledge.learn(second)  # undone
    assert suggested() == [0, 10, 20]
    copied = knowledge.copy()
    copied.forget(second)
    assert suggested() == [0, 10, 20] and copied.tagged == {}


def test_a_rejection_is_stored_and_survives_reopening(db_path):
    with AnnotationStore(db_path) as store:
        assert store.reject("a.txt", "place", "Reading", 5, 12)
        assert not store.reject("a.txt", "place", "Reading", 5, 12)
        store.flush()  # journal only: replayed on open
    with AnnotationStore(db_path) as store:
        assert [r["text"] for r in store.rejections()] == ["Reading"]
    data = json.loads(db_path.read_text())
    assert [r["text"] for r in data["rejections"].values()] == ["Reading"]


def test_reader_suggest_writes_records_whose_text_is_the_articles(tmp_path, capsys, seeds):
    out = tmp_path / "suggested.jsonl"
    assert main(["suggest", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text().splitlines()]
    texts = {entry.id: entry.load().text for entry in seeds.entries}
    assert records and all(texts[r["article"]][r["start"] : r["end"]] == r["text"] for r in records)
    assert all(r["status"] == "suggested" for r in records)
    erbil = [r for r in records if r["text"] == "Erbil"]
    assert erbil and erbil[0]["attrs"]["geonameid"] == 95446 and erbil[0]["attrs"]["country"] == "IQ"
    assert any(r["label"] == "figure" and r["attrs"] == {"value": 5200, "unit": "troops"} for r in records)
    assert any(r["label"] == "quote" and r["attrs"].get("speaker") == "Caggins" for r in records)
    assert cache_folder().is_dir()


def test_a_place_at_the_end_of_a_sentence_leaves_the_full_stop_out():
    text = "Troops returned to Kirkuk. Then to Iraq."
    found = [(f.text, f.place.geonameid) for f in find_places(text, tiny_gazetteer())]
    assert found == [("Kirkuk", 94787), ("Iraq", 99237)]


def test_the_next_paragraphs_speaker_is_not_this_quotes():
    text = (
        "‘We held the line,’ said Ann Lee.\n\n‘It was very close indeed.’\n\nThe Agency said repairs would cost more."
    )
    quotes = {q.text: q.speaker for q in find_quotes(text)}
    assert quotes["It was very close indeed."] != "The Agency"


def test_speakers_with_their_roles_before_or_between_commas_and_in_the_sentence_before():
    text = (
        "“The river rose all night,” said former county engineer Bola Ade.\n\n"
        "“The roads are closed,” Lagos works commissioner Tunde Bako said on Monday.\n\n"
        "“Help is coming,” Ngozi Eze, a relief coordinator, said in a statement.\n\n"
        "“We counted 40 boats,” a NY1 reporter said.\n\n"
        "Mayor Ana Ruiz told reporters at noon. “We will rebuild every home.”\n\n"
        "“We stay,” said Ana Ruiz on Monday.\n\n"
        "“We count again,” explained the Lokoja spokesperson."
    )
    assert [q.speaker for q in find_quotes(text)] == [
        "Bola Ade",  # what they are stays in the text; the speaker is their name
        "Tunde Bako",
        "Ngozi Eze",
        "a NY1 reporter",
        "Mayor Ana Ruiz",
        "Mayor Ana Ruiz",  # "Ana Ruiz" after "Mayor Ana Ruiz": one person, named one way
        "the Lokoja spokesperson",
    ]


def test_a_description_has_an_article_inside_only_after_a_preposition():
    text = (
        "Crews crossed the border, a visit the province called “neighbourly.”\n\n"
        "“We will hold,” a spokesman for the province said."
    )
    assert [q.speaker for q in find_quotes(text)] == ["the province", "a spokesman for the province"]


def test_a_speaker_ends_at_the_full_stop_and_keeps_an_abbreviations():
    text = "“We will not go back yet,” said Amara Okafor. Critics disagreed. “We stay here now,” said Lt. Gen. Sean Doe Jr. today."
    assert [q.speaker for q in find_quotes(text)] == ["Amara Okafor", "Lt. Gen. Sean Doe Jr."]


def test_rejecting_and_accepting_many_are_one_step_each_undone_and_redone(db_path):
    from annotations.editing.session import EditingSession
    from annotations.model import DEFAULT_LABELS
    from annotations.suggest.suggestions import Suggestion

    article = Article("a.txt", "York and York, then Leeds.")
    yorks = [Suggestion("place", 0, 4, "York"), Suggestion("place", 9, 13, "York")]
    leeds = Suggestion("place", 20, 25, "Leeds", {"geonameid": 2644688})
    with AnnotationStore(db_path) as store:
        session = EditingSession(store, DEFAULT_LABELS)
        session.open(article)
        rejected = session.take(yorks, accept=False)
        assert rejected.message == "rejected 2 × place “York”"
        assert sorted(r["start"] for r in store.rejections()) == [0, 9]
        accepted = session.accept(leeds)
        assert accepted.message.startswith("accepted place “Leeds” 20–25 · GeoNames 2644688")
        assert session.undo().message.startswith("undid accept: place “Leeds”")
        assert store.annotations() == []
        assert session.undo().message == "undid reject: 2 × place “York”"
        assert store.rejections() == []
        assert session.redo().message == "redid reject: 2 × place “York”"
        store.flush()  # the journal: reject, reject, unreject ×2, reject ×2
    with AnnotationStore(db_path) as store:
        assert sorted(r["start"] for r in store.rejections()) == [0, 9]
        session = EditingSession(store, DEFAULT_LABELS)
        session.open(article)
        assert session.reject(yorks[0]).message == "already rejected: place “York”"
        assert session.undo().refused  # that was no change
        session.accept(leeds)
        session.undo()
        session.reject(leeds)
        assert session.undo().message == "undid reject: place “Leeds” 20–25"
        store.flush()
    with AnnotationStore(db_path) as store:
        assert sorted(r["start"] for r in store.rejections()) == [0, 9]


def test_learned_texts_match_whole_words_longest_first_across_punctuation():
    knowledge = Knowledge()
    for tagged in ("Smith", "John Smith", "5,200 troops", "Port Harcourt State"):
        knowledge.tagged["place", tagged] = {}
    text = "John Smith met Smith and Smithfield. 5,200 troops in Port Harcourt State, Port Harcourt."
    found = suggest("a.txt", text, [], knowledge, ["place"], lambda: None)
    assert [s.text for s in found] == ["John Smith", "Smith", "5,200 troops", "Port Harcourt State"]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_a_title_in_marks_is_no_quote_even_with_a_cue_after_it():
    text = (
        "Ana Ruiz appeared on CNN's “State of the Union” on Sunday. Speaking on “Meet the Press,” "
        "Tom Berg said the river was falling. “We Will Rebuild,” Tom Berg said."
    )
    assert [(q.text, q.speaker) for q in find_quotes(text)] == [("We Will Rebuild,", "Tom Berg")]


def test_the_speaker_picker_offers_names_as_the_suggestions_read_them():
    """Its candidates are names (quotes.is_name), never 'Kurdistan Region- The' from the
    seed's dateline; the people named and quoted are there."""
    from annotations.suggest.attribute_choices import speakers
    from reader.config import seeds_dir
    from tests.conftest import SEED

    text = (seeds_dir() / SEED).read_text(encoding="utf-8")
    start = text.index("“The Global Coalition")
    offered = [choice.attrs["speaker"] for choice in speakers(text, start, start + 40)]
    assert "Kurdistan Region- The" not in offered and not any(name.endswith(("-", " The")) for name in offered)
    assert "Myles B. Caggins" in offered or "Caggins" in offered


def test_a_place_corrected_by_hand_is_that_place_wherever_its_name_is_suggested():
    """Correct one Valencia to Spain's and the dateline's VALENCIA follows; unlearned names
    keep the gazetteer's choice."""
    places = load(cache_folder())
    text = "VALENCIA — Rain fell in Valencia and in Madrid on Sunday."
    before = {
        s.text: s.attrs.get("country") for s in suggest("a.txt", text, [], Knowledge(), ["place"], lambda: places)
    }
    knowledge = Knowledge()
    knowledge.tagged["place", "Valencia"] = {"geonameid": 2509954, "name": "Valencia", "country": "ES"}
    after = {s.text: s.attrs.get("country") for s in suggest("a.txt", text, [], knowledge, ["place"], lambda: places)}
    assert before["VALENCIA"] == "VE" and after["VALENCIA"] == after["Valencia"] == "ES"
    assert after["Madrid"] == before["Madrid"] == "ES"
