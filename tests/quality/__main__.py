"""python -m tests.quality places|quotes|annotators|figures PATH [--show N] [--gold FILE]: development scores."""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from annotations.suggest import ner
from annotations.suggest.figures import find_figures
from annotations.suggest.gazetteer import load
from annotations.suggest.places import find_places
from annotations.suggest.quotes import find_quotes
from reader.config import cache_folder

from .conll import documents
from .polnear import articles, doubly_marked
from .score import Score

Span = tuple[int, int]
T = TypeVar("T")


def places(path: Path, show: int, gold_path: Path | None = None, model: str = "") -> None:
    gazetteer = load(cache_folder())
    if gold_path is not None:  # places marked by hand, by docs/suggestions.md's rules
        by_hand(
            path, gold_path, "places", lambda text: {(f.start, f.end): f for f in find_places(text, gazetteer)}, show
        )
        return
    score, prose, started = Score(), Score(), time.perf_counter()
    texts = list(documents(path))
    entities = ner.entities(ner.load_model(model), [text for text, _ in texts]) if model else []
    for number, (text, gold) in enumerate(texts):
        found = find_places(text, gazetteer)
        if model:  # --ner: the model's places and the rules' it does not contradict
            found = ner.places(text, entities[number], gazetteer, found)  # type: ignore[assignment]
        score.add(text, [(f.start, f.end) for f in found], gold)
        lines = text.splitlines()
        if sum(any(c.isdigit() for c in line) for line in lines) < 0.3 * len(lines):  # not a results table
            prose.add(text, [(f.start, f.end) for f in found], gold)
    print(score.line(f"places (CoNLL-2003 train, LOC){' with ' + model if model else ''}"))
    print(prose.line("  of which articles in prose (under 30% of lines with digits: no results tables)"))
    print(
        f"  every one with a GeoNames id (a name not in the gazetteer is not suggested); {time.perf_counter() - started:.1f} s"
    )
    if show:
        print("  most common wrong:", Counter(score.wrong).most_common(show))
        print("  most common missed:", Counter(score.misses).most_common(show))


_PRONOUNS = {"he", "she", "they", "i", "we", "you", "it"}


def hand_marked(path: Path, gold_path: Path, kind: str) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """(text, gold spans) of each article in a file of our own marking: JSON with the
    "articles" (names under PATH/text/) and, under kind, each span's file, start, end."""
    marked = json.loads(gold_path.read_text(encoding="utf-8"))
    for name in marked["articles"]:
        text = (path / "text" / name).read_text(encoding="utf-8")
        yield text, [(g["start"], g["end"]) for g in marked[kind] if g["file"] == name]


def by_hand(path: Path, gold_path: Path, kind: str, find: Callable[[str], dict[Span, T]], show: int) -> list[T]:
    """Score what find finds against a file of our own marking; print the score and,
    with show, the first misses and wrong ones in their context. Returns the matched finds."""
    score, matched = Score(), []
    misses: list[str] = []
    wrong: list[str] = []
    for text, gold in hand_marked(path, gold_path, kind):
        found = find(text)
        pairs = score.add(text, list(found), gold)
        matched.extend(found[span] for span, _ in pairs)
        misses.extend(_in_context(text, g) for g in gold if g not in {hit for _, hit in pairs})
        wrong.extend(_in_context(text, f) for f in found if f not in {span for span, _ in pairs})
    print(score.line(f"{kind} ({gold_path}, marked by hand)"))
    if show:
        print("  missed:", *misses[:show], sep="\n    ")
        print("  wrong:", *wrong[:show], sep="\n    ")
    return matched


def _in_context(text: str, span: Span) -> str:
    return " ".join(
        f"{text[max(0, span[0] - 40) : span[0]]}[{text[span[0] : span[1]]}]{text[span[1] : span[1] + 30]}".split()
    )


def quotes(path: Path, show: int, gold_path: Path | None = None, model: str = "") -> None:
    if gold_path is not None:  # quotes marked by hand, as the convention has them
        by_hand(path, gold_path, "quotes", lambda text: {(q.start, q.end): q for q in find_quotes(text)}, show)
        return
    score, started = Score(), time.perf_counter()
    shown = right = named = named_shown = 0
    wrong_speakers = []
    read = list(articles(path))
    entities = ner.entities(ner.load_model(model), [text for _, text, _ in read]) if model else []
    outlets: dict[str, Score] = {}
    for number, (name, text, gold) in enumerate(read):
        found = find_quotes(text) if not model else ner.speakers(text, find_quotes(text), entities[number])
        pairs = score.add(text, [(q.start, q.end) for q in found], [(g.start, g.end) for g in gold])
        outlets.setdefault(name.split("_")[0], Score()).add(
            text, [(q.start, q.end) for q in found], [(g.start, g.end) for g in gold]
        )
        by_span = {(q.start, q.end): q for q in found}
        by_gold = {(g.start, g.end): g for g in gold}
        for span, hit in pairs:
            quote, truth = by_span[span], by_gold[hit]
            # the gold source, when it is a name or a description (a pronoun's person it does not give)
            named_source = truth.source
            if named_source is not None and text[named_source[0] : named_source[1]].lower() in _PRONOUNS:
                named_source = None
            named += named_source is not None
            if not quote.speaker:
                continue
            shown += 1
            if named_source is None:
                continue
            named_shown += 1
            a, b = named_source
            source = text[a:b]
            if (quote.speaker_start is not None and quote.speaker_start < b and a < quote.speaker_end) or (
                quote.speaker.split()[-1].lower() in source.lower().replace(",", " ").split()
            ):
                right += 1
            else:
                wrong_speakers.append(f"{quote.speaker!r} for {source!r}")
    print(score.line("quotes (PolNeAR train, quoted content of attributions)"))
    print(
        f"  speaker shown for {named_shown / max(1, named):.3f} of the matched quotes whose gold speaker is a name or"
        f" a description ({named}), {shown / max(1, score.matched):.3f} of all matched; right for "
        f"{right / max(1, named_shown):.3f} of those shown ({named_shown}); {time.perf_counter() - started:.1f} s"
    )
    for outlet, scored in sorted(outlets.items()):
        print(scored.line(f"  {outlet}"))
    if show:
        print("  wrong quotes:", score.wrong[:show])
        print("  missed quotes:", score.misses[:show])
        print("  wrong speakers:", wrong_speakers[:show])


def annotators(path: Path) -> None:
    """PolNeAR's second annotator scored against the first, as quotes are: the ceiling of
    what a suggester can score against one person's marks."""
    score = Score()
    for text, first, second in doubly_marked(path):
        score.add(text, [(g.start, g.end) for g in second], [(g.start, g.end) for g in first])
    print(score.line("quotes, PolNeAR train's second annotator against the first (articles both marked)"))


def figures(path: Path, show: int, gold_path: Path | None = None) -> None:
    """Figures against a gold file of our own marking (--gold: JSON with the articles
    and, for each figure, file, start, end, text) in the texts under PATH (PolNeAR's
    text/); without one, a fixed random sample of what is found, to judge by hand."""
    import random

    if gold_path is not None:
        matched = by_hand(
            path, gold_path, "figures", lambda text: {(f.start, f.end): f for f in find_figures(text)}, show
        )
        print(f"  a value on {sum(f.figure.value is not None for f in matched)} of {len(matched)} matched")
        return
    found = []
    for _, text, _ in articles(path):
        found.extend((text, figure) for figure in find_figures(text))
    print(f"figures (PolNeAR train texts): {len(found)} found; a sample of {show or 50} to judge by hand:")
    for text, figure in random.Random(2026).sample(found, show or 50):
        context = text[max(0, figure.start - 40) : figure.end + 30].replace("\n", " ")
        print(f"  [{figure.text}] value {figure.figure.value} unit {figure.figure.unit!r} · …{context}…")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.quality")
    parser.add_argument("what", choices=["places", "quotes", "annotators", "figures"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--show", type=int, default=0, help="list the N most common errors")
    parser.add_argument("--gold", type=Path, help="places, quotes, figures: a file of them marked by hand")
    parser.add_argument("--ner", default="", metavar="MODEL", help="places, quotes: with a spaCy model too")
    args = parser.parse_args()
    if args.what == "places":
        places(args.path, args.show, args.gold, args.ner)
    elif args.what == "annotators":
        annotators(args.path)
    else:
        if args.what == "quotes":
            quotes(args.path, args.show, args.gold, args.ner)
        else:
            figures(args.path, args.show, args.gold)


main()
