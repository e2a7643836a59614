"""What E offers for a tag's attributes: the gazetteer's places a place tag may mean, and
the people a quote may be said by. Each choice is a line to show and the attributes it
gives; the first is the one most likely meant.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import regex

from .gazetteer import Gazetteer, Place
from .places import lookup
from .quotes import find_quotes
from .speakers import is_name
from .word_lists import SENTENCE_OPENERS


@dataclass(frozen=True, slots=True)
class Choice:
    shown: str
    attrs: dict[str, Any]


MAX_CHOICES = 50
# The attributes a choice replaces, by label (a quote's cue stays when its speaker changes).
CHOSEN = {"place": ("geonameid", "name", "country", "lat", "lon"), "quote": ("speaker", "speaker_start", "speaker_end")}
NEAR = 600  # characters around a quote where a named person is a likely speaker


def with_choice(attrs: dict[str, Any], label: str, chosen: dict[str, Any]) -> dict[str, Any]:
    """attrs with what a choice says in place of what it replaces ({} chooses none)."""
    return {name: value for name, value in attrs.items() if name not in CHOSEN.get(label, ())} | chosen


def place_choice(place: Place, gazetteer: Gazetteer) -> Choice:
    """ "Paris · city · United States (TX) · 24,782 people · GeoNames 4717560"."""
    # A region's code means something to a reader only as letters (TX, ENG), not as "11".
    shown_region = place.region and not place.region.isdigit()
    where = gazetteer.country_name(place.country) + (f" ({place.region})" if shown_region else "")
    people = f" · {place.population:,} people" if place.population else ""
    return Choice(f"{place.name} · {place.kind} · {where}{people} · GeoNames {place.geonameid}", place.attrs())


def places_named(name: str, gazetteer: Gazetteer) -> list[Choice]:
    """The places name may mean, most likely first (the gazetteer's order)."""
    found = lookup(name.strip(), gazetteer)
    return [place_choice(p, gazetteer) for p in gazetteer.candidates(found)] if found else []


def places_starting(typed: str, gazetteer: Gazetteer) -> list[Choice]:
    """Places whose name starts with what was typed (any case), likeliest first."""
    places = gazetteer.starting(typed.strip(), MAX_CHOICES)
    return [place_choice(p, gazetteer) for p in places]


# A person's name as a quote's speaker is written: two to four capitalised words (one,
# when someone types it: "Caggins"); kept only if the suggestions read it as a name too.
_PERSON = regex.compile(r"(?<![\p{L}.])\p{Lu}[\p{Ll}’'\-]+(?: (?:\p{Lu}\. )?\p{Lu}[\p{Ll}’'\-]+){1,3}")
_NAMED = regex.compile(r"(?<![\p{L}.])\p{Lu}[\p{Ll}’'\-]+(?: (?:\p{Lu}\. )?\p{Lu}[\p{Ll}’'\-]+){0,3}")
WINDOW = 50_000  # characters read on each side of a quote (a long article's far end says little)


def speakers(text: str, start: int, end: int, typed: str = "") -> list[Choice]:
    """Who may have said the quote at text[start:end]: the people named near it, nearest
    first, then everyone the article quotes, most quoted first; each with the mention
    nearest the quote. With typed, every name around the quote that contains it."""
    left = max(0, start - WINDOW)
    window = text[left : end + WINDOW]
    start, end = start - left, end - left
    mentions: dict[str, list[tuple[int, int]]] = {}
    quoted: Counter[str] = Counter()
    for quote in find_quotes(window):
        if quote.speaker and quote.speaker_start is not None and quote.speaker_end is not None:
            quoted[quote.speaker] += 1
            mentions.setdefault(quote.speaker, []).append((quote.speaker_start, quote.speaker_end))
    names = _NAMED.finditer(window) if typed else _PERSON.finditer(window, max(0, start - NEAR), end + NEAR)
    for match in names:
        if (
            not start <= match.start() < end
            and match.group().split()[0] not in SENTENCE_OPENERS
            and is_name(match.group())
        ):
            mentions.setdefault(match.group(), []).append(match.span())
    if typed:
        wanted = typed.strip().casefold()
        mentions = {name: spans for name, spans in mentions.items() if wanted in name.casefold()}

    def distance(span: tuple[int, int]) -> int:
        return start - span[1] if span[1] <= start else max(0, span[0] - end)

    nearest = {name: min(spans, key=distance) for name, spans in mentions.items()}

    def rank(name: str) -> tuple[int, int, int]:
        away = distance(nearest[name])
        return (0, away, 0) if away <= NEAR else (1, -quoted[name], away)

    choices = []
    for name in sorted(nearest, key=rank)[:MAX_CHOICES]:
        at_start, at_end = nearest[name][0] + left, nearest[name][1] + left
        said = f" · quoted {quoted[name]}×" if quoted[name] else ""
        choices.append(
            Choice(f"{name} · at {at_start}{said}", {"speaker": name, "speaker_start": at_start, "speaker_end": at_end})
        )
    return choices
