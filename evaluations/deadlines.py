"""The reports' section of the deadline digest (see ``cdmx_global.deadlines``):
the agreements to evaluate for the current semester that have no evaluation
yet: without an approved one, for CGAI; without one submitted, for the liaison
of the agreement's body, who drafts it.

The deadline is the semester's last day: the report to Congress is built from
the evaluations recorded by then.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cdmx_global.deadlines import DeadlineItem, DeadlineSection, days_until
from cdmx_global.partial_dates import DatePrecision, PartialDate

from .pending import evaluate_url, lacking_evaluation_for
from .periods import Semester

EVALUATE_PERMISSION = "evaluations.add_agreementevaluation"


@dataclass(frozen=True)
class EvaluationDue(DeadlineItem):
    """An agreement lacking its evaluation; its link opens the evaluation form, filled in."""

    semester: Semester | None = None

    @property
    def admin_url(self) -> str:
        return evaluate_url(self.record, self.semester)


def _evaluations_missing_items(user, today):
    """CGAI (and the full digest): every agreement without an approved
    evaluation. A liaison: its body's agreements whose evaluation it has not
    submitted yet."""
    if user is not None and not user.has_perm(EVALUATE_PERMISSION):
        return []
    semester = Semester.containing(today)
    placements = lacking_evaluation_for(user, semester)
    end = PartialDate(semester.end, DatePrecision.DAY)
    remaining = days_until(semester.end, today)
    return [EvaluationDue(placement.agreement, end, remaining, semester) for placement in placements]


EVALUATIONS_MISSING = DeadlineSection(
    key="reports.evaluations_missing",
    title=_("Acuerdos vigentes sin evaluación del semestre en curso"),
    date_heading=_("Fin del semestre"),
    items=_evaluations_missing_items,
)
