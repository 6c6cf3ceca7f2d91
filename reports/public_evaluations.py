"""What the public sees of the evaluations, and nothing more.

- The government's evaluation of an agreement for a semester is public once
  CGAI approved it; a draft, one submitted for review or one returned with
  observations is not, nor is any evidence file or the review's comments.
- The Congress's evaluation of an agreement is public once the Congress
  submitted it, on a published report. A submitted evaluation that a later
  submitted one corrects stays public, marked as corrected; a correction still
  in draft marks nothing.
- Both only for published agreements.

The agreement's page (``agreement_evaluations``), the API and the downloads
(``reports.open_data``) all read through here.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from cdmx_global.published import published_condition

from evaluations.models import AgreementEvaluation, CommitmentProgress, EvaluationStatus
from evaluations.periods import Semester
from evaluations.progress import progress_percent

from .models import CongressAgreementEvaluation, CongressEvaluation, CongressStatus, ReportStatus
from .progress_chart import progress_chart


def _progress() -> Prefetch:
    return Prefetch(
        "progress",
        queryset=CommitmentProgress.objects.select_related("commitment__agreement").order_by("commitment__order", "commitment_id"),
    )


def public_evaluations() -> QuerySet:
    """Approved evaluations of published agreements, each with its agreement,
    the agreement's body and the progress of each commitment."""
    return (
        AgreementEvaluation.objects.filter(published_condition("agreement"), status=EvaluationStatus.APPROVED)
        .select_related("agreement", "agreement__body")
        .prefetch_related(_progress())
    )


def public_congress_entries() -> QuerySet:
    """The Congress's evaluations of published agreements in its submitted
    evaluations of published reports, each with its evaluation, its report and
    the one it corrects; ``correction_id``, ``correction_act_number`` and
    ``correction_act_date`` name the submitted evaluation that corrects it (or
    are ``None``)."""
    correction = CongressEvaluation.objects.submitted().filter(corrects=OuterRef("evaluation"))
    return (
        CongressAgreementEvaluation.objects.filter(
            published_condition("agreement"),
            evaluation__status=CongressStatus.SUBMITTED,
            evaluation__report__status=ReportStatus.PUBLISHED,
        )
        .select_related("agreement", "agreement__body", "evaluation", "evaluation__report", "evaluation__corrects")
        .defer("evaluation__report__content")
        .annotate(
            correction_id=Subquery(correction.values("pk")[:1]),
            correction_act_number=Subquery(correction.values("act_number")[:1]),
            correction_act_date=Subquery(correction.values("act_date")[:1]),
        )
    )


def congress_entry_anchor(entry: CongressAgreementEvaluation) -> str:
    """The entry's place on its report's page (``reports/report_detail.html``)."""
    return f"{entry.evaluation.report.get_absolute_url()}#congreso-{entry.evaluation_id}-{entry.agreement_id}"


def evaluation_anchor(semester: Semester) -> str:
    return f"evaluacion-{semester.label}"


def evaluation_url(agreement, semester: Semester) -> str:
    """The semester's evaluations on the agreement's page."""
    return f"{agreement.get_absolute_url()}#{evaluation_anchor(semester)}"


# The agreement's page --------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressRow:
    """A commitment's value reached by the end of a semester and how far that is towards its target."""

    progress: CommitmentProgress

    @property
    def commitment(self):
        return self.progress.commitment

    @property
    def percent(self) -> Decimal | None:
        commitment = self.commitment
        return progress_percent(commitment.baseline, commitment.target, self.progress.value)


@dataclass
class SemesterEvaluations:
    semester: Semester
    government: AgreementEvaluation | None = None
    congress: list[CongressAgreementEvaluation] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return evaluation_anchor(self.semester)

    @property
    def progress(self) -> list[ProgressRow]:
        return [ProgressRow(progress) for progress in self.government.progress.all()] if self.government else []


@dataclass(frozen=True)
class CommitmentSeries:
    """A quantitative commitment's progress, semester by semester (oldest first)."""

    commitment: object
    points: list[tuple[Semester, ProgressRow]]

    def at(self, semester: Semester) -> ProgressRow | None:
        return next((row for point, row in self.points if point == semester), None)


def commitment_series(semesters: list[SemesterEvaluations]) -> list[CommitmentSeries]:
    """Each commitment with a target and at least one progress figure, in the
    commitments' order, with its figures oldest semester first."""
    points: dict[int, list] = {}
    commitments = {}
    for block in sorted(semesters, key=lambda block: block.semester):
        for row in block.progress:
            if row.percent is not None:
                commitments.setdefault(row.commitment.pk, row.commitment)
                points.setdefault(row.commitment.pk, []).append((block.semester, row))
    ordered = sorted(commitments.values(), key=lambda commitment: (commitment.order, commitment.pk))
    return [CommitmentSeries(commitment, points[commitment.pk]) for commitment in ordered]


def agreement_evaluations(agreement) -> dict | None:
    """The context of the agreement page's «Evaluaciones» section: its public
    evaluations by semester, newest first, and its commitments' progress over
    time; ``None`` when it has none. Three queries, however many there are."""
    blocks: dict[Semester, SemesterEvaluations] = {}
    for evaluation in public_evaluations().filter(agreement=agreement.pk):
        blocks.setdefault(evaluation.semester, SemesterEvaluations(evaluation.semester)).government = evaluation
    entries = public_congress_entries().filter(agreement=agreement.pk).order_by(
        "evaluation__report__version", "evaluation__submitted_at", "evaluation_id"
    )
    for entry in entries:
        semester = entry.evaluation.report.semester
        blocks.setdefault(semester, SemesterEvaluations(semester)).congress.append(entry)
    if not blocks:
        return None
    semesters = sorted(blocks.values(), key=lambda block: block.semester, reverse=True)
    series = commitment_series(semesters)
    chart_semesters = sorted({semester for one in series for semester, _row in one.points})
    return {
        "semesters": semesters,
        "series": series,
        "chart_semesters": chart_semesters,
        "chart_rows": [(one.commitment, [one.at(semester) for semester in chart_semesters]) for one in series],
        "chart": progress_chart("avance-compromisos", series, chart_semesters) if series else None,
    }
