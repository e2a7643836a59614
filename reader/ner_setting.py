"""Which named-entity model suggestions use, if any: `--ner MODEL`, else $READER_NER, else
`ner = "MODEL"` at the top of labels.toml (the user's config file), else none (the
rules alone). A model that is not installed stops the command with one line saying how
to install it, before anything starts."""

from __future__ import annotations

import os

from .command_setup import Failure
from .config import ConfigError, labels_path


def chosen(given: str | None) -> str:
    """The model's name or folder, "" for none; checked to be installed."""
    name = given if given is not None else os.environ.get("READER_NER") or _configured()
    if name:
        from annotations.suggest.ner import ModelMissing, check  # only with a model: the app starts without it

        try:
            check(name)
        except ModelMissing as error:
            raise Failure(str(error)) from None
    return name


def _configured() -> str:
    path = labels_path()
    if not path.exists():
        return ""
    import tomllib

    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("ner", "")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the config ({error})") from None
    if not isinstance(value, str):
        raise ConfigError(f'{path}: ner must be a model\'s name, like ner = "en_core_web_sm"')
    return value
