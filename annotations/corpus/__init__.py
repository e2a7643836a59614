"""The corpus: finding articles on disk (files, folders, web pages, JSON-lines corpora),
decoding them, their titles and dates, and searching them all.

finding.py finds them (the Corpus), entries.py is one file's article, html.py a web
page's readable text, jsonl.py a JSON-lines corpus's lines, search.py search over all.
"""

from .finding import Corpus, ReadOnce, find_articles, skipped_said

__all__ = ["Corpus", "ReadOnce", "find_articles", "skipped_said"]
