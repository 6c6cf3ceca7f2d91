"""The reports' section of the deadline digest (see ``cdmx_global.deadlines``):
the agreements to evaluate for the current semester that have no evaluation yet.

The deadline is the semester's last day: the report to Congress is built from
the evaluations recorded by then.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from cdmx_global.deadlines import DeadlineItem, DeadlineSection, days_until
from cdmx_global.partial_dates import DatePrecision, PartialDate

from .pending import agreements_lacking_evaluation, evaluate_url
from .periods import Semester

EVALUATE_PERMISSION = "reports.add_agreementevaluation"


@dataclass(frozen=True)
class EvaluationDue(DeadlineItem):
    """An agreement lacking its evaluation; its link opens the evaluation form, filled in."""

    semester: Semester | None = None

    @property
    def admin_url(self) -> str:
        return evaluate_url(self.record, self.semester)


def _evaluations_missing_items(user, today):
    # Only those who evaluate (CGAI reviewers) are told; liaisons do not evaluate.
    if user is not None and not user.has_perm(EVALUATE_PERMISSION):
        return []
    semester = Semester.containing(today)
    end = PartialDate(semester.end, DatePrecision.DAY)
    remaining = days_until(semester.end, today)
    return [
        EvaluationDue(placement.agreement, end, remaining, semester)
        for placement in agreements_lacking_evaluation(semester)
    ]


EVALUATIONS_MISSING = DeadlineSection(
    key="reports.evaluations_missing",
    title=_("Acuerdos vigentes sin evaluación del semestre en curso"),
    date_heading=_("Fin del semestre"),
    items=_evaluations_missing_items,
)
