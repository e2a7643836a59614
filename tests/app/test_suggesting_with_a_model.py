"""reader --ner MODEL: the app's suggestions with a model's entities, found in a process
that holds the model (the keys never wait for it). The model is a blank English
pipeline with an entity ruler, built here: no test downloads a model."""

from __future__ import annotations

import importlib.util

import pytest

from reader.app.suggesting import Suggestions
from reader.cli import main
from tests.app.waiting import started, until
from tests.conftest import SEED

# What a model not installed is told: spaCy first (the ner extra), then the model.
HOW_TO_INSTALL = (
    "'en_no_such_model' is not installed: pip install it"
    if importlib.util.find_spec("spacy")
    else "--ner needs spaCy: in reader's folder, .venv/bin/pip install '.[ner]'"
)


@pytest.fixture
def model(tmp_path, monkeypatch):
    spacy = pytest.importorskip("spacy")  # the ner extra (the test extra has it)
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "FAC", "pattern": "Rudaw"}])
    nlp.to_disk(tmp_path / "tiny-model")
    monkeypatch.setattr(Suggestions, "model", str(tmp_path / "tiny-model"))  # as reader --ner sets it


async def test_the_models_place_is_suggested_beside_the_rules(make_app, model):
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        app.open_article(SEED)
        await until(pilot, lambda: app.view.suggestions)
        texts = {(s.label, s.text) for s in app.view.suggestions}
        assert ("place", "Rudaw") in texts and ("place", "Baghdad") in texts
        rudaw = next(s for s in app.view.suggestions if s.text == "Rudaw")
        assert rudaw.attrs == {}  # a place the gazetteer does not know: no id
        await pilot.press("full_stop")
        await pilot.pause()
        assert "y accept" in app.query_one("#message").content.plain


async def test_a_model_that_cannot_be_loaded_is_said_once_and_the_rules_go_on(make_app, tmp_path, monkeypatch):
    pytest.importorskip("spacy")
    (tmp_path / "not-a-model").mkdir()
    monkeypatch.setattr(Suggestions, "model", str(tmp_path / "not-a-model"))
    from annotations.suggest import batch

    monkeypatch.setattr(batch, "_loaded", {})  # what reader suggest's tests left in this process
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await started(pilot)
        app.open_article(SEED)
        await until(pilot, lambda: app.view.suggestions)
        assert ("place", "Baghdad") in {(s.label, s.text) for s in app.view.suggestions}
        message = app.query_one("#message")
        await until(pilot, lambda: "suggesting with the rules alone" in message.content.plain)
        assert "not-a-model' cannot be loaded" in message.content.plain
        assert Suggestions.model == ""
        assert app.suggestions._gazetteer is not None and not batch._loaded  # one gazetteer in the app, not two


def test_reader_ner_with_a_model_not_installed_says_how_to_install_it_before_the_screen(capsys):
    assert main(["--ner", "en_no_such_model"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and HOW_TO_INSTALL in err
