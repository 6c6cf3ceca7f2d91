"""The Congress's evaluation of the previous semester's report, as the
Congress submitted it (art. 20, numeral 8): never a draft."""

from django.conf import settings
from django.db.models import Prefetch

from cdmx_global.partial_dates import DatePrecision, PartialDate
from cdmx_global.published import published_condition

from evaluations.periods import Semester

from ..congress import current_congress_evaluations
from ..models import CongressAgreementEvaluation, ReportStatus
from ..selectors import newest_delivered_report
from .cells import absolute_url, date_text, number


def _day(value) -> str:
    return date_text(PartialDate(value, DatePrecision.DAY)) if value else ""


def _entries() -> Prefetch:
    """The evaluation's entries of agreements that are published (the report's
    rule for every record), in the order of their agreements' titles."""
    return Prefetch(
        "entries",
        queryset=CongressAgreementEvaluation.objects.filter(published_condition("agreement"))
        .select_related("agreement")
        .order_by("agreement__title", "pk"),
    )


def previous_congress_evaluation(semester: Semester) -> dict:
    """The newest report of the semester before ``semester`` delivered to
    Congress, and the Congress's submitted evaluations of it that no later
    submitted one corrects; ``report`` is ``None`` when there is none."""
    previous = semester.previous()
    part = {
        "semester": previous.label,
        "period": str(previous),
        "commission": settings.CONGRESS_COMMISSION_NAME,
        "report": None,
        "evaluations": [],
    }
    report = newest_delivered_report(previous)
    if report is None:
        return part
    part["report"] = {
        "version": report.version,
        "delivered_on": _day(report.delivered_on),
        "delivery_reference": report.delivery_reference,
        "url": absolute_url(report.get_absolute_url()) if report.status == ReportStatus.PUBLISHED else "",
    }
    evaluations = (
        current_congress_evaluations(report)
        .select_related("corrects")
        .prefetch_related(_entries())
        .order_by("submitted_at", "pk")
    )
    part["evaluations"] = [
        {
            "act_number": evaluation.act_number,
            "act_date": _day(evaluation.act_date),
            "score": number(evaluation.score),
            "assessment": evaluation.assessment,
            "observations": evaluation.observations,
            "corrects_act": evaluation.corrects.act_number if evaluation.corrects else "",
            "correction_note": evaluation.correction_note,
            "entries": [
                {
                    "code": entry.agreement.code,
                    "title": entry.agreement.title,
                    "score": number(entry.score),
                    "recommendation": entry.get_recommendation_display(),
                    "assessment": entry.assessment,
                    "observations": entry.observations,
                }
                for entry in evaluation.entries.all()
            ],
        }
        for evaluation in evaluations
    ]
    return part
