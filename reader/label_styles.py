"""How a label looks: its colour behind the text, and text that stays readable on it.

Label colours come from the user's labels.toml, so the text colour is chosen per label:
white or black, whichever contrasts more (WCAG 2 contrast; AA asks 4.5:1). With
NO_COLOR set, colours are not shown at all, so each label also gets a text style of
its own (underline, italic, bold ...) to tell them apart.
"""

from __future__ import annotations

import os

from rich.color import Color
from rich.style import Style

WHITE, BLACK = (255, 255, 255), (0, 0, 0)
_NO_COLOR_STYLES = (
    Style(underline=True),
    Style(italic=True, underline=True),
    Style(bold=True, underline=True),
    Style(reverse=True),
    Style(italic=True),
    Style(bold=True),
    Style(underline2=True),
    Style(overline=True),
    Style(strike=True),
)


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 to 21."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(colour: str) -> str:
    """#ffffff or #000000, whichever reads better on colour."""
    triplet = Color.parse(colour).get_truecolor()
    rgb = (triplet.red, triplet.green, triplet.blue)
    return "#ffffff" if contrast(rgb, WHITE) >= contrast(rgb, BLACK) else "#000000"


def label_style(colour: str, index: int) -> Style:
    """The style of text tagged with the label at index (in the configured order)."""
    if os.environ.get("NO_COLOR"):
        return _NO_COLOR_STYLES[index % len(_NO_COLOR_STYLES)]
    return Style(bgcolor=colour, color=readable_on(colour))


def suggestion_style(colour: str) -> Style:
    """A suggestion: underlined in the label's colour, no background, so a proposal never
    reads as a tag (rich has no underline colour of its own)."""
    return Style(underline=True, color=colour)
