"""Places named in an article, found with the gazetteer and the article's own context.

A run of capitalised words ("the New York Times", "In Baghdad", "George Washington") is
looked up longest name first. A name inside a longer proper name is not a place
("Washington Post", "Manchester United"): only names that fill their run, or that are
set off by a comma or a connective ("Erbil, Iraq"; "Iraq and Syria"), are suggested.
An ambiguous name goes to the country the article's other places point at, then to the
most populous; a name that is also an ordinary English word is left alone unless the
article names its country too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import regex

from .gazetteer import CITY, COUNTRY, REGION_WORD, Gazetteer, Place
from .word_lists import COMMON_WORDS, DAYS, HONORIFICS, MONTHS

# A capitalised word: letters, with inner apostrophes, hyphens and dots ("U.S.", "Al-Anbar").
_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}]*(?:[.'’\-]\p{L}[\p{L}\p{M}]*)*\.?|\p{Lu}\.")
NEVER = MONTHS | DAYS  # "March", "Sunday": towns too, but never meant as such in news
# After a name, what says it is the region, not the city of that name ("the Kherson region").
_REGION_AFTER = regex.compile(r"\s+(?:region|province|oblast|governorate|state|prefecture)\b", regex.IGNORECASE)
# What may join the words of one name ("Rio de Janeiro", "Bosnia and Herzegovina").
_JOINERS = {"de", "da", "do", "del", "la", "le", "al", "el", "of", "and", "upon", "on", "am", "im", "sur", "des", "du"}


@dataclass(frozen=True, slots=True)
class Found:
    """A place named at text[start:end], and the gazetteer's place it means."""

    start: int
    end: int
    text: str
    place: Place

    def attrs(self) -> dict[str, Any]:
        return self.place.attrs()


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str


def _runs(text: str) -> list[list[_Word]]:
    """Runs of capitalised words, joined by single spaces (and joiner words)."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    previous_end = -1
    for match in _WORD.finditer(text):
        word = _Word(match.start(), match.end(), match.group())
        gap = text[previous_end : word.start]
        if (
            current
            and not _ends_sentence(current[-1].text)
            and (gap == " " or (gap[1:-1] in _JOINERS and gap[0] == gap[-1] == " "))
        ):
            current.append(word)
        else:
            if current:
                runs.append(current)
            current = [word]
        previous_end = word.end
    if current:
        runs.append(current)
    return runs


def _ends_sentence(word: str) -> bool:
    """A word with the sentence's full stop ("Kirkuk."), not an abbreviation ("U.S.", "St.", "Gen.")."""
    bare = word[:-1]
    return word.endswith(".") and len(bare) > 3 and "." not in bare and bare not in HONORIFICS


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


def lookup(name: str, gazetteer: Gazetteer) -> str | None:
    """The gazetteer's spelling of name, also for a dateline's capitals ("BAGHDAD")."""
    if name in gazetteer:
        return name
    if name.endswith(".") and name[:-1] in gazetteer:
        return name[:-1]  # "in Baghdad.": the sentence's full stop, not the name's ("U.S.")
    if name.isupper() and len(name) > 3:
        titled = " ".join(word.capitalize() for word in name.split(" "))
        if titled in gazetteer:
            return titled
    return None


def _names_in_run(run: list[_Word], text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first, last, name) of the gazetteer names in the run, longest first, left to right."""
    found = []
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + gazetteer.longest) - 1, i - 1, -1):
            name = lookup(text[run[i].start : run[j].end], gazetteer)
            if name is not None:
                found.append((i, j, name))
                i = j + 1
                break
        else:
            i += 1
    return found


def _set_off(run: list[_Word], text: str, first: int, last: int) -> bool:
    """Whether words first..last stand apart from the rest of their run (by a joiner)."""
    before = first == 0 or text[run[first - 1].end : run[first].start] != " "
    after = last == len(run) - 1 or text[run[last].end : run[last + 1].start] != " "
    return before and after


def find_places(text: str, gazetteer: Gazetteer) -> list[Found]:
    """Every place the article names, with the gazetteer's place for it."""
    mentions: list[tuple[int, int, str]] = []
    people: set[str] = set()  # names seen as people's ("George Washington", "Mr Jackson")
    for run in _runs(text):
        names = _names_in_run(run, text, gazetteer)
        if not (names and names[0][0] == 0 and (names[0][1] > 0 or run[0].text not in COMMON_WORDS)):
            # Sentence-initial ordinary words ("In", "The") are not part of a name.
            skip = 0
            while skip < len(run) and (
                run[skip].text.rstrip(".") in HONORIFICS
                or (run[skip].text in COMMON_WORDS and (skip > 0 or _sentence_start(text, run[0].start)))
            ):
                skip += 1
            if skip and run[skip - 1].text.rstrip(".") in HONORIFICS:
                people.update(word.text for word in run[skip:])
                continue
            run = run[skip:]
            names = _names_in_run(run, text, gazetteer)
        if not names:
            continue
        for first, last, name in names:
            hyphenated = text[run[last].end : run[last].end + 1] in ("-", "–")
            if _set_off(run, text, first, last) and not hyphenated:  # not "U.S.-led"
                end = run[last].end - (text[run[last].end - 1] == "." and not name.endswith("."))
                mentions.append((run[first].start, end, name))
        if len(run) in (2, 3) and len(names) == 1 and names[0][:2] == (len(run) - 1, len(run) - 1):
            given = gazetteer.candidates(run[0].text)
            if gazetteer.candidates(names[0][2])[0].kind == CITY and (not given or given[0].kind == CITY):
                people.add(names[0][2])  # "George Washington", "Michael Jackson"
    mentions = [(start, end, _region_named(name, text, end, gazetteer)) for start, end, name in mentions]
    return _resolve([m for m in mentions if m[2] not in people], gazetteer, text)


def _region_named(name: str, text: str, end: int, gazetteer: Gazetteer) -> str:
    """The gazetteer's name for the region when the text says it is one ("the Kherson
    region", "Kirkuk province"), else name."""
    region = f"{name} {REGION_WORD}"
    return region if region in gazetteer and _REGION_AFTER.match(text, end) else name


_SMALL_TOWN = 100_000  # people: below this, a town known by another name must be near the story


def _resolve(mentions: list[tuple[int, int, str]], gazetteer: Gazetteer, text: str) -> list[Found]:
    """Each mention's place: the article's countries first, then kind and population."""
    choices = {name: gazetteer.candidates(name) for _, _, name in mentions}
    countries: Counter[str] = Counter()
    for _, _, name in mentions:
        candidates = choices[name]
        if _names_its_country(candidates):
            countries[candidates[0].country] += 1
    found = []
    for start, end, name in mentions:
        candidates = choices[name]
        if not candidates or name in NEVER:
            continue
        best = _best(candidates, countries)
        if name in COMMON_WORDS and not countries[best.country] > 1:
            continue  # "Mobile", "Reading": only where the article is about their country
        if _stray(name, best, countries, counted=_names_its_country(candidates)):
            continue
        found.append(Found(start, end, text[start:end], best))
    return found


def _names_its_country(candidates: list[Place]) -> bool:
    """A name that says which country the article is in: a country, or a place of one."""
    return bool(candidates) and (len(candidates) == 1 or candidates[0].kind == COUNTRY)


def _stray(name: str, place: Place, countries: Counter[str], counted: bool) -> bool:
    """A small town known by another name, in a country nothing else in the article is
    in ("Morris", Manitoba, is not in the gazetteer; Ben Mehidi, Algeria, once called
    Morris, is): more likely something else of that name than a place far from the story."""
    elsewhere = countries[place.country] - counted
    return (
        place.kind == CITY
        and place.population < _SMALL_TOWN
        and place.name.casefold() != name.casefold()
        and elsewhere == 0
        and sum(countries.values()) > countries[place.country]
    )


def _best(candidates: list[Place], countries: Counter[str]) -> Place:
    """The first (most likely) candidate in the article's countries, and not a mere town if there is more."""
    return min(candidates, key=lambda p: (countries[p.country] == 0, p.kind == CITY))


def place_named(name: str, context: str, gazetteer: Gazetteer) -> Place | None:
    """The place a person tagged as name, read in context (the article around it): the
    article's places say which country an ambiguous name is in. Ordinary words and
    months are places here, since a person said so."""
    found = lookup(name.strip(), gazetteer)
    if found is None:
        return None
    countries = Counter(f.place.country for f in find_places(context, gazetteer))
    return _best(gazetteer.candidates(found), countries)
