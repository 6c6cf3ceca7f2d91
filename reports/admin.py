"""The staff side of the semiannual report: the government's evaluations of
the agreements and the list of those still lacking one, the indicators and
their entered values, the reports' lifecycle (build, approve, deliver to
Congress, publish) and the Congress's evaluation.

Every write goes through ``reports.services``; this module only collects the
input and shows the services' Spanish messages.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    FileResponse,
    Http404,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement
from cdmx_global.admin import HistoryAdmin

from .indicators import COMPUTATIONS
from .models import (
    FROZEN_STATUSES,
    AgreementEvaluation,
    CongressEvaluation,
    Indicator,
    IndicatorValue,
    Report,
    ReportStatus,
)
from .pending import actions_counted, agreements_lacking_evaluation, evaluate_url
from .periods import Semester
from .services import (
    congress_evaluation_record,
    evaluation_save,
    indicator_value_save,
    report_approve,
    report_build,
    report_deliver,
    report_publish,
    report_return_to_draft,
)

#: How many semesters, back from the current one, the pending list offers to pick from.
RECENT_SEMESTERS = 10


def recent_semesters(today=None) -> list[Semester]:
    semester = Semester.containing(today or timezone.localdate())
    semesters = [semester]
    for _index in range(RECENT_SEMESTERS - 1):
        semesters.append(semesters[-1].previous())
    return semesters


@admin.display(description=_("semestre"), ordering="year")
def semester_column(obj) -> str:
    return f"{obj.semester.label} ({obj.semester})"


# Choosing a published agreement -------------------------------------------------


class PublishedAgreementAutocompleteView(AutocompleteJsonView):
    """The agreement search of the evaluation forms: published agreements only.

    The agreements admin answers the shared autocomplete with every agreement
    a staff member may link to, drafts included; an evaluation is only ever
    about a published agreement, the one the report reads.
    """

    def process_request(self, request):
        term, model_admin, source_field, to_field_name = super().process_request(request)
        if source_field.remote_field.model is not Agreement:
            raise PermissionDenied
        return term, model_admin, source_field, to_field_name

    def get_queryset(self):
        queryset = self.model_admin.get_queryset(self.request).published()
        queryset, may_have_duplicates = self.model_admin.get_search_results(self.request, queryset, self.term)
        return (queryset.distinct() if may_have_duplicates else queryset).order_by("title", "pk")


class PublishedAgreementSelect(AutocompleteSelect):
    url_name = "%s:reports_published_agreement_autocomplete"


class PublishedAgreementMixin:
    """An ``agreement`` field that offers and accepts published agreements only."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "agreement":
            kwargs["queryset"] = Agreement.objects.published()
            kwargs["widget"] = PublishedAgreementSelect(db_field, self.admin_site)
            kwargs["error_messages"] = {"invalid_choice": _("Elija un acuerdo publicado.")}
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "agreement" and formfield is not None:
            # An agreement added from here would be a draft, which can't be chosen.
            formfield.widget.can_add_related = False
        return formfield


# Evaluations ------------------------------------------------------------------


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


# Indicators -------------------------------------------------------------------


class IndicatorForm(forms.ModelForm):
    computation = forms.ChoiceField(
        label=_("cálculo automático"),
        required=False,
        choices=[("", _("Ninguno: el valor se captura cada semestre")), *[(key, key) for key in COMPUTATIONS]],
        help_text=_("Sólo los cálculos que el portal sabe hacer con los registros publicados."),
    )

    class Meta:
        model = Indicator
        fields = "__all__"


class ComputedFilter(admin.SimpleListFilter):
    title = _("origen del valor")
    parameter_name = "origen"

    def lookups(self, request, model_admin):
        return [("calculado", _("Calculado")), ("capturado", _("Capturado"))]

    def queryset(self, request, queryset):
        if self.value() == "calculado":
            return queryset.exclude(computation="")
        if self.value() == "capturado":
            return queryset.filter(computation="")
        return queryset


@admin.register(Indicator)
class IndicatorAdmin(HistoryAdmin):
    form = IndicatorForm
    list_display = ("name", "dimension", "code", "unit", "origin", "order")
    list_filter = ("dimension", ComputedFilter)
    search_fields = ("code", "name", "definition")
    fieldsets = (
        (_("Identificación"), {"fields": ("code", "name", "dimension", "order")}),
        (_("Medición"), {"fields": ("definition", "unit", "method", "computation")}),
    )

    @admin.display(description=_("origen del valor"), ordering="computation")
    def origin(self, indicator) -> str:
        return _("Calculado") if indicator.is_computed else _("Capturado")

    def has_delete_permission(self, request, obj=None):
        return False  # reports already delivered name their indicators


@admin.register(IndicatorValue)
class IndicatorValueAdmin(HistoryAdmin):
    list_display = ("indicator", semester_column, "value", "source", "entered_by")
    list_select_related = ("indicator", "entered_by")
    list_filter = ("year", "half", ("indicator", admin.RelatedOnlyFieldListFilter))
    search_fields = ("indicator__name", "indicator__code", "source")
    readonly_fields = ("entered_by", "updated_at")
    fields = ("indicator", ("year", "half"), "value", "source", "note", "entered_by", "updated_at")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "indicator":
            kwargs["queryset"] = Indicator.objects.filter(computation="")
            kwargs["error_messages"] = {
                "invalid_choice": _("Ese indicador se calcula de los registros publicados: su valor no se captura.")
            }
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        previous = Semester.containing(timezone.localdate()).previous()
        initial.setdefault("year", previous.year)
        initial.setdefault("half", previous.half)
        return initial

    def save_model(self, request, obj, form, change):
        indicator_value_save(value=obj, user=request.user)

    def has_delete_permission(self, request, obj=None):
        return False


# Reports ----------------------------------------------------------------------


class ReportBuildForm(forms.Form):
    semester = forms.CharField(
        label=_("Semestre"),
        max_length=7,
        help_text=_("El año y luego 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2»."),
        error_messages={"required": _("Indique el semestre.")},
    )
    correction_note = forms.CharField(
        label=_("Qué corrige"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sólo para corregir un informe ya entregado al Congreso: se genera una nueva versión."),
    )

    def clean_semester(self) -> Semester:
        return Semester.parse(self.cleaned_data["semester"])


class ReportDeliveryForm(forms.Form):
    delivered_on = forms.DateField(
        label=_("Fecha de entrega al Congreso"),
        help_text=_("Día/mes/año, p. ej. 15/01/2018."),
        error_messages={"required": _("Indique la fecha de entrega."), "invalid": _("Escriba la fecha como día/mes/año.")},
    )
    delivery_reference = forms.CharField(
        label=_("Oficio de entrega"),
        max_length=120,
        error_messages={"required": _("Indique el número del oficio de entrega.")},
    )


#: The lifecycle steps a button asks for: the service, and what is said once done.
LIFECYCLE = {
    "aprobar": (report_approve, _("Informe aprobado: ya puede registrarse su entrega al Congreso.")),
    "borrador": (report_return_to_draft, _("El informe volvió a borrador.")),
    "publicar": (report_publish, _("Informe publicado en el portal.")),
}


@admin.register(Report)
class ReportAdmin(HistoryAdmin):
    list_display = (semester_column, "version", "status", "built_at", "delivered_on", "delivery_reference")
    list_filter = ("status", "year", "half")
    search_fields = ("delivery_reference", "correction_note")
    fieldsets = (
        (_("Informe"), {"fields": (("year", "half"), "version", "status", "corrects", "correction_note")}),
        (
            _("Ciclo"),
            {
                "fields": (
                    ("built_at", "built_by"),
                    ("approved_at", "approved_by"),
                    ("delivered_on", "delivery_reference", "delivered_by"),
                    ("published_at", "published_by"),
                )
            },
        ),
    )

    def view_on_site(self, report):
        # Only a published report has a public page.
        return report.get_absolute_url() if report.status == ReportStatus.PUBLISHED else None

    # The content comes only from a build; nothing is added, edited or deleted by hand.

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_lifecycle_permission(self, request) -> bool:
        return request.user.has_perm(f"{self.opts.app_label}.change_{self.opts.model_name}")

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("generar/", view(self.build_view), name="reports_report_build"),
            path("<path:object_id>/ciclo/<str:step>/", view(self.lifecycle_view), name="reports_report_lifecycle"),
            path("<path:object_id>/entregar/", view(self.deliver_view), name="reports_report_deliver"),
            path("<path:object_id>/archivo/<str:file_format>/", view(self.file_view), name="reports_report_file"),
            *super().get_urls(),
        ]

    def _report_or_404(self, request, object_id) -> Report:
        report = self.get_object(request, unquote(object_id))
        if report is None:
            raise Http404(_("No existe ese informe."))
        return report

    def _change_url(self, report) -> str:
        return reverse("admin:reports_report_change", args=[report.pk], current_app=self.admin_site.name)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_build": self.has_lifecycle_permission(request),
            "pending_url": reverse("admin:reports_agreementevaluation_pending"),
        }
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        report = self._report_or_404(request, object_id)
        can_act = self.has_lifecycle_permission(request)
        extra_context = {
            **(extra_context or {}),
            "can_act": can_act,
            "can_record_congress": report.is_frozen and request.user.has_perm("reports.add_congressevaluation"),
            "files": report.files.all(),
            "summary": report.summary_figures,
            "congress_evaluations": report.congress_evaluations.select_related("agreement"),
            "build_url": f"{reverse('admin:reports_report_build')}?{urlencode({'semestre': report.semester.label})}",
            "pending_url": (
                f"{reverse('admin:reports_agreementevaluation_pending')}?"
                f"{urlencode({'semestre': report.semester.label})}"
            ),
            "congress_add_url": f"{reverse('admin:reports_congressevaluation_add')}?{urlencode({'report': report.pk})}",
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def _form_page(self, request, *, title, form, submit_label, cancel_url, report=None, intro=None):
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "subtitle": str(report) if report else None,
            "opts": self.opts,
            "original": report,
            "form": form,
            "submit_label": submit_label,
            "cancel_url": cancel_url,
            "intro": intro,
        }
        return TemplateResponse(request, "admin/reports/report/action_form.html", context)

    def build_view(self, request):
        """Build a semester's report: a first version, a draft rebuilt, or a
        correction of a delivered one (the service decides which)."""
        if not self.has_lifecycle_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            form = ReportBuildForm(request.POST)
            if form.is_valid():
                try:
                    report = report_build(
                        semester=form.cleaned_data["semester"],
                        user=request.user,
                        correction_note=form.cleaned_data["correction_note"].strip(),
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    self.message_user(
                        request, _("«%(report)s»: borrador generado.") % {"report": report}, messages.SUCCESS
                    )
                    return HttpResponseRedirect(self._change_url(report))
        else:
            default = Semester.containing(timezone.localdate()).previous().label
            form = ReportBuildForm(initial={"semester": request.GET.get("semestre", default)})
        return self._form_page(
            request,
            title=_("Generar o regenerar borrador"),
            form=form,
            submit_label=_("Generar borrador"),
            cancel_url=reverse("admin:reports_report_changelist", current_app=self.admin_site.name),
            intro=_(
                "Sin informe del semestre se genera la versión 1. Un borrador o un informe aprobado se regenera "
                "y queda en borrador. Un informe ya entregado no cambia: se genera una nueva versión que dice qué "
                "corrige. Generar el documento tarda unos segundos."
            ),
        )

    def lifecycle_view(self, request, object_id, step):
        """Approve, return to draft or publish: a POST from the report's page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_lifecycle_permission(request):
            raise PermissionDenied
        report = self._report_or_404(request, object_id)
        if step not in LIFECYCLE:
            raise Http404
        service, done = LIFECYCLE[step]
        try:
            service(report=report, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(self._change_url(report))

    def deliver_view(self, request, object_id):
        """Record the delivery to Congress: the date and the oficio."""
        if not self.has_lifecycle_permission(request):
            raise PermissionDenied
        report = self._report_or_404(request, object_id)
        if request.method == "POST":
            form = ReportDeliveryForm(request.POST)
            if form.is_valid():
                try:
                    report_deliver(report=report, user=request.user, **form.cleaned_data)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    self.message_user(
                        request,
                        _("Entrega al Congreso registrada: los archivos del informe ya no cambian."),
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(self._change_url(report))
        else:
            form = ReportDeliveryForm(initial={"delivered_on": timezone.localdate()})
        return self._form_page(
            request,
            title=_("Registrar entrega al Congreso"),
            form=form,
            submit_label=_("Registrar entrega"),
            cancel_url=self._change_url(report),
            report=report,
            intro=_("Una vez registrada la entrega, los archivos y sus SHA-256 no vuelven a cambiar."),
        )

    def file_view(self, request, object_id, file_format):
        """One of the report's files, for staff, whatever the report's status."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        report = self._report_or_404(request, object_id)
        report_file = report.files.filter(format=file_format).first()
        if report_file is None:
            raise Http404(_("El informe no tiene ese archivo."))
        try:
            handle = report_file.file.open("rb")
        except FileNotFoundError:
            raise Http404(_("El archivo no está en el almacenamiento.")) from None
        return FileResponse(handle, as_attachment=True, filename=report_file.filename)


# The Congress's evaluation ----------------------------------------------------


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
