"""`reader review`: settle what the sources (annotators' databases) disagree on into a gold
database, in the app (keys in docs/team.md) or, with --auto, on the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotations.store import stored_bytes
from annotations.team import Review, Source, declined, for_gold, to_take, unsettled
from annotations.text import plural

from ..command_setup import Failure, add_corpus_arguments, open_store, read_database, tell
from ..config import database_path, default_annotator


def run_review(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader review",
        description="Open the gold database with every source's spans on top, to settle where they differ.",
    )
    add_corpus_arguments(parser)
    parser.add_argument(
        "--from", dest="sources", action="append", required=True, metavar="FILE", help="a source database (repeat)"
    )
    parser.add_argument(
        "--annotator", metavar="NAME", help="the reviewer's name, stored with gold (default: your login)"
    )
    parser.add_argument("--auto", action="store_true", help="no app: take every span that --min sources share")
    parser.add_argument(
        "--min", type=int, metavar="K", help="with --auto: how many sources must share a span (default: all)"
    )
    args = parser.parse_args(argv)
    gold = database_path(args.db)
    review = Review(read_sources([Path(p) for p in args.sources], gold))
    if args.auto:
        return _auto(review, args.min, args.annotator or default_annotator(), args.db)
    if args.min is not None:
        raise Failure("--min goes with --auto")
    from ..launch import run_app_on  # the app's own start, with the review on top

    return run_app_on(args, review)


def read_sources(paths: list[Path], gold: Path) -> list[Source]:
    """Each source database, named by the annotator of its tags (its file name when they
    name none or several); two sources of one name, or gold among them, are refused."""
    sources: list[Source] = []
    named: dict[str, Path] = {}
    for path in paths:
        if paths.count(path) > 1:
            raise Failure(f"{path} is given twice (--from): each source is another annotator's file")
        if stored_bytes(path) is None:
            raise Failure(f"{path}: no such database (--from names an annotator's database file)")
        if path.resolve() == gold.resolve():
            raise Failure(f"{path} is the gold database (--db); a source is another annotator's file")
        annotations = read_database(path).annotations
        annotators = {a.annotator for a in annotations if a.annotator}
        name = annotators.pop() if len(annotators) == 1 else path.stem
        if name in named:
            raise Failure(f"{named[name]} and {path} are both {name!r}: each source must be another annotator")
        named[name] = path
        sources.append(Source.of(name, annotations))
    return sources


def _auto(review: Review, at_least: int | None, reviewer: str, db: str | None) -> int:
    """Prodigy's auto-accept: what K sources share goes into gold; the rest is said."""
    count = len(review.sources)
    k = count if at_least is None else at_least
    if not 1 <= k <= count:
        raise Failure(f"--min {k}: between 1 and {count} (the number of sources)")
    store = open_store(db)
    try:
        turned_down = declined(store.rejections())
        made = [
            for_gold(annotation, reviewer, holders)
            for article in sorted(review.articles())
            for annotation, holders in to_take(
                review, article, k, store.annotations(article), turned_down.get(article, [])
            )
        ]
        added, _ = store.merge(made)
        left = {
            article: len(
                unsettled(review.of(article).disagreements, store.annotations(article), turned_down.get(article, []))
            )
            for article in review.articles()
        }
    finally:
        store.close()
    remaining = sum(left.values())
    articles = sum(1 for n in left.values() if n)
    tell(
        f"took {plural(added, 'span')} that {k} of {count} sources share into {store.path} "
        "(none where gold has decided, nor where as many share another version); "
        f"{plural(remaining, 'disagreement')} left in {plural(articles, 'article')} (reader review opens them)"
    )
    return 0
