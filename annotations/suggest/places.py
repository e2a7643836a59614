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

import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

import regex

from .gazetteer import CITY, COUNTRY, FEATURE, REGION, REGION_WORD, SMALL_TOWN, Gazetteer, Place
from .place_rules import (
    AP_STATES,
    FEATURE_HEADS,
    NOT_PLACES,
    ORDINARY,
    ORGANISATION_HEADS,
    SPEAKS,
    TITLES,
    ap_state,
    feature_span,
    locative_before,
)
from .word_lists import DAYS, MONTHS

# A capitalised word: letters, with inner apostrophes, hyphens and dots ("U.S.", "Al-Anbar");
# a hyphen before lower case ends it ("Paris-based") unless a capital follows ("Stratford-upon-Avon").
_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}]*(?:[.'’]\p{L}[\p{L}\p{M}]*|-(?:\p{Ll}+-)*\p{Lu}[\p{L}\p{M}]*)*\.?|\p{Lu}\.")
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
    return word.endswith(".") and len(bare) > 3 and "." not in bare and bare not in TITLES


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


def lookup(name: str, gazetteer: Gazetteer) -> str | None:
    """The gazetteer's spelling of name, also for a dateline's capitals ("BAGHDAD") and
    before a possessive ("Ohio's")."""
    name = _bare(name)
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


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    name: str  # the gazetteer's
    feature: bool = False  # "Bagram Air Base": a place by its kind's word, not in the gazetteer


def find_places(text: str, gazetteer: Gazetteer) -> list[Found]:
    """Every place the article names, with the gazetteer's place for it."""
    mentions: list[_Mention] = []
    people: set[str] = set()  # names seen as people's ("George Washington", "Mr Jackson")
    for run in _runs(text):
        feature = feature_span([word.text.rstrip(".") for word in run])
        if feature is not None and lookup(_span(run, text, 0, len(run) - 1), gazetteer) is None:
            first, last = feature
            start = run[first].start
            mentions.append(_Mention(start, start + len(_surface(_span(run, text, first, last))), "", feature=True))
            continue
        if len(run) == 1 and (state := ap_state(text, run[0].start, run[0].text)) is not None:
            mentions.append(_Mention(run[0].start, run[0].end, state))
            continue
        names = _names_in_run(run, text, gazetteer)
        if not (names and names[0][0] == 0 and (names[0][1] > 0 or run[0].text not in ORDINARY)):
            # Sentence-initial ordinary words ("In", "The") are not part of a name.
            skip = 0
            while skip < len(run) and (
                run[skip].text.rstrip(".") in TITLES
                or (run[skip].text in ORDINARY and (skip > 0 or _sentence_start(text, run[0].start)))
            ):
                skip += 1
            if skip and run[skip - 1].text.rstrip(".") in TITLES:
                people.update(_bare(word.text) for word in run[skip:])
                continue
            run = run[skip:]
            names = _names_in_run(run, text, gazetteer)
        for first, last, name in names:
            after = text[run[last].end : run[last].end + 2]
            joined = after[:1] in ("-", "–") and not after[1:].islower()  # "Iran-Iraq", not "U.S.-led"
            inside = any(word.text in ORGANISATION_HEADS for word in run[:last])  # "University of Texas"
            if _set_off(run, text, first, last) and not joined and not inside:
                start = run[first].start
                mentions.append(_Mention(start, start + len(_surface(_span(run, text, first, last))), name))
                if len(run) == 1 and SPEAKS.match(text, run[0].end) and _merely_a_town(name, gazetteer):
                    people.add(name)  # "Taylor said", "Obama administration"
        if _a_persons_name(run, names, gazetteer):
            people.add(names[-1][2])  # "George Washington", "Marco Rubio"
    for mention in mentions:
        mention.name = _region_named(mention.name, text, mention.end, gazetteer)
    return _resolve([m for m in mentions if m.name not in people], gazetteer, text)


def _span(run: list[_Word], text: str, first: int, last: int) -> str:
    return text[run[first].start : run[last].end]


def _bare(word: str) -> str:
    """A word without its possessive ("Obama's" is "Obama")."""
    return str(_POSSESSIVE.sub("", word))


_POSSESSIVE = regex.compile(r"['’]s$")


def _surface(name: str) -> str:
    """A name as the text writes it, without a possessive or the sentence's full stop."""
    bare = _bare(name)
    return bare[:-1] if bare.endswith(".") and not _abbreviation(bare) else bare


def _abbreviation(word: str) -> bool:
    return bool(regex.search(r"(?:^|\.)\p{L}\.$", word)) or word[:-1] in TITLES or word in AP_STATES


def _merely_a_town(name: str, gazetteer: Gazetteer) -> bool:
    candidates = gazetteer.candidates(name)
    return bool(candidates) and candidates[0].kind == CITY


def _a_persons_name(run: list[_Word], names: list[tuple[int, int, str]], gazetteer: Gazetteer) -> bool:
    """A run of two or three words whose last is a town's name and the others no country,
    region or capital: a person's name ("George Washington", "Marco Rubio")."""
    if len(run) not in (2, 3) or not names or names[-1][:2] != (len(run) - 1, len(run) - 1):
        return False
    if not _merely_a_town(names[-1][2], gazetteer) or run[-1].text in FEATURE_HEADS:
        return False
    return all(
        not (given := gazetteer.candidates(word.text)) or given[0].kind == CITY for word in run[:-1]
    ) and not any(word.text in ORDINARY for word in run[:-1])


def _region_named(name: str, text: str, end: int, gazetteer: Gazetteer) -> str:
    """The gazetteer's name for the region when the text says it is one ("the Kherson
    region", "Kirkuk province"), else name."""
    region = f"{name} {REGION_WORD}"
    return region if region in gazetteer and _REGION_AFTER.match(text, end) else name


_SMALL_TOWN = 100_000  # people: below this, a town known by another name must be near the story
_KNOWN_EVERYWHERE = 1_000_000  # people: a city whose other names are the news' own ("Kiev", "Bombay")


def _resolve(mentions: list[_Mention], gazetteer: Gazetteer, text: str) -> list[Found]:
    """Each mention's place: the region or country named next to it ("Marfa, Texas"), the
    article's countries, then kind and population. A weak name (a small town, a town's
    other name, an ordinary word) needs evidence that it is a place: one named next to
    it, "in" or "near" before it, or the same name taken for a place earlier."""
    choices = {m.name: gazetteer.candidates(m.name) for m in mentions if not m.feature}
    countries: Counter[str] = Counter()
    for name, candidates in choices.items():
        if _names_its_country(candidates):
            countries[candidates[0].country] += sum(m.name == name for m in mentions)
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
        best = _best(narrowed or candidates, countries)
        said = bool(narrowed) or name in seen  # where it is, or that it was a place before
        if _weak(name, best) and not (said or locative_before(text, start)):
            continue
        # "near Morris" says that Morris is a place, not that it is Ben Mehidi, Algeria.
        own_name = _same_name(best.name, name) and locative_before(text, start)
        if not (said or own_name) and _stray(best, countries, counted=_names_its_country(candidates)):
            continue
        seen.add(name)
        found.append(Found(start, end, text[start:end], best))
    return found


def _named_next(mentions: list[_Mention], i: int, choices: dict[str, list[Place]], text: str) -> Place | None:
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
    folded = "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch)).casefold()
    return str(_ARTICLE_AND_MARKS.sub("", folded))


_ARTICLE_AND_MARKS = regex.compile(r"^(?:al|an|ar|as|ash|ad|az|at|el)[\s\-]|[\s\-'’`‘ʿ]")


def _names_its_country(candidates: list[Place]) -> bool:
    """A name that says which country the article is in: a country, or a place of one."""
    return bool(candidates) and (len(candidates) == 1 or candidates[0].kind == COUNTRY)


def _stray(place: Place, countries: Counter[str], counted: bool) -> bool:
    """A town in a country nothing else in the article is in ("Obama", Japan, in a story
    about Ohio; "Morris", Manitoba, is not in the gazetteer; Ben Mehidi, Algeria, once
    called Morris, is): more likely something else of that name than a place far from the
    story, unless the text says it is a place."""
    elsewhere = countries[place.country] - counted
    return (
        place.kind == CITY
        and place.population < _SMALL_TOWN
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
