"""Reads of reports that more than one place needs."""

from django.db.models import Prefetch, QuerySet

from .models import Report, ReportFile, ReportStatus


def published_reports() -> QuerySet:
    """Published reports with their files and the versions they correct or that correct them, newest first."""
    return (
        Report.objects.published()
        .select_related("corrects")
        .prefetch_related(
            Prefetch("files", queryset=ReportFile.objects.order_by("format")),
            Prefetch("corrected_by", queryset=Report.objects.published()),
        )
        .order_by("-year", "-half", "-version")
    )


def published_files_matching(sha256: str) -> QuerySet:
    """The published report files whose SHA-256 is ``sha256``."""
    return (
        ReportFile.objects.filter(sha256=sha256.strip().lower(), report__status=ReportStatus.PUBLISHED)
        .select_related("report")
        .order_by("-report__year", "-report__half", "-report__version", "format")
    )
