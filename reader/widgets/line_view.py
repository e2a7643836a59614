"""The base of the three scrolling panes (text, article list, annotations panel).

Each is drawn one screen line at a time (Textual's Line API: render_line), which is
what keeps a 10 MB article or 10,000 rows quick. What they share lives here: their
styles read once from CSS (cursor, selection, match...: component classes, so the
palette's theme switch recolours every pane), scrolling a row into view, and where a
mouse event falls inside the content (a border is not content).
"""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.geometry import Offset

from ..textual_compat import SizeHeardView, SteadyBarView


class LineView(SizeHeardView, SteadyBarView, can_focus=True):
    """A ScrollView drawn with render_line, with cached base and component styles."""

    # Textual's own text selection (a double-click selects all) is for widgets that
    # render text it can read back; these panes select, and click, for themselves.
    ALLOW_SELECT = False

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._base_style: Style | None = None
        self._component_rich: dict[str, Style] = {}

    @property
    def base_style(self) -> Style:
        """The widget's own style (rich_style recomputes it from CSS at every call)."""
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def component_style(self, name: str) -> Style:
        """What a component class sets (colour, background, text style) and nothing else, so
        it can be laid over a label's colours; read from CSS once per style change."""
        style = self._component_rich.get(name)
        if style is None:
            styles = self.get_component_styles(name)
            full = styles.rich_style  # a background with alpha comes blended over the widget's
            style = Style(
                color=full.color if styles.has_rule("color") else None,
                bgcolor=full.bgcolor if styles.has_rule("background") else None,
            ) + (styles.text_style if styles.has_rule("text_style") else Style())
            self._component_rich[name] = style
        return style

    def notify_style_update(self) -> None:
        self._base_style = None
        self._component_rich.clear()
        self.clear_caches()
        super().notify_style_update()

    def clear_caches(self) -> None:
        """Drop what was drawn with the old styles (subclasses keep drawn lines)."""

    def mouse_offset(self, event: events.MouseEvent) -> Offset:
        """Where a mouse event falls in the content: (0, 0) is the first visible cell
        inside the border, whatever the scroll position."""
        return event.get_content_offset_capture(self)

    def scroll_row_into_view(self, row: int, height: int) -> bool:
        """Scroll the least that puts row among the height lines shown; True if it
        scrolled (then the whole view is redrawn, and a caller need not redraw rows).
        Forced: until the first layout after a new scroll range, Textual thinks a view
        without a scrollbar yet cannot scroll (a G typed while the article opens)."""
        top = round(self.scroll_offset.y)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True, force=True)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False, immediate=True, force=True)
        return round(self.scroll_offset.y) != top
