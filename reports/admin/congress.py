"""The Congress's evaluation of a delivered report, entered by the Congress
(``reports.congress``).

Only the Congress's accounts add and edit it: a draft shared by all of them,
overall and per agreement of the report, saved with the version it was opened
on; «Enviar a la CGAI» submits it with the Congress's act; a submitted one is
read-only for good, and «Registrar una corrección» opens a new draft that
says what it corrects. CGAI's reviewers read it all."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, gettext_lazy as _

from agreements.models import Agreement
from cdmx_global.admin import HistoryAdmin

from ..congress import (
    congress_correction_start,
    congress_draft_save,
    congress_submit,
    is_congress,
    report_agreement_codes,
)
from ..models import FROZEN_STATUSES, CongressAgreementEvaluation, CongressEvaluation, CongressStatus, Report
from .congress_forms import CongressCorrectionForm, CongressEvaluationForm, CongressSubmitForm, add_service_error


def _editable(request, evaluation) -> bool:
    """Whether ``request.user`` may change ``evaluation`` (or a new one): a Congress account, on a draft."""
    return is_congress(request.user) and (evaluation is None or evaluation.status == CongressStatus.DRAFT)


def _report_asked(request) -> Report | None:
    """The delivered report named by ``?report=`` (the link from the report's page), if any."""
    report_id = request.GET.get("report", "")
    if not report_id.isdigit():
        return None
    return Report.objects.filter(pk=report_id, status__in=FROZEN_STATUSES).first()


class CongressAgreementEvaluationInline(admin.StackedInline):
    """The Congress's evaluation of each agreement it chooses among those the report lists."""

    model = CongressAgreementEvaluation
    fields = ("agreement", ("score", "recommendation"), "assessment", "observations")
    extra = 1

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        report = obj.report if obj is not None else _report_asked(request)
        field = formset.form.base_fields["agreement"]
        codes = report_agreement_codes(report) if report is not None else set()
        field.queryset = Agreement.objects.filter(code__in=codes).order_by("title", "pk")
        field.error_messages["invalid_choice"] = _("Elija un acuerdo de los que lista este informe.")
        field.widget.can_add_related = field.widget.can_change_related = field.widget.can_view_related = False
        return formset

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and _editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and _editable(request, obj)


@admin.register(CongressEvaluation)
class CongressEvaluationAdmin(HistoryAdmin):
    form = CongressEvaluationForm
    inlines = [CongressAgreementEvaluationInline]
    change_form_template = "admin/reports/congressevaluation/change_form.html"
    list_display = ("report", "status", "act_number", "act_date", "submitted_by")
    list_select_related = ("report", "submitted_by")
    list_filter = ("status", "report__year", "report__half")
    search_fields = ("act_number", "assessment", "observations")
    readonly_fields = (
        "status", "act_number", "act_date", "corrects", "corrected_later_by", "submitted_by", "submitted_at",
        "created_by", "created_at",
    )

    def get_fields(self, request, obj=None):
        correction = ("corrects", "correction_note") if obj is not None and obj.corrects_id else ()
        later = ("corrected_later_by",) if obj is not None and hasattr(obj, "corrected_by") else ()
        # Hidden, on a draft: the version the form was opened on (``cdmx_global.versioning``).
        version = ("seen_version",) if obj is None or obj.status == CongressStatus.DRAFT else ()
        return (
            "report", "status", "score", "assessment", "observations", *correction, *later,
            "act_number", "act_date", "submitted_by", "submitted_at", "created_by", "created_at", *version,
        )

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.readonly_fields
        # The report never changes; a submitted evaluation, nothing at all.
        fields = ("report",) if obj.status == CongressStatus.DRAFT else self.get_fields(request, obj)
        return (*self.readonly_fields, *fields)

    @admin.display(description=_("corregida por"))
    def corrected_later_by(self, obj) -> str:
        return str(obj.corrected_by) if hasattr(obj, "corrected_by") else "—"

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "report":
            # Only a delivered report is evaluated; from the report's page, that one.
            asked = _report_asked(request)
            reports = Report.objects.filter(status__in=FROZEN_STATUSES)
            kwargs["queryset"] = reports.filter(pk=asked.pk) if asked else reports
            kwargs["error_messages"] = {
                "invalid_choice": _("El Congreso evalúa un informe ya entregado; elija uno de la lista.")
            }
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changeform_initial_data(self, request):
        asked = _report_asked(request)
        return {"report": asked.pk} if asked else {}

    def get_inline_instances(self, request, obj=None):
        # Without a report yet, there are no agreements to choose: they come once the draft is saved.
        if obj is None and _report_asked(request) is None:
            return []
        return super().get_inline_instances(request, obj)

    def has_add_permission(self, request):
        return super().has_add_permission(request) and _editable(request, None)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and _editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Never deleted: a submitted one is corrected by a new one; a draft is kept with its history.
        return False

    # Saving: the draft and its entries together, through the service.

    def save_model(self, request, obj, form, change):
        """Saved with its entries in ``save_related``, once the inline forms are read."""

    def save_related(self, request, form, formsets, change):
        entries = None
        for formset in formsets:
            if formset.model is CongressAgreementEvaluation:
                entries = self._entries(formset)
        congress_draft_save(
            evaluation=form.instance, user=request.user, entries=entries,
            seen_version=form.cleaned_data.get("seen_version"),
        )

    @staticmethod
    def _entries(formset) -> list[CongressAgreementEvaluation]:
        """The entries the inline forms keep, and what the admin's change message says of them."""
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        entries = []
        for inline_form in formset.forms:
            entry = inline_form.instance
            if formset.can_delete and formset._should_delete_form(inline_form):
                if entry.pk is not None:
                    formset.deleted_objects.append(entry)
                continue
            if entry.pk is None and not inline_form.has_changed():
                continue
            entries.append(entry)
            if entry.pk is None:
                formset.new_objects.append(entry)
            elif inline_form.has_changed():
                formset.changed_objects.append((entry, inline_form.changed_data))
        return entries

    def response_post_save_add(self, request, obj):
        # On to the draft's page: the agreements to evaluate and «Enviar a la CGAI» are there.
        return HttpResponseRedirect(self._change_url(obj))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as error:
            # What the forms could not foresee (another account's save a moment before): nothing saved.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def add_view(self, request, form_url="", extra_context=None):
        """A link to evaluate a report that already has the Congress's draft opens that draft."""
        asked = _report_asked(request)
        if request.method == "GET" and asked is not None:
            draft = CongressEvaluation.objects.filter(report=asked, status=CongressStatus.DRAFT).first()
            if draft is not None:
                return HttpResponseRedirect(self._change_url(draft))
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        evaluation = self.get_object(request, unquote(object_id))
        extra_context = {**(extra_context or {})}
        if evaluation is not None:
            acting = is_congress(request.user)
            extra_context.update({
                "can_submit": acting and evaluation.status == CongressStatus.DRAFT,
                "can_correct": acting and evaluation.is_submitted and not hasattr(evaluation, "corrected_by"),
                # Ids of their own: the page's main form has a «seen_version» too.
                "submit_form": CongressSubmitForm(initial={"seen_version": evaluation.version}, auto_id="submit_%s"),
                "correction_form": CongressCorrectionForm(auto_id="correction_%s"),
                "step_urls": {step: self._step_url(evaluation, step) for step in ("enviar", "corregir")},
            })
        return super().change_view(request, object_id, form_url, extra_context)

    # The steps: submit with the act, start a correction.

    def get_urls(self):
        return [
            path(
                "<path:object_id>/paso/<str:step>/", self.admin_site.admin_view(self.step_view),
                name="reports_congressevaluation_step",
            ),
            *super().get_urls(),
        ]

    def _change_url(self, evaluation) -> str:
        return reverse(
            "admin:reports_congressevaluation_change", args=[evaluation.pk], current_app=self.admin_site.name
        )

    def _step_url(self, evaluation, step) -> str:
        return reverse(
            "admin:reports_congressevaluation_step", args=[evaluation.pk, step], current_app=self.admin_site.name
        )

    def step_view(self, request, object_id, step):
        """«Enviar a la CGAI» (``enviar``) or «Registrar una corrección» (``corregir``): a form, then the service."""
        if step not in ("enviar", "corregir"):
            raise Http404(gettext("No existe ese paso."))
        if not is_congress(request.user):
            raise PermissionDenied
        evaluation = self.get_object(request, unquote(object_id))
        if evaluation is None:
            raise Http404(gettext("No existe esa evaluación."))
        form_class = CongressSubmitForm if step == "enviar" else CongressCorrectionForm
        form = form_class(request.POST or None, initial={"seen_version": evaluation.version})
        if request.method == "POST" and form.is_valid():
            try:
                if step == "enviar":
                    done = congress_submit(evaluation=evaluation, user=request.user, **form.cleaned_data)
                    message = gettext("Evaluación enviada a la CGAI con el acuerdo %(act)s.") % {"act": done.act_number}
                else:
                    done = congress_correction_start(
                        corrects=evaluation, user=request.user, note=form.cleaned_data["correction_note"]
                    )
                    message = gettext("Corrección iniciada: edite este borrador y envíelo con su acuerdo.")
            except ValidationError as error:
                add_service_error(form, error)
            else:
                self.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(self._change_url(done))
        submitting = step == "enviar"
        context = {
            **self.admin_site.each_context(request),
            "title": _("Enviar a la CGAI") if submitting else _("Registrar una corrección"),
            "subtitle": str(evaluation),
            "opts": self.opts,
            "original": evaluation,
            "form": form,
            "submit_label": _("Enviar a la CGAI") if submitting else _("Registrar una corrección"),
            "cancel_url": self._change_url(evaluation),
            "intro": _(
                "Una vez enviada, la evaluación no cambia: se publica con el informe y la CGAI recibe un aviso."
            ) if submitting else _(
                "La evaluación enviada no cambia y sigue pública; la corrección es un nuevo borrador que dice qué "
                "corrige y que se envía con su propio acuerdo."
            ),
        }
        return TemplateResponse(request, "admin/reports/report/action_form.html", context)
