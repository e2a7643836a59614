"""Offline suggestions: places from the GeoNames gazetteer (gazetteer.py, places.py),
quotes and their speakers (quotes.py), figures and their values (figures.py, its words
in figure_words.py, read in each article's number convention: numerals.py and
figure_reading.py), word lists (word_lists.py), the engine that runs them and learns from tags (suggestions.py), what
a tag made by hand carries (fill_in.py), what E offers (attribute_choices.py), a large
article's suggestions in a process of its own (large_article.py), the world map
(worldmap.py); an optional spaCy model's entities (ner.py, held for the app in a
process of its own by model_process.py); the pipes both processes are spoken to over
(pipe_protocol.py); a whole corpus in partitions, in processes or on Dask (batch.py,
on_dask.py)."""

__all__ = [
    "attribute_choices",
    "batch",
    "figure_reading",
    "figure_words",
    "figures",
    "fill_in",
    "gazetteer",
    "large_article",
    "model_process",
    "ner",
    "numerals",
    "on_dask",
    "pipe_protocol",
    "places",
    "quotes",
    "suggestions",
    "word_lists",
    "worldmap",
]
