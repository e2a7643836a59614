"""A Line-API widget's own style, cached: Widget.rich_style recomputes it from CSS on
every call, which cost more than drawing the row itself."""

from __future__ import annotations

from rich.style import Style


class CachedBaseStyle:
    """Mix into a Widget; clear_caches() is where subclasses drop what depends on style."""

    _base_style: Style | None = None

    @property
    def base_style(self) -> Style:
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def notify_style_update(self) -> None:
        self._base_style = None
        self.clear_caches()
        super().notify_style_update()

    def clear_caches(self) -> None:
        """Drop anything drawn with the old style."""
