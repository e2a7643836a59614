"""`reader stats`: tags per article and label, done marks, tallies by unit, country or speaker."""

from __future__ import annotations

import argparse
from collections import Counter

from annotations.attributes import NONE_SAID, TALLIES, tally
from annotations.interchange.exporting import (
    Filters,
    gather,
)
from annotations.model import ORPHANED, Annotation
from annotations.text import display_line, quoted

from ..command_setup import add_corpus_arguments, load_corpus, read_database, tell
from ..config import cache_folder, database_path, load_labels
from .team import run_plan_stats


def run_stats(argv: list[str]) -> int:
    if "--plan" in argv or any(arg.startswith("--plan=") for arg in argv):
        return run_plan_stats(argv)  # done / assigned per annotator
    parser = argparse.ArgumentParser(prog="reader stats", description="Annotations per article and per label.")
    add_corpus_arguments(parser)
    parser.add_argument(
        "--by", choices=sorted(TALLIES), help="instead: quotes per speaker, places per country or figures per unit"
    )
    args = parser.parse_args(argv)
    corpus = load_corpus(args.paths, text_field=args.text_field)
    stored = read_database(database_path(args.db))  # once: a million tags take seconds to read
    groups, _missing = gather(corpus, stored.annotations, Filters())
    if args.by:
        label, name = TALLIES[args.by]
        tallied = tally((a for _, group in groups for a in group), args.by)
        named = country_names([value for value, _, _ in tallied]) if name == "country" else None
        print("\t".join([name, *(["name"] if named is not None else []), f"{label} tags", "articles"]))
        for value, tags, articles in tallied:
            cells = [value, *([named[value]] if named is not None else []), str(tags), str(articles)]
            print("\t".join(display_line(cell) for cell in cells))
        return 0
    configured = load_labels().names
    found = sorted({a.label for _, group in groups for a in group} - set(configured))
    labels = configured + found  # every configured label always has its column
    rows: list[tuple[str, list[Annotation]]] = [
        (article.id if article else f"{group[0].article} (not in this corpus)", group) for article, group in groups
    ]
    annotated = {group[0].article for _, group in groups if group}
    rows += [(entry.id, []) for entry in corpus.entries if entry.id not in annotated]
    done = stored.done
    print("\t".join(display_line(cell) for cell in ["article", *labels, "total", "orphaned", "done"]))
    orphans = []
    for name, group in rows:
        counts = Counter(a.label for a in group)
        lost = [a for a in group if a.status == ORPHANED]
        orphans += lost
        finished = "yes" if name in done else ""
        cells = [name, *(str(counts[label]) for label in labels), str(len(group)), str(len(lost)), finished]
        print("\t".join(display_line(cell) for cell in cells))
    tell(f"done: {sum(entry.id in done for entry in corpus.entries)} of {len(corpus.entries)} articles")
    for orphan in orphans:
        where = f"{orphan.article} {orphan.label} {quoted(orphan.text, 60)}"
        print(display_line(f"orphaned: {where} (was {orphan.start}–{orphan.end})"))
    return 0


def country_names(codes: list[str]) -> dict[str, str]:
    """ "Iraq" for "IQ", from the gazetteer (built into the cache on first use)."""
    from annotations.suggest import gazetteer

    places = gazetteer.load(cache_folder())
    return {code: places.country_name(code) if code != NONE_SAID else "" for code in codes}
