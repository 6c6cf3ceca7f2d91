"""The reader's pages: the form on a published record, the thanks, and the
privacy notice. None is kept in the page cache (``never_cache``): the form
carries a CSRF token, and the page cache keeps nothing marked private."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import View

from staff.lockout import client_ip

from . import services
from .forms import ReportForm
from .records import published_record


def _page(request, template: str, context: dict, status: int = 200):
    context = {"retention_days": settings.ERROR_REPORT_RETENTION_DAYS, **context}
    return render(request, f"feedback/{template}.html", context, status=status)


def _context(kind: str, record, form) -> dict:
    return {"kind": kind, "record": record, "form": form}


@method_decorator(never_cache, name="dispatch")
class ReportView(View):
    """``/reportar-error/<kind>/<pk>/``: the form; a valid report is kept and
    answered with a redirect to the thanks (POST/redirect/GET)."""

    def get(self, request, kind, pk):
        record = published_record(kind, pk)
        return _page(request, "report", _context(kind, record, ReportForm()))

    def post(self, request, kind, pk):
        record = published_record(kind, pk)
        form = ReportForm(request.POST)
        if not form.is_valid():
            return _page(request, "report", _context(kind, record, form), status=400)
        try:
            services.submit_report(
                record=record, text=form.cleaned_data["text"], email=form.cleaned_data["email"],
                language=translation.get_language() or settings.LANGUAGE_CODE, client=client_ip(request),
            )
        except services.TooManyReports as error:
            return _page(request, "report", {**_context(kind, record, form), "errors": [str(error)]}, status=429)
        return redirect("feedback:thanks", kind=kind, pk=record.pk)


@method_decorator(never_cache, name="dispatch")
class ThanksView(View):
    def get(self, request, kind, pk):
        return _page(request, "thanks", {"record": published_record(kind, pk)})


@method_decorator(never_cache, name="dispatch")
class PrivacyView(View):
    def get(self, request):
        return _page(request, "privacy", {})
