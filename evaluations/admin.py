"""The government's evaluations of the agreements, and the list of the
agreements still lacking one for a semester.

The liaison of an agreement's body drafts its evaluation and submits it; a
CGAI reviewer returns it with observations or approves it (the steps and
their rules are ``evaluations.services``'s). A liaison sees its own body's
agreements only. A submitted or approved evaluation is read-only; the form
carries the version it was opened on, so two people can't overwrite each
other."""

from pathlib import Path

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _

from agreements.models import Commitment
from cdmx_global.access import body_of, user_can_review, user_sees_every_body
from cdmx_global.admin import HistoryAdmin
from cdmx_global.versioning import VersionedModelForm

from .services import (
    EDITABLE, ensure_evaluable, evaluation_approve, evaluation_return, evaluation_save, evaluation_submit, may_draft,
)
from .models import AgreementEvaluation, CommitmentProgress, EvaluationEvidence, EvaluationStatus
from .pending import actions_counted, evaluate_url, lacking_evaluation_for
from .periods import Semester
from .agreement_choice import PublishedAgreementAutocompleteView, PublishedAgreementMixin
from .semesters import recent_semesters, semester_column

#: The cycle's buttons: the step, and what is said once done.
STEPS = {
    "enviar": (evaluation_submit, _("Evaluación enviada a revisión de la CGAI.")),
    "aprobar": (evaluation_approve, _("Evaluación aprobada: entrará en el informe del semestre.")),
    "devolver": (evaluation_return, _("Evaluación devuelta al enlace con sus observaciones.")),
}


class EvidenceInline(admin.StackedInline):
    """The evidence files, added and removed while the evaluation is a draft or returned."""

    model = EvaluationEvidence
    fields = ("file", "description")
    extra = 1

    def _editable(self, request, obj) -> bool:
        return obj is None or (obj.status in EDITABLE and may_draft(request.user, obj.agreement))

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "file" and formfield is not None:
            # Django puts a file input in a fieldset whose legend names it, which
            # no screen reader takes as the input's label: name it on the input.
            formfield.widget.attrs["aria-label"] = str(db_field.verbose_name).capitalize()
        return formfield

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or request.user.has_perm("evaluations.view_agreementevaluation")


class ProgressInline(EvidenceInline):
    """The progress of each of the agreement's commitments in the semester: one
    row per commitment, offered filled in; a row left empty is not saved."""

    model = CommitmentProgress
    fields = ("commitment", "measured_by", "value", "note")
    readonly_fields = ("measured_by",)
    extra = 0

    @staticmethod
    def _agreement_id(request, obj):
        if obj is not None:
            return obj.agreement_id
        wanted = request.GET.get("agreement", "") or request.POST.get("agreement", "")
        return int(wanted) if wanted.isdigit() else None

    def get_formset(self, request, obj=None, **kwargs):
        agreement_id = self._agreement_id(request, obj)
        request.evaluated_agreement_id = agreement_id
        commitments = list(Commitment.objects.filter(agreement_id=agreement_id).order_by("order", "pk"))
        entered = set(obj.progress.values_list("commitment_id", flat=True)) if obj is not None else set()
        missing = [c for c in commitments if c.pk not in entered]
        kwargs["extra"] = len(missing)
        formset = super().get_formset(request, obj, **kwargs)

        class OneRowPerCommitment(formset):
            def __init__(self, *args, **options):
                options.setdefault("initial", [{"commitment": c.pk} for c in missing])
                super().__init__(*args, **options)

            def _construct_form(self, i, **options):
                form = super()._construct_form(i, **options)
                offered = i - self.initial_form_count()
                if 0 <= offered < len(missing) and form.instance.commitment_id is None:
                    form.instance.commitment = missing[offered]  # so the row says how it is measured
                return form

        return OneRowPerCommitment

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "commitment":
            kwargs["queryset"] = Commitment.objects.filter(agreement_id=getattr(request, "evaluated_agreement_id", None))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("cómo se mide"))
    def measured_by(self, progress) -> str:
        commitment = progress.commitment if progress.commitment_id else None
        if commitment is None:
            return ""
        if commitment.target is None:
            return gettext("Cualitativo: describa el avance.")
        return gettext("%(indicator)s: de %(baseline)s a %(target)s %(unit)s") % {
            "indicator": commitment.indicator, "baseline": commitment.baseline if commitment.baseline is not None else 0,
            "target": commitment.target, "unit": commitment.unit,
        }


class EvaluationForm(VersionedModelForm):
    class Meta:
        model = AgreementEvaluation
        fields = "__all__"

    def clean(self):
        cleaned = super().clean()
        agreement, year, half = (cleaned.get(name) for name in ("agreement", "year", "half"))
        if agreement is not None and year and half:
            try:
                ensure_evaluable(agreement, Semester(year, half))
            except ValidationError as error:
                self.add_error(None, error.message_dict["half"])
        return cleaned


@admin.register(AgreementEvaluation)
class AgreementEvaluationAdmin(PublishedAgreementMixin, HistoryAdmin):
    form = EvaluationForm
    inlines = [ProgressInline, EvidenceInline]
    change_form_template = "admin/evaluations/agreementevaluation/change_form.html"
    list_display = ("agreement", semester_column, "status", "recommendation", "evaluated_by")
    list_select_related = ("agreement", "evaluated_by")
    list_filter = ("status", "year", "half", "recommendation")
    search_fields = ("agreement__code", "agreement__title")
    readonly_fields = (
        "actions_counted", "evaluated_by", "created_at", "updated_at", "status", "submitted_by", "submitted_at",
        "reviewed_by", "reviewed_at", "review_comment",
    )
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
        (
            _("Ciclo"),
            {
                "fields": (
                    "status", "review_comment", ("submitted_by", "submitted_at"), ("reviewed_by", "reviewed_at"),
                    "evaluated_by", ("created_at", "updated_at"),
                    # Hidden: the version the form was opened on (``cdmx_global.versioning``).
                    "seen_version",
                )
            },
        ),
    )

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if user_sees_every_body(request.user):
            return queryset
        return queryset.filter(agreement__body=body_of(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "agreement" and not user_sees_every_body(request.user):
            formfield.queryset = formfield.queryset.filter(body=body_of(request.user))
        return formfield

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status not in EDITABLE:
            # Submitted or approved: nothing is edited any more.
            return [*self.readonly_fields, *(f.name for f in self.model._meta.fields if f.editable)]
        return self.readonly_fields

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or may_draft(request.user, obj.agreement))

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
        evaluation_save(evaluation=obj, user=request.user, seen_version=form.cleaned_data.get("seen_version"))

    def add_view(self, request, form_url="", extra_context=None):
        """A link to evaluate an agreement that already has its evaluation for
        the semester (a draft, say) opens that one."""
        wanted = {key: request.GET.get(key, "") for key in ("agreement", "year", "half")}
        if request.method == "GET" and all(value.isdigit() for value in wanted.values()):
            existing = self.get_queryset(request).filter(
                agreement_id=wanted["agreement"], year=wanted["year"], half=wanted["half"]
            ).first()
            if existing is not None:
                return HttpResponseRedirect(reverse("admin:evaluations_agreementevaluation_change", args=[existing.pk]))
        return super().add_view(request, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        evaluation = self.get_object(request, unquote(object_id))
        extra_context = {**(extra_context or {})}
        if evaluation is not None:
            extra_context.update({
                "can_submit": evaluation.status in EDITABLE and may_draft(request.user, evaluation.agreement),
                "can_review": evaluation.status == EvaluationStatus.SUBMITTED and user_can_review(request.user),
                "step_urls": {
                    step: reverse("admin:evaluations_agreementevaluation_step", args=[evaluation.pk, step]) for step in STEPS
                },
            })
        return super().change_view(request, object_id, form_url, extra_context)

    def evidence_view(self, request, object_id, evidence_id):
        """An evidence file, for the staff who may see its evaluation."""
        evaluation = self.get_object(request, unquote(object_id))
        if evaluation is None or not self.has_view_permission(request, evaluation):
            raise Http404(gettext("No existe esa evaluación."))
        evidence = evaluation.evidence.filter(pk=evidence_id).first()
        if evidence is None:
            raise Http404(gettext("No existe esa evidencia."))
        try:
            handle = evidence.file.open("rb")
        except FileNotFoundError:
            raise Http404(gettext("El archivo no está en el almacenamiento.")) from None
        return FileResponse(handle, as_attachment=True, filename=Path(evidence.file.name).name)

    def step_view(self, request, object_id, step):
        """Submit, approve or return with observations: a POST from the evaluation's page."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        evaluation = self.get_object(request, unquote(object_id))
        if evaluation is None or step not in STEPS:
            raise Http404(gettext("No existe esa evaluación."))
        service, done = STEPS[step]
        options = {"evaluation": evaluation, "user": request.user}
        if request.POST.get("seen_version", "").isdigit():
            options["seen_version"] = int(request.POST["seen_version"])
        if step == "devolver":
            options["comment"] = request.POST.get("review_comment", "")
        try:
            service(**options)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:evaluations_agreementevaluation_change", args=[evaluation.pk]))

    def has_delete_permission(self, request, obj=None):
        # An evaluation is corrected, not deleted: its history stays with it.
        return False

    def get_urls(self):
        return [
            path("pendientes/", self.admin_site.admin_view(self.pending_view), name="evaluations_agreementevaluation_pending"),
            path(
                "<path:object_id>/ciclo/<str:step>/", self.admin_site.admin_view(self.step_view),
                name="evaluations_agreementevaluation_step",
            ),
            path(
                "<path:object_id>/evidencia/<int:evidence_id>/", self.admin_site.admin_view(self.evidence_view),
                name="evaluations_agreementevaluation_evidence",
            ),
            path(
                "acuerdos-publicados/",
                self.admin_site.admin_view(PublishedAgreementAutocompleteView.as_view(admin_site=self.admin_site)),
                name="evaluations_published_agreement_autocomplete",
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
            placements = lacking_evaluation_for(request.user, semester)
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
        return TemplateResponse(request, "admin/evaluations/agreementevaluation/pending.html", context)
