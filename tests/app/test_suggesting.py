"""Suggestions in the app: . walks them, y accepts, r rejects for good, a tag lights up
its other occurrences (Pilot, on the seeds)."""

from __future__ import annotations

from annotations.model import SUGGESTED
from tests.app.waiting import started, until
from tests.conftest import SEED


async def opened_with_suggestions(pilot):
    await started(pilot)
    await pilot.pause()
    pilot.app.open_article(SEED)
    await until(pilot, lambda: pilot.app.view.suggestions)
    assert pilot.app.view.suggestions, "no suggestions came"


async def tag_first(pilot, words: str, label: str) -> None:
    """Select the first occurrence of words in the open article and tag it with label."""
    app = pilot.app
    start = app.view.text.index(words)
    app.view.select(start, start + len(words))
    await pilot.press(app.labels.by_name(label).key)


def position(app) -> str:
    return app.query_one("#position").content.plain


async def test_dot_walks_suggestions_and_y_accepts_baghdad_with_its_geonames_id(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await opened_with_suggestions(pilot)
        for _ in range(30):
            await pilot.press("full_stop")
            if app.view.text[app.view.cursor : app.view.cursor + 7] == "Baghdad":
                break
        await pilot.pause()
        assert "place “Baghdad” · GeoNames 98182 · Iraq · y accept" in position(app)
        await pilot.press("y")
        await pilot.pause()
        (tag,) = app.store.annotations(SEED)
        assert (tag.text, tag.label, tag.origin, tag.attrs["geonameid"]) == ("Baghdad", "place", SUGGESTED, 98182)
        assert "accepted place “Baghdad”" in app.query_one("#message").content.plain
        await pilot.press("u")  # undoable like any tag
        await pilot.pause()
        assert app.store.annotations(SEED) == []


async def test_r_rejects_and_the_rejection_outlives_a_restart(make_app, db_path):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await opened_with_suggestions(pilot)
        await pilot.press("full_stop")
        rejected = app.view.suggestion_at()
        await pilot.press("r")
        await pilot.pause()
        assert rejected not in app.view.suggestions
        assert app.store.rejections()[0]["text"] == rejected.text
    app.store.close()
    again = make_app()
    async with again.run_test(size=(140, 40)) as pilot:
        await opened_with_suggestions(pilot)
        assert all((s.label, s.start) != (rejected.label, rejected.start) for s in again.view.suggestions)


async def test_tagging_a_word_by_hand_suggests_its_other_occurrences(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await opened_with_suggestions(pilot)
        text = app.view.text
        first = text.index("Coalition")
        app.view.select(first, first + len("Coalition"))
        await pilot.press("2")  # as a figure: no rule suggests it, so only learning can

        def learned():
            return [s for s in app.view.suggestions if s.text == "Coalition" and s.label == "figure"]

        await until(pilot, learned)  # found again once the keys pause (AFTER_CHANGES)
        found = learned()
        assert len(found) == text.count("Coalition") - 1
        await pilot.press("S")
        assert app.view.suggestion_at(found[0].start) is None  # hidden
        await pilot.press("S", "u")  # the tag was a slip: what it taught is taken back
        await until(pilot, lambda: not learned())
        assert app.store.annotations() == [] and not learned()
        await pilot.press("ctrl+r")
        await until(pilot, learned)
        assert len(learned()) == len(found)


async def to_the_first_quote(pilot, app) -> None:
    """. from suggestion to suggestion past the dateline's places ("Kurdistan Region", "US")."""
    for _ in range(4):
        await pilot.press("full_stop")
        await pilot.pause()
        if app.query_one("#message").content.plain.startswith("quote"):
            return


async def test_a_suggestion_is_named_whole_even_in_a_narrow_terminal(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await opened_with_suggestions(pilot)
        await to_the_first_quote(pilot, app)
        message = app.query_one("#message").content.plain
        assert message.startswith("quote “The Global Coalition is committed to pa…” · said by Caggins · y accept")
        await pilot.press("r")
        await pilot.pause()
        message = app.query_one("#message").content.plain
        assert message.startswith("rejected quote “The Global Coalition is committed to pa…” 265–459 · next: ")
        assert "· y accept · r reject" in message


async def test_hiding_suggestions_clears_the_one_named_at_the_cursor(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await opened_with_suggestions(pilot)
        await to_the_first_quote(pilot, app)
        assert "quote “The Global Coalition" in position(app)  # (its key hints, if they fit)
        await pilot.press("S")
        await pilot.pause()
        assert "The Global Coalition" not in position(app)


async def test_a_place_and_a_quote_tagged_by_hand_carry_their_geonames_id_and_speaker(make_app):
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened_with_suggestions(pilot)
        text = app.view.text
        await tag_first(pilot, "Erbil", "place")
        await pilot.pause()
        assert "tagged place “Erbil”" in app.query_one("#message").content.plain
        assert position(app).endswith("· GeoNames 95446 · Iraq"), position(app)
        quote = text.index("We have operation centers")
        app.view.select(quote, text.index("”", quote))
        await pilot.press(app.labels.by_name("quote").key)
        await pilot.pause()
        said = {a.label: a.attrs for a in app.store.annotations(SEED)}
        assert said["place"]["geonameid"] == 95446
        assert said["quote"]["speaker"] == "Caggins"
        assert text[said["quote"]["speaker_start"] : said["quote"]["speaker_end"]] == "Caggins"
        assert "· said by Caggins" in app.query_one("#message").content.plain


async def test_E_on_a_place_picks_another_candidate_searches_and_says_none(make_app):
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened_with_suggestions(pilot)
        await tag_first(pilot, "Erbil", "place")
        await pilot.press("E")
        await pilot.pause()
        shown = [str(o.prompt) for o in app.screen.query_one("#picker-choices").options]
        assert shown[0].startswith("Erbil · city · Iraq · ") and shown[0].endswith("GeoNames 95446")
        await pilot.press("slash", *"jos")  # after /, j is a letter of the search
        search = app.screen.query_one("#picker-search")
        assert search.value == "jos"
        assert str(app.screen.query_one("#picker-choices").options[0].prompt).startswith("Jos · city · Nigeria")
        await pilot.press("down", "up")  # the arrows move in the list while typing
        assert search.value == "jos" and app.screen.query_one("#picker-choices").highlighted == 0
        await pilot.press(*["backspace"] * 3, *"mosul", "enter")  # enter picks the first
        await pilot.pause()
        (tag,) = app.store.annotations(SEED)
        assert (tag.attrs["geonameid"], tag.attrs["country"]) == (99072, "IQ")
        assert "gave attributes to place “Erbil”" in app.query_one("#message").content.plain
        await pilot.press("E", "0")
        await pilot.pause()
        assert app.store.annotations(SEED)[0].attrs == {}
        await pilot.press("u")
        await pilot.pause()
        assert app.store.annotations(SEED)[0].attrs["geonameid"] == 99072
        await pilot.press("E", *"irbid", "enter")  # a letter in the list starts a search
        await pilot.pause()
        assert app.store.annotations(SEED)[0].attrs["country"] == "JO"


async def test_E_on_a_quote_offers_the_speakers_nearest_first(make_app):
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened_with_suggestions(pilot)
        text = app.view.text
        quote = text.index("There were a number of attacks")
        app.view.select(quote, text.index("”", quote))
        await pilot.press(app.labels.by_name("quote").key)
        await pilot.pause()
        assert app.store.annotations(SEED)[0].attrs["speaker"] == "the Coalition spokesperson"
        await pilot.press("E")
        await pilot.pause()
        shown = [str(o.prompt) for o in app.screen.query_one("#picker-choices").options]
        assert shown[0].startswith("the Coalition spokesperson · at ")
        caggins = next(i for i, line in enumerate(shown) if line.startswith("Caggins"))
        await pilot.press(*["j"] * caggins, "enter")
        await pilot.pause()
        (tag,) = app.store.annotations(SEED)
        assert tag.attrs["speaker"] == "Caggins" and tag.attrs["cue"] == "explained"
        assert text[tag.attrs["speaker_start"] : tag.attrs["speaker_end"]] == "Caggins"
        await pilot.press("E", "t")
        await pilot.pause()
        assert "speaker=Caggins" in app.screen.query_one("#prompt-input").value
        await pilot.press("escape", "E", "slash", *"rudaw", "enter")  # any name in the article, by typing
        await pilot.pause()
        (tag,) = app.store.annotations(SEED)
        assert (
            tag.attrs["speaker"] == "Rudaw" and text[tag.attrs["speaker_start"] : tag.attrs["speaker_end"]] == "Rudaw"
        )


async def test_T_shows_the_tagged_places_on_a_map_and_enter_goes_to_one(make_app):
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await opened_with_suggestions(pilot)
        text = app.view.text
        for name in ("Erbil", "Syria"):
            await tag_first(pilot, name, "place")
        quote = text.index("We have operation centers")
        app.view.select(quote, text.index("”", quote))
        await pilot.press(app.labels.by_name("quote").key, "g", "T")
        await pilot.pause()
        shown = app.screen.query_one("#stats-map").render().plain
        assert shown.count("•") == 2 and "⣿" in shown  # two places, on land drawn from the gazetteer's towns
        assert "1 of 2: " in app.screen.query_one("#stats-place").render().plain
        tallies = app.screen.query_one("#stats-tallies").render().plain
        assert "this article: Syria 1 · Iraq 1" in tallies and "this article: Caggins 1" in tallies
        await pilot.press("j")
        place = app.screen.query_one("#stats-place").render().plain
        assert place.startswith("2 of 2: ") and "GeoNames" in place
        wanted = "Erbil" if "Erbil" in place else "Syria"
        await pilot.press("enter")
        await pilot.pause()
        assert app.view.text[app.view.cursor : app.view.cursor + len(wanted)] == wanted


async def test_R_rejects_all_alike_as_one_step_and_u_brings_them_back(make_app):
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened_with_suggestions(pilot)
        alike = {}
        for suggestion in app.view.suggestions:
            alike.setdefault((suggestion.label, suggestion.text), []).append(suggestion)
        many = max(alike.values(), key=len)
        assert len(many) > 1
        app.view.move_to(many[0].start)
        await pilot.press("R")
        await pilot.pause()
        assert len(app.store.rejections()) == len(many)
        assert f"rejected {len(many)} × {many[0].label} “{many[0].text}”" in app.query_one("#message").content.plain
        assert not any((s.label, s.text) == (many[0].label, many[0].text) for s in app.view.suggestions)
        await pilot.press("u")

        def back():
            return [s for s in app.view.suggestions if (s.label, s.text) == (many[0].label, many[0].text)]

        await until(pilot, lambda: len(back()) == len(many))
        back = back()
        assert app.store.rejections() == [] and len(back) == len(many)
        assert f"undid reject: {len(many)} × {many[0].label}" in app.query_one("#message").content.plain


async def test_the_list_counts_suggestions_and_the_panel_lists_them_after_the_tags(make_app):
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        await opened_with_suggestions(pilot)
        count = len(app.view.suggestions)
        assert app.article_list.row_text(SEED).split()[-1] == str(count)
        assert app.article_list.render_line(0).text.split()[-1] == "+"
        await tag_first(pilot, "Erbil", "place")
        await pilot.press("a")
        await pilot.pause()
        panel = app.panel
        assert [a.text for a in panel.annotations] == ["Erbil"]
        assert panel.row_count == 1 + len(panel.suggestions) and panel.suggestions
        first = panel.suggestions[0]
        assert panel.row_text(1).startswith(f"{first.label}? ")
        await pilot.press("j", "enter")
        assert app.focused is app.view and app.view.cursor == first.start
        await pilot.press("S")  # hidden: neither listed nor counted
        assert app.panel.suggestions == [] and app.article_list.row_text(SEED).split()[-1] == "·"


async def test_a_large_articles_suggestions_come_from_a_process_of_their_own(make_app, monkeypatch):
    import reader.app.suggesting
    from annotations.suggest.suggestions import Knowledge, suggest

    monkeypatch.setattr(reader.app.suggesting, "IN_A_PROCESS_ABOVE", 1_000)  # the seed counts as large
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await opened_with_suggestions(pilot)
        child = app.suggestions._child
        assert child is not None and child.args[-1] == "annotations.suggest.large_article" and child.returncode == 0
        text = app.view.text
        expected = suggest(SEED, text, [], Knowledge(), app.labels.names, app.suggestions.places)
        assert list(app.view.suggestions) == expected
        await pilot.press("full_stop", "y")  # taken and undone as any other
        await pilot.pause()
        assert len(app.store.annotations(SEED)) == 1
    assert child.poll() is not None


async def test_opening_another_large_article_stops_the_first_ones_process(make_app, monkeypatch):
    import reader.app.suggesting
    from tests.conftest import SEED2

    monkeypatch.setattr(reader.app.suggesting, "IN_A_PROCESS_ABOVE", 1_000)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        app.open_article(SEED)
        await pilot.pause()
        app.open_article(SEED2)
        await until(pilot, lambda: app.view.suggestions)  # the first one's worker was cancelled
        assert app.session.article.id == SEED2
        assert all(app.view.text[s.start : s.end] == s.text for s in app.view.suggestions)
        assert "Kirkuk" in {s.text for s in app.view.suggestions}  # the second seed's places


async def test_y_moves_on_so_y_y_takes_two_suggestions_in_a_row_as_the_readme_says(make_app):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await opened_with_suggestions(pilot)
        await pilot.press("full_stop")
        await pilot.pause()
        first = app.view.suggestion_at()
        await pilot.press("y")
        await pilot.pause()
        second = app.view.suggestion_at()  # y went on to the next: no . between
        assert second is not None and second.start > first.start
        await pilot.press("y")
        await pilot.pause()
        assert sorted(t.start for t in app.store.annotations(SEED)) == [first.start, second.start]
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Accept, then next" in app.screen.query_one("#help-keys").render().plain


async def test_finding_suggestions_is_cleared_once_they_arrive(make_app, monkeypatch):
    """A newcomer's walk: '. ' before they came said 'finding suggestions … (a moment)', and
    it stayed there after the first was named on the right."""
    import threading

    from reader.app.suggesting import FINDING, Suggestions

    held = threading.Event()
    finding = Suggestions._suggest

    def slow(self, *args):
        held.wait(30)
        finding(self, *args)

    monkeypatch.setattr(Suggestions, "_suggest", slow)
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        app.open_article(SEED)
        await pilot.pause()
        await pilot.press("full_stop")
        await pilot.pause()
        assert app.query_one("#message").content.plain == FINDING
        held.set()
        await until(pilot, lambda: app.view.suggestions)
        await pilot.pause()
        count = len(app.view.suggestions)
        assert app.query_one("#message").content.plain == f"{count} suggestions here (. goes to the next)"
