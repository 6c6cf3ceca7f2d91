"""The report builds: each one's page says whether it waits, runs, is done
(with a link to the report) or failed (and why, in Spanish), and refreshes
itself until it is over. Builds are queued only from the report's button."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from evaluations.semesters import semester_column

from ..models import ReportBuild


@admin.display(description=_("informe"))
def report_link(build):
    if build.report_id is None:
        return "—"
    return format_html('<a href="{}">{}</a>', reverse("admin:reports_report_change", args=[build.report_id]), build.report)


@admin.register(ReportBuild)
class ReportBuildAdmin(admin.ModelAdmin):
    list_display = (semester_column, "status", "requested_by", "requested_at", "started_at", "finished_at", report_link)
    list_filter = ("status", "year", "half")
    list_select_related = ("requested_by", "report")
    fields = (
        "semester_label", "status", "requested_by", "requested_at", "attempts", "started_at", "finished_at",
        "correction_note", "error", report_link,
    )
    readonly_fields = fields
    change_form_template = "admin/reports/reportbuild/change_form.html"

    @admin.display(description=_("semestre"))
    def semester_label(self, build):
        return semester_column(build)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
