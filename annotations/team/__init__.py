"""A team's work on one corpus: settling differences into a gold set (review.py)."""

from .review import AGREED_BY, DECLINED, ArticleReview, Disagreement, Review, Source, for_gold, shared_by, unsettled

__all__ = [
    "AGREED_BY",
    "DECLINED",
    "ArticleReview",
    "Disagreement",
    "Review",
    "Source",
    "for_gold",
    "shared_by",
    "unsettled",
]
