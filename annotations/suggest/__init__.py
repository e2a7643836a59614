"""Offline suggestions: places from the GeoNames gazetteer (gazetteer.py, places.py),
quotes and their speakers (quotes.py), figures and their values (figures.py), word lists
(english.py), the engine that runs them and learns from tags (suggestions.py), what a
tag made by hand carries (filling.py), what E offers (choices.py), a large article's
suggestions in a process of its own (apart.py), the world map (worldmap.py)."""

__all__ = [
    "apart",
    "choices",
    "english",
    "figures",
    "filling",
    "gazetteer",
    "places",
    "quotes",
    "suggestions",
    "worldmap",
]
