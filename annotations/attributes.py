"""A tag's attributes: what is filled in when it is made, what an import may bring, and
how the status line reads them. Values are plain JSON (text, numbers, true/false), so
every format can carry them and nothing in them can be markup or code.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from .model import Annotation

MAX_KEYS = 20
MAX_TEXT = 500  # characters of one text value


def problem(attrs: object) -> str | None:
    """Why attrs cannot be a tag's attributes (None if they can): for imports."""
    if not isinstance(attrs, dict):
        return "attrs must be an object of names and values"
    if len(attrs) > MAX_KEYS:
        return f"attrs has {len(attrs)} names; reader keeps at most {MAX_KEYS}"
    for name, value in attrs.items():
        if not name or len(name) > 50 or not name.replace("_", "").isalnum() or not name.isascii():
            return f"attrs name {name[:50]!r} is not a short plain name (letters, digits, _)"
        if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
            continue
        if not isinstance(value, str):
            return f"attrs {name!r} must be text, a number or true/false, not {type(value).__name__}"
        if len(value) > MAX_TEXT:
            return f"attrs {name!r} is {len(value):,} characters; reader keeps at most {MAX_TEXT}"
    return None


# Said by the phrases of describe(); the rest of a tag's attributes are named as they are.
# (name, lat, lon, the speaker's offsets and cue: in E's editor, not on the status line)
_SAID_OTHERWISE = {
    *("geonameid", "name", "country", "lat", "lon"),
    *("value", "unit", "approx"),
    *("speaker", "speaker_start", "speaker_end", "cue"),
}


def describe(attrs: dict[str, Any], country_name: Callable[[str], str] = str) -> str:
    """What a tag carries, as the status line says it: "GeoNames 95446 · Iraq",
    "value 5200 · unit troops · approx", "said by Caggins" ("" when nothing)."""
    parts = []
    if "geonameid" in attrs:
        parts.append(f"GeoNames {attrs['geonameid']}")
        if attrs.get("country"):
            parts.append(country_name(str(attrs["country"])))
    for name in ("value", "unit"):  # as recorded, so what is checked is what is stored
        if attrs.get(name) not in (None, ""):
            parts.append(f"{name} {attrs[name]}")
    if attrs.get("approx"):
        parts.append("approx")
    if attrs.get("speaker"):
        parts.append(f"said by {attrs['speaker']}")
    for name, value in attrs.items():
        if name in _SAID_OTHERWISE:
            continue
        if value is True:
            parts.append(name)
        elif value not in (None, "", False):
            parts.append(f"{name} {value}")
    return " · ".join(parts)


def difference(before: dict[str, Any], after: dict[str, Any]) -> str:
    """What an edit did, said whole: "added unit troops; removed value (was 5200)"."""
    added = [n if after[n] is True else f"{n} {after[n]}" for n in after if n not in before]
    changed = [f"{n} {before[n]} → {after[n]}" for n in after if n in before and before[n] != after[n]]
    removed = [f"{n} (was {before[n]})" for n in before if n not in after]
    parts = [(added, "added"), (changed, "changed"), (removed, "removed")]
    return "; ".join(f"{verb} {', '.join(names)}" for names, verb in parts if names)


def as_text(attrs: dict[str, Any]) -> str:
    """Attributes as a person edits them: "value=5200; unit=troops; approx; ", open at
    the end, so what is typed after them is one more, not part of the last value."""
    return "".join(f"{name}; " if value is True else f"{name}={value}; " for name, value in attrs.items())


def from_text(text: str) -> dict[str, Any] | str:
    """The attributes written as as_text writes them, or why they cannot be: numbers
    become numbers, a name alone is true, "name=" drops the name."""
    attrs: dict[str, Any] = {}
    for part in text.split(";"):
        name, equals, value = (piece.strip() for piece in part.partition("="))
        if not name:
            if value:
                return f"“{part.strip()}” has no name before its ="
            continue
        if not equals:
            attrs[name] = True
        elif value:
            attrs[name] = _number(value)
    return problem(attrs) or attrs


def _number(value: str) -> Any:
    """5200, 5,200, 12.5 and true as such; "troops", "1-2", "1,2", "inf" as text."""
    if value in ("true", "false"):
        return value == "true"
    if re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d+)", value):  # 5200 or 5,200; not 1,2
        return int(value.replace(",", ""))
    if re.fullmatch(r"-?(\d{1,3}(,\d{3})+|\d*)\.\d+", value):
        return float(value.replace(",", ""))
    return value


# reader stats --by: which tags, grouped by which attribute.
TALLIES = {"speaker": ("quote", "speaker"), "place": ("place", "country"), "figure": ("figure", "unit")}
NONE_SAID = "(none)"


def tally(annotations: Iterable[Annotation], by: str) -> list[tuple[str, int, int]]:
    """(value, tags, articles) for the tags of TALLIES[by], most tagged first: quotes per
    speaker, places per country, figures per unit. Tags without the attribute count
    under NONE_SAID."""
    label, name = TALLIES[by]
    tags: Counter[str] = Counter()
    articles: dict[str, set[str]] = {}
    for annotation in annotations:
        if annotation.label == label:
            value = str(annotation.attrs.get(name) or NONE_SAID)
            tags[value] += 1
            articles.setdefault(value, set()).add(annotation.article)
    return [(value, count, len(articles[value])) for value, count in tags.most_common()]
