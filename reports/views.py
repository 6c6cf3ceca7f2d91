"""The public side of the semiannual reports: the archive, each report's
page, its files, the verify page and (in ``feeds``) the Atom feed.

Only published reports show; any other address gets 404, as if the report
didn't exist.
"""

import base64
from itertools import groupby

from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_safe
from django.views.generic import FormView, TemplateView

from agreements.selectors import published_agreements_alone

from .data.cells import YES
from .exporters import exporters
from .forms import VerifyForm
from .selectors import (
    correcting_version,
    latest_published_version,
    published_correction_target,
    published_files_matching,
    published_report,
    published_report_file,
    published_reports,
)
from .public_evaluations import evaluation_url
from .uploads import HashingUploadHandler

# A published report's files never change, so a client may keep them a day.
FILE_MAX_AGE = 24 * 60 * 60


def version_entry(report) -> dict:
    """A report with what its listing says about corrections."""
    return {
        "report": report,
        "corrected_by": correcting_version(report),
        "corrects_published": published_correction_target(report),
    }


class ArchiveView(TemplateView):
    """What the semiannual report is, and every published report by semester, newest first."""

    template_name = "reports/archive.html"

    def get_context_data(self, **kwargs):
        reports = list(published_reports())
        semesters = [
            {"semester": semester, "versions": [version_entry(report) for report in versions]}
            for semester, versions in groupby(reports, key=lambda report: report.semester)
        ]
        return super().get_context_data(semesters=semesters, **kwargs)


class ReportDetailView(TemplateView):
    """One published version of a report: its content as delivered, its files, and the Congress's evaluations."""

    template_name = "reports/report_detail.html"

    def get_context_data(self, *, semester, version, **kwargs):
        report = published_report(semester, version)
        if report is None:
            raise Http404
        return super().get_context_data(
            entry=version_entry(report), report=report, evaluated=evaluated_agreements(report), **kwargs
        )


def evaluated_agreements(report) -> list[dict]:
    """The agreements the report gives a government evaluation of, as it lists
    them, each with the address of that evaluation on its page (``None`` when
    the agreement is no longer published). One query."""
    rows = report.content.get("tables", {}).get("evaluations", {}).get("rows", [])
    rows = [row for row in rows if row.get("evaluated") == YES and row.get("code")]
    published = {
        agreement.code: agreement
        for agreement in published_agreements_alone().filter(code__in=[row["code"] for row in rows])
    }
    return [
        {
            "code": row["code"],
            "title": row["title"],
            "url": evaluation_url(published[row["code"]], report.semester) if row["code"] in published else None,
        }
        for row in rows
    ]


@require_safe
def report_latest(request, semester):
    """A semester's address without a version shows its newest published version."""
    report = latest_published_version(semester)
    if report is None:
        raise Http404
    return redirect(report)


def _exporter(file_format: str):
    for exporter in exporters():
        if exporter.format == file_format:
            return exporter
    raise Http404


@require_safe
def report_file(request, semester, version: int, format: str):
    """A published report's file, byte for byte as stored, with its SHA-256 in the headers."""
    exporter = _exporter(format)
    report_file = published_report_file(semester, version, format)
    if report_file is None:
        raise Http404
    try:
        handle = report_file.file.storage.open(report_file.file.name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{report_file.report.file_stem}.{exporter.extension}",
        content_type=exporter.content_type,
    )
    # Set here, not only by SecurityMiddleware: a report's HTML or JSON must never be sniffed into something else.
    response["X-Content-Type-Options"] = "nosniff"
    # The hash published next to the file, so a client can check what it received (RFC 9530).
    digest = base64.b64encode(bytes.fromhex(report_file.sha256)).decode("ascii")
    response["Repr-Digest"] = f"sha-256=:{digest}:"
    response["ETag"] = f'"{report_file.sha256}"'
    patch_cache_control(response, public=True, max_age=FILE_MAX_AGE)
    return response


# The CSRF check reads the request's body, so it runs only after the upload
# handlers are set (Django's documented pattern for custom upload handlers).
@method_decorator(csrf_exempt, name="dispatch")
class VerifyView(FormView):
    """Does a file, or a SHA-256, match a published report's file?"""

    template_name = "reports/verify.html"
    form_class = VerifyForm

    def post(self, request, *args, **kwargs):
        self.upload_handler = HashingUploadHandler(request)
        request.upload_handlers = [self.upload_handler]
        return self._checked_post(request, *args, **kwargs)

    @method_decorator(csrf_protect)
    def _checked_post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.request.method == "POST":
            kwargs["too_large"] = "file" in self.upload_handler.too_large
        return kwargs

    def form_valid(self, form):
        sha256 = form.computed_sha256
        matches = list(published_files_matching(sha256))
        # The answer is the page itself (no redirect): nothing is stored, and reloading just asks again.
        return self.render_to_response(self.get_context_data(form=form, checked=True, sha256=sha256, matches=matches))
