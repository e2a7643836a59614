"""The core of reader: articles, annotations, anchoring, storage and formats.

Nothing in this package imports Textual; the UI in ``reader/`` builds on it.
"""
