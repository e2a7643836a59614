"""Which place a name in an article is, if any: the region or country named next to it,
the article's countries, the gazetteer's order; and whether a weak name (a small town, a
town's other name, an ordinary word) has the evidence it needs to be suggested."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import regex

from .gazetteer import CITY, COUNTRY, FEATURE, REGION, SMALL_TOWN, Gazetteer, Place, folded
from .place_record import ARABIC_ARTICLE
from .place_rules import NOT_PLACES, ORDINARY, ORGANISATION_HEADS, locative_before
from .word_lists import DAYS, MONTHS

NEVER = MONTHS | DAYS  # "March", "Sunday": towns too, but never meant as such in news


@dataclass(frozen=True, slots=True)
class Found:
    """A place named at text[start:end], and the gazetteer's place it means."""

    start: int
    end: int
    text: str
    place: Place

    def attrs(self) -> dict[str, Any]:
        return self.place.attrs()


@dataclass(slots=True)
class Mention:
    """A name at text[start:end] that may be a place, and what the text says of it."""

    start: int
    end: int
    name: str  # the gazetteer's
    feature: bool = False  # "Bagram Air Base": a place by its kind's word, not in the gazetteer
    listed: bool = False  # in a list of places ("towns like …"): a place, weak or not


_MINOR_TOWN = 100_000  # people: see minor_town
_KNOWN_EVERYWHERE = 1_000_000  # people: a city whose other names are the news' own ("Kiev", "Bombay")


def resolve(mentions: list[Mention], gazetteer: Gazetteer, text: str) -> list[Found]:
    """Each mention's place: the region or country named next to it ("Marfa, Texas"), the
    article's countries, then kind and population. A weak name (a small town, a town's
    other name, an ordinary word) needs evidence that it is a place: one named next to
    it, "in" or "near" before it, or the same name taken for a place earlier."""
    choices = {m.name: gazetteer.candidates(m.name) for m in mentions if not m.feature}
    countries: Counter[str] = Counter()
    regions: Counter[tuple[str, str | None]] = Counter()  # the article's states ("Illinois", "Springfield, Ill.")
    for name, candidates in choices.items():
        if _names_its_country(candidates):
            countries[candidates[0].country] += sum(m.name == name for m in mentions)
        if candidates and candidates[0].kind == REGION:
            regions[candidates[0].country, candidates[0].region] += sum(m.name == name for m in mentions)
    for i in range(len(mentions)):
        within = None if mentions[i].feature else _named_next(mentions, i, choices, text)
        if within is not None and within.kind == REGION:
            regions[within.country, within.region] += 1  # "SPRINGFIELD, Ill. —" says where the story is
    found: list[Found] = []
    seen: set[str] = set()
    for i, mention in enumerate(mentions):
        start, end, name = mention.start, mention.end, mention.name
        if mention.feature:
            found.append(Found(start, end, text[start:end], Place(0, text[start:end], "", None, None, 0, FEATURE)))
            continue
        candidates = choices[name]
        if not candidates or name in NEVER or name in NOT_PLACES or name in ORGANISATION_HEADS:
            continue
        within = _named_next(mentions, i, choices, text)
        narrowed = [p for p in candidates if within is not None and _inside(p, within)]
        chosen = best(narrowed or candidates, countries, regions)
        said = bool(narrowed) or name in seen or mention.listed  # where it is, or that it is a place
        if _weak(name, chosen) and not (said or locative_before(text, start)):
            continue
        # "near Morris" says that Morris is a place, not that it is Ben Mehidi, Algeria.
        own_name = _same_name(chosen.name, name) and locative_before(text, start)
        if not (said or own_name) and _stray(chosen, countries, counted=_names_its_country(candidates)):
            continue
        seen.add(name)
        found.append(Found(start, end, text[start:end], chosen))
    return found


def _named_next(mentions: list[Mention], i: int, choices: dict[str, list[Place]], text: str) -> Place | None:
    """The country or region named right after mention i, after a comma ("Marfa, Texas")."""
    if i + 1 == len(mentions) or mentions[i + 1].feature:
        return None
    following = mentions[i + 1]
    if not regex.fullmatch(r",\s*", text[mentions[i].end : following.start]):
        return None
    place = next(iter(choices.get(following.name, [])), None)
    return place if place is not None and place.kind in (COUNTRY, REGION) else None


def _inside(place: Place, within: Place) -> bool:
    return place.country == within.country and (within.kind == COUNTRY or place.region == within.region)


def _weak(name: str, place: Place) -> bool:
    """A name that may well mean something else: an ordinary word, a small town, or a
    town's other name ("Freedom" for Alliance, Ohio)."""
    if name in ORDINARY:
        return True
    if place.kind != CITY:
        return False
    other_name = not _same_name(place.name, name)
    return place.population < SMALL_TOWN or (other_name and place.population < _KNOWN_EVERYWHERE)


def _same_name(one: str, other: str) -> bool:
    """Whether two names are one written two ways ("Al Musayfirah", "al-Musayfirah", "Musayfirah")."""
    return _plain(one) == _plain(other)


def _plain(name: str) -> str:
    return str(_ARTICLE_AND_MARKS.sub("", folded(name)))


_ARTICLE_AND_MARKS = regex.compile(rf"^{ARABIC_ARTICLE}[\s\-]|[\s\-'’`‘ʿ]", regex.IGNORECASE)


def _names_its_country(candidates: list[Place]) -> bool:
    """A name that says which country the article is in: a country, or a place of one."""
    return bool(candidates) and (len(candidates) == 1 or candidates[0].kind == COUNTRY)


def _stray(place: Place, countries: Counter[str], counted: bool) -> bool:
    """A town in a country nothing else in the article is in ("Obama", Japan, in a story
    about Ohio; "Morris", Manitoba, is not in the gazetteer; Ben Mehidi, Algeria, once
    called Morris, is): more likely something else of that name than a place far from the
    story, unless the text says it is a place."""
    elsewhere = countries[place.country] - counted
    return minor_town(place) and elsewhere == 0 and sum(countries.values()) > countries[place.country]


def minor_town(place: Place) -> bool:
    """A town under 100,000 people: its name gives way when the text points elsewhere
    (the story is in another country: _stray; a model calls the name a person: ner.py)."""
    return place.kind == CITY and place.population < _MINOR_TOWN


def best(
    candidates: list[Place], countries: Counter[str], regions: Counter[tuple[str, str | None]] | None = None
) -> Place:
    """The first (most likely) candidate in the article's countries, and not a mere town if
    there is more; of towns, one in a state the article names ("Peoria" in a story from
    Springfield, Ill., is Illinois's, not Arizona's larger one)."""
    named = regions or Counter()
    return min(candidates, key=lambda p: (countries[p.country] == 0, p.kind == CITY, named[p.country, p.region] == 0))
