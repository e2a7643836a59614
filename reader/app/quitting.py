"""q: quit; while changes are not on disk, ask first what to do with them: keep trying,
write every tag to a file on another disk, or quit and lose them (the command line then
says how many)."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from annotations.store import trouble
from annotations.text import plural

from ..screens.prompt import PromptScreen
from ..screens.unsaved import LOSE, WRITE, UnsavedScreen
from .base import STILL_TRYING
from .open_article import OpenArticle


class Quitting(OpenArticle):
    async def action_quit(self) -> None:
        self.remember_position()
        if self._not_saved:  # one more try now: the disk may have room again
            with contextlib.suppress(OSError):
                self.store.flush()
        unsaved = self.store.unsaved if self._not_saved else 0  # else close() writes what is on its way
        if not unsaved:
            self.exit()
            return
        question = (
            f"{plural(unsaved, 'change')} NOT saved: {self._not_saved}. "
            "Keep trying (free some space), write every tag to a file on another disk, or quit and lose them?"
        )
        self.push_screen(UnsavedScreen(question), self._unsaved_choice)

    def _unsaved_choice(self, choice: str | None) -> None:
        if choice == LOSE:
            self.exit()  # the command line says what was lost
        elif choice == WRITE:
            where = str(Path.home() / f"reader-unsaved-{datetime.now():%Y%m%d-%H%M%S}.jsonl")
            self.push_screen(PromptScreen("Write every tag to (a file on another disk):", where), self._write_copy)
        else:
            self.store.request_save()
            self.say(STILL_TRYING)

    def _write_copy(self, path: str | None) -> None:
        if not path:
            self.call_later(self.action_quit)
            return
        try:
            written = self.store.write_copy(Path(path).expanduser())
        except OSError as error:
            self.say(f"could not write {path}: {trouble(error)}; choose another place")
            self.call_later(self.action_quit)
            return
        self.wrote_copy = f"{plural(written, 'tag')} written to {path}; bring them back with: reader import {path}"
        self.exit()
