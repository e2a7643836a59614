"""A team on one corpus: who reads what (plan.py: plan.json), how well the coders
agree (agreement.py: every measure as figures, its pairs tallied at once by clusters.py
from the parts in spans_agreement.py and token_agreement.py), and settling their
differences into a gold set (review.py). No UI, no store: the commands read the
databases and hand over spans."""

from .agreement import ALL, MEASURES, Coder, Figure, Report, agreement
from .plan import Plan, PlanError, annotator_names, check_annotator, check_corpus, make_plan, progress, read_plan
from .review import (
    AGREED_BY,
    DECLINED,
    ArticleReview,
    Disagreement,
    Review,
    Source,
    declined,
    for_gold,
    shared_by,
    to_take,
    unsettled,
)
from .spans_agreement import NotComputable
from .token_agreement import Tokens, alpha_nominal, cohen_kappa, label_order

__all__ = [
    "AGREED_BY",
    "ALL",
    "DECLINED",
    "MEASURES",
    "ArticleReview",
    "Coder",
    "Disagreement",
    "Figure",
    "NotComputable",
    "Plan",
    "PlanError",
    "Report",
    "Review",
    "Source",
    "Tokens",
    "agreement",
    "alpha_nominal",
    "annotator_names",
    "check_annotator",
    "check_corpus",
    "cohen_kappa",
    "declined",
    "for_gold",
    "label_order",
    "make_plan",
    "progress",
    "read_plan",
    "shared_by",
    "to_take",
    "unsettled",
]
