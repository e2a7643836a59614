"""What a person chose in the app and expects to find again next time: the reading
width (W), the list's order (o), the theme (the palette's switch). Kept as JSON in
settings.json beside labels.toml ($READER_SETTINGS elsewhere). Not data: a file that
cannot be read gives the defaults, and the app says so in one line."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from platformdirs import user_config_path
from textual.message import Message

from annotations.atomic import write_atomically

from .config import APP_NAME


@dataclass
class Settings:
    reading_width: bool = False
    order: str = "found"
    theme: str = ""  # Textual's default


class SettingChanged(Message):
    """A widget changed one of the Settings; the app keeps it."""

    def __init__(self, name: str, value: object) -> None:
        super().__init__()
        self.name = name
        self.value = value


def settings_path() -> Path:
    chosen = os.environ.get("READER_SETTINGS")
    return Path(chosen).expanduser() if chosen else user_config_path(APP_NAME) / "settings.json"


def load_settings(path: Path) -> tuple[Settings, str]:
    """The settings in path (defaults without the file), and what was wrong with it if anything."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings(), ""
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return Settings(), f"{path}: cannot read the settings ({error}); using the defaults"
    if not isinstance(data, dict):
        return Settings(), f"{path}: the settings are not a JSON object; using the defaults"
    defaults = Settings()
    kept = {
        f.name: data[f.name] for f in fields(Settings) if isinstance(data.get(f.name), type(getattr(defaults, f.name)))
    }
    return Settings(**kept), ""


def save_settings(path: Path, settings: Settings) -> str:
    """Write settings (never half a file); "" or what failed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, (json.dumps(asdict(settings), indent=1) + "\n").encode("utf-8"))
    except OSError as error:
        return f"{path}: cannot save the settings ({error.strerror or error})"
    return ""
