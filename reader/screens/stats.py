"""T: what the tags say, for a person to look at: a world map with a mark for each tagged
place (sized by how often it is tagged; j/k move between them, enter goes to the first
tag), and quotes per speaker, places per country, figures per unit."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from annotations.attributes import tally
from annotations.model import Annotation
from annotations.suggest.worldmap import cell, land, tagged_places

TOP = 8  # values shown per tally


class StatsScreen(ModalScreen[Annotation | None]):
    BINDINGS = [
        Binding("escape,q,T", "dismiss_none", "Close"),
        Binding("j,down,l,right", "move(1)", "Next place"),
        Binding("k,up,h,left", "move(-1)", "Previous place"),
        Binding("enter", "go", "Go to its first tag"),
    ]

    def __init__(
        self,
        annotations: list[Annotation],
        article: str | None,
        towns: list[tuple[float, float]],
        country_name: Callable[[str], str],
        width: int,
        height: int,
    ) -> None:
        super().__init__()
        self.annotations = annotations
        self.article = article
        self.places = tagged_places(annotations)
        self.country_name = country_name
        # As wide as the screen allows, 4 columns a row (the world is 2.5 times as wide as
        # tall, a cell twice as tall as wide), and short enough to leave the tallies in view.
        self.height = max(8, min(width // 4, height - 14))
        self.width = max(32, min(width, self.height * 4))
        self.land = land(towns, self.width, self.height)
        self.chosen = 0

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="stats-box"):
            yield Static("reader — what the tags say  (j/k a place · enter go to it · esc closes)", id="stats-title")
            yield Static(self._map(), id="stats-map")
            yield Static(self._place_line(), id="stats-place")
            yield Static(self._tallies(), id="stats-tallies")

    def _map(self) -> Text:
        rows = [list(row) for row in self.land]
        marks: dict[tuple[int, int], int] = {}
        for index, place in reversed(list(enumerate(self.places))):  # the most tagged drawn last, on top
            x, y = cell(place.lat, place.lon, self.width, self.height)
            rows[y][x] = place.mark()
            marks[x, y] = index
        text = Text(no_wrap=True)
        for y, row in enumerate(rows):
            for x, char in enumerate(row):
                marked = marks.get((x, y))
                if marked is None:
                    text.append(char, style="dim")
                else:
                    text.append(char, style="bold reverse yellow" if marked == self.chosen else "bold yellow")
            text.append("\n")
        return text

    def _place_line(self) -> Text:
        if not self.places:
            return Text("no tagged place with coordinates yet: tag a place (or accept one with y) to see it here")
        place = self.places[self.chosen]
        where = f"{place.name} · {self.country_name(place.country)} · GeoNames {place.geonameid}"
        tags = len(place.tags)
        said = f"{where} · {tags} tag{'s' * (tags != 1)} in {place.articles} article{'s' * (place.articles != 1)}"
        return Text(f"{self.chosen + 1} of {len(self.places)}: {said}", style="bold")

    def _tallies(self) -> Text:
        text = Text()
        scopes = [("the corpus", self.annotations)]
        if self.article is not None:
            scopes.insert(0, ("this article", [a for a in self.annotations if a.article == self.article]))
        for title, by, named in (
            ("Quotes per speaker", "speaker", str),
            ("Places per country", "place", self.country_name),
            ("Figures per unit", "figure", str),
        ):
            text.append(f"\n{title}\n", style="bold underline")
            for scope, tags_in_scope in scopes:
                counted = tally(tags_in_scope, by)
                shown = " · ".join(f"{named(value)} {tags}" for value, tags, _ in counted[:TOP]) or "none"
                more = f" · and {len(counted) - TOP} more" if len(counted) > TOP else ""
                text.append(f"  {scope}: ", style="bold")
                text.append(f"{shown}{more}\n")
        return text

    def action_move(self, step: int) -> None:
        if self.places:
            self.chosen = (self.chosen + step) % len(self.places)
            self.query_one("#stats-map", Static).update(self._map())
            self.query_one("#stats-place", Static).update(self._place_line())

    def action_go(self) -> None:
        self.dismiss(self.places[self.chosen].tags[0] if self.places else None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
