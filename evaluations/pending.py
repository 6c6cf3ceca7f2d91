"""What staff still owe a semester's report: the agreements to evaluate that
have no evaluation yet, and the actions the report will count for one agreement.

Both read the rules of ``evaluations.placing`` (``place_agreement`` and the
placing of actions) on a narrow query, so the admin and the deadline digest
agree with the report without loading every record the report reads.
"""

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils.http import urlencode

from agreements.models import Agreement
from agreements.selectors import published_actions
from cdmx_global.access import body_of, user_sees_every_body

from .placing import AgreementPlacement, placed_in, place_agreement
from .models import AgreementEvaluation, EvaluationStatus
from .periods import Semester


#: What counts as evaluated: for the report, an approved evaluation; for the
#: body that drafts it, one it has submitted too.
FOR_THE_REPORT = (EvaluationStatus.APPROVED,)
FOR_THE_BODY = (EvaluationStatus.SUBMITTED, EvaluationStatus.APPROVED)


def agreements_lacking_evaluation(
    semester: Semester, queryset: QuerySet | None = None, counting=FOR_THE_REPORT
) -> list[AgreementPlacement]:
    """The published agreements of ``queryset`` the government evaluates for
    ``semester`` (in force in it, or signed without validity information) that
    have no evaluation for it yet in a status of ``counting``, by title."""
    agreements = (queryset if queryset is not None else Agreement.objects.all()).published()
    evaluated = AgreementEvaluation.objects.filter(
        agreement=OuterRef("pk"), year=semester.year, half=semester.half, status__in=counting
    )
    agreements = agreements.filter(~Exists(evaluated)).select_related("body").order_by("title", "pk")
    placements = (place_agreement(agreement, semester) for agreement in agreements)
    return [placement for placement in placements if placement.evaluable]


def lacking_evaluation_for(user, semester: Semester) -> list[AgreementPlacement]:
    """What ``user`` is told still lacks its evaluation: for CGAI (and the full
    digest, ``user=None``) every agreement without an approved one; for a
    liaison, its body's agreements whose evaluation it has not submitted."""
    if user is None or user_sees_every_body(user):
        return agreements_lacking_evaluation(semester)
    body = body_of(user)
    if body is None:
        return []
    return agreements_lacking_evaluation(semester, Agreement.objects.filter(body=body), counting=FOR_THE_BODY)


def actions_counted(agreement: Agreement, semester: Semester) -> int:
    """How many actions the report counts under ``agreement`` for ``semester``:
    its published actions dated in the semester (those known only by year are
    listed apart by the report and not counted)."""
    inside, _year_only = placed_in(published_actions().filter(agreement=agreement), semester, "start_on")
    return len(inside)


def evaluate_url(agreement: Agreement, semester: Semester) -> str:
    """The admin's evaluation form for ``agreement`` and ``semester``, filled in."""
    query = urlencode({"agreement": agreement.pk, "year": semester.year, "half": semester.half})
    return f"{reverse('admin:evaluations_agreementevaluation_add')}?{query}"
