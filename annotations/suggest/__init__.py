"""Offline suggestions: places from the GeoNames gazetteer (gazetteer.py, places.py),
quotes and their speakers (quotes.py), figures and their values (figures.py), word lists
(word_lists.py), the engine that runs them and learns from tags (suggestions.py), what
a tag made by hand carries (fill_in.py), what E offers (attribute_choices.py), a large
article's suggestions in a process of its own (child_process.py), the world map
(worldmap.py)."""

__all__ = [
    "attribute_choices",
    "child_process",
    "figures",
    "fill_in",
    "gazetteer",
    "places",
    "quotes",
    "suggestions",
    "word_lists",
    "worldmap",
]
