"""The government's evaluations of the agreements, and the list of the
agreements still lacking one for a semester."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cdmx_global.admin import HistoryAdmin

from ..models import AgreementEvaluation
from ..pending import actions_counted, agreements_lacking_evaluation, evaluate_url
from ..periods import Semester
from ..services import evaluation_save
from .agreement_choice import PublishedAgreementAutocompleteView, PublishedAgreementMixin
from .semesters import recent_semesters, semester_column


@admin.register(AgreementEvaluation)
class AgreementEvaluationAdmin(PublishedAgreementMixin, HistoryAdmin):
    list_display = ("agreement", semester_column, "recommendation", "evaluated_by")
    list_select_related = ("agreement", "evaluated_by")
    list_filter = ("year", "half", "recommendation")
    search_fields = ("agreement__code", "agreement__title")
    readonly_fields = ("actions_counted", "evaluated_by", "created_at", "updated_at")
    fieldsets = (
        (
            _("Acuerdo y semestre"),
            {
                "fields": ("agreement", ("year", "half"), "actions_counted"),
                "description": _(
                    "Las acciones realizadas no se capturan: el informe cuenta las acciones publicadas del acuerdo "
                    "con fecha dentro del semestre."
                ),
            },
        ),
        (_("Cifras"), {"fields": ("people_reached", "resources", ("amount", "currency"), "exchanges", "projects")}),
        (
            _("Valoración cualitativa"),
            {"fields": ("advantages", "benefits", "results", "difficulties", "recommendation")},
        ),
        (_("Registro"), {"fields": ("evaluated_by", ("created_at", "updated_at"))}),
    )

    @admin.display(description=_("acciones que contará el informe"))
    def actions_counted(self, obj) -> str:
        if obj is None or obj.pk is None or obj.agreement_id is None:
            return _("Se calcula al guardar.")
        return str(actions_counted(obj.agreement, obj.semester))

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        current = Semester.containing(timezone.localdate())
        initial.setdefault("year", current.year)
        initial.setdefault("half", current.half)
        return initial

    def save_model(self, request, obj, form, change):
        evaluation_save(evaluation=obj, user=request.user)

    def has_delete_permission(self, request, obj=None):
        # An evaluation is corrected, not deleted: its history stays with it.
        return False

    def get_urls(self):
        return [
            path("pendientes/", self.admin_site.admin_view(self.pending_view), name="reports_agreementevaluation_pending"),
            path(
                "acuerdos-publicados/",
                self.admin_site.admin_view(PublishedAgreementAutocompleteView.as_view(admin_site=self.admin_site)),
                name="reports_published_agreement_autocomplete",
            ),
            *super().get_urls(),
        ]

    def pending_view(self, request):
        """The agreements to evaluate for a semester that have no evaluation yet."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        semesters = recent_semesters()
        typed = request.GET.get("semestre", "").strip() or semesters[0].label
        semester, error, placements = None, None, []
        try:
            semester = Semester.parse(typed)
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
        if semester is not None:
            placements = agreements_lacking_evaluation(semester)
        can_evaluate = self.has_add_permission(request)
        rows = [
            {
                "agreement": placement.agreement,
                "why": _("vigente") if placement.in_force else _("sin información de vigencia"),
                "evaluate_url": evaluate_url(placement.agreement, semester) if can_evaluate else None,
            }
            for placement in placements
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Acuerdos sin evaluación"),
            "subtitle": str(semester) if semester else None,
            "opts": self.opts,
            "semester": semester,
            "typed": typed,
            "semesters": semesters,
            "error": error,
            "rows": rows,
        }
        return TemplateResponse(request, "admin/reports/agreementevaluation/pending.html", context)
