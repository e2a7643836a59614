"""Where things live (database, config, seeds) and the user's label set."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from annotations.model import DEFAULT_LABELS, Label, LabelSet

APP_NAME = "reader"


class ConfigError(Exception):
    """The label config is wrong; the message names the file and the problem."""


def seeds_dir() -> Path:
    """The bundled sample articles: inside the installed package, or beside it in a checkout."""
    packaged = Path(__file__).parent / "seeds"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "seeds"


def database_path(given: str | None) -> Path:
    """--db, else $READER_DB, else the user data directory."""
    chosen = given or os.environ.get("READER_DB")
    return Path(chosen).expanduser() if chosen else user_data_path(APP_NAME) / "annotations.json"


def labels_path() -> Path:
    chosen = os.environ.get("READER_LABELS")
    return Path(chosen).expanduser() if chosen else user_config_path(APP_NAME) / "labels.toml"


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def load_labels(path: Path | None = None) -> LabelSet:
    """The labels of labels.toml, or quote/figure/place when there is no such file.

    labels.toml holds [[label]] tables with name, key (1 to 9) and colour.
    """
    path = path or labels_path()
    if not path.exists():
        return DEFAULT_LABELS
    import tomllib  # only with a labels.toml, as is rich.color below

    from rich.color import Color, ColorParseError

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the label config ({error})") from None
    entries = data.get("label")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: expected [[label]] tables with name, key and colour")
    labels = []
    for number, entry in enumerate(entries, 1):
        name, key, colour = (str(entry.get(field, "")).strip() for field in ("name", "key", "colour"))
        if not name or key not in "123456789" or len(key) != 1:
            raise ConfigError(f"{path}: label {number} needs a name and a key from 1 to 9")
        try:
            Color.parse(colour or "grey50")
        except ColorParseError:
            raise ConfigError(f"{path}: label {name!r} has an unknown colour {colour!r}") from None
        labels.append(Label(name, key, colour or "grey50"))
    for field in ("name", "key"):
        values = [getattr(label, field) for label in labels]
        if len(set(values)) != len(values):
            raise ConfigError(f"{path}: two labels share a {field}")
    return LabelSet(tuple(labels))
