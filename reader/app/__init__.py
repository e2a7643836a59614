"""The app, in layers of one job each, every class extending the one before:
base.py (the store, the session, the panes, the status line, the saver's word, an
outcome shown), open_article.py (an article opened where it was left; a large one read,
and its tags placed, in threads; D and >), loading.py (the database, the rest of the
corpus, titles and dates, read in threads once the first screen is up),
tag_questions.py (E and n), quitting.py (q while changes are not saved), and
reader_app.py (ReaderApp: composes the screen, routes keys and messages to the layers).
Beside them: suggesting.py (the app's side of suggestions), shutdown.py (how the app
ends), type_ahead.py (keys follow the focus), later_imports.py (what is imported once
the app is up)."""

from .reader_app import ReaderApp

__all__ = ["ReaderApp"]
