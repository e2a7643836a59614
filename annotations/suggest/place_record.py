"""A place as the gazetteer holds it, and its kinds: shared by the gazetteer, the code
that builds its index and the finders."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

COUNTRY, REGION, CAPITAL, CITY, CONTINENT, AREA = "country", "region", "capital", "city", "continent", "area"
FEATURE = "feature"  # a river, a road, a base: named by its kind's word, not in the gazetteer
# "Washington" in the news is the capital before the state; "Georgia" the country. A
# region and a town go by population (a region's is its towns'): "Gaza" is the city
# before Mozambique's province, "Ontario" the province before California's town.
_KIND_RANK = {FEATURE: 0, CONTINENT: 4, AREA: 4, COUNTRY: 3, CAPITAL: 2, REGION: 0, CITY: 0}
SMALL_TOWN = 15_000  # people: a town smaller than this is suggested only where the text says it is a place

REGION_WORD = "region"  # after a name a city also has: "Kherson region" is the region
ARABIC_ARTICLE = r"(?:Al|An|Ar|As|Ash|Ad|Az|At|El)"  # "Al Anbar" is also "Anbar", "al-Anbar"


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
        found: dict[str, Any] = {"geonameid": self.geonameid} if self.geonameid else {}  # an area has none
        found["name"] = self.name
        if self.country:
            found["country"] = self.country
        if self.lat is not None and self.lon is not None:
            found["lat"], found["lon"] = self.lat, self.lon
        return found


def kind_rank(kind: str) -> int:
    """How likely a kind of place is what a name means, higher first."""
    return _KIND_RANK[kind]


def unaccented(name: str) -> str:
    """A name without accents: "Al Qayyārah" is "Al Qayyarah"."""
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if not unicodedata.combining(ch))


def folded(name: str) -> str:
    """A name without accents or case: "Québec" is "quebec"."""
    return unaccented(name).casefold()
