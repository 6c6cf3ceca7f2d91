"""The Congress's evaluation of a delivered report, entered by the Congress (``reports.congress``)."""

from django.contrib import admin

from cdmx_global.admin import HistoryAdmin

from ..congress import congress_draft_save
from ..models import CongressEvaluation


@admin.register(CongressEvaluation)
class CongressEvaluationAdmin(HistoryAdmin):
    list_display = ("report", "status", "act_number", "act_date", "submitted_by")
    list_select_related = ("report", "submitted_by")
    list_filter = ("status", "report__year", "report__half")
    search_fields = ("act_number", "assessment", "observations")
    readonly_fields = ("status", "act_number", "act_date", "corrects", "submitted_by", "submitted_at", "created_at")
    fields = (
        "report", "status", "score", "assessment", "observations", "corrects", "correction_note",
        "act_number", "act_date", "submitted_by", "submitted_at", "created_at",
    )

    def save_model(self, request, obj, form, change):
        congress_draft_save(evaluation=obj, user=request.user)

    def has_delete_permission(self, request, obj=None):
        return False
