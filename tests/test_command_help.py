"""Every command's --help says what it does and what every option and argument is for."""

from __future__ import annotations

import argparse

import pytest

from reader import cli, commands


class Built(Exception):
    """Raised instead of parsing, carrying the parser the command built."""

    def __init__(self, parser: argparse.ArgumentParser) -> None:
        super().__init__(parser.prog)
        self.parser = parser


def parser_of(run, monkeypatch) -> argparse.ArgumentParser:
    def caught(parser, *args, **kwargs):
        raise Built(parser)

    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", caught)
    with pytest.raises(Built) as built:
        run([])
    return built.value.parser


RUNS = {"reader": cli.run_app, **{f"reader {name}": commands.runner(name) for name in cli.COMMANDS}}


@pytest.mark.parametrize("prog", sorted(RUNS))
def test_every_command_and_option_says_what_it_is_for(prog, monkeypatch):
    parser = parser_of(RUNS[prog], monkeypatch)
    assert parser.prog == prog and parser.description
    silent = [", ".join(action.option_strings) or action.dest for action in parser._actions if not action.help]
    assert silent == [], f"{prog}: no help for {silent}"


def test_export_names_every_format_it_writes(monkeypatch):
    parser = parser_of(commands.run_export, monkeypatch)
    assert all(name in parser.description for name in ("JSONL", "doccano", "spaCy", "W3C", "brat"))
