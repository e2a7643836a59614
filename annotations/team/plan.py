"""Who reads what: a plan.json that gives a share of the corpus to each annotator.

P percent of the articles, drawn with the seed, go to every annotator (the overlap that
agreement is measured on); the rest are dealt by length so that each annotator gets
about the same number of characters to read. The plan lists the shared articles first
(agreement can be measured early), then the rest, each group in corpus order. Same
articles, annotators, overlap and seed: the same bytes.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

FORMAT = "reader plan"


class PlanError(ValueError):
    """A plan that cannot be made or used: the message says what and where, in one line."""


@dataclass(frozen=True)
class Plan:
    annotators: tuple[str, ...]
    seed: int
    overlap: float  # percent of the articles every annotator reads
    articles: dict[str, tuple[str, ...]]  # article id → its annotators, in plan order

    def share(self, annotator: str) -> list[str]:
        """The articles given to annotator, in plan order."""
        return [article for article, names in self.articles.items() if annotator in names]

    def to_json(self) -> str:
        """The plan as plan.json: one line per article, so a diff shows who got what."""
        overlap = int(self.overlap) if float(self.overlap).is_integer() else self.overlap
        head = [
            f'  "format": {json.dumps(FORMAT)},',
            f'  "annotators": {json.dumps(list(self.annotators), ensure_ascii=False)},',
            f'  "seed": {self.seed},',
            f'  "overlap": {json.dumps(overlap)},',
        ]
        lines = [
            f"    {json.dumps(article, ensure_ascii=False)}: {json.dumps(list(names), ensure_ascii=False)}"
            for article, names in self.articles.items()
        ]
        return "\n".join(["{", *head, '  "articles": {', ",\n".join(lines), "  }", "}"]) + "\n"


def annotator_names(text: str) -> tuple[str, ...]:
    """ "alice,bob, cat" → ("alice", "bob", "cat"); at least one, none twice."""
    names = tuple(name.strip() for name in text.split(","))
    if not all(names):
        raise PlanError(f"--annotators {text!r}: a name is empty (give them as alice,bob,cat)")
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise PlanError(f"--annotators: {', '.join(twice)} is named twice")
    return names


def make_plan(lengths: dict[str, int], annotators: tuple[str, ...], overlap: float, seed: int) -> Plan:
    """The plan for articles (id → characters, in corpus order)."""
    if not 0 <= overlap <= 100:
        raise PlanError(f"--overlap {overlap:g}: give a percentage from 0 to 100")
    if not annotators:
        raise PlanError("--annotators: name at least one annotator")
    ids = list(lengths)
    shared = set(random.Random(seed).sample(ids, round(len(ids) * overlap / 100)))
    given: dict[str, tuple[str, ...]] = {}
    load = dict.fromkeys(annotators, 0)
    # The longest first, each to whoever has the fewest characters so far (ties: the one
    # named first): the greedy deal whose largest share is within a third of the best.
    position = {article: at for at, article in enumerate(ids)}
    for article in sorted((i for i in ids if i not in shared), key=lambda i: (-lengths[i], position[i])):
        least = min(annotators, key=load.__getitem__)
        load[least] += lengths[article]
        given[article] = (least,)
    articles = {article: annotators for article in ids if article in shared}
    articles.update((article, given[article]) for article in ids if article in given)
    return Plan(annotators, seed, overlap, articles)


def read_plan(text: str, where: str) -> Plan:
    """A plan from its JSON; PlanError names where and what is wrong."""
    try:
        record = json.loads(text)
    except ValueError as error:
        raise PlanError(f"{where}: not a plan (not JSON: {error})") from None
    if not isinstance(record, dict) or record.get("format") != FORMAT:
        raise PlanError(f"{where}: not a plan (reader assign writes one)")
    annotators = record.get("annotators")
    articles = record.get("articles")
    if not (isinstance(annotators, list) and annotators and all(isinstance(a, str) and a for a in annotators)):
        raise PlanError(f"{where}: 'annotators' must be a list of names")
    if not isinstance(articles, dict) or not all(_names(value) for value in articles.values()):
        raise PlanError(f"{where}: 'articles' must map each article id to a list of annotators")
    for article, names in articles.items():
        unknown = [name for name in names if name not in annotators]
        if unknown:
            raise PlanError(f"{where}: article {article} is given to {unknown[0]}, who is not in 'annotators'")
    overlap, seed = record.get("overlap"), record.get("seed")
    if not isinstance(overlap, int | float) or not 0 <= overlap <= 100 or not isinstance(seed, int):
        raise PlanError(f"{where}: 'overlap' must be a percentage and 'seed' a whole number")
    return Plan(tuple(annotators), seed, overlap, {article: tuple(names) for article, names in articles.items()})


def _names(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(name, str) for name in value)


def check_corpus(plan: Plan, corpus_ids: set[str], where: str) -> None:
    """Every article of the plan is in the corpus: else it is a plan for another corpus."""
    unknown = [article for article in plan.articles if article not in corpus_ids]
    if unknown:
        raise PlanError(
            f"{where}: {len(unknown)} of its {len(plan.articles)} articles are not in this corpus "
            f"(first: {unknown[0]}); is it the plan of another corpus?"
        )


def check_annotator(plan: Plan, annotator: str, where: str) -> None:
    if annotator not in plan.annotators:
        raise PlanError(f"{where}: {annotator} is not one of its annotators ({', '.join(plan.annotators)})")


def progress(plan: Plan, coded: dict[str, set[str]]) -> list[tuple[str, int, int]]:
    """(annotator, done, assigned) for each annotator of the plan: done counts the
    articles of their share they marked done or tagged (coded: annotator → articles)."""
    rows = []
    for annotator in plan.annotators:
        share = plan.share(annotator)
        mine = coded.get(annotator, set())
        rows.append((annotator, sum(article in mine for article in share), len(share)))
    return rows
