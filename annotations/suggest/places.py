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

import itertools
from collections import Counter
from dataclasses import dataclass

import regex

from .gazetteer import CITY, REGION_WORD, Gazetteer, Place
from .place_choice import NEVER, Found, Mention, best, resolve
from .place_rules import (
    AP_STATES,
    FEATURE_HEADS,
    ORDINARY,
    ORGANISATION_HEADS,
    SPEAKS,
    TITLES,
    ap_state,
    base_stem,
    feature_span,
    listed_as_places,
    locative_before,
)
from .word_lists import DAYS

# A capitalised word: letters and digits ("K1"), with inner apostrophes, hyphens and dots
# ("U.S.", "Al-Anbar", "al-Qaim");
# a hyphen before lower case ends it ("Paris-based") unless a capital follows ("Stratford-upon-Avon").
_WORD = regex.compile(
    r"(?:(?<!\p{L})[ae]l-)?\p{Lu}[\p{L}\p{M}\p{N}]*(?:[.'’]\p{L}[\p{L}\p{M}]*|-(?:\p{Ll}+-)*[\p{Lu}\p{N}][\p{L}\p{M}\p{N}]*)*\.?|\p{Lu}\."
)
# After a name, what says it is the region, not the city of that name ("the Kherson region").
_REGION_AFTER = regex.compile(r"\s+(?:region|province|oblast|governorate|state|prefecture)\b", regex.IGNORECASE)
# What may join the words of one name ("Rio de Janeiro", "Bosnia and Herzegovina").
_JOINERS = {"de", "da", "do", "del", "la", "le", "al", "el", "of", "and", "upon", "on", "am", "im", "sur", "des", "du"}


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
            and DAYS.isdisjoint((word.text.rstrip("."), current[-1].text))  # "won New Hampshire Tuesday"
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
    long_or_numbered = len(bare) > 3 or any(ch.isdigit() for ch in bare)  # "Kirkuk.", "K1."
    return word.endswith(".") and long_or_numbered and "." not in bare and bare not in TITLES


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:\n"


def lookup(name: str, gazetteer: Gazetteer) -> str | None:
    """The gazetteer's spelling of name, also for a dateline's capitals ("BAGHDAD") and
    before a possessive ("Ohio's")."""
    name = _bare(name)
    if name in gazetteer:
        return name
    if name[:3] in ("al-", "el-") and name[0].upper() + name[1:] in gazetteer:
        return name[0].upper() + name[1:]  # "al-Qaim"
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


def find_places(text: str, gazetteer: Gazetteer) -> list[Found]:
    """Every place the article names, with the gazetteer's place for it."""
    mentions: list[Mention] = []
    people: set[str] = set()  # names seen as people's ("George Washington", "Mr Jackson")
    stems: set[str | None] = set()  # the names of the bases the text names ("K1" of "K1 Air Base")
    unknown: list[list[_Word]] = []  # runs of words that are no name in the gazetteer
    phrases: list[tuple[list[_Word], int, int, str]] = []  # names inside a longer run
    capitals: dict[int, bool] = {}  # whether the line starting there is in capitals: once a line
    for run in _split_titles(_split_compounds(_runs(text), text, gazetteer), text):
        feature = feature_span([word.text.rstrip(".") for word in run])
        if feature is not None and lookup(_span(run, text, 0, len(run) - 1), gazetteer) is None:
            first, last = feature
            start = run[first].start
            mentions.append(Mention(start, start + len(_surface(_span(run, text, first, last))), "", feature=True))
            stems.add(base_stem([word.text.rstrip(".") for word in run[first : last + 1]]))
            continue
        if listed_as_places(text, run[0].start):  # "towns like Khanaqin, Qara Tapa and Miqdadiya"
            mentions.extend(_listed(run, text, gazetteer))
            continue
        if len(run) == 1 and (state := ap_state(text, run[0].start, run[0].text)) is not None:
            mentions.append(Mention(run[0].start, run[0].end, state))
            continue
        names = _names_in_run(run, text, gazetteer)
        if not (names and names[0][0] == 0 and (names[0][1] > 0 or run[0].text not in ORDINARY)):
            # Sentence-initial ordinary words ("In", "The") are not part of a name.
            skip = 0
            while skip < len(run) and (
                run[skip].text in ARTICLES
                or run[skip].text.rstrip(".") in TITLES
                or (run[skip].text in ORDINARY and (skip > 0 or _sentence_start(text, run[0].start)))
            ):
                skip += 1
            if skip and run[skip - 1].text.rstrip(".") in TITLES:
                people.update(_surface(word.text) for word in run[skip:])
                continue
            run = run[skip:]
            names = _names_in_run(run, text, gazetteer)
        if run and not names:
            unknown.append(run)
        head = next((k for k, word in enumerate(run) if word.text in ORGANISATION_HEADS), len(run))
        for first, last, name in names:
            inside = head < last  # "University of Texas"
            set_off = _set_off(run, text, first, last)
            if inside or (set_off and _acronym(run[first].start, run[last].end, text, capitals)):
                continue  # "the IOWA program" is an acronym, wherever Iowa is named
            if set_off:
                start = run[first].start
                mentions.append(Mention(start, start + len(_surface(_span(run, text, first, last))), name))
                if (
                    len(run) == 1
                    and SPEAKS.match(text, run[0].end)
                    and _merely_a_town(name, gazetteer)
                    and not locative_before(text, run[0].start)  # "officials in Kirkuk said": the town's
                ):
                    people.add(name)  # "Taylor said", "Obama administration"
            else:
                phrases.append((run, first, last, name))
        if _a_persons_name(run, names, text, gazetteer):
            people.add(names[-1][2])  # "George Washington", "Marco Rubio"
    for run in unknown:  # "K-1" after "K1 Air Base"
        named = _span(run, text, 0, len(run) - 1)
        if _surface(named).replace("-", "") in stems:
            mentions.append(Mention(run[0].start, run[0].start + len(_surface(named)), "", feature=True))
    mentions.extend(_in_title_case(phrases, mentions, text))
    mentions.sort(key=lambda m: m.start)
    for mention in mentions:
        mention.name = _region_named(mention.name, text, mention.end, gazetteer)
    return resolve([m for m in mentions if m.name not in people], gazetteer, text)


ARTICLES = frozenset({"The", "A", "An"})  # "The US-led coalition": never part of a place's name unless the gazetteer's


def _listed(run: list[_Word], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """The places of a run in a list of them, split where a joiner is ("Qara Tapa and
    Miqdadiya"): the gazetteer's where it knows them, else places without an id."""
    parts: list[list[_Word]] = [[run[0]]]
    for before, word in itertools.pairwise(run):
        if text[before.end : word.start] == " ":
            parts[-1].append(word)
        else:
            parts.append([word])
    found = []
    for part in parts:
        named = _surface(_span(part, text, 0, len(part) - 1))
        if len(part) == 1 and (named in NEVER or named in ORDINARY or named.rstrip(".") in TITLES):
            continue  # "… on Thursday", "… and The"
        start = part[0].start
        name = lookup(named, gazetteer)
        found.append(Mention(start, start + len(named), name or "", feature=name is None, listed=True))
    return found


def _split_compounds(runs: list[list[_Word]], text: str, gazetteer: Gazetteer) -> list[list[_Word]]:
    """A one-word run of names joined by hyphens that is no name itself ("Iran-US") as a
    run for each of its names; "Winston-Salem", "Al-Anbar" stay whole."""
    out = []
    for run in runs:
        word = run[0]
        if len(run) > 1 or "-" not in word.text.strip("-") or lookup(word.text, gazetteer) is not None:
            out.append(run)
            continue
        at = word.start
        for part in word.text.split("-"):
            if part[:1].isupper():
                out.append([_Word(at, at + len(part), part)])
            at += len(part) + 1
    return out


def _in_title_case(
    phrases: list[tuple[list[_Word], int, int, str]], mentions: list[Mention], text: str
) -> list[Mention]:
    """The places inside runs written in title case, a headline's or a slogan's ("Make
    Mexico Great Again"): runs in a headline in title case, or whose other words the article
    writes in lower case too, and whose place it names elsewhere; a proper name's run
    ("Washington Post") is neither."""
    placed = {m.name for m in mentions}
    lower = set(regex.findall(r"\b\p{Ll}+\b", text)) if phrases else set()
    headline = _title_case_headline(text) if phrases else 0
    found = []
    # Of each run, once (a long run holds many names): the words the article never writes
    # in lower case, and whether an organisation's word is among its words.
    seen: dict[int, tuple[list[int], bool]] = {}
    for run, first, last, name in phrases:
        if id(run) not in seen:
            unwritten = [k for k, word in enumerate(run) if word.text.rstrip(".").lower() not in lower]
            seen[id(run)] = unwritten, any(word.text in ORGANISATION_HEADS for word in run)
        unwritten, organisation = seen[id(run)]
        title_case = all(first <= k <= last for k in unwritten) or run[0].start < headline
        if name in placed and title_case and not organisation:
            start = run[first].start
            found.append(Mention(start, start + len(_surface(_span(run, text, first, last))), name))
    return found


def _title_case_headline(text: str) -> int:
    """Where the article's headline ends when it is written in title case (its first line,
    whose words of four letters or more are all capitalised, and not all in capitals), else 0."""
    line = text[: text.find("\n") % (len(text) + 1)]
    words = regex.findall(r"\p{L}{4,}", line)
    return len(line) if len(words) >= 3 and all(word[0].isupper() for word in words) and not line.isupper() else 0


def _acronym(start: int, end: int, text: str, capitals: dict[int, bool]) -> bool:
    """A name in capitals in a line of lower case is an acronym ("the DACA program"), or a
    speaker's name in a transcript ("RAMOS: …"), unless it opens the line as a dateline
    does ("WASHINGTON (AP) —"); a line in capitals is a headline ("IOWA VOTES")."""
    name = text[start:end]
    if not name.isupper() or len(name) < 4 or "." in name:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if line_start not in capitals:  # (a long line may hold many names in capitals)
        letters = [ch for ch in text[line_start : text.find("\n", end) % (len(text) + 1)] if ch.isalpha()]
        capitals[line_start] = sum(ch.isupper() for ch in letters) > 0.6 * len(letters)
    if capitals[line_start]:
        return False
    return bool(text[line_start:start].strip(" \"“'‘")) or text[end : end + 1] == ":"


def _split_titles(runs: list[list[_Word]], text: str) -> list[list[_Word]]:
    """A title inside a run begins a person's name, so what comes before it is apart
    ("Maryland Gov. Martin O'Malley", "New York City Mayor Rudy Giuliani"), and the
    person's name ends at "of" ("Sen. Ted Cruz of Texas")."""
    out = []
    for run in runs:
        cut = next((k for k in range(1, len(run)) if _titled(run[k]) and not _titled(run[k - 1])), None)
        if cut is not None and text[run[cut - 1].end : run[cut].start] == " ":
            out.append(run[:cut])
            run = run[cut:]
        named = next((k for k in range(len(run)) if not _titled(run[k])), len(run))
        after = next((k for k in range(named + 1, len(run)) if text[run[k - 1].end : run[k].start] == " of "), None)
        if named and after is not None:
            out.append(run[:after])
            run = run[after:]
        out.append(run)
    return out


def _titled(word: _Word) -> bool:
    return word.text.rstrip(".") in TITLES


def _span(run: list[_Word], text: str, first: int, last: int) -> str:
    return text[run[first].start : run[last].end]


def _bare(word: str) -> str:
    """A word without its possessive ("Obama's" is "Obama")."""
    return str(_POSSESSIVE.sub("", word))


_POSSESSIVE = regex.compile(r"['’]s(?=\.?$)")  # "with America's."


def _surface(name: str) -> str:
    """A name as the text writes it, without a possessive or the sentence's full stop."""
    bare = _bare(name)
    return bare[:-1] if bare.endswith(".") and not _abbreviation(bare) else bare


def _abbreviation(word: str) -> bool:
    return bool(regex.search(r"(?:^|\.)\p{L}\.$", word)) or word[:-1] in TITLES or word in AP_STATES


def _merely_a_town(name: str, gazetteer: Gazetteer) -> bool:
    candidates = gazetteer.candidates(name)
    return bool(candidates) and candidates[0].kind == CITY


def _a_persons_name(run: list[_Word], names: list[tuple[int, int, str]], text: str, gazetteer: Gazetteer) -> bool:
    """A run of two or three words whose last is a town's name and the others no country,
    region or capital: a person's name ("George Washington", "Marco Rubio")."""
    if len(run) not in (2, 3) or not names or names[-1][:2] != (len(run) - 1, len(run) - 1):
        return False
    if any(text[a.end : b.start] != " " for a, b in itertools.pairwise(run)):
        return False  # "Kirkuk and Mosul"
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


def place_named(name: str, context: str, gazetteer: Gazetteer) -> Place | None:
    """The place a person tagged as name, read in context (the article around it): the
    article's places say which country an ambiguous name is in. Ordinary words and
    months are places here, since a person said so."""
    found = lookup(name.strip(), gazetteer)
    if found is None:
        return None
    countries = Counter(f.place.country for f in find_places(context, gazetteer))
    return best(gazetteer.candidates(found), countries)
