"""A world map drawn in text: land as braille dots where the gazetteer's towns are (an
equirectangular projection, 2×4 dots a character), and the places a corpus tags, each
a mark sized by how often it is tagged. No map data beyond the gazetteer: its 30,000
towns outline the inhabited world well enough to see where a story happens.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Annotation

NORTH, SOUTH = 84.0, -60.0  # latitudes shown: no towns nearer the poles worth the rows
_BRAILLE = 0x2800
_DOT = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))  # [row][column] of a cell's 2×4 dots


def cell(lat: float, lon: float, width: int, height: int) -> tuple[int, int]:
    """The (column, row) of a latitude and longitude on a width × height map."""
    x = (lon + 180.0) / 360.0 * width
    y = (NORTH - lat) / (NORTH - SOUTH) * height
    return min(width - 1, max(0, int(x))), min(height - 1, max(0, int(y)))


def land(points: Iterable[tuple[float, float]], width: int, height: int) -> list[str]:
    """Rows of braille characters with a dot for every (lat, lon) in points."""
    dots = [[0] * width for _ in range(height)]
    for lat, lon in points:
        x = (lon + 180.0) / 360.0 * width * 2
        y = (NORTH - lat) / (NORTH - SOUTH) * height * 4
        if 0 <= x < width * 2 and 0 <= y < height * 4:
            dots[int(y) // 4][int(x) // 2] |= _DOT[int(y) % 4][int(x) % 2]
    return ["".join(chr(_BRAILLE + d) if d else " " for d in row) for row in dots]


@dataclass
class TaggedPlace:
    """A place the corpus tags (by GeoNames id), with its tags."""

    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    tags: list[Annotation] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return len({a.article for a in self.tags})

    def mark(self) -> str:
        """• once, ● a few times, ◉ five times or more."""
        return "•" if len(self.tags) == 1 else "●" if len(self.tags) < 5 else "◉"


def tagged_places(annotations: Iterable[Annotation]) -> list[TaggedPlace]:
    """The places tagged with coordinates, most tagged first; each tag in text order."""
    places: dict[int, TaggedPlace] = {}
    for a in annotations:
        attrs = a.attrs
        if a.label != "place" or not isinstance(attrs.get("geonameid"), int):
            continue
        lat, lon = attrs.get("lat"), attrs.get("lon")
        if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
            continue
        place = places.get(attrs["geonameid"])
        if place is None:
            name = str(attrs.get("name") or a.text)
            place = places[attrs["geonameid"]] = TaggedPlace(
                attrs["geonameid"], name, str(attrs.get("country", "")), lat, lon
            )
        place.tags.append(a)
    for place in places.values():
        place.tags.sort(key=lambda a: (a.article, a.start))
    return sorted(places.values(), key=lambda p: (-len(p.tags), p.name))
