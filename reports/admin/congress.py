"""The Congress's evaluation of a report it received, or of one agreement in it."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cdmx_global.admin import HistoryAdmin

from ..models import FROZEN_STATUSES, CongressEvaluation, Report
from ..services import congress_evaluation_record
from .agreement_choice import PublishedAgreementMixin


@admin.register(CongressEvaluation)
class CongressEvaluationAdmin(PublishedAgreementMixin, HistoryAdmin):
    list_display = ("report", "agreement", "received_on", "letter_reference", "recorded_by")
    list_select_related = ("report", "agreement", "recorded_by")
    list_filter = ("report__year", "report__half")
    search_fields = ("letter_reference", "evaluation", "observations", "agreement__code", "agreement__title")
    readonly_fields = ("recorded_by", "created_at")
    fields = (
        "report", "agreement", "received_on", "letter_reference", "evaluation", "observations",
        "recorded_by", "created_at",
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "report":
            # The Congress evaluates what it received: a delivered (or since published) report.
            kwargs["queryset"] = Report.objects.filter(status__in=FROZEN_STATUSES)
            kwargs["error_messages"] = {
                "invalid_choice": _("El Congreso evalúa un informe ya entregado; elija uno entregado o publicado.")
            }
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        congress_evaluation_record(evaluation=obj, user=request.user)

    def has_delete_permission(self, request, obj=None):
        return False
