"""The search bar under the text (/): enter finds, esc closes."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class SearchBar(Input):
    BINDINGS = [Binding("escape", "app.close_bar", "Close search")]
