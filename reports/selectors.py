"""Reads of reports that more than one place needs.

Everything public reads through here, and everything here reads published
reports only: a draft, an approved report or one delivered to Congress but
not yet published appears nowhere on the portal, the feed or the API. The
evaluations a report is built from are read here too, those of published
agreements only.
"""

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When

from cdmx_global.published import published_condition

from evaluations.models import AgreementEvaluation, CommitmentProgress, EvaluationStatus
from evaluations.periods import Semester
from .models import (
    FROZEN_STATUSES,
    CongressAgreementEvaluation,
    CongressEvaluation,
    FileFormat,
    Report,
    ReportFile,
    ReportStatus,
)


def files_in_format_order() -> QuerySet:
    """A report's files as ``FileFormat`` lists them: the PDF of record first, then HTML and the data."""
    order = Case(
        *(When(format=value, then=Value(position)) for position, value in enumerate(FileFormat.values)),
        output_field=IntegerField(),
    )
    return ReportFile.objects.alias(format_order=order).order_by("format_order")


def published_reports() -> QuerySet:
    """Published reports with their files, the Congress's evaluations, and the
    versions they correct or that correct them, newest first.

    A fixed number of queries whatever the number of reports. The report data
    (``content``, the largest column by far) is left out: only a report's own
    page reads it.
    """
    return (
        Report.objects.published()
        .select_related("corrects")
        .defer("content", "corrects__content")
        .prefetch_related(
            Prefetch("files", queryset=files_in_format_order()),
            Prefetch("corrected_by", queryset=Report.objects.published().defer("content")),
            Prefetch(
                "congress_evaluations",
                queryset=CongressEvaluation.objects.submitted()
                .select_related("corrects")
                .prefetch_related(Prefetch("entries", queryset=CongressAgreementEvaluation.objects.select_related("agreement")))
                .order_by("submitted_at", "pk"),
            ),
        )
        .order_by("-year", "-half", "-version")
    )


def published_report(semester: Semester, version: int) -> Report | None:
    report = published_reports().defer(None).filter(year=semester.year, half=semester.half, version=version)
    return report.first()


def latest_published_version(semester: Semester) -> Report | None:
    """The newest published version of ``semester``'s report (what its undated address shows)."""
    return Report.objects.published().filter(year=semester.year, half=semester.half).order_by("-version").first()


def published_report_file(semester: Semester, version: int, file_format: str) -> ReportFile | None:
    return (
        ReportFile.objects.filter(
            report__status=ReportStatus.PUBLISHED,
            report__year=semester.year,
            report__half=semester.half,
            report__version=version,
            format=file_format,
        )
        .select_related("report")
        .first()
    )


def published_files_matching(sha256: str) -> QuerySet:
    """The published report files whose SHA-256 is ``sha256``."""
    return (
        ReportFile.objects.filter(sha256=sha256.strip().lower(), report__status=ReportStatus.PUBLISHED)
        .select_related("report")
        .order_by("-report__year", "-report__half", "-report__version", "format")
    )


def correcting_version(report: Report) -> Report | None:
    """The published version that corrects ``report``, if any.

    ``corrected_by`` is a reverse one-to-one: prefetched with only the
    published versions, a missing one raises rather than returning None.
    """
    try:
        correction = report.corrected_by
    except Report.DoesNotExist:
        return None
    # Without the prefetch the descriptor reads any status: checked here too.
    return correction if correction.status == ReportStatus.PUBLISHED else None


def published_correction_target(report: Report) -> Report | None:
    """The version ``report`` corrects, when that version was published too (so it has a page)."""
    corrected = report.corrects
    return corrected if corrected is not None and corrected.status == ReportStatus.PUBLISHED else None


def published_agreement_evaluations(semester: Semester) -> QuerySet:
    """The government's evaluations for ``semester`` that CGAI approved, of
    the agreements that are published (the only ones the report reads)."""
    return AgreementEvaluation.objects.filter(
        published_condition("agreement"), year=semester.year, half=semester.half, status=EvaluationStatus.APPROVED
    )


def published_commitment_progress(semester: Semester) -> QuerySet:
    """The progress of the commitments reported in the approved evaluations
    for ``semester`` of published agreements (``published_agreement_evaluations``)."""
    return CommitmentProgress.objects.filter(
        evaluation__in=published_agreement_evaluations(semester).values("pk")
    ).order_by("commitment_id")


def newest_delivered_report(semester: Semester) -> Report | None:
    """The newest version of ``semester``'s report delivered to Congress
    (delivered or published): the one the Congress evaluates. Its data is
    left out."""
    return (
        Report.objects.filter(year=semester.year, half=semester.half, status__in=FROZEN_STATUSES)
        .defer("content")
        .order_by("-version")
        .first()
    )

