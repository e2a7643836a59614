"""Keys typed faster than the app handles them keep their meaning when one moves the focus,
and esc followed quickly by a key is read as the two keys typed, not as alt+key.

Textual sends each key to the widget focused when the key arrives, and runs most
bindings only when the key comes back up from that widget. Type `/1984` in one burst
(a fast typist, a paste into the terminal, tmux send-keys) and all five keys are on
their way to the text pane before `/` has opened the search bar: `1` would tag the
selection as a quote. Here a key that comes back after the focus has moved on is sent
to the widget that has the focus now, as if it had been typed there.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.widget import Widget

from ..textual_compat import forward_key, key_of


class KeysFollowFocus(App):
    """Mixed into the app: on_event sees every key twice, arriving and coming back."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._sent_to: WeakKeyDictionary[events.Key, Widget | None] = WeakKeyDictionary()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if not event.is_forwarded and self._split_alt(event):
                return
            if not event.is_forwarded:  # just typed: Textual sends it to the focused widget
                self._sent_to[event] = self.focused
            elif self._send_on(event):
                return
        await super().on_event(event)

    def _split_alt(self, event: events.Key) -> bool:
        """Esc then a key within Textual's escape delay (100 ms) arrives as alt+key: in
        vim-style use that is `esc j`, typed quickly. reader binds no alt key, so such a
        key is taken apart again into the two keys that were typed."""
        if not event.key.startswith("alt+") or not event.character or not event.character.isprintable():
            return False
        character = event.character
        name = character if character.isalnum() else key_of(character)
        self.post_message(events.Key("escape", "\x1b"))
        self.post_message(events.Key(name, character))
        return True

    def _send_on(self, event: events.Key) -> bool:
        """Pass a key that was sent to a widget focused no longer to the one focused now."""
        sent_to, now = self._sent_to.pop(event, None), self.focused
        if sent_to is None or now is None or now is sent_to:
            return False
        again = events.Key(event.key, event.character)
        self._sent_to[again] = now
        forward_key(now, again)
        return True
