"""The one module that touches Textual's private names.

Each use says why no public API does the job. All were checked against Textual 8.2
(pyproject pins textual to 8.2.x for that reason): when the pin moves, read each again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from math import ceil
from typing import IO, Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.driver import Driver
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget


def live_bindings(node: DOMNode, keymap: Mapping[str, str] | None = None) -> list[Binding]:
    """Every key node answers to, one Binding a key, as the screen's binding chain sees
    it: keymap applied, Textual's own keys and those add_bindings gave it too. Reads
    node._bindings (8.2): no public API lists an instance's bindings."""
    live = node._bindings.copy()
    if keymap:
        live.apply_keymap(dict(keymap))
    return [binding for bindings in live.key_to_bindings.values() for binding in bindings]


def bindings_of(node: DOMNode, keymap: Mapping[str, str]) -> list[Binding]:
    """live_bindings, one Binding per action with all its keys ("j,down"): what the help
    lists, so it cannot leave out a key that works."""
    merged: dict[tuple[str, str], Binding] = {}
    for binding in live_bindings(node, keymap):
        said = binding.description or binding.action.rpartition(".")[2].replace("_", " ").capitalize()
        action = binding.action.partition("(")[0]  # the digits no label uses: one line
        before = merged.get((action, said))
        keys = f"{before.key},{binding.key}" if before else binding.key
        merged[action, said] = replace(binding, key=keys, description=said)
    return list(merged.values())


def add_bindings(node: DOMNode, bindings: list[Binding], replacing: frozenset[str] = frozenset()) -> None:
    """Bind more keys on one instance (label keys come from the user's config, so a
    class-level BINDINGS cannot hold them), first unbinding those whose ids are in
    replacing. Textual 8.2 has no public per-instance binding API; each node has its own
    BindingsMap in _bindings, copied here so that other instances keep theirs."""
    node._bindings = node._bindings.copy()
    for key, bound in list(node._bindings.key_to_bindings.items()):
        node._bindings.key_to_bindings[key] = [b for b in bound if b.id not in replacing]
    for binding in Binding.make_bindings(bindings):
        node._bindings.key_to_bindings.setdefault(binding.key, []).append(binding)


def key_of(character: str) -> str:
    """The key name Textual gives a typed character ("/" is "slash"), to show bindings
    as typed. textual.keys._character_to_key, 8.2: the public key_to_character goes the
    other way and does not know every name ("slash" gives None)."""
    from textual.keys import _character_to_key

    return _character_to_key(character)


def forward_key(widget: Widget, key: events.Key) -> None:
    """Send a key to widget as App.on_event sends a key to the focused widget: marked
    forwarded, so it is dispatched to bindings (Widget._forward_event, 8.2)."""
    widget._forward_event(key)


def set_virtual_size_quietly(view: ScrollView, size: Size) -> None:
    """Change the scroll range without the screen-wide layout that assigning
    virtual_size starts (half of what a filter keystroke cost over 10,000 rows). Only
    valid while the scrollbar neither appears nor disappears; the thumb is moved by
    hand. set_reactive is public, but on virtual_size it skips a watcher Textual 8.2
    relies on, so it is kept here with the other uses that may break on an upgrade."""
    view.set_reactive(ScrollView.virtual_size, size)
    view.vertical_scrollbar.window_virtual_size = size.height


class SizeHeardView(ScrollView):
    """A scroll view told its size as the layout gives it one, in size_given(), before
    the frame is drawn. Textual 8.2's Screen._refresh_layout calls Widget._size_updated,
    posts the Resize event and then draws: a view that lays its content out on Resize
    shows it empty for a frame (an article opened at start did, 0.1 s of every start)."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        self.size_given()
        return changed

    def size_given(self) -> None:
        """The view has its size now (and may have had it before)."""


class SteadyScrollBar(ScrollBar):
    """A scrollbar redrawn only when it would look different. Its position is the view's
    scroll offset in rows: over a long article every scroll moved it, and Textual drew the
    bar again (2-3 ms of a keystroke's 13) though the thumb had not moved a cell."""

    _drawn: tuple[object, ...] | None = None

    def _look(self) -> tuple[object, ...]:
        """What the drawn bar depends on: the thumb's ends in eighths of a cell, as
        ScrollBarRender.render_bar (8.2) places them, its size and its colours."""
        virtual = ceil(self.window_virtual_size)
        window = ceil(self.window_size) if self.window_size < self.window_virtual_size else 0
        size = self.size.height if self.vertical else self.size.width
        thumb = None
        if window and size and virtual and size != virtual:
            thumb_size = max(1, window / (virtual / size))
            start = int((size - thumb_size) * (self.position / (virtual - window)) * 8)
            thumb = (start, start + ceil(thumb_size * 8))
        styles = self.parent.styles if self.parent is not None else None
        colours = (
            (
                styles.scrollbar_color,
                styles.scrollbar_background,
                styles.scrollbar_color_hover,
                styles.scrollbar_background_hover,
                styles.scrollbar_color_active,
                styles.scrollbar_background_active,
            )
            if styles is not None
            else ()
        )
        return (self.size, thumb, self.grabbed, self.mouse_over, self.thickness, colours)

    def render(self) -> Any:
        self._drawn = self._look()
        return super().render()

    def refresh(self, *regions: Any, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Any:
        if not (regions or layout or recompose) and self._drawn is not None and self._look() == self._drawn:
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class SteadyBarView(ScrollView):
    """A scroll view whose vertical scrollbar is a SteadyScrollBar. Textual 8.2 creates it
    in the vertical_scrollbar property (into _vertical_scrollbar, started with
    App._start_widget) and has no hook for the class; this is that property's body."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:
            bar = SteadyScrollBar(vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar


def composed_lines(screen: Screen) -> list[Strip]:
    """Each line of the screen as the terminal shows it now, lines that were not redrawn
    included (what App.export_screenshot composes, as strips instead of SVG). For the
    tests that check a partial redraw left nothing stale; Screen._compositor, 8.2."""
    update = screen._compositor.render_update(full=True)
    return [Strip.join(list(chops)) for chops in update.strips]  # type: ignore[union-attr]


def first_error(app: App[object]) -> BaseException | None:
    """The first unexpected error that ended the app, to name it in one line. Textual
    8.2 keeps it in App._exception and prints every error to error_console, the last line
    of which may be a count ("1 of 2 errors shown") rather than the error."""
    return app._exception


class _TerminalFile:
    """The terminal's output, whose writes fail quietly once the terminal is gone."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.gone = False

    def write(self, text: str) -> int:
        if not self.gone:
            try:
                return self._file.write(text)
            except OSError:  # EIO: the terminal (a tmux server, an ssh session) went away
                self.gone = True
        return len(text)

    def flush(self) -> None:
        if not self.gone:
            try:
                self._file.flush()
            except OSError:
                self.gone = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def surviving_lost_terminal(driver_class: type[Driver]) -> type[Driver]:
    """The Linux driver, made to end the app when its terminal goes away. Textual 8.2's
    WriterThread dies on the first failed write; its queue of 30 then fills and the next
    write, or stop() at exit, blocks forever: a reader whose terminal closed just after
    its first screen lived on. The driver's output file is LinuxDriver._file (8.2)."""
    try:
        from textual.drivers.linux_driver import LinuxDriver
    except ImportError:  # no termios: not this driver
        return driver_class
    if not issubclass(driver_class, LinuxDriver):
        return driver_class

    class SurvivingDriver(driver_class):  # type: ignore[valid-type,misc]
        _file: Any

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._file = _TerminalFile(self._file)

    return SurvivingDriver
