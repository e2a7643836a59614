"""Labels from the user's config file; where the database lives."""

from __future__ import annotations

import pytest

from reader.config import ConfigError, database_path, load_labels


def test_default_labels_without_a_file(tmp_path):
    labels = load_labels(tmp_path / "none.toml")
    assert [(label.name, label.key) for label in labels.labels] == [("quote", "1"), ("figure", "2"), ("place", "3")]


def test_labels_from_config_add_to_the_defaults(tmp_path):
    path = tmp_path / "labels.toml"
    path.write_text(
        '[[label]]\nname = "person"\nkey = "4"\ncolour = "#aa3377"\n'
        '[[label]]\nname = "claim"\nkey = "9"\ncolour = "red"\n'
        '[[label]]\nname = "place"\ncolour = "#225522"\n'
    )
    labels = load_labels(path)
    assert labels.names == ["quote", "figure", "place", "person", "claim"]
    assert labels.by_key("9").name == "claim" and labels.by_name("person").colour == "#aa3377"
    assert labels.by_key("3").colour == "#225522"  # a default label's colour changed, its key kept


def test_labels_from_config_can_replace_the_defaults(tmp_path):
    path = tmp_path / "labels.toml"
    path.write_text('replace = true\n[[label]]\nname = "person"\nkey = "1"\n')
    labels = load_labels(path)
    assert labels.names == ["person"] and labels.by_key("1").name == "person"


def test_the_documented_example_keeps_quote_figure_and_place(tmp_path):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "docs" / "files.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in readme.split("```toml\n")[1:]]
    example = next(block for block in blocks if "[[label]]" in block)
    path = tmp_path / "labels.toml"
    path.write_text(example, encoding="utf-8")
    labels = load_labels(path)
    assert labels.names[:3] == ["quote", "figure", "place"] and len(labels.names) > 3


@pytest.mark.parametrize(
    "content, words",
    [
        ("not toml [[[", "cannot read"),
        ('[[label]]\nname = "a"\nkey = "0"\n', "key from 1 to 9"),
        ('[[label]]\nname = "a"\nkey = "1"\ncolour = "nocolour"\n', "unknown colour"),
        ('[[label]]\nname = "a"\nkey = "1"\n', ":1: labels 'quote' and 'a' share the key 1 (quote is a default label)"),
        (
            'replace = true\n\n[[label]]\nname = "claim"\nkey = "4"\n\n[[label]]\nname = "source"\nkey = "4"\n',
            ":7: labels 'claim' and 'source' share the key 4",
        ),
        ('[[label]]\nname = "a\\u001b[31m"\nkey = "5"\n', "printable"),
    ],
)
def test_bad_config_is_one_clear_error(tmp_path, content, words):
    path = tmp_path / "labels.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as error:
        load_labels(path)
    assert str(path) in str(error.value) and words in str(error.value)


def test_database_path_order(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DB", str(tmp_path / "env.json"))
    assert database_path(str(tmp_path / "flag.json")) == tmp_path / "flag.json"
    assert database_path(None) == tmp_path / "env.json"
    monkeypatch.delenv("READER_DB")
    assert database_path(None).name == "annotations.json" and "reader" in str(database_path(None))


def test_keymap_remaps_by_binding_id_and_refuses_clashes_and_unknown_ids(tmp_path):
    from annotations.model import DEFAULT_LABELS
    from reader.config import load_keymap
    from reader.keys import panes_for

    panes = panes_for(DEFAULT_LABELS)
    path = tmp_path / "keys.toml"
    assert load_keymap(panes, path) == {}
    path.write_text('undo = "z"\n"tag-quote" = "1,Q"\n')
    assert load_keymap(panes, path) == {"undo": "z", "tag-quote": "1,Q"}
    shown = panes_for(DEFAULT_LABELS, {"undo": "z"})
    assert [b.key for b in shown["Text"] if b.id == "undo"] == ["z"]
    for content, words in [
        ('undoo = "z"\n', "no binding has the id 'undoo'"),
        ('undo = "d"\n', "delete and undo would both be 'd' in text"),
        ('undo = "q"\n', "quit and undo would both be 'q' in text"),
        ("undo = 3\n", "needs its keys as a string"),
    ]:
        path.write_text(content)
        with pytest.raises(ConfigError) as error:
            load_keymap(panes, path)
        assert str(path) in str(error.value) and words in str(error.value), str(error.value)
