"""Where things live (database, config, seeds) and the user's label set."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_cache_path, user_config_path, user_data_path, user_documents_path

from annotations.model import DEFAULT_LABELS, Label, LabelSet

if TYPE_CHECKING:
    from textual.binding import Binding

APP_NAME = "reader"
# For labels that name no colour: dark enough for white text at 4.5:1 or more (WCAG AA).
_SPARE_COLOURS = ("#8e3b76", "#2f6b7a", "#7a4a1f", "#5b4b8a", "#6b6b2f", "#a0303a")


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


def cache_folder() -> Path:
    """$READER_CACHE, else the user cache directory: the gazetteer's index lives here."""
    chosen = os.environ.get("READER_CACHE")
    return Path(chosen).expanduser() if chosen else user_cache_path(APP_NAME)


def exports_folder() -> Path:
    """$READER_EXPORTS, else reader/ in the user's documents folder (~/Documents/reader):
    where the export dialog writes unless told otherwise, never the folder reader was
    started in (a clone of reader, often)."""
    chosen = os.environ.get("READER_EXPORTS")
    return Path(chosen).expanduser() if chosen else user_documents_path() / APP_NAME


def labels_path() -> Path:
    chosen = os.environ.get("READER_LABELS")
    return Path(chosen).expanduser() if chosen else user_config_path(APP_NAME) / "labels.toml"


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def load_labels(path: Path | None = None) -> LabelSet:
    """quote, figure and place, with the labels of labels.toml added.

    labels.toml holds [[label]] tables with name, key (1 to 9) and colour. A table that
    names a default label changes its key or colour; `replace = true` at the top of the
    file keeps only the file's labels.
    """
    path = path or labels_path()
    if not path.exists():
        return DEFAULT_LABELS
    import tomllib  # only with a labels.toml, as is rich.color below

    from rich.color import Color, ColorParseError

    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the label config ({error})") from None
    entries = data.get("label")
    if entries is None and "ner" in data:
        return DEFAULT_LABELS  # a file that only names the model (reader/ner_setting.py)
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries):
        raise ConfigError(f"{path}: expected [[label]] tables with name, key and colour")
    replace = data.get("replace", False)
    if not isinstance(replace, bool):
        raise ConfigError(f"{path}: replace must be true or false")
    labels = [] if replace else list(DEFAULT_LABELS.labels)
    tables: dict[str, int] = {}  # a label's name: the number of the [[label]] table that made it
    for number, entry in enumerate(entries, 1):
        name, key, colour = (str(entry.get(field, "")).strip() for field in ("name", "key", "colour"))
        default = next((label for label in labels if label.name == name), None)
        key = key or (default.key if default else "")
        if not name or key not in "123456789" or len(key) != 1:
            raise ConfigError(f"{path}: label {number} needs a name and a key from 1 to 9")
        if not name.isprintable() or len(name) > 30:
            raise ConfigError(f"{path}: label {number} needs a name of at most 30 printable characters")
        colour = colour or (default.colour if default else _SPARE_COLOURS[number % len(_SPARE_COLOURS)])
        try:
            Color.parse(colour)
        except ColorParseError:
            raise ConfigError(f"{path}: label {name!r} has an unknown colour {colour!r}") from None
        if default is not None:
            labels[labels.index(default)] = Label(name, key, colour)
        else:
            labels.append(Label(name, key, colour))
        tables[name] = number
    _check_keys(path, text, labels, tables)
    return LabelSet(tuple(labels))


def _check_keys(path: Path, text: str, labels: list[Label], tables: dict[str, int]) -> None:
    """A key two labels share is a ConfigError naming the key, both labels and the line of
    the later one's [[label]] table (tables: a label's name to its table's number)."""
    headers = [n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith("[[label]]")]
    owner: dict[str, Label] = {}
    for label in labels:
        other = owner.setdefault(label.key, label)
        if other is label:
            continue
        number = tables.get(label.name, 0)
        line = f":{headers[number - 1]}" if len(headers) >= number > 0 else ""
        default = f" ({other.name} is a default label)" if other.name not in tables else ""
        raise ConfigError(f"{path}{line}: labels {other.name!r} and {label.name!r} share the key {label.key}{default}")


def keys_path() -> Path:
    chosen = os.environ.get("READER_KEYS")
    return Path(chosen).expanduser() if chosen else user_config_path(APP_NAME) / "keys.toml"


def load_keymap(panes: dict[str, list[Binding]], path: Path | None = None) -> dict[str, str]:
    """Binding id to keys, from keys.toml (`undo = "z"`, `tag-quote = "1,q"`); empty
    without the file. An unknown id, or a key that two bindings of one pane would share,
    is a ConfigError that names the file, the ids and the key."""
    path = path or keys_path()
    if not path.exists():
        return {}
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the key config ({error})") from None
    known = {binding.id for bindings in panes.values() for binding in bindings if binding.id}
    for binding_id, keys in data.items():
        if binding_id not in known:
            raise ConfigError(f"{path}: no binding has the id {binding_id!r} (the help screen, ?, lists them)")
        if not isinstance(keys, str) or not keys.strip():
            raise ConfigError(f'{path}: {binding_id} needs its keys as a string, like "z" or "z,ctrl+z"')
    keymap = {binding_id: ",".join(key.strip() for key in keys.split(",")) for binding_id, keys in data.items()}
    everywhere = panes.get("Anywhere", [])
    for pane, bindings in panes.items():
        owner: dict[str, str] = {}
        for binding in bindings if pane == "Anywhere" else [*everywhere, *bindings]:
            for key in keymap.get(binding.id or "", binding.key).split(","):
                other = owner.setdefault(key.strip(), binding.id or binding.action)
                if other != (binding.id or binding.action):
                    raise ConfigError(
                        f"{path}: {other} and {binding.id} would both be {key.strip()!r} in {pane.lower()}"
                    )
    return keymap
