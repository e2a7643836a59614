"""An optional named-entity model (spaCy, the `ner` extra) beside the rules: its GPE, LOC
and FAC spans are places, resolved to GeoNames ids by the gazetteer; its PERSON spans
correct a quote's speaker; a rules' place that the model calls a person or an
organisation is dropped. spaCy is imported only when a model is asked for.

Only the components that find entities run (the tagger, parser and lemmatizer are
switched off), over many texts at once (nlp.pipe), in pieces of at most PIECE
characters (a model refuses a text over a million; its memory grows with the length).
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NamedTuple

from .gazetteer import Gazetteer
from .place_choice import NEVER, Found, best, minor_town
from .places import lookup
from .quotes import Quote
from .word_lists import COMMON_WORDS

PLACES = frozenset({"GPE", "LOC", "FAC"})
PERSON = "PERSON"
NOT_PLACES = frozenset({"PERSON", "ORG", "NORP"})  # what a rules' place may not be, if the model says so
PIECE = 100_000  # characters of an article given to the model at once, cut at a line's end
BATCH = 64  # pieces a call of nlp.pipe batches
INSTALL = "in reader's folder, .venv/bin/pip install '.[ner]'"


class Entity(NamedTuple):
    label: str
    start: int
    end: int


Entities = list[Entity]


class ModelMissing(Exception):
    """The model (or spaCy itself) is not installed: the message says how to install it."""


def check(name: str) -> None:
    """ModelMissing unless spaCy and the model named are installed (without loading them)."""
    if importlib.util.find_spec("spacy") is None:
        raise ModelMissing(f"--ner needs spaCy: {INSTALL}, then the model ({name})")
    if not Path(name).is_dir() and importlib.util.find_spec(name.replace("-", "_")) is None:
        raise ModelMissing(
            f"the NER model {name!r} is not installed: pip install it (python -m spacy download {name}, "
            "or its package from the index), or give the folder of a saved pipeline"
        )


def load_model(name: str) -> Any:
    """The spaCy pipeline name (a package or a folder), with only what finds entities on."""
    check(name)
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ValueError) as error:
        raise ModelMissing(f"the NER model {name!r} cannot be loaded ({error})") from None
    finders = {n for n, pipe in nlp.pipeline if type(pipe).__name__ in ("EntityRecognizer", "EntityRuler")}
    # A shared tok2vec or transformer that the entity recogniser listens to stays on too.
    wanted = finders | {n for n, pipe in nlp.pipeline if finders & set(getattr(pipe, "listening_components", []))}
    nlp.select_pipes(enable=[n for n, _ in nlp.pipeline if n in wanted])
    return nlp


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of text, each at most PIECE characters, cut after a newline if there is one."""
    start = 0
    while start < len(text):
        end = min(len(text), start + PIECE)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def entities(nlp: Any, texts: Sequence[str]) -> list[Entities]:
    """Each text's entities, the texts' pieces batched through the model."""
    found: list[Entities] = [[] for _ in texts]
    pieces = ((piece, (number, offset)) for number, text in enumerate(texts) for offset, piece in _pieces(text))
    for doc, (number, offset) in nlp.pipe(pieces, as_tuples=True, batch_size=BATCH):
        found[number] += [Entity(e.label_, offset + e.start_char, offset + e.end_char) for e in doc.ents]
    return found


class Spot(NamedTuple):
    """A place the model found, with what the gazetteer says of it (no id if it knows none)."""

    start: int
    end: int
    text: str
    attrs: dict[str, Any]


def places(text: str, found: Entities, gazetteer: Gazetteer, by_rules: list[Found]) -> list[Spot]:
    """The model's places and the rules' places it does not contradict.

    A model's place the gazetteer knows gets its id (in the country the article's other
    places are in, else the likeliest); one the gazetteer vetoes (a month, a day, a lone
    ordinary word: "March", "Reading") is dropped; a street, river or region it does not
    know is kept without an id. A rules' place that the model's person, organisation or
    nationality outweighs ("Lincoln" in Mr. Lincoln, "Hamas") is dropped."""
    others = [e for e in found if e.label in NOT_PLACES]
    kept = [f for f in by_rules if not any(e.start < f.end and f.start < e.end and _outweighs(e, f) for e in others)]
    countries = Counter(f.place.country for f in kept)
    spots = [Spot(f.start, f.end, f.text, f.attrs()) for f in kept]
    for entity in found:
        if entity.label not in PLACES or any(s.start < entity.end and entity.start < s.end for s in spots):
            continue
        start, end = _trimmed(text, entity.start, entity.end)
        name = text[start:end]
        if not name or name in NEVER or name in COMMON_WORDS or not name[0].isupper():
            continue
        known = lookup(name, gazetteer)
        if known is not None:
            spots.append(Spot(start, end, name, best(gazetteer.candidates(known), countries).attrs()))
        elif entity.label != "GPE":  # a country, state or city the gazetteer does not know is no place
            spots.append(Spot(start, end, name, {}))
    return sorted(spots)


def _outweighs(entity: Entity, place: Found) -> bool:
    """Whether the model's person or organisation is more likely than the rules' place:
    a longer name around it ("Bank of England", "Barack Obama"), or the name of a minor
    town ("Taylor", "Obama"; place_choice.minor_town). A small model calls "Sri Lanka" a person
    and "Amsterdam" an organisation often enough that a country or city is kept
    (CoNLL-2003 train, prose: P 0.871 R 0.898 dropping every one, 0.900/0.894 thus)."""
    inside = entity.start < place.start or place.end < entity.end
    return inside or minor_town(place.place)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Without a leading "the" and a trailing possessive ("the Midwest's" → "Midwest")."""
    if text.startswith(("the ", "The "), start):
        start += 4
    if text.endswith(("'s", "’s"), start, end):
        end -= 2
    return start, end


def speakers(text: str, quotes: list[Quote], found: Entities) -> list[Quote]:
    """The quotes, a speaker corrected where the model names a person inside it with
    more around it than a title: "While Obama" → "Obama", "Donald Trump’s" → "Donald
    Trump"; "Mayor Ann Lee" and "the Clinton campaign" stay."""
    people = [e for e in found if e.label == PERSON]
    corrected = []
    for quote in quotes:
        start, end = quote.speaker_start, quote.speaker_end
        inside = [e for e in people if start is not None and end is not None and start <= e.start and e.end <= end]
        if (
            start is not None
            and end is not None
            and len(inside) == 1
            and (inside[0].start, inside[0].end) != (start, end)
        ):
            person = inside[0]
            before, after = text[start : person.start].split(), text[person.end : end].strip()
            if after in _POSSESSIVE or (before and before[0].casefold() in _LEADING and not after):
                name = text[person.start : person.end]
                quote = replace(quote, speaker=name, speaker_start=person.start, speaker_end=person.end)
        corrected.append(quote)
    return corrected


_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})  # "Clinton’s", "Sanders’" ("the Clinton campaign" stays)
# Words that open a clause, not a name: a speaker found after one of them swallowed it.
_LEADING = frozenset(
    [
        "while",
        "even",
        "but",
        "and",
        "so",
        "then",
        "when",
        "as",
        "still",
        "yet",
        "also",
        "now",
        "meanwhile",
        "since",
        "after",
        "before",
        "if",
        "though",
        "although",
        "because",
        "once",
        "later",
        "earlier",
        "instead",
        "however",
        "indeed",
        "only",
    ]
)
