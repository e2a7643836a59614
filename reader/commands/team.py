"""`reader assign` and `reader agree`, a plan's share for the app (`--plan`) and its
progress for `reader stats --plan`: a team's work on one corpus. The decisions are
in annotations/team; this reads the files, hands over plain data and prints."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from annotations.atomic import atomic_writer
from annotations.corpus import Corpus, ReadOnce
from annotations.corpus.entries import ArticleError
from annotations.team import (
    Plan,
    PlanError,
    Report,
    agreement,
    annotator_names,
    check_annotator,
    check_corpus,
    make_plan,
    progress,
    read_plan,
)
from annotations.text import display_line, excerpt, plural

from ..command_setup import Failure, add_corpus_arguments, load_corpus, tell
from ..config import load_labels
from .team_reading import read_coded, read_coders

WIDTH = 80  # the table fits a terminal this wide


def _texts(read: ReadOnce, wanted: set[str] | None = None) -> dict[str, str]:
    """Article id → text, in corpus order (those not readable are said and left out)."""
    texts = {}
    for entry in read.corpus.entries:
        if wanted is None or entry.id in wanted:
            try:
                texts[entry.id] = read.load(entry.id).text
            except ArticleError as error:
                tell(f"reader: skipped {error}")
    return texts


# ------------------------------------------------------------------ assign


def run_assign(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader assign",
        description="Share a corpus among annotators: a part for everyone (to measure agreement), "
        "the rest dealt so that each reads about as many characters.",
    )
    add_corpus_arguments(parser, db=False)
    parser.add_argument("--annotators", required=True, metavar="A,B,C", help="the annotators' names, by commas")
    parser.add_argument(
        "--overlap", type=float, default=20.0, metavar="P", help="percent of the articles everyone reads (default 20)"
    )
    parser.add_argument("--seed", type=int, default=0, metavar="N", help="draws the shared articles (default 0)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the plan here (default: stdout)")
    args = parser.parse_args(argv)
    try:
        names = annotator_names(args.annotators)
        if not 0 <= args.overlap <= 100:  # before the corpus is read
            make_plan({}, names, args.overlap, args.seed)
        corpus = load_corpus(args.paths, text_field=args.text_field)
        lengths = {article: len(text) for article, text in _texts(ReadOnce(corpus)).items()}
        plan = make_plan(lengths, names, args.overlap, args.seed)
    except PlanError as error:
        raise Failure(str(error)) from None
    text = plan.to_json()
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        with atomic_writer(Path(args.output)) as out:
            out.write(text.encode("utf-8"))
    except OSError as error:
        raise Failure(f"{args.output}: cannot write ({error.strerror or error})") from None
    shared = sum(len(given) == len(names) > 1 for given in plan.articles.values())
    tell(f"wrote {args.output}: {plural(len(plan.articles), 'article')}, {shared} read by everyone")
    for name in names:
        share = plan.share(name)
        tell(f"  {name}: {plural(len(share), 'article')}, {sum(lengths[a] for a in share):,} characters")
    return 0


# ------------------------------------------------------------------ the plan elsewhere


def _plan_for(path: str, corpus: Corpus) -> Plan:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise Failure(f"{path}: cannot read the plan ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise Failure(f"{path}: not a plan (not UTF-8 text)") from None
    try:
        plan = read_plan(text, path)
        check_corpus(plan, {entry.id for entry in corpus.entries}, path)
    except PlanError as error:
        raise Failure(str(error)) from None
    return plan


def plan_share(corpus: Corpus, path: str, annotator: str) -> Corpus:
    """The corpus cut to annotator's share of the plan at path, in plan order (the app
    lists this)."""
    plan = _plan_for(path, corpus)
    try:
        check_annotator(plan, annotator, path)
    except PlanError as error:
        raise Failure(f"{error} (give yours with --annotator)") from None
    entries = [corpus.get(article) for article in plan.share(annotator)]
    if not entries:
        raise Failure(f"{path} gives {annotator} no articles (reader assign with more --overlap, or fewer annotators)")
    return Corpus([entry for entry in entries if entry is not None], corpus.notices)


def run_plan_stats(argv: list[str]) -> int:
    """`reader stats --plan plan.json --db a.json --db b.json`: done / assigned each."""
    parser = argparse.ArgumentParser(prog="reader stats --plan", description="Each annotator's progress on a plan.")
    add_corpus_arguments(parser, db=False)
    parser.add_argument("--plan", required=True, metavar="FILE", help="the plan reader assign wrote")
    parser.add_argument("--db", action="append", default=[], metavar="FILE", help="an annotator's database (repeat)")
    args = parser.parse_args(argv)
    if not args.db:
        parser.error("give the annotators' databases with --db (one each)")
    corpus = load_corpus(args.paths, text_field=args.text_field)
    plan = _plan_for(args.plan, corpus)
    coders = read_coded(args.db, corpus)
    coded = {coder.name: set(coder.coded) for coder in coders}
    rows = progress(plan, coded)
    print("annotator\tdone\tassigned")
    for name, done, assigned in rows:
        print("\t".join(display_line(cell) for cell in [name, str(done), str(assigned)]))
    outside = [name for name in coded if name not in plan.annotators]
    if outside:
        tell(f"reader: not in the plan: {', '.join(outside)}")
    tell(f"done: {sum(r[1] for r in rows)} of {sum(r[2] for r in rows)} assigned articles")
    return 0


# ------------------------------------------------------------------ agree


def run_agree(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader agree",
        description="How well annotators agree: F1, Krippendorff's alpha and kappa, per label and over all labels.",
    )
    add_corpus_arguments(parser, db=False)
    parser.add_argument(
        "--db", action="append", default=[], metavar="FILE", help="an annotator's database (repeat: one each)"
    )
    parser.add_argument("--label", nargs="+", action="extend", metavar="L", help="only these labels")
    parser.add_argument("--article", nargs="+", action="extend", metavar="ID", help="only these articles")
    parser.add_argument("--format", choices=["table", "json", "csv"], default="table", help="default: table")
    args = parser.parse_args(argv)
    if not args.db:
        raise Failure("agree: give each annotator's database with --db (two or more)")
    corpus = load_corpus(args.paths, text_field=args.text_field)
    unknown = [article for article in args.article or [] if corpus.get(article) is None]
    if unknown:
        raise Failure(f"--article {unknown[0]}: not in this corpus")
    labels = load_labels().names
    strange = [label for label in args.label or [] if label not in labels]
    if strange:
        raise Failure(f"--label {strange[0]}: no such label (the labels are {', '.join(labels)})")
    read = ReadOnce(corpus)
    coders = read_coders(args.db, read, set(args.label) if args.label else None, args.article)
    if len(coders) < 2:
        raise Failure(
            f"agree needs two coders: {args.db[0]} holds only {coders[0].name}'s work; "
            "give another annotator's database with a second --db"
        )
    texts = _texts(read, {article for coder in coders for article in coder.coded})
    report = agreement(coders, texts, args.label or labels)
    write = {"table": _table, "json": _json, "csv": _csv}[args.format]
    for line in write(report):
        print(line)
    return 0


def _json(report: Report) -> Iterator[str]:
    figures = []
    for f in report.figures:
        pair = list(f.pair) if f.pair else None
        record = {"measure": f.measure, "label": f.label, "pair": pair, "value": f.value, "n": f.n}
        figures.append(record | ({"reason": f.reason} if f.value is None else {}))
    yield json.dumps({"articles": report.articles, "coders": report.coders, "measures": figures}, ensure_ascii=False)


def _csv(report: Report) -> Iterator[str]:
    class Lines:
        line = ""

        def write(self, text: str) -> None:
            self.line = text.rstrip("\r\n")

    out = Lines()
    writer = csv.writer(out)
    writer.writerow(["measure", "label", "coder_a", "coder_b", "value", "n", "reason"])
    yield out.line
    for f in report.figures:
        first, second = f.pair or ("", "")
        writer.writerow([f.measure, f.label, first, second, "" if f.value is None else f.value, f.n, f.reason])
        yield out.line


def _cell(text: str, width: int) -> str:
    return excerpt(text, width).ljust(width)


def _table(report: Report) -> Iterator[str]:
    coders = ", ".join(report.coders)
    head = f"{plural(report.articles, 'article')} coded by two or more of {len(report.coders)} coders: {coders}"
    yield from textwrap.wrap(display_line(head), WIDTH, subsequent_indent="  ")
    yield ""
    yield f"{'measure':<15} {'label':<9} {'pair':<23} {'value':>7} {'n':>6}"
    measure = None
    for f in report.figures:
        if f.measure != measure and measure is not None:
            yield ""
        measure = f.measure
        pair = (
            " · ".join(_cell(name, 10).rstrip() for name in f.pair)  # each name cut alone: both are seen
            if f.pair
            else ("mean of pairs" if f.measure.startswith("f1") else "all coders")
        )
        value = "null" if f.value is None else f"{f.value:.4f}"
        line = f"{_cell(f.measure, 15)} {_cell(f.label, 9)} {_cell(pair, 23)} {value:>7} {f.n:>6}"
        if f.value is None:
            room = WIDTH - len(line) - 2
            line += f"  {f.reason}" if len(f.reason) <= room else f"\n{'':<4}{display_line(f.reason)}"
        yield line.rstrip()
