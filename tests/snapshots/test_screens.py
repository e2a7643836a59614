"""What a user sees, as snapshots (pytest-textual-snapshot): the list and the text with
overlapping tags, the panel, help, the export dialog, and small terminals. Each SVG in
__snapshots__ was looked at before it was committed; `pytest --snapshot-update`
rewrites them after a change meant to alter the screen (look at them again)."""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime

import pytest

from annotations.corpus import find_articles
from annotations.model import DEFAULT_LABELS, new_annotation
from annotations.store import AnnotationStore
from reader.app import ReaderApp
from reader.config import seeds_dir
from tests.app.waiting import started
from tests.conftest import SEED


@pytest.fixture
def tagged_app(db_path, tmp_path, monkeypatch):
    """The seeds (dated 2026-11-22 by their files' times), with a quote over a passage
    and a place inside it (overlapping), and a figure."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("READER_EXPORTS", "/exports")  # the export dialog shows its default path whole
    folder = tmp_path / "seeds"
    shutil.copytree(seeds_dir(), folder)
    moment = datetime(2026, 11, 22, 12, 0, tzinfo=UTC).timestamp()
    for path in folder.iterdir():
        os.utime(path, (moment, moment))
    corpus = find_articles([folder])
    article = corpus.get(SEED).load()
    store = AnnotationStore(db_path)
    quote = article.text.index("“We have operation")
    store.add(new_annotation(article, "quote", quote, article.text.index("Anbar") + 5))
    baghdad = article.text.index("Baghdad")
    store.add(new_annotation(article, "place", baghdad, baghdad + len("Baghdad")))
    store.add(new_annotation(article, "figure", 0, 5))
    store.save()
    store.close()
    app = ReaderApp(corpus, AnnotationStore(db_path, load=False), DEFAULT_LABELS, annotator="tester")
    yield app
    app.store.close()


async def settle(pilot) -> None:
    await started(pilot)
    await pilot.pause()


def opened(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        baghdad = pilot.app.view.text.index("Baghdad")
        pilot.app.view.move_to(baghdad + 2)
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_list_and_text_with_overlapping_tags(snap_compare, tagged_app):
    assert snap_compare(tagged_app, terminal_size=(120, 40), run_before=opened())


def test_panel_of_the_article_tags(snap_compare, tagged_app):
    assert snap_compare(tagged_app, terminal_size=(120, 40), run_before=opened("a"))


def test_help_screen(snap_compare, tagged_app):
    assert snap_compare(tagged_app, terminal_size=(120, 40), run_before=opened("question_mark"))


def test_export_dialog(snap_compare, tagged_app):
    assert snap_compare(tagged_app, terminal_size=(120, 40), run_before=opened("x"))


def test_80_by_24(snap_compare, tagged_app):
    assert snap_compare(tagged_app, terminal_size=(80, 24), run_before=opened("v", "e"))


def test_60_by_20_export_dialog_fits(snap_compare, tagged_app):
    assert snap_compare(tagged_app, terminal_size=(60, 20), run_before=opened("x"))


def test_stats_screen_maps_the_seeds_places(snap_compare, tagged_app):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        article = pilot.app.session.article
        for name, attrs in (
            ("Erbil", {"geonameid": 95446, "name": "Erbil", "country": "IQ", "lat": 36.19, "lon": 44.01}),
            ("Kirkuk", {"geonameid": 94787, "name": "Kirkuk", "country": "IQ", "lat": 35.47, "lon": 44.39}),
            ("Syria", {"geonameid": 163843, "name": "Syria", "country": "SY", "lat": 35.0, "lon": 38.0}),
        ):
            at = article.text.index(name)
            pilot.app.store.add(new_annotation(article, "place", at, at + len(name), attrs=attrs))
        await pilot.press("T")
        await settle(pilot)

    assert snap_compare(tagged_app, terminal_size=(120, 45), run_before=run_before)
