"""Editing an article's tags: every decision behind a key (session.py), undo and redo
(history.py), the tags of an article by offset (spans.py), tags placed again in a
changed text (anchoring.py)."""

__all__ = ["anchoring", "history", "session", "spans"]
